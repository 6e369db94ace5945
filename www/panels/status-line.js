// The status line under the transport buttons (epoch, loss, epochs per second or
// why there are none, and the epochs a frame actually trained when the frame's
// time budget holds the speed back), the race line under it when backprop races
// ED, and the alert that says why a run diverged.
import { fmtNum } from '../ui.js';
import { wordsAt } from '../words/index.js';

// Two significant figures below 10 (0.23, 1.5), whole numbers above.
const perFrame = (int, v) => (v >= 10 ? int(v) : String(+v.toPrecision(2)));

// One method's progress in the race: solved (and still so), diverged or not yet.
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
 */
export function statusLine(root, lossLabel) {
  const $ = (id) => root.getElementById(id);
  // The words of the root the lines are in (the page's, an element's), and its
  // whole numbers.
  const w = wordsAt(root);
  const int = w.int;
  // Epochs per second and per training frame, measured over half a second from
  // `t`: none until then.
  let rate = { t: 0, epoch: 0, frames: 0, value: null, perFrame: null };

  return {
    /** Measures the rate afresh from now (a new run, play after a pause, a tab shown again). */
    restart(pg) {
      rate = { t: performance.now(), epoch: pg.epoch, frames: rate.frames, value: null, perFrame: null };
    },

    /** `paused`: no training; `capped`: the last frame's budget ran out before the
     * speed's epochs; `frames`: training frames so far; `seekTo`: the epoch a
     * link's moment is being replayed to. */
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
      if ($('status').textContent !== text) $('status').textContent = text;
      const race = $('race-status');
      if (race) {
        race.hidden = !pg.racing;
        if (pg.racing) {
          const line = w(
            'race.line',
            clock(w, int, pg.solvedAt, pg.loss, undefined, pg.lostAt),
            clock(w, int, pg.backpropSolvedAt, pg.backpropLoss, pg.backpropDivergedAt, pg.backpropLostAt),
            w('run.solvedRule', pg.solvedRule),
          );
          if (race.textContent !== line) race.textContent = line;
        }
      }
    },

    /** A screen reader hears the status when paused or stepping, not 20 times a second. */
    quiet(on) {
      $('status').setAttribute('aria-live', on ? 'off' : 'polite');
    },

    /** What stopped a diverged run, and what to do about it. */
    diverged(pg, live) {
      $('diverged-text').textContent = w('diverged.text', pg.divergedAt, lossLabel(live.loss), live.lr);
    },
  };
}
