//! Triggers and context cues in a sentence, from the knowledge base's lexicons
//! (`data/lexicon/events-*.jsonl`).

use marsad_kb::KnowledgeBase;
use marsad_text::Tokens;
use std::ops::Range;

/// A word or phrase of a list found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// The entry's role (for triggers: the frame, maybe with `:passive`).
    pub role: Option<String>,
}

/// A trigger: words that evoke a kind of incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// The frame (attack, abduct, airstrike, ...).
    pub frame: String,
    /// The grammatical subject is the victim (قُتل, were killed).
    pub passive: bool,
}

/// Every non-overlapping entry of list `list` in tokens `range`, longest first at each word.
pub fn find(kb: &KnowledgeBase, list: &str, tokens: &Tokens, range: Range<usize>) -> Vec<Cue> {
    let words = kb.lexicon.list(list);
    let mut out = Vec::new();
    let mut at = range.start;
    while at < range.end {
        match words.starting_at(tokens, at) {
            Some(found) if found.far_token < range.end => {
                out.push(Cue { first: at, last: found.far_token, role: found.entry.role.clone() });
                at = found.far_token + 1;
            }
            _ => at += 1,
        }
    }
    out
}

/// True when some entry of `list` lies in tokens `range`.
pub fn any(kb: &KnowledgeBase, list: &str, tokens: &Tokens, range: Range<usize>) -> bool {
    let words = kb.lexicon.list(list);
    range.clone().any(|at| words.starting_at(tokens, at).is_some_and(|f| f.far_token < range.end))
}

/// The triggers of tokens `range`.
pub fn triggers(kb: &KnowledgeBase, tokens: &Tokens, range: Range<usize>) -> Vec<Trigger> {
    find(kb, "event-triggers", tokens, range)
        .into_iter()
        .filter_map(|cue| {
            let role = cue.role?;
            let (frame, passive) = match role.strip_suffix(":passive") {
                Some(frame) => (frame.to_string(), true),
                None => (role, false),
            };
            Some(Trigger { first: cue.first, last: cue.last, frame, passive })
        })
        .collect()
}
