// The digits card's chart: the share of test digits right after each epoch, ED
// and backprop, up to 100 %. Points as well as lines, since a run is a
// handful of epochs.
import uPlot from '../../../vendor/uPlot.esm.js';
import { axis } from '../../views/chart.js';

/** @typedef {import('../../views/contract.js').Theme} Theme */
/** @typedef {import('../../words/index.js').Words} Words */
/** A series: its legend's label and its colour, a theme key. @typedef {{ label: string, colour: string }} DigitsSeries */

const HEIGHT = 220;
/** @param {number | null | undefined} v */
const pct = (v) => (v == null ? '—' : `${(100 * v).toFixed(1)} %`);
// The axis starts at the 10 % step below the lowest score, so the gains between
// 85 and 95 % show, rather than two flat lines near the top of 0 to 100 %.
/** @param {number} lo */
const lowest = (lo) => (Number.isFinite(lo) ? Math.max(0, Math.floor((lo - 0.02) * 10) / 10) : 0);
/** The x axis's ticks: whole epochs only. @param {uPlot} _ @param {number[]} splits */
const epochTicks = (_, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : ''));
/** The y axis's ticks, in per cent. @param {uPlot} _ @param {number[]} splits */
const percentTicks = (_, splits) => splits.map((v) => `${Math.round(100 * v)} %`);
/** A score in the legend's hover readout. @param {uPlot} _ @param {number | null} v */
const scoreReadout = (_, v) => pct(v);

/**
 * The chart in `box`.
 * @param {HTMLElement} box
 * @param {{ series: DigitsSeries[], theme: Theme, words: Words }} options
 */
export function digitsChart(box, { series, theme, words }) {
  /** @type {number[]} */
  let xs = [];
  /** @type {Array<Array<number | null>>} */
  let ys = series.map(() => []);
  const width = () => Math.max(200, box.clientWidth);
  /** A new chart in the colours now in force, in place of `old`. @param {uPlot} [old] */
  function build(old) {
    old?.destroy();
    return new uPlot(
      {
        width: width(),
        height: HEIGHT,
        scales: {
          x: { time: false, range: (_, __, hi) => [0.8, Math.max(2, hi ?? 1) + 0.2] },
          y: { range: (_, lo) => [lowest(lo), 1] },
        },
        axes: [
          { ...axis(theme, epochTicks, words('dg.xAxis')), size: 30 },
          { ...axis(theme, percentTicks, words('dg.yAxis')), size: 48 },
        ],
        series: [
          { label: words('dg.xAxis'), value: (_, v) => (v == null ? '—' : String(v)) },
          ...series.map((s) => ({
            label: s.label,
            stroke: theme[s.colour],
            width: 1.75,
            points: { show: true, size: 7, fill: theme[s.colour] },
            value: scoreReadout,
          })),
        ],
        cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 8 } },
        legend: { live: true },
      },
      /** @type {uPlot.AlignedData} */ ([xs, ...ys]),
      box,
    );
  }
  let u = build();
  new ResizeObserver(() => u.width !== width() && u.setSize({ width: width(), height: HEIGHT })).observe(box);
  return {
    /**
     * The scores after each of `nextXs` epochs, a list per series (null where a method has none yet).
     * @param {number[]} nextXs
     * @param {Array<Array<number | null>>} nextYs
     */
    set(nextXs, nextYs) {
      xs = nextXs;
      ys = nextYs;
      u.setData(/** @type {uPlot.AlignedData} */ ([xs, ...ys]));
    },
    /** Draws again in the colours now in force. */
    retheme() {
      u = build(u);
    },
    /** For tests: the epochs and every series as drawn. */
    data: () => ({ labels: series.map((s) => s.label), epochs: [...xs], ys: ys.map((y) => [...y]) }),
  };
}
