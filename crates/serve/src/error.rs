//! [`ApiError`]: every failure a request can meet, answered as JSON with the right status.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

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
        /// The parameter.
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
    /// Something the server needs is missing (e.g. the search index).
    #[error("{0}")]
    Unavailable(String),
    /// The server failed.
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

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let mut error = serde_json::json!({"status": status.as_u16(), "code": code, "message": self.to_string()});
        if let ApiError::InvalidParameter { parameter, .. } | ApiError::UnknownParameter { parameter, .. } = &self {
            error["parameter"] = serde_json::Value::String(parameter.clone());
        }
        if status.is_server_error() {
            eprintln!("marsad: {code}: {self}");
        }
        let mut response = (status, axum::Json(serde_json::json!({ "error": error }))).into_response();
        if status == axum::http::StatusCode::UNAUTHORIZED {
            // RFC 9110 §11.6.1: a 401 names the scheme it wants.
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer realm=\"marsad\""),
            );
        }
        response
    }
}
