// Every My plan screen at phone size (390×844), offline, in English, Spanish and Arabic (right
// to left), with a plan already filled in: nothing wider than the screen, every control a
// finger can hit (48 px in the style; 44 px, WCAG 2.5.5, is the floor checked here), axe
// clean, and screenshots of each (first screen and full page) in e2e/out/screens/ to look at.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { BASE, PHONE, SHOTS, axe, screen, useLanguage, launchOffline } from "./harness.mjs";

const DIR = `${SHOTS}/screens`;
mkdirSync(DIR, { recursive: true });
const MIN_TAP = 44;

/** A plan as a person might have filled it in (long names and numbers included). */
const plan = (tag) => {
  const [a, b] = tag === "ar" ? ["مريم عبد الرحمن", "يوسف"] : tag === "es" ? ["Ana María Rodríguez Hernández", "Luis"] : ["Ana Maria Rodriguez-Hernandez", "Luis"];
  return {
    version: 1,
    contacts: [
      { id: "c1", name: a, phone: "+1 (555) 010-0100", role: tag === "ar" ? "أختي" : "sister", alert: true },
      { id: "c2", name: b, phone: "555.010.0199", role: "", alert: true },
    ],
    notes: tag === "ar" ? "المفتاح عند الجارة، الرقم 555-010-0111" : "Spare key with the neighbour, 555-010-0111",
    done: ["plan-contacts-memorize"],
    records: [{
      id: "r1", when: "2026-11-29T08:15", place: "Main St & 5th", agency: "ice", officers: "Badge 1234",
      plates: "TX ABC1234", what: "Asked for papers.", warrant: "administrative", witnesses: "Neighbour, 555-010-0122",
    }],
    family: {
      pickup: "Rosa, +1 555 010 0177", documents: "Blue folder, top shelf", a_numbers: "A-123-456-789",
      lawyer: "J. Smith", lawyer_phone: "+1 555 010 0150", g28_signed: true, health: "Insulin, Dr. Lee",
      presence_proof: "Leases 2019–2024",
    },
  };
};

/** What each screen needs before it is looked at. */
const SCREENS = [
  ["plan", "/plan"],
  ["plan-alert", "/plan/alert", async (page) => {
    await page.click("[data-testid=alert-locate]");
    await page.locator("[data-testid=alert-preview]").waitFor();
  }],
  ["plan-record", "/plan/record", async (page) => {
    const pick = page.locator(".record-pick").first();
    if (await pick.count()) await pick.click();
  }],
  ["plan-family", "/plan/family", async (page) => {
    await page.locator("[data-testid=family-guide-pickup] p").first().waitFor();
  }],
  ["plan-hotlines", "/plan/hotlines", async (page) => {
    await page.selectOption("[data-testid=hotlines-state]", "FL");
    await page.locator("[data-testid=hotline]").first().waitFor();
  }],
  ["plan-cards", "/plan/cards", async (page) => {
    await page.locator("[data-testid=app-qr] svg").waitFor();
  }],
  ["plan-erase", "/plan/erase"],
];

let browser;
after(async () => { await browser?.close(); });

for (const tag of ["en", "es", "ar"]) {
  test(`${tag}: every My plan screen fits a phone, with controls a finger can hit`, async () => {
    browser ??= await launchOffline(undefined, { homeTimeout: 60000, readyTimeout: 180000 });
    const { page, context } = browser;
    await context.grantPermissions(["geolocation"], { origin: BASE });
    await context.setGeolocation({ latitude: 29.760427, longitude: -95.369804 });
    await useLanguage(page, tag);
    await page.evaluate((p) => localStorage.setItem("pocket-rights.plan", JSON.stringify(p)), plan(tag));
    for (const [id, path, prepare] of SCREENS) {
      await page.goto(BASE + path);
      await screen(page, id);
      if (prepare) await prepare(page);
      await page.waitForTimeout(300);

      const [width, wide] = await page.evaluate(() => [document.documentElement.scrollWidth,
        (() => {
          // Elements, and text that runs out of its element, past either edge.
          const out = (r) => r.width && (r.right > innerWidth + 0.5 || r.left < -0.5);
          const found = [...document.querySelectorAll("body *")].filter((el) => out(el.getBoundingClientRect()))
            .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || "").trim().slice(0, 30)}"`);
          const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(n);
            if ([...range.getClientRects()].some(out)) found.push(`text in ${n.parentElement.tagName.toLowerCase()}.${n.parentElement.className} "${n.textContent.trim().slice(0, 30)}"`);
          }
          return found.slice(0, 6);
        })()]);
      assert.ok(width <= PHONE.width, `${path} (${tag}) is ${width}px wide: ${wide.join("; ")}`);
      const small = await page.evaluate((min) => {
        const seen = [];
        const controls = document.querySelectorAll(
          "main button, main select, main input:not([type=checkbox]):not([type=radio]), main textarea, main summary, main .link-row, main .button, main .alert-button, main label.check");
        for (const el of controls) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
          if (r.height < min || r.width < min) seen.push(`${el.tagName.toLowerCase()}.${el.className || ""} "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
        }
        return seen;
      }, MIN_TAP);
      assert.deepEqual(small, [], `${path} (${tag}): controls under ${MIN_TAP}px`);
      for (const v of await axe(page)) assert.fail(`axe on ${path} (${tag}): ${v}`);
      // What a person sees first, then the whole screen (the fixed bottom bar drawn at the end
      // instead of over the middle of a full-page capture).
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: `${DIR}/${id}-${tag}.png` });
      const unpin = await page.addStyleTag({ content: ".bottom-nav { position: static !important; }" });
      await page.screenshot({ path: `${DIR}/${id}-${tag}-full.png`, fullPage: true });
      await unpin.evaluate((el) => el.remove());
    }
  });
}
