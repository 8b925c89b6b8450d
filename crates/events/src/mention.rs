//! Stage 2: incident mentions. Every trigger of a sentence is found; the sentence is cut into
//! clauses where the text starts telling another incident ("كما", "tandis que", "while", ";");
//! each clause yields one mention led by its most telling trigger (the weapon or act over a
//! generic attack, an incident over a mere consequence such as a death), with the modality
//! that governs it. Only asserted, reported and recalled mentions become incidents.

use crate::doc::Doc;
use crate::trace::{Note, Trace};
use crate::zone::{Sentence, Zone};
use marsad_kb::{Frame, List};
use marsad_text::dates::Precision;
use marsad_text::layout::Span;
use marsad_text::numbers::Count;
use std::ops::Range;

/// How the text presents an incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    /// Told as a fact.
    Asserted,
    /// Told on someone's word (said, according to, inside a quote).
    Reported,
    /// Feared, expected, possible.
    Hypothetical,
    /// Denied or said not to have happened.
    Negated,
    /// A habit or a trend, not one incident.
    Habitual,
    /// Analysis or commentary about incidents in general.
    Generic,
    /// An earlier incident recalled beside the current one.
    Recalled,
}

impl Modality {
    /// The mention tells an incident that happened.
    pub fn is_factual(self) -> bool {
        matches!(self, Modality::Asserted | Modality::Reported | Modality::Recalled)
    }
}

/// A trigger word or phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// The frame it evokes.
    pub frame: Frame,
    /// The grammatical subject is the victim (قُتل, were killed).
    pub passive: bool,
}

/// One incident told in one clause.
#[derive(Debug, Clone)]
pub struct IncidentMention {
    /// Index of its sentence.
    pub sentence: usize,
    /// The clause's tokens.
    pub clause: Range<usize>,
    /// The trigger that leads it.
    pub trigger: Trigger,
    /// The other triggers of its clause (a death, a burning told with the attack).
    pub others: Vec<Trigger>,
    /// How it is told.
    pub modality: Modality,
    /// Its sentence's zone.
    pub zone: Zone,
    /// Led by a noun that points back to an incident already told ("العملية", "the incident"):
    /// it may only join one.
    pub reference: bool,
    /// Tells several incidents at once ("three coordinated attacks", "ثلاث هجمات"): it joins the
    /// incidents told one by one, and stands alone only when they are not.
    pub summary: bool,
    /// Told by a pronoun after a recall word ("after that of"): it points to no incident
    /// already told, so it is no reference and no demonstrative.
    pub pronoun: bool,
    /// Its clause ends at "comes after", "intervient après", "يأتي بعد": the rest of the sentence
    /// tells the earlier incident, so its date and place are looked for in the clause only.
    pub comes_after: bool,
    /// Shown by a video or images ("videos showing the massacre"): it points back to an
    /// incident told in the story, like "this attack", and is dropped when there is none.
    pub depicted: bool,
}

/// Tokens before a trigger in which a verb of condemning makes it the incident already told.
const CONDEMN_WINDOW: usize = 4;
/// Tokens before a trigger in which a video or an image shows it.
const DEPICTION_WINDOW: usize = 8;
/// Tokens before a trigger in which a negation governs it.
const NEGATION_WINDOW: usize = 4;
/// Tokens around a trigger in which a trend or habit word makes it general.
const TREND_WINDOW: usize = 3;
/// Tokens after a trigger in which a count of times ("three times") counts it: an Arabic
/// subject may stand between ("هوجمت العاصمة واغادوغو ثلاث مرات").
const TIMES_WINDOW: usize = 5;
/// Tokens before a trigger in which a recall cue makes it an earlier incident.
pub(crate) const RECALL_WINDOW: usize = 6;

/// Tokens a recall cue may run for before its last one falls in [`RECALL_WINDOW`].
const RECALL_CUE_LENGTH: usize = 4;

/// The triggers of tokens `range`, leaving out words that are part of a name, and "evacuated"
/// inside a phrase that says where someone was taken ("évacués vers Mopti"): the wounded taken
/// to hospital are not an evacuation.
pub(crate) fn triggers(doc: &Doc<'_>, range: Range<usize>) -> std::rc::Rc<[Trigger]> {
    let key = (range.start, range.end);
    if let Some(found) = doc.sentence_triggers.borrow().get(&key) {
        return found.clone();
    }
    let found: std::rc::Rc<[Trigger]> = find_triggers(doc, range).into();
    doc.sentence_triggers.borrow_mut().insert(key, found.clone());
    found
}

/// Words after a verb of evacuating within which the rescued may be named ("evacuated the passengers").
const RESCUED_GAP: usize = 3;

/// Longest word (articles, numbers, "des", "إحدى") that may stand between a verb of seizing and the things seized.
const SMALL_WORD_CHARS: usize = 4;

/// Words after a verb of seizing within which the things seized may be named ("d'un des deux véhicules").
const SEIZED_THINGS_GAP: usize = 5;

/// Most words (a verb's subject) between a trigger verb and the rest of an idiom it opens.
const IDIOM_SPLIT_GAP: usize = 5;

/// Latin tokens `first..=last` of `range`, capitalised after its first word and followed by a
/// capitalised word, lie inside a name ("the 614th Artillery Battery"), unless the range is
/// written in title case (a headline).
fn in_a_capitalised_name(doc: &Doc<'_>, range: &Range<usize>, first: usize, last: usize) -> bool {
    let items = doc.tokens.items();
    let latin = |t: usize| items[t].script == marsad_text::Script::Latin;
    let capital = |t: usize| latin(t) && items[t].upper_initial;
    let next = last + 1;
    let named =
        first > range.start && capital(first) && next < range.end && items[last].joined_to_next && capital(next);
    // In title case only short words ("of", "in") stay in lower case.
    let lower_word = |t: usize| latin(t) && !items[t].upper_initial && doc.tokens.folded(t).chars().count() >= 4;
    named && range.clone().any(lower_word)
}

/// The triggers of tokens `range`, searched (see [`triggers`]).
fn find_triggers(doc: &Doc<'_>, range: Range<usize>) -> Vec<Trigger> {
    let found = doc.find(List::EventTriggers, range.clone());
    if found.is_empty() {
        // Most sentences: nothing to check the names and destinations against.
        return Vec::new();
    }
    let names: Vec<Span> =
        doc.mentions_in(doc.span_of(range.start, range.end.saturating_sub(1))).map(|m| m.span).collect();
    let floor = range.start;
    let destinations = doc.find(List::Origin, range.clone());
    let taken_to = |first: usize, last: usize| destinations.iter().any(|&(f, l, _)| f <= first && last <= l);
    // "ont exécuté plusieurs frappes", "executed an operation": carried out, no execution.
    let executions = found.iter().any(|(_, _, role)| role.is_some_and(|r| r.starts_with("execute")));
    let strikes: Vec<usize> = found
        .iter()
        .filter(|_| executions)
        .filter(|(_, _, role)| {
            let frame = role.and_then(|r| Frame::from_name(r.strip_suffix(":passive").unwrap_or(r)));
            frame.is_some_and(|f| f.is_specific() || matches!(f, Frame::Attack | Frame::Ambush))
        })
        .map(|&(first, _, _)| first)
        .collect();
    let carries_out = |frame: Frame, last: usize| {
        frame == Frame::Execute && strikes.iter().any(|&s| s > last && s <= last + CARRIED_OUT_GAP)
    };
    let idioms: Vec<(usize, &str)> = found
        .iter()
        .filter_map(|&(first, _, role)| role.filter(|r| r.ends_with(":idiom")).map(|r| (first, r)))
        .collect();
    found
        .into_iter()
        .filter_map(|(first, last, role)| {
            let role = role?;
            // "The junta has burnt bridges with its allies", "a heart attack": an idiom built on a
            // trigger word (the lexicon's longest match) tells no incident.
            if marked!(role.ends_with(":idiom"), an_idiom_tells_no_incident) {
                return None;
            }
            // "soldiers of the 614th Artillery Battery": a capitalised trigger word inside a
            // sentence, with a capitalised word after it, is part of a name.
            if marked!(
                in_a_capitalised_name(doc, &range, first, last),
                a_capitalised_trigger_inside_a_name_is_no_trigger
            ) {
                return None;
            }
            // "استعادت قوات الدفاع والأمن السيطرة على الوضع": the verb with its subject between it
            // and the rest of the idiom is the idiom's too.
            let idiom_after = idioms.iter().any(|&(idiom_first, idiom_role)| {
                idiom_first > last
                    && idiom_first <= last + IDIOM_SPLIT_GAP
                    && idiom_role.strip_suffix(":idiom") == Some(role)
            });
            if marked!(idiom_after, a_verb_split_from_its_idiom_tells_no_incident) {
                return None;
            }
            // "a perdu 38 soldats": a loss of people is a kill whose subject suffered it.
            let loss = role == "kill:loss";
            if loss && !marked!(people_counted_after(doc, last), a_loss_of_people_counted_is_a_kill) {
                return None;
            }
            let role = if loss { "kill:passive" } else { role };
            let (name, passive) = role.strip_suffix(":passive").map_or((role, false), |f| (f, true));
            // "was targeting" is progressive, not passive.
            let progressive = ing_form(doc, first);
            // "were killed", "were also killed".
            let auxiliary_at = |at: usize| doc.token_is(List::PassiveAuxiliaries, at);
            let also = first > 1 && doc.token_is(List::TollAdditions, first - 1) && auxiliary_at(first - 2);
            let after_auxiliary = first > 0 && (auxiliary_at(first - 1) || also) && !progressive;
            let passive = passive
                || after_auxiliary
                || bare_participle(doc, first, last)
                || counted_before(doc, first, last)
                || undergone(doc, floor, first)
                || agent_after(doc, last, range.end)
                // "l'armée est tombée dans une embuscade", "the patrol fell into an ambush",
                // "وقعت الدورية في كمين": who falls into it suffers it.
                || marked!(doc.ends_before(List::FallInto, first, 2, floor), who_falls_into_an_ambush_suffers_it);
            let frame = Frame::from_name(name)?;
            // "les terroristes ont encore frappé": the folded participle reads as the noun "frappe";
            // after an auxiliary it is the verb "struck", an attack.
            let struck = frame == Frame::Airstrike
                && first == last
                && doc.entry_before(List::PerfectAuxiliaries, first, 1, floor).is_some();
            let frame = if marked!(struck, a_strike_after_an_auxiliary_is_an_attack) { Frame::Attack } else { frame };
            // "s'emparer d'un des deux véhicules des assaillants", "استولوا على 15 مركبة": things
            // seized, no territory taken.
            // (Only small words between: "pris le contrôle du camp et pillé des véhicules" took
            // the camp.)
            let small = |t: usize| doc.tokens.folded(t).chars().count() <= SMALL_WORD_CHARS;
            let things = matches!(frame, Frame::CaptureTerritory | Frame::RetakeTerritory)
                && (last + 1..(last + 1 + SEIZED_THINGS_GAP).min(range.end))
                    .find(|&t| doc.starting_at(List::CountedThings, t).is_some())
                    .is_some_and(|t| (last + 1..t).all(small) && doc.starting_at(List::PlaceWords, t).is_none());
            if marked!(things, seizing_things_takes_no_territory) {
                return None;
            }
            // "the military evacuated the passengers", "أجلت القوات الجرحى": rescue after an
            // incident, not a population moved.
            let rescued = frame == Frame::Evacuate
                && (last + 1..(last + 1 + RESCUED_GAP).min(range.end))
                    .any(|t| doc.starting_at(List::Rescued, t).is_some());
            if marked!(rescued, evacuating_the_wounded_or_passengers_is_rescue) {
                return None;
            }
            if frame == Frame::Evacuate && taken_to(first, last) {
                cov_mark::hit!(taken_to_hospital_is_no_evacuation);
                return None;
            }
            if carries_out(frame, last) {
                cov_mark::hit!(executing_a_strike_carries_it_out);
                return None;
            }
            let weapon = matches!(
                frame,
                Frame::SuicideBomb | Frame::Chemical | Frame::Ied | Frame::Airstrike | Frame::Shelling | Frame::Grenade
            );
            if weapon && seized(doc, floor, first) {
                return None;
            }
            let span = doc.span_of(first, last);
            let inside_name = names.iter().any(|m| m.start < span.end && span.start < m.end);
            (!inside_name).then_some(Trigger { first, last, frame, passive })
        })
        .collect()
}

/// Token `t` is an English verb in -ing ("targeting"): after "was" progressive, after "is" a
/// campaign going on.
fn ing_form(doc: &Doc<'_>, t: usize) -> bool {
    doc.tokens.folded(t).ends_with("ing")
}

/// Tokens after an Arabic verb within which "على يد" makes it passive.
const AGENT_AFTER_GAP: usize = 6;

/// "قتلوا داخل الأراضي المالية على يد قوة تابعة للجيش": an Arabic verb (its voice unwritten)
/// followed by "at the hands of" is passive; its subject before it suffered the deed.
fn agent_after(doc: &Doc<'_>, last: usize, end: usize) -> bool {
    let arabic = doc.tokens.items()[last].script == marsad_text::Script::Arabic;
    let window = last + 1..(last + 1 + AGENT_AFTER_GAP).min(end);
    marked!(arabic && doc.any(List::HandsOf, window), an_arabic_verb_followed_by_its_agent_is_passive)
}

/// "تعرض المعسكر الواقع شمال باماكو لهجوم": an Arabic trigger with ل attached, after a verb of
/// undergoing earlier in the sentence, is suffered by that verb's subject.
fn undergone(doc: &Doc<'_>, floor: usize, first: usize) -> bool {
    let arabic = doc.tokens.items()[first].script == marsad_text::Script::Arabic;
    let with_li = doc.tokens.folded(first).starts_with('ل');
    let from = first.saturating_sub(UNDERGO_WINDOW).max(floor);
    marked!(arabic && with_li && doc.any(List::UndergoVerbs, from..first), an_incident_undergone_is_passive)
}

/// "عثرت على دراجات نارية وبنادق وقاذفة صواريخ", "ont saisi des roquettes": a weapon named after a
/// verb of finding or seizing was taken, not used.
fn seized(doc: &Doc<'_>, floor: usize, first: usize) -> bool {
    let from = first.saturating_sub(SEIZED_WINDOW).max(floor);
    marked!(doc.any(List::SeizureVerbs, from..first), a_weapon_seized_is_no_trigger)
        || listed_as_seized(doc, floor, first)
}

/// "ont saisi 05 pick-up, 01 véhicule, 76 fusils d'assaut, 03 lanceurs et 02 mortiers": a
/// counted weapon far down the list a verb of seizing opens, with no clause break between.
fn listed_as_seized(doc: &Doc<'_>, floor: usize, first: usize) -> bool {
    // The count may stand before a compound ("2 lance-roquettes").
    let counted = first > floor && {
        let before = doc.span_of(first.saturating_sub(2).max(floor), first - 1);
        !doc.counts_in(before).is_empty()
    };
    if !counted {
        return false;
    }
    let Some(&(verb, _, _)) = doc.find(List::SeizureVerbs, floor..first).last() else { return false };
    let listed = !doc.any(List::ClauseBreaks, verb..first);
    marked!(listed, a_counted_weapon_in_a_list_of_seized_things_is_no_trigger)
}

/// Tokens before a trigger within which "amid", "في ظل" makes it the setting of the news.
const CONTEXT_WINDOW: usize = 3;

/// Tokens before a weapon word within which a verb of seizing lists it among what was taken.
const SEIZED_WINDOW: usize = 8;

/// Tokens before a trigger within which a verb of undergoing governs it.
const UNDERGO_WINDOW: usize = 10;

/// A count of people right after token `last` ("perdu 38 soldats", "lost 20 of its men",
/// "فقد 20 جنديا"), not of things ("a perdu trois véhicules").
fn people_counted_after(doc: &Doc<'_>, last: usize) -> bool {
    let window = doc.span_of(last + 1, (last + LOSS_COUNT_GAP).min(doc.tokens.len().saturating_sub(1)));
    doc.counts_in(window).iter().any(|c| {
        let after = doc.token_at(c.span.end);
        (after..(after + 3).min(doc.tokens.len())).any(|t| {
            [List::StateHeads, List::BareStateHeads, List::CivilianTargets, List::AttackerNouns, List::SingularVictims]
                .into_iter()
                .any(|list| doc.starting_at(list, t).is_some())
        })
    })
}

/// Tokens after a verb of loss within which its count stands ("فقد الجيش المالي 20 جنديا").
const LOSS_COUNT_GAP: usize = 5;

/// Words after "exécuté" within which the incident it carried out may be named.
const CARRIED_OUT_GAP: usize = 3;

/// "سبعة جنود قتلوا الخميس": an Arabic verb right after a counted noun, with no count after it,
/// tells what was done to them (unvocalised قتلوا reads "were killed" as well as "killed").
fn counted_before(doc: &Doc<'_>, first: usize, last: usize) -> bool {
    if first < 2 || doc.tokens.items()[first].script != marsad_text::Script::Arabic {
        return false;
    }
    // "15 جنديا على الأقل قتلوا": "at least" may stand between the noun and the verb.
    let at_least = doc.entry_before(List::AtLeast, first, 0, 0).map_or(0, |start| first - start);
    let noun = first - at_least;
    if noun < 2 {
        return false;
    }
    let before = doc.span_of(noun - 2, noun - 1);
    let after = doc.span_of(last + 1, (last + 3).min(doc.tokens.len().saturating_sub(1)));
    // The count, its noun, then the verb: a count right before the word counts that word ("ثلاثة قتلى").
    let counted = doc.counts_in(before).iter().any(|c| doc.last_token_before(c.span.end) + 2 == noun);
    marked!(
        counted && last + 1 < doc.tokens.len() && doc.counts_in(after).is_empty(),
        a_counted_noun_before_an_arabic_verb_underwent_it
    )
}

/// A French past participle with no perfect auxiliary (nor reflexive "s'est") in the three words
/// before it and no article just before it is passive:
/// "un poste attaqué", "deux soldats tués" tell what was done to the words before it. Only
/// French marks the participle (-é, -ée, -és, -ées), so English headlines are left alone.
fn bare_participle(doc: &Doc<'_>, first: usize, last: usize) -> bool {
    let participle = first == last && participle_ending(doc.tokens_text(first, last));
    let before = |list| first > 0 && doc.token_is(list, first - 1);
    // An auxiliary up to three words back still governs it: "avait également incendié".
    let auxiliary = doc.any(List::PerfectAuxiliaries, first.saturating_sub(3)..first);
    marked!(
        participle && !auxiliary && !before(List::DefiniteArticles) && !before(List::IndefiniteArticles),
        bare_french_participle_is_passive
    )
}

/// `word` ends as a French past participle does (-é, -ée, -és, -ées), in any case: its last
/// chars lower-cased one by one, from the end, without lower-casing the whole word into a new
/// string (no char of these endings lower-cases differently by what stands before it).
fn participle_ending(word: &str) -> bool {
    let mut tail = word.chars().rev().flat_map(|c| c.to_lowercase().rev());
    matches!(
        (tail.next(), tail.next(), tail.next()),
        (Some('é'), _, _) | (Some('e' | 's'), Some('é'), _) | (Some('s'), Some('e'), Some('é'))
    )
}

/// A folded Latin word with a past participle's ending: French -é(e)(s), -u(e)(s), -i(e)(s);
/// English -ed, -en, -wn ("connue", "identifiés", "known").
fn any_participle(word: &str) -> bool {
    let stem = word.trim_end_matches('s').trim_end_matches('e');
    participle_ending(word)
        || stem.ends_with('u')
        || stem.ends_with('i')
        || ["ed", "en", "wn"].iter().any(|e| word.ends_with(e))
}

/// "The army later launched", "l'armée a ensuite lancé": a break word of time right after a
/// word (no punctuation, no conjunction) is an adverb inside its clause, which it does not cut.
fn adverb_inside(doc: &Doc<'_>, at: usize) -> bool {
    marked!(
        doc.starting_at(List::Afterwards, at).is_some()
            && !doc.gap_after(at - 1).contains([',', '،', ';', '؛', '.', ':', '(', '-', '—', '–'])
            && !doc.token_is(List::Conjunctions, at - 1),
        a_time_adverb_inside_a_clause_does_not_cut_it
    )
}

/// The clauses of a sentence: token ranges cut before each clause break, at semicolons, and
/// between two incident triggers at the comma that leaves each its own place.
/// Tokens before a trigger within which a word of denouncing makes it a protest's cause.
const DENOUNCED_GAP: usize = 3;

fn clauses(doc: &Doc<'_>, sentence: &Sentence, found: &[Trigger]) -> Vec<Range<usize>> {
    let range = sentence.tokens.clone();
    let place_tokens: Vec<(usize, usize)> = doc
        .mentions_in(sentence.span)
        .filter(|m| matches!(m.entity, marsad_extract::Entity::Place(_)))
        .map(|m| (doc.token_at(m.span.start), doc.last_token_before(m.span.end)))
        .collect();
    // "في ليري وفي نيونو": a break word between two places of a list cuts nothing.
    let between_places = |first: usize, last: usize| {
        marked!(
            place_tokens.iter().any(|&(_, end)| end + 1 == first)
                && place_tokens.iter().any(|&(start, _)| start == last + 1),
            a_break_word_between_listed_places_cuts_nothing
        )
    };
    let mut cuts: Vec<usize> = doc
        .find(List::ClauseBreaks, range.clone())
        .into_iter()
        .filter(|&(first, last, _)| first > range.start && !adverb_inside(doc, first) && !between_places(first, last))
        .map(|(first, _, _)| first)
        .collect();
    let gap = |t: usize| doc.gap_after(t);
    let commas: Vec<usize> = (range.start..range.end.saturating_sub(1))
        .filter(|&t| gap(t).contains([',', '،', ';', '؛']))
        .map(|t| t + 1)
        .collect();
    cuts.extend(commas.iter().copied().filter(|&t| gap(t - 1).contains([';', '؛'])));
    // Where places and dates stand: two incidents each told with its own are two clauses.
    let places: Vec<usize> = place_tokens.iter().map(|&(start, _)| start).collect();
    let dates: Vec<usize> = doc.dates_in(sentence.span).iter().map(|d| doc.token_at(d.span.start)).collect();
    let incidents: Vec<&Trigger> = found.iter().filter(|t| !t.frame.is_consequence()).collect();
    for pair in incidents.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let own = |at: &[usize], c: usize| {
            at.iter().any(|&p| p < c && p > a.first.saturating_sub(8)) && at.iter().any(|&p| p >= c && p < b.last + 12)
        };
        // A violent incident and a non-violent development coordinated after a comma ("..., ودعت
        // مواطنيها إلى مغادرة") are two; "عبر استهداف" (by targeting) is the means of the first.
        let kinds_differ = a.frame.is_violent() != b.frame.is_violent();
        let coordinated = |c: usize| doc.token_is(List::Conjunctions, c) || doc.tokens.folded(c).starts_with('و');
        // "protested on Tuesday in Nouakchott, denouncing the army's attacks on…": what a protest
        // denounces is its cause, told inside the protest's clause.
        let denounced = matches!(a.frame, Frame::Protest | Frame::Riot)
            && (doc.any(List::Condemn, b.first.saturating_sub(DENOUNCED_GAP)..b.first)
                || doc.any(List::ProtestCauses, b.first.saturating_sub(DENOUNCED_GAP)..b.first + 1));
        if denounced {
            cov_mark::hit!(what_a_protest_denounces_stays_in_its_clause);
            continue;
        }
        let cut = commas.iter().rev().find(|&&c| {
            c > a.last && c <= b.first && ((kinds_differ && coordinated(c)) || own(&places, c) || own(&dates, c))
        });
        if let Some(&cut) = cut {
            cov_mark::hit!(clause_cut_between_placed_incidents);
            cuts.push(cut);
        }
        // "protested on Sunday in the wake of the coup of last week": what follows "in the wake
        // of" is an earlier incident, with its own date.
        let cause = doc
            .find(List::Recall, a.last + 1..b.first)
            .into_iter()
            .rev()
            .find(|&(_, last, role)| role == Some("cause") && last + RECALL_WINDOW >= b.first)
            .map(|(first, _, _)| first);
        if let Some(cue) = cause {
            cov_mark::hit!(clause_cut_before_a_recalled_cause);
            cuts.push(cue);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    let mut start = range.start;
    for cut in cuts {
        if cut > start {
            out.push(start..cut);
            start = cut;
        }
    }
    out.push(start..range.end);
    out
}

/// The trigger that best tells the clause's incident: one that tells a new incident rather than
/// pointing back to one ("هذه الهجمات ... عمليات استهدفت في يونيو الماضي").
fn lead_new(doc: &Doc<'_>, clause: &Range<usize>, found: &[Trigger]) -> Option<Trigger> {
    // "ont attaqué le camp, ce qui suggère l'utilisation de kamikazes": what is guessed after the
    // incident does not replace it.
    let guessed =
        if found.len() > 1 { doc.find(List::Speculation, clause.clone()).first().map(|&(at, _, _)| at) } else { None };
    let told: Vec<Trigger> = found.iter().copied().filter(|t| guessed.is_none_or(|g| t.last < g)).collect();
    if told.len() < found.len() && told.iter().any(|t| !t.frame.is_consequence()) {
        cov_mark::hit!(a_guess_after_the_incident_does_not_lead);
        return lead_new(doc, clause, &told);
    }
    // "This attack…", and "the attack comes after…" (it is the one just told, and what follows
    // is another incident).
    // ... nor does an incident told as the setting ("amid a blockade").
    let setting =
        |t: &Trigger| doc.any(List::ContextMarkers, t.first.saturating_sub(CONTEXT_WINDOW).max(clause.start)..t.first);
    let points_back = |t: &Trigger| {
        (t.first > clause.start && doc.any(List::Demonstratives, t.first - 1..t.first))
            || (t.last + 1..(t.last + 3).min(clause.end))
                .any(|at| doc.starting_at(List::Recall, at).is_some_and(|r| r.far_token < clause.end))
            || comes_after(doc, clause, t).is_some()
            || setting(t)
    };
    let fresh: Vec<Trigger> = found.iter().copied().filter(|t| !points_back(t) && !t.frame.is_consequence()).collect();
    if fresh.len() < found.iter().filter(|t| !t.frame.is_consequence()).count() && !fresh.is_empty() {
        cov_mark::hit!(lead_skips_a_trigger_pointing_back);
        return lead(&fresh);
    }
    // "ont incendié 40 citernes, sur fond de blocus": with the setting aside, the consequence told
    // is the news.
    let told: Vec<Trigger> = found.iter().copied().filter(|t| !setting(t)).collect();
    if !told.is_empty() && told.len() < found.len() {
        return lead(&told);
    }
    lead(found)
}

/// Where a recall cue right after trigger `t` begins ("the attack comes after…", "les
/// manifestations interviennent après que…"): what follows it tells an earlier incident.
fn comes_after(doc: &Doc<'_>, clause: &Range<usize>, t: &Trigger) -> Option<usize> {
    // A relative pronoun may stand between ("an attack that comes after", "une attaque qui survient après").
    let window = t.last + 1..(t.last + 4).min(clause.end);
    // The connector starts in the window and may run past it ("comes just days after").
    (window.start..window.end)
        .find(|&at| doc.starting_at(List::ComesAfter, at).is_some_and(|m| m.far_token < clause.end))
}

/// The trigger that best tells the clause's incident.
fn lead(found: &[Trigger]) -> Option<Trigger> {
    if let Some(t) = found.iter().find(|t| t.frame == Frame::DisruptWeapons) {
        return Some(*t);
    }
    if let Some(t) = found.iter().find(|t| t.frame.is_specific()) {
        return Some(*t);
    }
    let incidents: Vec<&Trigger> = found.iter().filter(|t| !t.frame.is_consequence()).collect();
    // "The demonstration turned into violence": the riot is what happened.
    if let Some(riot) = incidents.iter().find(|t| t.frame == Frame::Riot) {
        if incidents.iter().any(|t| t.frame == Frame::Protest) {
            return Some(**riot);
        }
    }
    // Hostages freed: the release is the news, not the kidnapping it recalls.
    if let Some(release) = incidents.iter().find(|t| t.frame == Frame::Release) {
        if incidents.iter().any(|t| t.frame == Frame::Abduct) {
            return Some(**release);
        }
    }
    // "neuf terroristes tués et 31 autres arrêtés": people killed where others were arrested make
    // the incident a violent one, the arrests its sequel.
    if !incidents.is_empty() && incidents.iter().all(|t| t.frame == Frame::Arrest) {
        if let Some(kill) = found.iter().find(|t| t.frame == Frame::Kill) {
            cov_mark::hit!(killed_beside_arrested_is_the_incident);
            return Some(*kill);
        }
    }
    // A base told beside a violent trigger is its target ("un poste avancé ... a été attaqué").
    let violent = incidents.iter().any(|t| t.frame.is_violent());
    let fresh = incidents.iter().find(|t| !(violent && t.frame == Frame::Base));
    fresh.copied().or_else(|| found.first()).copied()
}

/// The modality that governs trigger `t` in `clause` (sentence tokens `sentence`).
fn modality(doc: &Doc<'_>, sentence: &Range<usize>, clause: &Range<usize>, t: &Trigger, quoted: bool) -> Modality {
    let before = |window: usize| t.first.saturating_sub(window).max(clause.start)..t.first;
    // "les attaques et rapts se multiplient": what follows a pair of incident words follows both.
    let paired = (t.last + 2 < clause.end && doc.token_is(List::Conjunctions, t.last + 1))
        .then(|| doc.starting_at(List::EventTriggers, t.last + 2))
        .flatten();
    let last = match paired {
        Some(second) => {
            cov_mark::hit!(what_follows_a_pair_of_incident_words_follows_both);
            second.far_token
        }
        None => t.last,
    };
    let after = |window: usize| last + 1..(last + 1 + window).min(clause.end);
    let clause_dates = || doc.dates_in(doc.span_of(clause.start, clause.end.saturating_sub(1)));
    let dated = || !clause_dates().is_empty();
    // "The US embassy urged its citizens to leave the country": a state's advisory to its own
    // nationals, however worded, is the news.
    if t.frame == Frame::Evacuate
        && marked!(doc.any(List::OwnNationals, clause.start..t.first), an_advisory_to_a_state_s_nationals_is_news)
    {
        return Modality::Reported;
    }
    // Speculation governs what follows it in its clause ("وتسعى روسيا ... لتعزيز", "may attack"),
    // unless a date reads the word ("In May, …").
    let speculation = doc.find(List::Speculation, clause.start..t.first);
    if !speculation.is_empty() {
        let in_date = |&(first, last, _): &(usize, usize, Option<&str>)| {
            let span = doc.span_of(first, last);
            clause_dates().iter().any(|d| d.span.start <= span.start && span.end <= d.span.end)
        };
        // "إذا تأكدت هذه المعلومات، فإن الهجوم…", "if confirmed": the report is doubted, the deed told.
        let confirming = doc.find(List::ConfirmationConditionals, clause.clone());
        let doubted = |cue: &(usize, usize, Option<&str>)| any_outside(std::slice::from_ref(cue), &confirming);
        if speculation.iter().any(|cue| !in_date(cue) && doubted(cue)) {
            return Modality::Hypothetical;
        }
        if !confirming.is_empty() {
            cov_mark::hit!(if_confirmed_doubts_the_report_not_the_deed);
        }
        cov_mark::hit!(a_month_is_no_modal);
    }
    // "« Non aux sanctions »", "No to sanctions": a slogan rejects the measure it names.
    if marked!(doc.ends_before(List::Slogans, t.first, 1, clause.start), a_slogan_rejects_what_it_names) {
        return Modality::Negated;
    }
    let mut negations = doc.find(List::Negation, before(NEGATION_WINDOW));
    // "أطباء بلا حدود", "Doctors Without Borders": a word of a name negates nothing.
    negations
        .retain(|&(first, last, _)| !marked!(doc.in_a_name(first, last), a_negation_inside_a_name_negates_nothing));
    // "des individus armés dont l'identité n'est pas encore connue ont ciblé…": a negation in a
    // relative clause, with its own participle between it and the trigger, negates that verb.
    negations.retain(|&(first, last, _)| {
        let relative = doc.any(List::Relatives, clause.start..first);
        let own_verb = (last + 1..t.first).any(|at| {
            doc.tokens.items()[at].script == marsad_text::Script::Latin && any_participle(doc.tokens.folded(at))
        });
        !marked!(relative && own_verb, a_negation_in_a_relative_clause_negates_its_own_verb)
    });
    let exceptions = doc.find(List::NegationExceptions, before(NEGATION_WINDOW + 1));
    if any_outside(&negations, &exceptions) {
        return Modality::Negated;
    }
    // ("حصار على مدينتي كاي": a word of a name, كاي read as "like any", tells no trend.)
    let trend = |range: Range<usize>| {
        doc.any(List::Trend, range.clone())
            && doc.find(List::Trend, range).iter().any(|&(first, last, _)| {
                !marked!(doc.names_there(first, last), a_trend_word_inside_a_name_tells_no_trend)
            })
    };
    if trend(before(TREND_WINDOW)) || trend(after(TREND_WINDOW)) {
        return Modality::Habitual;
    }
    if t.frame == Frame::Evacuate && doc.any(List::CallsToAct, clause.start..t.first) {
        cov_mark::hit!(an_evacuation_called_for_has_not_happened);
        return Modality::Hypothetical;
    }
    if doc.any(List::ContextMarkers, before(CONTEXT_WINDOW)) {
        cov_mark::hit!(an_incident_after_amid_is_the_setting);
        return Modality::Habitual;
    }
    let habit = |range: Range<usize>| {
        let found = doc.find(List::Habitual, range);
        !found.is_empty() && any_outside(&found, &doc.find(List::HabitualExceptions, clause.clone()))
    };
    // "une répression continue de la dissidence à la suite d'un rassemblement en mai": a habit
    // told before a recall cue is the setting's; the incident recalled after it is one.
    let setting = doc.find(List::Recall, clause.start..t.first).last().is_some_and(|&(_, last, _)| {
        marked!(habit(clause.start..last + 1) && !habit(last + 1..t.first), a_habit_before_a_recall_is_the_setting_s)
    });
    if (!setting && habit(clause.start..t.first)) || habit(after(TREND_WINDOW)) {
        return Modality::Habitual;
    }
    // "يهاجم مقاتلو الجماعة بلا هوادة القوافل": a verb-first clause puts its subject between the
    // verb and the adverb.
    let subject = doc.span_of(t.last + 1, (t.last + 2).min(clause.end.saturating_sub(1)));
    let subject_end = doc
        .mentions_in(Span { start: subject.start, end: u32::MAX })
        .take_while(|m| m.span.start <= subject.end)
        .filter(|m| matches!(m.entity, marsad_extract::Entity::Actor(_)))
        .map(|m| doc.last_token_before(m.span.end))
        .max();
    let after_subject = subject_end.map(|last| last + 1..(last + 1 + TREND_WINDOW).min(clause.end));
    if marked!(after_subject.is_some_and(habit), a_habit_after_a_verb_first_subject_is_its_verb_s) {
        return Modality::Habitual;
    }
    // "كما عرفت بوركينا فاسو هجمات مماثلة", "Burkina Faso has seen similar attacks": with no day
    // of its own ("a similar strike on Sunday" is one).
    let around = t.first.saturating_sub(1).max(clause.start)..(t.last + 2).min(clause.end);
    if marked!(doc.any(List::Similar, around) && !dated(), similar_incidents_with_no_day_are_a_kind) {
        return Modality::Habitual;
    }
    // "JNIM is targeting fuel tankers, burning trucks": a campaign going on, not one incident.
    let ongoing = ing_form(doc, t.first) && doc.ends_before(List::PresentProgressive, t.first, 0, clause.start);
    // So is an Arabic present of undergoing with no day ("المحطات تتعرض للهجوم", the stations are
    // being stormed).
    let undergoing = doc
        .find(List::UndergoVerbs, t.first.saturating_sub(UNDERGO_WINDOW).max(clause.start)..t.first)
        .iter()
        .any(|&(_, _, role)| role == Some("present"))
        && !dated();
    if marked!(undergoing, an_arabic_present_of_undergoing_tells_a_state) {
        return Modality::Habitual;
    }
    if marked!(ongoing, a_present_progressive_tells_a_campaign) {
        return Modality::Habitual;
    }
    // "l'épicentre de nombreuses attaques": a kind of incident ("many were killed" still tells one).
    let quantified = !t.frame.is_consequence() && doc.ends_before(List::GenericQuantifiers, t.first, 0, clause.start);
    if marked!(quantified, many_incidents_with_no_figure_are_a_kind) {
        return Modality::Habitual;
    }
    // "Ouagadougou has been attacked three times", "attaquée à trois reprises", "هوجمت ثلاث مرات":
    // incidents counted, not one ("مرتين" needs no number).
    let counted_times = doc.find(List::TimesWords, after(TIMES_WINDOW)).iter().any(|&(first, _, role)| {
        role == Some("dual") || (first > t.last + 1 && !doc.counts_in(doc.span_of(first - 1, first - 1)).is_empty())
    });
    if marked!(counted_times, an_incident_counted_in_times_is_several) {
        return Modality::Habitual;
    }
    // "كثفت الجماعة هجماتها", "its attacks": an Arabic plural of incidents owned by its doer
    // is the kind of thing it does, with no day of its own.
    let owned_plural =
        t.first == t.last && doc.ends_with_an_entry(List::OwnedPlurals, "ar", doc.tokens.folded(t.first));
    if marked!(owned_plural && !t.frame.is_consequence() && !dated(), incidents_owned_by_their_doer_are_a_kind) {
        return Modality::Habitual;
    }
    // "Analysts say attacks are rising" is commentary; "analyst X reported that the tragedy
    // occurred on Thursday" tells an incident on its day.
    if doc.any(List::Analysis, sentence.start..t.first) {
        let span = doc.span_of(clause.start, clause.end.saturating_sub(1));
        let dated = doc.dates_in(span).iter().any(|d| d.precision == Precision::Day && !d.background);
        if !marked!(dated, an_analyst_telling_an_incident_on_its_day_reports_it) {
            return Modality::Generic;
        }
    }
    // "قتل 17 جنديا واعتبر 11 مفقودين إثر كمين": deaths told before "following" name what the
    // incident caused; it is the incident, not an earlier one.
    let caused = |at: usize| {
        let before_cue = clause.start..at;
        doc.any(List::Fatality, before_cue.clone())
            || doc.any(List::Injury, before_cue.clone())
            || doc.find(List::EventTriggers, before_cue).iter().any(|&(_, _, role)| {
                role.and_then(|r| Frame::from_name(r.split(':').next().unwrap_or(r))).is_some_and(|f| f == Frame::Kill)
            })
    };
    // A cue that ends within the window governs the trigger, however long ("بعد مرور يومين من").
    let cue_reach = before(RECALL_WINDOW + RECALL_CUE_LENGTH);
    let recalled = doc.any(List::Recall, cue_reach.clone())
        && doc.find(List::Recall, cue_reach).into_iter().any(|(at, last, role)| {
            let cause = matches!(role, Some("cause" | "cause-clause")) && caused(at);
            t.first - last <= RECALL_WINDOW && !marked!(cause, deaths_before_following_name_what_the_incident_caused)
        });
    if recalled || pluperfect(doc, sentence, t) {
        return Modality::Recalled;
    }
    if quoted || doc.any(List::Attribution, sentence.clone()) {
        Modality::Reported
    } else {
        Modality::Asserted
    }
}

/// Some cue of `found` lies outside every phrase of `exceptions` ("لا" inside "لا سيما").
fn any_outside(found: &[(usize, usize, Option<&str>)], exceptions: &[(usize, usize, Option<&str>)]) -> bool {
    found.iter().any(|f| !exceptions.iter().any(|e| e.0 <= f.0 && f.1 <= e.1))
}

/// True when char offset `at` lies between opening and closing quotation marks of `span`.
fn inside_quotes(doc: &Doc<'_>, span: Span, at: u32) -> bool {
    let before = doc.text_of(Span { start: span.start, end: at });
    let opened = before.matches(['«', '“']).count() + before.matches('"').count() % 2;
    let closed = before.matches(['»', '”']).count();
    opened > closed
}

/// A sentence without a trigger that names an incident told before ("وقعت العملية على بعد ...").
fn references(doc: &Doc<'_>, index: usize, sentence: &Sentence) -> Option<IncidentMention> {
    // "مالي الواقعة بغرب أفريقيا": "الواقعة" followed by a place phrase says where something lies.
    let (first, last, _) =
        doc.find(List::EventAnaphors, sentence.tokens.clone()).into_iter().find(|&(_, last, role)| {
            let located = role == Some("located") && locates(doc, sentence, last);
            !marked!(located, an_anaphor_followed_by_a_locative_locates)
        })?;
    let trigger = Trigger { first, last, frame: Frame::Attack, passive: false };
    whole_sentence_mention(doc, index, sentence, trigger, true)
}

/// A mention told by a whole sentence with no trigger of its own (`trigger` is the words that
/// stand for one), when factual.
fn whole_sentence_mention(
    doc: &Doc<'_>,
    index: usize,
    sentence: &Sentence,
    trigger: Trigger,
    reference: bool,
) -> Option<IncidentMention> {
    let modality = modality(doc, &sentence.tokens, &sentence.tokens, &trigger, false);
    modality.is_factual().then(|| IncidentMention {
        sentence: index,
        clause: sentence.tokens.clone(),
        trigger,
        others: Vec::new(),
        modality,
        zone: sentence.zone,
        reference,
        summary: false,
        pronoun: false,
        comes_after: false,
        depicted: false,
    })
}

/// "وكذلك فعلت سفارة أستراليا", "L'Allemagne a fait de même", "Canada followed suit": another
/// side did what the sentence right before told (`frame`), told with no trigger of its own.
fn same_deed(doc: &Doc<'_>, index: usize, sentence: &Sentence, frame: Frame) -> Option<IncidentMention> {
    let (first, last, _) = doc.find(List::SameDeed, sentence.tokens.clone()).into_iter().next()?;
    cov_mark::hit!(another_side_did_the_same);
    let trigger = Trigger { first, last, frame, passive: false };
    whole_sentence_mention(doc, index, sentence, trigger, false)
}

/// The word ending at token `last` is followed by a locative ("الواقعة في", "الواقعة بغرب"):
/// it says where something lies ("located in"), it tells no incident.
fn locates(doc: &Doc<'_>, sentence: &Sentence, last: usize) -> bool {
    last + 1 < sentence.tokens.end && doc.starting_at(List::Locatives, last + 1).is_some()
}

/// A count of two or more right before the trigger ("three attacks", "deux frappes", "ثلاث هجمات").
fn counted(doc: &Doc<'_>, trigger: &Trigger) -> bool {
    // "31 terroristes ont été tués" counts victims, not incidents; "three rockets" the rounds of one.
    if trigger.frame.is_consequence() {
        return false;
    }
    if (trigger.first..=trigger.last).any(|t| doc.token_is(List::Munitions, t)) {
        cov_mark::hit!(rounds_counted_are_one_incident);
        return false;
    }
    let before = doc.span_of(trigger.first.saturating_sub(4), trigger.first.saturating_sub(1));
    // "22 civilians in an attack": a preposition between the number and the trigger makes it
    // count something else. Two adjectives joined may stand between ("three coordinated and
    // deadly attacks").
    // "Five Indian workers were kidnapped" counts the people taken; "two kidnappings" the incidents.
    let takes_people = trigger.frame == Frame::Abduct;
    let counts_it = |c: &Count| {
        let after = doc.token_at(c.span.end);
        let joined = after < trigger.first && doc.any(List::Conjunctions, after..trigger.first);
        let gap = if takes_people {
            1
        } else if joined {
            4
        } else {
            3
        };
        let first = doc.token_at(c.span.start);
        // "Plus de 80 camions-citernes ont été pris pour cible": things counted, not incidents.
        let things = doc.starting_at(List::CountedThings, after).is_some();
        // "lost five soldiers during clashes": people counted, not incidents ("two army drone
        // strikes": a noun right before the trigger qualifies it).
        let people = [List::StateHeads, List::BareStateHeads, List::CivilianTargets, List::AttackerNouns]
            .into_iter()
            .any(|list| doc.starting_at(list, after).is_some_and(|n| n.far_token + 1 < trigger.first));
        c.value >= 2
            && first + gap >= trigger.first
            && after + gap >= trigger.first
            && !doc.any(List::Locatives, after..trigger.first)
            && !marked!(things, a_count_of_things_counts_no_incidents)
            && !marked!(people, a_count_of_people_counts_no_incidents)
    };
    // "وأصابوا ستة آخرين بكمين": an Arabic trigger that carries its preposition counts nothing
    // before it.
    let governed = marked!(carries_a_preposition(doc, trigger.first), a_trigger_after_its_preposition_is_not_counted);
    let counts_it = |c: &Count| !governed && counts_it(c);
    let dual = (trigger.first..=trigger.last).any(|t| doc.token_is(List::DualIncidents, t));
    // "a series of attacks", "plusieurs attaques", "سلسلة هجمات".
    let series = trigger.first > 0 && doc.ends_before(List::SeriesWords, trigger.first, 0, 0);
    if series {
        cov_mark::hit!(a_series_of_incidents_is_a_summary);
    }
    dual || series || (trigger.first > 0 && doc.counts_in(before).iter().any(counts_it))
}

/// The Arabic trigger word at token `at` carries a preposition (بكمين, للهجوم; not والهجوم).
fn carries_a_preposition(doc: &Doc<'_>, at: usize) -> bool {
    let Some(found) = doc.starting_at(List::EventTriggers, at) else { return false };
    let word = doc.tokens.folded(at);
    let Some(prefix) = found.entry.words.first().and_then(|w| word.strip_suffix(w.as_str())) else { return false };
    let prefix = prefix.strip_suffix("ال").unwrap_or(prefix);
    prefix.contains(['ب', 'ل'])
}

/// "وكانت القوات المسلحة قد أعلنت في يناير مقتل 45 مسلحا": كان opening the sentence and قد
/// before trigger `t` make a pluperfect, which recalls what it tells.
fn pluperfect(doc: &Doc<'_>, sentence: &Range<usize>, t: &Trigger) -> bool {
    let opened =
        doc.starting_at(List::Pluperfect, sentence.start).is_some_and(|m| m.entry.role.as_deref() == Some("opener"));
    let particle =
        || doc.find(List::Pluperfect, sentence.start + 1..t.first).iter().any(|&(_, _, role)| role == Some("particle"));
    marked!(opened && particle(), a_pluperfect_recalls_what_it_tells)
}

/// Every incident mention of every sentence that carries news.
pub(crate) fn mentions(doc: &Doc<'_>, sentences: &[Sentence], trace: &mut Trace) -> Vec<IncidentMention> {
    let mut out = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        if sentence.tokens.is_empty() {
            continue;
        }
        let found = triggers(doc, sentence.tokens.clone());
        if found.is_empty() {
            if sentence.zone.carries_news() {
                let before = out.last().filter(|m: &&IncidentMention| m.sentence + 1 == index).map(|m| m.trigger.frame);
                match before.and_then(|frame| same_deed(doc, index, sentence, frame)) {
                    Some(again) => out.push(again),
                    None => out.extend(references(doc, index, sentence)),
                }
            }
            continue;
        }
        if !sentence.zone.carries_news() {
            trace.note(|| Note::SkippedSentence { sentence: sentence.span, zone: sentence.zone });
            continue;
        }
        for clause in clauses(doc, sentence, &found) {
            let here: Vec<Trigger> = found.iter().copied().filter(|t| clause.contains(&t.first)).collect();
            let Some(trigger) = lead_new(doc, &clause, &here) else { continue };
            // "Les manifestations interviennent après que…" with no other incident after it: its
            // date and place are not those of what it came after.
            // So does "X attacked…; this attack comes after…": the cue after a later trigger of the clause.
            let retold = here.iter().filter(|t| t.first >= trigger.first).find_map(|t| comes_after(doc, &clause, t));
            let clause = match retold {
                Some(cue) => {
                    cov_mark::hit!(what_comes_after_an_incident_is_not_its_own);
                    clause.start..cue
                }
                None => clause,
            };
            let quoted = inside_quotes(doc, sentence.span, doc.span_of(trigger.first, trigger.first).start);
            let modality = modality(doc, &sentence.tokens, &clause, &trigger, quoted);
            let others: Vec<Trigger> =
                here.into_iter().filter(|t| *t != trigger && retold.is_none_or(|cue| t.first < cue)).collect();
            let summary = counted(doc, &trigger);
            // "MINUSMA condemns this triple attack": what is condemned was told already; so is
            // what someone describes ("ووصف الخبير الهجوم بأنه…", "described the raid as").
            let window = trigger.first.saturating_sub(CONDEMN_WINDOW).max(clause.start)..trigger.first;
            let described = doc.any(List::Describing, window.clone());
            let condemned = doc.any(List::Condemn, window) || marked!(described, what_is_described_was_told);
            // "Videos showing the massacre", "مقاطع فيديو تظهر": what they show is told elsewhere.
            let depicted = doc
                .any(List::Depictions, trigger.first.saturating_sub(DEPICTION_WINDOW).max(clause.start)..trigger.first);
            if depicted {
                cov_mark::hit!(what_a_video_shows_is_an_incident_told);
            }
            let mention = IncidentMention {
                sentence: index,
                clause,
                trigger,
                others,
                modality,
                zone: sentence.zone,
                reference: condemned,
                depicted,
                summary,
                pronoun: false,
                comes_after: retold.is_some(),
            };
            trace.note(|| Note::Mention {
                trigger: doc.span_of(trigger.first, trigger.last),
                frame: trigger.frame,
                modality,
                zone: sentence.zone,
            });
            if modality.is_factual() {
                out.push(mention);
            }
        }
        if let Some(recalled) = recalled_by_pronoun(doc, index, sentence, &found, trace) {
            // What follows the pronoun tells the earlier incident, not the one before it.
            let at = recalled.trigger.first;
            for m in out.iter_mut().rev().take_while(|m| m.sentence == index) {
                if m.clause.contains(&at) {
                    m.clause.end = at;
                }
            }
            out.push(recalled);
        }
    }
    out
}

/// "L'attaque de vendredi intervient après celle du lundi 13 septembre": the pronoun after
/// "after" stands for an earlier incident of the kind told just before it, recalled with the
/// date and place that follow.
fn recalled_by_pronoun(
    doc: &Doc<'_>,
    index: usize,
    sentence: &Sentence,
    found: &[Trigger],
    trace: &mut Trace,
) -> Option<IncidentMention> {
    let (first, last, _) = doc.find(List::RecallPronouns, sentence.tokens.clone()).into_iter().next()?;
    let kind = found.iter().rfind(|t| t.last < first)?;
    let trigger = Trigger { first, last, frame: kind.frame, passive: false };
    cov_mark::hit!(a_pronoun_recalls_an_earlier_incident);
    trace.note(|| Note::Mention {
        trigger: doc.span_of(first, last),
        frame: trigger.frame,
        modality: Modality::Recalled,
        zone: sentence.zone,
    });
    Some(IncidentMention {
        sentence: index,
        clause: first..sentence.tokens.end,
        trigger,
        others: Vec::new(),
        modality: Modality::Recalled,
        zone: sentence.zone,
        reference: false,
        summary: false,
        pronoun: true,
        comes_after: false,
        depicted: false,
    })
}

#[cfg(test)]
mod participle_tests {
    use super::participle_ending;

    #[test]
    fn participle_endings_are_read_in_any_case_as_the_lower_cased_word_ends() {
        for word in ["attaqué", "ATTAQUÉE", "tués", "Blessées", "É", "İé", "ΣÉ"] {
            let lowered = word.to_lowercase();
            let expected = ["é", "ée", "és", "ées"].iter().any(|end| lowered.ends_with(end));
            assert!(expected, "{word}");
            assert_eq!(participle_ending(word), expected, "{word}");
        }
        for word in ["attaque", "tue", "ées-", "ÉS ", "Σ", "", "es", "ees"] {
            let lowered = word.to_lowercase();
            let expected = ["é", "ée", "és", "ées"].iter().any(|end| lowered.ends_with(end));
            assert!(!expected, "{word}");
            assert_eq!(participle_ending(word), expected, "{word}");
        }
    }
}
