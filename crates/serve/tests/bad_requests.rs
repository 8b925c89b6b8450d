//! Bad requests, as a table: each case is a request and the status and error `code` it must
//! get (and, for parameters, the `parameter` the error names). Every refusal must be the JSON
//! error shape of `openapi.json`, never a 5xx; the server must still answer `/api/health`
//! after each, and the store must hold exactly what it held before (a refused write writes
//! nothing). A second part checks the bodies that must be accepted and stored as sent (a
//! windows-1256 text among them). Every text here is fictional, written for these tests.

mod support;

use serde_json::{json, Value};
use support::{check_error_shape, enc, start, Reply, Server, Setup, TOKEN};

/// Which server a case goes to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum On {
    /// Token set, samples stored, bodies up to [`BODY_LIMIT`].
    Writer,
    /// No token: writing is off.
    ReadOnly,
}

/// The writer's body limit (small, so that the 413 case stays cheap).
const BODY_LIMIT: usize = 256 * 1024;

/// One request and what it must get.
#[derive(Debug, Clone)]
struct Case {
    name: &'static str,
    on: On,
    method: &'static str,
    target: String,
    headers: Vec<(&'static str, String)>,
    body: Option<Vec<u8>>,
    /// Acceptable answers: (status, error code).
    expect: Vec<(u16, &'static str)>,
    /// The parameter the error must name.
    parameter: Option<&'static str>,
}

impl Case {
    fn new(name: &'static str, method: &'static str, target: impl Into<String>) -> Case {
        Case {
            name,
            on: On::Writer,
            method,
            target: target.into(),
            headers: Vec::new(),
            body: None,
            expect: Vec::new(),
            parameter: None,
        }
    }

    fn read_only(mut self) -> Case {
        self.on = On::ReadOnly;
        self
    }

    fn header(mut self, name: &'static str, value: impl Into<String>) -> Case {
        self.headers.push((name, value.into()));
        self
    }

    fn authorized(self) -> Case {
        self.header("authorization", format!("Bearer {TOKEN}"))
    }

    fn body(mut self, bytes: impl Into<Vec<u8>>) -> Case {
        self.body = Some(bytes.into());
        self
    }

    /// A body of this media type, with the token.
    fn post(name: &'static str, content_type: &'static str, bytes: impl Into<Vec<u8>>) -> Case {
        Case::new(name, "POST", "/api/documents").header("content-type", content_type).authorized().body(bytes)
    }

    fn expect(mut self, status: u16, code: &'static str) -> Case {
        self.expect.push((status, code));
        self
    }

    fn param(mut self, parameter: &'static str) -> Case {
        self.parameter = Some(parameter);
        self
    }

    /// `invalid_parameter` naming `parameter`.
    fn invalid(self, parameter: &'static str) -> Case {
        self.expect(400, "invalid_parameter").param(parameter)
    }

    /// `unknown_parameter` naming `parameter`.
    fn unknown(self, parameter: &'static str) -> Case {
        self.expect(400, "unknown_parameter").param(parameter)
    }
}

fn get(name: &'static str, target: impl Into<String>) -> Case {
    Case::new(name, "GET", target)
}

/// A fictional note, as a JSON document.
fn note() -> Vec<u8> {
    json!({"id": "fictional-refused-note", "title": "A fictional note (marsad tests)", "text": "A fictional note written for marsad's tests: the road to Kayes was quiet on Monday.", "source": "Test desk (fictional)", "published": "2025-09-22"})
        .to_string()
        .into_bytes()
}

/// The first bytes of a PNG image (signature and header chunk): binary, not text.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa\x00\x00\x00\x00IEND\xaeB`\x82";

/// The table. Cursors are taken from the running server.
fn cases(server: &Server) -> Vec<Case> {
    let events_cursor =
        server.get_json("/api/events?limit=1")["next_cursor"].as_str().expect("an events cursor").to_string();
    let documents_cursor =
        server.get_json("/api/documents?limit=1")["next_cursor"].as_str().expect("a documents cursor").to_string();
    let truncated = events_cursor[..events_cursor.len() / 2].to_string();
    vec![
        // Dates.
        get("month 13", "/api/events?since=2025-13-01").invalid("since"),
        get("a word for a date", "/api/events?since=yesterday").invalid("since"),
        get("30 February", "/api/events?since=2025-02-30").invalid("since"),
        get("date without zero padding", "/api/events?since=2025-9-1").invalid("since"),
        get("date-time for a date", "/api/events?until=2025-09-01T00:00:00Z").invalid("until"),
        get("documents: month 13", "/api/documents?since=2025-13-01").invalid("since"),
        get("counts: a word for a date", "/api/counts?by=type&since=yesterday").invalid("since"),
        get("search: compact date", "/api/search?q=Kayes&until=20250901").invalid("until"),
        // Parameters a route does not take.
        get("typo sinse", "/api/events?sinse=2025-09-01").unknown("sinse"),
        get("names are case-sensitive", "/api/events?SINCE=2025-09-01").unknown("SINCE"),
        get("documents take no q", format!("/api/documents?q={}", enc("كايس"))).unknown("q"),
        get("points take no limit", "/api/points?limit=10").unknown("limit"),
        get("points take no cursor", "/api/points?cursor=e00").unknown("cursor"),
        get("health takes nothing", "/api/health?verbose=1").unknown("verbose"),
        get("an event takes nothing", "/api/events/1?format=geojson").unknown("format"),
        get("the document takes nothing", "/api/openapi.json?v=2").unknown("v"),
        get("live takes nothing", "/api/live?type=Battles").unknown("type"),
        get("corridors take nothing", "/api/corridors?country=ML").unknown("country"),
        get("towns take nothing", "/api/towns?limit=10").unknown("limit"),
        get("outlets take nothing", "/api/outlets?q=rfi").unknown("q"),
        get("export takes no limit", "/api/export?limit=10").unknown("limit"),
        get("export: jsonl is the CLI's only", "/api/export?format=jsonl").invalid("format"),
        get("export: the events' json format", "/api/export?format=json").invalid("format"),
        get("export: a bad date", "/api/export?since=2025-02-30").invalid("since"),
        get("export: an unknown place", "/api/export?place=ml.atlantis").expect(404, "not_found"),
        // Values without a name, blank values (a parameter is given with a value or left out).
        get("a value without a name", "/api/events?=x").expect(400, "unknown_parameter"),
        get("a value without a name after others", "/api/entities?kind=place&=null").expect(400, "unknown_parameter"),
        get("blank q", "/api/events?q=").invalid("q"),
        get("q of spaces", "/api/search?q=+%20").invalid("q"),
        get("blank cursor", "/api/events?cursor=").invalid("cursor"),
        get("blank documents cursor", "/api/documents?cursor=").invalid("cursor"),
        get("blank entity q", "/api/entities?q=%09").invalid("q"),
        get("blank since", "/api/events?since=").invalid("since"),
        get("a name with no value", "/api/events?outlet").invalid("outlet"),
        Case::new("POST: blank name", "POST", "/api/documents?name=")
            .header("content-type", "application/json")
            .authorized()
            .body(note())
            .invalid("name"),
        Case::new("POST: a value without a name", "POST", "/api/documents?=false")
            .header("content-type", "application/json")
            .authorized()
            .body(note())
            .expect(400, "unknown_parameter"),
        // Repeated parameters.
        get("limit twice", "/api/events?limit=5&limit=6").unknown("limit"),
        get("type twice", "/api/events?type=Battles&type=Riots").unknown("type"),
        get("q twice", "/api/search?q=Kayes&q=Gao").unknown("q"),
        // limit.
        get("limit 0", "/api/events?limit=0").invalid("limit"),
        get("limit 100000", "/api/events?limit=100000").invalid("limit"),
        get("limit abc", "/api/events?limit=abc").invalid("limit"),
        get("limit -1", "/api/events?limit=-1").invalid("limit"),
        get("limit 1.5", "/api/events?limit=1.5").invalid("limit"),
        get("documents: limit 501", "/api/documents?limit=501").invalid("limit"),
        get("entities: limit 0", "/api/entities?limit=0").invalid("limit"),
        // cursor.
        get("garbage cursor", "/api/events?cursor=garbage").invalid("cursor"),
        get("truncated cursor", format!("/api/events?cursor={}", enc(&truncated))).invalid("cursor"),
        get("a documents cursor for events", format!("/api/events?cursor={}", enc(&documents_cursor)))
            .invalid("cursor"),
        get("an events cursor for documents", format!("/api/documents?cursor={}", enc(&events_cursor)))
            .invalid("cursor"),
        // near and km.
        get("near an unknown place", "/api/events?near=xx.nowhere").expect(404, "not_found"),
        get("latitude 91", "/api/events?near=91,0").invalid("near"),
        get("longitude 181", "/api/events?near=0,181").invalid("near"),
        get("near abc,def", "/api/events?near=abc,def").invalid("near"),
        get("one coordinate (an id in shape)", "/api/events?near=12.6").expect(404, "not_found"),
        get("one coordinate and a comma", "/api/events?near=12.6,").invalid("near"),
        get("a space before the comma", "/api/events?near=12.6%20,-8").invalid("near"),
        get("latitude 90.5", "/api/events?near=90.5,0").invalid("near"),
        get("a leading plus", "/api/events?near=%2B12,-8").invalid("near"),
        get("km with an exponent, too far", "/api/events?near=ml.bamako&km=1e5").invalid("km"),
        get("km infinite", "/api/events?near=ml.bamako&km=infinity").invalid("km"),
        get("limit with a plus", "/api/events?limit=%2B5").invalid("limit"),
        get("type in lower case", "/api/events?type=battles").invalid("type"),
        get("lang in capitals", "/api/events?lang=AR").invalid("lang"),
        get("a cursor in capitals", "/api/events?cursor=E367E323032352D30392D3330").invalid("cursor"),
        get("km -5", "/api/events?near=ml.bamako&km=-5").invalid("km"),
        get("km NaN", "/api/events?near=ml.bamako&km=NaN").invalid("km"),
        get("km inf", "/api/events?near=ml.bamako&km=inf").invalid("km"),
        get("km 2001", "/api/events?near=ml.bamako&km=2001").invalid("km"),
        get("km 0", "/api/events?near=ml.bamako&km=0").invalid("km"),
        get("km without near, out of range", "/api/events?km=0").invalid("km"),
        get("points: latitude 91", "/api/points?near=91,0").invalid("near"),
        get("search: near abc,def", "/api/search?q=Kayes&near=abc,def").invalid("near"),
        // Vocabularies.
        get("unknown type", "/api/events?type=Battle").invalid("type"),
        get("unknown actor", "/api/events?actor=nobody.at.all").expect(404, "not_found"),
        get("unknown place", "/api/events?place=xx.nowhere").expect(404, "not_found"),
        get("a sentence for a language", "/api/events?lang=arabic").invalid("lang"),
        get("unknown format", "/api/events?format=kml").invalid("format"),
        get("counts by month", "/api/counts?by=month").invalid("by"),
        get("counts without by", "/api/counts").invalid("by"),
        get("search without q", "/api/search").invalid("q"),
        get("unknown kind", "/api/entities?kind=weapon").invalid("kind"),
        get("unknown kind in the path", "/api/entities/weapon/jnim").invalid("kind"),
        // Ids.
        get("unknown event", "/api/events/999999").expect(404, "not_found"),
        get("non-numeric event id", "/api/events/abc").invalid("id"),
        get("event id overflow", "/api/events/99999999999999999999").invalid("id"),
        get("event id 0", "/api/events/0").invalid("id"),
        get("event id -1", "/api/events/-1").invalid("id"),
        get("event id 1.5", "/api/events/1.5").invalid("id"),
        get("unknown document", "/api/documents/999999").expect(404, "not_found"),
        get("non-numeric document id", "/api/documents/abc").invalid("id"),
        get("unknown actor entity", "/api/entities/actor/zz.nowhere").expect(404, "not_found"),
        get("an actor asked as a place", "/api/entities/place/jnim").expect(404, "not_found"),
        // Routes and methods.
        get("unknown route", "/api/nope").expect(404, "not_found"),
        get("bare /api", "/api").expect(404, "not_found"),
        get("below an event", "/api/events/1/sources").expect(404, "not_found"),
        get("routes are case-sensitive", "/api/EVENTS").expect(404, "not_found"),
        get("unknown asset", "/assets/nope.js").expect(404, "not_found"),
        get("asset path climbing out", "/assets/../Cargo.toml").expect(404, "not_found"),
        get("asset path climbing out, encoded", "/assets/..%2F..%2FCargo.toml").expect(404, "not_found"),
        Case::new("DELETE events", "DELETE", "/api/events").expect(405, "method_not_allowed"),
        Case::new("DELETE a document", "DELETE", "/api/documents/1").authorized().expect(405, "method_not_allowed"),
        Case::new("PUT documents", "PUT", "/api/documents")
            .header("content-type", "application/json")
            .authorized()
            .body(note())
            .expect(405, "method_not_allowed"),
        Case::new("POST events", "POST", "/api/events")
            .header("content-type", "application/json")
            .authorized()
            .body(note())
            .expect(405, "method_not_allowed"),
        Case::new("PATCH health", "PATCH", "/api/health")
            .header("content-type", "application/json")
            .body("{}")
            .expect(405, "method_not_allowed"),
        // Writing: switched off, or without the token.
        Case::post("writing off, with a token", "application/json", note()).read_only().expect(403, "writing_disabled"),
        Case::new("writing off, no token", "POST", "/api/documents")
            .header("content-type", "application/json")
            .body(note())
            .read_only()
            .expect(403, "writing_disabled"),
        Case::new("no token", "POST", "/api/documents")
            .header("content-type", "application/json")
            .body(note())
            .expect(401, "unauthorized"),
        Case::new("wrong token", "POST", "/api/documents")
            .header("content-type", "application/json")
            .header("authorization", "Bearer fictional-wrong-token")
            .body(note())
            .expect(401, "unauthorized"),
        Case::new("token with a prefix of the right one", "POST", "/api/documents")
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {}", &TOKEN[..TOKEN.len() - 1]))
            .body(note())
            .expect(401, "unauthorized"),
        Case::new("Basic credentials", "POST", "/api/documents")
            .header("content-type", "application/json")
            .header("authorization", "Basic ZmljdGlvbmFsOnRlc3Q=")
            .body(note())
            .expect(401, "unauthorized"),
        Case::new("empty bearer", "POST", "/api/documents")
            .header("content-type", "application/json")
            .header("authorization", "Bearer ")
            .body(note())
            .expect(401, "unauthorized"),
        // Bodies.
        Case::post("huge body", "text/plain", "A fictional filler line for marsad's tests.\n".repeat(BODY_LIMIT / 40))
            .expect(413, "payload_too_large"),
        Case::post("malformed JSON", "application/json", r#"{"id": "fictional", "text": "unterminated"#)
            .expect(422, "invalid_body"),
        Case::post("JSON number", "application/json", "42").expect(422, "invalid_body"),
        Case::post("JSON string", "application/json", r#""a fictional string, not a document""#)
            .expect(422, "invalid_body"),
        Case::post("JSON null", "application/json", "null").expect(422, "invalid_body"),
        Case::post("documents not an array", "application/json", r#"{"documents": 5}"#).expect(422, "invalid_body"),
        Case::post("documents of numbers", "application/json", r#"{"documents": [42]}"#).expect(422, "invalid_body"),
        Case::post("text not a string", "application/json", r#"[{"id": "fictional", "text": 5}]"#)
            .expect(422, "invalid_body"),
        Case::post(
            "a document without text",
            "application/json",
            r#"{"id": "fictional", "title": "A fictional title with no text"}"#,
        )
        .expect(422, "invalid_body"),
        Case::post("empty JSON body", "application/json", "").expect(422, "invalid_body"),
        Case::post("empty text body", "text/plain", "").expect(422, "invalid_body"),
        Case::post("blank text body", "text/plain", " \n\t\n ").expect(422, "invalid_body"),
        Case::post("JSON Lines that are blank", "application/x-ndjson", " \n\n").expect(422, "invalid_body"),
        Case::post("a document with a blank text", "application/json", r#"{"text": " \n"}"#)
            .expect(422, "invalid_body"),
        Case::post("html that is empty", "application/json", r#"{"html": ""}"#).expect(422, "invalid_body"),
        Case::post("an empty array", "application/json", "[]").expect(422, "invalid_body"),
        Case::post("an empty documents wrapper", "application/json", r#"{"documents": []}"#)
            .expect(422, "invalid_body"),
        Case::post("a title that is null", "application/json", r#"{"text": "A fictional note.", "title": null}"#)
            .expect(422, "invalid_body"),
        Case::post("a source without a name", "application/json", r#"{"text": "A fictional note.", "source": {}}"#)
            .expect(422, "invalid_body"),
        Case::post(
            "a source name that is a number",
            "application/json",
            r#"{"text": "A fictional note.", "source": {"name": 5}}"#,
        )
        .expect(422, "invalid_body"),
        Case::post("unsupported type", "application/pdf", "%PDF-1.4 a fictional document")
            .expect(415, "unsupported_media_type"),
        Case::post("multipart", "multipart/form-data; boundary=x", "--x\r\n\r\nfictional\r\n--x--\r\n")
            .expect(415, "unsupported_media_type"),
        Case::new("no content type", "POST", "/api/documents")
            .authorized()
            .body("A fictional note written for marsad's tests.")
            .expect(415, "unsupported_media_type"),
        Case::post("unknown charset", "text/plain; charset=klingon", "A fictional note written for marsad's tests.")
            .expect(415, "unsupported_media_type"),
        Case::post(
            "invalid UTF-8 in text/plain; charset=utf-8",
            "text/plain; charset=utf-8",
            b"A fictional note \xC3\x28 with a broken sequence, written for marsad's tests.".to_vec(),
        )
        .expect(422, "invalid_body"),
        Case::post(
            "invalid UTF-8 in a JSON string",
            "application/json; charset=utf-8",
            b"{\"id\": \"fictional\", \"text\": \"broken \xFF\xFE bytes (fictional)\"}".to_vec(),
        )
        .expect(422, "invalid_body"),
        Case::post("a PNG as image/png", "image/png", PNG).expect(415, "unsupported_media_type"),
        Case::post("a PNG as application/octet-stream", "application/octet-stream", PNG)
            .expect(415, "unsupported_media_type"),
        Case::post("a PNG as text/plain", "text/plain", PNG)
            .expect(422, "invalid_body")
            .expect(415, "unsupported_media_type"),
        Case::post("a PNG as JSON", "application/json", PNG).expect(422, "invalid_body"),
        Case::new("POST: unknown parameter", "POST", "/api/documents?nme=fictional.txt")
            .header("content-type", "application/json")
            .authorized()
            .body(note())
            .unknown("nme"),
        Case::new("POST: overlong name", "POST", format!("/api/documents?name={}", "n".repeat(600)))
            .header("content-type", "application/json")
            .authorized()
            .body(note())
            .invalid("name"),
        // Query strings that are not UTF-8 or not percent-encoding.
        get("q=%FF on events", "/api/events?q=%FF").invalid("q"),
        get("q=%FF on search", "/api/search?q=%FF").invalid("q"),
        get("truncated UTF-8 in q", "/api/search?q=%E2%82").invalid("q"),
        get("q=%ZZ", "/api/search?q=%ZZ").invalid("q"),
        get("a lone % in since", "/api/events?since=2025-09-01%").invalid("since"),
        get("invalid UTF-8 in a parameter name", "/api/events?%FF=1")
            .expect(400, "invalid_parameter")
            .expect(400, "unknown_parameter"),
    ]
}

/// Check one answer against its case; Err says how it differs.
fn check(case: &Case, reply: &Reply) -> Result<(), String> {
    let expected = case.expect.iter().any(|(status, _)| *status == reply.status);
    if !expected {
        return Err(format!("status {}: {}", reply.status, reply.text_excerpt()));
    }
    let code = check_error_shape(reply)?;
    if !case.expect.iter().any(|(status, c)| *status == reply.status && *c == code) {
        return Err(format!("code `{code}`: {}", reply.text_excerpt()));
    }
    if let Some(parameter) = case.parameter {
        let body: Value = reply.json()?;
        if body["error"]["parameter"] != json!(parameter) {
            return Err(format!(
                "the error names parameter {}, not `{parameter}`: {}",
                body["error"]["parameter"],
                reply.text_excerpt()
            ));
        }
    }
    if reply.status == 405 && reply.header("allow").is_none() {
        return Err("405 without an Allow header".to_string());
    }
    if reply.status == 401
        && !reply.header("www-authenticate").is_some_and(|v| v.to_ascii_lowercase().starts_with("bearer"))
    {
        return Err(format!("401 without `WWW-Authenticate: Bearer` (got {:?})", reply.header("www-authenticate")));
    }
    Ok(())
}

/// The stored documents, as the API lists them.
fn listing(server: &Server) -> Value {
    server.get_json("/api/documents?limit=500")["documents"].clone()
}

#[test]
fn bad_requests_are_refused_as_specified() {
    let writer = start(Setup { max_body_bytes: Some(BODY_LIMIT), ..Setup::with_samples() });
    let read_only = start(Setup::read_only());
    let before = (writer.counts(), listing(&writer), read_only.counts());
    let table = cases(&writer);
    assert!(table.len() > 100, "the table has {} cases", table.len());
    let mut failures = Vec::new();
    for case in &table {
        let server = if case.on == On::Writer { &writer } else { &read_only };
        let headers: Vec<(&str, &str)> = case.headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let wanted: Vec<String> = case.expect.iter().map(|(s, c)| format!("{s} {c}")).collect();
        let wanted =
            format!("{}{}", wanted.join(" or "), case.parameter.map(|p| format!(" naming `{p}`")).unwrap_or_default());
        let shown_target: String = case.target.chars().take(120).collect();
        match server.try_request(case.method, &case.target, &headers, case.body.as_deref()) {
            Ok(reply) => {
                if reply.status >= 500 {
                    failures.push(format!(
                        "{}: {} {shown_target} → SERVER ERROR {}: {}",
                        case.name,
                        case.method,
                        reply.status,
                        reply.text_excerpt()
                    ));
                } else if let Err(error) = check(case, &reply) {
                    failures.push(format!(
                        "{}: {} {shown_target} → expected {wanted}, got {error}",
                        case.name,
                        case.method,
                        shown_target = shown_target
                    ));
                }
            }
            Err(error) => failures.push(format!(
                "{}: {} {shown_target} → expected {wanted}, got no HTTP answer: {error}",
                case.name, case.method
            )),
        }
        match server.try_request("GET", "/api/health", &[], None) {
            Ok(health) if health.status == 200 => {}
            Ok(health) => failures.push(format!("{}: /api/health answers {} afterwards", case.name, health.status)),
            Err(error) => failures.push(format!("{}: /api/health gets no answer afterwards: {error}", case.name)),
        }
    }
    let after = (writer.counts(), listing(&writer), read_only.counts());
    if before != after {
        failures.push(format!(
            "the refused requests changed the store: before {}, after {}",
            json!([before.0, before.2]),
            json!([after.0, after.2])
        ));
        if before.1 != after.1 {
            let known: Vec<&Value> = before.1.as_array().map(|a| a.iter().collect()).unwrap_or_default();
            let added: Vec<&Value> =
                after.1.as_array().map(|a| a.iter().filter(|d| !known.contains(d)).collect()).unwrap_or_default();
            failures.push(format!("documents stored by refused requests: {}", json!(added)));
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {} cases differ from the specification:\n  - {}",
            failures.len(),
            table.len(),
            failures.join("\n  - ")
        );
    }
}

/// POST a body that must be stored (201); its answer, or None after noting the failure.
fn store(
    server: &Server,
    failures: &mut Vec<String>,
    label: &str,
    content_type: &str,
    body: &[u8],
    authorization: Option<String>,
) -> Option<Value> {
    let authorization = authorization.unwrap_or_else(|| format!("Bearer {TOKEN}"));
    let headers = [("content-type", content_type), ("authorization", authorization.as_str())];
    let reply = server.request("POST", "/api/documents", &headers, Some(body));
    if reply.status != 201 {
        failures.push(format!("{label}: expected 201, got {} {}", reply.status, reply.text_excerpt()));
        return None;
    }
    reply.json().ok()
}

#[test]
fn accepted_bodies_are_stored_as_sent() {
    let server = start(Setup::with_samples());
    let mut failures = Vec::new();
    // A fictional Arabic note, sent as windows-1256 with its charset declared.
    let arabic = "خبر خيالي كُتب لاختبارات مرصد: عاد الهدوء إلى مدينة كايس صباح الاثنين بعد أيام من التوتر.";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(arabic);
    assert!(!unmappable, "the note is windows-1256 text");
    assert!(std::str::from_utf8(&bytes).is_err(), "windows-1256 bytes are not UTF-8");
    let stored = store(&server, &mut failures, "windows-1256 text", "text/plain; charset=windows-1256", &bytes, None);
    let doc_id = stored.as_ref().and_then(|s| s["results"][0]["doc_id"].as_i64());
    let mut first_doc = None;
    match doc_id {
        Some(id) => {
            let document = server.get_json(&format!("/api/documents/{id}"));
            if document["text"] != json!(arabic) {
                failures.push(format!("windows-1256 text stored as {}, not as sent", document["text"]));
            }
            if document["lang"] != json!("ar") {
                failures.push(format!("windows-1256 text: language {}, expected ar", document["lang"]));
            }
            first_doc = Some(id);
        }
        None => failures.push(format!("windows-1256 text: no doc_id in {stored:?}")),
    }
    // The same text again, as UTF-8: a duplicate of the stored document.
    if let Some(id) = first_doc {
        if let Some(again) = store(
            &server,
            &mut failures,
            "the same text as UTF-8",
            "text/plain; charset=utf-8",
            arabic.as_bytes(),
            None,
        ) {
            if again["results"][0]["status"] != json!("duplicate") || again["results"][0]["doc_id"] != json!(id) {
                failures.push(format!("the same text again: expected a duplicate of {id}, got {again}"));
            }
        }
    }
    // UTF-8 with a byte order mark: stored without it.
    let note = "A fictional note written for marsad's tests: the quillwort market in Gao opened late on Tuesday.";
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), note.as_bytes()].concat();
    if let Some(stored) = store(&server, &mut failures, "UTF-8 with a BOM", "text/plain", &with_bom, None) {
        if let Some(id) = stored["results"][0]["doc_id"].as_i64() {
            let document = server.get_json(&format!("/api/documents/{id}"));
            if document["text"] != json!(note) {
                failures.push(format!("UTF-8 with a BOM stored as {}", document["text"]));
            }
            // Read your writes: once the answer is 201, search finds the document.
            let hits = server.get_json("/api/search?q=quillwort");
            if !hits["hits"].as_array().is_some_and(|h| h.iter().any(|hit| hit["doc_id"] == json!(id))) {
                failures.push(format!(
                    "document {id} answered 201 but /api/search?q=quillwort does not find it yet: {hits}"
                ));
            }
            let events = server.get("/api/events?q=quillwort");
            if events.status != 200 {
                failures.push(format!("/api/events?q=quillwort: {}", events.text_excerpt()));
            }
        }
    }
    // Two documents in the `documents` wrapper, then a corrected version of one of them.
    let wrapper = json!({"documents": [
        {"id": "fictional-a", "url": "https://example.org/fictional/a", "text": "A fictional report for marsad's tests: a bridge near Mopti was repaired on Sunday.", "source": "Test desk (fictional)", "published": "2025-09-21"},
        {"id": "fictional-b", "url": "https://example.org/fictional/b", "text": "Another fictional report for marsad's tests: a school in Ségou reopened on Monday.", "source": "Test desk (fictional)", "published": "2025-09-22"}
    ]});
    if let Some(stored) =
        store(&server, &mut failures, "the documents wrapper", "application/json", wrapper.to_string().as_bytes(), None)
    {
        let statuses: Vec<&Value> =
            stored["results"].as_array().map(|r| r.iter().map(|x| &x["status"]).collect()).unwrap_or_default();
        if statuses != [&json!("new"), &json!("new")] {
            failures.push(format!("the documents wrapper: expected two new documents, got {stored}"));
        }
    }
    let corrected = json!({"id": "fictional-a", "url": "https://example.org/fictional/a", "text": "A fictional report for marsad's tests (corrected): a bridge near Mopti was repaired on Saturday.", "source": "Test desk (fictional)", "published": "2025-09-21"});
    if let Some(stored) = store(
        &server,
        &mut failures,
        "a corrected version of a URL",
        "application/json",
        corrected.to_string().as_bytes(),
        None,
    ) {
        if stored["results"][0]["status"] != json!("replaced") {
            failures.push(format!("a corrected version of a URL: expected `replaced`, got {stored}"));
        }
    }
    // The authentication scheme is case-insensitive (RFC 9110, section 11.1).
    let lower = json!({"id": "fictional-c", "text": "A third fictional report for marsad's tests: the rains came early in Kidal.", "source": "Test desk (fictional)"});
    store(
        &server,
        &mut failures,
        "`bearer` in lower case",
        "application/json",
        lower.to_string().as_bytes(),
        Some(format!("bearer {TOKEN}")),
    );
    // Everything stored is listed and counted.
    server.wait_until_indexed();
    let health = server.get_json("/api/health");
    let listed = server.get_json("/api/documents?limit=500")["documents"].as_array().map(Vec::len).unwrap_or(0);
    if health["documents"].as_u64() != Some(listed as u64) || health["indexed_documents"] != health["documents"] {
        failures.push(format!(
            "health counts {} documents ({} indexed), the listing {listed}",
            health["documents"], health["indexed_documents"]
        ));
    }
    if !failures.is_empty() {
        panic!("{} accepted bodies were not stored as sent:\n  - {}", failures.len(), failures.join("\n  - "));
    }
}

/// A refused body may be left unread, so its connection closes after the answer: the answer
/// says so, or a client would send its next request on a connection about to go away.
#[test]
fn a_refused_body_closes_its_connection_and_says_so() {
    let server = start(Setup { max_body_bytes: Some(BODY_LIMIT), ..Setup::with_samples() });
    let bearer = format!("Bearer {TOKEN}");
    let huge = "A fictional filler line for marsad's tests.\n".repeat(BODY_LIMIT / 40);
    let too_large = server
        .try_request(
            "POST",
            "/api/documents",
            &[("content-type", "text/plain"), ("authorization", &bearer)],
            Some(huge.as_bytes()),
        )
        .expect("an answer");
    assert_eq!((too_large.status, too_large.header("connection")), (413, Some("close")));
    let unauthorized = server
        .try_request("POST", "/api/documents", &[("content-type", "text/plain")], Some(b"Un court texte."))
        .expect("an answer");
    assert_eq!((unauthorized.status, unauthorized.header("connection")), (401, Some("close")));
    // A bodiless request keeps its connection.
    assert_eq!(server.get("/api/health").header("connection"), None);
}
