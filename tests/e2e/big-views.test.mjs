// Four hidden layers of 256 units: every view is drawn, however many frames the
// decision maps and the scores take (they are computed a slice at a time, from a
// snapshot of the weights: www/view-work.js). No timing is asserted here
// (machines are noisy); `node scripts/bench-views.mjs` prints what each draw costs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, until, statusAt, hook, ready, drawn } from './harness.mjs';

before(() => startSite(['index.html', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

const BIG = 'hidden=256,256,256,256';
const SLOW = 60000; // a pass of a huge network under a loaded machine's frames

/**
 * Of a decision map canvas (laid out as www/decision.js draws it), the share of
 * the pixels in the middle of its square that are opaque: the map covers the
 * whole square, while the points and the frame alone leave it mostly clear.
 */
const mapCover = (scope, selector) =>
  scope.locator(selector).evaluate((c) => {
    const d = c.width / c.clientWidth,
      pad = 16 * d,
      side = Math.min(c.width, c.height) - 2 * pad;
    const x0 = (c.width - side) / 2,
      y0 = pad / 2;
    const { data } = c
      .getContext('2d')
      .getImageData(Math.round(x0 + side / 4), Math.round(y0 + side / 4), Math.round(side / 2), Math.round(side / 2));
    let opaque = 0;
    for (let i = 3; i < data.length; i += 4) opaque += data[i] === 255;
    return opaque / (data.length / 4);
  });
const mapDrawn = (scope, selector) =>
  until(
    () => mapCover(scope, selector),
    (f) => f > 0.95,
    { what: `${selector}'s map drawn`, timeout: SLOW },
  );

/** The scores table's cells, ED's rows first: [[loss, accuracy as a share], ...]; NaN for a dash. */
const tableScores = (page) =>
  page.locator('#truth tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const [loss, acc] = [...r.querySelectorAll('td')].map((td) => td.textContent);
      return [Number(loss), Number(acc.replace(' %', '')) / 100];
    }),
  );

// The heatmaps (five matrices for four hidden layers), the network, and the
// readout's map of a hidden unit under the pointer.
async function weightsAndNetwork(page) {
  const heatmaps = page.locator('#heatmaps canvas');
  const count = await until(
    () => heatmaps.count(),
    (n) => n === 5,
    { what: 'five heatmaps' },
  );
  for (let i = 0; i < count; i++) await drawn(page, `#heatmaps canvas >> nth=${i}`, 8, SLOW);
  await drawn(page, '#network', 50, SLOW);
  // The first unit of the first hidden layer, where network.js lays it out.
  const box = await page.locator('#network').boundingBox();
  await page.locator('#network').hover({ position: { x: 34 + (box.width - 56) / 5, y: 26 + (box.height - 34) / 512 } });
  const tip = await until(
    () => page.locator('#network-tip').textContent(),
    (t) => /^hidden 1 unit 0:/.test(t),
    { what: "the readout of hidden 1's unit 0" },
  );
  assert.match(tip, /its incoming weights' average size \d/);
  await mapDrawn(page, '#network-tip canvas');
}

for (const [link, { maps, outputs }] of [
  [BIG, { maps: ['#map'], outputs: 0 }],
  [`task=spiral3&${BIG}&race=1`, { maps: ['#map', '#map-bp'], outputs: 3 }],
  [`task=moons&${BIG}&race=1`, { maps: ['#map', '#map-bp'], outputs: 0 }],
]) {
  test(`?${link}: every view is drawn; a step shows the new weights' scores; the race ends cleanly`, () =>
    withPage(`?${link}&paused=1`, async (page) => {
      await ready(page);
      for (const map of maps) await mapDrawn(page, map);
      assert.equal(await page.locator('#output-maps canvas').count(), outputs);
      for (let k = 0; k < outputs; k++) await mapDrawn(page, `#output-maps canvas >> nth=${k}`);
      await weightsAndNetwork(page);
      if (link === BIG) {
        // XOR's truth table: each row's output, a number.
        const cells = await until(
          () => page.locator('#truth td.out span:not(.meter)').allTextContents(),
          (t) => t.length === 4 && t.every((v) => Number.isFinite(Number(v))),
          { what: "four rows' outputs" },
        );
        assert.equal(cells.length, 4);
        return;
      }
      // A step trains one epoch; paused, the table comes to show the scores of
      // exactly those weights (the engine's own, read through the hook).
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await statusAt(page, 1, SLOW);
      const [trainLoss, trainAcc, testLoss, testAcc] = await hook(page, 'scores()');
      const close = (rows) =>
        Math.abs(rows[0][0] - trainLoss) < 1e-4 &&
        Math.abs(rows[0][1] - trainAcc) < 1e-3 &&
        Math.abs(rows[1][0] - testLoss) < 1e-4 &&
        Math.abs(rows[1][1] - testAcc) < 1e-3;
      const rows = await until(() => tableScores(page), close, {
        what: `ED's scores at epoch 1: ${[trainLoss, trainAcc, testLoss, testAcc]}`,
        timeout: SLOW,
      });
      assert.equal(rows.length, 4, "ED's rows and backprop's");
      assert.ok(
        rows.every(([loss, acc]) => loss > 0 && acc >= 0 && acc <= 1),
        `every score a number: ${JSON.stringify(rows)}`,
      );
      // Ending the race while backprop's passes are under way (the step asked for
      // new ones) frees its run: nothing more is asked of it (the page stays
      // clean), and the new run's own map is drawn.
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await statusAt(page, 2, SLOW);
      await page.getByLabel('Race backprop').uncheck();
      await page.waitForFunction(() => window.__edPlayground.race === null);
      await mapDrawn(page, '#map');
      assert.equal(await page.locator('#map-bp').isVisible(), false);
    }));
}
