// The weights histogram: for each layer, how many of its weights there are of
// each size |w|, the excitatory ones (w > 0: a connection between two units of
// a kind, from a + source to a + unit or − to −) above a baseline and the
// inhibitory ones (w < 0) below it, one small panel per layer on a shared axis.
// ED only ever grows a weight (never shrinks it, never flips its sign), so as a
// run learns its histograms drift right.
//
// The bins are log-spaced, half an octave each (a factor of √2), over the run's
// range: a run's weights start drawn from U(0, init_range), so their sizes
// span several decades (a few are tiny), and ED then grows them by amounts that
// do not depend on their size, some a hundredfold. On a linear axis all but the
// largest would crowd into its first bar; on a log axis every decade has the same
// room, and a weight growing by a factor moves the same distance wherever it starts.
// The range is fixed from the first weights of a run (from the size below which
// lie 1 in 100 of them, counted in its first bar) and only widens to the right as
// weights outgrow it, so the bars of one run stay in place and the drift reads.
//
// Counting reads each weight's IEEE 754 exponent and top mantissa bits from the
// raw bits of the engine's typed array (a view over wasm memory): half-octave bins
// without a logarithm, 2 to 5 times faster than Math.log2 (measured in Node). On
// a busy 2-core machine (load 17) counting and drawing four layers of 256 units
// (some 200,000 weights) took about 4 ms, where the heatmaps took 2.5 and the
// network view 14: fast enough in JS, with no engine function of its own. It runs
// on its job's beat (every 6 frames, fewer when it costs more: frame/scheduler.js)
// and when the run is paused or stepped; a resize redraws the last counts.
import { el, fitCanvas, fmtNum, pow10 } from '../ui.js';
import { timedView } from '../frame/view-timer.js';
import { wordsAt } from '../words/index.js';
import { layerName } from './weights.js';

/** @typedef {import('./contract.js').Run} Run */
/** @typedef {import('./contract.js').Theme} Theme */
/** @typedef {(key: string, ...values: any[]) => string} Words */

/**
 * One layer's counts: per bin (index 0 at the range's `lo`), the excitatory
 * `pos` and the inhibitory `neg` weights; their totals; and each side's mean
 * bin (a position along the bins, 0.5 the middle of the first; NaN for none).
 * @typedef {object} LayerCounts
 * @property {string} name
 * @property {Uint32Array} pos
 * @property {Uint32Array} neg
 * @property {number} positive
 * @property {number} negative
 * @property {number} meanPos
 * @property {number} meanNeg
 * @property {number} mean both sides together
 */

/**
 * A run's histograms now: the range's first bin `lo` and its end `hi` (bin
 * numbers: 2 per octave, bin b starting at |w| = 2^(b/2 − 1023)), and each layer's counts.
 * @typedef {{ lo: number, hi: number, layers: LayerCounts[] }} Histogram
 */

/**
 * The histogram view: a View, and `data()`, a read-only copy of what it shows
 * (the tests read it; each bin's edges in |w| as `edges`).
 * @typedef {import('./contract.js').View & { data(): HistogramData | null }} HistogramView
 */

/**
 * @typedef {{ lo: number, hi: number, edges: number[], layers: Array<{ name: string, pos: number[],
 *   neg: number[], positive: number, negative: number, meanPos: number, meanNeg: number, mean: number }> }} HistogramData
 */

const BINS_PER_OCTAVE = 2;
const MIN_OCTAVES = 4; // a run's range is at least this wide, so a few equal weights still read as a histogram
const MAX_OCTAVES = 16; // and at most this wide from its largest weight: smaller ones are counted in its first bin
const SMALLEST = 0.01; // the share of a run's first weights that may lie below its range (in its first bin)
const ALL_BINS = 2048 * BINS_PER_OCTAVE; // a bin for every binary exponent a double has, twice
// A bin's number from a weight's high 32 bits: its biased exponent, twice, and
// 1 more from √2 up, where the top 20 bits of its mantissa are at least (√2 − 1) · 2^20.
const SQRT2_MANTISSA = 434334;
const BIAS_BIN = 1023 * BINS_PER_OCTAVE; // the bin starting at |w| = 1

const PANEL = 62; // CSS px of one layer's panel: its name, then its bars up and down
const TOP = 6; // above the first panel, apart from the key over the canvas
const AXIS = 16; // the shared axis under the panels, besides its two lines of labels (ticks, its name)
const LEFT = 8,
  RIGHT = 8;

/** |w| where bin `b` starts. @param {number} b */
export const binStart = (b) => 2 ** (b / BINS_PER_OCTAVE - 1023);

/**
 * Counts one layer's weights `w` into bins from `lo` (smaller ones into the
 * first, larger into the last of `size`); zeros are neither sign and are left out.
 * @param {Float64Array} w @param {number} lo @param {number} size @param {string} name
 * @returns {LayerCounts & { top: number }} with `top`, the largest finite weight's bin
 */
function countLayer(w, lo, size, name) {
  const bits = new Uint32Array(w.buffer, w.byteOffset, w.length * 2);
  const pos = new Uint32Array(size),
    neg = new Uint32Array(size);
  let sumPos = 0,
    sumNeg = 0,
    top = -1;
  // Little-endian: a weight's high word is the second of its two.
  for (let i = 1; i < bits.length; i += 2) {
    const high = bits[i];
    if ((high & 0x7fffffff) === 0 && bits[i - 1] === 0) continue; // ±0
    const exponent = (high >>> 20) & 0x7ff,
      bin = exponent * 2 + ((high & 0xfffff) >= SQRT2_MANTISSA ? 1 : 0);
    if (exponent !== 0x7ff && bin > top) top = bin; // not ±∞ or NaN (a diverged run)
    const b = Math.min(size - 1, Math.max(0, bin - lo));
    if (high >>> 31) {
      neg[b]++;
      sumNeg += b;
    } else {
      pos[b]++;
      sumPos += b;
    }
  }
  const positive = pos.reduce((a, n) => a + n, 0),
    negative = neg.reduce((a, n) => a + n, 0);
  return {
    name,
    pos,
    neg,
    positive,
    negative,
    meanPos: positive ? sumPos / positive + 0.5 : Number.NaN,
    meanNeg: negative ? sumNeg / negative + 0.5 : Number.NaN,
    mean: positive + negative ? (sumPos + sumNeg) / (positive + negative) + 0.5 : Number.NaN,
    top,
  };
}

/**
 * The range of a run's first weights: from the size below which lie 1 in 100
 * of them (SMALLEST: the few tiny draws of U(0, init_range) would otherwise
 * stretch the axis by octaves of empty bins; they are counted in its first
 * bin, at most MAX_OCTAVES below its largest) to past its largest, at least
 * MIN_OCTAVES wide.
 * @param {Run} run @returns {{ lo: number, hi: number }}
 */
function rangeOf(run) {
  const all = new Float64Array(ALL_BINS);
  let count = 0,
    top = -1;
  for (let l = 0; l < run.layerCount(); l++) {
    const c = countLayer(run.layerWeights(l), 0, ALL_BINS, '');
    for (let b = 0; b < ALL_BINS; b++) all[b] += c.pos[b] + c.neg[b];
    count += c.positive + c.negative;
    top = Math.max(top, c.top);
  }
  if (top < 0) return { lo: BIAS_BIN - MIN_OCTAVES * BINS_PER_OCTAVE, hi: BIAS_BIN }; // no weights yet
  const hi = top + 1;
  let lo = 0,
    below = 0;
  while (lo < hi && below + all[lo] <= SMALLEST * count) below += all[lo++];
  lo = Math.max(lo, hi - MAX_OCTAVES * BINS_PER_OCTAVE);
  return { lo: Math.min(lo, hi - MIN_OCTAVES * BINS_PER_OCTAVE), hi };
}

/**
 * Each layer of `run` counted over `range`, which widens to the right (in
 * place) when a weight has outgrown it, and then is counted again.
 * @param {Run} run @param {{ lo: number, hi: number }} range @param {Words} words
 * @returns {Histogram}
 */
function histogramOf(run, range, words) {
  const count = run.layerCount();
  const countAll = () =>
    Array.from({ length: count }, (_, l) =>
      countLayer(run.layerWeights(l), range.lo, range.hi - range.lo, layerName(l, count, words)),
    );
  let layers = countAll();
  const top = Math.max(...layers.map((c) => c.top));
  if (top >= range.hi) {
    range.hi = top + 1;
    layers = countAll();
  }
  return { lo: range.lo, hi: range.hi, layers };
}

/**
 * The shared axis: a tick at each power of ten in the range (every other one
 * when they crowd), labelled, and the axis's name.
 * @param {CanvasRenderingContext2D} ctx @param {Histogram} hist @param {Theme} theme
 * @param {(b: number) => number} xOf a bin position's x @param {number} y the axis's top @param {number} w @param {Words} words
 */
function paintAxis(ctx, hist, theme, xOf, y, w, words) {
  const from = Math.ceil(Math.log10(binStart(hist.lo))),
    to = Math.floor(Math.log10(binStart(hist.hi)));
  const step = Math.max(1, Math.ceil(((to - from + 1) * 34) / Math.max(1, w - LEFT - RIGHT)));
  ctx.strokeStyle = theme.line;
  ctx.fillStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.font = `${theme.label}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.beginPath();
  ctx.moveTo(LEFT, y + 0.5);
  ctx.lineTo(w - RIGHT, y + 0.5);
  for (let e = from; e <= to; e++) {
    if ((e - from) % step) continue;
    const x = Math.round(xOf((Math.log2(10 ** e) + 1023) * BINS_PER_OCTAVE - hist.lo)) + 0.5;
    ctx.moveTo(x, y);
    ctx.lineTo(x, y + 4);
    ctx.fillText(pow10(10 ** e), x, y + 5 + theme.label);
  }
  ctx.stroke();
  ctx.fillText(words('histogram.axis'), (LEFT + w - RIGHT) / 2, y + 9 + 2 * theme.label);
}

/**
 * One layer's panel at `top`: its name, its bars (excitatory up from the
 * baseline, inhibitory down, each side scaled to the layer's fullest bin) and
 * a tick at each side's mean.
 * @param {CanvasRenderingContext2D} ctx @param {LayerCounts} layer @param {Theme} theme
 * @param {(b: number) => number} xOf @param {number} top @param {number} barWidth
 */
function paintPanel(ctx, layer, theme, xOf, top, barWidth) {
  const nameHeight = theme.label + 4,
    half = (PANEL - nameHeight - 6) / 2,
    base = top + nameHeight + half;
  ctx.fillStyle = theme.muted;
  ctx.textAlign = 'left';
  ctx.font = `600 ${theme.label}px system-ui, sans-serif`;
  ctx.fillText(layer.name, LEFT, top + theme.label);
  let full = 1;
  for (let b = 0; b < layer.pos.length; b++) full = Math.max(full, layer.pos[b], layer.neg[b]);
  for (const [counts, colour, up] of /** @type {const} */ ([
    [layer.pos, theme.pos, true],
    [layer.neg, theme.neg, false],
  ])) {
    ctx.fillStyle = colour;
    for (let b = 0; b < counts.length; b++) {
      if (!counts[b]) continue;
      // At least a pixel: a bin of a few weights beside one of thousands still shows.
      const height = Math.max(1, (counts[b] / full) * half);
      ctx.fillRect(xOf(b) + 0.5, up ? base - height : base, Math.max(1, barWidth - 1), height);
    }
  }
  ctx.strokeStyle = theme.line;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(LEFT, Math.round(base) + 0.5);
  ctx.lineTo(xOf(layer.pos.length), Math.round(base) + 0.5);
  ctx.stroke();
  // The means: a short dark tick through each side's bars.
  ctx.strokeStyle = theme.fg;
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (const [mean, up] of /** @type {const} */ ([
    [layer.meanPos, true],
    [layer.meanNeg, false],
  ])) {
    if (!Number.isFinite(mean)) continue;
    const x = xOf(mean);
    ctx.moveTo(x, up ? base - half - 2 : base);
    ctx.lineTo(x, up ? base : base + half + 2);
  }
  ctx.stroke();
}

/**
 * The histograms on a canvas `w` wide: a panel per layer, then the shared axis.
 * @param {CanvasRenderingContext2D} ctx @param {Histogram} hist @param {Theme} theme @param {number} w @param {Words} words
 */
function paintHistogram(ctx, hist, theme, w, words) {
  const bins = hist.hi - hist.lo,
    barWidth = (w - LEFT - RIGHT) / bins;
  const xOf = (/** @type {number} */ b) => LEFT + b * barWidth;
  hist.layers.forEach((layer, l) => {
    paintPanel(ctx, layer, theme, xOf, TOP + l * PANEL, barWidth);
  });
  paintAxis(ctx, hist, theme, xOf, TOP + hist.layers.length * PANEL + 2, w, words);
}

/**
 * The bin under (x, y) on a canvas `w` wide, and its layer, or null.
 * @param {Histogram} hist @param {number} x @param {number} y @param {number} w
 */
function binAt(hist, x, y, w) {
  const l = Math.floor((y - TOP) / PANEL),
    b = Math.floor(((x - LEFT) / (w - LEFT - RIGHT)) * (hist.hi - hist.lo));
  if (l < 0 || l >= hist.layers.length || b < 0 || b >= hist.hi - hist.lo) return null;
  return { layer: hist.layers[l], b };
}

/**
 * The histogram view on `canvas`, its readout in `readout`.
 * @param {HTMLCanvasElement} canvas @param {HTMLElement} readout @param {Theme} theme
 * @returns {HistogramView}
 */
export function histogramView(canvas, readout, theme) {
  /** @type {Run | null} */
  let run = null;
  /** @type {{ lo: number, hi: number }} */
  let range = { lo: 0, hi: 1 };
  /** @type {Histogram | null} */
  let hist = null;
  const words = (/** @type {string} */ key, /** @type {any[]} */ ...values) => wordsAt(canvas)(key, ...values);
  const size = fitCanvas(canvas, () => paint());

  function paint() {
    const { ctx, w, h } = size();
    ctx.clearRect(0, 0, w, h);
    if (hist && w) paintHistogram(ctx, hist, theme, w, words);
  }

  // Counts the weights as they are now, and draws them.
  function draw() {
    if (!run) return;
    hist = histogramOf(run, range, words);
    paint();
  }

  // The readout of the bar under the pointer (a mouse's, or a tap's).
  const point = (/** @type {PointerEvent} */ e) => {
    const hit = hist && binAt(hist, e.offsetX, e.offsetY, size().w);
    if (!hit || !hist) {
      readout.textContent = words('histogram.hover');
      return;
    }
    // The first bar holds the few smaller weights too (rangeOf): from 0.
    const from = hit.b ? binStart(hist.lo + hit.b) : 0,
      to = binStart(hist.lo + hit.b + 1),
      w = wordsAt(canvas);
    readout.textContent = words(
      'histogram.bin',
      hit.layer.name,
      fmtNum(from, 3),
      fmtNum(to, 3),
      w.int(hit.layer.pos[hit.b]),
      w.int(hit.layer.neg[hit.b]),
    );
  };
  canvas.addEventListener('pointermove', point);
  canvas.addEventListener('pointerdown', point);
  // A finger's tap leaves too, once lifted: its readout stays until the next.
  canvas.addEventListener('pointerleave', (e) => {
    if (e.pointerType === 'mouse') readout.textContent = words('histogram.hover');
  });

  /** @returns {HistogramData | null} */
  function data() {
    if (!hist) return null;
    const { lo, hi } = hist;
    return {
      lo,
      hi,
      edges: Array.from({ length: hi - lo + 1 }, (_, b) => binStart(lo + b)),
      layers: hist.layers.map((c) => ({ ...c, pos: Array.from(c.pos), neg: Array.from(c.neg) })),
    };
  }

  return {
    reset(next) {
      run = next;
      range = rangeOf(next);
      // Tall enough for a panel per layer and the axis; the width is the card's.
      canvas.style.height = `${TOP + next.layerCount() * PANEL + AXIS + 2 * theme.label}px`;
      readout.textContent = words('histogram.hover');
      draw();
    },
    draw: timedView('histogram', draw, { read: data }),
    retheme: paint,
    data,
    /** Lets go of the run and the canvas's observer. */
    destroy() {
      size.release();
      run = null;
      hist = null;
    },
  };
}

/**
 * `node`, marked with the key of its words (words/index.js `applyWords` writes
 * them again in a root's language), as the hosts' static markup is.
 * @template {HTMLElement} E
 * @param {E} node @param {'data-w' | 'data-w-label'} attribute @param {string} key @returns {E}
 */
function withWords(node, attribute, key) {
  node.setAttribute(attribute, key);
  return node;
}

/**
 * The histogram's card, in the words of `root`, in its host's manner: on the
 * page (a document) with its heading, key and note; in an element (a shadow
 * root), as its other views, named by an aria-label, with its key.
 * @param {import('./contract.js').Root} root
 * @returns {HTMLElement}
 */
function placeHistogram(root) {
  const w = wordsAt(root);
  const sign = (/** @type {'pos' | 'neg'} */ kind, /** @type {string} */ key) => {
    const mark = el('span', { className: `unit-mk ${kind}` }, kind === 'pos' ? '+' : '−');
    mark.setAttribute('aria-hidden', 'true');
    return el('span', {}, mark, withWords(el('span', {}, w(key)), 'data-w', key));
  };
  const key = el(
    'p',
    { className: 'key' },
    sign('pos', 'histogram.excitatory'),
    ' ',
    sign('neg', 'histogram.inhibitory'),
  );
  const canvas = el('canvas', { id: 'histogram' });
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', w('histogram.canvas'));
  withWords(canvas, 'data-w-label', 'histogram.canvas');
  canvas.style.cssText = 'display: block; width: 100%;';
  const box = el('div', { className: 'canvas-box' }, canvas);
  const readout = el('p', { id: 'histogram-readout', className: 'readout' }, w('histogram.hover'));
  const card = el('section', { className: 'card', id: 'card-histogram' });
  if (root instanceof Document) {
    const heading = withWords(el('h2', { id: 'h-histogram' }, w('histogram.heading')), 'data-w', 'histogram.heading');
    const note = withWords(el('p', { className: 'note' }, w('histogram.note')), 'data-w', 'histogram.note');
    card.setAttribute('aria-labelledby', 'h-histogram');
    card.append(el('div', { className: 'card-head' }, heading, key), box, readout, note);
  } else {
    card.setAttribute('aria-label', w('histogram.heading'));
    withWords(card, 'data-w-label', 'histogram.heading');
    card.append(key, box, readout);
  }
  return card;
}

/**
 * The weights histogram (contract.js): counted and drawn every 6 frames, of
 * the sub-network of the output chosen in the Output card's select; its card
 * placed from here, on the page after the weights card.
 * @type {import('./contract.js').ViewSpec<HistogramView>}
 */
export const histogramSpec = {
  name: 'histogram',
  token: 'histogram',
  card: 'card-histogram',
  jobs: [{ every: 6, phase: 5 }],
  follows: ['output'],
  make(root, ctx) {
    const canvas = root.getElementById('histogram'),
      readout = root.getElementById('histogram-readout');
    if (!(canvas instanceof HTMLCanvasElement) || !readout) return null;
    return histogramView(canvas, readout, ctx.theme);
  },
  place: placeHistogram,
  after: 'card-weights',
};
