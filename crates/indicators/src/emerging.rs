//! Emerging actors: non-state armed actors in political violence during the period that were
//! not active in the 12 months before it (ACLED's Emerging Actor Tracker), or whose activity
//! rose sharply.

use crate::date::Day;
use crate::figures::{EventSet, Evidence, Gather, LeftOut, Reason};
use crate::query::Query;
use crate::trackers::{LOW_BASELINE_MEAN, LOW_CURRENT_COUNT};
use rustc_hash::FxHashMap as HashMap;

/// Why an actor is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Emergence {
    /// Never seen before the period in the events given.
    New,
    /// Seen before, but not in the baseline window.
    Returning,
    /// Active in the baseline too, but the period's count is at least the flag factor times
    /// what the baseline rate predicts for a period of this length.
    SharpRise,
}

/// One emerging actor.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EmergingActor {
    /// The actor's id.
    pub actor: String,
    /// Why it is listed.
    pub emergence: Emergence,
    /// Its political violence in the period.
    pub evidence: Evidence,
    /// Its events in the baseline window.
    pub baseline_events: u32,
    /// Events the baseline rate predicts for the period: baseline events × period days /
    /// baseline days.
    pub expected: f64,
    /// The last day it was seen before the baseline window (returning actors).
    pub last_before: Option<Day>,
}

/// Emerging actors of the period.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Emerging {
    /// First day of the baseline window.
    pub baseline_from: Day,
    /// Last day of the baseline window (the day before the period).
    pub baseline_to: Day,
    /// The actors: new first, then returning, then sharp rises; by id within each.
    pub actors: Vec<EmergingActor>,
    /// Political violence with a non-state actor that may fall in the period but is dated too
    /// vaguely or not at all.
    pub left_out: LeftOut,
}

#[derive(Default)]
struct Record {
    in_period: Vec<usize>,
    baseline: u32,
    last_before: Option<Day>,
}

/// The emerging actors of the period.
///
/// An event counts in the period when its whole date interval lies in it (a month-dated event
/// of a month inside the period counts); it counts in the baseline when its interval overlaps
/// the baseline window.
pub fn emerging(set: &EventSet<'_>, query: &Query) -> Emerging {
    let events = set.events();
    let config = query.config();
    let (start, end) = (query.period().start(), query.period().end());
    let (baseline_from, baseline_to) = (start.plus(-config.baseline_days), start.plus(-1));
    let mut records: HashMap<&str, Record> = HashMap::default();
    let mut left_out = LeftOut::default();
    for (i, event) in events.iter().enumerate().filter(|(_, e)| e.is_political_violence()) {
        // Each non-state actor once, even when listed twice (actor and associated actor).
        let actors = || {
            event.actors.iter().enumerate().filter(|(k, a)| {
                a.non_state && !event.actors[..*k].iter().any(|earlier| earlier.non_state && earlier.id == a.id)
            })
        };
        if actors().next().is_none() {
            continue;
        }
        let Some((first, last)) = event.dating.interval() else {
            left_out.add(Reason::Undated);
            continue;
        };
        let inside = first >= start && last <= end;
        if !inside && first <= end && last >= start {
            left_out.add(Reason::VagueDate);
        }
        for (_, actor) in actors() {
            let record = records.entry(actor.id.as_str()).or_default();
            if inside {
                record.in_period.push(i);
            } else if first <= baseline_to && last >= baseline_from {
                record.baseline += 1;
            } else if last < baseline_from {
                record.last_before = record.last_before.max(Some(last));
            }
        }
    }
    let period_days = f64::from(query.period().days());
    let mut actors: Vec<EmergingActor> = records
        .into_iter()
        .filter(|(_, r)| !r.in_period.is_empty())
        .filter_map(|(id, record)| {
            let expected = f64::from(record.baseline) * period_days / f64::from(config.baseline_days);
            let current = record.in_period.len() as u32;
            let emergence = if record.baseline == 0 {
                if record.last_before.is_some() {
                    Emergence::Returning
                } else {
                    Emergence::New
                }
            } else if f64::from(current) >= config.flag_factor * expected
                && !(expected <= LOW_BASELINE_MEAN && current <= LOW_CURRENT_COUNT)
            {
                Emergence::SharpRise
            } else {
                return None;
            };
            let mut gather = Gather::default();
            record.in_period.iter().for_each(|i| gather.push(*i));
            let evidence = set.evidence(gather);
            let baseline_events = record.baseline;
            Some(EmergingActor {
                actor: id.to_string(),
                emergence,
                evidence,
                baseline_events,
                expected,
                last_before: record.last_before,
            })
        })
        .collect();
    let rank = |e: Emergence| match e {
        Emergence::New => 0,
        Emergence::Returning => 1,
        Emergence::SharpRise => 2,
    };
    actors.sort_by(|a, b| (rank(a.emergence), &a.actor).cmp(&(rank(b.emergence), &b.actor)));
    Emerging { baseline_from, baseline_to, actors, left_out }
}
