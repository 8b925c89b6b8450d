//! `POST /api/documents`: documents stored through the same reading and ingestion as
//! `marsad ingest`, through the process's one writing task (`marsad_ingest::writer`): they
//! queue there, behind other requests and behind another process's batch (a `marsad ingest`
//! holding the index's lock), and are answered once stored *and* searchable. Only with the
//! configured token. A refused request writes nothing; a request whose documents are partly
//! unreadable stores the readable ones and lists the others.

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use marsad_ingest::writer::WriteError;
use marsad_ingest::{analyse, Analysed, DocumentInput, Outcome};
use marsad_read::{read_bytes, Format, ReadError, ReadOptions};
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

/// The reader format and the declared charset of a `Content-Type`, checked before any byte of
/// the body is read.
fn content_of(content_type: &str) -> Result<(Format, Option<String>), ApiError> {
    let mut parts = content_type.split(';').map(str::trim);
    let media = parts.next().unwrap_or("").to_ascii_lowercase();
    if media.is_empty() {
        return Err(ApiError::UnsupportedMediaType("say what the body is with a Content-Type header".into()));
    }
    let charset = parts.find_map(|p| {
        p.split_once('=').filter(|(k, _)| k.trim().eq_ignore_ascii_case("charset")).map(|(_, v)| v.trim().to_string())
    });
    Ok((format_of(&media)?, charset))
}

/// A body as the reader takes it: blank refused, decoded from its declared charset,
/// `{"documents": [...]}` unwrapped.
fn decode(format: Format, charset: Option<&str>, body: &[u8]) -> Result<Vec<u8>, ApiError> {
    // Blank as the document's `[^ \t\n\r\f\v]` says: the same for every media type.
    if body.iter().all(|b| b" \t\n\r\x0b\x0c".contains(b)) {
        return Err(ApiError::InvalidBody("the body is empty or blank: send a document".into()));
    }
    let bytes = decode_charset(body, charset)?;
    if format == Format::Json {
        return crate::body::documents_json(&bytes);
    }
    Ok(bytes)
}

/// A POST body as the server hands it to the reader: the format its `Content-Type` names and
/// the decoded bytes. Public so that the fuzz target drives exactly what the server runs.
pub fn decode_body(content_type: &str, body: &[u8]) -> Result<(Format, Vec<u8>), ApiError> {
    let (format, charset) = content_of(content_type)?;
    Ok((format, decode(format, charset.as_deref(), body)?))
}

/// Handle `POST /api/documents`: the token, the parameters and the media type are checked
/// before any byte of the body is read (so `Expect: 100-continue` gets the refusal, not 100).
pub async fn post_documents(
    State(app): State<App>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    authorise(&app, &headers)?;
    let params = Params::parse(raw.as_deref(), &["name"])?;
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let (format, charset) = content_of(content_type)?;
    let name = params.text("name")?.unwrap_or_else(|| "request".to_string());
    if let Some(refusal) = &app.shared.refusal {
        return Err(ApiError::Unavailable(refusal.clone()));
    }
    let config = &app.shared.config;
    let body = crate::body::read(body, &headers, config.max_body_bytes, config.body_timeout).await?;
    let bytes = decode(format, charset.as_deref(), &body)?;
    let shared = app.shared.clone();
    let Written { outcomes, errors } = tokio::task::spawn_blocking(move || store(&shared, &name, &bytes, format))
        .await
        .map_err(|error| ApiError::Internal(format!("the writing task failed: {error}")))??;
    let results = app.read(move |_, store| results(store, &outcomes)).await?;
    Ok((StatusCode::CREATED, Json(json!({"results": results, "errors": errors}))))
}

/// What a request's body gave: each readable document's key and outcome, and the errors of
/// the unreadable ones.
struct Written {
    outcomes: Vec<(String, Outcome)>,
    errors: Vec<Value>,
}

/// Read, analyse, and store through the writing task; answers once searchable. Returns what
/// happened to each document and the inputs that could not be read.
fn store(shared: &crate::Shared, name: &str, bytes: &[u8], format: Format) -> Result<Written, ApiError> {
    let options = ReadOptions { max_bytes: shared.config.max_body_bytes as u64 };
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    for item in read_bytes(std::path::Path::new(name), bytes, format, &options) {
        match item {
            Ok(document) => documents.push(document),
            // Bytes that are not text at all (not even a string, as the document has it) are
            // refused whole; text the reader cannot use is listed like any unreadable document.
            Err(error @ ReadError::Binary { .. }) if std::str::from_utf8(bytes).is_err() => {
                return Err(ApiError::InvalidBody(error.to_string()))
            }
            Err(error) => errors.push(json!({"key": name, "message": error.to_string()})),
        }
    }
    if documents.is_empty() {
        // The body is what its media type says in form; what could not be read is listed.
        return Ok(Written { outcomes: Vec::new(), errors });
    }
    let analysed: Vec<Analysed> = documents
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
    let keys: Vec<String> = analysed.iter().map(|a| a.document.key.clone()).collect();
    let writer = shared.writer.as_ref().ok_or(ApiError::WritingDisabled)?;
    let outcomes = writer.write(analysed, true).map_err(write_error)?;
    // Read your writes: searches see the documents as soon as this answer arrives. They are
    // stored and indexed already: a reader that fails to reload now follows the next commit.
    if let Some(Err(error)) = shared.search.as_ref().map(|search| search.reload()) {
        eprintln!("marsad: the documents are stored and indexed, but the server's searches see them later: {error}");
    }
    Ok(Written { outcomes: keys.into_iter().zip(outcomes).collect(), errors })
}

/// Each document's status, id and events.
fn results(store: &marsad_store::SqliteStore, stored: &[(String, Outcome)]) -> Result<Vec<Value>, ApiError> {
    let mut results = Vec::with_capacity(stored.len());
    for (key, outcome) in stored {
        let (status, doc_id) = match outcome {
            Outcome::Duplicate { doc_id } => ("duplicate", *doc_id),
            Outcome::Stored { doc_id, replaced: Some(_), .. } => ("replaced", *doc_id),
            Outcome::Stored { doc_id, near_duplicate: true, .. } => ("near_duplicate", *doc_id),
            Outcome::Stored { doc_id, .. } => ("new", *doc_id),
        };
        let events = store.document_events(doc_id)?;
        results.push(json!({"key": key, "status": status, "doc_id": doc_id, "events": events}));
    }
    Ok(results)
}

/// A failed write as the client hears it: waiting too long for another writer, or a store
/// that cannot be written now, is 503 (try again later); the rest is the server's failure.
fn write_error(error: WriteError) -> ApiError {
    match error {
        WriteError::Busy { .. } | WriteError::NotWritable { .. } | WriteError::Damaged { .. } => {
            ApiError::Unavailable(error.to_string())
        }
        WriteError::Store(_) | WriteError::Index(_) | WriteError::Stopped => ApiError::Internal(error.to_string()),
    }
}
