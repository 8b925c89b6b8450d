//! marsad's analyst desk: a JSON API over the store and the web page (map, timeline, evidence)
//! served from the same binary, with every asset embedded so it works with no network.
//!
//! Data flow: requests → [`params`] (one strict vocabulary of filters) → the store's read
//! queries on a pool of read-only SQLite connections (and the search index for `q`) →
//! [`views`] (ids named from the knowledge base) → JSON. Writes (`POST /api/documents`) go
//! through the same ingestion as `marsad ingest`, on one writer, only with a token. [`live`]
//! watches the store and pushes changed events to open pages.
//!
//! Architecture invariant: handlers never run SQLite or tantivy on the async threads (every
//! blocking call goes through [`App`]'s `read`/`write` helpers onto the blocking pool), and a
//! request can fail only with an [`error::ApiError`], which is always a JSON body.

pub mod assets;
mod body;
mod conn;
pub mod error;
mod export;
pub mod guard;
pub mod health;
pub mod live;
pub mod params;
pub mod reference;
pub mod reports;
pub mod routes;
pub mod views;
pub mod write;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use marsad_ingest::indexing::index_dir;
use marsad_ingest::writer::{WriteError, Writer, WriterOptions};
use marsad_kb::KnowledgeBase;
use marsad_search::{SearchError, SearchIndex};
use marsad_store::{SqliteStore, StoreError};

use crate::error::ApiError;

/// Read connections kept open between requests.
const IDLE_READERS: usize = 16;

/// Store reads at once, per core.
const READS_PER_CORE: usize = 2;

/// How a server is set up.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The store file (its index is `DB.index`).
    pub db: PathBuf,
    /// The token `POST /api/documents` requires; `None` switches writing off.
    pub token: Option<String>,
    /// Largest request body, in bytes.
    pub max_body_bytes: usize,
    /// How often the store is checked for new events to push to open pages.
    pub live_poll: Duration,
    /// How long a client has to send a request's headers (and an idle connection stays open).
    pub header_timeout: Duration,
    /// How long a client has to send a whole request body.
    pub body_timeout: Duration,
    /// Connections open at once; more wait until one closes.
    pub max_connections: usize,
    /// Host names answered beside the server's own address and localhost.
    pub allowed_hosts: guard::AllowedHosts,
    /// How long a POST waits for another process (a `marsad ingest`) to let the index's lock
    /// go before answering 503.
    pub lock_wait: Duration,
}

impl ServeConfig {
    /// Defaults: no token, 8 MiB bodies, live check every second, 10 s to send headers, 60 s
    /// to send a body, 256 connections, only the server's address and localhost, POSTs wait
    /// up to 30 s for another writer.
    pub fn new(db: PathBuf) -> Self {
        ServeConfig {
            db,
            token: None,
            max_body_bytes: 8 * 1024 * 1024,
            live_poll: Duration::from_secs(1),
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(60),
            max_connections: 256,
            allowed_hosts: guard::AllowedHosts::default(),
            lock_wait: Duration::from_secs(30),
        }
    }
}

/// Why a server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The search index could not be opened.
    #[error(transparent)]
    Search(#[from] SearchError),
    /// The store or the index could not be checked or repaired.
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// What every request shares.
pub(crate) struct Shared {
    pub(crate) kb: &'static KnowledgeBase,
    pub(crate) config: ServeConfig,
    idle: Mutex<Vec<SqliteStore>>,
    /// The search index for reading (`None` when it could not be opened).
    pub(crate) search: Option<SearchIndex>,
    /// The process's writing task, present when writing is on and the store can be written.
    pub(crate) writer: Option<Writer>,
    /// Why writing is off although the server has a token (a read-only or damaged store).
    pub(crate) refusal: Option<String>,
    /// What was found wrong when the server opened the store and the index.
    pub(crate) problems: Vec<String>,
    /// The index's directory.
    pub(crate) index_dir: PathBuf,
    pub(crate) live: live::Feed,
    /// Store reads running at once: two per core keep the cores busy, where sixteen would
    /// time-slice each other and every request would wait for all (BENCHMARKS.md).
    readers: tokio::sync::Semaphore,
}

/// A server ready to answer: cheap to clone (everything is shared).
#[derive(Clone)]
pub struct App {
    pub(crate) shared: Arc<Shared>,
}

impl App {
    /// Open the store (creating and migrating it if needed) and check it, check the search
    /// index against it and repair it (waiting for another writer's lock if need be), and
    /// keep the writing task when a token is set. A store that cannot be written or is
    /// damaged is served read-only, with `/api/health` saying why.
    pub fn open(config: ServeConfig, kb: &'static KnowledgeBase) -> Result<App, ServeError> {
        let dir = index_dir(&config.db);
        let mut problems = Vec::new();
        let mut refusal = None;
        let writer = match App::open_writer(&config, kb)? {
            Ok(writer) => writer,
            Err(error) => {
                eprintln!("marsad: {error}");
                if matches!(error, WriteError::Damaged { .. }) {
                    problems.push(error.to_string());
                } else if let Some(damage) = App::quick_check(&config.db) {
                    problems.push(damage);
                }
                refusal = config.token.is_some().then(|| error.to_string());
                None
            }
        };
        let search = match SearchIndex::open_read_only(&dir) {
            Ok(search) => Some(search),
            Err(error) => {
                let problem = format!("{error}: searches are off; run `marsad reindex`");
                eprintln!("marsad: {problem}");
                problems.push(problem);
                None
            }
        };
        let live = live::Feed::new();
        let cores = std::thread::available_parallelism().map(usize::from).unwrap_or(2);
        let readers = tokio::sync::Semaphore::new(READS_PER_CORE * cores);
        let idle = Mutex::new(Vec::new());
        let shared = Shared { kb, config, idle, search, writer, refusal, problems, index_dir: dir, live, readers };
        Ok(App { shared: Arc::new(shared) })
    }

    /// The writing task, after checking and repairing the index; kept only with a token.
    /// The inner error says why the store cannot be written (served read-only then).
    fn open_writer(
        config: &ServeConfig,
        kb: &'static KnowledgeBase,
    ) -> Result<Result<Option<Writer>, WriteError>, ServeError> {
        let notes =
            WriterOptions { lock_wait: config.lock_wait, ..WriterOptions::new(|note| eprintln!("marsad: {note}")) };
        let writer = match Writer::open(&config.db, kb, notes) {
            Ok(writer) => writer,
            Err(error @ (WriteError::NotWritable { .. } | WriteError::Damaged { .. })) => return Ok(Err(error)),
            Err(error) => return Err(error.into()),
        };
        match writer.sync() {
            Ok(()) => {}
            // Another process writes: it keeps the index in step; searches follow its commits.
            Err(WriteError::Busy { .. }) => {
                eprintln!("marsad: another process is writing: the index was not checked against the store")
            }
            Err(error) => return Err(error.into()),
        }
        if config.token.is_some() {
            return Ok(Ok(Some(writer)));
        }
        writer.close()?;
        Ok(Ok(None))
    }

    /// What SQLite's `quick_check` finds wrong with a store no writer could open.
    fn quick_check(db: &std::path::Path) -> Option<String> {
        let found = SqliteStore::open_read_only(db).and_then(|store| store.quick_check());
        match found {
            Ok(problems) if problems.is_empty() => None,
            Ok(problems) => {
                Some(format!("{}: the store is damaged (quick_check: {})", db.display(), problems.join("; ")))
            }
            Err(error) => Some(format!("{}: the store is damaged or unreadable ({error})", db.display())),
        }
    }

    /// Commit what the writing task holds, wait for the index's merges and let its lock go
    /// (after the server stops; dropping the last handle does it too).
    pub fn close(&self) -> Result<(), ServeError> {
        match &self.shared.writer {
            Some(writer) => Ok(writer.close()?),
            None => Ok(()),
        }
    }

    /// The routes: API, web page and assets.
    pub fn router(&self) -> axum::Router {
        routes::router(self.clone())
    }

    /// Run `work` with a read-only store connection on the blocking pool.
    pub(crate) async fn read<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Shared, &SqliteStore) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let _permit = self
            .shared
            .readers
            .acquire()
            .await
            .map_err(|error| ApiError::Internal(format!("the reader limit is closed: {error}")))?;
        let shared = self.shared.clone();
        tokio::task::spawn_blocking(move || {
            let store = shared.take_reader()?;
            let outcome = work(&shared, &store);
            shared.give_back(store);
            outcome
        })
        .await
        .map_err(|error| ApiError::Internal(format!("a reading task failed: {error}")))?
    }
}

impl Shared {
    pub(crate) fn take_reader(&self) -> Result<SqliteStore, ApiError> {
        let idle = self.idle.lock().map_err(|_| ApiError::Internal("the reader pool is poisoned".into()))?.pop();
        match idle {
            Some(store) => Ok(store),
            None => Ok(SqliteStore::open_read_only(&self.config.db)?),
        }
    }

    pub(crate) fn give_back(&self, store: SqliteStore) {
        if let Ok(mut idle) = self.idle.lock() {
            if idle.len() < IDLE_READERS {
                idle.push(store);
            }
        }
    }
}

/// Serve `app` on `listener` until Ctrl-C, pushing live updates meanwhile.
pub async fn serve(app: App, listener: tokio::net::TcpListener) -> std::io::Result<()> {
    serve_until(app, listener, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}

/// Serve `app` on `listener` until `stop` completes (then open requests get a few seconds).
pub async fn serve_until(
    app: App,
    listener: tokio::net::TcpListener,
    stop: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    live::spawn_watcher(app.clone());
    conn::accept_loop(listener, app.router(), &app.shared.config, stop).await
}
