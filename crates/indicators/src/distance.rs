//! How far armed violence is from the focus, week by week, and whether it is coming closer;
//! and how many events fall in each distance band (rings).

use crate::date::Day;
use crate::event::{Event, EventId};
use crate::figures::{
    dated_use, weeks_between, EventSet, Evidence, Gather, LeftOut, Polar, Use, WeekSpan, WeeklyLeftOut,
};
use crate::query::Query;
use crate::stats::{least_squares, percentile, Fit};

/// One week's distances of precisely placed and dated armed violence to the focus.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DistanceWeek {
    /// The week.
    pub span: WeekSpan,
    /// 10th percentile of the distances, km (the near edge of the violence).
    pub p10_km: Option<f64>,
    /// Median distance, km.
    pub median_km: Option<f64>,
    /// The nearest event and its distance, km.
    pub nearest: Option<(EventId, f64)>,
    /// The events measured.
    pub evidence: Evidence,
    /// Armed violence that may belong to this week but could not be measured.
    pub left_out: LeftOut,
}

/// Which weekly statistic a trend follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Statistic {
    /// The median distance.
    Median,
    /// The 10th percentile.
    P10,
}

/// What a trend's confidence interval says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Direction {
    /// The whole 95% interval of the slope is below zero: violence is coming closer.
    Closer,
    /// The whole interval is above zero: violence is moving away.
    Farther,
    /// The interval holds zero.
    NoClearChange,
    /// Fewer than 3 weeks with events: no interval.
    TooFewWeeks,
}

/// The least-squares slope of a weekly statistic over the last weeks.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Trend {
    /// The statistic followed.
    pub statistic: Statistic,
    /// The weeks of the window, oldest first (x = 0, 1, ...); weeks without events are skipped.
    pub window: Vec<WeekSpan>,
    /// Slope in km per week (negative: closer), intercept in km, 95% interval of the slope.
    pub fit: Option<Fit>,
    /// What the interval says.
    pub direction: Direction,
}

/// Distances week by week over the period, and their trends.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DistanceSeries {
    /// One entry per ISO week of the period.
    pub weeks: Vec<DistanceWeek>,
    /// Trend of the weekly median.
    pub median_trend: Trend,
    /// Trend of the weekly 10th percentile.
    pub p10_trend: Trend,
}

/// Events per distance band in one week.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RingWeek {
    /// The week.
    pub span: WeekSpan,
    /// One entry per band, in the order of the bands.
    pub bands: Vec<Evidence>,
    /// Events farther than the last edge.
    pub beyond: u32,
    /// Armed violence that may belong to this week but could not be placed in a band.
    pub left_out: LeftOut,
}

/// Armed violence per week in distance bands around the focus.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Rings {
    /// Bands as (from km, to km): [from, to) except the last, [from, to].
    pub bands: Vec<(f64, f64)>,
    /// One entry per ISO week of the period.
    pub weeks: Vec<RingWeek>,
}

/// Measured events and left-out counts of consecutive weeks.
struct Buckets<'a> {
    spans: Vec<WeekSpan>,
    /// Per week: (position in the set, event, polar).
    measured: Vec<Vec<(usize, &'a Event, Polar)>>,
    left_out: Vec<LeftOut>,
}

/// Sort armed violence into the weeks from the one holding `from` to the period's end.
fn buckets<'a>(set: &EventSet<'a>, from: Day, end: Day) -> Buckets<'a> {
    let spans = weeks_between(from, end);
    let mut measured = vec![Vec::new(); spans.len()];
    let Some(first) = spans.first().map(|s| s.first) else {
        return Buckets { spans, measured, left_out: Vec::new() };
    };
    let mut left_out = WeeklyLeftOut::new(first, end, spans.len());
    for (i, event, polar) in set.iter().filter(|(_, e, _)| e.is_armed_violence()) {
        match (dated_use(event, first, end, true), polar) {
            (Use::Yes(day), Some(polar)) => measured[(first.days_until(day) / 7) as usize].push((i, event, polar)),
            (Use::LeftOut(reason), _) => left_out.add(event, reason),
            _ => {}
        }
    }
    Buckets { spans, measured, left_out: left_out.finish() }
}

/// The weekly distances over the period and their trends over the last `trend_weeks` weeks
/// (which may reach back before the period's start).
pub fn distance(set: &EventSet<'_>, query: &Query) -> DistanceSeries {
    distance_from(set, &buckets(set, distance_from_day(query), query.period().end()), query)
}

/// Distances and rings from one pass over the events (what [`crate::compute`] uses).
pub fn distance_and_rings(set: &EventSet<'_>, query: &Query) -> (DistanceSeries, Rings) {
    let all = buckets(set, distance_from_day(query), query.period().end());
    (distance_from(set, &all, query), rings_from(set, &all, query))
}

/// The first day the distance series needs: the period's, or the trend window's if earlier.
fn distance_from_day(query: &Query) -> Day {
    let period = query.period();
    let trend_weeks = query.config().trend_weeks as i32;
    period.start().min(period.end().iso_week().monday().plus(-7 * (trend_weeks - 1)))
}

fn distance_from(set: &EventSet<'_>, all: &Buckets<'_>, query: &Query) -> DistanceSeries {
    let trend_weeks = query.config().trend_weeks;
    let weeks: Vec<DistanceWeek> = all
        .spans
        .iter()
        .zip(&all.measured)
        .zip(&all.left_out)
        .map(|((span, measured), left_out)| distance_week(set, *span, measured.clone(), *left_out))
        .collect();
    let window = &weeks[weeks.len().saturating_sub(trend_weeks)..];
    let median_trend = trend(window, Statistic::Median);
    let p10_trend = trend(window, Statistic::P10);
    let first_of_period = query.period().start().iso_week();
    let weeks = weeks.into_iter().filter(|w| w.span.week >= first_of_period).collect();
    DistanceSeries { weeks, median_trend, p10_trend }
}

fn distance_week(
    set: &EventSet<'_>,
    span: WeekSpan,
    mut measured: Vec<(usize, &Event, Polar)>,
    left_out: LeftOut,
) -> DistanceWeek {
    measured.sort_by(|a, b| a.2.km.total_cmp(&b.2.km).then(a.1.id.cmp(&b.1.id)));
    let kms: Vec<f64> = measured.iter().map(|(_, _, p)| p.km).collect();
    let mut gather = Gather::default();
    measured.iter().for_each(|(i, _, _)| gather.push(*i));
    DistanceWeek {
        span,
        p10_km: percentile(&kms, 0.1),
        median_km: percentile(&kms, 0.5),
        nearest: measured.first().map(|(_, e, p)| (e.id, p.km)),
        evidence: set.evidence(gather),
        left_out,
    }
}

fn trend(window: &[DistanceWeek], statistic: Statistic) -> Trend {
    let points: Vec<(f64, f64)> = window
        .iter()
        .enumerate()
        .filter_map(|(x, w)| {
            let y = match statistic {
                Statistic::Median => w.median_km,
                Statistic::P10 => w.p10_km,
            };
            y.map(|y| (x as f64, y))
        })
        .collect();
    let fit = least_squares(&points);
    let direction = match fit.and_then(|f| f.slope_ci95) {
        None => Direction::TooFewWeeks,
        Some((_, hi)) if hi < 0.0 => Direction::Closer,
        Some((lo, _)) if lo > 0.0 => Direction::Farther,
        Some(_) => Direction::NoClearChange,
    };
    Trend { statistic, window: window.iter().map(|w| w.span).collect(), fit, direction }
}

/// Armed violence per week in the configured distance bands around the focus.
pub fn rings(set: &EventSet<'_>, query: &Query) -> Rings {
    rings_from(set, &buckets(set, query.period().start(), query.period().end()), query)
}

/// Rings of the period's weeks among `all` (which may start earlier).
fn rings_from(set: &EventSet<'_>, all: &Buckets<'_>, query: &Query) -> Rings {
    let edges = &query.config().ring_edges_km;
    let bands: Vec<(f64, f64)> = edges.windows(2).map(|w| (w[0], w[1])).collect();
    let first_of_period = query.period().start().iso_week();
    let weeks = all
        .spans
        .iter()
        .zip(&all.measured)
        .zip(&all.left_out)
        .filter(|((span, _), _)| span.week >= first_of_period)
        .map(|((span, measured), left_out)| {
            let mut counts = vec![Gather::default(); bands.len()];
            let mut beyond = 0;
            for (i, _, polar) in measured {
                match band_of(edges, polar.km) {
                    Some(band) => counts[band].push(*i),
                    None => beyond += 1,
                }
            }
            let bands = counts.into_iter().map(|g| set.evidence(g)).collect();
            RingWeek { span: *span, bands, beyond, left_out: *left_out }
        })
        .collect();
    Rings { bands, weeks }
}

/// The band holding `km`: [e_i, e_i+1), the last one closed.
fn band_of(edges: &[f64], km: f64) -> Option<usize> {
    let last = edges.len().checked_sub(2)?;
    if km > edges[last + 1] {
        return None;
    }
    Some(edges.windows(2).position(|w| km < w[1]).unwrap_or(last))
}

#[cfg(test)]
mod tests {
    use super::band_of;

    #[test]
    fn band_edges_are_half_open_except_the_last() {
        let edges = [0.0, 50.0, 100.0, 200.0, 400.0];
        assert_eq!(band_of(&edges, 0.0), Some(0));
        assert_eq!(band_of(&edges, 49.999), Some(0));
        assert_eq!(band_of(&edges, 50.0), Some(1));
        assert_eq!(band_of(&edges, 400.0), Some(3));
        assert_eq!(band_of(&edges, 400.001), None);
    }
}
