// <ed-playground>: a live ED experiment for any page, in an open shadow root.
// It runs the page's own conductor (conductor.js) over a smaller set of views and
// controls; every instance on a page shares one wasm module. Built into one
// file with its chart library and styles (scripts/build-element.mjs), it finds
// the wasm next to itself: `pkg/ed_playground_bg.wasm` relative to its own URL,
// unless the page's first instance with a `wasm-url` names another (wasm-url.js).
import { run } from '../app/conductor.js';
import { loadEngine, reason } from '../app/engine.js';
import { entry, brings } from '../app/state.js';
import { fields } from '../panels/fields.js';
import { ICONS } from '../icons.js';
import { readTheme, el } from '../ui.js';
import { testing } from '../app/test-hook.js';
import paletteCss from '../palette.css';
import pageCss from '../style.css';
import uplotCss from 'uplot/dist/uPlot.min.css';
import elementCss from './element.css';
import {
  PARAMETER,
  OWN,
  forConsole,
  learnNames,
  readOwn,
  readRun,
  unknownAttributes,
  hiddenWarning,
  fromLink,
} from './attributes.js';
import { BUNDLE, engineMissing } from './missing.js';
import { pageWasm, wasmUrlProblem } from './wasm-url.js';
import { chooseLanguage, learn, speak, applyWords, wordsAt } from '../words/index.js';
import { missingCards } from '../views/registry.js';

const NEXT_TO_SCRIPT = new URL('./pkg/ed_playground_bg.wasm', import.meta.url);
// Read before the engine loads: a module script (unless async) runs once the page's HTML is parsed.
const WASM = pageWasm(NEXT_TO_SCRIPT);
// The engine first: its parameter table names the element's attributes and
// builds its fields. If it cannot load, each instance says why (and, when its
// file is missing, which file to copy where).
let failed = await loadEngine(WASM).then(
  () => false,
  () => true,
);
if (!failed) learnNames();

/** An icon's SVG markup (a constant of icons.js). @param {keyof typeof ICONS} name @param {string} [cls] */
const icon = (name, cls) =>
  `<svg${cls ? ` class="${cls}"` : ''} viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="${ICONS[name]}"/></svg>`;

// Every control and the views with markup of their own here, each marked with
// its name; the ones not asked for are removed (the other views of the registry
// bring their cards when asked for: see #start). A constant: nothing from an attribute ever reaches this HTML. Its
// English is the first paint; `data-w*` name each text's words (words/embed.js),
// written in the instance's language when it starts.
const TEMPLATE = document.createElement('template');
TEMPLATE.innerHTML = `<div class="ed" part="frame">
<div class="ed-bar">
  <div class="transport">
    <button id="reset" data-control="reset" class="icon" type="button" aria-label="Reset" title="Reset" data-w-label="bar.reset" data-w-title="bar.reset">${icon('reset')}</button>
    <button id="play" data-control="play" class="play" type="button" aria-label="Play" title="Play" data-w-label="bar.play" data-w-title="bar.play">${icon('play', 'i-play')}${icon('pause', 'i-pause')}</button>
    <button id="step" data-control="step" class="icon" type="button" aria-label="Step" title="Step one epoch" data-w-label="bar.step" data-w-title="embed.step.title">${icon('step')}</button>
  </div>
  <p id="status" class="status" role="status" data-w="status.loading">loading the learning engine…</p>
</div>
<p id="race-status" class="race-status" hidden></p>
<div class="fields"></div>
<div id="notices" class="notices" aria-live="polite"></div>
<div id="diverged" class="alert" role="alert" hidden><p id="diverged-text" data-w="diverged.short">Training diverged.</p><button id="diverged-reset" type="button" data-w="diverged.reset">Reset</button></div>
<div id="solved" class="solved" role="region" aria-label="Solved" data-w-label="solved.label" aria-live="polite" hidden><p id="solved-text" data-w="solved.short">Solved.</p>
  <div class="solved-buttons"><button id="solved-replay" type="button" data-w="solved.replay">Replay</button> <button id="solved-keep" type="button" data-w="solved.keep">Keep training</button> <button id="solved-close" class="close" type="button" aria-label="Close" data-w-label="solved.close">×</button></div></div>
<div id="frozen" class="alert frozen" role="alert" hidden></div>
<div class="views">
  <section class="card" id="card-loss" data-view="chart" aria-label="Loss" data-w-label="embed.card.loss"><div id="loss-chart" class="chart"></div></section>
  <section class="card" id="card-network" data-view="network" aria-label="Network" data-w-label="embed.card.network"><div class="canvas-box">
    <canvas id="network" role="img" data-w-label="page.network.canvas" aria-label="The network: units as + or − circles, connections coloured by sign, wider for larger weights"></canvas>
    <div id="network-tip" class="tip" hidden></div></div>
    <button id="explain-open" data-control="explain" class="explain-open" type="button" title="Pause and walk through the next pattern's update, stage by stage" data-w="explain.button" data-w-title="explain.buttonTitle">Explain one step</button>
    <section id="explain" data-control="explain" class="explain" aria-labelledby="explain-title" hidden>
      <div class="explain-head"><h3 id="explain-title" data-w="explain.label">One ED update</h3><span id="explain-progress" class="explain-progress"></span>
        <button id="explain-close" class="close" type="button" aria-label="Close the explanation" data-w-label="explain.close">×</button></div>
      <p id="explain-where" class="explain-where"></p><div id="explain-body" class="explain-body" aria-live="polite"></div>
      <div class="explain-nav"><button id="explain-back" type="button" data-w="explain.back">Back</button><button id="explain-next" class="primary" type="button" data-w="explain.next">Next</button></div></section></section>
  <section class="card" id="card-output" data-view="map table" aria-label="Output" data-w-label="embed.card.output"><div class="output-row">
    <div class="maps" data-view="map">
      <figure><canvas id="map" class="map" role="img" data-w-label="page.output.map" aria-label="Decision map: the network's output over the input square, with the training points filled and the test points as rings"></canvas>
        <figcaption id="map-caption" data-w="embed.map.ed" hidden>ED</figcaption></figure>
      <figure id="fig-map-bp" hidden><canvas id="map-bp" class="map" role="img" data-w-label="page.output.mapBp" aria-label="Backprop's decision map, with the same points"></canvas>
        <figcaption data-w="embed.map.bp.caption">Backprop</figcaption></figure></div>
    <table id="truth" data-view="table" class="truth"><caption data-w="embed.truth">Truth table</caption></table></div>
    <div id="output-maps" data-view="map" class="maps per-output" hidden></div></section>
</div>
</div>`;

// One set of style sheets, shared by every instance's shadow root.
const SHEETS = [uplotCss, paletteCss, pageCss, elementCss].map((css) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
});

const dark = matchMedia('(prefers-color-scheme: dark)');
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** A running playground, as the conductor hands it back. @typedef {NonNullable<Awaited<ReturnType<typeof run>>>} Playground */

export class EdPlaygroundElement extends HTMLElement {
  // `hidden` too: older snippets gave the layer sizes so (see attributes.js).
  // `lang`: its language, chosen when it starts; a change rebuilds it in the new one.
  static observedAttributes = [...PARAMETER.keys(), ...OWN, 'hidden', 'lang'];
  /** A page link's parameter as this element's attribute (embed.html's URL). */
  static fromLink = fromLink;
  /** The language a root speaks (words/index.js): embed.html's `lang=` or the browser's. */
  static chooseLanguage = chooseLanguage;
  /** @type {ShadowRoot} */
  #root;
  /** @type {Playground | null} */
  #run = null;
  #gen = 0; // which start is current: a start that finds it moved on stops
  #visible = true;
  /** @type {IntersectionObserver | null} */
  #io = null;
  /** The colours in force, refilled in place (the views hold it). @type {import('../views/contract.js').Theme} */
  #theme = /** @type {import('../views/contract.js').Theme} */ ({});
  /** The run's redraws for a new theme. @type {Set<() => void>} */
  #themeFns = new Set();
  #onDark = () => this.#retheme();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = SHEETS;
  }

  /** What its run has told (conductor.js `tell`): reset with each start. */
  #told = { epoch: 0, meanLoss: /** @type {number | null} */ (null), solvedAt: /** @type {number | null} */ (null) };

  /** The epoch its run has reached: 0 before it trains. A reader's API (docs/embedding.md). */
  get epoch() {
    return this.#told.epoch;
  }

  /** The mean loss of its last epoch, null before one. (Its `loss` attribute names the loss function.) */
  get meanLoss() {
    return this.#told.meanLoss;
  }

  /** The epoch its run solved its task at, null until it does. */
  get solvedAt() {
    return this.#told.solvedAt;
  }

  // Each new epoch a frame reached (`ed-epoch`, at most once a frame) and the
  // solve (`ed-solved`, once a run): events on the element, which bubble.
  /** @param {'start' | 'epoch' | 'solved'} what @param {{ epoch: number, loss?: number }} detail */
  #hear(what, detail) {
    if (what === 'start') {
      this.#told = { epoch: 0, meanLoss: null, solvedAt: null }; // a new run (Reset, a new task)
      return;
    }
    if (what === 'epoch') Object.assign(this.#told, { epoch: detail.epoch, meanLoss: detail.loss ?? null });
    else this.#told.solvedAt = detail.epoch;
    const name = what === 'epoch' ? 'ed-epoch' : 'ed-solved';
    this.dispatchEvent(new CustomEvent(name, { detail: { ...detail }, bubbles: true }));
  }

  // For the tests and the benchmark only (test-hook.js): `element.playground`,
  // this instance's run (epoch, loss, state, loss series, frame times), read-only, once started.
  static {
    if (testing())
      Object.defineProperty(EdPlaygroundElement.prototype, 'playground', {
        /** @this {EdPlaygroundElement} */
        get() {
          return this.#run?.hook;
        },
      });
  }

  connectedCallback() {
    // Out of view (with a margin), it does no work; back in view, it goes on.
    this.#io = new IntersectionObserver(
      (entries) => {
        // The last entry is the figure's state now: scrolled away and back
        // across a long task, one batch holds both (false, then true).
        const e = entries.at(-1);
        if (!e) return;
        this.#visible = e.isIntersecting;
        this.#run?.hold(!this.#visible);
      },
      { rootMargin: '100px' },
    );
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

  /** @param {string} attr @param {string | null} old @param {string | null} text */
  attributeChangedCallback(attr, old, text) {
    if (old === text || !this.#io) return; // before connectedCallback, #start reads them all
    const r = this.#run;
    if (!r || attr === 'controls' || attr === 'views' || attr === 'lang') {
      this.#start();
      return;
    }
    if (OWN.includes(attr)) {
      const { value, problem } = this.#attr(/** @type {import('./attributes.js').OwnName} */ (attr));
      if (problem) this.#tell(problem);
      if (attr === 'autoplay') r.play(/** @type {boolean} */ (value));
      else this.#retheme();
      return;
    }
    if (attr === 'hidden') {
      // HTML's own (bare: hide it, the host's style does); layer sizes only in an older snippet's form.
      const warning = hiddenWarning(this);
      if (!warning) return;
      console.warn(warning);
      if (this.hasAttribute('layers')) return;
    }
    const name = PARAMETER.get(attr) ?? 'hidden';
    // All of them read again, so this one is read in context (a rule's defaults, a task's bits).
    const { state, problems } = readRun(this);
    // What else it sets: a rule brings its defaults for the values it reads unless
    // attributes give them (as its select does on the page), a task its bits.
    const names = [name, ...Object.keys(brings(name, state[name]))];
    for (const p of problems) if (names.includes(p.name)) this.#tell(p.text);
    // A live one (loss, learning rate, speed) switches without a new run, as the page's fields do.
    if (entry(name).live) r.set(name, state[name]);
    else r.setAll(Object.fromEntries(names.map((n) => [n, state[n]])));
  }

  // One of the element's own attributes: its value, or its default and a message naming the problem.
  /** @template {import('./attributes.js').OwnName} K @param {K} name */
  #attr(name) {
    return readOwn(this, name, !failed);
  }

  // A mistake in an attribute: in the console, for the author, and in the figure, where they preview it.
  /** @param {string} text */
  #tell(text) {
    console.warn(forConsole(text));
    this.#run?.notify(text);
  }

  #retheme() {
    const frame = this.#root.querySelector('.ed');
    if (!(frame instanceof HTMLElement)) return;
    frame.classList.remove('light', 'dark', 'auto');
    frame.classList.add(this.#attr('theme').value);
    readTheme(frame, this.#theme);
    this.#themeFns.forEach((f) => f());
  }

  /**
   * The element's own attributes (autoplay, controls, views, theme), each one's
   * problem added to `problems` in the words `w`: whether it starts paused, and
   * the controls and views it shows.
   * @param {string[]} problems @param {import('../words/index.js').Words} w
   */
  #own(problems, w) {
    /** @template {import('./attributes.js').OwnName} K @param {K} name */
    const get = (name) => {
      const { value, problem } = this.#attr(name);
      if (problem) problems.push(problem);
      return value;
    };
    const reduced = !get('autoplay') || reducedMotion();
    const controls = get('controls'),
      views = get('views');
    get('theme'); // applied by #retheme; read here for its message
    if (reduced) controls.add('play'); // never stuck paused without a way to start
    // Explain one step shows its update on the network view: without it, said, not an empty button.
    if (controls.has('explain') && !views.has('network')) {
      controls.delete('explain');
      problems.push(w('embed.explainAlone'));
    }
    return { reduced, controls, views };
  }

  async #start() {
    const gen = ++this.#gen;
    this.#told = { epoch: 0, meanLoss: null, solvedAt: null };
    this.#run?.destroy();
    this.#run = null;
    this.#themeFns.clear();
    // Its language first, as every message below is written in it: its own
    // `lang`, else the nearest one around it, else the browser's.
    const lang = chooseLanguage(this.getAttribute('lang'), this);
    try {
      await learn(lang); // one language's words, loaded once for every figure that speaks it
    } catch (e) {
      // No words to say it in (their file failed to load): the reason alone.
      console.error(forConsole(reason(e)));
      if (gen === this.#gen) this.#root.replaceChildren(el('p', { className: 'notice', role: 'alert' }, reason(e)));
      return;
    }
    if (gen !== this.#gen) return;
    const w = speak(this.#root, lang);
    const named = !failed; // built with the engine's names and fields
    const problems = named ? unknownAttributes(this) : [];
    const wasmProblem = wasmUrlProblem(this, WASM, w);
    if (wasmProblem) problems.push(wasmProblem);
    const warning = named ? hiddenWarning(this) : null;
    if (warning) console.warn(warning);
    // The element's own attributes first, so its frame (status included) shows
    // while the engine loads; then the run's, which the engine's table reads.
    const { reduced, controls, views } = this.#own(problems, w);

    const frame = /** @type {DocumentFragment} */ (TEMPLATE.content.cloneNode(true));
    const part = (/** @type {string} */ selector) => /** @type {HTMLElement} */ (frame.querySelector(selector));
    if (named)
      part('.fields').append(
        ...fields((/** @type {string} */ control) => controls.has(control), undefined, this.#root),
      );
    for (const e of frame.querySelectorAll('[data-control]'))
      if (!controls.has(/** @type {HTMLElement} */ (e).dataset.control ?? '')) e.remove();
    for (const e of frame.querySelectorAll('[data-view]')) {
      const shows = /** @type {HTMLElement} */ (e).dataset.view ?? '';
      if (!shows.split(' ').some((v) => views.has(v))) e.remove();
    }
    // Which views it shows, for the layout (element.css).
    part('.views').dataset.views = [...views].join(' ');
    for (const e of frame.querySelectorAll('.transport, .fields')) if (!e.children.length) e.remove();
    this.#root.replaceChildren(frame);
    // The views asked for that the template has no markup for bring their own
    // cards (their specs' `place`, views/registry.js), after the template's.
    this.#root.querySelector('.views')?.append(...missingCards(this.#root, views));
    applyWords(this.#root, w);
    this.#retheme();

    if (!named) {
      // Its file missing, as when only ed-playground.js was copied: no reload will bring it.
      const missing = await engineMissing(WASM, WASM !== NEXT_TO_SCRIPT);
      if (gen !== this.#gen) return;
      if (missing) {
        this.#fail(null, missing(w));
        return;
      }
    }
    try {
      await loadEngine(WASM);
    } catch (e) {
      // A file that is there but is no engine of this build (another version's
      // wasm, a damaged copy): no reload brings the right one either. Imports
      // from a module the glue does not provide are a TypeError of WebAssembly's.
      const wrong =
        e instanceof WebAssembly.LinkError ||
        e instanceof WebAssembly.CompileError ||
        (e instanceof TypeError && e.message.startsWith('WebAssembly.'));
      if (gen === this.#gen) this.#fail(e, wrong ? w('embed.wrongEngine', WASM.href, BUNDLE, e.message) : undefined);
      return;
    }
    if (gen !== this.#gen) return;
    if (!named) {
      // Loaded at a later try: built again, with the names and fields its table gives.
      failed = false;
      learnNames();
      this.#start();
      return;
    }
    const { state, problems: refused } = readRun(this);
    problems.push(...refused.map((p) => p.text));
    problems.forEach((p) => console.warn(forConsole(p)));
    state.paused = reduced;

    let r = null;
    try {
      r = await run(this.#root, {
        state,
        problems,
        wasm: WASM,
        theme: this.#theme,
        chartHeight: 200,
        alive: () => gen === this.#gen,
        // Its place among the page's instances, so their heavy views take turns.
        stagger: Math.max(
          0,
          [.../** @type {Document | ShadowRoot} */ (this.getRootNode()).querySelectorAll('ed-playground')].indexOf(
            this,
          ),
        ),
        onTheme: (/** @type {() => void} */ f) => this.#themeFns.add(f),
        fail: (/** @type {unknown} */ e) => this.#fail(e),
        tell: (
          /** @type {'start' | 'epoch' | 'solved'} */ what,
          /** @type {{ epoch: number, loss?: number }} */ detail,
        ) => {
          if (gen === this.#gen) this.#hear(what, detail);
        },
      });
    } catch (e) {
      if (gen === this.#gen) this.#fail(e);
      return;
    }
    if (!r) return;
    if (gen !== this.#gen) {
      r.destroy();
      return;
    }
    this.#run = r;
    r.hold(!this.#visible);
  }

  // `missing`: what to copy where, when the engine's file is not there (no Reload: it cannot help).
  /** @param {unknown} error @param {string} [missing] */
  #fail(error, missing) {
    const w = wordsAt(this.#root);
    const status = this.#root.getElementById('status');
    if (status) status.textContent = w('embed.stopped');
    const notices = this.#root.getElementById('notices');
    if (missing) {
      console.error(forConsole(missing));
      notices?.append(el('p', { className: 'notice', role: 'alert' }, missing));
      return;
    }
    const reload = el('button', { type: 'button' }, w('embed.reload'));
    reload.addEventListener('click', () => location.reload());
    notices?.append(el('p', { className: 'notice' }, w('embed.failed', reason(error)), reload));
  }
}

if (!customElements.get('ed-playground')) customElements.define('ed-playground', EdPlaygroundElement);
