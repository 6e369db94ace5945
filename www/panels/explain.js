// "Explain one step": one ED update in slow motion. The button pauses the run
// and trains exactly the next pattern of its epoch through the engine's traced
// update (`Playground.explain`, src/train/session/explain.rs), which returns
// every number of that update; the panel then walks through them in five
// stages (the inputs doubled, the forward pass, the error and the signal, the
// broadcast, the update), drawing each on the network view and, in the last,
// the weights that grew on the heatmaps. Next after the last stage explains
// the pattern after it, so a reader can walk a whole epoch: the weights are
// then those of one Step, bit for bit. The update is applied when its
// explanation opens; closing leaves the run paused there.
//
// Few readers press it, so this module is only its button: the walk
// (explain/walk.js: the panel and its navigation) and what it says (the
// words' lang/explain-*.js) load when the button is first pressed. What each
// stage says is in explain/stages.js, the last stage's formula in
// explain/formula.js, and the trace's shape in explain/trace.js.
import { el } from '../ui.js';
import { learnFrom, wordsAt } from '../words/index.js';
import { reason } from '../app/engine.js';

/** @typedef {import('./explain/trace.js').Edge} Edge */

/**
 * What the network view is shown of an explanation: the trace, how far it has
 * come, backprop's path beside it, and the weight the formula is for.
 * @typedef {{ x: import('./explain/trace.js').Trace, stage: number, bp: boolean, edge: Edge | null }} NetworkExplain
 */

/**
 * The views an explanation draws on (either may be absent from a root): the
 * network view (views/network.js `explain`), told of the connection the reader
 * points at, and the weights' heatmaps (views/weights.js `mark`).
 * @typedef {object} ExplainHost
 * @property {() => import('../views/contract.js').Run} current the run now
 * @property {() => void} pause
 * @property {() => void} redraw the run moved or the stage changed
 * @property {{ explain(view: NetworkExplain | null, edge?: ((hit: Edge) => void) | null): void }} [net]
 * @property {{ mark(marks: { delta: number[][], pointed: Edge | null, cell: (hit: Edge) => void } | null): void }} [weights]
 */

/**
 * The button `#explain-open` and the panel `#explain` of `root` (absent:
 * nothing). Returns `{ close() }`, for a new run, Play or Step.
 * @param {import('../views/contract.js').Root} root
 * @param {ExplainHost} on
 * @returns {{ close(): void }}
 */
export function explainPanel(root, on) {
  const box = root.getElementById('explain'),
    open = root.getElementById('explain-open');
  if (!box || !open) return { close() {} };
  /** @type {{ open(): void, close(): void } | null} the walk, once loaded */
  let walker = null;
  open.addEventListener('click', async () => {
    if (!walker) {
      try {
        const lang = wordsAt(root).lang;
        const [{ walk }] = await Promise.all([import('./explain/walk.js'), learnFrom(WALK_WORDS, lang)]);
        walker ??= walk(root, on, box, open);
      } catch (e) {
        unavailable(root, box, reason(e));
        return;
      }
    }
    walker.open();
  });
  // The panel's close button, while no walk has loaded (it failed to): the walk has its own.
  root.getElementById('explain-close')?.addEventListener('click', () => {
    if (walker) return;
    box.hidden = true;
    open.hidden = false;
  });
  return { close: () => walker?.close() };
}

/** What the walk says, a module per language. @type {import('../words/index.js').WordModules} */
const WALK_WORDS = {
  en: () => import('../words/lang/explain-en.js'),
  ja: () => import('../words/lang/explain-ja.js'),
};

/**
 * The walk failed to load (a file missing): the panel says so, with the reason.
 * @param {import('../views/contract.js').Root} root @param {HTMLElement} box @param {string} why
 */
function unavailable(root, box, why) {
  box.hidden = false;
  root
    .getElementById('explain-body')
    ?.replaceChildren(el('p', { role: 'alert' }, wordsAt(root)('explain.unavailable', why)));
  for (const id of ['explain-back', 'explain-next']) root.getElementById(id)?.setAttribute('disabled', '');
}
