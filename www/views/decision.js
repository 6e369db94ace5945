// A decision map: a network's output over the input square, computed in wasm as
// RGBA and blitted here, with the points on top (map-points.js). `source` picks
// the map: ED's (the default), backprop's in a race, one output's or one
// unit's; `maxPoints` leaves the points off a small map when there are more.
//
// The map is computed progressively, one job per run and map shared by the
// views that show it (map-job.js): a draw asks for a map of the weights as they
// are and shows the last whole one; a new run's first map is drawn at once if it is small.
import { fitCanvas } from '../ui.js';
import { timedView } from '../frame/view-timer.js';
import { mapJob } from './map-job.js';
import { mapPoints, paintPoints } from './map-points.js';

/** @typedef {import('./contract.js').Run} Run */
/** @typedef {import('./contract.js').Theme} Theme */
/** @typedef {import('./map-points.js').MapLayout} MapLayout */

const PAD = 16; // room for the points on the corners and the axis names
const FIRST_MAP_MS = 3; // a new run's first map, computed at once if it takes no longer

/**
 * Which map a view shows: `view` the map ("map", "backpropMap", "unitMap"), for
 * "map" optionally one `output` alone, for "unitMap" `unit()` giving the
 * [layer, unit] to show (null: none).
 * @typedef {{ view: import('./map-job.js').MapKind, output?: number, unit?: () => [number, number] | null }} MapSource
 */

/**
 * A decision map view: a View, `at(clientX, clientY)` (where a click falls:
 * `{ x, y }` in inputs, 0 to 1 across the map, y up, and `px`, the pixels of
 * one input unit; null before the first draw; the reader's own points,
 * panels/points.js) and `repoint()` (the run's points again, drawn at once).
 * @typedef {import('./contract.js').View & {
 *   at(clientX: number, clientY: number): { x: number, y: number, px: number } | null,
 *   repoint(): void }} MapView
 */

/**
 * Draws a map's RGBA (`n` x `n`) into the square at `layout`, through the
 * offscreen canvas `off`. Pixel centres sit on the inputs 0 .. 1, so the image
 * overhangs the square by half a pixel, clipped.
 * @param {CanvasRenderingContext2D} ctx @param {HTMLCanvasElement} off
 * @param {{ n: number, px: Uint8Array }} map @param {MapLayout} layout
 */
function paintMap(ctx, off, { n, px }, { x0, y0, side }) {
  if (off.width !== n) off.width = off.height = n; // resizing clears and reallocates
  const image = new ImageData(
    new Uint8ClampedArray(/** @type {ArrayBuffer} */ (px.buffer), px.byteOffset, px.length),
    n,
    n,
  );
  off.getContext('2d')?.putImageData(image, 0, 0);
  const half = side / (2 * (n - 1));
  ctx.save();
  ctx.beginPath();
  ctx.rect(x0, y0, side, side);
  ctx.clip();
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(off, x0 - half, y0 - half, side + 2 * half, side + 2 * half);
  ctx.restore();
}

/**
 * The map's frame and its axes' names.
 * @param {CanvasRenderingContext2D} ctx @param {MapLayout} layout @param {Theme} theme
 */
function paintFrame(ctx, { x0, y0, side }, theme) {
  ctx.strokeStyle = theme.line;
  ctx.lineWidth = 1;
  ctx.strokeRect(x0 + 0.5, y0 + 0.5, side - 1, side - 1);
}

/** @param {CanvasRenderingContext2D} ctx @param {MapLayout} layout @param {Theme} theme */
function paintAxes(ctx, { x0, y0, side }, theme) {
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

/**
 * The map's side in pixels for `run`: about 250,000 multiply-adds per map
 * (48 x 48 for 4-8-8-1); a bigger network's map is smaller, down to 12 x 12,
 * and computed over several frames.
 * @param {Run} run
 */
function mapSide(run) {
  let cost = 0;
  for (let l = 0; l < run.layerCount(); l++) {
    const [s, u] = run.layerShape(l);
    cost += s * u;
  }
  return Math.max(12, Math.min(48, Math.round(Math.sqrt(250000 / (cost * run.outputCount)))));
}

/**
 * A decision map on `canvas`.
 * @param {HTMLCanvasElement} canvas @param {Theme} theme @param {MapSource} [source]
 * @param {{ maxPoints?: number, name?: string }} [options]
 * @returns {MapView}
 */
export function decisionView(canvas, theme, source = { view: 'map' }, { maxPoints = Infinity, name = canvas.id } = {}) {
  /** @type {Run | null} */
  let run = null;
  let n = 48;
  /** @type {import('./map-points.js').MapPoint[]} */
  let points = [];
  /** @type {import('./map-job.js').MapJob | null} */
  let job = null;
  /** @type {MapLayout | null} */
  let layout = null;
  const off = document.createElement('canvas');
  const size = fitCanvas(canvas, () => blit());
  /** @type {import('./map-job.js').MapViewer} */
  const self = { showing: (r) => r === run && canvas.isConnected, blit: () => blit() };

  // What the view asks of its job: the map's size, and for a unit's map the unit.
  function what() {
    if (source.view !== 'unitMap') return { n };
    const unit = source.unit?.();
    return unit ? { n, layer: unit[0], unit: unit[1] } : null;
  }

  // The points of the run, none on a small map that would drown in them.
  const pointsOf = (/** @type {Run} */ r) => {
    const all = mapPoints(r, source);
    return all.length > maxPoints ? [] : all;
  };

  // Draws the last whole map (none yet: the square, empty), then the points.
  function blit() {
    const { ctx, w, h } = size();
    ctx.clearRect(0, 0, w, h);
    if (!run || !job || !w) return;
    const asked = what();
    const map = asked && job.pixels(asked, source.output);
    const pad = Math.max(PAD, theme.label + 4),
      side = Math.min(w, h) - 2 * pad;
    layout = { x0: (w - side) / 2, y0: pad / 2, side };
    if (map) paintMap(ctx, off, map, layout);
    paintFrame(ctx, layout, theme);
    paintPoints(ctx, points, layout, theme);
    paintAxes(ctx, layout, theme);
  }

  // Asks for a map of the current weights and shows the last whole one (the
  // new one itself, when it is done at once).
  function draw(now = 0) {
    if (!run || !job) return;
    const asked = what();
    if (asked) job.want(asked, now);
    blit();
  }

  return {
    reset(r) {
      job?.leave(self);
      run = r;
      job = mapJob(r, source.view);
      job.viewers.add(self);
      if (source.view === 'unitMap') job.forget(); // the same run, another output's network (network.js)
      points = pointsOf(r);
      n = mapSide(r);
      draw(FIRST_MAP_MS);
    },
    draw: timedView(name, () => draw()),
    at(clientX, clientY) {
      if (!layout) return null;
      const r = canvas.getBoundingClientRect(),
        { x0, y0, side } = layout;
      return { x: (clientX - r.left - x0) / side, y: 1 - (clientY - r.top - y0) / side, px: side };
    },
    repoint() {
      if (!run) return;
      points = pointsOf(run);
      blit();
    },
    /** Lets go of the canvas and the run: no observer or queued pass calls it again. */
    destroy() {
      size.release();
      job?.leave(self);
      job = null;
      run = null;
      points = [];
    },
  };
}

/**
 * ED's decision map, with the points on it (contract.js); the reader's own
 * points are placed through `at`.
 * @type {import('./contract.js').ViewSpec<MapView>}
 */
export const mapSpec = {
  name: 'map',
  token: 'map',
  card: 'card-output',
  jobs: [{ every: 4, phase: 2 }],
  follows: ['points'],
  make(root, ctx) {
    const canvas = root.getElementById('map');
    if (!(canvas instanceof HTMLCanvasElement)) return null;
    const view = decisionView(canvas, ctx.theme);
    return { ...view, refresh: () => view.repoint() };
  },
};

/**
 * Backprop's decision map in a race, beside ED's; shown only while the run races.
 * @param {import('./contract.js').Root} root @param {import('./contract.js').ViewContext} ctx
 * @returns {import('./contract.js').View | null}
 */
function backpropMap(root, ctx) {
  const canvas = root.getElementById('map-bp');
  if (!(canvas instanceof HTMLCanvasElement)) return null;
  const view = decisionView(canvas, ctx.theme, { view: 'backpropMap' });
  let racing = false;
  return {
    // Without a race too: it then lets go of the old run.
    reset(run) {
      racing = run.racing;
      for (const id of ['fig-map-bp', 'map-caption']) {
        const e = root.getElementById(id);
        if (e) e.hidden = !racing;
      }
      root.getElementById('card-output')?.classList.toggle('racing', racing);
      view.reset(run);
    },
    draw() {
      if (racing) view.draw();
    },
    refresh: () => view.repoint(),
    destroy: () => view.destroy(),
  };
}

/** Backprop's decision map in a race, beside ED's (contract.js). @type {import('./contract.js').ViewSpec} */
export const backpropMapSpec = {
  name: 'map-bp',
  token: 'map',
  card: 'card-output',
  jobs: [{ every: 4, phase: 0 }],
  follows: ['points'],
  make: backpropMap,
};
