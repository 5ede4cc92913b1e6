//! The `kenes` binary: a thin `main` that parses the command line and maps errors to exit codes in one place.

mod count;
mod election;

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
    /// Count ballots from a file (BLT, PrefLib, CVR CSV, Belenios JSON) with a counting method.
    Count(count::CountArgs),
    /// Verifiable secret elections (Belenios 2.0): setup, vote, tally, decrypt, result.
    #[command(subcommand)]
    Election(election::ElectionCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Count(args) => count::run(args),
        Command::Election(command) => election::run(command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kenes: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
