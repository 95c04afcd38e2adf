// Trunk post_build hook step, after every step that writes HTML and before sw-precache:
//  1. fills the route list into the base-finding script of each HTML page (from src/paths.rs,
//     the one route table), so that a page served at a deep link under any sub-path finds the
//     app's root;
//  2. hashes every inline script of every HTML page and writes a Content-Security-Policy
//     without 'unsafe-inline' for scripts: into each page's meta tag and into `_headers`
//     (for hosts that read it: Netlify, Cloudflare Pages) with the headers a host should send;
//  3. writes 404.html, a copy of index.html, which GitHub Pages serves for a deep link.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("html-finish: run me as a Trunk hook (TRUNK_STAGING_DIR unset)");

// Each screen's path as segments (":name" for a part the screen reads), from the match arms
// of `Screen::parse` in src/paths.rs, the one route table: `["map", state] => …` is
// ["map", ":state"].
const routes = [];
{
  const src = readFileSync("src/paths.rs", "utf8");
  const body = src.slice(src.indexOf("pub fn parse("), src.indexOf("pub fn param("));
  for (const m of body.matchAll(/^\s*\[([^\]]*)\]\s*=>\s*Screen::/gm)) {
    routes.push(m[1].split(",").map((s) => s.trim()).filter(Boolean).map((s) => (s.startsWith('"') ? JSON.parse(s) : `:${s}`)));
  }
}
if (!routes.some((r) => r.length === 0)) throw new Error("html-finish: no \"/\" route found in src/paths.rs");

function walk(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
}
const pages = walk(staging).filter((f) => f.endsWith(".html") && relative(staging, f).split(sep).join("/") !== "404.html");

const ROUTES_MARK = "__APP_ROUTES__";
const CSP_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>/;
const texts = new Map();
const hashes = new Set();
for (const f of pages) {
  let html = readFileSync(f, "utf8");
  if (!CSP_META.test(html)) throw new Error(`html-finish: ${f} has no Content-Security-Policy meta tag`);
  html = html.replaceAll(ROUTES_MARK, JSON.stringify(routes));
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.add(`'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
  }
  texts.set(f, html);
}
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${[...hashes].sort().join(" ")}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");
for (const [f, html] of texts) {
  writeFileSync(f, html.replace(CSP_META, `<meta http-equiv="Content-Security-Policy" content="${policy}" />`));
}
writeFileSync(join(staging, "404.html"), texts.get(join(staging, "index.html")).replace(CSP_META,
  `<meta http-equiv="Content-Security-Policy" content="${policy}" />`));

// Paths are for the app at the root of the site; see DEPLOY.md for a sub-path.
writeFileSync(join(staging, "_headers"), `# Headers for hosts that read this file (Netlify, Cloudflare Pages); see DEPLOY.md.
/*
  Content-Security-Policy: ${policy}; frame-ancestors 'none'
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
  Permissions-Policy: camera=(), microphone=(), geolocation=(self)
  Cache-Control: no-cache
`);
console.log(`html-finish: ${pages.length} page(s), ${hashes.size} inline script hash(es), ${routes.length} routes`);
