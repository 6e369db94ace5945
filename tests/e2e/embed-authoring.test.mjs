// End-to-end tests of <ed-playground> as a blog author writes it (issue 13,
// items 7, 9 and 10): the layer sizes as `layers` under a site's `[hidden]`
// reset, mistakes named in the console and in the figure with what was
// probably meant, one rule for every flag, and the script copied without its
// wasm. Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, hook, ready, epochAtLeast, notices, addFigure } from './harness.mjs';

before(() => startSite(['ed-playground.js', 'embed.html', 'examples/blog-post.html', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

/** Records the page's console warnings from before it loads: `page.warnings`. */
const recordWarnings = (page) => {
  page.warnings = [];
  page.on('console', (m) => m.type() === 'warning' && page.warnings.push(m.text()));
};

/** The example post, with one figure of `attrs` alone in place of its article (the post's own four removed). */
const alone = (attrs, body) =>
  withPage('examples/blog-post.html', { setup: recordWarnings }, async (page) => {
    await page.evaluate(() => document.querySelectorAll('ed-playground, figure.wide').forEach((e) => e.remove()));
    const figure = await addFigure(page, 'mine', attrs);
    await ready(figure);
    return body(page, figure);
  });

test('layers under a site\'s [hidden] { display: none } reset: shown, trains; an older hidden="7" too, with a console warning; a bare hidden hides', () =>
  withPage('examples/blog-post.html', { setup: recordWarnings }, async (page) => {
    // The resets of normalize.css and Tailwind's preflight, and a stricter one (CSSOM: the CSP allows no inline style).
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '[hidden] { display: none } [hidden]:where(:not([hidden="until-found"])) { display: none !important; }',
      );
      document.adoptedStyleSheets = [sheet];
    });
    const figure = await addFigure(page, 'layers', { layers: '6,5', stop: 'never', views: 'chart,table' });
    const old = await addFigure(page, 'old', { hidden: '7', stop: 'never', views: 'chart' });
    for (const f of [figure, old]) {
      await ready(f);
      const box = await f.boundingBox();
      assert.ok(box && box.height > 200, `shown: ${JSON.stringify(box)}`);
      await epochAtLeast(f, 10);
    }
    assert.deepEqual((await hook(figure, 'state')).hidden, [6, 5]);
    assert.deepEqual((await hook(old, 'state')).hidden, [7]);
    assert.ok(
      page.warnings.some((w) => w.includes('hidden="7"') && w.includes('layers="7"')),
      `a warning naming layers: ${page.warnings}`,
    );
    assert.equal(page.warnings.filter((w) => w.includes('hidden=')).length, 1, 'none for layers');
    // HTML's own hidden, bare (as `element.hidden = true` writes it), hides it; taken away, it shows again.
    await figure.evaluate((e) => {
      e.hidden = true;
    });
    assert.equal(await figure.boundingBox(), null, 'hidden as HTML means it');
    await figure.evaluate((e) => {
      e.hidden = false;
    });
    assert.ok((await figure.boundingBox()).height > 200);
    assert.deepEqual(await notices(figure), []);
  }));

test('tsk="moons": named in the console and in the figure, with the attribute it meant; the rest applies', () =>
  alone({ tsk: 'moons', seed: '3', 'data-note': 'mine', 'aria-label': 'A live figure' }, async (page, figure) => {
    const text = '“tsk” is not an attribute of ED Playground: did you mean task="moons"? Ignored.';
    await figure.locator('.notice', { hasText: text }).waitFor();
    assert.ok(await figure.locator('.notice', { hasText: text }).isVisible());
    assert.ok(page.warnings.includes(`<ed-playground>: ${text}`), `console: ${page.warnings}`);
    // HTML's own attributes, data-* and aria-* are no mistake; the good ones apply.
    assert.equal((await notices(figure)).length, 1);
    assert.deepEqual((({ task, seed }) => [task, seed])(await hook(figure, 'state')), ['xor', 3]);
    // A name far from every attribute: the list of them instead.
    await figure.evaluate((e) => {
      e.setAttribute('colour', 'red');
      e.setAttribute('views', 'chart');
    }); // `views` rebuilds: all read again
    await figure
      .locator('.notice', { hasText: '“colour” is not an attribute of ED Playground (it takes loss, rule, lr, ' })
      .waitFor();
  }));

test('controls="play,pause,hidden": the play button kept, pause and hidden named (hidden: did you mean layers?)', () =>
  alone({ controls: 'play,pause,hidden', autoplay: 'no' }, async (page, figure) => {
    const notice = figure.locator('.notice', {
      hasText: 'Attribute “controls” has “pause”, “hidden”, not one of play, step, reset, loss, ',
    });
    await notice.waitFor();
    const text = await notice.locator('span').textContent(); // without its dismiss button
    assert.match(text, /, layers, .*\(did you mean layers\?\); using play\.$/, text);
    assert.ok(page.warnings.some((w) => w.includes('“pause”')));
    assert.equal(await figure.getByRole('button', { name: 'Play', exact: true }).count(), 1);
    assert.equal(await figure.locator('.fields').count(), 0, 'no other control');
    // autoplay="no" (the flag rule): paused at epoch 0 until Play.
    assert.equal((await hook(figure, 'state')).paused, true);
    await figure.getByRole('button', { name: 'Play', exact: true }).click();
    await epochAtLeast(figure, 2);
    // views: the bad token named, the good one kept; all bad, the default.
    await figure.evaluate((e) => e.setAttribute('views', 'map,graph'));
    await ready(figure);
    await figure
      .locator('.notice', {
        hasText: 'Attribute “views” has “graph”, not one of chart, network, weights, histogram, map, table; using map.',
      })
      .waitFor();
    assert.deepEqual([await figure.locator('#map').count(), await figure.locator('#loss-chart').count()], [1, 0]);
    await figure.evaluate((e) => e.setAttribute('views', 'netwrk'));
    await ready(figure);
    await figure
      .locator('.notice', {
        hasText:
          'Attribute “views” has “netwrk”, not one of chart, network, weights, histogram, map, table (did you mean network?); using chart.',
      })
      .waitFor();
  }));

test('task="moon" suggests moons, repeating the value; the link\'s reader says the same', () =>
  alone({ task: 'moon', theme: 'drak' }, async (page, figure) => {
    await figure
      .locator('.notice', {
        hasText:
          'Attribute “task” must be one of xor, and, or, nand, parity, adder, circle, gaussians, spiral, moons, spiral3, points, points3, not “moon” (did you mean moons?); using xor.',
      })
      .waitFor();
    await figure
      .locator('.notice', {
        hasText: 'Attribute “theme” must be one of light, dark, auto, not “drak” (did you mean dark?); using auto.',
      })
      .waitFor();
    assert.ok(page.warnings.some((w) => w.includes('did you mean moons?')));
    assert.equal((await hook(figure, 'state')).task, 'xor');
    // The page's link, read by the same engine.
    await withPage('?task=moon', async (index) => {
      await index.locator('.notice', { hasText: 'not “moon” (did you mean moons?)' }).waitFor();
    });
  }));

test('one rule for every flag: race="yes", the bare race, autoplay="false", shuffle="ON"; race="maybe" named', () =>
  alone({ race: 'yes', task: 'moons', views: 'chart,map', autoplay: 'false', shuffle: 'ON' }, async (_page, figure) => {
    const state = await hook(figure, 'state');
    assert.deepEqual([state.race, state.paused, state.shuffle], [true, true, true]);
    assert.ok(await figure.locator('#map-bp').isVisible(), 'racing');
    assert.deepEqual(await notices(figure), []);
    await figure.evaluate((e) => e.setAttribute('race', 'no'));
    assert.equal((await hook(figure, 'state')).race, false);
    await figure.evaluate((e) => e.setAttribute('race', ''));
    assert.equal((await hook(figure, 'state')).race, true, 'the bare attribute is on');
    await figure.evaluate((e) => e.setAttribute('race', 'maybe'));
    await figure
      .locator('.notice', {
        hasText: 'Attribute “race” must be 1 or 0 (or yes, no, true, false, on, off), not “maybe”; using 0.',
      })
      .waitFor();
    assert.equal((await hook(figure, 'state')).race, false);
    // autoplay, the element's own flag, by the same rule.
    await figure.evaluate((e) => e.setAttribute('autoplay', 'on'));
    await epochAtLeast(figure, 2);
    await figure.evaluate((e) => e.setAttribute('autoplay', 'perhaps'));
    await figure
      .locator('.notice', {
        hasText: 'Attribute “autoplay” must be 1 or 0 (or yes, no, true, false, on, off), not “perhaps”; using true.',
      })
      .waitFor();
  }));

// Copied alone, the script finds no engine beside it: each figure says which
// file to copy where, and offers no Reload, which could not bring the file.
for (const [what, answer, said] of [
  [
    'a 404',
    (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }),
    'it answered 404 Not Found',
  ],
  [
    'a site\'s "not found" page (200, HTML)',
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Not here' }),
    'it answered with a text/html page, not the engine',
  ],
]) {
  test(`ed-playground.js without its wasm (${what}): every figure names the file to copy and where`, () =>
    withPage(
      'examples/blog-post.html',
      {
        clean: false,
        viewport: { width: 360, height: 780 },
        setup: (page) => page.route('**/pkg/ed_playground_bg.wasm', answer),
      },
      async (page) => {
        const figures = page.locator('ed-playground');
        assert.equal(await figures.count(), 4);
        const url = new URL('pkg/ed_playground_bg.wasm', page.url().replace(/examples\/.*$/, '')).href;
        for (const f of await figures.all()) {
          const notice = f.locator('.notice');
          await notice.waitFor();
          const text = await notice.textContent();
          assert.equal(
            text,
            `ED Playground cannot start: its learning engine is missing. Copy dist/pkg/ed_playground_bg.wasm from the build to pkg/ed_playground_bg.wasm next to ed-playground.js, that is to ${url} (${said}).`,
          );
          assert.equal(await f.getByRole('button', { name: 'Reload' }).count(), 0);
          assert.ok(await notice.isVisible());
          // On a phone too, its long URL wraps inside the figure.
          const [n, e] = [await notice.boundingBox(), await f.boundingBox()];
          assert.ok(n.x + n.width <= e.x + e.width, `the notice inside the figure: ${JSON.stringify([n, e])}`);
          assert.equal(await f.getByRole('status').textContent(), 'stopped');
        }
        assert.ok(
          page.problems.errors.some((e) => e.includes('Copy dist/pkg/ed_playground_bg.wasm')),
          'said in the console too',
        );
      },
    ));
}

test('a wasm request the network drops once: each figure tries again and runs, with its controls and attributes', () =>
  withPage(
    'examples/blog-post.html',
    {
      clean: false,
      setup: async (page) => {
        let dropped = 0;
        await page.route('**/pkg/ed_playground_bg.wasm', (route) =>
          dropped++ ? route.continue() : route.abort('connectionreset'),
        );
      },
    },
    async (page) => {
      const figures = page.locator('ed-playground');
      for (const f of await figures.all()) await ready(f);
      const bce = figures.nth(1);
      assert.deepEqual((({ loss, stop }) => [loss, stop])(await hook(bce, 'state')), ['bce', 'never']);
      assert.equal(await bce.getByRole('button', { name: 'Reset' }).count(), 1, 'its controls');
      assert.deepEqual(await notices(bce), []);
      await epochAtLeast(bce, 5);
    },
  ));
