// The conductor: one playground in a root (the page's document, or an embed's
// shadow root). It owns the training run and wires the parts that work on it:
// the views of the registry found in the root (views/registry.js), the panels
// and controls, the replayed live changes (replay.js), the frame scheduler and
// a frame's training (training.js). The run's mode lives in the transport
// (transport.js): every press, Step, explained update, link's moment, solve and
// divergence goes through it, and `heard` below is the one place that follows a
// change of mode. On the page it also keeps the URL in step with the state.
import { fromQuery, toQuery, configNames, configOf, entry, words, brings, stateOfConfig, lossLabel } from './state.js';
import { controls } from '../panels/controls.js';
import { makeViews } from '../views/registry.js';
import { fileButtons } from '../panels/files.js';
import { notices } from '../panels/notices.js';
import { replay } from './replay.js';
import { statusLine } from '../panels/status-line.js';
import { frameScheduler } from '../frame/scheduler.js';
import { loadEngine } from './engine.js';
import { solvedPanel } from '../panels/solved.js';
import { copyLink } from '../panels/copy-link.js';
import { frozenNotice } from '../panels/frozen.js';
import { explainPanel } from '../panels/explain.js';
import { wordsAt } from '../words/index.js';
import { ownPoints } from '../panels/points.js';
import { transport } from './transport.js';
import { frameTraining } from './training.js';
import { testHook } from './hook.js';

/** @typedef {import('../views/contract.js').Run} Run */
/** @typedef {import('./transport.js').Mode} Mode */

/**
 * Everything one playground is made of, made once in `conduct` and passed to
 * the functions below, so none depends on the order things were declared in.
 * @typedef {object} Conducted
 * @property {import('../views/contract.js').Root} root
 * @property {Record<string, any>} state the run's settings; the link is written from it
 * @property {boolean} page whether this playground owns the page's URL
 * @property {any} Playground the engine's class
 * @property {Run} pg the run now (set by the first `build`)
 * @property {ReturnType<typeof transport>} transport
 * @property {ReturnType<typeof makeViews>} views
 * @property {ReturnType<typeof replay>} changes
 * @property {ReturnType<typeof statusLine>} status
 * @property {import('../panels/notices.js').Notify} notify
 * @property {{ show(pg: Run): void, hide(): void }} solved
 * @property {{ close(): void }} explain
 * @property {{ update(pg: Run, live: Record<string, any>): void, reset(): void }} frozen
 * @property {{ give(pg: Run): void, list(): Array<{ x: number, y: number, c: number }> }} own
 * @property {ReturnType<typeof frameTraining>} training
 * @property {ReturnType<typeof frameScheduler>} frames
 * @property {ReturnType<typeof controls>} show the controls say what the run is
 * @property {{ held: boolean, stopped: boolean, hasFailed: () => boolean }} flags
 * @property {{ epoch: number, solved: boolean }} told what the host was last told (`tell`)
 * @property {(what: 'start' | 'epoch' | 'solved', detail: { epoch: number, loss?: number }) => void} host
 *   who hears of a new run, each new epoch and the solve (an element's events)
 * @property {boolean} hasHost whether anyone does (an element; the page has no one)
 */

/**
 * Runs one playground in `root` and returns
 * `{ hook, set(name, value), state(), setAll(values), notify(text), play(on), hold(on), retheme(), destroy() }`.
 * Options: `state` and `problems` (from state.js); `page` (owns the URL, the
 * keyboard shortcuts and the file buttons); `wasm` (the .wasm URL); `theme` and
 * `onTheme(f)` (the colours, and who hears they changed); `fail(error)` and
 * `hasFailed()` (who hears of an engine failure); `tell(what, detail)` (who
 * hears of each new epoch and of the solve: `tell` below); `stagger` (this playground's
 * place among several on one page); `chartHeight`; `alive()` (false: return null
 * at once, the root has moved on while the engine loaded).
 * @param {import('../views/contract.js').Root} root
 * @param {Record<string, any>} opts
 */
export async function run(root, opts) {
  const { Playground } = await loadEngine(opts.wasm);
  if (opts.alive && !opts.alive()) return null; // its root was rebuilt while the engine loaded
  const c = conduct(root, opts, Playground);
  build(c);
  c.frames.schedule();
  return api(c, opts.onTheme);
}

/**
 * Makes every part of one playground, in the order they need each other.
 * @param {import('../views/contract.js').Root} root @param {Record<string, any>} opts @param {any} Playground
 * @returns {Conducted}
 */
function conduct(root, opts, Playground) {
  const { state, problems = [], page = false, theme, fail, hasFailed = () => false, stagger = 0 } = opts;
  const c = /** @type {Conducted} */ ({ root, state, page, Playground });
  c.flags = { held: false, stopped: false, hasFailed };
  c.host = opts.tell ?? (() => {});
  c.hasHost = Boolean(opts.tell);
  // Every root a playground runs in has its notices' place (index.html, the element's template).
  c.notify = notices(/** @type {HTMLElement} */ (root.getElementById('notices')));
  problems.forEach(c.notify);
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) state.paused = true;
  c.transport = transport(state.paused ? 'paused' : 'playing', (from, to, move) => heard(c, from, to, move));
  c.views = makeViews(root, { theme, chartHeight: opts.chartHeight, state: () => state });
  c.changes = replay(state);
  c.status = statusLine(root, lossLabel);
  Object.assign(c, panels(c));
  c.training = frameTraining({
    run: () => c.pg,
    state,
    transport: c.transport,
    changes: c.changes,
    sync: () => sync(c),
    diverged() {
      c.status.diverged(c.pg, c.changes.live());
      sync(c);
    },
    solved: () => c.solved.show(c.pg),
  });
  c.frames = frameScheduler(root, {
    jobs: c.views.jobs,
    train(/** @type {number} */ units) {
      const trained = c.training.train(units);
      tell(c);
      return trained;
    },
    status: () => showStatus(c),
    idle: () => idle(c),
    fail(/** @type {unknown} */ e) {
      c.flags.stopped = true;
      fail(e);
    },
    stagger,
  });
  c.show = controls(controlActions(c), root, page);
  return c;
}

/**
 * The panels that act on the run: the solved panel, Explain one step, the
 * frozen run's notice, the reader's own points, the link and file buttons, the
 * output select.
 * @param {Conducted} c
 */
function panels(c) {
  const { root, state } = c;
  const solved = solvedPanel(root, {
    // The same run again from epoch 0, its changes replayed.
    replay() {
      state.at = 0;
      build(c);
      c.transport.play();
    },
    keep: () => c.transport.play(),
  });
  // One update in slow motion (panels/explain.js): paused, one pattern at a time.
  // The run it is handed has every live change due at its epoch applied, so an
  // epoch explained trains as a Step or the link would.
  const explain = explainPanel(root, {
    current() {
      if (c.changes.catchUp(c.pg)) sync(c);
      return c.pg;
    },
    pause: () => c.transport.explain(),
    redraw() {
      state.at = c.pg.epoch;
      sync(c);
      c.frames.settle();
    },
    net: c.views.get('network'),
    weights: c.views.get('weights'),
  });
  // A frozen run's explanation; its ways out start a new run from the settings
  // in force, changed as the way says, with no replayed changes.
  const frozen = frozenNotice(root, {
    restart(/** @type {Record<string, any>} */ values) {
      Object.assign(state, c.changes.live(), values, { changes: [], at: 0 });
      build(c);
    },
  });
  // The reader's own points: each new run gets the set; a changed set is redrawn
  // and written into the link, and a run paused at its solve plays on (the new
  // set is not solved yet).
  const own = ownPoints(root, {
    state,
    map: c.views.get('map'),
    current: () => c.pg,
    notify: c.notify,
    changed() {
      c.views.changed('points', c.pg);
      if (c.transport.mode === 'solved') c.transport.play();
      else sync(c);
      c.frames.settle();
    },
  });
  fileAndLinkButtons(c);
  return { solved, explain, frozen, own };
}

/** The copy-link button, the model file buttons and the output select. @param {Conducted} c */
function fileAndLinkButtons(c) {
  const { root, state } = c;
  copyLink(root, () => new URL(toQuery({ ...state, at: c.pg.epoch, paused: true }), location.href).href);
  fileButtons(root, {
    current: () => c.pg,
    name: (/** @type {string} */ kind) =>
      `ed-${kind}-${state.task}-${c.changes.live().loss}-seed${state.seed}-epoch${c.pg.epoch}`,
    // Everything the file holds comes back into the state, so the fields and the
    // link say what the run is; its changes are behind it, in its weights.
    loaded(/** @type {Run} */ next, /** @type {File} */ file) {
      Object.assign(state, stateOfConfig(next.config()), { changes: [], race: next.racing, at: 0 });
      adopt(c, next);
      sync(c);
      const w = wordsAt(root);
      c.notify(w('notice.loaded', file.name, w.int(next.epoch)));
    },
    notify: c.notify,
    Playground: c.Playground,
  });
  root.getElementById('view-output')?.addEventListener('change', (e) => {
    c.pg.viewOutput(Number(/** @type {HTMLSelectElement} */ (e.target).value));
    c.views.changed('output', c.pg);
    c.frames.settle();
  });
}

/** What the transport's buttons and the fields do. @param {Conducted} c */
function controlActions(c) {
  const { state, transport: t } = c;
  return {
    play() {
      if (t.paused) t.play();
      else t.pause();
    },
    // Each press asks for one more epoch; what a frame's budget cannot train at
    // once goes on in the frames after. No points yet: no epoch to step.
    step() {
      if (!c.pg.patternTargets().length || !t.step(c.pg.epoch)) return;
      c.frames.trainNow();
      if (t.mode === 'stepping') c.frames.schedule();
    },
    reset() {
      Object.assign(state, c.changes.live(), { changes: [], at: 0 });
      build(c);
    },
    set: (/** @type {string} */ name, /** @type {unknown} */ value) => setParam(c, name, value),
    randomSeed: () => c.Playground.randomSeed(),
    problem: c.notify,
  };
}

/**
 * The one place that follows a change of the run's mode: the link's `paused`
 * and `at`, the panels, the status line and the frames.
 * @param {Conducted} c @param {Mode} from @param {Mode} to @param {string} move
 */
function heard(c, from, to, move) {
  const { state, transport: t } = c;
  state.paused = t.paused;
  if (move === 'start') return; // a new run: `adopt` shows it
  // Paused, the link holds the moment (`at`); playing, it opens at the start.
  state.at = t.paused ? c.pg.epoch : 0;
  if (to === 'playing' && move !== 'thaw') c.solved.hide();
  if (from === 'explaining') c.explain.close();
  if (move === 'freeze' || move === 'thaw') return; // it trains on: the status line says it
  if (move !== 'reach') c.status.restart(c.pg);
  sync(c);
  if (t.training) c.frames.schedule();
  else c.frames.settle(); // every view shows the very last epoch
}

/**
 * Tells the host what a frame's training did (an element's `ed-epoch` and
 * `ed-solved` events): the epoch reached, when it moved; the solve, once a run.
 * @param {Conducted} c
 */
function tell(c) {
  const { pg, told } = c;
  // The page has no host to tell: nothing read from the engine in its frames.
  if (!c.hasHost || pg.epoch === told.epoch) return;
  told.epoch = pg.epoch;
  c.host('epoch', { epoch: pg.epoch, loss: pg.loss });
  if (pg.solvedAt !== undefined && !told.solved) {
    told.solved = true;
    c.host('solved', { epoch: pg.solvedAt });
  }
}

/** The status line and the frozen run's notice, after a frame. @param {Conducted} c */
function showStatus(c) {
  const { transport: t, pg } = c;
  c.status.show(pg, {
    paused: !t.training,
    capped: c.training.capped,
    frames: c.training.frames,
    seekTo: t.mode === 'seeking' ? t.target : null,
  });
  if (pg.frozenAt !== undefined) t.freeze();
  else t.thaw();
  c.frozen.update(pg, c.changes.live());
}

/** Held (an element scrolled out of view) or in a hidden tab, a playground does no work. @param {Conducted} c */
function idle(c) {
  const { held, stopped, hasFailed } = c.flags;
  return !c.transport.training || held || stopped || hasFailed() || document.visibilityState === 'hidden';
}

/**
 * A live parameter of the run (loss, learning rate) changes it as it trains and
 * is recorded; one of how it plays (the speed) just applies; any other builds a
 * new run, with what its value brings (a rule's defaults, a task's bits). A new
 * run starts from the settings the reader sees: the loss and rate in force now,
 * no replayed changes (they belonged to the old run).
 * @param {Conducted} c @param {string} name @param {unknown} value
 */
function setParam(c, name, value) {
  const { state } = c;
  if (entry(name).live && configNames().includes(name)) change(c, name, value);
  else if (entry(name).live) Object.assign(state, { [name]: value });
  else {
    Object.assign(state, c.changes.live(), { changes: [], at: 0 }, { [name]: value }, brings(name, value));
    build(c);
  }
  sync(c);
}

/** A live change; before any training it just changes the start. @param {Conducted} c @param {string} name @param {unknown} value */
function change(c, name, value) {
  const { state, pg } = c;
  if (value === c.changes.live()[name]) return;
  if (pg.epoch === 0 && !pg.midEpoch) {
    Object.assign(state, c.changes.live(), { [name]: value, changes: [], at: 0 });
    build(c);
    return;
  }
  const max = entry('changes').max ?? 0;
  if (c.changes.record(pg, name, value, max) < 0) {
    c.notify(wordsAt(c.root)('settings.changes-full', words(entry('changes').label, c.root), max));
  }
}

/** A new run in place of the old: every view starts again from it. @param {Conducted} c @param {Run} next */
function adopt(c, next) {
  const { state } = c;
  c.pg?.free();
  c.pg = next;
  c.told = { epoch: 0, solved: false }; // a new run: told again from its first epoch
  c.host('start', { epoch: 0 });
  c.own.give(next);
  c.training.restart();
  c.solved.hide();
  c.explain.close();
  c.changes.start(next);
  // A link's moment (`at=N`): replayed to, paused there (the mode is set before
  // any view or status line shows the new run, so none says "paused" at epoch 0).
  // Not a run with nothing to train (the reader's own points, none yet): it would never get there.
  c.transport.start({ paused: state.paused, at: state.at > 0 && next.patternTargets().length ? state.at : null });
  c.views.reset(next);
  c.status.restart(next);
  c.frozen.reset();
  c.frames.settle();
  if (c.transport.training) c.frames.schedule();
}

/** A new run from the state; a seed the engine refuses falls back to the defaults. @param {Conducted} c */
function build(c) {
  const { state } = c;
  const create = () => {
    const p = new c.Playground(configOf(state, configNames()));
    if (state.race) p.addBackprop();
    return p;
  };
  try {
    adopt(c, create());
  } catch (e) {
    c.notify(wordsAt(c.root)('notice.seedFallback', /** @type {Error} */ (e).message));
    Object.assign(state, fromQuery('').state, { speed: state.speed, paused: state.paused });
    adopt(c, create());
  }
  c.changes.catchUp(c.pg);
  sync(c);
}

/** The link, the status line's quiet and the controls say what the run is now. @param {Conducted} c */
function sync(c) {
  const { state, transport: t } = c;
  if (c.page) history.replaceState(null, '', toQuery(state) + location.hash);
  c.status.quiet(!state.paused);
  c.show(state, { playing: !state.paused, diverged: t.mode === 'diverged', live: c.changes.live() });
}

/**
 * What the page, the element and the tests hold of a playground.
 * @param {Conducted} c @param {(f: () => void) => void} onTheme
 */
function api(c, onTheme) {
  const { state, transport: t, flags } = c;
  const retheme = () => {
    c.views.retheme();
    c.frames.settle();
  };
  onTheme(retheme);
  const wake = () => {
    if (idle(c)) return;
    c.status.restart(c.pg);
    c.frames.schedule();
  };
  document.addEventListener('visibilitychange', wake);
  return {
    /** Read-only: for the end-to-end tests and the benchmark (see test-hook.js). */
    hook: testHook({ ...c, run: () => c.pg }),
    set: (/** @type {string} */ name, /** @type {unknown} */ value) => setParam(c, name, value),
    /** The state now, a copy (the page's Embed this and presentation mode read it). */
    state: () => structuredClone(state),
    /** Several values at once, then one new run (an embed's attributes, read together). @param {Record<string, any>} values */
    setAll(values) {
      Object.assign(state, values);
      build(c);
    },
    notify: c.notify,
    /** @param {boolean} on */
    play(on) {
      if (on) t.play();
      else t.pause();
    },
    /** @param {boolean} on */
    hold(on) {
      flags.held = on;
      if (on) c.frames.cancel();
      else wake();
    },
    retheme,
    /** Stops the run and lets go of everything it made: the frame loop, each
     * view's observers, listeners, charts and queued passes (none may call the
     * run once it is freed), then the engine's run itself. */
    destroy() {
      flags.stopped = true;
      c.frames.destroy();
      document.removeEventListener('visibilitychange', wake);
      c.views.destroy();
      c.pg?.free();
      c.pg = /** @type {any} */ (null);
    },
  };
}
