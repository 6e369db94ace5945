// The digits card's confusion matrices, one per method: on the test digits,
// how many of each true digit (a row) got each guess (a column), each cell
// shaded by its count. A table with headers, so a screen reader reads a cell
// as its row's and column's digits; it scrolls inside its own box on a phone.
import { el, mix, rgb } from '../../ui.js';

/** @typedef {import('../../views/contract.js').Theme} Theme */
/** @typedef {import('../../words/index.js').Words} Words */

const CLASSES = 10;
// WCAG's relative luminance of an [r, g, b], for the text colour that reads best on a cell.
/** @param {number[]} c */
const luminance = (c) => {
  const [r, g, b] = c.map((v) => {
    v /= 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
/** WCAG's contrast ratio of two [r, g, b]. @param {number[]} a @param {number[]} b */
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

/**
 * Fills `table` with `counts` ([truth * 10 + guess], or null before a run) for
 * `name`, its cells shaded towards `colour` (a theme key).
 * @param {HTMLTableElement} table
 * @param {number[] | null} counts
 * @param {{ name: string, w: Words, theme: Theme, colour: string }} options
 */
export function drawConfusion(table, counts, { name, w, theme, colour }) {
  const total = counts ? counts.reduce((a, b) => a + b, 0) : 0;
  let right = 0;
  for (let d = 0; d < CLASSES && counts; d++) right += counts[d * CLASSES + d];
  const top = counts ? Math.max(1, ...counts) : 1;
  const paper = rgb(theme.card),
    ink = rgb(theme[colour]),
    fg = rgb(theme.fg);
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col', className: 'dg-cm-corner' }, w('dg.cmCorner')),
    ...Array.from({ length: CLASSES }, (_, g) => el('th', { scope: 'col' }, String(g))),
  );
  const rows = Array.from({ length: CLASSES }, (_, t) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, String(t)),
      ...Array.from({ length: CLASSES }, (_, g) => {
        const n = counts ? counts[t * CLASSES + g] : 0;
        const cell = el('td', { className: t === g ? 'diag' : '' }, counts ? String(n) : '—');
        const back = mix(paper, ink, n / top);
        cell.style.background = `rgb(${back.join(',')})`;
        // The theme's text or card colour, whichever stands out more on this cell.
        if (contrast(paper, back) > contrast(fg, back)) cell.style.color = `rgb(${paper.join(',')})`;
        return cell;
      }),
    ),
  );
  table.replaceChildren(
    el('caption', {}, counts ? w('dg.cmCaption', name, w.int(total), w.int(right)) : w('dg.cmNone', name)),
    el('thead', {}, head),
    el('tbody', {}, ...rows),
  );
}
