//! What every figure carries: the events behind it, and how many were left out and why.
//! Also the week spans series are cut into, and the prepared event set the figures read.

use crate::date::{Dating, Day, IsoWeek};
use crate::event::{Event, EventId};
use crate::geo::{unit_vector, Frame, Point, Vector};
use rustc_hash::FxHashMap;

/// Why an event that might belong to a figure could not be used in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Only a region or country is known (geo precision 3), or no coordinates at all.
    ImprecisePlace,
    /// Only the month or the year is known, and it overlaps the figure's days.
    VagueDate,
    /// No date at all.
    Undated,
    /// The administrative unit the figure is about is not known for the event.
    UnknownUnit,
}

/// How many events were left out of a figure, by reason. An event is counted once, under the
/// first reason in this order: undated, vague date, imprecise place, unknown unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LeftOut {
    /// Placed only to a region or country, or not at all.
    pub imprecise_place: u32,
    /// Dated only to a month or a year overlapping the figure's days.
    pub vague_date: u32,
    /// Not dated.
    pub undated: u32,
    /// Administrative unit unknown.
    pub unknown_unit: u32,
}

impl LeftOut {
    /// Count one more event left out for this reason.
    pub fn add(&mut self, reason: Reason) {
        let slot = match reason {
            Reason::ImprecisePlace => &mut self.imprecise_place,
            Reason::VagueDate => &mut self.vague_date,
            Reason::Undated => &mut self.undated,
            Reason::UnknownUnit => &mut self.unknown_unit,
        };
        *slot += 1;
    }

    /// Events left out for any reason.
    pub fn total(&self) -> u32 {
        self.imprecise_place + self.vague_date + self.undated + self.unknown_unit
    }
}

/// The events behind a figure: their ids (ascending), total deaths and distinct outlets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Evidence {
    /// Event ids, ascending.
    pub events: Vec<EventId>,
    /// Sum of their reported deaths.
    pub fatalities: u64,
    /// The outlets that report them, sorted, each once.
    pub outlets: Vec<String>,
}

impl Evidence {
    /// Number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// No event.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }
}

/// One ISO week of a series, cut at the period's last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct WeekSpan {
    /// The ISO week.
    pub week: IsoWeek,
    /// Its Monday.
    pub first: Day,
    /// Its Sunday, or the period's last day if that comes first.
    pub last: Day,
    /// The whole week is observed (its Sunday is not after the period's end).
    pub complete: bool,
}

/// Consecutive ISO weeks from the one holding `from` to the one holding `end`, each cut at `end`.
pub fn weeks_between(from: Day, end: Day) -> Vec<WeekSpan> {
    let first = from.iso_week().monday();
    let count = if first > end { 0 } else { first.days_until(end) / 7 + 1 };
    (0..count)
        .map(|i| {
            let monday = first.plus(7 * i);
            let sunday = monday.plus(6);
            WeekSpan { week: monday.iso_week(), first: monday, last: sunday.min(end), complete: sunday <= end }
        })
        .collect()
}

/// Left-out counts of consecutive weeks, gathered in one pass: an undated event is counted
/// once for all weeks and a vaguely dated one once for its run of weeks (a difference array),
/// so the cost does not grow with the number of weeks.
pub(crate) struct WeeklyLeftOut {
    first: Day,
    end: Day,
    undated: u32,
    vague_starts: Vec<i64>,
    single: Vec<LeftOut>,
}

impl WeeklyLeftOut {
    /// For `weeks` weeks from the Monday `first`, the last cut at `end`.
    pub(crate) fn new(first: Day, end: Day, weeks: usize) -> WeeklyLeftOut {
        WeeklyLeftOut {
            first,
            end,
            undated: 0,
            vague_starts: vec![0; weeks + 1],
            single: vec![LeftOut::default(); weeks],
        }
    }

    fn week(&self, day: Day) -> usize {
        (self.first.days_until(day) / 7) as usize
    }

    /// Count an event left out for `reason` (by [`dated_use`] over the same weeks).
    pub(crate) fn add(&mut self, event: &Event, reason: Reason) {
        match reason {
            Reason::Undated => self.undated += 1,
            Reason::VagueDate => {
                if let Some((a, b)) = event.dating.interval() {
                    let (from, to) = (self.week(a.max(self.first)), self.week(b.min(self.end)));
                    self.vague_starts[from] += 1;
                    self.vague_starts[to + 1] -= 1;
                }
            }
            other => {
                if let Some(day) = event.dating.day_or_week() {
                    let week = self.week(day);
                    self.single[week].add(other);
                }
            }
        }
    }

    /// The counts of each week.
    pub(crate) fn finish(self) -> Vec<LeftOut> {
        let mut running = 0;
        let mut weeks = self.single;
        for (week, start) in weeks.iter_mut().zip(&self.vague_starts) {
            running += start;
            week.vague_date = running as u32;
            week.undated = self.undated;
        }
        weeks
    }
}

/// Whether and how an event can be used in a figure that needs a day or week date in
/// `[from, to]`, and a precise place when `needs_place`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    /// Usable; its day.
    Yes(Day),
    /// It might belong to the figure but cannot be used.
    LeftOut(Reason),
    /// It does not belong to the figure's days.
    Outside,
}

/// See [`Use`].
pub(crate) fn dated_use(event: &Event, from: Day, to: Day, needs_place: bool) -> Use {
    match event.dating {
        Dating::Undated => Use::LeftOut(Reason::Undated),
        Dating::Day(day) | Dating::Week(day) => {
            if day < from || day > to {
                Use::Outside
            } else if needs_place && event.precise_point().is_none() {
                Use::LeftOut(Reason::ImprecisePlace)
            } else {
                Use::Yes(day)
            }
        }
        vague => match vague.interval() {
            Some((first, last)) if first <= to && last >= from => Use::LeftOut(Reason::VagueDate),
            _ => Use::Outside,
        },
    }
}

/// Distance and bearing of an event from the focus, and its n-vector.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Polar {
    /// Great-circle distance, km.
    pub km: f64,
    /// Initial bearing from the focus, degrees in [0, 360).
    pub bearing: f64,
    /// The event's n-vector, for distances to roads.
    pub vector: Vector,
}

/// The events gathered for one figure (their positions in the [`EventSet`]), made into
/// [`Evidence`] once the figure is complete: gathering costs one push per event.
#[derive(Debug, Clone, Default)]
pub(crate) struct Gather(Vec<usize>);

impl Gather {
    /// Add the event at this position.
    pub(crate) fn push(&mut self, index: usize) {
        self.0.push(index);
    }
}

/// The events, prepared once for every figure: for each precisely placed one, its distance
/// and bearing from the focus and its n-vector; and the outlets, numbered.
#[derive(Debug, Clone)]
pub struct EventSet<'a> {
    events: &'a [Event],
    polar: Vec<Option<Polar>>,
    outlet_names: Vec<&'a str>,
    /// Outlet numbers of event i: `outlet_ids[outlet_start[i]..outlet_start[i + 1]]`.
    outlet_ids: Vec<u32>,
    outlet_start: Vec<usize>,
}

impl<'a> EventSet<'a> {
    /// Prepare `events` for figures about `focus`.
    pub fn new(events: &'a [Event], focus: Point) -> EventSet<'a> {
        let frame = Frame::new(focus);
        let polar = events
            .iter()
            .map(|e| {
                e.precise_point().map(|p| {
                    let vector = unit_vector(p);
                    let (km, bearing) = frame.polar(vector);
                    Polar { km, bearing, vector }
                })
            })
            .collect();
        let mut numbers: FxHashMap<&str, u32> = FxHashMap::default();
        let (mut outlet_names, mut outlet_ids, mut outlet_start) = (Vec::new(), Vec::new(), vec![0]);
        for event in events {
            for outlet in &event.outlets {
                let next = outlet_names.len() as u32;
                let number = *numbers.entry(outlet.as_str()).or_insert_with(|| {
                    outlet_names.push(outlet.as_str());
                    next
                });
                outlet_ids.push(number);
            }
            outlet_start.push(outlet_ids.len());
        }
        EventSet { events, polar, outlet_names, outlet_ids, outlet_start }
    }

    /// The events.
    pub fn events(&self) -> &'a [Event] {
        self.events
    }

    /// Each event's position, the event, and its distance and bearing from the focus if
    /// precisely placed.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (usize, &'a Event, Option<Polar>)> + '_ {
        self.events.iter().zip(self.polar.iter().copied()).enumerate().map(|(i, (e, p))| (i, e, p))
    }

    /// The evidence of the gathered events: ids ascending, deaths summed once per event,
    /// outlets by name, each once.
    pub(crate) fn evidence(&self, gather: Gather) -> Evidence {
        let mut indices = gather.0;
        indices.sort_unstable();
        indices.dedup();
        let mut events: Vec<EventId> = indices.iter().map(|&i| self.events[i].id).collect();
        events.sort_unstable();
        let fatalities = indices.iter().map(|&i| u64::from(self.events[i].fatalities)).sum();
        let mut numbers: Vec<u32> = indices
            .iter()
            .flat_map(|&i| &self.outlet_ids[self.outlet_start[i]..self.outlet_start[i + 1]])
            .copied()
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        let mut outlets: Vec<String> = numbers.iter().map(|&n| self.outlet_names[n as usize].to_string()).collect();
        outlets.sort_unstable();
        Evidence { events, fatalities, outlets }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_are_cut_at_the_end_and_marked_incomplete() {
        let start = Day::parse("2025-09-03").expect("day");
        let end = Day::parse("2025-09-17").expect("day");
        let weeks = weeks_between(start, end);
        let shown: Vec<String> =
            weeks.iter().map(|w| format!("{} {}..{} {}", w.week, w.first, w.last, w.complete)).collect();
        assert_eq!(
            shown,
            [
                "2025-W36 2025-09-01..2025-09-07 true",
                "2025-W37 2025-09-08..2025-09-14 true",
                "2025-W38 2025-09-15..2025-09-17 false"
            ]
        );
    }
}
