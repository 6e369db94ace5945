// The loss chart: mean loss per epoch on a log scale, one series per loss
// function with gaps where another loss is in force, and a dashed mark at each
// switch, from where the curve continues in the new loss's colour; under
// Kaneko's rule, a solid mark where his stopping rule would have ended the run.
import { lineChart } from './chart.js';
import { theme as pageTheme, fmtNum } from './ui.js';
import { LOSS_LABELS } from './state.js';

const CAP = 2048; // the session's history capacity

export function lossChart(box, theme = pageTheme, height = 230) {
  let chart, kinds = [], switches = [], stop, key = '';
  const x = new Float64Array(CAP), ys = [[], [], []];

  function marks(u) {
    const { ctx, bbox } = u, d = devicePixelRatio || 1;
    ctx.save();
    ctx.setLineDash([4 * d, 3 * d]); ctx.lineWidth = d; ctx.font = `${11 * d}px system-ui, sans-serif`;
    for (const [epoch, k] of switches) {
      const px = u.valToPos(epoch, 'x', true);
      if (!(epoch > u.data[0][0]) || px > bbox.left + bbox.width) continue;
      ctx.strokeStyle = ctx.fillStyle = theme['loss' + k];
      ctx.beginPath(); ctx.moveTo(px, bbox.top); ctx.lineTo(px, bbox.top + bbox.height); ctx.stroke();
      ctx.fillText('→ ' + LOSS_LABELS[k], px + 4 * d, bbox.top + 12 * d);
    }
    if (stop !== undefined) {
      const px = u.valToPos(stop, 'x', true);
      if (px >= bbox.left && px <= bbox.left + bbox.width) {
        ctx.setLineDash([]); ctx.lineWidth = 1.5 * d;
        ctx.strokeStyle = ctx.fillStyle = theme.fg;
        ctx.beginPath(); ctx.moveTo(px, bbox.top); ctx.lineTo(px, bbox.top + bbox.height); ctx.stroke();
        ctx.textAlign = px > bbox.left + bbox.width / 2 ? 'right' : 'left';
        ctx.fillText(stopLabel(), px + (ctx.textAlign === 'right' ? -4 : 4) * d, bbox.top + bbox.height - 6 * d);
      }
    }
    ctx.restore();
  }

  function build(used) {
    chart?.destroy();
    kinds = used; key = '';
    chart = lineChart(box, {
      series: used.map((k) => ({ label: LOSS_LABELS[k], stroke: theme['loss' + k] })),
      log: true, height, theme, yLabel: 'mean loss per epoch', value: (v) => fmtNum(v), draw: marks,
    });
  }
  build([0]);

  const stopLabel = () => `Kaneko's stop: epoch ${stop}`;

  return {
    /** `stopAt`: the epoch Kaneko's stopping rule was met, if it is to be marked. */
    update(pg, stopAt) {
      switches = pg.switches();
      const used = [...new Set(switches.map((s) => s[1]))];
      if (used.join() !== kinds.join()) build(used);
      const E = pg.historyEpochs(), n = E.length;
      const now = `${n}:${n && E[n - 1]}:${switches.length}:${stopAt}`;
      if (now === key) return;
      stop = stopAt;
      key = now;
      const L = pg.historyLosses(), K = pg.historyKinds();
      x.set(E);
      const series = ys.slice(0, kinds.length);
      for (const s of series) s.length = n;
      for (let i = 0; i < n; i++) {
        const v = L[i] > 0 ? L[i] : null; // a log axis has no place for 0
        for (let j = 0; j < series.length; j++) series[j][i] = kinds[j] === K[i] ? v : null;
        // Start the new loss's line at the last point of the old one: no gap at a switch.
        if (i && K[i] !== K[i - 1]) series[kinds.indexOf(K[i])][i - 1] = L[i - 1] > 0 ? L[i - 1] : null;
      }
      chart.setData([x.subarray(0, n), ...series]);
    },
    retheme() { build(kinds); },
    /** For tests: each series's label and how many points it draws. */
    series: () => chart.series.slice(1).map((s, j) => ({ label: s.label, points: chart.data[j + 1].filter((v) => v != null).length })),
    /** For tests: the marks drawn over the curves. */
    marks: () => [...switches.slice(1).map(([epoch, k]) => ({ epoch, label: '→ ' + LOSS_LABELS[k] })), ...(stop === undefined ? [] : [{ epoch: stop, label: stopLabel() }])],
  };
}
