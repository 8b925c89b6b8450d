//! The extraction output contract (`shared/docs/extraction-output.md`): one JSON object per
//! document, and a short human-readable summary for a terminal.
//!
//! Architecture invariant: this is the only place that decides field names of the contract.
//! Fields may be added, never renamed. Serialisation types live here, at the edge; the
//! stages before it use plain types. A record borrows its strings from the document and the
//! knowledge base (`'a`): only what the output makes up (event ids, dates, the names of places
//! the base lacks) is owned, so a record is built without copying every name and span.

mod char_text;
mod json;

use char_text::CharText;
use marsad_events::Event;
use marsad_extract::support::UnlistedPlace;
use marsad_extract::{Entity, Extraction, How};
use marsad_kb::KnowledgeBase;
use marsad_text::layout::Span;
use marsad_text::skeleton::Tier;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// What the output needs to know about the document itself.
#[derive(Debug, Clone, Default)]
pub struct DocumentInfo<'a> {
    /// Document id.
    pub id: &'a str,
    /// Title, when found.
    pub title: Option<&'a str>,
    /// Publication date (YYYY-MM-DD), when known.
    pub published: Option<&'a str>,
    /// Outlet, when known.
    pub source: Option<&'a str>,
    /// URL, when known.
    pub url: Option<&'a str>,
    /// The text the offsets count in.
    pub text: &'a str,
}

/// One document's output record.
#[derive(Debug, Clone, Serialize)]
pub struct Record<'a> {
    /// The document.
    pub doc: Doc<'a>,
    /// Places named, each with its mentions.
    pub places: Vec<PlaceOut<'a>>,
    /// Actors named.
    pub actors: Vec<ActorOut<'a>>,
    /// People named.
    pub people: Vec<PersonOut<'a>>,
    /// Current events the text reports.
    pub events: Vec<EventOut<'a>>,
    /// Incidents the text recalls from more than two years before publication (an addition).
    pub background_events: Vec<EventOut<'a>>,
    /// Outlets named in the text (an addition to the contract).
    pub outlets: Vec<OutletOut<'a>>,
    /// With `--explain`: what each stage of event coding decided and why, one line each.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<String>>,
}

/// The `doc` object.
#[derive(Debug, Clone, Serialize)]
pub struct Doc<'a> {
    /// File stem or JSON id.
    pub id: &'a str,
    /// ISO 639-1 of the main language.
    pub lang: Option<&'static str>,
    /// Title or null.
    pub title: Option<&'a str>,
    /// YYYY-MM-DD or null.
    pub published: Option<&'a str>,
    /// Outlet or null.
    pub source: Option<&'a str>,
    /// URL or null (an addition).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    /// The text, with `--with-text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
}

/// One span of text.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MentionOut<'a> {
    /// First char (Unicode scalar values from the start of the text).
    pub start: u32,
    /// One past the last char.
    pub end: u32,
    /// The chars.
    pub text: &'a str,
    /// How the spelling matched, when not exactly: `transliteration` or `consonants`.
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub matched: Option<&'static str>,
    /// How an actor is named, when not by name: `nationality`, `country`, `spokesperson`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<&'static str>,
}

/// A place and its mentions.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceOut<'a> {
    /// Knowledge-base id (`unlisted.N` for a place the base lacks).
    pub id: Cow<'a, str>,
    /// English name.
    pub name: Cow<'a, str>,
    /// town | region | country | neighbourhood | water | other.
    pub kind: &'static str,
    /// ISO code or null.
    pub country: Option<&'a str>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Where the text names it.
    pub mentions: Vec<MentionOut<'a>>,
    /// A place the knowledge base lacks, named after a place word (an addition): `within` is the
    /// known unit the text locates it in, and `lat`/`lon` are that unit's (approximate, as ACLED
    /// codes a village it cannot find: its name, the nearest known coordinates, precision 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<&'a str>,
}

/// An actor and its mentions.
#[derive(Debug, Clone, Serialize)]
pub struct ActorOut<'a> {
    /// Knowledge-base id.
    pub id: &'a str,
    /// Canonical English name.
    pub name: &'a str,
    /// Other names.
    pub aliases: &'a [String],
    /// armed_group | state_force | government | ...
    pub kind: &'static str,
    /// Where the text names it.
    pub mentions: Vec<MentionOut<'a>>,
}

/// A person and their mentions.
#[derive(Debug, Clone, Serialize)]
pub struct PersonOut<'a> {
    /// Knowledge-base id.
    pub id: &'a str,
    /// Usual name.
    pub name: &'a str,
    /// What the person does.
    pub role: Option<&'a str>,
    /// The actor the person acts for.
    pub actor: Option<&'a str>,
    /// Where the text names them.
    pub mentions: Vec<MentionOut<'a>>,
}

/// A span with its text.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SpanOut<'a> {
    /// First char.
    pub start: u32,
    /// One past the last char.
    pub end: u32,
    /// The chars.
    pub text: &'a str,
}

/// One event of the contract.
#[derive(Debug, Clone, Serialize)]
pub struct EventOut<'a> {
    /// `<doc id>#e<n>`.
    pub id: String,
    /// ACLED event type.
    pub event_type: &'static str,
    /// ACLED sub-event type.
    pub sub_event_type: &'static str,
    /// Actor id or null.
    pub actor1: Option<&'a str>,
    /// Actor id or null.
    pub actor2: Option<&'a str>,
    /// Place id or null.
    pub place: Option<Cow<'a, str>>,
    /// 1, 2 or 3.
    pub geo_precision: u8,
    /// YYYY-MM-DD, YYYY-MM, YYYY or null.
    pub date: Option<String>,
    /// 1, 2 or 3.
    pub time_precision: u8,
    /// Deaths, or null when no number is given.
    pub fatalities: Option<u64>,
    /// The sentence that reports it.
    pub evidence: SpanOut<'a>,
    /// Who the text says reported or claimed it.
    pub attributed_to: Option<&'a str>,
    /// 0 to 1.
    pub confidence: f32,
    /// The trigger words (an addition).
    pub trigger: SpanOut<'a>,
    /// The attack was foiled (an addition).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub foiled: bool,
    /// Sources disagree about this incident (an addition).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub disputed: bool,
    /// Every sentence that tells this incident, the evidence first (an addition).
    pub mentions: Vec<SpanOut<'a>>,
    /// What each source says when the document's sources disagree (an addition).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<ClaimOut<'a>>,
    /// A more precise place the knowledge base lacks, as the text names it (an addition); the
    /// event's `place` is then the known unit around it, with `geo_precision` 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unnamed_place: Option<SpanOut<'a>>,
}

/// One source's version of a disputed incident.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimOut<'a> {
    /// The outlet or actor that says it.
    pub source: Option<&'a str>,
    /// Its toll.
    pub fatalities: Option<u64>,
    /// The doer it names (actor id).
    pub actor1: Option<&'a str>,
    /// The sentence that says it.
    pub evidence: SpanOut<'a>,
}

/// An outlet named in the text.
#[derive(Debug, Clone, Serialize)]
pub struct OutletOut<'a> {
    /// Knowledge-base id.
    pub id: &'a str,
    /// Usual name.
    pub name: &'a str,
    /// Where the text names it.
    pub mentions: Vec<MentionOut<'a>>,
}

fn matched(tier: Tier) -> Option<&'static str> {
    match tier {
        Tier::Exact => None,
        Tier::Sound => Some("transliteration"),
        Tier::Consonants => Some("consonants"),
    }
}

fn via(how: How) -> Option<&'static str> {
    match how {
        How::Name => None,
        How::Nationality => Some("nationality"),
        How::CountryActing => Some("country"),
        How::Spokesperson => Some("spokesperson"),
        How::Context => Some("context"),
        How::Capital => Some("capital"),
        How::Border => Some("border"),
    }
}

fn span_out<'a>(chars: &CharText<'a>, span: marsad_text::Span) -> SpanOut<'a> {
    SpanOut { start: span.start, end: span.end, text: chars.get(span.start, span.end).unwrap_or_default() }
}

fn event_out<'a>(
    kb: &'a KnowledgeBase,
    doc_id: &str,
    chars: &CharText<'a>,
    index: usize,
    event: &Event,
) -> EventOut<'a> {
    let actor = |a: Option<u32>| a.map(|i| kb.actors[i as usize].id.as_str());
    EventOut {
        id: format!("{doc_id}#e{}", index + 1),
        event_type: event.event_type().as_str(),
        sub_event_type: event.sub_event.as_str(),
        actor1: actor(event.actor1),
        actor2: actor(event.actor2),
        place: event.place.map(|p| Cow::Borrowed(kb.places[p as usize].id.as_str())),
        geo_precision: event.geo_precision,
        date: event.date.map(|d| d.to_iso()),
        time_precision: event.time_precision as u8,
        fatalities: event.fatalities,
        evidence: span_out(chars, event.evidence),
        attributed_to: event.attributed_to.map(|s| s.name(kb)),
        confidence: (event.confidence * 100.0).round() / 100.0,
        trigger: span_out(chars, event.trigger),
        foiled: event.foiled,
        disputed: event.disputed,
        mentions: std::iter::once(event.evidence)
            .chain(event.mentions.iter().copied().filter(|m| *m != event.evidence))
            .map(|m| span_out(chars, m))
            .collect(),
        claims: event
            .claims
            .iter()
            .map(|c| ClaimOut {
                source: c.source.map(|s| s.name(kb)),
                fatalities: c.fatalities,
                actor1: actor(c.actor1),
                evidence: span_out(chars, c.evidence),
            })
            .collect(),
        unnamed_place: event.unknown_place.map(|u| span_out(chars, u)),
    }
}

impl<'a> PlaceOut<'a> {
    /// A place the base lacks takes the unit its event was placed at when the text gave none.
    fn locate(&mut self, unit: &'a marsad_kb::Place) {
        if self.within.is_none_or(str::is_empty) {
            self.within = Some(&unit.id);
            self.country = unit.country.as_deref();
            (self.lat, self.lon) = (unit.lat, unit.lon);
        }
    }
}

/// Add the places the knowledge base lacks to `places`, one `unlisted.N` per name with every
/// mention of it, and return where the place of each of their mentions stands in `places`.
/// Maps by name and by span, not searches through `places`, keep a text that names many
/// villages linear.
fn add_unlisted<'a>(
    kb: &'a KnowledgeBase,
    extraction: &Extraction,
    chars: &CharText<'a>,
    places: &mut Vec<PlaceOut<'a>>,
) -> HashMap<Span, usize> {
    let text_of = |span: Span| chars.get(span.start, span.end).unwrap_or_default();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut by_span: HashMap<Span, usize> = HashMap::new();
    // A place's `name` is its Latin-script name: an unlisted place named in Arabic script has
    // none to give, so it stays on its events (`unnamed_place`) rather than in `places`.
    let latin = |u: &&UnlistedPlace| !text_of(u.span).chars().any(marsad_text::fold::is_arabic_letter);
    for unlisted in extraction.unlisted.iter().filter(latin) {
        let mention = MentionOut {
            start: unlisted.span.start,
            end: unlisted.span.end,
            text: text_of(unlisted.span),
            matched: None,
            via: Some("place word"),
        };
        let name = display_name(mention.text);
        let at = match by_name.get(&name) {
            Some(&at) => {
                places[at].mentions.push(mention);
                at
            }
            None => {
                let unit = unlisted.within.map(|u| &kb.places[u as usize]);
                by_name.insert(name.clone(), places.len());
                places.push(PlaceOut {
                    id: Cow::Owned(format!("unlisted.{}", by_name.len())),
                    name: Cow::Owned(name),
                    kind: if unlisted.level.is_some() { "region" } else { "town" },
                    country: unit.and_then(|u| u.country.as_deref()),
                    lat: unit.and_then(|u| u.lat),
                    lon: unit.and_then(|u| u.lon),
                    within: Some(unit.map_or("", |u| u.id.as_str())),
                    mentions: vec![mention],
                });
                places.len() - 1
            }
        };
        by_span.entry(unlisted.span).or_insert(at);
    }
    by_span
}

/// Add the national roads the text names by number to `places`, one per road and country with
/// every mention of it: no coordinates (a road is no point), the story's country.
fn add_roads<'a>(kb: &'a KnowledgeBase, extraction: &Extraction, chars: &CharText<'a>, places: &mut Vec<PlaceOut<'a>>) {
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for road in &extraction.roads {
        let mention = MentionOut {
            start: road.span.start,
            end: road.span.end,
            text: chars.get(road.span.start, road.span.end).unwrap_or_default(),
            matched: None,
            via: Some("road number"),
        };
        let name = road.name();
        let country = road.country.and_then(|c| kb.places[c as usize].country.as_deref());
        let id = format!(
            "road.{}{}",
            country.map_or(String::new(), |c| format!("{}.", c.to_lowercase())),
            name.to_lowercase()
        );
        match by_id.get(&id) {
            Some(&at) => places[at].mentions.push(mention),
            None => {
                by_id.insert(id.clone(), places.len());
                places.push(PlaceOut {
                    id: Cow::Owned(id),
                    name: Cow::Owned(name),
                    kind: "other",
                    country,
                    lat: None,
                    lon: None,
                    within: None,
                    mentions: vec![mention],
                });
            }
        }
    }
}

/// A name as a place's `name` shows it: one the text writes in capitals ("BAFARARA", as Arabic
/// news glosses names) in the usual case ("Bafarara").
fn display_name(written: &str) -> String {
    if written.chars().any(char::is_lowercase) {
        return written.to_string();
    }
    let mut out = String::with_capacity(written.len());
    let mut initial = true;
    for c in written.chars() {
        if initial {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        initial = !c.is_alphabetic();
    }
    out
}

/// A place of the knowledge base as the output lists it, with the text's mentions of it.
fn place_out<'a>(p: &'a marsad_kb::Place, mentions: Vec<MentionOut<'a>>) -> PlaceOut<'a> {
    PlaceOut {
        id: Cow::Borrowed(&p.id),
        name: Cow::Borrowed(p.name()),
        kind: p.kind.as_str(),
        country: p.country.as_deref(),
        lat: p.lat,
        lon: p.lon,
        mentions,
        within: None,
    }
}

/// Build the record of one document.
pub fn record<'a>(
    kb: &'a KnowledgeBase,
    info: &DocumentInfo<'a>,
    extraction: &Extraction,
    events: &[Event],
    with_text: bool,
) -> Record<'a> {
    let chars = CharText::new(info.text);
    let mut grouped: BTreeMap<Entity, Vec<MentionOut<'a>>> = BTreeMap::new();
    for m in &extraction.mentions {
        let text = chars.get(m.span.start, m.span.end).unwrap_or_default();
        grouped.entry(m.entity).or_default().push(MentionOut {
            start: m.span.start,
            end: m.span.end,
            text,
            matched: matched(m.tier),
            via: via(m.how),
        });
    }
    let mut order: Vec<(Entity, Vec<MentionOut<'a>>)> = grouped.into_iter().collect();
    order.sort_by_key(|(_, mentions)| mentions.first().map(|m| m.start));
    let mut record = Record {
        doc: Doc {
            id: info.id,
            lang: extraction.lang.map(|l| l.code()),
            title: info.title,
            published: info.published,
            source: info.source,
            url: info.url,
            text: with_text.then_some(info.text),
        },
        places: Vec::new(),
        actors: Vec::new(),
        people: Vec::new(),
        events: Vec::new(),
        background_events: Vec::new(),
        explain: None,
        outlets: Vec::new(),
    };
    for (entity, mentions) in order {
        match entity {
            Entity::Place(i) => record.places.push(place_out(&kb.places[i as usize], mentions)),
            Entity::Actor(i) => {
                let a = &kb.actors[i as usize];
                record.actors.push(ActorOut {
                    id: &a.id,
                    name: &a.name,
                    aliases: &a.aliases,
                    kind: a.kind.as_str(),
                    mentions,
                });
            }
            Entity::Person(i) => {
                let p = &kb.people[i as usize];
                record.people.push(PersonOut {
                    id: &p.id,
                    name: &p.name,
                    role: p.role.as_deref(),
                    actor: p.actor.as_deref(),
                    mentions,
                });
            }
            Entity::Outlet(i) => {
                let o = &kb.outlets[i as usize];
                record.outlets.push(OutletOut { id: &o.id, name: &o.name, mentions });
            }
        }
    }
    let unlisted = add_unlisted(kb, extraction, &chars, &mut record.places);
    add_roads(kb, extraction, &chars, &mut record.places);
    for (index, event) in events.iter().enumerate() {
        // Every actor an event names is listed among the actors, even when inferred (civilians from "convoy").
        for actor in [event.actor1, event.actor2].into_iter().flatten() {
            let a = &kb.actors[actor as usize];
            if !record.actors.iter().any(|known| known.id == a.id) {
                record.actors.push(ActorOut {
                    id: &a.id,
                    name: &a.name,
                    aliases: &a.aliases,
                    kind: a.kind.as_str(),
                    mentions: Vec::new(),
                });
            }
        }
        // So is every place, even one the text does not name (the story's country, inferred from
        // the outlet): an event's place must resolve in `places`.
        // (A village the base lacks named in Latin script takes the event's place instead; one
        // named in Arabic script has no entry of its own, and the event stays at the unit.)
        let village = event.unknown_place.and_then(|span| unlisted.get(&span).copied());
        if let Some(place) = event.place.filter(|_| village.is_none()) {
            let p = &kb.places[place as usize];
            if !record.places.iter().any(|known| known.id == p.id) {
                record.places.push(place_out(p, Vec::new()));
            }
        }
        let mut out = event_out(kb, info.id, &chars, index, event);
        // An event placed at the unit around a village the base lacks names that village.
        if let (Some(at), Some(unit)) = (village, event.place) {
            let village = &mut record.places[at];
            village.locate(&kb.places[unit as usize]);
            out.place = Some(village.id.clone());
        }
        if event.background {
            record.background_events.push(out);
        } else {
            record.events.push(out);
        }
    }
    record
}

/// Room for most JSON lines (a few KB) without growing the string as it is written.
const JSON_LINE_CAPACITY: usize = 8 * 1024;

/// One JSON line (no trailing newline): the bytes serde_json writes for [`Record`]'s
/// `Serialize`, written by [`json`] in far fewer instructions.
pub fn to_json_line(record: &Record<'_>) -> String {
    let mut out = String::with_capacity(JSON_LINE_CAPACITY);
    json::write_record(&mut out, record);
    out
}

/// A short summary for a terminal.
pub fn to_terminal(record: &Record<'_>) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let d = &record.doc;
    let _ = writeln!(
        out,
        "── {} [{}] {}",
        d.id,
        d.lang.unwrap_or("?"),
        d.title.map(|t| t.chars().take(90).collect::<String>()).unwrap_or_default()
    );
    let _ =
        writeln!(out, "   published: {} · source: {}", d.published.unwrap_or("unknown"), d.source.unwrap_or("unknown"));
    let line = |label: &str, items: Vec<String>, out: &mut String| {
        if !items.is_empty() {
            let _ = writeln!(out, "   {label:8} {}", items.join(" · "));
        }
    };
    line(
        "places",
        record
            .places
            .iter()
            .map(|p| {
                format!(
                    "{} ({}, {}{}) ×{}",
                    p.name,
                    p.kind,
                    p.country.unwrap_or("-"),
                    p.lat.zip(p.lon).map(|(a, o)| format!(" {a:.2},{o:.2}")).unwrap_or_default(),
                    p.mentions.len()
                )
            })
            .collect(),
        &mut out,
    );
    line("actors", record.actors.iter().map(|a| format!("{} ×{}", a.name, a.mentions.len())).collect(), &mut out);
    line("people", record.people.iter().map(|p| format!("{} ×{}", p.name, p.mentions.len())).collect(), &mut out);
    line("outlets", record.outlets.iter().map(|o| format!("{} ×{}", o.name, o.mentions.len())).collect(), &mut out);
    for event in &record.events {
        let _ = writeln!(
            out,
            "   event    {} / {} · {} → {} · {} (precision {}) · {} · deaths {}{}",
            event.event_type,
            event.sub_event_type,
            event.actor1.unwrap_or("?"),
            event.actor2.unwrap_or("?"),
            event.place.as_deref().unwrap_or("?"),
            event.geo_precision,
            event.date.as_deref().unwrap_or("undated"),
            event.fatalities.map(|f| f.to_string()).unwrap_or_else(|| "?".into()),
            event.attributed_to.map(|a| format!(" · per {a}")).unwrap_or_default()
        );
    }
    for line in record.explain.iter().flatten() {
        let _ = writeln!(out, "   explain  {line}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_events::EventCoder;
    use marsad_extract::Extractor;

    #[test]
    fn an_event_at_a_village_the_base_lacks_names_the_village_located_at_its_unit() {
        let kb = KnowledgeBase::embedded().expect("embedded knowledge base");
        let text = "Des hommes armés ont attaqué jeudi le village de Tiwelzanga, dans la région de Mopti.";
        let extraction = Extractor::new(&kb).extract(text, None);
        let events = EventCoder::new(&kb).code(text, &extraction, Some("2025-10-10"));
        let info = DocumentInfo { id: "t", title: None, published: Some("2025-10-10"), source: None, url: None, text };
        let out = record(&kb, &info, &extraction, &events, false);
        let village = out.places.iter().find(|p| p.name == "Tiwelzanga").expect("the village is listed");
        let region = kb.places.iter().find(|p| p.id == "ml.mopti-region").expect("Mopti region");
        assert_eq!(village.within, Some("ml.mopti-region"));
        assert_eq!((village.lat, village.lon), (region.lat, region.lon), "located at its unit");
        assert_eq!(out.events.len(), 1, "{:?}", out.events);
        assert_eq!(out.events[0].place.as_deref(), Some(&*village.id));
        assert_eq!(out.events[0].geo_precision, 2);
    }

    #[test]
    fn every_place_an_event_names_is_listed_even_one_the_text_does_not_name() {
        // The event coder falls back on the story's country, which the text may never name.
        let kb = KnowledgeBase::embedded().expect("embedded knowledge base");
        let text = "Des hommes armés ont attaqué jeudi une patrouille près de Kati, tuant trois soldats.";
        let extraction = Extractor::new(&kb).extract(text, None);
        let mut events = EventCoder::new(&kb).code(text, &extraction, Some("2025-10-10"));
        assert_eq!(events.len(), 1, "{events:?}");
        events[0].place = kb.place_index("ml");
        let info = DocumentInfo { id: "t", title: None, published: Some("2025-10-10"), source: None, url: None, text };
        let out = record(&kb, &info, &extraction, &events, false);
        assert_eq!(out.events[0].place.as_deref(), Some("ml"));
        let listed = out.places.iter().find(|p| p.id == "ml").expect("the event's place is listed");
        assert!(listed.mentions.is_empty(), "the text does not name it");
        assert!(out.places.iter().any(|p| p.id == "ml.kati"), "the named town stays listed");
    }

    #[test]
    fn json_lines_are_the_bytes_serde_json_writes() {
        let kb = KnowledgeBase::embedded().expect("embedded knowledge base");
        let texts = [
            "Des hommes armés ont attaqué jeudi le village de Tiwelzanga, dans la région de Mopti.\nSelon l'AFP, \"12 soldats\" ont été tués.",
            "قتل 12 جنديا في هجوم شنه مسلحون على موقع للجيش المالي قرب باماكو، بحسب مصادر محلية.",
            "Gunmen killed three civilians near Kati on Tuesday, the army said.\tJNIM claimed the attack.",
        ];
        for text in texts {
            let extraction = Extractor::new(&kb).extract(text, Some("Titre"));
            let events = EventCoder::new(&kb).code(text, &extraction, Some("2025-10-10"));
            let info = DocumentInfo {
                id: "t",
                title: Some("Titre"),
                published: Some("2025-10-10"),
                source: None,
                url: None,
                text,
            };
            let mut out = record(&kb, &info, &extraction, &events, true);
            out.explain = Some(vec!["a \"line\"".to_string()]);
            assert_eq!(to_json_line(&out), serde_json::to_string(&out).expect("a record"), "{text}");
        }
    }

    #[test]
    fn a_village_glossed_in_capitals_is_listed_under_its_usual_case_once() {
        let kb = KnowledgeBase::embedded().expect("embedded knowledge base");
        let text =
            "أحرقت قاعدة قرب منطقة سماغيري (SAMMAGUERE) شمال مدينة كايس. وعاد الهدوء إلى منطقة سماغيري (Sammaguere) أمس.";
        let extraction = Extractor::new(&kb).extract(text, None);
        let info = DocumentInfo { id: "t", title: None, published: Some("2025-10-10"), source: None, url: None, text };
        let out = record(&kb, &info, &extraction, &[], false);
        let names: Vec<&str> = out.places.iter().filter(|p| p.id.starts_with("unlisted.")).map(|p| &*p.name).collect();
        assert_eq!(names, ["Sammaguere"]);
        assert_eq!(display_name("TIN-ZAOUATENE"), "Tin-Zaouatene");
        assert_eq!(display_name("McDonald"), "McDonald", "a name written in mixed case is kept");
    }
}
