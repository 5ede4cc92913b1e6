//! `kenes serve`: open the data directory, print the first administrator's link on first start, serve HTTP.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Context, Result};
use rand::RngCore;

use kenes_store::{Location, Node, Store};
use kenes_web::{AppState, Config};

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Where the node keeps its data (created if missing).
    #[arg(long, env = "KENES_DATA", default_value = "kenes-data")]
    pub data: PathBuf,
    /// Address and port to listen on. The default listens on every interface, so phones on the same Wi-Fi can connect.
    #[arg(long, env = "KENES_LISTEN", default_value = "0.0.0.0:8080")]
    listen: SocketAddr,
    /// Mark cookies Secure and make https links: use when a TLS proxy is in front of kenes.
    #[arg(long, env = "KENES_SECURE_COOKIES")]
    secure_cookies: bool,
    /// Log as JSON lines instead of text.
    #[arg(long)]
    json_logs: bool,
}

/// Opens (creating when needed) the node in a data directory.
pub fn open_node(data: &std::path::Path) -> Result<Node> {
    let store = Store::open(&Location::data_dir(data)).with_context(|| format!("opening {}", data.display()))?;
    let node = Node::open(store, || {
        let mut secret = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut secret);
        secret
    })
    .with_context(|| format!("loading the node in {}", data.display()))?;
    Ok(node)
}

pub fn run(args: ServeArgs) -> Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tower_http=warn"));
    if args.json_logs {
        tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).json().init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
    }
    let node = open_node(&args.data)?;
    tracing::info!(node = %node.id(), councils = node.council_ids().len(), data = %args.data.display(), "node opened");
    let setup = kenes_web::first_admin_link(&node).context("making the first administrator's link")?;
    let state = AppState::new(node, Config { secure_cookies: args.secure_cookies })
        .map_err(|e| anyhow::anyhow!("loading translations: {e}"))?;
    let scheme = if args.secure_cookies { "https" } else { "http" };
    let shown_host = if args.listen.ip().is_unspecified() {
        format!("localhost:{}", args.listen.port())
    } else {
        args.listen.to_string()
    };
    println!("kenes is serving {} on {scheme}://{shown_host}/", args.data.display());
    if let Some(path) = setup {
        // Printed to the terminal, never logged: whoever holds this link becomes the administrator.
        println!("First start: open this one-time link to create the first administrator (valid 24 hours):");
        println!("  {scheme}://{shown_host}{path}");
    }
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(async {
        let server = kenes_web::serve(state, args.listen);
        tokio::select! {
            result = server => result.with_context(|| format!("serving on {}", args.listen)),
            _ = tokio::signal::ctrl_c() => { tracing::info!("stopping"); Ok(()) }
        }
    })
}
