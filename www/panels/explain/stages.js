// The five stages of "Explain one step", each the panel's body for one part
// of the update: the inputs doubled, the forward pass, the error and the
// signal, the broadcast, the update. A stage only reads the trace and writes
// words (as text, never as HTML); the panel (../explain.js) walks them and
// draws each on the views.
import { el, fmtNum } from '../../ui.js';
import { entry } from '../../app/state.js';
import { formula } from './formula.js';
import { biasCount, listed, num, signOf } from './trace.js';

/** @typedef {import('./trace.js').Explained} Explained */
/** @typedef {import('./trace.js').Trace} Trace */
/** @typedef {import('./trace.js').Words} Words */

/**
 * What a stage needs besides the trace: the panel's own toggles and pointer.
 * @typedef {object} StageContext
 * @property {boolean} bp backprop's path is shown beside the broadcast
 * @property {(shown: boolean) => void} showBp the reader turned it on or off
 * @property {boolean} heatmaps the root shows the weights' heatmaps too (an element may not)
 * @property {import('./trace.js').Edge | null} pointed the weight the formula is for
 */

/** @typedef {(t: Words, x: Explained, ctx: StageContext) => HTMLElement[]} Stage */

/** @param {Words} t @param {number} n */
const heading = (t, n) => el('h4', {}, t(`explain.h${n}`));

/** @type {Stage} 1. The inputs, doubled. */
function inputs(t, { trace }) {
  const b = biasCount(trace),
    sources = trace.layers[0].sources;
  const names = sources.map((v, i) => `${i < b ? 'β' : `x${(i - b) >> 1}`}${signOf(i)} = ${num(v)}`);
  const out = [heading(t, 1), el('p', {}, t('explain.inputs', listed(t, names), sources.length))];
  if (b) out.push(el('p', {}, t('explain.bias', num(sources[0]))));
  out.push(el('p', { className: 'explain-aside' }, t('explain.whyDouble')));
  return out;
}

/** @type {Stage} 2. The forward pass, layer by layer. */
function forward(t, { trace }) {
  const L = trace.layers.length;
  const lines = trace.layers.map((layer, l) => {
    const units = listed(
      t,
      layer.units.map((v) => fmtNum(v, 3)),
    );
    return el('li', {}, t('explain.layerOut', t('network.layer', l + 1, L), units));
  });
  const out =
    trace.loss === 'bce-with-logits'
      ? t('explain.logit', fmtNum(trace.y), fmtNum(trace.p))
      : t('explain.output', fmtNum(trace.y));
  return [
    heading(t, 2),
    el('p', {}, t('explain.forward')),
    el('ul', { className: 'explain-list' }, ...lines),
    el('p', {}, out),
  ];
}

/**
 * A loss as the engine's table names it, and its derivative's formula (both
 * written once, in the schema's loss options: src/settings/schema/table.rs).
 * @param {Words} t
 * @param {string} name
 */
function lossWords(t, name) {
  const option = /** @type {{ label?: { en: string, ja: string }, formula?: string } | undefined} */ (
    entry('loss')?.options?.find((/** @type {{ value: string }} */ o) => o.value === name)
  );
  return { label: t.pick(option?.label) || name, formula: option?.formula ?? 'dL/dy' };
}

/** @type {Stage} 3. The error, and the signal ED derives from it. */
function signal(t, { trace }) {
  const out = [heading(t, 3), el('p', {}, t('explain.verdict', num(trace.target), fmtNum(trace.p), trace.rise))];
  if (trace.rule === 'seed') {
    const loss = lossWords(t, trace.loss);
    const d = fmtNum(trace.derivative);
    out.push(el('p', {}, t('explain.seed', loss.label, loss.formula, d, num(trace.lr), fmtNum(trace.signal))));
    return out;
  }
  const e = trace.error;
  // The amine that is not there reads as a plain 0.
  /** @param {number} v */
  const amine = (v) => (v > 0 ? fmtNum(v) : '0');
  out.push(el('p', {}, t('explain.kaneko', fmtNum(e), amine(e), amine(-e))));
  const hidden = trace.layers.length > 1 ? trace.layers[0].signal : trace.signal;
  const u1 = /** @type {number} */ (trace.u1); // present under Kaneko's rule
  out.push(el('p', {}, t('explain.kanekoShare', num(trace.lr), fmtNum(trace.signal), num(u1), fmtNum(hidden))));
  return out;
}

/** @type {Stage} 4. The broadcast: every layer at once; backprop's path beside it if asked. */
function broadcast(t, { trace }, { bp, showBp }) {
  const L = trace.layers.length;
  const lines = trace.layers.map((layer, l) =>
    el('li', {}, t('explain.layerSignal', t('network.layer', l + 1, L), fmtNum(layer.signal))),
  );
  const toggle = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox', checked: bp, id: 'explain-bp' }));
  toggle.addEventListener('change', () => showBp(toggle.checked));
  const out = [
    heading(t, 4),
    el('p', {}, t('explain.broadcast')),
    el('ul', { className: 'explain-list' }, ...lines),
    el('label', { className: 'explain-toggle' }, toggle, el('span', {}, t('explain.bpToggle'))),
  ];
  if (bp) out.push(el('p', { className: 'explain-aside' }, t('explain.bp')));
  return out;
}

/** @type {Stage} 5. The update: which weights grew, by how much, and the pointed one's numbers. */
function update(t, x, { heatmaps, pointed }) {
  const { trace } = x;
  let grew = 0,
    all = 0,
    max = 0;
  for (const layer of trace.layers)
    for (const d of layer.delta) {
      all++;
      if (d) grew++;
      max = Math.max(max, Math.abs(d));
    }
  const out = [
    heading(t, 5),
    el('p', {}, t('explain.learners', trace.rise)),
    el('p', {}, t('explain.grew', t.int(grew), t.int(all), fmtNum(max), heatmaps)),
    el('p', {}, t('explain.rule', trace.rule === 'seed')),
    el('p', { className: 'explain-aside' }, t('explain.point')),
  ];
  if (pointed) out.push(formula(t, trace, pointed));
  if (x.epochEnded) out.push(el('p', {}, t('explain.ended', t.int(x.epoch))));
  out.push(el('p', { className: 'explain-aside' }, t('explain.nextPattern')));
  return out;
}

/** The stages in order: stage n is `STAGE_BODIES[n - 1]`. */
const STAGE_BODIES = [inputs, forward, signal, broadcast, update];

/** How many stages an update is explained in. */
export const STAGES = STAGE_BODIES.length;

/**
 * The panel's body at stage `n` (1 to STAGES) of `x`.
 * @param {number} n
 * @param {Words} t
 * @param {Explained} x
 * @param {StageContext} ctx
 */
export const stageBody = (n, t, x, ctx) => STAGE_BODIES[n - 1](t, x, ctx);
