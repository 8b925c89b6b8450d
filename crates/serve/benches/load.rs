//! Load test of `marsad serve` on loopback, for BENCHMARKS.md. The issue's target: `/api/events`
//! holds ≥ 1,000 requests/s on 2 cores with p99 ≤ 50 ms over a store of 100,000 events, with
//! no errors. Then `/api/points` (the whole map) and `/api/events/{id}` on their own.
//!
//! ```sh
//! cargo bench -p marsad-serve --bench load
//! ```
//!
//! Server and clients share this machine and its cores: the server runs in-process on its own
//! tokio runtime (one worker per core, as `marsad serve`; SQLite on its blocking pool), the
//! clients are plain threads with one keep-alive connection each. The CPU each side used is
//! printed. Environment: `MARSAD_LOAD_SECONDS` (10), `MARSAD_LOAD_CONNECTIONS` (16),
//! `MARSAD_LOAD_EVENTS` (100000), `MARSAD_LOAD_DB` (/tmp/marsad-load/100k.db, made when
//! missing). Exits non-zero when any request failed.

#[allow(dead_code)]
#[path = "../examples/synthetic_store.rs"]
mod synthetic_store;

mod driver;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use driver::{cpu_seconds, quantile, run, Kind, Outcome, Workload};
use marsad_kb::KnowledgeBase;
use marsad_store::{SqliteStore, Store};

fn env<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn ms(micros: u64) -> f64 {
    micros as f64 / 1000.0
}

/// Print what a run measured; returns its error count.
fn report(title: &str, connections: usize, outcome: &Outcome, process_cpu: Option<f64>, per_kind: bool) -> usize {
    let mut all: Vec<u64> = outcome.samples.iter().map(|s| s.micros).collect();
    all.sort_unstable();
    let seconds = outcome.elapsed.as_secs_f64();
    let bytes: usize = outcome.samples.iter().map(|s| s.bytes).sum();
    println!("\n{title}: {connections} connections, {seconds:.1} s");
    println!(
        "  requests {} ({:.0}/s), errors {}, mean answer {:.1} kB",
        all.len(),
        all.len() as f64 / seconds,
        outcome.errors,
        bytes as f64 / all.len().max(1) as f64 / 1000.0
    );
    println!(
        "  latency ms: p50 {:.2}  p90 {:.2}  p99 {:.2}  max {:.2}",
        ms(quantile(&all, 0.5)),
        ms(quantile(&all, 0.9)),
        ms(quantile(&all, 0.99)),
        ms(quantile(&all, 1.0))
    );
    if let Some(total) = process_cpu {
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
        println!(
            "  CPU seconds: server {:.1}, clients {:.1} (of {:.1} available on {cores} cores)",
            (total - outcome.client_cpu).max(0.0),
            outcome.client_cpu,
            seconds * cores as f64
        );
    }
    if per_kind {
        let mut kinds: BTreeMap<Kind, Vec<u64>> = BTreeMap::new();
        for s in &outcome.samples {
            kinds.entry(s.kind).or_default().push(s.micros);
        }
        println!("  {:<20} {:>7} {:>8} {:>8} {:>8}", "kind", "n", "p50 ms", "p99 ms", "max ms");
        for (kind, mut v) in kinds {
            v.sort_unstable();
            println!(
                "  {:<20} {:>7} {:>8.2} {:>8.2} {:>8.2}",
                kind.name(),
                v.len(),
                ms(quantile(&v, 0.5)),
                ms(quantile(&v, 0.99)),
                ms(quantile(&v, 1.0))
            );
        }
    }
    for error in &outcome.first_errors {
        println!("  error: {error}");
    }
    outcome.errors
}

/// Run a workload, measuring the process's CPU around it.
fn measured(base: &str, workload: Workload, connections: usize, duration: Duration) -> (Outcome, Option<f64>) {
    let before = cpu_seconds("/proc/self/stat");
    let outcome = run(base, workload, connections, duration, false);
    let after = cpu_seconds("/proc/self/stat");
    (outcome, before.zip(after).map(|(b, a)| a - b))
}

fn main() {
    // `cargo bench` passes `--bench`; this harness takes no arguments.
    let seconds: f64 = env("MARSAD_LOAD_SECONDS", 10.0);
    let connections: usize = env("MARSAD_LOAD_CONNECTIONS", 16);
    let events: usize = env("MARSAD_LOAD_EVENTS", 100_000);
    let db = PathBuf::from(env("MARSAD_LOAD_DB", "/tmp/marsad-load/100k.db".to_string()));
    let kb: &'static KnowledgeBase =
        Box::leak(Box::new(KnowledgeBase::embedded().expect("the embedded knowledge base loads")));

    if !db.exists() {
        if let Some(dir) = db.parent() {
            std::fs::create_dir_all(dir).expect("the store's directory");
        }
        let started = Instant::now();
        let written = synthetic_store::generate(&db, events, 1, kb).expect("the synthetic store is written");
        println!(
            "made {} ({} events, {} documents) in {:.1} s",
            db.display(),
            written.events,
            written.documents,
            started.elapsed().as_secs_f64()
        );
    }
    let counts = SqliteStore::open(&db).and_then(|s| s.counts()).expect("the store opens");
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "store {}: {} events, {} documents, {} sources; {} cores; load average before: {}",
        db.display(),
        counts.events,
        counts.documents,
        counts.sources,
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    );

    let server = driver::start_server(&db, kb);
    println!(
        "server {} opened in {:.1} s (App::open: store, search index caught up)",
        server.base,
        server.opened_in.as_secs_f64()
    );

    // Warm-up, not counted: SQLite's page caches and the reader pool fill.
    let warm = run(&server.base, Workload::Events, connections, Duration::from_secs(2), false);
    println!("warm-up: {} requests in 2 s, not counted", warm.samples.len());

    let mut errors = warm.errors;
    let (outcome, cpu) = measured(&server.base, Workload::Events, connections, Duration::from_secs_f64(seconds));
    errors += report("GET /api/events, mixed queries", connections, &outcome, cpu, true);

    let short = Duration::from_secs_f64((seconds / 2.0).clamp(1.0, 5.0));
    let (outcome, cpu) = measured(&server.base, Workload::Points, 2, short);
    errors += report("GET /api/points, no filter (every event with coordinates)", 2, &outcome, cpu, false);

    let (outcome, cpu) = measured(&server.base, Workload::EventById { max: counts.events }, connections, short);
    errors += report("GET /api/events/{id}, random ids", connections, &outcome, cpu, false);

    // Peak resident memory of the whole process (server and clients): Linux only.
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(peak) = status.lines().find(|l| l.starts_with("VmHWM:")) {
        println!("\npeak resident memory (server and clients): {}", peak.trim_start_matches("VmHWM:").trim());
    }
    if errors > 0 {
        eprintln!("load: {errors} request(s) failed");
        std::process::exit(1);
    }
}
