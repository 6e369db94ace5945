// What both end-to-end suites share: dist/ served with the strict CSP, Debian's
// Chromium, pages that record console errors, CSP violations (in every frame)
// and requests leaving the origin, and the status line's epoch and loss.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM } from '../../scripts/chromium.mjs';

let server;
export let browser;
export let origin;

/** Serves dist/ and launches Chromium; `files` must exist in dist/. */
export async function startSite(files) {
  for (const f of files) assert.ok(existsSync(`dist/${f}`), `dist/${f} is missing: run \`make dist\` first`);
  server = await startServer({ root: 'dist', port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch(CHROMIUM);
  mkdirSync('artifacts', { recursive: true });
}

export async function stopSite() {
  await browser?.close();
  server?.close();
}

/** Opens `path` in a fresh context; `page.problems` collects what must not happen. */
export async function open(path = '', options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = { errors: [], foreign: [], wasm: 0 };
  page.on('console', (m) => m.type() === 'error' && problems.errors.push(m.text()));
  page.on('pageerror', (e) => problems.errors.push(e.message));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin && url.protocol !== 'blob:' && url.protocol !== 'data:') problems.foreign.push(r.url());
    if (url.pathname.endsWith('.wasm')) problems.wasm++;
  });
  // On the context, so that iframes record their violations too, and expose the
  // playground's read-only test hook (www/test-hook.js) there as well.
  await context.addInitScript(() => {
    window.__edTestHook = true;
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${origin}/${path}`);
  page.problems = problems;
  return page;
}

export async function clean(page) {
  assert.deepEqual(page.problems.errors, [], 'console errors');
  for (const frame of page.frames()) assert.deepEqual(await frame.evaluate(() => window.__csp), [], `CSP violations in ${frame.url()}`);
  assert.deepEqual(page.problems.foreign, [], 'requests outside the origin');
}

/** The epoch and loss that a page's or an element's status line reports. */
export async function status(scope) {
  const text = await scope.getByRole('status').textContent();
  const m = /epoch (\d+) · loss (\S+)/.exec(text);
  assert.ok(m, `status reads "${text}"`);
  return { epoch: Number(m[1]), loss: Number(m[2]), text };
}
