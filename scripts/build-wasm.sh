#!/usr/bin/env bash
# Builds the learning core for the browser into pkg/: cargo (SIMD on, see
# .cargo/config.toml), wasm-bindgen for ES modules, then wasm-opt from binaryen.
# Four modules from one crate, each by a cargo feature, so a reader downloads
# only what the page shows them (docs/architecture.md, "The wasm modules"):
# the page's (`ed_playground`); the digits card's (`ed_digits`, the same engine
# plus DigitsRun), which only the card's worker loads; the files module
# (`ed_files`: model files and the points' CSV), loaded the first time a reader
# saves or loads one, built for size since nothing in it is hot; and Kaneko's
# experiment (`ed_experiment`), which only its card's worker loads.
set -euo pipefail
cd "$(dirname "$0")/.."
opt=node_modules/.bin/wasm-opt
[ -x "$opt" ] || echo "build-wasm: wasm-opt not installed (run scripts/setup.sh); shipping unoptimised modules"

# A panic's message names its source file; a dependency's would be this
# machine's path to cargo's registry. Each registry's folder is written `deps`
# instead (added to .cargo/config.toml's flags, not in place of them).
remap=""
for d in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  [ -d "$d" ] && remap+=" --remap-path-prefix=${d%/}=deps"
done
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${remap# }"

build() { # NAME CARGO-PROFILE WASM-OPT-LEVEL FEATURES
  local name=$1 profile=$2 level=$3 features=$4
  cargo build --quiet --profile "$profile" --lib --target wasm32-unknown-unknown --no-default-features --features "$features"
  wasm-bindgen --target web --remove-name-section --remove-producers-section \
    --out-dir pkg --out-name "$name" "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/ed_playground.wasm"
  if [ -x "$opt" ]; then
    "$opt" "$level" --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals "pkg/${name}_bg.wasm" -o "pkg/${name}_bg.wasm"
  fi
}
build ed_playground wasm -O3 page
build ed_digits wasm -O3 digits-page
build ed_files wasm-size -Oz files-module
build ed_experiment wasm -O3 experiment-module
