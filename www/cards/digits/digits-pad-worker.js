// The digits pad's thread: copies of the digits run's trained networks (both
// methods, handed over after each epoch) read the reader's handwriting. Its
// own worker, started when the pad is first used and kept while the page is
// open, so a reading never waits on a run's epoch (seconds) nor on the page's
// frames; a reading takes well under a millisecond here.
//
// Messages, handled in order:
//   { hidden }                 networks of that many hidden units, none copied yet
//   { load: method, weights }  a run's weights (DigitsRun.weights()) for 'ed' or 'backprop'
//   { read: version, ink, side } -> { version, pixels, ed, backprop } (outputs null before a copy)
// A refusal answers { error }.
import init, { DigitsPad } from '../../../pkg/ed_digits.js';

/**
 * A message to the pad's worker (see above).
 * @typedef {{ hidden: number } | { load: import('./methods.js').DigitsMethod, weights: Float64Array }
 *   | { read: number, ink: Uint8Array, side: number }} PadMessage
 */
/**
 * Its answer to a reading: the ink as the networks saw it (256 values), and
 * each method's ten outputs, null before its first copy.
 * @typedef {{ version: number, pixels: Float64Array, ed: Float64Array | null, backprop: Float64Array | null }} PadReading
 */

/** The engine, loaded by the first message. @type {Promise<unknown> | undefined} */
let engine;
/** @type {DigitsPad | null} */
let pad = null;
/** The messages in order: each handled once the one before is. */
let queue = Promise.resolve();

/** The copies, which a `{ hidden }` message makes: the page sends one first. */
function networks() {
  if (!pad) throw new Error('no networks yet');
  return pad;
}

/** @param {PadMessage} message */
async function handle(message) {
  engine ??= init();
  await engine;
  if ('hidden' in message) {
    pad?.free();
    pad = new DigitsPad(message.hidden);
  } else if ('load' in message) {
    networks().load(message.load, message.weights);
  } else if ('read' in message) {
    const r = networks().read(message.ink, message.side);
    /** @type {PadReading} */
    const reading = { version: message.read, pixels: r.pixels, ed: r.ed, backprop: r.backprop };
    postMessage(reading);
  }
}

globalThis.onmessage = (/** @type {MessageEvent<PadMessage>} */ { data }) => {
  queue = queue.then(() => handle(data)).catch((e) => postMessage({ error: e?.message || String(e) }));
};
