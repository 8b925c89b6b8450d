//! Loader and validation tests on small knowledge bases written here.

use super::*;

const PLACE: &str = r#"{"id":"ml.bamako","kind":"town","country":"ML","lat":12.64,"lon":-8.0,"names":{"en":["Bamako"],"fr":["Bamako"],"ar":["باماكو"]}}"#;

/// `files` with the real events and lexicon files, which every knowledge base needs.
fn with_coding<'a>(files: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let coding =
        KnowledgeBase::coding_files().into_iter().filter(|(name, _)| !files.iter().any(|(given, _)| given == name));
    files.iter().copied().chain(coding).collect()
}

fn load_with_coding(files: &[(&str, &str)]) -> Result<KnowledgeBase, Vec<KbError>> {
    load::load(&with_coding(files))
}

fn errors_of(files: &[(&str, &str)]) -> Vec<String> {
    match load_with_coding(files) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn a_valid_place_loads_and_is_indexed() {
    let kb = load_with_coding(&[("places/t.jsonl", PLACE)]).expect("valid");
    assert_eq!(kb.places.len(), 1);
    assert_eq!(kb.place_index("ml.bamako"), Some(0));
    assert!(!kb.gazetteer().is_empty());
}

#[test]
fn duplicate_ids_are_errors() {
    let two = format!("{PLACE}\n{PLACE}");
    let errors = errors_of(&[("places/t.jsonl", &two)]);
    assert_eq!(errors, ["data/places/t.jsonl:2: duplicate place id `ml.bamako` (first at data/places/t.jsonl:1)"]);
}

const REGION: &str = r#"{"id":"ml.kayes-region","kind":"region","country":"ML","admin_level":1,"lat":14.4,"lon":-11.4,"names":{"en":["Kayes Region"],"fr":["région de Kayes"],"ar":["منطقة كايس"]}}"#;
const CERCLE: &str = r#"{"id":"ml.kita-cercle","kind":"region","country":"ML","region":"ml.kayes-region","admin_level":2,"lat":13.0,"lon":-9.5,"names":{"en":["Kita Cercle"],"fr":["cercle de Kita"],"ar":["دائرة كيتا"]}}"#;
const MALI: &str = r#"{"id":"ml","kind":"country","country":"ML","lat":17.5,"lon":-4.0,"bbox":[-12.6,9.8,4.6,25.3],"names":{"en":["Mali"],"fr":["Mali"],"ar":["مالي"]}}"#;

fn village(extra: &str) -> String {
    format!(
        r#"{{"id":"ml.kassela","kind":"town","country":"ML","lat":13.1,"lon":-9.4,"generated":true,"names":{{"en":["Kassela"],"fr":["Kassela"]}}{extra}}}"#
    )
}

#[test]
fn a_generated_village_with_its_admin_units_loads_without_an_arabic_name() {
    let places =
        format!("{MALI}\n{REGION}\n{CERCLE}\n{}", village(r#","region":"ml.kayes-region","admin2":"ml.kita-cercle""#));
    let kb = load_with_coding(&[("places/t.jsonl", &places)]).expect("valid");
    let kassela = &kb.places[kb.place_index("ml.kassela").expect("indexed") as usize];
    assert!(kassela.generated);
    assert_eq!(kassela.admin2.as_deref(), Some("ml.kita-cercle"));
}

#[test]
fn unknown_or_wrong_admin_units_name_file_and_line() {
    let unknown = format!("{REGION}\n{}", village(r#","region":"ml.kayes-region","admin2":"ml.nowhere""#));
    assert_eq!(
        errors_of(&[("places/t.jsonl", &unknown)]),
        ["data/places/t.jsonl:2: ml.kassela: unknown admin unit `ml.nowhere`"]
    );
    let wrong_level = format!("{REGION}\n{CERCLE}\n{}", village(r#","region":"ml.kita-cercle""#));
    assert_eq!(
        errors_of(&[("places/t.jsonl", &wrong_level)]),
        ["data/places/t.jsonl:3: ml.kassela: `ml.kita-cercle` is not a level-1 region"]
    );
    let other = REGION.replace("ml.kayes-region", "ml.gao-region").replace("14.4", "16.2");
    let wrong_region =
        format!("{REGION}\n{other}\n{CERCLE}\n{}", village(r#","region":"ml.gao-region","admin2":"ml.kita-cercle""#));
    assert_eq!(
        errors_of(&[("places/t.jsonl", &wrong_region)]),
        ["data/places/t.jsonl:4: ml.kassela: admin2 `ml.kita-cercle` is not in region `ml.gao-region`"]
    );
}

#[test]
fn coordinates_outside_the_country_box_are_errors() {
    let swapped = village("").replace(r#""lat":13.1,"lon":-9.4"#, r#""lat":-9.4,"lon":13.1"#);
    assert_eq!(
        errors_of(&[("places/t.jsonl", &format!("{MALI}\n{swapped}"))]),
        ["data/places/t.jsonl:2: ml.kassela: coordinates -9.4,13.1 lie outside ML"]
    );
}

#[test]
fn the_same_geonames_place_twice_is_an_error() {
    let a = village(r#","geonames":2455558"#);
    let b = a.replace("ml.kassela", "ml.kassela-2");
    assert_eq!(
        errors_of(&[("places/t.jsonl", &format!("{a}\n{b}"))]),
        ["data/places/t.jsonl:2: ml.kassela-2: GeoNames place 2455558 already listed (data/places/t.jsonl:1)"]
    );
}

#[test]
fn curated_places_still_need_an_arabic_name() {
    let curated = village("").replace(r#""generated":true,"#, "");
    assert_eq!(
        errors_of(&[("places/t.jsonl", &curated)]),
        ["data/places/t.jsonl:1: ml.kassela: name in `ar` missing or empty"]
    );
}

#[test]
fn bad_coordinates_name_file_and_line() {
    let bad = PLACE.replace("12.64", "112.64");
    let errors = errors_of(&[("places/t.jsonl", &format!("// comment\n{bad}"))]);
    assert_eq!(errors, ["data/places/t.jsonl:2: ml.bamako: coordinates 112.64,-8 out of range"]);
}

#[test]
fn missing_language_and_wrong_script_are_errors() {
    let no_arabic = PLACE.replace(r#","ar":["باماكو"]"#, "");
    assert_eq!(
        errors_of(&[("places/t.jsonl", &no_arabic)]),
        ["data/places/t.jsonl:1: ml.bamako: name in `ar` missing or empty"]
    );
    let latin_in_arabic = PLACE.replace("باماكو", "Bamako");
    assert_eq!(
        errors_of(&[("places/t.jsonl", &latin_in_arabic)]),
        ["data/places/t.jsonl:1: ml.bamako: Arabic name `Bamako` has no Arabic letter"]
    );
}

#[test]
fn malformed_json_is_an_error_with_position() {
    let errors = errors_of(&[("places/t.jsonl", "{\"id\": ")]);
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with("data/places/t.jsonl:1: not a valid entry: EOF while parsing"), "{errors:?}");
}

#[test]
fn unknown_references_are_errors() {
    let person = r#"{"id":"p","name":"P","actor":"nobody","names":{"en":["P"],"fr":["P"],"ar":["بي"]}}"#;
    assert_eq!(errors_of(&[("people.jsonl", person)]), ["knowledge base: person `p` (line 1): unknown actor `nobody`"]);
    let rule = r#"{"rule":"reject","target":"place:nowhere","if_prev":["@nolist"]}"#;
    let errors = errors_of(&[("lexicon/r.jsonl", rule)]);
    assert_eq!(errors.len(), 2, "{errors:?}");
}

#[test]
fn state_actors_fall_back_to_the_military() {
    let actor = r#"{"id":"fama","name":"Military Forces of Mali","kind":"state_force","country":"ML","state_role":"military","names":{"en":["FAMa"],"fr":["FAMa"],"ar":["القوات المسلحة المالية"]}}"#;
    let kb = load_with_coding(&[("actors.jsonl", actor)]).expect("valid");
    assert_eq!(kb.state_actor("ML", StateRole::Gendarmerie), Some(0));
    assert_eq!(kb.state_actor("ML", StateRole::Government), None);
}

#[test]
fn outlets_are_found_by_domain_and_subdomain() {
    let outlet = r#"{"id":"rfi","name":"RFI","domains":["rfi.fr"],"names":{"en":["RFI"],"fr":["RFI"],"ar":["راديو فرنسا الدولي"]}}"#;
    let kb = load_with_coding(&[("outlets.jsonl", outlet)]).expect("valid");
    assert_eq!(kb.outlet_for_url("https://www.rfi.fr/fr/afrique/x").map(|o| o.id.as_str()), Some("rfi"));
    assert_eq!(kb.outlet_for_url("https://example.org/rfi.fr").map(|o| o.id.as_str()), None);
}

#[test]
fn the_embedded_knowledge_base_is_valid_and_large_enough() {
    let kb = match KnowledgeBase::embedded() {
        Ok(kb) => kb,
        Err(errors) => panic!(
            "{} problems, first: {}",
            errors.len(),
            errors.iter().take(20).map(|e| e.to_string()).collect::<Vec<_>>().join("\n")
        ),
    };
    let malian = kb.places.iter().filter(|p| p.country.as_deref() == Some("ML")).count();
    assert!(malian >= 150, "{malian} Malian places");
    assert!(kb.places.iter().filter(|p| p.kind == PlaceKind::Country).count() >= 190);
    assert!(kb.actors.len() >= 60, "{} actors", kb.actors.len());
    assert!(kb.people.len() >= 50, "{} people", kb.people.len());
    assert!(kb.outlets.len() >= 60, "{} outlets", kb.outlets.len());
    assert_eq!(kb.taxonomy.sub_events.len(), 25);
    assert_eq!(
        kb.taxonomy.sub_event("Attack").map(|s| s.sub_event.event_type().as_str()),
        Some("Violence against civilians")
    );
    let generated = kb.places.iter().filter(|p| p.generated).count();
    assert!(generated >= 1000, "{generated} generated places");
    let theatre_towns = kb.places.iter().filter(|p| {
        p.kind == PlaceKind::Town && matches!(p.country.as_deref(), Some("ML" | "BF" | "NE")) && p.capital_of.is_none()
    });
    let without_admin2: Vec<&str> = theatre_towns.filter(|p| p.admin2.is_none()).map(|p| p.id.as_str()).collect();
    assert!(without_admin2.len() <= 5, "theatre towns without admin2: {without_admin2:?}");
    let kati = &kb.places[kb.place_index("ml.kati").expect("Kati") as usize];
    assert_eq!(
        (kati.admin2.as_deref(), kati.former_admin1.as_deref()),
        (Some("ml.kati-cercle"), Some("ml.pre2023.koulikoro"))
    );
    let banconi = kb.places.iter().find(|p| p.names.get("en").iter().any(|n| n == "Banconi")).expect("Banconi");
    assert_eq!(banconi.kind, PlaceKind::Neighbourhood);
}

#[test]
fn a_frame_mapped_to_an_unknown_sub_event_type_is_an_error() {
    let line = r#"{"frame":"attack","sub_event_type":"Skirmish"}"#;
    assert_eq!(
        errors_of(&[("events/t.jsonl", line)]),
        ["data/events/t.jsonl:1: unknown ACLED sub-event type `Skirmish`"]
    );
}

#[test]
fn a_list_that_code_reads_and_the_data_lack_names_its_file() {
    let files: Vec<(&str, &str)> =
        with_coding(&[]).into_iter().filter(|(name, _)| *name != "lexicon/zones.jsonl").collect();
    let errors: Vec<String> = match load::load(&files) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    };
    assert!(
        errors.iter().any(|e| e.contains("lexicon/zones.jsonl: no entries for the list `tag-heads`")),
        "{errors:?}"
    );
}

#[test]
fn a_trigger_with_an_unknown_frame_and_a_missing_weight_are_errors() {
    let trigger = r#"{"list":"event-triggers","lang":"en","role":"atack","words":["stormed"]}"#;
    let errors = errors_of(&[("lexicon/x.jsonl", trigger)]);
    assert!(errors.iter().any(|e| e.contains("trigger role `atack` is not a frame")), "{errors:?}");
    let roles = embedded::EMBEDDED.iter().find(|(n, _)| *n == "events/roles.jsonl").map(|(_, c)| *c).unwrap_or("");
    let without_claimant: String = roles.lines().filter(|l| !l.contains("\"claimant\"")).collect::<Vec<_>>().join("\n");
    let errors = errors_of(&[("events/roles.jsonl", &without_claimant)]);
    assert!(errors.iter().any(|e| e.contains("role features without a weight: claimant")), "{errors:?}");
}

#[test]
fn only_an_area_in_no_single_country_is_broad() {
    let sahel = r#"{"id":"area.sahel","kind":"other","country":null,"broad":true,"lat":15.0,"lon":0.0,"names":{"en":["Sahel"],"fr":["Sahel"],"ar":["الساحل"]}}"#;
    let kb = load_with_coding(&[("places/t.jsonl", sahel)]).expect("valid");
    assert!(kb.places[0].broad);
    let town = PLACE.replace(r#""country":"ML","#, r#""country":"ML","broad":true,"#);
    let errors = errors_of(&[("places/t.jsonl", &town)]);
    assert_eq!(errors, ["data/places/t.jsonl:1: ml.bamako: only an area in no single country (country null) is broad"]);
}

#[test]
fn an_entry_ending_in_a_detached_proclitic_is_an_error() {
    let list = r#"{"list":"partitives","lang":"ar","words":["عناصر تابعة ل"]}"#;
    let errors = errors_of(&[("lexicon/x.jsonl", list)]);
    assert!(errors.iter().any(|e| e.contains("ends in a detached proclitic")), "{errors:?}");
}

#[test]
fn an_area_covering_an_unknown_region_is_an_error() {
    let area = PLACE.replace(r#""id":"ml.bamako""#, r#""id":"ml.north","covers":["ml.nowhere-region"]"#);
    let errors = errors_of(&[("places/t.jsonl", &area)]);
    assert!(
        errors.iter().any(|e| e.contains("covers `ml.nowhere-region`, which is no region of the base")),
        "{errors:?}"
    );
}
