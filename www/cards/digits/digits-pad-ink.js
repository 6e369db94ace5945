// The digits pad's canvas: the reader's strokes, with a mouse, pen or finger,
// and the ink they leave (one byte a pixel, its alpha) for the networks to
// read. Apart from the pad's readings (digits-pad.js), which only hear that
// the ink changed.
import { rgb } from '../../ui.js';

/** @typedef {import('../../views/contract.js').Theme} Theme */

/** The digits' side in pixels. */
export const SIDE = 16;
/** Pad pixels per digit pixel: 224 x 224, a whole multiple, so a painted test digit reads back exactly. */
const BLOCK = 14;
/** The pad's side in pixels. */
export const PAD = SIDE * BLOCK;
/** The pen's width: MNIST's strokes are about 2.5 of its 28 pixels wide, centred in a 20-pixel box. */
export const PEN = Math.round((PAD * 2.5) / 28);

/**
 * The ink of `canvas`. `canWrite()`: whether a stroke may start (the pad has
 * networks to read it); `changed()` hears every change the reader or a test makes.
 * @param {HTMLCanvasElement} canvas
 * @param {{ theme: Theme, canWrite: () => boolean, changed: () => void }} options
 */
export function padInk(canvas, { theme, canWrite, changed }) {
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d', { willReadFrequently: true }));
  canvas.width = canvas.height = PAD;

  // Strokes: Pointer Events, so mouse, pen and finger alike; the pad captures
  // its pointer and takes no touch gestures (touch-action: none in the CSS),
  // so the page does not scroll under a finger that writes.
  /** @type {[number, number] | null} the stroke's last point, while one is drawn */
  let last = null;
  /** @param {PointerEvent} e @returns {[number, number]} */
  const at = (e) => {
    const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * (PAD / r.width), (e.clientY - r.top) * (PAD / r.height)];
  };
  /** @param {[number, number]} from @param {[number, number]} to */
  function line(from, to) {
    ctx.strokeStyle = theme.fg;
    ctx.lineWidth = PEN;
    ctx.lineCap = ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(...from);
    ctx.lineTo(...to);
    ctx.stroke();
  }
  canvas.addEventListener('pointerdown', (e) => {
    if (!canWrite() || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    canvas.setPointerCapture(e.pointerId);
    last = at(e);
    line(last, last);
    changed();
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!last || !canvas.hasPointerCapture(e.pointerId)) return;
    for (const c of e.getCoalescedEvents?.() ?? [e]) {
      const p = at(c);
      line(last, p);
      last = p;
    }
    changed();
  });
  for (const end of ['pointerup', 'pointercancel', 'lostpointercapture'])
    canvas.addEventListener(end, () => {
      last = null;
    });

  return {
    /** Whether the pad holds no ink. */
    blank() {
      const d = ctx.getImageData(0, 0, PAD, PAD).data;
      for (let i = 3; i < d.length; i += 4) if (d[i]) return false;
      return true;
    },
    /** The ink: each pixel's alpha, row by row. */
    alpha() {
      const d = ctx.getImageData(0, 0, PAD, PAD).data,
        ink = new Uint8Array(PAD * PAD);
      for (let i = 0; i < ink.length; i++) ink[i] = d[4 * i + 3];
      return ink;
    },
    /** No ink. */
    clear() {
      ctx.clearRect(0, 0, PAD, PAD);
    },
    /** A test hook: test digit `pixels` (256 values, each byte / 255) painted as blocks of its grey. @param {ArrayLike<number>} pixels */
    paint(pixels) {
      const img = ctx.createImageData(PAD, PAD),
        colour = rgb(theme.fg);
      for (let y = 0; y < PAD; y++) {
        for (let x = 0; x < PAD; x++) {
          const v = pixels[Math.floor(y / BLOCK) * SIDE + Math.floor(x / BLOCK)];
          img.data.set([...colour, Math.round(v * 255)], 4 * (y * PAD + x));
        }
      }
      ctx.putImageData(img, 0, 0);
      changed();
    },
    /** The ink keeps its shape (its alpha) and takes the theme's colour. */
    retheme() {
      ctx.save();
      ctx.globalCompositeOperation = 'source-in';
      ctx.fillStyle = theme.fg;
      ctx.fillRect(0, 0, PAD, PAD);
      ctx.restore();
    },
  };
}
