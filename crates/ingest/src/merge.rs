//! One incident reported by many documents is one event: when a new claim joins a stored
//! event, and what the event then says.
//!
//! A claim joins an event when the type agrees, the places lie within [`NEAR_KM`] (or, for a
//! claim placed only at region or country level, in the same country), the dates lie within
//! [`NEAR_DAYS`] days, and the doers agree (or one is unknown). Different doers still join
//! when place and date agree closely: the event is then disputed, each claim kept. The merged
//! version follows ACLED's conservative rule: the lowest credible fatality count.

use marsad_kb::KnowledgeBase;
#[cfg(test)]
use marsad_store::StoredEvent;
use marsad_store::{Claim, Source};
use marsad_text::dates::Date;

/// Places closer than this are the same place for merging.
pub const NEAR_KM: f64 = 30.0;
/// Places closer than this let differing doers still be one (disputed) incident.
pub const SAME_PLACE_KM: f64 = 10.0;
/// Dates closer than this (in days) can be one incident.
pub const NEAR_DAYS: i64 = 3;

/// Great-circle distance in km.
pub fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// The ids of the knowledge base's places within `radius` km of `centre` (lat, lon): what
/// "near X" means in filters, since every stored event sits at a knowledge-base place.
pub fn places_within(kb: &KnowledgeBase, centre: (f64, f64), radius: f64) -> Vec<String> {
    kb.places
        .iter()
        .filter(|p| p.lat.zip(p.lon).is_some_and(|c| km(centre, c) <= radius))
        .map(|p| p.id.clone())
        .collect()
}

/// The day range of a date string (YYYY-MM-DD, YYYY-MM or YYYY).
pub fn day_range(date: &str) -> Option<(i64, i64)> {
    Date::parse_iso(date).map(|d| d.day_range())
}

fn days_apart(a: &str, b: &str) -> Option<i64> {
    let ((a0, a1), (b0, b1)) = (day_range(a)?, day_range(b)?);
    Some(if a1 < b0 {
        b0 - a1
    } else if b1 < a0 {
        a0 - b1
    } else {
        0
    })
}

/// Why `claim` is the same incident as the event summarised by `summary`, or `None`.
pub fn joins(_kb: &KnowledgeBase, claim: &Claim, summary: &Claim) -> Option<String> {
    if claim.event_type != summary.event_type {
        return None;
    }
    let mut reasons = vec![format!("same event type ({})", claim.event_type)];
    let distance = match (claim.lat.zip(claim.lon), summary.lat.zip(summary.lon)) {
        (Some(a), Some(b)) => Some(km(a, b)),
        _ => None,
    };
    // A report placed only at region or country level cannot be pinned to one town's incident:
    // it joins only events placed at that same region or country.
    let coarse = claim.geo_precision >= 3 || summary.geo_precision >= 3;
    if coarse && claim.place != summary.place {
        return None;
    }
    match distance {
        Some(d) if d <= NEAR_KM => reasons.push(format!(
            "places {d:.0} km apart ({} / {})",
            claim.place.as_deref().unwrap_or("?"),
            summary.place.as_deref().unwrap_or("?")
        )),
        Some(_) => return None,
        None => {
            if claim.place.is_some() && summary.place.is_some() && claim.place != summary.place {
                return None;
            }
        }
    }
    let days = match (&claim.date, &summary.date) {
        (Some(a), Some(b)) => {
            let d = days_apart(a, b)?;
            if d > NEAR_DAYS {
                return None;
            }
            reasons.push(format!("dates {d} day(s) apart ({a} / {b})"));
            Some(d)
        }
        _ => None,
    };
    // Without a place or a date on one side, demand the rest agree exactly.
    let weak = distance.is_none() || days.is_none();
    match (&claim.actor1, &summary.actor1) {
        (Some(a), Some(b)) if a == b => reasons.push(format!("same actor1 ({a})")),
        (Some(a), Some(b)) => {
            let close = distance.is_some_and(|d| d <= SAME_PLACE_KM) && days.is_some_and(|d| d <= 1);
            if !close {
                return None;
            }
            reasons.push(format!("different actor1 ({a} / {b}) at the same place and time: disputed"));
        }
        _ if weak => return None,
        _ => reasons.push("actor1 unknown on one side".to_string()),
    }
    if weak && (claim.actor1.is_none() || claim.date != summary.date) {
        return None;
    }
    Some(reasons.join("; "))
}

/// The summary of an event after one more source: the lowest credible toll (ACLED's
/// conservative rule), the most precise place and date, the first known doer and target; the
/// sources disagree (sticky) when tolls, doers or outcomes differ.
pub fn absorb(summary: &Claim, disputed: bool, claim: &Claim) -> (Claim, bool) {
    let mut merged = summary.clone();
    let mut disputed = disputed;
    if let (Some(a), Some(b)) = (summary.fatalities, claim.fatalities) {
        disputed |= a != b;
    }
    merged.fatalities = match (summary.fatalities, claim.fatalities) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if let (Some(a), Some(b)) = (&summary.actor1, &claim.actor1) {
        disputed |= a != b;
    }
    disputed |= summary.foiled != claim.foiled;
    merged.actor1 = summary.actor1.clone().or_else(|| claim.actor1.clone());
    merged.actor2 = summary.actor2.clone().or_else(|| claim.actor2.clone());
    if claim.place.is_some() && (summary.place.is_none() || claim.geo_precision < summary.geo_precision) {
        merged.place = claim.place.clone();
        merged.lat = claim.lat;
        merged.lon = claim.lon;
        merged.geo_precision = claim.geo_precision;
    }
    let sooner_or_finer = match (&summary.date, &claim.date) {
        (None, Some(_)) => true,
        (Some(a), Some(b)) => {
            claim.time_precision < summary.time_precision || (claim.time_precision == summary.time_precision && b < a)
        }
        _ => false,
    };
    if sooner_or_finer {
        merged.date = claim.date.clone();
        merged.time_precision = claim.time_precision;
    }
    merged.confidence = summary.confidence.max(claim.confidence);
    merged.foiled = summary.foiled || claim.foiled;
    (merged, disputed)
}

/// The merged version of an event from its sources in order, and whether they disagree: the
/// same fold as [`absorb`], so recomputing after a deletion equals joining one by one.
pub fn summary(sources: &[Source]) -> Option<(Claim, bool)> {
    let first = sources.first()?;
    Some(
        sources[1..].iter().fold((first.claim.clone(), false), |(summary, disputed), source| {
            absorb(&summary, disputed, &source.claim)
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(place: &str, lat: f64, lon: f64, date: &str, actor1: Option<&str>, fatalities: Option<u64>) -> Claim {
        Claim {
            event_type: "Violence against civilians".into(),
            sub_event_type: "Attack".into(),
            actor1: actor1.map(str::to_string),
            actor2: Some("civilians".into()),
            place: Some(place.into()),
            lat: Some(lat),
            lon: Some(lon),
            geo_precision: 1,
            date: Some(date.into()),
            time_precision: if date.len() == 10 { 1 } else { 2 },
            fatalities,
            attributed_to: None,
            evidence_start: 0,
            evidence_end: 1,
            evidence_text: "x".into(),
            confidence: 0.5,
            foiled: false,
        }
    }

    fn event(claims: &[Claim]) -> StoredEvent {
        let sources: Vec<Source> = claims
            .iter()
            .enumerate()
            .map(|(i, c)| Source {
                doc_id: i as i64 + 1,
                doc_key: format!("d{i}"),
                outlet: None,
                published: None,
                story: i as i64 + 1,
                claim: c.clone(),
                reason: String::new(),
            })
            .collect();
        let (summary, disputed) = summary(&sources).expect("sources");
        StoredEvent { id: 1, summary, disputed, sources }
    }

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("valid knowledge base")
    }

    #[test]
    fn reports_near_in_place_and_time_join() {
        let kb = kb();
        let stored = event(&[claim("ml.kayes", 14.45, -11.44, "2025-09-06", Some("jnim"), Some(3))]);
        let reason =
            joins(&kb, &claim("ml.kayes", 14.45, -11.44, "2025-09-07", Some("jnim"), Some(5)), &stored.summary)
                .expect("joins");
        assert!(
            reason.contains("0 km apart") && reason.contains("1 day(s) apart") && reason.contains("same actor1 (jnim)"),
            "{reason}"
        );
    }

    #[test]
    fn far_places_or_dates_do_not_join() {
        let kb = kb();
        let stored = event(&[claim("ml.kayes", 14.45, -11.44, "2025-09-06", Some("jnim"), None)]);
        assert!(joins(&kb, &claim("ml.gao", 16.27, -0.04, "2025-09-06", Some("jnim"), None), &stored.summary).is_none());
        assert!(
            joins(&kb, &claim("ml.kayes", 14.45, -11.44, "2025-09-20", Some("jnim"), None), &stored.summary).is_none()
        );
    }

    #[test]
    fn the_lowest_credible_toll_wins_and_differences_are_disputed() {
        let stored = event(&[
            claim("ml.kayes", 14.45, -11.44, "2025-09-06", Some("jnim"), Some(12)),
            claim("ml.kayes", 14.45, -11.44, "2025-09-06", Some("jnim"), Some(3)),
            claim("ml.kayes", 14.45, -11.44, "2025-09-06", Some("jnim"), None),
        ]);
        assert_eq!(stored.summary.fatalities, Some(3));
        assert!(stored.disputed);
    }

    #[test]
    fn joining_one_by_one_equals_recomputing_from_all_sources() {
        let claims = [
            claim("ml.kayes", 14.45, -11.44, "2025-09", None, None),
            claim("ml.kayes", 14.45, -11.44, "2025-09-06", Some("jnim"), Some(12)),
            claim("ml.diboli", 14.46, -12.19, "2025-09-07", Some("issp"), Some(3)),
        ];
        let all = event(&claims);
        let (mut summary, mut disputed) = (claims[0].clone(), false);
        for c in &claims[1..] {
            (summary, disputed) = absorb(&summary, disputed, c);
        }
        assert_eq!((summary, disputed), (all.summary.clone(), all.disputed));
        assert_eq!(all.summary.date.as_deref(), Some("2025-09-06"), "the most precise date");
        assert_eq!(all.summary.actor1.as_deref(), Some("jnim"), "the first known doer");
    }

    #[test]
    fn a_different_doer_at_the_same_place_and_time_is_a_disputed_join() {
        let kb = kb();
        let stored = event(&[claim("ml.kayes", 14.45, -11.44, "2025-09-06", Some("jnim"), None)]);
        let reason = joins(&kb, &claim("ml.kayes", 14.45, -11.44, "2025-09-06", Some("issp"), None), &stored.summary)
            .expect("joins");
        assert!(reason.contains("disputed"), "{reason}");
    }
}
