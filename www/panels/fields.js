// The parameter fields, each built from its entry in the engine's parameter
// table (`paramSchema()`, see state.js): its label, options, limits and help
// text all come from there, so none of them is written in HTML or JS. How a
// field shows its value and hands on what a reader enters is controls.js's job.
// A field speaks the language of the root it is built for (`at`, a node in it:
// built detached, it cannot find its own yet).
import { el } from '../ui.js';
import { iconElement } from '../icons.js';
import { schema, isPlaneTask } from '../app/state.js';
import { wordsAt } from '../words/index.js';

/** @typedef {import('./types.js').ParamEntry} ParamEntry */

/** The control a field belongs to (an element's `controls` attribute names it):
 * a rule's own parameters come and go with the rule's select.
 * @param {ParamEntry} entry @returns {string} */
export const controlOf = (entry) => (entry.rule ? 'rule' : entry.name);

// A text or number box's keyboard on a phone.
/** @type {Record<string, string>} */
const INPUT_MODE = { number: 'decimal', whole: 'numeric', layers: 'numeric' };

/** The field of `entry` (label, input, and what goes with it), or null for a
 * parameter with no control (bits, paused, changes, points: the link's alone),
 * in the language of the root `at` is in (the page's when none is given).
 * @param {ParamEntry} entry
 * @param {Node} [at]
 * @returns {HTMLElement | null} */
export function field(entry, at = document) {
  const { name, control } = entry;
  if (!control || control === 'none') return null;
  const w = wordsAt(at);
  const label = w.pick(entry.label),
    help = entry.help && w.pick(entry.help);
  // The caption names its control alone (the help under it is a description, not the name).
  const caption = el('label', { htmlFor: name }, label);
  if (entry.ruleLabel) caption.id = `${name}-name`; // its words change with the rule (controls.js)
  /** @type {HTMLElement} */
  let box;
  if (control === 'select') {
    const select = /** @type {HTMLSelectElement} */ (el('select', { id: name }));
    for (const o of entry.options ?? []) if (o.menu !== false) select.add(new Option(w.pick(o.label), o.value));
    box = el('div', {}, caption, select);
  } else if (control === 'text' || control === 'seed') {
    const input = el('input', { id: name, autocomplete: 'off' });
    if (control === 'seed') Object.assign(input, { type: 'number', min: entry.min ?? 0, step: 1 });
    else Object.assign(input, { type: 'text', inputMode: INPUT_MODE[entry.kind] ?? 'text', spellcheck: false });
    if (control === 'seed') {
      const dice = el(
        'button',
        { id: 'random-seed', type: 'button', className: 'icon small', title: w('settings.random-seed') },
        iconElement('dice'),
      );
      dice.setAttribute('aria-label', w('settings.random-seed'));
      box = el('div', {}, caption, el('span', { className: 'joined' }, input, dice));
    } else {
      box = el('div', {}, caption, input);
    }
  } else if (control === 'slider') {
    // A slider over listed steps (the speed) moves by index; the others by value.
    const input = el('input', { id: name, type: 'range' });
    Object.assign(
      input,
      entry.steps
        ? { min: 0, max: entry.steps.length - 1, step: 1 }
        : { min: entry.min, max: entry.max, step: entry.step },
    );
    input.setAttribute('aria-describedby', `${name}-out`);
    box = el('div', {}, caption, input, el('span', { id: `${name}-out` }));
  } else if (control === 'check') {
    box = el('div', {}, el('label', {}, el('input', { id: name, type: 'checkbox' }), el('span', {}, label)));
  } else {
    return null; // a control this page does not know yet
  }
  box.classList.add('field', control, `field-${name}`);
  // Every branch above put its input (or select) in the box.
  const input = /** @type {HTMLInputElement | HTMLSelectElement} */ (box.querySelector('input, select'));
  input.dataset.label = label;
  if (help) {
    // A hover shows it on a desktop; the hint, under the field, for every reader
    // (helpButton shows the hints), and for a screen reader always.
    input.title = help;
    const hint = el('small', { id: `${name}-hint`, className: 'hint', hidden: true }, help);
    box.append(hint);
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), hint.id].filter(Boolean).join(' '));
  }
  box.dataset.control = controlOf(entry);
  if (entry.rule) box.dataset.rule = entry.rule;
  if (entry.plane) box.dataset.plane = '';
  return box;
}

/** Hides the fields that do not apply to `state` (another rule's, the plane's
 * off a plane), as controls.js will, so that none appears or vanishes once the
 * page has been drawn. Without a state, only the rules' own start hidden.
 * @param {HTMLElement} box @param {ParamEntry} entry @param {import('./types.js').PageState} [state] */
function applies(box, entry, state) {
  if (entry.rule) box.hidden = entry.rule !== state?.rule;
  else if (entry.plane && state) box.hidden = !isPlaneTask(state.task);
  return box;
}

/** Every field whose control `wanted(name)` accepts, in the table's order,
 * shown or hidden as `state` (if given) wants them, in the language of the
 * root `at` is in (the page's when none is given).
 * @param {(control: string) => boolean} [wanted]
 * @param {import('./types.js').PageState} [state]
 * @param {Node} [at]
 * @returns {HTMLElement[]} */
export const fields = (wanted = () => true, state = undefined, at = document) =>
  schema()
    .filter((/** @type {ParamEntry} */ e) => wanted(controlOf(e)))
    .map((/** @type {ParamEntry} */ e) => {
      const box = field(e, at);
      return box && applies(box, e, state);
    })
    .filter((/** @type {HTMLElement | null} */ box) => box !== null);

/** A button that shows or hides every field's help under it, in `scope`
 * (and in its root's language).
 * @param {HTMLElement} scope */
export function helpButton(scope) {
  const w = wordsAt(scope),
    HELP = { show: w('settings.help-show'), hide: w('settings.help-hide') };
  const button = el('button', { type: 'button', className: 'help-toggle' }, HELP.show);
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    for (const hint of scope.querySelectorAll('.hint')) if (hint instanceof HTMLElement) hint.hidden = !open;
    scope.classList.toggle('helping', open);
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? HELP.hide : HELP.show;
  });
  return button;
}
