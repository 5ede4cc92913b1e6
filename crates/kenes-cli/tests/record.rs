//! `kenes bundle export|import` and `kenes verify` on council records, end to end through the binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

use kenes_council::events::{Created, ImportedMember, MemberAdded, MembersImported};
use kenes_council::{
    CouncilEvent, CouncilKind, CouncilName, Description, DisplayName, JoinedVia, Languages, MemberId, Role,
};
use kenes_record::{Event, EventHash, NodeKey, Seal, UnsignedEvent, bundle};
use kenes_store::{Location, Node, Store};

fn kenes(args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_kenes")).args(args).output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn created(name: &str) -> Created {
    Created {
        name: CouncilName::parse(name).unwrap(),
        kind: CouncilKind::Workplace,
        description: Description::parse("Bakery workers").unwrap(),
        languages: Languages::parse(&["en", "kk"]).unwrap(),
        founder: DisplayName::parse("Saule").unwrap(),
        nonce: "00".repeat(16),
    }
}

/// A data directory holding one council with a few events; returns the council id.
fn data_dir_with_council(dir: &Path, secret: u8) -> EventHash {
    let node = Node::open(Store::open(&Location::data_dir(dir)).unwrap(), || [secret; 32]).unwrap();
    let id = node.create_council(created("Bakery Council"), 1_700_000_000_000).unwrap();
    for (at, name) in ["Arman", "Dina", "Erlan"].iter().enumerate() {
        let command = CouncilEvent::MemberAdded(MemberAdded {
            by: MemberId(1),
            name: DisplayName::parse(name).unwrap(),
            role: Role::Member,
            via: JoinedVia::Secretary,
        });
        node.execute(id, &command, 1_700_000_000_000 + at as i64).unwrap();
    }
    let members = (0..40)
        .map(|i| ImportedMember { name: DisplayName::parse(&format!("Baker {i}")).unwrap(), role: Role::Member })
        .collect();
    node.execute(id, &CouncilEvent::MembersImported(MembersImported { by: MemberId(1), members }), 1_700_000_000_100)
        .unwrap();
    id
}

fn write(path: &Path, bytes: &[u8]) -> String {
    std::fs::write(path, bytes).unwrap();
    path.display().to_string()
}

#[test]
fn export_verify_and_every_tampered_variant_is_rejected_with_its_height() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("node");
    let id = data_dir_with_council(&data, 5);
    let file = dir.path().join("bakery.kbundle");
    let (ok, out, err) = kenes(&[
        "bundle",
        "export",
        "--data",
        data.to_str().unwrap(),
        &id.to_hex()[..10],
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("5 events"), "{out}");
    let (ok, out, err) = kenes(&["verify", file.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(
        out.contains("valid council record") && out.contains("Bakery Council") && out.contains("44 active"),
        "{out}"
    );
    assert!(out.contains(&id.to_hex()), "{out}");
    let (ok, json, _) = kenes(&["verify", "--json", file.to_str().unwrap()]);
    assert!(ok);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["events"], 5);
    assert_eq!(json["members"], 44);

    let bytes = std::fs::read(&file).unwrap();
    let decoded = bundle::decode(&bytes).unwrap();
    let events = decoded.events.clone();

    // A byte flipped inside the payload of the event at height 2.
    let offset_of_2 = 24 + (0..2).map(|i| 4 + events[i].to_wire().len()).sum::<usize>();
    let mut flipped = bytes.clone();
    flipped[offset_of_2 + 4 + 140] ^= 0x20;
    let path = write(&dir.path().join("flipped.kbundle"), &flipped);
    let (ok, _, err) = kenes(&["verify", &path]);
    assert!(!ok);
    assert!(err.contains("height 2"), "{err}");

    // Each event removed, and adjacent events swapped.
    for removed in 0..events.len() {
        let mut fewer = events.clone();
        fewer.remove(removed);
        let path = write(&dir.path().join("removed.kbundle"), &bundle::encode(&fewer, &decoded.seal));
        let (ok, _, err) = kenes(&["verify", &path]);
        assert!(!ok, "removing {removed} went unnoticed");
        assert!(err.contains(&format!("height {removed}")), "removed {removed}: {err}");
    }
    for first in 0..events.len() - 1 {
        let mut swapped = events.clone();
        swapped.swap(first, first + 1);
        let path = write(&dir.path().join("swapped.kbundle"), &bundle::encode(&swapped, &decoded.seal));
        let (ok, _, err) = kenes(&["verify", &path]);
        assert!(!ok);
        assert!(err.contains(&format!("height {first}")), "swapped {first}: {err}");
    }
    // Truncated file.
    let path = write(&dir.path().join("truncated.kbundle"), &bytes[..bytes.len() / 2]);
    let (ok, _, err) = kenes(&["verify", &path]);
    assert!(!ok);
    assert!(err.contains("height"), "{err}");
}

/// A record whose chain and signatures are perfect, but one event was not allowed by the state before it.
#[test]
fn an_event_the_council_did_not_allow_is_rejected_on_replay() {
    let key = NodeKey::from_secret_bytes(&[11; 32]);
    let mut events: Vec<Event> = Vec::new();
    let push = |command: CouncilEvent, events: &mut Vec<Event>| {
        let parent = events.last().map_or(EventHash::ZERO, Event::hash);
        let event = UnsignedEvent {
            height: events.len() as u64,
            parent,
            timestamp_ms: 1_700_000_000_000,
            kind: command.kind().to_owned(),
            payload: command.to_payload(),
        }
        .sign(&key)
        .unwrap();
        events.push(event);
    };
    push(CouncilEvent::Created(created("Strict Council")), &mut events);
    let add = |by: u32, name: &str| {
        CouncilEvent::MemberAdded(MemberAdded {
            by: MemberId(by),
            name: DisplayName::parse(name).unwrap(),
            role: Role::Member,
            via: JoinedVia::Secretary,
        })
    };
    push(add(1, "Plain Member"), &mut events);
    // Member 2 is a plain member: adding someone is not theirs to do.
    push(add(2, "Smuggled In"), &mut events);
    let summary = kenes_record::verify_chain(&events).unwrap();
    let seal = Seal::sign(&key, &summary);
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir.path().join("strict.kbundle"), &bundle::encode(&events, &seal));
    let (ok, _, err) = kenes(&["verify", &path]);
    assert!(!ok);
    assert!(err.contains("height 2") && err.contains("not allowed"), "{err}");
    // And a node refuses to import it.
    let data = dir.path().join("node");
    let (ok, _, err) = kenes(&["bundle", "import", "--data", data.to_str().unwrap(), &path]);
    assert!(!ok);
    assert!(err.contains("height 2"), "{err}");
}

#[test]
fn import_adds_what_is_new_and_refuses_a_fork() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let id = data_dir_with_council(&home, 21);
    let file = dir.path().join("council.kbundle");
    let (ok, _, err) =
        kenes(&["bundle", "export", "--data", home.to_str().unwrap(), &id.to_hex(), "-o", file.to_str().unwrap()]);
    assert!(ok, "{err}");
    let copy = dir.path().join("copy");
    let (ok, out, err) = kenes(&["bundle", "import", "--data", copy.to_str().unwrap(), file.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(out.contains("5 new events, 5 in all"), "{out}");
    let (ok, out, _) = kenes(&["bundle", "import", "--data", copy.to_str().unwrap(), file.to_str().unwrap()]);
    assert!(ok);
    assert!(out.contains("0 new events"), "{out}");
    // The copy re-exports with the home node's seal, and the result verifies.
    let again = dir.path().join("again.kbundle");
    let (ok, _, err) =
        kenes(&["bundle", "export", "--data", copy.to_str().unwrap(), &id.to_hex(), "-o", again.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(kenes(&["verify", again.to_str().unwrap()]).0);
    let (ok, out, _) = kenes(&["council", "list", "--data", copy.to_str().unwrap()]);
    assert!(ok && out.contains("Bakery Council"), "{out}");

    // A fork: the same home key and genesis, a different event at height 4.
    let bytes = std::fs::read(&file).unwrap();
    let events = bundle::decode(&bytes).unwrap().events;
    let key = NodeKey::from_secret_bytes(&[21; 32]);
    let command = CouncilEvent::MemberAdded(MemberAdded {
        by: MemberId(1),
        name: DisplayName::parse("Other History").unwrap(),
        role: Role::Member,
        via: JoinedVia::Secretary,
    });
    let forked = UnsignedEvent {
        height: 4,
        parent: events[3].hash(),
        timestamp_ms: events[3].timestamp_ms,
        kind: command.kind().to_owned(),
        payload: command.to_payload(),
    }
    .sign(&key)
    .unwrap();
    let mut fork = events[..4].to_vec();
    fork.push(forked);
    let seal = Seal::sign(&key, &kenes_record::verify_chain(&fork).unwrap());
    let path = write(&dir.path().join("fork.kbundle"), &bundle::encode(&fork, &seal));
    assert!(kenes(&["verify", &path]).0, "the fork on its own is a valid record");
    let (ok, _, err) = kenes(&["bundle", "import", "--data", copy.to_str().unwrap(), &path]);
    assert!(!ok);
    assert!(err.contains("forks") && err.contains("height 4"), "{err}");
}

#[test]
fn encrypted_bundles_need_their_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("node");
    let id = data_dir_with_council(&data, 33);
    let passphrase = write(&dir.path().join("pass.txt"), b"correct horse battery staple\n");
    let file = dir.path().join("secret.kbundle");
    let (ok, _, err) = kenes(&[
        "bundle",
        "export",
        "--data",
        data.to_str().unwrap(),
        &id.to_hex(),
        "-o",
        file.to_str().unwrap(),
        "--passphrase-file",
        &passphrase,
    ]);
    assert!(ok, "{err}");
    assert!(!String::from_utf8_lossy(&std::fs::read(&file).unwrap()).contains("Bakery"), "the names are not readable");
    let (ok, _, err) = kenes(&["verify", file.to_str().unwrap()]);
    assert!(!ok && err.contains("encrypted"), "{err}");
    let wrong = write(&dir.path().join("wrong.txt"), b"wrong\n");
    assert!(!kenes(&["verify", file.to_str().unwrap(), "--passphrase-file", &wrong]).0);
    let (ok, out, err) = kenes(&["verify", file.to_str().unwrap(), "--passphrase-file", &passphrase]);
    assert!(ok, "{err}");
    assert!(out.contains("Bakery Council"));
    let copy = dir.path().join("copy");
    assert!(
        kenes(&[
            "bundle",
            "import",
            "--data",
            copy.to_str().unwrap(),
            file.to_str().unwrap(),
            "--passphrase-file",
            &passphrase
        ])
        .0
    );
}

/// One command verifies both kinds of file: a Belenios archive goes to the election verifier.
#[test]
fn verify_also_takes_belenios_archives() {
    let archive = concat!(env!("CARGO_MANIFEST_DIR"), "/../kenes-crypto/tests/data/single.bel");
    let (ok, out, err) = kenes(&["verify", archive]);
    assert!(ok, "{err}");
    assert!(!out.contains("council record"), "{out}");
    let dir = tempfile::tempdir().unwrap();
    let mut damaged = std::fs::read(archive).unwrap();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x01;
    let path = write(&dir.path().join("damaged.bel"), &damaged);
    assert!(!kenes(&["verify", &path]).0, "a damaged archive does not verify");
}

/// Bundles encrypted to an age recipient open with the `age` tool (Debian's `age`, the format's reference
/// implementation), and bundles the `age` tool encrypted open with `kenes verify --identity` and import.
#[test]
fn encrypted_bundles_interoperate_with_the_age_tool() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("node");
    let id = data_dir_with_council(&data, 8);
    let key_file = dir.path().join("key.txt");
    let made = Command::new("age-keygen").arg("-o").arg(&key_file).output().expect("age-keygen (Debian: age)");
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let keys = std::fs::read_to_string(&key_file).unwrap();
    let recipient = keys.lines().find_map(|l| l.strip_prefix("# public key: ")).unwrap().trim().to_owned();
    assert!(recipient.starts_with("age1"));

    // kenes encrypts; age decrypts to the plain bundle, which kenes verifies.
    let sealed = dir.path().join("for-age.kbundle.age");
    let (ok, _, err) = kenes(&[
        "bundle",
        "export",
        "--data",
        data.to_str().unwrap(),
        &id.to_hex(),
        "-o",
        sealed.to_str().unwrap(),
        "--recipient",
        &recipient,
    ]);
    assert!(ok, "{err}");
    let opened = dir.path().join("opened.kbundle");
    let decrypted = Command::new("age")
        .args(["--decrypt", "-i", key_file.to_str().unwrap(), "-o", opened.to_str().unwrap(), sealed.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(decrypted.status.success(), "{}", String::from_utf8_lossy(&decrypted.stderr));
    let (ok, out, err) = kenes(&["verify", opened.to_str().unwrap()]);
    assert!(ok && out.contains("Bakery Council"), "{out}{err}");

    // age encrypts the plain bundle; kenes verifies and imports it with the identity file.
    let by_age = dir.path().join("by-age.kbundle.age");
    let encrypted = Command::new("age")
        .args(["-r", &recipient, "-o", by_age.to_str().unwrap(), opened.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(encrypted.status.success(), "{}", String::from_utf8_lossy(&encrypted.stderr));
    let (ok, out, err) = kenes(&["verify", by_age.to_str().unwrap(), "--identity", key_file.to_str().unwrap()]);
    assert!(ok && out.contains("members    44 active"), "{out}{err}");
    let (ok, _, err) = kenes(&["verify", by_age.to_str().unwrap()]);
    assert!(!ok && err.contains("--identity"), "{err}");
    let other = dir.path().join("other.txt");
    assert!(Command::new("age-keygen").arg("-o").arg(&other).output().unwrap().status.success());
    let (ok, _, err) = kenes(&["verify", by_age.to_str().unwrap(), "--identity", other.to_str().unwrap()]);
    assert!(!ok, "another key must not open it: {err}");
    let fresh = dir.path().join("fresh");
    let (ok, out, err) = kenes(&[
        "bundle",
        "import",
        "--data",
        fresh.to_str().unwrap(),
        by_age.to_str().unwrap(),
        "--identity",
        key_file.to_str().unwrap(),
    ]);
    assert!(ok, "{out}{err}");
}
