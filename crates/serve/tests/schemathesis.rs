//! schemathesis (a third-party API fuzzer, from PyPI) with all its checks against a real
//! server: the bundled samples stored, writing on with a token. It derives requests from
//! `openapi.json` (the examples, boundary values of every schema, random valid and invalid
//! data, chains of calls through the document's links) and fails on any 5xx, any answer that
//! does not match the document, any schema-valid request refused or schema-invalid request
//! accepted. `scripts/test` installs the pinned version and points `MARSAD_SCHEMATHESIS` at
//! it; run alone without it, this test says it is skipped (unless `MARSAD_REQUIRE_SCHEMATHESIS`
//! is set, as `scripts/test` sets it). `/api/live` is left out: an event stream never ends,
//! and `tests/openapi.rs` checks it. The run is bounded: a fixed number of examples per
//! operation and a fixed seed (`MARSAD_SCHEMATHESIS_SEED` to try another), killed after
//! ten minutes.

mod support;

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{start, Setup, TOKEN};

/// The `st` executable, if installed.
fn schemathesis() -> Option<PathBuf> {
    let path = std::env::var_os("MARSAD_SCHEMATHESIS").map(PathBuf::from)?;
    path.is_file().then_some(path)
}

#[test]
fn schemathesis_finds_no_failure() {
    let Some(st) = schemathesis() else {
        assert!(
            std::env::var_os("MARSAD_REQUIRE_SCHEMATHESIS").is_none(),
            "MARSAD_SCHEMATHESIS does not name schemathesis's `st` (scripts/test installs it)"
        );
        eprintln!("SKIPPED: schemathesis is not installed (scripts/test installs it and sets MARSAD_SCHEMATHESIS)");
        return;
    };
    let server = start(Setup::with_samples());
    let work = tempfile::tempdir().expect("a working directory");
    let hooks = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/schemathesis");
    let seed = std::env::var("MARSAD_SCHEMATHESIS_SEED").unwrap_or_else(|_| "20261203".to_string());
    let mut child = Command::new(st)
        .current_dir(work.path())
        .env("PYTHONPATH", &hooks)
        .env("SCHEMATHESIS_HOOKS", "hooks")
        .env("NO_COLOR", "1")
        .args(["run", &format!("{}/api/openapi.json", server.base), "--checks", "all"])
        .args(["--header", &format!("Authorization: Bearer {TOKEN}")])
        .args(["--exclude-path", "/api/live", "--max-examples", "40", "--seed", &seed, "--workers", "1"])
        .args(["--request-timeout", "30", "--no-color"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("schemathesis starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for schemathesis") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(600) {
            let _ = child.kill();
            panic!("schemathesis ran for more than ten minutes");
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let mut output = String::new();
    child.stdout.take().map(|mut out| out.read_to_string(&mut output));
    child.stderr.take().map(|mut err| err.read_to_string(&mut output));
    eprintln!("schemathesis ran {:.0} s:\n{}", started.elapsed().as_secs_f64(), tail(&output, 60));
    assert!(status.success(), "schemathesis found failures or errors (seed {seed}):\n{output}");
    assert!(output.contains("passed"), "schemathesis tested nothing:\n{output}");
}

/// The last `lines` lines of `text`.
fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}
