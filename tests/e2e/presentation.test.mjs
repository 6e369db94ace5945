// End-to-end tests of presentation mode (www/present.js, www/present.css): at
// 1280 × 720 the network, the map and the loss chart are on the screen whole,
// without scrolling, each at least a stated size; no text shown is under 16 px,
// the canvases' own labels included; the settings are folded, the transport and
// the status line kept; the button and Escape leave it, the button and the
// link's present=1 enter it, and none of it restarts the run. Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, until, hook, ready, epochAtLeast } from './harness.mjs';

before(() => startSite(['index.html', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

const SCREEN = { width: 1280, height: 720 };
// The smallest each view may be on that screen, in CSS px (width × height).
const VIEWS = { '#network': [400, 400], '#map': [300, 300], '#loss-chart canvas': [300, 400] };
const LABEL_PX = 16;

// Records the largest and smallest font each canvas writes text in (fillText),
// so that the labels drawn in canvases are checked as well as the page's text.
const recordCanvasFonts = (page) =>
  page.addInitScript(() => {
    const fonts = new Map();
    window.__canvasFonts = () =>
      [...fonts]
        .filter(([c]) => c.isConnected && c.checkVisibility())
        .map(([c, px]) => ({ canvas: c.id || c.closest('[id]')?.id, px }));
    window.__forgetCanvasFonts = () => fonts.clear();
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      // uPlot writes in device pixels; the tests run at one device pixel per CSS px.
      const px = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1]);
      if (String(text).trim()) fonts.set(this.canvas, Math.min(fonts.get(this.canvas) ?? Infinity, px));
      return fillText.call(this, text, ...rest);
    };
  });

/** Every text node shown on the screen whose font is under `min` px: `[{ text, px }]`. */
const smallText = (page, min) =>
  page.evaluate((min) => {
    const small = [],
      walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const e = n.parentElement,
        text = n.textContent.trim();
      if (!text || !e.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (!r.width || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) continue;
      const px = parseFloat(getComputedStyle(e).fontSize);
      if (px < min) small.push({ text: text.slice(0, 40), px });
    }
    return small;
  }, min);

/** Each view's box; throws unless it is whole on the screen and at least its stated size. */
async function viewsFit(page) {
  const boxes = {};
  for (const [sel, [w, h]] of Object.entries(VIEWS)) {
    const b = await page.locator(sel).first().boundingBox();
    assert.ok(b, `${sel} shown`);
    assert.ok(
      b.x >= 0 && b.y >= 0 && b.x + b.width <= SCREEN.width && b.y + b.height <= SCREEN.height,
      `${sel} on the screen whole: ${JSON.stringify(b)}`,
    );
    assert.ok(
      b.width >= w && b.height >= h,
      `${sel} ${Math.round(b.width)} × ${Math.round(b.height)}, at least ${w} × ${h}`,
    );
    boxes[sel] = `${Math.round(b.width)} × ${Math.round(b.height)}`;
  }
  // Nothing to scroll to: the page is the screen.
  const scroll = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.scrollHeight,
  ]);
  assert.deepEqual(scroll, [SCREEN.width, SCREEN.height], 'no scrolling');
  return boxes;
}

/** The canvases shown and the smallest font each writes in, once each has drawn again since now. */
async function canvasFonts(page) {
  await page.evaluate(() => window.__forgetCanvasFonts());
  return until(
    () => page.evaluate(() => window.__canvasFonts()),
    (list) => ['network', 'map', 'loss-chart'].every((id) => list.some((f) => f.canvas === id)),
    { what: 'the network, the map and the loss chart drawing their labels' },
  );
}

test('present=1 at 1280 × 720: the three views on the screen, each at least its size, no text under 16 px', (t) =>
  withPage('index.html?present=1&stop=never', { viewport: SCREEN, setup: recordCanvasFonts }, async (page) => {
    await ready(page);
    await epochAtLeast(page, 5);
    t.diagnostic(`views: ${JSON.stringify(await viewsFit(page))}`);
    assert.deepEqual(await smallText(page, LABEL_PX), [], `text under ${LABEL_PX} px`);
    const fonts = await canvasFonts(page);
    assert.deepEqual(
      fonts.filter((f) => !(f.px >= LABEL_PX)),
      [],
      `canvas labels under ${LABEL_PX} px`,
    );
    // The transport and the status line are there; the settings are folded, their summary shown.
    for (const name of ['Pause', 'Step', 'Reset', 'Exit presentation'])
      assert.ok(await page.getByRole('button', { name, exact: true }).isVisible(), name);
    assert.match(await page.getByRole('status').first().textContent(), /^epoch \d+/);
    assert.equal(await page.locator('#settings').evaluate((d) => d.open), false);
    assert.equal(await page.getByLabel('Loss function').isVisible(), false);
    assert.ok(await page.locator('#settings > summary').isVisible());
    await page.screenshot({ path: 'artifacts/presentation-1280x720.png' });
    // Opened, the settings are there to change, in the same large type.
    await page.locator('#settings > summary').click();
    assert.ok(await page.getByLabel('Loss function').isVisible());
    assert.deepEqual(await smallText(page, LABEL_PX), [], `text under ${LABEL_PX} px with the settings open`);
  }));

test('the button and Escape leave presentation mode, the button enters it, the link follows, the run goes on', () =>
  withPage('index.html?stop=never', { viewport: SCREEN, setup: recordCanvasFonts }, async (page) => {
    await ready(page);
    const present = page.getByRole('button', { name: 'Present', exact: true });
    assert.equal(await present.getAttribute('aria-pressed'), 'false');
    assert.ok(await page.locator('.masthead').isVisible());
    assert.equal(await page.locator('#settings').evaluate((d) => d.open), true, 'a desktop shows its settings');
    await epochAtLeast(page, 5);

    const before = await hook(page, 'epoch');
    await present.click();
    const exit = page.getByRole('button', { name: 'Exit presentation', exact: true });
    assert.equal(await exit.getAttribute('aria-pressed'), 'true');
    assert.match(page.url(), /[?&]present=1(&|$)/);
    assert.equal(await page.locator('.masthead').isVisible(), false);
    await viewsFit(page);
    // The canvases redraw their labels at the larger size.
    assert.deepEqual(
      (await canvasFonts(page)).filter((f) => !(f.px >= 16)),
      [],
    );
    assert.ok((await hook(page, 'epoch')) >= before, 'the same run, not a new one');

    await page.keyboard.press('Escape');
    await present.waitFor();
    assert.doesNotMatch(page.url(), /present=/);
    assert.ok(await page.locator('.masthead').isVisible());
    assert.equal(await page.locator('#settings').evaluate((d) => d.open), true, 'the settings as they were');
    // Out of it, the labels are the page's usual size again.
    assert.ok((await canvasFonts(page)).every((f) => f.px < 16));

    await present.click();
    await exit.click();
    assert.doesNotMatch(page.url(), /present=/);
    assert.ok((await hook(page, 'epoch')) >= before, 'still the same run');
    await epochAtLeast(page, before + 5);
  }));
