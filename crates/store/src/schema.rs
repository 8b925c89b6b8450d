//! The store's schema and its migrations.
//!
//! The schema version lives in `PRAGMA user_version`. [`MIGRATIONS`] holds one function per
//! version, applied in order; version *n* is reached by running `MIGRATIONS[n - 1]`. A file
//! whose version is higher than [`CURRENT_VERSION`] was written by a newer marsad and is
//! refused. Every released version keeps a fixture database under `tests/fixtures/` so that
//! opening old files stays tested: never edit a released migration, append a new one.

use rusqlite::Connection;

/// One migration: brings the schema from version `n - 1` to `n`.
pub type Migration = fn(&Connection) -> rusqlite::Result<()>;

/// Migrations in order; index `i` produces version `i + 1`.
pub const MIGRATIONS: &[Migration] = &[v1, v2, v3, v4];

/// The newest schema version this build knows.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// The columns of a [`crate::Claim`], in the order rows are read and parameters bound.
pub const CLAIM_COLUMNS: &str = "event_type, sub_event_type, actor1, actor2, place, lat, lon, \
     geo_precision, date, time_precision, fatalities, attributed_to, evidence_start, \
     evidence_end, evidence_text, confidence, foiled";

/// Version 1: documents in stories, MinHash LSH bands, mentions, entities, events and their sources.
fn v1(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        r#"
        -- A story is a cluster of near-duplicate documents (wire copies, rewrites).
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY AUTOINCREMENT
        );

        -- The id is AUTOINCREMENT: ids are never reused, so id order is ingestion order.
        CREATE TABLE documents (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            key          TEXT    NOT NULL,
            content_hash TEXT    NOT NULL UNIQUE,
            url          TEXT,
            outlet       TEXT,
            lang         TEXT,
            published    TEXT,
            title        TEXT,
            text         TEXT    NOT NULL,
            minhash      BLOB    NOT NULL,          -- MinHash signature, u32 little-endian
            story_id     INTEGER NOT NULL REFERENCES stories(id),
            ingested_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;
        CREATE INDEX documents_story ON documents(story_id);

        -- LSH band keys of each document's MinHash signature (the band number is hashed into
        -- the key): documents sharing a key are near-duplicate candidates.
        CREATE TABLE lsh_bands (
            key    INTEGER NOT NULL,                -- u64 bit-cast to i64
            band   INTEGER NOT NULL,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            PRIMARY KEY (key, doc_id)
        ) WITHOUT ROWID;
        CREATE INDEX lsh_bands_doc ON lsh_bands(doc_id);

        -- The knowledge-base entries the documents mention, with their names and coordinates.
        CREATE TABLE entities (
            kind TEXT NOT NULL,
            id   TEXT NOT NULL,
            name TEXT NOT NULL,
            lat  REAL,
            lon  REAL,
            PRIMARY KEY (kind, id)
        ) WITHOUT ROWID;

        -- Clustered by document (new documents append at the end of the table); the entity
        -- index carries (doc_id, seq), so "documents mentioning X" never touches the table.
        CREATE TABLE mentions (
            doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq       INTEGER NOT NULL,             -- position in the document's mention list
            kind      TEXT    NOT NULL,
            entity_id TEXT    NOT NULL,
            start     INTEGER NOT NULL,
            "end"     INTEGER NOT NULL,
            text      TEXT    NOT NULL,
            PRIMARY KEY (doc_id, seq)
        ) WITHOUT ROWID;
        CREATE INDEX mentions_entity ON mentions(kind, entity_id);

        -- An incident; its columns are the merged claim (the summary).
        CREATE TABLE events (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            event_type      TEXT    NOT NULL,
            sub_event_type  TEXT    NOT NULL,
            actor1          TEXT,
            actor2          TEXT,
            place           TEXT,
            lat             REAL,
            lon             REAL,
            geo_precision   INTEGER NOT NULL,
            date            TEXT,                   -- YYYY-MM-DD, YYYY-MM or YYYY
            time_precision  INTEGER NOT NULL,
            fatalities      INTEGER,
            attributed_to   TEXT,
            evidence_start  INTEGER NOT NULL,
            evidence_end    INTEGER NOT NULL,
            evidence_text   TEXT    NOT NULL,
            confidence      REAL    NOT NULL,
            foiled          INTEGER NOT NULL,
            disputed        INTEGER NOT NULL DEFAULT 0
        );
        -- Candidate lookups: lat/lon in the index let the bounding box reject rows before
        -- the table is read.
        CREATE INDEX events_type_date ON events(event_type, date, lat, lon);
        CREATE INDEX events_date ON events(date, lat, lon);
        CREATE INDEX events_actor1 ON events(actor1) WHERE actor1 IS NOT NULL;
        CREATE INDEX events_actor2 ON events(actor2) WHERE actor2 IS NOT NULL;
        CREATE INDEX events_place ON events(place) WHERE place IS NOT NULL;

        -- Each source's own claim about an event, in joining order.
        CREATE TABLE event_sources (
            id              INTEGER PRIMARY KEY,
            event_id        INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            doc_id          INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position        INTEGER NOT NULL,       -- 0 for the first reporter
            reason          TEXT    NOT NULL,
            event_type      TEXT    NOT NULL,
            sub_event_type  TEXT    NOT NULL,
            actor1          TEXT,
            actor2          TEXT,
            place           TEXT,
            lat             REAL,
            lon             REAL,
            geo_precision   INTEGER NOT NULL,
            date            TEXT,
            time_precision  INTEGER NOT NULL,
            fatalities      INTEGER,
            attributed_to   TEXT,
            evidence_start  INTEGER NOT NULL,
            evidence_end    INTEGER NOT NULL,
            evidence_text   TEXT    NOT NULL,
            confidence      REAL    NOT NULL,
            foiled          INTEGER NOT NULL,
            UNIQUE (event_id, position)
        );
        CREATE INDEX event_sources_doc ON event_sources(doc_id);
        "#,
    )
}

/// Version 2: an index on the event date alone (with the row id it carries), so that "newest
/// first" pages read events in index order and stop after one page instead of sorting them all.
fn v2(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("CREATE INDEX events_recent ON events(date);")
}

/// Version 3: actor and place indexes carry the date, so a page of one actor's or one area's
/// events newest first is read from the index in order and stops after the page.
fn v3(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "CREATE INDEX events_actor1_date ON events(actor1, date) WHERE actor1 IS NOT NULL;
         CREATE INDEX events_actor2_date ON events(actor2, date) WHERE actor2 IS NOT NULL;
         CREATE INDEX events_place_date ON events(place, date) WHERE place IS NOT NULL;
         DROP INDEX events_actor1;
         DROP INDEX events_actor2;
         DROP INDEX events_place;",
    )
}

/// Version 4: the content hashes of replaced versions (a URL's earlier texts) with the
/// document that holds the URL now, so that an earlier version ingested again (a rerun after
/// a crash, an archive read twice) is known and never stored over its correction. No foreign
/// key: the holder changes when the URL is corrected again (the rows follow it).
fn v4(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "CREATE TABLE superseded (
             content_hash TEXT    PRIMARY KEY,
             doc_id       INTEGER NOT NULL
         ) WITHOUT ROWID;
         CREATE INDEX superseded_doc ON superseded(doc_id);",
    )
}

/// The schema version recorded in the file.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Apply the migrations from `from` (exclusive) up to [`CURRENT_VERSION`]; the caller holds the
/// transaction.
pub fn migrate(conn: &Connection, from: i64) -> rusqlite::Result<()> {
    for (index, migration) in MIGRATIONS.iter().enumerate() {
        let target = index as i64 + 1;
        if target > from {
            migration(conn)?;
            // PRAGMA does not take parameters; `target` is an integer we computed.
            conn.execute_batch(&format!("PRAGMA user_version = {target}"))?;
        }
    }
    Ok(())
}
