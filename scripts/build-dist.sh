#!/usr/bin/env bash
# Writes a self-contained static site into dist/: the page, its modules, the
# wasm package and the chart library, nothing loaded from elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
mkdir -p dist/pkg dist/vendor
cp index.html dist/
cp -r www dist/www
cp pkg/ed_playground.js pkg/ed_playground_bg.wasm dist/pkg/
cp node_modules/uplot/dist/uPlot.esm.js node_modules/uplot/dist/uPlot.min.css node_modules/uplot/LICENSE dist/vendor/
echo "dist: $(find dist -type f | wc -l) files, $(du -sh dist | cut -f1)"
