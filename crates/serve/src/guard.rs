//! What every request passes before a route and every answer gets after it: the `Host` check
//! against DNS rebinding (a page on `evil.example` whose name is made to resolve to 127.0.0.1
//! would otherwise read the desk with the analyst's browser), and the headers that stop a
//! browser from sniffing content types or leaking the desk's address in a `Referer`.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Version};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::App;

/// The address a connection was accepted on (set by the accept loop).
#[derive(Debug, Clone, Copy)]
pub struct LocalAddr(pub SocketAddr);

/// The names the server answers for beside its own address and `localhost`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AllowedHosts {
    names: Vec<String>,
    any: bool,
}

impl AllowedHosts {
    /// Host names (`desk.example.org`, `192.0.2.7`) allowed beside the defaults; `*` allows
    /// any (for a server behind a proxy that checks names itself).
    pub fn new<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> AllowedHosts {
        let mut allowed = AllowedHosts::default();
        for name in names {
            let name = name.as_ref().trim();
            if name == "*" {
                allowed.any = true;
            } else if !name.is_empty() {
                allowed.names.push(normalise(split_port(name)));
            }
        }
        allowed
    }

    /// Whether a request naming `host` (a `Host` header's value) on a connection accepted on
    /// `local` is for this server: `localhost` and its subdomains, a loopback address, the
    /// address the client connected to, or a configured name. A name that resolves elsewhere
    /// is never trusted on the word of DNS.
    pub fn allows(&self, host: &str, local: Option<SocketAddr>) -> bool {
        if self.any {
            return true;
        }
        let name = normalise(split_port(host));
        if name == "localhost" || name.ends_with(".localhost") || self.names.contains(&name) {
            return true;
        }
        let literal = name.strip_prefix('[').and_then(|n| n.strip_suffix(']')).unwrap_or(&name);
        match literal.parse::<IpAddr>() {
            Ok(ip) => ip.is_loopback() || local.is_some_and(|local| same_ip(local.ip(), ip)),
            Err(_) => false,
        }
    }
}

/// `host` without its `:port` (an IPv6 literal keeps its brackets).
fn split_port(host: &str) -> &str {
    if host.starts_with('[') {
        return host.find(']').map(|end| &host[..=end]).unwrap_or(host);
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

/// Lower case, without the trailing dot of a fully qualified name.
fn normalise(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// Equal addresses, an IPv4 address and its IPv6-mapped form included.
fn same_ip(a: IpAddr, b: IpAddr) -> bool {
    let canonical = |ip: IpAddr| match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    };
    canonical(a) == canonical(b)
}

/// Add the headers every answer carries: no content sniffing, no `Referer` to other sites
/// (the page links to the sources' articles).
pub fn add_security_headers(headers: &mut HeaderMap) {
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
}

/// The middleware: refuse a request for another host (421), then answer with the headers.
pub async fn guard(State(app): State<App>, request: Request, next: Next) -> Response {
    let mut response = match check_host(&app, &request) {
        Ok(()) => next.run(request).await,
        Err(error) => error.into_response(),
    };
    add_security_headers(response.headers_mut());
    response
}

/// The request's host (its absolute URI's authority, else its `Host`) is allowed.
fn check_host(app: &App, request: &Request) -> Result<(), ApiError> {
    let local = request.extensions().get::<LocalAddr>().map(|l| l.0);
    let host = match request.uri().authority() {
        Some(authority) => authority.as_str().to_string(),
        None => match request.headers().get(header::HOST) {
            Some(value) => value
                .to_str()
                .map(str::to_string)
                .map_err(|_| ApiError::MalformedRequest("the `Host` header is not text".into()))?,
            // RFC 9112 §3.2: an HTTP/1.1 request without a Host is refused; HTTP/1.0 had none.
            None if request.version() == Version::HTTP_10 => return Ok(()),
            None => return Err(ApiError::MalformedRequest("an HTTP/1.1 request needs a `Host` header".into())),
        },
    };
    if app.shared.config.allowed_hosts.allows(&host, local) {
        return Ok(());
    }
    let shown: String = host.chars().take(100).collect();
    Err(ApiError::MisdirectedRequest(format!(
        "this server does not answer for host `{shown}`: reach it by its address or localhost, or start it with --allow-host NAME"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(addr: &str) -> Option<SocketAddr> {
        Some(addr.parse().unwrap())
    }

    #[test]
    fn hosts_by_default_are_loopback_localhost_and_the_address_connected_to() {
        let allowed = AllowedHosts::default();
        for host in [
            "localhost",
            "localhost:8080",
            "LOCALHOST.",
            "desk.localhost:1",
            "127.0.0.1:8080",
            "127.9.9.9",
            "[::1]:8080",
            "[::1]",
        ] {
            assert!(allowed.allows(host, local("127.0.0.1:8080")), "{host}");
        }
        assert!(allowed.allows("192.0.2.7:8080", local("192.0.2.7:8080")), "the address the client used");
        assert!(allowed.allows("192.0.2.7", local("[::ffff:192.0.2.7]:8080")), "IPv4-mapped");
        for host in [
            "evil.example",
            "evil.example:8080",
            "localhost.evil.example",
            "192.0.2.8:8080",
            "",
            "[::2]",
            "127.0.0.1.evil.example",
        ] {
            assert!(!allowed.allows(host, local("192.0.2.7:8080")), "{host}");
        }
    }

    #[test]
    fn configured_names_and_the_wildcard() {
        let allowed = AllowedHosts::new(["Desk.Example.org", "198.51.100.4:9000", " "]);
        assert!(allowed.allows("desk.example.org:8080", None));
        assert!(allowed.allows("desk.example.org.", None));
        assert!(allowed.allows("198.51.100.4", None));
        assert!(!allowed.allows("other.example.org", None));
        assert!(AllowedHosts::new(["*"]).allows("anything.example", None));
    }
}
