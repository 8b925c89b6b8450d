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
    let found = events(
        "هاجم مسلحون تابعون لجماعة نصرة الإسلام والمسلمين أمس قافلة شاحنات قرب كايس وقتلوا ثلاثة سائقين.",
        Some("2025-09-07"),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let e = &found[0];
    assert_eq!((e.event_type.as_str(), e.sub_event_type.as_str()), ("Violence against civilians", "Attack"));
    assert_eq!((actor(e.actor1), actor(e.actor2)), (Some("jnim"), Some("civilians")));
    assert_eq!(
        (e.date.as_deref(), e.time_precision, e.geo_precision, e.fatalities),
        (Some("2025-09-06"), 1, 2, Some(3))
    );
}

#[test]
fn speculation_is_not_an_event() {
    assert!(events("يخشى محللون أن تهاجم الجماعة العاصمة باماكو قريبا.", Some("2025-09-07")).is_empty());
}

#[test]
fn passive_arabic_convoy_attack_with_a_claim_names_the_group() {
    let found = events(
        "تعرضت قافلة شاحنات لهجوم مسلح يوم السبت قرب نيونو، وأعلنت جماعة نصرة الإسلام والمسلمين مسؤوليتها عن الهجوم.",
        Some("2025-10-06"),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let e = &found[0];
    assert_eq!((actor(e.actor1), actor(e.actor2)), (Some("jnim"), Some("civilians")));
    assert_eq!((e.date.as_deref(), e.geo_precision), (Some("2025-10-04"), 2));
}

#[test]
fn parts_of_a_toll_are_summed_and_injuries_not_counted() {
    let ar = events("قتل 5 جنود ماليين و3 مدنيين وأصيب 12 آخرون في هجوم على بلدة دوينتزا أمس.", Some("2025-03-02"));
    assert_eq!(ar.first().and_then(|e| e.fatalities), Some(8), "{ar:?}");
    let en =
        events("Dozens of villagers were killed near Bandiagara on Sunday, local officials said.", Some("2025-03-04"));
    assert_eq!(en.first().and_then(|e| e.fatalities), Some(12), "{en:?}");
    let fr = events("Sept soldats ont été blessés dans une embuscade près de Sévaré mardi.", Some("2025-03-06"));
    assert_eq!(fr.first().map(|e| e.fatalities), Some(None), "{fr:?}");
}

#[test]
fn a_foiled_attack_is_still_an_event_and_the_army_is_its_target() {
    let found = events("L'armée malienne a déjoué hier une attaque contre son camp de Boni.", Some("2025-05-11"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].foiled);
    assert_eq!(actor(found[0].actor2), Some("fama"));
    assert_eq!(found[0].date.as_deref(), Some("2025-05-10"));
}

#[test]
fn background_years_before_publication_are_flagged_not_current() {
    let found =
        events("Depuis la prise de Kidal par les rebelles en 2012, la région reste instable.", Some("2025-05-11"));
    assert!(found.iter().all(|e| e.background), "{found:?}");
}

#[test]
fn contradicting_tolls_from_two_sources_stay_side_by_side() {
    let text = "The Malian army said two soldiers were killed when it repelled an attack on its base in Ansongo on Monday. JNIM claimed in a statement that it killed 20 soldiers in the attack on Ansongo.";
    let found = events(text, Some("2025-06-10"));
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].fatalities, found[1].fatalities), (Some(2), Some(20)));
    assert_eq!(found[1].claim_of, Some(0));
    assert!(found[0].disputed && found[1].disputed);
}

#[test]
fn without_a_publication_date_relative_dates_are_not_guessed() {
    let found = events("هاجم مسلحون أمس نقطة تفتيش في كاتي.", None);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].date.as_deref(), found[0].time_precision), (None, 3));
}

#[test]
fn repeated_mentions_of_one_incident_are_one_event() {
    let text = "Des hommes armés ont enlevé trois chauffeurs près de Kayes jeudi.\nL'enlèvement des chauffeurs près de Kayes inquiète les transporteurs.";
    let found = events(text, Some("2025-08-15"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].sub_event_type, "Abduction/forced disappearance");
}

#[test]
fn an_attribution_names_the_outlet() {
    let found = events("قتل ثلاثة مدنيين في غارة بطائرة مسيرة قرب أغلهوك، بحسب وكالة فرانس برس.", Some("2025-02-01"));
    assert_eq!(found.first().and_then(|e| e.attributed_to.as_deref()), Some("Agence France-Presse"), "{found:?}");
    assert_eq!(found.first().map(|e| e.sub_event_type.as_str()), Some("Air/drone strike"));
}
