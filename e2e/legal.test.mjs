// Issue 9 in a real browser, offline (the server is stopped before the first test): a paper
// from an immigration court or judge ends at the administrative outcome, never at "judicial
// warrant"; "What changed" lists the content's dated changes newest first, in English and
// Arabic, each linked to its guide; screens say how long ago they were checked.
// Every expected value comes from content/<lang>.json and locales/<lang>.json.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, axe, content, fill, launchOffline, locale, norm, screen, shot, useLanguage } from "./harness.mjs";

const LANGS = ["en", "ar"];
const L = { en: locale("en"), ar: locale("ar") };
const C = { en: content("en"), ar: content("ar") };

/** Every `changed` note of a content file, with the href the app links it to. */
function changes(c) {
  const out = [];
  for (const p of c.pages.filter((p) => p.kind !== "officer")) {
    const href = p.kind === "preparedness" ? "/plan" : `/rights/${p.id}`;
    for (const i of p.sections.flatMap((s) => s.items)) if (i.changed) out.push({ on: i.changed.on, id: i.id, href: `${href}#${i.id}`, note: i.changed.note });
  }
  for (const i of c.warrant_checker.outcomes.flatMap((o) => o.sections.flatMap((s) => s.items))) {
    if (i.changed) out.push({ on: i.changed.on, id: i.id, href: "/rights/warrant", note: i.changed.note });
  }
  return out.sort((a, b) => (a.on === b.on ? a.id.localeCompare(b.id) : b.on.localeCompare(a.on)));
}

let browser;
before(async () => {
  browser = await launchOffline();
});
after(async () => {
  await browser?.close();
});

for (const lang of LANGS) {
  test(`${lang}: an immigration court paper ends at the administrative outcome, offline`, async () => {
    const { page: p } = browser;
    await useLanguage(p, lang);
    const wc = C[lang].warrant_checker;
    const eoir = wc.outcomes.find((o) => o.id === "o-eoir");
    assert.ok(eoir, "content has o-eoir");
    for (const path of [["c-top-eoir"], ["c-top-court", "c-signed-ij"]]) {
      await p.goto(BASE + "/rights/warrant");
      await screen(p, "warrant");
      for (const choice of path) await p.tap(`[data-testid=choice-${choice}]`);
      const outcome = p.locator("[data-testid=outcome-o-eoir]");
      await outcome.waitFor();
      assert.equal(norm(await outcome.locator("h2").innerText()), norm(eoir.title), `${path.join(" > ")} title`);
      assert.equal(await p.locator("[data-testid=outcome-o-judicial]").count(), 0);
      const forced = eoir.sections.flatMap((s) => s.items).find((i) => i.id === "o-eoir-do-forced");
      assert.ok((await p.locator("main").innerText()).includes(forced.text.split(" ")[0]), "the 'if they come in anyway' line is shown");
      assert.equal(await p.locator("#o-eoir-do-forced").count(), 1);
    }
    await shot(p, `legal-warrant-eoir-${lang}`);
    // The first question lists Border Patrol first and the immigration court choice.
    await p.goto(BASE + "/rights/warrant");
    await screen(p, "warrant");
    const ids = await p.locator("[data-testid^=choice-]").evaluateAll((els) => els.map((e) => e.dataset.testid));
    assert.deepEqual(ids, wc.questions.find((q) => q.id === wc.start).choices.map((c) => `choice-${c.id}`));
    assert.equal(ids[0], "choice-c-top-cbp");
    await shot(p, `legal-warrant-top-${lang}`);
    assert.deepEqual(await axe(p), []);
  });

  test(`${lang}: What changed lists every dated change newest first, linked to its guide, offline`, async () => {
    const { page: p } = browser;
    await useLanguage(p, lang);
    await p.goto(BASE + "/");
    await screen(p, "home");
    await p.tap("a[href='/changes']");
    await screen(p, "changes");
    assert.equal(norm(await p.locator("main h1").innerText()), L[lang].changes_title);
    const want = changes(C[lang]);
    assert.ok(want.length >= 10, `content carries dated changes (${want.length})`);
    const rows = p.locator("[data-testid=change]");
    await rows.first().waitFor();
    const got = await rows.evaluateAll((els) => els.map((e) => ({ on: e.dataset.on, id: e.dataset.item, href: e.querySelector("a.change-guide")?.getAttribute("href") })));
    assert.deepEqual(got, want.map(({ on, id, href }) => ({ on, id, href })));
    for (let i = 1; i < got.length; i++) assert.ok(got[i - 1].on >= got[i].on, `row ${i} is not newer than row ${i - 1}`);
    assert.ok(norm(await rows.first().innerText()).includes(norm(want[0].note)), "the newest note is first");
    await shot(p, `legal-changes-${lang}`);
    assert.deepEqual(await axe(p), []);
    // The guide link lands on the guide that carries the change.
    await rows.first().locator("a.change-guide").tap();
    await p.waitForURL((u) => u.pathname === want[0].href.split("#")[0]);
    await p.locator(`#${want[0].id}`).waitFor();
    // ... scrolled to the changed statement (the guide's file arrives after the navigation).
    await p.waitForFunction((id) => { const r = document.getElementById(id).getBoundingClientRect(); return r.top > -2 && r.top < innerHeight / 2; }, want[0].id, { timeout: 5000 });
  });

  test(`${lang}: a guide says how long ago it was checked`, async () => {
    const { page: p } = browser;
    await useLanguage(p, lang);
    await p.goto(BASE + "/rights/after-arrest");
    await p.locator("[data-testid=checked-ago]").waitFor();
    const text = norm(await p.locator("[data-testid=checked-ago]").innerText());
    const oldest = C[lang].pages.find((x) => x.id === "after-arrest").sections.flatMap((s) => s.items).map((i) => i.reviewed).sort()[0];
    const days = Math.floor((Date.now() - Date.parse(`${oldest}T00:00:00Z`)) / 86400000);
    // The model's rule: days under a whole month, months under a year, then years.
    const [y1, m1, d1] = oldest.split("-").map(Number);
    const now = new Date();
    const months = (now.getUTCFullYear() - y1) * 12 + (now.getUTCMonth() + 1 - m1) - (now.getUTCDate() < d1 ? 1 : 0);
    const [value, unit] = months < 1 ? [days, "day"] : months < 12 ? [months, "month"] : [Math.floor(months / 12), "year"];
    const ago = await p.evaluate(([tag, value, unit]) => new Intl.RelativeTimeFormat(tag, { numeric: "auto" }).format(-value, unit), [lang, value, unit]);
    assert.equal(text, norm(fill(L[lang].checked_ago, { ago })));
    assert.equal(await p.locator("[data-testid=checked-old]").count(), days > 365 ? 1 : 0);
  });
}

test("About links to What changed", async () => {
  const { page: p } = browser;
  await useLanguage(p, "en");
  await p.goto(BASE + "/about");
  await screen(p, "about");
  await p.tap("a[href='/changes']");
  await screen(p, "changes");
});
