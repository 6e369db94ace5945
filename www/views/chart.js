// A uPlot line chart over epochs in the page's colours, sized to its box.
import uPlot from '../../vendor/uPlot.esm.js';
import { fmtInt, fmtCompact, pow10 } from '../ui.js';
import { wordsAt } from '../words/index.js';

const font = (theme) => `${theme.label ?? 11}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;

export function axis(theme, values, label, filter) {
  const f = filter ? { filter } : {};
  return {
    stroke: theme.muted,
    font: font(theme),
    labelFont: font(theme),
    values,
    label,
    labelSize: label ? (theme.label ?? 11) + 5 : 0,
    ...f,
    grid: { stroke: theme.line, width: 1, ...f },
    ticks: { stroke: theme.line, width: 1, size: 4, ...f },
  };
}

// On a log scale mark the powers of ten only (every other one, or fewer, when
// there are more than six), unless the range holds none.
const isPow10 = (v) => v > 0 && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;
export const logFilter = (u, splits) => {
  const n = splits.filter(isPow10).length,
    k = Math.ceil(n / 6);
  return n ? splits.map((v) => (isPow10(v) && Math.round(Math.log10(v)) % k === 0 ? v : null)) : splits;
};
export const logValues = (u, splits) => splits.map((v) => (v == null ? '' : isPow10(v) ? pow10(v) : +v.toPrecision(2)));

/**
 * `series`: [{ label, stroke, dash }] (`dash`: a canvas line dash, for a test series); `value` formats a y value for the hover readout.
 * `height`: pixels, or a function of `box` giving them (presentation mode's chart fills its card).
 * Returns the uPlot instance; it follows the width of `box` (and the height its function gives).
 */
export function lineChart(box, { series, log, height, yLabel, value, draw, theme }) {
  const width = () => Math.max(200, box.clientWidth);
  const high = () => (typeof height === 'function' ? height(box) : height);
  const u = new uPlot(
    {
      width: width(),
      height: high(),
      scales: { x: { time: false }, y: log ? { distr: 3 } : { range: (u, lo, hi) => [0, hi > 0 ? hi * 1.05 : 1] } },
      axes: [
        axis(theme, (u, s) => s.map(fmtCompact)),
        {
          ...axis(theme, log ? logValues : (u, s) => s.map(fmtCompact), yLabel, log ? logFilter : undefined),
          size: 37 + (theme.label ?? 11),
        },
      ],
      series: [
        { label: wordsAt(box)('chart.epoch'), value: (u, v) => (v == null ? '—' : fmtInt(v)) },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.stroke,
          dash: s.dash,
          width: 1.75,
          points: { show: false },
          value: (u, v) => value(v),
        })),
      ],
      cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 6 } },
      legend: { live: true },
      hooks: draw ? { draw: [draw] } : {},
    },
    [[], ...series.map(() => [])],
    box,
  );
  const ro = new ResizeObserver(
    () => (u.width !== width() || u.height !== high()) && u.setSize({ width: width(), height: high() }),
  );
  ro.observe(box);
  const destroy = u.destroy.bind(u);
  u.destroy = () => {
    ro.disconnect();
    destroy();
  };
  return u;
}
