//! Reading a request body, which the writing route does only once the request is authorised
//! and its media type known: within the body limit (refused at once when `Content-Length`
//! says more) and the body-read timeout. A client without the token, or one that trickles its
//! body, so costs the server no memory and at most the timeout.

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderMap};
use futures_util::StreamExt;
use serde_json::Value;

use crate::error::ApiError;

/// The body, whole, or why not.
pub(crate) async fn read(
    body: Body,
    headers: &HeaderMap,
    limit: usize,
    timeout: Duration,
) -> Result<Vec<u8>, ApiError> {
    let too_large =
        || ApiError::PayloadTooLarge(format!("the body is larger than this server accepts ({limit} bytes)"));
    let declared =
        headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(too_large());
    }
    let read = async move {
        // The declared length is at most `limit` here.
        let mut bytes = Vec::with_capacity(declared.unwrap_or(0) as usize);
        let mut stream = body.into_data_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|error| ApiError::InvalidBody(format!("the body could not be read: {error}")))?;
            if bytes.len() + chunk.len() > limit {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(bytes)
    };
    tokio::time::timeout(timeout, read).await.unwrap_or_else(|_| {
        Err(ApiError::RequestTimeout(format!(
            "the body did not arrive within {} s: send it faster or in smaller requests",
            timeout.as_secs_f64()
        )))
    })
}

/// Check a JSON body against the document's `NewDocuments` schema, so that what the schema
/// allows is read and what it refuses is `422`: one document, a non-empty array of them, or
/// `{"documents": [...]}` alone. The documents are returned as the array the reader takes.
pub(crate) fn documents_json(body: &[u8]) -> Result<Vec<u8>, ApiError> {
    let value: Value =
        serde_json::from_slice(body).map_err(|error| ApiError::InvalidBody(format!("malformed JSON: {error}")))?;
    let documents = match value {
        Value::Object(mut object) if object.len() == 1 && object.contains_key("documents") => {
            match object.remove("documents") {
                Some(Value::Array(items)) => items,
                _ => return Err(ApiError::InvalidBody("`documents` must be an array of documents".into())),
            }
        }
        Value::Array(items) => items,
        document @ Value::Object(_) => vec![document],
        _ => {
            return Err(ApiError::InvalidBody(
                "send a document (an object), an array of them or {\"documents\": [...]}".into(),
            ))
        }
    };
    if documents.is_empty() {
        return Err(ApiError::InvalidBody("no document in the body".into()));
    }
    for (index, document) in documents.iter().enumerate() {
        check_document(document)
            .map_err(|message| ApiError::InvalidBody(format!("document {}: {message}", index + 1)))?;
    }
    Ok(Value::Array(documents).to_string().into_bytes())
}

/// One `NewDocument`: `text` or `html` (not blank), and the other members of their types.
fn check_document(document: &Value) -> Result<(), String> {
    let Value::Object(fields) = document else { return Err("a document is a JSON object".into()) };
    let blank = |s: &str| s.chars().all(|c| [' ', '\t', '\n', '\r', '\x0b', '\x0c'].contains(&c));
    let mut has_text = false;
    for (name, value) in fields {
        let ok = match name.as_str() {
            "text" | "html" => {
                has_text = true;
                value.as_str().is_some_and(|s| !blank(s))
            }
            "id" => value.is_string() || value.is_number(),
            "title" | "url" | "published" => value.is_string(),
            "source" => value.is_string() || value.get("name").is_some_and(Value::is_string),
            _ => true,
        };
        if !ok {
            return Err(format!("`{name}` is not as documented (see NewDocument in /api/openapi.json)"));
        }
    }
    if !has_text {
        return Err("it needs `text` or `html`".into());
    }
    Ok(())
}
