// <ed-playground>: a live ED experiment for any page, in an open shadow root.
// It runs the page's own conductor (conductor.js) over a smaller set of views and
// controls; every instance on a page shares one wasm module. Built into one
// file with its chart library and styles (scripts/build-element.mjs), it finds
// the wasm next to itself: `pkg/ed_playground_bg.wasm` relative to its own URL.
import { run } from '../conductor.js';
import { loadEngine, reason } from '../engine.js';
import { fromPairs } from '../state.js';
import { readTheme, el } from '../ui.js';
import { testing } from '../test-hook.js';
import pageCss from '../style.css';
import uplotCss from 'uplot/dist/uPlot.min.css';
import elementCss from './element.css';

const WASM = new URL('./pkg/ed_playground_bg.wasm', import.meta.url);
// The page's URL parameters, under the same names; `paused` is `autoplay` here.
const STATE = ['task', 'bits', 'rule', 'loss', 'hidden', 'lr', 'seed', 'speed', 'changes', 'u0', 'u1', 'beta', 'noise', 'test_fraction', 'points', 'race'];
// Changed on a live element, these switch without a new run, as the page's fields do.
const LIVE = ['loss', 'lr', 'speed'];
// What else changing one attribute sets: the rule brings its defaults for the
// values it reads unless attributes give them (as its select does on the page);
// the task brings its bits.
const WITH = { rule: ['hidden', 'lr', 'u0', 'u1', 'beta', 'changes'], task: ['bits'] };
const VIEWS = ['chart', 'network', 'map', 'table'];
const CONTROLS = ['play', 'step', 'reset', 'loss', 'rule', 'lr', 'speed', 'task', 'noise', 'test_fraction', 'hidden', 'race', 'seed'];

// The element's own attributes, parsed like state.js's: `{ value }` or `{ error }`.
const list = (allowed) => (t) => {
  const parts = t.split(',').map((s) => s.trim()).filter((s) => s && s !== 'none');
  return parts.every((p) => allowed.includes(p)) ? { value: new Set(parts) } : { error: `must list some of ${allowed.join(', ')} (or none), separated by commas` };
};
const OWN = {
  autoplay: { def: true, parse: (t) => (['', 'true', '1'].includes(t) ? { value: true } : ['false', '0'].includes(t) ? { value: false } : { error: 'must be true or false' }) },
  controls: { def: new Set(), parse: list(CONTROLS), show: () => 'none' },
  views: { def: new Set(['chart']), parse: list(VIEWS), show: () => 'chart' },
  theme: { def: 'auto', parse: (t) => (['light', 'dark', 'auto'].includes(t) ? { value: t } : { error: 'must be light, dark or auto' }) },
};

const ICONS = {
  reset: 'M12 5V1L7 6l5 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z',
  play: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zm8 0h4v14h-4z',
  step: 'M6 18l8.5-6L6 6v12zM16 6v12h2V6h-2z',
  dice: 'M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm2.5 3a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm9 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zM12 10.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zM7.5 15a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm9 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z',
};
const icon = (name, cls) => `<svg${cls ? ` class="${cls}"` : ''} viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="${ICONS[name]}"/></svg>`;

// Every control and view, each marked with its name; the ones not asked for are
// removed. A constant: nothing from an attribute ever reaches this HTML.
const TEMPLATE = document.createElement('template');
TEMPLATE.innerHTML = `<div class="ed" part="frame">
<div class="ed-bar">
  <div class="transport">
    <button id="reset" data-control="reset" class="icon" type="button" aria-label="Reset" title="Reset">${icon('reset')}</button>
    <button id="play" data-control="play" class="play" type="button" aria-label="Play" title="Play">${icon('play', 'i-play')}${icon('pause', 'i-pause')}</button>
    <button id="step" data-control="step" class="icon" type="button" aria-label="Step" title="Step one epoch">${icon('step')}</button>
  </div>
  <p id="status" class="status" role="status">loading the learning engine…</p>
</div>
<p id="race-status" class="race-status" hidden></p>
<div class="fields">
  <label class="field" data-control="loss"><span>Loss function</span>
    <select id="loss" data-label="Loss function"><option value="mse">MSE</option><option value="bce">BCE</option><option value="bce-with-logits">BCE with logits</option></select></label>
  <label class="field" data-control="rule"><span>Rule</span>
    <select id="rule" data-label="Rule"><option value="seed">Loss-driven (seed)</option><option value="kaneko">Kaneko 1999</option></select></label>
  <label class="field" data-control="lr"><span id="lr-name">Learning rate</span>
    <input id="lr" data-label="Learning rate" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"></label>
  <label class="field" data-control="rule" data-rule="kaneko" hidden><span>u0 (sigmoid width)</span>
    <input id="u0" data-label="u0" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" title="f(u) = 1 / (1 + exp(-2u / u0)); greater than 0, at most 100"></label>
  <label class="field" data-control="rule" data-rule="kaneko" hidden><span>beta (bias input)</span>
    <input id="beta" data-label="beta" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" title="what the bias units feed; 0 to 100"></label>
  <label class="field" data-control="rule" data-rule="kaneko" hidden><span>u1 (hidden amine)</span>
    <input id="u1" data-label="u1" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" title="the error amine's factor in the hidden layers; 0 to 100"></label>
  <div class="field speed" data-control="speed"><label for="speed">Speed</label>
    <input id="speed" type="range" min="0" max="12" step="1" aria-describedby="speed-out"><span id="speed-out"></span></div>
  <label class="field" data-control="task"><span>Task</span>
    <select id="task" data-label="Task"><option value="xor">XOR</option><option value="and">AND</option><option value="or">OR</option><option value="nand">NAND</option>
      <option value="circle">Circle</option><option value="gaussians">Gaussians</option><option value="spiral">Spiral</option><option value="moons">Moons</option>
      <option value="adder">2-bit adder</option><option value="spiral3">3-class spiral</option></select></label>
  <div class="field" data-control="noise" data-plane><label for="noise">Noise</label>
    <input id="noise" type="range" min="0" max="0.5" step="0.05" aria-describedby="noise-out"><span id="noise-out"></span></div>
  <div class="field" data-control="test_fraction" data-plane><label for="test_fraction">Test share</label>
    <input id="test_fraction" type="range" min="0.1" max="0.9" step="0.1" aria-describedby="test_fraction-out"><span id="test_fraction-out"></span></div>
  <label class="field" data-control="hidden"><span>Hidden layers</span>
    <input id="hidden" data-label="Hidden layers" type="text" inputmode="numeric" autocomplete="off" spellcheck="false"></label>
  <label class="field check" data-control="race"><input id="race" type="checkbox"> <span>Race backprop</span></label>
  <div class="field seed" data-control="seed"><label for="seed">Seed</label>
    <span class="joined"><input id="seed" data-label="Seed" type="number" min="0" step="1" autocomplete="off"><button id="random-seed" type="button" class="icon small" aria-label="Random seed" title="Draw a random seed">${icon('dice')}</button></span></div>
</div>
<div id="notices" class="notices" aria-live="polite"></div>
<div id="diverged" class="alert" role="alert" hidden><p id="diverged-text">Training diverged.</p><button id="diverged-reset" type="button">Reset</button></div>
<div class="views">
  <section class="card" id="card-loss" data-view="chart" aria-label="Loss"><div id="loss-chart" class="chart"></div></section>
  <section class="card" id="card-network" data-view="network" aria-label="Network"><div class="canvas-box">
    <canvas id="network" role="img" aria-label="The network: units as + or − circles, connections coloured by sign, wider for larger weights"></canvas>
    <div id="network-tip" class="tip" hidden></div></div></section>
  <section class="card" id="card-output" data-view="map table" aria-label="Output"><div class="output-row">
    <div class="maps" data-view="map">
      <figure><canvas id="map" class="map" role="img" aria-label="Decision map: the network's output over the input square, with the training points filled and the test points as rings"></canvas>
        <figcaption id="map-caption" hidden>ED</figcaption></figure>
      <figure id="fig-map-bp" hidden><canvas id="map-bp" class="map" role="img" aria-label="Backprop's decision map, with the same points"></canvas>
        <figcaption>Backprop</figcaption></figure></div>
    <table id="truth" data-view="table" class="truth"><caption>Truth table</caption></table></div>
    <div id="output-maps" data-view="map" class="maps per-output" hidden></div></section>
</div>
</div>`;

// One set of style sheets, shared by every instance's shadow root.
const SHEETS = [uplotCss, pageCss, elementCss].map((css) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
});

const dark = matchMedia('(prefers-color-scheme: dark)');
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

export class EdPlaygroundElement extends HTMLElement {
  static observedAttributes = [...STATE, 'autoplay', 'controls', 'views', 'theme'];
  #root; #run = null; #gen = 0; #visible = true; #io = null;
  #theme = {}; #themeFns = new Set();
  #onDark = () => this.#retheme();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = SHEETS;
  }

  // For the tests and the benchmark only (test-hook.js): `element.playground`,
  // this instance's run (epoch, loss, state, loss series, frame times), read-only, once started.
  static {
    if (testing()) Object.defineProperty(this.prototype, 'playground', { get() { return this.#run?.hook; } });
  }

  connectedCallback() {
    // Out of view (with a margin), it does no work; back in view, it goes on.
    this.#io = new IntersectionObserver(([e]) => {
      this.#visible = e.isIntersecting;
      this.#run?.hold(!this.#visible);
    }, { rootMargin: '100px' });
    this.#io.observe(this);
    dark.addEventListener('change', this.#onDark);
    this.#start();
  }

  disconnectedCallback() {
    this.#gen++;
    this.#io?.disconnect();
    this.#io = null;
    dark.removeEventListener('change', this.#onDark);
    this.#run?.destroy();
    this.#run = null;
  }

  attributeChangedCallback(name, old, text) {
    if (old === text || !this.#io) return; // before connectedCallback, #start reads them all
    const r = this.#run;
    if (!r || name === 'controls' || name === 'views') { this.#start(); return; }
    if (OWN[name]) {
      const { value, problem } = this.#attr(name);
      if (problem) r.notify(problem);
      if (name === 'autoplay') r.play(value); else this.#retheme();
      return;
    }
    // All of them read again, so this one is read in context (a rule's defaults, a task's bits).
    const { state, problems } = this.#read();
    const names = [name, ...(WITH[name] ?? [])];
    for (const p of problems) if (names.includes(p.name)) r.notify(p.text);
    if (LIVE.includes(name)) r.set(name, state[name]);
    else r.setAll(Object.fromEntries(names.map((n) => [n, state[n]])));
  }

  // One of the element's own attributes: its value, or its default and a message naming the problem.
  #attr(name) {
    const text = this.getAttribute(name);
    if (text === null) return { value: OWN[name].def };
    const r = OWN[name].parse(text.trim());
    if (!r.error) return { value: r.value };
    return { value: OWN[name].def, problem: `Attribute “${name}” ${r.error}; using ${OWN[name].show?.() ?? OWN[name].def}.` };
  }

  // The run's attributes, read together by the engine's table, as the page reads its link.
  #read() {
    return fromPairs(STATE.filter((n) => this.hasAttribute(n)).map((n) => [n, this.getAttribute(n)]), 'Attribute');
  }

  #retheme() {
    const frame = this.#root.querySelector('.ed');
    if (!frame) return;
    frame.classList.remove('light', 'dark', 'auto');
    frame.classList.add(this.#attr('theme').value);
    readTheme(frame, this.#theme);
    this.#themeFns.forEach((f) => f());
  }

  async #start() {
    const gen = ++this.#gen;
    this.#run?.destroy();
    this.#run = null;
    this.#themeFns.clear();
    const problems = [];
    const get = (name) => {
      const { value, problem } = this.#attr(name);
      if (problem) problems.push(problem);
      return value;
    };
    // The element's own attributes first, so its frame (status included) shows
    // while the engine loads; then the run's, which the engine's table reads.
    const reduced = !get('autoplay') || reducedMotion();
    const controls = get('controls'), views = get('views');
    get('theme'); // applied by #retheme; read here for its message
    if (reduced) controls.add('play'); // never stuck paused without a way to start

    const frame = TEMPLATE.content.cloneNode(true);
    for (const e of frame.querySelectorAll('[data-control]')) if (!controls.has(e.dataset.control)) e.remove();
    for (const e of frame.querySelectorAll('[data-view]')) if (!e.dataset.view.split(' ').some((v) => views.has(v))) e.remove();
    for (const e of frame.querySelectorAll('.transport, .fields')) if (!e.children.length) e.remove();
    this.#root.replaceChildren(frame);
    this.#retheme();

    try {
      await loadEngine(WASM);
    } catch (e) {
      if (gen === this.#gen) this.#fail(e);
      return;
    }
    if (gen !== this.#gen) return;
    const { state, problems: refused } = this.#read();
    problems.push(...refused.map((p) => p.text));
    state.paused = reduced;

    let r = null;
    try {
      r = await run(this.#root, {
        state, problems, wasm: WASM, theme: this.#theme, chartHeight: 200, alive: () => gen === this.#gen,
        // Its place among the page's instances, so their heavy views take turns.
        stagger: Math.max(0, [...this.getRootNode().querySelectorAll('ed-playground')].indexOf(this)),
        onTheme: (f) => this.#themeFns.add(f),
        fail: (e) => this.#fail(e),
      });
    } catch (e) {
      if (gen === this.#gen) this.#fail(e);
      return;
    }
    if (!r) return;
    if (gen !== this.#gen) { r.destroy(); return; }
    this.#run = r;
    r.hold(!this.#visible);
  }

  #fail(error) {
    const status = this.#root.getElementById('status');
    if (status) status.textContent = 'stopped';
    const reload = el('button', { type: 'button' }, 'Reload');
    reload.addEventListener('click', () => location.reload());
    this.#root.getElementById('notices')?.append(el('p', { className: 'notice' }, `ED Playground stopped: ${reason(error)}. `, reload));
  }
}

if (!customElements.get('ed-playground')) customElements.define('ed-playground', EdPlaygroundElement);
