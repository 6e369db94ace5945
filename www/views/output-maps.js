// One small decision map per output of a several-output task (a class of the
// 3-class spiral, a bit of the adder's sum), each from its own sub-network, the
// select offering each output's sub-network to the network and weights views,
// and the Output card's key: each class's colour and mark, what the small maps
// show (where a colour's meaning changes), and for a task of more than two
// inputs which of its points the map can show.
import { decisionView } from './decision.js';
import { oneHotClasses } from './map-points.js';
import { el } from '../ui.js';
import { timedView } from '../frame/view-timer.js';
import { wordsAt } from '../words/index.js';

/** @typedef {import('./contract.js').Run} Run */
/** @typedef {(key: string, ...values: any[]) => string} Words */

/**
 * A legend mark: class or value `k`'s shape (circle, triangle, square) in `colour` (0, 1, 2: the class colours).
 * @param {number} k @param {number} [colour]
 * @returns {HTMLElement}
 */
export const markEl = (k, colour = k) => {
  const m = el('span', { className: `mk s${k} c${colour}` });
  m.setAttribute('aria-hidden', 'true');
  return m;
};

/**
 * How many inputs `run`'s task has (2 when it has no patterns yet, as the reader's own points).
 * @param {Run} run
 */
const inputsOf = (run) => {
  const patterns = run.patternTargets().length / run.outputCount;
  return patterns ? run.patternInputs().length / patterns : 2;
};

/**
 * The Output card's key for `run`, in the words `w`.
 * @param {Run} run @param {Words} w @returns {HTMLElement[]}
 */
function keyOf(run, w) {
  const classes = oneHotClasses(run),
    inputs = inputsOf(run);
  const entry = (/** @type {Array<Node | string>} */ ...kids) => el('span', {}, ...kids);
  const entries = classes
    ? Array.from({ length: classes }, (_, k) => entry(markEl(k), w('output.class', k)))
    : [0, 1].map((v) => entry(markEl(v), String(v)));
  if (run.testTargets().length) {
    const hollow = el('span', { className: 'mk hollow' });
    hollow.setAttribute('aria-hidden', 'true');
    entries.push(entry(hollow, w('output.test')));
  }
  const note = (/** @type {string} */ text) => el('span', { className: 'key-note' }, text);
  if (run.outputCount > 1) entries.push(note(w(classes ? 'output.classMaps' : 'output.bitMaps')));
  if (inputs > 2) {
    const held = Array.from({ length: inputs - 2 }, (_, i) => `x${i + 2}`).join(' = ');
    entries.push(note(w('output.slice', held)));
  }
  return entries;
}

/**
 * A small map per output of `run`, each captioned with its name (a class's
 * with its mark, the shape its points keep there), in `box`.
 * @param {HTMLElement} box @param {Run} run @param {import('./contract.js').Theme} theme @param {Words} w
 * @returns {import('./decision.js').MapView[]}
 */
function smallMaps(box, run, theme, w) {
  const classes = oneHotClasses(run),
    outputs = run.outputCount;
  const name = (/** @type {number} */ k) => (classes ? w('output.class', k) : w('output.bit', k, outputs));
  /** @type {HTMLElement[]} */
  const figures = [];
  const maps = Array.from({ length: outputs }, (_, k) => {
    const canvas = /** @type {HTMLCanvasElement} */ (el('canvas', { className: 'map small' }));
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', w('output.mapOf', name(k)));
    figures.push(el('figure', {}, canvas, el('figcaption', {}, ...(classes ? [markEl(k)] : []), name(k))));
    return decisionView(canvas, theme, { view: 'map', output: k }, { name: `output-map-${k}` });
  });
  box.replaceChildren(...figures);
  return maps;
}

/**
 * The small maps of each output, the output select and the key; any place
 * missing from `root` is simply not used (null: none of them is there).
 * @param {import('./contract.js').Root} root @param {import('./contract.js').ViewContext} ctx
 * @returns {import('./contract.js').View | null}
 */
function outputMaps(root, { theme }) {
  const box = root.getElementById('output-maps'),
    select = root.getElementById('view-output'),
    key = root.getElementById('output-key');
  if (!box && !select && !key) return null;
  /** @type {import('./decision.js').MapView[]} */
  let maps = [];
  return {
    reset(run) {
      const w = wordsAt(root);
      const many = run.outputCount > 1;
      key?.replaceChildren(...keyOf(run, w));
      if (box) {
        for (const m of maps) m.destroy(); // the old run's maps, their canvases replaced below
        box.hidden = !many;
        maps = many ? smallMaps(box, run, theme, w) : [];
        if (!many) box.replaceChildren();
        for (const m of maps) m.reset(run);
      }
      if (select) {
        const label = select.closest('label');
        if (label) label.hidden = !many;
        select.replaceChildren(
          ...Array.from({ length: run.outputCount }, (_, k) => new Option(w('output.option', k), String(k))),
        );
      }
    },
    draw: timedView('outputs', () => {
      for (const m of maps) m.draw();
    }),
    destroy() {
      for (const m of maps) m.destroy();
      maps = [];
    },
  };
}

/** The small maps of each output, the output select and the key, as a view (contract.js). @type {import('./contract.js').ViewSpec} */
export const outputMapsSpec = {
  name: 'outputs',
  token: 'map',
  card: 'card-output',
  jobs: [{ every: 8, phase: 1 }],
  follows: ['points'],
  make: outputMaps,
};
