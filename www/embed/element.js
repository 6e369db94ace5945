// <ed-playground>: a live ED experiment for any page, in an open shadow root.
// It runs the page's own conductor (conductor.js) over a smaller set of views and
// controls; every instance on a page shares one wasm module. Built into one
// file with its chart library and styles (scripts/build-element.mjs), it finds
// the wasm next to itself: `pkg/ed_playground_bg.wasm` relative to its own URL.
import { run } from '../conductor.js';
import { loadEngine, reason } from '../engine.js';
import { fromPairs, schema, entry, brings } from '../state.js';
import { fields, controlOf } from '../fields.js';
import { ICONS } from '../icons.js';
import { readTheme, el } from '../ui.js';
import { testing } from '../test-hook.js';
import pageCss from '../style.css';
import uplotCss from 'uplot/dist/uPlot.min.css';
import elementCss from './element.css';

const WASM = new URL('./pkg/ed_playground_bg.wasm', import.meta.url);
// The engine first: its parameter table names the element's attributes and
// builds its fields. If it cannot load, each instance says so (#start tries again).
const failed = await loadEngine(WASM).then(() => false, () => true);
const table = failed ? [] : schema();
// The page's URL parameters, under the same names; `paused` is `autoplay` here.
const STATE = table.map((e) => e.name).filter((name) => name !== 'paused');
const VIEWS = ['chart', 'network', 'map', 'table'];
// The transport buttons, then each parameter control (a rule's own parameters come with its select).
const CONTROLS = ['play', 'step', 'reset', ...new Set(table.filter((e) => e.control !== 'none').map(controlOf))];

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
<div class="fields"></div>
<div id="notices" class="notices" aria-live="polite"></div>
<div id="diverged" class="alert" role="alert" hidden><p id="diverged-text">Training diverged.</p><button id="diverged-reset" type="button">Reset</button></div>
<div id="frozen" class="alert frozen" role="alert" hidden></div>
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
  static observedAttributes = [...STATE, ...Object.keys(OWN)];
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
    this.#themeFns.clear(); // the run's redraws: a theme change must not rebuild its charts
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
    // What else it sets: a rule brings its defaults for the values it reads unless
    // attributes give them (as its select does on the page), a task its bits.
    const names = [name, ...Object.keys(brings(name, state[name]))];
    for (const p of problems) if (names.includes(p.name)) r.notify(p.text);
    // A live one (loss, learning rate, speed) switches without a new run, as the page's fields do.
    if (entry(name).live) r.set(name, state[name]);
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
    if (!failed) frame.querySelector('.fields').append(...fields((name) => controls.has(name)));
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
