//! Event coding: the incidents a text reports, in ACLED's taxonomy, each field backed by the
//! words that support it.
//!
//! Architecture invariant: no IO and no failure. The input is the text, its publication date
//! and the [`marsad_extract::Extraction`] of it (layout, tokens, mentions); the output is a
//! list of [`Event`]s whose spans count chars of that text. Everything the coder knows about
//! words (triggers, cues) comes from the knowledge base's lexicons.
//!
//! The stages: [`cues`] finds triggers and context cues in each sentence; [`code`] turns a
//! sentence with a trigger into a draft event (type, roles, place, date, fatalities, source);
//! [`merge`] joins the drafts that tell one incident and links contradicting claims.

pub mod code;
pub mod cues;
pub mod merge;

use marsad_extract::Extraction;
use marsad_kb::KnowledgeBase;
use marsad_text::layout::Span;

/// One coded incident.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// One of ACLED's six event types.
    pub event_type: String,
    /// An ACLED sub-event type of that event type.
    pub sub_event_type: String,
    /// The trigger frame that made it (attack, abduct, ...).
    pub frame: String,
    /// Who acted (actor index).
    pub actor1: Option<u32>,
    /// The target (actor index).
    pub actor2: Option<u32>,
    /// The most precise place given (place index).
    pub place: Option<u32>,
    /// 1 the town itself, 2 near a town or part of a region, 3 only a region or country.
    pub geo_precision: u8,
    /// YYYY-MM-DD, YYYY-MM or YYYY; `None` when the text gives no date it can be resolved from.
    pub date: Option<String>,
    /// 1 day, 2 week or month, 3 coarser.
    pub time_precision: u8,
    /// Deaths reported; `None` when no number is given.
    pub fatalities: Option<u64>,
    /// The sentence that reports it.
    pub evidence: Span,
    /// The trigger words.
    pub trigger: Span,
    /// Who the text says reported or claimed it (outlet or actor name).
    pub attributed_to: Option<String>,
    /// The attack was foiled (still an event).
    pub foiled: bool,
    /// Index (in the same list) of the event whose claim this one contradicts.
    pub claim_of: Option<usize>,
    /// Sources disagree about this incident (fatalities or who did it).
    pub disputed: bool,
    /// The date lies more than a year before publication: background, not current.
    pub background: bool,
    /// How sure the coder is, 0 to 1.
    pub confidence: f32,
    /// How directly the text names actor1 (claim 3, named doer 2, inferred 1, none 0): a
    /// later, stronger reading of the same incident replaces a weaker one.
    pub actor1_strength: u8,
    /// Told as "this attack": it points back to an incident already coded.
    pub anaphoric: bool,
}

/// Codes events with one knowledge base.
#[derive(Debug, Clone, Copy)]
pub struct EventCoder<'kb> {
    kb: &'kb KnowledgeBase,
}

impl<'kb> EventCoder<'kb> {
    /// A coder over `kb`.
    pub fn new(kb: &'kb KnowledgeBase) -> Self {
        EventCoder { kb }
    }

    /// The events `text` reports (current ones first, in text order; background ones after,
    /// flagged), given its extraction and its publication date (YYYY-MM-DD) when known.
    pub fn code(&self, text: &str, extraction: &Extraction, published: Option<&str>) -> Vec<Event> {
        let drafts = code::drafts(self.kb, text, extraction, published);
        merge::merge(self.kb, drafts)
    }
}

#[cfg(test)]
mod tests;
