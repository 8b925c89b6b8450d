//! Diffusion: second-level units (cercles, provinces, departments) with armed violence in the
//! period and none in the 12 months before it.

use crate::date::Day;
use crate::figures::{dated_use, EventSet, Evidence, Gather, LeftOut, Reason, Use};
use crate::query::Query;
use rustc_hash::FxHashMap as HashMap;

/// A unit newly reached by armed violence.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct NewUnit {
    /// The second-level unit.
    pub admin2: String,
    /// Its first-level unit, as the events give it.
    pub admin1: Option<String>,
    /// Day of its first armed violence in the period.
    pub first: Day,
    /// Armed violence in it during the period.
    pub evidence: Evidence,
    /// Its last armed violence before the baseline window, if any (a return after a long
    /// calm rather than a first time in the data).
    pub last_before: Option<Day>,
}

/// Units newly reached in the period.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Diffusion {
    /// First day of the baseline window.
    pub baseline_from: Day,
    /// Last day of the baseline window (the day before the period).
    pub baseline_to: Day,
    /// The units, by first day then id.
    pub new_units: Vec<NewUnit>,
    /// Armed violence in the period that could not be attributed to a unit and day.
    pub left_out: LeftOut,
}

#[derive(Default)]
struct Unit {
    admin1: Option<String>,
    in_period: Vec<(Day, usize)>,
    in_baseline: bool,
    last_before: Option<Day>,
}

/// The units with armed violence in the period and none in the baseline window.
///
/// An event with a vague date that overlaps the baseline window counts as baseline violence
/// (no unit is called new on a doubt); undated events are only counted as left out.
pub fn diffusion(set: &EventSet<'_>, query: &Query) -> Diffusion {
    let (start, end) = (query.period().start(), query.period().end());
    let baseline_from = start.plus(-query.config().baseline_days);
    let baseline_to = start.plus(-1);
    let events = set.events();
    let mut units: HashMap<&str, Unit> = HashMap::default();
    let mut left_out = LeftOut::default();
    for (i, event) in events.iter().enumerate().filter(|(_, e)| e.is_armed_violence()) {
        let in_period = dated_use(event, start, end, false);
        let Some(admin2) = event.admin2.as_deref() else {
            match in_period {
                Use::Yes(_) => left_out.add(Reason::UnknownUnit),
                Use::LeftOut(reason) => left_out.add(reason),
                Use::Outside => {}
            }
            continue;
        };
        let unit = units.entry(admin2).or_default();
        match in_period {
            Use::Yes(day) => {
                unit.in_period.push((day, i));
                if unit.admin1.is_none() {
                    unit.admin1.clone_from(&event.admin1);
                }
            }
            Use::LeftOut(reason) => left_out.add(reason),
            Use::Outside => {}
        }
        if let Some((first, last)) = event.dating.interval() {
            if first <= baseline_to && last >= baseline_from {
                unit.in_baseline = true;
            } else if last < baseline_from {
                unit.last_before = unit.last_before.max(Some(last));
            }
        }
    }
    let mut new_units: Vec<NewUnit> = units
        .into_iter()
        .filter(|(_, u)| !u.in_period.is_empty() && !u.in_baseline)
        .map(|(admin2, unit)| {
            let mut gather = Gather::default();
            unit.in_period.iter().for_each(|(_, i)| gather.push(*i));
            let evidence = set.evidence(gather);
            let first = unit.in_period.iter().map(|(day, _)| *day).min().unwrap_or(start);
            NewUnit { admin2: admin2.to_string(), admin1: unit.admin1, first, evidence, last_before: unit.last_before }
        })
        .collect();
    new_units.sort_by(|a, b| (a.first, &a.admin2).cmp(&(b.first, &b.admin2)));
    Diffusion { baseline_from, baseline_to, new_units, left_out }
}
