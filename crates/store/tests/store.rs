//! The store's behaviour, as specifications: documents, deduplication lookups, stories,
//! deletion, candidate and filtered event queries, batches and crash safety, schema versions.

use marsad_store::sqlite::{open, open_in_memory};
use marsad_store::{Claim, EventFilter, NewDocument, NewMention, SqliteStore, Store, StoreError};

/// A document whose MinHash signature is `seed` repeated, with one band key per 4 values.
fn document(key: &str, seed: u64) -> NewDocument {
    NewDocument {
        key: key.into(),
        content_hash: format!("hash-{key}"),
        url: Some(format!("https://example.org/{key}")),
        outlet: Some("Hespress".into()),
        lang: Some("ar".into()),
        published: Some("2024-03-12".into()),
        title: Some(format!("Title {key}")),
        text: format!("Text of {key}: قصف في حلب"),
        minhash: signature(seed, 0),
        lsh_bands: bands(&signature(seed, 0)),
    }
}

/// A 16-value signature from a seed, with its last `changed` values altered.
fn signature(seed: u64, changed: usize) -> Vec<u32> {
    (0..16u32)
        .map(
            |i| {
                if (i as usize) >= 16 - changed {
                    i.wrapping_mul(7919) ^ 0xABCD
                } else {
                    (seed as u32).wrapping_add(i)
                }
            },
        )
        .collect()
}

/// Four bands of four values, keyed by band number and values.
fn bands(signature: &[u32]) -> Vec<u64> {
    signature
        .chunks(4)
        .enumerate()
        .map(|(b, rows)| rows.iter().fold(b as u64 + 1, |h, v| h.wrapping_mul(1_000_003) ^ u64::from(*v)))
        .collect()
}

fn mention(kind: &str, entity_id: &str, start: u32, end: u32, text: &str) -> NewMention {
    NewMention { kind: kind.into(), entity_id: entity_id.into(), start, end, text: text.into() }
}

fn claim(event_type: &str, date: Option<&str>, at: Option<(f64, f64)>) -> Claim {
    Claim {
        event_type: event_type.into(),
        sub_event_type: "Shelling/artillery/missile attack".into(),
        actor1: Some("actor:sy-army".into()),
        actor2: None,
        place: Some("place:aleppo".into()),
        lat: at.map(|(lat, _)| lat),
        lon: at.map(|(_, lon)| lon),
        geo_precision: 1,
        date: date.map(Into::into),
        time_precision: 1,
        fatalities: Some(3),
        attributed_to: Some("SOHR".into()),
        evidence_start: 0,
        evidence_end: 12,
        evidence_text: "قصف في حلب".into(),
        confidence: 0.75,
        foiled: false,
    }
}

const ALEPPO: (f64, f64) = (36.2, 37.16);
const AROUND_ALEPPO: (f64, f64, f64, f64) = (35.7, 36.66, 36.7, 37.66);

fn filter() -> EventFilter {
    EventFilter::default()
}

/// Store a document with no mentions in a new story; returns its id.
fn add(store: &mut SqliteStore, key: &str, simhash: u64) -> i64 {
    store.insert_document(&document(key, simhash), &[], None).expect("insert").0
}

fn ids(events: &[marsad_store::StoredEvent]) -> Vec<i64> {
    events.iter().map(|event| event.id).collect()
}

#[test]
fn a_document_and_its_mentions_round_trip() {
    let mut store = open_in_memory().unwrap();
    let mentions = [mention("place", "place:aleppo", 8, 11, "حلب"), mention("actor", "actor:sy-army", 0, 3, "قصف")];
    let (id, story) = store.insert_document(&document("a", 1), &mentions, None).unwrap();
    assert_eq!(store.document_by_hash("hash-a").unwrap(), Some(id));
    assert_eq!(
        store.story_members(story).unwrap(),
        vec![(id, "a".into(), Some("Hespress".into()), Some("https://example.org/a".into()))]
    );
    let stored = store.mentions(id).unwrap();
    assert_eq!(
        stored,
        vec![mentions[1].clone(), mentions[0].clone()],
        "mentions come back in offset order, field for field"
    );
    let full = store.document(id).unwrap().expect("document is stored");
    assert_eq!(full, document("a", 1), "every field of the document comes back");
    assert_eq!(store.counts().unwrap().mentions, 2);
}

#[test]
fn signatures_and_band_keys_round_trip() {
    let mut store = open_in_memory().unwrap();
    let id = add(&mut store, "a", u64::MAX - 5);
    let stored = store.document(id).unwrap().unwrap();
    assert_eq!(stored.minhash, signature(u64::MAX - 5, 0));
    assert_eq!(stored.lsh_bands, bands(&signature(u64::MAX - 5, 0)));
}

#[test]
fn the_same_text_is_found_by_its_hash_and_cannot_be_stored_twice() {
    let mut store = open_in_memory().unwrap();
    let id = add(&mut store, "a", 1);
    assert_eq!(store.document_by_hash("hash-a").unwrap(), Some(id));
    assert_eq!(store.document_by_hash("hash-unknown").unwrap(), None);
    let again = store.insert_document(&document("a", 1), &[mention("place", "p", 0, 1, "x")], None);
    match again {
        Err(StoreError::Query { context, .. }) => assert_eq!(context, "inserting document a"),
        other => panic!("expected a query error, got {other:?}"),
    }
    let counts = store.counts().unwrap();
    assert_eq!((counts.documents, counts.stories, counts.mentions), (1, 1, 0), "the failed insert left nothing behind");
}

#[test]
fn a_url_gives_back_the_document_and_its_hash() {
    let mut store = open_in_memory().unwrap();
    let id = add(&mut store, "a", 1);
    assert_eq!(store.document_by_url("https://example.org/a").unwrap(), Some((id, "hash-a".into())));
    assert_eq!(store.document_by_url("https://example.org/b").unwrap(), None);
}

#[test]
fn near_duplicates_share_a_band_and_are_similar_enough() {
    let mut store = open_in_memory().unwrap();
    let base = signature(42, 0);
    // Four of sixteen values differ: the first three bands are shared, similarity 0.75.
    let mut close = document("close", 42);
    close.minhash = signature(42, 4);
    close.lsh_bands = bands(&close.minhash);
    let (close_id, close_story) = store.insert_document(&close, &[], None).unwrap();
    // A different seed shares no value and no band.
    add(&mut store, "far", 7);
    assert_eq!(store.near_duplicates(&bands(&base), &base, 0.7).unwrap(), vec![(close_id, close_story)]);
    assert_eq!(store.near_duplicates(&bands(&base), &base, 0.8).unwrap(), vec![], "0.75 is below 0.8");
}

#[test]
fn near_duplicates_come_most_similar_first_with_their_story() {
    let mut store = open_in_memory().unwrap();
    let mut first = document("first", 42);
    first.minhash = signature(42, 4);
    first.lsh_bands = bands(&first.minhash);
    let (first, story) = store.insert_document(&first, &[], None).unwrap();
    let (second, same_story) = store.insert_document(&document("second", 42), &[], Some(story)).unwrap();
    assert_eq!(same_story, story);
    let base = signature(42, 0);
    assert_eq!(store.near_duplicates(&bands(&base), &base, 0.5).unwrap(), vec![(second, story), (first, story)]);
    assert_eq!(store.story_members(story).unwrap().len(), 2);
    assert_eq!(store.counts().unwrap().stories, 1);
}

#[test]
fn a_document_cannot_join_a_story_that_does_not_exist() {
    let mut store = open_in_memory().unwrap();
    assert!(store.insert_document(&document("a", 1), &[], Some(999)).is_err());
    assert_eq!(store.counts().unwrap().documents, 0);
}

#[test]
fn deleting_a_document_cascades_and_names_the_events_left_to_recompute() {
    let mut store = open_in_memory().unwrap();
    let a = store.insert_document(&document("a", 1), &[mention("place", "place:aleppo", 0, 3, "حلب")], None).unwrap().0;
    let b = add(&mut store, "b", 1 << 20);
    let only_a = store.insert_event(a, &claim("Battles", Some("2024-03-10"), None)).unwrap();
    let a_then_b = store.insert_event(a, &claim("Explosions/Remote violence", Some("2024-03-11"), None)).unwrap();
    store
        .add_source(a_then_b, b, &claim("Explosions/Remote violence", Some("2024-03-11"), None), "same place and day")
        .unwrap();
    let only_b = store.insert_event(b, &claim("Riots", Some("2024-03-12"), None)).unwrap();

    assert_eq!(store.delete_document(a).unwrap(), vec![a_then_b]);

    assert_eq!(store.event(only_a).unwrap(), None, "an event without sources is gone");
    let survivor = store.event(a_then_b).unwrap().expect("still reported by b");
    assert_eq!(survivor.sources.iter().map(|source| source.doc_id).collect::<Vec<_>>(), vec![b]);
    assert!(store.event(only_b).unwrap().is_some());
    assert_eq!(store.document_by_hash("hash-a").unwrap(), None);
    let gone = signature(1, 0);
    assert_eq!(store.near_duplicates(&bands(&gone), &gone, 0.0).unwrap(), vec![], "its band keys went with it");
    let counts = store.counts().unwrap();
    assert_eq!((counts.documents, counts.stories, counts.mentions, counts.events, counts.sources), (1, 1, 0, 2, 2));
    assert_eq!(store.delete_document(a).unwrap(), Vec::<i64>::new(), "deleting again changes nothing");
}

#[test]
fn sources_keep_their_joining_order_reason_and_claim() {
    let mut store = open_in_memory().unwrap();
    let a = add(&mut store, "a", 1);
    let b = add(&mut store, "b", 2);
    let first = claim("Battles", Some("2024-03-10"), Some(ALEPPO));
    let mut second = first.clone();
    second.fatalities = Some(7);
    second.attributed_to = None;
    let event = store.insert_event(a, &first).unwrap();
    store.add_source(event, b, &second, "same actor, place and date").unwrap();
    let mut summary = first.clone();
    summary.fatalities = Some(3);
    store.update_summary(event, &summary, true).unwrap();

    let stored = store.event(event).unwrap().unwrap();
    assert!(stored.disputed);
    assert_eq!(stored.summary, summary);
    let sources: Vec<_> =
        stored.sources.iter().map(|s| (s.doc_key.as_str(), s.reason.as_str(), s.claim.fatalities)).collect();
    assert_eq!(sources, vec![("a", "", Some(3)), ("b", "same actor, place and date", Some(7))]);
    assert_eq!(stored.sources[1].claim, second);
    assert_eq!(stored.sources[0].published.as_deref(), Some("2024-03-12"));
    assert!(store.update_summary(event + 100, &summary, false).is_err(), "no such event");
    assert!(store.add_source(event + 100, a, &first, "x").is_err(), "no such event");
}

#[test]
fn candidates_share_the_type_fall_in_the_date_window_and_the_box() {
    let mut store = open_in_memory().unwrap();
    let doc = add(&mut store, "a", 1);
    let mut insert = |c: Claim| store.insert_event(doc, &c).unwrap();
    let inside = insert(claim("Battles", Some("2024-03-11"), Some(ALEPPO)));
    let undated = insert(claim("Battles", None, Some(ALEPPO)));
    let unplaced = insert(claim("Battles", Some("2024-03-12"), None));
    let same_month = insert(claim("Battles", Some("2024-03"), Some(ALEPPO)));
    let same_year = insert(claim("Battles", Some("2024"), Some(ALEPPO)));
    let _other_type = insert(claim("Riots", Some("2024-03-11"), Some(ALEPPO)));
    let _too_early = insert(claim("Battles", Some("2024-03-01"), Some(ALEPPO)));
    let _too_late = insert(claim("Battles", Some("2024-03-20"), Some(ALEPPO)));
    let _other_month = insert(claim("Battles", Some("2024-02"), Some(ALEPPO)));
    let _damascus = insert(claim("Battles", Some("2024-03-11"), Some((33.51, 36.29))));
    let window = EventFilter {
        event_type: Some("Battles".into()),
        from: Some("2024-03-08".into()),
        to: Some("2024-03-14".into()),
        bbox: Some(AROUND_ALEPPO),
        ..filter()
    };
    let candidates = store.candidate_events(&window).unwrap();
    assert_eq!(ids(&candidates), vec![inside, undated, unplaced, same_month, same_year]);
    assert!(candidates.iter().all(|event| event.sources.is_empty()), "candidates come as summaries, without sources");
    let dated_only = store.candidate_events(&EventFilter { dated: Some(true), ..window.clone() }).unwrap();
    assert_eq!(ids(&dated_only), vec![inside, unplaced, same_month, same_year]);
    let undated_only = store.candidate_events(&EventFilter { dated: Some(false), ..window }).unwrap();
    assert_eq!(ids(&undated_only), vec![undated]);
}

#[test]
fn candidates_without_a_type_or_window_cover_everything_in_the_box() {
    let mut store = open_in_memory().unwrap();
    let doc = add(&mut store, "a", 1);
    let battle = store.insert_event(doc, &claim("Battles", Some("2024-03-11"), Some(ALEPPO))).unwrap();
    let riot = store.insert_event(doc, &claim("Riots", Some("2020-01-01"), Some(ALEPPO))).unwrap();
    store.insert_event(doc, &claim("Riots", Some("2020-01-01"), Some((33.51, 36.29)))).unwrap();
    let candidates = store.candidate_events(&EventFilter { bbox: Some(AROUND_ALEPPO), ..filter() }).unwrap();
    assert_eq!(ids(&candidates), vec![battle, riot]);
}

#[test]
fn events_filter_by_actor_place_date_lang_and_outlet_ordered_by_date() {
    let mut store = open_in_memory().unwrap();
    let arabic = add(&mut store, "ar", 1);
    let french = store
        .insert_document(
            &NewDocument { lang: Some("fr".into()), outlet: Some("Le Monde".into()), ..document("fr", 2) },
            &[],
            None,
        )
        .unwrap()
        .0;
    let with = |actor1: &str, actor2: Option<&str>, place: &str, date: Option<&str>| Claim {
        actor1: Some(actor1.into()),
        actor2: actor2.map(Into::into),
        place: Some(place.into()),
        ..claim("Battles", date, Some(ALEPPO))
    };
    let late = store.insert_event(arabic, &with("actor:hts", None, "place:idlib", Some("2024-05-02"))).unwrap();
    let early = store
        .insert_event(french, &with("actor:sy-army", Some("actor:hts"), "place:aleppo", Some("2024-03-01")))
        .unwrap();
    let undated = store.insert_event(arabic, &with("actor:sy-army", None, "place:homs", None)).unwrap();
    store.add_source(late, french, &with("actor:hts", None, "place:idlib", Some("2024-05-02")), "same").unwrap();

    let all = store.events(&filter()).unwrap();
    assert_eq!(ids(&all), vec![early, late, undated], "by date, undated last");
    assert_eq!(all[1].sources.len(), 2);

    let hts = EventFilter { actor: Some("actor:hts".into()), ..filter() };
    assert_eq!(ids(&store.events(&hts).unwrap()), vec![early, late], "as actor1 or actor2");

    let places = EventFilter { places: Some(vec!["place:aleppo".into(), "place:homs".into()]), ..filter() };
    assert_eq!(ids(&store.events(&places).unwrap()), vec![early, undated]);
    let nowhere = EventFilter { places: Some(vec![]), ..filter() };
    assert_eq!(ids(&store.events(&nowhere).unwrap()), Vec::<i64>::new());

    let march = EventFilter { from: Some("2024-03-01".into()), to: Some("2024-03-31".into()), ..filter() };
    assert_eq!(ids(&store.events(&march).unwrap()), vec![early], "a date range leaves undated events out");
    let since_april = EventFilter { from: Some("2024-04".into()), ..filter() };
    assert_eq!(ids(&store.events(&since_april).unwrap()), vec![late]);

    let french_sources = EventFilter { lang: Some("fr".into()), ..filter() };
    assert_eq!(ids(&store.events(&french_sources).unwrap()), vec![early, late], "any source's language counts");
    let hespress = EventFilter { outlet: Some("Hespress".into()), ..filter() };
    assert_eq!(ids(&store.events(&hespress).unwrap()), vec![late, undated]);

    let combined = EventFilter {
        actor: Some("actor:hts".into()),
        lang: Some("ar".into()),
        to: Some("2024-12-31".into()),
        ..filter()
    };
    assert_eq!(ids(&store.events(&combined).unwrap()), vec![late]);
    let wrong_type = EventFilter { event_type: Some("Riots".into()), ..filter() };
    assert!(store.events(&wrong_type).unwrap().is_empty());
}

#[test]
fn methods_work_inside_and_outside_a_batch() {
    let mut store = open_in_memory().unwrap();
    assert!(store.commit().is_err(), "no batch to commit");
    store.begin().unwrap();
    assert!(store.begin().is_err(), "batches do not nest");
    let a = add(&mut store, "a", 1);
    assert_eq!(store.document_by_hash("hash-a").unwrap(), Some(a), "the batch sees its own writes");
    // A failing call inside a batch undoes only itself.
    assert!(store.insert_document(&document("a", 1), &[], None).is_err());
    let event = store.insert_event(a, &claim("Battles", Some("2024-03-11"), None)).unwrap();
    store.commit().unwrap();
    assert!(store.event(event).unwrap().is_some());
    let b = add(&mut store, "b", 2);
    assert_eq!(store.delete_document(b).unwrap(), Vec::<i64>::new());
    assert_eq!(store.counts().unwrap().documents, 1);
}

#[test]
fn an_uncommitted_batch_vanishes_and_a_committed_one_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marsad.db");
    {
        let mut store = open(&path).unwrap();
        store.begin().unwrap();
        let a = add(&mut store, "committed", 1);
        store.insert_event(a, &claim("Battles", Some("2024-03-11"), Some(ALEPPO))).unwrap();
        store.commit().unwrap();
        store.begin().unwrap();
        let b = add(&mut store, "lost", 2);
        store.insert_event(b, &claim("Riots", Some("2024-03-12"), None)).unwrap();
        // Dropped without commit, as if the process died mid-batch.
    }
    let store = open(&path).unwrap();
    assert!(store.document_by_hash("hash-committed").unwrap().is_some());
    assert_eq!(store.document_by_hash("hash-lost").unwrap(), None);
    let counts = store.counts().unwrap();
    assert_eq!((counts.documents, counts.stories, counts.events, counts.sources), (1, 1, 1, 1));
    assert_eq!(store.events(&filter()).unwrap()[0].summary.event_type, "Battles");
}

#[test]
fn a_rolled_back_batch_leaves_nothing() {
    let mut store = open_in_memory().unwrap();
    store.begin().unwrap();
    add(&mut store, "a", 1);
    store.rollback().unwrap();
    assert_eq!(store.counts().unwrap(), Default::default());
}

#[test]
fn a_file_from_a_newer_marsad_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(open(&path).unwrap());
    let newer = marsad_store::schema::CURRENT_VERSION + 1;
    rusqlite::Connection::open(&path).unwrap().execute_batch(&format!("PRAGMA user_version = {newer}")).unwrap();
    match open(&path) {
        Err(StoreError::TooNew { found, supported, .. }) => assert_eq!((found, supported), (newer, newer - 1)),
        Err(other) => panic!("expected TooNew, got {other}"),
        Ok(_) => panic!("expected TooNew, the file opened"),
    }
}

#[test]
fn a_file_that_is_not_a_database_is_an_open_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "this is not a database, just some text that is long enough to have a header").unwrap();
    assert!(matches!(open(&path), Err(StoreError::Open { .. })));
}

#[test]
fn a_new_file_is_wal_and_at_the_current_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marsad.db");
    let store = open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), marsad_store::schema::CURRENT_VERSION);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |row| row.get(0)).unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn odd_input_is_an_error_or_stored_never_a_panic() {
    let mut store = open_in_memory().unwrap();
    let a = add(&mut store, "a", 1);
    let huge = Claim { fatalities: Some(u64::MAX), ..claim("Battles", Some("2024-03-11"), None) };
    let error = store.insert_event(a, &huge).unwrap_err();
    assert!(error.to_string().contains("inserting an event from document"), "{error}");
    let odd = Claim { lat: Some(f64::NAN), date: Some("not a date".into()), ..claim("", Some(""), None) };
    let event = store.insert_event(a, &odd).unwrap();
    assert_eq!(store.event(event).unwrap().unwrap().summary.lat, None, "SQLite stores NaN as NULL");
    let window =
        EventFilter { from: Some("x".into()), to: Some("".into()), bbox: Some((f64::NAN, 0.0, 1.0, 1.0)), ..filter() };
    assert!(store.candidate_events(&window).is_ok());
    assert!(store.events(&window).is_ok());
    assert_eq!(store.event(-1).unwrap(), None);
    assert_eq!(store.story_members(-1).unwrap(), vec![]);
}

#[test]
fn entities_are_recorded_once_and_updated() {
    let mut store = open_in_memory().unwrap();
    let kayes = marsad_store::NewEntity {
        kind: "place".into(),
        id: "ml.kayes".into(),
        name: "Kayes".into(),
        lat: Some(14.45),
        lon: Some(-11.44),
    };
    store.upsert_entities(std::slice::from_ref(&kayes)).unwrap();
    store.upsert_entities(&[marsad_store::NewEntity { name: "Kayes town".into(), ..kayes.clone() }]).unwrap();
    assert_eq!(store.entity("place", "ml.kayes").unwrap().map(|e| e.name), Some("Kayes town".into()));
    assert_eq!(store.entity("actor", "ml.kayes").unwrap(), None, "kinds are separate");
}

#[test]
fn replaced_versions_point_to_the_document_holding_the_url_after_every_correction() {
    let mut store = open_in_memory().unwrap();
    let a = add(&mut store, "a", 1);
    assert_eq!(store.superseded_by("hash-a").unwrap(), None);
    store.delete_document(a).unwrap();
    let b = add(&mut store, "b", 2);
    store.record_superseded(a, "hash-a", b).unwrap();
    assert_eq!(store.superseded_by("hash-a").unwrap(), Some(b));
    store.delete_document(b).unwrap();
    let c = add(&mut store, "c", 3);
    store.record_superseded(b, "hash-b", c).unwrap();
    assert_eq!(store.superseded_by("hash-a").unwrap(), Some(c), "the first version follows the latest");
    assert_eq!(store.superseded_by("hash-b").unwrap(), Some(c));
    assert_eq!(store.superseded_by("hash-c").unwrap(), None, "the holder itself is stored, not replaced");
}

#[test]
fn event_ids_list_what_events_returns_in_the_same_order() {
    let mut store = open_in_memory().unwrap();
    let doc = add(&mut store, "a", 1);
    for date in [Some("2024-03-12"), None, Some("2024-01-02"), Some("2024-03")] {
        store.insert_event(doc, &claim("Battles", date, Some((36.2, 37.1)))).unwrap();
    }
    let all = EventFilter::default();
    assert_eq!(store.event_ids(&all).unwrap(), ids(&store.events(&all).unwrap()));
    let some = EventFilter { from: Some("2024-03-01".into()), ..EventFilter::default() };
    assert_eq!(store.event_ids(&some).unwrap(), ids(&store.events(&some).unwrap()));
    assert_eq!(store.event_ids(&some).unwrap().len(), 2);
}

#[test]
fn a_sound_store_passes_both_checks_and_knows_its_highest_id_even_after_deleting_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut store = open(&path).unwrap();
    assert_eq!(store.max_document_id().unwrap(), 0);
    add(&mut store, "a", 1);
    let b = add(&mut store, "b", 2);
    store.delete_document(b).unwrap();
    assert_eq!(store.max_document_id().unwrap(), b, "ids are never reused: the highest ever given");
    assert_eq!(store.document_ids().unwrap(), vec![b - 1]);
    assert_eq!(store.quick_check().unwrap(), Vec::<String>::new());
    assert_eq!(store.integrity_check().unwrap(), Vec::<String>::new());
    assert!(!store.is_read_only());
    assert!(marsad_store::sqlite::check_writable(&path).is_ok());
    assert!(!marsad_store::sqlite::on_read_only_file_system(&path));
}
