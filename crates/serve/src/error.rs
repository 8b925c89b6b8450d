//! [`ApiError`]: every failure a request can meet, answered as JSON with the right status.
//! A server failure (5xx) is answered with a generic message and an error id; what went wrong
//! (which can name files or carry debug output) goes to the log under that id only.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// A failed request. Client mistakes are 4xx and say what to change; the server's own
/// failures are 5xx and say what it was doing.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A query parameter's value is not acceptable.
    #[error("{message}")]
    InvalidParameter {
        /// The parameter.
        parameter: String,
        /// What is wrong and what is expected.
        message: String,
    },
    /// The route does not take this parameter (or got it twice).
    #[error("{message}")]
    UnknownParameter {
        /// The parameter (empty when the request gave a value without a name).
        parameter: String,
        /// Which ones the route takes.
        message: String,
    },
    /// No such thing.
    #[error("{0}")]
    NotFound(String),
    /// The route exists but not with this method.
    #[error("{0}")]
    MethodNotAllowed(String),
    /// Writing needs a valid token.
    #[error("{0}")]
    Unauthorized(String),
    /// Writing is switched off on this server.
    #[error("writing through the API is off: start the server with --token (or MARSAD_TOKEN) to allow it")]
    WritingDisabled,
    /// The body is larger than the server accepts.
    #[error("{0}")]
    PayloadTooLarge(String),
    /// The body's media type is not one the route reads.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// The body could not be read as what it claims to be.
    #[error("{0}")]
    InvalidBody(String),
    /// The request is not valid HTTP (e.g. HTTP/1.1 without a `Host`).
    #[error("{0}")]
    MalformedRequest(String),
    /// The body did not arrive within the server's body-read timeout.
    #[error("{0}")]
    RequestTimeout(String),
    /// The `Host` names a server this one is not (a DNS-rebinding page, a misrouted proxy).
    #[error("{0}")]
    MisdirectedRequest(String),
    /// The request target is longer than the server reads.
    #[error("the request target (path and query) is longer than this server reads (64 KiB)")]
    UriTooLong,
    /// The request's head is larger than the server reads.
    #[error("the request's head (request line and headers) is larger than this server reads (96 KiB, 100 fields)")]
    HeadersTooLarge,
    /// Something the server needs is missing (e.g. the search index).
    #[error("{0}")]
    Unavailable(String),
    /// The server failed; the text is for the log only, never sent.
    #[error("{0}")]
    Internal(String),
}

impl ApiError {
    /// An invalid value for `parameter`.
    pub fn invalid(parameter: &str, message: impl Into<String>) -> ApiError {
        ApiError::InvalidParameter { parameter: parameter.to_string(), message: message.into() }
    }

    /// The status and the stable code clients can match on.
    pub fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            ApiError::InvalidParameter { .. } => (StatusCode::BAD_REQUEST, "invalid_parameter"),
            ApiError::UnknownParameter { .. } => (StatusCode::BAD_REQUEST, "unknown_parameter"),
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::MethodNotAllowed(_) => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
            ApiError::Unauthorized(_) => (StatusCode::UNAUTHORIZED, "unauthorized"),
            ApiError::WritingDisabled => (StatusCode::FORBIDDEN, "writing_disabled"),
            ApiError::PayloadTooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            ApiError::UnsupportedMediaType(_) => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
            ApiError::InvalidBody(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_body"),
            ApiError::MalformedRequest(_) => (StatusCode::BAD_REQUEST, "malformed_request"),
            ApiError::RequestTimeout(_) => (StatusCode::REQUEST_TIMEOUT, "request_timeout"),
            ApiError::MisdirectedRequest(_) => (StatusCode::MISDIRECTED_REQUEST, "misdirected_request"),
            ApiError::UriTooLong => (StatusCode::URI_TOO_LONG, "uri_too_long"),
            ApiError::HeadersTooLarge => (StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "headers_too_large"),
            ApiError::Unavailable(_) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
            ApiError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl From<marsad_store::StoreError> for ApiError {
    fn from(error: marsad_store::StoreError) -> Self {
        ApiError::Internal(format!("store: {error}"))
    }
}

impl From<marsad_search::SearchError> for ApiError {
    fn from(error: marsad_search::SearchError) -> Self {
        ApiError::Internal(error.to_string())
    }
}

impl ApiError {
    /// The JSON body of this error. A 5xx gets an error id, and its details go to the log
    /// (stderr) under that id instead of into the body.
    pub fn body(&self) -> Value {
        let (status, code) = self.status_and_code();
        let mut error = json!({"status": status.as_u16(), "code": code, "message": self.to_string()});
        if let ApiError::InvalidParameter { parameter, .. } | ApiError::UnknownParameter { parameter, .. } = self {
            if !parameter.is_empty() {
                error["parameter"] = Value::String(parameter.clone());
            }
        }
        if status.is_server_error() {
            let id = next_error_id();
            eprintln!("marsad: error {id}: {code}: {self}");
            if let ApiError::Internal(_) = self {
                error["message"] = Value::String(format!(
                    "the server failed while answering; quote error {id} to its operator (the details are in the server's log)"
                ));
            }
            error["id"] = Value::String(id);
        }
        json!({ "error": error })
    }
}

/// A new error id: the process's start time and a counter, so that ids stay distinct across
/// restarts and a log line can be found from what a client reports.
fn next_error_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    static START: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let start = *START.get_or_init(|| SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0));
    format!("{start:x}-{}", COUNTER.fetch_add(1, Ordering::Relaxed) + 1)
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status_and_code().0;
        let mut response = (status, axum::Json(self.body())).into_response();
        if status == StatusCode::UNAUTHORIZED {
            // RFC 9110 §11.6.1: a 401 names the scheme it wants.
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer realm=\"marsad\""),
            );
        }
        response
    }
}
