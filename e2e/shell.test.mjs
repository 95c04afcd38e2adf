// The app shell in a real browser: every route, languages, offline, updates, privacy, a11y.
// Runs against the release build in dist/ (and dist-next/ for the update check).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, DIST_NEXT, axe, content, launch, locale, offlineReady, screen, shot, startServer, swCaches } from "./harness.mjs";

/** Every route and the screen it must show. */
const ROUTES = [
  ["/", "home"], ["/card", "card"], ["/rights", "rights"], ["/rights/door", "rights-page"],
  ["/rights/after-arrest", "rights-page"], ["/rights/warrant", "warrant"], ["/map", "map"],
  ["/plan", "plan"], ["/about", "about"], ["/language", "language"], ["/map/TX", "map-state"],
  ["/map/TX/48201", "map-county"], ["/no-such-page", "not-found"],
];
const en = locale("en");
const es = locale("es");

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test("every route renders its screen, at its own URL", async () => {
  const { page } = browser;
  for (const [path, id] of ROUTES) {
    await page.goto(BASE + path);
    await screen(page, id);
    assert.equal(new URL(page.url()).pathname, path);
    await shot(page, `route${path.replaceAll("/", "_") || "_home"}`);
  }
});

// An emoji or a symbol from a fallback font costs ~60 ms of layout at 4x CPU the first time a
// page shows one, and looks different (or is missing) from phone to phone: icons are inline
// SVG (src/components/icon.rs), so no screen's text, nor any ::before/::after, holds one.
test("no screen draws an emoji or a fallback-font symbol", async () => {
  const { page } = browser;
  const symbol = /[\u2190-\u21ff\u2300-\u23ff\u2460-\u27bf\u2900-\u2bff\u{1f000}-\u{1faff}]/u;
  for (const [path, id] of ROUTES) {
    await page.goto(BASE + path);
    await screen(page, id);
    const found = await page.evaluate((source) => {
      const re = new RegExp(source, "u");
      const texts = [document.body.innerText];
      for (const el of document.body.querySelectorAll("*")) {
        for (const pseudo of ["::before", "::after"]) texts.push(getComputedStyle(el, pseudo).content);
      }
      return texts.filter((t) => re.test(t)).map((t) => t.match(re)[0]);
    }, symbol.source);
    assert.deepEqual(found, [], `${path}: ${found.join(" ")}`);
  }
});

test("links open screens without a reload; Back returns; the navigation marks the screen shown", async () => {
  const { page } = browser;
  await page.goto(BASE + "/");
  await screen(page, "home");
  await page.evaluate(() => { window.__sameDocument = true; });
  const current = () => page.$$eval(".bottom-nav a[aria-current=page]", (as) => as.map((a) => new URL(a.href).pathname));
  assert.deepEqual(await current(), ["/"]);
  await page.click(".bottom-nav a[href$='/map']");
  await screen(page, "map");
  await page.click("[data-testid=state-link-TX]");
  await screen(page, "map-state");
  assert.equal(new URL(page.url()).pathname, "/map/TX");
  assert.deepEqual(await current(), ["/map"], "the Map link stays current below /map");
  assert.equal(await page.evaluate(() => window.__sameDocument), true, "no page load");
  await page.goBack();
  await screen(page, "map");
  await page.goBack();
  await screen(page, "home");
  assert.equal(await page.evaluate(() => window.__sameDocument), true, "Back stays in the app");
  // A link that is not a screen of the app is left to the browser: tel: links keep their href,
  // and a click with a modifier key is not taken over (it would open a new tab).
  const tel = await page.evaluate(() => {
    const a = document.createElement("a");
    a.href = "tel:+18005551234";
    document.body.append(a);
    let prevented = null;
    document.addEventListener("click", (e) => { prevented = e.defaultPrevented; e.preventDefault(); }, { once: true });
    a.click();
    a.remove();
    return prevented;
  });
  assert.equal(tel, false, "a tel: link is not taken by the router");
  const modified = await page.evaluate(() => {
    const a = document.querySelector(".bottom-nav a[href$='/about']");
    let prevented = null;
    document.addEventListener("click", (e) => { prevented = e.defaultPrevented; e.preventDefault(); }, { once: true });
    a.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, ctrlKey: true }));
    return prevented;
  });
  assert.equal(modified, false, "a ctrl-click is the browser's");
  assert.equal(new URL(page.url()).pathname, "/");
});

test("home: the officer card is one tap away", async () => {
  const { page } = browser;
  await page.goto(BASE + "/");
  await screen(page, "home");
  assert.equal(await page.locator("[data-testid=show-officer] .officer-button-label").innerText(), en.home_show_officer);
  await page.tap("[data-testid=show-officer]");
  await screen(page, "card");
});

test("language switch changes every string at once and survives a reload", async () => {
  const { page } = browser;
  await page.goto(BASE + "/");
  await screen(page, "home");
  await page.click("[data-testid=language-button]");
  await screen(page, "language");
  await page.click("[data-testid=lang-es]");
  await page.waitForFunction((t) => document.documentElement.lang === "es" && document.querySelector("h1")?.textContent === t, es.language_title);
  await page.click(`nav.bottom-nav a[href="/"]`);
  await screen(page, "home");
  assert.equal(await page.locator(".officer-button-label").innerText(), es.home_show_officer);
  assert.equal(await page.locator(`nav.bottom-nav a[href="/about"]`).innerText(), es.nav_about);
  await page.reload();
  await screen(page, "home");
  assert.equal(await page.locator(".officer-button-label").innerText(), es.home_show_officer);
  assert.equal(await page.getAttribute("html", "lang"), "es");
  assert.equal(await page.getAttribute("html", "dir"), "ltr");
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("pocket-rights.settings")));
  assert.equal(saved.language, "es");
  await shot(page, "home-es");
  // Back to English for the following tests.
  await page.goto(BASE + "/language");
  await page.click("[data-testid=lang-en]");
  await page.waitForFunction(() => document.documentElement.lang === "en");
});

test("a first start with the browser in Spanish starts in Spanish", async () => {
  const b = await launch({ locale: "es-MX" });
  try {
    await b.page.goto(BASE + "/");
    await screen(b.page, "home");
    assert.equal(await b.page.getAttribute("html", "lang"), "es");
    assert.equal(await b.page.locator(".officer-button-label").innerText(), es.home_show_officer);
  } finally {
    await b.close();
  }
});

test("a first start in an unsupported language starts in English", async () => {
  const b = await launch({ locale: "xx-YY" });
  try {
    await b.page.goto(BASE + "/");
    await screen(b.page, "home");
    assert.equal(await b.page.getAttribute("html", "lang"), "en");
  } finally {
    await b.close();
  }
});

test("broken stored settings: the person is told, the app works, the old value is kept aside once", async () => {
  const { page } = browser;
  await page.goto(BASE + "/about");
  await page.evaluate(() => localStorage.setItem("pocket-rights.settings", "{broken"));
  await page.reload();
  await screen(page, "about");
  assert.equal(await page.locator("[data-testid=settings-problem]").innerText().then((t) => t.startsWith(en.settings_storage_broken)), true);
  assert.equal(await page.evaluate(() => localStorage.getItem("pocket-rights.settings.unreadable")), "{broken");
  // The app works: the officer card is one tap away.
  await page.click(`nav.bottom-nav a[href="/"]`);
  await screen(page, "home");
  await page.tap("[data-testid=show-officer]");
  await screen(page, "card");
  // A second start does not pile up copies of the same damaged value.
  await page.reload();
  await screen(page, "card");
  assert.equal(await page.evaluate(() => localStorage.getItem("pocket-rights.settings.unreadable.2")), null);
  assert.equal(await page.evaluate(() => localStorage.getItem("pocket-rights.settings.unreadable")), "{broken");
  await page.evaluate(() => { localStorage.removeItem("pocket-rights.settings"); localStorage.removeItem("pocket-rights.settings.unreadable"); });
});

test("broken stored plan: a clear message, the old value kept aside, and the plan still works", async () => {
  const { page } = browser;
  await page.goto(BASE + "/plan");
  await screen(page, "plan");
  await page.evaluate(() => localStorage.setItem("pocket-rights.plan", '{"version":1,"contacts":[{"name":"Ana"'));
  await page.reload();
  await screen(page, "plan");
  assert.equal(await page.locator("[data-testid=plan-problem]").innerText(), en.plan_storage_broken);
  assert.equal(await page.evaluate(() => localStorage.getItem("pocket-rights.plan.unreadable")), '{"version":1,"contacts":[{"name":"Ana"');
  await page.fill("#c-name", "Luis");
  await page.fill("#c-phone", "+1 555 010 0199");
  await page.click("[data-testid=contact-form] button[type=submit]");
  await page.locator("[data-testid=contact]").waitFor();
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("pocket-rights.plan")));
  assert.deepEqual(saved.contacts.map(({ name, phone, role }) => ({ name, phone, role })), [{ name: "Luis", phone: "+1 555 010 0199", role: "" }]);
  // The damaged original is still there, untouched.
  assert.equal(await page.evaluate(() => localStorage.getItem("pocket-rights.plan.unreadable")), '{"version":1,"contacts":[{"name":"Ana"');
  await page.evaluate(() => { localStorage.removeItem("pocket-rights.plan"); localStorage.removeItem("pocket-rights.plan.unreadable"); });
});

test("an unknown saved language starts in the browser's language, working", async () => {
  const { page } = browser;
  await page.goto(BASE + "/");
  await page.evaluate(() => localStorage.setItem("pocket-rights.settings", '{"version":1,"language":"xx"}'));
  await page.reload();
  await screen(page, "home");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.locator(".officer-button-label").innerText(), en.home_show_officer);
  await page.evaluate(() => localStorage.removeItem("pocket-rights.settings"));
});

test("a corrupt content file or map file: a clear message and a working app", async () => {
  const b = await launch({ locale: "es-MX", serviceWorkers: "block" });
  try {
    await b.page.route("**/content/es.json", async (route) => {
      const body = (await (await route.fetch()).text()).slice(0, 500);
      await route.fulfill({ status: 200, contentType: "application/json", body });
    });
    await b.page.route("**/data/counties.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"format":1,"count' }));
    await b.page.goto(BASE + "/rights/door");
    await screen(b.page, "rights-page");
    await b.page.locator(".notice").first().waitFor();
    assert.equal(await b.page.locator(".notice").first().innerText(), es.content_error);
    // English content shows instead, under the Spanish interface.
    assert.equal(await b.page.locator("h1").innerText(), content("en").pages.find((p) => p.id === "door").title);
    await b.page.goto(BASE + "/map");
    await screen(b.page, "map");
    await b.page.locator("[role=alert]").waitFor();
    assert.equal(await b.page.locator("[role=alert]").innerText(), es.map_loading_error);
    await b.page.click(`nav.bottom-nav a[href="/card"], nav.bottom-nav a[href="/"]`);
    await screen(b.page, "home");
  } finally {
    await b.close();
  }
});

test("a corrupt or missing UI strings file: English words with a notice, and a working app", async () => {
  for (const broken of [
    (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"app_name":"Pocket' }),
    (route) => route.fulfill({ status: 404, body: "" }),
  ]) {
    const b = await launch({ locale: "es-MX", serviceWorkers: "block" });
    try {
      await b.page.route("**/locales/es.json", broken);
      await b.page.goto(BASE + "/");
      await screen(b.page, "home");
      const notice = b.page.locator("[data-testid=ui-strings-problem]");
      await notice.waitFor();
      assert.equal(await notice.innerText(), en.ui_strings_error.replace("{{ language }}", "Español"));
      assert.equal(await b.page.locator(".officer-button-label").innerText(), en.home_show_officer);
      // The rest still works: the rights content in Spanish, under English words.
      await b.page.click('nav.bottom-nav a[href="/rights"]');
      await screen(b.page, "rights");
      assert.equal(await b.page.locator("h1").innerText(), en.rights_title);
    } finally {
      await b.close();
    }
  }
});

test("About shows the version and the build date", async () => {
  const { page } = browser;
  await page.goto(BASE + "/about");
  await screen(page, "about");
  assert.match(await page.locator("[data-testid=app-version]").innerText(), /^\d+\.\d+\.\d+/);
  assert.match(await page.locator("[data-testid=build-date]").innerText(), /^\d{4}-\d{2}-\d{2}$/);
});

test("installable: manifest parsed, no installability errors", async () => {
  const { page, context } = browser;
  await page.goto(BASE + "/");
  await offlineReady(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  const manifest = await cdp.send("Page.getAppManifest");
  await cdp.detach();
  assert.deepEqual(installabilityErrors, []);
  assert.deepEqual(manifest.errors, []);
});

test("axe-core finds no violations on any route", async () => {
  const { page } = browser;
  const found = [];
  for (const [path, id] of ROUTES) {
    await page.goto(BASE + path);
    await screen(page, id);
    for (const v of await axe(page)) found.push(`${path}: ${v}`);
  }
  assert.deepEqual(found, []);
});

test("offline: with the server stopped, a reload of every route still renders", async () => {
  const { page, context } = browser;
  await page.goto(BASE + "/");
  await offlineReady(page);
  await context.setOffline(true);
  await server.stop();
  for (const [path, id] of ROUTES) {
    const resp = await page.goto(BASE + path);
    assert.ok(resp.fromServiceWorker(), `${path} served by the service worker`);
    await screen(page, id);
    await page.reload();
    await screen(page, id);
  }
  await page.goto(BASE + "/");
  await screen(page, "home");
  assert.equal(await page.locator("[data-testid=net-status]").innerText(), en.net_offline);
  await shot(page, "offline-home");
  await context.setOffline(false);
});

test("a new build served over the old one brings the update prompt, then the new version", async () => {
  const { page } = browser;
  server = await startServer(DIST_NEXT);
  await page.goto(BASE + "/about");
  await screen(page, "about");
  const before = await page.locator("[data-testid=app-version]").innerText();
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.locator("[data-testid=update-prompt]").waitFor({ timeout: 30000 });
  assert.equal(await page.locator("[data-testid=update-prompt] span").innerText(), en.update_ready);
  // Until the person reloads, the old version keeps running.
  assert.equal(await page.locator("[data-testid=app-version]").innerText(), before);
  await shot(page, "update-prompt");
  await Promise.all([page.waitForEvent("load", { timeout: 30000 }), page.click("[data-testid=update-reload]")]);
  await screen(page, "about");
  const after = await page.locator("[data-testid=app-version]").innerText();
  assert.notEqual(after, before);
  assert.match(after, /update-check/);
  // The old version's cache stays until the new version has started, then goes.
  for (let i = 0; (await swCaches(page)).versions.length !== 1; i++) {
    assert.ok(i < 100, `old caches removed: ${JSON.stringify((await swCaches(page)).versions)}`);
    await page.waitForTimeout(200);
  }
});

test("no request left the app's own origin during the whole run", () => {
  assert.deepEqual(browser.foreign, []);
});

test("no script errors during the whole run", () => {
  // Offline fetches of files that are not precached would show up here too.
  const real = browser.errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED/.test(e));
  assert.deepEqual(real, []);
});
