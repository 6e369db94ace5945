// The digits card's chart: the share of test digits right after each epoch, ED
// and backprop, up to 100 %. Points as well as lines, since a run is a
// handful of epochs.
import uPlot from '../../../vendor/uPlot.esm.js';
import { axis } from '../../views/chart.js';

const HEIGHT = 220;
const pct = (v) => (v == null ? '—' : `${(100 * v).toFixed(1)} %`);
// The axis starts at the 10 % step below the lowest score, so the gains between
// 85 and 95 % show, rather than two flat lines near the top of 0 to 100 %.
const lowest = (lo) => (Number.isFinite(lo) ? Math.max(0, Math.floor((lo - 0.02) * 10) / 10) : 0);

/** `series`: [{ label, colour (a theme key) }]; `words`: the card's words (words/index.js). Returns `{ set(epochs, ys), retheme(), data() }`. */
export function digitsChart(box, { series, theme, words }) {
  let u,
    xs = [],
    ys = series.map(() => []);
  const width = () => Math.max(200, box.clientWidth);
  function build() {
    u?.destroy();
    u = new uPlot(
      {
        width: width(),
        height: HEIGHT,
        scales: {
          x: { time: false, range: (_, lo, hi) => [0.8, Math.max(2, hi ?? 1) + 0.2] },
          y: { range: (_, lo) => [lowest(lo), 1] },
        },
        axes: [
          {
            ...axis(theme, (_, s) => s.map((v) => (Number.isInteger(v) ? String(v) : '')), words('dg.xAxis')),
            size: 30,
          },
          { ...axis(theme, (_, s) => s.map((v) => `${Math.round(100 * v)} %`), words('dg.yAxis')), size: 48 },
        ],
        series: [
          { label: words('dg.xAxis'), value: (_, v) => (v == null ? '—' : String(v)) },
          ...series.map((s) => ({
            label: s.label,
            stroke: theme[s.colour],
            width: 1.75,
            points: { show: true, size: 7, fill: theme[s.colour] },
            value: (_, v) => pct(v),
          })),
        ],
        cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 8 } },
        legend: { live: true },
      },
      [xs, ...ys],
      box,
    );
  }
  build();
  new ResizeObserver(() => u.width !== width() && u.setSize({ width: width(), height: HEIGHT })).observe(box);
  return {
    set(nextXs, nextYs) {
      xs = nextXs;
      ys = nextYs;
      u.setData([xs, ...ys]);
    },
    retheme: build,
    /** For tests: the epochs and every series as drawn. */
    data: () => ({ labels: series.map((s) => s.label), epochs: [...xs], ys: ys.map((y) => [...y]) }),
  };
}
