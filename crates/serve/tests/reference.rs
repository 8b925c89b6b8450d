//! The page's reference routes and its export, against the knowledge base and the store:
//! corridors run through the towns `/api/towns` places, `/api/points` marks as centroids
//! exactly the events whose summary says geo precision 3, and `/api/export` writes every event
//! `/api/events` lists for the same filters. Every text here is fictional.

mod support;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use support::{start, Server, Setup};

/// A fictional report (written for this test) placed only to a region: no town is named.
const REGION_REPORT: &str = r#"{"id":"reference-region-test","published":"2025-10-02","source":"Test wire (fictional)","title":"Attack in the Mopti region (a fictional article written for marsad's tests)","text":"Attack in the Mopti region (a fictional article written for marsad's tests)\n\nGunmen killed four civilians in the Mopti region on Wednesday, residents said."}"#;

fn server() -> Server {
    let server = start(Setup::with_samples());
    let stored = server.post("/api/documents", "application/json", REGION_REPORT.as_bytes(), true);
    assert_eq!(stored.status, 201, "{}", stored.text_excerpt());
    server
}

/// Every event the filters match, through the pages of `/api/events`.
fn all_events(server: &Server, filters: &str) -> Vec<Value> {
    let mut events = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let after = cursor.as_ref().map(|c| format!("&cursor={}", support::enc(c))).unwrap_or_default();
        let page = server.get_json(&format!("/api/events?limit=500{filters}{after}"));
        events.extend(page["events"].as_array().cloned().unwrap_or_default());
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => return events,
        }
    }
}

#[test]
fn corridors_run_through_known_towns_in_road_order() {
    let server = start(Setup::read_only());
    let towns = server.get_json("/api/towns");
    let at: BTreeMap<&str, &Value> = towns["features"]
        .as_array()
        .expect("features")
        .iter()
        .map(|f| (f["id"].as_str().expect("id"), &f["geometry"]["coordinates"]))
        .collect();
    assert_eq!(towns["features"][0]["properties"]["population"].as_u64().map(|p| p > 1_000_000), Some(true));
    let corridors = server.get_json("/api/corridors");
    let features = corridors["features"].as_array().expect("features");
    assert!(features.len() >= 5, "the main roads into Bamako at least: {}", features.len());
    for feature in features {
        let points = feature["properties"]["points"].as_array().expect("points");
        let line = feature["geometry"]["coordinates"].as_array().expect("a line");
        // Every stop of a road is a town here, so the line is its stops' coordinates in order.
        let stops: Vec<&Value> =
            points.iter().filter_map(|p| at.get(p.as_str().unwrap_or_default()).copied()).collect();
        assert_eq!(stops.len(), points.len(), "{}: a stop is not a town with coordinates", feature["id"]);
        assert_eq!(line.iter().collect::<Vec<_>>(), stops, "{}: the line is not its stops in order", feature["id"]);
        for lang in ["ar", "fr", "en"] {
            assert!(feature["properties"]["names"][lang][0].as_str().is_some_and(|n| !n.is_empty()), "{lang} name");
        }
    }
    let dakar = features.iter().find(|f| f["id"] == "ml.dakar-north").expect("the Bamako–Kayes–Diboli road");
    assert_eq!(dakar["properties"]["points"][0], "ml.bamako");
    assert_eq!(dakar["properties"]["points"].as_array().and_then(|p| p.last()), Some(&Value::from("ml.diboli")));
    let outlets = server.get_json("/api/outlets");
    let rfi = outlets["outlets"].as_array().expect("outlets").iter().find(|o| o["id"] == "rfi").expect("RFI");
    assert!(rfi["names"]["ar"][0].as_str().is_some_and(|n| n.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))));
    assert!(rfi["domains"].as_array().is_some_and(|d| !d.is_empty()));
}

#[test]
fn points_mark_as_centroids_exactly_the_events_placed_to_an_area() {
    let server = server();
    let points = server.get_json("/api/points");
    let precision: BTreeMap<i64, u64> = all_events(&server, "")
        .iter()
        .map(|e| (e["id"].as_i64().expect("id"), e["geo_precision"].as_u64().expect("precision")))
        .collect();
    let ids = points["id"].as_array().expect("ids");
    let centroid = points["centroid"].as_array().expect("centroid column");
    assert_eq!(ids.len(), centroid.len());
    let mut marked = 0;
    for (id, at_centroid) in ids.iter().zip(centroid) {
        let id = id.as_i64().expect("id");
        let at_centroid = at_centroid.as_bool().expect("bool");
        assert_eq!(
            at_centroid,
            precision[&id] == 3,
            "event {id}: centroid {at_centroid}, geo precision {}",
            precision[&id]
        );
        marked += usize::from(at_centroid);
    }
    assert!(marked >= 1, "the region-level report gives a centroid event: {points}");
    // The same holds under a filter that keeps only some places.
    let near = server.get_json("/api/points?near=ml.mopti&km=150");
    let near_ids: BTreeSet<i64> = near["id"].as_array().expect("ids").iter().filter_map(Value::as_i64).collect();
    for (id, at_centroid) in near_ids.iter().zip(near["centroid"].as_array().expect("centroid")) {
        assert_eq!(at_centroid.as_bool(), Some(precision[id] == 3), "event {id} near Mopti");
    }
}

#[test]
fn export_writes_every_event_of_the_filters() {
    let server = server();
    for filters in ["", "&type=Violence%20against%20civilians", "&since=2025-09-01&until=2025-09-30"] {
        let listed = all_events(&server, filters);
        let csv = server.get(&format!("/api/export?format=acled-csv{filters}"));
        assert_eq!(csv.status, 200, "{}", csv.text_excerpt());
        assert_eq!(csv.media_type(), "text/csv");
        assert_eq!(csv.header("content-disposition"), Some("attachment; filename=\"marsad-events.csv\""));
        let mut reader = csv::Reader::from_reader(csv.body.as_slice());
        let header: Vec<String> = reader.headers().expect("a header row").iter().map(str::to_string).collect();
        assert_eq!(header.first().map(String::as_str), Some("event_id_cnty"));
        assert!(header.contains(&"event_date".to_string()) && header.contains(&"fatalities".to_string()));
        let rows = reader.records().count();
        // ACLED's columns need a day, week or month: the rest is left out and counted.
        let dated: Vec<&Value> = listed.iter().filter(|e| e["date"].as_str().is_some_and(|d| d.len() >= 7)).collect();
        assert_eq!(rows, dated.len(), "CSV rows for `{filters}`");
        let csv_left_out: Option<usize> = csv.header("x-marsad-left-out").and_then(|v| v.parse().ok());
        assert_eq!(csv_left_out, Some(listed.len() - dated.len()), "CSV left out for `{filters}`");

        let geojson = server.get(&format!("/api/export?format=geojson{filters}"));
        assert_eq!(geojson.status, 200, "{}", geojson.text_excerpt());
        assert_eq!(geojson.media_type(), "application/geo+json");
        let body = geojson.json().expect("GeoJSON");
        let features = body["features"].as_array().expect("features");
        let placed = dated.iter().filter(|e| e["place"]["lat"].is_number()).count();
        assert_eq!(features.len(), placed, "GeoJSON features for `{filters}`");
        let left_out: usize =
            geojson.header("x-marsad-left-out").and_then(|v| v.parse().ok()).expect("left-out header");
        assert_eq!(left_out, listed.len() - placed);
        let exported: BTreeSet<i64> = features.iter().filter_map(|f| f["id"].as_i64()).collect();
        let expected: BTreeSet<i64> =
            dated.iter().filter(|e| e["place"]["lat"].is_number()).filter_map(|e| e["id"].as_i64()).collect();
        assert_eq!(exported, expected);
    }
}

#[test]
fn export_dates_undated_events_only_when_asked_and_names_a_bad_choice() {
    let server = server();
    let rows = |query: &str| {
        let csv = server.get(&format!("/api/export?format=acled-csv{query}"));
        assert_eq!(csv.status, 200, "{}", csv.text_excerpt());
        let left_out: usize = csv.header("x-marsad-left-out").and_then(|v| v.parse().ok()).expect("left-out header");
        (csv::Reader::from_reader(csv.body.as_slice()).records().count(), left_out)
    };
    let (kept, left_out) = rows("");
    let (first_report, still_left_out) = rows("&undated=first-report");
    let listed = all_events(&server, "").len();
    assert_eq!((kept + left_out, first_report + still_left_out), (listed, listed));
    assert!(first_report >= kept && still_left_out <= left_out);
    let bad = server.get("/api/export?undated=guess");
    assert_eq!(bad.status, 400, "{}", bad.text_excerpt());
    assert_eq!(bad.json().expect("an error body")["error"]["parameter"], "undated");
}
