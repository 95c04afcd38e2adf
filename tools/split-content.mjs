// Trunk post-build step (before minify-json.mjs): split each language's content so that a
// phone fetches at start only what the first screens read, and a one-sentence fix changes one
// small file. content/<tag>.json becomes the core (the officer card whole; every other page
// with its id, kind, title and summary and no sections; the warrant checker), and each other
// page goes to content/<tag>/<page-id>.json (the whole page, as authored), fetched when it
// opens (src/services/content.rs). Every file stays in the precache (sw-precache.mjs).
// The authored content/<tag>.json are validated whole by build.rs; this checks that core and
// pages put back together give the authored file.
import { isDeepStrictEqual } from "node:util";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("split-content: run me as a Trunk hook (TRUNK_STAGING_DIR unset)");
const dir = join(staging, "content");
const tags = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "sources.json").map((f) => f.slice(0, -5));
let files = 0;
for (const tag of tags) {
  const whole = JSON.parse(readFileSync(join(dir, `${tag}.json`), "utf8"));
  const core = { ...whole, pages: whole.pages.map((p) => (p.kind === "officer" ? p : { ...p, sections: [] })) };
  mkdirSync(join(dir, tag), { recursive: true });
  for (const p of whole.pages.filter((p) => p.kind !== "officer")) {
    if (!/^[a-z0-9-]+$/.test(p.id)) throw new Error(`split-content: page id '${p.id}' cannot be a file name`);
    writeFileSync(join(dir, tag, `${p.id}.json`), JSON.stringify(p));
    files++;
  }
  const back = { ...core, pages: core.pages.map((p) => (p.kind === "officer" ? p : JSON.parse(readFileSync(join(dir, tag, `${p.id}.json`), "utf8")))) };
  if (!isDeepStrictEqual(back, whole)) throw new Error(`split-content: ${tag}: core + pages differ from the authored file`);
  writeFileSync(join(dir, `${tag}.json`), JSON.stringify(core));
}
console.log(`split-content: ${tags.length} languages, a core file each and ${files} page files`);
