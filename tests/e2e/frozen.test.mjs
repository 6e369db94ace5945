// A frozen run says so where the reader looks, with the way out (issue 13, item
// 1): the engine's freeze watch (src/train/freeze.rs), the page's explanation
// (www/frozen.js) under the status line, and its buttons, which start a new run
// from the settings in force with no replayed change. The links carry speed=5
// (the default 0.2 epochs a frame would take 15 s to reach the switch) and
// stop=never (a solved run goes on, as a frozen one must be reached).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, statusWhen, hook, query } from './harness.mjs';

before(() => startSite(['index.html', 'embed.html', 'ed-playground.js', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

// The run: XOR, MSE, seed 42, hidden 8,8, rate 0.5, switched to BCE after 178 epochs.
const SWITCHED = '?task=xor&loss=mse&hidden=8,8&lr=0.5&seed=42&stop=never&speed=5&changes=178:loss:bce';

const explanation = (scope) => scope.locator('#frozen');
/** The explanation once shown, its text as read. */
const shown = async (scope, timeout = 10000) => {
  await explanation(scope).and(scope.getByRole('alert')).waitFor({ timeout });
  return explanation(scope).locator('p').textContent();
};

test('a switch to BCE that freezes the run is explained in place, and its first way out starts BCE afresh', () =>
  withPage(SWITCHED, async (page) => {
    const text = await shown(page);
    assert.match(text, /^Stuck since epoch 18\d: every output is pinned at 1, and the loss no longer moves\./);
    assert.match(text, /BCE's error signal saturated the hidden units after the switch/);
    const ways = explanation(page).getByRole('button');
    assert.deepEqual(await ways.allTextContents(), ['Start again with BCE', 'Start again with BCE with logits']);
    // Right under the status line, before the first card.
    const [bar, box, card] = await Promise.all(
      ['.bar', '#frozen', '#card-network'].map((s) => page.locator(s).boundingBox()),
    );
    assert.ok(bar.y + bar.height <= box.y && box.y + box.height <= card.y, 'between the controls and the cards');

    await ways.first().click();
    await explanation(page).waitFor({ state: 'hidden' });
    const state = await hook(page, 'state');
    assert.deepEqual([state.loss, state.changes, state.lr, state.task, state.seed], ['bce', [], 0.5, 'xor', 42]);
    assert.equal(query(page).get('loss'), 'bce');
    assert.equal(query(page).get('changes'), null, 'no replayed change in the link');
    // The new run learns under BCE (the seed's BCE run is solved by epoch 132) and never freezes.
    const later = await statusWhen(page, (s) => s.epoch >= 250, 'the new run at epoch 250', 20000);
    assert.ok(later.loss < 1e-3, `BCE loss ${later.loss} at epoch ${later.epoch} (9.7 while frozen)`);
    assert.equal(await hook(page, 'liveLoss'), 'bce');
    assert.ok(await explanation(page).isHidden(), 'no explanation over a run that learns');
  }));

test('a learning rate that saturates everything is explained, and its way out resets the rate to the default', () =>
  withPage('?lr=100&stop=never&speed=5', async (page) => {
    const text = await shown(page);
    assert.match(text, /^Stuck since epoch \d+: every output is pinned at 0 or 1, and the loss no longer moves\./);
    assert.match(text, /At learning rate 100 the updates saturated every unit/);
    const way = explanation(page).getByRole('button');
    assert.deepEqual(await way.allTextContents(), ['Start again at learning rate 0.5']);
    await way.click();
    await explanation(page).waitFor({ state: 'hidden' });
    assert.equal((await hook(page, 'state')).lr, 0.5);
    assert.equal(query(page).get('lr'), '0.5');
    const learnt = await statusWhen(page, (s) => s.epoch >= 200, 'the new run at epoch 200', 20000);
    assert.ok(learnt.loss < 1e-3, `loss ${learnt.loss} at epoch ${learnt.epoch}`);
  }));

test('a healthy XOR run never shows the explanation', () =>
  withPage(
    '?stop=never&speed=5',
    {
      // Every change of the box's `hidden`, from the page's first moment.
      setup: (page) =>
        page.addInitScript(() => {
          window.__frozenShown = 0;
          document.addEventListener('DOMContentLoaded', () => {
            const box = document.getElementById('frozen');
            new MutationObserver(() => {
              if (!box.hidden) window.__frozenShown++;
            }).observe(box, { attributes: true });
          });
        }),
    },
    async (page) => {
      const end = await statusWhen(page, (s) => s.epoch >= 600, 'epoch 600', 30000);
      assert.ok(end.loss < 1e-3, `the run learnt: loss ${end.loss}`);
      assert.equal(await page.evaluate(() => window.__frozenShown), 0);
      assert.ok(await explanation(page).isHidden());
    },
  ));

test('an embedded element explains a frozen run in its own frame too', () =>
  withPage('embed.html?lr=100&stop=never&speed=5&controls=play', async (page) => {
    const figure = page.locator('ed-playground');
    const text = await shown(figure);
    assert.match(text, /At learning rate 100/);
    assert.deepEqual(await explanation(figure).getByRole('button').allTextContents(), [
      'Start again at learning rate 0.5',
    ]);
  }));
