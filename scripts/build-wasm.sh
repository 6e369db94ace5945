#!/usr/bin/env bash
# Builds the learning core for the browser into pkg/: cargo (SIMD on, see
# .cargo/config.toml), wasm-bindgen for ES modules, then wasm-opt from binaryen.
# Two modules: the page's (`ed_playground`), and the digits card's (`ed_digits`,
# the same engine plus DigitsRun), which only the card's worker loads.
set -euo pipefail
cd "$(dirname "$0")/.."
opt=node_modules/.bin/wasm-opt
[ -x "$opt" ] || echo "build-wasm: wasm-opt not installed (run scripts/setup.sh); shipping unoptimised modules"

build() { # NAME [CARGO FEATURE ARGS...]
  local name=$1
  shift
  cargo build --quiet --profile wasm --lib --target wasm32-unknown-unknown --no-default-features "$@"
  wasm-bindgen --target web --remove-name-section --remove-producers-section \
    --out-dir pkg --out-name "$name" "${CARGO_TARGET_DIR:-target}"/wasm32-unknown-unknown/wasm/ed_playground.wasm
  if [ -x "$opt" ]; then
    "$opt" -O3 --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals "pkg/${name}_bg.wasm" -o "pkg/${name}_bg.wasm"
  fi
}
build ed_playground
build ed_digits --features digits-page
