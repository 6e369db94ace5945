// The network view: every unit marked excitatory (+) or inhibitory (−), every
// connection coloured by its sign and drawn wider and darker with |w| (scaled
// within its layer), with a readout of the unit or connection under the pointer:
// for a unit of a two-input task, also a small map of what it emits over the
// input square (what it has come to detect). The view draws SHOWN connections
// at most, shared among the layers: a network up to 64 x 64 units whole, a
// larger layer its strongest (as many as its share), so four layers of 256
// units cost little more to draw than two of 64 and read as their strongest links.
import { fitCanvas, fmtNum, el } from '../ui.js';
import { decisionView } from './decision.js';
import { timedView } from '../frame/view-timer.js';
import { wordsAt } from '../words/index.js';

const LEVELS = 8; // connections are drawn in 2 x LEVELS batches, not one stroke each
const SHOWN = 8192; // connections drawn at most

// Each layer's share of SHOWN, given its connections `sizes`: the smaller
// layers whole, the rest split evenly among the larger.
function shares(sizes) {
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

// Below this width (CSS pixels) the readout sits under the diagram, not by the pointer.
const NARROW = 560;

export function networkView(canvas, tip, theme) {
  let pg = null,
    shapes = [],
    cols = [],
    r = 8,
    hover = null,
    mouse = null,
    inputs = 2,
    bias = 0;
  let shown = [],
    share = [],
    pick = 0; // per layer, the connections drawn last (those the pointer can find), and how many
  // "Explain one step" (www/explain.js): `{ x, stage, bp, edge }`, the traced
  // update and how far its explanation has come; `onEdge` hears a pointed connection.
  let ex = null,
    onEdge = null;
  const size = fitCanvas(canvas, () => {
    layout();
    draw();
  });
  const tipText = el('span'),
    tipMap = el('canvas', { className: 'unit-map' });
  tipMap.setAttribute('aria-hidden', 'true'); // the text says what the map is of
  tip.replaceChildren(tipText, tipMap);
  let mapped = null; // [layer, unit] that the map shows
  const unitMap = decisionView(
    tipMap,
    theme,
    { view: 'unitMap', unit: () => mapped },
    { maxPoints: 16, name: 'unit-map' },
  );

  // Column c holds the sources of layer c: Kaneko's bias pair first (if any), then
  // each input twice (+ copy, − copy) or the units of the layer before; the last
  // column is the output. `node` finds unit u of a layer in its column.
  const sign = (i) => (i % 2 ? '−' : '+');
  const node = (c, u) => u + (c < shapes.length ? bias : 0);
  const words = () => wordsAt(canvas); // the language of the root the canvas is in
  const unitName = (c, i) => {
    const j = c < shapes.length ? i - bias : i,
      w = words();
    return j < 0 ? w('network.bias', i) : c === 0 ? w('network.input', j) : w('network.unit', c, shapes.length, j);
  };

  function layout() {
    const { w, h } = size();
    if (!shapes.length || !w) return;
    const counts = [...shapes.map((s) => s[0]), shapes.at(-1)[1]];
    // Explaining, room above for the broadcast and below for backprop's path.
    const left = 34,
      right = ex ? 44 : 22,
      top = ex ? 52 : 26,
      bottom = ex ? 30 : 8;
    const gap = Math.min(...counts.map((n) => (h - top - bottom) / n));
    r = Math.max(1.5, Math.min(11, gap * 0.36));
    cols = counts.map((n, c) => {
      const x = left + (c * (w - left - right)) / (counts.length - 1),
        step = (h - top - bottom) / n;
      return Array.from({ length: n }, (_, i) => [x, top + (i + 0.5) * step]);
    });
  }

  // Draws layer `l`'s connections `edges` (indices into `w`); `only`: they are
  // the ones under the pointer, drawn on top at full strength.
  function connections(ctx, l, w, edges, only, dim = 1) {
    const U = shapes[l][1],
      a = cols[l],
      b = cols[l + 1];
    // The engine picks a large layer's strongest (a scan of every weight), one
    // layer a draw in turn: which connections are drawn follows a few draws
    // behind, their colours and widths never.
    if (!edges) edges = shown[l] = !shown[l] || l === pick ? pg.layerStrongest(l, share[l]) : shown[l];
    let max = 0; // the largest |w| is among those drawn
    for (const e of shown[l]) max = Math.max(max, Math.abs(w[e]));
    const paths = Array.from({ length: 2 * LEVELS }, () => new Path2D());
    for (const e of edges) {
      const s = Math.floor(e / U),
        u = e % U;
      const v = w[e],
        k = Math.min(LEVELS - 1, Math.floor((max ? Math.abs(v) / max : 0) * LEVELS)) || 0; // 0: not finite
      const p = paths[(v < 0 ? LEVELS : 0) + k];
      const [x, y] = b[node(l + 1, u)];
      p.moveTo(a[s][0], a[s][1]);
      p.lineTo(x, y);
    }
    // Weak to strong, both signs at each level, so neither colour buries the other;
    // dense layers are drawn fainter so they read as a texture, not a solid block.
    const thin = Math.min(1, r / 7),
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

  // Explained, the weights before the update until its last stage shows it.
  const weightsOf = (l) => (ex && ex.stage < 5 ? ex.x.layers[l].before : pg.layerWeights(l));

  // A unit is a circle; a bias unit (Kaneko's rule) a square.
  function unit(ctx, x, y, i, lit, square) {
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

  // A column's units. Small ones are drawn one path per sign, so a 256-unit
  // column is two fills and two strokes; the lit one and bias squares on top.
  function units(ctx, col, c) {
    const square = (i) => c < shapes.length && i < bias,
      lit = (i) => hover?.unit && hover.c === c && hover.i === i;
    const alone = (i) => r >= 5 || lit(i) || square(i);
    if (r < 5) {
      for (const neg of [0, 1]) {
        const p = new Path2D();
        // A dot of a few pixels reads the same drawn square, and costs less.
        const dot =
          r < 2.5
            ? (x, y) => p.rect(x - r, y - r, 2 * r, 2 * r)
            : (x, y) => {
                p.moveTo(x + r, y);
                p.arc(x, y, r, 0, 7);
              };
        col.forEach(([x, y], i) => {
          if (i % 2 === neg && !alone(i)) dot(x, y);
        });
        ctx.fillStyle = ctx.strokeStyle = neg ? theme.neg : theme.pos;
        ctx.lineWidth = 1.5;
        ctx.fill(p);
        ctx.stroke(p);
      }
    }
    col.forEach(([x, y], i) => {
      if (alone(i)) unit(ctx, x, y, i, lit(i), square(i));
    });
  }

  // The connections under the pointer, per layer: a unit's in and out, or one.
  function litEdges() {
    const edges = shapes.map(() => []);
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

  function draw() {
    const { ctx, w, h } = size();
    ctx.clearRect(0, 0, w, h);
    if (!pg || !cols.length) return;
    ctx.lineCap = 'round';
    pick = (pick + 1) % shapes.length;
    for (let l = 0; l < shapes.length; l++)
      connections(ctx, l, weightsOf(l), undefined, false, ex?.stage === 5 ? 0.35 : 1);
    if (ex?.stage === 5) grown(ctx);
    if (hover) litEdges().forEach((edges, l) => edges.length && connections(ctx, l, weightsOf(l), edges, true));
    ctx.font = `600 ${theme.label}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    cols.forEach((col, c) => {
      ctx.fillStyle = theme.muted;
      const name = words()('network.layer', c, shapes.length);
      const text = cols.length > 4 && w < 420 && c && c < shapes.length ? words()('network.layerShort', c) : name;
      const half = Math.max(24, ctx.measureText(text).width / 2 + 2); // kept whole inside the canvas
      ctx.fillText(text, Math.min(Math.max(col[0][0], half), w - half), theme.label + 2);
      units(ctx, col, c);
    });
    if (r >= 6) {
      ctx.textAlign = 'right';
      ctx.fillStyle = theme.muted;
      ctx.font = `${theme.label}px system-ui, sans-serif`;
      cols[0].forEach(([x, y], i) => ctx.fillText(i < bias ? 'β' : `x${(i - bias) >> 1}`, x - r - 4, y + 4));
    }
    if (ex) explained(ctx, w, h);
  }

  // An explained update's numbers on the diagram: each source's and unit's
  // value (from stage 1 the inputs, from 2 every unit), the output against its
  // target (3), the broadcast reaching every layer at once, and backprop's
  // layer-by-layer path if asked (4).
  function explained(ctx, w, h) {
    const { x, stage } = ex,
      L = shapes.length,
      font = theme.label;
    ctx.font = `600 ${font}px system-ui, sans-serif`;
    if (r >= 4.5) {
      ctx.textAlign = 'left';
      // Column c < L holds layer c's sources (bias units first); the last, the output.
      const value = (c, i) => (c < L ? x.layers[c].sources[i] : x.layers[L - 1].units[i]);
      cols.forEach((col, c) => {
        if (c > 0 && stage < 2) return;
        col.forEach(([ux, uy], i) => {
          const v = value(c, i);
          ctx.fillStyle = theme.card;
          ctx.globalAlpha = 0.85;
          // A pattern's inputs as given (0, 1, 0.25); what units emit, to two places.
          const text = c === 0 ? String(+v.toPrecision(3)) : fmtNum(v, 2),
            tw = ctx.measureText(text).width;
          ctx.fillRect(ux + r + 1, uy - r - font, tw + 4, font + 3);
          ctx.globalAlpha = 1;
          ctx.fillStyle = theme.fg;
          ctx.fillText(text, ux + r + 3, uy - r - 1);
        });
      });
    }
    const [ox, oy] = cols[L][0];
    if (stage >= 3) {
      // The output against its target: an arrow the way it must go.
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
    if (stage === 4) {
      // One signal, to every layer at the same moment: a bus above the layers.
      const bus = font + 22; // under the layers' names, its values between
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
      if (ex.bp) {
        // Backprop: the error goes back one layer at a time, numbered.
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
    }
  }

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

  // The connections the explained update grew, wider for a larger Δw, and the pointed one.
  function grown(ctx) {
    let max = 0;
    for (const layer of ex.x.layers) for (const d of layer.delta) max = Math.max(max, Math.abs(d));
    ctx.strokeStyle = theme.fg;
    for (let l = 0; l < shapes.length; l++) {
      const U = shapes[l][1],
        delta = ex.x.layers[l].delta;
      for (const e of shown[l] ?? []) {
        const d = Math.abs(delta[e]);
        if (!d) continue;
        const s = Math.floor(e / U),
          u = e % U,
          [ax, ay] = cols[l][s],
          [bx, by] = cols[l + 1][node(l + 1, u)];
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
    if (p && cols[p.l + 1]) {
      const [ax, ay] = cols[p.l][p.s],
        [bx, by] = cols[p.l + 1][node(p.l + 1, p.u)];
      ctx.strokeStyle = theme.s4;
      ctx.lineWidth = 3;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(ax, ay);
      ctx.lineTo(bx, by);
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }

  // The unit or connection under (x, y), with the words for its readout.
  function find(x, y) {
    for (let c = 0; c < cols.length; c++)
      for (let i = 0; i < cols[c].length; i++) {
        const [ux, uy] = cols[c][i];
        if (Math.hypot(x - ux, y - uy) > r + 3) continue;
        let text = `${unitName(c, i)}: ${words()('network.unitSign', i)}`;
        const j = c < shapes.length ? i - bias : i;
        if (c > 0 && j >= 0) {
          const w = weightsOf(c - 1),
            U = shapes[c - 1][1];
          let sum = 0;
          for (let s = 0; s < shapes[c - 1][0]; s++) sum += Math.abs(w[s * U + j]);
          text += words()('network.incoming', fmtNum(sum / shapes[c - 1][0], 3));
        }
        return { unit: true, c, i, text, layer: c > 0 && j >= 0 ? [c - 1, j] : null };
      }
    // Only the connections drawn: the pointer finds what the reader sees.
    let best = null,
      bestD = 4;
    for (let l = 0; l < shapes.length; l++) {
      const U = shapes[l][1];
      for (const e of shown[l] ?? []) {
        const s = Math.floor(e / U),
          u = e % U;
        const [ax, ay] = cols[l][s],
          [bx, by] = cols[l + 1][node(l + 1, u)],
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
      v = weightsOf(l)[s * shapes[l][1] + u];
    best.text = words()(
      'network.edge',
      `${unitName(l, s)} (${sign(s)})`,
      `${unitName(l + 1, node(l + 1, u))} (${sign(u)})`,
      fmtNum(v),
      v < 0,
    );
    return best;
  }

  // The readout follows the pointer and, while training, the live values under it.
  function point() {
    hover = mouse && find(mouse[0], mouse[1]);
    if (ex?.stage === 5 && hover && !hover.unit) onEdge?.({ l: hover.l, s: hover.s, u: hover.u });
    tip.hidden = !hover;
    if (!hover) return;
    tipText.textContent = hover.text;
    mapped = inputs === 2 ? (hover.layer ?? null) : null;
    tipMap.hidden = !mapped;
    if (mapped) unitMap.draw();
    // On a narrow diagram (a phone's) a finger covers what it taps and the readout
    // would cover the rest: there it goes, smaller, under the diagram.
    const { w, h } = size(),
      below = w < NARROW;
    tip.classList.toggle('below', below);
    const x = below ? mouse[0] - tip.offsetWidth / 2 : mouse[0] + 12;
    tip.style.left = `${Math.max(0, Math.min(x, w - tip.offsetWidth - 4))}px`;
    tip.style.top = `${below ? h + 6 : mouse[1] + 14}px`;
  }
  // Pointer events, so a tap on a phone reads a unit as hovering does with a mouse.
  const at = (e) => {
    mouse = [e.offsetX, e.offsetY];
    if (pg) {
      point();
      draw();
    }
  };
  canvas.addEventListener('pointermove', at);
  canvas.addEventListener('pointerdown', at);
  const away = () => {
    if (!mouse) return;
    mouse = null;
    if (pg) {
      point();
      draw();
    }
  };
  canvas.addEventListener('pointerleave', (e) => {
    if (e.pointerType === 'mouse') away();
  });
  // A finger never leaves: a tap anywhere else puts the readout away.
  // (An embed rebuilt without this canvas: the listener goes at the next tap, or with destroy().)
  const onDown = (e) => {
    if (!canvas.isConnected) document.removeEventListener('pointerdown', onDown);
    else if (e.composedPath()[0] !== canvas) away();
  };
  document.addEventListener('pointerdown', onDown);

  return {
    reset(p) {
      pg = p;
      hover = null;
      mouse = null;
      tip.hidden = true;
      mapped = null;
      shown = [];
      unitMap.reset(p);
      shapes = Array.from({ length: p.layerCount() }, (_, l) => [...p.layerShape(l)]);
      share = shares(shapes.map(([s, u]) => s * u));
      // No patterns yet (the reader's own points, before the first): those tasks have 2 inputs.
      const patterns = p.patternTargets().length / p.outputCount;
      inputs = patterns ? p.patternInputs().length / patterns : 2;
      bias = shapes[0][0] - 2 * inputs;
      layout();
      draw();
    },
    draw: timedView('network', () => {
      if (mouse) point();
      draw();
    }),
    /** Shows an explained update (www/explain.js), or none (`null`); `edge(hit)`
     * hears the connection the reader points at in its last stage. */
    explain(view, edge) {
      const laid = !ex === !view;
      ex = view;
      onEdge = edge ?? null;
      if (!laid) layout();
      if (pg) draw();
    },
    /** Lets go of the run, the canvas's observer and the document's listener,
     * which would otherwise draw the freed run and keep this view alive. */
    destroy() {
      size.release();
      unitMap.destroy();
      document.removeEventListener('pointerdown', onDown);
      pg = null;
      hover = null;
      mouse = null;
    },
  };
}

/**
 * The network diagram as a view (contract.js); it draws the sub-network of the
 * output chosen in the Output card's select.
 * @type {import('./contract.js').ViewSpec<import('./contract.js').View & {
 *   explain(view: any, edge?: ((hit: any) => void) | null): void }>}
 */
export const networkSpec = {
  name: 'network',
  token: 'network',
  card: 'card-network',
  jobs: [{ every: 2, phase: 1 }],
  follows: ['output'],
  make(root, ctx) {
    const canvas = root.getElementById('network'),
      tip = root.getElementById('network-tip');
    if (!canvas || !tip) return null;
    return networkView(canvas, tip, ctx.theme);
  },
};
