// The page's language switch: the other language's name, which opens the same
// link in it (`lang=`). The link holds the run, and a paused run's moment
// (`at=`), so the reader comes back to what they were looking at; every word
// is written once, as the page starts (words/index.js), not rewritten live.
import { toQuery } from '../app/state.js';

/** `button` switches to the language it names; `w` the page's words; `state()` the run's state.
 * @param {HTMLElement | null} button
 * @param {import('./types.js').Words} w
 * @param {() => import('./types.js').PageState} state */
export function languageSwitch(button, w, state) {
  if (!button) return;
  const other = w.lang === 'ja' ? 'en' : 'ja';
  button.textContent = w(`language.${other}`);
  button.lang = other;
  button.hidden = false;
  button.addEventListener('click', () => {
    location.search = toQuery({ ...state(), lang: other });
  });
}
