// The views and the two cards far down the page speak Japanese with ?lang=ja:
// the scores table, the output key, the network's layer names and a unit's
// readout, the loss chart's legend and marks, and both cards' words and their
// status after a small run. Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, until, hook, ready, epochAtLeast } from './harness.mjs';

before(() =>
  startSite([
    'index.html',
    'www/experiment-worker.js',
    'www/digits-worker.js',
    'data/digits.bin',
    'pkg/ed_playground_bg.wasm',
    'pkg/ed_digits_bg.wasm',
  ]),
);
after(stopSite);

const text = (page, sel) => page.locator(sel).evaluate((n) => n.textContent.replace(/\s+/g, ' ').trim());

test('the views of a race on moons speak Japanese', () =>
  withPage('?lang=ja&task=moons&race=1&stop=never&speed=20', async (page) => {
    await epochAtLeast(page, 5);
    // Moons has a test set and hundreds of points: the scores, ED's and backprop's.
    const table = await until(
      () => text(page, '#truth'),
      (t) => t.includes('逆伝播 テスト'),
      { what: 'the scores table in Japanese' },
    );
    for (const word of ['スコア', '損失', '正解率', 'ED 学習', 'ED テスト', '逆伝播 学習'])
      assert.ok(table.includes(word), `${word} in “${table}”`);
    assert.doesNotMatch(table, /Scores|loss|accuracy|train|test/);
    // One output: the key names its values 0 and 1, and the test set's hollow mark.
    const key = await page.locator('#output-key > span').allTextContents();
    assert.deepEqual(key, ['0', '1', 'テストデータ (白抜き)']);

    // The loss chart: series and legend, ED's test loss in Japanese (waited for
    // itself: the chart draws every other frame, after the table may have).
    const series = await until(
      () => hook(page, 'lossSeries()'),
      (s) => s.length >= 4,
      { what: "the race's four loss series" },
    );
    assert.deepEqual(series.map((s) => s.label).slice(-3), ['ED テスト', '逆伝播', '逆伝播 テスト']);
    const legend = await page.locator('#loss-chart .u-legend').evaluate((n) => n.textContent);
    assert.ok(legend.includes('エポック') && legend.includes('ED テスト'), legend);
    assert.ok(!/epoch|Backprop/.test(legend), legend);
    // The solved marks, once a method solves moons.
    const solved = await until(
      () => hook(page, 'lossMarks()'),
      (m) => m?.some((x) => /が解けた/.test(x.label)),
      { what: 'a solved mark', timeout: 40000 },
    );
    for (const m of solved.filter((x) => !x.label.startsWith('→ ')))
      assert.match(m.label, /^(ED が解けた|逆伝播が解けた): エポック \d+$/);

    // The network: a tooltip in Japanese when the pointer is on an output unit.
    const box = await page.locator('#network').boundingBox();
    let tip = '';
    for (let y = 30; y < box.height && !tip.includes('出力層'); y += 3) {
      await page.mouse.move(box.x + box.width - 22, box.y + y);
      tip = (await page.locator('#network-tip').isVisible()) ? await text(page, '#network-tip') : '';
    }
    assert.match(tip, /^出力層のユニット 0: (興奮性 \(\+\)|抑制性 \(−\))、入力側の重みの大きさの平均 /);
  }));

test("Kaneko's rule marks his stop in Japanese", () =>
  withPage('?lang=ja&rule=kaneko&stop=never&speed=5', async (page) => {
    await ready(page);
    const marks = await until(
      () => hook(page, 'lossMarks()'),
      (m) => m?.some((x) => x.label.startsWith('金子')),
      { what: "Kaneko's stop mark" },
    );
    assert.match(marks.find((x) => x.label.startsWith('金子')).label, /^金子の停止条件: エポック \d+$/);
  }));

test('both cards speak Japanese, before and after a small run', () =>
  withPage('?lang=ja&stop=never', async (page) => {
    await epochAtLeast(page, 3);
    const xp = page.locator('#card-experiment');
    await xp.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.__edExperiment, null, { timeout: 15000 });
    assert.equal(await text(page, '#h-experiment'), '金子勇の実験');
    assert.equal(await text(page, '#xp-status'), 'まだ実行していません。破線は金子が発表した平均値です。');
    assert.equal(await xp.locator('#xp-progress').getAttribute('aria-label'), '実験の進み具合');
    assert.equal(await xp.locator('#xp-bp-lr option[value="0.8"]').textContent(), '0.8 (金子の alpha)');
    await xp.getByLabel('大きさごとの試行数').fill('2');
    await xp.getByLabel('隠れユニット数の上限').selectOption('16');
    await xp.getByRole('button', { name: '金子の実験を実行', exact: true }).click();
    const done = await until(
      () => text(page, '#xp-status'),
      (t) => t.startsWith('完了'),
      { what: 'the experiment done', timeout: 60000 },
    );
    assert.match(done, /^完了: 16 回の試行、\d+\.\d s。$/);
    assert.equal(await text(page, '#xp-caption'), '金子の停止条件までの平均エポック数、シード 1〜2 (金子は 100 回)');
    assert.equal(await text(page, '#xp-bp-head'), '逆伝播 (学習率 0.8, ここ)');

    const dg = page.locator('#card-digits');
    await dg.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.__edDigits, null, { timeout: 15000 });
    assert.equal(await text(page, '#h-digits'), '手書き数字');
    assert.equal(await text(page, '#dg-status'), 'まだ実行していません。');
    await dg.getByLabel('エポック数').selectOption('1');
    await dg.getByLabel('学習に使う数字').selectOption('500');
    await dg.getByLabel('テストに使う数字').selectOption('200');
    await dg.getByLabel('隠れユニット数').selectOption('16');
    await dg.getByRole('button', { name: '手書き数字を学習', exact: true }).click();
    const dgDone = await until(
      () => text(page, '#dg-status'),
      (t) => t.startsWith('完了'),
      { what: 'the digits done', timeout: 90000 },
    );
    assert.match(
      dgDone,
      /^完了 \(\d+\.\d s\): 1 エポックの学習で、テスト用数字の正解率は ED \d+\.\d %、逆伝播 \d+\.\d %。$/,
    );
    assert.equal(await text(page, '#dg-table caption'), '各エポック後のテスト用数字の正解率');
    const heads = await dg.locator('#dg-table thead th').allTextContents();
    assert.deepEqual(heads, ['エポック', 'ED', '逆伝播']);
  }));
