#!/bin/sh
# Trunk post_build hook (Trunk runs hooks of one stage in parallel, so the order lives here):
# first write the officer card into index.html, then hash every file into sw.js.
set -eu
node tools/prerender-boot.mjs
sh tools/sw-precache.sh
