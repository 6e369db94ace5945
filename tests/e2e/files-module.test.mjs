// The files module (pkg/ed_files: model files and the points' CSV) is fetched
// only when a reader saves or loads a file: a plain page and the example post's
// figures never ask for it; the first Save model fetches it and the saved model
// loads back bit for bit; a missing files module is told in words, and the run
// goes on. Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, stopSite, withPage, hook, statusWhen, epochAtLeast, ready } from './harness.mjs';

before(() =>
  startSite([
    'index.html',
    'ed-playground.js',
    'examples/blog-post.html',
    'pkg/ed_playground_bg.wasm',
    'pkg/ed_files.js',
    'pkg/ed_files_bg.wasm',
  ]),
);
after(stopSite);

/** Records the paths the page asks for from `ed_files` on, into `page.filesAsked`. */
const recordFiles = (page) => {
  page.filesAsked = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.includes('ed_files')) page.filesAsked.push(path);
  });
};

/** The text of the download `click()` starts. */
async function downloaded(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
}

const saveModel = (page) => page.getByRole('button', { name: 'Download model (JSON)' }).click();
const atEpoch = (page, n) =>
  statusWhen(page, (s) => s.epoch === n && s.text.endsWith(' · paused'), `epoch ${n}, paused`);

test('a plain page and the example post train without fetching the files module', async () => {
  await withPage('?stop=never', { setup: recordFiles }, async (page) => {
    await epochAtLeast(page, 30);
    // Down to the cards, which load their code as they near the screen.
    await page.locator('#card-experiment').scrollIntoViewIfNeeded();
    await page.locator('#card-digits').scrollIntoViewIfNeeded();
    await epochAtLeast(page, 60);
    assert.deepEqual(page.filesAsked, []);
  });
  await withPage('examples/blog-post.html', { setup: recordFiles }, async (page) => {
    const figures = page.locator('ed-playground');
    for (const figure of await figures.all()) {
      await figure.scrollIntoViewIfNeeded();
      await ready(figure);
      await epochAtLeast(figure, 20);
    }
    assert.deepEqual(page.filesAsked, []);
  });
});

test('the first Save model fetches the files module; the model loads back and saves to the same bytes', () =>
  withPage('?at=25&paused=1&stop=never', { setup: recordFiles }, async (page) => {
    await atEpoch(page, 25);
    assert.deepEqual(page.filesAsked, [], 'nothing fetched before a file is asked for');
    const loss = await hook(page, 'loss');
    const text = await downloaded(page, () => saveModel(page));
    assert.deepEqual(page.filesAsked, ['/pkg/ed_files.js', '/pkg/ed_files_bg.wasm']);
    const model = JSON.parse(text);
    assert.equal(model.format, 'ed-playground-model');
    assert.equal(model.epoch, 25);
    assert.equal(model.loss, loss, 'the loss, to the bit');

    // Played on, then loaded back: the saved moment again, bit for bit.
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await epochAtLeast(page, 40);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await page
      .locator('#load')
      .setInputFiles({ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.locator('.notice', { hasText: 'Loaded model.json at epoch 25' }).waitFor();
    assert.equal(await hook(page, 'epoch'), 25);
    assert.equal(await hook(page, 'loss'), loss);
    assert.equal(await downloaded(page, () => saveModel(page)), text, 'saved again: the same bytes');
    assert.deepEqual(page.filesAsked, ['/pkg/ed_files.js', '/pkg/ed_files_bg.wasm'], 'fetched once');
  }));

test('a missing files module is told in words, the run goes on, and the next click tries again', () =>
  withPage(
    '?at=10&paused=1',
    {
      clean: false,
      setup: async (page) => {
        recordFiles(page);
        await page.route('**/pkg/ed_files_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not here' }));
      },
    },
    async (page) => {
      await atEpoch(page, 10);
      const where = new URL('/pkg/ed_files_bg.wasm', page.url()).href;
      const said = `the part of ED Playground that reads and writes files did not load from ${where} (404`;
      await saveModel(page);
      const saving = page.locator('.notice', { hasText: 'Could not save:' });
      await saving.waitFor();
      assert.ok((await saving.textContent()).includes(said), await saving.textContent());

      await page
        .locator('#load')
        .setInputFiles({ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
      const loading = page.locator('.notice', { hasText: 'Could not load model.json:' });
      await loading.waitFor();
      assert.ok((await loading.textContent()).includes(said), await loading.textContent());
      assert.equal(await hook(page, 'epoch'), 10, 'the run stands where it was');
      // The only console errors are the browser's own for the two 404s.
      assert.ok(
        page.problems.errors.length > 0 && page.problems.errors.every((e) => e.includes('404')),
        page.problems.errors.join('\n'),
      );

      // Back on the site, the next click loads it.
      await page.unroute('**/pkg/ed_files_bg.wasm');
      const text = await downloaded(page, () => saveModel(page));
      assert.equal(JSON.parse(text).epoch, 10);
    },
  ));
