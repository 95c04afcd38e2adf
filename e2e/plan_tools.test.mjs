// When it happens: the one-tap alert, "add where I am", the record of what happened, and
// erasing everything. Offline, at phone size, in English, Spanish and Arabic (right to left).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { BASE, axe, content, locale, localDate, rawContent, norm, officerStatements, screen, shot, useLanguage, launchOffline } from "./harness.mjs";

const PLAN = "pocket-rights.plan";
const POSITION = { latitude: 29.760427, longitude: -95.369804 };
const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
const storageDump = (page) => page.evaluate(() => JSON.stringify(Object.fromEntries(Object.entries(localStorage))));

const officer = (tag) => officerStatements(content(tag));
const RTL = JSON.parse(readFileSync("tools/languages.json", "utf8")).languages.filter((l) => l.dir === "rtl").map((l) => l.tag);
const [LRI, PDI] = ["\u2066", "\u2069"];
const MAP_LINK = "https://www.openstreetmap.org/?mlat=29.76043&mlon=-95.36980#map=17/29.76043/-95.36980";

/** The family plan's fields and the guide items (content ids) shown with each. */
const GUIDANCE = {
  pickup: ["plan-children-pickup", "plan-children-forms"],
  documents: ["plan-documents-folder"],
  a_numbers: ["plan-documents-anumber"],
  lawyer: ["plan-contacts-lawyer", "plan-contacts-notario"],
  health: ["plan-health-meds"],
  presence_proof: ["plan-documents-proof"],
};

let browser;
after(async () => { await browser?.close(); });

/** The app installed, then offline (longer waits for the precache, for loaded machines). */
const installedOffline = () => launchOffline(undefined, { homeTimeout: 60000, readyTimeout: 180000 });

for (const tag of ["en", "es", "ar"]) {
  const t = locale(tag);

  test(`${tag}: alert, where I am, a record, erase — offline`, async () => {
    browser ??= await installedOffline();
    const { page, context } = browser;
    page.removeAllListeners("dialog");
    page.on("dialog", (d) => d.accept());
    await useLanguage(page, tag);
    assert.equal(await page.getAttribute("html", "dir"), tag === "ar" ? "rtl" : "ltr");

    // Contacts added by their labels.
    await page.goto(BASE + "/plan");
    await screen(page, "plan");
    for (const [name, phone] of [["Ana", "+1 (555) 010-0100"], ["Luis", "555.010.0199"]]) {
      await page.getByLabel(t.plan_name, { exact: true }).fill(name);
      await page.getByLabel(t.plan_phone, { exact: true }).fill(phone);
      await page.getByRole("button", { name: t.plan_add, exact: true }).click();
    }
    await page.locator("[data-testid=contact]").nth(1).waitFor();

    // One sms: link reaching both, with the default message of this language.
    await page.getByRole("link", { name: t.alert_title }).first().click();
    await screen(page, "plan-alert");
    const href = await page.getAttribute("[data-testid=alert-send]", "href");
    assert.equal(href, `sms:+15550100100,5550100199?body=${enc(t.alert_default_message)}`);
    assert.equal(await page.locator("[data-testid=alert-one]").count(), 2);
    for (const v of await axe(page)) assert.fail(`axe on /plan/alert (${tag}): ${v}`);
    await shot(page, `plan-alert-${tag}`);

    // "Add where I am": in this one message, nowhere in storage.
    const storedBefore = await storageDump(page);
    await context.grantPermissions(["geolocation"], { origin: BASE });
    await context.setGeolocation(POSITION);
    await page.click("[data-testid=alert-locate]");
    await page.locator("[data-testid=alert-preview]").waitFor();
    const withPlace = await page.getAttribute("[data-testid=alert-send]", "href");
    const body = decodeURIComponent(withPlace.split("?body=")[1]);
    assert.ok(body.startsWith(t.alert_default_message), body);
    if (RTL.includes(tag)) {
      // Right to left: the coordinates and the link each between LRI and PDI, so the
      // messaging app keeps their order; the link ends (a space) before its PDI.
      assert.ok(body.includes(`\n${t.alert_location_label}: ${LRI}29.76043, -95.36980${PDI}\n`), JSON.stringify(body));
      assert.ok(body.endsWith(`\n${LRI}${MAP_LINK} ${PDI}`), JSON.stringify(body));
      assert.equal(body.split(LRI).length, body.split(PDI).length, "every isolate is closed");
    } else {
      assert.ok(body.includes(`\n${t.alert_location_label}: 29.76043, -95.36980\n${MAP_LINK}`), JSON.stringify(body));
      assert.ok(!/[\u2066-\u2069]/.test(body), "no isolates in a left-to-right message (it stays GSM 7-bit)");
    }
    await page.waitForTimeout(600);
    const storedAfter = await storageDump(page);
    assert.equal(storedAfter, storedBefore);
    assert.ok(!storedAfter.includes("29.76"), "the position is not stored");
    await shot(page, `plan-alert-place-${tag}`);

    // Home carries the one-tap alert with the same recipients.
    await page.goto(BASE + "/");
    await screen(page, "home");
    assert.equal(await page.getAttribute("[data-testid=alert-button]", "href"), href);

    // A record survives a reload and exports the same text.
    await page.goto(BASE + "/plan/record");
    await screen(page, "plan-record");
    await page.click("[data-testid=record-new]");
    assert.match(await page.inputValue("[data-testid=record-when]"), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await page.getByLabel(t.record_place, { exact: true }).fill("Main St & 5th");
    await page.check("[data-testid=record-agency-ice]");
    await page.getByLabel(t.record_what, { exact: true }).fill("Asked for papers.\nDid not show a warrant.");
    await page.check("[data-testid=record-warrant-administrative]");
    await page.getByLabel(t.record_plates, { exact: true }).fill("TX ABC1234");
    await page.reload();
    await screen(page, "plan-record");
    assert.equal(await page.inputValue("[data-testid=record-place]"), "Main St & 5th");
    assert.equal(await page.isChecked("[data-testid=record-agency-ice]"), true);
    assert.equal(await page.isChecked("[data-testid=record-warrant-administrative]"), true);
    const shown = await page.locator("[data-testid=record-text]").textContent();
    assert.ok(shown.startsWith(t.record_title + "\n"), shown);
    assert.ok(shown.includes(`${t.record_place}: Main St & 5th\n`), shown);
    assert.ok(shown.includes(`${t.record_agency}: ${t.agency_ice}\n`), shown);
    assert.ok(shown.includes(`${t.record_what}:\n  Asked for papers.\n  Did not show a warrant.\n`), shown);
    assert.ok(shown.includes(`${t.record_warrant}: ${t.warrant_shown_administrative}\n`), shown);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=record-save]")]);
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    assert.equal(Buffer.concat(chunks).toString("utf8"), shown);
    for (const v of await axe(page)) assert.fail(`axe on /plan/record (${tag}): ${v}`);
    await shot(page, `plan-record-${tag}`);
    // Printed, the record is its text alone.
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator("[data-testid=record-form]").isVisible(), false);
    assert.equal(await page.locator("[data-testid=record-text]").isVisible(), true);
    await page.emulateMedia({ media: "screen" });

    // The family plan: saved as typed, kept over a reload, exported as the text it prints.
    await page.goto(BASE + "/plan/family");
    await screen(page, "plan-family");
    // Beside each group of fields, the guide's own items in this language (markup rendered,
    // so numbers are tel: links), described to the field; the sources and dates at the foot.
    const guide = content(tag).pages.find((p) => p.id === "plan-guide");
    const guideItems = guide.sections.flatMap((s) => s.items);
    const rawGuide = rawContent(tag).pages.find((p) => p.id === "plan-guide").sections.flatMap((s) => s.items);
    const shownIds = Object.values(GUIDANCE).flat();
    for (const [field, ids] of Object.entries(GUIDANCE)) {
      const box = page.locator(`[data-testid=family-guide-${field}]`);
      await box.locator("p").first().waitFor();
      assert.deepEqual(await box.locator("p").evaluateAll((ps) => ps.map((p) => p.dataset.item)), ids, field);
      const texts = (await box.locator("p").allTextContents()).map(norm);
      assert.deepEqual(texts, ids.map((id) => norm(guideItems.find((i) => i.id === id).text)), field);
      const described = await page.getAttribute(`[data-testid=family-${field}]`, "aria-describedby");
      assert.equal(described, await box.getAttribute("id"), `${field} is described by its guidance`);
    }
    assert.equal(await page.locator("[data-testid=family-guide-lawyer_phone]").count(), 0);
    const eoirTel = rawGuide.find((i) => i.id === "plan-documents-anumber").text.match(/\[\[tel:([^\]]+)\]\]/);
    if (eoirTel) assert.equal(await page.locator("[data-testid=family-guide-a_numbers] a[href^='tel:']").count(), 1);
    const wantSources = [...new Set(shownIds.flatMap((id) => rawGuide.find((i) => i.id === id).sources))];
    const footer = page.locator("[data-testid=page-footer]");
    assert.deepEqual(await footer.locator(".sources li").evaluateAll((lis) => lis.map((li) => li.id.replace(/^src-/, ""))), wantSources);
    const newest = shownIds.map((id) => rawGuide.find((i) => i.id === id).reviewed).sort().at(-1);
    assert.ok(norm(await footer.locator("[data-testid=reviewed]").textContent()).includes(norm(await localDate(page, tag, newest))));
    assert.equal(await page.getAttribute("[data-testid=family-guide-link]", "href").then((h) => new URL(h, BASE).pathname), "/rights/plan-guide");
    await page.getByLabel(t.family_pickup, { exact: true }).fill("Rosa, +1 555 010 0177");
    await page.getByLabel(t.family_a_numbers, { exact: true }).fill("A-123-456-789");
    await page.check("[data-testid=family-g28]");
    await page.reload();
    await screen(page, "plan-family");
    assert.equal(await page.inputValue("[data-testid=family-a_numbers]"), "A-123-456-789");
    assert.equal(await page.isChecked("[data-testid=family-g28]"), true);
    const familyText = await page.locator("[data-testid=family-text]").textContent();
    assert.ok(familyText.includes(`${t.family_pickup}: Rosa, +1 555 010 0177\n`), familyText);
    const [famDownload] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=family-save]")]);
    const famChunks = [];
    for await (const c of await famDownload.createReadStream()) famChunks.push(c);
    assert.equal(Buffer.concat(famChunks).toString("utf8"), familyText);
    for (const v of await axe(page)) assert.fail(`axe on /plan/family (${tag}): ${v}`);
    await shot(page, `plan-family-${tag}`);
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator("[data-testid=family-form]").isVisible(), false);
    await page.pdf({ path: `e2e/out/plan-family-${tag}.pdf`, format: "Letter" });
    await page.emulateMedia({ media: "screen" });

    // Cards to print: four fold cards on the first page, the door sign on the second.
    await page.goto(BASE + "/plan/cards");
    await screen(page, "plan-cards");
    await page.locator("[data-testid=print-card]").first().waitFor();
    assert.equal(await page.locator("[data-testid=print-card]").count(), 4);
    const card = page.locator("[data-testid=print-card]").first();
    assert.equal(await card.locator("ul[lang=en] li").first().innerText(), officer("en")[0].text);
    assert.equal(await card.locator(`ul[lang="${tag}"] li`).first().innerText(), officer(tag)[0].text);
    assert.equal(await page.locator("[data-testid=app-address]").innerText(), BASE + "/");
    const share = page.locator("[data-testid=share-app]");
    if (await share.evaluate((el) => el.tagName === "A")) assert.equal(await share.getAttribute("href"), `sms:?body=${enc(BASE + "/")}`);
    for (const v of await axe(page)) assert.fail(`axe on /plan/cards (${tag}): ${v}`);
    await shot(page, `plan-cards-${tag}`);
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator("nav.bottom-nav").isVisible(), false);
    await page.pdf({ path: `e2e/out/plan-cards-${tag}.pdf`, format: "Letter", printBackground: true });
    await page.emulateMedia({ media: "screen" });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [`e2e/out/plan-cards-${tag}.pdf`], { encoding: "utf8" }))[1]);
    assert.equal(pages, 2, `card sheet and door sign, got ${pages} pages`);

    // Erase everything: nothing personal left.
    await page.goto(BASE + "/plan/erase");
    await screen(page, "plan-erase");
    for (const v of await axe(page)) assert.fail(`axe on /plan/erase (${tag}): ${v}`);
    await page.click("[data-testid=erase-now]");
    assert.equal(await page.locator("[data-testid=erase-result]").innerText(), t.erase_done);
    const left = await page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(left.filter((k) => k !== "pocket-rights.settings"), []);
    const dump = await storageDump(page);
    for (const personal of ["Ana", "Luis", "5550100", "Main St", "TX ABC1234", "A-123", "Rosa"]) assert.ok(!dump.includes(personal), `${personal} left in ${dump}`);
    await shot(page, `plan-erase-${tag}`);
    // The alert screen now has no one to send to.
    await page.goto(BASE + "/plan/alert");
    await screen(page, "plan-alert");
    assert.equal(await page.locator("[data-testid=alert-send]").count(), 0);
    assert.ok((await page.locator("[data-testid=alert-no-contacts]").innerText()).startsWith(t.alert_no_contacts));
    await context.clearPermissions();
  });
}

test("erase on request also removes the language choice", async () => {
  const { page } = browser;
  page.removeAllListeners("dialog");
  page.on("dialog", (d) => d.accept());
  await useLanguage(page, "es");
  await page.goto(BASE + "/plan/erase");
  await screen(page, "plan-erase");
  await page.check("[data-testid=erase-settings]");
  await page.click("[data-testid=erase-now]");
  await page.locator("[data-testid=erase-result]").waitFor();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
});

test("no request left the app's own origin", () => {
  assert.deepEqual(browser.foreign, []);
});
