#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there:
# the wasm target, wasm-bindgen-cli at the version Cargo.lock pins, Debian's
# Chromium and ChromeDriver, and the npm packages of package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

need_browser=0
for arg in "$@"; do
  [ "$arg" = "--browser" ] && need_browser=1
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must match the wasm-bindgen crate exactly, or the generated glue refuses to load.
[ -f Cargo.lock ] || cargo generate-lockfile
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
cli_pid=
if [ "$have" != "$want" ]; then
  echo "setup: installing wasm-bindgen-cli $want (found '${have:-none}'); this takes a few minutes once"
  # Only the two programs the build and the tests run, and without the default
  # features' TLS (rustls and ring): the test runner talks plain HTTP to a local
  # chromedriver: nine crates fewer, ring's C among them. In the background:
  # the Debian and npm installs below mostly wait on downloads meanwhile.
  # No --locked: the registry lacks one of the CLI's pinned dependencies.
  cargo install --quiet wasm-bindgen-cli --version "$want" --no-default-features \
    --bin wasm-bindgen --bin wasm-bindgen-test-runner &
  cli_pid=$!
fi

if [ "$need_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  echo "setup: installing Debian's chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi
# A Japanese font, so the screenshots of the Japanese interface show its words, not boxes.
if [ "$need_browser" = 1 ] && ! fc-list :lang=ja 2>/dev/null | grep -q .; then
  echo "setup: installing a Japanese font (fonts-ipafont-gothic)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq fonts-ipafont-gothic >/dev/null
fi

# Reinstall npm packages only when the lock file changed since the last install.
stamp=node_modules/.package-lock.stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

if [ -n "$cli_pid" ]; then
  wait "$cli_pid" # its status: set -e stops here if the install failed
  echo "setup: wasm-bindgen-cli $want installed"
fi
