// The reader's own set of points and its link form: the set is kept here, not
// in the run (a new run gets the same points), and written into the page's
// state as the link's `data=` (the engine's compact form, src/task/own) each
// time it changes; a link opened or an attribute set is read back from there.
// Its own module because both the map's clicks and the tools change the set,
// and neither should need to know how the link holds it.
import { engine } from '../../app/engine.js';
import { entry } from '../../app/state.js';

/**
 * A point, in steps of the engine's grid over the plane, and its class.
 * @typedef {{ x: number, y: number, c: number }} Point
 */

/**
 * What the engine reads back from a link's `data=` or a CSV file: the points
 * flat (`x, y, class`), or why it cannot.
 * @typedef {{ points?: Int32Array, error?: { en: string, ja: string } }} ReadPoints
 */

/** The classes of a task of the reader's own points, 0 for any other task.
 * @param {string} task */
export const ownClasses = (task) => /** @type {Record<string, number>} */ ({ points: 2, points3: 3 })[task] ?? 0;

/** A set as the engine takes it: flat `x, y, class`.
 * @param {Point[]} list */
export const flat = (list) => Int32Array.from(list.flatMap((p) => [p.x, p.y, p.c]));

/** The points of a flat list the engine gave back.
 * @param {ArrayLike<number>} flat
 * @returns {Point[]} */
export function pointsOf(flat) {
  const list = [];
  for (let i = 0; i < flat.length; i += 3) list.push({ x: flat[i], y: flat[i + 1], c: flat[i + 2] });
  return list;
}

/**
 * The set of `state` (the page's: its `task` and `data`). `overLink(n)` hears
 * that a set of `n` points outgrew what a link holds (the engine's most, 200),
 * `fitsLink()` that it fits again: the points stay on the page either way.
 * @param {import('../types.js').PageState} state
 * @param {{ overLink: (n: number, max: number) => void, fitsLink: () => void }} on
 */
export function pointSet(state, on) {
  /** @type {Point[]} */
  let set = [];
  /** @type {string | null} the link's form this last wrote or read */
  let written = null;
  let told = false; // the set is over a link's most, and was told so
  const classes = () => ownClasses(state.task);
  const linkMax = () => /** @type {number} */ (entry('data').max);

  /** The points the task in force trains on (a third class's wait for the three-class task). */
  const active = () => set.filter((p) => p.c < classes());

  // Reads the link's set again if the state's differs from what this wrote
  // (a link opened, an element's attribute set).
  function fromState() {
    if (state.data === written) return;
    const read = /** @type {ReadPoints} */ (
      state.data ? engine().pointsFromLink(state.data) : { points: new Int32Array(0) }
    );
    set = pointsOf(read.points ?? []);
    written = state.data;
  }

  // Writes the set into the state's `data`, if a link can hold it; a set that
  // grows past that is told so once.
  function toState() {
    const list = active(),
      max = linkMax();
    state.data = classes() && list.length <= max ? engine().pointsToLink(flat(list)) : '';
    written = state.data;
    if (list.length > max && !told) {
      on.overLink(list.length, max);
      told = true;
    }
    if (list.length <= max && told) {
      on.fitsLink();
      told = false;
    }
  }

  return {
    classes,
    linkMax,
    active,
    fromState,
    toState,
    /** Every point, a third class's too while the task has two. */
    all: () => set,
    /** The set becomes `next`, and the state's `data` with it.
     * @param {Point[]} next */
    replace(next) {
      set = next;
      toState();
    },
  };
}
