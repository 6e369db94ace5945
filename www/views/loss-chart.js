// The loss chart: mean loss per epoch on a log scale, one series per loss
// function with gaps where another loss is in force, and a dashed mark at each
// switch, from where the curve continues in the new loss's colour; under
// Kaneko's rule, a solid mark where his stopping rule would have ended the run;
// a solid mark where the task was solved (each method's, in a race).
// A task with a test set adds its test loss, dashed; a race adds backprop's
// curves (training solid, test dashed) in backprop's colour on every chart (s4).
// Every pair of these colours stays apart under colour-blind simulation
// (tests/e2e/palette.test.mjs).
import { lineChart } from './chart.js';
import { fmtNum } from '../ui.js';
import { timedView } from '../frame/view-timer.js';
import { losses, lossLabel } from '../app/state.js';
import { wordsAt } from '../words/index.js';

// A loss kind (its index in the engine's order, as its history gives it) as the page names it.
const kindLabel = (k) => lossLabel(losses()[k]);

const CAP = 2048; // the session's history capacity

export function lossChart(box, theme, height = 230) {
  // `solid`: the marks drawn as solid lines, labelled at the foot: [{ epoch, label }].
  let chart,
    kinds = [],
    extras = [],
    switches = [],
    solid = [],
    key = '';
  const x = new Float64Array(CAP),
    ys = [[], [], []];
  const w = (...args) => wordsAt(box)(...args); // in the language of the root the chart is in
  // Extra series: [label key, colour key, dashed, which history column].
  const EXTRA = {
    test: ['loss.edTest', 'muted', true, (pg) => pg.historyTestLosses()],
    bp: ['loss.bp', 's4', false, (pg) => pg.historyBackpropLosses()],
    bpTest: ['loss.bpTest', 's4', true, (pg) => pg.historyBackpropTestLosses()],
  };
  const extraYs = { test: [], bp: [], bpTest: [] };

  function marks(u) {
    const { ctx, bbox } = u,
      d = devicePixelRatio || 1;
    ctx.save();
    ctx.setLineDash([4 * d, 3 * d]);
    ctx.lineWidth = d;
    ctx.font = `${theme.label * d}px system-ui, sans-serif`;
    for (const [epoch, k] of switches) {
      const px = u.valToPos(epoch, 'x', true);
      if (!(epoch > u.data[0][0]) || px > bbox.left + bbox.width) continue;
      ctx.strokeStyle = ctx.fillStyle = theme[`loss${k}`];
      ctx.beginPath();
      ctx.moveTo(px, bbox.top);
      ctx.lineTo(px, bbox.top + bbox.height);
      ctx.stroke();
      ctx.fillText(`→ ${kindLabel(k)}`, px + 4 * d, bbox.top + (theme.label + 1) * d);
    }
    // Each solid mark's label a line above the last, so two at one epoch both read.
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

  function build(used, more) {
    chart?.destroy();
    kinds = used;
    extras = more;
    key = '';
    chart = lineChart(box, {
      series: [
        ...used.map((k) => ({ label: kindLabel(k), stroke: theme[`loss${k}`] })),
        ...more.map((e) => ({
          label: w(EXTRA[e][0]),
          stroke: theme[EXTRA[e][1]],
          dash: EXTRA[e][2] ? [6, 4] : undefined,
        })),
      ],
      log: true,
      height,
      theme,
      yLabel: w('loss.yLabel'),
      value: (v) => fmtNum(v),
      draw: marks,
    });
  }
  build([0], []);

  // The solid marks of a run now: where each method solved the task, and Kaneko's stop.
  const solidMarks = (pg, stopAt) => [
    ...(pg.solvedAt === undefined
      ? []
      : [{ epoch: pg.solvedAt, label: w(pg.racing ? 'loss.edSolved' : 'loss.solved', pg.solvedAt) }]),
    ...(pg.racing && pg.backpropSolvedAt !== undefined
      ? [{ epoch: pg.backpropSolvedAt, label: w('loss.bpSolved', pg.backpropSolvedAt) }]
      : []),
    ...(stopAt === undefined ? [] : [{ epoch: stopAt, label: w('loss.kanekoStop', stopAt) }]),
  ];

  return {
    /** `stopAt`: the epoch Kaneko's stopping rule was met, if it is to be marked. */
    update: timedView('loss', (pg, stopAt) => {
      switches = pg.switches();
      const used = [...new Set(switches.map((s) => s[1]))];
      const E = pg.historyEpochs(),
        n = E.length;
      const hasTest = n > 0 && !Number.isNaN(pg.historyTestLosses()[0]);
      const more = [
        ...(hasTest ? ['test'] : []),
        ...(pg.racing ? ['bp'] : []),
        ...(pg.racing && hasTest ? ['bpTest'] : []),
      ];
      if (used.join() !== kinds.join() || more.join() !== extras.join()) build(used, more);
      const marks = solidMarks(pg, stopAt);
      const now = `${n}:${n && E[n - 1]}:${switches.length}:${marks.map((m) => m.label)}`;
      if (now === key) return;
      solid = marks;
      key = now;
      const L = pg.historyLosses(),
        K = pg.historyKinds();
      x.set(E);
      const series = ys.slice(0, kinds.length);
      for (const s of series) s.length = n;
      for (let i = 0; i < n; i++) {
        const v = L[i] > 0 ? L[i] : null; // a log axis has no place for 0
        for (let j = 0; j < series.length; j++) series[j][i] = kinds[j] === K[i] ? v : null;
        // Start the new loss's line at the last point of the old one: no gap at a switch.
        if (i && K[i] !== K[i - 1]) series[kinds.indexOf(K[i])][i - 1] = L[i - 1] > 0 ? L[i - 1] : null;
      }
      const extra = extras.map((e) => {
        const V = EXTRA[e][3](pg),
          ys_ = extraYs[e];
        ys_.length = n;
        for (let i = 0; i < n; i++) ys_[i] = V[i] > 0 ? V[i] : null; // NaN (not running) and 0 are not drawn
        return ys_;
      });
      // In a batch, so uPlot redraws now rather than in a microtask: its time counts as this view's.
      chart.batch(() => chart.setData([x.subarray(0, n), ...series, ...extra]));
    }),
    retheme() {
      build(kinds, extras);
    },
    /** uPlot keeps every chart in a global set and a window listener until it is destroyed. */
    destroy() {
      chart?.destroy();
      chart = null;
    },
    /** For tests: each series's label and how many points it draws. */
    series: () =>
      chart.series
        .slice(1)
        .map((s, j) => ({ label: s.label, points: chart.data[j + 1].filter((v) => v != null).length })),
    /** For tests: the marks drawn over the curves. */
    marks: () => [...switches.slice(1).map(([epoch, k]) => ({ epoch, label: `→ ${kindLabel(k)}` })), ...solid],
  };
}

/**
 * The loss chart as a view (contract.js); under Kaneko's rule it marks where his
 * stopping rule was met.
 * @type {import('./contract.js').ViewSpec<import('./contract.js').View & {
 *   series(): Array<{ label: string, points: number }>, marks(): Array<{ epoch: number, label: string }> }>}
 */
export const lossView = {
  name: 'loss',
  token: 'chart',
  card: 'card-loss',
  jobs: [{ every: 2, phase: 0 }],
  make(root, ctx) {
    const box = root.getElementById('loss-chart');
    if (!box) return null;
    const chart = lossChart(box, ctx.theme, ctx.chartHeight);
    /** @type {import('./contract.js').Run | null} */
    let run = null;
    return {
      reset(next) {
        run = next;
      },
      draw() {
        if (run) chart.update(run, ctx.state().rule === 'kaneko' ? run.kanekoStopAt : undefined);
      },
      retheme: () => chart.retheme(),
      destroy() {
        chart.destroy();
        run = null;
      },
      series: () => chart.series(),
      marks: () => chart.marks(),
    };
  },
};
