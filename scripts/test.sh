#!/usr/bin/env bash
# Every test of the project: native (unit, integration, property), the wasm
# build inside headless Chromium, and end-to-end tests of the built page.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== native tests"
cargo test --release

echo "== wasm tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --release --target wasm32-unknown-unknown --no-default-features --features digits-page,files-module,experiment-module --test wasm

echo "== the page's JavaScript: type check and lint"
scripts/build-wasm.sh
scripts/check-js.sh

echo "== end-to-end tests of the page (Playwright over Debian's Chromium)"
scripts/build-dist.sh
node scripts/build-package.mjs # the npm package, for tests/e2e/package.test.mjs
node --test --test-concurrency=1 tests/e2e/
