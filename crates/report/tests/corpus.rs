//! The report over real news: the seed articles and the development set of `../shared/corpus`
//! (third-party texts, read at run time only, never copied here), ingested as `marsad ingest`
//! does, then reported in Arabic, French and English. Each report must be produced and every
//! claim must cite stored events. Skipped, saying so, when `../shared` is absent
//! (`MARSAD_SHARED` names another copy).

mod support;

use std::path::PathBuf;

use marsad_indicators::Day;
use marsad_ingest::{analyse, DocumentInput, Ingestor};
use marsad_kb::KnowledgeBase;
use marsad_report::{render, Engine, Lang, PeriodRequest, ReportError, Request};
use marsad_store::{SqliteStore, Store};

fn shared() -> Option<PathBuf> {
    let path = std::env::var_os("MARSAD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    path.join("corpus").is_dir().then_some(path)
}

/// The documents of a gold file (`id`, `url`, `published`, `text` of each line).
fn documents(path: &std::path::Path) -> Vec<DocumentInput> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, line)| {
            let value: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1));
            let field = |name: &str| value[name].as_str().map(str::to_string);
            DocumentInput {
                key: field("id").unwrap_or_else(|| format!("line-{}", i + 1)),
                url: field("url"),
                outlet: None,
                published: field("published"),
                title: None,
                text: field("text").unwrap_or_default(),
            }
        })
        .collect()
}

fn report_over(name: &str, files: &[PathBuf]) {
    let kb = KnowledgeBase::embedded().expect("the embedded knowledge base loads");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut ingestor = Ingestor::new(&kb, SqliteStore::open(&dir.path().join("corpus.db")).expect("a store"));
    ingestor.store_mut().begin().expect("begin");
    let mut count = 0;
    for file in files {
        for document in documents(file) {
            ingestor.ingest(&analyse(&kb, document)).expect("stored");
            count += 1;
        }
    }
    ingestor.store_mut().commit().expect("commit");
    let store = ingestor.into_store();
    let events = store.counts().expect("counts").events;
    assert!(count > 0 && events > 0, "{name}: {count} documents gave {events} events");
    let engine = Engine::new(&kb).unwrap_or_else(|e| panic!("{e}"));
    for lang in Lang::ALL {
        let mut request = Request {
            lang,
            focus: None,
            period: PeriodRequest { weeks: Some(52), ..Default::default() },
            sites: vec![],
        };
        let report = match engine.report(&store, &request) {
            Err(ReportError::NoDatedEvents) => {
                // Undated texts (the seeds carry no publication date): a fixed year instead.
                request.period.until = Some(Day::parse("2025-12-31").expect("a day"));
                engine.report(&store, &request)
            }
            other => other,
        }
        .unwrap_or_else(|e| panic!("{name} {lang}: {e}"));
        support::check_citations(&report, &store).unwrap_or_else(|e| panic!("{name} {lang}: {e}"));
        let (html, md) = (render::html(&report), render::markdown(&report));
        assert!(html.contains(&format!("lang=\"{lang}\"")) && !md.is_empty(), "{name} {lang}");
        eprintln!(
            "{name} {lang}: {count} documents, {events} events, {} notes, {} bytes of HTML",
            report.notes.len(),
            html.len()
        );
    }
}

#[test]
fn reports_over_the_seeds_and_the_development_set_in_every_language() {
    let Some(shared) = shared() else {
        eprintln!("SKIPPED: ../shared/corpus is not present (set MARSAD_SHARED to another copy)");
        return;
    };
    let seeds = shared.join("corpus/seeds/gold.jsonl");
    let dev = shared.join("corpus/dev/gold.jsonl");
    report_over("seeds", std::slice::from_ref(&seeds));
    report_over("dev", std::slice::from_ref(&dev));
    report_over("seeds+dev", &[seeds, dev]);
}
