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
    /// A PostgreSQL database to keep the node's data in instead of DATA/kenes.sqlite3
    /// (`postgres://user:password@host:port/database`), which several `kenes serve` may share. DATA still holds
    /// this server's TLS files. Every command that takes --data reads KENES_DATABASE too.
    #[arg(long, env = DATABASE_ENV, hide_env_values = true)]
    pub database: Option<String>,
    /// Address and port to listen on. The default listens on every interface, so phones on the same Wi-Fi can connect.
    #[arg(long, env = "KENES_LISTEN", default_value = "0.0.0.0:8080")]
    listen: SocketAddr,
    /// Mark cookies Secure and make https links: use when a TLS proxy is in front of kenes.
    #[arg(long, env = "KENES_SECURE_COOKIES")]
    secure_cookies: bool,
    /// Serve HTTPS with this PEM certificate chain (leaf first); needs --tls-key.
    #[arg(long, env = "KENES_TLS_CERT", requires = "tls_key", conflicts_with = "tls_self_signed")]
    tls_cert: Option<PathBuf>,
    /// The PEM private key of --tls-cert.
    #[arg(long, env = "KENES_TLS_KEY", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// Serve HTTPS with a self-signed certificate made on first use and kept in DATA/tls; its SHA-256 fingerprint is
    /// printed so people can check the one their browser shows. For a meeting on a Wi-Fi with no domain name.
    #[arg(long, env = "KENES_TLS_SELF_SIGNED")]
    tls_self_signed: bool,
    /// A host name or IP address the self-signed certificate is for (repeat for several). Default: localhost,
    /// 127.0.0.1 and this machine's address on the local network.
    #[arg(long = "tls-name", requires = "tls_self_signed")]
    tls_names: Vec<String>,
    /// Open connections at most (each phone keeps one or two); past it new ones wait until one closes.
    #[arg(long, env = "KENES_MAX_CONNECTIONS", default_value_t = kenes_web::listen::Limits::default().max_connections)]
    max_connections: usize,
    /// Seconds between sync rounds with the peers (`kenes peer add`).
    #[arg(long, env = "KENES_SYNC_EVERY", default_value_t = 60)]
    sync_every: u64,
    /// Announce this node on the local network and list the nodes it hears on the Nodes page (mDNS); remembered,
    /// and turned off again from the Nodes page. Anyone on the network then sees that a kenes node is here.
    #[arg(long)]
    discover: bool,
    /// The mDNS port (5353; another only for tests).
    #[arg(long, env = "KENES_MDNS_PORT", default_value_t = 5353, hide = true)]
    mdns_port: u16,
    /// Log as JSON lines instead of text.
    #[arg(long)]
    json_logs: bool,
}

/// The environment variable naming a PostgreSQL database in place of the data directory's SQLite file.
pub const DATABASE_ENV: &str = "KENES_DATABASE";

/// Opens (creating when needed) the node in a data directory, or in the database `KENES_DATABASE` names.
pub fn open_node(data: &std::path::Path) -> Result<Node> {
    open_node_at(data, std::env::var(DATABASE_ENV).ok().as_deref())
}

/// Where the node's data is: `database` when given (a PostgreSQL URL), else the data directory.
fn location(data: &std::path::Path, database: Option<&str>) -> Location {
    match database.filter(|url| !url.is_empty()) {
        Some(url) => Location::Postgres(url.to_owned()),
        None => Location::data_dir(data),
    }
}

/// Opens (creating when needed) the node in `database` when given, else in the data directory.
pub fn open_node_at(data: &std::path::Path, database: Option<&str>) -> Result<Node> {
    let location = location(data, database);
    let store = Store::open(&location).with_context(|| format!("opening {location:?}"))?;
    let node = Node::open(store, || {
        let mut secret = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut secret);
        secret
    })
    .with_context(|| format!("loading the node in {location:?}"))?;
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
    let node = open_node_at(&args.data, args.database.as_deref())?;
    let place = format!("{:?}", location(&args.data, args.database.as_deref()));
    tracing::info!(node = %node.id(), councils = node.council_ids().len(), data = %place, "node opened");
    let tls = match (&args.tls_cert, &args.tls_key) {
        (Some(cert), Some(key)) => Some(kenes_web::tls::from_files(cert, key)?),
        _ if args.tls_self_signed => {
            let names = if args.tls_names.is_empty() { default_names() } else { args.tls_names.clone() };
            Some(kenes_web::tls::self_signed(&args.data.join("tls"), &names)?)
        }
        _ => None,
    };
    let setup = kenes_web::first_admin_link(&node).context("making the first administrator's link")?;
    let secure = args.secure_cookies || tls.is_some();
    let state = AppState::new(node, Config { secure_cookies: secure, ..Config::default() })
        .map_err(|e| anyhow::anyhow!("loading translations: {e}"))?;
    let scheme = if secure { "https" } else { "http" };
    let shown_host = if args.listen.ip().is_unspecified() {
        format!("localhost:{}", args.listen.port())
    } else {
        args.listen.to_string()
    };
    println!("kenes is serving {} on {scheme}://{shown_host}/", args.data.display());
    if let Some(tls) = &tls {
        println!("TLS certificate fingerprint (SHA-256), to compare with what browsers show:");
        println!("  {}", tls.fingerprint);
    }
    if let Some(path) = setup {
        // Printed to the terminal, never logged: whoever holds this link becomes the administrator.
        println!("First start: open this one-time link to create the first administrator (valid 24 hours):");
        println!("  {scheme}://{shown_host}{path}");
        println!(
            "Each start without an administrator makes a new link and ends the earlier ones: use the last printed."
        );
    }
    // Each connection is a file descriptor: the soft limit (often 1,024) is raised to the hard one, so the limit on
    // connections is kenes's own and is reached before the system's.
    let files = rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024);
    let max_connections = args.max_connections.min(usize::try_from(files.saturating_sub(64)).unwrap_or(usize::MAX));
    let limits = kenes_web::listen::Limits { max_connections, ..Default::default() };
    tracing::info!(max_connections, open_files = files, "connection limits");
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    if args.discover {
        state.node().set_discovery(true).context("remembering --discover")?;
    }
    state.discovery().set_listening(kenes_web::sync::nearby::Listening {
        ip: Some(args.listen.ip()).filter(|ip| !ip.is_unspecified()),
        http_port: args.listen.port(),
        https: tls.is_some(),
        mdns_port: args.mdns_port,
    });
    runtime.block_on(async {
        if state.node().discovery().unwrap_or(false) {
            match state.discovery().start(state.node().id()) {
                Ok(()) => tracing::info!("announcing this node on the local network (mDNS)"),
                Err(error) => tracing::warn!(%error, "could not announce this node on the local network"),
            }
        }
        kenes_web::sync::client::spawn(
            state.clone(),
            std::time::Duration::from_secs(args.sync_every.max(1)),
            state.sync_now(),
        );
        let server = async {
            match &tls {
                Some(tls) => kenes_web::serve_tls(state, args.listen, tls, limits).await,
                None => kenes_web::serve(state, args.listen, limits).await,
            }
        };
        tokio::select! {
            result = server => result.with_context(|| format!("serving on {}", args.listen)),
            _ = tokio::signal::ctrl_c() => { tracing::info!("stopping"); Ok(()) }
        }
    })
}

/// The names a self-signed certificate is made for when none are given: localhost, the loopback address, and the
/// address this machine has on its local network (found by asking the kernel which source address it would use; no
/// packet is sent).
fn default_names() -> Vec<String> {
    let mut names = vec!["localhost".to_owned(), "127.0.0.1".to_owned()];
    let local = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|socket| socket.connect("192.168.255.255:9").map(|()| socket))
        .and_then(|socket| socket.local_addr());
    if let Ok(address) = local {
        if !address.ip().is_unspecified() && !address.ip().is_loopback() {
            names.push(address.ip().to_string());
        }
    }
    names
}
