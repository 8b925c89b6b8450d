// The page's three languages: UI strings and ACLED names from i18n.json, entity names in the
// UI language, dates and numbers formatted for it.

const LANGS = ["ar", "fr", "en"];
const STORAGE_KEY = "marsad.lang";
let table = null;
let lang = "en";
let entityNames = new Map(); // "actor:jnim" -> {ar:[..], fr:[..], en:[..]}

export async function loadTranslations() {
  const res = await fetch("/assets/i18n.json");
  if (!res.ok) throw new Error(`i18n.json: HTTP ${res.status}`);
  table = await res.json();
}

// The saved choice, else the browser's first language we speak, else English.
export function initialLanguage() {
  let saved = null;
  try { saved = localStorage.getItem(STORAGE_KEY); } catch { /* storage may be off */ }
  if (LANGS.includes(saved)) return saved;
  for (const l of navigator.languages || [navigator.language || "en"]) {
    const base = String(l).slice(0, 2).toLowerCase();
    if (LANGS.includes(base)) return base;
  }
  return "en";
}

export function setLanguage(l) {
  lang = LANGS.includes(l) ? l : "en";
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* ignore */ }
  const html = document.documentElement;
  html.lang = lang;
  html.dir = lang === "ar" ? "rtl" : "ltr";
  document.title = t("title");
  // Static texts carry data-i18n (content), data-i18n-placeholder, -title, -aria-label.
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of document.querySelectorAll("[data-i18n-title]")) {
    el.title = t(el.dataset.i18nTitle);
    el.setAttribute("aria-label", el.title);
  }
  for (const el of document.querySelectorAll("[data-i18n-aria-label]")) el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
}

export const currentLanguage = () => lang;
export const locale = () => table?.[lang]?.locale || "en-GB";

// A UI string, with {name} placeholders filled; English when a language lacks it.
export function t(key, vars = {}) {
  const s = table?.[lang]?.ui?.[key] ?? table?.en?.ui?.[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] == null ? "" : fmtValue(vars[k])));
}

function fmtValue(v) {
  return typeof v === "number" ? formatNumber(v) : String(v);
}

function section(name, key) {
  return table?.[lang]?.[name]?.[key] || table?.en?.[name]?.[key] || null;
}

export const typeName = (type) => (type ? section("types", type) || type : t("unknown"));
export const subTypeName = (sub) => (sub ? section("subTypes", sub) || sub : "");
export const fieldName = (field) => section("fields", field) || field;
export const languageName = (code) => (code ? section("languages", code) || code : t("unknown"));
export const timePrecision = (p) => section("timePrecision", String(p)) || "";
export const geoPrecision = (p) => section("geoPrecision", String(p)) || "";

// Intl formatters are costly to create: one per locale and kind.
const formatters = new Map();
function formatter(kind, make) {
  const key = `${kind}|${locale()}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make(locale())));
  return f;
}

// Negative numbers are isolated left to right, so "-25" never reads "25-" in Arabic text.
export function formatNumber(n) {
  const s = formatter("n", (l) => new Intl.NumberFormat(l)).format(n);
  return n < 0 ? `\u2066${s}\u2069` : s;
}

export function formatPercent(x) {
  return formatter("p", (l) => new Intl.NumberFormat(l, { style: "percent" })).format(x);
}

// "2025-09-14" -> "14 Sept 2025" in the UI language (dates are calendar days: UTC).
export function formatDate(iso, opts = { day: "numeric", month: "short", year: "numeric" }) {
  if (!iso) return t("unknown");
  // Partial dates: a month ("2025-09") or a year ("2025").
  if (/^\d{4}-\d{2}$/.test(iso)) return formatDate(`${iso}-01`, { month: "long", year: "numeric" });
  if (/^\d{4}$/.test(iso)) return iso;
  const d = new Date(`${String(iso).slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return String(iso);
  return formatter(`d${JSON.stringify(opts)}`, (l) => new Intl.DateTimeFormat(l, { ...opts, timeZone: "UTC" })).format(d);
}

// Entities: names in every language, from /api/entities.
const byName = new Map(); // any name, lower-cased -> "kind:id"
export function rememberEntities(entities) {
  for (const e of entities || []) {
    const key = `${e.kind}:${e.id}`;
    entityNames.set(key, { names: e.names || {}, name: e.name });
    for (const n of [e.name, ...Object.values(e.names || {}).flat()]) if (n && !byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), key);
  }
}

// A name given as plain text (a claim's `attributed_to`), in the UI language when known.
export function nameInLanguage(text) {
  const known = entityNames.get(byName.get(String(text).toLowerCase()));
  return known?.names?.[lang]?.[0] || String(text);
}

// The name of an actor or place in the UI language when the knowledge base has one.
export function entityName(kind, ref) {
  if (!ref) return null;
  const known = entityNames.get(`${kind}:${ref.id}`);
  const own = known?.names?.[lang]?.[0];
  return own || ref.name || known?.name || ref.id;
}

export function entityLabel(kind, e) {
  return e.names?.[lang]?.[0] || e.name || e.id;
}

// Outlets (GET /api/outlets): a source's outlet is stored as it was given (a name, a
// knowledge-base id, or nothing), so it is looked up by id, by any of its names, then by the
// domain of the source's URL, and named in the UI language.
const outlets = new Map(); // id, lower-cased name or domain -> outlet
export function rememberOutlets(list) {
  for (const o of list || []) {
    outlets.set(`id:${o.id}`, o);
    for (const n of [o.name, ...Object.values(o.names || {}).flat()]) if (n && !outlets.has(`n:${n.toLowerCase()}`)) outlets.set(`n:${n.toLowerCase()}`, o);
    for (const d of o.domains || []) outlets.set(`d:${d.toLowerCase()}`, o);
  }
}

// The host of a URL without "www.", or null.
function domainOf(url) {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

function outletByDomain(domain) {
  // news.example.org is example.org's when only the latter is known.
  for (let d = domain; d && d.includes("."); d = d.slice(d.indexOf(".") + 1)) {
    const o = outlets.get(`d:${d}`);
    if (o) return o;
  }
  return null;
}

// The name to show for a source's outlet: {text, known}; `outlet` as stored, `url` the
// document's. Falls back to the URL's domain, then to `fallback` (the document's key).
export function outletName(outlet, url, fallback) {
  const raw = outlet ? String(outlet) : "";
  const known = raw ? outlets.get(`id:${raw}`) || outlets.get(`n:${raw.toLowerCase()}`) || outletByDomain(domainOf(raw) || raw.toLowerCase()) : null;
  const viaUrl = known || (raw ? null : outletByDomain(domainOf(url) || ""));
  const o = known || viaUrl;
  if (o) return o.names?.[lang]?.[0] || o.name || raw;
  return raw || domainOf(url) || fallback || t("unknown");
}
