// Shared look: the colour scheme read from CSS (so canvases follow light and
// dark), canvas sizing for sharp pixels, number formats, a tiny DOM builder.

/** @typedef {import('./views/contract.js').Theme} Theme */

// The names of the palette's colours the canvases draw in: www/palette.css
// gives each its value in both schemes, and this reads them (never a colour of
// its own), so a scheme change reaches the canvases. The palette test reads it too.
export const KEYS = [
  'card',
  'fg',
  'muted',
  'line',
  'pos',
  'neg',
  'class0',
  'class1',
  'class2',
  'loss0',
  'loss1',
  'loss2',
  's0',
  's1',
  's2',
  's3',
  's4',
];

/**
 * Reads the colours (CSS variables) in force at `node` into `into`.
 * @param {Element} node
 * @param {Theme} [into]
 * @returns {Theme}
 */
export function readTheme(node, into = /** @type {Theme} */ ({})) {
  const css = getComputedStyle(node);
  // Trimmed: a variable's value keeps the spaces around it (palette.css writes
  // each as its light and its dark choice, one of them empty).
  for (const k of KEYS) into[k] = css.getPropertyValue(`--${k}`).trim();
  // The canvases' label size in CSS px (presentation mode sets 16; present.css).
  into.label = parseFloat(css.getPropertyValue('--canvas-label')) || 11;
  return into;
}

/**
 * The document's colours, followed between light and dark: `{ theme, onTheme(f) }`.
 * `theme` is refilled in place when the scheme changes, so the views holding it
 * draw in the new colours; then each `f` given to `onTheme` is called (to redraw).
 * @returns {{ theme: Theme, onTheme: (redraw: () => void) => void }}
 */
export function documentTheme() {
  const theme = readTheme(document.documentElement);
  /** @type {Array<() => void>} */
  const redraws = [];
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    readTheme(document.documentElement, theme);
    redraws.forEach((f) => f());
  });
  return { theme, onTheme: (f) => redraws.push(f) };
}

/**
 * `#rrggbb` -> [r, g, b].
 * @param {string} hex
 * @returns {number[]}
 */
export const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/**
 * The colour `t` of the way (0 to 1) from `a` to `b`, each an [r, g, b].
 * @param {number[]} a
 * @param {number[]} b
 * @param {number} t
 * @returns {number[]}
 */
export const mix = (a, b, t) => a.map((x, i) => Math.round(x + (b[i] - x) * t));

/** Keeps a canvas's backing store at its CSS size times the pixel ratio; calls
 * `draw` after every resize. Returns a function giving `{ ctx, w, h }` in CSS px,
 * whose `release()` stops watching: a canvas taken off the page is resized to
 * nothing, and its observer would otherwise call `draw` on a view whose run is
 * gone (and keep the view alive as long as the canvas).
 * @param {HTMLCanvasElement} canvas
 * @param {() => void} draw
 * @returns {(() => { ctx: CanvasRenderingContext2D, w: number, h: number }) & { release: () => void }}
 */
export function fitCanvas(canvas, draw) {
  let w = 0,
    h = 0;
  const ro = new ResizeObserver(([e]) => {
    w = e.contentRect.width;
    h = e.contentRect.height;
    const d = devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(w * d));
    canvas.height = Math.max(1, Math.round(h * d));
    draw();
  });
  ro.observe(canvas);
  const size = () => {
    const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d')),
      d = canvas.width / (w || 1);
    ctx.setTransform(d, 0, 0, d, 0, 0);
    return { ctx, w, h };
  };
  return Object.assign(size, { release: () => ro.disconnect() });
}

/** @param {number} v */
export const fmtInt = (v) => Math.round(v).toLocaleString('en-US');
/**
 * Loss and weight values: fixed digits when readable, exponent when tiny or huge.
 * @param {number | null | undefined} v
 * @param {number} [digits]
 */
export function fmtNum(v, digits = 4) {
  if (v == null || !Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(digits - 1).replace('e+', 'e') : v.toFixed(digits);
}
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A power of ten as written: 1, 10, 10², 10⁻³. @param {number} v */
export const pow10 = (v) => {
  const e = Math.round(Math.log10(v));
  return e === 0
    ? '1'
    : e === 1
      ? '10'
      : `10${e < 0 ? '⁻' : ''}${[...String(Math.abs(e))].map((c) => SUP[Number(c)]).join('')}`;
};
/** A count in three figures: 1.23k, 4.5M. @param {number} v */
export const fmtCompact = (v) => {
  const a = Math.abs(v);
  return a >= 1e6
    ? `${+(v / 1e6).toPrecision(3)}M`
    : a >= 1e3
      ? `${+(v / 1e3).toPrecision(3)}k`
      : String(+v.toPrecision(3));
};

/**
 * `el('td', { className: 'x' }, 'text', child)`: text goes in as text, never as HTML.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Partial<HTMLElementTagNameMap[K]>} props
 * @param {...(Node | string)} kids
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props, ...kids) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}
