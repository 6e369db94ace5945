// The network view: every unit marked excitatory (+) or inhibitory (−), every
// connection coloured by its sign and drawn wider and darker with |w| (scaled
// within its layer), with a readout of the unit or connection under the pointer:
// for a unit of a two-input task, also a small map of what it emits over the
// input square (what it has come to detect).
import { fitCanvas, fmtNum, el } from './ui.js';
import { decisionView } from './decision.js';
import { timedView } from './view-timer.js';

const LEVELS = 8; // connections are drawn in 2 x LEVELS batches, not one stroke each

export function networkView(canvas, tip, theme) {
  let pg = null, shapes = [], cols = [], r = 8, hover = null, mouse = null, inputs = 2, bias = 0;
  const size = fitCanvas(canvas, () => { layout(); draw(); });
  const tipText = el('span'), tipMap = el('canvas', { className: 'unit-map' });
  tipMap.setAttribute('aria-hidden', 'true'); // the text says what the map is of
  tip.replaceChildren(tipText, tipMap);
  let mapped = null; // [layer, unit] that the map shows
  const unitMap = decisionView(tipMap, theme, (p, n) => (mapped ? p.unitMap(n, ...mapped) : new Uint8Array()), { maxPoints: 16, name: 'unit-map' });

  // Column c holds the sources of layer c: Kaneko's bias pair first (if any), then
  // each input twice (+ copy, − copy) or the units of the layer before; the last
  // column is the output. `node` finds unit u of a layer in its column.
  const sign = (i) => (i % 2 ? '−' : '+');
  const node = (c, u) => u + (c < shapes.length ? bias : 0);
  const unitName = (c, i) => {
    const j = c < shapes.length ? i - bias : i;
    return j < 0 ? `bias ${sign(i)}` : c === 0 ? `input x${j >> 1}, ${sign(j)} copy` : `${c === shapes.length ? 'output' : 'hidden ' + c} unit ${j}`;
  };

  function layout() {
    const { w, h } = size();
    if (!shapes.length || !w) return;
    const counts = [...shapes.map((s) => s[0]), shapes.at(-1)[1]];
    const left = 34, right = 22, top = 26, bottom = 8;
    const gap = Math.min(...counts.map((n) => (h - top - bottom) / n));
    r = Math.max(1.5, Math.min(11, gap * 0.36));
    cols = counts.map((n, c) => {
      const x = left + (c * (w - left - right)) / (counts.length - 1), step = (h - top - bottom) / n;
      return Array.from({ length: n }, (_, i) => [x, top + (i + 0.5) * step]);
    });
  }

  function connections(ctx, l, w, only) {
    const [S, U] = shapes[l], a = cols[l], b = cols[l + 1];
    let max = 0;
    for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]));
    const paths = Array.from({ length: 2 * LEVELS }, () => new Path2D());
    for (let s = 0; s < S; s++) for (let u = 0; u < U; u++) {
      if (only && !only(l, s, u)) continue;
      const v = w[s * U + u], k = Math.min(LEVELS - 1, Math.floor((max ? Math.abs(v) / max : 0) * LEVELS));
      const p = paths[(v < 0 ? LEVELS : 0) + k];
      const [x, y] = b[node(l + 1, u)];
      p.moveTo(a[s][0], a[s][1]); p.lineTo(x, y);
    }
    // Weak to strong, both signs at each level, so neither colour buries the other;
    // dense layers are drawn fainter so they read as a texture, not a solid block.
    const thin = Math.min(1, r / 7), faint = Math.min(1, 24 / Math.sqrt(S * U));
    for (let k = 0; k < LEVELS; k++) for (const neg of [0, 1]) {
      ctx.strokeStyle = neg ? theme.neg : theme.pos;
      ctx.globalAlpha = only ? 1 : faint * (0.1 + (0.8 * (k + 1)) / LEVELS);
      ctx.lineWidth = (only ? 1 : 0) + thin * (0.4 + (3 * (k + 1)) / LEVELS);
      ctx.stroke(paths[neg * LEVELS + k]);
    }
    ctx.globalAlpha = 1;
  }

  // A unit is a circle; a bias unit (Kaneko's rule) a square.
  function unit(ctx, x, y, i, lit, square) {
    const c = i % 2 ? theme.neg : theme.pos;
    const e = r + (lit ? 2 : 0);
    ctx.beginPath();
    if (square) ctx.rect(x - e, y - e, 2 * e, 2 * e); else ctx.arc(x, y, e, 0, 7);
    ctx.fillStyle = r < 5 ? c : theme.card; ctx.fill();
    ctx.lineWidth = lit ? 2.5 : 1.5; ctx.strokeStyle = lit ? theme.fg : c; ctx.stroke();
    if (r < 5) return;
    const g = r * 0.5;
    ctx.beginPath(); ctx.moveTo(x - g, y); ctx.lineTo(x + g, y);
    if (!(i % 2)) { ctx.moveTo(x, y - g); ctx.lineTo(x, y + g); }
    ctx.strokeStyle = c; ctx.lineWidth = Math.max(1.5, r / 5); ctx.stroke();
  }

  function draw() {
    const { ctx, w, h } = size();
    ctx.clearRect(0, 0, w, h);
    if (!pg || !cols.length) return;
    ctx.lineCap = 'round';
    const only = hover && (hover.unit ? (l, s, u) => (l === hover.c - 1 && node(hover.c, u) === hover.i) || (l === hover.c && s === hover.i)
      : (l, s, u) => l === hover.l && s === hover.s && u === hover.u);
    for (let l = 0; l < shapes.length; l++) connections(ctx, l, pg.layerWeights(l));
    if (only) for (let l = 0; l < shapes.length; l++) connections(ctx, l, pg.layerWeights(l), only);
    ctx.font = '600 11px system-ui, sans-serif'; ctx.textAlign = 'center';
    cols.forEach((col, c) => {
      ctx.fillStyle = theme.muted;
      const name = c === 0 ? 'input' : c === shapes.length ? 'output' : `hidden ${c}`;
      ctx.fillText(cols.length > 4 && w < 420 && c && c < shapes.length ? `h${c}` : name, Math.min(Math.max(col[0][0], 24), w - 24), 13);
      col.forEach(([x, y], i) => unit(ctx, x, y, i, hover?.unit && hover.c === c && hover.i === i, c < shapes.length && i < bias));
    });
    if (r >= 6) {
      ctx.textAlign = 'right'; ctx.fillStyle = theme.muted; ctx.font = '11px system-ui, sans-serif';
      cols[0].forEach(([x, y], i) => ctx.fillText(i < bias ? 'β' : `x${(i - bias) >> 1}`, x - r - 4, y + 4));
    }
  }

  // The unit or connection under (x, y), with the words for its readout.
  function find(x, y) {
    for (let c = 0; c < cols.length; c++) for (let i = 0; i < cols[c].length; i++) {
      const [ux, uy] = cols[c][i];
      if (Math.hypot(x - ux, y - uy) > r + 3) continue;
      let text = `${unitName(c, i)}: ${i % 2 ? 'inhibitory (−)' : 'excitatory (+)'}`;
      const j = c < shapes.length ? i - bias : i;
      if (c > 0 && j >= 0) {
        const w = pg.layerWeights(c - 1), U = shapes[c - 1][1];
        let sum = 0;
        for (let s = 0; s < shapes[c - 1][0]; s++) sum += Math.abs(w[s * U + j]);
        text += `, mean |w| in ${fmtNum(sum / shapes[c - 1][0], 3)}`;
      }
      return { unit: true, c, i, text, layer: c > 0 && j >= 0 ? [c - 1, j] : null };
    }
    let best = null, bestD = 4;
    for (let l = 0; l < shapes.length; l++) {
      const [S, U] = shapes[l];
      for (let s = 0; s < S; s++) for (let u = 0; u < U; u++) {
        const [ax, ay] = cols[l][s], [bx, by] = cols[l + 1][node(l + 1, u)], dx = bx - ax, dy = by - ay;
        const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
        const d = Math.hypot(x - ax - t * dx, y - ay - t * dy);
        if (d < bestD) { bestD = d; best = { l, s, u }; }
      }
    }
    if (!best) return null;
    const { l, s, u } = best, v = pg.layerWeights(l)[s * shapes[l][1] + u];
    best.text = `${unitName(l, s)} (${sign(s)}) → ${unitName(l + 1, node(l + 1, u))} (${sign(u)}): w = ${fmtNum(v)}, ${v < 0 ? 'inhibitory' : 'excitatory'}`;
    return best;
  }

  // The readout follows the pointer and, while training, the live values under it.
  function point() {
    hover = mouse && find(mouse[0], mouse[1]);
    tip.hidden = !hover;
    if (!hover) return;
    tipText.textContent = hover.text;
    mapped = inputs === 2 ? hover.layer ?? null : null;
    tipMap.hidden = !mapped;
    if (mapped) unitMap.draw();
    tip.style.left = Math.max(0, Math.min(mouse[0] + 12, size().w - tip.offsetWidth - 4)) + 'px';
    tip.style.top = mouse[1] + 14 + 'px';
  }
  // Pointer events, so a tap on a phone reads a unit as hovering does with a mouse.
  const at = (e) => { mouse = [e.offsetX, e.offsetY]; if (pg) { point(); draw(); } };
  canvas.addEventListener('pointermove', at);
  canvas.addEventListener('pointerdown', at);
  const away = () => { if (!mouse) return; mouse = null; if (pg) { point(); draw(); } };
  canvas.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') away(); });
  // A finger never leaves: a tap anywhere else puts the readout away.
  // (An embed rebuilt without this canvas: the listener goes at the next tap.)
  const onDown = (e) => {
    if (!canvas.isConnected) document.removeEventListener('pointerdown', onDown);
    else if (e.composedPath()[0] !== canvas) away();
  };
  document.addEventListener('pointerdown', onDown);

  return {
    reset(p) {
      pg = p; hover = null; mouse = null; tip.hidden = true; mapped = null;
      unitMap.reset(p);
      shapes = Array.from({ length: p.layerCount() }, (_, l) => [...p.layerShape(l)]);
      inputs = (p.patternInputs().length * p.outputCount) / p.patternTargets().length;
      bias = shapes[0][0] - 2 * inputs;
      layout(); draw();
    },
    draw: timedView('network', () => { if (mouse) point(); draw(); }),
  };
}
