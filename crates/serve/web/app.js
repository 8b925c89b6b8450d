// marsad's analyst desk: wires the filters, the URL hash, the map, the timeline, the list of
// events, the event panel, the trends view and the live feed together.
//
// Data model: `/api/points` is fetched with every filter except the dates; the timeline shows
// all of it (so a date range can be widened again) and the map shows the points inside the
// date range, filtered here, which keeps brushing instant. The list asks the server with every
// filter, dates included. The precision filter (town or region-level places) is applied here,
// to the points and to the list's items. Undated events are never dropped silently: they are
// counted under the timeline and, when a date range is set, offered beside it ("include
// undated"), on the map and in their own section of the list.
import { getJson, query, ApiError } from "./api.js";
import { h, bdi, showState } from "./dom.js";
import {
  loadTranslations, initialLanguage, setLanguage, currentLanguage, t, typeName, formatDate,
  formatNumber, rememberEntities, entityName, entityLabel, rememberOutlets, geoPrecision, outletName,
} from "./i18n.js";
import { EventMap, TYPE_COLORS, typeColor, townName } from "./map.js";
import { Timeline, dayOf, spanOf, isoOf } from "./timeline.js";
import { renderEvent, renderEntity, showDocument } from "./panel.js";
import { renderTrends } from "./trends.js";
import { THEATRE, fromFocus } from "./geo.js";

const $ = (id) => document.getElementById(id);
const EMPTY = { type: "", actor: "", place: "", near: false, km: 50, since: "", until: "", q: "", prec: "" };
const SERVER_FILTERS = ["type", "actor", "place", "near", "km", "q"]; // the dates are applied here
const NARROW = "(max-width: 999px)";
const BATCH = 20; // events fetched one by one (undated, behind a figure) per "Load more"

const state = {
  filters: { ...EMPTY }, event: null, spot: null, bin: "auto",
  undated: true, // undated events stay on the map and in the list when dates are set
  focus: "", // town id; "" is the theatre's capital
  view: "map", // "map" | "list" | "trends"
  behind: null, // {label, ids}: the list shows the events behind a figure of the trends view
};
let types = Object.keys(TYPE_COLORS);
let points = []; // [{id, lat, lon, t, date, day, span, fat, disp, cen}] for the non-date filters
let pointsById = new Map();
let pointsState = "loading"; // "loading" | "ready" | "error"
let listEvents = [];
let listCursor = null;
let openDetail = null;
let profile = null; // the entity profile shown in the panel: {kind, id, data}
let map;
let timeline;
const entities = { actor: new Map(), place: new Map(), outlet: new Map() };
let entitiesReady = Promise.resolve();
const aborts = {};
const towns = new Map(); // id -> GeoJSON feature (GET /api/towns)
let corridors = null; // GET /api/corridors
let api = { indicators: null, report: null }; // the parameters each optional route takes, from openapi.json

// A fresh AbortSignal per kind of request: a newer request cancels the older one.
function signalFor(kind) {
  aborts[kind]?.abort();
  aborts[kind] = new AbortController();
  return aborts[kind].signal;
}

const errorText = (e) => (e instanceof ApiError && e.code === "network" ? t("networkError") : t("error", { message: e?.message || String(e) }));

// Errors of secondary requests (names, the basemap): one line in the footer.
function showError(e) {
  if (e?.name === "AbortError") return;
  console.error(e);
  const el = $("error");
  el.textContent = errorText(e);
  el.hidden = false;
}
const clearError = () => ($("error").hidden = true);
const isNarrow = () => window.matchMedia(NARROW).matches;

// ---------------------------------------------------------------------------------------
// Entities (actors, places, outlets) and reference geography (towns, roads)

// Without `q`, every page (the list feeds names in the UI language); with it, the best 30.
async function loadEntities(kind, q = "") {
  let cursor = null;
  do {
    const r = await getJson("/api/entities", { kind, q, limit: q ? 30 : 500, cursor });
    rememberEntities(r.entities);
    for (const e of r.entities || []) entities[kind].set(String(e.id), e);
    cursor = q ? null : r.next_cursor;
  } while (cursor);
  if (kind !== "outlet") fillDatalist(kind);
}

async function loadReference() {
  const [townsGeo, roads, outletList, doc] = await Promise.all([
    getJson("/api/towns"), getJson("/api/corridors"), getJson("/api/outlets"), getJson("/api/openapi.json"),
  ]);
  for (const f of townsGeo.features || []) towns.set(String(f.id), f);
  rememberEntities([...towns.values()].map((f) => ({ kind: "place", id: f.id, name: f.properties.name, names: f.properties.names })));
  rememberOutlets(outletList.outlets);
  corridors = roads;
  api = { indicators: routeParameters(doc, "/api/indicators"), report: routeParameters(doc, "/api/report") };
  map.setTowns(townsGeo.features || []);
  map.setCorridors(roads);
  fillTowns();
  applyFocus();
  $("view-trends").hidden = !api.indicators;
  updateExports();
}

// The query parameter names of a GET route of the API document, or null when it has no such
// route (the trends view and the report link wait for the indicators' routes).
function routeParameters(doc, path) {
  const op = doc?.paths?.[path]?.get;
  if (!op) return null;
  const resolve = (p) => (p.$ref ? p.$ref.split("/").slice(1).reduce((o, k) => o?.[k], doc) : p);
  return new Set((op.parameters || []).map(resolve).filter((p) => p?.in === "query").map((p) => p.name));
}

// Options of the actor / place inputs: the name in the UI language (id added when two share it).
function labels(kind) {
  const seen = new Map();
  for (const e of entities[kind].values()) {
    const l = entityLabel(kind, e);
    seen.set(l, (seen.get(l) || 0) + 1);
  }
  return [...entities[kind].values()]
    .map((e) => {
      const l = entityLabel(kind, e);
      return { id: String(e.id), label: seen.get(l) > 1 ? `${l} (${e.id})` : l };
    })
    .sort((a, b) => a.label.localeCompare(b.label, currentLanguage()));
}

function fillDatalist(kind) {
  const list = $(kind === "actor" ? "actors" : "places");
  list.replaceChildren(...labels(kind).map((o) => h("option", { value: o.label })));
}

// Typed text -> entity id: its label, any of its names in any language, or its id.
function resolveEntity(kind, text) {
  const s = text.trim().toLowerCase();
  if (!s) return "";
  // The current filter, shown as its label (or as its id when not among the loaded entities).
  if (state.filters[kind] && s === entityText(kind, state.filters[kind]).toLowerCase()) return state.filters[kind];
  for (const o of labels(kind)) if (o.label.toLowerCase() === s) return o.id;
  for (const e of entities[kind].values()) {
    if (String(e.id).toLowerCase() === s) return String(e.id);
    for (const names of Object.values(e.names || {})) if ((names || []).some((n) => n.toLowerCase() === s)) return String(e.id);
    if ((e.name || "").toLowerCase() === s) return String(e.id);
  }
  return null;
}

function entityText(kind, id) {
  if (!id) return "";
  const o = labels(kind).find((x) => x.id === id);
  return o ? o.label : id;
}

// ---------------------------------------------------------------------------------------
// The focus: distances, bearings and rings are measured from it

// The focus town: the chosen one, else the theatre's capital; {id, lat, lon, name} or null.
function focusPlace() {
  let f = state.focus ? towns.get(state.focus) : null;
  if (!f) f = [...towns.values()].find((x) => x.properties.capital_of === THEATRE);
  if (!f) return null;
  const [lon, lat] = f.geometry.coordinates;
  return { id: String(f.id), lat, lon, name: townName(f.properties) };
}

// Town names (UI language first, then the others) for the focus input.
function fillTowns() {
  const options = [...towns.values()]
    .filter((f) => f.properties.country === THEATRE || f.properties.capital_of)
    .map((f) => townName(f.properties))
    .sort((a, b) => a.localeCompare(b, currentLanguage()));
  $("towns").replaceChildren(...[...new Set(options)].map((n) => h("option", { value: n })));
}

function resolveTown(text) {
  const s = text.trim().toLowerCase();
  if (!s) return "";
  for (const f of towns.values()) {
    if (String(f.id).toLowerCase() === s) return String(f.id);
    const names = [f.properties.name, ...Object.values(f.properties.names || {}).flat()];
    if (names.some((n) => n && n.toLowerCase() === s)) return String(f.id);
  }
  return null;
}

function applyFocus() {
  const focus = focusPlace();
  map.setFocus(focus);
  $("focus").value = focus?.name || "";
  renderList();
  if (openDetail && !profile && !$("panel").hidden) renderEvent($("panel"), openDetail, panelCallbacks);
}

// "312 km WSW of Bamako" for a place with coordinates.
function distanceText(place) {
  const focus = focusPlace();
  const d = fromFocus(focus, place?.lat, place?.lon);
  if (!d) return null;
  if (!d.point) return t("atFocusPlace", { place: focus.name });
  return t("fromFocus", { km: formatNumber(Math.round(d.km)), dir: t(`compass${d.point}`), place: focus.name });
}

// ---------------------------------------------------------------------------------------
// Filters: form <-> state <-> URL hash

function serverParams({ dates, spot }) {
  const f = state.filters;
  const p = { type: f.type, actor: f.actor, q: f.q };
  if (spot) Object.assign(p, { near: `${spot.lat},${spot.lon}`, km: 1 });
  else if (f.place && f.near) Object.assign(p, { near: f.place, km: f.km || 50 });
  else if (f.place) p.place = f.place;
  if (dates) Object.assign(p, { since: f.since, until: f.until });
  return p;
}

function writeForm() {
  const f = state.filters;
  $("f-type").value = f.type;
  $("f-actor").value = entityText("actor", f.actor);
  $("f-place").value = entityText("place", f.place);
  $("f-near").checked = !!f.near;
  $("f-km").value = f.km;
  $("f-since").value = f.since;
  $("f-until").value = f.until;
  $("f-q").value = f.q;
  $("f-prec").value = f.prec;
  $("f-undated").checked = state.undated;
  const active = ["type", "actor", "place", "since", "until", "q", "prec"].filter((k) => f[k]).length;
  $("filters-active").textContent = active ? t("activeFilters", { n: active }) : "";
  updateLegend();
  updateRangeText();
  updateExports();
}

// The form's values, or null (with a message) when a name is not known.
function readForm() {
  const err = $("f-error");
  err.hidden = true;
  const f = { ...state.filters };
  f.type = $("f-type").value;
  for (const kind of ["actor", "place"]) {
    const text = $(`f-${kind}`).value;
    const id = resolveEntity(kind, text);
    if (id === null) {
      err.textContent = t("unknownEntity", { name: text });
      err.hidden = false;
      $(`f-${kind}`).focus();
      return null;
    }
    f[kind] = id;
  }
  f.near = $("f-near").checked;
  f.km = Math.min(2000, Math.max(1, Number($("f-km").value) || 50));
  f.since = $("f-since").value;
  f.until = $("f-until").value;
  f.q = $("f-q").value.trim();
  f.prec = ["town", "area"].includes($("f-prec").value) ? $("f-prec").value : "";
  return f;
}

function hashOf() {
  const p = new URLSearchParams();
  const f = state.filters;
  for (const k of ["type", "actor", "place", "since", "until", "q", "prec"]) if (f[k]) p.set(k, f[k]);
  if (f.place && f.near) p.set("km", f.km);
  if (state.bin !== "auto") p.set("bin", state.bin);
  if (!state.undated) p.set("undated", "0");
  if (state.focus) p.set("focus", state.focus);
  if (state.view === "trends") p.set("view", "trends");
  if (state.event) p.set("event", state.event);
  if (map) {
    const c = map.map.getCenter();
    p.set("map", `${map.map.getZoom()}/${c.lat.toFixed(3)}/${c.lng.toFixed(3)}`);
  }
  return `#${p.toString()}`;
}

// Filters and the open event make history entries (Back works); map moves only replace.
function writeHash(push) {
  const next = hashOf();
  if (next === location.hash) return;
  history[push ? "pushState" : "replaceState"](null, "", next);
}

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const f = { ...EMPTY };
  for (const k of ["type", "actor", "place", "since", "until", "q"]) f[k] = p.get(k) || "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.since)) f.since = "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.until)) f.until = "";
  f.prec = ["town", "area"].includes(p.get("prec")) ? p.get("prec") : "";
  if (p.has("km")) {
    f.near = true;
    f.km = Math.min(2000, Math.max(1, Number(p.get("km")) || 50));
  }
  const view = (p.get("map") || "").split("/").map(Number);
  return {
    filters: f,
    event: p.get("event") || null,
    bin: ["day", "week"].includes(p.get("bin")) ? p.get("bin") : "auto",
    undated: p.get("undated") !== "0",
    focus: p.get("focus") || "",
    tab: p.get("view") === "trends" ? "trends" : "map",
    view: view.length === 3 && view.every(Number.isFinite) ? view : null,
  };
}

// Applies new filters: points are fetched again only when a server-side filter changed.
async function applyFilters(f, { push = true } = {}) {
  const before = state.filters;
  state.filters = f;
  state.spot = null;
  state.behind = null;
  map.selectSpot(null);
  writeForm();
  timeline.setRange(rangeOf(f));
  writeHash(push);
  const tasks = [loadList()];
  if (SERVER_FILTERS.some((k) => before[k] !== f[k])) tasks.push(loadPoints());
  else refreshMap();
  if (state.view === "trends") tasks.push(loadTrends());
  else trendsKey = null;
  await Promise.all(tasks);
}

const rangeOf = (f) => (f.since || f.until ? [f.since ? dayOf(f.since) : -1e9, f.until ? dayOf(f.until) : 1e9] : null);

function updateRangeText() {
  const f = state.filters;
  $("tl-range").textContent = f.since || f.until ? `${f.since ? formatDate(f.since) : "…"} – ${f.until ? formatDate(f.until) : "…"}` : "";
}

// Links to download the filtered events (and the report, when the server makes one).
function updateExports() {
  const params = serverParams({ dates: true, spot: null });
  $("export-csv").href = `/api/export${query({ ...params, format: "acled-csv" })}`;
  $("export-geojson").href = `/api/export${query({ ...params, format: "geojson" })}`;
  const report = $("export-report");
  report.hidden = !api.report;
  if (api.report) report.href = `/api/report${query(optionalParams(api.report, { lang: currentLanguage(), format: "html" }))}`;
}

// The page's filters and focus, as far as an optional route takes them.
function optionalParams(accepted, extra = {}) {
  const focus = focusPlace();
  const wanted = { ...serverParams({ dates: true, spot: null }), focus: focus?.id, ...extra };
  return Object.fromEntries(Object.entries(wanted).filter(([k, v]) => accepted.has(k) && v !== "" && v != null && v !== false));
}

// ---------------------------------------------------------------------------------------
// Points: map, timeline, legend

// Events matching the filters but the dates, placed or not (GET /api/counts): those without
// a place cannot be on the map or the timeline, and are counted under it.
let matching = null;
async function countMatching(params, signal) {
  try {
    const r = await getJson("/api/counts", { ...params, by: "type" }, signal);
    matching = (r.buckets || []).reduce((n, b) => n + (b.count || 0), 0);
  } catch (e) {
    if (e.name !== "AbortError") console.warn("counts:", e);
    matching = null;
  }
}

async function loadPoints() {
  pointsState = "loading";
  showState($("map-state"), "loading", { title: t("loadingEvents") });
  try {
    const params = serverParams({ dates: false });
    const signal = signalFor("points");
    const [r] = await Promise.all([getJson("/api/points", params, signal), countMatching(params, signal)]);
    if (Array.isArray(r.types) && r.types.length) types = r.types;
    const n = r.id?.length ?? 0;
    points = new Array(n);
    pointsById = new Map();
    for (let i = 0; i < n; i++) {
      const p = {
        id: String(r.id[i]), lat: r.lat[i], lon: r.lon[i], t: r.type[i], date: r.date[i],
        day: dayOf(r.date[i]), span: spanOf(r.date[i]), fat: r.fatalities[i], disp: !!r.disputed[i], cen: !!r.centroid?.[i],
      };
      points[i] = p;
      pointsById.set(p.id, p);
    }
    pointsState = "ready";
    refreshPoints();
  } catch (e) {
    if (e.name === "AbortError") return;
    console.error(e);
    pointsState = "error";
    showState($("map-state"), "error", { title: t("pointsFailed"), message: errorText(e), retry: () => loadPoints(), retryLabel: t("retry") });
  }
}

const precisionOk = (cen) => !state.filters.prec || (state.filters.prec === "area") === cen;

// The points the precision filter keeps (what the timeline counts).
const precisePoints = () => (state.filters.prec ? points.filter((p) => precisionOk(p.cen)) : points);

function visiblePoints() {
  const r = rangeOf(state.filters);
  const kept = precisePoints();
  if (!r) return kept;
  return kept.filter((p) => (p.span ? p.span[0] <= r[1] && p.span[1] >= r[0] : state.undated));
}

// The timeline and the map after the points or the precision filter changed.
function refreshPoints() {
  timeline.setData(precisePoints(), types);
  refreshMap();
}

let shown = [];
function refreshMap() {
  shown = visiblePoints();
  map.setPoints(shown, types);
  if (openDetail) map.select(openDetail);
  $("list-count").textContent = t("shown", { n: shown.length });
  updateUndated();
  updateLegend();
  if (pointsState !== "ready") return;
  if (!shown.length) {
    const filtered = Object.entries(state.filters).some(([k, v]) => v && k !== "km" && k !== "near");
    showState($("map-state"), "empty", {
      title: t("noPoints"), message: points.length ? t("noPointsHere") : "",
      action: filtered ? { label: t("clear"), onclick: () => applyFilters({ ...EMPTY }) } : null,
    });
  } else {
    showState($("map-state"), null);
  }
}

// Under the timeline: the events it cannot draw, and whether they stay on the map.
function updateUndated() {
  const { undated, partial } = timeline.notDrawn();
  const unplaced = matching == null ? 0 : Math.max(0, matching - points.length);
  const parts = [
    undated ? t("undated", { n: undated }) : "", partial ? t("partial", { n: partial }) : "",
    unplaced ? t("unplaced", { n: unplaced }) : "",
  ].filter(Boolean);
  $("tl-undated").textContent = parts.length ? `${t("notOnTimeline")}: ${parts.join(" · ")}` : t("allDated");
  $("undated-toggle").hidden = !undated;
  renderUndatedList();
}

// Live brushing redraws the map at most once a frame.
let frame = 0;
function refreshMapSoon() {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    refreshMap();
  });
}

function updateLegend() {
  const counts = new Array(types.length).fill(0);
  for (const p of shown) counts[p.t] += 1;
  $("legend-items").replaceChildren(...types.map((name, i) => h("li", {},
    h("button", {
      type: "button",
      "aria-pressed": state.filters.type === name ? "true" : "false",
      title: t("legendHint"),
      onclick: () => applyFilters({ ...state.filters, type: state.filters.type === name ? "" : name }),
    },
    h("span", { class: "swatch", style: `background:${typeColor(name)}` }),
    h("span", {}, typeName(name)),
    h("span", { class: "count" }, formatNumber(counts[i]))))));
}

function fillTypeSelect() {
  const sel = $("f-type");
  const value = sel.value || state.filters.type;
  sel.replaceChildren(h("option", { value: "" }, t("allTypes")), ...types.map((n) => h("option", { value: n }, typeName(n))));
  sel.value = value;
}

// ---------------------------------------------------------------------------------------
// The list of events

let listState = "loading";
async function loadList(more = false) {
  if (state.behind) return loadBehind(more);
  const status = $("list-status");
  const params = { ...serverParams({ dates: true, spot: state.spot }), limit: 50 };
  if (more) params.cursor = listCursor;
  status.textContent = more ? t("loading") : "";
  if (!more) {
    listState = "loading";
    showState($("list-state"), "loading", { title: t("loading") });
  }
  $("list-more").hidden = true;
  try {
    const r = await getJson("/api/events", params, signalFor("list"));
    await entitiesReady;
    if (!more) listEvents = [];
    listEvents.push(...(r.events || []));
    listCursor = r.next_cursor || null;
    listState = "ready";
    renderList();
  } catch (e) {
    if (e.name === "AbortError") return;
    console.error(e);
    status.textContent = "";
    listState = "error";
    showState($("list-state"), "error", { title: t("listFailed"), message: errorText(e), retry: () => loadList(more), retryLabel: t("retry") });
  }
}

// The list's items as the precision filter keeps them; events without a place only unfiltered.
function listKept(events) {
  const prec = state.filters.prec;
  if (!prec) return events;
  return events.filter((ev) => ev.place && (prec === "area") === (ev.geo_precision >= 3));
}

function renderList() {
  const kept = listKept(listEvents);
  $("list").replaceChildren(...kept.map(listItem));
  const hidden = listEvents.length - kept.length;
  $("list-status").textContent = hidden ? t("hiddenByPrecision", { n: hidden }) : "";
  $("list-more").hidden = !listCursor;
  $("list-title").textContent = state.behind ? state.behind.label : state.spot ? t("atSpot") : t("list");
  $("spot-clear").hidden = !state.spot && !state.behind;
  $("tab-count").textContent = listEvents.length ? `(${formatNumber(listEvents.length)}${listCursor ? "+" : ""})` : "";
  if (listState !== "ready") return;
  if (!listEvents.length) {
    const filtered = ["type", "actor", "place", "since", "until", "q"].some((k) => state.filters[k]);
    showState($("list-state"), "empty", {
      title: t("empty"),
      action: filtered && !state.behind ? { label: t("clear"), onclick: () => applyFilters({ ...EMPTY }) } : null,
    });
  } else {
    showState($("list-state"), null);
  }
}

function sourceCount(ev) {
  const n = ev.source_count ?? ev.sources?.length ?? 1;
  return n === 1 ? t("oneSource") : t("sourceCount", { n, k: ev.independent_sources ?? n });
}

function listItem(ev) {
  const id = String(ev.id);
  const actors = [ev.actor1, ev.actor2].filter(Boolean).map((a) => bdi(entityName("actor", a)));
  const place = ev.place ? bdi(entityName("place", ev.place)) : null;
  const meta = [];
  if (place) meta.push(place);
  if (actors.length) meta.push(...(meta.length ? [" · "] : []), ...actors.flatMap((a, i) => (i ? [" / ", a] : [a])));
  if (ev.fatalities != null) meta.push(" · ", `${t("fatalities")}: ${formatNumber(ev.fatalities)}`);
  const distance = distanceText(ev.place);
  const area = ev.place && ev.geo_precision >= 3;
  const vague = !ev.date ? t("undatedBadge") : ev.date.length < 10 ? t("monthOnly") : null;
  return h("li", { dataset: { id } },
    h("button", {
      type: "button", class: "event-item", "data-testid": "event-item", dataset: { id },
      "aria-current": state.event === id ? "true" : null,
      onclick: () => openEvent(id),
    },
    h("span", { class: "item-top" },
      h("span", { class: "swatch", style: `background:${typeColor(ev.event_type)}` }),
      h("span", { class: "item-type" }, typeName(ev.event_type)),
      ev.disputed ? h("span", { class: "badge disputed" }, t("disputed")) : null,
      ev.foiled ? h("span", { class: "badge foiled" }, t("foiledShort")) : null,
      area ? h("span", { class: "badge area", "data-testid": "badge-area" }, geoPrecision(3)) : null,
      vague ? h("span", { class: "badge vague" }, vague) : null,
      h("span", { class: "item-date" }, ev.date ? formatDate(ev.date) : t("unknown"))),
    h("span", { class: "item-meta", style: "display:block" }, ...meta, " · ", sourceCount(ev)),
    distance ? h("span", { class: "item-distance", "data-testid": "event-distance" }, area ? `≈ ${distance}` : distance) : null,
    ev.evidence ? h("span", { class: "item-evidence", "data-testid": "item-evidence", dir: "auto", lang: ev.evidence_lang || undefined, style: "display:-webkit-box" }, ev.evidence) : null));
}

// Events fetched one by one (their summaries), `BATCH` at a time, in order.
async function fetchEvents(ids, signal) {
  const out = await Promise.all(ids.map((id) => getJson(`/api/events/${encodeURIComponent(id)}`, {}, signal).catch((e) => {
    if (e.name === "AbortError") throw e;
    return e instanceof ApiError && e.status === 404 ? null : Promise.reject(e);
  })));
  return out.filter(Boolean);
}

// The events behind a figure of the trends view, in the list.
async function loadBehind(more = false) {
  const behind = state.behind;
  if (!more) {
    listEvents = [];
    listState = "loading";
    showState($("list-state"), "loading", { title: t("loading") });
  }
  const next = behind.ids.slice(listEvents.length, listEvents.length + BATCH);
  try {
    const got = await fetchEvents(next, signalFor("list"));
    if (state.behind !== behind) return;
    listEvents.push(...got);
    listCursor = listEvents.length < behind.ids.length ? "more" : null;
    listState = "ready";
    renderList();
  } catch (e) {
    if (e.name === "AbortError") return;
    listState = "error";
    showState($("list-state"), "error", { title: t("listFailed"), message: errorText(e), retry: () => loadBehind(more), retryLabel: t("retry") });
  }
}

function showBehind(label, ids) {
  state.behind = { label, ids: ids.map(String) };
  state.spot = null;
  if (state.event) closeEvent({ push: false });
  setView("list");
  loadList();
}

// With a date range, the undated events on the map get their own section of the list (the
// server's list only holds dated events then).
let undatedShown = [];
let undatedKey = "";
function renderUndatedList() {
  const section = $("undated-list");
  const ids = rangeOf(state.filters) && state.undated && !state.behind && !state.spot ? precisePoints().filter((p) => !p.span).map((p) => p.id) : [];
  section.hidden = !ids.length;
  if (!ids.length) {
    undatedKey = "";
    undatedShown = [];
    $("undated-items").replaceChildren();
    return;
  }
  $("undated-title").textContent = t("undatedSection", { n: ids.length });
  const key = ids.join(",");
  if (key !== undatedKey) {
    undatedKey = key;
    undatedShown = [];
    loadUndated(ids);
  }
}

async function loadUndated(ids, more = false) {
  const key = undatedKey;
  const next = ids.slice(undatedShown.length, undatedShown.length + BATCH);
  try {
    const got = await fetchEvents(next, signalFor("undated"));
    if (key !== undatedKey) return;
    undatedShown.push(...got);
    $("undated-items").replaceChildren(...listKept(undatedShown).map(listItem));
    const button = $("undated-more");
    button.hidden = undatedShown.length >= ids.length;
    button.onclick = () => loadUndated(ids, true);
  } catch (e) {
    if (e.name === "AbortError") return;
    $("undated-items").replaceChildren(h("li", { class: "state-inline" }, errorText(e), " ",
      h("button", { type: "button", "data-testid": "retry", onclick: () => loadUndated(ids, more) }, t("retry"))));
  }
}

// ---------------------------------------------------------------------------------------
// The event panel and the document view

let panelCallbacks;
async function openEvent(id, { push = true } = {}) {
  id = String(id);
  state.event = id;
  profile = null;
  aborts.entity?.abort();
  writeHash(push);
  const panel = $("panel");
  $("list-view").hidden = true;
  panel.hidden = false;
  if (isNarrow() && state.view !== "list") setView("list", { push: false });
  if (panel.dataset.eventId !== id) {
    panel.replaceChildren(h("p", { class: "muted" }, t("loading")));
    delete panel.dataset.eventId;
  }
  for (const b of document.querySelectorAll(".event-item")) b.setAttribute("aria-current", b.dataset.id === id ? "true" : "false");
  try {
    const ev = await getJson(`/api/events/${encodeURIComponent(id)}`, {}, signalFor("event"));
    await entitiesReady;
    if (state.event !== id) return ev;
    openDetail = ev;
    renderEvent(panel, ev, panelCallbacks);
    map.select(ev);
    if (ev.place?.lat != null && ev.place?.lon != null && !isNarrow()) map.ensureVisible(ev.place.lat, ev.place.lon);
    panel.focus({ preventScroll: true });
    return ev;
  } catch (e) {
    if (e.name === "AbortError") return null;
    console.error(e);
    const box = h("div", { class: "state-box", "data-testid": "panel-state" });
    showState(box, "error", { title: t("eventFailed"), message: errorText(e), retry: () => openEvent(id, { push: false }), retryLabel: t("retry") });
    panel.replaceChildren(box);
    return null;
  }
}

function closeEvent({ push = true } = {}) {
  const id = state.event;
  state.event = null;
  openDetail = null;
  profile = null;
  aborts.entity?.abort();
  $("panel").hidden = true;
  delete $("panel").dataset.eventId;
  $("list-view").hidden = false;
  map.select(null);
  writeHash(push);
  document.querySelector(`.event-item[data-id="${CSS.escape(id || "")}"]`)?.focus();
}

panelCallbacks = {
  onClose: () => closeEvent(),
  onBack: () => closeEvent(),
  onShowOnMap: () => {
    if (!openDetail?.place) return;
    setView("map");
    map.centreOn(openDetail.place.lat, openDetail.place.lon);
  },
  onDocument: (source) => showDocument($("doc"), source, signalFor("doc")).catch(showError),
  onEntity: (kind, id) => openEntity(kind, id),
  distance: (place) => distanceText(place),
};

// An actor's or place's profile, in the panel in place of the event it was opened from.
async function openEntity(kind, id) {
  const panel = $("panel");
  const want = { kind, id: String(id) };
  profile = { ...want, data: null };
  $("list-view").hidden = true;
  panel.hidden = false;
  try {
    const data = await getJson(`/api/entities/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`, {}, signalFor("entity"));
    if (profile?.kind !== want.kind || profile?.id !== want.id) return;
    rememberEntities([data.entity]);
    profile.data = data;
    renderProfile();
    panel.focus({ preventScroll: true });
    clearError();
  } catch (e) {
    showError(e);
  }
}

function renderProfile() {
  const panel = $("panel");
  const { kind, id, data } = profile;
  renderEntity(panel, data, {
    onClose: () => closeEvent(),
    backLabel: openDetail ? t("backToEvent") : t("back"),
    onBack: () => {
      profile = null;
      if (!openDetail) return closeEvent();
      renderEvent(panel, openDetail, panelCallbacks);
      panel.querySelector(`[data-testid="entity-link"][data-kind="${kind}"][data-id="${CSS.escape(id)}"]`)?.focus();
    },
    // The same filters as the form's: this actor, or exactly this place.
    onShowOnMap: () => {
      const f = kind === "place" ? { ...state.filters, place: id, near: false } : { ...state.filters, actor: id };
      setView("map");
      if (kind === "place" && data.entity?.lat != null && data.entity?.lon != null) map.centreOn(data.entity.lat, data.entity.lon);
      applyFilters(f).catch(showError);
    },
    onEvent: (eventId) => openEvent(eventId),
  });
}

// ---------------------------------------------------------------------------------------
// The trends view (GET /api/indicators, when the server has it)

let trendsKey = null;
async function loadTrends() {
  if (!api.indicators) return;
  // Twelve weeks unless dates say otherwise: the distance trend's window, all on the chart.
  const params = optionalParams(api.indicators, state.filters.since ? {} : { weeks: 12 });
  const key = JSON.stringify([params, currentLanguage()]);
  if (key === trendsKey) return;
  trendsKey = key;
  const body = $("trends-body");
  showState($("trends-state"), "loading", { title: t("loadingTrends") });
  try {
    // The route answers {focus, period, events, indicators, empty}; the figures alone are
    // the indicators crate's JSON too.
    const answer = await getJson("/api/indicators", params, signalFor("trends"));
    const ind = answer && "indicators" in answer ? answer.indicators : answer;
    if (ind === null && answer?.empty) {
      body.replaceChildren();
      trendsDrawn = null;
      return showState($("trends-state"), "empty", { title: t("trendsEmpty"), message: String(answer.empty) });
    }
    if (!Array.isArray(ind?.distance?.weeks) || !Array.isArray(ind?.encirclement?.sectors)) throw new ApiError(t("trendsUnexpected"), 200, "invalid_json");
    const focus = focusPlace();
    const focusName = !answer.focus?.id || answer.focus.id === focus?.id ? focus?.name : answer.focus.name;
    trendsDrawn = renderTrends(body, ind, { corridors, focusName, onEvents: showBehind });
    $("trends-period").textContent = `${formatDate(ind.period.start)} – ${formatDate(ind.period.end)}`;
    showState($("trends-state"), null);
  } catch (e) {
    if (e.name === "AbortError") return;
    trendsKey = null;
    if (e instanceof ApiError && e.status === 404 && e.code === "not_found" && !params.focus) {
      // The server has no indicators after all: the view goes away.
      api.indicators = null;
      $("view-trends").hidden = true;
      return setView("map");
    }
    console.error(e);
    body.replaceChildren();
    showState($("trends-state"), "error", { title: t("trendsFailed"), message: errorText(e), retry: () => loadTrends(), retryLabel: t("retry") });
  }
}
let trendsDrawn = null;

// ---------------------------------------------------------------------------------------
// Views: on a wide screen the map and the list side by side, or the trends; on a phone or a
// tablet one of map, list and trends at a time (tabs).

function setView(view, { push = false } = {}) {
  if (view === "trends" && !api.indicators) view = "map";
  const before = state.view;
  state.view = view;
  document.body.dataset.view = view;
  for (const b of document.querySelectorAll(".views [data-view]")) {
    const on = b.dataset.view === view || (view === "list" && !isNarrow() && b.dataset.view === "map");
    b.setAttribute("aria-pressed", on ? "true" : "false");
  }
  $("trends").hidden = view !== "trends";
  if (view === "trends") loadTrends();
  if (view !== before && view !== "trends") {
    // Leaflet and the timeline measure their boxes: again now that they are shown.
    requestAnimationFrame(() => {
      map.map.invalidateSize();
      timeline.draw();
    });
  }
  if (view !== before) writeHash(push);
}

// ---------------------------------------------------------------------------------------
// Live: new or changed events join the map, the timeline and the list

function matches(ev, { dates }) {
  const f = state.filters;
  if (f.type && ev.event_type !== f.type) return false;
  if (f.actor && ![ev.actor1?.id, ev.actor2?.id].map(String).includes(f.actor)) return false;
  if (f.place && !f.near && String(ev.place?.id) !== f.place) return false;
  if (f.place && f.near) {
    const c = entities.place.get(f.place);
    if (!c || c.lat == null || ev.place?.lat == null) return false;
    if (km(c.lat, c.lon, ev.place.lat, ev.place.lon) > f.km) return false;
  }
  if (dates) {
    const r = rangeOf(f);
    const d = spanOf(ev.date);
    if (r && (!d || d[0] > r[1] || d[1] < r[0])) return false;
  }
  if (state.spot && dates && !(ev.place && km(state.spot.lat, state.spot.lon, ev.place.lat, ev.place.lon) <= 1)) return false;
  return true;
}

function km(lat1, lon1, lat2, lon2) {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}

// Newest first, undated last (the list's order).
const sortKey = (ev) => (ev.date ? ev.date : "");

function onLive(events) {
  let changed = 0;
  let uncertain = false;
  for (const ev of events) {
    const id = String(ev.id);
    // Words are matched by the server only: an event not already shown may or may not match.
    const known = pointsById.has(id) || listEvents.some((x) => String(x.id) === id);
    if (state.filters.q && !known) {
      uncertain = true;
      continue;
    }
    changed += 1;
    const ok = matches(ev, { dates: false });
    const ti = types.indexOf(ev.event_type);
    const old = pointsById.get(id);
    if (old) points.splice(points.indexOf(old), 1), pointsById.delete(id);
    if (ok && ti >= 0 && ev.place?.lat != null && ev.place?.lon != null) {
      const p = {
        id, lat: ev.place.lat, lon: ev.place.lon, t: ti, date: ev.date, day: dayOf(ev.date), span: spanOf(ev.date),
        fat: ev.fatalities, disp: !!ev.disputed, cen: ev.geo_precision >= 3,
      };
      points.push(p);
      pointsById.set(id, p);
    }
    if (state.behind) continue;
    const at = listEvents.findIndex((x) => String(x.id) === id);
    if (at >= 0) listEvents.splice(at, 1);
    if (matches(ev, { dates: true })) {
      // Insert in order among the loaded events (or at the end when every page is loaded).
      const k = sortKey(ev);
      let i = listEvents.findIndex((x) => (k && !sortKey(x)) || sortKey(x) < k);
      if (i < 0 && !listCursor) i = listEvents.length;
      if (i >= 0) listEvents.splice(i, 0, ev);
    }
    if (state.event === id && !profile) openEvent(id, { push: false });
  }
  if (changed) {
    if (pointsState === "ready") refreshPoints();
    countMatching(serverParams({ dates: false }), signalFor("count")).then(updateUndated);
    listState = "ready";
    renderList();
    refreshHealth();
    trendsKey = null;
    if (state.view === "trends") loadTrends();
  }
  if (changed || uncertain) liveNotice(changed, uncertain);
}

let noticeTimer = 0;
let noticeCount = 0;
let noticeUncertain = false;
const noticeText = () => (noticeUncertain && !noticeCount ? t("liveNoticeQuery") : t(noticeCount === 1 ? "liveNotice1" : "liveNotice", { n: noticeCount }));
function liveNotice(n, uncertain) {
  noticeCount += n;
  noticeUncertain = uncertain;
  $("live-text").textContent = noticeText();
  $("live-refresh").hidden = !uncertain;
  $("live-notice").hidden = false;
  clearTimeout(noticeTimer);
  if (!uncertain) noticeTimer = setTimeout(hideNotice, 12000);
}
function hideNotice() {
  $("live-notice").hidden = true;
  noticeCount = 0;
}

function connectLive() {
  if (!window.EventSource) return;
  const source = new EventSource("/api/live");
  source.addEventListener("events", (msg) => {
    try {
      onLive(JSON.parse(msg.data).events || []);
    } catch (e) {
      console.error("live:", e);
    }
  });
  // On errors the browser reconnects by itself; nothing to tell the analyst.
  window.addEventListener("pagehide", () => source.close());
}

// ---------------------------------------------------------------------------------------

let health = null;
async function refreshHealth() {
  try {
    health = await getJson("/api/health", {}, signalFor("health"));
    showHealth();
  } catch (e) {
    if (e.name !== "AbortError") console.warn("health:", e);
  }
}
function showHealth() {
  if (!health) return;
  $("health").textContent = `${t("health", { events: health.events ?? 0, documents: health.documents ?? 0 })} · marsad ${health.version || ""}`;
}

function switchLanguage(l) {
  setLanguage(l);
  $("lang").value = currentLanguage();
  fillTypeSelect();
  fillDatalist("actor");
  fillDatalist("place");
  fillTowns();
  writeForm();
  $("focus").value = focusPlace()?.name || "";
  map.relabel();
  map.render();
  timeline.draw();
  renderList();
  refreshMap();
  showHealth();
  if (!$("live-notice").hidden) $("live-text").textContent = noticeText();
  if (undatedShown.length) $("undated-items").replaceChildren(...listKept(undatedShown).map(listItem));
  if (profile?.data && !$("panel").hidden) renderProfile();
  else if (openDetail && !$("panel").hidden) renderEvent($("panel"), openDetail, panelCallbacks);
  trendsKey = null;
  if (state.view === "trends") loadTrends();
}

function wire() {
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    const f = readForm();
    if (f) applyFilters(f);
  });
  // Selects, checkboxes and dates apply at once; text fields on Enter or when left.
  for (const id of ["f-type", "f-near", "f-km", "f-since", "f-until", "f-actor", "f-place", "f-prec"]) {
    $(id).addEventListener("change", () => {
      const f = readForm();
      if (!f) return;
      if (SERVER_FILTERS.concat(["since", "until"]).every((k) => f[k] === state.filters[k])) {
        // Only the precision changed: nothing to ask the server.
        state.filters = f;
        writeForm();
        writeHash(true);
        refreshPoints();
        renderList();
        return;
      }
      applyFilters(f);
    });
  }
  $("f-undated").addEventListener("change", (e) => {
    state.undated = e.target.checked;
    writeHash(true);
    refreshMap();
  });
  $("f-clear").addEventListener("click", () => {
    $("f-error").hidden = true;
    applyFilters({ ...EMPTY });
  });
  // Names typed in the actor / place fields are also looked up on the server.
  for (const kind of ["actor", "place"]) {
    let timer = 0;
    $(`f-${kind}`).addEventListener("input", (e) => {
      clearTimeout(timer);
      const q = e.target.value.trim();
      if (q.length >= 2) timer = setTimeout(() => loadEntities(kind, q).catch(() => {}), 250);
    });
  }
  $("focus").addEventListener("change", (e) => {
    const id = resolveTown(e.target.value);
    if (id === null) {
      e.target.setCustomValidity(t("unknownEntity", { name: e.target.value }));
      e.target.reportValidity();
      return;
    }
    e.target.setCustomValidity("");
    const capital = [...towns.values()].find((x) => x.properties.capital_of === THEATRE);
    state.focus = id === String(capital?.id) ? "" : id;
    applyFocus();
    writeHash(true);
    trendsKey = null;
    if (state.view === "trends") loadTrends();
    updateExports();
  });
  for (const layer of ["rings", "corridors", "towns"]) $(`layer-${layer}`).addEventListener("change", (e) => map.showLayer(layer, e.target.checked));
  for (const b of document.querySelectorAll(".views [data-view]")) b.addEventListener("click", () => setView(b.dataset.view, { push: true }));
  $("lang").addEventListener("change", (e) => switchLanguage(e.target.value));
  $("list-more").addEventListener("click", () => loadList(true));
  $("spot-clear").addEventListener("click", () => {
    state.spot = null;
    state.behind = null;
    map.selectSpot(null);
    loadList();
  });
  $("live-dismiss").addEventListener("click", hideNotice);
  $("live-refresh").addEventListener("click", () => {
    hideNotice();
    loadPoints();
    loadList();
  });
  for (const b of document.querySelectorAll(".tl-controls [data-bin]")) {
    b.addEventListener("click", () => {
      state.bin = b.dataset.bin;
      for (const x of document.querySelectorAll(".tl-controls [data-bin]")) x.setAttribute("aria-pressed", x === b ? "true" : "false");
      timeline.setMode(state.bin);
      writeHash(false);
    });
  }
  $("tl-reset").addEventListener("click", () => applyFilters({ ...state.filters, since: "", until: "" }));
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !$("doc").open && state.event) closeEvent();
  });
  window.matchMedia(NARROW).addEventListener("change", () => {
    // Folded on a small screen (they would hide the map), open on a wide one.
    $("filters-box").open = !isNarrow();
    $("legend").open = !isNarrow();
    setView(state.view === "list" && !isNarrow() ? "map" : state.view);
  });
  // Back / Forward, or a hash typed by hand.
  const onHash = async () => {
    if (location.hash === hashOf()) return;
    const s = readHash();
    if (s.view) map.map.setView([s.view[1], s.view[2]], s.view[0], { animate: false });
    if (s.focus !== state.focus) {
      state.focus = s.focus;
      applyFocus();
    }
    if (s.undated !== state.undated) {
      state.undated = s.undated;
      writeForm();
      refreshMap();
    }
    if (JSON.stringify(s.filters) !== JSON.stringify(state.filters)) await applyFilters(s.filters, { push: false });
    if (s.tab !== state.view && !(s.tab === "map" && state.view === "list")) setView(s.tab);
    if (s.event && s.event !== state.event) openEvent(s.event, { push: false });
    else if (!s.event && state.event) closeEvent({ push: false });
  };
  window.addEventListener("popstate", onHash);
  window.addEventListener("hashchange", onHash);
}

async function main() {
  // On a phone the legend and the filters start folded (they would hide the map).
  if (isNarrow()) {
    $("legend").open = false;
    $("filters-box").open = false;
  }
  await loadTranslations();
  setLanguage(initialLanguage());
  $("lang").value = currentLanguage();
  fillTypeSelect();

  map = new EventMap($("map"), {
    onEvent: (id) => openEvent(id),
    onSpot: (g) => {
      state.spot = { lat: g.lat, lon: g.lon, n: g.n };
      state.behind = null;
      map.selectSpot(state.spot);
      if (state.event) closeEvent();
      if (isNarrow()) setView("list");
      loadList();
    },
    onMove: () => writeHash(false),
  });
  map.tooltip = (e) => [
    typeName(types[e.t]), e.date ? formatDate(e.date) : t("undatedBadge"), e.disp ? t("disputed") : "", e.cen ? geoPrecision(3) : "",
    distanceText(e),
  ].filter(Boolean).join(" · ");
  timeline = new Timeline($("timeline"), {
    onBrush: (range, final) => {
      state.filters = { ...state.filters, since: range ? isoOf(Math.max(range[0], -1e6)) : "", until: range ? isoOf(Math.min(range[1], 1e6)) : "" };
      $("f-since").value = state.filters.since;
      $("f-until").value = state.filters.until;
      updateRangeText();
      updateExports();
      refreshMapSoon();
      // The list follows too: at once when the drag ends, a moment after a pause in it.
      clearTimeout(brushTimer);
      if (final) {
        writeHash(true);
        loadList();
        trendsKey = null;
      } else {
        brushTimer = setTimeout(() => loadList(), 300);
      }
    },
    onHover: (text) => ($("tl-hover").textContent = text),
  });

  const s = readHash();
  state.filters = s.filters;
  state.bin = s.bin;
  state.undated = s.undated;
  state.focus = s.focus;
  for (const x of document.querySelectorAll(".tl-controls [data-bin]")) x.setAttribute("aria-pressed", x.dataset.bin === s.bin ? "true" : "false");
  timeline.mode = s.bin;
  timeline.range = rangeOf(s.filters);
  if (s.view) map.map.setView([s.view[1], s.view[2]], s.view[0], { animate: false });
  wire();

  map.loadBasemap().catch(showError);
  refreshHealth();
  entitiesReady = Promise.all([loadEntities("actor"), loadEntities("place"), loadEntities("outlet")]).catch(showError);
  entitiesReady.then(() => writeForm());
  const reference = loadReference().catch(showError);
  writeForm();
  await Promise.all([loadPoints(), loadList(), reference]);
  if (s.tab === "trends") setView("trends");
  if (s.event) await openEvent(s.event, { push: false });
  writeHash(false);
  connectLive();
}

// For the end-to-end test (and the curious): state and a way to reach events.
let brushTimer = 0;
let resolveReady;
const ready = new Promise((r) => (resolveReady = r));
window.marsad = {
  ready,
  stats: () => ({
    points: shown.length, pins: map.drawn.pins.length, clusters: map.drawn.clusters,
    spots: map.drawn.spots, listed: listEvents.length, rings: map.drawn.rings || 0,
    corridors: map.corridorCount || 0, towns: map.drawn.towns || 0,
    centroidPins: map.drawn.pins.filter((e) => e.cen).length,
  }),
  pins: () => map.pins(),
  reveal: (id) => map.reveal(String(id)),
  openEvent: (id) => openEvent(id),
  setLanguage: (l) => switchLanguage(l),
  focus: () => focusPlace(),
  trends: () => trendsDrawn,
  rings: () => map.rings(),
  pinStyle: (id) => map.pinStyle(String(id)),
  outletName: (outlet, url) => outletName(outlet, url, ""),
  get map() { return map?.map; },
};

// Classic scripts (Leaflet & co.) are deferred; modules run after them.
main().then(
  () => {
    document.body.dataset.ready = "true";
    resolveReady(true);
  },
  (e) => {
    showError(e);
    resolveReady(false);
  },
);
