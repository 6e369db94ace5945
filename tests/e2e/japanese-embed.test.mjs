// End-to-end tests of <ed-playground> in Japanese (issue 14): its language from
// its `lang` attribute, else the nearest one around it, else the browser's; its
// own words (buttons, cards, the solved panel, an author's messages) in that
// language; a change of `lang` rebuilding it; the Japanese example post's
// figures training; the iframe page's `?lang=`. The status line's words are the
// page's (tests of the page's Japanese check them), so none is read here.
// Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, until, hook, ready, epochAtLeast, addFigure } from './harness.mjs';

before(() =>
  startSite([
    'ed-playground.js',
    'embed.html',
    'examples/blog-post.html',
    'examples/blog-post.ja.html',
    'pkg/ed_playground_bg.wasm',
  ]),
);
after(stopSite);

/** The accessible name of the element's reset button, once it has one in this language. */
const resetNamed = (figure, name) => figure.getByRole('button', { name, exact: true }).first().waitFor();

/** The texts of the element's solved panel (hidden until solved: read as markup, not as the reader sees it). */
const solvedPanel = (figure) =>
  figure.evaluate((e) => {
    const $ = (id) => e.shadowRoot.getElementById(id);
    return [
      $('solved').getAttribute('aria-label'),
      $('solved-replay').textContent,
      $('solved-keep').textContent,
      $('solved-close').getAttribute('aria-label'),
    ];
  });

test('the Japanese post: its four figures speak Japanese (from <html lang="ja">) and train', () =>
  withPage('examples/blog-post.ja.html', async (page) => {
    const figures = page.locator('ed-playground');
    assert.equal(await figures.count(), 4);
    for (const f of await figures.all()) {
      await ready(f);
      await resetNamed(f, 'リセット');
      assert.equal(await f.getByRole('button', { name: 'Reset', exact: true }).count(), 0);
      assert.equal(await f.locator('#card-loss').getAttribute('aria-label'), '損失');
      assert.deepEqual(await solvedPanel(f), ['解けました', 'もう一度再生', '学習を続ける', '閉じる']);
    }
    // The trio learns XOR: every figure's engine past epoch 150, its table's four rows right. The
    // post's longer introduction puts the trio below the fold, where the figures wait: the reader scrolls.
    await page.locator('.trio').scrollIntoViewIfNeeded();
    for (const f of await page.locator('.trio ed-playground').all()) {
      await epochAtLeast(f, 150);
      await until(
        () => f.locator('#truth tbody tr.ok').count(),
        (n) => n === 4,
        { what: 'a table with its 4 rows right' },
      );
    }
    await page.locator('figure.race').scrollIntoViewIfNeeded();
    await epochAtLeast(figures.nth(3), 20);
    assert.equal(page.problems.wasm, 1, 'the four share one engine');
  }));

test('lang="ja" on an English page, and inside <div lang="ja">: Japanese buttons and messages; the page\'s others stay English', () =>
  withPage('examples/blog-post.html', async (page) => {
    const own = await addFigure(page, 'own', {
      lang: 'ja',
      lose: 'bce',
      theme: 'drak',
      views: 'chart,netwrk',
      controls: 'play,reset',
      stop: 'never',
    });
    await page.evaluate(() => {
      const div = document.createElement('div');
      div.lang = 'ja';
      div.id = 'ja-box';
      document.querySelector('article').prepend(div);
    });
    const inherited = await addFigure(page, 'inherited', { controls: 'play,reset,step', stop: 'never' }, '#ja-box');
    for (const f of [own, inherited]) {
      await ready(f);
      await resetNamed(f, 'リセット');
      assert.deepEqual(await solvedPanel(f), ['解けました', 'もう一度再生', '学習を続ける', '閉じる']);
      await epochAtLeast(f, 10);
    }
    assert.equal(await inherited.getByRole('button', { name: '1 エポック進める', exact: true }).count(), 1);
    // A misspelled attribute, a wrong value and a wrong token, each named in Japanese with what was meant.
    await own
      .locator('.notice', {
        hasText: '「lose」は ED Playground の属性ではないので無視します。loss="bce" のことですか？',
      })
      .waitFor();
    await own
      .locator('.notice', {
        hasText:
          '属性「theme」: light, dark, auto のいずれかを指定してください（「drak」は使えません）。dark のことですか？ auto を使います。',
      })
      .waitFor();
    await own
      .locator('.notice', {
        hasText:
          '属性「views」の 「netwrk」 は指定できません（chart, network, weights, histogram, map, table から選びます）。network のことですか？ chart を使います。',
      })
      .waitFor();
    // The post's own figures (inside <html lang="en">) stay English.
    const first = page.locator('.trio ed-playground').first();
    await resetNamed(first, 'Reset');
    assert.equal(await first.locator('#card-loss').getAttribute('aria-label'), 'Loss');
  }));

// HTML inherits `lang` across a shadow root from its host: a figure inside
// another component on a Japanese part of a page speaks Japanese.
test('inside another component\'s shadow root, under <div lang="ja">: the figure speaks Japanese', () =>
  withPage('examples/blog-post.html', async (page) => {
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.lang = 'ja';
      const host = document.createElement('div');
      host.id = 'component';
      box.append(host);
      document.querySelector('article')?.prepend(box);
      const figure = document.createElement('ed-playground');
      figure.setAttribute('controls', 'play,reset');
      figure.setAttribute('stop', 'never');
      // The figure is the shadow root's own child: it has no parent element.
      host.attachShadow({ mode: 'open' }).append(figure);
    });
    const figure = page.locator('#component ed-playground');
    await resetNamed(figure, 'リセット');
    await epochAtLeast(figure, 10);
  }));

test('lang="en" on the Japanese page stays English; changing lang rebuilds it in the new language', () =>
  withPage('examples/blog-post.ja.html', async (page) => {
    const figure = await addFigure(page, 'en', { lang: 'en', tsk: 'moons', controls: 'play,reset', stop: 'never' });
    await ready(figure);
    await resetNamed(figure, 'Reset');
    await figure
      .locator('.notice', {
        hasText: '“tsk” is not an attribute of ED Playground: did you mean task="moons"? Ignored.',
      })
      .waitFor();
    assert.deepEqual(await solvedPanel(figure), ['Solved', 'Replay', 'Keep training', 'Close']);
    // Its language is read when it starts; a new `lang` starts it again, in Japanese, and it runs.
    await figure.evaluate((e) => e.setAttribute('lang', 'ja'));
    await resetNamed(figure, 'リセット');
    await figure
      .locator('.notice', {
        hasText: '「tsk」は ED Playground の属性ではないので無視します。task="moons" のことですか？',
      })
      .waitFor();
    await ready(figure);
    await epochAtLeast(figure, 10);
    // And back: without its own, it takes the page's (Japanese).
    await figure.evaluate((e) => e.setAttribute('lang', 'en'));
    await resetNamed(figure, 'Reset');
    await figure.evaluate((e) => e.removeAttribute('lang'));
    await resetNamed(figure, 'リセット');
  }));

test("embed.html?lang=ja: the frame and its figure in Japanese, training; without lang=, the browser's language", async () => {
  await withPage('embed.html?lang=ja&loss=bce&controls=play,reset&views=chart,table&theme=drak', async (page) => {
    const figure = page.locator('ed-playground');
    await ready(figure);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    assert.equal(await figure.getAttribute('lang'), 'ja');
    await resetNamed(figure, 'リセット');
    await figure
      .locator('.notice', {
        hasText:
          '属性「theme」: light, dark, auto のいずれかを指定してください（「drak」は使えません）。dark のことですか？ auto を使います。',
      })
      .waitFor();
    assert.equal((await hook(figure, 'state')).loss, 'bce');
    await epochAtLeast(figure, 50);
  });
  // A Japanese browser, no lang=: Japanese; lang=en overrides it.
  await withPage('embed.html?controls=reset', { locale: 'ja-JP' }, async (page) => {
    await resetNamed(page.locator('ed-playground'), 'リセット');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  });
  await withPage('embed.html?controls=reset&lang=en', { locale: 'ja-JP' }, async (page) => {
    await resetNamed(page.locator('ed-playground'), 'Reset');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  });
});

test('lang="ja" without its engine file: the message names the file to copy, in Japanese', () =>
  withPage(
    'examples/blog-post.ja.html',
    {
      clean: false,
      setup: (page) =>
        page.route('**/pkg/ed_playground_bg.wasm', (route) =>
          route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }),
        ),
    },
    async (page) => {
      const figure = page.locator('ed-playground').first();
      const url = new URL('pkg/ed_playground_bg.wasm', page.url().replace(/examples\/.*$/, '')).href;
      const notice = figure.locator('.notice');
      await notice.waitFor();
      assert.equal(
        await notice.textContent(),
        'ED Playground を起動できません: 学習エンジンのファイルが見つかりません。ビルドの dist/pkg/ed_playground_bg.wasm を ' +
          `ed-playground.js の隣の pkg/ed_playground_bg.wasm、つまり ${url} にコピーしてください（サーバーの応答: 404 Not Found）。`,
      );
      assert.equal(await figure.getByRole('status').textContent(), '停止しました');
    },
  ));
