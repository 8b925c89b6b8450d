// The event panel (one event, every source's claim and evidence) and the document view.
import { h, bdi, svg, webUrl } from "./dom.js";
import { getJson } from "./api.js";
import {
  t, typeName, subTypeName, fieldName, languageName, formatDate, formatNumber, formatPercent,
  timePrecision, geoPrecision, entityName, entityLabel, nameInLanguage, outletName,
} from "./i18n.js";
import { reasonClauses } from "./reasons.js";
import { typeColor } from "./map.js";

// How a field's value reads, for the event and for one source's claim.
export function fieldValue(field, v) {
  if (v === undefined || v === null || v === "") return t("unknown");
  switch (field) {
    case "event_type": return typeName(v);
    case "sub_event_type": return subTypeName(v);
    case "actor1":
    case "actor2":
      return typeof v === "object" ? entityName("actor", v) : String(v);
    case "attributed_to":
      return typeof v === "object" ? entityName("actor", v) : nameInLanguage(v);
    case "place": return typeof v === "object" ? entityName("place", v) : String(v);
    case "date": return formatDate(v);
    case "fatalities": return typeof v === "number" ? formatNumber(v) : String(v);
    case "foiled": return v ? t("yes") : "—";
    case "confidence": return typeof v === "number" ? formatPercent(v) : String(v);
    default: return typeof v === "object" ? JSON.stringify(v) : String(v);
  }
}

// Comparable form of a value (ids for references).
const key = (v) => (v && typeof v === "object" ? v.id ?? JSON.stringify(v) : v ?? null);

// An actor or place of the event as a button that opens its profile.
function entityButton(kind, ref, onEntity) {
  const name = entityName(kind, ref);
  if (!onEntity || ref?.id == null) return bdi(name);
  return h("button", {
    type: "button", class: "entity-link", "data-testid": "entity-link", dataset: { kind, id: String(ref.id) },
    title: t("openProfile", { name }), onclick: () => onEntity(kind, String(ref.id)),
  }, bdi(name));
}

export function renderEvent(panel, ev, { onClose, onBack, onShowOnMap, onDocument, onEntity, distance }) {
  const disputed = new Set(ev.disputed_fields || []);
  const sources = ev.sources || [];
  panel.replaceChildren();
  panel.dataset.eventId = ev.id;
  delete panel.dataset.entity;

  // One fact of the event; a disputed one is marked and lists each source's value.
  const fact = (field, label, value, extra) => {
    const isDisputed = disputed.has(field);
    const dd = h("dd", { class: isDisputed ? "is-disputed" : null, dataset: { field } },
      value, extra ? [" ", h("span", { class: "muted small" }, extra)] : null);
    if (isDisputed) {
      dd.append(" ", h("span", { class: "badge disputed" }, t("disputed")));
      // Each source's value beside its outlet, each isolated so Arabic and Latin names mix.
      const per = sources.map((s, i) => [i ? " · " : "", h("b", {}, bdi(fieldValue(field, s.claim?.[field]))), " ",
        h("span", { class: "muted" }, bdi(outletName(s.outlet, s.url, s.doc_key || String(s.doc_id))))]);
      dd.append(h("span", { class: "per-source" }, `${t("perSource")}: `, per));
    }
    return [h("dt", {}, label), dd];
  };

  const place = ev.place ? entityName("place", ev.place) : null;
  panel.append(
    h("div", { class: "panel-head" },
      h("span", { class: "swatch", style: `background:${typeColor(ev.event_type)};margin-top:.3rem` }),
      h("h2", { id: "panel-title", "data-testid": "event-title" }, typeName(ev.event_type),
        h("span", { class: "sub" }, subTypeName(ev.sub_event_type))),
      h("button", { type: "button", class: "icon", "aria-label": t("close"), title: t("close"), onclick: onClose }, "×")),
    h("div", { class: "panel-actions" },
      h("button", { type: "button", onclick: onBack }, t("back")),
      ev.place?.lat != null ? h("button", { type: "button", onclick: onShowOnMap }, t("showOnMap")) : null),
  );
  if (disputed.size || ev.disputed) {
    const names = [...disputed].map(fieldName).join(", ");
    panel.append(h("p", { class: "dispute-note", "data-testid": "disputed", role: "note" },
      h("span", { class: "badge disputed" }, t("disputed")), " ",
      names ? t("disputedNote", { fields: names }) : "",
      disputed.has("fatalities") ? [" ", t("conservative")] : null));
  }
  panel.append(h("dl", { class: "facts" },
    fact("date", t("date"), fieldValue("date", ev.date), ev.date ? timePrecision(ev.time_precision) : null),
    fact("place", t("place"), place ? entityButton("place", ev.place, onEntity) : t("unknown"), ev.place ? geoPrecision(ev.geo_precision) : null),
    ev.place && distance?.(ev.place) ? [h("dt", {}, t("distance")), h("dd", { "data-testid": "panel-distance" }, `${ev.geo_precision >= 3 ? "≈ " : ""}${distance(ev.place)}`)] : null,
    fact("actor1", t("actor1"), ev.actor1 ? entityButton("actor", ev.actor1, onEntity) : t("none")),
    fact("actor2", t("actor2"), ev.actor2 ? entityButton("actor", ev.actor2, onEntity) : t("none")),
    fact("fatalities", t("fatalities"), fieldValue("fatalities", ev.fatalities)),
    disputed.has("event_type") ? fact("event_type", t("eventType"), typeName(ev.event_type)) : null,
    disputed.has("sub_event_type") ? fact("sub_event_type", t("subType"), subTypeName(ev.sub_event_type)) : null,
    [h("dt", {}, t("sources")), h("dd", {}, sources.length === 1 ? t("oneSource") : t("sourceCount", { n: ev.source_count ?? sources.length, k: ev.independent_sources ?? sources.length }))],
    ev.foiled ? [h("dt", {}, ""), h("dd", {}, h("span", { class: "badge foiled" }, t("foiled")))] : null,
  ));

  panel.append(h("h3", {}, t("sources")));
  panel.append(h("ol", { class: "sources" }, sources.map((s) => renderSource(ev, s, disputed, onDocument))));
}

// ---------------------------------------------------------------------------------------
// An actor's or a place's profile (GET /api/entities/{kind}/{id}) in the same side panel.


const DAY = 86400000;
const mondayMs = (iso) => Date.parse(`${iso}T00:00:00Z`);
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

// Events per week, every week from the first to the last (empty ones too), oldest on the left
// whatever the page direction (like the timeline).
function weekChart(buckets) {
  const counts = new Map();
  for (const b of buckets || []) if (/^\d{4}-\d{2}-\d{2}$/.test(b.key)) counts.set(b.key, b);
  const keys = [...counts.keys()].sort();
  if (!keys.length) return h("p", { class: "muted small" }, t("noDatedEvents"));
  const first = mondayMs(keys[0]);
  const last = mondayMs(keys[keys.length - 1]);
  const weeks = [];
  for (let ms = first; ms <= last && weeks.length < 1040; ms += 7 * DAY) weeks.push(isoDay(ms));
  const max = Math.max(1, ...[...counts.values()].map((b) => b.count || 0));
  const W = 300;
  const H = 64;
  const bw = W / weeks.length;
  const gap = bw > 3 ? Math.min(1, bw * 0.15) : 0;
  const chart = svg("svg", {
    class: "week-chart", "data-testid": "entity-weeks", viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none",
    role: "img", "aria-label": t("perWeek"),
  });
  chart.append(svg("line", { x1: 0, x2: W, y1: H - 0.5, y2: H - 0.5, class: "axis" }));
  weeks.forEach((w, i) => {
    const b = counts.get(w);
    if (!b || !b.count) return;
    const bh = Math.max(1.5, ((H - 4) * b.count) / max);
    chart.append(svg("rect", { x: i * bw + gap / 2, y: H - 0.5 - bh, width: Math.max(0.6, bw - gap), height: bh },
      svg("title", {}, `${t("weekOf", { date: formatDate(w) })}: ${t("eventCount", { n: b.count })}`)));
  });
  return h("figure", { class: "week-figure" },
    chart,
    h("figcaption", { class: "week-axis" },
      h("span", { dir: "auto" }, formatDate(weeks[0])),
      h("span", { dir: "auto" }, t("maxPerWeek", { n: max })),
      h("span", { dir: "auto" }, formatDate(weeks[weeks.length - 1]))));
}

function recentItem(ev, onEvent) {
  const actors = [ev.actor1, ev.actor2].filter(Boolean).map((a) => bdi(entityName("actor", a)));
  const meta = [];
  if (ev.place) meta.push(bdi(entityName("place", ev.place)));
  if (actors.length) meta.push(...(meta.length ? [" · "] : []), ...actors.flatMap((a, i) => (i ? [" / ", a] : [a])));
  if (ev.fatalities != null) meta.push(...(meta.length ? [" · "] : []), `${t("fatalities")}: ${formatNumber(ev.fatalities)}`);
  return h("li", {},
    h("button", {
      type: "button", class: "event-item", "data-testid": "profile-event", dataset: { id: String(ev.id) },
      onclick: () => onEvent(String(ev.id)),
    },
    h("span", { class: "item-top" },
      h("span", { class: "swatch", style: `background:${typeColor(ev.event_type)}` }),
      h("span", { class: "item-type" }, typeName(ev.event_type)),
      ev.disputed ? h("span", { class: "badge disputed" }, t("disputed")) : null,
      h("span", { class: "item-date" }, ev.date ? formatDate(ev.date) : t("unknown"))),
    meta.length ? h("span", { class: "item-meta", style: "display:block" }, ...meta) : null));
}

export function renderEntity(panel, data, { onClose, onBack, backLabel, onShowOnMap, onEvent }) {
  const e = data.entity || {};
  const kind = e.kind;
  panel.replaceChildren();
  delete panel.dataset.eventId;
  panel.dataset.entity = `${kind}:${e.id}`;
  const total = Math.max(1, ...(data.by_type || []).map((b) => b.count || 0));
  const recent = data.recent_events || [];
  panel.append(h("div", { class: "profile", "data-testid": "entity-profile", dataset: { kind, id: String(e.id) } },
    h("div", { class: "panel-head" },
      h("h2", { id: "panel-title", "data-testid": "entity-name" }, bdi(entityLabel(kind, e)),
        h("span", { class: "sub" }, kind === "place" ? t("place") : t("actor"), e.country ? [" · ", bdi(e.country)] : null)),
      h("button", { type: "button", class: "icon", "aria-label": t("close"), title: t("close"), onclick: onClose }, "×")),
    h("div", { class: "panel-actions" },
      h("button", { type: "button", "data-testid": "entity-back", onclick: onBack }, backLabel),
      h("button", { type: "button", "data-testid": "entity-show-on-map", onclick: onShowOnMap }, t("showEntityOnMap"))),
    h("dl", { class: "profile-counts" },
      h("div", {}, h("dt", {}, t("eventsTotal")), h("dd", { "data-testid": "entity-events" }, formatNumber(data.events ?? 0))),
      h("div", {}, h("dt", {}, t("fatalities")), h("dd", { "data-testid": "entity-fatalities" }, formatNumber(data.fatalities ?? 0)))),
    h("h3", {}, t("perWeek")),
    weekChart(data.by_week),
    h("h3", {}, t("byType")),
    (data.by_type || []).length
      ? h("ul", { class: "by-type" }, data.by_type.map((b) => h("li", {},
        h("span", { class: "swatch", style: `background:${typeColor(b.key)}` }),
        h("span", { class: "by-type-name" }, typeName(b.key)),
        h("span", { class: "by-type-bar", "aria-hidden": "true" },
          h("span", { style: `width:${((100 * (b.count || 0)) / total).toFixed(1)}%;background:${typeColor(b.key)}` })),
        h("span", { class: "count" }, formatNumber(b.count || 0)),
        h("span", { class: "muted small" }, b.fatalities ? t("killed", { n: b.fatalities }) : ""))))
      : h("p", { class: "muted" }, t("none")),
    h("h3", {}, t("recentEvents")),
    recent.length
      ? h("ol", { class: "event-list", "data-testid": "entity-recent" }, recent.map((ev) => recentItem(ev, onEvent)))
      : h("p", { class: "muted" }, t("empty")),
  ));
}

function renderSource(ev, s, disputed, onDocument) {
  const c = s.claim || {};
  const ev2 = c.evidence || {};
  const lang = s.lang || undefined;
  // A claim's value, flagged when it differs from the event's on a disputed field.
  const row = (field, label) => {
    const v = c[field];
    if (v === undefined || v === null || v === "") return null;
    const differs = disputed.has(field) && key(v) !== key(ev[field]);
    return [h("dt", {}, label), h("dd", { class: differs ? "differs" : null, dataset: { field } }, bdi(fieldValue(field, v)))];
  };
  return h("li", { class: "source", "data-testid": "source", dataset: { docId: s.doc_id } },
    h("div", { class: "source-head" },
      h("span", { class: "source-outlet", "data-testid": "source-outlet", title: s.outlet || s.url || "" }, bdi(outletName(s.outlet, s.url, s.doc_key || String(s.doc_id)))),
      s.published ? h("span", { class: "muted" }, formatDate(s.published)) : null,
      h("span", { class: "badge", title: t("docLanguage") }, languageName(s.lang))),
    s.title ? h("p", { class: "source-title", dir: "auto", lang }, s.title) : null,
    h("p", { class: "muted small" }, t("claim")),
    h("dl", { class: "claim" },
      row("event_type", t("eventType")),
      c.sub_event_type !== ev.sub_event_type || disputed.has("sub_event_type") ? row("sub_event_type", t("subType")) : null,
      row("actor1", t("actor1")),
      row("actor2", t("actor2")),
      row("place", t("place")),
      row("date", t("date")),
      row("fatalities", t("fatalities")),
      row("attributed_to", t("attributedTo")),
      c.foiled ? row("foiled", t("foiled")) : null,
      row("confidence", t("confidence"))),
    // The sentence that says it, highlighted in its context, in its own direction.
    h("blockquote", { class: "evidence", "data-testid": "evidence", dir: "auto", lang, "aria-label": t("evidence") },
      ev2.before ? h("span", { class: "ctx" }, ev2.before) : null,
      h("mark", {}, ev2.text ?? ""),
      ev2.after ? h("span", { class: "ctx" }, ev2.after) : null),
    // Why it joined, told in the UI language from the stored reason; the first source needs none.
    h("p", { class: "reason", "data-testid": "reason", title: s.reason || null }, `${t("reason")}: `,
      s.reason ? reasonClauses(s.reason).flatMap((c, i) => [i ? t("reasonSeparator") : "", c.known ? bdi(c.text) : bdi(c.text, "en")]) : t("firstReport")),
    h("div", { class: "source-links" },
      h("button", { type: "button", "data-testid": "open-document", onclick: () => onDocument(s) }, t("openDocument")),
      webUrl(s.url) ? h("a", { href: webUrl(s.url), target: "_blank", rel: "noopener noreferrer" }, t("original"), " ↗") : null),
  );
}

// The document with the evidence highlighted and the names found underlined. Offsets count
// code points, so the text is split with Array.from (not UTF-16 indexes).
export async function showDocument(dialog, source, signal) {
  const doc = await getJson(`/api/documents/${encodeURIComponent(source.doc_id)}`, {}, signal);
  const chars = Array.from(doc.text || "");
  const ev = source.claim?.evidence || {};
  const start = Number.isInteger(ev.start) ? ev.start : -1;
  const end = Number.isInteger(ev.end) ? ev.end : -1;
  const mentions = (doc.mentions || []).filter((m) => m.end > m.start && m.start >= 0 && m.end <= chars.length);

  const cuts = new Set([0, chars.length]);
  if (start >= 0 && end > start) cuts.add(start).add(Math.min(end, chars.length));
  for (const m of mentions) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);

  const body = dialog.querySelector("#doc-text");
  body.replaceChildren();
  body.lang = doc.lang || "";
  let mark = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (a >= b) continue;
    const text = chars.slice(a, b).join("");
    const m = mentions.find((x) => x.start <= a && x.end >= b);
    const node = m ? h("span", { class: `m-${m.kind}`, title: m.name || "" }, text) : document.createTextNode(text);
    if (a >= start && b <= end) {
      if (!mark) mark = h("mark", { "data-testid": "document-evidence" });
      mark.append(node);
      if (!mark.parentNode) body.append(mark);
    } else {
      body.append(node);
    }
  }

  dialog.querySelector("#doc-title").textContent = doc.title || doc.key || String(doc.id);
  dialog.querySelector("#doc-title").lang = doc.lang || "";
  const meta = dialog.querySelector("#doc-meta");
  meta.replaceChildren(h("span", {},
    doc.outlet || doc.url ? [bdi(outletName(doc.outlet, doc.url, doc.key)), " · "] : null,
    doc.published ? formatDate(doc.published) : t("unknown"), " · ",
    languageName(doc.lang),
    webUrl(doc.url) ? [" · ", h("a", { href: webUrl(doc.url), target: "_blank", rel: "noopener noreferrer" }, t("original"), " ↗")] : null));
  if (!dialog.open) dialog.showModal();
  mark?.scrollIntoView({ block: "center" });
  return doc;
}
