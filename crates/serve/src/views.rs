//! The JSON shapes of the API (see `API.md`), built from store rows and named from the
//! knowledge base. Ids always travel with a name, so a client never needs the knowledge base.

use std::collections::BTreeMap;

use marsad_kb::KnowledgeBase;
use marsad_store::queries::EventRow;
use marsad_store::{Claim, StoredEvent};
use serde::Serialize;

/// Code points of text shown on each side of an evidence sentence.
pub const CONTEXT_CHARS: usize = 200;

/// An actor (or any entity) by id and name.
#[derive(Debug, Clone, Serialize)]
pub struct Ref {
    /// Knowledge-base id.
    pub id: String,
    /// Usual name.
    pub name: String,
}

/// A place by id and name, with its coordinates.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceRef {
    /// Knowledge-base id.
    pub id: String,
    /// Usual name.
    pub name: String,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

/// An event in a list, on the map or in the live feed.
#[derive(Debug, Clone, Serialize)]
pub struct EventSummary {
    /// Event id.
    pub id: i64,
    /// ACLED event type.
    pub event_type: String,
    /// ACLED sub-event type.
    pub sub_event_type: String,
    /// YYYY-MM-DD, YYYY-MM or YYYY.
    pub date: Option<String>,
    /// 1 day, 2 week or month, 3 vaguer.
    pub time_precision: u8,
    /// Where.
    pub place: Option<PlaceRef>,
    /// 1 town, 2 district, 3 region.
    pub geo_precision: u8,
    /// Who acted.
    pub actor1: Option<Ref>,
    /// Against whom.
    pub actor2: Option<Ref>,
    /// The lowest credible toll.
    pub fatalities: Option<u64>,
    /// The sources disagree.
    pub disputed: bool,
    /// The attack was foiled.
    pub foiled: bool,
    /// Sources.
    pub source_count: u32,
    /// Sources counting each story once.
    pub independent_sources: u32,
    /// The first reporter's sentence.
    pub evidence: String,
    /// Its language.
    pub evidence_lang: Option<String>,
}

/// Names ids from the knowledge base (falling back to the id itself).
pub struct Namer<'a> {
    kb: &'a KnowledgeBase,
}

impl<'a> Namer<'a> {
    /// A namer over `kb`.
    pub fn new(kb: &'a KnowledgeBase) -> Self {
        Namer { kb }
    }

    /// An actor reference.
    pub fn actor(&self, id: &Option<String>) -> Option<Ref> {
        let id = id.as_ref()?;
        let name =
            self.kb.actor_index(id).map(|i| self.kb.actors[i as usize].name.clone()).unwrap_or_else(|| id.clone());
        Some(Ref { id: id.clone(), name })
    }

    /// A place reference, with the claim's coordinates.
    pub fn place(&self, id: &Option<String>, lat: Option<f64>, lon: Option<f64>) -> Option<PlaceRef> {
        let id = id.as_ref()?;
        let name = self
            .kb
            .place_index(id)
            .map(|i| self.kb.places[i as usize].name().to_string())
            .unwrap_or_else(|| id.clone());
        Some(PlaceRef { id: id.clone(), name, lat, lon })
    }

    /// The name of an entity of any kind.
    pub fn name(&self, kind: &str, id: &str) -> Option<String> {
        match kind {
            "actor" => self.kb.actor_index(id).map(|i| self.kb.actors[i as usize].name.clone()),
            "place" => self.kb.place_index(id).map(|i| self.kb.places[i as usize].name().to_string()),
            "person" => self.kb.people.iter().find(|p| p.id == id).map(|p| p.name.clone()),
            "outlet" => self.kb.outlets.iter().find(|o| o.id == id).map(|o| o.name.clone()),
            _ => None,
        }
    }

    /// The list view of a store row.
    pub fn summary(&self, row: &EventRow) -> EventSummary {
        let s = &row.event.summary;
        EventSummary {
            id: row.event.id,
            event_type: s.event_type.clone(),
            sub_event_type: s.sub_event_type.clone(),
            date: s.date.clone(),
            time_precision: s.time_precision,
            place: self.place(&s.place, s.lat, s.lon),
            geo_precision: s.geo_precision,
            actor1: self.actor(&s.actor1),
            actor2: self.actor(&s.actor2),
            fatalities: s.fatalities,
            disputed: row.event.disputed,
            foiled: s.foiled,
            source_count: row.source_count,
            independent_sources: row.independent_sources,
            evidence: s.evidence_text.clone(),
            evidence_lang: row.first_lang.clone(),
        }
    }

    /// One source's claim, with its sentence in context.
    pub fn claim(&self, claim: &Claim, text: Option<&str>) -> ClaimView {
        let (before, after) =
            text.map(|t| context(t, claim.evidence_start as usize, claim.evidence_end as usize)).unwrap_or_default();
        ClaimView {
            event_type: claim.event_type.clone(),
            sub_event_type: claim.sub_event_type.clone(),
            actor1: self.actor(&claim.actor1),
            actor2: self.actor(&claim.actor2),
            place: self.place(&claim.place, claim.lat, claim.lon),
            date: claim.date.clone(),
            fatalities: claim.fatalities,
            attributed_to: claim.attributed_to.clone(),
            foiled: claim.foiled,
            confidence: (f64::from(claim.confidence) * 1000.0).round() / 1000.0,
            evidence: Evidence {
                text: claim.evidence_text.clone(),
                start: claim.evidence_start,
                end: claim.evidence_end,
                before,
                after,
            },
        }
    }
}

/// The evidence sentence of a claim and the text around it.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// The sentence.
    pub text: String,
    /// Its first code point in the document's text.
    pub start: u32,
    /// One past its last.
    pub end: u32,
    /// Up to [`CONTEXT_CHARS`] code points before it.
    pub before: String,
    /// Up to [`CONTEXT_CHARS`] code points after it.
    pub after: String,
}

/// One source's version of an event.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimView {
    /// ACLED event type.
    pub event_type: String,
    /// ACLED sub-event type.
    pub sub_event_type: String,
    /// Who acted.
    pub actor1: Option<Ref>,
    /// Against whom.
    pub actor2: Option<Ref>,
    /// Where.
    pub place: Option<PlaceRef>,
    /// When.
    pub date: Option<String>,
    /// Deaths this source reports.
    pub fatalities: Option<u64>,
    /// Who this source says reported or claimed it.
    pub attributed_to: Option<String>,
    /// The attack was foiled.
    pub foiled: bool,
    /// 0 to 1, three decimals.
    pub confidence: f64,
    /// The sentence that says it.
    pub evidence: Evidence,
}

/// A source of an event: the document and its claim.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    /// Document id (`/api/documents/{doc_id}`).
    pub doc_id: i64,
    /// Input key.
    pub doc_key: String,
    /// Title.
    pub title: Option<String>,
    /// Original URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Language.
    pub lang: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Story id: sources of one story are one report republished.
    pub story: i64,
    /// Why it was joined to the event (empty for the first reporter).
    pub reason: String,
    /// What it says.
    pub claim: ClaimView,
}

/// An event with every source.
#[derive(Debug, Clone, Serialize)]
pub struct EventDetail {
    /// The summary.
    #[serde(flatten)]
    pub summary: EventSummary,
    /// Fields whose values differ between sources.
    pub disputed_fields: Vec<&'static str>,
    /// Every source, first reporter first.
    pub sources: Vec<SourceView>,
}

/// The claim fields whose non-empty values differ between the sources of `event`.
pub fn disputed_fields(event: &StoredEvent) -> Vec<&'static str> {
    type Get = fn(&Claim) -> Option<String>;
    let fields: [(&'static str, Get); 8] = [
        ("event_type", |c| Some(c.event_type.clone())),
        ("sub_event_type", |c| Some(c.sub_event_type.clone())),
        ("actor1", |c| c.actor1.clone()),
        ("actor2", |c| c.actor2.clone()),
        ("place", |c| c.place.clone()),
        ("date", |c| c.date.clone()),
        ("fatalities", |c| c.fatalities.map(|f| f.to_string())),
        ("foiled", |c| Some(c.foiled.to_string())),
    ];
    fields
        .into_iter()
        .filter(|(_, get)| {
            let mut values: Vec<String> = event.sources.iter().filter_map(|s| get(&s.claim)).collect();
            values.sort();
            values.dedup();
            values.len() > 1
        })
        .map(|(name, _)| name)
        .collect()
}

/// The text around chars `start..end` of `text`: up to [`CONTEXT_CHARS`] on each side (line
/// breaks kept, so a page can show the paragraphs).
pub fn context(text: &str, start: usize, end: usize) -> (String, String) {
    let chars: Vec<char> = text.chars().collect();
    let start = start.min(chars.len());
    let end = end.clamp(start, chars.len());
    let before: String = chars[start.saturating_sub(CONTEXT_CHARS)..start].iter().collect();
    let after: String = chars[end..(end + CONTEXT_CHARS).min(chars.len())].iter().collect();
    (before, after)
}

/// An entity with its names in every language the knowledge base has.
#[derive(Debug, Clone, Serialize)]
pub struct EntityView {
    /// `actor`, `place`, `person` or `outlet`.
    pub kind: String,
    /// Knowledge-base id.
    pub id: String,
    /// Usual name.
    pub name: String,
    /// Names by language (`ar`, `fr`, `en`).
    pub names: BTreeMap<String, Vec<String>>,
    /// Latitude (places).
    pub lat: Option<f64>,
    /// Longitude (places).
    pub lon: Option<f64>,
    /// ISO country code.
    pub country: Option<String>,
}

/// The view of a stored entity, with the knowledge base's names when it knows the entity.
pub fn entity_view(kb: &KnowledgeBase, entity: &marsad_store::NewEntity) -> EntityView {
    let (names, country) = match entity.kind.as_str() {
        "actor" => kb
            .actor_index(&entity.id)
            .map(|i| &kb.actors[i as usize])
            .map(|a| (a.names.0.clone(), a.country.clone()))
            .unwrap_or_default(),
        "place" => kb
            .place_index(&entity.id)
            .map(|i| &kb.places[i as usize])
            .map(|p| (p.names.0.clone(), p.country.clone()))
            .unwrap_or_default(),
        "person" => kb.people.iter().find(|p| p.id == entity.id).map(|p| (p.names.0.clone(), None)).unwrap_or_default(),
        "outlet" => kb
            .outlets
            .iter()
            .find(|o| o.id == entity.id)
            .map(|o| (o.names.0.clone(), o.country.clone()))
            .unwrap_or_default(),
        _ => Default::default(),
    };
    EntityView {
        kind: entity.kind.clone(),
        id: entity.id.clone(),
        name: entity.name.clone(),
        names,
        lat: entity.lat,
        lon: entity.lon,
        country,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_the_text_on_each_side_in_code_points() {
        let text = "عنوان\n\nAvant la phrase. La phrase dite. Après elle.\n\nAutre.";
        let start = text.chars().position(|c| c == 'L').unwrap();
        let end = start + "La phrase dite.".chars().count();
        assert_eq!(
            context(text, start, end),
            ("عنوان\n\nAvant la phrase. ".to_string(), " Après elle.\n\nAutre.".to_string())
        );
        let long = "x".repeat(500);
        let (before, after) = context(&long, 250, 251);
        assert_eq!((before.len(), after.len()), (CONTEXT_CHARS, CONTEXT_CHARS));
        // Offsets beyond the text never panic.
        assert_eq!(context("abc", 10, 20), ("abc".to_string(), String::new()));
    }
}
