// End-to-end tests of the built page (dist/) in Debian's Chromium, served with
// the strict Content-Security-Policy of scripts/serve.mjs. Run `make dist` first.
// The hook (window.__edPlayground) gives the engine's values as they are; the
// views show them a few frames later. A test waits for the thing it reads (see harness.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSite,
  stopSite,
  withPage,
  statusWhen,
  until,
  origin,
  hook,
  ready,
  epochAtLeast,
  notices,
  drawn,
} from './harness.mjs';

before(() => startSite(['index.html', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

const paused = (page) => statusWhen(page, (s) => s.text.endsWith(' · paused'), 'a status line that says paused');
/** Pauses; a pause draws every view at the last epoch: the status line it then shows. */
const pause = async (page) => {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
  return paused(page);
};
/** The status line once it reads epoch `n` (after a step, a reset, a load: it is not redrawn every frame then). */
const at = (page, n) => statusWhen(page, (s) => s.epoch === n, `a status line at epoch ${n}`);

test('loads with no console error, no CSP violation, no request outside its origin', () =>
  withPage('', async (page) => {
    await epochAtLeast(page, 20);
    const loss = page.getByLabel('Loss function');
    assert.equal(await loss.evaluate((s) => s.tagName), 'SELECT');
    assert.deepEqual(await loss.locator('option').allTextContents(), ['MSE', 'BCE', 'BCE with logits']);
    for (const name of ['Pause', 'Step', 'Reset'])
      assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, name);
    assert.match(await page.locator('.keys').textContent(), /Space.*S.*R/);
    assert.equal(page.problems.wasm, 1, 'the preloaded engine is fetched once');
  }));

test('training starts by itself on XOR with the seed network and the loss falls', () =>
  withPage('', async (page) => {
    await epochAtLeast(page, 1);
    const first = await hook(page, 'loss');
    // A measured rate (it shows none before its first half second, never a stuck-looking 0).
    await statusWhen(page, (s) => /· [1-9][\d,]* epochs\/s$/.test(s.text), 'a measured rate');
    // The status line itself where the run paused at its solve, not the engine
    // (the line is redrawn every third frame).
    const { epoch, loss } = await statusWhen(
      page,
      (s) => s.text.endsWith(' · paused'),
      'the run paused at its solve',
      30000,
    );
    assert.ok(loss < 0.05 && loss < first / 5, `loss ${loss} after ${epoch} epochs, ${first} at the start`);
    const state = await hook(page, 'state');
    assert.deepEqual([state.task, state.loss, state.hidden, state.seed], ['xor', 'mse', [8, 8], 42]);
  }));

test('switching the loss mid-run keeps training and adds the new series', () =>
  withPage('?speed=5&stop=never', async (page) => {
    await epochAtLeast(page, 100);
    await page.getByLabel('Loss function').selectOption({ label: 'BCE with logits' });
    const switched = (await hook(page, 'state')).changes[0].epoch;
    assert.ok(switched >= 100, 'no reset at the switch');
    // The chart, once it draws 20 points of the new loss.
    const series = await until(
      () => hook(page, 'lossSeries()'),
      (s) => s.length === 2 && s[1].points > 20,
      { what: 'a chart with 20 points of the new loss' },
    );
    assert.deepEqual(
      series.map((s) => s.label),
      ['MSE', 'BCE with logits'],
    );
    assert.ok(series[0].points >= 100, `MSE points ${series[0].points}`);
    assert.match(page.url(), new RegExp(`changes=${switched}:loss:bce-with-logits`));
  }));

test('pause, step exactly one epoch, reset; shortcuts stay quiet while typing', () =>
  withPage('', async (page) => {
    await epochAtLeast(page, 10);
    const { epoch } = await pause(page);
    assert.equal(await hook(page, 'epoch'), epoch, 'the paused line shows the last epoch');
    await page.waitForTimeout(150);
    assert.equal(await hook(page, 'epoch'), epoch, 'paused means no training');
    assert.match(page.url(), /paused=1/);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await at(page, epoch + 1);
    await page.keyboard.press('s');
    await at(page, epoch + 2);
    await page.getByLabel('Hidden layers').focus();
    await page.keyboard.type('sr ');
    assert.equal(await hook(page, 'epoch'), epoch + 2, 'typing in a field is not a shortcut');
    await page.getByLabel('Hidden layers').press('Escape');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await at(page, 0);
    await page.getByRole('button', { name: 'Draw a random seed' }).click();
    const seed = (await hook(page, 'state')).seed;
    assert.notEqual(seed, 42);
    assert.equal(await page.getByLabel('Random seed', { exact: true }).inputValue(), String(seed));
    assert.match(page.url(), new RegExp(`seed=${seed}`));
    await page.locator('body').click({ position: { x: 5, y: 5 } }); // Space on a focused button presses that button
    await page.keyboard.press('s');
    await at(page, 1);
    await page.keyboard.press('r');
    await at(page, 0); // r resets
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  }));

test('a shared link reproduces the same loss after the same number of epochs', () =>
  withPage('?paused=1', async (a) => {
    await ready(a);
    await a.getByLabel('Random seed', { exact: true }).fill('7');
    await a.getByLabel('Random seed', { exact: true }).press('Enter');
    await a.getByLabel('Hidden layers').fill('6,5');
    await a.getByLabel('Hidden layers').press('Enter');
    await a.getByLabel('Learning rate').fill('0.8');
    await a.getByLabel('Learning rate').press('Enter');
    await a.locator('body').click({ position: { x: 5, y: 5 } });
    // A step trains at once what a frame's budget allows and the rest in the
    // frames after: wait for the line to show the epoch, as a reader would.
    for (let i = 0; i < 20; i++) await a.keyboard.press('s');
    await at(a, 20);
    await a.getByLabel('Loss function').selectOption({ label: 'BCE with logits' });
    for (let i = 0; i < 15; i++) await a.keyboard.press('s');
    await at(a, 35);
    assert.equal(await hook(a, 'epoch'), 35);
    const la = await hook(a, 'loss');
    const link = a.url();
    assert.match(link, /seed=7/);
    assert.match(link, /hidden=6,5/);
    assert.match(link, /changes=20:loss:bce-with-logits/);

    assert.match(link, /at=35/);

    // It opens where it was paused: replayed to epoch 35, the switch at its epoch.
    await withPage(link.slice(origin.length + 1), async (b) => {
      assert.equal((await paused(b)).epoch, 35, 'the link opens paused at its epoch');
      assert.equal(await hook(b, 'epoch'), 35);
      assert.equal(await hook(b, 'loss'), la, 'bit-identical loss');
      assert.equal(await b.getByLabel('Loss function').inputValue(), 'bce-with-logits', 'the switch was replayed');
    });
  }));

test('a diverging learning rate stops each loss, keeps the last finite weights and offers a reset', async () => {
  for (const [loss, label] of [
    ['mse', 'MSE'],
    ['bce', 'BCE'],
    ['bce-with-logits', 'BCE with logits'],
  ]) {
    // Forty sane epochs, then the largest rate the page takes (see config.rs MAX_LR).
    await withPage(`?loss=${loss}&changes=40:lr:1e308&speed=2&stop=never`, async (page) => {
      const alert = page.locator('#diverged');
      await alert.waitFor();
      assert.match(await alert.textContent(), new RegExp(`diverged at epoch 41: the ${label} loss`), loss);
      const line = await statusWhen(page, (s) => s.text.includes('diverged'), 'a status line that says diverged');
      assert.match(line.text, /epoch 40 · loss \d.* · diverged at epoch 41/, loss);
      assert.ok(await page.getByRole('button', { name: 'Play', exact: true }).isDisabled());
      // Nothing non-finite reaches the chart (40 finite points) or the weights the
      // network view and the decision map are drawn from. Stopped, the chart is
      // drawn once more, at the last epoch: what it shows then stays.
      const series = await until(
        () => hook(page, 'lossSeries()'),
        (s) => s[0]?.points >= 40,
        { what: 'the chart at epoch 40' },
      );
      assert.deepEqual(series, [{ label, points: 40 }], loss);
      const weights = (await hook(page, 'weights()')).flat();
      assert.ok(weights.length > 0 && weights.every(Number.isFinite), `${loss}: finite weights`);
      // A sane rate, then the alert's own reset button, starts the run again.
      await page.getByLabel('Learning rate').fill('0.5');
      await page.getByLabel('Learning rate').press('Enter');
      await alert.getByRole('button', { name: 'Reset' }).click();
      await alert.waitFor({ state: 'hidden' });
      // The divergence paused a playing run: the new one plays by itself.
      await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
      await epochAtLeast(page, 60);
      assert.equal(await hook(page, 'divergedAt'), undefined);
    });
  }
});

test("the rule selector brings Kaneko's parameters and marks where his stopping rule is met", () =>
  withPage('?speed=5&stop=never', async (page) => {
    await epochAtLeast(page, 5);
    for (const name of ['Sigmoid width (u0)', 'Bias input (beta)', 'Hidden error share (u1)'])
      assert.equal(await page.getByLabel(name).isVisible(), false);
    await page.getByLabel('Rule').selectOption({ label: "Kaneko's original (1999)" });
    // His program's defaults: 8 hidden units, alpha 0.8, u0 0.4, beta 0.8, u1 1.
    assert.equal(await page.getByLabel('Sigmoid width (u0)').inputValue(), '0.4');
    assert.equal(await page.getByLabel('Bias input (beta)').inputValue(), '0.8');
    assert.equal(await page.getByLabel('Hidden error share (u1)').inputValue(), '1');
    assert.equal(await page.getByLabel('Learning rate (alpha)').inputValue(), '0.8');
    assert.equal(await page.getByLabel('Hidden layers').inputValue(), '8');
    assert.match(page.url(), /rule=kaneko/);
    // Seed 42 with his defaults meets the rule early; the chart marks the epoch.
    const isStop = (m) => m.label.startsWith("Kaneko's stop");
    const marks = await until(
      () => hook(page, 'lossMarks()'),
      (m) => m.some(isStop),
      { what: "the chart's mark of Kaneko's stop" },
    );
    assert.match(marks.find(isStop).label, /^Kaneko's stop: epoch \d+$/);
    const state = await hook(page, 'state');
    assert.deepEqual([state.rule, state.u0, state.beta, state.u1, state.lr], ['kaneko', 0.4, 0.8, 1, 0.8]);
    // A parameter of his changes the run; a bad one is refused by name.
    await page.getByLabel('Sigmoid width (u0)').fill('0');
    await page.getByLabel('Sigmoid width (u0)').press('Enter');
    await page
      .locator('.notice', { hasText: 'Sigmoid width (u0) must be a number greater than 0 and at most 100' })
      .waitFor();
    await page.getByLabel('Sigmoid width (u0)').fill('0.5');
    await page.getByLabel('Sigmoid width (u0)').press('Enter');
    await page.waitForFunction(() => window.__edPlayground.state.u0 === 0.5);
    assert.match(page.url(), /u0=0\.5/);
    // Back to the seed's rule: its own defaults, and his fields go away.
    await page.getByLabel('Rule').selectOption({ label: 'Loss-based' });
    assert.equal(await page.getByLabel('Sigmoid width (u0)').isVisible(), false);
    assert.equal(await page.getByLabel('Learning rate').inputValue(), '0.5');
    assert.equal((await hook(page, 'state')).rule, 'seed');
    // The new run's chart has no stop mark (the next frames could not add one: the seed's rule has no stop).
    await until(
      () => hook(page, 'lossMarks()'),
      (m) => !m.some(isStop),
      { what: "a chart without Kaneko's stop" },
    );
  }));

test("race mode trains backprop beside ED: two curves, two maps, each one's epoch to solve", () =>
  withPage('?speed=20', async (page) => {
    await epochAtLeast(page, 5);
    assert.equal(await page.locator('#map-bp').isVisible(), false);
    await page.getByLabel('Race backprop').check();
    assert.match(page.url(), /race=1/);
    // Both solve XOR at the seed's setting (ED at 42, backprop at 331: `ed race`).
    const race = await until(
      () => hook(page, 'race'),
      (r) => r?.ed !== undefined && r?.backprop !== undefined,
      { what: 'both solved', timeout: 30000 },
    );
    assert.deepEqual([race.ed, race.backprop], [42, 331]);
    // The race line itself (redrawn every third frame, like the status line).
    const line =
      /^ED solved at epoch 42 · backprop solved at epoch 331 · solved: every pattern right and mean loss under 0\.05$/;
    await until(
      () => page.locator('#race-status').textContent(),
      (t) => line.test(t),
      { what: `a race line matching ${line}` },
    );
    // The chart is drawn less often off screen: it shows 300 epochs of each a little later.
    const series = await until(
      () => hook(page, 'lossSeries()'),
      (s) => s.length === 2 && s.every((x) => x.points > 300),
      { what: '300 points of each curve', timeout: 20000 },
    );
    assert.deepEqual(
      series.map((s) => s.label),
      ['ED (MSE)', 'Backprop'],
    );
    assert.equal(series[0].points, series[1].points, 'one point per epoch for each');
    assert.ok(await page.locator('#map-bp').isVisible());
    // Drawn: many colours, not a blank canvas (the card may be off screen, drawn less often).
    await drawn(page, '#map-bp', 3, 20000);
    await page.getByLabel('Race backprop').uncheck();
    assert.equal(await page.locator('#map-bp').isVisible(), false);
  }));

test("racing on a 2-D task, the scores table gives backprop's loss and accuracy under ED's", () =>
  withPage('?task=moons&race=1&speed=20', async (page) => {
    await epochAtLeast(page, 60);
    // Paused, every view is drawn at the last epoch: the table shows what the engine has.
    await pause(page);
    const rows = page.locator('#truth tbody tr');
    assert.deepEqual(await rows.locator('th').allTextContents(), [
      'ED train',
      'ED test',
      'backprop train',
      'backprop test',
    ]);
    for (let i = 0; i < 4; i++) {
      const [loss, acc] = await rows.nth(i).locator('td').allTextContents();
      assert.ok(Number(loss) > 0 && Number(loss) < 1, `row ${i} loss ${loss}`);
      const pct = Number(acc.replace(' %', ''));
      assert.ok(pct >= 50 && pct <= 100, `row ${i} accuracy ${acc}`);
    }
  }));

test('a 2-D task trains with a test loss; a several-output task shows each output', () =>
  withPage('?task=moons&speed=20', async (page) => {
    await epochAtLeast(page, 50);
    assert.ok(await page.getByLabel('Noise').isVisible());
    assert.ok(await page.getByLabel('Test share').isVisible());
    const series = await until(
      () => hook(page, 'lossSeries()'),
      (s) => s.length === 2,
      { what: 'a chart with the test loss', timeout: 20000 },
    );
    assert.deepEqual(
      series.map((s) => s.label),
      ['MSE', 'ED test'],
    );
    assert.equal(series[1].points, series[0].points, 'test loss drawn at every point');
    const [trainLoss, trainAcc, testLoss, testAcc] = await hook(page, 'scores()');
    assert.ok(trainAcc > 0.7 && testAcc > 0.7, `accuracy ${trainAcc} / ${testAcc}`);
    assert.ok(testLoss > 0 && trainLoss > 0);
    assert.match(await page.locator('#truth').textContent(), /train.*test/s);
    // The noise slider rebuilds the run with the new points.
    await page.getByLabel('Noise').fill('0.3');
    await page.waitForFunction(() => window.__edPlayground.state.noise === 0.3);
    assert.match(page.url(), /noise=0\.3/);

    await page.getByLabel('Task').selectOption({ label: '3-class spiral' });
    await page.waitForFunction(() => window.__edPlayground.outputs === 3);
    assert.equal(await page.locator('#output-maps canvas').count(), 3);
    assert.deepEqual(await page.locator('#output-maps figcaption').allTextContents(), [
      'class 0',
      'class 1',
      'class 2',
    ]);
    await page.getByLabel('Sub-network').selectOption('2');
    await page.getByLabel('Task').selectOption({ label: '2-bit adder' });
    await page.waitForFunction(
      () => window.__edPlayground.outputs === 3 && window.__edPlayground.state.task === 'adder',
    );
    assert.equal(await page.locator('#truth tbody tr').count(), 16);
    assert.equal(await page.getByLabel('Noise').isVisible(), false);
  }));

test('bad URL values name their parameter, fall back to defaults and run nothing', async () => {
  let dialog = false;
  const setup = (page) =>
    page.on('dialog', (d) => {
      dialog = true;
      d.dismiss();
    });
  await withPage(
    '?lr=abc&hidden=0,x&task=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&seed=-3&speed=1e9',
    { setup },
    async (page) => {
      await epochAtLeast(page, 5);
      const names = ['lr', 'hidden', 'task', 'seed', 'speed'];
      await until(
        () => notices(page),
        (ns) => names.every((name) => ns.some((t) => t.includes(`“${name}”`))),
        { what: `a notice naming each of ${names}` },
      );
      assert.equal(await page.locator('img[src="x"]').count(), 0);
      const state = await hook(page, 'state');
      assert.deepEqual([state.task, state.lr, state.hidden, state.seed, state.speed], ['xor', 0.5, [8, 8], 42, 0.2]);
    },
  );
  assert.equal(dialog, false);
});

test('the loss chart, network view, weights and decision map are drawn (not blank)', () =>
  withPage('?speed=5&stop=never', async (page) => {
    await epochAtLeast(page, 120);
    // Each view on its own beat: each waited for until drawn.
    await drawn(page, '#loss-chart canvas', 20);
    await drawn(page, '#network', 50);
    await drawn(page, '#map', 50);
    await drawn(page, '#heatmaps canvas >> nth=1', 8);
    await drawn(page, '#meanabs-chart canvas', 20);
    const rows = await page.locator('#truth tbody tr').count();
    assert.equal(rows, 4);
    // Hover readouts: the first input unit of the network, and the loss chart's legend.
    const tip = page.locator('#network-tip');
    await page.locator('#network').hover({ position: { x: 34, y: 67 } });
    await until(
      () => tip.textContent(),
      (t) => /input x0, \+ copy: excitatory/.test(t),
      { what: "the first input unit's readout" },
    );
    const unitMap = page.locator('#network-tip canvas');
    assert.equal(await unitMap.isVisible(), false, 'an input unit has no map');
    // A hidden unit: down the hidden-1 column until the readout names one.
    const box = await page.locator('#network').boundingBox(),
      x = 34 + (box.width - 56) / 3;
    for (let y = 20; y < box.height && !/hidden 1 unit \d/.test(await tip.textContent()); y += 4) {
      await page.locator('#network').hover({ position: { x, y } });
    }
    assert.match(await tip.textContent(), /^hidden 1 unit \d: (excitatory|inhibitory)/);
    assert.ok(await unitMap.isVisible(), 'a hidden unit shows its map');
    await drawn(page, '#network-tip canvas', 20);
    await page.locator('#loss-chart .u-over').hover({ position: { x: 100, y: 60 } });
    await until(
      () => page.locator('#loss-chart .u-legend').textContent(),
      (t) => /epoch\S*\s*\d.*MSE\S*\s*\d/s.test(t),
      { what: "the legend's values under the pointer" },
    );
  }));

test('on a phone the first screen shows training: settings folded, the network in view', async () => {
  await withPage('', { viewport: { width: 360, height: 780 }, clean: false }, async (page) => {
    await epochAtLeast(page, 20);
    assert.equal(await page.getByLabel('Learning rate').isVisible(), false, 'folded');
    // The network comes first, under what ED is (reader.test.mjs); the loss and the map follow.
    const net = await page.locator('#network').boundingBox();
    assert.ok(net.y < 780 - 100, `the network starts at ${net.y} px`);
    await page.getByText('Settings', { exact: true }).click();
    assert.ok(await page.getByLabel('Learning rate').isVisible());
    await page.getByLabel('Learning rate').fill('0.3');
    await page.getByLabel('Learning rate').press('Enter');
    // A live change, recorded in the link with its epoch.
    await page.waitForFunction(() => /changes=\d+:lr:0\.3/.test(location.search));
  });
  // A wide screen has no fold: the fields are simply there.
  await withPage('', async (wide) => {
    await wide.getByLabel('Learning rate').waitFor({ state: 'attached' }); // built from the engine's table once it is loaded
    assert.ok(await wide.getByLabel('Learning rate').isVisible());
    assert.equal(await wide.getByText('Settings', { exact: true }).isVisible(), false);
  });
});

test('on a phone a tap reads a unit (its map included) and a tap elsewhere puts the readout away', () =>
  withPage('', { viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true }, async (page) => {
    await epochAtLeast(page, 30);
    await page.locator('#card-network').scrollIntoViewIfNeeded();
    // Hidden 1, unit 0: its column is a third of the way across, its unit the first of 8.
    const box = await page.locator('#network').boundingBox();
    await page.locator('#network').tap({ position: { x: 34 + (box.width - 56) / 3, y: 26 + (box.height - 34) / 16 } });
    assert.match(await page.locator('#network-tip').textContent(), /^hidden 1 unit 0: excitatory/);
    assert.ok(await page.locator('#network-tip canvas').isVisible());
    await page.locator('#card-network h2').tap();
    assert.equal(await page.locator('#network-tip').isVisible(), false);
  }));

test('downloads the loss CSV and the model JSON; a bad model file leaves the run alone', () =>
  withPage('?speed=10&stop=never', async (page) => {
    await epochAtLeast(page, 50);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download loss (CSV)' }).click(),
    ]);
    const csvText = await (await csv.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
    assert.match(csvText, /^epoch,loss_function,loss,mean_abs_w_layer1,mean_abs_w_layer2,mean_abs_w_layer3\n/);
    assert.match(csvText.split('\n')[1], /^1,mse,0\.\d+,/);
    // Saved while paused, so the status at the moment of saving is known.
    const saved = { ...(await pause(page)), exact: await hook(page, 'loss') };
    assert.equal(await hook(page, 'epoch'), saved.epoch);
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download model (JSON)' }).click(),
    ]);
    const model = await (await json.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
    assert.equal(JSON.parse(model).format, 'ed-playground-model');
    assert.equal(JSON.parse(model).epoch, saved.epoch);
    assert.equal(JSON.parse(model).loss, saved.exact);
    await page.getByRole('button', { name: 'Play', exact: true }).click();

    const before = await hook(page, 'epoch');
    await page
      .locator('#load')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"nope": 1}') });
    await page.locator('.notice', { hasText: 'Could not load bad.json' }).waitFor();
    await epochAtLeast(page, before + 20); // the running experiment goes on, untouched

    // Loaded back, the run stands where it was saved: same epoch, same loss.
    await pause(page);
    await page
      .locator('#load')
      .setInputFiles({ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(model) });
    await page.locator('.notice', { hasText: 'Loaded model.json' }).waitFor();
    assert.equal(await hook(page, 'epoch'), saved.epoch);
    assert.equal(await hook(page, 'loss'), saved.exact);
    const resumed = await at(page, saved.epoch);
    assert.equal(resumed.loss, saved.loss);
  }));

test('starts paused under prefers-reduced-motion', () =>
  withPage('', { reducedMotion: 'reduce' }, async (page) => {
    assert.equal((await paused(page)).epoch, 0);
    await ready(page);
    await page.waitForTimeout(300);
    assert.equal(await hook(page, 'epoch'), 0, 'nothing trained');
    assert.equal(await page.getByRole('button', { name: 'Play', exact: true }).count(), 1);
  }));

test('explains a browser without WebAssembly, and shows a banner when the engine fails to load', async () => {
  const noWasm = (page) =>
    page.addInitScript(() => {
      delete window.WebAssembly;
    });
  await withPage('', { setup: noWasm, clean: false }, async (page) => {
    await page.locator('#no-wasm').waitFor();
    assert.match(await page.locator('#no-wasm').textContent(), /WebAssembly/);
  });

  const gone = (page) => page.route('**/ed_playground_bg.wasm', (r) => r.fulfill({ status: 404, body: 'gone' }));
  await withPage('', { setup: gone, clean: false }, async (page) => {
    await page.locator('#banner').waitFor();
    assert.match(await page.locator('#banner').textContent(), /stopped/);
  });

  // A real Rust panic in the middle of training: from epoch 30 the engine's
  // one deliberate panic is called (no call of its API panics it otherwise:
  // a layer it does not have is an Error, which the page reports as well). It
  // is a bare export of the wasm instance, no part of the module's API:
  // `initSync()`, once the module is loaded, returns the instance's exports.
  const trap = (page) =>
    page.route('**/pkg/ed_playground.js', async (r) => {
      const body = await (await r.fetch()).text();
      const trap =
        'import * as edTrapSelf from "./ed_playground.js";{const p=edTrapSelf.Playground.prototype,train=p.train;' +
        'p.train=function(n,u){if(this.epoch>=30)edTrapSelf.initSync().ed_panic_on_purpose();return train.call(this,n,u)}}';
      await r.fulfill({ contentType: 'text/javascript', body: `${body}\n${trap}` });
    });
  await withPage('', { setup: trap, clean: false }, async (page) => {
    await page.locator('#banner').waitFor();
    const banner = await page.locator('#banner').textContent();
    assert.match(
      banner,
      /stopped: panicked at src\/wasm\/panic\.rs:.*a panic on purpose, for the test of the banner/s,
      banner,
    );
    assert.ok(await page.getByRole('button', { name: 'Reload' }).isVisible());
    const epoch = await hook(page, 'epoch');
    await page.waitForTimeout(200);
    assert.equal(await hook(page, 'epoch'), epoch, 'training stopped');
  });
});

test('screenshots: desktop, phone and dark', async () => {
  for (const [file, options] of [
    ['playground.png', { viewport: { width: 1280, height: 900 } }],
    ['playground-phone.png', { viewport: { width: 360, height: 780 } }],
    ['playground-dark.png', { viewport: { width: 1280, height: 900 }, dark: true }],
  ]) {
    // Training on (past the solve) at two epochs a frame, so the dark switch happens while it runs.
    await withPage('?speed=2&stop=never', { viewport: options.viewport, colorScheme: 'light' }, async (page) => {
      await epochAtLeast(page, 150);
      if (options.dark) {
        // switched while running: the canvases and charts must follow
        const pixel = () =>
          page
            .locator('#heatmaps canvas >> nth=1')
            .evaluate((c) => [...c.getContext('2d').getImageData(0, 0, 1, 1).data].join());
        const before = await pixel();
        await page.emulateMedia({ colorScheme: 'dark' });
        await until(pixel, (p) => p !== before, {
          what: `a heatmap pixel other than the light theme's ${before}`,
          timeout: 5000,
        });
      }
      await epochAtLeast(page, 200);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.equal(overflow, 0, `${file}: no sideways scrolling`);
      await page.screenshot({ path: `artifacts/${file}`, fullPage: true });
    });
  }
});
