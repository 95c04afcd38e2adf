/* Pocket Rights offline shell.
 * tools/sw-precache.mjs prepends PRECACHE_VERSION and PRECACHE_MANIFEST at build time: every
 * built file with its revision (the first 16 hex digits of the SHA-256 of its bytes) and size, URLs relative to this
 * worker's scope, so the same build works at / and under any sub-path.
 *
 * - install: each file of the new version is copied from an older version's cache when its
 *   revision is already there, otherwise downloaded; every file is checked (status 200, no
 *   redirect elsewhere, no HTML where something else belongs, size, SHA-256) before it is
 *   trusted. Any failure deletes the new cache and fails the install, so the working version
 *   stays; a version that failed is not tried again before a back-off delay.
 * - a first install takes over at once; an update waits until the page asks
 *   ("New version ready — Reload"), so old and new files never mix;
 * - activate keeps the previous version's cache: the new version is on trial until one of its
 *   pages reports that the app started ("booted"); then older caches are deleted. If a page of
 *   the new version reports that it could not start ("boot-failed", from the boot watchdog in
 *   index.html), this worker goes back to serving the previous version's files and tells the
 *   page to reload;
 * - navigations get the cached page (a pre-rendered one for that path if the build has it,
 *   else index.html); other requests come from the cache of the version being served, the
 *   network only for what it lacks (same origin, inside the scope). Nothing expires on a timer. */
const SCOPE = self.registration.scope;
const PREFIX = "pocket-rights " + SCOPE + " ";
const CACHE = PREFIX + PRECACHE_VERSION;
const META_CACHE = PREFIX + "meta";
/** Written last into a version's cache: its presence means the cache is complete. */
const MANIFEST_KEY = new URL("__precache-manifest", SCOPE).href;
const STATE_KEY = new URL("__sw-state", SCOPE).href;
const FAILURES_KEY = new URL("__sw-failures", SCOPE).href;
/** Caches of the worker before revisioned precaching (root scope only): reusable, by hash. */
const LEGACY = /^pocket-rights-[0-9a-f]{16}$/;
const TYPES = {
  html: "text/html; charset=utf-8", js: "text/javascript", css: "text/css", wasm: "application/wasm",
  json: "application/json", webmanifest: "application/manifest+json", png: "image/png", svg: "image/svg+xml",
  txt: "text/plain",
};
const abs = (url) => new URL(url, SCOPE).href;
const ext = (url) => (url.match(/\.([a-z0-9]+)$/i) || [])[1] || "";

async function readJson(cacheName, key) {
  const hit = await (await caches.open(cacheName)).match(key);
  return hit ? hit.json() : null;
}
async function writeJson(cacheName, key, value) {
  await (await caches.open(cacheName)).put(key, new Response(JSON.stringify(value), { headers: { "content-type": "application/json" } }));
}
/** { serving: cache name, trial?: cache name on trial, fallback?: cache name to go back to } */
async function loadState() {
  return (await readJson(META_CACHE, STATE_KEY)) || {};
}
const saveState = (s) => writeJson(META_CACHE, STATE_KEY, s);

/** A revision as compared: 16 hex digits of the SHA-256 (older manifests carried all 64, so
 *  their files are still found by revision). */
const rev = (r) => String(r).slice(0, 16);
async function sha256(buf) {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", buf));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Why a body cannot be trusted as this manifest entry, or null. */
async function problem(entry, buf) {
  if (buf.byteLength !== entry.size) return `${entry.url}: ${buf.byteLength} bytes, expected ${entry.size}`;
  if (rev(await sha256(buf)) !== rev(entry.revision)) return `${entry.url}: content differs from this version`;
  return null;
}

function stored(entry, buf) {
  return new Response(buf, { status: 200, headers: { "content-type": TYPES[ext(entry.url)] || "application/octet-stream" } });
}

/** Where each revision already sits on the phone: revision -> [cache, key]; plus legacy caches. */
async function reusable() {
  const byRevision = new Map();
  const legacy = [];
  for (const name of await caches.keys()) {
    if (name === CACHE) continue;
    if (LEGACY.test(name) && SCOPE === new URL("/", SCOPE).href) { legacy.push(await caches.open(name)); continue; }
    if (!name.startsWith(PREFIX) || name === META_CACHE) continue;
    const cache = await caches.open(name);
    const hit = await cache.match(MANIFEST_KEY);
    if (!hit) continue; // incomplete: never trusted
    for (const f of (await hit.json()).files) byRevision.set(rev(f.revision), [cache, abs(f.url)]);
  }
  return { byRevision, legacy };
}

/** The URL to download an entry from: a directory for index.html (hosts that redirect
 *  /index.html to / would otherwise answer with a redirect). */
const downloadUrl = (entry) => abs(entry.url.replace(/(^|\/)index\.html$/, "$1") || "./");

async function download(entry) {
  const url = downloadUrl(entry);
  const resp = await fetch(new Request(url, { cache: "no-cache", credentials: "same-origin" }));
  if (resp.status !== 200) throw new Error(`${entry.url}: HTTP ${resp.status}`);
  if (resp.redirected && new URL(resp.url).pathname !== new URL(url).pathname) throw new Error(`${entry.url}: redirected to ${resp.url}`);
  const type = resp.headers.get("content-type") || "";
  if (ext(entry.url) !== "html" && /text\/html/i.test(type)) throw new Error(`${entry.url}: the host answered with an HTML page`);
  return resp.arrayBuffer();
}

/** Fill this version's cache; returns what it cost. Throws on any file that fails its check. */
async function precache() {
  await caches.delete(CACHE); // a partial cache left by an interrupted attempt
  const cache = await caches.open(CACHE);
  const { byRevision, legacy } = await reusable();
  const stats = { downloaded: 0, downloadedBytes: 0, reused: 0 };
  const queue = PRECACHE_MANIFEST.slice();
  const one = async (entry) => {
    const sources = [];
    const known = byRevision.get(rev(entry.revision));
    if (known) sources.push(known);
    for (const c of legacy) sources.push([c, abs(entry.url)]);
    for (const [c, key] of sources) {
      const hit = await c.match(key);
      if (!hit) continue;
      const buf = await hit.arrayBuffer();
      if (await problem(entry, buf)) continue;
      await cache.put(abs(entry.url), stored(entry, buf));
      stats.reused++;
      return;
    }
    const buf = await download(entry);
    const why = await problem(entry, buf);
    if (why) throw new Error(why);
    await cache.put(abs(entry.url), stored(entry, buf));
    stats.downloaded++;
    stats.downloadedBytes += buf.byteLength;
  };
  const worker = async () => { while (queue.length) await one(queue.shift()); };
  await Promise.all([worker(), worker(), worker(), worker()]);
  await cache.put(MANIFEST_KEY, new Response(JSON.stringify({ version: PRECACHE_VERSION, files: PRECACHE_MANIFEST, ...stats }),
    { headers: { "content-type": "application/json" } }));
  return stats;
}

/** Back-off after failed installs of the same version: 30 s, 1 min, 2 min, … up to 6 h. */
const backoff = (n) => Math.min(30000 * 2 ** (n - 1), 6 * 3600 * 1000);

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const failures = (await readJson(META_CACHE, FAILURES_KEY)) || {};
    const failed = failures[PRECACHE_VERSION];
    if (failed && Date.now() - failed.at < backoff(failed.n)) {
      throw new Error(`version ${PRECACHE_VERSION} failed ${failed.n} time(s); next try after the back-off`);
    }
    try {
      await precache();
    } catch (e) {
      await caches.delete(CACHE);
      await writeJson(META_CACHE, FAILURES_KEY, { [PRECACHE_VERSION]: { n: (failed ? failed.n : 0) + 1, at: Date.now(), why: String(e) } });
      throw e;
    }
    if (!self.registration.active) await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const before = await loadState();
    const names = await caches.keys();
    const complete = async (name) => names.includes(name) && (LEGACY.test(name) || !!(await (await caches.open(name)).match(MANIFEST_KEY)));
    let fallback = before.serving && before.serving !== CACHE && (await complete(before.serving)) ? before.serving : null;
    if (!fallback && !before.serving) fallback = names.find((n) => LEGACY.test(n)) || null;
    await saveState(fallback ? { serving: CACHE, trial: CACHE, fallback } : { serving: CACHE });
    serving = null;
    // Everything else of this scope goes now; the fallback stays until the new version started.
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE && n !== META_CACHE && n !== fallback)
      .map((n) => caches.delete(n)));
    await writeJson(META_CACHE, FAILURES_KEY, {});
    await self.clients.claim();
  })());
});

/** The version that served each page, by client id (for "booted" / "boot-failed"). */
const servedTo = new Map();
// The cache name, read from the state once per worker start; its read starts with the worker
// (a navigation that starts the worker needs it next).
let serving = null;
function servingCache() {
  return (serving ??= loadState().then((s) => s.serving || CACHE, () => CACHE));
}
servingCache();

self.addEventListener("message", (event) => {
  const data = event.data;
  if (data === "skip-waiting") { self.skipWaiting(); return; }
  if (!data || typeof data !== "object") return;
  const client = event.source;
  event.waitUntil((async () => {
    const state = await loadState();
    const servedName = client && servedTo.get(client.id);
    if (data.type === "booted" && state.trial && servedName === state.trial) {
      await saveState({ serving: state.trial });
      serving = Promise.resolve(state.trial);
      const keep = new Set([state.trial, META_CACHE]);
      await Promise.all((await caches.keys())
        .filter((n) => (n.startsWith(PREFIX) && !keep.has(n)) || n === state.fallback)
        .map((n) => caches.delete(n)));
    } else if (data.type === "boot-failed" && state.trial && state.fallback && (servedName === state.trial || !servedName)) {
      await saveState({ serving: state.fallback, failed: state.trial });
      serving = Promise.resolve(state.fallback);
      await caches.delete(state.trial);
      if (client) client.postMessage({ type: "rolled-back" });
    }
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  event.respondWith(respond(event, url));
});

async function respond(event, url) {
  const req = event.request;
  const name = await servingCache();
  const cache = await caches.open(name);
  if (req.mode === "navigate") {
    if (event.resultingClientId) servedTo.set(event.resultingClientId, name);
    // Every screen is index.html (the build writes no page of its own for a route).
    const rel = url.href.slice(SCOPE.length).split(/[?#]/)[0];
    const hit = await cache.match(abs(rel.endsWith(".html") ? rel : "index.html"));
    return hit || fetch(req);
  }
  return (await cache.match(req, { ignoreSearch: true })) || fetch(req);
}
