//! A small synthetic store for the report's tests, written through the `Store` trait. Every
//! sentence in it is fictional, written for these tests.
//!
//! The story, worked out by hand (period 2025-09-01 to 2025-09-28, focus Bamako):
//! - one battle a week for twelve weeks from 2025-07-07, each nearer Bamako than the last
//!   (Mopti 461 km … Kati 14 km): the 12-week median trend is "closer";
//! - in the period, five more incidents near Bamako (fuel tankers burned near Kati on the
//!   Dakar road, an IED near Kolokani, two abductions, a clash in the Kati cercle) and an
//!   attack placed only to the Koulikoro region: armed violence goes from 4 events in the
//!   previous period to 10 (+150%), 5 sectors close against 3: the arrow reads "deteriorated";
//! - a group never seen before (`katiba-macina` here) fights once; the Kati cercle sees its
//!   first violence;
//! - data gaps: an undated battle, a month-dated attack, one placed only to its region, and
//!   one stored with an impossible date (unreadable);
//! - a protest in Bamako (not armed violence).

#![allow(dead_code)] // each test file uses part of this

use std::path::Path;

use marsad_indicators::Day;
use marsad_report::doc::{Block, Kind};
use marsad_report::{render, Lang, PeriodRequest, Report, Request, Site};
use marsad_store::{Claim, NewDocument, SqliteStore, Store};

/// One fictional event: (date, time precision, place, lat, lon, geo precision, sub-event
/// type, actor 1, actor 2, deaths, evidence, sources as (outlet, url)).
pub struct Spec {
    pub date: Option<&'static str>,
    pub time_precision: u8,
    pub place: &'static str,
    pub point: Option<(f64, f64)>,
    pub geo_precision: u8,
    pub sub_event_type: &'static str,
    pub actors: (Option<&'static str>, Option<&'static str>),
    pub deaths: Option<u64>,
    pub evidence: &'static str,
    pub sources: &'static [(Option<&'static str>, Option<&'static str>)],
}

const WIRE: (Option<&str>, Option<&str>) =
    (Some("Sample wire (fictional)"), Some("https://example.org/fictional/wire"));
const DAILY: (Option<&str>, Option<&str>) =
    (Some("Sample daily (fictional)"), Some("https://example.org/fictional/daily"));
const NO_OUTLET: (Option<&str>, Option<&str>) = (None, Some("https://news.example.net/fictional/item"));
const NOTHING: (Option<&str>, Option<&str>) = (None, None);

fn event_type(sub_event_type: &str) -> &'static str {
    match sub_event_type {
        "Armed clash" => "Battles",
        "Remote explosive/landmine/IED" => "Explosions/Remote violence",
        "Attack" | "Abduction/forced disappearance" => "Violence against civilians",
        "Peaceful protest" => "Protests",
        _ => "Strategic developments",
    }
}

/// The weekly battles moving closer: (Monday + 2 days, place, lat, lon).
const MARCH: [(&str, &str, f64, f64); 12] = [
    ("2025-07-09", "ml.mopti", 14.4843, -4.183),
    ("2025-07-16", "ml.san", 13.297, -4.8963),
    ("2025-07-23", "ml.sikasso", 11.3176, -5.6665),
    ("2025-07-30", "ml.diema", 14.54, -9.1921),
    ("2025-08-06", "ml.segou", 13.4403, -6.2595),
    ("2025-08-13", "ml.kita", 13.0389, -9.4882),
    ("2025-08-20", "ml.bougouni", 11.4177, -7.4832),
    ("2025-08-27", "ml.fana", 12.7787, -6.9564),
    ("2025-09-03", "ml.kolokani", 13.5739, -8.0327),
    ("2025-09-10", "ml.koulikoro", 12.8627, -7.5598),
    ("2025-09-17", "ml.siby", 12.3755, -8.3349),
    ("2025-09-24", "ml.kati", 12.7441, -8.0726),
];

/// Every event of the store, in insertion order (ids 1, 2, ... in this order).
pub fn specs() -> Vec<Spec> {
    let mut out: Vec<Spec> = MARCH
        .iter()
        .map(|(date, place, lat, lon)| Spec {
            date: Some(date),
            time_precision: 1,
            place,
            point: Some((*lat, *lon)),
            geo_precision: 1,
            sub_event_type: "Armed clash",
            actors: (Some("jnim"), Some("fama")),
            deaths: Some(2),
            evidence: "Fighters clashed with soldiers near the town on Wednesday, a fictional report says.",
            sources: &[WIRE],
        })
        .collect();
    out.extend([
        Spec {
            date: Some("2025-09-12"),
            time_precision: 1,
            place: "ml.kati",
            point: Some((12.7441, -8.0726)),
            geo_precision: 2,
            sub_event_type: "Attack",
            actors: (Some("jnim"), Some("civilians")),
            deaths: Some(1),
            evidence: "Gunmen set fire to three fuel tankers near Kati on the road to Kayes, a fictional report says.",
            sources: &[WIRE, DAILY],
        },
        Spec {
            date: Some("2025-09-15"),
            time_precision: 1,
            place: "ml.kolokani",
            point: Some((13.5739, -8.0327)),
            geo_precision: 2,
            sub_event_type: "Remote explosive/landmine/IED",
            actors: (Some("jnim"), Some("fama")),
            deaths: Some(3),
            evidence: "انفجرت عبوة ناسفة بدورية عسكرية قرب كولوكاني، حسب تقرير خيالي.",
            sources: &[WIRE],
        },
        Spec {
            date: Some("2025-09-18"),
            time_precision: 1,
            place: "ml.siby",
            point: Some((12.3755, -8.3349)),
            geo_precision: 1,
            sub_event_type: "Abduction/forced disappearance",
            actors: (Some("jnim"), Some("civilians")),
            deaths: None,
            evidence: "Des hommes armés ont enlevé deux commerçants à Siby, selon un récit fictif.",
            sources: &[DAILY],
        },
        Spec {
            date: Some("2025-09-21"),
            time_precision: 1,
            place: "ml.ouelessebougou",
            point: Some((12.0, -7.91)),
            geo_precision: 1,
            sub_event_type: "Abduction/forced disappearance",
            actors: (None, Some("civilians")),
            deaths: None,
            evidence: "Unknown men abducted a village chief near Ouélessébougou, a fictional report says.",
            sources: &[NO_OUTLET],
        },
        Spec {
            date: Some("2025-09-26"),
            time_precision: 1,
            place: "ml.kati-cercle",
            point: Some((12.7441, -8.0726)),
            geo_precision: 2,
            sub_event_type: "Armed clash",
            actors: (Some("katiba-macina"), Some("fama")),
            deaths: Some(4),
            evidence: "A group never seen before attacked an army post in the Kati cercle, a fictional report says.",
            sources: &[WIRE, NOTHING],
        },
        Spec {
            date: None,
            time_precision: 3,
            place: "ml.kita",
            point: Some((13.0389, -9.4882)),
            geo_precision: 1,
            sub_event_type: "Armed clash",
            actors: (Some("jnim"), Some("fama")),
            deaths: None,
            evidence: "Clashes were reported near Kita at an unknown date, a fictional report says.",
            sources: &[DAILY],
        },
        Spec {
            date: Some("2025-09"),
            time_precision: 3,
            place: "ml.segou",
            point: Some((13.4403, -6.2595)),
            geo_precision: 1,
            sub_event_type: "Attack",
            actors: (Some("jnim"), Some("civilians")),
            deaths: Some(2),
            evidence: "Villagers near Ségou were attacked in September, a fictional report says.",
            sources: &[WIRE],
        },
        Spec {
            date: Some("2025-09-10"),
            time_precision: 1,
            place: "ml.koulikoro-region",
            point: Some((13.8, -7.6)),
            geo_precision: 3,
            sub_event_type: "Attack",
            actors: (Some("jnim"), Some("civilians")),
            deaths: Some(1),
            evidence: "Civilians were attacked somewhere in the Koulikoro region, a fictional report says.",
            sources: &[WIRE],
        },
        Spec {
            date: Some("2025-02-30"),
            time_precision: 1,
            place: "ml.kati",
            point: Some((12.7441, -8.0726)),
            geo_precision: 1,
            sub_event_type: "Armed clash",
            actors: (Some("jnim"), Some("fama")),
            deaths: None,
            evidence: "A clash on a day that does not exist, a fictional report says.",
            sources: &[WIRE],
        },
        Spec {
            date: Some("2025-09-20"),
            time_precision: 1,
            place: "ml.bamako",
            point: Some((12.6392, -8.0029)),
            geo_precision: 1,
            sub_event_type: "Peaceful protest",
            actors: (Some("civilians"), None),
            deaths: None,
            evidence: "Traders marched peacefully in Bamako, a fictional report says.",
            sources: &[DAILY],
        },
    ]);
    out
}

fn claim(spec: &Spec) -> Claim {
    Claim {
        event_type: event_type(spec.sub_event_type).to_string(),
        sub_event_type: spec.sub_event_type.to_string(),
        actor1: spec.actors.0.map(str::to_string),
        actor2: spec.actors.1.map(str::to_string),
        place: Some(spec.place.to_string()),
        lat: spec.point.map(|p| p.0),
        lon: spec.point.map(|p| p.1),
        geo_precision: spec.geo_precision,
        date: spec.date.map(str::to_string),
        time_precision: spec.time_precision,
        fatalities: spec.deaths,
        attributed_to: None,
        evidence_start: 0,
        evidence_end: spec.evidence.chars().count() as u32,
        evidence_text: spec.evidence.to_string(),
        confidence: 0.9,
        foiled: false,
    }
}

/// Write the store at `path`; returns the number of events.
pub fn write_store(path: &Path) -> usize {
    let mut store = SqliteStore::open(path).expect("a new store");
    store.begin().expect("begin");
    let specs = specs();
    let mut documents = 0;
    for spec in &specs {
        let claim = claim(spec);
        let mut event = None;
        for (outlet, url) in spec.sources {
            documents += 1;
            let text = format!("{} ({documents})", spec.evidence);
            let document = NewDocument {
                key: format!("fictional-{documents}"),
                content_hash: format!("{documents:064x}"),
                url: url.map(|u| format!("{u}/{documents}")),
                outlet: outlet.map(str::to_string),
                lang: Some("en".into()),
                published: spec.date.filter(|d| d.len() == 10 && *d != "2025-02-30").map(str::to_string),
                title: None,
                text,
                minhash: vec![documents as u32; 4],
                lsh_bands: Vec::new(),
            };
            let (doc_id, _) = store.insert_document(&document, &[], None).expect("a document");
            match event {
                None => event = Some(store.insert_event(doc_id, &claim).expect("an event")),
                Some(id) => store.add_source(id, doc_id, &claim, "same incident (fictional)").expect("a source"),
            }
        }
    }
    store.commit().expect("commit");
    specs.len()
}

/// The period of the worked example.
pub fn period() -> PeriodRequest {
    PeriodRequest { since: None, until: Some(Day::parse("2025-09-28").expect("a day")), weeks: Some(4) }
}

/// Two fictional sites: one near Kati, one far from everything.
pub fn sites() -> Vec<Site> {
    let text = "name,lat,lon,radius_km\nOffice near Kati (fictional),12.75,-8.07,30\nOffice in the east (fictional),15.0,0.5,20\n";
    marsad_report::sites::parse("sites.csv", text).expect("the sites parse")
}

/// The report request of the worked example, in `lang`.
pub fn request(lang: Lang) -> Request {
    Request { lang, focus: None, period: period(), sites: sites() }
}

/// Every claim cites an event; zeros and labels cite none; every note names a stored event,
/// once, numbered in order; the page links every citation to its note.
pub fn check_citations(report: &Report, store: &SqliteStore) -> Result<(), String> {
    for sentence in report.sentences() {
        match sentence.kind {
            Kind::Claim if sentence.events.is_empty() => {
                return Err(format!("a claim without events: {}", sentence.text))
            }
            Kind::Claim if report.note_numbers(sentence).len() != sentence.events.len() => {
                return Err(format!("a claim whose events lack notes: {}", sentence.text))
            }
            Kind::Absence | Kind::Meta if !sentence.events.is_empty() => {
                return Err(format!("a {:?} with events: {}", sentence.kind, sentence.text))
            }
            _ => {}
        }
    }
    // Figures in tables: a non-zero number is a claim.
    for block in &report.blocks {
        if let Block::Table { rows, .. } = block {
            for cell in rows.iter().flat_map(|r| r.iter().skip(1)) {
                let number: Option<f64> = cell.text.trim_start_matches('+').parse().ok();
                if number.is_some_and(|n| n != 0.0) && cell.kind != Kind::Claim {
                    return Err(format!("the figure `{}` cites nothing", cell.text));
                }
            }
        }
        // A figure that draws events (map markers carry `<title>#id</title>`) cites them.
        if let Block::Figure { id, caption, svg } = block {
            let draws = *id != "map" || svg.contains("<title>#");
            if draws && caption.kind != Kind::Claim {
                return Err(format!("figure {id} draws events but its caption cites none"));
            }
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for (i, note) in report.notes.iter().enumerate() {
        if note.number != i + 1 || !seen.insert(note.event) {
            return Err(format!("note {} (event {}) is out of order or repeated", note.number, note.event));
        }
        let stored = store.event(note.event).map_err(|e| e.to_string())?;
        if stored.is_none() {
            return Err(format!("note {} names event {}, which the store does not hold", note.number, note.event));
        }
        if note.links.is_empty() {
            return Err(format!("note {} names no outlet", note.number));
        }
    }
    let html = render::html(report);
    for number in 1..=report.notes.len() {
        if !html.contains(&format!("<li id=\"n{number}\" value=\"{number}\">")) {
            return Err(format!("the page has no note {number}"));
        }
    }
    let linked = html.matches("<a href=\"#n").count();
    let claims = html.matches("<span class=\"claim\">").count();
    if claims == 0 || linked < claims || html.matches("<sup class=\"cite\">[]</sup>").count() > 0 {
        return Err(format!("{claims} claims but {linked} note links in the page"));
    }
    Ok(())
}
