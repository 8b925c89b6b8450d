//! `GET /api/export`: the events matching the page's filters as a file to download, in the
//! formats of `marsad export` (ACLED CSV, GeoJSON), written by the same code (`marsad-export`).

use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use marsad_export::{Exporter, Undated};
use marsad_store::Store;

use crate::error::ApiError;
use crate::params::{Params, EVENT_FILTERS};
use crate::routes::event_filter;
use crate::App;

/// A format the route writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    AcledCsv,
    GeoJson,
}

impl Format {
    /// The `format` parameter's value (ACLED CSV when absent).
    fn parse(value: Option<&str>) -> Result<Format, ApiError> {
        match value {
            None | Some("acled-csv") => Ok(Format::AcledCsv),
            Some("geojson") => Ok(Format::GeoJson),
            Some(other) => {
                Err(ApiError::invalid("format", format!("`format` is `acled-csv` or `geojson`, got `{other}`")))
            }
        }
    }

    fn media_type(self) -> &'static str {
        match self {
            Format::AcledCsv => "text/csv; charset=utf-8",
            Format::GeoJson => "application/geo+json",
        }
    }

    fn file_name(self) -> &'static str {
        match self {
            Format::AcledCsv => "marsad-events.csv",
            Format::GeoJson => "marsad-events.geojson",
        }
    }
}

/// The `undated` parameter: leave events without a day, week or month out (the default, as
/// ACLED does) or date them by their first report.
fn parse_undated(value: Option<&str>) -> Result<Undated, ApiError> {
    match value {
        None | Some("leave-out") => Ok(Undated::LeaveOut),
        Some("first-report") => Ok(Undated::FirstReport),
        Some(other) => {
            Err(ApiError::invalid("undated", format!("`undated` is `leave-out` or `first-report`, got `{other}`")))
        }
    }
}

/// The export, with `Content-Disposition: attachment` so a browser saves it. Events ACLED's
/// columns cannot date, and in GeoJSON events without coordinates, are left out;
/// `X-Marsad-Left-Out` says how many.
pub async fn export(State(app): State<App>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let allowed: Vec<&str> = EVENT_FILTERS.iter().copied().chain(["format", "undated"]).collect();
    let params = Params::parse(raw.as_deref(), &allowed)?;
    let format = Format::parse(params.get("format"))?;
    let undated = parse_undated(params.get("undated"))?;
    let (bytes, left_out) = app
        .read(move |shared, store| {
            let filter = event_filter(shared, &params)?;
            let events = store.events(&filter)?;
            let mut urls = Vec::new();
            for id in Exporter::documents_needing_urls(&events) {
                if let Some(url) = store.document(id)?.and_then(|d| d.url) {
                    urls.push((id, url));
                }
            }
            let exporter = Exporter::new(shared.kb).with_urls(urls).undated(undated);
            let mut out = Vec::new();
            let written = match format {
                Format::AcledCsv => exporter.write_acled_csv(&events, &mut out),
                Format::GeoJson => exporter.write_geojson(&events, &mut out),
            };
            let written = written.map_err(|error| ApiError::Internal(format!("export: {error}")))?;
            Ok((out, written.left_out_count()))
        })
        .await?;
    let disposition = format!("attachment; filename=\"{}\"", format.file_name());
    Ok((
        [
            (header::CONTENT_TYPE, format.media_type().to_string()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::HeaderName::from_static("x-marsad-left-out"), left_out.to_string()),
        ],
        bytes,
    )
        .into_response())
}
