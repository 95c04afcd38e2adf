#!/usr/bin/env bash
# Install everything the app needs to build, serve and test, skipping what is already there.
# Fresh Debian 12 with only package registries: Debian's rustc-web builds the wasm32 std
# (build-std). A machine where rustup can add wasm32-unknown-unknown uses that instead.
# Usage: bash tools/setup.sh   (SKIP_APT=1 to skip apt; run from anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
T0=$(date +%s)
say() { echo "[setup +$(( $(date +%s) - T0 ))s] $*"; echo "+$(( $(date +%s) - T0 ))s $*" >> .setup-times; }
: > .setup-times
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

# 1. Which route builds wasm32 here?
route=debian
if command -v rustup >/dev/null 2>&1; then
  if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
     || rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
    route=rustup
  fi
fi
echo "$route" > .toolchain-route
say "wasm32 route: $route"
# std's source, so that the wasm build compiles std for size (tools/env.sh); optional.
if [ "$route" = rustup ] && ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  say "rustup component add rust-src"
  rustup component add rust-src || echo "setup: rust-src not added; the wasm uses the prebuilt std (~25 kB larger)" >&2
fi

# 2. Debian packages that are missing.
need=()
want=(brotli chromium poppler-utils python3 fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji)
[ "$route" = debian ] && want+=(rustc-web cargo-web rust-web-src rust-web-llvm lld-22)
command -v node >/dev/null 2>&1 || want+=(nodejs npm)
command -v cc >/dev/null 2>&1 || want+=(gcc)
for p in "${want[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ] && [ -z "${SKIP_APT:-}" ]; then
  say "apt: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ "$route" = debian ]; then
  lld=$(readlink -f /usr/bin/rust-lld || true)
  [ -n "$lld" ] && [ -e "$lld" ] || { echo "setup: /usr/bin/rust-lld is dangling; apt-get install lld-22" >&2; exit 1; }
fi

# 3. A host cargo for the tools (rustup's if any, else Debian's).
command -v cargo >/dev/null 2>&1 || export PATH="/usr/bin:$PATH"

# 4. Tools at pinned versions (the wasm-bindgen CLI must equal the crate pin in Cargo.toml),
#    built with our own lock files (tools/locks/): the ones published inside the crates rot
#    when the registry drops a version they pin (see tools/install-cargo-tool.sh).
if [ "$("$CARGO_BIN/wasm-bindgen" --version 2>/dev/null)" != "wasm-bindgen 0.2.130" ]; then
  say "install wasm-bindgen-cli 0.2.130 (tools/locks)"
  bash tools/install-cargo-tool.sh wasm-bindgen-cli 0.2.130
fi
if ! "$CARGO_BIN/trunk" --version 2>/dev/null | grep -qx 'trunk 0.21.14'; then
  say "install trunk 0.21.14 (tools/locks; 0.22 needs rustc >= 1.96.1)"
  bash tools/install-cargo-tool.sh trunk 0.21.14
fi

# 5. npm packages from the lockfile (playwright-core, axe-core, binaryen 132 = wasm-opt).
stamp=node_modules/.lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

# 6. Crates, so that Trunk's offline build finds them: host deps of build scripts and the
#    wasm32-only deps of build-std both need fetching.
. tools/env.sh
say "cargo fetch"
cargo fetch --locked 2>/dev/null || cargo fetch
cargo fetch --target wasm32-unknown-unknown
say "ready"
