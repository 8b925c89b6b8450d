//! The API's contract where a request is well formed but could be read more than one way
//! (issue 9, item 9), each as `openapi.json` now says: filters combine (a `place` with `near`
//! is that place if it lies within the radius; an `until` before `since` matches nothing),
//! a `q` without any word matches nothing, `km` alone is checked and changes nothing, and a
//! body that is what its media type says is answered 201 with what could not be read listed
//! in `errors`. Every text posted here is fictional, written for these tests.

mod support;

use serde_json::{json, Value};
use support::{start, Server, Setup};

fn count(server: &Server, target: &str, items: &str) -> usize {
    server.get_json(target)[items].as_array().map(Vec::len).unwrap_or_else(|| panic!("{target}: no `{items}`"))
}

#[test]
fn place_with_near_is_that_place_within_the_radius() {
    let server = start(Setup::with_samples());
    let kayes = server.get_json("/api/events?place=ml.kayes&limit=500");
    let at_kayes = kayes["events"].as_array().map(Vec::len).unwrap_or(0);
    assert!(at_kayes > 0, "the samples have events at Kayes: {kayes}");
    // Kayes lies about 420 km from Bamako.
    let within = server.get_json("/api/events?place=ml.kayes&near=ml.bamako&km=500&limit=500");
    assert_eq!(within["events"], kayes["events"], "within the radius: exactly the place's events");
    assert_eq!(count(&server, "/api/events?place=ml.kayes&near=ml.bamako&km=100", "events"), 0, "outside it: none");
    assert_eq!(server.get_json("/api/points?place=ml.kayes&near=ml.bamako&km=100")["count"], json!(0));
    assert_eq!(count(&server, "/api/search?q=Kayes&place=ml.kayes&near=ml.bamako&km=100", "hits"), 0);
}

#[test]
fn a_query_without_any_word_matches_nothing() {
    let server = start(Setup::with_samples());
    assert!(count(&server, "/api/events?q=%D9%83%D8%A7%D9%8A%D8%B3", "events") > 0, "كايس finds events");
    for q in ["!!!", "%22%22", "%28%28%28+%29+%3A%2A", "%C2%AB%C2%BB", "-"] {
        assert_eq!(count(&server, &format!("/api/events?q={q}"), "events"), 0, "events, q={q}");
        assert_eq!(count(&server, &format!("/api/search?q={q}"), "hits"), 0, "search, q={q}");
        assert_eq!(server.get_json(&format!("/api/points?q={q}"))["count"], json!(0), "points, q={q}");
    }
}

#[test]
fn an_inverted_range_matches_nothing_and_km_alone_changes_nothing() {
    let server = start(Setup::with_samples());
    assert_eq!(count(&server, "/api/events?since=2025-09-30&until=2025-09-01", "events"), 0);
    assert_eq!(count(&server, "/api/documents?since=2025-09-30&until=2025-09-01", "documents"), 0);
    assert_eq!(server.get_json("/api/events?km=100&limit=500"), server.get_json("/api/events?limit=500"));
}

/// POST a body with the token; its status and JSON.
fn post(server: &Server, content_type: &str, body: &str) -> (u16, Value) {
    let reply = server.post("/api/documents", content_type, body.as_bytes(), true);
    (reply.status, reply.json().unwrap_or(Value::Null))
}

#[test]
fn a_well_formed_body_is_answered_201_with_what_could_not_be_read() {
    let server = start(Setup { samples: false, ..Setup::with_samples() });
    let (status, body) = post(&server, "application/json", r#"{"html": "<p></p>"}"#);
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["results"], json!([]), "{body}");
    assert_eq!(body["errors"].as_array().map(Vec::len), Some(1), "the page without text is listed: {body}");

    let page = r#"{"html": "<html><body><p>A fictional page written for marsad's tests: the well at Gao was repaired.</p></body></html>"}"#;
    let (status, body) = post(&server, "application/json", page);
    assert_eq!((status, body["results"][0]["status"].clone()), (201, json!("new")), "{body}");

    let lines = "{\"id\": \"fictional-1\", \"text\": \"A fictional note for marsad's tests: rain in Ségou.\"}\n{\"id\": \"broken\", \"text\": \n";
    let (status, body) = post(&server, "application/x-ndjson", lines);
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["results"].as_array().map(Vec::len), Some(1), "{body}");
    let error = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(error.contains(":2:"), "the broken line is named: {body}");
}
