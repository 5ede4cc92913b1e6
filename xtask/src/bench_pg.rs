//! `cargo xtask bench pg`: kenes on PostgreSQL, against a throwaway cluster with fsync on (durable commits), in
//! parts that `KENES_BENCH_PG_PARTS` chooses (all by default):
//! - `store`: durable appends per second, single and grouped, one and three servers, against a bare commit and
//!   SQLite in the same run (`crates/kenes-store/benches/pg.rs`);
//! - `ballots`: Ed25519 ballots cast over HTTP, every proof verified and stored before the answer, by one server and
//!   by three on the same database (`crates/kenes-web/benches/ballots.rs`, files `ballots-pg-1`, `ballots-pg-3`);
//! - `meeting`: live meeting streams spread over three servers while members act through them, and the same load on
//!   one server (`crates/kenes-web/benches/meeting.rs`, files `meeting-pg-3`, `meeting-pg-1`); sizes from
//!   `KENES_BENCH_MEMBERS` / `KENES_BENCH_ACTORS` (10,000 / 500 here).

use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::run_command;
use crate::setup::TestEnv;

pub fn run(_root: &Path, out: &Path, env: &TestEnv) -> Result<()> {
    let cluster = crate::pg_cluster::Cluster::start(true)?;
    let parts = std::env::var("KENES_BENCH_PG_PARTS").unwrap_or_else(|_| "store,ballots,meeting".to_owned());
    let wanted = |part: &str| parts.split(',').any(|p| p.trim() == part);
    let bench = |package: &str, name: &str, vars: &[(&str, String)]| -> Result<()> {
        let mut command = Command::new("cargo");
        command
            .args(["bench", "--locked", "-p", package, "--bench", name])
            .env("KENES_BENCH_OUT", out)
            .env("KENES_TEST_POSTGRES", cluster.url());
        env.apply(&mut command);
        for (key, value) in vars {
            command.env(key, value);
        }
        run_command(&mut command)
    };
    if wanted("store") {
        bench("kenes-store", "pg", &[])?;
    }
    if wanted("ballots") {
        for servers in [1, 3] {
            eprintln!("xtask: ballots over HTTP, {servers} server(s) on PostgreSQL");
            bench(
                "kenes-web",
                "ballots",
                &[
                    ("KENES_BENCH_GROUPS", "Ed25519".to_owned()),
                    ("KENES_BENCH_SERVERS", servers.to_string()),
                    ("KENES_BENCH_LABEL", format!("pg-{servers}")),
                ],
            )?;
        }
    }
    if wanted("meeting") {
        let members = std::env::var("KENES_BENCH_MEMBERS").unwrap_or_else(|_| "10000".to_owned());
        let actors = std::env::var("KENES_BENCH_ACTORS").unwrap_or_else(|_| "500".to_owned());
        // `KENES_BENCH_SERVER_COUNTS` chooses the runs (3 then 1 by default).
        let counts = std::env::var("KENES_BENCH_SERVER_COUNTS").unwrap_or_else(|_| "3,1".to_owned());
        for servers in counts.split(',').filter_map(|n| n.trim().parse::<usize>().ok()) {
            eprintln!("xtask: a live meeting, {members} streams and {actors} members acting, {servers} server(s)");
            bench(
                "kenes-web",
                "meeting",
                &[
                    ("KENES_BENCH_SERVERS", servers.to_string()),
                    ("KENES_BENCH_MEMBERS", members.clone()),
                    ("KENES_BENCH_ACTORS", actors.clone()),
                    ("KENES_BENCH_LABEL", format!("pg-{servers}")),
                ],
            )?;
        }
    }
    Ok(())
}
