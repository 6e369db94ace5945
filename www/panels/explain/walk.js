// "Explain one step"'s walk through an update (panels/explain.js loads it when
// its button is first pressed): the panel and its navigation, stage by stage
// and pattern by pattern. What each stage says is in stages.js, the last
// stage's formula in formula.js, and the trace's shape in trace.js.
import { el } from '../../ui.js';
import { wordsAt } from '../../words/index.js';
import { STAGES, stageBody } from './stages.js';
import { mostGrown, num } from './trace.js';

/** @typedef {import('./trace.js').Explained} Explained */
/** @typedef {import('./trace.js').Edge} Edge */
/** @typedef {import('./trace.js').Words} Words */
/** @typedef {import('../explain.js').ExplainHost} ExplainHost */

/**
 * The panel `box` and its button `open`, both there: the walk through an
 * update, stage by stage and pattern by pattern. `open()` does what the
 * button's press does: pauses, explains the next pattern and shows stage 1.
 * @param {import('../../views/contract.js').Root} root
 * @param {ExplainHost} on
 * @param {HTMLElement} box
 * @param {HTMLElement} open
 */
export function walk(root, on, box, open) {
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

  return {
    open() {
      take();
      box.scrollIntoView?.({ block: 'nearest' });
      next.focus({ preventScroll: true }); // the button that opened it steps aside
    },
    close,
  };
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
