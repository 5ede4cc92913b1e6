//! `cargo xtask bench record`: durable appends and verification throughput of council records (see
//! `crates/kenes-store/benches/record.rs`).

use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::run_command;
use crate::setup::TestEnv;

pub fn run(_root: &Path, out: &Path, env: &TestEnv) -> Result<()> {
    let mut command = Command::new("cargo");
    command.args(["bench", "--locked", "-p", "kenes-store", "--bench", "record"]).env("KENES_BENCH_OUT", out);
    env.apply(&mut command);
    run_command(&mut command)
}
