// The weights view: each layer's matrix as a heatmap (rows: sources, columns:
// units; hue by sign, depth by |w| within the layer), where ED's fixed signs show
// as a checkerboard, and a chart of each layer's mean |w|, which only ever grows.
import { lineChart } from './chart.js';
import { el, fmtNum } from '../ui.js';
import { timedView } from '../frame/view-timer.js';
import { wordsAt, wordsIn } from '../words/index.js';

const CAP = 2048;

/** Name of the layer a weight matrix feeds from / into, in the words `w` (English unless given). */
export const layerName = (l, count, w = wordsIn('en')) => w('weights.layer', l, count);

export function weightsView(box, chartBox, readout, theme) {
  let maps = [],
    chart,
    count = 0,
    key = '';
  const ys = [];
  const x = new Float64Array(CAP);
  const words = () => wordsAt(box); // the language of the root the view is in
  // "Explain one step" (www/explain.js): each layer's Δw (input-major), the
  // pointed cell `{ l, s, u }`, and who hears a cell pointed at; null: none.
  let marks = null;

  function buildChart() {
    chart?.destroy();
    chart = lineChart(chartBox, {
      series: maps.map((m, l) => ({
        label: words()('weights.layerShort', l, count),
        stroke: theme[`s${Math.min(l, 4)}`],
      })),
      height: 170,
      theme,
      yLabel: words()('weights.yLabel'),
      value: (v) => fmtNum(v, 3),
    });
    key = '';
  }

  // `px`: the layer's RGBA, a pixel a weight, coloured by the engine (layerHeatmap).
  function paint(m, px) {
    const { rows, cols, cell, off, canvas } = m;
    const img = new ImageData(new Uint8ClampedArray(px.buffer, px.byteOffset, px.length), cols, rows);
    off.getContext('2d').putImageData(img, 0, 0);
    const ctx = canvas.getContext('2d'),
      d = canvas.width / (cols * cell);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
    if (cell >= 6) {
      // thin gaps between cells read better than a solid block
      ctx.strokeStyle = theme.card;
      ctx.lineWidth = d;
      ctx.beginPath();
      for (let r = 1; r < rows; r++) {
        ctx.moveTo(0, r * cell * d);
        ctx.lineTo(canvas.width, r * cell * d);
      }
      for (let c = 1; c < cols; c++) {
        ctx.moveTo(c * cell * d, 0);
        ctx.lineTo(c * cell * d, canvas.height);
      }
      ctx.stroke();
    }
  }

  function hover(m, l, e, pg) {
    const r = Math.floor(e.offsetY / m.cell),
      c = Math.floor(e.offsetX / m.cell);
    if (r < 0 || c < 0 || r >= m.rows || c >= m.cols) return;
    const w = pg().layerWeights(l)[r * m.cols + c];
    readout.textContent =
      words()('weights.cell', layerName(l, count, words()), r, c, fmtNum(w)) +
      (marks ? `, Δw = ${fmtNum(marks.delta[l][r * m.cols + c])}` : '');
    marks?.cell({ l, s: r, u: c });
  }

  // The cells an explained update changed, outlined darker for a larger Δw; the pointed one in red.
  function outline(m, l) {
    const delta = marks.delta[l],
      ctx = m.canvas.getContext('2d'),
      d = m.canvas.width / (m.cols * m.cell);
    let max = 0;
    for (const v of delta) max = Math.max(max, Math.abs(v));
    const box = (k, colour, width) => {
      const r = Math.floor(k / m.cols),
        c = k % m.cols,
        inset = width / 2;
      ctx.strokeStyle = colour;
      ctx.lineWidth = width;
      ctx.strokeRect(c * m.cell * d + inset, r * m.cell * d + inset, m.cell * d - width, m.cell * d - width);
    };
    const width = Math.max(1, Math.min(3, m.cell / 4)) * d;
    delta.forEach((v, k) => {
      if (!v) return;
      ctx.globalAlpha = 0.4 + 0.6 * (Math.abs(v) / max);
      box(k, theme.fg, width);
    });
    ctx.globalAlpha = 1;
    const p = marks.pointed;
    if (p?.l === l) box(p.s * m.cols + p.u, theme.s4, width * 1.5);
  }

  return {
    reset(pg, current) {
      count = pg.layerCount();
      box.replaceChildren();
      // The readout's first words are the page's markup, in English until now.
      readout.textContent = words()('weights.hover');
      maps = [];
      for (let l = 0; l < count; l++) {
        const [rows, cols] = pg.layerShape(l);
        const cell = Math.max(1, Math.min(20, Math.floor(256 / Math.max(rows, cols))));
        const canvas = el('canvas', { className: 'heat' }),
          d = Math.ceil(devicePixelRatio || 1);
        canvas.width = cols * cell * d;
        canvas.height = rows * cell * d;
        canvas.style.width = `${cols * cell}px`;
        canvas.style.height = `${rows * cell}px`;
        const m = { rows, cols, cell, canvas, off: el('canvas', { width: cols, height: rows }) };
        canvas.addEventListener('mousemove', (e) => hover(m, l, e, current));
        canvas.addEventListener('click', (e) => hover(m, l, e, current)); // a tap, on a phone
        canvas.addEventListener('mouseleave', () => {
          readout.textContent = words()('weights.hover');
        });
        const figure = el(
          'figure',
          {},
          canvas,
          el('figcaption', {}, `${layerName(l, count, words())} (${rows}×${cols})`),
        );
        figure.style.maxWidth = `${Math.max(cols * cell, 110)}px`; // a thin matrix wraps its caption
        box.append(figure);
        maps.push(m);
      }
      buildChart();
      this.draw(pg);
    },
    draw: timedView('weights', (pg) => {
      // Hue by sign, depth by sqrt(|w|) up to twice the layer's mean |w| (so a few
      // large weights do not wash out the rest), never lighter than a floor that
      // keeps every sign, the checkerboard, visible: src/view/heatmap.rs.
      const hex = (key) => parseInt(theme[key].slice(1), 16);
      maps.forEach((m, l) => {
        paint(m, pg.layerHeatmap(l, hex('card'), hex('pos'), hex('neg')));
        if (marks?.delta[l]) outline(m, l);
      });
    }),
    /** Marks an explained update's Δw (`delta[l]`, input-major) and the pointed
     * cell, telling `cell({ l, s, u })` of a cell pointed at; `null`: no marks. */
    mark(next) {
      marks = next;
    },
    chart: timedView('weights-chart', (pg) => {
      const E = pg.historyEpochs(),
        n = E.length;
      const now = `${n}:${n && E[n - 1]}`;
      if (now === key) return;
      key = now;
      x.set(E);
      const A = pg.historyMeanAbs();
      for (let l = 0; l < count; l++) {
        ys[l] ??= new Float64Array(CAP);
        for (let i = 0; i < n; i++) ys[l][i] = A[i * count + l];
      }
      // In a batch, so uPlot redraws now rather than in a microtask: its time counts as this view's.
      chart.batch(() => chart.setData([x.subarray(0, n), ...ys.slice(0, count).map((y) => y.subarray(0, n))]));
    }),
    retheme(pg) {
      buildChart();
      this.draw(pg);
      this.chart(pg);
    },
    /** uPlot keeps every chart in a global set and a window listener until it is destroyed. */
    destroy() {
      chart?.destroy();
      chart = null;
      maps = [];
    },
  };
}

/**
 * The weights view (contract.js): the heatmaps, and the mean |w| chart drawn as
 * a part of its own at its own pace.
 * @type {import('./contract.js').ViewSpec<import('./contract.js').View & {
 *   mark(next: any): void }>}
 */
export const weightsSpec = {
  name: 'weights',
  token: 'weights',
  card: 'card-weights',
  jobs: [
    { every: 4, phase: 1, part: 'chart' },
    { every: 3, phase: 2 },
  ],
  follows: ['output'],
  make(root, ctx) {
    const $ = (/** @type {string} */ id) => root.getElementById(id);
    const box = $('heatmaps'),
      chartBox = $('meanabs-chart'),
      readout = $('weights-readout');
    if (!box || !chartBox || !readout) return null;
    const view = weightsView(box, chartBox, readout, ctx.theme);
    /** @type {import('./contract.js').Run | null} */
    let run = null;
    const current = () => /** @type {import('./contract.js').Run} */ (run);
    return {
      reset(next) {
        run = next;
        view.reset(next, current);
      },
      draw() {
        if (run) view.draw(run);
      },
      drawPart() {
        if (run) view.chart(run);
      },
      retheme() {
        if (run) view.retheme(run);
      },
      mark: (next) => view.mark(next),
      destroy() {
        view.destroy();
        run = null;
      },
    };
  },
};
