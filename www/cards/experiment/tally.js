// The experiment's bookkeeping, apart from what the card shows: the runs asked
// for cut into jobs for the worker pool, and the results that come back summed
// up as one worker would have met them, whichever worker finished first.
import { METHODS, SIZES } from './kaneko.js';

/** @typedef {import('./kaneko.js').Method} Method */
/** One line of the plan: a method at one size (an index into SIZES). @typedef {{ method: Method, size: number, hidden: number, lr?: number }} PlanEntry */
/** A job for the pool: seeds `from`..`to` of the plan's `entry`. @typedef {{ entry: number, from: number, to: number }} Job */
/** The runs of one method at one size: the epochs of those that stopped, and how many failed. @typedef {{ stopped: number[], failed: number }} Cell */
/** Every method's cells, a cell per size. @typedef {Record<Method, Cell[]>} Tally */

// Each size's seeds go out in this many stretches: enough jobs for the pool's
// workers to share the work evenly (a stretch at 2 hidden units with runs that
// fail costs far more than one at 128), few enough that messages stay cheap.
const STRETCHES = 10;

/**
 * The stretches of seeds 1..runs: [from, to] pairs, in seed order.
 * @param {number} runs
 * @returns {Array<[number, number]>}
 */
function stretches(runs) {
  const step = Math.ceil(runs / STRETCHES);
  /** @type {Array<[number, number]>} */
  const out = [];
  for (let from = 1; from <= runs; from += step) out.push([from, Math.min(runs, from + step - 1)]);
  return out;
}

/**
 * The plan for `runs` seeds at each of `sizes` (indices into SIZES), backprop at
 * rate `lr`, and its jobs. All of ED first: it is quick, so its curve is there
 * within seconds; the pool hands the jobs out in this order.
 * @param {number[]} sizes
 * @param {number} lr
 * @param {number} runs
 * @returns {{ plan: PlanEntry[], jobs: Job[] }}
 */
export function planRuns(sizes, lr, runs) {
  /** @type {PlanEntry[]} */
  const plan = [
    ...sizes.map((i) => ({ method: /** @type {Method} */ ('ed'), size: i, hidden: SIZES[i] })),
    ...sizes.map((i) => ({ method: /** @type {Method} */ ('backprop'), size: i, hidden: SIZES[i], lr })),
  ];
  const jobs = plan.flatMap((_, entry) => stretches(runs).map(([from, to]) => ({ entry, from, to })));
  return { plan, jobs };
}

/** A tally of no runs yet. @returns {Tally} */
export const freshTally = () =>
  /** @type {Tally} */ (
    Object.fromEntries(METHODS.map((m) => [m, SIZES.map(() => /** @type {Cell} */ ({ stopped: [], failed: 0 }))]))
  );

/**
 * The tally from every result so far (`arrived[j]`: job j's epochs, or null for
 * a run that failed, in seed order), job by job and seed by seed: the same order
 * whichever worker finished first, so the means are those of one worker.
 * @param {PlanEntry[]} plan
 * @param {Job[]} jobs
 * @param {Array<Array<number | null>>} arrived
 * @returns {Tally}
 */
export function tallyOf(plan, jobs, arrived) {
  const tally = freshTally();
  jobs.forEach(({ entry }, j) => {
    const t = tally[plan[entry].method][plan[entry].size];
    for (const epochs of arrived[j])
      if (epochs == null) t.failed++;
      else t.stopped.push(epochs);
  });
  return tally;
}

/** @param {number[]} xs @returns {number | null} the mean, or null for none */
export const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
