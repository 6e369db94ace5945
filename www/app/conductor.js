// The conductor: one playground in a root (the page's document, or an embed's
// shadow root). It owns the training run and wires the parts that work on it:
// the views and controls found in the root, the replayed live changes, the
// frame scheduler, the status line, the file buttons and the notices. On the
// page it also keeps the URL in step with the state and owns the keyboard.
import { fromQuery, toQuery, configNames, configOf, entry, words, brings, stateOfConfig, lossLabel } from './state.js';
import { controls } from '../panels/controls.js';
import { makeViews } from '../views/registry.js';
import { fileButtons } from '../panels/files.js';
import { notices } from '../panels/notices.js';
import { replay } from './replay.js';
import { statusLine } from '../panels/status-line.js';
import { frameScheduler } from '../frame/scheduler.js';
import { loadEngine } from './engine.js';
import { solvedPanel, finished } from '../panels/solved.js';
import { copyLink } from '../panels/copy-link.js';
import { frozenNotice } from '../panels/frozen.js';
import { explainPanel } from '../panels/explain.js';
import { wordsAt } from '../words/index.js';
import { ownPoints } from '../panels/points.js';

/**
 * Runs one playground in `root` and returns
 * `{ hook, set(name, value), setAll(values), notify(text), play(on), hold(on), retheme(), destroy() }`.
 * Options: `state` and `problems` (from state.js); `page` (owns the URL, the
 * keyboard shortcuts and the file buttons); `wasm` (the .wasm URL); `theme` and
 * `onTheme(f)` (the colours, and who hears they changed); `fail(error)` and
 * `hasFailed()` (who hears of an engine failure); `stagger` (this playground's
 * place among several on one page); `chartHeight`; `alive()` (false: return null
 * at once, the root has moved on while the engine loaded).
 */
export async function run(root, opts) {
  const { state, problems = [], page = false, wasm, theme, onTheme, fail, hasFailed = () => false, stagger = 0 } = opts;
  const $ = (id) => root.getElementById(id);
  const { Playground } = await loadEngine(wasm);
  if (opts.alive && !opts.alive()) return null; // its root was rebuilt while the engine loaded

  const notify = notices($('notices'));
  problems.forEach(notify);
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) state.paused = true;

  // Each view of the registry whose place is in the root (views/registry.js).
  const views = makeViews(root, { theme, chartHeight: opts.chartHeight, state: () => state });
  // The reader's own points (www/points.js): each new run gets the set; a changed
  // set is redrawn and written into the link, and a run paused at its solve plays
  // on (the new set is not solved yet).
  const own = ownPoints(root, {
    state,
    map: views.get('map'),
    current: () => pg,
    notify,
    changed() {
      views.changed('points', pg);
      if (haltedByRun && !diverged()) setPlaying(true);
      else sync();
      frames.settle();
    },
  });
  const configFields = configNames();
  const changes = replay(state);
  const status = statusLine(root, lossLabel);
  let pg = null,
    held = false,
    stopped = false;
  // Paused, a Step trains to the end of the next epoch, over as many frames as that takes.
  let stepTo = null;
  // Whether the last frame's budget ran out before the epochs the speed asks for,
  // and the frames that trained so far (the status line's epochs a frame).
  let capped = false,
    trainedFrames = 0;
  // The run paused itself (it diverged, or solved its task): the next run plays again.
  let haltedByRun = false;
  // The run has paused at its solve once (or was solved before it played):
  // it does not pause there again.
  let announced = false;
  // Opening a link's moment (`at=N`): the epoch the run is replayed to, paused there.
  let seekTo = null;
  const diverged = () => pg.divergedAt !== undefined;
  const stepping = () => stepTo !== null;
  const seeking = () => seekTo !== null;
  // Held (an embed scrolled out of view) or in a hidden tab, it does no work.
  const idle = () =>
    (state.paused && !stepping() && !seeking()) ||
    held ||
    stopped ||
    hasFailed() ||
    document.visibilityState === 'hidden';
  const stop = (e) => {
    stopped = true;
    fail(e);
  };

  const frames = frameScheduler(root, {
    jobs: views.jobs,
    train: (units) => (seeking() ? seekOn(units) : stepping() ? stepOn(units) : advance(paced(), units)),
    status: () => {
      status.show(pg, { paused: state.paused && !stepping() && !seeking(), capped, frames: trainedFrames, seekTo });
      frozen.update(pg, changes.live());
    },
    idle,
    fail: stop,
    stagger,
  });

  // A frozen run's explanation (www/frozen.js); its ways out start a new run from
  // the settings in force, changed as the way says, with no replayed changes.
  const frozen = frozenNotice(root, {
    restart(values) {
      Object.assign(state, changes.live(), values, { changes: [], at: 0 });
      build();
    },
  });

  const show = controls(
    {
      play() {
        if (!diverged()) setPlaying(state.paused);
      },
      // Each press asks for one more epoch; what a frame's budget cannot train
      // at once goes on in the frames after.
      step() {
        if (diverged() || !pg.patternTargets().length) return; // no points yet: no epoch to step
        explain.close();
        if (!state.paused) setPlaying(false);
        stepTo = (stepTo ?? pg.epoch) + 1;
        frames.trainNow();
        if (stepping()) frames.schedule();
      },
      reset() {
        Object.assign(state, changes.live(), { changes: [], at: 0 });
        build();
      },
      set: setParam,
      randomSeed: () => Playground.randomSeed(),
      problem: notify,
    },
    root,
    page,
  );

  // A live parameter of the run (loss, learning rate) changes it as it trains
  // and is recorded; one of how it plays (the speed) just applies; any other
  // builds a new run, with what its value brings (a rule's defaults, a task's
  // bits). A new run starts from the settings the reader sees: the loss and
  // rate in force now, no replayed changes (they belonged to the old run).
  function setParam(name, value) {
    if (entry(name).live && configFields.includes(name)) change(name, value);
    else if (entry(name).live) Object.assign(state, { [name]: value });
    else {
      Object.assign(state, changes.live(), { changes: [], at: 0 }, { [name]: value }, brings(name, value));
      build();
    }
    sync();
  }

  // A live change before any training just changes the start.
  function change(name, value) {
    if (value === changes.live()[name]) return;
    if (pg.epoch === 0 && !pg.midEpoch) {
      Object.assign(state, changes.live(), { [name]: value, changes: [], at: 0 });
      build();
      return;
    }
    const max = entry('changes').max;
    if (changes.record(pg, name, value, max) < 0) {
      notify(wordsAt(root)('settings.changes-full', words(entry('changes').label, root), max));
    }
  }

  // A new run in place of the old: every view starts again from it.
  function adopt(next) {
    pg?.free();
    pg = next;
    own.give(pg);
    stepTo = null;
    // A link's moment (`at=N`): replayed to, paused there (set before any view
    // or status line shows the new run, so none says "paused" at epoch 0).
    // Not a run with nothing to train (the reader's own points, none yet): it would never get there.
    seekTo = state.at > 0 && pg.patternTargets().length ? state.at : null;
    if (seeking()) state.paused = true;
    capped = false;
    announced = false;
    solved.hide();
    explain.close();
    changes.start(pg);
    views.reset(pg);
    status.restart(pg);
    frozen.reset();
    frames.settle();
    if (haltedByRun) {
      haltedByRun = false;
      setPlaying(true);
    }
  }

  const create = () => {
    const p = new Playground(configOf(state, configFields));
    if (state.race) p.addBackprop();
    return p;
  };
  function build() {
    try {
      adopt(create());
    } catch (e) {
      notify(wordsAt(root)('notice.seedFallback', e.message));
      Object.assign(state, fromQuery('').state, { speed: state.speed, paused: state.paused });
      adopt(create());
    }
    changes.catchUp(pg);
    if (seeking()) frames.schedule();
    sync();
  }

  // The epochs this frame is to end. Below one a frame (the default pace, so a
  // small task's learning can be watched), the speed accrues over frames and an
  // epoch ends when a whole one has built up; an epoch already under way
  // (stopped by the budget) always goes on.
  let accrued = 0;
  function paced() {
    if (state.speed >= 1) {
      accrued = 0;
      return state.speed;
    }
    accrued = Math.min(1, accrued + state.speed);
    if (pg.midEpoch) return 1;
    // 1e-9: five steps of 0.2 add to 0.9999999999999999.
    if (accrued < 1 - 1e-9) return 0;
    accrued = 0;
    return 1;
  }

  // One frame's training, at most `units` units of work; returns the units spent.
  function advance(epochs, units) {
    const { applied, spent, ended } = changes.train(pg, epochs, units, watchingSolve() ? finished : null);
    capped = ended < epochs && !diverged();
    trainedFrames++;
    if (applied) sync();
    if (ended && !seeking()) stopIfSolved();
    if (diverged()) {
      stepTo = null;
      if (!state.paused) {
        setPlaying(false);
        haltedByRun = true;
      }
      status.diverged(pg, changes.live());
      sync();
    }
    return spent;
  }

  // A Step's frame: on to the end of the epoch it aims at, then every view shows it.
  function stepOn(units) {
    const spent = advance(stepTo - pg.epoch, units);
    if (pg.epoch >= stepTo || diverged()) {
      stepTo = null;
      state.at = pg.epoch;
      sync();
      frames.settle();
    }
    return spent;
  }

  // Opening at a link's epoch: as fast as the frame budget allows, then paused.
  // A run already solved there does not pause at its solve when played on.
  function seekOn(units) {
    const spent = advance(seekTo - pg.epoch, units);
    if (pg.epoch >= seekTo || diverged()) {
      seekTo = null;
      announced = pg.solvedAt !== undefined;
      state.at = pg.epoch;
      sync();
      frames.settle();
    }
    return spent;
  }

  // By default a run pauses once its task is solved, unless the link's
  // changes are still to come (a switch after the solve is the point of that link).
  const watchingSolve = () =>
    !state.paused &&
    !seeking() &&
    !stepping() &&
    !announced &&
    state.stop === 'solved' &&
    !state.changes.some((c) => c.epoch > pg.epoch);
  function stopIfSolved() {
    if (!watchingSolve() || !finished(pg)) return;
    announced = true;
    setPlaying(false);
    haltedByRun = true;
    solved.show(pg);
  }

  function setPlaying(on) {
    state.paused = !on;
    stepTo = null;
    seekTo = null;
    // Paused, the link holds the moment (`at`); playing, it opens at the start.
    state.at = on ? 0 : pg.epoch;
    if (on) {
      haltedByRun = false;
      solved.hide();
      explain.close();
    }
    status.restart(pg);
    sync();
    if (on) frames.schedule();
    else frames.settle(); // paused: every view shows the very last epoch
  }

  function sync() {
    if (page) history.replaceState(null, '', toQuery(state) + location.hash);
    status.quiet(!state.paused);
    show(state, { playing: !state.paused, diverged: diverged(), live: changes.live() });
  }

  const solved = solvedPanel(root, {
    // The same run again from epoch 0, its changes replayed.
    replay() {
      state.at = 0;
      build();
      setPlaying(true);
    },
    keep() {
      setPlaying(true);
    },
  });
  // One update in slow motion (www/explain.js): paused, one pattern at a time.
  const explain = explainPanel(root, {
    current: () => pg,
    // Paused where it is: no play, no Step under way, no link's moment still being reached.
    pause() {
      if (!state.paused || stepping() || seeking()) setPlaying(false);
    },
    redraw() {
      state.at = pg.epoch;
      sync();
      frames.settle();
    },
    net: views.get('network'),
    weights: views.get('weights'),
  });
  copyLink(root, () => new URL(toQuery({ ...state, at: pg.epoch, paused: true }), location.href).href);

  fileButtons(root, {
    current: () => pg,
    name: (kind) => `ed-${kind}-${state.task}-${changes.live().loss}-seed${state.seed}-epoch${pg.epoch}`,
    // Everything the file holds comes back into the state, so the fields and the
    // link say what the run is; its changes are behind it, in its weights.
    loaded(next, file) {
      Object.assign(state, stateOfConfig(next.config()), { changes: [], race: next.racing, at: 0 });
      adopt(next);
      sync();
      const w = wordsAt(root);
      notify(w('notice.loaded', file.name, w.int(next.epoch)));
    },
    notify,
    Playground,
  });
  $('view-output')?.addEventListener('change', (e) => {
    pg.viewOutput(Number(e.target.value));
    views.changed('output', pg);
    frames.settle();
  });

  const retheme = () => {
    views.retheme();
    frames.settle();
  };
  onTheme(retheme);
  const wake = () => {
    if (idle()) return;
    status.restart(pg);
    frames.schedule();
  };
  document.addEventListener('visibilitychange', wake);

  build();
  frames.schedule();

  return {
    /** Read-only: for the end-to-end tests and the benchmark (see test-hook.js). */
    hook: Object.freeze({
      get state() {
        return structuredClone(state);
      },
      /** The most live changes a run holds (the engine's table). */
      get changesMax() {
        return entry('changes').max;
      },
      get epoch() {
        return pg.epoch;
      },
      /** An epoch under way, stopped between patterns by a frame's budget. */
      get midEpoch() {
        return pg.midEpoch;
      },
      /** The last frame's budget ran out before the speed's epochs. */
      get capped() {
        return capped;
      },
      get loss() {
        return pg.loss;
      },
      get liveLoss() {
        return changes.live().loss;
      },
      get divergedAt() {
        return pg.divergedAt;
      },
      get running() {
        return frames.running;
      },
      lossSeries: () => views.get('loss')?.series() ?? [],
      /** The run's recorded loss, `{ epoch: loss }` for each history point (every epoch, under the cap). */
      lossHistory() {
        const E = pg.historyEpochs(),
          L = pg.historyLosses();
        return Object.fromEntries(Array.from(E, (e, i) => [e, L[i]]));
      },
      /** The history's mean |w| of each layer at each point, as the chart reads it. */
      meanAbs: () => Array.from(pg.historyMeanAbs()),
      lossMarks: () => views.get('loss')?.marks() ?? [],
      get race() {
        return pg.racing
          ? {
              ed: pg.solvedAt,
              backprop: pg.backpropSolvedAt,
              backpropLoss: pg.backpropLoss,
              backpropDivergedAt: pg.backpropDivergedAt,
            }
          : null;
      },
      get outputs() {
        return pg.outputCount;
      },
      scores: () => Array.from(pg.scores()),
      /** The reader's own points: the set kept (grid steps of 0.001, `{ x, y, c }`)
       * and the run's training patterns (inputs 0 to 1 and targets), read from the engine. */
      points: () => own.list(),
      patterns() {
        const X = pg.patternInputs(),
          T = pg.patternTargets(),
          o = pg.outputCount,
          count = T.length / o,
          k = X.length / Math.max(1, count);
        return Array.from({ length: count }, (_, i) => ({
          x: X[i * k],
          y: X[i * k + 1],
          t: Array.from(T.slice(i * o, i * o + o)),
        }));
      },
      /** Every layer's weights, as the views draw them. */
      weights: () => Array.from({ length: pg.layerCount() }, (_, l) => Array.from(pg.layerWeights(l))),
      /** Main-thread milliseconds of each recent training frame, uPlot's redraw included. */
      get frameTimes() {
        return frames.frameTimes();
      },
    }),
    set: setParam,
    /** The state now, a copy (the page's Embed this and presentation mode read it). */
    state: () => structuredClone(state),
    /** Several values at once, then one new run (an embed's attributes, read together). */
    setAll(values) {
      Object.assign(state, values);
      build();
    },
    notify,
    play(on) {
      if (!diverged() && on === state.paused) setPlaying(on);
    },
    hold(on) {
      held = on;
      if (on) frames.cancel();
      else wake();
    },
    retheme,
    /** Stops the run and lets go of everything it made: the frame loop, each
     * view's observers, listeners, charts and queued passes (none may call the
     * run once it is freed), then the engine's run itself. */
    destroy() {
      stopped = true;
      frames.destroy();
      document.removeEventListener('visibilitychange', wake);
      views.destroy();
      pg?.free();
      pg = null;
    },
  };
}
