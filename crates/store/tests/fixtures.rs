//! Old files keep opening: one tiny database per schema version lives in `tests/fixtures/`
//! (`v1.db`, …), written by the code of that version. Each is opened with the current code
//! (which migrates it) and its events are read back.
//!
//! `MARSAD_BLESS=1` rewrites the fixture of the *current* version only; fixtures of released
//! versions are never rewritten, so a new migration is always tested against real old files.

use std::path::{Path, PathBuf};

use marsad_store::schema::CURRENT_VERSION;
use marsad_store::sqlite::open;
use marsad_store::{Claim, NewDocument, NewMention, Store};

fn fixture(version: i64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(format!("v{version}.db"))
}

fn claim(fatalities: u64, attributed_to: Option<&str>) -> Claim {
    Claim {
        event_type: "Explosions/Remote violence".into(),
        sub_event_type: "Air/drone strike".into(),
        actor1: Some("actor:ru-air-force".into()),
        actor2: Some("actor:civilians".into()),
        place: Some("place:idlib".into()),
        lat: Some(35.93),
        lon: Some(36.63),
        geo_precision: 1,
        date: Some("2024-03-11".into()),
        time_precision: 1,
        fatalities: Some(fatalities),
        attributed_to: attributed_to.map(Into::into),
        evidence_start: 0,
        evidence_end: 24,
        evidence_text: "غارة جوية على إدلب".into(),
        confidence: 0.5,
        foiled: false,
    }
}

/// What every fixture holds: two reports of one strike in one story, and a riot.
fn write_fixture(path: &Path) {
    let document = |key: &str, seed: u32, lang: &str| NewDocument {
        key: key.into(),
        content_hash: format!("sha256-{key}"),
        url: Some(format!("https://example.org/{key}")),
        outlet: Some(format!("outlet-{key}")),
        lang: Some(lang.into()),
        published: Some("2024-03-12".into()),
        title: None,
        text: "غارة جوية على إدلب".into(),
        minhash: (0..8).map(|i| seed + i).collect(),
        lsh_bands: vec![u64::from(seed), u64::from(seed) + 1],
    };
    let place =
        NewMention {
            kind: "place".into(), entity_id: "place:idlib".into(), start: 14, end: 18, text: "إدلب".into()
        };
    let scratch = tempfile::tempdir().expect("temp dir");
    let scratch_file = scratch.path().join("fixture.db");
    {
        let mut store = open(&scratch_file).expect("open scratch store");
        store.begin().expect("begin");
        let (first, story) =
            store.insert_document(&document("ar-1", 1, "ar"), std::slice::from_ref(&place), None).expect("doc");
        let (second, _) = store.insert_document(&document("fr-1", 3, "fr"), &[place], Some(story)).expect("doc");
        let strike = store.insert_event(first, &claim(4, Some("SOHR"))).expect("event");
        store.add_source(strike, second, &claim(6, None), "same place, day and actors").expect("source");
        store.update_summary(strike, &claim(4, Some("SOHR")), true).expect("summary");
        let riot = Claim {
            event_type: "Riots".into(),
            sub_event_type: "Violent demonstration".into(),
            date: Some("2024-03".into()),
            ..claim(0, None)
        };
        store.insert_event(second, &riot).expect("event");
        store.commit().expect("commit");
    } // Closing the last connection checkpoints the WAL into the file and removes it.
    std::fs::copy(&scratch_file, path).expect("write fixture");
}

#[test]
fn every_fixture_opens_with_the_current_code_and_reads_back() {
    if std::env::var_os("MARSAD_BLESS").is_some() {
        write_fixture(&fixture(CURRENT_VERSION));
    }
    for version in 1..=CURRENT_VERSION {
        let original = fixture(version);
        assert!(original.exists(), "{} is missing (MARSAD_BLESS=1 writes the current one)", original.display());
        // Opening migrates and writes a WAL: work on a copy, never on the committed file.
        let scratch = tempfile::tempdir().unwrap();
        let copy = scratch.path().join(format!("v{version}.db"));
        std::fs::copy(&original, &copy).unwrap();
        let store = open(&copy).unwrap_or_else(|error| panic!("v{version}: {error}"));
        assert_eq!(store.schema_version().unwrap(), CURRENT_VERSION, "v{version} was migrated");

        let counts = store.counts().unwrap();
        assert_eq!(
            (counts.documents, counts.stories, counts.events, counts.sources, counts.mentions),
            (2, 1, 2, 3, 2),
            "v{version}"
        );
        let events = store.events(&Default::default()).unwrap();
        let strike =
            events.iter().find(|event| event.summary.event_type == "Explosions/Remote violence").expect("the strike");
        assert!(strike.disputed, "v{version}");
        assert_eq!(strike.summary, claim(4, Some("SOHR")), "v{version}");
        let sources: Vec<_> =
            strike.sources.iter().map(|s| (s.doc_key.as_str(), s.claim.fatalities, s.reason.as_str())).collect();
        assert_eq!(sources, vec![("ar-1", Some(4), ""), ("fr-1", Some(6), "same place, day and actors")], "v{version}");
        let riot = events.iter().find(|event| event.summary.event_type == "Riots").expect("the riot");
        assert_eq!(riot.summary.date.as_deref(), Some("2024-03"), "v{version}");
        assert_eq!(events[0].id, riot.id, "v{version}: 2024-03 sorts before 2024-03-11");

        let (first, story) = store.near_duplicates(&[1, 2], &(1..9).collect::<Vec<u32>>(), 0.5).unwrap()[0];
        assert_eq!(store.story_members(story).unwrap().len(), 2, "v{version}");
        assert_eq!(
            store.document_by_url("https://example.org/ar-1").unwrap(),
            Some((first, "sha256-ar-1".into())),
            "v{version}"
        );
    }
}
