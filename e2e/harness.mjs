// Shared pieces of the browser tests: a server for a build, Debian's Chromium at phone size
// with a fresh profile, a watch on every request that leaves the app's origin, axe-core.
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "./serve.mjs";

export const PORT = Number(process.env.E2E_PORT || 8765);
export const BASE = `http://127.0.0.1:${PORT}`;
export const DIST = process.env.E2E_DIST || "dist";
export const DIST_NEXT = process.env.E2E_DIST_NEXT || "dist-next";
export const SHOTS = process.env.SHOT_DIR || "e2e/out";
export const PHONE = { width: 390, height: 844 };
mkdirSync(SHOTS, { recursive: true });

/** UI strings of a language, straight from the locale files the app compiles. */
export function locale(tag) {
  return JSON.parse(readFileSync(`locales/${tag}.json`, "utf8"));
}

/** Rights content of a language as the files hold it, inline markup included. */
export function rawContent(tag) {
  return JSON.parse(readFileSync(`content/${tag}.json`, "utf8"));
}

/** A content text as a person reads it: [[tel:n]] → n, [[url:https://www.x.gov/a/]] → x.gov/a,
 *  [[en:x]] → x (model/src/inline.rs `plain`). */
export function plainText(s) {
  return s.replace(/\[\[(tel|url|en):([^\[\]]+)\]\]/g, (_, kind, body) =>
    kind === "url" ? body.replace(/^https?:\/\//, "").replace(/^www\./, "").replace(/\/$/, "") : body);
}

/** Rights content of a language, straight from the content files the app fetches, with every
 *  text as the app shows it (inline markup removed). */
export function content(tag) {
  const strip = (v) => typeof v === "string" ? plainText(v) : Array.isArray(v) ? v.map(strip)
    : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)])) : v;
  return strip(rawContent(tag));
}

/** Serve a build directory (options as e2e/serve.mjs: prefix, catchAll, log); `stop()`
 *  closes it and every open connection. */
export async function startServer(dir = DIST, options = {}) {
  const server = await serve(dir, PORT, options);
  let stopped = null;
  return {
    // Safe to call twice (a test's own stop, then its `finally`).
    stop: () => (stopped ??= new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); })),
  };
}

/** A Chromium with a fresh profile. `foreign` collects requests to any other origin. */
export async function launch({ locale: lang = "en-US", timezoneId = "America/Chicago", serviceWorkers = "allow" } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "pocket-rights-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    headless: true,
    viewport: PHONE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: lang,
    timezoneId,
    serviceWorkers,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage", `--lang=${lang}`],
  });
  const foreign = [];
  const errors = [];
  context.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(BASE) && !url.startsWith("data:") && !url.startsWith("blob:")) foreign.push(url);
  });
  const page = context.pages()[0] || await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  return {
    context, page, foreign, errors,
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

/** Wait until the app (not the static boot screen) shows the screen with this test id. */
export async function screen(page, id, timeout = 20000) {
  await page.locator(`[data-testid="screen-${id}"]`).waitFor({ timeout });
}

/** Wait until the service worker controls the page and has a complete cache of a version
 *  (public/sw.js writes the manifest entry last). (Polled from Node: waitForFunction does
 *  not await an async predicate.) */
export async function offlineReady(page, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    const ok = await page.evaluate(async () => {
      if (!navigator.serviceWorker.controller) return false;
      const scope = (await navigator.serviceWorker.getRegistration()).scope;
      for (const k of await caches.keys()) {
        if (k.startsWith(`pocket-rights ${scope} `) && await (await caches.open(k)).match(new URL("__precache-manifest", scope).href)) return true;
      }
      return false;
    });
    if (ok) return;
    if (Date.now() > end) throw new Error("the service worker did not take control with a filled cache");
    await page.waitForTimeout(200);
  }
}

/** The service worker's caches of this page's scope: `{ versions: [names], state, manifest }`
 *  where `manifest` is the complete cache's manifest (with its download counts). */
export function swCaches(page) {
  return page.evaluate(async () => {
    const scope = (await navigator.serviceWorker.getRegistration()).scope;
    const prefix = `pocket-rights ${scope} `;
    const names = (await caches.keys()).filter((k) => k.startsWith(prefix));
    const meta = await caches.open(prefix + "meta");
    const state = await (await meta.match(new URL("__sw-state", scope).href))?.json() ?? null;
    const versions = names.filter((n) => n !== prefix + "meta");
    const manifests = {};
    for (const n of versions) manifests[n] = await (await (await caches.open(n)).match(new URL("__precache-manifest", scope).href))?.json() ?? null;
    return { versions, state, manifests };
  });
}

/** axe-core violations on the current page, as "rule (count)" strings. */
export async function axe(page) {
  const res = await new AxeBuilder({ page }).analyze();
  return res.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`);
}

export async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}


/** A YYYY-MM-DD date as the app writes it in `tag` (the browser's Intl, as the app uses). */
export function localDate(page, tag, iso) {
  return page.evaluate(([tag, iso]) => new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "UTC" })
    .format(new Date(`${iso}T12:00:00Z`)), [tag, iso]);
}

/** A whole number as the app writes it in `tag`. */
export function localNumber(page, tag, n) {
  return page.evaluate(([tag, n]) => new Intl.NumberFormat(tag).format(n), [tag, n]);
}

/** A locale string with its `{{ var }}` placeholders filled. */
export function fill(s, vars = {}) {
  return s.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => String(vars[k]));
}

/** Text with runs of white space folded, for comparing what the page shows. */
/** Visible text for comparison: white space folded, and the invisible Unicode isolates
 *  (U+2066–U+2069) that keep interpolated dates, counts and names in their order removed. */
export const norm = (s) => s.replace(/[\u2066-\u2069]/g, "").replace(/\s+/g, " ").trim();

/** The officer statements of a content file. */
export function officerStatements(c) {
  return c.pages.filter((p) => p.kind === "officer")
    .flatMap((p) => p.sections).filter((s) => s.kind === "statements").flatMap((s) => s.items);
}

/** A browser with the app installed from a server that is then stopped, and the network
 *  off: everything a test does afterwards has to work offline. */
export async function launchOffline(options, { homeTimeout = 20000, readyTimeout = 30000 } = {}) {
  const server = await startServer();
  try {
    const browser = await launch(options);
    const { page, context } = browser;
    await page.goto(BASE + "/");
    await screen(page, "home", homeTimeout);
    await offlineReady(page, readyTimeout);
    await context.setOffline(true);
    return browser;
  } finally {
    await server.stop();
  }
}

/** Switch the app's language through the picker, as a person would. */
export async function useLanguage(page, tag) {
  await page.goto(BASE + "/language");
  await screen(page, "language");
  await page.click(`[data-testid=lang-${tag}]`);
  await page.waitForFunction((t) => document.documentElement.lang === t, tag);
}
