//! Exports of stored events, so tools built for ACLED, QGIS and web maps read marsad's data:
//! ACLED's CSV (ACLED's columns in ACLED's order), GeoJSON (a FeatureCollection of points, with
//! numbers as numbers) and JSON Lines (every event with every source's claim).
//!
//! The CSV and the GeoJSON hold ACLED rows, so they follow ACLED's rules: every row has a day
//! (`dating`), the outlets that reported it (`sources`) and its place's admin units and world
//! region from the knowledge base (`admin`). An event ACLED would not record (no date, or only a
//! year) is left out and counted in the [`Written`] report, by reason; JSON Lines keeps every
//! event as stored.

pub mod acled;
pub mod admin;
pub mod dating;
pub mod sources;

pub use acled::{acled_row, event_date, inter_code, AcledRow, Value, ACLED_COLUMNS};
pub use dating::{AcledDate, Undatable, Undated};

use marsad_kb::KnowledgeBase;
use marsad_store::{Claim, DocId, EventFilter, EventId, Store, StoreError, StoredEvent};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;

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

/// The events matching `filter`, read one by one so that a damaged row costs only its own
/// event: `on_bad` hears of each event that cannot be read (its id and why), and the others
/// are returned. Fails only when the list of matching events cannot be read at all.
pub fn read_events<S: Store>(
    store: &S,
    filter: &EventFilter,
    mut on_bad: impl FnMut(EventId, StoreError),
) -> Result<Vec<StoredEvent>, StoreError> {
    let ids = store.event_ids(filter)?;
    let mut events = Vec::with_capacity(ids.len());
    for id in ids {
        match store.event(id) {
            Ok(Some(event)) => events.push(event),
            Ok(None) => {}
            Err(error) => on_bad(id, error),
        }
    }
    Ok(events)
}

/// Why an event is not in an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeftOut {
    /// ACLED would not record it: no date to the month.
    Undated(Undatable),
    /// A map needs a point: the event's place has no coordinates (GeoJSON only).
    NoCoordinates,
}

impl LeftOut {
    /// How the report names the reason.
    pub fn describe(self) -> &'static str {
        match self {
            LeftOut::Undated(reason) => reason.describe(),
            LeftOut::NoCoordinates => "a place without coordinates",
        }
    }
}

/// What an export wrote, and what it left out by reason (with the event ids).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// Rows or features written.
    pub rows: usize,
    /// Events left out, by reason.
    pub left_out: BTreeMap<LeftOut, Vec<marsad_store::EventId>>,
}

impl Written {
    /// Events left out, all reasons together.
    pub fn left_out_count(&self) -> usize {
        self.left_out.values().map(Vec::len).sum()
    }

    /// One line per reason ("3 event(s) left out: no date (ids 4, 9, 12)"), for standard error.
    pub fn left_out_lines(&self) -> Vec<String> {
        self.left_out
            .iter()
            .map(|(reason, ids)| {
                let shown: Vec<String> = ids.iter().take(20).map(|id| id.to_string()).collect();
                let more = if ids.len() > shown.len() { ", …" } else { "" };
                format!("{} event(s) left out: {} (ids {}{more})", ids.len(), reason.describe(), shown.join(", "))
            })
            .collect()
    }

    fn leave_out(&mut self, reason: LeftOut, id: marsad_store::EventId) {
        self.left_out.entry(reason).or_default().push(id);
    }
}

/// Writes exports: the knowledge base, and each document's URL for the source of a document
/// that names no outlet.
#[derive(Debug, Clone)]
pub struct Exporter<'a> {
    kb: &'a KnowledgeBase,
    urls: HashMap<DocId, String>,
    undated: Undated,
}

impl<'a> Exporter<'a> {
    /// An exporter with no document URLs known.
    pub fn new(kb: &'a KnowledgeBase) -> Self {
        Exporter { kb, urls: HashMap::new(), undated: Undated::LeaveOut }
    }

    /// What to do with events dated less precisely than a month (by default, ACLED's rule:
    /// leave them out).
    pub fn undated(mut self, undated: Undated) -> Self {
        self.undated = undated;
        self
    }

    /// The URLs of documents, read for the source of a document with no outlet.
    pub fn with_urls(mut self, urls: impl IntoIterator<Item = (DocId, String)>) -> Self {
        self.urls.extend(urls);
        self
    }

    /// The documents whose URL an export of these events reads: sources with no outlet.
    pub fn documents_needing_urls(events: &[StoredEvent]) -> Vec<DocId> {
        let mut ids: Vec<DocId> = events
            .iter()
            .flat_map(|e| &e.sources)
            .filter(|s| s.outlet.as_deref().is_none_or(|o| o.trim().is_empty()))
            .map(|s| s.doc_id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// One event as an ACLED row, or why it has none.
    pub fn row(&self, event: &StoredEvent) -> Result<AcledRow, LeftOut> {
        acled_row(self.kb, event, &self.urls, self.undated).map_err(LeftOut::Undated)
    }

    /// Write events as ACLED CSV: the header, then one row per event ACLED would record.
    pub fn write_acled_csv(&self, events: &[StoredEvent], out: impl Write) -> Result<Written, ExportError> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(ACLED_COLUMNS)?;
        let mut written = Written::default();
        for event in events {
            match self.row(event) {
                Ok(row) => {
                    writer.write_record(row.values.iter().map(Value::csv))?;
                    written.rows += 1;
                }
                Err(reason) => written.leave_out(reason, event.id),
            }
        }
        writer.flush()?;
        Ok(written)
    }

    /// One event as a GeoJSON feature, or why it has none.
    pub fn feature(&self, event: &StoredEvent) -> Result<serde_json::Value, LeftOut> {
        let row = self.row(event)?;
        let (lat, lon) = row.point.ok_or(LeftOut::NoCoordinates)?;
        let mut properties: serde_json::Map<String, serde_json::Value> =
            ACLED_COLUMNS.iter().zip(&row.values).map(|(k, v)| (k.to_string(), v.json())).collect();
        properties.insert("marsad_id".into(), event.id.into());
        properties.insert("disputed".into(), event.disputed.into());
        properties.insert("foiled".into(), event.summary.foiled.into());
        properties.insert("sources".into(), event.sources.len().into());
        properties.insert("independent_sources".into(), event.independent_sources().into());
        properties.insert("former_admin1".into(), row.former_admin1.map_or(serde_json::Value::Null, Into::into));
        Ok(serde_json::json!({
            "type": "Feature",
            "id": event.id,
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": serde_json::Value::Object(properties),
        }))
    }

    /// Write events as a GeoJSON FeatureCollection of the ACLED rows that have a point.
    pub fn write_geojson(&self, events: &[StoredEvent], mut out: impl Write) -> Result<Written, ExportError> {
        let mut written = Written::default();
        let mut features = Vec::new();
        for event in events {
            match self.feature(event) {
                Ok(feature) => features.push(feature),
                Err(reason) => written.leave_out(reason, event.id),
            }
        }
        written.rows = features.len();
        let collection = serde_json::json!({"type": "FeatureCollection", "features": features});
        serde_json::to_writer(&mut out, &collection).map_err(|e| ExportError::Write(e.to_string()))?;
        writeln!(out)?;
        Ok(written)
    }

    /// Write every event as JSON Lines, as stored (nothing is left out).
    pub fn write_jsonl(&self, events: &[StoredEvent], mut out: impl Write) -> Result<Written, ExportError> {
        for event in events {
            writeln!(out, "{}", event_json(self.kb, event))?;
        }
        Ok(Written { rows: events.len(), ..Written::default() })
    }
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

#[cfg(test)]
mod tests;
