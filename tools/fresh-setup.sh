#!/usr/bin/env bash
# Prove that tools/setup.sh works from nothing: run it on a copy of the committed tree
# (git archive HEAD) with an empty CARGO_HOME and an empty npm cache in temporary
# directories, and print how long each step took. RUSTUP_HOME is kept (a fresh machine gets
# its Rust toolchain from rustup-init or apt, not from this project); apt packages already
# installed are not removed. Nothing outside the temporary directory is changed.
#   bash tools/fresh-setup.sh            (KEEP=1 keeps the temporary directory)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ -z "$(git -C "$root" status --porcelain -- tools Cargo.lock Cargo.toml package.json package-lock.json)" ] \
  || echo "fresh-setup: uncommitted changes in tools/ or the lock files are NOT part of this run" >&2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/fresh-setup-XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/app" "$tmp/cargo/bin" "$tmp/npm-cache"
git -C "$root" archive HEAD | tar -x -C "$tmp/app"

# A new CARGO_HOME holds only rustup's proxies, as rustup-init leaves it; the old
# ~/.cargo/bin (with tools installed by hand) is taken off PATH.
old_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
if rustup_bin=$(command -v rustup); then
  for t in cargo rustc rustdoc rustup cargo-clippy clippy-driver rustfmt cargo-fmt; do
    ln -s "$(readlink -f "$rustup_bin")" "$tmp/cargo/bin/$t"
  done
fi
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
export CARGO_HOME="$tmp/cargo"
export npm_config_cache="$tmp/npm-cache"
PATH="$CARGO_HOME/bin:$(echo "$PATH" | tr ':' '\n' | grep -vxF "$old_bin" | paste -sd:)"
export PATH
unset CARGO_TARGET_DIR RUSTC_BOOTSTRAP

echo "fresh-setup: $tmp (CARGO_HOME and npm cache empty, commit $(git -C "$root" rev-parse --short HEAD))"
t0=$(date +%s)
set +e
bash "$tmp/app/tools/setup.sh" 2>&1 | while IFS= read -r line; do
  printf '[%4ss] %s\n' "$(( $(date +%s) - t0 ))" "$line"
done
rc=${PIPESTATUS[0]}
set -e
total=$(( $(date +%s) - t0 ))

echo "== fresh-setup: setup.sh exit $rc after ${total}s; step start times:"
cat "$tmp/app/.setup-times" 2>/dev/null || true
echo "== installed:"
"$CARGO_HOME/bin/wasm-bindgen" --version || rc=1
"$CARGO_HOME/bin/trunk" --version || rc=1
"$tmp/app/node_modules/.bin/wasm-opt" --version || rc=1
echo "== CARGO_HOME $(du -sh "$CARGO_HOME" | cut -f1), npm cache $(du -sh "$npm_config_cache" | cut -f1)"
[ "$rc" = 0 ] && echo "fresh-setup: OK in ${total}s" || echo "fresh-setup: FAILED (exit $rc) after ${total}s"
exit "$rc"
