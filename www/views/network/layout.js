// Where the network view puts things: each column's units, spread down the
// canvas, and how many connections each layer may draw. The view draws SHOWN
// connections at most, shared among the layers: a network up to 64 x 64 units
// whole, a larger layer its strongest (as many as its share), so four layers of
// 256 units cost little more to draw than two of 64 and read as their strongest links.

const SHOWN = 8192; // connections drawn at most

/**
 * Each layer's share of SHOWN, given its connections `sizes`: the smaller
 * layers whole, the rest split evenly among the larger.
 * @param {number[]} sizes
 * @returns {number[]}
 */
export function shares(sizes) {
  const out = [...sizes];
  let left = SHOWN,
    open = sizes.length;
  for (const l of sizes.map((_, l) => l).sort((a, b) => sizes[a] - sizes[b])) {
    out[l] = Math.min(sizes[l], Math.floor(left / open));
    left -= out[l];
    open--;
  }
  return out;
}

/**
 * Reads the shape of `run` into `net`: its layers, the task's inputs, Kaneko's
 * bias units, each layer's share of the connections drawn.
 * @param {import('./model.js').Net} net
 * @param {import('../contract.js').Run} run
 */
export function readShape(net, run) {
  net.shapes = Array.from({ length: run.layerCount() }, (_, l) => {
    const [sources, units] = run.layerShape(l);
    return /** @type {[number, number]} */ ([sources, units]);
  });
  net.share = shares(net.shapes.map(([s, u]) => s * u));
  net.shown = [];
  // No patterns yet (the reader's own points, before the first): those tasks have 2 inputs.
  const patterns = run.patternTargets().length / run.outputCount;
  net.inputs = patterns ? run.patternInputs().length / patterns : 2;
  net.bias = net.shapes[0][0] - 2 * net.inputs;
}

/**
 * Lays the columns out over a canvas `w` x `h` (CSS px): evenly across, each
 * column's units evenly down, the unit radius from the tightest column.
 * Explaining, there is room above for the broadcast and below for backprop's path.
 * @param {import('./model.js').Net} net
 * @param {number} w
 * @param {number} h
 */
export function layOut(net, w, h) {
  const { shapes, ex } = net;
  if (!shapes.length || !w) return;
  const counts = [...shapes.map((s) => s[0]), shapes[shapes.length - 1][1]];
  const left = 34,
    right = ex ? 44 : 22,
    top = ex ? 52 : 26,
    bottom = ex ? 30 : 8;
  const gap = Math.min(...counts.map((n) => (h - top - bottom) / n));
  net.r = Math.max(1.5, Math.min(11, gap * 0.36));
  net.cols = counts.map((n, c) => {
    const x = left + (c * (w - left - right)) / (counts.length - 1),
      step = (h - top - bottom) / n;
    return Array.from({ length: n }, (_, i) => /** @type {[number, number]} */ ([x, top + (i + 0.5) * step]));
  });
}
