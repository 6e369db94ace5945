// Native vs wasm training throughput in one run, and the playground's
// main-thread time per frame, printed as figures (not asserted: shared machines
// are noisy, so the README reports what this prints).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM } from './chromium.mjs';
import { benchFrames } from './bench-frames.mjs';
import { benchPool } from './bench-pool.mjs';
import { benchViews } from './bench-views.mjs';
import { benchBytes, printBytes } from './bench-bytes.mjs';

const CASES = [
  { name: 'xor-4-8-8-1', hidden: [8, 8] },
  { name: 'xor-4-64-64-1', hidden: [64, 64] },
];

function nativeRates() {
  const out = execFileSync(`${process.env.CARGO_TARGET_DIR ?? 'target'}/release/ed`, ['bench', '--json'], {
    encoding: 'utf8',
  });
  const rows = JSON.parse(out.trim().split('\n').pop());
  return Object.fromEntries(rows.map((r) => [r.case, r.epochs_per_sec]));
}

// V8 first runs wasm through its baseline compiler and swaps in optimised code
// only after a while, so each case is warmed up for two seconds once, then
// measured as `ed bench` measures: the median of five timed rounds.
async function wasmWarmUp(page) {
  await page.evaluate(async (cases) => {
    const { default: init, Playground } = await import('/pkg/ed_playground.js');
    await init();
    window.benchRuns = {};
    for (const { name, hidden } of cases) {
      const p = new Playground({ hidden });
      let batch = 64;
      const warm = performance.now();
      while (performance.now() - warm < 2000) {
        p.step(batch);
        if (batch < 1 << 14) batch *= 2;
      }
      window.benchRuns[name] = { p, batch };
    }
  }, CASES);
}

async function wasmRates(page) {
  return page.evaluate(() => {
    const rates = {};
    for (const [name, { p, batch }] of Object.entries(window.benchRuns)) {
      const rounds = [];
      for (let r = 0; r < 5; r++) {
        const start = performance.now();
        let done = 0;
        while (performance.now() - start < 200) {
          p.step(batch);
          done += batch;
        }
        rounds.push(done / ((performance.now() - start) / 1000));
      }
      rounds.sort((a, b) => a - b);
      rates[name] = rounds[2];
    }
    return rates;
  });
}

// A page with the playground's read-only test hook (www/test-hook.js), whose frame timer this reads.
async function hookedPage(browser, options) {
  const page = await browser.newPage(options);
  await page.addInitScript(() => {
    window.__edTestHook = true;
  });
  return page;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Main-thread work per animation frame while the page trains at 100 epochs per
// frame with every view live, read from the page's own frame timer.
async function frameTimes(page, origin) {
  await page.goto(`${origin}/index.html?speed=100`);
  await page.waitForFunction(() => window.__edPlayground?.frameTimes?.length > 0, null, { timeout: 20000 });
  await page.waitForTimeout(6000);
  const times = await page.evaluate(() => [...window.__edPlayground.frameTimes]);
  times.sort((a, b) => a - b);
  const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { frames: times.length, p50: pick(0.5), p95: pick(0.95), max: times[times.length - 1] };
}

// The example blog post: three <ed-playground> elements training at once. Each
// reports the main-thread time of its own recent frames; they run every frame,
// so their last entries line up and the sum is the main thread's work per frame.
async function embedFrameTimes(page, origin) {
  await page.goto(`${origin}/examples/blog-post.html`);
  const figures = page.locator('ed-playground');
  await page.waitForFunction(
    () => [...document.querySelectorAll('ed-playground')].every((e) => e.playground?.frameTimes?.length > 0),
    null,
    { timeout: 20000 },
  );
  await page.waitForTimeout(6000);
  const times = await figures.evaluateAll((els) => els.map((e) => e.playground.frameTimes));
  const n = Math.min(...times.map((x) => x.length));
  const total = Array.from({ length: n }, (_, i) => times.reduce((a, x) => a + x[x.length - n + i], 0)).sort(
    (a, b) => a - b,
  );
  return {
    instances: times.length,
    frames: n,
    p50: total[Math.floor(n / 2)],
    p95: total[Math.min(n - 1, Math.floor(0.95 * n))],
  };
}

// The project's own JavaScript and wasm as shipped, gzipped (uPlot not counted);
// what each reader fetches before the first epoch is bench-bytes.mjs's.
const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length;
const OWN = /\.(js|wasm)$/;
function shippedSize() {
  // Everything, the digits card's own module (loaded on demand) included.
  const files = [
    ...readdirSync('dist/www').map((f) => `www/${f}`),
    ...readdirSync('dist/pkg').map((f) => `pkg/${f}`),
  ].filter((f) => OWN.test(f));
  const wasm = gz('dist/pkg/ed_playground_bg.wasm');
  const digits = gz('dist/pkg/ed_digits_bg.wasm');
  const total = files.reduce((sum, f) => sum + gz(`dist/${f}`), 0);
  return { wasm, digits, js: total - wasm - digits, total, files: files.length };
}

const server = await startServer({ root: 'dist', port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(CHROMIUM);
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/pkg/`);
  // Native and wasm take turns three times and each side reports its median,
  // so a noisy spell on this shared machine does not land on one side only.
  await wasmWarmUp(page);
  const native = [],
    wasm = [];
  for (let turn = 0; turn < 3; turn++) {
    native.push(nativeRates());
    wasm.push(await wasmRates(page));
  }
  console.log('case               native epochs/s   wasm epochs/s   wasm/native   (medians of 3 alternating turns)');
  for (const { name } of CASES) {
    const n = median(native.map((r) => r[name])),
      w = median(wasm.map((r) => r[name]));
    console.log(
      `${name.padEnd(18)} ${n.toFixed(0).padStart(15)} ${w.toFixed(0).padStart(15)} ${(w / n).toFixed(2).padStart(13)}`,
    );
  }
  const f = await frameTimes(await hookedPage(browser, { viewport: { width: 1280, height: 900 } }), origin);
  console.log(
    `page at 100 epochs/frame: ${f.frames} frames, main-thread work per frame p50 ${f.p50.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms, max ${f.max.toFixed(2)} ms`,
  );
  const e = await embedFrameTimes(await hookedPage(browser, { viewport: { width: 1280, height: 2400 } }), origin);
  console.log(
    `blog post, ${e.instances} instances training at once: ${e.frames} frames, main-thread work per frame (all instances) p50 ${e.p50.toFixed(2)} ms, p95 ${e.p95.toFixed(2)} ms`,
  );
  await benchFrames(browser, origin);
  const size = shippedSize();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `shipped size, gzipped: wasm ${kb(size.wasm)} + own JS ${kb(size.js)} + the digits card's wasm ${kb(size.digits)} = ${kb(size.total)} in ${size.files} files (uPlot and the digits' data not counted)`,
  );
  // What a reader downloads before the first epoch, every file counted (HTML, CSS, uPlot too).
  printBytes(await benchBytes('dist'));
  await benchViews(browser, origin); // each view's draw, four layers of 256 units
  // Last: it takes a minute or two (Kaneko's full experiment, twice).
  await benchPool(browser, origin);
} finally {
  await browser.close();
  server.close();
}
