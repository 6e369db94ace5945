// End-to-end tests of the embeds in dist/: the <ed-playground> element (in the
// example blog post) and the iframe page embed.html, in Debian's Chromium,
// served with the strict Content-Security-Policy of scripts/serve.mjs. Run
// `make dist` first. Playwright's CSS and role locators pierce open shadow roots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, open, clean, status, origin, browser } from './harness.mjs';

before(() => startSite(['ed-playground.js', 'embed.html', 'examples/blog-post.html', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

// The element's read-only hook (`element.playground`).
const hook = (figure, expr) => figure.evaluate((e, expr) => new Function('p', `return p.${expr}`)(e.playground), expr);
const epochAtLeast = (figure, n, timeout = 15000) =>
  figure.evaluate((e, n) => new Promise((ok) => { const t = () => (e.playground?.epoch >= n ? ok() : requestAnimationFrame(t)); t(); }), n, { timeout });
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;

test('the blog post: three instances, one per loss, each trains and reports its own epoch and loss', async (t) => {
  const page = await open('examples/blog-post.html');
  const figures = page.locator('ed-playground');
  assert.equal(await figures.count(), 3);
  assert.equal(await page.getByRole('status').count(), 3, 'one status per instance, inside its shadow root');
  for (let i = 0; i < 3; i++) await epochAtLeast(figures.nth(i), 150);
  const losses = ['mse', 'bce', 'bce-with-logits'], labels = ['MSE', 'BCE', 'BCE with logits'];
  const seen = [];
  for (let i = 0; i < 3; i++) {
    const f = figures.nth(i), s = await status(f), state = await hook(f, 'state');
    assert.ok(s.epoch >= 150, `instance ${i}: ${s.text}`);
    assert.deepEqual([state.loss, state.seed, state.hidden], [losses[i], 42, [8, 8]]);
    assert.deepEqual((await hook(f, 'lossSeries()')).map((x) => x.label), [labels[i]]);
    assert.equal(await f.locator('#truth tbody tr').count(), 4);
    seen.push(s.loss);
  }
  // The same seed, three losses: three different numbers, all of them learned (seed 42 gets XOR right).
  assert.equal(new Set(seen).size, 3, `losses ${seen}`);
  assert.ok(seen[1] < 1e-6, `BCE loss ${seen[1]}`);
  for (const f of await figures.all()) assert.deepEqual(await f.locator('#truth tbody tr.ok').count(), 4);
  // Page CSS cannot reach into the shadow root, and the element's does not leak out.
  assert.equal(await page.locator('ed-playground >> .ed').first().evaluate((e) => getComputedStyle(e).fontFamily.includes('system-ui')), true);
  assert.match(await page.locator('article > p').first().evaluate((e) => getComputedStyle(e).fontFamily), /Charter|Georgia/);
  assert.equal(page.problems.wasm, 1, 'the three instances share one wasm module');
  // Main-thread time per frame, each instance on its own (three train at once).
  const times = await figures.evaluateAll((els) => els.map((e) => e.playground.frameTimes));
  // The three run every frame, so their last entries line up, frame by frame.
  const n = Math.min(...times.map((x) => x.length)), total = Array.from({ length: n }, (_, i) => times.reduce((a, x) => a + x[x.length - n + i], 0));
  t.diagnostic(`main-thread ms per frame, p95: ${times.map((x) => p95(x).toFixed(2)).join(', ')} per instance, ${p95(total).toFixed(2)} for all three (${n} frames)`);
  assert.ok(times.every((t) => t.length > 20));
  await clean(page);
  await page.context().close();
});

test('an instance scrolled far out of view stops training and resumes when scrolled back', async () => {
  const page = await open('examples/blog-post.html');
  const figure = page.locator('ed-playground').first();
  await epochAtLeast(figure, 20);
  // A long page below the figure (inline style attributes are not allowed, CSSOM is).
  await page.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '6000px';
    document.body.append(spacer);
    scrollTo(0, document.body.scrollHeight);
  });
  await page.waitForFunction(() => !document.querySelector('ed-playground').playground.running, null, { timeout: 5000 });
  const held = await hook(figure, 'epoch');
  await page.waitForTimeout(400);
  assert.equal(await hook(figure, 'epoch'), held, 'no training out of view');
  await figure.scrollIntoViewIfNeeded();
  await epochAtLeast(figure, held + 30);
  assert.ok(await hook(figure, 'running'));
  await clean(page);
  await page.context().close();
});

test('a hidden tab trains nothing and goes on when shown again', async () => {
  const page = await open('examples/blog-post.html');
  const figures = page.locator('ed-playground');
  for (const f of await figures.all()) await epochAtLeast(f, 10);
  const setHidden = (hidden) => page.evaluate((hidden) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  await setHidden(true);
  await page.waitForTimeout(100);
  const held = await figures.evaluateAll((els) => els.map((e) => e.playground.epoch));
  await page.waitForTimeout(300);
  assert.deepEqual(await figures.evaluateAll((els) => els.map((e) => e.playground.epoch)), held);
  await setHidden(false);
  for (let i = 0; i < 3; i++) await epochAtLeast(figures.nth(i), held[i] + 20);
  await clean(page);
  await page.context().close();
});

test('changing the loss attribute of a live element switches its loss without a reset', async () => {
  const page = await open('examples/blog-post.html');
  const figure = page.locator('ed-playground').first();
  await epochAtLeast(figure, 60);
  await figure.evaluate((e) => e.setAttribute('loss', 'bce-with-logits'));
  const state = await hook(figure, 'state');
  assert.equal(state.changes.length, 1);
  const at = state.changes[0].epoch;
  assert.ok(at >= 60, `switched at epoch ${at}, not reset`);
  assert.equal(await hook(figure, 'liveLoss'), 'bce-with-logits');
  await epochAtLeast(figure, at + 60);
  await figure.evaluate((e) => new Promise((ok) => { const t = () => (e.playground.lossSeries()[1]?.points > 20 ? ok() : requestAnimationFrame(t)); t(); }));
  assert.deepEqual((await hook(figure, 'lossSeries()')).map((s) => s.label), ['MSE', 'BCE with logits']);
  // Another attribute rebuilds: a new seed starts again from epoch 0.
  await figure.evaluate((e) => e.setAttribute('seed', '7'));
  assert.equal((await hook(figure, 'state')).seed, 7);
  assert.ok((await hook(figure, 'epoch')) < at);
  // `controls` rebuilds the element with the controls asked for.
  await figure.evaluate((e) => e.setAttribute('controls', 'play,loss'));
  await figure.evaluate((e) => new Promise((ok) => { const t = () => (e.playground ? ok() : requestAnimationFrame(t)); t(); }));
  assert.equal(await figure.getByLabel('Loss function').inputValue(), 'bce-with-logits');
  // The theme follows its attribute, canvases and chart included.
  const frame = figure.locator('.ed');
  const background = () => frame.evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await figure.evaluate((e) => e.setAttribute('theme', 'dark'));
  assert.equal(await background(), 'rgb(23, 28, 35)');
  await epochAtLeast(figure, 30);
  await clean(page);
  await page.context().close();
});

test('a bad attribute value shows a short message in the element and falls back to its default', async () => {
  const page = await open('examples/blog-post.html');
  await page.evaluate(() => {
    const e = document.createElement('ed-playground');
    for (const [k, v] of [['lr', 'abc'], ['hidden', '0,x'], ['views', 'chart,<img src=x onerror=alert(1)>'], ['theme', 'blue'], ['controls', 'loss']]) e.setAttribute(k, v);
    e.id = 'bad';
    document.querySelector('article').prepend(e);
  });
  const figure = page.locator('#bad');
  await epochAtLeast(figure, 5);
  const notices = await figure.locator('.notice').allTextContents();
  for (const name of ['lr', 'hidden', 'views', 'theme']) assert.ok(notices.some((t) => t.includes(`“${name}”`)), `${name} named in ${notices}`);
  const state = await hook(figure, 'state');
  assert.deepEqual([state.lr, state.hidden], [0.5, [8, 8]]);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.equal(await figure.getByLabel('Loss function').inputValue(), 'mse');
  await clean(page);
  await page.context().close();
});

test('the iframe embed trains with the options of its URL and fills its frame', async () => {
  const page = await open('examples/blog-post.html');
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = '../embed.html?loss=bce&seed=3&hidden=6,5&speed=5&controls=play,loss&views=chart,map&theme=dark';
    frame.title = 'ED Playground';
    frame.width = '640'; frame.height = '420';
    document.querySelector('article').prepend(frame);
  });
  const inner = page.frameLocator('iframe').locator('ed-playground');
  await inner.waitFor();
  await epochAtLeast(inner, 100);
  const state = await hook(inner, 'state');
  assert.deepEqual([state.loss, state.seed, state.hidden, state.speed], ['bce', 3, [6, 5], 5]);
  assert.equal(await inner.getByLabel('Loss function').inputValue(), 'bce');
  assert.equal(await inner.locator('#map').count(), 1);
  assert.equal(await inner.locator('#truth').count(), 0);
  const { epoch } = await status(inner);
  assert.ok(epoch >= 100);
  const box = await inner.boundingBox(), frame = await page.locator('iframe').boundingBox();
  assert.ok(box.height >= frame.height - 8 && box.width >= frame.width - 8, `fills its frame: ${JSON.stringify(box)} in ${JSON.stringify(frame)}`);
  // The select switches the loss live, as on the page.
  await inner.getByLabel('Loss function').selectOption({ label: 'MSE' });
  assert.equal(await hook(inner, 'liveLoss'), 'mse');
  assert.ok((await hook(inner, 'state')).changes.length === 1);
  await clean(page);
  await page.context().close();
});

test('under prefers-reduced-motion every instance starts paused, with a play button', async () => {
  const page = await open('examples/blog-post.html', { reducedMotion: 'reduce' });
  const figures = page.locator('ed-playground');
  await page.waitForFunction(() => [...document.querySelectorAll('ed-playground')].every((e) => e.playground));
  await page.waitForTimeout(300);
  for (const f of await figures.all()) assert.equal((await status(f)).epoch, 0);
  assert.equal(await page.getByRole('button', { name: 'Play', exact: true }).count(), 3);
  await page.getByRole('button', { name: 'Play', exact: true }).nth(1).click();
  await epochAtLeast(figures.nth(1), 10);
  assert.equal(await hook(figures.nth(0), 'epoch'), 0, 'the others stay paused');
  await clean(page);
  await page.context().close();
});

test('screenshots of the blog post: desktop and phone', async () => {
  for (const [file, viewport] of [['blog-post.png', { width: 1280, height: 900 }], ['blog-post-phone.png', { width: 360, height: 780 }]]) {
    const page = await open('examples/blog-post.html', { viewport, colorScheme: 'light' });
    const figures = page.locator('ed-playground');
    for (const f of await figures.all()) { await f.scrollIntoViewIfNeeded(); await epochAtLeast(f, 150); }
    await page.evaluate(() => scrollTo(0, 0));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${file}: no sideways scrolling`);
    await page.screenshot({ path: `artifacts/${file}`, fullPage: true });
    await clean(page);
    await page.context().close();
  }
});
