//! The writing task: the one place a process writes its store and its search index.
//!
//! Every write path — `marsad ingest`, `marsad reindex`, the server's `POST /api/documents`,
//! later workers — sends its analysed documents to a [`Writer`]: one thread that owns the
//! store's writing connection and the process's only tantivy `IndexWriter`, and takes jobs
//! from a bounded queue, so concurrent requests queue instead of racing, and jobs queued
//! together are stored and indexed together (one index commit for many small requests).
//!
//! **Between processes** the index's lock (tantivy's writer lock) is the one lock between
//! writers: a writer stores nothing without holding it, so no stored document can be left
//! out of the index by someone else's commit. The rule that lets two writing processes (a
//! `marsad ingest` beside a server taking POSTs) both make progress:
//! - a writer takes the lock for a *session* and keeps it while jobs keep coming, committing
//!   the index at least every [`WriterOptions::commit_every`] documents (and at once for jobs
//!   that must be searchable when answered);
//! - a writer that finds the lock busy waits for it, polling every [`LOCK_POLL`], up to each
//!   job's bound ([`WriterOptions::lock_wait`]), and meanwhile says so with a file named by
//!   its process id in the index's `marsad-waiting/` directory, refreshed while it waits;
//! - a holder checks for such files after every group of jobs and when idle: when another
//!   process waits, it commits, waits for the index's merges, lets the lock go, and gives the
//!   waiter up to [`YIELD_GAP`] to take it before competing again; a holder with nothing to
//!   do lets go after [`IDLE_RELEASE`];
//! - the lock is only ever let go after the index's merges have finished (a writer dropped
//!   mid-merge left files that the next writer deleted under readers: issue 9).
//!
//! So a POST waits at most about one batch of the other writer, never answers 503 while the
//! lock is briefly held, and answers 503 only when the lock stays busy past its bound.
//!
//! Each session starts by bringing the index in step with the store
//! ([`crate::indexing::reconcile`]) when the store changed after the index's last commit (a
//! crash) and, in a writer's first session, when their counts differ; a missing or unreadable
//! index is rebuilt from the store ([`SearchIndex::repair`]), with a note saying so.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

use marsad_kb::KnowledgeBase;
use marsad_search::{Repair, SearchError, SearchIndex};
use marsad_store::sqlite::check_writable;
use marsad_store::{SqliteStore, Store};

use crate::indexing::{self, index_dir, IndexSyncError};
use crate::{Analysed, Ingestor, Outcome};

/// Jobs waiting in the queue before senders block.
pub const QUEUE: usize = 64;
/// Documents handled together at most (one store transaction per job, one index commit).
const GROUP_DOCUMENTS: usize = 512;
/// How often a holder with nothing to do checks for waiting writers.
const HOLD_POLL: Duration = Duration::from_millis(20);
/// How often a waiting writer tries the lock.
pub const LOCK_POLL: Duration = Duration::from_millis(10);
/// A holder with no job for this long lets the lock go.
pub const IDLE_RELEASE: Duration = Duration::from_secs(1);
/// After letting go for a waiting process, how long a writer leaves it to take the lock.
pub const YIELD_GAP: Duration = Duration::from_millis(250);
/// A waiting file older than this is a waiter that died.
const WAITER_FRESH: Duration = Duration::from_secs(2);
/// How often a waiter refreshes its waiting file.
const ANNOUNCE_EVERY: Duration = Duration::from_millis(250);

/// How a [`Writer`] behaves.
#[derive(Clone)]
pub struct WriterOptions {
    /// How long a job waits for another process's lock before failing with [`WriteError::Busy`].
    pub lock_wait: Duration,
    /// Commit the index after this many stored documents, even when no job asked to see them.
    pub commit_every: usize,
    /// Where notes about repairs go (the CLI's stderr, the server's log).
    pub notes: Arc<dyn Fn(&str) + Send + Sync>,
}

impl WriterOptions {
    /// Defaults (wait a minute for the lock, commit every 256 documents) with notes to `notes`.
    pub fn new(notes: impl Fn(&str) + Send + Sync + 'static) -> WriterOptions {
        WriterOptions { lock_wait: Duration::from_secs(60), commit_every: 256, notes: Arc::new(notes) }
    }
}

impl std::fmt::Debug for WriterOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WriterOptions")
            .field("lock_wait", &self.lock_wait)
            .field("commit_every", &self.commit_every)
            .finish_non_exhaustive()
    }
}

/// Why a write did not happen (or happened only in part, as said).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    /// The store failed; nothing of the job was kept.
    #[error("{0}")]
    Store(String),
    /// The search index failed. The store is the truth: what the job stored stays stored,
    /// and the next session adds it to the index.
    #[error("{0}")]
    Index(String),
    /// The store file is damaged: nothing is written into it.
    #[error("{path}: the store is damaged ({detail}); nothing was written. `marsad check --db {path}` gives the full report; restore the file from a backup")]
    Damaged {
        /// The store file.
        path: String,
        /// What SQLite's check found.
        detail: String,
    },
    /// The store or its index cannot be written (a read-only file, directory or mount).
    #[error("{path} cannot be written ({reason}); nothing was written")]
    NotWritable {
        /// The file or directory.
        path: String,
        /// The operating system's reason.
        reason: String,
    },
    /// Another process held the index's lock for longer than the job could wait.
    #[error("another process has been writing to {dir} for {}s (it holds the index's lock); nothing was written: try again", waited.as_secs())]
    Busy {
        /// The index directory.
        dir: String,
        /// How long the job waited.
        waited: Duration,
    },
    /// The writing task has stopped ([`Writer::close`]).
    #[error("the writing task has stopped")]
    Stopped,
}

impl From<IndexSyncError> for WriteError {
    fn from(error: IndexSyncError) -> Self {
        match error {
            IndexSyncError::Store(error) => WriteError::Store(error.to_string()),
            other => WriteError::Index(other.to_string()),
        }
    }
}

impl From<marsad_store::StoreError> for WriteError {
    fn from(error: marsad_store::StoreError) -> Self {
        WriteError::Store(error.to_string())
    }
}

impl From<SearchError> for WriteError {
    fn from(error: SearchError) -> Self {
        WriteError::Index(error.to_string())
    }
}

type Reply<T> = Sender<Result<T, WriteError>>;

/// A request to the writing task.
enum Job {
    /// Store and index a batch; answer once stored (or once searchable when `visible`).
    Store { batch: Vec<Analysed>, visible: bool, since: Instant, reply: Reply<Vec<Outcome>> },
    /// Replace the index's entries by the store's documents.
    Reindex { since: Instant, reply: Reply<usize> },
    /// Take the lock, bring the index in step, commit what is pending.
    Sync { since: Instant, reply: Reply<()> },
    /// Commit, wait for merges, let the lock go and stop.
    Close { reply: Reply<()> },
}

impl Job {
    fn documents(&self) -> usize {
        match self {
            Job::Store { batch, .. } => batch.len().max(1),
            _ => 1,
        }
    }

    fn since(&self) -> Option<Instant> {
        match self {
            Job::Store { since, .. } | Job::Reindex { since, .. } | Job::Sync { since, .. } => Some(*since),
            Job::Close { .. } => None,
        }
    }

    fn fail(self, error: WriteError) {
        match self {
            Job::Store { reply, .. } => drop(reply.send(Err(error))),
            Job::Reindex { reply, .. } => drop(reply.send(Err(error))),
            Job::Sync { reply, .. } | Job::Close { reply } => drop(reply.send(Err(error))),
        }
    }
}

/// The handle on a process's writing task. Cheap to share (`&Writer` from any thread);
/// closing it (or dropping it) commits, waits for the index's merges and lets the lock go.
pub struct Writer {
    jobs: Mutex<Option<SyncSender<Job>>>,
    thread: Mutex<Option<JoinHandle<()>>>,
    db: PathBuf,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer").field("db", &self.db).finish_non_exhaustive()
    }
}

impl Writer {
    /// Start the writing task for the store `db` (created and migrated if needed) and its
    /// index `DB.index`. Refuses a store that cannot be written ([`WriteError::NotWritable`])
    /// or that SQLite's `quick_check` finds damaged ([`WriteError::Damaged`]). The index is
    /// checked and repaired when the task first takes the lock ([`Writer::sync`] does it now).
    pub fn open(db: &Path, kb: &'static KnowledgeBase, options: WriterOptions) -> Result<Writer, WriteError> {
        probe_writable(db)?;
        let store = SqliteStore::open(db)?;
        if store.is_read_only() {
            return Err(WriteError::NotWritable {
                path: db.display().to_string(),
                reason: "SQLite could open it only for reading".into(),
            });
        }
        // A check SQLite cannot even finish ("database disk image is malformed") is damage too.
        let problems = store.quick_check().unwrap_or_else(|error| vec![error.to_string()]);
        if !problems.is_empty() {
            let detail = format!("quick_check: {}", problems.iter().take(3).cloned().collect::<Vec<_>>().join("; "));
            return Err(WriteError::Damaged { path: db.display().to_string(), detail });
        }
        let (sender, receiver) = mpsc::sync_channel(QUEUE);
        let task = Task {
            ingestor: Ingestor::new(kb, store),
            dir: index_dir(db),
            options,
            session: None,
            first_session: true,
            needs_sync: false,
            yielded: None,
            announced: None,
        };
        let thread = std::thread::Builder::new()
            .name("marsad-writer".into())
            .spawn(move || task.run(receiver))
            .map_err(|error| WriteError::Store(format!("starting the writing task: {error}")))?;
        Ok(Writer { jobs: Mutex::new(Some(sender)), thread: Mutex::new(Some(thread)), db: db.to_path_buf() })
    }

    /// Store `batch` (in order, one transaction) and index it; answers with each document's
    /// outcome once stored, or with `visible` once searchable too. Blocks while the queue is
    /// full and while another process holds the lock (up to [`WriterOptions::lock_wait`]).
    pub fn write(&self, batch: Vec<Analysed>, visible: bool) -> Result<Vec<Outcome>, WriteError> {
        self.ask(|reply| Job::Store { batch, visible, since: Instant::now(), reply })
    }

    /// Rebuild the index from the store in one commit; answers with the documents indexed.
    pub fn reindex(&self) -> Result<usize, WriteError> {
        self.ask(|reply| Job::Reindex { since: Instant::now(), reply })
    }

    /// Take the lock now (waiting as for a write), check the index against the store and
    /// repair it, and commit whatever is pending.
    pub fn sync(&self) -> Result<(), WriteError> {
        self.ask(|reply| Job::Sync { since: Instant::now(), reply })
    }

    /// Commit, wait for the index's merges, let the lock go and stop the task. Later calls
    /// fail with [`WriteError::Stopped`]; closing twice is harmless.
    pub fn close(&self) -> Result<(), WriteError> {
        let sender = self.jobs.lock().map_err(|_| WriteError::Stopped)?.take();
        let Some(sender) = sender else { return Ok(()) };
        let (reply, answer) = mpsc::channel();
        let result = match sender.send(Job::Close { reply }) {
            Ok(()) => answer.recv().unwrap_or(Err(WriteError::Stopped)),
            Err(_) => Err(WriteError::Stopped),
        };
        drop(sender);
        if let Some(thread) = self.thread.lock().ok().and_then(|mut t| t.take()) {
            let _ = thread.join();
        }
        result
    }

    /// Whether the store and its index can be written right now (cheap: access(2) on the
    /// files and directories), for a truthful `/api/health`.
    pub fn can_write(&self) -> Result<(), WriteError> {
        probe_writable(&self.db)
    }

    fn ask<T>(&self, job: impl FnOnce(Reply<T>) -> Job) -> Result<T, WriteError> {
        let sender = self.jobs.lock().map_err(|_| WriteError::Stopped)?.clone().ok_or(WriteError::Stopped)?;
        let (reply, answer) = mpsc::channel();
        sender.send(job(reply)).map_err(|_| WriteError::Stopped)?;
        answer.recv().unwrap_or(Err(WriteError::Stopped))
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = self.close();
    }
}

/// Check that the store `db` (when it exists), its directory and its index directory (when
/// it exists) can be written, with access(2): the store's file is never opened here, since
/// closing a descriptor of it would release SQLite's locks in this process. Fails with the
/// operating system's reason (a read-only file system, an immutable file, no permission).
pub fn probe_writable(db: &Path) -> Result<(), WriteError> {
    let not = |path: &Path, error: std::io::Error| WriteError::NotWritable {
        path: path.display().to_string(),
        reason: error.to_string(),
    };
    let parent = db.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let dir = index_dir(db);
    for path in [db, parent, dir.as_path()] {
        if path.exists() {
            check_writable(path).map_err(|e| not(path, e))?;
        }
    }
    Ok(())
}

/// What to do after a group of jobs.
#[derive(PartialEq, Eq)]
enum Flow {
    Go,
    Stop,
}

/// The lock held, with what is stored and not yet committed to the index.
struct Session {
    index: SearchIndex,
    last_job: Instant,
    /// Documents stored and added to the index, not committed yet.
    uncommitted: usize,
    /// The turn file says this process has stored documents the index does not hold yet.
    turn_open: bool,
    /// Answers held until the index commits (jobs that must be searchable when answered).
    pending: Vec<(Reply<Vec<Outcome>>, Vec<Outcome>)>,
}

/// The writing thread's state.
struct Task {
    ingestor: Ingestor<'static, SqliteStore>,
    dir: PathBuf,
    options: WriterOptions,
    session: Option<Session>,
    /// The first session also compares the index's count with the store's.
    first_session: bool,
    /// The next session reconciles whatever the marker says (after an index failure).
    needs_sync: bool,
    /// When this writer last let the lock go for a waiting process.
    yielded: Option<Instant>,
    /// When this writer last refreshed its waiting file (None: not waiting).
    announced: Option<Instant>,
}

impl Task {
    fn run(mut self, jobs: Receiver<Job>) {
        loop {
            let next = match &self.session {
                Some(_) => jobs.recv_timeout(HOLD_POLL),
                None => jobs.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match next {
                Ok(first) => {
                    let mut documents = first.documents();
                    let mut group = vec![first];
                    while documents < GROUP_DOCUMENTS && !matches!(group.last(), Some(Job::Close { .. })) {
                        match jobs.try_recv() {
                            Ok(job) => {
                                documents += job.documents();
                                group.push(job);
                            }
                            Err(_) => break,
                        }
                    }
                    if self.handle(group) == Flow::Stop {
                        return;
                    }
                }
                Err(RecvTimeoutError::Timeout) => self.idle(),
                Err(RecvTimeoutError::Disconnected) => {
                    let _ = self.release();
                    return;
                }
            }
        }
    }

    /// Run a group of jobs in one session (a `Close` can only come last).
    fn handle(&mut self, mut group: Vec<Job>) -> Flow {
        let close = match group.last() {
            Some(Job::Close { .. }) => group.pop(),
            _ => None,
        };
        if !group.is_empty() {
            let skip_sync = matches!(group.first(), Some(Job::Reindex { .. }));
            if self.acquire(&mut group, skip_sync) {
                for job in group {
                    self.run_job(job);
                }
                self.after_group();
            }
        }
        match close {
            Some(Job::Close { reply }) => {
                let _ = reply.send(self.release());
                Flow::Stop
            }
            _ => Flow::Go,
        }
    }

    fn run_job(&mut self, job: Job) {
        if let Some(session) = &mut self.session {
            session.last_job = Instant::now();
        }
        match job {
            Job::Store { batch, visible, reply, .. } => self.store_batch(&batch, visible, reply),
            Job::Reindex { reply, .. } => {
                let _ = reply.send(self.reindex());
            }
            Job::Sync { reply, .. } => {
                let _ = reply.send(self.commit_index());
            }
            Job::Close { reply } => {
                let _ = reply.send(Err(WriteError::Stopped));
            }
        }
    }

    /// Hold the lock for `jobs`: wait for it (failing the jobs whose bound passes), repair a
    /// missing or damaged index, bring the index in step. False when no job is left to run.
    fn acquire(&mut self, jobs: &mut Vec<Job>, skip_sync: bool) -> bool {
        if self.session.is_some() {
            return true;
        }
        // After letting go for a waiting process, leave it the time to take the lock.
        if let Some(at) = self.yielded.take() {
            while at.elapsed() < YIELD_GAP && others_waiting(&self.dir) {
                std::thread::sleep(LOCK_POLL);
            }
        }
        let mut repairs = 0;
        let index = loop {
            match SearchIndex::open_writer_with_heap(&self.dir, marsad_search::index::SMALL_WRITER_HEAP_BYTES) {
                Ok(index) => break index,
                Err(error) if error.is_locked() => {
                    if !self.wait_for_lock(jobs) {
                        return false;
                    }
                }
                Err(error @ (SearchError::LockUnavailable { .. } | SearchError::Directory { .. })) => {
                    return self.fail_all(jobs, error.into());
                }
                Err(error) if error.is_newer_schema() || repairs >= 2 => return self.fail_all(jobs, error.into()),
                Err(_) => match SearchIndex::repair(&self.dir) {
                    Ok(repair) => {
                        repairs += 1;
                        self.note_repair(&repair);
                    }
                    Err(error) if error.is_locked() => {
                        if !self.wait_for_lock(jobs) {
                            return false;
                        }
                    }
                    Err(error) => return self.fail_all(jobs, error.into()),
                },
            }
        };
        self.withdraw_waiting();
        self.session =
            Some(Session { index, last_job: Instant::now(), uncommitted: 0, turn_open: false, pending: Vec::new() });
        if !skip_sync {
            if let Err(error) = self.sync_index() {
                self.abandon_session(&error);
                return self.fail_all(jobs, error);
            }
        }
        self.first_session = false;
        true
    }

    /// Say this writer waits, fail the jobs whose bound passed, sleep one poll. False when
    /// no job is left.
    fn wait_for_lock(&mut self, jobs: &mut Vec<Job>) -> bool {
        let now = Instant::now();
        let bound = self.options.lock_wait;
        let (expired, waiting): (Vec<Job>, Vec<Job>) =
            jobs.drain(..).partition(|job| job.since().is_some_and(|since| now.duration_since(since) >= bound));
        *jobs = waiting;
        for job in expired {
            let waited = job.since().map(|since| now.duration_since(since)).unwrap_or_default();
            job.fail(WriteError::Busy { dir: self.dir.display().to_string(), waited });
        }
        if jobs.is_empty() {
            self.withdraw_waiting();
            return false;
        }
        self.announce_waiting();
        std::thread::sleep(LOCK_POLL);
        true
    }

    fn fail_all(&mut self, jobs: &mut Vec<Job>, error: WriteError) -> bool {
        self.withdraw_waiting();
        for job in jobs.drain(..) {
            job.fail(error.clone());
        }
        false
    }

    fn note_repair(&mut self, repair: &Repair) {
        let Repair::Recreated { damage } = repair else { return };
        let stored = self.ingestor.store().counts().map(|c| c.documents).unwrap_or(0);
        let dir = self.dir.display();
        let note = match damage {
            Some(damage) => format!("{damage}: rebuilding the search index {dir} from the store ({stored} documents)"),
            None if stored > 0 => {
                format!("there is no search index at {dir}: building it from the store ({stored} documents)")
            }
            None => return,
        };
        (self.options.notes)(&note);
        self.needs_sync = true;
    }

    /// Reconcile the index with the store when the store changed after the index's last
    /// commit, when a failure asked for it, or (first session) when their counts differ.
    fn sync_index(&mut self) -> Result<(), WriteError> {
        let Some(session) = &mut self.session else { return Ok(()) };
        let store = self.ingestor.store();
        let newest = store.max_document_id()?;
        let marker = indexing::indexed_through(&self.dir);
        let stored = if self.first_session { Some(store.counts()?.documents) } else { None };
        let differ = stored.filter(|stored| *stored != session.index.len());
        if !self.needs_sync && marker == newest && differ.is_none() {
            return Ok(());
        }
        if let (Some(stored), true) = (differ, marker == newest && !self.needs_sync) {
            (self.options.notes)(&format!(
                "the search index {} holds {} document(s), the store {stored}: reconciling it with the store",
                self.dir.display(),
                session.index.len()
            ));
        }
        let done = indexing::reconcile(store, &mut session.index, &self.dir)?;
        indexing::end_turn(&self.dir)?;
        self.needs_sync = false;
        if done.added + done.removed > 0 {
            (self.options.notes)(&format!(
                "search index {}: added {} stored document(s) it lacked, removed {} entr{} the store no longer holds",
                self.dir.display(),
                done.added,
                done.removed,
                if done.removed == 1 { "y" } else { "ies" }
            ));
        }
        Ok(())
    }

    /// Store a batch in one transaction, then add it to the index.
    fn store_batch(&mut self, batch: &[Analysed], visible: bool, reply: Reply<Vec<Outcome>>) {
        let outcomes = match self.store_in_store(batch) {
            Ok(outcomes) => outcomes,
            Err(error) => {
                let _ = reply.send(Err(error));
                return;
            }
        };
        let Some(session) = &mut self.session else { return };
        let mut stored = 0;
        let mut indexed = Ok(());
        for (item, outcome) in batch.iter().zip(&outcomes) {
            if let Outcome::Stored { doc_id, replaced, .. } = outcome {
                let mut entry = item.index.clone();
                entry.doc_id = *doc_id;
                indexed =
                    replaced.map_or(Ok(()), |old| session.index.delete(old)).and_then(|()| session.index.add(&entry));
                if indexed.is_err() {
                    break;
                }
                stored += 1;
            }
        }
        if let Err(error) = indexed {
            let error = stored_not_indexed(&error.to_string());
            let _ = reply.send(Err(error.clone()));
            self.abandon_session(&error);
            return;
        }
        session.uncommitted += stored;
        if visible {
            session.pending.push((reply, outcomes));
        } else {
            let _ = reply.send(Ok(outcomes));
        }
    }

    /// The batch in one store transaction; nothing of it stays when any document fails.
    fn store_in_store(&mut self, batch: &[Analysed]) -> Result<Vec<Outcome>, WriteError> {
        let Some(session) = &mut self.session else { return Err(WriteError::Stopped) };
        if !session.turn_open {
            // Before the store commits: a reader who sees the store ahead knows a writer is at work.
            indexing::begin_turn(&self.dir)?;
            session.turn_open = true;
        }
        self.ingestor.store_mut().begin()?;
        let mut outcomes = Vec::with_capacity(batch.len());
        for item in batch {
            match self.ingestor.ingest(item) {
                Ok(outcome) => outcomes.push(outcome),
                Err(error) => {
                    self.roll_back();
                    return Err(WriteError::Store(format!("storing document {}: {error}", item.document.key)));
                }
            }
        }
        if let Err(error) = self.ingestor.store_mut().commit() {
            self.roll_back();
            return Err(error.into());
        }
        Ok(outcomes)
    }

    fn roll_back(&mut self) {
        // The original error matters more than a failure to undo (SQLite rolls back anyway
        // when the connection closes).
        let _ = self.ingestor.store_mut().rollback();
        self.ingestor.forget_recorded();
    }

    /// Rebuild the index's entries from the store in one commit.
    fn reindex(&mut self) -> Result<usize, WriteError> {
        let Some(session) = &mut self.session else { return Err(WriteError::Stopped) };
        let indexed = indexing::rebuild(self.ingestor.store(), &mut session.index, &self.dir)?;
        indexing::end_turn(&self.dir)?;
        self.needs_sync = false;
        Ok(indexed)
    }

    /// Commit the index when anything is pending, mark it caught up, answer held jobs.
    fn commit_index(&mut self) -> Result<(), WriteError> {
        let Some(session) = &mut self.session else { return Ok(()) };
        if session.uncommitted == 0 && !session.turn_open && session.pending.is_empty() {
            return Ok(());
        }
        let store = self.ingestor.store();
        // Nothing new stored (duplicates only): the index and its marker are still right.
        let committed = if session.uncommitted == 0 {
            indexing::end_turn(&self.dir)
        } else {
            session
                .index
                .commit()
                .map_err(IndexSyncError::from)
                .and_then(|()| indexing::mark_indexed(&self.dir, store.max_document_id()?))
                .and_then(|()| indexing::end_turn(&self.dir))
        };
        match committed {
            Ok(()) => {
                session.uncommitted = 0;
                session.turn_open = false;
                for (reply, outcomes) in session.pending.drain(..) {
                    let _ = reply.send(Ok(outcomes));
                }
                Ok(())
            }
            Err(error) => {
                let error = stored_not_indexed(&error.to_string());
                self.abandon_session(&error);
                Err(error)
            }
        }
    }

    /// After a group: commit when a job waits for it or enough is pending; let the lock go
    /// when another process waits for it.
    fn after_group(&mut self) {
        let Some(session) = &self.session else { return };
        if !session.pending.is_empty() || session.uncommitted >= self.options.commit_every {
            let _ = self.commit_index();
        }
        if self.session.is_some() && others_waiting(&self.dir) {
            let _ = self.release();
            self.yielded = Some(Instant::now());
        }
    }

    /// Nothing to do: let the lock go when another process waits or after a while.
    fn idle(&mut self) {
        let Some(session) = &self.session else { return };
        let quiet = session.last_job.elapsed();
        if others_waiting(&self.dir) {
            let _ = self.release();
            self.yielded = Some(Instant::now());
        } else if quiet >= IDLE_RELEASE {
            let _ = self.release();
        }
    }

    /// Commit what is pending, wait for the index's merges, let the lock go.
    fn release(&mut self) -> Result<(), WriteError> {
        let committed = self.commit_index();
        let closed = match self.session.take() {
            Some(session) => session.index.close().map_err(WriteError::from),
            None => Ok(()),
        };
        self.withdraw_waiting();
        committed.and(closed)
    }

    /// The index failed: answer held jobs, drop uncommitted index changes (waiting for
    /// merges), and reconcile at the next session.
    fn abandon_session(&mut self, error: &WriteError) {
        if let Some(mut session) = self.session.take() {
            for (reply, _) in session.pending.drain(..) {
                let _ = reply.send(Err(error.clone()));
            }
            let _ = session.index.close();
        }
        let _ = indexing::end_turn(&self.dir);
        self.needs_sync = true;
    }

    fn announce_waiting(&mut self) {
        if self.announced.is_some_and(|at| at.elapsed() < ANNOUNCE_EVERY) {
            return;
        }
        let dir = waiting_dir(&self.dir);
        let file = dir.join(std::process::id().to_string());
        let written = std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(&file, b""))
            .and_then(|()| std::fs::File::options().write(true).open(&file))
            .and_then(|f| f.set_modified(SystemTime::now()));
        // Without the file the holder lets go only when idle: slower, still correct.
        self.announced = written.is_ok().then(Instant::now);
    }

    fn withdraw_waiting(&mut self) {
        if self.announced.take().is_some() {
            let _ = std::fs::remove_file(waiting_dir(&self.dir).join(std::process::id().to_string()));
        }
    }
}

fn stored_not_indexed(error: &str) -> WriteError {
    WriteError::Index(format!(
        "the documents were stored, but indexing them failed ({error}); the next write adds them to the index"
    ))
}

fn waiting_dir(index: &Path) -> PathBuf {
    index.join("marsad-waiting")
}

/// Whether another process has said recently that it waits for the lock.
fn others_waiting(index: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(waiting_dir(index)) else { return false };
    let me = std::process::id().to_string();
    entries.flatten().any(|entry| {
        entry.file_name().to_string_lossy() != me
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|modified| modified.elapsed().unwrap_or_default() < WAITER_FRESH)
    })
}
