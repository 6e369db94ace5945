// An explained update ("Explain one step", panels/explain.js) drawn over the
// network diagram, stage by stage: each source's and unit's value (from stage 1
// the inputs, from 2 every unit), the output against its target (3), the
// broadcast reaching every layer at once and, if asked, backprop's
// layer-by-layer path (4), and the connections the update grew (5).
import { fmtNum } from '../../ui.js';
import { node } from './model.js';

/** @typedef {import('./model.js').Net} Net */
/** @typedef {import('./model.js').Explained} Explained */
/** @typedef {import('../contract.js').Theme} Theme */

/**
 * A line from (x0, y0) to (x1, y1) with an arrowhead at its end.
 * @param {CanvasRenderingContext2D} ctx
 * @param {number} x0 @param {number} y0 @param {number} x1 @param {number} y1
 */
function arrow(ctx, x0, y0, x1, y1) {
  const a = Math.atan2(y1 - y0, x1 - x0),
    k = 7;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.moveTo(x1 - k * Math.cos(a - 0.45), y1 - k * Math.sin(a - 0.45));
  ctx.lineTo(x1, y1);
  ctx.lineTo(x1 - k * Math.cos(a + 0.45), y1 - k * Math.sin(a + 0.45));
  ctx.stroke();
}

/**
 * Each value beside its unit: a pattern's inputs as given (0, 1, 0.25), what
 * units emit to two places; the inputs from stage 1, every unit from 2.
 * @param {CanvasRenderingContext2D} ctx @param {Net} net @param {Theme} theme @param {Explained} ex
 */
function values(ctx, net, theme, { x, stage }) {
  const L = net.shapes.length,
    font = theme.label,
    r = net.r;
  ctx.textAlign = 'left';
  // Column c < L holds layer c's sources (bias units first); the last, the output.
  const value = (/** @type {number} */ c, /** @type {number} */ i) =>
    c < L ? x.layers[c].sources[i] : x.layers[L - 1].units[i];
  net.cols.forEach((col, c) => {
    if (c > 0 && stage < 2) return;
    col.forEach(([ux, uy], i) => {
      const v = value(c, i);
      ctx.fillStyle = theme.card;
      ctx.globalAlpha = 0.85;
      const text = c === 0 ? String(+v.toPrecision(3)) : fmtNum(v, 2),
        tw = ctx.measureText(text).width;
      ctx.fillRect(ux + r + 1, uy - r - font, tw + 4, font + 3);
      ctx.globalAlpha = 1;
      ctx.fillStyle = theme.fg;
      ctx.fillText(text, ux + r + 3, uy - r - 1);
    });
  });
}

/**
 * The output against its target: ringed, its target under it, an arrow the way it must go.
 * @param {CanvasRenderingContext2D} ctx @param {Net} net @param {Theme} theme @param {Explained} ex
 */
function target(ctx, net, theme, { x }) {
  const [ox, oy] = net.cols[net.shapes.length][0],
    r = net.r,
    font = theme.label;
  ctx.strokeStyle = theme.s2;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.arc(ox, oy, r + 5, 0, 7);
  ctx.stroke();
  ctx.fillStyle = theme.fg;
  ctx.textAlign = 'left';
  ctx.fillText(`t = ${+x.target.toPrecision(3)}`, ox - r, oy + r + font + 6);
  ctx.font = `700 ${font + 8}px system-ui, sans-serif`;
  ctx.fillStyle = theme.s2;
  ctx.fillText(x.rise ? '↑' : '↓', ox + r + 8, oy + font / 2 + 2);
  ctx.font = `600 ${font}px system-ui, sans-serif`;
}

/**
 * One signal, to every layer at the same moment: a bus above the layers, its
 * values between; backprop's error going back one layer at a time, numbered, below.
 * @param {CanvasRenderingContext2D} ctx @param {Net} net @param {Theme} theme @param {Explained} ex
 * @param {number} w @param {number} h the canvas's size (CSS px)
 */
function broadcast(ctx, net, theme, { x, bp }, w, h) {
  const { cols, r } = net,
    L = net.shapes.length,
    [ox, oy] = cols[L][0];
  const bus = theme.label + 22; // under the layers' names
  ctx.strokeStyle = ctx.fillStyle = theme.s2;
  ctx.lineWidth = 2.5;
  ctx.textAlign = 'center';
  ctx.beginPath();
  ctx.moveTo(ox, oy - r - 6);
  ctx.lineTo(ox, bus);
  ctx.lineTo(cols[1][0][0], bus);
  ctx.stroke();
  for (let c = 1; c <= L; c++) {
    const [cx] = cols[c][0],
      end = cols[c][0][1] - r - 10;
    arrow(ctx, cx, bus, cx, end);
    ctx.fillText(fmtNum(x.layers[c - 1].signal, 3), Math.min(cx, w - 24), bus - 4);
  }
  if (!bp) return;
  const y = h - 12;
  ctx.strokeStyle = ctx.fillStyle = theme.s4;
  ctx.lineWidth = 2;
  for (let c = L, n = 1; c > 1; c--, n++) {
    const x0 = cols[c][0][0] - 8,
      x1 = cols[c - 1][0][0] + 8;
    arrow(ctx, x0, y, x1, y);
    ctx.fillText(String(n), (x0 + x1) / 2, y - 5);
  }
}

/**
 * An explained update's numbers on the diagram, as far as its stage has come.
 * @param {CanvasRenderingContext2D} ctx @param {Net} net @param {Theme} theme
 * @param {number} w @param {number} h the canvas's size (CSS px)
 */
export function paintExplained(ctx, net, theme, w, h) {
  const ex = net.ex;
  if (!ex) return;
  ctx.font = `600 ${theme.label}px system-ui, sans-serif`;
  if (net.r >= 4.5) values(ctx, net, theme, ex);
  if (ex.stage >= 3) target(ctx, net, theme, ex);
  if (ex.stage === 4) broadcast(ctx, net, theme, ex, w, h);
}

/**
 * The connections the explained update grew (of those drawn), wider and darker
 * for a larger Δw, and the one pointed at, dashed.
 * @param {CanvasRenderingContext2D} ctx @param {Net} net @param {Theme} theme
 */
export function paintGrown(ctx, net, theme) {
  const ex = net.ex;
  if (!ex) return;
  const { shapes, cols, shown } = net;
  let max = 0;
  for (const layer of ex.x.layers)
    for (let k = 0; k < layer.delta.length; k++) max = Math.max(max, Math.abs(layer.delta[k]));
  ctx.strokeStyle = theme.fg;
  for (let l = 0; l < shapes.length; l++) {
    const U = shapes[l][1],
      delta = ex.x.layers[l].delta;
    for (const e of shown[l] ?? []) {
      const d = Math.abs(delta[e]);
      if (!d) continue;
      const [ax, ay] = cols[l][Math.floor(e / U)],
        [bx, by] = cols[l + 1][node(net, l + 1, e % U)];
      ctx.globalAlpha = 0.35 + 0.65 * (d / max);
      ctx.lineWidth = 1 + 3 * (d / max);
      ctx.beginPath();
      ctx.moveTo(ax, ay);
      ctx.lineTo(bx, by);
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  const p = ex.edge;
  if (!p || !cols[p.l + 1]) return;
  const [ax, ay] = cols[p.l][p.s],
    [bx, by] = cols[p.l + 1][node(net, p.l + 1, p.u)];
  ctx.strokeStyle = theme.s4;
  ctx.lineWidth = 3;
  ctx.setLineDash([6, 4]);
  ctx.beginPath();
  ctx.moveTo(ax, ay);
  ctx.lineTo(bx, by);
  ctx.stroke();
  ctx.setLineDash([]);
}
