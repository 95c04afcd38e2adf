#!/usr/bin/env bash
# Release build into dist/ (or the directory given). Assumes tools/setup.sh has run.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/env.sh
dist="${1:-dist}"
trunk build --release --dist "$dist"
