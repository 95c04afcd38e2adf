#!/usr/bin/env bash
# The second README command: install what is missing, then run every test.
#   1. native unit tests of the plain-Rust crates (model, pipeline, build checks);
#   2. the release build (dist/) and a second build labelled "update-check" (dist-next/);
#   3. the browser tests (Playwright + Debian's Chromium, node's test runner).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh

echo "== native tests"
(
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
  env -u RUSTC_BOOTSTRAP cargo test --workspace --locked
)

. tools/env.sh
echo "== release build"
trunk build --release --dist dist
echo "== second build, for the update test"
POCKET_RIGHTS_BUILD_LABEL=update-check trunk build --release --dist dist-next

echo "== browser tests"
node --test --test-concurrency=1 e2e/*.test.mjs
