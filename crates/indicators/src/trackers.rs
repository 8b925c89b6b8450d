//! ACLED-style surge and threat flags and Trendfinder change bands, per first- and
//! second-level administrative unit.
//!
//! The latest week is the last complete ISO week ending on or before the period's last day;
//! the latest month the last complete calendar month. Counted events: political violence as
//! ACLED's trackers count it ([`Event::is_political_violence`]).

use crate::date::{Dating, Day, Month};
use crate::event::Event;
use crate::figures::{EventSet, Evidence, Gather, LeftOut, Reason, WeekSpan};
use crate::query::Query;
use rustc_hash::FxHashMap as HashMap;

/// Trendfinder's change bands: above +25% a large increase, above +10% a moderate one, from
/// −25% to +10% limited change, below −25% a large decrease.
pub const LARGE_INCREASE_PERCENT: f64 = 25.0;
/// See [`LARGE_INCREASE_PERCENT`].
pub const MODERATE_INCREASE_PERCENT: f64 = 10.0;
/// See [`LARGE_INCREASE_PERCENT`].
pub const LARGE_DECREASE_PERCENT: f64 = -25.0;
/// Trendfinder's low-activity rule: a baseline mean of at most this many events...
pub const LOW_BASELINE_MEAN: f64 = 2.0;
/// ...and at most this many in the latest week is "limited change", whatever the percentage.
pub const LOW_CURRENT_COUNT: u32 = 5;

/// Which administrative level a row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Level {
    /// First-level unit (region).
    Admin1,
    /// Second-level unit (cercle, province, department).
    Admin2,
}

/// A count against the mean of the periods before it.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Flag {
    /// Events in the latest week or month.
    pub current: u32,
    /// Mean per week or month over the baseline.
    pub baseline_mean: f64,
    /// The baseline mean reaches the minimum (ACLED's: at least one event on average).
    pub eligible: bool,
    /// Eligible, and the current count is at least the flag factor times the baseline mean.
    pub flagged: bool,
}

/// A Trendfinder change band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum ChangeBand {
    /// More than +25%.
    LargeIncrease,
    /// More than +10%, up to +25%.
    ModerateIncrease,
    /// From −25% to +10%, or too little activity to tell.
    LimitedChange,
    /// Less than −25%.
    LargeDecrease,
}

/// The latest week against a baseline mean, in percent and band.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Change {
    /// Events in the latest week.
    pub current: u32,
    /// Mean per week over the baseline.
    pub baseline_mean: f64,
    /// (current − mean) / mean × 100; `None` when the mean is 0.
    pub percent: Option<f64>,
    /// Its band.
    pub band: ChangeBand,
}

/// The flags and bands of one unit.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct UnitFlags {
    /// The unit's id.
    pub unit: String,
    /// Events of the latest week.
    pub last_week: Evidence,
    /// Surge: the latest week against the mean of the weeks before (ACLED: 4).
    pub surge: Flag,
    /// Events of the latest month.
    pub last_month: Evidence,
    /// Threat: the latest month against the mean of the months before (ACLED: 12).
    pub threat: Flag,
    /// Trendfinder against the previous month (the surge baseline's weeks).
    pub change_vs_month: Change,
    /// Trendfinder against the previous year (52 weeks).
    pub change_vs_year: Change,
    /// Its events that may fall in the weekly windows but are dated too vaguely or not at all.
    pub left_out_weekly: LeftOut,
    /// The same for the monthly windows (a month is precise enough there).
    pub left_out_monthly: LeftOut,
}

/// Flags and bands for every unit with events in the windows.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Trackers {
    /// The latest complete week.
    pub week: WeekSpan,
    /// The latest complete month.
    pub month: Month,
    /// First-level units, by id.
    pub admin1: Vec<UnitFlags>,
    /// Second-level units, by id.
    pub admin2: Vec<UnitFlags>,
    /// Events in the windows without a first-level unit.
    pub unknown_admin1: u32,
    /// Events in the windows without a second-level unit.
    pub unknown_admin2: u32,
}

/// The windows: week 0 is the latest, week i the i-th before it; the same for months.
struct Windows {
    week0: Day,
    weeks: usize,
    month0: Month,
    months: usize,
    /// First and last day of all the weekly windows.
    weekly: (Day, Day),
    /// First and last day of all the monthly windows.
    monthly: (Day, Day),
}

impl Windows {
    /// Index of the week holding `day`, if within the windows.
    fn week(&self, day: Day) -> Option<usize> {
        let back = day.days_until(self.week0.plus(6));
        (back >= 0 && (back as usize) < 7 * self.weeks).then_some(back as usize / 7)
    }

    /// Index of `month`, if within the windows.
    fn month(&self, month: Month) -> Option<usize> {
        let back = (self.month0.year() - month.year()) * 12 + self.month0.month() as i32 - month.month() as i32;
        (back >= 0 && (back as usize) < self.months).then_some(back as usize)
    }

    fn new(week0: Day, weeks: usize, month0: Month, months: usize) -> Windows {
        let mut first_month = month0;
        (1..months).for_each(|_| first_month = first_month.previous());
        Windows {
            week0,
            weeks,
            month0,
            months,
            weekly: (week0.plus(-7 * (weeks as i32 - 1)), week0.plus(6)),
            monthly: (first_month.first_day(), month0.last_day()),
        }
    }
}

#[derive(Default)]
struct Unit {
    weeks: Vec<u32>,
    months: Vec<u32>,
    last_week: Vec<usize>,
    last_month: Vec<usize>,
    left_out_weekly: LeftOut,
    left_out_monthly: LeftOut,
}

/// Surge and threat flags and change bands per unit.
pub fn trackers(set: &EventSet<'_>, query: &Query) -> Trackers {
    let events = set.events();
    let config = query.config();
    let end = query.period().end();
    let week0 = if end.weekday() == 6 { end.iso_week().monday() } else { end.iso_week().monday().plus(-7) };
    let month0 = if end.plus(1).month() != end.month() { end.month() } else { end.month().previous() };
    let weeks = 1 + config.surge_baseline_weeks.max(config.change_year_weeks);
    let windows = Windows::new(week0, weeks, month0, 1 + config.threat_baseline_months);
    let mut admin1: HashMap<&str, Unit> = HashMap::default();
    let mut admin2: HashMap<&str, Unit> = HashMap::default();
    let (mut unknown_admin1, mut unknown_admin2) = (0, 0);
    for (i, event) in events.iter().enumerate().filter(|(_, e)| e.is_political_violence()) {
        let placement = place(event, &windows);
        if placement.is_empty() {
            continue;
        }
        for (unit, table, unknown) in [
            (event.admin1.as_deref(), &mut admin1, &mut unknown_admin1),
            (event.admin2.as_deref(), &mut admin2, &mut unknown_admin2),
        ] {
            match unit {
                Some(id) => placement.record(i, table.entry(id).or_insert_with(|| Unit::new(&windows))),
                None => *unknown += 1,
            }
        }
    }
    let rows = |table: HashMap<&str, Unit>| {
        let mut rows: Vec<UnitFlags> = table.into_iter().map(|(id, unit)| unit.flags(id, set, query)).collect();
        rows.sort_by(|a, b| a.unit.cmp(&b.unit));
        rows
    };
    let week = WeekSpan { week: week0.iso_week(), first: week0, last: week0.plus(6), complete: true };
    Trackers { week, month: month0, admin1: rows(admin1), admin2: rows(admin2), unknown_admin1, unknown_admin2 }
}

/// Where one event falls in the windows.
struct Placement {
    week: Option<usize>,
    month: Option<usize>,
    weekly_reason: Option<Reason>,
    monthly_reason: Option<Reason>,
}

impl Placement {
    fn is_empty(&self) -> bool {
        self.week.is_none() && self.month.is_none() && self.weekly_reason.is_none() && self.monthly_reason.is_none()
    }

    fn record(&self, index: usize, unit: &mut Unit) {
        if let Some(w) = self.week {
            unit.weeks[w] += 1;
            if w == 0 {
                unit.last_week.push(index);
            }
        }
        if let Some(m) = self.month {
            unit.months[m] += 1;
            if m == 0 {
                unit.last_month.push(index);
            }
        }
        self.weekly_reason.into_iter().for_each(|r| unit.left_out_weekly.add(r));
        self.monthly_reason.into_iter().for_each(|r| unit.left_out_monthly.add(r));
    }
}

fn place(event: &Event, windows: &Windows) -> Placement {
    let overlaps = |(a, b): (Day, Day), interval: Option<(Day, Day)>| interval.is_some_and(|(x, y)| x <= b && y >= a);
    let interval = event.dating.interval();
    let (weekly, monthly) = (windows.weekly, windows.monthly);
    let mut placement = Placement { week: None, month: None, weekly_reason: None, monthly_reason: None };
    match event.dating {
        Dating::Day(day) | Dating::Week(day) => {
            placement.week = windows.week(day);
            placement.month = windows.month(day.month());
        }
        Dating::Month(month) => {
            placement.month = windows.month(month);
            placement.weekly_reason = overlaps(weekly, interval).then_some(Reason::VagueDate);
        }
        Dating::Year(_) => {
            placement.weekly_reason = overlaps(weekly, interval).then_some(Reason::VagueDate);
            placement.monthly_reason = overlaps(monthly, interval).then_some(Reason::VagueDate);
        }
        Dating::Undated => {
            placement.weekly_reason = Some(Reason::Undated);
            placement.monthly_reason = Some(Reason::Undated);
        }
    }
    placement
}

impl Unit {
    fn new(windows: &Windows) -> Unit {
        Unit { weeks: vec![0; windows.weeks], months: vec![0; windows.months], ..Unit::default() }
    }

    fn flags(self, id: &str, set: &EventSet<'_>, query: &Query) -> UnitFlags {
        let config = query.config();
        let evidence = |indices: &[usize]| {
            let mut gather = Gather::default();
            indices.iter().for_each(|i| gather.push(*i));
            set.evidence(gather)
        };
        let baseline = |counts: &[u32], n: usize| counts[1..=n].iter().sum::<u32>() as f64 / n as f64;
        let flag = |counts: &[u32], n: usize| {
            let (current, mean) = (counts[0], baseline(counts, n));
            let eligible = mean >= config.min_baseline_mean;
            Flag {
                current,
                baseline_mean: mean,
                eligible,
                flagged: eligible && f64::from(current) >= config.flag_factor * mean,
            }
        };
        let change = |n: usize| change(self.weeks[0], baseline(&self.weeks, n));
        UnitFlags {
            unit: id.to_string(),
            last_week: evidence(&self.last_week),
            surge: flag(&self.weeks, config.surge_baseline_weeks),
            last_month: evidence(&self.last_month),
            threat: flag(&self.months, config.threat_baseline_months),
            change_vs_month: change(config.surge_baseline_weeks),
            change_vs_year: change(config.change_year_weeks),
            left_out_weekly: self.left_out_weekly,
            left_out_monthly: self.left_out_monthly,
        }
    }
}

/// The Trendfinder band of `current` against a baseline mean.
pub fn change(current: u32, baseline_mean: f64) -> Change {
    let percent = (baseline_mean > 0.0).then(|| (f64::from(current) - baseline_mean) / baseline_mean * 100.0);
    let band = if baseline_mean <= LOW_BASELINE_MEAN && current <= LOW_CURRENT_COUNT {
        ChangeBand::LimitedChange
    } else {
        match percent {
            None => ChangeBand::LargeIncrease,
            Some(p) if p > LARGE_INCREASE_PERCENT => ChangeBand::LargeIncrease,
            Some(p) if p > MODERATE_INCREASE_PERCENT => ChangeBand::ModerateIncrease,
            Some(p) if p >= LARGE_DECREASE_PERCENT => ChangeBand::LimitedChange,
            Some(_) => ChangeBand::LargeDecrease,
        }
    };
    Change { current, baseline_mean, percent, band }
}
