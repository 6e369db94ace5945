// The moment a run solves its task. By default (`stop=solved`) training pauses
// there: a small task is solved in seconds and would otherwise train on for
// ever, for nobody, on a phone's battery. The panel says when it was solved,
// by what measure, and offers Replay (the same run again from epoch 0) and
// Keep training. A race waits for both methods to finish.
import { wordsAt } from '../words/index.js';

/** @typedef {import('../views/contract.js').Run} Run */

/** Whether `pg`'s run has reached its end: ED's task solved (and still so), and
 * in a race backprop's solved or diverged too.
 * @param {Run} pg */
export function finished(pg) {
  return pg.lanes.every((_, i) => {
    const lane = pg.lane(i);
    const solved = lane.solvedAt !== undefined && lane.lostAt === undefined;
    // ED must solve; a racer that diverged has finished its race too.
    return solved || (i > 0 && lane.divergedAt !== undefined);
  });
}

/**
 * The panel in `root` (`#solved`, `#solved-text`, `#solved-replay`, `#solved-keep`);
 * `on`: `{ replay(), keep() }`. Returns `{ show(pg), hide() }`; without the
 * panel in the root, nothing is shown (the run still pauses).
 * @param {import('../views/contract.js').Root} root
 * @param {{ replay(): void, keep(): void }} on
 * @returns {{ show(pg: Run): void, hide(): void }}
 */
export function solvedPanel(root, on) {
  const $ = (/** @type {string} */ id) => root.getElementById(id);
  const box = $('solved');
  // The words of the panel's root (words/run.js), its numbers in its language.
  const w = wordsAt(root);
  const int = w.int;
  $('solved-replay')?.addEventListener('click', on.replay);
  $('solved-keep')?.addEventListener('click', on.keep);
  $('solved-close')?.addEventListener('click', () => {
    if (box) box.hidden = true;
  });
  return {
    show(pg) {
      if (!box) return;
      const rule = w('run.solvedRule', pg.solvedRule);
      // The panel's markup has its text wherever it has the panel.
      const [ed, racer] = pg.lanes.map((_, i) => pg.lane(i));
      /** @type {HTMLElement} */ ($('solved-text')).textContent = racer
        ? w(
            'solved.race',
            int(ed.solvedAt ?? 0),
            racer.solvedAt !== undefined
              ? w('solved.bpSolved', int(racer.solvedAt))
              : w('solved.bpDiverged', int(racer.divergedAt ?? 0)),
            rule,
          )
        : w('solved.text', int(ed.solvedAt ?? 0), rule);
      box.hidden = false;
    },
    hide() {
      if (box) box.hidden = true;
    },
  };
}
