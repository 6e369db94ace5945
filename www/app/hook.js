// The read-only hook the end-to-end tests and the benchmark read a playground
// through (published only for them: test-hook.js). Each getter reads the run or
// the part that owns the value at the moment it is read.
import { entry } from './state.js';

/**
 * @typedef {object} HookParts
 * @property {() => import('../views/contract.js').Run} run
 * @property {Record<string, any>} state
 * @property {ReturnType<typeof import('./transport.js').transport>} transport
 * @property {ReturnType<typeof import('./replay.js').replay>} changes
 * @property {ReturnType<typeof import('../views/registry.js').makeViews>} views
 * @property {{ readonly capped: boolean }} training
 * @property {{ readonly running: boolean, frameTimes(): number[] }} frames
 * @property {{ list(): Array<{ x: number, y: number, c: number }> }} own
 */

/** @param {HookParts} parts */
export function testHook({ run, state, transport, changes, views, training, frames, own }) {
  return Object.freeze({
    get state() {
      return structuredClone(state);
    },
    /** The transport's mode (transport.js): playing, paused, stepping, seeking, explaining, solved, frozen, diverged. */
    get mode() {
      return transport.mode;
    },
    /** The most live changes a run holds (the engine's table). */
    get changesMax() {
      return entry('changes').max;
    },
    get epoch() {
      return run().epoch;
    },
    /** An epoch under way, stopped between patterns by a frame's budget. */
    get midEpoch() {
      return run().midEpoch;
    },
    /** The last frame's budget ran out before the speed's epochs. */
    get capped() {
      return training.capped;
    },
    get loss() {
      return run().loss;
    },
    get liveLoss() {
      return changes.live().loss;
    },
    get divergedAt() {
      return run().divergedAt;
    },
    get running() {
      return frames.running;
    },
    lossSeries: () => views.get('loss')?.series() ?? [],
    /** The run's recorded loss, `{ epoch: loss }` for each history point (every epoch, under the cap). */
    lossHistory() {
      const E = run().historyEpochs(),
        L = run().historyLosses();
      return Object.fromEntries(Array.from(E, (e, i) => [e, L[i]]));
    },
    /** The history's mean |w| of each layer at each point, as the chart reads it. */
    meanAbs: () => Array.from(run().historyMeanAbs()),
    lossMarks: () => views.get('loss')?.marks() ?? [],
    /** A race's two lanes (ED's, backprop's) as the tests read them; null without a race. */
    get race() {
      const pg = run();
      if (!pg.racing) return null;
      const [ed, backprop] = pg.lanes.map((_, i) => pg.lane(i));
      return {
        ed: ed.solvedAt,
        backprop: backprop.solvedAt,
        backpropLoss: backprop.loss,
        backpropDivergedAt: backprop.divergedAt,
      };
    },
    get outputs() {
      return run().outputCount;
    },
    scores: () => Array.from(run().scores()),
    /** The reader's own points: the set kept (grid steps of 0.001, `{ x, y, c }`). */
    points: () => own.list(),
    /** The run's training patterns (inputs 0 to 1 and targets), read from the engine. */
    patterns() {
      const pg = run();
      const X = pg.patternInputs(),
        T = pg.patternTargets(),
        o = pg.outputCount,
        count = T.length / o,
        k = X.length / Math.max(1, count);
      return Array.from({ length: count }, (_, i) => ({
        x: X[i * k],
        y: X[i * k + 1],
        t: Array.from(T.slice(i * o, i * o + o)),
      }));
    },
    /** Every layer's weights, as the views draw them. */
    weights: () => Array.from({ length: run().layerCount() }, (_, l) => Array.from(run().layerWeights(l))),
    /** Main-thread milliseconds of each recent training frame, uPlot's redraw included. */
    get frameTimes() {
      return frames.frameTimes();
    },
  });
}
