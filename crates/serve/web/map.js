// The map: the offline basemap (countries, Mali's regions, labels in the UI language) and the
// events, clustered by supercluster and drawn on a canvas. Events that share exact coordinates
// (geocoded to the same town) form one "spot": it never splits, so it is drawn as a bubble that
// lists its events instead of zooming.
/* global L, Supercluster, topojson */
import { t, currentLanguage, formatNumber } from "./i18n.js";
import { RING_KM } from "./geo.js";

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
// Towns labelled at each zoom: capitals from zoom 4, then by population; labels that would
// overlap a more important one are left out.
const TOWN_MIN_POPULATION = [[9, 0], [8, 5000], [7, 20000], [6, 60000], [5, 200000]];
const CORRIDOR_COLOR = "#7b4a12";

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
    const roads = map.createPane("roads"); // above the basemap, below labels and pins
    roads.style.zIndex = 250;
    const rings = map.createPane("rings");
    rings.style.zIndex = 260;
    rings.style.pointerEvents = "none";
    this.roadRenderer = L.canvas({ pane: "roads", tolerance: 5 });
    this.ringLayer = L.layerGroup().addTo(map);
    this.corridorLayer = L.layerGroup().addTo(map);
    this.townLayer = L.layerGroup().addTo(map);
    this.towns = [];
    this.townMarkers = [];
    this.corridors = null;
    this.focus = null;
    this.pinLayer = L.layerGroup().addTo(map);
    this.clusterLayer = L.layerGroup().addTo(map);
    this.highlight = null;
    L.control.scale({ imperial: false, position: "bottomleft", maxWidth: 140 }).addTo(map);
    map.fitBounds(MALI_VIEW);
    map.on("moveend", () => {
      this.render();
      this.placeTownLabels();
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

  // Basemap and town labels in the UI language.
  relabel() {
    for (const m of this.townMarkers) m.sig = null;
    this.placeTownLabels();
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
    const drawn = { ...this.drawn, pins: [], clusters: 0, spots: 0 };
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
        this.bubble(bubbles++, lat, lon, p.n, p.c, "spot", () => this.onSpot({ lat, lon, n: p.n }), this.shown[this.last[p.g.loc]]?.cen === true);
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
    const sig = `${e.t}|${e.fat}|${e.disp}|${e.cen}|${lat},${lon}`;
    seen.add(key);
    const old = this.markers.get(key);
    if (old && old.sig === sig) {
      old.event = e;
      return;
    }
    old?.remove();
    const m = L.circleMarker([lat, lon], pinStyle(e, typeColor(this.types[e.t]), this.pinRenderer));
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
  bubble(i, lat, lon, n, c, kind, onClick, centroid = false) {
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
    const sig = `${kind}|${n}|${c.join(",")}|${centroid}|${currentLanguage()}`;
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
    const label = `${t(kind === "spot" ? "spotLabel" : "clusterLabel", { n })}${centroid ? ` (${t("markCentroid")})` : ""}`;
    const el = m.getElement();
    Object.assign(el.style, { width: `${size}px`, height: `${size}px`, marginLeft: `${-size / 2}px`, marginTop: `${-size / 2}px` });
    el.title = label;
    el.setAttribute("alt", label);
    el.setAttribute("aria-label", label);
    const box = el.firstElementChild;
    box.className = `cluster${kind === "spot" ? " spot" : ""}${centroid ? " centroid" : ""}`;
    box.dataset.centroid = centroid ? "true" : "false";
    box.dataset.testid = kind;
    Object.assign(box.style, { width: `${size}px`, height: `${size}px`, background: `conic-gradient(${stops.join(",")})` });
    box.firstElementChild.textContent = n;
  }

  // Rings of RING_KM around the focus ({lat, lon, name}), each labelled with its radius, and
  // a mark at the focus itself.
  setFocus(focus) {
    this.focus = focus;
    this.ringLayer.clearLayers();
    if (!focus) return;
    for (const km of RING_KM) {
      L.circle([focus.lat, focus.lon], {
        pane: "rings", radius: km * 1000, interactive: false, fill: false,
        color: "#0b3d6b", weight: 1.4, opacity: 0.75, dashArray: "6 5", className: "ring",
      }).addTo(this.ringLayer);
      // The label sits on the ring, due north of the focus.
      const north = [focus.lat + km / 111.32, focus.lon];
      L.marker(north, {
        pane: "labels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: "ring-label", html: `<span>${formatNumber(km)}&nbsp;km</span>`, iconSize: null }),
      }).addTo(this.ringLayer);
    }
    L.circleMarker([focus.lat, focus.lon], {
      pane: "rings", radius: 4, interactive: false, color: "#0b3d6b", weight: 2, fillColor: "#ffffff", fillOpacity: 1,
      className: "focus-mark",
    }).addTo(this.ringLayer);
    this.drawn.rings = RING_KM.length;
  }

  // The supply roads (GET /api/corridors), named in the UI language on hover.
  setCorridors(collection) {
    this.corridors = collection;
    this.corridorLayer.clearLayers();
    const layer = L.geoJSON(collection, {
      renderer: this.roadRenderer,
      pane: "roads",
      filter: (f) => !!f.geometry,
      style: { color: CORRIDOR_COLOR, weight: 3, opacity: 0.7, dashArray: "1 0", lineCap: "round" },
      onEachFeature: (f, l) => {
        l.bindTooltip(() => corridorName(f.properties), { sticky: true, direction: "top" });
      },
    });
    layer.addTo(this.corridorLayer);
    this.corridorCount = layer.getLayers().length;
  }

  // Towns for labels (GET /api/towns features, most populous first).
  setTowns(features) {
    this.towns = features.map((f) => ({
      id: f.id, lat: f.geometry.coordinates[1], lon: f.geometry.coordinates[0], p: f.properties,
      rank: f.properties.capital_of ? Infinity : f.properties.population ?? 0,
    }));
    this.towns.sort((a, b) => b.rank - a.rank);
    this.placeTownLabels();
  }

  // Labels the towns of the view that the zoom allows, most important first, skipping any
  // that would overlap one already placed.
  placeTownLabels() {
    if (!this.map.hasLayer(this.townLayer)) return;
    const z = this.map.getZoom();
    const min = TOWN_MIN_POPULATION.find(([zoom]) => z >= zoom)?.[1];
    const size = this.map.getSize();
    const boxes = [];
    const placed = [];
    for (const town of this.towns) {
      if (z < 4) break;
      if (min === undefined ? !town.p.capital_of : town.rank < min) continue;
      const pt = this.map.latLngToContainerPoint([town.lat, town.lon]);
      if (pt.x < 0 || pt.y < 0 || pt.x > size.x || pt.y > size.y) continue;
      const name = townName(town.p);
      const w = 10 + name.length * 6.5;
      const box = [pt.x - 4, pt.y - 8, pt.x + w, pt.y + 8];
      if (boxes.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
      boxes.push(box);
      placed.push({ town, name });
      if (placed.length >= 120) break;
    }
    // Markers are reused from one placement to the next.
    placed.forEach(({ town, name }, i) => {
      let m = this.townMarkers[i];
      if (!m) {
        m = L.marker([town.lat, town.lon], { pane: "labels", interactive: false, keyboard: false });
        this.townMarkers.push(m);
      }
      const sig = `${town.id}|${name}`;
      m.setLatLng([town.lat, town.lon]);
      if (m.sig !== sig) {
        m.sig = sig;
        const el = document.createElement("span");
        el.className = "town-name";
        el.textContent = name;
        el.lang = town.p.names?.[currentLanguage()]?.length ? currentLanguage() : "en";
        m.setIcon(L.divIcon({ className: `town${town.p.capital_of ? " capital" : ""}`, html: `<i></i>${el.outerHTML}`, iconSize: null }));
      }
      if (!this.townLayer.hasLayer(m)) m.addTo(this.townLayer);
    });
    for (let i = placed.length; i < this.townMarkers.length; i++) this.townLayer.removeLayer(this.townMarkers[i]);
    this.drawn.towns = placed.length;
  }

  // Shows or hides a layer: "rings", "corridors" or "towns".
  showLayer(name, on) {
    const layer = { rings: this.ringLayer, corridors: this.corridorLayer, towns: this.townLayer }[name];
    if (!layer || on === this.map.hasLayer(layer)) return;
    if (on) layer.addTo(this.map);
    else layer.remove();
    if (name === "towns" && on) {
      for (const m of this.townMarkers) m.sig = null;
      this.placeTownLabels();
    }
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

  // For tests: the rings drawn (radius in km, centre) and a drawn pin's style.
  rings() {
    return this.ringLayer.getLayers().filter((l) => l instanceof L.Circle).map((c) => ({ km: c.getRadius() / 1000, lat: c.getLatLng().lat, lon: c.getLatLng().lng }));
  }

  pinStyle(id) {
    const m = this.markers.get(`p${id}`);
    return m ? { dashArray: m.options.dashArray || null, fillOpacity: m.options.fillOpacity, radius: m.options.radius } : null;
  }
}

// A pin's look: colour by type, size by toll, dark ring when disputed; an event placed only to
// a region or country (drawn at its centre) is a hollow, dashed ring instead of a dot.
function pinStyle(e, colour, renderer) {
  const radius = 6 + Math.min(6, Math.sqrt(Math.max(0, e.fat ?? 0)));
  if (e.cen) {
    return { renderer, radius: radius + 2, color: e.disp ? "#1b1b1b" : colour, weight: 2.5, dashArray: "3 3", fillColor: colour, fillOpacity: 0.18, className: "pin-centroid" };
  }
  return { renderer, radius, fillColor: colour, fillOpacity: 0.9, color: e.disp ? "#1b1b1b" : "#ffffff", weight: e.disp ? 2.2 : 1.2 };
}

// A corridor's or a town's name in the UI language (English when it has none).
export const corridorName = (p) => p?.names?.[currentLanguage()]?.[0] || p?.names?.en?.[0] || p?.id || "";
export const townName = (p) => p?.names?.[currentLanguage()]?.[0] || p?.name || p?.id || "";
