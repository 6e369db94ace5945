// What a reader downloads before the first epoch: each file the browser
// fetched from the site before the status line first showed an epoch of 1 or
// more (エポック in Japanese), counted as `gzip -9` of the file as served (a server's compression),
// for the page (in English and in Japanese), the example blog post (one <ed-playground>) and the iframe
// embed. Called by bench.mjs, or alone after `make dist`:
// `node scripts/bench-bytes.mjs [dist]` (another built site to compare).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM } from './chromium.mjs';

/** The ways a reader meets a figure, and how each shows its first epoch. */
export const OPENINGS = [
  { name: 'the page, index.html', path: '/index.html', status: (page) => page.locator('#status') },
  { name: 'the page in Japanese', path: '/index.html?lang=ja', status: (page) => page.locator('#status') },
  {
    name: 'the example blog post',
    path: '/examples/blog-post.html',
    status: (page) => page.locator('ed-playground').first().locator('#status'),
  },
  { name: 'the iframe embed, embed.html', path: '/embed.html', status: (page) => page.locator('#status') },
];

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * In the page, from its first script on: the moment (performance.now()) the
 * first status line (`#status`, the page's or the first figure's) read an
 * epoch of 1 or more; `__firstEpochAt`. Looked for every frame until the line
 * is there, then heard as it changes (a mutation observer, called as the frame
 * that wrote the line ends, before any idle callback of the page).
 */
const WATCH_STATUS = `(() => {
  const find = () =>
    document.querySelector('#status') ?? document.querySelector('ed-playground')?.shadowRoot?.querySelector('#status');
  const seen = (status) => {
    if (window.__firstEpochAt === undefined && /(epoch|エポック) ([1-9]|\\d\\d)/.test(status.textContent))
      window.__firstEpochAt = performance.now();
  };
  const look = () => {
    const status = find();
    if (!status) return requestAnimationFrame(look);
    seen(status);
    new MutationObserver(() => seen(status)).observe(status, { childList: true, characterData: true, subtree: true });
  };
  requestAnimationFrame(look);
})();`;

/**
 * Opens `path` on the site at `origin` (files in `root`), and returns the files
 * whose fetch started before the status line first read "epoch N" with N >= 1
 * (both times in the page's own clock, read every frame, so the count does not
 * depend on how soon Playwright notices): `[{ file, bytes }]`, `bytes` gzip -9
 * of the file on disk.
 */
async function fetchedBeforeFirstEpoch(browser, origin, root, { path, status }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(WATCH_STATUS);
  await page.goto(`${origin}${path}`);
  await status(page)
    .filter({ hasText: /(epoch|エポック) ([1-9]|\d\d)/ })
    .waitFor({ timeout: 60000 });
  await page.waitForFunction(() => window.__firstEpochAt !== undefined);
  const started = await page.evaluate(() =>
    [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
      .filter((e) => e.startTime <= window.__firstEpochAt)
      .map((e) => e.name),
  );
  await context.close();
  const files = new Set(
    started
      .map((u) => new URL(u))
      .filter((u) => u.origin === origin)
      .map((u) => u.pathname),
  );
  return [...files].map((file) => {
    const local = join(root, file === '/' ? 'index.html' : file.slice(1));
    return { file, bytes: gz(readFileSync(local)) };
  });
}

/** Each opening's files and total, for the site in `root`. */
export async function benchBytes(root = 'dist') {
  const server = await startServer({ root, port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch(CHROMIUM);
  try {
    const rows = [];
    for (const opening of OPENINGS) {
      const files = await fetchedBeforeFirstEpoch(browser, origin, root, opening);
      rows.push({ name: opening.name, files, total: files.reduce((n, f) => n + f.bytes, 0) });
    }
    return rows;
  } finally {
    await browser.close();
    server.close();
  }
}

/** A file's name without the build's content hash (`main-BNSZHQVS.js`: `main.js`), so the docs' table changes only with its figures. */
const unhashed = (/** @type {string} */ file) => (file.split('/').pop() ?? file).replace(/-[A-Z0-9]{8}(\.\w+)$/, '$1');

/** Prints `rows` as the table docs/speed.md takes. */
export function printBytes(rows) {
  const kb = (n) => (n / 1000).toFixed(1);
  console.log('\nBefore the first epoch, gzip -9 of every file fetched:\n');
  console.log('| what the reader opens | KB | files | the largest |');
  console.log('|---|---|---|---|');
  for (const { name, files, total } of rows) {
    const largest = [...files]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 3)
      .map((f) => `${unhashed(f.file)} ${kb(f.bytes)}`)
      .join(', ');
    console.log(`| ${name} | ${kb(total)} | ${files.length} | ${largest} |`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printBytes(await benchBytes(process.argv[2] ?? 'dist'));
}
