//! Nodes that keep each other's records: three real `kenes serve` processes on loopback. Councils are homed on each
//! and allowed crosswise; A reaches C only through B. After sync every allowed copy is everywhere and verifies, and
//! nothing unallowed is anywhere (read from each node's database). Hostile requests are refused.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::kenes;

/// A `kenes serve` process on a free loopback port, killed when dropped.
struct Served {
    child: Child,
    url: String,
    data: String,
    council: String,
    password: String,
    card: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A node with the demo council homed on it, serving, syncing every second.
fn node(dir: &std::path::Path, name: &str) -> Served {
    node_with(dir, name, &[], &[])
}

/// `node`, with more arguments to `kenes serve` and more environment.
fn node_with(dir: &std::path::Path, name: &str, more: &[&str], env: &[(&str, String)]) -> Served {
    let data = dir.join(name).display().to_string();
    let (ok, out, err) = kenes().run(&["demo", "--data", &data, "--no-serve"]);
    assert!(ok, "{err}");
    let password = out.split("the password ").nth(1).unwrap().split_whitespace().next().unwrap().to_owned();
    let council = out.split("/c/").nth(1).unwrap().split('/').next().unwrap().to_owned();
    let card = kenes().ok(&["peer", "card", "--data", &data]).trim().to_owned();
    let url = format!("http://127.0.0.1:{}", free_port());
    let child = Command::new(env!("CARGO_BIN_EXE_kenes"))
        .args(["serve", "--data", &data, "--listen", url.trim_start_matches("http://"), "--sync-every", "1"])
        .args(more)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let served = Served { child, url, data, council, password, card };
    let started = Instant::now();
    while reqwest::blocking::get(format!("{}/healthz", served.url)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(20), "{name} did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    served
}

impl Served {
    /// The councils this node's database holds (each replayed and verified as the node opens it).
    fn councils(&self) -> Vec<String> {
        let listed = kenes().ok(&["council", "list", "--data", &self.data]);
        listed.lines().filter_map(|line| line.split_whitespace().next().map(str::to_owned)).collect()
    }

    /// The demo's secretary, through the API: a bearer token.
    fn token(&self) -> String {
        let session: Value = reqwest::blocking::Client::new()
            .post(format!("{}/api/session", self.url))
            .json(&json!({ "username": "aigerim", "password": self.password }))
            .send()
            .unwrap()
            .json()
            .unwrap();
        session["token"].as_str().unwrap().to_owned()
    }

    /// Lets the nodes whose cards are given hold this node's council.
    fn allow(&self, cards: &[&str]) {
        let response = reqwest::blocking::Client::new()
            .post(format!("{}/api/councils/{}/copies", self.url, self.council))
            .bearer_auth(self.token())
            .json(&json!({ "nodes": cards }))
            .send()
            .unwrap();
        assert_eq!(response.status().as_u16(), 200, "{}", response.text().unwrap());
    }

    fn add_peer(&self, other: &Served) {
        let key = other.card.split(':').nth(1).unwrap();
        kenes().ok(&["peer", "add", &other.url, "--expect", &key[..16], "--data", &self.data]);
    }
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < Duration::from_secs(60), "{what} did not happen within 60 s");
        std::thread::sleep(Duration::from_millis(500));
    }
}

#[test]
fn three_nodes_keep_the_copies_each_council_allows_and_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (node(dir.path(), "a"), node(dir.path(), "b"), node(dir.path(), "c"));
    // A's council may be held by B and C, B's by A only, C's by B and A.
    a.allow(&[&b.card, &c.card]);
    b.allow(&[&a.card]);
    c.allow(&[&b.card, &a.card]);
    // A and C know only B; B knows both.
    a.add_peer(&b);
    b.add_peer(&a);
    b.add_peer(&c);
    c.add_peer(&b);
    let holds = |node: &Served, councils: &[&str]| {
        let held = node.councils();
        councils.iter().all(|c| held.iter().any(|h| h == c))
    };
    wait_until("every allowed copy everywhere", || {
        holds(&a, &[&a.council, &b.council, &c.council])
            && holds(&b, &[&a.council, &b.council, &c.council])
            && holds(&c, &[&a.council, &c.council])
    });
    // C's checkpoint of A's council carries the signatures of the nodes that said the same head: C's, B's and A's.
    wait_until("three cosigners", || {
        let note = kenes().ok(&["council", "checkpoint", "--data", &c.data, &a.council]);
        note.lines().filter(|l| l.starts_with("\u{2014} kenes-node-")).count() == 3
    });
    // A's own page says how many other nodes vouched for its record.
    wait_until("A's page naming its witnesses", || {
        let page = reqwest::blocking::Client::new()
            .get(format!("{}/c/{}", a.url, a.council))
            .bearer_auth(a.token())
            .send()
            .unwrap()
            .text()
            .unwrap();
        page.contains("Other nodes that verified this record")
    });
    // C may not hold B's council: its database never had it.
    assert!(!c.councils().contains(&b.council), "C holds B's council");
    let bundle = dir.path().join("b-on-c.bundle").display().to_string();
    let (ok, _, _) = kenes().run(&["bundle", "export", "--data", &c.data, &b.council, "-o", &bundle]);
    assert!(!ok);

    // A's tallied election's archive came to C through B, matches the hash A's record carries, and verifies.
    let listed = kenes().ok(&["election", "list", "--data", &a.data]);
    let line = listed.lines().find(|l| l.contains("tallied") && l.contains(&a.council)).unwrap();
    let uuid = line.split_whitespace().next().unwrap().to_owned();
    let exported = dir.path().join("exported");
    std::fs::create_dir(&exported).unwrap();
    let archive = exported.join(format!("{uuid}.bel")).display().to_string();
    wait_until("the archive on C", || kenes().run(&["election", "export", "--data", &c.data, &uuid, "-o", &archive]).0);
    let verified = kenes().ok(&["verify", &archive]);
    assert!(verified.contains("ballots"), "{verified}");

    // C's copy of A's council travels on as a bundle sealed by A, and verifies.
    let a_on_c = dir.path().join("a-on-c.bundle").display().to_string();
    kenes().ok(&["bundle", "export", "--data", &c.data, &a.council, "-o", &a_on_c]);
    let verified = kenes().ok(&["verify", &a_on_c]);
    assert!(verified.contains("Tulpar"), "{verified}");

    // A change on A reaches C through B, incrementally.
    let height = |node: &Served, council: &str| -> u64 {
        let listed = kenes().ok(&["council", "list", "--data", &node.data]);
        let line = listed.lines().find(|l| l.starts_with(council)).unwrap_or_else(|| panic!("{listed}"));
        line.split(", ").find_map(|part| part.strip_suffix(" events)")).unwrap().parse().unwrap()
    };
    let before = height(&c, &a.council);
    let response = reqwest::blocking::Client::new()
        .post(format!("{}/api/councils/{}/members", a.url, a.council))
        .bearer_auth(a.token())
        .json(&json!({ "name": "Nurlan", "role": "member" }))
        .send()
        .unwrap();
    assert!(response.status().is_success(), "{}", response.text().unwrap());
    wait_until("the new member on C", || height(&c, &a.council) == before + 1);
}

/// The same three nodes without a network: a USB stick carried A → B → C → A → B delivers every copy each council
/// allows and no other, verified on arrival; a seized stick shows no council's name; a step with nothing new
/// changes nothing.
#[test]
fn a_usb_stick_carried_between_three_laptops_delivers_what_each_may_hold() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (node(dir.path(), "a"), node(dir.path(), "b"), node(dir.path(), "c"));
    a.allow(&[&b.card, &c.card]);
    b.allow(&[&a.card]);
    c.allow(&[&b.card, &a.card]);
    let stick = dir.path().join("stick").display().to_string();
    let step = |node: &Served| kenes().ok(&["sync", "--dir", &stick, "--data", &node.data]);
    let out = step(&a);
    assert!(out.contains(&format!("wrote council {}", a.council)), "{out}");
    let out = step(&b);
    assert!(out.contains("imported") && out.contains(&format!("wrote council {}", b.council)), "{out}");
    let out = step(&c);
    assert!(out.contains("encrypted for other nodes"), "C cannot read B's council: {out}");
    step(&a);
    step(&b);
    let held = |node: &Served| node.councils();
    assert!([&a.council, &b.council, &c.council].iter().all(|x| held(&a).contains(x)));
    assert!([&a.council, &b.council, &c.council].iter().all(|x| held(&b).contains(x)));
    assert!(held(&c).contains(&a.council) && held(&c).contains(&c.council));
    assert!(!held(&c).contains(&b.council), "C holds B's council");
    // A's tallied election's archive came to C on the stick too, checked against A's record.
    let listed = kenes().ok(&["election", "list", "--data", &a.data]);
    let line = listed.lines().find(|l| l.contains("tallied") && l.contains(&a.council)).unwrap();
    let uuid = line.split_whitespace().next().unwrap().to_owned();
    let archive = dir.path().join(format!("{uuid}.bel")).display().to_string();
    kenes().ok(&["election", "export", "--data", &c.data, &uuid, "-o", &archive]);
    // Nothing new: nothing done.
    assert!(step(&b).contains("nothing to do"));
    // What a seized stick shows: encrypted files, no council's name.
    for entry in std::fs::read_dir(&stick).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(bytes.starts_with(b"age-encryption.org/v1"));
        assert!(!bytes.windows(6).any(|w| w == b"Tulpar"));
    }
}

/// A node killed (SIGKILL) again and again while it pulls a council of 60,000 events resumes each time from what it
/// kept, and never holds part of a frame: every height seen after a kill is a whole number of frames, and the copy
/// verifies when the node opens it.
#[test]
fn a_sync_killed_mid_way_resumes_and_nothing_half_written_is_seen() {
    use kenes_council::{CouncilKind, Role};
    use kenes_testkit::council::{created, member_added};
    const EVENTS: u64 = 60_000;
    let dir = tempfile::tempdir().unwrap();
    let (a_data, b_data) = (dir.path().join("a"), dir.path().join("b"));
    let b_card = kenes().ok(&["peer", "card", "--data", &b_data.display().to_string()]).trim().to_owned();
    // A's council, written in process: 60,000 events in batches, and B allowed to hold it.
    let council = {
        let node = kenes_testkit::store::open_node(&a_data, 5);
        let id = node.create_council(created("Big Union", CouncilKind::Union, "Ana", &["en"]), 1_000).unwrap();
        let copies = kenes_council::CouncilEvent::CopiesChosen(kenes_council::events::CopiesChosen {
            by: kenes_council::MemberId(1),
            nodes: vec![kenes_council::copies::parse_card(&b_card).unwrap()],
            public: false,
        });
        node.execute(id, &copies, 2_000).unwrap();
        let mut added = 2;
        while added < EVENTS {
            let batch = (EVENTS - added).min(2_000);
            let commands: Vec<_> =
                (0..batch).map(|i| member_added(1, &format!("Member {}", added + i), Role::Member)).collect();
            for result in node.execute_many(id, &commands, 3_000).unwrap() {
                result.unwrap();
            }
            added += batch;
        }
        id.to_hex()
    };
    let a_url = format!("http://127.0.0.1:{}", free_port());
    let mut a = Command::new(env!("CARGO_BIN_EXE_kenes"))
        .args(["serve", "--data", &a_data.display().to_string(), "--listen", a_url.trim_start_matches("http://")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while reqwest::blocking::get(format!("{a_url}/healthz")).is_err() {
        assert!(started.elapsed() < Duration::from_secs(30), "A did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    let b = b_data.display().to_string();
    kenes().ok(&["peer", "add", &a_url, "--data", &b]);
    let height_on_b = || -> u64 {
        let listed = kenes().ok(&["council", "list", "--data", &b]);
        listed
            .lines()
            .find(|l| l.starts_with(&council))
            .map_or(0, |line| line.split(", ").find_map(|p| p.strip_suffix(" events)")).unwrap().parse().unwrap())
    };
    let mut seen = Vec::new();
    let mut wait = 400;
    for _ in 0..30 {
        let port = free_port();
        let mut node_b = Command::new(env!("CARGO_BIN_EXE_kenes"))
            .args(["serve", "--data", &b, "--listen", &format!("127.0.0.1:{port}"), "--sync-every", "1"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(wait));
        node_b.kill().unwrap();
        node_b.wait().unwrap();
        // Opening the data directory replays and verifies every record it holds.
        let height = height_on_b();
        seen.push(height);
        if height == EVENTS {
            break;
        }
        wait += 300;
    }
    let _ = a.kill();
    let _ = a.wait();
    eprintln!("heights seen after each kill: {seen:?}");
    assert_eq!(seen.last(), Some(&EVENTS), "heights seen after each kill: {seen:?}");
    for height in &seen {
        assert!(height % 10_000 == 0 || *height == EVENTS, "part of a frame was kept: {seen:?}");
    }
    assert!(seen.iter().any(|h| *h > 0 && *h < EVENTS), "no kill came mid-sync: {seen:?}");
}

/// `kenes serve --discover` announces the node on the local network; `kenes peer nearby` lists what it hears (each
/// node's address and whole key), announcing nothing itself; the key heard is then the one `peer add` expects.
#[test]
fn nodes_that_announce_themselves_are_listed_with_their_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mdns = std::net::UdpSocket::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port().to_string();
    let env = [("KENES_MDNS_PORT", mdns.clone())];
    let a = node_with(dir.path(), "a", &["--discover"], &env);
    let b = node_with(dir.path(), "b", &["--discover"], &env);
    let quiet = node_with(dir.path(), "quiet", &[], &env);
    let listener = dir.path().join("listener").display().to_string();
    let mut heard = String::new();
    wait_until("both nodes heard", || {
        let (ok, out, err) =
            kenes().env("KENES_MDNS_PORT", &mdns).run(&["peer", "nearby", "--data", &listener, "--seconds", "3"]);
        assert!(ok, "{err}");
        heard = out;
        heard.contains(&a.url) && heard.contains(&b.url)
    });
    let key_of = |served: &Served| served.card.split(':').nth(1).unwrap().to_owned();
    for served in [&a, &b] {
        let line = heard.lines().find(|l| l.starts_with(&served.url)).unwrap();
        assert_eq!(line.split("node key ").nth(1).unwrap().replace(' ', ""), key_of(served), "{heard}");
    }
    assert!(!heard.contains(&quiet.url), "a node not told to announce itself is not heard: {heard}");
    // The key heard is the one a peer add expects; it is checked against the node's signed hello.
    kenes().ok(&["peer", "add", &b.url, "--expect", &key_of(&b), "--data", &a.data]);
    let (ok, _, err) = kenes().run(&["peer", "add", &quiet.url, "--expect", &key_of(&b), "--data", &a.data]);
    assert!(!ok && err.contains("not the one expected"), "{err}");
}
