// The page's state: one value per parameter of the engine's one parameter table
// (exported from wasm as `paramSchema()`), which names, limits and explains each
// parameter and reads every value a link, an attribute or a field carries. This
// module derives what the page needs from that table, turns its answers into
// messages and writes a state back as a link. The engine must be loaded
// (engine.js) first.
import { engine, parameterTable } from './engine.js';
import { wordsAt } from '../words/index.js';

/** @typedef {import('../../pkg/ed_playground.js').ParamEntry} ParamEntry */
/** @typedef {import('../../pkg/ed_playground.js').Words} Words */
/** A run's settings, one value per parameter of the table (a link's, an attribute's, a field's). @typedef {Record<string, any>} State */

/** The table's entries, in the page's field order (the contract: notes on the schema). */
export const schema = () => parameterTable();
/**
 * The table's entry of parameter `name`. Every name the page asks for is the
 * table's own; one that is not is a mistake in the page, found here at once.
 * @param {string} name
 * @returns {ParamEntry}
 */
export const entry = (name) => {
  const found = schema().find((e) => e.name === name);
  if (!found) throw new Error(`no parameter named ${JSON.stringify(name.slice(0, 40))} in the engine's table`);
  return found;
};
/** The entry of `name` if the table has one (a name that came from outside). @param {string} name */
export const maybeEntry = (name) => schema().find((e) => e.name === name);

/** One of the table's texts (`{ en, ja }`) in the language of the root `node`
 * is in (the page's document when none is given): an element that speaks
 * another language than its page gets its own. */
/** @param {Words | undefined} text @param {Node} [node] @returns {string} */
export const words = (text, node) => wordsAt(node ?? document).pick(text);

/** The loss functions' names, in the order of the kinds the engine's history gives. */
export const losses = () => (entry('loss').options ?? []).map((o) => o.value);
/** A loss function's name as the page (or the root of `node`) writes it (“BCE with logits”). */
/** @param {string} name @param {Node} [node] */
export const lossLabel = (name, node) =>
  words(entry('loss').options?.find((o) => o.value === name)?.label, node) || name;
/** Whether a task is drawn as points on a plane, with a test set and a noise level. */
/** @param {string} task */
export const isPlaneTask = (task) => !!entry('task').options?.find((o) => o.value === task)?.plane;

// How each kind of value is written in a link; every one is a normalised token
// (digits, names, commas, colons), so none needs escaping.
/** @type {Record<string, (v: any) => string | number>} */
const SHOW = {
  layers: (v) => v.join(','),
  number: (v) => (v === null ? '' : String(v).replace('e+', 'e')), // null: none (beta); '+' would read back as a space
  flag: (v) => (v ? 1 : 0),
  changes: (v) =>
    v
      .map(
        (/** @type {{ epoch: number, name: string, value: unknown }} */ c) =>
          `${c.epoch}:${c.name}:${show(c.name, c.value)}`,
      )
      .join(','),
};

/** A value as its parameter's text (a link's, a field's). */
/** @param {string} name @param {unknown} v */
export const show = (name, v) => {
  const kind = maybeEntry(name)?.kind;
  return String((kind && SHOW[kind]?.(v)) ?? v);
};

/** One parameter's text: `{ value }` or `{ error, message }` (what is allowed:
 * `error` in English, `message` its `{ en, ja }`). */
/** @param {string} name @param {unknown} text @returns {{ value?: any, error?: string, message?: Words }} */
export const parse = (name, text) => engine().parseParam(String(name), String(text));

/** The state `pairs` give, as the engine reads them (its problems aside). @param {Array<[string, unknown]>} pairs */
export const readParams = (pairs) => /** @type {{ state: State }} */ (engine().parseParams(pairs)).state;

/** The state when nothing is given: the seed's setting. */
/** @returns {State} */
export const defaults = () => engine().defaultParams();

/** Reads `[name, text]` pairs (a link's query) through the engine's table,
 * which also settles how they combine (the rule's defaults, bits for parity
 * only); a refused value keeps its default. Each problem is `{ name, text }`,
 * its text naming the value as a URL parameter, in the language of the root
 * `node` is in (the page's when none is given). `what`, if another text, names
 * the value instead (in English only). */
/**
 * @param {Array<[string, string]>} pairs @param {string} [what] @param {Node} [node]
 * @returns {{ state: State, problems: Array<{ name: string, readonly text: string }> }}
 */
export function fromPairs(pairs, what = 'URL parameter', node = undefined) {
  const { state, problems } =
    /** @type {{ state: State, problems: Array<{ name: string, error: string, message: Words }> }} */ (
      engine().parseParams(pairs)
    );
  /** @param {ReturnType<typeof wordsAt>} w @param {string} name */
  const using = (w, name) => {
    if (!Object.hasOwn(state, name)) return w('settings.using-default');
    const text = show(name, state[name]);
    return text ? w('settings.using', text) : w('settings.using-none');
  };
  // Written when read: the page reads its language from these very pairs
  // (`lang=`), so it speaks one only after this returns.
  /** @param {{ name: string, error: string, message: Words }} p */
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
/** @param {string} search @param {Node} [node] */
export function fromQuery(search, node = undefined) {
  const { state, problems } = fromPairs([...new URLSearchParams(search)], 'URL parameter', node);
  return { state, problems: problems.map((p) => p.text) };
}

/** The link of a state. An optional parameter is written only when it differs from
 * its default, so common links stay short, or when the link would read it back
 * otherwise without it (parity's bits: the task brings its own). */
/** @param {State} state */
export function toQuery(state) {
  const def = defaults(),
    names = Object.keys(def);
  /** @param {string} k @param {State} s */
  const same = (k, s) => show(k, s[k]) === show(k, state[k]);
  const first = names.filter((k) => !maybeEntry(k)?.optional || !same(k, def));
  const back = readParams(first.map((k) => [k, show(k, state[k])]));
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
/** @param {string} name @param {unknown} value @returns {State} */
export function brings(name, value) {
  const e = maybeEntry(name);
  if (e?.kind !== 'choice') return {};
  /** @param {unknown} v */
  const read = (v) => readParams([[name, v]]);
  const reads = (e.options ?? []).map((o) => read(o.value)),
    chosen = read(value);
  const names = Object.keys(chosen).filter(
    (k) =>
      k !== name &&
      (new Set(reads.map((s) => show(k, s[k]))).size > 1 ||
        /** @type {Record<string, unknown> | undefined} */ (maybeEntry(k))?.[name] !== undefined),
  );
  const brought = Object.fromEntries(names.map((k) => [k, chosen[k]]));
  if (names.some((k) => maybeEntry(k)?.live))
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
/** @param {State} s @param {string[]} names @returns {State} */
export const configOf = (s, names) =>
  Object.fromEntries(names.filter((k) => Object.hasOwn(s, k) && s[k] !== undefined).map((k) => [k, s[k]]));

/** What a run's configuration (`pg.config()`, a loaded model's included) sets in
 * the state: every one of its fields that the state holds. */
/** @param {State} config @returns {State} */
export function stateOfConfig(config) {
  const def = defaults();
  return Object.fromEntries(Object.entries(config).filter(([k]) => Object.hasOwn(def, k)));
}
