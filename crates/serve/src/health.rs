//! `GET /api/health`, truthfully: whether the store can really be written now, whether the
//! search index holds as many documents as the store (or a writer is catching it up), and
//! what was found wrong when the server opened them.

use marsad_ingest::indexing::{assess, IndexState};
use marsad_store::{SqliteStore, Store};
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::Shared;

impl Shared {
    /// The health report, read through `store` (a reader connection).
    pub(crate) fn health(&self, store: &SqliteStore) -> Result<Value, ApiError> {
        // The store first: a writer commits it before the index, so an index read after it has
        // had the most time to catch up. The reader follows commits with a delay: look at the
        // latest one (a reload that fails keeps the last searcher, whose count searches see).
        let counts = store.counts()?;
        let indexed = self.search.as_ref().map(|search| {
            let _ = search.reload();
            search.len()
        });
        let state = assess(counts.documents, indexed, &self.index_dir);
        let mut reasons = self.problems.clone();
        let index = match &state {
            IndexState::Ok => "ok",
            IndexState::Updating(why) => {
                reasons.push(why.clone());
                "updating"
            }
            IndexState::Degraded(why) => {
                reasons.push(why.clone());
                "degraded"
            }
        };
        let writable = match (&self.writer, &self.refusal) {
            (Some(writer), _) => match writer.can_write() {
                Ok(()) => true,
                Err(error) => {
                    reasons.push(error.to_string());
                    false
                }
            },
            (None, Some(refusal)) => {
                reasons.push(refusal.clone());
                false
            }
            (None, None) => false,
        };
        let writing_refused = self.config.token.is_some() && !writable;
        let degraded = !self.problems.is_empty() || index == "degraded" || writing_refused;
        reasons.dedup();
        let mut report = json!({
            "status": if degraded { "degraded" } else { "ok" },
            "version": env!("CARGO_PKG_VERSION"),
            "schema_version": store.schema_version()?,
            "documents": counts.documents,
            "stories": counts.stories,
            "events": counts.events,
            "sources": counts.sources,
            "indexed_documents": indexed,
            "index": index,
            "writable": writable,
            "live": true,
        });
        if !reasons.is_empty() {
            report["reasons"] = json!(reasons);
        }
        Ok(report)
    }
}
