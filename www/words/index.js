// The interface's words, in each language it speaks (English and Japanese):
// one table, kept in this folder a file per part of the interface (the page,
// the run's lines, the views, the cards, the element), each entry written once
// with every language side by side. The parameters' own words (labels, help,
// refusals) are the engine's schema's, not these.
//
// A root (the page's document, an element's shadow root) speaks one language,
// chosen when it starts (`speak`); every module finds the words of the root its
// nodes are in (`wordsAt(node)`), so nothing needs passing down.
import { PAGE } from './page.js';
import { RUN } from './run.js';
import { VIEWS } from './views.js';
import { CARDS } from './cards.js';
import { EMBED } from './embed.js';
import { SETTINGS } from './settings.js';
import { EXPLAIN } from './explain.js';
import { POINTS } from './points.js';

export const LANGUAGES = ['en', 'ja'];

/** Every entry: `key: { en, ja }`, each a string or a function of the entry's values. */
export const WORDS = merge({ PAGE, RUN, VIEWS, CARDS, EMBED, SETTINGS, EXPLAIN, POINTS });

function merge(parts) {
  const all = {};
  for (const [part, table] of Object.entries(parts)) {
    for (const [key, entry] of Object.entries(table)) {
      if (Object.hasOwn(all, key)) throw new Error(`words: “${key}” is in two tables (${part})`);
      all[key] = entry;
    }
  }
  return all;
}

const LOCALES = { en: 'en-US', ja: 'ja-JP' };

/**
 * The words in `lang`: a function `w(key, ...values)` giving the entry's text
 * (English where an entry has no text in `lang` yet), with `w.lang`, `w.locale`,
 * `w.int(count)`, and `w.pick(text)` for a `{ en, ja }` text from elsewhere (the engine's schema).
 */
export function wordsIn(lang) {
  const language = LANGUAGES.includes(lang) ? lang : 'en';
  const w = (key, ...values) => {
    const entry = WORDS[key];
    if (!entry) throw new Error(`words: no entry “${key}”`);
    const text = entry[language] ?? entry.en;
    return typeof text === 'function' ? text(...values) : text;
  };
  w.lang = language;
  w.locale = LOCALES[language];
  w.pick = (text) => text?.[language] || text?.en || '';
  /** A count as the language writes it (1,234). */
  w.int = (v) => Math.round(v).toLocaleString(w.locale);
  return w;
}

/**
 * The language a root speaks: `asked` if it is one of ours (a link's `lang=`,
 * an element's `lang` attribute), else the nearest `lang` around `node` that is,
 * else the browser's first language that is, else English.
 */
export function chooseLanguage(asked, node) {
  const ours = (tag) =>
    LANGUAGES.find(
      (l) => typeof tag === 'string' && (tag.toLowerCase() === l || tag.toLowerCase().startsWith(`${l}-`)),
    );
  return (
    ours(asked) ??
    ours(node?.closest?.('[lang]')?.getAttribute('lang')) ??
    navigator.languages.map(ours).find(Boolean) ??
    'en'
  );
}

const byRoot = new WeakMap();

/** `root` (a document or a shadow root) speaks `lang` from now on; returns its words. */
export function speak(root, lang) {
  const w = wordsIn(lang);
  byRoot.set(root, w);
  return w;
}

/** The words of the root `node` is in (English before any `speak`). */
export const wordsAt = (node) => byRoot.get(node?.getRootNode?.() ?? document) ?? byRoot.get(document) ?? wordsIn('en');

/**
 * Writes the words of the static markup under `root` in its language: an
 * element's text from `data-w="key"`, its `aria-label` from `data-w-label`, its
 * `title` from `data-w-title`, its `placeholder` from `data-w-placeholder`. The
 * markup keeps its English as written (the first paint, a page without
 * JavaScript); a test checks it against the table's.
 */
export function applyWords(root, w = wordsAt(root)) {
  for (const [attr, apply] of [
    [
      'data-w',
      (n, t) => {
        n.textContent = t;
      },
    ],
    ['data-w-label', (n, t) => n.setAttribute('aria-label', t)],
    [
      'data-w-title',
      (n, t) => {
        n.title = t;
      },
    ],
    [
      'data-w-placeholder',
      (n, t) => {
        n.placeholder = t;
      },
    ],
  ])
    for (const n of root.querySelectorAll(`[${attr}]`)) apply(n, w(n.getAttribute(attr)));
}
