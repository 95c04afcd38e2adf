#!/usr/bin/env bash
# The first README command: install what is missing, build the release app, and serve it on
# http://127.0.0.1:8080 (brotli, and every route answered with the app).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
bash tools/build.sh dist
. tools/env.sh
exec node e2e/serve.mjs dist "${PORT:-8080}"
