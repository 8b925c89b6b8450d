//! The `marsad extract` command as a user runs it: inputs of every kind, bad inputs reported
//! with file and line while good documents still come out, and the exit status.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn marsad(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_marsad"))
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run marsad");
    if let Some(bytes) = stdin {
        child.stdin.take().expect("stdin").write_all(bytes).expect("write stdin");
    }
    child.wait_with_output().expect("marsad output")
}

/// A fresh directory under the system's temporary directory (`marsad-cli-NAME-…`), removed
/// with everything in it when the guard is dropped at the end of the test, passing or failing,
/// so that runs leave nothing behind.
fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(&format!("marsad-cli-{name}-")).tempdir().expect("scratch dir")
}

fn lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect()
}

#[test]
fn the_bundled_samples_are_extracted() {
    let output = marsad(&["extract", "--samples"], None);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let records = lines(&output);
    let samples = include_str!("../samples/samples.jsonl").lines().filter(|l| !l.trim().is_empty()).count();
    assert!(samples > 40, "the samples hold the twelve-week story: {samples}");
    assert_eq!(records.len(), samples, "one record per sample document");
    let first = &records[0];
    assert_eq!(first["doc"]["lang"], "ar");
    let places: Vec<&str> =
        first["places"].as_array().expect("places").iter().map(|p| p["id"].as_str().unwrap_or("")).collect();
    assert!(places.contains(&"ml.kayes") && places.contains(&"ml.bamako"), "{places:?}");
}

#[test]
fn bad_inputs_are_reported_and_good_ones_still_processed() {
    let tmp = scratch("bad");
    let dir = tmp.path();
    std::fs::write(dir.join("good.txt"), "هاجم مسلحون قافلة قرب كايس.").expect("write");
    std::fs::write(dir.join("empty.txt"), "").expect("write");
    std::fs::write(dir.join("binary.txt"), [0x89, b'P', b'N', b'G', 0, 0, 0, 1, 2, 3]).expect("write");
    std::fs::write(
        dir.join("feed.jsonl"),
        "{\"id\":\"a\",\"text\":\"Attack near Gao.\"}\n{\"id\": \n{\"id\":\"c\",\"text\":\"Clashes in Kidal.\"}\n",
    )
    .expect("write");
    let output = marsad(&["extract", dir.to_str().expect("utf-8 path")], None);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "some input failed: {stderr}");
    let ids: Vec<String> = lines(&output).iter().map(|r| r["doc"]["id"].as_str().unwrap_or("").to_string()).collect();
    assert_eq!(ids, ["a", "c", "good"]);
    assert!(stderr.contains("empty.txt") && stderr.contains("empty"), "{stderr}");
    assert!(stderr.contains("binary.txt") && stderr.contains("binary"), "{stderr}");
    assert!(stderr.contains("feed.jsonl:2"), "the malformed line is named: {stderr}");
    assert_eq!(stderr.lines().count(), 3, "one line per failure: {stderr}");
}

#[test]
fn windows_1256_arabic_is_decoded() {
    let tmp = scratch("cp1256");
    let dir = tmp.path();
    let (bytes, _, _) = encoding_rs_free_cp1256("هجوم قرب باماكو");
    std::fs::write(dir.join("legacy.txt"), bytes).expect("write");
    let output = marsad(&["extract", dir.join("legacy.txt").to_str().expect("path")], None);
    assert!(output.status.success());
    let records = lines(&output);
    assert_eq!(records[0]["places"][0]["id"], "ml.bamako");
}

#[test]
fn a_legacy_line_in_json_lines_is_decoded_alone_and_named() {
    let tmp = scratch("mixed");
    let dir = tmp.path();
    let line = |id: &str, text: &str| format!("{{\"id\":\"{id}\",\"text\":\"{text}\"}}\n");
    let legacy = line("legacy", "أعلنت السلطات في باماكو حظر التجول بعد اشتباكات بين مسلحين وقوات الأمن قرب السوق.");
    let bytes = [
        line("before", "هجوم قرب باماكو").into_bytes(),
        encoding_rs::WINDOWS_1256.encode(&legacy).0.into_owned(),
        line("after", "هجوم قرب باماكو").into_bytes(),
    ]
    .concat();
    std::fs::write(dir.join("mixed.jsonl"), bytes).expect("write");
    let output = marsad(&["extract", dir.join("mixed.jsonl").to_str().expect("path")], None);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    for record in lines(&output) {
        assert_eq!(record["places"][0]["id"], "ml.bamako", "{record}");
    }
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("mixed.jsonl:2: warning: not UTF-8: decoded as windows-1256"), "{stderr}");
}

/// windows-1256 bytes of a short Arabic text (the letters used here only).
fn encoding_rs_free_cp1256(text: &str) -> (Vec<u8>, (), ()) {
    let table = [
        ('ه', 0xE5),
        ('ج', 0xCC),
        ('و', 0xE6),
        ('م', 0xE3),
        ('ق', 0xDE),
        ('ر', 0xD1),
        ('ب', 0xC8),
        ('ا', 0xC7),
        ('ك', 0xDF),
        (' ', 0x20),
    ];
    let bytes = text
        .chars()
        .map(|c| table.iter().find(|(k, _)| *k == c).map(|(_, b)| *b as u8).expect("letter in table"))
        .collect();
    (bytes, (), ())
}

#[test]
fn standard_input_is_read_with_dash() {
    let output = marsad(&["extract", "-"], Some("Clashes erupted near Ménaka on Sunday.".as_bytes()));
    assert!(output.status.success());
    let records = lines(&output);
    assert_eq!(records[0]["doc"]["id"], "stdin");
    assert_eq!(records[0]["doc"]["lang"], "en");
    assert_eq!(records[0]["places"][0]["mentions"][0]["text"], "Ménaka");
}

#[test]
fn every_event_place_is_among_the_places() {
    // The country comes from the Chadian army alone, the island is a name the base lacks in
    // Arabic script: the event stays at the country, which must be listed.
    let text = "قال الجيش التشادي إن مسلحين هاجموا موقعا له في جزيرة كاوالا كيندا الأحد وقتلوا 12 جنديا.";
    let output = marsad(&["extract", "-"], Some(text.as_bytes()));
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let record = &lines(&output)[0];
    let ids: Vec<&str> = record["places"].as_array().expect("places").iter().filter_map(|p| p["id"].as_str()).collect();
    let events = record["events"].as_array().expect("events");
    assert!(!events.is_empty(), "{record}");
    for event in events {
        let place = event["place"].as_str().expect("a place");
        assert!(ids.contains(&place), "{place} not in {ids:?}");
    }
}

#[test]
fn offsets_count_chars_of_the_text_printed_with_with_text() {
    let output = marsad(&["extract", "--samples", "--with-text"], None);
    for record in lines(&output) {
        let text: Vec<char> = record["doc"]["text"].as_str().expect("text").chars().collect();
        for group in ["places", "actors", "people", "outlets"] {
            for entity in record[group].as_array().expect("array") {
                for mention in entity["mentions"].as_array().expect("mentions") {
                    let (start, end) = (
                        mention["start"].as_u64().expect("start") as usize,
                        mention["end"].as_u64().expect("end") as usize,
                    );
                    let span: String = text[start..end].iter().collect();
                    assert_eq!(span, mention["text"].as_str().expect("text"));
                }
            }
        }
    }
}

#[test]
fn no_input_is_a_usage_error() {
    let output = marsad(&["extract"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing to read"));
}

#[test]
fn seed_articles_score_above_the_bars() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let seeds = shared.join("corpus/seeds");
    if !seeds.join("gold.jsonl").exists() {
        eprintln!("skipped: ../shared/corpus/seeds is not present");
        return;
    }
    let mut inputs: Vec<String> = std::fs::read_dir(&seeds)
        .expect("seeds")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    inputs.sort();
    let mut args = vec!["extract".to_string()];
    args.extend(inputs);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = marsad(&args, None);
    assert!(output.status.success());
    // `tmp` lives to the end of the test: score.py reads the file it holds.
    let tmp = scratch("seeds");
    let predictions = tmp.path().join("pred.jsonl");
    std::fs::write(&predictions, &output.stdout).expect("write predictions");
    let score = Command::new("python3")
        .arg(shared.join("tools/score.py"))
        .args(["--json", "--gold"])
        .arg(seeds.join("gold.jsonl"))
        .arg("--actors")
        .arg(shared.join("corpus/actor-keys.json"))
        .arg("--pred")
        .arg(&predictions)
        .output()
        .expect("python3 runs score.py");
    let result: serde_json::Value = serde_json::from_slice(&score.stdout).expect("score.py JSON");
    let places = result["overall"]["places"]["f1"].as_f64().expect("places f1");
    let actors = result["overall"]["actors"]["f1"].as_f64().expect("actors f1");
    let events = result["overall"]["events.typed"]["f1"].as_f64().expect("events f1");
    assert!(places >= 0.90, "places F1 {places}");
    assert!(actors >= 0.85, "actors F1 {actors}");
    assert!(events >= 0.60, "events typed F1 {events}");
}
