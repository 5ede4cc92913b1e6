//! `cargo xtask`: the entry points that people and CI share.
//!
//! - `cargo xtask serve [serve options…]` installs what building needs when it is missing, then runs
//!   `kenes serve` from a release build.
//! - `cargo xtask test` installs what the tests need (Debian packages, a Python environment for the counting
//!   cross-checks) when it is missing, checks the formatting, runs clippy with warnings as errors and lints the
//!   JavaScript, then runs every test of the workspace. `cargo xtask test FILTER…` passes its arguments to `cargo test`
//!   and skips the three checks.
//! - `cargo xtask lint-js` lints the browser scripts and their Node tests with ESLint (`lint_js.rs`).
//! - `cargo xtask bench [record|count|crypto|meeting|ballots|pages|all]` builds in release mode and runs the benchmarks, writing their
//!   results as CSV and JSON under `bench-results/`.
//! - `cargo xtask fuzz [SECONDS]` runs every cargo-fuzz target for SECONDS each (default 60, or `KENES_FUZZ_SECONDS`),
//!   growing and then minimising the committed corpora, with results under `bench-results/`; it is meant to be
//!   scheduled nightly, and neither `test` nor `ci` runs it.
//! - `cargo xtask ci` is the same as `cargo xtask test` (`.ci/run` calls `test`, the README's command).

mod bench_ballots;
mod bench_count;
mod bench_crypto;
mod bench_federation;
mod bench_meeting;
mod bench_pages;
mod bench_pg;
mod bench_record;
mod bench_sync;
mod fuzz;
mod lint_js;
mod pg_cluster;
mod setup;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

fn main() {
    if let Err(error) = run() {
        eprintln!("xtask: {error:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    std::env::set_current_dir(&root).context("entering the project root")?;
    match args.first().map(String::as_str) {
        Some("test") => test(&root, &args[1..]),
        Some("ci") => test(&root, &[]),
        Some("test-pg") => test_on_postgres(&setup::ensure_all(&root)?, &args[1..]),
        Some("setup") => setup::ensure_all(&root).map(|_| ()),
        Some("lint-js") => lint_js::run(&root),
        Some("serve") => {
            setup::ensure_build_prerequisites()?;
            let mut command = Command::new("cargo");
            command.args(["run", "--release", "--locked", "-p", "kenes-cli", "--", "serve"]).args(&args[1..]);
            run_command(&mut command)
        }
        Some("bench") => {
            let which = args.get(1).map(String::as_str).unwrap_or("all");
            let out = root.join("bench-results");
            std::fs::create_dir_all(&out).context("creating bench-results/")?;
            let env = setup::ensure_all(&root)?;
            match which {
                "record" => bench_record::run(&root, &out, &env),
                "count" => bench_count::run(&root, &out, &env),
                "crypto" => bench_crypto::run(&root, &out, &env),
                "meeting" => bench_meeting::run(&root, &out, &env),
                "ballots" => bench_ballots::run(&root, &out, &env),
                "pages" => bench_pages::run(&root, &out, &env),
                "sync" => bench_sync::run(&root, &out, &env),
                "federation" => bench_federation::run(&root, &out, &env),
                "pg" => bench_pg::run(&root, &out, &env),
                "all" => {
                    bench_record::run(&root, &out, &env)?;
                    bench_count::run(&root, &out, &env)?;
                    bench_crypto::run(&root, &out, &env)?;
                    bench_meeting::run(&root, &out, &env)?;
                    bench_ballots::run(&root, &out, &env)?;
                    bench_pages::run(&root, &out, &env)?;
                    bench_sync::run(&root, &out, &env)?;
                    bench_federation::run(&root, &out, &env)
                }
                other => {
                    bail!(
                        "unknown benchmark {other:?}: expected record, count, crypto, meeting, ballots, pages, sync, federation, pg or all"
                    )
                }
            }
        }
        Some("fuzz") => {
            let out = root.join("bench-results");
            std::fs::create_dir_all(&out).context("creating bench-results/")?;
            setup::ensure_build_prerequisites()?;
            fuzz::run(&root, &out, &args[1..])
        }
        _ => {
            eprintln!(
                "usage: cargo xtask serve [options] | test [cargo test args…] | test-pg [cargo test args…] | ci | setup | lint-js | bench [record|count|crypto|meeting|ballots|pages|sync|federation|pg|all] | fuzz [SECONDS]"
            );
            std::process::exit(2);
        }
    }
}

/// Installs what is missing, then runs every test of the workspace with the environment the tests expect.
fn test(root: &Path, extra: &[String]) -> Result<()> {
    let env = setup::ensure_all(root)?;
    if extra.is_empty() {
        // The checks every change must pass, before the tests: the format, clippy's lints as errors, ESLint's.
        run_command(Command::new("cargo").args(["fmt", "--all", "--", "--check"]))?;
        run_command(Command::new("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ]))?;
        lint_js::run(root)?;
    }
    let mut command = Command::new("cargo");
    command.args(["test", "--workspace", "--locked"]).args(extra);
    env.apply(&mut command);
    run_command(&mut command)?;
    if extra.is_empty() {
        test_on_postgres(&env, &[])?;
    }
    Ok(())
}

/// The tests that open a node (the store's, the web's, the command line's) again, each data directory on a fresh
/// database of a throwaway PostgreSQL cluster.
fn test_on_postgres(env: &setup::TestEnv, extra: &[String]) -> Result<()> {
    let cluster = pg_cluster::Cluster::start(false)?;
    eprintln!("xtask: the store's and the web's tests again, on PostgreSQL (port {})", cluster.port);
    let mut command = Command::new("cargo");
    command.args(["test", "--locked", "-p", "kenes-store", "-p", "kenes-web"]).args(extra);
    env.apply(&mut command);
    command.env("KENES_TEST_POSTGRES", cluster.url());
    run_command(&mut command)?;
    if extra.is_empty() {
        // The command line's tests: each `--data DIR` stands for DIR's own database (`kenes_testkit::program`).
        eprintln!("xtask: the command line's tests, on PostgreSQL");
        let mut command = Command::new("cargo");
        command.args(["test", "--locked", "-p", "kenes-cli"]);
        env.apply(&mut command);
        command.env("KENES_TEST_POSTGRES", cluster.url());
        run_command(&mut command)?;
    }
    Ok(())
}

pub(crate) fn run_command(command: &mut Command) -> Result<()> {
    let status = command.status().with_context(|| format!("starting {command:?}"))?;
    if !status.success() {
        bail!("{command:?} failed with {status}");
    }
    Ok(())
}

fn project_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().map(Path::to_path_buf).unwrap_or(manifest_dir)
}
