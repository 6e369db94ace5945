// Opened in Japanese, nothing a reader sees or hears is left in English: every
// visible text node and every accessible name (aria-label, title, alt,
// placeholder) of the page, of an element on it and of both cards far down,
// walked and held against an allow-list of proper names, symbols and units.
// Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, until } from './harness.mjs';
import { viewRegistry } from '../../scripts/view-registry.mjs';

const EVERY_VIEW = (await viewRegistry()).tokens.join(','); // www/views/registry.js

before(() => startSite(['index.html', 'embed.html', 'ed-playground.js', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

// Japanese: kana, CJK ideographs, the long vowel mark and Japanese punctuation.
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
// What stays as it is in Japanese: names of methods, tasks, losses and symbols,
// numbers, units and signs. A text made only of these (and spaces) is allowed.
const ALLOWED = [
  'ED Playground',
  'ED',
  'MSE',
  'BCE',
  'BCE with logits',
  'XOR',
  'AND',
  'OR',
  'NAND',
  'English',
  'x0',
  'x1',
  'x2',
  'x3',
  'u0',
  'u1',
  'alpha',
  'beta',
  'w',
  'y',
  't',
  'p',
  'Kaneko',
  'Space',
  'S',
  'R',
  'CSV',
  'JSON',
  'px',
  'ms',
  'KB',
  'MB',
  'e',
  'epoch', // 'epoch' only inside uPlot's hidden legend: see below
];
const allowed = (text) => {
  let rest = text;
  for (const word of [...ALLOWED].sort((a, b) => b.length - a.length)) rest = rest.split(word).join(' ');
  // Numbers, signs and punctuation carry no language.
  return /^[\s\d.,:;%+\-−–—·×→←↑↓()[\]{}|/=<>'"“”≥≤^_*#&!?✓✗⁰¹²³⁴⁵⁶⁷⁸⁹⁻…]*$/.test(rest);
};

/** Every visible text and accessible name under `root` (a document or a shadow root, shadows included). */
const walk = (scope) =>
  scope.evaluate(() => {
    const found = [];
    const visible = (el) => {
      for (let e = el; e; e = e.parentElement ?? e.getRootNode().host) {
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden' || e.hidden) return false;
      }
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const visit = (root) => {
      const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = texts.nextNode(); n; n = texts.nextNode()) {
        const t = n.textContent.trim();
        const el = n.parentElement;
        if (!t || !el || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION'].includes(el.tagName) || !visible(el)) continue;
        if (el.closest('pre, code, .snippet')) continue; // code is code
        found.push({
          text: t,
          where: `${el.tagName.toLowerCase()}#${el.id || ''}.${el.className?.baseVal ?? el.className ?? ''}`,
        });
      }
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (!visible(el)) continue;
        for (const attr of ['aria-label', 'title', 'alt', 'placeholder']) {
          const t = el.getAttribute(attr)?.trim();
          if (t) found.push({ text: t, where: `${el.tagName.toLowerCase()}#${el.id || ''}[${attr}]` });
        }
      }
      // A select's chosen option is what it shows.
      for (const s of root.querySelectorAll('select'))
        if (visible(s) && s.selectedOptions[0])
          found.push({ text: s.selectedOptions[0].textContent.trim(), where: `select#${s.id}` });
    };
    visit(document);
    return found;
  });

const english = (found) => found.filter(({ text }) => !JAPANESE.test(text) && !allowed(text));

test('?lang=ja: no English a reader sees or hears on the page, in the settings and help, the Embed this dialog, and both cards after a run', () =>
  withPage(
    '?lang=ja&task=moons&race=1&speed=20&stop=never',
    { viewport: { width: 1280, height: 900 } },
    async (page) => {
      await until(
        () => page.locator('#status').textContent(),
        (t) => /^エポック \d+/.test(t),
        { what: 'a Japanese status line' },
      );
      // The help under the fields, shown.
      await page.locator('.fields').getByRole('button').last().click();
      const left = [...english(await walk(page))];
      // The two cards far down, after a tiny run each.
      await page.locator('#card-experiment').scrollIntoViewIfNeeded();
      await page.locator('#xp-runs').fill('2');
      await page.locator('#xp-largest').selectOption('16');
      await page.locator('#xp-run').click();
      // Done: every run of both methods counted (2 runs, sizes 2 to 16: 4 sizes).
      await until(
        () => page.evaluate(() => window.__edExperiment?.done),
        (n) => n === 2 * 4 * 2,
        { what: "Kaneko's experiment done", timeout: 60000 },
      );
      await until(
        () => page.evaluate(() => window.__edExperiment.running),
        (r) => r === false,
        { what: "Kaneko's experiment stopped" },
      );
      await page.locator('#card-digits').scrollIntoViewIfNeeded();
      await page.locator('#dg-epochs').selectOption('1');
      await page.locator('#dg-train').selectOption('500');
      await page.locator('#dg-test').selectOption('200');
      await page.locator('#dg-hidden').selectOption('16');
      await page.locator('#dg-run').click();
      // Done: its one epoch scored for both methods, and the run over.
      await until(
        () => page.evaluate(() => window.__edDigits?.scores()),
        (s) => s?.ed?.length === 1 && s?.backprop?.length === 1,
        { what: 'the digits run scored', timeout: 120000 },
      );
      await until(
        () => page.evaluate(() => window.__edDigits.running),
        (r) => r === false,
        { what: 'the digits run stopped' },
      );
      left.push(...english(await walk(page)));
      // The dialog, open.
      await page.locator('#embed-this').click();
      left.push(...english(await walk(page)));
      const unique = [...new Map(left.map((x) => [x.text + x.where, x])).values()];
      assert.deepEqual(
        unique,
        [],
        `English left on the Japanese page:\n${unique.map((x) => `  ${x.where}: ${x.text}`).join('\n')}`,
      );
    },
  ));

test('a Japanese element (lang="ja"), with its controls and views, speaks no English', () =>
  withPage(
    `embed.html?lang=ja&task=moons&race=1&speed=20&stop=never&views=${EVERY_VIEW}&controls=play,step,reset,loss,rule,lr,speed,task,noise,test_fraction,layers,race,seed`,
    async (page) => {
      const figure = page.locator('ed-playground');
      await until(
        () => figure.locator('#status').textContent(),
        (t) => /^エポック \d+/.test(t),
        { what: "the element's Japanese status line" },
      );
      const unique = [...new Map(english(await walk(page)).map((x) => [x.text + x.where, x])).values()];
      assert.deepEqual(
        unique,
        [],
        `English left in the Japanese element:\n${unique.map((x) => `  ${x.where}: ${x.text}`).join('\n')}`,
      );
    },
  ));

test("?lang=ja: the reader's own points, their tools, a refused file and the note speak no English", () =>
  withPage(
    '?lang=ja&task=points3&data=AT6JYE2KUDSLGEYHgLuJYcqKUbGLGcMHgX0XcowYYnMZKoSVkg&stop=never',
    { viewport: { width: 1280, height: 900 } },
    async (page) => {
      await until(
        () => page.locator('#status').textContent(),
        (t) => /^エポック \d+/.test(t),
        { what: 'a Japanese status line' },
      );
      await page
        .locator('#points-load')
        .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('0,0,5\n') });
      await page.locator('.notice', { hasText: '1 行目' }).waitFor();
      await page.getByRole('button', { name: '消す', exact: true }).click();
      const left = english(await walk(page));
      assert.deepEqual(left, [], `English left:\n${left.map((x) => `  ${x.where}: ${x.text}`).join('\n')}`);
    },
  ));
