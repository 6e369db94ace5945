// Kaneko's experiment in the page on one worker against the page's pool
// (www/worker-pool.js), side by side in one run: the card's own wall time, the
// ratio, the page's animation frames meanwhile, and whether the tables agree.
// Printed, not asserted: the machine is shared, so the README reports what this
// prints. Called by bench.mjs; alone: `node scripts/bench-pool.mjs` (after
// `make dist`).
//
// By default the card's full run, as a reader starts it: 100 runs per size,
// sizes 2 to 128, backprop at 0.8 (about a minute on one worker here). Smaller
// runs for a quick look: BENCH_XP_RUNS, BENCH_XP_LARGEST (16 to 256),
// BENCH_XP_LR (0.8 or 0.1); what ran is printed with the figures.
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM } from './chromium.mjs';

const RUN = {
  runs: Number(process.env.BENCH_XP_RUNS ?? 100),
  largest: Number(process.env.BENCH_XP_LARGEST ?? 128),
  lr: process.env.BENCH_XP_LR ?? '0.8',
};

// Animation frames on the page's main thread while the experiment runs.
const watchFrames = (page) =>
  page.evaluate(() => {
    const w = { gaps: [], on: true };
    window.__frames = w;
    let last = performance.now();
    const tick = (t) => {
      if (!w.on) return;
      w.gaps.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
const stopWatching = (page) =>
  page.evaluate(() => {
    window.__frames.on = false;
    return window.__frames.gaps;
  });

// One full run of the card on `?workers=n`; the card's own clock gives its time.
async function timeRun(browser, origin, n) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.addInitScript(() => {
      window.__edTestHook = true;
    });
    await page.goto(`${origin}/index.html?workers=${n}`);
    await page.waitForFunction(() => window.__edPlayground?.epoch > 0, null, { timeout: 20000 });
    await page.locator('#card-experiment').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.__edExperiment, null, { timeout: 20000 });
    await page.getByLabel('Runs per size').fill(String(RUN.runs));
    await page.getByLabel('Hidden units up to').selectOption(String(RUN.largest));
    await page.getByLabel('Backprop rate').selectOption(RUN.lr);
    await watchFrames(page);
    await page.getByRole('button', { name: "Run Kaneko's experiment", exact: true }).click();
    await page.waitForFunction(() => !window.__edExperiment.running, null, { timeout: 900000, polling: 250 });
    const gaps = (await stopWatching(page)).sort((a, b) => a - b);
    const status = await page.locator('#xp-status').textContent();
    const m = /^Done: ([\d,]+) runs in (\d+\.\d) s\.$/.exec(status);
    if (!m) throw new Error(`the experiment on ${n} workers ended with: ${status}`);
    const table = await page.locator('#xp-table tbody').textContent();
    const workers = await page.evaluate(() => window.__edExperiment.workers);
    const pick = (q) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];
    return {
      n,
      workers,
      runs: m[1],
      seconds: Number(m[2]),
      table,
      p50: pick(0.5),
      p95: pick(0.95),
      maxGap: gaps.at(-1),
    };
  } finally {
    await page.close();
  }
}

/** Times the card on one worker, then on the page's pool (and on every core, if that is more). */
export async function benchPool(browser, origin) {
  const probe = await browser.newPage();
  await probe.goto(`${origin}/index.html`);
  const cores = await probe.evaluate(() => navigator.hardwareConcurrency);
  await probe.close();
  const pool = Math.max(1, cores - 1);
  // One worker against the page's pool; on two cores the pool is one worker, so
  // every core (a worker per core, the page's thread sharing one) is timed too.
  const sizes = [...new Set([1, pool, Math.min(16, Math.max(2, cores))])];
  console.log(
    `Kaneko's experiment in the page: ${RUN.runs} runs per size, sizes 2 to ${RUN.largest}, backprop at ${RUN.lr}; ` +
      `navigator.hardwareConcurrency ${cores}, so the page's pool is ${pool} worker${pool === 1 ? '' : 's'}`,
  );
  const results = [];
  for (const n of sizes) {
    const r = await timeRun(browser, origin, n);
    results.push(r);
    const ratio = (r.seconds / results[0].seconds).toFixed(2);
    const same = r.table === results[0].table ? 'same table as one worker' : 'TABLE DIFFERS from one worker';
    console.log(
      `  ${String(r.workers).padStart(2)} worker${r.workers === 1 ? ' ' : 's'}${n === pool ? " (the page's pool)" : ''}: ${r.runs} runs in ${r.seconds.toFixed(1)} s, ` +
        `${ratio} of one worker's time; frames meanwhile p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max gap ${r.maxGap.toFixed(0)} ms; ${same}`,
    );
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startServer({ root: 'dist', port: 0 });
  const browser = await chromium.launch(CHROMIUM);
  try {
    await benchPool(browser, `http://127.0.0.1:${server.address().port}`);
  } finally {
    await browser.close();
    server.close();
  }
}
