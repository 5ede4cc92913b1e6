//! `cargo xtask bench record`.

use std::path::Path;

use anyhow::Result;

use crate::setup::TestEnv;

pub fn run(_root: &Path, _out: &Path, _env: &TestEnv) -> Result<()> {
    eprintln!("xtask: the record benchmark is not written yet");
    Ok(())
}
