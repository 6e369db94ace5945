// Bundles the page's modules into dist/www/: its entry (www/app/boot.js) and
// the cards' workers, split where the page loads code later (the conductor after
// the WebAssembly check, Kaneko's experiment and the digits when their cards
// near the screen), minified. Every output file lands directly in dist/www/, one
// folder below the site's root as the sources' own folders are not, so the
// paths that leave the bundle are rewritten for that place: the wasm package's
// glue (pkg/) and uPlot (vendor/) stay files of their own, and each
// `new URL('…', import.meta.url)` (a worker, the digits' data) names the file
// where the site has it.
import esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import { wordsByLanguage } from './words-by-language.mjs';

const WWW = resolve('www');
const ENTRIES = [
  'www/app/boot.js',
  'www/cards/experiment/experiment-worker.js',
  'www/cards/digits/digits-worker.js',
  'www/cards/digits/digits-pad-worker.js',
];
const entryFiles = new Set(ENTRIES.map((e) => resolve(e)));

// Where a file the source names (resolved) is found from dist/www/: a bundled
// entry by its own name beside the bundle, anything else at its place in the site.
function fromOutput(target) {
  if (entryFiles.has(target)) return `./${basename(target)}`;
  const site = relative(resolve('.'), target); // e.g. pkg/ed_digits.js, data/digits.bin
  return `../${site}`;
}

const sitePaths = {
  name: 'site-paths',
  setup(build) {
    // The wasm glue and uPlot: external, named from dist/www/.
    build.onResolve({ filter: /\/(pkg|vendor)\/[^/]+\.js$/ }, ({ path, resolveDir }) => ({
      path: fromOutput(resolve(resolveDir, path)),
      external: true,
    }));
    build.onLoad({ filter: /\.js$/ }, async ({ path }) => {
      if (!path.startsWith(WWW)) return undefined;
      const source = await readFile(path, 'utf8');
      const contents = source.replace(
        /new URL\((['"])(\.{1,2}\/[^'"]+)\1, import\.meta\.url\)/g,
        (_, q, spec) => `new URL(${q}${fromOutput(resolve(dirname(path), spec))}${q}, import.meta.url)`,
      );
      return { contents, loader: 'js' };
    });
  },
};

await esbuild.build({
  entryPoints: ENTRIES,
  outdir: 'dist/www',
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  // Japanese as UTF-8 (a module script is always read as UTF-8), not as \u escapes twice its size.
  charset: 'utf8',
  logLevel: 'warning',
  plugins: [wordsByLanguage, sitePaths],
});
