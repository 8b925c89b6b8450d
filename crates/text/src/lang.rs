//! Language of a text: Arabic by script, Latin-script languages by their function words.
//!
//! Why not a statistical model: the three languages marsad reads are told apart exactly by
//! script (Arabic) and, between French and English, by a handful of function words that
//! every sentence carries. This costs a few nanoseconds a word, so it runs per paragraph;
//! lingua would cost ~26 µs a call and 21 MB of binary (see ARCHITECTURE.md).

use crate::fold::{fold_char, is_arabic_letter, Folded};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// A language marsad recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Arabic.
    Ar,
    /// French.
    Fr,
    /// English.
    En,
    /// Spanish.
    Es,
    /// Portuguese.
    Pt,
    /// German.
    De,
    /// Italian.
    It,
}

impl Lang {
    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Pt => "pt",
            Lang::De => "de",
            Lang::It => "it",
        }
    }

    /// Parse an ISO 639-1 code (or a locale such as `fr-FR`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Some(match primary.as_str() {
            "ar" => Lang::Ar,
            "fr" => Lang::Fr,
            "en" => Lang::En,
            "es" => Lang::Es,
            "pt" => Lang::Pt,
            "de" => Lang::De,
            "it" => Lang::It,
            _ => return None,
        })
    }
}

const FUNCTION_WORDS: &[(Lang, &[&str])] = &[
    (
        Lang::Fr,
        &[
            "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "qui", "sur", "au", "aux", "par",
            "pas", "ne", "ce", "cette", "il", "elle", "sont", "ont", "avec", "selon", "leur", "ses", "entre", "apres",
            "contre", "nord", "sud",
        ],
    ),
    (
        Lang::En,
        &[
            "the", "of", "and", "to", "is", "was", "that", "for", "on", "with", "by", "as", "at", "from", "are",
            "were", "this", "which", "has", "have", "it", "its", "after", "said", "near", "against", "north", "south",
            "their",
        ],
    ),
    (Lang::Es, &["el", "los", "las", "del", "y", "que", "por", "para", "con", "una", "es", "al", "fue", "segun"]),
    (Lang::Pt, &["os", "da", "do", "das", "dos", "em", "que", "para", "com", "uma", "nao", "ao", "foi", "segundo"]),
    (
        Lang::De,
        &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "von", "zu", "den", "dem", "ein", "eine", "im", "auf",
            "fur",
        ],
    ),
    (Lang::It, &["il", "lo", "gli", "della", "delle", "che", "per", "con", "una", "sono", "nel", "degli", "dopo"]),
];

/// The language of `text`, or `None` when it has too few letters to tell.
pub fn detect(text: &str) -> Option<Lang> {
    detect_counting(text).0
}

/// The language of `text` and its number of letters (for weighting paragraphs).
pub fn detect_counting(text: &str) -> (Option<Lang>, usize) {
    let mut arabic = 0usize;
    let mut latin = 0usize;
    let mut accented_french = 0usize;
    let mut scores = [0usize; 6];
    let mut word = String::new();
    let score_word = |word: &mut String, scores: &mut [usize; 6]| {
        if !word.is_empty() {
            for (slot, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
                if words.contains(&word.as_str()) {
                    scores[slot] += 1;
                }
            }
            word.clear();
        }
    };
    for c in text.chars() {
        if is_arabic_letter(c) {
            arabic += 1;
            score_word(&mut word, &mut scores);
        } else if c.is_alphabetic() {
            latin += 1;
            if matches!(c, 'é' | 'è' | 'ê' | 'à' | 'ç' | 'ù' | 'û' | 'ô' | 'î' | 'É') {
                accented_french += 1;
            }
            if word.len() < 16 {
                match fold_char(c) {
                    Folded::One(f) => word.push(f),
                    Folded::Two(a, b) => {
                        word.push(a);
                        word.push(b);
                    }
                    Folded::Drop => {}
                }
            }
        } else {
            score_word(&mut word, &mut scores);
        }
    }
    score_word(&mut word, &mut scores);
    (decide(arabic, latin, accented_french > 0, &scores), arabic + latin)
}

/// The language from letter counts and function-word scores (shared by both detectors).
fn decide(arabic: usize, latin: usize, accented: bool, scores: &[usize; 6]) -> Option<Lang> {
    if arabic + latin < 2 {
        return None;
    }
    if arabic >= latin {
        return Some(Lang::Ar);
    }
    let (best, &best_score) = scores.iter().enumerate().max_by_key(|(i, s)| (**s, usize::MAX - *i))?;
    if best_score == 0 {
        return Some(if accented { Lang::Fr } else { Lang::En });
    }
    Some(FUNCTION_WORDS[best].0)
}

/// For each function word, the slots of [`FUNCTION_WORDS`] that list it (bit = slot): one
/// lookup per Latin word instead of a search through every language's list.
fn function_word_slots() -> &'static FxHashMap<&'static str, u8> {
    static SLOTS: OnceLock<FxHashMap<&'static str, u8>> = OnceLock::new();
    SLOTS.get_or_init(|| {
        const _: () = assert!(FUNCTION_WORDS.len() <= 8, "one bit of a u8 per slot");
        let mut slots = FxHashMap::default();
        for (slot, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
            for &word in *words {
                *slots.entry(word).or_default() |= 1 << slot;
            }
        }
        slots
    })
}

/// [`detect_counting`] over tokens already folded (a line of a document): the same decision,
/// without reading the characters again.
pub fn detect_tokens(tokens: &crate::Tokens, range: std::ops::Range<usize>) -> (Option<Lang>, usize) {
    use crate::Script;
    let (mut arabic, mut latin, mut accented_french) = (0usize, 0usize, false);
    let mut scores = [0usize; 6];
    for index in range {
        let Some(token) = tokens.items().get(index) else { break };
        let letters = (token.end - token.start) as usize;
        match token.script {
            Script::Arabic => arabic += letters,
            Script::Latin => {
                latin += letters;
                let folded = tokens.folded(index);
                // More bytes than chars in the original word: it carries an accent.
                accented_french |= (token.byte_end - token.byte_start) as usize != letters;
                let slots = function_word_slots().get(folded).copied().unwrap_or(0);
                // Most words are no language's function word.
                if slots != 0 {
                    for (slot, score) in scores.iter_mut().enumerate() {
                        *score += usize::from(slots & (1 << slot) != 0);
                    }
                }
            }
            Script::Digit => {}
        }
    }
    (decide(arabic, latin, accented_french, &scores), arabic + latin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_by_script_even_with_latin_acronyms() {
        assert_eq!(detect("أعلنت جماعة نصرة الإسلام والمسلمين (JNIM) مسؤوليتها"), Some(Lang::Ar));
    }

    #[test]
    fn french_and_english_sentences() {
        assert_eq!(detect("L'armée malienne a repoussé une attaque près de Kayes."), Some(Lang::Fr));
        assert_eq!(detect("Gunmen attacked a fuel convoy near Kayes on Sunday, officials said."), Some(Lang::En));
    }

    #[test]
    fn short_headlines_fall_back_on_accents() {
        assert_eq!(detect("Mali : JNIM frappe Ségou"), Some(Lang::Fr));
        assert_eq!(detect("Mali: JNIM strikes Segou"), Some(Lang::En));
    }

    #[test]
    fn token_detection_agrees_with_char_detection() {
        for text in [
            "أعلنت جماعة نصرة الإسلام (JNIM) مسؤوليتها",
            "L'armée malienne a repoussé une attaque près de Kayes.",
            "Gunmen attacked a convoy near Kayes, officials said.",
            "Mali : JNIM frappe Ségou",
            "Mali: JNIM strikes Segou",
        ] {
            let tokens = crate::Tokens::new(text);
            assert_eq!(detect_tokens(&tokens, 0..tokens.len()).0, detect(text), "{text}");
        }
    }

    #[test]
    fn nothing_to_tell_from() {
        assert_eq!(detect("2025 — 12"), None);
        assert_eq!(detect(""), None);
    }
}
