//! The exports as an analyst opens them: the ACLED CSV of the bundled samples loads in pandas
//! with ACLED's columns and types and no row without a date or a source
//! (`tests/tools/check_acled_csv.py`), and the GeoJSON loads in GDAL (`ogrinfo`) with numeric
//! and boolean fields, so QGIS styles by them. `scripts/test` installs Debian's python3-pandas
//! and gdal-bin when missing; MARSAD_SKIP_PYTHON=1 and MARSAD_SKIP_GDAL=1 skip each check, saying so.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn marsad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marsad")).args(args).stdin(Stdio::null()).output().expect("run marsad")
}

/// A fresh directory under the system's temporary directory (`marsad-exports-NAME-…`), removed
/// with everything in it when the guard is dropped at the end of the test, passing or failing,
/// so that runs leave nothing behind.
fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(&format!("marsad-exports-{name}-")).tempdir().expect("scratch dir")
}

/// A store holding the samples, and the number of events in it.
fn samples_store(dir: &Path) -> (String, usize) {
    let db = dir.join("m.db").to_str().expect("utf-8").to_string();
    let ingest = marsad(&["ingest", "--samples", "--db", &db]);
    assert!(ingest.status.success(), "{}", String::from_utf8_lossy(&ingest.stderr));
    let jsonl = marsad(&["export", "--db", &db, "--format", "jsonl"]);
    assert!(jsonl.status.success(), "{}", String::from_utf8_lossy(&jsonl.stderr));
    let events = String::from_utf8_lossy(&jsonl.stdout).lines().count();
    assert!(events > 20, "the samples yield events: {events}");
    (db, events)
}

/// Export to a file; returns the file and what the command said on standard error.
fn export(db: &str, format: &str, file: &Path) -> String {
    let output = marsad(&["export", "--db", db, "--format", format, "-o", file.to_str().expect("utf-8")]);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    stderr
}

/// "exported N of M event(s)" from standard error.
fn exported(stderr: &str) -> (usize, usize) {
    let line = stderr.lines().find(|l| l.contains("exported")).expect("a summary line");
    let numbers: Vec<usize> = line.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    (numbers[0], numbers[1])
}

/// Debian's interpreter, where python3-pandas installs, unless MARSAD_PYTHON names another.
fn python() -> String {
    std::env::var("MARSAD_PYTHON").unwrap_or_else(|_| {
        if Path::new("/usr/bin/python3").exists() {
            "/usr/bin/python3".into()
        } else {
            "python3".into()
        }
    })
}

fn skipped(variable: &str, what: &str) -> bool {
    if std::env::var_os(variable).is_some_and(|v| v == "1") {
        eprintln!("skipped: {what} ({variable}=1)");
        return true;
    }
    false
}

#[test]
fn the_acled_csv_of_the_samples_loads_in_pandas_with_acleds_columns_and_types() {
    let tmp = scratch("csv");
    let dir = tmp.path();
    let (db, events) = samples_store(dir);
    let csv = dir.join("events.csv");
    let stderr = export(&db, "acled-csv", &csv);
    let (rows, total) = exported(&stderr);
    assert_eq!(total, events);
    // Every event the CSV leaves out is named on standard error with its reason.
    let left_out: usize = stderr
        .lines()
        .filter(|l| l.contains("left out"))
        .filter_map(|l| l.trim_start_matches("marsad: ").split_whitespace().next()?.parse::<usize>().ok())
        .sum();
    assert_eq!(rows + left_out, events, "{stderr}");
    let text = std::fs::read_to_string(&csv).expect("the CSV");
    assert_eq!(text.lines().next(), Some(marsad_export::ACLED_COLUMNS.join(",").as_str()));
    if skipped("MARSAD_SKIP_PYTHON", "loading the ACLED CSV in pandas") {
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/check_acled_csv.py");
    let check = Command::new(python())
        .arg(&script)
        .arg(&csv)
        .arg(rows.to_string())
        .output()
        .unwrap_or_else(|e| panic!("running {}: {e} (scripts/test installs python3-pandas)", python()));
    let said = format!("{}{}", String::from_utf8_lossy(&check.stdout), String::from_utf8_lossy(&check.stderr));
    assert!(check.status.success(), "pandas check failed (scripts/test installs python3-pandas):\n{said}");
    eprintln!("{said}");
}

/// The field types `ogrinfo -al -so` reports, by field name.
fn ogr_fields(report: &str) -> std::collections::HashMap<String, String> {
    report
        .lines()
        .filter_map(|l| l.split_once(": "))
        .filter(|(name, _)| !name.contains(' '))
        .map(|(name, kind)| (name.to_string(), kind.split(" (").next().unwrap_or(kind).to_string()))
        .collect()
}

#[test]
fn the_geojson_of_the_samples_loads_in_gdal_with_numeric_fields() {
    let tmp = scratch("geojson");
    let dir = tmp.path();
    let (db, _) = samples_store(dir);
    let file = dir.join("events.geojson");
    let stderr = export(&db, "geojson", &file);
    let (features, _) = exported(&stderr);
    let collection: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("the GeoJSON")).expect("JSON");
    assert_eq!(collection["features"].as_array().map(Vec::len), Some(features));
    if skipped("MARSAD_SKIP_GDAL", "loading the GeoJSON in GDAL") {
        return;
    }
    let output = Command::new("ogrinfo")
        .args(["-al", "-so"])
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("running ogrinfo: {e} (scripts/test installs gdal-bin)"));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "ogrinfo failed: {report}{}", String::from_utf8_lossy(&output.stderr));
    assert!(report.contains("Geometry: Point"), "{report}");
    assert!(report.contains(&format!("Feature Count: {features}")), "{report}");
    let fields = ogr_fields(&report);
    let expect = [
        ("fatalities", "Integer"),
        ("year", "Integer"),
        ("time_precision", "Integer"),
        ("geo_precision", "Integer"),
        ("inter1", "Integer"),
        ("interaction", "Integer"),
        ("iso", "Integer"),
        ("timestamp", "Integer"),
        ("marsad_id", "Integer"),
        ("sources", "Integer"),
        ("latitude", "Real"),
        ("longitude", "Real"),
        ("disputed", "Integer(Boolean)"),
        ("foiled", "Integer(Boolean)"),
        ("event_date", "Date"),
        ("source", "String"),
        ("admin1", "String"),
    ];
    for (name, kind) in expect {
        assert_eq!(fields.get(name).map(String::as_str), Some(kind), "{name} in:\n{report}");
    }
}

#[test]
fn undated_events_are_named_on_stderr_and_dated_by_their_first_report_on_request() {
    let tmp = scratch("undated");
    let dir = tmp.path();
    let db = dir.join("m.db").to_str().expect("utf-8").to_string();
    // No date expression: the coder gives the event no date (it never dates by publication).
    let doc = r#"{"id":"undated","published":"2025-09-07","text":"Gunmen killed four villagers near Kidal, officials said."}"#;
    let input = dir.join("in.jsonl");
    std::fs::write(&input, doc).expect("write");
    let ingest = marsad(&["ingest", input.to_str().expect("utf-8"), "--db", &db]);
    assert!(ingest.status.success(), "{}", String::from_utf8_lossy(&ingest.stderr));
    let csv = dir.join("strict.csv");
    let stderr = export(&db, "acled-csv", &csv);
    assert!(stderr.contains("1 event(s) left out: no date (ids 1)"), "{stderr}");
    assert_eq!(exported(&stderr), (0, 1));
    assert_eq!(std::fs::read_to_string(&csv).expect("csv").lines().count(), 1, "the header only");
    let output = marsad(&["export", "--db", &db, "--undated", "first-report"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 1);
    let column = |name: &str| {
        let i = marsad_export::ACLED_COLUMNS.iter().position(|c| *c == name).expect("a column");
        rows[0][i].to_string()
    };
    assert_eq!(
        (column("event_date"), column("time_precision"), column("tags")),
        ("2025-09-07".into(), "3".into(), "date of first report".into())
    );
    assert_eq!(column("admin1"), "Kidal");
}
