// The interface's words, in each language it speaks (English and Japanese):
// one table, kept in this folder a file per part of the interface (the page,
// the run's lines, the views, the cards, the element), each entry written once
// with every language side by side. The parameters' own words (labels, help,
// refusals) are the engine's schema's, not these.
//
// A root (the page's document, an element's shadow root) speaks one language,
// chosen when it starts: its words load (`learn`: the language's module in
// lang/, which the build cuts to that language's texts), then the root speaks
// it (`speak`); every module finds the words of the root its nodes are in
// (`wordsAt(node)`), so nothing needs passing down.
/** @typedef {'en' | 'ja'} Language */
/** @type {readonly Language[]} */
export const LANGUAGES = ['en', 'ja'];

/**
 * One language's text of an entry: a string, or a function of the entry's
 * values (counts and names, already formatted, or a flag) giving the string.
 * The values are `any`: each entry takes its own, and the table is the place
 * that says which.
 * @typedef {string | ((...values: any[]) => string)} WordText
 */

/**
 * An entry of a table: its text in every language, English always (a language
 * without a text for it yet falls back to English).
 * @typedef {{ en: WordText, ja?: WordText }} WordEntry
 */

/**
 * A table of entries by key (`part.what`): the type each file of this folder gives its table.
 * @typedef {Record<string, WordEntry>} WordTable
 */

/**
 * The words of one language (`wordsIn`): `w(key, ...values)` gives an entry's text.
 * @typedef {object} WordsProps
 * @property {Language} lang the language's code
 * @property {string} locale the locale its numbers are written in
 * @property {(text: { en?: string, ja?: string } | null | undefined) => string} pick a `{ en, ja }` text from elsewhere (the engine's schema) in this language
 * @property {(count: number) => string} int a count as the language writes it (1,234)
 * @typedef {((key: string, ...values: any[]) => string) & WordsProps} Words
 */

/** Every entry learned so far: `key: { en, ja }`, each a string or a function of
 * the entry's values. A reader downloads one language (`learn`): once built,
 * each language's module carries only its texts (scripts/words-by-language.mjs),
 * so an entry holds the languages learned. The words only the page says
 * (lang/page-*.js) are added by the page's start (app/boot.js): an
 * <ed-playground> figure does not download them.
 * @type {WordTable} */
export const WORDS = {};

/**
 * A part's words, a module per language (lang/): each gives its tables.
 * @typedef {Record<Language, () => Promise<{ TABLES: Record<string, WordTable> }>>} WordModules
 */

/** The words every figure says, the page's and an element's. @type {WordModules} */
const FIGURE_WORDS = {
  en: () => import('./lang/en.js'),
  ja: () => import('./lang/ja.js'),
};

/** What has been or is being learned, by modules and language. @type {WeakMap<WordModules, Map<Language, Promise<void>>>} */
const learning = new WeakMap();

/**
 * Loads the words of `modules` in `lang` (once: later calls share the load; a
 * failed one, a file missing, may be tried again).
 * @param {WordModules} modules
 * @param {Language} lang
 * @returns {Promise<void>}
 */
export function learnFrom(modules, lang) {
  const loads = learning.get(modules) ?? new Map();
  learning.set(modules, loads);
  let loaded = loads.get(lang);
  if (!loaded) {
    loaded = modules[lang]().then(({ TABLES }) => addTables(TABLES));
    loaded.catch(() => loads.delete(lang));
    loads.set(lang, loaded);
  }
  return loaded;
}

/**
 * Loads the words a figure says in `lang`: every root that speaks `lang`
 * (`speak`) waits for it first.
 * @param {Language} lang
 */
export const learn = (lang) => learnFrom(FIGURE_WORDS, lang);

/**
 * Adds the entries of `parts` (tables by name) to the words, a key written
 * twice among them refused; an entry learned before in another language gains
 * this one's texts.
 * @param {Record<string, WordTable>} parts
 */
export function addTables(parts) {
  for (const [key, entry] of Object.entries(merge(parts))) WORDS[key] = { ...entry, ...WORDS[key] };
}

/**
 * The tables as one, refusing a key written twice.
 * @param {Record<string, WordTable>} parts
 * @returns {WordTable}
 */
function merge(parts) {
  /** @type {WordTable} */
  const all = {};
  for (const [part, table] of Object.entries(parts)) {
    for (const [key, entry] of Object.entries(table)) {
      if (Object.hasOwn(all, key)) throw new Error(`words: “${key}” is in two tables (${part})`);
      all[key] = entry;
    }
  }
  return all;
}

/** @type {Record<Language, string>} */
const LOCALES = { en: 'en-US', ja: 'ja-JP' };

/**
 * The words in `lang`: a function `w(key, ...values)` giving the entry's text
 * (English where an entry has no text in `lang` yet), with `w.lang`, `w.locale`,
 * `w.int(count)`, and `w.pick(text)` for a `{ en, ja }` text from elsewhere (the engine's schema).
 * @param {string | null | undefined} lang
 * @returns {Words}
 */
export function wordsIn(lang) {
  const language = LANGUAGES.find((l) => l === lang) ?? 'en';
  /** @type {(key: string, ...values: any[]) => string} */
  const text = (key, ...values) => {
    const entry = WORDS[key];
    if (!entry) throw new Error(`words: no entry “${key}”`);
    const written = entry[language] ?? entry.en;
    if (written === undefined) throw new Error(`words: “${key}” has not been learned in ${language}`);
    return typeof written === 'function' ? written(...values) : written;
  };
  const locale = LOCALES[language];
  return Object.assign(text, {
    lang: language,
    locale,
    /** @type {WordsProps['pick']} */
    pick: (given) => given?.[language] || given?.en || '',
    /** A count as the language writes it (1,234). @param {number} v */
    int: (v) => Math.round(v).toLocaleString(locale),
  });
}

/**
 * The language a root speaks: `asked` if it is one of ours (a link's `lang=`,
 * an element's `lang` attribute), else the nearest `lang` around `node` that is,
 * else the browser's first language that is, else English.
 * @param {string | null | undefined} asked
 * @param {Element | null | undefined} node
 * @returns {Language}
 */
export function chooseLanguage(asked, node) {
  /** @param {string | null | undefined} tag */
  const ours = (tag) =>
    LANGUAGES.find(
      (l) => typeof tag === 'string' && (tag.toLowerCase() === l || tag.toLowerCase().startsWith(`${l}-`)),
    );
  return ours(asked) ?? ours(langAround(node)) ?? navigator.languages.map(ours).find(Boolean) ?? 'en';
}

/**
 * The `lang` attribute nearest around `node`, as HTML inherits it: up through
 * its ancestors and, across a shadow root, its host's (a figure inside another
 * component's shadow root on a `lang="ja"` page speaks Japanese).
 * @param {Element | null | undefined} node
 * @returns {string | null}
 */
function langAround(node) {
  for (let at = node; at; ) {
    const found = at.closest('[lang]');
    if (found) return found.getAttribute('lang');
    const root = at.getRootNode();
    at = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/** @type {WeakMap<Node, Words>} */
const byRoot = new WeakMap();

/**
 * `root` (a document or a shadow root) speaks `lang` from now on; returns its words.
 * @param {Document | ShadowRoot} root
 * @param {string | null | undefined} lang
 */
export function speak(root, lang) {
  const w = wordsIn(lang);
  byRoot.set(root, w);
  return w;
}

/**
 * The words of the root `node` is in (English before any `speak`; `learn` first).
 * @param {Node | null | undefined} node
 * @returns {Words}
 */
export const wordsAt = (node) => byRoot.get(node?.getRootNode?.() ?? document) ?? byRoot.get(document) ?? wordsIn('en');

/**
 * Where the static markup's words go: `data-w` an element's text, `data-w-label`
 * its `aria-label`, `data-w-title` its `title`, `data-w-placeholder` its
 * `placeholder`.
 * @type {Array<[string, (node: Element, text: string) => void]>}
 */
const MARKUP = [
  [
    'data-w',
    (n, t) => {
      n.textContent = t;
    },
  ],
  ['data-w-label', (n, t) => n.setAttribute('aria-label', t)],
  ['data-w-title', (n, t) => n.setAttribute('title', t)],
  ['data-w-placeholder', (n, t) => n.setAttribute('placeholder', t)],
];

/**
 * Writes the words of the static markup under `root` in its language (see
 * `MARKUP`). The markup keeps its English as written (the first paint, a page
 * without JavaScript); a test checks it against the table's.
 * @param {ParentNode & Node} root
 * @param {Words} [w]
 */
export function applyWords(root, w = wordsAt(root)) {
  for (const [attr, apply] of MARKUP)
    for (const n of root.querySelectorAll(`[${attr}]`)) {
      apply(n, w(n.getAttribute(attr) ?? ''));
    }
}
