//! The report over 100,000 synthetic events (crates/serve/examples/synthetic_store.rs, seed 1),
//! for BENCHMARKS.md. The target (issue 11): a whole report in ≤ 2 s.
//!
//! ```sh
//! cargo bench -p marsad-report --bench report
//! ```
//!
//! The store is `MARSAD_REPORT_DB` (default `/tmp/marsad-load/100k.db`, the load test's), made
//! when missing. Measured: the store's ways to read every event (`store_events`, with sources,
//! one query per event; `summaries`, pages of `event_page`; `candidates`, one query), the
//! conversion with and without supply words, reading and converting (`load`), the three indicator
//! runs of a report (`indicators`: the period, the previous period, the 12-week window), and
//! the whole report from the store to HTML (`report_html`, what `marsad report` does after
//! loading the knowledge base).

#[allow(dead_code)]
#[path = "../../serve/examples/synthetic_store.rs"]
mod synthetic_store;

use std::path::PathBuf;
use std::sync::OnceLock;

use marsad_kb::KnowledgeBase;
use marsad_report::{render, Engine, Lang, PeriodRequest, Request};
use marsad_store::{EventFilter, SqliteStore, Store};

fn main() {
    divan::main();
}

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::embedded().expect("the embedded knowledge base loads"))
}

fn db() -> &'static PathBuf {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let db = PathBuf::from(std::env::var("MARSAD_REPORT_DB").unwrap_or_else(|_| "/tmp/marsad-load/100k.db".into()));
        if !db.exists() {
            if let Some(dir) = db.parent() {
                std::fs::create_dir_all(dir).expect("the store's directory");
            }
            eprintln!("writing 100,000 synthetic events to {} (once)", db.display());
            synthetic_store::generate(&db, 100_000, 1, kb()).expect("the synthetic store is written");
        }
        let store = SqliteStore::open_read_only(&db).expect("the store opens");
        eprintln!("{}: {} events", db.display(), store.counts().expect("counts").events);
        db
    })
}

fn store() -> SqliteStore {
    SqliteStore::open_read_only(db()).expect("the store opens")
}

fn request() -> Request {
    Request { lang: Lang::En, focus: None, period: PeriodRequest::default(), sites: Vec::new() }
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn store_events(bencher: divan::Bencher) {
    let store = store();
    bencher.bench_local(|| store.events(&EventFilter::default()).expect("events").len());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn summaries(bencher: divan::Bencher) {
    let store = store();
    bencher.bench_local(|| {
        let (mut count, mut after) = (0, None);
        loop {
            let page = store.event_page(&EventFilter::default(), after.as_ref(), 5_000).expect("a page");
            count += page.len();
            let Some(last) = page.last() else { break };
            after =
                Some(marsad_store::queries::EventCursor { date: last.event.summary.date.clone(), id: last.event.id });
            if page.len() < 5_000 {
                break;
            }
        }
        count
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn candidates(bencher: divan::Bencher) {
    let store = store();
    bencher.bench_local(|| store.candidate_events(&EventFilter::default()).expect("events").len());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn convert(bencher: divan::Bencher) {
    let engine = Engine::new(kb()).expect("the engine");
    let stored = store().candidate_events(&EventFilter::default()).expect("events");
    bencher.bench_local(|| engine.converter().convert(&stored).events.len());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn convert_without_supply_words(bencher: divan::Bencher) {
    let mut settings = marsad_report::Settings::embedded(kb()).expect("settings");
    settings.supply_sub_event_types.clear();
    let converter = marsad_report::Converter::new(kb(), &settings);
    let stored = store().candidate_events(&EventFilter::default()).expect("events");
    bencher.bench_local(|| converter.convert(&stored).events.len());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn load(bencher: divan::Bencher) {
    let engine = Engine::new(kb()).expect("the engine");
    let store = store();
    bencher.bench_local(|| engine.load(&store, &EventFilter::default()).expect("loaded").inputs.events.len());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn indicators(bencher: divan::Bencher) {
    let engine = Engine::new(kb()).expect("the engine");
    let loaded = engine.load(&store(), &EventFilter::default()).expect("loaded");
    let (_, focus) = engine.focus(None).expect("the focus");
    let period = engine.period(PeriodRequest::default(), &loaded.inputs).expect("a period");
    let previous = marsad_indicators::Period::new(period.start().plus(-28), period.start().plus(-1)).expect("previous");
    let window = marsad_indicators::Period::new(period.end().plus(-83), period.end()).expect("window");
    bencher.bench_local(|| {
        [period, previous, window]
            .map(|p| engine.indicators(&loaded.inputs, focus, p).expect("indicators").corridors.len())
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn report_html(bencher: divan::Bencher) {
    let engine = Engine::new(kb()).expect("the engine");
    let store = store();
    bencher.bench_local(|| {
        let report = engine.report(&store, &request()).expect("a report");
        render::html(&report).len()
    });
}
