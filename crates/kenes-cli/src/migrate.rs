//! `kenes migrate`: moves a node's data between a data directory (SQLite) and a PostgreSQL database, either way,
//! then verifies the destination: every table compared with the source, every council's record replayed, every
//! election's archive verified (and a tallied one's SHA-256 checked against the record's).

use std::path::Path;

use anyhow::{Context, Result, bail};
use clap::Args;

use kenes_store::{Location, Node, Store};

#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// Where the node's data is: a data directory, a `postgres://` URL, or `env:NAME` for a URL in the
    /// environment variable NAME (keeps a password off the command line).
    #[arg(long)]
    pub from: String,
    /// Where it goes, in the same forms; must hold nothing yet (an empty or new directory, an empty database).
    #[arg(long)]
    pub to: String,
}

/// A data directory, a URL, or `env:NAME`.
fn location(text: &str) -> Result<Location> {
    let text = match text.strip_prefix("env:") {
        Some(name) => std::env::var(name).with_context(|| format!("the environment variable {name} is not set"))?,
        None => text.to_owned(),
    };
    if text.is_empty() {
        bail!("an empty place: give a data directory or a postgres:// URL");
    }
    Ok(Location::parse(&text))
}

pub fn run(args: MigrateArgs) -> Result<()> {
    let (from, to) = (location(&args.from)?, location(&args.to)?);
    if from == to {
        bail!("--from and --to are the same place");
    }
    if let Location::Sqlite(path) = &from
        && !path.exists()
    {
        bail!("{} holds no kenes data ({} does not exist)", args.from, path.display());
    }
    let source = Store::open(&from).with_context(|| format!("opening {from}"))?;
    let destination = Store::open(&to).with_context(|| format!("opening {to}"))?;
    eprintln!("moving the node in {from} to {to} (stop its servers first: what they write meanwhile stays behind)");
    let started = std::time::Instant::now();
    let bar = crate::election::spinner("copying");
    let moved = kenes_store::transfer::transfer(&source, &destination, &mut |table, rows| {
        bar.set_message(format!("copying {table}: {rows} rows"));
    });
    bar.finish_and_clear();
    let moved = moved.with_context(|| format!("moving {from} to {to}"))?;
    drop(source);
    for copied in &moved.tables {
        println!(
            "  {:<17} {:>9} rows, the same at the destination (SHA-256 {})",
            copied.table,
            copied.rows,
            hex(&copied.sha256[..8])
        );
    }
    println!("copied in {:.1} s; now verifying the destination", started.elapsed().as_secs_f64());

    // The node at its new place: every council's record replayed (chain, signatures, rules) as `kenes serve` would.
    let bar = crate::election::spinner("replaying every council's record");
    let made_key = std::cell::Cell::new(false);
    let node = Node::open(destination, || {
        made_key.set(true);
        let mut secret = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut secret);
        secret
    });
    bar.finish_and_clear();
    let node = node.with_context(|| format!("the moved node in {to} does not open"))?;
    if made_key.get() {
        bail!("the node's key is not at the destination: {to} is not the same node");
    }
    let councils = node.council_ids();
    let mut events = 0;
    for id in &councils {
        events += node.read(*id, |council| council.height()).with_context(|| format!("council {id}"))?;
    }
    println!("  {} councils, {events} events: every record verifies and replays (node {})", councils.len(), node.id());

    for &(council, number) in &moved.elections {
        let bytes = node.store().backend().election_archive(council, number)?;
        let named = node
            .read(council, |c| c.elections().iter().find(|e| e.id == number).and_then(|e| e.final_archive_hash.clone()))
            .ok()
            .flatten();
        if let Some(named) = &named {
            let hash = kenes_crypto::election::sha256_hex(&bytes);
            if &hash != named {
                bail!(
                    "election {number} of council {council}: the archive's SHA-256 is {hash}, the record names {named}"
                );
            }
        }
        let place = format!("election {number} of council {council}");
        let archive = kenes_crypto::archive::Archive::parse(&bytes).with_context(|| format!("reading {place}"))?;
        let summary = crate::election::verify_full(Path::new(&place), &archive)?;
        println!(
            "  {place}: archive verified ({} ballots{})",
            summary.ballots,
            if named.is_some() { ", tallied, SHA-256 as the record names" } else { "" }
        );
    }
    println!("done in {:.1} s: {to} holds the node; {from} was not changed", started.elapsed().as_secs_f64());
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
