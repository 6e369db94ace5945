// End-to-end tests of the weights histogram (www/views/histogram.js), the view
// that proves the view contract: a card on the page that the page's HTML does
// not write (its spec's `place` builds it), `views="histogram"` on the element,
// both languages. Its counts are the run's own weights by sign, read from the
// test hook; its mean moves right as ED grows the weights. Screenshots of the
// page (desktop, phone) and of the element go to artifacts/. Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, until, statusAt } from './harness.mjs';

before(() => startSite(['index.html', 'embed.html', 'ed-playground.js', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

/** The histogram's own data (its view's read-only `data()`, published under the test hook). */
const histogram = (scope) => scope.evaluate(() => window.__edViews?.histogram?.data?.() ?? null);

/** Of the histogram canvas in `scope` (a page or an element's shadow root, by locator), the share of drawn pixels. */
const inked = (canvas) =>
  canvas.evaluate((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) drawn += data[i] > 0;
    return drawn / (data.length / 4);
  });

/** Each layer's weights counted by sign, from the playground's test hook. */
const weightSigns = (page) =>
  page.evaluate(() =>
    window.__edPlayground.weights().map((w) => ({
      positive: w.filter((v) => v > 0).length,
      negative: w.filter((v) => v < 0).length,
    })),
  );

/** Pauses the page's run (its Play button) and waits until its frames have stopped. */
async function pause(page) {
  await page.locator('#play').click();
  await until(
    () => page.evaluate(() => window.__edPlayground.running),
    (r) => r === false,
    { what: 'the run paused' },
  );
}

test('the page: the card is placed after the weights card, drawn, and counts each layer by sign', () =>
  withPage('?speed=20&stop=never', async (page) => {
    const card = page.locator('#card-histogram');
    await card.waitFor();
    assert.equal(
      await page.evaluate(() => document.getElementById('card-weights').nextElementSibling?.id),
      'card-histogram',
      'the card follows the weights card',
    );
    assert.equal(await card.getByRole('heading').textContent(), 'Weight sizes');
    const canvas = card.locator('canvas#histogram');
    assert.match(await canvas.getAttribute('aria-label'), /^Histogram of each layer's weight sizes/);
    assert.equal(await canvas.getAttribute('role'), 'img');
    await statusAt(page, 40);
    await pause(page);
    const data = await until(
      () => histogram(page),
      (d) => d !== null,
      { what: "the histogram's data" },
    );
    const signs = await weightSigns(page);
    assert.equal(data.layers.length, signs.length, 'a panel per layer');
    data.layers.forEach((layer, l) => {
      const sum = (xs) => xs.reduce((a, n) => a + n, 0);
      assert.deepEqual(
        { positive: sum(layer.pos), negative: sum(layer.neg) },
        signs[l],
        `layer ${l}: the histogram's + and − counts are the run's weights by sign`,
      );
      assert.deepEqual({ positive: layer.positive, negative: layer.negative }, signs[l]);
    });
    // Half an octave a bin, over the run's range.
    assert.equal(data.edges.length, data.hi - data.lo + 1);
    data.edges.slice(1).forEach((e, b) => {
      assert.ok(Math.abs(e / data.edges[b] - Math.SQRT2) < 1e-9, `bin ${b} is half an octave`);
    });
    await card.scrollIntoViewIfNeeded();
    assert.ok((await inked(canvas)) > 0.02, 'the canvas is drawn');
    // A bar's readout, under the pointer: a bar of the last layer that has + weights.
    const box = await canvas.boundingBox();
    const last = data.layers.length - 1,
      b = data.layers[last].pos.findIndex((n) => n > 0);
    const x = 8 + ((b + 0.5) * (box.width - 16)) / (data.hi - data.lo);
    await page.mouse.move(box.x + x, box.y + 6 + last * 62 + 30); // its panel's bars (histogram.js: TOP, PANEL)
    await until(
      () => card.locator('#histogram-readout').textContent(),
      (t) => /excitatory \(\+\)/.test(t),
      { what: "a bar's readout" },
    );
    await page.screenshot({ path: 'artifacts/histogram-desktop.png', fullPage: true });
  }));

test('the histogram drifts right as ED grows the weights: the mean bin moves right', () =>
  withPage('?paused=1&stop=never&speed=20', async (page) => {
    await page.locator('#card-histogram').waitFor();
    const start = await until(
      () => histogram(page),
      (d) => d !== null,
      { what: "the first run's histogram" },
    );
    await page.locator('#play').click();
    await statusAt(page, 300);
    await pause(page);
    const later = await histogram(page);
    assert.equal(later.lo, start.lo, "the run's range starts where it did");
    start.layers.forEach((layer, l) => {
      assert.ok(
        later.layers[l].mean > layer.mean,
        `layer ${l}: the mean bin moved right (${layer.mean.toFixed(3)} → ${later.layers[l].mean.toFixed(3)})`,
      );
    });
  }));

test('the element: views="histogram" shows the histogram alone, drawn', () =>
  withPage('embed.html?views=histogram&stop=never&speed=20', async (page) => {
    const figure = page.locator('ed-playground');
    const canvas = figure.locator('#card-histogram canvas#histogram');
    await canvas.waitFor();
    assert.deepEqual(
      await figure.evaluate((e) => [...e.shadowRoot.querySelector('.views').children].map((c) => c.id)),
      ['card-histogram'],
      'the histogram, and no other view',
    );
    assert.equal(await figure.locator('#card-histogram').getAttribute('aria-label'), 'Weight sizes');
    await statusAt(figure, 20);
    await until(
      () => inked(canvas),
      (f) => f > 0.02,
      { what: "the element's histogram drawn" },
    );
    const data = await histogram(page);
    assert.ok(data.layers.length >= 2 && data.layers.every((l) => l.positive + l.negative > 0));
    await figure.screenshot({ path: 'artifacts/histogram-element.png' });
  }));

test('on a 360 px phone the card fits: no sideways scroll, the canvas within the screen', () =>
  withPage(
    '?stop=never&speed=20',
    { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    async (page) => {
      const card = page.locator('#card-histogram');
      await card.waitFor();
      await statusAt(page, 10);
      await card.scrollIntoViewIfNeeded();
      const canvas = card.locator('canvas');
      await until(
        () => inked(canvas),
        (f) => f > 0.02,
        { what: 'the histogram drawn on a phone' },
      );
      const { scroll, right, left } = await page.evaluate(() => {
        const r = document.querySelector('#histogram').getBoundingClientRect();
        return { scroll: document.documentElement.scrollWidth, right: r.right, left: r.left };
      });
      assert.ok(scroll <= 360, `the page scrolls sideways: ${scroll} px wide`);
      assert.ok(left >= 0 && right <= 360, `the canvas runs off the screen: ${left} to ${right}`);
      // A tap reads a bar out, as hovering does.
      await canvas.tap({ position: { x: 100, y: 40 } });
      await until(
        () => card.locator('#histogram-readout').textContent(),
        (t) => /^input → hidden 1: \|w\|/.test(t),
        { what: "a tapped bar's readout" },
      );
      await card.screenshot({ path: 'artifacts/histogram-phone.png' });
    },
  ));

test('in Japanese: the card, its key, its canvas and the element speak Japanese', () =>
  withPage('?lang=ja&stop=never&speed=20', async (page) => {
    const card = page.locator('#card-histogram');
    await card.waitFor();
    assert.equal(await card.getByRole('heading').textContent(), '重みの大きさの分布');
    assert.match(await card.locator('.key').textContent(), /興奮性: w > 0.*抑制性: w < 0/);
    assert.match(await card.locator('canvas').getAttribute('aria-label'), /^層ごとの重みの大きさ/);
    assert.match(await card.locator('.note').textContent(), /右へずれていきます/);
    assert.match(await card.locator('#histogram-readout').textContent(), /タップ/);
    await page.goto(page.url().replace(/\/[^/]*$/, '/embed.html?lang=ja&views=chart,histogram'));
    const figure = page.locator('ed-playground');
    await figure.locator('#card-histogram canvas').waitFor();
    assert.equal(await figure.locator('#card-histogram').getAttribute('aria-label'), '重みの大きさの分布');
  }));
