//! `cargo xtask bench sync`: a council of 10,000 to 1,000,000 events copied between two nodes over loopback HTTP
//! (signed requests, answers encrypted with age, every event verified and stored durably on arrival), against two
//! floors measured in the same run: verifying the same record as a bundle locally (what `kenes verify` does: layout,
//! chain, batched signatures, seal, replay), and copying the bundle's bytes over a loopback TCP connection.
//! Memory: the receiving process's peak resident size before and after (`VmHWM`).
//!
//! Results go to stdout and to `$KENES_BENCH_OUT/sync.json` and `sync.csv`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::time::Instant;

use kenes_council::{CouncilEvent, CouncilKind, Role};
use kenes_record::{Event, NodeKey, bundle};
use kenes_testkit::council::{FOUNDED_MS, created, member_added};
use kenes_testkit::web::Server;

const SIZES: &[usize] = &[10_000, 100_000, 1_000_000];

/// A council homed on the node with key `key` whose record lets `reader` hold a copy, then adds members to `len`.
fn make_record(key: &NodeKey, reader: &kenes_council::copies::Holder, len: usize) -> Vec<Event> {
    let genesis = kenes_council::create_event(
        created("Sync Federation", CouncilKind::Federation, "Founder", &["en"]),
        FOUNDED_MS,
    )
    .sign(key)
    .unwrap();
    let mut council = kenes_council::from_genesis(&genesis).unwrap();
    let mut events = Vec::with_capacity(len);
    events.push(genesis);
    let copies = CouncilEvent::CopiesChosen(kenes_council::events::CopiesChosen {
        by: kenes_council::MemberId(1),
        nodes: vec![reader.clone()],
        public: false,
    });
    for index in 1..len {
        let command =
            if index == 1 { copies.clone() } else { member_added(1, &format!("Delegate {index:07}"), Role::Member) };
        let event = council.prepare(&command, FOUNDED_MS + index as i64).unwrap().sign(key).unwrap();
        council.apply_own(&event).unwrap();
        events.push(event);
    }
    events
}

/// Seconds to send `bytes` through a loopback TCP connection and read them all on the other side.
fn loopback_copy_seconds(bytes: &[u8]) -> f64 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let length = bytes.len();
    let reader = std::thread::spawn(move || {
        let (mut socket, _) = listener.accept().unwrap();
        let mut buffer = vec![0u8; 1 << 20];
        let mut total = 0;
        while total < length {
            let n = socket.read(&mut buffer).unwrap();
            assert!(n > 0);
            total += n;
        }
    });
    let start = Instant::now();
    let mut socket = std::net::TcpStream::connect(address).unwrap();
    socket.write_all(bytes).unwrap();
    reader.join().unwrap();
    start.elapsed().as_secs_f64()
}

fn main() {
    let out_dir = std::env::var("KENES_BENCH_OUT")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench-results").to_owned());
    std::fs::create_dir_all(&out_dir).unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let mut rows = Vec::new();
    println!("events  sync s  µs/event  verify floor s  ratio  loopback copy s  peak MB before → after");
    for &len in SIZES {
        let row = runtime.block_on(async {
            let home = Server::start_as(41).await;
            let copy = Server::start_as(42).await;
            let (_, age) = copy.state.node().age_identity().unwrap();
            let reader = kenes_council::copies::Holder {
                node: copy.state.node().id(),
                age: kenes_council::copies::AgeRecipient::parse(&age).unwrap(),
            };
            let key = NodeKey::from_secret_bytes(&[41; 32]);
            let events = tokio::task::spawn_blocking(move || make_record(&key, &reader, len)).await.unwrap();
            let id = events[0].hash();
            let state = home.state.clone();
            tokio::task::spawn_blocking(move || state.node().import_events(id, &events, None).unwrap()).await.unwrap();
            let bundle_bytes = home.state.node().export_bundle(id).unwrap();

            // The floor: verify the same record as a bundle, as `kenes verify` does.
            let start = Instant::now();
            let (decoded, _) = bundle::verify_bundle(&bundle_bytes).unwrap();
            kenes_council::fold_verified(&decoded.events).unwrap();
            let verify_floor = start.elapsed().as_secs_f64();
            drop(decoded);
            let copy_floor = loopback_copy_seconds(&bundle_bytes);

            let peer = kenes_store::Peer {
                url: home.url(""),
                node: home.state.node().id().to_hex(),
                age: home.state.node().age_identity().unwrap().1,
                added_ms: 0,
                last_ok_ms: None,
                last_error: None,
            };
            let before = kenes_testkit::peak_resident_mb();
            let start = Instant::now();
            let round = kenes_web::sync::client::round(&copy.state, &peer).await.unwrap();
            let seconds = start.elapsed().as_secs_f64();
            let after = kenes_testkit::peak_resident_mb();
            assert_eq!(round.added, len as u64);
            assert_eq!(copy.state.node().read(id, |c| c.height()).unwrap(), len as u64);
            (len, seconds, verify_floor, copy_floor, before, after, bundle_bytes.len())
        });
        let (len, seconds, verify_floor, copy_floor, before, after, bytes) = row;
        println!(
            "{len:>9}  {seconds:>6.2}  {:>8.1}  {verify_floor:>14.2}  {:>5.2}  {copy_floor:>15.3}  {before:.0} → {after:.0}",
            seconds * 1e6 / len as f64,
            seconds / verify_floor,
        );
        rows.push(serde_json::json!({
            "events": len,
            "bundle_bytes": bytes,
            "sync_seconds": seconds,
            "sync_us_per_event": seconds * 1e6 / len as f64,
            "verify_floor_seconds": verify_floor,
            "ratio_to_verify_floor": seconds / verify_floor,
            "loopback_copy_seconds": copy_floor,
            "peak_resident_mb_before": before,
            "peak_resident_mb_after": after,
        }));
    }
    let json = serde_json::json!({ "benchmark": "sync", "cores": std::thread::available_parallelism().map_or(1, |n| n.get()), "rows": rows });
    std::fs::write(format!("{out_dir}/sync.json"), serde_json::to_string_pretty(&json).unwrap()).unwrap();
    let mut csv = String::from(
        "events,bundle_bytes,sync_seconds,sync_us_per_event,verify_floor_seconds,ratio_to_verify_floor,loopback_copy_seconds,peak_resident_mb_before,peak_resident_mb_after\n",
    );
    for row in json["rows"].as_array().unwrap() {
        let field = |name: &str| row[name].to_string();
        csv.push_str(
            &[
                "events",
                "bundle_bytes",
                "sync_seconds",
                "sync_us_per_event",
                "verify_floor_seconds",
                "ratio_to_verify_floor",
                "loopback_copy_seconds",
                "peak_resident_mb_before",
                "peak_resident_mb_after",
            ]
            .map(field)
            .join(","),
        );
        csv.push('\n');
    }
    std::fs::write(format!("{out_dir}/sync.csv"), csv).unwrap();
}
