#!/usr/bin/env bash
# Speed figures, measured side by side in one run: native epochs per second,
# the same in wasm inside headless Chromium, their ratio, and the page's
# main-thread time per frame, and Kaneko's experiment in the page on one worker
# against the page's pool (scripts/bench-pool.mjs). Expects `make dist` to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release --bin ed
node scripts/bench.mjs
