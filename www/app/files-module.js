// The files module (pkg/ed_files, src/wasm/files.rs): model files and the
// points' CSV, translated to and from what the page's engine takes. Few
// readers save or load a file, so the page's module carries none of it: this
// loads it, once per page, the first time a reader needs it (a click on Save
// or Load), and the engine's run crosses to it as its parts (`modelParts()`,
// `Playground.fromModelParts`). Its wasm is found next to the engine's own,
// wherever that came from. A failed load is told as `filesProblem` says, and
// the next click tries again.
import { besideEngine } from './engine.js';

/** @typedef {typeof import('../../pkg/ed_files.js')} FilesModule */

/** @type {Promise<FilesModule> | undefined} */
let loading;

/** Why the files module did not load: where it was looked for, and what answered. */
export class FilesMissing extends Error {
  /** @param {URL} url @param {string} why */
  constructor(url, why) {
    super(`the files module did not load from ${url.href} (${why})`);
    this.url = url;
    this.why = why;
  }
}

/** @param {unknown} e */
const text = (e) => (e instanceof Error ? e.message : String(e));

async function load() {
  const url = besideEngine('ed_files_bg.wasm') ?? new URL('../../pkg/ed_files_bg.wasm', import.meta.url);
  /** @type {FilesModule} */
  let m;
  try {
    m = await import('../../pkg/ed_files.js');
  } catch (e) {
    throw new FilesMissing(url, text(e));
  }
  // Fetched here, not by the glue, so that a missing file is told by its status.
  const response = await fetch(url).catch((e) => {
    throw new FilesMissing(url, text(e));
  });
  if (!response.ok) throw new FilesMissing(url, `${response.status} ${response.statusText}`.trim());
  try {
    await m.default({ module_or_path: response });
  } catch (e) {
    throw new FilesMissing(url, text(e));
  }
  return m;
}

/** The files module, loaded the first time it is asked for. @returns {Promise<FilesModule>} */
export function loadFiles() {
  loading ??= load();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** What a failure to save or read a file says, in `w`'s language: the files
 * module's absence in words of its own, any other error by its message.
 * @param {unknown} e @param {import('../words/index.js').Words} w */
export function filesProblem(e, w) {
  return e instanceof FilesMissing ? w('files.module', e.url.href, e.why) : text(e);
}
