// The map: the offline basemap (countries, Mali's regions, labels in the UI language) and the
// events, clustered by supercluster and drawn on a canvas. Events that share exact coordinates
// (geocoded to the same town) form one "spot": it never splits, so it is drawn as a bubble that
// lists its events instead of zooming.
/* global L, Supercluster, topojson */
import { t, currentLanguage } from "./i18n.js";

// Okabe-Ito colours (distinguishable with the common colour-vision deficiencies).
export const TYPE_COLORS = {
  "Battles": "#D55E00",
  "Explosions/Remote violence": "#E69F00",
  "Violence against civilians": "#CC79A7",
  "Protests": "#56B4E9",
  "Riots": "#0072B2",
  "Strategic developments": "#009E73",
};
export const typeColor = (name) => TYPE_COLORS[name] || "#7a7a7a";

const MALI_VIEW = [[10.1, -12.3], [25.0, 4.3]];
const MAX_ZOOM = 13;
const CLUSTER_MAX_ZOOM = 11; // above it every location is drawn on its own
const DETAIL_BOX = [-20, 0, 26, 34]; // countries labelled from zoom 3 (the rest from zoom 4)

export class EventMap {
  constructor(el, { onEvent, onSpot, onMove }) {
    this.onEvent = onEvent;
    this.onSpot = onSpot;
    this.types = [];
    this.index = null;
    this.locs = []; // every location seen: {lat, lon, loc}
    this.locIndex = new Map(); // "lat,lon" -> location number
    this.shown = [];
    this.markers = new Map(); // drawn pins by event, reused between renders
    this.pool = []; // cluster and spot markers, reused between renders
    this.drawn = { pins: [], clusters: 0, spots: 0 };
    this.labels = [];

    const map = (this.map = L.map(el, {
      preferCanvas: true,
      minZoom: 2,
      maxZoom: MAX_ZOOM,
      attributionControl: false,
      worldCopyJump: false,
      maxBounds: [[-85, -200], [85, 200]],
      zoomSnap: 1,
    }));
    map.createPane("basemap").style.zIndex = 200;
    const labels = map.createPane("labels");
    labels.style.zIndex = 350;
    labels.style.pointerEvents = "none";
    const hl = map.createPane("highlight"); // above pins and bubbles, never catching clicks
    hl.style.zIndex = 650;
    hl.style.pointerEvents = "none";
    this.baseRenderer = L.canvas({ pane: "basemap" });
    this.pinRenderer = L.canvas({ padding: 0.25, tolerance: 4 });
    this.pinLayer = L.layerGroup().addTo(map);
    this.clusterLayer = L.layerGroup().addTo(map);
    this.highlight = null;
    map.fitBounds(MALI_VIEW);
    map.on("moveend", () => {
      this.render();
      onMove?.();
    });
    map.on("zoomend", () => this.zoomClasses());
    this.zoomClasses();
  }

  zoomClasses() {
    const z = this.map.getZoom();
    const c = this.map.getContainer().classList;
    c.toggle("map-zoom-xlo", z < 4);
    c.toggle("map-zoom-lo", z < 5);
    for (const m of this.labels) {
      const show = m.options.kind === "region" ? z >= 5 : z >= 4 || m.options.detail;
      if (show !== this.map.hasLayer(m)) show ? m.addTo(this.map) : m.remove();
    }
  }

  async loadBasemap() {
    const get = async (name) => {
      const res = await fetch(`/assets/basemap/${name}`);
      if (!res.ok) throw new Error(`basemap ${name}: HTTP ${res.status}`);
      return res.json();
    };
    const [world, mali] = await Promise.all([get("countries.json"), get("mali-regions.json")]);
    const countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, {
      renderer: this.baseRenderer,
      pane: "basemap",
      interactive: false,
      style: (f) => {
        const ml = f.properties.code === "ml";
        return { color: ml ? "#6f6a5f" : "#a39e92", weight: ml ? 1.6 : 0.8, fillColor: ml ? "#fdfcf8" : "#efede6", fillOpacity: 1 };
      },
    }).addTo(this.map);
    // Only the lines between two regions: the outline is the country's own (other source).
    const inner = topojson.mesh(mali, mali.objects.regions, (a, b) => a !== b);
    L.geoJSON(inner, {
      renderer: this.baseRenderer,
      pane: "basemap",
      interactive: false,
      style: { color: "#9d9687", weight: 0.9, dashArray: "5 4" },
    }).addTo(this.map);

    const label = (props, kind) => {
      const [lon, lat] = [props.lon, props.lat];
      if (lat == null || lon == null) return;
      const detail = lon >= DETAIL_BOX[0] && lon <= DETAIL_BOX[2] && lat >= DETAIL_BOX[1] && lat <= DETAIL_BOX[3];
      const m = L.marker([lat, lon], { pane: "labels", interactive: false, keyboard: false, kind, detail, props });
      this.labels.push(m);
    };
    for (const f of countries.features) label(f.properties, "country");
    for (const f of topojson.feature(mali, mali.objects.regions).features) label(f.properties, "region");
    this.relabel();
    this.zoomClasses();
  }

  // Basemap labels in the UI language.
  relabel() {
    const lang = currentLanguage();
    for (const m of this.labels) {
      const p = m.options.props;
      const name = p[lang] || p.en || "";
      const el = document.createElement("span");
      el.textContent = name;
      el.lang = p[lang] ? lang : "en";
      m.setIcon(L.divIcon({ className: `label ${m.options.kind}${m.options.detail ? "" : " minor"}`, html: el.outerHTML, iconSize: null }));
    }
  }

  // points: [{id, lat, lon, t, day, fat, disp}] already filtered; types: the API's type names.
  // Each point gets (once) the number of its location; counting per location is then a loop
  // over integers, which keeps brushing over 100,000 events at a few milliseconds a frame.
  setPoints(points, types) {
    this.types = types;
    const nt = types.length;
    const locs = this.locs;
    for (const p of points) {
      if (p.loc !== undefined && locs[p.loc]?.lat === p.lat && locs[p.loc].lon === p.lon) continue;
      const key = `${p.lat},${p.lon}`;
      let loc = this.locIndex.get(key);
      if (loc === undefined) {
        loc = locs.length;
        locs.push({ lat: p.lat, lon: p.lon, loc });
        this.locIndex.set(key, loc);
      }
      p.loc = loc;
    }
    const total = new Int32Array(locs.length);
    const byType = new Int32Array(locs.length * nt);
    const last = new Int32Array(locs.length);
    for (let i = 0; i < points.length; i++) {
      const p = points[i];
      total[p.loc] += 1;
      byType[p.loc * nt + p.t] += 1;
      last[p.loc] = i;
    }
    this.shown = points;
    this.total = total;
    this.last = last;
    const features = [];
    for (let loc = 0; loc < locs.length; loc++) {
      if (!total[loc]) continue;
      const c = Array.from(byType.subarray(loc * nt, loc * nt + nt));
      features.push({ type: "Feature", geometry: { type: "Point", coordinates: [locs[loc].lon, locs[loc].lat] }, properties: { n: total[loc], c, g: locs[loc] } });
    }
    this.index = new Supercluster({
      radius: 60,
      maxZoom: CLUSTER_MAX_ZOOM,
      minPoints: 2,
      map: (p) => ({ n: p.n, c: p.c.slice() }),
      reduce: (a, b) => {
        a.n += b.n;
        for (let i = 0; i < a.c.length; i++) a.c[i] += b.c[i];
      },
    });
    this.index.load(features);
    this.count = points.length;
    this.render();
  }

  // Draws what supercluster gives for the view. Pins are kept from one call to the next and
  // redrawn only when they change; bubbles are reused from a pool.
  render() {
    if (!this.index) return;
    const b = this.map.getBounds();
    const bbox = [Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()), Math.min(180, b.getEast()), Math.min(85, b.getNorth())];
    const z = Math.round(this.map.getZoom());
    const features = bbox[0] < bbox[2] ? this.index.getClusters(bbox, z) : [];
    const drawn = { pins: [], clusters: 0, spots: 0 };
    const seen = new Set();
    let bubbles = 0;
    for (const f of features) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      if (p.cluster) {
        drawn.clusters += 1;
        this.bubble(bubbles++, lat, lon, p.n, p.c, "cluster", () => {
          const zoom = Math.min(this.index.getClusterExpansionZoom(p.cluster_id), MAX_ZOOM);
          this.map.setView([lat, lon], zoom);
        });
      } else if (p.n > 1) {
        drawn.spots += 1;
        this.bubble(bubbles++, lat, lon, p.n, p.c, "spot", () => this.onSpot({ lat, lon, n: p.n }));
      } else {
        const e = this.shown[this.last[p.g.loc]];
        drawn.pins.push(e);
        this.pin(seen, e, lat, lon);
      }
    }
    for (const [key, m] of this.markers) {
      if (seen.has(key)) continue;
      m.remove();
      this.markers.delete(key);
    }
    // Leaflet drops a removed marker's element: its content is written again when reused.
    for (let i = bubbles; i < this.pool.length; i++) {
      this.clusterLayer.removeLayer(this.pool[i]);
      this.pool[i].sig = null;
    }
    this.drawn = drawn;
  }

  // One event's pin on the canvas: colour by type, size by toll, dark ring when disputed.
  pin(seen, e, lat, lon) {
    const key = `p${e.id}`;
    const sig = `${e.t}|${e.fat}|${e.disp}|${lat},${lon}`;
    seen.add(key);
    const old = this.markers.get(key);
    if (old && old.sig === sig) {
      old.event = e;
      return;
    }
    old?.remove();
    const m = L.circleMarker([lat, lon], {
      renderer: this.pinRenderer,
      radius: 6 + Math.min(6, Math.sqrt(Math.max(0, e.fat ?? 0))),
      fillColor: typeColor(this.types[e.t]),
      fillOpacity: 0.9,
      color: e.disp ? "#1b1b1b" : "#ffffff",
      weight: e.disp ? 2.2 : 1.2,
    });
    m.sig = sig;
    m.event = e;
    m.on("click", () => this.onEvent(m.event.id));
    m.bindTooltip(() => this.tooltip?.(m.event) ?? "", { direction: "top", offset: [0, -6] });
    m.addTo(this.pinLayer);
    this.markers.set(key, m);
  }

  // A cluster (zooms in) or a spot (lists its events): a DOM marker, so it is focusable and
  // reachable by keyboard, with a ring showing the mix of event types. Markers come from a
  // pool and are moved and changed in place, so brushing creates no new elements.
  bubble(i, lat, lon, n, c, kind, onClick) {
    let m = this.pool[i];
    if (!m) {
      const el = `<div class="cluster"><span></span></div>`;
      m = L.marker([lat, lon], { keyboard: true, riseOnHover: true, icon: L.divIcon({ className: "cluster-icon", html: el, iconSize: [24, 24] }) });
      m.on("click", () => m.action());
      // role="button" (set by Leaflet), so Enter and Space act as a click.
      m.on("keydown", (e) => {
        if (e.originalEvent.key === "Enter" || e.originalEvent.key === " ") {
          e.originalEvent.preventDefault();
          m.action();
        }
      });
      this.pool.push(m);
    }
    m.action = onClick;
    m.setLatLng([lat, lon]);
    if (!this.clusterLayer.hasLayer(m)) m.addTo(this.clusterLayer);
    const sig = `${kind}|${n}|${c.join(",")}|${currentLanguage()}`;
    if (m.sig === sig) return;
    m.sig = sig;
    const size = Math.round(20 + 5 * Math.log10(n));
    let acc = 0;
    const stops = [];
    c.forEach((k, j) => {
      if (!k) return;
      const a0 = (acc / n) * 360;
      acc += k;
      stops.push(`${typeColor(this.types[j])} ${a0.toFixed(1)}deg ${((acc / n) * 360).toFixed(1)}deg`);
    });
    const label = t(kind === "spot" ? "spotLabel" : "clusterLabel", { n });
    const el = m.getElement();
    Object.assign(el.style, { width: `${size}px`, height: `${size}px`, marginLeft: `${-size / 2}px`, marginTop: `${-size / 2}px` });
    el.title = label;
    el.setAttribute("alt", label);
    el.setAttribute("aria-label", label);
    const box = el.firstElementChild;
    box.className = kind === "spot" ? "cluster spot" : "cluster";
    box.dataset.testid = kind;
    Object.assign(box.style, { width: `${size}px`, height: `${size}px`, background: `conic-gradient(${stops.join(",")})` });
    box.firstElementChild.textContent = n;
  }

  // Rings the open event's location.
  select(ev) {
    if (this.highlight) this.highlight.remove();
    this.highlight = null;
    const lat = ev?.place?.lat;
    const lon = ev?.place?.lon;
    if (lat == null || lon == null) return;
    this.highlight = L.circleMarker([lat, lon], {
      pane: "highlight", interactive: false, radius: 15, color: "#0b5cad", weight: 3, fill: false, dashArray: null,
    }).addTo(this.map);
  }

  // Marks the location whose events the list shows (a dashed square), or none.
  selectSpot(spot) {
    this.spotRing?.remove();
    this.spotRing = null;
    if (!spot) return;
    this.spotRing = L.circleMarker([spot.lat, spot.lon], {
      pane: "highlight", interactive: false, radius: 20, color: "#0b5cad", weight: 2, dashArray: "4 3", fill: false,
    }).addTo(this.map);
  }

  // Pans (keeping the zoom) when a location is off screen or hidden under the legend.
  ensureVisible(lat, lon) {
    const size = this.map.getSize();
    const p = this.map.latLngToContainerPoint([lat, lon]);
    const margin = 30;
    let hidden = p.x < margin || p.y < margin || p.x > size.x - margin || p.y > size.y - margin;
    const legend = document.getElementById("legend")?.getBoundingClientRect();
    const box = this.map.getContainer().getBoundingClientRect();
    if (legend && legend.width) {
      const x = box.left + p.x;
      const y = box.top + p.y;
      hidden ||= x > legend.left - margin && x < legend.right + margin && y > legend.top - margin && y < legend.bottom + margin;
    }
    if (hidden) this.map.panTo([lat, lon]);
  }

  centreOn(lat, lon) {
    const z = Math.max(this.map.getZoom(), 7);
    this.map.setView([lat, lon], z);
  }

  // For tests and keyboard users: brings an event's own pin (or its spot) into view and
  // returns where it is on the page.
  reveal(id) {
    const e = this.shown.find((p) => p.id === id);
    if (!e || !this.index) return null;
    const g = this.locs[e.loc];
    let zoom = MAX_ZOOM;
    const d = 1e-6;
    for (let z = Math.max(2, Math.round(this.map.getZoom())); z <= MAX_ZOOM; z++) {
      const here = this.index.getClusters([g.lon - d, g.lat - d, g.lon + d, g.lat + d], z);
      if (here.some((f) => !f.properties.cluster && f.properties.g === g)) {
        zoom = z;
        break;
      }
    }
    this.map.setView([g.lat, g.lon], zoom, { animate: false });
    this.render();
    return { ...this.pagePoint(g.lat, g.lon), kind: this.total[g.loc] > 1 ? "spot" : "pin" };
  }

  pagePoint(lat, lon) {
    const p = this.map.latLngToContainerPoint([lat, lon]);
    const r = this.map.getContainer().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }

  pins() {
    return this.drawn.pins.map((e) => ({ id: e.id, ...this.pagePoint(e.lat, e.lon) }));
  }
}
