// Frame pacing as a reader feels it: the gaps between animation frames while a
// link trains, and how long a click on Pause takes to show `paused` and stop the
// epoch count. The links are those of the frame-budget issue: within the page's
// limits, and once able to hang the tab. Called by bench.mjs, or alone (after
// `make dist`): `node scripts/bench-frames.mjs`.
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM } from './chromium.mjs';
import { TRAIN_MS } from '../www/frame/scheduler.js';

export const HEAVY_LINKS = [
  '?speed=10000&stop=never',
  '?hidden=256,256,256,256&speed=100&stop=never',
  '?hidden=256,256,256,256&speed=10000&stop=never',
  '?task=spiral3&hidden=256,256,256,256&race=1&speed=10000&stop=never',
];

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Starts recording the gaps between animation frames in `page`. */
const recordGaps = (page) =>
  page.evaluate(() => {
    window.__gaps = [];
    let last = performance.now();
    const loop = (t) => {
      window.__gaps.push(t - last);
      last = t;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });

/** The recorded gaps: `{ frames, p50, p95, max }` in ms. */
async function gaps(page) {
  const all = (await page.evaluate(() => window.__gaps)).sort((a, b) => a - b);
  return { frames: all.length, p50: quantile(all, 0.5), p95: quantile(all, 0.95), max: all.at(-1) };
}

/**
 * Opens `path` on the page at `origin`, waits `settle` ms from load, records the
 * frame gaps for `seconds`, then clicks Pause as a person does and measures from
 * the click's own timestamp to the status line reading `paused`, and whether the
 * epoch count then stays put. Returns `{ frames, p50, p95, max, pause, epochs, stopped, status }`.
 */
export async function linkFrames(page, origin, path, { settle = 2000, seconds = 5 } = {}) {
  await page.goto(`${origin}/index.html${path}`);
  await page.waitForFunction(() => window.__edPlayground?.epoch >= 0, null, { timeout: 30000 });
  await page.waitForTimeout(settle);
  await recordGaps(page);
  await page.waitForTimeout(seconds * 1000);
  const frames = await gaps(page);
  await page.evaluate(() => {
    const status = document.getElementById('status');
    window.__pause = {};
    document.addEventListener(
      'pointerdown',
      (e) => {
        window.__pause.clicked ??= e.timeStamp;
      },
      { capture: true },
    );
    new MutationObserver(() => {
      if (status.textContent.includes('paused') && window.__pause.shown === undefined) {
        Object.assign(window.__pause, { shown: performance.now(), epoch: window.__edPlayground.epoch });
      }
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
  const epochs = await page.evaluate(() => window.__edPlayground.epoch);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.waitForFunction(() => window.__pause.shown !== undefined, null, { timeout: 10000 });
  await page.waitForTimeout(300);
  const pause = await page.evaluate(() => ({
    ...window.__pause,
    now: window.__edPlayground.epoch,
    status: document.getElementById('status').textContent,
  }));
  return {
    ...frames,
    pause: pause.shown - pause.clicked,
    epochs,
    stopped: pause.now === pause.epoch,
    status: pause.status,
  };
}

/** Frame gaps while the example blog post's figures all train. */
export async function blogFrames(page, origin, { settle = 2000, seconds = 5 } = {}) {
  await page.goto(`${origin}/examples/blog-post.html`);
  await page.waitForFunction(
    () => [...document.querySelectorAll('ed-playground')].every((e) => e.playground?.frameTimes?.length > 0),
    null,
    { timeout: 30000 },
  );
  await page.waitForTimeout(settle);
  await recordGaps(page);
  await page.waitForTimeout(seconds * 1000);
  return { figures: await page.locator('ed-playground').count(), ...(await gaps(page)) };
}

async function hookedPage(browser, options) {
  const page = await browser.newPage(options);
  await page.addInitScript(() => {
    window.__edTestHook = true;
  });
  return page;
}

/** Prints, for each heavy link and for the blog post, the frame gaps and the pause latency. */
export async function benchFrames(browser, origin) {
  console.log(
    `frame budget: training stops after ${TRAIN_MS} ms a frame (all figures on a page together); from 2 s after load, 5 s of animation frames, then a click on Pause`,
  );
  console.log(
    'link                                                       frames   gap p50   gap p95   max gap   pause -> "paused"   epochs stop',
  );
  const ms = (v) => `${v.toFixed(1)} ms`.padStart(9);
  for (const link of HEAVY_LINKS) {
    const r = await linkFrames(await hookedPage(browser, { viewport: { width: 1280, height: 900 } }), origin, link);
    console.log(
      `${link.padEnd(58)} ${String(r.frames).padStart(6)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.max)} ${ms(r.pause).padStart(19)}   ${r.stopped ? 'yes' : 'NO'}`,
    );
  }
  const blog = await blogFrames(await hookedPage(browser, { viewport: { width: 1280, height: 2400 } }), origin);
  console.log(
    `blog post, ${blog.figures} figures training at once: ${blog.frames} animation frames, gap p50 ${blog.p50.toFixed(1)} ms, p95 ${blog.p95.toFixed(1)} ms, max ${blog.max.toFixed(1)} ms`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startServer({ root: 'dist', port: 0 });
  const browser = await chromium.launch(CHROMIUM);
  try {
    await benchFrames(browser, `http://127.0.0.1:${server.address().port}`);
  } finally {
    await browser.close();
    server.close();
  }
}
