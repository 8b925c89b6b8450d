// The event panel (one event, every source's claim and evidence) and the document view.
import { h, bdi, webUrl } from "./dom.js";
import { getJson } from "./api.js";
import {
  t, typeName, subTypeName, fieldName, languageName, formatDate, formatNumber, formatPercent,
  timePrecision, geoPrecision, entityName, nameInLanguage,
} from "./i18n.js";
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

export function renderEvent(panel, ev, { onClose, onBack, onShowOnMap, onDocument }) {
  const disputed = new Set(ev.disputed_fields || []);
  const sources = ev.sources || [];
  panel.replaceChildren();
  panel.dataset.eventId = ev.id;

  // One fact of the event; a disputed one is marked and lists each source's value.
  const fact = (field, label, value, extra) => {
    const isDisputed = disputed.has(field);
    const dd = h("dd", { class: isDisputed ? "is-disputed" : null, dataset: { field } },
      value, extra ? [" ", h("span", { class: "muted small" }, extra)] : null);
    if (isDisputed) {
      dd.append(" ", h("span", { class: "badge disputed" }, t("disputed")));
      // Each source's value beside its outlet, each isolated so Arabic and Latin names mix.
      const per = sources.map((s, i) => [i ? " · " : "", h("b", {}, bdi(fieldValue(field, s.claim?.[field]))), " ",
        h("span", { class: "muted" }, bdi(s.outlet || s.doc_key || String(s.doc_id)))]);
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
    fact("place", t("place"), place ? bdi(place) : t("unknown"), ev.place ? geoPrecision(ev.geo_precision) : null),
    fact("actor1", t("actor1"), ev.actor1 ? bdi(entityName("actor", ev.actor1)) : t("none")),
    fact("actor2", t("actor2"), ev.actor2 ? bdi(entityName("actor", ev.actor2)) : t("none")),
    fact("fatalities", t("fatalities"), fieldValue("fatalities", ev.fatalities)),
    disputed.has("event_type") ? fact("event_type", t("eventType"), typeName(ev.event_type)) : null,
    disputed.has("sub_event_type") ? fact("sub_event_type", t("subType"), subTypeName(ev.sub_event_type)) : null,
    [h("dt", {}, t("sources")), h("dd", {}, sources.length === 1 ? t("oneSource") : t("sourceCount", { n: ev.source_count ?? sources.length, k: ev.independent_sources ?? sources.length }))],
    ev.foiled ? [h("dt", {}, ""), h("dd", {}, h("span", { class: "badge foiled" }, t("foiled")))] : null,
  ));

  panel.append(h("h3", {}, t("sources")));
  panel.append(h("ol", { class: "sources" }, sources.map((s) => renderSource(ev, s, disputed, onDocument))));
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
      h("span", { class: "source-outlet" }, bdi(s.outlet || s.doc_key || String(s.doc_id))),
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
    // The server explains in English why a source joined; the first source needs no reason.
    h("p", { class: "reason" }, `${t("reason")}: `, s.reason ? bdi(s.reason, "en") : t("firstReport")),
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
    doc.outlet ? [bdi(doc.outlet), " · "] : null,
    doc.published ? formatDate(doc.published) : t("unknown"), " · ",
    languageName(doc.lang),
    webUrl(doc.url) ? [" · ", h("a", { href: webUrl(doc.url), target: "_blank", rel: "noopener noreferrer" }, t("original"), " ↗")] : null));
  if (!dialog.open) dialog.showModal();
  mark?.scrollIntoView({ block: "center" });
  return doc;
}
