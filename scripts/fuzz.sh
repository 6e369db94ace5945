#!/usr/bin/env bash
# Fuzzes model loading and parameter parsing, each for a bounded time:
#   scripts/fuzz.sh [seconds per target, default 60]
# libFuzzer starts from the committed seeds (fuzz/seeds/<target>) and keeps what
# it learns in fuzz/corpus/ (not committed). A crash is saved by cargo-fuzz under
# fuzz/artifacts/<target>/; copy it to fuzz/regressions/<target>/ and
# `cargo test --test fuzz_corpus` replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
# cargo-fuzz needs nightly flags (sanitizers); use nightly if the machine has
# it, else let the stable compiler accept them.
if rustup run nightly rustc --version >/dev/null 2>&1; then
  fuzz() { cargo +nightly fuzz "$@"; }
else
  fuzz() { RUSTC_BOOTSTRAP=1 cargo fuzz "$@"; }
fi
for target in model_file params; do
  mkdir -p "fuzz/corpus/$target"
  echo "fuzz: $target for ${seconds}s"
  log="fuzz/corpus/$target.log"
  status=0
  fuzz run "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1 || status=$?
  grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+== ERROR|SUMMARY|Test unit written)' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$log"
    echo "fuzz: $target stopped with status $status (a crash is saved under fuzz/artifacts/$target/)"
    exit 1
  fi
done
echo "fuzz: no crash"
