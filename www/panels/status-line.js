// The status line under the transport buttons (epoch, loss, epochs per second or
// why there are none, and the epochs a frame actually trained when the frame's
// time budget holds the speed back), the race line under it when backprop races
// ED, and the alert that says why a run diverged.
import { fmtNum } from '../ui.js';
import { wordsAt } from '../words/index.js';

/** @typedef {import('../views/contract.js').Run} Run */
/** @typedef {import('./types.js').Words} Words */

/**
 * Two significant figures below 10 (0.23, 1.5), whole numbers above.
 * @param {Words['int']} int
 * @param {number} v
 */
const perFrame = (int, v) => (v >= 10 ? int(v) : String(+v.toPrecision(2)));

/**
 * One method's progress in the race: solved (and still so), diverged or not yet.
 * @param {Words} w
 * @param {Words['int']} int
 * @param {number | undefined} at the epoch it solved the task
 * @param {number} loss
 * @param {number | undefined} diverged
 * @param {number | undefined} lost the epoch it stopped being solved
 */
const clock = (w, int, at, loss, diverged, lost) =>
  diverged !== undefined
    ? w('race.diverged', int(diverged))
    : at === undefined
      ? w('race.notYet', fmtNum(loss, 3))
      : lost === undefined
        ? w('race.solved', int(at))
        : w('race.lost', int(at), int(lost), fmtNum(loss, 3));

/**
 * The lines in `root` (`#status`, `#race-status`, `#diverged-text`). `lossLabel(name)`
 * names a loss function. Returns `{ restart(pg), show(pg, { paused, capped, frames }), quiet(on), diverged(pg, live) }`.
 * @param {import('../views/contract.js').Root} root
 * @param {(name: string) => string} lossLabel
 */
export function statusLine(root, lossLabel) {
  // The status line itself is in every root that has a status line; the others may be absent.
  const $ = (/** @type {string} */ id) => root.getElementById(id);
  const status = () => /** @type {HTMLElement} */ ($('status'));
  // The words of the root the lines are in (the page's, an element's), and its
  // whole numbers.
  const w = wordsAt(root);
  const int = w.int;
  // Epochs per second and per training frame, measured over half a second from
  // `t`: none until then.
  /** @type {{ t: number, epoch: number, frames: number, value: number | null, perFrame: number | null }} */
  let rate = { t: 0, epoch: 0, frames: 0, value: null, perFrame: null };

  return {
    /** Measures the rate afresh from now (a new run, play after a pause, a tab shown again).
     * @param {Run} pg */
    restart(pg) {
      rate = { t: performance.now(), epoch: pg.epoch, frames: rate.frames, value: null, perFrame: null };
    },

    /** `paused`: no training; `capped`: the last frame's budget ran out before the
     * speed's epochs; `frames`: training frames so far; `seekTo`: the epoch a
     * link's moment is being replayed to.
     * @param {Run} pg
     * @param {{ paused: boolean, capped: boolean, frames: number, seekTo?: number | null }} how */
    show(pg, { paused, capped, frames, seekTo = null }) {
      const now = performance.now();
      // Half a second at least, and until an epoch has ended: an epoch longer
      // than that (the frame budget spreads it over frames) is measured whole.
      if (now - rate.t > 500 && pg.epoch > rate.epoch) {
        const epochs = pg.epoch - rate.epoch;
        rate = {
          t: now,
          epoch: pg.epoch,
          frames,
          value: (epochs * 1000) / (now - rate.t),
          perFrame: frames > rate.frames ? epochs / (frames - rate.frames) : null,
        };
      }
      // No rate until there is one to show: "0 epochs/s" would read as stuck.
      const speed = rate.value === null ? '' : w('status.perSecond', int(+rate.value.toPrecision(3)));
      const held = capped && rate.perFrame !== null ? ` · ${w('status.capped', perFrame(int, rate.perFrame))}` : '';
      const tail =
        pg.divergedAt !== undefined
          ? w('status.diverged', pg.divergedAt)
          : seekTo !== null
            ? w('status.opening', int(seekTo), Math.floor((100 * pg.epoch) / seekTo))
            : paused
              ? w('status.paused')
              : speed && speed + held;
      // The moment it was solved stays said while it holds (the chart marks it too).
      const solved =
        pg.solvedAt !== undefined && pg.lostAt === undefined ? ` · ${w('status.solved', int(pg.solvedAt))}` : '';
      const text = `${w('status.epochLoss', pg.epoch, fmtNum(pg.loss, 5))}${solved}${tail && ` · ${tail}`}`;
      if (status().textContent !== text) status().textContent = text;
      const race = $('race-status');
      if (race) {
        race.hidden = !pg.racing;
        if (pg.racing) {
          // Each lane's clock; ED's divergence is the status line's own to say.
          const clocks = pg.lanes.map((_, i) => {
            const lane = pg.lane(i);
            return clock(w, int, lane.solvedAt, lane.loss, i ? lane.divergedAt : undefined, lane.lostAt);
          });
          const line = w('race.line', clocks[0], clocks[1], w('run.solvedRule', pg.solvedRule));
          if (race.textContent !== line) race.textContent = line;
        }
      }
    },

    /** A screen reader hears the status when paused or stepping, not 20 times a second.
     * @param {boolean} on */
    quiet(on) {
      status().setAttribute('aria-live', on ? 'off' : 'polite');
    },

    /** What stopped a diverged run, and what to do about it.
     * @param {Run} pg @param {import('./types.js').PageState} live the values in force of the live parameters (the loss, the rate) */
    diverged(pg, live) {
      const text = $('diverged-text');
      if (text) text.textContent = w('diverged.text', pg.divergedAt, lossLabel(live.loss), live.lr);
    },
  };
}
