// Live changes of loss and learning rate. Made while a run trains, each is
// recorded in the state's `changes` with the epoch it takes effect at, so the
// link holds it; a run built from a link replays them, each at its epoch,
// whether it trains frame by frame or a step at a time. A change always falls
// between two epochs: one made while a frame's budget has stopped an epoch
// partway waits for that epoch's end (`pg.changeEpoch`), so every epoch trains
// under one setting and the link gives back the same run.

/** @typedef {import('../views/contract.js').Run} Run */
/** A live change: from `epoch` on, `name` (loss or lr) is `value`. @typedef {{ epoch: number, name: string, value: any }} Change */

/**
 * Keeps `state.changes` and a run in step. Returns
 * `{ start(pg), catchUp(pg), live(), record(pg, name, value), train(pg, epochs, units) }`.
 * @param {{ changes: Change[] } & Record<string, any>} state
 */
export function replay(state) {
  let next = 0; // the first change not yet applied to the run
  /** The loss and learning rate in force now, or as soon as the epoch under way ends. @type {Record<string, any>} */
  let live = {};

  /** Applies every change due by the run's epoch; returns how many it applied. @param {Run} pg */
  function applyDue(pg) {
    let applied = 0;
    if (pg.midEpoch) return 0;
    while (next < state.changes.length && state.changes[next].epoch <= pg.epoch) {
      const c = state.changes[next];
      if (c.name === 'loss') pg.setLoss(c.value);
      else pg.setLearningRate(c.value);
      live = { ...live, [c.name]: c.value };
      next++;
      applied++;
    }
    return applied;
  }

  return {
    /** A new run, at its start values: its changes will be replayed from the first. */
    /** @param {Run} pg */
    start(pg) {
      const c = /** @type {{ loss: string, lr: number }} */ (pg.config());
      live = { loss: c.loss, lr: c.lr };
      next = 0;
    },
    /** Applies the changes due by the run's epoch (at epoch 0 on a new run); returns how many. */
    catchUp: applyDue,
    /** The loss and learning rate the reader chose last: `{ loss, lr }`. */
    live: () => ({ ...live }),
    /** A change made now, for the run's next epoch; it replaces one of the same name
     * made for the same epoch, and any recorded after it (they belonged to another future).
     * Returns how many changes it applied now, or -1 if the run has its `max` changes
     * already (the link could not hold another): then nothing changes. */
    /** @param {Run} pg @param {string} name @param {unknown} value @param {number} max */
    record(pg, name, value, max) {
      const epoch = pg.changeEpoch;
      const list = state.changes.slice(0, next),
        last = list.at(-1);
      if (last?.epoch === epoch && last.name === name) list.pop();
      if (list.length >= max) return -1;
      state.changes = [...list, { epoch, name, value }];
      next = state.changes.length - 1;
      live = { ...live, [name]: value };
      return applyDue(pg);
    },
    /** Trains until `epochs` epochs have ended (the one under way counts) or
     * `units` units of work are spent (see Playground.train), each change applied
     * at its epoch; with `stop(pg)`, an epoch at a time, ending after the epoch
     * at which it holds (the run pauses where its task is solved, not at the end
     * of a frame's epochs). Returns `{ applied, spent, ended }`: changes applied,
     * units spent, epochs ended. */
    /** @param {Run} pg @param {number} epochs @param {number} [units] @param {((pg: Run) => boolean) | null} [stop] */
    train(pg, epochs, units = Number.MAX_SAFE_INTEGER, stop = null) {
      let applied = applyDue(pg),
        spent = 0;
      const from = pg.epoch;
      while (pg.epoch - from < epochs && spent < units && pg.divergedAt === undefined) {
        const due = state.changes[next],
          left = epochs - (pg.epoch - from);
        const k = stop ? 1 : due ? Math.max(1, Math.min(left, due.epoch - pg.epoch)) : left;
        const done = pg.train(k, units - spent);
        if (!done) break; // nothing to train: the reader's own points, before the first
        spent += done;
        applied += applyDue(pg);
        if (stop && !pg.midEpoch && stop(pg)) break;
      }
      return { applied, spent, ended: pg.epoch - from };
    },
  };
}
