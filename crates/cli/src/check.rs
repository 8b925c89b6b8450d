//! `marsad check`: is the store sound, and does the search index hold exactly its documents?
//!
//! Reads only. The store gets SQLite's full `integrity_check` (every page, every index
//! against its table); the index is opened, every file of its segments read against its
//! checksum, and its document ids compared with the store's.

use anyhow::{Context, Result};
use marsad_ingest::indexing::{index_dir, indexed_through, writer_at_work};
use marsad_search::SearchIndex;
use marsad_store::{SqliteStore, Store};
use std::path::{Path, PathBuf};

/// Arguments of `marsad check`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The store (its index is STORE.index).
    #[arg(long, default_value = "marsad.db")]
    db: PathBuf,
}

/// Ids listed in a message, at most this many.
const SHOWN_IDS: usize = 10;

/// Run the command: Ok(true) when everything is sound, Ok(false) when a problem was found.
pub fn run(args: Args) -> Result<bool> {
    if !args.db.is_file() {
        anyhow::bail!("{}: no such store", args.db.display());
    }
    let store =
        SqliteStore::open_read_only(&args.db).with_context(|| format!("opening the store {}", args.db.display()))?;
    let mut sound = true;
    // A check that SQLite cannot even finish is a damaged store too.
    let problems = store.integrity_check().unwrap_or_else(|error| vec![error.to_string()]);
    if problems.is_empty() {
        let counts = store.counts().context("counting the store")?;
        println!(
            "store {}: sound (integrity_check): {} documents, {} events, {} sources",
            args.db.display(),
            counts.documents,
            counts.events,
            counts.sources
        );
    } else {
        sound = false;
        println!("store {}: DAMAGED ({} problem(s) found by integrity_check):", args.db.display(), problems.len());
        for problem in problems.iter().take(20) {
            println!("  {problem}");
        }
        println!("  restore the file from a backup; `marsad export` still exports the rows it can read");
    }
    let index_sound = check_index(&store, &index_dir(&args.db))?;
    Ok(sound && index_sound)
}

/// The index's files and documents against the store; prints what it finds.
fn check_index(store: &SqliteStore, dir: &Path) -> Result<bool> {
    let index = match SearchIndex::open_read_only(dir) {
        Ok(index) => index,
        Err(error) => {
            println!("index {}: UNREADABLE: {error}; `marsad reindex` rebuilds it from the store", dir.display());
            return Ok(false);
        }
    };
    let damaged = index.verify().context("verifying the index files")?;
    if !damaged.is_empty() {
        println!(
            "index {}: DAMAGED files: {}; `marsad reindex` rebuilds it from the store",
            dir.display(),
            damaged.join(", ")
        );
        return Ok(false);
    }
    let indexed = index.doc_ids().context("reading the index's document ids")?;
    let stored = match store.document_ids() {
        Ok(stored) => stored,
        Err(error) => {
            println!(
                "index {}: cannot be compared with the store, whose documents cannot be read ({error})",
                dir.display()
            );
            return Ok(false);
        }
    };
    let missing: Vec<i64> = stored.iter().copied().filter(|id| indexed.binary_search(id).is_err()).collect();
    let mut extra: Vec<i64> = indexed.iter().copied().filter(|id| stored.binary_search(id).is_err()).collect();
    let doubled = indexed.windows(2).filter(|w| w[0] == w[1]).count();
    extra.dedup();
    if missing.is_empty() && extra.is_empty() && doubled == 0 {
        println!("index {}: sound: the same {} documents as the store", dir.display(), stored.len());
        return Ok(true);
    }
    let at_work = writer_at_work(dir)
        .map(|pid| format!(" (process {pid} is writing: it may be between its store and index commits)"))
        .unwrap_or_default();
    println!(
        "index {}: OUT OF STEP{at_work}: {} document(s) in the index, {} in the store; caught up to document {}",
        dir.display(),
        indexed.len(),
        stored.len(),
        indexed_through(dir)
    );
    if !missing.is_empty() {
        println!("  {} stored document(s) not indexed: {}", missing.len(), ids(&missing));
    }
    if !extra.is_empty() {
        println!("  {} indexed document(s) no longer stored: {}", extra.len(), ids(&extra));
    }
    if doubled > 0 {
        println!("  {doubled} document(s) indexed twice");
    }
    println!("  the next writer (marsad ingest, a server with a token) repairs it, or run `marsad reindex`");
    Ok(false)
}

fn ids(ids: &[i64]) -> String {
    let shown: Vec<String> = ids.iter().take(SHOWN_IDS).map(i64::to_string).collect();
    if ids.len() > SHOWN_IDS {
        format!("{}, …", shown.join(", "))
    } else {
        shown.join(", ")
    }
}
