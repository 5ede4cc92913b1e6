//! `cargo xtask bench pg`: durable appends per second on PostgreSQL (one at a time, grouped, and from three servers on
//! one database at once) against a bare PostgreSQL commit of one row, with SQLite's figures beside them, all in the
//! same run. `KENES_TEST_POSTGRES` names the server (xtask starts a throwaway cluster with fsync on).
//!
//! Results go to stdout and to `$KENES_BENCH_OUT/pg.json` and `pg.csv`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use kenes_council::{CouncilEvent, CouncilKind, Role};
use kenes_store::{Location, Node, Store};
use kenes_testkit::council::{created, member_added};
use kenes_testkit::store::{POSTGRES_ENV, open_node, postgres_execute};

/// Single durable appends timed.
const APPENDS: usize = 300;
/// Commands per group commit, and group commits timed.
const GROUP: usize = 100;
const GROUPS: usize = 10;
/// Servers appending to one council at once, and appends each.
const SERVERS: usize = 3;
const EACH: usize = 100;

fn add(index: usize) -> CouncilEvent {
    member_added(1, &format!("Member {index:07}"), Role::Member)
}

fn per_second(count: usize, elapsed: Duration) -> f64 {
    count as f64 / elapsed.as_secs_f64()
}

/// A bare commit: one transaction inserting one 256-byte row, on a connection of its own.
fn bare_commits_per_second(url: &str, rows: usize) -> f64 {
    postgres_execute(url, "CREATE TABLE bare (k BIGINT PRIMARY KEY, v BYTEA NOT NULL)");
    let url = url.to_owned();
    std::thread::spawn(move || {
        let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        client.batch_execute("SET synchronous_commit = on").unwrap();
        let row = vec![0x5au8; 256];
        let start = Instant::now();
        for k in 0..rows {
            client.execute("INSERT INTO bare (k, v) VALUES ($1, $2)", &[&(k as i64), &row]).unwrap();
        }
        per_second(rows, start.elapsed())
    })
    .join()
    .unwrap()
}

struct Figures {
    single: f64,
    grouped: f64,
    servers: Option<f64>,
}

/// Appends on the node `open` opens (and, on a shared database, from three more at once).
fn measure(open: impl Fn() -> Node, shared: bool) -> Figures {
    let node = open();
    let id = node.create_council(created("Bench", CouncilKind::Union, "Founder", &["en"]), 1_000).unwrap();
    let start = Instant::now();
    for index in 0..APPENDS {
        node.execute(id, &add(index), 2_000).unwrap();
    }
    let single = per_second(APPENDS, start.elapsed());
    let start = Instant::now();
    for group in 0..GROUPS {
        let commands: Vec<CouncilEvent> = (0..GROUP).map(|i| add(100_000 + group * GROUP + i)).collect();
        let answers = node.execute_many(id, &commands, 3_000).unwrap();
        assert!(answers.iter().all(Result::is_ok));
    }
    let grouped = per_second(GROUP * GROUPS, start.elapsed());
    let servers = shared.then(|| {
        let nodes: Vec<Node> = (0..SERVERS).map(|_| open()).collect();
        let start = Instant::now();
        std::thread::scope(|scope| {
            for (s, node) in nodes.iter().enumerate() {
                scope.spawn(move || {
                    for i in 0..EACH {
                        node.execute(id, &add(200_000 + s * EACH + i), 4_000).unwrap();
                    }
                });
            }
        });
        let rate = per_second(SERVERS * EACH, start.elapsed());
        assert_eq!(node.refresh(id).unwrap() as usize, 1 + APPENDS + GROUP * GROUPS + SERVERS * EACH);
        rate
    });
    Figures { single, grouped, servers }
}

fn main() {
    if std::env::var(POSTGRES_ENV).is_err() {
        eprintln!("{POSTGRES_ENV} is not set: run `cargo xtask bench pg`, which starts a cluster");
        std::process::exit(2);
    }
    let pg_dir = tempfile::tempdir().unwrap();
    let pg = measure(|| open_node(pg_dir.path(), 7), true);
    let url = kenes_testkit::store::database_url(pg_dir.path()).unwrap();
    let bare = bare_commits_per_second(&url, APPENDS);
    // SQLite on this machine's disk, in the same run: the node a laptop runs.
    let sqlite_dir = tempfile::tempdir_in(std::env::current_dir().unwrap()).unwrap();
    // SQLite by path, whatever `KENES_TEST_POSTGRES` says.
    let sqlite = measure(
        || Node::open(Store::open(&Location::data_dir(sqlite_dir.path())).unwrap(), || [7; 32]).unwrap(),
        false,
    );
    let rows = [
        ("postgres", "bare commit (1 row)", bare),
        ("postgres", "append, one at a time", pg.single),
        ("postgres", "append, grouped by 100", pg.grouped),
        ("postgres", "append, 3 servers at once", pg.servers.unwrap_or_default()),
        ("sqlite", "append, one at a time", sqlite.single),
        ("sqlite", "append, grouped by 100", sqlite.grouped),
    ];
    println!("{:<10} {:<28} {:>12} {:>18}", "backend", "operation", "per second", "vs bare postgres");
    let mut csv = String::from("backend,operation,per_second,ratio_to_bare_postgres\n");
    let mut json = Vec::new();
    for (backend, operation, rate) in rows {
        println!("{backend:<10} {operation:<28} {rate:>12.0} {:>17.2}x", rate / bare);
        csv.push_str(&format!("{backend},{operation},{rate:.1},{:.3}\n", rate / bare));
        json.push(serde_json::json!({
            "backend": backend, "operation": operation, "per_second": rate, "ratio_to_bare_postgres": rate / bare,
        }));
    }
    if let Ok(out) = std::env::var("KENES_BENCH_OUT") {
        let out = std::path::Path::new(&out);
        std::fs::write(out.join("pg.csv"), csv).unwrap();
        std::fs::write(out.join("pg.json"), serde_json::to_string_pretty(&json).unwrap()).unwrap();
    }
}
