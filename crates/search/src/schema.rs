//! The index's fields and the schema version recorded next to an on-disk index.
//!
//! Text is searched through one field, `body`, which receives the title and the text as two
//! values analysed by [`crate::analysis::MarsadTokenizer`]; title and text are stored apart
//! for hits and snippets. Filters use raw (untokenised) string fields and an `i64` day
//! `YYYYMMDD` fast field.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

use crate::analysis::TOKENIZER;

/// Version of the schema and analysis; bump it whenever either changes what is indexed.
pub const SCHEMA_VERSION: u32 = 1;

/// File, next to tantivy's own, that records [`SCHEMA_VERSION`].
pub const VERSION_FILE: &str = "marsad-search.version";

/// Day stored for articles without a (readable) publication date: before every real day.
pub const UNKNOWN_DAY: i64 = 0;

/// Handles of every field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Caller's id (indexed for deletion, stored, fast).
    pub doc_id: Field,
    /// Stored title.
    pub title: Field,
    /// Stored text.
    pub text: Field,
    /// Analysed title and text (not stored).
    pub body: Field,
    /// Publication day as `YYYYMMDD` (indexed, fast).
    pub day: Field,
    /// Publication date as given (stored).
    pub published: Field,
    /// Lower-case language code (raw, stored).
    pub lang: Field,
    /// Lower-case outlet (raw).
    pub outlet: Field,
    /// Outlet as given (stored).
    pub outlet_name: Field,
    /// Lower-case event types (raw, multi-valued).
    pub event_type: Field,
    /// Actor ids (raw, multi-valued).
    pub actor: Field,
    /// Place ids (raw, multi-valued).
    pub place: Field,
}

/// The schema of this version and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let body_indexing = TextFieldIndexing::default()
        .set_tokenizer(TOKENIZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let fields = Fields {
        doc_id: b.add_i64_field("doc_id", INDEXED | STORED | FAST),
        title: b.add_text_field("title", STORED),
        text: b.add_text_field("text", STORED),
        body: b.add_text_field("body", TextOptions::default().set_indexing_options(body_indexing)),
        day: b.add_i64_field("day", INDEXED | FAST),
        published: b.add_text_field("published", STORED),
        lang: b.add_text_field("lang", STRING | STORED),
        outlet: b.add_text_field("outlet", STRING),
        outlet_name: b.add_text_field("outlet_name", STORED),
        event_type: b.add_text_field("event_type", STRING),
        actor: b.add_text_field("actor", STRING),
        place: b.add_text_field("place", STRING),
    };
    (b.build(), fields)
}

/// The key a case-insensitive filter value is indexed and searched under.
pub fn filter_key(value: &str) -> String {
    value.trim().to_lowercase()
}

/// `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`, or an ISO date-time) as `YYYYMMDD`; a missing month or
/// day is 00 at the start of a period (`end == false`) and 99 at its end.
pub fn parse_day(value: &str, end: bool) -> Option<i64> {
    let date = value.trim().split(['T', ' ']).next().unwrap_or("");
    let mut parts = date.split('-');
    let year = parts.next().filter(|y| y.len() == 4)?;
    let year: i64 = year.parse().ok().filter(|_| year.bytes().all(|b| b.is_ascii_digit()))?;
    let mut field = |max: i64| -> Option<Option<i64>> {
        match parts.next() {
            None => Some(None),
            Some(p) if (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) => {
                let n: i64 = p.parse().ok()?;
                (1..=max).contains(&n).then_some(Some(n))
            }
            Some(_) => None,
        }
    };
    let month = field(12)?;
    let day = if month.is_some() { field(31)? } else { None };
    if parts.next().is_some() {
        return None;
    }
    let open = if end { 99 } else { 0 };
    Some(year * 10_000 + month.unwrap_or(open) * 100 + day.unwrap_or(open))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_parse_with_partial_dates_covering_their_period() {
        assert_eq!(parse_day("2024-05-03", false), Some(20240503));
        assert_eq!(parse_day("2024-5-3T10:00:00Z", false), Some(20240503));
        assert_eq!(parse_day("2024-05", false), Some(20240500));
        assert_eq!(parse_day("2024-05", true), Some(20240599));
        assert_eq!(parse_day("2024", true), Some(20249999));
        assert_eq!(parse_day("2024-13-01", false), None);
        assert_eq!(parse_day("yesterday", false), None);
        assert_eq!(parse_day("", false), None);
    }
}
