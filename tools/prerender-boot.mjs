// Trunk post_build hook: write the officer card into the staged index.html as plain HTML, so
// that a cold start reaches the card as fast as a static page, before the wasm app starts.
// English statements plus every language's, from content/<tag>.json; a tiny inline script
// shows the saved (or the browser's) language and the card when the URL is <base>card.
// The app replaces this block when its own card is ready (src/lib.rs dismiss_boot).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("prerender-boot: run me as a Trunk hook (TRUNK_STAGING_DIR unset)");

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
// The language table build.rs writes from model/src/language.rs: tags, directions, and how
// browser tags map to ours (the boot script below applies the same aliases as the app).
const TABLE = JSON.parse(readFileSync("tools/languages.json", "utf8"));
const DIR = Object.fromEntries(TABLE.languages.map((l) => [l.tag, l.dir]));

// Content text may carry inline markup (model/src/inline.rs; the app renders it in
// src/components/rich_text.rs): [[tel:…]] and [[url:…]] become isolated left-to-right links,
// [[en:…]] an isolated English name. Text whose markup does not parse is shown as it is,
// like the app does.
function rich(text) {
  const parts = String(text).split(/(\[\[[a-z]+:[^\[\]]+\]\])/);
  if (parts.some((p, i) => i % 2 === 0 && (p.includes("[[") || p.includes("]]")))) return esc(text);
  return parts.map((p, i) => {
    if (i % 2 === 0) return esc(p);
    const [, kind, body] = p.match(/^\[\[([a-z]+):(.*)\]\]$/);
    if (kind === "tel") {
      const digits = body.replace(/\D/g, "");
      const dial = body.startsWith("+") ? `+${digits}` : digits.length === 10 ? `+1${digits}` : digits.length === 11 && digits.startsWith("1") ? `+${digits}` : digits;
      return `<bdi class="ltr-run"><a class="tel" href="tel:${dial}" dir="ltr">${esc(body)}</a></bdi>`;
    }
    if (kind === "url" && /^https?:\/\//.test(body)) {
      const shown = body.replace(/^https?:\/\//, "").replace(/^www\./, "").replace(/\/$/, "");
      return `<bdi class="ltr-run"><a class="url" href="${esc(body)}" dir="ltr" rel="noreferrer noopener" target="_blank">${esc(shown)}</a></bdi>`;
    }
    if (kind === "en") return `<bdi class="ltr-run" dir="ltr" lang="en">${esc(body)}</bdi>`;
    return esc(p);
  }).join("");
}

function statements(tag) {
  const content = JSON.parse(readFileSync(`content/${tag}.json`, "utf8"));
  return content.pages
    .filter((p) => p.kind === "officer")
    .flatMap((p) => p.sections.filter((s) => s.kind === "statements"))
    .flatMap((s) => s.items.map((i) => i.text));
}

const tags = TABLE.languages.map((l) => l.tag);
const ui = Object.fromEntries(tags.map((t) => [t, JSON.parse(readFileSync(`locales/${t}.json`, "utf8"))]));
const en = ui.en;
const list = (items) => `<ul class="card-statements">${items.map((t) => `<li>${rich(t)}</li>`).join("")}</ul>`;

const own = tags.filter((t) => t !== "en").map((t) =>
  `<section class="card-own" data-boot-lang="${t}" lang="${t}" dir="${DIR[t]}" hidden>` +
  `<h2>${esc(ui[t].card_in_your_language)}</h2>${list(statements(t))}</section>`).join("");
const labels = Object.fromEntries(tags.map((t) => [t, ui[t].home_show_officer]));

const boot = `<div id="boot" class="boot">
<header class="top-bar"><span class="brand">${esc(en.app_name)}</span></header>
<main class="screen">
<div data-boot="home"><a class="officer-button" href="card"><span class="officer-button-label" data-boot-label>${esc(en.home_show_officer)}</span></a><p class="muted">${esc(en.loading)}</p></div>
<div data-boot="card" class="officer-card" hidden>
<section class="card-en" lang="en" dir="ltr"><h2 class="card-label">${esc(en.card_for_officer)}</h2>${list(statements("en"))}</section>
${own}
</div>
</main>
<script>(function(){
var L=${JSON.stringify(labels)},A=${JSON.stringify(TABLE.browser_aliases)},t=null;
try{t=(JSON.parse(localStorage.getItem("pocket-rights.settings")||"{}")||{}).language||null}catch(e){}
function m(x){x=String(x).trim().replace(/_/g,"-");for(var k in L)if(k.toLowerCase()===x.toLowerCase())return k;
var s=x.toLowerCase().split("-"),p=s.shift();for(var i=0;i<A.length;i++){var a=A[i];
if(a.primary===p&&(!a.any.length||s.some(function(r){return a.any.indexOf(r)>=0})))return a.tag}return L[p]?p:null}
if(!L[t]){t=null;(navigator.languages||[]).some(function(x){t=m(x);return !!t})}
t=t||"${TABLE.fallback}";var b=document.getElementById("boot");
if(location.pathname===new URL("card",document.baseURI).pathname){b.querySelector('[data-boot="home"]').hidden=true;b.querySelector('[data-boot="card"]').hidden=false;
var o=b.querySelector('[data-boot-lang="'+t+'"]');if(o)o.hidden=false}
else{b.querySelector("[data-boot-label]").textContent=L[t]}
})();</script>
</div>`;

const file = join(staging, "index.html");
const html = readFileSync(file, "utf8");
const start = html.indexOf('<div id="boot"');
const endMarker = "<!-- /boot -->";
const end = html.indexOf(endMarker);
if (start < 0 || end < start) throw new Error("prerender-boot: index.html lacks the boot block markers");
let out = html.slice(0, start) + boot + "\n    " + html.slice(end);
// Paint the static card first, then start the app: drop Trunk's preloads of the wasm and its
// glue (they compete with the first paint on a slow phone) and let the loader wait a frame.
out = out.replace(/<link rel="(?:module)?preload"[^>]*>\n?/g, "");
const loader = '<script type="module">';
if (!out.includes(loader)) throw new Error("prerender-boot: Trunk's loader script not found");
out = out.replace(loader, `${loader}\nawait new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));`);
writeFileSync(file, out);
console.log(`prerender-boot: officer card for ${tags.length} languages`);
