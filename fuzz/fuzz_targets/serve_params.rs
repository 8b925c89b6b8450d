//! The server's query parameters: a raw query string parsed as a route does, then every typed
//! accessor. Never panics, and every refusal is a client error (4xx), never a 5xx.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marsad_serve::error::ApiError;
use marsad_serve::params::{Params, EVENT_FILTERS};
use std::sync::OnceLock;

fn kb() -> &'static marsad_kb::KnowledgeBase {
    static KB: OnceLock<marsad_kb::KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| marsad_kb::KnowledgeBase::embedded().expect("embedded knowledge base is valid"))
}

/// The names each kind of route takes (as in `routes.rs`), chosen by the input's first byte.
const ROUTES: [&[&str]; 5] = [
    &["q", "since", "until", "type", "actor", "place", "near", "km", "lang", "outlet", "limit", "cursor", "format"],
    &["since", "until", "lang", "outlet", "limit", "cursor"],
    &["kind", "q", "limit", "cursor"],
    &["name"],
    &[],
];

fn client_error<T>(result: Result<T, ApiError>) {
    if let Err(error) = result {
        let (status, _) = error.status_and_code();
        assert!(status.is_client_error(), "{error} answered {status}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&route, raw)) = data.split_first() else { return };
    let raw = String::from_utf8_lossy(raw);
    let allowed = ROUTES[usize::from(route) % ROUTES.len()];
    let params = match Params::parse(Some(&raw), allowed) {
        Ok(params) => params,
        Err(error) => return client_error::<()>(Err(error)),
    };
    for name in EVENT_FILTERS.iter().chain(&["kind", "name", "cursor", "format"]) {
        client_error(params.text(name));
        client_error(params.day(name));
    }
    client_error(params.range());
    client_error(params.limit());
    client_error(params.bounded_limit(100, 10_000));
    client_error(params.lang());
    client_error(params.event_filter(kb()));
    client_error(params.document_filter());
    client_error(params.event_cursor());
    client_error(params.document_cursor());
    client_error(params.entity_cursor());
});
