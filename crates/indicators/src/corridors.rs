//! Corridors: incidents within b km of each supply road, per road and segment, per week, with
//! attacks on supply convoys weighted, and the days since the last incident.

use crate::date::Day;
use crate::event::{Event, EventId};
use crate::figures::{dated_use, weeks_between, EventSet, Evidence, LeftOut, Reason, Use, WeekSpan};
use crate::geo::{distance_km, segment_distance, Point, EARTH_RADIUS_KM};
use crate::query::{Corridor, Query};

/// The last incident on a road or segment up to the period's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LastIncident {
    /// The event.
    pub event: EventId,
    /// Its day.
    pub day: Day,
    /// Days from it to the period's last day.
    pub days_since: i32,
}

/// An incident near a road in the period.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Incident {
    /// The event.
    pub event: EventId,
    /// Its day.
    pub day: Day,
    /// Index of the nearest segment.
    pub segment: usize,
    /// Distance from the road, km.
    pub off_road_km: f64,
    /// Distance along the road from its first stop to the nearest point, km.
    pub along_km: f64,
    /// It struck a supply convoy or tanker.
    pub supply_target: bool,
    /// Its weight in the scores (1, or the supply weight).
    pub weight: f64,
}

/// Incidents of one week, with their weighted score.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Tally {
    /// The incidents.
    pub evidence: Evidence,
    /// How many struck supply convoys or tankers.
    pub supply_attacks: u32,
    /// Sum of the incidents' weights.
    pub weighted: f64,
}

/// One stretch of road between two consecutive stops.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Segment {
    /// Stop it starts at.
    pub from: String,
    /// Stop it ends at.
    pub to: String,
    /// Great-circle length, km.
    pub length_km: f64,
    /// One tally per week of the period.
    pub weeks: Vec<Tally>,
    /// Its last incident up to the period's end.
    pub last_incident: Option<LastIncident>,
}

/// One week on a whole road.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RoadWeek {
    /// The week.
    pub span: WeekSpan,
    /// Its incidents.
    pub tally: Tally,
    /// Incidents of the week that could not be placed on or off any road.
    pub left_out: LeftOut,
}

/// The figures of one road.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CorridorFigures {
    /// The road's id.
    pub id: String,
    /// Sum of its segments' lengths, km.
    pub length_km: f64,
    /// Its segments, in road order.
    pub segments: Vec<Segment>,
    /// One entry per week of the period.
    pub weeks: Vec<RoadWeek>,
    /// Every incident of the period, in date order.
    pub incidents: Vec<Incident>,
    /// Its last incident up to the period's end.
    pub last_incident: Option<LastIncident>,
}

/// Events that can be road incidents: armed violence, and anything that struck supplies.
fn is_candidate(event: &Event) -> bool {
    event.is_armed_violence() || event.supply_target
}

/// The figures of every road.
pub fn corridors(set: &EventSet<'_>, roads: &[Corridor], query: &Query) -> Vec<CorridorFigures> {
    let period = query.period();
    let spans = weeks_between(period.start(), period.end());
    let left_out = weekly_left_out(set, &spans, period.end());
    roads.iter().map(|road| one_road(set.events(), road, query, &spans, &left_out)).collect()
}

/// Candidate incidents that may belong to each week but cannot be placed.
fn weekly_left_out(set: &EventSet<'_>, spans: &[WeekSpan], end: Day) -> Vec<LeftOut> {
    let mut left_out = vec![LeftOut::default(); spans.len()];
    let Some(first) = spans.first().map(|s| s.first) else { return left_out };
    let index = |day: Day| (first.days_until(day) / 7) as usize;
    for event in set.events().iter().filter(|e| is_candidate(e)) {
        match dated_use(event, first, end, true) {
            Use::LeftOut(Reason::Undated) => left_out.iter_mut().for_each(|l| l.add(Reason::Undated)),
            Use::LeftOut(Reason::VagueDate) => {
                if let Some((a, b)) = event.dating.interval() {
                    left_out[index(a.max(first))..=index(b.min(end))].iter_mut().for_each(|l| l.add(Reason::VagueDate));
                }
            }
            Use::LeftOut(reason) => {
                if let Some(day) = event.dating.day_or_week() {
                    left_out[index(day)].add(reason);
                }
            }
            _ => {}
        }
    }
    left_out
}

/// A segment's ends and a box around it widened by the buffer, for a quick first test.
struct Geometry {
    a: Point,
    b: Point,
    lat: (f64, f64),
    lon: (f64, f64),
    start_km: f64,
    length_km: f64,
}

fn geometry(road: &Corridor, buffer_km: f64) -> Vec<Geometry> {
    let degrees = buffer_km / (EARTH_RADIUS_KM * std::f64::consts::PI / 180.0);
    let mut start_km = 0.0;
    road.stops()
        .windows(2)
        .map(|pair| {
            let (a, b) = (pair[0].point, pair[1].point);
            let cos = a.lat().abs().max(b.lat().abs()).min(89.0).to_radians().cos();
            // Great circles bulge poleward of the chord; a quarter-degree margin covers the
            // few-hundred-km segments of a road.
            let margin = degrees + 0.25;
            let geometry = Geometry {
                a,
                b,
                lat: (a.lat().min(b.lat()) - margin, a.lat().max(b.lat()) + margin),
                lon: (a.lon().min(b.lon()) - margin / cos, a.lon().max(b.lon()) + margin / cos),
                start_km,
                length_km: distance_km(a, b),
            };
            start_km += geometry.length_km;
            geometry
        })
        .collect()
}

/// The nearest segment within the buffer: (segment, off-road km, along-road km).
fn locate(point: Point, segments: &[Geometry], buffer_km: f64) -> Option<(usize, f64, f64)> {
    let mut best: Option<(usize, f64, f64)> = None;
    for (i, s) in segments.iter().enumerate() {
        let inside = (s.lat.0..=s.lat.1).contains(&point.lat()) && (s.lon.0..=s.lon.1).contains(&point.lon());
        if !inside {
            continue;
        }
        let d = segment_distance(point, s.a, s.b);
        if d.km <= buffer_km && best.is_none_or(|(_, km, _)| d.km < km) {
            best = Some((i, d.km, s.start_km + d.along_km));
        }
    }
    best
}

fn one_road(
    events: &[Event],
    road: &Corridor,
    query: &Query,
    spans: &[WeekSpan],
    left_out: &[LeftOut],
) -> CorridorFigures {
    let config = query.config();
    let (start, end) = (query.period().start(), query.period().end());
    let first = spans.first().map_or(start, |s| s.first);
    let segments = geometry(road, config.corridor_buffer_km);
    let empty = Tally { evidence: Evidence::default(), supply_attacks: 0, weighted: 0.0 };
    let mut road_weeks = vec![empty.clone(); spans.len()];
    let mut segment_weeks = vec![vec![empty; spans.len()]; segments.len()];
    let mut last: Vec<Option<LastIncident>> = vec![None; segments.len()];
    let mut incidents = Vec::new();
    for event in events.iter().filter(|e| is_candidate(e)) {
        let (Some(day), Some(point)) = (event.dating.day_or_week(), event.precise_point()) else { continue };
        if day > end {
            continue;
        }
        let Some((segment, off_road_km, along_km)) = locate(point, &segments, config.corridor_buffer_km) else {
            continue;
        };
        let newer = last[segment].is_none_or(|l| (day, event.id) > (l.day, l.event));
        if newer {
            last[segment] = Some(LastIncident { event: event.id, day, days_since: day.days_until(end) });
        }
        if day < first {
            continue;
        }
        let weight = if event.supply_target { config.supply_weight } else { 1.0 };
        let week = (first.days_until(day) / 7) as usize;
        for tally in [&mut road_weeks[week], &mut segment_weeks[segment][week]] {
            tally.evidence.push(event);
            tally.supply_attacks += u32::from(event.supply_target);
            tally.weighted += weight;
        }
        let supply_target = event.supply_target;
        incidents.push(Incident { event: event.id, day, segment, off_road_km, along_km, supply_target, weight });
    }
    incidents.sort_by_key(|a| (a.day, a.event));
    let finish = |mut tally: Tally| {
        tally.evidence.finish();
        tally
    };
    let stops = road.stops();
    let segments_out: Vec<Segment> = segment_weeks
        .into_iter()
        .zip(&segments)
        .enumerate()
        .map(|(i, (weeks, geometry))| Segment {
            from: stops[i].id.clone(),
            to: stops[i + 1].id.clone(),
            length_km: geometry.length_km,
            weeks: weeks.into_iter().map(finish).collect(),
            last_incident: last[i],
        })
        .collect();
    let weeks = spans
        .iter()
        .zip(road_weeks)
        .zip(left_out)
        .map(|((span, tally), left_out)| RoadWeek { span: *span, tally: finish(tally), left_out: *left_out })
        .collect();
    CorridorFigures {
        id: road.id().to_string(),
        length_km: segments.iter().map(|s| s.length_km).sum(),
        last_incident: last.iter().flatten().max_by_key(|l| (l.day, l.event)).copied(),
        segments: segments_out,
        weeks,
        incidents,
    }
}
