//! Unit checks of event coding on sentences written for these tests.

use crate::{Event, EventCoder};
use marsad_extract::Extractor;
use marsad_kb::KnowledgeBase;
use std::sync::OnceLock;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::embedded().expect("embedded knowledge base is valid"))
}

fn events(text: &str, published: Option<&str>) -> Vec<Event> {
    let extraction = Extractor::new(kb()).extract(text, None);
    EventCoder::new(kb()).code(text, &extraction, published)
}

fn actor(id: Option<u32>) -> Option<&'static str> {
    id.map(|i| kb().actors[i as usize].id.as_str())
}

#[test]
fn verb_first_arabic_attack_on_a_convoy_targets_civilians() {
    let found = events("هاجم مسلحون تابعون لجماعة نصرة الإسلام والمسلمين أمس قافلة شاحنات قرب كايس وقتلوا ثلاثة سائقين.", Some("2025-09-07"));
    assert_eq!(found.len(), 1, "{found:?}");
    let e = &found[0];
    assert_eq!((e.event_type.as_str(), e.sub_event_type.as_str()), ("Violence against civilians", "Attack"));
    assert_eq!((actor(e.actor1), actor(e.actor2)), (Some("jnim"), Some("civilians")));
    assert_eq!((e.date.as_deref(), e.time_precision, e.geo_precision, e.fatalities), (Some("2025-09-06"), 1, 2, Some(3)));
}

#[test]
fn speculation_is_not_an_event() {
    assert!(events("يخشى محللون أن تهاجم الجماعة العاصمة باماكو قريبا.", Some("2025-09-07")).is_empty());
}
