// "My plan" keeps what the person typed and saved: through an immediate reload, two tabs,
// a full storage, a damaged stored plan, unknown fields, and a long name.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, locale, screen, shot, startServer } from "./harness.mjs";

const en = locale("en");
const PLAN = "pocket-rights.plan";
const stored = (page, key = PLAN) => page.evaluate((k) => localStorage.getItem(k), key);
const appKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pocket-rights.")).sort());

/** Make every localStorage write fail as a full storage does. */
const STORAGE_FULL = () => {
  Storage.prototype.setItem = function () {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  };
};

async function addContact(page, name, phone) {
  await page.getByLabel(en.plan_name, { exact: true }).fill(name);
  await page.getByLabel(en.plan_phone, { exact: true }).fill(phone);
  await page.click("[data-testid=contact-form] button[type=submit]");
}

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test("notes typed and reloaded at once are kept", async () => {
  const b = await launch();
  try {
    await b.page.goto(BASE + "/plan");
    await screen(b.page, "plan");
    await b.page.fill("[data-testid=plan-notes]", "Passports in the blue folder");
    // No pause, no change event: the reload comes straight after the typing.
    await b.page.reload();
    await screen(b.page, "plan");
    assert.equal(await b.page.inputValue("[data-testid=plan-notes]"), "Passports in the blue folder");
    assert.equal(JSON.parse(await stored(b.page)).notes, "Passports in the blue folder");
  } finally {
    await b.close();
  }
});

test("two tabs on /plan both keep their contact", async () => {
  const b = await launch();
  try {
    const a = b.page;
    await a.goto(BASE + "/plan");
    await screen(a, "plan");
    const tab2 = await b.context.newPage();
    await tab2.goto(BASE + "/plan");
    await screen(tab2, "plan");
    // Both tabs loaded an empty plan; each adds one person.
    await addContact(a, "Ana", "+1 555 010 0100");
    await a.locator("[data-testid=contact]").first().waitFor();
    await addContact(tab2, "Luis", "+1 555 010 0199");
    await tab2.locator("[data-testid=contact]").nth(1).waitFor();
    const names = JSON.parse(await stored(a)).contacts.map((c) => c.name);
    assert.deepEqual(names, ["Ana", "Luis"]);
    // The first tab takes in the second tab's contact without a reload.
    await a.locator("[data-testid=contact]").nth(1).waitFor({ timeout: 5000 });
    assert.deepEqual(await a.locator(".contact-name").allInnerTexts(), ["Ana", "Luis"]);
    // Removing in one tab removes exactly that contact in the other.
    await tab2.click(`[aria-label="${en.plan_remove.replace("{{ name }}", "Ana")}"]`);
    await a.waitForFunction(() => document.querySelectorAll("[data-testid=contact]").length === 1);
    assert.deepEqual(await a.locator(".contact-name").allInnerTexts(), ["Luis"]);
  } finally {
    await b.close();
  }
});

test("a damaged plan too big to keep aside: said truthfully, never overwritten, exportable", async () => {
  const b = await launch();
  try {
    const { page } = b;
    const damaged = '{"version":1,"contacts":[{"name":"Ana","phone":"555 0100"}],"notes":"' + "x".repeat(2000);
    await page.goto(BASE + "/plan");
    await screen(page, "plan");
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PLAN, damaged]);
    await b.context.addInitScript(STORAGE_FULL);
    await page.reload();
    await screen(page, "plan");
    assert.equal(await page.locator("[data-testid=plan-damaged-in-place]").innerText(), en.plan_damaged_in_place);
    assert.equal(await stored(page, PLAN + ".unreadable"), null);
    // Adding a contact shows it, says it was not saved, and leaves the damaged value alone.
    await addContact(page, "Luis", "+1 555 010 0199");
    await page.locator("[data-testid=contact]").waitFor();
    assert.equal(await page.locator("[data-testid=plan-saved]").innerText(), en.plan_not_saved);
    await page.fill("[data-testid=plan-notes]", "typed while full");
    await page.waitForTimeout(700);
    assert.equal(await stored(page), damaged);
    await shot(page, "plan-damaged-full");
    // The person can take the damaged text with them.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export-damaged]")]);
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    assert.equal(Buffer.concat(chunks).toString("utf8"), damaged);
  } finally {
    await b.close();
  }
});

test("storage full with a healthy plan: the plan stays, the screen says it was not saved", async () => {
  const b = await launch();
  try {
    const { page } = b;
    await page.goto(BASE + "/plan");
    await screen(page, "plan");
    await addContact(page, "Ana", "+1 555 010 0100");
    await page.locator("[data-testid=contact]").waitFor();
    const before = await stored(page);
    await b.context.addInitScript(STORAGE_FULL);
    await page.reload();
    await screen(page, "plan");
    await addContact(page, "Luis", "+1 555 010 0199");
    await page.locator("[data-testid=contact]").nth(1).waitFor();
    assert.equal(await page.locator("[data-testid=plan-saved]").innerText(), en.plan_not_saved);
    assert.equal(await stored(page), before);
  } finally {
    await b.close();
  }
});

test("a damaged plan is kept aside once, not again on every start", async () => {
  const b = await launch();
  try {
    const { page } = b;
    await page.goto(BASE + "/plan");
    await screen(page, "plan");
    await page.evaluate((k) => localStorage.setItem(k, '{"version":1,"contacts":[{"name":"Ana"'), PLAN);
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await screen(page, "plan");
      assert.equal(await page.locator("[data-testid=plan-problem]").innerText(), en.plan_storage_broken);
    }
    assert.deepEqual((await appKeys(page)).filter((k) => k.startsWith(PLAN)), [PLAN, PLAN + ".unreadable"]);
  } finally {
    await b.close();
  }
});

test("fields written by a newer version survive a rewrite", async () => {
  const b = await launch();
  try {
    const { page } = b;
    await page.goto(BASE + "/plan");
    await screen(page, "plan");
    await page.evaluate((k) => localStorage.setItem(k, JSON.stringify({
      version: 1, contacts: [{ id: "a", name: "Ana", phone: "555 0100", role: "", alert: true, photo: "p1" }],
      notes: "", done: [], later: { kept: [1, 2] },
    })), PLAN);
    await page.reload();
    await screen(page, "plan");
    await addContact(page, "Luis", "+1 555 010 0199");
    await page.locator("[data-testid=contact]").nth(1).waitFor();
    const saved = JSON.parse(await stored(page));
    assert.deepEqual(saved.later, { kept: [1, 2] });
    assert.equal(saved.contacts[0].photo, "p1");
    assert.equal(saved.contacts[1].name, "Luis");
  } finally {
    await b.close();
  }
});

test("a failed settings write is shown to the person", async () => {
  const b = await launch();
  try {
    const { page } = b;
    await b.context.addInitScript(STORAGE_FULL);
    await page.goto(BASE + "/language");
    await screen(page, "language");
    await page.click("[data-testid=lang-es]");
    await page.waitForFunction(() => document.documentElement.lang === "es");
    assert.equal((await page.locator("[data-testid=settings-problem]").innerText()).startsWith(locale("es").settings_not_saved), true);
  } finally {
    await b.close();
  }
});

test("a long name with no spaces does not widen /plan", async () => {
  const b = await launch();
  try {
    const { page } = b;
    await page.goto(BASE + "/plan");
    await screen(page, "plan");
    await addContact(page, "W".repeat(300), "+1 555 010 0100");
    await page.locator("[data-testid=contact]").waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width}px wide`);
    const nav = await page.locator("nav.bottom-nav").boundingBox();
    assert.ok(nav && nav.x >= 0 && nav.x + nav.width <= 390, "bottom bar stays on screen");
    await shot(page, "plan-long-name");
  } finally {
    await b.close();
  }
});
