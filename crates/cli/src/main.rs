//! The `marsad` command: a thin layer that reads arguments, wires the stages together and
//! reports errors with context. All the work is in the library crates.

mod check;
mod event;
mod export;
mod extract;
mod ingest;
mod report;
mod samples;
mod searching;
mod serve;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "marsad", version, about = "Conflict events from Arabic, French and English news.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find the places, actors, people, outlets and events each document names (JSON Lines on stdout).
    Extract(extract::Args),
    /// Store documents and their events, one event per incident with every source.
    Ingest(ingest::Args),
    /// Show one stored event, its sources and why they were joined.
    Event(event::Args),
    /// Export stored events as ACLED CSV, GeoJSON or JSON Lines.
    Export(export::Args),
    /// Search stored documents (Arabic-aware: clitics, spellings) with filters.
    Search(searching::SearchArgs),
    /// Rebuild the search index from the store.
    Reindex(searching::ReindexArgs),
    /// Serve the analyst desk: JSON API and web page (map, timeline, evidence).
    Serve(serve::Args),
    /// Check the store (SQLite's full integrity check) and that the index holds exactly its documents.
    Check(check::Args),
    /// Write a situation report (HTML or Markdown, in Arabic, French or English), every figure cited.
    Report(report::Args),
}

/// mimalloc rather than the system allocator: the pipeline allocates many small strings and
/// vectors per document, and glibc's malloc took about an eighth of its instructions.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome: Result<bool> = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Event(args) => event::run(args),
        Command::Export(args) => export::run(args),
        Command::Search(args) => searching::search(args),
        Command::Reindex(args) => searching::reindex(args),
        Command::Serve(args) => serve::run(args),
        Command::Check(args) => check::run(args),
        Command::Report(args) => report::run(args),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            eprintln!("marsad: {error:#}");
            ExitCode::from(2)
        }
    }
}
