//! `cargo xtask bench ballots`: ballots cast over HTTP by 200 concurrent clients, every proof verified and every
//! ballot durable before the answer, against belenios-tool verifying the same archive, in Ed25519 (against
//! belenios-tool 3.0) and BELENIOS-2048 (against 2.0); `KENES_BENCH_GROUPS` chooses (see
//! `crates/kenes-web/benches/ballots.rs`).

use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::run_command;
use crate::setup::TestEnv;

pub fn run(_root: &Path, out: &Path, env: &TestEnv) -> Result<()> {
    let mut command = Command::new("cargo");
    command.args(["bench", "--locked", "-p", "kenes-web", "--bench", "ballots"]).env("KENES_BENCH_OUT", out);
    env.apply(&mut command);
    run_command(&mut command)
}
