//! `GET /api/indicators` (the indicators crate's figures for a focus and a period, as JSON)
//! and `GET /api/report` (the situation report of `marsad report`, as HTML or Markdown).
//! Both read every stored event matching the filters on the blocking pool, convert them with
//! `marsad-report`'s inputs, and compute; parameters are checked before any store read.

use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use marsad_indicators::{Day, Period};
use marsad_kb::KnowledgeBase;
use marsad_report::{Engine, Lang, PeriodRequest, ReportError, Request};
use marsad_store::EventFilter;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::params::Params;
use crate::App;

/// Longest period of `/api/indicators`, in weeks (about ten years).
pub const MAX_WEEKS: u32 = 520;
/// Longest period of `/api/report`, in weeks.
pub const MAX_REPORT_WEEKS: u32 = 52;

/// The parameters `/api/indicators` takes.
const INDICATOR_PARAMETERS: &[&str] = &["focus", "weeks", "since", "until", "type", "actor", "lang", "outlet"];
/// The parameters `/api/report` takes.
const REPORT_PARAMETERS: &[&str] = &["lang", "format", "focus", "weeks", "until"];

impl From<ReportError> for ApiError {
    fn from(error: ReportError) -> Self {
        match error {
            ReportError::Focus(message) => ApiError::NotFound(format!("`focus`: {message}")),
            ReportError::NoDatedEvents => ApiError::NotFound(
                "no stored event is dated to the day or the week: give `until`, the period's last day".into(),
            ),
            ReportError::Period(message) => ApiError::invalid("until", message),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

/// `focus`: a place id of the knowledge base with coordinates (404 otherwise).
fn focus(params: &Params, kb: &KnowledgeBase) -> Result<Option<String>, ApiError> {
    let Some(id) = params.get("focus") else { return Ok(None) };
    let valid = id
        .split(['.', '_', '-'])
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    if !valid {
        return Err(ApiError::invalid(
            "focus",
            format!("`focus` must be a place id such as ml.bamako, got `{}`", short(id)),
        ));
    }
    marsad_report::settings::focus_point(kb, id)
        .map(|_| Some(id.to_string()))
        .map_err(|message| ApiError::NotFound(format!("`focus`: {message} (see /api/entities?kind=place)")))
}

fn short(text: &str) -> String {
    text.chars().take(40).collect()
}

/// `weeks`: a whole number from 1 to `max`.
fn weeks(params: &Params, max: u32) -> Result<Option<u32>, ApiError> {
    let Some(value) = params.get("weeks") else { return Ok(None) };
    match value.parse::<u32>() {
        Ok(n) if (1..=max).contains(&n) && value.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(n)),
        _ => Err(ApiError::invalid(
            "weeks",
            format!("`weeks` must be a whole number from 1 to {max}, got `{}`", short(value)),
        )),
    }
}

/// A day parameter as the indicators read it.
fn day(params: &Params, name: &str) -> Result<Option<Day>, ApiError> {
    let Some(text) = params.day(name)? else { return Ok(None) };
    Day::parse(&text).map(Some).map_err(|e| ApiError::invalid(name, format!("`{name}`: {e}")))
}

/// The store filter of `type`, `actor`, `lang` and `outlet` (the period is the indicators').
fn event_filter(params: &Params, kb: &KnowledgeBase) -> Result<EventFilter, ApiError> {
    let event_type = match params.get("type") {
        None => None,
        Some(value) => {
            let types = kb.taxonomy.event_types();
            let found = types.iter().find(|t| **t == value).ok_or_else(|| {
                ApiError::invalid("type", format!("unknown event type `{}`: one of {}", short(value), types.join(", ")))
            })?;
            Some(found.to_string())
        }
    };
    let actor = match params.get("actor") {
        None => None,
        Some(id) if kb.actor_index(id).is_some() => Some(id.to_string()),
        Some(id) => {
            return Err(ApiError::NotFound(format!(
                "`actor`: no actor `{}` in the knowledge base (see /api/entities?kind=actor)",
                short(id)
            )))
        }
    };
    Ok(EventFilter {
        event_type,
        actor,
        lang: params.lang()?,
        outlet: params.text("outlet")?,
        ..EventFilter::default()
    })
}

fn engine(kb: &'static KnowledgeBase) -> Result<Engine<'static>, ApiError> {
    Engine::new(kb).map_err(|e| ApiError::Internal(format!("the report's data: {e}")))
}

/// `GET /api/indicators`.
pub async fn indicators(State(app): State<App>, RawQuery(raw): RawQuery) -> Result<Json<Value>, ApiError> {
    let params = Params::parse(raw.as_deref(), INDICATOR_PARAMETERS)?;
    let kb = app.shared.kb;
    let focus_id = focus(&params, kb)?;
    let request = PeriodRequest {
        since: day(&params, "since")?,
        until: day(&params, "until")?,
        weeks: weeks(&params, MAX_WEEKS)?,
    };
    let filter = event_filter(&params, kb)?;
    app.read(move |shared, store| {
        let engine = engine(shared.kb)?;
        let mut loaded = engine.load(store, &filter)?;
        let (id, point) = engine.focus(focus_id.as_deref())?;
        let name = kb.place_index(&id).map(|i| kb.places[i as usize].name().to_string()).unwrap_or_else(|| id.clone());
        let unreadable: Vec<Value> =
            loaded.inputs.unreadable.iter().map(|u| json!({"id": u.id, "reason": u.reason})).collect();
        let (period, indicators, empty) = match engine.period(request, &loaded.inputs) {
            Ok(period) => {
                engine.complete(store, &mut loaded, period.start(), period.end())?;
                let figures = engine.indicators(&loaded.inputs, point, period)?;
                let value = serde_json::to_value(&figures)
                    .map_err(|e| ApiError::Internal(format!("serialising the indicators: {e}")))?;
                (period_json(period), value, Value::Null)
            }
            Err(ReportError::NoDatedEvents) => (
                Value::Null,
                Value::Null,
                json!("no stored event matching the filters is dated to the day or the week: give `until`"),
            ),
            Err(ReportError::Period(message)) => (Value::Null, Value::Null, json!(format!("no period: {message}"))),
            Err(other) => return Err(other.into()),
        };
        Ok(Json(json!({
            "focus": {"id": id, "name": name, "lat": point.lat(), "lon": point.lon()},
            "period": period,
            "events": {"read": loaded.stored.len(), "unreadable": unreadable},
            "indicators": indicators,
            "empty": empty,
        })))
    })
    .await
}

fn period_json(period: Period) -> Value {
    json!({"start": period.start().to_string(), "end": period.end().to_string(), "days": period.days()})
}

/// `GET /api/report`.
pub async fn report(State(app): State<App>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let params = Params::parse(raw.as_deref(), REPORT_PARAMETERS)?;
    let lang = match params.get("lang") {
        None => Lang::En,
        Some(code) => Lang::from_code(code)
            .ok_or_else(|| ApiError::invalid("lang", format!("`lang` is `ar`, `fr` or `en`, got `{}`", short(code))))?,
    };
    let markdown = match params.get("format") {
        None | Some("html") => false,
        Some("md") => true,
        Some(other) => {
            return Err(ApiError::invalid("format", format!("`format` is `html` or `md`, got `{}`", short(other))))
        }
    };
    let kb = app.shared.kb;
    let request = Request {
        lang,
        focus: focus(&params, kb)?,
        period: PeriodRequest { since: None, until: day(&params, "until")?, weeks: weeks(&params, MAX_REPORT_WEEKS)? },
        sites: Vec::new(),
    };
    let text = app
        .read(move |shared, store| {
            let report = engine(shared.kb)?.report(store, &request)?;
            Ok(if markdown { marsad_report::render::markdown(&report) } else { marsad_report::render::html(&report) })
        })
        .await?;
    let media = if markdown { "text/markdown; charset=utf-8" } else { "text/html; charset=utf-8" };
    Ok(([(header::CONTENT_TYPE, media), (header::X_CONTENT_TYPE_OPTIONS, "nosniff")], text).into_response())
}
