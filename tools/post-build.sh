#!/bin/sh
# Trunk post_build hook (Trunk runs hooks of one stage in parallel, so the order lives here):
# write the officer card into index.html, minify the content files, then hash every file
# into sw.js.
set -eu
node tools/prerender-boot.mjs
node tools/prerender-routes.mjs
node tools/minify-json.mjs
sh tools/sw-precache.sh
