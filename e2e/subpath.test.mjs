// The same dist/ served under a sub-path (as a GitHub Pages project site): every route works
// online, at its own deep link on a first visit, and offline after install; nothing is asked
// for outside the sub-path.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, DIST, launch, offlineReady, screen, shot, startServer } from "./harness.mjs";

const PREFIX = "/pocket-rights/";
const ROUTES = [
  ["", "home"], ["card", "card"], ["rights", "rights"], ["rights/door", "rights-page"],
  ["rights/warrant", "warrant"], ["map", "map"], ["map/TX", "map-state"], ["map/TX/48201", "map-county"],
  ["plan", "plan"], ["about", "about"], ["language", "language"], ["no-such-page", "not-found"],
];

let server, browser;
const log = [];
before(async () => {
  server = await startServer(DIST, { prefix: PREFIX, log });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test("a first visit at a deep link under the sub-path starts the app there", async () => {
  const b = await launch();
  try {
    await b.page.goto(BASE + PREFIX + "map/TX");
    await screen(b.page, "map-state");
    // The county list is a closed <details>: open it as a person would, then follow a link.
    await b.page.locator("details.county-list summary").click();
    await b.page.locator("[data-testid^=county-link-]").first().waitFor();
    const href = await b.page.locator("[data-testid^=county-link-]").first().getAttribute("href");
    assert.ok(href.startsWith(PREFIX + "map/TX/"), `county links keep the sub-path: ${href}`);
    const back = await b.page.locator(".breadcrumbs a").first().getAttribute("href");
    assert.equal(back, PREFIX + "map", "the app's own links keep the sub-path");
    await b.page.locator("[data-testid^=county-link-]").first().click();
    await screen(b.page, "map-county");
    assert.ok(new URL(b.page.url()).pathname.startsWith(PREFIX + "map/TX/"));
  } finally {
    await b.close();
  }
});

test("every route renders under the sub-path, and the navigation stays inside it", async () => {
  const { page } = browser;
  for (const [path, id] of ROUTES) {
    await page.goto(BASE + PREFIX + path);
    await screen(page, id);
    assert.equal(new URL(page.url()).pathname, PREFIX + path);
  }
  const hrefs = await page.locator("nav.bottom-nav a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.length >= 5 && hrefs.every((h) => h.startsWith(PREFIX)), `nav links: ${hrefs}`);
  await page.goto(BASE + PREFIX);
  await screen(page, "home");
  await page.click("nav.bottom-nav a[href$='/rights']");
  await screen(page, "rights");
  assert.equal(new URL(page.url()).pathname, PREFIX + "rights");
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector("link[rel=manifest]");
    const m = await (await fetch(link.href)).json();
    return { href: link.href, start: new URL(m.start_url, link.href).pathname, scope: new URL(m.scope, link.href).pathname };
  });
  assert.deepEqual([manifest.start, manifest.scope], [PREFIX, PREFIX], JSON.stringify(manifest));
});

test("offline under the sub-path: every route, deep links and reloads", async () => {
  const { page, context } = browser;
  await page.goto(BASE + PREFIX);
  await screen(page, "home");
  await offlineReady(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(scope, BASE + PREFIX);
  await context.setOffline(true);
  await server.stop();
  server = null;
  for (const [path, id] of ROUTES) {
    const resp = await page.goto(BASE + PREFIX + path);
    assert.ok(resp.fromServiceWorker(), `${path} served by the service worker`);
    await screen(page, id);
    await page.reload();
    await screen(page, id);
  }
  await page.goto(BASE + PREFIX + "map/TX/48201");
  await screen(page, "map-county");
  await shot(page, "subpath-offline-county");
  await context.setOffline(false);
});

test("nothing was asked for outside the sub-path", () => {
  const outside = log.filter((r) => !r.path.startsWith(PREFIX) && r.path !== PREFIX.slice(0, -1));
  assert.deepEqual(outside.map((r) => r.path), []);
  assert.ok(log.length > 20, "the server saw the app's requests");
});

test("no script errors under the sub-path", () => {
  const real = browser.errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED/.test(e));
  assert.deepEqual(real, []);
  assert.deepEqual(browser.foreign, []);
});
