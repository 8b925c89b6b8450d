//! The development set of real news (`../shared/corpus/dev`, third-party text read in place,
//! never copied): every document is coded, scored by `../shared/tools/score.py` and evaluated
//! stage by stage by `scripts/eval-stages.py`. The figures are printed per language; the test
//! fails when one falls below its floor (the figures reached when the floors were last raised,
//! less a small margin), so a change that loses ground on real news does not land unnoticed.
//! Skipped, saying so, when `../shared` or python3 is absent.

use marsad_events::EventCoder;
use marsad_extract::Extractor;
use marsad_kb::KnowledgeBase;
use marsad_output::{record, to_json_line, DocumentInfo};
use std::path::Path;
use std::process::Command;

/// (language, metric, floor): score.py's typed and full F1, places and actors F1, date accuracy.
const FLOORS: &[(&str, &str, f64)] = &[
    ("ar", "events.typed", 0.68),
    ("fr", "events.typed", 0.70),
    ("en", "events.typed", 0.85),
    ("ar", "events.full", 0.58),
    ("fr", "events.full", 0.56),
    ("en", "events.full", 0.75),
    ("ar", "places", 0.89),
    ("fr", "places", 0.92),
    ("en", "places", 0.90),
];

#[test]
fn development_set_scores_stay_above_their_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared");
    let gold = shared.join("corpus/dev/gold.jsonl");
    let scorer = shared.join("tools/score.py");
    if !gold.exists() || !scorer.exists() {
        eprintln!("skipped: ../shared/corpus/dev or its scorer is not present");
        return;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: python3 is not installed");
        return;
    }
    let kb = KnowledgeBase::embedded().expect("valid knowledge base");
    let (extractor, coder) = (Extractor::new(&kb), EventCoder::new(&kb));
    let mut lines = Vec::new();
    for line in std::fs::read_to_string(&gold).expect("gold readable").lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).expect("gold line is JSON");
        let (id, text) = (doc["id"].as_str().expect("id"), doc["text"].as_str().expect("text"));
        let published = doc["published"].as_str();
        let extraction = extractor.extract(text, None);
        let events = coder.code(text, &extraction, published);
        let info = DocumentInfo { id, text, published, url: doc["url"].as_str(), ..DocumentInfo::default() };
        lines.push(to_json_line(&record(&kb, &info, &extraction, &events, false)));
    }
    // The predictions for the scripts, in a temporary file removed when the test ends, passing
    // or failing.
    let predictions =
        tempfile::Builder::new().prefix("marsad-dev-").suffix(".jsonl").tempfile().expect("predictions file");
    std::fs::write(predictions.path(), lines.join("\n") + "\n").expect("write predictions");
    let actors = shared.join("corpus/actor-keys.json");
    let run = |script: &Path| -> serde_json::Value {
        let out = Command::new("python3")
            .arg(script)
            .arg("--json")
            .arg("--gold")
            .arg(&gold)
            .arg("--actors")
            .arg(&actors)
            .arg("--pred")
            .arg(predictions.path())
            .output()
            .expect("python3 runs");
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{} printed no JSON: {e}", script.display()))
    };
    let score = run(&scorer);
    let stages = run(&root.join("scripts/eval-stages.py"));
    let mut failures = Vec::new();
    for lang in ["ar", "fr", "en"] {
        let s = &score["by_lang"][lang];
        let f1 = |k: &str| s[k]["f1"].as_f64().unwrap_or(0.0);
        eprintln!(
            "{lang}: typed {:.3} full {:.3} places {:.3} actors {:.3} date {} fatalities {} | stages {}",
            f1("events.typed"),
            f1("events.full"),
            f1("places"),
            f1("actors"),
            s["date"]["acc"],
            s["fatalities"]["acc"],
            stages[lang]
        );
        for (_, metric, floor) in FLOORS.iter().filter(|(l, _, _)| *l == lang) {
            if f1(metric) < *floor {
                failures.push(format!("{lang}: {metric} F1 {:.3} below its floor {floor}", f1(metric)));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
