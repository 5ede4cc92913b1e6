//! Load on one meeting: N members hold the live stream of the meeting open while A of them act at once (check in,
//! join the speakers' list, vote by roll call). Measures the latency of an action (request sent to 204, with its event
//! durable) and of its delivery (request sent to the moment each of the N streams has carried it), and memory per
//! connection. `cargo xtask bench meeting`; N and A from KENES_BENCH_MEMBERS / KENES_BENCH_ACTORS (2000 / 200).
//!
//! Server and clients share this process and the machine's cores, so the figures include the clients' own work.
//! Memory per connection is the growth of the process's resident memory while the N streams open, divided by N:
//! both ends of every connection are counted, so it is an upper bound for the server's share.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use kenes_council::assembly::events::*;
use kenes_council::assembly::model::{Rules, Title};
use kenes_council::{CouncilEvent, CouncilKind, MemberId};
use kenes_testkit::council::{created, members_imported};
use kenes_testkit::store::open_node;
use kenes_web::{AppState, Config};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::Mutex;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// The form an actor sends in a round: check in, join the speakers' list, vote (yes, no, abstain in turn).
fn round_fields(round: &str, actor: usize) -> Vec<(&'static str, String)> {
    match round {
        "check_in" => vec![("do", "check_in".to_owned())],
        "request_floor" => vec![("do", "request_floor".to_owned()), ("kind", "speech".to_owned())],
        _ => vec![
            ("do", "cast".to_owned()),
            ("vote", "1".to_owned()),
            ("choice", ["yes", "no", "abstain"][actor % 3].to_owned()),
        ],
    }
}

/// Set in a child process that holds the streams' client ends (see `streams_in_child`).
const STREAMS_CHILD: &str = "KENES_BENCH_STREAMS_CHILD";

/// Opens one live stream per session, spread over the servers in turn, and waits until each carried its first
/// event; each stream's arrivals are recorded as they come.
async fn open_streams(
    addrs: &[std::net::SocketAddr],
    path: &str,
    sessions: &[(String, String)],
) -> Vec<Arc<Mutex<Listener>>> {
    let listeners: Vec<Arc<Mutex<Listener>>> =
        (0..sessions.len()).map(|_| Arc::new(Mutex::new(Listener { arrivals: Vec::new() }))).collect();
    let progress = indicatif::ProgressBar::new(sessions.len() as u64).with_message("opening live streams");
    let mut connected = Vec::new();
    for (index, listener) in listeners.iter().enumerate() {
        let addr = addrs[index % addrs.len()];
        let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
        let request = format!(
            "GET {path}/stream?view=member HTTP/1.1\r\nHost: {addr}\r\nCookie: kenes_session={}\r\nAccept: text/event-stream\r\n\r\n",
            sessions[index].0
        );
        stream.write_all(request.as_bytes()).await.unwrap();
        let listener = listener.clone();
        let (ready_tx, ready_rx) = tokio::sync::oneshot::channel();
        tokio::spawn(async move {
            let mut ready = Some(ready_tx);
            // Both buffers are written once now: their pages were otherwise first touched (and zeroed by the kernel)
            // when the first round's events arrived, 10,000 streams at once, and those page faults, the client's own
            // cost, showed as a slower first round (measured with perf: 70% of the client's time in that round).
            let mut buffer = vec![1u8; 16384];
            buffer.clear();
            let mut chunk = vec![1u8; 16384];
            loop {
                let read = match stream.read(&mut chunk).await {
                    Ok(0) | Err(_) => return,
                    Ok(n) => n,
                };
                let now = Instant::now();
                buffer.extend_from_slice(&chunk[..read]);
                // Each event carries `id: <height>`; keep only what follows the last complete id line.
                let mut consumed = 0;
                while let Some(at) = buffer[consumed..].windows(4).position(|w| w == b"id: ") {
                    let start = consumed + at + 4;
                    let Some(end) = buffer[start..].iter().position(|b| *b == b'\n') else { break };
                    if let Ok(height) =
                        std::str::from_utf8(&buffer[start..start + end]).unwrap_or("").trim().parse::<u64>()
                    {
                        listener.lock().await.arrivals.push((height, now));
                        if let Some(ready) = ready.take() {
                            let _ = ready.send(());
                        }
                    }
                    consumed = start + end;
                }
                buffer.drain(..consumed);
                if buffer.len() > 1 << 20 {
                    buffer.clear();
                }
            }
        });
        connected.push(ready_rx);
        progress.inc(1);
    }
    for ready in connected {
        let _ = tokio::time::timeout(Duration::from_secs(60), ready).await;
    }
    progress.finish_and_clear();
    listeners
}

/// Microseconds since the Unix epoch: the clock both processes read, so that a time taken in the child compares
/// with one taken here.
fn unix_micros(at: Instant) -> i128 {
    let (now, wall) = (Instant::now(), std::time::SystemTime::now());
    let wall = wall.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_micros() as i128).unwrap_or(0);
    if at <= now { wall - (now - at).as_micros() as i128 } else { wall + (at - now).as_micros() as i128 }
}

/// Starts this program again as a child holding the streams' client ends (the sessions handed over in a file),
/// and waits until its streams are open. The listeners are filled from the child's report at the end.
fn streams_in_child(
    addrs: &[std::net::SocketAddr],
    path: &str,
    sessions: &[(String, String)],
) -> (std::process::Child, Vec<Arc<Mutex<Listener>>>) {
    use std::io::BufRead;
    let file = tempfile::NamedTempFile::new().unwrap();
    let tokens: Vec<&str> = sessions.iter().map(|(token, _)| token.as_str()).collect();
    std::fs::write(file.path(), tokens.join("\n")).unwrap();
    let addrs: Vec<String> = addrs.iter().map(ToString::to_string).collect();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .env(STREAMS_CHILD, file.path())
        .env("KENES_BENCH_CHILD_ADDRS", addrs.join(","))
        .env("KENES_BENCH_CHILD_PATH", path)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.as_mut().unwrap());
    let mut line = String::new();
    lines.read_line(&mut line).unwrap();
    assert_eq!(line.trim(), "ready", "the streams' child process did not open its streams");
    drop(file);
    let listeners = (0..sessions.len()).map(|_| Arc::new(Mutex::new(Listener { arrivals: Vec::new() }))).collect();
    (child, listeners)
}

/// Ends the child (closing its input) and reads its arrivals (`index height unix_micros`) into the listeners.
async fn collect_from_child(mut child: std::process::Child, listeners: &[Arc<Mutex<Listener>>]) {
    use std::io::BufRead;
    drop(child.stdin.take());
    let output = child.stdout.take().unwrap();
    let (now, wall) = (Instant::now(), unix_micros(Instant::now()));
    for line in std::io::BufReader::new(output).lines() {
        let line = line.unwrap();
        let mut fields = line.split_whitespace().map(|f| f.parse::<i128>().unwrap());
        let (Some(index), Some(height), Some(micros)) = (fields.next(), fields.next(), fields.next()) else { continue };
        let at = if micros <= wall {
            now - Duration::from_micros((wall - micros) as u64)
        } else {
            now + Duration::from_micros((micros - wall) as u64)
        };
        listeners[index as usize].lock().await.arrivals.push((height as u64, at));
    }
    child.wait().unwrap();
}

/// The child: opens a stream per session token in the file `KENES_BENCH_STREAMS_CHILD` names, says "ready", and
/// when its input closes reports every arrival as `index height unix_micros`.
fn streams_child() {
    use std::io::Write;
    let tokens = std::fs::read_to_string(std::env::var(STREAMS_CHILD).unwrap()).unwrap();
    let sessions: Vec<(String, String)> = tokens.lines().map(|t| (t.to_owned(), String::new())).collect();
    let addrs: Vec<std::net::SocketAddr> =
        std::env::var("KENES_BENCH_CHILD_ADDRS").unwrap().split(',').map(|a| a.parse().unwrap()).collect();
    let path = std::env::var("KENES_BENCH_CHILD_PATH").unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    runtime.block_on(async move {
        let listeners = open_streams(&addrs, &path, &sessions).await;
        println!("ready");
        std::io::stdout().flush().unwrap();
        // Until the parent closes our input.
        tokio::task::spawn_blocking(|| std::io::copy(&mut std::io::stdin(), &mut std::io::sink()))
            .await
            .unwrap()
            .unwrap();
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for (index, listener) in listeners.iter().enumerate() {
            for (height, at) in &listener.lock().await.arrivals {
                writeln!(out, "{index} {height} {}", unix_micros(*at)).unwrap();
            }
        }
        out.flush().unwrap();
    });
}

struct Listener {
    /// (council height carried by an event, when it arrived).
    arrivals: Vec<(u64, Instant)>,
}

fn main() {
    // Every stream is two open files when both ends are in this process. Raised as far as this user may.
    let _ = rlimit::setrlimit(rlimit::Resource::NOFILE, 1 << 17, 1 << 17);
    let files = rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024);
    if std::env::var_os(STREAMS_CHILD).is_some() {
        return streams_child();
    }
    let members = env_number("KENES_BENCH_MEMBERS", 2000);
    assert!(members as u64 + 2048 < files, "{members} streams need more open files than the limit of {files}");
    let actors = env_number("KENES_BENCH_ACTORS", 200).min(members - 1);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let state = AppState::new(open_node(dir.path(), 7), Config::default()).expect("state");

    // The council: member 1 chairs, the rest are imported in one event; each has an account and a session.
    let created = created("Congress", CouncilKind::Federation, "Chair", &["en"]);
    let council = state.node().create_council(created, kenes_web::auth::now_ms()).unwrap();
    state.execute(council, &members_imported(1, (2..=members).map(|n| format!("Delegate {n}")))).unwrap();
    let backend = state.node().store().backend();
    let progress = indicatif::ProgressBar::new(members as u64).with_message("accounts and sessions");
    let mut sessions = Vec::with_capacity(members);
    for n in 1..=members {
        let id = backend.create_account(&format!("delegate{n}"), None, n == 1, kenes_web::auth::now_ms()).unwrap();
        backend.link_member(id, council, n as u32).unwrap();
        let account = backend.account(id).unwrap().unwrap();
        sessions.push(kenes_web::auth::start_session(&state, &account).unwrap());
        progress.inc(1);
    }
    progress.finish_and_clear();
    let chair = MemberId(1);
    let title = |t: &str| Title::parse(t).unwrap();
    let run = |event: AssemblyEvent| state.execute(council, &CouncilEvent::Assembly(event)).unwrap();
    run(AssemblyEvent::Convened(Convened {
        by: chair,
        title: title("Congress"),
        place: title("Hall"),
        starts: title("today"),
        rules: Rules { quorum_percent: 5, seconders: 1, alternate: false, speaking_seconds: 120 },
    }));
    run(AssemblyEvent::ItemAdded(ItemAdded {
        by: chair,
        assembly: 1,
        parent: None,
        title: title("Motions"),
        minutes: 60,
    }));
    run(AssemblyEvent::Opened(AssemblyAct { by: chair, assembly: 1 }));
    run(AssemblyEvent::ItemTaken(ItemTaken { by: chair, assembly: 1, item: 1 }));
    run(AssemblyEvent::CheckedIn(Attendance { by: chair, assembly: 1, member: chair }));

    // The servers: one, or several on one PostgreSQL database (KENES_BENCH_SERVERS), each as its own process would
    // be (its node opened on the database, following the others' writes, on its own two worker threads).
    let servers = env_number("KENES_BENCH_SERVERS", 1).max(1);
    let database = kenes_testkit::store::database_url(dir.path());
    let servers_running = kenes_testkit::web::Servers::start(state.clone(), dir.path(), servers, 7);
    let addrs = servers_running.addrs.clone();
    let addrs = Arc::new(addrs);

    let client_runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let path = format!("/c/{}/a/1", council.to_hex());
    let sessions = Arc::new(sessions);
    client_runtime.block_on(async move {
        let rss_before = rss_kib();
        // The streams' client ends: here when the open-file limit allows both ends of every stream in this
        // process, else in a child process of this same program (`KENES_BENCH_STREAMS_CHILD`).
        let in_child = members as u64 * 2 + actors as u64 * 2 + 2048 > files;
        let mut child = None;
        let listeners: Vec<Arc<Mutex<Listener>>> = if in_child {
            let (spawned, listeners) = streams_in_child(&addrs, &path, &sessions);
            child = Some(spawned);
            listeners
        } else {
            open_streams(&addrs, &path, &sessions).await
        };        let rss_after = rss_kib();
        let per_connection_kib = (rss_after.saturating_sub(rss_before)) as f64 / members as f64;

        let client = reqwest::Client::builder().pool_max_idle_per_host(actors).build().unwrap();
        let act = |index: usize, fields: Vec<(&'static str, String)>| {
            let client = client.clone();
            // Actors spread over the servers in turn too.
            let url = format!("http://{}{path}/act", addrs[index % addrs.len()]);
            let (token, csrf) = sessions[index].clone();
            async move {
                let mut form = fields;
                form.push(("csrf", csrf));
                let sent = Instant::now();
                let response = client
                    .post(url)
                    .header("cookie", format!("kenes_session={token}"))
                    .header("x-kenes-fetch", "1")
                    .form(&form)
                    .send()
                    .await
                    .expect("the action is answered");
                let status = response.status().as_u16();
                let height = response.headers().get("x-kenes-height").and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
                (sent, Instant::now(), status, height)
            }
        };
        // Each actor opens the meeting's page first, as a phone does before its member can press a button: the
        // actions then go over connections that are already open (the first round used to open 500 of them).
        let warm: Vec<_> = (1..=actors)
            .map(|i| {
                let client = client.clone();
                let url = format!("http://{}{path}", addrs[i % addrs.len()]);
                let token = sessions[i].0.clone();
                tokio::spawn(async move {
                    let response =
                        client.get(url).header("cookie", format!("kenes_session={token}")).send().await.expect("page");
                    assert_eq!(response.status().as_u16(), 200, "the meeting's page");
                    response.bytes().await.expect("page body");
                })
            })
            .collect();
        for handle in warm {
            handle.await.unwrap();
        }
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let mut actions = Vec::new();
        for name in ["check_in", "request_floor", "cast"] {
            if name == "cast" {
                let (_, _, status, _) = act(0, vec![("do", "vote_question".to_owned()), ("question", "Adopt the report".to_owned()), ("mode", "roll_call".to_owned())]).await;
                assert_eq!(status, 204, "the chair opens the vote");
            }
            let started = Instant::now();
            let handles: Vec<_> = (1..=actors).map(|i| tokio::spawn(act(i, round_fields(name, i)))).collect();
            for handle in handles {
                let (sent, done, status, height) = handle.await.unwrap();
                assert_eq!(status, 204, "{name} by an actor");
                actions.push((name, sent, done, height.unwrap_or(0)));
            }
            eprintln!("round {name}: {actors} actions in {:.0} ms", started.elapsed().as_secs_f64() * 1000.0);
            tokio::time::sleep(Duration::from_millis(1500)).await;
        }
        if let Some(child) = child.take() {
            collect_from_child(child, &listeners).await;
        }
        let mut action_ms: Vec<f64> = actions.iter().map(|(_, sent, done, _)| (*done - *sent).as_secs_f64() * 1000.0).collect();
        action_ms.sort_by(f64::total_cmp);
        let mut delivery_ms = Vec::with_capacity(actions.len() * members);
        let mut undelivered = 0usize;
        let mut arrivals = 0usize;
        let mut by_round: std::collections::BTreeMap<&str, Vec<f64>> = Default::default();
        for listener in &listeners {
            let listener = listener.lock().await;
            arrivals += listener.arrivals.len();
            for (round, sent, _, height) in &actions {
                // Arrivals come in height order: the first at or past the action's height carried it.
                let first = listener.arrivals.partition_point(|(h, _)| h < height);
                match listener.arrivals.get(first) {
                    Some((_, at)) => {
                        let ms = at.saturating_duration_since(*sent).as_secs_f64() * 1000.0;
                        delivery_ms.push(ms);
                        by_round.entry(*round).or_default().push(ms);
                    }
                    None => undelivered += 1,
                }
            }
        }
        delivery_ms.sort_by(f64::total_cmp);
        // Each round apart: the first also opens the actors' connections.
        let rounds: serde_json::Map<String, serde_json::Value> = by_round
            .iter_mut()
            .map(|(round, delivered)| {
                delivered.sort_by(f64::total_cmp);
                let mut acted: Vec<f64> = actions
                    .iter()
                    .filter(|(name, ..)| name == round)
                    .map(|(_, sent, done, _)| (*done - *sent).as_secs_f64() * 1000.0)
                    .collect();
                acted.sort_by(f64::total_cmp);
                let value = serde_json::json!({
                    "action_ms": { "p50": percentile(&acted, 0.5), "p99": percentile(&acted, 0.99) },
                    "delivery_ms": { "p50": percentile(delivered, 0.5), "p99": percentile(delivered, 0.99) },
                });
                ((*round).to_owned(), value)
            })
            .collect();
        let report = serde_json::json!({
            "servers": servers,
            "database": if database.is_some() { "postgresql" } else { "sqlite" },
            "members_connected": members,
            "actors": actors,
            "actions": actions.len(),
            "action_ms": { "p50": percentile(&action_ms, 0.5), "p99": percentile(&action_ms, 0.99), "max": action_ms.last() },
            "delivery_ms": { "p50": percentile(&delivery_ms, 0.5), "p99": percentile(&delivery_ms, 0.99), "max": delivery_ms.last(), "samples": delivery_ms.len(), "undelivered": undelivered },
            // How many fragments a stream received over the whole run (the first included): fewer than the actions,
            // since a change that lands while a stream is still sending the one before is sent with the next.
            "rounds": rounds,
            "fragments_per_stream": arrivals as f64 / members as f64,
            "rss_kib_before_streams": rss_before,
            "rss_kib_after_streams": rss_after,
            "kib_per_connection_upper_bound": per_connection_kib,
            "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        });
        println!("{}", serde_json::to_string_pretty(&report).unwrap());
        if let Ok(out) = std::env::var("KENES_BENCH_OUT") {
            let out = std::path::Path::new(&out);
            // `KENES_BENCH_LABEL` names a run's files apart (`cargo xtask bench pg` runs one and three servers).
            let name = std::env::var("KENES_BENCH_LABEL").map_or_else(|_| "meeting".to_owned(), |l| format!("meeting-{l}"));
            std::fs::write(out.join(format!("{name}.json")), serde_json::to_string_pretty(&report).unwrap()).unwrap();
            let csv = format!(
                "servers,database,members,actors,actions,action_p50_ms,action_p99_ms,delivery_p50_ms,delivery_p99_ms,undelivered,kib_per_connection\n{servers},{},{members},{actors},{},{:.1},{:.1},{:.1},{:.1},{undelivered},{per_connection_kib:.1}\n",
                if database.is_some() { "postgresql" } else { "sqlite" },
                actions.len(),
                percentile(&action_ms, 0.5),
                percentile(&action_ms, 0.99),
                percentile(&delivery_ms, 0.5),
                percentile(&delivery_ms, 0.99)
            );
            std::fs::write(out.join(format!("{name}.csv")), csv).unwrap();
        }
    });
    drop(servers_running);
}
