//! `cargo xtask bench pages`: each main page's weight on the wire and first contentful paint in Chromium on a
//! throttled "Slow 4G" network with a slowed CPU (see `crates/kenes-web/benches/pages.rs`).

use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::run_command;
use crate::setup::TestEnv;

pub fn run(_root: &Path, out: &Path, env: &TestEnv) -> Result<()> {
    let mut command = Command::new("cargo");
    command.args(["bench", "--locked", "-p", "kenes-web", "--bench", "pages"]).env("KENES_BENCH_OUT", out);
    env.apply(&mut command);
    run_command(&mut command)
}
