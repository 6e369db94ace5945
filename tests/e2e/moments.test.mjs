// The moments of a run a reader and a teacher care about: it is solved (the
// page pauses there, marks it, offers Replay and Keep training), a new run
// starts clean (no switch of the old run replayed), and a link holds an epoch
// (`at=N` opens the run replayed to it, paused). Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, statusWhen, until, origin, hook, query } from './harness.mjs';

before(() => startSite(['index.html', 'embed.html', 'ed-playground.js', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

test('the default run is paced to be watched, pauses where XOR is solved, marks it, and Replay gives the same run again', () =>
  withPage('', async (page) => {
    // Paced: a few seconds of learning, not a flash.
    const early = await statusWhen(page, (s) => s.epoch >= 5, 'the first epochs');
    assert.ok(!early.text.includes('solved'), early.text);
    const solved = await page.locator('#solved').filter({ hasText: 'Solved at epoch' });
    await solved.waitFor({ timeout: 30000 });
    const at = Number(/Solved at epoch (\d+)/.exec(await page.locator('#solved-text').textContent())[1]);
    const paused = await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'the run paused at its solve');
    assert.equal(paused.epoch, at, 'paused at the epoch it was solved');
    assert.match(paused.text, new RegExp(`solved at epoch ${at} · paused$`));
    assert.equal(await hook(page, 'race'), null);
    assert.equal(await hook(page, 'epoch'), at);
    const timeToSolve = await page.evaluate(() => performance.now());
    assert.ok(timeToSolve > 1500, `solved ${Math.round(timeToSolve)} ms after the page began: too fast to watch`);
    const marks = await until(
      () => hook(page, 'lossMarks()'),
      (m) => m.some((x) => x.label === `solved: epoch ${at}`),
      { what: "the chart's solved mark" },
    );
    assert.deepEqual(
      marks.map((m) => m.epoch),
      [at],
    );
    assert.equal(query(page).get('at'), String(at), 'the link holds the moment');
    const lossAt = await hook(page, 'loss');

    // Replay: the same run from epoch 0, paused again at the same epoch with the same loss.
    await page.getByRole('button', { name: 'Replay' }).click();
    await statusWhen(page, (s) => s.epoch < at && !s.text.includes('paused'), 'the replay under way');
    await statusWhen(
      page,
      (s) => s.epoch === at && s.text.endsWith(' · paused'),
      'the replay paused at the solve',
      30000,
    );
    assert.equal(await hook(page, 'loss'), lossAt);

    // Keep training: on past the solve, and no pause there again.
    await page.getByRole('button', { name: 'Keep training' }).click();
    assert.equal(await page.locator('#solved').isHidden(), true);
    const on = await statusWhen(page, (s) => s.epoch >= at + 10, 'training past the solve');
    assert.ok(!on.text.includes('paused'), on.text);
    assert.equal(query(page).get('at'), null, 'playing, the link opens at the start');
  }));

test('stop=never trains on past the solve, and a link whose switch is still to come is not stopped before it', async () => {
  await withPage('?stop=never&speed=5', async (page) => {
    await statusWhen(page, (s) => s.epoch >= 120 && s.text.includes('solved at epoch'), 'training on past the solve');
    assert.equal(await page.locator('#solved').isHidden(), true);
  });
  await withPage('?speed=5&changes=150:loss:bce-with-logits', async (page) => {
    const s = await statusWhen(
      page,
      (x) => x.text.endsWith(' · paused'),
      'the run paused at its solve, after the switch',
      30000,
    );
    assert.ok(s.epoch >= 150, `paused at epoch ${s.epoch}, before the link's switch at 150`);
  });
});

test('a new task, layers, rule, race or seed starts a new run with the loss the reader sees and no replayed switch', () =>
  withPage('?stop=never&speed=2&paused=1', async (page) => {
    await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a paused run');
    // Ten epochs, then the switch to BCE that freezes the seed's rule.
    for (let i = 0; i < 10; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
    await statusWhen(page, (s) => s.epoch === 10 && s.text.endsWith(' · paused'), 'epoch 10');
    await page.getByLabel('Loss function').selectOption('bce');
    assert.equal(query(page).get('changes'), '10:loss:bce');
    for (const [label, act] of [
      ['task', () => page.getByLabel('Task').selectOption('moons')],
      [
        'hidden',
        async () => {
          await page.getByLabel('Hidden layers').fill('4,4');
          await page.getByLabel('Hidden layers').press('Enter');
        },
      ],
      ['race', () => page.getByLabel('Race backprop').check()],
      [
        'seed',
        async () => {
          await page.getByLabel('Random seed', { exact: true }).fill('7');
          await page.getByLabel('Random seed', { exact: true }).press('Enter');
        },
      ],
    ]) {
      await act();
      const q = await until(
        () => query(page),
        (x) => x.get('loss') === 'bce' && x.get('changes') === null,
        { what: `a new run after the ${label} changed` },
      );
      assert.equal(q.get('at'), null, label);
      assert.equal(await hook(page, 'state.changes.length'), 0, label);
      assert.equal(await hook(page, 'liveLoss'), 'bce', `${label}: the run trains with the loss the select shows`);
    }
  }));

test('a race line says a solve that no longer holds is lost', () =>
  withPage('?race=1&stop=never&speed=20&changes=400:loss:bce', async (page) => {
    const line = page.locator('#race-status');
    await until(
      () => line.textContent(),
      (t) => /^ED solved at epoch \d+ · /.test(t),
      { what: 'ED solved', timeout: 30000 },
    );
    const lost = await until(
      () => line.textContent(),
      (t) => /^ED solved at epoch \d+, lost at epoch \d+/.test(t),
      { what: 'ED lost its solve after the switch to BCE', timeout: 30000 },
    );
    const [, solvedAt, lostAt] = /solved at epoch (\d+), lost at epoch (\d+)/.exec(lost).map(Number);
    assert.ok(solvedAt < 400 && lostAt > 400, lost);
    assert.equal(
      await page
        .locator('#status')
        .textContent()
        .then((t) => t.includes('solved at')),
      false,
      'the status no longer says solved',
    );
  }));

test('a link holds a moment: paused at an epoch, the link and Copy link open there with the same loss', () =>
  withPage('?stop=never&speed=5&task=moons', { permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
    await statusWhen(page, (s) => s.epoch >= 60, 'epoch 60');
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'paused');
    const loss = await hook(page, 'loss');
    const link = await until(
      () => page.url(),
      (u) => new URL(u).searchParams.get('at') === String(paused.epoch),
      { what: 'the link at the paused epoch' },
    );
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('button', { name: 'Link copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(new URL(copied).searchParams.get('at'), String(paused.epoch));
    for (const url of [link, copied]) {
      await withPage(url.slice(origin.length + 1), async (other) => {
        const s = await statusWhen(
          other,
          (x) => x.epoch === paused.epoch && x.text.endsWith(' · paused'),
          `the link opened at epoch ${paused.epoch}`,
        );
        assert.equal(await hook(other, 'loss'), loss, 'the same loss as training there');
        assert.match(s.text, / · paused$/);
        assert.equal(await hook(other, 'state.paused'), true);
      });
    }
  }));

test('an at= beyond the solve opens there paused, and playing on does not stop at the old solve', () =>
  withPage('?at=120&speed=5', async (page) => {
    const s = await statusWhen(
      page,
      (x) => x.epoch === 120 && x.text.endsWith(' · paused'),
      'opened at epoch 120',
      30000,
    );
    assert.match(s.text, /solved at epoch \d+/);
    assert.equal(await page.locator('#solved').isHidden(), true);
    await page.getByRole('button', { name: 'Play' }).click();
    const on = await statusWhen(page, (x) => x.epoch >= 140, 'training on');
    assert.ok(!on.text.includes('paused'), on.text);
  }));

test('an embedded figure pauses at its solve too, its panel inside the figure, and Replay plays it again', () =>
  withPage('embed.html?speed=1&views=chart,table', async (page) => {
    const figure = page.locator('ed-playground');
    const panel = figure.locator('#solved');
    await panel.filter({ hasText: 'Solved at epoch 42' }).waitFor({ timeout: 30000 });
    // Inside the figure's box, not pinned to the host page's window.
    const [box, inner] = [await figure.boundingBox(), await panel.boundingBox()];
    assert.ok(
      inner.y >= box.y && inner.y + inner.height <= box.y + box.height + 1,
      `panel ${JSON.stringify(inner)} in figure ${JSON.stringify(box)}`,
    );
    assert.equal(await panel.evaluate((p) => getComputedStyle(p).position), 'absolute');
    assert.equal(await hook(figure, 'epoch'), 42);
    await figure.getByRole('button', { name: 'Replay' }).click();
    await until(
      () => hook(figure, 'epoch'),
      (n) => n < 42,
      { what: 'the replay under way' },
    );
    await panel.filter({ hasText: 'Solved at epoch 42' }).waitFor({ timeout: 30000 });
    assert.equal(await hook(figure, 'epoch'), 42);
  }));

test('at 200 epochs a frame the run still pauses on the epoch it was solved, not at the end of that frame', () =>
  withPage('?task=moons&speed=200', async (page) => {
    const s = await statusWhen(page, (x) => x.text.endsWith(' · paused'), 'the run paused at its solve', 30000);
    // `ed race --task moons` at the seed's setting: ED solves at epoch 434.
    assert.equal(s.epoch, 434, s.text);
    assert.match(s.text, /solved at epoch 434 · paused$/);
  }));
