//! Keeping the search index in step with the store.
//!
//! The store is the truth; the index is derived from it. Only the writing task
//! ([`crate::writer`]) changes either, holding the index's lock. After each stored batch the
//! index is committed, then a marker file records the store's highest document id (ids are
//! never reused, and every change to the store stores a new document, so a store whose highest
//! id is above the marker changed after the index last caught up). A crash between the store's
//! commit and the marker leaves the index behind: the next writer [`reconcile`]s it, adding
//! what the store holds and the index lacks *and deleting what the index holds and the store
//! no longer does* (the old version of a corrected URL), so it ends with exactly the store's
//! documents.
//!
//! While a writer has stored documents it has not yet indexed, a turn file in the index
//! directory names its process, so that a reader who sees the counts differ can tell "a
//! writer is between its two commits" from "the index is damaged" ([`assess`]).

use std::path::{Path, PathBuf};

use marsad_search::{IndexDoc, SearchError, SearchIndex};
use marsad_store::{DocId, SqliteStore, StoreError};

/// Documents added to the index between two commits while reconciling or rebuilding.
const RECONCILE_COMMIT_DOCUMENTS: usize = 20_000;

/// Why the index could not be brought in step.
#[derive(Debug, thiserror::Error)]
pub enum IndexSyncError {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The index refused a change.
    #[error(transparent)]
    Search(#[from] SearchError),
    /// The marker or turn file could not be written.
    #[error("writing {path}: {source}")]
    Marker {
        /// The file.
        path: PathBuf,
        /// The failure.
        source: std::io::Error,
    },
}

/// The index directory that goes with a store file (`marsad.db` → `marsad.db.index`).
pub fn index_dir(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".index");
    PathBuf::from(name)
}

fn marker(dir: &Path) -> PathBuf {
    dir.join("marsad-indexed-through")
}

fn turn_file(dir: &Path) -> PathBuf {
    dir.join("marsad-writing")
}

/// The store's highest document id when the index last caught up (0 when never, or unknown).
pub fn indexed_through(dir: &Path) -> DocId {
    std::fs::read_to_string(marker(dir)).ok().and_then(|s| s.trim().parse().ok()).unwrap_or(0)
}

/// Record that the index holds exactly the store's documents up to `through` (after its
/// commit), atomically.
pub fn mark_indexed(dir: &Path, through: DocId) -> Result<(), IndexSyncError> {
    let tmp = dir.join("marsad-indexed-through.tmp");
    std::fs::write(&tmp, through.to_string()).map_err(|source| IndexSyncError::Marker { path: tmp.clone(), source })?;
    std::fs::rename(&tmp, marker(dir)).map_err(|source| IndexSyncError::Marker { path: marker(dir), source })
}

/// Say that this process has stored documents the index does not hold yet.
pub fn begin_turn(dir: &Path) -> Result<(), IndexSyncError> {
    let path = turn_file(dir);
    std::fs::write(&path, std::process::id().to_string()).map_err(|source| IndexSyncError::Marker { path, source })
}

/// The index holds everything this process stored.
pub fn end_turn(dir: &Path) -> Result<(), IndexSyncError> {
    match std::fs::remove_file(turn_file(dir)) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(IndexSyncError::Marker { path: turn_file(dir), source }),
    }
}

/// The process that has stored documents it has not indexed yet, if it is still running.
///
/// On Linux a process is running when `/proc/PID` exists; elsewhere a turn file younger than
/// a minute counts as a running writer. A crashed writer's turn file is stale either way.
pub fn writer_at_work(dir: &Path) -> Option<u32> {
    let path = turn_file(dir);
    let pid: u32 = std::fs::read_to_string(&path).ok()?.trim().parse().ok()?;
    let running = if Path::new("/proc/self").exists() {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        let age = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?.elapsed().unwrap_or_default();
        age < std::time::Duration::from_secs(60)
    };
    running.then_some(pid)
}

/// The search entry of a stored document, rebuilt from the store.
pub fn stored_doc(store: &SqliteStore, doc_id: DocId) -> Result<Option<IndexDoc>, StoreError> {
    let Some(document) = store.document(doc_id)? else { return Ok(None) };
    let mentions = store.mentions(doc_id)?;
    let ids = |kind: &str| {
        let mut ids: Vec<String> = mentions.iter().filter(|m| m.kind == kind).map(|m| m.entity_id.clone()).collect();
        ids.sort();
        ids.dedup();
        ids
    };
    Ok(Some(IndexDoc {
        doc_id,
        title: document.title,
        text: document.text,
        lang: document.lang,
        outlet: document.outlet,
        published: document.published,
        event_types: store.document_event_types(doc_id)?,
        actors: ids("actor"),
        places: ids("place"),
    }))
}

/// What [`reconcile`] changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// Stored documents the index lacked.
    pub added: usize,
    /// Index entries of documents the store no longer holds (replaced versions), or held twice.
    pub removed: usize,
}

/// Make the index hold exactly the store's documents: add what it lacks, delete what the
/// store no longer holds, commit, and mark it caught up. Needs the index's writer.
pub fn reconcile(store: &SqliteStore, index: &mut SearchIndex, dir: &Path) -> Result<Reconciled, IndexSyncError> {
    let through = store.max_document_id()?;
    let stored = store.document_ids()?;
    let indexed = index.doc_ids()?;
    let (missing, extra) = differences(&stored, &indexed);
    for id in &extra {
        index.delete(*id)?;
    }
    // Deleting a term removes every entry with the id: one held twice is added back once.
    let mut readd: Vec<DocId> = extra.iter().copied().filter(|id| stored.binary_search(id).is_ok()).collect();
    readd.extend(&missing);
    readd.sort_unstable();
    readd.dedup();
    add_from_store(store, index, &readd)?;
    index.commit()?;
    mark_indexed(dir, through)?;
    Ok(Reconciled { added: missing.len(), removed: extra.len() })
}

/// Replace the index's entries by the store's documents in one commit (`marsad reindex`):
/// searches see the old entries until the new ones are all there.
pub fn rebuild(store: &SqliteStore, index: &mut SearchIndex, dir: &Path) -> Result<usize, IndexSyncError> {
    let through = store.max_document_id()?;
    let stored = store.document_ids()?;
    index.delete_all()?;
    for id in &stored {
        if let Some(doc) = stored_doc(store, *id)? {
            index.add(&doc)?;
        }
    }
    index.commit()?;
    mark_indexed(dir, through)?;
    Ok(stored.len())
}

/// Add the stored documents `ids` (committing every [`RECONCILE_COMMIT_DOCUMENTS`]).
fn add_from_store(store: &SqliteStore, index: &mut SearchIndex, ids: &[DocId]) -> Result<(), IndexSyncError> {
    for (n, id) in ids.iter().enumerate() {
        if let Some(doc) = stored_doc(store, *id)? {
            index.add(&doc)?;
        }
        if (n + 1) % RECONCILE_COMMIT_DOCUMENTS == 0 {
            index.commit()?;
        }
    }
    Ok(())
}

/// Ids of `stored` missing from `indexed`, and ids of `indexed` not in `stored` or there
/// more than once (both inputs sorted).
fn differences(stored: &[DocId], indexed: &[DocId]) -> (Vec<DocId>, Vec<DocId>) {
    let (mut missing, mut extra) = (Vec::new(), Vec::new());
    let (mut s, mut i) = (0, 0);
    while s < stored.len() || i < indexed.len() {
        match (stored.get(s), indexed.get(i)) {
            (Some(a), Some(b)) if a == b => {
                s += 1;
                i += 1;
                while indexed.get(i) == Some(a) {
                    extra.push(*a);
                    i += 1;
                }
            }
            (Some(a), Some(b)) if a < b => {
                missing.push(*a);
                s += 1;
            }
            (Some(_), Some(b)) | (None, Some(b)) => {
                extra.push(*b);
                i += 1;
            }
            (Some(a), None) => {
                missing.push(*a);
                s += 1;
            }
            (None, None) => break,
        }
    }
    extra.dedup();
    (missing, extra)
}

/// The state of the index as a running server reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexState {
    /// It holds as many documents as the store.
    Ok,
    /// It holds fewer or more, and a writer (this process or another) is between its store
    /// and index commits: it will catch up.
    Updating(String),
    /// It holds another number of documents than the store and no writer is at work, or it
    /// cannot be read: searches miss documents or find deleted ones.
    Degraded(String),
}

/// Compare the store's and the index's counts (`None`: the index could not be opened).
pub fn assess(stored: u64, indexed: Option<u64>, dir: &Path) -> IndexState {
    let Some(indexed) = indexed else {
        return IndexState::Degraded(format!(
            "the search index {} could not be opened: run `marsad reindex`",
            dir.display()
        ));
    };
    if indexed == stored {
        return IndexState::Ok;
    }
    match writer_at_work(dir) {
        Some(pid) => IndexState::Updating(format!(
            "the index holds {indexed} document(s), the store {stored}: process {pid} is indexing what it stored"
        )),
        None => IndexState::Degraded(format!(
            "the index holds {indexed} document(s), the store {stored}, and no writer is at work: `marsad reindex` rebuilds it (writers also reconcile it when they start)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_find_missing_stale_and_doubled_ids() {
        assert_eq!(differences(&[1, 2, 3], &[1, 2, 3]), (vec![], vec![]));
        assert_eq!(differences(&[1, 3, 4], &[1, 2, 3]), (vec![4], vec![2]));
        assert_eq!(differences(&[5, 6], &[]), (vec![5, 6], vec![]));
        assert_eq!(differences(&[], &[7, 7]), (vec![], vec![7]));
        assert_eq!(differences(&[1, 2], &[1, 1, 1, 2, 9]), (vec![], vec![1, 9]));
    }
}
