//! Full-text search over marsad's articles, built on tantivy with marsad's own analysis.
//!
//! The point of this crate is the analysis ([`analysis`]): every word is indexed under its
//! folded form (alef, ya, ta marbuta, diacritics, tatweel, case and accents folded by
//! `marsad_text`), under the stem of each Arabic proclitic reading (وبباماكو → باماكو) and
//! under its transliteration-tolerant sound key (فاغنر = فاجنر), all at the same position,
//! so that a search for باماكو finds وبباماكو, a search for segou finds Ségou and a quoted
//! phrase still matches word for word.
//!
//! - [`analysis`]: the terms of a word, the tantivy tokenizer that emits them.
//! - [`query`]: the user's query (words, quoted phrases, filters) as a tantivy query that
//!   cannot fail on any input.
//! - [`schema`]: fields and the schema version recorded next to an on-disk index.
//! - [`snippet`]: the passage of a hit with its matched words wrapped in `[[` and `]]`.
//! - [`index`]: [`SearchIndex`], the index itself (add, delete, commit, search), its writers'
//!   lock (one writer at a time, across processes; merges waited for before the lock is let
//!   go) and its repair.
//! - [`error`]: the one error type, [`SearchError`], naming the index and the action.

pub mod analysis;
pub mod error;
pub mod index;
pub mod query;
pub mod schema;
pub mod snippet;

pub use error::SearchError;
pub use index::{Repair, SearchIndex};

/// One article as the index receives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexDoc {
    /// The caller's id of the article (unique: adding it again replaces the old version).
    pub doc_id: i64,
    /// Headline, searched with the text and returned with hits.
    pub title: Option<String>,
    /// Body text, searched and used for snippets.
    pub text: String,
    /// Language code (`ar`, `fr`, `en`, ...), matched case-insensitively.
    pub lang: Option<String>,
    /// Outlet name or id, matched case-insensitively.
    pub outlet: Option<String>,
    /// Publication date, `YYYY-MM-DD` (a bare `YYYY-MM` or `YYYY` is accepted).
    pub published: Option<String>,
    /// ACLED event types found in the article, matched case-insensitively.
    pub event_types: Vec<String>,
    /// Knowledge-base ids of the actors the article mentions.
    pub actors: Vec<String>,
    /// Knowledge-base ids of the places the article mentions.
    pub places: Vec<String>,
}

/// A search: free text plus filters, all combined with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// Words (all required) and `"quoted phrases"`; empty (or blank) means "no text
    /// constraint", and hits then come newest first. Text without any word (only punctuation
    /// or symbols) matches nothing: no document contains "no word".
    pub text: String,
    /// First publication day, inclusive (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for the start of the period).
    pub from: Option<String>,
    /// Last publication day, inclusive (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for the end of the period).
    pub to: Option<String>,
    /// Only articles with this event type.
    pub event_type: Option<String>,
    /// Only articles mentioning any of these actor ids (no constraint when empty).
    pub actors: Vec<String>,
    /// Only articles mentioning any of these place ids (the caller expands "within R km of X").
    pub places: Vec<String>,
    /// Only articles in this language.
    pub lang: Option<String>,
    /// Only articles from this outlet.
    pub outlet: Option<String>,
    /// Most hits to return; 0 means [`query::DEFAULT_LIMIT`].
    pub limit: usize,
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The article's id.
    pub doc_id: i64,
    /// Relevance (BM25 with form boosts); 0 when hits are ordered by date.
    pub score: f32,
    /// The article's title.
    pub title: Option<String>,
    /// A passage of the text with the matched words wrapped in `[[` and `]]`.
    pub snippet: String,
    /// Publication date as indexed.
    pub published: Option<String>,
    /// Outlet as indexed.
    pub outlet: Option<String>,
    /// Language as indexed (lower case).
    pub lang: Option<String>,
}
