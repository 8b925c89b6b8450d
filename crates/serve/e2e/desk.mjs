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
// source's document (evidence highlighted at its code-point offsets), switches the UI to Arabic
// (dir=rtl) and saves a screenshot. Any failure exits 1 with a message saying what failed.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync, existsSync } from "node:fs";
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
      viewport: { width: 1400, height: 900 },
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
    page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()} (${m.location()?.url || "?"})`));
    page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} for ${r.url()}`));
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

    // Arabic UI: the whole page right to left, names and types translated.
    await page.selectOption('[data-testid="lang-switch"]', "ar");
    const dir = await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang]);
    check(dir[0] === "rtl" && dir[1] === "ar", `after switching to Arabic, <html dir="${dir[0]}" lang="${dir[1]}">`);
    const title = await panel.locator('[data-testid="event-title"]').textContent();
    check(/[\u0600-\u06FF]/.test(title), `the event type is not shown in Arabic: "${title}"`);
    await page.waitForTimeout(300);
    check(problems.length === 0, `errors in the page: ${problems.join("; ")}`);

    mkdirSync(dirname(shotPath), { recursive: true });
    await page.screenshot({ path: shotPath });
    log(`ok: Arabic UI is rtl; screenshot ${shotPath}`);
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
