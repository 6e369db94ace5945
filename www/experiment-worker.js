// Kaneko's experiment off the main thread: the page trains a network every
// animation frame, and thousands of runs of up to 10,000 epochs each would stall
// it there. One seed per engine call, so results stream back as they come; the
// page cancels by terminating this worker.
//
// In:  { plan: [{ method, hidden, lr }], runs }: seeds 1..runs of every entry.
// Out: { results: [[entry, seed, epochs or null], ...] } every ~40 ms and at the
//      end of each entry; then { done: true }, or { error } if the engine refused.
import init, { kanekoRun, lastPanic } from '../pkg/ed_playground.js';

let engine;
const FLUSH_MS = 40; // about two of the page's frames: progress looks smooth, messages stay few

onmessage = async ({ data: { plan, runs } }) => {
  try {
    await (engine ??= init());
    let pending = [], last = performance.now();
    for (const [entry, { method, hidden, lr }] of plan.entries()) {
      for (let seed = 1; seed <= runs; seed++) {
        pending.push([entry, seed, kanekoRun(method, hidden, seed, lr) ?? null]);
        if (seed === runs || performance.now() - last > FLUSH_MS) {
          postMessage({ results: pending });
          pending = [];
          last = performance.now();
        }
      }
    }
    postMessage({ done: true });
  } catch (e) {
    // A wasm panic reaches JS as a bare "unreachable" trap; the hook kept its message.
    const panic = e instanceof WebAssembly.RuntimeError ? lastPanic() : undefined;
    postMessage({ error: panic || e?.message || String(e) });
  }
};
