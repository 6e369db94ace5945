// End-to-end tests of the npm package (dist/package/, `make package`), served
// as a CDN serves a package: from a second origin with `Access-Control-Allow-Origin: *`
// and the right Content-Type, to a page on the first origin whose CSP allows
// only itself and that origin. One script tag and one element: it must train,
// fetch nothing from a third origin and break no CSP rule. The same from an
// `npm install` of the tarball into a fresh folder, the pen's HTML
// (examples/codepen.html), the engine entry alone, the `wasm-url` attribute,
// and the TypeScript declarations (tests/package/consumer.ts, `tsc --noEmit`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../scripts/chromium.mjs';
import { statusWhen, until, notices } from './harness.mjs';

const MANIFEST = 'dist/package/ed-playground/package.json';
let browser, tmp, unpacked, installed, tarball;
let site; // the first origin: the test's pages
const servers = [];
const pages = new Map(); // path → { body, type, csp }

// What a CDN answers for a package's files: the type by extension, readable from any origin.
const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

function listen(handler) {
  const server = createServer(handler);
  servers.push(server);
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${server.address().port}`)));
}

/** A second origin serving `root` as a CDN does; resolves to its origin. */
function cdn(root) {
  const base = resolve(root);
  return listen(async (req, res) => {
    const file = normalize(join(base, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    const cors = { 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff' };
    if (!file.startsWith(base + sep) || !existsSync(file) || !TYPES[extname(file)]) {
      res.writeHead(404, { ...cors, 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    res.writeHead(200, { ...cors, 'Content-Type': TYPES[extname(file)] }).end(readFileSync(file));
  });
}

/** The page's CSP: itself and the package's origin, nothing else. */
const csp = (origin) =>
  `default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; connect-src 'self' ${origin}; style-src 'self'`;

/** A page on the first origin: `body` after one module script from `src`. */
function page(path, { src, body, origin }) {
  pages.set(path, {
    type: 'text/html; charset=utf-8',
    csp: csp(origin),
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ED Playground from another origin</title>${
      src ? `<script type="module" src="${src}"></script>` : ''
    }</head><body>${body}</body></html>`,
  });
}

before(async () => {
  assert.ok(existsSync(MANIFEST), `${MANIFEST} is missing: run \`make package\` first`);
  const { version } = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  tarball = resolve(`dist/package/ed-playground-${version}.tgz`);
  assert.ok(existsSync(tarball), `${tarball} is missing: run \`make package\` first`);
  tmp = mkdtempSync(join(tmpdir(), 'ed-package-'));
  // The tarball unpacked, as a CDN that mirrors npm serves it.
  unpacked = join(tmp, 'unpacked');
  mkdirSync(unpacked);
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
  unpacked = join(unpacked, 'package');
  // And installed by npm into a fresh folder: a local tarball without dependencies needs no network.
  const project = join(tmp, 'install');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "private": true }\n');
  execFileSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball],
    { cwd: project, stdio: 'pipe' },
  );
  installed = join(project, 'node_modules', 'ed-playground');
  site = await listen((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    // The browser asks for an icon the pages do not name: no content, and no 404 in the console.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const p = pages.get(path);
    if (!p) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    res
      .writeHead(200, {
        'Content-Type': p.type,
        'Cache-Control': 'no-store',
        ...(p.csp && { 'Content-Security-Policy': p.csp }),
      })
      .end(p.body);
  });
  browser = await chromium.launch(CHROMIUM);
});

after(async () => {
  await browser?.close();
  for (const s of servers) s.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/**
 * Opens `path` on the first origin in a fresh context and runs `body(page, seen)`;
 * `seen` collects console errors and warnings, page errors, failed requests,
 * every request's URL and the wasm responses. Closes the context whatever happens.
 */
async function visit(path, body) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const tab = await context.newPage();
    const seen = { errors: [], warnings: [], failed: [], requests: [], wasm: [] };
    tab.on('console', (m) =>
      (m.type() === 'error' ? seen.errors : m.type() === 'warning' ? seen.warnings : []).push(m.text()),
    );
    tab.on('pageerror', (e) => seen.errors.push(e.message));
    tab.on('requestfailed', (r) => seen.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
    tab.on('request', (r) => seen.requests.push(r.url()));
    tab.on('response', (r) => {
      if (new URL(r.url()).pathname.endsWith('.wasm'))
        seen.wasm.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] });
    });
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await tab.goto(`${site}${path}`);
    return await body(tab, seen);
  } finally {
    await context.close();
  }
}

/** No error, warning, failed request or CSP violation, and no request outside `origins`. */
async function clean(tab, seen, origins) {
  assert.deepEqual(seen.errors, [], 'console errors');
  assert.deepEqual(seen.warnings, [], 'console warnings (a wasm served with the wrong type warns here)');
  assert.deepEqual(seen.failed, [], 'failed requests');
  assert.deepEqual(await tab.evaluate(() => window.__csp), [], 'CSP violations');
  const third = seen.requests.filter(
    (u) => !['data:', 'blob:'].includes(new URL(u).protocol) && !origins.includes(new URL(u).origin),
  );
  assert.deepEqual(third, [], 'requests to a third origin');
}

/** The element trains: its status line reaches an epoch with a finite loss, then a later one. */
async function trains(figure) {
  const first = await statusWhen(
    figure,
    (s) => s.epoch >= 10 && Number.isFinite(s.loss),
    'epoch 10 with a finite loss',
  );
  const later = await statusWhen(
    figure,
    (s) => s.epoch > first.epoch + 10 && Number.isFinite(s.loss),
    `an epoch past ${first.epoch + 10}`,
  );
  return { first, later };
}

/** A Japanese element trains: its own status line, in Japanese, past epoch 10 with a finite loss. */
const trainsInJapanese = (figure) =>
  statusWhen(
    figure,
    (s) => s.epoch >= 10 && Number.isFinite(s.loss),
    'a Japanese status line past epoch 10',
    30000,
    'ja',
  );

/** One script tag from `origin`, an element in English and one in Japanese: both
 * train, on one engine, and only the two origins are asked. */
async function fromSecondOrigin(root, path) {
  const origin = await cdn(root);
  page(path, {
    origin,
    src: `${origin}/ed-playground.js`,
    body: '<ed-playground id="en" speed="1" stop="never" views="chart,table"></ed-playground><ed-playground id="ja" lang="ja" speed="1" stop="never" views="chart,table"></ed-playground>',
  });
  return visit(path, async (tab, seen) => {
    const { later } = await trains(tab.locator('#en'));
    await trainsInJapanese(tab.locator('#ja'));
    assert.deepEqual(
      seen.wasm,
      [{ url: `${origin}/pkg/ed_playground_bg.wasm`, status: 200, type: 'application/wasm' }],
      'the wasm, once, next to the script',
    );
    await clean(tab, seen, [site, origin]);
    return { later, observed: await tab.evaluate(() => customElements.get('ed-playground').observedAttributes) };
  });
}

test("the unpacked package, from a second origin with a CDN's headers, trains under a CSP of the two origins", async (t) => {
  const { later, observed } = await fromSecondOrigin(unpacked, '/unpacked.html');
  t.diagnostic(`epoch ${later.epoch}, loss ${later.loss}`);
  // The declarations name every attribute the element follows (and wasm-url, read once), and no other.
  const declared = [
    ...readFileSync(join(unpacked, 'ed-playground.d.ts'), 'utf8').matchAll(/^ {2}'?([\w-]+)'?\?: string;$/gm),
  ].map((m) => m[1]);
  assert.deepEqual(declared.toSorted(), [...observed.filter((a) => a !== 'hidden'), 'wasm-url'].toSorted());
});

test('an npm install of the tarball into a fresh folder, served as the second origin, trains the same way', async () => {
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const cargo = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(readFileSync('Cargo.toml', 'utf8'))[1];
  assert.equal(manifest.version, cargo, "the version is Cargo.toml's");
  assert.deepEqual([manifest.type, manifest.license, manifest.dependencies], ['module', 'MIT', undefined]);
  // Every file an entry names is there.
  for (const entry of Object.values(manifest.exports)) {
    for (const file of typeof entry === 'string' ? [entry] : Object.values(entry))
      assert.ok(existsSync(join(installed, file)), file);
  }
  await fromSecondOrigin(installed, '/installed.html');
});

test("the pen's HTML (examples/codepen.html), pointed at the package, trains", async () => {
  const origin = await cdn(unpacked);
  const pen = readFileSync('examples/codepen.html', 'utf8');
  const PATTERN = 'https://<cdn>/npm/ed-playground@<version>/';
  assert.equal(pen.split(PATTERN).length, 2, `one script from ${PATTERN}`);
  page('/pen.html', { origin, body: pen.replace(PATTERN, `${origin}/`) });
  await visit('/pen.html', async (tab, seen) => {
    const figure = tab.locator('ed-playground');
    await trains(figure);
    await until(
      () => figure.locator('#truth tbody tr').count(),
      (n) => n === 4,
      { what: "the truth table's four rows" },
    );
    await clean(tab, seen, [site, origin]);
  });
});

test('the engine entry alone, imported from the second origin, trains a run of its own', async () => {
  const origin = await cdn(installed);
  const { exports } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const engine = exports['./engine'].default.replace(/^\.\//, '');
  // The engine's API only: the banner test's deliberate panic is no part of it
  // (a bare export of the wasm instance, without a JS binding: src/wasm/panic.rs;
  // `init()`'s InitOutput type lists the instance's raw exports, that one among them).
  const types = readFileSync(join(installed, exports['./engine'].types), 'utf8');
  const glue = readFileSync(join(installed, engine), 'utf8');
  assert.doesNotMatch(glue, /panic_?on_?purpose/i, 'the engine module binds a test hook');
  const declared = types.match(/^export (?:function|class) \w+/gm) ?? [];
  assert.ok(declared.length > 5, declared.join());
  assert.ok(!declared.some((d) => /purpose/i.test(d)), declared.join());
  // The README's snippet, as a module of the page's own (the CSP allows no inline script).
  pages.set('/engine-demo.js', {
    type: 'text/javascript',
    csp: csp(origin),
    body: `import init, { Playground } from '${origin}/${engine}';
await init();
const run = new Playground({ task: 'xor', loss: 'bce', seed: 42 });
run.step(132);
document.querySelector('output').textContent = JSON.stringify({ epoch: run.epoch, loss: run.loss });
run.free();`,
  });
  page('/engine.html', { origin, src: '/engine-demo.js', body: '<output></output>' });
  await visit('/engine.html', async (tab, seen) => {
    const text = await until(() => tab.locator('output').textContent(), Boolean, { what: "the run's result" });
    const { epoch, loss } = JSON.parse(text);
    // The seed's BCE run: XOR learned by epoch 132 (docs/embedding.md).
    assert.equal(epoch, 132);
    assert.ok(loss < 1e-6, `loss ${loss}`);
    assert.deepEqual(
      seen.wasm.map((w) => w.url),
      [`${origin}/pkg/ed_playground_bg.wasm`],
    );
    await clean(tab, seen, [site, origin]);
  });
});

test("wasm-url: the first element's decides for the page, a later one is named and ignored, a bad one is named", async () => {
  const origin = await cdn(unpacked);
  const wasm = readFileSync(join(unpacked, 'pkg/ed_playground_bg.wasm'));
  pages.set('/engine/ed.wasm', { type: 'application/wasm', body: wasm });
  // Relative to the page, like any URL attribute; the third origin below must never be asked.
  page('/wasm-url.html', {
    origin,
    src: `${origin}/ed-playground.js`,
    body: `<ed-playground id="first" wasm-url="engine/ed.wasm" speed="1" stop="never"></ed-playground>
      <ed-playground id="second" wasm-url="http://127.0.0.1:9/other.wasm" speed="1" stop="never"></ed-playground>
      <ed-playground id="third" wasm-url="javascript:alert(1)" speed="1"></ed-playground>`,
  });
  await visit('/wasm-url.html', async (tab, seen) => {
    const used = `${site}/engine/ed.wasm`;
    await trains(tab.locator('#first'));
    await trains(tab.locator('#second'));
    assert.deepEqual(
      seen.wasm,
      [{ url: used, status: 200, type: 'application/wasm' }],
      'one engine, from the first wasm-url',
    );
    assert.deepEqual(await notices(tab.locator('#first')), []);
    assert.deepEqual(await notices(tab.locator('#second')), [
      `Attribute “wasm-url” (“http://127.0.0.1:9/other.wasm”) is ignored: every <ed-playground> on a page shares one engine, and it loads from ${used} (the first one with a wasm-url decides).×`,
    ]);
    assert.deepEqual(await notices(tab.locator('#third')), [
      `Attribute “wasm-url” must be an http or https URL, not “javascript:alert(1)”; the engine loads from ${used}.×`,
    ]);
    assert.equal(seen.warnings.length, 2, seen.warnings.join('\n')); // the same two, in the console
    seen.warnings = [];
    await clean(tab, seen, [site, origin]);
  });

  // A first wasm-url that is no URL: the one next to the script, and the element says so.
  page('/wasm-url-bad.html', {
    origin,
    src: `${origin}/ed-playground.js`,
    body: '<ed-playground wasm-url="https://[ed]/x.wasm" speed="1"></ed-playground>',
  });
  await visit('/wasm-url-bad.html', async (tab, seen) => {
    const figure = tab.locator('ed-playground');
    await trains(figure);
    assert.deepEqual(
      seen.wasm.map((w) => w.url),
      [`${origin}/pkg/ed_playground_bg.wasm`],
    );
    assert.deepEqual(await notices(figure), [
      `Attribute “wasm-url” must be an http or https URL, not “https://[ed]/x.wasm”; the engine loads from ${origin}/pkg/ed_playground_bg.wasm.×`,
    ]);
  });

  // A wasm-url where nothing is: the element says what to copy there.
  page('/wasm-url-missing.html', {
    origin,
    src: `${origin}/ed-playground.js`,
    body: '<ed-playground wasm-url="engine/none.wasm"></ed-playground>',
  });
  await visit('/wasm-url-missing.html', async (tab) => {
    const alert = await until(
      () => tab.locator('ed-playground').getByRole('alert').allTextContents(),
      (a) => a.length === 1,
      { what: "the missing engine's alert" },
    );
    assert.deepEqual(alert, [
      `ED Playground cannot start: its learning engine is missing. Copy dist/pkg/ed_playground_bg.wasm from the build to ${site}/engine/none.wasm, where the wasm-url attribute says it is (it answered 404 Not Found).`,
    ]);
  });

  // A wasm-url where another build's wasm is (here the files module's, whose
  // imports are not this glue's): what to copy there, and no Reload, which could not help.
  pages.set('/engine/other.wasm', {
    type: 'application/wasm',
    body: readFileSync(join(unpacked, 'pkg/ed_files_bg.wasm')),
  });
  page('/wasm-url-wrong.html', {
    origin,
    src: `${origin}/ed-playground.js`,
    body: '<ed-playground wasm-url="engine/other.wasm"></ed-playground>',
  });
  await visit('/wasm-url-wrong.html', async (tab) => {
    const figure = tab.locator('ed-playground');
    const alert = await until(
      () => figure.getByRole('alert').allTextContents(),
      (a) => a.length === 1,
      { what: "the wrong engine's alert" },
    );
    assert.match(
      alert[0],
      new RegExp(
        `^ED Playground cannot start: the learning engine at ${site}/engine/other\\.wasm is not the one ed-playground\\.js was built with \\(another version, or a damaged copy: .+\\)\\. Copy dist/pkg/ed_playground_bg\\.wasm from the same build as ed-playground\\.js there\\.$`,
      ),
    );
    assert.equal(await figure.getByRole('button', { name: 'Reload' }).count(), 0);
  });
});

test('the declarations compile: tsc --noEmit on tests/package/consumer.ts against the installed package', () => {
  const project = resolve(installed, '../..');
  for (const f of ['consumer.ts', 'tsconfig.json']) copyFileSync(join('tests/package', f), join(project, f));
  try {
    execFileSync(resolve('node_modules/.bin/tsc'), ['-p', join(project, 'tsconfig.json')], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (e) {
    assert.fail(`tsc --noEmit failed:\n${e.stdout}${e.stderr}`);
  }
});
