//! Search queries on an in-memory index of the bundled sample articles: the query text (words,
//! quotes, punctuation, any script) never fails or panics, hits respect the limit, and date
//! filters either work or fail with an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marsad_search::{IndexDoc, SearchIndex, SearchQuery};
use std::sync::OnceLock;

const SAMPLES: &str = include_str!("../../crates/cli/samples/samples.jsonl");

/// The sample articles, indexed once.
fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = SearchIndex::in_memory().expect("an in-memory index opens");
        for (n, line) in SAMPLES.lines().enumerate() {
            let value: serde_json::Value = serde_json::from_str(line).expect("samples are JSON Lines");
            let text = |field: &str| value[field].as_str().map(str::to_string);
            let doc = IndexDoc {
                doc_id: n as i64 + 1,
                title: text("title"),
                text: text("text").unwrap_or_default(),
                published: text("published"),
                outlet: text("source"),
                lang: Some(["ar", "fr", "en"][n % 3].to_string()),
                event_types: vec!["Battles".to_string()],
                actors: vec!["jnim".to_string()],
                places: vec!["ml.bamako".to_string()],
            };
            index.add(&doc).expect("a sample is indexed");
        }
        index.commit().expect("the samples commit");
        index.reload().expect("the reader reloads");
        index
    })
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    // The text, then optional filters after tabs: from, to, lang, outlet, event type.
    let mut parts = input.split('\t');
    let text = parts.next().unwrap_or_default().to_string();
    let limit = text.len() % 7;
    let query = SearchQuery { text: text.clone(), limit, ..SearchQuery::default() };
    let hits = index().search(&query).expect("any text is a valid query");
    assert!(hits.len() <= if limit == 0 { marsad_search::query::DEFAULT_LIMIT } else { limit });
    index().matching_ids(&query).expect("any text is a valid query");
    let filter = |part: Option<&str>| part.filter(|p| !p.is_empty()).map(str::to_string);
    let filtered = SearchQuery {
        text,
        from: filter(parts.next()),
        to: filter(parts.next()),
        lang: filter(parts.next()),
        outlet: filter(parts.next()),
        event_type: filter(parts.next()),
        ..SearchQuery::default()
    };
    let _ = index().search(&filtered);
});
