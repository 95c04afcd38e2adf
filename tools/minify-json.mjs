// Trunk post-build step: rewrite the staged content and UI-string files without whitespace
// (they are validated pretty-printed sources; the phone only needs the data). Same JSON, fewer
// bytes. English UI strings are built into the wasm, so the staged locales/en.json goes.
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR ?? "";
rmSync(join(staging, "locales", "en.json"), { force: true });
for (const sub of ["content", "locales"]) {
  const dir = join(staging, sub);
  let before = 0, after = 0;
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const raw = readFileSync(join(dir, f), "utf8");
    const mini = JSON.stringify(JSON.parse(raw));
    before += Buffer.byteLength(raw);
    after += Buffer.byteLength(mini);
    writeFileSync(join(dir, f), mini);
  }
  console.log(`minify-json: ${sub} ${before} -> ${after} bytes`);
}
