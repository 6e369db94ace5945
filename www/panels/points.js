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
// The set is kept here, not in the run: a new run (Reset, a new seed or
// network) gets the same points. A two-class task trains on classes 0 and 1;
// a third class's points wait, kept, for the three-class task.
import { el } from '../ui.js';
import { download } from './files.js';
import { engine } from '../app/engine.js';
import { entry } from '../app/state.js';
import { markEl } from '../views/output-maps.js';
import { wordsAt } from '../words/index.js';

// The engine's grid and limits (src/task/own), read once it has loaded.
let limits = null;
const limit = (name) => (limits ??= engine().ownPointsLimits())[name];
const HIT = 8,
  TOUCH_HIT = 22; // px around a point that a click, or a Remove tap, takes

/** The classes of a task of the reader's own points, 0 for any other task. */
export const ownClasses = (task) => ({ points: 2, points3: 3 })[task] ?? 0;

/**
 * The set and its tools in `root` (the tools only where the root has
 * `#points-tools`). `state`: the page's state (its `task` and `data`, the link's
 * form of the set, which this keeps up to date); `map`: the decision map view;
 * `current()`: the run now; `changed()`: the run has new points (redraw, sync the
 * link); `notify`.
 */
export function ownPoints(root, { state, map, current, changed, notify }) {
  const w = wordsAt(root);
  const box = root.getElementById('points-tools');
  const canvas = root.getElementById('map');
  let set = [],
    written = null,
    chosen = 0,
    removing = false;
  const classes = () => ownClasses(state.task);
  const active = () => set.filter((p) => p.c < classes());
  const flat = (list) => Int32Array.from(list.flatMap((p) => [p.x, p.y, p.c]));

  // The link's set: read again whenever the state's differs from what this wrote
  // (a link opened, an element's attribute set).
  function fromState() {
    if (state.data === written) return;
    const read = state.data ? engine().pointsFromLink(state.data) : { points: new Int32Array(0) };
    set = [];
    for (let i = 0; read.points && i < read.points.length; i += 3)
      set.push({ x: read.points[i], y: read.points[i + 1], c: read.points[i + 2] });
    written = state.data;
  }

  // The state's `data`: the set, if a link can hold it (the engine's most, 200);
  // a set that grows past that is told so once, the points staying on the page.
  let told = false;
  function toState() {
    const list = active(),
      max = linkMax();
    state.data = classes() && list.length <= max ? engine().pointsToLink(flat(list)) : '';
    written = state.data;
    if (list.length > max && !told) {
      notify(w('points.overLink', w.int(list.length), max), 'data');
      told = true;
    }
    // Only its own notice goes: a link's refused `data` is told under the same name.
    if (list.length <= max && told) {
      notify.drop('data');
      told = false;
    }
  }
  const linkMax = () => entry('data').max;

  /** Gives run `pg` the set (a new run, or the set changed). */
  function give(pg) {
    fromState();
    toState(); // the link's set for the task in force (none off these tasks)
    if (box) box.hidden = !classes();
    if (!classes()) return;
    pg.setPoints(flat(active()));
    tools.show();
  }

  function update(next) {
    set = next;
    toState();
    give(current());
    changed();
  }

  function add(x, y) {
    if (set.length >= limit('most')) {
      notify(w('points.full', limit('most')));
      return;
    }
    update([...set, { x, y, c: Math.min(chosen, classes() - 1) }]);
  }

  // The nearest shown point within `reach` px of the click, or -1.
  function nearest(x, y, px, reach) {
    let best = -1,
      dist = (reach / px) * 2 * limit('grid');
    set.forEach((p, i) => {
      if (p.c >= classes()) return;
      const d = Math.hypot(p.x - x, p.y - y);
      if (d <= dist) {
        dist = d;
        best = i;
      }
    });
    return best;
  }

  canvas?.addEventListener('click', (e) => {
    if (!classes() || !map) return;
    const at = map.at(e.clientX, e.clientY);
    if (!at || at.x < 0 || at.x > 1 || at.y < 0 || at.y > 1) return;
    // Inputs 0 .. 1 are the plane's -1 .. 1.
    const grid = limit('grid'),
      x = Math.round((2 * at.x - 1) * grid),
      y = Math.round((2 * at.y - 1) * grid);
    const hit = nearest(x, y, at.px, removing ? TOUCH_HIT : HIT);
    if (hit >= 0) update(set.filter((_, i) => i !== hit));
    else if (!removing) add(x, y);
  });

  const tools = box ? buildTools() : { show() {} };

  function buildTools() {
    const pressed = (b, on) => b.setAttribute('aria-pressed', String(on));
    const classButtons = [0, 1, 2].map((k) => {
      const b = el(
        'button',
        { type: 'button', className: 'point-class' },
        markEl(k),
        el('span', {}, w('points.class', k)),
      );
      b.addEventListener('click', () => {
        chosen = k;
        removing = false;
        show();
      });
      return b;
    });
    const group = el('div', { className: 'point-classes' }, ...classButtons);
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', w('points.classGroup'));
    const remove = el('button', { type: 'button', title: w('points.removeHelp') }, w('points.remove'));
    remove.addEventListener('click', () => {
      removing = !removing;
      show();
    });
    const clear = el('button', { type: 'button' }, w('points.clear'));
    clear.addEventListener('click', () => update([]));
    const input = el('input', { type: 'file', accept: '.csv,text/csv,text/plain', id: 'points-load' });
    const load = el('label', { className: 'button' }, el('span', {}, w('points.load')), input);
    input.addEventListener('change', async () => {
      const file = input.files[0];
      input.value = '';
      if (!file) return;
      // Only what the engine would read: a larger file is refused by its size.
      const read = engine().pointsFromCsv(
        new Uint8Array(await file.slice(0, limit('csvBytes') + 1).arrayBuffer()),
        classes(),
      );
      if (read.error) {
        notify(w('points.loadFailed', file.name, w.pick(read.error)));
        return;
      }
      const next = [];
      for (let i = 0; i < read.points.length; i += 3)
        next.push({ x: read.points[i], y: read.points[i + 1], c: read.points[i + 2] });
      update(next);
      notify(w('points.loaded', file.name, w.int(next.length)));
    });
    const save = el('button', { type: 'button', id: 'points-save' }, w('points.save'));
    save.addEventListener('click', () =>
      download(`ed-points-${state.task}.csv`, engine().pointsToCsv(flat(active())), 'text/csv'),
    );
    const count = el('p', { className: 'points-count' });
    count.setAttribute('aria-live', 'polite');
    box.replaceChildren(
      el('div', { className: 'points-row' }, group, remove, clear),
      el('div', { className: 'points-row' }, load, save),
      count,
    );
    function show() {
      classButtons.forEach((b, k) => {
        b.hidden = k >= classes();
        pressed(b, !removing && k === Math.min(chosen, classes() - 1));
      });
      pressed(remove, removing);
      canvas?.classList.toggle('removing', removing);
      const n = active().length;
      count.textContent =
        n === 0
          ? w('points.none')
          : n > linkMax()
            ? w('points.overLink', w.int(n), linkMax())
            : w('points.count', w.int(n));
      save.disabled = n === 0;
    }
    return { show };
  }

  return {
    give,
    /** The set in force, in grid steps: `[{ x, y, c }]` (for the tests). */
    list: () => active().map((p) => ({ ...p })),
  };
}
