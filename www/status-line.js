// The status line under the transport buttons (epoch, loss, epochs per second or
// why there are none, and the epochs a frame actually trained when the frame's
// time budget holds the speed back), the race line under it when backprop races
// ED, and the alert that says why a run diverged.
import { fmtNum, fmtInt } from './ui.js';

// Two significant figures below 10 (0.23, 1.5), whole numbers above.
const perFrame = (v) => (v >= 10 ? fmtInt(Math.round(v)) : String(+v.toPrecision(2)));
// "1 epoch", "0.5 epochs", "12 epochs": a count as written.
const epochs = (written) => `${written} epoch${written === '1' ? '' : 's'}`;

// One method's progress in the race: solved (and still so), diverged or not yet.
const clock = (at, loss, diverged, lost) => diverged !== undefined ? `diverged at epoch ${fmtInt(diverged)}`
  : at === undefined ? `not yet (loss ${fmtNum(loss, 3)})`
    : lost === undefined ? `solved at epoch ${fmtInt(at)}`
      : `solved at epoch ${fmtInt(at)}, lost at epoch ${fmtInt(lost)} (loss ${fmtNum(loss, 3)})`;

/**
 * The lines in `root` (`#status`, `#race-status`, `#diverged-text`). `lossLabel(name)`
 * names a loss function. Returns `{ restart(pg), show(pg, { paused, capped, frames }), quiet(on), diverged(pg, live) }`.
 */
export function statusLine(root, lossLabel) {
  const $ = (id) => root.getElementById(id);
  // Epochs per second and per training frame, measured over half a second from
  // `t`: none until then.
  let rate = { t: 0, epoch: 0, frames: 0, value: null, perFrame: null };

  return {
    /** Measures the rate afresh from now (a new run, play after a pause, a tab shown again). */
    restart(pg) { rate = { t: performance.now(), epoch: pg.epoch, frames: rate.frames, value: null, perFrame: null }; },

    /** `paused`: no training; `capped`: the last frame's budget ran out before the
     * speed's epochs; `frames`: training frames so far; `seekTo`: the epoch a
     * link's moment is being replayed to. */
    show(pg, { paused, capped, frames, seekTo = null }) {
      const now = performance.now();
      // Half a second at least, and until an epoch has ended: an epoch longer
      // than that (the frame budget spreads it over frames) is measured whole.
      if (now - rate.t > 500 && pg.epoch > rate.epoch) {
        const epochs = pg.epoch - rate.epoch;
        rate = { t: now, epoch: pg.epoch, frames, value: (epochs * 1000) / (now - rate.t), perFrame: frames > rate.frames ? epochs / (frames - rate.frames) : null };
      }
      // No rate until there is one to show: "0 epochs/s" would read as stuck.
      const speed = rate.value === null ? '' : `${epochs(fmtInt(+rate.value.toPrecision(3)))}/s`;
      const held = capped && rate.perFrame !== null ? ` · capped at ${epochs(perFrame(rate.perFrame))}/frame` : '';
      const tail = pg.divergedAt !== undefined ? `diverged at epoch ${pg.divergedAt}`
        : seekTo !== null ? `opening at epoch ${fmtInt(seekTo)} (${Math.floor((100 * pg.epoch) / seekTo)} %)`
          : paused ? 'paused' : speed && speed + held;
      // The moment it was solved stays said while it holds (the chart marks it too).
      const solved = pg.solvedAt !== undefined && pg.lostAt === undefined ? ` · solved at epoch ${fmtInt(pg.solvedAt)}` : '';
      const text = `epoch ${pg.epoch} · loss ${fmtNum(pg.loss, 5)}${solved}${tail && ' · ' + tail}`;
      if ($('status').textContent !== text) $('status').textContent = text;
      const race = $('race-status');
      if (race) {
        race.hidden = !pg.racing;
        if (pg.racing) {
          const line = `ED ${clock(pg.solvedAt, pg.loss, undefined, pg.lostAt)} · backprop ${clock(pg.backpropSolvedAt, pg.backpropLoss, pg.backpropDivergedAt, pg.backpropLostAt)} · ` +
            `solved: ${pg.solvedRule}`;
          if (race.textContent !== line) race.textContent = line;
        }
      }
    },

    /** A screen reader hears the status when paused or stepping, not 20 times a second. */
    quiet(on) { $('status').setAttribute('aria-live', on ? 'off' : 'polite'); },

    /** What stopped a diverged run, and what to do about it. */
    diverged(pg, live) {
      $('diverged-text').textContent = `Training diverged at epoch ${pg.divergedAt}: the ${lossLabel(live.loss)} loss became infinite or not a number at learning rate ${live.lr}. Training has stopped; the views show the last finite weights. Lower the learning rate, then reset.`;
    },
  };
}
