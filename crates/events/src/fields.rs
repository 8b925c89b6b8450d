//! Stage 4: the place, date and toll of one incident mention.
//!
//! - Place: the most precise place of the trigger's clause, else its sentence, else the
//!   paragraph, the incident told before, the headline, the story's country. Never a dateline
//!   city, a convoy's origin or destination, the neighbour across a border or a capital that
//!   speaks for its government. "near", "between" and "N km from" make it precision 2; a place
//!   the knowledge base lacks, introduced by a place word ("قرية X", "la localité de X"), is
//!   kept as a span and the incident placed at the known unit the text gives, precision 2.
//!   Places listed together after the trigger ("in Ségou and Kayes") are separate incidents.
//! - Date: the date expression nearest the trigger in its clause or sentence, else earlier
//!   in the paragraph; never the publication date by default.
//! - Toll: counts next to death words in the clause; parts of one toll summed; injuries never.

use crate::doc::Doc;
use crate::mention::{IncidentMention, Modality, Trigger};
use crate::trace::{NotHere, PlaceFrom};
use crate::zone::{Furniture, Sentence, Zone};
use marsad_extract::{Entity, How, Mention};
use marsad_kb::{Frame, List, PlaceKind};
use marsad_text::dates::{Date, DateMention, Precision};
use marsad_text::layout::Span;
use marsad_text::numbers::Count;
use std::ops::Range;

/// The place of an incident mention.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlaceChoice {
    /// Places of the incident: one, or several listed together (one incident each).
    pub places: Vec<Option<u32>>,
    pub precision: u8,
    pub from: PlaceFrom,
    /// A place the knowledge base lacks, named with a place word.
    pub unknown: Option<Span>,
    /// Other places the base lacks listed with `unknown` ("les villages de Di, Guiedougou et
    /// Lanfiera"): one incident each, at the same known unit.
    pub listed_unknown: Vec<Span>,
    /// How the extractor accepted the chosen place's mention (its support, found phonetically).
    pub how: Option<(marsad_extract::Support, bool)>,
}

impl PlaceChoice {
    /// The story's or the clause's country, and nothing more precise.
    fn country(country: u32) -> PlaceChoice {
        PlaceChoice {
            places: vec![Some(country)],
            precision: 3,
            from: PlaceFrom::Country,
            unknown: None,
            listed_unknown: Vec::new(),
            how: None,
        }
    }
}

/// How precisely a place locates an incident (0 best): a town, a region, an area or a river,
/// a country, then an area wider than a country (Africa, the Sahel).
pub(crate) fn rank(doc: &Doc<'_>, place: u32) -> u8 {
    if doc.kb.places[place as usize].broad {
        return 4;
    }
    match doc.place_kind(place) {
        PlaceKind::Town | PlaceKind::Neighbourhood => 0,
        PlaceKind::Region => 1,
        PlaceKind::Water | PlaceKind::Other => 2,
        PlaceKind::Country => 3,
    }
}

/// What the place and the date of a mention read of the sentences before it, gathered in one
/// pass over the document: a mention with no place or date of its own looked back through its
/// whole paragraph, sentence by sentence, which made one long paragraph quadratic.
pub(crate) struct Earlier<'d> {
    /// For each sentence, the first sentence of its block.
    block_start: Vec<usize>,
    /// For each sentence, the nearest earlier sentence of its block that names a place in the
    /// story's country, with that place.
    place: Vec<Option<(usize, u32)>>,
    /// For each sentence, the last date of the nearest earlier sentence of its block that gives
    /// one (neither background nor in a dateline).
    date: Vec<Option<&'d DateMention>>,
    /// For each sentence, the last date of the sentence right before it (in any block) when that
    /// sentence tells only history ("raided since 2015"): what a bare toll after it sums up.
    history: Vec<Option<&'d DateMention>>,
    /// For each sentence, the last day-precise date of the body before it, in any block: what
    /// "that day", "le même jour", "اليوم نفسه" point back to.
    day: Vec<Option<&'d DateMention>>,
    /// The headline sentences before the lede.
    headlines: Vec<usize>,
    /// The first of `headlines` that names a place (its position there), with that place.
    headline_place: Option<(usize, u32)>,
    /// With a trace only: each sentence's places that cannot be an incident's, which the trace
    /// lists for every sentence the fallback looks at.
    rejected: Option<Vec<Vec<(u32, NotHere)>>>,
}

impl<'d> Earlier<'d> {
    /// The index of `sentences`; `traced` keeps the rejected places for the trace.
    pub fn new(doc: &'d Doc<'_>, sentences: &[Sentence], traced: bool) -> Earlier<'d> {
        let in_focus = |p: u32| doc.focus.is_none_or(|f| doc.country_of(p) == Some(f));
        let n = sentences.len();
        let mut index = Earlier {
            block_start: Vec::with_capacity(n),
            place: Vec::with_capacity(n),
            date: Vec::with_capacity(n),
            history: Vec::with_capacity(n),
            day: Vec::with_capacity(n),
            headlines: Vec::new(),
            headline_place: None,
            rejected: traced.then(Vec::new),
        };
        let (mut start, mut place, mut date, mut day, mut history) = (0, None, None, None, None);
        let mut before_lede = true;
        for (i, s) in sentences.iter().enumerate() {
            if i > 0 && sentences[i - 1].block != s.block {
                (start, place, date) = (i, None, None);
            }
            index.block_start.push(start);
            index.place.push(place);
            index.date.push(date);
            index.history.push(history);
            history = match last_date(doc, s) {
                Some(_) => None,
                None => doc.dates_in(s.span).iter().rfind(|d| d.background),
            };
            index.day.push(day);
            let mut rejected = Vec::new();
            let found = places_in(doc, s, s.span, s.span.end, &mut rejected);
            place = found.iter().filter_map(|x| place_of(x)).find(|p| in_focus(*p)).map(|p| (i, p)).or(place);
            date = last_date(doc, s).or(date);
            if !s.zone.is_heading() {
                day = last_date(doc, s).filter(|d| d.precision == Precision::Day && !same_day(doc, s)).or(day);
            }
            before_lede &= s.zone != Zone::Lede;
            if before_lede && s.zone == Zone::Headline {
                index.add_headline(i, found.first().and_then(|x| place_of(x)));
            }
            if let Some(all) = &mut index.rejected {
                all.push(rejected);
            }
        }
        index
    }

    /// Sentence `i`, a headline before the lede whose best place is `place`.
    fn add_headline(&mut self, i: usize, place: Option<u32>) {
        if let (None, Some(p)) = (self.headline_place, place) {
            self.headline_place = Some((self.headlines.len(), p));
        }
        self.headlines.push(i);
    }

    /// With a trace, add to `notes` the rejected places of sentences `looked_at`.
    fn note_rejected(&self, looked_at: impl Iterator<Item = usize>, notes: &mut Vec<(u32, NotHere)>) {
        if let Some(all) = &self.rejected {
            for s in looked_at {
                notes.extend_from_slice(&all[s]);
            }
        }
    }
}

/// Sentence `s` says "that day", "le même jour", "the next day": its own date, if any, is not
/// a day of its own.
fn same_day(doc: &Doc<'_>, s: &Sentence) -> bool {
    doc.any(List::SameDay, s.tokens.clone()) || doc.any(List::NextDay, s.tokens.clone())
}

/// True when the name at token `first` authors a reaction named before it ("condemnation from
/// the United States", "إدانة من فرنسا"), or follows such an author in a list ("from the United
/// States, the European Union and France").
fn reacting(doc: &Doc<'_>, first: usize, floor: usize) -> bool {
    let right_after = doc.ends_before(List::Reactions, first, 1, floor);
    let listed = first > floor
        && (doc.tokens.folded(first).starts_with('و')
            || doc.token_is(List::Conjunctions, first - 1)
            || doc.token_is(List::DefiniteArticles, first - 1))
        && doc.ends_before(List::Reactions, first, REACTION_LIST, floor);
    marked!(right_after || listed, a_state_reacting_to_the_deed_is_no_place)
}

/// Tokens a list of reacting states may run before one of them.
const REACTION_LIST: usize = 8;

/// The last date sentence `s` gives that may date an incident of the sentences after it: not
/// background, not in its dateline.
fn last_date<'d>(doc: &'d Doc<'_>, s: &Sentence) -> Option<&'d DateMention> {
    doc.dates_in(s.span).iter().rfind(|d| !d.background && s.dateline.is_none_or(|l| !l.contains(d.span)))
}

/// Why a place mention of the sentence cannot be where the incident happened, if it cannot.
pub(crate) fn not_here(doc: &Doc<'_>, sentence: &Sentence, m: &Mention) -> Option<NotHere> {
    if sentence.dateline.is_some_and(|d| d.contains(m.span)) {
        return Some(NotHere::Dateline);
    }
    if doc.is_acting(m) {
        cov_mark::hit!(an_acting_state_is_not_the_place);
        return Some(NotHere::Acting);
    }
    if m.how == How::Border {
        cov_mark::hit!(a_country_named_by_its_border_is_no_place);
        return Some(NotHere::Border);
    }
    let first = doc.token_at(m.span.start);
    if doc.ends_before(List::Origin, first, 1, sentence.tokens.start) {
        cov_mark::hit!(origin_or_destination_is_not_here);
        return Some(NotHere::Origin);
    }
    if origin_further_back(doc, first, sentence.tokens.start) {
        cov_mark::hit!(the_town_of_what_they_came_from_is_not_here);
        return Some(NotHere::Origin);
    }
    if doc.ends_before(List::Hospital, first, 0, sentence.tokens.start) {
        cov_mark::hit!(the_hospital_the_wounded_reached_is_not_here);
        return Some(NotHere::Hospital);
    }
    if reacting(doc, first, sentence.tokens.start) {
        return Some(NotHere::Reacting);
    }
    if doc.ends_before(List::TimeZones, first, 0, sentence.tokens.start) {
        cov_mark::hit!(a_time_zone_is_not_here);
        return Some(NotHere::TimeZone);
    }
    if doc.ends_before(List::IssuedIn, first, 0, sentence.tokens.start) {
        cov_mark::hit!(where_a_statement_was_issued_is_not_here);
        return Some(NotHere::Statement);
    }
    if doc.is_patron(m, first) {
        cov_mark::hit!(the_state_a_force_is_tied_to_is_not_here);
        return Some(NotHere::Patron);
    }
    // "a annoncé le secrétaire général du gouvernorat de Tahoua": the official's seat.
    if doc.ends_before(List::OfficeTitles, first, 0, sentence.tokens.start) {
        cov_mark::hit!(the_seat_of_an_office_is_not_here);
        return Some(NotHere::Office);
    }
    if doc.ends_before(List::UnitWords, first, 0, sentence.tokens.start) {
        cov_mark::hit!(a_place_a_unit_is_named_after_is_not_here);
        return Some(NotHere::ActorNote);
    }
    if doc.where_a_group_is_active(first, sentence.tokens.start) {
        cov_mark::hit!(where_a_group_is_active_is_not_here);
        return Some(NotHere::ActorNote);
    }
    if in_a_note_on_an_actor(doc, sentence, first) {
        cov_mark::hit!(a_place_in_a_note_on_an_actor_is_not_here);
        return Some(NotHere::ActorNote);
    }
    if destination_after_leaving(doc, sentence, first) {
        cov_mark::hit!(destination_after_leaving_is_not_here);
        return Some(NotHere::Origin);
    }
    let Entity::Place(p) = m.entity else { return None };
    // "in the latest attack in the war-torn Sahel state": the country's epithet.
    let last = doc.last_token_before(m.span.end);
    let epithet = doc.kb.places[p as usize].broad
        && last + 1 < doc.tokens.len()
        && doc.starting_at(List::StateNouns, last + 1).is_some();
    if marked!(epithet, a_wide_area_in_an_epithet_of_the_country_is_no_place) {
        return Some(NotHere::Epithet);
    }
    let foreign = doc.focus.is_some_and(|f| doc.country_of(p) != Some(f));
    // "not far from the Mali border": the country names a border, not where it happened.
    // (Only a border word of its own: "Mali near the border with Guinea", "مالي قرب الحدود مع
    // غينيا" lie in Mali, near another border.)
    let named_border = doc.place_kind(p) == PlaceKind::Country
        && last + 1 < sentence.tokens.end
        && doc.tokens.items()[last].joined_to_next
        && doc.starting_at(List::Border, last + 1).is_some_and(|b| b.far_token == last + 1 && b.entry.role.is_none());
    if marked!(named_border, a_country_naming_a_border_is_no_place) {
        return Some(NotHere::Border);
    }
    // "على بعد خمسة كيلومترات من الحدود مع مالي": the border with a country lies outside it,
    // whichever country the story is about.
    let floor = sentence.tokens.start;
    let named = if first > floor && doc.token_is(List::DefiniteArticles, first - 1) { first - 1 } else { first };
    let with = named > floor
        && doc
            .ending_at(List::Border, named - 1)
            .is_some_and(|b| b.far_token >= floor && b.entry.role.as_deref() == Some("with"));
    if doc.place_kind(p) == PlaceKind::Country && marked!(with, the_border_with_a_country_is_outside_it) {
        return Some(NotHere::Border);
    }
    // ("dans l'ouest du pays, près du Burkina Faso": near a foreign country, not in it.)
    if doc.place_kind(p) == PlaceKind::Country && foreign && doc.ends_before(List::Border, first, 1, floor) {
        let near =
            |end: usize| doc.ending_at(List::Border, end).is_some_and(|b| b.entry.role.as_deref() == Some("near"));
        if (first.saturating_sub(2).max(floor)..first).any(near) {
            cov_mark::hit!(near_a_foreign_country_is_not_in_it);
        }
        return Some(NotHere::Border);
    }
    if doc.place_kind(p) != PlaceKind::Country {
        return None;
    }
    // "قرب الحدود مع توغو وغانا", "border with Togo and Ghana": the second country of the list too,
    // whichever country the story is about.
    // (French contracts the article with "de" in a list: "du Mali et du Niger".)
    let article = first > floor
        && (doc.token_is(List::DefiniteArticles, first - 1) || matches!(doc.tokens.folded(first - 1), "du" | "des"));
    let before = if article { first - 1 } else { first };
    let joined =
        doc.tokens.folded(first).starts_with('و') || (before > floor && doc.token_is(List::Conjunctions, before - 1));
    if joined && doc.ends_before(List::Border, first, BORDER_LIST, floor) {
        cov_mark::hit!(a_country_listed_after_a_border_is_no_place);
        return Some(NotHere::Border);
    }
    // "أدخلت بوركينا فاسو، على غرار مالي والنيجر، في دوامة عنف", "à l'instar du Mali": the countries
    // the story's one is compared with.
    let reach = if joined { BORDER_LIST } else { 1 };
    let compared = doc.ends_before(List::Comparisons, first, reach, floor);
    marked!(compared, a_country_compared_with_is_no_place).then_some(NotHere::Compared)
}

/// Token `first` lies in parentheses opened by an actor's name or right after one ("l'État
/// islamique au Sahel (EI, interdite en Russie)"): a note on the actor, not on the incident.
fn in_a_note_on_an_actor(doc: &Doc<'_>, sentence: &Sentence, first: usize) -> bool {
    // An actor's name that ends with token `t`, or starts with it.
    let actor_ends = |t: usize| {
        let at = doc.span_of(t, t);
        doc.mentions_in(doc.span_of(t.saturating_sub(NOTE_TOKENS).max(sentence.tokens.start), t))
            .any(|m| matches!(m.entity, Entity::Actor(_)) && m.span.end == at.end)
    };
    let actor_starts = |t: usize| doc.mentions_in(doc.span_of(t, t)).any(|m| matches!(m.entity, Entity::Actor(_)));
    for t in (sentence.tokens.start..first).rev().take(NOTE_TOKENS) {
        let gap = doc.gap_after(t);
        if gap.contains(')') {
            return false;
        }
        if gap.contains('(') {
            return actor_ends(t) || actor_starts(t + 1);
        }
    }
    false
}

/// "returning from the weekly market in Ayorou", "revenaient du marché d'Ayorou": an origin
/// phrase of two words or more a few words before the place, with no pause, no other place and
/// no incident word between, names where they came from.
fn origin_further_back(doc: &Doc<'_>, first: usize, floor: usize) -> bool {
    let Some(origin) = doc.entry_before(List::Origin, first, ORIGIN_REACH, floor) else { return false };
    let Some(origin_end) =
        (origin..first).find(|&t| doc.ending_at(List::Origin, t).is_some_and(|m| m.far_token == origin))
    else {
        return false;
    };
    // One word ("نحو", "vers") is too often something else ("نحو 2000 مقاتل") to reach further.
    if origin_end == origin {
        return false;
    }
    let between = origin_end + 1..first;
    // ("originally from Timbuktu in Léré": the origin named its own place first.)
    let place_between = doc
        .mentions_in(doc.span_of(between.start, first.saturating_sub(1)))
        .any(|m| matches!(m.entity, Entity::Place(_)));
    !between.is_empty()
        && !place_between
        && between.clone().all(|t| doc.tokens.items()[t].joined_to_next)
        && !doc.any(List::EventTriggers, between)
}

/// Words an origin word may stand before the place it names ("من السوق الأسبوعي في مدينة").
const ORIGIN_REACH: usize = 4;

/// Tokens back from a place within which a note's opening parenthesis is looked for.
const NOTE_TOKENS: usize = 8;

/// Tokens before a country joined to a list within which a border phrase may end.
const BORDER_LIST: usize = 4;

/// Tokens after a verb of leaving within which a destination mark names where travellers went.
const LEAVING_WINDOW: usize = 8;

/// "left Kidal by road for Gao": a destination mark right before the place, and a verb of
/// leaving a few words before the mark.
fn destination_after_leaving(doc: &Doc<'_>, sentence: &Sentence, first: usize) -> bool {
    let floor = sentence.tokens.start;
    let Some(mark) = doc.entry_before(List::DestinationMarks, first, 0, floor) else { return false };
    let from = mark.saturating_sub(LEAVING_WINDOW).max(floor);
    doc.any(List::Leaving, from..mark)
}

/// Place mentions of `span` that may be the incident's place, best first.
fn places_in<'a>(
    doc: &Doc<'a>,
    sentence: &Sentence,
    span: Span,
    trigger_at: u32,
    notes: &mut Vec<(u32, NotHere)>,
) -> Vec<&'a Mention> {
    let mut found: Vec<&Mention> = Vec::new();
    for m in doc.mentions_in(span) {
        let Entity::Place(p) = m.entity else { continue };
        match verdict(doc, sentence, m, p) {
            Some(why) => notes.push((p, why)),
            // "le camp de Dioura, à l'est de Mopti": the town a bearing measures from, after another
            // town, is that town's landmark.
            None if rank(doc, p) == 0 && bearing_from(doc, m, &found) => {
                cov_mark::hit!(a_town_a_bearing_measures_from_is_a_landmark);
                notes.push((p, NotHere::Landmark))
            }
            // "au Palais de la culture, près du fleuve Niger": a river near which a town's
            // building stands locates it, not the incident.
            None if doc.place_kind(p) == PlaceKind::Water && near_before(doc, m) => {
                cov_mark::hit!(a_river_near_which_it_happened_is_a_landmark);
                notes.push((p, NotHere::Landmark))
            }
            None => found.push(m),
        }
    }
    found.sort_by_cached_key(|m| {
        let Entity::Place(p) = m.entity else { return (9, 0) };
        (rank(doc, p), distance(m.span, trigger_at))
    });
    found
}

/// How far a name or a date stands from the trigger, in chars; one before it counts double.
fn distance(span: Span, trigger_at: u32) -> u32 {
    if span.start >= trigger_at {
        span.start - trigger_at
    } else {
        trigger_at.saturating_sub(span.end) * 2
    }
}

/// Why place mention `m` (place `p`) of `sentence` cannot be where its incidents happened, as
/// far as the mention and its sentence tell, before the other places of the span are looked at;
/// remembered per sentence and mention ([`Doc::place_verdicts`]).
fn verdict(doc: &Doc<'_>, sentence: &Sentence, m: &Mention, p: u32) -> Option<NotHere> {
    let key = (sentence.tokens.start, sentence.tokens.end, m as *const Mention);
    if let Some(&known) = doc.place_verdicts.borrow().get(&key) {
        return known;
    }
    let found = not_here(doc, sentence, m)
        // "200 km au nord de Bamako": not where it happened; the text's other places say more.
        .or_else(|| (rank(doc, p) == 0 && landmark(doc, m)).then_some(NotHere::Landmark))
        .or_else(|| in_a_speaker_s_phrase(doc, sentence, m).then_some(NotHere::Speaker));
    doc.place_verdicts.borrow_mut().insert(key, found);
    found
}

/// Mention `m` names where an official or a source speaks from ("a security source in Sikasso
/// reported", "a déclaré un responsable de l'armée à Tombouctou", "قال مسؤول أمني في سيكاسو",
/// "Gao officials said"): not the incident's place. A local speaker speaks of his own town.
fn in_a_speaker_s_phrase(doc: &Doc<'_>, sentence: &Sentence, m: &Mention) -> bool {
    let first = doc.token_at(m.span.start);
    let last = doc.last_token_before(m.span.end);
    let floor = sentence.tokens.start;
    let end = sentence.tokens.end;
    // The speaker noun before the place ("source in", "مسؤول أمني في") or right after it ("Gao officials").
    // Nothing but words between: "near Kidal, officials said" names no speaker's place.
    let unbroken = |from: usize, to: usize| !doc.tokens_text(from, to).contains([',', '،', '.', ';']);
    let noun_before =
        doc.entry_before(List::SpeakerNouns, first, SPEAKER_NOUN_GAP, floor).filter(|&noun| unbroken(noun, first));
    let noun_after = last + 1 < end
        && doc.gap_after(last).trim().is_empty()
        && doc.starting_at(List::SpeakerNouns, last + 1).is_some();
    let Some(noun) = noun_before.or(noun_after.then_some(first)) else { return false };
    // "صرح مصدر محلي بأن الهجمات على كايس": a place after what opens the report is reported.
    if doc.any(List::Complementizers, noun..first) {
        return false;
    }
    // "a local official in Boni said", "قال مسؤول محلي في بوني": he speaks of his own town.
    let local = |at: usize| doc.token_is(List::LocalQualifiers, at);
    if (noun.saturating_sub(1)..(noun + 3).min(first)).any(local) {
        cov_mark::hit!(a_local_speaker_speaks_of_his_own_town);
        return false;
    }
    // A report verb right after the phrase, or right before the noun (VS order).
    let after = (last + 1..(last + 1 + REPORT_AFTER).min(end)).any(|t| doc.starting_at(List::Attribution, t).is_some());
    let before = doc.ends_before(List::Attribution, noun, REPORT_BEFORE, floor);
    marked!(after || before, a_place_in_a_speaker_s_phrase_is_not_here)
}

/// Words ("in", "de l'armée à") between a speaker noun and the place it speaks for.
const SPEAKER_NOUN_GAP: usize = 5;
/// Tokens after a speaker's place within which its report verb comes ("in Sikasso reported").
const REPORT_AFTER: usize = 3;
/// Tokens between a report verb and the speaker noun after it ("a déclaré un responsable").
const REPORT_BEFORE: usize = 2;

/// The place ends a measured distance of more than [`LANDMARK_KM`] ("à 200 km au nord de",
/// "200 kilometres north of", "على بعد 200 كلم من"): a landmark, not where the incident
/// happened. Closer, it places the incident well enough ("25 km from Gaya").
fn landmark(doc: &Doc<'_>, m: &Mention) -> bool {
    let first = doc.token_at(m.span.start);
    let window = first.saturating_sub(LANDMARK_WINDOW)..first;
    marked!(
        window.filter_map(|t| doc.starting_at(List::Near, t).map(|found| (t, found))).any(|(a, found)| {
            // ("à 190 km de la capitale Niamey, à Kandadji": past a comma, the place itself.)
            let distance = found.entry.role.as_deref() == Some("distance");
            let past_a_comma = doc.tokens_text(found.far_token, first.saturating_sub(1)).contains([',', '،']);
            distance
                && !marked!(past_a_comma, a_place_past_the_comma_of_a_distance_is_no_landmark)
                && (a.saturating_sub(2)..=found.far_token)
                    .filter_map(|t| marsad_text::numbers::number_at(doc.text, doc.tokens, t))
                    .any(|(_, km, _)| km > LANDMARK_KM)
        }),
        a_place_a_distance_is_measured_from_is_a_landmark
    )
}

/// A bearing or "between" ends within [`BEARING_GAP`] tokens before mention `m` (or a distance
/// phrase starts within [`LANDMARK_WINDOW`]), and a town is named before it in the same span
/// (`earlier`): "Dioura, à l'est de la capitale régionale Mopti", "Tounouga, 25 km from Gaya",
/// "Boni, entre Douentza et Hombori".
fn bearing_from(doc: &Doc<'_>, m: &Mention, earlier: &[&Mention]) -> bool {
    let town = |x: &&Mention| place_of(x).is_some_and(|p| rank(doc, p) == 0);
    let first = doc.token_at(m.span.start);
    // "Tounouga, à 25 km de Gaya": a distance measures from a landmark as a bearing does.
    let distance = || {
        (first.saturating_sub(LANDMARK_WINDOW)..first)
            .find(|&t| doc.starting_at(List::Near, t).is_some_and(|n| n.entry.role.as_deref() == Some("distance")))
    };
    // "Le poste de Boni, entre Douentza et Hombori": the towns a place lies between.
    let between = || doc.entry_before(List::Between, first, BEARING_GAP, 0);
    let Some(bearing) = doc.entry_before(List::Bearings, first, BEARING_GAP, 0).or_else(distance).or_else(between)
    else {
        return false;
    };
    // Only words stand between ("غرب البلاد، بينها كايس، نيونو": the bearing is the country's).
    let between = doc.tokens_text(bearing, first.saturating_sub(1));
    let before = |x: &&Mention| town(x) && doc.token_at(x.span.start) < bearing;
    earlier.iter().any(before) && !between.contains([',', '،']) && !doc.any(List::CountryAnaphors, bearing..first)
}

/// Words ("la capitale régionale", "مدينة") between a bearing and the town it measures from.
const BEARING_GAP: usize = 3;

/// A word for "near" ends right before mention `m` ("près du fleuve Niger", "near the river").
fn near_before(doc: &Doc<'_>, m: &Mention) -> bool {
    let first = doc.token_at(m.span.start);
    (first.saturating_sub(3)..first).any(|t| doc.starting_at(List::Near, t).is_some_and(|n| n.far_token + 3 >= first))
}

/// Tokens between a distance phrase's start and the landmark it measures from.
const LANDMARK_WINDOW: usize = 6;

/// Kilometres beyond which a landmark no longer places an incident (the tolerance of the
/// evaluation's place match, and about a day's walk around a town).
const LANDMARK_KM: u64 = 50;

fn place_of(m: &Mention) -> Option<u32> {
    if let Entity::Place(p) = m.entity {
        Some(p)
    } else {
        None
    }
}

/// 1 for a town named as the place, 2 near it or between, 3 for a region or country.
fn precision(doc: &Doc<'_>, clause: &Range<usize>, m: &Mention) -> u8 {
    let Some(p) = place_of(m) else { return 3 };
    match doc.place_kind(p) {
        PlaceKind::Town | PlaceKind::Neighbourhood => {
            let first = doc.token_at(m.span.start);
            let window = first.saturating_sub(6).max(clause.start)..first;
            if doc.any(List::Near, window.clone()) || doc.any(List::Between, window) {
                2
            } else {
                1
            }
        }
        _ => 3,
    }
}

/// Places listed with `best` after it, joined by commas or "and" (attacks in Ségou and Kayes).
fn listed<'m>(doc: &Doc<'_>, best: &'m Mention, all: &[&'m Mention]) -> Vec<&'m Mention> {
    let Some(kind) = place_of(best).map(|p| doc.place_kind(p)) else { return vec![best] };
    let mut same: Vec<&Mention> =
        all.iter().copied().filter(|m| place_of(m).is_some_and(|p| doc.place_kind(p) == kind)).collect();
    same.sort_by_key(|m| m.span.start);
    // "نيونو (Niono)": the Latin gloss names the place again, it is no other member.
    let glossed = |a: &Mention, b: &Mention| {
        place_of(a) == place_of(b) && doc.text_of(Span { start: a.span.end, end: b.span.start }).trim() == "("
    };
    let best = same.windows(2).find(|w| std::ptr::eq(w[1], best) && glossed(w[0], w[1])).map_or(best, |w| w[0]);
    same.dedup_by(|b, a| glossed(a, b));
    let Some(start) = same.iter().position(|m| std::ptr::eq(*m, best)) else { return vec![best] };
    // The list may begin before the best place: walk back to its first member.
    let mut first = start;
    while first > 0 && joined(doc, same[first - 1], same[first]) {
        first -= 1;
    }
    let mut group = vec![same[first]];
    for pair in same[first..].windows(2) {
        if !joined(doc, pair[0], pair[1]) {
            break;
        }
        group.push(pair[1]);
    }
    let between = group.iter().any(|m| {
        let t = doc.token_at(m.span.start);
        doc.any(List::Between, t.saturating_sub(4)..t)
    });
    // "le secteur de Kayes-Nioro du Sahel", "l'axe Sévaré-Gao": two towns hyphenated name a
    // stretch between them, one place.
    let hyphenated = group
        .windows(2)
        .any(|pair| matches!(doc.text_of(Span { start: pair[0].span.end, end: pair[1].span.start }), "-" | "–"));
    if hyphenated {
        cov_mark::hit!(hyphenated_towns_name_one_stretch);
    }
    if between || hyphenated {
        // On the road between a capital and a town, the town says more.
        let town =
            group.iter().copied().find(|m| place_of(m).is_some_and(|p| doc.kb.places[p as usize].capital_of.is_none()));
        return vec![town.unwrap_or(best)];
    }
    if group.len() > 1 && group.iter().any(|m| std::ptr::eq(*m, best)) {
        group
    } else {
        vec![best]
    }
}

/// The word that ties a place to the noun before it ("le camp de Niono", "d'Ansongo").
const OF: [&str; 4] = ["de", "d", "du", "of"];

/// Two place mentions stand next to each other in a list, maybe with names the knowledge base
/// lacks between them ("كايس، نيونو، نيارو، ديبولي").
fn joined(doc: &Doc<'_>, a: &Mention, b: &Mention) -> bool {
    let gap = without_gloss(doc.text_of(Span { start: a.span.end, end: b.span.start }));
    let punctuated = gap.contains([',', '،', '-', '–']);
    // The gap's words, split once at spaces, commas and dashes.
    let words: Vec<&str> = gap
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | '-' | '–'))
        .filter(|w| !w.is_empty())
        .collect();
    let conjunction = |w: &&str| doc.is_word(List::Conjunctions, w);
    // Only commas, dashes and conjunctions (a proclitic و stays in the gap: the name excludes it).
    if words.iter().all(conjunction) {
        return true;
    }
    // ... and the preposition repeated after the comma or the conjunction ("à Léré et à Niono",
    // "وفي كيدال", "les camps de Sévaré, de Niono et de Bla", "in Niono, in Kati").
    let preposition = |w: &&str| doc.is_word(List::ListPrepositions, w) || OF.contains(&w.to_lowercase().as_str());
    let repeated = !gap.contains(['-', '–'])
        && (punctuated || words.iter().any(|w| conjunction(w) || w.starts_with('و')))
        && words.iter().all(|w| conjunction(w) || preposition(w));
    if repeated {
        cov_mark::hit!(a_list_of_places_repeats_its_preposition);
        return true;
    }
    // Each place with its own site: "معسكر بولوكسي ومطار تمبكتو", "le camp de Boulkessi et
    // l'aéroport de Tombouctou", "the Boulkessi camp and the Timbuktu airport".
    if !punctuated && sites_between(doc, &words) {
        cov_mark::hit!(places_each_with_its_site_form_a_list);
        return true;
    }
    // Up to two names the knowledge base lacks between the list's commas ("، تانغوري و"); not a
    // locative ("Ber, east of Timbuktu" places one town by another).
    if words.iter().any(|w| doc.is_word(List::Locatives, w)) {
        return false;
    }
    let unknown = words.iter().filter(|w| !conjunction(w) && !is_proclitic_and(w)).count();
    marked!(
        gap.contains([',', '،'])
            && (1..=2).contains(&unknown)
            && !gap.contains(['.', ':', '(', ')', '«', '»', '"', '\n']),
        list_runs_over_an_unknown_name
    )
}

/// The words between two places are a conjunction and the site of the second (or of the first):
/// "ومطار", "et l'aéroport de", "camp and the".
fn sites_between(doc: &Doc<'_>, words: &[&str]) -> bool {
    let site = |w: &str| {
        [List::PlaceWords, List::MilitaryTargets, List::CivilianTargets].into_iter().any(|l| doc.is_word(l, w))
    };
    let (mut and, mut sites) = (false, 0);
    for word in words {
        // An elided article sticks to its noun: "l'aéroport".
        let elided = ["l'", "l’", "d'", "d’"].iter().find_map(|a| word.strip_prefix(a)).filter(|w| !w.is_empty());
        let word = elided.unwrap_or(word);
        if doc.is_word(List::Conjunctions, word) {
            and = true;
        } else if word.strip_prefix('و').is_some_and(site) {
            (and, sites) = (true, sites + 1);
        } else if site(word) {
            sites += 1;
        } else if !doc.is_word(List::DefiniteArticles, word) && !OF.contains(&word.to_lowercase().as_str()) {
            return false;
        }
    }
    and && sites == 1
}

/// `gap` after the Latin spelling that glosses the Arabic name before it ("بانيكوارا (Banikoara)
/// وكاندي"): the list goes on after it.
fn without_gloss(gap: &str) -> &str {
    // The mention before may be the gloss itself, its parenthesis closing the gap.
    if let Some(rest) = gap.trim_start().strip_prefix(')') {
        cov_mark::hit!(a_latin_gloss_does_not_break_a_list);
        return rest;
    }
    let Some(inside) = gap.trim_start().strip_prefix('(') else { return gap };
    match inside.split_once(')') {
        Some((gloss, rest)) if !gloss.chars().any(marsad_text::fold::is_arabic_letter) => {
            cov_mark::hit!(a_latin_gloss_does_not_break_a_list);
            rest
        }
        _ => gap,
    }
}

/// A name with Arabic "and" attached ("ونيونو" leaves "و" in the gap, a name the base lacks keeps it).
fn is_proclitic_and(word: &str) -> bool {
    word == "و"
}

/// A place the knowledge base lacks that the extractor found after a place word in tokens
/// `range` (`Extraction::unlisted`), with the known unit the text locates it in.
fn unknown_place(doc: &Doc<'_>, range: Range<usize>) -> Option<(Span, Option<u32>)> {
    let span = doc.span_of(range.start, range.end.saturating_sub(1));
    doc.unlisted_in(span).map(|u| (u.span, u.within))
}

/// "حصار على العاصمة", "la capitale malienne", "the capital": the capital of the country the
/// clause names, or else of the story's country, when no town or region is named with it.
fn capital_named_by_anaphor(doc: &Doc<'_>, m: &IncidentMention, best: Option<u32>) -> Option<u32> {
    // Not when the capital's name follows ("على بعد مائة كلم شرق العاصمة نيامي"): the name says it.
    let named_after = |last: usize| {
        let after = doc.span_of(last + 1, (last + 3).min(doc.tokens.len() - 1));
        doc.mentions_in(after).any(|x| matches!(x.entity, Entity::Place(_)))
    };
    let anaphors = doc.find(List::CapitalAnaphors, m.clause.clone());
    if !anaphors.iter().any(|&(_, last, _)| last + 1 >= doc.tokens.len() || !named_after(last)) {
        return None;
    }
    let country = match best {
        None => doc.focus,
        Some(p) if doc.place_kind(p) == PlaceKind::Country => doc.country_of(p),
        Some(_) => None,
    };
    let capital = country.and_then(|c| doc.kb.capital(c));
    if capital.is_some() {
        cov_mark::hit!(the_capital_is_the_country_s_capital);
    }
    capital
}

/// A coup seizes a country: its mention is placed there, whatever town the sentence names.
pub(crate) fn coup_in_its_country(doc: &Doc<'_>, m: &IncidentMention, choice: &mut PlaceChoice) {
    if !doc.any(List::CoupWords, m.trigger.first..m.trigger.last + 1) {
        return;
    }
    let country = |p: u32| doc.country_of(p).and_then(|c| doc.kb.country_place(c));
    let national: Vec<Option<u32>> = choice.places.iter().map(|p| p.and_then(country).or(*p)).collect();
    if national != choice.places {
        cov_mark::hit!(a_coup_is_placed_in_its_country);
        choice.places = national;
        choice.places.dedup();
        choice.precision = 3;
        choice.unknown = None;
    }
}

/// Where the incident of mention `m` happened.
pub(crate) fn place(
    doc: &Doc<'_>,
    sentences: &[Sentence],
    earlier: &Earlier<'_>,
    m: &IncidentMention,
    story: Option<u32>,
    rejected: &mut Vec<(u32, NotHere)>,
) -> PlaceChoice {
    let mut choice = chosen_place(doc, sentences, earlier, m, story, rejected);
    // "une mission de l'armée en route vers Léré (région de Tombouctou) a été attaquée": with
    // nothing nearer than the unit, the town the convoy was bound for or came from, inside that
    // unit, locates the incident near it.
    // (A region only: a country holds towns far from where it happened, "bound for Bamako".)
    let unit = choice
        .places
        .first()
        .copied()
        .flatten()
        .filter(|&p| doc.place_kind(p) == PlaceKind::Region && choice.places.len() == 1);
    let end = rejected.iter().find_map(|&(p, why)| {
        (why == NotHere::Origin && rank(doc, p) == 0 && unit.is_some_and(|u| doc.inside(p, u))).then_some(p)
    });
    if let (Some(town), None) = (end, choice.unknown) {
        cov_mark::hit!(a_convoy_s_end_inside_the_unit_told_locates_it);
        choice.places = vec![Some(town)];
        choice.precision = 2;
    }
    choice
}

/// The place of mention `m` from what its clause, sentence and story name ([`place`]).
fn chosen_place(
    doc: &Doc<'_>,
    sentences: &[Sentence],
    earlier: &Earlier<'_>,
    m: &IncidentMention,
    story: Option<u32>,
    rejected: &mut Vec<(u32, NotHere)>,
) -> PlaceChoice {
    let sentence = &sentences[m.sentence];
    // Leaving a country happens at the level of the country being left: the story's.
    if m.trigger.frame == Frame::Evacuate {
        if let Some(country) = doc.focus_country_place() {
            cov_mark::hit!(evacuation_placed_in_the_country_left);
            return PlaceChoice::country(country);
        }
    }
    if m.trigger.frame == Frame::Blockade {
        if let Some(country) = blockade_of_no_place(doc, sentence, m) {
            return PlaceChoice::country(country);
        }
    }
    // "في نفس المنطقة", "in the same area": where the incident told before happened; a village the
    // base lacks named with it ("le site de Kiral, dans la même région") lies there.
    let same = doc.find(List::SamePlace, m.clause.clone());
    if let Some(&(_, _, role)) = same.first() {
        if let (Some(p), from) = fallback(doc, sentences, earlier, m, story, rejected) {
            cov_mark::hit!(the_same_area_is_the_place_told_before);
            // "dans la même région": the region of the town told before, not the town.
            let p = unit_of(doc, p, role).unwrap_or(p);
            let unknown = unknown_place(doc, m.clause.clone()).map(|(span, _)| span);
            let precision = if unknown.is_some() {
                2
            } else if rank(doc, p) == 0 {
                1
            } else {
                3
            };
            let from = if unknown.is_some() { PlaceFrom::AroundUnknown } else { from };
            return PlaceChoice {
                places: vec![Some(p)],
                precision,
                from,
                unknown,
                listed_unknown: Vec::new(),
                how: None,
            };
        }
    }
    let trigger_at = doc.span_of(m.trigger.first, m.trigger.first).start;
    let clause_span = doc.span_of(m.clause.start, m.clause.end.saturating_sub(1));
    let noted = rejected.len();
    let in_clause = places_in(doc, sentence, clause_span, trigger_at, rejected);
    let sentence_span = if m.comes_after { clause_span } else { sentence.span };
    let in_sentence = if sentence_span == clause_span {
        // The same span read again: the same places, and the same notes once more.
        rejected.extend_from_within(noted..);
        in_clause.clone()
    } else {
        places_in(doc, sentence, sentence_span, trigger_at, rejected)
    };
    let found = unknown_place(doc, m.clause.clone());
    let unknown = found.map(|(span, _)| span);
    let local = if in_clause.is_empty() { (in_sentence, PlaceFrom::Sentence) } else { (in_clause, PlaceFrom::Clause) };
    // A village the knowledge base lacks, located at the unit the text gives ("قرية X في منطقة سيغو").
    if let Some((span, within)) = found {
        // Never a unit the sentence rules out ("near the border with Togo and Ghana").
        let within = within.filter(|w| !rejected.iter().any(|(p, _)| p == w));
        let precise = local.0.first().and_then(|b| place_of(b)).is_some_and(|p| rank(doc, p) == 0);
        let unit = within.or_else(|| local.0.first().and_then(|b| place_of(b)));
        if let (Some(unit), false) = (unit, precise && within.is_none()) {
            cov_mark::hit!(unlisted_place_located_at_its_unit);
            let known = known_among_unlisted(doc, m, span).into_iter().map(Some);
            return PlaceChoice {
                places: std::iter::once(Some(unit)).chain(known).collect(),
                precision: 2,
                from: PlaceFrom::AroundUnknown,
                unknown: Some(span),
                listed_unknown: listed_unknown(doc, m, span),
                how: None,
            };
        }
    }
    // (Not a capital the sentence ruled out: "180 km from Bamako, the capital" measures from it.)
    let capital = capital_named_by_anaphor(doc, m, local.0.first().and_then(|b| place_of(b)));
    let ruled_out = |c: &u32| rejected.iter().any(|(p, _)| p == c);
    if let Some(capital) = capital.filter(|c| !marked!(ruled_out(c), a_capital_measured_from_is_no_place_by_anaphor)) {
        return PlaceChoice {
            places: vec![Some(capital)],
            precision: 1,
            from: local.1,
            unknown: None,
            listed_unknown: Vec::new(),
            how: None,
        };
    }
    // "…contre leur poste dans le centre du pays, un des foyers de la violence qui ensanglante le
    // Sahel": an area wider than a country places nothing the story's country does not. (The
    // extractor already read "في منطقة الساحل" in a story about Burkina Faso as its Sahel Region.)
    let broad = local.0.first().and_then(|b| place_of(b)).filter(|&p| doc.kb.places[p as usize].broad);
    let within = broad.and_then(|_| doc.focus_country_place()).map(|country| (country, PlaceFrom::Country));
    if let Some((place, from)) = within {
        cov_mark::hit!(an_area_wider_than_the_story_s_country_places_it_in_that_country);
        return PlaceChoice {
            places: vec![Some(place)],
            precision: 3,
            from,
            unknown,
            listed_unknown: unknown.map_or_else(Vec::new, |u| listed_unknown(doc, m, u)),
            how: None,
        };
    }
    if let Some(best) = local.0.first() {
        let mut places: Vec<Option<u32>> = listed(doc, best, &local.0).into_iter().map(place_of).collect();
        if places.len() == 1 && local.1 == PlaceFrom::Clause {
            if let Some(each) = segmented(doc, sentence, m, trigger_at) {
                places = each;
            }
        }
        let how = Some((best.support, best.phonetic));
        let precision = precision(doc, &m.clause, best);
        return PlaceChoice { places, precision, from: local.1, unknown: None, listed_unknown: Vec::new(), how };
    }
    // "في جنوب شرق البلاد", "dans le nord du pays", "a raid on a base in the north": the story's
    // country, not the place of the incident told before.
    let part = marked!(doc.any(List::CountryParts, m.clause.clone()), a_part_of_the_country_is_the_country);
    if part || doc.any(List::CountryAnaphors, m.clause.clone()) {
        if let Some(country) = doc.focus_country_place() {
            cov_mark::hit!(the_country_means_the_story_country);
            return PlaceChoice {
                places: vec![Some(country)],
                precision: 3,
                from: PlaceFrom::Country,
                unknown,
                listed_unknown: unknown.map_or_else(Vec::new, |u| listed_unknown(doc, m, u)),
                how: None,
            };
        }
    }
    let (place, from) = fallback(doc, sentences, earlier, m, story, rejected);
    let precision = match (place, unknown) {
        (Some(_), Some(_)) => 2,
        (Some(p), None) if rank(doc, p) == 0 => 1,
        _ => 3,
    };
    let from = if unknown.is_some() && place.is_some() { PlaceFrom::AroundUnknown } else { from };
    let listed_unknown = unknown.map_or_else(Vec::new, |u| listed_unknown(doc, m, u));
    PlaceChoice { places: vec![place], precision, from, unknown, listed_unknown, how: None }
}

/// Words (its doer's name aside) after a blockade's word within which its object stands ("حصار اقتصادي على العاصمة
/// باماكو", "a blockade on Kayes").
const BLOCKADE_OBJECT: usize = 5;

/// A blockade laid on goods or supplies and on no place ("un blocus sur les importations de
/// carburant", "حصار على واردات الوقود", "a blockade on several towns"), nor on the place that
/// undergoes it: the story's country's, not a town the sentence names for what the blockade
/// does to it ("la pénurie s'aggrave à Bamako").
fn blockade_of_no_place(doc: &Doc<'_>, sentence: &Sentence, m: &IncidentMention) -> Option<u32> {
    let is_place = |x: &Mention| matches!(x.entity, Entity::Place(_));
    // (The place that undergoes it, right before: "تواجه تمبكتو حصارا", "Kayes, under blockade".)
    let first = m.trigger.first.saturating_sub(BLOCKADE_OBJECT).max(m.clause.start);
    if first < m.trigger.first && doc.mentions_in(doc.span_of(first, m.trigger.first - 1)).any(is_place) {
        return None;
    }
    // ("fuel blockade", "حصار الوقود", "أزمة الوقود الناجمة عن الحصار": the goods in its own words
    // or right before them.)
    let mut goods = doc.any(List::BlockadeGoods, first..m.trigger.last + 1);
    // Its doer may stand between, and does not count: "حصار جماعة نصرة الإسلام والمسلمين لتمبكتو",
    // "le blocus imposé par le JNIM à Kayes".
    let (mut t, mut words) = (m.trigger.last + 1, 0);
    while t < sentence.tokens.end && words < BLOCKADE_OBJECT {
        let at = doc.span_of(t, t);
        let starting =
            || doc.mentions_in(doc.span_of(t, sentence.tokens.end - 1)).take_while(|x| x.span.start < at.end);
        // ("حصار على العاصمة": the capital, named by that word alone, is a place.)
        if starting().any(is_place) || doc.starting_at(List::CapitalAnaphors, t).is_some() {
            return None;
        }
        goods |= doc.starting_at(List::BlockadeGoods, t).is_some();
        match starting().filter(|x| matches!(x.entity, Entity::Actor(_))).map(|x| x.span.end).max() {
            Some(end) => t = doc.last_token_before(end) + 1,
            None => (t, words) = (t + 1, words + 1),
        }
    }
    let country = goods.then(|| doc.focus_country_place()).flatten()?;
    cov_mark::hit!(a_blockade_of_no_place_is_the_country_s);
    Some(country)
}

/// The unit of level `role` ("admin1", "admin2") that holds town `p`.
fn unit_of(doc: &Doc<'_>, p: u32, role: Option<&str>) -> Option<u32> {
    let place = &doc.kb.places[p as usize];
    let unit = match role? {
        "admin1" => place.region.as_deref(),
        "admin2" => place.admin2.as_deref(),
        _ => None,
    }?;
    cov_mark::hit!(the_same_region_is_the_unit_of_the_place_told_before);
    doc.kb.place_index(unit)
}

/// The asides of `clause` that compare its incident with another ("like the one in March,"):
/// from the comparison word to the comma after it, or the clause's end.
fn comparison_asides(doc: &Doc<'_>, clause: Range<usize>) -> Vec<Span> {
    let last = clause.end.saturating_sub(1);
    doc.find(List::Comparisons, clause.clone())
        .into_iter()
        .map(|(first, end, _)| {
            let close = (end..last).find(|&t| doc.gap_after(t).contains([',', '،'])).unwrap_or(last);
            doc.span_of(first, close)
        })
        .collect()
}

/// The towns the base knows listed among the places it lacks from unlisted place `first` on
/// ("les villages de Di, Guiedougou et Lanfiera"): one incident each, at their own place.
fn known_among_unlisted(doc: &Doc<'_>, m: &IncidentMention, first: Span) -> Vec<u32> {
    let clause = doc.span_of(m.clause.start, m.clause.end.saturating_sub(1));
    let mut out = Vec::new();
    // "entre Diédiéni et Kolokani": two places one incident lies between.
    if doc.ends_before(List::Between, doc.token_at(first.start), 1, m.clause.start) {
        return out;
    }
    let mut last = first;
    loop {
        let rest = Span { start: last.end, end: clause.end };
        let unlisted = doc.unlisted_in(rest).map(|u| u.span);
        let town = doc
            .mentions_in(rest)
            .find(|x| place_of(x).is_some_and(|p| rank(doc, p) == 0))
            .filter(|x| unlisted.is_none_or(|u| x.span.start < u.start));
        let next = town.map(|x| x.span).or(unlisted);
        let Some(next) = next else { break };
        if !listed_on(doc, last, next) {
            break;
        }
        if let Some(p) = town.and_then(place_of) {
            out.push(p);
        }
        last = next;
    }
    if !out.is_empty() {
        cov_mark::hit!(a_known_town_listed_with_villages_the_base_lacks_is_one_incident_more);
    }
    out
}

/// Only commas and a conjunction stand between list members `last` and `next` ("Di, Guiedougou
/// et Lanfiera", "دي وغيدوغو").
fn listed_on(doc: &Doc<'_>, last: Span, next: Span) -> bool {
    let gap = doc.text_of(Span { start: last.end, end: next.start });
    let word = gap.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '،');
    word.is_empty() || word == "و" || doc.is_word(List::Conjunctions, word)
}

/// The places the base lacks listed right after unlisted place `first` in the clause of `m`
/// ("Di, Guiedougou et Lanfiera", "دي وغيدوغو"): only commas and a conjunction stand between them.
fn listed_unknown(doc: &Doc<'_>, m: &IncidentMention, first: Span) -> Vec<Span> {
    let clause = doc.span_of(m.clause.start, m.clause.end.saturating_sub(1));
    let mut out = Vec::new();
    let mut last = first;
    while let Some(next) = doc.unlisted_in(Span { start: last.end, end: clause.end }) {
        if !listed_on(doc, last, next.span) {
            break;
        }
        out.push(next.span);
        last = next.span;
    }
    if !out.is_empty() {
        cov_mark::hit!(villages_the_base_lacks_listed_are_one_incident_each);
    }
    out
}

/// One trigger with several targets, each told with its own place after a comma and a conjunction
/// ("استهدفت تجمعا في اجلهوك، ومقر الشرطة في تساليت، بالإضافة إلى معسكر في غوندام"): one incident
/// per segment, at the segment's best place.
fn segmented(doc: &Doc<'_>, sentence: &Sentence, m: &IncidentMention, trigger_at: u32) -> Option<Vec<Option<u32>>> {
    if !m.trigger.frame.is_violent() {
        return None;
    }
    let mut cuts = vec![m.trigger.last + 1];
    // "على معسكر في بولكيسي وعلى موقع في موندورو", "contre le camp de X et contre le poste de Y":
    // the target's marker said again after "and" opens a second target, comma or not.
    let mut marker_again = false;
    for t in m.trigger.last + 1..m.clause.end.saturating_sub(1) {
        let gap = doc.gap_after(t);
        let conjunction = doc.starting_at(List::Conjunctions, t + 1).is_some();
        let joined = conjunction || doc.tokens.folded(t + 1).starts_with('و');
        let again = (conjunction && doc.starting_at(List::TargetMarkers, t + 2).is_some())
            || doc.tokens.folded(t + 1).strip_prefix('و').is_some_and(|w| doc.is_word(List::TargetMarkers, w));
        if (gap.contains([',', '،']) && joined) || again {
            marker_again |= again;
            cuts.push(t + 1);
        }
    }
    cuts.push(m.clause.end);
    if cuts.len() < 4 && !(marker_again && cuts.len() == 3) {
        return None;
    }
    let mut each = Vec::new();
    for pair in cuts.windows(2) {
        let span = doc.span_of(pair[0], pair[1].saturating_sub(1));
        let found = places_in(doc, sentence, span, trigger_at.max(span.start), &mut Vec::new());
        let best = found.first().and_then(|x| place_of(x))?;
        each.push(Some(best));
    }
    each.dedup();
    (each.len() >= 2).then(|| {
        cov_mark::hit!(one_trigger_several_placed_targets);
        each
    })
}

/// A place from beyond the sentence: the paragraph, the story so far, the headline, the country.
fn fallback(
    doc: &Doc<'_>,
    sentences: &[Sentence],
    earlier: &Earlier<'_>,
    m: &IncidentMention,
    story: Option<u32>,
    rejected: &mut Vec<(u32, NotHere)>,
) -> (Option<u32>, PlaceFrom) {
    // The place of the nearest earlier sentence of the paragraph that names one.
    let paragraph = earlier.place[m.sentence];
    let looked_back = paragraph.map_or(earlier.block_start[m.sentence], |(s, _)| s);
    earlier.note_rejected((looked_back..m.sentence).rev(), rejected);
    if let Some((_, p)) = paragraph {
        return (Some(p), PlaceFrom::Paragraph);
    }
    // A list item under a heading line that names its place ("- غوندام – 11 سبتمبر 2024").
    if let Some(h) = heading_above(sentences, earlier, m) {
        let found = places_in(doc, h, h.span, h.span.end, rejected);
        if let Some(p) = found.first().and_then(|x| place_of(x)) {
            cov_mark::hit!(place_from_the_heading_above);
            return (Some(p), PlaceFrom::Heading);
        }
    }
    if let Some(p) = story {
        return (Some(p), PlaceFrom::Story);
    }
    let headlines = earlier.headline_place.map_or(earlier.headlines.len(), |(at, _)| at + 1);
    earlier.note_rejected(earlier.headlines[..headlines].iter().copied(), rejected);
    if let Some((_, p)) = earlier.headline_place {
        return (Some(p), PlaceFrom::Headline);
    }
    (doc.focus_country_place(), PlaceFrom::Country)
}

/// The date expression of mention `m`: nearest the trigger in its clause, its sentence, then earlier
/// in its paragraph.
pub(crate) fn date(
    doc: &Doc<'_>,
    sentences: &[Sentence],
    earlier: &Earlier<'_>,
    m: &IncidentMention,
) -> Option<DateMention> {
    let sentence = &sentences[m.sentence];
    let trigger_at = doc.span_of(m.trigger.first, m.trigger.first).start;
    // "the deadliest since last year", "منذ العام الماضي": a relative month or year opening a
    // period compares, it dates nothing.
    let compares = |d: &DateMention| marked!(d.background && d.relative, a_period_since_last_year_dates_nothing);
    // "The attack, like the one in March, killed…": the day of the incident compared with is not its own.
    let asides = comparison_asides(doc, m.clause.clone());
    let compared = |d: &DateMention| {
        marked!(asides.iter().any(|a| a.contains(d.span)), the_day_of_an_incident_compared_with_is_not_its_own)
    };
    let usable =
        |d: &&DateMention| sentence.dateline.is_none_or(|line| !line.contains(d.span)) && !compares(d) && !compared(d);
    // "قالت الحكومة اليوم إن الهجوم الذي وقع أمس", "said today that the attack, yesterday,": a day
    // before the complementizer that opens what is said dates the statement; any day inside the
    // statement comes first.
    let statement_opens = doc
        .find(List::Complementizers, sentence.tokens.start..m.trigger.first)
        .last()
        .map(|&(first, _, _)| doc.span_of(first, first).start);
    let of_the_statement = |d: &DateMention| statement_opens.is_some_and(|at| d.span.end <= at);
    let nearest = |span: Span| {
        doc.dates_in(span).iter().filter(usable).min_by_key(|d| (of_the_statement(d), distance(d.span, trigger_at)))
    };
    // "These events come just days after the surrender of…": known to the week, that long before
    // the news.
    if m.modality == Modality::Recalled {
        let offset = doc.find(List::RecallOffsets, m.clause.start..m.trigger.first).into_iter().last();
        let days = offset.and_then(|(_, _, role)| role.and_then(|r| r.parse::<i64>().ok()));
        let before = days.zip(doc.reference.filter(|r| r.day.is_some()));
        if let (Some((first, last, _)), Some((days, reference))) = (offset, before) {
            if nearest(doc.span_of(m.trigger.first, m.clause.end.saturating_sub(1))).is_none() {
                cov_mark::hit!(an_incident_recalled_days_before_is_dated_to_the_week);
                return Some(DateMention {
                    span: doc.span_of(first, last),
                    date: Date::from_day_number(reference.first_day() - days),
                    precision: Precision::WeekOrMonth,
                    relative: true,
                    background: false,
                });
            }
        }
    }
    // An earlier incident recalled as a cause ("after the abduction of journalists") is dated
    // only by what follows the cue, never by the day of the news around it.
    if m.modality == Modality::Recalled {
        let cause = doc
            .find(List::Recall, m.clause.start..m.trigger.first)
            .into_iter()
            .rev()
            .find(|&(_, _, role)| role == Some("cause"));
        if let Some((cue, _, _)) = cause {
            cov_mark::hit!(a_recalled_incident_is_dated_after_its_cue);
            // Up to the comma that ends the cause ("نتيجة انقلاب، الخميس،": the day is the news').
            let last = m.clause.end.saturating_sub(1);
            let end = (m.trigger.last..last).find(|&t| doc.gap_after(t).contains([',', '،'])).unwrap_or(last);
            return nearest(doc.span_of(cue, end)).copied();
        }
    }
    let clause = doc.span_of(m.clause.start, m.clause.end.saturating_sub(1));
    let own = nearest(clause).or_else(|| nearest(if m.comes_after { clause } else { sentence.span }));
    // A full date of its own ("le lendemain, vendredi 14 novembre") says it all.
    if let Some(d) = own.filter(|d| !d.relative && d.precision == Precision::Day) {
        return Some(*d);
    }
    // "Earlier that day", "le même jour", "في اليوم نفسه": the day of the incident told before
    // (Arabic reads "اليوم" there as today).
    if doc.any(List::SameDay, m.clause.clone()) {
        if let Some(d) = earlier.day[m.sentence] {
            cov_mark::hit!(that_day_is_the_day_told_before);
            return Some(*d);
        }
    }
    // "The next day", "le lendemain", "في اليوم التالي": the day after it; "two days later" two.
    // ("بعد يومين من مقتل…", "deux jours après l'attaque de…" recall an earlier incident instead.)
    let recalls = doc.find(List::Recall, m.clause.clone());
    let recalling =
        |first: usize, last: usize| recalls.iter().any(|&(rf, rl, _)| rf <= last && rl > last && rl >= first);
    let next_day = doc.find(List::NextDay, m.clause.clone()).into_iter().find(|&(first, last, _)| {
        !marked!(recalling(first, last), a_later_day_that_recalls_an_incident_is_no_next_day)
    });
    if let Some((first, last, entry)) = next_day {
        let days = entry.and_then(|r| r.parse::<i64>().ok()).unwrap_or(1);
        let next =
            earlier.day[m.sentence].and_then(|d| d.date).and_then(|d| Date::from_day_number(d.first_day() + days));
        if let Some(next) = next {
            cov_mark::hit!(the_next_day_is_the_day_after_the_one_told_before);
            let span = doc.span_of(first, last);
            return Some(DateMention {
                span,
                date: Some(next),
                precision: Precision::Day,
                relative: true,
                background: false,
            });
        }
    }
    if let Some(d) = own {
        return Some(*d);
    }
    // An incident recalled beside the news is not dated by the news told around it.
    if marked!(m.modality == Modality::Recalled, a_recalled_incident_takes_no_date_from_around_it) {
        return None;
    }
    // ("12 يناير, 2025 - 01:26" alone above the lede is the page's stamp, the day it was
    // published, not the incident's.)
    let stamp = |h: &Sentence, d: &DateMention| {
        h.zone == Zone::Boilerplate(Furniture::DateLine) && d.date.is_some() && d.date == doc.reference
    };
    // "Raided since 2015. More than 2,000 people have been killed": a bare toll, placed nowhere,
    // right after history sums it up.
    let placeless = || !doc.mentions_in(sentences[m.sentence].span).any(|x| matches!(x.entity, Entity::Place(_)));
    if let Some(d) = earlier.history[m.sentence].filter(|_| m.trigger.frame.is_consequence() && placeless()) {
        cov_mark::hit!(a_bare_toll_after_history_sums_it_up);
        return Some(*d);
    }
    earlier.date[m.sentence]
        .or_else(|| {
            let heading = heading_above(sentences, earlier, m)?;
            let found = doc.dates_in(heading.span).first()?;
            (!marked!(stamp(heading, found), the_page_s_stamp_above_the_lede_dates_no_incident)).then_some(found)
        })
        .copied()
}

/// True when date `d` follows a report verb ("said Saturday", "a indiqué vendredi", "said on
/// Tuesday"): the day of the statement, which may be later than the incident's.
pub(crate) fn dates_a_report(doc: &Doc<'_>, d: &DateMention, opening: usize) -> bool {
    let first = doc.token_at(d.span.start);
    if opens_a_report(doc, d, first, opening) {
        cov_mark::hit!(a_date_opening_a_report_dates_the_report);
        return true;
    }
    // Arabic puts the speaker between: "قال الجيش المالي السبت".
    let arabic = doc.tokens.items().get(first).is_some_and(|t| t.script == marsad_text::Script::Arabic);
    let found = doc.ends_before(List::Attribution, first, if arabic { 3 } else { 1 }, 0);
    if found {
        cov_mark::hit!(a_date_after_a_report_verb_dates_the_report);
        return true;
    }
    // "locals told AFP on Sunday", "a déclaré à Reuters lundi": the agency told stands between.
    let told = doc.entry_before(List::Attribution, first, OUTLET_GAP, 0).is_some_and(|cue| {
        let between = Span { start: doc.span_of(cue, cue).end, end: d.span.start };
        doc.mentions_in(between).any(|x| matches!(x.entity, Entity::Outlet(_)))
    });
    if marked!(told, a_date_after_the_agency_told_dates_the_report) {
        return true;
    }
    // "The army on Thursday denied", "the ministry on Tuesday said": the day right before the verb.
    let last = doc.last_token_before(d.span.end);
    // ("kidnapped on Thursday, according to AFP": a comma gives the day to what came before.)
    let unbroken = !doc.gap_after(last).contains([',', ';']);
    if !arabic && unbroken && last + 1 < doc.tokens.len() && doc.starting_at(List::Attribution, last + 1).is_some() {
        cov_mark::hit!(a_date_before_a_report_verb_dates_the_report);
        return true;
    }
    // "حسبما أفاد زعيم محلي وأحد السكان، يوم الثلاثاء": a longer list of speakers, as long as
    // nothing reported (no incident word) stands between them and the day.
    marked!(
        arabic
            && doc
                .entry_before(List::Attribution, first, SPEAKERS_SPAN, 0)
                .is_some_and(|cue| !doc.any(List::EventTriggers, cue..first)),
        a_date_after_the_speakers_dates_the_report
    )
}

/// Tokens an agency's name and a preposition may take between a report verb and its day.
const OUTLET_GAP: usize = 4;

/// Tokens of speakers an Arabic report verb may have before the day it was said.
const SPEAKERS_SPAN: usize = 7;

/// "On Monday, the army said it had…", "Lundi, l'armée a affirmé…": a weekday that opens its
/// sentence (`opening`, its first token), set off by a comma before a speaker and a report verb.
/// A month there ("In late July, the rebels claimed to have killed…") dates the incident.
fn opens_a_report(doc: &Doc<'_>, d: &DateMention, first: usize, opening: usize) -> bool {
    let last = doc.last_token_before(d.span.end);
    let weekday = d.relative && d.precision == Precision::Day;
    if !weekday || first > opening + 1 || !doc.gap_after(last).contains([',', '،']) {
        return false;
    }
    let end = (last + 1 + SPEAKER_TOKENS).min(doc.tokens.len());
    (last + 1..end).any(|t| doc.starting_at(List::Attribution, t).is_some())
}

/// Tokens a speaker may take between a day that opens the sentence and the report verb.
const SPEAKER_TOKENS: usize = 5;

/// The short line just above the mention's paragraph, if the paragraph opens with the mention's
/// sentence's block ("- Goundam – 11 septembre 2024" above the item it heads).
fn heading_above<'s>(sentences: &'s [Sentence], earlier: &Earlier<'_>, m: &IncidentMention) -> Option<&'s Sentence> {
    let index = earlier.block_start[m.sentence].checked_sub(1)?;
    // (A dateline line, "Abidjan" above "– Eight soldiers…", says where it was written; a caption
    // or a byline, "Nouakchott / AFP", where the picture or the story came from; a site's name
    // beside a title's bar, none at all.)
    let furniture = |h: &Sentence| {
        h.zone == Zone::Dateline
            || matches!(h.zone, Zone::Boilerplate(Furniture::Caption | Furniture::Byline | Furniture::SiteName))
    };
    Some(&sentences[index]).filter(|h| !furniture(h) && (h.zone == Zone::Heading || h.tokens.len() <= 8))
}

/// Longest description of the counted ("dont des femmes et des enfants") skipped between a
/// count and its death word.
const DESCRIPTION_TOKENS: usize = 10;

/// Words between a count and the things it takes a share of ("trois de ses camions", "three of
/// its trucks", "ثلاث من"), folded.
const SHARE_WORDS: &[&str] = &["de", "d", "des", "ses", "leurs", "leur", "of", "its", "their", "the", "من"];

/// A count this large tells a conflict's toll or its displaced, never one incident's dead.
const CONFLICT_SCALE: u64 = 10_000;

/// How far a death word may stand before a count, and after it.
const BEFORE_COUNT: usize = 3;
const AFTER_COUNT: usize = 6;

/// A number of deaths, and whom it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Toll {
    /// How many died.
    pub value: u64,
    /// Every one counted is named as an attacker ("ten terrorists were neutralised"): ACLED adds
    /// them to the victims of the same incident rather than reading them as another estimate.
    pub attackers: bool,
    /// Attackers are counted with others ("dix civils, trois soldats et 88 assaillants"): the
    /// toll is already everyone's, and a later count of attackers alone adds nothing to it.
    pub with_attackers: bool,
    /// Only an order of magnitude's floor ("plusieurs dizaines", "dozens", "عشرات" read as 10 or
    /// 12): another source's figure says more.
    pub floor: bool,
}

/// The deaths the clause of `m` reports; 0 when it says nobody was hurt; `None` when it gives no number.
pub(crate) fn toll(doc: &Doc<'_>, m: &IncidentMention) -> Option<Toll> {
    let range = m.clause.clone();
    let span = doc.span_of(range.start, range.end.saturating_sub(1));
    let counts: &[Count] = doc.counts_in(span);
    let mut deaths: Vec<(usize, usize)> =
        doc.find(List::Fatality, range.clone()).into_iter().map(|(a, b, _)| (a, b)).collect();
    deaths.extend(
        std::iter::once(&m.trigger)
            .chain(&m.others)
            .filter(|t: &&Trigger| matches!(t.frame, Frame::Kill | Frame::Execute))
            .map(|t| (t.first, t.last)),
    );
    let injuries: Vec<(usize, usize)> =
        doc.find(List::Injury, range.clone()).into_iter().map(|(a, b, _)| (a, b)).collect();
    let places: Vec<usize> = doc
        .mentions_in(span)
        .filter(|x| matches!(x.entity, Entity::Place(_)))
        .map(|x| doc.token_at(x.span.start))
        .collect();
    // "ont tué, lundi 21 octobre, cinq civils": a date between the death word and the count
    // does not part them.
    let dates = doc.dates_in(span);
    let dated = |a: usize, b: usize| {
        (a..b)
            .filter(|&t| {
                let at = doc.span_of(t, t);
                dates.iter().any(|d| d.span.start <= at.start && at.end <= d.span.end)
            })
            .count()
    };
    // Tokens of actors named between two tokens (a doer between a verb and its count).
    let actor_tokens: Vec<(usize, usize)> = doc
        .mentions_in(span)
        .filter(|x| matches!(x.entity, Entity::Actor(_)))
        .map(|x| (doc.token_at(x.span.start), doc.last_token_before(x.span.end)))
        .collect();
    let named = |a: usize, b: usize| {
        let covered = (a..b).filter(|&t| actor_tokens.iter().any(|&(f, l)| f <= t && t <= l)).count();
        // The conjunctions joining two named doers go with them.
        let joins = (a..b).filter(|&t| doc.token_is(List::Conjunctions, t)).count();
        if covered > 0 {
            covered + joins
        } else {
            0
        }
    };
    // "14 civils, dont des femmes et des enfants, avaient été tués": the description of the
    // counted, up to its closing comma or else the death word, does not part the count from it
    // ("Eight people including two aid workers were killed").
    let inside_description = |a: usize, b: usize| {
        let described: Vec<(usize, usize)> = doc
            .find(List::VictimDescriptions, a..b)
            .into_iter()
            .map(|(d, _, _)| {
                let closed = (d..b).find(|&t| doc.gap_after(t).contains([',', '،']));
                if closed.is_none() {
                    cov_mark::hit!(a_description_runs_to_the_death_word);
                }
                (d, closed.unwrap_or(b - 1))
            })
            .filter(|&(d, e)| e - d <= DESCRIPTION_TOKENS)
            .collect();
        (a..b).filter(|&t| described.iter().any(|&(df, dl)| df <= t && t <= dl)).count()
    };
    let near = |cues: &[(usize, usize)], first: usize, last: usize| {
        cues.iter()
            .filter_map(|&(cf, cl)| {
                if cl < first {
                    // Dates are only counted out of a gap too long without them; a count's own
                    // approximation ("مقتل أكثر من 200", "tué au moins 12") parts nothing.
                    let approx: usize = doc.find(List::AtLeast, cl + 1..first).iter().map(|&(a, b, _)| b + 1 - a).sum();
                    let raw = (first - cl).saturating_sub(approx).max(1);
                    // "قتل الفيلق الأفريقي والقوات المسلحة المالية ستة مسلحين": nor does the doer
                    // named between an Arabic verb and its count.
                    let arabic = doc.tokens.items()[cl].script == marsad_text::Script::Arabic;
                    // Nor does the incident word itself ("قتلت غارات بطائرات مسيرة 21 مدنيا").
                    let subject = (cl + 1..first).filter(|t| (m.trigger.first..=m.trigger.last).contains(t)).count();
                    let named = if arabic { named(cl + 1, first) + subject } else { 0 };
                    let gap = if raw > BEFORE_COUNT { raw.saturating_sub(dated(cl + 1, first) + named) } else { raw };
                    (gap <= BEFORE_COUNT).then_some(gap)
                } else if cf > last {
                    let raw = cf - last;
                    let gap = if raw > AFTER_COUNT {
                        // "49 مدنيا و15 جنديا على الأقل قتلوا": "at least" parts nothing either.
                        // "Two drivers were also killed": nor does "also".
                        let at_least: usize = [List::AtLeast, List::TollAdditions]
                            .into_iter()
                            .flat_map(|list| doc.find(list, last + 1..cf))
                            .map(|(a, b, _)| b + 1 - a)
                            .sum();
                        raw - inside_description(last + 1, cf) - at_least.min(raw)
                    } else {
                        raw
                    };
                    (gap <= AFTER_COUNT).then_some(gap)
                } else {
                    Some(0)
                }
            })
            .min()
    };
    // "The death toll has risen to 28": the count a toll reaches, with no word of death by it.
    let reached = |first: usize| {
        marked!(
            doc.ends_before(List::TollReaches, first, 0, range.start) && doc.any(List::TollNouns, range.start..first),
            the_count_a_toll_reaches_is_the_dead
        )
    };
    let mut total: Option<u64> = None;
    let mut attackers = true;
    let mut some_attackers = false;
    let mut floor = true;
    let mut previous: Option<usize> = None;
    let mut first_counted: Option<usize> = None;
    // The counts not taken just before, with their tokens, each joined to the next by a comma or
    // a conjunction: a list may open before the death word reaches it ("Dix civils, trois soldats
    // et 88 assaillants ont été tués").
    let mut skipped: Vec<(usize, usize, u64)> = Vec::new();
    let listed = |pl: usize, first: usize| {
        first > pl
            && first <= pl + 5 + named(pl + 1, first)
            && !injuries.iter().any(|c| c.0 > pl && c.1 < first)
            && !places.iter().any(|t| *t > pl && *t < first)
    };
    let incidents: Vec<usize> =
        std::iter::once(&m.trigger).chain(&m.others).filter(|t| !t.frame.is_consequence()).map(|t| t.first).collect();
    // ("like one in March": the count of the incident compared with.)
    let asides = comparison_asides(doc, m.clause.clone());
    for count in counts.iter().filter(|c| !asides.iter().any(|a| a.contains(c.span))) {
        let first = doc.token_at(count.span.start);
        let last = doc.last_token_before(count.span.end);
        // An article ("un poste", "a patrol") is not a count; a count of incidents ("two attacks") is not a toll.
        // ("faisant un mort", "un tué": an article before a word of death counts one.)
        let article = count.value == 1
            && first == last
            && doc.token_is(List::IndefiniteArticles, first)
            && !marked!(doc.starting_at(List::Fatality, last + 1).is_some(), an_article_before_a_death_noun_counts_one);
        // ("تسعة إرهابيين واعتقل": a trigger joined by a conjunction counts nothing.)
        let of_incidents = incidents.iter().any(|&t| t > last && t <= last + 2 && !conjunction_before(doc, last, t));
        if of_incidents {
            continue;
        }
        // "عشرات الصهاريج", "50 camions", "dozens of tankers": things counted, not the dead; so
        // are places ("in one district of the town", "trois villages").
        if marked!(doc.starting_at(List::CountedThings, last + 1).is_some(), a_count_of_things_is_no_toll) {
            continue;
        }
        // "trois de ses camions", "three of its trucks", "ثلاثا من شاحناتها": a share of things.
        let share = (last + 2..=(last + 3).min(range.end.saturating_sub(1))).any(|at| {
            (last + 1..at).all(|t| SHARE_WORDS.contains(&doc.tokens.folded(t)))
                && doc.starting_at(List::CountedThings, at).is_some()
        });
        if marked!(share, a_share_of_things_is_no_toll) {
            continue;
        }
        if marked!(doc.starting_at(List::PlaceWords, last + 1).is_some(), a_count_of_places_is_no_toll) {
            continue;
        }
        // "tué plusieurs soldats", "killed several soldiers", "مقتل عدة جنود": no number is given.
        if marked!(count.few(), a_quantifier_gives_no_toll) {
            continue;
        }
        // "killing thousands", "مقتل الآلاف": an order of magnitude that large tells a conflict's
        // toll, never one incident's.
        // ("deux millions de déplacés" after "milliers de morts": a count of tens of thousands or
        // more is never one incident's dead.)
        let huge = count.value >= CONFLICT_SCALE;
        if marked!((count.vague && count.value >= 1000) || huge, thousands_are_no_incident_s_toll) {
            continue;
        }
        // "Of the 60 soldiers there, 27 were killed": the group's size, when another count follows.
        let total_of_a_group = doc.ends_before(List::PartitiveTotals, first, 0, range.start)
            && counts.iter().any(|c| doc.token_at(c.span.start) > last);
        if marked!(total_of_a_group, the_size_of_a_group_is_no_toll) {
            continue;
        }
        // "one resident of Djibo told AFP", "deux témoins ont affirmé": the number of those who speak.
        let speaks = doc
            .find(List::Attribution, last + 1..(last + 1 + SPEAKER_GAP).min(range.end))
            .first()
            .is_some_and(|&(a, b, _)| {
                // "27 soldiers were confirmed dead": a death word by the verb tells what it says.
                !deaths.iter().chain(&injuries).any(|&(cue, _)| cue > last && cue <= b + SPEAKER_GAP)
                    && (last..a).all(|t| !doc.gap_after(t).contains([',', '،', '.', ';', '(']))
            });
        if marked!(speaks, the_number_of_those_who_speak_is_no_toll) {
            continue;
        }
        // "وأكد قريب أحد السائقين، وقوع قتلى", "a dit un proche de l'un des chauffeurs, ajoutant que…":
        // a count inside the speaker's words, closed by a comma before the death word, counts
        // who speaks.
        let opened =
            doc.find(List::Attribution, range.start..first).last().is_some_and(|&(_, b, _)| first <= b + SPEAKER_GAP);
        let closed = (last..(last + AFTER_COUNT).min(range.end)).find(|&t| doc.gap_after(t).contains([',', '،']));
        let death_after = |at: usize| deaths.iter().any(|&(df, _)| df > at);
        if marked!(opened && closed.is_some_and(death_after), a_count_in_the_speaker_s_words_is_no_toll) {
            continue;
        }
        // "attaquée par plusieurs centaines de terroristes", "من قبل عدة مئات": the attackers' number.
        // ("Par ailleurs, neuf personnes": a comma parts "par" from the count.)
        let agent = doc.entry_before(List::AgentMarkers, first, 1, range.start);
        if agent.is_some_and(|at| !comma_between(doc, at, first)) {
            cov_mark::hit!(the_attackers_number_is_no_toll);
            continue;
        }
        // "خطف مسلحون خمسة هنود وقتلوا 12 جنديا", "abducted five workers and killed 12 soldiers":
        // a death verb joined after this count that has a count of its own counts those.
        // ("مقتل عشرة مدنيين و"تحييد" 88 مسلحا": a death word before the count still counts it.)
        let dead_before = deaths.iter().any(|&(_, dl)| dl < first && first <= dl + BEFORE_COUNT);
        let number_at = |at: usize| {
            counts.iter().any(|c| doc.token_at(c.span.start) == at) && !doc.token_is(List::IndefiniteArticles, at)
        };
        let owned_next = !dead_before
            && deaths.iter().any(|&(df, dl)| {
                df > last
                    && df <= last + AFTER_COUNT
                    && conjunction_before(doc, last, df)
                    && (dl + 1..=dl + 2).any(number_at)
            });
        if marked!(owned_next, a_count_before_another_verb_s_dead_is_not_theirs) {
            continue;
        }
        let injury = near(&injuries, first, last);
        let death = near(&deaths, first, last).or_else(|| (injury.is_none() && reached(first)).then_some(0));
        // "30 قتيلا وجريحا", "30 morts et blessés", "30 killed or wounded": casualties, not deaths.
        // ("لقي 11 شخصا حتفهم وأصيب أكثر من 20 آخرين": an injury word with a count of its own
        // counts others.)
        let counted_after = |il: usize| {
            counts.iter().any(|c| {
                let at = doc.token_at(c.span.start);
                at > il && at <= il + 3
            })
        };
        let casualties = deaths.iter().filter(|&&(df, _)| df > last && df <= last + 2).any(|&(_, dl)| {
            injuries
                .iter()
                .any(|&(a, il)| a > dl && a <= dl + 2 && conjunction_before(doc, dl, a) && !counted_after(il))
        });
        if marked!(casualties, killed_and_wounded_together_count_no_deaths) {
            continue;
        }
        // "بين 20 و30 قتيلا", "entre 20 et 30 morts": a range's lower end is the toll.
        let low_end = doc.ends_before(List::Between, first, 0, range.start);
        // "three killed and four wounded": a count right next to an injury word counts the wounded.
        // "un civil a été tué et une dizaine de passagers blessés": after the death word and a
        // conjunction, a count with an injury word after it and no death word counts the wounded.
        let wounded_after_and = injuries.iter().any(|&(a, _)| a > last && a <= last + AFTER_COUNT)
            && !deaths.iter().any(|&(df, _)| df > last && df <= last + AFTER_COUNT)
            && deaths
                .iter()
                .any(|&(_, dl)| dl < first && first <= dl + BEFORE_COUNT && conjunction_before(doc, dl, first));
        let is_death = !marked!(wounded_after_and, the_wounded_counted_after_the_dead_and_a_conjunction)
            && death.is_some_and(|d| injury.is_none_or(|i| d <= i));
        let wounded = injury.is_some_and(|i| i <= 1 && death.is_none_or(|d| i < d))
            || wounded_next(doc, counts, &deaths, &injuries, last)
            || wounded_after_and;
        let continues = !wounded
            && previous.is_some_and(|p| {
                first > p
                    // "quinze militaires de la Garde nationale et douze des forces armées": the
                    // unit named after a count does not part it from the next.
                    && first <= p + 5 + named(p + 1, first)
                    // "ثلاثة جنود وأربعة مهاجمين": the و may be the count's own proclitic.
                    && conjunction_before(doc, p, first)
                    && !injuries.iter().any(|c| c.0 > p && c.1 < first)
                    && !places.iter().any(|t| *t > p && *t < first)
                    // "تسعة قتلى واعتقل 31 آخرون": another incident's word counts the second.
                    && !incidents.iter().any(|&t| t > p && t <= last + 2)
                    // "tué 85 soldats et capturé 2 autres": the captured are not dead.
                    && !marked!(doc.any(List::SeizureVerbs, p + 1..first), the_captured_are_not_counted_among_the_dead)
                    // "30 soldats tués et deux faits prisonniers": nor are those the count's own verb captured.
                    && !marked!(
                        (last + 1..(last + 3).min(range.end)).any(|t| doc.starting_at(List::SeizureVerbs, t).is_some()),
                        the_captured_after_their_count_are_not_dead
                    )
            });
        // "Twenty soldiers and a civilian were killed": an article counts one only in a list of
        // victims that the death word closes after it, or before a person ("sept soldats morts
        // et un tragique accident" names no eighth victim).
        let a_victim = || {
            doc.starting_at(List::SingularVictims, first).is_some()
                || deaths.iter().any(|&(df, _)| df > last && df <= last + AFTER_COUNT)
        };
        let in_a_list = continues && total.is_some();
        if article && in_a_list && !a_victim() {
            cov_mark::hit!(an_article_before_no_victim_counts_none);
            continue;
        }
        if article && !in_a_list {
            continue;
        }
        if article {
            cov_mark::hit!(an_article_adds_one_victim_to_a_list);
        }
        let counted = if is_death && total.is_none() {
            // "ثلاثة جنود وثمانية متطوعين … مصرعهم": the count joined before it, too far from the
            // death word on its own, opens the same list of the dead.
            // The skipped counts open the list this count goes on: a conjunction joins them, or a
            // comma when a conjunction closes the list after it ("Ten civilians, three soldiers
            // and 88 attackers were killed").
            let closed_after = counts.iter().any(|c| {
                let at = doc.token_at(c.span.start);
                listed(last, at) && conjunction_before(doc, last, at)
            });
            let closes = skipped.last().is_some_and(|&(_, pl, _)| {
                listed(pl, first)
                    && (conjunction_before(doc, pl, first)
                        || marked!(closed_after && comma_between(doc, pl, first), a_list_of_the_dead_opens_with_commas))
            });
            let opened: &[(usize, usize, u64)] = if closes { &skipped } else { &[] };
            // "ستة أو سبعة أو تسعة قتلى", "six or seven dead": alternatives, the lowest stands.
            let or = opened.first().is_some_and(|&(pf, _, _)| alternative(doc, pf, first));
            total = Some(if marked!(or, counts_told_as_alternatives_give_the_lowest) {
                opened.iter().map(|&(_, _, v)| v).fold(count.value, u64::min)
            } else {
                count.value + opened.iter().map(|&(_, _, v)| v).sum::<u64>()
            });
            if let Some(&(pf, _, _)) = opened.first() {
                cov_mark::hit!(a_count_joined_before_the_first_dead_opens_the_list);
                first_counted = Some(pf);
            }
            true
        } else if continues && total.is_some() {
            let or = previous.is_some_and(|p| alternative(doc, p, first));
            let or = marked!(or, counts_told_as_alternatives_give_the_lowest);
            total = total.map(|t| if or { t.min(count.value) } else { t + count.value });
            true
        } else if total.is_some() {
            break;
        } else {
            false
        };
        if !counted && !article {
            // A count after a comma or a conjunction goes on the list; any other starts it again.
            let goes_on = skipped.last().is_some_and(|&(_, pl, _)| {
                listed(pl, first) && (conjunction_before(doc, pl, first) || comma_between(doc, pl, first))
            });
            if !goes_on {
                skipped.clear();
            }
            skipped.push((first, last, count.value));
        }
        if counted {
            first_counted.get_or_insert(first);
            previous = Some(last);
            // ("11 عنصرًا من منفذي الهجوم", "eleven of the attackers": a phrase may name them.)
            let attacker = (last + 1..=last + 2).any(|at| doc.starting_at(List::AttackerNouns, at).is_some());
            attackers &= attacker;
            some_attackers |= attacker;
            floor &= count.vague && matches!(count.value, 10 | 12 | 100);
            if marked!(low_end, a_range_counts_its_lower_end) {
                break;
            }
        }
    }
    if let (Some(value), Some(last), Some(first)) = (total, previous, first_counted) {
        let ends = singular_ends_the_list(doc, &range, last, &injuries);
        let opens = singular_opens_the_list(doc, &range, first);
        let one_more = u64::from(ends) + u64::from(opens);
        let only_attackers = attackers && one_more == 0;
        return Some(Toll {
            value: value + one_more,
            attackers: only_attackers,
            with_attackers: some_attackers && !only_attackers,
            floor: floor && one_more == 0,
        });
    }
    dual_victims(doc, &deaths, range.clone())
        .or_else(|| singular_victim(doc, counts, &deaths, range.clone()))
        .or_else(|| singular_death(doc, counts, range.clone()))
        .or_else(|| doc.any(List::NoCasualties, range).then_some(0))
        .map(|value| Toll { value, attackers: false, with_attackers: false, floor: false })
}

/// A comma stands between tokens `a` and `b`.
fn comma_between(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    (a..b).any(|t| doc.gap_after(t).contains([',', '،']))
}

/// "five soldiers were killed and four others were wounded": the first word of harm after the
/// count is an injury, and that injury word counts nobody of its own (Arabic puts the verb
/// before its count: "و3 مدنيين وأصيب 12" leaves the 3 to the dead).
fn wounded_next(
    doc: &Doc<'_>,
    counts: &[Count],
    deaths: &[(usize, usize)],
    injuries: &[(usize, usize)],
    last: usize,
) -> bool {
    let next = |cues: &[(usize, usize)]| {
        cues.iter().filter(|c| c.0 > last && c.0 <= last + AFTER_COUNT).min_by_key(|c| c.0).copied()
    };
    let Some((injury_first, injury_last)) = next(injuries) else { return false };
    if next(deaths).is_some_and(|d| d.0 < injury_first) {
        return false;
    }
    // "et deux autres blessés dans une embuscade": an article after the injury word counts nobody.
    let article = |c: &Count, at: usize| c.value == 1 && doc.token_is(List::IndefiniteArticles, at);
    let count_between_or_after = counts.iter().any(|c| {
        let at = doc.token_at(c.span.start);
        (at > last && at < injury_first) || (at > injury_last && at <= injury_last + 2 && !article(c, at))
    });
    marked!(!count_between_or_after, a_count_before_an_injury_word_counts_the_wounded)
}

/// Tokens after a count within which a report verb makes it the number of those who speak.
const SPEAKER_GAP: usize = 4;

/// Tokens after the last count of a list in which one more victim may be named.
const LIST_TAIL: usize = 6;

/// "Twenty soldiers and a civilian were killed", "عشرة متطوعين ومدنيا": a victim named in the
/// singular after a conjunction ends the list of the dead, unless it is the wounded's.
fn singular_ends_the_list(doc: &Doc<'_>, range: &Range<usize>, last: usize, injuries: &[(usize, usize)]) -> bool {
    let tail = last + 1 + LIST_TAIL;
    // Arabic counts 11 to 99 with a singular noun ("اثنا عشر جنديا"): that one is the count's own.
    let found = doc.find(List::SingularVictims, last + 1..range.end).into_iter().any(|(first, victim_last, _)| {
        // Farther than the list's tail, only "in addition to" ties the victim to the dead.
        let joined = added(doc, last, first) || (victim_last < tail && conjunction_before(doc, last, first));
        let wounded =
            injuries.iter().any(|&(a, b)| (a > last && b < first) || (a > victim_last && a <= victim_last + 2));
        joined && !wounded
    });
    if found {
        cov_mark::hit!(a_singular_victim_ends_a_list_of_the_dead);
    }
    found
}

/// "six soldiers were killed in the attack on the post, as well as a woman", "بالإضافة إلى
/// امرأة": a conjunction of several words ends right before the victim, after the count.
fn added(doc: &Doc<'_>, last: usize, first: usize) -> bool {
    let Some(start) = doc.entry_before(List::Conjunctions, first, 0, last + 1) else { return false };
    marked!(start + 1 < first, a_victim_added_after_the_toll_is_one_more_dead)
}

/// "قتل جندي وسبعة مسلحين", "a soldier and seven attackers were killed": a victim named in the
/// singular right before the first count, joined to it, opens the list of the dead.
fn singular_opens_the_list(doc: &Doc<'_>, range: &Range<usize>, first: usize) -> bool {
    let start = first.saturating_sub(LIST_TAIL).max(range.start);
    marked!(
        doc.find(List::SingularVictims, start..first)
            .into_iter()
            .any(|(_, victim_last, _)| victim_last + 2 >= first && conjunction_before(doc, victim_last, first)),
        a_singular_victim_opens_a_list_of_the_dead
    )
}

/// A conjunction joins what ends at token `left` to what begins at token `right`: a word of
/// the list between them, or the Arabic و on `right` itself ("عشرة متطوعين ومدنيا").
/// "or" stands between tokens `left` and `right` ("six or seven", "ستة أو سبعة").
fn alternative(doc: &Doc<'_>, left: usize, right: usize) -> bool {
    (left + 1..right).any(|t| doc.token_is(List::Alternatives, t))
}

fn conjunction_before(doc: &Doc<'_>, left: usize, right: usize) -> bool {
    // ("عسكري واحد": the و of "one" is its own first letter.)
    let and_attached = |t: usize| {
        let word = doc.tokens.folded(t);
        word.starts_with('و') && !matches!(word, "واحد" | "واحده" | "واحدة")
    };
    (left + 1..=right).any(|t| doc.token_is(List::Conjunctions, t) || (t == right && and_attached(t)))
}

/// Two victims named by an Arabic dual next to a death word ("قتل جنديان", "وقتلت امرأتان").
fn dual_victims(doc: &Doc<'_>, deaths: &[(usize, usize)], range: Range<usize>) -> Option<u64> {
    let victims = doc.find(List::DualVictims, range);
    let next_to = |(vf, vl): (usize, usize)| {
        deaths.iter().any(|&(df, dl)| (vf > dl && vf <= dl + 2) || (vl < df && df <= vl + 4) || (vf == df && vl == dl))
    };
    victims.into_iter().any(|(vf, vl, _)| next_to((vf, vl))).then(|| {
        cov_mark::hit!(toll_of_two_victims_in_a_dual);
        2
    })
}

/// A death told in the singular ("ولقي نجل القيادي مصرعه", "le fils du chef a été tué", "the
/// commander was killed") in a clause that counts nobody: one dead.
fn singular_death(doc: &Doc<'_>, counts: &[Count], range: Range<usize>) -> Option<u64> {
    let one = counts.is_empty() && doc.any(List::SingularDeaths, range);
    one.then(|| {
        cov_mark::hit!(toll_of_one_death_told_in_the_singular);
        1
    })
}

/// One victim named in the singular next to a death word ("قتل سائق", "un soldat a été tué"),
/// and the count joined to it ("دركي و14 عنصرا", "a gendarme and 14 guards": fifteen).
fn singular_victim(doc: &Doc<'_>, counts: &[Count], deaths: &[(usize, usize)], range: Range<usize>) -> Option<u64> {
    let victims = doc.find(List::SingularVictims, range);
    // How far a victim stands from the nearest death word it is next to (after it, or before).
    let next_to = |(vf, vl): (usize, usize)| {
        deaths
            .iter()
            .filter_map(|&(df, dl)| {
                if vf > dl && vf <= dl + 2 {
                    Some(vf - dl)
                } else if vl < df && df <= vl + 4 {
                    Some(df - vl)
                } else {
                    None
                }
            })
            .min()
    };
    // ("Un responsable a dit que les tués sont un gendarme et…": the nearest, not the speaker.)
    let (_, mut last) = victims.iter().filter_map(|&(vf, vl, _)| next_to((vf, vl)).map(|d| (d, vl))).min()?;
    cov_mark::hit!(toll_of_one_named_victim);
    // "قتل سائقها مع طفل", "killed the driver and a child": each victim named after it adds one.
    // (Not the noun of a count: "دركي و14 عنصرا" counts fourteen more, below.)
    let counted = |from: usize, to: usize| counts.iter().any(|c| (from..to).contains(&doc.token_at(c.span.start)));
    let mut named = 1;
    while let Some(&(_, next_last, _)) = victims.iter().find(|&&(vf, _, _)| {
        vf > last
            && vf <= last + 3
            && !counted(last + 1, vf)
            && (conjunction_before(doc, last, vf) || doc.ends_before(List::Accompaniment, vf, 0, last + 1))
    }) {
        cov_mark::hit!(victims_named_one_by_one_add_up);
        named += 1;
        last = next_last;
    }
    let joined = counts.iter().find(|c| {
        let first = doc.token_at(c.span.start);
        first > last && first <= last + 2 && conjunction_before(doc, last, first)
    });
    if joined.is_some() {
        cov_mark::hit!(a_count_joined_to_one_named_victim_adds_to_it);
    }
    Some(named + joined.map_or(0, |c| c.value))
}
