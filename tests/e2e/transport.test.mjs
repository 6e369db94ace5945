// The run's modes (www/app/transport.js): however an epoch is reached (played,
// stepped, explained pattern by pattern, replayed to a link's moment) the live
// changes due at it apply, so the page and its own link agree; and Explain one
// step survives the reader's points being cleared under it. Both were defects
// of the conductor before the transport (issue 20). Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, statusWhen, until } from './harness.mjs';

before(() => startSite(['index.html']));
after(stopSite);

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const panel = (page) => page.getByRole('region', { name: 'One ED update' });
const next = (page) => panel(page).getByRole('button', { name: 'Next', exact: true }).click();
const progress = (page) => page.locator('#explain-progress').textContent();

/** The run's recorded loss, `{ epoch: loss }`, read once `epoch` is recorded. */
const historyTo = (page, epoch) =>
  until(
    () => page.evaluate(() => window.__edPlayground.lossHistory()),
    (h) => h[epoch] !== undefined,
    { what: `the loss of epoch ${epoch} recorded` },
  );

/** Opens Explain one step, then explains `patterns` patterns. */
async function explainPatterns(page, patterns) {
  await page.getByRole('button', { name: 'Explain one step', exact: true }).click();
  await walk(page, patterns);
}

/** With the panel open: Next through a pattern's five stages, then on to the next, `patterns` times. */
async function walk(page, patterns) {
  for (let p = 0; p < patterns; p++) {
    await until(
      () => progress(page),
      (t) => t === 'Stage 1 of 5',
      { what: `pattern ${p + 1}'s first stage` },
    );
    for (let s = 1; s <= 5; s++) await next(page);
  }
}

test("a loss switch due at epoch 3 applies to the epochs explained, and the address bar's link gives the same losses", async () => {
  const link = '?task=xor&changes=3:loss:bce&paused=1&stop=never';
  let explained, address;
  await withPage(link, DESKTOP, async (page) => {
    await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a paused run');
    await explainPatterns(page, 24); // six epochs of XOR's four patterns
    await until(
      () => page.evaluate(() => window.__edPlayground.epoch),
      (e) => e === 6,
      { what: 'six epochs explained' },
    );
    explained = await historyTo(page, 6);
    address = new URL(page.url());
    assert.equal(await page.evaluate(() => window.__edPlayground.liveLoss), 'bce', 'the switch applied');
  });
  assert.equal(address.searchParams.get('at'), '6');
  assert.equal(address.searchParams.get('changes'), '3:loss:bce');
  const linked = await withPage(address.search, DESKTOP, async (page) => {
    await statusWhen(page, (s) => s.text.includes('epoch 6') && s.text.endsWith(' · paused'), 'the moment reached');
    return historyTo(page, 6);
  });
  for (let e = 1; e <= 6; e++) assert.equal(explained[e], linked[e], `epoch ${e}'s loss`);
  // Under BCE from epoch 4 the loss is another function of the outputs: not MSE's small values.
  assert.ok(explained[4] > 1, `epoch 4 trained under BCE (loss ${explained[4]})`);
});

test('a loss chosen while explaining applies from the next epoch, and stage 3 names it', async () => {
  await withPage('?paused=1', DESKTOP, async (page) => {
    await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a paused run');
    await explainPatterns(page, 2);
    await page.getByLabel('Loss function').selectOption('bce');
    // The rest of epoch 1, then the first pattern of epoch 2 up to its stage 3.
    await walk(page, 2);
    await until(
      () => progress(page),
      (t) => t === 'Stage 1 of 5',
      { what: 'epoch 2 first pattern' },
    );
    await next(page);
    await next(page);
    const text = await page.locator('#explain-body').textContent();
    assert.match(text, /BCE/, 'stage 3 names the loss in force');
    assert.doesNotMatch(text, /\(MSE\)/);
  });
});

test('Clear while Explain one step is open, then Next twenty times: no engine failure, the panel says there are no points', async () => {
  await withPage('?task=points&data=ARkDIOEcIBkcIeEDIQ&paused=1', DESKTOP, async (page) => {
    await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a paused run');
    const before = await page.evaluate(() => window.__edPlayground.epoch);
    await page.getByRole('button', { name: 'Explain one step', exact: true }).click();
    await until(
      () => progress(page),
      (t) => t === 'Stage 1 of 5',
      { what: 'the first stage' },
    );
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    for (let i = 0; i < 20; i++) {
      const button = panel(page).getByRole('button', { name: 'Next', exact: true });
      if (await button.isDisabled()) break;
      await button.click();
    }
    assert.equal(await page.locator('#banner').isHidden(), true, 'the engine did not stop');
    const body = await page.locator('#explain-body').textContent();
    assert.match(body, /no points/i, `the panel says so: ${body}`);
    assert.deepEqual(await page.evaluate(() => window.__edPlayground.points()), []);
    const epoch = await page.evaluate(() => window.__edPlayground.epoch);
    assert.ok(epoch <= before + 1, `at most the epoch under way ended (${before} -> ${epoch})`);
  });
});
