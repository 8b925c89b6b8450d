//! Names that only the story's context resolves: a bare "الجيش", "l'armée", "the authorities"
//! is the army or government of the country the text is about (the country most of its places
//! lie in), or of the country named right after it (جيش مالي, the army of Niger).

use crate::scan::original_offset;
use crate::support::Ends;
use crate::{Entity, How, Mention};
use marsad_kb::lexicon::{may_have, ListSet};
use marsad_kb::{ActorKind, KnowledgeBase, List, PlaceKind, StateRole};
use marsad_text::layout::{Layout, Span};
use marsad_text::skeleton::Tier;
use marsad_text::{Script, Tokens};

/// The country most of the mentioned places lie in; with no place named, the country of most
/// of the state actors named. Places [`aside`] the story do not count.
pub fn focus_country<'kb>(
    kb: &'kb KnowledgeBase,
    tokens: &Tokens,
    ends: Ends<'_>,
    mentions: &[Mention],
) -> Option<&'kb str> {
    let acting: Vec<Span> = mentions.iter().filter(|m| m.how == How::CountryActing).map(|m| m.span).collect();
    let place_country = |m: &Mention| match m.entity {
        Entity::Place(p)
            if m.how != How::Border && !aside(kb, tokens, ends, m) && !beyond_a_border(kb, tokens, ends, m, p) =>
        {
            let country = kb.places[p as usize].country.as_deref()?;
            Some(Named { country, at: m.span.start, acting: acting.contains(&m.span) })
        }
        _ => None,
    };
    // "شنت طائرات مسيرة للجيش المالي غارات": with no place named, the state whose forces or
    // government act is the story's country.
    let state_country = |m: &Mention| match m.entity {
        Entity::Actor(a) => {
            let actor = &kb.actors[a as usize];
            let state =
                matches!(actor.kind, ActorKind::StateForce | ActorKind::Government) && actor.state_role.is_some();
            let country = actor.country.as_deref().filter(|_| state)?;
            Some(Named { country, at: m.span.start, acting: false })
        }
        _ => None,
    };
    most_common(mentions.iter().filter_map(place_country))
        .or_else(|| most_common(mentions.iter().filter_map(state_country)))
}

/// "في منطقة الساحل", "dans le Sahel", "in the Sahel" in a story about Burkina Faso: the wide area
/// where something happened is the story's country's unit of that name (its Sahel Region).
/// Only after a locative or a place word: "senior Sahel researcher" names the wide area.
pub fn localize_areas(kb: &KnowledgeBase, tokens: &Tokens, ends: Ends<'_>, mentions: &mut [Mention]) {
    if !mentions.iter().any(|m| matches!(m.entity, Entity::Place(p) if kb.places[p as usize].broad)) {
        return;
    }
    let Some(focus) = focus_country(kb, tokens, ends, mentions) else { return };
    let items = tokens.items();
    for m in mentions.iter_mut() {
        let Entity::Place(area) = m.entity else { continue };
        if !kb.places[area as usize].broad {
            continue;
        }
        let first = items.partition_point(|t| t.end <= m.span.start);
        let located = (first.saturating_sub(2)..first)
            .any(|t| items[t].joined_to_next && ends.entry(kb, List::Locatives, tokens, t).is_some());
        if let Some(unit) = kb.unit_named_after_area(area, focus).filter(|_| located) {
            cov_mark::hit!(a_wide_area_where_it_happened_is_the_story_country_s_unit);
            m.entity = Entity::Place(unit);
        }
    }
}

/// Place mention `m` only says whom a force answers to or where a group is active
/// ([`patron`], [`where_a_group_is_active`]): no place of the story.
pub fn aside(kb: &KnowledgeBase, tokens: &Tokens, ends: Ends<'_>, m: &Mention) -> bool {
    let first = tokens.items().partition_point(|t| t.end <= m.span.start);
    patron(kb, tokens, ends, m, first)
        || where_a_group_is_active(kb, tokens, ends, first, first.saturating_sub(NOTE_REACH))
}

/// Place mention `m`, at token `first`, is a country or a capital right after a word of
/// patronage ("فيلق أفريقيا التابع لموسكو", "lié à la Russie"): the state a force is tied to.
/// A region or town after "التابعة لـ" is where a village lies, and stays a place.
pub fn patron(kb: &KnowledgeBase, tokens: &Tokens, ends: Ends<'_>, m: &Mention, first: usize) -> bool {
    let Entity::Place(p) = m.entity else { return false };
    let place = &kb.places[p as usize];
    let state = place.kind == PlaceKind::Country || place.capital_of.is_some();
    // "liés à la Russie": an article may stand between.
    let joined = |t: usize| tokens.items().get(t).is_some_and(|x| x.joined_to_next);
    let ends_at = |t: usize| joined(t) && ends.entry(kb, List::Patronage, tokens, t).is_some();
    state && ((first >= 1 && ends_at(first - 1)) || (first >= 2 && joined(first - 1) && ends_at(first - 2)))
}

/// Token `first` follows, in the same clause (back to token `floor`), words saying where a
/// group operates ("a group active in the Maghreb and West Africa", "الجماعة الناشطة في منطقة
/// الساحل"): a note on the group, not where an incident happened.
pub fn where_a_group_is_active(
    kb: &KnowledgeBase,
    tokens: &Tokens,
    ends: Ends<'_>,
    first: usize,
    floor: usize,
) -> bool {
    for t in (floor..first).rev().take(NOTE_REACH) {
        if ends.entry(kb, List::ActiveIn, tokens, t).is_some() {
            return true;
        }
        if !tokens.items()[t].joined_to_next {
            return false;
        }
    }
    false
}

/// Tokens back from a place within which words that make it a note on a group are looked for.
const NOTE_REACH: usize = 8;

/// Tokens a border's "with" or a comparison may stand before the last country it lists ("the
/// border with Togo and Ghana", "على غرار مالي والنيجر").
const BORDER_LIST: usize = 4;

/// Country mention `m` names what a border is shared with, or a country the story's is compared
/// with ("à l'instar du Mali"): a neighbour of the story's country, never the story's own.
fn beyond_a_border(kb: &KnowledgeBase, tokens: &Tokens, ends: Ends<'_>, m: &Mention, place: u32) -> bool {
    if kb.places[place as usize].kind != PlaceKind::Country {
        return false;
    }
    let items = tokens.items();
    let first = items.partition_point(|t| t.end <= m.span.start);
    let opens = |t: usize| {
        ends.entry(kb, List::Border, tokens, t).is_some_and(|b| b.entry.role.as_deref() == Some("with"))
            || ends.entry(kb, List::Comparisons, tokens, t).is_some()
    };
    let beyond = (first.saturating_sub(BORDER_LIST)..first).rev().take_while(|&t| items[t].joined_to_next).any(opens);
    if beyond {
        cov_mark::hit!(a_country_beyond_a_border_is_not_the_story_s);
    }
    beyond
}

/// A country the text names, where, and whether as the state acting ("the Emirates paid").
struct Named<'a> {
    country: &'a str,
    at: u32,
    acting: bool,
}

/// The country named most often; among equals, the one named more often as a place than as a
/// state acting, then the one named first (the headline's or the lede's).
fn most_common<'a>(named: impl Iterator<Item = Named<'a>>) -> Option<&'a str> {
    // (country, times named, times acting, first named at)
    let mut counts: Vec<(&str, usize, usize, u32)> = Vec::new();
    for n in named {
        match counts.iter_mut().find(|(c, ..)| *c == n.country) {
            Some((_, times, acting, first)) => {
                *times += 1;
                *acting += usize::from(n.acting);
                *first = (*first).min(n.at);
            }
            None => counts.push((n.country, 1, usize::from(n.acting), n.at)),
        }
    }
    let rank = |&(_, times, acting, first): &(&str, usize, usize, u32)| {
        (times, std::cmp::Reverse(acting), std::cmp::Reverse(first))
    };
    let best = counts.iter().max_by_key(|c| rank(c))?;
    if counts.iter().filter(|c| c.1 == best.1).count() > 1 {
        cov_mark::hit!(countries_named_as_often_rank_by_acting_then_first);
    }
    Some(best.0)
}

/// Add a mention for every bare state head noun not already inside a mention.
pub fn state_heads(
    kb: &KnowledgeBase,
    text: &str,
    tokens: &Tokens,
    starting_lists: &[ListSet],
    ends: Ends<'_>,
    layout: &Layout,
    mentions: &mut Vec<Mention>,
) {
    let Some(focus) = focus_country(kb, tokens, ends, mentions) else { return };
    let heads = kb.lexicon.list(marsad_kb::List::BareStateHeads);
    let may_start = |at: usize| starting_lists.get(at).is_some_and(|&lists| may_have(lists, List::BareStateHeads));
    let items = tokens.items();
    let by_start = ByStart::new(mentions);
    // "Des soldats étrangers", "foreign troops": soldiers of no country the story names.
    let qualifiers = kb.lexicon.list(List::ForeignQualifiers);
    let foreign = |at: usize, far: usize| {
        let after =
            far + 1 < tokens.len() && items[far].joined_to_next && qualifiers.starting_at(tokens, far + 1).is_some();
        let before = at > 0 && items[at - 1].joined_to_next && qualifiers.ending_at(tokens, at - 1).is_some();
        if after || before {
            cov_mark::hit!(foreign_soldiers_are_no_force_of_the_story_s_country);
        }
        after || before
    };
    let mut added = Vec::new();
    for block in layout.content() {
        let end = tokens.first_at_or_after(block.span.end);
        let mut at = tokens.first_at_or_after(block.span.start);
        while at < end {
            let found = may_start(at).then(|| heads.starting_at(tokens, at)).flatten();
            let Some(found) = found.filter(|f| f.far_token < end) else {
                at += 1;
                continue;
            };
            let far = found.far_token;
            if by_start.overlaps(items[at].start, items[far].end) || foreign(at, far) {
                at = far + 1;
                continue;
            }
            // The country named right after the head (جيش مالي, the army of Niger, الحكومة الانتقالية في
            // مالي, les autorités au Mali) owns it.
            let linked = far + 2 < end
                && items[far + 1].joined_to_next
                && matches!(tokens.folded(far + 1), "في" | "of" | "in" | "au" | "du" | "de" | "en");
            let owner = if linked { far + 2 } else { far + 1 };
            let next_country = if owner < end && items[far].joined_to_next {
                let next = &items[owner];
                by_start.starting_within(next.start, next.end).find_map(|m| match m.entity {
                    Entity::Place(p) if kb.places[p as usize].kind == PlaceKind::Country => {
                        kb.places[p as usize].country.as_deref()
                    }
                    _ => None,
                })
            } else {
                None
            };
            let country = next_country.unwrap_or(focus);
            let actor = found
                .entry
                .role
                .as_deref()
                .and_then(StateRole::from_name)
                .and_then(|role| kb.state_actor(country, role));
            if let Some(actor) = actor {
                // Arabic: the mention starts after the proclitics, keeping the article.
                let start = if items[at].script == Script::Arabic {
                    let folded: Vec<char> = tokens.folded(at).chars().collect();
                    let word: Vec<char> = found.entry.words[0].chars().collect();
                    let mut offset = folded.len().saturating_sub(word.len());
                    if offset >= 2 && folded[offset - 2] == 'ا' && folded[offset - 1] == 'ل' {
                        offset -= 2;
                    }
                    original_offset(text, &items[at], offset)
                } else {
                    items[at].start
                };
                added.push(Mention {
                    span: Span { start, end: items[far].end },
                    entity: Entity::Actor(actor),
                    tier: Tier::Exact,
                    how: How::Context,
                    support: crate::Support::Listed,
                    phonetic: false,
                });
            }
            at = far + 1;
        }
    }
    mentions.extend(added);
}

/// Mentions ordered by where they start, with the furthest end reached so far: "does any
/// mention overlap this span" and "which mentions start here" in logarithmic time, so the
/// context pass stays linear however long a paragraph is.
pub(crate) struct ByStart<'m> {
    /// Mentions sorted by start (stable: equal starts keep text order).
    sorted: Vec<&'m Mention>,
    /// `max_end[i]`: the largest end among `sorted[..=i]`.
    max_end: Vec<u32>,
}

impl<'m> ByStart<'m> {
    pub(crate) fn new(mentions: &'m [Mention]) -> Self {
        let mut sorted: Vec<&Mention> = mentions.iter().collect();
        sorted.sort_by_key(|m| m.span.start);
        let max_end = sorted
            .iter()
            .scan(0u32, |furthest, m| {
                *furthest = (*furthest).max(m.span.end);
                Some(*furthest)
            })
            .collect();
        ByStart { sorted, max_end }
    }

    /// True when some mention overlaps `[start, stop)`.
    pub(crate) fn overlaps(&self, start: u32, stop: u32) -> bool {
        let before_stop = self.sorted.partition_point(|m| m.span.start < stop);
        before_stop > 0 && self.max_end[before_stop - 1] > start
    }

    /// Mentions starting in `[from, to]`, in text order.
    pub(crate) fn starting_within(&self, from: u32, to: u32) -> impl Iterator<Item = &'m Mention> + '_ {
        let first = self.sorted.partition_point(|m| m.span.start < from);
        self.sorted[first..].iter().copied().take_while(move |m| m.span.start <= to)
    }
}
