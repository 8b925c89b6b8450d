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
    /// The index's lock file could not be created or opened (a read-only directory, say):
    /// nobody holds the lock, the index simply cannot be written here.
    #[error("search index {location}: {action}: cannot take the index's write lock ({detail})")]
    LockUnavailable {
        /// Index directory.
        location: String,
        /// What was being done.
        action: &'static str,
        /// The operating system's reason, with a hint when the directory is read-only.
        detail: String,
    },
    /// There is no index in the directory (never created, or its `meta.json` is gone).
    #[error("search index {}: there is no index here{}", path.display(), if *was_index { " any more (its meta.json is gone)" } else { "" })]
    Missing {
        /// Index directory.
        path: PathBuf,
        /// The directory held an index once (its version file is there): it was damaged.
        was_index: bool,
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
    /// Wrap a tantivy error, telling lock contention apart from a lock that cannot be taken
    /// at all (an unwritable directory is not "open for writing elsewhere").
    pub(crate) fn tantivy(location: &str, action: &'static str, source: tantivy::TantivyError) -> SearchError {
        use tantivy::directory::error::LockError;
        match &source {
            tantivy::TantivyError::LockFailure(LockError::IoError(io), _) => {
                let hint = match io.kind() {
                    std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => {
                        ": the index directory cannot be written"
                    }
                    _ => "",
                };
                SearchError::LockUnavailable { location: location.to_string(), action, detail: format!("{io}{hint}") }
            }
            tantivy::TantivyError::LockFailure(..) => {
                SearchError::Locked { location: location.to_string(), action, source }
            }
            _ => SearchError::Tantivy { location: location.to_string(), action, source },
        }
    }

    /// The index was written by a newer marsad: no writer may touch it.
    pub fn is_newer_schema(&self) -> bool {
        matches!(self, SearchError::Incompatible { found, expected, .. } if found.parse::<u32>().is_ok_and(|v| v > *expected))
    }

    /// Another writer holds the index's lock (wait and try again).
    pub fn is_locked(&self) -> bool {
        matches!(self, SearchError::Locked { .. })
    }
}
