//! Writers side by side and writers killed (issue 9): one writing task per process, the
//! index's lock between processes, and a store and index that always end equal.
//!
//! - 8 clients × 200 concurrent POSTs to `marsad serve --token` while a `marsad ingest` of
//!   1,000 documents runs beside it: every acknowledged document is stored and indexed, the
//!   index holds exactly the store's documents, no answer is a 5xx, the server restarts.
//! - `kill -9` at 100 random moments of an ingest that replaces URLs with corrected versions,
//!   then the same command again: the store and the index equal a clean run's.

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{arg, both, marsad, report, scratch, write_jsonl, Rng, Server};

const CLIENTS: usize = 8;
const POSTS_PER_CLIENT: usize = 200;
const INGESTED: usize = 1000;

#[test]
fn eight_clients_posting_beside_an_ingest_lose_nothing_and_get_no_5xx() {
    let tmp = scratch("concurrent");
    let dir = tmp.path();
    let db = dir.join("m.db");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let ingested: Vec<_> = (0..INGESTED).map(|i| report(&mut rng, &format!("ingested{i}"))).collect();
    write_jsonl(&dir.join("inputs"), &ingested, 5);
    let server = Server::start(&db, &["--token", support::TOKEN]);
    let started = Instant::now();
    // Small batches, so that the ingest takes and gives the lock many times.
    let ingest = Command::new(support::bin())
        .args(["ingest", arg(&dir.join("inputs")), "--db", arg(&db), "--batch", "8"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn marsad ingest");
    let answers: Vec<Vec<(u16, String, Option<i64>)>> = std::thread::scope(|scope| {
        let clients: Vec<_> = (0..CLIENTS)
            .map(|client| {
                let server = &server;
                scope.spawn(move || {
                    let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ ((client as u64 + 1) * 0x1000_0001));
                    (0..POSTS_PER_CLIENT)
                        .map(|n| {
                            let document = report(&mut rng, &format!("posted{client}x{n}"));
                            let reply = server.post_json("/api/documents", &document.to_string());
                            let doc_id = reply.json()["results"][0]["doc_id"].as_i64();
                            (reply.status, reply.body, doc_id)
                        })
                        .collect()
                })
            })
            .collect();
        clients.into_iter().map(|c| c.join().expect("client thread")).collect()
    });
    let posting = started.elapsed();
    let ingest_output = ingest.wait_with_output().expect("ingest finishes");
    assert!(ingest_output.status.success(), "{}", String::from_utf8_lossy(&ingest_output.stderr));
    let answers: Vec<(u16, String, Option<i64>)> = answers.into_iter().flatten().collect();
    let refused: Vec<&(u16, String, Option<i64>)> = answers.iter().filter(|(status, ..)| *status != 201).collect();
    assert!(
        refused.is_empty(),
        "{} of {} POSTs not stored, first: {:?}",
        refused.len(),
        answers.len(),
        refused.first()
    );
    let mut acknowledged: Vec<i64> = answers.iter().filter_map(|(_, _, id)| *id).collect();
    acknowledged.sort_unstable();
    acknowledged.dedup();
    assert_eq!(acknowledged.len(), CLIENTS * POSTS_PER_CLIENT, "every POST stored a document of its own");
    eprintln!(
        "{} POSTs in {:.1} s beside the ingest ({:.0}/s)",
        answers.len(),
        posting.as_secs_f64(),
        answers.len() as f64 / posting.as_secs_f64()
    );
    let health = server.get("/api/health").json();
    assert!(server.stop(), "the server stops cleanly on Ctrl-C");

    // The index holds exactly the store's documents, and the store every acknowledged one.
    let check = marsad(&["check", "--db", arg(&db)]);
    assert!(check.status.success(), "{}", both(&check));
    let total = (INGESTED + CLIENTS * POSTS_PER_CLIENT) as u64;
    assert!(both(&check).contains(&format!("the same {total} documents as the store")), "{}", both(&check));
    assert_eq!(health["documents"], total, "{health}");
    assert_eq!(health["indexed_documents"], total, "{health}");

    // Restartable, and every acknowledged document is there and found.
    let again = Server::start(&db, &["--token", support::TOKEN]);
    let health = again.get("/api/health").json();
    assert_eq!((health["status"].as_str(), health["index"].as_str()), (Some("ok"), Some("ok")), "{health}");
    for id in &acknowledged {
        let reply = again.get(&format!("/api/documents/{id}"));
        assert_eq!(reply.status, 200, "acknowledged document {id}: {}", reply.body);
    }
    let found = again.get("/api/search?q=posted7x199").json();
    assert_eq!(found["hits"].as_array().map(Vec::len), Some(1), "{found}");
    assert!(again.stop());
}

/// Documents whose URLs come back corrected later in the input, with exact repeats and
/// documents without a URL, in files of two documents.
fn replacing_corpus(dir: &Path) -> usize {
    let mut rng = Rng(0x51_7cc1_b727_220a);
    let mut documents = Vec::new();
    for version in 0..3 {
        for k in 0..12 {
            let mut document = report(&mut rng, &format!("story{k}v{version}"));
            document["url"] = serde_json::json!(format!("https://example.org/story/{k}"));
            documents.push(document.clone());
            if k % 4 == 0 {
                documents.push(document); // the same text again: a duplicate
            }
        }
        for k in 0..4 {
            documents.push(report(&mut rng, &format!("brief{version}x{k}")));
        }
    }
    write_jsonl(dir, &documents, 2);
    documents.len()
}

/// What a store and its index hold, as compared with a clean run's: the export, the hits of
/// fixed queries, and `marsad check`'s verdict.
fn observed(db: &Path) -> (String, Vec<Vec<i64>>) {
    let export = marsad(&["export", "--db", arg(db), "--format", "jsonl"]);
    assert!(export.status.success(), "{}", both(&export));
    let check = marsad(&["check", "--db", arg(db)]);
    assert!(check.status.success(), "the index holds exactly the store's documents: {}", both(&check));
    let hits = ["market", "story3v2", "officials"]
        .iter()
        .map(|query| {
            let found = marsad(&["search", query, "--db", arg(db), "--json", "--limit", "500"]);
            assert!(found.status.success(), "{}", both(&found));
            let mut ids: Vec<i64> = String::from_utf8_lossy(&found.stdout)
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v["doc_id"].as_i64())
                .collect();
            ids.sort_unstable();
            ids
        })
        .collect();
    (String::from_utf8_lossy(&export.stdout).into_owned(), hits)
}

#[test]
fn kill_nine_at_a_hundred_moments_of_an_ingest_that_replaces_urls_then_a_rerun_equals_a_clean_run() {
    let tmp = scratch("kill");
    let dir = tmp.path();
    let inputs = dir.join("inputs");
    let documents = replacing_corpus(&inputs);
    let ingest = |db: &Path| -> Command {
        let mut command = Command::new(support::bin());
        command
            .args(["ingest", arg(&inputs), "--db", arg(db), "--batch", "1", "--index-commit", "5"])
            .stdin(Stdio::null());
        command
    };
    let clean = dir.join("clean.db");
    let started = Instant::now();
    let run = ingest(&clean).output().expect("clean run");
    let clean_ms = started.elapsed().as_millis().max(50) as u64;
    assert!(run.status.success(), "{}", both(&run));
    assert!(String::from_utf8_lossy(&run.stderr).contains("replaced 24"), "{}", both(&run));
    let expected = observed(&clean);
    assert!(expected.0.lines().count() > 20, "the corpus yields events ({documents} documents)");
    assert!(expected.1.iter().all(|hits| !hits.is_empty()), "every query finds something: {:?}", expected.1);
    assert_eq!(expected.1[1].len(), 1, "the last version of story 3 is found, the replaced ones are not");

    // 25 rounds of 4 kills at pseudo-random moments over a clean run's duration, each round
    // on a fresh store, then the same command to the end.
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut kills = 0;
    for round in 0..25 {
        let db = dir.join(format!("crash-{round}.db"));
        for _ in 0..4 {
            let mut child = ingest(&db).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("spawn");
            std::thread::sleep(Duration::from_millis(rng.next() % clean_ms));
            let _ = child.kill(); // SIGKILL: no clean-up runs
            let _ = child.wait();
            kills += 1;
        }
        let finish = ingest(&db).output().expect("rerun");
        assert!(finish.status.success(), "round {round}: {}", both(&finish));
        let seen = observed(&db);
        if let Some((n, (got, want))) = seen.0.lines().zip(expected.0.lines()).enumerate().find(|(_, (a, b))| a != b) {
            panic!("round {round}: the export differs from a clean run's at line {n}:\n{got}\nexpected:\n{want}");
        }
        assert_eq!(seen.0.lines().count(), expected.0.lines().count(), "round {round}: events exported");
        assert_eq!(seen.1, expected.1, "round {round}: searches find other documents than after a clean run");
        let _ = std::fs::remove_dir_all(dir.join(format!("crash-{round}.db.index")));
    }
    assert_eq!(kills, 100);
}
