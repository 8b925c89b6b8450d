//! Stage 3: who did it to whom. Candidate generation collects every actor the sentence names
//! around an incident mention, plus those its words imply (villagers → civilians, a patrol →
//! the army of the incident's country, "the group" → the armed group named before, "linked to
//! al-Qaeda" → al-Qaeda's affiliate in that country). Each candidate gets named features
//! (where it stands, the voice, markers such as by / على يد / against, a claim, a report);
//! a scorer with weights from `data/events/roles.jsonl` then picks the doer and the target
//! under constraints: different actors, civilians never the doer, nobody below the threshold.

use crate::doc::Doc;
use crate::mention::{triggers, IncidentMention, Modality, Trigger, RECALL_WINDOW};
use crate::trace::{Note, Trace, Who};
use crate::zone::Sentence;
use marsad_extract::{Entity, How, Mention};
use marsad_kb::{ActorKind, Frame, KnowledgeBase, List, RoleFeature, StateRole};
use marsad_text::layout::Span;
use marsad_text::Script;
use rustc_hash::{FxHashMap, FxHashSet};

/// An actor that may take a role, with where it stands.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub who: Who,
    pub first: usize,
    pub last: usize,
    pub features: Vec<RoleFeature>,
    /// Tokens between it and the trigger.
    pub distance: usize,
}

/// The roles chosen for one mention.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Roles {
    pub actor1: Option<u32>,
    pub actor2: Option<u32>,
    /// The doer's score (how surely the text names it).
    pub strength: f32,
    /// An actor the sentence says reported it.
    pub reporter: Option<u32>,
    /// A military target was named, besides any civilian one (an escorted convoy).
    pub military_target: Option<u32>,
    /// The doer is the claimant of a claim of responsibility.
    pub claimed: bool,
}

/// Tokens a marker may stand before the actor it marks.
/// Tokens between a victim and the passive kill after it ("five members and a civilian were killed").
const PASSIVE_VICTIM_GAP: usize = 8;
const MARKER_GAP: usize = 2;
/// Tokens after a killing within which an armed group named is its victim, not the claimant.
const CLAIMED_VICTIM_GAP: usize = 3;
/// Tokens a description of the dead runs ("dont trois soldats de l'armée malienne").
pub(crate) const DESCRIPTION_SPAN: usize = 8;

/// Tokens before a description word in which the noun of the people counted stands ("onze
/// personnes, dont", "11 شخصا بينهم").
const PEOPLE_BEFORE_DESCRIPTION: usize = 2;

/// The description word at token `at` describes people counted ("onze personnes, dont", "11
/// شخصا بينهم"), not soldiers or fighters: a force named after it is among them.
pub(crate) fn people_counted_before(doc: &Doc<'_>, at: usize, floor: usize) -> bool {
    doc.any(List::PersonNouns, at.saturating_sub(PEOPLE_BEFORE_DESCRIPTION).max(floor)..at)
}
/// Tokens between an Arabic verb and its subject.
const VERB_SUBJECT_GAP: usize = 3;
/// Tokens an attribution verb may stand from its subject.
const REPORT_GAP: usize = 3;
/// Candidates scored per mention, nearest first.
const MAX_CANDIDATES: usize = 12;

fn is_state(kind: ActorKind) -> bool {
    matches!(kind, ActorKind::StateForce | ActorKind::Government | ActorKind::Country)
}

/// Tokens between a sentence's opening pronoun and its trigger ("Elles ont attaqué").
const PRONOUN_GAP: usize = 3;

/// The actor named first in the sentence before `sentence`, within its first words: its subject.
fn previous_subject(doc: &Doc<'_>, sentence: &Sentence) -> Option<u32> {
    let previous = doc.extraction.layout.sentence_at(sentence.span.start.checked_sub(2)?)?;
    let opening = doc.token_at(previous.start);
    doc.mentions_in(previous).find_map(|x| match x.entity {
        Entity::Actor(a) if doc.token_at(x.span.start) <= opening + PRONOUN_GAP => Some(a),
        _ => None,
    })
}

/// A state force counts as the parent of a service named in the story only in the sentence that
/// names it: "15 soldiers were killed" stays the army's though the National Guard is named later.
/// An armed group is its affiliate's parent anywhere ("al-Qaeda" in a story about JNIM).
fn parent_here(doc: &Doc<'_>, sentence: &Sentence, actor: u32) -> bool {
    let id = doc.kb.actors[actor as usize].id.as_str();
    let here = doc.mentions_in(sentence.span).any(|x| match x.entity {
        Entity::Actor(a) => doc.kb.actors[a as usize].parent.as_deref() == Some(id),
        _ => false,
    });
    if !here {
        cov_mark::hit!(an_army_is_a_parent_only_where_its_service_is_named);
    }
    here
}

/// "with the support of" ("بمساندة", "backed by") ends a few words ("عناصر أجنبية من") before
/// token `at`, not before token `floor`: who is named there helps the doer.
fn backs_the_doer(doc: &Doc<'_>, at: usize, floor: usize) -> bool {
    doc.ends_before(List::SupportMarks, at, SUPPORT_GAP, floor)
}

/// Words ("عناصر أجنبية من") between "with the support of" and the side it names.
const SUPPORT_GAP: usize = 3;

/// The candidates of one mention. `country`: the incident's country (for "the soldiers").
fn candidates(doc: &Doc<'_>, sentence: &Sentence, m: &IncidentMention, country: Option<&str>) -> Vec<Candidate> {
    let kb = doc.kb;
    let trigger_span = doc.span_of(m.trigger.first, m.trigger.last);
    let mut out: Vec<Candidate> = Vec::new();
    let mut push = |who: Who, first: usize, last: usize, extra: Option<RoleFeature>| {
        let distance =
            if last < m.trigger.first { m.trigger.first - last } else { first.saturating_sub(m.trigger.last) };
        out.push(Candidate { who, first, last, features: extra.into_iter().collect(), distance });
    };
    let mut seen_spokes: Vec<u32> = Vec::new();
    // Where a state force's name ends: "an army convoy" is the army's, not a civilian target.
    let mut force_ends: Vec<usize> = Vec::new();
    // The tokens of named actors: a target word inside the name of another actor ("les
    // autorités militaires du Mali") is part of that name, not a party of its own.
    let mut named: Vec<(usize, usize, u32)> = Vec::new();
    for x in doc.mentions_in(sentence.span) {
        let Entity::Actor(actor) = x.entity else { continue };
        if trigger_span.start <= x.span.start && x.span.end <= trigger_span.end {
            continue;
        }
        if x.how == How::Spokesperson {
            if seen_spokes.contains(&actor) {
                continue;
            }
            seen_spokes.push(actor);
        }
        let first = doc.token_at(x.span.start);
        let last = doc.last_token_before(x.span.end);
        if doc.actor_kind(actor) == ActorKind::StateForce {
            force_ends.push(last);
        }
        named.push((first, last, actor));
        let affiliate = doc
            .ends_before(List::Affiliation, first, 1, sentence.tokens.start)
            .then(|| affiliate_of(doc, actor, country))
            .flatten();
        match affiliate {
            Some(a) => push(Who::Inferred(a), first, last, None),
            None => {
                let parent = doc.actors.is_parent_of_named(actor) && parent_here(doc, sentence, actor);
                push(Who::Named(actor), first, last, parent.then_some(RoleFeature::ParentOfNamed));
            }
        }
    }
    // "Les FAMa escortaient un convoi. Elles ont attaqué un groupe armé": the pronoun opening the
    // sentence right before its trigger is the previous sentence's subject.
    let opening = sentence.tokens.start;
    if m.trigger.first > opening
        && m.trigger.first <= opening + PRONOUN_GAP
        && doc.token_is(List::SubjectPronouns, opening)
    {
        if let Some(actor) = previous_subject(doc, sentence) {
            cov_mark::hit!(a_pronoun_opening_a_sentence_is_the_previous_subject);
            push(Who::Inferred(actor), opening, opening, Some(RoleFeature::Anaphora));
        }
    }
    let in_a_name = |first: usize, last: usize, who: u32| {
        named.iter().any(|&(f, l, actor)| f <= first && last <= l && actor != who)
    };
    if let Some(civilians) = kb.actor_index("civilians") {
        let military_target = doc.any(List::MilitaryTargets, m.clause.clone());
        for (first, last, _) in doc.find(List::CivilianTargets, m.clause.clone()) {
            if in_a_name(first, last, civilians) {
                continue;
            }
            // "استهدف ثكنة عسكرية في قرية بير", "un camp militaire dans le village de X": the village
            // says where the barracks stands; nobody in it is the target.
            let located =
                doc.ends_before(List::Locatives, first, 1, m.clause.start) || doc.tokens.folded(first).starts_with('ب');
            if military_target && marked!(located, a_village_locating_a_military_target_is_no_target) {
                continue;
            }
            // "exchanged fire with terrorists along the road near the village of Foneko": what a
            // place is near is a landmark, not a target.
            if marked!(doc.ends_before(List::Near, first, 2, m.clause.start), a_village_a_fight_was_near_is_no_target) {
                continue;
            }
            // "مسلحون على متن شاحنات صغيرة", "à bord de pick-up": the doers' vehicles.
            if doc.ends_before(List::TransportMarks, first, 1, m.clause.start) {
                cov_mark::hit!(the_doers_vehicles_are_no_target);
                continue;
            }
            if first > 0 && force_ends.contains(&(first - 1)) {
                cov_mark::hit!(a_force_s_convoy_is_no_civilian_target);
                continue;
            }
            push(Who::Inferred(civilians), first, last, None);
        }
        // "Wagner kills Mauritanians", «فاغنر تقتل موريتانيين»: nationals named right after the
        // deed are the people it was done to.
        let t = &m.trigger;
        let after = t.last + 1..(t.last + 1 + NATIONALS_GAP).min(m.clause.end);
        // (Not an adjective of a name: "جنود ماليون", Malian soldiers.)
        let in_a_named = |at: usize| named.iter().any(|&(f, l, _)| f <= at && at <= l);
        if let Some(at) = after.clone().find(|&at| doc.national_plural_at(at) && !in_a_named(at)) {
            cov_mark::hit!(nationals_named_after_the_deed_are_its_civilians);
            push(Who::Inferred(civilians), at, at, None);
        }
    }
    let army = country.or(doc.focus).and_then(|c| kb.state_actor(c, StateRole::Military));
    if let Some(army) = army {
        if doc.any(List::CoupWords, m.trigger.first..m.trigger.last + 1) {
            cov_mark::hit!(a_coup_is_made_by_the_army);
            push(Who::Inferred(army), m.trigger.first, m.trigger.last, Some(RoleFeature::CoupMaker));
        }
        for (first, last, _) in doc.find(List::MilitaryTargets, m.clause.clone()) {
            if in_a_name(first, last, army) {
                cov_mark::hit!(a_target_word_inside_a_name_is_the_name);
                continue;
            }
            // "Des soldats étrangers", "foreign troops": no force of the story's country.
            let foreign = doc.starting_at(List::ForeignQualifiers, last + 1).is_some()
                || (first > 0 && doc.ending_at(List::ForeignQualifiers, first - 1).is_some());
            if marked!(foreign, foreign_soldiers_are_no_army_of_the_story) {
                continue;
            }
            push(Who::Inferred(army), first, last, None);
        }
    }
    for (first, last, role) in doc.find(List::GroupAnaphora, m.clause.clone()) {
        let before = doc.span_of(first, first).start;
        let group = if role == Some("salient") { salient_group(doc) } else { last_group(doc, before) };
        if let Some(group) = group {
            push(Who::Inferred(group), first, last, Some(RoleFeature::Anaphora));
        }
    }
    // "Ces attaques ont eu lieu après une opération menée par l'armée", "enlevées puis retrouvées
    // par l'armée": who comes after a recalled incident or a later step belongs to it.
    // A comma after the later step ends it: "after a two-day offensive, the army said" speaks.
    let t = &m.trigger;
    let within = |(cue, _, _): (usize, usize, Option<&str>), at: usize| !doc.tokens_text(cue, at).contains([',', '،']);
    let crossed = |at: usize| {
        let range = t.last + 1..at;
        let found = |list| if doc.any(list, range.clone()) { doc.find(list, range.clone()) } else { Vec::new() };
        found(List::SequenceWords).into_iter().chain(found(List::Recall)).any(|cue| within(cue, at))
    };
    out.retain(|c| c.first <= t.last || !marked!(crossed(c.first), who_comes_after_a_later_step_is_that_step_s));
    out.sort_by_key(|c| (c.distance, c.first));
    out.truncate(MAX_CANDIDATES);
    out
}

/// Tokens after a trigger within which a plural of a nationality names whom it was done to.
const NATIONALS_GAP: usize = 2;

/// The affiliate of `actor` acting in the story's country, when the text names only the link.
fn affiliate_of(doc: &Doc<'_>, actor: u32, country: Option<&str>) -> Option<u32> {
    let country = country.or(doc.focus)?;
    doc.kb.taxonomy.affiliate_in(actor, country)
}

/// What the roles stage reads of the actors the whole document names, gathered once: each
/// mention scanning every mention of the document would make a long paragraph quadratic.
pub(crate) struct NamedActors<'a> {
    kb: &'a KnowledgeBase,
    /// Ids of the parents of actors the text names.
    parents: FxHashSet<&'a str>,
    /// Armed groups named, in text order: (actor, mention's start, mention's end).
    armed: Vec<(u32, u32, u32)>,
    /// For each parent id, its first affiliate named among the armed groups.
    affiliates: FxHashMap<&'a str, u32>,
    /// The armed group the document names most often (of two named as often, the one first named later).
    salient: Option<u32>,
}

impl<'a> NamedActors<'a> {
    /// The index of `mentions` (sorted by start).
    pub fn new(kb: &'a KnowledgeBase, mentions: &[Mention]) -> NamedActors<'a> {
        let actors =
            mentions.iter().filter_map(|m| if let Entity::Actor(a) = m.entity { Some((a, m.span)) } else { None });
        let parents = actors.clone().filter_map(|(a, _)| kb.actors[a as usize].parent.as_deref()).collect();
        let armed: Vec<(u32, u32, u32)> = actors
            .filter(|(a, _)| kb.actors[*a as usize].kind == ActorKind::ArmedGroup)
            .map(|(a, span)| (a, span.start, span.end))
            .collect();
        let mut affiliates = FxHashMap::default();
        for &(a, _, _) in &armed {
            if let Some(parent) = kb.actors[a as usize].parent.as_deref() {
                affiliates.entry(parent).or_insert(a);
            }
        }
        let salient = most_named(&armed);
        NamedActors { kb, parents, armed, affiliates, salient }
    }

    /// Some actor the text names has `actor` as its parent.
    pub fn is_parent_of_named(&self, actor: u32) -> bool {
        self.parents.contains(self.kb.actors[actor as usize].id.as_str())
    }

    /// The last armed group (in text order) whose mention ends at or before char offset `before`.
    /// Mentions are sorted by start, so only those starting by `before` can end by it, and of
    /// those the ones skipped from the back are the few that span `before`.
    fn last_armed_before(&self, before: u32) -> Option<u32> {
        let started = self.armed.partition_point(|&(_, start, _)| start <= before);
        self.armed[..started].iter().rev().find(|&&(_, _, end)| end <= before).map(|&(a, _, _)| a)
    }
}

/// The armed group named most often in `armed` (of two named as often, the one first named later).
fn most_named(armed: &[(u32, u32, u32)]) -> Option<u32> {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for &(a, _, _) in armed {
        match counts.iter_mut().find(|(k, _)| *k == a) {
            Some((_, n)) => *n += 1,
            None => counts.push((a, 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(a, _)| a)
}

/// The last armed group named before char offset `before`; its affiliate when the text names one.
fn last_group(doc: &Doc<'_>, before: u32) -> Option<u32> {
    let last = doc.actors.last_armed_before(before)?;
    let id = doc.kb.actors[last as usize].id.as_str();
    Some(doc.actors.affiliates.get(id).copied().unwrap_or(last))
}

/// The armed group the document names most often.
fn salient_group(doc: &Doc<'_>) -> Option<u32> {
    doc.actors.salient
}

/// Set every candidate's features from its position, the voice and the markers around it.
fn features(doc: &Doc<'_>, sentence: &Sentence, m: &IncidentMention, cands: &mut [Candidate]) {
    let t = m.trigger;
    let range = sentence.tokens.clone();
    let arabic = doc.tokens.items()[t.first].script == Script::Arabic;
    // "تعرضت القافلة لهجوم", and "هجوم تعرضت له وحدة عسكرية" (an attack a unit underwent).
    let undergone_after = doc.any(List::Undergo, t.last + 1..(t.last + 3).min(m.clause.end));
    if undergone_after {
        cov_mark::hit!(an_attack_a_unit_underwent);
    }
    let passive =
        t.passive || undergone_after || doc.any(List::Undergo, t.first.saturating_sub(6).max(m.clause.start)..t.first);
    let claim = doc.find(List::ClaimResponsibility, range.clone());
    let reports: Vec<(usize, usize)> = doc
        .find(List::Attribution, range.clone())
        .into_iter()
        .chain(doc.find(List::Condemn, range.clone()))
        .map(|(a, b, _)| (a, b))
        .filter(|(a, b)| !(*a <= t.first && t.last <= *b))
        .collect();
    let kills: Vec<Trigger> = triggers(doc, range.clone())
        .iter()
        .copied()
        .filter(|k| matches!(k.frame, Frame::Kill | Frame::Execute))
        .collect();
    // Description words that follow a killing closely (within the description's own span).
    // (With whether they describe people counted: "onze personnes, dont trois supplétifs".)
    let described_dead: Vec<(usize, usize, bool)> = kills
        .iter()
        .flat_map(|k| k.last + 1..(k.last + 1 + DESCRIPTION_SPAN).min(range.end))
        .filter_map(|t| {
            let description = doc.starting_at(List::VictimDescriptions, t)?;
            Some((t, description.far_token, people_counted_before(doc, t, range.start)))
        })
        .collect();
    // The claimant: the armed candidate nearest a claim of responsibility.
    let claimant = claim.first().and_then(|(cf, cl, _)| {
        let gap = |c: &Candidate| if c.last < *cf { cf - c.last } else { c.first.saturating_sub(*cl) };
        cands
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(doc.actor_kind(c.who.actor()), ActorKind::ArmedGroup | ActorKind::Militia))
            // "separatists claimed to have killed 84 Wagner fighters": the killed are no claimant.
            .filter(|(_, c)| {
                let killed =
                    kills.iter().any(|k| !k.passive && c.first > k.last && c.first <= k.last + CLAIMED_VICTIM_GAP);
                if killed {
                    cov_mark::hit!(the_killed_are_no_claimant);
                }
                !killed
            })
            .min_by_key(|(_, c)| gap(c))
            .map(|(i, _)| i)
    });
    // "Niger's ousting of American troops following a coup": what stands before the recall cue
    // is not the recalled incident's subject.
    let recalled_from = match m.modality {
        Modality::Recalled => doc
            .find(List::Recall, t.first.saturating_sub(RECALL_WINDOW).max(m.clause.start)..t.first)
            .last()
            .map_or(0, |r| r.0),
        _ => 0,
    };
    // "L'armée a tué un membre de l'EI lors d'un raid": the one killed before the trigger is no subject.
    let killed = |c: &Candidate| {
        let behind = doc.start_behind(List::Partitives, c.first, range.start);
        kills.iter().any(|k| {
            !k.passive
                && c.first > k.last
                && within_kill_reach(doc, k, behind, &t)
                && !kills_an_object(doc, k, c.first, c.last)
        })
    };
    let before_first = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| c.last < t.first && c.first >= recalled_from && m.clause.contains(&c.first))
        .filter(|(_, c)| {
            let object = killed(c);
            if object {
                cov_mark::hit!(the_killed_before_a_trigger_is_no_subject);
            }
            // "Malian troops backed by Africa Corps retook": the helper is not the subject.
            !object && !backs_the_doer(doc, c.first, range.start)
        })
        .max_by_key(|(_, c)| c.last)
        .map(|(i, _)| i);
    let after_first = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| c.first > t.last && m.clause.contains(&c.first))
        .min_by_key(|(_, c)| c.first)
        .map(|(i, _)| i);
    // "فاغنر تقتل موريتانيين": a name right before the verb is its subject, so what follows the
    // verb is its object, not a verb-first subject.
    let subject_right_before =
        before_first.is_some_and(|b| cands[b].last + 1 == t.first && matches!(cands[b].who, Who::Named(_)));
    // "Clashes broke out between Tuareg rebels and the Malian army": a clash that names its two
    // sides after it, and no subject before it, has the first named as actor1.
    let parties = t.frame == Frame::Clash
        && before_first.is_none()
        && after_first.is_some_and(|a| {
            cands.iter().any(|c| {
                c.first > cands[a].last
                    && m.clause.contains(&c.first)
                    && matches!(c.who, Who::Named(_))
                    && c.who != cands[a].who
            })
        });
    let floor = range.start;
    // Named actors only: a target word between a speaker and the trigger is an object, not a subject.
    let cands_spans: &[(usize, usize)] =
        &cands.iter().filter(|c| matches!(c.who, Who::Named(_))).map(|c| (c.first, c.last)).collect::<Vec<_>>();
    let mut self_reports: Vec<usize> = Vec::new();
    let mut speakers: Vec<usize> = Vec::new();
    // Each candidate's list of conjoined actors ("الفيلق الأفريقي والقوات المسلحة المالية"), as the
    // tokens from its first member to its last: a killer named as a list stands before its object.
    let lists: Vec<(usize, usize)> = (0..cands.len())
        .map(|i| {
            let head = conjunct_head(doc, cands, i).unwrap_or(i);
            let tail = conjunct_tail(doc, cands, i);
            (cands[head].first, cands[tail].last)
        })
        .collect();
    // The trigger is a toll noun ("death toll", "bilan", "حصيلة"): a noun, no verb with a subject.
    let toll_noun = doc.starting_at(List::TollNouns, t.first).is_some_and(|m| m.far_token >= t.last);
    for (i, c) in cands.iter_mut().enumerate() {
        let f = &mut c.features;
        let before = c.last < t.first;
        let after = c.first > t.last;
        if Some(i) == claimant {
            f.push(RoleFeature::Claimant);
        }
        // "by X", and the owner of the weapon the trigger names ("طائرة مسيرة تابعة للجيش", "drones of the army").
        let weapon_owner = after && t.frame.is_specific() && doc.ends_before(List::Affiliation, c.first, 1, floor);
        let behind = doc.start_behind(List::Partitives, c.first, floor);
        let marker = after.then(|| doc.entry_before(List::AgentMarkers, behind, MARKER_GAP - 1, floor)).flatten();
        // "escorted by soldiers", "يرافقها جنود": the guard of the target, not the doer; so are
        // "soldiers escorting trucks", "جنودا يرافقون شاحنات" (the word after them).
        let escorting = matches!(c.who, Who::Named(_))
            && (c.last + 1..(c.last + 1 + ESCORTING_GAP).min(m.clause.end))
                .any(|at| doc.starting_at(List::EscortingWords, at).is_some());
        let escort = doc.ends_before(List::EscortWords, marker.unwrap_or(behind), 0, floor) || escorting;
        let ascribed = after && ascribed_to(doc, &t, behind, floor);
        if escort {
            cov_mark::hit!(escort_is_no_doer);
            f.push(RoleFeature::Escort);
        } else if marker.is_some() || weapon_owner || marked!(ascribed, the_one_an_incident_is_ascribed_to_did_it) {
            if behind < c.first && marker.is_some() {
                cov_mark::hit!(doer_behind_a_partitive);
            }
            f.push(RoleFeature::AgentMarked);
        }
        // Words of the agent marker itself ("blamed on", "attributed to") report nothing.
        let in_marker = |first: usize| marker.is_some_and(|start| start <= first && first < behind);
        // "blamed on JNIM", "على يد": a target marker inside the agent marker marks no target; nor
        // does one inside the words tying the name to others ("مسلحون على صلة بالقاعدة").
        let target_marker = doc.entry_before(List::TargetMarkers, c.first, MARKER_GAP - 1, floor);
        let tying = |first: usize| first >= behind && behind < c.first;
        if target_marker.is_some_and(tying) {
            cov_mark::hit!(a_target_marker_tying_a_name_marks_no_target);
        }
        let marker_word = target_marker.is_some_and(|first| in_marker(first) || tying(first));
        // "نصبت كمينا للجيش، دون الإشارة إلى الهجوم على الصهاريج": the marker right after another
        // incident word marks that incident's target.
        let marks_another = target_marker.is_some_and(|tm| m.others.iter().any(|o| o.last < tm && tm <= o.last + 2));
        if marks_another {
            cov_mark::hit!(a_target_marked_after_another_incident_word_is_its_own);
        }
        // "استهدفت عملية عسكرية نيجرية عناصر من داعش": an Arabic verb of targeting followed by
        // two named sides has the first as its subject, the second as its object.
        let subject_of_targeting = arabic
            && target_marker.is_some_and(|tm| tm >= t.first && tm <= t.last)
            && spans_after_named(cands_spans, c.last, m.clause.end);
        if subject_of_targeting {
            cov_mark::hit!(a_verb_of_targeting_before_two_sides_has_the_first_as_subject);
        }
        if target_marker.is_some() && !marker_word && !marks_another && !subject_of_targeting {
            f.push(RoleFeature::TargetMarked);
        }
        let owner_after = doc.ends_before(List::MilitaryTargets, c.first, MARKER_GAP, floor)
            || doc.ends_before(List::CivilianTargets, c.first, MARKER_GAP, floor);
        if owner_after && matches!(c.who, Who::Named(_)) {
            f.push(RoleFeature::TargetOwner);
        }
        let report = reports.iter().filter(|(rf, _)| !in_marker(*rf)).find(|(rf, rl)| {
            let after_cue = c.first > *rl
                && c.first <= rl + REPORT_GAP
                && !subject_of_reported(doc, (c.first, c.last), t, *rf, arabic);
            // Arabic puts the verb first, but a subject may open the sentence ("الجيش المالي أكد").
            let gap = if arabic { 1 } else { REPORT_GAP };
            let before_cue = c.last < *rf && c.last + gap >= *rf && !inverted(doc, *rf, *rl);
            after_cue || before_cue
        });
        if report.is_some() {
            speakers.push(i);
        }
        if let (Some(_), false) = (report, Some(i) == claimant) {
            // "أعلن الجيش أنه قتل", "l'armée dit avoir tué": the reporter tells what it did itself;
            // an armed group that reports an attack claims it.
            let same_clause = m.clause.contains(&c.first);
            // A state or a body that announces a measure takes it ("أعلنت كوت ديفوار تعزيز…"); so do
            // soldiers announcing a coup and authorities announcing arrests.
            let kind = doc.actor_kind(c.who.actor());
            let institution = matches!(kind, ActorKind::Government | ActorKind::Country | ActorKind::International);
            // An armed group announcing a blockade imposes it ("JNIM announced a blockade on fuel").
            let own_measure = match t.frame {
                // "أقرت بوركينا فاسو إرسال قوات": a state announcing a deployment or a withdrawal makes it.
                Frame::AnnounceMeasure | Frame::Arrest | Frame::Deploy | Frame::Withdraw => {
                    institution || kind == ActorKind::StateForce
                }
                Frame::Blockade => kind == ActorKind::ArmedGroup,
                // "أعلنت القوات المسلحة قتل 11 إرهابيا", "the army announced it had killed 11
                // terrorists": a state force announcing the killing of its enemies killed them.
                Frame::Kill | Frame::Execute => {
                    kind == ActorKind::StateForce
                        && marked!(
                            (t.last + 1..(t.last + 4).min(m.clause.end)).any(|a| doc.token_is(List::AttackerNouns, a)),
                            a_force_announcing_the_killing_of_its_enemies_killed_them
                        )
                }
                _ => false,
            };
            let own_deed = before && same_clause && (own_measure || doc.any(List::SelfReference, c.last + 1..t.first));
            // Nobody between the speaker and the trigger, and no weapon owner or verb-first subject after it.
            let nobody_between = !others_between(cands_spans, c.last, t.first)
                && !others_between(cands_spans, t.last, t.last + VERB_SUBJECT_GAP + 1);
            let armed_claim = claimant.is_none()
                && t.frame.is_violent()
                && before
                && same_clause
                && nobody_between
                && matches!(doc.actor_kind(c.who.actor()), ActorKind::ArmedGroup)
                && matches!(c.who, Who::Named(_));
            if armed_claim {
                cov_mark::hit!(armed_group_reporting_an_attack_claims_it);
                f.push(RoleFeature::Claimant);
            } else if own_deed {
                cov_mark::hit!(reporter_tells_its_own_deed);
                self_reports.push(i);
            } else {
                f.push(RoleFeature::Reporter);
            }
        }
        // "Selon HRW, des dizaines de personnes ont été tuées": a source named after a preposition
        // is not the killed (after a verb it may be: "the army said two soldiers were killed").
        let source = f.contains(&RoleFeature::Reporter)
            && report
                .is_some_and(|&(cue, _)| c.first > cue && doc.starting_at(List::SourcePrepositions, cue).is_some());
        // "…في جنوب غرب مالي، بحسب الجيش", "according to the army": the source is no object either.
        if marked!(source, a_source_after_according_to_is_no_object) {
            f.push(RoleFeature::SourceMarked);
        }
        // "tué un membre de l'EI": the victim's window opens at the partitive before the name.
        // "قتل 14 شخصا بينهم مدني من الوحدات الرديفة لقوات الأمن", "tuant dix personnes, dont deux
        // gendarmes": what follows the description word after a death describes the dead.
        let description = described_dead.iter().find(|&&(_, dl, _)| dl < c.first && c.first <= dl + DESCRIPTION_SPAN);
        let described = description.is_some();
        if described {
            cov_mark::hit!(the_dead_described_after_a_toll_are_victims);
        }
        let among_people = description.is_some_and(|&(_, _, people)| people)
            && matches!(doc.actor_kind(c.who.actor()), ActorKind::StateForce);
        if marked!(among_people, a_force_among_the_people_counted_is_part_of_the_dead) {
            f.push(RoleFeature::AmongPeople);
        }
        // "killing eight rebels, the army said": a comma ends the list of the killed.
        let unbroken = |k: &Trigger| (k.last..c.first).all(|i| !doc.gap_after(i).contains([',', '،', '.', ';']));
        let victim = described
            || kills.iter().any(|k| {
                (!k.passive
                    && c.first > k.last
                    && within_kill_reach(doc, k, behind, &t)
                    && unbroken(k)
                    && !kills_an_object(doc, k, c.first, c.last)
                    && !kills_an_object(doc, k, lists[i].0, lists[i].1))
                    || (k.passive
                        && c.last < k.first
                        && k.first <= c.last + PASSIVE_VICTIM_GAP
                        // "the army said six militants were killed": the sayer is not the killed.
                        && !doc.any(List::Attribution, c.last + 1..k.first))
            });
        // "قتلى في مجزرة ارتكبها الجيش": who committed the deed is not among its dead.
        let agent = f.contains(&RoleFeature::AgentMarked);
        if victim && agent {
            cov_mark::hit!(the_agent_of_a_deed_is_not_its_victim);
        }
        if victim && Some(i) != claimant && !source && !agent {
            f.push(RoleFeature::Victim);
        }
        if source && (victim || (passive && before && Some(i) == before_first)) {
            cov_mark::hit!(a_source_is_not_the_target_of_a_passive);
        }
        if passive {
            let right_after = after && arabic && c.first <= t.last + VERB_SUBJECT_GAP;
            if !source && ((before && Some(i) == before_first) || right_after) {
                f.push(RoleFeature::PassiveSubject);
            }
        } else if before && Some(i) == before_first && toll_noun {
            // "The army's death toll differed from a local official's": who gives a toll is its
            // source, not the doer of the deaths it counts.
            cov_mark::hit!(who_gives_a_toll_is_not_its_doer);
            f.push(RoleFeature::Reporter);
        } else if before && Some(i) == before_first {
            // "La riposte par les forces … a permis de neutraliser…, a indiqué une source,
            // confirmant les deux attaques": a report verb between parts the name from the trigger.
            // (The speaker or the claimant tells its own deed: "JNIM claimed that it killed".)
            let own_word = report.is_some() || Some(i) == claimant;
            if own_word
                || !marked!(
                    doc.any(List::Attribution, c.last + 1..t.first),
                    a_report_verb_parts_the_subject_from_the_trigger
                )
            {
                f.push(RoleFeature::SubjectBefore);
            }
        } else if after
            && arabic
            && t.frame == Frame::Airstrike
            && is_state(doc.actor_kind(c.who.actor()))
            && c.first <= t.last + VERB_SUBJECT_GAP
            && for_the(doc, c.first)
        {
            // "غارات لطائرات مسيرة للجيش المالي": strikes from the air "for" a state force are its own.
            cov_mark::hit!(a_state_force_s_air_strikes_are_its_own);
            f.push(RoleFeature::AgentMarked);
        } else if after && arabic && t.frame.is_violent() && c.first <= t.last + MARKER_GAP && for_the(doc, c.first) {
            // "هجوم للجيش المالي على المجمع": the army's attack, on what "على" names next.
            let on_next = doc.starting_at(List::TargetMarkers, c.last + 1).is_some();
            if marked!(on_next, an_attack_of_the_army_on_a_target_is_the_army_s) {
                // Its owner is not its target, nor among the dead it caused.
                f.retain(|x| !matches!(x, RoleFeature::Victim | RoleFeature::TargetOwner));
                f.push(RoleFeature::AgentMarked);
            } else {
                // "نصبت كمينا للجيش المالي": an ambush or attack "for the army" targets it.
                cov_mark::hit!(an_attack_for_the_army_targets_it);
                f.push(RoleFeature::TargetMarked);
            }
        } else if after
            && arabic
            && Some(i) == after_first
            && !marked!(subject_right_before, a_name_right_before_an_arabic_verb_is_its_subject)
            // "هاجم مسلحون على صلة بالقاعدة": the name's phrase starts where the words tying it start.
            && behind <= t.last + VERB_SUBJECT_GAP
            // "هاجم مسلحون تابعون لجماعة X": tied to the words before it; "هاجموا الخميس موقعا
            // للجيش": a name carrying "for" (لـ) on its own owns what comes before it.
            && (attached(doc, c.first, floor)
                || (!doc.any(List::UnnamedDoers, t.last + 1..c.first)
                    && !marked!(for_the(doc, c.first), a_name_carrying_for_is_no_verb_first_subject)))
        {
            f.push(RoleFeature::VerbFirstSubject);
        } else if after && m.clause.contains(&c.first) {
            // "استهدف قافلة وقود، في ظل استمرار حصار الجماعات المسلحة", "amid a blockade by
            // JNIM": who is named in the setting after "amid" is no object of the trigger.
            if marked!(doc.any(List::ContextMarkers, t.last + 1..c.first), a_name_in_the_setting_is_no_object) {
                f.push(RoleFeature::OtherClause);
            } else {
                f.push(RoleFeature::ObjectAfter);
            }
        }
        if parties && Some(i) == after_first && matches!(c.who, Who::Named(_)) {
            cov_mark::hit!(the_first_side_a_clash_names_is_actor1);
            f.push(RoleFeature::FirstParty);
        }
        if repels(doc, c.first, c.last, &t, arabic) {
            f.push(RoleFeature::Repeller);
        }
        let protest = matches!(t.frame, Frame::Protest | Frame::Riot);
        let denounced = protest
            && after
            && (doc.any(List::Condemn, t.last + 1..c.first) || doc.any(List::ProtestCauses, t.last + 1..c.first));
        if marked!(denounced, whom_a_protest_denounces_does_not_protest) {
            f.push(RoleFeature::Denounced);
        }
        if !m.clause.contains(&c.first) {
            f.push(RoleFeature::OtherClause);
        }
        let kind = doc.actor_kind(c.who.actor());
        f.push(match kind {
            ActorKind::ArmedGroup | ActorKind::Militia => RoleFeature::Armed,
            ActorKind::StateForce => RoleFeature::StateForce,
            ActorKind::Government | ActorKind::Country => RoleFeature::Government,
            ActorKind::Civilians => RoleFeature::Civilian,
            ActorKind::International | ActorKind::Other => RoleFeature::International,
        });
        // "بمساندة عناصر من الفيلق الإفريقي", "backed by Wagner": a helper of the doer.
        if backs_the_doer(doc, behind, floor) {
            cov_mark::hit!(a_side_backing_the_doer_is_not_the_doer);
            f.push(RoleFeature::Supporting);
        }
        let recipient = t.frame == Frame::Withdraw
            && after
            && m.clause.contains(&c.first)
            && (doc.ends_before(List::RecipientMarks, behind, MARKER_GAP - 1, floor)
                || (arabic && for_the(doc, c.first)));
        if recipient {
            cov_mark::hit!(the_recipient_of_a_handover_takes_it_over);
            f.push(RoleFeature::Recipient);
        }
        if matches!(kind, ActorKind::Government | ActorKind::Country) && t.frame.is_violent() {
            f.push(RoleFeature::GovernmentInViolence);
        }
        if t.frame == Frame::Airstrike && is_state(kind) {
            f.push(RoleFeature::AirFrameState);
        }
        let institution = kind == ActorKind::International;
        if institution && !t.frame.is_violent() && !matches!(t.frame, Frame::Protest | Frame::Riot) {
            f.push(RoleFeature::InstitutionMeasure);
        }
    }
    for i in speakers {
        cands[i].features.push(RoleFeature::Speaker);
    }
    // A reporter telling its own deed is the subject when nobody stands between it and the trigger.
    if let Some(&i) = self_reports.last() {
        // The victim of the deed it tells ("dit avoir tué un membre de l'EI lors d'un raid") does not count.
        let between = cands
            .iter()
            .any(|c| c.first > cands[i].last && c.last < t.first && !c.features.contains(&RoleFeature::Victim));
        if !between && !cands[i].features.contains(&RoleFeature::SubjectBefore) {
            cands[i].features.push(RoleFeature::SubjectBefore);
        }
    }
    // The subject of a withdrawal whose recipient is named gives the place up; what else follows
    // the trigger is the place handed over (the army's base), not a target.
    if cands.iter().any(|c| c.features.contains(&RoleFeature::Recipient)) {
        for c in cands.iter_mut().filter(|c| !c.features.contains(&RoleFeature::Recipient)) {
            let subject =
                [RoleFeature::SubjectBefore, RoleFeature::VerbFirstSubject].iter().any(|f| c.features.contains(f));
            if subject {
                c.features.push(RoleFeature::Giver);
            }
            c.features.retain(|f| *f != RoleFeature::ObjectAfter);
        }
    }
    // "قتل الفيلق الأفريقي والقوات المسلحة المالية ستة مسلحين": every member of a list that is
    // the verb's subject is a doer, the first named first.
    for j in 0..cands.len() {
        let head = conjunct_head(doc, cands, j).filter(|&h| h != j);
        let subject = |c: &Candidate| c.features.contains(&RoleFeature::VerbFirstSubject);
        if head.is_some_and(|h| subject(&cands[h])) && !subject(&cands[j]) {
            cov_mark::hit!(a_verb_first_subject_covers_its_list);
            cands[j].features.retain(|f| *f != RoleFeature::ObjectAfter);
            cands[j].features.push(RoleFeature::VerbFirstSubject);
            cands[j].features.push(RoleFeature::ListTail);
        }
    }
    // Every member of a list after "by" is a doer ("شنه عناصر من فاغنر والجيش المالي").
    for j in 0..cands.len() {
        let head = conjunct_head(doc, cands, j).filter(|&h| h != j);
        let marked = |c: &Candidate| c.features.contains(&RoleFeature::AgentMarked);
        if head.is_some_and(|h| marked(&cands[h])) && !marked(&cands[j]) {
            cov_mark::hit!(agent_marker_covers_the_list);
            cands[j].features.retain(|f| *f != RoleFeature::Victim);
            cands[j].features.push(RoleFeature::AgentMarked);
            cands[j].features.push(RoleFeature::ListTail);
        }
    }
    // The subject of a list is its first member (Le Mali et le Niger ont signé).
    if let Some(first) = before_first.and_then(|b| conjunct_head(doc, cands, b)) {
        if first != before_first.unwrap_or(first) {
            let feature = if passive { RoleFeature::PassiveSubject } else { RoleFeature::SubjectBefore };
            cands[first].features.push(feature);
        }
    }
}

/// Most tokens between a verb of repelling and the trigger it governs ("repelled the attacks").
const REPEL_GAP: usize = 3;

/// The name at `first..=last` is the subject of a verb of repelling whose object is trigger `t`:
/// "the army repelled attacks", "l'armée a repoussé une attaque", "صد الجيش هجمات".
/// "Des sources attribuent cette attaque aux jihadistes", "blamed the attack on JNIM", "نسبت
/// مصادر الهجوم إلى الجماعة": a verb of ascribing shortly before the trigger and its "to" right
/// before the name at token `first` make the name the doer.
fn ascribed_to(doc: &Doc<'_>, t: &Trigger, first: usize, floor: usize) -> bool {
    let to = doc.entry_before(List::AscribedTo, first, 1, floor).is_some_and(|at| at > t.last && at <= t.last + 2);
    to && doc.any(List::AscribingVerbs, t.first.saturating_sub(ASCRIBING_REACH).max(floor)..t.first)
}

/// Tokens before a trigger within which a verb of ascribing may stand ("نسبت مصادر محلية الهجوم").
const ASCRIBING_REACH: usize = 4;

fn repels(doc: &Doc<'_>, first: usize, last: usize, t: &Trigger, arabic: bool) -> bool {
    let governs = |verb_last: usize, from: usize| verb_last < t.first && t.first <= from + REPEL_GAP;
    // Subject, verb, trigger.
    let svo = doc.find(List::Foiled, last + 1..t.first).iter().any(|&(_, vl, _)| governs(vl, vl));
    // Arabic: verb, subject, trigger.
    let vso = arabic
        && doc
            .find(List::Foiled, first.saturating_sub(VERB_SUBJECT_GAP + 1)..first)
            .iter()
            .any(|&(_, vl, _)| vl < first && first <= vl + VERB_SUBJECT_GAP && governs(last, last));
    marked!(svo || vso, the_subject_of_a_verb_of_repelling_was_attacked)
}

/// "…aux militaires nigériens, précise l'instance", "…, said the army": a report verb right after a
/// comma, not opening what it reports (que, that), has its speaker after it; the name before the
/// comma is what was said about, not who says it ("L'armée, dans un communiqué, a indiqué que" speaks).
fn inverted(doc: &Doc<'_>, cue_first: usize, cue_last: usize) -> bool {
    let latin = doc.tokens.items()[cue_first].script == Script::Latin;
    let after_comma = cue_first > 0 && doc.gap_after(cue_first - 1).contains(',');
    let opens_a_report = doc.any(List::Complementizers, cue_last + 1..(cue_last + 2).min(doc.tokens.len()));
    marked!(latin && after_comma && !opens_a_report, a_report_verb_after_a_comma_has_its_speaker_after_it)
}

/// The Arabic word at token `at` carries the preposition li ("for") before the name it holds:
/// للجيش (li + the article), لقوات الدرك.
fn for_the(doc: &Doc<'_>, at: usize) -> bool {
    if doc.tokens.folded(at).starts_with("لل") {
        return true;
    }
    // The name may run on past the word ("لقوات الدرك"): any mention starting inside it.
    let token = doc.span_of(at, at);
    let line = Span { start: token.start, end: doc.span_of(at, (at + 4).min(doc.tokens.len() - 1)).end };
    let Some(name) = doc.mentions_in(line).find(|m| m.span.start >= token.start && m.span.start < token.end) else {
        return false;
    };
    let prefix = doc.text_of(Span { start: token.start, end: name.span.start });
    matches!(prefix, "ل" | "ول" | "فل")
}

/// The actor is tied to the words before it ("مسلحون تابعون لجماعة X", "عناصر من X"): it names
/// "قتل الجيش النيجري قياديا", "قتل الجيش 15 إرهابيا": an Arabic name right after an active
/// killing verb, followed by a count or an indefinite accusative noun (its ending ا), is the
/// verb's subject; the dead come after it. ("قتل جنود ماليون" has no such object: they died.)
fn kills_an_object(doc: &Doc<'_>, k: &Trigger, first: usize, last: usize) -> bool {
    if first != k.last + 1 || doc.tokens.items()[k.last].script != Script::Arabic {
        return false;
    }
    // "قتل جنود ماليون 30 مدنيا": the soldiers' word reads on to the end of the name it opens.
    let named_to = doc
        .mentions_in(doc.span_of(first, (first + NAME_REACH).min(doc.tokens.len() - 1)))
        .filter(|x| matches!(x.entity, Entity::Actor(_)) && doc.token_at(x.span.start) == first)
        .map(|x| doc.last_token_before(x.span.end))
        .max();
    if named_to.is_some_and(|to| to > last) {
        cov_mark::hit!(a_word_opening_a_name_reads_to_its_end);
    }
    let next = named_to.map_or(last, |to| to.max(last)) + 1;
    if next >= doc.tokens.len() {
        return false;
    }
    let word = doc.tokens.folded(next);
    let accusative =
        doc.tokens.items()[next].script == Script::Arabic && word.chars().count() > 3 && word.ends_with('ا');
    // ("نحو 300 مدني": a word of approximation may open the count.)
    let counted = !doc.counts_in(doc.span_of(next, (next + 1).min(doc.tokens.len() - 1))).is_empty();
    // "قتل الجيش مدنيين": people the violence is done to follow the killer ("مقتل جنديين ومدني"
    // joins a second victim with و: no object).
    let people = !word.starts_with('و') && doc.starting_at(List::CivilianTargets, next).is_some();
    marked!(accusative || counted || people, an_arabic_killer_named_before_its_object)
}

/// Tokens an actor's name may run past the word that opens it ("جنود ماليون").
const NAME_REACH: usize = 4;

/// Tokens a subject may stand before its verb ("l'armée a ensuite lancé").
const SUBJECT_GAP: usize = 3;

/// More tokens when another subject is joined to it ("the army and allied militias killed").
const JOINED_SUBJECT: usize = 3;

/// "The ministry said the army launched an operation": in French and English a name after a
/// verb of saying and right before the trigger, with no punctuation between ("selon l'armée,
/// des hommes armés ont attaqué" has a comma), is the subject of what is said, not the one
/// saying it ("…, said the army" tells the incident before the verb).
fn subject_of_reported(
    doc: &Doc<'_>,
    (first, last): (usize, usize),
    t: Trigger,
    report_first: usize,
    arabic: bool,
) -> bool {
    // "government forces and allied militias massacred": a subject joined to another.
    let joined = last + 1 < t.first && doc.token_is(List::Conjunctions, last + 1);
    let gap = if joined { SUBJECT_GAP + JOINED_SUBJECT } else { SUBJECT_GAP };
    marked!(
        !arabic
            && t.first > last
            && t.first <= last + gap
            && report_first < first
            && !(last..t.first).any(|i| doc.gap_after(i).contains([',', ';', ':', '.', '"', '«', '»', '“', '”', '('])),
        a_name_after_a_verb_of_saying_is_the_subject_of_what_is_said
    )
}

/// who they are, not another party.
fn attached(doc: &Doc<'_>, first: usize, floor: usize) -> bool {
    doc.ends_before(List::Affiliation, first, 1, floor) || doc.start_behind(List::Partitives, first, floor) < first
}

/// Some named candidate starts after token `last` and before token `end`.
fn spans_after_named(spans: &[(usize, usize)], last: usize, end: usize) -> bool {
    spans.iter().any(|&(first, _)| first > last && first < end)
}

/// Some candidate stands strictly between token `after` and token `before`.
fn others_between(spans: &[(usize, usize)], after: usize, before: usize) -> bool {
    spans.iter().any(|&(first, last)| first > after && last < before)
}

/// The first member of a list of actors that ends with candidate `last` ("X et Y", "X و Y").
/// The last member of the list of actors that candidate `first` opens or belongs to ("X و Y").
fn conjunct_tail(doc: &Doc<'_>, cands: &[Candidate], first: usize) -> usize {
    let mut at = first;
    loop {
        let next = cands.iter().enumerate().filter(|(_, c)| c.first > cands[at].last).min_by_key(|(_, c)| c.first);
        match next {
            Some((j, c)) if joined_actors(doc, &cands[at], c) => at = j,
            _ => return at,
        }
    }
}

/// Candidate `b` follows candidate `a` in one list: a conjunction within three words ("X et Y",
/// "الجيش المالي والفيلق الإفريقي": Arabic joins و to the next word).
fn joined_actors(doc: &Doc<'_>, a: &Candidate, b: &Candidate) -> bool {
    let gap = a.last + 1..b.first;
    let proclitic = gap.is_empty() && doc.tokens.folded(b.first).starts_with('و');
    let conjunction = proclitic || gap.clone().any(|t| doc.token_is(List::Conjunctions, t));
    let items = doc.tokens.items();
    let unbroken =
        (a.last..b.first.saturating_sub(1)).all(|t| items[t].joined_to_next || doc.token_is(List::Conjunctions, t + 1));
    conjunction && gap.len() <= 3 && unbroken
}

fn conjunct_head(doc: &Doc<'_>, cands: &[Candidate], last: usize) -> Option<usize> {
    let mut at = last;
    loop {
        let next = cands.iter().enumerate().filter(|(_, c)| c.last < cands[at].first).max_by_key(|(_, c)| c.last);
        let Some((i, c)) = next else { return Some(at) };
        // "X et Y", "Africa Corps troops and Malian soldiers".
        if !joined_actors(doc, c, &cands[at]) {
            return Some(at);
        }
        at = i;
    }
}

fn score(doc: &Doc<'_>, c: &Candidate) -> (f32, f32) {
    let weights = &doc.kb.taxonomy.roles;
    let (mut a1, mut a2) = (0.0, 0.0);
    for f in &c.features {
        let w = weights.of(*f);
        a1 += w.actor1;
        a2 += w.actor2;
    }
    let d = weights.of(RoleFeature::Distance);
    (a1 + d.actor1 * c.distance as f32, a2 + d.actor2 * c.distance as f32)
}

/// Two sides of one state (its government, its country, its forces) in a violent incident: a
/// state does not attack itself ("Niger endured attacks on its forces" names the victim twice).
fn one_state(doc: &Doc<'_>, frame: Frame, a: u32, b: u32) -> bool {
    let (x, y) = (&doc.kb.actors[a as usize], &doc.kb.actors[b as usize]);
    let state = |kind: ActorKind| matches!(kind, ActorKind::StateForce | ActorKind::Government | ActorKind::Country);
    // "Wagner mercenaries and Malian soldiers fired on them": allies deployed beside a state's
    // forces are on their side.
    let ally = |p: u32, s: &marsad_kb::Actor| {
        state(s.kind) && s.country.as_deref().is_some_and(|c| doc.kb.taxonomy.fights_for(p, c))
    };
    let allied = marked!(ally(a, y) || ally(b, x), allies_are_not_opponents);
    frame.is_violent()
        && (allied
            || marked!(
                state(x.kind) && state(y.kind) && x.country.is_some() && x.country == y.country,
                a_state_does_not_attack_itself
            ))
}

/// Choose the doer and the target of one mention.
/// Tokens after an actor within which a word of escorting makes it the guard ("soldats maliens qui
/// escortaient", "soldiers who were escorting").
const ESCORTING_GAP: usize = 2;

pub(crate) fn roles(
    doc: &Doc<'_>,
    sentence: &Sentence,
    m: &IncidentMention,
    country: Option<&str>,
    trace: &mut Trace,
) -> Roles {
    let mut cands = candidates(doc, sentence, m, country);
    // Protesters are not the target of their own protest: only a force that intervenes is.
    if matches!(m.trigger.frame, Frame::Protest | Frame::Riot) {
        cands.retain(|c| doc.actor_kind(c.who.actor()) != ActorKind::Civilians);
    }
    features(doc, sentence, m, &mut cands);
    let threshold = doc.kb.taxonomy.roles.threshold;
    let trigger = doc.span_of(m.trigger.first, m.trigger.last);
    let scored: Vec<(u32, f32, f32)> = cands
        .iter()
        .map(|c| {
            let (a1, a2) = score(doc, c);
            trace.note(|| Note::Candidate {
                trigger,
                who: c.who,
                features: c.features.clone(),
                actor1: a1,
                actor2: a2,
            });
            (c.who.actor(), a1, a2)
        })
        .collect();
    // An actor named among the killed ("the army lost 38 soldiers") is not made the doer of that
    // mention by an inferred mention of it ("its camp"); named as the subject, it may still be
    // ("the army clashed with JNIM, four soldiers were killed").
    let killed: Vec<u32> =
        cands.iter().filter(|c| c.features.contains(&RoleFeature::Victim)).map(|c| c.who.actor()).collect();
    // Nor is one named as the target ("a drone strike on a camp of the Malian army"): the army an
    // air strike is inferred to be flown by, with no subject to say so, is then the one struck.
    let named_target = |c: &&Candidate| {
        matches!(c.who, Who::Named(_))
            && c.features.iter().any(|f| matches!(f, RoleFeature::TargetOwner | RoleFeature::TargetMarked))
    };
    let struck: Vec<u32> = cands.iter().filter(named_target).map(|c| c.who.actor()).collect();
    let subject = |c: &Candidate| {
        c.features.iter().any(|f| matches!(f, RoleFeature::SubjectBefore | RoleFeature::VerbFirstSubject))
    };
    let inferred_victim = |i: usize| {
        let (c, actor) = (&cands[i], scored[i].0);
        let struck_unsaid = !subject(c) && struck.contains(&actor);
        matches!(c.who, Who::Inferred(_))
            && (killed.contains(&actor)
                || marked!(struck_unsaid, an_actor_named_as_the_target_is_not_inferred_the_doer))
    };
    // "مقتل جنديين ومدني": soldiers among the killed make the incident an attack on them; the
    // civilian killed with them is no target of his own (ACLED codes a battle).
    // (Not soldiers named among the people a toll counts: "11 people, including three soldiers".)
    let soldiers_killed = cands.iter().any(|c| {
        c.features.contains(&RoleFeature::Victim)
            && !c.features.contains(&RoleFeature::AmongPeople)
            && doc.actor_kind(c.who.actor()) == ActorKind::StateForce
    });
    let civilian_target = |j: usize| {
        let civilian = doc.actor_kind(scored[j].0) == ActorKind::Civilians;
        marked!(soldiers_killed && civilian, soldiers_killed_with_civilians_are_the_target)
    };
    // The best pair: every (doer, target) with different actors, "none" allowed on each side.
    let mut best = (0.0f32, None, None, 0.0f32);
    let options: Vec<Option<usize>> = std::iter::once(None).chain((0..scored.len()).map(Some)).collect();
    for a in &options {
        for b in &options {
            let doer = |i: usize| scored[i].1 >= threshold && !inferred_victim(i);
            let s1 = a.map_or(Some(0.0), |i| doer(i).then_some(scored[i].1));
            let target = |j: usize| scored[j].2 >= threshold && !civilian_target(j);
            let s2 = b.map_or(Some(0.0), |j| target(j).then_some(scored[j].2));
            let (Some(s1), Some(s2)) = (s1, s2) else { continue };
            if let (Some(i), Some(j)) = (a, b) {
                if scored[*i].0 == scored[*j].0 || one_state(doc, m.trigger.frame, scored[*i].0, scored[*j].0) {
                    continue;
                }
            }
            if s1 + s2 > best.0 {
                best = (s1 + s2, a.map(|i| scored[i].0), b.map(|j| scored[j].0), s1);
            }
        }
    }
    // Who says it, whatever role it also takes (the army reporting its own strike, a claimant).
    let reporter = cands
        .iter()
        .find(|c| c.features.contains(&RoleFeature::Speaker) || c.features.contains(&RoleFeature::Claimant))
        .map(|c| c.who.actor());
    let military_target = cands
        .iter()
        .zip(&scored)
        .find(|(c, s)| {
            matches!(c.who, Who::Inferred(_))
                && doc.actor_kind(c.who.actor()) == ActorKind::StateForce
                && s.2 >= threshold
        })
        .map(|(c, _)| c.who.actor())
        // ("قتل جنود ماليون 30 مدنيا": the soldiers of the doer are no target.)
        .filter(|&a| !marked!(Some(a) == best.1, the_doer_s_soldiers_are_no_military_target));
    // An organisation named where one of its affiliates operates means that affiliate (ACLED codes
    // "Islamic State" in Niger as IS Sahel, "al-Qaeda-linked fighters" in Mali as JNIM).
    let coding = &doc.kb.taxonomy;
    let local = |a: Option<u32>| a.map(|a| coding.coded_as(affiliate_of(doc, a, country).unwrap_or(a)));
    let (actor1, actor2) = (local(best.1), local(best.2));
    let actor2 = actor2.filter(|a| Some(*a) != actor1);
    let claimed =
        best.1.is_some_and(|a| cands.iter().any(|c| c.who.actor() == a && c.features.contains(&RoleFeature::Claimant)));
    let roles = Roles { actor1, actor2, strength: best.3, reporter, military_target, claimed };
    trace.note(|| Note::Roles { trigger, actor1: roles.actor1, actor2: roles.actor2 });
    roles
}

/// Tokens between a killing verb and its object, a count included ("قتل 20 جنديا").
const KILL_OBJECT_REACH: usize = 4;

/// True when a name starting at `behind` is close enough after kill verb `k` to be its object;
/// words of approximation do not count ("قتل ما لا يقل عن 20 جنديا", "killed at least 20 soldiers").
fn within_kill_reach(doc: &Doc<'_>, k: &Trigger, behind: usize, t: &Trigger) -> bool {
    // The incident word as the verb's subject ("قتلت غارات بطائرات مسيرة 21 مدنيا") parts nothing.
    let subject = (k.last + 1..behind).filter(|i| (t.first..=t.last).contains(i)).count();
    if behind <= k.last + KILL_OBJECT_REACH + subject {
        return true;
    }
    let approx: usize = doc.find(List::AtLeast, k.last + 1..behind).iter().map(|&(a, b, _)| b + 1 - a).sum();
    let reached = behind <= k.last + KILL_OBJECT_REACH + approx;
    if reached {
        cov_mark::hit!(approximation_words_do_not_part_a_kill_from_its_object);
    }
    reached
}
