// What the experiment card shows of its runs: the table (a row per size up to
// the largest chosen, his means beside ours) and the chart, both from the
// tally so far. Apart from the runs themselves (experiment.js), which only hand
// it a new tally and the sizes it touched.
import { el } from '../../ui.js';
import { experimentChart } from './experiment-chart.js';
import { METHODS, PUBLISHED, PUBLISHED_RUNS, SIZES } from './kaneko.js';
import { freshTally, mean } from './tally.js';

/** @typedef {import('./kaneko.js').Method} Method */
/** @typedef {import('./tally.js').Tally} Tally */
/** @typedef {import('../../views/contract.js').Theme} Theme */
/** @typedef {import('../../words/index.js').Words} Words */

/** @param {number | null | undefined} v */
const fixed = (v) => (v == null ? '—' : v.toFixed(2));

/**
 * A table cell: the mean and, under it, how many runs failed, if any did (as his table does).
 * @param {string} text
 * @param {string} [failedNote]
 */
const cell = (text, failedNote = '') =>
  el(
    'td',
    {},
    el('span', { className: 'xp-mean' }, text),
    ...(failedNote ? [el('span', { className: 'xp-fail' }, failedNote)] : []),
  );

/**
 * The table and the chart of the card `card`; `runs()`: the runs per size of
 * the last run asked for (0 before one), which the table's caption names.
 * @param {HTMLElement} card
 * @param {{ w: Words, theme: Theme, runs: () => number }} options
 */
export function experimentResults(card, { w, theme, runs }) {
  /** @param {string} id */
  const $ = (id) => /** @type {HTMLElement} */ (card.querySelector(`#${id}`));
  const runsField = /** @type {HTMLInputElement} */ ($('xp-runs')),
    largest = /** @type {HTMLSelectElement} */ ($('xp-largest')),
    body = /** @type {HTMLTableElement} */ ($('xp-table')).tBodies[0];
  const int = w.int;
  /** @param {number} failed @param {number} runs */
  const failures = (failed, runs) => w('xp.failures', int(failed), int(runs), failed === runs);

  let tally = freshTally();
  /** @type {HTMLTableRowElement[]} the rows on show, by size index */
  let rows = [];
  // The backprop rate of the results on show, which the select may no longer hold.
  let shownLr = /** @type {HTMLSelectElement} */ ($('xp-bp-lr')).value;
  const bpLabel = () => w('xp.bpLabel', shownLr);
  const labels = () => [w('xp.here', 'ED'), w('xp.here', bpLabel()), w('xp.edKaneko'), w('xp.bpKaneko')];

  /** The hover text of our runs of `method` at size index `i`. @param {Method} method @param {number} i */
  function measured(method, i) {
    const t = tally[method][i],
      n = t.stopped.length + t.failed;
    return n ? `${fixed(mean(t.stopped))} (${failures(t.failed, n)})` : '—';
  }
  /** The hover text of his figure for `method` at size index `i`. @param {Method} method @param {number} i */
  function published(method, i) {
    const { mean: m, failed } = PUBLISHED[method];
    if (m[i] == null) return w('xp.failed');
    return failed?.[i] ? `${fixed(m[i])} (${failures(failed[i], PUBLISHED_RUNS)})` : fixed(m[i]);
  }
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

  /** @param {Method} method @param {number} i */
  function measuredCell(method, i) {
    const t = tally[method][i],
      n = t.stopped.length + t.failed;
    return n ? cell(fixed(mean(t.stopped)), t.failed ? failures(t.failed, n) : '') : cell('—');
  }
  /** @param {Method} method @param {number} i */
  function publishedCell(method, i) {
    const { mean: m, failed } = PUBLISHED[method];
    if (m[i] == null) return cell(w('xp.failed'));
    return cell(fixed(m[i]), failed?.[i] ? failures(failed[i], PUBLISHED_RUNS) : '');
  }

  /** The table again: a row per size up to the largest chosen. */
  function build() {
    $('xp-bp-head').textContent = w('xp.bpHead', shownLr);
    $('xp-caption').textContent = w('xp.caption', int(runs() || Number(runsField.value) || 100));
    rows = [];
    body.replaceChildren(
      ...SIZES.flatMap((size, i) => {
        if (size > Number(largest.value)) return [];
        const row = el(
          'tr',
          {},
          el('th', { scope: 'row' }, String(size)),
          measuredCell('ed', i),
          measuredCell('backprop', i),
          publishedCell('ed', i),
          publishedCell('backprop', i),
        );
        rows[i] = row;
        return [row];
      }),
    );
  }

  /** Our cells of the sizes touched (indices), and the chart, from the tally. @param {Iterable<number>} sizesTouched */
  function show(sizesTouched) {
    for (const i of sizesTouched) {
      const row = rows[i];
      if (row) METHODS.forEach((m, j) => row.cells[j + 1].replaceWith(measuredCell(m, i)));
    }
    chart.set([...METHODS.map((m) => tally[m].map((t) => mean(t.stopped))), ...METHODS.map((m) => PUBLISHED[m].mean)]);
  }

  build();
  show([]);
  largest.addEventListener('change', build);

  return {
    /** A new run, backprop at rate `lr`: nothing on show yet. @param {string} lr */
    restart(lr) {
      shownLr = lr;
      tally = freshTally();
      chart.relabel(labels());
      build();
      show([]);
    },
    /** The tally now, shown for the sizes it changed. @param {Tally} next @param {Iterable<number>} sizesTouched */
    update(next, sizesTouched) {
      tally = next;
      show(sizesTouched);
    },
    /** Backprop's name with the rate of the results on show. */
    bpLabel,
    retheme: () => chart.retheme(),
    chartData: () => chart.data(),
  };
}
