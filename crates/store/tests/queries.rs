//! The analyst queries, as specifications: pages newest first that resume exactly where they
//! stopped, map points, counts by dimension, documents by date, and "what changed since".

use marsad_store::queries::{CountBy, DocumentCursor, DocumentFilter, EventCursor};
use marsad_store::sqlite::open_in_memory;
use marsad_store::{Claim, EventFilter, NewDocument, SqliteStore, Store};

fn document(key: &str, lang: &str, published: Option<&str>) -> NewDocument {
    NewDocument {
        key: key.into(),
        content_hash: format!("hash-{key}"),
        url: None,
        outlet: Some(format!("outlet-{lang}")),
        lang: Some(lang.into()),
        published: published.map(Into::into),
        title: None,
        text: format!("Texte inventé {key}."),
        minhash: vec![key.len() as u32; 4],
        lsh_bands: vec![key.len() as u64],
    }
}

fn claim(event_type: &str, date: Option<&str>, place: &str, fatalities: u64) -> Claim {
    Claim {
        event_type: event_type.into(),
        sub_event_type: "Armed clash".into(),
        actor1: Some("jnim".into()),
        actor2: Some("fama".into()),
        place: Some(place.into()),
        lat: Some(14.0),
        lon: Some(-4.0),
        geo_precision: 1,
        date: date.map(Into::into),
        time_precision: 1,
        fatalities: Some(fatalities),
        attributed_to: None,
        evidence_start: 0,
        evidence_end: 5,
        evidence_text: "Texte".into(),
        confidence: 0.5,
        foiled: false,
    }
}

/// Eight events: six dated (two on one day), one month-dated, one undated.
fn store_with_events() -> (SqliteStore, Vec<i64>) {
    let mut store = open_in_memory().unwrap();
    let dates = [
        Some("2025-09-01"),
        Some("2025-09-03"),
        Some("2025-09-03"),
        Some("2025-09-10"),
        Some("2025-09"),
        None,
        Some("2025-08-30"),
        Some("2025-09-11"),
    ];
    let mut ids = Vec::new();
    for (n, date) in dates.iter().enumerate() {
        let lang = ["ar", "fr", "en"][n % 3];
        let (doc, _) = store.insert_document(&document(&format!("doc-{n}"), lang, *date), &[], None).unwrap();
        let event_type = if n % 2 == 0 { "Battles" } else { "Violence against civilians" };
        ids.push(
            store
                .insert_event(doc, &claim(event_type, *date, if n < 4 { "ml.kayes" } else { "ml.mopti" }, n as u64))
                .unwrap(),
        );
    }
    (store, ids)
}

#[test]
fn pages_run_newest_first_and_resume_exactly_after_their_cursor() {
    let (store, ids) = store_with_events();
    let filter = EventFilter::default();
    // Newest first; equal dates by id, descending; the month-dated event after its month's
    // days; undated last.
    let expected = vec![ids[7], ids[3], ids[2], ids[1], ids[0], ids[4], ids[6], ids[5]];
    let all: Vec<i64> = store.event_page(&filter, None, 100).unwrap().iter().map(|r| r.event.id).collect();
    assert_eq!(all, expected);
    // Pages of three, each resuming after the last row of the previous one, give the same order.
    let mut paged = Vec::new();
    let mut cursor: Option<EventCursor> = None;
    loop {
        let page = store.event_page(&filter, cursor.as_ref(), 3).unwrap();
        paged.extend(page.iter().map(|r| r.event.id));
        match page.last() {
            Some(last) if page.len() == 3 => {
                cursor = Some(EventCursor { date: last.event.summary.date.clone(), id: last.event.id })
            }
            _ => break,
        }
    }
    assert_eq!(paged, expected);
}

#[test]
fn a_page_row_counts_its_sources_and_names_the_first_reporters_language() {
    let (mut store, ids) = store_with_events();
    let (second, _) = store.insert_document(&document("republished", "fr", Some("2025-09-02")), &[], None).unwrap();
    store
        .add_source(ids[0], second, &claim("Battles", Some("2025-09-01"), "ml.kayes", 4), "same place and day")
        .unwrap();
    let row = store.event_rows_by_id(&[ids[0]]).unwrap().pop().unwrap();
    assert_eq!((row.source_count, row.independent_sources, row.first_lang.as_deref()), (2, 2, Some("ar")));
    assert!(store.event_rows_by_id(&[999]).unwrap().is_empty(), "unknown ids are skipped");
}

#[test]
fn points_counts_and_filters_agree() {
    let (store, ids) = store_with_events();
    let battles = EventFilter { event_type: Some("Battles".into()), ..EventFilter::default() };
    let points = store.points(&battles).unwrap();
    assert_eq!(points.iter().map(|p| p.id).collect::<Vec<_>>(), vec![ids[0], ids[2], ids[4], ids[6]]);
    let by_type = store.event_counts(&EventFilter::default(), CountBy::EventType).unwrap();
    assert_eq!(
        by_type.iter().map(|b| (b.key.as_str(), b.count)).collect::<Vec<_>>(),
        vec![("Battles", 4), ("Violence against civilians", 4)]
    );
    // Weeks are keyed by their Monday; only day-precise dates count; fatalities are summed.
    let by_week = store.event_counts(&EventFilter::default(), CountBy::Week).unwrap();
    let weeks: Vec<(&str, u64, u64)> = by_week.iter().map(|b| (b.key.as_str(), b.count, b.fatalities)).collect();
    assert_eq!(weeks, vec![("2025-08-25", 1, 6), ("2025-09-01", 3, 3), ("2025-09-08", 2, 10)]);
    // Each event counts once for each of its two actors.
    let by_actor = store.event_counts(&EventFilter::default(), CountBy::Actor).unwrap();
    assert_eq!(by_actor.iter().map(|b| (b.key.as_str(), b.count)).collect::<Vec<_>>(), vec![("fama", 8), ("jnim", 8)]);
    let french = EventFilter { lang: Some("fr".into()), ..EventFilter::default() };
    assert_eq!(
        store
            .event_counts(&french, CountBy::Outlet)
            .unwrap()
            .iter()
            .map(|b| (b.key.as_str(), b.count))
            .collect::<Vec<_>>(),
        vec![("outlet-fr", 3)]
    );
    // Text-search hits narrow events to those their documents report.
    let from_documents = EventFilter { documents: Some(vec![2, 3]), ..EventFilter::default() };
    assert_eq!(store.points(&from_documents).unwrap().iter().map(|p| p.id).collect::<Vec<_>>(), vec![ids[1], ids[2]]);
}

#[test]
fn changes_are_seen_once_by_their_source_rows() {
    let (mut store, ids) = store_with_events();
    let mark = store.change_mark().unwrap();
    assert_eq!(store.changed_events(mark).unwrap(), (vec![], mark), "nothing changed yet");
    let (late, _) = store.insert_document(&document("late", "en", Some("2025-09-12")), &[], None).unwrap();
    store
        .add_source(ids[3], late, &claim("Violence against civilians", Some("2025-09-10"), "ml.kayes", 2), "same place")
        .unwrap();
    let fresh = store.insert_event(late, &claim("Battles", Some("2025-09-12"), "ml.gao", 0)).unwrap();
    let (changed, next) = store.changed_events(mark).unwrap();
    assert_eq!(changed, vec![ids[3], fresh]);
    assert_eq!(store.changed_events(next).unwrap().0, Vec::<i64>::new(), "seen once");
}

#[test]
fn documents_page_newest_published_first_and_dated_ranges_exclude_undated() {
    let (store, _) = store_with_events();
    let all = store.document_page(&DocumentFilter::default(), None, 100).unwrap();
    assert_eq!(all.first().map(|d| d.key.as_str()), Some("doc-7"));
    assert_eq!(all.last().map(|d| d.key.as_str()), Some("doc-5"), "undated last");
    let first_two = store.document_page(&DocumentFilter::default(), None, 2).unwrap();
    let last = first_two.last().unwrap();
    let rest = store
        .document_page(
            &DocumentFilter::default(),
            Some(&DocumentCursor { published: last.published.clone(), id: last.id }),
            100,
        )
        .unwrap();
    let resumed: Vec<_> = first_two.iter().chain(&rest).map(|d| d.id).collect();
    assert_eq!(resumed, all.iter().map(|d| d.id).collect::<Vec<_>>());
    let september = DocumentFilter {
        since: Some("2025-09-01".into()),
        until: Some("2025-09-10".into()),
        ..DocumentFilter::default()
    };
    let keys: Vec<_> = store.document_page(&september, None, 100).unwrap().into_iter().map(|d| d.key).collect();
    // Readers record publication days only; a partial one (doc-4, "2025-09") sorts before its
    // month's first day and so falls outside a range that starts on it.
    assert_eq!(keys, vec!["doc-3", "doc-2", "doc-1", "doc-0"].into_iter().map(String::from).collect::<Vec<_>>());
}
