//! Tests of councils as a fold over their record: what each event is allowed to do, payload bytes, member rolls, and
//! (in the modules at the end) meetings and who may vote in an election.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kenes_council::events::{MemberRemoved, MemberRenamed, PayloadError, RoleChanged};
use kenes_council::roll::{RollError, RowProblem, parse_roll};
use kenes_council::{CouncilEvent, CouncilKind, DisplayName, MemberId, Rejected, ReplayError, Role, replay};
use kenes_record::UnsignedEvent;
use kenes_testkit::council::{Record, created, member_added as add};

/// Ana's print shop, a cooperative of one: the council every test here starts from.
fn print_shop() -> Record {
    Record::founded(4, created("Print Shop", CouncilKind::Cooperative, "Ana", &["pt"]))
}

#[test]
fn the_founder_is_member_one_and_a_secretary() {
    let council = print_shop().council();
    let founder = council.member(MemberId(1)).unwrap();
    assert_eq!((founder.name.as_str(), founder.role, founder.active), ("Ana", Role::Secretary, true));
    assert_eq!(council.height(), 1);
}

#[test]
fn who_may_do_what() {
    let mut record = print_shop();
    record.try_push(&add(1, "Bruno", Role::Member)).unwrap();
    record.try_push(&add(1, "Carla", Role::Chair)).unwrap();
    record.try_push(&add(3, "Davi", Role::Observer)).unwrap();
    // Plain members and observers may not add, change roles or remove.
    assert_eq!(record.try_push(&add(2, "Eva", Role::Member)), Err(Rejected::NotAllowed(MemberId(2))));
    assert_eq!(record.try_push(&add(4, "Eva", Role::Member)), Err(Rejected::NotAllowed(MemberId(4))));
    let demote = |by: u32, member: u32, role| {
        CouncilEvent::RoleChanged(RoleChanged { by: MemberId(by), member: MemberId(member), role })
    };
    assert_eq!(record.try_push(&demote(2, 1, Role::Member)), Err(Rejected::NotAllowed(MemberId(2))));
    // Names are unique among active members, ignoring case and spacing.
    assert_eq!(record.try_push(&add(1, "  bruno ", Role::Member)), Err(Rejected::DuplicateName("bruno".to_owned())));
    // Members rename themselves; managers rename anyone; nobody else.
    let rename = |by: u32, member: u32, name: &str| {
        CouncilEvent::MemberRenamed(MemberRenamed {
            by: MemberId(by),
            member: MemberId(member),
            name: DisplayName::parse(name).unwrap(),
        })
    };
    record.try_push(&rename(2, 2, "Bruno S.")).unwrap();
    assert_eq!(record.try_push(&rename(2, 3, "Carla X")), Err(Rejected::NotAllowed(MemberId(2))));
    record.try_push(&rename(3, 4, "Davi R.")).unwrap();
    // The council keeps a manager: the last two cannot both go.
    record.try_push(&demote(1, 3, Role::Member)).unwrap();
    assert_eq!(record.try_push(&demote(1, 1, Role::Member)), Err(Rejected::LastManager));
    let remove = |by: u32, member: u32| {
        CouncilEvent::MemberRemoved(MemberRemoved { by: MemberId(by), member: MemberId(member) })
    };
    assert_eq!(record.try_push(&remove(1, 1)), Err(Rejected::LastManager));
    record.try_push(&remove(1, 2)).unwrap();
    // A removed member can do nothing and can be re-added under the freed name, with a new number.
    assert_eq!(record.try_push(&rename(2, 2, "Back")), Err(Rejected::NotAMember(MemberId(2))));
    record.try_push(&add(1, "Bruno S.", Role::Member)).unwrap();
    let council = record.council();
    assert_eq!(council.member_named(&DisplayName::parse("bruno s.").unwrap()), Some(MemberId(5)));
    assert_eq!(council.active_member_count(), 4);
    assert_eq!(council.members().count(), 5);
}

#[test]
fn replay_refuses_what_the_state_did_not_allow_and_names_the_height() {
    let mut record = print_shop();
    record.try_push(&add(1, "Bruno", Role::Member)).unwrap();
    record.push_unchecked(&add(2, "Smuggled", Role::Chair));
    match replay(&record.events) {
        Err(ReplayError::NotAllowed { height: 2, reason: Rejected::NotAllowed(MemberId(2)), .. }) => {}
        other => panic!("expected a refusal at height 2, got {other:?}"),
    }
}

#[test]
fn payloads_are_exact_bytes_and_parsed_strictly() {
    let event = add(1, "Bruno", Role::Observer);
    assert_eq!(event.to_payload(), br#"{"by":1,"name":"Bruno","role":"observer","via":"secretary"}"#.to_vec());
    assert!(
        CouncilEvent::decode(
            "member.added",
            br#"{"by":1,"name":"Bruno","role":"observer","via":"secretary","admin":true}"#
        )
        .is_err()
    );
    assert!(
        CouncilEvent::decode("member.added", br#"{"by":1,"name":"","role":"observer","via":"secretary"}"#).is_err()
    );
    assert!(CouncilEvent::decode("member.added", br#"{"by":1,"name":"B","role":"king","via":"secretary"}"#).is_err());
    assert!(CouncilEvent::decode("member.exploded", b"{}").is_err());
    let mut record = print_shop();
    record.events.push(
        UnsignedEvent {
            height: 1,
            parent: record.events[0].hash(),
            timestamp_ms: 1_700_000_000_000,
            kind: "member.added".to_owned(),
            payload: br#"{"by":1,"name":"Bruno","role":"observer","via":"secretary","extra":1}"#.to_vec(),
        }
        .sign(&record.key)
        .unwrap(),
    );
    assert!(matches!(replay(&record.events), Err(ReplayError::BadPayload { height: 1, .. })));
}

#[test]
fn a_councils_colour_is_in_its_settings_and_written_only_when_set() {
    let mut record = print_shop();
    let settings = |colour: Option<&str>| {
        CouncilEvent::CouncilUpdated(kenes_council::events::CouncilUpdated {
            by: MemberId(1),
            name: kenes_council::CouncilName::parse("Print Shop").unwrap(),
            description: kenes_council::Description::parse("").unwrap(),
            languages: kenes_council::Languages::parse(&["pt".to_owned()]).unwrap(),
            private: false,
            colour: colour.map(|c| c.parse().unwrap()),
        })
    };
    // Without a colour the payload keeps the bytes it always had.
    assert!(!String::from_utf8(settings(None).to_payload()).unwrap().contains("colour"));
    assert!(String::from_utf8(settings(Some("teal")).to_payload()).unwrap().ends_with(r#""colour":"teal"}"#));
    record.try_push(&settings(Some("teal"))).unwrap();
    assert_eq!(replay(&record.events).unwrap().colour, Some(kenes_council::Colour::Teal));
    record.try_push(&settings(None)).unwrap();
    assert_eq!(replay(&record.events).unwrap().colour, None);
    // Only the palette: a colour outside it is refused when parsed and in a payload.
    assert!("magenta".parse::<kenes_council::Colour>().is_err());
    let payload = br##"{"by":1,"name":"Print Shop","description":"","languages":["pt"],"colour":"#ff00ff"}"##;
    assert!(CouncilEvent::decode("council.updated", payload).is_err());
}

#[test]
fn every_kind_is_declared_once_and_decodes_as_its_own() {
    let all =
        [kenes_council::events::KINDS, kenes_council::assembly::events::KINDS, kenes_council::election::KINDS].concat();
    let unique: std::collections::BTreeSet<&str> = all.iter().copied().collect();
    assert_eq!(unique.len(), all.len());
    for kind in all {
        // An empty object lacks the fields of every payload, so a known kind fails on its payload, never on its kind.
        assert!(matches!(CouncilEvent::decode(kind, b"{}"), Err(PayloadError::Invalid(_))), "{kind}");
    }
}

#[test]
fn rolls_are_accepted_whole_or_refused_with_every_bad_line() {
    let mut record = print_shop();
    record.try_push(&add(1, "Bruno", Role::Member)).unwrap();
    let council = record.council();
    let good = "Name,Role,E-mail,Unit\nCarla,chair,carla@example.org,north\n\"Davi, Jr.\",,+55 11 5555,south\n\nEva,observer,,\n";
    let roll = parse_roll(good.as_bytes(), &council).unwrap();
    let names: Vec<&str> = roll.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Carla", "Davi, Jr.", "Eva"]);
    assert_eq!(roll.entries[1].role, Role::Member);
    assert_eq!(roll.entries[0].contact.as_deref(), Some("carla@example.org"));
    assert_eq!(roll.ignored_columns, ["Unit"]);
    let bad = "name,role\nFine,member\nbruno,member\nFine,member\n,member\nX,queen\nToo,many,fields\n";
    let Err(RollError::Rows(rows)) = parse_roll(bad.as_bytes(), &council) else { panic!("the roll should be refused") };
    let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7]);
    assert!(matches!(rows[0].problem, RowProblem::AlreadyMember(_)));
    assert_eq!(rows[1].problem, RowProblem::DuplicateOf { name: "Fine".to_owned(), line: 2 });
    assert!(matches!(rows[4].problem, RowProblem::FieldCount { expected: 2, found: 3 }));
    assert!(matches!(parse_roll(b"email\nx@y\n", &council), Err(RollError::File(_))));
    assert!(matches!(parse_roll(b"name\n", &council), Err(RollError::File(_))));
    assert!(matches!(parse_roll(&[0xff, 0xfe], &council), Err(RollError::File(_))));
}
mod assembly;
mod election;
mod federation;
mod offices;
