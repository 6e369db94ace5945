// The digits card's drawing pad: the reader writes a digit with a mouse, pen or
// finger, and ED's and backprop's ten outputs and guesses follow the strokes.
//
// Where the work happens: the page's thread only draws the strokes and, at most
// once a frame, copies the pad's ink (one byte a pixel, its alpha) to the pad's
// worker (digits-pad-worker.js). That worker holds copies of the run's networks,
// handed over after each epoch (a few MB, once every few seconds), shrinks the
// ink to 16 x 16 in the engine (src/task/handwriting.rs, the training digits'
// own reduction) and runs both methods. So a reading never waits on a run's
// epoch, which takes seconds in the run's own workers, and the page's frames
// never wait on a reading. One reading is in flight at a time; strokes drawn
// meanwhile are read together next, so a slow machine skips states, never lags.
//
// This file keeps the readings in step with the ink; the strokes are
// digits-pad-ink.js, the bars and guesses digits-pad-outputs.js.
import { PAD, PEN, padInk } from './digits-pad-ink.js';
import { padOutputs } from './digits-pad-outputs.js';
import { METHODS } from './methods.js';

/** @typedef {import('../../views/contract.js').Theme} Theme */
/** @typedef {import('../../words/index.js').Words} Words */
/** @typedef {import('./methods.js').DigitsMethod} DigitsMethod */
/** @typedef {import('./digits-pad-outputs.js').PadShown} PadShown */
/** @typedef {import('./digits-pad-worker.js').PadReading} PadReading */
/** @typedef {import('./digits-pad-worker.js').PadMessage} PadMessage */
/**
 * What the card shows, read together (the tests take it whole): the reading on
 * show (or the ink's version, before one), the bars' heights and the guesses.
 * @typedef {{ version: number, ed: number[] | null, backprop: number[] | null, pixels: number[] | null,
 *   guesses: Record<string, string | null>, heights: Record<string, string[]> }} PadNow
 */

/**
 * The pad's worker, from the page's side: it keeps the run's latest weights per
 * method, to hand a worker started later. Its own function, so the pad below
 * reads as the readings it keeps in step.
 * @param {{ onReading: (reading: PadReading) => void, onError: (message: string) => void }} handlers
 */
function padWorker({ onReading, onError }) {
  /** @type {Partial<Record<DigitsMethod, Float64Array>>} */
  let weights = {};
  let hidden = 0;
  /** @type {Worker | null} */
  let worker = null;
  /** @param {PadMessage} message @param {Transferable[]} [transfer] */
  const post = (message, transfer = []) => worker?.postMessage(message, transfer);
  return {
    /** The hidden units of the run's networks (0 before a run). */
    units: () => hidden,
    /** Whether both methods have weights to read with. */
    ready: () => METHODS.every((m) => weights[m]),
    /** Starts the worker, when there are networks and none runs yet. */
    start() {
      if (worker || !hidden) return;
      worker = new Worker(new URL('./digits-pad-worker.js', import.meta.url), { type: 'module' });
      worker.onmessage = ({ data }) => (data.error ? onError(data.error) : onReading(data));
      worker.onerror = (e) => {
        e.preventDefault();
        onError(e.message || 'the pad could not start');
      };
      post({ hidden });
      for (const m of METHODS) {
        const flat = weights[m];
        if (flat) post({ load: m, weights: flat });
      }
    },
    /** A new run of `units` hidden units: the old copies and their worker go. @param {number} units */
    reset(units) {
      hidden = units;
      weights = {};
      worker?.terminate();
      worker = null;
    },
    /** A method's weights after an epoch. @param {DigitsMethod} method @param {Float64Array} flat */
    load(method, flat) {
      weights[method] = flat;
      post({ load: method, weights: flat });
    },
    /** Asks for a reading of `ink`, as ink version `version`. @param {number} version @param {Uint8Array} ink */
    read(version, ink) {
      post({ read: version, ink, side: PAD }, [ink.buffer]);
    },
  };
}

/**
 * What the pad shows now, copied for the tests: the reading shown (or the ink's
 * version, none yet) and the bars and guesses.
 * @param {PadShown | null} shown @param {number} version @param {{ read(): any }} outputs
 * @returns {PadNow}
 */
function padNow(shown, version, outputs) {
  return {
    version: shown?.version ?? version,
    ed: shown?.ed ? [...shown.ed] : null,
    backprop: shown?.backprop ? [...shown.backprop] : null,
    pixels: shown?.pixels ? [...shown.pixels] : null,
    ...outputs.read(),
  };
}

/** The tests' promises for a reading of an ink version, kept until one as new is shown. */
function readingWaiters() {
  /** @type {Array<[number, (now: PadNow) => void]>} [version, resolve] */
  let waiting = [];
  return {
    /** @param {number} version @param {(now: PadNow) => void} resolve */
    add(version, resolve) {
      waiting.push([version, resolve]);
    },
    /** Resolves those for ink version `at` or earlier with `now()`. @param {number} at @param {() => PadNow} now */
    settle(at, now) {
      const due = waiting.filter(([v]) => at >= v);
      waiting = waiting.filter(([v]) => at < v);
      for (const [, resolve] of due) resolve(now());
    },
  };
}

/**
 * The pad in `box` (the card's #dg-pad-box); `names`: each method's name as shown.
 * @param {HTMLElement} box
 * @param {{ theme: Theme, w: Words, names: Record<DigitsMethod, string> }} options
 */
export function digitsPad(box, { theme, w, names }) {
  const note = /** @type {HTMLElement} */ (box.querySelector('#dg-pad-note'));
  const outputs = padOutputs(box, { theme, w, names });
  const networks = padWorker({ onReading: show, onError: fail });
  const ink = padInk(/** @type {HTMLCanvasElement} */ (box.querySelector('#dg-pad')), {
    theme,
    canWrite: () => networks.units() > 0,
    changed: () => {
      networks.start();
      changed();
    },
  });

  // `version` counts changes to the ink; `asked` is the version in flight (or -1).
  let version = 0,
    asked = -1,
    frame = 0;
  /** @type {PadShown | null} */
  let shown = null;
  const waiting = readingWaiters();

  /** @param {string} message */
  function fail(message) {
    asked = -1;
    note.textContent = w('dg.padError', message);
  }

  // At most once a frame, and only with no reading in flight.
  function ask() {
    if (frame || asked >= 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (asked >= 0 || shown?.version === version || !networks.units()) return;
      networks.start();
      asked = version;
      networks.read(version, ink.alpha());
    });
  }

  function changed() {
    version++;
    ask();
  }

  /** @param {PadReading} reading */
  function show(reading) {
    asked = -1;
    // A reading of ink since cleared is stale: the cleared pad stands.
    if (!(shown && shown.version > reading.version)) {
      shown = reading;
      outputs.draw(shown);
      settle(shown.version);
    }
    if (shown.version !== version) ask();
  }

  /** Resolves the tests' promises for ink version `at` or earlier, now shown. @param {number} at */
  const settle = (at) => waiting.settle(at, now);

  const now = () => padNow(shown, version, outputs);

  /** @type {HTMLButtonElement} */ (box.querySelector('#dg-clear')).addEventListener('click', () => {
    ink.clear();
    // Nothing to read: the bars and guesses empty at once.
    shown = { version: ++version, pixels: null, ed: null, backprop: null };
    outputs.draw(shown);
    settle(shown.version);
  });

  outputs.draw(shown);
  return {
    /** A new run of `units` hidden units: the old copies go, the ink stays. @param {number} units */
    reset(units) {
      networks.reset(units);
      asked = -1;
      shown = null;
      box.hidden = true;
      outputs.draw(shown);
    },
    /**
     * A method's weights after `epoch` of `epochs`; the pad shows once both methods have some.
     * @param {DigitsMethod} method
     * @param {Float64Array} flat
     * @param {number} epoch
     * @param {number} epochs
     */
    load(method, flat, epoch, epochs) {
      networks.load(method, flat);
      const ready = networks.ready();
      box.hidden = !ready;
      if (ready) {
        note.textContent = w('dg.padFrom', epoch, epochs);
        if (!ink.blank()) changed(); // the same ink, read by the newer networks
      }
    },
    retheme() {
      ink.retheme();
      outputs.draw(shown);
    },
    test: Object.freeze({
      /** Paints test digit `pixels` (256 values, each byte / 255); returns the ink's version. @param {ArrayLike<number>} pixels */
      paint(pixels) {
        ink.paint(pixels);
        return version;
      },
      /** The reading for ink version `v` or later, with what the card shows. @param {number} [v] */
      reading: (v = version) =>
        shown && shown.version >= v
          ? Promise.resolve(now())
          : new Promise((resolve) => {
              waiting.add(v, resolve);
            }),
      version: () => version,
      shown: now,
      pen: PEN,
      side: PAD,
    }),
  };
}
