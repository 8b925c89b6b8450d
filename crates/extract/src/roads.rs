//! National roads named by their number ("route nationale 15", "RN24", "الطريق الوطني رقم 24",
//! "national road 1"): places in their own right for anyone deciding on a road movement, which
//! the knowledge base cannot list as points.

use std::ops::Range;

use marsad_kb::coding::List;
use marsad_kb::KnowledgeBase;
use marsad_text::layout::Span;
use marsad_text::token::Script;
use marsad_text::Tokens;

/// A national road the text names by its number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Road {
    /// The chars from the road word to the number.
    pub span: Span,
    /// The road's number.
    pub number: u16,
    /// The story's country (its place in the knowledge base), where the road is taken to run.
    pub country: Option<u32>,
}

impl Road {
    /// The name the road goes by in the countries of the region: "RN" and its number.
    pub fn name(&self) -> String {
        format!("RN{}", self.number)
    }
}

/// The roads named in tokens `range` of `text`, with no country yet.
pub(crate) fn roads(kb: &KnowledgeBase, text: &str, tokens: &Tokens, range: &Range<usize>, out: &mut Vec<Road>) {
    let words = kb.lexicon.list(List::RoadWords);
    let items = tokens.items();
    let mut at = range.start;
    while at < range.end {
        let Some(word) = words.starting_at_where(tokens, at, |e| e.role.is_none()) else {
            at += 1;
            continue;
        };
        // "RN" is a road only in capitals: "rn" is no word of either language.
        let short = word.far_token == at && tokens.folded(at).chars().count() <= 2;
        if short && !items[at].all_upper {
            cov_mark::hit!(a_short_road_word_counts_only_in_capitals);
            at += 1;
            continue;
        }
        let mut next = word.far_token + 1;
        if next < range.end && joined(text, tokens, word.far_token, next) {
            if let Some(number_word) = words.starting_at_where(tokens, next, |e| e.role.is_some()) {
                next = number_word.far_token + 1;
            }
        }
        match number_at(text, tokens, range, next) {
            Some(number) => {
                let span = Span { start: items[at].start, end: items[next].end };
                out.push(Road { span, number, country: None });
                at = next + 1;
            }
            None => at += 1,
        }
    }
}

/// The road number at token `at`, when it follows the token before with only a space, a
/// hyphen or a numero mark between ("RN24", "RN-24", "n° 24", "No. 1").
fn number_at(text: &str, tokens: &Tokens, range: &Range<usize>, at: usize) -> Option<u16> {
    if at >= range.end || at == 0 || !joined(text, tokens, at - 1, at) {
        return None;
    }
    let token = &tokens.items()[at];
    if token.script != Script::Digit {
        return None;
    }
    tokens.folded(at).parse::<u16>().ok().filter(|n| (1..1000).contains(n))
}

/// True when only spaces, a hyphen, a full stop or a numero mark stand between tokens `a` and `b`.
fn joined(text: &str, tokens: &Tokens, a: usize, b: usize) -> bool {
    let items = tokens.items();
    let gap = text.get(items[a].byte_end as usize..items[b].byte_start as usize).unwrap_or(",");
    gap.chars().count() <= 3 && gap.chars().all(|c| c == ' ' || matches!(c, '-' | '.' | '°' | 'º' | ':'))
}
