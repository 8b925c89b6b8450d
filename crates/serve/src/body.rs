//! Reading a request body, which the writing route does only once the request is authorised
//! and its media type known: within the body limit (refused at once when `Content-Length`
//! says more) and the body-read timeout. A client without the token, or one that trickles its
//! body, so costs the server no memory and at most the timeout.

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderMap};
use futures_util::StreamExt;

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
