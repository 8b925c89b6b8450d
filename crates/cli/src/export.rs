//! `marsad export`: stored events as ACLED CSV, GeoJSON or JSON Lines, filtered.

use crate::extract::load_kb;
use anyhow::{anyhow, Context, Result};
use marsad_export::{Exporter, LeftOut, Undated};
use marsad_kb::KnowledgeBase;
use marsad_store::{DocId, EventFilter, SqliteStore, StoredEvent};
use std::io::Write;
use std::path::PathBuf;

/// Export formats.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ExportFormat {
    /// ACLED's columns in ACLED's order.
    AcledCsv,
    /// A GeoJSON FeatureCollection of points.
    Geojson,
    /// One JSON object per event with every source.
    Jsonl,
}

/// What the ACLED CSV and the GeoJSON do with events dated less precisely than a month.
#[derive(Clone, Copy, Debug, Default, clap::ValueEnum)]
pub enum UndatedChoice {
    /// Leave them out and list them on standard error (ACLED's rule).
    #[default]
    LeaveOut,
    /// Code them to their first report's day, time precision 3, tagged "date of first report".
    FirstReport,
}

/// Filters shared by `export` and `search`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct Filters {
    /// Earliest date (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Latest date (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// ACLED event type (e.g. "Battles").
    #[arg(long)]
    pub event_type: Option<String>,
    /// Actor id (e.g. jnim, fama).
    #[arg(long)]
    pub actor: Option<String>,
    /// Place id (e.g. ml.kayes); with --radius-km, every place within that distance.
    #[arg(long)]
    pub place: Option<String>,
    /// Radius around --place, in km.
    #[arg(long)]
    pub radius_km: Option<f64>,
    /// Language of a source (ar, fr, en).
    #[arg(long)]
    pub lang: Option<String>,
    /// Outlet of a source.
    #[arg(long)]
    pub outlet: Option<String>,
}

/// The place ids a place filter means: the place, or every place within the radius.
pub fn place_ids(kb: &KnowledgeBase, place: &str, radius_km: Option<f64>) -> Result<Vec<String>> {
    let index = kb.place_index(place).ok_or_else(|| anyhow!("unknown place `{place}` (use an id such as ml.kayes)"))?;
    let centre = &kb.places[index as usize];
    let Some(radius) = radius_km else { return Ok(vec![centre.id.clone()]) };
    let (Some(lat), Some(lon)) = (centre.lat, centre.lon) else {
        return Err(anyhow!("place `{place}` has no coordinates for a radius"));
    };
    Ok(marsad_ingest::merge::places_within(kb, (lat, lon), radius))
}

impl Filters {
    /// The store filter these arguments mean.
    pub fn to_event_filter(&self, kb: &KnowledgeBase) -> Result<EventFilter> {
        Ok(EventFilter {
            from: self.from.clone(),
            to: self.to.clone(),
            event_type: self.event_type.clone(),
            actor: self.actor.clone(),
            places: self.place.as_deref().map(|p| place_ids(kb, p, self.radius_km)).transpose()?,
            bbox: None,
            lang: self.lang.clone(),
            outlet: self.outlet.clone(),
            documents: None,
            dated: None,
        })
    }
}

/// Arguments of `marsad export`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "acled-csv")]
    format: ExportFormat,
    /// The store.
    #[arg(long, default_value = "marsad.db")]
    db: PathBuf,
    /// Write here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Events with no date, or only a year, in the ACLED CSV and the GeoJSON.
    #[arg(long, value_enum, default_value = "leave-out")]
    undated: UndatedChoice,
    #[command(flatten)]
    filters: Filters,
}

/// Run the command.
pub fn run(args: Args) -> Result<bool> {
    let kb = load_kb(None)?;
    let store = SqliteStore::open(&args.db).with_context(|| format!("opening the store {}", args.db.display()))?;
    // A damaged row costs only its event: it is named on stderr and the rest is exported.
    let mut unreadable = 0usize;
    let events = marsad_export::read_events(&store, &args.filters.to_event_filter(&kb)?, |id, error| {
        unreadable += 1;
        eprintln!("marsad: event {id} cannot be read ({error}); left out of the export");
    })
    .context("listing events")?;
    let undated = match args.undated {
        UndatedChoice::LeaveOut => Undated::LeaveOut,
        UndatedChoice::FirstReport => Undated::FirstReport,
    };
    let exporter = Exporter::new(&kb).with_urls(document_urls(&store, &events)?).undated(undated);
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let written = match args.format {
        ExportFormat::AcledCsv => exporter.write_acled_csv(&events, &mut out)?,
        ExportFormat::Jsonl => exporter.write_jsonl(&events, &mut out)?,
        ExportFormat::Geojson => exporter.write_geojson(&events, &mut out)?,
    };
    out.flush().context("writing the export")?;
    for line in written.left_out_lines() {
        eprintln!("marsad: {line}");
    }
    if written.left_out.keys().any(|reason| matches!(reason, LeftOut::Undated(_))) {
        eprintln!(
            "marsad: ACLED records no event dated less precisely than a month; `--format jsonl` keeps them, \
             `--undated first-report` dates them by their first report (tagged)"
        );
    }
    eprintln!("marsad: exported {} of {} event(s)", written.rows, events.len());
    if unreadable > 0 {
        eprintln!(
            "marsad: {unreadable} event(s) could not be read and were left out: the store is damaged (`marsad check --db {}`)",
            args.db.display()
        );
    }
    Ok(unreadable == 0)
}

/// The URLs of the documents whose source has no outlet, which name the source by their domain.
fn document_urls(store: &SqliteStore, events: &[StoredEvent]) -> Result<Vec<(DocId, String)>> {
    let mut urls = Vec::new();
    for id in Exporter::documents_needing_urls(events) {
        let document = store.document(id).with_context(|| format!("reading document {id}"))?;
        if let Some(url) = document.and_then(|d| d.url) {
            urls.push((id, url));
        }
    }
    Ok(urls)
}
