// The "Kaneko's experiment" card: reruns his XOR table (seeds 1..N for each
// hidden size, ED and then backprop) on a pool of Web Workers, and fills a chart
// and a table next to his published means as the runs come back. The page only:
// the embeddable element does not carry it. This file runs the runs; his
// numbers are kaneko.js, the jobs and the tally tally.js, the table and the
// chart experiment-results.js.
import { exposeForTests } from '../../app/test-hook.js';
import { wordsAt } from '../../words/index.js';
import { runPool, poolSize } from '../../frame/worker-pool.js';
import { SIZES } from './kaneko.js';
import { planRuns, tallyOf } from './tally.js';
import { experimentResults } from './experiment-results.js';

/** @typedef {import('../../views/contract.js').Theme} Theme */
/** @typedef {import('../../words/index.js').Words} Words */
/** @typedef {import('./tally.js').PlanEntry} PlanEntry */
/** @typedef {import('./tally.js').Job} Job */

const MAX_RUNS = 1000;

/**
 * The card's form: its fields and buttons, its progress bar and status line.
 * Its own function, so the panel below reads as the run it drives.
 * @param {HTMLElement} card
 * @param {Words} w
 */
function experimentForm(card, w) {
  /** @param {string} id */
  const $ = (id) => card.querySelector(`#${id}`);
  const runsField = /** @type {HTMLInputElement} */ ($('xp-runs')),
    largest = /** @type {HTMLSelectElement} */ ($('xp-largest')),
    bpLr = /** @type {HTMLSelectElement} */ ($('xp-bp-lr')),
    status = /** @type {HTMLElement} */ ($('xp-status'));
  const runButton = /** @type {HTMLButtonElement} */ ($('xp-run')),
    cancelButton = /** @type {HTMLButtonElement} */ ($('xp-cancel'));
  /** Heard when it settles, not with every batch of runs while the bar moves. @param {string} text @param {boolean} final */
  function say(text, final) {
    status.setAttribute('aria-live', final ? 'polite' : 'off');
    status.textContent = text;
  }
  return {
    runButton,
    cancelButton,
    bar: /** @type {HTMLProgressElement} */ ($('xp-progress')),
    bpLr,
    say,
    /** The runs per size asked for, or 0 (and a word on the status line) when the field holds none. */
    readRuns() {
      const n = Number(runsField.value);
      const ok = runsField.value.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= MAX_RUNS;
      runsField.toggleAttribute('aria-invalid', !ok);
      if (!ok) say(w('xp.badRuns', w.int(MAX_RUNS)), true);
      return ok ? n : 0;
    },
    /** The size indices up to the largest chosen. */
    sizes: () => SIZES.flatMap((size, i) => (size <= Number(largest.value) ? [i] : [])),
    /** The buttons and fields while a run is (or is not) under way. @param {boolean} on */
    lock(on) {
      runButton.disabled = on;
      cancelButton.disabled = !on;
      for (const f of [runsField, largest, bpLr]) f.disabled = on;
    },
  };
}

/**
 * Starts the panel in `card` (a missing card is no panel); its runs use up to
 * `poolSize(search)` workers, `search` being the page's link as opened.
 * @param {HTMLElement | null} card
 * @param {Theme} theme
 * @param {(redraw: () => void) => void} onTheme
 * @param {string} [search]
 */
export function experimentPanel(card, theme, onTheme, search = location.search) {
  const maxWorkers = poolSize(search);
  if (!card) return;
  const w = wordsAt(card); // the language of the page the card is in
  const int = w.int;
  const form = experimentForm(card, w),
    say = form.say;

  /** @type {ReturnType<typeof runPool> | null} */
  let pool = null;
  let running = false,
    workers = 0,
    runs = 0,
    done = 0,
    started = 0;
  // jobs[j]: a stretch of seeds of plan[jobs[j].entry]; arrived[j]: its seeds' results so far, in seed order.
  /** @type {PlanEntry[]} */
  let plan = [];
  /** @type {Job[]} */
  let jobs = [];
  /** @type {Array<Array<number | null>>} */
  let arrived = [];
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const results = experimentResults(card, { w, theme, runs: () => runs });
  onTheme(() => results.retheme());

  /** @param {boolean} on */
  function setRunning(on) {
    running = on;
    form.lock(on);
  }

  function start() {
    runs = form.readRuns();
    if (!runs) return;
    const lr = form.bpLr.value;
    ({ plan, jobs } = planRuns(form.sizes(), Number(lr), runs));
    arrived = jobs.map(() => []);
    done = 0;
    started = performance.now();
    results.restart(lr);
    form.bar.max = plan.length * runs;
    form.bar.value = 0;
    const mine = runPool(
      new URL('./experiment-worker.js', import.meta.url),
      jobs.map(({ entry, from, to }) => ({
        method: plan[entry].method,
        hidden: plan[entry].hidden,
        lr: plan[entry].lr,
        from,
        to,
      })),
      { size: maxWorkers, onProgress: receive },
    );
    pool = mine;
    workers = mine.workers;
    // A job's result (experiment-worker.js): its seeds' epochs, null for a run that failed.
    /** @type {Promise<Array<Array<number | null>>>} */ (mine.done).then(
      (all) => {
        // The results as the jobs gave them, in job order: the table of one worker.
        arrived = all;
        results.update(tallyOf(plan, jobs, arrived), SIZES.keys());
        pool = null;
        setRunning(false);
        say(w('xp.done', int(done), seconds()), true);
      },
      (/** @type {Error & { job?: number }} */ e) =>
        mine === pool && stopWith(w(e.job === undefined ? 'xp.couldNot' : 'xp.stopped', e.message)),
    );
    setRunning(true);
    say(w('xp.starting', int(plan.length * runs), workers), false);
  }

  /** Job `j` reports the next of its seeds' results. @param {number} j @param {Array<number | null>} some */
  function receive(j, some) {
    arrived[j].push(...some);
    done += some.length;
    form.bar.value = done;
    const { entry, from } = jobs[j],
      { method, hidden, size } = plan[entry],
      seed = from + arrived[j].length - 1;
    const name = method === 'ed' ? 'ED' : results.bpLabel();
    say(w('xp.progressLine', name, hidden, seed, int(runs), int(done), int(plan.length * runs), seconds()), false);
    results.update(tallyOf(plan, jobs, arrived), [size]);
  }

  /** @param {string} text */
  function stopWith(text) {
    pool?.cancel();
    pool = null;
    setRunning(false);
    say(text, true);
  }

  form.runButton.addEventListener('click', start);
  form.runButton.disabled = false; // the page's HTML keeps it off until this code is here
  form.cancelButton.addEventListener('click', () =>
    stopWith(w('xp.cancelled', int(done), int(plan.length * runs), seconds())),
  );

  // Read-only, for the end-to-end tests (see test-hook.js).
  exposeForTests(
    '__edExperiment',
    Object.freeze({
      get running() {
        return running;
      },
      get done() {
        return done;
      },
      /** How many workers the last run started. */
      get workers() {
        return workers;
      },
      chart: () => results.chartData(),
    }),
  );
}
