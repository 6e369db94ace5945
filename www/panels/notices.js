// Notices: short messages above the views (a refused value, a file loaded or
// not), each with its own dismiss button. A notice about a parameter is keyed
// by its name: a new one about it replaces the old, and a value of it accepted
// later removes it (`notify.drop(name)`), so no notice outlives what it is
// about. The same text again replaces the old one rather than stacking up.
import { el } from '../ui.js';
import { wordsAt } from '../words/index.js';

/**
 * A message: a text, or a link's or an attribute's refused parameter, keyed by its name.
 * @typedef {string | { text: string, name?: string }} Message
 */

/**
 * Shows a message; `key` (a parameter's name) keys it. `drop(key)` takes the one about `key` away.
 * @typedef {((message: Message, key?: unknown) => void) & { drop(key: string): void }} Notify
 */

/**
 * Returns `notify(message, key)`, which shows `message` (as text, never HTML)
 * in `box`. `message` is a text, or `{ text, name }` (a link's or an
 * attribute's refused parameter, keyed by its name); `key`, a parameter's name,
 * overrides. A key that is not a string (the index `forEach` passes) is none.
 * `notify.drop(key)` removes the notice about `key`, if any.
 * @param {HTMLElement} box
 * @returns {Notify}
 */
export function notices(box) {
  const DISMISS = wordsAt(box)('settings.dismiss');
  /** @returns {HTMLElement[]} */
  const notes = () => [...box.querySelectorAll(':scope > .notice')].filter((n) => n instanceof HTMLElement);
  /** @param {Message} message @param {unknown} [key] */
  function notify(message, key) {
    const text = typeof message === 'object' ? message.text : String(message);
    const name = typeof key === 'string' ? key : typeof message === 'object' ? message.name : undefined;
    for (const old of notes())
      if ((name && old.dataset.key === name) || old.firstChild?.textContent === text) old.remove();
    const close = el('button', { type: 'button', className: 'close', title: DISMISS }, '×');
    close.setAttribute('aria-label', DISMISS);
    const note = el('p', { className: 'notice' }, el('span', {}, text), close);
    if (name) note.dataset.key = name;
    close.addEventListener('click', () => note.remove());
    box.append(note);
  }
  notify.drop = (/** @type {string} */ key) => {
    for (const old of notes()) if (old.dataset.key === key) old.remove();
  };
  return notify;
}
