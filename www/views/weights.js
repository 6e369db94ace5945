// The weights view: each layer's matrix as a heatmap (rows: sources, columns:
// units; hue by sign, depth by |w| within the layer), where ED's fixed signs show
// as a checkerboard, and a chart of each layer's mean |w|, which only ever grows.
// While an update is explained, the cells it changed are outlined.
import { lineChart, roomFor, whenCharts } from './chart.js';
import { el, fmtNum } from '../ui.js';
import { timedView } from '../frame/view-timer.js';
import { wordsAt } from '../words/index.js';

/** @typedef {import('./contract.js').Run} Run */
/** @typedef {import('./contract.js').Theme} Theme */
/** @typedef {(key: string, ...values: any[]) => string} Words */

const CAP = 2048; // the session's history capacity

/**
 * Name of the layer a weight matrix feeds from / into, in the words `w`.
 * @param {number} l @param {number} count @param {Words} w
 */
export const layerName = (l, count, w) => w('weights.layer', l, count);

/**
 * An explained update's marks (panels/explain.js): each layer's Δw
 * (input-major), the cell pointed at, and who hears a cell pointed at.
 * @typedef {{ delta: ArrayLike<number>[], pointed: Cell | null, cell(c: Cell): void }} Marks
 */
/** A weight: layer `l`, source `s`, unit `u`. @typedef {{ l: number, s: number, u: number }} Cell */

/**
 * The weights view: a View, and `mark(next)`: marks an explained update's Δw and
 * the pointed cell, or none (`null`).
 * @typedef {import('./contract.js').View & { mark(next: Marks | null): void }} WeightsView
 */

/**
 * One layer's heatmap: its matrix's `rows` x `cols`, the CSS px of a cell, the
 * canvas shown and the offscreen one the engine's pixels go through.
 * @typedef {{ rows: number, cols: number, cell: number, canvas: HTMLCanvasElement, off: HTMLCanvasElement }} Heatmap
 */

/**
 * A heatmap's canvas for a layer of `rows` x `cols`: a cell at most 20 px, the
 * whole at most about 256 px, its backing store at whole device pixels.
 * @param {number} rows @param {number} cols @returns {Heatmap}
 */
function heatmap(rows, cols) {
  const cell = Math.max(1, Math.min(20, Math.floor(256 / Math.max(rows, cols))));
  const canvas = /** @type {HTMLCanvasElement} */ (el('canvas', { className: 'heat' })),
    d = Math.ceil(devicePixelRatio || 1);
  canvas.width = cols * cell * d;
  canvas.height = rows * cell * d;
  canvas.style.width = `${cols * cell}px`;
  canvas.style.height = `${rows * cell}px`;
  return { rows, cols, cell, canvas, off: el('canvas', { width: cols, height: rows }) };
}

/**
 * Paints the engine's RGBA of a layer (a pixel a weight) onto its heatmap,
 * scaled up, with thin gaps between large cells (they read better than a solid block).
 * @param {Heatmap} m @param {Uint8Array} px @param {Theme} theme
 */
function paint(m, px, theme) {
  const { rows, cols, cell, off, canvas } = m;
  const img = new ImageData(
    new Uint8ClampedArray(/** @type {ArrayBuffer} */ (px.buffer), px.byteOffset, px.length),
    cols,
    rows,
  );
  off.getContext('2d')?.putImageData(img, 0, 0);
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d')),
    d = canvas.width / (cols * cell);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
  if (cell < 6) return;
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

/**
 * The cells an explained update changed, outlined darker for a larger Δw; the pointed one in red.
 * @param {Heatmap} m @param {number} l @param {Marks} marks @param {Theme} theme
 */
function outline(m, l, marks, theme) {
  const delta = marks.delta[l],
    ctx = /** @type {CanvasRenderingContext2D} */ (m.canvas.getContext('2d')),
    d = m.canvas.width / (m.cols * m.cell);
  let max = 0;
  for (let k = 0; k < delta.length; k++) max = Math.max(max, Math.abs(delta[k]));
  const box = (/** @type {number} */ k, /** @type {string} */ colour, /** @type {number} */ width) => {
    const r = Math.floor(k / m.cols),
      c = k % m.cols,
      inset = width / 2;
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.strokeRect(c * m.cell * d + inset, r * m.cell * d + inset, m.cell * d - width, m.cell * d - width);
  };
  const width = Math.max(1, Math.min(3, m.cell / 4)) * d;
  for (let k = 0; k < delta.length; k++) {
    if (!delta[k]) continue;
    ctx.globalAlpha = 0.4 + 0.6 * (Math.abs(delta[k]) / max);
    box(k, theme.fg, width);
  }
  ctx.globalAlpha = 1;
  const p = marks.pointed;
  if (p?.l === l) box(p.s * m.cols + p.u, theme.s4, width * 1.5);
}

/** The mean |w| chart's plot height, CSS px. */
const HEIGHT = 170;

/**
 * The chart of each layer's mean |w| over the run's history, redrawn only when
 * the history has grown. Its library is asked for once a run has an epoch to
 * draw or `waits()` (as the loss chart's: loss-chart.js); `ready` is called
 * when it has come and the chart can show what it could not before.
 * @param {HTMLElement} box @param {Theme} theme @param {Words} words
 * @param {() => void} ready @param {() => boolean} waits
 */
function meanAbsChart(box, theme, words, ready, waits) {
  /** @type {ReturnType<typeof lineChart> | null} */
  let chart = null;
  let key = '',
    count = 0;
  const x = new Float64Array(CAP);
  /** @type {Float64Array[]} */
  const ys = [];
  const api = {
    /** A new chart for `layers` layers (a new run, new colours). @param {number} layers */
    build(layers) {
      count = layers;
      chart?.destroy();
      chart = null;
      key = '';
      if (!roomFor(box, HEIGHT)) return;
      chart = lineChart(box, {
        series: Array.from({ length: count }, (_, l) => ({
          label: words('weights.layerShort', l, count),
          stroke: theme[/** @type {import('./contract.js').Colour} */ (`s${Math.min(l, 4)}`)],
        })),
        height: HEIGHT,
        theme,
        yLabel: words('weights.yLabel'),
        value: (/** @type {number} */ v) => fmtNum(v, 3),
      });
      key = '';
    },
    /** @param {Run} run */
    update(run) {
      const E = run.historyEpochs(),
        n = E.length;
      if (!chart && (n > 0 || waits()))
        whenCharts(box, () => {
          api.build(count);
          ready();
        });
      if (!chart) return;
      const now = `${n}:${n && E[n - 1]}`;
      if (now === key) return;
      key = now;
      x.set(E);
      const A = run.historyMeanAbs();
      for (let l = 0; l < count; l++) {
        ys[l] ??= new Float64Array(CAP);
        for (let i = 0; i < n; i++) ys[l][i] = A[i * count + l];
      }
      const c = chart;
      // In a batch, so uPlot redraws now rather than in a microtask: its time counts as this view's.
      c.batch(() => c.setData([x.subarray(0, n), ...ys.slice(0, count).map((y) => y.subarray(0, n))]));
    },
    /** uPlot keeps every chart in a global set and a window listener until it is destroyed. */
    destroy() {
      chart?.destroy();
      chart = null;
    },
  };
  return api;
}

/**
 * The weights view in `box` (the heatmaps), `chartBox` (the mean |w| chart)
 * and `readout` (the cell under the pointer).
 * @param {HTMLElement} box @param {HTMLElement} chartBox @param {HTMLElement} readout @param {Theme} theme
 * @param {() => boolean} [waits] whether the run waits for the reader (paused)
 * @returns {WeightsView}
 */
export function weightsView(box, chartBox, readout, theme, waits = () => true) {
  /** @type {Run | null} */
  let run = null;
  /** @type {Heatmap[]} */
  let maps = [];
  let count = 0;
  /** @type {Marks | null} */
  let marks = null;
  const words = (/** @type {string} */ key, /** @type {any[]} */ ...values) => wordsAt(box)(key, ...values);
  const chart = meanAbsChart(chartBox, theme, words, () => drawChart(), waits);

  // The weight under the pointer on layer `l`'s heatmap, read out (and told to an explanation).
  function hover(/** @type {Heatmap} */ m, /** @type {number} */ l, /** @type {MouseEvent} */ e) {
    const r = Math.floor(e.offsetY / m.cell),
      c = Math.floor(e.offsetX / m.cell);
    if (!run || r < 0 || c < 0 || r >= m.rows || c >= m.cols) return;
    const w = run.layerWeights(l)[r * m.cols + c];
    readout.textContent =
      words('weights.cell', layerName(l, count, words), r, c, fmtNum(w)) +
      (marks ? `, Δw = ${fmtNum(marks.delta[l][r * m.cols + c])}` : '');
    marks?.cell({ l, s: r, u: c });
  }

  // A heatmap for each layer of `r`, captioned, in place of the last run's.
  function build(/** @type {Run} */ r) {
    count = r.layerCount();
    box.replaceChildren();
    maps = [];
    for (let l = 0; l < count; l++) {
      const [rows, cols] = r.layerShape(l);
      const m = heatmap(rows, cols);
      m.canvas.addEventListener('mousemove', (e) => hover(m, l, e));
      m.canvas.addEventListener('click', (e) => hover(m, l, e)); // a tap, on a phone
      m.canvas.addEventListener('mouseleave', () => {
        readout.textContent = words('weights.hover');
      });
      const caption = el('figcaption', {}, `${layerName(l, count, words)} (${rows}×${cols})`);
      const figure = el('figure', {}, m.canvas, caption);
      figure.style.maxWidth = `${Math.max(cols * m.cell, 110)}px`; // a thin matrix wraps its caption
      box.append(figure);
      maps.push(m);
    }
  }

  // Hue by sign, depth by sqrt(|w|) up to twice the layer's mean |w| (so a few
  // large weights do not wash out the rest), never lighter than a floor that
  // keeps every sign, the checkerboard, visible: src/view/heatmap.rs.
  function draw() {
    if (!run) return;
    const r = run,
      hex = (/** @type {'card' | 'pos' | 'neg'} */ key) => parseInt(theme[key].slice(1), 16);
    maps.forEach((m, l) => {
      paint(m, r.layerHeatmap(l, hex('card'), hex('pos'), hex('neg')), theme);
      if (marks?.delta[l]) outline(m, l, marks, theme);
    });
  }
  const drawChart = timedView('weights-chart', () => {
    if (run) chart.update(run);
  });

  return {
    reset(next) {
      run = next;
      build(next);
      // The readout's first words are the page's markup, in English until now.
      readout.textContent = words('weights.hover');
      chart.build(count);
      draw();
    },
    draw: timedView('weights', draw),
    drawPart: () => drawChart(),
    mark(next) {
      marks = next;
    },
    retheme() {
      chart.build(count);
      draw();
      drawChart();
    },
    destroy() {
      chart.destroy();
      maps = [];
      run = null;
    },
  };
}

/**
 * The weights card, for a host whose markup has none (the element): the
 * heatmaps, the readout and the mean |w| chart, named in the words of `root`.
 * @param {import('./contract.js').Root} root
 */
function placeWeights(root) {
  const w = wordsAt(root);
  const card = el(
    'section',
    { className: 'card', id: 'card-weights' },
    el('p', { className: 'key' }, w('page.weights.key')),
    el('div', { id: 'heatmaps', className: 'heatmaps' }),
    el('p', { id: 'weights-readout', className: 'readout' }, w('weights.hover')),
    el('div', { id: 'meanabs-chart', className: 'chart' }),
  );
  card.setAttribute('aria-label', w('page.weights.heading'));
  return card;
}

/**
 * The weights view (contract.js): the heatmaps, and the mean |w| chart drawn as
 * a part of its own at its own pace.
 * @type {import('./contract.js').ViewSpec<WeightsView>}
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
    const box = root.getElementById('heatmaps'),
      chartBox = root.getElementById('meanabs-chart'),
      readout = root.getElementById('weights-readout');
    if (!box || !chartBox || !readout) return null;
    return weightsView(box, chartBox, readout, ctx.theme, () => ctx.state().paused);
  },
  place: placeWeights,
};
