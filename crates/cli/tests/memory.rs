//! The observatory's memory as a user drives it: ingest, re-ingest, merge one incident's
//! reports across languages, explain, search, export — and survive `kill -9` at any moment.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn marsad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marsad")).args(args).stdin(Stdio::null()).output().expect("run marsad")
}

/// A fresh directory under the system's temporary directory (`marsad-memory-NAME-…`), removed
/// with everything in it when the guard is dropped at the end of the test, passing or failing,
/// so that runs leave nothing behind.
fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(&format!("marsad-memory-{name}-")).tempdir().expect("scratch dir")
}

/// The number of bundled sample documents (one per line).
fn sample_count() -> usize {
    include_str!("../samples/samples.jsonl").lines().filter(|l| !l.trim().is_empty()).count()
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn export_jsonl(db: &Path) -> String {
    let output = marsad(&["export", "--db", db.to_str().expect("utf-8"), "--format", "jsonl"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    text(&output)
}

#[test]
fn one_incident_in_three_languages_is_one_disputed_event_with_three_sources() {
    let tmp = scratch("samples");
    let dir = tmp.path();
    let db = dir.join("m.db");
    let db = db.to_str().expect("utf-8");
    assert!(marsad(&["ingest", "--samples", "--db", db]).status.success());
    let events: Vec<serde_json::Value> =
        export_jsonl(Path::new(db)).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    let convoy = events
        .iter()
        .find(|e| e["sources"].as_array().is_some_and(|s| s.len() == 3))
        .expect("the convoy attack has three sources");
    let langs: Vec<&str> =
        convoy["sources"].as_array().expect("sources").iter().map(|s| s["doc"].as_str().unwrap_or("")).collect();
    assert_eq!(langs, ["sample-ar-convoy", "sample-fr-convoy", "sample-en-convoy"]);
    let tolls: Vec<Option<u64>> =
        convoy["sources"].as_array().expect("sources").iter().map(|s| s["claim"]["fatalities"].as_u64()).collect();
    assert_eq!(tolls, [Some(3), Some(5), Some(2)], "each source keeps its own toll");
    assert_eq!(convoy["summary"]["fatalities"], 2, "ACLED's conservative rule: the lowest credible toll");
    assert_eq!(convoy["disputed"], true);
    assert_eq!(convoy["summary"]["place"], "ml.kayes");
    // The golden export of the samples, reviewed in the diff (MARSAD_BLESS=1 to accept).
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/samples.export.jsonl");
    let actual = export_jsonl(Path::new(db));
    if std::env::var_os("MARSAD_BLESS").is_some() {
        std::fs::write(&golden, &actual).expect("bless");
    } else {
        assert_eq!(
            std::fs::read_to_string(&golden).unwrap_or_default(),
            actual,
            "export of the samples changed (MARSAD_BLESS=1 to accept)"
        );
    }
    // Explaining the merge names the reasons.
    let id = convoy["id"].as_i64().expect("id").to_string();
    let explained = text(&marsad(&["event", &id, "--db", db]));
    assert!(explained.contains("joined because: same event type") && explained.contains("km apart"), "{explained}");
}

#[test]
fn ingesting_the_same_documents_twice_changes_nothing() {
    let tmp = scratch("twice");
    let dir = tmp.path();
    let db = dir.join("m.db");
    let db = db.to_str().expect("utf-8");
    assert!(marsad(&["ingest", "--samples", "--db", db]).status.success());
    let first = export_jsonl(Path::new(db));
    let again = marsad(&["ingest", "--samples", "--db", db]);
    assert!(
        String::from_utf8_lossy(&again.stderr).contains(&format!("new 0 · duplicates {}", sample_count())),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(export_jsonl(Path::new(db)), first);
}

#[test]
fn a_corrected_version_of_a_url_replaces_the_old_one() {
    let tmp = scratch("corrected");
    let dir = tmp.path();
    let db = dir.join("m.db");
    let db = db.to_str().expect("utf-8");
    let first = r#"{"id":"a","url":"https://example.org/x","published":"2025-09-07","text":"Gunmen killed four villagers near Kidal on Saturday, officials said."}"#;
    let corrected = r#"{"id":"a","url":"https://example.org/x","published":"2025-09-07","text":"Gunmen killed six villagers near Kidal on Saturday, officials said, correcting an earlier toll."}"#;
    std::fs::write(dir.join("1.jsonl"), first).expect("write");
    std::fs::write(dir.join("2.jsonl"), corrected).expect("write");
    assert!(marsad(&["ingest", dir.join("1.jsonl").to_str().expect("path"), "--db", db]).status.success());
    let replaced = marsad(&["ingest", dir.join("2.jsonl").to_str().expect("path"), "--db", db]);
    assert!(
        String::from_utf8_lossy(&replaced.stderr).contains("replaced 1"),
        "{}",
        String::from_utf8_lossy(&replaced.stderr)
    );
    let events: Vec<serde_json::Value> =
        export_jsonl(Path::new(db)).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["summary"]["fatalities"], 6, "the events were recomputed from the corrected text");
}

#[test]
fn search_finds_clitic_forms_and_filters() {
    let tmp = scratch("search");
    let dir = tmp.path();
    let db = dir.join("m.db");
    let db = db.to_str().expect("utf-8");
    assert!(marsad(&["ingest", "--samples", "--db", db]).status.success());
    let hits = text(&marsad(&["search", "باماكو", "--db", db, "--json"]));
    assert!(hits.contains("[[وباماكو]]"), "باماكو finds وباماكو: {hits}");
    let near = text(&marsad(&["search", "convoy", "--place", "ml.kayes", "--radius-km", "60", "--db", db, "--json"]));
    assert_eq!(near.lines().count(), 1, "{near}");
    let english =
        text(&marsad(&["search", "--lang", "en", "--event-type", "Violence against civilians", "--db", db, "--json"]));
    // The English reports of violence against civilians: the Kayes convoy, the Ménaka abduction,
    // and five of the story around Bamako.
    assert!(english.lines().all(|l| l.contains("\"lang\":\"en\"")), "{english}");
    let titles: Vec<String> = english
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["title"].as_str().unwrap_or("").to_string()
        })
        .collect();
    for place in ["Kayes", "Menaka", "Bougouni", "Kita", "Sanankoroba", "Banamba", "Baguineda"] {
        assert_eq!(titles.iter().filter(|t| t.contains(place)).count(), 1, "{place}: {titles:?}");
    }
    assert_eq!(titles.len(), 7, "{titles:?}");
}

/// A corpus of news-like documents in files of a few documents each.
fn crash_corpus(dir: &Path) -> usize {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../events/tests/corpus");
    let mut documents = Vec::new();
    for lang in ["ar", "fr", "en"] {
        let lines = std::fs::read_to_string(corpus.join(format!("{lang}.jsonl"))).expect("corpus");
        for line in lines.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("json");
            let doc = serde_json::json!({"id": v["id"], "published": v["published"], "text": v["text"], "url": format!("https://example.org/{}", v["id"].as_str().unwrap_or(""))});
            documents.push(doc.clone());
            // A republished copy with a new id and a one-word edit: a near-duplicate in the same story.
            let edited = v["text"].as_str().unwrap_or("").replacen(' ', "  ", 1) + " —";
            documents.push(serde_json::json!({"id": format!("{}-copy", v["id"].as_str().unwrap_or("")), "published": v["published"], "text": edited}));
        }
    }
    for (n, chunk) in documents.chunks(6).enumerate() {
        let body: String = chunk.iter().map(|d| d.to_string() + "\n").collect();
        std::fs::write(dir.join(format!("part-{n:03}.jsonl")), body).expect("write");
    }
    documents.len()
}

#[test]
fn kill_nine_at_any_moment_then_the_same_command_gives_what_one_clean_run_gives() {
    let tmp = scratch("crash");
    let dir = tmp.path();
    let inputs = dir.join("inputs");
    std::fs::create_dir_all(&inputs).expect("inputs");
    let documents = crash_corpus(&inputs);
    let inputs = inputs.to_str().expect("utf-8").to_string();
    let clean = dir.join("clean.db");
    let started = std::time::Instant::now();
    let run = marsad(&["ingest", &inputs, "--db", clean.to_str().expect("utf-8"), "--batch", "4"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let clean_run_ms = started.elapsed().as_millis().max(20) as u64;
    let expected = export_jsonl(&clean);
    assert!(expected.lines().count() > 50, "the corpus yields events ({documents} documents)");
    // Scores may differ after a crash (BM25 statistics count re-added documents until segments
    // merge); what must not differ is which documents are indexed and found.
    let found = |db: &Path| {
        let hits = text(&marsad(&["search", "الجيش", "--db", db.to_str().expect("utf-8"), "--json", "--limit", "500"]));
        let mut ids: Vec<i64> = hits
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["doc_id"].as_i64())
            .collect();
        ids.sort();
        ids
    };
    let expected_search = found(&clean);
    assert!(expected_search.len() > 10);
    // Deterministic pseudo-random kill times spread over the clean run's duration.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for round in 0..4 {
        let db = dir.join(format!("crash-{round}.db"));
        let db_arg = db.to_str().expect("utf-8");
        for _ in 0..3 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let wait = 5 + seed % clean_run_ms;
            let mut child = Command::new(env!("CARGO_BIN_EXE_marsad"))
                .args(["ingest", &inputs, "--db", db_arg, "--batch", "4"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn");
            std::thread::sleep(std::time::Duration::from_millis(wait));
            let _ = child.kill(); // SIGKILL on Unix: no clean-up runs
            let _ = child.wait();
        }
        let finish = marsad(&["ingest", &inputs, "--db", db_arg, "--batch", "4"]);
        assert!(finish.status.success(), "round {round}: {}", String::from_utf8_lossy(&finish.stderr));
        assert_eq!(export_jsonl(&db), expected, "round {round}: the store differs from a clean run");
        assert_eq!(found(&db), expected_search, "round {round}: the index finds other documents than a clean run");
    }
}

#[test]
fn ingesting_the_seed_articles_twice_leaves_the_same_counts() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds");
    if !seeds.exists() {
        eprintln!("skipped: ../shared/corpus/seeds is not present");
        return;
    }
    let tmp = scratch("seeds");
    let dir = tmp.path();
    let db = dir.join("m.db");
    let db = db.to_str().expect("utf-8");
    let mut articles: Vec<String> = std::fs::read_dir(&seeds)
        .expect("seeds")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    articles.sort();
    let mut args: Vec<&str> = vec!["ingest", "--db", db];
    args.extend(articles.iter().map(String::as_str));
    let first = marsad(&args);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let summary = |output: &Output| {
        String::from_utf8_lossy(&output.stderr).lines().find(|l| l.contains("now holds")).unwrap_or("").to_string()
    };
    let exported = export_jsonl(Path::new(db));
    let second = marsad(&args);
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("new 0 · duplicates 5"),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert_eq!(summary(&first), summary(&second), "same documents, stories, events and sources");
    assert!(summary(&first).contains("5 documents"), "{}", summary(&first));
    assert_eq!(export_jsonl(Path::new(db)), exported);
}
