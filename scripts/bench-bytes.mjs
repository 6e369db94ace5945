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
 * Opens `path` on the site at `origin` (files in `root`), and returns the files
 * fetched before the status line read "epoch N" with N >= 1: `[{ file, bytes }]`,
 * `bytes` gzip -9 of the file on disk.
 */
async function fetchedBeforeFirstEpoch(browser, origin, root, { path, status }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const files = new Set();
  let done = false;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!done && url.origin === origin) files.add(url.pathname);
  });
  await page.goto(`${origin}${path}`);
  await status(page)
    .filter({ hasText: /(epoch|エポック) ([1-9]|\d\d)/ })
    .waitFor({ timeout: 60000 });
  done = true;
  await context.close();
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
