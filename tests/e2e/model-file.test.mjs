// A model file loaded into the page brings everything it holds back: the fields
// and the link then say what the run is, and the link rebuilds that run from
// epoch 0. The model comes from the command line (`ed train --save`), not from
// the page, so the file is the one the library writes. Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSite, stopSite, withPage, hook, ready, ed } from './harness.mjs';

before(() => startSite(['index.html', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

// Every setting away from both the page's defaults and the Kaneko rule's.
const SETTINGS = {
  task: 'moons',
  rule: 'kaneko',
  loss: 'bce',
  hidden: '6',
  lr: '0.3',
  seed: '9',
  u0: '0.6',
  beta: '0.5',
  u1: '2',
  noise: '0.2',
  test_fraction: '0.3',
  points: '120',
  init_range: '0.7',
  shuffle: '1',
};
const EPOCHS = 20;

function cliModel() {
  const file = join(mkdtempSync(join(tmpdir(), 'ed-model-')), 'moons-kaneko.json');
  // A flag's `1` is the flag alone on the command line.
  const flags = Object.entries(SETTINGS).flatMap(([k, v]) =>
    k === 'shuffle' ? ['--shuffle'] : [`--${k.replace('_', '-')}`, v],
  );
  ed(['train', ...flags, '--epochs', String(EPOCHS), '--save', file], { stdio: 'ignore' });
  return readFileSync(file);
}

test('loading a Kaneko-rule model of the moons sets every field and the link from its configuration', async () => {
  const model = cliModel();
  const { config, epoch } = JSON.parse(model);
  assert.equal(epoch, EPOCHS);
  // Started on the defaults (XOR, the seed's rule), racing backprop: the model has no race.
  const link = await withPage('?paused=1&race=1', async (page) => {
    await page.waitForFunction(() => window.__edPlayground?.race !== undefined, null, { timeout: 15000 });
    await page
      .locator('#load')
      .setInputFiles({ name: 'moons-kaneko.json', mimeType: 'application/json', buffer: model });
    await page.locator('.notice', { hasText: `Loaded moons-kaneko.json at epoch ${EPOCHS}` }).waitFor();
    // The status line itself says where the loaded run stands.
    await page
      .getByRole('status')
      .filter({ hasText: new RegExp(`^epoch ${EPOCHS} · loss `) })
      .waitFor();
    // Every field of the file's configuration is a field of the state, and holds the file's value.
    const loaded = await hook(page, 'state');
    assert.deepEqual(
      Object.keys(config).filter((k) => !(k in loaded)),
      [],
      'configuration fields the state lacks',
    );
    for (const [k, v] of Object.entries(config)) assert.deepEqual(loaded[k], v, `${k} in the state`);

    // The fields.
    const value = (label) => page.getByLabel(label, { exact: label === 'Random seed' }).inputValue(); // not 'Draw a random seed'
    assert.equal(await value('Rule'), 'kaneko');
    assert.equal(await value('Task'), 'moons');
    assert.equal(await value('Loss function'), 'bce');
    assert.equal(await value('Learning rate (alpha)'), '0.3');
    assert.equal(await value('Hidden layers'), '6');
    assert.equal(await value('Random seed'), '9');
    for (const [label, v] of [
      ['Sigmoid width (u0)', '0.6'],
      ['Bias input (beta)', '0.5'],
      ['Hidden error share (u1)', '2'],
    ]) {
      assert.ok(await page.getByLabel(label).isVisible(), `${label} shown under Kaneko's rule`);
      assert.equal(await value(label), v, label);
    }
    assert.equal(Number(await value('Noise')), 0.2);
    assert.equal(await page.locator('#noise-out').textContent(), '0.20');
    assert.equal(Number(await value('Test share')), 0.3);
    assert.equal(await page.locator('#test_fraction-out').textContent(), '30 %');
    assert.equal(await page.getByLabel('Race backprop').isChecked(), false);

    // The link: each setting of the model, and no race.
    const search = new URLSearchParams(await page.evaluate(() => location.search));
    for (const [k, v] of Object.entries(SETTINGS)) assert.equal(search.get(k), v, `${k} in ${search}`);
    assert.equal(search.get('race'), null);
    return search;
  });

  // Opened, the link builds the model's run from epoch 0: the same configuration.
  await withPage(`?${link}`, async (page) => {
    await ready(page);
    const state = await hook(page, 'state');
    for (const [k, v] of Object.entries(config)) assert.deepEqual(state[k], v, `${k} from the link`);
    assert.equal(await hook(page, 'epoch'), 0);
  });
});
