//! `marsad ingest`: documents into the store, once each, with their events merged per incident.

use crate::extract::load_kb;
use crate::samples::{SAMPLES, SAMPLES_NAME};
use anyhow::{anyhow, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use marsad_ingest::writer::{Writer, WriterOptions};
use marsad_ingest::{analyse, DocumentInput, Report};
use marsad_read::{expand_inputs, read_bytes, read_path, Document, Format, ReadError, ReadOptions};
use marsad_store::{SqliteStore, Store};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;

/// Arguments of `marsad ingest`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories (read recursively) or `-` for standard input.
    paths: Vec<PathBuf>,
    /// Ingest the bundled sample articles (fictional, written for this project) and show their events.
    #[arg(long)]
    samples: bool,
    /// The store (one SQLite file).
    #[arg(long, default_value = "marsad.db")]
    db: PathBuf,
    /// Read the knowledge base from this `data/` directory instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    kb: Option<PathBuf>,
    /// Documents per transaction.
    #[arg(long, default_value_t = 64)]
    batch: usize,
    /// Largest input file to read, in bytes.
    #[arg(long, default_value_t = 20 * 1024 * 1024)]
    max_bytes: u64,
    /// Documents stored between two commits of the search index (a crash loses none: the
    /// next run indexes what the store holds and the index lacks).
    #[arg(long, default_value_t = 256)]
    index_commit: usize,
}

fn input_of(document: Document) -> DocumentInput {
    DocumentInput {
        key: document.id,
        url: document.url,
        outlet: document.source,
        published: document.published,
        title: document.title,
        text: document.text,
    }
}

/// Run the command; Ok(false) when some input failed.
pub fn run(args: Args) -> Result<bool> {
    let show_events = args.samples;
    ingest(args, show_events)
}

/// Ingest the bundled samples into `db` quietly (before serving them).
pub fn ingest_samples(db: &std::path::Path) -> Result<()> {
    let args = Args {
        paths: Vec::new(),
        samples: true,
        db: db.to_path_buf(),
        kb: None,
        batch: 64,
        max_bytes: ReadOptions::default().max_bytes,
        index_commit: 256,
    };
    ingest(args, false).map(|_| ())
}

/// The writing task for `db`, with its notes on stderr and the index checked (and repaired)
/// before anything is written.
pub fn open_writer(db: &std::path::Path, kb: &'static marsad_kb::KnowledgeBase, commit_every: usize) -> Result<Writer> {
    let options =
        WriterOptions { commit_every: commit_every.max(1), ..WriterOptions::new(|note| eprintln!("marsad: {note}")) };
    let writer = Writer::open(db, kb, options)?;
    writer.sync()?;
    Ok(writer)
}

/// Store the inputs; print the stored events when `show_events`.
fn ingest(args: Args, show_events: bool) -> Result<bool> {
    let kb: &'static marsad_kb::KnowledgeBase =
        Box::leak(Box::new(load_kb(args.kb.as_ref()).context("loading the knowledge base")?));
    if args.paths.is_empty() && !args.samples {
        return Err(anyhow!("nothing to ingest: give files, directories or `-`, or --samples"));
    }
    let writer = open_writer(&args.db, kb, args.index_commit)?;
    // The other reading options keep their defaults, whatever options `read` grows.
    #[allow(clippy::needless_update)]
    let options = ReadOptions { max_bytes: args.max_bytes, ..ReadOptions::default() };
    let (inputs, input_errors) = expand_inputs(&args.paths);
    let mut report = Report::default();
    for error in &input_errors {
        eprintln!("marsad: {error}");
        report.failed += 1;
    }
    let terminal = std::io::stderr().is_terminal();
    let progress = if terminal {
        let bar = ProgressBar::new(inputs.len() as u64 + u64::from(args.samples));
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos}/{len} inputs · {msg} [{elapsed_precise}]")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };
    let started = std::time::Instant::now();
    let batch_size = args.batch.max(1);
    // Reading and analysis of the next batch run while this one is written: a producer feeds a
    // bounded channel; the writing task stores batches strictly in input order, one
    // transaction each, and commits the index every few hundred documents.
    let (sender, receiver) = std::sync::mpsc::sync_channel::<(usize, Vec<marsad_ingest::Analysed>, Vec<String>)>(2);
    let options_ref = &options;
    let samples = args.samples;
    let inputs_ref = &inputs;
    let outcome: Result<()> = std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut batches: Vec<Vec<Result<Document, ReadError>>> = Vec::new();
            if samples {
                batches.push(read_bytes(
                    std::path::Path::new(SAMPLES_NAME),
                    SAMPLES.as_bytes(),
                    Format::JsonLines,
                    options_ref,
                ));
            }
            let mut pending = inputs_ref.chunks(batch_size);
            loop {
                let read: Vec<Result<Document, ReadError>> = match batches.pop() {
                    Some(samples) => samples,
                    None => match pending.next() {
                        Some(paths) => paths.par_iter().flat_map_iter(|p| read_path(p, options_ref)).collect(),
                        None => break,
                    },
                };
                let count = read.len();
                let (mut documents, mut errors) = (Vec::with_capacity(count), Vec::new());
                for item in read {
                    match item {
                        Ok(document) => {
                            // Decoding facts (a legacy-encoded JSON Lines line) name file and line.
                            for warning in &document.warnings {
                                eprintln!("marsad: {}: warning: {warning}", document.origin);
                            }
                            documents.push(input_of(document))
                        }
                        Err(error) => errors.push(error.to_string()),
                    }
                }
                let analysed: Vec<_> = documents.into_par_iter().map(|d| analyse(kb, d)).collect();
                if sender.send((count, analysed, errors)).is_err() {
                    break; // the writer stopped on an error
                }
            }
        });
        for (inputs_in_batch, analysed, errors) in receiver {
            for error in errors {
                report.failed += 1;
                match &progress {
                    Some(bar) => bar.println(format!("marsad: {error}")),
                    None => eprintln!("marsad: {error}"),
                }
            }
            // One transaction per batch: a crash keeps whole batches only.
            for outcome in writer.write(analysed, false).context("storing a batch")? {
                report.add(&outcome);
            }
            let rate = report.read as f64 / started.elapsed().as_secs_f64().max(1e-6);
            let message = format!(
                "{} documents ({:.0}/s), {} new, {} duplicates, {} events new, {} merged",
                report.read, rate, report.new, report.duplicates, report.events_new, report.events_merged
            );
            match &progress {
                Some(bar) => {
                    bar.inc(inputs_in_batch as u64);
                    bar.set_message(message);
                }
                None => eprintln!("marsad: {message}"),
            }
        }
        Ok(())
    });
    outcome?;
    // Commit the index, wait for its merges, let its lock go.
    writer.close().context("finishing the index")?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let store = SqliteStore::open(&args.db).with_context(|| format!("opening the store {}", args.db.display()))?;
    let counts = store.counts().context("counting the store")?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "marsad: read {} · new {} · duplicates {} · near-duplicates {} · replaced {} · failed {} · events new {} · merged {} · {:.1} s ({:.0} documents/s)",
        report.read, report.new, report.duplicates, report.near_duplicates, report.replaced, report.failed, report.events_new, report.events_merged, seconds, report.read as f64 / seconds.max(1e-6)
    );
    eprintln!(
        "marsad: {} now holds {} documents in {} stories, {} events from {} sources",
        args.db.display(),
        counts.documents,
        counts.stories,
        counts.events,
        counts.sources
    );
    if show_events {
        let events = store.events(&marsad_store::EventFilter::default()).context("reading events")?;
        for event in &events {
            println!("{}", crate::event::describe(kb, event, false));
        }
    }
    Ok(report.failed == 0)
}
