//! Arabic proclitics: the ways a word may carry و ف (and, then), ب ل ك (in, for, like) and the
//! article ال (لل after ل).
//!
//! This module only lists the readings a word *could* have; the knowledge base decides which
//! one is real (باماكو begins with ب and is not ب + اماكو because only باماكو is a known
//! name). It is never used as a blind stemmer.

/// One way to read a folded Arabic word as proclitics + stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The word without its proclitics (and without the article).
    pub stem: &'a str,
    /// Chars (of the folded word) before the stem.
    pub stem_offset: usize,
    /// Chars (of the folded word) before the article, when the word literally carries ال.
    pub article_offset: Option<usize>,
    /// The word carries the article (ال, or لل which is ل + ال).
    pub definite: bool,
}

const CONJUNCTIONS: [&str; 3] = ["", "و", "ف"];
const PREPOSITIONS: [&str; 4] = ["", "ب", "ل", "ك"];

/// Shortest stem worth looking up, in chars.
const MIN_STEM_CHARS: usize = 2;

/// Every reading of `folded` (an Arabic word already folded by [`crate::fold`]) as proclitics
/// plus a stem of at least two letters, the bare word first.
pub fn splits(folded: &str) -> impl Iterator<Item = Split<'_>> {
    let total = folded.chars().count();
    let mut out: Vec<Split<'_>> = Vec::with_capacity(4);
    for conjunction in CONJUNCTIONS {
        let Some(after_conjunction) = folded.strip_prefix(conjunction) else { continue };
        for preposition in PREPOSITIONS {
            let Some(after_preposition) = after_conjunction.strip_prefix(preposition) else { continue };
            let clitic_chars = conjunction.chars().count() + preposition.chars().count();
            // Without the article.
            if clitic_chars > 0 && total - clitic_chars >= MIN_STEM_CHARS {
                out.push(Split { stem: after_preposition, stem_offset: clitic_chars, article_offset: None, definite: false });
            }
            // With the article: ال, or the ل of لل when the preposition is ل.
            if preposition == "ل" {
                if let Some(stem) = after_preposition.strip_prefix('ل') {
                    if total - clitic_chars - 1 >= MIN_STEM_CHARS {
                        out.push(Split { stem, stem_offset: clitic_chars + 1, article_offset: None, definite: true });
                    }
                }
            } else if let Some(stem) = after_preposition.strip_prefix("ال") {
                if total - clitic_chars - 2 >= MIN_STEM_CHARS {
                    out.push(Split { stem, stem_offset: clitic_chars + 2, article_offset: Some(clitic_chars), definite: true });
                }
            }
        }
    }
    std::iter::once(Split { stem: folded, stem_offset: 0, article_offset: None, definite: false }).chain(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(word: &str) -> Vec<(String, bool)> {
        splits(word).map(|s| (s.stem.to_string(), s.definite)).collect()
    }

    #[test]
    fn bare_word_comes_first() {
        assert_eq!(stems("باماكو")[0], ("باماكو".to_string(), false));
    }

    #[test]
    fn stacked_clitics_are_all_offered() {
        let all = stems("وبباماكو");
        assert!(all.contains(&("باماكو".to_string(), false)));
        assert!(all.contains(&("بباماكو".to_string(), false)));
    }

    #[test]
    fn lam_lam_is_preposition_plus_article() {
        let all = stems("للنيجر");
        assert!(all.contains(&("نيجر".to_string(), true)));
        let vav = stems("والساحل");
        assert!(vav.contains(&("ساحل".to_string(), true)));
        let split = splits("بالنيجر").find(|s| s.definite).unwrap();
        assert_eq!((split.stem, split.stem_offset, split.article_offset), ("نيجر", 3, Some(1)));
    }

    #[test]
    fn stems_shorter_than_two_letters_are_not_offered() {
        assert_eq!(stems("بل").len(), 1);
    }
}
