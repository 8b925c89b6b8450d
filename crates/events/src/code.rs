//! From a sentence with a trigger to a draft event: type, roles, place, date, fatalities,
//! source, evidence.
//!
//! - The trigger: weapon-specific frames (IED, air strike, suicide bomb...) win over generic
//!   ones, then the first incident frame of the sentence, then killing or burning alone.
//! - Not events: a speculation or analysis cue before the trigger, a negation right before it,
//!   headings. A foiled attack is still an event.
//! - Roles: the source of the report (قال الجيش, according to X) is not a role; a claim of
//!   responsibility names actor1; otherwise word order and voice decide (Arabic verb-first,
//!   passives, تعرض ... لهجوم), "the group" refers back to the last armed group named,
//!   convoys, drivers and villages make civilians the target.
//! - Place: the most precise place of the sentence, else of the paragraph, else of the title;
//!   "near", "between" and "N km from" make the precision 2, a region or country 3. Places
//!   listed together after the trigger ("attacks in Ségou and Kayes") are separate incidents.
//! - Date: the nearest date expression in the sentence, else earlier in the paragraph, else the
//!   title; none is guessed.
//! - Fatalities: counts next to a death word, parts joined by "and" summed, injuries not
//!   counted, 0 when the text says nobody was hurt.

use crate::cues::{any, find, triggers, Cue, Trigger};
use crate::Event;
use marsad_extract::context::focus_country;
use marsad_extract::{Entity, Extraction, How, Mention};
use marsad_kb::{ActorKind, KnowledgeBase, PlaceKind, StateRole};
use marsad_text::dates::{dates_in, DateMention};
use marsad_text::layout::{BlockKind, Span};
use marsad_text::numbers::{counts_in, Count};
use marsad_text::{Script, Tokens};
use std::ops::Range;

/// Frames that name the weapon or the act precisely: they win over a generic attack.
const SPECIFIC: [&str; 8] =
    ["disrupt_weapons", "suicide_bomb", "chemical", "ied", "airstrike", "shelling", "grenade", "sexual_violence"];
/// Frames that only report a consequence: used when nothing else is there.
const CONSEQUENCES: [&str; 3] = ["kill", "burn_loot", "displacement"];
/// Words that join the members of a list.
const CONJUNCTIONS: [&str; 5] = ["و", "and", "et", "or", "ou"];
/// Tokens before a trigger in which speculation, analysis or negation cues count.
const SPECULATION_WINDOW: usize = 8;
const NEGATION_WINDOW: usize = 5;
const TREND_WINDOW: usize = 2;
/// How far a death word may stand before a count, and after it.
const BEFORE_COUNT: usize = 3;
const AFTER_COUNT: usize = 6;

/// Everything about one document the sentences share.
struct Document<'a> {
    kb: &'a KnowledgeBase,
    text: &'a str,
    tokens: &'a Tokens,
    mentions: &'a [Mention],
    counts: Vec<Count>,
    dates: Vec<DateMention>,
}

impl Document<'_> {
    fn token_range(&self, span: Span) -> Range<usize> {
        self.tokens.first_at_or_after(span.start)..self.tokens.first_at_or_after(span.end)
    }

    fn first_token(&self, span: Span) -> usize {
        self.tokens.items().partition_point(|t| t.end <= span.start)
    }

    fn last_token(&self, span: Span) -> usize {
        self.tokens.items().partition_point(|t| t.start < span.end).saturating_sub(1)
    }

    fn mentions_in(&self, span: Span) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| span.contains(m.span))
    }

    fn trigger_span(&self, trigger: &Trigger) -> Span {
        let items = self.tokens.items();
        Span { start: items[trigger.first].start, end: items[trigger.last].end }
    }
}

/// An actor named in the sentence, with where it stands.
#[derive(Debug, Clone, Copy)]
struct Named {
    actor: u32,
    first: usize,
    last: usize,
}

fn choose_trigger(found: &[Trigger]) -> Option<&Trigger> {
    if let Some(t) = found.iter().find(|t| t.frame == "disrupt_weapons") {
        return Some(t);
    }
    if let Some(t) = found.iter().find(|t| SPECIFIC.contains(&t.frame.as_str())) {
        return Some(t);
    }
    let incidents: Vec<&Trigger> = found.iter().filter(|t| !CONSEQUENCES.contains(&t.frame.as_str())).collect();
    if let Some(release) = incidents.iter().find(|t| t.frame == "release") {
        if incidents.iter().any(|t| t.frame == "abduct") {
            return Some(release);
        }
    }
    incidents.first().copied().or_else(|| found.first())
}

/// The draft events of a document, in text order.
pub fn drafts(kb: &KnowledgeBase, text: &str, extraction: &Extraction, published: Option<&str>) -> Vec<Event> {
    let tokens = &extraction.tokens;
    let doc = Document {
        kb,
        text,
        tokens,
        mentions: &extraction.mentions,
        counts: counts_in(text, tokens),
        dates: dates_in(text, tokens, published),
    };
    let title = extraction.layout.blocks.iter().find(|b| b.kind == BlockKind::Title).map(|b| b.span);
    let mut out: Vec<Event> = Vec::new();
    for block in extraction.layout.content() {
        if block.kind == BlockKind::Heading {
            continue;
        }
        for (index, sentence) in block.sentences.iter().enumerate() {
            let range = doc.token_range(*sentence);
            if range.is_empty() {
                continue;
            }
            let mention_spans: Vec<Span> = doc.mentions_in(*sentence).map(|m| m.span).collect();
            let found: Vec<Trigger> = triggers(kb, tokens, range.clone())
                .into_iter()
                .filter(|t| {
                    let span = doc.trigger_span(t);
                    !mention_spans.iter().any(|m| m.start < span.end && span.start < m.end)
                })
                .collect();
            let Some(trigger) = choose_trigger(&found) else { continue };
            if !is_reported_as_real(&doc, &range, trigger) {
                continue;
            }
            let earlier: Vec<Span> =
                block.sentences[..index].iter().rev().copied().chain(title.filter(|t| *t != block.span)).collect();
            // The story so far: the place of the last incident told continues it.
            let story_place = out.iter().rev().find_map(|e| e.place);
            out.extend(code_sentence(&doc, *sentence, range, trigger, &earlier, story_place));
        }
    }
    out
}

fn is_reported_as_real(doc: &Document<'_>, range: &Range<usize>, trigger: &Trigger) -> bool {
    let before = |window: usize| trigger.first.saturating_sub(window).max(range.start)..trigger.first;
    if any(doc.kb, "speculation", doc.tokens, before(SPECULATION_WINDOW))
        || any(doc.kb, "analysis", doc.tokens, range.start..trigger.first)
    {
        return false;
    }
    // A trend (تصاعد الهجمات, a rise in attacks) is not one incident.
    if any(doc.kb, "trend", doc.tokens, before(TREND_WINDOW))
        || any(doc.kb, "trend", doc.tokens, trigger.last + 1..(trigger.last + 1 + TREND_WINDOW).min(range.end))
    {
        return false;
    }
    let negations = find(doc.kb, "negation", doc.tokens, before(NEGATION_WINDOW));
    let exceptions = find(doc.kb, "negation-exceptions", doc.tokens, before(NEGATION_WINDOW + 1));
    !negations.iter().any(|n| !exceptions.iter().any(|e| e.first <= n.first && n.last <= e.last))
}

fn actors_in(doc: &Document<'_>, sentence: Span) -> Vec<Named> {
    let mut named: Vec<Named> = Vec::new();
    for m in doc.mentions_in(sentence) {
        if let Entity::Actor(actor) = m.entity {
            if m.how == How::Spokesperson && named.iter().any(|n| n.actor == actor) {
                continue;
            }
            named.push(Named { actor, first: doc.first_token(m.span), last: doc.last_token(m.span) });
        }
    }
    named
}

/// The outlet or actor the sentence says reported it, and the mention that is only a source.
fn attribution(
    doc: &Document<'_>,
    sentence: Span,
    range: &Range<usize>,
    named: &[Named],
) -> (Option<String>, Option<Named>) {
    let kb = doc.kb;
    let outlet = doc.mentions_in(sentence).find_map(|m| {
        if let Entity::Outlet(o) = m.entity {
            Some(kb.outlets[o as usize].name.clone())
        } else {
            None
        }
    });
    let latin = doc.tokens.items()[range.start].script != Script::Arabic;
    for cue in find(kb, "attribution", doc.tokens, range.clone()) {
        let after = named.iter().find(|n| n.first > cue.last && n.first <= cue.last + 4);
        let before = named.iter().rev().find(|n| latin && n.last < cue.first && n.last + 4 >= cue.first);
        if let Some(source) = after.or(before) {
            let name = kb.actors[source.actor as usize].name.clone();
            return (outlet.or(Some(name)), Some(*source));
        }
    }
    (outlet, None)
}

fn is_armed(kb: &KnowledgeBase, actor: u32) -> bool {
    matches!(kb.actors[actor as usize].kind, ActorKind::ArmedGroup | ActorKind::Militia)
}

fn is_civilians(kb: &KnowledgeBase, actor: u32) -> bool {
    kb.actors[actor as usize].kind == ActorKind::Civilians
}

/// The last armed group named before char offset `before` ("the group" refers to it); a
/// parent organisation named as the affiliation of a group named in the document yields the group.
fn last_armed_group(doc: &Document<'_>, before: u32) -> Option<u32> {
    let kb = doc.kb;
    let groups: Vec<u32> = doc
        .mentions
        .iter()
        .filter_map(|m| match m.entity {
            Entity::Actor(a) if kb.actors[a as usize].kind == ActorKind::ArmedGroup => Some(a),
            _ => None,
        })
        .collect();
    let last = doc.mentions.iter().rev().filter(|m| m.span.end <= before).find_map(|m| match m.entity {
        Entity::Actor(a) if kb.actors[a as usize].kind == ActorKind::ArmedGroup => Some(a),
        _ => None,
    })?;
    let id = kb.actors[last as usize].id.as_str();
    Some(groups.iter().copied().find(|g| kb.actors[*g as usize].parent.as_deref() == Some(id)).unwrap_or(last))
}

/// The armed group the document names most often.
fn salient_armed_group(doc: &Document<'_>) -> Option<u32> {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for m in doc.mentions {
        if let Entity::Actor(a) = m.entity {
            if doc.kb.actors[a as usize].kind == ActorKind::ArmedGroup {
                match counts.iter_mut().find(|(k, _)| *k == a) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((a, 1)),
                }
            }
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(a, _)| a)
}

struct Roles {
    actor1: Option<u32>,
    actor2: Option<u32>,
    source: Option<u32>,
    strength: u8,
}

/// A group named with its parent ("JNIM, affiliated with al-Qaeda"): the group itself acts.
fn prefer_child(kb: &KnowledgeBase, actor: Option<u32>, named: &[Named]) -> Option<u32> {
    let actor = actor?;
    let id = kb.actors[actor as usize].id.as_str();
    Some(named.iter().map(|n| n.actor).find(|n| kb.actors[*n as usize].parent.as_deref() == Some(id)).unwrap_or(actor))
}

/// Actors after the trigger take a role only within this many words of it.
const AFTER_ROLE_WINDOW: usize = 10;

fn verb_first_or_close(first: usize, trigger_last: usize) -> bool {
    first <= trigger_last + AFTER_ROLE_WINDOW
}

fn roles(
    doc: &Document<'_>,
    range: &Range<usize>,
    trigger: &Trigger,
    named: &[Named],
    source_mention: Option<Named>,
) -> Roles {
    let kb = doc.kb;
    let tokens = doc.tokens;
    let source = source_mention.map(|s| s.actor);
    // Only the mention standing as the source is set aside; the same actor may also act.
    let candidates: Vec<Named> = named
        .iter()
        .copied()
        .filter(|n| {
            source_mention.is_none_or(|s| s.first != n.first) && !(trigger.first <= n.first && n.last <= trigger.last)
        })
        .collect();
    // A claim of responsibility names the doer.
    let claim = find(kb, "claim-responsibility", tokens, range.clone()).into_iter().next();
    let claimant = claim
        .as_ref()
        .and_then(|cue: &Cue| {
            let distance =
                |n: &&Named| if n.last < cue.first { cue.first - n.last } else { n.first.saturating_sub(cue.last) };
            // Armed groups claim attacks; a state named nearby is more likely the target.
            let armed =
                candidates.iter().filter(|n| is_armed(kb, n.actor) || Some(n.actor) == source).min_by_key(distance);
            armed
                .or_else(|| candidates.iter().filter(|n| !is_civilians(kb, n.actor)).min_by_key(distance))
                .map(|n| n.actor)
        })
        .or_else(|| claim.as_ref().and(source).filter(|s| is_armed(kb, *s)));
    let passive =
        trigger.passive || any(kb, "undergo", tokens, trigger.first.saturating_sub(6).max(range.start)..trigger.first);
    let agent = find(kb, "agent-markers", tokens, trigger.last + 1..range.end)
        .first()
        .and_then(|marker| candidates.iter().find(|n| n.first > marker.last && n.first <= marker.last + 2))
        .map(|n| n.actor);
    // Victims are not the doer: those named after an earlier death word (قتل سبعة جنود ... في
    // كمين نصبه X), and those named before a passive one (Quatre soldats ont été tués ... sur un engin).
    let deaths_before: Vec<Trigger> =
        triggers(kb, tokens, range.start..trigger.first).into_iter().filter(|t| t.frame == "kill").collect();
    let victims: Vec<u32> = candidates
        .iter()
        .filter(|n| {
            n.last < trigger.first
                && deaths_before.iter().any(|k| (n.first > k.last && !k.passive) || (k.passive && n.last < k.first))
        })
        .map(|n| n.actor)
        .collect();
    let before: Vec<&Named> =
        candidates.iter().filter(|n| n.last < trigger.first && !victims.contains(&n.actor)).collect();
    let after: Vec<&Named> =
        candidates.iter().filter(|n| n.first > trigger.last && (verb_first_or_close(n.first, trigger.last))).collect();
    let arabic = tokens.items()[trigger.first].script == Script::Arabic;
    // Arabic puts the verb first: a trigger opening the sentence has its doer after it.
    let verb_first = arabic && trigger.first < range.start + 3;
    let (mut actor1, mut actor2);
    if passive {
        actor2 =
            before.last().map(|n| n.actor).or_else(|| after.iter().find(|n| Some(n.actor) != agent).map(|n| n.actor));
        actor1 = claimant
            .or(agent)
            .or_else(|| after.iter().map(|n| n.actor).find(|a| Some(*a) != actor2 && !is_civilians(kb, *a)));
    } else {
        // The subject may be a list (Le Mali et le Niger ont signé): its first member acts.
        let mut subject = before.len().checked_sub(1).filter(|_| !verb_first);
        while let Some(i) = subject.filter(|i| *i > 0) {
            let (a, b) = (before[i - 1], before[i]);
            let gap = (a.last + 1..b.first)
                .all(|t| matches!(tokens.folded(t), "و" | "and" | "et" | "le" | "la" | "les" | "the"));
            if !gap {
                break;
            }
            subject = Some(i - 1);
        }
        let subject_before = subject.map(|i| before[i].actor);
        let co_subject = subject.and_then(|i| before.get(i + 1)).map(|n| n.actor);
        actor1 = claimant.or(subject_before).or(agent).or_else(|| after.first().map(|n| n.actor));
        actor2 = after
            .iter()
            .map(|n| n.actor)
            .find(|a| Some(*a) != actor1 && !victims.contains(a))
            .or_else(|| victims.first().copied());
        if matches!(trigger.frame.as_str(), "agreement" | "clash") && co_subject.is_some() && co_subject != actor1 {
            actor2 = co_subject;
        }
        if actor2.is_none() && actor1 != subject_before {
            actor2 = subject_before.filter(|a| Some(*a) != actor1);
        }
    }
    // A group quoted as saying it attacked is the doer; so is an army reporting its own operation.
    if actor1.is_none() {
        if let Some(s) = source {
            let own_operation = !matches!(
                trigger.frame.as_str(),
                "attack" | "ambush" | "suicide_bomb" | "ied" | "shelling" | "grenade"
            ) && !any(kb, "foiled", tokens, range.clone());
            if is_armed(kb, s) || own_operation {
                actor1 = Some(s);
            }
        }
    }
    // A state force that foiled an attack was its target, not its doer.
    if any(kb, "foiled", tokens, range.clone()) && claimant.is_none() {
        if let Some(state) =
            actor1.filter(|a| matches!(kb.actors[*a as usize].kind, ActorKind::StateForce | ActorKind::Government))
        {
            actor1 = after.iter().map(|n| n.actor).find(|a| *a != state && !is_civilians(kb, *a));
            actor2 = Some(state);
        }
    }
    let mut strength = if claimant.is_some() {
        3
    } else if actor1.is_some() {
        2
    } else {
        0
    };
    if actor1.is_none() {
        if let Some(anaphor) =
            find(kb, "group-anaphora", tokens, range.start..(trigger.last + 3).min(range.end)).first()
        {
            // "the group" is the last group named; "the jihadist groups" the group the text is most about.
            actor1 = if anaphor.role.as_deref() == Some("salient") {
                salient_armed_group(doc)
            } else {
                last_armed_group(doc, doc.tokens.items()[trigger.last].end)
            };
            strength = 1;
        }
    }
    actor1 = prefer_child(kb, actor1, named);
    // Civilians do not attack; if they came first they are the target.
    if let Some(a1) = actor1 {
        if is_civilians(kb, a1) && !matches!(trigger.frame.as_str(), "protest" | "riot" | "displacement") {
            if actor2.is_none() {
                actor2 = Some(a1);
            }
            actor1 = claimant.or(None);
        }
    }
    if actor1 == actor2 {
        actor2 = None;
    }
    if actor1.is_none() {
        strength = 0;
    }
    Roles { actor1, actor2, source, strength }
}

fn place_rank(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::Town | PlaceKind::Neighbourhood => 0,
        PlaceKind::Region => 1,
        PlaceKind::Water | PlaceKind::Other => 2,
        PlaceKind::Country => 3,
    }
}

/// Place mentions of a span, best first: the most precise kind, then nearest to the trigger.
/// A capital that speaks for its government ("Bamako admitted") is not where anything happened.
fn places_in<'a>(doc: &'a Document<'_>, span: Span, trigger_at: u32) -> Vec<&'a Mention> {
    let acting = |m: &Mention| {
        matches!(m.entity, Entity::Place(p) if doc.kb.places[p as usize].kind != PlaceKind::Country)
            && doc.mentions.iter().any(|a| a.span == m.span && a.how == How::CountryActing)
    };
    let mut places: Vec<&Mention> =
        doc.mentions_in(span).filter(|m| matches!(m.entity, Entity::Place(_)) && !acting(m)).collect();
    places.sort_by_key(|m| {
        let Entity::Place(p) = m.entity else { return (9, 0) };
        let distance =
            if m.span.start >= trigger_at { m.span.start - trigger_at } else { (trigger_at - m.span.end) * 2 };
        (place_rank(doc.kb.places[p as usize].kind), distance)
    });
    places
}

fn precision_of(doc: &Document<'_>, range: &Range<usize>, place: &Mention) -> u8 {
    let Entity::Place(p) = place.entity else { return 3 };
    match doc.kb.places[p as usize].kind {
        PlaceKind::Town | PlaceKind::Neighbourhood => {
            let first = doc.first_token(place.span);
            let window = first.saturating_sub(6).max(range.start)..first;
            if any(doc.kb, "near", doc.tokens, window.clone()) || any(doc.kb, "between", doc.tokens, window) {
                2
            } else {
                1
            }
        }
        PlaceKind::Region | PlaceKind::Water | PlaceKind::Other | PlaceKind::Country => 3,
    }
}

/// Places listed together after the trigger as separate incidents (attacks in Ségou and Kayes).
fn listed_places<'m>(doc: &Document<'_>, best: &'m Mention, all: &[&'m Mention]) -> Vec<&'m Mention> {
    let Entity::Place(best_place) = best.entity else { return vec![best] };
    let kind = doc.kb.places[best_place as usize].kind;
    let mut same_kind: Vec<&Mention> = all
        .iter()
        .copied()
        .filter(|m| matches!(m.entity, Entity::Place(p) if doc.kb.places[p as usize].kind == kind))
        .collect();
    same_kind.sort_by_key(|m| m.span.start);
    let Some(position) = same_kind.iter().position(|m| std::ptr::eq(*m, best)) else { return vec![best] };
    let mut group = vec![best];
    for pair in same_kind[position..].windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let between = doc
            .text
            .get(
                doc.tokens.items()[doc.last_token(a.span)].byte_end as usize
                    ..doc.tokens.items()[doc.first_token(b.span)].byte_start as usize,
            )
            .unwrap_or(".");
        let joined =
            between.trim().is_empty() || between.trim() == "," || between.trim() == "،" || between.trim() == "و";
        let conj = doc.first_token(b.span) > 0
            && CONJUNCTIONS.contains(&doc.tokens.folded(doc.first_token(b.span) - 1))
            && doc.first_token(b.span) - 1 == doc.last_token(a.span) + 1;
        if joined || conj || between.trim().ends_with('و') {
            group.push(b);
        } else {
            break;
        }
    }
    if group.len() > 1
        && group.iter().any(|m| {
            any(doc.kb, "between", doc.tokens, doc.first_token(m.span).saturating_sub(4)..doc.first_token(m.span))
        })
    {
        return vec![best];
    }
    group
}

/// A mention of the focus country itself, for events placed at country level.
fn focus_place<'a>(doc: &'a Document<'_>) -> Option<&'a Mention> {
    let country = focus_country(doc.kb, doc.mentions)?;
    doc.mentions.iter().find(|m| matches!(m.entity, Entity::Place(p) if doc.kb.places[p as usize].kind == PlaceKind::Country && doc.kb.places[p as usize].country.as_deref() == Some(country)))
}

fn date_for<'a>(doc: &'a Document<'_>, sentence: Span, trigger_at: u32, earlier: &[Span]) -> Option<&'a DateMention> {
    let nearest = |span: Span| {
        doc.dates.iter().filter(|d| span.contains(d.span)).min_by_key(|d| d.span.start.abs_diff(trigger_at))
    };
    nearest(sentence).or_else(|| {
        earlier.iter().find_map(|s| doc.dates.iter().filter(|d| s.contains(d.span) && !d.background).last())
    })
}

fn fatalities(doc: &Document<'_>, range: &Range<usize>) -> Option<u64> {
    let kb = doc.kb;
    let tokens = doc.tokens;
    let in_sentence: Vec<&Count> = doc
        .counts
        .iter()
        .filter(|c| {
            let first = doc.first_token(c.span);
            range.contains(&first)
        })
        .collect();
    let mut death_words = find(kb, "fatality", tokens, range.clone());
    death_words.extend(triggers(kb, tokens, range.clone()).into_iter().filter(|t| t.frame == "kill").map(|t| Cue {
        first: t.first,
        last: t.last,
        role: None,
    }));
    let place_tokens: Vec<usize> = doc
        .mentions_in(Span { start: tokens.items()[range.start].start, end: tokens.items()[range.end - 1].end })
        .filter(|m| matches!(m.entity, Entity::Place(_)))
        .map(|m| doc.first_token(m.span))
        .collect();
    let injury_words = find(kb, "injury", tokens, range.clone());
    // A death word may follow the count across its noun phrase ("Quatre soldats maliens ont été tués")
    // or precede it ("tuant quatre", "مقتل 50").
    let near = |cues: &[Cue], first: usize, last: usize| {
        cues.iter()
            .filter_map(|c| {
                if c.last < first {
                    (first - c.last <= BEFORE_COUNT).then_some(first - c.last)
                } else if c.first > last {
                    (c.first - last <= AFTER_COUNT).then_some(c.first - last)
                } else {
                    Some(0)
                }
            })
            .min()
    };
    let mut total: Option<u64> = None;
    let mut previous_last: Option<usize> = None;
    for count in in_sentence {
        let first = doc.first_token(count.span);
        let last = doc.last_token(count.span);
        let death = near(&death_words, first, last);
        let injury = near(&injury_words, first, last);
        let is_death = death.is_some_and(|d| injury.is_none_or(|i| d <= i));
        // Parts of one toll are summed ("50 Russians and 10 Malian soldiers"), not tolls of two places.
        let continues = previous_last.is_some_and(|p| {
            first > p
                && first <= p + 5
                && (p + 1..first).any(|t| CONJUNCTIONS.contains(&tokens.folded(t)))
                && !injury_words.iter().any(|c| c.first > p && c.last < first)
                && !place_tokens.iter().any(|t| *t > p && *t < first)
        });
        if is_death && total.is_none() {
            total = Some(count.value);
            previous_last = Some(last);
        } else if continues && total.is_some() {
            total = total.map(|t| t + count.value);
            previous_last = Some(last);
        } else if total.is_some() {
            break;
        }
    }
    total.or_else(|| any(kb, "no-casualties", tokens, range.clone()).then_some(0))
}

fn sub_event(
    kb: &KnowledgeBase,
    frame: &str,
    actor1: Option<u32>,
    actor2: Option<u32>,
    doc: &Document<'_>,
    range: &Range<usize>,
    killed: bool,
) -> Option<String> {
    let rule = kb.taxonomy.frame(frame)?;
    let civilian_target = actor2.is_some_and(|a| is_civilians(kb, a));
    let state = |a: Option<u32>| {
        a.is_some_and(|a| matches!(kb.actors[a as usize].kind, ActorKind::StateForce | ActorKind::Government))
    };
    let mut sub = match (&rule.if_civilian_target, civilian_target) {
        (Some(civilian), true) => civilian.clone(),
        _ => rule.sub_event_type.clone(),
    };
    match frame {
        "protest" => {
            if killed {
                sub = "Excessive force against protesters".into();
            } else if find(kb, "event-triggers", doc.tokens, range.clone()).iter().any(|c| {
                c.role
                    .as_deref()
                    .is_some_and(|r| r.starts_with("arrest") || r.starts_with("attack") || r.starts_with("clash"))
            }) {
                sub = "Protest with intervention".into();
            }
        }
        "capture_territory" if state(actor1) => sub = "Government regains territory".into(),
        "retake_territory" if actor1.is_some_and(|a| is_armed(kb, a)) => {
            sub = "Non-state actor overtakes territory".into()
        }
        "burn_loot" if killed && civilian_target => sub = "Attack".into(),
        _ => {}
    }
    Some(sub)
}

fn code_sentence(
    doc: &Document<'_>,
    sentence: Span,
    range: Range<usize>,
    trigger: &Trigger,
    earlier: &[Span],
    story_place: Option<u32>,
) -> Vec<Event> {
    let kb = doc.kb;
    let trigger_span = doc.trigger_span(trigger);
    let named = actors_in(doc, sentence);
    let (attributed_to, source) = attribution(doc, sentence, &range, &named);
    let mut roles = roles(doc, &range, trigger, &named, source);
    // The place: this sentence, else the paragraph, else the title.
    let here = places_in(doc, sentence, trigger_span.start);
    let focus = focus_country(kb, doc.mentions);
    let in_focus = |m: &&Mention| match (m.entity, &focus) {
        (Entity::Place(p), Some(c)) => kb.places[p as usize].country.as_deref() == Some(*c),
        _ => true,
    };
    let (places, place_range): (Vec<&Mention>, Range<usize>) = if here.is_empty() {
        earlier
            .iter()
            .map(|s| (places_in(doc, *s, s.end).into_iter().filter(in_focus).collect::<Vec<_>>(), doc.token_range(*s)))
            .find(|(p, _)| !p.is_empty())
            .or_else(|| {
                // Else the place of the incident the article told last.
                let last_mention = story_place.and_then(|p| {
                    doc.mentions.iter().rev().find(|m| m.span.end <= sentence.start && m.entity == Entity::Place(p))
                });
                last_mention.map(|m| (vec![m], 0..0))
            })
            .or_else(|| {
                // Else the last place the article named before this sentence, in its country.
                let before = Span { start: 0, end: sentence.start };
                let mut previous: Vec<&Mention> =
                    places_in(doc, before, sentence.start).into_iter().filter(in_focus).collect();
                previous.sort_by_key(|m| std::cmp::Reverse(m.span.start));
                previous.truncate(1);
                (!previous.is_empty()).then(|| (previous, 0..0))
            })
            .unwrap_or((Vec::new(), range.clone()))
    } else {
        (here, range.clone())
    };
    // Leaving a country (evacuations) happens at the level of the country.
    let country_level = trigger.frame == "evacuate";
    let places: Vec<&Mention> = if country_level {
        let countries: Vec<&Mention> = places
            .iter()
            .copied()
            .filter(|m| matches!(m.entity, Entity::Place(p) if kb.places[p as usize].kind == PlaceKind::Country))
            .collect();
        if countries.is_empty() {
            focus_place(doc).into_iter().collect()
        } else {
            countries
        }
    } else {
        places
    };
    let chosen: Vec<Option<&Mention>> = match places.first() {
        Some(best) if place_range == range => listed_places(doc, best, &places).into_iter().map(Some).collect(),
        Some(best) => vec![Some(*best)],
        None => vec![None],
    };
    let country = chosen.first().copied().flatten().and_then(|m| {
        if let Entity::Place(p) = m.entity {
            kb.places[p as usize].country.clone()
        } else {
            None
        }
    });
    let civilian_words = any(kb, "civilian-targets", doc.tokens, range.clone());
    if roles.actor2.is_none() && civilian_words {
        roles.actor2 = kb.actor_index("civilians");
    } else if roles.actor2.is_none() && any(kb, "military-targets", doc.tokens, range.clone()) {
        roles.actor2 = kb
            .state_actor(country.as_deref().unwrap_or("ML"), StateRole::Military)
            .filter(|a| Some(*a) != roles.actor1);
    }
    if roles.actor2.is_none() && trigger.frame != "protest" {
        // The army reporting an attack it repelled is its target.
        roles.actor2 = roles.source.filter(|s| {
            matches!(kb.actors[*s as usize].kind, ActorKind::StateForce | ActorKind::Government)
                && Some(*s) != roles.actor1
        });
    }
    if matches!(trigger.frame.as_str(), "protest" | "riot") {
        // Protesters are actor1; a state force named with them intervened.
        let protesters = roles
            .actor1
            .filter(|a| !matches!(kb.actors[*a as usize].kind, ActorKind::StateForce | ActorKind::Government));
        let state = [roles.actor1, roles.actor2]
            .into_iter()
            .flatten()
            .find(|a| matches!(kb.actors[*a as usize].kind, ActorKind::StateForce));
        roles.actor1 = protesters.or_else(|| kb.actor_index("civilians"));
        roles.actor2 = state.filter(|s| Some(*s) != roles.actor1);
    }
    let killed_count = fatalities(doc, &range);
    let Some(sub_event_type) =
        sub_event(kb, &trigger.frame, roles.actor1, roles.actor2, doc, &range, killed_count.is_some_and(|k| k > 0))
    else {
        return Vec::new();
    };
    let Some(event_type) = kb.taxonomy.sub_event(&sub_event_type).map(|s| s.event_type.clone()) else {
        return Vec::new();
    };
    let date = date_for(doc, sentence, trigger_span.start, earlier);
    let foiled = any(kb, "foiled", doc.tokens, range.clone());
    let anaphoric =
        any(kb, "demonstratives", doc.tokens, trigger.first.saturating_sub(1).max(range.start)..trigger.first)
            || any(kb, "demonstratives", doc.tokens, trigger.last + 1..(trigger.last + 2).min(range.end));
    // A withdrawal told without a town or a date is background analysis (the departure of foreign forces).
    if trigger.frame == "withdraw" {
        let town = chosen.iter().flatten().any(|m| matches!(m.entity, Entity::Place(p) if matches!(kb.places[p as usize].kind, PlaceKind::Town | PlaceKind::Neighbourhood)) && place_range == range);
        if !town && date.and_then(|d| d.date.as_ref()).is_none() {
            return Vec::new();
        }
    }
    chosen
        .into_iter()
        .map(|place| {
            let geo_precision = place.map(|m| precision_of(doc, &place_range, m)).unwrap_or(3);
            let mut confidence: f32 = 0.35;
            confidence += if roles.actor1.is_some() { 0.2 } else { 0.0 };
            confidence += if place.is_some() { 0.15 } else { 0.0 };
            confidence += if date.and_then(|d| d.date.as_ref()).is_some() { 0.1 } else { 0.0 };
            confidence += if SPECIFIC.contains(&trigger.frame.as_str()) { 0.1 } else { 0.0 };
            confidence += if attributed_to.is_some() { 0.05 } else { 0.0 };
            Event {
                event_type: event_type.clone(),
                sub_event_type: sub_event_type.clone(),
                frame: trigger.frame.clone(),
                actor1: roles.actor1,
                actor2: roles.actor2,
                place: place.and_then(|m| if let Entity::Place(p) = m.entity { Some(p) } else { None }),
                geo_precision,
                date: date.and_then(|d| d.date.as_ref()).map(|d| d.to_iso()),
                time_precision: date.filter(|d| d.date.is_some()).map(|d| d.precision as u8).unwrap_or(3),
                fatalities: killed_count,
                evidence: sentence,
                trigger: trigger_span,
                attributed_to: attributed_to.clone(),
                foiled,
                claim_of: None,
                disputed: false,
                background: date.is_some_and(|d| d.background),
                confidence: confidence.min(0.95),
                actor1_strength: roles.strength,
                anaphoric,
            }
        })
        .collect()
}
