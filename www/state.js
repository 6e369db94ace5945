// The page's state: { task, bits, rule, loss, hidden, lr, seed, speed, paused,
// changes }. Every value a link, an attribute or a field carries is read by the
// engine's one parameter table (src/params.rs, in wasm), which names, limits and
// explains each parameter; this module only turns its answers into messages and
// writes a state back as a link. The engine must be loaded (engine.js) first.
import { engine } from './engine.js';

export const LOSSES = ['mse', 'bce', 'bce-with-logits']; // in the engine's Loss::ALL order
export const LOSS_LABELS = ['MSE', 'BCE', 'BCE with logits'];
/** The tasks drawn as points on a plane, with a test set and a noise level. */
export const PLANE_TASKS = ['circle', 'gaussians', 'spiral', 'moons', 'spiral3'];
export const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

// How each value is written in a link; every one is a normalised token (digits,
// names, commas, colons), so none needs escaping.
const SHOW = {
  hidden: (v) => v.join(','),
  lr: (v) => String(v).replace('e+', 'e'), // '+' would read back as a space
  paused: (v) => (v ? 1 : 0),
  race: (v) => (v ? 1 : 0),
  beta: (v) => v ?? '', // null: no bias units
  changes: (v) => v.map((c) => `${c.epoch}:${c.name}:${show(c.name, c.value)}`).join(','),
};
// Written only when they differ from their defaults, so common links stay short.
const OPTIONAL = new Set(['bits', 'rule', 'changes', 'u0', 'u1', 'beta', 'noise', 'test_fraction', 'points', 'race']);

export const show = (name, v) => String(SHOW[name] ? SHOW[name](v) : v);

/** One parameter's text: `{ value }` or `{ error }` (what is allowed). */
export const parse = (name, text) => engine().parseParam(String(name), String(text));

/** The state when nothing is given: the seed's setting. */
export const defaults = () => engine().defaultParams();

/** Reads `[name, text]` pairs (a link's query, an embed's attributes) through the
 * engine's table, which also settles how they combine (the rule's defaults, bits
 * for parity only); a refused value keeps its default. Each problem is
 * `{ name, text }`, its text naming the value as `what` (“URL parameter”). */
export function fromPairs(pairs, what) {
  const { state, problems } = engine().parseParams(pairs);
  const using = (name) => (Object.hasOwn(state, name) ? show(name, state[name]) || 'none' : 'the default');
  return { state, problems: problems.map((p) => ({ name: p.name, text: `${what} “${p.name}” ${p.error}; using ${using(p.name)}.` })) };
}

/** Reads a query string; a refused value keeps its default, and each is reported. */
export function fromQuery(search) {
  const { state, problems } = fromPairs([...new URLSearchParams(search)], 'URL parameter');
  return { state, problems: problems.map((p) => p.text) };
}

export function toQuery(state) {
  const def = defaults();
  return '?' + Object.keys(def)
    .filter((k) => !OPTIONAL.has(k) || show(k, state[k]) !== show(k, def[k]) || (k === 'bits' && state.task === 'parity'))
    .map((k) => `${k}=${show(k, state[k])}`).join('&');
}

/** What choosing `rule` brings: its own defaults for the parameters it reads
 * (Kaneko's program has 8 hidden units, alpha 0.8, u0 0.4 and bias units fed 0.8). */
export function ruleDefaults(rule) {
  const s = engine().parseParams([['rule', rule]]).state;
  return { rule: s.rule, hidden: s.hidden, lr: s.lr, u0: s.u0, u1: s.u1, beta: s.beta };
}

/** The names of a run's configuration, every field `new Playground` takes, as
 * the engine itself gives them (from a run of its defaults). */
export function configNames(Playground) {
  const probe = new Playground();
  try { return Object.keys(probe.config()); } finally { probe.free(); }
}

/** The constructor argument for `new Playground`: the state's values of `names` (configNames). */
export const configOf = (s, names) => Object.fromEntries(names.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));

/** What a run's configuration (`pg.config()`, a loaded model's included) sets in
 * the state: every one of its fields that the state holds. */
export function stateOfConfig(config) {
  const def = defaults();
  return Object.fromEntries(Object.entries(config).filter(([k]) => Object.hasOwn(def, k)));
}

/** A loss function's name as the page writes it. */
export const lossLabel = (name) => LOSS_LABELS[LOSSES.indexOf(name)] ?? name;
