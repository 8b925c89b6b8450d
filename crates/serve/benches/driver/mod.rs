//! The load-test machinery shared by `benches/load.rs` (speed) and `tests/load_smoke.rs`
//! (correctness): the server in-process on its own runtime threads, and client threads (one
//! ureq agent, so one keep-alive connection, each) firing requests for a bounded time and
//! recording every latency.

#![allow(dead_code)] // the smoke test uses part of this

use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use marsad_kb::KnowledgeBase;
use marsad_serve::{serve, App, ServeConfig};

/// Name of every server thread (runtime workers and the blocking pool that runs SQLite).
pub const SERVER_THREAD: &str = "marsad-server";
/// Prefix of the client threads' names.
pub const CLIENT_THREAD: &str = "load-client";

/// A server running in this process.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// How long `App::open` took (it builds or catches up the search index).
    pub opened_in: Duration,
}

/// Start `marsad serve` on 127.0.0.1:0 over `db` (no token), on a multi-threaded runtime like
/// the binary's (one worker per core), in threads of its own. Lives until the process ends.
pub fn start_server(db: &Path, kb: &'static KnowledgeBase) -> Server {
    let config = ServeConfig::new(db.to_path_buf());
    let (sender, receiver) = mpsc::channel::<Result<(String, Duration), String>>();
    std::thread::Builder::new()
        .name(SERVER_THREAD.into())
        .spawn(move || {
            let started = Instant::now();
            let app = match App::open(config, kb) {
                Ok(app) => app,
                Err(error) => return drop(sender.send(Err(format!("App::open: {error}")))),
            };
            let opened_in = started.elapsed();
            let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().thread_name(SERVER_THREAD).build();
            let runtime = match runtime {
                Ok(runtime) => runtime,
                Err(error) => return drop(sender.send(Err(format!("tokio runtime: {error}")))),
            };
            runtime.block_on(async move {
                let listener = match tokio::net::TcpListener::bind("127.0.0.1:0").await {
                    Ok(listener) => listener,
                    Err(error) => return drop(sender.send(Err(format!("bind: {error}")))),
                };
                let address =
                    listener.local_addr().map(|a| (format!("http://{a}"), opened_in)).map_err(|e| e.to_string());
                let _ = sender.send(address);
                if let Err(error) = serve(app, listener).await {
                    eprintln!("load: the server stopped: {error}");
                }
            });
        })
        .expect("a server thread");
    let (base, opened_in) =
        receiver.recv().expect("the server thread answers").unwrap_or_else(|e| panic!("the server did not start: {e}"));
    Server { base, opened_in }
}

/// xorshift64*, so every run fires the same requests.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Percent-encode a query value (all but RFC 3986 unreserved characters).
pub fn enc(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A kind of request, reported on its own line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    All,
    Type,
    Range,
    Actor,
    Near,
    Place,
    Lang,
    Limit50,
    Limit200,
    Combined,
    Cursor,
    Points,
    EventById,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::All => "no filter",
            Kind::Type => "type=",
            Kind::Range => "since/until",
            Kind::Actor => "actor=",
            Kind::Near => "near=&km=",
            Kind::Place => "place=",
            Kind::Lang => "lang=",
            Kind::Limit50 => "limit=50",
            Kind::Limit200 => "limit=200",
            Kind::Combined => "type+actor+since",
            Kind::Cursor => "cursor (pages 2-5)",
            Kind::Points => "/api/points",
            Kind::EventById => "/api/events/{id}",
        }
    }
}

/// The `/api/events` mix: kind and weight (cursor requests follow a page fetched before).
const MIX: &[(Kind, usize)] = &[
    (Kind::All, 10),
    (Kind::Type, 12),
    (Kind::Range, 12),
    (Kind::Actor, 10),
    (Kind::Near, 8),
    (Kind::Place, 8),
    (Kind::Lang, 6),
    (Kind::Limit50, 5),
    (Kind::Limit200, 5),
    (Kind::Combined, 6),
    (Kind::Cursor, 18),
];
const TYPES: &[&str] = &[
    "Battles",
    "Violence against civilians",
    "Explosions/Remote violence",
    "Strategic developments",
    "Protests",
    "Riots",
];
const ACTORS: &[&str] = &[
    "jnim",
    "fama",
    "issp",
    "africa-corps",
    "wagner",
    "forces.bf",
    "forces.ne",
    "vdp",
    "katiba-macina",
    "ansarul-islam",
    "dozo",
    "boko-haram",
];
const PLACES: &[&str] = &[
    "ml.mopti",
    "ml.gao",
    "ml.timbuktu",
    "ml.kidal",
    "ml.menaka",
    "ml.segou",
    "ml.bamako",
    "ml.boni",
    "bf.djibo",
    "bf.dori",
    "bf.fada-ngourma",
    "ne.tillaberi",
    "ne.diffa",
];
const NEAR: &[&str] = &[
    "near=ml.bamako&km=200",
    "near=ml.bamako&km=200",
    "near=ml.mopti&km=100",
    "near=bf.djibo&km=50",
    "near=ne.tillaberi&km=150",
    "near=14.5%2C-4.2&km=100",
];

/// What each client asks for.
#[derive(Debug, Clone, Copy)]
pub enum Workload {
    /// `/api/events` with the mix of [`MIX`].
    Events,
    /// `/api/points`, no filter: every event with coordinates.
    Points,
    /// `/api/events/{id}` for ids drawn from 1..=max.
    EventById { max: u64 },
}

/// A cursor chain in progress: the query and the cursor of its next page.
struct Chain {
    query: String,
    cursor: String,
    depth: usize,
}

/// The first page of an `/api/events` query of this kind.
fn events_query(kind: Kind, rng: &mut Rng) -> String {
    match kind {
        Kind::Type => format!("type={}", enc(TYPES[rng.below(TYPES.len())])),
        Kind::Range => {
            // A week, one or two months, a year, or an open end, starting in 2024-01..2026-10.
            let (year, month, day) = (2024 + rng.below(3), 1 + rng.below(10), 1 + rng.below(22));
            let since = format!("{year}-{month:02}-{day:02}");
            match rng.below(5) {
                0 => format!("since={since}&until={year}-{month:02}-{:02}", day + 6),
                1 => format!("since={since}&until={year}-{:02}-{day:02}", month + 1),
                2 => format!("since={since}&until={year}-{:02}-{day:02}", month + 2),
                3 => format!("since={since}&until={}-{month:02}-{day:02}", year + 1),
                _ => format!("since={since}"),
            }
        }
        Kind::Actor => format!("actor={}", rng.pick(ACTORS)),
        Kind::Near => rng.pick(NEAR).to_string(),
        Kind::Place => format!("place={}", rng.pick(PLACES)),
        Kind::Lang => format!("lang={}", rng.pick(&["ar", "ar", "fr", "en"])),
        Kind::Limit50 => "limit=50".into(),
        Kind::Limit200 => "limit=200".into(),
        Kind::Combined => {
            format!("type={}&actor={}&since=2025-01-01", enc(TYPES[rng.below(3)]), rng.pick(&ACTORS[..6]))
        }
        _ => String::new(),
    }
}

/// One request's result.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub kind: Kind,
    pub micros: u64,
    pub bytes: usize,
}

/// What one run measured.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every request, errors included.
    pub samples: Vec<Sample>,
    /// Non-200 answers, transport failures and (when checking) bodies of the wrong shape.
    pub errors: usize,
    /// The first few errors, for the report.
    pub first_errors: Vec<String>,
    /// Wall time from the first request to the last answer.
    pub elapsed: Duration,
    /// CPU seconds the client threads used (0 where `/proc` is missing).
    pub client_cpu: f64,
}

/// Only the cursor of a page is read from bodies when not checking (serde skips the rest).
#[derive(serde::Deserialize)]
struct Page {
    next_cursor: Option<String>,
}

/// Fire `workload` from `connections` client threads for `duration`. With `check`, every body
/// must be JSON of the route's shape (an `events` array, a points `id` array, an event `id`).
pub fn run(base: &str, workload: Workload, connections: usize, duration: Duration, check: bool) -> Outcome {
    let started = Instant::now();
    let deadline = started + duration;
    let threads: Vec<_> = (0..connections)
        .map(|n| {
            let base = base.to_string();
            std::thread::Builder::new()
                .name(format!("{CLIENT_THREAD}-{n}"))
                .spawn(move || client(&base, workload, n as u64 + 1, deadline, check))
                .expect("a client thread")
        })
        .collect();
    let mut outcome = Outcome::default();
    for thread in threads {
        let part = thread.join().expect("a client thread finishes");
        outcome.samples.extend(part.samples);
        outcome.errors += part.errors;
        outcome.first_errors.extend(part.first_errors);
        outcome.client_cpu += part.client_cpu;
    }
    outcome.first_errors.truncate(10);
    outcome.elapsed = started.elapsed();
    outcome
}

fn client(base: &str, workload: Workload, seed: u64, deadline: Instant, check: bool) -> Outcome {
    let config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .max_redirects(0)
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let mut rng = Rng::new(seed);
    let mut chain: Option<Chain> = None;
    let mut outcome = Outcome::default();
    let fail = |outcome: &mut Outcome, message: String| {
        outcome.errors += 1;
        if outcome.first_errors.len() < 10 {
            outcome.first_errors.push(message);
        }
    };
    while Instant::now() < deadline {
        let (kind, path, query) = match workload {
            Workload::Points => (Kind::Points, "/api/points".to_string(), None),
            Workload::EventById { max } => {
                (Kind::EventById, format!("/api/events/{}", 1 + rng.next() % max.max(1)), None)
            }
            Workload::Events => {
                let mut kind = MIX[{
                    let mut ticket = rng.below(MIX.iter().map(|(_, w)| w).sum());
                    MIX.iter()
                        .position(|(_, w)| {
                            ticket < *w || {
                                ticket -= w;
                                false
                            }
                        })
                        .unwrap_or(0)
                }]
                .0;
                let query = match (kind, chain.take()) {
                    (Kind::Cursor, Some(c)) => {
                        let q = format!(
                            "{}{}cursor={}",
                            c.query,
                            if c.query.is_empty() { "" } else { "&" },
                            enc(&c.cursor)
                        );
                        chain = Some(c);
                        q
                    }
                    (Kind::Cursor, None) => {
                        // Start a chain: its first page counts under its own kind.
                        kind = *rng.pick(&[Kind::All, Kind::Type, Kind::Actor, Kind::Lang, Kind::Near]);
                        let q = events_query(kind, &mut rng);
                        chain = Some(Chain { query: q.clone(), cursor: String::new(), depth: 0 });
                        q
                    }
                    (_, kept) => {
                        chain = kept;
                        events_query(kind, &mut rng)
                    }
                };
                let path = if query.is_empty() { "/api/events".to_string() } else { format!("/api/events?{query}") };
                (kind, path, Some(query))
            }
        };
        let sent = Instant::now();
        let answer = agent.get(&format!("{base}{path}")).call().and_then(|mut r| {
            let status = r.status().as_u16();
            r.body_mut().with_config().limit(256 * 1024 * 1024).read_to_vec().map(|body| (status, body))
        });
        let micros = sent.elapsed().as_micros() as u64;
        let bytes = answer.as_ref().map(|(_, body)| body.len()).unwrap_or(0);
        outcome.samples.push(Sample { kind, micros, bytes });
        let body = match answer {
            Ok((200, body)) => body,
            Ok((status, body)) => {
                fail(
                    &mut outcome,
                    format!("GET {path}: {status} {}", String::from_utf8_lossy(&body[..body.len().min(300)])),
                );
                chain = None;
                continue;
            }
            Err(error) => {
                fail(&mut outcome, format!("GET {path}: {error}"));
                chain = None;
                continue;
            }
        };
        if check {
            let shape = serde_json::from_slice::<serde_json::Value>(&body).map(|v| match workload {
                Workload::Events => {
                    v["events"].is_array() && (v["next_cursor"].is_string() || v["next_cursor"].is_null())
                }
                Workload::Points => v["id"].is_array() && v["count"].is_u64(),
                Workload::EventById { .. } => v["id"].is_i64() || v["id"].is_string(),
            });
            if !matches!(shape, Ok(true)) {
                fail(
                    &mut outcome,
                    format!(
                        "GET {path}: not the expected JSON: {}",
                        String::from_utf8_lossy(&body[..body.len().min(300)])
                    ),
                );
                continue;
            }
        }
        // Follow the chain this answer belongs to (its first page or a later one).
        if let (Some(c), Some(query)) = (chain.as_mut(), query) {
            if kind == Kind::Cursor || (c.depth == 0 && c.query == query) {
                let next = serde_json::from_slice::<Page>(&body).ok().and_then(|p| p.next_cursor);
                match next {
                    Some(cursor) if c.depth < 4 => {
                        c.cursor = cursor;
                        c.depth += 1;
                    }
                    _ => chain = None,
                }
            }
        }
    }
    outcome.client_cpu = cpu_seconds("/proc/thread-self/stat").unwrap_or(0.0);
    outcome
}

/// The `q` quantile (0..=1) of sorted values, nearest rank.
pub fn quantile(sorted: &[u64], q: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// CPU seconds (user + system) in a `/proc` stat file: `/proc/self/stat` for the process
/// (threads that ended included), `/proc/thread-self/stat` for the calling thread. Linux only
/// (None elsewhere); clock ticks are 1/100 s.
pub fn cpu_seconds(stat_file: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(stat_file).ok()?;
    // After the parenthesised name: state is field 3 of proc_pid_stat(5), utime 14, stime 15.
    let fields: Vec<&str> = stat[stat.rfind(')')? + 1..].split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}
