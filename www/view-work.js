// Progressive views. What a view cannot compute within a frame for a large
// network (a decision map, a unit's map, the scores) is computed as a pass over
// several animation frames, from a snapshot of the weights that the engine takes
// when the pass starts (src/view/progressive.rs); meanwhile the view draws the
// last whole result, so it is always one moment's picture, never half old and
// half new. Every pass on the page shares FRAME_MS of each frame, whoever asks:
// a view's draw (on the frame scheduler's beat) or this module's own frames,
// which carry a pass on after the scheduler stops calling. A pass asked for by
// a draw starts no earlier than that draw, so once paused or stepped (the
// scheduler draws every view after the last epoch) each view comes to show the
// very last weights, a few frames later for a huge network.

import { timedView } from './view-timer.js';

const FRAME_MS = 3; // the share of a frame all passes on the page may take
const FIRST_MS = 1; // a job's first slice, before it knows what a unit costs

let frame = null, left = 0;
const pending = new Set();
let raf = 0;

// What is left of this frame's share. Every callback of one animation frame
// sees the same timeline time, so the frame scheduler's draws and this module's
// own frame draw on one share.
function share() {
  const now = document.timeline?.currentTime ?? performance.now();
  if (now !== frame) { frame = now; left = FRAME_MS; }
  return left;
}

// This module's own frame (timed as the view "passes" for the benchmark).
const tick = timedView('passes', () => {
  raf = 0;
  // Round robin: each job goes to the back once served, so none waits for long.
  for (const job of [...pending]) {
    if (share() <= 0) break;
    pending.delete(job);
    if (job.advance(share() / (pending.size + 1))) pending.add(job);
  }
  if (pending.size) raf = requestAnimationFrame(tick);
}, { callable: false });

/**
 * One progressive computation on the engine:
 * `start()` takes the snapshot and returns the units it spent; `work(units)`
 * goes on for about that many and returns the units spent; `busy()` says
 * whether a pass is under way; `done()` is called when a pass has ended (the
 * view draws it); `alive()` turns false once nobody shows the job any more (a
 * new run, an embed taken off the page), and the job is dropped. `msPerUnit`:
 * a first guess of what a unit costs, learnt from then on.
 * Returns `{ want(fresh) }`: asks for a pass of the weights as they are now or
 * later, and works on it at once within the frame's share; `fresh` drops the
 * pass under way (it computes something no longer asked for).
 */
export function progressive({ start, work, busy, done, alive, msPerUnit }) {
  let asked = false;

  // Calls `call` with the units `ms` should buy (at least one), counts the time
  // against the frame's share and learns from it what a unit costs.
  function spend(ms, call) {
    const t = performance.now();
    const units = call(Math.max(1, Math.floor(ms / msPerUnit)));
    const took = performance.now() - t;
    left -= took;
    // The clock is coarse (0.1 ms): a slice too short to time teaches nothing.
    if (units > 0 && took >= 0.3) msPerUnit = 0.7 * msPerUnit + 0.3 * (took / units);
  }

  // Works for `ms` at most on the pass under way, or on a new one if asked;
  // returns whether there is more to do.
  function advance(ms) {
    if (!alive()) return false;
    const end = performance.now() + ms;
    if (!busy()) {
      if (!asked) return false;
      asked = false;
      spend(FIRST_MS, () => start());
    }
    for (let rest = end - performance.now(); busy() && rest > 0; rest = end - performance.now()) {
      spend(Math.min(rest, share()), work);
      if (!busy()) done();
    }
    return busy() || asked;
  }

  const job = {
    advance,
    want(fresh = false) {
      if (fresh && busy()) { asked = false; spend(FIRST_MS, () => start()); } else asked = true;
      pending.delete(job);
      if (!advance(share() / (pending.size + 1))) return;
      pending.add(job);
      raf ||= requestAnimationFrame(tick);
    },
  };
  return job;
}

/**
 * A first guess of the milliseconds one unit (a pixel or pattern through one
 * sub-network) costs on `pg`'s networks: about 0.4 ns a multiply-add in wasm
 * (a four-layer 256-unit network, 200,000 of them, takes some 70 µs) and a
 * microsecond's overhead. The jobs learn the real cost from their first slice.
 */
export function unitGuess(pg) {
  let cost = 0;
  for (let l = 0; l < pg.layerCount(); l++) { const [s, u] = pg.layerShape(l); cost += s * u; }
  return 4e-7 * cost + 1e-3;
}
