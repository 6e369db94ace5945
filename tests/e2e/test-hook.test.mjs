// The read-only hooks the tests read (www/test-hook.js) are there only when the
// harness asks for them: a reader's page and a blog post's elements have none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, origin, browser, statusAt } from './harness.mjs';

before(() => startSite(['index.html', 'examples/blog-post.html', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

test("without the harness's flag, the page and the element publish no test hook", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  // The status line at epoch 5: the playground runs, its hook would be set by now.
  await statusAt(page, 5);
  await page.locator('#card-experiment').scrollIntoViewIfNeeded();
  // Its button works once its code has run (the code that would publish its hook).
  await page.waitForFunction(() => !document.getElementById('xp-run').disabled, null, { timeout: 15000 });
  assert.deepEqual(await page.evaluate(() => Object.keys(window).filter((k) => k.startsWith('__ed'))), []);

  await page.goto(`${origin}/examples/blog-post.html`);
  const figure = page.locator('ed-playground').first();
  await statusAt(figure, 5);
  assert.equal(await figure.evaluate((e) => 'playground' in e), false);
  await context.close();
});
