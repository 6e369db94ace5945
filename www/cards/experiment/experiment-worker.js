// Kaneko's experiment off the main thread: the page trains a network every
// animation frame, and thousands of runs of up to 10,000 epochs each would stall
// it there. One of a pool (worker-pool.js): each job is a stretch of seeds of one
// method and size, one seed per engine call, so results stream back as they
// come; the page cancels by terminating the pool.
//
// Job:      { method, hidden, lr, from, to }: seeds from..to.
// Progress: [epochs or null, ...], the next seeds' results, every ~40 ms.
// Result:   [epochs or null, ...], every seed's, from `from` on.
import init, { kanekoRun, lastPanic } from '../../../pkg/ed_experiment.js';
import { serveJobs } from '../../frame/worker-pool.js';

/**
 * A job: seeds `from`..`to` of `method` with `hidden` units (backprop at rate `lr`).
 * @typedef {{ method: string, hidden: number, lr?: number, from: number, to: number }} ExperimentJob
 */

/** The engine, loaded by the first job: every later one waits on the same promise. @type {Promise<unknown> | undefined} */
let engine;
const FLUSH_MS = 40; // about two of the page's frames: progress looks smooth, messages stay few

serveJobs(
  /**
   * @param {ExperimentJob} job
   * @param {(epochs: Array<number | null>) => void} report
   */
  async ({ method, hidden, lr, from, to }, report) => {
    engine ??= init();
    await engine;
    /** @type {Array<number | null>} */
    const all = [];
    let reported = 0,
      last = performance.now();
    for (let seed = from; seed <= to; seed++) {
      all.push(kanekoRun(method, hidden, seed, lr) ?? null);
      if (seed === to || performance.now() - last > FLUSH_MS) {
        report(all.slice(reported));
        reported = all.length;
        last = performance.now();
      }
    }
    return all;
  },
  (e) => {
    // A wasm panic reaches JS as a bare "unreachable" trap; the hook kept its message.
    const panic = e instanceof WebAssembly.RuntimeError ? lastPanic() : undefined;
    return panic || e?.message || String(e);
  },
);
