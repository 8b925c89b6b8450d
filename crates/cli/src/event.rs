//! `marsad event ID`: one event, every source's claim, and why the reports were joined.

use crate::extract::load_kb;
use anyhow::{anyhow, Context, Result};
use marsad_kb::KnowledgeBase;
use marsad_store::{Claim, SqliteStore, Store, StoredEvent};
use std::fmt::Write as _;
use std::path::PathBuf;

/// Arguments of `marsad event`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The event id.
    id: i64,
    /// The store.
    #[arg(long, default_value = "marsad.db")]
    db: PathBuf,
    /// Print the event as JSON instead.
    #[arg(long)]
    json: bool,
}

fn actor_name(kb: &KnowledgeBase, id: &Option<String>) -> String {
    id.as_deref()
        .and_then(|a| kb.actor_index(a))
        .map(|i| kb.actors[i as usize].name.clone())
        .unwrap_or_else(|| "unknown".into())
}

fn place_name(kb: &KnowledgeBase, id: &Option<String>) -> String {
    id.as_deref()
        .and_then(|p| kb.place_index(p))
        .map(|i| kb.places[i as usize].name().to_string())
        .unwrap_or_else(|| "unknown place".into())
}

fn claim_line(kb: &KnowledgeBase, c: &Claim) -> String {
    format!(
        "{} / {} · {} → {} · {} (precision {}) · {} · deaths {}{}",
        c.event_type,
        c.sub_event_type,
        actor_name(kb, &c.actor1),
        actor_name(kb, &c.actor2),
        place_name(kb, &c.place),
        c.geo_precision,
        c.date.as_deref().unwrap_or("undated"),
        c.fatalities.map(|f| f.to_string()).unwrap_or_else(|| "unknown".into()),
        if c.foiled { " · foiled" } else { "" }
    )
}

/// A human-readable account of an event; with `sources`, every claim and the reason it joined.
pub fn describe(kb: &KnowledgeBase, event: &StoredEvent, sources: bool) -> String {
    let independent = event.independent_sources();
    let copies = event.sources.len() - independent;
    let count = if copies > 0 {
        format!("{independent} source(s) and {copies} republication(s)")
    } else {
        format!("{independent} source(s)")
    };
    let mut out = format!(
        "event {} · {}{} · {count}",
        event.id,
        claim_line(kb, &event.summary),
        if event.disputed { " · DISPUTED" } else { "" }
    );
    if sources {
        for (i, s) in event.sources.iter().enumerate() {
            let _ = write!(
                out,
                "\n  source {} · {} ({}, {})\n    claims: {}\n    evidence: «{}»",
                i + 1,
                s.doc_key,
                s.outlet.as_deref().unwrap_or("outlet unknown"),
                s.published.as_deref().unwrap_or("undated"),
                claim_line(kb, &s.claim),
                s.claim.evidence_text
            );
            if let Some(original) = event.sources[..i].iter().position(|earlier| earlier.story == s.story) {
                let _ = write!(out, "\n    republishes source {} (same story): not counted again", original + 1);
            }
            if let Some(by) = &s.claim.attributed_to {
                let _ = write!(out, "\n    attributed to: {by}");
            }
            let _ =
                write!(out, "\n    joined because: {}", if s.reason.is_empty() { "first report" } else { &s.reason });
        }
        if event.disputed {
            let _ = write!(
                out,
                "\n  the sources disagree; the summary keeps the lowest credible toll (ACLED's conservative rule)"
            );
        }
    }
    out
}

/// Run the command.
pub fn run(args: Args) -> Result<bool> {
    let kb = load_kb(None)?;
    let store = SqliteStore::open(&args.db).with_context(|| format!("opening the store {}", args.db.display()))?;
    let event = store
        .event(args.id)
        .context("reading the event")?
        .ok_or_else(|| anyhow!("no event {} in {}", args.id, args.db.display()))?;
    if args.json {
        println!("{}", marsad_export::event_json(&kb, &event));
    } else {
        println!("{}", describe(&kb, &event, true));
    }
    Ok(true)
}
