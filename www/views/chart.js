// A uPlot line chart over epochs in the page's colours, sized to its box.
// uPlot itself is loaded on first need (`whenCharts`), after the frame that
// made the chart: the run's first frame of training comes first, and the
// library's 23 KB (gzipped) load while it trains instead of before it starts.
import { fmtInt, fmtCompact, pow10 } from '../ui.js';
import { wordsAt } from '../words/index.js';

/** @typedef {import('../../vendor/uPlot.esm.js').default} uPlot */

/** @typedef {import('./contract.js').Theme} Theme */
/** What a chart is drawn in: the colours in force and the label size (11 px when not set). @typedef {Theme} AxisTheme */
/** @typedef {(self: uPlot, splits: number[]) => Array<number | null>} SplitFilter */

/** @param {AxisTheme} theme */
const font = (theme) => `${theme.label ?? 11}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;

/** @type {typeof import('../../vendor/uPlot.esm.js').default | undefined} the library, once loaded */
let UPlot;
/** @type {Promise<unknown> | undefined} */
let loading;
/** The boxes waiting for the library, so each asks once. @type {WeakSet<HTMLElement>} */
const waiting = new WeakSet();

/**
 * Whether a chart can be made in `box` now, its library being here; until it
 * can, the box keeps the chart's room (`height` px), so the page does not
 * jump when it comes.
 * @param {HTMLElement} box @param {number} height
 */
export function roomFor(box, height) {
  box.style.minHeight = UPlot ? '' : `${height}px`;
  return UPlot !== undefined;
}

/** The charts' library, loaded once (a failed load may be tried again). */
export function chartLibrary() {
  loading ??= import('../../vendor/uPlot.esm.js').then((m) => {
    UPlot = m.default;
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * Calls `then` once the charts' library is here: at once if it is, else after
 * loading it once the next frame has run (a new run's first frame of training
 * is queued after its views are made) and the browser is idle. A library that
 * cannot load is said in `box`, in its root's words.
 * @param {HTMLElement} box @param {() => void} then
 */
export function whenCharts(box, then) {
  if (UPlot) return then();
  if (waiting.has(box)) return;
  waiting.add(box);
  const idle = globalThis.requestIdleCallback ?? ((/** @type {() => void} */ f) => setTimeout(f, 1));
  const load = () =>
    chartLibrary().then(
      () => {
        waiting.delete(box);
        if (box.isConnected) then();
      },
      (/** @type {Error} */ e) => {
        waiting.delete(box);
        box.textContent = wordsAt(box)('chart.missing', e.message);
      },
    );
  requestAnimationFrame(() => idle(load));
}

/**
 * An axis in the page's colours: its tick `values`, its `label` (none: no room
 * kept for one) and, optionally, a `filter` of the splits that get a tick and a grid line.
 * @param {AxisTheme} theme @param {import('uplot').Axis['values']} values @param {string} [label] @param {SplitFilter} [filter]
 * @returns {import('uplot').Axis}
 */
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
const isPow10 = (/** @type {number} */ v) => v > 0 && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;
/** @type {SplitFilter} */
export const logFilter = (_u, splits) => {
  const n = splits.filter(isPow10).length,
    k = Math.ceil(n / 6);
  return n ? splits.map((v) => (isPow10(v) && Math.round(Math.log10(v)) % k === 0 ? v : null)) : splits;
};
/** @param {uPlot} _u @param {Array<number | null>} splits @returns {string[]} */
export const logValues = (_u, splits) =>
  splits.map((v) => (v == null ? '' : isPow10(v) ? pow10(v) : String(+v.toPrecision(2))));

/**
 * A line chart's options: `series` (`dash`: a canvas line dash, for a test
 * series); `log` for a log y scale; `height`, pixels or a function of the box
 * giving them (presentation mode's chart fills its card); `yLabel`; `value`
 * formats a y value for the hover readout; `draw`, a hook drawing over the plot.
 * @typedef {object} LineChartOptions
 * @property {Array<{ label: string, stroke: string, dash?: number[] }>} series
 * @property {boolean} [log]
 * @property {number | ((box: HTMLElement) => number)} height
 * @property {string} [yLabel]
 * @property {(v: number) => string} value
 * @property {(u: uPlot) => void} [draw]
 * @property {AxisTheme} theme
 */

/**
 * A uPlot line chart in `box`, following its width (and the height its
 * function gives); its `destroy()` also stops following. Only once the
 * library is here (`roomFor`, `whenCharts`).
 * @param {HTMLElement} box @param {LineChartOptions} options
 * @returns {uPlot}
 */
export function lineChart(box, { series, log, height, yLabel, value, draw, theme }) {
  const width = () => Math.max(200, box.clientWidth);
  const high = () => (typeof height === 'function' ? height(box) : height);
  /** @type {import('uplot').Axis.Values} */
  const plain = (_u, s) => s.map(fmtCompact);
  if (!UPlot) throw new Error('lineChart: the charts library is not loaded yet');
  const u = new UPlot(
    {
      width: width(),
      height: high(),
      scales: { x: { time: false }, y: log ? { distr: 3 } : { range: (_u, _lo, hi) => [0, hi > 0 ? hi * 1.05 : 1] } },
      axes: [
        axis(theme, plain),
        {
          ...axis(theme, log ? logValues : plain, yLabel, log ? logFilter : undefined),
          size: 37 + (theme.label ?? 11),
        },
      ],
      series: [
        { label: wordsAt(box)('chart.epoch'), value: (_u, v) => (v == null ? '—' : fmtInt(v)) },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.stroke,
          dash: s.dash,
          width: 1.75,
          points: { show: false },
          value: (/** @type {uPlot} */ _u, /** @type {number} */ v) => value(v),
        })),
      ],
      cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 6 } },
      legend: { live: true },
      hooks: draw ? { draw: [draw] } : {},
    },
    [[], ...series.map(() => [])],
    box,
  );
  const ro = new ResizeObserver(() => {
    if (u.width !== width() || u.height !== high()) u.setSize({ width: width(), height: high() });
  });
  ro.observe(box);
  const destroy = u.destroy.bind(u);
  u.destroy = () => {
    ro.disconnect();
    destroy();
  };
  return u;
}
