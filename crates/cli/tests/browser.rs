//! The analyst desk end to end, in real headless Chromium: the bundled samples are ingested,
//! `marsad serve` is started on a free port, and `crates/serve/e2e/desk.mjs` (playwright-core
//! driving Debian's /usr/bin/chromium) loads the page, clicks the convoy incident's pin, checks
//! the event panel, the evidence and the Arabic right-to-left UI, the rings, roads, town labels,
//! precision and undated events, the error state with its retry, the trends view, and the phone
//! layout, and saves screenshots under `$CARGO_TARGET_DIR/e2e/` (default `target/e2e/`).
//!
//! `scripts/test` installs chromium and playwright-core when they are missing. Without them
//! this test fails, unless `MARSAD_SKIP_BROWSER=1` is set (then it says why and passes).

use std::io::{BufRead, BufReader};

use marsad_indicators::{compute, Config, Corridor, Dating, Day, Event, GeoPrecision, Period, Point, Query, Stop};
use marsad_kb::KnowledgeBase;
use marsad_store::{EventFilter, SqliteStore, Store, StoredEvent};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The server process, killed when the test ends, passing or failing.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

/// What the browser test needs and is not there.
fn missing(e2e: &Path, chromium: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    if !chromium.exists() {
        missing.push(chromium.display().to_string());
    }
    if !e2e.join("node_modules/playwright-core").is_dir() {
        missing.push(e2e.join("node_modules/playwright-core").display().to_string());
    }
    if Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| !s.success())
        .unwrap_or(true)
    {
        missing.push("node (Node.js 18 or newer)".to_string());
    }
    missing
}

/// A fictional report (written for this test) placed only to a region: its event is drawn at
/// the region's centre.
const REGION_REPORT: &str = r#"{"id":"browser-region-test","published":"2025-10-02","source":"Test wire (fictional)","title":"Attack in the Mopti region (a fictional article written for marsad's tests)","text":"Attack in the Mopti region (a fictional article written for marsad's tests)\n\nGunmen killed four civilians in the Mopti region on Wednesday, residents said."}"#;

/// A stored event as the indicators read it (no units or actors: the trends view draws
/// distances, rings, sectors and roads, which need only place, date and type).
fn indicator_event(event: &StoredEvent) -> Option<Event> {
    let s = &event.summary;
    Some(Event {
        id: event.id,
        point: s.lat.zip(s.lon).and_then(|(lat, lon)| Point::new(lat, lon).ok()),
        geo_precision: GeoPrecision::try_from(s.geo_precision).ok()?,
        dating: Dating::from_acled(s.date.as_deref(), s.time_precision).ok()?,
        sub_event_type: s.sub_event_type.parse().ok()?,
        actors: Vec::new(),
        admin1: None,
        admin2: None,
        fatalities: s.fatalities.map_or(0, |f| f.min(u64::from(u32::MAX)) as u32),
        outlets: event.sources.iter().filter_map(|source| source.outlet.clone()).collect(),
        supply_target: false,
    })
}

/// The indicators over the stored events around Mali's capital for the twelve weeks that hold
/// the samples, as the indicators crate serialises them, in the answer of `/api/indicators`
/// (branch h-report): what the trends view draws while the server has no such route.
fn indicators_fixture(db: &Path) -> serde_json::Value {
    let kb = KnowledgeBase::embedded().expect("the embedded knowledge base");
    let store = SqliteStore::open_read_only(db).expect("open the store");
    let events: Vec<Event> =
        store.events(&EventFilter::default()).expect("stored events").iter().filter_map(indicator_event).collect();
    let point = |id: &str| {
        let place = &kb.places[kb.place_index(id)? as usize];
        Point::new(place.lat?, place.lon?).ok()
    };
    let roads: Vec<Corridor> = kb
        .corridors
        .iter()
        .filter_map(|c| {
            let stops = c.points.iter().filter_map(|id| Some(Stop { id: id.clone(), point: point(id)? })).collect();
            Corridor::new(c.id.clone(), stops).ok()
        })
        .collect();
    let capital = kb.places.iter().find(|p| p.capital_of.as_deref() == Some("ML")).expect("Mali's capital");
    let focus = point(&capital.id).expect("the capital's coordinates");
    let day = |text: &str| Day::parse(text).expect("a day");
    let period = Period::new(day("2025-08-04"), day("2025-10-26")).expect("twelve weeks");
    let query = Query::new(focus, period, Config::default()).expect("a query");
    let figures = serde_json::to_value(compute(&events, &roads, &query)).expect("serialisable indicators");
    // The answer's shape of `/api/indicators`: the figures under `indicators`.
    serde_json::json!({
        "focus": {"id": capital.id, "name": capital.name(), "lat": focus.lat(), "lon": focus.lon()},
        "period": {"start": "2025-08-04", "end": "2025-10-26", "days": period.days()},
        "events": {"read": events.len(), "unreadable": []},
        "indicators": figures,
        "empty": null,
    })
}

#[test]
fn the_desk_works_in_headless_chromium() {
    let root = workspace();
    let e2e = root.join("crates/serve/e2e");
    let chromium = PathBuf::from(std::env::var_os("MARSAD_CHROMIUM").unwrap_or_else(|| "/usr/bin/chromium".into()));
    let missing = missing(&e2e, &chromium);
    if !missing.is_empty() {
        let what = missing.join(", ");
        if std::env::var("MARSAD_SKIP_BROWSER").as_deref() == Ok("1") {
            eprintln!("browser test skipped (MARSAD_SKIP_BROWSER=1): missing {what}");
            return;
        }
        panic!("the browser test needs {what}: run scripts/test, which installs them (or set MARSAD_SKIP_BROWSER=1 to skip this test)");
    }

    // A scratch directory, removed when the test ends, passing or failing (after the server,
    // which is made later and so dropped first).
    let scratch = tempfile::Builder::new().prefix("marsad-browser-").tempdir().expect("scratch dir");
    let db = scratch.path().join("marsad.db");
    let db_arg = db.to_str().expect("utf-8 temp path");
    let bin = env!("CARGO_BIN_EXE_marsad");

    let ingest = Command::new(bin).args(["ingest", "--samples", "--db", db_arg]).output().expect("run marsad ingest");
    assert!(ingest.status.success(), "marsad ingest --samples failed: {}", String::from_utf8_lossy(&ingest.stderr));
    let region_doc = scratch.path().join("region.jsonl");
    std::fs::write(&region_doc, format!("{REGION_REPORT}\n")).expect("write the region-level report");
    let ingest =
        Command::new(bin).args(["ingest", "--db", db_arg]).arg(&region_doc).output().expect("run marsad ingest");
    assert!(
        ingest.status.success(),
        "marsad ingest (region report) failed: {}",
        String::from_utf8_lossy(&ingest.stderr)
    );
    let fixture = scratch.path().join("indicators.json");
    std::fs::write(&fixture, indicators_fixture(&db).to_string()).expect("write the indicators fixture");

    let mut child = Command::new(bin)
        .args(["serve", "--db", db_arg, "--addr", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start marsad serve");
    let stderr = child.stderr.take().expect("server stderr");
    let server = Server(child);

    // The server says where it listens on stderr; everything else it says is passed on.
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            match line.strip_prefix("marsad: serving on ") {
                Some(url) => {
                    let _ = tx.send(url.trim().to_string());
                }
                None => eprintln!("server: {line}"),
            }
        }
    });
    let url = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("marsad serve did not print `marsad: serving on URL` within 60 s");

    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target"));
    let target = if target.is_absolute() { target } else { root.join(target) };
    let shot = target.join("e2e/desk.png");
    // A fictional report the page must show live, ingested by another process while it is open.
    let live_doc = scratch.path().join("live.jsonl");
    let report = serde_json::json!({
        "id": "live-gao-protest",
        "published": "2025-10-20",
        "source": "Sample agency (fictional)",
        "title": "Traders protest in Gao (a fictional article written for the marsad project)",
        "text": "Traders protest in Gao (a fictional article written for the marsad project)\n\nHundreds of traders demonstrated peacefully in Gao on Sunday against the closure of the market road, witnesses said.",
    });
    std::fs::write(&live_doc, format!("{report}\n")).expect("write the live document");
    let status = Command::new("node")
        .arg(e2e.join("desk.mjs"))
        .arg(&url)
        .arg(&shot)
        .env("MARSAD_CHROMIUM", &chromium)
        .env("MARSAD_BIN", bin)
        .env("MARSAD_DB", &db)
        .env("MARSAD_LIVE_DOC", &live_doc)
        .env("MARSAD_INDICATORS", &fixture)
        .current_dir(&root)
        .status()
        .expect("run node crates/serve/e2e/desk.mjs");
    drop(server);
    assert!(status.success(), "the browser test failed (its messages are above); screenshot: {}", shot.display());
    eprintln!("browser test passed; screenshot: {}", shot.display());
}
