// What the end-to-end suites share: dist/ served with the strict CSP, Debian's
// Chromium, pages that record console errors, CSP violations (in every frame)
// and requests leaving the origin, and the status line's epoch and loss.
//
// The views are redrawn on their own beats (the status line every third frame,
// the chart every second, a card off screen sixteen times less often), so a
// value that the engine's hook already gives may show on screen a few frames
// later. A test therefore waits for the thing it then reads: `statusAt` and
// `until` return the very value they waited on.
//
// A `scope` below is a playground: a page (its hook is `window.__edPlayground`)
// or a locator of an <ed-playground> element (its hook is `element.playground`).
// Either hook is published only because `open` asks for it (www/app/test-hook.js).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM } from '../../scripts/chromium.mjs';

let server;
export let browser;
export let origin;

/** Serves dist/ and launches Chromium; `files` must exist in dist/. `args`:
 * Chromium's command-line flags beyond the usual (a suite's own). */
export async function startSite(files, { args = [] } = {}) {
  for (const f of files) assert.ok(existsSync(`dist/${f}`), `dist/${f} is missing: run \`make dist\` first`);
  server = await startServer({ root: 'dist', port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ ...CHROMIUM, args: [...CHROMIUM.args, ...args] });
  mkdirSync('artifacts', { recursive: true });
}

export async function stopSite() {
  await browser?.close();
  server?.close();
}

/**
 * Runs the command line `ed` with `args` and returns what it prints; `options`
 * are execFileSync's. The binary ED_BIN names if set (scripts/test.sh names the
 * one its native tests have just built and checked, rather than wait for a
 * release build: the same results bit for bit), else `cargo run --release`.
 */
export const ed = (args, options = {}) =>
  process.env.ED_BIN
    ? execFileSync(process.env.ED_BIN, args, { encoding: 'utf8', ...options })
    : execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'ed', '--', ...args], {
        encoding: 'utf8',
        ...options,
      });

/**
 * Opens `path` in a fresh context; `page.problems` collects what must not happen.
 * Every test page is opened here, so what all of them need before they load
 * belongs here too. `options` are the context's, plus `setup(page)`, run before
 * the page loads (routes, init scripts of the test's own).
 */
export async function open(path = '', { setup, ...options } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  try {
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
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await setup?.(page);
    await page.goto(`${origin}/${path}`);
    page.problems = problems;
    return page;
  } catch (e) {
    await context.close();
    throw e;
  }
}

/**
 * Opens `path` (as `open`, with the same options), runs `body(page)`, then checks
 * that the page stayed `clean` (unless `clean: false`: a test that provokes
 * errors, or checks its own), and closes the page's context whatever happened.
 * Returns what `body` returns.
 */
export async function withPage(path, options, body) {
  if (typeof options === 'function') [options, body] = [{}, options];
  const { clean: check = true, ...rest } = options;
  const page = await open(path, rest);
  try {
    const result = await body(page);
    if (check) await clean(page);
    return result;
  } finally {
    await page.context().close();
  }
}

export async function clean(page) {
  assert.deepEqual(page.problems.errors, [], 'console errors');
  for (const frame of page.frames())
    assert.deepEqual(await frame.evaluate(() => window.__csp), [], `CSP violations in ${frame.url()}`);
  assert.deepEqual(page.problems.foreign, [], 'requests outside the origin');
}

/**
 * Reads `read()` until `ok(value)` holds and returns that value, so the test
 * goes on with exactly what it waited for; after `timeout` ms it fails, naming
 * `what` it waited for and the last value read.
 */
export async function until(read, ok, { timeout = 15000, what = 'a condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new assert.AssertionError({
        message: `waited ${timeout} ms for ${what}; last read: ${JSON.stringify(value)}`,
      });
    await sleep(30);
  }
}

// The status line's epoch and loss, in each language a test reads it in.
const STATUS = { en: /epoch (\d+) · loss (\S+)/, ja: /^エポック (\d+) · 損失 (\S+)/ };
const parseStatus = (text, lang) => {
  const m = STATUS[lang].exec(text);
  return m ? { epoch: Number(m[1]), loss: Number(m[2]), text } : { epoch: NaN, loss: NaN, text };
};

/**
 * Waits until a page's or an element's status line itself reads `ok` (given
 * { epoch, loss, text }) and returns what it read. There is no plain read: the
 * line is redrawn every third frame while training, once after a step or a pause.
 * `lang`: the language the line is read in, 'en' or 'ja' (a line in another
 * never reads `ok`).
 */
export function statusWhen(scope, ok, what = 'the status line', timeout = 15000, lang = 'en') {
  return until(
    async () => parseStatus(await scope.getByRole('status').textContent(), lang),
    (s) => Number.isInteger(s.epoch) && ok(s),
    { timeout, what },
  );
}

/** Waits until the status line itself reads epoch `n` or later and returns what it read. */
export const statusAt = (scope, n, timeout) =>
  statusWhen(scope, (s) => s.epoch >= n, `a status line at epoch ${n} or later`, timeout);

/**
 * Records the dedicated workers `page` starts: `started`, their paths in order,
 * and `open`, those not yet terminated (a pool that leaks keeps some open).
 * Call before the page starts any.
 */
export function watchWorkers(page) {
  const started = [],
    open = new Set();
  page.on('worker', (w) => {
    started.push(new URL(w.url()).pathname);
    open.add(w);
    w.on('close', () => open.delete(w));
  });
  return { started, open };
}

/** Waits until every worker `watchWorkers` saw has been terminated. */
export const allClosed = ({ open }, what = 'every worker terminated') =>
  until(
    () => open.size,
    (n) => n === 0,
    { what },
  );

/** Whether `scope` is a page rather than an element's locator. */
const isPage = (scope) => typeof scope.mainFrame === 'function';

/**
 * Reads `expr` (`'state'`, `'lossSeries()'`, `'patterns().length'`) on the test
 * hook of `scope`, a page or an element: the engine's value as it is now, which
 * the views show a few frames later. Throws while there is no hook yet (wait
 * with `ready`).
 */
export const hook = (scope, expr) =>
  isPage(scope)
    ? scope.evaluate(`window.__edPlayground.${expr}`)
    : scope.evaluate((e, expr) => new Function('p', `return p.${expr}`)(e.playground), expr);

/**
 * Waits until `scope`, a page or an element, runs: its hook is there. An
 * element's is there at first, and again after a rebuild (a change of
 * `controls`, `views` or `lang` starts it anew).
 */
export const ready = (scope) =>
  isPage(scope)
    ? scope.waitForFunction(() => window.__edPlayground !== undefined, null, { timeout: 15000 })
    : until(() => scope.evaluate((e) => e.playground !== undefined), Boolean, { what: 'the element running' });

/**
 * Waits until the engine of `scope`, a page or an element, has trained `n`
 * epochs or more (its hook's epoch, not the status line: `statusAt` waits for
 * that), for at most `timeout` ms; there may be no hook yet.
 */
export const epochAtLeast = (scope, n, timeout = 15000) =>
  isPage(scope)
    ? scope.waitForFunction((n) => window.__edPlayground?.epoch >= n, n, { timeout })
    : until(
        () => scope.evaluate((e) => e.playground?.epoch),
        (epoch) => epoch >= n,
        { what: `an element's engine at epoch ${n} or later`, timeout },
      );

/**
 * The texts of the notices shown in `scope`: a page, an element, or a part of
 * either (`page.locator('#notices')`, the page's own list).
 */
export const notices = (scope) => scope.locator('.notice').allTextContents();

/**
 * Adds an <ed-playground> with `attrs` (name → value) as `#id` at the start of
 * the first element that matches `where` (a selector) in `page`, and returns its
 * locator.
 */
export const addFigure = (page, id, attrs, where = 'article') =>
  page
    .evaluate(
      ([id, attrs, where]) => {
        const e = document.createElement('ed-playground');
        for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
        e.id = id;
        document.querySelector(where).prepend(e);
      },
      [id, attrs, where],
    )
    .then(() => page.locator(`#${id}`));

/** The parameters of the link `page` shows (its address): a URLSearchParams, `.get(name)` null without one. */
export const query = (page) => new URL(page.url()).searchParams;

/** How many distinct colours (red, green, blue and alpha) the canvas at `selector` in `scope` holds. */
export const colours = (scope, selector) =>
  scope.locator(selector).evaluate((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4)
      seen.add((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3]);
    return seen.size;
  });

/**
 * Waits until the canvas at `selector` in `scope` is drawn in more than `least`
 * colours (a view is drawn on its own beat) and returns how many; `timeout` in
 * ms, `until`'s by default.
 */
export const drawn = (scope, selector, least, timeout) =>
  until(
    () => colours(scope, selector),
    (n) => n > least,
    { what: `${selector} drawn in more than ${least} colours`, timeout },
  );

/**
 * Before `page` loads: records every IntersectionObserver it makes, with the
 * target it observes, so that a test can hand one a batch as the browser would
 * (`outThenIn`). A `setup` for `open`/`withPage`.
 */
export const recordObservers = (page) =>
  page.addInitScript(() => {
    const Native = window.IntersectionObserver;
    const observers = [];
    Object.assign(window, { __observers: observers });
    window.IntersectionObserver = class extends Native {
      constructor(call, options) {
        super(call, options);
        observers.push({ call, io: this, targets: [] });
      }
      observe(target) {
        super.observe(target);
        observers.find((o) => o.io === this)?.targets.push(target);
      }
    };
  });

/**
 * Hands every recorded observer of an element matching `selector` the batch a
 * browser delivers when that element scrolled out of view and back across a
 * long task: out of view, then in view. Returns how many observers it reached.
 */
export const outThenIn = (page, selector) =>
  page.evaluate((sel) => {
    let reached = 0;
    for (const { call, io, targets } of window.__observers)
      for (const target of targets.filter((t) => t.matches(sel))) {
        call(
          [
            { isIntersecting: false, target },
            { isIntersecting: true, target },
          ],
          io,
        );
        reached++;
      }
    return reached;
  }, selector);
