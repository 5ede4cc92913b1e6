//! `cargo xtask fuzz [SECONDS]`: the scheduled fuzzing run, meant for a nightly job rather than every commit.
//!
//! For each cargo-fuzz workspace in `WORKSPACES` it seeds the corpus when the workspace has `examples/seed.rs`,
//! builds every target, runs each one (`cargo fuzz list`) for SECONDS (default 60, else `KENES_FUZZ_SECONDS`) one at a
//! time into its committed `corpus/<target>/`, so the corpora grow, then `cargo fuzz cmin`s it, so they stay small.
//! The libFuzzer options are the ones the fuzz READMEs use: a 20 s timeout, a 2 GB memory limit, final stats printed.
//! `RAYON_NUM_THREADS=1` keeps the verifiers' thread pools on the one core a run is meant to take, and
//! `RUSTC_BOOTSTRAP=1` lets stable Rust accept the `-Z` flags cargo-fuzz passes.
//!
//! Each fuzz folder is its own workspace and builds into its own `target/`, whatever `CARGO_TARGET_DIR` says: its
//! builds are instrumented and would only evict the main workspace's artifacts.
//! Each target's final stats and its corpus after cmin go to `bench-results/fuzz.csv` and `bench-results/fuzz.json`,
//! and a table is printed. A crash, timeout or out-of-memory in any target fails the run, naming the target and the
//! artifact, after every target has had its turn (one finding should not hide another). libFuzzer's full output for
//! each target is kept in the workspace's `target/xtask-fuzz/<target>.log`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::run_command;

/// The cargo-fuzz release the run is pinned to (the one the READMEs' recorded runs used).
const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// The cargo-fuzz workspaces, each excluded from the main workspace and holding its own `Cargo.lock` and `target/`.
const WORKSPACES: &[&str] = &["crates/kenes-count/fuzz", "crates/kenes-crypto/fuzz", "crates/kenes-record/fuzz"];

const DEFAULT_SECONDS: u64 = 60;

/// libFuzzer options besides `-max_total_time`: an input taking over 20 s or a process over 2 GB is a failure.
const LIBFUZZER_OPTIONS: &[&str] = &["-timeout=20", "-rss_limit_mb=2048", "-print_final_stats=1"];

/// How often a running target's latest libFuzzer status line is shown.
const PROGRESS_INTERVAL: Duration = Duration::from_secs(10);

/// How much of a failing target's output is shown (the sanitizer's report and cargo-fuzz's "Failing input").
const TAIL_LINES: usize = 60;

/// Artifact names that mean a failure; libFuzzer's `slow-unit-*` files (over 10 s, under the timeout) do not.
const FAILURE_PREFIXES: &[&str] = &["crash-", "timeout-", "oom-", "leak-"];

pub fn run(root: &Path, out: &Path, args: &[String]) -> Result<()> {
    let seconds = seconds_per_target(args)?;
    ensure_cargo_fuzz()?;
    let workspaces = WORKSPACES.iter().map(|dir| Workspace::open(root, dir)).collect::<Result<Vec<_>>>()?;
    let total = workspaces.iter().map(|workspace| workspace.targets.len()).sum::<usize>();
    eprintln!("xtask: fuzzing {total} targets in {} workspaces, {seconds} s each", workspaces.len());
    let started = Instant::now();
    let mut outcomes = Vec::with_capacity(total);
    for workspace in &workspaces {
        workspace.seed()?;
        workspace.build()?;
        for target in &workspace.targets {
            let label = format!("[{}/{total}] {}/{target}", outcomes.len() + 1, workspace.name);
            outcomes.push(workspace.fuzz(target, seconds, &label, started)?);
        }
    }
    report(out, seconds, &outcomes)?;
    eprintln!("xtask: fuzzing took {}", minutes(started.elapsed()));
    let failures: Vec<String> = outcomes
        .iter()
        .filter_map(|outcome| {
            let finding = outcome.finding.as_ref()?;
            Some(format!("  {}/{}: {}", outcome.workspace, outcome.target, finding.describe()))
        })
        .collect();
    if !failures.is_empty() {
        bail!("fuzzing found {} failing target(s):\n{}", failures.len(), failures.join("\n"));
    }
    Ok(())
}

/// The SECONDS argument, else `KENES_FUZZ_SECONDS`, else the default.
fn seconds_per_target(args: &[String]) -> Result<u64> {
    let (text, source) = match args {
        [] => match std::env::var("KENES_FUZZ_SECONDS") {
            Ok(text) => (text, "KENES_FUZZ_SECONDS"),
            Err(_) => return Ok(DEFAULT_SECONDS),
        },
        [text] => (text.clone(), "SECONDS"),
        _ => bail!("usage: cargo xtask fuzz [SECONDS]"),
    };
    match text.trim().parse::<u64>() {
        Ok(seconds) if seconds > 0 => Ok(seconds),
        _ => bail!("{source} must be a whole number of seconds above zero, not {text:?}"),
    }
}

/// Installs the pinned cargo-fuzz from crates.io when there is none; a different version already installed is used,
/// with a note, rather than replaced behind its owner's back.
fn ensure_cargo_fuzz() -> Result<()> {
    let installed = Command::new("cargo")
        .args(["fuzz", "--version"])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned());
    match installed {
        Some(version) if version.rsplit(' ').next() == Some(CARGO_FUZZ_VERSION) => Ok(()),
        Some(version) => {
            eprintln!("xtask: using {version}; the run is pinned to cargo-fuzz {CARGO_FUZZ_VERSION}");
            Ok(())
        }
        None => {
            eprintln!("xtask: installing cargo-fuzz {CARGO_FUZZ_VERSION}");
            let mut install = Command::new("cargo");
            install.args(["install", "cargo-fuzz", "--version", CARGO_FUZZ_VERSION, "--locked"]);
            run_command(&mut install).context("installing cargo-fuzz")
        }
    }
}

struct Workspace {
    /// The crate it fuzzes (`kenes-count`), for progress and results.
    name: String,
    dir: PathBuf,
    targets: Vec<String>,
}

impl Workspace {
    fn open(root: &Path, relative: &str) -> Result<Self> {
        let dir = root.join(relative);
        let name = dir
            .parent()
            .and_then(Path::file_name)
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| relative.to_owned());
        let mut workspace = Workspace { name, dir, targets: Vec::new() };
        let output = workspace
            .cargo(&["fuzz", "list"])
            .stderr(Stdio::inherit())
            .output()
            .with_context(|| format!("listing the fuzz targets of {relative}"))?;
        if !output.status.success() {
            bail!("`cargo fuzz list` in {relative} failed with {}", output.status);
        }
        workspace.targets = String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect();
        if workspace.targets.is_empty() {
            bail!("`cargo fuzz list` in {relative} names no targets");
        }
        Ok(workspace)
    }

    /// A cargo command run in this workspace, building into its own `target/`.
    fn cargo(&self, args: &[&str]) -> Command {
        let mut command = Command::new("cargo");
        command
            .args(args)
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", self.dir.join("target"))
            .env("RUSTC_BOOTSTRAP", "1")
            .env("RAYON_NUM_THREADS", "1");
        command
    }

    /// Writes the workspace's seed inputs into its corpus (valid records that random bytes almost never reach).
    fn seed(&self) -> Result<()> {
        if !self.dir.join("examples/seed.rs").exists() {
            return Ok(());
        }
        eprintln!("xtask: {}: seeding the corpus (cargo run --release --example seed)", self.name);
        run_command(&mut self.cargo(&["run", "--release", "--quiet", "--example", "seed"]))
            .with_context(|| format!("seeding the corpus of {}", self.name))
    }

    /// Builds every target at once, so the time each target runs is spent fuzzing.
    fn build(&self) -> Result<()> {
        eprintln!("xtask: {}: building {} fuzz targets", self.name, self.targets.len());
        let started = Instant::now();
        run_command(&mut self.cargo(&["fuzz", "build"]))
            .with_context(|| format!("building {}'s targets", self.name))?;
        eprintln!("xtask: {}: built in {}", self.name, minutes(started.elapsed()));
        Ok(())
    }

    fn fuzz(&self, target: &str, seconds: u64, label: &str, run_started: Instant) -> Result<Outcome> {
        let corpus = self.dir.join("corpus").join(target);
        std::fs::create_dir_all(&corpus).with_context(|| format!("creating {}", corpus.display()))?;
        let artifacts = self.dir.join("artifacts").join(target);
        let artifacts_before = file_names(&artifacts);
        let log_dir = self.dir.join("target/xtask-fuzz");
        std::fs::create_dir_all(&log_dir).with_context(|| format!("creating {}", log_dir.display()))?;
        let log = log_dir.join(format!("{target}.log"));
        eprintln!("xtask: {label}: fuzzing for {seconds} s ({} into the run)", minutes(run_started.elapsed()));

        let started = Instant::now();
        let mut command = self.cargo(&["fuzz", "run", target]);
        command.arg(&corpus).arg("--").arg(format!("-max_total_time={seconds}")).args(LIBFUZZER_OPTIONS);
        let run = run_with_progress(&mut command, label, &log)?;
        let wall = started.elapsed();

        let new_artifacts: Vec<PathBuf> = file_names(&artifacts)
            .difference(&artifacts_before)
            .filter(|name| FAILURE_PREFIXES.iter().any(|prefix| name.starts_with(prefix)))
            .map(|name| artifacts.join(name))
            .collect();
        let finding = if run.status.success() && new_artifacts.is_empty() {
            None
        } else {
            eprintln!("xtask: {label}: FAILED ({}); the end of its output:", run.status);
            for line in &run.tail {
                eprintln!("    {line}");
            }
            eprintln!("xtask: {label}: full output in {}", log.display());
            Some(Finding { status: run.status, artifacts: new_artifacts })
        };

        eprintln!("xtask: {label}: minimising the corpus (cargo fuzz cmin)");
        self.minimise(target, &corpus)?;
        let (corpus_files, corpus_bytes) = corpus_size(&corpus)?;
        eprintln!(
            "xtask: {label}: {} executions, corpus {corpus_files} files, {}",
            run.stats.executions.map_or("?".to_owned(), grouped),
            bytes(corpus_bytes)
        );
        Ok(Outcome {
            workspace: self.name.clone(),
            target: target.to_owned(),
            wall_seconds: wall.as_secs(),
            stats: run.stats,
            corpus_files,
            corpus_bytes,
            finding,
        })
    }

    /// `cargo fuzz cmin`, which reports a failed merge on stdout yet exits successfully; that counts as a failure here.
    fn minimise(&self, target: &str, corpus: &Path) -> Result<()> {
        let mut command = self.cargo(&["fuzz", "cmin", target]);
        command.arg(corpus);
        let output = command.output().with_context(|| format!("starting {command:?}"))?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() || stdout.contains("Failed to minimize corpus") {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let tail: Vec<&str> = stderr.lines().rev().take(TAIL_LINES).collect();
            for line in tail.iter().rev() {
                eprintln!("    {line}");
            }
            bail!("minimising the corpus of {}/{target} failed: {}", self.name, stdout.trim());
        }
        Ok(())
    }
}

/// libFuzzer's `-print_final_stats=1` numbers.
#[derive(Default)]
struct FinalStats {
    executions: Option<u64>,
    executions_per_second: Option<u64>,
    new_units: Option<u64>,
    peak_rss_mb: Option<u64>,
}

impl FinalStats {
    fn read(&mut self, line: &str) {
        let Some((key, value)) = line.trim().strip_prefix("stat::").and_then(|rest| rest.split_once(':')) else {
            return;
        };
        let value = value.trim().parse().ok();
        match key {
            "number_of_executed_units" => self.executions = value,
            "average_exec_per_sec" => self.executions_per_second = value,
            "new_units_added" => self.new_units = value,
            "peak_rss_mb" => self.peak_rss_mb = value,
            _ => {}
        }
    }
}

struct Run {
    status: ExitStatus,
    stats: FinalStats,
    tail: Vec<String>,
}

/// Runs a fuzz target, writing all its output to `log`, showing its latest status line every `PROGRESS_INTERVAL`
/// and keeping its final stats and last lines.
fn run_with_progress(command: &mut Command, label: &str, log: &Path) -> Result<Run> {
    let mut log_file =
        std::io::BufWriter::new(std::fs::File::create(log).with_context(|| format!("creating {}", log.display()))?);
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {command:?}"))?;
    let (sender, receiver) = mpsc::channel::<String>();
    let mut readers = Vec::new();
    let streams: [Option<Box<dyn Read + Send>>; 2] = [
        child.stdout.take().map(|stream| Box::new(stream) as Box<dyn Read + Send>),
        child.stderr.take().map(|stream| Box::new(stream) as Box<dyn Read + Send>),
    ];
    for stream in streams.into_iter().flatten() {
        let sender = sender.clone();
        readers.push(std::thread::spawn(move || {
            // libFuzzer's lines are ASCII, a sanitizer report's nearly so; read bytes so nothing stops the reader.
            let mut reader = BufReader::new(stream);
            let mut line = Vec::new();
            while reader.read_until(b'\n', &mut line).map(|read| read > 0).unwrap_or(false) {
                let text = String::from_utf8_lossy(&line).trim_end().to_owned();
                if sender.send(text).is_err() {
                    break;
                }
                line.clear();
            }
        }));
    }
    drop(sender);

    let started = Instant::now();
    let mut next_progress = started + PROGRESS_INTERVAL;
    let mut stats = FinalStats::default();
    let mut tail: std::collections::VecDeque<String> = std::collections::VecDeque::with_capacity(TAIL_LINES);
    let mut latest_status = String::new();
    loop {
        let wait = next_progress.saturating_duration_since(Instant::now());
        match receiver.recv_timeout(wait) {
            Ok(line) => {
                let _ = writeln!(log_file, "{line}");
                stats.read(&line);
                if line.starts_with('#') {
                    latest_status = line.split_whitespace().collect::<Vec<_>>().join(" ");
                }
                if tail.len() == TAIL_LINES {
                    tail.pop_front();
                }
                tail.push_back(line);
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        if Instant::now() >= next_progress {
            let elapsed = started.elapsed().as_secs();
            eprintln!("xtask: {label}: {elapsed} s  {latest_status}");
            next_progress += PROGRESS_INTERVAL;
        }
    }
    for reader in readers {
        let _ = reader.join();
    }
    let status = child.wait().with_context(|| format!("waiting for {command:?}"))?;
    log_file.flush().with_context(|| format!("writing {}", log.display()))?;
    Ok(Run { status, stats, tail: tail.into() })
}

struct Finding {
    status: ExitStatus,
    artifacts: Vec<PathBuf>,
}

impl Finding {
    /// `crash`, `timeout`, `oom` or `leak` after the artifact's name, else `failed` (a build error, for one).
    fn kind(&self) -> &'static str {
        let name = self.artifacts.first().and_then(|path| path.file_name()).map(|name| name.to_string_lossy());
        FAILURE_PREFIXES
            .iter()
            .find(|prefix| name.as_deref().is_some_and(|name| name.starts_with(*prefix)))
            .map_or("failed", |prefix| prefix.trim_end_matches('-'))
    }

    fn describe(&self) -> String {
        if self.artifacts.is_empty() {
            format!("{} ({}), no artifact written", self.kind(), self.status)
        } else {
            let paths: Vec<String> = self.artifacts.iter().map(|path| path.display().to_string()).collect();
            format!("{} ({}): {}", self.kind(), self.status, paths.join(", "))
        }
    }
}

struct Outcome {
    workspace: String,
    target: String,
    wall_seconds: u64,
    stats: FinalStats,
    corpus_files: u64,
    corpus_bytes: u64,
    finding: Option<Finding>,
}

fn file_names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|entry| entry.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default()
}

fn corpus_size(dir: &Path) -> Result<(u64, u64)> {
    let mut files = 0;
    let mut total = 0;
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let metadata =
            entry.and_then(|entry| entry.metadata()).with_context(|| format!("reading {}", dir.display()))?;
        if metadata.is_file() {
            files += 1;
            total += metadata.len();
        }
    }
    Ok((files, total))
}

/// Writes `fuzz.csv` and `fuzz.json` and prints the table.
fn report(out: &Path, seconds: u64, outcomes: &[Outcome]) -> Result<()> {
    let number = |value: Option<u64>| value.map_or("null".to_owned(), |value| value.to_string());
    let mut csv = String::from(
        "workspace,target,seconds,wall_seconds,executions,exec_per_second,peak_rss_mb,new_units,corpus_files,corpus_bytes,result,artifacts\n",
    );
    let mut json = String::from("[\n");
    let mut rows = vec![
        ["crate", "target", "time", "executions", "exec/s", "peak RSS", "new units", "corpus after cmin", "result"]
            .map(str::to_owned)
            .to_vec(),
    ];
    for (index, outcome) in outcomes.iter().enumerate() {
        let stats = &outcome.stats;
        let result = outcome.finding.as_ref().map_or("ok", Finding::kind);
        let artifacts: Vec<String> = outcome
            .finding
            .iter()
            .flat_map(|finding| &finding.artifacts)
            .map(|path| path.display().to_string())
            .collect();
        let _ = writeln!(
            csv,
            "{},{},{seconds},{},{},{},{},{},{},{},{result},{}",
            outcome.workspace,
            outcome.target,
            outcome.wall_seconds,
            stats.executions.map_or(String::new(), |value| value.to_string()),
            stats.executions_per_second.map_or(String::new(), |value| value.to_string()),
            stats.peak_rss_mb.map_or(String::new(), |value| value.to_string()),
            stats.new_units.map_or(String::new(), |value| value.to_string()),
            outcome.corpus_files,
            outcome.corpus_bytes,
            artifacts.join(" "),
        );
        let artifacts_json: Vec<String> = artifacts.iter().map(|path| json_string(path)).collect();
        let _ = writeln!(
            json,
            "  {{\"workspace\": {}, \"target\": {}, \"seconds\": {seconds}, \"wall_seconds\": {}, \"executions\": {}, \"exec_per_second\": {}, \"peak_rss_mb\": {}, \"new_units\": {}, \"corpus_files\": {}, \"corpus_bytes\": {}, \"result\": {}, \"artifacts\": [{}]}}{}",
            json_string(&outcome.workspace),
            json_string(&outcome.target),
            outcome.wall_seconds,
            number(stats.executions),
            number(stats.executions_per_second),
            number(stats.peak_rss_mb),
            number(stats.new_units),
            outcome.corpus_files,
            outcome.corpus_bytes,
            json_string(result),
            artifacts_json.join(", "),
            if index + 1 < outcomes.len() { "," } else { "" }
        );
        let unknown = || "?".to_owned();
        rows.push(vec![
            outcome.workspace.clone(),
            outcome.target.clone(),
            format!("{} s", outcome.wall_seconds),
            stats.executions.map_or_else(unknown, grouped),
            stats.executions_per_second.map_or_else(unknown, grouped),
            stats.peak_rss_mb.map_or_else(unknown, |megabytes| format!("{megabytes} MB")),
            stats.new_units.map_or_else(unknown, grouped),
            format!("{} files, {}", grouped(outcome.corpus_files), bytes(outcome.corpus_bytes)),
            result.to_owned(),
        ]);
    }
    json.push_str("]\n");
    std::fs::write(out.join("fuzz.csv"), csv).context("writing fuzz.csv")?;
    std::fs::write(out.join("fuzz.json"), json).context("writing fuzz.json")?;

    // Text columns to the left, numbers to the right.
    let right_aligned = [false, false, true, true, true, true, true, false, false];
    let widths: Vec<usize> = (0..right_aligned.len())
        .map(|column| rows.iter().map(|row| row[column].chars().count()).max().unwrap_or(0))
        .collect();
    println!();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .zip(right_aligned)
            .map(|((cell, &width), right)| if right { format!("{cell:>width$}") } else { format!("{cell:<width$}") })
            .collect();
        println!("{}", cells.join("  ").trim_end());
    }
    println!("\nxtask: wrote {} and {}", out.join("fuzz.csv").display(), out.join("fuzz.json").display());
    Ok(())
}

fn json_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for character in text.chars() {
        match character {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            control if control.is_control() => {
                let _ = write!(quoted, "\\u{:04x}", u32::from(control));
            }
            other => quoted.push(other),
        }
    }
    quoted.push('"');
    quoted
}

/// 1234567 as "1,234,567".
fn grouped(value: u64) -> String {
    let digits = value.to_string();
    let mut text = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// Sizes as the fuzz READMEs write them: "150 KB", "2.5 MB".
fn bytes(count: u64) -> String {
    if count >= 1_000_000 {
        format!("{:.1} MB", count as f64 / 1_000_000.0)
    } else if count >= 1_000 {
        format!("{} KB", count / 1_000)
    } else {
        format!("{count} B")
    }
}

fn minutes(duration: Duration) -> String {
    let seconds = duration.as_secs();
    if seconds < 60 { format!("{seconds} s") } else { format!("{} min {} s", seconds / 60, seconds % 60) }
}
