// Notices: short messages above the views (a refused value, a file loaded or
// not), each with its own dismiss button. The same text again replaces the old
// one rather than stacking up.
import { el } from './ui.js';

/** Returns `notify(text)`, which shows `text` (as text, never HTML) in `box`. */
export function notices(box) {
  return function notify(text) {
    for (const old of [...box.children]) if (old.firstChild.textContent === text) old.remove();
    const close = el('button', { type: 'button', className: 'close', title: 'Dismiss' }, '×');
    close.setAttribute('aria-label', 'Dismiss');
    const note = el('p', { className: 'notice' }, el('span', {}, text), close);
    close.addEventListener('click', () => note.remove());
    box.append(note);
  };
}
