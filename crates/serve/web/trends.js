// The trends view: the indicators around the focus place (GET /api/indicators, the JSON the
// indicators crate serialises) drawn as the report draws them: weekly distance of armed
// violence to the focus with its trend and interval, events per week in distance rings, the
// compass sectors closed around the focus, and incidents along each supply road. Every mark
// opens the events behind it; the events the figures had to leave out are counted and offered.
// Time runs left to right whatever the page's direction.
import { h, svg, bdi } from "./dom.js";
import { t, formatDate, formatNumber, formatPercent } from "./i18n.js";
import { corridorName } from "./map.js";

// Near to far: the rings' colours (ColorBrewer OrRd, colour-blind safe).
const BAND_COLOURS = ["#b30000", "#e34a33", "#fc8d59", "#fdcc8a"];
const W = 640;

const weekLabel = (span) => t("weekOf", { date: formatDate(span.first) });
const km = (v) => `${formatNumber(Math.round(v))} km`;
const ids = (evidence) => evidence?.events || [];

// Rounds up to 1, 2, 2.5 or 5 times a power of ten.
function niceMax(v) {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

// A clickable mark: opens the events behind it (when there are any).
function clickable(el, label, events, onEvents) {
  el.append(svg("title", {}, `${label}: ${t("eventCount", { n: events.length })}`));
  if (!events.length) return el;
  el.setAttribute("tabindex", "0");
  el.setAttribute("role", "button");
  el.setAttribute("aria-label", `${label}: ${t("eventCount", { n: events.length })}`);
  el.classList.add("hit");
  const open = () => onEvents(label, events);
  el.addEventListener("click", open);
  el.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      open();
    }
  });
  return el;
}

function card(testid, title, ...body) {
  return h("section", { class: "trend-card", "data-testid": testid }, h("h3", {}, title), ...body);
}

// Week axis under a chart: first and last week, and the middle one when there is room.
function weekAxis(weeks) {
  if (!weeks.length) return null;
  const labels = [weeks[0], weeks[weeks.length - 1]].map((w) => formatDate(w.span.first));
  return h("div", { class: "chart-axis" }, h("span", {}, labels[0]), h("span", {}, labels[1]));
}

// ---------------------------------------------------------------------------------------
// Distance to the focus, week by week, with the trend of the median and its interval.

function trendSentence(trend) {
  const fit = trend.fit;
  const direction = t(`direction${trend.direction}`);
  if (!fit) return direction;
  const ci = fit.slope_ci95;
  return t(ci ? "trendSlopeCi" : "trendSlope", {
    slope: formatNumber(Math.round(fit.slope * 10) / 10),
    lo: ci ? formatNumber(Math.round(ci[0] * 10) / 10) : "",
    hi: ci ? formatNumber(Math.round(ci[1] * 10) / 10) : "",
    n: fit.n,
    direction,
  });
}

function distanceChart(ind, onEvents) {
  const weeks = ind.distance.weeks;
  const trend = ind.distance.median_trend;
  const H = 180;
  const pad = { l: 72, r: 10, t: 10, b: 8 };
  const bw = (W - pad.l - pad.r) / Math.max(1, weeks.length);
  const xOf = (i) => pad.l + (i + 0.5) * bw;
  // The fit's x counts the trend window's weeks; find each chart week in the window.
  const windowIndex = new Map(trend.window.map((s, i) => [s.week, i]));
  const fitAt = (i) => {
    const x = windowIndex.get(weeks[i].span.week);
    return x === undefined || !trend.fit ? null : trend.fit.intercept + trend.fit.slope * x;
  };
  const values = weeks.flatMap((w, i) => [w.median_km, w.p10_km, fitAt(i)]).filter((v) => v != null);
  const top = niceMax(Math.max(1, ...values));
  const yOf = (v) => pad.t + (H - pad.t - pad.b) * (1 - v / top);
  const chart = svg("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": t("distanceTitle"), "data-testid": "distance-chart" });
  // The trend and its interval are drawn inside the plot only.
  const clip = `plot-${Math.random().toString(36).slice(2)}`;
  chart.append(svg("clipPath", { id: clip }, svg("rect", { x: pad.l, y: pad.t, width: W - pad.l - pad.r, height: H - pad.t - pad.b })));
  for (const v of [0, top / 2, top]) {
    chart.append(svg("line", { class: "grid", x1: pad.l, x2: W - pad.r, y1: yOf(v), y2: yOf(v) }),
      svg("text", { class: "tick", x: pad.l - 6, y: yOf(v) + 4, "text-anchor": "end" }, km(v)));
  }
  // The interval of the slope: lines through the mean point of the fitted weeks with the
  // interval's two slopes, drawn only when the whole window is on the chart.
  const fitted = weeks.map((w, i) => [windowIndex.get(w.span.week), w.median_km, i]).filter(([x, y]) => x !== undefined && y != null);
  const ci = trend.fit?.slope_ci95;
  if (ci && fitted.length === trend.fit.n && fitted.length >= 3) {
    const mx = fitted.reduce((a, [x]) => a + x, 0) / fitted.length;
    const my = fitted.reduce((a, [, y]) => a + y, 0) / fitted.length;
    const [first, last] = [fitted[0], fitted[fitted.length - 1]];
    // Two triangles meeting at the mean point: the lines of every slope in the interval.
    const at = (slope, [x, , i]) => [xOf(i), yOf(my + slope * (x - mx))].map((v) => v.toFixed(1));
    const pts = [at(ci[0], first), at(ci[0], last), at(ci[1], last), at(ci[1], first)];
    chart.append(svg("polygon", { class: "trend-interval", "clip-path": `url(#${clip})`, points: pts.map((p) => p.join(",")).join(" "), "data-testid": "trend-interval" }));
  }
  const fitPts = weeks.map((_, i) => [i, fitAt(i)]).filter(([, v]) => v != null);
  if (fitPts.length >= 2) {
    const [[i0, v0], [i1, v1]] = [fitPts[0], fitPts[fitPts.length - 1]];
    chart.append(svg("line", { class: "trend-line", "clip-path": `url(#${clip})`, x1: xOf(i0), y1: yOf(v0), x2: xOf(i1), y2: yOf(v1), "data-testid": "trend-line" }));
  }
  for (const [key, cls] of [["p10_km", "p10"], ["median_km", "median"]]) {
    let path = "";
    weeks.forEach((w, i) => {
      const v = w[key];
      path += v == null ? "" : `${path && weeks[i - 1]?.[key] != null ? "L" : "M"}${xOf(i).toFixed(1)},${yOf(v).toFixed(1)}`;
    });
    if (path) chart.append(svg("path", { class: `series ${cls}`, d: path }));
    weeks.forEach((w, i) => {
      if (w[key] == null) return;
      const dot = svg("circle", { class: `dot ${cls}`, cx: xOf(i), cy: yOf(w[key]), r: 4.5 });
      chart.append(clickable(dot, `${weekLabel(w.span)} · ${t(cls === "p10" ? "p10" : "median")} ${km(w[key])}`, ids(w.evidence), onEvents));
    });
  }
  const measured = weeks.reduce((n, w) => n + ids(w.evidence).length, 0);
  return card("trend-distance", t("distanceTitle"),
    h("p", { class: "trend-sentence", "data-testid": "trend-sentence" }, trendSentence(trend)),
    h("figure", { class: "chart-figure" }, chart, weekAxis(weeks)),
    h("p", { class: "chart-key" },
      h("span", { class: "key median" }), t("median"), " ", h("span", { class: "key p10" }), t("p10"), " ",
      h("span", { class: "key trend" }), t("trendLine"), " · ", t("eventsMeasured", { n: measured })));
}

// ---------------------------------------------------------------------------------------
// Events per week in distance bands.

function ringsChart(ind, onEvents) {
  const { bands, weeks } = ind.rings;
  const H = 150;
  const pad = { l: 72, r: 10, t: 8, b: 4 };
  const bw = (W - pad.l - pad.r) / Math.max(1, weeks.length);
  const totals = weeks.map((w) => w.bands.reduce((n, b) => n + ids(b).length, 0));
  const top = niceMax(Math.max(1, ...totals));
  const yOf = (v) => pad.t + (H - pad.t - pad.b) * (1 - v / top);
  const chart = svg("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": t("ringsTitle"), "data-testid": "rings-chart" });
  for (const v of [0, top]) {
    chart.append(svg("line", { class: "grid", x1: pad.l, x2: W - pad.r, y1: yOf(v), y2: yOf(v) }),
      svg("text", { class: "tick", x: pad.l - 6, y: yOf(v) + 4, "text-anchor": "end" }, formatNumber(v)));
  }
  const bandLabel = (b) => t("band", { from: formatNumber(b[0]), to: formatNumber(b[1]) });
  weeks.forEach((w, i) => {
    let acc = 0;
    w.bands.forEach((evidence, k) => {
      const n = ids(evidence).length;
      if (!n) return;
      const rect = svg("rect", {
        class: "band", x: pad.l + i * bw + 1, y: yOf(acc + n), width: Math.max(1, bw - 2), height: yOf(acc) - yOf(acc + n),
        fill: BAND_COLOURS[k % BAND_COLOURS.length], "data-band": k,
      });
      acc += n;
      chart.append(clickable(rect, `${weekLabel(w.span)} · ${bandLabel(bands[k])}`, ids(evidence), onEvents));
    });
  });
  const legend = h("ul", { class: "band-legend" }, bands.map((b, k) => h("li", {},
    h("span", { class: "swatch", style: `background:${BAND_COLOURS[k % BAND_COLOURS.length]}` }), bandLabel(b))));
  return card("trend-rings", t("ringsTitle"), h("figure", { class: "chart-figure" }, chart, weekAxis(weeks)), legend);
}

// ---------------------------------------------------------------------------------------
// Encirclement: the 16 compass sectors within the radius, closed or open.

function polar(cx, cy, r, deg) {
  const a = (deg * Math.PI) / 180;
  return [cx + r * Math.sin(a), cy - r * Math.cos(a)];
}

function wedge(cx, cy, r0, r1, from, to) {
  const span = ((to - from) % 360 + 360) % 360 || 360;
  const large = span > 180 ? 1 : 0;
  const [a, b, c, d] = [polar(cx, cy, r1, from), polar(cx, cy, r1, from + span), polar(cx, cy, r0, from + span), polar(cx, cy, r0, from)];
  return `M${a} A${r1},${r1} 0 ${large} 1 ${b} L${c} A${r0},${r0} 0 ${large} 0 ${d} Z`;
}

const compass = (label) => t(`compass${label}`);

function encirclementCard(ind, onEvents) {
  const e = ind.encirclement;
  const S = 260;
  const [cx, cy, r0, r1] = [S / 2, S / 2, 22, S / 2 - 40];
  const max = Math.max(1, ...e.sectors.map((s) => ids(s.evidence).length));
  const chart = svg("svg", { class: "chart polar", viewBox: `0 0 ${S} ${S}`, role: "img", "aria-label": t("encirclementTitle"), "data-testid": "encirclement-chart" });
  for (const s of e.sectors) {
    const n = ids(s.evidence).length;
    const path = svg("path", {
      class: n ? "sector closed" : "sector open", d: wedge(cx, cy, r0, r1, s.from_deg, s.to_deg),
      "fill-opacity": n ? (0.35 + 0.65 * (n / max)).toFixed(2) : null, "data-sector": s.label,
    });
    chart.append(clickable(path, `${compass(s.label)} · ${n ? t("sectorClosed") : t("sectorOpen")}`, ids(s.evidence), onEvents));
  }
  const arc = e.largest_open_arc;
  if (arc && arc.sectors < 16) {
    chart.append(svg("path", { class: "open-arc", d: wedge(cx, cy, r1 + 3, r1 + 9, arc.from_deg, arc.to_deg), "data-testid": "open-arc" }));
  }
  for (const [label, deg] of [["N", 0], ["E", 90], ["S", 180], ["W", 270]]) {
    const [x, y] = polar(cx, cy, r1 + 22, deg);
    chart.append(svg("text", { class: "compass", x, y: y + 4, "text-anchor": "middle" }, compass(label)));
  }
  const sentence = t("encirclementSentence", {
    closed: e.closed, share: formatPercent(e.share_closed), km: formatNumber(e.radius_km), from: formatDate(e.from), to: formatDate(e.to),
  });
  const open = arc
    ? arc.sectors === 16 ? t("noSectorClosed") : t("openArc", { from: compass(e.sectors[arc.first].label), to: compass(e.sectors[arc.last].label), n: arc.sectors })
    : t("allSectorsClosed");
  return card("trend-encirclement", t("encirclementTitle"),
    h("div", { class: "polar-wrap" }, chart,
      h("div", {},
        h("p", { class: "trend-sentence", "data-testid": "encirclement-sentence" }, sentence),
        h("p", {}, open),
        e.at_focus?.length ? h("p", { class: "muted small" }, t("atFocus", { n: e.at_focus.length })) : null,
        leftOutLine(e.left_out))));
}

// ---------------------------------------------------------------------------------------
// Incidents along each supply road, per week.

function corridorsCard(ind, corridors, onEvents) {
  const byId = new Map((corridors?.features || []).map((f) => [f.id, f.properties]));
  const roads = [...ind.corridors].sort((a, b) => b.incidents.length - a.incidents.length || a.id.localeCompare(b.id));
  if (!roads.length) return card("trend-corridors", t("corridorsTitle"), h("p", { class: "muted" }, t("noCorridors")));
  const rows = roads.map((road) => {
    const weeks = road.weeks;
    const Wc = 260;
    const Hc = 36;
    const bw = Wc / Math.max(1, weeks.length);
    const top = Math.max(1, ...weeks.map((w) => ids(w.tally.evidence).length));
    const spark = svg("svg", { class: "spark", viewBox: `0 0 ${Wc} ${Hc}`, preserveAspectRatio: "none", role: "img", "aria-label": t("perWeek") });
    spark.append(svg("line", { class: "grid", x1: 0, x2: Wc, y1: Hc - 0.5, y2: Hc - 0.5 }));
    weeks.forEach((w, i) => {
      const n = ids(w.tally.evidence).length;
      if (!n) return;
      const hgt = Math.max(2, ((Hc - 2) * n) / top);
      const rect = svg("rect", { class: w.tally.supply_attacks ? "bar supply" : "bar", x: i * bw + 0.5, y: Hc - 0.5 - hgt, width: Math.max(1, bw - 1), height: hgt });
      spark.append(clickable(rect, `${corridorName(byId.get(road.id) || { id: road.id })} · ${weekLabel(w.span)}`, ids(w.tally.evidence), onEvents));
    });
    const supply = road.incidents.filter((i) => i.supply_target).length;
    const last = road.last_incident;
    const name = corridorName(byId.get(road.id) || { id: road.id });
    const all = road.incidents.map((i) => i.event);
    return h("li", { class: "corridor-row", "data-testid": "corridor-row", dataset: { id: road.id } },
      h("span", { class: "corridor-name" }, bdi(name)),
      h("span", { class: "spark-wrap" }, spark),
      h("span", { class: "corridor-figures" },
        all.length
          ? h("button", { type: "button", class: "link", onclick: () => onEvents(name, [...new Set(all)]) }, t("incidents", { n: all.length }))
          : t("incidents", { n: 0 }),
        supply ? [" · ", t("supplyAttacks", { n: supply })] : null,
        " · ",
        last ? t("lastIncident", { n: last.days_since, date: formatDate(last.day) }) : t("noIncident")));
  });
  return card("trend-corridors", t("corridorsTitle"), h("ol", { class: "corridor-rows" }, rows),
    h("p", { class: "chart-key" }, h("span", { class: "key supply" }), t("supplyKey")));
}

// ---------------------------------------------------------------------------------------

function leftOutLine(left) {
  if (!left) return null;
  const parts = [
    left.imprecise_place ? t("leftImprecise", { n: left.imprecise_place }) : "",
    left.vague_date ? t("leftVague", { n: left.vague_date }) : "",
    left.undated ? t("leftUndated", { n: left.undated }) : "",
  ].filter(Boolean);
  return parts.length ? h("p", { class: "muted small" }, `${t("leftOut")}: ${parts.join(" · ")}`) : null;
}

// The events no figure could fully use, offered by reason.
function leftOutCard(ind, onEvents) {
  const left = ind.left_out || {};
  const items = [["imprecise_place", "leftImpreciseLong"], ["vague_date", "leftVagueLong"], ["undated", "leftUndatedLong"]]
    .map(([key, label]) => [left[key] || [], t(label, { n: (left[key] || []).length })]);
  return card("trend-left-out", t("leftOutTitle"),
    h("p", { class: "muted small" }, t("leftOutHint")),
    h("ul", { class: "left-out" }, items.map(([list, label]) => h("li", {},
      list.length ? h("button", { type: "button", class: "link", "data-testid": "left-out-open", onclick: () => onEvents(label, list) }, label) : label))));
}

// Draws the indicators into `body`; returns what was drawn (for the page's test hooks).
export function renderTrends(body, ind, { corridors, focusName, onEvents }) {
  body.replaceChildren(
    h("p", { class: "trends-focus", "data-testid": "trends-focus" },
      t("trendsFocus", { place: focusName || `${ind.focus.lat.toFixed(2)}, ${ind.focus.lon.toFixed(2)}`, from: formatDate(ind.period.start), to: formatDate(ind.period.end) })),
    h("div", { class: "trend-grid" },
      distanceChart(ind, onEvents),
      ringsChart(ind, onEvents),
      encirclementCard(ind, onEvents),
      corridorsCard(ind, corridors, onEvents),
      leftOutCard(ind, onEvents)));
  return {
    weeks: ind.distance.weeks.length,
    sectors: ind.encirclement.sectors.length,
    corridors: ind.corridors.length,
  };
}
