// "Embed this": the page's current settings as the two snippets a blog author
// pastes, the <ed-playground> element and the iframe of embed.html, each with a
// Copy button, beside a link to the example post. The element's attributes are
// the engine's parameter table's names (an entry's `attribute`, where the
// element calls it otherwise: `layers` for the link's `hidden`), written as the
// link writes them and only where they differ from the defaults. The snippets
// are text (textContent), never HTML, whatever the link held.
import { schema, show, defaults, isPlaneTask, readParams } from '../app/state.js';
import { ownClasses } from './points.js';
import { wordsAt } from '../words/index.js';

// Every reader-facing word of this module is in words/page.js (`embedThis.*`), in
// the language of the document: the iframe's title too, for the author's readers.
const said = (/** @type {string} */ key) => wordsAt(document)(`embedThis.${key}`);

/** @typedef {import('./types.js').PageState} PageState */
/** @typedef {[name: string, text: string]} Attribute an attribute, or a query's pair */

// What the snippets leave out, being the page's and the link's alone: a figure in
// a post starts at epoch 0 and plays (its own `autoplay`), whatever moment the
// page is paused at, and a presentation is the page's.
const PAGE_ONLY = new Set(['paused', 'at', 'present']);

/** The element's own attributes for a state: which views and controls a figure of it shows.
 * @param {PageState} state @returns {Attribute[]} */
export const figureAttributes = (state) => [
  // The reader's own points are points on the plane too: the map shows them.
  ['views', isPlaneTask(state.task) || ownClasses(state.task) ? 'chart,network,map' : 'chart,network,table'],
  ['controls', 'play,reset,loss'],
];

/**
 * The run's attributes `[[name, text]]`: each parameter the element would not
 * read back the same without it. A parameter whose value is its default is left
 * out, unless the rest would read it otherwise (a rule brings its own defaults:
 * `rule="kaneko"` with the seed's 8,8 layers must say so); the live changes
 * (`changes`) are kept, so the figure replays the loss and rate switches of the
 * run the reader watched, as the link does.
 * @param {PageState} state
 * @returns {Attribute[]}
 */
export function runAttributes(state) {
  /** @type {string[]} */
  const names = schema()
    .map((/** @type {import('./types.js').ParamEntry} */ e) => e.name)
    .filter((/** @type {string} */ n) => !PAGE_ONLY.has(n) && Object.hasOwn(state, n));
  /** The value of `n` in the state `s`, as its text. @param {PageState} s @param {string} n */
  const text = (s, n) => show(n, s[n]);
  const def = defaults();
  let kept = names.filter((n) => text(def, n) !== text(state, n));
  /** The state the element would read from the attributes of `list`. @param {string[]} list @returns {PageState} */
  const readBack = (list) => readParams(list.map((n) => [n, text(state, n)]));
  /** @param {string[]} list */
  const same = (list) => {
    const s = readBack(list);
    return names.every((n) => text(s, n) === text(state, n));
  };
  // A value equal to its default may still be needed (see above); one the rest
  // brings anyway is not. Dropped one at a time, each drop checked on the whole.
  const back = readBack(kept);
  kept = names.filter((n) => kept.includes(n) || text(back, n) !== text(state, n));
  for (const n of [...kept]) if (same(kept.filter((m) => m !== n))) kept = kept.filter((m) => m !== n);
  /** @type {Record<string, string>} */
  const attribute = Object.fromEntries(
    schema().map((/** @type {import('./types.js').ParamEntry} */ e) => [e.name, e.attribute ?? e.name]),
  );
  return kept.map((n) => [attribute[n], text(state, n)]);
}

// An attribute value in double quotes: the values are the table's normalised
// tokens, but nothing is assumed.
const quoted = (/** @type {string} */ v) => `"${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;

/** The two snippets for `state`, for a site whose copy of the files is at `base` (a URL).
 * @param {PageState} state @param {string} base
 * @returns {{ element: string, iframe: string }} */
export function snippets(state, base) {
  const pairs = [...runAttributes(state), ...figureAttributes(state)];
  const script = new URL('ed-playground.js', base).href,
    frame = new URL('embed.html', base);
  const element =
    `<script type="module" src=${quoted(script)}></script>\n` +
    `<ed-playground ${pairs.map(([n, v]) => `${n}=${quoted(v)}`).join(' ')}></ed-playground>`;
  // The query as the page's link writes it: tokens, commas and colons as they are.
  frame.search = pairs
    .map(([n, v]) => `${n}=${encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3A/g, ':')}`)
    .join('&');
  // Its `&`s stay as they are, as in the docs: each is followed by a parameter's
  // name and `=`, which HTML never reads as a character reference (the values are
  // percent-encoded above). 640 × 640: the three views in a 640-pixel frame, a race's
  // two maps included, took 530 to 610 pixels.
  const iframe = `<iframe src="${frame.href.replace(/"/g, '%22')}" title=${quoted(said('title'))} width="640" height="640" loading="lazy"></iframe>`;
  return { element, iframe };
}

/**
 * Wires the dialog: `button` opens `dialog`, whose `[data-snippet]` blocks
 * (`element`, `iframe`) are filled from `current()` (the page's state) each time
 * it opens, each with the `[data-copy]` button naming it.
 * @param {HTMLElement} button
 * @param {HTMLDialogElement} dialog
 * @param {() => PageState} current
 */
export function embedThis(button, dialog, current) {
  /** @type {Record<string, HTMLElement>} */
  const blocks = Object.fromEntries(
    [...dialog.querySelectorAll('[data-snippet]')].map((b) => [/** @type {HTMLElement} */ (b).dataset.snippet, b]),
  );
  const fill = () => {
    /** @type {Record<string, string>} */
    // The language the reader sees, always: a Japanese browser's page says no
    // `lang=`, and pasted into an `<html lang="en">` post the figure would speak English.
    const texts = snippets({ ...current(), lang: wordsAt(dialog).lang }, document.baseURI);
    for (const [name, block] of Object.entries(blocks)) block.textContent = texts[name];
  };
  button.addEventListener('click', () => {
    fill();
    for (const b of dialog.querySelectorAll('[data-copy]')) b.textContent = said('copy');
    dialog.showModal();
  });
  // The page's keyboard shortcuts (space, s, r) are not for the dialog's keys.
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') e.stopPropagation();
  });
  // A click on the backdrop (outside the dialog's box) closes it, as a reader expects.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog && outside(dialog, e)) dialog.close();
  });
  for (const button of dialog.querySelectorAll('[data-copy]')) {
    const copy = /** @type {HTMLElement} */ (button);
    copy.addEventListener('click', async () => {
      const block = blocks[copy.dataset.copy ?? ''];
      try {
        await navigator.clipboard.writeText(block.textContent ?? '');
        say(copy, said('copied'));
      } catch {
        select(block);
        say(copy, said('selected'));
      }
    });
  }
}

/** Whether the click `e` fell outside `dialog`'s box (on its backdrop).
 * @param {HTMLDialogElement} dialog @param {MouseEvent} e */
const outside = (dialog, e) => {
  const r = dialog.getBoundingClientRect();
  return e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom;
};

// Each Copy button's timer that puts its own word back.
/** @type {WeakMap<HTMLElement, ReturnType<typeof setTimeout>>} */
const sayTimers = new WeakMap();

/** The button says what happened (and its live region tells a screen reader).
 * @param {HTMLElement} button @param {string} text */
function say(button, text) {
  button.textContent = text;
  clearTimeout(sayTimers.get(button));
  sayTimers.set(
    button,
    setTimeout(() => {
      button.textContent = said('copy');
    }, 4000),
  );
}

/** Selects the whole of `block`, for the reader to copy by hand.
 * @param {HTMLElement} block */
function select(block) {
  const range = document.createRange();
  range.selectNodeContents(block);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  block.focus();
}
