//! [`SearchIndex`]: one tantivy index (on disk or in memory), its single writer and a reader
//! refreshed on every commit — or, opened read-only, a reader that follows another process's
//! commits.

use std::fs;
use std::path::{Path, PathBuf};

use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query};
use tantivy::schema::{Schema, Term, Value};
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, Order, ReloadPolicy, TantivyDocument};

use crate::analysis::{MarsadTokenizer, TOKENIZER};
use crate::query::{self, DEFAULT_LIMIT, MAX_LIMIT};
use crate::schema::{self, filter_key, parse_day, Fields, SCHEMA_VERSION, UNKNOWN_DAY, VERSION_FILE};
use crate::snippet::snippet;
use crate::{Hit, IndexDoc, SearchError, SearchQuery};

/// Heap of the index writer, in bytes.
pub const WRITER_HEAP_BYTES: usize = 50_000_000;

/// A full-text index of articles.
pub struct SearchIndex {
    index: Index,
    /// `None` when opened read-only.
    writer: Option<IndexWriter>,
    reader: IndexReader,
    fields: Fields,
    location: String,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("location", &self.location).finish_non_exhaustive()
    }
}

fn read_version(dir: &Path) -> Option<u32> {
    fs::read_to_string(dir.join(VERSION_FILE)).ok()?.trim().parse().ok()
}

fn directory_error(
    path: &Path,
    action: &'static str,
    source: impl std::error::Error + Send + Sync + 'static,
) -> SearchError {
    SearchError::Directory { path: path.to_path_buf(), action, source: Box::new(source) }
}

impl SearchIndex {
    /// Open the index in `dir`, creating the directory and an empty index when there is none.
    ///
    /// Fails with [`SearchError::Incompatible`] when the index there was written by another
    /// schema version (a newer marsad, or an older one whose index must be rebuilt), and with
    /// [`SearchError::Locked`] when another writer holds it.
    pub fn open_or_create(dir: &Path) -> Result<SearchIndex, SearchError> {
        let (index, fields, location) = SearchIndex::open_dir(dir)?;
        SearchIndex::with_index(index, fields, location)
    }

    /// Open the index in `dir` for searching only, following the commits of whichever process
    /// writes it (a server beside `marsad ingest`). Changes fail with [`SearchError::ReadOnly`].
    pub fn open_read_only(dir: &Path) -> Result<SearchIndex, SearchError> {
        let (index, fields, location) = SearchIndex::open_dir(dir)?;
        index.tokenizers().register(TOKENIZER, MarsadTokenizer::default());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|e| SearchError::tantivy(&location, "opening the index reader", e))?;
        Ok(SearchIndex { index, writer: None, reader, fields, location })
    }

    /// The index in `dir` (created when missing), checked against this schema.
    fn open_dir(dir: &Path) -> Result<(Index, Fields, String), SearchError> {
        let location = dir.display().to_string();
        fs::create_dir_all(dir).map_err(|e| directory_error(dir, "creating the index directory", e))?;
        let directory = MmapDirectory::open(dir).map_err(|e| directory_error(dir, "opening the index directory", e))?;
        let exists = Index::exists(&directory).map_err(|e| directory_error(dir, "looking for an existing index", e))?;
        let (schema, fields) = schema::build();
        let index = if exists {
            check_version(dir)?;
            let index = Index::open(directory).map_err(|e| SearchError::tantivy(&location, "opening the index", e))?;
            if index.schema() != schema {
                return Err(SearchError::Incompatible {
                    path: dir.to_path_buf(),
                    found: format!("{SCHEMA_VERSION} with another field layout"),
                    expected: SCHEMA_VERSION,
                    advice: "delete the directory and re-index",
                });
            }
            index
        } else {
            let index = Index::create(directory, schema, Default::default())
                .map_err(|e| SearchError::tantivy(&location, "creating the index", e))?;
            fs::write(dir.join(VERSION_FILE), format!("{SCHEMA_VERSION}\n"))
                .map_err(|e| directory_error(dir, "recording the schema version", e))?;
            index
        };
        Ok((index, fields, location))
    }

    /// A new, empty index held in memory (for tests and one-off searches).
    pub fn in_memory() -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema::build();
        SearchIndex::with_index(Index::create_in_ram(schema), fields, "in-memory".to_string())
    }

    fn with_index(index: Index, fields: Fields, location: String) -> Result<SearchIndex, SearchError> {
        index.tokenizers().register(TOKENIZER, MarsadTokenizer::default());
        let writer = index
            .writer_with_num_threads(1, WRITER_HEAP_BYTES)
            .map_err(|e| SearchError::tantivy(&location, "opening the index writer", e))?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| SearchError::tantivy(&location, "opening the index reader", e))?;
        Ok(SearchIndex { index, writer: Some(writer), reader, fields, location })
    }

    /// The writer, or [`SearchError::ReadOnly`].
    fn writer(&mut self, action: &'static str) -> Result<&mut IndexWriter, SearchError> {
        let location = &self.location;
        self.writer.as_mut().ok_or_else(|| SearchError::ReadOnly { location: location.clone(), action })
    }

    /// Where the index lives (its directory, or `in-memory`).
    pub fn location(&self) -> &str {
        &self.location
    }

    /// Buffer `doc` for indexing, replacing any document with the same `doc_id`; visible
    /// after the next [`commit`](SearchIndex::commit).
    pub fn add(&mut self, doc: &IndexDoc) -> Result<(), SearchError> {
        let f = &self.fields;
        let mut d = TantivyDocument::new();
        d.add_i64(f.doc_id, doc.doc_id);
        if let Some(title) = &doc.title {
            d.add_text(f.title, title);
            d.add_text(f.body, title);
        }
        d.add_text(f.text, &doc.text);
        d.add_text(f.body, &doc.text);
        let day = doc.published.as_deref().and_then(|p| parse_day(p, false)).unwrap_or(UNKNOWN_DAY);
        d.add_i64(f.day, day);
        if let Some(published) = &doc.published {
            d.add_text(f.published, published);
        }
        if let Some(lang) = &doc.lang {
            d.add_text(f.lang, filter_key(lang));
        }
        if let Some(outlet) = &doc.outlet {
            d.add_text(f.outlet, filter_key(outlet));
            d.add_text(f.outlet_name, outlet);
        }
        for event_type in &doc.event_types {
            d.add_text(f.event_type, filter_key(event_type));
        }
        for actor in &doc.actors {
            d.add_text(f.actor, actor.trim());
        }
        for place in &doc.places {
            d.add_text(f.place, place.trim());
        }
        let location = self.location.clone();
        let id_field = f.doc_id;
        let writer = self.writer("adding a document")?;
        writer.delete_term(Term::from_field_i64(id_field, doc.doc_id));
        writer.add_document(d).map_err(|e| SearchError::tantivy(&location, "adding a document", e))?;
        Ok(())
    }

    /// Delete the document with `doc_id` (if any), as of the next commit.
    pub fn delete(&mut self, doc_id: i64) -> Result<(), SearchError> {
        let field = self.fields.doc_id;
        self.writer("deleting a document")?.delete_term(Term::from_field_i64(field, doc_id));
        Ok(())
    }

    /// Make every addition and deletion so far durable and visible to searches.
    pub fn commit(&mut self) -> Result<(), SearchError> {
        let location = self.location.clone();
        self.writer("committing")?.commit().map_err(|e| SearchError::tantivy(&location, "committing", e))?;
        self.reader.reload().map_err(|e| SearchError::tantivy(&self.location, "reloading the reader after a commit", e))
    }

    /// See the latest commit now (a read-only index otherwise follows commits within a second).
    pub fn reload(&self) -> Result<(), SearchError> {
        self.reader.reload().map_err(|e| SearchError::tantivy(&self.location, "reloading the reader", e))
    }

    /// Merge all committed segments into one (slow; makes searches of a bulk-built index faster).
    pub fn compact(&mut self) -> Result<(), SearchError> {
        let ids = self
            .index
            .searchable_segment_ids()
            .map_err(|e| SearchError::tantivy(&self.location, "listing segments to compact", e))?;
        let location = self.location.clone();
        let writer = self.writer("compacting")?;
        if ids.len() > 1 {
            writer.merge(&ids).wait().map_err(|e| SearchError::tantivy(&location, "merging segments", e))?;
        }
        let _ = writer.garbage_collect_files().wait();
        self.reader
            .reload()
            .map_err(|e| SearchError::tantivy(&self.location, "reloading the reader after compaction", e))
    }

    /// Number of committed segments (many segments make searches slower; see [`compact`](SearchIndex::compact)).
    pub fn segments(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    /// Number of committed, undeleted documents.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// True when no committed document is left.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The best hits for `query`: by relevance when it has text, newest first otherwise.
    ///
    /// Never fails on the text (any string is a valid query); fails only on an unreadable date
    /// filter or an IO error.
    pub fn search(&self, query: &SearchQuery) -> Result<Vec<Hit>, SearchError> {
        let limit = if query.limit == 0 { DEFAULT_LIMIT } else { query.limit.min(MAX_LIMIT) };
        let clauses = query::parse(&query.text);
        let searcher = self.reader.searcher();
        let scored = self.top(&searcher, query, &clauses, limit)?;
        let terms = query::terms(&clauses);
        let f = &self.fields;
        let mut hits = Vec::with_capacity(scored.len());
        for (score, address) in scored {
            let doc: TantivyDocument = searcher
                .doc(address)
                .map_err(|e| SearchError::tantivy(&self.location, "reading a hit's stored fields", e))?;
            let text_of = |field| doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string);
            hits.push(Hit {
                doc_id: doc.get_first(f.doc_id).and_then(|v| v.as_i64()).unwrap_or_default(),
                score,
                title: text_of(f.title),
                snippet: snippet(doc.get_first(f.text).and_then(|v| v.as_str()).unwrap_or(""), &terms),
                published: text_of(f.published),
                outlet: text_of(f.outlet_name),
                lang: text_of(f.lang),
            });
        }
        Ok(hits)
    }

    /// The ids of the documents matching `query` (best first, at most [`MAX_LIMIT`]), without
    /// reading their stored text: the step before filtering events by text.
    pub fn matching_ids(&self, query: &SearchQuery) -> Result<Vec<i64>, SearchError> {
        let limit = if query.limit == 0 { MAX_LIMIT } else { query.limit.min(MAX_LIMIT) };
        let clauses = query::parse(&query.text);
        let searcher = self.reader.searcher();
        let scored = self.top(&searcher, query, &clauses, limit)?;
        let mut ids = Vec::with_capacity(scored.len());
        for (_, address) in scored {
            let column = searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .i64("doc_id")
                .map_err(|e| SearchError::tantivy(&self.location, "reading document ids", e))?;
            ids.extend(column.first(address.doc_id));
        }
        Ok(ids)
    }

    /// The best `limit` matches: by relevance when the query has text, newest first otherwise.
    fn top(
        &self,
        searcher: &tantivy::Searcher,
        query: &SearchQuery,
        clauses: &[query::Clause],
        limit: usize,
    ) -> Result<Vec<(f32, DocAddress)>, SearchError> {
        let text = query::text_query(clauses, self.fields.body);
        if text.is_none() && !query.text.trim().is_empty() {
            return Ok(Vec::new());
        }
        let filters = query::filters(query, &self.fields, &self.location)?;
        let err = |e| SearchError::tantivy(&self.location, "searching", e);
        Ok(match text {
            Some(text) => {
                let combined: Box<dyn Query> = if filters.is_empty() {
                    text
                } else {
                    let mut all = vec![(Occur::Must, text)];
                    all.extend(filters.into_iter().map(|f| (Occur::Must, f)));
                    Box::new(BooleanQuery::new(all))
                };
                searcher.search(&combined, &TopDocs::with_limit(limit)).map_err(err)?
            }
            None => {
                let combined: Box<dyn Query> = if filters.is_empty() {
                    Box::new(AllQuery)
                } else {
                    Box::new(BooleanQuery::new(filters.into_iter().map(|f| (Occur::Must, f)).collect()))
                };
                let by_day = TopDocs::with_limit(limit).order_by_fast_field::<i64>("day", Order::Desc);
                searcher.search(&combined, &by_day).map_err(err)?.into_iter().map(|(_, a)| (0.0, a)).collect()
            }
        })
    }

    /// The schema this crate writes (for tools that inspect an index).
    pub fn schema(&self) -> Schema {
        self.index.schema()
    }
}

fn check_version(dir: &Path) -> Result<(), SearchError> {
    let path: PathBuf = dir.to_path_buf();
    match read_version(dir) {
        Some(v) if v == SCHEMA_VERSION => Ok(()),
        Some(v) if v > SCHEMA_VERSION => Err(SearchError::Incompatible {
            path,
            found: v.to_string(),
            expected: SCHEMA_VERSION,
            advice: "it was written by a newer marsad; upgrade marsad or use another directory",
        }),
        Some(v) => Err(SearchError::Incompatible { path, found: v.to_string(), expected: SCHEMA_VERSION, advice: "delete the directory and re-index" }),
        None => Err(SearchError::Incompatible {
            path,
            found: "none".to_string(),
            expected: SCHEMA_VERSION,
            advice: "no readable marsad-search.version file: not a marsad index, or a damaged one; delete the directory and re-index",
        }),
    }
}
