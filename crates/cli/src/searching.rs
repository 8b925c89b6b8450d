//! `marsad search` and `marsad reindex` (the index follows the store: `marsad_ingest::indexing`).

use crate::export::Filters;
use crate::extract::load_kb;
use anyhow::{Context, Result};
use marsad_ingest::indexing::{catch_up, index_dir};
use marsad_search::{SearchIndex, SearchQuery};
use marsad_store::SqliteStore;
use std::path::PathBuf;

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
    let mut index =
        SearchIndex::open_or_create(&dir).with_context(|| format!("creating the index {}", dir.display()))?;
    let added = catch_up(&store, &mut index, &dir)?;
    eprintln!("marsad: indexed {added} document(s) into {}", dir.display());
    Ok(true)
}
