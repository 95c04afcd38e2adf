// Hotlines by state (/plan/hotlines) and the app's QR code (/plan/cards): offline, at phone
// size, in English and Arabic (right to left). The expected lines come from
// data/sources/hotlines.csv, the national ones from the help page of the content.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { BASE, axe, locale, localDate, norm, rawContent, screen, shot, useLanguage, launchOffline } from "./harness.mjs";

const storageDump = (page) => page.evaluate(() => JSON.stringify(Object.fromEntries(Object.entries(localStorage))));
const [head, ...rows] = readFileSync("data/sources/hotlines.csv", "utf8").trim().split("\n").map((r) => r.split(","));
const lines = rows.map((r) => Object.fromEntries(head.map((k, i) => [k, r[i]])));
const states = JSON.parse(readFileSync("public/data/hotlines.json", "utf8")).states;
const digits = (s) => s.replace(/\D/g, "");

let browser;
after(async () => { await browser?.close(); });

/** The app installed, then offline (longer waits for the precache, for loaded machines). */
const installedOffline = () => launchOffline(undefined, { homeTimeout: 60000, readyTimeout: 180000 });

test("the data file lists the 50 states and DC, and every line's state", () => {
  assert.equal(states.length, 51);
  assert.ok(lines.length >= 1);
  for (const l of lines) assert.ok(states.some((s) => s.abbr === l.state), l.state);
});

for (const tag of ["en", "ar"]) {
  const t = locale(tag);
  const help = rawContent(tag).pages.flatMap((p) => p.sections).flatMap((s) => s.items);
  const national = ["help-eoir", "help-dril"].map((id) => help.find((i) => i.id === id).text.match(/\[\[tel:([^\]]+)\]\]/)[1]);

  test(`${tag}: hotlines by state — confirmed line with its source, else the national lines; nothing stored`, async () => {
    browser ??= await installedOffline();
    const { page } = browser;
    await useLanguage(page, tag);
    await page.goto(BASE + "/plan");
    await screen(page, "plan");
    await page.click("[data-testid=link-hotlines]");
    await screen(page, "plan-hotlines");
    assert.equal(await page.textContent(".plan-hotlines h1"), t.hotlines_title);
    const select = page.locator("[data-testid=hotlines-state]");
    await select.waitFor();
    assert.equal(await select.inputValue(), "", "no state preselected");
    assert.equal(await select.locator("option").count(), 52);
    const before = await storageDump(page);

    // Every state with confirmed lines: each line's number as a tel: link, isolated left to
    // right, its organisation's English name isolated too, with the organisation's page and
    // the date it was read.
    const line = page.locator("[data-testid=hotline]");
    const withLines = [...new Set(lines.map((l) => l.state))];
    assert.ok(withLines.length >= 2, "more than one state has a confirmed line");
    for (const abbr of withLines) {
      const here = lines.filter((l) => l.state === abbr);
      await select.selectOption(abbr);
      await page.waitForFunction((org) => document.querySelector("[data-testid=hotline-organisation]")?.textContent === org, here[0].organisation);
      assert.equal(await line.count(), here.length, abbr);
      for (const [i, l] of here.entries()) {
        const item = line.nth(i);
        const org = item.locator("[data-testid=hotline-organisation]");
        assert.equal(await org.textContent(), l.organisation);
        assert.equal(await org.getAttribute("dir"), "ltr");
        assert.equal(await org.getAttribute("lang"), "en");
        const tel = item.locator("a[href^='tel:']");
        assert.equal(digits(await tel.getAttribute("href")), digits(l.phone));
        assert.equal(await tel.getAttribute("dir"), "ltr");
        assert.equal(await tel.textContent(), l.phone);
        const source = item.locator("[data-testid=hotline-source] a");
        assert.equal(await source.getAttribute("href"), l.url);
        const when = norm(await item.locator("[data-testid=hotline-source]").textContent());
        assert.ok(when.includes(norm(await localDate(page, tag, l.checked))), `${abbr}: ${when}`);
      }
      assert.equal(await page.locator("[data-testid=hotlines-none]").count(), 0);
      for (const v of await axe(page)) assert.fail(`axe on /plan/hotlines ${abbr} (${tag}): ${v}`);
      await shot(page, `plan-hotlines-${abbr.toLowerCase()}-${tag}`);
    }

    // A state with none: said plainly; the national lines are there.
    const without = states.find((s) => !lines.some((l) => l.state === s.abbr));
    await select.selectOption(without.abbr);
    await page.locator("[data-testid=hotlines-none]").waitFor();
    assert.equal(await page.textContent("[data-testid=hotlines-none]"), t.hotlines_none);
    assert.equal(await line.count(), 0);
    const nat = page.locator("[data-testid=national-line] a[href^='tel:']");
    assert.deepEqual((await nat.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).map(digits), national.map(digits));
    for (const v of await axe(page)) assert.fail(`axe on /plan/hotlines ${without.abbr} (${tag}): ${v}`);
    await shot(page, `plan-hotlines-none-${tag}`);

    await page.waitForTimeout(400);
    assert.equal(await storageDump(page), before, "picking a state writes nothing");
  });

  test(`${tag}: the app's QR code on /plan/cards`, async () => {
    browser ??= await installedOffline();
    const { page } = browser;
    await useLanguage(page, tag);
    await page.goto(BASE + "/plan/cards");
    await screen(page, "plan-cards");
    const svg = page.locator("[data-testid=app-qr] svg");
    await svg.waitFor();
    assert.equal(await svg.getAttribute("aria-label"), t.share_qr);
    const [, , side] = (await svg.getAttribute("viewBox")).split(" ").map(Number);
    const width = side - 8;
    assert.ok(width >= 21 && (width - 21) % 4 === 0, `QR side ${width}`);
    const d = await svg.locator("path").getAttribute("d");
    assert.equal(await svg.locator("path").count(), 1);
    // Count the dark modules the path draws; a QR code has its three finder patterns (3 x 33).
    const dark = [...d.matchAll(/M\d+ \d+h(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
    assert.ok(dark > 99 && dark < width * width, `dark modules ${dark}`);
    const box = await svg.boundingBox();
    assert.ok(box.width >= 150, `QR drawn ${box.width}px wide`);
    await page.locator("[data-testid=share-app]").waitFor();
    for (const v of await axe(page)) assert.fail(`axe on /plan/cards (${tag}): ${v}`);
    await page.locator(".share-qr").scrollIntoViewIfNeeded();
    await shot(page, `plan-cards-qr-${tag}`);
  });
}
