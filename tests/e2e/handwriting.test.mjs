// The digits card's pad and confusion matrices: after a short run, a test
// digit painted onto the pad (its 16 x 16 pixels as blocks of the pad, the way
// the test hook paints, then the same reading path as a stroke's) gets the
// very outputs the run recorded for it, both methods, to the last bit; a mouse
// stroke moves the bars and the guesses, Clear empties them; each confusion
// matrix, read from the card's own table, counts every test digit once and its
// diagonal is the card's accuracy. On a phone a finger writes without scrolling
// the page. Screenshots: artifacts/pad-*.png. Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, ready } from './harness.mjs';

before(() =>
  startSite([
    'index.html',
    'www/digits-worker.js',
    'www/digits-pad-worker.js',
    'data/digits.bin',
    'pkg/ed_digits_bg.wasm',
  ]),
);
after(stopSite);

const SMALL = { train: 500, test: 200, epochs: 2, hidden: 16 };
const PHONE = { viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true };
const card = (page) => page.locator('#card-digits');
const pct = (v) => `${(100 * v).toFixed(1)} %`;
const argmax = (v) => v.indexOf(Math.max(...v));

// A short run of both methods, done; the hook's final scores.
async function shortRun(page, lang = 'en') {
  await ready(page);
  await card(page).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.__edDigits, null, { timeout: 15000 });
  assert.equal(await page.locator('#dg-pad-box').isHidden(), true, 'no pad before a run');
  for (const [id, v] of Object.entries(SMALL)) await page.locator(`#dg-${id}`).selectOption(String(v));
  await page.locator('#dg-run').click();
  await page.waitForFunction(() => window.__edDigits.scores().backprop.length >= 1, null, { timeout: 120000 });
  await page.waitForFunction(() => !window.__edDigits.running, null, { timeout: 120000 });
  assert.equal(await page.locator('#dg-pad-box').isVisible(), true, `the pad shows after the run (${lang})`);
  return page.evaluate(() => window.__edDigits.scores());
}

// Paints gallery digit `k` through the hook and waits for that very ink's reading.
const paintTest = (page, k) =>
  page.evaluate(async (k) => {
    const h = window.__edDigits,
      digit = h.testDigit(k);
    return { digit, reading: await h.pad.reading(h.pad.paint(digit.pixels)) };
  }, k);

// The reading of the pad's ink as it now stands (nothing left unread).
const settled = (page) => page.evaluate(() => window.__edDigits.pad.reading(window.__edDigits.pad.version()));

// A confusion matrix as the card's table shows it: its headers and counts.
const matrix = (page, id) =>
  page.locator(`#${id}`).evaluate((t) => ({
    cols: [...t.tHead.rows[0].cells].map((c) => [c.tagName, c.getAttribute('scope'), c.textContent]),
    rows: [...t.tBodies[0].rows].map((r) => ({
      head: [r.cells[0].tagName, r.cells[0].getAttribute('scope'), r.cells[0].textContent],
      counts: [...r.cells].slice(1).map((c) => Number(c.textContent)),
    })),
    caption: t.caption.textContent,
  }));

test('a painted test digit gets its recorded outputs; a stroke moves the bars, Clear empties them; the matrices add up', () =>
  withPage('?paused=1', async (page) => {
    const scores = await shortRun(page);

    // Test digits painted onto the pad: their own pixels back, then the outputs
    // the run recorded for them, bit for bit, and the guesses and bars they give.
    for (const k of [0, 7, 19]) {
      const { digit, reading } = await paintTest(page, k);
      assert.deepEqual(reading.pixels, digit.pixels, `test digit ${k}'s pixels, read back from the pad`);
      for (const m of ['ed', 'backprop']) {
        assert.deepEqual(reading[m], digit[m], `${m}'s ten outputs for test digit ${k}, as the run recorded them`);
        assert.equal(reading.guesses[m], String(argmax(digit[m])), `${m}'s guess for test digit ${k}`);
        assert.deepEqual(
          reading.heights[m].map(parseFloat),
          digit[m].map((v) => Number((100 * v).toFixed(1))),
          `${m}'s bars, test digit ${k}`,
        );
      }
    }
    // The bars' accessible names carry the same ten outputs, to two places.
    const last19 = await page.evaluate(() => window.__edDigits.testDigit(19));
    for (const [m, name] of [
      ['ed', 'ED'],
      ['backprop', 'Backprop'],
    ]) {
      assert.equal(
        await page.locator(`#dg-bars-${m}`).getAttribute('aria-label'),
        `${name}'s ten outputs (one per digit): ${last19[m].map((v, d) => `${d}: ${v.toFixed(2)}`).join(', ')}`,
      );
    }
    // The last gallery digit stays painted: the shot of a guess.
    await page.locator('#dg-pad-box').screenshot({ path: 'artifacts/pad-desktop-en.png' });

    // Clear: no guess, no bars.
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    const cleared = await settled(page);
    assert.deepEqual(cleared.guesses, { ed: '—', backprop: '—' });
    assert.equal(cleared.ed, null);
    assert.ok(
      Object.values(cleared.heights)
        .flat()
        .every((h) => h === '0%'),
      'the bars are empty',
    );

    // A stroke with the mouse: a vertical line down the middle of the guide box.
    const pad = await page.locator('#dg-pad').boundingBox();
    const stroke = async (points) => {
      await page.mouse.move(pad.x + points[0][0] * pad.width, pad.y + points[0][1] * pad.height);
      await page.mouse.down();
      for (const [x, y] of points.slice(1))
        await page.mouse.move(pad.x + x * pad.width, pad.y + y * pad.height, { steps: 6 });
      await page.mouse.up();
    };
    await stroke([
      [0.5, 0.2],
      [0.5, 0.8],
    ]);
    const one = await settled(page);
    for (const m of ['ed', 'backprop']) {
      assert.match(one.guesses[m], /^\d$/, `${m} guesses after a stroke`);
      assert.equal(one.guesses[m], String(argmax(one[m])));
      assert.ok(
        one.heights[m].some((h) => h !== '0%'),
        `${m}'s bars rise`,
      );
    }
    assert.ok(
      one.pixels.some((v) => v > 0.5),
      'the stroke reaches the 16 x 16 digit',
    );
    // A second stroke (a bar across the top and a hook: a 7) moves the bars.
    await stroke([
      [0.3, 0.2],
      [0.7, 0.2],
      [0.45, 0.8],
    ]);
    const two = await settled(page);
    assert.notDeepEqual(two.ed, one.ed, "ED's outputs move");
    assert.notDeepEqual(two.backprop, one.backprop, "backprop's outputs move");
    assert.notDeepEqual(two.heights, one.heights, 'the bars move');
    await page.locator('#dg-pad-box').screenshot({ path: 'artifacts/pad-drawn-en.png' });
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    assert.deepEqual((await settled(page)).guesses, { ed: '—', backprop: '—' }, 'Clear empties the guesses');
    // A small 1 in a corner is read at the training digits' size, in the middle.
    await stroke([
      [0.12, 0.08],
      [0.12, 0.3],
    ]);
    const small = await settled(page);
    const rows = small.pixels.map((v, i) => (v > 0 ? Math.floor(i / 16) : null)).filter((r) => r !== null);
    const cols = small.pixels.map((v, i) => (v > 0 ? i % 16 : null)).filter((c) => c !== null);
    const height = Math.max(...rows) - Math.min(...rows) + 1;
    assert.ok(height >= 11 && height <= 14, `the small 1 is read ${height} pixels tall`);
    assert.ok(
      Math.min(...cols) >= 4 && Math.max(...cols) <= 11,
      `the small 1 is read in the middle (columns ${Math.min(...cols)} to ${Math.max(...cols)})`,
    );
    await page.getByRole('button', { name: 'Clear', exact: true }).click();

    // The confusion matrices, from the card's tables: headers, every test digit
    // once, the diagonal the accuracy the card's own table shows for the last epoch.
    const last = await page
      .locator('#dg-table tbody tr')
      .last()
      .evaluate((tr) => [...tr.cells].map((c) => c.textContent));
    const confusion = await page.evaluate(() => window.__edDigits.confusion());
    for (const [id, m, col] of [
      ['dg-cm-ed', 'ed', 1],
      ['dg-cm-bp', 'backprop', 2],
    ]) {
      const t = await matrix(page, id);
      assert.equal(t.cols.length, 11);
      assert.deepEqual(
        t.cols.slice(1),
        Array.from({ length: 10 }, (_, d) => ['TH', 'col', String(d)]),
      );
      assert.deepEqual(
        t.rows.map((r) => r.head),
        Array.from({ length: 10 }, (_, d) => ['TH', 'row', String(d)]),
      );
      const counts = t.rows.map((r) => r.counts);
      assert.equal(
        counts.flat().reduce((a, b) => a + b, 0),
        SMALL.test,
        `${m}: every test digit counted once`,
      );
      const diagonal = counts.reduce((a, row, d) => a + row[d], 0);
      assert.equal(pct(diagonal / SMALL.test), last[col], `${m}: the diagonal is the card's accuracy`);
      assert.equal(diagonal / SMALL.test, scores[m].at(-1).test);
      assert.deepEqual(counts.flat(), confusion[m]);
      assert.match(t.caption, new RegExp(`^(ED|Backprop): ${diagonal} of 200 test digits right$`));
    }
    await page.locator('#dg-confusion').screenshot({ path: 'artifacts/pad-confusion-en.png' });
  }));

test('Japanese: the pad and the matrices speak it, and a painted digit still gets its outputs', () =>
  withPage('?paused=1&lang=ja', async (page) => {
    await shortRun(page, 'ja');
    const { digit, reading } = await paintTest(page, 3);
    assert.deepEqual(reading.ed, digit.ed);
    assert.deepEqual(reading.backprop, digit.backprop);
    assert.equal(await page.locator('#dg-clear').textContent(), '消去');
    assert.match(await page.locator('#dg-cm-ed caption').textContent(), /^ED: テスト用数字 200 個中 \d+ 個正解$/);
    assert.match(
      await page.locator('#dg-bars-ed').getAttribute('aria-label'),
      /^ED の 10 個の出力 \(数字ごと\): 0: \d\.\d\d, 1: \d\.\d\d, .*9: \d\.\d\d$/,
    );
    await page.locator('#dg-pad-box').screenshot({ path: 'artifacts/pad-desktop-ja.png' });
  }));

// The networks are handed to the pad after every epoch, so it reads while the
// run trains on: a reading taken while the hook still says the run is running.
test('the pad works while a run goes on, with the networks of the epoch so far', () =>
  withPage('?paused=1&workers=1', async (page) => {
    await ready(page);
    await card(page).scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.__edDigits, null, { timeout: 15000 });
    for (const [id, v] of Object.entries({ train: 2000, test: 500, epochs: 10, hidden: 64 }))
      await page.locator(`#dg-${id}`).selectOption(String(v));
    await page.locator('#dg-run').click();
    await page.locator('#dg-pad-box').waitFor({ state: 'visible', timeout: 60000 });
    const mid = await page.evaluate(async () => {
      const h = window.__edDigits;
      const reading = await h.pad.reading(h.pad.paint(h.testDigit(4).pixels));
      return {
        reading,
        running: h.running,
        epochs: h.scores().ed.length,
        note: document.getElementById('dg-pad-note').textContent,
      };
    });
    assert.ok(mid.running, `the run goes on (${mid.epochs} of 10 epochs of ED done)`);
    assert.ok(mid.epochs < 10);
    assert.match(mid.reading.guesses.ed, /^\d$/);
    assert.match(mid.reading.guesses.backprop, /^\d$/);
    assert.match(mid.note, /^The networks as they are after epoch \d+ of 10\.$/);
    await page.locator('#dg-cancel').click();
    await page.waitForFunction(() => !window.__edDigits.running);
  }));

for (const lang of ['en', 'ja']) {
  test(`on a 360-px phone (${lang}) a finger writes without scrolling the page; targets and matrices fit`, () =>
    withPage(`?paused=1&lang=${lang}`, PHONE, async (page) => {
      await shortRun(page, lang);
      await paintTest(page, 7);
      await page.locator('#dg-clear').click();
      const padBox = page.locator('#dg-pad');
      await padBox.scrollIntoViewIfNeeded();
      const pad = await padBox.boundingBox();
      assert.ok(pad.width >= 200, `the pad is ${pad.width} px wide`);
      // A finger's stroke, as touch events from the device.
      const cdp = await page.context().newCDPSession(page);
      const touch = (type, x, y) =>
        cdp.send('Input.dispatchTouchEvent', {
          type,
          touchPoints: type === 'touchEnd' ? [] : [{ x: pad.x + x * pad.width, y: pad.y + y * pad.height }],
        });
      const scrollBefore = await page.evaluate(() => window.scrollY);
      await touch('touchStart', 0.5, 0.2);
      for (let i = 1; i <= 12; i++) await touch('touchMove', 0.5 + 0.01 * i, 0.2 + 0.05 * i);
      await touch('touchEnd');
      const read = await settled(page);
      assert.equal(await page.evaluate(() => window.scrollY), scrollBefore, 'the page did not scroll under the finger');
      assert.match(read.guesses.ed, /^\d$/, 'the finger wrote a digit ED guesses');
      assert.match(read.guesses.backprop, /^\d$/);
      // Then a test digit, for the shot of a guess.
      await paintTest(page, 19);
      const clear = await page.locator('#dg-clear').boundingBox();
      assert.ok(clear.width >= 44 && clear.height >= 44, `Clear is ${clear.width} x ${clear.height}`);
      assert.equal(
        await page.evaluate(() => document.documentElement.scrollWidth),
        360,
        'nothing wider than the screen',
      );
      // Each matrix fits its own box or scrolls inside it.
      for (const id of ['dg-cm-ed', 'dg-cm-bp']) {
        const fit = await page.locator(`#${id}`).evaluate((t) => ({
          box: t.parentElement.getBoundingClientRect().right,
          overflow: getComputedStyle(t.parentElement).overflowX,
        }));
        assert.ok(fit.box <= 360, `${id}'s box ends at ${fit.box}`);
        assert.equal(fit.overflow, 'auto');
      }
      await page.locator('#dg-pad-box').screenshot({ path: `artifacts/pad-phone-${lang}.png` });
      await page.locator('#dg-confusion').screenshot({ path: `artifacts/pad-confusion-phone-${lang}.png` });
    }));
}
