//! The writing task (`marsad_ingest::writer`): concurrent writers queue on it and all land in
//! the store and the index; a crash between the store's and the index's commits is reconciled
//! (replaced versions deleted from the index); the lock of another writer is waited for, up to
//! a bound; a missing index is rebuilt from the store with a note.

use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use marsad_ingest::indexing::index_dir;
use marsad_ingest::writer::{WriteError, Writer, WriterOptions};
use marsad_ingest::{analyse, Analysed, DocumentInput, Ingestor, Outcome};
use marsad_kb::KnowledgeBase;
use marsad_search::{SearchIndex, SearchQuery};
use marsad_store::{SqliteStore, Store};

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<&'static KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| Box::leak(Box::new(KnowledgeBase::embedded().expect("the embedded knowledge base"))))
}

/// A fictional report with a word of its own.
fn report(key: &str, url: Option<&str>, word: &str) -> Analysed {
    analyse(
        kb(),
        DocumentInput {
            key: key.into(),
            url: url.map(str::to_string),
            published: Some("2025-10-01".into()),
            text: format!("Gunmen attacked a market near Gao on Monday, officials said (fictional report {word})."),
            ..DocumentInput::default()
        },
    )
}

/// A writer whose notes are collected.
fn writer(db: &Path, lock_wait: Duration) -> (Writer, Arc<Mutex<Vec<String>>>) {
    let notes = Arc::new(Mutex::new(Vec::new()));
    let sink = notes.clone();
    let options = WriterOptions {
        lock_wait,
        ..WriterOptions::new(move |note| sink.lock().expect("notes").push(note.to_string()))
    };
    (Writer::open(db, kb(), options).expect("open the writer"), notes)
}

/// The store's and the index's document ids.
fn ids(db: &Path) -> (Vec<i64>, Vec<i64>) {
    let stored = SqliteStore::open_read_only(db).expect("store").document_ids().expect("ids");
    let indexed = SearchIndex::open_read_only(&index_dir(db)).expect("index").doc_ids().expect("ids");
    (stored, indexed)
}

fn hits(db: &Path, word: &str) -> Vec<i64> {
    let index = SearchIndex::open_read_only(&index_dir(db)).expect("index");
    let query = SearchQuery { text: word.into(), ..SearchQuery::default() };
    index.search(&query).expect("search").into_iter().map(|h| h.doc_id).collect()
}

#[test]
fn concurrent_writes_queue_and_all_land_in_the_store_and_the_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("m.db");
    let (writer, _) = writer(&db, Duration::from_secs(30));
    let outcomes: Vec<Outcome> = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let writer = &writer;
                scope.spawn(move || {
                    (0..15)
                        .flat_map(|n| {
                            let doc = report(&format!("t{t}n{n}"), None, &format!("qqw{t}x{n}"));
                            writer.write(vec![doc], true).expect("stored")
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        threads.into_iter().flat_map(|t| t.join().expect("thread")).collect()
    });
    assert_eq!(outcomes.len(), 120);
    assert!(outcomes.iter().all(|o| matches!(o, Outcome::Stored { .. })), "{outcomes:?}");
    // Searchable as soon as answered (visible writes), before the writer closes.
    assert_eq!(hits(&db, "qqw7x14").len(), 1);
    writer.close().expect("close");
    let (stored, indexed) = ids(&db);
    assert_eq!(stored.len(), 120);
    assert_eq!(stored, indexed, "the index holds exactly the store's documents");
    assert_eq!(writer.write(vec![report("late", None, "late")], true), Err(WriteError::Stopped));
}

#[test]
fn a_crash_between_the_stores_and_the_indexs_commits_is_reconciled_replaced_versions_included() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("m.db");
    let (first, _) = writer(&db, Duration::from_secs(30));
    first.write(vec![report("a", Some("https://example.org/a"), "firstversion")], true).expect("stored");
    first.write(vec![report("b", None, "otherstory")], true).expect("stored");
    first.close().expect("close");
    // A writer stores a corrected version of the URL and dies before touching the index.
    {
        let store = SqliteStore::open(&db).expect("store");
        let mut ingestor = Ingestor::new(kb(), store);
        ingestor.store_mut().begin().expect("begin");
        let outcome = ingestor.ingest(&report("a", Some("https://example.org/a"), "secondversion")).expect("replaced");
        assert!(matches!(outcome, Outcome::Stored { replaced: Some(1), .. }), "{outcome:?}");
        ingestor.store_mut().commit().expect("commit");
    }
    let (stored, indexed) = ids(&db);
    assert_eq!((stored, indexed), (vec![2, 3], vec![1, 2]), "the index still holds the replaced version");

    let (second, notes) = writer(&db, Duration::from_secs(30));
    second.sync().expect("sync");
    second.close().expect("close");
    let (stored, indexed) = ids(&db);
    assert_eq!(stored, indexed);
    assert_eq!(hits(&db, "firstversion"), Vec::<i64>::new(), "the replaced version is gone from the index");
    assert_eq!(hits(&db, "secondversion"), vec![3]);
    let notes = notes.lock().expect("notes").join("\n");
    assert!(notes.contains("added 1") && notes.contains("removed 1"), "{notes}");
}

#[test]
fn an_earlier_version_of_a_corrected_url_is_a_duplicate_not_a_new_replacement() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("m.db");
    let (writer, _) = writer(&db, Duration::from_secs(30));
    let url = Some("https://example.org/corrected");
    let versions = [report("v1", url, "vone"), report("v2", url, "vtwo"), report("v3", url, "vthree")];
    for version in &versions {
        writer.write(vec![version.clone()], true).expect("stored");
    }
    let again = writer.write(versions.to_vec(), true).expect("read again");
    assert_eq!(again, vec![Outcome::Duplicate { doc_id: 3 }; 3], "every version is known; the correction stays");
    writer.close().expect("close");
    assert_eq!(ids(&db), (vec![3], vec![3]));
}

#[test]
fn another_writers_lock_is_waited_for_up_to_the_bound() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("m.db");
    let (first, _) = writer(&db, Duration::from_secs(30));
    first.write(vec![report("seed", None, "seed")], true).expect("stored");
    first.close().expect("close");

    // Held past the bound: refused, nothing stored.
    let other = SearchIndex::open_writer(&index_dir(&db)).expect("take the lock");
    let (impatient, _) = writer(&db, Duration::from_millis(200));
    let started = Instant::now();
    let refused = impatient.write(vec![report("refused", None, "refused")], true);
    assert!(matches!(refused, Err(WriteError::Busy { .. })), "{refused:?}");
    assert!(started.elapsed() >= Duration::from_millis(200));
    assert_eq!(ids(&db).0.len(), 1, "nothing stored");
    impatient.close().expect("close");

    // Let go within the bound: the write waits, then lands.
    let (patient, _) = writer(&db, Duration::from_secs(30));
    let stored = std::thread::scope(|scope| {
        let write = scope.spawn(|| {
            let started = Instant::now();
            (patient.write(vec![report("waited", None, "waited")], true), started.elapsed())
        });
        std::thread::sleep(Duration::from_millis(500));
        other.close().expect("let the lock go");
        write.join().expect("thread")
    });
    assert!(matches!(stored.0.as_deref(), Ok([Outcome::Stored { .. }])), "{:?}", stored.0);
    assert!(stored.1 >= Duration::from_millis(450), "it waited ({:?})", stored.1);
    patient.close().expect("close");
    assert_eq!(ids(&db).0, ids(&db).1);
}

#[test]
fn a_missing_index_is_rebuilt_from_the_store_with_a_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("m.db");
    let (first, _) = writer(&db, Duration::from_secs(30));
    first.write(vec![report("a", None, "alpha"), report("b", None, "beta")], true).expect("stored");
    first.close().expect("close");
    std::fs::remove_file(index_dir(&db).join("meta.json")).expect("remove meta.json");

    let (second, notes) = writer(&db, Duration::from_secs(30));
    second.sync().expect("sync");
    second.close().expect("close");
    let notes = notes.lock().expect("notes").join("\n");
    assert!(
        notes.contains("meta.json is gone") && notes.contains("rebuilding") && notes.contains("(2 documents)"),
        "{notes}"
    );
    assert_eq!(ids(&db), (vec![1, 2], vec![1, 2]));
    assert_eq!(hits(&db, "beta"), vec![2]);
}
