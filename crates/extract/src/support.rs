//! Places that need the text's support: generated gazetteer entries (thousands of GeoNames
//! villages, many named like common words or like each other) and Arabic words matched to a
//! Latin-only entry through the phonetic key.
//!
//! Resolution proposes [`Pending`] places with every same-named candidate; once the whole text
//! is read, [`settle`] gives each candidate its [`Support`] (a place word before it, a region
//! or country named near it that contains it, the story's country) and keeps the best
//! supported one, or none of them.

use crate::context::ByStart;
use crate::{Entity, How, Mention, Support};
use marsad_kb::lexicon::{may_have, Entry, ListMatch, ListSet};
use marsad_kb::{KnowledgeBase, List, Place, PlaceKind};
use marsad_text::bytes::{holds_any, word_at};
use marsad_text::layout::Span;
use marsad_text::skeleton::Tier;
use marsad_text::{Script, Tokens};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// A region or country supports a place named at most this many chars away.
const NEAR_CHARS: u32 = 600;

/// A unit named at most this many chars from a village says where it lies ("X, in the province
/// of Y", "X الواقعة في محافظة Y").
const UNIT_BESIDE_CHARS: u32 = 80;

/// Chars after a name within which a place named says where it lies ("à Kabara, Mopti").
const RIGHT_AFTER_CHARS: u32 = 12;

/// Words between a place word and the name (la localité de X, the village of X).
const LINKS: [&str; 5] = ["de", "d", "du", "des", "of"];

/// A place mention that waits for the whole text before it is accepted.
#[derive(Debug, Clone)]
pub struct Pending {
    /// The chars that name it.
    pub span: Span,
    /// Every place the name may be (same-named entries), curated ones included.
    pub candidates: Vec<u32>,
    /// Places tried only when no candidate is supported: the towns a word for a region may
    /// also name (منطقة موردياه, the area around Mourdiah).
    pub fallback: Vec<u32>,
    /// A place word stands before it (قرية X, la localité de X, the village of X), or before the
    /// list it belongs to.
    pub place_word: bool,
    /// First word of a sentence or next to another capitalised word: a Latin name there is as
    /// likely a common word or part of a person's name, so the story's country is no support.
    pub weak_position: bool,
    /// Found through the phonetic key (an Arabic word, a Latin-only entry).
    pub phonetic: bool,
    /// Said right after it to lie in "the country" ("(شمال شرقي البلاد)", "dans le nord du
    /// pays"): the story's country, so a namesake elsewhere is not it.
    pub in_the_country: bool,
    /// How loosely the spelling matched.
    pub tier: Tier,
    /// Of a phonetic match's candidates, those whose Latin name has the vowels the Arabic
    /// spelling writes ([`spelled_candidates`]).
    pub spelled: Vec<u32>,
    /// A Latin name right after a locative ("à Djibasso", "in Boungou").
    pub after_locative: bool,
}

/// Which typed word lists may have an entry ending at each token of a text
/// ([`marsad_kb::Lexicon::typed_lists`]): a list without its bit at a token has none ending
/// there, and is not searched.
#[derive(Debug, Clone, Copy)]
pub struct Ends<'a>(pub &'a [ListSet]);

impl<'a> Ends<'a> {
    /// The longest entry of `list` that ends at token `at` ([`marsad_kb::lexicon::WordList::ending_at`]).
    pub fn entry<'k>(self, kb: &'k KnowledgeBase, list: List, tokens: &Tokens, at: usize) -> Option<ListMatch<'k>> {
        let possible = self.0.get(at).is_some_and(|&lists| may_have(lists, list));
        if possible {
            kb.lexicon.list(list).ending_at(tokens, at)
        } else {
            None
        }
    }
}

/// The place word right before token `first` (skipping de, du, of): `Some(level)` with the admin
/// level it names (région → 1, cercle or province → 2) or `Some(None)` for town words.
pub fn place_word_before(
    kb: &KnowledgeBase,
    tokens: &Tokens,
    ends: Ends<'_>,
    range: &Range<usize>,
    first: usize,
) -> Option<Option<u8>> {
    place_cue_before(kb, tokens, ends, range, first).map(|cue| admin_level(cue.role.as_deref()))
}

/// The place word right before token `first` (maybe with "de", "of" between), as the lexicon
/// lists it.
fn place_cue_before<'k>(
    kb: &'k KnowledgeBase,
    tokens: &Tokens,
    ends: Ends<'_>,
    range: &Range<usize>,
    first: usize,
) -> Option<&'k Entry> {
    let items = tokens.items();
    let mut before = first;
    for step in 0..2 {
        // The name may stand in brackets right after its place word: منطقة (موردياه).
        let bracketed = step == 0 && before > range.start && items[before - 1].bracketed_next;
        if before == range.start || !(items[before - 1].joined_to_next || bracketed) {
            return None;
        }
        before -= 1;
        if let Some(cue) = ends.entry(kb, List::PlaceWords, tokens, before) {
            // An Arabic place word takes its name as a construct (قرية X), never with the article.
            let construct = items[before].script != Script::Arabic || !definite(tokens.folded(before));
            return construct.then_some(cue.entry);
        }
        if !LINKS.contains(&tokens.folded(before)) {
            return None;
        }
    }
    None
}

fn admin_level(role: Option<&str>) -> Option<u8> {
    match role {
        Some("admin1" | "area") => Some(1),
        Some("admin2") => Some(2),
        _ => None,
    }
}

/// An admin word after a list of names ("the Tillabéri, Diffa, and Dosso regions"): its level.
pub fn admin_word_after(
    kb: &KnowledgeBase,
    text: &str,
    tokens: &Tokens,
    range: &Range<usize>,
    last: usize,
) -> Option<u8> {
    let items = tokens.items();
    let cues = kb.lexicon.list(marsad_kb::List::PlaceWords);
    let mut at = last + 1;
    while at < range.end && at <= last + 12 {
        let gap = text.get(items[at - 1].byte_end as usize..items[at].byte_start as usize).unwrap_or(".");
        if !gap.chars().all(|c| c.is_whitespace() || c == ',') {
            return None;
        }
        if let Some(cue) = cues.starting_at(tokens, at) {
            return admin_level(cue.entry.role.as_deref());
        }
        let member = items[at].script == Script::Latin && items[at].upper_initial;
        if !member && !matches!(tokens.folded(at), "and" | "or") {
            return None;
        }
        at += 1;
    }
    None
}

/// True when an Arabic word carries the article (المنطقة, بالمنطقة, والمنطقة).
fn definite(folded: &str) -> bool {
    let rest = folded.strip_prefix(['و', 'ف']).unwrap_or(folded);
    let rest = rest.strip_prefix(['ب', 'ك']).unwrap_or(rest);
    rest.starts_with("ال") || rest.starts_with("لل")
}

/// True when Arabic token `at` is followed by a Latin word in parentheses: the text spells it
/// out ("بانيكوارا (Banikoara)").
pub fn opens_gloss(text: &str, tokens: &Tokens, at: usize) -> bool {
    let items = tokens.items();
    let (Some(word), Some(next)) = (items.get(at), items.get(at + 1)) else { return false };
    let gap = text.get(word.byte_end as usize..next.byte_start as usize).unwrap_or("");
    word.script == Script::Arabic && next.script == Script::Latin && gap.trim() == "("
}

/// The Arabic word that Latin tokens `first..=last` spell out, when they stand alone in
/// parentheses right after it ("بانيكوارا (Banikoara)"): Arabic news glosses foreign names so.
pub fn glossed_word(text: &str, tokens: &Tokens, range: &Range<usize>, first: usize, last: usize) -> Option<usize> {
    let items = tokens.items();
    if first <= range.start || last >= items.len() || !opens_gloss(text, tokens, first - 1) {
        return None;
    }
    let after_end = items.get(last + 1).map_or(text.len(), |t| t.byte_start as usize);
    let closing = text.get(items[last].byte_end as usize..after_end).unwrap_or("");
    closing.trim_start().starts_with(')').then_some(first - 1)
}

/// True when a Latin name is the first word of its sentence or stands next to another
/// capitalised word (a person's or an organisation's name).
pub fn weak_position(tokens: &Tokens, range: &Range<usize>, first: usize, last: usize) -> bool {
    let items = tokens.items();
    if items[first].script != Script::Latin {
        return false;
    }
    let capitalised = |i: usize| items[i].script == Script::Latin && items[i].upper_initial;
    let initial = first == range.start || !items[first - 1].joined_to_next;
    let before = first > range.start && items[first - 1].joined_to_next && capitalised(first - 1);
    let after = last + 1 < range.end && items[last].joined_to_next && capitalised(last + 1);
    // "Force Rapide de Kouka": a name ending in de/of + the place is an organisation's name.
    let named_after = first >= range.start + 2
        && items[first - 1].joined_to_next
        && items[first - 2].joined_to_next
        && LINKS.contains(&tokens.folded(first - 1))
        && capitalised(first - 2);
    initial || before || after || named_after
}

/// The Arabic words not covered by any name that a Latin-only place's phonetic key matches.
pub fn phonetic_candidates(
    kb: &KnowledgeBase,
    text: &str,
    tokens: &Tokens,
    ends: Ends<'_>,
    range: &Range<usize>,
    taken: &[bool],
    pending: &mut Vec<Pending>,
) {
    let index = kb.phonetic();
    if index.is_empty() {
        return;
    }
    let items = tokens.items();
    for at in range.clone() {
        if taken[at - range.start] || items[at].script != Script::Arabic {
            continue;
        }
        // Only after a place word, or after a locative among the curated towns (في فارابوكو, جنوب
        // أغيلهوك: a spelling the entry lacks): phonetic keys of ordinary words collide with village names.
        let cue_entry = place_cue_before(kb, tokens, ends, range, at);
        let area = cue_entry.is_some_and(|e| e.role.as_deref() == Some("area"));
        let cue = cue_entry.map(|e| admin_level(e.role.as_deref()));
        // Only a space between the locative and the name: no comma or line break in between.
        let after_locative = cue.is_none()
            && at > range.start
            && items[at - 1].joined_to_next
            && after_locative(kb, tokens, ends, range, at);
        if (cue.is_none() && !after_locative) || common_word(kb, text, tokens, at) {
            continue;
        }
        // "سونغا-ماركا": half of a hyphenated name is no place of its own (Sangha).
        let hyphen = |a: usize, b: usize| {
            b < range.end
                && a >= range.start
                && items[b].script == Script::Arabic
                && text.get(items[a].byte_end as usize..items[b].byte_start as usize) == Some("-")
        };
        if hyphen(at, at + 1) || (at > 0 && hyphen(at - 1, at)) {
            cov_mark::hit!(half_a_hyphenated_name_is_no_place);
            continue;
        }
        let cue = cue.flatten();
        // After a word for a region or province (محافظة بام), short names are tried too, among units only.
        // After a mere locative, only long keys: short ones match ordinary words (في تصريح, نفسها).
        let shortest = match (cue, after_locative) {
            (Some(_), _) => 2,
            (None, true) => LOCATIVE_PHONETIC_CONSONANTS,
            (None, false) => marsad_kb::phonetic::MIN_PHONETIC_CONSONANTS,
        };
        // A word for a settlement (قرية كورمي) names no province: Gourma is not the village.
        let settlement = cue_entry.is_some() && cue.is_none();
        let fits = |&p: &u32| {
            let place = &kb.places[p as usize];
            let kind_fits = match (cue, settlement) {
                (Some(_), _) => place.kind == PlaceKind::Region,
                (None, true) => place.kind != PlaceKind::Region,
                (None, false) => true,
            };
            kind_fits && (!after_locative || !place.generated)
        };
        // After a mere locative, a generated village is tried only when no curated town is: its
        // spelling must then single it out in the story's country (`support_of`).
        let fits_loosely = |&p: &u32| after_locative && kb.places[p as usize].kind == PlaceKind::Town;
        let mut found: Option<(u32, Vec<u32>, Vec<u32>)> = None;
        let mut found_stem = "";
        // A village's name after قرية carries no clitic: لتعقب after المنطقة is "to track".
        for split in tokens.readings(at).filter(|s| !s.definite && s.stem_offset == 0) {
            let key = marsad_kb::phonetic::arabic_key(split.stem);
            if marsad_kb::phonetic::length(&key) < shortest {
                continue;
            }
            let mut places = phonetic_matches(kb, &key, &fits);
            if places.is_empty() {
                places = phonetic_matches(kb, &key, &fits_loosely);
            }
            // منطقة موردياه: a word for a region also names the area around a town, tried when no
            // unit of that name is supported.
            let towns = match area && marsad_kb::phonetic::length(&key) >= marsad_kb::phonetic::MIN_PHONETIC_CONSONANTS
            {
                true => phonetic_matches(kb, &key, &|&p: &u32| kb.places[p as usize].kind == PlaceKind::Town),
                false => Vec::new(),
            };
            if !places.is_empty() || !towns.is_empty() {
                let start = crate::scan::original_offset(text, &items[at], split.stem_offset);
                found = Some((start, places, towns));
                found_stem = split.stem;
                break;
            }
        }
        if let Some((start, candidates, fallback)) = found {
            let span = Span { start, end: items[at].end };
            let written = &tokens.folded(at)[tokens.folded(at).len() - found_stem.len()..];
            pending.push(phonetic_pending(kb, tokens, span, at, written, (candidates, fallback), !after_locative));
        }
    }
}

/// A place found through the phonetic key, ending at token `last`, waiting for support.
fn phonetic_pending(
    kb: &KnowledgeBase,
    tokens: &Tokens,
    span: Span,
    last: usize,
    written: &str,
    (candidates, fallback): (Vec<u32>, Vec<u32>),
    place_word: bool,
) -> Pending {
    Pending {
        spelled: spelled_candidates(kb, written, &candidates),
        span,
        candidates,
        fallback,
        place_word,
        weak_position: false,
        phonetic: true,
        after_locative: !place_word,
        in_the_country: (last + 1..(last + 1 + COUNTRY_ANAPHOR_GAP).min(tokens.len()))
            .any(|t| kb.lexicon.list(List::CountryAnaphors).starting_at(tokens, t).is_some()),
        tier: Tier::Consonants,
    }
}

/// Vowels of a Latin name an Arabic spelling may leave unwritten and still be that name.
const MAX_UNWRITTEN_VOWELS: usize = 1;

/// Of `candidates` (places sharing the consonant key of the Arabic word `written`), those whose
/// Latin name the spelling writes most closely, vowels included, within
/// [`MAX_UNWRITTEN_VOWELS`]: ساكويرا among 29 villages of Niger keyed s-k-r is Sakoira (and
/// Sakoyra in Mali), each the only one of its country. Empty when none is close: "none of these".
fn spelled_candidates(kb: &KnowledgeBase, written: &str, candidates: &[u32]) -> Vec<u32> {
    use marsad_kb::phonetic::{arabic_vowel_key, latin_vowel_key, vowels_unwritten};
    let arabic = arabic_vowel_key(written);
    let closeness = |&p: &u32| {
        let names = kb.places[p as usize].names.all().map(|(_, name)| name);
        let latin = names.filter(|n| !n.chars().any(marsad_text::fold::is_arabic_letter));
        latin.filter_map(|n| vowels_unwritten(&arabic, &latin_vowel_key(&marsad_text::fold::fold_str(n)))).min()
    };
    let ranked: Vec<(usize, u32)> = candidates.iter().filter_map(|p| closeness(p).map(|c| (c, *p))).collect();
    let Some(best) = ranked.iter().map(|(c, _)| *c).min().filter(|&c| c <= MAX_UNWRITTEN_VOWELS) else {
        return Vec::new();
    };
    let closest: Vec<u32> = ranked.into_iter().filter(|(c, _)| *c == best).map(|(_, p)| p).collect();
    // Two villages of one spelling in one country are "none of these" there.
    let country = |p: u32| kb.places[p as usize].country.as_deref();
    closest.iter().copied().filter(|&p| closest.iter().filter(|&&o| country(o) == country(p)).count() == 1).collect()
}

/// "قرية ديانغا ساغو": a village's name written in two Arabic words (Diangassagou) after a word
/// for a settlement, found by the phonetic key of the two joined. Read before any loose reading
/// of one of the words alone, unless the first is a name the base lists (`named_alone`);
/// returns the tokens it covers.
pub fn two_word_villages(
    kb: &KnowledgeBase,
    text: &str,
    tokens: &Tokens,
    ends: Ends<'_>,
    range: &Range<usize>,
    named_alone: &dyn Fn(usize) -> bool,
    pending: &mut Vec<Pending>,
) -> Vec<usize> {
    let mut covered = Vec::new();
    if kb.phonetic().is_empty() {
        return covered;
    }
    let items = tokens.items();
    for at in range.start..range.end.saturating_sub(1) {
        let next = at + 1;
        let arabic = items[at].script == Script::Arabic && items[next].script == Script::Arabic;
        if !arabic || !items[at].joined_to_next || covered.last() == Some(&at) {
            continue;
        }
        let cue = place_cue_before(kb, tokens, ends, range, at);
        let settlement = cue.is_some_and(|e| admin_level(e.role.as_deref()).is_none());
        // "مدينة كوتيالا يوم الخميس": a name the base lists stands alone; "بلدتي غوسي وهومبوري": a
        // second word after "and" is a second name.
        let and = tokens.folded(next).starts_with('و');
        if !settlement
            || named_alone(at)
            || and
            || common_word(kb, text, tokens, at)
            || common_word(kb, text, tokens, next)
        {
            continue;
        }
        let key = marsad_kb::phonetic::arabic_key(&format!("{}{}", tokens.folded(at), tokens.folded(next)));
        if marsad_kb::phonetic::length(&key) < DISTINCTIVE_CONSONANTS {
            continue;
        }
        let places = phonetic_matches(kb, &key, &|&p: &u32| kb.places[p as usize].kind != PlaceKind::Region);
        if places.is_empty() {
            continue;
        }
        cov_mark::hit!(a_village_name_in_two_arabic_words_is_one_name);
        let span = Span { start: items[at].start, end: items[next].end };
        let written = format!("{}{}", tokens.folded(at), tokens.folded(next));
        pending.push(phonetic_pending(kb, tokens, span, next, &written, (places, Vec::new()), true));
        covered.extend([at, next]);
    }
    covered
}

/// The places filed under a phonetic key that `fits` accepts; ك often writes a g (فارابوكو /
/// Farabougou), so the g reading is tried when the k finds nothing.
fn phonetic_matches(kb: &KnowledgeBase, key: &str, fits: &dyn Fn(&u32) -> bool) -> Vec<u32> {
    let index = kb.phonetic();
    let mut places: Vec<u32> = index.get(key).iter().copied().filter(fits).collect();
    if places.is_empty() && key.contains('k') {
        places = index.get(&key.replace('k', "g")).iter().copied().filter(fits).collect();
    }
    places
}

/// Consonants of a name distinctive enough to be taken in a region the text names.
const DISTINCTIVE_CONSONANTS: usize = 4;

/// True when the place's first name has at least [`DISTINCTIVE_CONSONANTS`] in its phonetic key.
fn distinctive(place: &Place) -> bool {
    place.names.get("en").first().is_some_and(|name| {
        let key = marsad_kb::phonetic::latin_key(&marsad_text::fold::fold_str(name));
        marsad_kb::phonetic::length(&key) >= DISTINCTIVE_CONSONANTS
    })
}

/// Tokens after a name within which "the country" (البلاد, du pays) says where it lies.
const COUNTRY_ANAPHOR_GAP: usize = 5;

/// Consonants a key needs to be tried after a mere locative.
const LOCATIVE_PHONETIC_CONSONANTS: usize = 4;

/// Articles that may stand between a preposition and a name (de l'Algérie, in the Sahel).
pub(crate) const ARTICLES: [&str; 5] = ["l", "le", "la", "les", "the"];

/// True when the word before the name (skipping an article) is a locative word.
pub(crate) fn after_locative(
    kb: &KnowledgeBase,
    tokens: &Tokens,
    ends: Ends<'_>,
    range: &Range<usize>,
    first: usize,
) -> bool {
    // "in neighbouring Benin": a word of the border list may stand between, like an article.
    // (Not "near", itself a locative: "قرب حدود السنغال".)
    let neighbouring = |at: usize| {
        ends.entry(kb, List::Border, tokens, at).is_some_and(|m| m.far_token == at && m.entry.role.is_none())
    };
    let mut before = first;
    while before > range.start {
        before -= 1;
        // "…quitter le pays. La France a fait de même": a stop or a comma parts the name from
        // the word before it.
        if !tokens.items()[before].joined_to_next {
            return false;
        }
        if !ARTICLES.contains(&tokens.folded(before)) && !neighbouring(before) {
            return ends.entry(kb, List::Locatives, tokens, before).is_some();
        }
    }
    false
}

/// True for a word that cannot be a village's name: in one of the lexicon's word lists, or
/// ending in ة (a feminine noun or adjective: قريبة, حدودية).
fn common_word(kb: &KnowledgeBase, text: &str, tokens: &Tokens, at: usize) -> bool {
    let token = &tokens.items()[at];
    let written = text.get(token.byte_start as usize..token.byte_end as usize).unwrap_or("");
    written.trim_end_matches(|c: char| marsad_text::fold::is_mark(c)).ends_with('ة')
        || kb.lexicon.one_word_entry_at(tokens, at)
}

/// The places named plainly (curated entries), indexed once so that each candidate reads only
/// those named near it: looking through all of them for each candidate made a long text with
/// many generated place names quadratic.
struct NamedPlaces<'kb> {
    /// Where each is named (the mention's start), in that order.
    at: Vec<(u32, &'kb Place)>,
    /// The countries of the countries named.
    countries: FxHashSet<Option<&'kb str>>,
}

impl<'kb> NamedPlaces<'kb> {
    fn new(kb: &'kb KnowledgeBase, mentions: &[Mention]) -> Self {
        let mut at: Vec<(u32, &Place)> = mentions
            .iter()
            .filter_map(|m| match m.entity {
                Entity::Place(i) if unit_or_curated(&kb.places[i as usize]) => {
                    Some((m.span.start, &kb.places[i as usize]))
                }
                _ => None,
            })
            .collect();
        at.sort_by_key(|(start, _)| *start);
        let countries =
            at.iter().filter(|(_, p)| p.kind == PlaceKind::Country).map(|(_, p)| p.country.as_deref()).collect();
        NamedPlaces { at, countries }
    }

    /// The first admin unit named after char offset `start`, within [`UNIT_BESIDE_CHARS`] ("X,
    /// in the province of Y"; a unit named before belongs to an earlier phrase as often).
    fn unit_after(&self, start: u32) -> Option<&'kb Place> {
        let first = self.at.partition_point(|(at, _)| *at < start);
        let last = start.saturating_add(UNIT_BESIDE_CHARS);
        self.at[first..]
            .iter()
            .take_while(|(at, _)| *at <= last)
            .find(|(_, p)| p.kind == PlaceKind::Region)
            .map(|(_, p)| *p)
    }

    /// The place named first within [`RIGHT_AFTER_CHARS`] chars after char offset `end`.
    fn right_after(&self, end: u32) -> Option<&'kb Place> {
        let first = self.at.partition_point(|(at, _)| *at < end);
        self.at.get(first).filter(|(at, _)| *at <= end.saturating_add(RIGHT_AFTER_CHARS)).map(|(_, p)| *p)
    }

    /// The places named at most [`NEAR_CHARS`] chars from char offset `start`.
    fn near(&self, start: u32) -> impl Iterator<Item = &'kb Place> + '_ {
        let first = self.at.partition_point(|(at, _)| *at < start.saturating_sub(NEAR_CHARS));
        let last = start.saturating_add(NEAR_CHARS);
        self.at[first..].iter().take_while(move |(at, _)| *at <= last).map(|(_, p)| *p)
    }
}

/// A curated place, or an admin unit (generated ones too: "the province of Sourou" holds its
/// villages as surely as a curated region does).
fn unit_or_curated(place: &Place) -> bool {
    !place.generated || place.kind == PlaceKind::Region
}

/// True when `unit` is, or contains, `place` (its region or admin2), or shares its admin2.
fn contains(unit: &Place, place: &Place) -> bool {
    let id = Some(unit.id.as_str());
    let holds = place.region.as_deref() == id || place.admin2.as_deref() == id;
    let same_cercle = unit.kind == PlaceKind::Town && unit.admin2.is_some() && unit.admin2 == place.admin2;
    holds || same_cercle
}

/// What supports candidate `place` of `pending`, if anything.
fn support_of(
    pending: &Pending,
    (index, place): (u32, &Place),
    named: &NamedPlaces<'_>,
    focus: Option<&str>,
) -> Option<Support> {
    if place.generated && pending.weak_position && !pending.place_word {
        return None;
    }
    // "بلدة راكويتنغا الواقعة في محافظة بام": the unit named right after says where the village lies;
    // a namesake in another unit is not it.
    let elsewhere = place.generated
        && place.kind == PlaceKind::Town
        && named
            .unit_after(pending.span.start)
            .is_some_and(|unit| unit.id != place.id && !contains(unit, place) && !contains(place, unit));
    if elsewhere {
        cov_mark::hit!(a_village_outside_the_unit_named_after_it_is_not_it);
        return None;
    }
    // A village of the OpenStreetMap layer: tens of thousands share few names, so only its
    // cercle or a town of it named near, or a place word before its exact name in a country the
    // story names, supports it (a region holds too many of them).
    if place.osm.is_some() {
        let admin2 = place.admin2.as_deref();
        let cercle_named = named.near(pending.span.start).any(|unit| {
            admin2.is_some()
                && (admin2 == Some(unit.id.as_str())
                    || (unit.kind == PlaceKind::Town && unit.admin2.as_deref() == admin2))
        });
        // Its region named near holds it too when the name is long enough not to be chance
        // (four consonants and more: Lerneb, Motogatta; not Karma).
        let region_named = named
            .near(pending.span.start)
            .any(|unit| unit.kind == PlaceKind::Region && place.region.as_deref() == Some(unit.id.as_str()));
        if cercle_named {
            return Some(Support::Cercle);
        }
        if region_named && distinctive(place) {
            return Some(Support::Region);
        }
        let country = place.country.as_deref();
        let in_story = country == focus || named.countries.contains(&country);
        // Or the one candidate of a phonetic match that the Arabic spelling writes vowel for
        // vowel, in the story's own country (a country named in passing is no support there).
        let spelled = pending.phonetic && pending.spelled.contains(&index) && country == focus;
        // ("في مسالاتا": after a locative, the one village of the country spelled so.)
        if spelled && pending.after_locative {
            cov_mark::hit!(a_village_spelled_vowel_for_vowel_after_a_locative);
            return Some(Support::StoryCountry);
        }
        if pending.place_word && spelled && in_story {
            cov_mark::hit!(a_village_spelled_vowel_for_vowel_after_a_place_word);
        }
        let supported =
            pending.place_word && (spelled || (!pending.phonetic && pending.tier == Tier::Exact)) && in_story;
        if !supported {
            cov_mark::hit!(a_village_of_the_open_map_needs_a_place_word);
        }
        return supported.then_some(Support::PlaceWord);
    }
    let holding: Vec<&Place> = named
        .near(pending.span.start)
        .filter(|unit| unit.kind != PlaceKind::Country && contains(unit, place))
        .collect();
    if !holding.is_empty() {
        let cercle =
            holding.iter().any(|unit| unit.admin_level != Some(1) && place.region.as_deref() != Some(unit.id.as_str()));
        return Some(if cercle { Support::Cercle } else { Support::Region });
    }
    let country = place.country.as_deref();
    // Another country than the story's must be named near the name, not anywhere in the text.
    let near =
        || named.near(pending.span.start).any(|u| u.kind == PlaceKind::Country && u.country.as_deref() == country);
    // A curated name matched by its consonants alone ("بندجاري" for باندياغارا) needs its country
    // in the story too; then it stands as listed.
    if !pending.phonetic && pending.tier == Tier::Consonants && !place.generated {
        let in_story = country == focus || (named.countries.contains(&country) && near());
        if !in_story {
            cov_mark::hit!(a_loose_spelling_of_a_town_abroad_needs_its_country);
        }
        return in_story.then_some(Support::Listed);
    }
    if pending.phonetic {
        // A phonetic match also needs its country in the story: the key is loose. After a mere
        // locative only a curated town is tried.
        let elsewhere = pending.in_the_country && country != focus;
        if elsewhere {
            return None;
        }
        // ("مصدر أمني بمنطقة سيكاسو ... في بلدة ميسيني": Macina, of another region, shares the key
        // of a village the base lacks; the vowels the Arabic writes would have named it.)
        let regions: Vec<&Place> = named
            .near(pending.span.start)
            .filter(|u| u.kind == PlaceKind::Region && u.admin_level == Some(1))
            .collect();
        let outside =
            place.kind == PlaceKind::Town && !regions.is_empty() && !regions.iter().any(|u| contains(u, place));
        if outside && !pending.spelled.contains(&index) {
            cov_mark::hit!(a_phonetic_guess_outside_the_region_named_near_is_not_it);
            return None;
        }
        let in_story = country == focus || (named.countries.contains(&country) && near());
        return match (in_story, pending.place_word) {
            (false, _) => None,
            (true, true) => Some(Support::PlaceWord),
            (true, false) if place.generated => None,
            (true, false) => Some(if country == focus { Support::StoryCountry } else { Support::Country }),
        };
    }
    if !place.generated {
        return Some(Support::Listed);
    }
    if pending.place_word {
        return Some(Support::PlaceWord);
    }
    if named.near(pending.span.start).any(|unit| unit.kind == PlaceKind::Country && unit.country.as_deref() == country)
    {
        return Some(Support::Country);
    }
    (country.is_some() && country == focus).then_some(Support::StoryCountry)
}

/// How strongly a name is tied to a place: support, in the story's country, curated, population.
type Strength = (u8, u8, u8, u64);

/// How strongly a support ties a name to this candidate (for ranking same-named places).
fn strength(support: Support, place: &Place, focus: Option<&str>) -> Strength {
    // A curated name beats a generated namesake unless the text ties the namesake to its region
    // or country: Gao in a Burkinabe story is still Mali's Gao.
    let rank = match support {
        Support::Cercle => 6,
        Support::Region => 5,
        Support::Listed | Support::Country => 3,
        Support::PlaceWord | Support::Repeated => 2,
        Support::StoryCountry => 1,
    };
    let in_focus = u8::from(place.country.is_some() && place.country.as_deref() == focus);
    (rank, in_focus, u8::from(!place.generated), place.population.unwrap_or(0))
}

fn mention(item: &Pending, place: u32, support: Support) -> Mention {
    Mention {
        span: item.span,
        entity: Entity::Place(place),
        tier: item.tier,
        how: How::Name,
        support,
        phonetic: item.phonetic,
    }
}

/// Accept or drop every pending place, now that the whole text's mentions are known.
pub fn settle(kb: &KnowledgeBase, tokens: &Tokens, ends: Ends<'_>, pending: Vec<Pending>, mentions: &mut Vec<Mention>) {
    let focus = crate::context::focus_country(kb, tokens, ends, mentions).map(str::to_string);
    let focus = focus.as_deref();
    let named = NamedPlaces::new(kb, mentions);
    let (mut accepted, unsettled) = settle_round(kb, pending.iter().collect(), &named, focus);
    // "قرية ديانغا ساغو بمنطقة باندياجرا": a region accepted by a loose spelling supports a village
    // named near it too.
    let regions =
        accepted.iter().any(|m| matches!(m.entity, Entity::Place(p) if unit_or_curated(&kb.places[p as usize])));
    let unsettled = if regions && !unsettled.is_empty() {
        let all: Vec<Mention> = mentions.iter().chain(&accepted).cloned().collect();
        let (more, still) = settle_round(kb, unsettled, &NamedPlaces::new(kb, &all), focus);
        if !more.is_empty() {
            cov_mark::hit!(a_region_of_a_loose_spelling_supports_a_village_near_it);
        }
        accepted.extend(more);
        still
    } else {
        unsettled
    };
    repeated(kb, &mut accepted, unsettled);
    one_place_per_name(kb, tokens, focus, &mut accepted);
    mentions.extend(accepted);
}

/// "قرب قرية تونغو تونغو … قرب تونغو تونغو … شمال غرب أوالام": one name told twice in a text
/// is one place, the one its best supported mention found.
fn one_place_per_name(kb: &KnowledgeBase, tokens: &Tokens, focus: Option<&str>, accepted: &mut [Mention]) {
    let name = |m: &Mention| {
        let items = tokens.items();
        let first = items.partition_point(|t| t.end <= m.span.start);
        let last = items.partition_point(|t| t.start < m.span.end);
        (first..last).map(|t| tokens.folded(t)).collect::<Vec<_>>().join(" ")
    };
    let rank = |m: &Mention| match m.entity {
        Entity::Place(p) => strength(m.support, &kb.places[p as usize], focus),
        _ => (0, 0, 0, 0),
    };
    // Each place mention's name, read once.
    let names: Vec<Option<String>> =
        accepted.iter().map(|m| matches!(m.entity, Entity::Place(_)).then(|| name(m))).collect();
    let mut best: FxHashMap<&str, (u32, Strength)> = FxHashMap::default();
    for (m, name) in accepted.iter().zip(&names) {
        let (Entity::Place(p), Some(name)) = (m.entity, name) else { continue };
        let entry = best.entry(name).or_insert((p, rank(m)));
        if rank(m) > entry.1 {
            *entry = (p, rank(m));
        }
    }
    for (m, name) in accepted.iter_mut().zip(&names) {
        let (Entity::Place(p), Some(name)) = (m.entity, name) else { continue };
        if let Some(&(place, _)) = best.get(name.as_str()).filter(|(place, _)| *place != p) {
            cov_mark::hit!(a_name_told_twice_is_one_place);
            m.entity = Entity::Place(place);
        }
    }
}

/// The pending names some candidate of which `named` supports, as mentions, and the others.
fn settle_round<'p>(
    kb: &KnowledgeBase,
    pending: Vec<&'p Pending>,
    named: &NamedPlaces<'_>,
    focus: Option<&str>,
) -> (Vec<Mention>, Vec<&'p Pending>) {
    let mut accepted: Vec<Mention> = Vec::new();
    let mut unsettled = Vec::new();
    for item in pending {
        let best_of = |candidates: &[u32]| {
            candidates
                .iter()
                .filter_map(|&i| {
                    let place = &kb.places[i as usize];
                    support_of(item, (i, place), named, focus).map(|s| (i, s, strength(s, place, focus)))
                })
                .max_by_key(|(i, _, strength)| (*strength, std::cmp::Reverse(*i)))
        };
        let best = best_of(&item.candidates).or_else(|| {
            // The town must lie in the story's country or in a unit named near it: a country
            // named only beside it (قرب الحدود مع بوركينا فاسو) is no support here.
            let town = best_of(&item.fallback).filter(|&(i, support, _)| {
                matches!(support, Support::Region | Support::Cercle)
                    || kb.places[i as usize].country.as_deref() == focus
            });
            if town.is_some() {
                cov_mark::hit!(a_region_word_names_the_area_of_a_town);
            }
            town
        });
        // "ont ouvert le feu sur la brigade à Djibasso": a Latin name spelled exactly after a
        // locative, the one village of that name in the story's country.
        let best = best.or_else(|| {
            let exact = item.after_locative && !item.phonetic && item.tier == Tier::Exact && !item.weak_position;
            let mut home = item.candidates.iter().filter(|&&i| kb.places[i as usize].country.as_deref() == focus);
            let only = home.next().filter(|_| home.next().is_none() && exact)?;
            // ("à Kabara, Mopti": a place named right after that does not hold it says another.)
            let next = named.right_after(item.span.end);
            let place = &kb.places[*only as usize];
            let holds = |unit: &Place| match unit.kind {
                PlaceKind::Country => unit.country == place.country,
                _ => contains(unit, place),
            };
            if next.is_some_and(|unit| !holds(unit)) {
                cov_mark::hit!(a_place_named_right_after_that_does_not_hold_it_says_another);
                return None;
            }
            cov_mark::hit!(a_latin_village_after_a_locative_is_the_story_s_one);
            Some((*only, Support::StoryCountry, strength(Support::StoryCountry, place, focus)))
        });
        match best {
            Some((place, support, _)) => accepted.push(mention(item, place, support)),
            None => unsettled.push(item),
        }
    }
    (accepted, unsettled)
}

/// The names left unsettled that name a place accepted elsewhere in the text.
fn repeated(kb: &KnowledgeBase, accepted: &mut Vec<Mention>, unsettled: Vec<&Pending>) {
    // A name already accepted elsewhere in the text is the same place here ("Kokofata reste…"):
    // of its candidates, the generated place accepted first.
    let mut first_accepted: FxHashMap<u32, usize> = FxHashMap::default();
    for (at, m) in accepted.iter().enumerate() {
        if let Entity::Place(p) = m.entity {
            if kb.places[p as usize].generated {
                first_accepted.entry(p).or_insert(at);
            }
        }
    }
    for item in unsettled {
        let earlier = item.candidates.iter().filter_map(|p| first_accepted.get(p).map(|&at| (at, *p))).min();
        if let Some((_, place)) = earlier {
            accepted.push(mention(item, place, Support::Repeated));
        }
    }
}

/// A name the text introduces with a place word (la localité de Kadiana, قرية ديانغاساغو, the
/// village of Tassia) that no entry of the knowledge base matches: a place all the same, to be
/// kept without coordinates and located at the unit the text gives near it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnlistedPlace {
    /// The chars of the name.
    pub span: Span,
    /// The admin level the place word names (région → 1, cercle or province → 2), if any.
    pub level: Option<u8>,
    /// The nearest place named after it in the same sentence (dans la région de Mopti, près de
    /// Bandiagara, في منطقة كيتا): where to locate it.
    pub within: Option<u32>,
}

/// True for a Latin word that may begin or continue a proper name.
fn name_word(tokens: &Tokens, at: usize) -> bool {
    let token = &tokens.items()[at];
    token.script == Script::Latin && token.upper_initial
}

/// What [`unlisted_places`] reads of the whole text, gathered once: looking through every
/// mention for each name, and through the text from its start for each name's sentence end,
/// made a long paragraph with many place words quadratic.
pub(crate) struct Surroundings<'m> {
    /// Every mention, for "does a mention cover this token".
    mentions: ByStart<'m>,
    /// The place mentions in text order: (start, place).
    places: Vec<(u32, u32)>,
    /// The char offsets of the chars that end a sentence for [`place_after`], in order.
    stops: Vec<u32>,
}

impl<'m> Surroundings<'m> {
    /// The index of `text` and its `mentions` (sorted by start).
    pub(crate) fn new(text: &str, mentions: &'m [Mention]) -> Self {
        let places = mentions
            .iter()
            .filter_map(|m| if let Entity::Place(p) = m.entity { Some((m.span.start, p)) } else { None })
            .collect();
        Surroundings { mentions: ByStart::new(mentions), places, stops: sentence_stops(text) }
    }
}

/// The char offsets of `.`, `!`, `?` and line breaks in `text`, found byte by byte (each is one
/// ASCII byte, never part of another char; eight bytes without one are passed over at once),
/// the chars between counted without decoding them.
pub(crate) fn sentence_stops(text: &str) -> Vec<u32> {
    let bytes = text.as_bytes();
    let mut stops = Vec::new();
    let (mut chars, mut counted, mut at) = (0u32, 0usize, 0usize);
    while let Some(&byte) = bytes.get(at) {
        if word_at(bytes, at).is_some_and(|w| !holds_any(w, [b'.', b'!', b'?', b'\n'])) {
            at += 8;
            continue;
        }
        if matches!(byte, b'.' | b'!' | b'?' | b'\n') {
            chars += text.get(counted..at).map_or(0, |run| run.chars().count() as u32);
            stops.push(chars);
            counted = at;
        }
        at += 1;
    }
    stops
}

/// The names after place words in tokens `range` that no mention covers.
pub(crate) fn unlisted_places(
    kb: &KnowledgeBase,
    text: &str,
    tokens: &Tokens,
    ends: Ends<'_>,
    range: &Range<usize>,
    around: &Surroundings<'_>,
    out: &mut Vec<UnlistedPlace>,
) {
    let items = tokens.items();
    let named = |at: usize| around.mentions.overlaps(items[at].start, items[at].end);
    // An Arabic name the text spells out in Latin is the place that spelling names.
    let covered = |at: usize| named(at) || (opens_gloss(text, tokens, at) && named(at + 1));
    let mut at = range.start;
    while at < range.end {
        // ("قاعدة عمليات", an operations base: a military site's word supports a name the base
        // knows, but what follows it is too often a common word to be a place of its own.)
        let names = |cue: &&Entry| cue.role.as_deref() != Some("known");
        // "بالقرب من نياني": an Arabic word of nearness before a name, as "près de" does.
        let near = || {
            let arabic = items[at].script == Script::Arabic && at > range.start && items[at - 1].joined_to_next;
            arabic.then(|| kb.lexicon.list(List::NearCues).ending_at(tokens, at - 1)).flatten().map(|m| m.entry)
        };
        let Some(cue) = place_cue_before(kb, tokens, ends, range, at)
            .filter(|cue| names(cue) && !capitalised_cue(tokens, range, at))
            .or_else(near)
        else {
            let site = Site { kb, text, tokens, range, around, covered: &covered };
            let name = name_after_a_preposition(site, at);
            if let Some(found) = name.and_then(|last| placed_after_a_comma(site, at, last)) {
                out.push(found);
            } else if let Some(last) = name.and_then(|last| placed_by_a_distance(site, at, last, out)) {
                at = last;
            }
            at += 1;
            continue;
        };
        let (level, pair) = (admin_level(cue.role.as_deref()), cue.role.as_deref() == Some("pair"));
        // A list after one place word: "les villages de Tangata, Albouhera et Gargando", with
        // the places the base knows among them ("les camps de Sévaré, de Niono et de Bapho").
        let mut member = at;
        // Each member: the name the base lacks, or none for a known place; and whether a
        // conjunction led to it (the first is led by the place word).
        let mut members: Vec<(Option<UnlistedPlace>, bool)> = Vec::new();
        let mut led = true;
        loop {
            // "كودو (Koudou)": the Latin spelling names the place the Arabic word is.
            let gloss = gloss_after(text, tokens, range, member);
            let last = if let Some(last) = unlisted_name(kb, text, tokens, range, member, &covered) {
                let last = name_goes_on(kb, tokens, around, range, last).unwrap_or(last);
                let (first, last) = gloss.map_or((member, last), |g| (member + 1, g));
                let span = Span { start: items[first].start, end: items[last].end };
                members.push((Some(UnlistedPlace { span, level, within: place_after(tokens, around, last) }), led));
                last
            } else if let Some(last) = known_place_at(tokens, around, member)
                .or_else(|| gloss.and_then(|_| known_place_at(tokens, around, member + 1)))
            {
                members.push((None, led));
                gloss.map_or(last, |g| g.max(last))
            } else {
                break;
            };
            at = last;
            match next_member(text, tokens, range, last) {
                Some((next, conjunction)) => (member, led) = (next, conjunction),
                None => break,
            }
        }
        // After a known place, a list closes with a conjunction: "la ville de Gao, Moussa Traoré
        // a dit" ends at Gao.
        if members.first().is_some_and(|(name, _)| name.is_none()) {
            let closed = members.iter().rposition(|(_, led)| *led).map_or(0, |i| i + 1);
            members.truncate(closed);
        }
        let known = members.iter().filter(|(name, _)| name.is_none()).count();
        // "les villages de Di, Guiedougou et Lanfiera dans la province du Sourou": a known town
        // of the list is a sibling, not where the others lie; the place after the list is.
        // (With nothing after it, a sibling still locates them roughly: "les communes de Fakala,
        // Siora ou encore Sofara".)
        // ("entre Diédiéni et Kolokani": a place between two lies near the other.)
        let after_list = place_after(tokens, around, at).filter(|_| !pair && known > 0 && members.len() > 1);
        if let Some(within) = after_list {
            for name in members.iter_mut().filter_map(|(name, _)| name.as_mut()) {
                name.within = Some(within);
            }
        }
        // "entre Kolondiéba et Kadiana": a pair word names places only beside a known one.
        if !pair || (known == 1 && members.len() == 2) {
            out.extend(members.into_iter().filter_map(|(name, _)| name));
        }
        at += 1;
    }
}

/// "جزيرة تشوكو تيليا", "l'île de Kouka Tillia": a known town's name right after a name the base
/// lacks (a space between, no preposition) goes on that name; the last token of the whole.
fn name_goes_on(
    kb: &KnowledgeBase,
    tokens: &Tokens,
    around: &Surroundings<'_>,
    range: &Range<usize>,
    last: usize,
) -> Option<usize> {
    let items = tokens.items();
    let next = last + 1;
    if next >= range.end || !items[last].joined_to_next {
        return None;
    }
    let latin_name = items[last].script == Script::Latin && name_word(tokens, next);
    if items[last].script != Script::Arabic && !latin_name {
        return None;
    }
    let (end, place) = known_place_from(tokens, around, next)?;
    let town = !matches!(kb.places[place as usize].kind, PlaceKind::Country | PlaceKind::Region);
    if town {
        cov_mark::hit!(a_known_name_goes_on_an_unlisted_one);
    }
    town.then_some(end)
}

/// The last token of the known place whose mention starts at token `at`.
fn known_place_at(tokens: &Tokens, around: &Surroundings<'_>, at: usize) -> Option<usize> {
    known_place_from(tokens, around, at).map(|(last, _)| last)
}

/// The known place whose mention starts at token `at`: its last token and the place.
fn known_place_from(tokens: &Tokens, around: &Surroundings<'_>, at: usize) -> Option<(usize, u32)> {
    let items = tokens.items();
    let start = items[at].start;
    let (m, place) = around.mentions.starting_within(start, start).find_map(|m| match m.entity {
        Entity::Place(p) => Some((m, p)),
        _ => None,
    })?;
    let last = (at..items.len()).take_while(|&i| items[i].end <= m.span.end).last()?;
    Some((last, place))
}

/// What the readers of a name after a preposition share: the text, its tokens and block, and
/// the mentions around.
#[derive(Clone, Copy)]
struct Site<'a> {
    kb: &'a KnowledgeBase,
    text: &'a str,
    tokens: &'a Tokens,
    range: &'a Range<usize>,
    around: &'a Surroundings<'a>,
    /// A mention covers the token.
    covered: &'a dyn Fn(usize) -> bool,
}

/// The last token of a Latin name the base lacks starting at token `at`, right after "in", "à",
/// "en" (a list preposition).
fn name_after_a_preposition(site: Site<'_>, at: usize) -> Option<usize> {
    let Site { kb, text, tokens, range, covered, .. } = site;
    let items = tokens.items();
    if !name_word(tokens, at) || at == range.start || !items[at - 1].joined_to_next {
        return None;
    }
    kb.lexicon.list(List::ListPrepositions).ending_at(tokens, at - 1)?;
    unlisted_name(kb, text, tokens, range, at, covered)
}

/// A Latin name the base lacks after "in", "à" (tokens `at..=last`), placed by what follows its
/// comma: a known unit with its admin word ("in Niaktiré, Torodi department") or a place word
/// ("à Albouhera, près de Gargando").
fn placed_after_a_comma(site: Site<'_>, at: usize, last: usize) -> Option<UnlistedPlace> {
    let Site { kb, text, tokens, range, around, .. } = site;
    let items = tokens.items();
    let next = last + 1;
    let gap = text.get(items[last].byte_end as usize..items.get(next)?.byte_start as usize)?;
    if next >= range.end || gap.trim() != "," {
        return None;
    }
    let cues = kb.lexicon.list(List::PlaceWords);
    // "à Dablo, dans le Sanmatenga": a preposition and an article may open the unit.
    let prepositions = kb.lexicon.list(List::ListPrepositions);
    let mut unit_at = next;
    while unit_at < next + 3
        && unit_at + 1 < range.end
        && (prepositions.starting_at(tokens, unit_at).is_some()
            || matches!(tokens.folded(unit_at), "le" | "la" | "l" | "the"))
    {
        unit_at += 1;
    }
    let within = match known_place_from(tokens, around, unit_at) {
        // "Torodi department", "dans le Sanmatenga", "Niger": a unit, or a town with its admin
        // word after it.
        Some((unit_last, unit)) => {
            let admin_word = || {
                unit_last + 1 < range.end
                    && cues
                        .starting_at(tokens, unit_last + 1)
                        .is_some_and(|c| admin_level(c.entry.role.as_deref()).is_some())
            };
            (kb.places[unit as usize].kind != PlaceKind::Town || admin_word()).then_some(Some(unit))?
        }
        // "près de Gargando", "dans la région de Tombouctou", or an apposition: "Bassira, a
        // border village", "X, une localité".
        None => {
            let apposition = matches!(tokens.folded(next), "a" | "an" | "un" | "une");
            let cue = (0..=2)
                .find(|&k| {
                    (k == 0 || apposition) && next + k < range.end && cues.starting_at(tokens, next + k).is_some()
                })
                .or_else(|| (unit_at > next && cues.starting_at(tokens, unit_at).is_some()).then_some(0));
            cue?;
            place_after(tokens, around, last)
        }
    };
    cov_mark::hit!(a_name_placed_by_the_unit_after_its_comma);
    let span = Span { start: items[at].start, end: items[last].end };
    Some(UnlistedPlace { span, level: None, within })
}

/// Latin names the base lacks after "in", "à", "en" (the first at tokens `at..=last`), measured
/// from a known place right after them ("en Sébabougou et Kwala, à environ 188 km de Bamako", "in
/// Tinkara, 40 km from Gao"): each is pushed, located at that place; the last token of the list.
fn placed_by_a_distance(site: Site<'_>, at: usize, last: usize, out: &mut Vec<UnlistedPlace>) -> Option<usize> {
    let Site { kb, text, tokens, range, around, covered } = site;
    let items = tokens.items();
    // The names: "Sébabougou", "Sébabougou et Kwala".
    let mut names = vec![(at, last)];
    while let Some((next, _)) = next_member(text, tokens, range, names[names.len() - 1].1) {
        match unlisted_name(kb, text, tokens, range, next, covered) {
            Some(last) if name_word(tokens, next) => names.push((next, last)),
            _ => break,
        }
    }
    let last = names[names.len() - 1].1;
    let within = measured_from(kb, text, tokens, range, around, last + 1)?;
    cov_mark::hit!(a_name_measured_from_a_known_place_is_a_place);
    for (first, end) in names {
        let span = Span { start: items[first].start, end: items[end].end };
        out.push(UnlistedPlace { span, level: None, within: Some(within) });
    }
    Some(last)
}

/// The known place a distance starting at token `at` measures from (", à environ 188 km de
/// Bamako", " 40 km from Gao"), if one does.
fn measured_from(
    kb: &KnowledgeBase,
    text: &str,
    tokens: &Tokens,
    range: &Range<usize>,
    around: &Surroundings<'_>,
    at: usize,
) -> Option<u32> {
    let items = tokens.items();
    let gap = text.get(items[at - 1].byte_end as usize..items.get(at)?.byte_start as usize)?;
    if !(gap.trim().is_empty() || gap.trim() == ",") {
        return None;
    }
    let mut number = at;
    let openers = kb.lexicon.list(List::DistanceOpeners);
    while number < (at + 3).min(range.end) && items[number].script != Script::Digit {
        openers.starting_at(tokens, number).filter(|m| m.far_token == number)?;
        number += 1;
    }
    if number + 1 >= range.end || items[number].script != Script::Digit {
        return None;
    }
    let near = kb.lexicon.list(List::Near);
    let distance = near.starting_at_where(tokens, number + 1, |e| e.role.as_deref() == Some("distance"))?;
    let landmark = distance.far_token + 1;
    (landmark < range.end).then_some(())?;
    known_place_from(tokens, around, landmark).map(|(_, place)| place)
}

/// True when the place word before token `at` is capitalised inside a sentence: part of a name
/// ("the US Department of Defence", "le Village Solidaire"), not a word introducing a place.
fn capitalised_cue(tokens: &Tokens, range: &Range<usize>, at: usize) -> bool {
    let items = tokens.items();
    let mut cue = at.saturating_sub(1);
    if cue > range.start && LINKS.contains(&tokens.folded(cue)) {
        cue -= 1;
    }
    let inside = cue > range.start && items[cue - 1].joined_to_next;
    items[cue].script == Script::Latin && items[cue].upper_initial && inside
}

/// The last token of an unlisted name starting at `at`, if one starts there.
fn unlisted_name(
    kb: &KnowledgeBase,
    text: &str,
    tokens: &Tokens,
    range: &Range<usize>,
    at: usize,
    covered: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let items = tokens.items();
    // "In March, the junta…": a month or a weekday is a date word, not a place.
    if covered(at) || marsad_text::dates::names_a_day_or_month(tokens, at) {
        return None;
    }
    match items[at].script {
        // ("le secteur du Centre": a word of the lexicon, capitalised, names no village.)
        Script::Latin if name_word(tokens, at) && !kb.lexicon.one_word_entry_at(tokens, at) => {
            let mut last = at;
            while last + 1 < range.end && last < at + 3 && items[last].joined_to_next && name_word(tokens, last + 1) {
                if covered(last + 1) {
                    break;
                }
                last += 1;
            }
            Some(last)
        }
        Script::Arabic => {
            let folded = tokens.folded(at);
            let plain = !definite(folded) && folded.chars().count() >= 3;
            (plain && !common_word(kb, text, tokens, at)).then_some(at)
        }
        _ => None,
    }
}

/// The next member of a list after token `last` (", Albouhera", " et Gargando", ", de Niono",
/// " et de Bapho"), and whether a conjunction leads to it.
fn next_member(text: &str, tokens: &Tokens, range: &Range<usize>, last: usize) -> Option<(usize, bool)> {
    let items = tokens.items();
    let separated = |a: usize, b: usize| {
        let gap = text.get(items[a].byte_end as usize..items[b].byte_start as usize).unwrap_or(".");
        // A gloss before closes its parenthesis: "بانيكوارا (Banikoara) وكودو".
        gap.chars().all(|c| c.is_whitespace() || matches!(c, ',' | '،' | ')'))
    };
    let mut next = last + 1;
    let spaced = |next: usize| next < range.end && separated(next - 1, next);
    let conjunction = next < range.end && matches!(tokens.folded(next), "et" | "and" | "ou" | "or");
    if conjunction {
        if !separated(last, next) {
            return None;
        }
        next += 1;
        // "Fatoma ou encore Sofara", "and also Gao".
        if next < range.end && matches!(tokens.folded(next), "encore" | "aussi" | "also") {
            next += 1;
        }
    }
    if !spaced(next) {
        return None;
    }
    // The link repeated before each member: "de Sévaré, de Niono et de Bapho".
    if matches!(tokens.folded(next), "de" | "d" | "of") && items[next].joined_to_next {
        next += 1;
        if next >= range.end {
            return None;
        }
    }
    // Arabic "and" attached to a name glossed in Latin: "وكودو (Koudou)".
    if items[next].script == Script::Arabic && tokens.folded(next).starts_with('و') {
        return gloss_after(text, tokens, range, next).map(|_| (next, true));
    }
    name_word(tokens, next).then_some((next, conjunction))
}

/// The last token of the Latin spelling in parentheses right after Arabic token `at` ("كودو
/// (Koudou)"), if one follows.
fn gloss_after(text: &str, tokens: &Tokens, range: &Range<usize>, at: usize) -> Option<usize> {
    if !opens_gloss(text, tokens, at) {
        return None;
    }
    let latin = |t: &usize| tokens.items()[*t].script == Script::Latin;
    (at + 1..range.end.min(at + 5))
        .take_while(latin)
        .find(|&t| glossed_word(text, tokens, range, at + 1, t) == Some(at))
}

/// The first place mentioned after token `last` in the same sentence (before the next `.`, `!`,
/// `?` or line break).
fn place_after(tokens: &Tokens, around: &Surroundings<'_>, last: usize) -> Option<u32> {
    let end = tokens.items()[last].end;
    let sentence_end = around.stops.get(around.stops.partition_point(|&s| s < end)).copied().unwrap_or(u32::MAX);
    let (start, place) = around.places.get(around.places.partition_point(|&(start, _)| start < end))?;
    (*start < sentence_end).then_some(*place)
}
