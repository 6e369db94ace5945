// The experiment's chart: mean epochs to Kaneko's stop against hidden units,
// both axes logarithmic (sizes double; means run from 4 to thousands). Measured
// series are solid with points, his published ones dashed in the same colour; a
// size where every run failed has no mean, so it gets a cross along the top.
import uPlot from '../../../vendor/uPlot.esm.js';
import { axis, logFilter, logValues } from '../../views/chart.js';

const HEIGHT = 260;

/**
 * `sizes`: the x values. `series`: [{ label, colour (a theme key), dashed }].
 * `readout(s, i)`: the hover text of series `s` at size index `i`; `failed(s, i)`:
 * whether every run of it failed there. `words`: the card's words (words/index.js).
 * Returns `{ set(ys), relabel(labels), retheme(), data() }`; `ys` has one array
 * per series, null where there is no mean.
 */
export function experimentChart(box, { sizes, series, readout, failed, theme, words }) {
  let u,
    ys = series.map(() => sizes.map(() => null));
  const width = () => Math.max(200, box.clientWidth);

  // Measured crosses on the top row, published ones (thinner) on the next.
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

  function build() {
    u?.destroy();
    u = new uPlot(
      {
        width: width(),
        height: HEIGHT,
        scales: {
          // Half a doubling of room either side, so the end points are not clipped.
          x: { time: false, distr: 3, log: 2, range: () => [sizes[0] / 1.4, sizes.at(-1) * 1.4] },
          // Headroom above the highest mean for the crosses.
          y: { distr: 3, range: (_, lo, hi) => [lo / 1.6, hi * 5] },
        },
        axes: [
          {
            ...axis(theme, (_, splits) => splits.map((v) => (v == null ? '' : String(v))), words('xp.xAxis')),
            splits: () => sizes,
            size: 30,
          },
          { ...axis(theme, logValues, words('xp.yAxis'), logFilter), size: 48 },
        ],
        series: [
          { label: words('xp.xAxis'), value: (_, v) => (v == null ? '—' : String(v)) },
          ...series.map((s, j) => ({
            label: s.label,
            stroke: theme[s.colour],
            width: 1.75,
            dash: s.dashed ? [5, 4] : undefined,
            points: { show: true, size: s.dashed ? 5 : 7, fill: s.dashed ? theme.card : theme[s.colour] },
            value: (_, v, __, i) => (i == null ? '—' : readout(j, i)),
          })),
        ],
        cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 8 } },
        legend: { live: true },
        hooks: { draw: [crosses] },
      },
      [sizes, ...ys],
      box,
    );
  }
  build();
  new ResizeObserver(() => u.width !== width() && u.setSize({ width: width(), height: HEIGHT })).observe(box);

  return {
    set(next) {
      ys = next;
      u.setData([sizes, ...ys]);
    },
    relabel(labels) {
      if (labels.every((l, j) => l === series[j].label)) return;
      series = series.map((s, j) => ({ ...s, label: labels[j] }));
      build();
    },
    retheme: build,
    /** For tests: the x values and every series as drawn. */
    data: () => ({ labels: series.map((s) => s.label), sizes: [...sizes], ys: ys.map((y) => [...y]) }),
  };
}
