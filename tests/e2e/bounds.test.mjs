// Bounds the page keeps however it is driven: a run holds no more live changes
// than its link can carry, so the link it writes always opens to the same run;
// nothing non-finite reaches the mean |w| chart; a run rebuilt after a
// divergence plays again. Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSite, stopSite, withPage, statusWhen, until, origin, hook, addFigure, ed } from './harness.mjs';

before(() => startSite(['index.html', 'pkg/ed_playground_bg.wasm', 'examples/blog-post.html']));
after(stopSite);

test('live changes stop at the bound a link holds, and the link the page writes replays the run bit for bit', () =>
  withPage('?paused=1&speed=1', async (a) => {
    await statusWhen(a, (s) => s.epoch === 0 && s.text.endsWith(' · paused'), 'a paused run');
    const max = await hook(a, 'changesMax');
    // A step and a switch, over and over, from within the page (a person would take an hour).
    const made = await a.evaluate(async (n) => {
      const select = document.getElementById('loss'),
        step = document.getElementById('step');
      const pg = window.__edPlayground;
      for (let i = 0; i < n; i++) {
        step.click();
        // A step trains what a frame's budget allows at once, the rest in frames after.
        while (pg.epoch < i + 1 || pg.midEpoch) await new Promise(requestAnimationFrame);
        select.value = select.value === 'mse' ? 'bce-with-logits' : 'mse';
        select.dispatchEvent(new Event('change'));
      }
      return pg.state.changes.length;
    }, max + 50);
    assert.equal(made, max, 'no more than the bound');
    await a
      .locator('.notice', { hasText: `a run holds at most ${max}` })
      .first()
      .waitFor();
    const { epoch } = await statusWhen(a, (s) => s.epoch === max + 50, `epoch ${max + 50}`);
    const loss = await hook(a, 'loss');
    const link = a.url().slice(origin.length + 1);
    assert.ok(link.length < 8000, `a link of ${link.length} characters`);

    assert.match(link, new RegExp(`at=${epoch}(&|$)`), 'the link holds the paused epoch');

    // The link opens replayed to its epoch, every change applied at its own.
    await withPage(link, async (b) => {
      await statusWhen(
        b,
        (s) => s.epoch === epoch && s.text.endsWith(' · paused'),
        `the replay paused at epoch ${epoch}`,
        30000,
      );
      assert.equal(await b.locator('.notice').count(), 0, 'the page takes its own link');
      assert.equal((await hook(b, 'state')).changes.length, max);
      assert.equal(await hook(b, 'loss'), loss, 'bit-identical loss');
    });
  }));

test('a change epoch a JS number cannot hold is refused, not rounded into another run', () =>
  withPage('?paused=1&changes=9007199254740993:loss:bce', async (page) => {
    await page.locator('.notice', { hasText: 'changes' }).waitFor();
    assert.deepEqual((await hook(page, 'state')).changes, []);
    assert.doesNotMatch(page.url(), /changes=/);
  }));

const finite = (series) => series.length > 0 && series.every((v) => Number.isFinite(v) && v > 0);

test('a healthy run at a huge learning rate charts a finite mean |w|', () =>
  withPage('?lr=1e306&hidden=64,64', async (page) => {
    await statusWhen(page, (s) => s.epoch >= 20, 'epoch 20');
    assert.equal(await hook(page, 'divergedAt'), undefined, 'nothing diverged');
    const series = await hook(page, 'meanAbs()');
    assert.ok(finite(series), `mean |w|: ${series.filter((v) => !Number.isFinite(v)).slice(0, 3)}`);
  }));

test('a loaded model whose weights are near the largest double charts a finite mean |w|', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ed-huge-'));
  const file = join(dir, 'huge.json');
  ed(['train', '--epochs', '1', '--save', file], { stdio: 'ignore' });
  const model = JSON.parse(readFileSync(file, 'utf8'));
  // Every positive weight 1e308: finite, but their sum is not.
  const huge = (w) => (Array.isArray(w) ? w.map(huge) : w > 0 ? 1e308 : w);
  model.networks = huge(model.networks);
  await withPage('?paused=1', async (page) => {
    await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a paused run');
    await page
      .locator('#load')
      .setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
    await page.locator('.notice', { hasText: 'Loaded huge.json' }).waitFor();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await statusWhen(page, (s) => s.epoch === 2, 'epoch 2');
    const series = await until(
      () => hook(page, 'meanAbs()'),
      (s) => s.length > 0,
      { what: 'a history point' },
    );
    assert.ok(finite(series), `mean |w|: ${series}`);
  });
});

test('a run rebuilt after a divergence plays again, on the page and in an element', async () => {
  await withPage('?changes=5:lr:1e308', async (page) => {
    await page.locator('#diverged').waitFor();
    assert.equal((await hook(page, 'state')).paused, true, 'a divergence pauses');
    // As the alert says: a lower rate, then Reset.
    await page.getByLabel('Learning rate').fill('0.5');
    await page.getByLabel('Learning rate').press('Enter');
    await page.locator('#diverged-reset').click();
    await statusWhen(page, (s) => s.epoch >= 10, 'the new run training');
    assert.equal((await hook(page, 'state')).paused, false);
  });
  await withPage('examples/blog-post.html', async (page) => {
    // The element as a post would write it, at the top of the post.
    const el = await addFigure(page, 'diverging', { lr: '1e308', loss: 'bce' }, 'body');
    await el.locator('#diverged').waitFor();
    await el.evaluate((e) => e.setAttribute('lr', '0.5'));
    await statusWhen(el, (s) => s.epoch >= 10, 'the element training again');
  });
});
