// Writes public/data/hotlines.json from data/sources/hotlines.csv (the confirmed lines) and
// the state names of public/data/states.json (the 50 states and DC). Run: node tools/hotlines.mjs
// A row needs every field; the number must have been read on the organisation's own page (url).
import { readFileSync, writeFileSync } from "node:fs";

const rows = readFileSync("data/sources/hotlines.csv", "utf8").trim().split("\n");
const head = rows.shift().split(",");
const want = ["state", "organisation", "phone", "url", "checked"];
if (head.join(",") !== want.join(",")) throw new Error(`hotlines.csv header: ${head}`);
const states = JSON.parse(readFileSync("public/data/states.json", "utf8"))
  .states.filter((s) => !["GU", "MP", "PR"].includes(s.abbr))
  .map((s) => ({ abbr: s.abbr, name: s.name }))
  .sort((a, b) => a.name.localeCompare(b.name));
if (states.length !== 51) throw new Error(`expected 51 states, got ${states.length}`);
const lines = rows.map((r, i) => {
  const cells = r.split(",");
  if (cells.length !== want.length || cells.some((c) => !c.trim())) throw new Error(`hotlines.csv row ${i + 2}: ${r}`);
  const o = Object.fromEntries(want.map((k, j) => [k, cells[j].trim()]));
  if (!states.some((s) => s.abbr === o.state)) throw new Error(`hotlines.csv row ${i + 2}: unknown state ${o.state}`);
  if (!/^\d-\d{3}-\d{3}-\d{4}$/.test(o.phone)) throw new Error(`hotlines.csv row ${i + 2}: phone ${o.phone}`);
  if (!/^https:\/\//.test(o.url) || !/^\d{4}-\d{2}-\d{2}$/.test(o.checked)) throw new Error(`hotlines.csv row ${i + 2}`);
  return o;
});
const checked = lines.map((l) => l.checked).sort().at(-1);
writeFileSync("public/data/hotlines.json", JSON.stringify({ format: 1, as_of: checked, source: "data/sources/SOURCES.md", states, lines }) + "\n");
console.log(`public/data/hotlines.json: ${states.length} states, ${lines.length} lines`);
