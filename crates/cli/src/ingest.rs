//! `marsad ingest`: documents into the store, once each, with their events merged per incident.

use crate::extract::load_kb;
use crate::samples::{SAMPLES, SAMPLES_NAME};
use anyhow::{anyhow, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use marsad_ingest::{analyse, DocumentInput, Ingestor, Outcome, Report};
use marsad_read::{expand_inputs, read_bytes, read_path, Document, Format, ReadError, ReadOptions};
use marsad_store::{SqliteStore, Store};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;

/// Documents indexed between two commits of the search index.
const INDEX_COMMIT_DOCUMENTS: usize = 256;

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
    };
    ingest(args, false).map(|_| ())
}

/// Store the inputs; print the stored events when `show_events`.
fn ingest(args: Args, show_events: bool) -> Result<bool> {
    let kb = load_kb(args.kb.as_ref()).context("loading the knowledge base")?;
    if args.paths.is_empty() && !args.samples {
        return Err(anyhow!("nothing to ingest: give files, directories or `-`, or --samples"));
    }
    let store = SqliteStore::open(&args.db).with_context(|| format!("opening the store {}", args.db.display()))?;
    let index_dir = marsad_ingest::indexing::index_dir(&args.db);
    let mut index = marsad_search::SearchIndex::open_or_create(&index_dir)
        .with_context(|| format!("opening the index {}", index_dir.display()))?;
    // A crash between the store's and the index's commit left documents unindexed: add them.
    let repaired = marsad_ingest::indexing::catch_up(&store, &mut index, &index_dir)?;
    if repaired > 0 {
        eprintln!("marsad: indexed {repaired} stored document(s) the index was missing");
    }
    let mut ingestor = Ingestor::new(&kb, store);
    let options = ReadOptions { max_bytes: args.max_bytes };
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
    let mut stored_ids = Vec::new();
    let mut uncommitted = 0usize;
    let batch_size = args.batch.max(1);
    // Reading and analysis of the next batch run while this one is written: a producer feeds a
    // bounded channel; the writer stores batches strictly in input order.
    let (sender, receiver) = std::sync::mpsc::sync_channel::<(usize, Vec<marsad_ingest::Analysed>, Vec<String>)>(2);
    let kb_ref = &kb;
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
                        Ok(document) => documents.push(input_of(document)),
                        Err(error) => errors.push(error.to_string()),
                    }
                }
                let analysed: Vec<_> = documents.into_par_iter().map(|d| analyse(kb_ref, d)).collect();
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
            ingestor.store_mut().begin().context("starting a batch")?;
            let mut entries = Vec::new();
            for item in &analysed {
                let outcome =
                    ingestor.ingest(item).with_context(|| format!("storing document {}", item.document.key))?;
                if let Outcome::Stored { doc_id, replaced, .. } = &outcome {
                    stored_ids.push(*doc_id);
                    let mut entry = item.index.clone();
                    entry.doc_id = *doc_id;
                    entries.push((entry, *replaced));
                }
                report.add(&outcome);
            }
            ingestor.store_mut().commit().context("committing a batch")?;
            // Then the index, then its marker.
            for (entry, replaced) in &entries {
                if let Some(old) = replaced {
                    index.delete(*old).context("removing a replaced document from the index")?;
                }
                index.add(entry).context("indexing")?;
            }
            // The index commits every INDEX_COMMIT_DOCUMENTS documents (and at the end); the marker
            // follows each commit, and a run after a crash re-adds what lies above it.
            uncommitted += entries.len();
            if uncommitted >= INDEX_COMMIT_DOCUMENTS {
                if let Some(last) = stored_ids.last() {
                    index.commit().context("committing the index")?;
                    marsad_ingest::indexing::mark_indexed(&index_dir, *last)?;
                }
                uncommitted = 0;
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
        if uncommitted > 0 {
            if let Some(last) = stored_ids.last() {
                index.commit().context("committing the index")?;
                marsad_ingest::indexing::mark_indexed(&index_dir, *last)?;
            }
        }
        Ok(())
    });
    outcome?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let counts = ingestor.store().counts().context("counting the store")?;
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
        let events = ingestor.store().events(&marsad_store::EventFilter::default()).context("reading events")?;
        for event in &events {
            println!("{}", crate::event::describe(&kb, event, false));
        }
    }
    Ok(report.failed == 0)
}
