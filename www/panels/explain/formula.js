// The last stage's formula: one weight's update with its own numbers put in,
// for the weight the reader points at (else the one that grew most). Its own
// module because it names the weight's two ends as the network view does and
// tells apart the three ways a weight can end an update: resting (its source
// learns only the other way), fed a zero, or grown.
import { el, fmtNum } from '../../ui.js';
import { biasCount, num, signOf } from './trace.js';

/**
 * The weight `edge` of `trace`: its ends, and what the update did to it.
 * @param {import('./trace.js').Words} t
 * @param {import('./trace.js').Trace} trace
 * @param {import('./trace.js').Edge} edge
 */
export function formula(t, trace, { l, s, u }) {
  const layer = trace.layers[l],
    L = trace.layers.length,
    b = biasCount(trace);
  const from = s < b ? t('network.bias', s) : l === 0 ? t('network.input', s - b) : t('network.unit', l, L, s - b);
  const to = t('network.unit', l + 1, L, u);
  return el(
    'div',
    { className: 'explain-formula' },
    el('p', { className: 'explain-weight' }, t('explain.weight', `${from} (${signOf(s)})`, `${to} (${signOf(u)})`)),
    el('p', {}, change(t, trace, layer, s, u)),
  );
}

/**
 * What the update did to the weight from source `s` to unit `u` of `layer`, in words.
 * @param {import('./trace.js').Words} t
 * @param {import('./trace.js').Trace} trace
 * @param {import('./trace.js').TracedLayer} layer
 * @param {number} s
 * @param {number} u
 * @returns {string}
 */
function change(t, trace, layer, s, u) {
  const k = s * layer.units.length + u,
    before = layer.before[k],
    xs = layer.sources[s];
  // Only the sources of the update's own sign learn: + when the output must rise.
  if (s % 2 !== (trace.rise ? 0 : 1)) return `${t('explain.resting', trace.rise)} (w = ${fmtNum(before)}).`;
  if (xs === 0) return `${t('explain.zeroX')} (w = ${fmtNum(before)}).`;
  const gain = fmtNum(Math.abs(layer.step[u])),
    f = fmtNum(layer.factor[u]),
    dw = fmtNum(layer.delta[k]);
  const key = trace.rule === 'seed' ? 'explain.formulaSeed' : 'explain.formulaKaneko';
  return `${t(key, f, fmtNum(layer.signal), gain, num(xs), dw)}; ${t('explain.moved', fmtNum(before), fmtNum(layer.after[k]))}.`;
}
