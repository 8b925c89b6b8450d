//! The analyst desk end to end, in real headless Chromium: the bundled samples are ingested,
//! `marsad serve` is started on a free port, and `crates/serve/e2e/desk.mjs` (playwright-core
//! driving Debian's /usr/bin/chromium) loads the page, clicks the convoy incident's pin, checks
//! the event panel, the evidence and the Arabic right-to-left UI, and saves a screenshot to
//! `$CARGO_TARGET_DIR/e2e/desk.png` (default `target/e2e/desk.png`).
//!
//! `scripts/test` installs chromium and playwright-core when they are missing. Without them
//! this test fails, unless `MARSAD_SKIP_BROWSER=1` is set (then it says why and passes).

use std::io::{BufRead, BufReader};
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

/// A scratch directory, removed at the end.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
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

    let scratch = Scratch(std::env::temp_dir().join(format!("marsad-browser-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&scratch.0);
    std::fs::create_dir_all(&scratch.0).expect("scratch dir");
    let db = scratch.0.join("marsad.db");
    let db_arg = db.to_str().expect("utf-8 temp path");
    let bin = env!("CARGO_BIN_EXE_marsad");

    let ingest = Command::new(bin).args(["ingest", "--samples", "--db", db_arg]).output().expect("run marsad ingest");
    assert!(ingest.status.success(), "marsad ingest --samples failed: {}", String::from_utf8_lossy(&ingest.stderr));

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
    let live_doc = scratch.0.join("live.jsonl");
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
        .current_dir(&root)
        .status()
        .expect("run node crates/serve/e2e/desk.mjs");
    drop(server);
    assert!(status.success(), "the browser test failed (its messages are above); screenshot: {}", shot.display());
    eprintln!("browser test passed; screenshot: {}", shot.display());
}
