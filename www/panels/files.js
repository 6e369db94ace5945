// Files: downloads (the loss history as CSV, the model as JSON), reading a model
// file back, and the buttons that do them.
import { el } from '../ui.js';
import { losses } from '../app/state.js';
import { wordsAt } from '../words/index.js';

const MAX_FILE = 50 * 2 ** 20;

export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** One row per history point: epoch, loss function, loss, mean |w| of each layer (the last feeds the output). */
export function historyCsv(pg) {
  const L = pg.layerCount();
  const head = ['epoch', 'loss_function', 'loss', ...Array.from({ length: L }, (_, l) => `mean_abs_w_layer${l + 1}`)];
  const E = pg.historyEpochs(),
    V = pg.historyLosses(),
    K = pg.historyKinds(),
    A = pg.historyMeanAbs();
  const rows = [head.join(',')],
    names = losses();
  for (let i = 0; i < E.length; i++) rows.push([E[i], names[K[i]], V[i], ...A.subarray(i * L, i * L + L)].join(','));
  return `${rows.join('\n')}\n`;
}

/** Reads a model file; throws an Error whose message says what is wrong with it.
 * The bytes go to the engine undecoded: it reads them by the rules `ed train
 * --load` reads a file by (encoding included), and refuses one over its limit
 * before copying it. MAX_FILE only spares the tab from reading a huge file. */
export async function readModel(file, Playground, w = wordsAt(document)) {
  if (file.size > MAX_FILE) throw new Error(w('files.tooLarge', file.name, (file.size / 2 ** 20).toFixed(0)));
  return Playground.fromFile(new Uint8Array(await file.arrayBuffer()));
}

/**
 * The run's file buttons in `root`, each only if it is there: `#save-csv` (the
 * loss history), `#save-json` (the model) and `#load` (a model file). `current()`
 * gives the run now, `name(kind)` a file name without its extension; `loaded(pg,
 * file)` takes the run a model file was read into. `notify(text)` hears what failed.
 */
export function fileButtons(root, { current, name, loaded, notify, Playground }) {
  const $ = (id) => root.getElementById(id);
  const w = wordsAt(root);
  const save = (file, text, type) => () => {
    try {
      download(file(), text(), type);
    } catch (e) {
      notify(w('files.saveFailed', e.message));
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
      () => current().toJSON(),
      'application/json',
    ),
  );
  $('load')?.addEventListener('change', async (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (!file) return;
    let pg;
    try {
      pg = await readModel(file, Playground, w);
    } catch (err) {
      notify(w('files.loadFailed', file.name, err.message));
      return;
    }
    loaded(pg, file);
  });
}
