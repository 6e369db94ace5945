// Builds the npm package from dist/ (run `make dist` first) into
// dist/package/ed-playground/, then packs it: dist/package/ed-playground-<version>.tgz,
// the version Cargo.toml's. The package is what a CDN that mirrors npm serves:
// the element (ed-playground.js, one bundle) at its root and the engine in pkg/,
// at the same relative places as in dist/, so the element finds its wasm next
// to itself wherever it is served from. No dependencies: an install fetches nothing.
// Its README, licence and the element's declarations are in package/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { viewRegistry } from './view-registry.mjs';

process.chdir(join(dirname(fileURLToPath(import.meta.url)), '..'));

const cargo = readFileSync('Cargo.toml', 'utf8');
// The first `version` of the [package] table.
const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) throw new Error("build-package: no version in Cargo.toml's [package]");

const out = 'dist/package',
  dir = join(out, 'ed-playground');
// Each file of the package and where it comes from.
/** @type {Record<string, string>} */
const FILES = {
  'ed-playground.js': 'dist/ed-playground.js',
  'ed-playground.d.ts': 'package/ed-playground.d.ts',
  'pkg/ed_playground.js': 'dist/pkg/ed_playground.js',
  'pkg/ed_playground.d.ts': 'pkg/ed_playground.d.ts', // wasm-bindgen's
  'pkg/ed_playground_bg.wasm': 'dist/pkg/ed_playground_bg.wasm',
  // The files module, loaded on demand, found next to the engine's wasm.
  'pkg/ed_files.js': 'dist/pkg/ed_files.js',
  'pkg/ed_files_bg.wasm': 'dist/pkg/ed_files_bg.wasm',
  'README.md': 'package/README.md',
  LICENSE: 'package/LICENSE',
  // uPlot is bundled into ed-playground.js, so its licence goes with it.
  'LICENSE-uPlot': 'node_modules/uplot/LICENSE',
};
// The element's chunks, loaded on demand relative to it (one language's words).
for (const chunk of readdirSync('dist/element')) FILES[`element/${chunk}`] = `dist/element/${chunk}`;
for (const from of Object.values(FILES)) {
  if (!existsSync(from)) throw new Error(`build-package: ${from} is missing: run \`make dist\` first`);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(dir, 'pkg'), { recursive: true });
mkdirSync(join(dir, 'element'), { recursive: true });
for (const [to, from] of Object.entries(FILES)) copyFileSync(from, join(dir, to));

// The views' tokens in the declarations are the registry's (www/views/registry.js), written here.
const UNION = /^export type EdPlaygroundView = [^;]*;$/m;
const declarations = readFileSync('package/ed-playground.d.ts', 'utf8');
if (!UNION.test(declarations))
  throw new Error('build-package: package/ed-playground.d.ts has no EdPlaygroundView union');
const { tokens } = await viewRegistry();
writeFileSync(
  join(dir, 'ed-playground.d.ts'),
  declarations.replace(UNION, `export type EdPlaygroundView = ${tokens.map((t) => `'${t}'`).join(' | ')};`),
);

const manifest = {
  name: 'ed-playground',
  version,
  description:
    "<ed-playground>: a live, trainable network for any web page, by Isamu Kaneko's ED (error diffusion) " +
    'learning method, in Rust compiled to WebAssembly',
  keywords: ['error-diffusion', 'ed', 'neural-network', 'webassembly', 'custom-element', 'web-component', 'kaneko'],
  license: 'MIT',
  type: 'module',
  main: './ed-playground.js',
  types: './ed-playground.d.ts',
  exports: {
    '.': { types: './ed-playground.d.ts', default: './ed-playground.js' },
    './engine': { types: './pkg/ed_playground.d.ts', default: './pkg/ed_playground.js' },
    './ed_playground_bg.wasm': './pkg/ed_playground_bg.wasm',
    './package.json': './package.json',
  },
  // npm adds package.json, README.md and LICENSE itself.
  files: Object.keys(FILES).filter((f) => !['README.md', 'LICENSE'].includes(f)),
  // Importing the element defines <ed-playground>: a bundler must keep it.
  sideEffects: ['./ed-playground.js'],
};
writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', '..'], { cwd: dir, encoding: 'utf8' }),
);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `package: ${out}/${packed.filename}, ${kb(packed.size)} packed, ${kb(packed.unpackedSize)} unpacked, ${packed.entryCount} files:`,
);
for (const f of packed.files) console.log(`  ${f.path} (${kb(f.size)})`);
