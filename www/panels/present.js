// Presentation mode, for a class looking at a projector from the back of the
// room: the network, the decision map and the loss chart fill one screen (1280 ×
// 720 and up) in large type (present.css), the settings folded away, the
// transport and the status line kept. A button and the link's `present=1` turn it
// on; the button again, or Escape, turns it off. The canvases draw their labels
// at the size present.css sets (`--canvas-label`, read with the colours), so the
// theme is read again and every view redrawn when it changes.
import { readTheme } from '../ui.js';
import { wordsAt } from '../words/index.js';

/**
 * What the mode asks of the running playground (app/conductor.js): to redraw
 * in the colours and label size now in force, and to write the mode into the link.
 * @typedef {{ retheme(): void, set(name: string, value: unknown): void }} PresentedPlayground
 */

// Every reader-facing word of this module is in words/page.js (`present.*`).
const said = (/** @type {string} */ key) => wordsAt(document)(`present.${key}`);

// The loss chart's height outside presentation mode (loss-chart.js's own).
const CHART_HEIGHT = 230;

/**
 * `button` toggles the mode; `settings` is the <details> it folds; `initially`:
 * whether the page opens in it (the link's `present=1`), applied at once, before
 * the page reads its colours and label size and its views first draw. Returns
 * `{ chartHeight(box), start(playground, theme) }`: the loss chart's height (a
 * function of its box: in presentation mode it fills what its card leaves), to
 * give the playground before it runs, and `start`, which wires the button to the
 * running playground (which writes `present` into the link).
 * @param {HTMLElement} button
 * @param {HTMLDetailsElement} settings
 * @param {boolean} initially
 * @returns {{ chartHeight(box: HTMLElement): number,
 *   start(run: PresentedPlayground, pageTheme: import('../views/contract.js').Theme): void }}
 */
export function presentation(button, settings, initially) {
  const root = document.documentElement;
  let on = false,
    settingsWereOpen = settings.open;
  /** @type {PresentedPlayground | null} the running playground, once `start` is given it */
  let playground = null;
  /** @type {import('../views/contract.js').Theme | undefined} the page's colours, refilled in place */
  let theme;

  /** @param {boolean} next */
  function show(next) {
    on = next;
    if (on) {
      settingsWereOpen = settings.open;
      settings.open = false;
    } else settings.open = settingsWereOpen;
    root.classList.toggle('present', on);
    button.setAttribute('aria-pressed', String(on));
    button.textContent = said(on ? 'exit' : 'enter');
    button.title = said(on ? 'exitHelp' : 'enterHelp');
  }
  show(initially);

  /** @param {boolean} next */
  function apply(next) {
    if (next === on || !playground) return;
    show(next);
    readTheme(root, theme);
    playground.retheme();
    playground.set('present', on);
    if (on) scrollTo(0, 0);
  }

  return {
    chartHeight(box) {
      if (!on) return CHART_HEIGHT;
      const shown = /** @type {HTMLElement | null} */ (box.querySelector('.u-legend'));
      const legend = shown?.offsetHeight ?? 2 * 16 * 1.5;
      return Math.max(120, Math.floor(box.clientHeight - legend - 4));
    },
    start(run, pageTheme) {
      playground = run;
      theme = pageTheme;
      button.addEventListener('click', () => apply(!on));
      document.addEventListener('keydown', (e) => {
        // An open dialog takes its own Escape first.
        if (e.key === 'Escape' && on && !document.querySelector('dialog[open]')) apply(false);
      });
    },
  };
}
