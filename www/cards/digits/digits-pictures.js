// The digits card's small pictures: the gallery of test digits with ED's
// guesses, and the fields (what each digit's network has learnt to look for).
// Each a 16 x 16 canvas, one image pixel per canvas pixel (CSS scales it up
// sharp), in the theme's colours.
import { el, mix, rgb } from '../../ui.js';

/** @typedef {import('../../views/contract.js').Theme} Theme */
/** @typedef {import('../../words/index.js').Words} Words */

const SIDE = 16;

/**
 * One picture: `colour(v)` gives [r, g, b] for a value; `label` names it for a screen reader.
 * @param {ArrayLike<number>} values
 * @param {(v: number) => number[]} colour
 * @param {string} label
 */
function picture(values, colour, label) {
  const canvas = el('canvas', { width: SIDE, height: SIDE });
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d')),
    img = ctx.createImageData(SIDE, SIDE);
  for (let i = 0; i < values.length; i++) img.data.set([...colour(values[i]), 255], 4 * i);
  ctx.putImageData(img, 0, 0);
  return canvas;
}

/**
 * A figure of the list: a picture and its caption.
 * @param {HTMLCanvasElement} canvas
 * @param {string} caption
 * @param {Partial<HTMLElement>} [props]
 */
function figure(canvas, caption, props = {}) {
  const fig = el('figure', props, canvas, el('figcaption', {}, caption));
  fig.setAttribute('role', 'listitem');
  return fig;
}

/**
 * The gallery: each test digit in ink on the card's paper, captioned with ED's
 * guess (… before one), marked when it is wrong.
 * @param {HTMLElement} gallery
 * @param {{ images: ArrayLike<number>[], labels: number[], guesses: number[] }} digits
 * @param {{ theme: Theme, w: Words }} options
 */
export function drawGallery(gallery, { images, labels, guesses }, { theme, w }) {
  const paper = rgb(theme.card),
    ink = rgb(theme.fg);
  gallery.replaceChildren(
    ...images.map((image, k) => {
      const guess = guesses[k],
        truth = labels[k],
        known = guess != null;
      const right = guess === truth;
      const text = known ? `${right ? '✓' : '✗'} ${guess}` : '…';
      const label = known ? w('dg.guessLabel', truth, guess, right) : w('dg.noGuess', truth);
      return figure(
        picture(image, (v) => mix(paper, ink, v), label),
        text,
        { className: known && !right ? 'wrong' : '' },
      );
    }),
  );
}

/**
 * The fields, diverging: the card's colour at 0, theme.pos or theme.neg at the
 * field's largest magnitude, so each field shows its own pattern whatever its scale.
 * @param {HTMLElement} box
 * @param {ArrayLike<number>[]} fields one per digit's network
 * @param {{ theme: Theme, w: Words }} options
 */
export function drawFields(box, fields, { theme, w }) {
  const paper = rgb(theme.card),
    pos = rgb(theme.pos),
    neg = rgb(theme.neg);
  box.replaceChildren(
    ...fields.map((field, d) => {
      const top = Math.max(1e-12, ...Array.from(field, Math.abs));
      return figure(
        picture(field, (v) => mix(paper, v >= 0 ? pos : neg, Math.abs(v) / top), w('dg.field', d)),
        w('dg.net', d),
      );
    }),
  );
}
