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
import { el, rgb } from '../../ui.js';

const SIDE = 16;
const BLOCK = 14; // pad pixels per digit pixel: 224 x 224, a whole multiple, so a painted test digit reads back exactly
const PAD = SIDE * BLOCK;
// MNIST's strokes are about 2.5 of its 28 pixels wide, centred in a 20-pixel box.
const PEN = Math.round((PAD * 2.5) / 28);
const METHODS = ['ed', 'backprop'];

/** The pad in `box` (the card's #dg-pad-box); `names`: each method's name as shown. */
export function digitsPad(box, { theme, w, names }) {
  const $ = (id) => box.querySelector(`#${id}`);
  const canvas = $('dg-pad'),
    seen = $('dg-seen'),
    note = $('dg-pad-note');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const outs = Object.fromEntries(METHODS.map((m) => [m, { guess: $(`dg-guess-${m}`), bars: $(`dg-bars-${m}`) }]));
  canvas.width = canvas.height = PAD;

  // The run's latest weights per method, kept to hand a pad worker started later.
  let weights = {},
    hidden = 0,
    worker = null;
  // `version` counts changes to the ink; `asked` is the version in flight (or -1).
  let version = 0,
    asked = -1,
    shown = null,
    frame = 0;
  const waiting = []; // [version, resolve]: the tests' promises for a reading

  for (const m of METHODS) {
    outs[m].bars.replaceChildren(
      ...Array.from({ length: 10 }, (_, d) =>
        el(
          'span',
          { className: 'dg-bar' },
          el('span', { className: 'dg-fill' }),
          el('span', { className: 'dg-digit' }, String(d)),
        ),
      ),
    );
  }

  function startWorker() {
    if (worker || !hidden) return;
    worker = new Worker(new URL('./digits-pad-worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => (data.error ? fail(data.error) : show(data));
    worker.onerror = (e) => {
      e.preventDefault();
      fail(e.message || 'the pad could not start');
    };
    worker.postMessage({ hidden });
    for (const m of METHODS) if (weights[m]) worker.postMessage({ load: m, weights: weights[m] });
  }

  function fail(message) {
    asked = -1;
    note.textContent = w('dg.padError', message);
  }

  const blank = () => {
    const d = ctx.getImageData(0, 0, PAD, PAD).data;
    for (let i = 3; i < d.length; i += 4) if (d[i]) return false;
    return true;
  };

  // At most once a frame, and only with no reading in flight.
  function ask() {
    if (frame || asked >= 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (asked >= 0 || shown?.version === version || !hidden) return;
      startWorker();
      const d = ctx.getImageData(0, 0, PAD, PAD).data,
        ink = new Uint8Array(PAD * PAD);
      for (let i = 0; i < ink.length; i++) ink[i] = d[4 * i + 3];
      asked = version;
      worker.postMessage({ read: version, ink, side: PAD }, [ink.buffer]);
    });
  }

  function changed() {
    version++;
    ask();
  }

  function show(reading) {
    asked = -1;
    // A reading of ink since cleared is stale: the cleared pad stands.
    if (!(shown && shown.version > reading.version)) {
      shown = reading;
      draw();
      settle();
    }
    if (shown.version !== version) ask();
  }

  // Resolves the tests' promises whose version is now shown.
  function settle() {
    const due = waiting.filter(([v]) => shown.version >= v);
    waiting.splice(0, waiting.length, ...waiting.filter(([v]) => shown.version < v));
    for (const [, resolve] of due) resolve(now());
  }

  // What the card shows, read together (the tests take it whole).
  function now() {
    const guesses = Object.fromEntries(METHODS.map((m) => [m, outs[m].guess.textContent]));
    return {
      version: shown?.version ?? version,
      ed: shown?.ed ? [...shown.ed] : null,
      backprop: shown?.backprop ? [...shown.backprop] : null,
      pixels: shown?.pixels ? [...shown.pixels] : null,
      guesses,
      heights: Object.fromEntries(
        METHODS.map((m) => [m, [...outs[m].bars.querySelectorAll('.dg-fill')].map((f) => f.style.height)]),
      ),
    };
  }

  function draw() {
    const empty = !shown?.pixels;
    for (const m of METHODS) {
      const values = empty ? null : shown[m];
      const guess = values ? values.indexOf(Math.max(...values)) : -1;
      outs[m].guess.textContent = guess >= 0 ? String(guess) : '—';
      [...outs[m].bars.children].forEach((bar, d) => {
        bar.firstChild.style.height = values ? `${(100 * values[d]).toFixed(1)}%` : '0%';
        bar.classList.toggle('top', d === guess);
      });
      outs[m].bars.setAttribute(
        'aria-label',
        values
          ? w('dg.bars', names[m], Array.from(values, (v, d) => `${d}: ${v.toFixed(2)}`).join(', '))
          : w('dg.barsEmpty', names[m]),
      );
    }
    const sctx = seen.getContext('2d'),
      img = sctx.createImageData(SIDE, SIDE);
    const paper = rgb(theme.card),
      ink = rgb(theme.fg);
    for (let i = 0; i < SIDE * SIDE; i++) {
      const v = empty || !shown.pixels ? 0 : shown.pixels[i];
      img.data.set([...paper.map((p, c) => Math.round(p + (ink[c] - p) * v)), 255], 4 * i);
    }
    sctx.putImageData(img, 0, 0);
  }

  // Strokes: Pointer Events, so mouse, pen and finger alike; the pad captures
  // its pointer and takes no touch gestures (touch-action: none in the CSS),
  // so the page does not scroll under a finger that writes.
  let last = null;
  const at = (e) => {
    const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * (PAD / r.width), (e.clientY - r.top) * (PAD / r.height)];
  };
  function line(from, to) {
    ctx.strokeStyle = theme.fg;
    ctx.lineWidth = PEN;
    ctx.lineCap = ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(...from);
    ctx.lineTo(...to);
    ctx.stroke();
  }
  canvas.addEventListener('pointerdown', (e) => {
    if (!hidden || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    canvas.setPointerCapture(e.pointerId);
    last = at(e);
    line(last, last);
    startWorker();
    changed();
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!last || !canvas.hasPointerCapture(e.pointerId)) return;
    for (const c of e.getCoalescedEvents?.() ?? [e]) {
      const p = at(c);
      line(last, p);
      last = p;
    }
    changed();
  });
  for (const end of ['pointerup', 'pointercancel', 'lostpointercapture'])
    canvas.addEventListener(end, () => {
      last = null;
    });

  function clear() {
    ctx.clearRect(0, 0, PAD, PAD);
    // Nothing to read: the bars and guesses empty at once.
    shown = { version: ++version, pixels: null, ed: null, backprop: null };
    draw();
    settle();
  }
  $('dg-clear').addEventListener('click', clear);

  /** A test hook: test digit `pixels` (256 values, each byte / 255) painted as blocks of its grey. */
  function paint(pixels) {
    const img = ctx.createImageData(PAD, PAD),
      colour = rgb(theme.fg);
    for (let y = 0; y < PAD; y++) {
      for (let x = 0; x < PAD; x++) {
        const v = pixels[Math.floor(y / BLOCK) * SIDE + Math.floor(x / BLOCK)];
        img.data.set([...colour, Math.round(v * 255)], 4 * (y * PAD + x));
      }
    }
    ctx.putImageData(img, 0, 0);
    startWorker();
    changed();
    return version;
  }

  function retheme() {
    // The ink keeps its shape (its alpha) and takes the theme's colour.
    ctx.save();
    ctx.globalCompositeOperation = 'source-in';
    ctx.fillStyle = theme.fg;
    ctx.fillRect(0, 0, PAD, PAD);
    ctx.restore();
    draw();
  }

  draw();
  return {
    /** A new run of `units` hidden units: the old copies go, the ink stays. */
    reset(units) {
      hidden = units;
      weights = {};
      worker?.terminate();
      worker = null;
      asked = -1;
      shown = null;
      box.hidden = true;
      draw();
    },
    /** A method's weights after `epoch` of `epochs`; the pad shows once both methods have some. */
    load(method, flat, epoch, epochs) {
      weights[method] = flat;
      worker?.postMessage({ load: method, weights: flat });
      const ready = METHODS.every((m) => weights[m]);
      box.hidden = !ready;
      if (ready) {
        note.textContent = w('dg.padFrom', epoch, epochs);
        if (!blank()) changed(); // the same ink, read by the newer networks
      }
    },
    retheme,
    test: Object.freeze({
      paint,
      /** The reading for ink version `v` or later, with what the card shows. */
      reading: (v = version) =>
        shown && shown.version >= v ? Promise.resolve(now()) : new Promise((r) => waiting.push([v, r])),
      version: () => version,
      shown: now,
      pen: PEN,
      side: PAD,
    }),
  };
}
