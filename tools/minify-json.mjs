// Trunk post-build step: rewrite the staged content files without whitespace (they are
// validated pretty-printed sources; the phone only needs the data). Same JSON, fewer bytes.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = join(process.env.TRUNK_STAGING_DIR ?? "", "content");
let before = 0, after = 0;
for (const f of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
  const raw = readFileSync(join(dir, f), "utf8");
  const mini = JSON.stringify(JSON.parse(raw));
  before += Buffer.byteLength(raw);
  after += Buffer.byteLength(mini);
  writeFileSync(join(dir, f), mini);
}
console.log(`minify-json: content ${before} -> ${after} bytes`);
