//! Corridors: loading, validation with file and line, and the embedded roads.

use marsad_kb::{load, KnowledgeBase};

const PLACES: &str = r#"{"id":"ml.bamako","kind":"town","country":"ML","lat":12.64,"lon":-8.0,"names":{"en":["Bamako"],"fr":["Bamako"],"ar":["باماكو"]}}
{"id":"ml.kati","kind":"town","country":"ML","lat":12.74,"lon":-8.07,"names":{"en":["Kati"],"fr":["Kati"],"ar":["كاتي"]}}
{"id":"water.niger","kind":"water","country":null,"names":{"en":["Niger River"],"fr":["fleuve Niger"],"ar":["نهر النيجر"]}}"#;

const GOOD: &str = r#"{"id":"ml.test","names":{"en":["Bamako – Kati road"],"fr":["axe Bamako – Kati"],"ar":["محور باماكو – كاتي"]},"serves":["ml.bamako"],"roads":["RN3"],"points":["ml.bamako","ml.kati"],"source":"test"}"#;

/// A small knowledge base: these places and corridors, with the coding files every one needs.
fn load_small(corridors: &str) -> Result<KnowledgeBase, Vec<marsad_kb::KbError>> {
    let mut files = vec![("places/t.jsonl", PLACES), ("geo/corridors.jsonl", corridors)];
    files.extend(KnowledgeBase::coding_files());
    load::load(&files)
}

fn errors(corridors: &str) -> Vec<String> {
    match load_small(corridors) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn a_valid_corridor_loads_with_its_points_in_order() {
    let kb = load_small(GOOD).expect("valid");
    assert_eq!(kb.corridors.len(), 1);
    let corridor = &kb.corridors[0];
    assert_eq!(corridor.points, ["ml.bamako", "ml.kati"]);
    assert_eq!(corridor.roads, ["RN3"]);
    assert_eq!(corridor.names.get("ar"), ["محور باماكو – كاتي"]);
}

#[test]
fn an_unknown_place_is_reported_with_file_and_line() {
    let bad = GOOD.replace(r#""ml.bamako","ml.kati"]"#, r#""ml.bamako","ml.nowhere"]"#);
    let text = format!("// comment\n{GOOD}\n{}", bad.replace("ml.test", "ml.other"));
    assert_eq!(errors(&text), ["data/geo/corridors.jsonl:3: ml.other: unknown place `ml.nowhere`"]);
}

#[test]
fn a_place_without_coordinates_cannot_be_a_point() {
    let bad = GOOD.replace(r#""ml.bamako","ml.kati"]"#, r#""ml.bamako","water.niger"]"#);
    assert_eq!(errors(&bad), ["data/geo/corridors.jsonl:1: ml.test: place `water.niger` has no coordinates"]);
}

#[test]
fn fewer_than_two_points_is_an_error() {
    let bad = GOOD.replace(r#""points":["ml.bamako","ml.kati"]"#, r#""points":["ml.bamako"]"#);
    assert_eq!(errors(&bad), ["data/geo/corridors.jsonl:1: ml.test: a corridor needs at least 2 points, it has 1"]);
}

#[test]
fn missing_or_misscripted_names_are_errors() {
    let no_french = GOOD.replace(r#""fr":["axe Bamako – Kati"],"#, "");
    assert_eq!(errors(&no_french), ["data/geo/corridors.jsonl:1: ml.test: name in `fr` missing or empty"]);
    let latin_arabic = GOOD.replace("محور باماكو – كاتي", "Bamako – Kati");
    assert_eq!(
        errors(&latin_arabic),
        ["data/geo/corridors.jsonl:1: ml.test: ar name `Bamako – Kati` is in the wrong script"]
    );
}

#[test]
fn served_towns_must_be_points_and_ids_unique() {
    let bad = GOOD.replace(r#""serves":["ml.bamako"]"#, r#""serves":["ml.kayes"]"#);
    assert_eq!(
        errors(&bad),
        ["data/geo/corridors.jsonl:1: ml.test: serves `ml.kayes`, which is not one of its points"]
    );
    assert_eq!(errors(&format!("{GOOD}\n{GOOD}")), ["data/geo/corridors.jsonl:2: duplicate corridor id `ml.test`"]);
}

#[test]
fn malformed_lines_and_unknown_fields_are_errors() {
    let errors_of_malformed = errors("{\"id\":");
    assert_eq!(errors_of_malformed.len(), 1);
    assert!(errors_of_malformed[0].starts_with("data/geo/corridors.jsonl:1: not a valid corridor:"));
    let typo = GOOD.replace("\"roads\"", "\"road\"");
    assert!(errors(&typo)[0].contains("unknown field `road`"), "{:?}", errors(&typo));
}

/// The roads the brief names, in order, as the embedded data holds them.
#[test]
fn the_embedded_corridors_hold_the_main_roads_into_the_capitals() {
    let kb = KnowledgeBase::embedded().expect("valid knowledge base");
    let contains_in_order = |chain: &[&str]| {
        kb.corridors.iter().any(|c| {
            let mut points = c.points.iter();
            chain.iter().all(|wanted| points.any(|p| p == wanted))
        })
    };
    for chain in [
        &["ml.bamako", "ml.kati", "ml.kolokani", "ml.diema", "ml.kayes", "ml.diboli"][..],
        &["ml.bamako", "ml.segou", "ml.san", "ml.mopti"],
        &["ml.bamako", "ml.bougouni", "ml.sikasso", "ml.zegoua"],
        &["ml.bamako", "ml.kouremale"],
        &["ml.bamako", "ml.kita", "ml.kayes"],
        &["bf.ouagadougou", "bf.bobo-dioulasso"],
        &["ne.niamey", "ne.dosso"],
        &["bf.ouagadougou", "bf.fada-ngourma", "ne.niamey"],
    ] {
        assert!(contains_in_order(chain), "no corridor runs {chain:?}");
    }
    for capital in ["ml.bamako", "bf.ouagadougou", "ne.niamey"] {
        assert!(kb.corridors.iter().filter(|c| c.serves.iter().any(|s| s == capital)).count() >= 3, "{capital}");
    }
}
