// Progressive views. What a view cannot compute within a frame for a large
// network (a decision map, a unit's map, the scores) is computed as a pass over
// several slices, from a snapshot of the weights that the engine takes when the
// pass starts (src/view/progressive.rs); meanwhile the view draws the last
// whole result, so it is always one moment's picture, never half old and half
// new. A view's draw (on the frame scheduler's beat) only asks for a pass; the
// slices run in the browser's idle time between frames (requestIdleCallback),
// SLICE_MS at most and never past the next frame's deadline, shared by every
// pass on the page: the frames themselves carry none of it. A pass asked for by
// a draw starts no earlier than that draw, so once paused or stepped (the
// scheduler draws every view after the last epoch) each view comes to show the
// very last weights: a frame later for a small network, a few for a huge one.

import { timedView } from './view-timer.js';

const SLICE_MS = 3; // the work of one idle period, all passes together
const STARVED_MS = 100; // with no idle time for this long, a slice runs anyway
const FIRST_MS = 1; // a pass's start (its snapshot): no later in a slice than this before its end

/** A job as the queue of passes holds it. @typedef {{ advance(ms: number): boolean }} Queued */

// Safari has no requestIdleCallback: a task after the frame's, a slice each.
/** @type {(f: (deadline: IdleDeadline | null) => void) => void} */
const whenIdle =
  'requestIdleCallback' in globalThis
    ? (f) => requestIdleCallback(f, { timeout: STARVED_MS })
    : (f) => setTimeout(() => f(null), 0);

/** @type {Set<Queued>} */
const pending = new Set();
let scheduled = false;

// One idle period's slice (timed as the view "passes" for the benchmark).
const slice = timedView(
  'passes',
  (/** @type {IdleDeadline | null} */ deadline) => {
    scheduled = false;
    const idle = deadline && !deadline.didTimeout ? deadline.timeRemaining() : SLICE_MS;
    const end = performance.now() + Math.min(SLICE_MS, idle);
    // Round robin: a job may take what is left of the slice, then goes to the
    // back, so that another goes first in the next.
    for (const job of [...pending]) {
      const rest = end - performance.now();
      if (rest <= 0) break;
      pending.delete(job);
      if (job.advance(rest)) pending.add(job);
    }
    schedule();
  },
  { callable: false },
);

function schedule() {
  if (scheduled || !pending.size) return;
  scheduled = true;
  whenIdle(slice);
}

/**
 * What a progressive computation does on the engine (see `progressive`).
 * @typedef {object} Pass
 * @property {() => number} start
 * @property {(units: number) => number} work
 * @property {() => boolean} busy
 * @property {() => void} done
 * @property {() => boolean} alive
 * @property {number} msPerUnit
 */

/**
 * A progressive job: `want(fresh, now)` and `drop()`, as `progressive` says.
 * @typedef {{ want(fresh?: boolean, now?: number): void, drop(): void }} ProgressiveJob
 */

/**
 * One progressive computation on the engine:
 * `start()` takes the snapshot and returns the units it spent; `work(units)`
 * goes on for about that many and returns the units spent; `busy()` says
 * whether a pass is under way; `done()` is called when a pass has ended (the
 * view draws it); `alive()` turns false once nobody shows the job any more (a
 * new run, an embed taken off the page), and the job is dropped. `msPerUnit`:
 * a first guess of what a unit costs, learnt from then on.
 * Returns `{ want(fresh, now), drop() }`: `want` asks for a pass of the weights
 * as they are now or later; `fresh` drops the pass under way (it computes
 * something no longer asked for); `now` (ms) works on it at once for that long,
 * so that a new run's first picture (a small network's whole) is there in its
 * first frame. `drop()` ends the job for good, at once: its run is about to be
 * freed (a view destroyed), so not even the next idle slice may call it.
 * @param {Pass} pass
 * @returns {ProgressiveJob}
 */
export function progressive({ start, work, busy, done, alive, msPerUnit }) {
  let asked = false,
    restart = false,
    dropped = false;

  // Calls `call` with the units `ms` should buy (at least one) and learns from
  // the time it took what a unit costs.
  /** @param {number} ms @param {(units: number) => number} call */
  function spend(ms, call) {
    const t = performance.now();
    const units = call(Math.max(1, Math.floor(ms / msPerUnit)));
    const took = performance.now() - t;
    // The clock is coarse (0.1 ms): a slice too short to time teaches nothing.
    if (units > 0 && took >= 0.3) msPerUnit = 0.7 * msPerUnit + 0.3 * (took / units);
  }

  // Works for `ms` at most on the pass under way, or on a new one if asked;
  // returns whether there is more to do.
  /** @param {number} ms @returns {boolean} */
  function advance(ms) {
    if (dropped || !alive()) return false;
    const end = performance.now() + ms;
    if (restart || !busy()) {
      if (!asked) return false;
      // A snapshot copies every weight, about what a unit costs per network:
      // not begun in the last moments of a slice, where it would overrun it.
      if (ms < FIRST_MS) return true;
      asked = restart = false;
      spend(FIRST_MS, () => start());
    }
    for (let rest = end - performance.now(); busy() && rest > 0; rest = end - performance.now()) {
      spend(rest, work);
      if (!busy()) done();
    }
    return busy() || asked;
  }

  const job = {
    advance,
    want(fresh = false, now = 0) {
      if (dropped) return;
      asked = true;
      restart ||= fresh && busy();
      if (now > 0 && !advance(now)) return;
      pending.add(job);
      schedule();
    },
    drop() {
      dropped = true;
      pending.delete(job); // the queue holds the job, and through it the run and its canvases
    },
  };
  return job;
}

/**
 * A first guess of the milliseconds one unit (a pixel or pattern through one
 * sub-network) costs on `pg`'s networks: about 0.4 ns a multiply-add in wasm
 * (a four-layer 256-unit network, 200,000 of them, takes some 70 µs) and a
 * microsecond's overhead. The jobs learn the real cost from their first slice.
 * @param {import('../views/contract.js').Run} pg
 */
export function unitGuess(pg) {
  let cost = 0;
  for (let l = 0; l < pg.layerCount(); l++) {
    const [s, u] = pg.layerShape(l);
    cost += s * u;
  }
  return 4e-7 * cost + 1e-3;
}
