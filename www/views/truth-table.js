// The outputs table. For a truth table (the gates, parity, the adder): each
// training input, the network's current outputs (with a bar for one output, the
// rounded bits for several) and the target; a row is marked when it is right.
// For a 2-D task's hundreds of points: loss and accuracy on the training and
// the test set instead. A row is right when every output is strictly on its
// target's side of 0.5 (0.5 itself is on neither), and none is marked before the first
// epoch: an untrained network's 0.50 is no answer. Both are computed
// progressively (view-work.js), so that
// a large network's forward passes spread over several slices: a draw asks for
// the outputs or scores of the weights as they are, and the table shows the
// last whole ones, of one moment.
import { el, fmtNum } from '../ui.js';
import { timedView } from '../frame/view-timer.js';
import { progressive, unitGuess } from '../frame/view-work.js';
import { showTaskNote } from './task-note.js';
import { wordsAt } from '../words/index.js';

const MAX_ROWS = 16;

// Strictly on the target's side: 0.5 is on neither.
const onSide = (y, t) => (t ? y > 0.5 : y < 0.5);

export function truthTable(table) {
  // The task's note, where the page has a place for it (an embed may not).
  const note = table.getRootNode().getElementById?.('task-note');
  // marked: whether the rows were last marked for a trained network.
  const words = () => wordsAt(table); // the language of the root the table is in
  let marked = false,
    cells = [],
    targets = [],
    outputs = 1,
    scores = null,
    racing = false,
    pg = null,
    jobs = [];

  // The rows' outputs; or ED's scores, and backprop's in a race: one job each,
  // dropped with their run.
  function jobsOf(p, views, done) {
    return views.map((view) =>
      progressive({
        start: () => p.viewStart(view, 0),
        work: (units) => p.viewWork(view, units),
        busy: () => p.viewBusy(view),
        done,
        alive: () => pg === p && table.isConnected,
        msPerUnit: unitGuess(p),
      }),
    );
  }

  function showRows() {
    const Y = pg.viewOutputs();
    if (!Y.length) return; // none computed yet
    const trained = pg.epoch > 0,
      remark = trained !== marked;
    marked = trained;
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
      value.closest('tr').classList.toggle('ok', trained && Array.from(y).every((v, j) => onSide(v, targets[i][j])));
    });
  }

  function showScores() {
    const show = (td, text) => {
      if (td.textContent !== text) td.textContent = text;
    };
    const num = (v) => (Number.isFinite(v) ? fmtNum(v, 4) : '—');
    const pct = (v) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '—');
    const values = racing ? [...pg.viewScores('scores'), ...pg.viewScores('backpropScores')] : pg.viewScores('scores');
    scores.forEach((r, i) => {
      show(r.loss, num(values[2 * i]));
      show(r.acc, pct(values[2 * i + 1]));
    });
  }

  function resetScores() {
    const row = (name) => {
      const loss = el('td'),
        acc = el('td');
      return { tr: el('tr', {}, el('th', { scope: 'row' }, name), loss, acc), loss, acc };
    };
    // Racing, backprop's scores sit under ED's, rows named for whose they are.
    const w = words();
    scores = (
      racing ? ['table.edTrain', 'table.edTest', 'table.bpTrain', 'table.bpTest'] : ['table.train', 'table.test']
    ).map((k) => row(w(k)));
    table.replaceChildren(
      el('caption', {}, w('table.scores')),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('td'),
          el('th', { scope: 'col' }, w('table.loss')),
          el('th', { scope: 'col' }, w('table.accuracy')),
        ),
      ),
      el('tbody', {}, ...scores.map((r) => r.tr)),
    );
  }

  function resetRows(pg) {
    const w = words();
    const X = pg.patternInputs(),
      T = pg.patternTargets(),
      n = T.length / outputs,
      k = X.length / n;
    targets = Array.from({ length: n }, (_, i) => Array.from(T.subarray(i * outputs, (i + 1) * outputs)));
    const head = el(
      'tr',
      {},
      ...Array.from({ length: k }, (_, j) => el('th', { scope: 'col' }, `x${j}`)),
      el('th', { scope: 'col', className: 'out' }, w(outputs > 1 ? 'table.outputs' : 'table.output')),
      el('th', { scope: 'col' }, w('table.target')),
    );
    cells = [];
    const rows = targets.map((t, i) => {
      const value = el('span'),
        bar = el('i');
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
  }

  return {
    reset(p) {
      jobs.forEach((job) => job.drop()); // the old run's, freed by now
      pg = p;
      if (note) showTaskNote(note, pg.config().task);
      outputs = pg.outputCount;
      racing = pg.racing;
      scores = null;
      // Rows for a truth table's 0s and 1s; scores for points anywhere on the
      // plane (the reader's own few points included).
      if (pg.patternTargets().length / outputs > MAX_ROWS || pg.patternInputs().some((v) => v !== 0 && v !== 1)) {
        resetScores();
        jobs = jobsOf(pg, racing ? ['scores', 'backpropScores'] : ['scores'], showScores);
      } else {
        resetRows(pg);
        jobs = jobsOf(pg, ['outputs'], showRows);
      }
      // The first at once when they take no longer (a small network's all).
      jobs.forEach((job) => job.want(false, 3));
      this.draw(pg);
    },
    draw: timedView('table', (p) => {
      if (p !== pg) return; // not reset for it yet
      jobs.forEach((job) => job.want());
      if (scores) showScores();
      else showRows();
    }),
    /** Drops the scores' queued passes, so nothing calls the run once it is freed. */
    destroy() {
      jobs.forEach((job) => job.drop());
      jobs = [];
      pg = null;
    },
  };
}

/** The truth table, or the scores of a task with points anywhere, as a view (contract.js). */
/** @type {import('./contract.js').ViewSpec} */
export const tableSpec = {
  name: 'table',
  token: 'table',
  card: 'card-output',
  jobs: [{ every: 4, phase: 3 }],
  follows: ['points'],
  make(root) {
    const table = root.getElementById('truth');
    if (!table) return null;
    const view = truthTable(table);
    /** @type {import('./contract.js').Run | null} */
    let run = null;
    return {
      reset(next) {
        run = next;
        view.reset(next);
      },
      draw() {
        if (run) view.draw(run);
      },
      destroy() {
        view.destroy();
        run = null;
      },
    };
  },
};
