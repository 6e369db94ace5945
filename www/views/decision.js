// A decision map: a network's output over the input square, computed in wasm as
// RGBA and blitted here, with the points on top: coloured as the map is (by
// class, or for one output's map by that output's target, 0 orange and 1 blue),
// shaped by class (circle, triangle, square: a mark beside the colour, for
// colour-blind readers), training points filled, test points (a 2-D task's
// held-out share) hollow. A task of more than two inputs (the adder, parity) is
// mapped over its first two with the others held at 0, so the points drawn are
// those lying there. `source` picks the map: ED's (the default), backprop's in
// a race, one output's or one unit's; `maxPoints` leaves the points off a small
// map when there are more.
//
// The map is computed progressively (view-work.js): a draw asks for a map of
// the weights as they are and shows the last whole one, which the new one
// replaces a frame later (a small network's, the usual 48 x 48 pixels) or a few
// (a huge one's); a new run's first map is drawn at once if it is small.
// ED's class map and each output's map come from one pass, shared by the views
// that show them.
import { fitCanvas } from '../ui.js';
import { timedView } from '../frame/view-timer.js';
import { progressive, unitGuess } from '../frame/view-work.js';

const PAD = 16; // room for the points on the corners and the axis names
const FIRST_MAP_MS = 3; // a new run's first map, computed at once if it takes no longer

// One job per run and map ("map", "backpropMap", "unitMap"), shared by its views.
const jobs = new WeakMap();

function mapJob(pg, view) {
  let ofRun = jobs.get(pg);
  if (!ofRun) jobs.set(pg, (ofRun = {}));
  if (ofRun[view]) return ofRun[view];
  const viewers = new Set(); // the views drawing this map
  let asked = null,
    computing = null,
    shown = null; // what is asked for, under way, shown: { n, layer, unit }
  const same = (a, b) => a && b && a.n === b.n && a.layer === b.layer && a.unit === b.unit;
  const work = progressive({
    start() {
      computing = asked;
      return view === 'unitMap' ? pg.unitMapStart(asked.n, asked.layer, asked.unit) : pg.viewStart(view, asked.n);
    },
    work: (units) => pg.viewWork(view, units),
    busy: () => pg.viewBusy(view),
    done() {
      shown = computing;
      viewers.forEach((v) => v.showing(pg) && v.blit());
    },
    // Dropped once no view shows this run's map: a new run (its own jobs), a
    // race ended (backprop's view keeps its canvas but not this run), an embed
    // taken off the page. Its run may be freed by then: nothing more is asked of it.
    alive: () => [...viewers].some((v) => v.showing(pg)),
    msPerUnit: unitGuess(pg),
  });
  return (ofRun[view] = {
    viewers,
    /** `v` no longer shows this map (a new run, or destroyed); once no view
     * does, the job is dropped and forgotten, so nothing calls its run again. */
    leave(v) {
      viewers.delete(v);
      if (viewers.size) return;
      work.drop();
      delete ofRun[view];
    },
    /** Asks for a map of `what` ({ n, layer, unit }) of the weights as they are now. */
    want(what, now) {
      const fresh = !same(what, computing);
      asked = what;
      work.want(fresh, now);
    },
    /** Forgets what is shown and under way: a unit's map of another output's network. */
    forget() {
      shown = computing = null;
    },
    /** The map's RGBA and side, if the last whole one is of `what` ({ n } alone: of any size). */
    pixels(what, output) {
      if (!shown || (what.layer !== undefined && !same(what, shown))) return null;
      const n = pg.viewMapSize(view);
      return n ? { n, px: pg.viewMapPixels(view, output) } : null;
    },
  });
}

/** How many classes run `pg`'s targets are one-hot over (the 3-class spiral's
 * three); 0 when they are not classes (one output, or the adder's bits). */
export function oneHotClasses(pg) {
  const outputs = pg.outputCount,
    T = pg.patternTargets();
  if (outputs < 2) return 0;
  for (let i = 0; i < T.length; i += outputs) {
    let ones = 0;
    for (let j = i; j < i + outputs; j++) ones += T[j] >= 0.5;
    if (ones !== 1) return 0;
  }
  return outputs;
}

/** Adds a point's mark to the path: class 0 a circle, 1 a triangle, 2 a
 * square, each of about the area of a circle of radius `r` at (x, y). */
export function mark(ctx, shape, x, y, r) {
  if (shape === 1) {
    const R = 1.45 * r; // an equilateral triangle's circumradius, its centre on the point
    ctx.moveTo(x, y - R);
    ctx.lineTo(x + R * 0.866, y + R / 2);
    ctx.lineTo(x - R * 0.866, y + R / 2);
    ctx.closePath();
  } else if (shape === 2) {
    const a = 0.89 * r;
    ctx.rect(x - a, y - a, 2 * a, 2 * a);
  } else ctx.arc(x, y, r, 0, 7);
}

/**
 * `source`: `{ view, output, unit() }`: the map ("map", "backpropMap",
 * "unitMap"), for "map" optionally one output alone, for "unitMap" a function
 * giving the [layer, unit] to show (null: none).
 */
export function decisionView(canvas, theme, source = { view: 'map' }, { maxPoints = Infinity, name = canvas.id } = {}) {
  let pg = null,
    n = 48,
    points = null,
    job = null,
    layout = null;
  const off = document.createElement('canvas');
  const size = fitCanvas(canvas, () => blit());
  const self = { showing: (p) => p === pg && canvas.isConnected, blit: () => blit() };

  // The points of both sets, laid out for drawing once per run: `x`, `y`; `shape`,
  // the class (one-hot targets) or else the target the map shows; `colour`, what
  // the map shows: the class on a class map, that output's 0 or 1 on one output's.
  function pointsOf(p) {
    const outputs = p.outputCount,
      sets = [
        [p.patternInputs(), p.patternTargets(), false],
        [p.testInputs(), p.testTargets(), true],
      ];
    const rows = [];
    for (const [X, T, test] of sets) {
      const count = T.length / outputs,
        k = X.length / Math.max(1, count);
      if (!count || k < 2) continue;
      for (let i = 0; i < count; i++) {
        // The map holds the inputs past the first two at 0: only the points lying there are on it.
        if (X.slice(i * k + 2, (i + 1) * k).some((v) => v !== 0)) continue;
        rows.push({ x: X[i * k], y: X[i * k + 1], t: Array.from(T.slice(i * outputs, (i + 1) * outputs)), test });
      }
    }
    const oneHot = oneHotClasses(p) > 0;
    if (source.view === 'unitMap' && outputs > 1 && !oneHot) return []; // which output's targets would they show?
    const shown = source.output ?? 0; // the engine's map of several outputs that are not classes shows the first
    return rows.map(({ x, y, t, test }) => {
      const bit = t[shown] >= 0.5 ? 1 : 0,
        cls = oneHot ? t.indexOf(Math.max(...t)) : bit;
      return { x, y, test, shape: cls, colour: oneHot && source.output === undefined ? cls : bit };
    });
  }

  // What the view asks of its job: the map's size, and for a unit's map the unit.
  function what() {
    if (source.view !== 'unitMap') return { n };
    const unit = source.unit();
    return unit && { n, layer: unit[0], unit: unit[1] };
  }

  // Draws the last whole map (none yet: the square, empty), then the points.
  function blit() {
    const { ctx, w, h } = size();
    ctx.clearRect(0, 0, w, h);
    if (!pg || !w) return;
    const asked = what();
    const map = asked && job.pixels(asked, source.output);
    const pad = Math.max(PAD, theme.label + 4),
      side = Math.min(w, h) - 2 * pad,
      x0 = (w - side) / 2,
      y0 = pad / 2;
    layout = { x0, y0, side };
    if (map) {
      const { n: m, px } = map;
      if (off.width !== m) off.width = off.height = m; // resizing clears and reallocates
      off
        .getContext('2d')
        .putImageData(new ImageData(new Uint8ClampedArray(px.buffer, px.byteOffset, px.length), m, m), 0, 0);
      // Pixel centres sit on the inputs 0 .. 1, so the image overhangs by half a pixel.
      const half = side / (2 * (m - 1));
      ctx.save();
      ctx.beginPath();
      ctx.rect(x0, y0, side, side);
      ctx.clip();
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(off, x0 - half, y0 - half, side + 2 * half, side + 2 * half);
      ctx.restore();
    }
    ctx.strokeStyle = theme.line;
    ctx.lineWidth = 1;
    ctx.strokeRect(x0 + 0.5, y0 + 0.5, side - 1, side - 1);
    const colours = [theme.class0, theme.class1, theme.class2];
    const r = points.length > 16 ? Math.max(2.5, side / 80) : 6.5;
    for (const p of points) {
      ctx.beginPath();
      mark(ctx, p.shape, x0 + p.x * side, y0 + (1 - p.y) * side, r);
      if (p.test) {
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = colours[p.colour];
        ctx.stroke();
      } else {
        ctx.fillStyle = colours[p.colour];
        ctx.fill();
        ctx.lineWidth = r > 4 ? 2 : 1;
        ctx.strokeStyle = theme.card;
        ctx.stroke();
      }
    }
    ctx.fillStyle = theme.muted;
    ctx.font = `${theme.label}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.fillText('x0 →', x0 + side / 2, y0 + side + theme.label + 1);
    ctx.save();
    ctx.translate(x0 - 6, y0 + side / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText('x1 →', 0, 0);
    ctx.restore();
  }

  // Asks for a map of the current weights and shows the last whole one (the
  // new one itself, when it is done at once).
  function draw(now = 0) {
    if (!pg) return;
    const asked = what();
    if (asked) job.want(asked, now);
    blit();
  }

  return {
    reset(p) {
      job?.leave(self);
      pg = p;
      job = mapJob(p, source.view);
      job.viewers.add(self);
      if (source.view === 'unitMap') job.forget(); // the same run, another output's network (network.js)
      points = pointsOf(p);
      if (points.length > maxPoints) points = []; // a small map would drown in them
      let cost = 0;
      for (let l = 0; l < p.layerCount(); l++) {
        const [s, u] = p.layerShape(l);
        cost += s * u;
      }
      // About 250,000 multiply-adds per map (48 x 48 for 4-8-8-1); a bigger
      // network's map is smaller, down to 12 x 12, and computed over several frames.
      n = Math.max(12, Math.min(48, Math.round(Math.sqrt(250000 / (cost * p.outputCount)))));
      draw(FIRST_MAP_MS);
    },
    draw: timedView(name, () => draw()),
    /** Where a click at (clientX, clientY) falls: `{ x, y }` in inputs (0 to 1
     * across the map, y up) and `px`, the pixels of one input unit; null before
     * the first draw (the reader's own points, www/points.js). */
    at(clientX, clientY) {
      if (!layout) return null;
      const r = canvas.getBoundingClientRect(),
        { x0, y0, side } = layout;
      return { x: (clientX - r.left - x0) / side, y: 1 - (clientY - r.top - y0) / side, px: side };
    },
    /** The run's points again (the reader's own changed), drawn at once. */
    repoint() {
      if (!pg) return;
      points = pointsOf(pg);
      if (points.length > maxPoints) points = [];
      blit();
    },
    /** Lets go of the canvas and the run: no observer or queued pass calls it again. */
    destroy() {
      size.release();
      job?.leave(self);
      job = null;
      pg = null;
      points = null;
    },
  };
}

/**
 * ED's decision map as a view (contract.js), with the points on it; the reader's
 * own points are placed through `at`.
 * @type {import('./contract.js').ViewSpec<import('./contract.js').View & {
 *   at(clientX: number, clientY: number): { x: number, y: number, px: number } | null }>}
 */
export const mapSpec = {
  name: 'map',
  token: 'map',
  card: 'card-output',
  jobs: [{ every: 4, phase: 2 }],
  follows: ['points'],
  make(root, ctx) {
    const canvas = root.getElementById('map');
    if (!canvas) return null;
    const view = decisionView(canvas, ctx.theme);
    return { ...view, refresh: () => view.repoint() };
  },
};

/**
 * Backprop's decision map in a race, beside ED's (contract.js); shown only
 * while the run races.
 * @type {import('./contract.js').ViewSpec}
 */
export const backpropMapSpec = {
  name: 'map-bp',
  token: 'map',
  card: 'card-output',
  jobs: [{ every: 4, phase: 0 }],
  follows: ['points'],
  make(root, ctx) {
    const canvas = root.getElementById('map-bp');
    if (!canvas) return null;
    const view = decisionView(canvas, ctx.theme, { view: 'backpropMap' });
    const $ = (/** @type {string} */ id) => root.getElementById(id);
    let racing = false;
    return {
      // Without a race too: it then lets go of the old run.
      reset(run) {
        racing = run.racing;
        for (const id of ['fig-map-bp', 'map-caption']) {
          const e = $(id);
          if (e) e.hidden = !racing;
        }
        $('card-output')?.classList.toggle('racing', racing);
        view.reset(run);
      },
      draw() {
        if (racing) view.draw();
      },
      refresh: () => view.repoint(),
      destroy: () => view.destroy(),
    };
  },
};
