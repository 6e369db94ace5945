// One language at a time: an esbuild plugin that builds each language's words
// (www/words/lang/<lang>.js and the page's page-<lang>.js) with only that
// language's texts. The words are written once, every language side by side
// (`key: { en, ja }`, www/words/index.js); a reader needs one of them, so each
// table a language's module imports is loaded a second time under that
// language (the import's `?lang=` suffix), each `{ en, ja }` entry cut to
// `{ ja }` (or `{ en }` where the entry has no Japanese yet: the fallback the
// words promise). Outside the build (the type check, Node's tests) the same
// modules carry every language, which is only larger.
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parse } from 'acorn';

const WORDS = resolve('www/words');
const LANGUAGES = ['en', 'ja'];

/** The language a module under www/words/lang/ speaks by its name (`ja.js`, `page-ja.js`), or null. */
function languageOfEntry(path) {
  if (dirname(path) !== resolve(WORDS, 'lang')) return null;
  const name = basename(path, '.js').replace(/^page-/, '');
  return LANGUAGES.includes(name) ? name : null;
}

/** The key an object literal's property is written under, or null (computed, spread). */
function keyOf(property) {
  if (property.type !== 'Property' || property.computed) return null;
  return property.key.type === 'Identifier' ? property.key.name : property.key.value;
}

/** Whether `node` is an entry of the words: an object literal of languages, English among them. */
function isEntry(node) {
  if (node.type !== 'ObjectExpression' || node.properties.length === 0) return false;
  const keys = node.properties.map(keyOf);
  return keys.includes('en') && keys.every((k) => LANGUAGES.includes(k));
}

/** Every entry in the tree under `node`, outermost first (an entry's own texts are not searched). */
function entries(node, found = []) {
  if (!node || typeof node.type !== 'string') return found;
  if (isEntry(node)) {
    found.push(node);
    return found;
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) entries(child, found);
    else if (value && typeof value === 'object') entries(value, found);
  }
  return found;
}

/**
 * `source` (a words table's module) with each entry cut to `lang`'s text, or
 * English's where the entry has none in `lang`. Exported for its test.
 * @param {string} source @param {string} lang
 */
export function keepLanguage(source, lang) {
  const tree = parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
  let out = '';
  let from = 0;
  for (const entry of entries(tree)) {
    const kept = entry.properties.find((p) => keyOf(p) === lang) ?? entry.properties.find((p) => keyOf(p) === 'en');
    out += `${source.slice(from, entry.start)}{ ${keyOf(kept)}: ${source.slice(kept.value.start, kept.value.end)} }`;
    from = entry.end;
  }
  return out + source.slice(from);
}

export const wordsByLanguage = {
  name: 'words-by-language',
  setup(build) {
    // A words module imported by a language's module (or by a module already
    // loaded under a language) is loaded under that language too.
    build.onResolve({ filter: /^\.\.?\// }, ({ path, importer, resolveDir, pluginData }) => {
      const lang = languageOfEntry(importer) ?? pluginData?.lang;
      const target = resolve(resolveDir, path);
      // The words' functions (index.js) stay one module: only the tables are cut.
      if (!lang || !target.startsWith(WORDS) || target === resolve(WORDS, 'index.js')) return undefined;
      return { path: target, suffix: `?lang=${lang}`, pluginData: { lang } };
    });
    build.onLoad({ filter: /\.js$/ }, async ({ path, suffix, pluginData }) => {
      const lang = suffix ? pluginData?.lang : null;
      if (!lang || !path.startsWith(WORDS)) return undefined;
      const contents = keepLanguage(await readFile(path, 'utf8'), lang);
      return { contents, loader: 'js', resolveDir: dirname(path), pluginData: { lang } };
    });
  },
};
