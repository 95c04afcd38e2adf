// Trunk post_build hook, after prerender-boot.mjs: first paint without the wasm for the
// screens people send each other links to, and the files the app needs fetched in parallel
// with the wasm instead of after it.
// - /rights/<id>: the page's title, summary and first section (what fits the first screen of a
//   phone), rendered by the boot script from the page's own file, content/<lang>/<id>.json
//   (tools/split-content.mjs), in the boot language with that language's UI words for the
//   headings (locales/<lang>.json, which the app fetches anyway; English's few are inlined).
//   No guide text is in index.html, so a content fix changes only sw.js and one page file.
// - /map: the heading and the introduction (the outlines paint as soon as the app starts).
// - /map/<state>: the state's law in plain words, rendered by the boot script from
//   data/states.json as soon as that file arrives.
// /map pages are shown only when the boot language is English (other languages get the app's
// own text a little later rather than an English flash). The boot script starts fetching the
// content of the boot language (and the map files on map routes) and leaves the promises in
// window.__prFetch, where services/fetch.rs takes them. The app keeps the static page until
// its own page has its data (src/lib.rs `dismiss_boot` / `finish_boot_page`).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("prerender-routes: run me as a Trunk hook (TRUNK_STAGING_DIR unset)");

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const ui = JSON.parse(readFileSync("locales/en.json", "utf8"));
const en = JSON.parse(readFileSync("content/en.json", "utf8"));

const loading = `<p class="muted">${esc(ui.loading)}</p>`;
// Guides the boot script may draw (every page but the officer card, which has its own).
const pageIds = en.pages.filter((p) => p.kind !== "officer").map((p) => p.id);
// The UI words a guide's first screen needs (src/components/section_view.rs); English's here,
// other languages' from their locales/<lang>.json.
const WORD_KEYS = ["section_statements", "section_text", "section_do", "section_dont", "section_say", "section_changed",
  "section_steps", "section_rights", "card_tap_phrase", "changed_on", "contested", "loading"];
const enWords = Object.fromEntries(WORD_KEYS.map((k) => [k, ui[k]]));
const TABLE = JSON.parse(readFileSync("tools/languages.json", "utf8"));
const rtl = TABLE.languages.filter((l) => l.dir === "rtl").map((l) => l.tag);
const pages = [`<div data-boot-page="rights-page" class="rights-page" hidden></div>`];
pages.push(`<div data-boot-page="map" class="map" hidden><h1>${esc(ui.map_title)}</h1><p>${esc(ui.map_intro)}</p>${loading}</div>`);
pages.push(`<div data-boot-page="map-state" class="map-state" hidden></div>`);

// Words the state page needs, from the UI strings (keys as in routes/map_state.rs).
const stateWords = {
  back: ui.map_back_to_states, stance: ui.state_stance, laws: ui.state_laws, loading: ui.loading,
  layer: { limits: ui.stance_limits, requires: ui.stance_requires, mixed: ui.stance_mixed, none_found: ui.stance_none },
  verification: { verified: ui.verification_verified, established: ui.verification_established, partly_verified: ui.verification_partial,
    secondary_only: ui.verification_secondary, not_researched: ui.verification_not_researched },
};
// The languages: one content file each (as prerender-boot.mjs finds them).
const tags = readdirSync("content").filter((f) => f.endsWith(".json") && f !== "sources.json").map((f) => f.slice(0, -5)).sort();

const script = `<script>(function boot(){
var b=document.getElementById("boot");if(!b)return;
var base=(document.querySelector("base")||{}).href||location.origin+"/";
var path=decodeURIComponent(location.pathname.slice(new URL(base).pathname.length)).replace(/\\/$/,"");
// On /card nothing below is needed for the first paint (the card is static HTML above): the
// app's content fetches start after that paint, as the wasm does.
if(path==="card"&&!boot.later){boot.later=1;requestAnimationFrame(function(){setTimeout(boot,0)});return}
var T=${JSON.stringify(tags)},t=null;
try{t=(JSON.parse(localStorage.getItem("pocket-rights.settings")||"{}")||{}).language||null}catch(e){}
if(T.indexOf(t)<0){t=null;(navigator.languages||[]).some(function(x){x=String(x).toLowerCase();var p=x.split(/[-_]/)[0];
if(p==="zh"){p=/hant|tw|hk|mo/.test(x)?"zh-Hant":"zh-Hans"}if(p==="fil")p="tl";if(T.indexOf(p)>=0){t=p;return true}return false})}
t=t||"en";
var P=window.__prFetch={};
// Resolves once a static page has been painted (a largest-contentful-paint entry after it was
// shown), at most a second later: the wasm download starts then, not during the first paint.
function painted(at){return new Promise(function(r){setTimeout(r,1000);try{new PerformanceObserver(function(l){
if(l.getEntries().some(function(e){return e.startTime>=(b.shownAt||at)}))r()}).observe({type:"largest-contentful-paint",buffered:true})}catch(e){r()}})}
function get(f){var p=fetch(new URL(f,base).href).then(function(r){if(!r.ok)throw new Error(f+": "+r.status);return r.text()});p.catch(function(){});P[f]=p;return p}
get("content/sources.json");get("content/en.json");if(t!=="en")get("content/"+t+".json");
var m=/^map(?:\\/([^/]+))?(?:\\/|$)/.exec(path);
if(m){var st=get("data/states.json");if(m[1]){
// The state page paints from states.json: let it have the line to itself, then the rest,
// and start the wasm once it is in (at most 3 s later: the app never waits on it for long).
window.__prFirst=Promise.race([st.catch(function(){}).then(function(){return painted(0)}),new Promise(function(r){setTimeout(r,3000)})]);
st.then(function(){get("data/counties.json");get("data/agreements.json");get("data/trend.json")},function(){})}}
var e=function(s){return String(s).replace(/[&<>"]/g,function(c){return{"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"}[c]})};
function show(key,wait){var d=b.querySelector('[data-boot-page="'+key+'"]');if(!d)return null;
b.querySelector("main").style.display="none";d.parentNode.style.display="";d.hidden=false;b.shownAt=performance.now();if(wait)b.setAttribute("data-page",wait);return d}
var g=/^rights\\/([^/]+)$/.exec(path);
if(g&&${JSON.stringify(pageIds)}.indexOf(g[1])>=0){
// A guide: its first screen from its own file, in the boot language, with that language's
// words for the headings (the markup of src/components/section_view.rs).
var pf=get("content/"+t+"/"+g[1]+".json");if(t!=="en")get("content/en/"+g[1]+".json");
var EW=${JSON.stringify(enWords)},wf=t==="en"?Promise.resolve("{}"):get("locales/"+t+".json");
var sa="either";try{sa=(JSON.parse(localStorage.getItem("pocket-rights.settings")||"{}")||{}).speak_as||sa}catch(x){}
// Inline markup ([[tel:]], [[url:]], [[en:]]) as isolated left-to-right runs (links come with the app).
var pl=function(s){return String(s).split(/(\\[\\[[a-z]+:[^\\[\\]]+\\]\\])/).map(function(x,i){if(i%2===0)return e(x);var k=/^\\[\\[([a-z]+):(.*)\\]\\]$/.exec(x),v=k[2];
if(k[1]==="url")v=v.replace(/^https?:\\/\\//,"").replace(/^www\\./,"").replace(/\\/$/,"");return'<bdi class="ltr-run" dir="ltr"'+(k[1]==="en"?' lang="en"':"")+">"+e(v)+"</bdi>"}).join("")};
var day=function(iso){try{return new Intl.DateTimeFormat([t,"en"],{dateStyle:"medium",timeZone:"UTC"}).format(new Date(iso+"T12:00:00Z"))}catch(x){return iso}};
// The phrase and contested-point icons are src/components/icon.rs's Expand and Warn.
var drawn=Promise.all([pf,wf]).then(function(r){if(!b.isConnected)return;var p=JSON.parse(r[0]),W=JSON.parse(r[1]),s=p.sections[0];for(var k in EW)if(typeof W[k]!=="string")W[k]=EW[k];if(!s||p.id!==g[1])return;
var say=s.kind==="say",it=s.items.map(function(i){var x=i.forms&&(sa==="woman"?i.forms.f:sa==="man"?i.forms.m:0)||i.text;
return'<li class="item'+(i.contested?" is-contested":"")+'">'+(say?'<button type="button" class="phrase"><span class="phrase-text">'+pl(x)+'</span><svg class="icon phrase-hint" viewBox="0 0 24 24" aria-hidden="true"><path d="M14 4h6v6M10 20H4v-6M20 4l-6.5 6.5M4 20l6.5-6.5"/></svg></button>':'<p class="item-text">'+pl(x)+"</p>")+
(i.changed?'<p class="changed"><strong>'+e(String(W.changed_on).replace(/\\{\\{\\s*date\\s*\\}\\}/,day(i.changed.on)))+"</strong> "+pl(i.changed.note)+"</p>":"")+(i.contested?'<p class="contested" role="note"><svg class="icon icon-before" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3.5 2.5 20h19zM12 10v4.5"/><circle cx="12" cy="17.3" r=".5" fill="currentColor"/></svg>'+e(W.contested)+"</p>":"")+"</li>"}).join("");
var d=show("rights-page",path);d.lang=t;d.dir=${JSON.stringify(rtl)}.indexOf(t)>=0?"rtl":"ltr";
d.innerHTML="<h1>"+pl(p.title)+'</h1><p class="summary">'+pl(p.summary)+'</p><section class="section section-'+s.kind+'"><h2>'+(s.title?pl(s.title):e(W["section_"+s.kind]||""))+"</h2>"+(say?'<p class="muted">'+e(W.card_tap_phrase)+"</p>":"")+
(s.kind==="steps"?'<ol class="steps">'+it+"</ol>":'<ul class="items">'+it+"</ul>")+'</section><p class="muted">'+e(W.loading)+"</p>"}).then(function(){return painted(0)},function(){});
// The wasm waits for the first screen (at most 3 s: the app never waits on it for long).
window.__prFirst=Promise.race([drawn,new Promise(function(r){setTimeout(r,3000)})])}
if(t!=="en")return;
if(path==="map"){if(show("map"))window.__prFirst=painted(0)}
else if(m&&m[1]&&path===m[0]){var W=${JSON.stringify(stateWords)};
P["data/states.json"].then(function(raw){if(!b.isConnected)return;var s=JSON.parse(raw).states.filter(function(x){return x.abbr===m[1]||x.fips===m[1]})[0];if(!s)return;
var en=function(x){return x?'<p lang="en" dir="ltr" class="muted">'+e(x)+"</p>":""};
var d=show("map-state","map-state");d.innerHTML='<p class="breadcrumbs"><a href="'+new URL("map",base).pathname+'">'+e(W.back)+"</a></p><h1>"+e(s.name)+'</h1><section class="stance"><h2>'+e(W.stance)+'</h2><p class="stance-label"><strong>'+e(W.layer[s.layer]||"")+'</strong></p><p lang="en" dir="ltr">'+e(s.summary)+"</p>"+
'<p class="muted">'+e(W.verification[s.verification]||"")+"</p><h3>"+e(W.laws)+'</h3><p lang="en" dir="ltr">'+e(s.laws)+"</p>"+en(s.key_dates)+en(s.notes)+'</section><p class="muted">'+e(W.loading)+"</p>"}).catch(function(){})}
})();</script>`;

const file = join(staging, "index.html");
let html = readFileSync(file, "utf8");
// Trunk's loader (after prerender-boot's wait for a frame) also waits for window.__prFirst.
const loader = '<script type="module">';
if (!html.includes(loader)) throw new Error("prerender-routes: Trunk's loader script not found");
html = html.replace(loader, `${loader}\nawait window.__prFirst;`);
const start = html.indexOf('<div id="boot"');
const end = html.indexOf("<!-- /boot -->");
if (start < 0 || end < start) throw new Error("prerender-routes: the boot block (from prerender-boot.mjs) was not found");
// The pages go last in the boot block, after prerender-boot's card and its script (so the card
// paints without waiting for them to be parsed), in a <main> of their own that replaces the
// first one when a page shows (display, not the hidden attribute: style.css sets main's display).
const bootEnd = html.lastIndexOf("</div>", end);
const out = html.slice(0, bootEnd) + `<main class="screen" style="display:none">\n${pages.join("\n")}\n</main>\n` + script + "\n" + html.slice(bootEnd);
writeFileSync(file, out);
console.log(`prerender-routes: rights pages (${pageIds.length}, drawn from their files), map, map state; prefetch for ${tags.length} languages`);
