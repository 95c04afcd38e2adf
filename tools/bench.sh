#!/usr/bin/env bash
# Benchmark: every performance budget (sizes, Lighthouse, cold start, interactions, the cost
# of a one-sentence content fix); prints each figure and exits non-zero when one is missed.
# Not part of tools/test.sh (it takes ~15 minutes). Uses E2E_PORT (8778) to E2E_PORT+2.
# Usage: bash tools/bench.sh [--clean] [--no-build] [--only sizes,lighthouse,coldstart,interact,update]
#   --clean     also time a release build from an empty target/
#   --no-build  measure the existing dist/ and dist-fix/
set -euo pipefail
cd "$(dirname "$0")/.."
build=1 only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --clean) rm -rf target/wasm32-unknown-unknown target/release; s=$(date +%s); bash tools/setup.sh >/dev/null; . tools/env.sh
             trunk build --release >/dev/null 2>&1; echo "clean release build: $(( $(date +%s) - s )) s" ;;
    --no-build) build=0 ;;
    --only) only=(--only "$2"); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [ "$build" = 1 ]; then
  bash tools/setup.sh >/dev/null
  . tools/env.sh
  touch src/lib.rs
  s=$(date +%s); trunk build --release --dist dist >/dev/null 2>&1; echo "incremental release build (src/lib.rs touched): $(( $(date +%s) - s )) s"
  # The same build with one English sentence changed: what an installed phone downloads for
  # a content fix. The sentence is in the first screen of a guide (drawn before the wasm from
  # the guide's own file, content/en/door.json, by the boot script; no guide text is in
  # index.html): sw.js and that one page file change.
  cp content/en.json target/bench-en.json.orig
  trap 'cp target/bench-en.json.orig content/en.json' EXIT
  node -e '
    const fs = require("fs"); const f = "content/en.json"; const c = JSON.parse(fs.readFileSync(f, "utf8"));
    const door = c.pages.find((p) => p.id === "door").sections[0].items[0];
    door.text = door.text.replace(/\.$/, " (benchmark: one sentence changed).");
    fs.writeFileSync(f, JSON.stringify(c, null, 2) + "\n");'
  trunk build --release --dist dist-fix >/dev/null 2>&1
  cp target/bench-en.json.orig content/en.json
  trap - EXIT
  [ -f .setup-times ] && { echo "last setup (tools/setup.sh) steps:"; cat .setup-times; }
fi
. tools/env.sh
node bench/bench.mjs dist --update dist-fix "${only[@]}"
