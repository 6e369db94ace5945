// Hostile links and long runs: whatever a URL carries, the page and the iframe
// embed stay alive with their status shown, open no dialog, run no foreign code
// and send nothing outside the origin; and the engine trains for ten million
// epochs through the wasm API without its memory or its history growing. (The
// minute at full speed is soak.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { startSite, stopSite, withPage, until } from './harness.mjs';

before(() => startSite(['index.html', 'embed.html', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

// Each tries to set window.__pwned if it ever runs as code.
const RUN = 'window.__pwned=1';
const HOSTILE = [
  `task=<script>${RUN}</script>`,
  `loss="><img src=x onerror="${RUN}">`,
  `hidden=<svg/onload=${RUN}>`,
  `lr=javascript:${RUN}`,
  `seed=1;${RUN}`,
  `speed=<iframe src="javascript:${RUN}">`,
  `paused=<script>${RUN}</script>`,
  `changes=300:loss:<img src=x onerror=${RUN}>`,
  `rule=<script>${RUN}</script>`,
  `bits=<b onmouseover=${RUN}>`,
  `__proto__=<script>${RUN}</script>&constructor=1&toString=x`,
  `task=xor#<img src=x onerror=${RUN}>`,
  `loss=bce#"><script>${RUN}</script>`,
  'seed=99999999999999999999999999',
  'seed=-1',
  'seed=1e3',
  'lr=-1',
  'lr=NaN',
  'lr=Infinity',
  'lr=1e400',
  'lr=0x10',
  'lr=',
  'hidden=',
  'hidden=0',
  'hidden=257',
  'hidden=8,,8',
  `hidden=${'1,'.repeat(10000)}1`,
  'speed=0',
  'speed=1e9',
  'speed=-5',
  'task=%FF%FE%FD',
  'loss=%00%01',
  'hidden=%E2%80%AE8,8',
  'task=parity&bits=99',
  'changes=0:lr:1e400',
  `changes=${'1:loss:bce,'.repeat(2000)}1:loss:mse`,
  'hidden=8,8&hidden=64&hidden=<script>',
  `task=${'x'.repeat(1 << 20)}`,
];

// Its own checks, not `clean`: what a hostile link must not do.
async function assertAlive(path) {
  const dialogs = [];
  const setup = (page) =>
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
  await withPage(path, { clean: false, setup }, async (page) => {
    const status = page.getByRole('status').first();
    await status.waitFor({ state: 'visible', timeout: 15000 });
    // The locator pierces the embed's shadow root, where its status lives.
    const shown = await until(
      () => status.textContent(),
      (t) => /epoch \d+/.test(t),
      { what: `${path.slice(0, 80)}: a status line with an epoch` },
    );
    assert.match(shown, /epoch \d+ · loss/, `${path.slice(0, 80)}: status "${shown}"`);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `${path.slice(0, 80)}: ran foreign code`);
    assert.deepEqual(dialogs, [], `${path.slice(0, 80)}: opened a dialog`);
    assert.deepEqual(page.problems.errors, [], `${path.slice(0, 80)}: page errors`);
    assert.deepEqual(page.problems.foreign, [], `${path.slice(0, 80)}: requests outside the origin`);
  });
}

test("no script writes HTML except the element's constant template", () => {
  const files = readdirSync('www', { recursive: true })
    .filter((f) => f.endsWith('.js'))
    .map((f) => `www/${f}`);
  const writers =
    /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|\beval\(|new Function\(/;
  const found = files
    .flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => [f, i + 1, line]),
    )
    .filter(([, , line]) => writers.test(line))
    .map(([f, , line]) => `${f}: ${line.trim().slice(0, 60)}`);
  assert.deepEqual(found, ['www/embed/element.js: TEMPLATE.innerHTML = `<div class="ed" part="frame">']);
  // That template interpolates only the ICONS constants.
  const template = readFileSync('www/embed/element.js', 'utf8').split('TEMPLATE.innerHTML = `')[1].split('`;')[0];
  const interpolated = [...new Set(template.match(/\$\{[^}]*\}/g))].map((m) => m.slice(2, -1)).sort();
  assert.deepEqual(interpolated, [
    "icon('pause', 'i-pause')",
    "icon('play', 'i-play')",
    "icon('reset')",
    "icon('step')",
  ]);
});

test(`the page survives ${HOSTILE.length} hostile links`, async () => {
  assert.ok(HOSTILE.length >= 30);
  for (const query of HOSTILE) await assertAlive(`?${query}`);
});

test('the iframe embed survives hostile links', async () => {
  for (const query of HOSTILE.filter((_, i) => i % 3 === 0)) await assertAlive(`embed.html?${query}`);
});

test("a unit's map: the output layer's is the decision map, a unit that does not exist is an Error", () =>
  withPage('pkg/', { clean: false }, async (page) => {
    const r = await page.evaluate(async () => {
      const { default: init, Playground } = await import('/pkg/ed_playground.js');
      await init();
      const p = new Playground({ hidden: [8, 8] });
      p.step(100);
      const refusal = (f) => {
        try {
          f();
          return 'no error';
        } catch (e) {
          return `${e.constructor.name}: ${e.message}`;
        }
      };
      const same = p.unitMap(12, 2, 0).join() === p.decisionMapOutput(12, 0).join();
      const hidden = new Set(Array.from({ length: 8 }, (_, u) => p.unitMap(12, 1, u).join())).size;
      return {
        same,
        hidden,
        layer: refusal(() => p.unitMap(12, 3, 0)),
        unit: refusal(() => p.unitMap(12, 0, 8)),
        out: refusal(() => p.unitMap(12, 2, 1)),
      };
    });
    assert.deepEqual(r, {
      same: true,
      hidden: 8,
      layer: 'Error: layer: no such layer',
      unit: 'Error: unit: no such unit',
      out: 'Error: unit: no such unit',
    });
  }));

test('ten million epochs through the wasm API: memory flat after warm-up, history bounded', () =>
  withPage('pkg/', { clean: false }, async (page) => {
    const r = await page.evaluate(async () => {
      const { default: init, Playground } = await import('/pkg/ed_playground.js');
      const wasm = await init();
      const p = new Playground({ hidden: [8, 8] });
      p.step(200_000);
      p.historyEpochs();
      const warm = wasm.memory.buffer.byteLength;
      while (p.epoch < 10_000_000) p.step(500_000);
      return {
        epoch: p.epoch,
        warm,
        end: wasm.memory.buffer.byteLength,
        points: p.historyEpochs().length,
        loss: p.loss,
      };
    });
    assert.ok(r.epoch >= 10_000_000, `${r.epoch} epochs`);
    assert.equal(r.end, r.warm, 'wasm memory grew after warm-up');
    assert.ok(r.points <= 2048, `${r.points} history points`);
    assert.ok(Number.isFinite(r.loss));
    console.log(
      `# long run: ${r.epoch} epochs, wasm memory ${r.warm} -> ${r.end} bytes, ${r.points} history points, loss ${r.loss}`,
    );
  }));
