//! Properties over random inputs: bearings stay in [0, 360), the distance trend does not
//! depend on the order of the events, every armed event of the encirclement window is
//! accounted for exactly once, dates round-trip, nothing panics on any event set, and the
//! shared pass of `compute` gives what each indicator gives alone.

mod support;

use marsad_indicators::date::Month;
use marsad_indicators::encirclement::encirclement;
use marsad_indicators::geo::{bearing_deg, distance_km, segment_distance};
use marsad_indicators::{compute, Corridor, Dating, Day, Event, EventSet, GeoPrecision, Point, Stop, SubEventType};
use proptest::prelude::*;
use support::*;

fn point() -> impl Strategy<Value = Point> {
    (-90.0..=90.0_f64, -180.0..=180.0_f64).prop_map(|(lat, lon)| Point::new(lat, lon).expect("in range"))
}

/// Events around the focus over about 200 days from 2025-03-01, in every precision.
fn events() -> impl Strategy<Value = Vec<Event>> {
    let one = (
        (-4.0..4.0_f64, -4.0..4.0_f64, 1..=3_u8),
        (0..200_i32, 0..5_u8),
        0..SubEventType::ALL.len(),
        (0..4_u8, 0..4_u8, any::<bool>(), 0..20_u32),
    );
    prop::collection::vec(one, 0..120).prop_map(|raw| {
        raw.into_iter()
            .enumerate()
            .map(|(i, ((lat, lon, geo), (offset, precision), sub, (unit, actor, supply, killed)))| {
                let day = day("2025-03-01").plus(offset);
                let dating = match precision {
                    0 | 1 => Dating::Day(day),
                    2 => Dating::Week(day),
                    3 => Dating::Month(day.month()),
                    _ => Dating::Undated,
                };
                let mut e = event(i as i64).at(lat, lon).unit(&format!("r{}", unit % 2), &format!("c{unit}"));
                e.geo_precision = GeoPrecision::try_from(geo).expect("1..=3");
                e.dating = dating;
                e.sub_event_type = SubEventType::ALL[sub];
                e.supply_target = supply;
                e.fatalities = killed;
                e.actor(&format!("a{actor}"), actor != 0)
            })
            .collect()
    })
}

fn road() -> Corridor {
    let stop = |id: &str, lat: f64, lon: f64| Stop { id: id.into(), point: Point::new(lat, lon).expect("point") };
    Corridor::new("r", vec![stop("a", -2.0, -2.0), stop("b", 0.5, 0.0), stop("c", 2.0, 3.0)]).expect("road")
}

proptest! {
    #[test]
    fn bearings_are_in_0_to_360(a in point(), b in point()) {
        let bearing = bearing_deg(a, b);
        prop_assert!((0.0..360.0).contains(&bearing), "{bearing}");
    }

    #[test]
    fn a_segment_is_never_farther_than_its_nearer_end(p in point(), a in point(), b in point()) {
        let d = segment_distance(p, a, b);
        let ends = distance_km(p, a).min(distance_km(p, b));
        prop_assert!(d.km >= 0.0 && d.km <= ends + 1e-6, "{d:?} vs {ends}");
    }

    #[test]
    fn days_round_trip_and_sit_in_their_iso_week(offset in -700_000..2_900_000_i32) {
        let day = day("1970-01-01").plus(offset);
        let (y, m, d) = day.ymd();
        prop_assert_eq!(Day::from_ymd(y, m, d), Some(day));
        let week = day.iso_week();
        prop_assert!(week.monday() <= day && day <= week.sunday());
        prop_assert_eq!(Month::new(y, m).map(|m| m.first_day() <= day && day <= m.last_day()), Some(true));
    }

    #[test]
    fn the_distance_trend_does_not_depend_on_event_order(
        (events, shuffled) in events().prop_flat_map(|e| (Just(e.clone()), Just(e).prop_shuffle()))
    ) {
        let query = query("2025-05-01", "2025-09-15");
        let a = marsad_indicators::distance::distance(&EventSet::new(&events, focus()), &query);
        let b = marsad_indicators::distance::distance(&EventSet::new(&shuffled, focus()), &query);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn every_armed_event_of_the_window_is_accounted_for_once(events in events()) {
        let query = query("2025-06-01", "2025-08-31");
        let set = EventSet::new(&events, focus());
        let figure = encirclement(&set, &query);
        let in_sectors: usize = figure.sectors.iter().map(|s| s.evidence.len()).sum();
        let beyond = events
            .iter()
            .filter(|e| e.is_armed_violence())
            .filter(|e| e.dating.day_or_week().is_some_and(|d| d >= figure.from && d <= figure.to))
            .filter_map(|e| e.precise_point())
            .filter(|p| distance_km(focus(), *p) > figure.radius_km)
            .count();
        let candidates = events
            .iter()
            .filter(|e| e.is_armed_violence())
            .filter(|e| e.dating.interval().is_none_or(|(a, b)| a <= figure.to && b >= figure.from))
            .count();
        let accounted = in_sectors + figure.at_focus.len() + figure.left_out.total() as usize + beyond;
        prop_assert_eq!(accounted, candidates);
        prop_assert_eq!(usize::from(figure.closed), figure.sectors.iter().filter(|s| !s.evidence.is_empty()).count());
    }

    #[test]
    fn every_indicator_runs_on_any_event_set(events in events(), weeks in 1..30_i32) {
        let end = day("2025-08-31");
        let query = query(&end.plus(1 - 7 * weeks).to_string(), &end.to_string());
        let all = compute(&events, &[road()], &query);
        prop_assert_eq!(all.rings.weeks.len(), all.distance.weeks.len());
        // compute() shares one pass between distance and rings; alone they must agree.
        let set = EventSet::new(&events, focus());
        prop_assert_eq!(&all.distance, &marsad_indicators::distance::distance(&set, &query));
        prop_assert_eq!(&all.rings, &marsad_indicators::distance::rings(&set, &query));
        let undated = events.iter().filter(|e| e.dating == Dating::Undated && (e.is_political_violence() || e.supply_target)).count();
        prop_assert_eq!(all.left_out.undated.len(), undated);
    }
}
