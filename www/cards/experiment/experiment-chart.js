// The experiment's chart: mean epochs to Kaneko's stop against hidden units,
// both axes logarithmic (sizes double; means run from 4 to thousands). Measured
// series are solid with points, his published ones dashed in the same colour; a
// size where every run failed has no mean, so it gets a cross along the top.
import uPlot from '../../../vendor/uPlot.esm.js';
import { axis, logFilter, logValues } from '../../views/chart.js';

/** @typedef {import('../../views/contract.js').Theme} Theme */
/** @typedef {import('../../words/index.js').Words} Words */
/**
 * A series: its legend's label, its colour (a theme key), and whether it is
 * dashed (his published means) or solid (the runs here).
 * @typedef {{ label: string, colour: string, dashed: boolean }} ExperimentSeries
 */
/**
 * @typedef {object} ExperimentChartOptions
 * @property {number[]} sizes the x values: hidden units
 * @property {ExperimentSeries[]} series
 * @property {(series: number, size: number) => string} readout the hover text of a series at a size's index
 * @property {(series: number, size: number) => boolean} failed whether every run of a series failed at a size's index
 * @property {Theme} theme
 * @property {Words} words the card's words
 */

const HEIGHT = 260;

/** The x axis's ticks: the sizes as numbers. @param {uPlot} _ @param {Array<number | null>} splits */
const sizeTicks = (_, splits) => splits.map((v) => (v == null ? '' : String(v)));

/**
 * The chart in `box`. `set(ys)` takes one array per series, null where there is no mean.
 * @param {HTMLElement} box
 * @param {ExperimentChartOptions} options
 */
export function experimentChart(box, { sizes, series, readout, failed, theme, words }) {
  /** @type {Array<Array<number | null>>} */
  let ys = series.map(() => sizes.map(() => null));
  const width = () => Math.max(200, box.clientWidth);

  /** Measured crosses on the top row, published ones (thinner) on the next. @param {uPlot} u */
  function crosses(u) {
    const { ctx, bbox } = u,
      d = devicePixelRatio || 1,
      r = 3.5 * d;
    ctx.save();
    series.forEach((s, j) =>
      sizes.forEach((size, i) => {
        if (!failed(j, i)) return;
        const x = u.valToPos(size, 'x', true),
          y = bbox.top + (s.dashed ? 18 : 7) * d;
        ctx.strokeStyle = theme[s.colour];
        ctx.lineWidth = (s.dashed ? 1.25 : 2) * d;
        ctx.beginPath();
        ctx.moveTo(x - r, y - r);
        ctx.lineTo(x + r, y + r);
        ctx.moveTo(x + r, y - r);
        ctx.lineTo(x - r, y + r);
        ctx.stroke();
      }),
    );
    ctx.restore();
  }

  /** A new chart in the colours and labels now in force, in place of `old`. @param {uPlot} [old] */
  function build(old) {
    old?.destroy();
    return new uPlot(
      {
        width: width(),
        height: HEIGHT,
        scales: {
          // Half a doubling of room either side, so the end points are not clipped.
          x: { time: false, distr: 3, log: 2, range: () => [sizes[0] / 1.4, sizes[sizes.length - 1] * 1.4] },
          // Headroom above the highest mean for the crosses.
          y: { distr: 3, range: (_, lo, hi) => [lo / 1.6, hi * 5] },
        },
        axes: [
          { ...axis(theme, sizeTicks, words('xp.xAxis')), splits: () => sizes, size: 30 },
          { ...axis(theme, logValues, words('xp.yAxis'), logFilter), size: 48 },
        ],
        series: [
          { label: words('xp.xAxis'), value: (_, v) => (v == null ? '—' : String(v)) },
          ...series.map(
            (s, j) =>
              /** @type {uPlot.Series} */ ({
                label: s.label,
                stroke: theme[s.colour],
                width: 1.75,
                dash: s.dashed ? [5, 4] : undefined,
                points: { show: true, size: s.dashed ? 5 : 7, fill: s.dashed ? theme.card : theme[s.colour] },
                value: (_, __, ___, i) => (i == null ? '—' : readout(j, i)),
              }),
          ),
        ],
        cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 8 } },
        legend: { live: true },
        hooks: { draw: [crosses] },
      },
      /** @type {uPlot.AlignedData} */ ([sizes, ...ys]),
      box,
    );
  }
  let u = build();
  new ResizeObserver(() => u.width !== width() && u.setSize({ width: width(), height: HEIGHT })).observe(box);

  return {
    /** @param {Array<Array<number | null>>} next one array per series */
    set(next) {
      ys = next;
      u.setData(/** @type {uPlot.AlignedData} */ ([sizes, ...ys]));
    },
    /** New legend labels (a new backprop rate): the chart is built again if any changed. @param {string[]} labels */
    relabel(labels) {
      if (labels.every((l, j) => l === series[j].label)) return;
      series = series.map((s, j) => ({ ...s, label: labels[j] }));
      u = build(u);
    },
    /** Draws again in the colours now in force. */
    retheme() {
      u = build(u);
    },
    /** For tests: the x values and every series as drawn. */
    data: () => ({ labels: series.map((s) => s.label), sizes: [...sizes], ys: ys.map((y) => [...y]) }),
  };
}
