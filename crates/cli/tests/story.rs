//! The samples' twelve-week story around Bamako (fictional articles, 1 September to 23 November
//! 2025): stored as `marsad ingest --samples` stores them and exported, its events move the
//! indicators the way the story is told. Incidents come closer week by week (the weekly median
//! distance falls, with a 95% interval below zero), the inner ring fills, more compass sectors
//! around the capital close, and the roads into it are hit in the last four weeks.

use marsad_indicators::distance::Direction;
use marsad_indicators::{
    compute, ActorRef, Config, Corridor, Dating, Day, Event, GeoPrecision, Indicators, Period, Point, Query, Stop,
};
use marsad_kb::KnowledgeBase;
use std::process::{Command, Stdio};

/// The samples' events as the JSON Lines export gives them (the store is made in a scratch
/// directory, removed when this returns or fails).
fn sample_events() -> Vec<serde_json::Value> {
    let dir = tempfile::Builder::new().prefix("marsad-story-").tempdir().expect("scratch dir");
    let db = dir.path().join("m.db");
    let db = db.to_str().expect("utf-8");
    let run = |args: &[&str]| {
        let output =
            Command::new(env!("CARGO_BIN_EXE_marsad")).args(args).stdin(Stdio::null()).output().expect("run marsad");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    run(&["ingest", "--samples", "--db", db]);
    run(&["export", "--db", db, "--format", "jsonl"]).lines().map(|l| serde_json::from_str(l).expect("JSON")).collect()
}

/// One exported event as the indicators read it (the strings become typed values here).
fn indicator_event(kb: &KnowledgeBase, event: &serde_json::Value) -> Event {
    let s = &event["summary"];
    let place = s["place"].as_str().and_then(|p| kb.place_index(p)).map(|i| &kb.places[i as usize]);
    let actor = |key: &str| {
        let id = s[key].as_str()?;
        let known = kb.actor_index(id).map(|i| &kb.actors[i as usize]);
        let non_state =
            known.is_some_and(|a| matches!(a.kind, marsad_kb::ActorKind::ArmedGroup | marsad_kb::ActorKind::Militia));
        Some(ActorRef { id: id.to_string(), non_state })
    };
    Event {
        id: event["id"].as_i64().expect("id"),
        point: s["lat"].as_f64().zip(s["lon"].as_f64()).and_then(|(lat, lon)| Point::new(lat, lon).ok()),
        geo_precision: GeoPrecision::try_from(s["geo_precision"].as_u64().unwrap_or(3) as u8).expect("1 to 3"),
        dating: Dating::from_acled(s["date"].as_str(), s["time_precision"].as_u64().unwrap_or(3) as u8)
            .expect("a date"),
        sub_event_type: s["sub_event_type"].as_str().unwrap_or("").parse().expect("an ACLED sub-event type"),
        actors: ["actor1", "actor2"].into_iter().filter_map(actor).collect(),
        admin1: place.and_then(|p| p.region.clone()),
        admin2: place.and_then(|p| p.admin2.clone()),
        fatalities: s["fatalities"].as_u64().unwrap_or(0) as u32,
        outlets: Vec::new(),
        supply_target: false,
    }
}

/// The knowledge base's roads with their places' coordinates.
fn roads(kb: &KnowledgeBase) -> Vec<Corridor> {
    kb.corridors
        .iter()
        .map(|c| {
            let stops = c
                .points
                .iter()
                .map(|id| {
                    let place = &kb.places[kb.place_index(id).expect("a corridor point") as usize];
                    let point = Point::new(place.lat.expect("lat"), place.lon.expect("lon")).expect("a point");
                    Stop { id: id.clone(), point }
                })
                .collect();
            Corridor::new(c.id.clone(), stops).expect("a road")
        })
        .collect()
}

fn day(text: &str) -> Day {
    Day::parse(text).expect("a day")
}

/// Every indicator around Bamako for the period ending on `end` (twelve weeks from 1 September).
fn around_bamako(kb: &KnowledgeBase, events: &[Event], end: &str) -> Indicators {
    let bamako = &kb.places[kb.place_index("ml.bamako").expect("Bamako") as usize];
    let focus = Point::new(bamako.lat.expect("lat"), bamako.lon.expect("lon")).expect("a point");
    let period = Period::new(day("2025-09-01"), day(end)).expect("a period");
    let query = Query::new(focus, period, Config::default()).expect("a query");
    compute(events, &roads(kb), &query)
}

#[test]
fn the_twelve_week_story_brings_violence_closer_to_bamako_and_around_it() {
    let kb = KnowledgeBase::embedded().expect("the embedded knowledge base");
    let events: Vec<Event> = sample_events().iter().map(|e| indicator_event(&kb, e)).collect();
    assert!(events.len() >= 35, "the story adds its incidents to the samples: {}", events.len());
    let end = around_bamako(&kb, &events, "2025-11-23");

    // Closer week by week: the weekly median distance falls, its 95% interval below zero.
    let medians: Vec<String> =
        end.distance.weeks.iter().map(|w| w.median_km.map_or("-".into(), |m| format!("{m:.0}"))).collect();
    let trend = &end.distance.median_trend;
    let fit = trend.fit.as_ref().expect("a fitted trend");
    eprintln!(
        "weekly median km: {}; slope {:.1} km/week, 95% interval {:?}",
        medians.join(" "),
        fit.slope,
        fit.slope_ci95
    );
    assert_eq!(trend.direction, Direction::Closer, "{medians:?} {fit:?}");
    assert!(fit.slope < -15.0, "at least 15 km closer a week: {fit:?}");
    assert_eq!(end.distance.p10_trend.direction, Direction::Closer);

    // The inner ring (0-50 km) is empty in the first four weeks and fills in the last four.
    let inner = |weeks: &[marsad_indicators::distance::RingWeek]| weeks.iter().map(|w| w.bands[0].len()).sum::<usize>();
    let weeks = &end.rings.weeks;
    let (first, last) = (inner(&weeks[..4]), inner(&weeks[weeks.len() - 4..]));
    eprintln!("events within 50 km: {first} in the first four weeks, {last} in the last four");
    assert_eq!(first, 0);
    assert!(last >= 6, "{last}");

    // The ring around the capital closes: sectors hit in the last 28 days, early October and now.
    let early = around_bamako(&kb, &events, "2025-10-05");
    eprintln!(
        "sectors closed within 200 km in the last 28 days: {}/16 on 5 October, {}/16 on 23 November (largest open arc {:?})",
        early.encirclement.closed, end.encirclement.closed, end.encirclement.largest_open_arc
    );
    assert!(end.encirclement.closed >= 8, "{}", end.encirclement.closed);
    assert!(end.encirclement.closed >= early.encirclement.closed + 3);

    // Every road out of Bamako is hit more in the last four weeks than in the first four, and
    // within the last days.
    for road in ["ml.dakar-north", "ml.bamako-mopti", "ml.abidjan", "ml.conakry"] {
        let figures = end.corridors.iter().find(|c| c.id == road).expect("the road");
        let hits = |weeks: &[marsad_indicators::corridors::RoadWeek]| {
            weeks.iter().map(|w| w.tally.evidence.len()).sum::<usize>()
        };
        let (first, last) = (hits(&figures.weeks[..4]), hits(&figures.weeks[figures.weeks.len() - 4..]));
        let latest = figures.last_incident.expect("an incident on the road");
        eprintln!("{road}: {first} incident(s) in the first four weeks, {last} in the last four, the last {} day(s) before the end", latest.days_since);
        assert!(last > first, "{road}: {first} then {last}");
        assert!(latest.days_since <= 7, "{road}: {latest:?}");
    }
}
