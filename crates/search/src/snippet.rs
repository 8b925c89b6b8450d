//! The passage of a hit shown to the user, with its matched words wrapped in `[[` and `]]`.
//!
//! The stored text is analysed again with [`WordTerms`] (the same terms the index holds), a
//! word matches when any of its terms is one the query searched for, and the window of about
//! [`SNIPPET_CHARS`] chars holding the most matched words is cut at word boundaries. The
//! original words are highlighted as written (وبباماكو, Ségou), by their byte spans.

use std::collections::HashSet;

use marsad_text::Tokens;

use crate::analysis::{WordTerms, INDEX_MIN_STEM_CHARS};

/// Target length of a snippet, in chars (whole words are kept).
pub const SNIPPET_CHARS: usize = 200;

/// Chars of context kept before the first matched word of the window.
const CONTEXT_BEFORE: u32 = 40;

/// Most matched words considered when choosing the window.
const MAX_MATCHES: usize = 256;

/// Opening highlight mark.
pub const OPEN: &str = "[[";
/// Closing highlight mark.
pub const CLOSE: &str = "]]";

/// The snippet of `text` for a query searching `terms`; the start of the text when nothing matches.
pub fn snippet(text: &str, terms: &HashSet<String>) -> String {
    let tokens = Tokens::new(text);
    let items = tokens.items();
    if items.is_empty() {
        return String::new();
    }
    let mut matched: Vec<usize> = Vec::new();
    if !terms.is_empty() {
        let mut word = WordTerms::default();
        for i in 0..items.len() {
            word.fill(&tokens, i, INDEX_MIN_STEM_CHARS);
            if word.iter().any(|(t, _)| terms.contains(t)) {
                matched.push(i);
                if matched.len() >= MAX_MATCHES {
                    break;
                }
            }
        }
    }
    // The matched word that starts the densest window.
    let limit = SNIPPET_CHARS as u32;
    let mut best = (0usize, None::<usize>);
    for (a, &first) in matched.iter().enumerate() {
        let count = matched[a..].iter().take_while(|&&m| items[m].end - items[first].start <= limit).count();
        if count > best.0 {
            best = (count, Some(first));
        }
    }
    let first_word = match best.1 {
        Some(first) => tokens.first_at_or_after(items[first].start.saturating_sub(CONTEXT_BEFORE)).min(first),
        None => 0,
    };
    let window_start = items[first_word].start;
    let mut last_word = first_word;
    while last_word + 1 < items.len() && items[last_word + 1].end - window_start <= limit {
        last_word += 1;
    }
    let mut out = String::with_capacity(SNIPPET_CHARS * 3);
    if first_word > 0 {
        out.push_str("… ");
    }
    let mut next_match = matched.iter().copied().skip_while(|&m| m < first_word).peekable();
    let mut previous_end: Option<usize> = None;
    for (i, item) in items.iter().enumerate().take(last_word + 1).skip(first_word) {
        let (start, end) = (item.byte_start as usize, item.byte_end as usize);
        if let Some(gap_start) = previous_end {
            for c in text[gap_start..start].chars() {
                out.push(if c.is_whitespace() { ' ' } else { c });
            }
        }
        if next_match.peek() == Some(&i) {
            next_match.next();
            out.push_str(OPEN);
            out.push_str(&text[start..end]);
            out.push_str(CLOSE);
        } else {
            out.push_str(&text[start..end]);
        }
        previous_end = Some(end);
    }
    if last_word + 1 < items.len() {
        out.push_str(" …");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn clitic_form_is_highlighted_as_written() {
        let s = snippet("وصل الوفد وبِباماكو أمس.", &set(&["باماكو"]));
        assert_eq!(s, "وصل الوفد [[وبِباماكو]] أمس");
    }

    #[test]
    fn long_texts_are_cut_around_the_matches() {
        let filler = "mot ".repeat(200);
        let text = format!("{filler}Les forces sont entrées à Ségou hier. {filler}");
        let s = snippet(&text, &set(&["segou"]));
        assert!(s.contains("[[Ségou]]"), "{s}");
        assert!(s.starts_with("… ") && s.ends_with(" …"), "{s}");
        assert!(s.chars().count() <= SNIPPET_CHARS + 10, "{s}");
    }

    #[test]
    fn no_match_gives_the_start_of_the_text() {
        assert_eq!(snippet("Hello, world", &set(&[])), "Hello, world");
    }
}
