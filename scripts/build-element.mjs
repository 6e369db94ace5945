// Bundles the <ed-playground> element (www/embed/element.js) into an ES
// module, dist/ed-playground.js: the page's modules, uPlot and every style
// sheet (as text, for constructable stylesheets), minified. What a figure loads
// only when it needs it (one language's words) is split into dist/element/,
// found relative to the bundle. Its wasm stays a separate file, found at
// pkg/ed_playground_bg.wasm next to the bundle; the files module
// (pkg/ed_files.js, loaded on demand) stays out of the bundle too.
import esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { wordsByLanguage } from './words-by-language.mjs';

const [entry = 'www/embed/element.js', outfile = 'dist/ed-playground.js'] = process.argv.slice(2);

const site = {
  name: 'site',
  setup(build) {
    // In the site, chart.js finds uPlot in dist/vendor/; here it comes from npm.
    build.onResolve({ filter: /\/vendor\/uPlot\.esm\.js$/ }, () => ({
      path: resolve('node_modules/uplot/dist/uPlot.esm.js'),
    }));
    build.onResolve({ filter: /\/pkg\/ed_files\.js$/ }, () => ({ path: './pkg/ed_files.js', external: true }));
    build.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await esbuild.transform(await readFile(path, 'utf8'), { loader: 'css', minify: true });
      return { contents: code, loader: 'text' };
    });
  },
};

await esbuild.build({
  entryPoints: [entry],
  outdir: dirname(outfile),
  entryNames: basename(outfile, '.js'),
  chunkNames: 'element/[name]-[hash]',
  splitting: true,
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  // Japanese as UTF-8 (a module script is always read as UTF-8), not as \u escapes twice its size.
  charset: 'utf8',
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [wordsByLanguage, site],
});
