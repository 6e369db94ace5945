// The page's state: ONE table of parameters (name, type, default, limits), one
// parser and one serialiser. The URL, the controls and loaded model files all go
// through `parse`, so every entry point shares the same limits and messages.

export const LOSSES = ['mse', 'bce', 'bce-with-logits'];
export const LOSS_LABELS = ['MSE', 'BCE', 'BCE with logits'];
export const TASKS = ['xor', 'and', 'or', 'nand', 'parity'];
export const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];
const MAX_SEED = 2 ** 53 - 1; // what a JS number holds exactly; wasm takes a u64

const oneOf = (values) => (t) => values.includes(t) ? { value: t } : { error: `must be one of ${values.join(', ')}` };

function integer(min, max) {
  return (t) => {
    const v = /^\d{1,16}$/.test(t) ? Number(t) : NaN;
    return v >= min && v <= max ? { value: v } : { error: `must be a whole number from ${min} to ${max}` };
  };
}

function layers(t) {
  const parts = t.split(',').map((s) => s.trim());
  const units = parts.map(Number);
  if (parts.length < 1 || parts.length > 4 || !parts.every((s) => /^\d{1,3}$/.test(s)) || units.some((n) => n < 1 || n > 256))
    return { error: 'must be 1 to 4 layer sizes from 1 to 256, separated by commas, like 8,8' };
  return { value: units };
}

function rate(t) {
  // Up to 1e300: ED saturates rather than overflows, and BCE diverges there (see config.rs).
  const v = /^[0-9.eE+-]{1,24}$/.test(t) ? Number(t) : NaN;
  return v > 0 && v <= 1e300 ? { value: v } : { error: 'must be a number greater than 0 and at most 1e300' };
}

// Live changes made during a run, replayed at their epoch: "300:loss:bce,900:lr:0.1".
function changes(t) {
  const list = [];
  for (const item of t ? t.split(',') : []) {
    const [e, name, v] = item.split(':');
    const epoch = integer(0, Number.MAX_SAFE_INTEGER)(e ?? '');
    const parsed = name === 'loss' || name === 'lr' ? parse(name, v ?? '') : { error: 1 };
    if (epoch.error || parsed.error || (list.length && epoch.value < list.at(-1).epoch))
      return { error: 'must list epoch:loss:name or epoch:lr:number items in epoch order, like 300:loss:bce' };
    list.push({ epoch: epoch.value, name, value: parsed.value });
  }
  return { value: list };
}

const KANEKO = { hidden: [8], lr: 0.8 };

const PARAMS = {
  task: { def: 'xor', parse: oneOf(TASKS) },
  bits: { def: 2, parse: integer(2, 8), optional: true },
  rule: { def: 'seed', parse: oneOf(['seed', 'kaneko']), optional: true },
  loss: { def: 'mse', parse: oneOf(LOSSES) },
  hidden: { def: [8, 8], parse: layers, show: (v) => v.join(',') },
  lr: { def: 0.5, parse: rate, show: (v) => String(v).replace('e+', 'e') }, // '+' would read back as a space
  seed: { def: 42, parse: integer(0, MAX_SEED) },
  speed: { def: 2, parse: integer(1, 10000) },
  paused: { def: false, parse: (t) => t === '1' || t === '0' ? { value: t === '1' } : { error: 'must be 0 or 1' }, show: (v) => (v ? 1 : 0) },
  changes: { def: [], parse: changes, show: (v) => v.map((c) => `${c.epoch}:${c.name}:${show(c.name, c.value)}`).join(','), optional: true },
};

/** Parses one parameter's text: `{ value }` or `{ error }` (what is allowed). */
export function parse(name, text) {
  if (!Object.hasOwn(PARAMS, name)) return { error: 'is not a parameter' };
  return PARAMS[name].parse(String(text).trim());
}

export function defaults() {
  return Object.fromEntries(Object.entries(PARAMS).map(([k, p]) => [k, structuredClone(p.def)]));
}

/** Reads a query string; a bad value keeps its default and is reported. */
export function fromQuery(search) {
  const state = defaults();
  const problems = [];
  for (const [name, text] of new URLSearchParams(search)) {
    // Own keys only: `__proto__` or `constructor` in a link must not reach Object.prototype.
    if (!Object.hasOwn(PARAMS, name)) continue;
    const r = parse(name, text);
    if (r.error) problems.push(`URL parameter “${name}” ${r.error}; using ${show(name, state[name]) || 'none'}.`);
    else state[name] = r.value;
  }
  if (state.task !== 'parity') state.bits = 2;
  // Kaneko's rule has its own defaults (his C program's), as in config.rs.
  if (state.rule === 'kaneko') for (const [k, v] of Object.entries(KANEKO)) if (!new URLSearchParams(search).has(k)) state[k] = v;
  return { state, problems };
}

const show = (name, v) => String(PARAMS[name].show ? PARAMS[name].show(v) : v);

/** Every value is a normalised token (digits, names, commas), so none needs escaping. */
export function toQuery(state) {
  return '?' + Object.keys(PARAMS)
    .filter((k) => !PARAMS[k].optional || show(k, state[k]) !== show(k, PARAMS[k].def))
    .map((k) => `${k}=${show(k, state[k])}`).join('&');
}

/** The constructor argument for `new Playground`. */
export const configOf = (s) => ({ task: s.task, bits: s.bits, rule: s.rule, loss: s.loss, hidden: s.hidden, lr: s.lr, seed: s.seed });
