//! Keeping the search index in step with the store.
//!
//! The store is the truth; the index is derived from it. After each stored batch the index is
//! committed, then a marker file records the highest document id it holds. A crash between the
//! store's commit and the marker leaves documents above the marker unindexed: the next writer
//! adds them again from the store (adding is idempotent: a document id replaces itself).

use std::path::{Path, PathBuf};

use marsad_search::{IndexDoc, SearchError, SearchIndex};
use marsad_store::{DocId, SqliteStore, StoreError};

/// Why the index could not be brought in step.
#[derive(Debug, thiserror::Error)]
pub enum IndexSyncError {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The index refused a change.
    #[error(transparent)]
    Search(#[from] SearchError),
    /// The marker file could not be written.
    #[error("writing {path}: {source}")]
    Marker {
        /// The marker file.
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

/// The highest document id the index is known to hold.
pub fn indexed_through(dir: &Path) -> DocId {
    std::fs::read_to_string(marker(dir)).ok().and_then(|s| s.trim().parse().ok()).unwrap_or(0)
}

/// Record the highest document id the index holds (after its commit), atomically.
pub fn mark_indexed(dir: &Path, through: DocId) -> Result<(), IndexSyncError> {
    let tmp = dir.join("marsad-indexed-through.tmp");
    std::fs::write(&tmp, through.to_string()).map_err(|source| IndexSyncError::Marker { path: tmp.clone(), source })?;
    std::fs::rename(&tmp, marker(dir)).map_err(|source| IndexSyncError::Marker { path: marker(dir), source })
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

/// Add to the index every stored document above its marker (repairs a crash between commits).
pub fn catch_up(store: &SqliteStore, index: &mut SearchIndex, dir: &Path) -> Result<usize, IndexSyncError> {
    let missing = store.document_ids_after(indexed_through(dir))?;
    let Some(&last) = missing.last() else { return Ok(0) };
    for id in &missing {
        if let Some(doc) = stored_doc(store, *id)? {
            index.add(&doc)?;
        }
    }
    index.commit()?;
    mark_indexed(dir, last)?;
    Ok(missing.len())
}
