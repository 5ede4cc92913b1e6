//! Offices held for a term: given by who presides to an active member until a date after the record's last event;
//! ended early by the holder or who presides, once; replayed as written.

use kenes_council::assembly::model::Title;
use kenes_council::offices::{OfficeEvent, OfficeRefused, TermEnded, TermGiven};
use kenes_council::{CouncilEvent, CouncilKind, MemberId, Rejected, Role, replay};
use kenes_testkit::council::{FOUNDED_MS, Record, created, member_added as add};

fn office(event: OfficeEvent) -> CouncilEvent {
    CouncilEvent::Office(event)
}

#[test]
fn an_office_is_held_for_a_term_and_can_end_early() {
    let mut record = Record::founded(9, created("Bakery", CouncilKind::Cooperative, "Ana", &["es"]));
    record.try_push(&add(1, "Bruno", Role::Member)).unwrap();
    record.try_push(&add(1, "Carla", Role::Member)).unwrap();
    let given = |by: u32, member: u32, until_ms: i64| TermGiven {
        by: MemberId(by),
        member: MemberId(member),
        office: Title::parse("Treasurer").unwrap(),
        until_ms,
    };
    let year = 365 * 24 * 3600 * 1000;
    // Only who presides gives an office; to an active member; ending after the record's last event.
    assert_eq!(
        record.try_push(&office(OfficeEvent::TermGiven(given(2, 3, FOUNDED_MS + year)))),
        Err(Rejected::NotAllowed(MemberId(2)))
    );
    assert_eq!(
        record.try_push(&office(OfficeEvent::TermGiven(given(1, 9, FOUNDED_MS + year)))),
        Err(Rejected::NotAMember(MemberId(9)))
    );
    assert_eq!(
        record.try_push(&office(OfficeEvent::TermGiven(given(1, 2, FOUNDED_MS)))),
        Err(OfficeRefused::EndsBeforeItBegins.into())
    );
    let before = record.events.len();
    record.try_push(&office(OfficeEvent::TermGiven(given(1, 2, FOUNDED_MS + year)))).unwrap();
    record.try_push(&office(OfficeEvent::TermGiven(given(1, 3, FOUNDED_MS + 2 * year)))).unwrap();
    assert_eq!(record.events.len(), before + 2);
    let council = record.council();
    assert!(council.terms()[0].holds_at(FOUNDED_MS + 1) && !council.terms()[0].holds_at(FOUNDED_MS + year));

    // Carla may not end Bruno's term; Bruno resigns; it cannot end twice.
    let ended = |by: u32| office(OfficeEvent::TermEnded(TermEnded { by: MemberId(by), term: 1 }));
    assert_eq!(record.try_push(&ended(3)), Err(Rejected::NotAllowed(MemberId(3))));
    record.try_push(&ended(2)).unwrap();
    assert_eq!(record.try_push(&ended(1)), Err(OfficeRefused::Ended(1).into()));
    assert_eq!(
        record.try_push(&office(OfficeEvent::TermEnded(TermEnded { by: MemberId(1), term: 7 }))),
        Err(OfficeRefused::NoTerm(7).into())
    );
    let council = replay(&record.events).unwrap();
    assert!(!council.terms()[0].holds_at(FOUNDED_MS + 1) && council.terms()[1].holds_at(FOUNDED_MS + 1));
}
