//! The forms under which a word may be listed in a lexicon: the word itself and, for Arabic,
//! each reading without its proclitics (والجيش → جيش) and without an enclitic pronoun
//! (حصارها → حصار, مسؤوليتها → مسؤولية), as 64-bit hashes computed once per document so that
//! every word list looks a token up with a few integer compares.

use crate::clitic::{splits_into, Split};
use crate::token::{Script, Tokens};

/// Enclitic pronouns a lexicon word may carry in text. A lone ه is not one of them: once ة is
/// folded to ه it cannot be told apart (السيطرة is not سيطر + ه).
const ENCLITICS: [&str; 5] = ["هما", "هم", "هن", "ها", "كم"];

/// The last letters of [`ENCLITICS`].
const ENCLITIC_ENDINGS: [char; 3] = ['م', 'ن', 'ا'];

/// Shortest word left once a pronoun is removed: only nouns and verbs, never prepositions
/// (بينها "among them" is not بين "between").
const MIN_BASE_CHARS: usize = 4;

/// The FNV-1a offset basis: the hash of no bytes.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// `hash` carried on over the bytes of `part` (FNV-1a, 64 bits).
#[inline]
fn fnv_feed(mut hash: u64, part: &str) -> u64 {
    for byte in part.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The hash lexicons index a folded word by (FNV-1a, 64 bits).
#[inline]
pub fn form_hash(folded: &str) -> u64 {
    fnv_feed(FNV_OFFSET, folded)
}

/// The [`form_hash`] of `parts` written one after the other, without building the joined
/// string (tables of every proclitic spelling of a word hash thousands of them).
pub fn form_hash_of_parts(parts: &[&str]) -> u64 {
    parts.iter().fold(FNV_OFFSET, |hash, part| fnv_feed(hash, part))
}

fn hash_with_feminine(base: &str) -> Option<u64> {
    let without = base.strip_suffix('ت')?;
    Some(form_hash_of_parts(&[without, "ه"]))
}

/// One proclitic reading of a token, stored by offsets into its folded form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reading {
    stem_byte: u16,
    stem_offset: u8,
    article_offset: Option<u8>,
    definite: bool,
}

/// The forms and proclitic readings of every token of a text.
#[derive(Debug, Clone, Default)]
pub struct Forms {
    starts: Vec<u32>,
    hashes: Vec<u64>,
    reading_starts: Vec<u32>,
    readings: Vec<Reading>,
}

impl Forms {
    /// Compute the forms of every token.
    pub fn new(tokens: &Tokens) -> Forms {
        let mut starts = Vec::with_capacity(tokens.len() + 1);
        let mut hashes = Vec::with_capacity(tokens.len() * 2);
        let mut reading_starts = Vec::with_capacity(tokens.len() + 1);
        let mut stored = Vec::with_capacity(tokens.len() * 2);
        let mut readings: Vec<Split<'_>> = Vec::with_capacity(8);
        for (index, token) in tokens.items().iter().enumerate() {
            starts.push(hashes.len() as u32);
            reading_starts.push(stored.len() as u32);
            let folded = tokens.folded(index);
            hashes.push(form_hash(folded));
            if token.script != Script::Arabic || folded.len() > usize::from(u16::MAX) {
                continue;
            }
            splits_into(folded, &mut readings);
            for reading in readings.iter().skip(1) {
                stored.push(Reading {
                    stem_byte: (folded.len() - reading.stem.len()) as u16,
                    stem_offset: reading.stem_offset.min(255) as u8,
                    article_offset: reading.article_offset.map(|a| a.min(255) as u8),
                    definite: reading.definite,
                });
            }
            for (i, reading) in readings.iter().enumerate() {
                if i > 0 {
                    hashes.push(form_hash(reading.stem));
                }
                // Every pronoun ends in م, ن or ا: most stems need no closer look.
                if !reading.stem.ends_with(ENCLITIC_ENDINGS) {
                    continue;
                }
                for pronoun in ENCLITICS {
                    if let Some(base) = reading.stem.strip_suffix(pronoun) {
                        if base.chars().count() >= MIN_BASE_CHARS {
                            // A base in ت is a noun in ة carrying the pronoun (سيطرتها → سيطرة),
                            // not the verb it would spell (سيطرت); a base in ات is a plural (قواتهم → قوات).
                            match hash_with_feminine(base).filter(|_| !base.ends_with("ات")) {
                                Some(feminine) => hashes.push(feminine),
                                None => hashes.push(form_hash(base)),
                            }
                        }
                    }
                }
            }
        }
        starts.push(hashes.len() as u32);
        reading_starts.push(stored.len() as u32);
        Forms { starts, hashes, reading_starts, readings: stored }
    }

    /// The proclitic readings of token `index` (without the bare reading), over its folded form.
    pub fn readings<'a>(&'a self, index: usize, folded: &'a str) -> impl Iterator<Item = Split<'a>> + 'a {
        let stored = match (self.reading_starts.get(index), self.reading_starts.get(index + 1)) {
            (Some(&a), Some(&b)) => &self.readings[a as usize..b as usize],
            _ => &[],
        };
        stored.iter().filter_map(move |r| {
            Some(Split {
                stem: folded.get(usize::from(r.stem_byte)..)?,
                stem_offset: usize::from(r.stem_offset),
                article_offset: r.article_offset.map(usize::from),
                definite: r.definite,
            })
        })
    }

    /// The form hashes of token `index` (empty past the end).
    #[inline]
    pub fn of(&self, index: usize) -> &[u64] {
        match (self.starts.get(index), self.starts.get(index + 1)) {
            (Some(&a), Some(&b)) => &self.hashes[a as usize..b as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold_str;

    #[test]
    fn every_enclitic_ends_in_a_letter_the_quick_check_knows() {
        assert!(ENCLITICS.iter().all(|pronoun| pronoun.ends_with(ENCLITIC_ENDINGS)));
    }

    fn has(text: &str, form: &str) -> bool {
        Tokens::new(text).forms(0).contains(&form_hash(&fold_str(form)))
    }

    #[test]
    fn arabic_words_are_listed_without_clitics_and_pronouns() {
        assert!(has("والجيش", "جيش"));
        assert!(has("حصارها", "حصار"));
        assert!(has("مسؤوليتها", "مسؤولية"));
        assert!(!has("بينها", "بين"));
        assert!(!has("السيطرة", "سيطر"), "the feminine ending is not a pronoun");
        assert!(!has("سيطرتها", "سيطرت"), "its control is not she controlled");
        assert!(has("قواتهم", "قوات"));
    }

    #[test]
    fn parts_hash_as_their_concatenation() {
        assert_eq!(form_hash_of_parts(&["و", "ال", "جيش"]), form_hash("والجيش"));
        assert_eq!(form_hash_of_parts(&[]), form_hash(""));
    }

    #[test]
    fn latin_words_have_their_folded_form_only() {
        assert_eq!(Tokens::new("Armée").forms(0), [form_hash("armee")]);
    }
}
