//! One stored event as one ACLED row, with typed values: the CSV writes them as text, the
//! GeoJSON as JSON numbers, strings and nulls, so QGIS can style by fatalities or precision.

use crate::admin::{admin_of, unit_name};
use crate::dating::{acled_date_or, AcledDate, Undatable, Undated};
use crate::sources::source_names;
use marsad_kb::{ActorKind, KnowledgeBase, Place};
use marsad_store::{DocId, StoredEvent};
use marsad_text::dates::Date;
use std::collections::HashMap;

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

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text (empty when unknown).
    Text(String),
    /// A whole number, or nothing.
    Int(Option<i64>),
    /// A coordinate, or nothing.
    Real(Option<f64>),
}

impl Value {
    /// As CSV text: numbers in full, nothing as the empty string.
    pub fn csv(&self) -> String {
        match self {
            Value::Text(text) => text.clone(),
            Value::Int(n) => n.map(|n| n.to_string()).unwrap_or_default(),
            Value::Real(x) => x.map(|x| format!("{x:.4}")).unwrap_or_default(),
        }
    }

    /// As JSON: numbers as numbers, nothing as null.
    pub fn json(&self) -> serde_json::Value {
        match self {
            Value::Text(text) => serde_json::Value::String(text.clone()),
            Value::Int(n) => n.map_or(serde_json::Value::Null, serde_json::Value::from),
            Value::Real(x) => x
                .and_then(|x| serde_json::Number::from_f64((x * 1e4).round() / 1e4))
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
        }
    }
}

/// An event as ACLED's columns (in [`ACLED_COLUMNS`] order), with the place's pre-reform
/// region, which ACLED has no column for.
#[derive(Debug, Clone, PartialEq)]
pub struct AcledRow {
    /// The values, one per ACLED column.
    pub values: Vec<Value>,
    /// Mali's pre-2023 region of the place, when known (GeoJSON's `former_admin1`).
    pub former_admin1: Option<String>,
    /// Latitude and longitude, when the place has coordinates.
    pub point: Option<(f64, f64)>,
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

/// ACLED's interaction code: the two inter codes, lowest first (a sole actor's code times ten).
fn interaction(inter1: Option<u8>, inter2: Option<u8>) -> Option<i64> {
    match (inter1, inter2) {
        (Some(a), Some(b)) => Some(i64::from(a.min(b)) * 10 + i64::from(a.max(b))),
        (Some(a), None) | (None, Some(a)) => Some(i64::from(a) * 10),
        (None, None) => None,
    }
}

/// The earliest publication day among the event's sources (an event precedes its first report).
fn first_report(event: &StoredEvent) -> Option<Date> {
    event.sources.iter().filter_map(|s| Date::parse_iso(s.published.as_deref()?)).filter(|d| d.day.is_some()).min()
}

/// The event's ACLED date, or why it has none.
pub fn event_date(event: &StoredEvent, undated: Undated) -> Result<AcledDate, Undatable> {
    acled_date_or(event.summary.date.as_deref(), event.summary.time_precision, first_report(event), undated)
}

/// One ACLED row of an event, or why ACLED would not record it (no date to the month).
pub fn acled_row(
    kb: &KnowledgeBase,
    event: &StoredEvent,
    urls: &HashMap<DocId, String>,
    undated: Undated,
) -> Result<AcledRow, Undatable> {
    let date = event_date(event, undated)?;
    let s = &event.summary;
    let place: Option<&Place> = s.place.as_deref().and_then(|p| kb.place_index(p)).map(|i| &kb.places[i as usize]);
    let admin = place.map(|p| admin_of(kb, p)).unwrap_or_default();
    let country_code = place.and_then(|p| p.country.as_deref());
    let name_of = |actor: &Option<String>| {
        actor.as_deref().and_then(|a| kb.actor_index(a)).map(|i| kb.actors[i as usize].name.clone()).unwrap_or_default()
    };
    let inter1 = inter_code(kb, s.actor1.as_deref(), country_code, &s.sub_event_type);
    let inter2 = inter_code(kb, s.actor2.as_deref(), country_code, &s.sub_event_type);
    let disorder = kb.taxonomy.sub_event(&s.sub_event_type).map(|t| t.disorder_type.clone()).unwrap_or_default();
    let unit = |p: Option<&Place>| p.map(|p| unit_name(kb, p)).unwrap_or_default();
    let mut tags = Vec::new();
    if event.disputed {
        tags.push("disputed");
    }
    if s.foiled {
        tags.push("foiled");
    }
    if date.from_first_report {
        tags.push("date of first report");
    }
    let last_report =
        event.sources.iter().filter_map(|src| Date::parse_iso(src.published.as_deref()?)).map(|d| d.first_day()).max();
    let iso3 = admin.country.and_then(|c| c.iso3.clone()).unwrap_or_else(|| "XXX".into());
    let text = Value::Text;
    let values = vec![
        text(format!("{iso3}{}", event.id)),
        text(date.iso()),
        Value::Int(Some(i64::from(date.year()))),
        Value::Int(Some(i64::from(date.precision))),
        text(disorder),
        text(s.event_type.clone()),
        text(s.sub_event_type.clone()),
        text(name_of(&s.actor1)),
        text(String::new()),
        Value::Int(inter1.map(i64::from)),
        text(name_of(&s.actor2)),
        text(String::new()),
        Value::Int(inter2.map(i64::from)),
        Value::Int(interaction(inter1, inter2)),
        text(if s.actor2.as_deref() == Some("civilians") { "Civilian targeting".into() } else { String::new() }),
        Value::Int(admin.country.and_then(|c| c.iso_numeric).map(i64::from)),
        text(admin.region.unwrap_or_default().to_string()),
        text(admin.country.map(|c| c.name().to_string()).unwrap_or_default()),
        text(unit(admin.admin1)),
        text(unit(admin.admin2)),
        text(unit(admin.admin3)),
        text(place.map(|p| p.name().to_string()).unwrap_or_default()),
        Value::Real(s.lat),
        Value::Real(s.lon),
        Value::Int(Some(i64::from(s.geo_precision))),
        text(source_names(kb, event, urls).join("; ")),
        text(String::new()),
        text(s.evidence_text.clone()),
        Value::Int(Some(s.fatalities.map_or(0, |f| i64::try_from(f).unwrap_or(i64::MAX)))),
        text(tags.join("; ")),
        Value::Int(last_report.map(|day| day * 86_400)),
    ];
    let point = s.lat.zip(s.lon);
    Ok(AcledRow { values, former_admin1: admin.former_admin1.map(|p| unit_name(kb, p)), point })
}
