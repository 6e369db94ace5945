// The "Kaneko's experiment" card: reruns his XOR table (seeds 1..N for each
// hidden size, ED and then backprop) on a pool of Web Workers, and fills a chart
// and a table next to his published means as the runs come back. The page only:
// the embeddable element does not carry it.
import { exposeForTests } from '../../app/test-hook.js';
import { el } from '../../ui.js';
import { wordsAt } from '../../words/index.js';
import { experimentChart } from './experiment-chart.js';
import { runPool, poolSize } from '../../frame/worker-pool.js';

// His table (docs/method.md, section 4): mean epochs over 100 runs, how many of
// them failed, and null where he reports backprop failed outright.
const SIZES = [2, 4, 8, 16, 32, 64, 128, 256];
const PUBLISHED = {
  ed: { mean: [339.75, 180.72, 75.14, 28.0, 8.26, 5.97, 5.09, 4.62], failed: [37, 0, 0, 0, 0, 0, 0, 0] },
  backprop: { mean: [172.66, 145.46, 136.96, 127.05, 117.17, 93.84, null, null] },
};
const METHODS = ['ed', 'backprop'];
const MAX_RUNS = 1000;
// Each size's seeds go out in this many stretches: enough jobs for the pool's
// workers to share the work evenly (a stretch at 2 hidden units with runs that
// fail costs far more than one at 128), few enough that messages stay cheap.
const STRETCHES = 10;

/** The stretches of seeds 1..runs: [from, to] pairs, in seed order. */
function stretches(runs) {
  const step = Math.ceil(runs / STRETCHES),
    out = [];
  for (let from = 1; from <= runs; from += step) out.push([from, Math.min(runs, from + step - 1)]);
  return out;
}

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const fixed = (v) => (v == null ? '—' : v.toFixed(2));

/** Starts the panel in `card` (a missing card is no panel); its runs use up to
 * `poolSize(search)` workers, `search` being the page's link as opened. */
export function experimentPanel(card, theme, onTheme, search = location.search) {
  const maxWorkers = poolSize(search);
  if (!card) return;
  const $ = (id) => card.querySelector(`#${id}`);
  const w = wordsAt(card); // the language of the page the card is in
  const int = w.int;
  const failures = (failed, runs) => w('xp.failures', int(failed), int(runs), failed === runs);
  const runsField = $('xp-runs'),
    largest = $('xp-largest'),
    bpLr = $('xp-bp-lr');
  const runButton = $('xp-run'),
    cancelButton = $('xp-cancel'),
    bar = $('xp-progress'),
    status = $('xp-status');
  const body = $('xp-table').tBodies[0];

  // tally[method][size index]: the epochs of the runs that stopped, and the failures.
  const fresh = () => Object.fromEntries(METHODS.map((m) => [m, SIZES.map(() => ({ stopped: [], failed: 0 }))]));
  // jobs[j]: { entry (of the plan), from, to }; arrived[j]: its seeds' results so far, in seed order.
  let pool = null,
    running = false,
    plan = [],
    jobs = [],
    arrived = [],
    workers = 0;
  let runs = 0,
    done = 0,
    started = 0,
    tally = fresh(),
    cells = [];

  // The backprop rate of the results on show, which the select may no longer hold.
  let shownLr = bpLr.value;
  const bpLabel = () => w('xp.bpLabel', shownLr);
  const labels = () => [w('xp.here', 'ED'), w('xp.here', bpLabel()), w('xp.edKaneko'), w('xp.bpKaneko')];
  const chart = experimentChart($('xp-chart'), {
    words: w,
    sizes: SIZES,
    series: labels().map((label, j) => ({ label, colour: j % 2 ? 's4' : 's0', dashed: j >= 2 })),
    readout: (s, i) => (s < 2 ? measured(METHODS[s], i) : published(METHODS[s - 2], i)),
    failed: (s, i) => {
      if (s >= 2) return PUBLISHED[METHODS[s - 2]].mean[i] == null;
      const t = tally[METHODS[s]][i];
      return t.failed > 0 && t.stopped.length === 0;
    },
    theme,
  });
  onTheme(() => chart.retheme());

  function measured(method, i) {
    const t = tally[method][i],
      n = t.stopped.length + t.failed;
    return n ? `${fixed(mean(t.stopped))} (${failures(t.failed, n)})` : '—';
  }
  function published(method, i) {
    const { mean: m, failed } = PUBLISHED[method];
    if (m[i] == null) return w('xp.failed');
    return failed?.[i] ? `${fixed(m[i])} (${failures(failed[i], 100)})` : fixed(m[i]);
  }

  // One row per size up to the largest chosen; a cell shows the mean and, under
  // it, how many runs failed, if any did (as his table does).
  const cell = (text, failedNote = '') =>
    el(
      'td',
      {},
      el('span', { className: 'xp-mean' }, text),
      ...(failedNote ? [el('span', { className: 'xp-fail' }, failedNote)] : []),
    );
  function measuredCell(method, i) {
    const t = tally[method][i],
      n = t.stopped.length + t.failed;
    return n ? cell(fixed(mean(t.stopped)), t.failed ? failures(t.failed, n) : '') : cell('—');
  }
  function publishedCell(method, i) {
    const { mean: m, failed } = PUBLISHED[method];
    if (m[i] == null) return cell(w('xp.failed'));
    return cell(fixed(m[i]), failed?.[i] ? failures(failed[i], 100) : '');
  }
  function buildTable() {
    $('xp-bp-head').textContent = w('xp.bpHead', shownLr);
    $('xp-caption').textContent = w('xp.caption', int(runs || Number(runsField.value) || 100));
    cells = [];
    body.replaceChildren(
      ...SIZES.map((size, i) => {
        if (size > Number(largest.value)) return null;
        const row = el(
          'tr',
          {},
          el('th', { scope: 'row' }, String(size)),
          measuredCell('ed', i),
          measuredCell('backprop', i),
          publishedCell('ed', i),
          publishedCell('backprop', i),
        );
        cells[i] = row;
        return row;
      }).filter(Boolean),
    );
  }
  function showResults(sizesTouched) {
    for (const i of sizesTouched) {
      const row = cells[i];
      if (row) METHODS.forEach((m, j) => row.cells[j + 1].replaceWith(measuredCell(m, i)));
    }
    chart.set([...METHODS.map((m) => tally[m].map((t) => mean(t.stopped))), ...METHODS.map((m) => PUBLISHED[m].mean)]);
  }
  buildTable();
  showResults([]);
  largest.addEventListener('change', buildTable);

  function readRuns() {
    const n = Number(runsField.value);
    const ok = runsField.value.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= MAX_RUNS;
    runsField.toggleAttribute('aria-invalid', !ok);
    if (!ok) say(w('xp.badRuns', int(MAX_RUNS)), true);
    return ok ? n : 0;
  }

  function say(text, final) {
    // Heard when it settles, not with every batch of runs while the bar moves.
    status.setAttribute('aria-live', final ? 'polite' : 'off');
    status.textContent = text;
  }
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  function setRunning(on) {
    running = on;
    runButton.disabled = on;
    cancelButton.disabled = !on;
    for (const f of [runsField, largest, bpLr]) f.disabled = on;
  }

  function start() {
    runs = readRuns();
    if (!runs) return;
    const sizes = SIZES.map((s, i) => i).filter((i) => SIZES[i] <= Number(largest.value));
    shownLr = bpLr.value;
    const lr = Number(shownLr);
    // All of ED first: it is quick, so its curve is there within seconds.
    plan = [
      ...sizes.map((i) => ({ method: 'ed', size: i, hidden: SIZES[i] })),
      ...sizes.map((i) => ({ method: 'backprop', size: i, hidden: SIZES[i], lr })),
    ];
    tally = fresh();
    done = 0;
    started = performance.now();
    chart.relabel(labels());
    buildTable();
    showResults([]);
    bar.max = plan.length * runs;
    bar.value = 0;
    // Every entry's seeds in stretches, ED's first: the pool hands them out in
    // this order, so ED's curve still comes first.
    jobs = plan.flatMap((_, entry) => stretches(runs).map(([from, to]) => ({ entry, from, to })));
    arrived = jobs.map(() => []);
    const mine = (pool = runPool(
      new URL('./experiment-worker.js', import.meta.url),
      jobs.map(({ entry, from, to }) => ({
        method: plan[entry].method,
        hidden: plan[entry].hidden,
        lr: plan[entry].lr,
        from,
        to,
      })),
      { size: maxWorkers, onProgress: receive },
    ));
    workers = mine.workers;
    mine.done.then(
      (results) => {
        // The results as the jobs gave them, in job order: the table of one worker.
        arrived = results;
        retally();
        showResults(SIZES.keys());
        pool = null;
        setRunning(false);
        say(w('xp.done', int(done), seconds()), true);
      },
      (e) => mine === pool && stopWith(w(e.job === undefined ? 'xp.couldNot' : 'xp.stopped', e.message)),
    );
    setRunning(true);
    say(w('xp.starting', int(plan.length * runs), workers), false);
  }

  // The tally from every result so far, job by job and seed by seed: the same
  // order whichever worker finished first, so the means are those of one worker.
  function retally() {
    tally = fresh();
    jobs.forEach(({ entry }, j) => {
      const t = tally[plan[entry].method][plan[entry].size];
      for (const epochs of arrived[j])
        if (epochs == null) t.failed++;
        else t.stopped.push(epochs);
    });
  }

  function receive(j, results) {
    arrived[j].push(...results);
    retally();
    done += results.length;
    bar.value = done;
    const { entry, from } = jobs[j],
      { method, hidden, size } = plan[entry],
      seed = from + arrived[j].length - 1;
    say(
      w(
        'xp.progressLine',
        method === 'ed' ? 'ED' : bpLabel(),
        hidden,
        seed,
        int(runs),
        int(done),
        int(plan.length * runs),
        seconds(),
      ),
      false,
    );
    showResults([size]);
  }

  function stopWith(text) {
    pool?.cancel();
    pool = null;
    setRunning(false);
    say(text, true);
  }

  runButton.addEventListener('click', start);
  runButton.disabled = false; // the page's HTML keeps it off until this code is here
  cancelButton.addEventListener('click', () =>
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
      chart: () => chart.data(),
    }),
  );
}
