//! The terms a word is indexed and searched under, and the tantivy tokenizer that emits them.
//!
//! Every word of a text (as split by `marsad_text::Tokens`) yields, at one and the same
//! position:
//! - its folded form (alef forms, ى/ي, ة/ه, diacritics, tatweel, case, accents folded);
//! - for Arabic, the stem of each proclitic reading (`Tokens::readings`: و ف ب ل ك ال لل
//!   stripped, so وبباماكو is also بباماكو and باماكو);
//! - the sound key (`skeleton::Tier::Sound`) of the folded form and of each stem, prefixed with
//!   [`SOUND_MARKER`] so that it can never collide with a real word (فاغنر and فاجنر share
//!   one); digits have none.
//!
//! Offsets are byte offsets into the original text, as tantivy expects. The query side
//! ([`crate::query`]) analyses the user's words with the same [`WordTerms`], so the two cannot
//! drift apart.

use marsad_text::skeleton::{push_key, Tier};
use marsad_text::{Script, Tokens};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Prefix of sound-key terms: a control character that never survives into a token.
pub const SOUND_MARKER: char = '\u{1}';

/// Name under which [`MarsadTokenizer`] is registered with the index.
pub const TOKENIZER: &str = "marsad";

/// Shortest proclitic stem (in chars) indexed for a word of a text.
pub const INDEX_MIN_STEM_CHARS: usize = 2;

/// Shortest proclitic stem (in chars) a query word is also searched under: two-letter stems
/// of a query word (كتب → تب) would find too many unrelated words.
pub const QUERY_MIN_STEM_CHARS: usize = 3;

/// What kind of term a word produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// The whole word, folded.
    Folded,
    /// The word without one reading of its proclitics.
    Stem,
    /// A sound key (starts with [`SOUND_MARKER`]).
    Sound,
}

/// The distinct terms of one word, in buffers reused from word to word.
#[derive(Debug, Clone, Default)]
pub struct WordTerms {
    buf: String,
    spans: Vec<(u32, u32, Form)>,
}

impl WordTerms {
    /// Replace the contents with the terms of word `index` of `tokens`: the folded form first,
    /// then stems of at least `min_stem_chars` chars, then sound keys; no term twice.
    pub fn fill(&mut self, tokens: &Tokens, index: usize, min_stem_chars: usize) {
        self.buf.clear();
        self.spans.clear();
        let Some(token) = tokens.items().get(index) else { return };
        let folded = tokens.folded(index);
        self.push(Form::Folded, |b| b.push_str(folded));
        if token.script == Script::Digit {
            return;
        }
        if token.script == Script::Arabic {
            for reading in tokens.readings(index).skip(1) {
                if reading.stem.chars().count() >= min_stem_chars {
                    self.push(Form::Stem, |b| b.push_str(reading.stem));
                }
            }
        }
        for k in 0..self.spans.len() {
            let (start, end, _) = self.spans[k];
            let word = self.buf[start as usize..end as usize].to_owned();
            self.push(Form::Sound, |b| {
                b.push(SOUND_MARKER);
                push_key(Tier::Sound, token.script, &word, b);
            });
        }
    }

    /// Append one candidate term; drop it again if empty or already present.
    fn push(&mut self, form: Form, write: impl FnOnce(&mut String)) {
        let start = self.buf.len();
        write(&mut self.buf);
        let end = self.buf.len();
        let new = &self.buf[start..];
        let empty = new.is_empty() || new == "\u{1}";
        let seen = self.spans.iter().any(|&(s, e, _)| &self.buf[s as usize..e as usize] == new);
        if empty || seen {
            self.buf.truncate(start);
        } else {
            self.spans.push((start as u32, end as u32, form));
        }
    }

    /// The terms with their kinds, the folded form first.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Form)> + '_ {
        self.spans.iter().map(|&(s, e, form)| (&self.buf[s as usize..e as usize], form))
    }

    /// The folded form (empty when the word index was out of range).
    pub fn folded(&self) -> &str {
        self.iter().next().map(|(t, _)| t).unwrap_or("")
    }
}

/// The tantivy tokenizer of indexed text: every [`WordTerms`] term of a word at the word's
/// position, with the word's byte offsets in the original text.
#[derive(Debug, Clone, Default)]
pub struct MarsadTokenizer {
    tokens: Vec<Token>,
    terms: WordTerms,
}

/// The tokens of one text, produced up front by [`MarsadTokenizer`].
#[derive(Debug)]
pub struct MarsadTokenStream<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

impl Tokenizer for MarsadTokenizer {
    type TokenStream<'a> = MarsadTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MarsadTokenStream<'a> {
        let words = Tokens::new(text);
        let mut len = 0;
        for (position, word) in words.items().iter().enumerate() {
            self.terms.fill(&words, position, INDEX_MIN_STEM_CHARS);
            for (term, _) in self.terms.iter() {
                if len == self.tokens.len() {
                    self.tokens.push(Token::default());
                }
                let token = &mut self.tokens[len];
                token.offset_from = word.byte_start as usize;
                token.offset_to = word.byte_end as usize;
                token.position = position;
                token.position_length = 1;
                token.text.clear();
                token.text.push_str(term);
                len += 1;
            }
        }
        MarsadTokenStream { tokens: &mut self.tokens[..len], next: 0 }
    }
}

impl TokenStream for MarsadTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(word: &str, min: usize) -> Vec<(String, Form)> {
        let tokens = Tokens::new(word);
        let mut t = WordTerms::default();
        t.fill(&tokens, 0, min);
        t.iter().map(|(s, f)| (s.to_string(), f)).collect()
    }

    fn has(word: &str, term: &str) -> bool {
        terms(word, INDEX_MIN_STEM_CHARS).iter().any(|(t, _)| t == term)
    }

    fn sound(word: &str) -> String {
        terms(word, INDEX_MIN_STEM_CHARS).into_iter().find(|(_, f)| *f == Form::Sound).unwrap().0
    }

    #[test]
    fn clitic_word_is_indexed_under_its_stems() {
        assert!(has("وبِباماكو", "وبباماكو"));
        assert!(has("وبباماكو", "باماكو"));
        assert!(has("للنيجر", "نيجر"));
    }

    #[test]
    fn sound_keys_are_marked_and_shared_by_transliterations() {
        assert!(sound("فاغنر").starts_with(SOUND_MARKER));
        assert_eq!(sound("فاغنر"), sound("فاجنر"));
        assert_eq!(sound("Tessalit"), sound("tesalit"));
    }

    #[test]
    fn folded_form_comes_first_and_terms_are_distinct() {
        let all = terms("وبباماكو", INDEX_MIN_STEM_CHARS);
        assert_eq!(all[0], ("وبباماكو".to_string(), Form::Folded));
        let mut seen: Vec<&String> = all.iter().map(|(t, _)| t).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), all.len());
    }

    #[test]
    fn digits_have_no_sound_key() {
        assert_eq!(terms("٢٠٢٥", INDEX_MIN_STEM_CHARS), [("2025".to_string(), Form::Folded)]);
    }

    #[test]
    fn all_terms_of_a_word_share_its_position_and_original_offsets() {
        let text = "وصل الوفد وبباماكو";
        let mut tokenizer = MarsadTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut found = Vec::new();
        while stream.advance() {
            let t = stream.token();
            if t.text == "باماكو" {
                found.push((t.position, &text[t.offset_from..t.offset_to]));
            }
        }
        assert_eq!(found, [(2, "وبباماكو")]);
    }
}
