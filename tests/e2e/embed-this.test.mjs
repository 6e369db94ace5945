// End-to-end tests of the page's "Embed this" dialog (www/share.js): the snippets
// it copies for the current settings give a figure that trains the page's very
// run, as an element on a page of its own and as the iframe of embed.html; the
// clipboard refused, the snippet is selected instead; the dialog fits a phone.
// Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, until, origin, hook, ready } from './harness.mjs';
import { CSP } from '../../scripts/serve.mjs';

before(() =>
  startSite(['index.html', 'ed-playground.js', 'embed.html', 'examples/blog-post.html', 'pkg/ed_playground_bg.wasm']),
);
after(stopSite);

// A run that trains on: the snippet has much to carry (task, layers, seed, loss, stop, speed).
const RUN = 'task=moons&hidden=4,4&seed=7&loss=bce-with-logits&stop=never&speed=0.5';
// The settings a figure must share with the page (the state's names, which are the link's).
const SETTINGS = [
  'task',
  'hidden',
  'seed',
  'loss',
  'lr',
  'rule',
  'noise',
  'points',
  'test_fraction',
  'speed',
  'stop',
  'changes',
  'race',
];

/** Opens the dialog and returns its two snippets as the page shows them. */
async function openDialog(page) {
  await page.getByRole('button', { name: 'Embed this' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this run' });
  await dialog.waitFor();
  const text = (name) => dialog.locator(`[data-snippet="${name}"]`).textContent();
  return { dialog, element: await text('element'), iframe: await text('iframe') };
}

/** Presses the dialog's Copy button for `name` and returns what the clipboard then holds. */
async function copy(page, dialog, name) {
  const button = dialog.locator(`[data-copy="${name}"]`);
  await button.click();
  await until(
    () => button.textContent(),
    (t) => t === 'Copied',
    { what: 'the Copy button saying Copied' },
  );
  return page.evaluate(() => navigator.clipboard.readText());
}

/**
 * The loss after each epoch, `{ epoch: loss }`, as `scope`'s playground (the
 * page's, or its element's) recorded it, once it has trained to `epoch`: the
 * run's own history, every epoch, so no epoch is missed however slow the reads.
 */
async function lossesUntil(scope, epoch) {
  const read = () =>
    scope.evaluate(() => {
      const h = window.__edPlayground ?? document.querySelector('ed-playground')?.playground;
      return h ? h.epoch : 0;
    });
  await until(read, (e) => e >= epoch, { what: `training to epoch ${epoch}`, timeout: 30000 });
  return scope.evaluate(() =>
    (window.__edPlayground ?? document.querySelector('ed-playground').playground).lossHistory(),
  );
}

/** The epochs both runs were read at, each with the two losses; at least `n` of them. */
function shared(a, b, n) {
  const both = Object.keys(a)
    .filter((e) => Object.hasOwn(b, e))
    .map((e) => [Number(e), a[e], b[e]]);
  assert.ok(
    both.length >= n,
    `only ${both.length} epochs read in both runs (${Object.keys(a).length} and ${Object.keys(b).length})`,
  );
  return both;
}

const pick = (state) => Object.fromEntries(SETTINGS.map((k) => [k, state[k]]));

test("the copied element, on a page of its own, trains the page's run: the same loss at each epoch", (t) =>
  withPage(`index.html?${RUN}`, { permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
    await ready(page);
    const { dialog, element } = await openDialog(page);
    const copied = await copy(page, dialog, 'element');
    assert.equal(copied, element, 'the clipboard holds the snippet shown');
    const pageState = await hook(page, 'state');
    await page.keyboard.press('Escape');
    assert.equal(await dialog.isVisible(), false, 'Escape closes the dialog');
    // One after the other, each in front (a tab behind another trains nothing): the
    // page's run from its start again (Reset keeps the settings), then the figure's.
    await page.getByRole('button', { name: 'Reset' }).click();
    const fromPage = await lossesUntil(page, 40);

    // A test page of the site holding the snippet exactly as copied, under the site's CSP.
    const figurePage = await page.context().newPage();
    const errors = [];
    figurePage.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    figurePage.on('pageerror', (e) => errors.push(e.message));
    await figurePage.route(`${origin}/embed-this-test.html`, (r) =>
      r.fulfill({
        contentType: 'text/html',
        headers: { 'Content-Security-Policy': CSP },
        body: `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>A post</title></head><body>\n${copied}\n</body></html>`,
      }),
    );
    await figurePage.goto(`${origin}/embed-this-test.html`);
    const fromFigure = await lossesUntil(figurePage, 40);

    const figureState = await figurePage.evaluate(() => document.querySelector('ed-playground').playground.state);
    assert.deepEqual(pick(figureState), pick(pageState), "the figure has the page's settings");
    assert.deepEqual(
      [figureState.task, figureState.hidden, figureState.seed, figureState.loss, figureState.stop],
      ['moons', [4, 4], 7, 'bce-with-logits', 'never'],
    );
    const both = shared(fromPage, fromFigure, 40);
    t.diagnostic(`${both.length} epochs compared, ${both[0][0]} to ${both.at(-1)[0]}`);
    for (const [epoch, a, b] of both) assert.equal(b, a, `loss at epoch ${epoch}`);
    assert.ok(new Set(both.map(([, a]) => a)).size > 5, 'the loss moves: the runs are compared while they learn');
    // The views and controls the snippet asks for: a 2-D task's map, no table, no step button.
    const figure = figurePage.locator('ed-playground');
    for (const id of ['#loss-chart', '#network', '#map', '#play', '#reset'])
      assert.equal(await figure.locator(id).count(), 1, id);
    for (const id of ['#truth', '#step']) assert.equal(await figure.locator(id).count(), 0, id);
    assert.equal(await figure.getByLabel('Loss function').inputValue(), 'bce-with-logits');
    assert.deepEqual(errors, [], 'console errors on the test page');
    assert.deepEqual(await figurePage.evaluate(() => window.__csp), [], 'CSP violations on the test page');
    await figurePage.screenshot({ path: 'artifacts/embed-this-element.png' });
  }));

test('the copied iframe opens embed.html with the same settings and trains the same run', () =>
  withPage(`index.html?${RUN}`, { permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
    await ready(page);
    const { dialog } = await openDialog(page);
    const copied = await copy(page, dialog, 'iframe');
    // The frame's address as a browser reads it from the copied HTML.
    const { src, width, height } = await page.evaluate((html) => {
      const frame = new DOMParser().parseFromString(html, 'text/html').querySelector('iframe');
      return { src: frame.src, width: frame.width, height: frame.height };
    }, copied);
    assert.equal(new URL(src).pathname, '/embed.html');
    assert.ok(Number(width) >= 320 && Number(height) >= 320, `${width} × ${height}`);
    const pageState = await hook(page, 'state');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Reset' }).click();
    const fromPage = await lossesUntil(page, 30);

    const framePage = await page.context().newPage();
    await framePage.setViewportSize({ width: Number(width), height: Number(height) });
    await framePage.goto(src);
    const fromFrame = await lossesUntil(framePage, 30);
    assert.deepEqual(
      pick(await framePage.evaluate(() => document.querySelector('ed-playground').playground.state)),
      pick(pageState),
    );
    for (const [epoch, a, b] of shared(fromPage, fromFrame, 30)) assert.equal(b, a, `loss at epoch ${epoch}`);
    assert.deepEqual(await framePage.evaluate(() => window.__csp), [], 'CSP violations in embed.html');
  }));

test("the snippets write what differs from the defaults, a rule's own defaults and the live changes included, never the pause", () =>
  withPage('index.html?rule=kaneko&hidden=8,8&paused=1&changes=30:loss:bce&speed=5', async (page) => {
    await ready(page);
    const { element, iframe } = await openDialog(page);
    const attributes = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return [...doc.querySelector('ed-playground').attributes].map((a) => [a.name, a.value]);
    }, element);
    // Kaneko's rule brings 8 hidden units of its own, so the 8,8 given must be written;
    // his lr, u0, u1 and beta are his defaults, so they are not. The element calls the
    // layer sizes `layers` where the link says `hidden`.
    const layers = attributes.find(([n]) => n === 'layers' || n === 'hidden')?.[0];
    assert.deepEqual(attributes, [
      ['rule', 'kaneko'],
      ['speed', '5'],
      [layers, '8,8'],
      // The language the reader sees, always (here the browser's, English).
      ['lang', 'en'],
      ['changes', '30:loss:bce'],
      ['views', 'chart,network,table'],
      ['controls', 'play,reset,loss'],
    ]);
    assert.ok(!/paused|present|[?&\s]at=/.test(element + iframe), 'neither says paused, at or present');
    assert.match(
      element,
      /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/ed-playground\.js"><\/script>\n<ed-playground /,
    );
    const query = new URL(
      await page.evaluate(
        (html) => new DOMParser().parseFromString(html, 'text/html').querySelector('iframe').src,
        iframe,
      ),
    ).searchParams;
    assert.deepEqual([...query], attributes);
  }));

test('refused the clipboard, Copy selects the snippet for the reader to copy', () =>
  withPage(
    `index.html?${RUN}`,
    {
      setup: (page) =>
        page.addInitScript(() => {
          navigator.clipboard.writeText = () =>
            Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
        }),
    },
    async (page) => {
      await ready(page);
      const { dialog, element } = await openDialog(page);
      const button = dialog.locator('[data-copy="element"]');
      await button.click();
      await until(
        () => button.textContent(),
        (t) => t.startsWith('Selected'),
        { what: 'the button saying the snippet is selected' },
      );
      assert.equal(await page.evaluate(() => getSelection().toString()), element);
    },
  ));

test('on a 360-pixel phone the button and the dialog fit the screen, every target 44 px or more', () =>
  withPage(
    `index.html?${RUN}`,
    { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true },
    async (page) => {
      await ready(page);
      const open = page.getByRole('button', { name: 'Embed this' });
      const box = await open.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 360 && box.height >= 44, `Embed this at ${JSON.stringify(box)}`);
      const { dialog } = await openDialog(page);
      const d = await dialog.boundingBox();
      assert.ok(d.x >= 0 && d.x + d.width <= 360 && d.width >= 320, `dialog at ${JSON.stringify(d)}`);
      assert.ok(d.y >= 0 && d.y + d.height <= 740, `dialog at ${JSON.stringify(d)}`);
      // Nothing in it wider than it: the snippets wrap, none scrolls sideways.
      const wide = await dialog.evaluate((e) =>
        [e, ...e.querySelectorAll('*')]
          .filter((x) => x.scrollWidth > x.clientWidth + 1)
          .map((x) => x.className || x.tagName),
      );
      assert.deepEqual(wide, []);
      for (const b of await dialog.getByRole('button').all()) {
        const r = await b.boundingBox();
        assert.ok(
          r.width >= 44 && r.height >= 44,
          `${(await b.getAttribute('aria-label')) ?? (await b.textContent())}: ${r.width} × ${r.height}`,
        );
      }
      // The example post it links to is there.
      const href = await dialog.getByRole('link', { name: 'An example post' }).evaluate((a) => a.href);
      assert.equal(new URL(href).pathname, '/examples/blog-post.html');
      assert.equal((await page.request.get(href)).status(), 200);
      await page.screenshot({ path: 'artifacts/embed-this-phone.png' });
    },
  ));

test("the dialog on a desktop: both snippets shown whole, the page's keys not taken by it", () =>
  withPage(`index.html?${RUN}`, async (page) => {
    await ready(page);
    const { dialog } = await openDialog(page);
    for (const name of ['element', 'iframe']) {
      const pre = dialog.locator(`[data-snippet="${name}"]`);
      assert.ok(
        await pre.evaluate((e) => e.scrollHeight <= e.clientHeight && e.scrollWidth <= e.clientWidth),
        `${name} shown whole`,
      );
    }
    // "r" in the dialog is no Reset of the run behind it.
    const before = await hook(page, 'epoch');
    await dialog.locator('[data-copy="element"]').focus();
    await page.keyboard.press('r');
    assert.ok((await hook(page, 'epoch')) >= before);
    await page.screenshot({ path: 'artifacts/embed-this-desktop.png' });
  }));

test('under a Japanese browser, without lang= in the link, the snippets say lang="ja"', () =>
  withPage('index.html?paused=1', { locale: 'ja-JP' }, async (page) => {
    await ready(page);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    await page.locator('#embed-this').click();
    const dialog = page.locator('#embed-dialog');
    await dialog.waitFor();
    const text = (name) => dialog.locator(`[data-snippet="${name}"]`).textContent();
    const [element, iframe] = [await text('element'), await text('iframe')];
    const lang = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return doc.querySelector('ed-playground')?.getAttribute('lang');
    }, element);
    assert.equal(lang, 'ja');
    assert.match(iframe, /[?&]lang=ja[&"]/);
  }));
