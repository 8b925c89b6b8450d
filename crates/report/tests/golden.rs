//! The report over a small synthetic store (tests/support, every sentence fictional), in
//! Arabic, French and English, as HTML and Markdown, against golden files reviewed by hand
//! (`MARSAD_BLESS=1 cargo test -p marsad-report --test golden` rewrites them; review the diff).
//! Also: the same store and request give the same bytes; every claim cites events and every
//! note names an event of the store; the worked example's conclusions hold.

mod support;

use std::path::PathBuf;

use marsad_kb::KnowledgeBase;
use marsad_report::doc::Block;
use marsad_report::{render, Engine, Lang, Report};
use marsad_store::{SqliteStore, Store};

fn kb() -> &'static KnowledgeBase {
    static KB: std::sync::OnceLock<KnowledgeBase> = std::sync::OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::embedded().expect("the embedded knowledge base loads"))
}

/// The synthetic store, written once per test process.
fn store() -> &'static (tempfile::TempDir, PathBuf) {
    static STORE: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    STORE.get_or_init(|| {
        // (Under the target directory: this static is never dropped, so its store stays.)
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a temporary directory");
        let path = dir.path().join("golden.db");
        support::write_store(&path);
        (dir, path)
    })
}

fn report(lang: Lang) -> Report {
    let engine = Engine::new(kb()).unwrap_or_else(|e| panic!("{e}"));
    let store = SqliteStore::open_read_only(&store().1).expect("the store opens");
    engine.report(&store, &support::request(lang)).unwrap_or_else(|e| panic!("{e}"))
}

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("MARSAD_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("the golden directory");
        std::fs::write(&path, actual).expect("writing a golden file");
        return;
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (MARSAD_BLESS=1 writes it)", path.display()));
    if expected != actual {
        let line = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).unwrap_or(0);
        let shown = |text: &str| text.lines().nth(line).unwrap_or("").chars().take(300).collect::<String>();
        panic!(
            "{name} differs from the golden file at line {} (MARSAD_BLESS=1 to accept after review):\n expected: {}\n actual:   {}",
            line + 1,
            shown(&expected),
            shown(actual)
        );
    }
}

#[test]
fn reports_match_the_golden_files_in_every_language_and_format() {
    for lang in Lang::ALL {
        let report = report(lang);
        golden(&format!("report.{lang}.html"), &render::html(&report));
        golden(&format!("report.{lang}.md"), &render::markdown(&report));
    }
}

#[test]
fn the_same_store_and_request_give_the_same_bytes() {
    for lang in Lang::ALL {
        let (a, b) = (report(lang), report(lang));
        assert_eq!(render::html(&a), render::html(&b), "{lang}");
        assert_eq!(render::markdown(&a), render::markdown(&b), "{lang}");
    }
}

#[test]
fn every_claim_cites_stored_events_in_every_language() {
    let store = SqliteStore::open_read_only(&store().1).expect("the store opens");
    for lang in Lang::ALL {
        let report = report(lang);
        support::check_citations(&report, &store).unwrap_or_else(|e| panic!("{lang}: {e}"));
        let all: usize = store.counts().expect("counts").events as usize;
        assert!(report.notes.len() <= all && report.notes.len() >= 15, "{lang}: {} notes", report.notes.len());
    }
}

#[test]
fn a_claim_without_its_note_is_caught() {
    let store = SqliteStore::open_read_only(&store().1).expect("the store opens");
    let mut report = report(Lang::En);
    report.notes.pop();
    assert!(support::check_citations(&report, &store).is_err(), "a missing note must be found");
    let mut report = self::report(Lang::En);
    if let Some(note) = report.notes.first_mut() {
        note.event = 987_654;
    }
    assert!(support::check_citations(&report, &store).is_err(), "a note naming no stored event must be found");
}

#[test]
fn the_worked_example_reads_as_worked_out() {
    let report = report(Lang::En);
    let arrow = report
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Arrow { direction, rationale } => Some((*direction, rationale.text.clone())),
            _ => None,
        })
        .expect("an arrow");
    assert_eq!(arrow.0, "up", "{}", arrow.1);
    for part in ["from 4 to 10 events (+150%)", "shortened by", "compass sectors"] {
        assert!(arrow.1.contains(part), "{part} in {}", arrow.1);
    }
    let text: Vec<String> = report.sentences().iter().map(|s| s.text.clone()).collect();
    let has = |part: &str| text.iter().any(|t| t.contains(part));
    assert!(has("Katiba Macina") && has("first political violence"), "the new group: {text:#?}");
    assert!(has("Kati Cercle") && has("first armed violence"), "the newly affected cercle: {text:#?}");
    assert!(has("on supply vehicles: 1"), "the burned tankers count as a supply attack: {text:#?}");
    assert!(has("Events without a date: 1") && has("could not be read") && has("only to a month"), "{text:#?}");
    assert!(has("Office in the east (fictional): no event"), "a site with nothing near: {text:#?}");
    assert!(has("Ouélessébougou: abduction or forced disappearance; no perpetrator named"), "{text:#?}");
}
