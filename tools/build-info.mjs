// Trunk post_build hook step (before sw-precache): the build's date (UTC) and optional label
// (POCKET_RIGHTS_BUILD_LABEL) as data, build.json, which the About screen shows. Not compiled
// into the wasm: a content fix built on another day must not change the wasm (a phone would
// download all of it again for one sentence).
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("build-info: run me as a Trunk hook (TRUNK_STAGING_DIR unset)");
const info = { date: new Date().toISOString().slice(0, 10), label: process.env.POCKET_RIGHTS_BUILD_LABEL || "" };
writeFileSync(join(staging, "build.json"), JSON.stringify(info) + "\n");
console.log(`build-info: ${JSON.stringify(info)}`);
