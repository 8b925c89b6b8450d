//! What every figure carries: the events behind it, and how many were left out and why.
//! Also the week spans series are cut into, and the prepared event set the figures read.

use crate::date::{Dating, Day, IsoWeek};
use crate::event::{Event, EventId};
use crate::geo::{bearing_deg, distance_km, Point};

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
    /// Add an event.
    pub fn push(&mut self, event: &Event) {
        self.events.push(event.id);
        self.fatalities += u64::from(event.fatalities);
        self.outlets.extend(event.outlets.iter().cloned());
    }

    /// Sort ids and outlets; call once all events are in.
    pub fn finish(&mut self) {
        self.events.sort_unstable();
        self.events.dedup();
        self.outlets.sort_unstable();
        self.outlets.dedup();
    }

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
    let mut weeks = Vec::new();
    let mut monday = from.iso_week().monday();
    while monday <= end {
        let sunday = monday.plus(6);
        weeks.push(WeekSpan { week: monday.iso_week(), first: monday, last: sunday.min(end), complete: sunday <= end });
        monday = monday.plus(7);
    }
    weeks
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

/// Distance and bearing of an event from the focus.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Polar {
    /// Great-circle distance, km.
    pub km: f64,
    /// Initial bearing from the focus, degrees in [0, 360).
    pub bearing: f64,
}

/// The events with, for each precisely placed one, its distance and bearing from the focus
/// (computed once, read by the distance, ring and sector figures).
#[derive(Debug, Clone)]
pub struct EventSet<'a> {
    events: &'a [Event],
    polar: Vec<Option<Polar>>,
}

impl<'a> EventSet<'a> {
    /// Prepare `events` for figures about `focus`.
    pub fn new(events: &'a [Event], focus: Point) -> EventSet<'a> {
        let polar = events
            .iter()
            .map(|e| e.precise_point().map(|p| Polar { km: distance_km(focus, p), bearing: bearing_deg(focus, p) }))
            .collect();
        EventSet { events, polar }
    }

    /// The events.
    pub fn events(&self) -> &'a [Event] {
        self.events
    }

    /// Each event with its distance and bearing from the focus, if precisely placed.
    pub(crate) fn with_polar(&self) -> impl Iterator<Item = (&'a Event, Option<Polar>)> + '_ {
        self.events.iter().zip(self.polar.iter().copied())
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
