// The conductor: owns one training session and its animation loop (train N
// epochs, then draw the views that are due), and turns controls, files and keys
// into actions. It runs in a root (the page's document, or an embed's shadow
// root) over the views and controls found there; the page's run also keeps the
// URL in step with the state and owns the keyboard shortcuts.
import { fromQuery, toQuery, configOf, ruleDefaults, LOSSES, LOSS_LABELS } from './state.js';
import { controls } from './controls.js';
import { lossChart } from './loss-chart.js';
import { networkView } from './network.js';
import { weightsView } from './weights.js';
import { decisionView } from './decision.js';
import { truthTable } from './truth-table.js';
import { download, historyCsv, readModel } from './files.js';
import { loadEngine } from './engine.js';
import { theme as pageTheme, onTheme as onPageTheme, fmtNum, fmtInt, el } from './ui.js';

let started = 0; // playgrounds run on this page so far

/** The page: its state from the URL, its failures in the banner (boot.js). */
export async function start({ fail, hasFailed }) {
  await loadEngine();
  const { state, problems } = fromQuery(location.search);
  const run_ = await run(document, { state, problems, page: true, fail, hasFailed });
  // Read-only hooks for the end-to-end tests and the benchmark.
  window.__edPlayground = run_.hook;
  lazyExperiment(document.getElementById('card-experiment'));
  const digitsCard = document.getElementById('card-digits');
  lazyCard(digitsCard, () => import('./digits.js').then((m) => m.digitsPanel(digitsCard)));
}

// Kaneko's experiment is far down the page and most readers never run it: its
// code loads when the card comes near the screen, and its button (disabled in the
// HTML) works from then on.
function lazyExperiment(card) {
  lazyCard(card, () => import('./experiment.js').then((m) => m.experimentPanel(card)));
}

// The same for the handwritten digits card below it (and any card like them):
// `load` runs once, when `card` comes within 200 px of the screen.
function lazyCard(card, load) {
  if (!card) return;
  const io = new IntersectionObserver(([e]) => {
    if (!e.isIntersecting) return;
    io.disconnect();
    load();
  }, { rootMargin: '200px' });
  io.observe(card);
}

/**
 * Runs one playground in `root` (a document or a shadow root) and returns
 * `{ hook, set(name, value), setAll(values), notify(text), play(on), hold(on), retheme(), destroy() }`.
 * Options: `state` and `problems` (from state.js), `page` (owns the URL, the
 * keyboard shortcuts and the file buttons), `wasm` (the .wasm URL), `fail(error)` and
 * `hasFailed()` (who hears of an engine failure), `theme` and `onTheme(f)` (the colours), `alive()` (false: return null
 * at once, the root has moved on while the engine loaded).
 */
export async function run(root, opts) {
  const { state, problems = [], page = false, wasm, theme = pageTheme, onTheme = onPageTheme, fail, hasFailed = () => false } = opts;
  const $ = (id) => root.getElementById(id);
  const { Playground } = await loadEngine(wasm);
  if (opts.alive && !opts.alive()) return null; // its root was rebuilt while the engine loaded

  function notify(text) {
    const box = $('notices');
    for (const old of [...box.children]) if (old.firstChild.textContent === text) old.remove();
    const close = el('button', { type: 'button', className: 'close', title: 'Dismiss' }, '×');
    close.setAttribute('aria-label', 'Dismiss');
    const note = el('p', { className: 'notice' }, el('span', {}, text), close);
    close.addEventListener('click', () => note.remove());
    box.append(note);
  }
  problems.forEach(notify);
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) state.paused = true;

  // Each view only if its place is in the root.
  const views = {
    loss: $('loss-chart') && lossChart($('loss-chart'), theme, opts.chartHeight),
    net: $('network') && networkView($('network'), $('network-tip'), theme),
    weights: $('heatmaps') && weightsView($('heatmaps'), $('meanabs-chart'), $('weights-readout'), theme),
    map: $('map') && decisionView($('map'), theme),
    mapBp: $('map-bp') && decisionView($('map-bp'), theme, (p, n) => p.backpropDecisionMap(n)),
    table: $('truth') && truthTable($('truth')),
  };
  let pg = null, next = 0, live = {}, raf = 0, frame = 0, rate = null;
  let held = false, stopped = false;
  const times = [];
  const failed = () => stopped || hasFailed();
  const diverged = () => pg.divergedAt !== undefined;
  const show = controls({
    play() { if (!diverged()) setPlaying(state.paused); },
    step() { if (!state.paused) setPlaying(false); advance(1); settle(); },
    reset() {
      Object.assign(state, live, { changes: [] });
      build();
    },
    set: setParam,
    randomSeed: () => Playground.randomSeed(),
    problem: notify,
  }, root, page);

  // Loss and learning rate change live, the speed at once; the others rebuild.
  function setParam(name, value) {
    if (name === 'loss' || name === 'lr') change(name, value);
    else if (name === 'rule') { Object.assign(state, ruleDefaults(value), { changes: [] }); build(); }
    else {
      state[name] = value;
      if (name === 'task' && value !== 'parity') state.bits = 2; // only parity takes other bits
      if (name !== 'speed') build();
    }
    sync();
  }

  // Cards off screen are drawn rarely while training (Distill's d-figure does no work off screen).
  const onScreen = new Set();
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) e.isIntersecting ? onScreen.add(e.target.id) : onScreen.delete(e.target.id);
  });
  root.querySelectorAll('.card').forEach((c) => io.observe(c));

  // One small map per output of a several-output task (a class of the spiral,
  // a bit of the adder's sum), each from its own sub-network.
  let outputMaps = [];
  function resetOutputs() {
    const box = $('output-maps'), many = pg.outputCount > 1;
    if (box) {
      box.hidden = !many;
      const name = state.task === 'adder' ? (k) => `sum bit ${2 - k}` : (k) => `class ${k}`;
      const figures = [];
      outputMaps = many ? Array.from({ length: pg.outputCount }, (_, k) => {
        const canvas = el('canvas', { className: 'map small' });
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', `Decision map of ${name(k)} alone`);
        figures.push(el('figure', {}, canvas, el('figcaption', {}, name(k))));
        return decisionView(canvas, theme, (p, n) => p.decisionMapOutput(n, k));
      }) : [];
      box.replaceChildren(...figures);
      outputMaps.forEach((m) => m.reset(pg));
    }
    const select = $('view-output');
    if (select) {
      select.closest('label').hidden = !many;
      select.replaceChildren(...Array.from({ length: pg.outputCount }, (_, k) => new Option(`output ${k}`, String(k))));
    }
  }

  function adopt(next_) {
    pg?.free();
    pg = next_;
    const c = pg.config();
    live = { loss: c.loss, lr: c.lr };
    next = 0;
    if ($('fig-map-bp')) { $('fig-map-bp').hidden = !pg.racing; $('map-caption').hidden = !pg.racing; }
    $('card-output')?.classList.toggle('racing', pg.racing);
    resetOutputs();
    views.net?.reset(pg); views.weights?.reset(pg, () => pg); views.map?.reset(pg); views.table?.reset(pg);
    if (pg.racing) views.mapBp?.reset(pg);
    rate = freshRate();
    settle();
  }

  const create = () => {
    const p = new Playground(configOf(state));
    if (state.race) p.addBackprop();
    return p;
  };
  function build() {
    try {
      adopt(create());
    } catch (e) {
      notify(`${e.message}; using the seed's setting instead.`);
      Object.assign(state, fromQuery('').state, { speed: state.speed, paused: state.paused });
      adopt(create());
    }
    applyDue();
    sync();
  }

  // Live changes of loss and learning rate: recorded with their epoch, so the
  // link replays them; a change before any training just changes the start.
  function change(name, value) {
    if (value === live[name]) return;
    if (pg.epoch === 0) { Object.assign(state, live, { [name]: value, changes: [] }); build(); return; }
    const list = state.changes.slice(0, next), last = list.at(-1);
    if (last?.epoch === pg.epoch && last.name === name) list.pop();
    state.changes = [...list, { epoch: pg.epoch, name, value }];
    next = state.changes.length - 1;
    applyDue();
  }
  function applyDue() {
    for (let c; (c = state.changes[next]) && c.epoch <= pg.epoch; next++) {
      if (c.name === 'loss') pg.setLoss(c.value); else pg.setLearningRate(c.value);
      live[c.name] = c.value;
      sync();
    }
  }

  function advance(epochs) {
    while (epochs > 0 && !diverged()) {
      applyDue();
      const due = state.changes[next];
      const k = due ? Math.min(epochs, due.epoch - pg.epoch) : epochs;
      pg.step(k);
      epochs -= k;
    }
    applyDue();
    if (diverged() && !state.paused) setPlaying(false);
    if (diverged()) {
      $('diverged-text').textContent = `Training diverged at epoch ${pg.divergedAt}: the ${LOSS_LABELS[LOSSES.indexOf(live.loss)]} loss became infinite or not a number at learning rate ${live.lr}. Training has stopped; the views show the last finite weights. Lower the learning rate, then reset.`;
      sync();
    }
  }

  function setPlaying(on) {
    state.paused = !on;
    rate = freshRate();
    sync();
    if (on) schedule(); else settle(); // paused: every view shows the very last epoch
  }

  function sync() {
    if (page) history.replaceState(null, '', toQuery(state) + location.hash);
    // A screen reader hears the status when paused or stepping, not 20 times a second.
    $('status').setAttribute('aria-live', state.paused ? 'polite' : 'off');
    show(state, { playing: !state.paused, diverged: diverged(), loss: live.loss, lr: live.lr });
  }

  // Epochs per second, measured over half a second from here: none until then.
  function freshRate() { return { t: performance.now(), epoch: pg.epoch, value: null }; }
  function status(now) {
    if (now - rate.t > 500) rate = { t: now, epoch: pg.epoch, value: ((pg.epoch - rate.epoch) * 1000) / (now - rate.t) };
    // No rate until there is one to show: "0 epochs/s" would read as stuck.
    const tail = diverged() ? `diverged at epoch ${pg.divergedAt}` : state.paused ? 'paused'
      : rate.value === null ? '' : `${fmtInt(+rate.value.toPrecision(3))} epochs/s`;
    const text = `epoch ${pg.epoch} · loss ${fmtNum(pg.loss, 5)}${tail && ' · ' + tail}`;
    if ($('status').textContent !== text) $('status').textContent = text;
    const race = $('race-status');
    if (race) {
      race.hidden = !pg.racing;
      if (pg.racing) {
        const clock = (at, loss, diverged) => at !== undefined ? `solved at epoch ${fmtInt(at)}`
          : diverged !== undefined ? `diverged at epoch ${fmtInt(diverged)}` : `not yet (loss ${fmtNum(loss, 3)})`;
        const line = `ED ${clock(pg.solvedAt, pg.loss)} · backprop ${clock(pg.backpropSolvedAt, pg.backpropLoss, pg.backpropDivergedAt)} · ` +
          `solved: ${pg.solvedRule}`;
        if (race.textContent !== line) race.textContent = line;
      }
    }
  }

  // Several playgrounds on one page (a blog post's figures) draw on different
  // frames, so their heavy views do not all land on the same one.
  const stagger = started++;
  // What to draw while training, each on its own beat (every n frames from a
  // phase, so the views take turns), 16 times slower off screen, and slower still
  // if drawing a view costs more than about 1.5 ms a frame: a 256-unit network stays usable.
  const jobs = [
    ['card-loss', 2, 0, views.loss && (() => views.loss.update(pg, state.rule === 'kaneko' ? pg.kanekoStopAt : undefined))],
    ['card-network', 2, 1, views.net && (() => views.net.draw())],
    ['card-weights', 4, 1, views.weights && (() => views.weights.chart(pg))],
    ['card-weights', 3, 2, views.weights && (() => views.weights.draw(pg))],
    ['card-output', 4, 2, views.map && (() => views.map.draw())],
    ['card-output', 4, 0, views.mapBp && (() => pg.racing && views.mapBp.draw())],
    ['card-output', 8, 1, () => outputMaps.forEach((m) => m.draw())],
    ['card-output', 4, 3, views.table && (() => views.table.draw(pg))],
  ].filter((j) => j[3]).map(([card, every, phase, run]) => ({ card, every, run, last: phase + stagger - every, cost: 0 }));

  // f < 0 draws everything now.
  function draw(f) {
    for (const job of jobs) {
      if (f >= 0 && f - job.last < Math.max(job.every * (onScreen.has(job.card) ? 1 : 16), job.cost / 1.5)) continue;
      const t = performance.now();
      job.run();
      job.cost = 0.7 * job.cost + 0.3 * (performance.now() - t);
      if (f >= 0) job.last = f;
    }
    if (f < 0 || f % 3 === 1) status(performance.now());
  }
  function settle() {
    try { draw(-1); } catch (e) { stop(e); }
  }
  function stop(e) {
    stopped = true;
    fail(e);
  }

  // Held (an embed scrolled out of view) or in a hidden tab, it does no work.
  const idle = () => state.paused || held || failed() || document.visibilityState === 'hidden';
  function schedule() { if (!raf && !idle()) raf = requestAnimationFrame(tick); }
  function tick() {
    raf = 0;
    if (idle()) return;
    const t0 = performance.now();
    try {
      advance(state.speed);
      draw(frame++);
    } catch (e) { stop(e); return; }
    // Queued after uPlot's own redraw, so the time includes it.
    queueMicrotask(() => { times.push(performance.now() - t0); if (times.length > 600) times.shift(); });
    schedule(); // unless paused: a divergence pauses and draws everything itself
  }

  const name = (kind) => `ed-${kind}-${state.task}-${live.loss}-seed${state.seed}-epoch${pg.epoch}`;
  const save = (file, text, type) => () => {
    try { download(file(), text(), type); } catch (e) { notify(`Could not save: ${e.message}.`); }
  };
  $('save-csv')?.addEventListener('click', save(() => name('loss') + '.csv', () => historyCsv(pg), 'text/csv'));
  $('save-json')?.addEventListener('click', save(() => name('model') + '.json', () => pg.toJSON(), 'application/json'));
  $('view-output')?.addEventListener('change', (e) => {
    pg.viewOutput(Number(e.target.value));
    views.net?.reset(pg); views.weights?.reset(pg, () => pg);
    settle();
  });
  $('load')?.addEventListener('change', async (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (!file) return;
    let loaded;
    try { loaded = await readModel(file, Playground); } catch (err) {
      notify(`Could not load ${file.name}: ${err.message}. The current run goes on unchanged.`);
      return;
    }
    const c = loaded.config();
    Object.assign(state, { task: c.task, bits: c.bits, rule: c.rule, loss: c.loss, hidden: c.hidden, lr: c.lr, seed: c.seed, changes: [] });
    adopt(loaded);
    sync();
    notify(`Loaded ${file.name} at epoch ${loaded.epoch}. The link now gives its settings from epoch 0, not its trained weights.`);
  });

  const retheme = () => { views.loss?.retheme(); views.weights?.retheme(pg); settle(); };
  onTheme(retheme);
  const wake = () => {
    if (idle()) return;
    rate = freshRate();
    schedule();
  };
  document.addEventListener('visibilitychange', wake);

  build();
  schedule();

  return {
    /** Read-only: for the end-to-end tests and the benchmark. */
    hook: Object.freeze({
      get state() { return structuredClone(state); },
      get epoch() { return pg.epoch; },
      get loss() { return pg.loss; },
      get liveLoss() { return live.loss; },
      get divergedAt() { return pg.divergedAt; },
      get running() { return !!raf; },
      lossSeries: () => views.loss?.series() ?? [],
      lossMarks: () => views.loss?.marks() ?? [],
      get race() { return pg.racing ? { ed: pg.solvedAt, backprop: pg.backpropSolvedAt, backpropLoss: pg.backpropLoss, backpropDivergedAt: pg.backpropDivergedAt } : null; },
      get outputs() { return pg.outputCount; },
      scores: () => Array.from(pg.scores()),
      /** Every layer's weights, as the views draw them. */
      weights: () => Array.from({ length: pg.layerCount() }, (_, l) => Array.from(pg.layerWeights(l))),
      /** Main-thread milliseconds of each recent training frame, uPlot's redraw included. */
      get frameTimes() { return [...times]; },
    }),
    set: setParam,
    /** Several values at once, then one new run (an embed's attributes, read together). */
    setAll(values) { Object.assign(state, values); build(); },
    notify,
    play(on) { if (!diverged() && on === state.paused) setPlaying(on); },
    hold(on) { held = on; if (on) { cancelAnimationFrame(raf); raf = 0; } else wake(); },
    retheme,
    destroy() {
      stopped = true;
      cancelAnimationFrame(raf); raf = 0;
      io.disconnect();
      document.removeEventListener('visibilitychange', wake);
      pg?.free(); pg = null;
    },
  };
}
