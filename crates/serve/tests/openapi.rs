//! The OpenAPI document (`openapi.json`) is the contract, and the running server keeps it.
//!
//! A real server is started on 127.0.0.1:0 over a temporary store into which the bundled
//! samples (fictional articles written for marsad) are posted through `POST /api/documents`.
//! Then, for every path and GET operation of the document, requests are built from the
//! parameters' examples (all of them; none of the optional ones; each optional one alone; each
//! value of each enum), sent over real HTTP, and the status, media type and body are checked
//! against the documented response (JSON Schema 2020-12, `$ref`s resolved into the
//! components). The documented error statuses are triggered and checked the same way. Routes
//! are probed with every method: a served route or method missing from the document fails,
//! as does a documented one that is not served. Every text posted here is fictional, written
//! for these tests.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;
use std::sync::OnceLock;

use serde_json::{json, Value};
use support::{enc, query, resolve, spec, start, validate, Reply, Server, Setup};

/// The server most tests share: the samples are stored, nothing else is written to it.
fn shared() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| start(Setup::with_samples()))
}

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// Parameters the examples cannot fill: they come from a previous answer.
const FROM_PREVIOUS_ANSWER: [&str; 1] = ["cursor"];

/// One operation of the document, `$ref`s resolved.
struct Operation {
    path: String,
    method: String,
    op: Value,
}

impl Operation {
    fn parameters(&self) -> Vec<&Value> {
        self.op["parameters"].as_array().map(|p| p.iter().collect()).unwrap_or_default()
    }

    fn name(&self) -> String {
        format!("{} {}", self.method.to_uppercase(), self.path)
    }
}

fn operations() -> Vec<Operation> {
    let doc = spec();
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in METHODS {
            if let Some(op) = item.get(method) {
                let op = resolve(doc, op).unwrap_or_else(|e| panic!("{method} {path}: {e}"));
                out.push(Operation { path: path.clone(), method: method.to_string(), op });
            }
        }
    }
    out
}

/// A parameter value as it goes in a URL (strings raw, numbers and booleans as written).
fn as_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The concrete path of `template` with its path parameters filled from `values`.
fn fill_path(template: &str, values: &BTreeMap<String, String>) -> String {
    let mut path = template.to_string();
    for (name, value) in values {
        path = path.replace(&format!("{{{name}}}"), &enc(value).replace("%2F", "/"));
    }
    path
}

/// A query parameter with its example and how it goes with the others.
#[derive(Debug, Clone)]
struct QueryParameter {
    name: String,
    example: String,
    schema: Value,
    required: bool,
    /// Given only with these (`x-requires`).
    requires: Vec<String>,
    /// Never with these (`x-excludes`).
    excludes: Vec<String>,
}

fn names(value: &Value) -> Vec<String> {
    value.as_array().map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect()).unwrap_or_default()
}

/// The operation's path with its path parameters' examples, and its query parameters.
fn parameters_of(operation: &Operation) -> (String, Vec<QueryParameter>) {
    let mut path_values = BTreeMap::new();
    let mut query_parameters = Vec::new();
    for parameter in operation.parameters() {
        let name = parameter["name"].as_str().unwrap_or_default().to_string();
        let example = as_text(&parameter["example"]);
        match parameter["in"].as_str() {
            Some("path") => {
                path_values.insert(name, example);
            }
            Some("query") => query_parameters.push(QueryParameter {
                name,
                example,
                schema: parameter["schema"].clone(),
                required: parameter["required"] == json!(true),
                requires: names(&parameter["x-requires"]),
                excludes: names(&parameter["x-excludes"]),
            }),
            _ => {}
        }
    }
    (fill_path(&operation.path, &path_values), query_parameters)
}

/// The pairs of a request giving the required parameters, then `wanted` (name, value) in
/// order with what each requires, skipping any that another one given excludes.
fn combine(parameters: &[QueryParameter], wanted: &[(String, String)]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> =
        parameters.iter().filter(|p| p.required).map(|p| (p.name.clone(), p.example.clone())).collect();
    let find = |name: &str| parameters.iter().find(|p| p.name == name);
    for (name, value) in wanted {
        let Some(parameter) = find(name) else { continue };
        let mut group = vec![(name.clone(), value.clone())];
        for required in &parameter.requires {
            if let Some(other) = find(required) {
                group.push((other.name.clone(), other.example.clone()));
            }
        }
        let excluded = |candidate: &str| {
            pairs.iter().any(|(given, _)| find(given).is_some_and(|g| g.excludes.iter().any(|e| e == candidate)))
                || find(candidate).is_some_and(|c| c.excludes.iter().any(|e| pairs.iter().any(|(given, _)| given == e)))
        };
        if group.iter().any(|(n, _)| excluded(n)) {
            continue;
        }
        for (n, v) in group {
            match pairs.iter_mut().find(|(given, _)| *given == n) {
                Some(pair) => pair.1 = v,
                None => pairs.push((n, v)),
            }
        }
    }
    pairs
}

/// The requests to make for a GET operation: (label, target).
fn requests_of(operation: &Operation) -> Vec<(String, String)> {
    let (path, parameters) = parameters_of(operation);
    let optional: Vec<&QueryParameter> =
        parameters.iter().filter(|p| !p.required && !FROM_PREVIOUS_ANSWER.contains(&p.name.as_str())).collect();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |label: String, wanted: Vec<(String, String)>| {
        let target = format!("{path}{}", query(&combine(&parameters, &wanted)));
        if !out.iter().any(|(_, t)| *t == target) {
            out.push((label, target));
        }
    };
    let all: Vec<(String, String)> = optional.iter().map(|p| (p.name.clone(), p.example.clone())).collect();
    add("every example".to_string(), all.clone());
    add("every example, the other way round".to_string(), all.iter().rev().cloned().collect());
    add("no optional parameter".to_string(), Vec::new());
    for parameter in &parameters {
        if !parameter.required && !optional.iter().any(|p| p.name == parameter.name) {
            continue;
        }
        add(format!("only `{}`", parameter.name), vec![(parameter.name.clone(), parameter.example.clone())]);
        for value in parameter.schema["enum"].as_array().into_iter().flatten() {
            add(format!("`{}={}`", parameter.name, as_text(value)), vec![(parameter.name.clone(), as_text(value))]);
        }
    }
    out
}

/// The documented schema for this status and media type; Err says what is not documented.
fn documented_schema(operation: &Operation, status: u16, media_type: &str) -> Result<Option<Value>, String> {
    let response = operation.op["responses"].get(status.to_string()).ok_or_else(|| {
        let documented: Vec<&String> =
            operation.op["responses"].as_object().map(|r| r.keys().collect()).unwrap_or_default();
        format!("status {status} is not documented (documented: {documented:?})")
    })?;
    let content = match response.get("content").and_then(Value::as_object) {
        Some(content) => content,
        None => return Ok(None),
    };
    let media = content.get(media_type).ok_or_else(|| {
        let documented: Vec<&String> = content.keys().collect();
        format!("media type `{media_type}` is not documented for status {status} (documented: {documented:?})")
    })?;
    Ok(media.get("schema").cloned())
}

fn is_json(media_type: &str) -> bool {
    media_type == "application/json" || media_type.ends_with("+json")
}

/// Check a reply against the operation's documented response.
fn check_reply(operation: &Operation, reply: &Reply) -> Result<(), String> {
    let media_type = reply.media_type();
    let schema = documented_schema(operation, reply.status, &media_type)?;
    if is_json(&media_type) {
        let body = reply.json()?;
        if let Some(schema) = schema {
            validate(&schema, &body).map_err(|e| format!("{} {media_type} body does not match: {e}", reply.status))?;
        }
    } else if reply.body.is_empty() && reply.status == 200 {
        return Err("empty body".to_string());
    }
    Ok(())
}

/// True if the body holds some non-empty array (among its members, one level down).
fn has_items(body: &Value) -> Option<bool> {
    let members: Vec<&Value> = match body {
        Value::Object(map) => map.values().collect(),
        Value::Array(items) => return Some(!items.is_empty()),
        _ => return None,
    };
    let arrays: Vec<&Vec<Value>> = members.iter().filter_map(|v| v.as_array()).collect();
    if arrays.is_empty() {
        return None;
    }
    Some(arrays.iter().any(|a| !a.is_empty()))
}

fn fail_if_any(what: &str, failures: Vec<String>) {
    if !failures.is_empty() {
        panic!("{what}: {} failure(s):\n  - {}", failures.len(), failures.join("\n  - "));
    }
}

#[test]
fn document_is_well_formed() {
    let doc = spec();
    let mut failures = Vec::new();
    if doc["openapi"] != json!("3.1.0") {
        failures.push(format!("`openapi` is {}, not 3.1.0", doc["openapi"]));
    }
    if let Err(error) = resolve(doc, doc) {
        failures.push(format!("the document's `$ref`s: {error}"));
    }
    // Every component schema compiles.
    for (name, schema) in doc["components"]["schemas"].as_object().expect("components/schemas") {
        match resolve(doc, schema) {
            Ok(schema) => {
                if let Err(error) = support::compiles(&schema) {
                    failures.push(format!("schema {name}: {error}"));
                }
            }
            Err(error) => failures.push(format!("schema {name}: {error}")),
        }
        // A fixed shape lists what it requires and refuses anything else.
        let open = ["NewDocument", "OpenApiDocument"];
        if schema.get("properties").is_some() && !open.contains(&name.as_str()) {
            if schema.get("required").is_none() {
                failures.push(format!("schema {name} has properties but no `required` list"));
            }
            if schema.get("additionalProperties") != Some(&json!(false)) {
                failures.push(format!("schema {name} is a fixed shape without `additionalProperties: false`"));
            }
            let properties: BTreeSet<&String> =
                schema["properties"].as_object().map(|p| p.keys().collect()).unwrap_or_default();
            for required in schema["required"].as_array().into_iter().flatten() {
                if !properties.contains(&required.as_str().unwrap_or_default().to_string()) {
                    failures.push(format!("schema {name} requires `{required}`, which it does not define"));
                }
            }
        }
    }
    let mut operation_ids = BTreeSet::new();
    for operation in operations() {
        let name = operation.name();
        match operation.op["operationId"].as_str() {
            Some(id) if operation_ids.insert(id.to_string()) => {}
            Some(id) => failures.push(format!("{name}: operationId {id} is not unique")),
            None => failures.push(format!("{name}: no operationId")),
        }
        // Path parameters: exactly those of the template, required.
        let in_template: BTreeSet<String> = operation
            .path
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(str::to_string)
            .collect();
        let mut declared = BTreeSet::new();
        for parameter in operation.parameters() {
            let pname = parameter["name"].as_str().unwrap_or_default();
            if parameter["in"] == json!("path") {
                declared.insert(pname.to_string());
                if parameter["required"] != json!(true) {
                    failures.push(format!("{name}: path parameter {pname} is not required"));
                }
            }
            let schema = &parameter["schema"];
            if schema.is_null() {
                failures.push(format!("{name}: parameter {pname} has no schema"));
            }
            match parameter.get("example") {
                None => failures.push(format!("{name}: parameter {pname} has no example")),
                Some(example) if !FROM_PREVIOUS_ANSWER.contains(&pname) => {
                    if let Err(error) = validate(schema, example) {
                        failures.push(format!("{name}: the example of {pname} does not match its schema: {error}"));
                    }
                }
                Some(_) => {}
            }
            if parameter.get("description").is_none() {
                failures.push(format!("{name}: parameter {pname} has no description"));
            }
        }
        if declared != in_template {
            failures.push(format!("{name}: path parameters {declared:?} differ from the template's {in_template:?}"));
        }
        let responses = operation.op["responses"].as_object().cloned().unwrap_or_default();
        if !responses.keys().any(|k| k.starts_with('2')) {
            failures.push(format!("{name}: no 2xx response"));
        }
        for (status, response) in &responses {
            if response.get("description").is_none() {
                failures.push(format!("{name}: response {status} has no description"));
            }
            let content = response["content"].as_object().cloned().unwrap_or_default();
            if content.is_empty() && status != "304" {
                failures.push(format!("{name}: response {status} has no content"));
            }
            for (media_type, media) in &content {
                if media.get("schema").is_none() {
                    failures.push(format!("{name}: response {status} {media_type} has no schema"));
                }
            }
            if status.starts_with('4') || status.starts_with('5') {
                // Errors are the shared Error shape, as JSON, and the status fits its code.
                let schema = &content.get("application/json").cloned().unwrap_or(Value::Null)["schema"];
                let code = match status.as_str() {
                    "400" if operation.path.starts_with("/api/") => "invalid_parameter",
                    "400" => "malformed_request",
                    "401" => "unauthorized",
                    "403" => "writing_disabled",
                    "404" => "not_found",
                    "408" => "request_timeout",
                    "413" => "payload_too_large",
                    "414" => "uri_too_long",
                    "415" => "unsupported_media_type",
                    "421" => "misdirected_request",
                    "422" => "invalid_body",
                    "431" => "headers_too_large",
                    "500" => "internal",
                    "503" => "unavailable",
                    other => {
                        failures.push(format!("{name}: status {other} is not one the API returns"));
                        continue;
                    }
                };
                let sample = json!({"error": {"status": status.parse::<u16>().unwrap_or(0), "code": code, "message": "a sample", "parameter": "limit"}});
                if let Err(error) = validate(schema, &sample) {
                    failures.push(format!(
                        "{name}: response {status} does not describe an Error with code {code}: {error}"
                    ));
                }
            }
        }
        if let Some(body) = operation.op.get("requestBody") {
            for (media_type, media) in body["content"].as_object().cloned().unwrap_or_default() {
                if let (Some(schema), Some(example)) = (media.get("schema"), media.get("example")) {
                    if let Err(error) = validate(schema, example) {
                        failures.push(format!("{name}: the {media_type} example does not match its schema: {error}"));
                    }
                }
            }
        }
    }
    // Writing needs the bearer token.
    if doc["components"]["securitySchemes"]["bearer"]["scheme"] != json!("bearer") {
        failures.push("no bearer security scheme".to_string());
    }
    for operation in operations().iter().filter(|o| o.method != "get") {
        if operation.op["security"] != json!([{"bearer": []}]) {
            failures.push(format!("{}: does not require the bearer token", operation.name()));
        }
    }
    // Every route of API.md is here.
    let api_md = include_str!("../API.md");
    let mut listed = 0;
    for line in api_md.lines().filter(|l| l.starts_with("| `GET ") || l.starts_with("| `POST ")) {
        // The first cell: one or more `METHOD /path` in backticks.
        let cell = line.trim_start_matches('|').split(" |").next().unwrap_or_default();
        for route in cell.split('`').skip(1).step_by(2) {
            let Some((method, path)) = route.split_once(' ') else { continue };
            let path = path.split('?').next().unwrap_or_default().replace("/...", "/{path}");
            listed += 1;
            if doc["paths"][&path][method.to_lowercase()].is_null() {
                failures.push(format!("API.md lists `{method} {path}`, which the document lacks"));
            }
        }
    }
    if listed < 14 {
        failures.push(format!("only {listed} routes read from API.md's table"));
    }
    fail_if_any("openapi.json", failures);
}

#[test]
fn served_document_is_this_file() {
    let server = shared();
    let reply = server.get("/api/openapi.json");
    assert_eq!(reply.status, 200, "{}", reply.text_excerpt());
    assert_eq!(reply.media_type(), "application/json");
    assert_eq!(
        &reply.json().expect("JSON"),
        spec(),
        "the server serves another document than crates/serve/openapi.json"
    );
}

#[test]
fn every_get_operation_answers_as_documented() {
    let server = shared();
    let mut failures = Vec::new();
    let mut requests = 0;
    for operation in operations().iter().filter(|o| o.method == "get") {
        let media_types: Vec<String> = operation.op["responses"]["200"]["content"]
            .as_object()
            .map(|c| c.keys().cloned().collect())
            .unwrap_or_default();
        if media_types.iter().any(|m| m == "text/event-stream") {
            // A stream: the status and the media type (the body never ends).
            for (label, target) in requests_of(operation) {
                requests += 1;
                match server.open(&target) {
                    Ok(response) => {
                        let media = response
                            .headers()
                            .get("content-type")
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or("")
                            .split(';')
                            .next()
                            .unwrap_or("")
                            .trim()
                            .to_string();
                        if response.status().as_u16() != 200 || media != "text/event-stream" {
                            failures.push(format!(
                                "{} ({label}) GET {target}: {} {media}, expected 200 text/event-stream",
                                operation.name(),
                                response.status()
                            ));
                        }
                    }
                    Err(error) => failures.push(format!("{} ({label}) GET {target}: {error}", operation.name())),
                }
            }
            continue;
        }
        for (label, target) in requests_of(operation) {
            requests += 1;
            let reply = server.get(&target);
            let context = format!("{} ({label}) GET {target}", operation.name());
            if reply.status != 200 {
                failures.push(format!("{context}: status {}, expected 200: {}", reply.status, reply.text_excerpt()));
                continue;
            }
            if let Err(error) = check_reply(operation, &reply) {
                failures.push(format!("{context}: {error}"));
                continue;
            }
            // The examples are chosen to find something: an empty answer would check nothing.
            if label.starts_with("every example") && is_json(&reply.media_type()) {
                if let Ok(body) = reply.json() {
                    if has_items(&body) == Some(false) {
                        failures.push(format!(
                            "{context}: the examples find nothing in the samples: {}",
                            reply.text_excerpt()
                        ));
                    }
                }
            }
        }
    }
    assert!(requests > 30, "only {requests} requests were built from the document");
    fail_if_any("GET operations", failures);
}

/// Send a request that must fail with `status` and `code`, answered as the operation documents.
#[allow(clippy::too_many_arguments)]
fn expect_error(
    failures: &mut Vec<String>,
    operation: &Operation,
    server: &Server,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: Option<&[u8]>,
    status: u16,
    code: &str,
) {
    let context = format!("{} {method} {target}", operation.name());
    let reply = match server.try_request(method, target, headers, body) {
        Ok(reply) => reply,
        Err(error) => {
            failures.push(format!("{context}: no answer: {error}"));
            return;
        }
    };
    if reply.status != status {
        failures.push(format!(
            "{context}: status {}, expected {status} {code}: {}",
            reply.status,
            reply.text_excerpt()
        ));
        return;
    }
    if let Err(error) = check_reply(operation, &reply) {
        failures.push(format!("{context}: {error}"));
        return;
    }
    match support::check_error_shape(&reply) {
        Ok(got) if got == code => {}
        Ok(got) => failures.push(format!("{context}: code `{got}`, expected `{code}`")),
        Err(error) => failures.push(format!("{context}: {error}")),
    }
}

/// A value of this parameter's schema that names nothing stored.
fn missing_value(parameter: &Value) -> Option<String> {
    let schema = &parameter["schema"];
    if schema["enum"].is_array() {
        return None;
    }
    match schema["type"].as_str() {
        Some("integer") => Some("987654321".to_string()),
        Some("string") if parameter["name"] == json!("path") => Some("no-such-asset.js".to_string()),
        Some("string") => Some("zz.no-such-thing".to_string()),
        _ => None,
    }
}

#[test]
fn documented_errors_answer_as_documented() {
    let server = shared();
    let read_only = start(Setup::read_only());
    let mut failures = Vec::new();
    for operation in operations() {
        let documented = |status: &str| !operation.op["responses"][status].is_null();
        let mut path_values = BTreeMap::new();
        let mut required = Vec::new();
        for parameter in operation.parameters() {
            let name = parameter["name"].as_str().unwrap_or_default().to_string();
            match parameter["in"].as_str() {
                Some("path") => {
                    path_values.insert(name, as_text(&parameter["example"]));
                }
                Some("query") if parameter["required"] == json!(true) => {
                    required.push((name, as_text(&parameter["example"])))
                }
                _ => {}
            }
        }
        let path = fill_path(&operation.path, &path_values);
        let auth = format!("Bearer {}", support::TOKEN);
        if operation.method == "get" {
            // The page and its assets take no parameters to refuse: their 400 is for requests
            // that are not valid HTTP (tests/hardening.rs).
            if documented("400") && operation.path.starts_with("/api/") {
                let mut pairs = required.clone();
                pairs.push(("zz_unknown".to_string(), "1".to_string()));
                let target = format!("{path}{}", query(&pairs));
                expect_error(&mut failures, &operation, server, "GET", &target, &[], None, 400, "unknown_parameter");
            }
            if documented("404") {
                for parameter in operation.parameters().into_iter().filter(|p| p["in"] == json!("path")) {
                    if let Some(missing) = missing_value(parameter) {
                        let mut values = path_values.clone();
                        values.insert(parameter["name"].as_str().unwrap_or_default().to_string(), missing);
                        let target = format!("{}{}", fill_path(&operation.path, &values), query(&required));
                        expect_error(&mut failures, &operation, server, "GET", &target, &[], None, 404, "not_found");
                    }
                }
            }
        } else {
            let method = operation.method.to_uppercase();
            let note = br#"{"id":"fictional-note","text":"A fictional note written for marsad's tests."}"#;
            if documented("401") {
                expect_error(
                    &mut failures,
                    &operation,
                    server,
                    &method,
                    &path,
                    &[("content-type", "application/json")],
                    Some(note),
                    401,
                    "unauthorized",
                );
                expect_error(
                    &mut failures,
                    &operation,
                    server,
                    &method,
                    &path,
                    &[("content-type", "application/json"), ("authorization", "Bearer not-the-token")],
                    Some(note),
                    401,
                    "unauthorized",
                );
            }
            if documented("403") {
                expect_error(
                    &mut failures,
                    &operation,
                    &read_only,
                    &method,
                    &path,
                    &[("content-type", "application/json"), ("authorization", &auth)],
                    Some(note),
                    403,
                    "writing_disabled",
                );
            }
            if documented("415") {
                expect_error(
                    &mut failures,
                    &operation,
                    server,
                    &method,
                    &path,
                    &[("content-type", "application/pdf"), ("authorization", &auth)],
                    Some(b"%PDF-1.4 fictional"),
                    415,
                    "unsupported_media_type",
                );
            }
            if documented("422") {
                expect_error(
                    &mut failures,
                    &operation,
                    server,
                    &method,
                    &path,
                    &[("content-type", "application/json"), ("authorization", &auth)],
                    Some(b"{\"text\": "),
                    422,
                    "invalid_body",
                );
            }
            if documented("400") {
                let target = format!("{path}?zz_unknown=1");
                expect_error(
                    &mut failures,
                    &operation,
                    server,
                    &method,
                    &target,
                    &[("content-type", "application/json"), ("authorization", &auth)],
                    Some(note),
                    400,
                    "unknown_parameter",
                );
            }
        }
    }
    fail_if_any("documented errors", failures);
}

/// The documented template a concrete path matches, if any.
fn template_of(path: &str) -> Option<String> {
    let segments: Vec<&str> = path.split('/').collect();
    spec()["paths"]
        .as_object()?
        .keys()
        .find(|template| {
            let parts: Vec<&str> = template.split('/').collect();
            // `/assets/{path}`: the asset's path may hold slashes.
            let rest = parts.last() == Some(&"{path}") && segments.len() >= parts.len();
            (parts.len() == segments.len() || rest)
                && parts.iter().zip(&segments).all(|(t, s)| if t.starts_with('{') { !s.is_empty() } else { t == s })
        })
        .cloned()
}

#[test]
fn every_served_route_is_documented() {
    let server = shared();
    // Routes of API.md, routes a server like this one might grow, and near misses.
    let mut probes: Vec<String> = [
        "/api",
        "/api/",
        "/api/health",
        "/api/health/",
        "/api/status",
        "/api/version",
        "/api/stats",
        "/api/metrics",
        "/api/events",
        "/api/events/",
        "/api/events/1",
        "/api/events/1/",
        "/api/events/1/sources",
        "/api/events/1/claims",
        "/api/events.geojson",
        "/api/event",
        "/api/event/1",
        "/api/points",
        "/api/counts",
        "/api/counts/type",
        "/api/timeline",
        "/api/map",
        "/api/stories",
        "/api/stories/1",
        "/api/export",
        "/api/search",
        "/api/documents",
        "/api/documents/1",
        "/api/documents/1/text",
        "/api/documents/1/events",
        "/api/document/1",
        "/api/entities",
        "/api/entities/actor",
        "/api/entities/actor/jnim",
        "/api/entities/actor/jnim/events",
        "/api/actors",
        "/api/places",
        "/api/outlets",
        "/api/people",
        "/api/live",
        "/api/live/events",
        "/api/stream",
        "/api/openapi.json",
        "/api/openapi.yaml",
        "/api/docs",
        "/api/reindex",
        "/api/ingest",
        "/api/nope",
        "/openapi.json",
        "/health",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for operation in operations() {
        let mut values = BTreeMap::new();
        for parameter in operation.parameters().into_iter().filter(|p| p["in"] == json!("path")) {
            values.insert(parameter["name"].as_str().unwrap_or_default().to_string(), as_text(&parameter["example"]));
        }
        let path = fill_path(&operation.path, &values);
        if !probes.contains(&path) {
            probes.push(path);
        }
    }
    let auth = format!("Bearer {}", support::TOKEN);
    let mut failures = Vec::new();
    for path in &probes {
        let template = template_of(path);
        for method in METHODS {
            let upper = method.to_uppercase();
            let documented = template.as_ref().map(|t| !spec()["paths"][t][method].is_null()).unwrap_or(false);
            let context = format!("{upper} {path}");
            let (status, reply) = if method == "get" && template.as_deref() == Some("/api/live") {
                match server.open(path) {
                    Ok(response) => (response.status().as_u16(), None),
                    Err(error) => {
                        failures.push(format!("{context}: {error}"));
                        continue;
                    }
                }
            } else {
                // Writes carry the token and an empty body: refused as `invalid_body` at most.
                let headers = [("content-type", "application/json"), ("authorization", auth.as_str())];
                let reply = if method == "get" || method == "delete" {
                    server.request(&upper, path, &[], None)
                } else {
                    server.request(&upper, path, &headers, Some(b""))
                };
                (reply.status, Some(reply))
            };
            let code = reply.as_ref().and_then(|r| support::check_error_shape(r).ok());
            match (&template, documented) {
                (Some(_), true) => {
                    // Served (the probes name things the samples hold): neither 404 nor 405.
                    if status == 404 || status == 405 {
                        failures.push(format!(
                            "{context}: documented, but answered {status} {}",
                            reply.as_ref().map(Reply::text_excerpt).unwrap_or_default()
                        ));
                    }
                }
                (Some(template), false) => {
                    // A method the document does not list: 405 with an Allow header.
                    if status != 405 {
                        failures.push(format!("{context}: answered {status}, but the document has no {upper} for {template} (served and undocumented, or not 405)"));
                        continue;
                    }
                    if code.as_deref() != Some("method_not_allowed") {
                        failures.push(format!(
                            "{context}: 405 without the Error shape and code method_not_allowed: {}",
                            reply.as_ref().map(Reply::text_excerpt).unwrap_or_default()
                        ));
                    }
                    let allow: BTreeSet<String> = reply
                        .as_ref()
                        .and_then(|r| r.header("allow"))
                        .unwrap_or("")
                        .split(',')
                        .map(|m| m.trim().to_lowercase())
                        .filter(|m| !m.is_empty() && m != "head" && m != "options")
                        .collect();
                    let listed: BTreeSet<String> = METHODS
                        .iter()
                        .filter(|m| !spec()["paths"][template][**m].is_null())
                        .map(|m| m.to_string())
                        .collect();
                    if allow != listed {
                        failures.push(format!("{context}: Allow lists {allow:?}, the document {listed:?}"));
                    }
                }
                (None, _) => {
                    if status != 404 || code.as_deref() != Some("not_found") {
                        failures.push(format!(
                            "{context}: not in the document, answered {status} {}",
                            reply.as_ref().map(Reply::text_excerpt).unwrap_or_default()
                        ));
                    }
                }
            }
        }
    }
    fail_if_any("routes", failures);
}

/// Walk every page of `route` with `limit=1`; the items must be those of one big page, in order, once each.
fn walk_pages(server: &Server, route: &str, items: &str) -> Result<Vec<i64>, String> {
    let all: Vec<i64> = server.get_json(&format!("{route}?limit=500"))[items]
        .as_array()
        .ok_or("no items")?
        .iter()
        .filter_map(|e| e["id"].as_i64())
        .collect();
    let mut walked = Vec::new();
    let mut target = format!("{route}?limit=1");
    for _ in 0..=all.len() + 1 {
        let page = server.get_json(&target);
        let ids: Vec<i64> = page[items].as_array().ok_or("no items")?.iter().filter_map(|e| e["id"].as_i64()).collect();
        if ids.len() > 1 {
            return Err(format!("{target} returned {} items", ids.len()));
        }
        walked.extend(ids);
        match page["next_cursor"].as_str() {
            Some(cursor) => target = format!("{route}?limit=1&cursor={}", enc(cursor)),
            None => break,
        }
    }
    if walked != all {
        return Err(format!("{route}: pages of 1 give {walked:?}, one page gives {all:?}"));
    }
    Ok(all)
}

#[test]
fn pages_walk_every_item_once_in_order() {
    let server = shared();
    let events = walk_pages(server, "/api/events", "events").unwrap_or_else(|e| panic!("{e}"));
    assert!(events.len() >= 2, "the samples give several events: {events:?}");
    let documents = walk_pages(server, "/api/documents", "documents").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(documents.len(), support::sample_documents());
    // A cursor page conforms too.
    let first = server.get_json("/api/events?limit=2");
    let cursor = first["next_cursor"].as_str().expect("a next page");
    let operation =
        operations().into_iter().find(|o| o.path == "/api/events" && o.method == "get").expect("GET /api/events");
    let reply = server.get(&format!("/api/events?limit=2&cursor={}", enc(cursor)));
    assert_eq!(reply.status, 200, "{}", reply.text_excerpt());
    check_reply(&operation, &reply).unwrap_or_else(|e| panic!("a page after a cursor: {e}"));
    // Newest first, undated last.
    let page = server.get_json("/api/events?limit=500");
    let dates: Vec<Option<String>> =
        page["events"].as_array().expect("events").iter().map(|e| e["date"].as_str().map(str::to_string)).collect();
    let dated: Vec<&String> = dates.iter().flatten().collect();
    let first_undated = dates.iter().position(Option::is_none).unwrap_or(dates.len());
    assert!(dates[first_undated..].iter().all(Option::is_none), "undated events come last: {dates:?}");
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "events newest first: {dates:?}");
}

#[test]
fn views_of_the_store_agree() {
    let server = shared();
    let health = server.get_json("/api/health");
    let events = server.get_json("/api/events?limit=500");
    let events = events["events"].as_array().expect("events").clone();
    assert_eq!(health["events"].as_u64(), Some(events.len() as u64), "health and /api/events count the same events");
    assert_eq!(health["documents"].as_u64(), Some(support::sample_documents() as u64));
    assert_eq!(health["writable"], json!(true));
    // Points: parallel arrays, the located events.
    let points = server.get_json("/api/points");
    let count = points["count"].as_u64().expect("count") as usize;
    for column in ["id", "lat", "lon", "type", "date", "fatalities", "disputed"] {
        assert_eq!(points[column].as_array().map(Vec::len), Some(count), "points.{column} has `count` items");
    }
    let located: BTreeSet<i64> =
        events.iter().filter(|e| e["place"]["lat"].is_number()).filter_map(|e| e["id"].as_i64()).collect();
    let pointed: BTreeSet<i64> = points["id"].as_array().expect("id").iter().filter_map(Value::as_i64).collect();
    assert_eq!(pointed, located, "points are the events with coordinates");
    let types = points["types"].as_array().expect("types");
    for (i, id) in points["id"].as_array().expect("id").iter().enumerate() {
        let event = events.iter().find(|e| &e["id"] == id).expect("the event");
        let index = points["type"][i].as_u64().expect("type index") as usize;
        assert_eq!(types.get(index), Some(&event["event_type"]), "point {id}: type index");
    }
    // Counts by type add up to the events.
    let counts = server.get_json("/api/counts?by=type");
    let total: u64 = counts["buckets"].as_array().expect("buckets").iter().filter_map(|b| b["count"].as_u64()).sum();
    assert_eq!(total, events.len() as u64, "counts by type add up to the events");
    // An event's sources are documents that list it.
    let id = events[0]["id"].as_i64().expect("id");
    let detail = server.get_json(&format!("/api/events/{id}"));
    for source in detail["sources"].as_array().expect("sources") {
        let doc = server.get_json(&format!("/api/documents/{}", source["doc_id"]));
        assert!(
            doc["events"].as_array().expect("events").contains(&json!(id)),
            "document {} lists event {id}",
            source["doc_id"]
        );
        // Evidence offsets count code points of the document's text.
        let text: Vec<char> = doc["text"].as_str().expect("text").chars().collect();
        let evidence = &source["claim"]["evidence"];
        let (start, end) =
            (evidence["start"].as_u64().expect("start") as usize, evidence["end"].as_u64().expect("end") as usize);
        let said: String = text.get(start..end).map(|s| s.iter().collect()).unwrap_or_default();
        assert_eq!(
            json!(said),
            evidence["text"],
            "event {id}: evidence at its offsets in document {}",
            source["doc_id"]
        );
    }
}

#[test]
fn request_body_examples_are_stored() {
    // Its own server: this writes.
    let server = start(Setup::with_samples());
    let operation = operations()
        .into_iter()
        .find(|o| o.path == "/api/documents" && o.method == "post")
        .expect("POST /api/documents");
    let mut failures = Vec::new();
    let mut posted = 0;
    for (media_type, media) in operation.op["requestBody"]["content"].as_object().cloned().unwrap_or_default() {
        let body = match media.get("example") {
            Some(Value::String(text)) => text.clone().into_bytes(),
            Some(other) => other.to_string().into_bytes(),
            None => continue,
        };
        posted += 1;
        let reply = server.post("/api/documents", &media_type, &body, true);
        if reply.status != 201 {
            failures.push(format!("POST {media_type} example: status {}: {}", reply.status, reply.text_excerpt()));
            continue;
        }
        if let Err(error) = check_reply(&operation, &reply) {
            failures.push(format!("POST {media_type} example: {error}"));
        }
    }
    assert!(posted >= 3, "examples for JSON, JSON Lines and text");
    fail_if_any("request body examples", failures);
}

#[test]
fn live_stream_sends_new_events_as_documented() {
    // Its own server: this writes.
    let server = start(Setup::with_samples());
    let doc = spec();
    let schema = resolve(
        doc,
        &doc["paths"]["/api/live"]["get"]["responses"]["200"]["content"]["text/event-stream"]["x-sse-events"]["events"],
    )
    .expect("the live event schema");
    let response = server.open("/api/live").expect("/api/live answers");
    assert_eq!(response.status().as_u16(), 200);
    let mut lines = std::io::BufReader::new(response.into_body().into_reader()).lines();
    // A fictional report (written for these tests) that gives one event.
    let report = json!({
        "id": "fictional-live-gao",
        "title": "Gunmen attack market near Gao (a fictional report written for marsad's tests)",
        "text": "Gunmen attack market near Gao (a fictional report written for marsad's tests)\n\nGunmen attacked a market near Gao on Tuesday, killing four civilians, local officials said.",
        "source": "Test desk (fictional)",
        "published": "2025-10-08"
    });
    let reply = server.post("/api/documents", "application/json", report.to_string().as_bytes(), true);
    assert_eq!(reply.status, 201, "{}", reply.text_excerpt());
    let stored = reply.json().expect("JSON");
    let new_events: BTreeSet<i64> =
        stored["results"][0]["events"].as_array().expect("events").iter().filter_map(Value::as_i64).collect();
    assert!(!new_events.is_empty(), "the fictional report gives an event: {stored}");
    let mut event_name = None;
    let mut seen = Vec::new();
    for _ in 0..1000 {
        let line = lines.next().expect("the stream goes on").expect("a line of the stream");
        if let Some(name) = line.strip_prefix("event:") {
            event_name = Some(name.trim().to_string());
        } else if let Some(data) = line.strip_prefix("data:") {
            if event_name.as_deref() == Some("reload") {
                continue;
            }
            assert_eq!(event_name.as_deref(), Some("events"), "data of an event named `events` or `reload`");
            let data: Value = serde_json::from_str(data.trim()).expect("data is one line of JSON");
            validate(&schema, &data).unwrap_or_else(|e| panic!("live data does not match LiveEvents: {e}"));
            seen.extend(data["events"].as_array().expect("events").iter().filter_map(|e| e["id"].as_i64()));
            if new_events.iter().all(|id| seen.contains(id)) {
                return;
            }
        } else if line.is_empty() {
            event_name = None;
        }
    }
    panic!("the new events {new_events:?} never came on /api/live (saw {seen:?})");
}

#[test]
fn numeric_bounds_are_kept() {
    let server = shared();
    let mut failures = Vec::new();
    let mut checked = 0;
    for operation in operations().iter().filter(|o| o.method == "get") {
        let (path, parameters) = parameters_of(operation);
        for parameter in &parameters {
            let name = parameter.name.as_str();
            let schema = &parameter.schema;
            let integer = schema["type"] == json!("integer");
            if !integer && schema["type"] != json!("number") {
                continue;
            }
            let text = |value: f64| if integer { format!("{}", value as i64) } else { format!("{value}") };
            let mut accepted = Vec::new();
            let mut refused = vec!["abc".to_string()];
            if let Some(max) = schema["maximum"].as_f64() {
                accepted.push(text(max));
                refused.push(if integer { text(max + 1.0) } else { text(max + 0.5) });
            }
            if let Some(min) = schema["minimum"].as_f64() {
                accepted.push(text(min));
                refused.push(if integer { text(min - 1.0) } else { text(min - 0.5) });
            }
            if let Some(min) = schema["exclusiveMinimum"].as_f64() {
                refused.push(text(min));
            }
            if integer {
                refused.push("1.5".to_string());
            }
            for value in accepted {
                let target = format!("{path}{}", query(&combine(&parameters, &[(name.to_string(), value.clone())])));
                checked += 1;
                let reply = server.get(&target);
                if reply.status != 200 {
                    failures.push(format!(
                        "GET {target}: `{name}={value}` is within the documented bounds, answered {}: {}",
                        reply.status,
                        reply.text_excerpt()
                    ));
                }
            }
            for value in refused {
                let target = format!("{path}{}", query(&combine(&parameters, &[(name.to_string(), value.clone())])));
                checked += 1;
                let reply = server.get(&target);
                let code = support::check_error_shape(&reply);
                let parameter_named =
                    reply.json().ok().map(|b| b["error"]["parameter"] == json!(name)).unwrap_or(false);
                if reply.status != 400 || code.as_deref() != Ok("invalid_parameter") || !parameter_named {
                    failures.push(format!("GET {target}: `{name}={value}` is outside the documented schema, expected 400 invalid_parameter naming `{name}`, got {} {}", reply.status, reply.text_excerpt()));
                }
            }
        }
    }
    assert!(checked > 20, "only {checked} bounds checked");
    fail_if_any("numeric bounds", failures);
}

#[test]
fn page_and_assets_answer_304_to_their_etag() {
    let server = shared();
    for operation in operations().iter().filter(|o| o.method == "get" && !o.op["responses"]["304"].is_null()) {
        let (path, _) = parameters_of(operation);
        let first = server.get(&path);
        assert_eq!(first.status, 200, "GET {path}: {}", first.text_excerpt());
        let etag = first.header("etag").unwrap_or_else(|| panic!("GET {path}: no ETag")).to_string();
        let again = server.request("GET", &path, &[("if-none-match", &etag)], None);
        assert_eq!(again.status, 304, "GET {path} with If-None-Match: {etag}");
        assert!(again.body.is_empty(), "a 304 has no body");
    }
}
