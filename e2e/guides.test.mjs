// "Who I am" and "I am watching" guides in a real browser, offline, in English, Spanish and
// Arabic: each guide two taps from home, rendered whole, clean for axe-core, and the choice of
// "who I am" leaves no trace in storage, cookies, caches or history beyond the guide's own page.
// Every expected value comes from content/<lang>.json and locales/<lang>.json.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, axe, content, launchOffline, locale, screen, shot, useLanguage, norm } from "./harness.mjs";

const LANGS = ["en", "es", "ar"];
const STATUS = ["status-citizen", "status-lpr", "status-visa", "status-humanitarian", "status-removal-order"];
const WITNESS = ["witness-arrest", "sensitive-places"];

let browser;
before(async () => {
  browser = await launchOffline();
});
after(async () => {
  await browser?.close();
});

function guide(c, id) {
  const p = c.pages.find((p) => p.id === id);
  assert.ok(p, `content has guide ${id}`);
  return p;
}

/** Home, then the Rights tab, then the guide's link: two taps. */
async function twoTaps(p, listId, title) {
  await p.goto(BASE + "/");
  await screen(p, "home");
  await p.locator('nav.bottom-nav a[href="/rights"]').tap();
  await screen(p, "rights");
  const link = p.locator(`[data-testid=${listId}] a`).filter({ has: p.locator(".link-title", { hasText: title }) });
  await assert.doesNotReject(link.waitFor({ timeout: 20000 }), `"${title}" is listed under ${listId}`);
  await link.first().tap();
  await screen(p, "rights-page");
  await p.waitForFunction((t) => document.querySelector("main h1")?.textContent.trim() === t, title, { timeout: 20000 });
}

/** Everything this origin keeps on the phone, and the history entry, as plain data. */
async function traces(p, context) {
  const inPage = await p.evaluate(async () => {
    const dump = (s) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)).sort().map((k) => [k, s.getItem(k)]));
    const dbs = indexedDB.databases ? (await indexedDB.databases()).map((d) => `${d.name}@${d.version}`).sort() : ["(no indexedDB.databases)"];
    const cached = [];
    for (const k of (await caches.keys()).sort()) {
      for (const r of await (await caches.open(k)).keys()) cached.push(`${k} ${r.url}`);
    }
    return {
      local: dump(localStorage), session: dump(sessionStorage), dbs, cached: cached.sort(),
      cookie: document.cookie, historyLength: history.length, historyState: JSON.stringify(history.state ?? null),
      url: location.pathname + location.search + location.hash,
    };
  });
  return { ...inPage, cookies: (await context.cookies()).map((c) => `${c.name}=${c.value}`) };
}

for (const lang of LANGS) {
  const L = locale(lang);
  const C = content(lang);

  test(`${lang}: every guide is two taps from home and renders whole`, async () => {
    const { page: p } = browser;
    await useLanguage(p, lang);
    for (const [ids, list] of [[STATUS, "rights-who-i-am"], [WITNESS, "rights-watching"]]) {
      for (const id of ids) {
        const g = guide(C, id);
        await twoTaps(p, list, g.title);
        assert.equal(new URL(p.url()).pathname, `/rights/${id}`, `${id}: the guide has its own page`);
        assert.equal(new URL(p.url()).search, "", `${id}: no query string`);
        assert.equal(norm(await p.locator("main .summary").innerText()), norm(g.summary), `${id} summary`);
        for (const s of g.sections) {
          const sec = p.locator(`[data-testid="section-${s.id}"]`);
          assert.equal(norm(await sec.locator("h2").innerText()), norm(s.title ?? L[`section_${s.kind}`]), `${id}/${s.id} heading`);
          assert.equal(await sec.locator("li.item").count(), s.items.length, `${id}/${s.id} item count`);
          const contested = s.items.filter((i) => i.contested).length;
          assert.equal(await sec.locator("li.item.is-contested").count(), contested, `${id}/${s.id} contested flags`);
        }
        assert.match(await p.locator("main").innerText(), new RegExp(L.disclaimer.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), `${id}: disclaimer shown`);
      }
    }
    // "I have no papers" leads to the general guides.
    await p.goto(BASE + "/");
    await screen(p, "home");
    await p.locator('nav.bottom-nav a[href="/rights"]').tap();
    await screen(p, "rights");
    await p.locator("[data-testid=rights-who-i-am] a", { hasText: L.rights_no_papers }).tap();
    await screen(p, "rights-page");
    assert.equal(new URL(p.url()).pathname, "/rights/core");
  });

  test(`${lang}: the witness and places guides link to the record screen, the after-arrest path and the map`, async () => {
    const { page: p } = browser;
    await useLanguage(p, lang);
    await p.goto(BASE + "/rights/witness-arrest");
    await screen(p, "rights-page");
    const related = p.locator("[data-testid=related-links] a");
    await related.first().waitFor({ timeout: 20000 });
    const hrefs = await related.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.deepEqual(hrefs, ["/rights/after-arrest", "/plan/record", "/rights/help"]);
    assert.equal(norm(await related.nth(1).innerText()), norm(L.guide_record_link));
    assert.match(await p.locator("main").innerText(), /locator\.ice\.gov\/odls/, "the detainee locator address is shown");
    await p.goto(BASE + "/rights/sensitive-places");
    await screen(p, "rights-page");
    await related.first().waitFor({ timeout: 20000 });
    const placeLinks = await related.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.deepEqual(placeLinks, ["/map/CA", "/map/IL", "/rights/court"]);
    assert.ok(await p.locator('main a[href="/map"]').count() > 0, "a link to the map");
  });

  test(`${lang}: choosing "who I am" leaves no trace in storage, cookies, caches or history`, async () => {
    const { context } = browser;
    await useLanguage(browser.page, lang);
    // A fresh tab, so its history starts short (Chromium caps a tab's history at 50 entries).
    const p = await context.newPage();
    await p.goto(BASE + "/rights");
    await screen(p, "rights");
    await p.locator("[data-testid=rights-who-i-am] a").first().waitFor({ timeout: 20000 });
    const start = await traces(p, context);
    assert.equal(start.url, "/rights");
    for (const id of STATUS) {
      const g = guide(C, id);
      await p.locator("[data-testid=rights-who-i-am] a").filter({ has: p.locator(".link-title", { hasText: g.title }) }).first().tap();
      await screen(p, "rights-page");
      await p.waitForFunction((t) => document.querySelector("main h1")?.textContent.trim() === t, g.title);
      await p.evaluate(() => window.scrollTo(0, document.body.scrollHeight)); // read it
      const reading = await traces(p, context);
      assert.equal(reading.url, `/rights/${id}`, "the guide is an ordinary page, no query or hash");
      assert.equal(reading.historyLength, start.historyLength + 1, "opening the guide adds exactly one history entry");
      assert.doesNotMatch(reading.historyState, /status|citizen|lpr|visa|humanitarian|removal/i, "history state holds nothing about the choice");
      for (const k of ["local", "session", "dbs", "cached", "cookie", "cookies"]) {
        assert.deepEqual(reading[k], start[k], `${id}: ${k} unchanged while reading`);
      }
      await p.goBack();
      await screen(p, "rights");
      const back = await traces(p, context);
      assert.equal(back.url, "/rights", "back on the Rights screen, nothing in its URL");
      for (const k of ["local", "session", "dbs", "cached", "cookie", "cookies"]) {
        assert.deepEqual(back[k], start[k], `${id}: ${k} unchanged after reading`);
      }
      const everything = JSON.stringify([back.local, back.session, back.dbs, back.cookie, back.cookies]);
      assert.doesNotMatch(everything, new RegExp(`${id}|${g.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`), "no stored value names the guide");
    }
    await p.close();
  });

  test(`${lang}: axe-core finds no violations on the Rights screen and the guides`, async () => {
    const { page: p } = browser;
    await useLanguage(p, lang);
    await p.goto(BASE + "/rights");
    await screen(p, "rights");
    await p.locator("[data-testid=rights-who-i-am] a").first().waitFor({ timeout: 20000 });
    assert.deepEqual(await axe(p), [], "/rights");
    if (lang !== "es") await shot(p, `guides-rights-${lang}`);
    for (const id of [...STATUS, ...WITNESS]) {
      await p.goto(BASE + `/rights/${id}`);
      await screen(p, "rights-page");
      await p.waitForFunction((t) => document.querySelector("main h1")?.textContent.trim() === t, guide(C, id).title);
      assert.deepEqual(await axe(p), [], `/rights/${id}`);
      if (lang !== "es" && (id === "status-lpr" || id === "witness-arrest" || id === "status-humanitarian")) await shot(p, `guides-${id}-${lang}`);
    }
    if (lang === "ar") assert.equal(await p.evaluate(() => document.documentElement.dir), "rtl");
  });
}

test("no request left the app's own origin", () => {
  assert.deepEqual(browser.foreign, []);
});
