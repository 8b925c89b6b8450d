//! Damaged and unwritable stores and indexes (issue 9, items 5, 6 and 8), each with the
//! behaviour a user should meet: a writer rebuilds a missing or unreadable index from the
//! store and says so, a reader names `marsad reindex`; a damaged store is never written into,
//! `marsad check` reports it and `marsad export` skips only the rows it cannot read; a store
//! that cannot be written says so (health, ingest, POST) instead of failing later or claiming
//! another writer holds it.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

use support::{arg, both, marsad, report, scratch, write_jsonl, Rng, Server};

/// A store with the bundled samples (one document per line of `samples.jsonl`), in a scratch
/// directory removed when the returned guard is dropped.
fn samples_store(name: &str) -> (TempDir, PathBuf) {
    let dir = scratch(name);
    let db = dir.path().join("m.db");
    let ingested = marsad(&["ingest", "--samples", "--db", arg(&db)]);
    assert!(ingested.status.success(), "{}", both(&ingested));
    (dir, db)
}

/// How many documents the bundled samples hold (all distinct, so all stored).
fn samples() -> u64 {
    include_str!("../samples/samples.jsonl").lines().filter(|l| !l.trim().is_empty()).count() as u64
}

fn index_of(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}.index", db.display()))
}

/// Ids `marsad search` finds.
fn found(db: &Path, query: &str) -> Vec<i64> {
    let output = marsad(&["search", query, "--db", arg(db), "--json"]);
    assert!(output.status.success(), "{}", both(&output));
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["doc_id"].as_i64())
        .collect()
}

/// A reader of a damaged index names the fix; a writer rebuilds the index from the store.
fn readers_name_reindex_and_writers_rebuild(db: &Path, damage: &str) {
    let search = marsad(&["search", "Gao", "--db", arg(db)]);
    assert_eq!(search.status.code(), Some(2), "{}", both(&search));
    let said = both(&search);
    assert!(said.contains("marsad reindex") && said.contains(&index_of(db).display().to_string()), "{said}");
    assert!(said.contains(damage), "{said}");
    assert!(!said.contains("already open for writing"), "{said}");
    let check = marsad(&["check", "--db", arg(db)]);
    assert_eq!(check.status.code(), Some(1), "{}", both(&check));
    assert!(both(&check).contains("UNREADABLE"), "{}", both(&check));

    // A writer rebuilds it from the store, saying so, and then finds what it found before.
    let ingest = marsad(&["ingest", "--samples", "--db", arg(db)]);
    assert!(ingest.status.success(), "{}", both(&ingest));
    let said = String::from_utf8_lossy(&ingest.stderr);
    assert!(
        said.contains("rebuilding the search index") && said.contains(&format!("({} documents)", samples())),
        "{said}"
    );
    let check = marsad(&["check", "--db", arg(db)]);
    assert!(check.status.success(), "{}", both(&check));
    assert!(both(&check).contains(&format!("the same {} documents as the store", samples())), "{}", both(&check));
    assert!(!found(db, "Gao").is_empty());
}

#[test]
fn deleted_index_files_are_named_by_readers_and_rebuilt_by_writers_and_the_server() {
    let (_dir, db) = samples_store("deleted-files");
    let hits = found(&db, "Gao");
    let remove_terms = || {
        for entry in std::fs::read_dir(index_of(&db)).expect("index dir").flatten() {
            if entry.path().extension().is_some_and(|e| e == "term") {
                std::fs::remove_file(entry.path()).expect("remove a segment file");
            }
        }
    };
    remove_terms();
    readers_name_reindex_and_writers_rebuild(&db, "FileDoesNotExist");
    assert_eq!(found(&db, "Gao"), hits);

    // A server (even without a token) repairs it when it opens, and says so.
    remove_terms();
    let server = Server::start(&db, &[]);
    let health = server.get("/api/health").json();
    assert_eq!((health["status"].as_str(), health["index"].as_str()), (Some("ok"), Some("ok")), "{health}");
    assert_eq!(health["indexed_documents"], samples(), "{health}");
    assert!(server.log().contains("rebuilding the search index"), "{}", server.log());
    assert!(server.stop());
}

#[test]
fn a_missing_meta_json_is_never_replaced_by_an_empty_index() {
    let (tmp, db) = samples_store("meta-json");
    let dir = tmp.path();
    std::fs::remove_file(index_of(&db).join("meta.json")).expect("remove meta.json");
    readers_name_reindex_and_writers_rebuild(&db, "meta.json is gone");
    // New documents land beside the rebuilt ones.
    let mut rng = Rng(7);
    write_jsonl(&dir.join("more"), &[report(&mut rng, "zquilted1")], 1);
    let more = marsad(&["ingest", arg(&dir.join("more")), "--db", arg(&db)]);
    assert!(more.status.success(), "{}", both(&more));
    assert_eq!(found(&db, "zquilted1").len(), 1);
    let check = marsad(&["check", "--db", arg(&db)]);
    assert!(both(&check).contains(&format!("the same {} documents as the store", samples() + 1)), "{}", both(&check));
}

/// SQLite's page size, from the file header.
fn page_size(bytes: &[u8]) -> usize {
    match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65536,
        n => usize::from(n),
    }
}

#[test]
fn a_store_with_flipped_bytes_is_not_written_into_is_reported_and_exports_what_it_can() {
    let tmp = scratch("flipped");
    let dir = tmp.path();
    let db = dir.join("m.db");
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let documents: Vec<_> = (0..150).map(|i| report(&mut rng, &format!("flip{i}"))).collect();
    write_jsonl(&dir.join("inputs"), &documents, 10);
    let ingested = marsad(&["ingest", arg(&dir.join("inputs")), "--db", arg(&db)]);
    assert!(ingested.status.success(), "{}", both(&ingested));
    let clean = marsad(&["export", "--db", arg(&db), "--format", "jsonl"]);
    let events: Vec<serde_json::Value> =
        String::from_utf8_lossy(&clean.stdout).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert!(events.len() > 50, "{} events", events.len());

    // Flip the header of every page (but the first) holding one event's evidence sentence:
    // its row in `events`, its claim in `event_sources`, its document's text.
    let victim = &events[events.len() / 2];
    let sentence = victim["summary"]["evidence"]["text"].as_str().expect("evidence").to_string();
    let mut bytes = std::fs::read(&db).expect("read the store");
    assert!(!Path::new(&format!("{}-wal", db.display())).exists(), "the WAL was checkpointed");
    let size = page_size(&bytes);
    let pages: Vec<usize> = bytes
        .windows(sentence.len())
        .enumerate()
        .filter(|(_, w)| *w == sentence.as_bytes())
        .map(|(at, _)| at / size)
        .filter(|page| *page > 0)
        .collect();
    assert!(!pages.is_empty(), "the sentence is in the file");
    for page in &pages {
        bytes[page * size..page * size + 8].fill(0xff);
    }
    std::fs::write(&db, &bytes).expect("write the damaged store");

    // Never written into.
    let ingest = marsad(&["ingest", "--samples", "--db", arg(&db)]);
    assert_eq!(ingest.status.code(), Some(2), "{}", both(&ingest));
    let said = both(&ingest);
    assert!(said.contains("the store is damaged") && said.contains("marsad check"), "{said}");
    assert!(said.contains("nothing was written"), "{said}");

    // `marsad check` reports it.
    let check = marsad(&["check", "--db", arg(&db)]);
    assert_eq!(check.status.code(), Some(1), "{}", both(&check));
    assert!(both(&check).contains("DAMAGED"), "{}", both(&check));

    // The export names the events it cannot read and exports the rest.
    let export = marsad(&["export", "--db", arg(&db), "--format", "jsonl"]);
    assert_eq!(export.status.code(), Some(1), "{}", String::from_utf8_lossy(&export.stderr));
    let said = String::from_utf8_lossy(&export.stderr);
    let skipped = said.lines().filter(|l| l.contains("cannot be read") && l.contains("left out")).count();
    let victim_line = format!("event {} cannot be read", victim["id"]);
    assert!(said.contains(&victim_line), "{said}");
    let exported = String::from_utf8_lossy(&export.stdout).lines().count();
    assert!(
        exported > 0 && exported + skipped == events.len(),
        "{exported} exported + {skipped} skipped of {}",
        events.len()
    );

    // A server says so, and refuses to write.
    let server = Server::start(&db, &["--token", support::TOKEN]);
    let health = server.get("/api/health").json();
    assert_eq!(health["status"], "degraded", "{health}");
    assert_eq!(health["writable"], false, "{health}");
    assert!(health["reasons"].to_string().contains("damaged"), "{health}");
    let post = server.post_json("/api/documents", &report(&mut rng, "flipx").to_string());
    assert_eq!(post.status, 503, "{}", post.body);
    assert!(post.body.contains("damaged"), "{}", post.body);
    assert!(server.stop());
}

/// Makes a file or directory unwritable for this process, and writable again when dropped:
/// permissions for an ordinary user, the immutable attribute for root (whom permissions do
/// not stop). None when neither is possible here.
struct ReadOnly(PathBuf, bool);

impl ReadOnly {
    fn make(path: &Path) -> Option<ReadOnly> {
        let root =
            Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
        if root {
            let done = Command::new("chattr").arg("+i").arg(path).status().is_ok_and(|s| s.success());
            return done.then(|| ReadOnly(path.to_path_buf(), true));
        }
        let mut permissions = std::fs::metadata(path).ok()?.permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(path, permissions).ok()?;
        Some(ReadOnly(path.to_path_buf(), false))
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if self.1 {
            let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        } else if let Ok(metadata) = std::fs::metadata(&self.0) {
            let mut permissions = metadata.permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            permissions.set_readonly(false);
            let _ = std::fs::set_permissions(&self.0, permissions);
        }
    }
}

#[test]
fn a_read_only_store_is_reported_as_not_writable_everywhere() {
    let (_dir, db) = samples_store("read-only-store");
    let Some(_guard) = ReadOnly::make(&db) else {
        eprintln!("skipped: cannot make a file read-only here (chattr for root, chmod otherwise)");
        return;
    };
    let ingest = marsad(&["ingest", "--samples", "--db", arg(&db)]);
    assert_eq!(ingest.status.code(), Some(2), "{}", both(&ingest));
    let said = both(&ingest);
    assert!(said.contains("cannot be written") && said.contains(&db.display().to_string()), "{said}");
    assert!(!said.contains("already open"), "{said}");
    assert!(!found(&db, "Gao").is_empty(), "searching still works");

    let server = Server::start(&db, &["--token", support::TOKEN]);
    let health = server.get("/api/health").json();
    assert_eq!((health["writable"].as_bool(), health["status"].as_str()), (Some(false), Some("degraded")), "{health}");
    assert!(health["reasons"].to_string().contains("cannot be written"), "{health}");
    assert_eq!(health["documents"], samples(), "{health}");
    let post = server.post_json("/api/documents", &report(&mut Rng(3), "rox").to_string());
    assert_eq!(post.status, 503, "not a 500: {}", post.body);
    assert!(post.body.contains("cannot be written"), "{}", post.body);
    assert!(server.stop());

    let reader = Server::start(&db, &[]);
    let health = reader.get("/api/health").json();
    assert_eq!((health["writable"].as_bool(), health["status"].as_str()), (Some(false), Some("ok")), "{health}");
    assert!(reader.stop());
}

/// `unshare` wrapping a command so that it sees `dir` mounted read-only; None where mount
/// namespaces are not allowed.
fn read_only_mount(dir: &Path) -> Option<Command> {
    let script = r#"mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && exec "$@""#;
    let works = Command::new("unshare").args(["-rm", "sh", "-c", script, "sh"]).arg(dir).arg("true").status();
    if !works.is_ok_and(|s| s.success()) {
        return None;
    }
    let mut command = Command::new("unshare");
    command.args(["-rm", "sh", "-c", script, "sh"]).arg(dir).arg(support::bin());
    Some(command)
}

#[test]
fn a_read_only_mount_is_searched_and_served_with_accurate_errors() {
    let (tmp, db) = samples_store("read-only-mount");
    let dir = tmp.path();
    let Some(mut wrapped) = read_only_mount(dir) else {
        eprintln!("skipped: mount namespaces (unshare -rm) are not available here");
        return;
    };
    let search = wrapped.args(["search", "Gao", "--db", arg(&db), "--json"]).output().expect("search");
    assert!(search.status.success(), "searching needs no writing: {}", both(&search));
    assert!(!search.stdout.is_empty(), "{}", both(&search));

    let ingest = read_only_mount(dir).expect("unshare").args(["ingest", "--samples", "--db", arg(&db)]).output();
    let ingest = ingest.expect("ingest");
    assert_eq!(ingest.status.code(), Some(2), "{}", both(&ingest));
    let said = both(&ingest);
    assert!(said.contains("Read-only file system") && said.contains("cannot be written"), "{said}");
    assert!(!said.contains("already open"), "{said}");

    let check = read_only_mount(dir).expect("unshare").args(["check", "--db", arg(&db)]).output().expect("check");
    assert!(check.status.success(), "{}", both(&check));

    let server = Server::start_with(read_only_mount(dir).expect("unshare"), &db, &["--token", support::TOKEN]);
    let health = server.get("/api/health").json();
    assert_eq!((health["writable"].as_bool(), health["status"].as_str()), (Some(false), Some("degraded")), "{health}");
    assert_eq!((health["index"].as_str(), health["documents"].as_u64()), (Some("ok"), Some(samples())), "{health}");
    assert!(health["reasons"].to_string().contains("Read-only file system"), "{health}");
    let events = server.get("/api/events");
    assert_eq!(events.status, 200, "reads work: {}", events.body);
    assert!(!events.json()["events"].as_array().is_some_and(Vec::is_empty), "{}", events.body);
    assert_eq!(server.get("/api/search?q=Gao").status, 200);
    let post = server.post_json("/api/documents", &report(&mut Rng(5), "mountx").to_string());
    assert_eq!(post.status, 503, "{}", post.body);
    assert!(post.body.contains("Read-only file system"), "{}", post.body);
    assert!(server.stop());
}
