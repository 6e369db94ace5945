// The outputs table. For a truth table (the gates, parity, the adder): each
// training input, the network's current outputs (with a bar for one output, the
// rounded bits for several) and the target; a row is marked when it is right.
// For a 2-D task's hundreds of points: loss and accuracy on the training and
// the test set instead.
import { el, fmtNum } from './ui.js';

const MAX_ROWS = 16;

export function truthTable(table) {
  let cells = [], targets = [], outputs = 1, scores = null;

  function resetScores() {
    const row = (name) => {
      const loss = el('td'), acc = el('td');
      return { tr: el('tr', {}, el('th', { scope: 'row' }, name), loss, acc), loss, acc };
    };
    scores = [row('train'), row('test')];
    table.replaceChildren(el('caption', {}, 'Scores'),
      el('thead', {}, el('tr', {}, el('td'), el('th', { scope: 'col' }, 'loss'), el('th', { scope: 'col' }, 'accuracy'))),
      el('tbody', {}, ...scores.map((r) => r.tr)));
  }

  function resetRows(pg) {
    const X = pg.patternInputs(), T = pg.patternTargets(), n = T.length / outputs, k = X.length / n;
    targets = Array.from({ length: n }, (_, i) => Array.from(T.subarray(i * outputs, (i + 1) * outputs)));
    const head = el('tr', {}, ...Array.from({ length: k }, (_, j) => el('th', { scope: 'col' }, `x${j}`)),
      el('th', { scope: 'col', className: 'out' }, outputs > 1 ? 'outputs' : 'output'), el('th', { scope: 'col' }, 'target'));
    cells = [];
    const rows = targets.map((t, i) => {
      const value = el('span'), bar = el('i');
      cells.push({ value, bar });
      const out = outputs > 1 ? el('td', { className: 'out bits' }, value) : el('td', { className: 'out' }, el('span', { className: 'meter' }, bar), value);
      return el('tr', {}, ...Array.from({ length: k }, (_, j) => el('td', {}, String(X[i * k + j]))), out, el('td', {}, t.join('')));
    });
    table.replaceChildren(el('caption', {}, 'Truth table'), el('thead', {}, head), el('tbody', {}, ...rows));
  }

  return {
    reset(pg) {
      outputs = pg.outputCount;
      scores = null;
      if (pg.patternTargets().length / outputs > MAX_ROWS) resetScores(); else resetRows(pg);
      this.draw(pg);
    },
    draw(pg) {
      if (scores) {
        const [trainLoss, trainAcc, testLoss, testAcc] = pg.scores();
        const show = (td, text) => { if (td.textContent !== text) td.textContent = text; };
        const pct = (v) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '—');
        show(scores[0].loss, fmtNum(trainLoss, 4)); show(scores[0].acc, pct(trainAcc));
        show(scores[1].loss, Number.isFinite(testLoss) ? fmtNum(testLoss, 4) : '—'); show(scores[1].acc, pct(testAcc));
        return;
      }
      const Y = pg.patternOutputs();
      cells.forEach(({ value, bar }, i) => {
        const y = Y.subarray(i * outputs, (i + 1) * outputs);
        const text = outputs > 1 ? Array.from(y, (v) => (Number.isFinite(v) ? String(Math.round(v)) : '?')).join('')
          : Number.isFinite(y[0]) ? y[0].toFixed(4) : '—';
        if (value.textContent === text) return;
        value.textContent = text;
        if (outputs === 1) bar.style.width = `${(Number.isFinite(y[0]) ? y[0] : 0) * 100}%`;
        value.closest('tr').classList.toggle('ok', Array.from(y).every((v, j) => Math.round(v) === targets[i][j]));
      });
    },
  };
}
