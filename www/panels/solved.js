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
  const ed = pg.solvedAt !== undefined && pg.lostAt === undefined;
  return (
    ed &&
    (!pg.racing ||
      (pg.backpropSolvedAt !== undefined && pg.backpropLostAt === undefined) ||
      pg.backpropDivergedAt !== undefined)
  );
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
      /** @type {HTMLElement} */ ($('solved-text')).textContent = pg.racing
        ? w(
            'solved.race',
            int(pg.solvedAt),
            pg.backpropSolvedAt !== undefined
              ? w('solved.bpSolved', int(pg.backpropSolvedAt))
              : w('solved.bpDiverged', int(pg.backpropDivergedAt)),
            rule,
          )
        : w('solved.text', int(pg.solvedAt), rule);
      box.hidden = false;
    },
    hide() {
      if (box) box.hidden = true;
    },
  };
}
