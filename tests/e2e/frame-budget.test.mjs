// The frame budget: links within the page's limits whose epochs cost more than a
// frame (four layers of 256 units, spiral3 racing backprop, 10,000 epochs a
// frame) keep the tab answering, say on the status line that the budget holds
// the speed back, and pause, step and switch the loss as a small run does. The
// frame times themselves are figures of `make bench`, not asserted here: this
// machine is shared. A gap of a second between frames is asserted against: the
// tab hung on these links before the budget, for seconds at a time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, statusWhen, until, origin, hook } from './harness.mjs';

before(() => startSite(['index.html', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

// Each trains on past its solve (`stop=never`): the speed is what is tested.
const HEAVY = [
  '?hidden=256,256,256,256&speed=100&stop=never',
  '?hidden=256,256,256,256&speed=10000&stop=never',
  '?task=spiral3&hidden=256,256,256,256&race=1&speed=10000&stop=never',
];
const capped = (s) => /· [\d,]+ epochs?\/s · capped at [\d.,]+ epochs?\/frame$/.test(s.text); // "1 epoch/s" on a slow machine

/** The longest gap between animation frames over `ms`. */
const longestGap = (page, ms) =>
  page.evaluate(
    (ms) =>
      new Promise((done) => {
        let last = performance.now(),
          longest = 0;
        const end = last + ms;
        const loop = (t) => {
          longest = Math.max(longest, t - last);
          last = t;
          if (t < end) requestAnimationFrame(loop);
          else done(longest);
        };
        requestAnimationFrame(loop);
      }),
    ms,
  );

for (const link of ['?speed=10000&stop=never', ...HEAVY]) {
  test(`${link}: the tab answers, says when the budget caps the speed, and pauses at once`, () =>
    withPage(link, async (page) => {
      const first = await statusWhen(page, (s) => s.epoch >= 1, 'a first epoch on the status line');
      const gap = await longestGap(page, 2000);
      assert.ok(gap < 1000, `a frame waited ${gap.toFixed(0)} ms`);
      if (HEAVY.includes(link)) {
        // The line names the epochs a frame actually trained.
        await statusWhen(page, capped, 'a status line that says the speed is capped');
      }
      const later = await statusWhen(page, (s) => s.epoch > first.epoch, 'the epoch count moving on');
      assert.ok(later.epoch > first.epoch);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      const stopped = await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a status line that says paused');
      await page.waitForTimeout(300);
      assert.equal(await hook(page, 'epoch'), stopped.epoch, 'paused means no training');
    }));
}

test('a Step on a network whose epoch spans frames trains exactly one epoch, over as many frames as it takes', () =>
  withPage('?task=spiral3&hidden=256,256,256,256&race=1&paused=1', async (page) => {
    await statusWhen(page, (s) => s.epoch === 0 && s.text.endsWith(' · paused'), 'a paused run at epoch 0');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    const stepped = await statusWhen(
      page,
      (s) => s.epoch === 1 && s.text.endsWith(' · paused'),
      'a status line at epoch 1, paused',
    );
    assert.equal(stepped.epoch, 1);
    assert.equal(await hook(page, 'midEpoch'), false, 'the step ends between epochs');
    await page.waitForTimeout(200);
    assert.equal(await hook(page, 'epoch'), 1, 'one epoch, no more');
  }));

test('a loss switched in the middle of an epoch takes effect at its end, and the link replays it bit for bit', () =>
  withPage('?task=moons&points=1000&hidden=128,128,128&speed=3&stop=never', async (a) => {
    await statusWhen(a, (s) => s.epoch >= 3, 'epoch 3');
    // Switched from within the page the moment an epoch is under way, as a reader's
    // change event would arrive between two frames.
    const at = await until(
      () =>
        a.evaluate(() => {
          const pg = window.__edPlayground;
          if (!pg.midEpoch) return null;
          const select = document.getElementById('loss');
          select.value = 'bce-with-logits';
          select.dispatchEvent(new Event('change'));
          return pg.epoch;
        }),
      (e) => e !== null,
      { what: 'an epoch under way' },
    );
    const { changes } = await hook(a, 'state');
    assert.deepEqual(
      changes,
      [{ epoch: at + 1, name: 'loss', value: 'bce-with-logits' }],
      'recorded for the end of the epoch under way',
    );
    assert.equal(
      await a.getByLabel('Loss function').inputValue(),
      'bce-with-logits',
      'the select shows the choice at once',
    );
    await statusWhen(a, (s) => s.epoch >= at + 4, `epoch ${at + 4}`);
    await a.getByRole('button', { name: 'Pause', exact: true }).click();
    const { epoch } = await statusWhen(a, (s) => s.text.endsWith(' · paused'), 'a paused line');
    const loss = await hook(a, 'loss');
    const link = a.url().slice(origin.length + 1);
    assert.match(link, new RegExp(`changes=${at + 1}:loss:bce-with-logits`));

    assert.match(link, new RegExp(`at=${epoch}(&|$)`), 'the link holds the paused epoch');

    // The link opens at its epoch, replayed through the switch within the frame budget.
    await withPage(link, async (b) => {
      await statusWhen(
        b,
        (s) => s.epoch === epoch && s.text.endsWith(' · paused'),
        `the replay paused at epoch ${epoch}`,
        30000,
      );
      assert.equal(await hook(b, 'loss'), loss, 'bit-identical loss');
    });
  }));
