#!/usr/bin/env bash
# Install a cargo tool at a pinned version with OUR lock file, so that it builds the same way
# on a fresh machine years from now: `cargo install NAME --version V --locked` uses the lock
# file published inside the crate, and that lock rots when the registry stops offering one of
# the versions it pins (wasm-bindgen-cli 0.2.130's pinned webpki-roots 1.0.11, which is gone).
#
#   bash tools/install-cargo-tool.sh NAME VERSION     uses tools/locks/NAME-VERSION.Cargo.lock
#
# Steps, all through cargo and the registry (no other host):
#   1. a throw-away package that depends on NAME = "=VERSION", seeded with our lock file, so
#      `cargo fetch` downloads the crate (checksum checked against the index) and exactly the
#      versions our lock pins;
#   2. the crate file from cargo's download cache is unpacked, our lock file put beside its
#      Cargo.toml, and `cargo install --path . --locked` builds it: a version missing from the
#      registry fails here, loudly, instead of being resolved to something untested.
# To refresh a lock that has rotted: unpack the crate as in step 2, run
# `cargo update -p <the missing crate>` there (the smallest change to what upstream tested),
# check `cargo metadata --locked`, and copy its Cargo.lock over tools/locks/NAME-VERSION.Cargo.lock.
set -euo pipefail
name="${1:?usage: install-cargo-tool.sh NAME VERSION}"
version="${2:?usage: install-cargo-tool.sh NAME VERSION}"
here=$(cd "$(dirname "$0")" && pwd)
lock="$here/locks/$name-$version.Cargo.lock"
[ -f "$lock" ] || { echo "install-cargo-tool: no lock file $lock" >&2; exit 1; }
cargo_home="${CARGO_HOME:-$HOME/.cargo}"

work=$(mktemp -d "${TMPDIR:-/tmp}/install-$name-XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1. Download the crate and the locked dependency versions.
mkdir -p "$work/fetch/src"
cat > "$work/fetch/Cargo.toml" <<EOF
[package]
name = "fetch-$name"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$name = "=$version"
EOF
: > "$work/fetch/src/lib.rs"
cp "$lock" "$work/fetch/Cargo.lock"
(cd "$work/fetch" && env -u CARGO_TARGET_DIR cargo fetch --quiet)

# 2. Unpack the crate that cargo downloaded and verified, and build it with our lock.
crate=$(ls "$cargo_home"/registry/cache/*/"$name-$version.crate" 2>/dev/null | head -n1)
[ -n "$crate" ] || { echo "install-cargo-tool: cargo fetch left no $name-$version.crate" >&2; exit 1; }
tar -xzf "$crate" -C "$work"
src="$work/$name-$version"
cp "$lock" "$src/Cargo.lock"
env -u CARGO_TARGET_DIR CARGO_TARGET_DIR="$work/target" \
  cargo install --path "$src" --locked --root "$cargo_home" --force
