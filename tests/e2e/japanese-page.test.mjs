// The page in Japanese (issue 14): `?lang=ja` gives the markup's words, the
// status line, the solved panel, Copy link, the Embed this dialog, presentation
// mode and a frozen run's explanation in Japanese, and the language switch
// (`English`) reopens the same run in English. The harness's `statusWhen`
// reads the English line, or with 'ja' the Japanese one (`エポック N · 損失 X`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, until, statusWhen, origin, notices } from './harness.mjs';
import { addTables, learn, wordsIn } from '../../www/words/index.js';
import { TABLES as PAGE_TABLES } from '../../www/words/lang/page-en.js';

// The page learns its language's words as it starts, the figure's and its own:
// here, unbuilt, each language's module carries every language, so both are learned.
await learn('en');
addTables(PAGE_TABLES);

before(() => startSite(['index.html', 'embed.html', 'ed-playground.js', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

const ja = wordsIn('ja'),
  en = wordsIn('en');
// Marked texts the run rewrites as it goes (the status line, the play button's
// name, the panels' sentences): their first words are checked in English only.
// (The paused English page has not rewritten any but the status line.)
const REWRITTEN = new Set(['status.loading', 'solved.short', 'diverged.short', 'bar.play', 'bar.playTitle']);

/** Every static text and accessible name the page marks for its words, outside
 * the two cards of Kaneko's experiment and the digits (their words are theirs):
 * `[key, kind, what the page shows]`. */
const marked = (page) =>
  page.evaluate(() => {
    const out = [];
    for (const [attr, kind] of [
      ['data-w', 'text'],
      ['data-w-label', 'label'],
      ['data-w-title', 'title'],
    ]) {
      for (const n of document.querySelectorAll(`[${attr}]`)) {
        if (n.closest('#card-experiment, #card-digits')) continue;
        const key = n.getAttribute(attr);
        out.push([
          key,
          kind,
          kind === 'text' ? n.textContent : kind === 'label' ? n.getAttribute('aria-label') : n.title,
        ]);
      }
    }
    return out;
  });

test("in English the marked markup is the table's English, as written", () =>
  withPage('?paused=1', async (page) => {
    await statusWhen(page, (s) => s.epoch === 0, 'the English status line');
    const shown = await marked(page);
    assert.ok(shown.length > 60, `${shown.length} marked texts`);
    for (const [key, kind, text] of shown)
      if (key !== 'status.loading') assert.equal(text, en(key), `${key} (${kind})`);
  }));

test("?lang=ja: the page's words, the status line and the solved panel in Japanese; Keep training goes on", () =>
  withPage('?lang=ja', async (page) => {
    // The page speaks once its words have loaded: its first Japanese status
    // line says so, and the document's language, title and description were
    // set before it (read before it, a busy machine's page could still be English).
    const first = await statusWhen(page, (s) => s.epoch >= 1, 'a Japanese status line', 15000, 'ja');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    assert.equal(await page.title(), ja('page.title'));
    assert.equal(await page.locator('meta[name="description"]').getAttribute('content'), ja('page.description'));
    assert.ok(!/epoch|loss/.test(first.text), first.text);
    for (const [key, kind, text] of await marked(page)) {
      if (REWRITTEN.has(key)) continue;
      assert.equal(text, ja(key), `${key} (${kind})`);
      assert.notEqual(text, en(key) === ja(key) ? null : en(key), `${key} is in Japanese`);
    }
    assert.equal(await page.locator('#play').getAttribute('aria-label'), '一時停止');
    assert.equal(await page.locator('#play').getAttribute('title'), '一時停止 (スペース)');

    // The default run pauses where XOR is solved and says so in Japanese.
    const panel = page.locator('#solved');
    await page
      .locator('#solved-text')
      .filter({ hasText: /^エポック \d+ で解けました: すべてのパターンに正解し、平均損失が 0\.05 未満。/ })
      .waitFor({ timeout: 30000 });
    const at = Number(/^エポック (\d+)/.exec(await page.locator('#solved-text').textContent())[1]);
    const paused = await statusWhen(page, (s) => s.text.endsWith('一時停止中'), 'the paused line', 15000, 'ja');
    assert.equal(
      paused.text,
      `エポック ${at} · 損失 ${paused.text.split('損失 ')[1].split(' ')[0]} · エポック ${at} で解けた · 一時停止中`,
    );
    assert.equal(await page.getByRole('region', { name: '解けました' }).count(), 1);
    assert.equal(await panel.getByRole('button', { name: 'もう一度再生' }).count(), 1);
    assert.equal(await page.locator('#play').getAttribute('aria-label'), '再生');
    await panel.getByRole('button', { name: '学習を続ける' }).click();
    await statusWhen(
      page,
      (s) => s.epoch > at + 5 && / エポック\/秒$/.test(s.text),
      'training on past the solve, its rate said in Japanese',
      20000,
      'ja',
    );
    assert.ok(await panel.isHidden());
  }));

test('?lang=ja: Copy link, Embed this and Present speak Japanese', () =>
  withPage('?lang=ja&paused=1', { permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
    await statusWhen(page, (s) => s.text.endsWith('一時停止中'), 'the paused line', 15000, 'ja');
    await page.getByRole('button', { name: 'リンクをコピー' }).click();
    await page.getByRole('button', { name: 'コピーしました' }).waitFor();
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /[?&]lang=ja(&|$)/);

    await page.getByRole('button', { name: '埋め込む' }).click();
    const dialog = page.getByRole('dialog', { name: 'この学習を埋め込む' });
    await dialog.waitFor();
    assert.deepEqual(await dialog.locator('[data-copy]').allTextContents(), ['コピー', 'コピー']);
    assert.match(
      await dialog.locator('[data-snippet="iframe"]').textContent(),
      /title="ED Playground: 誤差拡散学習法のライブ実験"/,
    );
    await dialog.locator('[data-copy="element"]').click();
    await dialog.getByRole('button', { name: 'コピーしました' }).waitFor();
    await dialog.getByRole('button', { name: '閉じる' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const present = page.locator('#present');
    assert.equal(await present.textContent(), '発表モード');
    await present.click();
    await until(
      () => present.textContent(),
      (t) => t === '発表モードを終了',
      { what: 'the button naming the way out' },
    );
    assert.equal(await present.getAttribute('title'), '発表モードを終了します (Esc)');
  }));

test('?lang=ja: a frozen run is explained in Japanese, its ways out named in Japanese', () =>
  withPage(
    '?lang=ja&task=xor&loss=mse&hidden=8,8&lr=0.5&seed=42&stop=never&speed=5&changes=178:loss:bce',
    async (page) => {
      const box = page.locator('#frozen');
      await box.and(page.getByRole('alert')).waitFor({ timeout: 10000 });
      const text = await box.locator('p').textContent();
      assert.match(text, /^エポック 18\d から止まっています。すべての出力が 1 に張り付き、損失ももう動きません。/);
      assert.match(
        text,
        /損失関数ベースの学習則では、BCE に切り替えた後、その誤差信号が隠れ層のユニットを飽和させました。/,
      );
      const ways = await box.getByRole('button').allTextContents();
      assert.equal(ways.length, 2);
      assert.equal(ways[0], 'BCE でやり直す');
      assert.ok(
        ways.every((w) => w.endsWith('でやり直す')),
        ways.join(' | '),
      );
    },
  ));

test('the language switch reads English and reopens the same run in English', () =>
  withPage('?lang=ja&task=moons&paused=1', async (page) => {
    await statusWhen(page, (s) => s.text.endsWith('一時停止中'), 'the paused Japanese line', 15000, 'ja');
    const to = page.locator('#language');
    assert.equal(await to.textContent(), 'English');
    assert.equal(await to.getAttribute('lang'), 'en');
    await Promise.all([page.waitForURL(/[?&]lang=en(&|$)/), to.click()]);
    const s = await statusWhen(page, (x) => x.text.endsWith('paused'), 'the English paused line');
    assert.match(s.text, /^epoch \d+ · loss /);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(new URL(page.url()).searchParams.get('task'), 'moons');
    assert.equal(await page.locator('#language').textContent(), '日本語');
    assert.equal(await page.getByRole('button', { name: 'Copy link' }).count(), 1);
  }));

// A reader downloads one language: the page's and a figure's words come as one
// module per language, each built with that language's texts only.
for (const [path, lang, other, status] of [
  ['?lang=ja', 'ja', 'en', (page) => statusWhen(page, (s) => s.epoch >= 1, 'a Japanese status line', 15000, 'ja')],
  ['?lang=en', 'en', 'ja', (page) => statusWhen(page, (s) => s.epoch >= 1, 'an English status line')],
])
  test(`${path}: the page fetches its language's words and not the other's`, async () => {
    /** @type {string[]} */
    const words = [];
    const fetched = await withPage(
      path,
      { setup: (page) => page.on('request', (r) => words.push(new URL(r.url()).pathname)) },
      async (page) => {
        await status(page);
        return Promise.all(
          words
            .filter((p) => /\/(page-)?(en|ja)-\w+\.js$/.test(p))
            .map(async (p) => ({ p, text: await (await page.request.get(`${origin}${p}`)).text() })),
        );
      },
    );
    const names = fetched.map(({ p }) =>
      p
        .split('/')
        .pop()
        ?.replace(/-\w+\.js$/, ''),
    );
    assert.deepEqual(names.sort(), [lang, `page-${lang}`]);
    // Each language's module holds its own texts and none of the other's.
    const [mine, theirs] = lang === 'ja' ? [ja, en] : [en, ja];
    for (const { p, text } of fetched) {
      const key = p.includes('page-') ? 'masthead.lede3' : 'status.loading';
      assert.ok(text.includes(mine(key)), `${p} has “${mine(key)}”`);
      assert.ok(!text.includes(theirs(key)), `${p} has no “${theirs(key)}” (${other})`);
    }
  });

test("a language's words missing: the page's banner and a figure's frame name the file, nothing else breaks", async () => {
  const missing = (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' });
  await withPage(
    '?lang=ja',
    { clean: false, setup: (page) => page.route(/\/www\/ja-\w+\.js$/, missing) },
    async (page) => {
      const banner = page.locator('#banner');
      await banner.waitFor({ state: 'visible', timeout: 15000 });
      assert.match(await banner.locator('#banner-text').textContent(), /\/www\/ja-\w+\.js/);
      // The markup's own words stay as written (English), the Reload button among them.
      assert.equal(await page.locator('#banner-reload').textContent(), 'Reload');
    },
  );
  await withPage(
    'examples/blog-post.html',
    { clean: false, setup: (page) => page.route(/\/element\/en-\w+\.js$/, missing) },
    async (page) => {
      const alerts = page.locator('ed-playground').getByRole('alert');
      await until(
        () => alerts.count(),
        (n) => n === 4,
        { what: "every figure's alert" },
      );
      assert.match(await alerts.first().textContent(), /\/element\/en-\w+\.js/);
    },
  );
});

// A link's `lang=` is read as an element's `lang` attribute is: a BCP 47 tag,
// case-insensitive, its region ignored.
for (const tag of ['ja-JP', 'JA'])
  test(`?lang=${tag}: the page speaks Japanese and refuses nothing`, () =>
    withPage(`?lang=${tag}&paused=1`, async (page) => {
      await statusWhen(page, (s) => s.text.endsWith('一時停止中'), 'the paused Japanese line', 15000, 'ja');
      assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
      assert.deepEqual(await notices(page.locator('#notices')), []);
    }));
