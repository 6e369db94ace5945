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

let engine,
  pad = null,
  queue = Promise.resolve();

async function handle(message) {
  await (engine ??= init());
  if ('hidden' in message) {
    pad?.free();
    pad = new DigitsPad(message.hidden);
  } else if ('load' in message) {
    pad.load(message.load, message.weights);
  } else if ('read' in message) {
    const r = pad.read(message.ink, message.side);
    postMessage({ version: message.read, pixels: r.pixels, ed: r.ed, backprop: r.backprop });
  }
}

globalThis.onmessage = ({ data }) => {
  queue = queue.then(() => handle(data)).catch((e) => postMessage({ error: e?.message || String(e) }));
};
