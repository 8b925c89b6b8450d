//! Shared by the writers' and faults' tests: the `marsad` binary run as a user runs it, a
//! `marsad serve` child process with a blocking HTTP client, scratch directories, and
//! generated documents (fictional, built from word lists here) in JSON Lines files.

#![allow(dead_code)] // each test file uses part of this

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The token of writing servers.
pub const TOKEN: &str = "fictional-writer-test-token";

/// The binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_marsad")
}

/// Run `marsad` to the end.
pub fn marsad(args: &[&str]) -> Output {
    Command::new(bin()).args(args).stdin(Stdio::null()).output().expect("run marsad")
}

/// Stdout and stderr of a run, for messages.
pub fn both(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// A fresh directory under the system's temporary directory (`marsad-writers-NAME-…`),
/// removed with everything in it (stores, indexes, `crash-N.db` files) when the guard is
/// dropped, passing or failing, so that runs leave nothing behind. Hold it until the end of
/// the test, after any `Server` or child process writing into it has stopped.
pub fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(&format!("marsad-writers-{name}-")).tempdir().expect("scratch dir")
}

/// A path as an argument.
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// A small deterministic generator (xorshift64).
pub struct Rng(pub u64);

impl Rng {
    /// The next value.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PLACES: &[&str] = &[
    "Gao",
    "Kidal",
    "Mopti",
    "Ségou",
    "Tombouctou",
    "Ménaka",
    "Niamey",
    "Tillabéri",
    "Ouagadougou",
    "Djibo",
    "Dori",
    "Kayes",
    "Sikasso",
    "Diffa",
    "Agadez",
];
const DOERS: &[&str] =
    &["Gunmen", "JNIM fighters", "The Malian army", "Soldiers", "Militiamen", "Unidentified attackers"];
const VERBS: &[&str] = &["attacked", "ambushed", "raided", "shelled"];
const TARGETS: &[&str] = &["a market", "a convoy", "a checkpoint", "a village", "a camp"];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const FILLER: &[&str] = &[
    "residents",
    "council",
    "water",
    "harvest",
    "school",
    "road",
    "trade",
    "cattle",
    "herders",
    "rain",
    "season",
    "prices",
    "fuel",
    "bus",
    "clinic",
    "teachers",
    "farmers",
    "river",
    "bridge",
    "radio",
    "mayor",
    "festival",
    "drought",
    "wells",
    "loans",
    "network",
    "bank",
    "repair",
    "market",
    "journey",
];

/// A short fictional news report with an incident and filler words, distinct per `tag`
/// (its last word), so that documents rarely look like near-duplicates of each other.
pub fn report(rng: &mut Rng, tag: &str) -> serde_json::Value {
    let filler: Vec<&str> = (0..30).map(|_| rng.pick(FILLER)).collect();
    let text = format!(
        "{} {} {} near {} on {}, killing {} people, officials said. Local {}. Reference {tag}.",
        rng.pick(DOERS),
        rng.pick(VERBS),
        rng.pick(TARGETS),
        rng.pick(PLACES),
        rng.pick(DAYS),
        1 + rng.next() % 30,
        filler.join(" "),
    );
    let published = format!("2025-{:02}-{:02}", 1 + rng.next() % 12, 1 + rng.next() % 28);
    serde_json::json!({"id": tag, "published": published, "title": format!("Report {tag} (fictional)"), "text": text})
}

/// Write `documents` as JSON Lines files of `per_file` documents each in `dir`.
pub fn write_jsonl(dir: &Path, documents: &[serde_json::Value], per_file: usize) {
    std::fs::create_dir_all(dir).expect("inputs dir");
    for (n, chunk) in documents.chunks(per_file).enumerate() {
        let body: String = chunk.iter().map(|d| d.to_string() + "\n").collect();
        std::fs::write(dir.join(format!("part-{n:04}.jsonl")), body).expect("write inputs");
    }
}

/// A running `marsad serve` (killed when dropped, if still running).
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Everything it wrote on stderr so far.
    pub log: Arc<Mutex<String>>,
    agent: ureq::Agent,
}

/// An answer: status and body.
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// The body as text.
    pub body: String,
}

impl Reply {
    /// The body as JSON (Null when it is not).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

impl Server {
    /// Start `marsad serve --db DB` on a free port with `extra` arguments; waits until it listens.
    pub fn start(db: &Path, extra: &[&str]) -> Server {
        Server::start_with(Command::new(bin()), db, extra)
    }

    /// Start the server through `command` (a wrapper such as `unshare`), which gets the
    /// `marsad serve` arguments appended.
    pub fn start_with(mut command: Command, db: &Path, extra: &[&str]) -> Server {
        let mut child = command
            .args(["serve", "--db", arg(db), "--addr", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn marsad serve");
        let stderr = child.stderr.take().expect("stderr");
        let log = Arc::new(Mutex::new(String::new()));
        let (sender, receiver) = std::sync::mpsc::channel();
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("serving on ").nth(1) {
                    let _ = sender.send(rest.trim_end_matches('/').to_string());
                }
                if let Ok(mut log) = sink.lock() {
                    log.push_str(&line);
                    log.push('\n');
                }
            }
        });
        let base = match receiver.recv_timeout(Duration::from_secs(120)) {
            Ok(base) => base,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                std::thread::sleep(Duration::from_millis(100));
                panic!("marsad serve did not start: {}", log.lock().map(|l| l.clone()).unwrap_or_default());
            }
        };
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build();
        Server { child, base, log, agent: ureq::Agent::new_with_config(config) }
    }

    /// GET a path.
    pub fn get(&self, path: &str) -> Reply {
        let url = format!("{}{path}", self.base);
        let answer = self.agent.get(&url).call().expect("GET answered");
        reply(answer)
    }

    /// POST JSON with the token.
    pub fn post_json(&self, path: &str, body: &str) -> Reply {
        let url = format!("{}{path}", self.base);
        let answer = self
            .agent
            .post(&url)
            .header("Authorization", &format!("Bearer {TOKEN}"))
            .header("Content-Type", "application/json")
            .send(body)
            .expect("POST answered");
        reply(answer)
    }

    /// Stop it as Ctrl-C does and wait; true when it exited cleanly.
    pub fn stop(mut self) -> bool {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-INT", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                // A failure says how the server ended and what it said, for a run that fails
                // once under load and never alone.
                if !status.success() {
                    eprintln!("marsad serve ended with {status}; its stderr:\n{}", self.log());
                }
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        eprintln!("marsad serve still runs 60 s after Ctrl-C; its stderr:\n{}", self.log());
        false
    }

    /// Its stderr so far.
    pub fn log(&self) -> String {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn reply(mut answer: ureq::http::Response<ureq::Body>) -> Reply {
    let status = answer.status().as_u16();
    let body = answer.body_mut().read_to_string().unwrap_or_default();
    Reply { status, body }
}
