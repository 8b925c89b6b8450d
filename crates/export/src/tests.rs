//! The export rules over the embedded knowledge base: ACLED's columns and their values, the
//! rows ACLED would not record, GeoJSON's typed properties, JSON Lines keeping everything.

use super::*;
use marsad_store::Source;
use std::sync::OnceLock;

/// A claim with every field neutral, for tests to override.
pub(crate) fn claim() -> Claim {
    Claim {
        event_type: "Battles".into(),
        sub_event_type: "Armed clash".into(),
        actor1: None,
        actor2: None,
        place: None,
        lat: None,
        lon: None,
        geo_precision: 1,
        date: None,
        time_precision: 1,
        fatalities: None,
        attributed_to: None,
        evidence_start: 0,
        evidence_end: 0,
        evidence_text: String::new(),
        confidence: 0.9,
        foiled: false,
    }
}

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::embedded().expect("the embedded knowledge base"))
}

fn source(doc_id: DocId, outlet: Option<&str>, published: &str, claim: Claim) -> Source {
    Source {
        doc_id,
        doc_key: format!("doc-{doc_id}"),
        outlet: outlet.map(str::to_string),
        published: Some(published.into()),
        story: doc_id,
        claim,
        reason: String::new(),
    }
}

/// JNIM attacks civilians at Kati, reported by one outlet; the claim names JNIM as the one who
/// claimed it.
fn kati_attack(id: i64, date: Option<&str>, precision: u8) -> StoredEvent {
    let summary = Claim {
        event_type: "Violence against civilians".into(),
        sub_event_type: "Attack".into(),
        actor1: Some("jnim".into()),
        actor2: Some("civilians".into()),
        place: Some("ml.kati".into()),
        lat: Some(12.74412),
        lon: Some(-8.07264),
        date: date.map(str::to_string),
        time_precision: precision,
        fatalities: Some(4),
        attributed_to: Some("jnim".into()),
        evidence_text: "Gunmen killed four civilians in Kati.".into(),
        ..claim()
    };
    StoredEvent {
        id,
        summary: summary.clone(),
        disputed: false,
        sources: vec![source(10, Some("Sample wire (fictional)"), "2025-10-20", summary)],
    }
}

fn csv_rows(events: &[StoredEvent]) -> (Vec<Vec<String>>, Written) {
    let mut out = Vec::new();
    let written = Exporter::new(kb()).write_acled_csv(events, &mut out).expect("written");
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader.headers().expect("a header").iter().map(str::to_string).collect();
    assert_eq!(header, ACLED_COLUMNS, "ACLED's columns in ACLED's order");
    let rows = reader.records().map(|r| r.expect("a row").iter().map(str::to_string).collect()).collect();
    (rows, written)
}

fn column<'a>(row: &'a [String], name: &str) -> &'a str {
    let index = ACLED_COLUMNS.iter().position(|c| *c == name).expect("an ACLED column");
    &row[index]
}

#[test]
fn a_row_fills_acled_columns_from_the_knowledge_base() {
    let (rows, written) = csv_rows(&[kati_attack(7, Some("2025-10-18"), 1)]);
    assert_eq!(written.rows, 1);
    let row = &rows[0];
    let expect = [
        ("event_id_cnty", "MLI7"),
        ("event_date", "2025-10-18"),
        ("year", "2025"),
        ("time_precision", "1"),
        ("disorder_type", "Political violence"),
        ("actor1", "JNIM"),
        ("inter1", "2"),
        ("actor2", "Civilians"),
        ("inter2", "7"),
        ("interaction", "27"),
        ("civilian_targeting", "Civilian targeting"),
        ("iso", "466"),
        ("region", "Western Africa"),
        ("country", "Mali"),
        ("admin1", "Koulikoro"),
        ("admin2", "Kati"),
        ("admin3", ""),
        ("location", "Kati"),
        ("latitude", "12.7441"),
        ("longitude", "-8.0726"),
        ("geo_precision", "1"),
        ("source", "Sample wire (fictional)"),
        ("notes", "Gunmen killed four civilians in Kati."),
        ("fatalities", "4"),
        ("timestamp", "1760918400"),
    ];
    for (name, value) in expect {
        assert_eq!(column(row, name), value, "{name}");
    }
}

#[test]
fn the_source_is_the_outlet_never_the_actor_that_claimed_it() {
    let (rows, _) = csv_rows(&[kati_attack(1, Some("2025-10-18"), 1)]);
    assert_eq!(column(&rows[0], "source"), "Sample wire (fictional)");
    assert!(!column(&rows[0], "source").contains("JNIM") && !column(&rows[0], "source").contains("jnim"));
}

#[test]
fn a_document_without_outlet_is_named_by_its_url_or_its_key() {
    let mut event = kati_attack(1, Some("2025-10-18"), 1);
    let claim = event.summary.clone();
    event.sources = vec![
        source(1, None, "2025-10-19", claim.clone()),
        source(2, None, "2025-10-19", claim.clone()),
        source(3, None, "2025-10-20", claim),
    ];
    let exporter = Exporter::new(kb())
        .with_urls([(1, "https://www.rfi.fr/fr/afrique/1".to_string()), (2, "https://news.example.org/2".to_string())]);
    assert_eq!(Exporter::documents_needing_urls(std::slice::from_ref(&event)), [1, 2, 3]);
    let row = exporter.row(&event).expect("a row");
    assert_eq!(row.values[25].csv(), "Radio France Internationale; news.example.org; document doc-3");
}

#[test]
fn vague_dates_follow_acleds_rule_and_undated_events_are_left_out_and_counted() {
    let events = [
        kati_attack(1, Some("2025-09-01"), 2), // a week: its Thursday
        kati_attack(2, Some("2025-09"), 2),    // a month: its 15th
        kati_attack(3, Some("2025"), 3),       // a year: not an ACLED event
        kati_attack(4, None, 3),               // no date
        kati_attack(5, None, 3),
    ];
    let (rows, written) = csv_rows(&events);
    let dated: Vec<(&str, &str)> =
        rows.iter().map(|r| (column(r, "event_date"), column(r, "time_precision"))).collect();
    assert_eq!(dated, [("2025-09-04", "2"), ("2025-09-15", "3")]);
    assert_eq!(written.rows, 2);
    assert_eq!(written.left_out.get(&LeftOut::Undated(Undatable::NoDate)), Some(&vec![4, 5]));
    assert_eq!(written.left_out.get(&LeftOut::Undated(Undatable::YearOnly)), Some(&vec![3]));
    assert_eq!(
        written.left_out_lines(),
        ["2 event(s) left out: no date (ids 4, 5)", "1 event(s) left out: dated only to a year (ids 3)"]
    );
    assert!(rows.iter().all(|r| !column(r, "event_date").is_empty() && !column(r, "source").is_empty()));
}

#[test]
fn on_request_undated_events_take_their_first_report_day_tagged() {
    let events = [kati_attack(4, None, 3), kati_attack(5, Some("2025-10-18"), 1)];
    let mut out = Vec::new();
    let written =
        Exporter::new(kb()).undated(Undated::FirstReport).write_acled_csv(&events, &mut out).expect("written");
    assert_eq!((written.rows, written.left_out_count()), (2, 0));
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let rows: Vec<Vec<String>> =
        reader.records().map(|r| r.expect("a row").iter().map(str::to_string).collect()).collect();
    let first = &rows[0];
    assert_eq!(
        (column(first, "event_date"), column(first, "time_precision"), column(first, "tags")),
        ("2025-10-20", "3", "date of first report")
    );
    assert_eq!(column(&rows[1], "tags"), "", "a dated event is not tagged");
}

#[test]
fn a_month_midpoint_after_the_first_report_is_the_report_day() {
    let mut event = kati_attack(1, Some("2025-10"), 2);
    event.sources[0].published = Some("2025-10-09".into());
    let (rows, _) = csv_rows(&[event]);
    assert_eq!((column(&rows[0], "event_date"), column(&rows[0], "time_precision")), ("2025-10-09", "3"));
}

#[test]
fn a_sole_actor_and_a_foreign_state_get_acleds_codes() {
    let mut event = kati_attack(1, Some("2025-10-18"), 1);
    event.summary.actor2 = None;
    let (rows, _) = csv_rows(std::slice::from_ref(&event));
    assert_eq!((column(&rows[0], "inter2"), column(&rows[0], "interaction")), ("", "20"));
    assert_eq!(column(&rows[0], "civilian_targeting"), "");
    assert_eq!(inter_code(kb(), Some("fama"), Some("ML"), "Armed clash"), Some(1));
    assert_eq!(inter_code(kb(), Some("fama"), Some("BF"), "Armed clash"), Some(8), "a state's forces abroad");
}

#[test]
fn a_region_centroid_event_names_its_region_as_admin1() {
    let mut event = kati_attack(1, Some("2025-10-18"), 1);
    event.summary.place = Some("ml.koulikoro-region".into());
    event.summary.geo_precision = 3;
    let (rows, _) = csv_rows(&[event]);
    assert_eq!((column(&rows[0], "admin1"), column(&rows[0], "admin2")), ("Koulikoro", ""));
    assert_eq!(column(&rows[0], "location"), "Koulikoro Region");
}

#[test]
fn geojson_properties_are_typed_for_qgis() {
    let mut out = Vec::new();
    let mut no_point = kati_attack(2, Some("2025-10-18"), 1);
    no_point.summary.lat = None;
    no_point.summary.lon = None;
    let mut disputed = kati_attack(1, Some("2025-10-18"), 1);
    disputed.disputed = true;
    let events = [disputed, no_point, kati_attack(3, None, 3)];
    let written = Exporter::new(kb()).write_geojson(&events, &mut out).expect("written");
    assert_eq!(written.rows, 1);
    assert_eq!(written.left_out.get(&LeftOut::NoCoordinates), Some(&vec![2]));
    assert_eq!(written.left_out.get(&LeftOut::Undated(Undatable::NoDate)), Some(&vec![3]));
    let collection: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    let feature = &collection["features"][0];
    assert_eq!(feature["geometry"]["coordinates"], serde_json::json!([-8.07264, 12.74412]));
    let p = &feature["properties"];
    for name in ["year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities"] {
        assert!(p[name].is_u64(), "{name} is a whole number: {}", p[name]);
    }
    assert!(p["timestamp"].is_i64() && p["marsad_id"].is_i64() && p["sources"].is_u64());
    assert!(p["latitude"].is_f64() && p["longitude"].is_f64());
    assert_eq!((p["latitude"].as_f64(), p["longitude"].as_f64()), (Some(12.7441), Some(-8.0726)));
    assert_eq!((p["disputed"].as_bool(), p["foiled"].as_bool()), (Some(true), Some(false)));
    assert_eq!(p["fatalities"], 4);
    assert_eq!(p["former_admin1"], "former Koulikoro");
    assert_eq!(p["tags"], "disputed");
    assert!(p["event_date"].is_string() && p["source"].is_string());
}

#[test]
fn a_missing_number_is_null_in_geojson_and_empty_in_csv() {
    assert_eq!(Value::Int(None).json(), serde_json::Value::Null);
    assert_eq!(Value::Int(None).csv(), "");
    assert_eq!(Value::Real(None).json(), serde_json::Value::Null);
    assert_eq!(Value::Real(Some(f64::NAN)).json(), serde_json::Value::Null, "not a number is no number");
    assert_eq!(Value::Int(Some(27)).json(), serde_json::json!(27));
}

#[test]
fn json_lines_keep_every_event_even_undated() {
    let mut out = Vec::new();
    let events = [kati_attack(1, None, 3), kati_attack(2, Some("2025"), 3)];
    let written = Exporter::new(kb()).write_jsonl(&events, &mut out).expect("written");
    assert_eq!((written.rows, written.left_out_count()), (2, 0));
    assert_eq!(String::from_utf8(out).expect("UTF-8").lines().count(), 2);
}

#[test]
fn an_event_at_an_unknown_place_still_gets_a_row() {
    let mut event = kati_attack(1, Some("2025-10-18"), 1);
    event.summary.place = Some("ml.nowhere".into());
    let (rows, _) = csv_rows(&[event]);
    assert_eq!(column(&rows[0], "event_id_cnty"), "XXX1");
    assert_eq!((column(&rows[0], "country"), column(&rows[0], "admin1"), column(&rows[0], "region")), ("", "", ""));
}
