// The decision maps' computations, shared. A map is computed progressively
// (frame/view-work.js): a draw asks for a map of the weights as they are and
// shows the last whole one, which the new one replaces a frame later (a small
// network's, the usual 48 x 48 pixels) or a few (a huge one's). One job per run
// and map ("map", "backpropMap", "unitMap"), shared by the views that show it:
// ED's class map and each output's map come from one pass.
import { progressive, unitGuess } from '../frame/view-work.js';

/** @typedef {import('./contract.js').Run} Run */

/** Which map of a run: ED's, backprop's in a race, or one unit's. @typedef {'map' | 'backpropMap' | 'unitMap'} MapKind */

/** A map asked for: its side `n` and, for a unit's map, the unit. @typedef {{ n: number, layer?: number, unit?: number }} MapAsk */

/**
 * A view drawing a map: whether it still shows `run`, and how it draws the map once whole.
 * @typedef {{ showing(run: Run): boolean, blit(): void }} MapViewer
 */

/**
 * @typedef {object} MapJob
 * @property {Set<MapViewer>} viewers the views drawing this map
 * @property {(v: MapViewer) => void} leave `v` no longer shows this map (a new
 *   run, or destroyed); once no view does, the job is dropped and forgotten, so
 *   nothing calls its run again
 * @property {(what: MapAsk, now?: number) => void} want asks for a map of
 *   `what` of the weights as they are now; `now` (ms): worked on at once for that long
 * @property {() => void} forget forgets what is shown and under way (a unit's map
 *   of another output's network)
 * @property {(what: MapAsk, output?: number) => { n: number, px: Uint8Array } | null} pixels
 *   the map's RGBA and side, if the last whole one is of `what` (`{ n }` alone: of any size)
 */

/** @type {WeakMap<Run, Partial<Record<MapKind, MapJob>>>} */
const jobs = new WeakMap();

/** @param {MapAsk | null} a @param {MapAsk | null} b */
const same = (a, b) => !!a && !!b && a.n === b.n && a.layer === b.layer && a.unit === b.unit;

/**
 * The job of `run`'s map `kind`, made by its first viewer.
 * @param {Run} run @param {MapKind} kind @returns {MapJob}
 */
export function mapJob(run, kind) {
  let ofRun = jobs.get(run);
  if (!ofRun) {
    ofRun = {};
    jobs.set(run, ofRun);
  }
  const known = ofRun[kind];
  if (known) return known;
  const runJobs = ofRun;
  /** @type {Set<MapViewer>} */
  const viewers = new Set();
  // What is asked for, under way, shown.
  /** @type {MapAsk | null} */
  let asked = null;
  /** @type {MapAsk | null} */
  let computing = null;
  /** @type {MapAsk | null} */
  let shown = null;
  const work = progressive({
    start() {
      computing = asked;
      const a = /** @type {MapAsk} */ (asked);
      return kind === 'unitMap' ? run.unitMapStart(a.n, a.layer ?? 0, a.unit ?? 0) : run.viewStart(kind, a.n);
    },
    work: (/** @type {number} */ units) => run.viewWork(kind, units),
    busy: () => run.viewBusy(kind),
    done() {
      shown = computing;
      for (const v of viewers) if (v.showing(run)) v.blit();
    },
    // Dropped once no view shows this run's map: a new run (its own jobs), a
    // race ended (backprop's view keeps its canvas but not this run), an embed
    // taken off the page. Its run may be freed by then: nothing more is asked of it.
    alive: () => [...viewers].some((v) => v.showing(run)),
    msPerUnit: unitGuess(run),
  });
  /** @type {MapJob} */
  const job = {
    viewers,
    leave(v) {
      viewers.delete(v);
      if (viewers.size) return;
      work.drop();
      delete runJobs[kind];
    },
    want(what, now) {
      const fresh = !same(what, computing);
      asked = what;
      work.want(fresh, now);
    },
    forget() {
      shown = computing = null;
    },
    pixels(what, output) {
      if (!shown || (what.layer !== undefined && !same(what, shown))) return null;
      const n = run.viewMapSize(kind);
      return n ? { n, px: run.viewMapPixels(kind, output) } : null;
    },
  };
  runJobs[kind] = job;
  return job;
}
