//! The routes and their handlers: each parses its parameters ([`Params`]), runs its store
//! queries on the blocking pool ([`App::read`]) and returns a view.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, Method, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use marsad_search::SearchQuery;
use marsad_store::queries::{CountBy, EventRow};
use marsad_store::{EventFilter, Store, StoredEvent};
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::params::{cursor, Params, EVENT_FILTERS};
use crate::views::{disputed_fields, entity_view, EventDetail, Namer, SourceView};
use crate::{App, Shared};

/// The OpenAPI document, kept beside the crate and checked against the server by its tests.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// Documents a text search may narrow events to.
const MAX_TEXT_MATCHES: usize = marsad_search::query::MAX_LIMIT;

/// Every route.
pub fn router(app: App) -> Router {
    let body_limit = app.shared.config.max_body_bytes;
    Router::new()
        .route("/api/health", get(health))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/points", get(points))
        .route("/api/counts", get(counts))
        .route("/api/search", get(search))
        .route("/api/documents", get(documents).post(crate::write::post_documents))
        .route("/api/documents/{id}", get(document))
        .route("/api/entities", get(entities))
        .route("/api/entities/{kind}/{id}", get(entity))
        .route("/api/live", get(live))
        .route("/api/indicators", get(crate::reports::indicators))
        .route("/api/report", get(crate::reports::report))
        .route("/api/corridors", get(crate::reference::corridors))
        .route("/api/towns", get(crate::reference::towns))
        .route("/api/outlets", get(crate::reference::outlets))
        .route("/api/export", get(crate::export::export))
        .route("/api/openapi.json", get(openapi))
        .route("/", get(crate::assets::index))
        .route("/assets/{*path}", get(crate::assets::asset))
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(not_found)
        // The body limit is enforced by the writing handler itself, to answer in JSON.
        .layer(axum::extract::DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::from_fn_with_state(app.clone(), crate::guard::guard))
        .with_state(app)
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::NotFound(format!("no route {}", uri.path()))
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::MethodNotAllowed(format!("{method} is not allowed on {}", uri.path()))
}

/// The path's parameters, or a 4xx (a path segment that is not valid UTF-8, say).
fn path_of<T>(path: Result<Path<T>, PathRejection>) -> Result<T, ApiError> {
    path.map(|Path(value)| value)
        .map_err(|rejection| ApiError::invalid("path", format!("unreadable path: {}", rejection.body_text())))
}

/// An id from the path, or a 4xx naming it.
fn id_of(raw: &str, what: &str) -> Result<i64, ApiError> {
    match raw.parse::<i64>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err(ApiError::invalid("id", format!("{what} ids are positive whole numbers, got `{raw}`"))),
    }
}

async fn health(State(app): State<App>, RawQuery(raw): RawQuery) -> Result<Json<Value>, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    app.read(|shared, store| Ok(Json(shared.health(store)?))).await
}

/// Cut a page fetched with one row more than `limit`; the cursor of the next page if there is one.
fn cut_page<T>(rows: &mut Vec<T>, limit: usize, cursor_of: impl Fn(&T) -> String) -> Option<String> {
    if rows.len() <= limit {
        return None;
    }
    rows.truncate(limit);
    rows.last().map(cursor_of)
}

/// The store filter of an event route's parameters, with `q` turned into documents.
pub(crate) fn event_filter(shared: &Shared, params: &Params) -> Result<EventFilter, ApiError> {
    let mut filter = params.event_filter(shared.kb)?;
    if let Some(q) = params.text("q")? {
        let index = shared
            .search
            .as_ref()
            .ok_or_else(|| ApiError::Unavailable("the search index is not open: run `marsad reindex`".into()))?;
        let ids = index.matching_ids(&SearchQuery { text: q, limit: MAX_TEXT_MATCHES, ..SearchQuery::default() })?;
        filter.documents = Some(ids);
    }
    Ok(filter)
}

async fn events(State(app): State<App>, RawQuery(raw): RawQuery) -> Result<Json<Value>, ApiError> {
    let allowed: Vec<&str> = EVENT_FILTERS.iter().copied().chain(["limit", "cursor", "format"]).collect();
    let params = Params::parse(raw.as_deref(), &allowed)?;
    let geojson = match params.get("format") {
        None | Some("json") => false,
        Some("geojson") => true,
        Some(other) => {
            return Err(ApiError::invalid("format", format!("`format` is `json` or `geojson`, got `{other}`")))
        }
    };
    let limit = params.limit()?;
    let after = params.event_cursor()?;
    app.read(move |shared, store| {
        let filter = event_filter(shared, &params)?;
        // One row more than asked says whether there is a next page.
        let mut rows = store.event_page(&filter, after.as_ref(), limit + 1)?;
        let next = cut_page(&mut rows, limit, |r: &EventRow| cursor('e', r.event.id, r.event.summary.date.as_deref()));
        let namer = Namer::new(shared.kb);
        let summaries: Vec<_> = rows.iter().map(|row| namer.summary(row)).collect();
        if geojson {
            let features: Vec<Value> = summaries
                .iter()
                .map(|s| {
                    let geometry = match s.place.as_ref().and_then(|p| p.lat.zip(p.lon)) {
                        Some((lat, lon)) => json!({"type": "Point", "coordinates": [lon, lat]}),
                        None => Value::Null,
                    };
                    // The coordinates are the geometry's; the properties name the place only.
                    let mut properties = serde_json::to_value(s).unwrap_or(Value::Null);
                    if let Some(place) = properties.get_mut("place").and_then(Value::as_object_mut) {
                        place.remove("lat");
                        place.remove("lon");
                    }
                    json!({"type": "Feature", "id": s.id, "geometry": geometry, "properties": properties})
                })
                .collect();
            return Ok(Json(json!({"type": "FeatureCollection", "features": features, "next_cursor": next})));
        }
        Ok(Json(json!({"events": summaries, "next_cursor": next})))
    })
    .await
}

async fn event(
    State(app): State<App>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Json<EventDetail>, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    let id = id_of(&path_of(path)?, "event")?;
    app.read(move |shared, store| {
        let Some(event) = store.event(id)? else { return Err(ApiError::NotFound(format!("no event {id}"))) };
        let namer = Namer::new(shared.kb);
        let mut sources = Vec::with_capacity(event.sources.len());
        for source in &event.sources {
            let document = store.document(source.doc_id)?;
            let (lang, title, url) =
                document.as_ref().map(|d| (d.lang.clone(), d.title.clone(), d.url.clone())).unwrap_or_default();
            sources.push(SourceView {
                doc_id: source.doc_id,
                doc_key: source.doc_key.clone(),
                title,
                url,
                outlet: source.outlet.clone(),
                lang,
                published: source.published.clone(),
                story: source.story,
                reason: source.reason.clone(),
                claim: namer.claim(&source.claim, document.as_ref().map(|d| d.text.as_str())),
            });
        }
        // The list row's counts, from the sources already read.
        let row = EventRow {
            event: StoredEvent {
                id: event.id,
                summary: event.summary.clone(),
                disputed: event.disputed,
                sources: Vec::new(),
            },
            source_count: event.sources.len() as u32,
            independent_sources: event.independent_sources() as u32,
            first_lang: sources.first().and_then(|s| s.lang.clone()),
        };
        Ok(Json(EventDetail { summary: namer.summary(&row), disputed_fields: disputed_fields(&event), sources }))
    })
    .await
}

async fn points(State(app): State<App>, RawQuery(raw): RawQuery) -> Result<Json<Value>, ApiError> {
    let params = Params::parse(raw.as_deref(), EVENT_FILTERS)?;
    app.read(move |shared, store| {
        let filter = event_filter(shared, &params)?;
        let points = store.points(&filter)?;
        let centroids = crate::reference::centroid_events(shared.kb, store, &filter)?;
        let types = shared.kb.taxonomy.event_types();
        let type_index = |t: &str| types.iter().position(|x| *x == t).unwrap_or(types.len());
        Ok(Json(json!({
            "count": points.len(),
            "id": points.iter().map(|p| p.id).collect::<Vec<_>>(),
            "lat": points.iter().map(|p| (p.lat * 1e4).round() / 1e4).collect::<Vec<_>>(),
            "lon": points.iter().map(|p| (p.lon * 1e4).round() / 1e4).collect::<Vec<_>>(),
            "type": points.iter().map(|p| type_index(&p.event_type)).collect::<Vec<_>>(),
            "date": points.iter().map(|p| p.date.as_deref()).collect::<Vec<_>>(),
            "fatalities": points.iter().map(|p| p.fatalities).collect::<Vec<_>>(),
            "disputed": points.iter().map(|p| p.disputed).collect::<Vec<_>>(),
            "centroid": points.iter().map(|p| centroids.contains(&p.id)).collect::<Vec<_>>(),
            "types": types,
        })))
    })
    .await
}

/// The dimension `by` names.
fn count_by(value: Option<&str>) -> Result<CountBy, ApiError> {
    Ok(match value {
        Some("type") => CountBy::EventType,
        Some("sub_type") => CountBy::SubEventType,
        Some("place") => CountBy::Place,
        Some("actor") => CountBy::Actor,
        Some("outlet") => CountBy::Outlet,
        Some("day") => CountBy::Day,
        Some("week") => CountBy::Week,
        other => {
            let got = other.map(|o| format!(", got `{o}`")).unwrap_or_default();
            return Err(ApiError::invalid(
                "by",
                format!("`by` is one of type, sub_type, place, actor, outlet, day, week{got}"),
            ));
        }
    })
}

/// Buckets as JSON, each key named (places and actors from the knowledge base).
fn buckets_json(namer: &Namer, by: CountBy, buckets: &[marsad_store::queries::Bucket]) -> Vec<Value> {
    buckets
        .iter()
        .map(|b| {
            let name = match by {
                CountBy::Place => namer.name("place", &b.key),
                CountBy::Actor => namer.name("actor", &b.key),
                _ => None,
            }
            .unwrap_or_else(|| b.key.clone());
            json!({"key": b.key, "name": name, "count": b.count, "fatalities": b.fatalities})
        })
        .collect()
}

async fn counts(State(app): State<App>, RawQuery(raw): RawQuery) -> Result<Json<Value>, ApiError> {
    let allowed: Vec<&str> = EVENT_FILTERS.iter().copied().chain(["by"]).collect();
    let params = Params::parse(raw.as_deref(), &allowed)?;
    let by_name = params.get("by").map(str::to_string);
    let by = count_by(by_name.as_deref())?;
    app.read(move |shared, store| {
        let filter = event_filter(shared, &params)?;
        let buckets = store.event_counts(&filter, by)?;
        Ok(Json(json!({"by": by_name, "buckets": buckets_json(&Namer::new(shared.kb), by, &buckets)})))
    })
    .await
}

async fn search(State(app): State<App>, RawQuery(raw): RawQuery) -> Result<Json<Value>, ApiError> {
    let params = Params::parse(
        raw.as_deref(),
        &["q", "since", "until", "type", "actor", "place", "near", "km", "lang", "outlet", "limit"],
    )?;
    let limit = params.limit()?;
    app.read(move |shared, store| {
        let Some(text) = params.text("q")? else {
            return Err(ApiError::invalid("q", "`q` (the words to find) is required"));
        };
        let filter = params.event_filter(shared.kb)?;
        let index = shared
            .search
            .as_ref()
            .ok_or_else(|| ApiError::Unavailable("the search index is not open: run `marsad reindex`".into()))?;
        let query = SearchQuery {
            text,
            from: filter.from,
            to: filter.to,
            event_type: filter.event_type,
            actors: filter.actor.into_iter().collect(),
            places: filter.places.unwrap_or_default(),
            lang: filter.lang,
            outlet: filter.outlet,
            limit,
        };
        // A place filter that matches no place (near nowhere) matches nothing, not everything.
        if params.get("near").is_some() && query.places.is_empty() {
            return Ok(Json(json!({"hits": []})));
        }
        let mut hits = Vec::new();
        for hit in index.search(&query)? {
            hits.push(json!({
                "doc_id": hit.doc_id, "score": hit.score, "title": hit.title, "snippet": hit.snippet,
                "published": hit.published, "outlet": hit.outlet, "lang": hit.lang,
                "events": store.document_events(hit.doc_id)?,
            }));
        }
        Ok(Json(json!({"hits": hits})))
    })
    .await
}

async fn documents(State(app): State<App>, RawQuery(raw): RawQuery) -> Result<Json<Value>, ApiError> {
    let params = Params::parse(raw.as_deref(), &["since", "until", "lang", "outlet", "limit", "cursor"])?;
    let filter = params.document_filter()?;
    let limit = params.limit()?;
    let after = params.document_cursor()?;
    app.read(move |_, store| {
        let mut rows = store.document_page(&filter, after.as_ref(), limit + 1)?;
        let next = cut_page(&mut rows, limit, |r| cursor('d', r.id, r.published.as_deref()));
        let documents: Vec<Value> = rows
            .iter()
            .map(|d| json!({"id": d.id, "key": d.key, "title": d.title, "url": d.url, "outlet": d.outlet, "lang": d.lang, "published": d.published}))
            .collect();
        Ok(Json(json!({"documents": documents, "next_cursor": next})))
    })
    .await
}

async fn document(
    State(app): State<App>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    let id = id_of(&path_of(path)?, "document")?;
    app.read(move |shared, store| {
        let Some(document) = store.document(id)? else { return Err(ApiError::NotFound(format!("no document {id}"))) };
        let namer = Namer::new(shared.kb);
        let mentions: Vec<Value> = store
            .mentions(id)?
            .iter()
            .map(|m| json!({"kind": m.kind, "id": m.entity_id, "name": namer.name(&m.kind, &m.entity_id).unwrap_or_else(|| m.entity_id.clone()), "start": m.start, "end": m.end, "text": m.text}))
            .collect();
        Ok(Json(json!({
            "id": id, "key": document.key, "title": document.title, "url": document.url, "outlet": document.outlet,
            "lang": document.lang, "published": document.published, "text": document.text,
            "mentions": mentions, "events": store.document_events(id)?,
        })))
    })
    .await
}

/// The entity kinds the API knows.
const KINDS: [&str; 4] = ["actor", "place", "person", "outlet"];

fn kind_of(value: &str) -> Result<&'static str, ApiError> {
    KINDS.iter().find(|k| **k == value).copied().ok_or_else(|| {
        ApiError::invalid("kind", format!("`kind` is one of actor, place, person, outlet, got `{value}`"))
    })
}

async fn entities(State(app): State<App>, RawQuery(raw): RawQuery) -> Result<Json<Value>, ApiError> {
    let params = Params::parse(raw.as_deref(), &["kind", "q", "limit", "cursor"])?;
    let kind = params.get("kind").map(kind_of).transpose()?;
    let limit = params.limit()?;
    let after = params.entity_cursor()?;
    let q = params.text("q")?.map(|q| marsad_text::fold::fold_str(&q));
    app.read(move |shared, store| {
        // The store lists entities by (kind, id); a page resumes after the cursor's.
        let mut entities: Vec<_> = store
            .entities(kind)?
            .iter()
            .filter(|e| after.as_ref().is_none_or(|(k, i)| (e.kind.as_str(), e.id.as_str()) > (k.as_str(), i.as_str())))
            .map(|e| entity_view(shared.kb, e))
            .filter(|e| {
                q.as_ref().is_none_or(|q| {
                    std::iter::once(&e.name)
                        .chain(e.names.values().flatten())
                        .chain(std::iter::once(&e.id))
                        .any(|n| marsad_text::fold::fold_str(n).contains(q.as_str()))
                })
            })
            .take(limit + 1)
            .collect();
        let next = cut_page(&mut entities, limit, |e| cursor('n', 0, Some(&format!("{}:{}", e.kind, e.id))));
        Ok(Json(json!({"entities": entities, "next_cursor": next})))
    })
    .await
}

async fn entity(
    State(app): State<App>,
    path: Result<Path<(String, String)>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    let (kind, id) = path_of(path)?;
    let kind = kind_of(&kind)?;
    app.read(move |shared, store| {
        let Some(stored) = store.entity(kind, &id)? else {
            return Err(ApiError::NotFound(format!("no {kind} `{id}` in the stored documents")));
        };
        let kb = shared.kb;
        let filter = match kind {
            "actor" => Some(EventFilter { actor: Some(id.clone()), ..EventFilter::default() }),
            // A place stands for itself and every place inside it (a region, a country).
            "place" => {
                let country = kb
                    .place_index(&id)
                    .map(|i| &kb.places[i as usize])
                    .filter(|p| p.kind.as_str() == "country")
                    .and_then(|p| p.country.clone());
                let places = kb
                    .places
                    .iter()
                    .filter(|p| {
                        p.id == id
                            || p.region.as_deref() == Some(id.as_str())
                            || country.is_some() && p.country == country
                    })
                    .map(|p| p.id.clone())
                    .collect();
                Some(EventFilter { places: Some(places), ..EventFilter::default() })
            }
            "outlet" => Some(EventFilter { outlet: Some(stored.name.clone()), ..EventFilter::default() }),
            _ => None,
        };
        let namer = Namer::new(kb);
        let (events, fatalities, by_type, by_week, recent) = match &filter {
            Some(filter) => {
                let by_type = store.event_counts(filter, CountBy::EventType)?;
                let by_week = store.event_counts(filter, CountBy::Week)?;
                let recent: Vec<_> = store.event_page(filter, None, 20)?.iter().map(|r| namer.summary(r)).collect();
                let (events, fatalities) = by_type.iter().fold((0, 0), |(n, f), b| (n + b.count, f + b.fatalities));
                (
                    events,
                    fatalities,
                    buckets_json(&namer, CountBy::EventType, &by_type),
                    buckets_json(&namer, CountBy::Week, &by_week),
                    recent,
                )
            }
            None => (0, 0, Vec::new(), Vec::new(), Vec::new()),
        };
        Ok(Json(json!({
            "entity": entity_view(kb, &stored), "events": events, "fatalities": fatalities,
            "by_type": by_type, "by_week": by_week, "recent_events": recent,
        })))
    })
    .await
}

async fn live(State(app): State<App>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    Ok(crate::live::stream(&app).into_response())
}

async fn openapi(RawQuery(raw): RawQuery, _headers: HeaderMap) -> Result<Response, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    Ok(([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response())
}
