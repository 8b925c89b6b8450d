//! Reading and validating the data files (`data/**/*.jsonl`, embedded or from a directory).
//!
//! Every problem is collected with its file and line, so one run shows all of them.

use crate::lexicon::{fold_word, Condition, ContextRule, RuleAction};
use crate::model::*;
use crate::{KbError, KnowledgeBase};
use std::collections::{BTreeMap, HashSet};

#[derive(serde::Deserialize)]
struct RawPlace {
    id: String,
    kind: PlaceKind,
    country: Option<String>,
    region: Option<String>,
    admin2: Option<String>,
    admin3: Option<String>,
    former_admin1: Option<String>,
    #[serde(default)]
    former: bool,
    #[serde(default)]
    generated: bool,
    #[serde(default)]
    broad: bool,
    #[serde(default)]
    covers: Vec<String>,
    bbox: Option<[f64; 4]>,
    lat: Option<f64>,
    lon: Option<f64>,
    names: Names,
    demonym: Option<Demonym>,
    admin_level: Option<u8>,
    population: Option<u64>,
    geonames: Option<u64>,
    osm: Option<u64>,
    capital_of: Option<String>,
    iso3: Option<String>,
    iso_numeric: Option<u16>,
}

#[derive(serde::Deserialize)]
struct RawActor {
    id: String,
    name: String,
    kind: ActorKind,
    country: Option<String>,
    state_role: Option<StateRole>,
    parent: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    names: Names,
}

#[derive(serde::Deserialize)]
struct RawPerson {
    id: String,
    name: String,
    role: Option<String>,
    actor: Option<String>,
    #[serde(default)]
    speaks_for: bool,
    names: Names,
    #[serde(default)]
    short_names: Names,
}

#[derive(serde::Deserialize)]
struct RawOutlet {
    id: String,
    name: String,
    kind: Option<String>,
    country: Option<String>,
    #[serde(default)]
    domains: Vec<String>,
    names: Names,
}

#[derive(serde::Deserialize)]
#[serde(untagged)]
enum RawLexiconLine {
    List {
        list: String,
        lang: String,
        words: Vec<String>,
        role: Option<String>,
    },
    Rule {
        rule: String,
        target: String,
        lang: Option<String>,
        form: Option<String>,
        #[serde(default)]
        if_prev: Vec<String>,
        #[serde(default)]
        if_next: Vec<String>,
    },
}

/// Where a line came from.
#[derive(Clone, Copy)]
struct At<'a> {
    file: &'a str,
    line: usize,
}

mod coding;

/// A file and line, owned, for problems found after all files are read.
#[derive(Debug, Clone)]
struct Line {
    file: String,
    line: usize,
}

/// A place's reference to the admin unit that holds it, checked once every file is read.
struct AdminRef {
    place: usize,
    unit: String,
    /// 1 for `region` and `former_admin1`, 2 for `admin2`, 3 for `admin3`.
    level: u8,
    at: Line,
}

struct Loader {
    kb: KnowledgeBase,
    coding: coding::RawCoding,
    errors: Vec<KbError>,
    /// Where each place was read.
    place_lines: Vec<Line>,
    /// Admin units named by places.
    admin_refs: Vec<AdminRef>,
    /// Units an area covers (its place, the unit's id, where it was read).
    cover_refs: Vec<(usize, String, Line)>,
    actor_refs: Vec<(usize, String, usize)>,
    person_refs: Vec<(usize, String, usize)>,
    corridors: crate::corridors::Pending,
    world_regions: crate::regions::Pending,
}

impl Loader {
    fn here(&self, at: At<'_>) -> Line {
        Line { file: at.file.to_string(), line: at.line }
    }

    fn error_at(&mut self, at: &Line, message: String) {
        self.errors.push(KbError::Invalid { file: at.file.clone(), line: at.line, message });
    }

    /// Admin references: the unit exists, is a region of the right level in the same country.
    fn check_admin_refs(&mut self) {
        let refs = std::mem::take(&mut self.admin_refs);
        let ids: std::collections::HashMap<&str, usize> =
            self.kb.places.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let mut problems = Vec::new();
        for r in &refs {
            let place = &self.kb.places[r.place];
            let Some(&unit) = ids.get(r.unit.as_str()) else {
                problems.push((r.at.clone(), format!("{}: unknown admin unit `{}`", place.id, r.unit)));
                continue;
            };
            let unit = &self.kb.places[unit];
            let level_ok = r.level == 1 && unit.admin_level.is_none_or(|l| l == 1) || unit.admin_level == Some(r.level);
            if unit.kind != PlaceKind::Region || !level_ok {
                problems.push((r.at.clone(), format!("{}: `{}` is not a level-{} region", place.id, unit.id, r.level)));
            } else if place.country.is_some() && unit.country.is_some() && place.country != unit.country {
                problems.push((r.at.clone(), format!("{}: admin unit `{}` is in another country", place.id, unit.id)));
            } else if r.level == 2 && unit.region.is_some() && place.region.is_some() && unit.region != place.region {
                problems.push((
                    r.at.clone(),
                    format!(
                        "{}: admin2 `{}` is not in region `{}`",
                        place.id,
                        unit.id,
                        place.region.as_deref().unwrap_or("")
                    ),
                ));
            }
        }
        for (place, unit, at) in std::mem::take(&mut self.cover_refs) {
            let known = ids.get(unit.as_str()).is_some_and(|&u| self.kb.places[u].kind == PlaceKind::Region);
            if !known {
                let id = &self.kb.places[place].id;
                problems.push((at, format!("{id}: covers `{unit}`, which is no region of the base")));
            }
        }
        for (at, message) in problems {
            self.error_at(&at, message);
        }
    }

    /// The same id, or the same GeoNames place, twice: the second one is reported where it stands.
    fn check_duplicate_places(&mut self) {
        let mut ids: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut geonames: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
        let mut problems = Vec::new();
        for (i, place) in self.kb.places.iter().enumerate() {
            if let Some(first) = ids.insert(place.id.as_str(), i) {
                let first = &self.place_lines[first];
                problems.push((
                    self.place_lines[i].clone(),
                    format!("duplicate place id `{}` (first at data/{}:{})", place.id, first.file, first.line),
                ));
            }
            if let Some(first) = place.geonames.and_then(|g| geonames.insert(g, i)) {
                let first = &self.place_lines[first];
                problems.push((
                    self.place_lines[i].clone(),
                    format!(
                        "{}: GeoNames place {} already listed (data/{}:{})",
                        place.id,
                        place.geonames.unwrap_or(0),
                        first.file,
                        first.line
                    ),
                ));
            }
        }
        for (at, message) in problems {
            self.error_at(&at, message);
        }
    }

    /// Coordinates inside the country's bounding box, when the country has one.
    fn check_bounds(&mut self) {
        let boxes: std::collections::HashMap<&str, [f64; 4]> =
            self.kb.places.iter().filter_map(|p| Some((p.country.as_deref()?, p.bbox?))).collect();
        let mut problems = Vec::new();
        for (i, place) in self.kb.places.iter().enumerate() {
            let (Some(country), Some(lat), Some(lon)) = (place.country.as_deref(), place.lat, place.lon) else {
                continue;
            };
            let Some([min_lon, min_lat, max_lon, max_lat]) = boxes.get(country).copied() else { continue };
            if !(min_lon..=max_lon).contains(&lon) || !(min_lat..=max_lat).contains(&lat) {
                problems.push((
                    self.place_lines[i].clone(),
                    format!("{}: coordinates {lat},{lon} lie outside {country}", place.id),
                ));
            }
        }
        for (at, message) in problems {
            self.error_at(&at, message);
        }
    }

    fn error(&mut self, at: At<'_>, message: impl Into<String>) {
        self.errors.push(KbError::Invalid { file: at.file.to_string(), line: at.line, message: message.into() });
    }

    fn check_names(&mut self, at: At<'_>, id: &str, names: &Names, what: &str) {
        self.check_names_in(at, id, names, what, &["en", "fr", "ar"]);
    }

    fn check_names_in(&mut self, at: At<'_>, id: &str, names: &Names, what: &str, required: &[&str]) {
        for &lang in required {
            let list = names.get(lang);
            if list.is_empty() || list.iter().any(|n| n.trim().is_empty()) {
                self.error(at, format!("{id}: {what} in `{lang}` missing or empty"));
            }
        }
        for (lang, name) in names.all() {
            let arabic = name.chars().any(marsad_text::fold::is_arabic_letter);
            if lang == "ar" && !arabic {
                self.error(at, format!("{id}: Arabic {what} `{name}` has no Arabic letter"));
            }
            if lang != "ar" && arabic {
                self.error(at, format!("{id}: {lang} {what} `{name}` is in Arabic script"));
            }
        }
    }

    fn check_country(&mut self, at: At<'_>, id: &str, country: &Option<String>) {
        if let Some(c) = country {
            if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                self.error(at, format!("{id}: country `{c}` is not an ISO 3166-1 alpha-2 code in capitals"));
            }
        }
    }

    fn place(&mut self, at: At<'_>, raw: RawPlace) {
        // No source gives Arabic names of villages: generated entries are found phonetically.
        let required: &[&str] = if raw.generated { &["en", "fr"] } else { &["en", "fr", "ar"] };
        self.check_names_in(at, &raw.id, &raw.names, "name", required);
        self.check_country(at, &raw.id, &raw.country);
        match (raw.lat, raw.lon) {
            (Some(lat), Some(lon)) => {
                if !(-90.0..=90.0).contains(&lat)
                    || !(-180.0..=180.0).contains(&lon)
                    || !lat.is_finite()
                    || !lon.is_finite()
                {
                    self.error(at, format!("{}: coordinates {lat},{lon} out of range", raw.id));
                }
            }
            (None, None) if matches!(raw.kind, PlaceKind::Water | PlaceKind::Other) => {}
            _ => self.error(at, format!("{}: a {} needs both lat and lon", raw.id, raw.kind.as_str())),
        }
        if raw.country.is_none() && !matches!(raw.kind, PlaceKind::Water | PlaceKind::Other | PlaceKind::Region) {
            self.error(at, format!("{}: a {} needs a country", raw.id, raw.kind.as_str()));
        }
        if raw.demonym.is_some() && raw.kind != PlaceKind::Country {
            self.error(at, format!("{}: only countries have a demonym", raw.id));
        }
        if raw.bbox.is_some() && raw.kind != PlaceKind::Country {
            self.error(at, format!("{}: only countries have a bbox", raw.id));
        }
        if raw.broad && raw.country.is_some() {
            self.error(at, format!("{}: only an area in no single country (country null) is broad", raw.id));
        }
        let index = self.kb.places.len();
        for (level, unit) in [(1, &raw.region), (2, &raw.admin2), (3, &raw.admin3), (1, &raw.former_admin1)] {
            if let Some(unit) = unit {
                self.admin_refs.push(AdminRef { place: index, unit: unit.clone(), level, at: self.here(at) });
            }
        }
        for unit in &raw.covers {
            self.cover_refs.push((index, unit.clone(), self.here(at)));
        }
        self.place_lines.push(self.here(at));
        self.kb.places.push(Place {
            id: raw.id,
            kind: raw.kind,
            country: raw.country,
            region: raw.region,
            admin2: raw.admin2,
            admin3: raw.admin3,
            former_admin1: raw.former_admin1,
            former: raw.former,
            generated: raw.generated,
            broad: raw.broad,
            covers: raw.covers,
            bbox: raw.bbox,
            lat: raw.lat,
            lon: raw.lon,
            names: raw.names,
            demonym: raw.demonym,
            admin_level: raw.admin_level,
            population: raw.population,
            geonames: raw.geonames,
            osm: raw.osm,
            capital_of: raw.capital_of,
            iso3: raw.iso3,
            iso_numeric: raw.iso_numeric,
        });
    }

    fn actor(&mut self, at: At<'_>, raw: RawActor) {
        self.check_names(at, &raw.id, &raw.names, "name");
        self.check_country(at, &raw.id, &raw.country);
        if raw.name.trim().is_empty() {
            self.error(at, format!("{}: empty canonical name", raw.id));
        }
        if raw.state_role.is_some() && raw.country.is_none() {
            self.error(at, format!("{}: a state role needs a country", raw.id));
        }
        if let Some(parent) = &raw.parent {
            self.actor_refs.push((self.kb.actors.len(), parent.clone(), at.line));
        }
        self.kb.actors.push(Actor {
            id: raw.id,
            name: raw.name,
            kind: raw.kind,
            country: raw.country,
            state_role: raw.state_role,
            parent: raw.parent,
            aliases: raw.aliases,
            names: raw.names,
        });
    }

    fn person(&mut self, at: At<'_>, raw: RawPerson) {
        self.check_names(at, &raw.id, &raw.names, "name");
        if let Some(actor) = &raw.actor {
            self.person_refs.push((self.kb.people.len(), actor.clone(), at.line));
        }
        self.kb.people.push(Person {
            id: raw.id,
            name: raw.name,
            role: raw.role,
            actor: raw.actor,
            speaks_for: raw.speaks_for,
            names: raw.names,
            short_names: raw.short_names,
        });
    }

    fn outlet(&mut self, at: At<'_>, raw: RawOutlet) {
        self.check_names(at, &raw.id, &raw.names, "name");
        self.check_country(at, &raw.id, &raw.country);
        self.kb.outlets.push(Outlet {
            id: raw.id,
            name: raw.name,
            kind: raw.kind,
            country: raw.country,
            domains: raw.domains,
            names: raw.names,
        });
    }

    fn lexicon(&mut self, at: At<'_>, raw: RawLexiconLine) {
        match raw {
            RawLexiconLine::List { list, lang, words, role } => {
                // "عناصر تابعة ل": a one-letter proclitic is written on the next word (لجماعة), so
                // an entry ending in one detached never matches.
                if let Some(word) = words.iter().find(|w| ends_in_a_detached_proclitic(w)) {
                    self.error(
                        at,
                        format!("`{word}` in the list `{list}` ends in a detached proclitic and never matches"),
                    );
                }
                let target = self.kb.lexicon.lists.entry(list).or_default();
                for word in words {
                    target.push(&lang, &word, role.clone());
                }
            }
            RawLexiconLine::Rule { rule, target, lang, form, if_prev, if_next } => {
                let action = match rule.as_str() {
                    "reject" => RuleAction::Reject,
                    "require" => RuleAction::Require,
                    other => {
                        self.error(at, format!("unknown rule `{other}` (reject or require)"));
                        return;
                    }
                };
                if if_prev.is_empty() && if_next.is_empty() {
                    self.error(at, format!("rule for {target} has no condition"));
                }
                let condition = |c: &String| match c.strip_prefix('@') {
                    Some(list) => Condition::List(list.to_string()),
                    None => {
                        let tokens = marsad_text::Tokens::new(c);
                        Condition::Words(
                            (0..tokens.len())
                                .map(|i| {
                                    if i == 0 {
                                        fold_word(c.split_whitespace().next().unwrap_or(""), true)
                                    } else {
                                        tokens.folded(i).to_string()
                                    }
                                })
                                .collect(),
                        )
                    }
                };
                self.kb.lexicon.rules.push(ContextRule {
                    action,
                    resolved: None,
                    target,
                    lang,
                    form: form.map(|f| marsad_text::fold::fold_str(&f)),
                    if_prev: if_prev.iter().map(condition).collect(),
                    if_next: if_next.iter().map(condition).collect(),
                });
            }
        }
    }

    fn file(&mut self, name: &str, contents: &str) {
        for (index, line) in contents.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with("//") {
                continue;
            }
            let at = At { file: name, line: index + 1 };
            if name.starts_with("geo/corridors") {
                for problem in self.corridors.line(name, at.line, trimmed) {
                    self.error(at, problem);
                }
                continue;
            }
            if name.starts_with("geo/world-regions") {
                for problem in self.world_regions.line(name, at.line, trimmed) {
                    self.error(at, problem);
                }
                continue;
            }
            let outcome = if name.starts_with("places/") {
                serde_json::from_str::<RawPlace>(trimmed).map(|raw| self.place(at, raw))
            } else if name.starts_with("lexicon/") {
                serde_json::from_str::<RawLexiconLine>(trimmed).map(|raw| self.lexicon(at, raw))
            } else if name.starts_with("events/") {
                self.coding_line(at, trimmed)
            } else if name.starts_with("actors") {
                serde_json::from_str::<RawActor>(trimmed).map(|raw| self.actor(at, raw))
            } else if name.starts_with("people") {
                serde_json::from_str::<RawPerson>(trimmed).map(|raw| self.person(at, raw))
            } else if name.starts_with("outlets") {
                serde_json::from_str::<RawOutlet>(trimmed).map(|raw| self.outlet(at, raw))
            } else {
                return;
            };
            if let Err(e) = outcome {
                self.error(at, format!("not a valid entry: {e}"));
            }
        }
    }

    fn finish(mut self) -> Result<KnowledgeBase, Vec<KbError>> {
        fn duplicates<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<String> {
            let mut seen = HashSet::new();
            ids.filter(|id| !seen.insert(*id)).map(str::to_string).collect()
        }
        let mut problems: Vec<String> = Vec::new();
        self.check_duplicate_places();
        self.check_admin_refs();
        self.check_bounds();
        for (what, dups) in [
            ("actor", duplicates(self.kb.actors.iter().map(|a| a.id.as_str()))),
            ("person", duplicates(self.kb.people.iter().map(|p| p.id.as_str()))),
            ("outlet", duplicates(self.kb.outlets.iter().map(|o| o.id.as_str()))),
        ] {
            for id in dups {
                problems.push(format!("duplicate {what} id `{id}`"));
            }
        }
        let places: HashSet<&str> = self.kb.places.iter().map(|p| p.id.as_str()).collect();
        let actors: HashSet<&str> = self.kb.actors.iter().map(|a| a.id.as_str()).collect();
        for (index, parent, line) in &self.actor_refs {
            if !actors.contains(parent.as_str()) {
                problems
                    .push(format!("actor `{}` (line {line}): unknown parent `{parent}`", self.kb.actors[*index].id));
            }
        }
        for (index, actor, line) in &self.person_refs {
            if !actors.contains(actor.as_str()) {
                problems.push(format!("person `{}` (line {line}): unknown actor `{actor}`", self.kb.people[*index].id));
            }
        }
        for rule in &self.kb.lexicon.rules {
            for condition in rule.if_prev.iter().chain(&rule.if_next) {
                if let Condition::List(list) = condition {
                    if !self.kb.lexicon.has_list(list) {
                        problems.push(format!("rule for `{}` names unknown list `@{list}`", rule.target));
                    }
                }
            }
            let known = match rule.target.split_once(':') {
                Some(("place", id)) | Some(("demonym", id)) => places.contains(id),
                Some(("actor", id)) => actors.contains(id),
                Some(("person", id)) => self.kb.people.iter().any(|p| p.id == id),
                _ => false,
            };
            if !known {
                problems.push(format!("rule target `{}` is unknown", rule.target));
            }
        }
        for list in self.kb.lexicon.resolve_typed() {
            problems.push(format!("{}: no entries for the list `{list}` that code reads", list.file()));
        }
        self.finish_coding(&mut problems);
        self.errors.extend(problems.into_iter().map(|message| KbError::Inconsistent { message }));
        std::mem::take(&mut self.corridors).finish(&mut self.kb, &mut self.errors);
        std::mem::take(&mut self.world_regions).finish(&mut self.kb, &mut self.errors);
        if self.errors.is_empty() {
            self.kb.build_indexes();
            Ok(self.kb)
        } else {
            Err(self.errors)
        }
    }
}

/// Load and validate a knowledge base from (path relative to data/, contents) pairs.
pub fn load(files: &[(&str, &str)]) -> Result<KnowledgeBase, Vec<KbError>> {
    let mut loader = Loader {
        kb: KnowledgeBase::default(),
        coding: coding::RawCoding::default(),
        errors: Vec::new(),
        place_lines: Vec::new(),
        admin_refs: Vec::new(),
        cover_refs: Vec::new(),
        actor_refs: Vec::new(),
        person_refs: Vec::new(),
        corridors: Default::default(),
        world_regions: Default::default(),
    };
    // Lexicon lists must exist before rules are checked; file order does not matter otherwise.
    let mut ordered: Vec<&(&str, &str)> = files.iter().collect();
    ordered.sort_by_key(|(name, _)| *name);
    for (name, contents) in ordered {
        loader.file(name, contents);
    }
    loader.finish()
}

/// Read every `*.jsonl` file under `dir` and load them.
pub fn load_dir(dir: &std::path::Path) -> Result<KnowledgeBase, Vec<KbError>> {
    fn walk(
        dir: &std::path::Path,
        root: &std::path::Path,
        out: &mut BTreeMap<String, String>,
        errors: &mut Vec<KbError>,
    ) {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                errors.push(KbError::Io { file: dir.display().to_string(), message: e.to_string() });
                return;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out, errors);
            } else if path.extension().is_some_and(|e| e == "jsonl") {
                let relative = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
                match std::fs::read_to_string(&path) {
                    Ok(text) => {
                        out.insert(relative, text);
                    }
                    Err(e) => errors.push(KbError::Io { file: path.display().to_string(), message: e.to_string() }),
                }
            }
        }
    }
    let mut files = BTreeMap::new();
    let mut errors = Vec::new();
    walk(dir, dir, &mut files, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let pairs: Vec<(&str, &str)> = files.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    load(&pairs)
}

/// True when an entry's last word is a lone Arabic proclitic (ل, ب, ك, ف, و): the text writes it
/// on the word it governs.
fn ends_in_a_detached_proclitic(entry: &str) -> bool {
    let mut words = entry.split_whitespace();
    let last = words.next_back();
    words.next().is_some() && last.is_some_and(|w| matches!(w, "ل" | "ب" | "ك" | "ف" | "و"))
}
