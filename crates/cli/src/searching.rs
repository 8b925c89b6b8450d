//! `marsad search` and `marsad reindex` (the index follows the store: `marsad_ingest::indexing`).

use crate::export::Filters;
use crate::extract::load_kb;
use anyhow::{Context, Result};
use marsad_ingest::indexing::index_dir;
use marsad_search::{SearchError, SearchIndex, SearchQuery};
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
    // Searching never writes: it works on read-only media and beside a writer.
    let index = SearchIndex::open_read_only(&dir).map_err(|error| match error {
        SearchError::Missing { was_index: false, .. } => {
            anyhow::anyhow!("{error}: ingest documents into {} first", args.db.display())
        }
        error => {
            anyhow::anyhow!("{error}: run `marsad reindex --db {}` to rebuild it from the store", args.db.display())
        }
    })?;
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

/// Run `marsad reindex`: rebuild the search index from the store, through the writing task
/// (it waits for another writer's lock like any write).
pub fn reindex(args: ReindexArgs) -> Result<bool> {
    let kb: &'static marsad_kb::KnowledgeBase = Box::leak(Box::new(load_kb(None)?));
    let notes = marsad_ingest::writer::WriterOptions::new(|note| eprintln!("marsad: {note}"));
    let writer = marsad_ingest::writer::Writer::open(&args.db, kb, notes)?;
    let added = writer.reindex().context("rebuilding the index")?;
    writer.close().context("finishing the index")?;
    eprintln!("marsad: indexed {added} document(s) into {}", index_dir(&args.db).display());
    Ok(true)
}
