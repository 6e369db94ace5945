// The points on a decision map: coloured as the map is (by class, or for one
// output's map by that output's target, 0 orange and 1 blue), shaped by class
// (circle, triangle, square: a mark beside the colour, for colour-blind
// readers), training points filled, test points (a 2-D task's held-out share)
// hollow. A task of more than two inputs (the adder, parity) is mapped over its
// first two with the others held at 0, so the points drawn are those lying there.

/** @typedef {import('./contract.js').Run} Run */
/** @typedef {import('./contract.js').Theme} Theme */

/**
 * A point laid out for drawing: inputs `x`, `y` (0 to 1); whether it is a test
 * point; its `shape`, the class (one-hot targets) or else the target the map
 * shows; its `colour`, what the map shows (the class on a class map, that output's 0 or 1 on one output's).
 * @typedef {{ x: number, y: number, test: boolean, shape: number, colour: number }} MapPoint
 */

/**
 * Where a map is drawn on its canvas: its top-left corner and side (CSS px).
 * @typedef {{ x0: number, y0: number, side: number }} MapLayout
 */

/**
 * How many classes `run`'s targets are one-hot over (the 3-class spiral's
 * three); 0 when they are not classes (one output, or the adder's bits).
 * @param {Run} run
 */
export function oneHotClasses(run) {
  const outputs = run.outputCount,
    T = run.patternTargets();
  if (outputs < 2) return 0;
  for (let i = 0; i < T.length; i += outputs) {
    let ones = 0;
    for (let j = i; j < i + outputs; j++) ones += T[j] >= 0.5 ? 1 : 0;
    if (ones !== 1) return 0;
  }
  return outputs;
}

/**
 * Adds a point's mark to the path: class 0 a circle, 1 a triangle, 2 a
 * square, each of about the area of a circle of radius `r` at (x, y).
 * @param {CanvasRenderingContext2D | Path2D} ctx @param {number} shape
 * @param {number} x @param {number} y @param {number} r
 */
export function mark(ctx, shape, x, y, r) {
  if (shape === 1) {
    const R = 1.45 * r; // an equilateral triangle's circumradius, its centre on the point
    ctx.moveTo(x, y - R);
    ctx.lineTo(x + R * 0.866, y + R / 2);
    ctx.lineTo(x - R * 0.866, y + R / 2);
    ctx.closePath();
  } else if (shape === 2) {
    const a = 0.89 * r;
    ctx.rect(x - a, y - a, 2 * a, 2 * a);
  } else ctx.arc(x, y, r, 0, 7);
}

/**
 * The training and test points of `run` that lie on its map, laid out for
 * drawing on the map `source` names: ED's class map, or output `output`'s
 * alone, or a unit's (`unitMap`: no points for several outputs that are not
 * classes, as it would not be clear whose targets they show).
 * @param {Run} run @param {{ view: string, output?: number }} source
 * @returns {MapPoint[]}
 */
export function mapPoints(run, source) {
  const outputs = run.outputCount;
  /** @type {Array<[Float64Array, Float64Array, boolean]>} */
  const sets = [
    [run.patternInputs(), run.patternTargets(), false],
    [run.testInputs(), run.testTargets(), true],
  ];
  const rows = [];
  for (const [X, T, test] of sets) {
    const count = T.length / outputs,
      k = X.length / Math.max(1, count);
    if (!count || k < 2) continue;
    for (let i = 0; i < count; i++) {
      // The map holds the inputs past the first two at 0: only the points lying there are on it.
      if (X.slice(i * k + 2, (i + 1) * k).some((v) => v !== 0)) continue;
      rows.push({ x: X[i * k], y: X[i * k + 1], t: Array.from(T.slice(i * outputs, (i + 1) * outputs)), test });
    }
  }
  const oneHot = oneHotClasses(run) > 0;
  if (source.view === 'unitMap' && outputs > 1 && !oneHot) return [];
  const shown = source.output ?? 0; // the engine's map of several outputs that are not classes shows the first
  return rows.map(({ x, y, t, test }) => {
    const bit = t[shown] >= 0.5 ? 1 : 0,
      cls = oneHot ? t.indexOf(Math.max(...t)) : bit;
    return { x, y, test, shape: cls, colour: oneHot && source.output === undefined ? cls : bit };
  });
}

/**
 * Draws `points` over the map laid out at `layout`: filled and outlined in the
 * card's colour for training points, hollow for test points; smaller when there are many.
 * @param {CanvasRenderingContext2D} ctx @param {MapPoint[]} points @param {MapLayout} layout @param {Theme} theme
 */
export function paintPoints(ctx, points, { x0, y0, side }, theme) {
  const colours = [theme.class0, theme.class1, theme.class2];
  const r = points.length > 16 ? Math.max(2.5, side / 80) : 6.5;
  for (const p of points) {
    ctx.beginPath();
    mark(ctx, p.shape, x0 + p.x * side, y0 + (1 - p.y) * side, r);
    if (p.test) {
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = colours[p.colour];
      ctx.stroke();
    } else {
      ctx.fillStyle = colours[p.colour];
      ctx.fill();
      ctx.lineWidth = r > 4 ? 2 : 1;
      ctx.strokeStyle = theme.card;
      ctx.stroke();
    }
  }
}
