//! Golden tests of the `--explain` trace: each `tests/explain/<case>.txt` (a first line
//! `published: DATE`, then a text written for this project) is coded with the trace on, and the
//! events and every stage's decisions are compared with `<case>.expected`. Regenerate with
//! `MARSAD_BLESS=1 cargo test -p marsad-events --test explain` and review the diff.

use marsad_events::trace::Trace;
use marsad_events::EventCoder;
use marsad_extract::Extractor;
use marsad_kb::KnowledgeBase;
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/explain");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/explain exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    found.sort();
    found
}

/// The events of a case as short lines, then its trace.
fn explain(kb: &KnowledgeBase, input: &str) -> String {
    let (head, text) = input.split_once('\n').unwrap_or(("", input));
    let published = head.strip_prefix("published:").map(str::trim).filter(|p| !p.is_empty());
    let extraction = Extractor::new(kb).extract(text, None);
    let mut trace = Trace::new(true);
    let events = EventCoder::new(kb).code_traced(text, &extraction, published, &mut trace);
    let mut out = String::new();
    let id = |a: Option<u32>| a.map_or("-".to_string(), |a| kb.actors[a as usize].id.clone());
    for e in &events {
        let _ = writeln!(
            out,
            "event {} · {} → {} · {} (precision {}) · {} · deaths {}{}{}",
            e.sub_event,
            id(e.actor1),
            id(e.actor2),
            e.place.map_or("-".to_string(), |p| kb.places[p as usize].id.clone()),
            e.geo_precision,
            e.date.map_or("undated".to_string(), |d| d.to_iso()),
            e.fatalities.map_or("?".to_string(), |f| f.to_string()),
            if e.claims.is_empty() { String::new() } else { format!(" · {} claims", e.claims.len()) },
            if e.background { " · background" } else { "" },
        );
    }
    out.push_str(&trace.render(kb, text));
    out
}

#[test]
fn explained_decisions_match_their_golden_files() {
    let kb = KnowledgeBase::embedded().expect("valid knowledge base");
    let bless = std::env::var_os("MARSAD_BLESS").is_some();
    let mut failures = Vec::new();
    let cases = cases();
    assert!(cases.len() >= 6, "the explain cases are missing");
    for case in cases {
        let input = std::fs::read_to_string(&case).expect("case readable");
        let actual = explain(&kb, &input);
        let expected_path = case.with_extension("expected");
        if bless {
            std::fs::write(&expected_path, &actual).expect("write golden file");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!("{}:\n--- expected\n{expected}\n--- actual\n{actual}", case.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
