//! `marsad extract`: documents in, one JSON line (or a terminal summary) per document out.

use crate::samples::{SAMPLES, SAMPLES_NAME};
use anyhow::{anyhow, Context, Result};
use marsad_events::trace::Trace;
use marsad_events::EventCoder;
use marsad_extract::Extractor;
use marsad_kb::KnowledgeBase;
use marsad_output::{record, to_json_line, to_terminal, DocumentInfo};
use marsad_read::{expand_inputs, read_bytes, read_path, Document, Format, ReadError, ReadOptions};
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;

/// Output format.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum OutputFormat {
    /// One JSON object per document (the extraction contract).
    Jsonl,
    /// A short summary per document, for reading in a terminal.
    Text,
}

/// Arguments of `marsad extract`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories (read recursively) or `-` for standard input.
    paths: Vec<PathBuf>,
    /// Extract the bundled sample articles (fictional, written for this project).
    #[arg(long)]
    samples: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: OutputFormat,
    /// Include each document's text (`doc.text`), which the offsets count in.
    #[arg(long)]
    with_text: bool,
    /// Read the knowledge base from this `data/` directory instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    kb: Option<PathBuf>,
    /// Largest input file to read, in bytes.
    #[arg(long, default_value_t = 20 * 1024 * 1024)]
    max_bytes: u64,
    /// Add each stage's decisions about events (zones, modality, role features, places, joins).
    #[arg(long)]
    explain: bool,
    /// Print counts of documents read, failed and mentions found on stderr.
    #[arg(short, long)]
    verbose: bool,
}

/// Load the knowledge base named on the command line, or the built-in one.
pub fn load_kb(dir: Option<&PathBuf>) -> Result<KnowledgeBase> {
    let loaded = match dir {
        Some(dir) => KnowledgeBase::from_dir(dir),
        None => KnowledgeBase::embedded(),
    };
    loaded.map_err(|errors| {
        let shown: Vec<String> = errors.iter().take(20).map(|e| e.to_string()).collect();
        anyhow!("the knowledge base has {} problem(s):\n{}", errors.len(), shown.join("\n"))
    })
}

/// Documents rendered in parallel before their lines are written.
const RENDER_CHUNK: usize = 256;

/// Run the command; Ok(false) when some input failed.
pub fn run(args: Args) -> Result<bool> {
    // Kept for the life of the process, which ends with the command: freeing its many small
    // allocations one by one (about 4 M instructions) would buy nothing.
    let kb: &'static KnowledgeBase =
        Box::leak(Box::new(load_kb(args.kb.as_ref()).context("loading the knowledge base")?));
    let extractor = Extractor::new(kb);
    let coder = EventCoder::new(kb);
    let options = ReadOptions { max_bytes: args.max_bytes };
    if args.paths.is_empty() && !args.samples {
        return Err(anyhow!("nothing to read: give files, directories or `-`, or --samples"));
    }
    let (inputs, input_errors) = expand_inputs(&args.paths);
    let mut failed = 0usize;
    for error in &input_errors {
        eprintln!("marsad: {error}");
        failed += 1;
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut documents, mut mentions) = (0usize, 0usize);
    let mut render_chunk = |results: Vec<Result<Document, ReadError>>, out: &mut dyn Write| -> Result<()> {
        let rendered: Vec<Result<(String, usize), String>> = results
            .into_par_iter()
            .map(|result| match result {
                Ok(document) => {
                    for warning in &document.warnings {
                        eprintln!("marsad: {}: warning: {warning}", document.origin);
                    }
                    let extraction = extractor.extract(&document.text, document.title.as_deref());
                    let mut trace = Trace::new(args.explain);
                    let events =
                        coder.code_traced(&document.text, &extraction, document.published.as_deref(), &mut trace);
                    let source = document
                        .source
                        .clone()
                        .or_else(|| document.url.as_deref().and_then(|u| kb.outlet_for_url(u)).map(|o| o.name.clone()));
                    let info = DocumentInfo {
                        id: &document.id,
                        title: document.title.as_deref(),
                        published: document.published.as_deref(),
                        source: source.as_deref(),
                        url: document.url.as_deref(),
                        text: &document.text,
                    };
                    let mut record = record(kb, &info, &extraction, &events, args.with_text);
                    if args.explain {
                        record.explain = Some(trace.render(kb, &document.text).lines().map(str::to_string).collect());
                    }
                    let line = match args.format {
                        OutputFormat::Jsonl => to_json_line(&record) + "\n",
                        OutputFormat::Text => to_terminal(&record),
                    };
                    Ok((line, extraction.mentions.len()))
                }
                Err(error) => Err(error.to_string()),
            })
            .collect();
        for item in rendered {
            match item {
                Ok((line, found)) => {
                    documents += 1;
                    mentions += found;
                    out.write_all(line.as_bytes()).context("writing the output")?;
                }
                Err(message) => {
                    failed += 1;
                    eprintln!("marsad: {message}");
                }
            }
        }
        Ok(())
    };
    let mut emit = |results: Vec<Result<Document, ReadError>>, out: &mut dyn Write| -> Result<()> {
        // Rendered in chunks, written as each chunk is done: the output of a large JSON Lines
        // file is never held whole.
        let mut results = results.into_iter().peekable();
        while results.peek().is_some() {
            let chunk: Vec<Result<Document, ReadError>> = results.by_ref().take(RENDER_CHUNK).collect();
            render_chunk(chunk, out)?;
        }
        Ok(())
    };
    if args.samples {
        let results = read_bytes(std::path::Path::new(SAMPLES_NAME), SAMPLES.as_bytes(), Format::JsonLines, &options);
        emit(results, &mut out)?;
    }
    // Files are read in parallel batches so memory stays bounded however many there are.
    for batch in inputs.chunks(64) {
        let results: Vec<Result<Document, ReadError>> =
            batch.par_iter().flat_map_iter(|path| read_path(path, &options)).collect();
        emit(results, &mut out)?;
    }
    out.flush().context("writing the output")?;
    if args.verbose {
        eprintln!("marsad: {documents} document(s) extracted, {failed} input(s) failed, {mentions} mention(s)");
    }
    Ok(failed == 0)
}
