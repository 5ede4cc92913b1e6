//! `kenes election …`: the Belenios 2.0 roles on the command line, and verification of election archives.

use std::path::Path;

use anyhow::{Result, bail};

#[derive(Debug, clap::Subcommand)]
pub enum ElectionCommand {
    /// Verify an election archive.
    Verify { archive: std::path::PathBuf },
}

pub fn run(command: ElectionCommand) -> Result<()> {
    match command {
        ElectionCommand::Verify { archive } => verify_archive(&archive),
    }
}

/// Verifies a Belenios 2.0 election archive; `kenes verify` calls this for files that are not council bundles.
pub fn verify_archive(path: &Path) -> Result<()> {
    bail!("verifying election archive {} is not implemented yet", path.display())
}
