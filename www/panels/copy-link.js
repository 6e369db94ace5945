// "Copy link": the link of this moment (the run, replayed to its epoch and
// paused there), for a teacher to hand out. The address bar holds the same
// link while paused; this button is for when it plays, and for phones, whose
// address bar is awkward to copy from.
import { wordsAt } from '../words/index.js';

/** Wires `#copy-link` in `root` (if there) to copy `link()`. If the clipboard is
 * refused, the link is shown selected in `#copy-link-text` to copy by hand.
 * @param {import('../views/contract.js').Root} root
 * @param {() => string} link */
export function copyLink(root, link) {
  const button = root.getElementById('copy-link'),
    field = /** @type {HTMLInputElement | null} */ (root.getElementById('copy-link-text'));
  if (!button) return;
  // Its words (words/run.js, `copyLink.*`) in the language of its root.
  const w = wordsAt(root);
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  button.addEventListener('click', async () => {
    const text = link();
    try {
      await navigator.clipboard.writeText(text);
      if (field) field.hidden = true;
      button.textContent = w('copyLink.done');
    } catch {
      button.textContent = w('copyLink.failed');
      if (field) {
        field.value = text;
        field.hidden = false;
        field.select();
      }
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      button.textContent = w('copyLink.idle');
    }, 2500);
  });
}
