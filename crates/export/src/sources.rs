//! ACLED's `source` column: the outlets that reported the event, never the actor a claim is
//! attributed to.
//!
//! Each of the event's documents names its outlet: the outlet the input gave (shown by its
//! name when it is a knowledge-base outlet's id), else the knowledge-base outlet that owns the
//! URL's domain, else the URL's host ("example.org"), else, for a document read from a file with
//! neither, the input's own key ("document seed-03"), so every row still says where it came
//! from. Names are listed once each, first reporter first, joined by "; " as ACLED does.

use marsad_kb::KnowledgeBase;
use marsad_store::{DocId, StoredEvent};
use std::collections::HashMap;

/// The outlet names of an event's sources, first reporter first, each once.
pub fn source_names(kb: &KnowledgeBase, event: &StoredEvent, urls: &HashMap<DocId, String>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for source in &event.sources {
        let name = match source.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
            Some(outlet) => outlet_name(kb, outlet),
            None => match urls.get(&source.doc_id) {
                Some(url) => url_outlet(kb, url).unwrap_or_else(|| format!("document {}", source.doc_key)),
                None => format!("document {}", source.doc_key),
            },
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// A stored outlet as a name: a knowledge-base outlet id becomes the outlet's name.
fn outlet_name(kb: &KnowledgeBase, stored: &str) -> String {
    kb.outlets.iter().find(|o| o.id == stored).map_or_else(|| stored.to_string(), |o| o.name.clone())
}

/// The outlet of a URL: the knowledge-base outlet of its domain, else its host without `www.`.
fn url_outlet(kb: &KnowledgeBase, url: &str) -> Option<String> {
    if let Some(outlet) = kb.outlet_for_url(url) {
        return Some(outlet.name.clone());
    }
    host(url)
}

/// The host of a URL, lower-cased, without `www.`, port, user or path (None when there is none).
pub fn host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next()?.trim_end_matches('.').to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.') && !host.contains(char::is_whitespace)).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_store::{Claim, Source};

    const OUTLETS: &str = r#"{"id":"rfi","name":"Radio France Internationale","kind":"broadcaster","country":"FR","domains":["rfi.fr"],"names":{"en":["RFI"],"fr":["RFI"],"ar":["إذاعة فرنسا الدولية"]}}"#;

    fn kb() -> KnowledgeBase {
        let mut files = vec![("outlets.jsonl", OUTLETS)];
        files.extend(KnowledgeBase::coding_files());
        marsad_kb::load::load(&files).expect("a valid test knowledge base")
    }

    fn source(doc_id: DocId, key: &str, outlet: Option<&str>, attributed_to: Option<&str>) -> Source {
        Source {
            doc_id,
            doc_key: key.into(),
            outlet: outlet.map(str::to_string),
            published: Some("2025-09-07".into()),
            story: doc_id,
            claim: Claim { attributed_to: attributed_to.map(str::to_string), ..crate::tests::claim() },
            reason: String::new(),
        }
    }

    fn event(sources: Vec<Source>) -> StoredEvent {
        StoredEvent { id: 1, summary: crate::tests::claim(), disputed: false, sources }
    }

    #[test]
    fn the_outlet_is_the_source_never_the_attributed_actor() {
        let kb = kb();
        let e = event(vec![source(1, "a", Some("Sample wire"), Some("jnim"))]);
        assert_eq!(source_names(&kb, &e, &HashMap::new()), ["Sample wire"]);
    }

    #[test]
    fn an_outlet_id_shows_as_its_name() {
        let kb = kb();
        let e = event(vec![source(1, "a", Some("rfi"), None)]);
        assert_eq!(source_names(&kb, &e, &HashMap::new()), ["Radio France Internationale"]);
    }

    #[test]
    fn without_an_outlet_the_url_names_it() {
        let kb = kb();
        let e = event(vec![source(1, "a", None, Some("jnim")), source(2, "b", None, None), source(3, "c", None, None)]);
        let urls = HashMap::from([
            (1, "https://www.rfi.fr/fr/afrique/x".to_string()),
            (2, "https://WWW.Example.org:8080/news/1".to_string()),
        ]);
        assert_eq!(
            source_names(&kb, &e, &urls),
            ["Radio France Internationale", "example.org", "document c"],
            "the outlet of a known domain, else the host, else the input's key"
        );
    }

    #[test]
    fn each_outlet_is_listed_once_first_reporter_first() {
        let kb = kb();
        let e = event(vec![
            source(1, "a", Some("Sample daily"), None),
            source(2, "b", Some("Sample wire"), None),
            source(3, "c", Some("Sample daily"), None),
        ]);
        assert_eq!(source_names(&kb, &e, &HashMap::new()), ["Sample daily", "Sample wire"]);
    }

    #[test]
    fn hosts_are_read_from_urls_of_any_shape() {
        assert_eq!(host("https://user:pw@news.example.org:443/a?b#c").as_deref(), Some("news.example.org"));
        assert_eq!(host("example.org/path").as_deref(), Some("example.org"));
        assert_eq!(host("http://www.example.org./").as_deref(), Some("example.org"));
        assert_eq!(host("file:///tmp/x.txt"), None);
        assert_eq!(host("not a url"), None);
        assert_eq!(host(""), None);
    }
}
