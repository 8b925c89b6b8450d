//! The ACLED names this crate knows are the ones in the knowledge base's taxonomy, and the
//! results serialise as the API will send them.

mod support;

use marsad_indicators::{compute, EventType, SubEventType};
use support::*;

/// Every sub-event type in `data/events/taxonomy.jsonl` parses here, under the same event type,
/// and there are as many here as there.
#[test]
fn sub_event_types_match_the_taxonomy_file() {
    let taxonomy = include_str!("../../../data/events/taxonomy.jsonl");
    let mut seen = 0;
    for line in taxonomy.lines().filter(|l| l.contains("\"sub_event_type\"") && l.contains("\"event_type\"")) {
        let entry: serde_json::Value = serde_json::from_str(line).expect("taxonomy line is JSON");
        let (event_type, sub) =
            (entry["event_type"].as_str().expect("text"), entry["sub_event_type"].as_str().expect("text"));
        let parsed: SubEventType = sub.parse().expect("known sub-event type");
        assert_eq!(parsed.name(), sub);
        assert_eq!(parsed.event_type(), event_type.parse::<EventType>().expect("known event type"), "{sub}");
        seen += 1;
    }
    assert_eq!(seen, SubEventType::ALL.len());
}

/// Days, weeks and months serialise as ISO 8601 text, counts and distances as numbers.
#[test]
fn results_serialise_with_dates_as_text_and_figures_as_numbers() {
    let events = vec![event(1).north(120.0).on("2025-09-03").unit("r", "c").killed(2)];
    let all = compute(&events, &[], &query("2025-09-01", "2025-09-07"));
    let json = serde_json::to_value(&all).expect("serialisable");
    let week = &json["distance"]["weeks"][0];
    assert_eq!(week["span"]["week"], "2025-W36");
    assert_eq!(week["span"]["first"], "2025-09-01");
    assert!((week["median_km"].as_f64().expect("number") - 120.0).abs() < 1e-6);
    assert_eq!(week["evidence"]["events"], serde_json::json!([1]));
    assert_eq!(week["evidence"]["fatalities"], 2);
    assert_eq!(json["trackers"]["month"], "2025-08");
    assert_eq!(json["encirclement"]["sectors"][0]["label"], "N");
}

/// Extreme but valid inputs end quickly and without a panic: the last representable week, a
/// year far outside the calendar, a period too long to compute.
#[test]
fn extreme_dates_neither_panic_nor_loop() {
    use marsad_indicators::{Dating, Period};
    let mut far = event(1).north(10.0);
    far.dating = Dating::Year(i32::MAX);
    let events = vec![far, event(2).north(20.0).on("9999-12-30")];
    let all = compute(&events, &[], &query("9999-12-01", "9999-12-31"));
    assert_eq!(all.distance.weeks.last().map(|w| w.span.last.to_string()), Some("9999-12-31".into()));
    assert!(Period::new(day("2000-01-01"), day("2030-01-01")).is_err());
    assert!(Period::new(day("2025-02-01"), day("2025-01-01")).is_err());
}
