// A frame's training: how many epochs this frame asks for (the reader's speed,
// a Step's epoch, a link's moment), trained within the frame's budget with the
// run's live changes applied at their epochs (replay.js), and what the run did
// on the way told to the transport: an epoch reached, a solve, a divergence.
import { finished } from '../panels/solved.js';

/**
 * @typedef {object} TrainingParts
 * @property {() => import('../views/contract.js').Run} run the run now
 * @property {Record<string, any>} state the run's settings (read: speed, stop, changes)
 * @property {ReturnType<typeof import('./transport.js').transport>} transport
 * @property {ReturnType<typeof import('./replay.js').replay>} changes
 * @property {() => void} sync the fields, the link and the buttons say what the run is
 * @property {() => void} diverged tells the reader the run diverged
 * @property {() => void} solved tells the reader the run is solved
 */

/**
 * The frame scheduler's `train(units)` for one playground, and what the status
 * line shows of it: `capped` (the last frame's budget ran out before the epochs
 * the speed asked for) and `frames` (the frames that trained so far).
 * @param {TrainingParts} parts
 */
export function frameTraining({ run, state, transport, changes, sync, diverged, solved }) {
  let capped = false;
  let trainedFrames = 0;
  // Below one epoch a frame (the default pace, so a small task's learning can be
  // watched), the speed accrues over frames and an epoch ends when a whole one
  // has built up; an epoch already under way (stopped by the budget) always goes on.
  let accrued = 0;

  function paced() {
    if (state.speed >= 1) {
      accrued = 0;
      return state.speed;
    }
    accrued = Math.min(1, accrued + state.speed);
    if (run().midEpoch) return 1;
    // 1e-9: five steps of 0.2 add to 0.9999999999999999.
    if (accrued < 1 - 1e-9) return 0;
    accrued = 0;
    return 1;
  }

  // By default a run pauses once its task is solved, unless the link's changes
  // are still to come (a switch after the solve is the point of that link).
  const watchingSolve = () =>
    transport.can('solve') &&
    !transport.announced &&
    state.stop === 'solved' &&
    !state.changes.some((/** @type {{ epoch: number }} */ c) => c.epoch > run().epoch);

  /** At most `units` units of work towards `epochs` more epochs; returns the units spent. @param {number} epochs @param {number} units */
  function advance(epochs, units) {
    const pg = run();
    const { applied, spent, ended } = changes.train(pg, epochs, units, watchingSolve() ? finished : null);
    capped = ended < epochs && pg.divergedAt === undefined;
    trainedFrames++;
    if (applied) sync();
    if (ended && transport.mode !== 'seeking' && watchingSolve() && finished(pg) && transport.solve()) solved();
    if (pg.divergedAt !== undefined && transport.diverge()) diverged();
    return spent;
  }

  // A Step's or a link moment's frame: on to the epoch it aims at, then paused there.
  /** @param {number} units */
  function toTarget(units) {
    const pg = run();
    const target = /** @type {number} */ (transport.target);
    const spent = advance(target - pg.epoch, units);
    if (pg.epoch >= target && (transport.mode === 'stepping' || transport.mode === 'seeking')) {
      transport.reach(pg.solvedAt !== undefined);
    }
    return spent;
  }

  return {
    /** One frame's training, at most `units` units of work; returns the units spent. @param {number} units */
    train(units) {
      if (transport.target !== null) return toTarget(units);
      return advance(paced(), units);
    },
    get capped() {
      return capped;
    },
    get frames() {
      return trainedFrames;
    },
    /** A new run: nothing capped yet. */
    restart() {
      capped = false;
    },
  };
}
