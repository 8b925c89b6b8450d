//! The record of what each stage decided and why, for `marsad extract --explain` and for the
//! golden tests that read it. Notes are typed; they are only built when a trace was asked for.

use crate::mention::Modality;
use crate::zone::Zone;
use marsad_kb::{Frame, KnowledgeBase, RoleFeature};
use marsad_text::layout::Span;
use std::fmt::Write;

/// Who can take a role: an actor of the knowledge base, read from a name or from a target word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// Named in the text.
    Named(u32),
    /// Inferred from a target word (villagers → civilians, soldiers → the army).
    Inferred(u32),
}

impl Who {
    /// The actor.
    pub fn actor(self) -> u32 {
        match self {
            Who::Named(a) | Who::Inferred(a) => a,
        }
    }
}

/// How the place of a mention was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceFrom {
    /// The clause of the trigger.
    Clause,
    /// Elsewhere in its sentence.
    Sentence,
    /// An earlier sentence of the paragraph.
    Paragraph,
    /// The short line heading the paragraph (a list item's place).
    Heading,
    /// The place of the incident told just before.
    Story,
    /// The headline.
    Headline,
    /// The story's country.
    Country,
    /// The known unit around a place the knowledge base lacks ("قرية X في منطقة سيغو").
    AroundUnknown,
}

/// Why a place mention cannot be where an incident happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotHere {
    /// Inside the dateline.
    Dateline,
    /// Where a convoy came from or went to.
    Origin,
    /// The neighbour across a border.
    Border,
    /// A capital speaking for its government.
    Acting,
    /// A landmark more than 50 km away that a distance is measured from ("200 km north of Bamako").
    Landmark,
    /// In a note on an actor between parentheses ("(EI, interdite en Russie)").
    ActorNote,
    /// Where the wounded were taken or died ("décédé à l'hôpital de Grand Yoff").
    Hospital,
    /// Where a statement was issued ("في بيان مشترك أصدرتاه في نيامي").
    Statement,
    /// The seat of an official's office ("le secrétaire général du gouvernorat de Tahoua").
    Office,
    /// Where a speaker is from ("a security source in Sikasso said").
    Speaker,
    /// A wide area in an epithet of the country ("the war-torn Sahel state").
    Epithet,
    /// The state a force is tied to ("القوات المرتبطة بروسيا", "backed by Moscow").
    Patron,
    /// Whose clock tells the time ("10:00 (same time in Lisbon)", "بتوقيت غرينتش").
    TimeZone,
    /// A state reacting to the deed ("condemnation from the United States").
    Reacting,
    /// A country the story's is compared with ("like Mali and Niger", "على غرار مالي").
    Compared,
}

/// Why a mention left no event of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dropped {
    /// A headline whose incident the body does not tell, while the body tells others.
    HeadlineAlone,
    /// A summary ("two attacks") of incidents the text tells one by one.
    Covered,
    /// "This attack", told after no incident it could point to.
    Dangling,
    /// No place, date, actor or count: a passing reference to incidents in general.
    Vague,
    /// The taxonomy gives no sub-event type.
    NoType,
    /// Told of three countries or more at once ("troops deployed in Mali, Burkina Faso, Niger
    /// and Chad"): a regional overview, not an incident.
    Overview,
}

/// One decision.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// A sentence with a trigger skipped for its zone.
    SkippedSentence { sentence: Span, zone: Zone },
    /// An incident mention and how it is told (kept only when factual).
    Mention { trigger: Span, frame: Frame, modality: Modality, zone: Zone },
    /// A role candidate, its features and scores.
    Candidate { trigger: Span, who: Who, features: Vec<RoleFeature>, actor1: f32, actor2: f32 },
    /// The roles chosen.
    Roles { trigger: Span, actor1: Option<u32>, actor2: Option<u32> },
    /// A place mention that cannot be the incident's place.
    NotHere { trigger: Span, place: u32, why: NotHere },
    /// The place chosen, and how its mention was accepted (support, found phonetically).
    Place {
        trigger: Span,
        place: Option<u32>,
        from: PlaceFrom,
        precision: u8,
        unknown: Option<Span>,
        how: Option<(marsad_extract::Support, bool)>,
    },
    /// The date chosen (its expression), or none.
    Date { trigger: Span, date: Option<String>, expression: Option<Span> },
    /// The toll read.
    Toll { trigger: Span, fatalities: Option<u64>, attackers: bool },
    /// An incident's toll is what a summary's total leaves once its other incidents' tolls are taken.
    RestOfToll { trigger: Span, summary: Span, fatalities: u64 },
    /// The mention joined an incident already told.
    Joined { trigger: Span, event_trigger: Span, claim: bool },
    /// The mention left no event.
    Dropped { trigger: Span, why: Dropped },
}

/// The notes of one document (empty and free when not enabled).
#[derive(Debug, Clone, Default)]
pub struct Trace {
    enabled: bool,
    notes: Vec<Note>,
}

impl Trace {
    /// A trace that records (`true`) or ignores notes.
    pub fn new(enabled: bool) -> Trace {
        Trace { enabled, notes: Vec::new() }
    }

    /// True when notes are recorded.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Record a note when enabled; the note is only built then.
    pub fn note(&mut self, note: impl FnOnce() -> Note) {
        if self.enabled {
            self.notes.push(note());
        }
    }

    /// The notes in the order the stages made them.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// The trace as lines of text, quoting the document.
    pub fn render(&self, kb: &KnowledgeBase, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let quote = |s: Span| -> String {
            let words: String =
                chars.get(s.start as usize..s.end as usize).map(|c| c.iter().collect()).unwrap_or_default();
            format!("«{}»", words.replace('\n', " "))
        };
        let actor = |a: Option<u32>| a.map_or("-".to_string(), |a| kb.actors[a as usize].id.clone());
        let place = |p: Option<u32>| p.map_or("-".to_string(), |p| kb.places[p as usize].id.clone());
        let mut out = String::new();
        for note in &self.notes {
            let _ = match note {
                Note::SkippedSentence { sentence, zone } => writeln!(out, "skip {zone:?}: {}", quote(*sentence)),
                Note::Mention { trigger, frame, modality, zone } => {
                    writeln!(out, "mention {} frame={frame} modality={modality:?} zone={zone:?}", quote(*trigger))
                }
                Note::Candidate { trigger, who, features, actor1, actor2 } => {
                    let names: Vec<&str> = features.iter().map(|f| f.as_str()).collect();
                    let (kind, a) = match who {
                        Who::Named(a) => ("named", *a),
                        Who::Inferred(a) => ("inferred", *a),
                    };
                    writeln!(
                        out,
                        "  candidate {} for {}: {kind} [{}] actor1={actor1:.2} actor2={actor2:.2}",
                        actor(Some(a)),
                        quote(*trigger),
                        names.join(" ")
                    )
                }
                Note::Roles { trigger, actor1: a1, actor2: a2 } => {
                    writeln!(out, "  roles for {}: actor1={} actor2={}", quote(*trigger), actor(*a1), actor(*a2))
                }
                Note::NotHere { trigger, place: p, why } => {
                    writeln!(out, "  not the place of {}: {} ({why:?})", quote(*trigger), place(Some(*p)))
                }
                Note::Place { trigger, place: p, from, precision, unknown, how } => writeln!(
                    out,
                    "  place of {}: {} from {from:?} precision={precision}{}{}",
                    quote(*trigger),
                    place(*p),
                    match how {
                        Some((support, phonetic)) if *phonetic || support.as_str() != "listed" => format!(
                            " (accepted by {}{})",
                            support.as_str(),
                            if *phonetic { ", found phonetically from its Latin name" } else { "" }
                        ),
                        _ => String::new(),
                    },
                    unknown.map(|u| format!(" (a place the knowledge base lacks: {})", quote(u))).unwrap_or_default()
                ),
                Note::Date { trigger, date, expression } => writeln!(
                    out,
                    "  date of {}: {} {}",
                    quote(*trigger),
                    date.as_deref().unwrap_or("-"),
                    expression.map(quote).unwrap_or_default()
                ),
                Note::Toll { trigger, fatalities, attackers } => writeln!(
                    out,
                    "  toll of {}: {}{}",
                    quote(*trigger),
                    fatalities.map_or("-".to_string(), |f| f.to_string()),
                    if *attackers { " (attackers killed: added to the victims)" } else { "" }
                ),
                Note::RestOfToll { trigger, summary, fatalities } => writeln!(
                    out,
                    "toll of the incident of {}: {fatalities}, what the total of {} leaves",
                    quote(*trigger),
                    quote(*summary)
                ),
                Note::Joined { trigger, event_trigger, claim } => writeln!(
                    out,
                    "join {} into the incident of {}{}",
                    quote(*trigger),
                    quote(*event_trigger),
                    if *claim { " as a contradicting claim" } else { "" }
                ),
                Note::Dropped { trigger, why } => writeln!(out, "drop {}: {why:?}", quote(*trigger)),
            };
        }
        out
    }
}
