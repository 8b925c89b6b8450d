//! Conflict indicators over events, for a focus place and a period: how far armed violence is
//! from the focus and whether it is coming closer, how many events fall in distance rings,
//! which compass sectors around the focus saw violence, incidents along supply roads, units
//! newly reached by violence, ACLED-style surge and threat flags and change bands, and
//! emerging actors.
//!
//! Pure functions over a plain [`Event`] type the caller fills from what it stores; no IO,
//! no dependency on the rest of marsad. Every figure lists the events behind it and counts
//! the events it had to leave out, by reason (imprecise place, vague date, undated, unknown
//! unit). Each formula is written out, with its reference, in `docs/indicators.md`.

pub mod corridors;
pub mod date;
pub mod diffusion;
pub mod distance;
pub mod emerging;
pub mod encirclement;
pub mod event;
pub mod figures;
pub mod geo;
pub mod query;
pub mod stats;
pub mod trackers;

pub use corridors::CorridorFigures;
pub use date::{Dating, Day, IsoWeek, Month};
pub use diffusion::Diffusion;
pub use distance::{DistanceSeries, Rings};
pub use emerging::Emerging;
pub use encirclement::Encirclement;
pub use event::{ActorRef, Event, EventId, EventType, GeoPrecision, SubEventType};
pub use figures::{EventSet, Evidence, LeftOut, WeekSpan};
pub use geo::Point;
pub use query::{Config, Corridor, Period, Query, QueryError, Stop};
pub use trackers::Trackers;

use figures::{dated_use, Reason, Use};

/// Every indicator for one focus and period.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Indicators {
    /// The place distances and bearings are measured from.
    pub focus: Point,
    /// The days covered.
    pub period: Period,
    /// Weekly distances of armed violence to the focus, and their trends.
    pub distance: DistanceSeries,
    /// Weekly counts in distance bands.
    pub rings: Rings,
    /// Sectors around the focus closed in the last days.
    pub encirclement: Encirclement,
    /// Incidents along each road.
    pub corridors: Vec<CorridorFigures>,
    /// Units newly reached by armed violence.
    pub diffusion: Diffusion,
    /// Surge and threat flags, change bands.
    pub trackers: Trackers,
    /// Emerging actors.
    pub emerging: Emerging,
    /// The events of the period the figures could not fully use, by reason.
    pub left_out: LeftOutEvents,
}

/// Political violence and supply attacks of the period (or undated) that some figures had to
/// leave out, by reason, so they can be offered to the reader ("include undated").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LeftOutEvents {
    /// Armed violence or supply attacks dated in the period but placed only to a region or
    /// country: left out of the distance, ring, sector and corridor figures (still counted by
    /// unit).
    pub imprecise_place: Vec<EventId>,
    /// Dated only to a month or year that overlaps the period.
    pub vague_date: Vec<EventId>,
    /// Not dated.
    pub undated: Vec<EventId>,
}

/// The left-out events of the period, by reason (ids ascending): imprecise places among the
/// events the geometric figures read (armed violence and supply attacks), vague and missing
/// dates among those and political violence.
pub fn left_out_events(events: &[Event], period: Period) -> LeftOutEvents {
    let mut out = LeftOutEvents::default();
    for event in events.iter().filter(|e| e.is_political_violence() || e.supply_target) {
        let geometric = event.is_armed_violence() || event.supply_target;
        let list = match dated_use(event, period.start(), period.end(), geometric) {
            Use::LeftOut(Reason::Undated) => &mut out.undated,
            Use::LeftOut(Reason::VagueDate) => &mut out.vague_date,
            Use::LeftOut(_) => &mut out.imprecise_place,
            Use::Yes(_) | Use::Outside => continue,
        };
        list.push(event.id);
    }
    for list in [&mut out.imprecise_place, &mut out.vague_date, &mut out.undated] {
        list.sort_unstable();
    }
    out
}

/// Every indicator for the query's focus and period, over `events` and along `roads`.
pub fn compute(events: &[Event], roads: &[Corridor], query: &Query) -> Indicators {
    let set = EventSet::new(events, query.focus());
    let (distance, rings) = distance::distance_and_rings(&set, query);
    Indicators {
        focus: query.focus(),
        period: query.period(),
        distance,
        rings,
        encirclement: encirclement::encirclement(&set, query),
        corridors: corridors::corridors(&set, roads, query),
        diffusion: diffusion::diffusion(&set, query),
        trackers: trackers::trackers(&set, query),
        emerging: emerging::emerging(&set, query),
        left_out: left_out_events(events, query.period()),
    }
}
