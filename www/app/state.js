// The page's state: one value per parameter of the engine's one parameter table
// (exported from wasm as `paramSchema()`), which names, limits and explains each
// parameter and reads every value a link, an attribute or a field carries. This
// module derives what the page needs from that table, turns its answers into
// messages and writes a state back as a link. The engine must be loaded
// (engine.js) first.
import { engine, parameterTable } from './engine.js';
import { wordsAt } from '../words/index.js';

/** The table's entries, in the page's field order (the contract: notes on the schema). */
export const schema = () => parameterTable();
export const entry = (name) => schema().find((e) => e.name === name);

/** One of the table's texts (`{ en, ja }`) in the language of the root `node`
 * is in (the page's document when none is given): an element that speaks
 * another language than its page gets its own. */
export const words = (text, node) => wordsAt(node ?? document).pick(text);

/** The loss functions' names, in the order of the kinds the engine's history gives. */
export const losses = () => entry('loss').options.map((o) => o.value);
/** A loss function's name as the page (or the root of `node`) writes it (“BCE with logits”). */
export const lossLabel = (name, node) =>
  words(entry('loss').options.find((o) => o.value === name)?.label, node) || name;
/** Whether a task is drawn as points on a plane, with a test set and a noise level. */
export const isPlaneTask = (task) => !!entry('task').options.find((o) => o.value === task)?.plane;

// How each kind of value is written in a link; every one is a normalised token
// (digits, names, commas, colons), so none needs escaping.
const SHOW = {
  layers: (v) => v.join(','),
  number: (v) => (v === null ? '' : String(v).replace('e+', 'e')), // null: none (beta); '+' would read back as a space
  flag: (v) => (v ? 1 : 0),
  changes: (v) => v.map((c) => `${c.epoch}:${c.name}:${show(c.name, c.value)}`).join(','),
};

/** A value as its parameter's text (a link's, a field's). */
export const show = (name, v) => String(SHOW[entry(name)?.kind]?.(v) ?? v);

/** One parameter's text: `{ value }` or `{ error, message }` (what is allowed:
 * `error` in English, `message` its `{ en, ja }`). */
export const parse = (name, text) => engine().parseParam(String(name), String(text));

/** The state when nothing is given: the seed's setting. */
export const defaults = () => engine().defaultParams();

/** Reads `[name, text]` pairs (a link's query) through the engine's table,
 * which also settles how they combine (the rule's defaults, bits for parity
 * only); a refused value keeps its default. Each problem is `{ name, text }`,
 * its text naming the value as a URL parameter, in the language of the root
 * `node` is in (the page's when none is given). `what`, if another text, names
 * the value instead (in English only). */
export function fromPairs(pairs, what = 'URL parameter', node = undefined) {
  const { state, problems } = engine().parseParams(pairs);
  const using = (w, name) => {
    if (!Object.hasOwn(state, name)) return w('settings.using-default');
    const text = show(name, state[name]);
    return text ? w('settings.using', text) : w('settings.using-none');
  };
  // Written when read: the page reads its language from these very pairs
  // (`lang=`), so it speaks one only after this returns.
  const told = (p) => {
    const w = wordsAt(node ?? document);
    const said = what === 'URL parameter' ? w('settings.url-parameter') : what;
    return w('settings.refused', said, p.name, w.pick(p.message) || p.error, using(w, p.name));
  };
  return {
    state,
    problems: problems.map((p) => ({
      name: p.name,
      get text() {
        return told(p);
      },
    })),
  };
}

/** Reads a query string; a refused value keeps its default, and each is reported. */
export function fromQuery(search, node = undefined) {
  const { state, problems } = fromPairs([...new URLSearchParams(search)], 'URL parameter', node);
  return { state, problems: problems.map((p) => p.text) };
}

/** The link of a state. An optional parameter is written only when it differs from
 * its default, so common links stay short, or when the link would read it back
 * otherwise without it (parity's bits: the task brings its own). */
export function toQuery(state) {
  const def = defaults(),
    names = Object.keys(def);
  const same = (k, s) => show(k, s[k]) === show(k, state[k]);
  const first = names.filter((k) => !entry(k)?.optional || !same(k, def));
  const back = engine().parseParams(first.map((k) => [k, show(k, state[k])])).state;
  return (
    '?' +
    names
      .filter((k) => first.includes(k) || !same(k, back))
      .map((k) => `${k}=${show(k, state[k])}`)
      .join('&')
  );
}

/**
 * What choosing `value` for the choice `name` brings besides: the default, under
 * that value, of each parameter whose default depends on it (as the engine's table
 * reads them: a rule's hidden sizes and rate, parity's bits) or that applies
 * under one of its values only (Kaneko's u0, u1 and beta, `rule: 'kaneko'` in the
 * table). A new start value for a live parameter (the rate) drops the recorded
 * live changes too: they were made against the old one.
 */
export function brings(name, value) {
  const e = entry(name);
  if (e?.kind !== 'choice') return {};
  const read = (v) => engine().parseParams([[name, v]]).state;
  const reads = e.options.map((o) => read(o.value)),
    chosen = read(value);
  const names = Object.keys(chosen).filter(
    (k) => k !== name && (new Set(reads.map((s) => show(k, s[k]))).size > 1 || entry(k)?.[name] !== undefined),
  );
  const brought = Object.fromEntries(names.map((k) => [k, chosen[k]]));
  if (names.some((k) => entry(k)?.live))
    for (const c of schema().filter((x) => x.kind === 'changes')) brought[c.name] = chosen[c.name];
  return brought;
}

/** The names of a run's configuration, every field `new Playground` takes: the
 * schema's entries marked `config`. */
export const configNames = () =>
  schema()
    .filter((e) => e.config)
    .map((e) => e.name);

/** The constructor argument for `new Playground`: the state's own values of
 * `names` (configNames); what Object.prototype holds is no setting. */
export const configOf = (s, names) =>
  Object.fromEntries(names.filter((k) => Object.hasOwn(s, k) && s[k] !== undefined).map((k) => [k, s[k]]));

/** What a run's configuration (`pg.config()`, a loaded model's included) sets in
 * the state: every one of its fields that the state holds. */
export function stateOfConfig(config) {
  const def = defaults();
  return Object.fromEntries(Object.entries(config).filter(([k]) => Object.hasOwn(def, k)));
}
