//! Words of a text with their char spans, folded forms and case.
//!
//! A token is a maximal run of letters of one script (Arabic or Latin) or of digits; marks
//! and invisible characters (tatweel, ZWNJ) stay inside the word and vanish from its folded
//! form. Apostrophes and hyphens separate tokens (`l'armée` is `l` + `armée`, `Al-Qaïda` is
//! `al` + `qaida`) but leave them *joined*, like a plain space, so multi-word names match
//! whether they are written split, hyphenated or joined.

use crate::fold::{fold_into, is_arabic_letter, is_invisible, is_mark};

/// The writing system of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// Arabic letters.
    Arabic,
    /// Latin (or any other non-Arabic alphabet).
    Latin,
    /// Digits, ASCII or Arabic-Indic (folded to ASCII).
    Digit,
}

/// One word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// First char of the word in the original text (char offset).
    pub start: u32,
    /// One past its last char (char offset).
    pub end: u32,
    /// Byte offset of `start` in the original text.
    pub byte_start: u32,
    /// Byte offset of `end` in the original text.
    pub byte_end: u32,
    folded_start: u32,
    folded_end: u32,
    /// Script of the word.
    pub script: Script,
    /// The first letter is a capital (Latin only).
    pub upper_initial: bool,
    /// Two or more letters, all capitals (Latin only): an acronym or a shouted headline.
    pub all_upper: bool,
    /// Only a space, hyphen, apostrophe or one quotation mark (no line break, no other punctuation)
    /// separates this word from the next.
    pub joined_to_next: bool,
}

/// The tokens of one text and their folded forms.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    items: Vec<Token>,
    folded: String,
    /// Lexicon forms of every token, computed on first use (see [`crate::forms`]).
    forms: std::sync::OnceLock<crate::forms::Forms>,
}

/// Separators that may stand inside a multi-word name.
/// Quotation marks that may wrap a word or a name.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '«' | '»' | '“' | '”' | '„')
}

fn is_joiner(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '-' | '\'' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '‐' | '‑' | '–' | '’' | 'ʼ' | '‘'
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Class {
    Arabic,
    Latin,
    Digit,
    Mark,
    Other,
}

impl Class {
    /// The script of a token this char begins or continues (none for marks and the rest).
    fn script(self) -> Option<Script> {
        match self {
            Class::Arabic => Some(Script::Arabic),
            Class::Latin => Some(Script::Latin),
            Class::Digit => Some(Script::Digit),
            Class::Mark | Class::Other => None,
        }
    }
}

fn classify(c: char) -> Class {
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() {
            Class::Latin
        } else if c.is_ascii_digit() {
            Class::Digit
        } else {
            Class::Other
        };
    }
    // The common Arabic letters first: most characters of an Arabic text.
    if ('\u{0621}'..='\u{063A}').contains(&c) || ('\u{0641}'..='\u{064A}').contains(&c) {
        Class::Arabic
    } else if ('\u{0660}'..='\u{0669}').contains(&c) || ('\u{06F0}'..='\u{06F9}').contains(&c) {
        Class::Digit
    } else if is_mark(c) || is_invisible(c) {
        Class::Mark
    } else if is_arabic_letter(c) {
        Class::Arabic
    } else if c.is_alphabetic() {
        Class::Latin
    } else {
        Class::Other
    }
}

impl Tokens {
    /// Split `text` into tokens.
    pub fn new(text: &str) -> Tokens {
        let mut items: Vec<Token> = Vec::with_capacity(text.len() / 6);
        let mut folded = String::with_capacity(text.len());
        // State of the gap since the last token ended.
        let mut gap_len = 0u32;
        let mut gap_ok = true;
        let mut gap_quotes = 0u32;
        let mut chars = (0u32..).zip(text.char_indices()).peekable();
        while let Some((char_index, (byte_index, c))) = chars.next() {
            let class = classify(c);
            let Some(script) = class.script() else {
                if class != Class::Mark {
                    gap_len += 1;
                    // One quotation mark is a scare quote (tué un "membre", neuf «terroristes»):
                    // the words still follow each other.
                    if is_quote(c) && gap_quotes == 0 {
                        gap_quotes += 1;
                    } else if !is_joiner(c) {
                        gap_ok = false;
                    }
                }
                continue;
            };
            if let Some(previous) = items.last_mut() {
                previous.joined_to_next = gap_ok && gap_len <= 3;
            }
            let mut token = Token {
                start: char_index,
                end: char_index + 1,
                byte_start: byte_index as u32,
                byte_end: (byte_index + c.len_utf8()) as u32,
                folded_start: 0,
                folded_end: 0,
                script,
                upper_initial: false,
                all_upper: false,
                joined_to_next: false,
            };
            // The word goes on through letters of its script and marks.
            while let Some(&(char_index, (byte_index, c))) = chars.peek() {
                let class = classify(c);
                if class != Class::Mark && class.script() != Some(script) {
                    break;
                }
                token.end = char_index + 1;
                token.byte_end = (byte_index + c.len_utf8()) as u32;
                chars.next();
            }
            items.push(finish(text, token, &mut folded));
            gap_len = 0;
            gap_ok = true;
            gap_quotes = 0;
        }
        Tokens { items, folded, forms: std::sync::OnceLock::new() }
    }

    /// All tokens in text order.
    #[inline]
    pub fn items(&self) -> &[Token] {
        &self.items
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when the text has no word at all.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The folded form of token `index`.
    #[inline]
    pub fn folded(&self, index: usize) -> &str {
        match self.items.get(index) {
            Some(t) => self.folded.get(t.folded_start as usize..t.folded_end as usize).unwrap_or(""),
            None => "",
        }
    }

    /// Hashes of the forms a lexicon may list token `index` under (bare, without proclitics,
    /// without an enclitic pronoun); see [`crate::forms`].
    #[inline]
    pub fn forms(&self, index: usize) -> &[u64] {
        self.forms.get_or_init(|| crate::forms::Forms::new(self)).of(index)
    }

    /// Every proclitic reading of token `index`, the bare word first (see [`crate::clitic`]).
    pub fn readings(&self, index: usize) -> impl Iterator<Item = crate::clitic::Split<'_>> {
        let folded = self.folded(index);
        let bare = crate::clitic::Split { stem: folded, stem_offset: 0, article_offset: None, definite: false };
        let rest = self.forms.get_or_init(|| crate::forms::Forms::new(self)).readings(index, folded);
        std::iter::once(bare).chain(rest)
    }

    /// Index of the first token that starts at or after char offset `offset`.
    #[inline]
    pub fn first_at_or_after(&self, offset: u32) -> usize {
        self.items.partition_point(|t| t.start < offset)
    }
}

/// A token whose chars are all read: its folded form appended to `folded`, its case from its letters.
fn finish(text: &str, mut token: Token, folded: &mut String) -> Token {
    let word = &text[token.byte_start as usize..token.byte_end as usize];
    token.folded_start = folded.len() as u32;
    fold_into(word, folded);
    token.folded_end = folded.len() as u32;
    if token.script == Script::Latin {
        let (mut letters, mut uppers) = (0u32, 0u32);
        if word.is_ascii() {
            for byte in word.bytes().filter(u8::is_ascii_alphabetic) {
                letters += 1;
                uppers += u32::from(byte.is_ascii_uppercase());
            }
        } else {
            for c in word.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                uppers += u32::from(c.is_uppercase());
            }
        }
        token.upper_initial = word.chars().next().is_some_and(char::is_uppercase);
        token.all_upper = letters >= 2 && letters == uppers;
    }
    token
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let tokens = Tokens::new(text);
        (0..tokens.len()).map(|i| tokens.folded(i).to_string()).collect()
    }

    #[test]
    fn arabic_words_keep_their_clitics_and_lose_their_marks() {
        assert_eq!(words("وبِباماكو، قُتل ٣"), ["وبباماكو", "قتل", "3"]);
    }

    #[test]
    fn detached_clitic_with_tatweel_is_its_own_word() {
        assert_eq!(words("المرتبطة بـ\"نصرة الإسلام\""), ["المرتبطه", "ب", "نصره", "الاسلام"]);
    }

    #[test]
    fn french_elision_and_hyphens_split_but_stay_joined() {
        let tokens = Tokens::new("d'Al-Qaïda, puis");
        assert_eq!(words("d'Al-Qaïda, puis"), ["d", "al", "qaida", "puis"]);
        let joined: Vec<bool> = tokens.items().iter().map(|t| t.joined_to_next).collect();
        assert_eq!(joined, [true, true, false, false]);
    }

    #[test]
    fn one_quotation_mark_keeps_words_together_two_do_not() {
        let joined = |text: &str| Tokens::new(text).items().iter().map(|t| t.joined_to_next).collect::<Vec<_>>();
        assert_eq!(joined("un \"membre\" de"), [true, true, false]);
        assert_eq!(joined("neuf «terroristes» tués"), [true, true, false]);
        assert_eq!(joined("\"Mali\" \"Niger\""), [false, false]);
    }

    #[test]
    fn line_breaks_and_punctuation_break_names() {
        let tokens = Tokens::new("Burkina\nFaso Burkina Faso");
        let joined: Vec<bool> = tokens.items().iter().map(|t| t.joined_to_next).collect();
        assert_eq!(joined, [false, true, true, false]);
    }

    #[test]
    fn latin_acronyms_inside_arabic_are_tokens_with_case() {
        let tokens = Tokens::new("جماعة (JNIM) في Mali");
        let latin: Vec<(&str, bool, bool)> = tokens
            .items()
            .iter()
            .enumerate()
            .filter(|(_, t)| t.script == Script::Latin)
            .map(|(i, t)| (tokens.folded(i), t.upper_initial, t.all_upper))
            .collect();
        assert_eq!(latin, [("jnim", true, true), ("mali", true, false)]);
    }

    #[test]
    fn spans_count_chars_not_bytes() {
        let text = "في باماكو";
        let tokens = Tokens::new(text);
        let second = &tokens.items()[1];
        assert_eq!((second.start, second.end), (3, 9));
        assert_eq!(&text[second.byte_start as usize..second.byte_end as usize], "باماكو");
    }
}
