#!/bin/sh
# Trunk post_build hook (Trunk runs hooks of one stage in parallel, so the order lives here):
# write the officer card into index.html, split each language's content into a core file and
# a file per page (split-content.mjs), minify the content files, fill the route list and
# the script hashes of the Content-Security-Policy into every page (any step that writes
# HTML goes before this one), write build.json (the build's date and label), then write the precache manifest into sw.js (always last: it
# hashes every file).
set -eu
node tools/prerender-boot.mjs
node tools/prerender-routes.mjs
node tools/split-content.mjs
node tools/minify-json.mjs
node tools/html-finish.mjs
node tools/build-info.mjs
node tools/sw-precache.mjs
