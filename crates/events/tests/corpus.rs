//! The hand-annotated corpus (`tests/corpus/{ar,fr,en}.jsonl`, fictional news written for
//! this project, one gold annotation per document) as a specification of event coding:
//!
//! - a snapshot of the events we code for every document (`<lang>.expected.jsonl`), so any
//!   change shows in review (`MARSAD_BLESS=1` rewrites it);
//! - the official scorer (`../shared/tools/score.py`, when present) comparing our output with
//!   the hand annotations, with a bar per language.

use marsad_events::EventCoder;
use marsad_extract::Extractor;
use marsad_kb::KnowledgeBase;
use marsad_output::{record, to_json_line, DocumentInfo};
use std::path::{Path, PathBuf};
use std::process::Command;

const LANGUAGES: [&str; 3] = ["ar", "fr", "en"];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// (snapshot lines, full output records) for one language.
fn run(kb: &KnowledgeBase, lang: &str) -> (Vec<String>, Vec<String>) {
    let extractor = Extractor::new(kb);
    let coder = EventCoder::new(kb);
    let gold = std::fs::read_to_string(corpus_dir().join(format!("{lang}.jsonl"))).expect("corpus file");
    let (mut snapshot, mut records) = (Vec::new(), Vec::new());
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).expect("corpus line is JSON");
        let id = doc["id"].as_str().expect("id");
        let text = doc["text"].as_str().expect("text");
        let published = doc["published"].as_str();
        let extraction = extractor.extract(text, None);
        let events = coder.code(text, &extraction, published);
        let info = DocumentInfo { id, text, published, ..DocumentInfo::default() };
        let out = record(kb, &info, &extraction, &events, false);
        let compact: Vec<serde_json::Value> = out
            .events
            .iter()
            .map(|e| {
                serde_json::json!([
                    e.sub_event_type,
                    e.actor1,
                    e.actor2,
                    e.place,
                    e.geo_precision,
                    e.date,
                    e.time_precision,
                    e.fatalities,
                    e.attributed_to,
                    e.claims.len(),
                    e.trigger.text
                ])
            })
            .collect();
        snapshot.push(serde_json::json!({"id": id, "events": compact}).to_string());
        records.push(to_json_line(&out));
    }
    (snapshot, records)
}

#[test]
fn corpus_events_match_their_snapshot_and_the_hand_annotations() {
    let kb = KnowledgeBase::embedded().expect("valid knowledge base");
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let scorer = shared.join("tools/score.py");
    let mut failures = Vec::new();
    for lang in LANGUAGES {
        let (snapshot, records) = run(&kb, lang);
        let documents = snapshot.len();
        assert!(documents >= 30, "{lang}: {documents} documents, the corpus needs at least 30");
        let expected_path = corpus_dir().join(format!("{lang}.expected.jsonl"));
        let actual = snapshot.join("\n") + "\n";
        if std::env::var_os("MARSAD_BLESS").is_some() {
            std::fs::write(&expected_path, &actual).expect("write snapshot");
        } else {
            let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
            for (e, a) in expected.lines().zip(actual.lines()).filter(|(e, a)| e != a) {
                failures.push(format!("{lang} snapshot differs:\n  expected {e}\n  actual   {a}"));
            }
            if expected.lines().count() != actual.lines().count() {
                failures.push(format!(
                    "{lang} snapshot has {} lines, output {}",
                    expected.lines().count(),
                    actual.lines().count()
                ));
            }
        }
        if !scorer.exists() {
            eprintln!("skipped scoring: ../shared/tools/score.py is not present");
            continue;
        }
        // The predictions for score.py, in a temporary file removed at the end of the iteration
        // (or when the test fails).
        let predictions = tempfile::Builder::new()
            .prefix(&format!("marsad-corpus-{lang}-"))
            .suffix(".jsonl")
            .tempfile()
            .expect("predictions file");
        std::fs::write(predictions.path(), records.join("\n") + "\n").expect("write predictions");
        let output = Command::new("python3")
            .arg(&scorer)
            .args(["--json", "--gold"])
            .arg(corpus_dir().join(format!("{lang}.jsonl")))
            .arg("--actors")
            .arg(shared.join("corpus/actor-keys.json"))
            .arg("--pred")
            .arg(predictions.path())
            .output()
            .expect("python3 runs score.py");
        let score: serde_json::Value = serde_json::from_slice(&output.stdout).expect("score.py JSON");
        let f1 = |k: &str| score["overall"][k]["f1"].as_f64().unwrap_or(0.0);
        eprintln!(
            "{lang}: places {:.3} actors {:.3} events typed {:.3} full {:.3}",
            f1("places"),
            f1("actors"),
            f1("events.typed"),
            f1("events.full")
        );
        for (metric, bar) in [("places", 0.90), ("actors", 0.85), ("events.typed", 0.70), ("events.full", 0.50)] {
            if f1(metric) < bar {
                failures.push(format!("{lang}: {metric} F1 {:.3} below {bar}", f1(metric)));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
