// The controls: they show the state, turn a reader's input into validated
// values (through state.parse) and hand them to `on`; keyboard shortcuts.
// They live in `root` (the document, or an embed's shadow root); a control
// missing from it is simply not offered.
import { parse, SPEEDS, PLANE_TASKS } from './state.js';
import { fmtInt } from './ui.js';

const label = (name, v) => (name === 'noise' ? v.toFixed(2) : `${Math.round(v * 100)} %`);
const nearest = (v) => SPEEDS.reduce((b, s, i) => (Math.abs(Math.log(s / v)) < Math.abs(Math.log(SPEEDS[b] / v)) ? i : b), 0);

/**
 * `on`: { play(), step(), reset(), set(name, value), randomSeed(), problem(text) }.
 * `keys`: whether the document's keyboard shortcuts are ours (the page's, not an embed's).
 * Returns `show(state, run)`, which reflects the state and the run ({ playing, diverged, loss, lr }).
 */
export function controls(on, root = document, keys = true) {
  const $ = (id) => root.getElementById(id);
  const play = $('play'), step = $('step'), speed = $('speed'), speedOut = $('speed-out');
  play?.addEventListener('click', on.play);
  step?.addEventListener('click', on.step);
  $('reset')?.addEventListener('click', on.reset);
  $('diverged-reset')?.addEventListener('click', on.reset);
  if (speed) {
    speed.max = SPEEDS.length - 1;
    speed.addEventListener('input', () => on.set('speed', SPEEDS[speed.value]));
  }

  // Text fields commit on change (Enter or leaving the field), selects at once.
  const fields = ['loss', 'task', 'rule', 'lr', 'u0', 'beta', 'u1', 'hidden', 'seed'].filter((name) => $(name));
  for (const name of fields) {
    const input = $(name);
    input.addEventListener('change', () => {
      const r = parse(name, input.value);
      input.toggleAttribute('aria-invalid', !!r.error);
      if (r.error) on.problem(`${input.dataset.label} ${r.error}.`);
      else on.set(name, r.value);
    });
  }
  // Sliders and the race box commit at once, through the same parser.
  const sliders = ['noise', 'test_fraction'].filter((name) => $(name));
  for (const name of sliders) {
    $(name).addEventListener('change', () => {
      const r = parse(name, $(name).value);
      if (r.error) on.problem(`${name} ${r.error}.`); else on.set(name, r.value);
    });
    $(name).addEventListener('input', () => { $(`${name}-out`).textContent = label(name, +$(name).value); });
  }
  $('race')?.addEventListener('change', () => on.set('race', $('race').checked));

  $('random-seed')?.addEventListener('click', () => {
    let seed;
    try { seed = on.randomSeed(); } catch (e) { on.problem(e.message); return; }
    on.set('seed', seed);
  });

  if (keys) document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey || t.closest?.('input, select, textarea, [contenteditable]')) return;
    if (e.key === ' ' && !t.closest?.('button, a, summary')) { e.preventDefault(); on.play(); }
    else if (e.key === 's' || e.key === 'S') on.step();
    else if (e.key === 'r' || e.key === 'R') on.reset();
  });

  return function show(state, run) {
    if (play) {
      play.setAttribute('aria-label', run.playing ? 'Pause' : 'Play');
      play.title = (run.playing ? 'Pause' : 'Play') + (keys ? ' (space)' : '');
      play.classList.toggle('playing', run.playing);
      play.disabled = run.diverged;
    }
    if (step) step.disabled = run.diverged;
    if (speed) {
      speed.value = nearest(state.speed);
      speedOut.textContent = `${fmtInt(state.speed)} epoch${state.speed > 1 ? 's' : ''}/frame`;
    }
    const values = {
      loss: run.loss, lr: String(run.lr), task: state.task, rule: state.rule, hidden: state.hidden.join(','), seed: String(state.seed),
      u0: String(state.u0), u1: String(state.u1), beta: String(state.beta ?? ''),
    };
    // Kaneko's parameters show with his rule; under it the learning rate is his alpha.
    const kaneko = state.rule === 'kaneko';
    for (const e of root.querySelectorAll('[data-rule="kaneko"]')) e.hidden = !kaneko;
    const lrName = $('lr-name');
    if (lrName) lrName.textContent = kaneko ? 'alpha (learning rate)' : 'Learning rate';
    for (const name of fields) {
      const input = $(name), v = values[name];
      if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === v)) input.add(new Option(v, v));
      if (root.activeElement !== input || input.tagName === 'SELECT') input.value = v;
      input.removeAttribute('aria-invalid');
    }
    for (const name of sliders) {
      $(name).value = state[name];
      $(`${name}-out`).textContent = label(name, state[name]);
    }
    if ($('race')) $('race').checked = state.race;
    const plane = PLANE_TASKS.includes(state.task);
    for (const e of root.querySelectorAll('[data-plane]')) e.hidden = !plane;
    $('diverged').hidden = !run.diverged;
  };
}
