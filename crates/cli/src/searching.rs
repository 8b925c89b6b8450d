//! Keeping the search index in step with the store, and `marsad search` / `marsad reindex`.
//!
//! The store is the truth; the index is derived from it. After each stored batch the index is
//! committed, then a marker records the highest document id it holds. A crash between the
//! store's commit and the marker leaves documents above the marker unindexed: the next run
//! adds them again from the store (adding is idempotent: a document id replaces itself).

use crate::export::Filters;
use crate::extract::load_kb;
use anyhow::{Context, Result};
use marsad_search::{IndexDoc, SearchIndex, SearchQuery};
use marsad_store::{DocId, SqliteStore};
use std::path::{Path, PathBuf};

/// The index directory that goes with a store file (`marsad.db` → `marsad.db.index`).
pub fn index_dir(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".index");
    PathBuf::from(name)
}

fn marker(dir: &Path) -> PathBuf {
    dir.join("marsad-indexed-through")
}

/// The highest document id the index is known to hold.
pub fn indexed_through(dir: &Path) -> DocId {
    std::fs::read_to_string(marker(dir)).ok().and_then(|s| s.trim().parse().ok()).unwrap_or(0)
}

/// Record the highest document id the index holds (after its commit).
pub fn mark_indexed(dir: &Path, through: DocId) -> Result<()> {
    let tmp = dir.join("marsad-indexed-through.tmp");
    std::fs::write(&tmp, through.to_string()).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, marker(dir)).with_context(|| format!("writing {}", marker(dir).display()))
}

/// The search entry of a stored document, rebuilt from the store.
pub fn stored_doc(store: &SqliteStore, doc_id: DocId) -> Result<Option<IndexDoc>> {
    let Some(document) = store.document(doc_id)? else { return Ok(None) };
    let mentions = store.mentions(doc_id)?;
    let ids = |kind: &str| {
        let mut ids: Vec<String> = mentions.iter().filter(|m| m.kind == kind).map(|m| m.entity_id.clone()).collect();
        ids.sort();
        ids.dedup();
        ids
    };
    Ok(Some(IndexDoc {
        doc_id,
        title: document.title,
        text: document.text,
        lang: document.lang,
        outlet: document.outlet,
        published: document.published,
        event_types: store.document_event_types(doc_id)?,
        actors: ids("actor"),
        places: ids("place"),
    }))
}

/// Add to the index every stored document above its marker (repairs a crash between commits).
pub fn catch_up(store: &SqliteStore, index: &mut SearchIndex, dir: &Path) -> Result<usize> {
    let missing = store.document_ids_after(indexed_through(dir))?;
    let Some(&last) = missing.last() else { return Ok(0) };
    for id in &missing {
        if let Some(doc) = stored_doc(store, *id)? {
            index.add(&doc)?;
        }
    }
    index.commit()?;
    mark_indexed(dir, last)?;
    Ok(missing.len())
}

/// Arguments of `marsad search`.
#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// Words to find (Arabic, French or English; "quotes" for a phrase).
    query: Vec<String>,
    /// The store (its index is STORE.index).
    #[arg(long, default_value = "marsad.db")]
    db: PathBuf,
    /// How many results.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Print results as JSON Lines.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    filters: Filters,
}

/// Run `marsad search`.
pub fn search(args: SearchArgs) -> Result<bool> {
    let kb = load_kb(None)?;
    let dir = index_dir(&args.db);
    let index = SearchIndex::open_or_create(&dir).with_context(|| format!("opening the index {}", dir.display()))?;
    let places = match &args.filters.place {
        Some(place) => crate::export::place_ids(&kb, place, args.filters.radius_km)?,
        None => Vec::new(),
    };
    let query = SearchQuery {
        text: args.query.join(" "),
        from: args.filters.from.clone(),
        to: args.filters.to.clone(),
        event_type: args.filters.event_type.clone(),
        actors: args.filters.actor.iter().cloned().collect(),
        places,
        lang: args.filters.lang.clone(),
        outlet: args.filters.outlet.clone(),
        limit: args.limit,
    };
    let hits = index.search(&query).context("searching")?;
    for hit in &hits {
        if args.json {
            let line = serde_json::json!({"doc_id": hit.doc_id, "score": hit.score, "title": hit.title, "published": hit.published, "outlet": hit.outlet, "lang": hit.lang, "snippet": hit.snippet});
            println!("{line}");
        } else {
            println!(
                "#{} {} · {} · {} · {}\n   {}",
                hit.doc_id,
                hit.published.as_deref().unwrap_or("undated"),
                hit.outlet.as_deref().unwrap_or("outlet unknown"),
                hit.lang.as_deref().unwrap_or("?"),
                hit.title.as_deref().unwrap_or(""),
                hit.snippet.replace('\n', " ")
            );
        }
    }
    eprintln!("marsad: {} result(s)", hits.len());
    Ok(true)
}

/// Arguments of `marsad reindex`.
#[derive(clap::Args, Debug)]
pub struct ReindexArgs {
    /// The store whose index to rebuild.
    #[arg(long, default_value = "marsad.db")]
    db: PathBuf,
}

/// Run `marsad reindex`: rebuild the search index from the store.
pub fn reindex(args: ReindexArgs) -> Result<bool> {
    let dir = index_dir(&args.db);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
    }
    let store = SqliteStore::open(&args.db).with_context(|| format!("opening the store {}", args.db.display()))?;
    let mut index = SearchIndex::open_or_create(&dir).with_context(|| format!("creating the index {}", dir.display()))?;
    let added = catch_up(&store, &mut index, &dir)?;
    eprintln!("marsad: indexed {added} document(s) into {}", dir.display());
    Ok(true)
}
