// Inline markup in a real browser, offline, at phone size, in the right-to-left languages:
// every phone number of the help page, the after-arrest path and the detainer guide is a
// tel: link that dials English's number and is laid out left to right (computed direction
// and the on-screen order of its digit groups); the warrant checker's quoted court names keep
// their word order; axe is clean. Expected numbers come from content/en.json.
// SHOT_TAG names the screenshots (run against another build with E2E_DIST=… SHOT_TAG=before).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, axe, launchOffline, rawContent, screen, shot, useLanguage } from "./harness.mjs";

const RTL = ["ar", "fa", "ps"];
const PAGES = ["help", "after-arrest", "detainers"];
const TAG = process.env.SHOT_TAG || "after";
const EN = rawContent("en");

/** The number a [[tel:…]] dials (model/src/inline.rs `dial`). */
function dial(written) {
  const d = written.replace(/\D/g, "");
  return written.startsWith("+") ? `+${d}` : d.length === 10 ? `+1${d}` : d.length === 11 && d.startsWith("1") ? `+${d}` : d;
}
/** Per item id of a page, the tel: hrefs its English text dials, in order. */
function englishNumbers(pageId) {
  const page = EN.pages.find((p) => p.id === pageId);
  assert.ok(page, `content/en.json has page ${pageId}`);
  const out = new Map();
  for (const item of page.sections.flatMap((s) => s.items)) {
    const tels = [...item.text.matchAll(/\[\[tel:([^\]]+)\]\]/g)].map((m) => `tel:${dial(m[1])}`);
    if (tels.length) out.set(item.id, tels);
  }
  return out;
}

/** Inside the page: each tel link of the content sections with its href, text, computed
 *  direction, its isolating parent, and the left edges of its digit groups on screen. */
function telLinks(page) {
  return page.evaluate(() => [...document.querySelectorAll("main section.section a[href^='tel:']")].map((a) => {
    const node = a.firstChild;
    const text = a.textContent;
    const lefts = [];
    for (const m of text.matchAll(/\d+/g)) {
      const r = document.createRange();
      r.setStart(node, m.index);
      r.setEnd(node, m.index + m[0].length);
      lefts.push(r.getBoundingClientRect().left);
    }
    return {
      item: a.closest("li.item")?.id,
      href: a.getAttribute("href"),
      text,
      direction: getComputedStyle(a).direction,
      isolate: getComputedStyle(a.parentElement).unicodeBidi,
      lefts,
    };
  }));
}

let browser;
before(async () => {
  browser = await launchOffline();
});
after(async () => {
  await browser?.close();
});

for (const lang of RTL) {
  test(`${lang}: every phone number is a left-to-right tel: link dialling English's number`, async () => {
    const { page } = browser;
    await useLanguage(page, lang);
    let total = 0;
    for (const id of PAGES) {
      await page.goto(`${BASE}/rights/${id}`);
      await screen(page, "rights-page");
      // The static first screen (boot block, drawn in this language too) goes once the app's
      // page has its file; until then "main section" would also find the static copy.
      await page.locator("#boot").waitFor({ state: "detached" });
      await page.locator("main section.section").first().waitFor();
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("main")).direction), "rtl", `${lang} ${id} is right-to-left`);
      if (id === "help") {
        await page.locator("#help-eoir").scrollIntoViewIfNeeded();
        await shot(page, `markup-${TAG}-${lang}-help`);
      }
      const expected = englishNumbers(id);
      const links = await telLinks(page);
      const found = new Map();
      for (const l of links) found.set(l.item, [...(found.get(l.item) ?? []), l.href]);
      assert.deepEqual(Object.fromEntries(found), Object.fromEntries(expected), `${lang} /rights/${id}: tel: links per item equal English's numbers`);
      for (const l of links) {
        assert.equal(dial(l.text), l.href.slice(4), `${lang} ${l.item}: the number shown is the number dialled`);
        assert.equal(l.direction, "ltr", `${lang} ${l.item}: computed direction of ${l.text}`);
        assert.equal(l.isolate, "isolate", `${lang} ${l.item}: the number is isolated from the sentence`);
        assert.ok(l.lefts.length >= 3, `${lang} ${l.item}: digit groups of ${l.text}`);
        for (let k = 1; k < l.lefts.length; k++) {
          assert.ok(l.lefts[k] > l.lefts[k - 1], `${lang} ${l.item}: digit group ${k + 1} of ${l.text} is right of group ${k} (${l.lefts.join(", ")})`);
        }
      }
      total += links.length;
      // No number outside a link: take the links' text out of the sections and look again.
      const rest = await page.evaluate(() => [...document.querySelectorAll("main section.section")].map((s) => {
        const c = s.cloneNode(true);
        c.querySelectorAll("a[href^='tel:']").forEach((a) => a.remove());
        return c.textContent;
      }).join(" "));
      assert.doesNotMatch(rest, /\d{1,3}[-. ]\d{3}[-. ]\d{3}[-. ]?\d{4}|\d{3}[-. ]\d{4}/, `${lang} /rights/${id}: a phone number outside a tel: link`);
      assert.deepEqual(await axe(page), [], `${lang} /rights/${id}: axe`);
    }
    assert.ok(total >= 3, `${lang}: the help page and the after-arrest path carry the hotlines (found ${total})`);
  });

  test(`${lang}: the warrant checker's quoted court and agency names keep their word order`, async () => {
    const { page } = browser;
    await useLanguage(page, lang);
    await page.goto(`${BASE}/rights/warrant`);
    await screen(page, "warrant");
    await page.locator("[data-testid=choice-c-top-court]").waitFor();
    await shot(page, `markup-${TAG}-${lang}-warrant`);
    for (const [choice, phrases] of [
      ["c-top-court", ["United States District Court", "Superior Court of …"]],
      ["c-top-dhs", ["Department of Homeland Security", "Immigration and Customs Enforcement"]],
    ]) {
      const button = page.locator(`[data-testid=choice-${choice}]`);
      for (const phrase of phrases) {
        // The left edge on screen of each word of the phrase, found in the button's text.
        const lefts = await button.evaluate((el, phrase) => {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const at = n.data.indexOf(phrase);
            if (at < 0) continue;
            const out = [];
            let from = 0;
            for (const w of phrase.split(" ")) {
              const i = phrase.indexOf(w, from);
              from = i + w.length;
              const r = document.createRange();
              r.setStart(n, at + i);
              r.setEnd(n, at + i + w.length);
              const box = r.getClientRects()[0];
              out.push({ w, left: box.left, top: Math.round(box.top), dir: getComputedStyle(n.parentElement).direction });
            }
            return out;
          }
          return null;
        }, phrase);
        assert.ok(lefts, `${lang} ${choice}: "${phrase}" is shown as one run`);
        for (let k = 1; k < lefts.length; k++) {
          // Left to right on one line, or further down when the phrase wraps.
          const after = lefts[k].top > lefts[k - 1].top || (lefts[k].top === lefts[k - 1].top && lefts[k].left > lefts[k - 1].left);
          assert.ok(after, `${lang} ${choice}: "${lefts[k].w}" comes after "${lefts[k - 1].w}" on screen (${JSON.stringify(lefts)})`);
        }
        assert.equal(lefts[0].dir, "ltr", `${lang} ${choice}: "${phrase}" runs left to right`);
      }
    }
    assert.deepEqual(await axe(page), [], `${lang} warrant checker: axe`);
  });
}

test("English: hotlines are tel: links too", async () => {
  const { page } = browser;
  await useLanguage(page, "en");
  await page.goto(`${BASE}/rights/help`);
  await screen(page, "rights-page");
  await page.waitForFunction(() => document.documentElement.lang === "en" && document.querySelector("main section.section a[href^='tel:']"));
  const links = await telLinks(page);
  assert.deepEqual(links.map((l) => l.href), [...englishNumbers("help").values()].flat());
});
