#!/usr/bin/env bash
# Copies the browser libraries pinned in package.json / package-lock.json into vendor/,
# which is committed so that `cargo build` never needs npm. Run after changing a version:
#   cd crates/serve/web && ./vendor.sh
# The files are copied unchanged (they are dependencies, not our code), with their licences.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --ignore-scripts --no-audit --no-fund >/dev/null
rm -rf vendor
mkdir -p vendor/leaflet vendor/supercluster vendor/topojson-client
nm=node_modules
cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$nm/leaflet/LICENSE" vendor/leaflet/
# supercluster's browser bundle includes kdbush (same author, ISC): both licences go with it.
cp "$nm/supercluster/dist/supercluster.min.js" "$nm/supercluster/LICENSE" vendor/supercluster/
cp "$nm/kdbush/LICENSE" vendor/supercluster/LICENSE.kdbush
cp "$nm/topojson-client/dist/topojson-client.min.js" "$nm/topojson-client/LICENSE" vendor/topojson-client/
# A record of what was copied, with the versions the lock file resolved.
node -e '
const lock = require("./package-lock.json").packages;
for (const n of ["leaflet", "supercluster", "kdbush", "topojson-client"]) {
  const p = lock["node_modules/" + n];
  console.log(`${n} ${p.version} ${p.license} ${p.integrity}`);
}' > vendor/VERSIONS
cat vendor/VERSIONS
