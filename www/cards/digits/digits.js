// The "Handwritten digits" card: ED and backprop learn 16 x 16 digits in Web
// Workers (one each when the pool has two, else an epoch of each in turn), and
// the card shows the share of unseen digits each gets right, which digits each
// mixes up (a confusion matrix), a pad to write a digit of one's own on
// (digits-pad.js), ED's guesses on a few test digits, and what ED's hidden
// units look for. The digits (dist/data/digits.bin, written by `ed digits
// --export`) are fetched when the reader first starts, not with the page.
import { exposeForTests } from '../../app/test-hook.js';
import { el, rgb } from '../../ui.js';
import { wordsAt } from '../../words/index.js';
import { digitsChart } from './digits-chart.js';
import { digitsPad } from './digits-pad.js';
import { drawConfusion } from './digits-confusion.js';
import { runPool, poolSize } from '../../frame/worker-pool.js';

const SIDE = 16;
const SHOW = 20; // test digits in the gallery
const SEED = 1; // as `ed digits` by default, so the CLI gives the same numbers
const METHODS = ['ed', 'backprop'];
const pct = (v) => `${(100 * v).toFixed(1)} %`;

/** Starts the panel in `card` (a missing card is no panel); its runs use up to
 * `poolSize(search)` workers, `search` being the page's link as opened. */
export function digitsPanel(card, theme, onTheme, search = location.search) {
  const maxWorkers = poolSize(search);
  if (!card) return;
  const $ = (id) => card.querySelector(`#${id}`);
  const w = wordsAt(card); // the language of the page the card is in
  const int = w.int;
  const NAMES = { ed: 'ED', backprop: w('dg.bpName') };
  const fields = { epochs: $('dg-epochs'), train: $('dg-train'), test: $('dg-test'), hidden: $('dg-hidden') };
  const runButton = $('dg-run'),
    cancelButton = $('dg-cancel'),
    bar = $('dg-progress'),
    status = $('dg-status');
  const body = $('dg-table').tBodies[0],
    gallery = $('dg-gallery'),
    fieldBox = $('dg-fields');

  // `run`: the run under way (its pool once the digits are in), so that a
  // cancelled one, still loading, knows it was.
  let run = null,
    workers = 0,
    running = false,
    started = 0,
    bytes = null,
    epochs = 0;
  let scores = { ed: [], backprop: [] },
    images = [],
    labels = [],
    guesses = [],
    maps = [],
    ms = { ed: [], backprop: [] };
  // The last epoch's confusion matrix and the gallery digits' ten outputs, per method.
  let confusion = {},
    recorded = {};
  const matrices = { ed: $('dg-cm-ed'), backprop: $('dg-cm-bp') },
    matrixBox = $('dg-confusion');
  const pad = digitsPad($('dg-pad-box'), { theme, w, names: { ed: 'ED', backprop: w('dg.bp') } });

  const chart = digitsChart($('dg-chart'), {
    series: [
      { label: 'ED', colour: 's0' },
      { label: NAMES.backprop, colour: 's4' },
    ],
    theme,
    words: w,
  });
  onTheme(() => {
    chart.retheme();
    drawGallery();
    drawFields();
    drawMatrices();
    pad.retheme();
  });

  function say(text, final) {
    // Heard when it settles, not with every epoch while the bar moves.
    status.setAttribute('aria-live', final ? 'polite' : 'off');
    status.textContent = text;
  }
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  function setRunning(on) {
    running = on;
    runButton.disabled = on;
    cancelButton.disabled = !on;
    for (const f of Object.values(fields)) f.disabled = on;
  }

  // One 16 x 16 canvas, one image pixel per canvas pixel (CSS scales it up sharp);
  // `colour(v)` gives [r, g, b] for a value.
  function picture(values, colour, label) {
    const canvas = el('canvas', { width: SIDE, height: SIDE });
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label);
    const ctx = canvas.getContext('2d'),
      img = ctx.createImageData(SIDE, SIDE);
    values.forEach((v, i) => {
      img.data.set([...colour(v), 255], 4 * i);
    });
    ctx.putImageData(img, 0, 0);
    return canvas;
  }
  const mix = (a, b, t) => a.map((x, i) => Math.round(x + (b[i] - x) * t));

  function drawGallery() {
    const paper = rgb(theme.card),
      ink = rgb(theme.fg);
    gallery.replaceChildren(
      ...images.map((image, k) => {
        const guess = guesses[k],
          truth = labels[k],
          known = guess != null;
        const right = guess === truth;
        const text = known ? `${right ? '✓' : '✗'} ${guess}` : '…';
        const label = known ? w('dg.guessLabel', truth, guess, right) : w('dg.noGuess', truth);
        const fig = el(
          'figure',
          { className: known && !right ? 'wrong' : '' },
          picture(image, (v) => mix(paper, ink, v), label),
          el('figcaption', {}, text),
        );
        fig.setAttribute('role', 'listitem');
        return fig;
      }),
    );
  }

  // Diverging: the card's colour at 0, theme.pos or theme.neg at the field's
  // largest magnitude, so each field shows its own pattern whatever its scale.
  function drawFields() {
    const paper = rgb(theme.card),
      pos = rgb(theme.pos),
      neg = rgb(theme.neg);
    fieldBox.replaceChildren(
      ...maps.map((field, d) => {
        const top = Math.max(1e-12, ...field.map(Math.abs));
        const fig = el(
          'figure',
          {},
          picture(field, (v) => mix(paper, v >= 0 ? pos : neg, Math.abs(v) / top), w('dg.field', d)),
          el('figcaption', {}, w('dg.net', d)),
        );
        fig.setAttribute('role', 'listitem');
        return fig;
      }),
    );
  }

  function drawMatrices() {
    matrixBox.hidden = !METHODS.some((m) => confusion[m]);
    for (const m of METHODS)
      drawConfusion(matrices[m], confusion[m] ?? null, {
        name: m === 'ed' ? 'ED' : w('dg.bp'),
        w,
        theme,
        colour: m === 'ed' ? 's0' : 's4',
      });
  }

  function showScores() {
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

  function read() {
    const v = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, Number(f.value)]));
    return { epochs: v.epochs, options: { hidden: v.hidden, train: v.train, test: v.test, seed: SEED } };
  }

  async function start() {
    const { epochs: n, options } = read();
    epochs = n;
    scores = { ed: [], backprop: [] };
    ms = { ed: [], backprop: [] };
    images = [];
    labels = [];
    guesses = [];
    maps = [];
    confusion = {};
    recorded = {};
    pad.reset(options.hidden);
    showScores();
    drawGallery();
    drawFields();
    drawMatrices();
    started = performance.now();
    bar.max = 2 * epochs;
    bar.value = 0;
    setRunning(true);
    say(w('dg.loading'), false);
    const mine = (run = {});
    try {
      bytes ??= fetch(new URL('../../../data/digits.bin', import.meta.url)).then((r) => {
        if (!r.ok) throw new Error(w('dg.httpError', r.status));
        return r.arrayBuffer();
      });
      const data = await bytes;
      if (mine !== run) return; // cancelled while they loaded
      // ED and backprop learn apart, so two workers take one each; one worker
      // trains an epoch of each in turn, so both curves still grow together.
      const size = maxWorkers,
        job = { bytes: data, options, epochs, show: SHOW };
      const groups = size >= 2 ? METHODS.map((m) => [m]) : [METHODS];
      const pool = runPool(
        new URL('./digits-worker.js', import.meta.url),
        groups.map((methods) => ({ ...job, methods })),
        { size, onProgress: (_, data) => receive(data) },
      );
      mine.cancel = pool.cancel;
      workers = pool.workers;
      say(w('dg.learning', int(options.train)), false);
      const results = await pool.done;
      // Every epoch's scores as the jobs gave them, in job order.
      scores = Object.assign({ ed: [], backprop: [] }, ...results);
      showScores();
      run = null;
      setRunning(false);
      const last = (m) => scores[m].at(-1)?.test;
      say(w('dg.done', seconds(), epochs, pct(last('ed')), pct(last('backprop'))), true);
    } catch (e) {
      if (e.job === undefined) bytes = null; // not the engine's refusal: try the download again next time
      if (mine !== run) return;
      stopWith(w(e.job === undefined ? 'dg.couldNot' : 'dg.stopped', e.message));
    }
  }

  function receive(data) {
    if (data.images) {
      images = data.images;
      labels = [...data.labels];
      drawGallery();
      return;
    }
    const { method, epoch, loss, train, test } = data;
    scores[method].push({ epoch, loss, train, test });
    ms[method].push(data.ms);
    confusion[method] = [...data.confusion];
    recorded[method] = data.outputs;
    drawMatrices();
    pad.load(method, data.weights, epoch, epochs);
    if (data.guesses) {
      guesses = [...data.guesses];
      maps = data.fields;
      drawGallery();
      drawFields();
    }
    bar.value = scores.ed.length + scores.backprop.length;
    showScores();
    say(
      w('dg.progressLine', NAMES[method], epoch, epochs, pct(test), `${(data.ms / 1000).toFixed(1)} s`, seconds()),
      false,
    );
  }

  function stopWith(text) {
    run?.cancel?.();
    run = null;
    setRunning(false);
    say(text, true);
  }

  runButton.addEventListener('click', start);
  runButton.disabled = false; // the page's HTML keeps it off until this code is here
  cancelButton.addEventListener('click', () => stopWith(w('dg.cancelled', seconds())));

  // Read-only, for the end-to-end tests (see test-hook.js).
  exposeForTests(
    '__edDigits',
    Object.freeze({
      get running() {
        return running;
      },
      /** How many workers the last run started. */
      get workers() {
        return workers;
      },
      scores: () => structuredClone(scores),
      epochMs: () => structuredClone(ms),
      chart: () => chart.data(),
      /** The last epoch's confusion matrices, [truth * 10 + guess] per method. */
      confusion: () => structuredClone(confusion),
      /** Gallery digit `k`: its pixels and the ten outputs each method gave it after the last epoch. */
      testDigit: (k) => ({
        pixels: [...images[k]],
        label: labels[k],
        ed: [...recorded.ed.slice(10 * k, 10 * k + 10)],
        backprop: [...recorded.backprop.slice(10 * k, 10 * k + 10)],
      }),
      pad: pad.test,
    }),
  );
}
