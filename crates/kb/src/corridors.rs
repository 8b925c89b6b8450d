//! Supply corridors (`data/geo/corridors.jsonl`): the main roads into the Sahel capitals as
//! ordered chains of known places, so indicators can count incidents along each road segment.
//!
//! A line is read when its file is met, but its place ids can only be checked once every
//! place file is loaded: [`Pending`] keeps each corridor with its file and line until then,
//! so every problem still names the line that causes it.

use crate::model::{Names, Place};
use crate::{KbError, KnowledgeBase};
use std::collections::{HashMap, HashSet};

/// A road (or chain of roads) that supplies one or more towns, as a polyline of places.
#[derive(Debug, Clone, PartialEq)]
pub struct Corridor {
    /// Stable id (`ml.dakar-north`).
    pub id: String,
    /// Names by language (`en`, `fr`, `ar` required).
    pub names: Names,
    /// Place ids of the towns this road supplies (each one of `points`).
    pub serves: Vec<String>,
    /// Road designations (`RN3`, `N1 (Niger)`), when known.
    pub roads: Vec<String>,
    /// Place ids in road order, at least two.
    pub points: Vec<String>,
    /// Where the road's course comes from.
    pub source: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCorridor {
    id: String,
    names: Names,
    serves: Vec<String>,
    #[serde(default)]
    roads: Vec<String>,
    points: Vec<String>,
    source: String,
}

/// Corridors read so far, each with the file and line it came from.
#[derive(Default)]
pub(crate) struct Pending {
    entries: Vec<(Corridor, String, usize)>,
}

impl Pending {
    /// Parse one line; the problems found without the places are returned at once.
    pub(crate) fn line(&mut self, file: &str, line: usize, text: &str) -> Vec<String> {
        let raw: RawCorridor = match serde_json::from_str(text) {
            Ok(raw) => raw,
            Err(e) => return vec![format!("not a valid corridor: {e}")],
        };
        let mut problems = shape_problems(&raw);
        if self.entries.iter().any(|(c, _, _)| c.id == raw.id) {
            problems.push(format!("duplicate corridor id `{}`", raw.id));
        }
        let corridor = Corridor {
            id: raw.id,
            names: raw.names,
            serves: raw.serves,
            roads: raw.roads,
            points: raw.points,
            source: raw.source,
        };
        self.entries.push((corridor, file.to_string(), line));
        problems
    }

    /// Check every place reference against the loaded places, and hand the corridors over.
    pub(crate) fn finish(self, kb: &mut KnowledgeBase, errors: &mut Vec<KbError>) {
        let places: HashMap<&str, &Place> = kb.places.iter().map(|p| (p.id.as_str(), p)).collect();
        let mut corridors = Vec::with_capacity(self.entries.len());
        for (corridor, file, line) in self.entries {
            for message in reference_problems(&corridor, &places) {
                errors.push(KbError::Invalid { file: file.clone(), line, message });
            }
            corridors.push(corridor);
        }
        kb.corridors = corridors;
    }
}

/// Problems visible in the line itself: ids, names, too few points, repeated points.
fn shape_problems(raw: &RawCorridor) -> Vec<String> {
    let id = &raw.id;
    let mut problems = Vec::new();
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b".-".contains(&b)) {
        problems.push(format!("corridor id `{id}` must be lower-case ASCII letters, digits, `.` and `-`"));
    }
    for lang in ["en", "fr", "ar"] {
        let names = raw.names.get(lang);
        if names.is_empty() || names.iter().any(|n| n.trim().is_empty()) {
            problems.push(format!("{id}: name in `{lang}` missing or empty"));
        }
    }
    for (lang, name) in raw.names.all() {
        let arabic = name.chars().any(marsad_text::fold::is_arabic_letter);
        if (lang == "ar") != arabic {
            problems.push(format!("{id}: {lang} name `{name}` is in the wrong script"));
        }
    }
    if raw.points.len() < 2 {
        problems.push(format!("{id}: a corridor needs at least 2 points, it has {}", raw.points.len()));
    }
    if let Some(pair) = raw.points.windows(2).find(|pair| pair[0] == pair[1]) {
        problems.push(format!("{id}: point `{}` follows itself", pair[0]));
    }
    if raw.serves.is_empty() {
        problems.push(format!("{id}: `serves` names no town"));
    }
    for town in raw.serves.iter().filter(|t| !raw.points.contains(t)) {
        problems.push(format!("{id}: serves `{town}`, which is not one of its points"));
    }
    if raw.source.trim().is_empty() {
        problems.push(format!("{id}: no source for the road"));
    }
    problems
}

/// Points that name no place, or a place without coordinates.
fn reference_problems(corridor: &Corridor, places: &HashMap<&str, &Place>) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut problems = Vec::new();
    for point in &corridor.points {
        if !seen.insert(point.as_str()) {
            continue;
        }
        match places.get(point.as_str()) {
            None => problems.push(format!("{}: unknown place `{point}`", corridor.id)),
            Some(place) if place.lat.is_none() || place.lon.is_none() => {
                problems.push(format!("{}: place `{point}` has no coordinates", corridor.id))
            }
            Some(_) => {}
        }
    }
    problems
}
