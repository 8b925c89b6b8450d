//! Event coding: the incidents a text reports, in ACLED's taxonomy, each field backed by the
//! words that support it.
//!
//! Architecture invariant: no IO and no failure, and time linear in the text's length. The
//! input is the text, its publication date and the [`marsad_extract::Extraction`] of it; the
//! output is a list of [`Event`]s whose spans count chars of that text. What the coder knows
//! of words, frames and weights comes from the knowledge base, through typed lists.
//!
//! The stages, each with one job and a [`trace::Trace`] of its decisions:
//! 1. [`zone`]: each sentence's zone (headline, dateline, lede, body, page furniture);
//! 2. [`mention`]: incident mentions, one per clause, with their modality;
//! 3. [`roles`]: candidates for doer and target with named features, scored;
//! 4. [`fields`]: place, date and toll of each mention;
//! 5. [`coref`]: the mentions of one incident joined into one event, claims linked.

/// `$found`, with the rule branch `$mark` recorded for the tests when it holds (`cov_mark`).
macro_rules! marked {
    ($found:expr, $mark:ident) => {{
        let found: bool = $found;
        if found {
            cov_mark::hit!($mark);
        }
        found
    }};
}

pub mod coref;
pub(crate) mod doc;
pub mod fields;
pub(crate) mod matches;
pub mod mention;
pub mod roles;
pub mod trace;
pub mod zone;

use doc::Doc;
use marsad_extract::{Entity, Extraction};
use marsad_kb::{ActorKind, EventType, Frame, KnowledgeBase, List, PlaceKind, SubEvent};
use marsad_text::dates::{Date, DateMention, Precision};
use marsad_text::layout::Span;
use marsad_text::Script;
use mention::{IncidentMention, Modality};
use roles::Roles;
use trace::{Note, Trace};
use zone::{Sentence, Zone};

/// Who the text says reported or claimed something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A news outlet or agency (outlet index).
    Outlet(u32),
    /// An actor speaking (actor index).
    Actor(u32),
}

impl Source {
    /// The outlet's or actor's usual name.
    pub fn name<'kb>(&self, kb: &'kb KnowledgeBase) -> &'kb str {
        match *self {
            Source::Outlet(o) => &kb.outlets[o as usize].name,
            Source::Actor(a) => &kb.actors[a as usize].name,
        }
    }
}

/// What one source says of an incident when sources disagree.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Who says it.
    pub source: Option<Source>,
    /// The toll it gives.
    pub fatalities: Option<u64>,
    /// The doer it names.
    pub actor1: Option<u32>,
    /// The sentence that says it.
    pub evidence: Span,
}

/// One coded incident.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// ACLED sub-event type (its event type follows).
    pub sub_event: SubEvent,
    /// The trigger frame that led it.
    pub frame: Frame,
    /// Who acted (actor index).
    pub actor1: Option<u32>,
    /// The target (actor index).
    pub actor2: Option<u32>,
    /// The most precise known place given (place index).
    pub place: Option<u32>,
    /// A more precise place the knowledge base lacks, as the text names it.
    pub unknown_place: Option<Span>,
    /// 1 the town itself, 2 near a town or part of a region, 3 only a region or country.
    pub geo_precision: u8,
    /// The date, possibly partial; `None` when the text gives none it can be resolved from.
    pub date: Option<Date>,
    /// Day, week or month, coarser.
    pub time_precision: Precision,
    /// Deaths reported (the lowest credible figure when sources differ); `None` when no number.
    pub fatalities: Option<u64>,
    /// The sentence that reports it best.
    pub evidence: Span,
    /// The trigger words of that sentence.
    pub trigger: Span,
    /// Who the text says reported or claimed it.
    pub attributed_to: Option<Source>,
    /// The attack was foiled (still an event).
    pub foiled: bool,
    /// What each source says when they disagree (empty otherwise).
    pub claims: Vec<Claim>,
    /// Sources disagree about this incident.
    pub disputed: bool,
    /// The date lies more than two years before publication: history, not news.
    pub background: bool,
    /// How sure the coder is, 0 to 1.
    pub confidence: f32,
    /// Every sentence that tells it.
    pub mentions: Vec<Span>,
}

impl Event {
    /// ACLED event type.
    pub fn event_type(&self) -> EventType {
        self.sub_event.event_type()
    }
}

/// One incident mention with its fields, before mentions of one incident are joined.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    /// "The second attack", "another attack" (`u8::MAX`): which of several incidents it is.
    pub ordinal: Option<u8>,
    pub block: usize,
    pub zone: Zone,
    pub modality: Modality,
    pub frame: Frame,
    pub sub_event: SubEvent,
    pub roles: Roles,
    /// The doer was named by a claim of responsibility.
    pub claimed: bool,
    pub civilian_target: bool,
    /// Its target is a state force or an armed group.
    pub armed_target: bool,
    /// Its clause tells property burnt or looted.
    pub burned: bool,
    pub place: Option<u32>,
    /// The place comes from the mention's own clause or sentence, not from a fallback.
    pub own_place: bool,
    /// The place is the one of the incident told just before (the story so far).
    pub story_place: bool,
    pub precision: u8,
    pub unknown: Option<Span>,
    pub date: Option<Date>,
    pub time_precision: Precision,
    pub relative_date: bool,
    /// The date follows a report verb ("the army said Saturday"): it dates the statement, and
    /// yields to any other date of the incident.
    pub report_date: bool,
    pub background: bool,
    pub fatalities: Option<u64>,
    /// The toll counts attackers only ("ten terrorists were neutralised").
    pub attackers_toll: bool,
    /// The toll counts attackers among others: it is everyone's.
    pub toll_with_attackers: bool,
    /// The toll is told as risen ("the toll rose to 28"): it updates its source's earlier figure.
    pub toll_rose: bool,
    /// Told as a reply ("the army responded with strikes"): not the deed done to its doer.
    pub reply: bool,
    /// Its toll is only an order of magnitude's floor ("plusieurs dizaines de soldats").
    pub toll_floor: bool,
    /// Its toll is told as an earlier or provisional figure ("earlier, Reuters said more than
    /// 20"): any other figure supersedes it.
    pub toll_earlier: bool,
    /// Its toll counts more victims ("the driver was also killed"): added to the incident's.
    pub toll_added: bool,
    /// A protest against deaths ("احتجاجا على مقتل"): the deaths told beside it are its cause.
    pub against_deaths: bool,
    pub evidence: Span,
    pub trigger: Span,
    pub source: Option<Source>,
    pub foiled: bool,
    /// Told as an incident already told ("this attack", "the incident").
    pub anaphoric: bool,
    /// Told with "this", "these", or a noun that only points back: it joins an incident or is dropped.
    pub demonstrative: bool,
    /// Done by "the attackers" of an incident already told: part of that incident, whatever its type.
    pub continues: bool,
    /// Only points back ("العملية", "the incident"): it joins an incident or is dropped.
    pub reference: bool,
    /// Tells several incidents at once: it joins those told one by one.
    pub summary: bool,
    /// Told with nothing of its own (no place, date, count or doer in its sentence).
    pub vague: bool,
}

/// Codes events with one knowledge base.
#[derive(Debug, Clone, Copy)]
pub struct EventCoder<'kb> {
    kb: &'kb KnowledgeBase,
}

/// Days before publication after which an incident is history (the gold's two years).
const HISTORY_DAYS: i64 = 730;

/// Countries that, told at once of one incident mention, make it a regional overview.
const OVERVIEW_COUNTRIES: usize = 3;

/// Words between a death word and the "also" that adds its dead ("a également été tué").
const ADDITION_GAP: usize = 2;

impl<'kb> EventCoder<'kb> {
    /// A coder over `kb`.
    pub fn new(kb: &'kb KnowledgeBase) -> Self {
        EventCoder { kb }
    }

    /// The events `text` reports (current ones first, in text order; background ones after,
    /// flagged), given its extraction and its publication date (YYYY-MM-DD or YYYY-MM) when known.
    pub fn code(&self, text: &str, extraction: &Extraction, published: Option<&str>) -> Vec<Event> {
        self.code_traced(text, extraction, published, &mut Trace::new(false))
    }

    /// [`Self::code`], recording every stage's decisions in `trace`.
    pub fn code_traced(
        &self,
        text: &str,
        extraction: &Extraction,
        published: Option<&str>,
        trace: &mut Trace,
    ) -> Vec<Event> {
        let doc = Doc::new(self.kb, text, extraction, published);
        let sentences = zone::sentences(&doc);
        let mentions = mention::mentions(&doc, &sentences, trace);
        let earlier = fields::Earlier::new(&doc, &sentences, trace.enabled());
        let mut drafts: Vec<Draft> = Vec::new();
        // The place of the last incident told outside headlines: the story so far.
        let mut story = None;
        for m in &mentions {
            let new = draft(&doc, &sentences, &earlier, m, story, trace);
            if let Some(last) = new.iter().rev().find(|d| !d.zone.is_heading()) {
                story = last.place;
            }
            drafts.extend(new);
        }
        // A story of a protest against deaths: the deaths it tells are the protest's cause, never
        // its toll, whichever mention of the protest they stand beside.
        if drafts.iter().any(|d| d.against_deaths) {
            let street = |d: &Draft| matches!(d.frame, Frame::Protest | Frame::Riot);
            drafts.iter_mut().filter(|d| street(d)).for_each(|d| d.against_deaths = true);
        }
        coref::incidents(&doc, drafts, trace)
    }
}

/// The drafts of one mention: one per place when it lists several.
fn draft(
    doc: &Doc<'_>,
    sentences: &[Sentence],
    earlier: &fields::Earlier<'_>,
    m: &IncidentMention,
    story: Option<u32>,
    trace: &mut Trace,
) -> Vec<Draft> {
    let sentence = &sentences[m.sentence];
    let trigger = doc.span_of(m.trigger.first, m.trigger.last);
    let mut rejected = Vec::new();
    let mut place = fields::place(doc, sentences, earlier, m, story, &mut rejected);
    fields::coup_in_its_country(doc, m, &mut place);
    rejected.sort_by_key(|(p, why)| (*p, *why as u8));
    rejected.dedup();
    let set_aside: Vec<u32> = rejected.iter().map(|&(p, _)| p).collect();
    for (p, why) in rejected {
        trace.note(|| Note::NotHere { trigger, place: p, why });
    }
    let country = place.places.first().copied().flatten().and_then(|p| doc.country_of(p));
    let roles = roles::roles(doc, sentence, m, country, trace);
    let place = measure_at_home(doc, m, &roles, place);
    let place = attacked_at_home(doc, &roles, place, &set_aside);
    // "تظاهرات … احتجاجا على مقتل 3", "a protest against the killing of three": those dead are
    // the protest's cause, another incident's toll.
    let against =
        matches!(m.trigger.frame, Frame::Protest | Frame::Riot) && doc.any(List::ProtestCauses, m.clause.clone());
    let toll = fields::toll(doc, m).filter(|_| !marked!(against, a_protest_against_deaths_counts_none));
    let fatalities = toll.map(|t| t.value);
    trace.note(|| Note::Toll { trigger, fatalities, attackers: toll.is_some_and(|t| t.attackers) });
    let Some((sub_event, civilian_target)) = sub_event(doc, m, &roles, fatalities) else {
        trace.note(|| Note::Dropped { trigger, why: trace::Dropped::NoType });
        return Vec::new();
    };
    // "Tous deux ont succombé vendredi à leurs blessures": victims of an incident told before,
    // dying later; the day of the death is not the incident's.
    let died_of_wounds = doc.any(List::DiedOfWounds, m.clause.clone());
    let date = fields::date(doc, sentences, earlier, m).filter(|_| !died_of_wounds);
    let resolved = date.and_then(|d| d.date);
    trace.note(|| Note::Date { trigger, date: resolved.map(|d| d.to_iso()), expression: date.map(|d| d.span) });
    let days_old = match (resolved, doc.reference) {
        (Some(d), Some(p)) => p.first_day() - d.last_day(),
        _ => 0,
    };
    // "منذ 2012", "since July", "depuis juillet": a year or month that opens a period is not an
    // incident's date; what is told since then is a state or a trend. A siege or a blockade
    // "since September" is the exception: that month is when it began.
    let opens_period = |d: DateMention| d.background && !d.relative && d.precision != Precision::Day;
    let since_year = date.is_some_and(|d| opens_period(d) && (d.precision == Precision::Coarser || !blockade(m)));
    // A period opened long ago is history, unless the mention points back to an incident just
    // told ("Cette attaque s'inscrit dans un contexte … depuis 2015"): then it is that incident's
    // context, and its date would make the incident history.
    let points_back = doc.any(List::Demonstratives, m.trigger.first.saturating_sub(1)..m.trigger.first)
        || doc.any(List::Demonstratives, m.trigger.last + 1..(m.trigger.last + 2).min(m.clause.end))
        || definite(doc, m.trigger.first);
    if since_year && (days_old <= 365 || marked!(points_back, a_context_since_long_ago_dates_no_incident)) {
        trace.note(|| Note::Dropped { trigger, why: trace::Dropped::Vague });
        return Vec::new();
    }
    // "بعد أن طرد المتمردون قوات الأمن في عام 2012" on a page that gives no day of its own: an
    // incident recalled by its year alone is history (the news is dated to the day or month).
    let year_only = resolved.is_some_and(|d| d.month.is_none());
    let recalled_year = m.modality == Modality::Recalled && year_only && doc.reference.is_none();
    if marked!(recalled_year, an_incident_recalled_by_its_year_on_an_undated_page_is_history) {
        trace.note(|| Note::Dropped { trigger, why: trace::Dropped::Vague });
        return Vec::new();
    }
    let outlet =
        doc.mentions_in(sentence.span).find_map(|x| if let Entity::Outlet(o) = x.entity { Some(o) } else { None });
    let source = outlet.map(Source::Outlet).or(roles.reporter.map(Source::Actor));
    let window = |back: usize, ahead: usize| {
        m.trigger.first.saturating_sub(back).max(m.clause.start)..(m.trigger.last + 1 + ahead).min(m.clause.end)
    };
    // A pronoun after a recall word ("after that of") points to no incident already told.
    // Only Arabic puts a demonstrative after its noun ("الهجوم هذا"); "the coup that took place"
    // is a relative clause.
    let after = m.trigger.last + 1..(m.trigger.last + 2).min(m.clause.end);
    let arabic_after = after.clone().all(|t| doc.tokens.items()[t].script == marsad_text::Script::Arabic);
    // "وكذلك فعلت سفارة أستراليا": another side did the same; its "that" points to no incident.
    let again = doc.any(List::SameDeed, m.trigger.first..m.trigger.last + 1);
    let demonstrative = m.depicted
        || (!m.pronoun
            && !again
            && (doc.any(List::Demonstratives, window(1, 0)) || (arabic_after && doc.any(List::Demonstratives, after))));
    // Protesters arrested are arrested at the demonstration told before.
    // "the attack began at noon and included gunfire and IED blasts": a weapon told after "the
    // attack" of its clause is how that attack was carried out.
    // So is one told before "the attack" it served ("used two car bombs to carry out the attack",
    // "استخدموا في هجومهم طائرات مسيرة").
    let means_of_the_attack = m.trigger.frame.is_specific()
        && m.others.iter().any(|o| {
            let before = o.first < m.trigger.first && (definite(doc, o.first) || owned(doc, o.last));
            let served = o.first > m.trigger.last && o.frame == Frame::Attack && definite(doc, o.first);
            if served {
                cov_mark::hit!(a_weapon_used_to_carry_out_the_attack_is_its_means);
            }
            o.frame.is_violent() && !o.frame.is_specific() && (before || served)
        });
    if means_of_the_attack {
        cov_mark::hit!(a_weapon_told_after_the_attack_is_its_means);
    }
    let continues = attackers_act_again(doc, sentence, m)
        || done_to_people_told(doc, m)
        || means_of_the_attack
        || (m.trigger.frame == Frame::Arrest && doc.any(List::CrowdNouns, m.clause.clone()));
    let anaphoric =
        demonstrative || continues || died_of_wounds || (!m.pronoun && !again && definite(doc, m.trigger.first));
    // A village the base lacks, named in the clause, is a place of the mention's own; an area
    // wider than a country ("attacks across the Sahel") is none.
    let broad = place.places.iter().all(|p| p.is_some_and(|p| doc.kb.places[p as usize].broad));
    let own_place =
        matches!(
            place.from,
            trace::PlaceFrom::Clause
                | trace::PlaceFrom::Sentence
                | trace::PlaceFrom::Heading
                | trace::PlaceFrom::AroundUnknown
        ) && !marked!(broad && place.unknown.is_none(), an_area_wider_than_a_country_is_no_place_of_its_own);
    // Strategic developments told without a date or a place of their own are background, not news.
    let vague = if m.trigger.frame == Frame::Withdraw {
        // The departure of foreign forces told without a town or a date is background; an army
        // leaving a camp of its own country, at the town the paragraph tells, is news.
        let town = place.places.iter().flatten().any(|p| doc.place_kind(*p) == PlaceKind::Town);
        let home_army = roles.actor1.is_some_and(|a| {
            let actor = &doc.kb.actors[a as usize];
            actor.kind == ActorKind::StateForce
                && place.places.iter().flatten().any(|p| actor.country.as_deref() == doc.country_of(*p))
        });
        let placed = town && (own_place || (home_army && place.from == trace::PlaceFrom::Paragraph));
        if placed && !own_place {
            cov_mark::hit!(an_army_leaving_its_camp_is_placed_by_the_paragraph);
        }
        // "met fierce resistance, which forced them to withdraw": the end of the fight its
        // sentence has told, not a handover of territory.
        let before = sentence.tokens.start..m.trigger.first;
        let retreat = mention::triggers(doc, before).iter().any(|o| o.frame.is_violent());
        (!placed && date.is_none()) || marked!(retreat, a_withdrawal_in_the_sentence_of_a_fight_is_its_end)
    } else if matches!(m.trigger.frame, Frame::Deploy | Frame::AnnounceMeasure) {
        // Deployments and measures told without a place or a date of their own are background;
        // so is a deployment of no force ("five vehicles were dispatched from the mine").
        let forces = roles.actor1.is_some() || doc.soldiers_told(m.clause.clone());
        let no_force = m.trigger.frame == Frame::Deploy && !forces;
        (!own_place && date.is_none()) || marked!(no_force, a_deployment_of_no_force_is_none)
    } else if sub_event.event_type() == EventType::StrategicDevelopments {
        false
    } else {
        !own_place && date.is_none() && fatalities.is_none() && roles.actor1.is_none()
    };
    // An earlier incident recalled without a date of its own ("after the coup") is background,
    // kept aside only in case a later reference dates it ("مفرزة ... بعد أن هاجم إرهابيون", then
    // "وقع الحادث في 25 يونيو"); one recalled with a date the page cannot resolve ("last June" on
    // an undated page) is not.
    // ("after the patrol that recently failed in an ambush": a recall told as recent is news.)
    let recent = marked!(doc.any(List::RecentCues, m.clause.clone()), an_incident_recalled_as_recent_is_news);
    // ("two days after four soldiers were killed in an ambush near Mopti": a recall that tells
    // its own place and toll is an incident of its own, dated or not.)
    let told_in_full = own_place && fatalities.is_some();
    let undated_recall = m.modality == Modality::Recalled
        && date.is_none()
        && !recent
        && !marked!(told_in_full, a_recalled_incident_told_with_its_place_and_toll_is_news);
    if undated_recall && !m.trigger.frame.is_violent() {
        trace.note(|| Note::Dropped { trigger, why: trace::Dropped::Vague });
        return Vec::new();
    }
    let vague = vague || undated_recall;
    let countries = place.places.iter().flatten().filter(|&&p| doc.place_kind(p) == PlaceKind::Country).count();
    if marked!(countries >= OVERVIEW_COUNTRIES, three_countries_at_once_are_an_overview) {
        trace.note(|| Note::Dropped { trigger, why: trace::Dropped::Overview });
        return Vec::new();
    }
    let foiled = doc.any(List::Foiled, m.clause.clone());
    // Each listed place is one incident: known places, or villages the base lacks at one unit.
    let spots: Vec<(Option<u32>, Option<Span>)> = if place.listed_unknown.is_empty() {
        place.places.iter().map(|p| (*p, place.unknown)).collect()
    } else {
        // (Towns the base knows listed among them follow the unit: one incident each.)
        let unit = place.places.first().copied().flatten();
        let known = place.places.iter().skip(1).map(|p| (*p, None));
        place
            .unknown
            .into_iter()
            .chain(place.listed_unknown.iter().copied())
            .map(|u| (unit, Some(u)))
            .chain(known)
            .collect()
    };
    // A toll told for several listed places at once belongs to none of them.
    let fatalities = if spots.len() > 1 { None } else { fatalities };
    spots
        .iter()
        .map(|&(p, unknown)| {
            trace.note(|| Note::Place {
                trigger,
                place: p,
                from: place.from,
                precision: place.precision,
                unknown,
                how: place.how,
            });
            Draft {
                block: sentence.block,
                zone: m.zone,
                modality: m.modality,
                frame: m.trigger.frame,
                sub_event,
                roles,
                claimed: roles.claimed,
                civilian_target,
                burned: std::iter::once(&m.trigger).chain(&m.others).any(|t| t.frame == Frame::BurnLoot),
                armed_target: roles.actor2.is_some_and(|a| {
                    matches!(doc.actor_kind(a), ActorKind::StateForce | ActorKind::ArmedGroup | ActorKind::Militia)
                }),
                place: p,
                own_place,
                story_place: place.from == trace::PlaceFrom::Story,
                precision: if p.is_some() { place.precision } else { 3 },
                unknown,
                date: resolved,
                time_precision: date.filter(|d| d.date.is_some()).map_or(Precision::Coarser, |d| d.precision),
                relative_date: date.is_some_and(|d| d.relative),
                // Only violence, or what points back to it: an announcement's day is its own.
                report_date: (m.trigger.frame.is_violent() || anaphoric)
                    && date.is_some_and(|d| fields::dates_a_report(doc, &d, sentence.tokens.start)),
                background: days_old > HISTORY_DAYS,
                fatalities,
                attackers_toll: toll.is_some_and(|t| t.attackers),
                toll_with_attackers: toll.is_some_and(|t| t.with_attackers),
                toll_rose: toll.is_some() && doc.any(List::TollRises, m.clause.clone()),
                reply: doc.any(List::ReplyVerbs, m.clause.start..m.trigger.first),
                toll_floor: toll.is_some_and(|t| t.floor),
                toll_earlier: toll.is_some() && doc.any(List::EarlierTolls, sentence.tokens.clone()),
                against_deaths: against,
                toll_added: toll.is_some() && {
                    let near = m.trigger.first.saturating_sub(ADDITION_GAP).max(m.clause.start)
                        ..(m.trigger.last + 1 + ADDITION_GAP).min(m.clause.end);
                    doc.any(List::TollAdditions, near)
                },
                evidence: sentence.span,
                trigger,
                source,
                foiled,
                anaphoric: anaphoric || m.reference,
                demonstrative: demonstrative || m.reference,
                continues,
                reference: m.reference,
                summary: m.summary,
                // "The same day, …" tells another incident on the day of the one before.
                ordinal: std::iter::once(&m.trigger)
                    .chain(&m.others)
                    .find_map(|t| ordinal(doc, t))
                    .or(same_day_again(doc, m).then_some(u8::MAX))
                    // "did the same": another side, another incident.
                    .or(again.then_some(u8::MAX))
                    .or(sequel(doc, sentence, m, continues).then_some(u8::MAX))
                    // "…coincided with an air strike on another area".
                    .or(marked!(
                        doc.any(List::OtherPlaces, m.clause.clone()),
                        a_deed_in_another_area_is_another_incident
                    )
                    .then_some(u8::MAX)),
                vague,
            }
        })
        .collect()
}

/// Soldiers, an army or a military post are told in `clause`, other than among the people a
/// toll counts ("onze personnes, dont trois supplétifs de l'armée", "11 شخصا بينهم ثلاثة جنود"):
/// those were among the dead, mostly civilians, not the side attacked.
fn soldiers_attacked(doc: &Doc<'_>, clause: std::ops::Range<usize>) -> bool {
    if !doc.soldiers_told(clause.clone()) {
        return false;
    }
    let description = doc
        .find(List::VictimDescriptions, clause.clone())
        .into_iter()
        .find(|&(first, ..)| roles::people_counted_before(doc, first, clause.start));
    let Some((first, last, _)) = description else { return true };
    let end = (last + 1 + roles::DESCRIPTION_SPAN).min(clause.end);
    let outside = doc.soldiers_told(clause.start..first) || doc.soldiers_told(end..clause.end);
    if !outside && doc.soldiers_told(first..end) {
        cov_mark::hit!(soldiers_among_the_people_counted_were_not_attacked_as_such);
    }
    outside || doc.any(List::MilitaryTargets, clause)
}

/// "The same day, gunmen attacked…", "killed five more the same day": another incident on the
/// day of the one before; not a same day told in a clause of its own after the deed ("…, adding
/// that the victims were buried the same day").
fn same_day_again(doc: &Doc<'_>, m: &IncidentMention) -> bool {
    if !doc.any(List::SameDay, m.clause.clone()) {
        return false;
    }
    let cues = doc.find(List::SameDay, m.clause.clone());
    let told = cues
        .iter()
        .any(|&(first, ..)| first < m.trigger.first || !doc.any(List::Complementizers, m.trigger.last + 1..first));
    if !told {
        cov_mark::hit!(the_same_day_of_a_clause_told_of_the_deed_is_not_its_own);
    }
    told
}

/// The mention tells a siege or a blockade.
fn blockade(m: &IncidentMention) -> bool {
    std::iter::once(&m.trigger).chain(&m.others).any(|t| t.frame == Frame::Blockade)
}

/// Tokens around a trigger in which "the attackers" make it part of their incident.
const ATTACKERS_WINDOW: usize = 8;

/// "The attackers then looted…", "ثم نهب المهاجمون…": the doer is named only as the author of
/// an incident already told (before the verb, or right after it in Arabic).
fn attackers_act_again(doc: &Doc<'_>, sentence: &Sentence, m: &IncidentMention) -> bool {
    let before = m.trigger.first.saturating_sub(ATTACKERS_WINDOW).max(sentence.tokens.start)..m.trigger.first;
    let after = m.trigger.last + 1..(m.trigger.last + 3).min(sentence.tokens.end);
    doc.any(List::AttackerAnaphors, before) || doc.any(List::AttackerAnaphors, after)
}

/// The ordinal next to a trigger ("الهجوم الثاني", "la deuxième attaque", "another attack").
fn ordinal(doc: &Doc<'_>, t: &mention::Trigger) -> Option<u8> {
    let after = doc.starting_at(List::IncidentOrdinals, t.last + 1);
    // Arabic adjectives follow their noun: "another" or "new" before the trigger qualifies
    // something else ("الحصيلة الجديدة لقتلى الهجوم", the attack's new toll); only numbers
    // stand before it ("ثاني هجوم").
    let arabic = doc.tokens.items()[t.first].script == Script::Arabic;
    let before = (1..=2).filter(|&back| t.first >= back).find_map(|back| {
        doc.ending_at(List::IncidentOrdinals, t.first - back)
            .filter(|m| m.far_token + back >= t.first)
            .filter(|m| !(arabic && m.entry.role.as_deref() == Some("other")))
    });
    let role = after.or(before)?.entry.role.as_deref()?;
    if role == "other" {
        return Some(u8::MAX);
    }
    // "هذا القصف يعد الضربة الجوية الثالثة", "this attack is the third": a rank, not another one.
    let floor = t.first.saturating_sub(RANK_GAP + 1);
    if marked!(
        doc.ends_before(List::Copulas, t.first, RANK_GAP, floor),
        an_ordinal_after_a_copula_ranks_the_incident_told
    ) {
        return None;
    }
    role.parse().ok()
}

/// Words ("la troisième", "the third") between a copula and the incident word it ranks.
const RANK_GAP: usize = 3;

/// Words at the start of a sentence within which a sequel cue opens it.
const SEQUEL_OPENING: usize = 4;

/// "Shortly after, gunmen attacked…": a sentence opened by a sequel cue tells a further
/// incident, unless the attackers of the one told act again or it only tells a consequence.
fn sequel(doc: &Doc<'_>, sentence: &Sentence, m: &IncidentMention, continues: bool) -> bool {
    if continues || m.trigger.frame.is_consequence() {
        return false;
    }
    let opening = sentence.tokens.start..(sentence.tokens.start + SEQUEL_OPENING).min(sentence.tokens.end);
    if doc.any(List::Sequels, opening.clone()) {
        cov_mark::hit!(a_sequel_tells_a_further_incident);
        return true;
    }
    // "في جنوب شرق البلاد، لقي 15 مدنيا حتفهم خلال هجوم…", "In the east, gunmen attacked…": a
    // sentence opened by another part of the country moves to a further incident ("the attack"
    // there still points back).
    let part = doc.any(List::CountryParts, opening.clone())
        || doc
            .find(List::CountryAnaphors, opening.clone())
            .iter()
            .any(|&(first, _, _)| doc.entry_before(List::Bearings, first, 2, sentence.tokens.start).is_some());
    if part && !definite(doc, m.trigger.first) {
        cov_mark::hit!(a_sentence_opened_by_a_part_of_the_country_tells_a_further_incident);
        return true;
    }
    // "The army later launched an operation": "later" before an operation (or right after an
    // Arabic verb and its subject) in its clause.
    let after = m.trigger.last + 1..(m.trigger.last + 1 + AFTERWARDS_AFTER).min(m.clause.end);
    marked!(
        m.trigger.frame == Frame::Clash
            && (doc.any(List::Afterwards, m.clause.start..m.trigger.first) || doc.any(List::Afterwards, after)),
        an_operation_done_later_is_a_further_incident
    )
}

/// "Les combattants les ont arrêtés avant de les exécuter", "executed them", "أعدموهم": an
/// incident word whose object is a pronoun was done to people told already: part of the
/// incident told, whatever its type.
fn done_to_people_told(doc: &Doc<'_>, m: &IncidentMention) -> bool {
    let t = &m.trigger;
    if !matches!(t.frame, Frame::Kill | Frame::Execute | Frame::Arrest | Frame::Abduct) {
        return false;
    }
    // ("les ont arrêtés", "de les exécuter"; not the article of "les exécutions".)
    let verb_follows = |at: usize| {
        doc.token_is(List::PerfectAuxiliaries, at + 1)
            || (at > 0 && matches!(doc.tokens.folded(at - 1), "de" | "d" | "pour" | "a" | "sans"))
    };
    let before = (t.first.saturating_sub(OBJECT_PRONOUN_GAP).max(m.clause.start)..t.first).any(|at| {
        doc.tokens.items()[at].script == Script::Latin && doc.token_is(List::ObjectPronouns, at) && verb_follows(at)
    });
    let after = t.last + 1 < m.clause.end && doc.token_is(List::ObjectPronouns, t.last + 1);
    // (The Arabic verb carries its object: "اعتقلوهم", "أعدمته".)
    let suffixed = doc.tokens.items()[t.last].script == Script::Arabic && {
        let word = doc.tokens.folded(t.last);
        doc.ends_with_an_entry(List::ObjectPronouns, "ar", word)
    };
    marked!(before || after || suffixed, an_incident_done_to_people_told_is_the_one_told)
}

/// Tokens before a French verb where its object pronoun stands ("les ont arrêtés").
const OBJECT_PRONOUN_GAP: usize = 2;

/// Tokens after a trigger where "لاحقا" may still qualify it (verb, subject, adverb).
const AFTERWARDS_AFTER: usize = 3;

/// A state's measure (closing its airspace, a curfew) told with another country named: it
/// happens in the acting state's own country.
fn measure_at_home(
    doc: &Doc<'_>,
    m: &IncidentMention,
    roles: &Roles,
    place: fields::PlaceChoice,
) -> fields::PlaceChoice {
    let home = roles
        .actor1
        .filter(|a| matches!(doc.actor_kind(*a), ActorKind::Government | ActorKind::Country | ActorKind::StateForce));
    let home = home.and_then(|a| doc.kb.actors[a as usize].country.as_deref()).and_then(|c| doc.kb.country_place(c));
    let abroad = |p: &Option<u32>| p.is_some_and(|p| doc.place_kind(p) == PlaceKind::Country && Some(p) != home);
    match home {
        Some(home) if m.trigger.frame == Frame::AnnounceMeasure && place.places.iter().all(abroad) => {
            cov_mark::hit!(a_measure_happens_in_the_acting_country);
            // The acting state is named in the clause: its country is the measure's own place.
            fields::PlaceChoice { places: vec![Some(home)], precision: 3, from: trace::PlaceFrom::Clause, ..place }
        }
        _ => place,
    }
}

/// "attacked a Beninese army barracks near the border with Niger and Burkina Faso": when the
/// story's country the place fell back to is one the sentence set aside, the country of the
/// state force attacked is where it happened.
fn attacked_at_home(
    doc: &Doc<'_>,
    roles: &Roles,
    place: fields::PlaceChoice,
    set_aside: &[u32],
) -> fields::PlaceChoice {
    let fell_back =
        place.from == trace::PlaceFrom::Country && place.places.iter().flatten().all(|p| set_aside.contains(p));
    let home = roles
        .actor2
        .filter(|a| doc.actor_kind(*a) == ActorKind::StateForce)
        .and_then(|a| doc.kb.actors[a as usize].country.as_deref())
        .and_then(|c| doc.kb.country_place(c))
        .filter(|home| !set_aside.contains(home));
    match home {
        Some(home) if fell_back => {
            cov_mark::hit!(an_attack_on_a_state_force_falls_back_to_its_country);
            fields::PlaceChoice { places: vec![Some(home)], ..place }
        }
        _ => place,
    }
}

/// A drone or an aircraft right before the trigger or as its instrument right after it.
fn drone_near(doc: &Doc<'_>, m: &IncidentMention) -> bool {
    let t = &m.trigger;
    let window = t.first.saturating_sub(4).max(m.clause.start)..(t.last + 4).min(m.clause.end);
    doc.any(List::Drones, window)
}

/// The trigger word carries or follows a definite article (الهجوم, l'attaque, the attack).
fn definite(doc: &Doc<'_>, trigger: usize) -> bool {
    let word = doc.tokens.folded(trigger);
    let bare = word.strip_prefix(['و', 'ف', 'ب', 'ك']).unwrap_or(word);
    let arabic = doc.tokens.items()[trigger].script == marsad_text::Script::Arabic;
    if arabic {
        return bare.starts_with("ال") || bare.starts_with("لل");
    }
    let article_at = |t: usize| doc.any(List::DefiniteArticles, t..t + 1);
    // "the latest attack", "la dernière attaque": an adjective between still points back.
    let adjective = trigger > 1 && doc.token_is(List::RetellingAdjectives, trigger - 1) && article_at(trigger - 2);
    // "the Thursday attack": so does the day it was told on.
    let day =
        trigger > 1 && marsad_text::dates::names_a_day_or_month(doc.tokens, trigger - 1) && article_at(trigger - 2);
    (trigger > 0 && article_at(trigger - 1))
        || marked!(adjective, the_latest_attack_points_back)
        || marked!(day, the_attack_of_a_day_told_points_back)
}

/// An Arabic incident word with its owner's pronoun ("هجومهم", their attack): the incident of
/// someone already told.
fn owned(doc: &Doc<'_>, at: usize) -> bool {
    let word = doc.tokens.folded(at);
    doc.tokens.items()[at].script == marsad_text::Script::Arabic
        && word.chars().count() > 4
        && doc.ends_with_an_entry(List::OwnerPronouns, "ar", word)
}

/// Tokens after a death word where a count of nationals may stand ("قتل الجيش المالي ثلاثة موريتانيين").
const NATIONALS_AFTER: usize = 7;

/// A plural of a nationality among tokens `range` ("ثلاثة موريتانيين", "trois Mauritaniens",
/// "three Mauritanians"): people of a country, who are civilians unless told otherwise.
fn nationals(doc: &Doc<'_>, range: std::ops::Range<usize>) -> bool {
    let found = range.into_iter().any(|t| doc.national_plural_at(t));
    marked!(found, a_count_of_nationals_counts_people)
}

/// The sub-event type of a mention from its frame, roles and toll; and whether civilians are its target.
fn sub_event(doc: &Doc<'_>, m: &IncidentMention, roles: &Roles, fatalities: Option<u64>) -> Option<(SubEvent, bool)> {
    let kb = doc.kb;
    let rule = kb.taxonomy.frame(m.trigger.frame);
    let kind = |a: Option<u32>| a.map(|a| doc.actor_kind(a));
    let civilians = kind(roles.actor2) == Some(ActorKind::Civilians) && roles.military_target.is_none();
    let state = |a: Option<u32>| matches!(kind(a), Some(ActorKind::StateForce | ActorKind::Government));
    let armed = |a: Option<u32>| matches!(kind(a), Some(ActorKind::ArmedGroup | ActorKind::Militia));
    let killed = fatalities.is_some_and(|k| k > 0);
    // "30 people were killed by militiamen": people in general, killed by an armed side with no
    // armed target named, are civilians.
    // A passive's subject may carry a description first ("30 personnes, surtout des Peuls, ont été tuées").
    // ("Six people were killed by armed men", "une vingtaine de personnes ont été tuées dans une
    // attaque": a doer left unnamed is an armed side too, and the killing may be told beside the
    // attack.)
    let kill = std::iter::once(&m.trigger).chain(&m.others).find(|t| t.frame == Frame::Kill);
    // (Beside an attack, only counted, with no soldier or army post told in its clause.)
    let before_kill =
        |k: &mention::Trigger| if k.passive { m.clause.start } else { k.first.saturating_sub(3).max(m.clause.start) };
    let counted = |k: &mention::Trigger| {
        let span = doc.span_of(before_kill(k), (k.last + 4).min(m.clause.end).saturating_sub(1));
        !doc.counts_in(span).is_empty()
    };
    let (k, attack) = match kill {
        Some(k) if m.trigger.frame == Frame::Kill => (k, true),
        Some(k) => (k, m.trigger.frame == Frame::Attack && counted(k) && !soldiers_attacked(doc, m.clause.clone())),
        None => (&m.trigger, false),
    };
    let before = before_kill(k);
    let near = before..(k.last + 4).min(m.clause.end);
    let people_killed = attack
        && roles.actor2.is_none()
        && roles.military_target.is_none()
        && (armed(roles.actor1) || kind(roles.actor1) == Some(ActorKind::StateForce) || roles.actor1.is_none())
        && (doc.any(List::PersonNouns, near.clone())
            // (An Arabic verb's subject may stand between it and the people it killed.)
            || nationals(doc, before..(k.last + NATIONALS_AFTER).min(m.clause.end)));
    let civilians = civilians || marked!(people_killed, people_killed_by_an_armed_side_are_civilians);
    // "عشرة قتلى في مجزرة ارتكبها الجيش": a massacre with no armed target named killed civilians.
    let unarmed = !armed(roles.actor2) && !state(roles.actor2) && roles.military_target.is_none();
    let massacre = m.trigger.frame.is_violent() && unarmed && doc.any(List::MassacreWords, m.clause.clone());
    let civilians = civilians || marked!(massacre, the_dead_of_a_massacre_are_civilians);
    let mut sub = match (rule.if_civilian_target, civilians) {
        (Some(civilian), true) => civilian,
        _ => rule.sub_event,
    };
    match m.trigger.frame {
        // A bombardment or an attack by a drone or an aircraft ("طائرة مسيرة ... قصفت").
        Frame::Attack | Frame::Shelling | Frame::Clash if drone_near(doc, m) => {
            cov_mark::hit!(an_attack_by_drone_is_an_air_strike);
            sub = SubEvent::AirDroneStrike
        }
        // Police clashing with a party's supporters, protesters stoning a town hall: a riot;
        // security forces firing on demonstrators: excessive force against protesters.
        Frame::Clash | Frame::Attack if doc.any(List::CrowdNouns, m.clause.clone()) => {
            if m.trigger.frame == Frame::Attack && state(roles.actor1) {
                sub = SubEvent::ExcessiveForce
            } else {
                cov_mark::hit!(a_clash_with_a_crowd_is_a_riot);
                sub = SubEvent::ViolentDemonstration
            }
        }
        Frame::Protest if killed => sub = SubEvent::ExcessiveForce,
        // (Not the attacks a protest denounces: "protested, denouncing attacks by the army".)
        Frame::Protest
            if m.others.iter().any(|t| {
                matches!(t.frame, Frame::Arrest | Frame::Attack | Frame::Clash)
                    && !marked!(
                        doc.ends_before(List::Condemn, t.first, 3, m.clause.start),
                        what_a_protest_denounces_is_no_intervention
                    )
            }) =>
        {
            sub = SubEvent::ProtestWithIntervention
        }
        Frame::CaptureTerritory if state(roles.actor1) => sub = SubEvent::GovernmentRegainsTerritory,
        Frame::RetakeTerritory if armed(roles.actor1) => sub = SubEvent::NonStateOvertakesTerritory,
        Frame::BurnLoot if killed && civilians => sub = SubEvent::Attack,
        // "trois bus ont été arrêtés par les jihadistes": only a state arrests; an armed group
        // seizing people abducts them.
        Frame::Arrest
            if armed(roles.actor1) || (roles.actor1.is_none() && doc.any(List::AttackerNouns, m.clause.clone())) =>
        {
            cov_mark::hit!(an_armed_group_arresting_people_abducts_them);
            sub = SubEvent::Abduction
        }
        _ => {}
    }
    Some((sub, civilians))
}

#[cfg(test)]
mod tests;
