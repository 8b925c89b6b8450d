//! The web page and its assets, embedded at build time (see `build.rs`): served with their
//! media type and an ETag, so a reload costs a 304, and nothing is ever fetched from elsewhere.

use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

include!(concat!(env!("OUT_DIR"), "/assets.rs"));

/// The media type of a file name.
fn media_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// What the page may load and run: only its own embedded assets and the API (news text is
/// data; should any ever slip into markup, it cannot run a script or reach another site).
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// The asset at `path`, answered 304 when the client has it.
fn respond(path: &str, headers: &HeaderMap) -> Result<Response, ApiError> {
    let Some((_, bytes, etag)) = ASSETS.iter().find(|(p, _, _)| *p == path) else {
        return Err(ApiError::NotFound(format!("no asset {path}")));
    };
    if headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) == Some(*etag) {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, *etag)]).into_response());
    }
    Ok((
        [
            (header::CONTENT_TYPE, media_type(path)),
            (header::ETAG, *etag),
            (header::CACHE_CONTROL, "no-cache"),
            (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        *bytes,
    )
        .into_response())
}

/// `GET /`: the page.
pub async fn index(headers: HeaderMap) -> Result<Response, ApiError> {
    respond("index.html", &headers)
}

/// `GET /assets/{path}`.
pub async fn asset(
    path: Result<Path<String>, axum::extract::rejection::PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let path = path.map(|Path(p)| p).map_err(|_| ApiError::NotFound("no such asset".into()))?;
    respond(&path, &headers)
}
