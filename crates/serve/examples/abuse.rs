//! Abusive writers against a running `marsad serve`, with the server's memory before, during
//! and after: CONNECTIONS clients at once each declare a body of MB megabytes with a wrong
//! token and try to send all of it; each waits for its answer, all stay connected while the
//! server's resident memory (VmRSS, from /proc/PID/status) is read, then all leave. Used by
//! `tests/memory.rs` (server in the same process) and for the figures in BENCHMARKS.md:
//!
//! ```sh
//! cargo run --release -p marsad-serve --example abuse -- 127.0.0.1:8080 $(pidof marsad) 40 8
//! ```

#![allow(dead_code)] // tests/memory.rs uses the functions, not `main`

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

/// What the clients saw and what the server's memory did.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Resident memory before the clients came, in kB.
    pub before_kb: u64,
    /// While every client had its answer and was still connected.
    pub during_kb: u64,
    /// One second after they all left.
    pub after_kb: u64,
    /// Each client's status (0: no answer).
    pub statuses: Vec<u16>,
    /// Body bytes the clients managed to send, all together.
    pub sent_bytes: u64,
    /// From the first connection to the last answer.
    pub elapsed: Duration,
}

/// VmRSS of process `pid`, in kB.
pub fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// One client: declare `declared` bytes with a wrong token, send as many as the server takes,
/// read the answer's status; then wait at `leave` before closing.
fn client(addr: SocketAddr, declared: usize, answered: &Barrier, leave: &Barrier) -> (u16, u64) {
    let outcome = (|| {
        let mut stream = TcpStream::connect(addr).ok()?;
        stream.set_write_timeout(Some(Duration::from_secs(5))).ok()?;
        stream.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
        let head = format!(
            "POST /api/documents HTTP/1.1\r\nHost: {addr}\r\nContent-Type: text/plain\r\nContent-Length: {declared}\r\nAuthorization: Bearer fictional-wrong-token\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).ok()?;
        let chunk = vec![b'a'; 64 * 1024];
        let mut sent = 0u64;
        while (sent as usize) < declared {
            let n = chunk.len().min(declared - sent as usize);
            if stream.write_all(&chunk[..n]).is_err() {
                break; // refused and closed: the point
            }
            sent += n as u64;
        }
        let mut head = [0u8; 12];
        let status = match stream.read_exact(&mut head) {
            Ok(()) => std::str::from_utf8(&head[9..12]).ok().and_then(|s| s.parse().ok()).unwrap_or(0),
            Err(_) => 0,
        };
        Some((status, sent, stream))
    })();
    answered.wait();
    leave.wait();
    outcome.map(|(status, sent, _stream)| (status, sent)).unwrap_or((0, 0))
}

/// Run `connections` abusive clients declaring `megabytes` each against the server at `addr`
/// whose process is `pid`.
pub fn run(addr: SocketAddr, pid: u32, connections: usize, megabytes: usize) -> Outcome {
    let before_kb = rss_kb(pid).unwrap_or(0);
    let answered = Arc::new(Barrier::new(connections + 1));
    let leave = Arc::new(Barrier::new(connections + 1));
    let started = Instant::now();
    let clients: Vec<_> = (0..connections)
        .map(|_| {
            let (answered, leave) = (answered.clone(), leave.clone());
            std::thread::spawn(move || client(addr, megabytes * 1_000_000, &answered, &leave))
        })
        .collect();
    answered.wait();
    let elapsed = started.elapsed();
    let during_kb = rss_kb(pid).unwrap_or(0);
    leave.wait();
    let results: Vec<(u16, u64)> = clients.into_iter().map(|c| c.join().unwrap_or((0, 0))).collect();
    std::thread::sleep(Duration::from_secs(1));
    let after_kb = rss_kb(pid).unwrap_or(0);
    Outcome {
        before_kb,
        during_kb,
        after_kb,
        statuses: results.iter().map(|r| r.0).collect(),
        sent_bytes: results.iter().map(|r| r.1).sum(),
        elapsed,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: abuse ADDR PID [CONNECTIONS=40] [MB=8]";
    let addr: SocketAddr = args.first().and_then(|a| a.parse().ok()).expect(usage);
    let pid: u32 = args.get(1).and_then(|a| a.parse().ok()).expect(usage);
    let connections = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(40);
    let megabytes = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(8);
    let outcome = run(addr, pid, connections, megabytes);
    let refused = outcome.statuses.iter().filter(|s| **s == 401).count();
    println!(
        "{connections} clients declaring {megabytes} MB with a wrong token: {refused} answered 401 in {:.2} s, {:.1} MB of body sent in all",
        outcome.elapsed.as_secs_f64(),
        outcome.sent_bytes as f64 / 1e6
    );
    println!(
        "server RSS: before {:.1} MB, during {:.1} MB, after {:.1} MB",
        outcome.before_kb as f64 / 1024.0,
        outcome.during_kb as f64 / 1024.0,
        outcome.after_kb as f64 / 1024.0
    );
}
