#!/usr/bin/env python3
"""Write data/places/osm.jsonl: the named villages, hamlets and towns of OpenStreetMap that the
other place files lack, for Mali, Burkina Faso and Niger, and for their neighbours near the theatre.

Source: the SQLite extracts of the GitHub repository ObiWanLansi/GeoData (commit 3f600c7,
OpenStreetMap data of 2019-09-09, one file per country under Africa/). The data is
(c) OpenStreetMap contributors, under the Open Database License 1.0: osm.jsonl is a derived
database and is offered under the ODbL too (see data/SOURCES.md).

Usage (standard library only):
    mkdir -p /tmp/geo && cd /tmp/geo && for c in mali burkina-faso niger benin togo ghana \\
        ivory-coast nigeria mauritania senegal-and-gambia guinea chad; do \\
        git -C <GeoData clone> show 3f600c7:Africa/$c.sqlite.zip > $c.zip && unzip -o -q $c.zip; done
    python3 data/tools/gen_osm_places.py /tmp/geo        # writes data/places/osm.jsonl
    python3 data/tools/validate_places.py

Each entry is `generated` (the extractor accepts it only with support from the text) and
carries its OpenStreetMap node id in `osm`. Left out: unnamed nodes, names of fewer than four
letters, names with digits, names that are also an actor's, a person's or a lexicon word (a
village called like an ordinary word would be read in every text), nodes outside their
country's box, and names the other files already hold within DUPLICATE_KM; neighbours' places only within NEIGHBOUR_KM
of a theatre place. Theatre places get
their admin2 unit (the nearest seat of the country) and its region.
"""
import glob
import json
import math
import os
import re
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from gen_gazetteer import fold, km, slug  # noqa: E402 (the gazetteer's own folding and distances)
OUT = os.path.join(DATA, "places", "osm.jsonl")

FILES = {
    "mali": "ML", "burkina-faso": "BF", "niger": "NE", "benin": "BJ", "togo": "TG", "ghana": "GH",
    "ivory-coast": "CI", "nigeria": "NG", "mauritania": "MR", "senegal-and-gambia": "SN", "guinea": "GN",
    "chad": "TD",
}
THEATRE = ("ML", "BF", "NE")
KINDS = ("city", "town", "village", "hamlet")
DUPLICATE_KM = 25.0
MIN_LETTERS = 4
NEIGHBOUR_KM = 60.0
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' ’\-]+$")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("//"):
                yield json.loads(line)


def existing_places():
    out = []
    for path in sorted(glob.glob(os.path.join(DATA, "places", "*.jsonl"))):
        if os.path.basename(path) != "osm.jsonl":
            out.extend(read_jsonl(path))
    return out


def reserved_words():
    """Folded names a village may not take: actors', people's and every lexicon word."""
    words = set()
    for name in ("actors.jsonl", "people.jsonl"):
        for e in read_jsonl(os.path.join(DATA, name)):
            for key in ("names", "aliases"):
                value = e.get(key) or []
                lists = value.values() if isinstance(value, dict) else [value]
                for lst in lists:
                    for n in lst:
                        words.add(fold(n))
                        words.update(fold(w) for w in n.split())
    for path in glob.glob(os.path.join(DATA, "lexicon", "*.jsonl")):
        for e in read_jsonl(path):
            for w in e.get("words", []):
                words.update(fold(x) for x in re.split(r"[\s'’-]+", w))
    return words


class Grid:
    """Points bucketed by whole degrees, for "anything within X km" without a quadratic scan."""

    def __init__(self):
        self.cells = {}

    def add(self, lat, lon, item):
        self.cells.setdefault((int(math.floor(lat)), int(math.floor(lon))), []).append((lat, lon, item))

    def near(self, lat, lon, radius_km):
        reach = int(math.ceil(radius_km / 100.0)) + 1
        cx, cy = int(math.floor(lat)), int(math.floor(lon))
        for dx in range(-reach, reach + 1):
            for dy in range(-reach, reach + 1):
                for plat, plon, item in self.cells.get((cx + dx, cy + dy), []):
                    if km(lat, lon, plat, plon) <= radius_km:
                        yield item


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "/tmp/geo"
    places = existing_places()
    boxes = {e["country"]: e["bbox"] for e in places if e["kind"] == "country" and e.get("bbox")}
    reserved = reserved_words()
    known = Grid()
    for e in places:
        if e.get("lat") is not None and e["kind"] in ("town", "neighbourhood", "region"):
            for lang in ("en", "fr"):
                for n in e["names"].get(lang, []):
                    known.add(e["lat"], e["lon"], (e["country"], fold(n)))
    seats = {}
    for e in places:
        if e["kind"] == "region" and e.get("admin_level") == 2 and e.get("lat") is not None and not e.get("former"):
            seats.setdefault(e["country"], []).append(e)
    nodes = []
    for base, cc in FILES.items():
        path = os.path.join(source, f"{base}.sqlite")
        if not os.path.exists(path):
            raise SystemExit(f"{path} missing: see the usage in this script's docstring")
        db = sqlite3.connect(path)
        query = f"select ID, LAT, LON, NAME, VALUE from NODE where TAG='place' and VALUE in ({','.join('?' * len(KINDS))})"
        for osm, lat, lon, name, kind in db.execute(query, KINDS):
            nodes.append((cc, osm, lat, lon, (name or "").strip(), kind))
    theatre = Grid()
    for cc, osm, lat, lon, name, kind in nodes:
        if cc in THEATRE:
            theatre.add(lat, lon, True)
    ids = {e["id"] for e in places}
    seen_osm = set()
    out = []
    for cc, osm, lat, lon, name, kind in sorted(nodes, key=lambda n: (n[0], n[1])):
        name = re.sub(r"\s+", " ", name)
        letters = fold(name)
        if not LATIN.match(name) or name.isupper() or "(" in name:
            continue
        if osm in seen_osm or len(letters) < MIN_LETTERS or re.search(r"\d", name) or ";" in name:
            continue
        if letters in reserved or any(fold(w) in reserved for w in name.split() if len(fold(w)) >= MIN_LETTERS and len(name.split()) == 1):
            continue
        box = boxes.get(cc)
        if box and not (box[0] <= lon <= box[2] and box[1] <= lat <= box[3]):
            continue
        if cc not in THEATRE and next(theatre.near(lat, lon, NEIGHBOUR_KM), None) is None:
            continue
        if any(c == cc and n == letters for c, n in known.near(lat, lon, DUPLICATE_KM)):
            continue
        seen_osm.add(osm)
        pid = f"{cc.lower()}.{slug(name)}"
        if not slug(name) or pid in ids:
            pid = f"{cc.lower()}.{slug(name) or 'place'}-{osm}"
        ids.add(pid)
        entry = {"id": pid, "kind": "town", "country": cc}
        if cc in THEATRE and seats.get(cc):
            # The nearest seat, however far: the desert's units are wide.
            unit = min(seats[cc], key=lambda u: km(lat, lon, u["lat"], u["lon"]))
            entry["region"] = unit["region"]
            entry["admin2"] = unit["id"]
            if unit.get("former_admin1"):
                entry["former_admin1"] = unit["former_admin1"]
        entry.update({"lat": round(lat, 4), "lon": round(lon, 4), "names": {"en": [name], "fr": [name]},
                      "generated": True, "osm": osm})
        known.add(lat, lon, (cc, letters))
        out.append(entry)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("// Generated by data/tools/gen_osm_places.py from OpenStreetMap (via ObiWanLansi/GeoData, 2019-09-09).\n")
        f.write("// (c) OpenStreetMap contributors, ODbL 1.0: this file is a derived database under the ODbL.\n")
        for e in out:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    counts = {}
    for e in out:
        counts[e["country"]] = counts.get(e["country"], 0) + 1
    print(f"{OUT}: {len(out)} places", dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
