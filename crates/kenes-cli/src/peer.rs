//! `kenes peer`: the nodes this one syncs with, and this node's own card.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use kenes_store::Peer;

#[derive(Debug, clap::Subcommand)]
pub enum PeerCommand {
    /// Add a node to sync with: fetches its signed hello, shows its node key for you to compare with the one its
    /// owner reads you, and keeps it. `kenes serve` then pulls from it on its schedule.
    Add {
        /// Where the node answers, e.g. http://192.168.1.20:8080
        url: String,
        /// The node key you expect (all of it, or its first 16 hex digits or more); the peer is refused if it differs.
        #[arg(long)]
        expect: Option<String>,
        #[arg(long, env = "KENES_DATA", default_value = "kenes-data")]
        data: PathBuf,
    },
    /// List the peers, with how their last sync went.
    List {
        #[arg(long, env = "KENES_DATA", default_value = "kenes-data")]
        data: PathBuf,
    },
    /// Stop syncing with a peer (by its address or node key).
    Remove {
        which: String,
        #[arg(long, env = "KENES_DATA", default_value = "kenes-data")]
        data: PathBuf,
    },
    /// Listen on the local network (mDNS) for kenes nodes that announce themselves, and list them with their keys,
    /// to compare before `kenes peer add URL --expect KEY`. Announces nothing.
    Nearby {
        /// How long to listen.
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=600))]
        seconds: u64,
        #[arg(long, env = "KENES_DATA", default_value = "kenes-data")]
        data: PathBuf,
        /// The mDNS port (5353; another only for tests).
        #[arg(long, env = "KENES_MDNS_PORT", default_value_t = 5353, hide = true)]
        mdns_port: u16,
    },
    /// Print this node's card: give it to a council's secretary so the council can let this node hold its copy.
    Card {
        #[arg(long, env = "KENES_DATA", default_value = "kenes-data")]
        data: PathBuf,
    },
}

pub fn run(command: PeerCommand) -> Result<()> {
    match command {
        PeerCommand::Add { url, expect, data } => {
            let url = url.trim().trim_end_matches('/').to_owned();
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                bail!("{url}: a peer's address starts with http:// or https://");
            }
            let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
            let hello = runtime.block_on(async {
                let client = kenes_web::sync::client::http_client().map_err(anyhow::Error::msg)?;
                kenes_web::sync::client::hello(&client, &url).await.map_err(anyhow::Error::msg)
            })?;
            let key = hello.node.to_hex();
            if let Some(expected) = expect {
                let expected = expected.trim().to_lowercase().replace([' ', ':'], "");
                if expected.len() < 16 || !key.starts_with(&expected) {
                    bail!("{url} has node key {key}, which is not the one expected ({expected}): not added");
                }
            }
            let node = crate::serve::open_node(&data)?;
            if hello.node == node.id() {
                bail!("{url} is this node itself");
            }
            node.add_peer(Peer {
                url: url.clone(),
                node: key.clone(),
                age: hello.age,
                added_ms: now_ms(),
                last_ok_ms: None,
                last_error: None,
            })?;
            println!("added {url}");
            println!("  node key {}", grouped(&key));
            println!(
                "  compare it with the key its owner reads from their screen; `kenes peer remove {url}` if it differs"
            );
            Ok(())
        }
        PeerCommand::Nearby { seconds, data, mdns_port } => {
            let own = crate::serve::open_node(&data)?.id();
            let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
            let heard = runtime
                .block_on(kenes_web::sync::nearby::listen_for(seconds, mdns_port, own))
                .map_err(anyhow::Error::msg)?;
            if heard.is_empty() {
                println!("no kenes node announced itself on this network in {seconds} s");
            }
            for found in heard {
                println!("{}  node key {}", found.url, grouped(&found.node));
            }
            Ok(())
        }
        PeerCommand::List { data } => {
            let node = crate::serve::open_node(&data)?;
            let peers = node.peers()?;
            if peers.is_empty() {
                println!("no peers: add one with `kenes peer add URL`");
            }
            for peer in peers {
                let state = match (&peer.last_error, peer.last_ok_ms) {
                    (Some(error), _) => format!("last sync failed: {error}"),
                    (None, Some(ms)) => format!("last synced at {ms} ms since 1970"),
                    (None, None) => "not synced yet".to_owned(),
                };
                println!("{}  {}  {state}", peer.url, &peer.node[..16]);
            }
            Ok(())
        }
        PeerCommand::Remove { which, data } => {
            let node = crate::serve::open_node(&data)?;
            if !node.remove_peer(which.trim().trim_end_matches('/'))? {
                bail!("no peer {which}");
            }
            println!("removed {which}");
            Ok(())
        }
        PeerCommand::Card { data } => {
            let node = crate::serve::open_node(&data)?;
            let (_, age) = node.age_identity()?;
            let recipient = kenes_council::copies::AgeRecipient::parse(&age)?;
            println!("{}", kenes_council::copies::card(node.id(), &recipient));
            Ok(())
        }
    }
}

/// A node key in groups of four hex digits, easier to read aloud.
fn grouped(key: &str) -> String {
    key.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    /// A directory on a USB stick (created if missing): what this node may pass on and the stick lacks is written,
    /// encrypted to the nodes each council chose; what the stick holds for this node and it lacks is verified and
    /// imported. Run it on every laptop the stick visits.
    #[arg(long)]
    dir: PathBuf,
    #[arg(long, env = "KENES_DATA", default_value = "kenes-data")]
    data: PathBuf,
}

/// `kenes sync --dir DIR`: one step with a USB stick, both ways.
pub fn sync_dir(args: SyncArgs) -> Result<()> {
    let node = crate::serve::open_node(&args.data)?;
    let report = kenes_web::sync::stick::sync_dir(&node, &args.dir, now_ms()).map_err(anyhow::Error::msg)?;
    for (council, added) in &report.imported {
        println!("imported {added} events of council {council}");
    }
    for council in &report.written {
        println!("wrote council {council} to the stick");
    }
    if report.archives_in + report.archives_out > 0 {
        println!("election archives: {} imported, {} written", report.archives_in, report.archives_out);
    }
    for council in &report.forks {
        println!(
            "FORK: the stick holds another history of council {council}, signed by its home node; evidence kept, the council is no longer followed"
        );
    }
    for (file, why) in &report.skipped {
        println!("left {file}: {why}");
    }
    if report.imported.is_empty()
        && report.written.is_empty()
        && report.forks.is_empty()
        && report.archives_in + report.archives_out == 0
    {
        println!("nothing to do: this node and the stick are even");
    }
    Ok(())
}
