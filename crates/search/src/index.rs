//! [`SearchIndex`]: one tantivy index (on disk or in memory), its single writer and a reader
//! refreshed on every commit — or, opened read-only, a reader that follows another process's
//! commits.

use std::fs;
use std::path::{Path, PathBuf};

use tantivy::collector::TopDocs;
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr, INDEX_WRITER_LOCK,
};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query};
use tantivy::schema::{Schema, Term, Value};
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, Order, ReloadPolicy, TantivyDocument};

use crate::analysis::{MarsadTokenizer, TOKENIZER};
use crate::query::{self, DEFAULT_LIMIT, MAX_LIMIT};
use crate::schema::{self, filter_key, parse_day, Fields, SCHEMA_VERSION, UNKNOWN_DAY, VERSION_FILE};
use crate::snippet::snippet;
use crate::{Hit, IndexDoc, SearchError, SearchQuery};

/// Heap of the index writer, in bytes (bulk building: fewer, larger segments).
pub const WRITER_HEAP_BYTES: usize = 50_000_000;

/// Heap of a writer that commits often (a few documents to a few hundred per commit): tantivy
/// sizes each new segment's term table from the heap (a third of it, at most 2^19 buckets)
/// and allocates, zeroes and walks the whole table at every commit, which dominated the cost
/// of a small commit with the 50 MB heap. 16 MB is just above tantivy's minimum.
pub const SMALL_WRITER_HEAP_BYTES: usize = 16_000_000;

/// What [`SearchIndex::repair`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// The index opens and reads: nothing was changed.
    Sound,
    /// A new, empty index replaces what was there.
    Recreated {
        /// Why the old one could not be used (`None`: there was none).
        damage: Option<String>,
    },
}

/// A full-text index of articles.
pub struct SearchIndex {
    index: Index,
    /// `None` when opened read-only.
    writer: Option<IndexWriter>,
    reader: IndexReader,
    fields: Fields,
    location: String,
}

impl Drop for SearchIndex {
    fn drop(&mut self) {
        let _ = self.release_writer();
    }
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
    /// Open the index in `dir` for writing, creating the directory and an empty index when
    /// there has never been one.
    ///
    /// Fails with [`SearchError::Missing`] when the directory held an index whose `meta.json`
    /// is gone (a damaged index is never silently replaced by an empty one), with
    /// [`SearchError::Incompatible`] when the index there was written by another schema
    /// version, and with [`SearchError::Locked`] when another writer holds it.
    pub fn open_or_create(dir: &Path) -> Result<SearchIndex, SearchError> {
        if !SearchIndex::exists(dir) {
            SearchIndex::create(dir)?;
        }
        SearchIndex::open_writer(dir)
    }

    /// Open the existing index in `dir` and take its writer (the lock between writers).
    ///
    /// Fails with [`SearchError::Missing`] when there is no index, [`SearchError::Locked`]
    /// when another writer holds the lock, and [`SearchError::LockUnavailable`] when the lock
    /// cannot be taken at all (a read-only directory).
    pub fn open_writer(dir: &Path) -> Result<SearchIndex, SearchError> {
        SearchIndex::open_writer_with_heap(dir, WRITER_HEAP_BYTES)
    }

    /// [`SearchIndex::open_writer`] with a writer heap of `heap_bytes` (see
    /// [`SMALL_WRITER_HEAP_BYTES`]).
    pub fn open_writer_with_heap(dir: &Path, heap_bytes: usize) -> Result<SearchIndex, SearchError> {
        let (index, fields, location) = SearchIndex::open_dir(dir)?;
        SearchIndex::with_index(index, fields, location, heap_bytes)
    }

    /// Open the index in `dir` for searching only, following the commits of whichever process
    /// writes it (a server beside `marsad ingest`). Changes fail with [`SearchError::ReadOnly`].
    /// Never creates anything: a missing index is [`SearchError::Missing`].
    pub fn open_read_only(dir: &Path) -> Result<SearchIndex, SearchError> {
        let (index, fields, location) = SearchIndex::open_dir(dir)?;
        index.tokenizers().register(TOKENIZER, MarsadTokenizer::default());
        let reader = match index.reader_builder().reload_policy(ReloadPolicy::OnCommitWithDelay).try_into() {
            Ok(reader) => reader,
            // Readers take a lock file too, which cannot be opened on a read-only file system.
            Err(tantivy::TantivyError::LockFailure(LockError::IoError(io), _))
                if io.kind() == std::io::ErrorKind::ReadOnlyFilesystem =>
            {
                return SearchIndex::open_on_read_only_media(dir, fields, location);
            }
            Err(e) => return Err(SearchError::tantivy(&location, "opening the index reader", e)),
        };
        Ok(SearchIndex { index, writer: None, reader, fields, location })
    }

    /// The index on a read-only file system: nothing can change its files there, so its
    /// locks (which need a writable lock file) are not needed.
    fn open_on_read_only_media(dir: &Path, fields: Fields, location: String) -> Result<SearchIndex, SearchError> {
        let directory = MmapDirectory::open(dir).map_err(|e| directory_error(dir, "opening the index directory", e))?;
        let index = Index::open(ReadOnlyMedia(directory))
            .map_err(|e| SearchError::tantivy(&location, "opening the index", e))?;
        index.tokenizers().register(TOKENIZER, MarsadTokenizer::default());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| SearchError::tantivy(&location, "opening the index reader", e))?;
        Ok(SearchIndex { index, writer: None, reader, fields, location })
    }

    /// Whether `dir` holds an index (its `meta.json`).
    pub fn exists(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    /// Create an empty index in `dir` (and the directory), recording the schema version.
    ///
    /// Refuses a directory whose version file says an index was there before
    /// ([`SearchError::Missing`] with `was_index`): rebuilding a damaged index is
    /// [`SearchIndex::recreate`]'s job, under the writers' lock.
    pub fn create(dir: &Path) -> Result<(), SearchError> {
        if dir.join(VERSION_FILE).exists() {
            return Err(SearchError::Missing { path: dir.to_path_buf(), was_index: true });
        }
        SearchIndex::create_in(dir)
    }

    /// Make `dir` hold a readable index, under the writers' lock so no writer is at work
    /// meanwhile: when the index there opens and reads, nothing is done
    /// ([`Repair::Sound`]); when it is missing, damaged or from an older schema, the index's
    /// own files (tantivy's segment files, `meta.json`, marsad's `marsad-*` files; nothing
    /// else) are removed and an empty index is created ([`Repair::Recreated`]), for the caller
    /// to fill from the store. Fails with [`SearchError::Locked`] while a writer holds the
    /// lock, and leaves an index written by a newer marsad alone
    /// ([`SearchError::Incompatible`]).
    pub fn repair(dir: &Path) -> Result<Repair, SearchError> {
        fs::create_dir_all(dir).map_err(|e| directory_error(dir, "creating the index directory", e))?;
        let directory = MmapDirectory::open(dir).map_err(|e| directory_error(dir, "opening the index directory", e))?;
        let location = dir.display().to_string();
        let _lock = directory.acquire_lock(&INDEX_WRITER_LOCK).map_err(|e| {
            SearchError::tantivy(&location, "taking the lock to repair the index", tantivy::TantivyError::from(e))
        })?;
        let reason = match SearchIndex::open_dir(dir).and_then(|(index, _, location)| {
            index.reader().map_err(|e| SearchError::tantivy(&location, "opening the index reader", e))
        }) {
            Ok(_) => return Ok(Repair::Sound),
            Err(error) if error.is_newer_schema() => return Err(error),
            Err(SearchError::Missing { was_index: false, .. }) => None,
            Err(error) => Some(error.to_string()),
        };
        let entries = fs::read_dir(dir).map_err(|e| directory_error(dir, "listing the index directory", e))?;
        for entry in entries {
            let entry = entry.map_err(|e| directory_error(dir, "listing the index directory", e))?;
            let is_file = entry.file_type().map(|t| t.is_file()).unwrap_or(false);
            if is_file && is_index_file(&entry.file_name().to_string_lossy()) {
                fs::remove_file(entry.path()).map_err(|e| directory_error(dir, "removing a damaged index file", e))?;
            }
        }
        SearchIndex::create_in(dir)?;
        Ok(Repair::Recreated { damage: reason })
    }

    /// A new index in `dir`, with its version file.
    fn create_in(dir: &Path) -> Result<(), SearchError> {
        let location = dir.display().to_string();
        fs::create_dir_all(dir).map_err(|e| directory_error(dir, "creating the index directory", e))?;
        let directory = MmapDirectory::open(dir).map_err(|e| directory_error(dir, "opening the index directory", e))?;
        let (schema, _) = schema::build();
        Index::create(directory, schema, Default::default())
            .map_err(|e| SearchError::tantivy(&location, "creating the index", e))?;
        fs::write(dir.join(VERSION_FILE), format!("{SCHEMA_VERSION}\n"))
            .map_err(|e| directory_error(dir, "recording the schema version", e))
    }

    /// The existing index in `dir`, checked against this schema.
    fn open_dir(dir: &Path) -> Result<(Index, Fields, String), SearchError> {
        let location = dir.display().to_string();
        if !SearchIndex::exists(dir) {
            return Err(SearchError::Missing { path: dir.to_path_buf(), was_index: dir.join(VERSION_FILE).exists() });
        }
        let directory = MmapDirectory::open(dir).map_err(|e| directory_error(dir, "opening the index directory", e))?;
        let (schema, fields) = schema::build();
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
        Ok((index, fields, location))
    }

    /// A new, empty index held in memory (for tests and one-off searches).
    pub fn in_memory() -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema::build();
        SearchIndex::with_index(Index::create_in_ram(schema), fields, "in-memory".to_string(), WRITER_HEAP_BYTES)
    }

    fn with_index(
        index: Index,
        fields: Fields,
        location: String,
        heap_bytes: usize,
    ) -> Result<SearchIndex, SearchError> {
        index.tokenizers().register(TOKENIZER, MarsadTokenizer::default());
        let writer: IndexWriter = index
            .writer_with_num_threads(1, heap_bytes)
            .map_err(|e| SearchError::tantivy(&location, "opening the index writer", e))?;
        // A writer killed mid-commit leaves files no commit refers to; the next one would try
        // to create files of the same names. Remove them first (this holds the lock).
        writer
            .garbage_collect_files()
            .wait()
            .map_err(|e| SearchError::tantivy(&location, "removing files a crashed writer left", e))?;
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

    /// Delete every document, as of the next commit (a rebuild adds them again before it
    /// commits, so searches see the old index until the new one is complete).
    pub fn delete_all(&mut self) -> Result<(), SearchError> {
        let location = self.location.clone();
        self.writer("deleting every document")?
            .delete_all_documents()
            .map_err(|e| SearchError::tantivy(&location, "deleting every document", e))?;
        Ok(())
    }

    /// Whether this index holds the writers' lock.
    pub fn is_writer(&self) -> bool {
        self.writer.is_some()
    }

    /// Let go of the writer and its lock after waiting for its merges to finish: a writer
    /// dropped mid-merge leaves files the next writer may delete under a reader (issue 9).
    /// Uncommitted changes are discarded. [`Drop`] does the same, ignoring failures.
    pub fn close(mut self) -> Result<(), SearchError> {
        self.release_writer()
    }

    fn release_writer(&mut self) -> Result<(), SearchError> {
        match self.writer.take() {
            Some(writer) => writer
                .wait_merging_threads()
                .map_err(|e| SearchError::tantivy(&self.location, "waiting for the index's merges", e)),
            None => Ok(()),
        }
    }

    /// The ids of every committed document, in increasing order (a document indexed twice
    /// would appear twice).
    pub fn doc_ids(&self) -> Result<Vec<i64>, SearchError> {
        let searcher = self.reader.searcher();
        let mut ids = Vec::with_capacity(searcher.num_docs() as usize);
        for segment in searcher.segment_readers() {
            let column = segment
                .fast_fields()
                .i64("doc_id")
                .map_err(|e| SearchError::tantivy(&self.location, "reading document ids", e))?;
            ids.extend(segment.doc_ids_alive().filter_map(|doc| column.first(doc)));
        }
        ids.sort_unstable();
        Ok(ids)
    }

    /// The damage found by reading every file of the committed segments in full: files that
    /// are missing or whose checksum does not match. Empty when the index is sound.
    pub fn verify(&self) -> Result<Vec<String>, SearchError> {
        let err = |e| SearchError::tantivy(&self.location, "verifying the index files", e);
        let mut problems = Vec::new();
        for segment in self.index.searchable_segment_metas().map_err(err)? {
            // A segment lists its deletes file even when it has none.
            let deletes = segment.has_deletes();
            for file in segment.list_files().into_iter().filter(|f| deletes || f.extension().is_none_or(|e| e != "del"))
            {
                let exists = self.index.directory().exists(&file).map_err(|e| err(e.into()))?;
                if !exists {
                    problems.push(format!("{} is missing", file.display()));
                }
            }
        }
        let mut damaged: Vec<PathBuf> = self.index.validate_checksum().map_err(err)?.into_iter().collect();
        damaged.sort();
        problems.extend(damaged.iter().map(|file| format!("{} fails its checksum", file.display())));
        Ok(problems)
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

/// An index directory on a read-only file system: reads go to the directory, locks are
/// granted without a lock file (nobody can change the files there), writes fail as they would.
#[derive(Debug, Clone)]
struct ReadOnlyMedia(MmapDirectory);

impl Directory for ReadOnlyMedia {
    fn get_file_handle(&self, path: &Path) -> Result<std::sync::Arc<dyn FileHandle>, OpenReadError> {
        self.0.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.0.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.0.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.0.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.0.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.0.atomic_write(path, data)
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        self.0.sync_directory()
    }

    fn acquire_lock(&self, _lock: &Lock) -> Result<DirectoryLock, LockError> {
        Ok(DirectoryLock::from(Box::new(())))
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.0.watch(watch_callback)
    }
}

/// Files an index directory holds that belong to the index: tantivy's (`meta.json`,
/// `.managed.json`, segment files named by a 32-digit hex id) and marsad's (`marsad-*`).
fn is_index_file(name: &str) -> bool {
    let segment = name.split('.').next().is_some_and(|id| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()));
    name == "meta.json" || name == ".managed.json" || name.starts_with("marsad-") || segment
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
