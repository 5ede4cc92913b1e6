//! Who may vote in a secret election: the council's rule (`Council::eligible_voters`), over the whole council or over
//! those checked in to the election's assembly.

use kenes_council::assembly::events::{AssemblyAct, AssemblyEvent, Attendance, Convened};
use kenes_council::assembly::model::{Rules, Title};
use kenes_council::election::{Announced, ElectionEvent};
use kenes_council::events::{MemberRemoved, RoleChanged};
use kenes_council::{CouncilEvent, MemberId, Role};

use super::{Record, add};

/// Ana (1, secretary), Bruno (2), Carla (3, chair), Davi (4), Eva (5, observer), Fábio (6, removed).
fn council() -> Record {
    let mut record = super::print_shop();
    record.try_push(&add(1, "Bruno", Role::Member)).unwrap();
    record.try_push(&add(1, "Carla", Role::Chair)).unwrap();
    record.try_push(&add(1, "Davi", Role::Member)).unwrap();
    record.try_push(&add(1, "Eva", Role::Observer)).unwrap();
    record.try_push(&add(1, "Fábio", Role::Member)).unwrap();
    record.try_push(&CouncilEvent::MemberRemoved(MemberRemoved { by: MemberId(1), member: MemberId(6) })).unwrap();
    record
}

fn meeting(event: AssemblyEvent) -> CouncilEvent {
    CouncilEvent::Assembly(event)
}

fn convene(record: &mut Record) {
    let title = |text: &str| Title::parse(text).unwrap();
    record
        .try_push(&meeting(AssemblyEvent::Convened(Convened {
            by: MemberId(1),
            title: title("Annual meeting"),
            place: title("Hall"),
            starts: title("2026-11-22 18:00"),
            rules: Rules::default(),
        })))
        .unwrap();
}

fn convene_and_open(record: &mut Record) {
    convene(record);
    record.try_push(&meeting(AssemblyEvent::Opened(AssemblyAct { by: MemberId(1), assembly: 1 }))).unwrap();
}

fn check_in(record: &mut Record, member: u32) {
    let event = AssemblyEvent::CheckedIn(Attendance { by: MemberId(1), assembly: 1, member: MemberId(member) });
    record.try_push(&meeting(event)).unwrap();
}

fn check_out(record: &mut Record, member: u32) {
    let event = AssemblyEvent::CheckedOut(Attendance { by: MemberId(1), assembly: 1, member: MemberId(member) });
    record.try_push(&meeting(event)).unwrap();
}

/// Announces election 1, of the whole council or of assembly 1.
fn announce(record: &mut Record, assembly: Option<u32>) {
    let announced = Announced {
        by: MemberId(1),
        uuid: "2QfKyc5UWyVJXA".to_owned(),
        title: Title::parse("Board election").unwrap(),
        assembly,
        item: None,
    };
    record.try_push(&CouncilEvent::Election(ElectionEvent::Announced(announced))).unwrap();
}

/// The voters of election 1 as the record now stands, by member number.
fn check(record: &Record, expected: &[u32]) {
    let council = record.council();
    let election = council.election(1).unwrap();
    let voters: Vec<u32> = council.eligible_voters(election).into_iter().map(|id| id.0).collect();
    assert_eq!(voters, expected);
}

#[test]
fn a_council_election_is_for_its_active_members_who_are_not_observers() {
    let mut record = council();
    announce(&mut record, None);
    check(&record, &[1, 2, 3, 4]);
    // The rule reads the state now: a role change or a removal after the announcement changes who may vote.
    record
        .try_push(&CouncilEvent::RoleChanged(RoleChanged {
            by: MemberId(1),
            member: MemberId(2),
            role: Role::Observer,
        }))
        .unwrap();
    record.try_push(&add(1, "Gabi", Role::Member)).unwrap();
    check(&record, &[1, 3, 4, 7]);
}

#[test]
fn an_assembly_election_is_for_those_present_who_may_vote() {
    let mut record = council();
    convene_and_open(&mut record);
    announce(&mut record, Some(1));
    check(&record, &[]);
    for member in [4, 2, 5] {
        check_in(&mut record, member);
    }
    // The observer is present but does not vote; the order is by member number, not by arrival.
    check(&record, &[2, 4]);
    check_out(&mut record, 4);
    check(&record, &[2]);
    // Removed while checked in: still in the attendance, no longer a voter.
    record.try_push(&CouncilEvent::MemberRemoved(MemberRemoved { by: MemberId(1), member: MemberId(2) })).unwrap();
    check(&record, &[]);
}

/// What needs each member now: a vote waits only for those present who may vote and have not voted; a meeting in
/// session for everyone, saying whether they checked in; an open election for those who may vote; a set-up to
/// finish only for whoever presides.
#[test]
fn needs_follow_the_meeting_and_the_election() {
    use kenes_council::Need;
    use kenes_council::assembly::events::{VoteCast, VoteOpened};
    use kenes_council::assembly::model::{VoteChoice, VoteMode, VoteSubject};
    use kenes_council::election::{ElectionStatus, Opened};
    use kenes_count::simple::{Basis, Majority};

    let mut record = council();
    let needs = |record: &Record, member: u32| record.council().needs(MemberId(member));
    assert_eq!(needs(&record, 2), vec![]);
    convene(&mut record);
    assert_eq!(needs(&record, 2), vec![Need::MeetingPlanned { assembly: 1 }]);
    record.try_push(&meeting(AssemblyEvent::Opened(AssemblyAct { by: MemberId(1), assembly: 1 }))).unwrap();
    for member in [1, 2, 3] {
        check_in(&mut record, member);
    }
    record
        .try_push(&meeting(AssemblyEvent::VoteOpened(VoteOpened {
            by: MemberId(1),
            assembly: 1,
            subject: VoteSubject::Question,
            question: Title::parse("Shall we paint the door?").unwrap(),
            mode: VoteMode::RollCall,
            majority: Majority::simple(Basis::YesNo),
            choices: None,
        })))
        .unwrap();
    let cast = VoteCast { by: MemberId(3), assembly: 1, vote: 1, choice: VoteChoice::Yes };
    record.try_push(&meeting(AssemblyEvent::VoteCast(cast))).unwrap();
    let in_session = |present| Need::MeetingInSession { assembly: 1, present };
    assert_eq!(needs(&record, 2), vec![Need::Vote { assembly: 1, vote: 1 }, in_session(true)]);
    // Carla voted; Davi is not checked in; Eva observes; Fábio was removed.
    assert_eq!(needs(&record, 3), vec![in_session(true)]);
    assert_eq!(needs(&record, 4), vec![in_session(false)]);
    assert_eq!(needs(&record, 5), vec![in_session(false)]);
    assert_eq!(needs(&record, 6), vec![]);

    announce(&mut record, None);
    let to_finish = Need::ElectionToFinish { election: 1, status: ElectionStatus::Setup };
    assert_eq!(needs(&record, 1), vec![Need::Vote { assembly: 1, vote: 1 }, in_session(true), to_finish]);
    assert_eq!(needs(&record, 4), vec![in_session(false)]);
    let opened =
        Opened { by: MemberId(1), election: 1, election_hash: "00".repeat(32), voters: 4, trustees: 1, threshold: 1 };
    record.try_push(&CouncilEvent::Election(ElectionEvent::Opened(opened))).unwrap();
    assert_eq!(needs(&record, 4), vec![in_session(false), Need::Ballot { election: 1 }]);
    assert_eq!(needs(&record, 5), vec![in_session(false)]);
}
