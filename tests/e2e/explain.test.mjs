// "Explain one step" (issue 15): one ED update in slow motion. The button
// pauses the run and opens the panel `One ED update` on the next pattern's
// update; its five stages come in order under each rule with the engine's
// numbers, Next after the last goes on to the next pattern, and after a whole
// epoch of XOR explained (four patterns) the weights are those of one Step, bit
// for bit. On a phone too, and in Japanese. Each stage's screenshot goes to
// artifacts/explain-*.png. Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, statusWhen, until, hook } from './harness.mjs';

before(() => startSite(['index.html']));
after(stopSite);

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

const EN = {
  open: 'Explain one step',
  panel: 'One ED update',
  next: 'Next',
  back: 'Back',
  close: 'Close the explanation',
  stages: [
    '1. The inputs, doubled',
    '2. The forward pass',
    '3. The error and the signal',
    '4. The broadcast',
    '5. The update',
  ],
  progress: (n) => `Stage ${n} of 5`,
};
const JA = {
  open: '1 回の更新を詳しく',
  panel: 'ED の 1 回の更新',
  next: '次へ',
  back: '戻る',
  stages: ['1. 入力を + と − に複製', '2. 順伝播', '3. 誤差と学習信号', '4. 全層へ一斉に届く信号', '5. 重みの更新'],
  progress: (n) => `段階 ${n} / 5`,
};

const panel = (page, w) => page.getByRole('region', { name: w.panel });
const press = (page, w, name, touch) => {
  const b = panel(page, w).getByRole('button', { name, exact: true });
  return touch ? b.tap() : b.click();
};

/** Every weight's bits, as hex, read in one go: a comparison bit for bit. */
const weightBits = (page) =>
  page.evaluate(() =>
    window.__edPlayground.weights().map((layer) =>
      layer.map((v) => {
        const view = new DataView(new ArrayBuffer(8));
        view.setFloat64(0, v);
        return view.getBigUint64(0).toString(16);
      }),
    ),
  );

/** The shown stage: its progress line, heading and text, read together. */
const read = (page, w) =>
  panel(page, w).evaluate((box) => ({
    progress: box.querySelector('#explain-progress').textContent,
    where: box.querySelector('#explain-where').textContent,
    heading: box.querySelector('h4')?.textContent,
    text: box.querySelector('#explain-body').textContent,
  }));

/** Waits for stage `n` of the panel and returns what it shows. */
const stage = (page, w, n) =>
  until(
    () => read(page, w),
    (s) => s.progress === w.progress(n),
    { what: `stage ${n}` },
  );

/** The weights after one Step of a fresh page of `link`. */
const afterOneStep = (link, options) =>
  withPage(link, options, async (page) => {
    await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a paused run');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await until(
      () =>
        page.evaluate(() => {
          const h = window.__edPlayground;
          return { epoch: h.epoch, mid: h.midEpoch };
        }),
      (s) => s.epoch === 1 && !s.mid,
      { what: 'epoch 1 ended' },
    );
    return weightBits(page);
  });

/**
 * Opens the explanation on `page` and walks `patterns` patterns through all
 * five stages, checking each stage's heading in order and passing what it
 * shows to `check(n, shown, k)`; `shot(name)` saves a screenshot of a stage.
 */
async function walk(page, w, { patterns, check = () => {}, shot, touch = false }) {
  const button = page.getByRole('button', { name: w.open, exact: true });
  await (touch ? button.tap() : button.click());
  let first;
  for (let k = 0; k < patterns; k++) {
    for (let n = 1; n <= 5; n++) {
      const shown = await stage(page, w, n);
      assert.equal(shown.heading, w.stages[n - 1], `pattern ${k + 1}, stage ${n}`);
      await check(n, shown, k);
      if (k === 0) await shot?.(n);
      if (n === 1)
        assert.ok(
          await panel(page, w).getByRole('button', { name: w.back, exact: true }).isDisabled(),
          'no Back at stage 1',
        );
      if (n === 1) first = shown;
      if (n === 2 && k === 0) {
        // Back and Next again: the same stages, the same numbers.
        await press(page, w, w.back, touch);
        assert.deepEqual(await stage(page, w, 1), first);
        await press(page, w, w.next, touch);
        assert.deepEqual(await stage(page, w, 2), shown);
      }
      if (k < patterns - 1 || n < 5) await press(page, w, w.next, touch);
    }
  }
}

const shots = (page, name) => async (n) => {
  await page.locator('#card-network').screenshot({ path: `artifacts/explain-${name}-stage${n}.png` });
  if (n === 5) await page.locator('#card-weights').screenshot({ path: `artifacts/explain-${name}-stage5-weights.png` });
};

test("the seed's rule on XOR: the stages in order with the loss derivative broadcast, and one epoch explained is one Step, bit for bit", async () => {
  const link = '?paused=1';
  const stepped = await afterOneStep(link, DESKTOP);
  await withPage(link, DESKTOP, async (page) => {
    await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a paused run');
    await walk(page, EN, {
      patterns: 4,
      shot: async (n) => {
        // Opened, the focus is on Next (the button that opened it steps aside while it is open).
        if (n === 1) assert.equal(await page.evaluate(() => document.activeElement.id), 'explain-next');
        await shots(page, 'en-desktop')(n);
      },
      check: async (n, s, k) => {
        assert.match(
          s.where,
          new RegExp(
            `^Epoch 1, pattern ${k + 1} of 4: inputs \\(${k >> 1}, ${k & 1}\\), target ${(k >> 1) ^ (k & 1)}\\.$`,
          ),
        );
        if (n === 1)
          assert.match(s.text, new RegExp(`x0\\+ = ${k >> 1}, x0− = ${k >> 1}, x1\\+ = ${k & 1}, x1− = ${k & 1}`));
        if (n === 1) assert.doesNotMatch(s.text, /bias/, "the seed's network has no bias units");
        if (n === 2)
          assert.match(
            s.text,
            /hidden 1: [-\d.e]+(, [-\d.e]+){7}hidden 2: [-\d.e]+(, [-\d.e]+){7}output: [\d.e-]+The output: y = [\d.e-]+\./,
          );
        if (n === 3)
          assert.match(
            s.text,
            /dL\/dy = 2 \(y − t\) = -?[\d.e-]+\. Times the learning rate, δ = 0\.5 × -?[\d.e-]+ = -?[\d.e-]+\./,
          );
        if (n === 3) assert.match(s.text, (k >> 1) ^ (k & 1) ? /the output must rise/ : /the output must fall/);
        if (n === 4) {
          // One value for every layer: the same signal.
          const values = [...s.text.matchAll(/receives (-?[\d.e-]+)/g)].map((m) => m[1]);
          assert.equal(values.length, 3);
          assert.equal(new Set(values).size, 1, s.text);
          if (k === 0) {
            await panel(page, EN).getByLabel("Show backprop's path beside it").check();
            assert.match((await read(page, EN)).text, /Backprop instead carries the error back one layer at a time/);
            await page
              .locator('#card-network')
              .screenshot({ path: 'artifacts/explain-en-desktop-stage4-backprop.png' });
          }
        }
        if (n === 5) {
          assert.match(s.text, /only weights from (excitatory \(\+\)|inhibitory \(−\)) sources learn/);
          assert.match(s.text, /\d+ of 104 weights grew/);
          assert.match(
            s.text,
            /Δw = ±\|f′\(o\) × δ\| × x = ±\|[-\d.e]+ × -?[\d.e-]+\| × [\d.]+ = ±[\d.e-]+ × [\d.]+ = -?[\d.e-]+; w: -?[\d.]+ → -?[\d.]+\./,
          );
        }
      },
    });
    assert.match((await read(page, EN)).text, /This pattern ended epoch 1\./);
    const engine = await page.evaluate(() => ({
      epoch: window.__edPlayground.epoch,
      mid: window.__edPlayground.midEpoch,
      paused: window.__edPlayground.state.paused,
    }));
    assert.deepEqual(engine, { epoch: 1, mid: false, paused: true });
    assert.deepEqual(await weightBits(page), stepped, 'four patterns explained = one Step');
    // Pointing at a connection puts its own numbers in the formula: hidden 2
    // unit 3 to the output, halfway (the view's layout while explaining:
    // margins 34, 44, 52 and 30 px, the units evenly spaced in each column).
    const net = await page.locator('#network').boundingBox();
    const at = (c, i, n) => [34 + (c * (net.width - 78)) / 3, 52 + ((i + 0.5) * (net.height - 82)) / n];
    const [[ax, ay], [bx, by]] = [at(2, 3, 8), at(3, 0, 1)];
    await page.locator('#network').hover({ position: { x: (ax + bx) / 2, y: (ay + by) / 2 } });
    const pointed = await until(
      () => read(page, EN),
      (s) => s.text.includes('hidden 2 unit 3 (−) → output unit 0 (+)'),
      { what: 'the pointed connection' },
    );
    // Pattern (1, 1), target 0: the output must fall, and unit 3 is inhibitory: it learned.
    assert.match(pointed.text, /hidden 2 unit 3 \(−\) → output unit 0 \(\+\)Δw = ±\|f′\(o\) × δ\| × x = /);
    // A heatmap cell: input x0's + copy (row 0) to hidden 1 unit 1 (column 1), an excitatory
    // source while the output must fall: it rests, and says why.
    const heat = page.locator('#heatmaps canvas').first();
    const cell = (await heat.boundingBox()).width / 8;
    await heat.click({ position: { x: 1.5 * cell, y: 0.5 * cell } });
    const rest = await until(
      () => read(page, EN),
      (s) => s.text.includes('input x0, + copy (+) → hidden 1 unit 1 (−)'),
      { what: 'the pointed cell' },
    );
    assert.match(
      rest.text,
      /Its source is excitatory \(\+\): it learns only when the output must rise\. Δw = 0; w stays \(w = -[\d.]+\)\./,
    );
    await page.locator('#card-network').screenshot({ path: 'artifacts/explain-en-desktop-pointed.png' });
    await page.getByRole('button', { name: EN.close }).click();
    assert.equal(await panel(page, EN).count(), 0, 'closed');
    assert.ok(
      await page.getByRole('button', { name: EN.open, exact: true }).isVisible(),
      'the button back in its place',
    );
    assert.equal(await page.evaluate(() => document.activeElement.id), 'explain-open', 'the focus back on it');
    await statusWhen(page, (s) => s.epoch === 1 && s.text.endsWith(' · paused'), 'paused at epoch 1');
  });
});

test("Kaneko's rule on XOR: his two amines and the hidden layers' u1 share, and one epoch explained is one Step", async () => {
  const link = '?paused=1&rule=kaneko';
  const stepped = await afterOneStep(link, DESKTOP);
  await withPage(link, DESKTOP, async (page) => {
    await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a paused run');
    await walk(page, EN, {
      patterns: 4,
      shot: shots(page, 'en-desktop-kaneko'),
      check: (n, s, k) => {
        if (n === 1)
          assert.match(
            s.text,
            new RegExp(
              `β\\+ = 0\\.8, β− = 0\\.8, x0\\+ = ${k >> 1}, x0− = ${k >> 1}, x1\\+ = ${k & 1}, x1− = ${k & 1}`,
            ),
          );
        if (n === 1)
          assert.match(s.text, /Kaneko's two bias units \(\+ and −\) lead every layer's sources, fed β = 0\.8\./);
        if (n === 3) {
          const m = /e = t − p = (-?[\d.e-]+) and makes two amines of it: d\+ = ([\d.e-]+) and d− = ([\d.e-]+)\./.exec(
            s.text,
          );
          assert.ok(m, s.text);
          const [e, dp, dm] = m.slice(1).map(Number);
          assert.ok(e > 0 ? dp === e && dm === 0 : dm === -e && dp === 0, `one amine: ${m[0]}`);
          assert.match(
            s.text,
            /The output layer receives α × \|e\| = 0\.8 × \|e\| = ([\d.e-]+); each hidden layer receives the share u1 of it: 1 × \1 = \1\./,
          );
        }
        if (n === 5) assert.match(s.text, /Δw = ±o \(1 − o\) × α × amine × x = /);
      },
    });
    assert.deepEqual(await weightBits(page), stepped, 'four patterns explained = one Step');
  });
});

test('on a 360-px phone: the panel fits, its buttons are 44 px, and an epoch explained by taps is one Step', async () => {
  const link = '?paused=1';
  const stepped = await afterOneStep(link, PHONE);
  await withPage(link, PHONE, async (page) => {
    await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a paused run');
    await walk(page, EN, {
      patterns: 4,
      touch: true,
      shot: shots(page, 'en-phone'),
      check: async (n) => {
        const fit = await page.evaluate(() => {
          const box = document.getElementById('explain').getBoundingClientRect();
          const buttons = [...document.querySelectorAll('#explain button, #explain label')]
            .filter((b) => b.getBoundingClientRect().width)
            .map((b) => {
              const r = b.getBoundingClientRect();
              return { what: b.id || b.textContent.slice(0, 20), w: Math.round(r.width), h: Math.round(r.height) };
            });
          return {
            left: box.left,
            right: box.right,
            scroll: document.documentElement.scrollWidth,
            small: buttons.filter((b) => b.w < 44 || b.h < 44),
          };
        });
        assert.ok(fit.left >= 0 && fit.right <= 360, `stage ${n}: the panel at ${fit.left} to ${fit.right} px`);
        assert.equal(fit.scroll, 360, `stage ${n}: no horizontal scroll`);
        assert.deepEqual(fit.small, [], `stage ${n}: targets under 44 × 44`);
      },
    });
    assert.deepEqual(await weightBits(page), stepped);
  });
});

// Japanese: kana, CJK ideographs, the long vowel mark and Japanese punctuation.
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
// What a formula or a list of values holds in any language: names of
// quantities, numbers and symbols.
const SYMBOLS = /^[\s\dA-Za-z.,:;%+\-−×→←↑↓()|/=±′δαβσΔ…]*$/;

test('in Japanese: the button, the panel and every stage speak Japanese (desktop and phone)', async () => {
  for (const [name, options] of [
    ['ja-desktop', DESKTOP],
    ['ja-phone', PHONE],
  ]) {
    await withPage('?paused=1&lang=ja&rule=kaneko', options, async (page) => {
      await until(
        () => page.locator('#status').textContent(),
        (t) => t.endsWith('一時停止中'),
        { what: 'a paused Japanese run' },
      );
      await walk(page, JA, {
        patterns: 1,
        touch: name.endsWith('phone'),
        shot: shots(page, name),
        check: async (n) => {
          // Every text the panel shows, and each accessible name in it.
          const texts = await panel(page, JA).evaluate((box) => {
            const found = [];
            const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
            for (let t = walker.nextNode(); t; t = walker.nextNode())
              if (t.textContent.trim() && t.parentElement.getClientRects().length) found.push(t.textContent.trim());
            for (const e of box.querySelectorAll('[aria-label]')) found.push(e.getAttribute('aria-label'));
            return found;
          });
          const english = texts.filter((t) => !JAPANESE.test(t) && !SYMBOLS.test(t));
          assert.deepEqual(english, [], `stage ${n}`);
        },
      });
    });
  }
});

test("several outputs: the adder explains the chosen output's sub-network while every output learns", () =>
  withPage('?paused=1&task=adder', DESKTOP, async (page) => {
    await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a paused run');
    await page.locator('#view-output').selectOption('2');
    await page.getByRole('button', { name: EN.open, exact: true }).click();
    const s = await stage(page, EN, 1);
    assert.match(
      s.where,
      /^Epoch 1, pattern 1 of 16: inputs \(0, 0, 0, 0\), target 0\. Shown: the sub-network of output 2; every output's network learns this pattern at the same time\.$/,
    );
    // Another output chosen: the explanation of the one before closes.
    await page.locator('#view-output').selectOption('0');
    assert.equal(await panel(page, EN).count(), 0);
  }));

test('in an <ed-playground> element with controls="explain": the same panel, and an epoch explained is one Step', async () => {
  const stepped = await afterOneStep('?paused=1', DESKTOP);
  await withPage('embed.html?views=network&controls=play,explain&paused=1', DESKTOP, async (page) => {
    const figure = page.locator('ed-playground');
    await statusWhen(figure, (s) => s.text.endsWith(' · paused'), 'a paused element');
    await walk(figure, EN, {
      patterns: 4,
      shot: (n) => n === 5 && figure.screenshot({ path: 'artifacts/explain-en-element-stage5.png' }),
    });
    const bits = await figure.evaluate((e) => {
      const h = e.playground;
      return {
        epoch: h.epoch,
        mid: h.midEpoch,
        weights: h.weights().map((layer) =>
          layer.map((v) => {
            const view = new DataView(new ArrayBuffer(8));
            view.setFloat64(0, v);
            return view.getBigUint64(0).toString(16);
          }),
        ),
      };
    });
    assert.deepEqual(bits, { epoch: 1, mid: false, weights: stepped });
  });
});

test("a race under BCE with logits: the logit and its probability, and backprop keeps in step (its loss after the epoch is one Step's)", async () => {
  const link = '?paused=1&race=1&loss=bce-with-logits';
  const race = (page) =>
    page.evaluate(() => {
      const h = window.__edPlayground;
      return { epoch: h.epoch, mid: h.midEpoch, ed: h.loss, backprop: h.race.backpropLoss };
    });
  const stepped = await withPage(link, DESKTOP, async (page) => {
    await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a paused run');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    return until(
      () => race(page),
      (s) => s.epoch === 1 && !s.mid,
      { what: 'epoch 1 ended' },
    );
  });
  await withPage(link, DESKTOP, async (page) => {
    await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a paused run');
    await walk(page, EN, {
      patterns: 4,
      check: (n, s) => {
        if (n === 2)
          assert.match(
            s.text,
            /The output unit emits a logit, y = -?[\d.e-]+, which stands for the probability p = [\d.e-]+\./,
          );
        if (n === 3) assert.match(s.text, /dL\/dy = σ\(y\) − t = /);
      },
    });
    assert.ok(Number.isFinite(stepped.backprop), `backprop's loss ${stepped.backprop}`);
    assert.deepEqual(await race(page), stepped);
  });
});

test("your own points: with none placed the panel says so; with the link's four, an epoch explained is one Step", async () => {
  const link = '?task=points&data=ARkDIOEcIBkcIeEDIQ&paused=1';
  const stepped = await afterOneStep(link, DESKTOP);
  await withPage('?task=points&paused=1', DESKTOP, async (page) => {
    await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a paused run');
    await page.getByRole('button', { name: EN.open, exact: true }).click();
    const text = await until(
      () => panel(page, EN).locator('#explain-body').textContent(),
      (t) => t.length > 0,
      { what: "the panel's text" },
    );
    assert.equal(text, 'There are no points yet: place some on the map, and the next update can be explained.');
    assert.equal(await hook(page, 'epoch'), 0, 'nothing trained');
  });
  await withPage(link, DESKTOP, async (page) => {
    await statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a paused run');
    const count = await hook(page, 'patterns().length');
    await walk(page, EN, {
      patterns: count,
      check: (n, s, k) => {
        if (n === 1) assert.match(s.where, new RegExp(`^Epoch 1, pattern ${k + 1} of ${count}: `));
      },
    });
    await until(
      () =>
        page.evaluate(() => {
          const h = window.__edPlayground;
          return { epoch: h.epoch, mid: h.midEpoch };
        }),
      (s) => s.epoch === 1 && !s.mid,
      { what: 'epoch 1 ended' },
    );
    assert.deepEqual(await weightBits(page), stepped, 'one epoch explained is one Step');
  });
});

// Few readers press it: its walk and what it says load when the button is first pressed.
test('the walk loads on the first press, not before; a missing walk is said in the panel', async () => {
  /** @type {string[]} */
  const fetched = [];
  const onDemand = (/** @type {string} */ p) => /\/www\/(walk|explain-en|explain-ja)-\w+\.js$/.test(p);
  await withPage(
    '?paused=1',
    { ...DESKTOP, setup: (page) => page.on('request', (r) => fetched.push(new URL(r.url()).pathname)) },
    async (page) => {
      await statusWhen(page, (s) => s.text.endsWith('paused'), 'the paused line');
      assert.deepEqual(fetched.filter(onDemand), [], 'nothing of the walk before the press');
      await page.getByRole('button', { name: EN.open, exact: true }).click();
      await stage(page, EN, 1);
      const names = fetched.filter(onDemand).map((p) => p.replace(/-\w+\.js$/, ''));
      assert.deepEqual(names.sort(), ['/www/explain-en', '/www/walk']);
    },
  );
  await withPage(
    '?paused=1',
    {
      ...DESKTOP,
      clean: false,
      setup: (page) =>
        page.route(/\/www\/walk-\w+\.js$/, (route) =>
          route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }),
        ),
    },
    async (page) => {
      await statusWhen(page, (s) => s.text.endsWith('paused'), 'the paused line');
      await page.getByRole('button', { name: EN.open, exact: true }).click();
      const alert = panel(page, EN).getByRole('alert');
      await alert.waitFor({ timeout: 10000 });
      assert.match(await alert.textContent(), /^Explain one step could not load \(.*\/www\/walk-\w+\.js.*\)\.$/);
      // The panel closes, and the rest of the page goes on.
      await page.getByRole('button', { name: EN.close }).click();
      assert.equal(await page.getByRole('button', { name: EN.open, exact: true }).isVisible(), true);
    },
  );
});
