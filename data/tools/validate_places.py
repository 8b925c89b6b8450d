#!/usr/bin/env python3
"""Validate data/places/*.jsonl against data/SCHEMA.md (places section). Exit 1 on error.
Pure standard library: python3 data/tools/validate_places.py"""
import glob
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"town", "region", "country", "neighbourhood", "water", "other"}
AR = re.compile(r"^[\u0621-\u064A\u0660-\u0669 \-]+$")
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF0-9 '’\-.,ʻ]+$")
ID = re.compile(r"^[a-z0-9]+(\.[a-z0-9-]+)*$")


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in s if not unicodedata.combining(c)).casefold())


def main():
    errs, entries = [], []
    for path in sorted(glob.glob(os.path.join(ROOT, "places", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                if not line.strip() or line.startswith("//"):
                    continue
                try:
                    e = json.loads(line)
                except ValueError as x:
                    errs.append(f"{path}:{ln}: bad JSON {x}")
                    continue
                entries.append((os.path.basename(path), ln, e))
    ids = {}
    for fn, ln, e in entries:
        if e["id"] in ids:
            errs.append(f"{fn}:{ln}: duplicate id {e['id']} (also {ids[e['id']]})")
        ids[e["id"]] = f"{fn}:{ln}"
    countries = {e["country"] for _, _, e in entries if e["kind"] == "country"}
    by_id = {e["id"]: e for _, _, e in entries}
    seen = {}
    for fn, ln, e in entries:
        w = f"{fn}:{ln} {e['id']}"
        if not ID.match(e["id"]):
            errs.append(f"{w}: bad id")
        if e.get("kind") not in KINDS:
            errs.append(f"{w}: bad kind")
        c = e.get("country")
        if c is not None and (c not in countries or not re.match("^[A-Z]{2}$", c)):
            errs.append(f"{w}: bad country {c}")
        if c is None and e["kind"] in ("town", "country", "neighbourhood"):
            errs.append(f"{w}: country null for kind {e['kind']}")
        if c and e["kind"] != "country" and not e["id"].startswith(c.lower() + "."):
            errs.append(f"{w}: id prefix does not match country")
        lat, lon = e.get("lat"), e.get("lon")
        if lat is None or lon is None:
            if e["kind"] not in ("water", "other"):
                errs.append(f"{w}: missing lat/lon")
        else:
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                errs.append(f"{w}: lat/lon out of range")
        r = e.get("region")
        if r is not None:
            if r not in by_id or by_id[r]["kind"] != "region" or by_id[r].get("admin_level", 1) != 1:
                errs.append(f"{w}: region {r} is not a first-level region")
            elif by_id[r]["country"] != c:
                errs.append(f"{w}: region {r} in another country")
        if e.get("capital_of") and e["capital_of"] not in countries:
            errs.append(f"{w}: capital_of unknown")
        for field, level in (("admin2", 2), ("admin3", 3), ("former_admin1", 1)):
            u = e.get(field)
            if u is not None and (u not in by_id or by_id[u]["kind"] != "region"
                                  or by_id[u].get("admin_level") != level or by_id[u]["country"] != c):
                errs.append(f"{w}: {field} {u} is not a level-{level} region of {c}")
        if e.get("admin2") and r and by_id.get(e["admin2"], {}).get("region") not in (None, r):
            errs.append(f"{w}: admin2 {e['admin2']} is not in region {r}")
        box = by_id.get((c or "").lower(), {}).get("bbox")
        if box and lat is not None and not (box[0] <= lon <= box[2] and box[1] <= lat <= box[3]):
            errs.append(f"{w}: coordinates outside {c}")
        names = e.get("names", {})
        # Generated entries (GeoNames villages) have no Arabic name: matched phonetically.
        for lang in ("en", "fr") if e.get("generated") else ("en", "fr", "ar"):
            lst = names.get(lang)
            if not lst or not all(isinstance(n, str) and n.strip() for n in lst):
                errs.append(f"{w}: empty {lang} names")
                continue
            for n in lst:
                if lang == "ar" and not AR.match(n):
                    errs.append(f"{w}: non-Arabic ar name {n!r}")
                if lang != "ar" and not LATIN.match(n):
                    errs.append(f"{w}: non-Latin {lang} name {n!r}")
                if n != n.strip() or "  " in n:
                    errs.append(f"{w}: whitespace in {n!r}")
                if lang != "ar" and re.fullmatch(r"[A-Z]{2,5}", n):
                    errs.append(f"{w}: acronym as place name {n!r}")
        # Namesakes in one country are real among GeoNames villages (the extractor ranks them by context).
        if names.get("en") and not e.get("generated"):
            for n in names["en"]:
                key = (c, e["kind"], fold(n))
                if key in seen and seen[key] != e["id"]:
                    errs.append(f"{w}: en name {n!r} also on {seen[key]} (same country, kind)")
                seen.setdefault(key, e["id"])
        d = e.get("demonym")
        if d is not None:
            if e["kind"] != "country" or not all(d.get(l) for l in ("en", "fr", "ar")):
                errs.append(f"{w}: bad demonym")
            else:
                for n in d["ar"]:
                    if not AR.match(n):
                        errs.append(f"{w}: non-Arabic demonym {n!r}")
    for x in errs:
        print(x)
    kinds = {}
    for fn, _, e in entries:
        kinds.setdefault(fn, 0)
        kinds[fn] += 1
    print(f"{len(entries)} entries {kinds}; {len(errs)} errors")
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
