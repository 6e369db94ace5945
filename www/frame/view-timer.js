// Each view's draw, timed for the benchmark (scripts/bench-views.mjs): only
// when the harness asks for the test hooks (test-hook.js), a view's draw is
// wrapped so that `window.__edViews[name]` keeps the milliseconds of its recent
// calls and, unless `callable` is false (a frame loop of its own), lets the
// benchmark call it again (`again()`, with the last arguments). Otherwise the
// draw is returned as it is and nothing is published.
import { testing } from '../app/test-hook.js';

const KEEP = 1000; // calls kept per view

/** `draw`, timed under `name` when testing; `draw` itself otherwise. */
export function timedView(name, draw, { callable = true } = {}) {
  if (!testing()) return draw;
  const views = (globalThis.__edViews ??= {});
  const entry = { times: [], draw: null, again: null };
  entry.draw = (...args) => {
    if (callable) entry.again = () => entry.draw(...args); // the benchmark's call, with the page's own arguments
    const t = performance.now();
    try {
      return draw(...args);
    } finally {
      entry.times.push(performance.now() - t);
      if (entry.times.length > KEEP) entry.times.shift();
    }
  };
  views[name] = entry; // the latest view of that name (a new run rebuilds some)
  return entry.draw;
}
