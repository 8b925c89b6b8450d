//! Writing through the API beside another writer (issue 9): the search index's lock is the
//! one lock between writing processes, and a POST *waits* for it — queued, bounded — instead
//! of answering 503 while a `marsad ingest` holds it for a batch. Only when the lock stays
//! busy past the server's bound does the POST answer 503, having stored nothing. Whatever is
//! answered 201 is searchable at once.

mod support;

use std::time::{Duration, Instant};

use marsad_ingest::indexing::index_dir;
use marsad_search::SearchIndex;
use support::{start, Setup};

/// A fictional report (written for this test) with a word found nowhere else.
const REPORT: &str = r#"{"id":"writing-test","published":"2025-10-21","source":"Test wire (fictional)","title":"Marché fermé à Mopti (texte fictif)","text":"Des hommes armés ont incendié le marché zorblatique de Mopti samedi, selon des commerçants (texte fictif écrit pour les tests de marsad)."}"#;

/// Take the index's lock as another process would, once the server's writer lets it go
/// (it does when idle, within a second or two).
fn take_lock(server: &support::Server) -> SearchIndex {
    let dir = index_dir(&server.store_path());
    let started = Instant::now();
    loop {
        match SearchIndex::open_writer(&dir) {
            Ok(index) => return index,
            Err(error) if error.is_locked() && started.elapsed() < Duration::from_secs(20) => {
                std::thread::sleep(Duration::from_millis(20))
            }
            Err(error) => panic!("taking the index lock: {error}"),
        }
    }
}

#[test]
fn a_post_waits_for_another_writer_then_is_stored_and_searchable_at_once() {
    let server = start(Setup::with_samples());
    let documents = |server: &support::Server| server.get_json("/api/health")["documents"].as_u64();
    let before = documents(&server);
    let other_writer = take_lock(&server);
    let held = Duration::from_millis(1500);
    let (stored, waited) = std::thread::scope(|scope| {
        let post = scope.spawn(|| {
            let started = Instant::now();
            let reply = server.post("/api/documents", "application/json", REPORT.as_bytes(), true);
            (reply, started.elapsed())
        });
        std::thread::sleep(held);
        assert_eq!(documents(&server), before, "nothing stored while another process holds the lock");
        drop(other_writer); // waits for its merges, then lets the lock go
        post.join().expect("the POST thread")
    });
    assert_eq!(stored.status, 201, "{}", stored.text_excerpt());
    assert!(waited >= held - Duration::from_millis(100), "the POST waited for the lock ({waited:?})");
    assert_eq!(stored.json().expect("JSON answer")["results"][0]["status"], "new");
    let hits = server.get_json("/api/search?q=zorblatique");
    assert_eq!(hits["hits"].as_array().map(Vec::len), Some(1), "found as soon as stored: {hits}");
    let health = server.get_json("/api/health");
    assert_eq!((health["status"].as_str(), health["index"].as_str()), (Some("ok"), Some("ok")), "{health}");
}

#[test]
fn a_post_answers_503_and_stores_nothing_when_the_lock_stays_busy_past_its_bound() {
    let setup = Setup { lock_wait: Some(Duration::from_millis(300)), ..Setup::with_samples() };
    let server = start(setup);
    let before = server.get_json("/api/health")["documents"].as_u64();
    let other_writer = take_lock(&server);
    let started = Instant::now();
    let refused = server.post("/api/documents", "application/json", REPORT.as_bytes(), true);
    assert_eq!(refused.status, 503, "{}", refused.text_excerpt());
    assert!(started.elapsed() >= Duration::from_millis(300), "it waited its bound first");
    let error = refused.json().expect("JSON error");
    assert_eq!(error["error"]["code"], "unavailable");
    let message = error["error"]["message"].as_str().unwrap_or("");
    assert!(message.contains("another process") && message.contains("try again"), "{message}");
    drop(other_writer);
    assert_eq!(server.get_json("/api/health")["documents"].as_u64(), before, "nothing stored");
    let stored = server.post("/api/documents", "application/json", REPORT.as_bytes(), true);
    assert_eq!(stored.status, 201, "stored once the lock is free: {}", stored.text_excerpt());
}

#[test]
fn concurrent_posts_queue_on_the_one_writer_and_all_land_in_store_and_index() {
    let server = start(Setup::with_samples());
    let before = server.get_json("/api/health")["documents"].as_u64().unwrap_or(0);
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let posts: Vec<_> = (0..6)
            .map(|client| {
                let server = &server;
                scope.spawn(move || {
                    (0..5)
                        .map(|n| {
                            let body = format!(
                                r#"{{"id":"c{client}-{n}","text":"Des hommes armés ont attaqué un poste près de Gao (texte fictif), mot qzv{client}x{n}."}}"#
                            );
                            server.post("/api/documents", "application/json", body.as_bytes(), true).status
                        })
                        .collect::<Vec<u16>>()
                })
            })
            .collect();
        posts.into_iter().flat_map(|p| p.join().expect("client")).collect()
    });
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    let health = server.get_json("/api/health");
    assert_eq!(health["documents"].as_u64(), Some(before + 30), "{health}");
    assert_eq!(health["indexed_documents"], health["documents"], "{health}");
    let hits = server.get_json("/api/search?q=qzv5x4");
    assert_eq!(hits["hits"].as_array().map(Vec::len), Some(1), "{hits}");
}

#[test]
fn health_is_degraded_and_says_why_when_the_index_falls_out_of_step_with_no_writer_at_work() {
    let server = start(Setup::with_samples());
    let health = server.get_json("/api/health");
    assert_eq!((health["status"].as_str(), health["index"].as_str()), (Some("ok"), Some("ok")), "{health}");
    assert!(health.get("reasons").is_none(), "{health}");
    // Someone removes an entry behind the server's back (a damaged index, in effect).
    let mut other_writer = take_lock(&server);
    let victim = other_writer.doc_ids().expect("ids")[0];
    other_writer.delete(victim).expect("delete");
    other_writer.commit().expect("commit");
    other_writer.close().expect("close");
    let health = server.get_json("/api/health");
    assert_eq!((health["status"].as_str(), health["index"].as_str()), (Some("degraded"), Some("degraded")), "{health}");
    assert_eq!(health["indexed_documents"].as_u64(), health["documents"].as_u64().map(|n| n - 1), "{health}");
    let reasons = health["reasons"].to_string();
    assert!(reasons.contains("no writer is at work") && reasons.contains("marsad reindex"), "{reasons}");
    assert_eq!(health["writable"], true, "{health}");
}
