// One small decision map per output of a several-output task (a class of the
// 3-class spiral, a bit of the adder's sum), each from its own sub-network, the
// select offering each output's sub-network to the network and weights views,
// and the Output card's key: each class's colour and mark, what the small maps
// show (where a colour's meaning changes), and for a task of more than two
// inputs which of its points the map can show.
import { decisionView, oneHotClasses } from './decision.js';
import { el } from '../ui.js';
import { wordsAt } from '../words/index.js';

// Every reader-facing word of this module, in the language of the root `node` is in (words/views.js).
const wordsOf = (node) => {
  const w = wordsAt(node);
  return {
    className: (k) => w('output.class', k),
    bitName: (k, outputs) => w('output.bit', k, outputs),
    value: (v) => String(v),
    test: w('output.test'),
    mapOf: (name) => w('output.mapOf', name),
    outputOption: (k) => w('output.option', k),
    classMaps: w('output.classMaps'),
    bitMaps: w('output.bitMaps'),
    slice: (inputs) =>
      w(
        'output.slice',
        inputs
          .slice(2)
          .map((_, i) => `x${i + 2}`)
          .join(' = '),
      ),
  };
};

/** A legend mark: class or value `k`'s shape (circle, triangle, square) in `colour` (0, 1, 2: the class colours). */
export const markEl = (k, colour = k) => {
  const m = el('span', { className: `mk s${k} c${colour}` });
  m.setAttribute('aria-hidden', 'true');
  return m;
};

/** The Output card's key for run `pg`. */
function keyOf(pg, WORDS) {
  const classes = oneHotClasses(pg),
    inputs = Array.from({ length: pg.patternInputs().length / (pg.patternTargets().length / pg.outputCount) });
  const entry = (...kids) => el('span', {}, ...kids);
  const entries = classes
    ? Array.from({ length: classes }, (_, k) => entry(markEl(k), WORDS.className(k)))
    : [0, 1].map((v) => entry(markEl(v), WORDS.value(v)));
  if (pg.testTargets().length) {
    const hollow = el('span', { className: 'mk hollow' });
    hollow.setAttribute('aria-hidden', 'true');
    entries.push(entry(hollow, WORDS.test));
  }
  const note = (text) => el('span', { className: 'key-note' }, text);
  if (pg.outputCount > 1) entries.push(note(classes ? WORDS.classMaps : WORDS.bitMaps));
  if (inputs.length > 2) entries.push(note(WORDS.slice(inputs)));
  return entries;
}

/** Returns `{ reset(pg), draw(), destroy() }`; any place missing from `root` is simply not used. */
export function outputMaps(root, theme) {
  const box = root.getElementById('output-maps'),
    select = root.getElementById('view-output'),
    key = root.getElementById('output-key');
  let maps = [];
  return {
    reset(pg) {
      const WORDS = wordsOf(root);
      const many = pg.outputCount > 1;
      key?.replaceChildren(...keyOf(pg, WORDS));
      if (box) {
        maps.forEach((m) => m.destroy()); // the old run's maps, their canvases replaced below
        box.hidden = !many;
        const classes = oneHotClasses(pg);
        const name = classes ? WORDS.className : (k) => WORDS.bitName(k, pg.outputCount);
        const figures = [];
        maps = many
          ? Array.from({ length: pg.outputCount }, (_, k) => {
              const canvas = el('canvas', { className: 'map small' });
              canvas.setAttribute('role', 'img');
              canvas.setAttribute('aria-label', WORDS.mapOf(name(k)));
              // A class's map is captioned with its mark, the shape its points keep there.
              figures.push(el('figure', {}, canvas, el('figcaption', {}, ...(classes ? [markEl(k)] : []), name(k))));
              return decisionView(canvas, theme, { view: 'map', output: k }, { name: `output-map-${k}` });
            })
          : [];
        box.replaceChildren(...figures);
        maps.forEach((m) => m.reset(pg));
      }
      if (select) {
        select.closest('label').hidden = !many;
        select.replaceChildren(
          ...Array.from({ length: pg.outputCount }, (_, k) => new Option(WORDS.outputOption(k), String(k))),
        );
      }
    },
    draw() {
      maps.forEach((m) => m.draw());
    },
    destroy() {
      maps.forEach((m) => m.destroy());
      maps = [];
    },
  };
}

/** The small maps of each output, the output select and the key, as a view (contract.js). */
/** @type {import('./contract.js').ViewSpec} */
export const outputMapsSpec = {
  name: 'outputs',
  token: 'map',
  card: 'card-output',
  jobs: [{ every: 8, phase: 1 }],
  follows: ['points'],
  make(root, ctx) {
    return outputMaps(root, ctx.theme);
  },
};
