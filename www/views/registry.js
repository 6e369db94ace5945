// Every view of a run, in one list: the conductor makes those whose place is
// in its root, the element's `views=` words are their tokens, and the tests and
// the benchmark read their names from here. A new view is one module that
// exports a ViewSpec (contract.js) and one line below.
import { lossView } from './loss-chart.js';
import { networkSpec } from './network.js';
import { weightsSpec } from './weights.js';
import { mapSpec, backpropMapSpec } from './decision.js';
import { outputMapsSpec } from './output-maps.js';
import { tableSpec } from './truth-table.js';

/** @type {ReadonlyArray<import('./contract.js').ViewSpec<any>>} */
export const VIEWS = Object.freeze([
  lossView,
  networkSpec,
  weightsSpec,
  mapSpec,
  backpropMapSpec,
  outputMapsSpec,
  tableSpec,
]);

/** The element's `views=` words, in the registry's order, each once. */
export const VIEW_TOKENS = Object.freeze([...new Set(VIEWS.map((v) => v.token))]);

/**
 * The views of `root`, made from the registry: each spec whose place is there.
 * Returns `{ all, get(name), reset(run), changed(what, run), retheme(), jobs, destroy() }`.
 * @param {import('./contract.js').Root} root
 * @param {import('./contract.js').ViewContext} ctx
 */
export function makeViews(root, ctx) {
  /** @type {Map<string, { spec: import('./contract.js').ViewSpec<any>, view: import('./contract.js').View }>} */
  const made = new Map();
  for (const spec of VIEWS) {
    const view = spec.make(root, ctx);
    if (view) made.set(spec.name, { spec, view });
  }
  const all = [...made.values()];
  return {
    /** @param {string} name @returns {any} the view made under `name`, or undefined */
    get: (name) => made.get(name)?.view,
    /** The frame scheduler's jobs: each view's periodic draws, on its card. */
    jobs: all.flatMap(({ spec, view }) =>
      spec.jobs.map((job) => ({
        card: spec.card,
        every: job.every,
        phase: job.phase,
        draw: job.part ? () => view.drawPart?.(/** @type {string} */ (job.part)) : () => view.draw(),
      })),
    ),
    /** @param {import('./contract.js').Run} run */
    reset(run) {
      for (const { view } of all) view.reset(run);
    },
    /** Tells the views that follow `what` that it changed in `run`.
     * @param {'points' | 'output'} what @param {import('./contract.js').Run} run */
    changed(what, run) {
      for (const { spec, view } of all) {
        if (!spec.follows?.includes(what)) continue;
        if (view.refresh) view.refresh(what);
        else view.reset(run);
      }
    },
    retheme() {
      for (const { view } of all) view.retheme?.();
    },
    destroy() {
      for (const { view } of all) view.destroy();
      made.clear();
    },
  };
}
