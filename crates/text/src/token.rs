//! Words of a text with their char spans, folded forms and case.
//!
//! A token is a maximal run of letters of one script (Arabic or Latin) or of digits; marks
//! and invisible characters (tatweel, ZWNJ) stay inside the word and vanish from its folded
//! form. Apostrophes and hyphens separate tokens (`l'armée` is `l` + `armée`, `Al-Qaïda` is
//! `al` + `qaida`) but leave them *joined*, like a plain space, so multi-word names match
//! whether they are written split, hyphenated or joined.

use crate::fold::{fold_char, is_arabic_letter, is_invisible, is_mark, Folded};

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
    /// Only spaces and one round bracket separate this word from the next: a name written in
    /// brackets after its place word (منطقة (موردياه), la localité (Boni)).
    pub bracketed_next: bool,
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
        ' ' | '\t' | '-' | '\'' | '\u{00A0}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '‐' | '‑' | '–' | '’' | 'ʼ' | '‘'
            // Scraped French writes its apostrophe as a grave or an acute accent ("d`agression").
            | '`' | '´'
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
    } else if is_alphabetic(c) {
        Class::Latin
    } else {
        Class::Other
    }
}

/// [`char::is_alphabetic`], with the chars news is full of answered without the Unicode
/// tables: Latin-1 (é, «, NBSP), the rest of the Arabic block (، ؛ ؟) and general punctuation
/// (’ “ ” –), none of them a letter there but ª µ º and the Latin-1 letters.
#[inline]
fn is_alphabetic(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphabetic(),
        'À'..='ÿ' => c != '×' && c != '÷',
        '\u{80}'..='\u{BF}' => matches!(c, 'ª' | 'µ' | 'º'),
        '\u{0600}'..='\u{06FF}' if !is_arabic_letter(c) && !is_mark(c) => false,
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphabetic(),
    }
}

impl Tokens {
    /// Split `text` into tokens, in one pass: each word is classified, folded and, in Latin,
    /// measured for case as its chars are read.
    pub fn new(text: &str) -> Tokens {
        let bytes = text.as_bytes();
        let mut items: Vec<Token> = Vec::with_capacity(text.len() / 6);
        let mut folded = String::with_capacity(text.len());
        let mut gap = Gap::default();
        let (mut at, mut char_index) = (0usize, 0u32);
        while let Some(c) = char_at(text, at) {
            let class = classify(c);
            let Some(script) = class.script() else {
                gap.push(c, class);
                at += c.len_utf8();
                char_index += 1;
                continue;
            };
            if let Some(previous) = items.last_mut() {
                previous.joined_to_next = gap.joins();
                previous.bracketed_next = gap.bracketed();
            }
            let mut word = Word::begin(at, char_index, script, folded.len());
            word.push(text, at, c, &mut folded);
            at += c.len_utf8();
            char_index += 1;
            // The word goes on through letters of its script and marks.
            loop {
                let (end, chars) = plain_run(bytes, at, script);
                if end > at {
                    word.skip_plain(end, chars);
                    at = end;
                    char_index += chars;
                }
                let Some(c) = char_at(text, at) else { break };
                let class = classify(c);
                if class != Class::Mark && class.script() != Some(script) {
                    break;
                }
                word.push(text, at, c, &mut folded);
                at += c.len_utf8();
                char_index += 1;
            }
            items.push(word.finish(text, char_index, &mut folded));
            gap = Gap::default();
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

/// The char at byte `at` of `text` (none at its end).
#[inline(always)]
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

/// The end (byte) and length (chars) of the run from byte `at` of chars that continue a word of
/// `script`, fold to themselves and, in Latin, are lower-case ASCII letters: most of any word,
/// read here byte by byte instead of char by char.
#[inline(always)]
fn plain_run(bytes: &[u8], mut at: usize, script: Script) -> (usize, u32) {
    let start = at;
    match script {
        Script::Arabic => {
            // The common letters U+0621..=U+063A and U+0641..=U+064A, less the five folding
            // changes (آ أ إ ة, ى).
            while let (Some(&lead), Some(&next)) = (bytes.get(at), bytes.get(at + 1)) {
                let plain = match lead {
                    0xD8 => matches!(next, 0xA1..=0xBA) && !matches!(next, 0xA2 | 0xA3 | 0xA5 | 0xA9),
                    0xD9 => matches!(next, 0x81..=0x8A) && next != 0x89,
                    _ => false,
                };
                if !plain {
                    break;
                }
                at += 2;
            }
            (at, ((at - start) / 2) as u32)
        }
        Script::Latin | Script::Digit => {
            let wanted = |b: u8| if script == Script::Latin { b.is_ascii_lowercase() } else { b.is_ascii_digit() };
            while bytes.get(at).is_some_and(|&b| wanted(b)) {
                at += 1;
            }
            (at, (at - start) as u32)
        }
    }
}

/// What lies between two words: whether they still follow each other.
#[derive(Default)]
struct Gap {
    len: u32,
    broken: bool,
    quotes: u32,
    brackets: u32,
    /// Broken by something other than one bracket.
    broken_but_brackets: bool,
}

impl Gap {
    /// One char between words (marks outside a word count for nothing).
    #[inline]
    fn push(&mut self, c: char, class: Class) {
        if class == Class::Mark {
            return;
        }
        self.len += 1;
        // One quotation mark is a scare quote (tué un "membre", neuf «terroristes»):
        // the words still follow each other.
        if is_quote(c) && self.quotes == 0 {
            self.quotes += 1;
        } else if !is_joiner(c) {
            self.broken = true;
            if matches!(c, '(' | ')') {
                self.brackets += 1;
            } else {
                self.broken_but_brackets = true;
            }
        }
    }

    /// The word before and the word after are joined.
    #[inline]
    fn joins(&self) -> bool {
        !self.broken && self.len <= 3
    }

    /// Only spaces and one round bracket lie between the words.
    #[inline]
    fn bracketed(&self) -> bool {
        !self.broken_but_brackets && self.brackets == 1 && self.len <= 3
    }
}

/// A word being read: its folded form is appended as its chars come, runs of chars that fold
/// to themselves copied in one piece.
struct Word {
    token: Token,
    /// Byte offset of the first char not yet copied to the folded form.
    kept: usize,
    letters: u32,
    uppers: u32,
}

impl Word {
    #[inline]
    fn begin(byte_start: usize, start: u32, script: Script, folded_start: usize) -> Word {
        let token = Token {
            start,
            end: start,
            byte_start: byte_start as u32,
            byte_end: byte_start as u32,
            folded_start: folded_start as u32,
            folded_end: folded_start as u32,
            script,
            upper_initial: false,
            all_upper: false,
            joined_to_next: false,
            bracketed_next: false,
        };
        Word { token, kept: byte_start, letters: 0, uppers: 0 }
    }

    /// A run of `chars` plain chars (see [`plain_run`]) ending at byte `end` belongs to the word.
    #[inline(always)]
    fn skip_plain(&mut self, end: usize, chars: u32) {
        self.token.byte_end = end as u32;
        if self.token.script == Script::Latin {
            self.letters += chars;
        }
    }

    /// Char `c` at `byte_index` of `text` belongs to the word (inlined: this runs for every
    /// char of every word; only a char that folds to another leaves the loop).
    #[inline(always)]
    fn push(&mut self, text: &str, byte_index: usize, c: char, folded: &mut String) {
        self.token.byte_end = (byte_index + c.len_utf8()) as u32;
        if self.token.script == Script::Latin {
            self.count_case(byte_index, c);
        }
        let fold = fold_char(c);
        if fold != Folded::One(c) {
            self.push_folded(text, byte_index, c, fold, folded);
        }
    }

    fn count_case(&mut self, byte_index: usize, c: char) {
        if is_alphabetic(c) {
            self.letters += 1;
            self.uppers += u32::from(c.is_uppercase());
        }
        if byte_index == self.token.byte_start as usize {
            self.token.upper_initial = c.is_uppercase();
        }
    }

    /// The run before `c` copied, then what `c` folds to.
    #[inline(never)]
    fn push_folded(&mut self, text: &str, byte_index: usize, c: char, fold: Folded, folded: &mut String) {
        folded.push_str(&text[self.kept..byte_index]);
        self.kept = byte_index + c.len_utf8();
        fold.push_to(folded);
    }

    /// The token, once its last char (ending before char `end`) is read.
    #[inline]
    fn finish(mut self, text: &str, end: u32, folded: &mut String) -> Token {
        let byte_end = self.token.byte_end as usize;
        folded.push_str(&text[self.kept..byte_end]);
        self.token.end = end;
        self.token.folded_end = folded.len() as u32;
        self.token.all_upper = self.letters >= 2 && self.letters == self.uppers;
        self.token
    }
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
    fn an_apostrophe_written_as_an_accent_joins_as_one() {
        for text in ["d`agression", "d´agression", "d'agression"] {
            let tokens = Tokens::new(text);
            assert_eq!(words(text), ["d", "agression"], "{text}");
            assert!(tokens.items()[0].joined_to_next, "{text}");
        }
    }

    #[test]
    fn french_elision_and_hyphens_split_but_stay_joined() {
        let tokens = Tokens::new("d'Al-Qaïda, puis");
        assert_eq!(words("d'Al-Qaïda, puis"), ["d", "al", "qaida", "puis"]);
        let joined: Vec<bool> = tokens.items().iter().map(|t| t.joined_to_next).collect();
        assert_eq!(joined, [true, true, false, false]);
    }

    #[test]
    fn one_round_bracket_marks_a_bracketed_neighbour() {
        let bracketed = |text: &str| Tokens::new(text).items().iter().map(|t| t.bracketed_next).collect::<Vec<_>>();
        assert_eq!(bracketed("منطقة (موردياه) الواقعة"), [true, true, false]);
        assert_eq!(bracketed("Gao, (Mali)"), [false, false]);
        assert_eq!(bracketed("Gao ((Mali"), [false, false]);
        assert!(Tokens::new("منطقة (موردياه)").items().iter().all(|t| !t.joined_to_next));
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
    fn alphabetic_fast_paths_agree_with_unicode() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
        }
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
