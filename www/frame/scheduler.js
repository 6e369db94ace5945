// The frame scheduler: while a run plays, each animation frame trains (the
// conductor's `train(units)`) for at most TRAIN_MS, then draws the views that
// are due. The engine counts work in units (a pattern through one sub-network)
// and never reads a clock; the scheduler learns how many units a millisecond
// buys and hands each frame that many, so a frame stops between two patterns
// however long an epoch is. Several playgrounds on one page (a blog post's
// figures) share one frame's budget. Each view has its
// own beat (every n frames from a phase, so the views take turns), 16 times
// slower when its card is off screen (Distill's d-figure does no work off
// screen), and slower still if drawing it costs more than about 1.5 ms a frame:
// a 256-unit network stays usable. It keeps the main-thread time of recent frames.

/** Milliseconds of training in one frame, for all the playgrounds on a page: with
 * the views' drawing, a frame stays within 16 ms. */
export const TRAIN_MS = 6;

// The playgrounds that trained in the current frame and the last, to split
// TRAIN_MS between them: every one that trains in a frame gets its share.
const page = { stamp: -1, trainers: 0, lastTrainers: 1 };
/** This playground's milliseconds of training in the frame of `stamp`. @param {number} stamp */
function share(stamp) {
  if (stamp !== page.stamp) Object.assign(page, { stamp, lastTrainers: Math.max(1, page.trainers), trainers: 0 });
  page.trainers++;
  return TRAIN_MS / Math.max(page.lastTrainers, page.trainers);
}

/** How many units of work a frame's milliseconds buy, learnt from the frames
 * before: it starts small and grows fourfold a frame until a frame's work is
 * long enough to time, then follows the slowest rate of the last few frames.
 * The slowest, not the mean: a unit's cost varies (an evaluation's units are
 * cheaper than training's, the end of an epoch costs a little more) and a frame
 * that overruns is missed, while one that stops short only trains a little less. */
export function pacer() {
  /** @type {number[]} */
  const rates = []; // units a millisecond, of the last frames long enough to time
  let next = 16; // never more than fourfold the last frame's work: a misjudged rate costs one frame
  return {
    /** The units `ms` buys. @param {number} ms */
    units: (ms) => Math.max(1, Math.floor(rates.length ? Math.min(Math.min(...rates) * ms, next) : next)),
    /** `spent` units took `ms`. @param {number} spent @param {number} ms */
    learn(spent, ms) {
      if (!spent) return;
      // Too short to time, a frame still says the rate is at least this: a slow
      // first frame (the engine warming up) is not the rate for good.
      rates.push(spent / Math.max(ms, 0.5));
      if (rates.length > 5) rates.shift();
      next = spent * 4;
    },
  };
}

/**
 * A view's periodic draw as the scheduler gets it (views/registry.js `jobs`);
 * `draw` falsy for a view not in the root.
 * @typedef {{ card: string, every: number, phase: number, draw?: (() => void) | null }} FrameJob
 */

/**
 * What the scheduler is given (see `frameScheduler`).
 * @typedef {object} SchedulerOptions
 * @property {FrameJob[]} jobs
 * @property {(units: number) => number} train
 * @property {() => void} status
 * @property {() => boolean} idle
 * @property {(error: unknown) => void} fail
 * @property {number} [stagger]
 */

/**
 * `root`: where the cards are. `jobs`: [{ card, every, phase, draw }], `draw`
 * falsy for a view not in the root. `train(units)`: one frame's training, at
 * most `units` units of work; returns the units spent. `status()`:
 * redraws the status line (every third frame, and the first three). `idle()`: true when no frame
 * should run. `fail(error)`: a frame threw; nothing more runs. `stagger`: this
 * playground's place among several on one page (a blog post's figures), so their
 * heavy views land on different frames.
 * Returns `{ schedule(), settle(), trainNow(), cancel(), running, frameTimes(), destroy() }`.
 * @param {import('../views/contract.js').Root} root
 * @param {SchedulerOptions} options
 */
export function frameScheduler(root, { jobs, train, status, idle, fail, stagger = 0 }) {
  /** @type {Set<string>} */
  const onScreen = new Set();
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) e.isIntersecting ? onScreen.add(e.target.id) : onScreen.delete(e.target.id);
  });
  root.querySelectorAll('.card').forEach((c) => io.observe(c));

  const beats = jobs.flatMap(({ card, every, phase, draw }) =>
    draw ? [{ card, every, draw, last: phase + stagger - every, cost: 0 }] : [],
  );
  let raf = 0,
    frame = 0;
  /** @type {number[]} */
  const times = [];
  const pace = pacer();

  // f < 0 draws everything now.
  /** @param {number} f */
  function draw(f) {
    for (const beat of beats) {
      if (f >= 0 && f - beat.last < Math.max(beat.every * (onScreen.has(beat.card) ? 1 : 16), beat.cost / 1.5))
        continue;
      const t = performance.now();
      beat.draw();
      beat.cost = 0.7 * beat.cost + 0.3 * (performance.now() - t);
      if (f >= 0) beat.last = f;
    }
    // Every third frame; and each of the first three, so the run's first
    // epochs show as soon as they are trained (before the charts' library,
    // which a chart asks for once it has an epoch to draw: views/chart.js).
    if (f < 3 || f % 3 === 1) status();
  }

  // One frame's worth of training at the pace learnt, and what it teaches the pace.
  /** @param {number} ms */
  function trainFor(ms) {
    const t0 = performance.now();
    pace.learn(train(pace.units(ms)), performance.now() - t0);
  }

  function schedule() {
    if (!raf && !idle()) raf = requestAnimationFrame(tick);
  }
  /** @param {number} stamp */
  function tick(stamp) {
    raf = 0;
    if (idle()) return;
    const t0 = performance.now();
    try {
      trainFor(share(stamp));
      draw(frame++);
    } catch (e) {
      fail(e);
      return;
    }
    // Queued after uPlot's own redraw, so the time includes it.
    queueMicrotask(() => {
      times.push(performance.now() - t0);
      if (times.length > 600) times.shift();
    });
    schedule(); // unless paused: a divergence pauses and draws everything itself
  }
  const cancel = () => {
    cancelAnimationFrame(raf);
    raf = 0;
  };

  return {
    /** Asks for the next frame, unless one is asked for already or there is nothing to do. */
    schedule,
    /** Draws every view now (paused, stepped, a new run): they all show the very last epoch. */
    settle() {
      try {
        draw(-1);
      } catch (e) {
        fail(e);
      }
    },
    /** Trains a frame's worth now, between frames (a Step, pressed). */
    trainNow() {
      try {
        trainFor(TRAIN_MS);
      } catch (e) {
        fail(e);
      }
    },
    cancel,
    get running() {
      return raf !== 0;
    },
    /** Main-thread milliseconds of each recent training frame, uPlot's redraw included. */
    frameTimes: () => [...times],
    destroy() {
      cancel();
      io.disconnect();
    },
  };
}
