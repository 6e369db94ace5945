// The note of the task in force, under the output: the engine's table says
// where a task is one ED does not learn (the spirals), with a link to a run
// that shows it. Text only; the link's address is the table's own.
import { el } from './ui.js';
import { entry, words } from './state.js';

/** Shows `task`'s note in `box`, or hides `box` for a task without one. */
export function showTaskNote(box, task) {
  const note = entry('task')?.options.find((o) => o.value === task)?.note;
  box.hidden = !note;
  box.replaceChildren(...(note ? [`${words(note.text)} `, el('a', { href: note.href }, words(note.link)), '.'] : []));
}
