//! `cargo xtask bench sync`: a council copied between two nodes over loopback HTTP, against
//! the floors of verifying it locally and copying its bytes (see `crates/kenes-web/benches/sync.rs`).

use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::run_command;
use crate::setup::TestEnv;

pub fn run(_root: &Path, out: &Path, env: &TestEnv) -> Result<()> {
    let mut command = Command::new("cargo");
    command.args(["bench", "--locked", "-p", "kenes-web", "--bench", "sync"]).env("KENES_BENCH_OUT", out);
    env.apply(&mut command);
    run_command(&mut command)
}
