// Live changes of loss and learning rate. Made while a run trains, each is
// recorded in the state's `changes` with the epoch it was made at, so the link
// holds it; a run built from a link replays them, each at its epoch, whether it
// trains frame by frame or a step at a time.

/**
 * Keeps `state.changes` and a run in step. Returns
 * `{ start(pg), catchUp(pg), live(), record(pg, name, value), train(pg, epochs) }`.
 */
export function replay(state) {
  let next = 0; // the first change not yet applied to the run
  let live = {}; // the loss and learning rate in force now

  // Applies every change due by the run's epoch; returns how many it applied.
  function applyDue(pg) {
    let applied = 0;
    for (let c; (c = state.changes[next]) && c.epoch <= pg.epoch; next++, applied++) {
      if (c.name === 'loss') pg.setLoss(c.value); else pg.setLearningRate(c.value);
      live = { ...live, [c.name]: c.value };
    }
    return applied;
  }

  return {
    /** A new run, at its start values: its changes will be replayed from the first. */
    start(pg) {
      const c = pg.config();
      live = { loss: c.loss, lr: c.lr };
      next = 0;
    },
    /** Applies the changes due by the run's epoch (at epoch 0 on a new run); returns how many. */
    catchUp: applyDue,
    /** The loss and learning rate in force: `{ loss, lr }`. */
    live: () => ({ ...live }),
    /** A change made now, at the run's epoch; it replaces one of the same name made at
     * the same epoch, and any recorded after it (they belonged to another future). */
    record(pg, name, value) {
      const list = state.changes.slice(0, next), last = list.at(-1);
      if (last?.epoch === pg.epoch && last.name === name) list.pop();
      state.changes = [...list, { epoch: pg.epoch, name, value }];
      next = state.changes.length - 1;
      return applyDue(pg);
    },
    /** Trains `epochs` epochs (fewer if the run diverges), each change applied at
     * its epoch; returns how many changes it applied. */
    train(pg, epochs) {
      let applied = applyDue(pg);
      while (epochs > 0 && pg.divergedAt === undefined) {
        const due = state.changes[next];
        const k = due ? Math.min(epochs, due.epoch - pg.epoch) : epochs;
        pg.step(k);
        epochs -= k;
        applied += applyDue(pg);
      }
      return applied;
    },
  };
}
