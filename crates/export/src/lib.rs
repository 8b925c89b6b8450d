//! Exports of stored events, so tools built for ACLED, QGIS and web maps read marsad's data:
//! ACLED's CSV (ACLED's columns in ACLED's order), GeoJSON (a FeatureCollection of points) and
//! JSON Lines (every event with every source's claim).

use marsad_kb::{ActorKind, KnowledgeBase};
use marsad_store::{Claim, StoredEvent};
use marsad_text::dates::Date;
use std::io::Write;

/// ACLED's columns, in ACLED's order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// An export failure.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed.
    #[error("writing the export: {0}")]
    Write(String),
}

impl From<std::io::Error> for ExportError {
    fn from(e: std::io::Error) -> Self {
        ExportError::Write(e.to_string())
    }
}

impl From<csv::Error> for ExportError {
    fn from(e: csv::Error) -> Self {
        ExportError::Write(e.to_string())
    }
}

/// ACLED's actor type code ("inter"): 1 state forces, 2 rebel groups, 3 political militias,
/// 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
pub fn inter_code(
    kb: &KnowledgeBase,
    actor: Option<&str>,
    event_country: Option<&str>,
    sub_event_type: &str,
) -> Option<u8> {
    let actor = kb.actors.get(kb.actor_index(actor?)? as usize)?;
    Some(match actor.kind {
        ActorKind::StateForce | ActorKind::Government | ActorKind::Country => {
            if event_country.is_some() && actor.country.as_deref() != event_country {
                8
            } else {
                1
            }
        }
        ActorKind::ArmedGroup => 2,
        ActorKind::Militia => 4,
        ActorKind::Civilians
            if matches!(
                sub_event_type,
                "Peaceful protest" | "Protest with intervention" | "Excessive force against protesters"
            ) =>
        {
            6
        }
        ActorKind::Civilians if matches!(sub_event_type, "Violent demonstration" | "Mob violence") => 5,
        ActorKind::Civilians => 7,
        ActorKind::International | ActorKind::Other => 8,
    })
}

fn place_country(kb: &KnowledgeBase, claim: &Claim) -> Option<String> {
    claim.place.as_deref().and_then(|p| kb.place_index(p)).and_then(|i| kb.places[i as usize].country.clone())
}

/// The first day a date covers (ACLED's event_date needs a day; time_precision says how exact).
fn first_day(date: &str) -> String {
    match date.len() {
        4 => format!("{date}-01-01"),
        7 => format!("{date}-01"),
        _ => date.to_string(),
    }
}

/// One ACLED row of an event.
pub fn acled_row(kb: &KnowledgeBase, event: &StoredEvent) -> Vec<String> {
    let s = &event.summary;
    let country = place_country(kb, s);
    let country_place = country.as_deref().and_then(|c| kb.country_place(c)).map(|i| &kb.places[i as usize]);
    let place = s.place.as_deref().and_then(|p| kb.place_index(p)).map(|i| &kb.places[i as usize]);
    let admin1 = place.and_then(|p| {
        if p.kind == marsad_kb::PlaceKind::Region && p.admin_level == Some(1) {
            Some(p)
        } else {
            p.region.as_deref().and_then(|r| kb.place_index(r)).map(|i| &kb.places[i as usize])
        }
    });
    let name_of = |actor: &Option<String>| {
        actor.as_deref().and_then(|a| kb.actor_index(a)).map(|i| kb.actors[i as usize].name.clone()).unwrap_or_default()
    };
    let inter1 = inter_code(kb, s.actor1.as_deref(), country.as_deref(), &s.sub_event_type);
    let inter2 = inter_code(kb, s.actor2.as_deref(), country.as_deref(), &s.sub_event_type);
    let interaction = match (inter1, inter2) {
        (Some(a), Some(b)) => format!("{}{}", a.min(b), a.max(b)),
        (Some(a), None) | (None, Some(a)) => format!("{a}0"),
        (None, None) => String::new(),
    };
    let disorder = kb.taxonomy.sub_event(&s.sub_event_type).map(|t| t.disorder_type.clone()).unwrap_or_default();
    let mut outlets: Vec<String> =
        event.sources.iter().filter_map(|src| src.outlet.clone().or_else(|| src.claim.attributed_to.clone())).collect();
    outlets.dedup();
    let mut tags = Vec::new();
    if event.disputed {
        tags.push("disputed");
    }
    if s.foiled {
        tags.push("foiled");
    }
    let timestamp = event
        .sources
        .iter()
        .filter_map(|src| src.published.as_deref())
        .filter_map(Date::parse_iso)
        .map(|d| d.day_range().0)
        .max()
        .unwrap_or(0);
    let date = s.date.as_deref().map(first_day).unwrap_or_default();
    vec![
        format!("{}{}", country_place.and_then(|c| c.iso3.clone()).unwrap_or_else(|| "XXX".into()), event.id),
        date.clone(),
        date.get(..4).unwrap_or("").to_string(),
        s.time_precision.to_string(),
        disorder,
        s.event_type.clone(),
        s.sub_event_type.clone(),
        name_of(&s.actor1),
        String::new(),
        inter1.map(|c| c.to_string()).unwrap_or_default(),
        name_of(&s.actor2),
        String::new(),
        inter2.map(|c| c.to_string()).unwrap_or_default(),
        interaction,
        if s.actor2.as_deref() == Some("civilians") { "Civilian targeting".into() } else { String::new() },
        country_place.and_then(|c| c.iso_numeric).map(|n| n.to_string()).unwrap_or_default(),
        String::new(),
        country_place.map(|c| c.name().to_string()).unwrap_or_default(),
        admin1.map(|a| a.name().trim_end_matches(" Region").to_string()).unwrap_or_default(),
        String::new(),
        String::new(),
        place.map(|p| p.name().to_string()).unwrap_or_default(),
        s.lat.map(|v| format!("{v:.4}")).unwrap_or_default(),
        s.lon.map(|v| format!("{v:.4}")).unwrap_or_default(),
        s.geo_precision.to_string(),
        outlets.join("; "),
        String::new(),
        s.evidence_text.clone(),
        s.fatalities.unwrap_or(0).to_string(),
        tags.join("; "),
        (timestamp * 86_400).to_string(),
    ]
}

/// Write events as ACLED CSV.
pub fn write_acled_csv(kb: &KnowledgeBase, events: &[StoredEvent], out: impl Write) -> Result<(), ExportError> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(ACLED_COLUMNS)?;
    for event in events {
        writer.write_record(acled_row(kb, event))?;
    }
    writer.flush()?;
    Ok(())
}

fn claim_json(kb: &KnowledgeBase, claim: &Claim) -> serde_json::Value {
    let name =
        |a: &Option<String>| a.as_deref().and_then(|a| kb.actor_index(a)).map(|i| kb.actors[i as usize].name.clone());
    serde_json::json!({
        "event_type": claim.event_type, "sub_event_type": claim.sub_event_type,
        "actor1": claim.actor1, "actor1_name": name(&claim.actor1), "actor2": claim.actor2, "actor2_name": name(&claim.actor2),
        "place": claim.place, "lat": claim.lat, "lon": claim.lon, "geo_precision": claim.geo_precision,
        "date": claim.date, "time_precision": claim.time_precision, "fatalities": claim.fatalities,
        "attributed_to": claim.attributed_to, "foiled": claim.foiled, "confidence": (f64::from(claim.confidence) * 100.0).round() / 100.0,
        "evidence": {"start": claim.evidence_start, "end": claim.evidence_end, "text": claim.evidence_text},
    })
}

/// One event with all its sources, as JSON.
pub fn event_json(kb: &KnowledgeBase, event: &StoredEvent) -> serde_json::Value {
    let sources: Vec<serde_json::Value> = event
        .sources
        .iter()
        .map(|s| serde_json::json!({"doc_id": s.doc_id, "doc": s.doc_key, "story": s.story, "outlet": s.outlet, "published": s.published, "reason": s.reason, "claim": claim_json(kb, &s.claim)}))
        .collect();
    serde_json::json!({"id": event.id, "disputed": event.disputed, "independent_sources": event.independent_sources(), "summary": claim_json(kb, &event.summary), "sources": sources})
}

/// Write events as JSON Lines.
pub fn write_jsonl(kb: &KnowledgeBase, events: &[StoredEvent], mut out: impl Write) -> Result<(), ExportError> {
    for event in events {
        writeln!(out, "{}", event_json(kb, event))?;
    }
    Ok(())
}

/// Write events with coordinates as a GeoJSON FeatureCollection (events without coordinates are left out and counted).
pub fn write_geojson(kb: &KnowledgeBase, events: &[StoredEvent], mut out: impl Write) -> Result<usize, ExportError> {
    let mut features = Vec::new();
    let mut skipped = 0;
    for event in events {
        let s = &event.summary;
        let (Some(lat), Some(lon)) = (s.lat, s.lon) else {
            skipped += 1;
            continue;
        };
        let row = acled_row(kb, event);
        let properties: serde_json::Map<String, serde_json::Value> =
            ACLED_COLUMNS.iter().zip(row).map(|(k, v)| (k.to_string(), serde_json::Value::String(v))).collect();
        features.push(serde_json::json!({
            "type": "Feature",
            "id": event.id,
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": serde_json::Value::Object(properties),
        }));
    }
    let collection = serde_json::json!({"type": "FeatureCollection", "features": features});
    serde_json::to_writer(&mut out, &collection).map_err(|e| ExportError::Write(e.to_string()))?;
    writeln!(out)?;
    Ok(skipped)
}
