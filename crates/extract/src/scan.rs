//! Proposing names: at every word, every knowledge-base name that could start there.
//!
//! Each Arabic word is read bare and with each proclitic reading; each reading is looked up
//! at each transliteration tier and grown word by word while the growing key is a prefix of
//! some name. The article and case rules of the name are checked here; meaning in context is
//! left to [`crate::resolve`].

use marsad_kb::{Article, Case, KeyHash, KnowledgeBase, NameRef};
use marsad_text::clitic::Split;
use marsad_text::fold::{fold_char, Folded};
use marsad_text::layout::Span;
use marsad_text::skeleton::{is_vowel_in, push_key, sound_chars, Tier, MIN_CONSONANTS_FOR_LOOSE};
use marsad_text::{Script, Token, Tokens};
use std::ops::Range;

/// Loose tiers are only tried on words of at least this many letters.
const MIN_LETTERS_FOR_LOOSE: usize = 5;

/// A name listed as fewer words than the text shows (تين زاواتين for تينزاواتين) is only
/// matched when every text word has at least this many letters: "à Bamako" is not "aBamako".
const MIN_LETTERS_PER_SPLIT_WORD: usize = 3;

/// A name that could be at this place in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Chars naming it, proclitics excluded (the article kept when the name has it).
    pub span: Span,
    /// The indexed name found.
    pub name: NameRef,
    /// The first word carries the article.
    pub definite: bool,
    /// The first word carries و or ف.
    pub conjunction: bool,
    /// The first word carries ب, ل or ك.
    pub preposition: bool,
}

/// The char offset in the original text after the first `folded_chars` folded chars of `token`.
pub fn original_offset(text: &str, token: &Token, folded_chars: usize) -> u32 {
    if folded_chars == 0 {
        return token.start;
    }
    let slice = text.get(token.byte_start as usize..token.byte_end as usize).unwrap_or("");
    let mut produced = 0usize;
    let mut consumed = 0u32;
    for c in slice.chars() {
        let width = match fold_char(c) {
            Folded::Drop => 0,
            Folded::One(_) => 1,
            Folded::Two(..) => 2,
        };
        if produced >= folded_chars && width > 0 {
            break;
        }
        produced += width;
        consumed += 1;
    }
    token.start + consumed
}

fn clitics(folded: &str, split: &Split<'_>) -> (bool, bool) {
    let mut prefix = folded.chars().take(split.stem_offset);
    let first = prefix.next();
    let conjunction = matches!(first, Some('و' | 'ف'));
    // How many chars of the prefix follow the conjunction, counted without collecting them.
    let rest = prefix.count() + usize::from(first.is_some() && !conjunction);
    let article_chars = if split.definite {
        if split.article_offset.is_some() {
            2
        } else {
            1
        }
    } else {
        0
    };
    let preposition = rest > article_chars;
    (conjunction, preposition)
}

fn case_ok(tokens: &Tokens, first: usize, last: usize, case: Case) -> bool {
    let items = tokens.items();
    match case {
        Case::Any => true,
        Case::Capitalised => items[first].script != Script::Latin || items[first].upper_initial,
        Case::Acronym => items[first..=last]
            .iter()
            .all(|t| t.script != Script::Latin || t.all_upper || (t.upper_initial && t.end - t.start == 1)),
    }
}

/// The key hashes of a first word at each tier that can still lead to a name (exact, sound,
/// consonants, in that order; an array, not a vector: this runs for every reading of every
/// word): loose keys are built char by char and abandoned as soon as no name key begins with them.
fn first_word_keys(
    gazetteer: &marsad_kb::Gazetteer,
    script: Script,
    stem: &str,
    loose_ok: bool,
) -> [Option<(Tier, KeyHash)>; 3] {
    let mut exact = KeyHash::new(Tier::Exact);
    exact.feed(stem);
    let mut keys = [Some((Tier::Exact, exact)), None, None];
    if !loose_ok || script == Script::Digit {
        return keys;
    }
    let mut sound = Some(KeyHash::new(Tier::Sound));
    let mut consonants = (script == Script::Arabic).then(|| KeyHash::new(Tier::Consonants));
    let (mut sound_len, mut consonant_len) = (0usize, 0usize);
    for (position, c) in sound_chars(script, stem).enumerate() {
        // Checked on the short prefix set, which stays in cache: most words stop within four chars.
        let check = |len: usize| (2..=marsad_kb::SHORT_PREFIX_CHARS).contains(&len);
        if let Some(hash) = sound.as_mut() {
            if check(sound_len) && !gazetteer.is_short_prefix(*hash) {
                sound = None;
            } else {
                hash.feed_char(c);
                sound_len += 1;
            }
        }
        if !is_vowel_in(script, c, position) {
            if let Some(hash) = consonants.as_mut() {
                if check(consonant_len) && !gazetteer.is_short_prefix(*hash) {
                    consonants = None;
                } else {
                    hash.feed_char(c);
                    consonant_len += 1;
                }
            }
        }
        if sound.is_none() && consonants.is_none() {
            break;
        }
    }
    keys[1] = sound.map(|hash| (Tier::Sound, hash));
    // Consonant keys of short names collide with ordinary words; the index holds none.
    keys[2] = consonants.filter(|_| consonant_len >= MIN_CONSONANTS_FOR_LOOSE).map(|hash| (Tier::Consonants, hash));
    keys
}

/// True when the word carries tanween (ً ٌ ٍ): an indefinite noun or adjective, never a
/// proper name ("50 عنصرًا روسيًا" is "Russian", not Russia).
fn has_tanween(text: &str, token: &Token) -> bool {
    text.get(token.byte_start as usize..token.byte_end as usize)
        .is_some_and(|w| w.chars().any(|c| matches!(c, '\u{064B}'..='\u{064D}')))
}

/// Every candidate name in tokens `range` of `text`.
pub fn candidates(kb: &KnowledgeBase, text: &str, tokens: &Tokens, range: Range<usize>) -> Vec<Candidate> {
    let gazetteer = kb.gazetteer();
    let items = tokens.items();
    let mut out = Vec::new();
    let mut key = String::new();
    let end = range.end;
    for first in range {
        let token = &items[first];
        if token.script == Script::Digit {
            continue;
        }
        let folded = tokens.folded(first);
        for split in tokens.readings(first) {
            let (conjunction, preposition) = clitics(folded, &split);
            // At least MIN_LETTERS_FOR_LOOSE letters, without counting the rest of a long word.
            let loose_ok = split.stem.chars().nth(MIN_LETTERS_FOR_LOOSE - 1).is_some();
            let keys = first_word_keys(gazetteer, token.script, split.stem, loose_ok);
            for &(tier, start) in keys.iter().flatten() {
                let mut hash = start;
                let mut last = first;
                loop {
                    let (names, grows) = gazetteer.lookup(hash);
                    for name in names {
                        if name.tier != tier {
                            continue;
                        }
                        let article_ok = match name.article {
                            Article::Any => true,
                            Article::Required => split.definite,
                            Article::Forbidden => !split.definite,
                        };
                        let split_word_ok = usize::from(name.words) > last - first
                            || (first..=last).all(|t| tokens.folded(t).chars().count() >= MIN_LETTERS_PER_SPLIT_WORD);
                        let proper_name =
                            !matches!(name.target, marsad_kb::Target::Place(_)) || !has_tanween(text, &items[last]);
                        if !article_ok || !split_word_ok || !proper_name || !case_ok(tokens, first, last, name.case) {
                            continue;
                        }
                        let keep = split.article_offset.unwrap_or(split.stem_offset);
                        let keep = if name.article == Article::Forbidden { split.stem_offset } else { keep };
                        let start = original_offset(text, token, keep);
                        out.push(Candidate {
                            first,
                            last,
                            span: Span { start, end: items[last].end },
                            name: *name,
                            definite: split.definite,
                            conjunction,
                            preposition,
                        });
                    }
                    if last + 1 >= end || !items[last].joined_to_next || !grows {
                        break;
                    }
                    last += 1;
                    key.clear();
                    push_key(tier, items[last].script, tokens.folded(last), &mut key);
                    hash.feed(&key);
                }
            }
        }
    }
    out
}
