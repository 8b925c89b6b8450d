//! `marsad report`: a situation report over the store — what changed around the focus, key
//! figures against the previous period, a map and charts, roads, sites, kidnappings, new
//! actors and units, data gaps — every figure citing its events (crates/report).

use crate::extract::load_kb;
use anyhow::{anyhow, Context, Result};
use marsad_indicators::Day;
use marsad_report::{Engine, Lang, PeriodRequest, Request};
use marsad_store::SqliteStore;
use std::io::Write;
use std::path::PathBuf;

/// Report languages.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ReportLang {
    /// Arabic (right to left).
    Ar,
    /// French.
    Fr,
    /// English.
    En,
}

/// Report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML page (inline SVG, no script).
    Html,
    /// Markdown, figures as SVG data URIs.
    Md,
}

/// Arguments of `marsad report`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The store.
    #[arg(long, default_value = "marsad.db")]
    db: PathBuf,
    /// Language of the report.
    #[arg(long, value_enum, default_value = "en")]
    lang: ReportLang,
    /// First day of the period (YYYY-MM-DD); with --to.
    #[arg(long, requires = "to", conflicts_with = "weeks")]
    from: Option<String>,
    /// Last day of the period (YYYY-MM-DD); default: the latest day of a stored event dated to the day or week.
    #[arg(long)]
    to: Option<String>,
    /// Length of the period in weeks, ending on --to (default: data/report/settings.json, 4).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=520))]
    weeks: Option<u32>,
    /// Place id the distances are measured from (default: the theatre's capital, ml.bamako).
    #[arg(long)]
    focus: Option<String>,
    /// A JSON or CSV file of sites (name, lat, lon, radius_km) to list incidents near.
    #[arg(long)]
    sites: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "html")]
    format: ReportFormat,
    /// Write here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

fn day(text: Option<&str>, what: &str) -> Result<Option<Day>> {
    text.map(|t| Day::parse(t).map_err(|e| anyhow!("--{what}: {e}"))).transpose()
}

/// Run the command.
pub fn run(args: Args) -> Result<bool> {
    let kb = load_kb(None)?;
    let engine = Engine::new(&kb)?;
    let sites = match &args.sites {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            marsad_report::sites::parse(&path.display().to_string(), &text)?
        }
        None => Vec::new(),
    };
    let lang = match args.lang {
        ReportLang::Ar => Lang::Ar,
        ReportLang::Fr => Lang::Fr,
        ReportLang::En => Lang::En,
    };
    let period = PeriodRequest {
        since: day(args.from.as_deref(), "from")?,
        until: day(args.to.as_deref(), "to")?,
        weeks: args.weeks,
    };
    let request = Request { lang, focus: args.focus.clone(), period, sites };
    if !args.db.exists() {
        return Err(anyhow!("{}: no such store (run `marsad ingest` first, or give --db)", args.db.display()));
    }
    let store =
        SqliteStore::open_read_only(&args.db).with_context(|| format!("opening the store {}", args.db.display()))?;
    let report = engine.report(&store, &request)?;
    let text = match args.format {
        ReportFormat::Html => marsad_report::render::html(&report),
        ReportFormat::Md => marsad_report::render::markdown(&report),
    };
    match &args.output {
        Some(path) => std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes()).context("writing the report")?;
            out.flush().context("writing the report")?;
        }
    }
    eprintln!("marsad: report with {} cited event(s)", report.notes.len());
    Ok(true)
}
