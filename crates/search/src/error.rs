//! Errors of the search index; each names the index and what was being done.

use std::path::PathBuf;

/// Why an index operation failed.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// A tantivy operation failed.
    #[error("search index {location}: {action}: {source}")]
    Tantivy {
        /// Index directory, or `in-memory`.
        location: String,
        /// What was being done.
        action: &'static str,
        /// The underlying error.
        #[source]
        source: tantivy::TantivyError,
    },
    /// The index directory could not be created or opened.
    #[error("search index {}: {action}: {source}", path.display())]
    Directory {
        /// Index directory.
        path: PathBuf,
        /// What was being done.
        action: &'static str,
        /// The underlying error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The index on disk was written by another schema version of marsad-search.
    #[error("search index {}: written with schema version {found}, this marsad-search reads version {expected}; {advice}", path.display())]
    Incompatible {
        /// Index directory.
        path: PathBuf,
        /// Version found on disk (`none` when the version file is missing or unreadable).
        found: String,
        /// Version this build reads and writes.
        expected: u32,
        /// What to do about it.
        advice: &'static str,
    },
    /// The index was opened read-only and a change was asked for.
    #[error("search index {location}: {action}: the index is open read-only")]
    ReadOnly {
        /// Index directory, or `in-memory`.
        location: String,
        /// What was being done.
        action: &'static str,
    },
    /// Another process (or another `SearchIndex`) holds the index's writer lock.
    #[error("search index {location}: {action}: the index is already open for writing elsewhere ({source})")]
    Locked {
        /// Index directory, or `in-memory`.
        location: String,
        /// What was being done.
        action: &'static str,
        /// The underlying error.
        #[source]
        source: tantivy::TantivyError,
    },
    /// A date filter is not `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[error("search index {location}: searching: invalid {bound} date {value:?} (expected YYYY-MM-DD)")]
    InvalidDate {
        /// Index directory, or `in-memory`.
        location: String,
        /// `from` or `to`.
        bound: &'static str,
        /// The value given.
        value: String,
    },
}

impl SearchError {
    /// Wrap a tantivy error, telling lock contention apart.
    pub(crate) fn tantivy(location: &str, action: &'static str, source: tantivy::TantivyError) -> SearchError {
        if matches!(source, tantivy::TantivyError::LockFailure(..)) {
            SearchError::Locked { location: location.to_string(), action, source }
        } else {
            SearchError::Tantivy { location: location.to_string(), action, source }
        }
    }
}
