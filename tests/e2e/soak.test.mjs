// The page runs a minute at full speed with its JS heap and frame time flat.
// Its frame times are wall-clock times, so scripts/e2e.mjs runs this file alone,
// after the others: another test file's page beside it would lengthen its late
// frames as much as its early ones only by chance. Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage } from './harness.mjs';

before(() => startSite(['index.html', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

test('the page runs 60 seconds at maximum speed with a flat JS heap and frame time', () =>
  withPage('?speed=10000&stop=never', { clean: false }, async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    // The live JS heap after a full collection: what the page keeps, not garbage.
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const samples = [];
    const t0 = Date.now();
    for (let s = 5; s <= 60; s += 5) {
      await page.waitForTimeout(t0 + s * 1000 - Date.now());
      const { frames, epoch } = await page.evaluate(() => ({
        frames: window.__edPlayground.frameTimes.slice(-60),
        epoch: window.__edPlayground.epoch,
      }));
      samples.push({ s, heap: await heap(), frame: median(frames), epoch });
    }
    console.log(
      `# soak: ${samples.map((x) => `${x.s}s heap ${(x.heap / 1e6).toFixed(2)} MB frame p50 ${x.frame.toFixed(1)} ms epoch ${x.epoch}`).join('; ')}`,
    );
    const at = (s) => samples.find((x) => x.s === s);
    const warm = samples.filter((x) => x.s >= 10 && x.s <= 20),
      late = samples.filter((x) => x.s >= 40);
    assert.ok(at(60).epoch >= 1_000_000, `trained ${at(60).epoch} epochs in a minute`);
    // Flat: the last samples' heap within 1 MB of the warmed-up page's, and frame
    // time within half again (frames are mostly the 10,000 epochs of training).
    // Each window's quietest sample: the machine's other work only adds time, a
    // page that slows down as it runs raises every sample. The last 20 s give five
    // samples, so one quiet moment on a busy shared machine is enough.
    const maxHeap = (xs) => Math.max(...xs.map((x) => x.heap));
    assert.ok(maxHeap(late) <= maxHeap(warm) + 1e6, `heap ${maxHeap(warm)} -> ${maxHeap(late)} bytes`);
    const frame = (xs) => Math.min(...xs.map((x) => x.frame));
    assert.ok(frame(late) <= 1.5 * frame(warm), `frame p50 ${frame(warm)} -> ${frame(late)} ms`);
    assert.deepEqual(page.problems.errors, []);
  }));
