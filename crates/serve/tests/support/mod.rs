//! Shared setup of the API tests (`openapi.rs`, `bad_requests.rs`): a real server on
//! 127.0.0.1:0 over a temporary store, filled through `POST /api/documents` with the bundled
//! samples (fictional articles written for marsad, which say so in their titles); a blocking
//! HTTP client that treats every status as an answer; the OpenAPI document with its `$ref`s
//! resolved; JSON Schema validation of bodies.

#![allow(dead_code)] // each test file uses part of this

use std::sync::OnceLock;
use std::time::Duration;

use marsad_kb::KnowledgeBase;
use marsad_serve::{serve, App, ServeConfig};
use serde_json::Value;

/// The OpenAPI document, as the server embeds it.
pub const OPENAPI: &str = include_str!("../../openapi.json");

/// The bundled sample articles (fictional), as `marsad ingest --samples` reads them.
pub const SAMPLES: &str = include_str!("../../../cli/samples/samples.jsonl");

/// The token of servers that write.
pub const TOKEN: &str = "fictional-test-token-7f3a";

/// Documents in [`SAMPLES`] (one per line).
pub fn sample_documents() -> usize {
    SAMPLES.lines().filter(|l| !l.trim().is_empty()).count()
}

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<&'static KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| Box::leak(Box::new(KnowledgeBase::embedded().expect("the embedded knowledge base loads"))))
}

/// How to start a server.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The bearer token (None: writing disabled).
    pub token: Option<&'static str>,
    /// Largest request body.
    pub max_body_bytes: Option<usize>,
    /// Post the samples once it is up (needs a token).
    pub samples: bool,
    /// How often `/api/live` looks for changes.
    pub live_poll: Duration,
    /// Any other setting (timeouts, connection cap, allowed hosts).
    pub tune: fn(&mut ServeConfig),
    /// How long a POST waits for another writer's lock (None: the server's default).
    pub lock_wait: Option<Duration>,
}

impl Setup {
    /// A writing server with the samples stored.
    pub fn with_samples() -> Setup {
        Setup {
            token: Some(TOKEN),
            max_body_bytes: None,
            samples: true,
            live_poll: Duration::from_millis(100),
            tune: |_| {},
            lock_wait: None,
        }
    }

    /// A server without a token over an empty store.
    pub fn read_only() -> Setup {
        Setup {
            token: None,
            max_body_bytes: None,
            samples: false,
            live_poll: Duration::from_millis(100),
            tune: |_| {},
            lock_wait: None,
        }
    }
}

/// A running server over a store in a temporary directory under the target directory, removed
/// when the server is dropped (one kept in a static lives until the process ends and stays).
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Its token.
    pub token: Option<&'static str>,
    agent: ureq::Agent,
    _dir: tempfile::TempDir,
}

/// An answer, read whole.
#[derive(Debug, Clone)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Headers (names lower case).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Reply {
    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The media type of `Content-Type`, lower case, without its parameters.
    pub fn media_type(&self) -> String {
        self.header("content-type").unwrap_or("").split(';').next().unwrap_or("").trim().to_ascii_lowercase()
    }

    /// The body as JSON.
    pub fn json(&self) -> Result<Value, String> {
        serde_json::from_slice(&self.body).map_err(|e| format!("body is not JSON ({e}): {}", self.text_excerpt()))
    }

    /// The start of the body, for messages.
    pub fn text_excerpt(&self) -> String {
        let text = String::from_utf8_lossy(&self.body);
        let excerpt: String = text.chars().take(300).collect();
        if excerpt.len() < text.len() {
            format!("{excerpt}…")
        } else {
            excerpt
        }
    }
}

fn agent() -> ureq::Agent {
    let config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .max_redirects(0)
        .build();
    ureq::Agent::new_with_config(config)
}

/// Start a server as `setup` says; panics if it cannot start or the samples cannot be stored.
pub fn start(setup: Setup) -> Server {
    // (Under the target directory: a server kept in a static for a whole test binary is never
    // dropped, and its store would stay behind in the system's temporary directory.)
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a temporary directory");
    let mut config = ServeConfig::new(dir.path().join("marsad.db"));
    config.token = setup.token.map(str::to_string);
    if let Some(max) = setup.max_body_bytes {
        config.max_body_bytes = max;
    }
    config.live_poll = setup.live_poll;
    (setup.tune)(&mut config);
    if let Some(wait) = setup.lock_wait {
        config.lock_wait = wait;
    }
    let (sender, receiver) = std::sync::mpsc::channel::<Result<std::net::SocketAddr, String>>();
    std::thread::Builder::new()
        .name("marsad-serve-test".to_string())
        .spawn(move || {
            let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
                Ok(runtime) => runtime,
                Err(error) => {
                    let _ = sender.send(Err(format!("tokio runtime: {error}")));
                    return;
                }
            };
            runtime.block_on(async move {
                let app = match App::open(config, kb()) {
                    Ok(app) => app,
                    Err(error) => {
                        let _ = sender.send(Err(format!("App::open: {error}")));
                        return;
                    }
                };
                let listener = match tokio::net::TcpListener::bind("127.0.0.1:0").await {
                    Ok(listener) => listener,
                    Err(error) => {
                        let _ = sender.send(Err(format!("bind: {error}")));
                        return;
                    }
                };
                let address = listener.local_addr().map_err(|e| e.to_string());
                let _ = sender.send(address);
                if let Err(error) = serve(app, listener).await {
                    eprintln!("marsad serve (test) stopped: {error}");
                }
            });
        })
        .expect("a server thread");
    let address =
        receiver.recv_timeout(Duration::from_secs(120)).expect("the server starts").expect("the server starts");
    let server = Server { base: format!("http://{address}"), token: setup.token, agent: agent(), _dir: dir };
    if setup.samples {
        let reply = server.post("/api/documents?name=samples.jsonl", "application/x-ndjson", SAMPLES.as_bytes(), true);
        assert_eq!(reply.status, 201, "storing the samples: {}", reply.text_excerpt());
        let body = reply.json().expect("a JSON answer to the samples");
        let results = body["results"].as_array().map(Vec::len).unwrap_or(0);
        assert_eq!(results, sample_documents(), "every sample stored: {body}");
        assert_eq!(body["errors"], serde_json::json!([]), "no sample refused: {body}");
        server.wait_until_indexed();
    }
    server
}

/// Percent-encode a query value (everything but RFC 3986 unreserved characters).
pub fn enc(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A query string from pairs, values encoded (`?a=1&b=2`, or "" for none).
pub fn query(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = pairs.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect();
    format!("?{}", parts.join("&"))
}

impl Server {
    /// The address it listens on.
    pub fn addr(&self) -> std::net::SocketAddr {
        self.base.trim_start_matches("http://").parse().expect("the server's address")
    }

    /// The store file the server was started on (its index is beside it).
    pub fn store_path(&self) -> std::path::PathBuf {
        self._dir.path().join("marsad.db")
    }

    /// Send a request; `target` is the path and query exactly as they go on the wire.
    /// Panics only if no HTTP answer arrives at all.
    pub fn request(&self, method: &str, target: &str, headers: &[(&str, &str)], body: Option<&[u8]>) -> Reply {
        self.try_request(method, target, headers, body)
            .unwrap_or_else(|error| panic!("{method} {target}: no answer: {error}"))
    }

    /// Send a request; an error if no HTTP answer arrives.
    pub fn try_request(
        &self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Result<Reply, String> {
        let url = format!("{}{}", self.base, target);
        let mut builder = ureq::http::Request::builder().method(method).uri(&url);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let response = match body {
            Some(bytes) => {
                let request = builder.body(bytes.to_vec()).map_err(|e| format!("building the request: {e}"))?;
                self.agent.run(request)
            }
            None => {
                let request = builder.body(()).map_err(|e| format!("building the request: {e}"))?;
                self.agent.run(request)
            }
        };
        let mut response = response.map_err(|e| e.to_string())?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (name.as_str().to_ascii_lowercase(), String::from_utf8_lossy(value.as_bytes()).into_owned())
            })
            .collect();
        let body = response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_vec()
            .map_err(|e| format!("reading the body: {e}"))?;
        Ok(Reply { status, headers, body })
    }

    /// Open a request and return the response without reading its body (for streams).
    pub fn open(&self, target: &str) -> Result<ureq::http::Response<ureq::Body>, String> {
        let url = format!("{}{}", self.base, target);
        let request = ureq::http::Request::builder().method("GET").uri(&url).body(()).map_err(|e| e.to_string())?;
        self.agent.run(request).map_err(|e| e.to_string())
    }

    /// GET.
    pub fn get(&self, target: &str) -> Reply {
        self.request("GET", target, &[], None)
    }

    /// GET a JSON answer with status 200.
    pub fn get_json(&self, target: &str) -> Value {
        let reply = self.get(target);
        assert_eq!(reply.status, 200, "GET {target}: {}", reply.text_excerpt());
        reply.json().unwrap_or_else(|e| panic!("GET {target}: {e}"))
    }

    /// POST a body of this media type, with the server's token when `authorized`.
    pub fn post(&self, target: &str, content_type: &str, body: &[u8], authorized: bool) -> Reply {
        let bearer = format!("Bearer {}", self.token.unwrap_or(""));
        let mut headers = vec![("content-type", content_type)];
        if authorized {
            headers.push(("authorization", bearer.as_str()));
        }
        self.request("POST", target, &headers, Some(body))
    }

    /// Wait (at most 10 s) until the search index serves every stored document: the tests
    /// that do not test this do not depend on how soon that is.
    pub fn wait_until_indexed(&self) {
        let started = std::time::Instant::now();
        loop {
            let health = self.get_json("/api/health");
            if health["indexed_documents"] == health["documents"] {
                return;
            }
            assert!(started.elapsed() < Duration::from_secs(10), "the index never caught up with the store: {health}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// What `/api/health` counts.
    pub fn counts(&self) -> Value {
        let health = self.get_json("/api/health");
        serde_json::json!({
            "documents": health["documents"],
            "stories": health["stories"],
            "events": health["events"],
            "sources": health["sources"],
            "indexed_documents": health["indexed_documents"],
        })
    }
}

/// The OpenAPI document, parsed.
pub fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| serde_json::from_str(OPENAPI).expect("openapi.json is JSON"))
}

/// Follow a local `$ref` (`#/a/b`) in the document.
pub fn pointer<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    doc.pointer(reference.strip_prefix('#')?)
}

/// `value` with every local `$ref` replaced by what it points at, recursively (siblings of a
/// `$ref` are kept beside the resolved schema through `allOf`). Err on a dangling or cyclic ref.
pub fn resolve(doc: &Value, value: &Value) -> Result<Value, String> {
    fn go(doc: &Value, value: &Value, depth: usize) -> Result<Value, String> {
        if depth > 64 {
            return Err("`$ref`s nest more than 64 deep (a cycle?)".to_string());
        }
        match value {
            Value::Object(map) => {
                if let Some(Value::String(reference)) = map.get("$ref") {
                    let target = pointer(doc, reference).ok_or_else(|| format!("dangling `$ref` {reference}"))?;
                    let resolved = go(doc, target, depth + 1)?;
                    let siblings: serde_json::Map<String, Value> =
                        map.iter().filter(|(k, _)| k.as_str() != "$ref").map(|(k, v)| (k.clone(), v.clone())).collect();
                    if siblings.is_empty() {
                        return Ok(resolved);
                    }
                    let mut siblings = match go(doc, &Value::Object(siblings), depth + 1)? {
                        Value::Object(map) => map,
                        _ => unreachable!("an object stays an object"),
                    };
                    match siblings.get_mut("allOf") {
                        Some(Value::Array(all_of)) => all_of.push(resolved),
                        _ => {
                            siblings.insert("allOf".to_string(), Value::Array(vec![resolved]));
                        }
                    }
                    return Ok(Value::Object(siblings));
                }
                let mut out = serde_json::Map::new();
                for (key, item) in map {
                    out.insert(key.clone(), go(doc, item, depth)?);
                }
                Ok(Value::Object(out))
            }
            Value::Array(items) => {
                items.iter().map(|item| go(doc, item, depth)).collect::<Result<Vec<_>, _>>().map(Value::Array)
            }
            other => Ok(other.clone()),
        }
    }
    go(doc, value, 0)
}

/// Check `instance` against a JSON Schema (draft 2020-12, formats checked); Err lists every
/// violation with where it is.
pub fn validate(schema: &Value, instance: &Value) -> Result<(), String> {
    let validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
        .map_err(|e| format!("the schema does not compile: {e}"))?;
    let errors: Vec<String> =
        validator.iter_errors(instance).map(|e| format!("at `{}`: {}", e.instance_path(), e)).collect();
    if errors.is_empty() {
        Ok(())
    } else if let Some(branches) = schema.get("oneOf").and_then(Value::as_array) {
        // "matches none of oneOf" says little: show why the closest branch fails.
        // The branch meant is the one whose required members are all there, else the one with fewest violations.
        let has_required = |branch: &Value| {
            branch["required"]
                .as_array()
                .is_some_and(|r| r.iter().all(|k| k.as_str().is_some_and(|k| instance.get(k).is_some())))
        };
        let closest = branches
            .iter()
            .enumerate()
            .filter_map(|(i, branch)| validate(branch, instance).err().map(|e| (i, e, !has_required(branch))))
            .min_by_key(|(_, e, lacking)| {
                (*lacking, e.split(" violation(s)").next().and_then(|n| n.parse::<usize>().ok()).unwrap_or(usize::MAX))
            })
            .map(|(i, e, _)| (i, e));
        match closest {
            Some((i, error)) => Err(format!("no `oneOf` branch matches; branch {i}: {error}")),
            None => Err(format!("more than one `oneOf` branch matches: {}", errors.join("; "))),
        }
    } else {
        let shown: Vec<String> = errors.iter().take(8).map(|e| e.chars().take(400).collect()).collect();
        Err(format!("{} violation(s): {}", errors.len(), shown.join("; ")))
    }
}

/// The shared `Error` schema, resolved.
pub fn error_schema() -> Value {
    resolve(spec(), &serde_json::json!({"$ref": "#/components/schemas/Error"})).expect("the Error schema resolves")
}

/// Check that a reply is the JSON error shape with this status; returns `error.code`.
pub fn check_error_shape(reply: &Reply) -> Result<String, String> {
    if reply.media_type() != "application/json" {
        return Err(format!("Content-Type `{}` is not application/json", reply.header("content-type").unwrap_or("")));
    }
    let body = reply.json()?;
    validate(&error_schema(), &body).map_err(|e| format!("not the Error shape: {e}; body {body}"))?;
    let status = body["error"]["status"].as_u64().unwrap_or(0);
    if status != u64::from(reply.status) {
        return Err(format!("error.status {status} differs from the HTTP status {}", reply.status));
    }
    Ok(body["error"]["code"].as_str().unwrap_or("").to_string())
}

/// Err if `schema` is not a JSON Schema (2020-12) the validator can compile.
pub fn compiles(schema: &Value) -> Result<(), String> {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
        .map(|_| ())
        .map_err(|e| format!("the schema does not compile: {e}"))
}
