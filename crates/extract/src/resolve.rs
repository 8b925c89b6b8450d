//! From candidates to mentions: context rules, the longest and strictest names, and what the
//! names mean where they stand.
//!
//! - Context rules from the lexicon drop or require readings (مالي after أزمة is "financial").
//! - Overlapping candidates: the one covering more words wins, then the stricter spelling
//!   tier; candidates on exactly the same words and tier stay as alternatives (مالي the
//!   country and مالي the adjective).
//! - A nationality adjective with a head noun names a part of that state (الجيش المالي →
//!   the Malian army; Russian forces; les autorités ivoiriennes); a conjunct inherits the head
//!   (القوات الفرنسية والأمريكية).
//! - A country named where an actor stands, not after a locative word (في، إلى، au, in), also
//!   names its government; lists inherit the reading of their first member.
//! - A person who speaks for an actor also names the actor.

use crate::scan::Candidate;
use crate::support::{
    admin_word_after, after_locative, glossed_word, phonetic_candidates, place_word_before, two_word_villages,
    weak_position, Ends, Pending, ARTICLES,
};
use crate::{Entity, How, Mention, Support};
use marsad_kb::lexicon::{Condition, ContextRule, ListMatch, RuleAction, WordList};
use marsad_kb::{KnowledgeBase, List, PlaceKind, StateRole, Target};
use marsad_text::layout::Span;
use marsad_text::{Lang, Script, Tokens};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// Countries of the theatre, in order of preference when a name is shared.
const THEATRE: [&str; 11] = ["ML", "BF", "NE", "MR", "DZ", "SN", "GN", "CI", "TD", "NG", "LY"];

/// Words that join list members.
const CONJUNCTIONS: [&str; 5] = ["و", "and", "et", "or", "ou"];

fn rule_applies(rule: &ContextRule, target: Target, script: Script, lang: Option<Lang>) -> bool {
    let matches_target = match (rule.resolved, target) {
        (Some(Target::Person(a)), Target::PersonShort(b)) => a == b,
        (Some(resolved), target) => resolved == target,
        (None, _) => false,
    };
    if !matches_target {
        return false;
    }
    match rule.lang.as_deref() {
        None => true,
        Some("ar") => script == Script::Arabic,
        Some(code) => script != Script::Arabic && lang.map(Lang::code) == Some(code),
    }
}

fn context_holds(
    kb: &KnowledgeBase,
    tokens: &Tokens,
    range: &Range<usize>,
    candidate: &Candidate,
    conditions: &[Condition],
    before: bool,
) -> bool {
    let items = tokens.items();
    if before {
        if candidate.first == range.start || !items[candidate.first - 1].joined_to_next {
            return false;
        }
        conditions.iter().any(|c| kb.lexicon.holds_before(c, tokens, candidate.first - 1))
    } else {
        if candidate.last + 1 >= range.end || !items[candidate.last].joined_to_next {
            return false;
        }
        conditions.iter().any(|c| kb.lexicon.holds_after(c, tokens, candidate.last + 1))
    }
}

fn passes_rules(
    kb: &KnowledgeBase,
    tokens: &Tokens,
    range: &Range<usize>,
    lang: Option<Lang>,
    candidate: &Candidate,
) -> bool {
    let script = tokens.items()[candidate.first].script;
    for rule in &kb.lexicon.rules {
        if !rule_applies(rule, candidate.name.target, script, lang) {
            continue;
        }
        if let Some(form) = &rule.form {
            if tokens.folded(candidate.first) != form && !tokens.folded(candidate.first).ends_with(form.as_str()) {
                continue;
            }
        }
        let present = context_holds(kb, tokens, range, candidate, &rule.if_prev, true)
            || context_holds(kb, tokens, range, candidate, &rule.if_next, false);
        match rule.action {
            RuleAction::Reject if present => return false,
            RuleAction::Require if !present => return false,
            _ => {}
        }
    }
    true
}

/// A head noun found next to a nationality adjective.
#[derive(Debug, Clone, Copy)]
struct Head {
    role: StateRole,
    span: Span,
}

/// The entry of `list` that stands beside a nationality adjective as its head (before it in
/// Arabic and French, after it in English), and the span of the whole phrase.
fn head_beside<'kb>(
    heads: &'kb WordList,
    tokens: &Tokens,
    range: &Range<usize>,
    candidate: &Candidate,
) -> Option<(ListMatch<'kb>, Span)> {
    let items = tokens.items();
    if !candidate.preposition && candidate.first > range.start && items[candidate.first - 1].joined_to_next {
        if let Some(found) = heads.ending_at_where(tokens, candidate.first - 1, |e| e.lang != "en") {
            let span = Span { start: items[found.far_token].start, end: candidate.span.end };
            return Some((found, span));
        }
    }
    if candidate.last + 1 < range.end && items[candidate.last].joined_to_next {
        if let Some(found) = heads.starting_at_where(tokens, candidate.last + 1, |e| e.lang == "en") {
            let span = Span { start: candidate.span.start, end: items[found.far_token].end };
            return Some((found, span));
        }
    }
    None
}

fn head_of(kb: &KnowledgeBase, tokens: &Tokens, range: &Range<usize>, candidate: &Candidate) -> Option<Head> {
    let items = tokens.items();
    // "دولة مالي" is the state of Mali, the country: a name without the article after a word
    // such as دولة names it ("الدولة المالية", with the article, is the government).
    if !candidate.definite
        && candidate.first > range.start
        && items[candidate.first - 1].joined_to_next
        && kb.lexicon.list(marsad_kb::List::NotActingBefore).ending_at(tokens, candidate.first - 1).is_some()
    {
        return None;
    }
    let heads = kb.lexicon.list(marsad_kb::List::StateHeads);
    if let Some((found, span)) = head_beside(heads, tokens, range, candidate) {
        let role = found.entry.role.as_deref().and_then(StateRole::from_name)?;
        return Some(Head { role, span });
    }
    // English shares a head across a conjunction: "Malian and Russian forces".
    let joined = candidate.last + 1 < range.end && items[candidate.last].joined_to_next;
    let conjunction = joined && matches!(tokens.folded(candidate.last + 1), "and" | "or");
    if conjunction && candidate.last + 3 < range.end && items[candidate.last + 2].joined_to_next {
        if let Some(found) = heads.starting_at_where(tokens, candidate.last + 3, |e| e.lang == "en") {
            let role = found.entry.role.as_deref().and_then(StateRole::from_name)?;
            return Some(Head { role, span: candidate.span });
        }
    }
    None
}

/// A capital named through its country, and the span of the whole phrase.
struct Capital {
    place: u32,
    span: Span,
}

/// "العاصمة المالية", "la capitale malienne", "the Malian capital": the capital word before the
/// adjective in Arabic and French, after it in English.
fn capital_named(
    kb: &KnowledgeBase,
    tokens: &Tokens,
    range: &Range<usize>,
    candidate: &Candidate,
    country_place: u32,
) -> Option<Capital> {
    let place = kb.capital(kb.places[country_place as usize].country.as_deref()?)?;
    let heads = kb.lexicon.list(marsad_kb::List::CapitalHeads);
    head_beside(heads, tokens, range, candidate).map(|(_, span)| Capital { place, span })
}

/// "عاصمة النيجر", "la capitale du Niger", "the capital of Niger": the capital, not the country.
fn capital_of_country(
    kb: &KnowledgeBase,
    tokens: &Tokens,
    range: &Range<usize>,
    candidate: &Candidate,
    place_index: u32,
) -> Option<Capital> {
    let place = &kb.places[place_index as usize];
    if place.kind != PlaceKind::Country || candidate.first <= range.start {
        return None;
    }
    let items = tokens.items();
    if !items[candidate.first - 1].joined_to_next {
        return None;
    }
    let found = kb.lexicon.list(marsad_kb::List::CapitalOf).ending_at(tokens, candidate.first - 1)?;
    if found.far_token < range.start {
        return None;
    }
    let capital = kb.capital(place.country.as_deref()?)?;
    Some(Capital { place: capital, span: Span { start: items[found.far_token].start, end: candidate.span.end } })
}

/// "Bamba Fall, maire de Médina", "the Tahoua Special Forces Battalion": a Latin place name
/// followed by a capitalised word that does not extend place names is part of another name,
/// unless the sentence capitalises every word but the short ones (a headline in title case).
fn inside_a_name(kb: &KnowledgeBase, text: &str, tokens: &Tokens, range: &Range<usize>, lead: &Candidate) -> bool {
    let items = tokens.items();
    let next = lead.last + 1;
    let latin_capital = |i: usize| items[i].script == Script::Latin && items[i].upper_initial && !items[i].all_upper;
    if !latin_capital(lead.first) || next >= range.end || !items[lead.last].joined_to_next {
        return false;
    }
    // "Kaya-Dori", "Bamako-Sénou": a hyphen joins two places, not a name.
    let gap = text.get(items[lead.last].byte_end as usize..items[next].byte_start as usize).unwrap_or("");
    if !gap.chars().all(char::is_whitespace) {
        return false;
    }
    if !latin_capital(next) || kb.lexicon.list(marsad_kb::List::NameExtensions).starting_at(tokens, next).is_some() {
        return false;
    }
    // In title case only short words ("of", "in") stay in lower case.
    let lower_word =
        |i: usize| items[i].script == Script::Latin && !items[i].upper_initial && tokens.folded(i).chars().count() >= 4;
    range.clone().any(lower_word)
}

/// "l'Association des journalistes du Burkina (AJB)", "Front de libération de l'Azawad (FLA)":
/// a Latin place name right before an acronym in brackets whose last letter is the place's
/// initial ends the name the acronym stands for ("Burkina Faso (BF)" does not: F is no B).
fn ends_an_acronym(text: &str, tokens: &Tokens, lead: &Candidate) -> bool {
    let items = tokens.items();
    let next = lead.last + 1;
    let Some(acronym) = items.get(next) else { return false };
    let gap = text.get(items[lead.last].byte_end as usize..acronym.byte_start as usize).unwrap_or("");
    let closed = text.get(acronym.byte_end as usize..).is_some_and(|rest| rest.starts_with(')'));
    if items[lead.first].script != Script::Latin || gap.trim() != "(" || !closed || !acronym.all_upper {
        return false;
    }
    let initial = |s: &str| s.chars().next().map(|c| c.to_ascii_uppercase());
    let letters = text.get(acronym.byte_start as usize..acronym.byte_end as usize).unwrap_or("");
    let place = text.get(items[lead.first].byte_start as usize..).unwrap_or("");
    letters.chars().count() >= 3 && letters.chars().last().map(|c| c.to_ascii_uppercase()) == initial(place)
}

fn place_preference(kb: &KnowledgeBase, index: u32) -> (u8, u8, u8, std::cmp::Reverse<u64>) {
    let place = &kb.places[index as usize];
    let theatre = place
        .country
        .as_deref()
        .and_then(|c| THEATRE.iter().position(|t| *t == c))
        .map(|p| if p == 0 { 0 } else { 1 })
        .unwrap_or(2);
    let kind = match place.kind {
        PlaceKind::Country => 0,
        PlaceKind::Town => 1,
        PlaceKind::Region => 2,
        PlaceKind::Water => 3,
        PlaceKind::Other => 4,
        PlaceKind::Neighbourhood => 5,
    };
    (u8::from(place.kind != PlaceKind::Country), theatre, kind, std::cmp::Reverse(place.population.unwrap_or(0)))
}

/// True when a country named where an actor could stand is described rather than acting: a
/// describing verb follows it (Niger is, la Côte d'Ivoire reste) or precedes it (تشهد مالي), a
/// border word follows it (the Senegal border), or a number, "state of", a word of neighbours
/// or borders precedes it (245 ألف مالي are Malians, دولة مالي the state, "its neighbours Mali
/// and Niger", "bordering Senegal").
fn described(kb: &KnowledgeBase, tokens: &Tokens, range: &Range<usize>, lead: &Candidate) -> bool {
    let items = tokens.items();
    let describing = kb.lexicon.list(marsad_kb::List::NotActingVerbs);
    let joined_next = lead.last + 1 < range.end && items[lead.last].joined_to_next;
    let next = joined_next && describing.starting_at(tokens, lead.last + 1).is_some();
    // "on the Senegal border": the country names a border.
    let border = joined_next && kb.lexicon.list(marsad_kb::List::Border).starting_at(tokens, lead.last + 1).is_some();
    if border {
        cov_mark::hit!(a_country_naming_a_border_is_not_acting);
    }
    // (An article may stand between: "ses voisins le Burkina Faso".)
    let article = lead.first > range.start + 1
        && items[lead.first - 1].joined_to_next
        && crate::support::ARTICLES.contains(&tokens.folded(lead.first - 1));
    let before = if article { lead.first - 1 } else { lead.first };
    let previous = before > range.start
        && items[before - 1].joined_to_next
        && [marsad_kb::List::NotActingVerbs, marsad_kb::List::NotActingBefore, marsad_kb::List::Directions]
            .into_iter()
            .any(|list| kb.lexicon.list(list).ending_at(tokens, before - 1).is_some());
    next || border || previous
}

/// A capital reads as its government only as the bare subject of a verb of saying or acting
/// (اعترفت باماكو, Bamako said), never as a place where things happen.
fn capital_acting(kb: &KnowledgeBase, tokens: &Tokens, range: &Range<usize>, lead: &Candidate) -> bool {
    if lead.conjunction || lead.preposition || lead.definite {
        return false;
    }
    let verbs = kb.lexicon.list(marsad_kb::List::ActingVerbs);
    let items = tokens.items();
    let next = lead.last + 1 < range.end
        && items[lead.last].joined_to_next
        && verbs.starting_at(tokens, lead.last + 1).is_some();
    let previous = lead.first > range.start
        && items[lead.first - 1].joined_to_next
        && verbs.ending_at(tokens, lead.first - 1).is_some();
    next || previous
}

/// True when the name follows a town of the same country (a dateline "أبوظبي الإمارات", "Agadez, Niger").
fn after_own_town(
    kb: &KnowledgeBase,
    out: &[Mention],
    place: &marsad_kb::Place,
    lead: &Candidate,
    tokens: &Tokens,
) -> bool {
    let Some(before) = lead.first.checked_sub(1) else { return false };
    let end = tokens.items()[before].end;
    out.iter().rev().take(3).any(|m| match m.entity {
        Entity::Place(p) => {
            let town = &kb.places[p as usize];
            m.span.end == end && town.kind == PlaceKind::Town && town.country == place.country
        }
        _ => false,
    })
}

/// State carried from one accepted name to the next, for lists.
#[derive(Debug, Clone, Copy)]
struct Previous {
    last_token: usize,
    /// A headed nationality adjective: its head.
    head: Option<StateRole>,
    /// A country: whether it was read as a location.
    locative: Option<bool>,
    /// A nationality adjective without a head (جنسيات صينية): list members after it are adjectives too.
    adjective: bool,
    /// A place after a place word: the places listed after it share it (les villages de X, Y et Z).
    place_word: bool,
    /// A country: whether it was read as acting (وأعلنت مالي والنيجر: the list acts together).
    acting: Option<bool>,
    /// The admin level a place word before the list names (les régions de Mopti et de Bandiagara).
    admin_level: Option<u8>,
}

impl Previous {
    fn at(last_token: usize) -> Previous {
        Previous {
            last_token,
            head: None,
            locative: None,
            adjective: false,
            place_word: false,
            acting: None,
            admin_level: None,
        }
    }
}

/// True when only spaces, commas and brackets stand between tokens `a` and `b` (same sentence, same list).
fn list_gap(text: &str, tokens: &Tokens, a: usize, b: usize) -> bool {
    let items = tokens.items();
    let gap = text.get(items[a].byte_end as usize..items[b].byte_start as usize).unwrap_or(".");
    gap.chars().all(|c| c.is_whitespace() || matches!(c, ',' | '،' | '(' | ')' | '-' | '"' | '«' | '»'))
}

fn continues_list(text: &str, tokens: &Tokens, previous: Option<Previous>, candidate: &Candidate) -> Option<Previous> {
    let previous = previous?;
    // "le Niger, le Mali et le Burkina Faso", "de Mopti et de Bandiagara": an article or de before a
    // member is skipped.
    let first = if candidate.first > previous.last_token + 1
        && (ARTICLES.contains(&tokens.folded(candidate.first - 1))
            || matches!(tokens.folded(candidate.first - 1), "de" | "d" | "du" | "des"))
    {
        candidate.first - 1
    } else {
        candidate.first
    };
    let candidate = &Candidate { first, ..*candidate };
    if previous.last_token + 1 == candidate.first && list_gap(text, tokens, previous.last_token, candidate.first) {
        return Some(previous);
    }
    if previous.last_token + 2 == candidate.first
        && CONJUNCTIONS.contains(&tokens.folded(candidate.first - 1))
        && list_gap(text, tokens, previous.last_token, candidate.first - 1)
        && list_gap(text, tokens, candidate.first - 1, candidate.first)
    {
        return Some(previous);
    }
    None
}

/// True when a colon follows the name ("Mali : le Jnim revendique…", "مالي: …"): a headline's
/// topic, not a country acting.
fn topic_label(text: &str, span: Span) -> bool {
    text.chars().skip(span.end as usize).find(|c| !c.is_whitespace()).is_some_and(|c| c == ':')
}

/// Turn the candidates of tokens `range` into mentions appended to `out`, and places that need
/// the whole text's support into `pending`.
#[allow(clippy::too_many_arguments)]
pub fn resolve(
    kb: &KnowledgeBase,
    text: &str,
    tokens: &Tokens,
    ends: Ends<'_>,
    range: Range<usize>,
    lang: Option<Lang>,
    mut candidates: Vec<Candidate>,
    out: &mut Vec<Mention>,
    pending: &mut Vec<Pending>,
) {
    candidates.retain(|c| passes_rules(kb, tokens, &range, lang, c));
    candidates.sort_by_key(|c| (std::cmp::Reverse(c.last - c.first), c.name.tier, c.first, c.span.start));
    let mut taken = vec![false; range.end - range.start];
    let mut groups: Vec<Vec<Candidate>> = Vec::new();
    // The group of each (first, last) token pair: one lookup per candidate, so a paragraph of
    // any length resolves in linear time.
    let mut group_at: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    let exact: FxHashSet<usize> =
        candidates.iter().filter(|c| c.name.tier == marsad_text::skeleton::Tier::Exact).map(|c| c.first).collect();
    for at in two_word_villages(kb, text, tokens, ends, &range, &|at| exact.contains(&at), pending) {
        taken[at - range.start] = true;
    }
    for candidate in candidates {
        let cells = candidate.first - range.start..=candidate.last - range.start;
        if let Some(&index) = group_at.get(&(candidate.first, candidate.last)) {
            let group = &mut groups[index];
            if group[0].name.tier == candidate.name.tier
                && !group.iter().any(|c| c.name.target == candidate.name.target)
            {
                group.push(candidate);
            }
            continue;
        }
        if taken[cells.clone()].iter().any(|t| *t) {
            continue;
        }
        for cell in cells {
            taken[cell] = true;
        }
        group_at.insert((candidate.first, candidate.last), groups.len());
        groups.push(vec![candidate]);
    }
    groups.sort_by_key(|g| g[0].first);
    phonetic_candidates(kb, text, tokens, ends, &range, &taken, pending);
    let mut previous: Option<Previous> = None;
    for group in groups {
        previous = interpret(kb, text, tokens, ends, &range, &group, previous, (out, pending));
    }
}

#[allow(clippy::too_many_arguments)]
fn interpret(
    kb: &KnowledgeBase,
    text: &str,
    tokens: &Tokens,
    ends: Ends<'_>,
    range: &Range<usize>,
    group: &[Candidate],
    previous: Option<Previous>,
    (out, pending): (&mut Vec<Mention>, &mut Vec<Pending>),
) -> Option<Previous> {
    let lead = group[0];
    let tier = lead.name.tier;
    let mention = |span: Span, entity: Entity, how: How| Mention {
        span,
        entity,
        tier,
        how,
        support: Support::Listed,
        phonetic: false,
    };
    let list = continues_list(text, tokens, previous, &lead);

    if let Some(person) = group.iter().find_map(|c| match c.name.target {
        Target::Person(i) | Target::PersonShort(i) => Some(i),
        _ => None,
    }) {
        out.push(mention(lead.span, Entity::Person(person), How::Name));
        let record = &kb.people[person as usize];
        if record.speaks_for {
            if let Some(actor) = record.actor.as_deref().and_then(|id| kb.actor_index(id)) {
                out.push(mention(lead.span, Entity::Actor(actor), How::Spokesperson));
            }
        }
        return Some(Previous::at(lead.last));
    }
    if let Some(outlet) = group.iter().find_map(|c| match c.name.target {
        Target::Outlet(i) => Some(i),
        _ => None,
    }) {
        out.push(mention(lead.span, Entity::Outlet(outlet), How::Name));
        return Some(Previous::at(lead.last));
    }
    let actors: Vec<u32> =
        group.iter().filter_map(|c| if let Target::Actor(i) = c.name.target { Some(i) } else { None }).collect();
    if !actors.is_empty() {
        for actor in actors {
            out.push(mention(lead.span, Entity::Actor(actor), How::Name));
        }
        return Some(Previous::at(lead.last));
    }

    let demonym = group.iter().find_map(|c| if let Target::Demonym(i) = c.name.target { Some(i) } else { None });
    if let Some(capital) = demonym.and_then(|country| capital_named(kb, tokens, range, &lead, country)) {
        out.push(mention(capital.span, Entity::Place(capital.place), How::Capital));
        return Some(Previous { locative: Some(true), ..Previous::at(lead.last) });
    }
    // "داخل الأراضي المالية", "en territoire malien", "on Malian territory": the country.
    if let Some(country_place) = demonym {
        let heads = kb.lexicon.list(marsad_kb::List::TerritoryHeads);
        if let Some((_, span)) = head_beside(heads, tokens, range, &lead) {
            out.push(mention(span, Entity::Place(country_place), How::Name));
            return Some(Previous { locative: Some(true), ..Previous::at(lead.last) });
        }
        // "الحدود الجزائرية", "la frontière algérienne", "the Algerian border": the country the
        // border is of, named by its adjective alone, and never where something happened.
        // (مالي is also the country's name: "حدود مالي" names it as such.)
        let named = group.iter().any(|c| matches!(c.name.target, Target::Place(_)));
        if !named && head_beside(kb.lexicon.list(marsad_kb::List::Border), tokens, range, &lead).is_some() {
            cov_mark::hit!(an_adjective_beside_a_border_word_names_the_country);
            out.push(mention(lead.span, Entity::Place(country_place), How::Border));
            return Some(Previous::at(lead.last));
        }
    }
    if let Some(country_place) = demonym {
        let head = head_of(kb, tokens, range, &lead).or_else(|| {
            let inherited = list.and_then(|p| p.head)?;
            Some(Head { role: inherited, span: lead.span })
        });
        if let Some(head) = head {
            if let Some(actor) =
                kb.places[country_place as usize].country.as_deref().and_then(|c| kb.state_actor(c, head.role))
            {
                out.push(mention(head.span, Entity::Actor(actor), How::Nationality));
            }
            return Some(Previous { head: Some(head.role), ..Previous::at(lead.last) });
        }
    }
    let adjective = Previous { adjective: true, ..Previous::at(lead.last) };
    // In a list of adjectives (صينية وهندية وصربية) a form that is also a country's name is an adjective.
    if demonym.is_some() && list.is_some_and(|p| p.adjective) {
        return Some(adjective);
    }

    let places: Vec<u32> =
        group.iter().filter_map(|c| if let Target::Place(i) = c.name.target { Some(i) } else { None }).collect();
    // "بانيكوارا (Banikoara)": the text spells the Arabic name in Latin; the place word, if any,
    // stands before the Arabic name.
    let glossed = glossed_word(text, tokens, range, lead.first, lead.last);
    let cue = if places.is_empty() {
        None
    } else {
        place_word_before(kb, tokens, ends, range, glossed.unwrap_or(lead.first))
    };
    // "Torodi department", "Kidal region", "province du Sourou": a name that ends or opens with
    // its own admin word says it is a place.
    let ends_with = ends.entry(kb, List::PlaceWords, tokens, lead.last).is_some_and(|m| m.far_token == lead.last);
    let opens_with = lead.last > lead.first
        && kb.lexicon.list(List::PlaceWords).starting_at(tokens, lead.first).is_some_and(|m| m.far_token < lead.last);
    let own_admin_word = !places.is_empty() && (ends_with || opens_with);
    let place_word = cue.is_some() || own_admin_word || (!places.is_empty() && list.is_some_and(|p| p.place_word));
    let admin_level = cue.flatten().or_else(|| list.and_then(|p| p.admin_level)).or_else(|| {
        if places.is_empty() {
            None
        } else {
            admin_word_after(kb, text, tokens, range, lead.last)
        }
    });
    if !places.is_empty() && (inside_a_name(kb, text, tokens, range, &lead) || ends_an_acronym(text, tokens, &lead)) {
        return Some(Previous::at(lead.last));
    }
    // A generated entry among the readings, or a curated one matched only by its consonants
    // ("بندجاري" for باندياغارا in a story on Benin): decided once the whole text is read.
    let loose = tier == marsad_text::skeleton::Tier::Consonants;
    if (loose || places.iter().any(|&i| kb.places[i as usize].generated)) && !(demonym.is_some() && lead.definite) {
        pending.push(Pending {
            span: lead.span,
            candidates: places,
            fallback: Vec::new(),
            place_word,
            weak_position: glossed.is_none() && weak_position(tokens, range, lead.first, lead.last),
            after_locative: tokens.items()[lead.first].script == Script::Latin
                && crate::support::after_locative(kb, tokens, ends, range, lead.first),
            phonetic: false,
            in_the_country: false,
            tier,
            spelled: Vec::new(),
        });
        return Some(Previous { locative: Some(true), place_word, ..Previous::at(lead.last) });
    }
    let best_place = places.iter().copied().min_by_key(|i| place_preference(kb, *i));
    let Some(place_index) = best_place else {
        return Some(if demonym.is_some() { adjective } else { Previous::at(lead.last) });
    };
    // A town named after a word for regions or cercles is the unit named after it.
    let place_index = admin_level.and_then(|level| kb.unit_named_like(place_index, level)).unwrap_or(place_index);
    // An adjective form that is also a place name (مالي) reads as the place only when bare.
    if demonym.is_some() && lead.definite {
        return Some(adjective);
    }
    if let Some(capital) = capital_of_country(kb, tokens, range, &lead, place_index) {
        out.push(mention(capital.span, Entity::Place(capital.place), How::Capital));
        return Some(Previous { locative: Some(true), place_word, ..Previous::at(lead.last) });
    }
    out.push(mention(lead.span, Entity::Place(place_index), How::Name));
    let place = &kb.places[place_index as usize];
    // A capital standing where an actor stands speaks for its government ("Bamako admitted").
    let acting_country =
        if place.kind == PlaceKind::Country { place.country.as_deref() } else { place.capital_of.as_deref() };
    let Some(acting_country) = acting_country else {
        return Some(Previous { locative: Some(true), place_word, admin_level, ..Previous::at(lead.last) });
    };
    let locative = match list.and_then(|p| p.locative) {
        Some(inherited) => inherited,
        None => lead.preposition || after_locative(kb, tokens, ends, range, lead.first) || topic_label(text, lead.span),
    };
    // A capital only acts as the subject of a clause (first word of its sentence or after a verb-like word).
    let acts = match list.and_then(|p| p.acting) {
        Some(inherited) => inherited,
        None if place.kind == PlaceKind::Country => {
            !described(kb, tokens, range, &lead) && !after_own_town(kb, out, place, &lead, tokens)
        }
        None => capital_acting(kb, tokens, range, &lead),
    };
    if !locative && acts {
        if let Some(government) = kb.state_actor(acting_country, StateRole::Government) {
            out.push(mention(lead.span, Entity::Actor(government), How::CountryActing));
        }
    }
    Some(Previous { locative: Some(locative), place_word, acting: Some(acts), admin_level, ..Previous::at(lead.last) })
}
