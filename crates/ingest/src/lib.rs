//! Ingestion: each document once, near-duplicates grouped as stories, and one event per
//! incident with every source's own claim.
//!
//! Architecture invariant: [`analyse`] is pure (run it in parallel); [`Ingestor::ingest`]
//! writes through the narrow [`marsad_store::Store`] interface and must be called in a fixed
//! document order, so that any run over the same inputs — including a run restarted after a
//! crash, since each batch is one transaction and stored documents are skipped — gives exactly
//! the same store.

pub mod fingerprint;
pub mod indexing;
pub mod merge;

use marsad_events::{Event, EventCoder};
use marsad_extract::{Entity, Extractor};
use marsad_kb::KnowledgeBase;
use marsad_search::IndexDoc;
use marsad_store::{Claim, DocId, EventFilter, EventId, NewDocument, NewEntity, NewMention, Store, StoreError};
use marsad_text::Lang;

/// Texts at least this similar (estimated Jaccard of word 3-shingles) are one story.
pub const NEAR_DUPLICATE_SIMILARITY: f64 = 0.6;

/// A document as read, before analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentInput {
    /// The id the input gave.
    pub key: String,
    /// URL, when known.
    pub url: Option<String>,
    /// Outlet, when known.
    pub outlet: Option<String>,
    /// YYYY-MM-DD, when known.
    pub published: Option<String>,
    /// Title, when known.
    pub title: Option<String>,
    /// The text.
    pub text: String,
}

/// A document analysed and ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysed {
    /// The document row.
    pub document: NewDocument,
    /// Its mentions.
    pub mentions: Vec<NewMention>,
    /// The knowledge-base entries it mentions.
    pub entities: Vec<NewEntity>,
    /// Its current events, each as this source's claim.
    pub claims: Vec<Claim>,
    /// What search indexes (its `doc_id` is set when stored).
    pub index: IndexDoc,
}

/// Each source's claim about one event: the event as told, or, when the document's sources
/// disagree, one claim per source with its own toll and doer.
fn claims_of(kb: &KnowledgeBase, chars: &[char], event: &Event) -> Vec<Claim> {
    let place = event.place.map(|p| &kb.places[p as usize]);
    let text =
        |start: u32, end: u32| chars.get(start as usize..end as usize).map(|s| s.iter().collect()).unwrap_or_default();
    let base = Claim {
        event_type: event.event_type().as_str().to_string(),
        sub_event_type: event.sub_event.as_str().to_string(),
        actor1: event.actor1.map(|a| kb.actors[a as usize].id.clone()),
        actor2: event.actor2.map(|a| kb.actors[a as usize].id.clone()),
        place: place.map(|p| p.id.clone()),
        lat: place.and_then(|p| p.lat),
        lon: place.and_then(|p| p.lon),
        geo_precision: event.geo_precision,
        date: event.date.map(|d| d.to_iso()),
        time_precision: event.time_precision as u8,
        fatalities: event.fatalities,
        attributed_to: event.attributed_to.map(|s| s.name(kb).to_string()),
        evidence_start: event.evidence.start,
        evidence_end: event.evidence.end,
        evidence_text: text(event.evidence.start, event.evidence.end),
        confidence: event.confidence,
        foiled: event.foiled,
    };
    if event.claims.is_empty() {
        return vec![base];
    }
    event
        .claims
        .iter()
        .map(|c| Claim {
            actor1: c.actor1.map(|a| kb.actors[a as usize].id.clone()).or(base.actor1.clone()),
            fatalities: c.fatalities,
            attributed_to: c.source.map(|s| s.name(kb).to_string()),
            evidence_start: c.evidence.start,
            evidence_end: c.evidence.end,
            evidence_text: text(c.evidence.start, c.evidence.end),
            ..base.clone()
        })
        .collect()
}

/// Analyse one document: mentions, events, fingerprints. Pure; safe to run in parallel.
pub fn analyse(kb: &KnowledgeBase, input: DocumentInput) -> Analysed {
    let extraction = Extractor::new(kb).extract(&input.text, input.title.as_deref());
    let events = EventCoder::new(kb).code(&input.text, &extraction, input.published.as_deref());
    let chars: Vec<char> = input.text.chars().collect();
    let mut mentions = Vec::with_capacity(extraction.mentions.len());
    let mut entities: Vec<NewEntity> = Vec::new();
    let (mut actors, mut places) = (Vec::new(), Vec::new());
    for m in &extraction.mentions {
        let (kind, id, name, lat, lon) = match m.entity {
            Entity::Place(i) => {
                let p = &kb.places[i as usize];
                ("place", p.id.clone(), p.name().to_string(), p.lat, p.lon)
            }
            Entity::Actor(i) => {
                ("actor", kb.actors[i as usize].id.clone(), kb.actors[i as usize].name.clone(), None, None)
            }
            Entity::Person(i) => {
                ("person", kb.people[i as usize].id.clone(), kb.people[i as usize].name.clone(), None, None)
            }
            Entity::Outlet(i) => {
                ("outlet", kb.outlets[i as usize].id.clone(), kb.outlets[i as usize].name.clone(), None, None)
            }
        };
        if !entities.iter().any(|e| e.kind == kind && e.id == id) {
            entities.push(NewEntity { kind: kind.to_string(), id: id.clone(), name, lat, lon });
        }
        let list = match kind {
            "place" => Some(&mut places),
            "actor" => Some(&mut actors),
            _ => None,
        };
        if let Some(list) = list {
            if !list.contains(&id) {
                list.push(id.clone());
            }
        }
        let text =
            chars.get(m.span.start as usize..m.span.end as usize).map(|s| s.iter().collect()).unwrap_or_default();
        mentions.push(NewMention { kind: kind.to_string(), entity_id: id, start: m.span.start, end: m.span.end, text });
    }
    let claims: Vec<Claim> = events.iter().filter(|e| !e.background).flat_map(|e| claims_of(kb, &chars, e)).collect();
    let mut event_types: Vec<String> = claims.iter().map(|c| c.event_type.clone()).collect();
    event_types.sort();
    event_types.dedup();
    let outlet = input.outlet.clone();
    let lang = extraction.lang.map(|l: Lang| l.code().to_string());
    let signature = fingerprint::minhash(&input.text);
    let document = NewDocument {
        key: input.key,
        content_hash: fingerprint::content_hash(&input.text),
        url: input.url,
        outlet: outlet.clone(),
        lang: lang.clone(),
        published: input.published.clone(),
        title: input.title.clone(),
        lsh_bands: fingerprint::bands(&signature),
        minhash: signature,
        text: input.text.clone(),
    };
    let index = IndexDoc {
        doc_id: 0,
        title: input.title,
        text: input.text,
        lang,
        outlet,
        published: input.published,
        event_types,
        actors,
        places,
    };
    Analysed { document, mentions, entities, claims, index }
}

/// What happened to one document.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Stored; its events were new or joined existing ones.
    Stored {
        /// Row id.
        doc_id: DocId,
        /// The story it belongs to holds other documents (a near-duplicate).
        near_duplicate: bool,
        /// A previous version of the same URL was replaced (its id).
        replaced: Option<DocId>,
        /// Events created.
        events_new: usize,
        /// Claims joined to existing events.
        events_merged: usize,
    },
    /// The same text is already stored.
    Duplicate,
}

/// Counts for the summary of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Report {
    /// Documents read.
    pub read: u64,
    /// Stored as new.
    pub new: u64,
    /// Same text already stored.
    pub duplicates: u64,
    /// Near-duplicates of a stored document (stored, in its story).
    pub near_duplicates: u64,
    /// Corrected versions that replaced an older one of the same URL.
    pub replaced: u64,
    /// Inputs that could not be read.
    pub failed: u64,
    /// Events created.
    pub events_new: u64,
    /// Claims joined to existing events.
    pub events_merged: u64,
}

impl Report {
    /// Add one outcome.
    pub fn add(&mut self, outcome: &Outcome) {
        self.read += 1;
        match outcome {
            Outcome::Duplicate => self.duplicates += 1,
            Outcome::Stored { near_duplicate, replaced, events_new, events_merged, .. } => {
                self.new += 1;
                self.near_duplicates += u64::from(*near_duplicate);
                self.replaced += u64::from(replaced.is_some());
                self.events_new += *events_new as u64;
                self.events_merged += *events_merged as u64;
            }
        }
    }
}

/// Writes analysed documents into a store.
pub struct Ingestor<'kb, S: Store> {
    kb: &'kb KnowledgeBase,
    store: S,
    /// Entities recorded during this run (a few hundred): each is written once.
    recorded: std::collections::HashSet<(String, String)>,
}

impl<'kb, S: Store> Ingestor<'kb, S> {
    /// An ingestor writing into `store`.
    pub fn new(kb: &'kb KnowledgeBase, store: S) -> Self {
        Ingestor { kb, store, recorded: std::collections::HashSet::new() }
    }

    /// The store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The store, mutably (to begin and commit batches).
    pub fn store_mut(&mut self) -> &mut S {
        &mut self.store
    }

    /// Give the store back.
    pub fn into_store(self) -> S {
        self.store
    }

    /// Store one analysed document (inside the caller's batch).
    pub fn ingest(&mut self, analysed: &Analysed) -> Result<Outcome, StoreError> {
        let document = &analysed.document;
        if self.store.document_by_hash(&document.content_hash)?.is_some() {
            return Ok(Outcome::Duplicate);
        }
        // A corrected version of a URL replaces the old one; its events are recomputed.
        let mut replaced = None;
        if let Some(url) = document.url.as_deref() {
            if let Some((old, _)) = self.store.document_by_url(url)? {
                let touched = self.store.delete_document(old)?;
                self.recompute(&touched)?;
                replaced = Some(old);
            }
        }
        let near = self.store.near_duplicates(&document.lsh_bands, &document.minhash, NEAR_DUPLICATE_SIMILARITY)?;
        let story = near.first().map(|(_, story)| *story);
        let (doc_id, _) = self.store.insert_document(document, &analysed.mentions, story)?;
        let new_entities: Vec<NewEntity> = analysed
            .entities
            .iter()
            .filter(|e| !self.recorded.contains(&(e.kind.clone(), e.id.clone())))
            .cloned()
            .collect();
        if !new_entities.is_empty() {
            self.store.upsert_entities(&new_entities)?;
            self.recorded.extend(new_entities.into_iter().map(|e| (e.kind, e.id)));
        }
        let (mut events_new, mut events_merged) = (0, 0);
        // Events this document already reports: its other claims are other incidents.
        let mut joined: Vec<EventId> = Vec::new();
        for claim in &analysed.claims {
            match self.find_event(claim, &joined)? {
                Some((event, reason)) => {
                    self.store.add_source(event.id, doc_id, claim, &reason)?;
                    let (summary, disputed) = merge::absorb(&event.summary, event.disputed, claim);
                    self.store.update_summary(event.id, &summary, disputed)?;
                    joined.push(event.id);
                    events_merged += 1;
                }
                None => {
                    joined.push(self.store.insert_event(doc_id, claim)?);
                    events_new += 1;
                }
            }
        }
        Ok(Outcome::Stored { doc_id, near_duplicate: story.is_some(), replaced, events_new, events_merged })
    }

    /// The stored event this claim reports (not one of `skip`), with the reason, if any.
    fn find_event(
        &self,
        claim: &Claim,
        skip: &[EventId],
    ) -> Result<Option<(marsad_store::StoredEvent, String)>, StoreError> {
        let (from, to) = match claim.date.as_deref().and_then(merge::day_range) {
            Some((first, last)) => (
                marsad_text::dates::Date::from_day_number(first - merge::NEAR_DAYS).map(|d| d.to_iso()),
                marsad_text::dates::Date::from_day_number(last + merge::NEAR_DAYS).map(|d| d.to_iso()),
            ),
            None => (None, None),
        };
        // Within NEAR_KM (a region- or country-level claim joins only events at that same place).
        let degrees = merge::NEAR_KM / 100.0 + 0.05;
        let bbox = claim.lat.zip(claim.lon).map(|(lat, lon)| {
            (
                lat - degrees,
                lon - degrees / lat.to_radians().cos().max(0.1),
                lat + degrees,
                lon + degrees / lat.to_radians().cos().max(0.1),
            )
        });
        // A dated claim only joins dated events and an undated one only undated ones (merge::joins).
        let filter = EventFilter {
            from,
            to,
            event_type: Some(claim.event_type.clone()),
            bbox,
            dated: Some(claim.date.is_some()),
            ..EventFilter::default()
        };
        let candidates = self.store.candidate_events(&filter)?;
        Ok(candidates
            .into_iter()
            .filter(|event| !skip.contains(&event.id))
            .find_map(|event| merge::joins(self.kb, claim, &event.summary).map(|reason| (event, reason))))
    }

    /// Recompute the merged version of events whose sources changed.
    fn recompute(&mut self, events: &[EventId]) -> Result<(), StoreError> {
        for id in events {
            if let Some(event) = self.store.event(*id)? {
                if let Some((summary, disputed)) = merge::summary(&event.sources) {
                    self.store.update_summary(*id, &summary, disputed)?;
                }
            }
        }
        Ok(())
    }
}
