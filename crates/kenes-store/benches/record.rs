//! `cargo xtask bench record`: durable appends per second on SQLite, and `kenes verify` throughput, for council
//! records of 10,000 to 1,000,000 events, against the cost of one Ed25519 verification measured in the same run.
//!
//! Results go to stdout and to `$KENES_BENCH_OUT/record.json` and `record.csv`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use kenes_council::{Council, CouncilEvent, CouncilKind, Role};
use kenes_record::{Event, NodeKey, Seal, bundle};
use kenes_store::{Location, Store};
use kenes_testkit::council::{FOUNDED_MS, created, member_added};
use kenes_testkit::store::open_node;

const SIZES: &[usize] = &[10_000, 30_000, 100_000, 300_000, 1_000_000];
/// Single durable appends timed at each record size.
const APPENDS: usize = 300;
/// Commands per transaction when the group commit is timed (as the web server batches members acting at once).
const GROUP: usize = 100;
/// Group commits timed at each record size.
const GROUPS: usize = 10;

/// The floor under a durable append: a bare SQLite transaction inserting one row of an event's size, with the
/// store's pragmas (WAL, synchronous = FULL), in the same directory kind, measured in the same run.
fn bare_sqlite_commits_per_second(rows: usize) -> f64 {
    let dir = tempfile::tempdir().unwrap();
    let connection = rusqlite::Connection::open(dir.path().join("bare.sqlite")).unwrap();
    connection.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;").unwrap();
    connection.execute_batch("CREATE TABLE t (k INTEGER PRIMARY KEY, v BLOB NOT NULL)").unwrap();
    let row = vec![0x5au8; 256];
    let start = Instant::now();
    for k in 0..rows {
        connection.execute("INSERT INTO t (k, v) VALUES (?1, ?2)", rusqlite::params![k as i64, &row]).unwrap();
    }
    per_second(rows, start.elapsed())
}

/// Member 1, the founder, adds delegate `index`.
fn add(index: usize) -> CouncilEvent {
    member_added(1, &format!("Delegate {index:07}"), Role::Member)
}

/// A realistic record: a council whose secretary adds one member per event, each event checked and signed.
fn make_record(key: &NodeKey, len: usize) -> (Vec<Event>, Council) {
    let bar = ProgressBar::new(len as u64)
        .with_style(ProgressStyle::with_template("  signing {pos}/{len} events {bar:30} {eta}").unwrap());
    let created = created("Benchmark Federation", CouncilKind::Federation, "Founder", &["en"]);
    let genesis = kenes_council::create_event(created, FOUNDED_MS).sign(key).unwrap();
    let mut council = kenes_council::from_genesis(&genesis).unwrap();
    let mut events = Vec::with_capacity(len);
    events.push(genesis);
    for index in 1..len {
        let event = council.prepare(&add(index), FOUNDED_MS + index as i64).unwrap().sign(key).unwrap();
        council.apply_own(&event).unwrap();
        events.push(event);
        if index % 10_000 == 0 {
            bar.set_position(index as u64);
        }
    }
    bar.finish_and_clear();
    (events, council)
}

fn per_second(count: usize, elapsed: Duration) -> f64 {
    count as f64 / elapsed.as_secs_f64()
}

fn main() {
    let out_dir = std::env::var("KENES_BENCH_OUT")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench-results").to_owned());
    std::fs::create_dir_all(&out_dir).unwrap();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let key = NodeKey::from_secret_bytes(&[77; 32]);

    // The floor: one Ed25519 verification, measured here, now, both by the record's rule (ZIP 215, one at a time)
    // and by ed25519-dalek's verify_strict (RFC 8032's cofactorless check).
    let signing = ed25519_dalek::SigningKey::from_bytes(&[5; 32]);
    let message = vec![0x42u8; 200];
    let signature = ed25519_dalek::Signer::sign(&signing, &message).to_bytes();
    let node = kenes_record::NodeId(signing.verifying_key().to_bytes());
    let rounds = 20_000;
    let start = Instant::now();
    for _ in 0..rounds {
        assert!(kenes_record::signature::verify_one(&node, std::hint::black_box(&message), &signature));
    }
    let single_verify = start.elapsed() / rounds;
    let strict = signing.verifying_key();
    let strict_signature = ed25519_dalek::Signature::from_bytes(&signature);
    let start = Instant::now();
    for _ in 0..rounds {
        strict.verify_strict(std::hint::black_box(&message), &strict_signature).unwrap();
    }
    let strict_verify = start.elapsed() / rounds;
    println!(
        "one Ed25519 verification, one core: {:.1} µs by the record's rule (ZIP 215), {:.1} µs by verify_strict",
        single_verify.as_secs_f64() * 1e6,
        strict_verify.as_secs_f64() * 1e6
    );
    println!("cores: {cores}");
    let bare_commits = bare_sqlite_commits_per_second(APPENDS);
    println!("bare SQLite durable commit (WAL, synchronous=FULL, one 256-byte row): {bare_commits:.0}/s");

    let largest = *SIZES.last().unwrap();
    println!("building a record of {largest} events…");
    let (events, _) = make_record(&key, largest);

    let mut rows = Vec::new();
    println!(
        "{:>10} {:>10} {:>12} {:>9} {:>13} {:>9} {:>10} {:>9} {:>14}",
        "events",
        "bundle MB",
        "verify ev/s",
        "µs/event",
        "floor ev/s",
        "vs floor",
        "appends/s",
        "vs bare",
        "grouped ev/s"
    );
    for &size in SIZES {
        let prefix = &events[..size];
        let summary = kenes_record::verify_chain(prefix).unwrap();
        let seal = Seal::sign(&key, &summary);
        let bytes = bundle::encode(prefix, &seal);

        // Verify as `kenes verify` does: decode, chain, signatures, seal, then replay every event against the state.
        let start = Instant::now();
        let (decoded, _) = bundle::verify_bundle(&bytes).unwrap();
        let council = kenes_council::fold_verified(&decoded.events).unwrap();
        let verify_time = start.elapsed();
        assert_eq!(council.height() as usize, size);
        let verify_rate = per_second(size, verify_time);
        let floor_rate = cores as f64 / single_verify.as_secs_f64();

        // Durable appends on a store already holding `size` events: each append is one SQLite transaction with
        // synchronous=FULL, through the node's write path (check, sign, commit, apply).
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(&Location::data_dir(dir.path())).unwrap();
            for chunk in prefix.chunks(50_000) {
                store.backend().append_events(prefix[0].hash(), chunk).unwrap();
            }
            store.backend().set_setting("node_key", &[77; 32]).unwrap();
        }
        let node = open_node(dir.path(), 77);
        let council_id = prefix[0].hash();
        let start = Instant::now();
        for index in 0..APPENDS {
            node.execute(council_id, &add(size + index), 1_800_000_000_000).unwrap();
        }
        let append_rate = per_second(APPENDS, start.elapsed());
        // Group commit: GROUP commands checked in turn, signed, and appended in one durable transaction.
        let start = Instant::now();
        for group in 0..GROUPS {
            let commands: Vec<CouncilEvent> =
                (0..GROUP).map(|index| add(size + APPENDS + group * GROUP + index)).collect();
            let answers = node.execute_many(council_id, &commands, 1_800_000_000_000).unwrap();
            assert!(answers.iter().all(Result::is_ok));
        }
        let grouped_rate = per_second(GROUPS * GROUP, start.elapsed());

        println!(
            "{:>10} {:>10.1} {:>12.0} {:>9.2} {:>13.0} {:>8.2}× {:>10.0} {:>8.2}× {:>14.0}",
            size,
            bytes.len() as f64 / 1e6,
            verify_rate,
            verify_time.as_secs_f64() * 1e6 / size as f64,
            floor_rate,
            verify_rate / floor_rate,
            append_rate,
            append_rate / bare_commits,
            grouped_rate
        );
        rows.push(serde_json::json!({
            "events": size,
            "bundle_bytes": bytes.len(),
            "verify_seconds": verify_time.as_secs_f64(),
            "verify_events_per_second": verify_rate,
            "floor_events_per_second": floor_rate,
            "verify_vs_floor": verify_rate / floor_rate,
            "durable_appends_per_second": append_rate,
            "appends_vs_bare_sqlite_commit": append_rate / bare_commits,
            "group_commit_events_per_second": grouped_rate,
        }));
    }
    let report = serde_json::json!({
        "single_ed25519_verify_microseconds": single_verify.as_secs_f64() * 1e6,
        "single_verify_strict_microseconds": strict_verify.as_secs_f64() * 1e6,
        "cores": cores,
        "appends_timed_per_size": APPENDS,
        "bare_sqlite_durable_commits_per_second": bare_commits,
        "group_commit_size": GROUP,
        "rows": rows,
    });
    std::fs::write(format!("{out_dir}/record.json"), serde_json::to_string_pretty(&report).unwrap()).unwrap();
    let mut csv = String::from(
        "events,bundle_bytes,verify_seconds,verify_events_per_second,floor_events_per_second,durable_appends_per_second,\
         bare_sqlite_commits_per_second,group_commit_events_per_second\n",
    );
    for row in &rows {
        csv.push_str(&format!(
            "{},{},{:.4},{:.0},{:.0},{:.1},{:.1},{:.0}\n",
            row["events"],
            row["bundle_bytes"],
            row["verify_seconds"].as_f64().unwrap(),
            row["verify_events_per_second"].as_f64().unwrap(),
            row["floor_events_per_second"].as_f64().unwrap(),
            row["durable_appends_per_second"].as_f64().unwrap(),
            bare_commits,
            row["group_commit_events_per_second"].as_f64().unwrap()
        ));
    }
    std::fs::write(format!("{out_dir}/record.csv"), csv).unwrap();
    println!("wrote {out_dir}/record.json and record.csv");
}
