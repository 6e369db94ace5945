// Each view's draw, timed for the benchmark (scripts/bench-views.mjs): only
// when the harness asks for the test hooks (test-hook.js), a view's draw is
// wrapped so that `window.__edViews[name]` keeps the milliseconds of its recent
// calls and, unless `callable` is false (a frame loop of its own), lets the
// benchmark call it again (`again()`, with the last arguments), and `data()`,
// what the view shows, if it gives a read-only copy of it (`read`: the tests
// read it). Otherwise the draw is returned as it is and nothing is published.
import { testing } from '../app/test-hook.js';

const KEEP = 1000; // calls kept per view

/**
 * A timed view as the benchmark and the tests read it: its recent times, a
 * call again, and what it shows.
 * @typedef {{ times: number[], draw: Function | null, again: (() => unknown) | null,
 *   data: (() => unknown) | null }} TimedEntry
 */

/** The page's table of timed views, made on first use. @returns {Record<string, TimedEntry>} */
function published() {
  const page = /** @type {{ __edViews?: Record<string, TimedEntry> }} */ (globalThis);
  page.__edViews ??= {};
  return page.__edViews;
}

/**
 * `draw`, timed under `name` when testing; `draw` itself otherwise.
 * @template {any[]} A
 * @template R
 * @param {string} name
 * @param {(...args: A) => R} draw
 * @param {{ callable?: boolean, read?: () => unknown }} [options]
 * @returns {(...args: A) => R}
 */
export function timedView(name, draw, { callable = true, read } = {}) {
  if (!testing()) return draw;
  /** @type {TimedEntry} */
  const entry = { times: [], draw: null, again: null, data: read ?? null };
  /** @param {A} args */
  const timed = (...args) => {
    if (callable) entry.again = () => timed(...args); // the benchmark's call, with the page's own arguments
    const t = performance.now();
    try {
      return draw(...args);
    } finally {
      entry.times.push(performance.now() - t);
      if (entry.times.length > KEEP) entry.times.shift();
    }
  };
  entry.draw = timed;
  published()[name] = entry; // the latest view of that name (a new run rebuilds some)
  return timed;
}
