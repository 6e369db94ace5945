// The frame scheduler: while a run plays, each animation frame trains (the
// conductor's `train()`), then draws the views that are due. Each view has its
// own beat (every n frames from a phase, so the views take turns), 16 times
// slower when its card is off screen (Distill's d-figure does no work off
// screen), and slower still if drawing it costs more than about 1.5 ms a frame:
// a 256-unit network stays usable. It keeps the main-thread time of recent frames.

/**
 * `root`: where the cards are. `jobs`: [{ card, every, phase, draw }], `draw`
 * falsy for a view not in the root. `train()`: one frame's training. `status()`:
 * redraws the status line (every third frame). `idle()`: true when no frame
 * should run. `fail(error)`: a frame threw; nothing more runs. `stagger`: this
 * playground's place among several on one page (a blog post's figures), so their
 * heavy views land on different frames.
 * Returns `{ schedule(), settle(), cancel(), running, frameTimes(), destroy() }`.
 */
export function frameScheduler(root, { jobs, train, status, idle, fail, stagger = 0 }) {
  const onScreen = new Set();
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) e.isIntersecting ? onScreen.add(e.target.id) : onScreen.delete(e.target.id);
  });
  root.querySelectorAll('.card').forEach((c) => io.observe(c));

  const beats = jobs.filter((j) => j.draw)
    .map(({ card, every, phase, draw }) => ({ card, every, draw, last: phase + stagger - every, cost: 0 }));
  let raf = 0, frame = 0;
  const times = [];

  // f < 0 draws everything now.
  function draw(f) {
    for (const beat of beats) {
      if (f >= 0 && f - beat.last < Math.max(beat.every * (onScreen.has(beat.card) ? 1 : 16), beat.cost / 1.5)) continue;
      const t = performance.now();
      beat.draw();
      beat.cost = 0.7 * beat.cost + 0.3 * (performance.now() - t);
      if (f >= 0) beat.last = f;
    }
    if (f < 0 || f % 3 === 1) status();
  }

  function schedule() { if (!raf && !idle()) raf = requestAnimationFrame(tick); }
  function tick() {
    raf = 0;
    if (idle()) return;
    const t0 = performance.now();
    try {
      train();
      draw(frame++);
    } catch (e) { fail(e); return; }
    // Queued after uPlot's own redraw, so the time includes it.
    queueMicrotask(() => { times.push(performance.now() - t0); if (times.length > 600) times.shift(); });
    schedule(); // unless paused: a divergence pauses and draws everything itself
  }
  const cancel = () => { cancelAnimationFrame(raf); raf = 0; };

  return {
    /** Asks for the next frame, unless one is asked for already or there is nothing to do. */
    schedule,
    /** Draws every view now (paused, stepped, a new run): they all show the very last epoch. */
    settle() {
      try { draw(-1); } catch (e) { fail(e); }
    },
    cancel,
    get running() { return raf !== 0; },
    /** Main-thread milliseconds of each recent training frame, uPlot's redraw included. */
    frameTimes: () => [...times],
    destroy() { cancel(); io.disconnect(); },
  };
}
