//! World regions: loading, validation with file and line, and the embedded table.

use marsad_kb::{load, KnowledgeBase};

const PLACES: &str = r#"{"id":"ml","kind":"country","country":"ML","lat":17.5,"lon":-4.0,"names":{"en":["Mali"],"fr":["Mali"],"ar":["مالي"]}}
{"id":"td","kind":"country","country":"TD","lat":15.4,"lon":18.7,"names":{"en":["Chad"],"fr":["Tchad"],"ar":["تشاد"]}}
{"id":"ml.bamako","kind":"town","country":"ML","lat":12.64,"lon":-8.0,"names":{"en":["Bamako"],"fr":["Bamako"],"ar":["باماكو"]}}"#;

fn load_small(regions: &str) -> Result<KnowledgeBase, Vec<marsad_kb::KbError>> {
    let mut files = vec![("places/t.jsonl", PLACES), ("geo/world-regions.jsonl", regions)];
    files.extend(KnowledgeBase::coding_files());
    load::load(&files)
}

fn errors(regions: &str) -> Vec<String> {
    match load_small(regions) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn a_country_finds_its_region() {
    let kb = load_small(
        "{\"region\":\"Western Africa\",\"countries\":[\"ML\"]}\n{\"region\":\"Middle Africa\",\"countries\":[\"TD\"]}",
    )
    .expect("valid");
    assert_eq!(kb.world_region("ML"), Some("Western Africa"));
    assert_eq!(kb.world_region("TD"), Some("Middle Africa"));
    assert_eq!(kb.world_region("FR"), None, "a country the table does not list has no region");
}

#[test]
fn an_unknown_country_is_reported_with_file_and_line() {
    let text = "// comment\n{\"region\":\"Western Africa\",\"countries\":[\"ML\",\"XX\"]}";
    assert_eq!(
        errors(text),
        ["data/geo/world-regions.jsonl:2: Western Africa: unknown country `XX` (an ISO alpha-2 code of data/places)"]
    );
}

#[test]
fn a_town_code_is_not_a_country() {
    // Only country entries count: a code must name one.
    let text = "{\"region\":\"Western Africa\",\"countries\":[\"ml.bamako\"]}";
    assert_eq!(errors(text).len(), 1, "{:?}", errors(text));
}

#[test]
fn a_country_in_two_regions_is_an_error() {
    let text = "{\"region\":\"Western Africa\",\"countries\":[\"ML\"]}\n{\"region\":\"Middle Africa\",\"countries\":[\"TD\",\"ML\"]}";
    assert_eq!(
        errors(text),
        ["data/geo/world-regions.jsonl:2: Middle Africa: country `ML` is already in `Western Africa`"]
    );
    let twice = "{\"region\":\"Western Africa\",\"countries\":[\"ML\",\"ML\"]}";
    assert_eq!(
        errors(twice),
        ["data/geo/world-regions.jsonl:1: Western Africa: country `ML` is already in `Western Africa`"]
    );
}

#[test]
fn empty_and_malformed_lines_are_errors() {
    assert_eq!(
        errors("{\"region\":\"Nowhere\",\"countries\":[]}"),
        ["data/geo/world-regions.jsonl:1: Nowhere: no countries"]
    );
    let unknown_field = errors("{\"region\":\"Western Africa\",\"countries\":[\"ML\"],\"extra\":1}");
    assert!(
        unknown_field[0].starts_with("data/geo/world-regions.jsonl:1: not a valid world region"),
        "{unknown_field:?}"
    );
}

#[test]
fn the_embedded_table_gives_the_sahel_its_acled_regions() {
    let kb = KnowledgeBase::embedded().expect("embedded knowledge base");
    for (country, region) in [
        ("ML", "Western Africa"),
        ("BF", "Western Africa"),
        ("NE", "Western Africa"),
        ("MR", "Western Africa"),
        ("TD", "Middle Africa"),
        ("DZ", "Northern Africa"),
        ("SD", "Northern Africa"),
        ("FR", "Europe"),
        ("RU", "Europe"),
    ] {
        assert_eq!(kb.world_region(country), Some(region), "{country}");
    }
}
