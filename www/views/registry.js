// Every view of a run, in one list: the conductor makes those whose place is
// in its root, the element's `views=` words are their tokens, a view whose card
// the host's markup lacks is placed from its spec, and the tests, the benchmark
// and the npm package's declarations read the names and tokens from here
// (scripts/view-registry.mjs). A new view is one module that exports a ViewSpec
// (contract.js) and one line below.
import { lossView } from './loss-chart.js';
import { networkSpec } from './network.js';
import { weightsSpec } from './weights.js';
import { histogramSpec } from './histogram.js';
import { mapSpec, backpropMapSpec } from './decision.js';
import { outputMapsSpec } from './output-maps.js';
import { tableSpec } from './truth-table.js';

/** @typedef {import('./contract.js').Root} Root */
/** @typedef {import('./contract.js').Run} Run */
/** @typedef {import('./contract.js').View} View */
/** @typedef {import('./contract.js').ViewSpec<any>} AnySpec */

/** @type {ReadonlyArray<AnySpec>} */
export const VIEWS = Object.freeze([
  lossView,
  networkSpec,
  weightsSpec,
  histogramSpec,
  mapSpec,
  backpropMapSpec,
  outputMapsSpec,
  tableSpec,
]);

/** Each view's own name, in the registry's order. */
export const VIEW_NAMES = Object.freeze(VIEWS.map((v) => v.name));

/** The element's `views=` words, in the registry's order, each once. */
export const VIEW_TOKENS = Object.freeze([...new Set(VIEWS.map((v) => v.token))]);

/**
 * The cards `root` lacks for the views of `tokens` (every view's when not
 * given), built by their specs' `place` in the words of `root`, each card once.
 * The host appends them where its cards go.
 * @param {Root} root
 * @param {Iterable<string>} [tokens]
 * @returns {HTMLElement[]}
 */
export function missingCards(root, tokens = VIEW_TOKENS) {
  const asked = new Set(tokens),
    built = new Set();
  /** @type {HTMLElement[]} */
  const cards = [];
  for (const spec of VIEWS) {
    if (!spec.place || !asked.has(spec.token) || built.has(spec.card) || root.getElementById(spec.card)) continue;
    built.add(spec.card);
    cards.push(spec.place(root));
  }
  return cards;
}

/**
 * The page's cards that its HTML lacks, each put after the card its spec
 * names (`after`), or else at the end of the last column of cards.
 * @param {Document} page
 */
export function placeCards(page) {
  for (const card of missingCards(page)) {
    const spec = VIEWS.find((v) => v.card === card.id);
    const before = spec?.after ? page.getElementById(spec.after) : null;
    if (before) before.after(card);
    else page.querySelector('main .col:last-of-type')?.append(card);
  }
}

/**
 * The views of one root, made from the registry, and what the conductor asks of them all.
 * @typedef {object} Views
 * @property {(name: string) => any} get the view made under `name`, or undefined
 * @property {Array<{ card: string, every: number, phase: number, draw: () => void }>} jobs
 *   the frame scheduler's jobs: each view's periodic draws, on its card
 * @property {(run: Run) => void} reset every view starts again from `run`
 * @property {(what: import('./contract.js').Change, run: Run) => void} changed
 *   tells the views that follow `what` that it changed in `run`
 * @property {() => void} retheme
 * @property {() => void} destroy
 */

/**
 * The views of `root`, made from the registry: each spec whose place is there.
 * @param {Root} root
 * @param {import('./contract.js').ViewContext} ctx
 * @returns {Views}
 */
export function makeViews(root, ctx) {
  /** @type {Map<string, { spec: AnySpec, view: View }>} */
  const made = new Map();
  for (const spec of VIEWS) {
    const view = spec.make(root, ctx);
    if (view) made.set(spec.name, { spec, view });
  }
  const all = [...made.values()];
  return {
    get: (name) => made.get(name)?.view,
    jobs: all.flatMap(({ spec, view }) =>
      spec.jobs.map((job) => {
        const part = job.part;
        return {
          card: spec.card,
          every: job.every,
          phase: job.phase,
          draw: part ? () => view.drawPart?.(part) : () => view.draw(),
        };
      }),
    ),
    reset(run) {
      for (const { view } of all) view.reset(run);
    },
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
