// The page's colours for colour-blind readers (issue 13, item 14): every two
// colours that share a chart or a map stay apart under normal vision and under
// simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009 at
// severity 1, tests/e2e/colour-vision.mjs), in the light and the dark scheme,
// and each stands out from the card it is drawn on. The colours are read as the
// browser has them: computed CSS variables, and the charts' legend markers and
// the page's legend marks as drawn.
//
// Thresholds, in CIEDE2000 (ΔE00, which weighs a difference as people see it
// rather than as CIELAB's raw distance, ΔE76, does). A ΔE00 of about 1 is a
// just-noticeable difference between two large patches side by side; lines 2 px
// wide are told apart from a legend, by memory, so far more is needed.
// - Two series or classes: ΔE00 >= 15. For scale: Okabe and Ito's
//   "colour universal design" palette, the usual colour-blind-safe reference,
//   keeps its closest pairs at 11 to 12 under these simulations; the green and
//   orange of the old 3-class map fell to 3.7 under protanopia, and BCE with
//   logits' pink and the test line's grey to 3.5.
// - A series or mark against its card: ΔE00 >= 20, as a line must stand out
//   from its paper more than from another line (the old palette's weakest here
//   was 26, a yellow on white would be about 10).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSite, stopSite, withPage, until } from './harness.mjs';
import { VISIONS, difference, parseColour } from './colour-vision.mjs';
import { KEYS } from '../../www/ui.js';

before(() => startSite(['index.html', 'embed.html', 'ed-playground.js', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

const APART = 15,
  FROM_CARD = 20;
/** The engine's neutral middle of a decision map (src/view/decision_map.rs MID), the ground of every map's points. */
const MAP_MIDDLE = '#eeeeee';
// The colours the canvases draw in (www/ui.js reads them), but the text's own
// (`fg`, `line`): the palette's colours that must stay apart.
const PALETTE = KEYS.filter((k) => k !== 'fg' && k !== 'line');

/** The pairs of `colours` ({ name: css colour }) closer than `least` under some vision, as words. */
function tooClose(colours, least, what) {
  const names = Object.keys(colours),
    close = [];
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) {
      const [a, b] = [colours[names[i]], colours[names[j]]].map(parseColour);
      if (a.join() === b.join()) continue; // one colour under two names (a dashed and a solid series)
      for (const v of VISIONS) {
        const d = difference(a, b, v);
        if (d < least)
          close.push(
            `${what}: ${names[i]} ${colours[names[i]]} / ${names[j]} ${colours[names[j]]}, ${v}: ΔE00 ${d.toFixed(1)}`,
          );
      }
    }
  return close;
}

/** The colours of `colours` closer than `least` to `ground` under some vision. */
function onGround(colours, ground, least, what) {
  const close = [];
  for (const [name, c] of Object.entries(colours))
    for (const v of VISIONS) {
      const d = difference(parseColour(c), parseColour(ground), v);
      if (d < least) close.push(`${what}: ${name} ${c} on ${ground}, ${v}: ΔE00 ${d.toFixed(1)}`);
    }
  return close;
}

/** A uPlot chart's series colours, as its legend markers draw them: { label: colour }. */
const legendColours = (page, box) =>
  page.locator(`${box} .u-legend tr`).evaluateAll((rows) =>
    Object.fromEntries(
      rows
        .slice(1) // the x axis's row (epochs, hidden units)
        .map((r) => [r.querySelector('.u-label')?.textContent.trim(), r.querySelector('.u-marker')])
        .filter(([, m]) => m)
        .map(([label, m]) => [label, getComputedStyle(m).borderTopColor]),
    ),
  );

/** Every colour group of the page in `scheme`, read from the browser: { what: { name: colour } }, and the card. */
async function groupsIn(scheme) {
  // A 2-D task (a test line), racing (backprop's lines), four hidden layers (five mean |w| lines), three classes.
  return withPage('?task=spiral3&race=1&hidden=8,8,8,8&speed=5', { colorScheme: scheme }, async (page) => {
    const vars = await page.evaluate((keys) => {
      const css = getComputedStyle(document.documentElement);
      return Object.fromEntries(keys.map((k) => [k, css.getPropertyValue(`--${k}`).trim()]));
    }, PALETTE);
    const loss = await until(
      () => legendColours(page, '#loss-chart'),
      (l) => Object.keys(l).length === 4,
      { what: 'the loss chart with ED (MSE), ED test, Backprop and Backprop test' },
    );
    const meanAbs = await until(
      () => legendColours(page, '#meanabs-chart'),
      (l) => Object.keys(l).length === 5,
      { what: 'five layers in the mean |w| chart' },
    );
    await page.locator('#card-experiment').scrollIntoViewIfNeeded();
    const experiment = await until(
      () => legendColours(page, '#xp-chart'),
      (l) => Object.keys(l).length === 4,
      { what: 'the experiment chart' },
    );
    await page.locator('#card-digits').scrollIntoViewIfNeeded();
    const digits = await until(
      () => legendColours(page, '#dg-chart'),
      (l) => Object.keys(l).length === 2,
      { what: 'the digits chart' },
    );
    const marks = async (sel, prop) =>
      Object.fromEntries(
        await page
          .locator(sel)
          .evaluateAll(
            (els, prop) => els.map((e) => [e.parentElement.textContent.trim(), getComputedStyle(e)[prop]]),
            prop,
          ),
      );
    const classes = await until(
      () => marks('#output-key .mk:not(.hollow)', 'color'),
      (m) => Object.keys(m).length === 3,
      { what: "the 3-class key's marks" },
    );
    const units = await marks('.net-key .unit-mk', 'color');
    const connections = await marks('.net-key .line-mk', 'backgroundColor');
    return {
      card: vars.card,
      vars,
      groups: {
        // The chart holds a series per loss a run switches to: all three, whichever this run shows.
        'loss chart': {
          ...loss,
          'loss0 (MSE)': vars.loss0,
          'loss1 (BCE)': vars.loss1,
          'loss2 (BCE with logits)': vars.loss2,
        },
        'mean |w| chart': meanAbs,
        'experiment chart': experiment,
        'digits chart': digits,
        'network units': units,
        'network connections': connections,
        'digits fields (raise, lower)': { raise: vars.pos, lower: vars.neg },
        'map classes': classes,
      },
    };
  });
}

for (const scheme of ['light', 'dark']) {
  test(`${scheme}: every two series of a chart, every two classes of a map, stay apart under protanopia, deuteranopia and tritanopia`, async (t) => {
    const { card, vars, groups } = await groupsIn(scheme);
    const rgb = (c) => parseColour(c).join();
    // The charts and legends draw the variables (a colour read as drawn is the variable's).
    assert.equal(rgb(groups['loss chart']['ED (MSE)']), rgb(vars.loss0), 'MSE is drawn in --loss0');
    assert.equal(
      rgb(groups['loss chart'].Backprop),
      rgb(vars.s4),
      'backprop is drawn in --s4, as on the experiment and digits charts',
    );
    assert.equal(rgb(groups['loss chart']['ED test']), rgb(vars.muted), 'the test line is drawn in --muted');
    assert.deepEqual(
      Object.values(groups['map classes']).map(rgb),
      [vars.class0, vars.class1, vars.class2].map(rgb),
      'the key shows the classes in --class0..2',
    );
    assert.deepEqual(Object.values(groups['network units']).map(rgb), [vars.pos, vars.neg].map(rgb));
    assert.deepEqual(Object.values(groups['network connections']).map(rgb), [vars.pos, vars.neg].map(rgb));

    const problems = [];
    for (const [what, colours] of Object.entries(groups)) {
      assert.ok(Object.keys(colours).length >= 2, `${what}: ${JSON.stringify(colours)}`);
      problems.push(...tooClose(colours, APART, what));
      problems.push(...onGround(colours, card, FROM_CARD, what));
    }
    // A map's points lie on the map, whose ground is the engine's light middle in both schemes.
    problems.push(...onGround(groups['map classes'], MAP_MIDDLE, FROM_CARD, 'map classes on the map'));
    assert.deepEqual(problems, [], `${scheme}: ${problems.length} pairs too close:\n${problems.join('\n')}`);
    // The closest pair and the weakest colour on its card, for the record.
    const all = Object.entries(groups).flatMap(([what, c]) => [
      ...tooClose(c, Infinity, what),
      ...onGround(c, card, Infinity, `${what} on the card`),
    ]);
    const dE = (line) => Number(line.match(/ΔE00 ([\d.]+)$/)[1]);
    const least = (onCard) => all.filter((l) => l.includes(' on the card') === onCard).sort((a, b) => dE(a) - dE(b))[0];
    t.diagnostic(`closest pair: ${least(false)}; weakest on its card: ${least(true)}`);
  });
}

/** The palette's colours in force at `selector` (in the document, else in the element's shadow root), once it is there. */
const paletteAt = (page, selector) =>
  until(
    () =>
      page.evaluate(
        ({ keys, selector }) => {
          const node =
            document.querySelector(selector) ??
            document.querySelector('ed-playground')?.shadowRoot?.querySelector(selector);
          if (!node) return null;
          const css = getComputedStyle(node);
          return Object.fromEntries(keys.map((k) => [k, css.getPropertyValue(`--${k}`).trim()]));
        },
        { keys: PALETTE, selector },
      ),
    Boolean,
    { what: `the palette at ${selector}` },
  );

test('the palette is written once (www/palette.css), each colour once per scheme, and no other sheet states one', () => {
  const palette = readFileSync('www/palette.css', 'utf8');
  // `--x: var(--light, #light) var(--dark, #dark)`, `--x: #same-in-both` or `--x: var(--another)`.
  const declared = (k) =>
    new RegExp(
      `--${k}: (var\\(--light, #[0-9a-f]{6}\\) var\\(--dark, #[0-9a-f]{6}\\)|#[0-9a-f]{6}|var\\(--[a-z0-9]+\\));`,
      'i',
    ).test(palette);
  assert.deepEqual(
    PALETTE.filter((k) => !declared(k)),
    [],
    'every palette colour in palette.css',
  );
  // The series colours (the losses' among them) once each, in the whole palette.
  const series = palette.match(/^\s*--s\d: .*$/gm).join('\n');
  for (const hex of series.match(/#[0-9a-f]{6}/gi))
    assert.equal(palette.split(hex).length - 1, 1, `${hex} is written once`);
  for (const file of [
    'www/style.css',
    'www/share.css',
    'www/present.css',
    'www/embed/element.css',
    'www/embed/frame.css',
  ]) {
    const text = readFileSync(file, 'utf8');
    assert.deepEqual(
      PALETTE.filter((k) => new RegExp(`--${k}\\s*:`).test(text)),
      [],
      `${file} states none of the palette`,
    );
  }
});

test("the element's colours are the page's: its light and dark themes whatever the reader's scheme, auto as the reader's", async () => {
  const page = {};
  for (const scheme of ['light', 'dark'])
    page[scheme] = await withPage('', { colorScheme: scheme }, (p) => paletteAt(p, 'html'));
  assert.notDeepEqual(page.light, page.dark, 'two schemes');
  const element = (theme, scheme) =>
    withPage(`embed.html?theme=${theme}&autoplay=0`, { colorScheme: scheme }, (p) => paletteAt(p, '.ed'));
  assert.deepEqual(await element('light', 'dark'), page.light, 'theme=light under a dark system');
  assert.deepEqual(await element('dark', 'light'), page.dark, 'theme=dark under a light system');
  for (const scheme of ['light', 'dark'])
    assert.deepEqual(await element('auto', scheme), page[scheme], `theme=auto under a ${scheme} system`);
});

test("the 3-class map's key names its three classes, each with its own mark; a 2-class map's two values", async () => {
  const keyOf = (page) =>
    page
      .locator('#output-key .mk:not(.hollow)')
      .evaluateAll((els) => els.map((e) => ({ text: e.parentElement.textContent.trim(), mark: e.className })));
  await withPage('?task=spiral3', async (page) => {
    const key = await until(
      () => keyOf(page),
      (k) => k.length === 3 && k[0].text === 'class 0',
      { what: 'the key of three classes' },
    );
    assert.deepEqual(
      key.map((k) => k.text),
      ['class 0', 'class 1', 'class 2'],
    );
    assert.equal(new Set(key.map((k) => k.mark.match(/\bs\d\b/)[0])).size, 3, `three shapes: ${JSON.stringify(key)}`);
  });
  await withPage('?task=xor', async (page) => {
    const key = await until(
      () => keyOf(page),
      (k) => k.length === 2,
      { what: 'the key of two values' },
    );
    assert.deepEqual(
      key.map((k) => k.text),
      ['0', '1'],
    );
  });
});

test("the adder's maps draw its points: the four of the square's corners, where the other two inputs are 0", () =>
  withPage('?task=adder', { colorScheme: 'light' }, async (page) => {
    // A filled point is ringed in the card's white; no map colour is that light
    // (the engine's lightest is its middle, #eeeeee), so white pixels are points.
    const whiteByQuadrant = (sel) =>
      page.locator(sel).evaluateAll((canvases) =>
        canvases.map((c) => {
          const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height),
            q = [0, 0, 0, 0];
          for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3] < 255 || data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) continue;
            const x = (i / 4) % c.width,
              y = Math.floor(i / 4 / c.width);
            q[(x >= c.width / 2 ? 1 : 0) + (y >= c.height / 2 ? 2 : 0)]++;
          }
          return q;
        }),
      );
    const lit = (maps) => maps.length > 0 && maps.every((q) => q.every((n) => n > 0));
    const main = await until(() => whiteByQuadrant('#map'), lit, { what: "points in each corner of the adder's map" });
    const small = await until(
      () => whiteByQuadrant('#output-maps canvas'),
      (m) => m.length === 3 && lit(m),
      { what: "points on each sum bit's map" },
    );
    assert.ok(lit(main) && lit(small));
    const key = await page.locator('#output-key').textContent();
    assert.match(key, /x2 = x3 = 0/, 'the key says which points the maps can show');
  }));
