// Kaneko's XOR table as he published it (docs/method.md, section 4): the
// experiment card reruns it and shows its own figures next to these. Apart
// from the card's code, as the one place his numbers are written.

/** A learning method the card compares: ED, or backprop with the rate chosen. @typedef {'ed' | 'backprop'} Method */

/** The hidden-layer sizes of his table, each double the one before. */
export const SIZES = [2, 4, 8, 16, 32, 64, 128, 256];

/**
 * Mean epochs over 100 runs for each of `SIZES`, how many of them failed (ED
 * only), and null where he reports backprop failed outright.
 * @type {Record<Method, { mean: Array<number | null>, failed?: number[] }>}
 */
export const PUBLISHED = {
  ed: { mean: [339.75, 180.72, 75.14, 28.0, 8.26, 5.97, 5.09, 4.62], failed: [37, 0, 0, 0, 0, 0, 0, 0] },
  backprop: { mean: [172.66, 145.46, 136.96, 127.05, 117.17, 93.84, null, null] },
};

/** How many runs each of his means is over. */
export const PUBLISHED_RUNS = 100;

/** @type {Method[]} */
export const METHODS = ['ed', 'backprop'];
