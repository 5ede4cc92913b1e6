//! `cargo xtask bench federation`: three levels of federation (councils, districts, a national federation), their
//! records replayed against the floor of verifying their chains, and every citation checked (see
//! `crates/kenes-store/benches/federation.rs`).

use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::run_command;
use crate::setup::TestEnv;

pub fn run(_root: &Path, out: &Path, env: &TestEnv) -> Result<()> {
    let mut command = Command::new("cargo");
    command.args(["bench", "--locked", "-p", "kenes-store", "--bench", "federation"]).env("KENES_BENCH_OUT", out);
    env.apply(&mut command);
    run_command(&mut command)
}
