#!/usr/bin/env bash
# The page's JavaScript checked: the TypeScript compiler over www/ (checkJs,
# strict: tsconfig.json) against the wasm package's own declarations in pkg/, and
# Biome's formatter and linter (biome.json). Needs the npm packages and pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "check-js: tsc -p tsconfig.json (checkJs, strict)"
node_modules/.bin/tsc -p tsconfig.json
echo "check-js: biome ci (format and lint)"
node_modules/.bin/biome ci --reporter=summary --colors=off
