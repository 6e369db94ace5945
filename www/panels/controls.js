// The controls: the transport buttons, the keyboard shortcuts, and the parameter
// fields (built from the engine's table by fields.js). They show the state, turn
// a reader's input into validated values (through state.parse) and hand them to
// `on`. They live in `root` (the document, or an embed's shadow root); a control
// missing from it is simply not offered.
import { parse, schema, show, isPlaneTask } from '../app/state.js';
import { fmtInt } from '../ui.js';
import { wordsAt } from '../words/index.js';

// How a slider writes its value beside it (the table's `display`), in `w`'s language.
const DISPLAY = {
  decimal2: (v) => v.toFixed(2),
  percent: (v) => `${Math.round(v * 100)} %`,
  'per-frame': (v, w) =>
    v < 1 ? w('settings.frames-per-epoch', Math.round(1 / v)) : w('settings.epochs-per-frame', v, fmtInt(v)),
};
// The step of a stepped slider (the speed) nearest to `v`, on a log scale.
const nearest = (steps, v) =>
  steps.reduce((b, s, i) => (Math.abs(Math.log(s / v)) < Math.abs(Math.log(steps[b] / v)) ? i : b), 0);

/**
 * `on`: { play(), step(), reset(), set(name, value), randomSeed(), problem(text, name) },
 * `problem` keying a field's notice by its parameter's name and, with a
 * `problem.drop(name)` (notices.js), taking it away once a value is accepted.
 * `keys`: whether the document's keyboard shortcuts are ours (the page's, not an embed's).
 * Returns `show(state, run)`, which reflects the state and the run
 * ({ playing, diverged, live: the values in force of the parameters that change live }).
 */
export function controls(on, root = document, keys = true) {
  const $ = (id) => root.getElementById(id);
  const w = wordsAt(root);
  const written = (e, v) => (DISPLAY[e.display] ?? String)(v, w);
  const play = $('play'),
    step = $('step');
  play?.addEventListener('click', on.play);
  step?.addEventListener('click', on.step);
  $('reset')?.addEventListener('click', on.reset);
  $('diverged-reset')?.addEventListener('click', on.reset);

  // The parameters with a field here, each committed through the engine's parser.
  const present = schema().filter((e) => $(e.name) && e.control !== 'none');
  const commit = (e, text) => {
    const input = $(e.name),
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
    const input = $(e.name);
    if (e.control === 'check') input.addEventListener('change', () => commit(e, show(e.name, input.checked)));
    else if (e.control === 'slider') {
      const value = () => (e.steps ? e.steps[input.value] : +input.value);
      // A live one (the speed) commits as it moves; the others rebuild the run, once, where it stops.
      input.addEventListener('input', () => {
        $(`${e.name}-out`).textContent = written(e, value());
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
      on.problem(e.message);
      return;
    }
    on.problem.drop?.('seed');
    on.set('seed', seed);
  });

  if (keys)
    document.addEventListener('keydown', (e) => {
      const t = e.target;
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
      const input = $(e.name),
        v = Object.hasOwn(run.live, e.name) ? run.live[e.name] : state[e.name];
      if (e.control === 'check') input.checked = v;
      else if (e.control === 'slider') {
        input.value = e.steps ? nearest(e.steps, v) : v;
        $(`${e.name}-out`).textContent = written(e, v);
      } else {
        const text = show(e.name, v);
        // A value the menu does not offer (parity, given by a link) is added, under its own label.
        if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === text)) {
          input.add(new Option(w.pick(e.options.find((o) => o.value === text)?.label) || text, text));
        }
        if (root.activeElement !== input || input.tagName === 'SELECT') input.value = text;
        input.removeAttribute('aria-invalid');
      }
      // Words that change with the rule (the learning rate is Kaneko's alpha under his).
      if (e.ruleLabel) $(`${e.name}-name`).textContent = w.pick(e.ruleLabel[state.rule] ?? e.label);
    }
    // A rule's own parameters show under it; the plane's, for the tasks drawn on one.
    for (const box of root.querySelectorAll('[data-rule]')) box.hidden = box.dataset.rule !== state.rule;
    const plane = isPlaneTask(state.task);
    for (const box of root.querySelectorAll('[data-plane]')) box.hidden = !plane;
    $('diverged').hidden = !run.diverged;
  };
}
