// The timeline under the map: events per day or per week, stacked by type, on a canvas.
// Dragging across it selects a date range (the brush); a click selects one bar; a double-click
// clears the range. Days are counted as integers since 1970-01-01 (UTC calendar days).
import { t, formatDate, formatNumber, locale } from "./i18n.js";
import { typeColor } from "./map.js";

export const DAY_MS = 86400000;
export const dayOf = (iso) => {
  if (!iso || iso.length < 10) return null;
  const ms = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  return Number.isNaN(ms) ? null : Math.floor(ms / DAY_MS);
};
// The days a date covers: one day, or a whole month ("2025-09") or year ("2025"), as the
// server reads partial dates (a date range keeps the events whose period overlaps it).
export const spanOf = (iso) => {
  if (!iso) return null;
  const y = +iso.slice(0, 4);
  if (iso.length >= 10) {
    const d = dayOf(iso);
    return d == null ? null : [d, d];
  }
  if (iso.length === 7) {
    const m = +iso.slice(5, 7) - 1;
    const a = Date.UTC(y, m, 1) / DAY_MS;
    return Number.isNaN(a) ? null : [a, Date.UTC(y, m + 1, 1) / DAY_MS - 1];
  }
  if (iso.length === 4 && Number.isFinite(y)) return [Date.UTC(y, 0, 1) / DAY_MS, Date.UTC(y + 1, 0, 1) / DAY_MS - 1];
  return null;
};
export const isoOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);
// Weeks start on Monday (as the API's `by=week`); day 0 was a Thursday.
const mondayOf = (day) => day - ((((day + 3) % 7) + 7) % 7);

const PAD = { left: 40, right: 10, top: 8, bottom: 20 };

export class Timeline {
  constructor(canvas, { onBrush, onHover }) {
    this.canvas = canvas;
    this.onBrush = onBrush;
    this.onHover = onHover;
    this.types = [];
    this.points = [];
    this.mode = "auto";
    this.range = null; // [firstDay, lastDay] or null
    this.drag = null;
    this.bins = null;
    new ResizeObserver(() => this.draw()).observe(canvas);
    canvas.addEventListener("pointerdown", (e) => this.down(e));
    canvas.addEventListener("pointermove", (e) => this.move(e));
    canvas.addEventListener("pointerup", (e) => this.up(e));
    canvas.addEventListener("pointercancel", () => (this.drag = null));
    canvas.addEventListener("pointerleave", () => this.onHover(""));
    canvas.addEventListener("dblclick", () => {
      this.drag = null;
      this.range = null;
      this.draw();
      this.onBrush(null, true);
    });
  }

  setData(points, types) {
    this.points = points;
    this.types = types;
    this.bin();
    this.draw();
  }

  setMode(mode) {
    this.mode = mode;
    this.bin();
    this.draw();
  }

  setRange(range) {
    this.range = range;
    this.draw();
  }

  binSize() {
    return this.bins?.size ?? 1;
  }

  // Counts per bin and type over the data's whole span (at least four weeks).
  bin() {
    let lo = Infinity;
    let hi = -Infinity;
    let undated = 0;
    let partial = 0; // dated to a month or a year only: not drawn as bars
    for (const p of this.points) {
      if (p.day == null) {
        if (p.span) partial += 1;
        else undated += 1;
        continue;
      }
      if (p.day < lo) lo = p.day;
      if (p.day > hi) hi = p.day;
    }
    if (lo === Infinity) {
      hi = Math.floor(Date.now() / DAY_MS);
      lo = hi - 27;
    }
    if (hi - lo < 27) lo = hi - 27;
    const size = this.mode === "day" ? 1 : this.mode === "week" ? 7 : hi - lo > 180 ? 7 : 1;
    const start = size === 7 ? mondayOf(lo) : lo;
    const n = Math.floor((hi - start) / size) + 1;
    const nt = this.types.length;
    const counts = new Uint32Array(n * nt);
    const totals = new Uint32Array(n);
    for (const p of this.points) {
      if (p.day == null) continue;
      const b = Math.floor((p.day - start) / size);
      counts[b * nt + p.t] += 1;
      totals[b] += 1;
    }
    let max = 0;
    for (const v of totals) if (v > max) max = v;
    this.bins = { start, size, n, counts, totals, max, undated, partial };
  }

  // Events not drawn: without a date, and dated only to a month or a year.
  notDrawn() {
    return { undated: this.bins?.undated ?? 0, partial: this.bins?.partial ?? 0 };
  }

  geometry() {
    const w = this.canvas.clientWidth;
    const h = this.canvas.clientHeight;
    const plotW = Math.max(1, w - PAD.left - PAD.right);
    const plotH = Math.max(1, h - PAD.top - PAD.bottom);
    return { w, h, plotW, plotH, bw: plotW / this.bins.n };
  }

  // Day at a canvas x (clamped to the data's span).
  dayAt(x) {
    const { plotW } = this.geometry();
    const { start, size, n } = this.bins;
    const b = Math.min(n - 1, Math.max(0, Math.floor(((x - PAD.left) / plotW) * n)));
    return start + b * size;
  }

  xOf(day) {
    const { plotW } = this.geometry();
    const { start, size, n } = this.bins;
    return PAD.left + ((day - start) / (size * n)) * plotW;
  }

  localX(e) {
    return e.clientX - this.canvas.getBoundingClientRect().left;
  }

  down(e) {
    if (!this.bins || e.button !== 0) return;
    this.canvas.setPointerCapture(e.pointerId);
    const d = this.dayAt(this.localX(e));
    this.drag = { anchor: d, moved: false };
  }

  move(e) {
    if (!this.bins) return;
    const d = this.dayAt(this.localX(e));
    if (!this.drag) {
      this.hover(d);
      return;
    }
    if (d !== this.drag.anchor) this.drag.moved = true;
    this.range = this.rangeOf(this.drag.anchor, d);
    this.draw();
    this.onBrush(this.range, false);
  }

  up(e) {
    if (!this.drag) return;
    const d = this.dayAt(this.localX(e));
    this.range = this.rangeOf(this.drag.anchor, d);
    this.drag = null;
    this.draw();
    this.onBrush(this.range, true);
  }

  rangeOf(a, b) {
    const size = this.bins.size;
    return [Math.min(a, b), Math.max(a, b) + size - 1];
  }

  hover(day) {
    const { start, size, n, totals } = this.bins;
    const b = Math.floor((day - start) / size);
    if (b < 0 || b >= n) return this.onHover("");
    const when = size === 7 ? t("weekOf", { date: formatDate(isoOf(day)) }) : formatDate(isoOf(day));
    this.onHover(`${when}: ${t("eventCount", { n: totals[b] })}`);
  }

  draw() {
    const c = this.canvas;
    if (!this.bins || !c.clientWidth) return;
    const dpr = window.devicePixelRatio || 1;
    const { w, h, plotH, bw } = this.geometry();
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
    }
    const ctx = c.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const { start, size, n, counts, max } = this.bins;
    const nt = this.types.length;
    const top = niceMax(max);
    const y = (v) => PAD.top + plotH - (v / top) * plotH;

    // horizontal grid and counts
    ctx.font = "10px system-ui, sans-serif";
    ctx.fillStyle = "#6b737b";
    ctx.strokeStyle = "#e6e8eb";
    ctx.lineWidth = 1;
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const v of Number.isInteger(top / 2) ? [0, top / 2, top] : [0, top]) {
      const yy = Math.round(y(v)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(PAD.left, yy);
      ctx.lineTo(w - PAD.right, yy);
      ctx.stroke();
      ctx.fillText(formatNumber(v), PAD.left - 5, yy);
    }

    // bars, stacked in the legend's order; outside the brushed range they are faded
    const gap = bw > 4 ? 1 : 0;
    for (let b = 0; b < n; b++) {
      const day = start + b * size;
      const inRange = !this.range || (day + size - 1 >= this.range[0] && day <= this.range[1]);
      ctx.globalAlpha = inRange ? 1 : 0.28;
      let acc = 0;
      const x = PAD.left + b * bw;
      for (let i = 0; i < nt; i++) {
        const v = counts[b * nt + i];
        if (!v) continue;
        const y0 = y(acc);
        acc += v;
        const y1 = y(acc);
        ctx.fillStyle = typeColor(this.types[i]);
        ctx.fillRect(x + gap / 2, y1, Math.max(0.8, bw - gap), Math.max(0.8, y0 - y1));
      }
    }
    ctx.globalAlpha = 1;

    // the brushed range
    if (this.range) {
      const x0 = Math.max(PAD.left, this.xOf(this.range[0]));
      const x1 = Math.min(w - PAD.right, this.xOf(this.range[1] + 1));
      ctx.fillStyle = "rgba(11, 92, 173, 0.08)";
      ctx.fillRect(x0, PAD.top, x1 - x0, plotH);
      ctx.strokeStyle = "#0b5cad";
      ctx.lineWidth = 2;
      for (const xx of [x0, x1]) {
        ctx.beginPath();
        ctx.moveTo(xx, PAD.top - 2);
        ctx.lineTo(xx, PAD.top + plotH + 2);
        ctx.stroke();
      }
    }

    // date ticks: months when the span is long, else weeks (Mondays) or days
    ctx.fillStyle = "#4b545d";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.strokeStyle = "#aab2bb";
    ctx.lineWidth = 1;
    const span = n * size;
    const ticks = [];
    if (span > 75) {
      const d0 = new Date(start * DAY_MS);
      const step = span > 900 ? 6 : span > 400 ? 3 : 1;
      let m = new Date(Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth() + 1, 1));
      while (m.getTime() / DAY_MS < start + span) {
        if (m.getUTCMonth() % step === 0) ticks.push(Math.round(m.getTime() / DAY_MS));
        m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
      }
    } else {
      const every = span > 21 ? 7 : span > 10 ? 2 : 1;
      for (let d = every === 7 ? mondayOf(start) + 7 : start; d < start + span; d += every) ticks.push(d);
    }
    const fmtMonth = new Intl.DateTimeFormat(locale(), { month: "short", year: "2-digit", timeZone: "UTC" });
    const fmtDay = new Intl.DateTimeFormat(locale(), { day: "numeric", month: "short", timeZone: "UTC" });
    let lastRight = -Infinity;
    for (const d of ticks) {
      const xx = Math.round(this.xOf(d)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(xx, PAD.top + plotH);
      ctx.lineTo(xx, PAD.top + plotH + 4);
      ctx.stroke();
      const text = (span > 75 ? fmtMonth : fmtDay).format(new Date(d * DAY_MS));
      const tw = ctx.measureText(text).width;
      if (xx - tw / 2 > lastRight + 6 && xx + tw / 2 < w) {
        ctx.fillText(text, xx, PAD.top + plotH + 6);
        lastRight = xx + tw / 2;
      }
    }
  }
}

// 0, 1, 2, 5, 10, 20, 50 ... at least v.
function niceMax(v) {
  if (v <= 2) return 2;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
