//! World regions (`data/geo/world-regions.jsonl`): the region of the world each country belongs
//! to, named as ACLED's `region` column names it ("Western Africa"), so exports fill that
//! column from data.
//!
//! Like corridors, a line is read when its file is met and its country codes are checked once
//! every place file is loaded; [`Pending`] keeps each region with its file and line until then.

use crate::model::PlaceKind;
use crate::{KbError, KnowledgeBase};
use rustc_hash::FxHashMap;

/// A region of the world and the countries in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorldRegion {
    /// The region's name as ACLED writes it ("Western Africa").
    pub name: String,
    /// ISO 3166-1 alpha-2 codes of its countries.
    pub countries: Vec<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegion {
    region: String,
    countries: Vec<String>,
}

/// Regions read so far, each with the file and line it came from.
#[derive(Default)]
pub(crate) struct Pending {
    entries: Vec<(WorldRegion, String, usize)>,
}

impl Pending {
    /// Parse one line; the problems found without the places are returned at once.
    pub(crate) fn line(&mut self, file: &str, line: usize, text: &str) -> Vec<String> {
        let raw: RawRegion = match serde_json::from_str(text) {
            Ok(raw) => raw,
            Err(e) => return vec![format!("not a valid world region: {e}")],
        };
        let mut problems = Vec::new();
        if raw.region.trim().is_empty() {
            problems.push("a world region needs a name".to_string());
        }
        if self.entries.iter().any(|(r, _, _)| r.name == raw.region) {
            problems.push(format!("duplicate world region `{}`", raw.region));
        }
        if raw.countries.is_empty() {
            problems.push(format!("{}: no countries", raw.region));
        }
        self.entries.push((WorldRegion { name: raw.region, countries: raw.countries }, file.to_string(), line));
        problems
    }

    /// Check every country code against the loaded countries (each known, each in one region
    /// only), and hand the regions over.
    pub(crate) fn finish(self, kb: &mut KnowledgeBase, errors: &mut Vec<KbError>) {
        let countries: std::collections::HashSet<&str> =
            kb.places.iter().filter(|p| p.kind == PlaceKind::Country).filter_map(|p| p.country.as_deref()).collect();
        let mut region_of: FxHashMap<String, u32> = FxHashMap::default();
        let mut regions = Vec::with_capacity(self.entries.len());
        for (index, (region, file, line)) in self.entries.into_iter().enumerate() {
            for code in &region.countries {
                let message = if !countries.contains(code.as_str()) {
                    format!("{}: unknown country `{code}` (an ISO alpha-2 code of data/places)", region.name)
                } else if let Some(&first) = region_of.get(code) {
                    let first: &WorldRegion = regions.get(first as usize).unwrap_or(&region);
                    format!("{}: country `{code}` is already in `{}`", region.name, first.name)
                } else {
                    region_of.insert(code.clone(), index as u32);
                    continue;
                };
                errors.push(KbError::Invalid { file: file.clone(), line, message });
            }
            regions.push(region);
        }
        kb.world_regions = regions;
        kb.region_of_country = region_of;
    }
}

impl KnowledgeBase {
    /// The world region (ACLED's name) of a country by ISO alpha-2 code, when the data give one.
    pub fn world_region(&self, country: &str) -> Option<&str> {
        let index = *self.region_of_country.get(country)?;
        self.world_regions.get(index as usize).map(|r| r.name.as_str())
    }
}
