// End-to-end tests of the reader's own points (www/points.js, src/task/own):
// clicks and taps on the decision map place points that the run trains on, the
// link carries them and a new page trains the very same run, a CSV file loads
// (a bad row is named and changes nothing) and Save gives it back, three
// classes work, a phone places them by touch. Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSite, stopSite, withPage, until, hook, ready, epochAtLeast, notices } from './harness.mjs';

before(() => startSite(['index.html', 'embed.html', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const points = (page) => hook(page, 'points()');
const count = (page, n) =>
  until(
    () => points(page),
    (p) => p.length === n,
    { what: `${n} points` },
  );

// Fractions of the map canvas's box: all inside the map's square (its padding is about 20 px of 236).
const SIX = [
  [0.25, 0.25, 0],
  [0.7, 0.7, 0],
  [0.3, 0.35, 0],
  [0.25, 0.7, 1],
  [0.7, 0.25, 1],
  [0.65, 0.3, 1],
];

/** Clicks (or taps) the map at fractions of its box, choosing each point's class first. */
async function place(page, list, { tap = false } = {}) {
  const map = page.locator('#map');
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  for (const [fx, fy, c] of list) {
    await page.locator('.point-class').nth(c).click();
    const position = { x: box.width * fx, y: box.height * fy };
    if (tap) await map.tap({ position });
    else await map.click({ position });
  }
}

/** A CSV file for the page's file input. */
const csv = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('six clicks give six points that train, and their link opens the same run', () =>
  withPage('?task=points&paused=1&stop=never&speed=5', async (page) => {
    await ready(page);
    assert.equal(await page.locator('#points-tools').isVisible(), true);
    assert.deepEqual(await points(page), []);
    await place(page, SIX);
    const six = await count(page, 6);
    assert.deepEqual(
      six.map((p) => p.c),
      [0, 0, 0, 1, 1, 1],
    );
    // The engine trains on the very same points (inputs 0 .. 1 are the plane's -1 .. 1).
    const patterns = await hook(page, 'patterns()');
    assert.deepEqual(
      patterns.map((p) => [p.x, p.y, p.t[0]]),
      six.map((p) => [(0.5 * p.x) / 1000 + 0.5, (0.5 * p.y) / 1000 + 0.5, p.c]),
    );
    // Left and right, top and bottom as clicked: the first point is up and to the left.
    assert.ok(six[0].x < 0 && six[0].y > 0 && six[1].x > 0 && six[1].y < 0, JSON.stringify(six));
    assert.equal(await hook(page, 'epoch'), 0, 'paused: nothing trained yet');

    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await epochAtLeast(page, 60, 30000);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    // Paused: the epoch, the run's history and the link, read together once nothing changes them.
    const { epoch, history, search } = await page.evaluate(() => {
      const h = window.__edPlayground;
      return { epoch: h.epoch, history: h.lossHistory(), search: location.search };
    });
    const losses = Object.values(history);
    // It trains on them: an epoch's loss a history point, and the loss moves (an
    // XOR-like set is not learnt in 60 epochs, so up or down).
    assert.ok(losses.length >= 60, `${losses.length} epochs recorded`);
    assert.ok(
      Math.max(...losses) - Math.min(...losses) > 1e-3,
      `the loss moves: ${Math.min(...losses)} to ${Math.max(...losses)}`,
    );
    // The scores table: the reader's points have no test set, so no empty test row.
    const table = page.locator('#truth tbody th');
    await until(
      () => table.allTextContents(),
      (t) => t.length > 0,
      { what: "the scores table's rows" },
    );
    assert.deepEqual(await table.allTextContents(), ['train']);
    const link = new URLSearchParams(search);
    assert.equal(link.get('at'), String(epoch));
    assert.match(link.get('data'), /^[A-Za-z0-9_-]+$/);

    // A new page from that link: the same six points, the same loss at every epoch.
    await withPage(search, async (again) => {
      await ready(again);
      await until(
        () => hook(again, 'epoch'),
        (e) => e === epoch,
        { what: `the link's epoch ${epoch}`, timeout: 30000 },
      );
      assert.deepEqual(await points(again), six);
      const replayed = await hook(again, 'lossHistory()');
      assert.deepEqual(replayed, history);
    });
  }));

test('a click on a point removes it, Remove mode takes a tap near one, Clear empties the set', () =>
  withPage('?task=points&paused=1', async (page) => {
    await ready(page);
    await place(page, SIX.slice(0, 3));
    await count(page, 3);
    // Right on the second point: it goes.
    await place(page, [SIX[1]]);
    const two = await count(page, 2);
    assert.deepEqual(
      two.map((p) => p.x > 0),
      [false, false],
    );
    // Remove mode: a tap a few pixels off the first point takes it; a tap far from any adds nothing.
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    const box = await page.locator('#map').boundingBox();
    await page.locator('#map').click({ position: { x: box.width * 0.25 + 6, y: box.height * 0.25 - 5 } });
    await count(page, 1);
    await page.locator('#map').click({ position: { x: box.width * 0.8, y: box.height * 0.8 } });
    assert.equal((await points(page)).length, 1);
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await count(page, 0);
    assert.equal(new URL(page.url()).searchParams.get('data'), null, 'no points, no data in the link');
    assert.equal(await hook(page, 'patterns().length'), 0);
  }));

test('a CSV with a bad row is named by its line and changes nothing; a good one loads; Save gives it back', () =>
  withPage('?task=points&paused=1', async (page) => {
    await ready(page);
    await place(page, SIX.slice(0, 2));
    const before = await count(page, 2);
    const input = page.locator('#points-load');
    await input.setInputFiles(csv('bad.csv', 'x,y,label\n0.1,0.2,0\n0.5,1.5,1\n0.3,0.3,1\n'));
    await page.locator('.notice', { hasText: 'bad.csv' }).waitFor();
    const said = (await notices(page.locator('#notices'))).find((t) => t.includes('bad.csv'));
    assert.match(
      said,
      /^Could not load bad\.csv: line 3: y must be a number from -1 to 1, got "1\.5"\. Nothing was loaded; your points are as they were\./,
    );
    assert.deepEqual(await points(page), before);
    assert.equal(await hook(page, 'patterns().length'), 2);

    const good = 'x,y,label\r\n-0.5,0.5,1\r\n0.25,-0.75,0\r\n0,0,1\r\n';
    await input.setInputFiles(csv('good.csv', `\uFEFF${good}`));
    const loaded = await count(page, 3);
    assert.deepEqual(loaded, [
      { x: -500, y: 500, c: 1 },
      { x: 250, y: -750, c: 0 },
      { x: 0, y: 0, c: 1 },
    ]);
    await page.locator('.notice', { hasText: 'Loaded 3 points from good.csv.' }).waitFor();
    assert.equal(await hook(page, 'patterns().length'), 3);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save CSV', exact: true }).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'ed-points-points.csv');
    assert.equal(readFileSync(await file.path(), 'utf8'), 'x,y,label\n-0.500,0.500,1\n0.250,-0.750,0\n0.000,0.000,1\n');
  }));

test('over 200 points the link says so and leaves them out; a bad link value is named and the rest kept', () =>
  withPage('?task=points&paused=1&data=!!bad&seed=7', async (page) => {
    await ready(page);
    const said = (await notices(page.locator('#notices'))).join('\n');
    assert.match(said, /data/);
    assert.match(said, /is not points as the page writes them/);
    const state = await hook(page, 'state');
    assert.deepEqual([state.task, state.seed, state.data], ['points', 7, '']);

    const rows = Array.from(
      { length: 250 },
      (_, i) => `${((i % 25) / 12.5 - 0.96).toFixed(3)},${(Math.floor(i / 25) / 5 - 0.9).toFixed(3)},${i % 2}`,
    );
    await page.locator('#points-load').setInputFiles(csv('many.csv', rows.join('\n')));
    await count(page, 250);
    await page.locator('.notice', { hasText: '250 points: more than the 200 a link holds' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('data'), null);
    assert.equal(await hook(page, 'patterns().length'), 250, 'the points stay on the page');
  }));

test('three classes: a point of each, one output per class, and it trains', () =>
  withPage('?task=points3&stop=never', async (page) => {
    await ready(page);
    assert.equal(await page.locator('.point-class').nth(2).isVisible(), true);
    await place(page, [
      [0.25, 0.7, 0],
      [0.75, 0.7, 1],
      [0.5, 0.3, 2],
      [0.3, 0.75, 0],
    ]);
    const four = await count(page, 4);
    assert.deepEqual(
      four.map((p) => p.c),
      [0, 1, 2, 0],
    );
    const patterns = await hook(page, 'patterns()');
    assert.deepEqual(
      patterns.map((p) => p.t),
      [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
        [1, 0, 0],
      ],
    );
    assert.equal(await hook(page, 'outputs'), 3);
    const e0 = await hook(page, 'epoch');
    await epochAtLeast(page, e0 + 20);
    // The two-class task sets the third class's point aside, kept for three classes.
    await page.getByLabel('Task').selectOption('points');
    await until(
      () => hook(page, 'points().length'),
      (n) => n === 3,
      { what: 'three points of two classes' },
    );
    assert.equal(await page.locator('.point-class').nth(2).isVisible(), false);
    await page.getByLabel('Task').selectOption('points3');
    await count(page, 4);
  }));

test("a figure of the points (the iframe page's element) trains on the link's points", () =>
  withPage('embed.html?task=points&data=ARkDIOEcIBkcIeEDIQ&stop=never&views=chart,map', async (page) => {
    const figure = page.locator('ed-playground');
    await epochAtLeast(figure, 10);
    assert.equal(await hook(figure, 'patterns().length'), 4);
  }));

test('Embed this carries the points in both snippets, with the map', () =>
  withPage('?task=points&data=ARkDIOEcIBkcIeEDIQ', async (page) => {
    await ready(page);
    await page.getByRole('button', { name: 'Embed this' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this run' });
    await dialog.waitFor();
    const element = await dialog.locator('[data-snippet="element"]').textContent();
    const iframe = await dialog.locator('[data-snippet="iframe"]').textContent();
    // The reader's language comes with them (Embed this always says it).
    assert.match(element, /<ed-playground task="points" lang="en" data="ARkDIOEcIBkcIeEDIQ" views="chart,network,map"/);
    assert.match(iframe, /embed\.html\?task=points&lang=en&data=ARkDIOEcIBkcIeEDIQ&views=chart,network,map/);
  }));

for (const lang of ['en', 'ja']) {
  for (const [screen, options] of [
    ['desktop', { viewport: { width: 1280, height: 800 } }],
    ['phone', PHONE],
  ]) {
    test(`a drawn point set, ${screen}, ${lang}: screenshot${screen === 'phone' ? ', taps, 44-px targets, no sideways scroll' : ''}`, () =>
      withPage(`?task=points&lang=${lang}&stop=never`, options, async (page) => {
        await ready(page);
        const phone = screen === 'phone';
        await place(page, SIX, { tap: phone });
        await count(page, 6);
        await epochAtLeast(page, 150, 30000);
        if (phone) {
          const small = await page.evaluate(
            () =>
              [...document.querySelectorAll('#points-tools button, #points-tools label')]
                .filter((b) => !b.closest('[hidden]'))
                .map((b) => b.getBoundingClientRect())
                .filter((r) => r.width < 44 || r.height < 44).length,
          );
          assert.equal(small, 0, 'every tool a 44-px target');
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          assert.equal(overflow, 0, 'no sideways scrolling');
        }
        if (lang === 'ja') assert.equal(await page.locator('.point-class').first().textContent(), 'クラス 0');
        await page.locator('#card-output').screenshot({ path: `artifacts/points-${screen}-${lang}.png` });
      }));
  }
}
