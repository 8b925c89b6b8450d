//! Writing through the API beside another writer: the search index's lock is the one lock
//! between writing processes. While a `marsad ingest` holds it, a POST is refused with 503
//! and stores nothing (so no document can be stored yet left out of the index); once it is
//! released the same POST is stored and found by search at once.

mod support;

use marsad_ingest::indexing::index_dir;
use marsad_search::SearchIndex;
use support::{start, Setup};

/// A fictional report (written for this test) with a word found nowhere else.
const REPORT: &str = r#"{"id":"writing-test","published":"2025-10-21","source":"Test wire (fictional)","title":"Marché fermé à Mopti (texte fictif)","text":"Des hommes armés ont incendié le marché zorblatique de Mopti samedi, selon des commerçants (texte fictif écrit pour les tests de marsad)."}"#;

#[test]
fn a_post_waits_for_another_writer_and_then_is_searchable_at_once() {
    let server = start(Setup::with_samples());
    let documents = |server: &support::Server| server.get_json("/api/health")["documents"].as_u64();
    let before = documents(&server);

    // Another process writing: it holds the index's lock.
    let other_writer = SearchIndex::open_or_create(&index_dir(&server.store_path())).expect("take the index lock");
    let refused = server.post("/api/documents", "application/json", REPORT.as_bytes(), true);
    assert_eq!(refused.status, 503, "{}", refused.text_excerpt());
    assert_eq!(refused.json().expect("JSON error")["error"]["code"], "unavailable");
    assert_eq!(documents(&server), before, "nothing stored while another process writes");

    drop(other_writer);
    let stored = server.post("/api/documents", "application/json", REPORT.as_bytes(), true);
    assert_eq!(stored.status, 201, "{}", stored.text_excerpt());
    assert_eq!(stored.json().expect("JSON answer")["results"][0]["status"], "new");
    let hits = server.get_json("/api/search?q=zorblatique");
    assert_eq!(hits["hits"].as_array().map(Vec::len), Some(1), "found as soon as stored: {hits}");
}
