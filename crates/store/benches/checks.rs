//! Cost of the store's checks on one file: `quick_check` (run by every writer when it opens
//! the store: `marsad ingest`, `marsad reindex`, `marsad serve`) and `integrity_check`
//! (`marsad check`), each on the connection its caller uses. Both read the whole file; the
//! figures are with the file in the page cache.
//!
//! ```sh
//! MARSAD_CHECK_STORE=/tmp/marsad-load/100k.db cargo bench -p marsad-store --bench checks
//! ```
//!
//! Without `MARSAD_CHECK_STORE`, a store of 20,000 generated documents (2 KB of text each) is
//! written to a temporary directory first.

use std::path::PathBuf;

use divan::Bencher;
use marsad_store::sqlite::open;
use marsad_store::{NewDocument, SqliteStore, Store};

fn main() {
    divan::main();
}

/// The store to check (opened for writing, as a writer does, or read-only, as `marsad check`
/// does), and the temporary directory that holds it when generated.
fn store(writing: bool) -> (SqliteStore, Option<tempfile::TempDir>) {
    let reopen = |path: &std::path::Path| {
        if writing {
            open(path).expect("open the store")
        } else {
            SqliteStore::open_read_only(path).expect("open the store")
        }
    };
    if let Some(path) = std::env::var_os("MARSAD_CHECK_STORE").map(PathBuf::from) {
        return (reopen(&path), None);
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("checks.db");
    let mut store = open(&path).expect("create the store");
    let words = ["قصف", "مدينة", "الجيش", "attaque", "village", "drone", "strike", "killed", "بلدة", "forces"];
    store.begin().expect("begin");
    for i in 0..20_000u32 {
        let text: String = (0..300).map(|k| words[((i * 7 + k * 13) % 10) as usize]).collect::<Vec<_>>().join(" ");
        let document = NewDocument {
            key: format!("doc-{i}"),
            content_hash: format!("hash-{i}"),
            url: Some(format!("https://example.org/{i}")),
            outlet: None,
            lang: Some("ar".into()),
            published: Some("2025-01-01".into()),
            title: None,
            text,
            minhash: (0..64).map(|k| i.wrapping_mul(2_654_435_761).wrapping_add(k)).collect(),
            lsh_bands: (0..16).map(|b| u64::from(i) * 16 + b).collect(),
        };
        store.insert_document(&document, &[], None).expect("insert");
    }
    store.commit().expect("commit");
    drop(store);
    (reopen(&path), Some(dir))
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn quick_check(bencher: Bencher) {
    let (store, _dir) = store(true);
    let size = std::fs::metadata(store.path()).map(|m| m.len()).unwrap_or(0);
    eprintln!("quick_check of {} ({:.0} MB)", store.path(), size as f64 / 1e6);
    bencher.bench_local(|| assert!(store.quick_check().expect("quick_check").is_empty()));
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn integrity_check(bencher: Bencher) {
    let (store, _dir) = store(false);
    bencher.bench_local(|| assert!(store.integrity_check().expect("integrity_check").is_empty()));
}
