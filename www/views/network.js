// The network view: every unit marked excitatory (+) or inhibitory (−), every
// connection coloured by its sign and drawn wider and darker with |w| (scaled
// within its layer), with a readout of the unit or connection under the pointer:
// for a unit of a two-input task, also a small map of what it emits over the
// input square (what it has come to detect). Its parts are in network/: the
// shared state (model.js), the layout (layout.js), the diagram (paint.js), an
// explained update over it (explained.js) and the pointer (pointer.js).
import { fitCanvas, el } from '../ui.js';
import { decisionView } from './decision.js';
import { timedView } from '../frame/view-timer.js';
import { wordsAt } from '../words/index.js';
import { emptyNet } from './network/model.js';
import { layOut, readShape } from './network/layout.js';
import { paintNetwork } from './network/paint.js';
import { paintExplained, paintGrown } from './network/explained.js';
import { followPointer, hitTest } from './network/pointer.js';

/** @typedef {import('./contract.js').Run} Run */
/** @typedef {import('./contract.js').Theme} Theme */
/** @typedef {import('./network/model.js').Net} Net */
/** @typedef {import('./network/model.js').Explained} Explained */
/** @typedef {import('./network/model.js').Edge} Edge */

/**
 * The network view: a View, and `explain(view, edge)`: shows an explained
 * update (panels/explain.js), or none (`null`); `edge(hit)` hears the
 * connection the reader points at in its last stage.
 * @typedef {import('./contract.js').View & {
 *   explain(view: Explained | null, edge?: ((hit: Edge) => void) | null): void }} NetworkView
 */

// Below this width (CSS pixels) the readout sits under the diagram, not by the pointer.
const NARROW = 560;

/**
 * The readout under the pointer: its words and, for a hidden or output unit of
 * a two-input task, a small map of what that unit emits over the input square.
 * @param {HTMLElement} tip @param {Theme} theme
 */
function readout(tip, theme) {
  const text = el('span', {}),
    map = el('canvas', { className: 'unit-map' });
  map.setAttribute('aria-hidden', 'true'); // the text says what the map is of
  tip.replaceChildren(text, map);
  /** @type {[number, number] | null} */
  let mapped = null; // the [layer, unit] the map shows
  const unitMap = decisionView(
    map,
    theme,
    { view: 'unitMap', unit: () => mapped },
    { maxPoints: 16, name: 'unit-map' },
  );
  return {
    /** Shows `words`, and the map of `unit` (null: none). @param {string} words @param {[number, number] | null} unit */
    show(words, unit) {
      text.textContent = words;
      mapped = unit;
      map.hidden = !mapped;
      if (mapped) unitMap.draw();
    },
    /** @param {Run} run */
    reset(run) {
      mapped = null;
      unitMap.reset(run);
    },
    destroy: () => unitMap.destroy(),
  };
}

/**
 * The network diagram on `canvas`, its readout in `tip`.
 * @param {HTMLCanvasElement} canvas @param {HTMLElement} tip @param {Theme} theme
 * @returns {NetworkView}
 */
export function networkView(canvas, tip, theme) {
  const net = emptyNet();
  /** @type {[number, number] | null} */
  let mouse = null;
  /** @type {((hit: Edge) => void) | null} */
  let onEdge = null;
  const words = (/** @type {string} */ key, /** @type {any[]} */ ...values) => wordsAt(canvas)(key, ...values);
  const size = fitCanvas(canvas, () => {
    lay();
    draw();
  });
  const tipBox = readout(tip, theme);

  function lay() {
    const { w, h } = size();
    layOut(net, w, h);
  }

  function draw() {
    const { ctx, w, h } = size();
    ctx.clearRect(0, 0, w, h);
    if (!net.run || !net.cols.length) return;
    paintNetwork(ctx, net, theme, w, words, net.ex?.stage === 5 ? (c) => paintGrown(c, net, theme) : undefined);
    paintExplained(ctx, net, theme, w, h);
  }

  // The readout follows the pointer and, while training, the live values under it.
  function point() {
    const hover = mouse && hitTest(net, words, mouse[0], mouse[1]);
    net.hover = hover;
    if (net.ex?.stage === 5 && hover && !hover.unit) onEdge?.({ l: hover.l, s: hover.s, u: hover.u });
    tip.hidden = !hover;
    if (!hover || !mouse) return;
    tipBox.show(hover.text, net.inputs === 2 && hover.unit ? hover.layer : null);
    // On a narrow diagram (a phone's) a finger covers what it taps and the readout
    // would cover the rest: there it goes, smaller, under the diagram.
    const { w, h } = size(),
      below = w < NARROW;
    tip.classList.toggle('below', below);
    const x = below ? mouse[0] - tip.offsetWidth / 2 : mouse[0] + 12;
    tip.style.left = `${Math.max(0, Math.min(x, w - tip.offsetWidth - 4))}px`;
    tip.style.top = `${below ? h + 6 : mouse[1] + 14}px`;
  }

  const release = followPointer(canvas, (at) => {
    if (!at && !mouse) return;
    mouse = at;
    if (!net.run) return;
    point();
    draw();
  });

  return {
    reset(run) {
      net.run = run;
      net.hover = null;
      mouse = null;
      tip.hidden = true;
      tipBox.reset(run);
      readShape(net, run);
      lay();
      draw();
    },
    draw: timedView('network', () => {
      if (mouse) point();
      draw();
    }),
    explain(view, edge) {
      const laid = !net.ex === !view;
      net.ex = view;
      onEdge = edge ?? null;
      if (!laid) lay();
      if (net.run) draw();
    },
    /** Lets go of the run, the canvas's observer and the document's listener,
     * which would otherwise draw the freed run and keep this view alive. */
    destroy() {
      size.release();
      tipBox.destroy();
      release();
      net.run = null;
      net.hover = null;
      mouse = null;
    },
  };
}

/**
 * The network diagram as a view (contract.js); it draws the sub-network of the
 * output chosen in the Output card's select.
 * @type {import('./contract.js').ViewSpec<NetworkView>}
 */
export const networkSpec = {
  name: 'network',
  token: 'network',
  card: 'card-network',
  jobs: [{ every: 2, phase: 1 }],
  follows: ['output'],
  make(root, ctx) {
    const canvas = root.getElementById('network'),
      tip = root.getElementById('network-tip');
    if (!(canvas instanceof HTMLCanvasElement) || !tip) return null;
    return networkView(canvas, tip, ctx.theme);
  },
};
