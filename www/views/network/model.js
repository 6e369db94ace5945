// What the network view's parts share: the run's shape as the diagram lays it
// out (columns of units), which connections were drawn last (the pointer finds
// only those), the update being explained and what the pointer is on. One
// object, made by the view (network.js) and read by its layout, painting,
// explanation and pointer modules, so none of them keeps state of its own.

/** @typedef {import('../contract.js').Run} Run */

/**
 * A layer of an explained update (the engine's `explain()` trace): its sources'
 * and units' values, the broadcast signal it received, and its weights before
 * the update and their change (input-major, as `layerWeights`).
 * @typedef {object} TracedLayer
 * @property {ArrayLike<number>} sources
 * @property {ArrayLike<number>} units
 * @property {number} signal
 * @property {ArrayLike<number>} before
 * @property {ArrayLike<number>} delta
 */

/**
 * One explained update: the pattern's target, whether the output must rise, each layer.
 * @typedef {{ target: number, rise: boolean, layers: TracedLayer[] }} Trace
 */

/** A connection: layer `l`, source `s`, unit `u`. @typedef {{ l: number, s: number, u: number }} Edge */

/**
 * "Explain one step" (panels/explain.js): the traced update, how far its
 * explanation has come (stage 0 to 5), whether backprop's path is shown too,
 * and the connection pointed at in the last stage.
 * @typedef {{ x: Trace, stage: number, bp?: boolean, edge?: Edge | null }} Explained
 */

/**
 * What the pointer is on: a unit (column `c`, index `i`; `layer`: the
 * [layer, unit] whose map the readout shows) or a connection, with the readout's words.
 * @typedef {({ unit: true, c: number, i: number, layer: [number, number] | null }
 *   | ({ unit?: false } & Edge)) & { text: string }} Hover
 */

/**
 * @typedef {object} Net
 * @property {Run | null} run the run drawn, null before the first and once destroyed
 * @property {Array<[number, number]>} shapes each layer's [sources, units]
 * @property {Array<Array<[number, number]>>} cols each column's unit centres (CSS px):
 *   column c < layers holds layer c's sources (Kaneko's bias pair first, if any), the last the output
 * @property {number} r a unit's radius
 * @property {number} inputs the task's inputs (each comes in twice, as a + and a − copy)
 * @property {number} bias Kaneko's bias units at the head of each layer's sources (0 or 2)
 * @property {Uint32Array[]} shown per layer, the connections drawn last
 * @property {number[]} share per layer, how many connections it may draw
 * @property {number} pick the layer whose strongest connections are picked anew this draw
 * @property {Explained | null} ex the update being explained, if any
 * @property {Hover | null} hover what the pointer is on, if anything
 */

/** @returns {Net} a network view's state before any run */
export const emptyNet = () => ({
  run: null,
  shapes: [],
  cols: [],
  r: 8,
  inputs: 2,
  bias: 0,
  shown: [],
  share: [],
  pick: 0,
  ex: null,
  hover: null,
});

/** Column `c`'s place of unit `u` of a layer: past the bias units, except in the output column.
 * @param {Net} net @param {number} c @param {number} u */
export const node = (net, c, u) => u + (c < net.shapes.length ? net.bias : 0);

/** A unit's or source's sign by its place: even +, odd −. @param {number} i */
export const sign = (i) => (i % 2 ? '−' : '+');

/** Layer `l`'s weights as drawn: while an update is explained, before it until its last stage shows it.
 * @param {Net} net @param {number} l @returns {ArrayLike<number>} */
export function weightsOf(net, l) {
  if (net.ex && net.ex.stage < 5) return net.ex.x.layers[l].before;
  return /** @type {Run} */ (net.run).layerWeights(l);
}
