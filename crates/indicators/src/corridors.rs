//! Corridors: incidents within b km of each supply road, per road and segment, per week, with
//! attacks on supply convoys weighted, and the days since the last incident.

use crate::date::Day;
use crate::event::{Event, EventId};
use crate::figures::{dated_use, weeks_between, EventSet, Evidence, Gather, LeftOut, Use, WeekSpan, WeeklyLeftOut};
use crate::geo::{Arc, Vector, EARTH_RADIUS_KM};
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

/// A tally being counted.
#[derive(Debug, Clone, Default)]
struct Counting {
    gather: Gather,
    supply_attacks: u32,
    weighted: f64,
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
    let mut states: Vec<RoadState> = roads.iter().map(|road| RoadState::new(road, query, spans.len())).collect();
    // One pass over the candidates, each tried against every road's box: the candidates are
    // read once, the boxes stay in cache.
    let first = spans.first().map_or(period.start(), |s| s.first);
    for candidate in placed_candidates(set, period.end()) {
        for state in states.iter_mut() {
            state.take(set, &candidate, query, first);
        }
    }
    states.into_iter().zip(roads).map(|(state, road)| state.finish(set, road, &spans, &left_out)).collect()
}

/// A possible incident placed precisely enough, dated on or before the period's end.
struct Candidate {
    index: usize,
    day: Day,
    lat: f64,
    lon: f64,
    vector: Vector,
}

/// The possible incidents every road is checked against, gathered once.
fn placed_candidates(set: &EventSet<'_>, end: Day) -> Vec<Candidate> {
    set.iter()
        .filter(|(_, e, _)| is_candidate(e))
        .filter_map(|(index, event, polar)| {
            let (day, point, polar) = (event.dating.day_or_week()?, event.precise_point()?, polar?);
            (day <= end).then_some(Candidate { index, day, lat: point.lat(), lon: point.lon(), vector: polar.vector })
        })
        .collect()
}

/// Candidate incidents that may belong to each week but cannot be placed.
fn weekly_left_out(set: &EventSet<'_>, spans: &[WeekSpan], end: Day) -> Vec<LeftOut> {
    let Some(first) = spans.first().map(|s| s.first) else { return Vec::new() };
    let mut left_out = WeeklyLeftOut::new(first, end, spans.len());
    for event in set.events().iter().filter(|e| is_candidate(e)) {
        if let Use::LeftOut(reason) = dated_use(event, first, end, true) {
            left_out.add(event, reason);
        }
    }
    left_out.finish()
}

/// A segment's arc and a box around it widened by the buffer, for a quick first test.
struct Geometry {
    arc: Arc,
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
            // A great circle bulges poleward of the straight line between its ends in latitude and
            // longitude: by under 0.1° for a 500 km segment south of 30°; the margin allows 0.25°.
            let margin = degrees + 0.25;
            let arc = Arc::new(a, b);
            let geometry = Geometry {
                arc,
                lat: (a.lat().min(b.lat()) - margin, a.lat().max(b.lat()) + margin),
                lon: (a.lon().min(b.lon()) - margin / cos, a.lon().max(b.lon()) + margin / cos),
                start_km,
                length_km: arc.length_km(),
            };
            start_km += geometry.length_km;
            geometry
        })
        .collect()
}

/// The box around every segment's box.
fn road_box(segments: &[Geometry]) -> ((f64, f64), (f64, f64)) {
    segments.iter().fold(((f64::MAX, f64::MIN), (f64::MAX, f64::MIN)), |(lat, lon), s| {
        ((lat.0.min(s.lat.0), lat.1.max(s.lat.1)), (lon.0.min(s.lon.0), lon.1.max(s.lon.1)))
    })
}

/// The nearest segment within the buffer: (segment, off-road km, along-road km).
fn locate(c: &Candidate, segments: &[Geometry], buffer_km: f64) -> Option<(usize, f64, f64)> {
    let mut best: Option<(usize, f64, f64)> = None;
    for (i, s) in segments.iter().enumerate() {
        let inside = (s.lat.0..=s.lat.1).contains(&c.lat) && (s.lon.0..=s.lon.1).contains(&c.lon);
        if !inside {
            continue;
        }
        let d = s.arc.distance(c.vector);
        if d.km <= buffer_km && best.is_none_or(|(_, km, _)| d.km < km) {
            best = Some((i, d.km, s.start_km + d.along_km));
        }
    }
    best
}

/// One road's counts while the candidates go by.
struct RoadState {
    segments: Vec<Geometry>,
    lat: (f64, f64),
    lon: (f64, f64),
    road_weeks: Vec<Counting>,
    segment_weeks: Vec<Vec<Counting>>,
    last: Vec<Option<LastIncident>>,
    incidents: Vec<Incident>,
}

impl RoadState {
    fn new(road: &Corridor, query: &Query, weeks: usize) -> RoadState {
        let segments = geometry(road, query.config().corridor_buffer_km);
        let (lat, lon) = road_box(&segments);
        RoadState {
            lat,
            lon,
            road_weeks: vec![Counting::default(); weeks],
            segment_weeks: vec![vec![Counting::default(); weeks]; segments.len()],
            last: vec![None; segments.len()],
            incidents: Vec::new(),
            segments,
        }
    }

    /// Count the candidate if it is on this road; `first` is the first week's Monday.
    fn take(&mut self, set: &EventSet<'_>, candidate: &Candidate, query: &Query, first: Day) {
        if !(self.lat.0..=self.lat.1).contains(&candidate.lat) || !(self.lon.0..=self.lon.1).contains(&candidate.lon) {
            return;
        }
        let config = query.config();
        let Some((segment, off_road_km, along_km)) = locate(candidate, &self.segments, config.corridor_buffer_km)
        else {
            return;
        };
        let (event, day, end) = (&set.events()[candidate.index], candidate.day, query.period().end());
        if self.last[segment].is_none_or(|l| (day, event.id) > (l.day, l.event)) {
            self.last[segment] = Some(LastIncident { event: event.id, day, days_since: day.days_until(end) });
        }
        if day < first {
            return;
        }
        let weight = if event.supply_target { config.supply_weight } else { 1.0 };
        let week = (first.days_until(day) / 7) as usize;
        for counting in [&mut self.road_weeks[week], &mut self.segment_weeks[segment][week]] {
            counting.gather.push(candidate.index);
            counting.supply_attacks += u32::from(event.supply_target);
            counting.weighted += weight;
        }
        let supply_target = event.supply_target;
        self.incidents.push(Incident { event: event.id, day, segment, off_road_km, along_km, supply_target, weight });
    }

    fn finish(self, set: &EventSet<'_>, road: &Corridor, spans: &[WeekSpan], left_out: &[LeftOut]) -> CorridorFigures {
        let mut incidents = self.incidents;
        incidents.sort_by_key(|a| (a.day, a.event));
        let finish = |c: Counting| Tally {
            evidence: set.evidence(c.gather),
            supply_attacks: c.supply_attacks,
            weighted: c.weighted,
        };
        let stops = road.stops();
        let last = self.last;
        let segments: Vec<Segment> = self
            .segment_weeks
            .into_iter()
            .zip(&self.segments)
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
            .zip(self.road_weeks)
            .zip(left_out)
            .map(|((span, tally), left_out)| RoadWeek { span: *span, tally: finish(tally), left_out: *left_out })
            .collect();
        CorridorFigures {
            id: road.id().to_string(),
            length_km: self.segments.iter().map(|s| s.length_km).sum(),
            last_incident: last.iter().flatten().max_by_key(|l| (l.day, l.event)).copied(),
            segments,
            weeks,
            incidents,
        }
    }
}
