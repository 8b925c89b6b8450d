//! `/api/indicators` and `/api/report` over a real server with the bundled samples (fictional
//! articles): answers validated against `openapi.json`, the figures traced back to stored
//! events, the report's bytes stable, and bad requests refused with a 4xx naming the
//! parameter (never a 5xx). `tests/openapi.rs` also sends every documented example.

mod support;

use std::sync::OnceLock;

use serde_json::{json, Value};
use support::{check_error_shape, resolve, spec, start, validate, Server, Setup};

fn shared() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| start(Setup::with_samples()))
}

fn answer_schema() -> Value {
    resolve(spec(), &json!({"$ref": "#/components/schemas/IndicatorsAnswer"})).expect("the schema resolves")
}

/// Every event id an answer cites, anywhere in it.
fn cited(value: &Value, out: &mut Vec<i64>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                match (key.as_str(), item) {
                    ("events" | "at_focus" | "imprecise_place" | "vague_date" | "undated", Value::Array(ids)) => {
                        out.extend(ids.iter().filter_map(Value::as_i64))
                    }
                    ("event", Value::Number(n)) => out.extend(n.as_i64()),
                    _ => cited(item, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| cited(i, out)),
        _ => {}
    }
}

#[test]
fn indicators_answer_as_documented_and_cite_stored_events() {
    let server = shared();
    let body = server.get_json("/api/indicators");
    validate(&answer_schema(), &body).unwrap_or_else(|e| panic!("{e}: {body}"));
    assert_eq!(body["focus"]["id"], json!("ml.bamako"), "the default focus is the capital");
    let health = server.get_json("/api/health");
    assert_eq!(body["events"]["read"], health["events"], "every stored event is read");
    // The samples' latest event dated to the day is the default end (the store decides, not the clock).
    let latest = server.get_json("/api/events?limit=500")["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["time_precision"] == json!(1))
        .filter_map(|e| e["date"].as_str().map(str::to_string))
        .max()
        .expect("a dated sample");
    assert_eq!(body["period"]["end"], json!(latest));
    assert_eq!(body["period"]["days"], json!(28), "4 weeks by default");
    let mut ids = Vec::new();
    cited(&body["indicators"], &mut ids);
    ids.sort_unstable();
    ids.dedup();
    assert!(!ids.is_empty(), "the samples give figures with events: {body}");
    for id in ids {
        let reply = server.get(&format!("/api/events/{id}"));
        assert_eq!(reply.status, 200, "the figures cite event {id}, which the store must hold");
    }
    assert!(body["indicators"]["corridors"].as_array().is_some_and(|c| !c.is_empty()), "roads are listed");
}

#[test]
fn filters_and_periods_change_what_is_read() {
    let server = shared();
    let all = server.get_json("/api/indicators?until=2025-10-15&weeks=8");
    let arabic = server.get_json("/api/indicators?until=2025-10-15&weeks=8&lang=ar");
    let (all_read, ar_read) = (all["events"]["read"].as_u64(), arabic["events"]["read"].as_u64());
    assert!(ar_read < all_read, "a language filter reads fewer events: {ar_read:?} vs {all_read:?}");
    let explicit = server.get_json("/api/indicators?since=2025-08-21&until=2025-10-15");
    assert_eq!(explicit["period"], json!({"start": "2025-08-21", "end": "2025-10-15", "days": 56}));
    assert_eq!(explicit["indicators"], all["indicators"], "8 weeks to 15 October are 21 August to 15 October");
    let kayes = server.get_json("/api/indicators?focus=ml.kayes&until=2025-10-15");
    assert_eq!(kayes["focus"]["name"], json!("Kayes"));
    assert_ne!(kayes["indicators"]["distance"], all["indicators"]["distance"], "distances are from the focus");
    // No day in the period: an answer that says why, not an error.
    let empty = server.get_json("/api/indicators?since=2025-10-02&until=2025-10-01");
    validate(&answer_schema(), &empty).unwrap_or_else(|e| panic!("{e}: {empty}"));
    assert_eq!((empty["indicators"].clone(), empty["period"].clone()), (Value::Null, Value::Null));
    assert!(empty["empty"].as_str().is_some_and(|s| s.contains("after")), "{empty}");
}

#[test]
fn the_report_is_html_or_markdown_with_notes_and_the_same_bytes_twice() {
    let server = shared();
    for lang in ["ar", "fr", "en"] {
        let html = server.get(&format!("/api/report?lang={lang}&until=2025-10-15"));
        assert_eq!(html.status, 200, "{}", html.text_excerpt());
        assert_eq!(html.header("content-type"), Some("text/html; charset=utf-8"));
        let text = String::from_utf8(html.body.clone()).expect("UTF-8");
        assert!(text.contains(&format!("<html lang=\"{lang}\"")), "{lang}");
        assert!(text.contains("<li id=\"n1\" value=\"1\">") && text.contains("<svg"), "{lang}: notes and figures");
        let again = server.get(&format!("/api/report?lang={lang}&until=2025-10-15"));
        assert_eq!(again.body, html.body, "{lang}: the same store and parameters give the same bytes");
    }
    assert!(String::from_utf8_lossy(&server.get("/api/report?lang=ar").body).contains("dir=\"rtl\""));
    let md = server.get("/api/report?format=md&weeks=8");
    assert_eq!(md.status, 200, "{}", md.text_excerpt());
    assert_eq!(md.header("content-type"), Some("text/markdown; charset=utf-8"));
    assert!(String::from_utf8_lossy(&md.body).starts_with("# Situation report"));
}

#[test]
fn bad_requests_are_refused_naming_the_parameter() {
    let server = shared();
    let cases: &[(&str, u16, &str, Option<&str>)] = &[
        ("/api/indicators?weeks=0", 400, "invalid_parameter", Some("weeks")),
        ("/api/indicators?weeks=521", 400, "invalid_parameter", Some("weeks")),
        ("/api/indicators?weeks=1.5", 400, "invalid_parameter", Some("weeks")),
        ("/api/indicators?weeks=%2B4", 400, "invalid_parameter", Some("weeks")),
        ("/api/indicators?since=2025-02-30", 400, "invalid_parameter", Some("since")),
        ("/api/indicators?until=yesterday", 400, "invalid_parameter", Some("until")),
        ("/api/indicators?focus=Bamako", 400, "invalid_parameter", Some("focus")),
        ("/api/indicators?focus=zz.nowhere", 404, "not_found", None),
        ("/api/indicators?actor=zz-nobody", 404, "not_found", None),
        ("/api/indicators?type=Skirmishes", 400, "invalid_parameter", Some("type")),
        ("/api/indicators?lang=arabic", 400, "invalid_parameter", Some("lang")),
        ("/api/indicators?near=ml.bamako", 400, "unknown_parameter", Some("near")),
        ("/api/indicators?weeks=4&weeks=5", 400, "unknown_parameter", Some("weeks")),
        ("/api/report?lang=de", 400, "invalid_parameter", Some("lang")),
        ("/api/report?format=pdf", 400, "invalid_parameter", Some("format")),
        ("/api/report?weeks=53", 400, "invalid_parameter", Some("weeks")),
        ("/api/report?since=2025-09-01", 400, "unknown_parameter", Some("since")),
        ("/api/report?focus=ml.bamako.", 400, "invalid_parameter", Some("focus")),
        ("/api/report?focus=zz.nowhere", 404, "not_found", None),
    ];
    for (target, status, code, parameter) in cases {
        let reply = server.get(target);
        assert_eq!(reply.status, *status, "{target}: {}", reply.text_excerpt());
        assert_eq!(check_error_shape(&reply).as_deref(), Ok(*code), "{target}");
        let named = reply.json().expect("JSON")["error"]["parameter"].as_str().map(str::to_string);
        assert_eq!(named.as_deref(), *parameter, "{target}");
    }
    // An empty store: the report has no period to cover without `until`; indicators say why.
    let empty = start(Setup::read_only());
    let reply = empty.get("/api/report");
    assert_eq!(
        (reply.status, check_error_shape(&reply).as_deref()),
        (404, Ok("not_found")),
        "{}",
        reply.text_excerpt()
    );
    let body = empty.get_json("/api/indicators");
    validate(&answer_schema(), &body).unwrap_or_else(|e| panic!("{e}: {body}"));
    assert_eq!(body["indicators"], Value::Null);
    let reply = empty.get("/api/report?until=2025-10-15&lang=fr");
    assert_eq!(reply.status, 200, "a report of an empty store says there is nothing: {}", reply.text_excerpt());
}
