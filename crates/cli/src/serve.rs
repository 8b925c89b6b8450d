//! `marsad serve`: the analyst desk (JSON API and web page) over a store.

use crate::extract::load_kb;
use anyhow::{Context, Result};
use marsad_serve::guard::AllowedHosts;
use marsad_serve::{App, ServeConfig};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Arguments of `marsad serve`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The store (its index is STORE.index); created if missing.
    #[arg(long, default_value = "marsad.db")]
    db: PathBuf,
    /// Address to listen on (port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Ingest the bundled sample articles (fictional) first.
    #[arg(long)]
    samples: bool,
    /// Allow `POST /api/documents` with `Authorization: Bearer TOKEN`; off when not given.
    #[arg(long, env = "MARSAD_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = 8 * 1024 * 1024)]
    max_body_bytes: usize,
    /// Seconds a client gets to send a request's headers (an idle connection closes then too).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    header_timeout: u64,
    /// Seconds a client gets to send a whole request body.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=3600))]
    body_timeout: u64,
    /// Connections served at once; more wait until one closes.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..=65536))]
    max_connections: u64,
    /// Answer requests for this host name too (repeatable; `*` for any). By default only the
    /// address a client connected to, loopback addresses and localhost are answered, so that a
    /// web page cannot reach the desk through a name of its own (DNS rebinding).
    #[arg(long = "allow-host", value_name = "NAME")]
    allow_hosts: Vec<String>,
}

/// Run the command until Ctrl-C.
pub fn run(args: Args) -> Result<bool> {
    if args.samples {
        crate::ingest::ingest_samples(&args.db)?;
    }
    let kb: &'static marsad_kb::KnowledgeBase = Box::leak(Box::new(load_kb(None)?));
    let config = ServeConfig {
        token: args.token.filter(|t| !t.is_empty()),
        max_body_bytes: args.max_body_bytes,
        header_timeout: Duration::from_secs(args.header_timeout),
        body_timeout: Duration::from_secs(args.body_timeout),
        max_connections: args.max_connections as usize,
        allowed_hosts: AllowedHosts::new(&args.allow_hosts),
        ..ServeConfig::new(args.db.clone())
    };
    let writing = config.token.is_some();
    let app = App::open(config, kb).with_context(|| format!("opening {}", args.db.display()))?;
    let handle = app.clone();
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the server's runtime")?;
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(args.addr).await.with_context(|| format!("listening on {}", args.addr))?;
        let addr = listener.local_addr().context("reading the listening address")?;
        if writing {
            eprintln!("marsad: writing through POST /api/documents is on (token required)");
        }
        eprintln!("marsad: serving on http://{addr}/");
        marsad_serve::serve(app, listener).await.context("serving")
    })?;
    // Commit what the writing task holds and wait for the index's merges before exiting.
    handle.close().context("closing the writer")?;
    Ok(true)
}
