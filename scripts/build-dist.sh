#!/usr/bin/env bash
# Writes a self-contained static site into dist/: the page, its modules, the
# wasm package and the chart library, nothing loaded from elsewhere. With esbuild
# installed (npm ci) the page's modules are bundled and minified from their two
# entries (boot.js and the two workers, the experiment's and the digits') into dist/www/, split where the
# page loads code later (the conductor after the WebAssembly check, Kaneko's
# experiment and the digits when their cards near the screen): a few requests instead of twenty,
# one compression dictionary. The wasm package's glue and uPlot stay files of
# their own at the same relative places, so every import path still holds.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
mkdir -p dist/www dist/pkg dist/vendor
cp index.html dist/
cp www/*.svg dist/www/
cp node_modules/uplot/LICENSE dist/vendor/
esbuild=node_modules/.bin/esbuild
if [ -x "$esbuild" ]; then
  min() { "$esbuild" --minify --log-level=warning "$@"; }
  min --bundle --splitting --format=esm --outdir=dist/www --external:'../pkg/*' --external:'../vendor/*' \
    www/boot.js www/experiment-worker.js www/digits-worker.js www/digits-pad-worker.js
  min --outdir=dist/www www/*.css
  for m in ed_playground ed_digits; do min --format=esm --outfile=dist/pkg/$m.js pkg/$m.js; done
  min --format=esm --outfile=dist/vendor/uPlot.esm.js node_modules/uplot/dist/uPlot.esm.js
  cp node_modules/uplot/dist/uPlot.min.css dist/vendor/
else
  echo "build-dist: esbuild not installed (run scripts/setup.sh); copying unminified files"
  cp www/*.js www/*.css dist/www/
  cp pkg/ed_playground.js pkg/ed_digits.js dist/pkg/
  cp node_modules/uplot/dist/uPlot.esm.js node_modules/uplot/dist/uPlot.min.css dist/vendor/
fi
cp pkg/ed_playground_bg.wasm pkg/ed_digits_bg.wasm dist/pkg/
# The digits card's data: the first 250 of each digit of the MNIST sample,
# resampled to 16 x 16 by the library's own code (the CLI), one byte a pixel
# (the format: src/digits.rs, to_bytes). The page fetches it when asked.
mkdir -p dist/data
cargo build --quiet --release --bin ed
target/release/ed digits --export dist/data/digits.bin --per-digit 250 --json
# The embeds: <ed-playground> as one bundle at the root (it loads
# pkg/ed_playground_bg.wasm relative to its own URL), the iframe page and the
# example blog post, in English and in Japanese. esbuild is required for the bundle.
mkdir -p dist/examples
cp embed.html dist/
cp www/examples/blog-post.html www/examples/blog-post.ja.html dist/examples/
if [ -x "$esbuild" ]; then
  node scripts/build-element.mjs www/embed/element.js dist/ed-playground.js
  min --format=esm --outfile=dist/embed.js www/embed/frame.js
  min --outfile=dist/embed.css www/embed/frame.css
  min --outfile=dist/examples/blog-post.css www/examples/blog-post.css
else
  echo "build-dist: esbuild not installed (run scripts/setup.sh); the embeds need it" >&2
  exit 1
fi
# Each file gzipped on its own, as a server sends them.
gz() { local n=0 f; for f in "$@"; do n=$((n + $(gzip -9 -c "$f" | wc -c))); done; echo "$n"; }
echo "dist: $(find dist -type f | wc -l) files, $(du -sh dist | cut -f1);" \
  "own JS + wasm gzipped: $(( $(gz dist/www/*.js dist/pkg/ed_playground.js dist/pkg/ed_playground_bg.wasm) / 1024 )) KB" \
  "(wasm $(( $(gz dist/pkg/ed_playground_bg.wasm) / 1024 )) KB), uPlot $(( $(gz dist/vendor/uPlot.esm.js) / 1024 )) KB;" \
  "the digits card's module, on demand, $(( $(gz dist/pkg/ed_digits.js dist/pkg/ed_digits_bg.wasm) / 1024 )) KB;" \
  "element bundle ed-playground.js $(( $(gz dist/ed-playground.js) / 1024 )) KB (uPlot and styles included; shares the wasm)"
