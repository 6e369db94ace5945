#!/usr/bin/env bash
# Every test of the project: native (unit, integration, property), the wasm
# build inside headless Chromium, and end-to-end tests of the built page.
# Prints each phase's time as it ends, and all of them at the end (docs/testing.md).
#
# E2E_JOBS: how many end-to-end test files run at once (default 2, one per core);
# E2E_JOBS=1 runs them one after another.
set -euo pipefail
cd "$(dirname "$0")/.."

# The native and wasm tests build with the `tests` profile (Cargo.toml): release's
# optimisation, so the same results bit for bit, without the whole-program LTO
# that makes a release build several minutes slower. The end-to-end tests' `ed`
# and dist's digits file use the CLI that build made (ED_BIN: tests/e2e/harness.mjs,
# build-dist.sh) instead of waiting for a release one. The page's own wasm is
# built as it ships (scripts/build-wasm.sh).
ED_BIN=$(realpath -m "${CARGO_TARGET_DIR:-target}/tests/ed")
export ED_BIN

times=()
start_all=$(date +%s)
summary() {
  echo "== phase times"
  local t
  for t in "${times[@]}"; do echo "$t"; done
  printf '%5d s  %s\n' $(($(date +%s) - start_all)) "scripts/test.sh in all"
}
trap summary EXIT

phase() { # TITLE COMMAND...: runs COMMAND as a phase, timed
  local title=$1 start took
  shift
  echo "== $title"
  start=$(date +%s)
  "$@"
  took=$(($(date +%s) - start))
  times+=("$(printf '%5d s  %s' "$took" "$title")")
  echo "== $title: $took s"
}

phase "native tests (cargo test --profile tests)" \
  cargo test --profile tests

phase "wasm tests in headless Chromium (wasm-bindgen-test)" \
  env CHROMEDRIVER=/usr/bin/chromedriver cargo test --profile tests --target wasm32-unknown-unknown \
  --no-default-features --features digits-page,files-module,experiment-module --test wasm

phase "the page's wasm (scripts/build-wasm.sh)" scripts/build-wasm.sh
phase "the page's JavaScript: type check and lint (scripts/check-js.sh)" scripts/check-js.sh

# The npm package is for tests/e2e/package.test.mjs.
phase "dist/ and the npm package (scripts/build-dist.sh)" \
  bash -c 'scripts/build-dist.sh && node scripts/build-package.mjs'

phase "end-to-end tests of the page, ${E2E_JOBS:-2} files at a time (scripts/e2e.mjs)" \
  node scripts/e2e.mjs
