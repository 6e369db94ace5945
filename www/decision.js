// A decision map: a network's output over the input square, computed in wasm as
// RGBA and blitted here, with the points on top coloured by target: training
// points filled, test points (a 2-D task's held-out share) as rings. `source`
// picks the map: ED's (the default), backprop's in a race, one output's or one
// unit's; `maxPoints` leaves the points off a small map when there are more.
//
// The map is computed progressively (view-work.js): a draw asks for a map of
// the weights as they are and shows the last whole one, which the new one
// replaces a frame later (a small network's, the usual 48 x 48 pixels) or a few
// (a huge one's); a new run's first map is drawn at once if it is small.
// ED's class map and each output's map come from one pass, shared by the views
// that show them.
import { fitCanvas } from './ui.js';
import { timedView } from './view-timer.js';
import { progressive, unitGuess } from './view-work.js';

const PAD = 16; // room for the points on the corners and the axis names
const GREEN = '#2ca02c'; // the third class, as the engine paints it
const FIRST_MAP_MS = 3; // a new run's first map, computed at once if it takes no longer

// One job per run and map ("map", "backpropMap", "unitMap"), shared by its views.
const jobs = new WeakMap();

function mapJob(pg, view) {
  let ofRun = jobs.get(pg);
  if (!ofRun) jobs.set(pg, (ofRun = {}));
  if (ofRun[view]) return ofRun[view];
  const viewers = new Set(); // the views drawing this map
  let asked = null, computing = null, shown = null; // what is asked for, under way, shown: { n, layer, unit }
  const same = (a, b) => a && b && a.n === b.n && a.layer === b.layer && a.unit === b.unit;
  const work = progressive({
    start() {
      computing = asked;
      return view === 'unitMap' ? pg.unitMapStart(asked.n, asked.layer, asked.unit) : pg.viewStart(view, asked.n);
    },
    work: (units) => pg.viewWork(view, units),
    busy: () => pg.viewBusy(view),
    done() { shown = computing; viewers.forEach((v) => v.showing(pg) && v.blit()); },
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
    forget() { shown = computing = null; },
    /** The map's RGBA and side, if the last whole one is of `what` ({ n } alone: of any size). */
    pixels(what, output) {
      if (!shown || (what.layer !== undefined && !same(what, shown))) return null;
      const n = pg.viewMapSize(view);
      return n ? { n, px: pg.viewMapPixels(view, output) } : null;
    },
  });
}

/**
 * `source`: `{ view, output, unit() }`: the map ("map", "backpropMap",
 * "unitMap"), for "map" optionally one output alone, for "unitMap" a function
 * giving the [layer, unit] to show (null: none).
 */
export function decisionView(canvas, theme, source = { view: 'map' }, { maxPoints = Infinity, name = canvas.id } = {}) {
  let pg = null, n = 48, points = null, job = null;
  const off = document.createElement('canvas');
  const size = fitCanvas(canvas, () => blit());
  const self = { showing: (p) => p === pg && canvas.isConnected, blit: () => blit() };

  // [inputs, targets] of a set, laid out for drawing once per run.
  function pointsOf(p) {
    const outputs = p.outputCount, sets = [[p.patternInputs(), p.patternTargets(), false], [p.testInputs(), p.testTargets(), true]];
    const all = [];
    for (const [X, T, test] of sets) {
      const count = T.length / outputs, k = X.length / Math.max(1, count);
      if (!count || k !== 2) continue; // points only where the square is the whole input
      for (let i = 0; i < count; i++) {
        const t = T.subarray ? T.subarray(i * outputs, (i + 1) * outputs) : T.slice(i * outputs, (i + 1) * outputs);
        const cls = outputs > 1 ? t.indexOf(Math.max(...t)) : t[0] >= 0.5 ? 1 : 0;
        all.push({ x: X[i * 2], y: X[i * 2 + 1], cls, test });
      }
    }
    return all;
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
    const pad = Math.max(PAD, theme.label + 4), side = Math.min(w, h) - 2 * pad, x0 = (w - side) / 2, y0 = pad / 2;
    if (map) {
      const { n: m, px } = map;
      if (off.width !== m) off.width = off.height = m; // resizing clears and reallocates
      off.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(px.buffer, px.byteOffset, px.length), m, m), 0, 0);
      // Pixel centres sit on the inputs 0 .. 1, so the image overhangs by half a pixel.
      const half = side / (2 * (m - 1));
      ctx.save();
      ctx.beginPath(); ctx.rect(x0, y0, side, side); ctx.clip();
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(off, x0 - half, y0 - half, side + 2 * half, side + 2 * half);
      ctx.restore();
    }
    ctx.strokeStyle = theme.line; ctx.lineWidth = 1; ctx.strokeRect(x0 + 0.5, y0 + 0.5, side - 1, side - 1);
    const colours = [theme.neg, theme.pos, GREEN];
    const r = points.length > 16 ? Math.max(2.5, side / 80) : 6.5;
    for (const p of points) {
      ctx.beginPath();
      ctx.arc(x0 + p.x * side, y0 + (1 - p.y) * side, r, 0, 7);
      if (p.test) {
        ctx.lineWidth = 1.5; ctx.strokeStyle = colours[p.cls]; ctx.stroke();
      } else {
        ctx.fillStyle = colours[p.cls]; ctx.fill();
        ctx.lineWidth = r > 4 ? 2 : 1; ctx.strokeStyle = theme.card; ctx.stroke();
      }
    }
    ctx.fillStyle = theme.muted; ctx.font = `${theme.label}px system-ui, sans-serif`; ctx.textAlign = 'center';
    ctx.fillText('x0 →', x0 + side / 2, y0 + side + theme.label + 1);
    ctx.save(); ctx.translate(x0 - 6, y0 + side / 2); ctx.rotate(-Math.PI / 2); ctx.fillText('x1 →', 0, 0); ctx.restore();
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
      for (let l = 0; l < p.layerCount(); l++) { const [s, u] = p.layerShape(l); cost += s * u; }
      // About 250,000 multiply-adds per map (48 x 48 for 4-8-8-1); a bigger
      // network's map is smaller, down to 12 x 12, and computed over several frames.
      n = Math.max(12, Math.min(48, Math.round(Math.sqrt(250000 / (cost * p.outputCount)))));
      draw(FIRST_MAP_MS);
    },
    draw: timedView(name, () => draw()),
    /** Lets go of the canvas and the run: no observer or queued pass calls it again. */
    destroy() {
      size.release();
      job?.leave(self);
      job = null; pg = null; points = null;
    },
  };
}
