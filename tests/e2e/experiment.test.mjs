// The "Kaneko's experiment" card: runs on a pool of Web Workers under the strict
// CSP while the page keeps training, shows what the library gives for the same
// seeds, the same on three workers as on one, can be cancelled, leaves no worker
// behind, and fits a phone. Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSite,
  stopSite,
  withPage,
  watchWorkers,
  allClosed,
  hook,
  epochAtLeast,
  ed,
  recordObservers,
  outThenIn,
  until,
} from './harness.mjs';

before(() =>
  startSite(['index.html', 'www/experiment-worker.js', 'pkg/ed_playground_bg.wasm', 'pkg/ed_experiment_bg.wasm']),
);
after(stopSite);

const SMALL = { runs: 5, sizes: [2, 4, 8, 16] };

// The library's answer for the same seeds, from the command line.
function cli(hidden, runs) {
  const out = ed(['kaneko', '--method', 'both', '--runs', String(runs), '--hidden', String(hidden), '--json']);
  return JSON.parse(out.trim().split('\n').at(-1));
}

// The panel's code loads only when its card comes near the screen (it is far
// below the first screen at these sizes); then its button works.
async function loadCard(page) {
  await epochAtLeast(page, 5);
  assert.equal(
    await page.evaluate(() => window.__edExperiment),
    undefined,
    'the experiment is not loaded at the top of the page',
  );
  assert.equal(await runButton(page).isDisabled(), true, 'its button waits for its code');
  await page.locator('#card-experiment').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.__edExperiment, null, { timeout: 15000 });
  assert.equal(await runButton(page).isEnabled(), true);
}
const runButton = (page) => page.getByRole('button', { name: "Run Kaneko's experiment", exact: true });
const cancelButton = (page) => page.getByRole('button', { name: 'Cancel', exact: true });

async function setSmall(page) {
  await page.getByLabel('Runs per size').fill(String(SMALL.runs));
  await page.getByLabel('Hidden units up to').selectOption(String(SMALL.sizes.at(-1)));
}

// Counts animation frames and the longest gap between two, until stopped.
const watchFrames = (page) =>
  page.evaluate(() => {
    window.__frames = { count: 0, maxGap: 0, on: true };
    const w = window.__frames;
    let last = performance.now();
    const tick = (t) => {
      if (!w.on) return;
      w.count++;
      w.maxGap = Math.max(w.maxGap, t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
const stopWatching = (page) =>
  page.evaluate(() => {
    window.__frames.on = false;
    return window.__frames;
  });

const failures = (failed, runs) => (failed === runs ? `all ${runs} failed` : `${failed} of ${runs} failed`);
// A mean with two decimals (as in Kaneko's table), then the failures if any.
const cellText = (s) => (s.mean == null ? '—' : s.mean.toFixed(2)) + (s.failed ? failures(s.failed, s.runs) : '');

// Runs the small experiment once; what the page's own training did meanwhile.
async function runSmall(page) {
  const epoch0 = await hook(page, 'epoch');
  await watchFrames(page);
  await runButton(page).click();
  assert.ok(await cancelButton(page).isEnabled(), 'Cancel is offered while it runs');
  await page.waitForFunction(() => !window.__edExperiment.running, null, { timeout: 60000 });
  const frames = await stopWatching(page);
  const epochs = (await hook(page, 'epoch')) - epoch0;
  const times = await page.evaluate((k) => window.__edPlayground.frameTimes.slice(-k), frames.count);
  return { frames, epochs, slowest: Math.max(...times) };
}

// A frame's own work (the training step and the views, the page's frameTimes)
// must stay under 50 ms. On this machine (two shared cores, often loaded far
// beyond them) a frame now and then is descheduled for longer, even with no
// experiment running, so the timing gets three tries; frames the experiment
// itself slowed would be slow in all three. The gaps between animation frames
// count every other process's time too, even idle ones reach 200 ms here, so they
// are printed, not judged; that the runs happen off the main thread is checked
// directly (the worker).
const SLOWEST_FRAME_MS = 50,
  TRIES = 3;

test("a small run finishes in the worker while the page trains on, with the library's numbers", async () => {
  const expected = SMALL.sizes.map((h) => cli(h, SMALL.runs));
  // A run that trains on (not paused at its solve) at a pace that shows it.
  await withPage('?stop=never&speed=5', async (page) => {
    const workers = watchWorkers(page);
    await loadCard(page);
    await setSmall(page);
    let run = await runSmall(page),
      runs = 1;
    // The page's own pool: its size is the machine's (cores less one).
    const pool = await page.evaluate(() => window.__edExperiment.workers);
    assert.ok(pool >= 1, `${pool} workers`);
    assert.deepEqual(workers.started, Array(pool).fill('/www/experiment-worker.js'), 'the runs happen in the workers');
    await allClosed(workers, 'every worker terminated when the run is done');
    const total = SMALL.runs * SMALL.sizes.length * 2;
    assert.equal(await page.evaluate(() => window.__edExperiment.done), total);
    assert.match(
      await page.locator('#xp-status').textContent(),
      new RegExp(`^Done: ${total} runs in \\d+\\.\\d s\\.$`),
    );
    assert.equal(await page.locator('#xp-progress').evaluate((p) => p.value / p.max), 1);

    // The page's own training went on, and no frame of it was slow.
    for (let i = 1; ; i++) {
      const { frames, epochs, slowest } = run;
      console.log(
        `# try ${i}: ${frames.count} frames while it ran, ${epochs} epochs trained, slowest training frame ${slowest.toFixed(1)} ms, longest gap between frames ${frames.maxGap.toFixed(1)} ms`,
      );
      assert.ok(frames.count >= 5, `only ${frames.count} animation frames while it ran`);
      assert.ok(epochs >= frames.count, `${epochs} epochs over ${frames.count} frames`);
      if (slowest < SLOWEST_FRAME_MS) break;
      assert.ok(
        i < TRIES,
        `slowest training frame over ${SLOWEST_FRAME_MS} ms in ${TRIES} tries (last ${slowest.toFixed(1)} ms)`,
      );
      run = await runSmall(page);
      runs++;
    }
    assert.equal(workers.started.length, pool * runs, 'each run starts its own pool');
    await allClosed(workers);

    // The table: one row per size, ED and backprop as the library gives them.
    const rows = await page
      .locator('#xp-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    assert.deepEqual(
      rows.map((r) => r[0]),
      SMALL.sizes.map(String),
    );
    rows.forEach((r, i) => {
      assert.equal(r[1], cellText(expected[i].ed), `ED, ${SMALL.sizes[i]} hidden`);
      assert.equal(r[2], cellText(expected[i].backprop), `backprop, ${SMALL.sizes[i]} hidden`);
    });
    assert.equal(rows[0][3], '339.7537 of 100 failed', "Kaneko's published ED at 2 units");
    assert.equal(rows[3][4], '127.05', "Kaneko's published backprop at 16 units");
    assert.equal(await page.locator('#xp-bp-head').textContent(), 'Backprop (lr 0.8), here');
    assert.equal(
      await page.locator('#xp-caption').textContent(),
      "Mean epochs to Kaneko's stop, seeds 1 to 5 (his: 100 runs)",
    );

    // The chart: the same means, exactly; nothing where every run failed.
    const chart = await page.evaluate(() => window.__edExperiment.chart());
    assert.deepEqual(chart.labels, ['ED, here', 'backprop, lr 0.8, here', 'ED, Kaneko', 'backprop, Kaneko']);
    SMALL.sizes.forEach((h, i) => {
      const at = chart.sizes.indexOf(h);
      assert.equal(chart.ys[0][at], expected[i].ed.mean, `ED mean, ${h} hidden`);
      assert.equal(chart.ys[1][at], expected[i].backprop.mean, `backprop mean, ${h} hidden`);
    });
    assert.ok(
      chart.sizes.filter((h) => h > 16).every((h) => chart.ys[0][chart.sizes.indexOf(h)] === null),
      'no ED mean beyond the sizes run',
    );
    assert.equal(chart.ys[2][chart.sizes.indexOf(8)], 75.14);
    assert.ok(await runButton(page).isEnabled(), 'Run is offered again');
    assert.ok(await cancelButton(page).isDisabled());

    await page.locator('#card-experiment').scrollIntoViewIfNeeded();
    await page.locator('#card-experiment').screenshot({ path: 'artifacts/experiment.png' });
  });
});

// The same small run on one worker and on three: the same table, chart and
// count, whichever worker's runs come back first.
test('three workers give the table and chart of one, and leave none behind', async () => {
  const seen = [];
  for (const n of [1, 3]) {
    seen.push(
      await withPage(`?workers=${n}`, async (page) => {
        const workers = watchWorkers(page);
        await loadCard(page);
        await setSmall(page);
        await runButton(page).click();
        await page.waitForFunction(() => !window.__edExperiment.running, null, { timeout: 60000 });
        assert.equal(await page.evaluate(() => window.__edExperiment.workers), n, `?workers=${n}`);
        assert.deepEqual(workers.started, Array(n).fill('/www/experiment-worker.js'));
        await allClosed(workers);
        return {
          status: (await page.locator('#xp-status').textContent()).replace(/ in \d+\.\d s\.$/, ''),
          rows: await page
            .locator('#xp-table tbody tr')
            .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent))),
          chart: await page.evaluate(() => window.__edExperiment.chart()),
        };
      }),
    );
  }
  const [one, three] = seen;
  assert.equal(one.status, `Done: ${SMALL.runs * SMALL.sizes.length * 2} runs`);
  assert.equal(one.rows.length, SMALL.sizes.length);
  assert.deepEqual(three, one);
});

test('cancel stops every worker mid-run; the default is 100 runs per size, and a bad count is refused', () =>
  withPage('', async (page) => {
    const workers = watchWorkers(page);
    await loadCard(page);
    assert.equal(await page.getByLabel('Runs per size').inputValue(), '100');
    for (const bad of ['0', '2.5', '1001']) {
      await page.getByLabel('Runs per size').fill(bad);
      await runButton(page).click();
      assert.equal(
        await page.locator('#xp-status').textContent(),
        'Runs per size must be a whole number from 1 to 1,000.',
        bad,
      );
      assert.equal(await page.evaluate(() => window.__edExperiment.running), false, `${bad} runs nothing`);
    }
    await page.getByLabel('Runs per size').fill('100');
    await runButton(page).click();
    await page.waitForFunction(() => window.__edExperiment.done >= 150, null, { timeout: 30000 });
    await cancelButton(page).click();
    await allClosed(workers, 'every worker terminated by Cancel');
    const done = await page.evaluate(() => window.__edExperiment.done);
    assert.ok(done < 2 * 7 * 100, `cancelled after ${done} runs`);
    assert.match(await page.locator('#xp-status').textContent(), new RegExp(`^Cancelled after ${done} of 1,400 runs`));
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__edExperiment.done), done, 'nothing arrives after a cancel');
    assert.ok(await runButton(page).isEnabled());
    assert.ok(await cancelButton(page).isDisabled());
    // The rows keep what finished: ED at 2 hidden units had all its 100 runs.
    const first = await page.locator('#xp-table tbody tr').first().locator('td').first().textContent();
    assert.match(first, /of 100 failed$/);

    // And it runs again after a cancel, on a fresh worker.
    await setSmall(page);
    await runButton(page).click();
    await page.waitForFunction(() => !window.__edExperiment.running, null, { timeout: 60000 });
    assert.equal(await page.evaluate(() => window.__edExperiment.done), SMALL.runs * SMALL.sizes.length * 2);
  }));

test('kanekoRun refuses a bad value with an Error naming it', () =>
  withPage('', async (page) => {
    await loadCard(page);
    const answers = await page.evaluate(async () => {
      const m = await import('/pkg/ed_experiment.js');
      await m.default();
      const tryRun = (...args) => {
        try {
          return m.kanekoRun(...args);
        } catch (e) {
          return e instanceof Error ? `Error: ${e.message}` : `not an Error: ${e}`;
        }
      };
      return {
        ok: tryRun('ed', 8, 1),
        hidden0: tryRun('ed', 0, 1),
        hidden300: tryRun('backprop', 300, 1),
        method: tryRun('sgd', 8, 1),
        lr0: tryRun('backprop', 8, 1, 0),
        lrNaN: tryRun('ed', 8, 1, NaN),
      };
    });
    assert.equal(typeof answers.ok, 'number');
    assert.match(answers.hidden0, /^Error: hidden: .*got 0$/);
    assert.match(answers.hidden300, /^Error: hidden: .*got 300$/);
    assert.equal(answers.method, 'Error: method: must be "ed" or "backprop", got "sgd"');
    assert.match(answers.lr0, /^Error: lr: /);
    assert.match(answers.lrNaN, /^Error: lr: /);
  }));

test('on a 360-pixel phone the card fits and works', () =>
  withPage('', { viewport: { width: 360, height: 780 } }, async (page) => {
    await loadCard(page);
    await setSmall(page);
    await runButton(page).click();
    await page.waitForFunction(() => !window.__edExperiment.running, null, { timeout: 60000 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'nothing wider than the screen');
    const table = await page.locator('#xp-table').boundingBox();
    assert.ok(table.width <= 360 - 2 * 12, `table ${table.width} px wide`);
    await page.locator('#card-experiment').scrollIntoViewIfNeeded();
    await page.locator('#card-experiment').screenshot({ path: 'artifacts/experiment-phone.png' });
  }));

// The card's code loads when the card nears the screen; scrolled to and away
// across a long task, the observer's batch ends "in view": the last entry counts.
test('the card\'s code loads on a batch of "out of view, then in view"', () =>
  withPage('?paused=1', { setup: recordObservers }, async (page) => {
    await page.locator('#status').filter({ hasText: 'paused' }).waitFor();
    assert.equal(await runButton(page).isDisabled(), true, 'waiting for its code');
    // Its loader's observer, and the frame scheduler's (a card off screen is drawn less often).
    assert.ok((await outThenIn(page, '#card-experiment')) >= 1, "the card's observers");
    await until(
      () => runButton(page).isEnabled(),
      (enabled) => enabled,
      { what: 'the Run button enabled' },
    );
  }));
