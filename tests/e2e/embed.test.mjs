// End-to-end tests of the embeds in dist/: the <ed-playground> element (in the
// example blog post, and alone in embed.html) and the iframe page, in Debian's Chromium,
// served with the strict Content-Security-Policy of scripts/serve.mjs. Run
// `make dist` first. Playwright's CSS and role locators pierce open shadow roots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSite,
  stopSite,
  withPage,
  statusWhen,
  statusAt,
  until,
  hook,
  ready,
  epochAtLeast,
  notices,
  addFigure,
  recordObservers,
  outThenIn,
} from './harness.mjs';

before(() => startSite(['ed-playground.js', 'embed.html', 'examples/blog-post.html', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

// The element's read-only hook (`hook(figure, …)`) gives the engine's values as
// they are; the element's views show them a few frames later, so a test waits
// for the thing it reads (see harness.mjs).
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;

test('the blog post: three instances, one per loss, each trains and reports its own epoch and loss', (t) =>
  withPage('examples/blog-post.html', async (page) => {
    // The trio, one per loss; the post's fourth figure, a race on the moons, is further down.
    const figures = page.locator('.trio ed-playground');
    assert.equal(await figures.count(), 3);
    assert.equal(await page.locator('ed-playground').count(), 4);
    // Each builds its frame once its language's words have loaded.
    await until(
      () => page.getByRole('status').count(),
      (n) => n === 4,
      { what: 'one status per instance, inside its shadow root' },
    );
    const losses = ['mse', 'bce', 'bce-with-logits'],
      labels = ['MSE', 'BCE', 'BCE with logits'];
    const seen = [];
    for (let i = 0; i < 3; i++) {
      // Each one's status line itself at epoch 150 (it is redrawn every third frame).
      const f = figures.nth(i),
        s = await statusAt(f, 150),
        state = await hook(f, 'state');
      assert.deepEqual([state.loss, state.seed, state.hidden], [losses[i], 42, [8, 8]]);
      assert.deepEqual(
        (await hook(f, 'lossSeries()')).map((x) => x.label),
        [labels[i]],
      );
      assert.equal(await f.locator('#truth tbody tr').count(), 4);
      seen.push(s.loss);
    }
    // The same seed, three losses: three different numbers, all of them learned (seed 42 gets XOR right).
    assert.equal(new Set(seen).size, 3, `losses ${seen}`);
    assert.ok(seen[1] < 1e-6, `BCE loss ${seen[1]}`);
    // Each one's table, once drawn after the learning (tables are drawn every fourth frame).
    for (const f of await figures.all())
      await until(
        () => f.locator('#truth tbody tr.ok').count(),
        (n) => n === 4,
        { what: 'a table with its 4 rows right' },
      );
    // Page CSS cannot reach into the shadow root, and the element's does not leak out.
    assert.equal(
      await page
        .locator('ed-playground >> .ed')
        .first()
        .evaluate((e) => getComputedStyle(e).fontFamily.includes('system-ui')),
      true,
    );
    assert.match(
      await page
        .locator('article > p')
        .first()
        .evaluate((e) => getComputedStyle(e).fontFamily),
      /Charter|Georgia/,
    );
    assert.equal(page.problems.wasm, 1, 'the four instances share one wasm module');
    // Main-thread time per frame, each instance on its own (three train at once).
    const times = await figures.evaluateAll((els) => els.map((e) => e.playground.frameTimes));
    // The three run every frame, so their last entries line up, frame by frame.
    const n = Math.min(...times.map((x) => x.length)),
      total = Array.from({ length: n }, (_, i) => times.reduce((a, x) => a + x[x.length - n + i], 0));
    t.diagnostic(
      `main-thread ms per frame, p95: ${times.map((x) => p95(x).toFixed(2)).join(', ')} per instance, ${p95(total).toFixed(2)} for all three (${n} frames)`,
    );
    assert.ok(times.every((t) => t.length > 20));
  }));

test('an instance scrolled far out of view stops training and resumes when scrolled back', () =>
  withPage('examples/blog-post.html', async (page) => {
    const figure = page.locator('ed-playground').first();
    await epochAtLeast(figure, 20);
    // A long page below the figure (inline style attributes are not allowed, CSSOM is).
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '6000px';
      document.body.append(spacer);
      scrollTo(0, document.body.scrollHeight);
    });
    await page.waitForFunction(() => !document.querySelector('ed-playground').playground.running, null, {
      timeout: 5000,
    });
    const held = await hook(figure, 'epoch');
    await page.waitForTimeout(400);
    assert.equal(await hook(figure, 'epoch'), held, 'no training out of view');
    await figure.scrollIntoViewIfNeeded();
    await epochAtLeast(figure, held + 30);
    assert.ok(await hook(figure, 'running'));
  }));

test('a hidden tab trains nothing and goes on when shown again', () =>
  withPage('examples/blog-post.html', async (page) => {
    const figures = page.locator('.trio ed-playground'); // in view, so training
    for (const f of await figures.all()) await epochAtLeast(f, 10);
    const setHidden = (hidden) =>
      page.evaluate((hidden) => {
        Object.defineProperty(document, 'visibilityState', {
          configurable: true,
          get: () => (hidden ? 'hidden' : 'visible'),
        });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    await page.waitForTimeout(100);
    const held = await figures.evaluateAll((els) => els.map((e) => e.playground.epoch));
    await page.waitForTimeout(300);
    assert.deepEqual(await figures.evaluateAll((els) => els.map((e) => e.playground.epoch)), held);
    await setHidden(false);
    for (let i = 0; i < 3; i++) await epochAtLeast(figures.nth(i), held[i] + 20);
  }));

test('changing the loss attribute of a live element switches its loss without a reset', () =>
  withPage('examples/blog-post.html', async (page) => {
    const figure = page.locator('ed-playground').first();
    await epochAtLeast(figure, 60);
    await figure.evaluate((e) => e.setAttribute('loss', 'bce-with-logits'));
    const state = await hook(figure, 'state');
    assert.equal(state.changes.length, 1);
    const at = state.changes[0].epoch;
    assert.ok(at >= 60, `switched at epoch ${at}, not reset`);
    assert.equal(await hook(figure, 'liveLoss'), 'bce-with-logits');
    // The chart, once it draws 20 points of the new loss.
    const series = await until(
      () => hook(figure, 'lossSeries()'),
      (s) => s[1]?.points > 20,
      { what: 'a chart with 20 points of the new loss' },
    );
    assert.deepEqual(
      series.map((s) => s.label),
      ['MSE', 'BCE with logits'],
    );
    // Another attribute rebuilds: a new seed starts again from epoch 0.
    await figure.evaluate((e) => e.setAttribute('seed', '7'));
    assert.equal((await hook(figure, 'state')).seed, 7);
    assert.ok((await hook(figure, 'epoch')) < at);
    // `controls` rebuilds the element with the controls asked for.
    await figure.evaluate((e) => e.setAttribute('controls', 'play,loss'));
    await ready(figure);
    assert.equal(await figure.getByLabel('Loss function').inputValue(), 'bce-with-logits');
    // The theme follows its attribute, canvases and chart included.
    const frame = figure.locator('.ed');
    const background = () => frame.evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.equal(await background(), 'rgb(255, 255, 255)');
    await figure.evaluate((e) => e.setAttribute('theme', 'dark'));
    assert.equal(await background(), 'rgb(23, 28, 35)');
    await epochAtLeast(figure, 30);
  }));

test('a bad attribute value shows a short message in the element and falls back to its default', () =>
  withPage('examples/blog-post.html', async (page) => {
    const figure = await addFigure(page, 'bad', {
      lr: 'abc',
      layers: '0,x',
      views: 'chart,<img src=x onerror=alert(1)>',
      theme: 'blue',
      controls: 'loss',
    });
    await epochAtLeast(figure, 5);
    const names = ['lr', 'layers', 'views', 'theme'];
    await until(
      () => notices(figure),
      (ns) => names.every((name) => ns.some((t) => t.includes(`“${name}”`))),
      { what: `a notice naming each of ${names}` },
    );
    const state = await hook(figure, 'state');
    assert.deepEqual([state.lr, state.hidden], [0.5, [8, 8]]);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(await figure.getByLabel('Loss function').inputValue(), 'mse');
  }));

test('controls="explain" without the network view is said, and no empty button is left', () =>
  withPage('examples/blog-post.html', async (page) => {
    const figure = await addFigure(page, 'lonely', { controls: 'play,explain', views: 'chart' });
    await epochAtLeast(figure, 1);
    const said = await until(
      () => notices(figure),
      (ns) => ns.length > 0,
      { what: 'a notice of the explain control' },
    );
    assert.equal(said.length, 1, said.join('\n'));
    assert.match(said[0], /^Control “explain” needs the network view, .*views="chart,network"/);
    assert.equal(await figure.locator('#explain-open').count(), 0);
    // With the network view it is there, and nothing is said.
    const whole = await addFigure(page, 'whole', { controls: 'play,explain', views: 'chart,network' });
    await epochAtLeast(whole, 1);
    assert.equal(await whole.locator('#explain-open').count(), 1);
    assert.deepEqual(await notices(whole), []);
  }));

test('the iframe embed trains with the options of its URL and fills its frame', () =>
  withPage('examples/blog-post.html', async (page) => {
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      // A page link's names: `hidden` is the element's `layers`.
      frame.src =
        '../embed.html?loss=bce&seed=3&hidden=6,5&speed=5&stop=never&controls=play,loss&views=chart,map&theme=dark';
      frame.title = 'ED Playground';
      frame.width = '640';
      frame.height = '420';
      document.querySelector('article').prepend(frame);
    });
    const inner = page.frameLocator('iframe').locator('ed-playground');
    await inner.waitFor();
    await epochAtLeast(inner, 100);
    const state = await hook(inner, 'state');
    assert.deepEqual([state.loss, state.seed, state.hidden, state.speed], ['bce', 3, [6, 5], 5]);
    assert.equal(await inner.getByLabel('Loss function').inputValue(), 'bce');
    assert.equal(await inner.locator('#map').count(), 1);
    assert.equal(await inner.locator('#truth').count(), 0);
    await statusAt(inner, 100); // its status line itself, not only its engine
    const box = await inner.boundingBox(),
      frame = await page.locator('iframe').boundingBox();
    assert.ok(
      box.height >= frame.height - 8 && box.width >= frame.width - 8,
      `fills its frame: ${JSON.stringify(box)} in ${JSON.stringify(frame)}`,
    );
    // The select switches the loss live, as on the page.
    await inner.getByLabel('Loss function').selectOption({ label: 'MSE' });
    assert.equal(await hook(inner, 'liveLoss'), 'mse');
    assert.ok((await hook(inner, 'state')).changes.length === 1);
  }));

test('under prefers-reduced-motion every instance starts paused, with a play button', () =>
  withPage('examples/blog-post.html', { reducedMotion: 'reduce' }, async (page) => {
    const figures = page.locator('ed-playground');
    assert.equal(await figures.count(), 4);
    for (const f of await figures.all()) {
      assert.equal(
        (await statusWhen(f, (s) => s.text.endsWith(' · paused'), 'a status line that says paused')).epoch,
        0,
      );
      await ready(f);
    }
    await page.waitForTimeout(300);
    assert.deepEqual(
      await figures.evaluateAll((els) => els.map((e) => e.playground.epoch)),
      [0, 0, 0, 0],
      'nothing trained',
    );
    assert.equal(await page.getByRole('button', { name: 'Play', exact: true }).count(), 4);
    await page.getByRole('button', { name: 'Play', exact: true }).nth(1).click();
    await epochAtLeast(figures.nth(1), 10);
    assert.equal(await hook(figures.nth(0), 'epoch'), 0, 'the others stay paused');
  }));

test('screenshots of the blog post: desktop and phone', async () => {
  for (const [file, viewport] of [
    ['blog-post.png', { width: 1280, height: 900 }],
    ['blog-post-phone.png', { width: 360, height: 780 }],
  ]) {
    await withPage('examples/blog-post.html', { viewport, colorScheme: 'light' }, async (page) => {
      const figures = page.locator('ed-playground');
      for (const f of await figures.all()) {
        await f.scrollIntoViewIfNeeded();
        await epochAtLeast(f, 150);
      }
      await page.evaluate(() => scrollTo(0, 0));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.equal(overflow, 0, `${file}: no sideways scrolling`);
      await page.screenshot({ path: `artifacts/${file}`, fullPage: true });
    });
  }
});

// The iframe page's element, opened on its own: embed.html turns its URL's
// parameters into the element's attributes, so each test's element is a link.
// Runs `body(page, figure)` once the element runs (see withPage).
const withElement = (query, options, body) =>
  withPage(`embed.html?${query}`, options, async (page) => {
    const figure = page.locator('ed-playground');
    await ready(figure);
    return body(page, figure);
  });
const overflow = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("a racing 2-D element: both methods' loss curves and test losses, backprop's map beside ED's, the race line", () =>
  withElement(
    'task=moons&race=1&speed=50&stop=never&views=chart,map&controls=race',
    { viewport: { width: 680, height: 700 } },
    async (page, figure) => {
      // `ed race --task moons` at the seed's setting: ED solves at epoch 434, backprop at 3,985.
      const race = await until(
        () => hook(figure, 'race'),
        (r) => r?.backprop !== undefined,
        { what: 'backprop solved', timeout: 60000 },
      );
      assert.deepEqual([race.ed, race.backprop], [434, 3985]);
      const state = await hook(figure, 'state');
      assert.deepEqual(
        [state.task, state.race, state.noise, state.test_fraction, state.points],
        ['moons', true, 0.1, 0.5, 200],
      );
      const line =
        /^ED solved at epoch 434 · backprop solved at epoch 3,985 · solved: 95% of the training points right and mean loss under 0\.05$/;
      // The race line itself (redrawn every third frame, like the status line).
      await until(
        () => figure.locator('#race-status').textContent(),
        (t) => line.test(t),
        { what: `a race line matching ${line}` },
      );
      assert.ok(await figure.locator('#race-status').isVisible());
      // Four curves: ED's training loss (under its loss's name), its test loss, backprop's two.
      const series = await until(
        () => hook(figure, 'lossSeries()'),
        (s) => s.length === 4 && s.every((x) => x.points > 100),
        { what: '4 curves of 100 points' },
      );
      assert.deepEqual(
        series.map((s) => s.label),
        ['ED (MSE)', 'ED test', 'Backprop', 'Backprop test'],
      );
      // The two maps side by side, captioned, each drawn (many colours, not a blank canvas).
      for (const id of ['#map', '#map-bp', '#map-caption'])
        assert.ok(await figure.locator(id).isVisible(), `${id} shown`);
      // How many red values 400 pixels spread over the canvas show (a blank map shows one).
      const reds = (id) =>
        figure.locator(id).evaluate((c) => {
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          return new Set(Array.from({ length: 400 }, (_, i) => d[Math.floor((i * d.length) / 1600) * 4])).size;
        });
      for (const id of ['#map', '#map-bp'])
        await until(
          () => reds(id),
          (n) => n > 3,
          { what: `${id} drawn` },
        );
      for (const width of [680, 360]) {
        await page.setViewportSize({ width, height: 700 });
        // Once laid out at the new width (the maps may be resized by a ResizeObserver).
        const sideBySide = ([ed, bp]) => bp.x >= ed.x + ed.width && Math.abs(bp.y - ed.y) < 1 && ed.width >= 100;
        await until(() => Promise.all(['#map', '#map-bp'].map((id) => figure.locator(id).boundingBox())), sideBySide, {
          what: `maps side by side at ${width} px`,
        });
        assert.equal(await overflow(page), 0, `${width} px: no sideways scrolling`);
        await page.screenshot({ path: `artifacts/embed-race-${width}.png`, fullPage: true });
      }
      // race="0" stops the race (a new run); the checkbox starts it again.
      await figure.evaluate((e) => e.setAttribute('race', '0'));
      assert.equal(await hook(figure, 'race'), null);
      for (const id of ['#map-bp', '#race-status', '#map-caption'])
        assert.equal(await figure.locator(id).isVisible(), false, `${id} hidden`);
      await figure.getByLabel('Race backprop').check();
      assert.ok((await hook(figure, 'state')).race);
      assert.ok(await figure.locator('#map-bp').isVisible());
      await epochAtLeast(figure, 50);
      assert.ok(await figure.locator('#race-status').isVisible());
    },
  ));

test('rule="kaneko" brings his defaults; with controls="rule" his u0, beta and u1 fields show, as on the page', () =>
  withElement('rule=kaneko&lr=0.3&controls=rule,lr', {}, async (_page, figure) => {
    const state = await hook(figure, 'state');
    // His program's defaults where no attribute gives a value: 8 hidden units, u0 0.4, beta 0.8, u1 1.
    assert.deepEqual(
      [state.rule, state.hidden, state.lr, state.u0, state.beta, state.u1],
      ['kaneko', [8], 0.3, 0.4, 0.8, 1],
    );
    assert.equal(await figure.getByLabel('Rule').inputValue(), 'kaneko');
    assert.equal(await figure.getByLabel('Sigmoid width (u0)').inputValue(), '0.4');
    assert.equal(await figure.getByLabel('Bias input (beta)').inputValue(), '0.8');
    assert.equal(await figure.getByLabel('Hidden error share (u1)').inputValue(), '1');
    assert.equal(await figure.getByLabel('Learning rate (alpha)').inputValue(), '0.3');
    // The select, as on the page: the seed's rule and its defaults, and his fields go away.
    await figure.getByLabel('Rule').selectOption({ label: 'Loss-based' });
    assert.deepEqual((({ rule, hidden, lr }) => [rule, hidden, lr])(await hook(figure, 'state')), [
      'seed',
      [8, 8],
      0.5,
    ]);
    assert.equal(await figure.getByLabel('Sigmoid width (u0)').isVisible(), false);
    assert.equal(await figure.getByLabel('Learning rate').inputValue(), '0.5');
    // The attribute, changed live: each rule's defaults, except the lr its attribute gives.
    await figure.evaluate((e) => e.setAttribute('rule', 'seed'));
    assert.deepEqual((({ rule, hidden, lr }) => [rule, hidden, lr])(await hook(figure, 'state')), [
      'seed',
      [8, 8],
      0.3,
    ]);
    await figure.evaluate((e) => e.setAttribute('rule', 'kaneko'));
    assert.deepEqual((({ rule, hidden, lr, u0 }) => [rule, hidden, lr, u0])(await hook(figure, 'state')), [
      'kaneko',
      [8],
      0.3,
      0.4,
    ]);
    assert.ok(await figure.getByLabel('Sigmoid width (u0)').isVisible());
    // Without the rule control his fields are not offered, whatever the rule.
    await figure.evaluate((e) => e.setAttribute('controls', 'lr'));
    await ready(figure);
    assert.equal(await figure.locator('#u0').count(), 0);
    assert.equal(await figure.locator('#rule').count(), 0);
    assert.equal(await figure.getByLabel('Learning rate (alpha)').inputValue(), '0.3');
    await epochAtLeast(figure, 5);
  }));

test('bad state attributes are each named with the default used, the rest applies; a live bad value too', () =>
  withElement(
    'rule=x&noise=9&bits=4&task=moons&seed=7&changes=5:loss:<img src=x>&views=chart,map',
    {},
    async (page, figure) => {
      const expected = [
        'Attribute “rule” must be one of seed, kaneko, not “x”; using seed.',
        'Attribute “noise” must be a number from 0 to 0.5, not “9”; using 0.1.',
        'Attribute “changes” must list up to 200 epoch:loss:name or epoch:lr:number items in epoch order, epochs below 2^53, like 300:loss:bce, not “5:loss:<img src=x>”; using none.',
        'Attribute “bits” applies to the parity task only; using 2.',
      ];
      await until(
        async () => (await notices(figure)).join('\n'),
        (ns) => expected.every((text) => ns.includes(text)),
        { what: `the notices ${expected.join(' ')}` },
      );
      const state = await hook(figure, 'state');
      assert.deepEqual(
        [state.task, state.seed, state.rule, state.noise, state.bits, state.changes],
        ['moons', 7, 'seed', 0.1, 2, []],
      );
      assert.equal(await page.locator('img').count(), 0);
      assert.equal(await figure.locator('img').count(), 0);
      await epochAtLeast(figure, 20);
      // Live: a bad value is named and its default used; a good one starts a new run with it.
      await figure.evaluate((e) => e.setAttribute('test_fraction', '0.95'));
      await figure
        .locator('.notice', {
          hasText: 'Attribute “test_fraction” must be a number from 0.1 to 0.9, not “0.95”; using 0.5.',
        })
        .waitFor();
      assert.equal(
        await figure.evaluate((e) => {
          e.setAttribute('noise', '0.3');
          return e.playground.epoch;
        }),
        0,
        'a new run',
      );
      const after = await hook(figure, 'state');
      assert.deepEqual([after.noise, after.test_fraction, after.task, after.seed], [0.3, 0.5, 'moons', 7]);
      await epochAtLeast(figure, 5);
    },
  ));

test("the task: every task of the page in its select, live attribute changes rebuild with the task's bits and views", () =>
  withElement('task=parity&bits=4&stop=never&views=chart,map,table&controls=task,noise', {}, async (page, figure) => {
    await until(
      () => figure.locator('#truth tbody tr').count(),
      (n) => n === 16,
      { what: 'a table of 16 rows: parity of 4 bits' },
    );
    assert.deepEqual([(await hook(figure, 'state')).bits, await hook(figure, 'outputs')], [4, 1]);
    await epochAtLeast(figure, 30);
    // To spiral3 by attribute: a new run, three outputs, a map for each, scores for a table, the noise slider.
    const epoch = await figure.evaluate((e) => {
      e.removeAttribute('bits');
      e.setAttribute('task', 'spiral3');
      return e.playground.epoch;
    });
    assert.equal(epoch, 0, 'a new run');
    assert.deepEqual((({ task, bits }) => [task, bits])(await hook(figure, 'state')), ['spiral3', 2]);
    assert.equal(await hook(figure, 'outputs'), 3);
    assert.equal(await figure.locator('#output-maps canvas').count(), 3);
    assert.ok(await figure.locator('#output-maps').isVisible());
    assert.equal(await figure.locator('#truth caption').textContent(), 'Scores');
    assert.ok(await figure.getByLabel('Noise').isVisible());
    assert.equal(await figure.getByLabel('Task').inputValue(), 'spiral3');
    assert.deepEqual(await notices(figure), []);
    // The select: the page's Task select's options, label for label (parity, given by the attribute, was added as it is on the page).
    const labels = await withPage('', async (index) => {
      await index.locator('#task').waitFor({ state: 'attached' }); // built from the engine's table once it is loaded
      return index.locator('#task option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
    });
    assert.equal(labels.length, 12); // parity apart: the gates, the adder, five 2-D tasks and the reader's own points (two and three classes)
    const options = await figure.locator('#task option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
    assert.deepEqual(
      options.filter(([v]) => v !== 'parity'),
      labels,
    );
    // Choosing a gate from parity by the select keeps a valid run (the gates take 2 bits).
    await figure.evaluate((e) => e.setAttribute('task', 'parity'));
    assert.equal((await hook(figure, 'state')).bits, 3);
    await figure.getByLabel('Task').selectOption({ label: 'XOR' });
    assert.deepEqual((({ task, bits }) => [task, bits])(await hook(figure, 'state')), ['xor', 2]);
    assert.equal(await figure.locator('#truth tbody tr').count(), 4);
    assert.equal(await figure.getByLabel('Noise').isVisible(), false);
    assert.deepEqual(await notices(figure), []);
    await figure.getByLabel('Task').selectOption({ label: 'Moons' });
    assert.equal((await hook(figure, 'state')).task, 'moons');
    await epochAtLeast(figure, 10);
    assert.equal(await overflow(page), 0);
  }));

// Scrolled away and back across a long task, Chromium hands the observer both
// changes in one batch (out of view, then in view): the figure's state is the
// last entry's.
test('a batch of "out of view, then in view" leaves the figure training: the last entry counts', () =>
  withPage('embed.html?stop=never', { setup: recordObservers }, async (page) => {
    await statusWhen(page, (s) => s.epoch >= 1, 'a training figure');
    assert.equal(await outThenIn(page, 'ed-playground'), 1, "the element's observer");
    const after = await statusWhen(page, (s) => s.epoch >= 1, 'the line after the batch');
    await statusWhen(page, (s) => s.epoch >= after.epoch + 50, 'the figure training on, 50 epochs later');
  }));

// A post's own script reads what a figure's run has done: three read-only
// properties and two bubbling events (docs/embedding.md).
test("a post's script reads a figure: epoch, meanLoss, solvedAt, and the ed-epoch and ed-solved events", () =>
  withPage('examples/blog-post.html', async (page) => {
    await page.evaluate(() => {
      const heard = { solved: [], last: null, epochs: 0 };
      Object.assign(window, { __heard: heard });
      document.addEventListener('ed-solved', (e) => {
        if (e.target.id === 'api') heard.solved.push(e.detail.epoch);
      });
      document.addEventListener('ed-epoch', (e) => {
        if (e.target.id !== 'api') return;
        heard.last = e.detail;
        heard.epochs++;
      });
    });
    const figure = await addFigure(page, 'api', { loss: 'bce', seed: '42', controls: 'play,reset' });
    // It stops at its solve (the default `stop`): solved once, told once.
    const [at] = await until(
      () => page.evaluate(() => window.__heard.solved),
      (s) => s.length === 1,
      { what: 'ed-solved' },
    );
    await until(
      () => figure.evaluate((e) => e.epoch),
      (epoch) => epoch === at,
      { what: 'the figure at its solve' },
    );
    const read = await figure.evaluate((e) => ({ epoch: e.epoch, meanLoss: e.meanLoss, solvedAt: e.solvedAt }));
    const { last, epochs } = await page.evaluate(() => window.__heard);
    assert.deepEqual(read, { epoch: at, meanLoss: last.loss, solvedAt: at });
    assert.deepEqual(last, { epoch: at, loss: await hook(figure, 'loss') });
    assert.ok(epochs >= 1 && epochs <= at, `${epochs} ed-epoch events for ${at} epochs: at most one a frame`);
    // Reset: a new run, told again from its start; the same seed solves at the same epoch.
    await figure.getByRole('button', { name: 'Reset', exact: true }).click();
    const again = await until(
      () => page.evaluate(() => window.__heard.solved),
      (s) => s.length === 2,
      { what: 'ed-solved after Reset' },
    );
    assert.deepEqual(again, [at, at]);
  }));
