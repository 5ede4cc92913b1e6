//! Tests of the store and the node's write path against a real SQLite file, and again on a PostgreSQL database when
//! `KENES_TEST_POSTGRES` names a server (`cargo xtask test` does both).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kenes_council::events::Created;
use kenes_council::{CouncilEvent, CouncilKind, Role};
use kenes_store::{Node, NodeError, Store, Token, TokenPurpose};
use kenes_testkit::council::{created, member_added};
use kenes_testkit::store::open_node;

fn open(dir: &std::path::Path) -> Node {
    open_node(dir, 9)
}

fn dock_workers() -> Created {
    created("Dock Workers", CouncilKind::Union, "Rosa", &["en", "es"])
}

fn add(by: u32, name: &str) -> CouncilEvent {
    member_added(by, name, Role::Member)
}

#[test]
fn state_survives_a_restart_because_it_is_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let (id, head) = {
        let node = open(dir.path());
        let id = node.create_council(dock_workers(), 1_000).unwrap();
        node.execute(id, &add(1, "Luis"), 2_000).unwrap();
        node.execute(id, &add(1, "Marta"), 3_000).unwrap();
        (id, node.read(id, |c| c.head()).unwrap())
    };
    let node = open(dir.path());
    assert_eq!(node.council_ids(), vec![id]);
    let (height, members, reopened_head) = node.read(id, |c| (c.height(), c.active_member_count(), c.head())).unwrap();
    assert_eq!((height, members, reopened_head), (3, 3, head));
}

#[test]
fn a_refused_command_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let node = open(dir.path());
    let id = node.create_council(dock_workers(), 1_000).unwrap();
    node.execute(id, &add(1, "Luis"), 2_000).unwrap();
    // Luis is a plain member; Rosa's name is taken; member 7 does not exist.
    for command in [add(2, "Someone"), add(1, "rosa"), add(7, "Ghost")] {
        assert!(matches!(node.execute(id, &command, 3_000), Err(NodeError::Rejected(_))));
    }
    assert_eq!(node.store().backend().event_count(id).unwrap(), 2);
    assert_eq!(node.read(id, |c| c.height()).unwrap(), 2);
    // The clock going back does not make a timestamp go back.
    let event = node.execute(id, &add(1, "Marta"), 10).unwrap();
    assert_eq!(event.timestamp_ms, 2_000);
}

#[test]
fn the_same_height_cannot_be_written_twice() {
    let dir = tempfile::tempdir().unwrap();
    let node = open(dir.path());
    let id = node.create_council(dock_workers(), 1_000).unwrap();
    let event = node.execute(id, &add(1, "Luis"), 2_000).unwrap();
    assert!(node.store().backend().append_events(id, &[event]).is_err());
    assert_eq!(node.store().backend().event_count(id).unwrap(), 2);
}

#[test]
fn links_work_once_and_expire() {
    let dir = tempfile::tempdir().unwrap();
    let node = open(dir.path());
    let backend = node.store().backend();
    let token = Token {
        purpose: TokenPurpose::Setup,
        council: None,
        member: None,
        role: None,
        created_by: None,
        account: None,
        expires_ms: 5_000,
        created_ms: 1_000,
    };
    backend.create_token(&[1; 32], &token).unwrap();
    assert_eq!(backend.peek_token(&[1; 32], 1_000).unwrap(), Some(token.clone()));
    assert!(backend.peek_token(&[1; 32], 6_000).unwrap().is_none(), "expired");
    assert!(!backend.use_token(&[1; 32], 6_000).unwrap(), "an expired link cannot be used");
    assert!(backend.use_token(&[1; 32], 1_000).unwrap());
    assert!(!backend.use_token(&[1; 32], 1_000).unwrap(), "a link works once");
    assert!(backend.peek_token(&[2; 32], 1_000).unwrap().is_none());
}

#[test]
fn a_damaged_database_is_reported_with_the_council_and_height() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let node = open(dir.path());
        let id = node.create_council(dock_workers(), 1_000).unwrap();
        node.execute(id, &add(1, "Luis"), 2_000).unwrap();
        id
    };
    if let Some(url) = kenes_testkit::store::database_url(dir.path()) {
        kenes_testkit::store::postgres_execute(
            &url,
            "UPDATE events SET wire = set_byte(wire, length(wire) - 70, get_byte(wire, length(wire) - 70) # 1) \
             WHERE height = 1",
        );
    } else {
        let connection = rusqlite::Connection::open(dir.path().join("kenes.sqlite3")).unwrap();
        let mut wire: Vec<u8> =
            connection.query_row("SELECT wire FROM events WHERE height = 1", [], |row| row.get(0)).unwrap();
        let last = wire.len() - 70;
        wire[last] ^= 1;
        connection.execute("UPDATE events SET wire = ?1 WHERE height = 1", [wire]).unwrap();
    }
    let location = kenes_testkit::store::location(dir.path());
    let error = Node::open(Store::open(&location).unwrap(), || [9; 32]).unwrap_err().to_string();
    assert!(error.contains(&id.to_hex()) && error.contains("height 1"), "{error}");
}

#[test]
fn a_group_commit_checks_each_command_after_the_ones_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let head = {
        let node = open(dir.path());
        let id = node.create_council(dock_workers(), 1_000).unwrap();
        // The second Luis is refused because the first one, in the same batch, took the name; Ghost's adder does not
        // exist; the rest are written in one transaction.
        let commands = [add(1, "Luis"), add(1, "luis"), add(1, "Marta"), add(7, "Ghost"), add(1, "Nuria")];
        let answers = node.execute_many(id, &commands, 2_000).unwrap();
        let heights: Vec<Option<u64>> = answers.iter().map(|a| a.as_ref().ok().map(|e| e.height)).collect();
        assert_eq!(heights, [Some(1), None, Some(2), None, Some(3)]);
        assert!(matches!(answers[1], Err(NodeError::Rejected(_))));
        // A batch of refusals only writes nothing.
        let answers = node.execute_many(id, &[add(2, "x"), add(1, "Marta")], 3_000).unwrap();
        assert!(answers.iter().all(Result::is_err));
        assert_eq!(node.store().backend().event_count(id).unwrap(), 4);
        node.read(id, |c| c.head()).unwrap()
    };
    // What was acknowledged is what a restart replays.
    let node = open(dir.path());
    let id = node.council_ids()[0];
    assert_eq!(node.read(id, |c| (c.height(), c.active_member_count(), c.head())).unwrap(), (4, 4, head));
}

#[test]
fn a_failed_group_commit_leaves_the_state_the_record_holds() {
    let dir = tempfile::tempdir().unwrap();
    let node = open(dir.path());
    let id = node.create_council(dock_workers(), 1_000).unwrap();
    // A second node on the same data directory writes height 1 behind the first one's back, so the first one's next
    // transaction collides with it and fails.
    let other = open(dir.path());
    other.execute(id, &add(1, "Intruder"), 2_000).unwrap();
    let failed = node.execute_many(id, &[add(1, "Luis"), add(1, "Marta")], 3_000);
    if kenes_testkit::store::database_url(dir.path()).is_some() {
        // A shared database: the node reads the other's event and checks the batch again after it.
        let heights: Vec<u64> = failed.unwrap().iter().map(|a| a.as_ref().unwrap().height).collect();
        assert_eq!(heights, [2, 3]);
        assert_eq!(node.read(id, |c| c.active_member_count()).unwrap(), 4);
        return;
    }
    assert!(failed.is_err(), "the colliding transaction must fail");
    // The state was not left holding Luis and Marta, whom the record does not have: it is the record's state.
    let (height, names) =
        node.read(id, |c| (c.height(), c.members().map(|m| m.name.to_string()).collect::<Vec<_>>())).unwrap();
    assert_eq!((height, names), (2, vec!["Rosa".to_owned(), "Intruder".to_owned()]));
    // And the node goes on writing from there.
    let answers = node.execute_many(id, &[add(1, "Luis"), add(1, "Marta")], 4_000).unwrap();
    assert_eq!(answers.iter().map(|a| a.as_ref().unwrap().height).collect::<Vec<_>>(), [2, 3]);
    assert_eq!(node.store().backend().event_count(id).unwrap(), 4);
}

#[test]
fn a_failed_single_append_also_catches_up_with_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let node = open(dir.path());
    let id = node.create_council(dock_workers(), 1_000).unwrap();
    open(dir.path()).execute(id, &add(1, "Intruder"), 2_000).unwrap();
    if kenes_testkit::store::database_url(dir.path()).is_some() {
        // A shared database: no collision, the command is checked after the other server's event.
        assert_eq!(node.execute(id, &add(1, "Luis"), 3_000).unwrap().height, 2);
        assert_eq!(node.read(id, |c| c.active_member_count()).unwrap(), 3);
        return;
    }
    assert!(node.execute(id, &add(1, "Luis"), 3_000).is_err());
    assert_eq!(node.execute(id, &add(1, "Luis"), 4_000).unwrap().height, 2);
    assert_eq!(node.read(id, |c| c.active_member_count()).unwrap(), 3);
}

/// Events that arrive by sync are kept only when they verify and continue the record held; a forged event, a gap, a
/// fork or another council's events are refused and change nothing; what is held already is taken as nothing new.
#[test]
fn synced_events_are_verified_and_refusals_change_nothing() {
    let (home_dir, copy_dir, other_dir) =
        (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let home = open_node(home_dir.path(), 1);
    let id = home.create_council(dock_workers(), 1_000).unwrap();
    for (i, name) in ["Luis", "Marta", "Nadia", "Omar"].iter().enumerate() {
        home.execute(id, &add(1, name), 2_000 + i as i64).unwrap();
    }
    let events = home.store().load_events(id, 0).unwrap();
    let copy = open_node(copy_dir.path(), 2);
    // A copy starts from height 0 only, and only with this council's first event.
    assert!(matches!(copy.import_events(id, &events[1..], None), Err(NodeError::Gap { .. })));
    let other = open_node(other_dir.path(), 3);
    let other_id = other.create_council(created("Bakers", CouncilKind::Union, "Ana", &["en"]), 1_000).unwrap();
    let bakers = other.store().load_events(other_id, 0).unwrap();
    assert!(matches!(copy.import_events(id, &bakers, None), Err(NodeError::OtherCouncil(_))));
    assert!(copy.council_ids().is_empty());

    // The first three, then the rest with an overlap; the seal is kept only when it covers the head.
    let outcome = copy.import_events(id, &events[..3], None).unwrap();
    assert_eq!((outcome.added, outcome.total), (3, 3));
    // A forged event (its payload changed after signing): refused, nothing kept.
    let mut forged = events[3].clone();
    forged.payload = forged.payload.iter().map(|b| if *b == b'N' { b'X' } else { *b }).collect();
    let forged = kenes_record::Event::from_wire(&forged.to_wire()).unwrap();
    assert!(copy.import_events(id, &[forged], None).is_err());
    assert_eq!(copy.read(id, |c| c.height()).unwrap(), 3);
    assert_eq!(copy.store().load_events(id, 0).unwrap().len(), 3);
    // A gap: refused.
    assert!(matches!(copy.import_events(id, &events[4..], None), Err(NodeError::Gap { held: 3, first: 4, .. })));
    // Old data again: nothing new.
    assert_eq!(copy.import_events(id, &events[..2], None).unwrap().added, 0);
    let seal = kenes_record::bundle::decode(&home.export_bundle(id).unwrap()).unwrap().seal;
    let outcome = copy.import_events(id, &events[2..], Some(&seal)).unwrap();
    assert_eq!((outcome.added, outcome.total), (2, 5));
    // The copy exports a bundle the home node sealed, which verifies whole.
    let exported = copy.export_bundle(id).unwrap();
    let (bundle, _) = kenes_record::bundle::verify_bundle(&exported).unwrap();
    assert_eq!(bundle.events.len(), 5);

    // The home node signs another event at height 5 than the one the copy will get: a fork, refused and named.
    let fork_dir = tempfile::tempdir().unwrap();
    drop(home);
    kenes_testkit::store::copy_data(home_dir.path(), fork_dir.path());
    let home = open_node(home_dir.path(), 1);
    let twin = open_node(fork_dir.path(), 1);
    home.execute(id, &add(1, "Pilar"), 9_000).unwrap();
    twin.execute(id, &add(1, "Quim"), 9_000).unwrap();
    let theirs = twin.store().load_events(id, 5).unwrap();
    copy.import_events(id, &home.store().load_events(id, 5).unwrap(), None).unwrap();
    match copy.import_events(id, &theirs, None) {
        Err(NodeError::Fork { height: 5, .. }) => {}
        other => panic!("expected a fork at height 5, got {other:?}"),
    }
    assert_eq!(copy.read(id, |c| c.height()).unwrap(), 6);

    // A frame whose second event the home node signed against the rules (a member who does not exist adds one):
    // refused whole; the first, applied in place, is undone and nothing is stored.
    let key = kenes_record::NodeKey::from_secret_bytes(&[1; 32]);
    let head = copy.read(id, |c| c.head()).unwrap();
    let sign = |height: u64, parent, by: u32, name: &str| {
        let command = add(by, name);
        kenes_record::UnsignedEvent {
            height,
            parent,
            timestamp_ms: 10_000,
            kind: command.kind().to_owned(),
            payload: command.to_payload(),
        }
        .sign(&key)
        .unwrap()
    };
    let good = sign(6, head, 1, "Rita");
    let bad = sign(7, good.hash(), 99, "Sol");
    let members = copy.read(id, |c| c.active_member_count()).unwrap();
    assert!(matches!(copy.import_events(id, &[good.clone(), bad], None), Err(NodeError::Invalid(_))));
    assert_eq!(copy.read(id, |c| (c.height(), c.active_member_count(), c.head())).unwrap(), (6, members, head));
    assert_eq!(copy.store().load_events(id, 0).unwrap().len(), 6);
    assert_eq!(copy.import_events(id, &[good], None).unwrap().total, 7);
}

#[test]
fn servers_on_one_database_append_at_once_and_each_learns_of_the_others_events() {
    let dir = tempfile::tempdir().unwrap();
    let first = open(dir.path());
    if kenes_testkit::store::database_url(dir.path()).is_none() {
        eprintln!("one process owns an SQLite database: this test runs in the PostgreSQL pass");
        return;
    }
    // Two more servers on the same database: the same node (its key is in the database).
    let second = open(dir.path());
    let third = open(dir.path());
    assert_eq!(second.id(), first.id());
    let changes = third.listen().expect("a shared database tells of changes");
    let id = first.create_council(dock_workers(), 1_000).unwrap();
    // A council another server created is found in the database.
    assert_eq!(second.read(id, |c| c.height()).unwrap(), 1);
    assert_eq!(third.council_ids(), vec![id]);
    // Twelve members added at once, four through each server: every command is checked against the events the
    // others appended, so none is lost and no height is written twice.
    let servers = [&first, &second, &third];
    std::thread::scope(|scope| {
        for (index, server) in servers.iter().enumerate() {
            for thread in 0..2 {
                scope.spawn(move || {
                    for n in 0..2 {
                        let name = format!("Member {index}-{thread}-{n}");
                        server.execute(id, &add(1, &name), 2_000).unwrap();
                    }
                });
            }
        }
    });
    for server in servers {
        assert_eq!(server.refresh(id).unwrap(), 13);
        assert_eq!(server.read(id, |c| c.active_member_count()).unwrap(), 13);
    }
    assert_eq!(first.store().backend().event_count(id).unwrap(), 13);
    // The third server heard of the council (at least once) without asking.
    let heard = changes.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
    assert_eq!(heard, id);
    // A server restarted on the database replays the one record all three wrote.
    drop((first, second, third));
    assert_eq!(open(dir.path()).read(id, |c| c.active_member_count()).unwrap(), 13);
}

#[test]
fn batches_from_several_servers_are_written_whole_one_after_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let first = open(dir.path());
    if kenes_testkit::store::database_url(dir.path()).is_none() {
        eprintln!("one process owns an SQLite database: this test runs in the PostgreSQL pass");
        return;
    }
    let (second, third) = (open(dir.path()), open(dir.path()));
    let id = first.create_council(dock_workers(), 1_000).unwrap();
    // Each server's group committer writes batches of three while the others do the same.
    let servers = [&first, &second, &third];
    let heights: Vec<Vec<u64>> = std::thread::scope(|scope| {
        let writers: Vec<_> = servers
            .iter()
            .enumerate()
            .map(|(index, server)| {
                scope.spawn(move || {
                    let mut written = Vec::new();
                    for batch in 0..5 {
                        let commands: Vec<CouncilEvent> =
                            (0..3).map(|n| add(1, &format!("Member {index}-{batch}-{n}"))).collect();
                        let answers = server.execute_many(id, &commands, 2_000).unwrap();
                        let heights: Vec<u64> = answers.iter().map(|a| a.as_ref().unwrap().height).collect();
                        // Read and written under one lock: a batch's events follow each other.
                        assert_eq!(heights, [heights[0], heights[0] + 1, heights[0] + 2], "server {index}");
                        written.extend(heights);
                    }
                    written
                })
            })
            .collect();
        writers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let mut all: Vec<u64> = heights.concat();
    all.sort_unstable();
    // No height twice, none skipped, no command lost: 45 members after the founder.
    assert_eq!(all, (1..=45).collect::<Vec<u64>>());
    for server in servers {
        assert_eq!(server.refresh(id).unwrap(), 46);
        assert_eq!(server.read(id, |c| c.active_member_count()).unwrap(), 46);
    }
    assert_eq!(open(dir.path()).read(id, |c| c.head()).unwrap(), first.read(id, |c| c.head()).unwrap());
}

#[test]
fn a_session_opens_its_account_and_memberships_in_one_read() {
    let dir = tempfile::tempdir().unwrap();
    let node = open(dir.path());
    let id = node.create_council(dock_workers(), 1_000).unwrap();
    let backend = node.store().backend();
    let rosa = backend.create_account("Rosa", Some("$argon2id$hash"), true, 1_000).unwrap();
    let luis = backend.create_account("Luis", None, false, 1_000).unwrap();
    backend.link_member(rosa, id, 1).unwrap();
    let session = |account| kenes_store::Session { account, csrf: "csrf".into(), expires_ms: 5_000 };
    backend.create_session(&[1; 32], &session(rosa)).unwrap();
    backend.create_session(&[2; 32], &session(luis)).unwrap();
    let signed_in = backend.signed_in(&[1; 32], 4_000).unwrap().expect("Rosa's session");
    assert_eq!(signed_in.session, session(rosa));
    assert_eq!(signed_in.account.as_ref().map(|a| (a.username.as_str(), a.is_admin)), Some(("Rosa", true)));
    assert_eq!(signed_in.memberships, [(id, 1)]);
    // An account in no council: its session opens it with no membership.
    let luis_in = backend.signed_in(&[2; 32], 4_000).unwrap().expect("Luis's session");
    assert_eq!((luis_in.account.map(|a| a.id), luis_in.memberships.len()), (Some(luis), 0));
    // Expired, unknown: nothing.
    assert_eq!(backend.signed_in(&[1; 32], 5_000).unwrap(), None);
    assert_eq!(backend.signed_in(&[3; 32], 4_000).unwrap(), None);
    // The same answer through the callback an async caller uses.
    let (reply, answer) = std::sync::mpsc::channel();
    backend.signed_in_then(
        &[1; 32],
        4_000,
        Box::new(move |result| {
            let _ = reply.send(result);
        }),
    );
    let through_callback = answer.recv_timeout(std::time::Duration::from_secs(10)).unwrap().unwrap();
    assert_eq!(through_callback.map(|s| s.memberships), Some(vec![(id, 1)]));
}

/// Everything a node keeps, in every table: a council, accounts (an administrator, one without a password), a
/// membership, a session, a link with empty fields, contacts, an election's archive pieces, setup and a voter.
fn a_node_at_work(dir: &std::path::Path) -> (Node, kenes_record::EventHash) {
    let node = open(dir);
    let id = node.create_council(dock_workers(), 1_000).unwrap();
    node.execute(id, &add(1, "Luis"), 2_000).unwrap();
    let backend = node.store().backend();
    let rosa = backend.create_account("Rosa", Some("$argon2id$hash"), true, 1_000).unwrap();
    let luis = backend.create_account("Luis", None, false, 2_000).unwrap();
    backend.link_member(rosa, id, 1).unwrap();
    backend.link_member(luis, id, 2).unwrap();
    let session = kenes_store::Session { account: rosa, csrf: "csrf-token".into(), expires_ms: 9_000_000 };
    backend.create_session(&[7; 32], &session).unwrap();
    let token = Token {
        purpose: TokenPurpose::Setup,
        council: None,
        member: None,
        role: None,
        created_by: None,
        account: None,
        expires_ms: 9_000_000,
        created_ms: 1_000,
    };
    backend.create_token(&[8; 32], &token).unwrap();
    backend.set_contacts(id, &[(1, "rosa@example.org".into()), (2, "+7 700 000 00 00".into())]).unwrap();
    backend.append_election_archive(id, 1, 0, b"{\"election\": true}\n").unwrap();
    let ballot = kenes_store::BallotPiece { bytes: b"{\"ballot\": 1}\n", voter: Some(("credential-a", 2)) };
    backend.append_ballots(id, 1, 1, &[ballot]).unwrap();
    backend.set_election_setup(id, 1, b"setup bytes").unwrap();
    (node, id)
}

#[test]
fn a_node_moves_between_backends_whole_and_verified_and_never_over_another() {
    use kenes_store::transfer::{TABLES, transfer};
    let source_dir = tempfile::tempdir().unwrap();
    let (source, id) = a_node_at_work(source_dir.path());
    let head = source.read(id, |c| c.head()).unwrap();
    // There (to SQLite) and back (to the backend this pass tests: PostgreSQL in the PostgreSQL pass).
    let there_dir = tempfile::tempdir().unwrap();
    let there = Store::open(&kenes_store::Location::data_dir(there_dir.path())).unwrap();
    let mut heard = Vec::new();
    let moved = transfer(source.store(), &there, &mut |table, rows| heard.push((table, rows))).unwrap();
    assert_eq!(moved.elections, vec![(id, 1)]);
    let rows: Vec<(&str, u64)> = moved.tables.iter().map(|t| (t.table, t.rows)).collect();
    assert_eq!(
        rows,
        vec![
            ("events", 2),
            ("settings", 1),
            ("accounts", 2),
            ("memberships", 2),
            ("sessions", 1),
            ("tokens", 1),
            ("contacts", 2),
            ("election_archive", 2),
            ("election_setup", 1),
            ("election_voters", 1),
            ("sign_in_failures", 0)
        ]
    );
    assert!(heard.contains(&("events", 2)), "progress is reported: {heard:?}");
    let back_dir = tempfile::tempdir().unwrap();
    let back = Store::open(&kenes_testkit::store::location(back_dir.path())).unwrap();
    let again = transfer(&there, &back, &mut |_, _| {}).unwrap();
    assert_eq!(again.tables, moved.tables, "the same rows, byte for byte, after two moves");
    drop(there);

    // The moved node is the same node: its key, its council, its accounts, sessions, links, contacts, archives.
    let moved_node = Node::open(back, || panic!("the node key moved with the data")).unwrap();
    assert_eq!(moved_node.id(), source.id());
    assert_eq!(moved_node.read(id, |c| (c.head(), c.height())).unwrap(), (head, 2));
    let backend = moved_node.store().backend();
    let rosa = backend.account_by_username("rosa").unwrap().expect("usernames still match case-insensitively");
    assert!(rosa.is_admin);
    assert!(!backend.account_by_username("Luis").unwrap().unwrap().is_admin);
    assert_eq!(backend.session(&[7; 32], 1_000).unwrap().unwrap().csrf, "csrf-token");
    assert!(backend.peek_token(&[8; 32], 1_000).unwrap().is_some());
    assert_eq!(backend.contact(id, 2).unwrap().as_deref(), Some("+7 700 000 00 00"));
    assert_eq!(backend.election_archive(id, 1).unwrap(), b"{\"election\": true}\n{\"ballot\": 1}\n");
    assert_eq!(backend.election_setup(id, 1).unwrap().as_deref(), Some(&b"setup bytes"[..]));
    // The credential is still bound to Luis alone.
    assert_eq!(
        backend
            .append_ballots(id, 1, 2, &[kenes_store::BallotPiece { bytes: b"{}\n", voter: Some(("credential-a", 1)) }])
            .unwrap(),
        [kenes_store::CredentialBinding::CredentialTaken]
    );
    // A new account after the move gets a new id (PostgreSQL's sequence follows the copied ids).
    let marta = backend.create_account("Marta", None, false, 3_000).unwrap();
    assert!(marta != rosa.id && Some(marta) != backend.account_by_username("Luis").unwrap().map(|a| a.id));
    // The moved node writes on.
    moved_node.execute(id, &add(1, "Marta"), 4_000).unwrap();

    // Never over another node's data: the destination is refused and keeps what it held.
    let error = transfer(source.store(), moved_node.store(), &mut |_, _| {}).unwrap_err();
    assert!(matches!(error, kenes_store::StoreError::NotEmpty { table: "events", rows: 3 }), "{error}");
    assert_eq!(moved_node.store().backend().event_count(id).unwrap(), 3);
    // Nothing to move from a place that holds no node.
    let empty_dir = tempfile::tempdir().unwrap();
    let empty = Store::open(&kenes_store::Location::data_dir(empty_dir.path())).unwrap();
    let fresh_dir = tempfile::tempdir().unwrap();
    let fresh = Store::open(&kenes_store::Location::data_dir(fresh_dir.path())).unwrap();
    assert!(matches!(transfer(&empty, &fresh, &mut |_, _| {}), Err(kenes_store::StoreError::NotANode)));
    assert_eq!(TABLES.len(), moved.tables.len());
}

#[test]
fn the_tables_moved_are_every_table_the_migrations_create() {
    use kenes_store::transfer::TABLES;
    let dir = tempfile::tempdir().unwrap();
    let node = open(dir.path());
    let expected: Vec<(String, Vec<String>)> =
        TABLES.iter().map(|t| (t.name.to_owned(), t.columns.iter().map(|c| c.name.to_owned()).collect())).collect();
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    let found: Vec<(String, Vec<String>)> = match kenes_testkit::store::database_url(dir.path()) {
        None => {
            drop(node);
            let connection = rusqlite::Connection::open(dir.path().join("kenes.sqlite3")).unwrap();
            let mut names: Vec<String> = connection
                .prepare(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                )
                .unwrap()
                .query_map([], |row| row.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            names.sort();
            names
                .into_iter()
                .map(|name| {
                    let columns: Vec<String> = connection
                        .prepare(&format!("SELECT name FROM pragma_table_info('{name}') ORDER BY cid"))
                        .unwrap()
                        .query_map([], |row| row.get(0))
                        .unwrap()
                        .collect::<Result<_, _>>()
                        .unwrap();
                    (name, columns)
                })
                .collect()
        }
        Some(url) => std::thread::spawn(move || {
            let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            let names: Vec<String> = client
                .query(
                    "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' \
                     AND table_name <> 'kenes_schema' ORDER BY table_name",
                    &[],
                )
                .unwrap()
                .iter()
                .map(|row| row.get(0))
                .collect();
            names
                .into_iter()
                .map(|name| {
                    let columns: Vec<String> = client
                        .query(
                            "SELECT column_name::text FROM information_schema.columns WHERE table_name = $1 \
                             ORDER BY ordinal_position",
                            &[&name],
                        )
                        .unwrap()
                        .iter()
                        .map(|row| row.get(0))
                        .collect();
                    (name, columns)
                })
                .collect()
        })
        .join()
        .unwrap(),
    };
    assert_eq!(found, expected_sorted, "kenes_store::transfer::TABLES must list every table and column");
}

#[test]
fn a_database_url_is_shown_without_its_password() {
    for url in [
        "postgres://kenes:s3cret@db.example:5432/kenes",
        "postgresql://kenes:s3cret@db/kenes?sslmode=disable&password=s3cret",
        "postgres://kenes@db/kenes?password=s3cret",
        "postgres://kenes:s3cret@[::1]:5432/kenes?application_name=a",
    ] {
        let location = kenes_store::Location::parse(url);
        for shown in [location.to_string(), format!("{location:?}")] {
            assert!(!shown.contains("s3cret"), "{shown}");
            assert!(shown.contains("kenes") && shown.contains("***"), "{shown}");
        }
    }
    assert_eq!(kenes_store::Location::parse("postgres://kenes@db/kenes").to_string(), "postgres://kenes@db/kenes");
}

#[test]
fn ballots_stored_together_bind_in_order_and_a_refused_binding_stores_none_of_them() {
    use kenes_store::BallotPiece;
    use kenes_store::CredentialBinding::{Bound, CredentialTaken, MemberHasAnother};
    let dir = tempfile::tempdir().unwrap();
    let node = open(dir.path());
    let id = node.create_council(dock_workers(), 1_000).unwrap();
    let backend = node.store().backend();
    backend.append_election_archive(id, 1, 0, b"setup\n").unwrap();
    let piece = |bytes: &'static [u8], voter: Option<(&'static str, u32)>| BallotPiece { bytes, voter };

    // A member casting twice with its credential, a slip (no member) and another member: all stored, in order.
    let batch = [
        piece(b"a1\n", Some(("credential-a", 1))),
        piece(b"slip\n", None),
        piece(b"a2\n", Some(("credential-a", 1))),
        piece(b"b1\n", Some(("credential-b", 2))),
    ];
    assert_eq!(backend.append_ballots(id, 1, 1, &batch).unwrap(), [Bound; 4]);
    assert_eq!(backend.election_archive(id, 1).unwrap(), b"setup\na1\nslip\na2\nb1\n");
    assert_eq!(backend.election_archive_pieces(id, 1).unwrap(), 5);

    // Within one list, a credential goes to the first member who casts with it, and a member keeps their first one;
    // a list with any refusal writes nothing at all and answers for each ballot.
    let before = backend.election_archive(id, 1).unwrap();
    let batch = [
        piece(b"c1\n", Some(("credential-c", 3))),
        piece(b"c-by-4\n", Some(("credential-c", 4))),
        piece(b"d-by-3\n", Some(("credential-d", 3))),
        piece(b"a-by-2\n", Some(("credential-a", 2))),
        piece(b"b2\n", Some(("credential-b", 2))),
    ];
    assert_eq!(
        backend.append_ballots(id, 1, 5, &batch).unwrap(),
        [Bound, CredentialTaken, MemberHasAnother, CredentialTaken, Bound]
    );
    assert_eq!(backend.election_archive(id, 1).unwrap(), before, "nothing written");
    // Member 3's binding was not kept either: stored again without the refused ones, its list is written whole.
    let batch = [piece(b"d-by-3\n", Some(("credential-d", 3))), piece(b"b2\n", Some(("credential-b", 2)))];
    assert_eq!(backend.append_ballots(id, 1, 5, &batch).unwrap(), [Bound, Bound]);
    assert_eq!(backend.election_archive(id, 1).unwrap(), b"setup\na1\nslip\na2\nb1\nd-by-3\nb2\n");

    // A place another writer took first: refused whole, as for a single piece.
    let error = backend.append_ballots(id, 1, 6, &[piece(b"late\n", None), piece(b"later\n", None)]).unwrap_err();
    assert!(matches!(error, kenes_store::StoreError::ArchiveMoved { seq: 6, .. }), "{error:?}");
    assert_eq!(backend.election_archive_pieces(id, 1).unwrap(), 7);
}
