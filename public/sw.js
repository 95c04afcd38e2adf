/* Pocket Rights offline shell.
 * tools/sw-precache.sh prepends PRECACHE_VERSION (a hash of every built file) and
 * PRECACHE_URLS (every built file) at build time, because Trunk hashes file names.
 *
 * - install: cache every file of this version, bypassing the HTTP cache;
 * - a first install takes over at once; an update waits until the page asks
 *   ("New version ready — Reload"), so old and new files never mix;
 * - activate: delete the caches of older versions; nothing ever expires on a timer;
 * - navigations to any route get the cached shell; other requests: this version's cache
 *   first, the network only for what it lacks (same origin only). */
const CACHE_PREFIX = "pocket-rights-";
const CACHE = CACHE_PREFIX + PRECACHE_VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PRECACHE_URLS.map((url) => new Request(url, { cache: "reload" })));
    if (!self.registration.active) await self.skipWaiting();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE).map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;

  if (req.mode === "navigate") {
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      return (await cache.match("/index.html")) || fetch(req);
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(req, { ignoreSearch: true })) || fetch(req);
  })());
});
