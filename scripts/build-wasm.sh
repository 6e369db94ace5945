#!/usr/bin/env bash
# Builds the learning core for the browser into pkg/: cargo (SIMD on, see
# .cargo/config.toml), wasm-bindgen for ES modules, then wasm-opt from binaryen.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --profile wasm --lib --target wasm32-unknown-unknown --no-default-features
wasm-bindgen --target web --remove-name-section --remove-producers-section \
  --out-dir pkg target/wasm32-unknown-unknown/wasm/ed_playground.wasm
opt=node_modules/.bin/wasm-opt
if [ -x "$opt" ]; then
  "$opt" -O3 --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals pkg/ed_playground_bg.wasm -o pkg/ed_playground_bg.wasm
else
  echo "build-wasm: wasm-opt not installed (run scripts/setup.sh); shipping the unoptimised module"
fi
