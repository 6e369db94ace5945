// Handwritten digits off the main thread: an epoch over 2,000 digits takes the
// engine far longer than a frame, so the page's training would stall if it ran
// there. ED and backprop learn the same digits with the same seed, an epoch of
// each in turn, so both curves grow together; the page cancels by terminating
// this worker. It fetches nothing: the page hands it the digits' bytes.
//
// In:  { bytes (ArrayBuffer of dist/data/digits.bin), options: { hidden, train,
//        test, seed }, epochs, show (test digits in the gallery) }.
// Out: { images: [256 values per digit], labels } once; then after every epoch
//      { method, epoch, loss, train, test, ms }, and after ED's also { guesses,
//      fields: [256 values per digit's network, the change since the start] }; then { done: true }, or
//      { error } if the engine refused.
// Its own module: the engine with DigitsRun, which the page's module leaves out.
import init, { DigitsRun, lastPanic } from '../pkg/ed_digits.js';

let engine;

onmessage = async ({ data: { bytes, options, epochs, show } }) => {
  try {
    await (engine ??= init());
    const data = new Uint8Array(bytes);
    const ed = new DigitsRun(data, { ...options, method: 'ed' });
    const bp = new DigitsRun(data, { ...options, method: 'backprop' });
    const n = Math.min(show, options.test);
    // The fields as drawn at random, before any learning: the card shows what
    // learning added to them, which the random start (a weight of up to 1 on
    // each copy) would otherwise hide for the first epochs.
    const fieldsNow = () => Array.from({ length: 10 }, (_, d) => ed.field(d, 0));
    const start = fieldsNow();
    postMessage({ images: Array.from({ length: n }, (_, k) => ed.testImage(k)), labels: ed.testLabels(n) });
    for (let epoch = 1; epoch <= epochs; epoch++) {
      for (const [method, run] of [['ed', ed], ['backprop', bp]]) {
        const t0 = performance.now();
        const loss = run.epoch();
        const score = { method, epoch, loss, train: run.trainAccuracy, test: run.testAccuracy, ms: performance.now() - t0 };
        // One field per digit's network: the first unit of its first hidden layer.
        if (method === 'ed') Object.assign(score, { guesses: ed.guesses(n), fields: fieldsNow().map((f, d) => f.map((w, i) => w - start[d][i])) });
        postMessage(score);
      }
    }
    ed.free();
    bp.free();
    postMessage({ done: true });
  } catch (e) {
    // A wasm panic reaches JS as a bare "unreachable" trap; the hook kept its message.
    const panic = e instanceof WebAssembly.RuntimeError ? lastPanic() : undefined;
    postMessage({ error: panic || e?.message || String(e) });
  }
};
