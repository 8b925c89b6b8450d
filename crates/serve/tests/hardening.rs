//! The server against abusive or careless clients, over raw TCP so that every byte and every
//! pause is the test's: the token is checked before any byte of a body is read (also under
//! `Expect: 100-continue`), slow headers and trickled bodies are cut off after their
//! timeouts, connections beyond the cap wait for a free slot, a request for another host (DNS
//! rebinding) is refused, and every answer, hyper's own answers to unparseable requests
//! included, is the API's JSON error shape with `nosniff` and `no-referrer`. Every text sent
//! here is fictional, written for these tests.

mod support;

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use support::{check_error_shape, start, Reply, Server, Setup, TOKEN};

/// What a client waits for an answer that must come at once (generous: CI's cores are shared).
const PROMPT: Duration = Duration::from_secs(5);

fn connect(server: &Server) -> TcpStream {
    let stream = TcpStream::connect(server.addr()).expect("connect");
    stream.set_read_timeout(Some(PROMPT)).expect("read timeout");
    stream
}

/// Read one answer: its head, then `Content-Length` bytes of body.
fn read_reply(stream: &mut TcpStream) -> Result<Reply, String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(0) => return Err(format!("closed after {} bytes of head", head.len())),
            Ok(_) => head.push(byte[0]),
            Err(error) => return Err(format!("no answer: {error}")),
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("no status line in {head:?}"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
        .collect();
    let length = headers.iter().find(|(n, _)| n == "content-length").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).map_err(|error| format!("reading {length} bytes of body: {error}"))?;
    Ok(Reply { status, headers, body })
}

/// Send `request` on a new connection and read the answer.
fn exchange(server: &Server, request: &[u8]) -> Reply {
    let mut stream = connect(server);
    stream.write_all(request).expect("send");
    read_reply(&mut stream)
        .unwrap_or_else(|error| panic!("{}: {error}", String::from_utf8_lossy(&request[..80.min(request.len())])))
}

/// The head of a POST declaring `length` bytes of JSON, with `authorization` and extra fields.
fn post_head(server: &Server, length: usize, authorization: Option<&str>, extra: &str) -> String {
    let authorization = authorization.map(|a| format!("Authorization: {a}\r\n")).unwrap_or_default();
    format!(
        "POST /api/documents HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n{authorization}{extra}\r\n",
        server.addr()
    )
}

/// Wait until the peer closes `stream`; how long that took, or Err if it stayed open.
fn closed_within(stream: &mut TcpStream, limit: Duration) -> Result<Duration, String> {
    let started = Instant::now();
    stream.set_read_timeout(Some(limit)).expect("read timeout");
    let mut buffer = [0u8; 1024];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => return Ok(started.elapsed()),
            Ok(_) => continue, // an error answer before closing is fine
            Err(error) if matches!(error.kind(), ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted) => {
                return Ok(started.elapsed())
            }
            Err(error) => return Err(format!("still open after {:?}: {error}", started.elapsed())),
        }
    }
}

fn assert_error(reply: &Reply, status: u16, code: &str) {
    assert_eq!(reply.status, status, "{}", reply.text_excerpt());
    assert_eq!(check_error_shape(reply).unwrap_or_else(|e| panic!("{e}")), code);
}

#[test]
fn the_token_is_checked_before_any_byte_of_the_body() {
    let server = start(Setup::read_only());
    let writer = start(Setup { samples: false, ..Setup::with_samples() });
    // 8 MB declared and not one byte sent: the answer must not wait for the body.
    for (label, authorization, status, code, on) in [
        ("wrong token", Some("Bearer fictional-wrong-token"), 401, "unauthorized", &writer),
        ("no token", None, 401, "unauthorized", &writer),
        ("writing off", Some("Bearer fictional-wrong-token"), 403, "writing_disabled", &server),
    ] {
        let reply = exchange(on, post_head(on, 8_000_000, authorization, "").as_bytes());
        assert_eq!(reply.status, status, "{label}: {}", reply.text_excerpt());
        assert_error(&reply, status, code);
    }
    // The right token and a body over the limit: refused on its declared length.
    let reply = exchange(&writer, post_head(&writer, 9 * 1024 * 1024, Some(&format!("Bearer {TOKEN}")), "").as_bytes());
    assert_error(&reply, 413, "payload_too_large");
}

#[test]
fn expect_100_continue_gets_the_refusal_instead_of_100() {
    let writer = start(Setup { samples: false, ..Setup::with_samples() });
    let expect = "Expect: 100-continue\r\n";
    let reply =
        exchange(&writer, post_head(&writer, 8_000_000, Some("Bearer fictional-wrong-token"), expect).as_bytes());
    assert_error(&reply, 401, "unauthorized");
    let too_large = post_head(&writer, 9 * 1024 * 1024, Some(&format!("Bearer {TOKEN}")), expect);
    assert_error(&exchange(&writer, too_large.as_bytes()), 413, "payload_too_large");

    // A good request still gets its 100 and is stored.
    let body = br#"{"id":"fictional-continue","text":"A fictional note written for marsad's tests: the ferry at Mopti ran late on Friday."}"#;
    let mut stream = connect(&writer);
    stream.write_all(post_head(&writer, body.len(), Some(&format!("Bearer {TOKEN}")), expect).as_bytes()).unwrap();
    let interim = read_reply(&mut stream).expect("an interim answer");
    assert_eq!(interim.status, 100);
    stream.write_all(body).unwrap();
    let stored = read_reply(&mut stream).expect("the final answer");
    assert_eq!(stored.status, 201, "{}", stored.text_excerpt());
}

#[test]
fn slow_or_unfinished_headers_are_cut_off_after_the_header_timeout() {
    let server = start(Setup { tune: |config| config.header_timeout = Duration::from_secs(1), ..Setup::read_only() });
    // Headers never finished.
    let mut partial = connect(&server);
    partial.write_all(format!("GET /api/health HTTP/1.1\r\nHost: {}\r\n", server.addr()).as_bytes()).unwrap();
    let took = closed_within(&mut partial, Duration::from_secs(10)).expect("partial headers");
    assert!(took < Duration::from_secs(8), "closed only after {took:?}");

    // Headers trickled a byte at a time: the deadline counts from the first byte.
    let mut trickle = connect(&server);
    let started = Instant::now();
    let request = format!("GET /api/health HTTP/1.1\r\nHost: {}\r\nX-Slow: {}\r\n\r\n", server.addr(), "a".repeat(200));
    let mut cut = false;
    for byte in request.as_bytes() {
        if trickle.write_all(&[*byte]).is_err() {
            cut = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
        if started.elapsed() > Duration::from_secs(8) {
            break;
        }
    }
    let more = closed_within(&mut trickle, Duration::from_secs(5));
    assert!(cut || more.is_ok(), "a trickle of headers was kept open for {:?}", started.elapsed());
    assert!(started.elapsed() < Duration::from_secs(12), "took {:?}", started.elapsed());

    // An idle keep-alive connection is closed after the same time.
    let mut idle = connect(&server);
    idle.write_all(format!("GET /api/health HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr()).as_bytes()).unwrap();
    assert_eq!(read_reply(&mut idle).expect("health").status, 200);
    let took = closed_within(&mut idle, Duration::from_secs(10)).expect("idle keep-alive connection");
    assert!(took < Duration::from_secs(8), "idle connection closed only after {took:?}");
}

#[test]
fn a_trickled_body_is_cut_off_after_the_body_timeout() {
    let writer = start(Setup {
        samples: false,
        tune: |config| config.body_timeout = Duration::from_secs(1),
        ..Setup::with_samples()
    });
    let mut stream = connect(&writer);
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.write_all(post_head(&writer, 100_000, Some(&format!("Bearer {TOKEN}")), "").as_bytes()).unwrap();
    let mut sender = stream.try_clone().unwrap();
    let trickler = std::thread::spawn(move || {
        for _ in 0..100 {
            if sender.write_all(b" ").is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    let started = Instant::now();
    let reply = read_reply(&mut stream).expect("an answer to a trickled body");
    assert_error(&reply, 408, "request_timeout");
    assert!(started.elapsed() < Duration::from_secs(8), "answered after {:?}", started.elapsed());
    drop(stream);
    trickler.join().unwrap();
    assert_eq!(writer.get("/api/health").status, 200);
}

#[test]
fn connections_beyond_the_cap_wait_for_a_free_slot() {
    let server = start(Setup {
        tune: |config| {
            config.max_connections = 2;
            config.header_timeout = Duration::from_secs(60);
        },
        ..Setup::read_only()
    });
    let health = format!("GET /api/health HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", server.addr());
    let mut holders: Vec<TcpStream> = (0..2)
        .map(|_| {
            let mut stream = connect(&server);
            stream.write_all(b"GET /api/health HTTP/1.1\r\n").unwrap();
            stream
        })
        .collect();
    // Let the server take both before the third arrives.
    std::thread::sleep(Duration::from_millis(300));
    let mut waiting = connect(&server);
    waiting.write_all(health.as_bytes()).unwrap();
    waiting.set_read_timeout(Some(Duration::from_millis(800))).unwrap();
    let mut byte = [0u8; 1];
    match waiting.read(&mut byte) {
        Err(error) if matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
        other => panic!("a third connection over a cap of 2 was served at once: {other:?}"),
    }
    holders.pop();
    waiting.set_read_timeout(Some(PROMPT)).unwrap();
    let mut answer = Vec::new();
    waiting.read_to_end(&mut answer).expect("the answer once a slot is free");
    assert!(answer.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&answer));
    drop(holders);
    assert_eq!(exchange(&server, health.as_bytes()).status, 200);
}

#[test]
fn a_request_for_another_host_is_refused_with_json_421() {
    let server = start(Setup::read_only());
    let port = server.addr().port();
    let get = |host: Option<&str>, version: &str| {
        let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
        exchange(&server, format!("GET /api/health {version}\r\n{host}Connection: close\r\n\r\n").as_bytes())
    };
    for host in ["evil.example", &format!("evil.example:{port}"), "localhost.evil.example", "10.9.8.7"] {
        assert_error(&get(Some(host), "HTTP/1.1"), 421, "misdirected_request");
    }
    for host in [format!("localhost:{port}"), format!("127.0.0.1:{port}"), "LocalHost".to_string()] {
        assert_eq!(get(Some(&host), "HTTP/1.1").status, 200, "{host}");
    }
    // The target's authority counts, not the Host beside it.
    let absolute = exchange(
        &server,
        format!("GET http://evil.example/api/health HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n").as_bytes(),
    );
    assert_error(&absolute, 421, "misdirected_request");
    assert_error(&get(None, "HTTP/1.1"), 400, "malformed_request");
    assert_eq!(get(None, "HTTP/1.0").status, 200, "HTTP/1.0 has no Host");

    let configured = start(Setup {
        tune: |config| config.allowed_hosts = marsad_serve::guard::AllowedHosts::new(["desk.example.org"]),
        ..Setup::read_only()
    });
    let reply =
        exchange(&configured, b"GET /api/health HTTP/1.1\r\nHost: desk.example.org:8080\r\nConnection: close\r\n\r\n");
    assert_eq!(reply.status, 200, "{}", reply.text_excerpt());
}

#[test]
fn unparseable_requests_get_the_json_error_shape() {
    let server = start(Setup::read_only());
    let host = server.addr();
    let long_target = format!("GET /api/health?{} HTTP/1.1\r\nHost: {host}\r\n\r\n", "a".repeat(70_000));
    assert_error(&exchange(&server, long_target.as_bytes()), 414, "uri_too_long");
    let huge_field =
        format!("GET /api/health HTTP/1.1\r\nHost: {host}\r\nX-Fictional: {}\r\n\r\n", "a".repeat(100_000));
    assert_error(&exchange(&server, huge_field.as_bytes()), 431, "headers_too_large");
    let many: String = (0..150).map(|i| format!("X-Field-{i}: {i}\r\n")).collect();
    let many_fields = format!("GET /api/health HTTP/1.1\r\nHost: {host}\r\n{many}\r\n");
    assert_error(&exchange(&server, many_fields.as_bytes()), 431, "headers_too_large");
    assert_error(&exchange(&server, b"NOT HTTP AT ALL\r\n\r\n"), 400, "malformed_request");
    assert_error(&exchange(&server, b"GET /api/health HTTP/1.1\r\nBad Header\r\n\r\n"), 400, "malformed_request");
    assert_eq!(server.get("/api/health").status, 200, "the server goes on");
}

#[test]
fn every_answer_says_nosniff_and_no_referrer() {
    let server = start(Setup::with_samples());
    let host = server.addr();
    let mut replies: Vec<(String, Reply)> = [
        "/",
        "/api/health",
        "/api/events?limit=1",
        "/api/openapi.json",
        "/api/nope",
        "/api/events?sinse=1",
        "/assets/nope.js",
    ]
    .iter()
    .map(|target| (target.to_string(), server.get(target)))
    .collect();
    replies.push(("DELETE".into(), server.request("DELETE", "/api/events", &[], None)));
    replies.push(("POST without token".into(), server.post("/api/documents", "text/plain", b"fictional", false)));
    replies.push((
        "414".into(),
        exchange(&server, format!("GET /?{} HTTP/1.1\r\nHost: {host}\r\n\r\n", "a".repeat(70_000)).as_bytes()),
    ));
    replies.push(("421".into(), exchange(&server, b"GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n")));
    for (what, reply) in &replies {
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"), "{what}: {:?}", reply.headers);
        assert_eq!(reply.header("referrer-policy"), Some("no-referrer"), "{what}: {:?}", reply.headers);
    }
}
