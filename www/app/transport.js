// The transport: the run's mode and every way it changes, in one place. The
// conductor asks it what to do each frame and tells it what happened (a press,
// an epoch reached, a solve, a divergence); each change of mode is checked
// against the table below, so no mode can be reached by a path the table does
// not name, and whoever listens hears every transition the same way.
//
// Modes:
// - playing: training every frame at the reader's speed;
// - frozen: playing, but the engine found the run stuck (the loss and the weights
//   stopped moving): it trains on while the reader is told why and how out;
// - paused: no training;
// - stepping: a Step's epoch (or several presses') being trained, then paused;
// - seeking: a link's moment (`at=N`) being reached as fast as the budget allows, then paused;
// - explaining: paused, with one update at a time explained (Explain one step);
// - solved: paused by the run at its solve (`stop=solved`); plays again on the next run;
// - diverged: paused by the run, its numbers no longer finite; only a new run leaves it.
// Held (an element scrolled out of view), a hidden tab and a destroyed run are
// not modes: they stop the frames whatever the mode, and the mode is kept.

/** @typedef {'playing' | 'frozen' | 'paused' | 'stepping' | 'seeking' | 'explaining' | 'solved' | 'diverged'} Mode */

/** @typedef {'play' | 'pause' | 'step' | 'seek' | 'explain' | 'close' | 'reach' | 'solve' | 'freeze' | 'thaw' | 'diverge'} Move */

/** @type {Readonly<Record<Move, { from: ReadonlyArray<Mode>, to: Mode }>>} */
export const MOVES = Object.freeze({
  play: { from: ['paused', 'stepping', 'seeking', 'explaining', 'solved'], to: 'playing' },
  pause: { from: ['playing', 'frozen', 'stepping', 'seeking'], to: 'paused' },
  step: { from: ['playing', 'frozen', 'paused', 'stepping', 'explaining', 'solved'], to: 'stepping' },
  seek: { from: ['playing', 'paused', 'stepping', 'seeking', 'explaining', 'solved'], to: 'seeking' },
  explain: { from: ['playing', 'frozen', 'paused', 'stepping', 'seeking', 'solved'], to: 'explaining' },
  close: { from: ['explaining'], to: 'paused' },
  reach: { from: ['stepping', 'seeking'], to: 'paused' },
  solve: { from: ['playing', 'frozen'], to: 'solved' },
  freeze: { from: ['playing'], to: 'frozen' },
  thaw: { from: ['frozen'], to: 'playing' },
  diverge: { from: ['playing', 'frozen', 'paused', 'stepping', 'seeking', 'explaining', 'solved'], to: 'diverged' },
});

/** Modes in which a frame trains. */
const TRAINING = new Set(['playing', 'frozen', 'stepping', 'seeking']);

/**
 * A new transport, in `mode`. `heard(from, to, move)` is told of every change.
 * @param {Mode} mode
 * @param {(from: Mode, to: Mode, move: Move | 'start') => void} heard
 */
export function transport(mode, heard) {
  /** The epoch a Step or a link's moment trains to (stepping, seeking); null otherwise. */
  let target = /** @type {number | null} */ (null);
  // The run paused at its solve once (or was solved when a link's moment was
  // reached): it does not pause there again.
  let announced = false;
  // The run paused itself while playing (solved, or diverged): its next run plays again.
  let resume = false;

  /** @param {Mode} to @param {Move | 'start'} move */
  function become(to, move) {
    const from = mode;
    mode = to;
    if (to !== 'stepping' && to !== 'seeking') target = null;
    heard(from, to, move);
  }

  /** Whether `move` is open from the mode now. @param {Move} move */
  const can = (move) => MOVES[move].from.includes(mode);

  /** Makes `move` if the table allows it now; returns whether it did. @param {Move} move */
  function go(move) {
    if (!can(move)) return false;
    become(MOVES[move].to, move);
    return true;
  }

  return {
    get mode() {
      return mode;
    },
    get target() {
      return target;
    },
    get announced() {
      return announced;
    },
    /** Whether a frame trains now (before held, hidden or failed are asked). */
    get training() {
      return TRAINING.has(mode);
    },
    /** Whether the link calls the run paused: every mode but playing and frozen. */
    get paused() {
      return mode !== 'playing' && mode !== 'frozen';
    },
    can,
    /**
     * A new run: it plays if the reader had it playing or the old run halted
     * itself (solved, diverged), else it stays paused; a link's moment `at`
     * (with something to train) is sought first.
     * @param {{ paused: boolean, at: number | null }} start
     */
    start({ paused, at }) {
      const playing = resume || !paused;
      announced = false;
      resume = false;
      target = at;
      become(at !== null ? 'seeking' : playing ? 'playing' : 'paused', 'start');
    },
    play() {
      if (!go('play')) return false;
      resume = false;
      return true;
    },
    pause: () => go('pause'),
    /** One more epoch to train, counted from `epoch` (the run's now) or from the Step under way. @param {number} epoch */
    step(epoch) {
      if (!can('step')) return false;
      target = (mode === 'stepping' && target !== null ? target : epoch) + 1;
      become('stepping', 'step');
      return true;
    },
    explain: () => go('explain'),
    close: () => go('close'),
    /** The Step's or the moment's epoch is reached; a moment solved already does not pause at its solve. @param {boolean} solved */
    reach(solved) {
      if (mode === 'seeking') announced = solved;
      return go('reach');
    },
    solve() {
      if (!go('solve')) return false;
      announced = true;
      resume = true;
      return true;
    },
    freeze: () => go('freeze'),
    thaw: () => go('thaw'),
    diverge() {
      const playing = mode === 'playing' || mode === 'frozen';
      if (!go('diverge')) return false;
      resume = playing;
      return true;
    },
  };
}
