//! Encirclement: which of the 16 compass sectors around the focus saw armed violence within
//! R km in the last 28 days, and the widest stretch of sectors that saw none.

use crate::date::Day;
use crate::event::EventId;
use crate::figures::{dated_use, EventSet, Evidence, Gather, LeftOut, Use};
use crate::query::Query;

/// Width of a sector, degrees.
pub const SECTOR_DEG: f64 = 22.5;

/// The 16 compass points, clockwise from north; sector i is centred on i × 22.5°.
pub const SECTOR_LABELS: [&str; 16] =
    ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"];

/// One compass sector and the events in it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Sector {
    /// 0 (N) to 15 (NNW).
    pub index: u8,
    /// Compass point.
    pub label: &'static str,
    /// First bearing, degrees (sector N runs from 348.75 to 11.25).
    pub from_deg: f64,
    /// Last bearing, degrees.
    pub to_deg: f64,
    /// The events in it.
    pub evidence: Evidence,
}

/// Consecutive sectors with no event.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct OpenArc {
    /// Bearing where it starts, going clockwise, degrees.
    pub from_deg: f64,
    /// Bearing where it ends, degrees.
    pub to_deg: f64,
    /// Number of sectors.
    pub sectors: u8,
    /// First sector's index.
    pub first: u8,
    /// Last sector's index (clockwise from `first`).
    pub last: u8,
}

/// Sectors around the focus closed by armed violence in the window.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Encirclement {
    /// First day of the window.
    pub from: Day,
    /// Last day (the period's last day).
    pub to: Day,
    /// Radius, km.
    pub radius_km: f64,
    /// The 16 sectors.
    pub sectors: Vec<Sector>,
    /// Sectors with at least one event.
    pub closed: u8,
    /// closed / 16.
    pub share_closed: f64,
    /// The widest run of empty sectors (the first clockwise from N among equals); `None` when
    /// every sector is closed.
    pub largest_open_arc: Option<OpenArc>,
    /// Events too close to the focus to have a direction (within `at_focus_km`).
    pub at_focus: Vec<EventId>,
    /// Armed violence in the window that could not be placed in a sector.
    pub left_out: LeftOut,
}

/// The sector holding a bearing in [0, 360).
pub fn sector_of(bearing_deg: f64) -> u8 {
    (((bearing_deg + SECTOR_DEG / 2.0).rem_euclid(360.0) / SECTOR_DEG) as u8).min(15)
}

/// The encirclement figure for the window ending on the period's last day.
pub fn encirclement(set: &EventSet<'_>, query: &Query) -> Encirclement {
    let config = query.config();
    let to = query.period().end();
    let from = to.plus(1 - config.encirclement_days);
    let mut gathered = vec![Gather::default(); 16];
    let mut at_focus = Vec::new();
    let mut left_out = LeftOut::default();
    for (i, event, polar) in set.iter().filter(|(_, e, _)| e.is_armed_violence()) {
        match (dated_use(event, from, to, true), polar) {
            (Use::Yes(_), Some(polar)) if polar.km <= config.encirclement_radius_km => {
                if polar.km < config.at_focus_km {
                    at_focus.push(event.id);
                } else {
                    gathered[sector_of(polar.bearing) as usize].push(i);
                }
            }
            (Use::LeftOut(reason), _) => left_out.add(reason),
            _ => {}
        }
    }
    at_focus.sort_unstable();
    let sectors: Vec<Sector> = gathered
        .into_iter()
        .enumerate()
        .map(|(i, gather)| {
            let evidence = set.evidence(gather);
            let centre = i as f64 * SECTOR_DEG;
            Sector {
                index: i as u8,
                label: SECTOR_LABELS[i],
                from_deg: (centre - SECTOR_DEG / 2.0).rem_euclid(360.0),
                to_deg: centre + SECTOR_DEG / 2.0,
                evidence,
            }
        })
        .collect();
    let open: Vec<bool> = sectors.iter().map(|s| s.evidence.is_empty()).collect();
    let closed = open.iter().filter(|o| !**o).count() as u8;
    Encirclement {
        from,
        to,
        radius_km: config.encirclement_radius_km,
        closed,
        share_closed: f64::from(closed) / 16.0,
        largest_open_arc: largest_open_arc(&open),
        sectors,
        at_focus,
        left_out,
    }
}

/// The longest circular run of `true`; among equals, the one starting at the lowest index.
pub fn largest_open_arc(open: &[bool]) -> Option<OpenArc> {
    let n = open.len();
    let mut best: Option<(usize, usize)> = None;
    for start in (0..n).filter(|&i| open[i] && !open[(i + n - 1) % n]) {
        let length = (0..n).take_while(|k| open[(start + k) % n]).count();
        if best.is_none_or(|(s, l)| length > l || (length == l && start < s)) {
            best = Some((start, length));
        }
    }
    if best.is_none() && n > 0 && open.iter().all(|o| *o) {
        best = Some((0, n));
    }
    best.map(|(first, length)| {
        let last = (first + length - 1) % n;
        OpenArc {
            from_deg: (first as f64 * SECTOR_DEG - SECTOR_DEG / 2.0).rem_euclid(360.0),
            to_deg: (last as f64 * SECTOR_DEG + SECTOR_DEG / 2.0).rem_euclid(360.0),
            sectors: length as u8,
            first: first as u8,
            last: last as u8,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sectors_are_centred_on_the_compass_points() {
        assert_eq!(sector_of(0.0), 0);
        assert_eq!(sector_of(11.24), 0);
        assert_eq!(sector_of(11.25), 1);
        assert_eq!(sector_of(348.75), 0);
        assert_eq!(sector_of(348.74), 15);
        assert_eq!(sector_of(90.0), 4);
        assert_eq!(sector_of(359.999_999), 0);
    }

    #[test]
    fn open_arcs_wrap_around_north() {
        let mut open = [false; 16];
        open[15] = true;
        open[0] = true;
        open[1] = true;
        open[6] = true;
        let arc = largest_open_arc(&open).expect("arc");
        assert_eq!((arc.first, arc.last, arc.sectors), (15, 1, 3));
        assert_eq!((arc.from_deg, arc.to_deg), (326.25, 33.75));
        assert_eq!(largest_open_arc(&[false; 16]), None);
        let all = largest_open_arc(&[true; 16]).expect("arc");
        assert_eq!((all.sectors, all.from_deg, all.to_deg), (16, 348.75, 348.75));
    }
}
