//! The load test's machinery, short and checked for correctness rather than speed: a
//! 2,000-event synthetic store, the server in-process, 4 connections firing the `/api/events`
//! mix (filters, ranges, places, cursors, limits) for about a second. Every answer must be a
//! 200 with JSON holding an `events` array. Speed is measured by `benches/load.rs` only.

#[allow(dead_code)]
#[path = "../examples/synthetic_store.rs"]
mod synthetic_store;

#[path = "../benches/driver/mod.rs"]
mod driver;

use std::time::Duration;

use driver::{run, Kind, Workload};
use marsad_kb::KnowledgeBase;

#[test]
fn the_events_mix_answers_json_without_errors() {
    let kb: &'static KnowledgeBase =
        Box::leak(Box::new(KnowledgeBase::embedded().expect("the embedded knowledge base loads")));
    let dir = tempfile::tempdir().expect("a temporary directory");
    let db = dir.path().join("2k.db");
    let written = synthetic_store::generate(&db, 2_000, 7, kb).expect("the synthetic store is written");
    assert_eq!(written.events, 2_000);
    assert!(written.documents > written.events, "several sources per event: {written:?}");

    let server = driver::start_server(&db, kb);
    let outcome = run(&server.base, Workload::Events, 4, Duration::from_secs(1), true);
    assert_eq!(outcome.errors, 0, "errors: {:#?}", outcome.first_errors);
    assert!(!outcome.samples.is_empty(), "no request was answered");
    eprintln!("load smoke: {} requests in {:.1} s", outcome.samples.len(), outcome.elapsed.as_secs_f64());
    // The mix is drawn at random: on a machine too slow for a few hundred requests a second,
    // some kinds may not come up, and that says nothing about correctness.
    if outcome.samples.len() >= 300 {
        for kind in [Kind::All, Kind::Type, Kind::Range, Kind::Actor, Kind::Near, Kind::Cursor] {
            assert!(outcome.samples.iter().any(|s| s.kind == kind), "no {} request was made", kind.name());
        }
    }

    let by_id = run(&server.base, Workload::EventById { max: 2_000 }, 2, Duration::from_millis(300), true);
    assert_eq!(by_id.errors, 0, "errors: {:#?}", by_id.first_errors);
    let points = run(&server.base, Workload::Points, 1, Duration::from_millis(300), true);
    assert_eq!(points.errors, 0, "errors: {:#?}", points.first_errors);
}
