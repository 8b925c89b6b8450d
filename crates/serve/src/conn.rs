//! The accept loop: each connection is served by hyper's HTTP/1 with the limits `axum::serve`
//! does not expose. At most `max_connections` are open at once (beyond that, new ones wait in
//! the kernel's backlog until one closes: nothing is allocated for them); a client gets
//! `header_timeout` to send each request's headers (so an idle keep-alive connection closes
//! then too); a request's head is read into at most [`MAX_HEAD_BYTES`]. hyper answers a head
//! it cannot parse (too long, too many fields, not HTTP) by itself with an empty body:
//! [`JsonParseErrors`] rewrites those few answers into the API's JSON error shape. A handler
//! that panics is answered with a 500 and the connection and the server go on.

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, Response};
use axum::response::IntoResponse;
use axum::Router;
use futures_util::FutureExt;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;
use crate::guard::LocalAddr;

/// The largest request head (request line and headers) read, in bytes; also the most a
/// connection buffers while reading. Above hyper's fixed limit on the request target (64 KiB),
/// so that a long target gets its own status (414).
pub const MAX_HEAD_BYTES: usize = 96 * 1024;

/// The most header fields a request may have.
pub const MAX_HEADERS: usize = 100;

/// How long a closing connection goes on reading (and dropping) what its client still sends.
const LINGER: Duration = Duration::from_secs(2);

/// How long open connections get to finish once the server is asked to stop.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Serve `router` on `listener` with `limits` until `stop` completes, then let open
/// connections finish their requests for a few seconds.
pub(crate) async fn accept_loop(
    listener: TcpListener,
    router: Router,
    limits: &crate::ServeConfig,
    stop: impl Future<Output = ()>,
) -> io::Result<()> {
    let cap = limits.max_connections.clamp(1, Semaphore::MAX_PERMITS);
    let slots = Arc::new(Semaphore::new(cap));
    let (stopping, stopped) = watch::channel(false);
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_buf_size(MAX_HEAD_BYTES)
        .max_header_size(MAX_HEAD_BYTES)
        .max_headers(MAX_HEADERS);
    tokio::pin!(stop);
    loop {
        let permit = tokio::select! {
            permit = slots.clone().acquire_owned() => permit.map_err(io::Error::other)?,
            () = &mut stop => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, say: wait rather than spin.
                    eprintln!("marsad: accepting a connection failed: {error}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let connection = Connection { http: http.clone(), router: router.clone(), peer, _permit: permit };
        tokio::spawn(connection.run(stream, stopped.clone()));
    }
    let _ = stopping.send(true);
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, slots.acquire_many(cap as u32)).await;
    Ok(())
}

/// One accepted connection, holding its slot until it closes.
struct Connection {
    http: http1::Builder,
    router: Router,
    peer: SocketAddr,
    _permit: OwnedSemaphorePermit,
}

impl Connection {
    async fn run(self, stream: TcpStream, mut stopping: watch::Receiver<bool>) {
        let local = stream.local_addr().ok();
        let (router, peer) = (self.router, self.peer);
        // Boxed so that the connection is Unpin and can hand its socket back at the end.
        let service = hyper::service::service_fn(move |request| Box::pin(answer(router.clone(), peer, local, request)));
        let mut connection = self.http.serve_connection(JsonParseErrors::new(TokioIo::new(stream)), service);
        let stop = async move {
            // The guard `wait_for` returns must not live across an await.
            let _ = stopping.wait_for(|stop| *stop).await.map(|_| ());
        };
        tokio::pin!(stop);
        let served = tokio::select! {
            served = std::future::poll_fn(|cx| connection.poll_without_shutdown(cx)) => served,
            () = &mut stop => {
                Pin::new(&mut connection).graceful_shutdown();
                std::future::poll_fn(|cx| connection.poll_without_shutdown(cx)).await
            }
        };
        // A client that goes away or times out is not the server's failure: nothing to log.
        if served.is_ok() {
            linger(connection.into_parts().io.inner.into_inner()).await;
        }
    }
}

/// Close after an answer the way a client can read it: a client still sending a body the
/// server refused (a wrong token, a declared length over the limit) would otherwise get a
/// reset that can destroy the answer before it reads it. Our side is shut, then what the
/// client still sends is read and dropped (a small fixed buffer, nothing kept) for at most
/// [`LINGER`].
async fn linger(stream: TcpStream) {
    let Ok(stream) = stream.into_std() else { return };
    if stream.shutdown(std::net::Shutdown::Write).is_err() {
        return;
    }
    let Ok(stream) = TcpStream::from_std(stream) else { return };
    let mut sink = [0u8; 8192];
    let _ = tokio::time::timeout(LINGER, async {
        loop {
            if stream.readable().await.is_err() {
                return;
            }
            match stream.try_read(&mut sink) {
                Ok(0) => return,
                Ok(_) => {}
                Err(error) if error.kind() == io::ErrorKind::WouldBlock => {}
                Err(_) => return,
            }
        }
    })
    .await;
}

/// Answer one request through the router; a panic becomes a 500 (logged with its id).
async fn answer(
    mut router: Router,
    peer: SocketAddr,
    local: Option<SocketAddr>,
    mut request: Request<Incoming>,
) -> Result<Response<Body>, Infallible> {
    request.extensions_mut().insert(ConnectInfo(peer));
    if let Some(local) = local {
        request.extensions_mut().insert(LocalAddr(local));
    }
    let with_body = carries_body(request.headers());
    let request = request.map(Body::new);
    // axum's Router is always ready: no need to poll it first.
    let call = tower_service::Service::call(&mut router, request);
    match AssertUnwindSafe(call).catch_unwind().await {
        Ok(Ok(mut response)) => {
            // A refused body (too large, a wrong token) may be left unread: the connection then
            // closes after the answer, and says so, or a client would send its next request on
            // it and find it gone.
            if with_body && (response.status().is_client_error() || response.status().is_server_error()) {
                response
                    .headers_mut()
                    .insert(axum::http::header::CONNECTION, axum::http::HeaderValue::from_static("close"));
            }
            Ok(response)
        }
        Ok(Err(never)) => match never {},
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".to_string());
            let mut response = ApiError::Internal(format!("a request handler panicked: {what}")).into_response();
            crate::guard::add_security_headers(response.headers_mut());
            Ok(response)
        }
    }
}

/// The request declares a body (a length above zero, or chunks).
fn carries_body(headers: &axum::http::HeaderMap) -> bool {
    let length =
        headers.get(axum::http::header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).is_some_and(|v| v.trim() != "0");
    length || headers.contains_key(axum::http::header::TRANSFER_ENCODING)
}

/// The socket, with hyper's own bodiless answers to unparseable requests (400, 414, 431)
/// rewritten into the API's JSON error shape. Everything else passes through untouched.
pub(crate) struct JsonParseErrors<T> {
    inner: T,
    /// A rewritten answer still to be sent, and how much of it was.
    pending: Vec<u8>,
    sent: usize,
}

impl<T> JsonParseErrors<T> {
    fn new(inner: T) -> Self {
        JsonParseErrors { inner, pending: Vec::new(), sent: 0 }
    }
}

impl<T: hyper::rt::Write + Unpin> JsonParseErrors<T> {
    /// Send what is left of a rewritten answer.
    fn poll_pending(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.sent < self.pending.len() {
            let n = ready!(Pin::new(&mut self.inner).poll_write(cx, &self.pending[self.sent..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.sent += n;
        }
        self.pending = Vec::new();
        self.sent = 0;
        Poll::Ready(Ok(()))
    }

    /// Take `head` as written, sending its JSON rewrite instead.
    fn substitute(&mut self, cx: &mut Context<'_>, head: &[u8], rewrite: Vec<u8>) -> Poll<io::Result<usize>> {
        self.pending = rewrite;
        self.sent = 0;
        // Whatever is not sent now is sent by the flush hyper does next.
        if let Poll::Ready(Err(error)) = self.poll_pending(cx) {
            return Poll::Ready(Err(error));
        }
        Poll::Ready(Ok(head.len()))
    }
}

impl<T: hyper::rt::Read + Unpin> hyper::rt::Read for JsonParseErrors<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: hyper::rt::ReadBufCursor<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<T: hyper::rt::Write + Unpin> hyper::rt::Write for JsonParseErrors<T> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        ready!(this.poll_pending(cx))?;
        match json_rewrite(buf) {
            Some(rewrite) => this.substitute(cx, buf, rewrite),
            None => Pin::new(&mut this.inner).poll_write(cx, buf),
        }
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        ready!(this.poll_pending(cx))?;
        // hyper's own error answers are a head alone, in one slice.
        if let [head] = bufs {
            if let Some(rewrite) = json_rewrite(head) {
                return this.substitute(cx, head, rewrite);
            }
        }
        Pin::new(&mut this.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        ready!(this.poll_pending(cx))?;
        Pin::new(&mut this.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        ready!(this.poll_pending(cx))?;
        Pin::new(&mut this.inner).poll_shutdown(cx)
    }
}

/// The JSON answer replacing `head` when it is one of hyper's bodiless error answers: a
/// complete head with status 400, 414 or 431 and no `Content-Type` (every answer of the
/// router has one).
fn json_rewrite(head: &[u8]) -> Option<Vec<u8>> {
    if head.len() > 1024 || !head.ends_with(b"\r\n\r\n") {
        return None;
    }
    let text = std::str::from_utf8(head).ok()?;
    let mut lines = text.split("\r\n").filter(|line| !line.is_empty());
    let status: u16 = lines.next()?.strip_prefix("HTTP/1.")?.get(2..5)?.parse().ok()?;
    let error = match status {
        400 => ApiError::MalformedRequest("the request is not valid HTTP/1.1".to_string()),
        414 => ApiError::UriTooLong,
        431 => ApiError::HeadersTooLarge,
        _ => return None,
    };
    let fields: Vec<&str> = lines.collect();
    if fields.iter().any(|f| f.to_ascii_lowercase().starts_with("content-type:")) {
        return None;
    }
    let (status, _) = error.status_and_code();
    let body = error.body().to_string();
    let mut out = format!("HTTP/1.1 {} {}\r\n", status.as_u16(), status.canonical_reason().unwrap_or(""));
    for field in fields.iter().filter(|f| !f.to_ascii_lowercase().starts_with("content-length:")) {
        out.push_str(field);
        out.push_str("\r\n");
    }
    let mut headers = axum::http::HeaderMap::new();
    crate::guard::add_security_headers(&mut headers);
    for (name, value) in &headers {
        out.push_str(&format!("{name}: {}\r\n", value.to_str().unwrap_or_default()));
    }
    out.push_str(&format!("content-type: application/json\r\ncontent-length: {}\r\n\r\n{body}", body.len()));
    Some(out.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::json_rewrite;

    #[test]
    fn only_hypers_bodiless_error_heads_are_rewritten() {
        let head = b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\ndate: Mon, 01 Dec 2025 10:00:00 GMT\r\n\r\n";
        let rewritten = String::from_utf8(json_rewrite(head).expect("rewritten")).unwrap();
        let (fields, body) = rewritten.split_once("\r\n\r\n").unwrap();
        assert!(fields.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"), "{fields}");
        assert!(fields.contains("date: Mon, 01 Dec 2025 10:00:00 GMT"), "{fields}");
        assert!(fields.contains(&format!("content-length: {}", body.len())), "{fields}");
        assert!(!fields.contains("content-length: 0"), "{fields}");
        let body: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(body["error"]["code"], "headers_too_large");
        assert_eq!(body["error"]["status"], 431);

        let ours = b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: 0\r\n\r\n";
        assert!(json_rewrite(ours).is_none(), "an answer of the router is never touched");
        assert!(json_rewrite(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n").is_none());
        assert!(json_rewrite(b"HTTP/1.1 414 URI Too Long\r\ncontent-length: 0\r\n").is_none(), "not a whole head");
        assert!(json_rewrite(b"{\"data\": 1}").is_none());
    }
}
