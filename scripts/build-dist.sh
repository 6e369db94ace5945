#!/usr/bin/env bash
# Writes a self-contained static site into dist/: the page, its modules, the
# wasm package and the chart library, nothing loaded from elsewhere. The page's
# modules are bundled and minified into dist/www/ (scripts/build-page.mjs): a
# few requests instead of forty, one compression dictionary.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
mkdir -p dist/www dist/pkg dist/vendor
cp index.html dist/
cp www/*.svg dist/www/
cp node_modules/uplot/LICENSE dist/vendor/
esbuild=node_modules/.bin/esbuild
if [ ! -x "$esbuild" ]; then
  echo "build-dist: esbuild is not installed (run scripts/setup.sh)" >&2
  exit 1
fi
min() { "$esbuild" --minify --log-level=warning "$@"; }
node scripts/build-page.mjs
min --outdir=dist/www www/*.css
MODULES="ed_playground ed_digits ed_files ed_experiment" # scripts/build-wasm.sh
for m in $MODULES; do min --format=esm --outfile=dist/pkg/$m.js pkg/$m.js; done
min --format=esm --outfile=dist/vendor/uPlot.esm.js node_modules/uplot/dist/uPlot.esm.js
cp node_modules/uplot/dist/uPlot.min.css dist/vendor/
for m in $MODULES; do cp "pkg/${m}_bg.wasm" dist/pkg/; done
# The digits card's data: the first 250 of each digit of the MNIST sample,
# resampled to 16 x 16 by the library's own code (the CLI), one byte a pixel
# (the format: src/digits.rs, to_bytes). The page fetches it when asked.
# ED_BIN: that CLI if set (scripts/test.sh names the one its tests built; the
# same bytes either way), else the release build.
mkdir -p dist/data
if [ -z "${ED_BIN:-}" ]; then
  cargo build --quiet --release --bin ed
  ED_BIN="${CARGO_TARGET_DIR:-target}"/release/ed
fi
"$ED_BIN" digits --export dist/data/digits.bin --per-digit 250 --json
# The embeds: <ed-playground> as one bundle at the root (it loads
# pkg/ed_playground_bg.wasm relative to its own URL), the iframe page and the
# example blog post, in English and in Japanese. esbuild is required for the bundle.
mkdir -p dist/examples
cp embed.html dist/
cp www/examples/blog-post.html www/examples/blog-post.ja.html dist/examples/
node scripts/build-element.mjs www/embed/element.js dist/ed-playground.js
min --format=esm --outfile=dist/embed.js www/embed/frame.js
min --outfile=dist/embed.css www/embed/frame.css
min --outfile=dist/examples/blog-post.css www/examples/blog-post.css
# Each file gzipped on its own, as a server sends them.
gz() { local n=0 f; for f in "$@"; do n=$((n + $(gzip -9 -c "$f" | wc -c))); done; echo "$n"; }
echo "dist: $(find dist -type f | wc -l) files, $(du -sh dist | cut -f1);" \
  "own JS + wasm gzipped: $(( $(gz dist/www/*.js dist/pkg/ed_playground.js dist/pkg/ed_playground_bg.wasm) / 1024 )) KB" \
  "(wasm $(( $(gz dist/pkg/ed_playground_bg.wasm) / 1024 )) KB), uPlot $(( $(gz dist/vendor/uPlot.esm.js) / 1024 )) KB;" \
  "on demand: the digits card's module $(( $(gz dist/pkg/ed_digits.js dist/pkg/ed_digits_bg.wasm) / 1024 )) KB," \
  "the files module $(( $(gz dist/pkg/ed_files.js dist/pkg/ed_files_bg.wasm) / 1024 )) KB," \
  "Kaneko's experiment's $(( $(gz dist/pkg/ed_experiment.js dist/pkg/ed_experiment_bg.wasm) / 1024 )) KB;" \
  "element bundle ed-playground.js $(( $(gz dist/ed-playground.js) / 1024 )) KB (styles included; uPlot and the languages beside it, on demand; shares the wasm)"
