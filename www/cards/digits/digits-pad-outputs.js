// What the digits pad shows of a reading: each method's ten outputs as bars,
// its guess, and the ink as the networks saw it (16 x 16). Apart from the
// readings themselves (digits-pad.js), which hand it the one to show.
import { el, rgb } from '../../ui.js';
import { SIDE } from './digits-pad-ink.js';
import { METHODS } from './methods.js';

/** @typedef {import('../../views/contract.js').Theme} Theme */
/** @typedef {import('../../words/index.js').Words} Words */
/** @typedef {import('./methods.js').DigitsMethod} DigitsMethod */
/**
 * The reading on show: of ink version `version`, its pixels and each method's
 * outputs; all null for a cleared pad.
 * @typedef {{ version: number, pixels: Float64Array | null, ed: Float64Array | null, backprop: Float64Array | null }} PadShown
 */

/**
 * The outputs in `box` (the card's #dg-pad-box); `names`: each method's name as shown.
 * @param {HTMLElement} box
 * @param {{ theme: Theme, w: Words, names: Record<DigitsMethod, string> }} options
 */
export function padOutputs(box, { theme, w, names }) {
  /** @param {string} id */
  const $ = (id) => /** @type {HTMLElement} */ (box.querySelector(`#${id}`));
  const seen = /** @type {HTMLCanvasElement} */ ($('dg-seen'));
  const outs = /** @type {Record<DigitsMethod, { guess: HTMLElement, bars: HTMLElement }>} */ (
    Object.fromEntries(METHODS.map((m) => [m, { guess: $(`dg-guess-${m}`), bars: $(`dg-bars-${m}`) }]))
  );
  for (const m of METHODS) {
    outs[m].bars.replaceChildren(
      ...Array.from({ length: 10 }, (_, d) =>
        el(
          'span',
          { className: 'dg-bar' },
          el('span', { className: 'dg-fill' }),
          el('span', { className: 'dg-digit' }, String(d)),
        ),
      ),
    );
  }

  /** Each method's bars and guess. @param {PadShown | null} shown */
  function drawBars(shown) {
    const empty = !shown?.pixels;
    for (const m of METHODS) {
      const values = empty ? null : shown?.[m];
      const guess = values ? values.indexOf(Math.max(...values)) : -1;
      outs[m].guess.textContent = guess >= 0 ? String(guess) : '—';
      [...outs[m].bars.children].forEach((bar, d) => {
        /** @type {HTMLElement} */ (bar.firstChild).style.height = values ? `${(100 * values[d]).toFixed(1)}%` : '0%';
        bar.classList.toggle('top', d === guess);
      });
      outs[m].bars.setAttribute(
        'aria-label',
        values
          ? w('dg.bars', names[m], Array.from(values, (v, d) => `${d}: ${v.toFixed(2)}`).join(', '))
          : w('dg.barsEmpty', names[m]),
      );
    }
  }

  /** The ink as the networks saw it, on the card's paper. @param {PadShown | null} shown */
  function drawSeen(shown) {
    const pixels = shown?.pixels;
    const sctx = /** @type {CanvasRenderingContext2D} */ (seen.getContext('2d')),
      img = sctx.createImageData(SIDE, SIDE);
    const paper = rgb(theme.card),
      ink = rgb(theme.fg);
    for (let i = 0; i < SIDE * SIDE; i++) {
      const v = pixels ? pixels[i] : 0;
      img.data.set([...paper.map((p, c) => Math.round(p + (ink[c] - p) * v)), 255], 4 * i);
    }
    sctx.putImageData(img, 0, 0);
  }

  return {
    /** Shows `shown` (null: nothing read yet). @param {PadShown | null} shown */
    draw(shown) {
      drawBars(shown);
      drawSeen(shown);
    },
    /** What the card shows, read from the page (the tests take it whole). */
    read: () => ({
      guesses: Object.fromEntries(METHODS.map((m) => [m, outs[m].guess.textContent])),
      heights: Object.fromEntries(
        METHODS.map((m) => [
          m,
          [...outs[m].bars.querySelectorAll('.dg-fill')].map((f) => /** @type {HTMLElement} */ (f).style.height),
        ]),
      ),
    }),
  };
}
