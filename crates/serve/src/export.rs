//! `GET /api/export`: the events matching the page's filters as a file to download, in the
//! formats of `marsad export` (ACLED CSV, GeoJSON), written by the same code (`marsad-export`).

use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
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

/// The export, with `Content-Disposition: attachment` so a browser saves it. Events without
/// coordinates are left out of GeoJSON; `X-Marsad-Left-Out` says how many.
pub async fn export(State(app): State<App>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let allowed: Vec<&str> = EVENT_FILTERS.iter().copied().chain(["format"]).collect();
    let params = Params::parse(raw.as_deref(), &allowed)?;
    let format = Format::parse(params.get("format"))?;
    let (bytes, left_out) = app
        .read(move |shared, store| {
            let filter = event_filter(shared, &params)?;
            let events = store.events(&filter)?;
            let mut out = Vec::new();
            let written = match format {
                Format::AcledCsv => marsad_export::write_acled_csv(shared.kb, &events, &mut out).map(|()| 0),
                Format::GeoJson => marsad_export::write_geojson(shared.kb, &events, &mut out),
            };
            let left_out = written.map_err(|error| ApiError::Internal(format!("export: {error}")))?;
            Ok((out, left_out))
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
