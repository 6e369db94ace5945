// A frozen run, explained where the reader looks (under the status line) and
// with the way out. The engine notices the freeze (src/train/freeze.rs: the
// loss and the weights stopped moving, the outputs pinned or still, no fit);
// this module says why in one or two sentences that depend on what happened (a
// switch to BCE, a large learning rate, BCE from the start) and offers to start
// again from the current settings, changed where that is the way out.
import { el } from '../ui.js';
import { brings, defaults, lossLabel, show } from '../app/state.js';
import { wordsAt } from '../words/index.js';

/** @typedef {import('../views/contract.js').Run} Run */

const LOGITS = 'bce-with-logits';

/**
 * A way out of a freeze: another loss, or another learning rate.
 * @typedef {{ loss?: string, lr?: number }} Way
 */

/**
 * The explanation in `root`'s `#frozen` (absent: nothing is shown).
 * `restart(values)` starts a new run from the current settings with `values`
 * changed and no replayed live changes. Returns `{ update(pg, live), reset() }`:
 * `update` after the status line is drawn (`live`: the loss and rate in force),
 * `reset` when a new run takes the old one's place.
 * @param {import('../views/contract.js').Root} root
 * @param {{ restart: (values: Way) => void }} on
 * @returns {{ update(pg: Run, live: import('./types.js').PageState): void, reset(): void }}
 */
export function frozenNotice(root, { restart }) {
  const box = root.getElementById('frozen');
  // Every reader-facing string of this module is in words/run.js (`frozen.*`).
  const w = wordsAt(root);
  /** @type {string | null} what the box says now, as a key; null: hidden */
  let shown = null;

  function reset() {
    if (!box || shown === null) return;
    shown = null;
    box.hidden = true;
    box.replaceChildren();
  }

  /** @param {Run} pg @param {import('./types.js').PageState} live */
  function update(pg, live) {
    if (!box) return;
    const since = pg.frozenAt;
    if (since === undefined) {
      reset();
      return;
    }
    const cause = pg.frozenCause;
    const key = `${since} ${cause} ${live.loss} ${live.lr}`;
    if (key === shown) return;
    shown = key;
    const { rule } = /** @type {{ rule: string }} */ (pg.config());
    const seedRule = rule === 'seed';
    const defaultRate = brings('rule', rule).lr ?? defaults().lr;
    const largeRate = live.lr > defaultRate;

    const outputs = w(`frozen.${pg.frozenPinned ? side(pg.patternOutputs()) : 'still'}`);
    /** @type {string} */
    let why;
    /** @type {Way[]} */
    let ways;
    if (cause === 'bce-switch') {
      why = w('frozen.bceSwitch', seedRule);
      ways = [{ loss: live.loss }, { loss: LOGITS }];
      if (largeRate) ways.push({ lr: defaultRate });
    } else if (largeRate) {
      why = w('frozen.rate', show('lr', live.lr));
      ways = [{ lr: defaultRate }];
    } else {
      why = live.loss === 'bce' ? w('frozen.bce', seedRule) : w('frozen.other');
      // BCE with logits does not freeze at the rule's rate (tests/freeze.rs); MSE neither.
      ways = [{ loss: LOGITS }, { loss: 'mse' }].filter((way) => way.loss !== live.loss);
    }
    // One button a way, each named for what it changes; the same way twice is one button.
    const seen = new Set();
    const buttons = ways
      .filter((way) => !seen.has(JSON.stringify(way)) && seen.add(JSON.stringify(way)))
      .map((way) => {
        const label =
          way.lr !== undefined
            ? w('frozen.atRate', show('lr', way.lr))
            : w('frozen.withLoss', lossLabel(way.loss ?? ''));
        const b = el('button', { type: 'button' }, label);
        b.addEventListener('click', () => restart(way));
        return b;
      });
    box.replaceChildren(
      el('p', {}, w('frozen.stuck', w.int(since), outputs), ' ', why),
      el('div', { className: 'ways' }, ...buttons),
    );
    box.hidden = false;
  }

  return { update, reset };
}

/** Which side every pinned output is on: 'one', 'zero' or 'mixed'.
 * @param {Float64Array} outputs */
function side(outputs) {
  const high = outputs.filter((p) => p >= 0.5).length;
  return high === outputs.length ? 'one' : high === 0 ? 'zero' : 'mixed';
}
