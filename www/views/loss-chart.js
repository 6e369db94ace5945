// The loss chart: mean loss per epoch on a log scale, one series per loss
// function with gaps where another loss is in force, and a dashed mark at each
// switch, from where the curve continues in the new loss's colour; under
// Kaneko's rule, a solid mark where his stopping rule would have ended the run;
// a solid mark where the task was solved (each method's, in a race).
// A task with a test set adds its test loss, dashed; a race adds its other
// lane's curves (backprop's: training solid, test dashed) in backprop's colour on
// every chart (s4). Each lane of the run (the engine's `lanes`) is read by its index.
// Every pair of these colours stays apart under colour-blind simulation
// (tests/e2e/palette.test.mjs).
import { lineChart, roomFor, whenCharts } from './chart.js';
import { fmtNum } from '../ui.js';
import { timedView } from '../frame/view-timer.js';
import { losses, lossLabel } from '../app/state.js';
import { wordsAt } from '../words/index.js';

/** @typedef {import('./contract.js').Run} Run */
/** @typedef {import('./contract.js').Theme} Theme */
/** @typedef {import('./contract.js').Colour} Colour */
/** @typedef {import('../../vendor/uPlot.esm.js').default} UPlot */
/** A solid mark: its epoch and the words at its foot. @typedef {{ epoch: number, label: string }} SolidMark */
/** A loss switch: the epoch and the loss kind in force from it. @typedef {[number, number]} Switch */

/**
 * The loss chart: a View, and for the tests `series()` (each series's label and
 * how many points it draws) and `marks()` (the marks drawn over the curves).
 * @typedef {import('./contract.js').View & {
 *   series(): Array<{ label: string, points: number }>, marks(): SolidMark[] }} LossView
 */

const CAP = 2048; // the session's history capacity

/** A loss kind (its index in the engine's order, as its history gives it) as the page names it. @param {number} k */
const kindLabel = (k) => lossLabel(losses()[k]);
/** A loss kind's colour. @param {number} k */
const kindColour = (k) => /** @type {Colour} */ (`loss${k}`);

/**
 * The series besides ED's losses, a lane's: its training loss (a race's other
 * lane's; ED's are the loss kinds' series) or its test loss, dashed.
 * @typedef {{ lane: number, test: boolean }} Extra
 */
/**
 * Each lane's words and colour by its method: its training and test curves'
 * labels, and its solve mark's.
 * @type {Record<string, { train: string, test: string, colour: Colour, solved: string }>}
 */
const LANES = {
  ed: { train: '', test: 'loss.edTest', colour: 'muted', solved: 'loss.edSolved' }, // its training: the kinds' series
  backprop: { train: 'loss.bp', test: 'loss.bpTest', colour: 's4', solved: 'loss.bpSolved' },
};
/** @param {Extra} e */
const extraKey = (e) => `${e.lane}${e.test ? 'test' : ''}`;

/**
 * Draws the marks over the plot: a dashed line at each loss switch, labelled
 * with the new loss in its colour, and the solid marks, each label a line
 * above the last so that two at one epoch both read.
 * @param {UPlot} u @param {Theme} theme @param {Switch[]} switches @param {SolidMark[]} solid
 */
function paintMarks(u, theme, switches, solid) {
  const { ctx, bbox } = u,
    d = devicePixelRatio || 1;
  ctx.save();
  ctx.setLineDash([4 * d, 3 * d]);
  ctx.lineWidth = d;
  ctx.font = `${theme.label * d}px system-ui, sans-serif`;
  for (const [epoch, k] of switches) {
    const px = u.valToPos(epoch, 'x', true);
    if (!(epoch > /** @type {number} */ (u.data[0][0])) || px > bbox.left + bbox.width) continue;
    ctx.strokeStyle = ctx.fillStyle = theme[kindColour(k)];
    ctx.beginPath();
    ctx.moveTo(px, bbox.top);
    ctx.lineTo(px, bbox.top + bbox.height);
    ctx.stroke();
    ctx.fillText(`→ ${kindLabel(k)}`, px + 4 * d, bbox.top + (theme.label + 1) * d);
  }
  solid.forEach(({ epoch, label }, i) => {
    const px = u.valToPos(epoch, 'x', true);
    if (!(px >= bbox.left && px <= bbox.left + bbox.width)) return;
    ctx.setLineDash([]);
    ctx.lineWidth = 1.5 * d;
    ctx.strokeStyle = ctx.fillStyle = theme.fg;
    ctx.beginPath();
    ctx.moveTo(px, bbox.top);
    ctx.lineTo(px, bbox.top + bbox.height);
    ctx.stroke();
    ctx.textAlign = px > bbox.left + bbox.width / 2 ? 'right' : 'left';
    ctx.fillText(label, px + (ctx.textAlign === 'right' ? -4 : 4) * d, bbox.top + bbox.height - (6 + 14 * i) * d);
  });
  ctx.restore();
}

/**
 * The solid marks of a run now: where each lane solved the task (alone,
 * "solved"; in a race, each named), and Kaneko's stop.
 * @param {Run} run @param {number | undefined} stopAt @param {(key: string, ...v: any[]) => string} w
 * @returns {SolidMark[]}
 */
function solidMarks(run, stopAt, w) {
  /** @type {SolidMark[]} */
  const marks = [];
  const lanes = run.lanes;
  lanes.forEach((method, i) => {
    const at = run.lane(i).solvedAt;
    if (at !== undefined)
      marks.push({ epoch: at, label: w(lanes.length > 1 ? LANES[method].solved : 'loss.solved', at) });
  });
  if (stopAt !== undefined) marks.push({ epoch: stopAt, label: w('loss.kanekoStop', stopAt) });
  return marks;
}

/**
 * Fills one series per loss kind in `kinds` from the history (a log axis has
 * no place for 0: null), each with gaps where another is in force, and each
 * new loss's line started at the last point of the old one: no gap at a switch.
 * @param {Array<Array<number | null>>} series @param {number[]} kinds
 * @param {Float64Array} L the losses @param {Float64Array} K their kinds @param {number} n
 */
function fillLosses(series, kinds, L, K, n) {
  for (const s of series) s.length = n;
  for (let i = 0; i < n; i++) {
    const v = L[i] > 0 ? L[i] : null;
    for (let j = 0; j < series.length; j++) series[j][i] = kinds[j] === K[i] ? v : null;
    if (i && K[i] !== K[i - 1]) series[kinds.indexOf(K[i])][i - 1] = L[i - 1] > 0 ? L[i - 1] : null;
  }
}

/**
 * The chart's series: ED's losses by kind `used` (in a race, named as ED's
 * beside backprop's), then the extra series `more` of the lanes' `methods`.
 * @param {number[]} used @param {Extra[]} more @param {string[]} methods @param {Theme} theme
 * @param {(key: string, ...v: any[]) => string} w
 */
function seriesOptions(used, more, methods, theme, w) {
  return [
    ...used.map((k) => ({
      label: methods.length > 1 ? w('loss.edKind', kindLabel(k)) : kindLabel(k),
      stroke: theme[kindColour(k)],
    })),
    ...more.map((e) => {
      const lane = LANES[methods[e.lane]];
      return {
        label: w(e.test ? lane.test : lane.train),
        stroke: theme[lane.colour],
        dash: e.test ? [6, 4] : undefined,
      };
    }),
  ];
}

/**
 * The loss chart in `box`. Its library is asked for (`whenCharts`) once a run
 * has an epoch to draw, or when `waits()` says the run waits for the reader
 * (paused: nothing will come to draw); `ready` is called when it has come and
 * the chart can show what it could not before.
 * @param {HTMLElement} box @param {Theme} theme @param {number} [height]
 * @param {() => void} [ready] @param {() => boolean} [waits]
 */
export function lossChart(box, theme, height = 230, ready = () => {}, waits = () => true) {
  /** @type {UPlot | null} */
  let chart = null;
  /** @type {number[]} */
  let kinds = [];
  /** @type {Extra[]} */
  let extras = [];
  /** @type {Switch[]} */
  let switches = [];
  /** @type {SolidMark[]} */
  let solid = [];
  let key = '';
  const x = new Float64Array(CAP);
  /** @type {Array<Array<number | null>>} */
  const ys = [[], [], []];
  /** @type {Record<string, Array<number | null>>} the extra series' values, by `extraKey` */
  const extraYs = {};
  const w = (/** @type {string} */ k, /** @type {any[]} */ ...v) => wordsAt(box)(k, ...v); // the root's language

  /** The lanes' methods of the run last drawn (a race's: ED's, backprop's). @type {string[]} */
  let methods = ['ed'];

  /** A new chart of the loss kinds `used` and the series `more`. @param {number[]} used @param {Extra[]} more */
  function build(used, more) {
    chart?.destroy();
    chart = null;
    kinds = used;
    extras = more;
    key = '';
    if (!roomFor(box, height)) return;
    chart = lineChart(box, {
      series: seriesOptions(used, more, methods, theme, w),
      log: true,
      height,
      theme,
      yLabel: w('loss.yLabel'),
      value: (v) => fmtNum(v),
      draw: (u) => paintMarks(u, theme, switches, solid),
    });
  }
  build([0], []);

  /** The chart's series for `run` now, rebuilt when they changed: ED's
   * losses by kind, then ED's test loss, then each other lane's training and test loss.
   * @param {Run} run @param {number} n */
  function seriesOf(run, n) {
    const used = [...new Set(switches.map((s) => s[1]))];
    const hasTest = n > 0 && !Number.isNaN(run.historyTestLosses()[0]);
    methods = run.lanes;
    /** @type {Extra[]} */
    const more = methods.flatMap((_, lane) => [
      ...(lane > 0 ? [{ lane, test: false }] : []),
      ...(hasTest ? [{ lane, test: true }] : []),
    ]);
    if (used.join() !== kinds.join() || more.map(extraKey).join() !== extras.map(extraKey).join()) build(used, more);
  }

  /** `stopAt`: the epoch Kaneko's stopping rule was met, if it is to be marked. @param {Run} run @param {number} [stopAt] */
  function update(run, stopAt) {
    switches = run.switches();
    const E = run.historyEpochs(),
      n = E.length;
    seriesOf(run, n);
    const marks = solidMarks(run, stopAt, w);
    const now = `${n}:${n && E[n - 1]}:${switches.length}:${marks.map((m) => m.label)}`;
    // Not by the view's making (the page makes its views while the engine
    // loads) nor before the first epoch, unless none is coming.
    if (!chart && (n > 0 || waits()))
      whenCharts(box, () => {
        build(kinds, extras);
        ready();
      });
    if (now === key || !chart) return;
    solid = marks;
    key = now;
    x.set(E);
    const series = ys.slice(0, kinds.length);
    fillLosses(series, kinds, run.historyLosses(), run.historyKinds(), n);
    const extra = extras.map((e) => {
      const V = e.test ? run.historyTestLosses(e.lane) : run.historyLosses(e.lane);
      const key = extraKey(e);
      extraYs[key] ??= [];
      const column = extraYs[key];
      column.length = n;
      for (let i = 0; i < n; i++) column[i] = V[i] > 0 ? V[i] : null; // NaN (not running) and 0 are not drawn
      return column;
    });
    const c = chart;
    // In a batch, so uPlot redraws now rather than in a microtask: its time counts as this view's.
    c.batch(() => c.setData(/** @type {import('uplot').AlignedData} */ ([x.subarray(0, n), ...series, ...extra])));
  }

  return {
    update: timedView('loss', update),
    retheme: () => build(kinds, extras),
    /** uPlot keeps every chart in a global set and a window listener until it is destroyed. */
    destroy() {
      chart?.destroy();
      chart = null;
    },
    /** For tests: each series's label and how many points it draws. */
    series() {
      const c = chart;
      if (!c) return [];
      return c.series.slice(1).map((s, j) => ({
        label: String(s.label),
        points: Array.from(c.data[j + 1]).filter((v) => v != null).length,
      }));
    },
    /** For tests: the marks drawn over the curves. @returns {SolidMark[]} */
    marks: () => [...switches.slice(1).map(([epoch, k]) => ({ epoch, label: `→ ${kindLabel(k)}` })), ...solid],
  };
}

/**
 * The loss chart as a view; under Kaneko's rule it marks where his stopping rule was met.
 * @param {import('./contract.js').Root} root @param {import('./contract.js').ViewContext} ctx
 * @returns {LossView | null}
 */
function makeLoss(root, ctx) {
  const box = root.getElementById('loss-chart');
  if (!box) return null;
  /** @type {Run | null} */
  let run = null;
  const draw = () => {
    if (run) chart.update(run, ctx.state().rule === 'kaneko' ? run.kanekoStopAt : undefined);
  };
  const chart = lossChart(box, ctx.theme, ctx.chartHeight, draw, () => ctx.state().paused);
  return {
    reset(next) {
      run = next;
    },
    draw,
    retheme: () => chart.retheme(),
    destroy() {
      chart.destroy();
      run = null;
    },
    series: () => chart.series(),
    marks: () => chart.marks(),
  };
}

/** The loss chart (contract.js). @type {import('./contract.js').ViewSpec<LossView>} */
export const lossView = {
  name: 'loss',
  token: 'chart',
  card: 'card-loss',
  jobs: [{ every: 2, phase: 0 }],
  make: makeLoss,
};
