// The truth table: each training input, the network's current output (with a
// bar) and the target; a row is marked when the rounded output matches it.
import { el } from './ui.js';

export function truthTable(table) {
  let cells = [], targets = [];
  return {
    reset(pg) {
      const X = pg.patternInputs(), T = pg.patternTargets(), k = X.length / T.length;
      targets = [...T];
      const head = el('tr', {}, ...Array.from({ length: k }, (_, j) => el('th', { scope: 'col' }, `x${j}`)),
        el('th', { scope: 'col', className: 'out' }, 'output'), el('th', { scope: 'col' }, 'target'));
      cells = [];
      const rows = targets.map((t, i) => {
        const value = el('span'), bar = el('i');
        cells.push({ value, bar });
        return el('tr', {}, ...Array.from({ length: k }, (_, j) => el('td', {}, String(X[i * k + j]))),
          el('td', { className: 'out' }, el('span', { className: 'meter' }, bar), value), el('td', {}, String(t)));
      });
      table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
      this.draw(pg);
    },
    draw(pg) {
      const Y = pg.patternOutputs();
      cells.forEach(({ value, bar }, i) => {
        const y = Y[i], text = Number.isFinite(y) ? y.toFixed(4) : '—';
        if (value.textContent === text) return;
        value.textContent = text;
        bar.style.width = `${(Number.isFinite(y) ? y : 0) * 100}%`;
        value.parentElement.parentElement.classList.toggle('ok', Math.round(y) === targets[i]);
      });
    },
  };
}
