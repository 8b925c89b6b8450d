//! The SQLite backend of [`Store`]: one database file in WAL mode.
//!
//! Every statement goes through `prepare_cached`, so the hot ingestion path (hash and URL
//! lookups, near-duplicates, inserts, candidate queries) parses no SQL after warm-up.
//! A batch ([`Store::begin`] … [`Store::commit`]) is one `BEGIN IMMEDIATE` transaction;
//! outside a batch each writing method is its own transaction, inside one it runs in a
//! savepoint, so a failing call never leaves half of itself behind either way.

use std::path::Path;
use std::sync::LazyLock;
use std::time::Duration;

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OpenFlags, OptionalExtension, Row};

use crate::schema::{self, CLAIM_COLUMNS, CURRENT_VERSION};
use crate::{
    Claim, Counts, DocId, EventFilter, EventId, NewDocument, NewEntity, NewMention, Source, Store, StoreError,
    StoredEvent, StoryId, StoryMember,
};

/// How long a writer waits for another process's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Page cache per connection, in KiB: ingestion touches index pages all over the file (mentions
/// by entity, LSH bands), and pages evicted mid-batch are written to the WAL twice.
const CACHE_KIB: u32 = 64 * 1024;

/// Checkpoint the WAL into the database after this many pages (16 MiB at 4 KiB pages), not
/// SQLite's 1000: one ingestion batch rewrites index pages all over the file, and a
/// checkpoint (with its fsyncs) after nearly every batch costs more than the batch itself.
const WAL_CHECKPOINT_PAGES: u32 = 4096;

/// The WAL file is truncated back to this size (bytes) after a checkpoint.
const WAL_SIZE_LIMIT: u64 = 64 * 1024 * 1024;

/// Readers map this much of the file: clean pages are read from the OS page cache in place,
/// shared by every reader, instead of copied into each connection's own cache.
const READ_MMAP_BYTES: u64 = 1 << 30;

/// Statements kept prepared (the events filter builds one shape per filter combination).
const STATEMENT_CACHE: usize = 64;

/// A MinHash signature as stored: u32 values, little-endian.
fn signature_blob(signature: &[u32]) -> Vec<u8> {
    signature.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// A stored signature back as u32 values.
fn signature_of(blob: &[u8]) -> Vec<u32> {
    blob.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

/// Share of equal values of two signatures (their estimated Jaccard similarity).
fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// A [`Store`] in one SQLite file.
pub struct SqliteStore {
    pub(crate) conn: Connection,
    /// The file, for error messages (`:memory:` for in-memory stores).
    path: String,
}

/// Attach a context to rusqlite failures.
pub(crate) trait Context<T> {
    /// Turn the error into [`StoreError::Query`] naming what was being done.
    fn context(self, what: impl FnOnce() -> String) -> Result<T, StoreError>;
}

impl<T> Context<T> for rusqlite::Result<T> {
    fn context(self, what: impl FnOnce() -> String) -> Result<T, StoreError> {
        self.map_err(|error| StoreError::Query { context: what(), message: error.to_string() })
    }
}

/// A failure that is not SQLite's (a broken invariant found in the data or the call).
pub(crate) fn invalid(context: String, message: impl Into<String>) -> StoreError {
    StoreError::Query { context, message: message.into() }
}

/// Whether `path` lies on a file system mounted read-only (statvfs(2)). The store's file is
/// never opened to find out: closing any descriptor of it would release every POSIX lock
/// SQLite holds on it in this process, and another process could then write beside us.
pub fn on_read_only_file_system(path: &Path) -> bool {
    #[cfg(unix)]
    {
        rustix::fs::statvfs(path).is_ok_and(|s| s.f_flag.contains(rustix::fs::StatVfsMountFlags::RDONLY))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Whether this process may write `path` (a file: change it; a directory: create files in
/// it), asked with access(2): a read-only file system, an immutable file or missing
/// permission all say no, with the operating system's reason. Never opens the file, for the
/// reason given at [`on_read_only_file_system`].
pub fn check_writable(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        rustix::fs::access(path, rustix::fs::Access::WRITE_OK).map_err(std::io::Error::from)
    }
    #[cfg(not(unix))]
    {
        if std::fs::metadata(path)?.permissions().readonly() {
            return Err(std::io::Error::new(std::io::ErrorKind::PermissionDenied, "the file is read-only"));
        }
        Ok(())
    }
}

/// `file:` URI of `path` (percent-encoded) opened with `immutable=1`.
fn immutable_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for byte in absolute.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Open (creating if needed) the store at `path`, migrating it to the current schema.
pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
    SqliteStore::open(path)
}

/// A private in-memory store, for tests.
pub fn open_in_memory() -> Result<SqliteStore, StoreError> {
    SqliteStore::open_in_memory()
}

impl SqliteStore {
    /// Open (creating if needed) the store at `path`, migrating it to the current schema.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let name = path.display().to_string();
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|error| StoreError::Open { path: name.clone(), message: error.to_string() })?;
        Self::setup(conn, name)
    }

    /// Open the store at `path` for reading only (a server's reader connections). The file
    /// must exist and already be at [`CURRENT_VERSION`]: readers never migrate.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        let name = path.display().to_string();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let open_error = |error: rusqlite::Error| StoreError::Open { path: name.clone(), message: error.to_string() };
        // On a read-only file system SQLite cannot create the WAL's shared-memory file, so it
        // could not read the file at all; nothing can change the file there, which is exactly
        // what `immutable=1` tells SQLite.
        let conn = if on_read_only_file_system(path) {
            Connection::open_with_flags(immutable_uri(path), flags).map_err(open_error)?
        } else {
            Connection::open_with_flags(path, flags).map_err(open_error)?
        };
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_error)?;
        conn.execute_batch(&format!(
            "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -{CACHE_KIB}; PRAGMA mmap_size = {READ_MMAP_BYTES};"
        ))
        .map_err(open_error)?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        let store = SqliteStore { conn, path: name };
        let found = store.schema_version()?;
        store.refuse_newer(found)?;
        if found != CURRENT_VERSION {
            return Err(StoreError::Open {
                path: store.path.clone(),
                message: format!(
                    "schema version {found} needs migrating to {CURRENT_VERSION}: open it for writing first"
                ),
            });
        }
        Ok(store)
    }

    /// A private in-memory store, for tests.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory()
            .map_err(|error| StoreError::Open { path: ":memory:".into(), message: error.to_string() })?;
        Self::setup(conn, ":memory:".into())
    }

    /// Pragmas, then migrations.
    fn setup(conn: Connection, path: String) -> Result<Self, StoreError> {
        let open_error = |error: rusqlite::Error| StoreError::Open { path: path.clone(), message: error.to_string() };
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_error)?;
        // Reading the journal mode back also proves the file is a database at all.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0)).map_err(open_error)?;
        conn.execute_batch(&format!(
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -{CACHE_KIB}; \
             PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}; PRAGMA journal_size_limit = {WAL_SIZE_LIMIT};"
        ))
        .map_err(open_error)?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        let mut store = SqliteStore { conn, path };
        store.migrate()?;
        Ok(store)
    }

    /// Bring the schema to [`CURRENT_VERSION`], refusing files from a newer marsad.
    fn migrate(&mut self) -> Result<(), StoreError> {
        let found = schema::version(&self.conn).context(|| "reading the schema version".into())?;
        self.refuse_newer(found)?;
        if found == CURRENT_VERSION {
            return Ok(());
        }
        let context = || format!("migrating the schema from version {found} to {CURRENT_VERSION}");
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).context(context)?;
        // Another process may have migrated between the first read and the lock.
        let found = schema::version(&tx).context(context)?;
        if found > CURRENT_VERSION {
            return Err(StoreError::TooNew { path: self.path.clone(), found, supported: CURRENT_VERSION });
        }
        schema::migrate(&tx, found).context(context)?;
        tx.commit().context(context)
    }

    fn refuse_newer(&self, found: i64) -> Result<(), StoreError> {
        if found > CURRENT_VERSION {
            return Err(StoreError::TooNew { path: self.path.clone(), found, supported: CURRENT_VERSION });
        }
        Ok(())
    }

    /// The schema version of the open file (always [`CURRENT_VERSION`] once opened).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        schema::version(&self.conn).context(|| "reading the schema version".into())
    }

    /// Whether a batch is open.
    pub fn in_batch(&self) -> bool {
        !self.conn.is_autocommit()
    }

    /// Abandon the open batch: nothing written since [`Store::begin`] remains.
    pub fn rollback(&mut self) -> Result<(), StoreError> {
        if !self.in_batch() {
            return Err(invalid("rolling back a batch".into(), "no batch is open"));
        }
        self.conn.execute_batch("ROLLBACK").context(|| "rolling back a batch".into())
    }

    /// Run `work` atomically: its own transaction outside a batch, a savepoint inside one.
    fn atomic<T>(
        &mut self,
        context: impl Fn() -> String,
        work: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let (start, done, undo) = if self.in_batch() {
            ("SAVEPOINT marsad_op", "RELEASE marsad_op", "ROLLBACK TO marsad_op; RELEASE marsad_op")
        } else {
            ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK")
        };
        self.conn.prepare_cached(start).and_then(|mut s| s.execute([])).context(&context)?;
        match work(&self.conn) {
            Ok(value) => {
                self.conn.prepare_cached(done).and_then(|mut s| s.execute([])).context(&context)?;
                Ok(value)
            }
            Err(error) => {
                // The original error matters more than a failure to undo (which SQLite
                // resolves itself by rolling back when the connection closes).
                let _ = self.conn.execute_batch(undo);
                Err(error)
            }
        }
    }

    /// A stored document, as it was given (None if there is none with this id).
    pub fn document(&self, id: DocId) -> Result<Option<NewDocument>, StoreError> {
        let context = || format!("reading document {id}");
        let mut statement = self
            .conn
            .prepare_cached("SELECT key, content_hash, url, outlet, lang, published, title, text, minhash FROM documents WHERE id = ?1")
            .context(context)?;
        statement
            .query_row([id], |row| {
                Ok(NewDocument {
                    key: row.get(0)?,
                    content_hash: row.get(1)?,
                    url: row.get(2)?,
                    outlet: row.get(3)?,
                    lang: row.get(4)?,
                    published: row.get(5)?,
                    title: row.get(6)?,
                    text: row.get(7)?,
                    minhash: signature_of(&row.get::<_, Vec<u8>>(8)?),
                    lsh_bands: Vec::new(),
                })
            })
            .optional()
            .context(context)?
            .map(|mut document| {
                let mut bands = self
                    .conn
                    .prepare_cached("SELECT key FROM lsh_bands WHERE doc_id = ?1 ORDER BY band")
                    .context(context)?;
                let keys = bands.query_map([id], |row| row.get::<_, i64>(0)).context(context)?;
                for key in keys {
                    document.lsh_bands.push(key.context(context)? as u64);
                }
                Ok(document)
            })
            .transpose()
    }

    /// The event types a document's claims report (for rebuilding its search entry).
    pub fn document_event_types(&self, doc_id: DocId) -> Result<Vec<String>, StoreError> {
        let context = || format!("reading the event types of document {doc_id}");
        let mut statement = self
            .conn
            .prepare_cached("SELECT DISTINCT event_type FROM event_sources WHERE doc_id = ?1 ORDER BY event_type")
            .context(context)?;
        let rows = statement.query_map([doc_id], |row| row.get::<_, String>(0)).context(context)?;
        rows.collect::<Result<Vec<_>, _>>().context(context)
    }

    /// Ids of the stored documents above `after`, in order (for rebuilding search entries).
    pub fn document_ids_after(&self, after: DocId) -> Result<Vec<DocId>, StoreError> {
        let context = || format!("listing documents after {after}");
        let mut statement =
            self.conn.prepare_cached("SELECT id FROM documents WHERE id > ?1 ORDER BY id").context(context)?;
        let rows = statement.query_map([after], |row| row.get::<_, DocId>(0)).context(context)?;
        rows.collect::<Result<Vec<_>, _>>().context(context)
    }

    /// Ids of every stored document, in order (to compare with the search index).
    pub fn document_ids(&self) -> Result<Vec<DocId>, StoreError> {
        self.document_ids_after(0)
    }

    /// The highest document id ever stored (0 for none): ids are never reused, so a store
    /// changed since the index last caught up has a higher one than the index's marker.
    pub fn max_document_id(&self) -> Result<DocId, StoreError> {
        let context = || "reading the highest document id".to_string();
        let mut statement = self
            .conn
            .prepare_cached("SELECT COALESCE(MAX(id), 0), COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'documents'), 0) FROM documents")
            .context(context)?;
        statement.query_row([], |row| Ok(row.get::<_, DocId>(0)?.max(row.get::<_, DocId>(1)?))).context(context)
    }

    /// SQLite's `PRAGMA quick_check`: the structure of every page, without cross-checking
    /// indexes against tables (linear in the file, cheap enough for every writer's open).
    /// Returns the problems found, none when the file is sound.
    pub fn quick_check(&self) -> Result<Vec<String>, StoreError> {
        self.check_pragma("quick_check")
    }

    /// SQLite's full `PRAGMA integrity_check` (also every index against its table; `marsad
    /// check`). Returns the problems found, none when the file is sound.
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        self.check_pragma("integrity_check")
    }

    fn check_pragma(&self, pragma: &str) -> Result<Vec<String>, StoreError> {
        let context = || format!("{}: running PRAGMA {pragma}", self.path);
        let mut statement = self.conn.prepare(&format!("PRAGMA {pragma}")).context(context)?;
        let rows = statement.query_map([], |row| row.get::<_, String>(0)).context(context)?;
        let lines = rows.collect::<Result<Vec<_>, _>>().context(context)?;
        Ok(lines.into_iter().filter(|line| line != "ok").collect())
    }

    /// Whether SQLite opened the file read-only (a read-only file or medium opened for writing).
    pub fn is_read_only(&self) -> bool {
        self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true)
    }

    /// The file, as named in messages.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The mentions of a document, in text order.
    pub fn mentions(&self, doc_id: DocId) -> Result<Vec<NewMention>, StoreError> {
        let context = || format!("reading the mentions of document {doc_id}");
        let mut statement = self
            .conn
            .prepare_cached(r#"SELECT kind, entity_id, start, "end", text FROM mentions WHERE doc_id = ?1 ORDER BY start, "end", seq"#)
            .context(context)?;
        let rows = statement
            .query_map([doc_id], |row| {
                Ok(NewMention {
                    kind: row.get(0)?,
                    entity_id: row.get(1)?,
                    start: row.get(2)?,
                    end: row.get(3)?,
                    text: row.get(4)?,
                })
            })
            .context(context)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().context(context)
    }

    /// Sources of one event, first reporter first.
    fn sources(&self, event_id: EventId) -> Result<Vec<Source>, StoreError> {
        let context = || format!("reading the sources of event {event_id}");
        let mut statement = self.conn.prepare_cached(&SQL.sources).context(context)?;
        let rows = statement
            .query_map([event_id], |row| {
                Ok(Source {
                    doc_id: row.get(0)?,
                    doc_key: row.get(1)?,
                    outlet: row.get(2)?,
                    published: row.get(3)?,
                    reason: row.get(4)?,
                    story: row.get(5)?,
                    claim: claim_from_row(row, 6)?,
                })
            })
            .context(context)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().context(context)
    }

    /// Run an events query (`id, disputed, claim…` rows) and attach every event's sources.
    fn load_events(
        &self,
        sql: &str,
        values: &[Value],
        context: impl Fn() -> String,
    ) -> Result<Vec<StoredEvent>, StoreError> {
        let mut events = self.load_summaries(sql, values, &context)?;
        for event in &mut events {
            event.sources = self.sources(event.id)?;
        }
        Ok(events)
    }

    /// Events without their sources.
    fn load_summaries(
        &self,
        sql: &str,
        values: &[Value],
        context: impl Fn() -> String,
    ) -> Result<Vec<StoredEvent>, StoreError> {
        let mut statement = self.conn.prepare_cached(sql).context(&context)?;
        let rows = statement
            .query_map(params_from_iter(values.iter()), |row| {
                Ok(StoredEvent {
                    id: row.get(0)?,
                    disputed: row.get(1)?,
                    summary: claim_from_row(row, 2)?,
                    sources: Vec::new(),
                })
            })
            .context(&context)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().context(&context)
    }
}

/// The statements whose text is assembled from [`CLAIM_COLUMNS`], built once.
struct Sql {
    sources: String,
    event: String,
    candidates_of_type: String,
    candidates_of_any_type: String,
    insert_event: String,
    insert_first_source: String,
    add_source: String,
    update_summary: String,
}

static SQL: LazyLock<Sql> = LazyLock::new(|| {
    // Candidates (sorted in Rust: one sort instead of three): three disjoint index lookups (dates in `[from, to…]`, the partial dates that
    // are proper prefixes of `from` and so sort below it, undated events), each refined by the
    // exact partial-date comparison and the bounding box (?6–?9, NULL for none).
    let candidates = |type_filter: &str| {
        let dates = date_overlap_sql("date", "?4", "?5");
        let bbox = "(?6 IS NULL OR lat IS NULL OR lon IS NULL OR (lat BETWEEN ?6 AND ?8 AND lon BETWEEN ?7 AND ?9))";
        // The inner lookups read only the (event_type, date, lat, lon) index; whole rows are
        // fetched for the ids that pass.
        let select = format!("SELECT id FROM events WHERE {type_filter}");
        format!(
            "SELECT id, disputed, {CLAIM_COLUMNS} FROM events WHERE id IN (
                 {select} ?13 AND date >= ?2 AND date <= ?3 AND {dates} AND {bbox}
                 UNION ALL {select} ?13 AND date IN (?10, ?11) AND {dates} AND {bbox}
                 UNION ALL {select} ?12 AND date IS NULL AND {bbox})"
        )
    };
    let assignments = CLAIM_COLUMNS
        .split(',')
        .enumerate()
        .map(|(index, column)| format!("{} = ?{}", column.trim(), index + 3))
        .collect::<Vec<_>>()
        .join(", ");
    Sql {
        sources: format!(
            "SELECT s.doc_id, d.key, d.outlet, d.published, s.reason, d.story_id, {claim}
             FROM event_sources s JOIN documents d ON d.id = s.doc_id
             WHERE s.event_id = ?1 ORDER BY s.position",
            claim = prefixed(CLAIM_COLUMNS, "s.")
        ),
        event: format!("SELECT id, disputed, {CLAIM_COLUMNS} FROM events WHERE id = ?1"),
        candidates_of_type: candidates("event_type = ?1 AND"),
        candidates_of_any_type: candidates("?1 IS NULL AND"),
        insert_event: format!("INSERT INTO events ({CLAIM_COLUMNS}) VALUES ({})", claim_placeholders(1)),
        insert_first_source: format!(
            "INSERT INTO event_sources (event_id, doc_id, position, reason, {CLAIM_COLUMNS}) VALUES (?1, ?2, 0, '', {})",
            claim_placeholders(3)
        ),
        add_source: format!(
            "INSERT INTO event_sources (event_id, doc_id, position, reason, {CLAIM_COLUMNS})
             VALUES (?1, ?2, (SELECT COALESCE(MAX(position) + 1, 0) FROM event_sources WHERE event_id = ?1), ?3, {})",
            claim_placeholders(4)
        ),
        update_summary: format!("UPDATE events SET disputed = ?2, {assignments} WHERE id = ?1"),
    }
});

/// `a, b` → `s.a, s.b`.
pub(crate) fn prefixed(columns: &str, prefix: &str) -> String {
    columns.split(',').map(|column| format!("{prefix}{}", column.trim())).collect::<Vec<_>>().join(", ")
}

/// `?n, ?n+1, …` for the claim columns, starting at `first`.
fn claim_placeholders(first: usize) -> String {
    (first..first + 17).map(|n| format!("?{n}")).collect::<Vec<_>>().join(", ")
}

/// The claim read from 17 columns starting at `offset`, in [`CLAIM_COLUMNS`] order.
pub(crate) fn claim_from_row(row: &Row<'_>, offset: usize) -> rusqlite::Result<Claim> {
    Ok(Claim {
        event_type: row.get(offset)?,
        sub_event_type: row.get(offset + 1)?,
        actor1: row.get(offset + 2)?,
        actor2: row.get(offset + 3)?,
        place: row.get(offset + 4)?,
        lat: row.get(offset + 5)?,
        lon: row.get(offset + 6)?,
        geo_precision: row.get(offset + 7)?,
        date: row.get(offset + 8)?,
        time_precision: row.get(offset + 9)?,
        fatalities: row.get(offset + 10)?,
        attributed_to: row.get(offset + 11)?,
        evidence_start: row.get(offset + 12)?,
        evidence_end: row.get(offset + 13)?,
        evidence_text: row.get(offset + 14)?,
        confidence: row.get(offset + 15)?,
        foiled: row.get(offset + 16)?,
    })
}

/// The claim as 17 parameters, in [`CLAIM_COLUMNS`] order. Fatalities beyond `i64::MAX` are
/// refused by rusqlite with an error rather than wrapped.
fn claim_values(claim: &Claim) -> [&dyn rusqlite::ToSql; 17] {
    [
        &claim.event_type,
        &claim.sub_event_type,
        &claim.actor1,
        &claim.actor2,
        &claim.place,
        &claim.lat,
        &claim.lon,
        &claim.geo_precision,
        &claim.date,
        &claim.time_precision,
        &claim.fatalities,
        &claim.attributed_to,
        &claim.evidence_start,
        &claim.evidence_end,
        &claim.evidence_text,
        &claim.confidence,
        &claim.foiled,
    ]
}

/// SQL deciding whether the date in `column` overlaps the range bound to `from`/`to` (NULL
/// for an open end). Dates may be partial (YYYY-MM, YYYY); both sides are cut to the shorter
/// length before comparing, so `2024-03` lies within [2024-03-10, 2024-04-02] and
/// `2024-03-15` within [2024, 2024-03].
fn date_overlap_sql(column: &str, from: &str, to: &str) -> String {
    format!(
        "({from} IS NULL OR substr({column}, 1, min(length({column}), length({from}))) >= substr({from}, 1, min(length({column}), length({from})))) \
         AND ({to} IS NULL OR substr({column}, 1, min(length({column}), length({to}))) <= substr({to}, 1, min(length({column}), length({to}))))"
    )
}

/// Index-friendly bounds for the dates overlapping [from, to] (see [`date_overlap_sql`]):
/// every overlapping date at or after `from` lies in `[from, to + U+10FFFF]` (a date that
/// extends `to`, like `2024-03-15` for `to = 2024-03`, sorts just above `to`); the overlapping
/// dates *below* `from` are exactly its proper prefixes (`2024`, `2024-03` for `2024-03-10`),
/// given by [`date_prefixes`] (dates are YYYY-MM-DD, YYYY-MM or YYYY).
fn date_index_bounds(from: Option<&str>, to: Option<&str>) -> (String, String) {
    let low = from.unwrap_or_default().to_string();
    let high = format!("{}{}", to.unwrap_or_default(), char::MAX);
    (low, high)
}

/// The partial dates (`YYYY`, `YYYY-MM`) that are proper prefixes of `from`: the dates that
/// overlap a range starting at `from` yet sort below it. None where `from` is too short.
fn date_prefixes(from: Option<&str>) -> [Option<String>; 2] {
    let from = from.unwrap_or_default();
    [4, 7].map(|length| from.get(..length).filter(|_| from.len() > length).map(str::to_string))
}

/// Bind `value` as the next parameter and return its placeholder.
pub(crate) fn bind(values: &mut Vec<Value>, value: Value) -> String {
    values.push(value);
    format!("?{}", values.len())
}

/// The SQL conditions (on `events e`) that `filter` means, binding their values. A date range
/// keeps only dated events that overlap it (partial dates by prefix); a bounding box keeps
/// only events with coordinates inside it. Errors only when a list cannot be encoded.
pub(crate) fn filter_conditions(filter: &EventFilter, values: &mut Vec<Value>) -> Result<Vec<String>, String> {
    let mut conditions: Vec<String> = Vec::new();
    if filter.from.is_some() || filter.to.is_some() {
        // One index range, so that a page newest first walks the date index and stops: from the
        // shortest proper prefix of `from` (its year sorts below every date that overlaps the
        // range) up to `to` extended; the exact test then drops the dates the range adds.
        let (low, high) = date_index_bounds(filter.from.as_deref(), filter.to.as_deref());
        let [year, _] = date_prefixes(filter.from.as_deref());
        let low = bind(values, Value::Text(year.unwrap_or(low)));
        let high = bind(values, Value::Text(high));
        let from = bind(values, text(&filter.from));
        let to = bind(values, text(&filter.to));
        conditions.push(format!("e.date >= {low} AND e.date <= {high} AND {}", date_overlap_sql("e.date", &from, &to)));
    }
    if let Some(event_type) = &filter.event_type {
        let p = bind(values, Value::Text(event_type.clone()));
        conditions.push(format!("e.event_type = {p}"));
    }
    if let Some(actor) = &filter.actor {
        let p = bind(values, Value::Text(actor.clone()));
        conditions.push(format!("(e.actor1 = {p} OR e.actor2 = {p})"));
    }
    if let Some(places) = &filter.places {
        let json = serde_json::to_string(places).map_err(|error| error.to_string())?;
        let p = bind(values, Value::Text(json));
        conditions.push(format!("e.place IN (SELECT value FROM json_each({p}))"));
    }
    if let Some((lat0, lon0, lat1, lon1)) = filter.bbox {
        let [a, b, c, d] = [lat0, lon0, lat1, lon1].map(|x| bind(values, Value::Real(x)));
        conditions.push(format!("e.lat BETWEEN {a} AND {c} AND e.lon BETWEEN {b} AND {d}"));
    }
    for (column, wanted) in [("lang", &filter.lang), ("outlet", &filter.outlet)] {
        if let Some(wanted) = wanted {
            let p = bind(values, Value::Text(wanted.clone()));
            conditions.push(format!(
                "EXISTS (SELECT 1 FROM event_sources s JOIN documents d ON d.id = s.doc_id WHERE s.event_id = e.id AND d.{column} = {p})"
            ));
        }
    }
    if let Some(documents) = &filter.documents {
        let json = serde_json::to_string(documents).map_err(|error| error.to_string())?;
        let p = bind(values, Value::Text(json));
        conditions.push(format!(
            "e.id IN (SELECT s.event_id FROM event_sources s WHERE s.doc_id IN (SELECT value FROM json_each({p})))"
        ));
    }
    Ok(conditions)
}

pub(crate) fn text(value: &Option<String>) -> Value {
    value.clone().map(Value::Text).unwrap_or(Value::Null)
}

impl Store for SqliteStore {
    fn begin(&mut self) -> Result<(), StoreError> {
        if self.in_batch() {
            return Err(invalid("beginning a batch".into(), "a batch is already open"));
        }
        self.conn
            .prepare_cached("BEGIN IMMEDIATE")
            .and_then(|mut s| s.execute([]))
            .context(|| "beginning a batch".into())?;
        Ok(())
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        if !self.in_batch() {
            return Err(invalid("committing a batch".into(), "no batch is open"));
        }
        self.conn.prepare_cached("COMMIT").and_then(|mut s| s.execute([])).context(|| "committing a batch".into())?;
        Ok(())
    }

    fn document_by_hash(&self, content_hash: &str) -> Result<Option<DocId>, StoreError> {
        let context = || format!("looking up the document with content hash {content_hash}");
        let mut statement =
            self.conn.prepare_cached("SELECT id FROM documents WHERE content_hash = ?1").context(context)?;
        statement.query_row([content_hash], |row| row.get(0)).optional().context(context)
    }

    fn document_by_url(&self, url: &str) -> Result<Option<(DocId, String)>, StoreError> {
        let context = || format!("looking up the document at {url}");
        // The most recent document when a URL was stored more than once (an updated article).
        let mut statement = self
            .conn
            .prepare_cached("SELECT id, content_hash FROM documents WHERE url = ?1 ORDER BY id DESC LIMIT 1")
            .context(context)?;
        statement.query_row([url], |row| Ok((row.get(0)?, row.get(1)?))).optional().context(context)
    }

    fn superseded_by(&self, content_hash: &str) -> Result<Option<DocId>, StoreError> {
        let context = || format!("looking up the replaced version with content hash {content_hash}");
        let mut statement =
            self.conn.prepare_cached("SELECT doc_id FROM superseded WHERE content_hash = ?1").context(context)?;
        statement.query_row([content_hash], |row| row.get(0)).optional().context(context)
    }

    fn record_superseded(&mut self, old: DocId, old_hash: &str, new: DocId) -> Result<(), StoreError> {
        let context = || format!("recording that document {new} replaced document {old}");
        self.atomic(context, |conn| {
            conn.prepare_cached("UPDATE superseded SET doc_id = ?2 WHERE doc_id = ?1")
                .and_then(|mut s| s.execute([old, new]))
                .context(context)?;
            conn.prepare_cached("INSERT OR REPLACE INTO superseded (content_hash, doc_id) VALUES (?1, ?2)")
                .and_then(|mut s| s.execute(params![old_hash, new]))
                .context(context)?;
            Ok(())
        })
    }

    /// Most similar first (then ingestion order): candidates share a band key, then their
    /// stored signatures are compared.
    fn near_duplicates(
        &self,
        lsh_bands: &[u64],
        minhash: &[u32],
        min_similarity: f64,
    ) -> Result<Vec<(DocId, StoryId)>, StoreError> {
        if lsh_bands.is_empty() {
            return Ok(Vec::new());
        }
        let context = || "looking for near-duplicate documents".to_string();
        let placeholders = vec!["?"; lsh_bands.len()].join(", ");
        let sql = format!(
            "SELECT d.id, d.story_id, d.minhash FROM documents d WHERE d.id IN (SELECT doc_id FROM lsh_bands WHERE key IN ({placeholders}))"
        );
        let mut statement = self.conn.prepare_cached(&sql).context(context)?;
        let keys: Vec<i64> = lsh_bands.iter().map(|k| *k as i64).collect();
        let rows = statement
            .query_map(rusqlite::params_from_iter(keys.iter()), |row| {
                Ok((row.get::<_, DocId>(0)?, row.get::<_, StoryId>(1)?, row.get::<_, Vec<u8>>(2)?))
            })
            .context(context)?;
        let mut found = Vec::new();
        for row in rows {
            let (id, story, blob) = row.context(context)?;
            let score = similarity(minhash, &signature_of(&blob));
            if score >= min_similarity {
                found.push((std::cmp::Reverse((score * 1_000_000.0) as i64), id, story));
            }
        }
        found.sort_unstable();
        Ok(found.into_iter().map(|(_, id, story)| (id, story)).collect())
    }

    fn insert_document(
        &mut self,
        document: &NewDocument,
        mentions: &[NewMention],
        story: Option<StoryId>,
    ) -> Result<(DocId, StoryId), StoreError> {
        let context = || format!("inserting document {}", document.key);
        self.atomic(context, |conn| {
            let story = match story {
                Some(story) => story,
                None => {
                    conn.prepare_cached("INSERT INTO stories DEFAULT VALUES").and_then(|mut s| s.execute([])).context(context)?;
                    conn.last_insert_rowid()
                }
            };
            let mut insert = conn
                .prepare_cached(
                    "INSERT INTO documents (key, content_hash, url, outlet, lang, published, title, text, minhash, story_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )
                .context(context)?;
            insert
                .execute(params![
                    document.key,
                    document.content_hash,
                    document.url,
                    document.outlet,
                    document.lang,
                    document.published,
                    document.title,
                    document.text,
                    signature_blob(&document.minhash),
                    story,
                ])
                .context(context)?;
            let id = conn.last_insert_rowid();
            let mut band_insert =
                conn.prepare_cached("INSERT OR IGNORE INTO lsh_bands (key, band, doc_id) VALUES (?1, ?2, ?3)").context(context)?;
            for (band, key) in document.lsh_bands.iter().enumerate() {
                band_insert.execute(params![*key as i64, band as i64, id]).context(context)?;
            }
            let mut mention_insert = conn
                .prepare_cached(r#"INSERT INTO mentions (doc_id, seq, kind, entity_id, start, "end", text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"#)
                .context(context)?;
            for (seq, mention) in mentions.iter().enumerate() {
                mention_insert
                    .execute(params![id, seq as i64, mention.kind, mention.entity_id, mention.start, mention.end, mention.text])
                    .context(|| format!("inserting document {}: mention {:?} of {}", document.key, mention.text, mention.entity_id))?;
            }
            Ok((id, story))
        })
    }

    /// Deleting a document that is not stored changes nothing and returns no events. A story
    /// left without documents goes too.
    fn upsert_entities(&mut self, entities: &[NewEntity]) -> Result<(), StoreError> {
        let context = || format!("recording {} entities", entities.len());
        self.atomic(context, |conn| {
            let mut upsert = conn
                .prepare_cached(
                    "INSERT INTO entities (kind, id, name, lat, lon) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (kind, id) DO UPDATE SET name = excluded.name, lat = excluded.lat, lon = excluded.lon",
                )
                .context(context)?;
            for e in entities {
                upsert.execute(params![e.kind, e.id, e.name, e.lat, e.lon]).context(context)?;
            }
            Ok(())
        })
    }

    fn entity(&self, kind: &str, id: &str) -> Result<Option<NewEntity>, StoreError> {
        let context = || format!("reading entity {kind} {id}");
        let mut statement = self
            .conn
            .prepare_cached("SELECT kind, id, name, lat, lon FROM entities WHERE kind = ?1 AND id = ?2")
            .context(context)?;
        statement
            .query_row([kind, id], |row| {
                Ok(NewEntity {
                    kind: row.get(0)?,
                    id: row.get(1)?,
                    name: row.get(2)?,
                    lat: row.get(3)?,
                    lon: row.get(4)?,
                })
            })
            .optional()
            .context(context)
    }

    fn delete_document(&mut self, doc_id: DocId) -> Result<Vec<EventId>, StoreError> {
        let context = || format!("deleting document {doc_id}");
        self.atomic(context, |conn| {
            let story: Option<StoryId> = conn
                .prepare_cached("SELECT story_id FROM documents WHERE id = ?1")
                .and_then(|mut s| s.query_row([doc_id], |row| row.get(0)).optional())
                .context(context)?;
            let Some(story) = story else { return Ok(Vec::new()) };
            let touched: Vec<EventId> = conn
                .prepare_cached("SELECT DISTINCT event_id FROM event_sources WHERE doc_id = ?1 ORDER BY event_id")
                .and_then(|mut s| s.query_map([doc_id], |row| row.get(0))?.collect())
                .context(context)?;
            // Mentions, LSH bands and event sources go by ON DELETE CASCADE.
            conn.prepare_cached("DELETE FROM documents WHERE id = ?1").and_then(|mut s| s.execute([doc_id])).context(context)?;
            let mut survivors = Vec::with_capacity(touched.len());
            for event in touched {
                let orphan = conn
                    .prepare_cached("DELETE FROM events WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM event_sources WHERE event_id = ?1)")
                    .and_then(|mut s| s.execute([event]))
                    .context(context)?;
                if orphan == 0 {
                    survivors.push(event);
                }
            }
            conn.prepare_cached("DELETE FROM stories WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM documents WHERE story_id = ?1)")
                .and_then(|mut s| s.execute([story]))
                .context(context)?;
            Ok(survivors)
        })
    }

    /// Ordered by id (creation order).
    fn candidate_events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError> {
        let context = || format!("looking for candidate events for {filter:?}");
        let (low, high) = date_index_bounds(filter.from.as_deref(), filter.to.as_deref());
        let sql = if filter.event_type.is_some() { &SQL.candidates_of_type } else { &SQL.candidates_of_any_type };
        let (lat0, lon0, lat1, lon1) = match filter.bbox {
            Some((lat0, lon0, lat1, lon1)) => {
                (Value::Real(lat0), Value::Real(lon0), Value::Real(lat1), Value::Real(lon1))
            }
            None => (Value::Null, Value::Null, Value::Null, Value::Null),
        };
        let values = [
            text(&filter.event_type),
            Value::Text(low),
            Value::Text(high),
            text(&filter.from),
            text(&filter.to),
            lat0,
            lon0,
            lat1,
            lon1,
        ];
        let [year, month] = date_prefixes(filter.from.as_deref());
        let (undated, dated) = match filter.dated {
            Some(true) => (0, 1),
            Some(false) => (1, 0),
            None => (1, 1),
        };
        let values: Vec<Value> = values
            .into_iter()
            .chain([text(&year), text(&month), Value::Integer(undated), Value::Integer(dated)])
            .collect();
        let mut events = self.load_summaries(sql, &values, context)?;
        events.sort_unstable_by_key(|event| event.id);
        Ok(events)
    }

    fn insert_event(&mut self, doc_id: DocId, claim: &Claim) -> Result<EventId, StoreError> {
        let context = || format!("inserting an event from document {doc_id}");
        self.atomic(context, |conn| {
            conn.prepare_cached(&SQL.insert_event)
                .and_then(|mut s| s.execute(&claim_values(claim)[..]))
                .context(context)?;
            let event = conn.last_insert_rowid();
            let mut values: Vec<&dyn rusqlite::ToSql> = vec![&event, &doc_id];
            values.extend(claim_values(claim));
            conn.prepare_cached(&SQL.insert_first_source).and_then(|mut s| s.execute(&values[..])).context(context)?;
            Ok(event)
        })
    }

    fn add_source(&mut self, event_id: EventId, doc_id: DocId, claim: &Claim, reason: &str) -> Result<(), StoreError> {
        let context = || format!("adding document {doc_id} as a source of event {event_id}");
        // One statement: atomic without a savepoint.
        let mut values: Vec<&dyn rusqlite::ToSql> = vec![&event_id, &doc_id, &reason];
        values.extend(claim_values(claim));
        self.conn.prepare_cached(&SQL.add_source).and_then(|mut s| s.execute(&values[..])).context(context)?;
        Ok(())
    }

    fn update_summary(&mut self, event_id: EventId, summary: &Claim, disputed: bool) -> Result<(), StoreError> {
        let context = || format!("updating the summary of event {event_id}");
        let mut values: Vec<&dyn rusqlite::ToSql> = vec![&event_id, &disputed];
        values.extend(claim_values(summary));
        let changed =
            self.conn.prepare_cached(&SQL.update_summary).and_then(|mut s| s.execute(&values[..])).context(context)?;
        if changed == 0 {
            return Err(invalid(context(), "no such event"));
        }
        Ok(())
    }

    fn event(&self, id: EventId) -> Result<Option<StoredEvent>, StoreError> {
        let context = || format!("reading event {id}");
        Ok(self.load_events(&SQL.event, &[Value::Integer(id)], context)?.pop())
    }

    /// A date range keeps only dated events that overlap it (partial dates by prefix); a
    /// bounding box keeps only events with coordinates inside it. Undated events come last.
    fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError> {
        let context = || format!("listing events for {filter:?}");
        let mut values: Vec<Value> = Vec::new();
        let conditions = filter_conditions(filter, &mut values).map_err(|message| invalid(context(), message))?;
        let filter_sql =
            if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };
        let sql = format!(
            "SELECT e.id, e.disputed, {claim} FROM events e {filter_sql} ORDER BY e.date IS NULL, e.date, e.id",
            claim = prefixed(CLAIM_COLUMNS, "e.")
        );
        self.load_events(&sql, &values, context)
    }

    fn event_ids(&self, filter: &EventFilter) -> Result<Vec<EventId>, StoreError> {
        let context = || format!("listing event ids for {filter:?}");
        let mut values: Vec<Value> = Vec::new();
        let conditions = filter_conditions(filter, &mut values).map_err(|message| invalid(context(), message))?;
        let filter_sql =
            if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };
        let sql = format!("SELECT e.id FROM events e {filter_sql} ORDER BY e.date IS NULL, e.date, e.id");
        let mut statement = self.conn.prepare_cached(&sql).context(context)?;
        let rows =
            statement.query_map(params_from_iter(values.iter()), |row| row.get::<_, EventId>(0)).context(context)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().context(context)
    }

    /// Earliest published first (undated last), then in ingestion order.
    fn story_members(&self, story: StoryId) -> Result<Vec<StoryMember>, StoreError> {
        let context = || format!("listing the documents of story {story}");
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT id, key, outlet, url FROM documents WHERE story_id = ?1 ORDER BY published IS NULL, published, id",
            )
            .context(context)?;
        let rows = statement
            .query_map([story], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))
            .context(context)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().context(context)
    }

    fn counts(&self) -> Result<Counts, StoreError> {
        let context = || "counting what the store holds".to_string();
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM stories), (SELECT COUNT(*) FROM events),
                        (SELECT COUNT(*) FROM event_sources), (SELECT COUNT(*) FROM mentions)",
            )
            .context(context)?;
        statement
            .query_row([], |row| {
                Ok(Counts {
                    documents: row.get(0)?,
                    stories: row.get(1)?,
                    events: row.get(2)?,
                    sources: row.get(3)?,
                    mentions: row.get(4)?,
                })
            })
            .context(context)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every date that overlaps [from, to] by the exact rule lies in the index range or is a
    /// listed prefix, and nothing much outside does.
    #[test]
    fn index_bounds_and_prefixes_cover_every_overlapping_date() {
        let (from, to) = (Some("2024-03-10"), Some("2024-04"));
        let (low, high) = date_index_bounds(from, to);
        let prefixes: Vec<String> = date_prefixes(from).into_iter().flatten().collect();
        assert_eq!(prefixes, ["2024", "2024-03"]);
        for date in ["2024", "2024-03", "2024-03-10", "2024-04", "2024-04-30"] {
            let in_range = date >= low.as_str() && date <= high.as_str();
            assert!(
                in_range || prefixes.iter().any(|p| p == date),
                "{date} not covered by [{low}, {high}] or {prefixes:?}"
            );
        }
        assert!("2024-05-01" > high.as_str());
        assert!("2024-03-09" < low.as_str() && !prefixes.contains(&"2024-03-09".to_string()));
    }

    #[test]
    fn open_ends_and_odd_text_give_usable_bounds() {
        assert_eq!(date_index_bounds(None, None), (String::new(), char::MAX.to_string()));
        assert_eq!(date_prefixes(None), [None, None]);
        assert_eq!(date_prefixes(Some("2024")), [None, None], "a year has no shorter prefix");
        assert_eq!(date_prefixes(Some("2024-03")), [Some("2024".into()), None]);
        assert_eq!(date_prefixes(Some("éééé")), [Some("éé".into()), None], "bytes, on char boundaries");
        assert_eq!(date_prefixes(Some("éé")), [None, None]);
    }
}
