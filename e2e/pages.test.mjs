// Content split per page (tools/split-content.mjs): each language ships a core file and a file
// per guide, fetched when the guide opens. Checked here:
//  - every page file of every language is in the build and in the service worker's precache,
//    and core + pages give back the authored content/<tag>.json;
//  - installed, offline, a guide in a language other than English opens from its file;
//  - a corrupt or missing page file costs only that page (English instead, or a message when
//    English's is broken too), never the rest of the app;
//  - the first screen of /rights/<id> paints from its page file before the wasm, in the boot
//    language (English and Arabic, right to left).
// Expected values come from content/<tag>.json, locales/<tag>.json and tools/languages.json.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BASE, DIST, content, launch, launchOffline, locale, rawContent, screen, shot, startServer } from "./harness.mjs";

const TAGS = JSON.parse(readFileSync("tools/languages.json", "utf8")).languages.map((l) => l.tag);
const GUIDES = rawContent("en").pages.filter((p) => p.kind !== "officer").map((p) => p.id);

/** The URLs of the precache manifest that tools/sw-precache.mjs wrote into sw.js. */
function precached() {
  const sw = readFileSync(join(DIST, "sw.js"), "utf8");
  const list = sw.slice(sw.indexOf("const PRECACHE_MANIFEST = ") + "const PRECACHE_MANIFEST = ".length, sw.indexOf("// end of generated manifest"));
  return new Set(JSON.parse(list.trim().replace(/;$/, "")).map((e) => e.url));
}

test("every guide of every language is its own file, in the precache, and core + pages = the authored file", () => {
  const urls = precached();
  assert.ok(GUIDES.length >= 20, `guides: ${GUIDES.length}`);
  for (const tag of TAGS) {
    const authored = rawContent(tag);
    const core = JSON.parse(readFileSync(join(DIST, `content/${tag}.json`), "utf8"));
    assert.ok(urls.has(`content/${tag}.json`), `content/${tag}.json is precached`);
    assert.deepEqual(core.pages.map((p) => p.id), authored.pages.map((p) => p.id), `${tag}: the core lists every page`);
    const back = { ...core, pages: core.pages.map((p) => {
      if (p.kind === "officer") {
        assert.ok(p.sections.length > 0, `${tag}: the officer card is whole in the core`);
        return p;
      }
      assert.deepEqual(p.sections, [], `${tag}/${p.id}: no sections in the core`);
      const file = `content/${tag}/${p.id}.json`;
      assert.ok(existsSync(join(DIST, file)), `${file} is in the build`);
      assert.ok(urls.has(file), `${file} is precached`);
      return JSON.parse(readFileSync(join(DIST, file), "utf8"));
    }) };
    assert.deepEqual(back, authored, `${tag}: core + pages = content/${tag}.json`);
  }
});

test("installed and offline: a guide opens from its page file in Arabic and in Vietnamese", async () => {
  const b = await launchOffline({ locale: "ar" });
  try {
    const { page } = b;
    for (const [tag, id] of [["ar", "court"], ["vi", "status-visa"]]) {
      await page.evaluate((t) => localStorage.setItem("pocket-rights.settings", JSON.stringify({ version: 1, language: t, speak_as: "either" })), tag);
      await page.goto(BASE + `/rights/${id}`);
      await screen(page, "rights-page");
      const guide = content(tag).pages.find((p) => p.id === id);
      await page.locator(".rights-page h1").filter({ hasText: guide.title }).waitFor();
      const last = guide.sections.at(-1);
      await page.locator(`[data-testid="section-${last.id}"]`).waitFor();
      assert.equal(await page.locator(".notice").count(), 0, `${tag}/${id}: no fallback notice`);
    }
  } finally {
    await b.close();
  }
});

test("a corrupt page file: English for that page with a notice; both broken: a message; the rest works", async () => {
  const es = locale("es");
  const server = await startServer();
  const b = await launch({ locale: "es-MX", serviceWorkers: "block" });
  try {
    const { page, errors } = b;
    const cut = async (route) => {
      const body = (await (await route.fetch()).text()).slice(0, 200);
      await route.fulfill({ status: 200, contentType: "application/json", body });
    };
    await page.route("**/content/es/door.json", cut);
    await page.goto(BASE + "/rights/door");
    await screen(page, "rights-page");
    await page.locator(".rights-page h1").filter({ hasText: content("en").pages.find((p) => p.id === "door").title }).waitFor();
    assert.equal(await page.locator(".notice").first().innerText(), es.content_error);
    // Another guide is in Spanish, without a notice.
    await page.goto(BASE + "/rights/car");
    await page.locator(".rights-page h1").filter({ hasText: content("es").pages.find((p) => p.id === "car").title }).waitFor();
    assert.equal(await page.locator(".notice").count(), 0);

    // English's file missing too: that page says so; the card, the rights list, What changed work.
    await page.route("**/content/en/door.json", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(BASE + "/rights/door");
    await page.locator("[data-testid=page-missing]").waitFor();
    assert.equal(await page.locator("[data-testid=page-missing]").innerText(), es.content_missing);
    await page.goto(BASE + "/card");
    await screen(page, "card");
    const own = content("es").pages.find((p) => p.kind === "officer").sections[0].items[0];
    await page.locator(`[data-testid="officer-own-${own.id}"]`).waitFor();
    await page.goto(BASE + "/rights");
    await screen(page, "rights");
    await page.getByText(content("es").pages.find((p) => p.id === "door").title).first().waitFor();
    await page.goto(BASE + "/changes");
    await screen(page, "changes");
    await page.locator("[data-testid=change]").first().waitFor();
    // Changes from guides other than the broken one are listed.
    const expected = content("es").pages.filter((p) => p.id !== "door" && p.kind !== "officer")
      .flatMap((p) => p.sections.flatMap((s) => s.items)).filter((i) => i.changed).map((i) => i.id);
    const shown = await page.locator("[data-testid=change]").evaluateAll((els) => els.map((e) => e.dataset.item));
    for (const id of expected) assert.ok(shown.includes(id), `What changed lists ${id}`);
    assert.ok(!errors.some((e) => /panicked|unreachable/i.test(e)), `no panic: ${errors.join("\n")}`);
  } finally {
    await b.close();
    await server.stop();
  }
});

test("/rights/door paints its first screen from its page file before the wasm, in English and in Arabic", async () => {
  const server = await startServer();
  const b = await launch({ serviceWorkers: "block" });
  try {
    const { page } = b;
    // The wasm never arrives: whatever shows is the static first screen.
    await page.route("**/*.wasm", () => {});
    for (const tag of ["en", "ar"]) {
      await page.goto(BASE + "/");
      await page.evaluate((t) => localStorage.setItem("pocket-rights.settings", JSON.stringify({ version: 1, language: t, speak_as: "either" })), tag);
      await page.goto(BASE + "/rights/door");
      const door = content(tag).pages.find((p) => p.id === "door");
      const box = page.locator('#boot [data-boot-page="rights-page"]');
      await box.locator("h1").filter({ hasText: door.title }).waitFor({ timeout: 10000 });
      assert.equal(await box.getAttribute("dir"), tag === "ar" ? "rtl" : "ltr");
      assert.equal(await box.getAttribute("lang"), tag);
      const first = door.sections[0];
      const heading = first.title ?? locale(tag)[`section_${first.kind}`];
      assert.equal((await box.locator("h2").first().innerText()).trim(), heading.trim());
      assert.equal(await box.locator("li.item").count(), first.items.length);
      assert.equal(await page.locator('[data-testid="screen-rights-page"]').count(), 0, "the app has not started");
      await shot(page, `pages-static-door-${tag}`);
    }
  } finally {
    await b.close();
    await server.stop();
  }
});
