//! `cargo xtask bench count`: `kenes count` against belenios-tool and the Python counting libraries, in one run,
//! on the same synthetic ballot files (100,000 and 1,000,000 ballots, 10 candidates, partial rankings).
//!
//! Each counter runs as a child process; its CPU time (user + system) and peak resident memory are read from
//! `getrusage(RUSAGE_CHILDREN)` by a small Python wrapper, so every peer is measured the same way.
//! Any run that takes under two seconds of CPU is repeated five times in all and its median reported (the
//! machine is shared, and short runs are the noisiest); the load average before each run is recorded beside it.
//! Results go to `OUT/count.csv` and `OUT/count.json`, and a table is printed, then how each counter's CPU time
//! grows from 100,000 to 1,000,000 ballots.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::run_command;
use crate::setup::TestEnv;

const CANDIDATES: usize = 10;
const SEATS: usize = 3;

/// Runs a command with stdin/stdout redirected and prints "cpu_seconds max_rss_kib wall_seconds exit_code".
const MEASURE: &str = r#"
import resource, subprocess, sys, time
stdin = open(sys.argv[1], "rb") if sys.argv[1] != "-" else subprocess.DEVNULL
start = time.monotonic()
code = subprocess.call(sys.argv[2:], stdin=stdin, stdout=subprocess.DEVNULL)
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss, wall, code)
"#;

/// The Python peers: read the BLT file, count, print the winners.
const PYTHON_PEERS: &str = r#"
import sys, random
path, which = sys.argv[1], sys.argv[2]
lines = open(path).read().split("\n")
ncand, seats = map(int, lines[0].split())
ballots = []
for line in lines[1:]:
    fields = line.split()
    if fields == ["0"]:
        break
    ballots.append([int(x) - 1 for x in fields[1:-1]])
if which.startswith("pyrankvote"):
    import pyrankvote
    cands = [pyrankvote.Candidate(str(i)) for i in range(ncand)]
    objs = [pyrankvote.Ballot(ranked_candidates=[cands[c] for c in b]) for b in ballots]
    if which == "pyrankvote-stv":
        result = pyrankvote.single_transferable_vote(cands, objs, number_of_seats=seats)
    else:
        result = pyrankvote.instant_runoff_voting(cands, objs)
    print([w.name for w in result.get_winners()])
else:
    from pref_voting.profiles_with_ties import ProfileWithTies
    from pref_voting.proportional_methods import stv_scottish
    counts = {}
    for b in ballots:
        counts[tuple(b)] = counts.get(tuple(b), 0) + 1
    rankings = [{c: r + 1 for r, c in enumerate(b)} for b in counts]
    profile = ProfileWithTies(rankings, rcounts=list(counts.values()), candidates=list(range(ncand)))
    print(stv_scottish(profile, num_seats=seats, rng=random.Random(0)))
"#;

struct Measurement {
    ballots: usize,
    counter: String,
    method: String,
    /// Median over the runs.
    cpu_seconds: f64,
    /// Largest over the runs.
    peak_mib: f64,
    /// Median over the runs.
    wall_seconds: f64,
    ok: bool,
    runs: usize,
    /// One-minute load average before the first run.
    load: f64,
}

/// Runs shorter than this (CPU seconds) are repeated.
const REPEAT_BELOW_SECONDS: f64 = 2.0;
/// How many times in all a short run is measured.
const REPEATS: usize = 5;

/// One measured run: CPU seconds, peak KiB, wall seconds, success.
fn measure_once(
    python: &Path,
    measure: &Path,
    stdin: Option<&Path>,
    command: &[String],
    what: &str,
) -> Result<(f64, f64, f64, bool)> {
    let output = Command::new(python)
        .arg(measure)
        .arg(stdin.map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|| "-".into()))
        .args(command)
        .output()
        .with_context(|| format!("measuring {what}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    let fields: Vec<&str> = text.split_whitespace().collect();
    if fields.len() != 4 {
        bail!("measuring {what}: unexpected output {text:?} {}", String::from_utf8_lossy(&output.stderr));
    }
    Ok((
        fields[0].parse().unwrap_or(f64::NAN),
        fields[1].parse().unwrap_or(f64::NAN),
        fields[2].parse().unwrap_or(f64::NAN),
        fields[3] == "0",
    ))
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The one-minute load average (NaN where /proc/loadavg is missing).
fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(f64::NAN)
}

pub fn run(root: &Path, out: &Path, env: &TestEnv) -> Result<()> {
    run_command(Command::new("cargo").args(["build", "--release", "--locked", "-p", "kenes-cli"]))
        .context("building kenes in release mode")?;
    let kenes = root.join("target/release/kenes");
    let belenios = PathBuf::from(env.get("KENES_BELENIOS_TOOL").unwrap_or("/usr/bin/belenios-tool"));
    let python = PathBuf::from(env.get("KENES_PYTHON").context("KENES_PYTHON is not set")?);
    if !belenios.exists() {
        bail!("belenios-tool not found at {}", belenios.display());
    }
    let data = out.join("count-data");
    std::fs::create_dir_all(&data).context("creating the benchmark data directory")?;
    let measure = data.join("measure.py");
    std::fs::write(&measure, MEASURE)?;
    let peers = data.join("peers.py");
    std::fs::write(&peers, PYTHON_PEERS)?;

    let mut results = Vec::new();
    for ballots in [100_000usize, 1_000_000] {
        let (blt, json) = write_files(&data, ballots)?;
        let blt_s = blt.to_string_lossy().into_owned();
        let kenes_s = kenes.to_string_lossy().into_owned();
        let bel = belenios.to_string_lossy().into_owned();
        let py = python.to_string_lossy().into_owned();
        let peers_s = peers.to_string_lossy().into_owned();
        let seats_arg = format!("--nseats={SEATS}");
        let runs: Vec<(&str, &str, Option<&Path>, Vec<String>)> = vec![
            ("kenes", "stv-scottish", None, vec![kenes_s.clone(), "count".into(), "--json".into(), blt_s.clone()]),
            (
                "kenes",
                "stv-meek",
                None,
                vec![kenes_s.clone(), "count".into(), "--rules".into(), "meek".into(), blt_s.clone()],
            ),
            (
                "kenes",
                "irv",
                None,
                vec![kenes_s.clone(), "count".into(), "--method".into(), "irv".into(), blt_s.clone()],
            ),
            (
                "kenes",
                "schulze",
                None,
                vec![kenes_s.clone(), "count".into(), "--method".into(), "schulze".into(), blt_s.clone()],
            ),
            (
                "belenios-tool",
                "schulze",
                Some(json.as_path()),
                vec![bel.clone(), "method".into(), "schulze".into(), "--blank-allowed=false".into()],
            ),
            // Its STV recurses deeply: it needs an unlimited stack.
            (
                "belenios-tool",
                "stv",
                Some(json.as_path()),
                vec!["bash".into(), "-c".into(), format!("ulimit -s unlimited && exec {bel} method stv {seats_arg}")],
            ),
            ("pyrankvote", "stv", None, vec![py.clone(), peers_s.clone(), blt_s.clone(), "pyrankvote-stv".into()]),
            ("pyrankvote", "irv", None, vec![py.clone(), peers_s.clone(), blt_s.clone(), "pyrankvote-irv".into()]),
            (
                "pref_voting",
                "stv-scottish",
                None,
                vec![py.clone(), peers_s.clone(), blt_s.clone(), "pref_voting".into()],
            ),
        ];
        for (counter, method, stdin, command) in runs {
            let what = format!("{counter} {method}");
            eprintln!("xtask: {ballots} ballots: {what}");
            let load = load_average();
            let mut samples = vec![measure_once(&python, &measure, stdin, &command, &what)?];
            if samples[0].0 < REPEAT_BELOW_SECONDS {
                for _ in 1..REPEATS {
                    samples.push(measure_once(&python, &measure, stdin, &command, &what)?);
                }
            }
            results.push(Measurement {
                ballots,
                counter: counter.to_owned(),
                method: method.to_owned(),
                cpu_seconds: median(samples.iter().map(|s| s.0).collect()),
                peak_mib: samples.iter().map(|s| s.1).fold(f64::NAN, f64::max) / 1024.0,
                wall_seconds: median(samples.iter().map(|s| s.2).collect()),
                ok: samples.iter().all(|s| s.3),
                runs: samples.len(),
                load,
            });
        }
    }
    report(out, &results)
}

/// Writes the same ballots as BLT (for kenes and the Python peers) and as Belenios JSON (for belenios-tool).
/// Voters follow a Plackett–Luce model with fixed candidate strengths and rank 1 to 10 candidates.
fn write_files(dir: &Path, ballots: usize) -> Result<(PathBuf, PathBuf)> {
    let blt_path = dir.join(format!("synthetic-{ballots}.blt"));
    let json_path = dir.join(format!("synthetic-{ballots}.json"));
    let mut state: u64 = 0x5EED_0000 + ballots as u64;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) as f64 / u64::MAX as f64
    };
    let strengths: Vec<f64> = (0..CANDIDATES).map(|i| 1.0 / (1.0 + i as f64 * 0.35)).collect();
    let mut blt = String::with_capacity(ballots * 24);
    let mut json = String::with_capacity(ballots * 32);
    let _ = writeln!(blt, "{CANDIDATES} {SEATS}");
    json.push('[');
    for index in 0..ballots {
        let length = 1 + (next() * CANDIDATES as f64) as usize % CANDIDATES;
        let mut left: Vec<usize> = (0..CANDIDATES).collect();
        let mut ranks = [0usize; CANDIDATES];
        blt.push('1');
        for rank in 0..length {
            let total: f64 = left.iter().map(|&c| strengths[c]).sum();
            let mut pick = next() * total;
            let mut chosen = left.len() - 1;
            for (k, &c) in left.iter().enumerate() {
                if pick < strengths[c] {
                    chosen = k;
                    break;
                }
                pick -= strengths[c];
            }
            let candidate = left.remove(chosen);
            ranks[candidate] = rank + 1;
            let _ = write!(blt, " {}", candidate + 1);
        }
        blt.push_str(" 0\n");
        if index > 0 {
            json.push(',');
        }
        json.push('[');
        for (k, r) in ranks.iter().enumerate() {
            if k > 0 {
                json.push(',');
            }
            let _ = write!(json, "{r}");
        }
        json.push(']');
    }
    json.push(']');
    blt.push_str("0\n");
    for c in 0..CANDIDATES {
        let _ = writeln!(blt, "\"Candidate {}\"", c + 1);
    }
    blt.push_str("\"Synthetic benchmark\"\n");
    std::fs::write(&blt_path, blt).with_context(|| format!("writing {}", blt_path.display()))?;
    std::fs::write(&json_path, json).with_context(|| format!("writing {}", json_path.display()))?;
    Ok((blt_path, json_path))
}

fn report(out: &Path, results: &[Measurement]) -> Result<()> {
    let mut csv =
        String::from("ballots,counter,method,cpu_seconds,peak_mib,wall_seconds,ok,cpu_ratio_to_kenes,runs,load\n");
    let mut json = String::from("[\n");
    println!(
        "{:>9}  {:<14} {:<13} {:>9} {:>9} {:>9} {:>8} {:>5} {:>5}",
        "ballots", "counter", "method", "CPU s", "peak MiB", "wall s", "×kenes", "runs", "load"
    );
    for (i, m) in results.iter().enumerate() {
        // Compare with kenes on the same file and the closest method (STV with STV, Schulze with Schulze, IRV with IRV).
        let family = m.method.split('-').next().unwrap_or("");
        let reference = results
            .iter()
            .find(|r| r.counter == "kenes" && r.ballots == m.ballots && r.method.starts_with(family))
            .map(|r| r.cpu_seconds);
        let ratio = reference.map(|k| m.cpu_seconds / k.max(1e-9)).unwrap_or(f64::NAN);
        println!(
            "{:>9}  {:<14} {:<13} {:>9.3} {:>9.1} {:>9.3} {:>8.1} {:>5} {:>5.2}{}",
            m.ballots,
            m.counter,
            m.method,
            m.cpu_seconds,
            m.peak_mib,
            m.wall_seconds,
            ratio,
            m.runs,
            m.load,
            if m.ok { "" } else { "  FAILED" }
        );
        let _ = writeln!(
            csv,
            "{},{},{},{:.4},{:.2},{:.4},{},{:.3},{},{:.2}",
            m.ballots, m.counter, m.method, m.cpu_seconds, m.peak_mib, m.wall_seconds, m.ok, ratio, m.runs, m.load
        );
        let _ = writeln!(
            json,
            "  {{\"ballots\": {}, \"counter\": \"{}\", \"method\": \"{}\", \"cpu_seconds\": {:.4}, \"peak_mib\": {:.2}, \"wall_seconds\": {:.4}, \"ok\": {}, \"cpu_ratio_to_kenes\": {}, \"runs\": {}, \"load\": {}}}{}",
            m.ballots,
            m.counter,
            m.method,
            m.cpu_seconds,
            m.peak_mib,
            m.wall_seconds,
            m.ok,
            if ratio.is_finite() { format!("{ratio:.3}") } else { "null".to_owned() },
            m.runs,
            if m.load.is_finite() { format!("{:.2}", m.load) } else { "null".to_owned() },
            if i + 1 < results.len() { "," } else { "" }
        );
    }
    json.push_str("]\n");
    // How CPU time grows with ten times the ballots (10 would be linear).
    println!("\n{:<14} {:<13} {:>12}", "counter", "method", "CPU ×(1M/100k)");
    for small in results.iter().filter(|m| m.ballots == 100_000) {
        let large =
            results.iter().find(|m| m.ballots == 1_000_000 && m.counter == small.counter && m.method == small.method);
        if let Some(large) = large {
            println!("{:<14} {:<13} {:>12.1}", small.counter, small.method, large.cpu_seconds / small.cpu_seconds);
        }
    }
    std::fs::write(out.join("count.csv"), csv).context("writing count.csv")?;
    std::fs::write(out.join("count.json"), json).context("writing count.json")?;
    println!("xtask: wrote {} and {}", out.join("count.csv").display(), out.join("count.json").display());
    Ok(())
}
