// The page as a first-time reader meets it (issue 13, items 4 to 6): what ED is,
// on the first screen beside the network; labels in plain words, each with help
// a phone can reach; the spirals saying that ED does not learn them; a truth
// table that credits nothing before training and keeps each tick on its line;
// notices that go once their value is fixed; a page that does not jump while it
// loads; tap targets a finger can hit; the network's readout clear of the finger.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, statusAt, statusWhen, until, hook, ready, notices } from './harness.mjs';

before(() => startSite(['index.html', 'pkg/ed_playground_bg.wasm', 'data/digits.bin']));
after(stopSite);

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const SCREENS = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
];
const box = (locator) => locator.boundingBox();

for (const [name, options] of SCREENS) {
  test(`${name}: what ED is stands in the first screen, above the network`, () =>
    withPage('?paused=1', options, async (page) => {
      await statusAt(page, 0);
      const about = page.locator('#about-ed');
      const text = await about.textContent();
      for (const idea of [
        /excitatory \(\+\)/,
        /inhibitory \(−\)/,
        /sign/,
        /never flips/,
        /one error signal reaches every layer/i,
      ])
        assert.match(text, idea);
      const { height } = options.viewport,
        a = await box(about),
        net = await box(page.locator('#network'));
      assert.ok(
        a.y >= 0 && a.y + a.height <= height,
        `the explanation at ${a.y}–${a.y + a.height} px, the screen ${height} px tall`,
      );
      // In the network's card, right above the diagram.
      assert.equal(await about.evaluate((p) => p.closest('section').id), 'card-network');
      assert.ok(
        net.y >= a.y + a.height && net.y - (a.y + a.height) < 40,
        `the diagram ${net.y - (a.y + a.height)} px under it`,
      );
      // A desktop shows the whole diagram too; a phone, its top (it scrolls on from there).
      if (name === 'desktop') assert.ok(net.y + net.height <= height, `the diagram ends at ${net.y + net.height} px`);
      else assert.ok(net.y < height, `the diagram starts at ${net.y} px`);
      // Said once: no second list of the same at the bottom of the run card.
      assert.equal(await page.locator('#card-run li').count(), 0);
    }));
}

test('the fields read in plain words, and the rule is no longer confused with the random seed', () =>
  withPage('?paused=1', async (page) => {
    await ready(page);
    assert.equal(await page.getByLabel('Random seed', { exact: true }).inputValue(), '42');
    assert.deepEqual(await page.getByLabel('Rule').locator('option').allTextContents(), [
      'Loss-based',
      "Kaneko's original (1999)",
    ]);
    await page.getByLabel('Rule').selectOption({ label: "Kaneko's original (1999)" });
    for (const [label, value] of [
      ['Sigmoid width (u0)', '0.4'],
      ['Bias input (beta)', '0.8'],
      ['Hidden error share (u1)', '1'],
      ['Learning rate (alpha)', '0.8'],
    ]) {
      assert.equal(await page.getByLabel(label, { exact: true }).inputValue(), value, label);
    }
    const words = await page.locator('.bar').textContent();
    for (const jargon of ['Loss-driven', 'hidden amine', '(seed)'])
      assert.ok(!words.includes(jargon), `no “${jargon}” in the settings`);
    // The network's readout of a unit says it in words too (the phone's readout test below).
  }));

for (const [name, options] of SCREENS) {
  test(`${name}: every field's help can be read without hovering`, () =>
    withPage('?paused=1&task=moons', options, async (page) => {
      await ready(page);
      if (name === 'phone') await page.getByText('Settings', { exact: true }).click();
      const fields = page.locator('.bar .field:visible');
      const count = await fields.count();
      assert.ok(count >= 9, `${count} fields`);
      assert.equal(await page.locator('.bar .hint:visible').count(), 0, 'the help starts folded');
      const toggle = page.locator('.bar .help-toggle');
      assert.equal(await toggle.textContent(), 'What these mean');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      for (let i = 0; i < count; i++) {
        const field = fields.nth(i),
          hint = field.locator('.hint');
        assert.ok(await hint.isVisible(), `the help of field ${i}`);
        const help = await hint.textContent();
        assert.ok(help.length > 15, help);
        // A screen reader hears it with the control.
        const described = await field
          .locator('input:not([type="hidden"]), select')
          .first()
          .getAttribute('aria-describedby');
        assert.ok(described.split(' ').includes(await hint.getAttribute('id')), `${described}`);
      }
      assert.match(await page.locator('#seed-hint').textContent(), /same seed gives the same run/);
      assert.equal(await toggle.textContent(), 'Hide the explanations');
      await toggle.click();
      assert.equal(await page.locator('.bar .hint:visible').count(), 0);
    }));
}

test('the spirals say ED does not learn them, with a link to a race that shows it; XOR says nothing', async () => {
  for (const task of ['spiral', 'spiral3']) {
    await withPage(`?task=${task}&paused=1`, async (page) => {
      const note = page.locator('#card-output #task-note');
      await note.waitFor();
      assert.match(await note.textContent(), /^ED does not learn the (two|three) spirals/);
      const link = note.getByRole('link');
      const href = new URLSearchParams((await link.getAttribute('href')).slice(1));
      assert.equal(href.get('task'), task);
      assert.equal(href.get('race'), '1');
      // The link is a run of this page: backprop racing ED on the same task, nothing refused.
      await link.click();
      await page.waitForFunction(() => window.__edPlayground?.state.race === true, null, { timeout: 15000 });
      assert.equal((await hook(page, 'state')).task, task);
      await statusAt(page, 1);
      assert.equal(await page.locator('.notice').count(), 0);
      assert.ok(await page.locator('#task-note').isVisible(), 'the note stays with its task');
    });
  }
  await withPage('?paused=1', async (page) => {
    await statusAt(page, 0);
    assert.equal(await page.locator('#task-note').isVisible(), false);
    // Choosing a spiral brings its note; leaving it takes the note away.
    await page.getByLabel('Task').selectOption('spiral');
    await page.locator('#task-note').waitFor();
    await page.getByLabel('Task').selectOption('moons');
    await page.locator('#task-note').waitFor({ state: 'hidden' });
  });
});

test("the two spirals' link shows what its note says: backprop learns them, ED does not", () =>
  withPage('?task=spiral&paused=1', async (page) => {
    await page.locator('#task-note a').click();
    await page.waitForFunction(() => window.__edPlayground?.state.race === true, null, { timeout: 15000 });
    // docs/results.md's race (ed race --task spiral --noise 0 --hidden 32,32 --lr 0.2 --shuffle --seed 1).
    await page.waitForFunction(() => window.__edPlayground.race.backprop !== undefined, null, { timeout: 90000 });
    const race = await hook(page, 'race');
    assert.equal(race.backprop, 2997);
    assert.equal(race.ed, undefined, 'ED has not solved it');
  }));

const rows = (page) =>
  page.locator('#truth tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      output: Number(tr.querySelector('td.out span:not(.meter)').textContent),
      ok: tr.classList.contains('ok'),
    })),
  );
// A tick's cell: its content one line high (the tick, a pseudo-element, beside the target).
const tickCells = (page) =>
  page.locator('#truth tbody tr.ok td:last-child').evaluateAll((tds) =>
    tds.map((td) => {
      const cs = getComputedStyle(td);
      return {
        content: td.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom),
        line: parseFloat(cs.lineHeight),
      };
    }),
  );

test('before the first epoch no row is ticked; once trained, every row is, each tick on its line', async () => {
  for (const options of [DESKTOP, PHONE, { viewport: { width: 1120, height: 800 } }]) {
    await withPage('?paused=1', options, async (page) => {
      await statusAt(page, 0);
      const before = await until(
        () => rows(page),
        (r) => r.length === 4 && r.every((x) => Number.isFinite(x.output)),
        { what: "four rows' outputs at epoch 0" },
      );
      assert.deepEqual(
        before.map((r) => r.ok),
        [false, false, false, false],
        `no tick at epoch 0: ${JSON.stringify(before)}`,
      );
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await until(
        () => rows(page),
        (r) => r.length === 4 && r.every((x) => x.ok),
        { what: 'every row ticked', timeout: 30000 },
      );
      const cells = await tickCells(page);
      assert.equal(cells.length, 4);
      for (const { content, line } of cells)
        assert.ok(content < 1.5 * line, `a tick cell ${content} px high, a line ${line} px`);
    });
  }
});

test('a notice about a value goes once the value is fixed, and any notice can be dismissed', () =>
  withPage('?paused=1&lr=abc&seed=-1', async (page) => {
    await ready(page);
    await until(
      () => notices(page),
      (n) => n.some((t) => t.includes('“lr”')) && n.some((t) => t.includes('“seed”')),
      { what: "the link's two notices" },
    );
    const rate = page.getByLabel('Learning rate');
    // A bad value typed in replaces the link's notice about the same parameter.
    await rate.fill('-2');
    await rate.press('Enter');
    let seen = await until(
      () => notices(page),
      (n) => n.some((t) => t.startsWith('Learning rate must be')),
      { what: "the field's notice" },
    );
    assert.equal(seen.filter((t) => /“lr”|^Learning rate/.test(t)).length, 1, `one notice about the rate: ${seen}`);
    // Fixed: its notice goes; the seed's stays.
    await rate.fill('0.3');
    await rate.press('Enter');
    seen = await until(
      () => notices(page),
      (n) => !n.some((t) => /“lr”|^Learning rate/.test(t)),
      { what: "the rate's notice gone" },
    );
    assert.equal(seen.length, 1, `${seen}`);
    assert.equal(await rate.getAttribute('aria-invalid'), null);
    await page.locator('.notice').getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await page.locator('.notice').count(), 0);
  }));

// Layout shifts as the browser reports them, minus those a reader's own input caused.
const watchShifts = (page) =>
  page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (!e.hadRecentInput) window.__shifts.push({ value: e.value, at: e.startTime });
    }).observe({ type: 'layout-shift', buffered: true });
  });

test('loading moves nothing on the screen: cumulative layout shift under 0.05 until the first epochs', async () => {
  for (const [name, options] of SCREENS)
    for (const link of ['', '?task=moons', '?rule=kaneko']) {
      await withPage(link, { ...options, setup: watchShifts }, async (page) => {
        await statusAt(page, 5);
        const shifts = await page.evaluate(() => window.__shifts);
        const cls = shifts.reduce((sum, s) => sum + s.value, 0);
        assert.ok(cls < 0.05, `${name} ${link || 'the default'}: CLS ${cls.toFixed(4)} (${JSON.stringify(shifts)})`);
      });
    }
});

// Each visible control's target: its own box, or, for a checkbox or the file
// input inside its label, the label's, which takes the same taps. A link
// inside a sentence is the one exception (WCAG 2.5.8 lets inline links be).
const targets = (page) =>
  page.evaluate(() => {
    const seen = [];
    for (const e of document.querySelectorAll(
      'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    )) {
      const own = e.getBoundingClientRect();
      const label = e.closest('label');
      const r = ['checkbox', 'radio', 'file'].includes(e.type) && label ? label.getBoundingClientRect() : own;
      const hidden =
        e.closest('[hidden]') || getComputedStyle(e).visibility === 'hidden' || (!own.width && !own.height && !label);
      if (hidden || !r.width) continue;
      const inline = e.tagName === 'A' && getComputedStyle(e).display === 'inline' && e.parentElement.tagName === 'P';
      seen.push({
        what: `${e.tagName.toLowerCase()}#${e.id || ''} ${(e.getAttribute('aria-label') || e.textContent).trim().slice(0, 30)}`,
        w: Math.round(r.width),
        h: Math.round(r.height),
        inline,
      });
    }
    return seen;
  });

test('on a 360-px phone every visible tap target is at least 44 × 44', async () => {
  for (const link of [
    '?paused=1&lr=abc',
    '?paused=1&task=moons&rule=kaneko&race=1',
    '?paused=1&task=adder',
    '?paused=1&task=spiral',
  ]) {
    await withPage(link, PHONE, async (page) => {
      await statusAt(page, 0);
      await page.getByText('Settings', { exact: true }).click();
      await page.getByRole('button', { name: 'What these mean' }).waitFor();
      // The cards far down load their code when near the screen: their controls count too.
      await page.locator('#card-digits').scrollIntoViewIfNeeded();
      await page.locator('#dg-run:not([disabled])').waitFor();
      const all = await targets(page);
      assert.ok(all.length > 25, `${all.length} targets`);
      const small = all.filter((t) => !t.inline && (t.w < 44 || t.h < 44));
      assert.deepEqual(small, [], `${link}: targets under 44 × 44`);
      if (link.includes('spiral'))
        assert.ok(
          all.some((t) => t.inline),
          "the spiral note's link, the one inline exception",
        );
    });
  }
});

test('on a phone the network readout sits small under the diagram, clear of the finger', () =>
  withPage('?paused=1', PHONE, async (page) => {
    await statusAt(page, 0);
    const canvas = page.locator('#network');
    await canvas.scrollIntoViewIfNeeded();
    const c = await box(canvas);
    // Hidden 1, unit 0 (as in playground.test.mjs).
    await canvas.tap({ position: { x: 34 + (c.width - 56) / 3, y: 26 + (c.height - 34) / 16 } });
    const tip = page.locator('#network-tip');
    assert.match(await tip.textContent(), /^hidden 1 unit 0: excitatory \(\+\), its incoming weights' average size \d/);
    const t = await box(tip);
    assert.ok(t.y >= c.y + c.height, `the readout at ${t.y} px, the diagram ends at ${c.y + c.height} px`);
    assert.ok(
      t.width * t.height < 0.25 * c.width * c.height,
      `the readout ${t.width} × ${t.height}, a quarter of the diagram at most`,
    );
  }));

test('the digits say "after 1 epoch", not "1 epochs"', () =>
  withPage('', async (page) => {
    await ready(page);
    const card = page.locator('#card-digits');
    await card.scrollIntoViewIfNeeded();
    for (const [label, value] of [
      ['Epochs', '1'],
      ['Digits to learn from', '500'],
      ['Digits to test on', '200'],
      ['Hidden units', '16'],
    ]) {
      await card.getByLabel(label).selectOption(value);
    }
    await card.getByRole('button', { name: 'Learn handwritten digits' }).click();
    const done = await until(
      () => page.locator('#dg-status').textContent(),
      (t) => t.startsWith('Done'),
      { what: 'the digits done', timeout: 60000 },
    );
    assert.match(done, /after 1 epoch ED gets/);
  }));

// Not a check: the first screens, for a person to look at (artifacts/).
test('screenshots: the first screen on a desktop and a phone', async () => {
  for (const [name, options] of SCREENS) {
    await withPage('?stop=never', options, async (page) => {
      await statusWhen(page, (s) => s.epoch >= 30, 'epoch 30');
      await page.screenshot({ path: `artifacts/reader-${name}.png` });
    });
  }
});
