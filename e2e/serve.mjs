// Static server for a build directory: brotli or gzip as a real host would send, and the
// app's index.html for extension-less routes (/card, /map/TX) so that deep links work before
// the service worker is installed.
// Usage: node e2e/serve.mjs [dir] [port] [--prefix /pocket-rights/] [--catch-all]
//   --prefix     serve the build under a sub-path (as a GitHub Pages project site); 404 elsewhere
//   --catch-all  answer index.html for ANY missing file, extension or not (as many static
//                hosts and captive portals do): the broken deploy the service worker must survive
// A `<file>.br` beside a file is sent as it is (a host with
// precompressed files); otherwise brotli is computed once per file and kept in memory, and
// `{ precompress: true }` does that for every file before the first request (the benchmark:
// a real host does not compress while the phone waits).
import http from "node:http";
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, extname, normalize, resolve } from "node:path";
import zlib from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".webmanifest": "application/manifest+json",
  ".png": "image/png", ".json": "application/json", ".svg": "image/svg+xml", ".txt": "text/plain",
};

const brotli = (raw) => zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });

function allFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Start serving `dir` on 127.0.0.1:`port`; resolves with the http.Server.
 *  Options: `prefix` ("/pocket-rights/"), `catchAll`, `log` (an array that receives
 *  `{ path, bytes }` for every response, bytes as sent), and `precompress`. The server counts
 *  the body bytes it sends (`server.bytesSent`) and can be pointed at another build at the
 *  same origin (`server.setRoot(dir)`: an update). */
export function serve(dir, port, { prefix = "/", catchAll = false, log = null, precompress = false } = {}) {
  let root = resolve(dir);
  const compressed = new Map();
  const body = (file, enc) => {
    const key = `${file}|${enc}`;
    if (!compressed.has(key)) {
      const raw = readFileSync(file);
      compressed.set(key, enc === "br"
        ? (existsSync(`${file}.br`) ? readFileSync(`${file}.br`) : brotli(raw))
        : enc === "gzip" ? zlib.gzipSync(raw, { level: 9 }) : raw);
    }
    return compressed.get(key);
  };
  const warm = () => { if (precompress) for (const f of allFiles(root)) if (!f.endsWith(".br")) body(f, "br"); };
  warm();
  const server = http.createServer((req, res) => {
    const fullPath = new URL(req.url, "http://x").pathname;
    const notFound = () => {
      log?.push({ path: fullPath, bytes: 9, status: 404 });
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("not found");
    };
    if (!(fullPath + "/").startsWith(prefix)) return notFound();
    // As real hosts do for a folder: /pocket-rights -> /pocket-rights/
    if (fullPath + "/" === prefix && prefix !== "/") { res.writeHead(301, { location: prefix }); return res.end(); }
    let path = normalize(decodeURIComponent("/" + fullPath.slice(prefix.length)));
    if (path.includes("..")) { res.writeHead(400); return res.end(); }
    if (path.endsWith("/")) path += "index.html";
    let file = join(root, path);
    try { if (!statSync(file).isFile()) throw new Error("not a file"); } catch {
      if (extname(path) && !catchAll) return notFound();
      file = join(root, "index.html");
    }
    const ae = String(req.headers["accept-encoding"] || "");
    const enc = ae.includes("br") ? "br" : ae.includes("gzip") ? "gzip" : null;
    const data = body(file, enc);
    const headers = {
      "content-type": TYPES[extname(file)] || "application/octet-stream",
      vary: "accept-encoding",
      // Hashed build outputs never change; everything else is revalidated.
      "cache-control": /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
    };
    if (enc) headers["content-encoding"] = enc;
    log?.push({ path: fullPath, bytes: req.method === "HEAD" ? 0 : data.length, status: 200 });
    res.writeHead(200, headers);
    if (req.method !== "HEAD") server.bytesSent += data.length;
    res.end(req.method === "HEAD" ? undefined : data);
  });
  server.bytesSent = 0;
  server.setRoot = (next) => { root = resolve(next); compressed.clear(); warm(); };
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const flag = (name) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
  const prefix = flag("--prefix") || "/";
  const catchAll = args.includes("--catch-all");
  const [dir = "dist", port = "8080"] = args.filter((a) => !a.startsWith("--"));
  await serve(dir, Number(port), { prefix: prefix.endsWith("/") ? prefix : prefix + "/", catchAll });
  console.log(`Pocket Rights: serving ${dir} on http://127.0.0.1:${port}${prefix}${catchAll ? " (catch-all)" : ""}`);
}
