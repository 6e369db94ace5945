// The network diagram itself: every connection coloured by its sign and drawn
// wider and darker with |w| (scaled within its layer), every unit a + or −
// circle (a bias unit a square), the columns named; the connections under the
// pointer drawn again on top at full strength.
import { weightsOf, node } from './model.js';

/** @typedef {import('./model.js').Net} Net */
/** @typedef {import('../contract.js').Theme} Theme */

const LEVELS = 8; // connections are drawn in 2 x LEVELS batches, not one stroke each

/**
 * Draws layer `l`'s connections `edges` (indices into its weights `w`); without
 * `edges`, those it shows (a large layer's strongest). `only`: they are the
 * ones under the pointer, drawn on top at full strength; `dim` fades the rest.
 * @param {CanvasRenderingContext2D} ctx @param {Net} net @param {Theme} theme
 * @param {number} l @param {ArrayLike<number>} w
 * @param {ArrayLike<number> | null} edges @param {boolean} only @param {number} [dim]
 */
function connections(ctx, net, theme, l, w, edges, only, dim = 1) {
  const U = net.shapes[l][1],
    a = net.cols[l],
    b = net.cols[l + 1];
  // The engine picks a large layer's strongest (a scan of every weight), one
  // layer a draw in turn: which connections are drawn follows a few draws
  // behind, their colours and widths never.
  if (!edges) {
    if (!net.shown[l] || l === net.pick)
      net.shown[l] = /** @type {import('../contract.js').Run} */ (net.run).layerStrongest(l, net.share[l]);
    edges = net.shown[l];
  }
  let max = 0; // the largest |w| is among those drawn
  for (const e of net.shown[l]) max = Math.max(max, Math.abs(w[e]));
  const paths = Array.from({ length: 2 * LEVELS }, () => new Path2D());
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k],
      s = Math.floor(e / U),
      u = e % U;
    const v = w[e],
      level = Math.min(LEVELS - 1, Math.floor((max ? Math.abs(v) / max : 0) * LEVELS)) || 0; // 0: not finite
    const p = paths[(v < 0 ? LEVELS : 0) + level];
    const [x, y] = b[node(net, l + 1, u)];
    p.moveTo(a[s][0], a[s][1]);
    p.lineTo(x, y);
  }
  // Weak to strong, both signs at each level, so neither colour buries the other;
  // dense layers are drawn fainter so they read as a texture, not a solid block.
  const thin = Math.min(1, net.r / 7),
    faint = Math.min(1, 24 / Math.sqrt(edges.length));
  for (let k = 0; k < LEVELS; k++)
    for (const neg of [0, 1]) {
      ctx.strokeStyle = neg ? theme.neg : theme.pos;
      ctx.globalAlpha = only ? 1 : dim * faint * (0.1 + (0.8 * (k + 1)) / LEVELS);
      ctx.lineWidth = (only ? 1 : 0) + thin * (0.4 + (3 * (k + 1)) / LEVELS);
      ctx.stroke(paths[neg * LEVELS + k]);
    }
  ctx.globalAlpha = 1;
}

/**
 * One unit drawn alone: a circle with its sign inside (a bias unit a square),
 * ringed when the pointer is on it.
 * @param {CanvasRenderingContext2D} ctx @param {Theme} theme @param {number} r
 * @param {number} x @param {number} y @param {number} i @param {boolean} lit @param {boolean} square
 */
function unit(ctx, theme, r, x, y, i, lit, square) {
  const c = i % 2 ? theme.neg : theme.pos;
  const e = r + (lit ? 2 : 0);
  ctx.beginPath();
  if (square) ctx.rect(x - e, y - e, 2 * e, 2 * e);
  else ctx.arc(x, y, e, 0, 7);
  ctx.fillStyle = r < 5 ? c : theme.card;
  ctx.fill();
  ctx.lineWidth = lit ? 2.5 : 1.5;
  ctx.strokeStyle = lit ? theme.fg : c;
  ctx.stroke();
  if (r < 5) return;
  const g = r * 0.5;
  ctx.beginPath();
  ctx.moveTo(x - g, y);
  ctx.lineTo(x + g, y);
  if (!(i % 2)) {
    ctx.moveTo(x, y - g);
    ctx.lineTo(x, y + g);
  }
  ctx.strokeStyle = c;
  ctx.lineWidth = Math.max(1.5, r / 5);
  ctx.stroke();
}

/**
 * Column `c`'s units. Small ones are drawn one path per sign, so a 256-unit
 * column is two fills and two strokes; the lit one and bias squares on top.
 * @param {CanvasRenderingContext2D} ctx @param {Net} net @param {Theme} theme @param {number} c
 */
function units(ctx, net, theme, c) {
  const { r, hover } = net,
    col = net.cols[c];
  const square = (/** @type {number} */ i) => c < net.shapes.length && i < net.bias,
    lit = (/** @type {number} */ i) => !!hover?.unit && hover.c === c && hover.i === i;
  const alone = (/** @type {number} */ i) => r >= 5 || lit(i) || square(i);
  if (r < 5) {
    for (const neg of [0, 1]) {
      const p = new Path2D();
      col.forEach(([x, y], i) => {
        if (i % 2 !== neg || alone(i)) return;
        // A dot of a few pixels reads the same drawn square, and costs less.
        if (r < 2.5) p.rect(x - r, y - r, 2 * r, 2 * r);
        else {
          p.moveTo(x + r, y);
          p.arc(x, y, r, 0, 7);
        }
      });
      ctx.fillStyle = ctx.strokeStyle = neg ? theme.neg : theme.pos;
      ctx.lineWidth = 1.5;
      ctx.fill(p);
      ctx.stroke(p);
    }
  }
  col.forEach(([x, y], i) => {
    if (alone(i)) unit(ctx, theme, r, x, y, i, lit(i), square(i));
  });
}

/**
 * The connections under the pointer, per layer: a unit's in and out, or one.
 * @param {Net} net @returns {number[][]}
 */
function litEdges(net) {
  const { shapes, hover, bias } = net;
  /** @type {number[][]} */
  const edges = shapes.map(() => []);
  if (!hover) return edges;
  if (hover.unit) {
    const { c, i } = hover,
      inner = c < shapes.length;
    if (c > 0) {
      const [S, U] = shapes[c - 1],
        u = i - (inner ? bias : 0);
      if (u >= 0 && u < U) for (let s = 0; s < S; s++) edges[c - 1].push(s * U + u);
    }
    if (inner) for (let u = 0; u < shapes[c][1]; u++) edges[c].push(i * shapes[c][1] + u);
  } else edges[hover.l].push(hover.s * shapes[hover.l][1] + hover.u);
  return edges;
}

/**
 * The diagram: connections (faded while an update's growth is shown over
 * them), those under the pointer, each column's name and units, the inputs' names.
 * @param {CanvasRenderingContext2D} ctx @param {Net} net @param {Theme} theme
 * @param {number} w the canvas's width (CSS px)
 * @param {(key: string, ...values: any[]) => string} words
 * @param {(ctx: CanvasRenderingContext2D) => void} [under] drawn over the connections, under the units
 */
export function paintNetwork(ctx, net, theme, w, words, under) {
  const { shapes, cols, r, ex } = net;
  ctx.lineCap = 'round';
  net.pick = (net.pick + 1) % shapes.length;
  for (let l = 0; l < shapes.length; l++)
    connections(ctx, net, theme, l, weightsOf(net, l), null, false, ex?.stage === 5 ? 0.35 : 1);
  under?.(ctx);
  if (net.hover)
    litEdges(net).forEach((edges, l) => {
      if (edges.length) connections(ctx, net, theme, l, weightsOf(net, l), edges, true);
    });
  ctx.font = `600 ${theme.label}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  cols.forEach((col, c) => {
    ctx.fillStyle = theme.muted;
    const name = words('network.layer', c, shapes.length);
    const text = cols.length > 4 && w < 420 && c && c < shapes.length ? words('network.layerShort', c) : name;
    const half = Math.max(24, ctx.measureText(text).width / 2 + 2); // kept whole inside the canvas
    ctx.fillText(text, Math.min(Math.max(col[0][0], half), w - half), theme.label + 2);
    units(ctx, net, theme, c);
  });
  if (r >= 6) {
    ctx.textAlign = 'right';
    ctx.fillStyle = theme.muted;
    ctx.font = `${theme.label}px system-ui, sans-serif`;
    cols[0].forEach(([x, y], i) => {
      ctx.fillText(i < net.bias ? 'β' : `x${(i - net.bias) >> 1}`, x - r - 4, y + 4);
    });
  }
}
