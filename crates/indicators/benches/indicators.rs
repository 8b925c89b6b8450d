//! Every indicator over 100,000 synthetic events for one focus and period (bar: ≤ 200 ms).
//!
//! The events are generated once, deterministically: two years ending on 2025-09-28 over a
//! Sahel-sized box around Bamako, with ACLED-like shares of event types and of place and date
//! precision (a fifth placed only to a region, a third dated only to a month or year or not
//! at all), 20 regions, 160 cercles, 60 actors, 2 outlets each, 3% supply attacks; 18 roads of
//! 6 stops radiate from the focus. `cargo bench -p marsad-indicators`.

use marsad_indicators::{
    compute, ActorRef, Config, Corridor, Dating, Day, Event, EventSet, GeoPrecision, Period, Point, Query, Stop,
    SubEventType,
};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

const EVENTS: usize = 100_000;
const BAMAKO: (f64, f64) = (12.6392, -8.0029);

/// SplitMix64: a small deterministic generator, enough for synthetic data.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn last_day() -> Day {
    Day::from_ymd(2025, 9, 28).expect("day")
}

fn events() -> &'static [Event] {
    static EVENTS_CELL: OnceLock<Vec<Event>> = OnceLock::new();
    EVENTS_CELL.get_or_init(|| {
        let mut random = Random(1);
        // Battles 30%, remote violence 20%, violence against civilians 25%, riots 5%, protests 10%,
        // strategic developments 10%.
        let mix = [
            (30, SubEventType::ArmedClash),
            (20, SubEventType::RemoteExplosiveLandmineIed),
            (25, SubEventType::Attack),
            (5, SubEventType::MobViolence),
            (10, SubEventType::PeacefulProtest),
            (10, SubEventType::LootingPropertyDestruction),
        ];
        (0..EVENTS)
            .map(|i| {
                let mut pick = random.below(100);
                let sub = mix
                    .iter()
                    .find(|(share, _)| {
                        pick < *share || {
                            pick -= share;
                            false
                        }
                    })
                    .map_or(SubEventType::Other, |m| m.1);
                let point = Point::new(10.0 + 10.0 * random.unit(), -12.0 + 16.0 * random.unit()).expect("point");
                let geo = match random.below(10) {
                    0..=5 => GeoPrecision::Town,
                    6 | 7 => GeoPrecision::Near,
                    _ => GeoPrecision::Region,
                };
                let day = last_day().plus(-(random.below(730) as i32));
                let dating = match random.below(20) {
                    0..=9 => Dating::Day(day),
                    10 | 11 => Dating::Week(day),
                    12..=15 => Dating::Month(day.month()),
                    16 => Dating::Year(day.ymd().0),
                    _ => Dating::Undated,
                };
                let region = random.below(20);
                let actors = (0..1 + random.below(2))
                    .map(|_| {
                        let id = random.below(60);
                        ActorRef { id: format!("actor-{id}"), non_state: id % 10 < 7 }
                    })
                    .collect();
                Event {
                    id: i as i64,
                    point: Some(point),
                    geo_precision: geo,
                    dating,
                    sub_event_type: sub,
                    actors,
                    admin1: Some(format!("region-{region}")),
                    admin2: Some(format!("cercle-{region}-{}", random.below(8))),
                    fatalities: random.below(12) as u32,
                    outlets: (0..2).map(|_| format!("outlet-{}", random.below(100))).collect(),
                    supply_target: random.below(100) < 3,
                }
            })
            .collect()
    })
}

/// 18 roads of 6 stops, each leaving the focus on its own bearing with some bends.
fn roads() -> Vec<Corridor> {
    let mut random = Random(2);
    (0..18)
        .map(|r| {
            let bearing = (r as f64 * 20.0).to_radians();
            let stops = (0..6)
                .map(|s| {
                    let km = s as f64 * 90.0;
                    let bend = 0.3 * (random.unit() - 0.5);
                    let lat = BAMAKO.0 + km / 111.2 * bearing.cos() + bend;
                    let lon = BAMAKO.1 + km / 111.2 * bearing.sin() - bend;
                    Stop { id: format!("road-{r}-stop-{s}"), point: Point::new(lat, lon).expect("point") }
                })
                .collect();
            Corridor::new(format!("road-{r}"), stops).expect("road")
        })
        .collect()
}

fn query(weeks: i32) -> Query {
    let focus = Point::new(BAMAKO.0, BAMAKO.1).expect("point");
    let period = Period::new(last_day().plus(1 - 7 * weeks), last_day()).expect("period");
    Query::new(focus, period, Config::default()).expect("query")
}

/// The usual report: the last 12 weeks, every indicator.
#[divan::bench]
fn all_indicators_100k_events_12_weeks(bencher: divan::Bencher) {
    let (events, roads, query) = (events(), roads(), query(12));
    bencher.bench(|| compute(divan::black_box(events), &roads, &query));
}

/// The worst case: the period covers the whole two years, so every event is in it.
#[divan::bench]
fn all_indicators_100k_events_104_weeks(bencher: divan::Bencher) {
    let (events, roads, query) = (events(), roads(), query(104));
    bencher.bench(|| compute(divan::black_box(events), &roads, &query));
}

/// Each indicator alone over the 12-week period, to see where the time goes; each includes
/// preparing the event set (distances, bearings, outlet numbers), which `prepare` measures alone.
#[divan::bench(args = ["prepare", "distance", "rings", "encirclement", "corridors", "diffusion", "trackers", "emerging"])]
fn one_indicator_100k_events_12_weeks(bencher: divan::Bencher, which: &str) {
    let (events, roads, query) = (events(), roads(), query(12));
    bencher.bench(|| {
        let set = EventSet::new(divan::black_box(events), query.focus());
        match which {
            "prepare" => drop(set),
            "distance" => drop(marsad_indicators::distance::distance(&set, &query)),
            "rings" => drop(marsad_indicators::distance::rings(&set, &query)),
            "encirclement" => drop(marsad_indicators::encirclement::encirclement(&set, &query)),
            "corridors" => drop(marsad_indicators::corridors::corridors(&set, &roads, &query)),
            "diffusion" => drop(marsad_indicators::diffusion::diffusion(&set, &query)),
            "trackers" => drop(marsad_indicators::trackers::trackers(&set, &query)),
            _ => drop(marsad_indicators::emerging::emerging(&set, &query)),
        }
    });
}
