// The policy map in a real browser, offline: the US map and its layers, choosing a state and a
// county by touch and by keyboard, counts checked against the source CSV, search, "Where am
// I?" with a mocked position, data notes, verification labels, axe-core.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { BASE, axe, launch, locale, localDate, localNumber, offlineReady, screen, shot, startServer, fill, norm, officerStatements, launchOffline, useLanguage as harnessUseLanguage } from "./harness.mjs";

const en = locale("en");
const STATES = JSON.parse(readFileSync("public/data/states.json", "utf8"));
const AGREEMENTS = JSON.parse(readFileSync("public/data/agreements.json", "utf8"));
const COUNTIES = JSON.parse(readFileSync("public/data/counties.json", "utf8")).counties
  .map(([fips, name, state, path]) => ({ fips, name, state, path }));
const MAPPED = STATES.states.filter((s) => s.path);
const stateOf = (abbr) => STATES.states.find((s) => s.abbr === abbr);

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows.filter((r) => r.length > 1 || r[0] !== "");
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ""])));
}
const CSV = parseCsv(readFileSync("data/sources/287g_agreements.csv", "utf8"));
function stateCounts(abbr) {
  const rows = CSV.filter((r) => r.state_abbr === abbr);
  const by = (m) => rows.filter((r) => r.model_code === m).length;
  return { total: rows.length, JEM: by("JEM"), TFM: by("TFM"), WSO: by("WSO") };
}
/** Agency name -> sorted model codes, for the CSV rows of a county. */
function countyAgencies(fips) {
  const out = new Map();
  // ICE spells some names with a curly apostrophe in one row and a straight one in another;
  // the app shows such an agency once.
  for (const r of CSV.filter((r) => r.county_fips === fips)) { const a = r.agency.replace(/[\u2018\u2019]/g, "'"); out.set(a, [...(out.get(a) ?? []), r.model_code].sort()); }
  return out;
}

let browser;
before(async () => {
  assert.ok(CSV.length > 100, "the CSV parsed");
  browser = await launchOffline();
});
after(async () => {
  await browser?.close();
});

/** Open a map route and wait for its data (not "Loading"). */
async function open(path, id, ready) {
  const { page } = browser;
  await page.goto(BASE + path);
  await screen(page, id);
  await page.locator(`[data-testid=screen-${id}] ${ready}`).first().waitFor({ timeout: 20000 });
}

async function assertDataNote(page, where) {
  const notes = page.locator("[data-testid=data-note]");
  assert.ok(await notes.count() >= 1, `${where}: a data note`);
  // The agreements' note comes with the second part of the data (the outlines paint first).
  const want = norm(fill(en.data_as_of, { date: await localDate(page, "en", AGREEMENTS.as_of) }));
  const shown = await page.waitForFunction((want) => [...document.querySelectorAll("[data-testid=data-note]")]
    .some((n) => n.innerText.replace(/[\u2066-\u2069]/g, "").replace(/\s+/g, " ").includes(want)), want, { timeout: 20000 }).then(() => true, () => false);
  assert.ok(shown, `${where}: the agreements' as-of date ${AGREEMENTS.as_of}`);
}

async function assertStateView(page, abbr) {
  const s = stateOf(abbr);
  await screen(page, "map-state");
  await page.locator("[data-testid=state-total]").waitFor();
  assert.equal(norm(await page.locator("[data-testid=screen-map-state] h1").innerText()), s.name);
  assert.equal(new URL(page.url()).pathname, `/map/${abbr}`);
}

test("/map: the US map has one path per mapped state, a legend and the list; the layer changes the fills", async () => {
  const { page } = browser;
  await open("/map", "map", "[data-testid=us-map] path");
  assert.equal(await page.locator("[data-testid=us-map] path").count(), MAPPED.length);
  const drawn = await page.locator("[data-testid=us-map] path").evaluateAll((ps) => ps.map((p) => p.dataset.state).sort());
  assert.deepEqual(drawn, MAPPED.map((s) => s.abbr).sort());
  assert.equal(await page.locator("[data-testid=state-list] li").count(), MAPPED.length);
  const names = await page.locator("[data-testid=state-list] .state-name").allInnerTexts();
  assert.deepEqual(names.map(norm), MAPPED.map((s) => s.name));
  const legend = async () => (await page.locator("[data-testid=legend] li").allInnerTexts()).map(norm);
  assert.deepEqual(await legend(), [en.stance_limits, en.stance_requires, en.stance_mixed, en.stance_none]);
  const fills = () => page.locator("[data-testid=us-map] path").evaluateAll((ps) => Object.fromEntries(ps.map((p) => [p.dataset.state, p.getAttribute("fill")])));
  const law = await fills();
  // State law: the same category, the same colour; different categories, different colours.
  for (const a of MAPPED) for (const b of MAPPED) {
    assert.equal(law[a.abbr] === law[b.abbr], a.layer === b.layer, `law fill ${a.abbr}/${b.abbr}`);
  }
  await shot(page, "map-law");
  await page.click("[data-testid=layer-agreements]");
  await page.waitForURL(/layer=agreements/);
  await page.waitForFunction((before) => document.querySelector("[data-testid=us-map] path[data-state=TX]").getAttribute("fill") !== before, law.TX);
  const agreements = await fills();
  assert.notEqual(agreements.TX, law.TX);
  assert.deepEqual(await legend(), [en.agreements_none, en.agreements_some, en.agreements_many, en.agreements_most]);
  assert.equal(await page.getAttribute("[data-testid=layer-agreements]", "aria-current"), "true");
  // Agreements: states without any share a colour, unlike the states with 50 or more.
  const none = MAPPED.filter((s) => stateCounts(s.abbr).total === 0).map((s) => agreements[s.abbr]);
  const most = MAPPED.filter((s) => stateCounts(s.abbr).total >= 50).map((s) => agreements[s.abbr]);
  assert.ok(none.length > 0 && most.length > 0);
  assert.equal(new Set(none).size, 1);
  assert.equal(new Set(most).size, 1);
  assert.notEqual(none[0], most[0]);
  await shot(page, "map-agreements");
  await page.click("[data-testid=layer-law]");
  await page.waitForFunction((want) => document.querySelector("[data-testid=us-map] path[data-state=TX]").getAttribute("fill") === want, law.TX);
});

test("a state is chosen by touch on the map and by keyboard in the list", async () => {
  const { page } = browser;
  await open("/map", "map", "[data-testid=us-map] path");
  await page.locator("path[data-state=TX]").tap();
  await assertStateView(page, "TX");
  await shot(page, "map-state-TX");

  await open("/map", "map", "[data-testid=state-list] li");
  await page.locator("body").focus();
  let found = false;
  for (let i = 0; i < 120 && !found; i++) {
    await page.keyboard.press("Tab");
    found = await page.evaluate(() => document.activeElement?.dataset?.testid === "state-link-FL");
  }
  assert.ok(found, "Tab reaches the Florida link");
  await page.keyboard.press("Enter");
  await assertStateView(page, "FL");
});

test("the counts of Texas, Florida and a state without agreements match the CSV", async () => {
  const { page } = browser;
  const without = MAPPED.find((s) => stateCounts(s.abbr).total === 0);
  assert.ok(without, "a mapped state without agreements");
  for (const abbr of ["TX", "FL", without.abbr]) {
    const want = stateCounts(abbr);
    await open(`/map/${abbr}`, "map-state", "[data-testid=state-total]");
    assert.equal(norm(await page.locator("[data-testid=state-total]").innerText()), norm(fill(en.state_agreements_total, { count: await localNumber(page, "en", want.total) })), `${abbr} total`);
    for (const m of ["JEM", "TFM", "WSO"]) {
      assert.equal(await page.locator(`[data-testid=count-${m}] .count`).innerText(), String(want[m]), `${abbr} ${m}`);
    }
    const none = await page.getByText(en.state_no_agreements, { exact: true }).count();
    assert.equal(none, want.total === 0 ? 1 : 0, `${abbr}: "no agreements" line`);
  }
  assert.ok(stateCounts("TX").total > 0 && stateCounts("FL").total > 0);
});

/** The Texas county with the most CSV rows whose drawn centre is its own path. */
async function tappableCounty(page, stateFips) {
  const counts = new Map();
  for (const r of CSV) if (r.county_fips.startsWith(stateFips)) counts.set(r.county_fips, (counts.get(r.county_fips) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([f]) => f);
  for (const fips of ranked) {
    const path = page.locator(`[data-testid=state-map] path[data-county="${fips}"]`);
    if (!await path.count()) continue;
    await path.scrollIntoViewIfNeeded();
    const ok = await path.evaluate((p) => {
      const r = p.getBoundingClientRect();
      return r.width >= 8 && r.height >= 8 && document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === p;
    });
    if (ok) return fips;
  }
  throw new Error("no tappable county");
}

async function assertCountyView(page, abbr, fips) {
  const county = COUNTIES.find((c) => c.fips === fips);
  await screen(page, "map-county");
  await page.locator("[data-testid=county-name]").waitFor();
  assert.equal(new URL(page.url()).pathname, `/map/${abbr}/${fips}`);
  assert.equal(norm(await page.locator("[data-testid=county-name]").innerText()), `${county.name}, ${abbr}`);
  const want = countyAgencies(fips);
  const shown = await page.locator("[data-testid=agency]").evaluateAll((els) => els.map((el) => [
    el.querySelector(".agency-name").textContent.trim().replace(/[\u2018\u2019]/g, "'"),
    [...el.querySelectorAll("[data-testid=agreement]")].map((a) => a.dataset.model).sort(),
  ]));
  assert.deepEqual(new Map(shown), want, `${fips}: agencies and their agreements`);
  assert.equal(await page.locator("[data-testid=no-agreements]").count(), want.size === 0 ? 1 : 0);
}

test("a county is chosen by touch on the state map and by keyboard in the county list", async () => {
  const { page } = browser;
  const tx = stateOf("TX");
  await open("/map/TX", "map-state", "[data-testid=state-map] path");
  assert.equal(await page.locator("[data-testid=state-map] path").count(), COUNTIES.filter((c) => c.state === tx.fips && c.path).length);
  const fips = await tappableCounty(page, tx.fips);
  assert.ok(countyAgencies(fips).size > 0);
  await page.locator(`[data-testid=state-map] path[data-county="${fips}"]`).tap();
  await assertCountyView(page, "TX", fips);
  await shot(page, "map-county-touch");

  const fl = stateOf("FL");
  const flCounts = new Map();
  for (const r of CSV) if (r.state_abbr === "FL" && r.county_fips) flCounts.set(r.county_fips, (flCounts.get(r.county_fips) ?? 0) + 1);
  const flFips = [...flCounts].sort((a, b) => b[1] - a[1])[0][0];
  assert.ok(COUNTIES.some((c) => c.fips === flFips && c.state === fl.fips));
  await open("/map/FL", "map-state", "details.county-list");
  const summary = page.locator("details.county-list summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("details.county-list").evaluate((d) => d.open), true, "Enter opens the county list");
  const link = page.locator(`[data-testid=county-link-${flFips}]`);
  await link.focus();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), `county-link-${flFips}`);
  await page.keyboard.press("Enter");
  await assertCountyView(page, "FL", flFips);
  await shot(page, "map-county-keyboard");
});

test("a county lists each agency once (one entry per agency_key of the CSV)", async () => {
  const { page } = browser;
  // Counties where one agency is spelled two ways in the CSV, and the busiest county of TX and FL.
  const names = new Map();
  for (const r of CSV.filter((r) => r.county_fips)) {
    const k = `${r.county_fips}|${r.agency_key}`;
    names.set(k, new Set([...(names.get(k) ?? []), r.agency]));
  }
  const variants = [...names].filter(([, v]) => v.size > 1).map(([k]) => k.split("|")[0]);
  const busiest = ["TX", "FL"].map((st) => {
    const c = new Map();
    for (const r of CSV) if (r.state_abbr === st && r.county_fips) c.set(r.county_fips, (c.get(r.county_fips) ?? 0) + 1);
    return [...c].sort((a, b) => b[1] - a[1])[0][0];
  });
  const problems = [];
  for (const fips of [...new Set([...busiest, ...variants])]) {
    const abbr = CSV.find((r) => r.county_fips === fips).state_abbr;
    const keys = new Set(CSV.filter((r) => r.county_fips === fips).map((r) => r.agency_key));
    await open(`/map/${abbr}/${fips}`, "map-county", "[data-testid=county-name]");
    const shown = (await page.locator("[data-testid=agency] .agency-name").allInnerTexts()).map(norm);
    if (shown.length !== keys.size) problems.push(`/map/${abbr}/${fips}: ${shown.length} agency entries for ${keys.size} agencies (${shown.join(" | ")})`);
  }
  assert.deepEqual(problems, []);
});

test("search finds an agency from the CSV and opens its county", async () => {
  const { page } = browser;
  // An agency in a county of Texas, with a name of at least three words: type all but the last.
  const row = CSV.find((r) => r.state_abbr === "TX" && r.county_fips && r.agency.split(" ").length >= 3);
  const query = row.agency.split(" ").slice(0, -1).join(" ").toLowerCase();
  await open("/map", "map", "[data-testid=map-search]");
  await page.locator("[data-testid=map-search]").fill(query);
  const hit = page.locator("[data-testid=search-hit]").filter({ has: page.locator(".link-title", { hasText: row.agency }) });
  await hit.first().waitFor();
  assert.ok((await page.locator("[data-testid=search-hit] .link-title").allInnerTexts()).map(norm).includes(row.agency), `a hit "${row.agency}" for "${query}"`);
  await shot(page, "map-search");
  await hit.first().click();
  await assertCountyView(page, "TX", row.county_fips);
  const agencies = await page.locator("[data-testid=agency] .agency-name").allInnerTexts();
  assert.ok(agencies.map(norm).includes(row.agency));
});

test("the map overview paints before the search data; a search typed at once loads it and finds the state", async () => {
  const { page } = browser;
  // The counties and agreements load a few seconds after the map is drawn, or at once on use.
  const asked = [];
  const onRequest = (r) => { if (/data\/(counties|agreements)\.json$/.test(new URL(r.url()).pathname)) asked.push(r.url()); };
  page.on("request", onRequest);
  try {
    await page.goto(BASE + "/map");
    await screen(page, "map");
    const input = page.locator("[data-testid=map-search]");
    await input.waitFor();
    await page.locator("[data-testid=us-map] path").first().waitFor();
    assert.deepEqual(asked, [], "the map and its search box are drawn before counties and agreements are asked for");
    assert.equal(await input.getAttribute("data-ready"), null, "the search index is not built before anything asks for it");
    await input.fill("texas");
    await page.locator("[data-testid=search-hit][data-kind=state]").filter({ hasText: "Texas" }).first().waitFor({ timeout: 20000 });
    assert.equal(asked.length, 2, `typing asked for both files: ${asked.join(", ")}`);
    assert.equal(await input.inputValue(), "texas", "what was typed stays when the data comes in");
  } finally {
    page.off("request", onRequest);
  }
});

test("a state's law and counts are drawn before its counties are in; the county map follows", async () => {
  // Online, in a browser of its own without the service worker, so that requests can be held.
  const server = await startServer();
  const own = await launch({ serviceWorkers: "block" });
  try {
    const { page } = own;
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route("**/data/counties.json", async (route) => { await held; await route.continue(); });
    await page.goto(BASE + "/map/TX");
    await screen(page, "map-state");
    await page.locator("[data-testid=stance-summary]").waitFor();
    assert.equal(norm(await page.locator("[data-testid=stance-summary]").innerText()), norm(stateOf("TX").summary));
    await page.locator("[data-testid=state-total]").waitFor();
    await page.locator("[data-testid=state-rest-loading]").waitFor();
    assert.equal(await page.locator("[data-testid=state-map]").count(), 0, "no county map before the counties file is in");
    release();
    await page.locator("[data-testid=state-map] path").first().waitFor({ state: "attached", timeout: 20000 });
    assert.equal(await page.locator("[data-testid=state-rest-loading]").count(), 0);
    assert.equal(await page.locator("[data-testid=state-map] path").count(), COUNTIES.filter((c) => c.state === stateOf("TX").fips && c.path).length);
  } finally {
    await own.close();
    await server.stop();
  }
});

test("every map view shows the data's as-of date; a secondary-only state says it is not verified", async () => {
  const { page } = browser;
  await open("/map", "map", "[data-testid=data-note]");
  await assertDataNote(page, "/map");
  await open("/map/TX", "map-state", "[data-testid=data-note]");
  await assertDataNote(page, "/map/TX");
  const fips = [...new Set(CSV.filter((r) => r.state_abbr === "TX" && r.county_fips).map((r) => r.county_fips))][0];
  await open(`/map/TX/${fips}`, "map-county", "[data-testid=data-note]");
  await assertDataNote(page, `/map/TX/${fips}`);

  const secondary = MAPPED.find((s) => s.verification === "secondary_only");
  assert.ok(secondary, "states.json has a secondary-only state");
  await open(`/map/${secondary.abbr}`, "map-state", "[data-testid=verification]");
  const v = page.locator("[data-testid=verification]");
  assert.equal(norm(await v.innerText()), norm(en.verification_secondary));
  assert.match(await v.getAttribute("class"), /\bnotice\b/);
  await shot(page, `map-state-${secondary.abbr}-secondary`);
  // A verified state does not carry the warning.
  const verified = MAPPED.find((s) => s.verification === "verified");
  await open(`/map/${verified.abbr}`, "map-state", "[data-testid=verification]");
  assert.equal(norm(await page.locator("[data-testid=verification]").innerText()), norm(en.verification_verified));
});

test('"Where am I?" finds Harris County from a mocked position, online and offline, and sends nothing', async () => {
  const harris = COUNTIES.find((c) => c.fips === "48201");
  assert.equal(harris.name, "Harris County");
  assert.equal(harris.state, stateOf("TX").fips);
  // A browser of its own, first online (with a server of its own), then offline.
  let own = await startServer();
  const b = await launch();
  try {
    const { page, context } = b;
    await page.goto(BASE + "/map");
    await screen(page, "map");
    await offlineReady(page);
    await context.grantPermissions(["geolocation"], { origin: BASE });
    await context.setGeolocation({ latitude: 29.76, longitude: -95.37 });
    const where = async () => {
      await page.goto(BASE + "/map");
      await screen(page, "map");
      await page.locator("[data-testid=where-am-i]").click();
      await page.waitForURL((u) => u.pathname === "/map/TX/48201", { timeout: 20000 });
      await assertCountyView(page, "TX", "48201");
    };
    await where();
    await context.setOffline(true);
    await own.stop();
    own = null;
    await where();
    await shot(page, "map-where-am-i");
    assert.deepEqual(b.foreign, []);
  } finally {
    await b.close();
    await own?.stop();
  }
});

test("axe-core finds no violations on /map, a state and a county", async () => {
  const { page } = browser;
  const found = [];
  const fips = [...countyAgencies("48201").keys()].length ? "48201" : CSV.find((r) => r.state_abbr === "TX" && r.county_fips).county_fips;
  for (const [path, id, ready] of [["/map", "map", "[data-testid=state-list] li"], ["/map?layer=agreements", "map", "[data-testid=state-list] li"],
    ["/map/TX", "map-state", "[data-testid=state-total]"], [`/map/TX/${fips}`, "map-county", "[data-testid=county-name]"]]) {
    await open(path, id, ready);
    for (const v of await axe(page)) found.push(`${path}: ${v}`);
  }
  assert.deepEqual(found, []);
});

test("no request left the app's own origin", () => {
  assert.deepEqual(browser.foreign, []);
});
