// The reader's own points (the tasks `points` and `points3`): a click or tap on
// the decision map places a point of the chosen class there, a click right on a
// point (or any tap near one in Remove mode) takes it away, Clear empties the
// set; a CSV file loads a set and Save CSV writes it. The engine reads and
// writes the CSV and the link's form (src/task/own), so the CLI and the page
// agree on both. Points lie on the engine's grid of 0.001 over the plane, so
// the link, the file and the run hold the very same numbers.
//
// Training goes on while points are placed: the run gets the new set between
// two epochs with its weights and epoch count kept (Session::set_points), so
// the reader watches the boundary bend towards each new point instead of the
// map starting over from random weights; the loss chart goes on, its values
// from then on the new set's. Before the first epoch this is the very run a
// link with these points trains, so a link copied then replays it exactly.
//
// The set is kept by the page (points/set.js), not in the run: a new run (Reset, a new seed or
// network) gets the same points. A two-class task trains on classes 0 and 1;
// a third class's points wait, kept, for the three-class task.
//
// This module places and removes points on the map and hands the set to each
// run; the set and its link form are points/set.js's, the tools' markup
// points/tools.js's.
import { engine } from '../app/engine.js';
import { wordsAt } from '../words/index.js';
import { flat, ownClasses, pointSet } from './points/set.js';
import { pointTools } from './points/tools.js';

export { ownClasses };

/** @typedef {import('./points/set.js').Point} Point */

/**
 * The engine's grid and limits for the reader's points (src/task/own): steps
 * of the grid per unit of the plane, a set's most points, a CSV file's most bytes.
 * @typedef {{ grid: number, most: number, csvBytes: number }} Limits
 */

/** @type {Limits | null} read once the engine has loaded */
let limits = null;
/** @param {keyof Limits} name */
const limit = (name) => {
  limits ??= /** @type {Limits} */ (engine().ownPointsLimits());
  return limits[name];
};
const HIT = 8,
  TOUCH_HIT = 22; // px around a point that a click, or a Remove tap, takes

/**
 * What the points need of the page: its state (its `task` and `data`, the
 * link's form of the set, which this keeps up to date), the decision map view,
 * the run now, and whom to tell.
 * @typedef {object} PointsHost
 * @property {import('./types.js').PageState} state
 * @property {{ at(clientX: number, clientY: number): { x: number, y: number, px: number } | null }} [map]
 * @property {() => import('../views/contract.js').Run} current
 * @property {() => void} changed the run has new points (redraw, sync the link)
 * @property {import('./notices.js').Notify} notify
 */

/**
 * The set and its tools in `root` (the tools only where the root has
 * `#points-tools`). Returns `{ give(pg), list() }`.
 * @param {import('../views/contract.js').Root} root
 * @param {PointsHost} host
 */
export function ownPoints(root, { state, map, current, changed, notify }) {
  const w = wordsAt(root);
  const box = root.getElementById('points-tools');
  const canvas = root.getElementById('map');
  const own = pointSet(state, {
    overLink: (n, max) => notify(w('points.overLink', w.int(n), max), 'data'),
    // Only its own notice goes: a link's refused `data` is told under the same name.
    fitsLink: () => notify.drop('data'),
  });
  /** @type {import('./points/tools.js').Mode} */
  const mode = { chosen: 0, removing: false };

  /** Gives run `pg` the set (a new run, or the set changed).
   * @param {import('../views/contract.js').Run} pg */
  function give(pg) {
    own.fromState();
    own.toState(); // the link's set for the task in force (none off these tasks)
    if (box) box.hidden = !own.classes();
    if (!own.classes()) return;
    pg.setPoints(flat(own.active()));
    tools.show();
  }

  /** @param {Point[]} next */
  function update(next) {
    own.replace(next);
    give(current());
    changed();
  }

  /** @param {number} x @param {number} y */
  function add(x, y) {
    if (own.all().length >= limit('most')) {
      notify(w('points.full', limit('most')));
      return;
    }
    update([...own.all(), { x, y, c: Math.min(mode.chosen, own.classes() - 1) }]);
  }

  canvas?.addEventListener('click', (e) => {
    if (!own.classes() || !map) return;
    const at = map.at(e.clientX, e.clientY);
    if (!at || at.x < 0 || at.x > 1 || at.y < 0 || at.y > 1) return;
    // Inputs 0 .. 1 are the plane's -1 .. 1.
    const grid = limit('grid'),
      x = Math.round((2 * at.x - 1) * grid),
      y = Math.round((2 * at.y - 1) * grid);
    const hit = nearest(own.all(), own.classes(), { x, y }, (mode.removing ? TOUCH_HIT : HIT) / at.px);
    if (hit >= 0) update(own.all().filter((_, i) => i !== hit));
    else if (!mode.removing) add(x, y);
  });

  const tools = box
    ? pointTools(box, { w, own, mode, canvas, update, notify, limit, task: () => state.task })
    : { show() {} };

  return {
    give,
    /** The set in force, in grid steps: `[{ x, y, c }]` (for the tests). */
    list: () => own.active().map((p) => ({ ...p })),
  };
}

/**
 * The nearest shown point (of a class below `classes`) within `reach` of
 * `at`, or -1; `reach` is in inputs (0 to 1 across the map, the plane's -1 to 1,
 * so one input is two units of the plane).
 * @param {Point[]} set
 * @param {number} classes
 * @param {{ x: number, y: number }} at in grid steps
 * @param {number} reach
 */
function nearest(set, classes, { x, y }, reach) {
  let best = -1,
    dist = reach * 2 * limit('grid');
  set.forEach((p, i) => {
    if (p.c >= classes) return;
    const d = Math.hypot(p.x - x, p.y - y);
    if (d <= dist) {
      dist = d;
      best = i;
    }
  });
  return best;
}
