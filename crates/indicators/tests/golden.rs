//! Golden tests: synthetic event sets whose answers are worked out by hand in each test's
//! comment. The focus is at 0°N 0°E, where one degree of arc is 111.195 km in any direction
//! (tests/support). 2025-06-02, 2025-09-01 are Mondays; 2025-08-24, 2025-08-31, 2025-09-14,
//! 2025-09-28 are Sundays.

mod support;

use marsad_indicators::corridors::corridors;
use marsad_indicators::diffusion::diffusion;
use marsad_indicators::distance::{distance, rings, Direction};
use marsad_indicators::emerging::{emerging, Emergence};
use marsad_indicators::encirclement::encirclement;
use marsad_indicators::trackers::{trackers, ChangeBand};
use marsad_indicators::{Corridor, Event, EventSet, Point, Stop, SubEventType};
use support::*;

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

/// One battle a week for 12 weeks (W23–W34 of 2025), each 20 km nearer than the last: 300,
/// 280, ... 80 km due north of the focus, on the weeks' Wednesdays. Each week's median and
/// 10th percentile is its one distance; the least-squares line through (0, 300) ... (11, 80)
/// is y = 300 − 20x exactly, so the slope is −20 km/week with no residual and a zero-width
/// interval, which lies below zero: violence is coming closer.
#[test]
fn incidents_moving_20_km_closer_each_week_give_a_slope_of_minus_20() {
    let events: Vec<Event> = (0..12)
        .map(|i| {
            let wednesday = day("2025-06-04").plus(7 * i);
            event(i.into()).north(300.0 - 20.0 * f64::from(i)).on(&wednesday.to_string())
        })
        .collect();
    let query = query("2025-06-02", "2025-08-24");
    let series = distance(&EventSet::new(&events, focus()), &query);
    assert_eq!(series.weeks.len(), 12);
    for (i, week) in series.weeks.iter().enumerate() {
        let expected = 300.0 - 20.0 * i as f64;
        assert!(close(week.median_km.expect("median"), expected, 1e-6), "week {i}: {week:?}");
        assert!(close(week.p10_km.expect("p10"), expected, 1e-6));
        assert_eq!(week.nearest.map(|n| n.0), Some(i as i64));
        assert_eq!(week.evidence.events, [i as i64]);
    }
    let fit = series.median_trend.fit.expect("fit");
    assert!(close(fit.slope, -20.0, 1e-6), "{fit:?}");
    assert!(close(fit.intercept, 300.0, 1e-6), "{fit:?}");
    let (lo, hi) = fit.slope_ci95.expect("interval");
    assert!(close(lo, -20.0, 1e-6) && close(hi, -20.0, 1e-6), "{fit:?}");
    assert_eq!(series.median_trend.direction, Direction::Closer);
    assert_eq!(series.median_trend.window.len(), 12);
}

/// Two battles a week, at (300 − 20i) − 15 and (300 − 20i) + 15 km. The median of two values
/// is their mean, 300 − 20i; the 10th percentile (type 7: h = 0.1) is the lower one plus a
/// tenth of the 30 km gap, 288 − 20i. Both trends have a slope of −20 km/week.
#[test]
fn medians_and_10th_percentiles_of_two_events_a_week() {
    let mut events = Vec::new();
    for i in 0..12 {
        let wednesday = day("2025-06-04").plus(7 * i).to_string();
        let centre = 300.0 - 20.0 * f64::from(i);
        events.push(event(2 * i64::from(i)).north(centre - 15.0).on(&wednesday));
        events.push(event(2 * i64::from(i) + 1).north(centre + 15.0).on(&wednesday));
    }
    let series = distance(&EventSet::new(&events, focus()), &query("2025-06-02", "2025-08-24"));
    for (i, week) in series.weeks.iter().enumerate() {
        assert!(close(week.median_km.expect("median"), 300.0 - 20.0 * i as f64, 1e-6));
        assert!(close(week.p10_km.expect("p10"), 288.0 - 20.0 * i as f64, 1e-6));
    }
    assert!(close(series.median_trend.fit.expect("fit").slope, -20.0, 1e-6));
    assert!(close(series.p10_trend.fit.expect("fit").slope, -20.0, 1e-6));
}

/// The weekly battles of the first test, with week 2's event dated only to its week (still
/// measured), plus: an undated battle (left out of all 12 weeks), a battle dated only to July
/// 2025 (left out of W27–W31, the five weeks July touches: 1 July is a Tuesday of W27, 31 July
/// a Thursday of W31), a battle placed only to its region in W27 (left out of W27 only), and a
/// protest 10 km away (not armed violence: ignored). None of them moves a median.
#[test]
fn left_out_events_are_counted_per_week_by_reason() {
    let mut events: Vec<Event> = (0..12)
        .map(|i| {
            let wednesday = day("2025-06-04").plus(7 * i).to_string();
            let e = event(i.into()).north(300.0 - 20.0 * f64::from(i));
            if i == 2 {
                e.in_week_of(&wednesday)
            } else {
                e.on(&wednesday)
            }
        })
        .collect();
    events.push(event(100).north(5.0));
    events.push(event(101).north(5.0).in_month(2025, 7));
    events.push(event(102).north(10.0).on("2025-07-02").region_only());
    events.push(event(103).north(10.0).on("2025-07-02").sub(SubEventType::PeacefulProtest));
    let series = distance(&EventSet::new(&events, focus()), &query("2025-06-02", "2025-08-24"));
    for (i, week) in series.weeks.iter().enumerate() {
        assert!(close(week.median_km.expect("median"), 300.0 - 20.0 * i as f64, 1e-6), "week {i}");
        assert_eq!(week.left_out.undated, 1, "week {i}");
        assert_eq!(week.left_out.vague_date, u32::from((4..=8).contains(&i)), "week {i}");
        assert_eq!(week.left_out.imprecise_place, u32::from(i == 4), "week {i}");
    }
    assert_eq!(series.weeks[4].span.week.to_string(), "2025-W27");
}

/// One week (W36) with battles at 10, 49.9, 50, 120, 399 and 450 km. Bands are [0, 50),
/// [50, 100), [100, 200), [200, 400]: 10 and 49.9 fall in the first, 50 in the second, 120 in
/// the third, 399 in the fourth, 450 beyond. The first band's deaths are 3 + 4 = 7 and its
/// outlets `a` and `b`, each once.
#[test]
fn rings_count_events_per_band() {
    let events = vec![
        event(1).north(10.0).on("2025-09-02").killed(3).outlet("b").outlet("a"),
        event(2).north(49.9).on("2025-09-03").killed(4).outlet("a"),
        event(3).north(50.0).on("2025-09-03"),
        event(4).north(120.0).on("2025-09-04"),
        event(5).north(399.0).on("2025-09-05"),
        event(6).north(450.0).on("2025-09-05"),
    ];
    let rings = rings(&EventSet::new(&events, focus()), &query("2025-09-01", "2025-09-07"));
    assert_eq!(rings.bands, [(0.0, 50.0), (50.0, 100.0), (100.0, 200.0), (200.0, 400.0)]);
    let week = &rings.weeks[0];
    let counts: Vec<usize> = week.bands.iter().map(|b| b.len()).collect();
    assert_eq!(counts, [2, 1, 1, 1]);
    assert_eq!(week.beyond, 1);
    assert_eq!(week.bands[0].events, [1, 2]);
    assert_eq!(week.bands[0].fatalities, 7);
    assert_eq!(week.bands[0].outlets, ["a", "b"]);
}

/// Window: the 28 days 1–28 September 2025. Battles 100 km away on 20 September at the centre
/// bearings of sectors N, NNE, NE, ENE and S through NNW (12 of 16) close those sectors; the
/// four sectors E, ESE, SE, SSE stay open, one run from 78.75° (E's first bearing) to 168.75°
/// (SSE's last). Not closing anything: a battle 250 km east (beyond R = 200 km), one 100 km
/// south-east on 25 August (before the window), a protest to the SSE (not armed violence), a
/// battle at the focus itself (no direction: "at the focus"), and one placed only to its
/// region (left out). A second battle in N, dated to its week, adds to N's evidence.
#[test]
fn a_ring_closed_on_12_of_16_sectors_gives_three_quarters_and_the_open_arc() {
    let mut events: Vec<Event> = [0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15]
        .iter()
        .map(|&s| {
            let (lat, lon) = toward(f64::from(s) * 22.5, 100.0);
            event(s.into()).at(lat, lon).on("2025-09-20")
        })
        .collect();
    let (lat, lon) = toward(0.0, 100.0);
    events.push(event(20).at(lat, lon).in_week_of("2025-09-24"));
    let (lat, lon) = toward(90.0, 250.0);
    events.push(event(21).at(lat, lon).on("2025-09-20"));
    let (lat, lon) = toward(135.0, 100.0);
    events.push(event(22).at(lat, lon).on("2025-08-25"));
    let (lat, lon) = toward(157.5, 100.0);
    events.push(event(23).at(lat, lon).on("2025-09-20").sub(SubEventType::PeacefulProtest));
    events.push(event(24).at(0.0, 0.0).on("2025-09-21"));
    let (lat, lon) = toward(112.5, 50.0);
    events.push(event(25).at(lat, lon).on("2025-09-22").region_only());
    let figure = encirclement(&EventSet::new(&events, focus()), &query("2025-09-01", "2025-09-28"));
    assert_eq!((figure.from.to_string(), figure.to.to_string()), ("2025-09-01".into(), "2025-09-28".into()));
    assert_eq!(figure.closed, 12);
    assert_eq!(figure.share_closed, 0.75);
    let arc = figure.largest_open_arc.expect("an open arc");
    assert_eq!((arc.first, arc.last, arc.sectors), (4, 7, 4));
    assert_eq!((arc.from_deg, arc.to_deg), (78.75, 168.75));
    assert_eq!(figure.sectors[0].evidence.events, [0, 20]);
    assert_eq!(figure.sectors[4].label, "E");
    assert_eq!(figure.at_focus, [24]);
    assert_eq!(figure.left_out.imprecise_place, 1);
}

/// Road A (0°, 0°) → B (0°, 1°E) → C (1°N, 1°E): segment 0 runs along the equator, segment 1
/// north along the meridian 1°E, both great circles, each 111.195 km. Buffer 25 km; period
/// 1–14 September 2025 (W36, W37).
/// - 1: battle at (0.1°, 0.5°), 2 Sep: 0.1° = 11.12 km off segment 0, 55.60 km along.
/// - 2: battle at (0.5°, 1.1°), 12 Sep: asin(sin 0.1° · cos 0.5°) = 0.099996° = 11.119 km off
///   segment 1, 111.195 + 55.60 = 166.79 km along; 56.7 km from B, so not on segment 0.
/// - 3: battle at (0.1°, 0.95°), 9 Sep: 11.12 km from segment 0 but 5.56 km from segment 1:
///   the nearer one, segment 1.
/// - 4: battle at (0.5°, 0.5°), 3 Sep: 55.6 km from both: not on the road.
/// - 5: trucks looted and burned (not armed violence, but flagged as a supply attack) at
///   (0.05°, 0.2°), 4 Sep: segment 0, weight 2.
/// - 6: looting not flagged, by the road: not an incident. 7: battle placed only to its
///   region, 10 Sep: left out of W37.
///
/// W36: incidents 1 and 5, one supply attack, weighted 1 + 2 = 3. W37: 2 and 3, weighted 2.
/// Last incident on segment 0: 4 Sep, 10 days before 14 Sep; on segment 1 and the road: 12
/// Sep, 2 days. A second road D (0°, 1°W) → E (0°, 2°W) had its only incident on 20 August
/// (before the period): no weekly incident, last one 25 days before the end.
#[test]
fn corridor_incidents_per_segment_on_a_two_segment_road() {
    let stop = |id: &str, lat: f64, lon: f64| Stop { id: id.into(), point: Point::new(lat, lon).expect("point") };
    let road = Corridor::new("abc", vec![stop("a", 0.0, 0.0), stop("b", 0.0, 1.0), stop("c", 1.0, 1.0)]).expect("road");
    let other = Corridor::new("de", vec![stop("d", 0.0, -1.0), stop("e", 0.0, -2.0)]).expect("road");
    let events = vec![
        event(1).at(0.1, 0.5).on("2025-09-02"),
        event(2).at(0.5, 1.1).on("2025-09-12"),
        event(3).at(0.1, 0.95).on("2025-09-09"),
        event(4).at(0.5, 0.5).on("2025-09-03"),
        event(5).at(0.05, 0.2).on("2025-09-04").sub(SubEventType::LootingPropertyDestruction).supply(),
        event(6).at(0.05, 0.3).on("2025-09-04").sub(SubEventType::LootingPropertyDestruction),
        event(7).at(0.0, 0.5).on("2025-09-10").region_only(),
        event(8).at(0.05, -1.5).on("2025-08-20"),
    ];
    let figures = corridors(&EventSet::new(&events, focus()), &[road, other], &query("2025-09-01", "2025-09-14"));
    let abc = &figures[0];
    assert!(close(abc.length_km, 2.0 * DEGREE_KM, 1e-6));
    let placed: Vec<(i64, usize)> = abc.incidents.iter().map(|i| (i.event, i.segment)).collect();
    assert_eq!(placed, [(1, 0), (5, 0), (3, 1), (2, 1)]);
    let first = &abc.incidents[0];
    assert!(close(first.off_road_km, 0.1 * DEGREE_KM, 1e-3) && close(first.along_km, 0.5 * DEGREE_KM, 1e-3));
    let second = abc.incidents.iter().find(|i| i.event == 2).expect("incident 2");
    assert!(close(second.off_road_km, 11.119, 0.001), "{second:?}");
    assert!(close(second.along_km, 166.79, 0.01), "{second:?}");
    let weekly: Vec<(Vec<i64>, u32, f64)> =
        abc.weeks.iter().map(|w| (w.tally.evidence.events.clone(), w.tally.supply_attacks, w.tally.weighted)).collect();
    assert_eq!(weekly, [(vec![1, 5], 1, 3.0), (vec![2, 3], 0, 2.0)]);
    assert_eq!((abc.weeks[0].left_out.imprecise_place, abc.weeks[1].left_out.imprecise_place), (0, 1));
    let by_segment: Vec<Vec<Vec<i64>>> =
        abc.segments.iter().map(|s| s.weeks.iter().map(|w| w.evidence.events.clone()).collect()).collect();
    assert_eq!(by_segment, [vec![vec![1, 5], vec![]], vec![vec![], vec![2, 3]]]);
    assert_eq!(abc.segments[0].last_incident.map(|l| (l.event, l.days_since)), Some((5, 10)));
    assert_eq!(abc.segments[1].last_incident.map(|l| (l.event, l.days_since)), Some((2, 2)));
    assert_eq!(abc.last_incident.map(|l| l.days_since), Some(2));
    let de = &figures[1];
    assert!(de.incidents.is_empty() && de.weeks.iter().all(|w| w.tally.evidence.is_empty()));
    assert_eq!(de.last_incident.map(|l| (l.event, l.days_since)), Some((8, 25)));
}

/// Battles on the Wednesday of each of the weeks W31–W35 of 2025 in several units, `counts`
/// giving W31, W32, W33, W34 (the surge baseline) then W35 (the latest week; the period ends
/// on its Sunday, 31 August).
fn weekly_battles(events: &mut Vec<Event>, unit: &str, counts: [u32; 5]) {
    for (week, count) in counts.into_iter().enumerate() {
        let wednesday = day("2025-07-30").plus(7 * week as i32).to_string();
        for _ in 0..count {
            let id = events.len() as i64;
            events.push(event(id).on(&wednesday).unit(unit, &format!("{unit}.c")));
        }
    }
}

/// Surge: the baseline W31–W34 holds 1, 2, 1, 2 events, a mean of 1.5, so the flag needs 3 in
/// W35: exactly 3 flags, 2 does not. A unit with 1, 1, 1, 0 (mean 0.75) is below ACLED's
/// minimum four-week mean of 1 and is not flagged even with 5. Trendfinder bands against the
/// four-week mean: a mean of 10 and 13 is +30% (large increase), 12 is +20% (moderate), 11 is
/// +10% (limited: the moderate band starts above 10%), 7 is −30% (large decrease); the flagged
/// unit's +100% is "limited change" by the low-activity rule (mean ≤ 2 and latest ≤ 5).
#[test]
fn a_surge_exactly_at_twice_the_mean_flags_and_just_below_does_not() {
    let mut events = Vec::new();
    for (unit, counts) in [
        ("exact", [1, 2, 1, 2, 3]),
        ("below", [1, 2, 1, 2, 2]),
        ("thin", [1, 1, 1, 0, 5]),
        ("large-up", [10, 10, 10, 10, 13]),
        ("moderate-up", [10, 10, 10, 10, 12]),
        ("edge", [10, 10, 10, 10, 11]),
        ("down", [10, 10, 10, 10, 7]),
    ] {
        weekly_battles(&mut events, unit, counts);
    }
    events.push(event(10_000).on("2025-08-27"));
    let figures = trackers(&EventSet::new(&events, focus()), &query("2025-08-01", "2025-08-31"));
    assert_eq!(figures.week.week.to_string(), "2025-W35");
    let unit = |id: &str| figures.admin1.iter().find(|u| u.unit == id).expect(id);
    let exact = unit("exact");
    assert_eq!((exact.surge.current, exact.surge.baseline_mean), (3, 1.5));
    assert!(exact.surge.eligible && exact.surge.flagged);
    assert_eq!(exact.last_week.len(), 3);
    assert!(!unit("below").surge.flagged);
    let thin = unit("thin");
    assert!(!thin.surge.eligible && !thin.surge.flagged, "{thin:?}");
    assert_eq!(exact.change_vs_month.band, ChangeBand::LimitedChange);
    assert_eq!(exact.change_vs_month.percent, Some(100.0));
    let band = |id: &str| (unit(id).change_vs_month.band, unit(id).change_vs_month.percent.map(f64::round));
    assert_eq!(band("large-up"), (ChangeBand::LargeIncrease, Some(30.0)));
    assert_eq!(band("moderate-up"), (ChangeBand::ModerateIncrease, Some(20.0)));
    assert_eq!(band("edge"), (ChangeBand::LimitedChange, Some(10.0)));
    assert_eq!(band("down"), (ChangeBand::LargeDecrease, Some(-30.0)));
    // Against the year: 40 events over 52 weeks is a mean of 0.77, and 13 is far above it.
    assert_eq!(unit("large-up").change_vs_year.band, ChangeBand::LargeIncrease);
    let cercle = figures.admin2.iter().find(|u| u.unit == "exact.c").expect("cercle");
    assert!(cercle.surge.flagged);
    assert_eq!((figures.unknown_admin1, figures.unknown_admin2), (1, 1));
}

/// Threat: August 2025 is the latest complete month (the period ends on 31 August); the
/// baseline is August 2024 to July 2025, 2 events a month (the 15th), a mean of 2.0. Four
/// events in August flag (4 ≥ 2 × 2.0): three dated to the day and one dated only to August,
/// which counts by month but is left out of the weekly windows. Three do not flag.
#[test]
fn a_threat_flags_at_twice_the_monthly_mean() {
    let mut events = Vec::new();
    for (unit, august) in [("exact", 3), ("below", 3)] {
        for back in 1..=12 {
            let month = day("2025-08-15").month();
            let mut m = month;
            (0..back).for_each(|_| m = m.previous());
            for _ in 0..2 {
                let id = events.len() as i64;
                events.push(event(id).on(&format!("{m}-15")).unit(unit, "c"));
            }
        }
        for d in 0..august {
            let id = events.len() as i64;
            events.push(event(id).on(&format!("2025-08-{:02}", 4 + d)).unit(unit, "c"));
        }
    }
    events.push(event(9_999).in_month(2025, 8).unit("exact", "c"));
    let figures = trackers(&EventSet::new(&events, focus()), &query("2025-08-01", "2025-08-31"));
    assert_eq!(figures.month.to_string(), "2025-08");
    let unit = |id: &str| figures.admin1.iter().find(|u| u.unit == id).expect(id);
    let exact = unit("exact");
    assert_eq!((exact.threat.current, exact.threat.baseline_mean), (4, 2.0));
    assert!(exact.threat.flagged);
    assert!(exact.last_month.events.contains(&9_999));
    assert_eq!(exact.left_out_weekly.vague_date, 1);
    assert_eq!(exact.left_out_monthly.vague_date, 0);
    let below = unit("below");
    assert_eq!((below.threat.current, below.threat.flagged), (3, false));
}

/// Period July 2025; baseline 1 July 2024 – 30 June 2025 (365 days). New units: `new` (first
/// battle 10 July, nothing before) and `back` (12 July, last seen 15 June 2024, before the
/// baseline). Not new: `old` (a battle on 5 January 2025), `vague` (a battle dated only to July
/// 2024, which overlaps the baseline: no unit is called new on a doubt), `protest` (no armed
/// violence). Left out: a battle with no cercle (unknown unit) and an undated one.
#[test]
fn units_with_their_first_armed_violence_in_twelve_months() {
    let events = vec![
        event(1).on("2025-07-10").unit("r", "new"),
        event(2).on("2025-07-12").unit("r", "back"),
        event(3).on("2024-06-15").unit("r", "back"),
        event(4).on("2025-07-03").unit("r", "old"),
        event(5).on("2025-01-05").unit("r", "old"),
        event(6).on("2025-07-20").unit("r", "vague"),
        event(7).in_month(2024, 7).unit("r", "vague"),
        event(8).on("2025-07-21").unit("r", "protest").sub(SubEventType::PeacefulProtest),
        event(9).on("2025-07-15"),
        event(10).unit("r", "new"),
    ];
    let figure = diffusion(&EventSet::new(&events, focus()), &query("2025-07-01", "2025-07-31"));
    assert_eq!(
        (figure.baseline_from.to_string(), figure.baseline_to.to_string()),
        ("2024-07-01".into(), "2025-06-30".into())
    );
    let found: Vec<(&str, String, Option<String>)> = figure
        .new_units
        .iter()
        .map(|u| (u.admin2.as_str(), u.first.to_string(), u.last_before.map(|d| d.to_string())))
        .collect();
    assert_eq!(found, [("new", "2025-07-10".into(), None), ("back", "2025-07-12".into(), Some("2024-06-15".into()))]);
    assert_eq!(figure.new_units[0].evidence.events, [1]);
    assert_eq!((figure.left_out.unknown_unit, figure.left_out.undated), (1, 1));
}

/// Period 1–30 July 2025 (30 days), baseline the 365 days before. `katiba` (non-state) has 2
/// battles in the period and none ever before: new. `fla` was last seen on 1 March 2022:
/// returning. `jnim` had 10 events in the baseline, which predicts 10 × 30 / 365 = 0.82 for
/// the period; 6 is over twice that and above the low-activity floor: a sharp rise. `isgs`,
/// also 10 then 5, stays under the floor (expected ≤ 2 and 5 ≤ 5). `fama` is a state force:
/// never emerging. A battle of `katiba` dated only to July does not fit inside the period
/// (31 July is outside): left out as a vague date.
#[test]
fn emerging_actors_are_new_returning_or_rising_sharply() {
    let mut events = vec![
        event(1).on("2025-07-03").actor("katiba", true).actor("fama", false),
        event(2).on("2025-07-09").actor("katiba", true),
        event(3).on("2022-03-01").actor("fla", true),
        event(4).on("2025-07-11").actor("fla", true),
        event(5).in_month(2025, 7).actor("katiba", true),
    ];
    for (actor, baseline, period) in [("jnim", 10, 6), ("isgs", 10, 5)] {
        for i in 0..baseline {
            let id = events.len() as i64 + 100;
            events.push(event(id).on(&day("2024-08-01").plus(30 * i).to_string()).actor(actor, true));
        }
        for i in 0..period {
            let id = events.len() as i64 + 100;
            events.push(event(id).on(&day("2025-07-02").plus(4 * i).to_string()).actor(actor, true));
        }
    }
    let figure = emerging(&EventSet::new(&events, focus()), &query("2025-07-01", "2025-07-30"));
    let listed: Vec<(&str, Emergence)> = figure.actors.iter().map(|a| (a.actor.as_str(), a.emergence)).collect();
    assert_eq!(listed, [("katiba", Emergence::New), ("fla", Emergence::Returning), ("jnim", Emergence::SharpRise)]);
    let jnim = &figure.actors[2];
    assert!(close(jnim.expected, 10.0 * 30.0 / 365.0, 1e-12));
    assert_eq!((jnim.baseline_events, jnim.evidence.len()), (10, 6));
    assert_eq!(figure.actors[0].evidence.events, [1, 2]);
    assert_eq!(figure.actors[1].last_before.map(|d| d.to_string()), Some("2022-03-01".into()));
    assert_eq!(figure.left_out.vague_date, 1);
}

/// The period's left-out events, listed for the reader. Period: September 2025. Imprecise
/// place: the battle placed only to its region (1); not the riot placed so (2: riots only count
/// by unit, where a region is enough). Vague date: the riot dated only to September (3).
/// Undated: the undated battle (4) and the undated supply attack (5), not the undated peaceful
/// protest (6: not violence). Not listed: the precise battle (7) and the battle of August (8).
#[test]
fn left_out_events_are_listed_by_reason() {
    let events = vec![
        event(1).north(10.0).on("2025-09-10").region_only(),
        event(2).north(10.0).on("2025-09-10").region_only().sub(SubEventType::MobViolence),
        event(3).north(10.0).in_month(2025, 9).sub(SubEventType::MobViolence),
        event(4).north(10.0),
        event(5).north(10.0).sub(SubEventType::LootingPropertyDestruction).supply(),
        event(6).north(10.0).sub(SubEventType::PeacefulProtest),
        event(7).north(10.0).on("2025-09-10"),
        event(8).north(10.0).on("2025-08-10").region_only(),
    ];
    let query = query("2025-09-01", "2025-09-30");
    let listed = marsad_indicators::left_out_events(&events, query.period());
    assert_eq!(listed.imprecise_place, [1]);
    assert_eq!(listed.vague_date, [3]);
    assert_eq!(listed.undated, [4, 5]);
}
