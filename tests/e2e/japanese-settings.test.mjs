// The parameters in Japanese (issue 14): the fields' labels, options and help,
// the help toggle, the sliders' values and every refusal (a link's and a
// field's) come from the engine's schema and words/settings.js in the page's
// language; `?lang=en`, and an English browser with no `lang`, stay English.
// Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, until, ready, notices } from './harness.mjs';

before(() => startSite(['index.html', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

// A letter of Japanese: kana or a kanji.
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
// Names kept as they are in a Japanese course: the tasks' and losses' own.
const PROPER = new Set(['MSE', 'BCE', 'XOR', 'AND', 'OR', 'NAND']);
const japaneseOrProper = (text) => JAPANESE.test(text) || PROPER.has(text.trim());

/** The settings' words as a reader meets them: each field's label, each option, each help text. */
const settingsWords = (page) =>
  page.locator('.fields').evaluate((box) => ({
    labels: [...box.querySelectorAll('label')].map((l) => l.textContent.trim()),
    options: [...box.querySelectorAll('option')].map((o) => o.textContent.trim()),
    hints: [...box.querySelectorAll('.hint')].map((h) => h.textContent.trim()),
    titles: [...box.querySelectorAll('input[title], select[title]')].map((i) => i.title),
    dice: box.querySelector('#random-seed')?.getAttribute('aria-label'),
    toggle: box.querySelector('.help-toggle')?.textContent,
  }));

test('?lang=ja: every label, option and help text of the settings is Japanese', () =>
  withPage('?lang=ja&paused=1', async (page) => {
    await ready(page);
    const loss = page.getByRole('combobox', { name: '損失関数', exact: true });
    assert.equal(await loss.evaluate((s) => s.tagName), 'SELECT');
    assert.deepEqual(await loss.locator('option').allTextContents(), ['MSE', 'BCE', 'BCE (ロジット入力)']);
    const w = await settingsWords(page);
    assert.ok(w.labels.length >= 8 && w.options.length >= 10 && w.hints.length >= 8, JSON.stringify(w));
    for (const text of [...w.labels, ...w.options]) assert.ok(japaneseOrProper(text), `not Japanese: “${text}”`);
    for (const text of [...w.hints, ...w.titles]) assert.match(text, JAPANESE);
    assert.equal(w.dice, '乱数シードを引く');
    assert.equal(w.toggle, 'それぞれの意味');
    assert.match(await page.locator('#speed-out').textContent(), /^\d+ フレームに 1 エポック$|エポック\/フレーム$/);
    await page.getByRole('button', { name: 'それぞれの意味' }).click();
    await page.getByRole('button', { name: '説明を隠す' }).waitFor();
  }));

test('?lang=ja: a refused link value and a refused typed value are told in Japanese', () =>
  withPage('?lang=ja&paused=1&lr=abc', async (page) => {
    await ready(page);
    const [link] = await until(
      () => notices(page),
      (n) => n.some((t) => t.includes('「lr」')),
      { what: "the link's notice about lr" },
    );
    assert.match(
      link,
      /^URL パラメータ「lr」は 0 より大きく 1e308 以下の数でなければなりません \(「abc」は不可\)。[\d.]+ を使います。/,
    );
    const rate = page.getByLabel('学習率', { exact: true });
    await rate.fill('-2');
    await rate.press('Enter');
    const seen = await until(
      () => notices(page),
      (n) => n.some((t) => t.startsWith('学習率は ')),
      { what: "the field's notice" },
    );
    assert.ok(
      seen.some((t) => t.includes('(「-2」は不可)')),
      `${seen}`,
    );
    await page.locator('.notice').first().getByRole('button', { name: '閉じる' }).click();
    await until(
      () => notices(page),
      (n) => n.length === 0,
      { what: 'the notice dismissed' },
    );
  }));

for (const [what, path] of [
  ['?lang=en', '?lang=en&paused=1&lr=abc'],
  ['no lang, an English browser', '?paused=1&lr=abc'],
]) {
  test(`${what}: the settings stay English`, () =>
    withPage(path, { locale: 'en-US' }, async (page) => {
      await ready(page);
      const loss = page.getByRole('combobox', { name: 'Loss function', exact: true });
      assert.deepEqual(await loss.locator('option').allTextContents(), ['MSE', 'BCE', 'BCE with logits']);
      const w = await settingsWords(page);
      for (const text of [...w.labels, ...w.options, ...w.hints]) assert.doesNotMatch(text, JAPANESE);
      assert.equal(w.dice, 'Draw a random seed');
      assert.equal(w.toggle, 'What these mean');
      const [link] = await until(
        () => notices(page),
        (n) => n.some((t) => t.includes('“lr”')),
        { what: "the link's notice about lr" },
      );
      assert.match(
        link,
        /^URL parameter “lr” must be a number greater than 0 and at most 1e308, not “abc”; using [\d.]+\./,
      );
    }));
}
