//! marsad's memory: documents, their mentions, the events they report and, for every event,
//! each source's own claim — in one embedded SQLite file (WAL) by default.
//!
//! Architecture invariant: the rest of marsad talks to storage only through the [`Store`]
//! trait and the plain types below, so that a PostgreSQL backend can follow without touching
//! ingestion, search or export. Everything a store writes for one batch is one transaction:
//! a crash leaves either the whole batch or none of it.

pub mod queries;
pub mod schema;
pub mod sqlite;

pub use sqlite::SqliteStore;

/// Row id of a stored document.
pub type DocId = i64;
/// Row id of a stored event.
pub type EventId = i64;
/// Row id of a story (a cluster of near-duplicate documents).
pub type StoryId = i64;
/// A document of a story: (id, key, outlet, url).
pub type StoryMember = (DocId, String, Option<String>, Option<String>);

/// A storage failure, naming what was being done.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or created.
    #[error("{path}: cannot open the store: {message}")]
    Open {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
    /// The file was written by a newer marsad (schema version higher than this build knows).
    #[error("{path}: schema version {found} is newer than this marsad ({supported}); upgrade marsad")]
    TooNew {
        /// The file.
        path: String,
        /// Version in the file.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// A query failed.
    #[error("store: {context}: {message}")]
    Query {
        /// What was being done.
        context: String,
        /// SQLite's message.
        message: String,
    },
}

/// A document to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDocument {
    /// The id the input gave (file stem, JSON id).
    pub key: String,
    /// Hex digest of the text: the same text is the same document.
    pub content_hash: String,
    /// URL, when known.
    pub url: Option<String>,
    /// Outlet name, when known.
    pub outlet: Option<String>,
    /// ISO 639-1 language.
    pub lang: Option<String>,
    /// YYYY-MM-DD, when known.
    pub published: Option<String>,
    /// Title, when known.
    pub title: Option<String>,
    /// The text the offsets count in.
    pub text: String,
    /// MinHash signature of the normalised text, for near-duplicate stories.
    pub minhash: Vec<u32>,
    /// Its LSH band keys: documents sharing a key are near-duplicate candidates.
    pub lsh_bands: Vec<u64>,
}

/// A mention of a knowledge-base entity in a stored document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMention {
    /// `place`, `actor`, `person` or `outlet`.
    pub kind: String,
    /// Knowledge-base id.
    pub entity_id: String,
    /// First char.
    pub start: u32,
    /// One past the last char.
    pub end: u32,
    /// The chars.
    pub text: String,
}

/// A knowledge-base entry that stored documents mention, kept in the store so it stands
/// alone for other tools (names and coordinates without the knowledge base).
#[derive(Debug, Clone, PartialEq)]
pub struct NewEntity {
    /// `place`, `actor`, `person` or `outlet`.
    pub kind: String,
    /// Knowledge-base id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Coordinates (places).
    pub lat: Option<f64>,
    /// Coordinates (places).
    pub lon: Option<f64>,
}

/// One source's version of an event (what one document says about the incident).
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// ACLED event type.
    pub event_type: String,
    /// ACLED sub-event type.
    pub sub_event_type: String,
    /// Actor ids.
    pub actor1: Option<String>,
    /// Actor id.
    pub actor2: Option<String>,
    /// Place id.
    pub place: Option<String>,
    /// Place coordinates.
    pub lat: Option<f64>,
    /// Place coordinates.
    pub lon: Option<f64>,
    /// 1 to 3.
    pub geo_precision: u8,
    /// YYYY-MM-DD, YYYY-MM or YYYY.
    pub date: Option<String>,
    /// 1 to 3.
    pub time_precision: u8,
    /// Deaths this source reports.
    pub fatalities: Option<u64>,
    /// Who this source says reported or claimed it.
    pub attributed_to: Option<String>,
    /// The evidence sentence: first char.
    pub evidence_start: u32,
    /// One past its last char.
    pub evidence_end: u32,
    /// The sentence.
    pub evidence_text: String,
    /// 0 to 1.
    pub confidence: f32,
    /// The attack was foiled.
    pub foiled: bool,
}

/// A claim as stored, with the document it comes from and why it was joined to its event.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The document.
    pub doc_id: DocId,
    /// Its input key.
    pub doc_key: String,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Its publication date.
    pub published: Option<String>,
    /// Its story: sources of one story are one report republished, counted once.
    pub story: StoryId,
    /// What it says.
    pub claim: Claim,
    /// Why this source was joined to the event (empty for the first source).
    pub reason: String,
}

impl StoredEvent {
    /// Number of independent reports: sources of one story (republications) count once.
    pub fn independent_sources(&self) -> usize {
        let mut stories: Vec<StoryId> = self.sources.iter().map(|s| s.story).collect();
        stories.sort_unstable();
        stories.dedup();
        stories.len()
    }
}

/// An incident with every source that reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    /// Row id.
    pub id: EventId,
    /// The merged version (ACLED's conservative rule: lowest credible fatality count).
    pub summary: Claim,
    /// The sources disagree on fatalities, the doer or the outcome.
    pub disputed: bool,
    /// Every source, first reporter first.
    pub sources: Vec<Source>,
}

/// Which events to return.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    /// Earliest date (YYYY-MM-DD), inclusive.
    pub from: Option<String>,
    /// Latest date, inclusive.
    pub to: Option<String>,
    /// ACLED event type.
    pub event_type: Option<String>,
    /// Actor id as actor1 or actor2.
    pub actor: Option<String>,
    /// Place ids (a place, or every place within a radius, expanded by the caller).
    pub places: Option<Vec<String>>,
    /// Bounding box (min lat, min lon, max lat, max lon), for candidate lookups.
    pub bbox: Option<(f64, f64, f64, f64)>,
    /// Language of at least one source.
    pub lang: Option<String>,
    /// Outlet of at least one source.
    pub outlet: Option<String>,
    /// Only events reported by one of these documents (the hits of a text search).
    pub documents: Option<Vec<DocId>>,
    /// Candidate lookups: only dated events (`Some(true)`), only undated ones (`Some(false)`), or both.
    pub dated: Option<bool>,
}

/// Counts of what the store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents.
    pub documents: u64,
    /// Story clusters.
    pub stories: u64,
    /// Events.
    pub events: u64,
    /// Sources of events (claims).
    pub sources: u64,
    /// Mentions.
    pub mentions: u64,
}

/// The narrow interface every storage backend implements.
pub trait Store {
    /// Start a batch: everything until [`Store::commit`] is one transaction.
    fn begin(&mut self) -> Result<(), StoreError>;
    /// Make the batch durable.
    fn commit(&mut self) -> Result<(), StoreError>;
    /// The document with this content hash.
    fn document_by_hash(&self, content_hash: &str) -> Result<Option<DocId>, StoreError>;
    /// The document stored under this URL, with its content hash.
    fn document_by_url(&self, url: &str) -> Result<Option<(DocId, String)>, StoreError>;
    /// Documents sharing an LSH band key whose MinHash similarity to `minhash` is at least
    /// `min_similarity`, most similar first (with their story).
    fn near_duplicates(
        &self,
        lsh_bands: &[u64],
        minhash: &[u32],
        min_similarity: f64,
    ) -> Result<Vec<(DocId, StoryId)>, StoreError>;
    /// Store a document and its mentions in `story` (None: a new story); returns its id and story.
    fn insert_document(
        &mut self,
        document: &NewDocument,
        mentions: &[NewMention],
        story: Option<StoryId>,
    ) -> Result<(DocId, StoryId), StoreError>;
    /// The document holding the URL whose earlier version had this content hash (after
    /// every later correction), if that text was replaced.
    fn superseded_by(&self, content_hash: &str) -> Result<Option<DocId>, StoreError>;
    /// Remember that document `old`, whose text hashed to `old_hash`, was replaced by `new`
    /// (and that the versions `old` had replaced are now held by `new` too).
    fn record_superseded(&mut self, old: DocId, old_hash: &str, new: DocId) -> Result<(), StoreError>;
    /// Record the entities documents mention (an entity already recorded is updated).
    fn upsert_entities(&mut self, entities: &[NewEntity]) -> Result<(), StoreError>;
    /// A recorded entity.
    fn entity(&self, kind: &str, id: &str) -> Result<Option<NewEntity>, StoreError>;
    /// Remove a document, its mentions and its sources; events left without a source go too.
    /// Returns the events that lost a source (to be recomputed).
    fn delete_document(&mut self, doc_id: DocId) -> Result<Vec<EventId>, StoreError>;
    /// Events that may be the same incident as a new claim: same event type, date within the
    /// filter's range, place inside its bounding box (or no date / no place, as `dated` says).
    /// Returned with their summary only (`sources` empty): merging must stay cheap however many
    /// reports an incident gathers.
    fn candidate_events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError>;
    /// A new event whose first source is `claim` from `doc_id`.
    fn insert_event(&mut self, doc_id: DocId, claim: &Claim) -> Result<EventId, StoreError>;
    /// Join another source to an event, saying why.
    fn add_source(&mut self, event_id: EventId, doc_id: DocId, claim: &Claim, reason: &str) -> Result<(), StoreError>;
    /// Replace an event's merged version and disputed flag.
    fn update_summary(&mut self, event_id: EventId, summary: &Claim, disputed: bool) -> Result<(), StoreError>;
    /// One event with its sources.
    fn event(&self, id: EventId) -> Result<Option<StoredEvent>, StoreError>;
    /// Events matching a filter, ordered by date then id.
    fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError>;
    /// The ids of the events matching a filter, in [`Store::events`]' order: reading them one
    /// by one lets a reader skip a damaged row and go on (`marsad export`).
    fn event_ids(&self, filter: &EventFilter) -> Result<Vec<EventId>, StoreError>;
    /// Documents of a story, earliest first: (id, key, outlet, url).
    fn story_members(&self, story: StoryId) -> Result<Vec<StoryMember>, StoreError>;
    /// What the store holds.
    fn counts(&self) -> Result<Counts, StoreError>;
}
