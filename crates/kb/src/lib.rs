//! The marsad knowledge base: places, actors, people, outlets and lexicons, read from the
//! reviewed data files under `data/` (embedded in the binary at build time, or read from a
//! directory), validated, and indexed by name for the extractor.
//!
//! Architecture invariant: the data are facts in files, never code. This crate owns their
//! format ([`load`]), their validation (every problem reported with file and line) and the
//! name index ([`gazetteer`]); it knows nothing of documents.

pub mod coding;
pub mod corridors;
pub mod gazetteer;
pub mod lexicon;
pub mod load;
pub mod model;
pub mod phonetic;
pub mod regions;

pub use coding::{Coding, EventType, Frame, List, RoleFeature, SubEvent};
pub use corridors::Corridor;
pub use gazetteer::{Article, Case, Gazetteer, KeyHash, NameRef, Target, SHORT_PREFIX_CHARS};
pub use lexicon::Lexicon;
pub use model::*;
pub use regions::WorldRegion;

use gazetteer::{arabic_demonym_forms, english_demonym_forms, french_demonym_forms, Indexing};
use rustc_hash::{FxHashMap, FxHashSet};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// A problem in the data files.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum KbError {
    /// One line is wrong.
    #[error("data/{file}:{line}: {message}")]
    Invalid {
        /// File relative to data/.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Entries disagree with each other (duplicate ids, unknown references).
    #[error("knowledge base: {message}")]
    Inconsistent {
        /// What is wrong.
        message: String,
    },
    /// A file could not be read.
    #[error("{file}: {message}")]
    Io {
        /// The path.
        file: String,
        /// The system's message.
        message: String,
    },
}

/// Every entry, with indexes by id, country, state role, domain and name.
#[derive(Debug, Default, Clone)]
pub struct KnowledgeBase {
    /// Places.
    pub places: Vec<Place>,
    /// Actors.
    pub actors: Vec<Actor>,
    /// People.
    pub people: Vec<Person>,
    /// Outlets.
    pub outlets: Vec<Outlet>,
    /// Word lists and context rules.
    pub lexicon: Lexicon,
    /// ACLED's event taxonomy, the trigger frames' rules, the role weights and affiliates.
    pub taxonomy: Coding,
    /// Supply roads into the capitals, as chains of places (`data/geo/corridors.jsonl`).
    pub corridors: Vec<Corridor>,
    /// Regions of the world as ACLED names them, with their countries (`data/geo/world-regions.jsonl`).
    pub world_regions: Vec<WorldRegion>,
    /// Country (ISO alpha-2) → index in `world_regions`.
    region_of_country: FxHashMap<String, u32>,
    gazetteer: Gazetteer,
    phonetic: phonetic::PhoneticIndex,
    /// (town, admin level) → the unit named after it (Kayes → Kayes Region, Kayes Cercle).
    units_named_like: FxHashMap<(u32, u8), u32>,
    /// (country, folded English name without its admin word, admin level) → the unit.
    units_by_name: FxHashMap<(Option<String>, String, u8), u32>,
    place_ids: FxHashMap<String, u32>,
    actor_ids: FxHashMap<String, u32>,
    country_places: FxHashMap<String, u32>,
    capitals: FxHashMap<String, u32>,
    state_actors: FxHashMap<(String, StateRole), u32>,
    domains: FxHashMap<String, u32>,
    /// Plurals of the demonyms, folded: people of a nationality ("موريتانيين", "maliens").
    national_plurals: FxHashSet<String>,
}

impl KnowledgeBase {
    /// The knowledge base built into the binary.
    pub fn embedded() -> Result<KnowledgeBase, Vec<KbError>> {
        load::load(embedded::EMBEDDED)
    }

    /// The names of the embedded data files.
    pub fn embedded_files() -> impl Iterator<Item = &'static str> {
        embedded::EMBEDDED.iter().map(|(name, _)| *name)
    }

    /// The embedded files every knowledge base needs whatever else it holds: the event coding
    /// (taxonomy, role weights) and the word lists code reads, without the context rules and
    /// affiliates that name particular entries. Tests load them beside a few entries of their own.
    pub fn coding_files() -> Vec<(&'static str, &'static str)> {
        embedded::EMBEDDED
            .iter()
            .filter(|(name, _)| {
                (*name == "events/taxonomy.jsonl" || *name == "events/roles.jsonl" || name.starts_with("lexicon/"))
                    && *name != "lexicon/ambiguity.jsonl"
            })
            .copied()
            .collect()
    }

    /// A knowledge base read from a `data/` directory.
    pub fn from_dir(dir: &std::path::Path) -> Result<KnowledgeBase, Vec<KbError>> {
        load::load_dir(dir)
    }

    /// The name index.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Towns and units (every place but countries) by the phonetic key of their English names:
    /// Arabic spellings of them that no entry lists.
    pub fn phonetic(&self) -> &phonetic::PhoneticIndex {
        &self.phonetic
    }

    /// The admin unit of this level named after this town (Mopti → Mopti Region at level 1), so a
    /// town named after a place word for regions ("les régions de Mopti et de Bandiagara") is read
    /// as the region.
    pub fn unit_named_like(&self, town: u32, level: u8) -> Option<u32> {
        self.units_named_like.get(&(town, level)).copied()
    }

    /// The admin unit of `country` that bears the name of wide area `area` (the Sahel → Burkina
    /// Faso's Sahel Region): what the area's name means in a story about that country.
    pub fn unit_named_after_area(&self, area: u32, country: &str) -> Option<u32> {
        let name = self.places.get(area as usize)?.names.get("en").first()?;
        let key = |level| (Some(country.to_string()), marsad_text::fold::fold_str(name), level);
        // (A unit named the area itself, with no admin word, is not named after it.)
        let after = |&unit: &u32| self.places[unit as usize].names.get("en").first().is_some_and(|n| n != name);
        [1, 2].into_iter().find_map(|level| self.units_by_name.get(&key(level)).copied().filter(after))
    }

    /// Index of a place by id.
    pub fn place_index(&self, id: &str) -> Option<u32> {
        self.place_ids.get(id).copied()
    }

    /// Index of an actor by id.
    pub fn actor_index(&self, id: &str) -> Option<u32> {
        self.actor_ids.get(id).copied()
    }

    /// The place of a country by ISO code.
    pub fn country_place(&self, iso: &str) -> Option<u32> {
        self.country_places.get(iso).copied()
    }

    /// The capital city of a country by ISO code ("the capital of Niger" is Niamey).
    pub fn capital(&self, iso: &str) -> Option<u32> {
        self.capitals.get(iso).copied()
    }

    /// The actor that is this part of this state, falling back from gendarmerie, police,
    /// national guard to the military, and from intelligence to the government.
    pub fn state_actor(&self, country: &str, role: StateRole) -> Option<u32> {
        let get = |r: StateRole| self.state_actors.get(&(country.to_string(), r)).copied();
        get(role).or_else(|| match role {
            StateRole::Gendarmerie | StateRole::NationalGuard | StateRole::Police => get(StateRole::Military),
            StateRole::Intelligence => get(StateRole::Government),
            _ => None,
        })
    }

    /// The folded word is the plural of a nationality ("موريتانيين", "mauritaniens",
    /// "mauritanians"): people of that country.
    pub fn is_national_plural(&self, folded: &str) -> bool {
        self.national_plurals.contains(folded)
    }

    /// The outlet that publishes at this URL's domain.
    pub fn outlet_for_url(&self, url: &str) -> Option<&Outlet> {
        let host = url.split("://").nth(1).unwrap_or(url).split(['/', '?', '#', ':']).next()?.to_ascii_lowercase();
        let mut candidate = host.as_str();
        loop {
            if let Some(&index) = self.domains.get(candidate) {
                return self.outlets.get(index as usize);
            }
            candidate = candidate.split_once('.')?.1;
            if !candidate.contains('.') {
                return None;
            }
        }
    }

    fn build_indexes(&mut self) {
        let mut gazetteer = Gazetteer::default();
        for (i, place) in self.places.iter().enumerate() {
            let i = i as u32;
            self.place_ids.insert(place.id.clone(), i);
            if place.kind == PlaceKind::Country {
                if let Some(c) = &place.country {
                    self.country_places.insert(c.clone(), i);
                }
            }
            if let Some(c) = &place.capital_of {
                self.capitals.insert(c.clone(), i);
            }
            if place.former {
                continue; // a unit that no longer exists is shown, never read in text
            }
            for (_, name) in place.names.all() {
                gazetteer.index(name, Indexing { target: Target::Place(i), loose: true, article_optional: false });
            }
            // "Sourou Province" is also "the province of Sourou" in English prose.
            if place.kind == PlaceKind::Region {
                for name in place.names.get("en") {
                    if let Some(of) = english_unit_of_form(name) {
                        gazetteer
                            .index(&of, Indexing { target: Target::Place(i), loose: false, article_optional: false });
                    }
                }
            }
            // Towns and units with an Arabic name are filed too: Arabic spellings vary (أغيلهوك,
            // أجلهوك) and the entry lists one or two.
            if place.kind != PlaceKind::Country {
                for name in place.names.get("en") {
                    self.phonetic.add(strip_admin_word(name), i);
                }
            }
            if let Some(demonym) = &place.demonym {
                for (lang, bases) in &demonym.0 {
                    for base in bases {
                        let forms = match lang.as_str() {
                            "ar" => arabic_demonym_forms(base),
                            "fr" => french_demonym_forms(base),
                            "en" => english_demonym_forms(base),
                            _ => vec![base.clone()],
                        };
                        for form in forms {
                            if form.ends_with("ين") || form.ends_with("ون") || (lang != "ar" && form.ends_with('s'))
                            {
                                self.national_plurals.insert(marsad_text::fold::fold_str(&form));
                            }
                            // Irregular forms listed with the article (الروس) keep their article rule.
                            let optional = !(lang == "ar" && form.starts_with("ال"));
                            gazetteer.index(
                                &form,
                                Indexing { target: Target::Demonym(i), loose: false, article_optional: optional },
                            );
                        }
                    }
                }
            }
        }
        for (i, actor) in self.actors.iter().enumerate() {
            let i = i as u32;
            self.actor_ids.insert(actor.id.clone(), i);
            if let (Some(country), Some(role)) = (&actor.country, actor.state_role) {
                self.state_actors.entry((country.clone(), role)).or_insert(i);
            }
            let loose = actor.kind != ActorKind::Civilians;
            for (_, name) in actor.names.all() {
                gazetteer.index(name, Indexing { target: Target::Actor(i), loose, article_optional: false });
            }
        }
        for (i, person) in self.people.iter().enumerate() {
            let i = i as u32;
            for (_, name) in person.names.all() {
                gazetteer.index(name, Indexing { target: Target::Person(i), loose: true, article_optional: false });
            }
            for (_, name) in person.short_names.all() {
                gazetteer
                    .index(name, Indexing { target: Target::PersonShort(i), loose: true, article_optional: false });
            }
        }
        for (i, outlet) in self.outlets.iter().enumerate() {
            let i = i as u32;
            for domain in &outlet.domains {
                self.domains.insert(domain.to_ascii_lowercase().trim_start_matches("www.").to_string(), i);
            }
            for (_, name) in outlet.names.all() {
                gazetteer.index(name, Indexing { target: Target::Outlet(i), loose: true, article_optional: false });
            }
        }
        gazetteer.finish();
        self.gazetteer = gazetteer;
        self.index_units_named_like();
        let person_ids: FxHashMap<&str, u32> =
            self.people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i as u32)).collect();
        for rule in &mut self.lexicon.rules {
            rule.resolved = match rule.target.split_once(':') {
                Some(("place", id)) => self.place_ids.get(id).map(|&i| Target::Place(i)),
                Some(("demonym", id)) => self.place_ids.get(id).map(|&i| Target::Demonym(i)),
                Some(("actor", id)) => self.actor_ids.get(id).map(|&i| Target::Actor(i)),
                Some(("person", id)) => person_ids.get(id).map(|&i| Target::Person(i)),
                _ => None,
            };
        }
    }
}

impl KnowledgeBase {
    fn index_units_named_like(&mut self) {
        let key = |p: &Place, name: &str| (p.country.clone(), marsad_text::fold::fold_str(name));
        let mut units: FxHashMap<(Option<String>, String, u8), u32> = FxHashMap::default();
        for (i, p) in self.places.iter().enumerate() {
            if p.kind == PlaceKind::Region && !p.former {
                if let Some(name) = p.names.get("en").first() {
                    let (country, core) = key(p, strip_admin_word(name));
                    units.entry((country, core, p.admin_level.unwrap_or(1))).or_insert(i as u32);
                }
            }
        }
        self.units_by_name = units;
        let units = &self.units_by_name;
        for (i, p) in self.places.iter().enumerate() {
            if p.kind != PlaceKind::Town {
                continue;
            }
            let Some(name) = p.names.get("en").first() else { continue };
            for level in [1, 2] {
                let (country, core) = key(p, name);
                if let Some(&unit) = units.get(&(country, core, level)) {
                    self.units_named_like.insert((i as u32, level), unit);
                }
            }
        }
    }
}

/// The admin words English puts after a unit's name ("Bam Province").
const ADMIN_WORDS: [&str; 4] = ["Province", "Department", "Region", "Cercle"];

/// A unit's name split from the admin word English puts after it ("Bam Province" → "Bam",
/// "Province").
fn split_admin_word(name: &str) -> Option<(&str, &str)> {
    ADMIN_WORDS.iter().find_map(|word| name.strip_suffix(word).map(|base| (base.trim_end(), *word)))
}

/// "Sourou Province" → "province of Sourou": the English unit name with its admin word first.
fn english_unit_of_form(name: &str) -> Option<String> {
    let (base, word) = split_admin_word(name)?;
    (!base.is_empty()).then(|| format!("{} of {base}", word.to_lowercase()))
}

/// A unit's name without the admin word English puts after it ("Bam Province" → "Bam"), so an
/// Arabic text's إقليم بام finds it.
fn strip_admin_word(name: &str) -> &str {
    split_admin_word(name).map_or(name, |(base, _)| base)
}

#[cfg(test)]
mod tests;
