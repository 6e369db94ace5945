// What "Explain one step" is given to explain: the engine's traced update
// (`Playground.explain`, src/wasm/explain.rs, its fields src/ed/trace.rs),
// typed once here for the panel and its stages, with the few readings of it
// that more than one stage needs (where the inputs begin, the weight that grew
// most, how a value or a long list is written).

/**
 * One layer's part of the update. Weights (`before`, `delta`, `after`) are
 * input-major, as `layerWeights`: `[source * units + unit]`.
 * @typedef {object} TracedLayer
 * @property {number[]} sources Kaneko's bias pair first (if any), then the doubled inputs or the layer before's units
 * @property {number[]} units what its units emitted
 * @property {number} signal the signal it received
 * @property {number[]} factor each unit's own factor: the seed's f′(o), Kaneko's o (1 − o)
 * @property {number[]} step each unit's gain, signed like its learning connections
 * @property {number[]} before
 * @property {number[]} delta
 * @property {number[]} after
 */

/**
 * One traced update of the viewed output's network on one pattern.
 * @typedef {object} Trace
 * @property {number[]} input the raw inputs, before doubling
 * @property {number} target
 * @property {number} y what the output unit emitted (a logit under BCE with logits)
 * @property {number} p the probability it stands for
 * @property {'seed' | 'kaneko'} rule
 * @property {string} loss the loss's name (the schema's `loss` option)
 * @property {number} lr
 * @property {number} [u1] Kaneko's hidden share; absent under the seed's rule
 * @property {number} [derivative] the seed's dL/dy; absent under Kaneko's rule
 * @property {number} error t − p
 * @property {number} signal the one value broadcast
 * @property {boolean} rise the output must rise: the excitatory (+) sources learn
 * @property {TracedLayer[]} layers
 */

/**
 * The next pattern, trained and traced: where it is in its epoch, and its trace.
 * @typedef {object} Explained
 * @property {number} epoch counted from 1
 * @property {number} pattern its index in the training set
 * @property {number} position its place in this epoch's order, from 0
 * @property {number} patterns patterns in an epoch
 * @property {number} output the output whose network is traced
 * @property {number[]} targets the pattern's target of every output
 * @property {number} loss the pattern's loss before the update
 * @property {boolean} epochEnded
 * @property {Trace} trace
 */

/**
 * A weight: layer `l`, its source `s`, its unit `u`.
 * @typedef {{ l: number, s: number, u: number }} Edge
 */

/**
 * The words of the root the panel is in (words/index.js).
 * @typedef {import('../types.js').Words} Words
 */

/** Values listed per layer; the rest are counted. */
const LISTED = 12;

/**
 * How many of the first layer's sources are Kaneko's bias units (0 or 2).
 * @param {Trace} trace
 */
export const biasCount = (trace) => trace.layers[0].sources.length - 2 * trace.input.length;

/**
 * A source's sign: the even ones are the + copies, the odd ones the − copies.
 * @param {number} i
 */
export const signOf = (i) => (i % 2 ? '−' : '+');

/**
 * The weight whose Δw was largest: what the formula shows until the reader
 * points at another. Null when the trace has no weights.
 * @param {Trace} trace
 * @returns {Edge | null}
 */
export function mostGrown(trace) {
  /** @type {Edge | null} */
  let best = null,
    most = -1;
  trace.layers.forEach((layer, l) => {
    layer.delta.forEach((d, k) => {
      if (Math.abs(d) > most) {
        most = Math.abs(d);
        best = { l, s: Math.floor(k / layer.units.length), u: k % layer.units.length };
      }
    });
  });
  return best;
}

/**
 * A value of a pattern: its digits as given (0, 1, 0.25), else four places.
 * @param {number} v
 */
export const num = (v) => (Number.isInteger(v) ? String(v) : String(+v.toPrecision(4)));

/**
 * The first LISTED of `items`, joined, with the count of all if there are more.
 * @param {Words} t
 * @param {string[]} items
 */
export const listed = (t, items) =>
  items.slice(0, LISTED).join(', ') + (items.length > LISTED ? ` ${t('explain.more', items.length)}` : '');
