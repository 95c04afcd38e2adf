// Pocket Rights benchmark: sizes against the budgets, offline cold start to the officer card
// against a static page with the same text, and interaction timings, all in Debian's
// Chromium with 4x CPU throttling. Prints figures; asserts nothing (tests do that).
// Usage: node bench/bench.mjs [dist]   (tools/bench.sh builds first)
import { chromium } from "playwright-core";
import { readFileSync, readdirSync, statSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import zlib from "node:zlib";
import { serve } from "../e2e/serve.mjs";

const DIST = process.argv[2] || "dist";
const RUNS = Number(process.env.BENCH_RUNS || 5);
const CPU = 4;
const KB = (n) => (n / 1024).toFixed(1);
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// ---------------------------------------------------------------- sizes
function files(dir, base = dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, base) : [p.slice(base.length + 1)];
  });
}
const sw = readFileSync(join(DIST, "sw.js"), "utf8");
const precached = [...sw.matchAll(/^\s+\{"url":"([^"]+)"/gm)].map((m) => m[1]);
precached.push("sw.js");
const size = (f) => { const b = readFileSync(join(DIST, f)); return { raw: b.length, gz: gz(b), br: br(b) }; };
const rows = precached.map((f) => ({ f, ...size(f) }));
const sum = (xs, k) => xs.reduce((a, x) => a + x[k], 0);
console.log("== sizes (bytes: raw / gzip -9 / brotli q11)");
const wasm = rows.find((r) => r.f.endsWith("_bg.wasm"));
const js = rows.find((r) => r.f.endsWith(".js") && r.f !== "sw.js");
console.log(`wasm            ${wasm.raw} / ${wasm.gz} / ${wasm.br}`);
console.log(`js glue         ${js.raw} / ${js.gz} / ${js.br}`);
const group = (name, pred) => { const g = rows.filter(pred); console.log(`${name.padEnd(16)}${sum(g, "raw")} / ${sum(g, "gz")} / ${sum(g, "br")}  (${g.length} files)`); return g; };
group("content (all)", (r) => r.f.startsWith("content/"));
group("map data", (r) => r.f.startsWith("data/"));
group("css", (r) => r.f.endsWith(".css"));
group("index.html", (r) => r.f === "index.html");
group("icons+manifest", (r) => r.f.startsWith("icons/") || r.f.endsWith(".webmanifest"));
for (const r of rows.filter((r) => r.f.startsWith("data/"))) console.log(`  ${r.f.padEnd(22)} ${r.raw} / ${r.gz} / ${r.br}`);
// What one language adds: its content file (fetched) and its UI strings (compiled into the
// wasm by leptos_i18n; the locale file's brotli size stands in for their share of the wasm).
console.log("per language: content/<tag>.json raw / gzip / brotli; + UI strings (locales/<tag>.json, brotli)");
let perLang = 0;
for (const r of rows.filter((r) => /^content\/(?!sources)/.test(r.f))) {
  const tag = r.f.slice(8, -5);
  const ui = br(readFileSync(`locales/${tag}.json`));
  perLang += r.br + ui;
  console.log(`  ${tag.padEnd(8)} ${String(r.raw).padStart(7)} / ${String(r.gz).padStart(6)} / ${String(r.br).padStart(6)}  + UI ${ui}  = ${r.br + ui} B brotli`);
}
console.log(`  all languages together: ${perLang} B brotli = ${KB(perLang)} KiB`);
const total = sum(rows, "br");
const firstStatic = sum(rows.filter((r) => r.f === "index.html" || r.f.endsWith(".css")), "br");
const firstApp = firstStatic + wasm.br + js.br + sum(rows.filter((r) => r.f === "content/en.json" || r.f === "content/sources.json"), "br");
// What an installed phone downloads for a one-sentence content fix: the new sw.js (its
// manifest) and the changed language file; every other file is copied from the old cache.
const largestContent = Math.max(...rows.filter((r) => /^content\/(?!sources)/.test(r.f)).map((r) => r.br));
const fix = rows.find((r) => r.f === "sw.js").br + largestContent;
console.log(`one-sentence content fix, worst language: sw.js + content file = ${fix} B brotli = ${KB(fix)} KiB (budget 30 KB) ${fix <= 30 * 1000 ? "within" : "OVER"}`);
console.log(`TOTAL precached: ${precached.length} files, ${total} B brotli = ${KB(total)} KiB (budget 500 KB) ${total <= 500 * 1000 ? "within" : "OVER"}`);
console.log(`first screen, static officer card (index.html + css): ${firstStatic} B brotli = ${KB(firstStatic)} KiB (budget 150 KB) ${firstStatic <= 150 * 1000 ? "within" : "OVER"}`);
console.log(`first screen, interactive app (+ wasm, js, en content, sources): ${firstApp} B brotli = ${KB(firstApp)} KiB (budget 150 KB) ${firstApp <= 150 * 1000 ? "within" : "OVER"}`);

// ---------------------------------------------------------------- browser timings
const en = JSON.parse(readFileSync("content/en.json", "utf8"));
const statements = en.pages.find((p) => p.kind === "officer").sections.flatMap((s) => s.items.map((i) => i.text));
// The app's CSS is inlined into index.html; the static page gets the same styles.
const css = (readFileSync(join(DIST, "index.html"), "utf8").match(/<style[^>]*>([\s\S]*?)<\/style>/) || [, ""])[1];
// The baseline: a static page with the same text and styles. Offline, a static page can only
// open through a service worker too, so it gets the smallest possible one (cache the page,
// answer from the cache); the same page straight from the server is printed for reference.
const staticDir = mkdtempSync(join(tmpdir(), "pr-static-"));
writeFileSync(join(staticDir, "index.html"), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Card</title><style>${css}</style></head><body><main class="screen officer-card"><section class="card-en"><h2 class="card-label">For the officer (English)</h2><ul class="card-statements">${statements.map((s) => `<li>${s}</li>`).join("")}</ul></section></main><script>navigator.serviceWorker.register("/sw.js")</script></body></html>`);
writeFileSync(join(staticDir, "sw.js"), `self.addEventListener("install", (e) => e.waitUntil(caches.open("s").then((c) => c.add("/")).then(() => self.skipWaiting())));
self.addEventListener("activate", (e) => e.waitUntil(self.clients.claim()));
self.addEventListener("fetch", (e) => e.respondWith(caches.match(e.request, { ignoreSearch: true }).then((r) => r || caches.match("/"))));`);

const APP = 8791, STATIC = 8792;
const appServer = await serve(DIST, APP);
const staticServer = await serve(staticDir, STATIC);
const profile = mkdtempSync(join(tmpdir(), "pr-bench-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium", headless: true,
  viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
});

async function throttled(page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
  return cdp;
}
// Time from navigation start until the officer statements are painted (largest contentful
// paint), and until the app itself has mounted the card.
async function coldStart(url, appMounted) {
  const page = await context.newPage();
  await throttled(page);
  await page.goto(url, { waitUntil: "load" });
  if (appMounted) await page.locator("[data-testid=screen-card]").waitFor({ timeout: 60000 });
  const t = await page.evaluate(() => new Promise((resolve) => {
    let lcp = 0, fcp = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === "first-contentful-paint") fcp = e.startTime; }).observe({ type: "paint", buffered: true });
    setTimeout(() => resolve({ lcp, fcp, now: performance.now() }), 500);
  }));
  const mounted = appMounted ? await page.evaluate(() => performance.getEntriesByName("app-mounted")[0]?.startTime ?? null) : null;
  await page.close();
  return { ...t, mounted };
}

// Install the app and the static page (service workers + caches).
async function install(url, cacheReady) {
  const setup = await context.newPage();
  await setup.goto(url);
  for (let i = 0; i < 300 && !(await setup.evaluate(cacheReady)); i++) await setup.waitForTimeout(200);
  await setup.close();
}
await install(`http://127.0.0.1:${APP}/`, async () => !!navigator.serviceWorker.controller && (await caches.keys()).some((k) => k.startsWith("pocket-rights ")));
await install(`http://127.0.0.1:${STATIC}/`, async () => !!navigator.serviceWorker.controller && !!(await caches.match("/")));

const app = [], stat = [], statOnline = [];
for (let i = 0; i < RUNS; i++) {
  statOnline.push(await coldStart(`http://127.0.0.1:${STATIC}/?online`, false));
  await context.setOffline(true);
  stat.push(await coldStart(`http://127.0.0.1:${STATIC}/`, false));
  app.push(await coldStart(`http://127.0.0.1:${APP}/card`, true));
  await context.setOffline(false);
}
const lcpApp = median(app.map((r) => r.lcp)), lcpStatic = median(stat.map((r) => r.lcp));
console.log(`\n== cold start to the officer card, offline, CPU ${CPU}x throttled (median of ${RUNS})`);
console.log(`static HTML page with the same text, online, network (reference): LCP ${median(statOnline.map((r) => r.lcp)).toFixed(0)} ms`);
console.log(`static HTML page with the same text, offline via a minimal service worker: LCP ${lcpStatic.toFixed(0)} ms (FCP ${median(stat.map((r) => r.fcp)).toFixed(0)} ms)`);
console.log(`Pocket Rights /card from the service worker: LCP ${lcpApp.toFixed(0)} ms (FCP ${median(app.map((r) => r.fcp)).toFixed(0)} ms)`);
console.log(`ratio ${(lcpApp / lcpStatic).toFixed(2)} (budget 1.3) ${lcpApp / lcpStatic <= 1.3 ? "within" : "OVER"}`);
const mountedTimes = app.map((r) => r.mounted).filter((x) => x != null);
if (mountedTimes.length) console.log(`the wasm app takes over the card at ${median(mountedTimes).toFixed(0)} ms`);

// ---------------------------------------------------------------- first map paint (offline, 4x)
{
  const times = [];
  await context.setOffline(true);
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    await throttled(page);
    await page.goto(`http://127.0.0.1:${APP}/map`);
    await page.locator("[data-testid=us-map] path").first().waitFor({ timeout: 60000 });
    times.push(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)))));
    await page.close();
  }
  await context.setOffline(false);
  console.log(`\n== first map paint, cold start of /map offline, CPU ${CPU}x throttled: median ${median(times).toFixed(0)} ms (max ${Math.max(...times).toFixed(0)})`);
}

// ---------------------------------------------------------------- interactions (offline, 4x)
await context.setOffline(true);
const page = await context.newPage();
await throttled(page);
const measure = async (label, fn) => {
  const xs = [];
  for (let i = 0; i < RUNS; i++) xs.push(await fn(i));
  console.log(`${label.padEnd(40)} median ${median(xs).toFixed(1)} ms  (max ${Math.max(...xs).toFixed(1)}; budget 100) ${median(xs) < 100 ? "within" : "OVER"}`);
};
console.log(`\n== interactions, offline, CPU ${CPU}x throttled`);
await page.goto(`http://127.0.0.1:${APP}/language`);
await page.locator("[data-testid=screen-language]").waitFor();
// Warm both languages once (the first fetch of a language file is also timed below).
await measure("language switch (en <-> es)", async (i) => {
  const to = i % 2 === 0 ? "es" : "en";
  return page.evaluate(async (to) => {
    const t0 = performance.now();
    document.querySelector(`[data-testid=lang-${to}]`).click();
    while (document.documentElement.lang !== to) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, to);
});
await page.goto(`http://127.0.0.1:${APP}/map`);
await page.locator("[data-testid=us-map] path").first().waitFor({ timeout: 60000 });
await measure("map tap to state detail (Texas)", async () => {
  await page.goto(`http://127.0.0.1:${APP}/map`);
  // The outlines paint first; wait until all the data is in (the search box shows then).
  await page.locator("[data-testid=map-search]").waitFor({ timeout: 60000 });
  return page.evaluate(async () => {
    const t0 = performance.now();
    document.querySelector("path[data-state=TX]").dispatchEvent(new MouseEvent("click", { bubbles: true }));
    while (!document.querySelector("[data-testid=screen-map-state] [data-testid=state-total]")) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  });
});
await page.goto(`http://127.0.0.1:${APP}/map`);
await page.locator("[data-testid=map-search]").waitFor({ timeout: 60000 });
const words = ["h", "ha", "har", "harr", "harri", "harris"];
await measure("search keystroke (typing 'harris')", async (i) => page.evaluate(async (q) => {
  const input = document.querySelector("[data-testid=map-search]");
  const t0 = performance.now();
  input.value = q;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}, words[i % words.length]));

await context.close();
appServer.close(); staticServer.close();
rmSync(profile, { recursive: true, force: true });
rmSync(staticDir, { recursive: true, force: true });
