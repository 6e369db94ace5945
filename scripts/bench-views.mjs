// What each view of the playground costs to draw, for four hidden layers of 256
// units: for each link, on a desktop and on a phone viewport, the milliseconds
// of every view's single draw (p50, p95 and max), printed, never asserted (shared
// machines are noisy; the README reports what this prints).
//
// Two measures. Paused (`?paused=1`): each view's draw called again and again
// by hand, one call an animation frame, with the weights standing still, so a
// view's own cost shows without training around it; the network view with the
// pointer on a hidden unit, so its readout's map of that unit is drawn too.
// Training (`speed=1`): the draws the page's frame scheduler itself made.
// The times come from the views' own timers (www/frame/view-timer.js), which exist
// only under the test hook; every view of the registry (www/views/registry.js)
// gets a row, so a view that drew nothing shows as one of dashes. Run alone (`node scripts/bench-views.mjs [part of a link]`, after
// `make dist`) or from scripts/bench.mjs.
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM } from './chromium.mjs';
import { viewRegistry } from './view-registry.mjs';

export const LINKS = [
  'hidden=256,256,256,256',
  'task=spiral3&hidden=256,256,256,256&race=1',
  'task=moons&hidden=256,256,256,256&race=1',
];
const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
};
const CALLS = 20; // hand calls per view, paused
const TRAINING_MS = 6000;

const pick = (xs, q) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const summary = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const ms = (q) => pick(s, q).toFixed(2).padStart(7);
  return s.length ? `${ms(0.5)} ${ms(0.95)} ${ms(1)} ${String(s.length).padStart(5)}` : '      —       —       —     0';
};

async function hookedPage(browser, options) {
  const context = await browser.newContext(options);
  await context.addInitScript(() => {
    window.__edTestHook = true;
  });
  return context.newPage();
}

// Points the pointer at the first unit of the first hidden layer of the network
// view (its layout: network.js), so that view draws its readout's unit map.
async function hoverHiddenUnit(page) {
  const canvas = page.locator('#network');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const shapes = await page.evaluate(() => window.__edPlayground.weights().length);
  const columns = shapes + 1,
    units = await page.evaluate(() => Math.sqrt(window.__edPlayground.weights()[1].length));
  const left = 34,
    right = 22,
    top = 26,
    bottom = 8;
  const x = left + (box.width - left - right) / (columns - 1);
  const y = top + 0.5 * ((box.height - top - bottom) / units);
  await page.mouse.move(box.x + x, box.y + y);
}

// Calls every view's draw `CALLS` times, one call an animation frame; also
// returns the times of the progressive views' idle-time slices meanwhile.
async function handDraws(page) {
  return page.evaluate(async (calls) => {
    const frame = () => new Promise((ok) => requestAnimationFrame(ok));
    const out = {},
      views = Object.entries(window.__edViews);
    views.forEach(([, view]) => {
      view.times.length = 0;
    });
    for (const [name, view] of views) {
      if (!view.again) continue; // never drawn (not on this page), or a frame loop of its own
      for (let i = 0; i < calls; i++) {
        await frame();
        view.again();
      }
      out[name] = [...view.times];
    }
    // The progressive views' idle-time slices, meanwhile.
    for (const [name, view] of views) if (!view.again) out[name] = [...view.times];
    return out;
  }, CALLS);
}

const recorded = (page) =>
  page.evaluate(() => Object.fromEntries(Object.entries(window.__edViews).map(([n, v]) => [n, [...v.times]])));

async function oneLink(browser, origin, link, kind, names) {
  // Every view of the registry, and every other timed draw (a view's parts, its maps, the passes).
  const rows = Object.fromEntries(names.map((name) => [name, {}]));
  const paused = await hookedPage(browser, VIEWPORTS[kind]);
  try {
    await paused.goto(`${origin}/index.html?${link}&paused=1`);
    await paused.waitForFunction(() => window.__edPlayground && window.__edViews?.map, null, { timeout: 30000 });
    await hoverHiddenUnit(paused);
    for (const [name, times] of Object.entries(await handDraws(paused))) rows[name] = { ...rows[name], paused: times };
  } finally {
    await paused.context().close();
  }
  const training = await hookedPage(browser, VIEWPORTS[kind]);
  try {
    await training.goto(`${origin}/index.html?${link}&speed=1`);
    await training.waitForFunction(() => window.__edPlayground?.frameTimes?.length > 0, null, { timeout: 30000 });
    await training.evaluate(() =>
      Object.values(window.__edViews).forEach((v) => {
        v.times.length = 0;
      }),
    );
    await training.waitForTimeout(TRAINING_MS);
    for (const [name, times] of Object.entries(await recorded(training))) {
      rows[name] ??= {};
      rows[name].training = times;
    }
  } finally {
    await training.context().close();
  }
  return rows;
}

/** `only`: the links containing it (all by default). */
export async function benchViews(browser, origin, only = '') {
  console.log(
    "views with hidden 256,256,256,256: ms per single draw, p50 / p95 / max / calls; paused (by hand) | training (the scheduler's);",
  );
  console.log(
    '"passes": the progressive views\' slices in idle time between frames (www/frame/view-work.js), while passes last',
  );
  const { names } = await viewRegistry();
  for (const link of LINKS.filter((l) => l.includes(only))) {
    for (const kind of Object.keys(VIEWPORTS)) {
      console.log(`  ?${link}  ${kind}`);
      const rows = await oneLink(browser, origin, link, kind, names);
      for (const [name, { paused = [], training = [] }] of Object.entries(rows).sort()) {
        console.log(`    ${name.padEnd(16)} ${summary(paused)} | ${summary(training)}`);
      }
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startServer({ root: 'dist', port: 0 });
  const browser = await chromium.launch(CHROMIUM);
  try {
    await benchViews(browser, `http://127.0.0.1:${server.address().port}`, process.argv[2]);
  } finally {
    await browser.close();
    server.close();
  }
}
