// Updates of an installed app, as a hostile host and a hurried person would try them.
// Runs against dist/ and dist-next/ (tools/test.sh builds both). Two more builds are derived
// here from those, the way a real deploy would produce them, and the precache manifest is
// regenerated with the build's own tool (tools/sw-precache.mjs), as the post-build hook does:
//  - dist-oneline: dist with one sentence of content/en.json changed. Content files are
//    copied into the build, not compiled into the wasm, and the officer card pre-rendered
//    into index.html is not the page changed, so a rebuild with that edit differs from dist
//    in exactly this file and sw.js; that is what this copy is.
//  - dist-badstart: dist-next whose wasm glue throws when loaded: a deploy whose every file is
//    consistent with its manifest but which cannot start.
// And one host: dist-next served by a catch-all host with the wasm missing (index.html comes
// back for it, with status 200).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { BASE, DIST, DIST_NEXT, content, launch, offlineReady, screen, shot, startServer, swCaches } from "./harness.mjs";

const ONELINE = "dist-oneline";
const BADSTART = "dist-badstart";
const CATCHALL = "dist-catchall";
const en = content("en");
const page = en.pages.find((p) => p.id === "door");
const item = page.sections.find((s) => s.items?.length).items[0];
const EDITED = item.text.replace(/\.$/, "") + " (edited for the update test).";

function derive(from, to, edit) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  edit(to);
  execFileSync("node", ["tools/sw-precache.mjs", to], { stdio: "ignore" });
}

before(() => {
  derive(DIST, ONELINE, (dir) => {
    const file = join(dir, "content/en.json");
    const text = readFileSync(file, "utf8");
    const raw = JSON.stringify(item.text).slice(1, -1);
    assert.ok(text.includes(raw), "the sentence is in the built content file");
    writeFileSync(file, text.replace(raw, JSON.stringify(EDITED).slice(1, -1)));
  });
  derive(DIST_NEXT, BADSTART, (dir) => {
    const glue = readdirSync(dir).find((f) => /^pocket-rights-[0-9a-f]+\.js$/.test(f));
    assert.ok(glue, "the wasm glue is in the build");
    writeFileSync(join(dir, glue), 'throw new Error("this build cannot start");\n' + readFileSync(join(dir, glue), "utf8"));
  });
  rmSync(CATCHALL, { recursive: true, force: true });
  cpSync(DIST_NEXT, CATCHALL, { recursive: true });
  for (const f of readdirSync(CATCHALL).filter((f) => f.endsWith(".wasm"))) rmSync(join(CATCHALL, f));
});
after(() => {
  for (const d of [ONELINE, BADSTART, CATCHALL]) rmSync(d, { recursive: true, force: true });
});

/** A fresh browser with dist installed (service worker in control, cache complete). */
async function installed() {
  const server = await startServer(DIST);
  const b = await launch();
  await b.page.goto(BASE + "/about");
  await screen(b.page, "about");
  await offlineReady(b.page);
  await server.stop();
  return b;
}

const update = (page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update().catch(() => {}));

/** Poll `fn` until it returns a truthy value. */
async function until(fn, what, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test("a catch-all host with the wasm missing never replaces a working install", async () => {
  const b = await installed();
  const { page, context } = b;
  try {
    const before = await swCaches(page);
    assert.equal(before.versions.length, 1);
    const version = await page.locator("[data-testid=app-version]").innerText();
    const log = [];
    const server = await startServer(CATCHALL, { catchAll: true, log });
    await update(page);
    // The install fails (HTML where the wasm belongs) and records the failure.
    await until(() => log.some((r) => r.path.endsWith(".wasm")), "the install to ask for the wasm");
    await until(async () => (await page.evaluate(async () => !(await navigator.serviceWorker.getRegistration()).installing)), "the failed install to end");
    await page.waitForTimeout(1000);
    assert.equal(await page.locator("[data-testid=update-prompt]").count(), 0, "no update offered");
    const afterFail = await swCaches(page);
    assert.deepEqual(afterFail.versions, before.versions, "the broken version's partial cache is gone, the working one kept");
    // A retry right away is refused by the worker without downloading anything again.
    const n = log.length;
    await update(page);
    await page.waitForTimeout(2000);
    assert.deepEqual(log.slice(n).map((r) => r.path).filter((p) => !p.endsWith("/sw.js")), [], "no download during the back-off");
    await server.stop();
    // The app still starts, offline, at once and after a reload.
    await context.setOffline(true);
    await page.reload();
    await screen(page, "about");
    assert.equal(await page.locator("[data-testid=app-version]").innerText(), version);
    await page.goto(BASE + "/card");
    await screen(page, "card");
    await shot(page, "update-catchall-offline-card");
  } finally {
    await b.close();
  }
});

test("a one-sentence content fix downloads only that file", async (t) => {
  const b = await installed();
  const { page, context } = b;
  try {
    const log = [];
    const server = await startServer(ONELINE, { log });
    await update(page);
    await page.locator("[data-testid=update-prompt]").waitFor({ timeout: 30000 });
    const fetched = log.filter((r) => r.status === 200).map((r) => r.path).sort();
    assert.deepEqual(fetched.filter((p) => p !== "/sw.js"), ["/content/en.json"], `downloads: ${fetched}`);
    const bytes = log.reduce((n, r) => n + r.bytes, 0);
    t.diagnostic(`one-sentence content fix: ${log.length} request(s), ${bytes} bytes on the wire (brotli): ${log.map((r) => `${r.path} ${r.bytes}`).join(", ")}`);
    const caches = await swCaches(page);
    const fresh = Object.values(caches.manifests).find((m) => m && m.downloaded !== undefined && m.downloaded === 1);
    assert.ok(fresh, `the new cache counts one download: ${JSON.stringify(Object.values(caches.manifests).map((m) => m && [m.downloaded, m.reused]))}`);
    assert.ok(fresh.reused > 50, "every other file copied from the old cache");
    await Promise.all([page.waitForEvent("load", { timeout: 30000 }), page.click("[data-testid=update-reload]")]);
    await page.goto(BASE + "/rights/door");
    await screen(page, "rights-page");
    await page.getByText(EDITED).waitFor();
    // Once the new version has started, the old one is deleted.
    await until(async () => (await swCaches(page)).versions.length === 1, "the old cache to go");
    await server.stop();
    await context.setOffline(true);
    await page.reload();
    await screen(page, "rights-page");
    await page.getByText(EDITED).waitFor();
  } finally {
    await b.close();
  }
});

test("an update that cannot start is rolled back to the working version", async () => {
  const b = await installed();
  const { page, context } = b;
  try {
    const version = await page.locator("[data-testid=app-version]").innerText();
    const before = await swCaches(page);
    const server = await startServer(BADSTART);
    await update(page);
    await page.locator("[data-testid=update-prompt]").waitFor({ timeout: 30000 });
    await page.click("[data-testid=update-reload]");
    // The new page fails to start; the watchdog reports it; the worker goes back and reloads.
    await until(async () => {
      const s = await swCaches(page).catch(() => null);
      return s && s.state && s.state.failed && s.versions.length === 1;
    }, "the rollback", 40000);
    await screen(page, "about", 30000);
    assert.equal(await page.locator("[data-testid=app-version]").innerText(), version);
    const after = await swCaches(page);
    assert.deepEqual(after.versions, before.versions, "the working version's cache is the one kept");
    assert.equal(after.state.serving, before.versions[0]);
    await server.stop();
    await context.setOffline(true);
    await page.goto(BASE + "/card");
    await screen(page, "card");
    await page.reload();
    await screen(page, "card");
  } finally {
    await b.close();
  }
});
