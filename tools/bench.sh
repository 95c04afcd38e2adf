#!/usr/bin/env bash
# Benchmark: build times, sizes against the budgets, cold start and interaction timings.
# Usage: bash tools/bench.sh [--clean]   (--clean also times a build from an empty target/)
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh >/dev/null
. tools/env.sh
if [ "${1:-}" = "--clean" ]; then
  rm -rf target/wasm32-unknown-unknown target/release
  s=$(date +%s); trunk build --release >/dev/null 2>&1; echo "clean release build: $(( $(date +%s) - s )) s"
fi
touch src/lib.rs
s=$(date +%s); trunk build --release >/dev/null 2>&1; echo "incremental release build (src/lib.rs touched): $(( $(date +%s) - s )) s"
[ -f .setup-times ] && { echo "last setup (tools/setup.sh) steps:"; cat .setup-times; }
node bench/bench.mjs dist
