// A frozen run, explained where the reader looks (under the status line) and
// with the way out. The engine notices the freeze (src/train/freeze.rs: the
// loss and the weights stopped moving, the outputs pinned or still, no fit);
// this module says why in one or two sentences that depend on what happened (a
// switch to BCE, a large learning rate, BCE from the start) and offers to start
// again from the current settings, changed where that is the way out.
import { el, fmtInt } from './ui.js';
import { brings, defaults, lossLabel, show } from './state.js';

// Every reader-facing string of this module, for translation (issue 14).
const TEXT = {
  outputs: { one: 'every output is pinned at 1', zero: 'every output is pinned at 0', mixed: 'every output is pinned at 0 or 1', still: 'the outputs no longer change' },
  stuck: (epoch, outputs) => `Stuck since epoch ${epoch}: ${outputs}, and the loss no longer moves.`,
  why: {
    // The loss was switched to BCE before it froze.
    bceSwitch: (seedRule) => `${seedRule ? "Under the seed's rule, " : ''}BCE's error signal saturated the hidden units after the switch; ED only ever grows weights, so this run cannot come back, and switching back does not help.`,
    // At a rate above the rule's default.
    rate: (lr) => `At learning rate ${lr} the updates saturated every unit; ED only ever grows weights, so this run cannot come back, and lowering the rate now does not help.`,
    // BCE from the start.
    bce: (seedRule) => `${seedRule ? "Under the seed's rule, " : ''}BCE's error signal saturated the hidden units; ED only ever grows weights, so this run cannot come back.`,
    other: 'Its units saturated; ED only ever grows weights, so this run cannot come back.',
  },
  withLoss: (loss) => `Start again with ${loss}`,
  atRate: (lr) => `Start again at learning rate ${lr}`,
};

const LOGITS = 'bce-with-logits';

/**
 * The explanation in `root`'s `#frozen` (absent: nothing is shown).
 * `restart(values)` starts a new run from the current settings with `values`
 * changed and no replayed live changes. Returns `{ update(pg, live), reset() }`:
 * `update` after the status line is drawn (`live`: the loss and rate in force),
 * `reset` when a new run takes the old one's place.
 */
export function frozenNotice(root, { restart }) {
  const box = root.getElementById('frozen');
  let shown = null; // what the box says now, as a key; null: hidden

  function reset() {
    if (!box || shown === null) return;
    shown = null;
    box.hidden = true;
    box.replaceChildren();
  }

  function update(pg, live) {
    if (!box) return;
    const since = pg.frozenAt;
    if (since === undefined) { reset(); return; }
    const cause = pg.frozenCause;
    const key = `${since} ${cause} ${live.loss} ${live.lr}`;
    if (key === shown) return;
    shown = key;
    const { rule } = pg.config();
    const seedRule = rule === 'seed';
    const defaultRate = brings('rule', rule).lr ?? defaults().lr;
    const largeRate = live.lr > defaultRate;

    const outputs = pg.frozenPinned ? TEXT.outputs[side(pg.patternOutputs())] : TEXT.outputs.still;
    let why, ways;
    if (cause === 'bce-switch') {
      why = TEXT.why.bceSwitch(seedRule);
      ways = [{ loss: live.loss }, { loss: LOGITS }];
      if (largeRate) ways.push({ lr: defaultRate });
    } else if (largeRate) {
      why = TEXT.why.rate(show('lr', live.lr));
      ways = [{ lr: defaultRate }];
    } else {
      why = live.loss === 'bce' ? TEXT.why.bce(seedRule) : TEXT.why.other;
      // BCE with logits does not freeze at the rule's rate (tests/freeze.rs); MSE neither.
      ways = [{ loss: LOGITS }, { loss: 'mse' }].filter((w) => w.loss !== live.loss);
    }
    // One button a way, each named for what it changes; the same way twice is one button.
    const seen = new Set();
    const buttons = ways.filter((w) => !seen.has(JSON.stringify(w)) && seen.add(JSON.stringify(w))).map((w) => {
      const label = w.lr !== undefined ? TEXT.atRate(show('lr', w.lr)) : TEXT.withLoss(lossLabel(w.loss));
      const b = el('button', { type: 'button' }, label);
      b.addEventListener('click', () => restart(w));
      return b;
    });
    box.replaceChildren(el('p', {}, TEXT.stuck(fmtInt(since), outputs), ' ', why), el('div', { className: 'ways' }, ...buttons));
    box.hidden = false;
  }

  return { update, reset };
}

// Which side every pinned output is on: 'one', 'zero' or 'mixed'.
function side(outputs) {
  const high = outputs.filter((p) => p >= 0.5).length;
  return high === outputs.length ? 'one' : high === 0 ? 'zero' : 'mixed';
}
