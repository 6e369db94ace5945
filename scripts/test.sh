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

# Each phase's time goes to a file, so that the phases of the wasm stream below,
# run in a subshell, are in the summary too.
times=$(mktemp)
start_all=$(date +%s)
summary() {
  # A failed native phase ends the script: the wasm stream, if still going, with it.
  if [ -n "${wasm_pid:-}" ] && kill -0 "$wasm_pid" 2>/dev/null; then kill "$wasm_pid" 2>/dev/null || true; fi
  echo "== phase times"
  cat "$times"
  printf '%5d s  %s\n' $(($(date +%s) - start_all)) "scripts/test.sh in all"
  rm -f "$times"
}
trap summary EXIT

phase() { # TITLE COMMAND...: runs COMMAND as a phase, timed
  local title=$1 start took
  shift
  echo "== $title"
  start=$(date +%s)
  "$@"
  took=$(($(date +%s) - start))
  printf '%5d s  %s\n' "$took" "$title" >>"$times"
  echo "== $title: $took s"
}

# Two streams side by side until the end-to-end tests, which need both: the
# native tests here, and in the background the wasm tests, the page's wasm and
# the JavaScript check. Neither waits on the other, and each alone leaves a core
# idle for long stretches (the lib's test build, an LTO link, a test binary run
# on one thread). The wasm stream builds in a target directory of its own, or
# it would wait on cargo's lock of this one for the whole native build. Its
# output goes to a log, printed when it is done.
WASM_TARGET=$(realpath -m "${CARGO_TARGET_DIR:-target}/wasm-stream")
wasm_log=$(mktemp)
(
  export CARGO_TARGET_DIR=$WASM_TARGET
  phase "wasm tests in headless Chromium (wasm-bindgen-test)" \
    env CHROMEDRIVER=/usr/bin/chromedriver cargo test --profile tests --target wasm32-unknown-unknown \
    --no-default-features --features digits-page,files-module,experiment-module --test wasm
  phase "the page's wasm (scripts/build-wasm.sh)" scripts/build-wasm.sh
  phase "the page's JavaScript: type check and lint (scripts/check-js.sh)" scripts/check-js.sh
) >"$wasm_log" 2>&1 &
wasm_pid=$!

phase "native tests (cargo test --profile tests)" \
  cargo test --profile tests

echo "== waiting for the wasm stream (wasm tests, the page's wasm, the JavaScript check)"
wasm_ok=0
wait "$wasm_pid" || wasm_ok=$?
cat "$wasm_log"
rm -f "$wasm_log"
[ "$wasm_ok" = 0 ] || exit "$wasm_ok"

# The npm package is for tests/e2e/package.test.mjs.
phase "dist/ and the npm package (scripts/build-dist.sh)" \
  bash -c 'scripts/build-dist.sh && node scripts/build-package.mjs'

phase "end-to-end tests of the page, ${E2E_JOBS:-2} files at a time (scripts/e2e.mjs)" \
  node scripts/e2e.mjs
