// The note of the task in force, under the output: the engine's table says
// where a task is one ED does not learn (the spirals), with a link to a run
// that shows it. Text only; the link's address is the table's own.
import { el } from '../ui.js';
import { entry } from '../app/state.js';
import { wordsAt } from '../words/index.js';

/**
 * Shows `task`'s note in `box`, or hides `box` for a task without one.
 * @param {HTMLElement} box @param {string} task
 */
export function showTaskNote(box, task) {
  const note = entry('task')?.options?.find((o) => o.value === task)?.note;
  box.hidden = !note;
  const w = wordsAt(box);
  box.replaceChildren(
    ...(note ? [`${w.pick(note.text)} `, el('a', { href: note.href }, w.pick(note.link)), w('settings.note-end')] : []),
  );
}
