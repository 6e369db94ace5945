// The "Handwritten digits" card: its code loads only near the screen, a small
// run finishes in its workers while the page trains on, its accuracies are the
// CLI's on the same file, the same on two workers as on one, its galleries are
// drawn, and no worker is left behind. Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, watchWorkers, allClosed, hook, epochAtLeast, ed } from './harness.mjs';

before(() =>
  startSite([
    'index.html',
    'www/digits-worker.js',
    'data/digits.bin',
    'pkg/ed_playground_bg.wasm',
    'pkg/ed_digits_bg.wasm',
  ]),
);
after(stopSite);

const SMALL = { train: 500, test: 200, epochs: 2, hidden: 16 };

// The library's answer for the same digits and seed, from the command line.
function cli() {
  const out = ed([
    'digits',
    '--data',
    'dist/data/digits.bin',
    '--train',
    String(SMALL.train),
    '--test',
    String(SMALL.test),
    '--epochs',
    String(SMALL.epochs),
    '--hidden',
    String(SMALL.hidden),
    '--json',
  ]);
  const { methods } = JSON.parse(out.trim().split('\n').at(-1));
  return Object.fromEntries(methods.map((m) => [m.method, m.epochs]));
}

const card = (page) => page.locator('#card-digits');
const runButton = (page) => card(page).getByRole('button', { name: 'Learn handwritten digits', exact: true });
const cancelButton = (page) => card(page).getByRole('button', { name: 'Cancel learning digits', exact: true });

// The card's code loads only when it comes near the screen; then its button works.
async function loadCard(page) {
  await epochAtLeast(page, 5);
  // Last on the page, below Kaneko's experiment (the grid orders its cards).
  const [xp, dg] = await page.evaluate(() =>
    ['card-experiment', 'card-digits'].map((id) => document.getElementById(id).getBoundingClientRect().top),
  );
  assert.ok(dg > xp, `the digits card (top ${dg}) comes after the experiment's (top ${xp})`);
  assert.equal(
    await page.evaluate(() => window.__edDigits),
    undefined,
    'the digits card is not loaded at the top of the page',
  );
  assert.equal(await runButton(page).isDisabled(), true, 'its button waits for its code');
  await card(page).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.__edDigits, null, { timeout: 15000 });
  assert.equal(await runButton(page).isEnabled(), true);
}

async function setSmall(page) {
  await card(page).getByLabel('Epochs').selectOption(String(SMALL.epochs));
  await card(page).getByLabel('Digits to learn from').selectOption(String(SMALL.train));
  await card(page).getByLabel('Digits to test on').selectOption(String(SMALL.test));
  await card(page).getByLabel('Hidden units').selectOption(String(SMALL.hidden));
}

// How many distinct colours (red, green and blue; alpha aside) a canvas holds: a blank one has one.
const rgbColours = (canvas) =>
  canvas.evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data,
      seen = new Set();
    for (let i = 0; i < d.length; i += 4) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
    return seen.size;
  });

test("a small run finishes in the worker while the page trains on, with the CLI's accuracies", async () => {
  const expected = cli();
  // A run that trains on (not paused at its solve) at a pace that shows it.
  await withPage('?stop=never&speed=5', async (page) => {
    const workers = watchWorkers(page),
      requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await loadCard(page);
    assert.ok(!requests.includes('/data/digits.bin'), 'the digits wait for the button');
    await setSmall(page);
    const epoch0 = await hook(page, 'epoch');
    await runButton(page).click();
    assert.ok(await cancelButton(page).isEnabled(), 'Cancel is offered while it runs');
    await page.waitForFunction(() => !window.__edDigits.running, null, { timeout: 120000 });
    const trained = (await hook(page, 'epoch')) - epoch0;
    assert.ok(trained > 10, `the page trained ${trained} epochs meanwhile`);
    // The page's own pool: one worker on two cores, two (ED's, backprop's) on more.
    const pool = await page.evaluate(() => window.__edDigits.workers);
    assert.ok(pool === 1 || pool === 2, `${pool} workers`);
    assert.deepEqual(workers.started, Array(pool).fill('/www/digits-worker.js'), 'the learning happens in the workers');
    await allClosed(workers, 'every worker terminated when the run is done');
    assert.equal(requests.filter((p) => p === '/data/digits.bin').length, 1);

    const scores = await page.evaluate(() => window.__edDigits.scores());
    const ms = await page.evaluate(() => window.__edDigits.epochMs());
    console.log(
      `# epoch times in the worker (ms): ED ${ms.ed.map(Math.round)}, backprop ${ms.backprop.map(Math.round)}`,
    );
    for (const m of ['ed', 'backprop']) {
      assert.equal(scores[m].length, SMALL.epochs);
      scores[m].forEach((s, i) => {
        const want = expected[m][i];
        assert.equal(s.test, want.test_accuracy, `${m} epoch ${i + 1}, test`);
        assert.equal(s.train, want.train_accuracy, `${m} epoch ${i + 1}, train`);
        assert.equal(s.loss, want.mean_loss, `${m} epoch ${i + 1}, loss`);
      });
    }
    const ed = scores.ed.at(-1).test;
    console.log(`# test accuracy after ${SMALL.epochs} epochs: ED ${ed}, backprop ${scores.backprop.at(-1).test}`);
    assert.ok(ed > 0.7, `ED gets ${ed} right`);

    // The table and chart show the same numbers.
    const pct = (v) => `${(100 * v).toFixed(1)} %`;
    const rows = await page
      .locator('#dg-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    assert.deepEqual(
      rows,
      scores.ed.map((s, i) => [String(i + 1), pct(s.test), pct(scores.backprop[i].test)]),
    );
    const chart = await page.evaluate(() => window.__edDigits.chart());
    assert.deepEqual(chart.ys, [scores.ed.map((s) => s.test), scores.backprop.map((s) => s.test)]);
    assert.match(await page.locator('#dg-status').textContent(), /^Done in \d+\.\d s: after 2 epochs ED gets/);
    assert.equal(await page.locator('#dg-progress').evaluate((p) => p.value / p.max), 1);

    // The gallery: 20 drawn digits, each marked right or wrong in text, as many
    // right among them as ED's guesses say.
    const figures = card(page).locator('#dg-gallery figure');
    assert.equal(await figures.count(), 20);
    const marks = await figures.locator('figcaption').allTextContents();
    assert.ok(
      marks.every((t) => /^[✓✗] \d$/.test(t)),
      marks.join(' '),
    );
    const wrong = await card(page).locator('#dg-gallery figure.wrong').count();
    assert.equal(wrong, marks.filter((t) => t.startsWith('✗')).length);
    for (let k = 0; k < 20; k += 7)
      assert.ok((await rgbColours(figures.nth(k).locator('canvas'))) > 3, `digit ${k} is drawn`);
    // The fields: one per digit's network, each drawn in more than a few colours.
    const fields = card(page).locator('#dg-fields canvas');
    assert.equal(await fields.count(), 10);
    for (let d = 0; d < 10; d += 3) assert.ok((await rgbColours(fields.nth(d))) > 10, `field ${d} is drawn`);

    assert.ok(await runButton(page).isEnabled(), 'it can run again');
    assert.ok(await cancelButton(page).isDisabled());
    await card(page).screenshot({ path: 'artifacts/digits.png' });
  });
});

// The same small run on one worker (ED and backprop taking turns) and on two
// (one each): the same scores, epoch by epoch, and the same guesses.
test('two workers give the scores of one, and leave none behind', async () => {
  const seen = [];
  for (const n of [1, 2]) {
    seen.push(
      await withPage(`?workers=${n}`, async (page) => {
        const workers = watchWorkers(page);
        await loadCard(page);
        await setSmall(page);
        await runButton(page).click();
        await page.waitForFunction(() => !window.__edDigits.running, null, { timeout: 120000 });
        assert.equal(await page.evaluate(() => window.__edDigits.workers), n, `?workers=${n}`);
        assert.deepEqual(workers.started, Array(n).fill('/www/digits-worker.js'));
        await allClosed(workers);
        return {
          scores: await page.evaluate(() => window.__edDigits.scores()),
          rows: await page
            .locator('#dg-table tbody tr')
            .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent))),
          guesses: await card(page).locator('#dg-gallery figcaption').allTextContents(),
        };
      }),
    );
  }
  const [one, two] = seen;
  assert.equal(one.scores.ed.length, SMALL.epochs);
  assert.equal(one.scores.backprop.length, SMALL.epochs);
  assert.equal(one.guesses.length, 20);
  assert.deepEqual(two, one);
});

test('cancel stops it mid-run; on a 360-pixel phone the card fits', () =>
  withPage('', { viewport: { width: 360, height: 780 } }, async (page) => {
    const workers = watchWorkers(page);
    await loadCard(page);
    await card(page).getByLabel('Epochs').selectOption('10');
    await runButton(page).click();
    await page.waitForFunction(() => window.__edDigits.scores().ed.length >= 1, null, { timeout: 60000 });
    await cancelButton(page).click();
    await allClosed(workers, 'every worker terminated by Cancel');
    const n = await page.evaluate(() => window.__edDigits.scores().ed.length);
    assert.ok(n < 10, `cancelled after ${n} epochs`);
    assert.match(await page.locator('#dg-status').textContent(), /^Cancelled after/);
    await page.waitForTimeout(1500);
    assert.equal(await page.evaluate(() => window.__edDigits.scores().ed.length), n, 'nothing arrives after a cancel');
    assert.ok(await runButton(page).isEnabled());
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'nothing wider than the screen');
    await card(page).screenshot({ path: 'artifacts/digits-phone.png' });
  }));

test('DigitsRun refuses bad bytes and a bad option with an Error naming it', () =>
  withPage('', async (page) => {
    await loadCard(page);
    const answers = await page.evaluate(async () => {
      const m = await import('/pkg/ed_digits.js');
      await m.default();
      const bytes = new Uint8Array(await (await fetch('/data/digits.bin')).arrayBuffer());
      const make = (b, o) => {
        try {
          new m.DigitsRun(b, o).free();
          return 'ok';
        } catch (e) {
          return e instanceof Error ? `Error: ${e.message}` : `not an Error: ${e}`;
        }
      };
      const badLabel = bytes.slice(0, 257 * 3);
      badLabel[257] = 11;
      return {
        ok: make(bytes, { train: 100, test: 50 }),
        short: make(bytes.slice(0, 300), {}),
        label: make(badLabel, { train: 2, test: 1 }),
        method: make(bytes, { method: 'sgd' }),
        hidden: make(bytes, { hidden: 0 }),
        train: make(bytes, { train: 2500, test: 500 }),
        unknown: make(bytes, { epochs: 3 }),
      };
    });
    assert.equal(answers.ok, 'ok');
    assert.match(answers.short, /^Error: digits: 300 bytes is not a whole number of digits/);
    assert.match(answers.label, /^Error: digits: digit 1 .*label 11/);
    assert.equal(answers.method, 'Error: method: must be "ed" or "backprop", got "sgd"');
    assert.match(answers.hidden, /^Error: hidden: /);
    assert.match(answers.train, /^Error: train, test: /);
    assert.match(answers.unknown, /^Error: epochs: unknown field/);
  }));
