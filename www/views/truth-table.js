// The outputs table. For a truth table (the gates, parity, the adder): each
// training input, the network's current outputs (with a bar for one output, the
// rounded bits for several) and the target; a row is marked when it is right.
// For a 2-D task's hundreds of points: loss and accuracy on the training and
// the test set instead. A row is right when every output is strictly on its
// target's side of 0.5 (0.5 itself is on neither), and none is marked before the first
// epoch: an untrained network's 0.50 is no answer. Both are computed
// progressively (frame/view-work.js), so that a large network's forward passes
// spread over several slices: a draw asks for the outputs or scores of the
// weights as they are, and the table shows the last whole ones, of one moment.
import { el, fmtNum } from '../ui.js';
import { timedView } from '../frame/view-timer.js';
import { progressive, unitGuess } from '../frame/view-work.js';
import { showTaskNote } from './task-note.js';
import { wordsAt } from '../words/index.js';

/** @typedef {import('./contract.js').Run} Run */
/** @typedef {(key: string, ...values: any[]) => string} Words */
/** A row's output cell: its text, and its bar (one output). @typedef {{ value: HTMLElement, bar: HTMLElement }} RowCells */
/** A scores row's cells, and where its loss is in the scores read (its accuracy next). @typedef {{ tr: HTMLElement, loss: HTMLElement, acc: HTMLElement, at: number }} ScoreRow */

const MAX_ROWS = 16;

/** Strictly on the target's side: 0.5 is on neither. @param {number} y @param {number} t */
const onSide = (y, t) => (t ? y > 0.5 : y < 0.5);

/** Writes `text` into `cell` unless it is there already. @param {HTMLElement} cell @param {string} text */
const show = (cell, text) => {
  if (cell.textContent !== text) cell.textContent = text;
};

/**
 * A truth table's rows in `table`: each training input of `run`, a cell for
 * its outputs and its target. Returns each row's output cells and targets.
 * @param {HTMLElement} table @param {Run} run @param {Words} w
 * @returns {{ cells: RowCells[], targets: number[][] }}
 */
function truthRows(table, run, w) {
  const outputs = run.outputCount,
    X = run.patternInputs(),
    T = run.patternTargets(),
    n = T.length / outputs,
    k = X.length / n;
  const targets = Array.from({ length: n }, (_, i) => Array.from(T.subarray(i * outputs, (i + 1) * outputs)));
  const head = el(
    'tr',
    {},
    ...Array.from({ length: k }, (_, j) => el('th', { scope: 'col' }, `x${j}`)),
    el('th', { scope: 'col', className: 'out' }, w(outputs > 1 ? 'table.outputs' : 'table.output')),
    el('th', { scope: 'col' }, w('table.target')),
  );
  /** @type {RowCells[]} */
  const cells = [];
  const rows = targets.map((t, i) => {
    const value = el('span', {}),
      bar = el('i', {});
    cells.push({ value, bar });
    const out =
      outputs > 1
        ? el('td', { className: 'out bits' }, value)
        : el('td', { className: 'out' }, el('span', { className: 'meter' }, bar), value);
    return el(
      'tr',
      {},
      ...Array.from({ length: k }, (_, j) => el('td', {}, String(X[i * k + j]))),
      out,
      el('td', {}, t.join('')),
    );
  });
  table.replaceChildren(el('caption', {}, w('table.truth')), el('thead', {}, head), el('tbody', {}, ...rows));
  return { cells, targets };
}

/**
 * The scores table in `table`: loss and accuracy, on the training and (when
 * the run has one: not the reader's own points) test sets; racing,
 * backprop's under ED's, rows named for whose they are.
 * @param {HTMLElement} table @param {boolean} racing @param {boolean} tested @param {Words} w @returns {ScoreRow[]}
 */
function scoreRows(table, racing, tested, w) {
  const row = (/** @type {string} */ name, /** @type {number} */ at) => {
    const loss = el('td', {}),
      acc = el('td', {});
    return { tr: el('tr', {}, el('th', { scope: 'row' }, name), loss, acc), loss, acc, at };
  };
  // Each lane's scores are [train loss, train accuracy, test loss, test accuracy].
  const names = racing
    ? [
        { key: 'table.edTrain', at: 0 },
        { key: 'table.edTest', at: 2 },
        { key: 'table.bpTrain', at: 4 },
        { key: 'table.bpTest', at: 6 },
      ]
    : [
        { key: 'table.train', at: 0 },
        { key: 'table.test', at: 2 },
      ];
  const rows = names.filter(({ at }) => tested || at % 4 === 0).map(({ key, at }) => row(w(key), at));
  const head = el(
    'tr',
    {},
    el('td', {}),
    el('th', { scope: 'col' }, w('table.loss')),
    el('th', { scope: 'col' }, w('table.accuracy')),
  );
  table.replaceChildren(
    el('caption', {}, w('table.scores')),
    el('thead', {}, head),
    el('tbody', {}, ...rows.map((r) => r.tr)),
  );
  return rows;
}

/**
 * Shows the outputs last computed in the rows' cells; marks the right rows
 * once trained (`remark`: they were last marked for the other state).
 * @param {RowCells[]} cells @param {number[][]} targets @param {Float64Array} Y @param {number} outputs
 * @param {boolean} trained @param {boolean} remark
 */
function showOutputs(cells, targets, Y, outputs, trained, remark) {
  cells.forEach(({ value, bar }, i) => {
    const y = Y.subarray(i * outputs, (i + 1) * outputs);
    const text =
      outputs > 1
        ? Array.from(y, (v) => (Number.isFinite(v) ? String(Math.round(v)) : '?')).join('')
        : Number.isFinite(y[0])
          ? y[0].toFixed(4)
          : '—';
    if (value.textContent === text && !remark) return;
    value.textContent = text;
    if (outputs === 1) bar.style.width = `${(Number.isFinite(y[0]) ? y[0] : 0) * 100}%`;
    value.closest('tr')?.classList.toggle('ok', trained && Array.from(y).every((v, j) => onSide(v, targets[i][j])));
  });
}

/**
 * The outputs table in `table`, with the task's note where the page has a place for it (an element may not).
 * @param {HTMLElement} table
 * @returns {import('./contract.js').View}
 */
export function truthTable(table) {
  const root = /** @type {Document | ShadowRoot} */ (table.getRootNode());
  const note = root.getElementById?.('task-note');
  const words = (/** @type {string} */ key, /** @type {any[]} */ ...values) => wordsAt(table)(key, ...values);
  /** @type {Run | null} */
  let run = null;
  let marked = false; // whether the rows were last marked for a trained network
  /** @type {{ cells: RowCells[], targets: number[][] }} */
  let rows = { cells: [], targets: [] };
  /** @type {ScoreRow[] | null} */
  let scores = null;
  /** @type {Array<ReturnType<typeof progressive>>} */
  let jobs = [];

  // The rows' outputs; or ED's scores, and backprop's in a race: one job each, dropped with their run.
  function jobsOf(/** @type {Run} */ r, /** @type {string[]} */ views, /** @type {() => void} */ done) {
    return views.map((view) =>
      progressive({
        start: () => r.viewStart(view, 0),
        work: (units) => r.viewWork(view, units),
        busy: () => r.viewBusy(view),
        done,
        alive: () => run === r && table.isConnected,
        msPerUnit: unitGuess(r),
      }),
    );
  }

  function showRows() {
    if (!run) return;
    const Y = run.viewOutputs();
    if (!Y.length) return; // none computed yet
    const trained = run.epoch > 0,
      remark = trained !== marked;
    marked = trained;
    showOutputs(rows.cells, rows.targets, Y, run.outputCount, trained, remark);
  }

  function showScores() {
    if (!run || !scores) return;
    const num = (/** @type {number} */ v) => (Number.isFinite(v) ? fmtNum(v, 4) : '—');
    const pct = (/** @type {number} */ v) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '—');
    const values = run.racing
      ? [...run.viewScores('scores'), ...run.viewScores('backpropScores')]
      : run.viewScores('scores');
    for (const r of scores) {
      show(r.loss, num(values[r.at]));
      show(r.acc, pct(values[r.at + 1]));
    }
  }

  const draw = () => {
    for (const job of jobs) job.want();
    if (scores) showScores();
    else showRows();
  };

  return {
    reset(next) {
      for (const job of jobs) job.drop(); // the old run's, freed by now
      run = next;
      if (note) showTaskNote(note, /** @type {{ task: string }} */ (next.config()).task);
      scores = null;
      // Rows for a truth table's 0s and 1s; scores for points anywhere on the
      // plane (the reader's own few points included).
      if (
        next.patternTargets().length / next.outputCount > MAX_ROWS ||
        next.patternInputs().some((v) => v !== 0 && v !== 1)
      ) {
        scores = scoreRows(table, next.racing, next.testTargets().length > 0, words);
        jobs = jobsOf(next, next.racing ? ['scores', 'backpropScores'] : ['scores'], showScores);
      } else {
        rows = truthRows(table, next, words);
        jobs = jobsOf(next, ['outputs'], showRows);
      }
      // The first at once when they take no longer (a small network's all).
      for (const job of jobs) job.want(false, 3);
      draw();
    },
    draw: timedView('table', draw),
    /** Drops the scores' queued passes, so nothing calls the run once it is freed. */
    destroy() {
      for (const job of jobs) job.drop();
      jobs = [];
      run = null;
    },
  };
}

/** The truth table, or the scores of a task with points anywhere, as a view (contract.js). @type {import('./contract.js').ViewSpec} */
export const tableSpec = {
  name: 'table',
  token: 'table',
  card: 'card-output',
  jobs: [{ every: 4, phase: 3 }],
  follows: ['points'],
  make(root) {
    const table = root.getElementById('truth');
    return table ? truthTable(table) : null;
  },
};
