// The tools beside the map while the task is the reader's own points: a button
// per class (the class a click places), Remove (a tap takes the nearest point
// away, for fingers that cannot hit one exactly), Clear, Load CSV, Save CSV,
// and the count. Its own module because it is the one part of the points that
// builds markup; the set and its link form are set.js's.
import { el } from '../../ui.js';
import { filesProblem, loadFiles } from '../../app/files-module.js';
import { markEl } from '../../views/output-maps.js';
import { download } from '../files.js';
import { flat, pointsOf } from './set.js';

/** @typedef {import('./set.js').Point} Point */

/**
 * How a click on the map acts: the class it places, or removing.
 * @typedef {{ chosen: number, removing: boolean }} Mode
 */

/**
 * What the tools act on. `own`: the set (set.js `pointSet`); `mode`: shared
 * with the map's clicks; `update(next)`: the set becomes `next` (the run gets
 * it); `limit(name)`: the engine's limits; `task()`: the task in force.
 * @typedef {object} ToolsHost
 * @property {import('../types.js').Words} w
 * @property {ReturnType<typeof import('./set.js').pointSet>} own
 * @property {Mode} mode
 * @property {HTMLElement | null} canvas the map, marked while removing
 * @property {(next: Point[]) => void} update
 * @property {(text: string) => void} notify
 * @property {(name: 'grid' | 'most' | 'csvBytes') => number} limit
 * @property {() => string} task
 */

/**
 * Fills `box` with the tools. Returns `{ show() }`, which shows the mode, the
 * classes of the task in force and the count.
 * @param {HTMLElement} box
 * @param {ToolsHost} host
 */
export function pointTools(box, host) {
  const { w, own, mode } = host;
  /** @param {HTMLElement} b @param {boolean} on */
  const pressed = (b, on) => b.setAttribute('aria-pressed', String(on));
  const classButtons = [0, 1, 2].map((k) => {
    const b = el(
      'button',
      { type: 'button', className: 'point-class' },
      markEl(k),
      el('span', {}, w('points.class', k)),
    );
    b.addEventListener('click', () => {
      mode.chosen = k;
      mode.removing = false;
      show();
    });
    return b;
  });
  const group = el('div', { className: 'point-classes' }, ...classButtons);
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', w('points.classGroup'));
  const remove = el('button', { type: 'button', title: w('points.removeHelp') }, w('points.remove'));
  remove.addEventListener('click', () => {
    mode.removing = !mode.removing;
    show();
  });
  const clear = el('button', { type: 'button' }, w('points.clear'));
  clear.addEventListener('click', () => host.update([]));
  const input = /** @type {HTMLInputElement} */ (
    el('input', { type: 'file', accept: '.csv,text/csv,text/plain', id: 'points-load' })
  );
  const load = el('label', { className: 'button' }, el('span', {}, w('points.load')), input);
  input.addEventListener('change', () => loadCsv(input, host));
  const save = /** @type {HTMLButtonElement} */ (el('button', { type: 'button', id: 'points-save' }, w('points.save')));
  save.addEventListener('click', () => saveCsv(host));
  const count = el('p', { className: 'points-count' });
  count.setAttribute('aria-live', 'polite');
  box.replaceChildren(
    el('div', { className: 'points-row' }, group, remove, clear),
    el('div', { className: 'points-row' }, load, save),
    count,
  );
  function show() {
    const classes = own.classes();
    classButtons.forEach((b, k) => {
      b.hidden = k >= classes;
      pressed(b, !mode.removing && k === Math.min(mode.chosen, classes - 1));
    });
    pressed(remove, mode.removing);
    host.canvas?.classList.toggle('removing', mode.removing);
    const n = own.active().length;
    count.textContent =
      n === 0
        ? w('points.none')
        : n > own.linkMax()
          ? w('points.overLink', w.int(n), own.linkMax())
          : w('points.count', w.int(n));
    save.disabled = n === 0;
  }
  return { show };
}

/**
 * Saves the set in force as a CSV file (written by the files module), or tells why not.
 * @param {ToolsHost} host
 */
async function saveCsv({ w, own, notify, task }) {
  const name = `ed-points-${task()}.csv`,
    points = flat(own.active());
  try {
    download(name, (await loadFiles()).pointsToCsv(points), 'text/csv');
  } catch (e) {
    notify(w('files.saveFailed', filesProblem(e, w)));
  }
}

/**
 * Reads the CSV file chosen in `input` into the set, or tells why not. Only
 * what the engine would read is read: a larger file is refused by its size.
 * @param {HTMLInputElement} input
 * @param {ToolsHost} host
 */
async function loadCsv(input, { w, own, update, notify, limit }) {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  const bytes = new Uint8Array(await file.slice(0, limit('csvBytes') + 1).arrayBuffer());
  /** @type {import('./set.js').ReadPoints} */
  let read;
  try {
    read = (await loadFiles()).pointsFromCsv(bytes, own.classes());
  } catch (e) {
    notify(w('points.loadFailed', file.name, filesProblem(e, w)));
    return;
  }
  if (read.error) {
    notify(w('points.loadFailed', file.name, w.pick(read.error)));
    return;
  }
  const next = pointsOf(read.points ?? []);
  update(next);
  notify(w('points.loaded', file.name, w.int(next.length)));
}
