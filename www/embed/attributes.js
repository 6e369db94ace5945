// <ed-playground>'s attributes, read as text and only ever shown as text. The
// run's come from the engine's parameter table under their attribute names
// (its `attribute`: `layers` for the layer sizes, which HTML's global `hidden`
// cannot carry; none for `paused`, which is `autoplay` here), read together by
// the engine as a link is; the element's own four are read here. A mistake is
// named with the value it refused and, when one is near, the name or value
// that was probably meant (the engine's `nearestName`), and the rest applies.
import { engine } from '../app/engine.js';
import { schema, show, parse } from '../app/state.js';
import { controlOf } from '../panels/fields.js';
import { wordsAt } from '../words/index.js';
import { VIEW_TOKENS } from '../views/registry.js';

/** The words of a root (words/index.js). @typedef {ReturnType<typeof import('../words/index.js').wordsIn>} Words */
/** One of the element's own attributes read: its value, and what was wrong with its text, if anything.
 * @template T @typedef {{ value: T, problem?: string | null }} Read */

/** The words an element's messages are in: its shadow root's language (words/embed.js).
 * @param {HTMLElement} element @returns {Words} */
export const wordsOf = (element) => wordsAt(element.shadowRoot);
/** A console line naming the element (its messages' prefix there). @param {string} text */
export const forConsole = (text) => `<ed-playground>: ${text}`;
/** The engine's refusal, in the element's language where the engine gives one.
 * @param {Words} w @param {string | import('../../pkg/ed_playground.js').Words | undefined} error @returns {string} */
const said = (w, error) => (typeof error === 'string' ? error : w.pick(error));

// HTML's own attributes and those a site or framework adds: none is a mistake.
const GLOBAL = new Set([
  'id',
  'class',
  'style',
  'title',
  'lang',
  'dir',
  'hidden',
  'tabindex',
  'slot',
  'part',
  'exportparts',
  'role',
  'is',
  'inert',
  'autofocus',
  'accesskey',
  'autocapitalize',
  'contenteditable',
  'draggable',
  'enterkeyhint',
  'inputmode',
  'nonce',
  'popover',
  'spellcheck',
  'translate',
  'itemid',
  'itemprop',
  'itemref',
  'itemscope',
  'itemtype',
]);
const foreign = (/** @type {string} */ name) => GLOBAL.has(name) || /^(aria-|data-|on)|[:@]|^_/.test(name);

const table = () => schema().filter((e) => e.attribute);
/** The run's attributes, in the table's order, and the parameter each gives. @type {Map<string, string>} */
export const PARAMETER = new Map();
// The transport buttons, then each parameter control, named as its attribute
// (a rule's own parameters come with its select): the `controls` tokens.
/** @type {Map<string, string>} */
const CONTROL = new Map([
  ['play', 'play'],
  ['step', 'step'],
  ['reset', 'reset'],
]);
/** The `views` tokens: the views registry's (views/registry.js). */
export const VIEWS = VIEW_TOKENS;
const THEMES = ['light', 'dark', 'auto'];
export const OWN = ['autoplay', 'controls', 'views', 'theme'];
/** Every attribute of the element's own (once the engine's table is read). @type {string[]} */
let ALL = [];

/** Fills the names from the engine's table; call once it is loaded. */
export function learnNames() {
  if (PARAMETER.size) return;
  for (const e of table()) if (e.attribute) PARAMETER.set(e.attribute, e.name);
  for (const e of schema().filter((x) => x.control !== 'none')) {
    const control = controlOf(e);
    CONTROL.set(control === e.name ? (e.attribute ?? control) : control, control);
  }
  // Last: the Explain one step button and its panel, under the network view (www/explain.js).
  CONTROL.set('explain', 'explain');
  ALL = [...PARAMETER.keys(), ...OWN, 'wasm-url']; // wasm-url: read once, before the engine loads (wasm-url.js)
}

/** The attribute of parameter `name` (a link's name: `hidden` gives `layers`). @param {string} name @returns {string} */
export const attributeOf = (name) => schema().find((e) => e.name === name)?.attribute ?? name;

// A suggestion for `typed` among `names`: a parameter's own name for its
// attribute (`hidden` → `layers`), else the nearest by the engine's edit distance.
/** @param {string} typed @param {readonly string[]} names @returns {string | undefined} */
function meant(typed, names) {
  const renamed = schema().find((e) => e.name === typed && e.attribute && e.attribute !== typed)?.attribute;
  if (renamed && names.includes(renamed)) return renamed;
  return engine().nearestName(typed, [...names]);
}

/** Attributes that are none of the element's (nor HTML's): their messages.
 * @param {HTMLElement} element @returns {string[]} */
export function unknownAttributes(element) {
  return element
    .getAttributeNames()
    .filter((n) => !ALL.includes(n) && !foreign(n))
    .map((n) => wordsOf(element)('embed.unknown', n, element.getAttribute(n) ?? '', meant(n, ALL), ALL));
}

// A comma-separated list: the known tokens kept, each other one named.
/** @param {Words} w @param {string} attr @param {string} text @param {readonly string[]} allowed
 * @param {string[]} fallback @returns {Read<Set<string>>} */
function tokens(w, attr, text, allowed, fallback) {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'none');
  const good = parts.filter((p) => allowed.includes(p)),
    bad = parts.filter((p) => !allowed.includes(p));
  const kept = bad.length && !good.length ? [...fallback] : good;
  const problem = bad.length
    ? w('embed.tokens', attr, bad, allowed, bad.map((b) => meant(b, allowed)).filter(Boolean), kept)
    : null;
  return { value: new Set(kept), problem };
}

/**
 * The element's own attributes' values: whether it plays in view, the controls
 * and views it shows (their tokens), its colour scheme.
 * @typedef {{ autoplay: boolean, controls: Set<string>, views: Set<string>, theme: string }} OwnValues
 */
/** @typedef {keyof OwnValues} OwnName */

// Each own attribute: `{ value }`, or its default with a `problem`.
/** @type {{ [K in OwnName]: (text: string, w: Words) => Read<OwnValues[K]> }} */
const OWN_READ = {
  // A flag by the engine's one rule for flags; the bare attribute is true.
  autoplay: (t, w) => {
    if (t === '') return { value: true };
    const r = parse('paused', t);
    return 'value' in r
      ? { value: r.value }
      : { value: true, problem: w('embed.value', 'autoplay', said(w, r.message ?? r.error), 'true') };
  },
  controls: (t, w) => {
    const r = tokens(w, 'controls', t, [...CONTROL.keys()], []);
    return { value: new Set([...r.value].map((k) => CONTROL.get(k) ?? k)), problem: r.problem };
  },
  views: (t, w) => tokens(w, 'views', t, VIEWS, ['chart']),
  theme: (t, w) =>
    THEMES.includes(t)
      ? { value: t }
      : {
          value: 'auto',
          problem: w(
            'embed.value',
            'theme',
            w('embed.oneOf', THEMES) +
              w('embed.notValue', t) +
              (meant(t, THEMES) ? w('embed.meant', meant(t, THEMES)) : ''),
            'auto',
          ),
        },
};
/** @type {OwnValues} */
const OWN_DEFAULT = { autoplay: true, controls: new Set(), views: new Set(['chart']), theme: 'auto' };

/** One of the element's own attributes: `{ value, problem? }`. Without the
 * engine (it could not load) each is its default.
 * @template {OwnName} K
 * @param {HTMLElement} element @param {K} name @param {boolean} [engineLoaded]
 * @returns {Read<OwnValues[K]>} */
export function readOwn(element, name, engineLoaded = true) {
  const text = element.getAttribute(name);
  if (text === null || !engineLoaded) return { value: OWN_DEFAULT[name] };
  return OWN_READ[name](text.trim(), wordsOf(element));
}

// The layer sizes under HTML's `hidden` (older snippets wrote them so): any
// value but the global attribute's own (bare, `hidden`, `until-found`).
const oldHidden = (/** @type {HTMLElement} */ element) => {
  const v = element.getAttribute('hidden');
  return v !== null && !['', 'hidden', 'until-found'].includes(v.trim().toLowerCase()) ? v : null;
};

/** A console warning for layer sizes given as `hidden`, or null. @param {HTMLElement} element */
export function hiddenWarning(element) {
  const v = oldHidden(element);
  return v === null ? null : forConsole(wordsOf(element)('embed.oldHidden', v, element.hasAttribute('layers')));
}

/** The run's attributes, read together by the engine's table as the page reads
 * its link: `{ state, problems: [{ name, text }] }`, each problem naming its
 * attribute (`name` is the parameter's). A flag's bare attribute is true.
 * @param {HTMLElement} element
 * @returns {{ state: Record<string, any>, problems: Array<{ name: string, text: string }> }} */
export function readRun(element) {
  /** @type {Array<[string, string]>} */
  const pairs = [];
  const legacy = oldHidden(element);
  if (legacy !== null && !element.hasAttribute('layers')) pairs.push(['hidden', legacy]);
  for (const [attr, name] of PARAMETER) {
    if (!element.hasAttribute(attr)) continue;
    const text = element.getAttribute(attr) ?? '',
      e = schema().find((x) => x.name === name);
    pairs.push([name, e?.kind === 'flag' && text.trim() === '' ? 'true' : text]);
  }
  const { state, problems } =
    /** @type {{ state: Record<string, any>, problems: Array<{ name: string, error: string, message?: import('../../pkg/ed_playground.js').Words }> }} */ (
      engine().parseParams(pairs)
    );
  const w = wordsOf(element);
  const using = (/** @type {string} */ name) =>
    Object.hasOwn(state, name) ? show(name, state[name]) || w('embed.none') : w('embed.default');
  return {
    state,
    problems: problems.map((p) => ({
      name: p.name,
      text: w('embed.value', attributeOf(p.name), said(w, p.message ?? p.error), using(p.name)),
    })),
  };
}

/** A link's parameter as the element's attribute: `[attribute, value]`, or
 * null for none of its names (a page link's `hidden` is `layers`, its
 * `paused` the opposite `autoplay`).
 * @param {string} name @param {string} value @returns {[string, string] | null} */
export function fromLink(name, value) {
  if (!PARAMETER.size) return OWN.includes(name) ? [name, value] : null; // no engine: it says so, attributes aside
  if (name === 'paused') {
    const r = parse('paused', value);
    return 'value' in r ? ['autoplay', r.value ? '0' : '1'] : null;
  }
  if (OWN.includes(name) || PARAMETER.has(name)) return [name, value];
  const attr = schema().find((e) => e.name === name)?.attribute;
  return attr ? [attr, value] : null;
}
