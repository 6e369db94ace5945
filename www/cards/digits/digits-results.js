// What the digits card shows of a run: the chart and the table of each
// epoch's share of unseen digits right, the confusion matrices, the gallery of
// test digits with ED's guesses and the fields of ED's hidden units, all from
// the workers' reports (digits-worker.js). Apart from the run itself
// (digits.js), which hands it each report as it comes.
import { el } from '../../ui.js';
import { digitsChart } from './digits-chart.js';
import { drawConfusion } from './digits-confusion.js';
import { drawFields, drawGallery } from './digits-pictures.js';
import { METHODS } from './methods.js';

/** @typedef {import('../../views/contract.js').Theme} Theme */
/** @typedef {import('../../words/index.js').Words} Words */
/** @typedef {import('./methods.js').DigitsMethod} DigitsMethod */
/** @typedef {import('./digits-worker.js').DigitsScore} DigitsScore */
/** @typedef {import('./digits-worker.js').DigitsEpoch} DigitsEpoch */
/** @typedef {import('./digits-worker.js').DigitsGallery} DigitsGallery */
/** @typedef {import('./digits-worker.js').DigitsResult} DigitsResult */

/** @param {number} v */
export const pct = (v) => `${(100 * v).toFixed(1)} %`;

/**
 * Each epoch's share of test digits right, on the chart and in the table (a row per epoch).
 * @param {ReturnType<typeof digitsChart>} chart
 * @param {HTMLTableSectionElement} body
 * @param {Record<DigitsMethod, DigitsScore[]>} scores
 */
function drawScores(chart, body, scores) {
  const n = Math.max(scores.ed.length, scores.backprop.length);
  const xs = Array.from({ length: n }, (_, i) => i + 1);
  chart.set(
    xs,
    METHODS.map((m) => xs.map((_, i) => scores[m][i]?.test ?? null)),
  );
  body.replaceChildren(
    ...xs.map((x, i) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, String(x)),
        ...METHODS.map((m) => el('td', {}, scores[m][i] ? pct(scores[m][i].test) : '—')),
      ),
    ),
  );
}

/**
 * The card's places for the results, found once, and its chart made.
 * @param {HTMLElement} card @param {Words} w @param {Theme} theme
 */
function resultPlaces(card, w, theme) {
  /** @param {string} id */
  const $ = (id) => /** @type {HTMLElement} */ (card.querySelector(`#${id}`));
  return {
    body: /** @type {HTMLTableElement} */ ($('dg-table')).tBodies[0],
    gallery: $('dg-gallery'),
    fieldBox: $('dg-fields'),
    matrixBox: $('dg-confusion'),
    matrices: {
      ed: /** @type {HTMLTableElement} */ ($('dg-cm-ed')),
      backprop: /** @type {HTMLTableElement} */ ($('dg-cm-bp')),
    },
    chart: digitsChart($('dg-chart'), {
      series: [
        { label: 'ED', colour: 's0' },
        { label: w('dg.bpName'), colour: 's4' },
      ],
      theme,
      words: w,
    }),
  };
}

/**
 * The results of the card `card`.
 * @param {HTMLElement} card
 * @param {{ w: Words, theme: Theme }} options
 */
export function digitsResults(card, { w, theme }) {
  const { body, gallery, fieldBox, matrixBox, matrices, chart } = resultPlaces(card, w, theme);

  /** @type {Record<DigitsMethod, DigitsScore[]>} every epoch's scores */
  let scores = { ed: [], backprop: [] };
  /** @type {Record<DigitsMethod, number[]>} every epoch's time, in ms */
  let ms = { ed: [], backprop: [] };
  // The gallery's digits, their labels and ED's guesses; the fields of ED's networks.
  /** @type {Float64Array[]} */
  let images = [];
  /** @type {number[]} */
  let labels = [];
  /** @type {number[]} */
  let guesses = [];
  /** @type {Float64Array[]} */
  let maps = [];
  // The last epoch's confusion matrix and the gallery digits' ten outputs, per method.
  /** @type {Partial<Record<DigitsMethod, number[]>>} */
  let confusion = {};
  /** @type {Partial<Record<DigitsMethod, Float64Array>>} */
  let recorded = {};

  const pictures = { theme, w };
  const showGallery = () => drawGallery(gallery, { images, labels, guesses }, pictures);
  const showFields = () => drawFields(fieldBox, maps, pictures);
  function showMatrices() {
    matrixBox.hidden = !METHODS.some((m) => confusion[m]);
    for (const m of METHODS)
      drawConfusion(matrices[m], confusion[m] ?? null, {
        name: m === 'ed' ? 'ED' : w('dg.bp'),
        w,
        theme,
        colour: m === 'ed' ? 's0' : 's4',
      });
  }
  const showScores = () => drawScores(chart, body, scores);

  return {
    /** A new run: nothing on show. */
    clear() {
      scores = { ed: [], backprop: [] };
      ms = { ed: [], backprop: [] };
      images = [];
      labels = [];
      guesses = [];
      maps = [];
      confusion = {};
      recorded = {};
      showScores();
      showGallery();
      showFields();
      showMatrices();
    },
    /** The gallery's digits, before the first epoch. @param {DigitsGallery} digits */
    gallery(digits) {
      images = digits.images;
      labels = [...digits.labels];
      showGallery();
    },
    /** A method's epoch. @param {DigitsEpoch} data */
    epoch(data) {
      const { method, epoch, loss, train, test } = data;
      scores[method].push({ epoch, loss, train, test });
      ms[method].push(data.ms);
      confusion[method] = [...data.confusion];
      recorded[method] = data.outputs;
      showMatrices();
      if (data.guesses && data.fields) {
        guesses = [...data.guesses];
        maps = data.fields;
        showGallery();
        showFields();
      }
      showScores();
    },
    /** Every epoch's scores as the jobs gave them, in job order. @param {DigitsResult[]} results */
    final(results) {
      scores = Object.assign({ ed: [], backprop: [] }, ...results);
      showScores();
    },
    /** How many epochs both methods have run. */
    count: () => scores.ed.length + scores.backprop.length,
    /** A method's last share of test digits right. @param {DigitsMethod} m */
    lastTest: (m) => scores[m].at(-1)?.test,
    /** Draws again in the colours now in force. */
    retheme() {
      chart.retheme();
      showGallery();
      showFields();
      showMatrices();
    },
    // For the end-to-end tests (digits.js's hook).
    test: {
      scores: () => structuredClone(scores),
      epochMs: () => structuredClone(ms),
      chart: () => chart.data(),
      /** The last epoch's confusion matrices, [truth * 10 + guess] per method. */
      confusion: () => structuredClone(confusion),
      /** Gallery digit `k`: its pixels and the ten outputs each method gave it after the last epoch. @param {number} k */
      testDigit: (k) => ({
        pixels: [...images[k]],
        label: labels[k],
        ed: [...(recorded.ed?.slice(10 * k, 10 * k + 10) ?? [])],
        backprop: [...(recorded.backprop?.slice(10 * k, 10 * k + 10) ?? [])],
      }),
    },
  };
}
