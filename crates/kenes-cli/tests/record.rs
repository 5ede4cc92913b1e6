//! `kenes bundle export|import` and `kenes verify` on council records, end to end through the binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use kenes_council::events::Created;
use kenes_council::{CouncilKind, Description, Role};
use kenes_record::{EventHash, NodeKey, Seal, bundle};
use kenes_testkit::council::{Record, created, member_added, members_imported};
use kenes_testkit::program::Program;
use kenes_testkit::store::open_node;

use crate::kenes;

fn bakery(name: &str) -> Created {
    Created {
        description: Description::parse("Bakery workers").unwrap(),
        ..created(name, CouncilKind::Workplace, "Saule", &["en", "kk"])
    }
}

/// A data directory holding one council with a few events; returns the council id.
fn data_dir_with_council(dir: &Path, secret: u8) -> EventHash {
    let node = open_node(dir, secret);
    let id = node.create_council(bakery("Bakery Council"), 1_700_000_000_000).unwrap();
    for (at, name) in ["Arman", "Dina", "Erlan"].iter().enumerate() {
        node.execute(id, &member_added(1, name, Role::Member), 1_700_000_000_000 + at as i64).unwrap();
    }
    let members = members_imported(1, (0..40).map(|i| format!("Baker {i}")));
    node.execute(id, &members, 1_700_000_000_100).unwrap();
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
    let (ok, out, err) = kenes().run(&[
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
    let (ok, out, err) = kenes().run(&["verify", file.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(
        out.contains("valid council record") && out.contains("Bakery Council") && out.contains("44 active"),
        "{out}"
    );
    assert!(out.contains(&id.to_hex()), "{out}");
    let (ok, json, _) = kenes().run(&["verify", "--json", file.to_str().unwrap()]);
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
    let (ok, _, err) = kenes().run(&["verify", &path]);
    assert!(!ok);
    assert!(err.contains("height 2"), "{err}");

    // Each event removed, and adjacent events swapped.
    for removed in 0..events.len() {
        let mut fewer = events.clone();
        fewer.remove(removed);
        let path = write(&dir.path().join("removed.kbundle"), &bundle::encode(&fewer, &decoded.seal));
        let (ok, _, err) = kenes().run(&["verify", &path]);
        assert!(!ok, "removing {removed} went unnoticed");
        assert!(err.contains(&format!("height {removed}")), "removed {removed}: {err}");
    }
    for first in 0..events.len() - 1 {
        let mut swapped = events.clone();
        swapped.swap(first, first + 1);
        let path = write(&dir.path().join("swapped.kbundle"), &bundle::encode(&swapped, &decoded.seal));
        let (ok, _, err) = kenes().run(&["verify", &path]);
        assert!(!ok);
        assert!(err.contains(&format!("height {first}")), "swapped {first}: {err}");
    }
    // Truncated file.
    let path = write(&dir.path().join("truncated.kbundle"), &bytes[..bytes.len() / 2]);
    let (ok, _, err) = kenes().run(&["verify", &path]);
    assert!(!ok);
    assert!(err.contains("height"), "{err}");
}

/// A record whose chain and signatures are perfect, but one event was not allowed by the state before it.
#[test]
fn an_event_the_council_did_not_allow_is_rejected_on_replay() {
    let mut record = Record::founded(11, bakery("Strict Council"));
    let add = |by: u32, name: &str| member_added(by, name, Role::Member);
    record.push_unchecked(&add(1, "Plain Member"));
    // Member 2 is a plain member: adding someone is not theirs to do.
    record.push_unchecked(&add(2, "Smuggled In"));
    let Record { key, events } = record;
    let summary = kenes_record::verify_chain(&events).unwrap();
    let seal = Seal::sign(&key, &summary);
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir.path().join("strict.kbundle"), &bundle::encode(&events, &seal));
    let (ok, _, err) = kenes().run(&["verify", &path]);
    assert!(!ok);
    assert!(err.contains("height 2") && err.contains("not allowed"), "{err}");
    // And a node refuses to import it.
    let data = dir.path().join("node");
    let (ok, _, err) = kenes().run(&["bundle", "import", "--data", data.to_str().unwrap(), &path]);
    assert!(!ok);
    assert!(err.contains("height 2"), "{err}");
}

#[test]
fn import_adds_what_is_new_and_refuses_a_fork() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let id = data_dir_with_council(&home, 21);
    let file = dir.path().join("council.kbundle");
    let (ok, _, err) = kenes().run(&[
        "bundle",
        "export",
        "--data",
        home.to_str().unwrap(),
        &id.to_hex(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let copy = dir.path().join("copy");
    let (ok, out, err) = kenes().run(&["bundle", "import", "--data", copy.to_str().unwrap(), file.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(out.contains("5 new events, 5 in all"), "{out}");
    let (ok, out, _) = kenes().run(&["bundle", "import", "--data", copy.to_str().unwrap(), file.to_str().unwrap()]);
    assert!(ok);
    assert!(out.contains("0 new events"), "{out}");
    // The copy re-exports with the home node's seal, and the result verifies.
    let again = dir.path().join("again.kbundle");
    let (ok, _, err) = kenes().run(&[
        "bundle",
        "export",
        "--data",
        copy.to_str().unwrap(),
        &id.to_hex(),
        "-o",
        again.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(kenes().run(&["verify", again.to_str().unwrap()]).0);
    let (ok, out, _) = kenes().run(&["council", "list", "--data", copy.to_str().unwrap()]);
    assert!(ok && out.contains("Bakery Council"), "{out}");

    // A fork: the same home key and genesis, a different event at height 4.
    let bytes = std::fs::read(&file).unwrap();
    let events = bundle::decode(&bytes).unwrap().events;
    // The home node's key is the one made from secret 21.
    let mut fork = Record { key: NodeKey::from_secret_bytes(&[21; 32]), events: events[..4].to_vec() };
    fork.push_unchecked(&member_added(1, "Other History", Role::Member));
    let Record { key, events: fork } = fork;
    let seal = Seal::sign(&key, &kenes_record::verify_chain(&fork).unwrap());
    let path = write(&dir.path().join("fork.kbundle"), &bundle::encode(&fork, &seal));
    assert!(kenes().run(&["verify", &path]).0, "the fork on its own is a valid record");
    let (ok, _, err) = kenes().run(&["bundle", "import", "--data", copy.to_str().unwrap(), &path]);
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
    let (ok, _, err) = kenes().run(&[
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
    let (ok, _, err) = kenes().run(&["verify", file.to_str().unwrap()]);
    assert!(!ok && err.contains("encrypted"), "{err}");
    let wrong = write(&dir.path().join("wrong.txt"), b"wrong\n");
    assert!(!kenes().run(&["verify", file.to_str().unwrap(), "--passphrase-file", &wrong]).0);
    let (ok, out, err) = kenes().run(&["verify", file.to_str().unwrap(), "--passphrase-file", &passphrase]);
    assert!(ok, "{err}");
    assert!(out.contains("Bakery Council"));
    let copy = dir.path().join("copy");
    assert!(
        kenes()
            .run(&[
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
    let (ok, out, err) = kenes().run(&["verify", archive]);
    assert!(ok, "{err}");
    assert!(!out.contains("council record"), "{out}");
    let dir = tempfile::tempdir().unwrap();
    let mut damaged = std::fs::read(archive).unwrap();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x01;
    let path = write(&dir.path().join("damaged.bel"), &damaged);
    assert!(!kenes().run(&["verify", &path]).0, "a damaged archive does not verify");
}

/// Bundles encrypted to an age recipient open with the `age` tool (Debian's `age`, the format's reference
/// implementation), and bundles the `age` tool encrypted open with `kenes verify --identity` and import.
#[test]
fn encrypted_bundles_interoperate_with_the_age_tool() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("node");
    let id = data_dir_with_council(&data, 8);
    let key_file = dir.path().join("key.txt");
    // Debian's package age.
    let (age, age_keygen) = (Program::new("age"), Program::new("age-keygen"));
    age_keygen.ok(&["-o", key_file.to_str().unwrap()]);
    let keys = std::fs::read_to_string(&key_file).unwrap();
    let recipient = keys.lines().find_map(|l| l.strip_prefix("# public key: ")).unwrap().trim().to_owned();
    assert!(recipient.starts_with("age1"));

    // kenes encrypts; age decrypts to the plain bundle, which kenes verifies.
    let sealed = dir.path().join("for-age.kbundle.age");
    let (ok, _, err) = kenes().run(&[
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
    age.ok(&["--decrypt", "-i", key_file.to_str().unwrap(), "-o", opened.to_str().unwrap(), sealed.to_str().unwrap()]);
    let (ok, out, err) = kenes().run(&["verify", opened.to_str().unwrap()]);
    assert!(ok && out.contains("Bakery Council"), "{out}{err}");

    // age encrypts the plain bundle; kenes verifies and imports it with the identity file.
    let by_age = dir.path().join("by-age.kbundle.age");
    age.ok(&["-r", &recipient, "-o", by_age.to_str().unwrap(), opened.to_str().unwrap()]);
    let (ok, out, err) = kenes().run(&["verify", by_age.to_str().unwrap(), "--identity", key_file.to_str().unwrap()]);
    assert!(ok && out.contains("members    44 active"), "{out}{err}");
    let (ok, _, err) = kenes().run(&["verify", by_age.to_str().unwrap()]);
    assert!(!ok && err.contains("--identity"), "{err}");
    let other = dir.path().join("other.txt");
    age_keygen.ok(&["-o", other.to_str().unwrap()]);
    let (ok, _, err) = kenes().run(&["verify", by_age.to_str().unwrap(), "--identity", other.to_str().unwrap()]);
    assert!(!ok, "another key must not open it: {err}");
    let fresh = dir.path().join("fresh");
    let (ok, out, err) = kenes().run(&[
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
