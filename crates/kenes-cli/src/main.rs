//! The `kenes` binary: a thin `main` that parses the command line and maps errors to exit codes in one place.

mod count;
mod election;
mod meeting;
mod migrate;
mod peer;
mod record;
mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "kenes", version, about = "kenes: self-government for councils and assemblies")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve kenes over HTTP (for phones on the local Wi-Fi, or behind a TLS proxy).
    Serve(serve::ServeArgs),
    /// Verify a council bundle (chain, signatures, replay) or a Belenios election archive, and print a summary.
    Verify(record::VerifyArgs),
    /// Export or import a council's record as one file.
    #[command(subcommand)]
    Bundle(record::BundleCommand),
    /// Councils held in a data directory.
    #[command(subcommand)]
    Council(record::CouncilCommand),
    /// Count ballots from a file (BLT, PrefLib, CVR CSV, Belenios JSON) with a counting method.
    Count(count::CountArgs),
    /// Fill a fresh data directory with a council at work (members, a finished meeting, one in session) and serve it.
    Demo(meeting::DemoArgs),
    /// Write a meeting's minutes (HTML) from a council bundle, after verifying the bundle.
    Minutes(meeting::MinutesArgs),
    /// Verifiable secret elections (Belenios 2.0): setup, vote, tally, decrypt, result.
    #[command(subcommand)]
    Election(election::ElectionCommand),
    /// The nodes this one syncs with (`kenes serve` pulls from them), and this node's card.
    #[command(subcommand)]
    Peer(peer::PeerCommand),
    /// Sync with a directory on a USB stick, both ways, verified on arrival (`--dir /media/stick/kenes`).
    Sync(peer::SyncArgs),
    /// Move a node's data between a data directory and a PostgreSQL database (either way), then verify it there.
    Migrate(migrate::MigrateArgs),
}

/// When the reader of our output goes away (`kenes verify FILE | head`), stop quietly as a Unix tool does on SIGPIPE,
/// instead of reporting the failed print as a crash. Every other panic keeps the default report.
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(141);
        }
        default(info);
    }));
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => serve::run(args),
        Command::Verify(args) => record::verify(args),
        Command::Bundle(command) => record::bundle(command),
        Command::Council(command) => record::council(command),
        Command::Count(args) => count::run(args),
        Command::Election(command) => election::run(command),
        Command::Demo(args) => meeting::demo(args),
        Command::Minutes(args) => meeting::minutes(args),
        Command::Peer(command) => peer::run(command),
        Command::Sync(args) => peer::sync_dir(args),
        Command::Migrate(args) => migrate::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kenes: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
