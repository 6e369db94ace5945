// The learning engine: the wasm module is fetched and instantiated once per
// page, however many playgrounds run on it (each is one `Playground`); `wasm`
// is the .wasm URL (by default the one next to pkg/ed_playground.js). Its
// parameter table is read once, with it, and shared frozen.
/** @typedef {typeof import('../../pkg/ed_playground.js')} EngineModule */
/** @type {Promise<EngineModule> | undefined} */
let loading;
/** @type {{ module: EngineModule, schema: ReadonlyArray<import('../../pkg/ed_playground.js').ParamEntry> } | undefined} */
let loaded;

/** Deeply frozen, so no module can change the table every other one reads. @template T @param {T} v @returns {T} */
const freeze = (v) => {
  if (v && typeof v === 'object') {
    Object.values(v).forEach(freeze);
    Object.freeze(v);
  }
  return v;
};

/** @type {URL | undefined} the engine's .wasm URL, when it was given one */
let wasmAt;

/** @param {string | URL} [wasm] @returns {Promise<EngineModule>} */
export function loadEngine(wasm) {
  if (!loading && wasm) wasmAt = new URL(wasm, document.baseURI);
  loading ??= import('../../pkg/ed_playground.js').then(async (m) => {
    await m.default(wasm ? { module_or_path: wasm } : undefined);
    loaded = { module: m, schema: freeze(m.paramSchema()) };
    return m;
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** The wasm module named `file` next to the engine's own .wasm: the page's
 * other modules (the files module) are found there, wherever the engine came
 * from (a second origin, an element's `wasm-url`); undefined when the engine
 * came from its default place next to its glue, where they are too. @param {string} file */
export function besideEngine(file) {
  return wasmAt ? new URL(file, wasmAt) : undefined;
}

/** The loaded module; only called once `loadEngine` has resolved. */
/** @returns {EngineModule} */
export function engine() {
  if (!loaded) throw new Error('the learning engine is not loaded yet');
  return loaded.module;
}

/** The engine's parameter table (`paramSchema()`, frozen); only once `loadEngine` has resolved. */
export function parameterTable() {
  engine();
  return /** @type {NonNullable<typeof loaded>} */ (loaded).schema;
}

/** Why the engine stopped: a wasm panic's own message (it reaches JS as a bare
 * "unreachable" trap), else the error's.
 * @param {unknown} error @returns {string} */
export function reason(error) {
  if (loaded && error instanceof WebAssembly.RuntimeError) {
    try {
      const panic = loaded.module.lastPanic();
      if (panic) return panic;
    } catch {
      /* the engine is past answering; the trap's own message will do */
    }
  }
  const message = error && typeof error === 'object' && 'message' in error ? String(error.message) : '';
  return message || String(error);
}
