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

/// Shortest stem worth looking up, in chars.
const MIN_STEM_CHARS: usize = 2;

/// Every reading of `folded` (an Arabic word already folded by [`crate::fold`]) as proclitics
/// plus a stem of at least two letters, the bare word first.
pub fn splits(folded: &str) -> impl Iterator<Item = Split<'_>> {
    let mut out = Vec::with_capacity(4);
    splits_into(folded, &mut out);
    out.into_iter()
}

/// [`splits`] into a buffer the caller reuses (the hot path of mention finding).
pub fn splits_into<'a>(folded: &'a str, out: &mut Vec<Split<'a>>) {
    out.clear();
    // Every proclitic, and the article, begins with one of these letters: a word that begins
    // with none of them has its bare reading only (most Arabic words), told without reading on.
    if !folded.starts_with(['و', 'ف', 'ب', 'ل', 'ك', 'ا']) {
        out.push(Split { stem: folded, stem_offset: 0, article_offset: None, definite: false });
        return;
    }
    // Proclitics are all two-byte letters; work on the first few chars only. `total` counts at
    // most six: no reading asks for more (two clitics, the article, a stem of two).
    let mut head = ['\0'; 5];
    let mut offsets = [folded.len(); 6];
    let mut total = 0usize;
    for (i, (byte, c)) in folded.char_indices().take(6).enumerate() {
        if i < 5 {
            head[i] = c;
            offsets[i] = byte;
        }
        total += 1;
    }
    let byte_at = |chars: usize| -> usize {
        if chars < 5 {
            offsets[chars].min(folded.len())
        } else {
            folded.len()
        }
    };
    out.push(Split { stem: folded, stem_offset: 0, article_offset: None, definite: false });
    // Conjunction (و ف), then preposition (ب ل ك), then article (ال, or the ل of لل).
    let conjunctions: &[usize] = if matches!(head[0], 'و' | 'ف') { &[0, 1] } else { &[0] };
    for &c in conjunctions {
        let prepositions: &[usize] = if matches!(head[c], 'ب' | 'ل' | 'ك') { &[0, 1] } else { &[0] };
        for &p in prepositions {
            let clitic_chars = c + p;
            if clitic_chars > 0 && total >= clitic_chars + MIN_STEM_CHARS {
                out.push(Split {
                    stem: &folded[byte_at(clitic_chars)..],
                    stem_offset: clitic_chars,
                    article_offset: None,
                    definite: false,
                });
            }
            let lam_preposition = p == 1 && head[c] == 'ل';
            if lam_preposition {
                if head[clitic_chars] == 'ل' && total >= clitic_chars + 1 + MIN_STEM_CHARS {
                    out.push(Split {
                        stem: &folded[byte_at(clitic_chars + 1)..],
                        stem_offset: clitic_chars + 1,
                        article_offset: None,
                        definite: true,
                    });
                }
            } else if head[clitic_chars] == 'ا'
                && head[clitic_chars + 1] == 'ل'
                && total >= clitic_chars + 2 + MIN_STEM_CHARS
            {
                out.push(Split {
                    stem: &folded[byte_at(clitic_chars + 2)..],
                    stem_offset: clitic_chars + 2,
                    article_offset: Some(clitic_chars),
                    definite: true,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(word: &str) -> Vec<(String, bool)> {
        splits(word).map(|s| (s.stem.to_string(), s.definite)).collect()
    }

    #[test]
    fn a_word_without_a_proclitic_letter_first_has_its_bare_reading_only() {
        assert_eq!(stems("تمبكتو"), [("تمبكتو".to_string(), false)]);
        assert_eq!(stems("مالي"), [("مالي".to_string(), false)]);
        assert!(stems("المالي").len() > 1);
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
    fn cached_readings_equal_fresh_ones() {
        for word in ["وبباماكو", "للنيجر", "والساحل", "فالجيش", "باماكو", "بل"] {
            let tokens = crate::Tokens::new(word);
            let cached: Vec<Split<'_>> = tokens.readings(0).collect();
            let folded = crate::fold::fold_str(word);
            assert_eq!(cached, splits(&folded).collect::<Vec<_>>(), "{word}");
        }
    }

    #[test]
    fn stems_shorter_than_two_letters_are_not_offered() {
        assert_eq!(stems("بل").len(), 1);
    }
}
