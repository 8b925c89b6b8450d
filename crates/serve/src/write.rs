//! `POST /api/documents`: documents stored through the same reading and ingestion as
//! `marsad ingest`, one request at a time on the server's single writer, and only with the
//! configured token. A refused request writes nothing; a request whose documents are partly
//! unreadable stores the readable ones and lists the others.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use marsad_ingest::{analyse, DocumentInput, Outcome};
use marsad_read::{read_bytes, Format, ReadOptions};
use marsad_search::{SearchError, SearchIndex};
use marsad_store::Store;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::params::Params;
use crate::App;

/// Compare tokens in time independent of where they differ.
fn same_token(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len() && given.iter().zip(expected).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// Writing is on and the request carries its token.
fn authorise(app: &App, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = app.shared.config.token.as_deref() else { return Err(ApiError::WritingDisabled) };
    // The scheme name is case-insensitive (RFC 9110 §11.1).
    let given = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| {
        v.split_once(' ').filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer")).map(|(_, token)| token.trim())
    });
    match given {
        Some(token) if same_token(token.as_bytes(), expected.as_bytes()) => Ok(()),
        Some(_) => Err(ApiError::Unauthorized("the token is not the server's".into())),
        None => Err(ApiError::Unauthorized("writing needs `Authorization: Bearer TOKEN`".into())),
    }
}

/// The reader format of a media type.
fn format_of(media: &str) -> Result<Format, ApiError> {
    Ok(match media {
        "application/json" => Format::Json,
        "application/x-ndjson" | "application/jsonl" | "application/json-lines" => Format::JsonLines,
        "text/plain" => Format::Text,
        "text/html" | "application/xhtml+xml" => Format::Html,
        "application/rss+xml" | "application/atom+xml" | "application/xml" | "text/xml" => Format::Feed,
        other => {
            return Err(ApiError::UnsupportedMediaType(format!(
                "cannot read `{other}`: send application/json, application/x-ndjson, text/plain, text/html, application/rss+xml or application/atom+xml"
            )))
        }
    })
}

/// The body as UTF-8 when the request names its charset (strictly: malformed bytes are an
/// error, never replaced); unchanged otherwise, for the reader to detect.
fn decode_charset(body: &[u8], charset: Option<&str>) -> Result<Vec<u8>, ApiError> {
    let Some(label) = charset else { return Ok(body.to_vec()) };
    let encoding = encoding_rs::Encoding::for_label(label.trim_matches('"').as_bytes())
        .ok_or_else(|| ApiError::UnsupportedMediaType(format!("unknown charset `{label}`")))?;
    let (text, malformed) = encoding.decode_without_bom_handling(body);
    if malformed {
        return Err(ApiError::InvalidBody(format!("the body is not valid {}", encoding.name())));
    }
    Ok(text.into_owned().into_bytes())
}

/// Unwrap `{"documents": [...]}` into the array the reader takes.
fn unwrap_documents(body: Vec<u8>) -> Result<Vec<u8>, ApiError> {
    let value: Value =
        serde_json::from_slice(&body).map_err(|error| ApiError::InvalidBody(format!("malformed JSON: {error}")))?;
    match value {
        Value::Object(mut object) if object.contains_key("documents") => match object.remove("documents") {
            Some(documents @ Value::Array(_)) => Ok(documents.to_string().into_bytes()),
            _ => Err(ApiError::InvalidBody("`documents` must be an array of documents".into())),
        },
        _ => Ok(body),
    }
}

/// A POST body as the reader takes it: the format its `Content-Type` names, the bytes
/// decoded from its declared charset, `{"documents": [...]}` unwrapped. Public so that the
/// fuzz target drives exactly what the server runs before reading.
pub fn decode_body(content_type: &str, body: &[u8]) -> Result<(Format, Vec<u8>), ApiError> {
    let mut parts = content_type.split(';').map(str::trim);
    let media = parts.next().unwrap_or("").to_ascii_lowercase();
    if media.is_empty() {
        return Err(ApiError::UnsupportedMediaType("say what the body is with a Content-Type header".into()));
    }
    let charset = parts.find_map(|p| {
        p.split_once('=').filter(|(k, _)| k.trim().eq_ignore_ascii_case("charset")).map(|(_, v)| v.trim().to_string())
    });
    let format = format_of(&media)?;
    let mut bytes = decode_charset(body, charset.as_deref())?;
    if format == Format::Json {
        bytes = unwrap_documents(bytes)?;
    }
    Ok((format, bytes))
}

/// Handle `POST /api/documents`.
pub async fn post_documents(
    State(app): State<App>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    authorise(&app, &headers)?;
    let params = Params::parse(raw.as_deref(), &["name"])?;
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge(format!(
                "the body is larger than this server accepts ({} bytes)",
                app.shared.config.max_body_bytes
            ))
        } else {
            ApiError::InvalidBody(format!("the body could not be read: {rejection}"))
        }
    })?;
    if body.is_empty() {
        return Err(ApiError::InvalidBody("the body is empty: send a document".into()));
    }
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let (format, bytes) = decode_body(content_type, &body)?;
    let name = params.text("name")?.unwrap_or_else(|| "request".to_string());
    let shared = app.shared.clone();
    tokio::task::spawn_blocking(move || ingest(&shared, &name, &bytes, format))
        .await
        .map_err(|error| ApiError::Internal(format!("the writing task failed: {error}")))?
}

/// Read, analyse and store; then index.
fn ingest(
    shared: &crate::Shared,
    name: &str,
    bytes: &[u8],
    format: Format,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let options = ReadOptions { max_bytes: shared.config.max_body_bytes as u64 };
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    for item in read_bytes(std::path::Path::new(name), bytes, format, &options) {
        match item {
            Ok(document) => documents.push(document),
            Err(error) => errors.push(json!({"key": name, "message": error.to_string()})),
        }
    }
    if documents.is_empty() {
        let first = errors.first().and_then(|e| e["message"].as_str()).unwrap_or("no document in the body").to_string();
        return Err(ApiError::InvalidBody(first));
    }
    let analysed: Vec<_> = documents
        .into_iter()
        .map(|d| {
            analyse(
                shared.kb,
                DocumentInput {
                    key: d.id,
                    url: d.url,
                    outlet: d.source,
                    published: d.published,
                    title: d.title,
                    text: d.text,
                },
            )
        })
        .collect();
    let writer = shared.writer.as_ref().ok_or(ApiError::WritingDisabled)?;
    let mut writer =
        writer.lock().map_err(|_| ApiError::Internal("the writer is poisoned by an earlier failure".into()))?;
    let writer = &mut *writer;
    // The index's lock first: while another process (a `marsad ingest`) writes, nothing is
    // stored, so no document can be left out of the index. Then whatever that process stored
    // and did not index is added.
    let mut index = match SearchIndex::open_or_create(&writer.index_dir) {
        Ok(index) => index,
        Err(SearchError::Locked { .. }) => {
            return Err(ApiError::Unavailable(
                "another process is writing this store (a `marsad ingest`?): try again when it is done".into(),
            ))
        }
        Err(error) => return Err(error.into()),
    };
    marsad_ingest::indexing::catch_up(writer.ingestor.store(), &mut index, &writer.index_dir)
        .map_err(|error| ApiError::Internal(error.to_string()))?;
    let store = writer.ingestor.store_mut();
    store.begin()?;
    let mut outcomes = Vec::new();
    for item in &analysed {
        match writer.ingestor.ingest(item) {
            Ok(outcome) => outcomes.push((item, outcome)),
            Err(error) => {
                // Nothing of a failed request stays.
                let _ = writer.ingestor.store_mut().rollback();
                return Err(error.into());
            }
        }
    }
    writer.ingestor.store_mut().commit()?;
    let mut results = Vec::new();
    let mut last = None;
    for (item, outcome) in &outcomes {
        match outcome {
            Outcome::Duplicate => {
                let doc_id = writer.ingestor.store().document_by_hash(&item.document.content_hash)?;
                let events = match doc_id {
                    Some(id) => writer.ingestor.store().document_events(id)?,
                    None => Vec::new(),
                };
                results
                    .push(json!({"key": item.document.key, "status": "duplicate", "doc_id": doc_id, "events": events}));
            }
            Outcome::Stored { doc_id, near_duplicate, replaced, .. } => {
                if let Some(old) = replaced {
                    index.delete(*old)?;
                }
                let mut entry = item.index.clone();
                entry.doc_id = *doc_id;
                index.add(&entry)?;
                last = Some(*doc_id);
                let status = if replaced.is_some() {
                    "replaced"
                } else if *near_duplicate {
                    "near_duplicate"
                } else {
                    "new"
                };
                results.push(json!({"key": item.document.key, "status": status, "doc_id": doc_id, "events": writer.ingestor.store().document_events(*doc_id)?}));
            }
        }
    }
    if let Some(last) = last {
        index.commit()?;
        marsad_ingest::indexing::mark_indexed(&writer.index_dir, last)
            .map_err(|error| ApiError::Internal(error.to_string()))?;
        // Read your writes: searches see the documents as soon as this answer arrives.
        if let Some(search) = &shared.search {
            search.reload()?;
        }
    }
    Ok((StatusCode::CREATED, Json(json!({"results": results, "errors": errors}))))
}
