// <ed-playground>: a live ED experiment for any page, in an open shadow root.
// It runs the page's own conductor (main.js) over a smaller set of views and
// controls; every instance on a page shares one wasm module. Built into one
// file with its chart library and styles (scripts/build-element.mjs), it finds
// the wasm next to itself: `pkg/ed_playground_bg.wasm` relative to its own URL.
import { run } from '../main.js';
import { loadEngine, reason } from '../engine.js';
import { parse, defaults } from '../state.js';
import { readTheme, el } from '../ui.js';
import pageCss from '../style.css';
import uplotCss from 'uplot/dist/uPlot.min.css';
import elementCss from './element.css';

const WASM = new URL('./pkg/ed_playground_bg.wasm', import.meta.url);
const STATE = ['task', 'loss', 'hidden', 'lr', 'seed', 'speed'];
const VIEWS = ['chart', 'network', 'map', 'table'];
const CONTROLS = ['play', 'step', 'reset', 'loss', 'lr', 'speed', 'task', 'hidden', 'seed'];

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
<div class="fields">
  <label class="field" data-control="loss"><span>Loss function</span>
    <select id="loss" data-label="Loss function"><option value="mse">MSE</option><option value="bce">BCE</option><option value="bce-with-logits">BCE with logits</option></select></label>
  <label class="field" data-control="lr"><span>Learning rate</span>
    <input id="lr" data-label="Learning rate" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"></label>
  <div class="field speed" data-control="speed"><label for="speed">Speed</label>
    <input id="speed" type="range" min="0" max="12" step="1" aria-describedby="speed-out"><span id="speed-out"></span></div>
  <label class="field" data-control="task"><span>Task</span>
    <select id="task" data-label="Task"><option value="xor">XOR</option><option value="and">AND</option><option value="or">OR</option><option value="nand">NAND</option></select></label>
  <label class="field" data-control="hidden"><span>Hidden layers</span>
    <input id="hidden" data-label="Hidden layers" type="text" inputmode="numeric" autocomplete="off" spellcheck="false"></label>
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
    <canvas id="map" data-view="map" class="map" role="img" aria-label="Decision map: the network's output over the input square, with the training points"></canvas>
    <table id="truth" data-view="table" class="truth"><caption>Truth table</caption></table></div></section>
</div>
</div>`;

let sheets;
function styles() {
  sheets ??= [uplotCss, pageCss, elementCss].map((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  return sheets;
}

const dark = matchMedia('(prefers-color-scheme: dark)');
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const showDefault = (name, v) => (OWN[name]?.show ? OWN[name].show(v) : Array.isArray(v) ? v.join(',') : String(v));

export class EdPlaygroundElement extends HTMLElement {
  static observedAttributes = [...STATE, 'autoplay', 'controls', 'views', 'theme'];
  #root; #run = null; #gen = 0; #visible = true; #io = null;
  #theme = {}; #themeFns = new Set();
  #onDark = () => this.#retheme();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = styles();
  }

  /** Read-only: this instance's run (epoch, loss, state, loss series, frame times), once started. */
  get playground() { return this.#run?.hook; }

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
    const { value, problem } = this.#attr(name);
    if (problem) r.notify(problem);
    if (name === 'autoplay') r.play(value);
    else if (name === 'theme') this.#retheme();
    else r.set(name, value);
  }

  // One attribute's value, or its default and a message naming the problem.
  #attr(name) {
    const text = this.getAttribute(name);
    const def = OWN[name] ? OWN[name].def : defaults()[name];
    if (text === null) return { value: def };
    const r = OWN[name] ? OWN[name].parse(text.trim()) : parse(name, text);
    if (!r.error) return { value: r.value };
    return { value: def, problem: `Attribute “${name}” ${r.error}; using ${showDefault(name, def)}.` };
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
    const state = defaults();
    for (const name of STATE) state[name] = get(name);
    state.paused = reduced;

    let r = null;
    try {
      r = await run(this.#root, {
        state, problems, wasm: WASM, theme: this.#theme, chartHeight: 200, alive: () => gen === this.#gen,
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
