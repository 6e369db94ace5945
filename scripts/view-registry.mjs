// The page's views registry (www/views/registry.js) read from Node: the one
// list of views, for the scripts and the tests that name views (the benchmark,
// the npm package's declarations, the leak test, the Japanese walk) instead of
// lists of their own. The registry's modules are browser modules (they import
// uPlot from where the site serves it, and touch no browser global until a view
// is made), so they are bundled here with uPlot from npm and imported from memory.
import esbuild from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {Promise<{ names: string[], tokens: string[] }>} each view's name, and the element's `views=` tokens */
export async function viewRegistry() {
  const built = await esbuild.build({
    entryPoints: [join(ROOT, 'www/views/registry.js')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
    plugins: [
      {
        name: 'uplot-from-npm',
        setup(build) {
          build.onResolve({ filter: /\/vendor\/uPlot\.esm\.js$/ }, () => ({
            path: resolve(ROOT, 'node_modules/uplot/dist/uPlot.esm.js'),
          }));
        },
      },
    ],
  });
  const code = Buffer.from(built.outputFiles[0].text).toString('base64');
  const { VIEW_NAMES, VIEW_TOKENS } = await import(`data:text/javascript;base64,${code}`);
  return { names: [...VIEW_NAMES], tokens: [...VIEW_TOKENS] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(await viewRegistry()));
