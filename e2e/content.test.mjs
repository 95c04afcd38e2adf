// Rights content in a real browser, offline, in English and in Spanish: the officer card, the
// scenario pages and their large phrases, the page footers, the warrant checker's every
// outcome, no English body text on Spanish screens, axe-core, and "Read aloud".
// Every expected value comes from content/<lang>.json and locales/<lang>.json.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, axe, content, launch, locale, localDate, localNumber, offlineReady, screen, shot, startServer, fill, norm, officerStatements, launchOffline, useLanguage as harnessUseLanguage } from "./harness.mjs";

const LANGS = ["en", "es"];
const L = { en: locale("en"), es: locale("es") };
const C = { en: content("en"), es: content("es") };
const SCENARIOS = ["door", "car", "street", "work", "arrested", "court"];
/** Page kinds the rights index links to, each at /rights/<id>. */
const LINKED_KINDS = ["core", "scenario", "after_arrest", "help", "framework", "status", "witness"];

/** `{{ name }}` placeholders of a locale string, filled. */

function page(c, id) {
  const p = c.pages.find((p) => p.id === id);
  assert.ok(p, `content has page ${id}`);
  return p;
}
/** Distinct source ids of sections, in first-use order (what the footer lists). */
function sourceIds(sections) {
  return [...new Set(sections.flatMap((s) => s.items.flatMap((i) => i.sources)))];
}
function newestReview(sections) {
  return sections.flatMap((s) => s.items.map((i) => i.reviewed)).sort().at(-1);
}
/** Choice ids leading from the start to each outcome (breadth-first, so the shortest). */
function outcomePaths(wc) {
  const paths = new Map();
  const seen = new Set([wc.start]);
  const queue = [[wc.start, []]];
  while (queue.length) {
    const [at, path] = queue.shift();
    const q = wc.questions.find((q) => q.id === at);
    if (!q) {
      if (wc.outcomes.some((o) => o.id === at) && !paths.has(at)) paths.set(at, path);
      continue;
    }
    for (const c of q.choices) {
      if (seen.has(c.next)) continue;
      seen.add(c.next);
      queue.push([c.next, [...path, { question: q.id, choice: c.id }]]);
    }
  }
  return paths;
}

let browser;
before(async () => {
  browser = await launchOffline();
});
after(async () => {
  await browser?.close();
});

const useLanguage = (tag) => harnessUseLanguage(browser.page, tag);

/** Open a content route and wait until its content (not "Loading") is on screen. */
async function openPage(path, id, h1) {
  const { page: p } = browser;
  await p.goto(BASE + path);
  await screen(p, id);
  await p.waitForFunction((t) => [...document.querySelectorAll("main h1")].some((h) => h.textContent.trim() === t), h1, { timeout: 20000 });
}

for (const lang of LANGS) {
  test(`${lang}: the officer card is one tap from home and holds every statement`, async () => {
    const { page: p } = browser;
    await useLanguage(lang);
    await p.goto(BASE + "/");
    await screen(p, "home");
    await p.tap("[data-testid=show-officer]"); // tap 1 of at most 2
    await screen(p, "card");
    const english = officerStatements(C.en);
    assert.ok(english.length > 0);
    const en = p.locator("[data-testid=officer-english]");
    await en.locator("li").first().waitFor();
    assert.equal(await en.getAttribute("data-testid"), "officer-english");
    assert.deepEqual((await en.locator("li").allInnerTexts()).map(norm), english.map((i) => norm(i.text)));
    for (const i of english) {
      assert.equal(norm(await en.locator(`[data-testid="officer-en-${i.id}"]`).innerText()), norm(i.text));
    }
    // The English block is marked as English for screen readers and translation tools.
    assert.equal(await p.locator("section.card-en").getAttribute("lang"), "en");
    const own = officerStatements(C[lang]);
    if (lang === "en") {
      assert.equal(await p.locator("[data-testid^=officer-own-]").count(), 0, "no second copy in English");
    } else {
      assert.equal(own.length, english.length);
      for (const i of own) {
        const el = p.locator(`[data-testid="officer-own-${i.id}"]`);
        assert.equal(norm(await el.innerText()), norm(i.text), `${lang} statement ${i.id}`);
        assert.notEqual(norm(i.text), norm(english.find((e) => e.id === i.id).text));
      }
      assert.equal(norm(await p.locator("#card-own-h").innerText()), norm(L[lang].card_in_your_language));
    }
    await shot(p, `content-card-${lang}`);
  });

  test(`${lang}: each scenario page renders its title, every section, and large phrases`, async () => {
    const { page: p } = browser;
    await useLanguage(lang);
    for (const id of SCENARIOS) {
      const pg = page(C[lang], id);
      await openPage(`/rights/${id}`, "rights-page", pg.title);
      assert.equal(norm(await p.locator("main p.summary").innerText()), norm(pg.summary), `${id} summary`);
      assert.equal(await p.locator("main section.section").count(), pg.sections.length, `${id}: section count`);
      for (const s of pg.sections) {
        const sec = p.locator(`[data-testid="section-${s.id}"]`);
        assert.equal(norm(await sec.locator("h2").innerText()), norm(s.title ?? L[lang][`section_${s.kind}`]), `${id}/${s.id} heading`);
        assert.equal(await sec.locator("li.item").count(), s.items.length, `${id}/${s.id} items`);
        for (const item of s.items) {
          const li = sec.locator(`li[id="${item.id}"]`);
          const text = li.locator(s.kind === "say" ? ".phrase-text" : ".item-text");
          assert.equal(norm(await text.innerText()), norm(item.text), `${id}/${item.id}`);
          assert.equal(await li.locator(".contested").count(), item.contested ? 1 : 0, `${id}/${item.id} contested mark`);
        }
      }
      // Every "say" phrase opens large and closes again.
      const say = pg.sections.filter((s) => s.kind === "say").flatMap((s) => s.items);
      assert.ok(say.length > 0, `${id} has phrases`);
      assert.equal(await p.locator("[data-testid=phrase]").count(), say.length);
      for (const [n, item] of say.entries()) {
        await p.locator("[data-testid=phrase]").nth(n).tap();
        const large = p.locator("[data-testid=large-phrase]");
        await large.waitFor();
        assert.equal(norm(await large.locator("#large-phrase-text").innerText()), norm(item.text));
        if (id === "door" && n === 0) await shot(p, `content-large-phrase-${lang}`);
        await large.locator("button").tap();
        await large.waitFor({ state: "detached" });
      }
      await shot(p, `content-${id}-${lang}`);
    }
  });

  test(`${lang}: every content page shows the disclaimer, the review date and its sources`, async () => {
    const { page: p } = browser;
    await useLanguage(lang);
    const pages = C[lang].pages.filter((pg) => LINKED_KINDS.includes(pg.kind));
    assert.ok(pages.length >= SCENARIOS.length + 2);
    const screens = pages.map((pg) => ({ path: `/rights/${pg.id}`, id: "rights-page", h1: pg.title, sections: pg.sections }));
    // The warrant checker's outcomes are content screens too.
    const wc = C[lang].warrant_checker;
    for (const [o, path] of outcomePaths(wc)) {
      const outcome = wc.outcomes.find((x) => x.id === o);
      screens.push({ path: `/rights/warrant?path=${path.map((s) => s.choice).join(".")}`, id: "warrant", h1: L[lang].warrant_title, sections: outcome.sections });
    }
    for (const s of screens) {
      await openPage(s.path, s.id, s.h1);
      const footer = p.locator("[data-testid=page-footer]");
      await footer.waitFor();
      assert.equal(norm(await footer.locator("[data-testid=disclaimer]").innerText()), norm(L[lang].disclaimer), `${s.path} disclaimer`);
      assert.equal(norm(await footer.locator("[data-testid=reviewed]").innerText()),
        norm(fill(L[lang].reviewed_on, { date: await localDate(p, lang, newestReview(s.sections)) })), `${s.path} reviewed`);
      const ids = sourceIds(s.sections);
      assert.ok(ids.length > 0);
      assert.equal(norm(await footer.locator("details.sources summary").innerText()), norm(fill(L[lang].sources_count, { count: await localNumber(p, lang, ids.length) })), `${s.path} sources count`);
      const listed = await footer.locator("details.sources li").evaluateAll((els) => els.map((e) => e.id));
      assert.deepEqual(listed, ids.map((i) => `src-${i}`), `${s.path} sources list`);
      // Opened, each source shows a link.
      await footer.locator("details.sources summary").click();
      assert.equal(await footer.locator("details.sources li a.source-url").count(), ids.length);
      assert.ok(await footer.locator("details.sources li a.source-url").first().isVisible());
    }
  });

  test(`${lang}: the warrant checker reaches each outcome; Back and Start over work`, async () => {
    const { page: p } = browser;
    await useLanguage(lang);
    const wc = C[lang].warrant_checker;
    const paths = outcomePaths(wc);
    assert.deepEqual([...paths.keys()].sort(), wc.outcomes.map((o) => o.id).sort(), "every outcome is reachable");
    for (const outcome of wc.outcomes) {
      const path = paths.get(outcome.id);
      await openPage("/rights/warrant", "warrant", L[lang].warrant_title);
      for (const [n, step] of path.entries()) {
        const q = wc.questions.find((q) => q.id === step.question);
        const fs = p.locator(`[data-testid="question-${step.question}"]`);
        await fs.waitFor();
        assert.equal(norm(await fs.locator("legend").innerText()), norm(q.text));
        assert.equal(await fs.locator("[data-testid^=choice-]").count(), q.choices.length);
        assert.equal(await p.locator("[data-testid=checker-back]").count(), n === 0 ? 0 : 1);
        await p.click(`[data-testid="choice-${step.choice}"]`);
      }
      const out = p.locator(`[data-testid="outcome-${outcome.id}"]`);
      await out.waitFor();
      assert.equal(norm(await out.locator(".outcome-title").innerText()), norm(outcome.title));
      for (const s of outcome.sections) {
        const sec = p.locator(`[data-testid="section-${s.id}"]`);
        assert.equal(await sec.locator("li.item").count(), s.items.length, `${outcome.id}/${s.id}`);
      }
      const contested = outcome.sections.flatMap((s) => s.items).filter((i) => i.contested);
      assert.equal(await p.locator("main .contested").count(), contested.length, `${outcome.id}: contested marks`);
      for (const i of contested) {
        const mark = p.locator(`li[id="${i.id}"] .contested`);
        assert.equal(norm(await mark.innerText()), norm(L[lang].contested));
        assert.equal(await mark.locator("svg.icon[aria-hidden=true]").count(), 1, `${i.id}: the warning icon`);
      }
      await shot(p, `content-warrant-${outcome.id}-${lang}`);
      // Back leads to the last question; choosing again comes back to the outcome.
      const last = path.at(-1);
      await p.click("[data-testid=checker-back]");
      await p.locator(`[data-testid="question-${last.question}"]`).waitFor();
      assert.equal(await out.count(), 0);
      await p.click(`[data-testid="choice-${last.choice}"]`);
      await out.waitFor();
      // Start over leads to the first question, with no answers in the URL.
      await p.click("[data-testid=checker-restart]");
      await p.locator(`[data-testid="question-${wc.start}"]`).waitFor();
      assert.equal(new URL(p.url()).search, "");
      assert.equal(await p.locator("[data-testid=checker-back]").count(), 0);
    }
    // The I-205 outcome carries the contested mark (an item of it is contested).
    const i205 = wc.outcomes.find((o) => o.id === "o-i205");
    assert.ok(i205?.sections.some((s) => s.items.some((i) => i.contested)), "content marks an I-205 statement as contested");
  });

  test(`${lang}: axe-core finds no violations on the content routes`, async () => {
    const { page: p } = browser;
    await useLanguage(lang);
    const found = [];
    const c = C[lang];
    const routes = [["/card", "card", L[lang].card_title], ["/rights", "rights", L[lang].rights_title],
      ["/rights/warrant", "warrant", L[lang].warrant_title]];
    for (const pg of c.pages.filter((pg) => LINKED_KINDS.includes(pg.kind))) routes.push([`/rights/${pg.id}`, "rights-page", pg.title]);
    const i205 = outcomePaths(c.warrant_checker).get("o-i205");
    routes.push([`/rights/warrant?path=${i205.map((s) => s.choice).join(".")}`, "warrant", L[lang].warrant_title]);
    for (const [path, id, h1] of routes) {
      await openPage(path, id, h1);
      if (id === "rights") await p.locator("[data-testid=rights-scenarios] li").first().waitFor();
      if (id === "card") await p.locator("[data-testid=officer-english] li").first().waitFor();
      if (id === "warrant") await p.locator("main [data-testid^=question-], main [data-testid^=outcome-]").first().waitFor();
      for (const v of await axe(p)) found.push(`${path}: ${v}`);
    }
    // A large phrase open.
    await openPage("/rights/door", "rights-page", page(c, "door").title);
    await p.locator("[data-testid=phrase]").first().tap();
    await p.locator("[data-testid=large-phrase]").waitFor();
    for (const v of await axe(p)) found.push(`/rights/door (large phrase): ${v}`);
    assert.deepEqual(found, []);
  });

  test(`${lang}: "Read aloud" speaks the English statements with a local English voice, else says why`, async () => {
    // The browser's speech engine is replaced by a recorder, so the test sees what the app asks
    // it to say and with which voice; Chromium's own voices differ from machine to machine.
    const fakeSpeech = (voices) => {
      const made = voices.map((v) => Object.create(SpeechSynthesisVoice.prototype, {
        name: { value: v.name }, lang: { value: v.lang }, localService: { value: v.local }, default: { value: false }, voiceURI: { value: v.name },
      }));
      window.__spoken = [];
      window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
      const synth = { speaking: false, pending: false, getVoices: () => made, cancel() {}, speak(u) { window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name }); } };
      Object.defineProperty(window, "speechSynthesis", { get: () => synth, configurable: true });
    };
    const english = officerStatements(C.en).map((i) => i.text).join(" ");
    const cases = [
      { voices: [{ name: "remote en", lang: "en-US", local: false }, { name: "local en", lang: "en-GB", local: true }, { name: "es", lang: "es-MX", local: true }], spoken: "local en" },
      { voices: [{ name: "remote en", lang: "en-US", local: false }, { name: "es", lang: "es-MX", local: true }], problem: L[lang].card_no_voice },
    ];
    for (const c of cases) {
      const p = await browser.context.newPage();
      await p.addInitScript(fakeSpeech, c.voices);
      await harnessUseLanguage(p, lang);
      await p.goto(BASE + "/card");
      await screen(p, "card");
      await p.locator("[data-testid=officer-english] li").first().waitFor();
      assert.equal(norm(await p.locator("[data-testid=read-aloud]").innerText()), norm(L[lang].card_read_aloud));
      await p.click("[data-testid=read-aloud]");
      if (c.spoken) {
        await p.waitForFunction(() => window.__spoken.length > 0, null, { timeout: 5000 });
        assert.deepEqual(await p.evaluate(() => window.__spoken), [{ text: english, lang: "en-US", voice: c.spoken }]);
        assert.equal(await p.locator("[data-testid=speech-problem]").count(), 0);
      } else {
        const problem = p.locator("[data-testid=speech-problem]");
        await problem.waitFor({ timeout: 5000 });
        assert.equal(norm(await problem.innerText()), norm(c.problem));
        assert.equal(await problem.getAttribute("role"), "alert");
        assert.deepEqual(await p.evaluate(() => window.__spoken), []);
        await shot(p, `content-read-aloud-${lang}`);
      }
      await p.close();
    }
  });
}

test("es: Spanish screens show no English body text except the officer statement", async () => {
  const { page: p } = browser;
  await useLanguage("es");
  const en = C.en;
  const itemTexts = (sections) => sections.flatMap((s) => s.items.flatMap((i) => [i.text, i.changed?.note ?? ""]));
  const english = new Set([
    ...en.pages.flatMap((pg) => [pg.title, pg.summary, ...pg.sections.map((s) => s.title ?? ""), ...itemTexts(pg.sections)]),
    ...en.warrant_checker.outcomes.flatMap((o) => [o.title, ...itemTexts(o.sections)]),
    ...en.warrant_checker.questions.flatMap((q) => [q.text, q.hint ?? ""]),
  ].map(norm).filter((t) => t.length > 25));
  assert.ok(english.size > 100);
  const es = C.es;
  const screens = [["/card", "card", L.es.card_title], ["/rights", "rights", L.es.rights_title]];
  for (const pg of es.pages.filter((pg) => LINKED_KINDS.includes(pg.kind))) screens.push([`/rights/${pg.id}`, "rights-page", pg.title]);
  screens.push(["/rights/warrant", "warrant", L.es.warrant_title]);
  for (const [o, path] of outcomePaths(es.warrant_checker)) {
    screens.push([`/rights/warrant?path=${path.map((s) => s.choice).join(".")}`, "warrant", L.es.warrant_title, o]);
  }
  const found = [];
  for (const [path, id, h1, outcome] of screens) {
    await openPage(path, id, h1);
    if (outcome) await p.locator(`[data-testid="outcome-${outcome}"]`).waitFor();
    if (id === "warrant" && !outcome) await p.locator(`[data-testid="question-${es.warrant_checker.start}"]`).waitFor();
    if (id === "card") await p.locator("[data-testid^=officer-own-]").first().waitFor();
    if (id === "rights") await p.locator("[data-testid=rights-scenarios] li").first().waitFor();
    const text = norm(await p.evaluate(() => {
      const main = document.querySelector("main").cloneNode(true);
      main.querySelectorAll('[lang="en"], details.sources').forEach((e) => e.remove());
      return main.textContent;
    }));
    assert.ok(text.length > 100, `${path} has Spanish text`);
    for (const t of english) if (text.includes(t)) found.push(`${path}: "${t}"`);
  }
  // The officer card does show the English statements, marked lang="en".
  await openPage("/card", "card", L.es.card_title);
  const enOnCard = norm(await p.locator('main [lang="en"]').first().innerText());
  assert.ok(officerStatements(en).every((i) => enOnCard.includes(norm(i.text))));
  assert.deepEqual(found, []);
});

test("no request left the app's own origin", () => {
  assert.deepEqual(browser.foreign, []);
});
