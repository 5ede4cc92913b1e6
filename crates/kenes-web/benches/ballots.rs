//! Ballots cast over HTTP: an election of N voters (an approval question of five answers and a yes/no question with
//! blank; the approval question alone with KENES_BENCH_BALLOT=approval) is opened through the server's own code, in
//! each group of KENES_BENCH_GROUPS (Ed25519, the app's default, and BELENIOS-2048 unless it says otherwise); every
//! voter's ballot is made beforehand
//! (that is the voter's browser's work); then C concurrent clients POST them to the ballot endpoint. Each answer
//! comes after the ballot's proofs were all verified and its archive entry was committed to SQLite
//! (`synchronous=FULL`). Reports accepted ballots per second and the latency of a cast, checks the board counts N
//! and that the archive reloaded from the store verifies, and times belenios-tool verifying the same archive as the
//! peer (belenios-tool 3.0 for Ed25519, 2.0 for BELENIOS-2048). Then times the booth making one ballot in headless
//! Chromium (the page's own module) and in Node.
//! `cargo xtask bench ballots`; N and C from KENES_BENCH_VOTERS / KENES_BENCH_CLIENTS (1000 / 200).
//!
//! Server and clients share this process and the machine's two cores; the clients' work is small beside the
//! server's (one modular-exponentiation-heavy verification per ballot).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::rngs::OsRng;
use rayon::prelude::*;

use kenes_council::election::{Announced, ElectionEvent};
use kenes_council::{CouncilEvent, CouncilKind, MemberId};
use kenes_crypto::ballot::BallotContext;
use kenes_crypto::credential::SecretCredential;
use kenes_crypto::ed25519::Ed25519Group;
use kenes_crypto::election::{ElectionGroup, QuestionJson};
use kenes_crypto::group::FfGroup;
use kenes_testkit::council::{created, members_imported};
use kenes_testkit::store::open_node;
use kenes_web::elections::Setup;
use kenes_web::{AppState, Config};

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// CPU seconds (user + system) of this process, and of its children that finished, from /proc/self/stat (in clock
/// ticks of 1/100 s, Linux's USER_HZ).
fn cpu_seconds() -> (f64, f64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<f64> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest)
        .unwrap_or("")
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0.0))
        .collect();
    // After the command name: state is field 3, so utime (14), stime (15), cutime (16), cstime (17) are 11..=14 here.
    let field = |n: usize| fields.get(n - 3).copied().unwrap_or(0.0) / 100.0;
    (field(14) + field(15), field(16) + field(17))
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    if std::env::var_os("KENES_BENCH_LOG").is_some() {
        tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::new("kenes_web=info")).init();
    }
    let voters = env_number("KENES_BENCH_VOTERS", 1000);
    let clients = env_number("KENES_BENCH_CLIENTS", 200);
    let groups = std::env::var("KENES_BENCH_GROUPS").unwrap_or_else(|_| "Ed25519,BELENIOS-2048".to_owned());
    let mut reports = Vec::new();
    let mut rows = String::from(
        "group,ballot,servers,database,voters,clients,ballots_per_second,p50_ms,p90_ms,p99_ms,max_ms,kenes_cpu_ms_per_ballot,\
         belenios_tool_cpu_ms_per_ballot,load\n",
    );
    for name in groups.split(',').map(str::trim).filter(|name| !name.is_empty()) {
        let (report, row) = if name == kenes_crypto::ed25519::NAME {
            bench(Ed25519Group::new(), voters, clients)
        } else {
            bench(FfGroup::named(name).expect("a group kenes holds"), voters, clients)
        };
        reports.push(report);
        rows.push_str(&row);
    }
    if let Ok(out) = std::env::var("KENES_BENCH_OUT") {
        let out = std::path::Path::new(&out);
        std::fs::create_dir_all(out).unwrap();
        // `KENES_BENCH_LABEL` names a run's files apart (`cargo xtask bench pg` runs one and three servers).
        let name = std::env::var("KENES_BENCH_LABEL").map_or_else(|_| "ballots".to_owned(), |l| format!("ballots-{l}"));
        std::fs::write(out.join(format!("{name}.json")), serde_json::to_string_pretty(&reports).unwrap()).unwrap();
        std::fs::write(out.join(format!("{name}.csv")), rows).unwrap();
    }
}

/// The peer for a group: belenios-tool 3.0 for Ed25519 (fetched by `cargo xtask test` into target/belenios3, or
/// KENES_BELENIOS_TOOL3), belenios-tool 2.0 for the finite fields.
fn peer(group: &str) -> std::process::Command {
    if group != kenes_crypto::ed25519::NAME {
        let tool = std::env::var("KENES_BELENIOS_TOOL").unwrap_or_else(|_| "/usr/bin/belenios-tool".to_owned());
        return std::process::Command::new(tool);
    }
    let tool = std::env::var("KENES_BELENIOS_TOOL3")
        .unwrap_or_else(|_| format!("{}/../../target/belenios3/belenios-tool", env!("CARGO_MANIFEST_DIR")));
    let mut command = std::process::Command::new(tool);
    command.env("BELENIOS_USE_URANDOM", "1");
    command
}

/// Whether the ballot is the approval question alone (`KENES_BENCH_BALLOT=approval`: the ballot issue 16 measures
/// belenios-tool 3.0 on), not with the yes/no question after it.
fn approval_only() -> bool {
    std::env::var("KENES_BENCH_BALLOT").is_ok_and(|ballot| ballot == "approval")
}

/// The ballot's questions, as the report names them.
fn ballot_shape() -> &'static str {
    if approval_only() { "approval of 5" } else { "approval of 5 + yes/no with blank" }
}

/// One group's run: the report as JSON, and its CSV row.
fn bench<G: ElectionGroup>(group: G, voters: usize, clients: usize) -> (serde_json::Value, String) {
    let name = group.name().to_owned();
    eprintln!("{name}: {voters} voters, {clients} clients");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let state = AppState::new(open_node(dir.path(), 9), Config::default()).expect("state");
    let servers = env_number("KENES_BENCH_SERVERS", 1).max(1);
    let database = kenes_testkit::store::database_url(dir.path());
    assert!(servers == 1 || database.is_some(), "KENES_BENCH_SERVERS > 1 needs PostgreSQL (KENES_TEST_POSTGRES)");
    let load_before = load_average();

    // The council: member 1 is the secretary and the trustee; all N members vote.
    let created = created("Union congress", CouncilKind::Union, "Secretary", &["en"]);
    let council = state.node().create_council(created, kenes_web::auth::now_ms()).unwrap();
    state.execute(council, &members_imported(1, (2..=voters).map(|n| format!("Member {n}")))).unwrap();

    // The election, opened by the server's own code (its trustee key made here, as trustee.js would).
    let (_key, public) = kenes_crypto::trustees::TrusteeSecretKey::generate(&group, &mut OsRng);
    let mut questions = vec![QuestionJson {
        answers: ["A", "B", "C", "D", "E"].map(str::to_owned).to_vec(),
        blank: None,
        min: 0,
        max: 5,
        question: "Approve?".into(),
    }];
    if !approval_only() {
        questions.push(QuestionJson {
            answers: vec!["Yes".into(), "No".into()],
            blank: Some(true),
            min: 1,
            max: 1,
            question: "Yes?".into(),
        });
    }
    let mut setup = Setup::new(questions, String::new(), vec![1], None);
    setup.set_group(&name).unwrap();
    let setup = setup
        .take_step(&group, kenes_web::elections::Step::PublicKey, 0, serde_json::to_string(&public).unwrap())
        .unwrap();
    let backend = state.node().store().backend();
    backend.set_election_setup(council, 1, &serde_json::to_vec(&setup).unwrap()).unwrap();
    let uuid = kenes_crypto::credential::generate_token(14, &mut OsRng);
    let announced = Announced {
        by: MemberId(1),
        uuid,
        title: kenes_council::assembly::model::Title::parse("Congress").unwrap(),
        assembly: None,
        item: None,
    };
    state.execute(council, &CouncilEvent::Election(ElectionEvent::Announced(announced))).unwrap();
    let opened = Instant::now();
    state.execute(council, &kenes_web::elections::open_election(&state, council, 1, MemberId(1)).unwrap()).unwrap();
    eprintln!("opened the election for {voters} voters in {:.1} s", opened.elapsed().as_secs_f64());
    let setup: Setup = serde_json::from_slice(&backend.election_setup(council, 1).unwrap().unwrap()).unwrap();

    // Every voter's ballot, made beforehand in parallel: the voters' browsers' work, not the server's.
    let archive = backend.election_archive(council, 1).unwrap();
    let opened_box = kenes_crypto::ballot_box::BallotBox::<G>::load_in(&archive, &kenes_crypto::verify::Quiet).unwrap();
    let election_json = opened_box.election_json().to_owned();
    let election = G::parse_election(&election_json).unwrap();
    let context = BallotContext::new(&election);
    let progress = indicatif::ProgressBar::new(voters as u64).with_message("making ballots (the voters' side)");
    // Each voter signed in (an account and a session made in the store, as signing in would): a member casts with
    // both their session and their credential.
    let now = kenes_web::auth::now_ms();
    let credentials: Vec<(&String, String, String)> = setup
        .credentials
        .iter()
        .map(|(member, credential)| {
            let account = backend.create_account(&format!("voter{member}"), None, false, now).unwrap();
            backend.link_member(account, council, *member).unwrap();
            let (token, hash) = kenes_web::auth::new_token();
            let csrf = kenes_web::auth::new_token().0;
            let session = kenes_store::Session { account, csrf: csrf.clone(), expires_ms: now + 24 * 3600 * 1000 };
            backend.create_session(&hash, &session).unwrap();
            (credential, token, csrf)
        })
        .collect();
    let ballots: Vec<(String, String, String)> = credentials
        .par_iter()
        .enumerate()
        .map(|(i, (credential, token, csrf))| {
            let credential = SecretCredential::parse(credential).unwrap();
            let approve: Vec<u32> = (0..5).map(|k| u32::from((i >> k) & 1 == 1)).collect();
            let yes_no = match i % 3 {
                0 => vec![0, 1, 0],
                1 => vec![0, 0, 1],
                _ => vec![1, 0, 0],
            };
            let plaintext = if approval_only() { vec![approve] } else { vec![approve, yes_no] };
            let (ballot, _) = context.create(&credential, &plaintext, &mut OsRng).unwrap();
            progress.inc(1);
            (ballot, token.clone(), csrf.clone())
        })
        .collect();
    progress.finish_and_clear();

    // What the proofs alone cost: a sample of the ballots checked one after the other on one thread, as the server
    // checks each (the rest of a cast's CPU is HTTP, the session, the store and the clients).
    let sample = ballots.len().min(200);
    let checking = Instant::now();
    for (ballot, _, _) in &ballots[..sample] {
        opened_box.check_ballot(ballot).unwrap();
    }
    let check_ms = checking.elapsed().as_secs_f64() * 1000.0 / sample as f64;
    drop(opened_box);

    // The servers (one, or several on one PostgreSQL database, each as its own process would be: its node opened on
    // the database, its own two worker threads); the clients on theirs, spread over the servers in turn.
    let servers_running = kenes_testkit::web::Servers::start(state.clone(), dir.path(), servers, 9);
    let addrs = servers_running.addrs.clone();
    let addr = addrs[0];
    let client_runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let urls: Vec<String> =
        addrs.iter().map(|addr| format!("http://{addr}/c/{}/e/1/ballot", council.to_hex())).collect();
    let busy = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let queue = Arc::new(Mutex::new(ballots.into_iter().collect::<VecDeque<_>>()));
    let progress = indicatif::ProgressBar::new(voters as u64).with_message("casting over HTTP");
    let cpu_before = cpu_seconds().0;
    let started = Instant::now();
    let latencies: Vec<f64> = client_runtime.block_on(async {
        let mut tasks = Vec::new();
        for client_number in 0..clients {
            let queue = queue.clone();
            let url = urls[client_number % urls.len()].clone();
            let progress = progress.clone();
            let busy = busy.clone();
            tasks.push(tokio::spawn(async move {
                let client = reqwest::Client::new();
                let mut latencies = Vec::new();
                loop {
                    let Some((ballot, token, csrf)) = queue.lock().unwrap().pop_front() else { break };
                    let sent = Instant::now();
                    loop {
                        let request = client
                            .post(&url)
                            .header("cookie", format!("kenes_session={token}"))
                            .header("x-csrf-token", &csrf)
                            .body(ballot.clone());
                        let response = request.send().await.unwrap();
                        let status = response.status().as_u16();
                        let body = response.text().await.unwrap();
                        // "Busy, try again" (another server appended to the archive first): the booth tries again.
                        if status == 503 {
                            busy.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            tokio::time::sleep(Duration::from_millis(10)).await;
                            continue;
                        }
                        assert_eq!(status, 201, "every ballot is accepted: {body}");
                        break;
                    }
                    latencies.push(sent.elapsed().as_secs_f64() * 1000.0);
                    progress.inc(1);
                }
                latencies
            }));
        }
        let mut all = Vec::new();
        for task in tasks {
            all.extend(task.await.unwrap());
        }
        all
    });
    let elapsed = started.elapsed();
    let cpu = cpu_seconds().0 - cpu_before;
    progress.finish_and_clear();
    let load_during = load_average();
    let mut sorted = latencies.clone();
    sorted.sort_by(f64::total_cmp);

    // Durable and counted: the archive as stored verifies on its own and holds every ballot.
    let stored = backend.election_archive(council, 1).unwrap();
    let reloaded = kenes_crypto::ballot_box::BallotBox::<G>::load_in(&stored, &kenes_crypto::verify::Quiet).unwrap();
    assert_eq!(reloaded.counts().counted, voters, "every acknowledged ballot is in the stored archive");

    // The peer: belenios-tool verifying the same archive (every ballot's proofs, as kenes did on receipt).
    let peer_dir = tempfile::tempdir().unwrap();
    std::fs::write(peer_dir.path().join(format!("{}.bel", election.uuid())), &stored).unwrap();
    let peer_cpu_before = cpu_seconds().1;
    let peer_started = Instant::now();
    let peer = peer(&name).current_dir(peer_dir.path()).args(["election", "verify"]).output();
    let peer_wall = peer_started.elapsed();
    let peer_cpu = cpu_seconds().1 - peer_cpu_before;
    let peer_ok = peer.as_ref().is_ok_and(|o| o.status.success());

    // The booth: one ballot encrypted with its proofs in headless Chromium (the page's own module), and in Node.
    // (Once, in the one-server run: the booth does not depend on the servers behind it.)
    let (credential, token, _) = credentials[0].clone();
    let booth_url = format!("http://{addr}/c/{}/e/1/vote", council.to_hex());
    let (chromium, node) = if servers == 1 {
        (
            client_runtime.block_on(booth_in_chromium(&booth_url, &token, credential)),
            booth_in_node(&election_json, credential),
        )
    } else {
        (None, None)
    };
    let busy = busy.load(std::sync::atomic::Ordering::Relaxed);

    let per_second = voters as f64 / elapsed.as_secs_f64();
    let report = serde_json::json!({
        "group": name, "ballot": ballot_shape(), "voters": voters, "clients": clients, "cores": 2,
        "servers": servers, "database": if database.is_some() { "postgresql" } else { "sqlite" },
        "answered_busy_and_retried": busy,
        "accepted": voters, "seconds": elapsed.as_secs_f64(), "ballots_per_second": per_second,
        "latency_ms": { "p50": percentile(&sorted, 0.5), "p90": percentile(&sorted, 0.9),
                        "p99": percentile(&sorted, 0.99), "max": sorted[sorted.len() - 1] },
        "kenes_cpu_seconds": cpu, "kenes_cpu_ms_per_ballot": cpu * 1000.0 / voters as f64,
        "check_ms_per_ballot_one_thread": check_ms,
        "belenios_tool_verify": { "ok": peer_ok, "wall_seconds": peer_wall.as_secs_f64(), "cpu_seconds": peer_cpu,
                                  "cpu_ms_per_ballot": peer_cpu * 1000.0 / voters as f64 },
        "booth_ms": { "chromium": chromium.as_ref().map(|t| summary(t)), "node": node.as_ref().map(|t| summary(t)) },
        "load_average_before": load_before, "load_average_after": load_during,
    });
    println!("{}", serde_json::to_string_pretty(&report).unwrap());
    println!(
        "{name} ({}): {voters} ballots over HTTP by {clients} clients to {servers} server(s) on {}: {per_second:.1} \
         accepted/s ({busy} answers of busy, retried); latency p50 {:.0} ms, p99 {:.0} ms; kenes {:.1} ms CPU per \
         ballot (verify + store + HTTP, the clients too), of which checking its proofs {check_ms:.2} ms; belenios-tool's `election verify` of the open archive {:.1} ms per ballot \
         (`cargo xtask bench crypto` compares the verification of every ballot's proofs)",
        ballot_shape(),
        if database.is_some() { "PostgreSQL" } else { "SQLite" },
        percentile(&sorted, 0.5),
        percentile(&sorted, 0.99),
        cpu * 1000.0 / voters as f64,
        peer_cpu * 1000.0 / voters as f64
    );
    for (name, times) in [("headless Chromium", &chromium), ("Node", &node)] {
        match times {
            Some(times) => println!("the booth makes a ballot in {name}: {}", summary(times)),
            None => println!("the booth in {name}: not measured (not installed)"),
        }
    }
    let row = format!(
        "{name},{},{servers},{},{voters},{clients},{per_second:.1},{:.1},{:.1},{:.1},{:.1},{:.2},{:.2},{}\n",
        ballot_shape(),
        if database.is_some() { "postgresql" } else { "sqlite" },
        percentile(&sorted, 0.5),
        percentile(&sorted, 0.9),
        percentile(&sorted, 0.99),
        sorted[sorted.len() - 1],
        cpu * 1000.0 / voters as f64,
        peer_cpu * 1000.0 / voters as f64,
        load_during.replace(' ', "/")
    );
    drop(servers_running);
    std::thread::sleep(Duration::from_millis(10));
    (report, row)
}

/// Median and 90th percentile of some times in ms, as JSON.
fn summary(times: &[f64]) -> serde_json::Value {
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    serde_json::json!({ "runs": sorted.len(), "median": percentile(&sorted, 0.5), "p90": percentile(&sorted, 0.9) })
}

/// The script both runtimes run: fetch or read election.json, one warm-up, then ten timed `encryptBallot` calls.
const BOOTH_TIMING: &str = "const times = []; \
    const choices = [[1, 0, 1, 0, 1], [0, 1, 0]]; \
    await booth.encryptBallot(election, credential, choices); \
    for (let i = 0; i < 10; i++) { const t0 = performance.now(); \
      await booth.encryptBallot(election, credential, choices); times.push(performance.now() - t0); }";

/// Times the booth in Debian's Chromium, headless, through chromedriver; `None` when they are not installed.
async fn booth_in_chromium(booth_url: &str, session_token: &str, credential: &str) -> Option<Vec<f64>> {
    let chromedriver = std::env::var("KENES_CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".to_owned());
    let chromium = std::env::var("KENES_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    if !std::path::Path::new(&chromedriver).exists() || !std::path::Path::new(&chromium).exists() {
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0").ok()?.local_addr().ok()?.port();
    let mut driver = std::process::Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let base = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::new();
    for _ in 0..100 {
        if http.get(format!("{base}/status")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let profile = tempfile::tempdir().ok()?;
    let capabilities = serde_json::json!({ "capabilities": { "alwaysMatch": { "browserName": "chrome",
        "goog:chromeOptions": { "binary": chromium, "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", format!("--user-data-dir={}", profile.path().display())] } } } });
    let session: serde_json::Value =
        http.post(format!("{base}/session")).json(&capabilities).send().await.ok()?.json().await.ok()?;
    let id = session["value"]["sessionId"].as_str()?.to_owned();
    let session_url = format!("{base}/session/{id}");
    // The voter is signed in: the booth is for members with a session (a cookie set on the server's origin first).
    let origin = booth_url.split("/c/").next()?;
    http.post(format!("{session_url}/url"))
        .json(&serde_json::json!({ "url": format!("{origin}/healthz") }))
        .send()
        .await
        .ok()?;
    let cookie = serde_json::json!({ "cookie": { "name": "kenes_session", "value": session_token, "path": "/" } });
    http.post(format!("{session_url}/cookie")).json(&cookie).send().await.ok()?;
    http.post(format!("{session_url}/url")).json(&serde_json::json!({ "url": booth_url })).send().await.ok()?;
    let script = format!(
        "const done = arguments[arguments.length - 1]; (async () => {{ \
           const booth = await import('/static/election/booth.js'); \
           const election = await (await fetch(location.pathname.replace(/vote$/, 'election.json'))).text(); \
           const credential = arguments[0]; {BOOTH_TIMING} return times; }})().then(done, e => done(String(e)));"
    );
    http.post(format!("{session_url}/timeouts")).json(&serde_json::json!({ "script": 300000 })).send().await.ok()?;
    let timed: serde_json::Value = http
        .post(format!("{session_url}/execute/async"))
        .json(&serde_json::json!({ "script": script, "args": [credential] }))
        .send()
        .await
        .ok()?
        .json()
        .await
        .ok()?;
    let _ = http.delete(&session_url).send().await;
    let _ = driver.kill();
    let _ = driver.wait();
    let times: Vec<f64> = timed["value"].as_array()?.iter().filter_map(serde_json::Value::as_f64).collect();
    if times.is_empty() {
        eprintln!("the booth in Chromium: {timed}");
        return None;
    }
    Some(times)
}

/// Times the same booth module in Node; `None` when Node is not installed.
fn booth_in_node(election_json: &str, credential: &str) -> Option<Vec<f64>> {
    let booth = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/election/booth.js");
    let dir = tempfile::tempdir().ok()?;
    let election_file = dir.path().join("election.json");
    std::fs::write(&election_file, election_json).ok()?;
    let script = format!(
        "const booth = await import({booth:?}); const {{ readFileSync }} = await import('node:fs'); \
         const election = readFileSync({election_file:?}, 'utf8'); const credential = {credential:?}; \
         {BOOTH_TIMING} console.log(JSON.stringify(times));",
        booth = booth.display().to_string(),
        election_file = election_file.display().to_string(),
    );
    let output = std::process::Command::new("node").args(["--input-type=module", "-e", &script]).output().ok()?;
    if !output.status.success() {
        eprintln!("the booth in Node: {}", String::from_utf8_lossy(&output.stderr));
        return None;
    }
    serde_json::from_slice(&output.stdout).ok()
}
