//! One incident told several times in a document is one event; contradicting claims about
//! it stay side by side, linked, never averaged.
//!
//! Two drafts tell the same incident when their types agree (or the later one only reports
//! deaths), their places agree (same place, one inside the other, or one unknown) and their
//! dates agree (same, or one unknown). The later draft then fills what the first lacks. When
//! both give a death toll, or a doer, and these differ, the later one is kept as a claim of
//! the first (`claim_of`), and both are marked `disputed`.

use crate::Event;
use marsad_kb::{KnowledgeBase, PlaceKind};

fn places_agree(kb: &KnowledgeBase, a: Option<u32>, b: Option<u32>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            if a == b {
                return true;
            }
            let (pa, pb) = (&kb.places[a as usize], &kb.places[b as usize]);
            let inside = |inner: &marsad_kb::Place, outer: &marsad_kb::Place| {
                inner.region.as_deref() == Some(outer.id.as_str())
                    || (outer.kind == PlaceKind::Country && inner.country == outer.country)
            };
            inside(pa, pb) || inside(pb, pa)
        }
        _ => true,
    }
}

fn dates_agree(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.starts_with(b.as_str()) || b.starts_with(a.as_str()),
        _ => true,
    }
}

fn same_incident(kb: &KnowledgeBase, first: &Event, later: &Event) -> bool {
    // Strategic developments are a catch-all: only the same kind of development is one incident.
    let same_kind = first.event_type == later.event_type
        && (first.event_type != "Strategic developments" || first.sub_event_type == later.sub_event_type);
    let types_agree = same_kind || later.frame == "kill" || first.frame == "kill";
    types_agree && places_agree(kb, first.place, later.place) && dates_agree(&first.date, &later.date)
}

/// Two sources disagree: each attributes its version, and the tolls or the doers differ.
fn contradicts(first: &Event, later: &Event) -> bool {
    let tolls = matches!((first.fatalities, later.fatalities), (Some(a), Some(b)) if a != b);
    let doers = matches!((first.actor1, later.actor1), (Some(a), Some(b)) if a != b)
        && first.actor1_strength >= 2
        && later.actor1_strength >= 2;
    let both_attributed = first.attributed_to.is_some() && later.attributed_to.is_some();
    (tolls && first.attributed_to != later.attributed_to)
        || (doers && both_attributed && first.attributed_to != later.attributed_to)
}

fn fill(into: &mut Event, from: &Event, kb: &KnowledgeBase) {
    if from.actor1.is_some() && from.actor1_strength > into.actor1_strength {
        into.actor1 = from.actor1;
        into.actor1_strength = from.actor1_strength;
    }
    into.actor2 = into.actor2.or(from.actor2);
    let more_precise = match (into.place, from.place) {
        (None, Some(_)) => true,
        (Some(a), Some(b)) => kb.places[b as usize].region.as_deref() == Some(kb.places[a as usize].id.as_str()),
        _ => false,
    };
    if more_precise {
        into.place = from.place;
        into.geo_precision = from.geo_precision;
    }
    if into.date.is_none() {
        into.date = from.date.clone();
        into.time_precision = from.time_precision;
    }
    into.fatalities = into.fatalities.or(from.fatalities);
    if into.attributed_to.is_none() {
        into.attributed_to = from.attributed_to.clone();
    }
    into.foiled |= from.foiled;
    into.confidence = into.confidence.max(from.confidence);
}

/// Merge the drafts of one document; background events go last.
pub fn merge(kb: &KnowledgeBase, drafts: Vec<Event>) -> Vec<Event> {
    let (background, current): (Vec<Event>, Vec<Event>) = drafts.into_iter().partition(|e| e.background);
    let mut kept: Vec<Event> = Vec::new();
    for draft in current {
        // The most recent event it may continue (same evidence sentence = a listed, separate incident).
        let mut target = kept.iter().rposition(|e| e.evidence != draft.evidence && same_incident(kb, e, &draft));
        if draft.anaphoric {
            // "this attack" points back to the last incident of its type, wherever its place was read.
            target = target.or_else(|| kept.iter().rposition(|e| e.event_type == draft.event_type));
            if target.is_none() {
                continue;
            }
        }
        match target {
            Some(index) if contradicts(&kept[index], &draft) => {
                kept[index].disputed = true;
                let mut claim = draft;
                claim.disputed = true;
                claim.claim_of = Some(index);
                fill(&mut claim, &kept[index].clone(), kb);
                claim.fatalities = claim.fatalities.or(None);
                kept.push(claim);
            }
            Some(index) => {
                let mut merged = kept[index].clone();
                fill(&mut merged, &draft, kb);
                kept[index] = merged;
            }
            None => kept.push(draft),
        }
    }
    kept.extend(background);
    kept
}
