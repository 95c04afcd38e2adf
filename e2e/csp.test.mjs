// A strict Content-Security-Policy (scripts only by hash, no 'unsafe-inline') that no route
// violates; answers and looked-up places that replace the history entry instead of piling up;
// the static officer card kept when the content cannot be loaded.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { BASE, DIST, content, launch, officerStatements, screen, shot, startServer } from "./harness.mjs";

const ROUTES = [
  ["/", "home"], ["/card", "card"], ["/rights", "rights"], ["/rights/door", "rights-page"],
  ["/rights/warrant", "warrant"], ["/map", "map"], ["/map/TX", "map-state"], ["/map/TX/48201", "map-county"],
  ["/plan", "plan"], ["/about", "about"], ["/language", "language"], ["/no-such-page", "not-found"],
];

let server, browser;
before(async () => {
  server = await startServer(DIST);
  browser = await launch();
  await browser.context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test("the built policy allows scripts only by hash, and the headers file carries the same", () => {
  const html = readFileSync(`${DIST}/index.html`, "utf8");
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  const scriptSrc = policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"));
  assert.ok(!scriptSrc.includes("'unsafe-inline'") && !scriptSrc.includes("'unsafe-eval'"), scriptSrc);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.ok(inline.length >= 3, `inline scripts: ${inline.length}`);
  for (const code of inline) {
    const hash = `'sha256-${createHash("sha256").update(code, "utf8").digest("base64")}'`;
    assert.ok(scriptSrc.includes(hash), `script-src lists ${hash} for: ${code.slice(0, 60)}`);
  }
  assert.ok(readFileSync(`${DIST}/_headers`, "utf8").includes(`Content-Security-Policy: ${policy}`));
  assert.equal(readFileSync(`${DIST}/404.html`, "utf8"), html, "404.html is the app's page (GitHub Pages deep links)");
});

test("no Content-Security-Policy violation on any route, with or without the service worker", async () => {
  const { page } = browser;
  const found = [];
  for (const pass of ["first visit", "from the service worker"]) {
    for (const [path, id] of ROUTES) {
      await page.goto(BASE + path);
      await screen(page, id);
      await page.waitForTimeout(100);
      for (const v of await page.evaluate(() => window.__csp)) found.push(`${pass} ${path}: ${v}`);
    }
  }
  assert.deepEqual(found, []);
  const refused = browser.errors.filter((e) => /Content Security Policy|Refused to/i.test(e));
  assert.deepEqual(refused, []);
});

test("warrant-checker answers replace the history entry: Back leaves the checker", async () => {
  const { page } = browser;
  await page.goto(BASE + "/rights");
  await screen(page, "rights");
  await page.click("a[href='/rights/warrant']");
  await screen(page, "warrant");
  const length = await page.evaluate(() => history.length);
  for (let i = 0; i < 2; i++) {
    const choice = page.locator("[data-testid^=choice-]").first();
    if (!(await choice.count())) break;
    const url = page.url();
    await choice.click();
    await page.waitForURL((u) => u.href !== url);
  }
  assert.match(page.url(), /\?path=/);
  assert.equal(await page.evaluate(() => history.length), length, "no entry added per answer");
  await page.goBack();
  await screen(page, "rights");
});

test("when the content cannot be loaded, the static officer card stays", async () => {
  const b = await launch({ serviceWorkers: "block" });
  try {
    await b.page.route("**/content/*.json", (route) => route.fulfill({ status: 500, body: "down" }));
    await b.page.goto(BASE + "/card");
    // The app has started (it marks that) and could not load the content...
    await b.page.waitForFunction(() => window.__appStarted === true);
    await b.page.waitForTimeout(1500);
    // ...and the static card, with the English statements, is still what the person sees.
    const card = b.page.locator("#boot [data-boot=card]");
    assert.ok(await card.isVisible(), "the static card is visible");
    const shown = await card.locator(".card-en").innerText();
    for (const s of officerStatements(content("en")).slice(0, 3)) assert.ok(shown.includes(s.text), `shows: ${s.text}`);
    await shot(b.page, "content-failure-static-card");
  } finally {
    await b.close();
  }
});

test("on /card the static officer card is shown before the script that picks its language runs", async () => {
  // That script comes after the card in the page: a paint before the parser reaches it must
  // already show the card (index.html's first script marks the route; style.css shows it).
  const b = await launch({ serviceWorkers: "block" });
  try {
    await b.page.route("**/card", async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace(/<script>\(function\(\)\{\s*var L=[\s\S]*?<\/script>/, "");
      assert.ok(!html.includes("data-boot-label]"), "the language script is taken out");
      await route.fulfill({ response: res, body: html });
    });
    await b.page.route(/\.wasm$/, (route) => route.abort());
    await b.page.goto(BASE + "/card");
    assert.ok(await b.page.locator("#boot [data-boot=card] .card-en").isVisible(), "the English card is visible");
    assert.ok(!(await b.page.locator("#boot [data-boot=home]").isVisible()), "the home button is not");
    const shown = await b.page.locator("#boot [data-boot=card] .card-en").innerText();
    for (const s of officerStatements(content("en")).slice(0, 3)) assert.ok(shown.includes(s.text), `shows: ${s.text}`);
  } finally {
    await b.close();
  }
});
