//! `cargo xtask bench meeting`: 2,000 members following one meeting live while 200 act at once (see
//! `crates/kenes-web/benches/meeting.rs`).

use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::run_command;
use crate::setup::TestEnv;

pub fn run(_root: &Path, out: &Path, env: &TestEnv) -> Result<()> {
    let mut command = Command::new("cargo");
    command.args(["bench", "--locked", "-p", "kenes-web", "--bench", "meeting"]).env("KENES_BENCH_OUT", out);
    env.apply(&mut command);
    run_command(&mut command)
}
