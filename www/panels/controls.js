// The controls: the transport buttons, the keyboard shortcuts, and the parameter
// fields (built from the engine's table by fields.js). They show the state, turn
// a reader's input into validated values (through state.parse) and hand them to
// `on`. They live in `root` (the document, or an embed's shadow root); a control
// missing from it is simply not offered.
import { parse, schema, show, isPlaneTask } from '../app/state.js';
import { fmtInt } from '../ui.js';
import { wordsAt } from '../words/index.js';

/** @typedef {import('./types.js').Words} Words */
/** @typedef {import('./types.js').ParamEntry} ParamEntry */

/**
 * What the controls hand a reader's input to. `problem` keys a field's notice
 * by its parameter's name; its `drop(name)` (notices.js) takes it away once a
 * value is accepted.
 * @typedef {object} ControlsHost
 * @property {() => void} play
 * @property {() => void} step
 * @property {() => void} reset
 * @property {(name: string, value: unknown) => void} set
 * @property {() => unknown} randomSeed
 * @property {((text: string, name?: string) => void) & { drop?: (name: string) => void }} problem
 */

/**
 * The run as the controls show it: the values in force of the parameters
 * that change live (the loss, the rate, the speed).
 * @typedef {{ playing: boolean, diverged: boolean, live: import('./types.js').PageState }} RunShown
 */

// How a slider writes its value beside it (the table's `display`), in `w`'s language.
/** @type {Record<string, (v: number, w: Words) => string>} */
const DISPLAY = {
  decimal2: (v) => v.toFixed(2),
  percent: (v) => `${Math.round(v * 100)} %`,
  'per-frame': (v, w) =>
    v < 1 ? w('settings.frames-per-epoch', Math.round(1 / v)) : w('settings.epochs-per-frame', v, fmtInt(v)),
};
/**
 * The step of a stepped slider (the speed) nearest to `v`, on a log scale.
 * @param {number[]} steps
 * @param {number} v
 */
const nearest = (steps, v) =>
  steps.reduce((b, s, i) => (Math.abs(Math.log(s / v)) < Math.abs(Math.log(steps[b] / v)) ? i : b), 0);

/**
 * The controls of `root`, handing what a reader does to `on`. `keys`: whether
 * the document's keyboard shortcuts are ours (the page's, not an embed's).
 * Returns `show(state, run)`, which reflects the state and the run.
 * @param {ControlsHost} on
 * @param {import('../views/contract.js').Root} root
 * @param {boolean} keys
 * @returns {(state: import('./types.js').PageState, run: RunShown) => void}
 */
export function controls(on, root = document, keys = true) {
  // A parameter's field is the element of its name; others are named for what they are.
  const $ = (/** @type {string} */ id) => root.getElementById(id);
  const field = (/** @type {string} */ name) => /** @type {HTMLInputElement | HTMLSelectElement} */ ($(name));
  const w = wordsAt(root);
  const written = (/** @type {ParamEntry} */ e, /** @type {number} */ v) => (DISPLAY[e.display] ?? String)(v, w);
  const play = /** @type {HTMLButtonElement | null} */ ($('play')),
    step = /** @type {HTMLButtonElement | null} */ ($('step'));
  play?.addEventListener('click', on.play);
  step?.addEventListener('click', on.step);
  $('reset')?.addEventListener('click', on.reset);
  $('diverged-reset')?.addEventListener('click', on.reset);

  // The parameters with a field here, each committed through the engine's parser.
  /** @type {ParamEntry[]} */
  const present = schema().filter((/** @type {ParamEntry} */ e) => $(e.name) && e.control !== 'none');
  const commit = (/** @type {ParamEntry} */ e, /** @type {string} */ text) => {
    const input = field(e.name),
      r = parse(e.name, text);
    input.toggleAttribute('aria-invalid', !!r.error);
    // The notice is about this parameter: an accepted value takes it away.
    if (r.error) on.problem(w('settings.field-refused', input.dataset.label, w.pick(r.message) || r.error), e.name);
    else {
      on.problem.drop?.(e.name);
      on.set(e.name, r.value);
    }
  };
  for (const e of present) {
    const input = field(e.name);
    if (e.control === 'check') {
      const box = /** @type {HTMLInputElement} */ (input);
      box.addEventListener('change', () => commit(e, show(e.name, box.checked)));
    } else if (e.control === 'slider') {
      const value = () => (e.steps ? e.steps[+input.value] : +input.value);
      // A live one (the speed) commits as it moves; the others rebuild the run, once, where it stops.
      input.addEventListener('input', () => {
        shownBeside(e.name, written(e, value()));
        if (e.live) commit(e, String(value()));
      });
      if (!e.live) input.addEventListener('change', () => commit(e, String(value())));
    } else {
      // Text fields commit on change (Enter or leaving the field), selects at once.
      input.addEventListener('change', () => commit(e, input.value));
    }
  }

  $('random-seed')?.addEventListener('click', () => {
    let seed;
    try {
      seed = on.randomSeed();
    } catch (e) {
      on.problem(e instanceof Error ? e.message : String(e));
      return;
    }
    on.problem.drop?.('seed');
    on.set('seed', seed);
  });

  if (keys)
    document.addEventListener('keydown', (e) => {
      const t = /** @type {Element} */ (e.target);
      if (e.ctrlKey || e.metaKey || e.altKey || t.closest?.('input, select, textarea, [contenteditable]')) return;
      if (e.key === ' ' && !t.closest?.('button, a, summary')) {
        e.preventDefault();
        on.play();
      } else if (e.key === 's' || e.key === 'S') on.step();
      else if (e.key === 'r' || e.key === 'R') on.reset();
    });

  return function reflect(state, run) {
    if (play) {
      const said = wordsAt(root)(run.playing ? 'play.pause' : 'play.play');
      play.setAttribute('aria-label', said);
      play.title = said + (keys ? wordsAt(root)('play.key') : '');
      play.classList.toggle('playing', run.playing);
      play.disabled = run.diverged;
    }
    if (step) step.disabled = run.diverged;
    for (const e of present) {
      const input = field(e.name),
        v = Object.hasOwn(run.live, e.name) ? run.live[e.name] : state[e.name];
      if (e.control === 'check') /** @type {HTMLInputElement} */ (input).checked = v;
      else if (e.control === 'slider') {
        input.value = e.steps ? nearest(e.steps, v) : v;
        shownBeside(e.name, written(e, v));
      } else {
        const text = show(e.name, v);
        // A value the menu does not offer (parity, given by a link) is added, under its own label.
        if (input instanceof HTMLSelectElement && ![...input.options].some((o) => o.value === text)) {
          const option = (e.options ?? []).find((/** @type {{ value: string }} */ o) => o.value === text);
          input.add(new Option(w.pick(option?.label) || text, text));
        }
        if (root.activeElement !== input || input instanceof HTMLSelectElement) input.value = text;
        input.removeAttribute('aria-invalid');
      }
      // Words that change with the rule (the learning rate is Kaneko's alpha under his).
      const name = $(`${e.name}-name`);
      if (e.ruleLabel && name) name.textContent = w.pick(e.ruleLabel[state.rule] ?? e.label);
    }
    // A rule's own parameters show under it; the plane's, for the tasks drawn on one.
    for (const box of root.querySelectorAll('[data-rule]'))
      if (box instanceof HTMLElement) box.hidden = box.dataset.rule !== state.rule;
    const plane = isPlaneTask(state.task);
    for (const box of root.querySelectorAll('[data-plane]')) if (box instanceof HTMLElement) box.hidden = !plane;
    const diverged = $('diverged');
    if (diverged) diverged.hidden = !run.diverged;
  };

  /** Writes a slider's value beside it, where it has a place for it.
   * @param {string} name @param {string} text */
  function shownBeside(name, text) {
    const out = $(`${name}-out`);
    if (out) out.textContent = text;
  }
}
