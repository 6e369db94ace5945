// The note of the task in force, under the output: the engine's table says
// where a task is one ED does not learn (the spirals), with a link to a run
// that shows it. Text only; the link's address is the table's own.
import { el } from '../ui.js';
import { entry } from '../app/state.js';
import { wordsAt } from '../words/index.js';

/**
 * A task's note in the engine's table: its text and its link's words, each `{ en, ja }`, and the link.
 * @typedef {{ text: Record<string, string>, link: Record<string, string>, href: string }} TaskNote
 */

/**
 * Shows `task`'s note in `box`, or hides `box` for a task without one.
 * @param {HTMLElement} box @param {string} task
 */
export function showTaskNote(box, task) {
  /** @type {Array<{ value: string, note?: TaskNote }>} */
  const options = entry('task')?.options ?? [];
  const note = options.find((o) => o.value === task)?.note;
  box.hidden = !note;
  const w = wordsAt(box);
  box.replaceChildren(
    ...(note ? [`${w.pick(note.text)} `, el('a', { href: note.href }, w.pick(note.link)), w('settings.note-end')] : []),
  );
}
