//! `marsad report` as a user runs it, over the bundled samples (fictional articles): each
//! language and format written, the same bytes twice, the sites file read, and mistakes
//! (no store, a bad sites file, a bad date, an unknown focus) reported with what to fix.

use std::path::Path;
use std::process::{Command, Output};

fn marsad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marsad")).args(args).output().expect("run marsad")
}

/// A fresh directory under the system's temporary directory (`marsad-report-NAME-…`), removed
/// with everything in it when the guard is dropped at the end of the test, passing or failing,
/// so that runs leave nothing behind.
fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(&format!("marsad-report-{name}-")).tempdir().expect("scratch dir")
}

fn samples_store(dir: &Path) -> String {
    let db = dir.join("samples.db").display().to_string();
    let output = marsad(&["ingest", "--samples", "--db", &db]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    db
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn reports_are_written_in_each_language_and_format_the_same_twice() {
    let tmp = scratch("langs");
    let dir = tmp.path();
    let db = samples_store(dir);
    let sites = dir.join("sites.csv");
    std::fs::write(&sites, "name,lat,lon,radius_km\nOffice in Kayes (fictional),14.45,-11.44,40\n").expect("sites");
    for lang in ["ar", "fr", "en"] {
        for format in ["html", "md"] {
            let out = dir.join(format!("report.{lang}.{format}"));
            let args = ["report", "--db", &db, "--lang", lang, "--format", format, "--weeks", "8"];
            let mut all: Vec<&str> = args.to_vec();
            let (out_text, sites_text) = (out.display().to_string(), sites.display().to_string());
            all.extend(["--sites", &sites_text, "-o", &out_text]);
            let output = marsad(&all);
            assert!(output.status.success(), "{lang} {format}: {}", stderr(&output));
            assert!(stderr(&output).contains("cited event(s)"), "{}", stderr(&output));
            let first = std::fs::read(&out).expect("the report");
            let again = marsad(&all);
            assert!(again.status.success());
            assert_eq!(std::fs::read(&out).expect("the report"), first, "{lang} {format}: same bytes twice");
            let text = String::from_utf8(first).expect("UTF-8");
            assert!(text.contains("Office in Kayes (fictional)"), "{lang} {format}: the site is reported");
        }
    }
    let stdout = marsad(&["report", "--db", &db, "--format", "md"]);
    assert!(stdout.status.success() && stdout.stdout.starts_with(b"# Situation report"), "{}", stderr(&stdout));
}

#[test]
fn mistakes_are_reported_with_what_to_fix() {
    let tmp = scratch("mistakes");
    let dir = tmp.path();
    let missing = dir.join("none.db").display().to_string();
    let output = marsad(&["report", "--db", &missing]);
    assert!(!output.status.success() && stderr(&output).contains("no such store"), "{}", stderr(&output));
    let db = samples_store(dir);
    let bad_sites = dir.join("bad.csv");
    std::fs::write(&bad_sites, "name,lat,lon,radius_km\nA,12.6,-8.0,10\nB,95,-8.0,10\n").expect("sites");
    let output = marsad(&["report", "--db", &db, "--sites", &bad_sites.display().to_string()]);
    let message = stderr(&output);
    assert!(!output.status.success() && message.contains("bad.csv:3"), "{message}");
    let output = marsad(&["report", "--db", &db, "--to", "2025-02-30"]);
    assert!(!output.status.success() && stderr(&output).contains("--to"), "{}", stderr(&output));
    let output = marsad(&["report", "--db", &db, "--focus", "zz.nowhere"]);
    assert!(!output.status.success() && stderr(&output).contains("zz.nowhere"), "{}", stderr(&output));
    let output = marsad(&["report", "--db", &db, "--from", "2025-09-01", "--weeks", "2", "--to", "2025-09-30"]);
    assert!(!output.status.success(), "--from and --weeks together are refused");
}
