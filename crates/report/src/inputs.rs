//! Stored events and the knowledge base made into the indicators' inputs: the boundary where
//! a stored event's strings become typed values, once (docs/indicators.md, "Inputs").
//!
//! - precision and dating: `GeoPrecision::try_from`, `Dating::from_acled`; an event whose
//!   values cannot be read is kept aside as [`Unreadable`] with the reason, never dropped
//!   silently;
//! - admin1 / admin2: from the place's `admin2` field and its region chain ([`admin_units`]);
//! - `supply_target`: the sub-event type is one the settings list, and the evidence sentence
//!   of one of the event's sources contains a word of the lexicon list
//!   `data/lexicon/supply-targets.jsonl` (matched as the extractor matches, clitics included);
//!   looked for only where it can change a figure (not for armed violence far from any road);
//! - outlets: each source's outlet, named as the knowledge base names it.

use std::collections::BTreeMap;

use marsad_indicators::{ActorRef, Corridor, Dating, Event, EventId, GeoPrecision, Point, Stop, SubEventType};
use marsad_kb::lexicon::WordList;
use marsad_kb::{ActorKind, KnowledgeBase, PlaceKind};
use marsad_store::StoredEvent;
use marsad_text::Tokens;

use crate::settings::Settings;

/// A stored event that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The event.
    pub id: EventId,
    /// What is wrong with it.
    pub reason: String,
}

/// The indicators' events, and the stored events that could not be made into one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inputs {
    /// Readable events, in the store's order.
    pub events: Vec<Event>,
    /// Events left out, with the reason.
    pub unreadable: Vec<Unreadable>,
}

/// Converts stored events with the knowledge base's names, units and supply words.
pub struct Converter<'a> {
    kb: &'a KnowledgeBase,
    supply_words: &'a WordList,
    supply_types: Vec<SubEventType>,
    /// Outlet ids and lower-cased names to the name shown.
    outlet_names: BTreeMap<String, String>,
    /// Boxes (south, west, north, east) around every road segment, widened by
    /// [`ROAD_MARGIN_DEG`]: armed violence outside them is no road incident, so its supply
    /// words cannot change a figure and are not looked for (they cost most of a conversion).
    road_boxes: Vec<(f64, f64, f64, f64)>,
}

/// How far around a road segment's box supply words are looked for in armed violence, in
/// degrees: 0.5° is at least 55 km of latitude and 48 km of longitude up to 30° N, twice the
/// indicators' 25 km corridor buffer.
pub const ROAD_MARGIN_DEG: f64 = 0.5;

impl<'a> Converter<'a> {
    /// A converter for this knowledge base and these settings.
    pub fn new(kb: &'a KnowledgeBase, settings: &Settings) -> Converter<'a> {
        let mut outlet_names = BTreeMap::new();
        for outlet in &kb.outlets {
            outlet_names.insert(outlet.id.clone(), outlet.name.clone());
            outlet_names.insert(outlet.name.to_lowercase(), outlet.name.clone());
        }
        let mut road_boxes = Vec::new();
        for road in roads(kb) {
            for pair in road.stops().windows(2) {
                let (a, b) = (pair[0].point, pair[1].point);
                road_boxes.push((
                    a.lat().min(b.lat()) - ROAD_MARGIN_DEG,
                    a.lon().min(b.lon()) - ROAD_MARGIN_DEG,
                    a.lat().max(b.lat()) + ROAD_MARGIN_DEG,
                    a.lon().max(b.lon()) + ROAD_MARGIN_DEG,
                ));
            }
        }
        Converter {
            kb,
            supply_words: kb.lexicon.list_named(&settings.supply_list),
            supply_types: settings.supply_sub_event_types.clone(),
            outlet_names,
            road_boxes,
        }
    }

    /// Every stored event converted, or set aside with its reason.
    pub fn convert(&self, stored: &[StoredEvent]) -> Inputs {
        let mut inputs = Inputs { events: Vec::with_capacity(stored.len()), unreadable: Vec::new() };
        for event in stored {
            match self.event(event) {
                Ok(e) => inputs.events.push(e),
                Err(reason) => inputs.unreadable.push(Unreadable { id: event.id, reason }),
            }
        }
        inputs
    }

    /// One stored event as the indicators read it.
    pub fn event(&self, stored: &StoredEvent) -> Result<Event, String> {
        let s = &stored.summary;
        let point = match (s.lat, s.lon) {
            (Some(lat), Some(lon)) => Some(Point::new(lat, lon).map_err(|e| e.to_string())?),
            _ => None,
        };
        let geo_precision = GeoPrecision::try_from(s.geo_precision).map_err(|e| e.to_string())?;
        let dating = Dating::from_acled(s.date.as_deref(), s.time_precision).map_err(|e| e.to_string())?;
        let sub_event_type: SubEventType =
            s.sub_event_type.parse().map_err(|e: marsad_indicators::event::UnknownValue| e.to_string())?;
        let actors = [&s.actor1, &s.actor2].into_iter().flatten().map(|id| self.actor(id)).collect();
        let (admin1, admin2) = admin_units(self.kb, s.place.as_deref());
        let mut event = Event {
            id: stored.id,
            point,
            geo_precision,
            dating,
            sub_event_type,
            actors,
            admin1,
            admin2,
            fatalities: s.fatalities.map_or(0, |f| u32::try_from(f).unwrap_or(u32::MAX)),
            outlets: self.outlets(stored),
            supply_target: false,
        };
        event.supply_target = self.may_matter(&event) && self.is_supply_attack(stored, sub_event_type);
        Ok(event)
    }

    /// Whether an event's supply words can change a figure: anything that is not armed
    /// violence (looting or burning of trucks counts on roads only through them), and armed
    /// violence placed precisely near a road.
    fn may_matter(&self, event: &Event) -> bool {
        if !event.is_armed_violence() {
            return true;
        }
        let Some(p) = event.precise_point() else { return false };
        let (lat, lon) = (p.lat(), p.lon());
        self.road_boxes.iter().any(|&(s, w, n, e)| lat >= s && lat <= n && lon >= w && lon <= e)
    }

    fn actor(&self, id: &str) -> ActorRef {
        let kind = self.kb.actor_index(id).map(|i| self.kb.actors[i as usize].kind);
        ActorRef { id: id.to_string(), non_state: matches!(kind, Some(ActorKind::ArmedGroup | ActorKind::Militia)) }
    }

    /// The outlets of an event's sources, each once, in source order.
    pub fn outlets(&self, stored: &StoredEvent) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for name in stored.sources.iter().filter_map(|s| s.outlet.as_deref()) {
            let name = self.outlet_name(name);
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }

    /// The name shown for a stored outlet: the knowledge base's when it knows the outlet by id
    /// or name, the stored text otherwise.
    pub fn outlet_name(&self, stored: &str) -> String {
        let found = self.outlet_names.get(stored).or_else(|| self.outlet_names.get(&stored.to_lowercase()));
        found.cloned().unwrap_or_else(|| stored.trim().to_string())
    }

    /// The event struck supplies: a sub-event type that can, and supply words in the evidence
    /// of one of its sources (or of its summary when it has no source).
    pub fn is_supply_attack(&self, stored: &StoredEvent, sub_event_type: SubEventType) -> bool {
        if !self.supply_types.contains(&sub_event_type) {
            return false;
        }
        let summary = std::iter::once(stored.summary.evidence_text.as_str());
        let sources = stored.sources.iter().map(|s| s.claim.evidence_text.as_str());
        let mut seen: Vec<&str> = Vec::new();
        summary.chain(sources).any(|text| {
            if seen.contains(&text) {
                return false;
            }
            seen.push(text);
            has_entry(self.supply_words, text)
        })
    }
}

/// Some entry of `list` occurs in `text`.
pub fn has_entry(list: &WordList, text: &str) -> bool {
    let tokens = Tokens::new(text);
    (0..tokens.len()).any(|i| list.starting_at(&tokens, i).is_some())
}

/// The first- and second-level units (ids) of a place: its `admin2` field (the gazetteer's
/// cercle, province or department) when it has one, and up its region chain: the place itself
/// when it is a region of that level, then its `region`, and so on (at most 8 steps).
pub fn admin_units(kb: &KnowledgeBase, place: Option<&str>) -> (Option<String>, Option<String>) {
    let (mut admin1, mut admin2) = (None, None);
    let mut next = place.and_then(|id| kb.place_index(id));
    for _ in 0..8 {
        let Some(index) = next else { break };
        let p = &kb.places[index as usize];
        if admin2.is_none() && p.admin2.is_some() {
            admin2.clone_from(&p.admin2);
        }
        if p.kind == PlaceKind::Region {
            match p.admin_level {
                Some(1) if admin1.is_none() => admin1 = Some(p.id.clone()),
                Some(2) if admin2.is_none() => admin2 = Some(p.id.clone()),
                _ => {}
            }
        }
        next = p.region.as_deref().and_then(|id| kb.place_index(id));
    }
    (admin1, admin2)
}

/// The supply roads of the knowledge base with their places' coordinates (every corridor's
/// points are places with coordinates, which the knowledge base checks when it loads).
pub fn roads(kb: &KnowledgeBase) -> Vec<Corridor> {
    kb.corridors
        .iter()
        .filter_map(|c| {
            let stops: Option<Vec<Stop>> = c
                .points
                .iter()
                .map(|id| {
                    let place = &kb.places[kb.place_index(id)? as usize];
                    let point = Point::new(place.lat?, place.lon?).ok()?;
                    Some(Stop { id: id.clone(), point })
                })
                .collect();
            Corridor::new(c.id.clone(), stops?).ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_store::{Claim, Source};

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("the embedded knowledge base loads")
    }

    fn claim(sub_event_type: &str, evidence: &str) -> Claim {
        Claim {
            event_type: "Violence against civilians".into(),
            sub_event_type: sub_event_type.into(),
            actor1: Some("jnim".into()),
            actor2: Some("civilians".into()),
            place: Some("ml.kati".into()),
            lat: Some(12.74),
            lon: Some(-8.07),
            geo_precision: 1,
            date: Some("2025-09-14".into()),
            time_precision: 1,
            fatalities: Some(3),
            attributed_to: None,
            evidence_start: 0,
            evidence_end: evidence.chars().count() as u32,
            evidence_text: evidence.into(),
            confidence: 0.9,
            foiled: false,
        }
    }

    fn stored(sub_event_type: &str, evidence: &str, outlet: Option<&str>) -> StoredEvent {
        let c = claim(sub_event_type, evidence);
        StoredEvent {
            id: 7,
            summary: c.clone(),
            disputed: false,
            sources: vec![Source {
                doc_id: 1,
                doc_key: "fictional-1".into(),
                outlet: outlet.map(str::to_string),
                published: Some("2025-09-15".into()),
                story: 1,
                claim: c,
                reason: String::new(),
            }],
        }
    }

    #[test]
    fn supply_attacks_need_the_sub_type_and_a_supply_word_in_any_language() {
        let kb = kb();
        let settings = Settings::embedded(&kb).expect("settings");
        let converter = Converter::new(&kb, &settings);
        // Fictional sentences written for this test.
        let cases = [
            ("Attack", "Gunmen set fire to fuel tankers near Kati on Sunday.", true),
            ("Attack", "Des hommes armés ont incendié des camions-citernes près de Kati.", true),
            ("Attack", "أحرق مسلحون صهاريج الوقود قرب كاتي.", true),
            ("Attack", "وأحرقوا الشاحنات قرب كاتي.", true),
            ("Attack", "Gunmen attacked a village near Kati on Sunday.", false),
            ("Peaceful protest", "Truck drivers protested in Kati on Sunday.", false),
        ];
        for (sub_event_type, sentence, expected) in cases {
            let event = converter.event(&stored(sub_event_type, sentence, None)).expect("readable");
            assert_eq!(event.supply_target, expected, "{sentence}");
        }
    }

    #[test]
    fn strings_become_typed_values_or_a_reason() {
        let kb = kb();
        let settings = Settings::embedded(&kb).expect("settings");
        let converter = Converter::new(&kb, &settings);
        let event =
            converter.event(&stored("Attack", "A fictional sentence.", Some("Sample wire (fictional)"))).expect("ok");
        assert_eq!(event.dating, Dating::from_acled(Some("2025-09-14"), 1).expect("day"));
        assert_eq!(event.geo_precision, GeoPrecision::Town);
        assert_eq!(event.outlets, vec!["Sample wire (fictional)".to_string()]);
        assert_eq!(event.actors[0], ActorRef { id: "jnim".into(), non_state: true });
        assert!(!event.actors[1].non_state, "civilians are not a non-state armed actor");
        assert_eq!(event.admin1.as_deref(), Some("ml.koulikoro-region"));
        let mut bad = stored("Attack", "A fictional sentence.", None);
        bad.summary.date = Some("2025-02-30".into());
        let inputs = converter.convert(&[bad]);
        assert!(inputs.events.is_empty());
        assert_eq!(inputs.unreadable[0].id, 7);
        assert!(inputs.unreadable[0].reason.contains("2025-02-30"), "{:?}", inputs.unreadable);
    }

    #[test]
    fn admin_units_come_from_the_region_chain() {
        let kb = kb();
        let cercle = kb.places.iter().find(|p| p.admin_level == Some(2)).expect("a second-level unit");
        let (admin1, admin2) = admin_units(&kb, Some(&cercle.id));
        assert_eq!(admin2.as_deref(), Some(cercle.id.as_str()));
        assert_eq!(admin1, cercle.region);
        let kati = admin_units(&kb, Some("ml.kati"));
        assert_eq!(kati, (Some("ml.koulikoro-region".into()), Some("ml.kati-cercle".into())), "a town's admin2 field");
        assert_eq!(admin_units(&kb, None), (None, None));
        assert_eq!(admin_units(&kb, Some("zz.nowhere")), (None, None));
    }

    #[test]
    fn every_corridor_becomes_a_road() {
        let kb = kb();
        assert_eq!(roads(&kb).len(), kb.corridors.len());
    }
}
