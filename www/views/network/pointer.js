// What the pointer is on in the network diagram, and the pointer itself: a
// mouse hovering, or a finger's tap (pointer events, so a tap on a phone reads
// a unit as hovering does with a mouse; a finger never leaves, so a tap
// anywhere else puts the readout away).
import { fmtNum } from '../../ui.js';
import { node, sign, weightsOf } from './model.js';

/** @typedef {import('./model.js').Net} Net */
/** @typedef {import('./model.js').Hover} Hover */
/** @typedef {(key: string, ...values: any[]) => string} Words */

/**
 * A unit's or source's name: column `c`, place `i` (past the bias units).
 * @param {Net} net @param {Words} words @param {number} c @param {number} i
 */
export function unitName(net, words, c, i) {
  const L = net.shapes.length,
    j = c < L ? i - net.bias : i;
  if (j < 0) return words('network.bias', i);
  return c === 0 ? words('network.input', j) : words('network.unit', c, L, j);
}

/**
 * The unit at (x, y), with the words for its readout: its sign and, for a
 * unit fed by a layer, the mean size of its incoming weights.
 * @param {Net} net @param {Words} words @param {number} x @param {number} y @returns {Hover | null}
 */
function unitAt(net, words, x, y) {
  const { cols, shapes, r } = net;
  for (let c = 0; c < cols.length; c++)
    for (let i = 0; i < cols[c].length; i++) {
      const [ux, uy] = cols[c][i];
      if (Math.hypot(x - ux, y - uy) > r + 3) continue;
      let text = `${unitName(net, words, c, i)}: ${words('network.unitSign', i)}`;
      const j = c < shapes.length ? i - net.bias : i;
      if (c > 0 && j >= 0) {
        const w = weightsOf(net, c - 1),
          [S, U] = shapes[c - 1];
        let sum = 0;
        for (let s = 0; s < S; s++) sum += Math.abs(w[s * U + j]);
        text += words('network.incoming', fmtNum(sum / S, 3));
      }
      return { unit: true, c, i, text, layer: c > 0 && j >= 0 ? [c - 1, j] : null };
    }
  return null;
}

/**
 * The connection nearest (x, y), within 4 px: of those drawn only, so the
 * pointer finds what the reader sees; with the words for its readout.
 * @param {Net} net @param {Words} words @param {number} x @param {number} y @returns {Hover | null}
 */
function edgeAt(net, words, x, y) {
  const { cols, shapes } = net;
  let best = null,
    bestD = 4;
  for (let l = 0; l < shapes.length; l++) {
    const U = shapes[l][1];
    for (const e of net.shown[l] ?? []) {
      const s = Math.floor(e / U),
        u = e % U;
      const [ax, ay] = cols[l][s],
        [bx, by] = cols[l + 1][node(net, l + 1, u)],
        dx = bx - ax,
        dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      const d = Math.hypot(x - ax - t * dx, y - ay - t * dy);
      if (d < bestD) {
        bestD = d;
        best = { l, s, u };
      }
    }
  }
  if (!best) return null;
  const { l, s, u } = best,
    v = weightsOf(net, l)[s * shapes[l][1] + u];
  const text = words(
    'network.edge',
    `${unitName(net, words, l, s)} (${sign(s)})`,
    `${unitName(net, words, l + 1, node(net, l + 1, u))} (${sign(u)})`,
    fmtNum(v),
    v < 0,
  );
  return { ...best, text };
}

/**
 * The unit or connection under (x, y) (CSS px on the canvas), or null.
 * @param {Net} net @param {Words} words @param {number} x @param {number} y
 */
export const hitTest = (net, words, x, y) => unitAt(net, words, x, y) ?? edgeAt(net, words, x, y);

/**
 * Follows the pointer over `canvas`: `moved([x, y])` where it is (a move, or a
 * tap), `moved(null)` once it is gone (a mouse leaving, a tap elsewhere).
 * Returns `release()`, which removes the document's listener (the canvas's go with it).
 * @param {HTMLCanvasElement} canvas
 * @param {(at: [number, number] | null) => void} moved
 */
export function followPointer(canvas, moved) {
  const at = (/** @type {PointerEvent} */ e) => moved([e.offsetX, e.offsetY]);
  canvas.addEventListener('pointermove', at);
  canvas.addEventListener('pointerdown', at);
  canvas.addEventListener('pointerleave', (e) => {
    if (e.pointerType === 'mouse') moved(null);
  });
  // (An embed rebuilt without this canvas: the listener goes at the next tap, or with release().)
  const onDown = (/** @type {PointerEvent} */ e) => {
    if (!canvas.isConnected) document.removeEventListener('pointerdown', onDown);
    else if (e.composedPath()[0] !== canvas) moved(null);
  };
  document.addEventListener('pointerdown', onDown);
  return () => document.removeEventListener('pointerdown', onDown);
}
