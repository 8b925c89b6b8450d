//! What analysts ask of the store: pages of events newest first, every event as a map point,
//! counts by a dimension, documents by date, and what changed since a moment — read-only
//! queries of the SQLite backend that a server answers many times a second.
//!
//! Pages use keyset cursors (the last row's sort key), never `OFFSET`, so page 1,000 costs what
//! page 1 costs and rows inserted meanwhile neither repeat nor vanish.

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use crate::schema::CLAIM_COLUMNS;
use crate::sqlite::{bind, claim_from_row, filter_conditions, invalid, prefixed, text, Context};
use crate::{DocId, EventFilter, EventId, NewEntity, SqliteStore, StoreError, StoredEvent};

/// Where a page of events newest first resumes: after this (date, id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventCursor {
    /// The last event's date (`None`: the undated tail had begun).
    pub date: Option<String>,
    /// The last event's id.
    pub id: EventId,
}

/// An event in a list: its summary (no sources) and what the list shows of its sources.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    /// The event with `sources` left empty.
    pub event: StoredEvent,
    /// Number of sources.
    pub source_count: u32,
    /// Number of stories among them (republications count once).
    pub independent_sources: u32,
    /// Language of the first reporter.
    pub first_lang: Option<String>,
}

/// One event as a map point.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Event id.
    pub id: EventId,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// ACLED event type.
    pub event_type: String,
    /// Date, possibly partial.
    pub date: Option<String>,
    /// Summary fatalities.
    pub fatalities: Option<u64>,
    /// The sources disagree.
    pub disputed: bool,
}

/// What to count events by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountBy {
    /// ACLED event type.
    EventType,
    /// ACLED sub-event type.
    SubEventType,
    /// Place id.
    Place,
    /// Actor id (an event counts for each of its two actors).
    Actor,
    /// Outlet of a source (an event counts once per outlet).
    Outlet,
    /// Day (events dated to the day only).
    Day,
    /// Week, keyed by its Monday (events dated to the day only).
    Week,
}

/// A count of events sharing a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// The key (type name, id, outlet, YYYY-MM-DD).
    pub key: String,
    /// Events.
    pub count: u64,
    /// Sum of their summary fatalities.
    pub fatalities: u64,
}

/// Which documents to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentFilter {
    /// Earliest publication day, inclusive.
    pub since: Option<String>,
    /// Latest publication day, inclusive.
    pub until: Option<String>,
    /// Language.
    pub lang: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
}

/// Where a page of documents newest first resumes: after this (published, id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentCursor {
    /// The last document's publication date (`None`: the undated tail had begun).
    pub published: Option<String>,
    /// The last document's id.
    pub id: DocId,
}

/// A document in a list (no text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    /// Row id.
    pub id: DocId,
    /// Input key.
    pub key: String,
    /// Title.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Language.
    pub lang: Option<String>,
    /// Publication date.
    pub published: Option<String>,
}

/// A change marker: the highest source row id. Every new or recomputed event gains a source
/// row with a higher id, so "events with sources above the mark" is "what changed since".
pub type ChangeMark = i64;

/// The `WHERE` clause of a filter (empty when it has no condition), with `extra` conditions.
fn where_clause(
    filter: &EventFilter,
    extra: &[String],
    values: &mut Vec<Value>,
    context: &dyn Fn() -> String,
) -> Result<String, StoreError> {
    let mut conditions = filter_conditions(filter, values).map_err(|message| invalid(context(), message))?;
    conditions.extend(extra.iter().cloned());
    Ok(if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) })
}

/// The end of a [`CountBy`]'s query: what it selects as key, from where.
fn count_source(by: CountBy) -> (&'static str, &'static str) {
    match by {
        CountBy::EventType => ("e.event_type", "events e"),
        CountBy::SubEventType => ("e.sub_event_type", "events e"),
        CountBy::Place => ("e.place", "events e"),
        CountBy::Actor => ("a.actor", "events e JOIN (SELECT id, actor1 AS actor FROM events UNION ALL SELECT id, actor2 FROM events WHERE actor2 IS NOT actor1) a ON a.id = e.id"),
        CountBy::Outlet => ("o.outlet", "events e JOIN (SELECT DISTINCT s.event_id, d.outlet FROM event_sources s JOIN documents d ON d.id = s.doc_id) o ON o.event_id = e.id"),
        CountBy::Day => ("e.date", "events e"),
        CountBy::Week => ("date(e.date, 'weekday 0', '-6 days')", "events e"),
    }
}

/// `SELECT id …` of one page of events matching `filter` and `extra`, in `order` (over columns
/// `date` and `id`), at most `limit`. An actor filter becomes two walks in order (actor 1,
/// then actor 2 where it is not also actor 1), each stopping at `limit`, merged.
fn page_ids(
    filter: &EventFilter,
    extra: &[String],
    order: &str,
    limit: usize,
    values: &mut Vec<Value>,
    context: &dyn Fn() -> String,
) -> Result<String, StoreError> {
    let mut rest = filter.clone();
    let actor = rest.actor.take();
    let where_sql = where_clause(&rest, extra, values, context)?;
    let l = bind(values, Value::Integer(limit as i64));
    let order_e = order.split(", ").map(|term| format!("e.{term}")).collect::<Vec<_>>().join(", ");
    let Some(actor) = actor else {
        return Ok(format!("SELECT e.id FROM events e {where_sql} ORDER BY {order_e} LIMIT {l}"));
    };
    let a = bind(values, Value::Text(actor));
    let and = if where_sql.is_empty() { "WHERE" } else { "AND" };
    Ok(format!(
        "SELECT id FROM (SELECT id, date FROM (SELECT e.id, e.date FROM events e {where_sql} {and} e.actor1 = {a} ORDER BY {order_e} LIMIT {l}) \
         UNION ALL SELECT id, date FROM (SELECT e.id, e.date FROM events e {where_sql} {and} e.actor2 = {a} AND e.actor1 IS NOT {a} ORDER BY {order_e} LIMIT {l}) \
         ORDER BY {order} LIMIT {l})"
    ))
}

impl SqliteStore {
    /// One page of events matching `filter`, newest first (dated by date then id, descending;
    /// undated after them), resuming after `after`. Sources are not loaded.
    ///
    /// The page's ids are chosen first, from indexes alone where possible (`events_recent`,
    /// `events_type_date`, `events_place_date`; an actor as two ordered walks of
    /// `events_actor1_date` and `events_actor2_date` merged), and only then are the page's rows
    /// read with their source counts: never the whole match.
    pub fn event_page(
        &self,
        filter: &EventFilter,
        after: Option<&EventCursor>,
        limit: usize,
    ) -> Result<Vec<EventRow>, StoreError> {
        let context = || format!("reading a page of events for {filter:?}");
        let mut rows = Vec::new();
        // Dated events first, unless the cursor is already in the undated tail.
        if after.is_none_or(|cursor| cursor.date.is_some()) {
            let mut values = Vec::new();
            let mut extra = vec!["e.date IS NOT NULL".to_string()];
            if let Some(EventCursor { date: Some(date), id }) = after {
                let d = bind(&mut values, Value::Text(date.clone()));
                let i = bind(&mut values, Value::Integer(*id));
                extra.push(format!("(e.date < {d} OR (e.date = {d} AND e.id < {i}))"));
            }
            let ids = page_ids(filter, &extra, "date DESC, id DESC", limit, &mut values, &context)?;
            rows = self.event_rows(
                &format!("FROM ({ids}) p JOIN events e ON e.id = p.id ORDER BY e.date DESC, e.id DESC"),
                &values,
                &context,
            )?;
        }
        if rows.len() < limit {
            let mut values = Vec::new();
            let mut extra = vec!["e.date IS NULL".to_string()];
            if let Some(EventCursor { date: None, id }) = after {
                let i = bind(&mut values, Value::Integer(*id));
                extra.push(format!("e.id < {i}"));
            }
            let ids = page_ids(filter, &extra, "id DESC", limit - rows.len(), &mut values, &context)?;
            rows.extend(self.event_rows(
                &format!("FROM ({ids}) p JOIN events e ON e.id = p.id ORDER BY e.id DESC"),
                &values,
                &context,
            )?);
        }
        Ok(rows)
    }

    /// The list rows of the given events, in the order of `ids` (unknown ids are skipped).
    pub fn event_rows_by_id(&self, ids: &[EventId]) -> Result<Vec<EventRow>, StoreError> {
        let context = || format!("reading events {ids:?}");
        let json = serde_json::to_string(ids).map_err(|error| invalid(context(), error.to_string()))?;
        let rows = self.event_rows(
            "FROM events e WHERE e.id IN (SELECT value FROM json_each(?1))",
            &[Value::Text(json)],
            &context,
        )?;
        Ok(ids.iter().filter_map(|id| rows.iter().find(|row| row.event.id == *id).cloned()).collect())
    }

    /// Event rows for `tail` (`FROM …` giving `events e`, with its conditions and order).
    fn event_rows(
        &self,
        tail: &str,
        values: &[Value],
        context: &dyn Fn() -> String,
    ) -> Result<Vec<EventRow>, StoreError> {
        let sql = format!(
            "SELECT e.id, e.disputed, {claim},
                (SELECT COUNT(*) FROM event_sources s WHERE s.event_id = e.id),
                (SELECT COUNT(DISTINCT d.story_id) FROM event_sources s JOIN documents d ON d.id = s.doc_id WHERE s.event_id = e.id),
                (SELECT d.lang FROM event_sources s JOIN documents d ON d.id = s.doc_id WHERE s.event_id = e.id ORDER BY s.position LIMIT 1)
             {tail}",
            claim = prefixed(CLAIM_COLUMNS, "e.")
        );
        let mut statement = self.conn.prepare_cached(&sql).context(context)?;
        let rows = statement
            .query_map(params_from_iter(values.iter()), |row| {
                Ok(EventRow {
                    event: StoredEvent {
                        id: row.get(0)?,
                        disputed: row.get(1)?,
                        summary: claim_from_row(row, 2)?,
                        sources: Vec::new(),
                    },
                    source_count: row.get(19)?,
                    independent_sources: row.get(20)?,
                    first_lang: row.get(21)?,
                })
            })
            .context(context)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().context(context)
    }

    /// Every event matching `filter` that has coordinates, as map points, in id order.
    pub fn points(&self, filter: &EventFilter) -> Result<Vec<Point>, StoreError> {
        let context = || format!("reading map points for {filter:?}");
        let mut values = Vec::new();
        let filter_sql =
            where_clause(filter, &["e.lat IS NOT NULL AND e.lon IS NOT NULL".to_string()], &mut values, &context)?;
        let sql = format!("SELECT e.id, e.lat, e.lon, e.event_type, e.date, e.fatalities, e.disputed FROM events e {filter_sql} ORDER BY e.id");
        let mut statement = self.conn.prepare_cached(&sql).context(context)?;
        let rows = statement
            .query_map(params_from_iter(values.iter()), |row| {
                Ok(Point {
                    id: row.get(0)?,
                    lat: row.get(1)?,
                    lon: row.get(2)?,
                    event_type: row.get(3)?,
                    date: row.get(4)?,
                    fatalities: row.get(5)?,
                    disputed: row.get(6)?,
                })
            })
            .context(context)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().context(context)
    }

    /// Events matching `filter` counted by `by`, most first (by key for days and weeks, in
    /// date order). Events without a value for the dimension are not counted.
    pub fn event_counts(&self, filter: &EventFilter, by: CountBy) -> Result<Vec<Bucket>, StoreError> {
        let context = || format!("counting events by {by:?} for {filter:?}");
        let (key, from) = count_source(by);
        let mut extra = vec![format!("{key} IS NOT NULL")];
        if matches!(by, CountBy::Day | CountBy::Week) {
            extra.push("length(e.date) = 10".to_string());
        }
        let mut values = Vec::new();
        let filter_sql = where_clause(filter, &extra, &mut values, &context)?;
        let order = if matches!(by, CountBy::Day | CountBy::Week) { "k" } else { "n DESC, k" };
        let sql = format!("SELECT {key} AS k, COUNT(*) AS n, COALESCE(SUM(e.fatalities), 0) FROM {from} {filter_sql} GROUP BY k ORDER BY {order}");
        let mut statement = self.conn.prepare_cached(&sql).context(context)?;
        let rows = statement
            .query_map(params_from_iter(values.iter()), |row| {
                Ok(Bucket { key: row.get(0)?, count: row.get(1)?, fatalities: row.get(2)? })
            })
            .context(context)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().context(context)
    }

    /// The events whose sources changed after `since`, and the new mark.
    pub fn changed_events(&self, since: ChangeMark) -> Result<(Vec<EventId>, ChangeMark), StoreError> {
        let context = || format!("reading events changed after source {since}");
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT event_id, MAX(id) FROM event_sources WHERE id > ?1 GROUP BY event_id ORDER BY MAX(id)",
            )
            .context(context)?;
        let rows = statement
            .query_map([since], |row| Ok((row.get::<_, EventId>(0)?, row.get::<_, i64>(1)?)))
            .context(context)?;
        let rows = rows.collect::<rusqlite::Result<Vec<_>>>().context(context)?;
        let mark = rows.iter().map(|(_, id)| *id).max().unwrap_or(since);
        Ok((rows.into_iter().map(|(event, _)| event).collect(), mark))
    }

    /// The current change mark (see [`ChangeMark`]).
    pub fn change_mark(&self) -> Result<ChangeMark, StoreError> {
        let context = || "reading the change mark".to_string();
        self.conn
            .prepare_cached("SELECT COALESCE(MAX(id), 0) FROM event_sources")
            .and_then(|mut s| s.query_row([], |row| row.get(0)))
            .context(context)
    }

    /// SQLite's counter of commits by other connections: unchanged means nothing to re-read.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        let context = || "reading the data version".to_string();
        self.conn.query_row("PRAGMA data_version", [], |row| row.get(0)).context(context)
    }

    /// The events a document is a source of, in id order.
    pub fn document_events(&self, doc_id: DocId) -> Result<Vec<EventId>, StoreError> {
        let context = || format!("reading the events of document {doc_id}");
        let mut statement = self
            .conn
            .prepare_cached("SELECT DISTINCT event_id FROM event_sources WHERE doc_id = ?1 ORDER BY event_id")
            .context(context)?;
        let rows = statement.query_map([doc_id], |row| row.get(0)).context(context)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().context(context)
    }

    /// One page of documents, newest published first (undated after them), resuming after `after`.
    pub fn document_page(
        &self,
        filter: &DocumentFilter,
        after: Option<&DocumentCursor>,
        limit: usize,
    ) -> Result<Vec<DocumentRow>, StoreError> {
        let context = || format!("reading a page of documents for {filter:?}");
        let mut base = Vec::new();
        let mut values = Vec::new();
        if let Some(since) = &filter.since {
            base.push(format!("d.published >= {}", bind(&mut values, Value::Text(since.clone()))));
        }
        if let Some(until) = &filter.until {
            // `until` is a day: every date that starts with it (or is below it) is in.
            base.push(format!("d.published <= {}", bind(&mut values, Value::Text(format!("{until}{}", char::MAX)))));
        }
        for (column, wanted) in [("lang", &filter.lang), ("outlet", &filter.outlet)] {
            if let Some(wanted) = wanted {
                base.push(format!("d.{column} = {}", bind(&mut values, Value::Text(wanted.clone()))));
            }
        }
        let dated_range = filter.since.is_some() || filter.until.is_some();
        let mut rows = Vec::new();
        if after.is_none_or(|cursor| cursor.published.is_some()) {
            let mut values = values.clone();
            let mut conditions = base.clone();
            conditions.push("d.published IS NOT NULL".into());
            if let Some(DocumentCursor { published: Some(published), id }) = after {
                let p = bind(&mut values, Value::Text(published.clone()));
                let i = bind(&mut values, Value::Integer(*id));
                conditions.push(format!("(d.published < {p} OR (d.published = {p} AND d.id < {i}))"));
            }
            let l = bind(&mut values, Value::Integer(limit as i64));
            rows = self.document_rows(
                &format!("WHERE {} ORDER BY d.published DESC, d.id DESC LIMIT {l}", conditions.join(" AND ")),
                &values,
                &context,
            )?;
        }
        // Undated documents cannot be in a date range.
        if rows.len() < limit && !dated_range {
            let mut conditions = base;
            conditions.push("d.published IS NULL".into());
            if let Some(DocumentCursor { published: None, id }) = after {
                conditions.push(format!("d.id < {}", bind(&mut values, Value::Integer(*id))));
            }
            let l = bind(&mut values, Value::Integer((limit - rows.len()) as i64));
            rows.extend(self.document_rows(
                &format!("WHERE {} ORDER BY d.id DESC LIMIT {l}", conditions.join(" AND ")),
                &values,
                &context,
            )?);
        }
        Ok(rows)
    }

    fn document_rows(
        &self,
        tail: &str,
        values: &[Value],
        context: &dyn Fn() -> String,
    ) -> Result<Vec<DocumentRow>, StoreError> {
        let sql = format!("SELECT d.id, d.key, d.title, d.url, d.outlet, d.lang, d.published FROM documents d {tail}");
        let mut statement = self.conn.prepare_cached(&sql).context(context)?;
        let rows = statement
            .query_map(params_from_iter(values.iter()), |row| {
                Ok(DocumentRow {
                    id: row.get(0)?,
                    key: row.get(1)?,
                    title: row.get(2)?,
                    url: row.get(3)?,
                    outlet: row.get(4)?,
                    lang: row.get(5)?,
                    published: row.get(6)?,
                })
            })
            .context(context)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().context(context)
    }

    /// Every entity the stored documents mention, of one kind or all, by kind then id.
    pub fn entities(&self, kind: Option<&str>) -> Result<Vec<NewEntity>, StoreError> {
        let context = || format!("listing entities of kind {kind:?}");
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT kind, id, name, lat, lon FROM entities WHERE ?1 IS NULL OR kind = ?1 ORDER BY kind, id",
            )
            .context(context)?;
        let rows = statement
            .query_map([text(&kind.map(str::to_string))], |row| {
                Ok(NewEntity {
                    kind: row.get(0)?,
                    id: row.get(1)?,
                    name: row.get(2)?,
                    lat: row.get(3)?,
                    lon: row.get(4)?,
                })
            })
            .context(context)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().context(context)
    }
}
