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
// This module is the panel and its navigation; what each stage says is in
// explain/stages.js, the last stage's formula in explain/formula.js, and the
// trace's shape in explain/trace.js.
import { el } from '../ui.js';
import { wordsAt } from '../words/index.js';
import { STAGES, stageBody } from './explain/stages.js';
import { mostGrown, num } from './explain/trace.js';

/** @typedef {import('./explain/trace.js').Explained} Explained */
/** @typedef {import('./explain/trace.js').Edge} Edge */
/** @typedef {import('./explain/trace.js').Words} Words */

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
  return box && open ? walk(root, on, box, open) : { close() {} };
}

/**
 * The panel `box` and its button `open`, both there: the walk through an
 * update, stage by stage and pattern by pattern.
 * @param {import('../views/contract.js').Root} root
 * @param {ExplainHost} on
 * @param {HTMLElement} box
 * @param {HTMLElement} open
 */
function walk(root, on, box, open) {
  // The panel's parts, all in the markup wherever the panel is.
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (root.getElementById(id));
  const body = $('explain-body'),
    back = /** @type {HTMLButtonElement} */ ($('explain-back')),
    next = /** @type {HTMLButtonElement} */ ($('explain-next'));
  /** @type {Explained | null} the update explained, null when there is none */
  let x = null;
  let stage = 0,
    bp = false,
    why = 'explain.diverged';
  /** @type {Edge | null} the weight the reader pointed at, if any */
  let edge = null;

  // The next pattern, trained and traced; stage 1 of it.
  function take() {
    on.pause();
    const pg = on.current();
    x = pg.explain() ?? null;
    // Nothing trained: the reader's own points, none placed yet, or a diverged run.
    why = pg.patternTargets().length ? 'explain.diverged' : 'explain.empty';
    stage = 1;
    edge = null;
    show();
  }

  open.addEventListener('click', () => {
    take();
    box.scrollIntoView?.({ block: 'nearest' });
    next.focus({ preventScroll: true }); // the button that opened it steps aside
  });
  next.addEventListener('click', () => {
    if (!x) {
      if (why === 'explain.empty') take();
    } else if (stage < STAGES) {
      stage++;
      show();
    } else take();
  });
  back.addEventListener('click', () => {
    if (stage > 1) {
      stage--;
      show();
    }
  });
  $('explain-close').addEventListener('click', close);
  // Another output's sub-network: this trace is of the one shown before.
  root.getElementById('view-output')?.addEventListener('change', close);

  function close() {
    if (box.hidden) return;
    const inside = box.contains(root.activeElement);
    box.hidden = true;
    open.hidden = false;
    if (inside) open.focus({ preventScroll: true });
    x = null;
    unmark(on);
    on.redraw();
  }

  // The same weight pointed at again (a redraw reads the pointer again): nothing new.
  /** @param {Edge} hit */
  function point(hit) {
    if (!x || (edge && hit.l === edge.l && hit.s === edge.s && hit.u === edge.u)) return;
    edge = hit;
    show();
  }

  function show() {
    box.hidden = false;
    open.hidden = true; // Next takes the next pattern from here
    const t = wordsAt(root);
    if (!x) {
      $('explain-progress').textContent = '';
      $('explain-where').textContent = '';
      body.replaceChildren(el('p', {}, t(why)));
      back.disabled = true;
      next.disabled = why !== 'explain.empty'; // once points are placed, Next explains the first
      unmark(on);
      return;
    }
    $('explain-progress').textContent = t('explain.progress', stage, STAGES);
    $('explain-where').textContent = where(t, x);
    back.disabled = stage === 1;
    next.disabled = false;
    // The weight the formula is for: the reader's, else the one that grew most.
    const pointed = edge ?? mostGrown(x.trace);
    const showBp = (/** @type {boolean} */ shown) => {
      bp = shown;
      show();
    };
    body.replaceChildren(...stageBody(stage, t, x, { bp, showBp, heatmaps: Boolean(on.weights), pointed }));
    mark(on, x, { stage, bp, pointed }, point);
    on.redraw();
  }

  return { close };
}

/**
 * The line above the stages: which pattern of which epoch, its inputs and
 * target, and whose sub-network is shown.
 * @param {Words} t
 * @param {Explained} x
 */
function where(t, x) {
  const { trace } = x;
  const inputs = `(${trace.input.map((v) => num(v)).join(', ')})`;
  const lines = [t('explain.where', t.int(x.epoch), x.position + 1, x.patterns, inputs, num(trace.target))];
  if (x.targets.length > 1) lines.push(t('explain.subNet', x.output));
  return lines.join(' ');
}

/**
 * Draws stage `stage` of `x` on the views: the network view always, the
 * heatmaps the update's Δw in the last stage, where the formula is.
 * @param {ExplainHost} on
 * @param {Explained} x
 * @param {{ stage: number, bp: boolean, pointed: Edge | null }} at
 * @param {(hit: Edge) => void} point hears the weight the reader points at
 */
function mark(on, x, { stage, bp, pointed }, point) {
  const last = stage === STAGES;
  on.net?.explain({ x: x.trace, stage, bp, edge: last ? pointed : null }, point);
  on.weights?.mark(last ? { delta: x.trace.layers.map((l) => l.delta), pointed, cell: point } : null);
}

/** Takes the explanation off the views.
 * @param {ExplainHost} on */
function unmark(on) {
  on.net?.explain(null);
  on.weights?.mark(null);
}
