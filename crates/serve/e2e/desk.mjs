// End-to-end test of marsad's web page in real headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core; no browser is ever downloaded).
//
//   node crates/serve/e2e/desk.mjs http://127.0.0.1:PORT/ target/e2e/desk.png
//
// The server must hold the bundled samples (`marsad ingest --samples`). The test loads the page,
// checks that events are drawn, that a document ingested meanwhile by `marsad ingest` appears
// live (when MARSAD_BIN, MARSAD_DB and MARSAD_LIVE_DOC are set), brushes the timeline, clicks the pin of the sample convoy
// incident (told in Arabic, French and English with different tolls) with the mouse, checks the
// event panel (evidence highlighted, every source listed, the disputed toll marked), opens its
// actor 1's profile and comes back, opens a
// source's document (evidence highlighted at its code-point offsets), checks the join reasons
// told in the UI language, switches the UI to Arabic (dir=rtl) and saves a screenshot. Then, on
// the map: rings around the theatre's capital, the supply roads, town labels and a scale bar,
// distance and bearing on the list's events (checked against the API's coordinates), an event
// placed only to a region drawn hollow and the precision filter, undated events counted and
// kept when dates are set ("include undated"), evidence that follows its own direction, the
// export links; the error state (GET /api/points answering 500, injected by this test's
// browser, never by the server) and its retry; the trends view (the server's /api/indicators,
// or, while it has none, the indicators crate's JSON over the stored samples from
// MARSAD_INDICATORS); and the phone layout (390×844) with its tabs, at a tablet width too.
// Screenshots go beside SCREENSHOT_PATH. Any failure exits 1 with a message saying what failed.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { execFileSync } from "node:child_process";

const [url, shotPath] = process.argv.slice(2);
if (!url || !shotPath) {
  console.error("usage: node desk.mjs URL SCREENSHOT_PATH");
  process.exit(2);
}
const CHROMIUM = process.env.MARSAD_CHROMIUM || "/usr/bin/chromium";
const base = url.endsWith("/") ? url : `${url}/`;
const started = Date.now();

class Failure extends Error {}
const expected = { failing: false };
const fail = (msg) => {
  throw new Failure(msg);
};
const check = (cond, msg) => cond || fail(msg);
const log = (msg) => console.error(`desk: ${msg} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

async function api(path) {
  const res = await fetch(new URL(path, base));
  const body = await res.json().catch(() => null);
  check(res.ok, `GET ${path}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body;
}

// The sample incident told in three languages: disputed, three sources in ar, fr and en.
async function findConvoy() {
  const { events } = await api("api/events?limit=500");
  check(Array.isArray(events) && events.length > 0, "GET /api/events returned no events: is the store empty? (run `marsad ingest --samples`)");
  for (const ev of events.filter((e) => e.disputed && e.source_count >= 3 && e.place?.lat != null)) {
    const detail = await api(`api/events/${encodeURIComponent(ev.id)}`);
    const langs = new Set(detail.sources.map((s) => s.lang));
    if (["ar", "fr", "en"].every((l) => langs.has(l)) && detail.disputed_fields.includes("fatalities")) return detail;
  }
  fail("no disputed event with sources in ar, fr and en (the sample convoy incident) among /api/events");
}

// Great-circle distance in km, as the page and the indicators measure it.
function haversineKm(a, b) {
  const r = (d) => (d * Math.PI) / 180;
  const h = Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

// The join reasons of the convoy's later sources, told in English from the stored clauses: no
// raw place id, the place named; outlets named from the knowledge base by id and by domain.
async function checkReasons(page, panel, convoy) {
  const reasons = panel.locator('[data-testid="reason"]');
  check((await reasons.count()) === convoy.sources.length, "a source has no reason line");
  for (let i = 1; i < convoy.sources.length; i++) {
    const stored = convoy.sources[i].reason;
    const text = await reasons.nth(i).textContent();
    check(stored && text.includes("same event type") && !text.includes(convoy.place.id) && text.includes(convoy.place.name),
      `source ${i + 1}: reason "${text}" is not the stored "${stored}" told with names`);
  }
  const names = await page.evaluate(() => [window.marsad.outletName("rfi", null), window.marsad.outletName(null, "https://www.rfi.fr/fr/x"), window.marsad.outletName("Sample wire (fictional)", null)]);
  check(names[0] === "RFI" && names[1] === "RFI" && names[2] === "Sample wire (fictional)", `outlet names: ${JSON.stringify(names)}`);
  log(`reasons told from their clauses (${convoy.sources.length - 1}); outlets named by id and by domain`);
}

// Rings around the theatre's capital, the roads, town labels, the scale bar, and each listed
// event's distance and bearing from the focus.
async function checkMapFurniture(page) {
  const towns = await api("api/towns");
  const capital = towns.features.find((f) => f.properties.capital_of === "ML");
  check(capital, "/api/towns has no capital of ML");
  const focus = await page.evaluate(() => window.marsad.focus());
  check(focus?.id === capital.id, `the focus is ${JSON.stringify(focus)}, not ${capital.id}`);
  const rings = await page.evaluate(() => window.marsad.rings());
  const radii = rings.map((r) => Math.round(r.km));
  check(JSON.stringify(radii) === "[50,100,200,400]", `rings of ${JSON.stringify(radii)} km`);
  check(rings.every((r) => Math.abs(r.lat - capital.geometry.coordinates[1]) < 1e-9 && Math.abs(r.lon - capital.geometry.coordinates[0]) < 1e-9), "the rings are not centred on the capital");
  const roads = (await api("api/corridors")).features.filter((f) => f.geometry).length;
  const stats = await page.evaluate(() => window.marsad.stats());
  check(roads > 0 && stats.corridors === roads, `${stats.corridors} roads drawn, ${roads} served`);
  check(stats.towns > 0 && (await page.locator(".town-name").first().isVisible()), "no town label");
  const scale = (await page.locator(".leaflet-control-scale-line").first().textContent()) || "";
  check(/\d+\s*km/.test(scale), `scale bar reads "${scale}"`);
  // Distances on the list, against the API's coordinates.
  const { events } = await api("api/events?limit=50");
  const item = page.locator('[data-testid="event-item"]').filter({ has: page.locator('[data-testid="event-distance"]') }).first();
  const id = await item.getAttribute("data-id");
  const ev = events.find((e) => String(e.id) === id);
  const text = await item.locator('[data-testid="event-distance"]').textContent();
  const km = Math.round(haversineKm({ lat: capital.geometry.coordinates[1], lon: capital.geometry.coordinates[0] }, ev.place));
  check(text.replace(/[,\s\u202f]/g, "").includes(`${km}km`) && / of /.test(text), `event ${id}: "${text}", expected ${km} km … of ${capital.properties.name}`);
  log(`map: focus ${capital.id}, rings ${radii.join("/")} km, ${roads} roads, ${stats.towns} town labels, scale "${scale}"; event ${id}: ${text}`);
}

// The region-level event is drawn hollow and dashed, a town-level one solid; the precision
// filter keeps one kind or the other, on the map and in the list.
async function checkPrecision(page) {
  const pts = await api("api/points");
  const centroid = pts.id.filter((_, i) => pts.centroid[i]).map(String);
  const precise = pts.id.filter((_, i) => !pts.centroid[i]).map(String);
  check(centroid.length >= 1, "no event at a region's centre among /api/points (the region-level report)");
  await page.evaluate((id) => window.marsad.reveal(id), centroid[0]);
  const hollow = await page.evaluate((id) => window.marsad.pinStyle(id), centroid[0]);
  check(hollow?.dashArray && hollow.fillOpacity < 0.5, `the region-level event ${centroid[0]} is drawn ${JSON.stringify(hollow)}`);
  await page.evaluate((id) => window.marsad.reveal(id), precise.find((id) => pts.date[pts.id.map(String).indexOf(id)]) || precise[0]);
  const solid = await page.evaluate(() => window.marsad.pins().map((p) => window.marsad.pinStyle(p.id)).find((s) => s && !s.dashArray));
  check(solid && solid.fillOpacity > 0.5, `no solid pin for a town-level event (${JSON.stringify(solid)})`);
  await page.selectOption('[data-testid="filter-precision"]', "area");
  await page.waitForFunction((n) => window.marsad.stats().points === n, centroid.length, { timeout: 5000 })
    .catch(async () => fail(`"region or country only" shows ${(await page.evaluate(() => window.marsad.stats())).points} events, expected ${centroid.length}`));
  const items = page.locator('#list [data-testid="event-item"]');
  const areaItems = await page.locator('#list [data-testid="event-item"] [data-testid="badge-area"]').count();
  check((await items.count()) >= 1 && areaItems === (await items.count()), `the list under "region only" has ${await items.count()} items, ${areaItems} marked region-level`);
  await page.selectOption('[data-testid="filter-precision"]', "town");
  await page.waitForFunction((n) => window.marsad.stats().points === n, precise.length, { timeout: 5000 })
    .catch(() => fail(`"town or nearby" does not show the ${precise.length} town-level events`));
  await page.selectOption('[data-testid="filter-precision"]', "");
  await page.waitForFunction((n) => window.marsad.stats().points === n, pts.count, { timeout: 5000 });
  log(`precision: event ${centroid[0]} hollow and dashed, town-level pins solid; filter ${centroid.length} / ${precise.length} / ${pts.count}`);
}

// Undated events: counted under the timeline; with dates set they stay on the map and get
// their own section of the list unless "include undated" is unticked. The export links follow
// the filters. Evidence follows its own direction.
async function checkUndated(page) {
  const pts = await api("api/points");
  const undated = pts.date.filter((d) => d == null).length;
  const monthOnly = pts.date.filter((d) => d && d.length < 10).length;
  check(undated >= 1, "the samples hold no undated event on the map");
  const count = await page.locator('[data-testid="undated-count"]').textContent();
  const total = (await api("api/counts?by=type")).buckets.reduce((n, b) => n + b.count, 0);
  const unplaced = total - pts.count;
  check(count.includes(`${undated} undated`) && (!monthOnly || count.includes(`${monthOnly} dated only to the month`)) && (!unplaced || count.includes(`${unplaced} without a known place`)),
    `under the timeline: "${count}" (${undated} undated, ${monthOnly} month-only, ${unplaced} without a place)`);
  const [since, until] = ["2025-09-01", "2025-09-30"];
  const inRange = pts.date.filter((d) => d && (d.length === 10 ? d >= since && d <= until : d === "2025-09" || d === "2025")).length;
  await page.fill('[data-testid="filter-since"]', since);
  await page.fill('[data-testid="filter-until"]', until);
  await page.locator('[data-testid="filter-until"]').dispatchEvent("change");
  await page.waitForFunction((n) => window.marsad.stats().points === n, inRange + undated, { timeout: 5000 })
    .catch(async () => fail(`with dates set and undated included the map shows ${(await page.evaluate(() => window.marsad.stats())).points}, expected ${inRange} + ${undated}`));
  const section = page.locator('[data-testid="undated-list"]');
  await section.locator('[data-testid="event-item"]').first().waitFor({ state: "visible" }).catch(() => fail("no section of undated events in the list"));
  check((await section.locator('[data-testid="event-item"]').count()) === Math.min(undated, 20), "the undated section does not list every undated event on the map");
  // Exports: the links carry the dates; the CSV holds the dated events of the range.
  const href = await page.getAttribute('[data-testid="export-csv"]', "href");
  check(href.includes(`since=${since}`) && href.includes(`until=${until}`), `export link ${href}`);
  const listed = (await api(`api/events?limit=500&since=${since}&until=${until}`)).events.length;
  const res = await fetch(new URL(href, base));
  const csv = await res.text();
  check(res.ok && res.headers.get("content-type").startsWith("text/csv"), `GET ${href}: ${res.status} ${res.headers.get("content-type")}`);
  const rows = csv.trim().split("\n").filter((l) => /^[A-Z]{3}\d+,/.test(l)).length;
  check(rows === listed, `the CSV export has ${rows} events, the list ${listed}`);
  check((await page.getAttribute('[data-testid="export-geojson"]', "href")).includes("format=geojson"), "no GeoJSON link");
  await page.uncheck('[data-testid="include-undated"]');
  await page.waitForFunction((n) => window.marsad.stats().points === n, inRange, { timeout: 5000 })
    .catch(() => fail("unticking “include undated” does not take them off the map"));
  check(await section.isHidden(), "the undated section stays when undated events are not included");
  await page.check('[data-testid="include-undated"]');
  // Evidence in its own direction, whatever the page's.
  const dirs = await page.evaluate(() => [...document.querySelectorAll('[data-testid="item-evidence"]')].map((el) => [el.getAttribute("dir"), getComputedStyle(el).direction, /[\u0600-\u06FF]/.test(el.textContent.slice(0, 12))]));
  check(dirs.length > 0 && dirs.every(([attr, dir, arabic]) => attr === "auto" && dir === (arabic ? "rtl" : "ltr")), `evidence directions ${JSON.stringify(dirs)}`);
  await page.click("#f-clear");
  await page.waitForFunction((n) => window.marsad.stats().points === n, pts.count, { timeout: 5000 });
  log(`undated: "${count}"; ${since}–${until}: ${inRange} dated + ${undated} undated on the map, ${rows} in the CSV; evidence directions follow their text`);
}

// The error state: GET /api/points answers 500 in this browser only (a Playwright route);
// the map says so with a retry button, which loads the events once the route works again.
async function checkErrorState(page, shot) {
  let failing = true;
  expected.failing = true;
  const handler = (route) => (failing
    ? route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ error: { status: 500, code: "internal", message: "the server failed while answering (injected by the browser test)", id: "test-1" } }) })
    : route.continue());
  await page.route("**/api/points**", handler);
  await page.reload({ waitUntil: "load" });
  await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 30000 });
  const state = page.locator('[data-testid="map-state"]');
  await state.waitFor({ state: "visible" });
  check((await state.getAttribute("data-state")) === "error", `the map's state is ${await state.getAttribute("data-state")}`);
  check((await state.textContent()).includes("injected by the browser test"), "the error does not give the server's message");
  await page.screenshot({ path: shot });
  failing = false;
  await state.locator('[data-testid="retry"]').click();
  await page.waitForFunction(() => window.marsad.stats().points > 0, null, { timeout: 10000 }).catch(() => fail("retry did not load the events"));
  check(await state.isHidden(), "the error state stays after a successful retry");
  await page.unroute("**/api/points**", handler);
  expected.failing = false;
  log(`error state with retry: shown on a 500, gone after retry; screenshot ${shot}`);
}

// The trends view, from the server's /api/indicators, or (while the server has none) from the
// indicators crate's JSON over the stored samples: every chart drawn as the JSON says, a mark
// opening the events behind it.
async function checkTrends(page, shot) {
  const doc = await api("api/openapi.json");
  let ind = null;
  if (doc.paths["/api/indicators"]) {
    log("trends: the server has /api/indicators");
  } else {
    check(await page.locator('[data-testid="view-trends"]').isHidden(), "the trends tab is shown though the server has no /api/indicators");
    const fixture = process.env.MARSAD_INDICATORS;
    check(fixture, "the server has no /api/indicators and MARSAD_INDICATORS is not set");
    const fixed = JSON.parse(readFileSync(fixture, "utf8"));
    await page.route("**/api/openapi.json", async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      body.paths["/api/indicators"] = { get: { parameters: [{ $ref: "#/components/parameters/since" }, { $ref: "#/components/parameters/until" }] } };
      await route.fulfill({ response: res, json: body });
    });
    await page.route("**/api/indicators**", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(fixed) }));
    await page.reload({ waitUntil: "load" });
    await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 30000 });
    log("trends: the server has no /api/indicators yet; drawing the indicators crate's JSON over the stored samples");
  }
  // The figures drawn are those of the page's own request (its focus and period).
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/indicators");
  await page.click('[data-testid="view-trends"]');
  const answer = await (await answered).json();
  ind = answer && "indicators" in answer ? answer.indicators : answer;
  check(ind, `/api/indicators has no figures: ${JSON.stringify(answer).slice(0, 300)}`);
  await page.locator('[data-testid="distance-chart"]').waitFor({ state: "visible" }).catch(() => fail("the trends view shows no distance chart"));
  const dots = await page.locator('[data-testid="distance-chart"] .dot.median').count();
  const weeksWithMedian = ind.distance.weeks.filter((w) => w.median_km != null).length;
  check(dots === weeksWithMedian, `${dots} weekly medians drawn, ${weeksWithMedian} in the indicators`);
  const bars = await page.locator('[data-testid="rings-chart"] rect.band').count();
  const bands = ind.rings.weeks.reduce((n, w) => n + w.bands.filter((b) => b.events.length).length, 0);
  check(bars === bands, `${bars} ring bars drawn, ${bands} non-empty bands in the indicators`);
  const closed = await page.locator('[data-testid="encirclement-chart"] .sector.closed').count();
  check((await page.locator('[data-testid="encirclement-chart"] .sector').count()) === 16 && closed === ind.encirclement.closed, `${closed} closed sectors drawn, ${ind.encirclement.closed} in the indicators`);
  check((await page.locator('[data-testid="corridor-row"]').count()) === ind.corridors.length, "not every road has its row");
  const sentence = await page.locator('[data-testid="trend-sentence"]').first().textContent();
  check(sentence.length > 10, "no trend sentence");
  await page.screenshot({ path: shot });
  // A mark opens the events behind it in the list.
  const mark = page.locator('[data-testid="distance-chart"] .dot.median.hit').first();
  if (weeksWithMedian) {
    const want = ind.distance.weeks.find((w) => w.median_km != null).evidence.events.length;
    await mark.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="event-list"] [data-testid="event-item"]').length === n, want, { timeout: 10000 })
      .catch(() => fail(`the events behind the first week's median (${want}) are not listed`));
  }
  log(`trends: ${dots} weeks, ${bars} ring bars, ${closed}/16 sectors, ${ind.corridors.length} roads; "${sentence}"; screenshot ${shot}`);
  // The report, when the server makes one: its link opens the HTML report.
  const link = page.locator('[data-testid="export-report"]');
  if (!doc.paths["/api/report"]) {
    check(await link.isHidden(), "a report link though the server has no /api/report");
    return;
  }
  const href = await link.getAttribute("href");
  const reportPage = await page.context().newPage();
  const res = await reportPage.goto(new URL(href, base).href);
  check(res.ok() && res.headers()["content-type"].startsWith("text/html"), `the report link ${href}: ${res.status()} ${res.headers()["content-type"]}`);
  await reportPage.screenshot({ path: shot.replace("desk-trends.png", "report.png"), fullPage: false });
  await reportPage.close();
  log(`report: ${href} opens as HTML`);
}

// Phone (390×844) and tablet (820×1180): one view at a time behind tabs; the list and the
// event panel are reachable; nothing wider than the screen.
async function checkPhone(page, shot) {
  for (const [w, h, name] of [[390, 844, "phone"], [820, 1180, "tablet"]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.click('[data-testid="view-map"]');
    await page.waitForTimeout(200);
    const mapBox = await page.locator('[data-testid="map"]').boundingBox();
    check(mapBox && mapBox.width >= w - 2 && mapBox.height > 300, `${name}: the map is ${JSON.stringify(mapBox)}`);
    if (name === "phone") await page.screenshot({ path: shot("phone-map.png") });
    await page.click('[data-testid="view-list"]');
    const items = page.locator('[data-testid="event-list"] [data-testid="event-item"]');
    await items.first().waitFor({ state: "visible" }).catch(() => fail(`${name}: the list is not reachable`));
    const listBox = await page.locator("aside.side").boundingBox();
    check(listBox.width >= w - 2 && listBox.height > h / 2, `${name}: the list's column is ${JSON.stringify(listBox)}`);
    await items.first().click();
    await page.locator('[data-testid="event-panel"] [data-testid="source"]').first().waitFor({ state: "visible" })
      .catch(() => fail(`${name}: the event panel does not open`));
    if (name === "phone") await page.screenshot({ path: shot("phone-panel.png") });
    await page.keyboard.press("Escape");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `${name}: the page is ${overflow}px wider than the screen`);
    if (!(await page.locator('[data-testid="view-trends"]').isHidden())) {
      await page.click('[data-testid="view-trends"]');
      await page.locator('[data-testid="distance-chart"]').waitFor({ state: "visible" });
      if (name === "phone") await page.screenshot({ path: shot("phone-trends.png") });
    }
    log(`${name} ${w}×${h}: map ${Math.round(mapBox.width)}×${Math.round(mapBox.height)}, list and panel reachable by the tabs`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function main() {
  check(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/test (it installs Debian's chromium)`);
  const profile = mkdtempSync(join(tmpdir(), "marsad-e2e-"));
  const problems = [];
  let context;
  let page;
  try {
    // A fresh profile; flags that keep a closed-network machine from waiting on the network.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      locale: "en-GB",
      timeout: 60000,
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
    });
    page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(20000);
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    // While the test makes a route fail on purpose, the page's own report of it is expected.
    page.on("console", (m) => m.type() === "error" && !expected.failing && problems.push(`console error: ${m.text()} (${m.location()?.url || "?"})`));
    page.on("response", (r) => r.status() >= 400 && !expected.failing && problems.push(`HTTP ${r.status()} for ${r.url()}`));
    page.on("requestfailed", (r) => {
      // The page cancels a request a newer one replaces, and the live stream is cut when
      // the page goes away; anything else is a failure.
      if (r.failure()?.errorText !== "net::ERR_ABORTED" && !r.url().includes("/api/live")) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });

    const convoy = await findConvoy();
    log(`convoy incident is event ${convoy.id} (${convoy.sources.length} sources, disputed: ${convoy.disputed_fields.join(", ")})`);

    const t0 = Date.now();
    await page.goto(base, { waitUntil: "load" });
    await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 30000 })
      .catch(() => fail(`the page never became ready: ${problems.join("; ") || "no error reported"}`));
    log(`page ready in ${Date.now() - t0} ms`);
    check(problems.length === 0, `errors while loading: ${problems.join("; ")}`);

    // Events are drawn: pins, spots or clusters.
    const stats = await page.evaluate(() => window.marsad.stats());
    check(stats.points > 0, `no event on the map (stats ${JSON.stringify(stats)})`);
    check(stats.pins + stats.clusters + stats.spots > 0, `nothing drawn on the map (stats ${JSON.stringify(stats)})`);
    check(stats.listed > 0, "the list of events is empty");
    const listed = await page.locator('[data-testid="event-item"]').count();
    check(listed === stats.listed, `the list shows ${listed} items, expected ${stats.listed}`);
    log(`map: ${stats.points} events, ${stats.pins} pins, ${stats.spots} spots, ${stats.clusters} clusters; list: ${listed}`);

    // Live: a document ingested by another process while the page is open appears without a
    // reload (when the caller says how: MARSAD_BIN, MARSAD_DB and MARSAD_LIVE_DOC).
    const { MARSAD_BIN: bin, MARSAD_DB: db, MARSAD_LIVE_DOC: liveDoc } = process.env;
    if (bin && db && liveDoc) {
      execFileSync(bin, ["ingest", "--db", db, liveDoc], { stdio: ["ignore", "ignore", "inherit"] });
      await page.waitForFunction((n) => window.marsad.stats().points > n, stats.points, { timeout: 15000 })
        .catch(async () => fail(`an event ingested while the page was open never appeared (points ${(await page.evaluate(() => window.marsad.stats())).points})`));
      check(await page.locator("#live-notice").isVisible(), "the live notice is not shown");
      log(`live: an event ingested by \`marsad ingest\` appeared without reloading`);
      stats.points = (await page.evaluate(() => window.marsad.stats())).points;
    }

    // Brushing the timeline sets the date filters; a double-click clears them.
    const tl = await page.locator('[data-testid="timeline-canvas"]').boundingBox();
    check(tl && tl.width > 100, "the timeline canvas is not laid out");
    const y = tl.y + tl.height / 2;
    await page.mouse.move(tl.x + tl.width * 0.45, y);
    await page.mouse.down();
    await page.mouse.move(tl.x + tl.width * 0.7, y, { steps: 5 });
    await page.mouse.up();
    const since = await page.inputValue('[data-testid="filter-since"]');
    const until = await page.inputValue('[data-testid="filter-until"]');
    check(/^\d{4}-\d{2}-\d{2}$/.test(since) && /^\d{4}-\d{2}-\d{2}$/.test(until) && since <= until, `brushing did not set the dates (since "${since}", until "${until}")`);
    await page.waitForFunction(() => location.hash.includes("since="));
    await page.mouse.dblclick(tl.x + tl.width * 0.5, y);
    check((await page.inputValue('[data-testid="filter-since"]')) === "", "double-click did not clear the brushed dates");
    await page.waitForFunction((n) => window.marsad.stats().points === n, stats.points, { timeout: 5000 })
      .catch(async () => fail(`after clearing the brush the map shows ${(await page.evaluate(() => window.marsad.stats())).points} events, expected ${stats.points}`));
    log(`brush: ${since} – ${until}, cleared`);

    // Click the convoy's pin with the mouse, where the map draws it. Events at the very same
    // coordinates share one bubble (a "spot"); narrowing the dates to the convoy's day, as an
    // analyst would, usually leaves it on its own.
    let at = await page.evaluate((id) => window.marsad.reveal(id), String(convoy.id));
    check(at, `event ${convoy.id} is not on the map`);
    if (at.kind === "spot" && convoy.date) {
      await page.fill('[data-testid="filter-since"]', convoy.date);
      await page.fill('[data-testid="filter-until"]', convoy.date);
      await page.waitForFunction((d) => location.hash.includes(`until=${d}`), convoy.date);
      at = await page.evaluate((id) => window.marsad.reveal(id), String(convoy.id));
      check(at, `event ${convoy.id} is not on the map once the dates are set to ${convoy.date}`);
      log(`dates set to ${convoy.date}: the convoy is a ${at.kind}`);
    }
    const hit = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest("#map"), at);
    check(hit, `the pin of event ${convoy.id} at (${at.x.toFixed(0)}, ${at.y.toFixed(0)}) is covered by something else`);
    if (at.kind === "pin") {
      await page.mouse.click(at.x, at.y);
    } else {
      // Events at the same coordinates share one bubble: it lists them, then pick ours.
      await page.mouse.click(at.x, at.y);
      await page.locator(`[data-testid="event-item"][data-id="${convoy.id}"]`).click();
    }
    const panel = page.locator('[data-testid="event-panel"]');
    await page.waitForFunction((id) => {
      const p = document.querySelector('[data-testid="event-panel"]');
      return p && !p.hidden && p.dataset.eventId === id && p.querySelector('[data-testid="source"]');
    }, String(convoy.id)).catch(() => fail(`clicking the ${at.kind} at (${at.x.toFixed(0)}, ${at.y.toFixed(0)}) did not open event ${convoy.id}`));
    log(`clicked the ${at.kind} of event ${convoy.id}: panel open`);

    // Evidence: visible and highlighted, one per source, the claim's own sentence.
    const sources = panel.locator('[data-testid="source"]');
    const n = await sources.count();
    check(n === convoy.sources.length && n >= 1, `the panel lists ${n} sources, the API ${convoy.sources.length}`);
    for (let i = 0; i < n; i++) {
      const mark = sources.nth(i).locator('[data-testid="evidence"] mark');
      check(await mark.isVisible(), `source ${i + 1}: the evidence is not visible`);
      const text = (await mark.textContent()).trim();
      const want = (convoy.sources[i].claim.evidence.text || "").trim();
      check(text.length > 0 && text === want, `source ${i + 1}: highlighted evidence "${text}" differs from the claim's "${want}"`);
      const bg = await mark.evaluate((el) => getComputedStyle(el).backgroundColor);
      check(bg && bg !== "rgba(0, 0, 0, 0)" && bg !== "transparent", `source ${i + 1}: the evidence is not highlighted (background ${bg})`);
    }
    // The disputed toll is marked, with each source's figure.
    check(await panel.locator('[data-testid="disputed"]').isVisible(), "the dispute note is not shown");
    check(await panel.locator('dd.is-disputed[data-field="fatalities"]').count() === 1, "the fatalities are not marked as disputed");
    log(`panel: ${n} sources with highlighted evidence, disputed fatalities marked`);

    // Actor 1 opens its profile in the same panel: events counted, recent events listed; Back returns.
    check(convoy.actor1, `event ${convoy.id} has no actor 1`);
    await panel.locator('dd[data-field="actor1"] [data-testid="entity-link"]').click();
    const entity = panel.locator('[data-testid="entity-profile"]');
    await entity.waitFor({ state: "visible" }).catch(() => fail(`clicking actor 1 (${convoy.actor1.id}) did not open its profile`));
    const count = Number((await entity.locator('[data-testid="entity-events"]').textContent()).replace(/\D/g, ""));
    check(count > 0, `the profile of ${convoy.actor1.id} shows ${count} events`);
    const recent = await entity.locator('[data-testid="profile-event"]').count();
    check(recent >= 1, `the profile of ${convoy.actor1.id} lists no recent event`);
    await entity.locator('[data-testid="entity-back"]').click();
    await page.waitForFunction((id) => document.querySelector('[data-testid="event-panel"]')?.dataset.eventId === id, String(convoy.id))
      .catch(() => fail("Back in the profile did not return to the event"));
    log(`profile of ${convoy.actor1.id}: ${count} events, ${recent} recent; back to the event`);

    // The document view highlights the same characters (offsets are code points).
    const arIndex = Math.max(0, convoy.sources.findIndex((s) => s.lang === "ar"));
    await sources.nth(arIndex).locator('[data-testid="open-document"]').click();
    const docMark = page.locator('[data-testid="document-view"] [data-testid="document-evidence"]');
    await docMark.waitFor({ state: "visible" }).catch(() => fail("the document view did not show the highlighted evidence"));
    const docText = (await docMark.textContent()).trim();
    const wantDoc = convoy.sources[arIndex].claim.evidence.text.trim();
    check(docText === wantDoc, `document view highlights "${docText}", expected "${wantDoc}"`);
    await page.keyboard.press("Escape");
    await page.locator('[data-testid="document-view"]').waitFor({ state: "hidden" });
    log(`document ${convoy.sources[arIndex].doc_id} (${convoy.sources[arIndex].lang}): evidence highlighted at its offsets`);

    await checkReasons(page, panel, convoy);

    // Arabic UI: the whole page right to left, names and types translated.
    await page.selectOption('[data-testid="lang-switch"]', "ar");
    const dir = await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang]);
    check(dir[0] === "rtl" && dir[1] === "ar", `after switching to Arabic, <html dir="${dir[0]}" lang="${dir[1]}">`);
    const title = await panel.locator('[data-testid="event-title"]').textContent();
    check(/[\u0600-\u06FF]/.test(title), `the event type is not shown in Arabic: "${title}"`);
    await page.waitForTimeout(300);
    check(problems.length === 0, `errors in the page: ${problems.join("; ")}`);

    const arReason = await panel.locator('[data-testid="reason"]').nth(1).textContent();
    check(/[\u0600-\u06FF]/.test(arReason) && !arReason.includes("same event type"), `the join reason is not told in Arabic: "${arReason}"`);

    mkdirSync(dirname(shotPath), { recursive: true });
    await page.screenshot({ path: shotPath });
    log(`ok: Arabic UI is rtl, reasons in Arabic; screenshot ${shotPath}`);

    const shot = (name) => join(dirname(shotPath), name);
    await page.selectOption('[data-testid="lang-switch"]', "en");
    await page.keyboard.press("Escape");
    await page.click("#f-clear");
    await page.waitForFunction(() => !location.hash.includes("since="));
    await checkMapFurniture(page);
    await checkPrecision(page);
    await checkUndated(page);
    await checkErrorState(page, shot("desk-error.png"));
    await checkTrends(page, shot("desk-trends.png"));
    await checkPhone(page, shot);
    check(problems.length === 0, `errors in the page: ${problems.join("; ")}`);
  } catch (e) {
    if (page && shotPath) {
      mkdirSync(dirname(shotPath), { recursive: true });
      await page.screenshot({ path: shotPath }).catch(() => {});
    }
    const why = e instanceof Failure ? e.message : `${e.stack || e}`;
    console.error(`desk.mjs: FAILED: ${why}${problems.length ? `\n  page problems: ${problems.join("\n  ")}` : ""}`);
    process.exitCode = 1;
  } finally {
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

// Never hang CI: the whole run gets two minutes.
setTimeout(() => {
  console.error("desk.mjs: FAILED: timed out after 120 s");
  process.exit(1);
}, 120000).unref();
await main();
