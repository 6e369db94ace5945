// Handwritten digits off the main thread: an epoch over 2,000 digits takes the
// engine far longer than a frame, so the page's training would stall if it ran
// there. One of a pool (worker-pool.js): ED and backprop are independent runs,
// so on two workers or more each has its own; on one, a job holds both and
// trains an epoch of each in turn, so both curves grow together. The page
// cancels by terminating the pool. It fetches nothing: the page hands it the
// digits' bytes.
//
// Job:      { bytes (ArrayBuffer of dist/data/digits.bin), options: { hidden,
//             train, test, seed }, epochs, show (test digits in the gallery),
//             methods (some of 'ed', 'backprop', in the order they take turns) }.
// Progress: with ED, { images: [256 values per digit], labels } once; then after
//           every epoch { method, epoch, loss, train, test, ms, confusion (100
//           counts, [truth * 10 + guess] on the test digits), outputs (the ten
//           outputs of each gallery digit, recorded for the pad to be held to),
//           weights (every network's, flat, for the pad's copy) }, and after
//           ED's also { guesses, fields: [256 values per digit's network, the
//           change since the start] }.
// Result:   { [method]: [{ epoch, loss, train, test }, ...] }, every epoch's scores.
// Its own module: the engine with DigitsRun, which the page's module leaves out.
import init, { DigitsRun, lastPanic } from '../../../pkg/ed_digits.js';
import { serveJobs } from '../../frame/worker-pool.js';

/** @typedef {import('./methods.js').DigitsMethod} DigitsMethod */
/** @typedef {{ hidden: number, train: number, test: number, seed: number }} DigitsOptions */
/** @typedef {{ bytes: ArrayBuffer, options: DigitsOptions, epochs: number, show: number, methods: DigitsMethod[] }} DigitsJob */
/** The gallery's test digits, once: 256 values per digit, and their labels. @typedef {{ images: Float64Array[], labels: Uint8Array }} DigitsGallery */
/** One epoch's scores. @typedef {{ epoch: number, loss: number, train: number, test: number }} DigitsScore */
/**
 * A method's epoch, as reported (see above).
 * @typedef {DigitsScore & { method: DigitsMethod, ms: number, confusion: Uint32Array, outputs: Float64Array,
 *   weights: Float64Array, guesses?: Uint8Array, fields?: Float64Array[] }} DigitsEpoch
 */
/** @typedef {DigitsGallery | DigitsEpoch} DigitsProgress */
/** A job's result: its methods' scores. @typedef {Partial<Record<DigitsMethod, DigitsScore[]>>} DigitsResult */

/** The engine, loaded by the first job: every later one waits on the same promise. @type {Promise<unknown> | undefined} */
let engine;

serveJobs(
  /**
   * @param {DigitsJob} job
   * @param {(progress: DigitsProgress) => void} report
   * @returns {Promise<DigitsResult>}
   */
  async ({ bytes, options, epochs, show, methods }, report) => {
    engine ??= init();
    await engine;
    const data = new Uint8Array(bytes);
    /** @type {Array<[DigitsMethod, DigitsRun]>} */
    const runs = methods.map((method) => [method, new DigitsRun(data, { ...options, method })]);
    const ed = runs.find(([method]) => method === 'ed')?.[1];
    const n = Math.min(show, options.test);
    // The fields as drawn at random, before any learning: the card shows what
    // learning added to them, which the random start (a weight of up to 1 on
    // each copy) would otherwise hide for the first epochs.
    /** @param {DigitsRun} run */
    const fieldsNow = (run) => Array.from({ length: 10 }, (_, d) => run.field(d, 0));
    const start = ed && fieldsNow(ed);
    if (ed) report({ images: Array.from({ length: n }, (_, k) => ed.testImage(k)), labels: ed.testLabels(n) });
    /** @type {DigitsResult} */
    const scores = Object.fromEntries(methods.map((method) => [method, []]));
    for (let epoch = 1; epoch <= epochs; epoch++) {
      for (const [method, run] of runs) {
        const t0 = performance.now();
        const loss = run.epoch();
        // The accuracies are there once an epoch has run.
        /** @type {DigitsEpoch} */
        const score = {
          method,
          epoch,
          loss,
          train: /** @type {number} */ (run.trainAccuracy),
          test: /** @type {number} */ (run.testAccuracy),
          ms: performance.now() - t0,
          confusion: run.confusion(),
          outputs: run.testOutputs(n),
          weights: run.weights(),
        };
        scores[method]?.push({ epoch, loss, train: score.train, test: score.test });
        // One field per digit's network: the first unit of its first hidden layer.
        if (run === ed && start)
          Object.assign(score, {
            guesses: ed.guesses(n),
            fields: fieldsNow(ed).map((f, d) => f.map((w, i) => w - start[d][i])),
          });
        report(score);
      }
    }
    for (const [, run] of runs) run.free();
    return scores;
  },
  (e) => {
    // A wasm panic reaches JS as a bare "unreachable" trap; the hook kept its message.
    const panic = e instanceof WebAssembly.RuntimeError ? lastPanic() : undefined;
    return panic || e?.message || String(e);
  },
);
