# The two commands of the README: `make serve` and `make test`.
.PHONY: serve test dist package pkg setup test-native test-wasm test-e2e bench fuzz figures fmt lint clean

PORT ?= 8080

setup:
	@scripts/setup.sh

pkg: setup
	@scripts/build-wasm.sh

dist: pkg
	@scripts/build-dist.sh

# The npm package: dist/package/ed-playground-<version>.tgz (scripts/build-package.mjs).
package: dist
	@node scripts/build-package.mjs

serve: dist
	@node scripts/serve.mjs dist $(PORT)

# One setup call for everything, so that it can build wasm-bindgen-cli while
# Chromium and the npm packages download (scripts/setup.sh).
test:
	@scripts/setup.sh --browser
	@scripts/test.sh

# The native tests alone, in the tests' own profile (Cargo.toml, docs/testing.md).
test-native:
	cargo test --profile tests

# The end-to-end tests alone, against the dist/ that is there; E2E_JOBS=1 for one
# file at a time.
test-e2e:
	@node scripts/e2e.mjs

bench: dist
	@scripts/bench.sh

# Each target for FUZZ_SECONDS (default 60); not part of `make test`, which
# replays the seeds and found crashes (tests/fuzz_corpus.rs).
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/fuzz.sh $(FUZZ_SECONDS)

# Reruns the commands behind the figures of docs/ and writes their output back;
# FIGURES_FLAGS=--slow reruns the slow ones too (see scripts/figures.sh --help).
figures:
	@scripts/figures.sh $(FIGURES_FLAGS)

# Rust: rustfmt and clippy; the page's JavaScript: the type check (tsconfig.json,
# strict, against the wasm package's declarations, hence pkg) and Biome's
# formatter and linter (biome.json).
lint: pkg
	cargo fmt --check
	cargo clippy --release --all-targets -- -D warnings
	@scripts/check-js.sh

clean:
	rm -rf pkg dist artifacts
