//! `kenes count`: count a ballot file with a method from `kenes-count`.

use anyhow::{Result, bail};

#[derive(Debug, clap::Args)]
pub struct CountArgs {
    /// The ballot file.
    file: std::path::PathBuf,
}

pub fn run(args: CountArgs) -> Result<()> {
    bail!("counting {} is not implemented yet", args.file.display())
}
