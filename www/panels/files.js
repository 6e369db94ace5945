// Files: downloads (the loss history as CSV, the model as JSON), reading a model
// file back, and the buttons that do them. Model files are read and written by
// the files module (app/files-module.js), loaded the first time one is.
import { el } from '../ui.js';
import { losses } from '../app/state.js';
import { wordsAt } from '../words/index.js';
import { filesProblem, loadFiles } from '../app/files-module.js';

/** @typedef {import('../views/contract.js').Run} Run */
/** @typedef {typeof import('../../pkg/ed_playground.js').Playground} PlaygroundClass */

const MAX_FILE = 50 * 2 ** 20;

/** Has the browser save `text` as the file `name`, of MIME type `type`.
 * @param {string} name @param {string} text @param {string} type */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** One row per history point: epoch, loss function, loss, mean |w| of each layer (the last feeds the output).
 * @param {Run} pg */
export function historyCsv(pg) {
  const L = pg.layerCount();
  const head = ['epoch', 'loss_function', 'loss', ...Array.from({ length: L }, (_, l) => `mean_abs_w_layer${l + 1}`)];
  const E = pg.historyEpochs(),
    V = pg.historyLosses(),
    K = pg.historyKinds(),
    A = pg.historyMeanAbs();
  const rows = [head.join(',')],
    /** @type {string[]} */
    names = losses();
  for (let i = 0; i < E.length; i++) rows.push([E[i], names[K[i]], V[i], ...A.subarray(i * L, i * L + L)].join(','));
  return `${rows.join('\n')}\n`;
}

/** Reads a model file; throws an Error whose message says what is wrong with it.
 * The bytes go to the files module undecoded: it reads them by the rules `ed
 * train --load` reads a file by (encoding included), refuses one over its limit
 * before copying it, and hands the run's parts to the engine's class. MAX_FILE
 * only spares the tab from reading a huge file.
 * @param {File} file
 * @param {PlaygroundClass} Playground the engine's class (from the loaded module)
 * @param {import('./types.js').Words} [w] the words the refusal is told in
 * @returns {Promise<Run>} */
export async function readModel(file, Playground, w = wordsAt(document)) {
  if (file.size > MAX_FILE) throw new Error(w('files.tooLarge', file.name, (file.size / 2 ** 20).toFixed(0)));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const files = await loadFiles();
  return Playground.fromModelParts(files.modelFromFile(bytes));
}

/** The model file of run `pg` as it stands now (its last whole epoch), in the
 * text `ed train --save` writes: the parts are taken at once, the files module
 * may load meanwhile. @param {Run} pg @returns {Promise<string>} */
export async function modelText(pg) {
  const parts = pg.modelParts();
  return (await loadFiles()).modelToText(parts);
}

/**
 * The run's file buttons in `root`, each only if it is there: `#save-csv` (the
 * loss history), `#save-json` (the model) and `#load` (a model file). `current()`
 * gives the run now, `name(kind)` a file name without its extension; `loaded(pg,
 * file)` takes the run a model file was read into. `notify(text)` hears what failed.
 * @param {import('../views/contract.js').Root} root
 * @param {{ current: () => Run, name: (kind: string) => string, loaded: (pg: Run, file: File) => void,
 *   notify: (text: string) => void, Playground: PlaygroundClass }} on
 */
export function fileButtons(root, { current, name, loaded, notify, Playground }) {
  const $ = (/** @type {string} */ id) => root.getElementById(id);
  const w = wordsAt(root);
  /** A button's handler: saves `file()` with `text()` (both as the click
   * finds the run), telling what failed.
   * @param {() => string} file @param {() => string | Promise<string>} text @param {string} type */
  const save = (file, text, type) => async () => {
    try {
      const name = file();
      download(name, await text(), type);
    } catch (e) {
      notify(w('files.saveFailed', filesProblem(e, w)));
    }
  };
  $('save-csv')?.addEventListener(
    'click',
    save(
      () => `${name('loss')}.csv`,
      () => historyCsv(current()),
      'text/csv',
    ),
  );
  $('save-json')?.addEventListener(
    'click',
    save(
      () => `${name('model')}.json`,
      () => modelText(current()),
      'application/json',
    ),
  );
  $('load')?.addEventListener('change', async (e) => {
    const input = /** @type {HTMLInputElement} */ (e.target);
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let pg;
    try {
      pg = await readModel(file, Playground, w);
    } catch (err) {
      notify(w('files.loadFailed', file.name, filesProblem(err, w)));
      return;
    }
    loaded(pg, file);
  });
}
