//! Memory under abusive writers (issue 9, item 4): 40 clients at once each declare an 8 MB
//! body with a wrong token and try to send all of it. The server must refuse each at once
//! without reading the body, so its resident memory hardly moves while they are connected and
//! is back near where it was once they leave. (Reading the bodies first, as the server once
//! did, took it from 65 to 365 MB, and it stayed there.) The server runs in this process, so
//! this file holds this one test alone.

mod support;

#[path = "../examples/abuse.rs"]
mod abuse;

use support::{start, Setup};

#[test]
fn abusive_writers_leave_memory_where_it_was() {
    let server = start(Setup { samples: false, ..Setup::with_samples() });
    // What the first requests allocate (pools, caches) stays whatever the clients do.
    for _ in 0..20 {
        assert_eq!(server.get("/api/health").status, 200);
        assert_eq!(server.get("/api/events?limit=5").status, 200);
    }
    let outcome = abuse::run(server.addr(), std::process::id(), 40, 8);
    let mb = |kb: u64| kb as f64 / 1024.0;
    eprintln!(
        "RSS before {:.1} MB, during {:.1} MB, after {:.1} MB; {:.1} MB of body sent; statuses {:?}",
        mb(outcome.before_kb),
        mb(outcome.during_kb),
        mb(outcome.after_kb),
        outcome.sent_bytes as f64 / 1e6,
        outcome.statuses
    );
    assert!(outcome.before_kb > 0, "no /proc/self/status to read memory from");
    assert!(outcome.statuses.iter().all(|s| *s == 401), "every client refused with 401: {:?}", outcome.statuses);
    let grew = |kb: u64| mb(kb.saturating_sub(outcome.before_kb));
    assert!(
        grew(outcome.during_kb) < 48.0,
        "memory grew by {:.1} MB while they were connected",
        grew(outcome.during_kb)
    );
    assert!(
        grew(outcome.after_kb) < 24.0,
        "memory is {:.1} MB above where it was after they left",
        grew(outcome.after_kb)
    );
    assert_eq!(server.get("/api/health").status, 200);
}
