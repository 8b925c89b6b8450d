//! What to compute: a focus point, a period, the parameters of the formulas, and the roads.
//!
//! Everything here is checked when it is built, so the computations cannot fail.

use crate::date::Day;
use crate::geo::Point;
use std::fmt;

/// A query or corridor that cannot be computed, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryError(pub String);

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for QueryError {}

/// The days a report covers, first and last included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Period {
    start: Day,
    end: Day,
}

impl Period {
    /// The longest period, in days (about 20 years): weekly series stay a few thousand weeks.
    pub const MAX_DAYS: i32 = 7305;

    /// The period from `start` to `end`, both included, at most [`Period::MAX_DAYS`] long.
    pub fn new(start: Day, end: Day) -> Result<Period, QueryError> {
        if start > end {
            return Err(QueryError(format!("period starts on {start}, after it ends on {end}")));
        }
        if start.days_until(end) >= Period::MAX_DAYS {
            return Err(QueryError(format!("period {start} to {end} is longer than {} days", Period::MAX_DAYS)));
        }
        Ok(Period { start, end })
    }

    /// First day.
    pub fn start(self) -> Day {
        self.start
    }

    /// Last day.
    pub fn end(self) -> Day {
        self.end
    }

    /// Number of days.
    pub fn days(self) -> i32 {
        self.start.days_until(self.end) + 1
    }
}

/// The parameters of the formulas (docs/indicators.md gives each with its reason).
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Ring edges in km, ascending from 0: bands are [e0, e1), [e1, e2), ... [e(n-1), en].
    pub ring_edges_km: Vec<f64>,
    /// Weeks of the distance trend.
    pub trend_weeks: usize,
    /// Radius of the encirclement figure, km.
    pub encirclement_radius_km: f64,
    /// Days of the encirclement window, ending on the period's last day.
    pub encirclement_days: i32,
    /// Events closer to the focus than this have no meaningful bearing: they are counted as
    /// "at the focus" and close no sector.
    pub at_focus_km: f64,
    /// How far from a road an incident counts as on it, km.
    pub corridor_buffer_km: f64,
    /// Weight of an event that struck a supply convoy or tanker in corridor scores.
    pub supply_weight: f64,
    /// Days before the period in which a unit must have had no armed violence to count as
    /// newly affected, and an actor no political violence to count as emerging.
    pub baseline_days: i32,
    /// Weeks averaged as the surge tracker's baseline (ACLED: 4).
    pub surge_baseline_weeks: usize,
    /// Months averaged as the threat tracker's baseline (ACLED: 12).
    pub threat_baseline_months: usize,
    /// Weeks averaged as the year-long change baseline (ACLED's Trendfinder: 52).
    pub change_year_weeks: usize,
    /// A flag is raised when the latest count is at least this many times the baseline mean
    /// (ACLED: 2, "an increase of 100% or more").
    pub flag_factor: f64,
    /// Units whose baseline mean is below this are not flagged (ACLED: a four-week average of
    /// at least one event).
    pub min_baseline_mean: f64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            ring_edges_km: vec![0.0, 50.0, 100.0, 200.0, 400.0],
            trend_weeks: 12,
            encirclement_radius_km: 200.0,
            encirclement_days: 28,
            at_focus_km: 1.0,
            corridor_buffer_km: 25.0,
            supply_weight: 2.0,
            baseline_days: 365,
            surge_baseline_weeks: 4,
            threat_baseline_months: 12,
            change_year_weeks: 52,
            flag_factor: 2.0,
            min_baseline_mean: 1.0,
        }
    }
}

impl Config {
    fn check(&self) -> Result<(), QueryError> {
        let edges = &self.ring_edges_km;
        let positive = |v: f64| v.is_finite() && v > 0.0;
        let problem = if edges.len() < 2 || edges[0] != 0.0 || !edges.windows(2).all(|w| w[1] > w[0]) {
            Some("ring edges must start at 0 and increase")
        } else if !edges.iter().all(|e| e.is_finite()) {
            Some("ring edges must be finite")
        } else if self.trend_weeks < 3 || self.trend_weeks > 520 {
            Some("the trend needs 3 to 520 weeks")
        } else if !positive(self.encirclement_radius_km) || !positive(self.corridor_buffer_km) {
            Some("radius and corridor buffer must be positive")
        } else if !(self.at_focus_km.is_finite() && self.at_focus_km >= 0.0) {
            Some("the at-focus distance must be 0 or more")
        } else if !(1..=3660).contains(&self.encirclement_days) || !(1..=36_600).contains(&self.baseline_days) {
            Some("windows must be 1 to 3,660 days, baselines 1 to 36,600")
        } else if !(self.supply_weight.is_finite() && self.supply_weight >= 1.0) {
            Some("the supply weight must be at least 1")
        } else if !(1..=520).contains(&self.surge_baseline_weeks)
            || !(1..=520).contains(&self.change_year_weeks)
            || !(1..=120).contains(&self.threat_baseline_months)
        {
            Some("baselines must be 1 to 520 weeks and 1 to 120 months")
        } else if !(self.flag_factor.is_finite() && self.flag_factor > 1.0) {
            Some("the flag factor must be above 1")
        } else if !(self.min_baseline_mean.is_finite() && self.min_baseline_mean >= 0.0) {
            Some("the minimum baseline mean must be 0 or more")
        } else {
            None
        };
        problem.map_or(Ok(()), |p| Err(QueryError(p.to_string())))
    }
}

/// A checked query: the focus, the period and the parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    focus: Point,
    period: Period,
    config: Config,
}

impl Query {
    /// The query, if the parameters make sense.
    pub fn new(focus: Point, period: Period, config: Config) -> Result<Query, QueryError> {
        config.check()?;
        Ok(Query { focus, period, config })
    }

    /// The place distances and bearings are measured from (usually a capital).
    pub fn focus(&self) -> Point {
        self.focus
    }

    /// The days covered.
    pub fn period(&self) -> Period {
        self.period
    }

    /// The parameters.
    pub fn config(&self) -> &Config {
        &self.config
    }
}

/// A named place on a road.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    /// The place's id (`ml.kati`).
    pub id: String,
    /// Where it is.
    pub point: Point,
}

/// A road as the indicators read it: its id and its places in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Corridor {
    id: String,
    stops: Vec<Stop>,
}

impl Corridor {
    /// The road, if it has at least two stops.
    pub fn new(id: impl Into<String>, stops: Vec<Stop>) -> Result<Corridor, QueryError> {
        let id = id.into();
        if stops.len() < 2 {
            return Err(QueryError(format!("corridor `{id}` needs at least 2 stops, it has {}", stops.len())));
        }
        Ok(Corridor { id, stops })
    }

    /// Its id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Its places in road order (at least two).
    pub fn stops(&self) -> &[Stop] {
        &self.stops
    }
}
