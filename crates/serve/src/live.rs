//! Live updates: a watcher notices events created or changed in the store — by this server's
//! `POST /api/documents` or by a `marsad ingest` running beside it — and pushes their
//! summaries to every open page as Server-Sent Events (`GET /api/live`).
//!
//! The watcher holds its own connection: SQLite's `data_version` changes only when *another*
//! connection commits, so one cheap pragma per tick says whether there is anything to read.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::Stream;
use marsad_store::queries::ChangeMark;
use marsad_store::SqliteStore;
use tokio::sync::broadcast;

use crate::views::Namer;
use crate::App;

/// Messages kept for a slow page before it misses some (it then reloads its view).
const BACKLOG: usize = 64;
/// Events per message at most (a bulk ingestion sends several messages).
const EVENTS_PER_MESSAGE: usize = 200;
/// A comment this often keeps proxies and browsers from closing an idle stream.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The broadcast of changed events, as ready-to-send JSON.
pub struct Feed {
    sender: broadcast::Sender<Arc<str>>,
}

impl Feed {
    /// A feed nobody listens to yet.
    pub fn new() -> Self {
        Feed { sender: broadcast::channel(BACKLOG).0 }
    }
}

impl Default for Feed {
    fn default() -> Self {
        Feed::new()
    }
}

/// The watcher's connection and what it has seen: the data version and the change mark.
struct Watch {
    store: SqliteStore,
    version: i64,
    mark: ChangeMark,
}

/// Watch the store from now on, in the background, for as long as the runtime runs.
pub fn spawn_watcher(app: App) {
    tokio::spawn(async move {
        let mut state: Option<Watch> = None;
        let mut first = true;
        loop {
            // The first pass only takes the mark (at once, so nothing committed meanwhile is missed).
            if !std::mem::take(&mut first) {
                tokio::time::sleep(app.shared.config.live_poll).await;
            }
            let shared = app.shared.clone();
            let taken = state.take();
            let outcome =
                tokio::task::spawn_blocking(move || -> Result<(Watch, Vec<String>), marsad_store::StoreError> {
                    let Some(Watch { store, version, mark }) = taken else {
                        let store = SqliteStore::open_read_only(&shared.config.db)?;
                        let (version, mark) = (store.data_version()?, store.change_mark()?);
                        return Ok((Watch { store, version, mark }, Vec::new()));
                    };
                    let now = store.data_version()?;
                    if now == version {
                        return Ok((Watch { store, version, mark }, Vec::new()));
                    }
                    let (changed, new_mark) = store.changed_events(mark)?;
                    let namer = Namer::new(shared.kb);
                    let mut messages = Vec::new();
                    for ids in changed.chunks(EVENTS_PER_MESSAGE) {
                        let rows = store.event_rows_by_id(ids)?;
                        let events: Vec<_> = rows.iter().map(|row| namer.summary(row)).collect();
                        messages.push(serde_json::json!({ "events": events }).to_string());
                    }
                    Ok((Watch { store, version: now, mark: new_mark }, messages))
                })
                .await;
            match outcome {
                Ok(Ok((next, messages))) => {
                    state = Some(next);
                    for message in messages {
                        // No page open is not an error.
                        let _ = app.shared.live.sender.send(Arc::from(message));
                    }
                }
                Ok(Err(error)) => eprintln!("marsad: live updates: {error}"),
                Err(error) => eprintln!("marsad: live updates: {error}"),
            }
        }
    });
}

/// The stream one page receives: `events` messages, and keep-alive comments.
pub fn stream(app: &App) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = app.shared.live.sender.subscribe();
    let events = futures_util::stream::unfold(receiver, |mut receiver| async move {
        let event = match receiver.recv().await {
            Ok(message) => Event::default().event("events").data(&*message),
            // A page that fell behind is told to reload its view rather than silently miss events.
            Err(broadcast::error::RecvError::Lagged(_)) => Event::default().event("reload").data("{}"),
            Err(broadcast::error::RecvError::Closed) => return None,
        };
        Some((Ok(event), receiver))
    });
    Sse::new(events).keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
}
