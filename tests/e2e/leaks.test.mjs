// An <ed-playground> leaves nothing behind when it goes: taken off the page, or
// rebuilt by a new `views` or `controls`, every observer, listener, chart and
// engine object it made is released, and no callback touches its freed engine.
// Measured through the Chrome DevTools Protocol after a forced garbage
// collection (DOM nodes, JS event listeners, JS heap), from a start taken after
// a warm-up, so that what the first instance loads once (code, style sheets,
// the wasm module) is not counted as a leak.
//
// The browser runs with V8's optimising compilers off: otherwise V8 goes on
// compiling the element's functions to machine code for some 400 cycles (a few
// hundred KB of code, shared by every instance, which then stops growing), and
// the heap would measure the compiler's warm-up, not what an instance leaves.
// (With them on, the heap without its code is as flat; with its code it grows
// 2.2 -> 3.0 MB over the 200 cycles.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, until, epochAtLeast } from './harness.mjs';
import { viewRegistry } from '../../scripts/view-registry.mjs';

before(() =>
  startSite(['ed-playground.js', 'embed.html', 'pkg/ed_playground_bg.wasm'], {
    args: ['--js-flags=--no-opt --no-maglev --no-sparkplug'],
  }),
);
after(stopSite);

const EVERY_VIEW = (await viewRegistry()).tokens.join(','); // every view of the registry (www/views/registry.js)
const CYCLES = 200,
  TOGGLES = 100,
  WARM_UP = 5;
const SLACK = 0.05; // what the figures may differ from the start by, after a collection

/** Nodes, listeners and heap after a forced collection (more than one, so that
 * what a finalizer frees in the first is gone too). */
async function census(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
  return { nodes: m.Nodes, listeners: m.JSEventListeners, heap: m.JSHeapUsedSize };
}

async function cdpOf(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

function assertFlat(t, what, start, end) {
  t.diagnostic(
    `${what}: nodes ${start.nodes} -> ${end.nodes}, listeners ${start.listeners} -> ${end.listeners}, ` +
      `JS heap ${(start.heap / 1e6).toFixed(3)} -> ${(end.heap / 1e6).toFixed(3)} MB`,
  );
  for (const k of ['nodes', 'listeners', 'heap']) {
    assert.ok(
      end[k] <= start[k] * (1 + SLACK),
      `${what}: ${k} grew from ${start[k]} to ${end[k]} (more than ${SLACK * 100} %)`,
    );
  }
}

// In the page: adds `count` elements with every view, one at a time, each
// removed once it has trained an epoch and drawn its views (two frames later);
// odd ones race on the moons (ED's and backprop's maps, the scores table, the
// test loss), even ones learn XOR (the truth table). Returns the epochs each reached.
const addAndRemove = (page, count) =>
  page.evaluate(
    async ({ count, views }) => {
      const frame = () => new Promise(requestAnimationFrame);
      const epochs = [];
      for (let i = 0; i < count; i++) {
        const e = document.createElement('ed-playground');
        e.setAttribute('views', views);
        e.setAttribute('controls', 'play,step,reset,loss,lr,task');
        if (i % 2) {
          e.setAttribute('task', 'moons');
          e.setAttribute('race', '1');
        }
        document.body.append(e);
        const t0 = performance.now();
        while (!(e.playground?.epoch >= 1)) {
          if (performance.now() - t0 > 10000) throw new Error(`element ${i} trained no epoch in 10 s`);
          await frame();
        }
        await frame();
        await frame();
        epochs.push(e.playground.epoch);
        e.remove();
      }
      await frame();
      await frame(); // the removed one's observers report, had they been left on
      return epochs;
    },
    { count, views: EVERY_VIEW },
  );

// In the page: toggles the element's `views` `count` times, between every view
// and the network alone, each time once the new run has trained an epoch; then
// pauses the last run (its Play button), so that the heap is measured with a
// run that holds as much as the one before it, not one still growing its
// history. Returns the epochs each run reached.
const toggleViews = (page, count) =>
  page.evaluate(
    async ({ count, views }) => {
      const frame = () => new Promise(requestAnimationFrame);
      const e = document.querySelector('ed-playground');
      const epochs = [];
      for (let i = 0; i < count; i++) {
        const before = e.playground;
        e.setAttribute('views', e.getAttribute('views') === views ? 'network' : views);
        const t0 = performance.now();
        while (!(e.playground !== before && e.playground?.epoch >= 1)) {
          if (performance.now() - t0 > 10000) throw new Error(`toggle ${i}: no new run trained an epoch in 10 s`);
          await frame();
        }
        await frame();
        await frame();
        epochs.push(e.playground.epoch);
      }
      e.shadowRoot.getElementById('play').click();
      while (e.playground.running) await frame();
      await frame();
      await frame();
      return epochs;
    },
    { count, views: EVERY_VIEW },
  );

test('removing an element with the network view throws nothing', () =>
  withPage(`embed.html?views=network`, async (page) => {
    const figure = page.locator('ed-playground');
    await epochAtLeast(figure, 5);
    // Its canvas, resized once it is off the page, would have its observer draw the freed run.
    const removed = await page.evaluate(async () => {
      document.querySelector('ed-playground').remove();
      for (let i = 0; i < 5; i++) await new Promise(requestAnimationFrame);
      return document.querySelectorAll('ed-playground').length;
    });
    assert.equal(removed, 0);
    // The same with every view, and taken off mid-frame, from inside a view's own observer.
    const again = await page.evaluate(async (views) => {
      const e = document.createElement('ed-playground');
      e.setAttribute('views', views);
      document.body.append(e);
      while (!(e.playground?.epoch >= 3)) await new Promise(requestAnimationFrame);
      new ResizeObserver((_, ro) => {
        ro.disconnect();
        e.remove();
      }).observe(document.body);
      document.body.style.width = '700px';
      for (let i = 0; i < 5; i++) await new Promise(requestAnimationFrame);
      return e.isConnected;
    }, EVERY_VIEW);
    assert.equal(again, false);
    // withPage's `clean`: no page error, no console error.
  }));

test(`soak: ${CYCLES} elements with every view added and removed, nodes, listeners and heap flat`, (t) =>
  withPage('embed.html', async (page) => {
    const cdp = await cdpOf(page);
    await until(
      () => page.evaluate(() => document.querySelector('ed-playground')?.playground?.epoch),
      (n) => n >= 1,
      { what: 'the embed running' },
    );
    await page.evaluate(() => document.querySelector('ed-playground').remove());
    assert.equal((await addAndRemove(page, WARM_UP)).length, WARM_UP);
    const start = await census(cdp);
    const t0 = Date.now();
    const epochs = await addAndRemove(page, CYCLES);
    t.diagnostic(`${CYCLES} add/remove cycles in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    assert.equal(epochs.length, CYCLES);
    assert.ok(epochs.every((n) => n >= 1));
    assertFlat(t, `${CYCLES} add/remove cycles`, start, await census(cdp));
  }));

test(`soak: ${TOGGLES} views toggles on one element, nodes, listeners and heap flat`, (t) =>
  withPage(`embed.html?views=${EVERY_VIEW}&controls=play&task=moons&race=1`, async (page) => {
    const cdp = await cdpOf(page);
    await until(
      () => page.evaluate(() => document.querySelector('ed-playground')?.playground?.epoch),
      (n) => n >= 1,
      { what: 'the embed running' },
    );
    assert.equal((await toggleViews(page, WARM_UP + 1)).length, WARM_UP + 1); // even: it ends on every view, as it began
    const start = await census(cdp);
    const t0 = Date.now();
    const epochs = await toggleViews(page, TOGGLES);
    t.diagnostic(`${TOGGLES} toggles in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    assert.equal(epochs.length, TOGGLES);
    assert.ok(epochs.every((n) => n >= 1));
    assertFlat(t, `${TOGGLES} views toggles`, start, await census(cdp));
  }));
