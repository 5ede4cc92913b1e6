//! `kenes migrate`: a node's data moved to another place (a PostgreSQL database when the tests run with
//! `KENES_TEST_POSTGRES`, else another data directory) and back, verified at each destination, never over data.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::kenes;

/// The councils and elections `kenes` lists in a place (`KENES_DATABASE` when `database` is given).
fn listed(data: &str, database: Option<&str>) -> (String, String) {
    let program = || match database {
        Some(url) => kenes().env("KENES_DATABASE", url),
        None => kenes().on_disk(),
    };
    (program().ok(&["council", "list", "--data", data]), program().ok(&["election", "list", "--data", data]))
}

#[test]
fn a_node_moves_to_another_place_and_back_verified_and_never_over_data() {
    let dir = tempfile::tempdir().unwrap();
    let data = |name: &str| dir.path().join(name).display().to_string();
    let out = kenes().on_disk().ok(&["demo", "--data", &data("a"), "--no-serve", "--single"]);
    let password = out.split("the password ").nth(1).unwrap().split_whitespace().next().unwrap().to_owned();
    let before = listed(&data("a"), None);
    assert!(before.1.contains("tallied"), "the demo holds a tallied election: {}", before.1);

    // There: PostgreSQL in the PostgreSQL pass (its URL from the environment, off the command line).
    let middle = kenes_testkit::store::location(&dir.path().join("b"));
    let (to, database) = match &middle {
        kenes_store::Location::Postgres(url) => ("env:KENES_MIGRATE_TO".to_owned(), Some(url.clone())),
        kenes_store::Location::Sqlite(_) => (data("b"), None),
    };
    let mover = kenes().on_disk().env("KENES_MIGRATE_TO", database.as_deref().unwrap_or(""));
    let moved = mover.ok(&["migrate", "--from", &data("a"), "--to", &to]);
    assert!(moved.contains("every record verifies and replays"), "{moved}");
    assert!(moved.contains("archive verified") && moved.contains("tallied, SHA-256 as the record names"), "{moved}");
    assert!(moved.contains("holds the node"), "{moved}");
    assert_eq!(listed(&data("b"), database.as_deref()), before, "the same councils and elections there");

    // And back, to a new data directory.
    let back = kenes().on_disk().env("KENES_MIGRATE_FROM", database.as_deref().unwrap_or(""));
    let from = if database.is_some() { "env:KENES_MIGRATE_FROM".to_owned() } else { data("b") };
    let moved_back = back.ok(&["migrate", "--from", &from, "--to", &data("c")]);
    assert!(moved_back.contains("archive verified"), "{moved_back}");
    assert_eq!(listed(&data("c"), None), before, "the same councils and elections back");

    // Never over data: a second move into a place that holds a node is refused and changes nothing.
    let refused = kenes().on_disk().fails(&["migrate", "--from", &data("a"), "--to", &data("c")]);
    assert!(refused.contains("not empty") && refused.contains("refusing to overwrite"), "{refused}");
    assert_eq!(listed(&data("c"), None), before);
    let nothing = kenes().on_disk().fails(&["migrate", "--from", &data("nowhere"), "--to", &data("d")]);
    assert!(nothing.contains("holds no kenes data"), "{nothing}");
    assert!(!dir.path().join("d").exists(), "a refused move creates nothing");

    // The node moved back serves: the same secretary signs in with the same password.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kenes"))
        .args(["serve", "--data", &data("c"), "--listen", &format!("127.0.0.1:{port}")])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    while reqwest::blocking::get(format!("{url}/healthz")).is_err() {
        assert!(started.elapsed() < Duration::from_secs(20), "the moved node did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    let session: Value = reqwest::blocking::Client::new()
        .post(format!("{url}/api/session"))
        .json(&json!({ "username": "aigerim", "password": password }))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(session["token"].is_string(), "{session}");
}
