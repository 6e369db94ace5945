// The "Handwritten digits" card: ED and backprop learn 16 x 16 digits in Web
// Workers (one each when the pool has two, else an epoch of each in turn), and
// the card shows the share of unseen digits each gets right, which digits each
// mixes up (a confusion matrix), a pad to write a digit of one's own on
// (digits-pad.js), ED's guesses on a few test digits, and what ED's hidden
// units look for (digits-results.js). The digits (dist/data/digits.bin,
// written by `ed digits --export`) are fetched when the reader first starts,
// not with the page. This file runs the runs.
import { exposeForTests } from '../../app/test-hook.js';
import { wordsAt } from '../../words/index.js';
import { runPool, poolSize } from '../../frame/worker-pool.js';
import { digitsPad } from './digits-pad.js';
import { digitsResults, pct } from './digits-results.js';
import { METHODS } from './methods.js';

/** @typedef {import('../../views/contract.js').Theme} Theme */
/** @typedef {import('../../words/index.js').Words} Words */
/** @typedef {import('./digits-worker.js').DigitsJob} DigitsJob */
/** @typedef {import('./digits-worker.js').DigitsProgress} DigitsProgress */
/** @typedef {import('./digits-worker.js').DigitsResult} DigitsResult */

const SHOW = 20; // test digits in the gallery
const SEED = 1; // as `ed digits` by default, so the CLI gives the same numbers

/**
 * The card's form: its fields and buttons, its progress bar and status line.
 * Its own function, so the panel below reads as the run it drives.
 * @param {HTMLElement} card
 */
function digitsForm(card) {
  /** @param {string} id */
  const $ = (id) => card.querySelector(`#${id}`);
  /** @param {string} id */
  const field = (id) => /** @type {HTMLInputElement} */ ($(id));
  const fields = {
    epochs: field('dg-epochs'),
    train: field('dg-train'),
    test: field('dg-test'),
    hidden: field('dg-hidden'),
  };
  const runButton = /** @type {HTMLButtonElement} */ ($('dg-run')),
    cancelButton = /** @type {HTMLButtonElement} */ ($('dg-cancel')),
    status = /** @type {HTMLElement} */ ($('dg-status'));
  return {
    runButton,
    cancelButton,
    bar: /** @type {HTMLProgressElement} */ ($('dg-progress')),
    /** Heard when it settles, not with every epoch while the bar moves. @param {string} text @param {boolean} final */
    say(text, final) {
      status.setAttribute('aria-live', final ? 'polite' : 'off');
      status.textContent = text;
    },
    /** The buttons and fields while a run is (or is not) under way. @param {boolean} on */
    lock(on) {
      runButton.disabled = on;
      cancelButton.disabled = !on;
      for (const f of Object.values(fields)) f.disabled = on;
    },
    /** The run asked for: its epochs, and the engine's options. */
    read() {
      const v = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, Number(f.value)]));
      return { epochs: v.epochs, options: { hidden: v.hidden, train: v.train, test: v.test, seed: SEED } };
    },
  };
}

/**
 * The digits' file, fetched once when first asked for (again after a failure).
 * @param {Words} w
 */
function digitsFile(w) {
  /** @type {Promise<ArrayBuffer> | null} */
  let bytes = null;
  return {
    get() {
      bytes ??= fetch(new URL('../../../data/digits.bin', import.meta.url)).then((r) => {
        if (!r.ok) throw new Error(w('dg.httpError', r.status));
        return r.arrayBuffer();
      });
      return bytes;
    },
    /** Not the engine's refusal: try the download again next time. */
    forget() {
      bytes = null;
    },
  };
}

/**
 * Starts the panel in `card` (a missing card is no panel); its runs use up to
 * `poolSize(search)` workers, `search` being the page's link as opened.
 * @param {HTMLElement | null} card
 * @param {Theme} theme
 * @param {(redraw: () => void) => void} onTheme
 * @param {string} [search]
 */
export function digitsPanel(card, theme, onTheme, search = location.search) {
  const maxWorkers = poolSize(search);
  if (!card) return;
  const w = wordsAt(card); // the language of the page the card is in
  const int = w.int;
  const NAMES = { ed: 'ED', backprop: w('dg.bpName') };
  const form = digitsForm(card),
    say = form.say;
  const results = digitsResults(card, { w, theme });
  const padBox = /** @type {HTMLElement} */ (card.querySelector('#dg-pad-box'));
  const pad = digitsPad(padBox, { theme, w, names: { ed: 'ED', backprop: w('dg.bp') } });
  const file = digitsFile(w);
  onTheme(() => {
    results.retheme();
    pad.retheme();
  });

  // `run`: the run under way (its pool once the digits are in), so that a
  // cancelled one, still loading, knows it was.
  /** @type {{ cancel?: () => void } | null} */
  let run = null;
  let workers = 0,
    running = false,
    started = 0,
    epochs = 0;
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  /** @param {boolean} on */
  function setRunning(on) {
    running = on;
    form.lock(on);
  }

  async function start() {
    const { epochs: n, options } = form.read();
    epochs = n;
    results.clear();
    pad.reset(options.hidden);
    started = performance.now();
    form.bar.max = 2 * epochs;
    form.bar.value = 0;
    setRunning(true);
    say(w('dg.loading'), false);
    /** @type {{ cancel?: () => void }} */
    const mine = {};
    run = mine;
    try {
      const data = await file.get();
      if (mine !== run) return; // cancelled while they loaded
      // ED and backprop learn apart, so two workers take one each; one worker
      // trains an epoch of each in turn, so both curves still grow together.
      const size = maxWorkers;
      /** @type {Omit<DigitsJob, 'methods'>} */
      const job = { bytes: data, options, epochs, show: SHOW };
      const groups = size >= 2 ? METHODS.map((m) => [m]) : [METHODS];
      const pool = runPool(
        new URL('./digits-worker.js', import.meta.url),
        groups.map((methods) => ({ ...job, methods })),
        { size, onProgress: (_, /** @type {DigitsProgress} */ progress) => receive(progress) },
      );
      mine.cancel = pool.cancel;
      workers = pool.workers;
      say(w('dg.learning', int(options.train)), false);
      results.final(/** @type {DigitsResult[]} */ (await pool.done));
      run = null;
      setRunning(false);
      const last = (/** @type {import('./methods.js').DigitsMethod} */ m) => pct(results.lastTest(m) ?? NaN);
      say(w('dg.done', seconds(), epochs, last('ed'), last('backprop')), true);
    } catch (caught) {
      const e = /** @type {Error & { job?: number }} */ (caught);
      if (e.job === undefined) file.forget();
      if (mine !== run) return;
      stopWith(w(e.job === undefined ? 'dg.couldNot' : 'dg.stopped', e.message));
    }
  }

  /** A worker's report: the gallery's digits once, then each epoch. @param {DigitsProgress} data */
  function receive(data) {
    if ('images' in data) {
      results.gallery(data);
      return;
    }
    results.epoch(data);
    pad.load(data.method, data.weights, data.epoch, epochs);
    form.bar.value = results.count();
    const { method, epoch, test, ms } = data;
    say(w('dg.progressLine', NAMES[method], epoch, epochs, pct(test), `${(ms / 1000).toFixed(1)} s`, seconds()), false);
  }

  /** @param {string} text */
  function stopWith(text) {
    run?.cancel?.();
    run = null;
    setRunning(false);
    say(text, true);
  }

  form.runButton.addEventListener('click', start);
  form.runButton.disabled = false; // the page's HTML keeps it off until this code is here
  form.cancelButton.addEventListener('click', () => stopWith(w('dg.cancelled', seconds())));

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
      ...results.test,
      pad: pad.test,
    }),
  );
}
