//! A meeting as a fold over the council's record: the whole flow, and each out-of-order or unauthorised action
//! refused without changing the record.

use kenes_council::assembly::events::*;
use kenes_council::assembly::model::{
    ChoiceMethod, Choices, LongText, Rules, SpeechKind, Title, VoteChoice, VoteMode, VoteSubject,
};
use kenes_council::assembly::{MotionStatus, Refused, Status};
use kenes_council::{CouncilEvent, MemberId, Rejected, Role, replay};
use kenes_count::simple::{Basis, Majority};

use super::{add, print_shop};
use kenes_testkit::council::Record;

const A: u32 = 1;

fn e(event: AssemblyEvent) -> CouncilEvent {
    CouncilEvent::Assembly(event)
}

fn t(text: &str) -> Title {
    Title::parse(text).unwrap()
}

fn text(text: &str) -> LongText {
    LongText::parse(text).unwrap()
}

fn m(id: u32) -> MemberId {
    MemberId(id)
}

/// Ana (1, secretary), Bruno (2), Carla (3, chair), Davi (4), Eva (5, observer); an assembly convened by Ana.
fn council_with_assembly(rules: Rules) -> Record {
    let mut record = print_shop();
    record.try_push(&add(1, "Bruno", Role::Member)).unwrap();
    record.try_push(&add(1, "Carla", Role::Chair)).unwrap();
    record.try_push(&add(1, "Davi", Role::Member)).unwrap();
    record.try_push(&add(1, "Eva", Role::Observer)).unwrap();
    record
        .try_push(&e(AssemblyEvent::Convened(Convened {
            by: m(1),
            title: t("November general meeting"),
            place: t("Community hall"),
            starts: t("2026-11-22 18:00"),
            rules,
        })))
        .unwrap();
    record
}

fn refused(record: &mut Record, event: AssemblyEvent, expected: Refused) {
    let before = record.events.len();
    assert_eq!(record.try_push(&e(event)), Err(Rejected::Assembly(expected)));
    assert_eq!(record.events.len(), before, "a refused action leaves the record unchanged");
}

fn check_in(by: u32, member: u32) -> AssemblyEvent {
    AssemblyEvent::CheckedIn(Attendance { by: m(by), assembly: A, member: m(member) })
}

fn vote_on(by: u32, subject: VoteSubject, mode: VoteMode) -> AssemblyEvent {
    AssemblyEvent::VoteOpened(VoteOpened {
        by: m(by),
        assembly: A,
        subject,
        question: t("Shall the motion pass?"),
        mode,
        majority: Majority::simple(Basis::YesNo),
        choices: None,
    })
}

fn cast(by: u32, vote: u32, choice: VoteChoice) -> AssemblyEvent {
    AssemblyEvent::VoteCast(VoteCast { by: m(by), assembly: A, vote, choice })
}

#[test]
fn a_whole_meeting_folds_from_its_record() {
    let mut r =
        council_with_assembly(Rules { quorum_percent: 75, seconders: 1, alternate: true, speaking_seconds: 120 });
    let push = |r: &mut Record, event: AssemblyEvent| r.try_push(&e(event)).unwrap();
    push(
        &mut r,
        AssemblyEvent::ItemAdded(ItemAdded { by: m(3), assembly: A, parent: None, title: t("Opening"), minutes: 5 }),
    );
    push(
        &mut r,
        AssemblyEvent::ItemAdded(ItemAdded {
            by: m(3),
            assembly: A,
            parent: None,
            title: t("Street lights"),
            minutes: 30,
        }),
    );
    push(
        &mut r,
        AssemblyEvent::ItemAdded(ItemAdded { by: m(3), assembly: A, parent: Some(2), title: t("Budget"), minutes: 10 }),
    );
    // A motion may be tabled before the meeting opens.
    push(
        &mut r,
        AssemblyEvent::MotionSubmitted(MotionSubmitted {
            by: m(2),
            assembly: A,
            item: 2,
            title: t("Repair the street lights"),
            text: text("The council asks the city to repair\nevery broken light on Tulpar street\nbefore the winter."),
            alternative_to: None,
            origin: None,
        }),
    );
    push(&mut r, AssemblyEvent::Opened(AssemblyAct { by: m(3), assembly: A }));
    for member in [1, 2, 3] {
        push(&mut r, check_in(member, member));
    }
    // Quorum is 75% of the 4 voting members (Eva observes): 3 present is enough.
    push(&mut r, AssemblyEvent::ItemTaken(ItemTaken { by: m(3), assembly: A, item: 2 }));
    push(&mut r, AssemblyEvent::MotionSeconded(Seconded { by: m(1), assembly: A, motion: 1 }));
    push(&mut r, AssemblyEvent::MotionAdmitted(MotionStep { by: m(3), assembly: A, motion: 1 }));
    push(&mut r, AssemblyEvent::MotionDebated(MotionStep { by: m(3), assembly: A, motion: 1 }));
    // Speakers: for, for, against; a point of order jumps the queue; alternation picks against after for.
    for (member, kind) in [(2, SpeechKind::For), (1, SpeechKind::For), (3, SpeechKind::Against)] {
        push(
            &mut r,
            AssemblyEvent::SpeakerRequested(SpeakerRequested {
                by: m(member),
                assembly: A,
                item: 2,
                member: m(member),
                kind,
            }),
        );
    }
    push(&mut r, AssemblyEvent::FloorGiven(FloorAct { by: m(3), assembly: A, item: 2 }));
    push(&mut r, check_in(4, 4));
    push(
        &mut r,
        AssemblyEvent::SpeakerRequested(SpeakerRequested {
            by: m(4),
            assembly: A,
            item: 2,
            member: m(4),
            kind: SpeechKind::PointOfOrder,
        }),
    );
    let council = r.council();
    let speakers = council.assembly(A).unwrap().speakers(2).unwrap();
    assert_eq!(speakers.current.unwrap().member, m(2));
    assert_eq!(speakers.waiting.iter().map(|w| w.member).collect::<Vec<_>>(), [m(4), m(1), m(3)]);
    push(&mut r, AssemblyEvent::FloorGiven(FloorAct { by: m(3), assembly: A, item: 2 }));
    push(&mut r, AssemblyEvent::FloorGiven(FloorAct { by: m(3), assembly: A, item: 2 }));
    let council = r.council();
    let speakers = council.assembly(A).unwrap().speakers(2).unwrap();
    assert_eq!(speakers.current.unwrap().member, m(3), "against follows for when speakers alternate");
    assert_eq!(speakers.spoken.iter().map(|s| s.member).collect::<Vec<_>>(), [m(2), m(4)]);
    push(&mut r, AssemblyEvent::SpeechEnded(FloorAct { by: m(3), assembly: A, item: 2 }));
    // An amendment to line 3, seconded, adopted by roll call.
    push(
        &mut r,
        AssemblyEvent::AmendmentSubmitted(AmendmentSubmitted {
            by: m(4),
            assembly: A,
            motion: 1,
            from_line: 3,
            to_line: 3,
            version: 0,
            text: text("before the first of December."),
        }),
    );
    push(&mut r, AssemblyEvent::AmendmentSeconded(AmendmentStep { by: m(2), assembly: A, amendment: 1 }));
    push(&mut r, vote_on(3, VoteSubject::Amendment(1), VoteMode::RollCall));
    for (member, choice) in [(1, VoteChoice::Yes), (2, VoteChoice::Yes), (3, VoteChoice::No), (4, VoteChoice::Yes)] {
        push(&mut r, cast(member, 1, choice));
    }
    push(&mut r, AssemblyEvent::VoteClosed(VoteClosed { by: m(3), assembly: A, vote: 1 }));
    // The motion, as amended, by tellers' count.
    push(&mut r, vote_on(3, VoteSubject::Motion(1), VoteMode::Tellers));
    push(&mut r, AssemblyEvent::VoteCounted(VoteCounted { by: m(1), assembly: A, vote: 2, yes: 3, no: 0, abstain: 1 }));
    push(&mut r, AssemblyEvent::VoteClosed(VoteClosed { by: m(3), assembly: A, vote: 2 }));
    push(&mut r, AssemblyEvent::Closed(AssemblyAct { by: m(3), assembly: A }));
    push(
        &mut r,
        AssemblyEvent::MinutesAnnotated(MinutesAnnotated {
            by: m(1),
            assembly: A,
            text: text("Minutes taken by Ana."),
        }),
    );

    // Everything above is a pure function of the record: replay it from scratch.
    let council = replay(&r.events).unwrap();
    let assembly = council.assembly(A).unwrap();
    assert_eq!(assembly.status, Status::Closed);
    let numbers: Vec<_> = assembly.agenda_in_order().iter().map(|i| i.number.clone()).collect();
    assert_eq!(numbers, ["1", "2", "2.1"]);
    let motion = assembly.motion(1).unwrap();
    assert_eq!(motion.status, MotionStatus::Adopted);
    assert_eq!(motion.version, 1);
    assert_eq!(
        motion.text.as_str(),
        "The council asks the city to repair\nevery broken light on Tulpar street\nbefore the first of December."
    );
    let amendment = assembly.amendment(1).unwrap();
    assert_eq!(
        (amendment.status, amendment.replaced.clone()),
        (MotionStatus::Adopted, vec!["before the winter.".to_owned()])
    );
    let first = assembly.vote(1).unwrap().result.clone().unwrap();
    assert_eq!((first.yes, first.no, first.abstain, first.outcome.passed), (3, 1, 0, true));
    assert_eq!(assembly.vote(1).unwrap().ballots.get(&m(3)), Some(&VoteChoice::No), "roll calls keep names");
    let second = assembly.vote(2).unwrap().result.clone().unwrap();
    assert_eq!((second.yes, second.abstain, second.outcome.passed), (3, 1, true));
    assert_eq!(assembly.notes.len(), 1);
    assert_eq!(assembly.last_height, council.height() - 1);
}

/// A meeting convened by mistake (twice, or called off) is cancelled by closing it before it opens: only those who
/// preside may, and nothing happens in it afterwards.
#[test]
fn a_planned_meeting_can_be_cancelled() {
    let mut r = council_with_assembly(Rules::default());
    refused(&mut r, AssemblyEvent::Closed(AssemblyAct { by: m(2), assembly: A }), Refused::NotPresiding(m(2)));
    r.try_push(&e(AssemblyEvent::Closed(AssemblyAct { by: m(1), assembly: A }))).unwrap();
    let council = r.council();
    let assembly = council.assembly(A).unwrap();
    assert_eq!(assembly.status, kenes_council::assembly::Status::Closed);
    assert_eq!(assembly.opened_ms, None, "never opened: cancelled");
    refused(&mut r, AssemblyEvent::Opened(AssemblyAct { by: m(1), assembly: A }), Refused::Closed(A));
    refused(&mut r, AssemblyEvent::Closed(AssemblyAct { by: m(1), assembly: A }), Refused::NotOpen(A));
}

#[test]
fn out_of_order_and_unauthorised_actions_are_refused_and_change_nothing() {
    let mut r =
        council_with_assembly(Rules { quorum_percent: 50, seconders: 1, alternate: false, speaking_seconds: 0 });
    let push = |r: &mut Record, event: AssemblyEvent| r.try_push(&e(event)).unwrap();
    push(
        &mut r,
        AssemblyEvent::ItemAdded(ItemAdded { by: m(1), assembly: A, parent: None, title: t("Business"), minutes: 0 }),
    );
    // Nothing happens in a meeting that is not open.
    refused(&mut r, AssemblyEvent::ItemTaken(ItemTaken { by: m(3), assembly: A, item: 1 }), Refused::NotOpen(A));
    // Only those who preside open it.
    refused(&mut r, AssemblyEvent::Opened(AssemblyAct { by: m(2), assembly: A }), Refused::NotPresiding(m(2)));
    refused(&mut r, AssemblyEvent::Opened(AssemblyAct { by: m(1), assembly: 9 }), Refused::NoAssembly(9));
    push(&mut r, AssemblyEvent::Opened(AssemblyAct { by: m(3), assembly: A }));
    refused(&mut r, AssemblyEvent::Opened(AssemblyAct { by: m(3), assembly: A }), Refused::AlreadyOpen(A));
    // Members check themselves in, not others; nobody twice.
    refused(&mut r, check_in(2, 4), Refused::NotPresiding(m(2)));
    push(&mut r, check_in(2, 2));
    refused(&mut r, check_in(2, 2), Refused::AlreadyCheckedIn(m(2)));
    push(&mut r, AssemblyEvent::ItemTaken(ItemTaken { by: m(3), assembly: A, item: 1 }));
    // A vote cannot open without quorum (2 of 4 needed, 1 present).
    refused(&mut r, vote_on(3, VoteSubject::Question, VoteMode::RollCall), Refused::NoQuorum { present: 1, needed: 2 });
    push(&mut r, check_in(3, 3));
    // Observers take no part.
    push(&mut r, check_in(5, 5));
    refused(
        &mut r,
        AssemblyEvent::MotionSubmitted(MotionSubmitted {
            by: m(5),
            assembly: A,
            item: 1,
            title: t("x"),
            text: text("x"),
            alternative_to: None,
            origin: None,
        }),
        Refused::Observer(m(5)),
    );
    push(
        &mut r,
        AssemblyEvent::MotionSubmitted(MotionSubmitted {
            by: m(2),
            assembly: A,
            item: 1,
            title: t("Paint the hall"),
            text: text("Paint the hall green."),
            alternative_to: None,
            origin: None,
        }),
    );
    // The mover cannot second; the chair cannot admit before a seconder; a motion not admitted cannot be put.
    refused(&mut r, AssemblyEvent::MotionSeconded(Seconded { by: m(2), assembly: A, motion: 1 }), Refused::OwnMotion);
    refused(
        &mut r,
        AssemblyEvent::MotionAdmitted(MotionStep { by: m(3), assembly: A, motion: 1 }),
        Refused::NotSeconded { needed: 1, have: 0 },
    );
    refused(
        &mut r,
        vote_on(3, VoteSubject::Motion(1), VoteMode::RollCall),
        Refused::MotionState { motion: 1, status: "submitted", needed: "admitted or under debate" },
    );
    push(&mut r, AssemblyEvent::MotionSeconded(Seconded { by: m(3), assembly: A, motion: 1 }));
    refused(
        &mut r,
        AssemblyEvent::MotionSeconded(Seconded { by: m(3), assembly: A, motion: 1 }),
        Refused::AlreadySeconded(m(3)),
    );
    push(&mut r, AssemblyEvent::MotionAdmitted(MotionStep { by: m(3), assembly: A, motion: 1 }));
    // Amendment line numbers must exist.
    refused(
        &mut r,
        AssemblyEvent::AmendmentSubmitted(AmendmentSubmitted {
            by: m(3),
            assembly: A,
            motion: 1,
            from_line: 2,
            to_line: 4,
            version: 0,
            text: text("x"),
        }),
        Refused::LineRange { from: 2, to: 4, lines: 1 },
    );
    push(&mut r, vote_on(3, VoteSubject::Motion(1), VoteMode::RollCall));
    // A member closing a vote; a member voting twice; a member voting without being checked in; an observer voting.
    refused(
        &mut r,
        AssemblyEvent::VoteClosed(VoteClosed { by: m(2), assembly: A, vote: 1 }),
        Refused::NotPresiding(m(2)),
    );
    push(&mut r, cast(2, 1, VoteChoice::Yes));
    refused(&mut r, cast(2, 1, VoteChoice::No), Refused::AlreadyVoted(m(2)));
    refused(&mut r, cast(4, 1, VoteChoice::Yes), Refused::NotCheckedIn(m(4)));
    refused(&mut r, cast(5, 1, VoteChoice::Yes), Refused::Observer(m(5)));
    // One vote at a time; the tellers have nothing to enter in a roll call.
    refused(&mut r, vote_on(3, VoteSubject::Question, VoteMode::RollCall), Refused::VoteOpen(1));
    refused(
        &mut r,
        AssemblyEvent::VoteCounted(VoteCounted { by: m(1), assembly: A, vote: 1, yes: 1, no: 0, abstain: 0 }),
        Refused::ByName(1),
    );
    push(&mut r, cast(3, 1, VoteChoice::No));
    push(&mut r, AssemblyEvent::VoteClosed(VoteClosed { by: m(3), assembly: A, vote: 1 }));
    refused(&mut r, cast(1, 1, VoteChoice::Yes), Refused::VoteClosed(1));
    // Amending a decided motion is refused.
    refused(
        &mut r,
        AssemblyEvent::AmendmentSubmitted(AmendmentSubmitted {
            by: m(3),
            assembly: A,
            motion: 1,
            from_line: 1,
            to_line: 1,
            version: 0,
            text: text("x"),
        }),
        Refused::MotionState { motion: 1, status: "rejected", needed: "pending" },
    );
    // Tellers cannot count more hands than members present.
    push(&mut r, vote_on(3, VoteSubject::Question, VoteMode::Tellers));
    refused(
        &mut r,
        AssemblyEvent::VoteCounted(VoteCounted { by: m(1), assembly: A, vote: 2, yes: 2, no: 1, abstain: 0 }),
        Refused::TooManyCounted { counted: 3, present: 2 },
    );
    refused(&mut r, AssemblyEvent::VoteClosed(VoteClosed { by: m(3), assembly: A, vote: 2 }), Refused::NotCounted(2));
    refused(&mut r, AssemblyEvent::Closed(AssemblyAct { by: m(3), assembly: A }), Refused::VoteOpen(2));
    // A record that holds a refused action does not replay: a forger cannot slip one in.
    let mut forged = Record { key: kenes_record::NodeKey::from_secret_bytes(&[4; 32]), events: r.events.clone() };
    forged.push_unchecked(&e(cast(4, 2, VoteChoice::Yes)));
    let error = replay(&forged.events).unwrap_err();
    assert_eq!(error.height(), r.events.len() as u64);
}

#[test]
fn an_agenda_holds_at_most_its_limit_of_items() {
    use kenes_council::assembly::MAX_AGENDA_ITEMS;
    let mut r =
        council_with_assembly(Rules { quorum_percent: 50, seconders: 1, alternate: false, speaking_seconds: 0 });
    let item = |n: usize| {
        AssemblyEvent::ItemAdded(ItemAdded {
            by: m(1),
            assembly: A,
            parent: None,
            title: t(&format!("Item {n}")),
            minutes: 1,
        })
    };
    // The first item through the node's check, the rest written directly (checking each would replay the record
    // a thousand times); the replay below accepts them all.
    r.try_push(&e(item(0))).unwrap();
    for n in 1..MAX_AGENDA_ITEMS {
        r.push_unchecked(&e(item(n)));
    }
    refused(&mut r, item(MAX_AGENDA_ITEMS), Refused::TooManyItems(MAX_AGENDA_ITEMS));
    // A sub-item counts as an item too.
    let sub =
        AssemblyEvent::ItemAdded(ItemAdded { by: m(1), assembly: A, parent: Some(1), title: t("Sub"), minutes: 1 });
    refused(&mut r, sub, Refused::TooManyItems(MAX_AGENDA_ITEMS));
    assert_eq!(r.council().assembly(A).map(|a| a.agenda.len()), Some(MAX_AGENDA_ITEMS));
}

#[test]
fn an_assembly_holds_at_most_its_limit_of_motions_and_of_amendments() {
    use kenes_council::assembly::{MAX_AMENDMENTS, MAX_MOTIONS};
    let mut r =
        council_with_assembly(Rules { quorum_percent: 50, seconders: 1, alternate: false, speaking_seconds: 0 });
    r.try_push(&e(AssemblyEvent::ItemAdded(ItemAdded {
        by: m(1),
        assembly: A,
        parent: None,
        title: t("Motions"),
        minutes: 1,
    })))
    .unwrap();
    let motion = |n: usize| {
        AssemblyEvent::MotionSubmitted(MotionSubmitted {
            by: m(2),
            assembly: A,
            item: 1,
            title: t(&format!("Motion {n}")),
            text: text("The council resolves."),
            alternative_to: None,
            origin: None,
        })
    };
    let amendment = |n: usize| {
        AssemblyEvent::AmendmentSubmitted(AmendmentSubmitted {
            by: m(4),
            assembly: A,
            motion: 1,
            from_line: 1,
            to_line: 1,
            version: 0,
            text: text(&format!("The council resolves, {n}.")),
        })
    };
    // The first of each through the node's check, the rest written directly (checking each would replay the record
    // a thousand times); the replay the refusals below make accepts them all.
    r.try_push(&e(motion(0))).unwrap();
    r.try_push(&e(amendment(0))).unwrap();
    for n in 1..MAX_MOTIONS {
        r.push_unchecked(&e(motion(n)));
    }
    for n in 1..MAX_AMENDMENTS {
        r.push_unchecked(&e(amendment(n)));
    }
    refused(&mut r, motion(MAX_MOTIONS), Refused::TooManyMotions(MAX_MOTIONS));
    refused(&mut r, amendment(MAX_AMENDMENTS), Refused::TooManyAmendments(MAX_AMENDMENTS));
    let council = r.council();
    let assembly = council.assembly(A).unwrap();
    assert_eq!((assembly.motions.len(), assembly.amendments.len()), (MAX_MOTIONS, MAX_AMENDMENTS));
}

#[test]
fn meeting_payloads_are_exact_and_strict() {
    let event = e(cast(2, 1, VoteChoice::Abstain));
    assert_eq!(event.to_payload(), br#"{"by":2,"assembly":1,"vote":1,"choice":"abstain"}"#);
    assert_eq!(event.kind(), "vote.cast");
    assert_eq!(CouncilEvent::decode("vote.cast", &event.to_payload()).unwrap(), event);
    assert!(CouncilEvent::decode("vote.cast", br#"{"by":2,"assembly":1,"vote":1,"choice":"maybe"}"#).is_err());
    assert!(CouncilEvent::decode("vote.cast", br#"{"by":2,"assembly":1,"vote":1,"choice":"yes","x":1}"#).is_err());
    // Text in a record must already be in its clean form.
    let untidy = br#"{"by":1,"assembly":1,"text":"note \n"}"#;
    assert!(CouncilEvent::decode("minutes.annotated", untidy).is_err());
}

fn choose(by: u32, method: ChoiceMethod, seats: u8, options: &[&str]) -> AssemblyEvent {
    AssemblyEvent::VoteOpened(VoteOpened {
        by: m(by),
        assembly: A,
        subject: VoteSubject::Question,
        question: t("Who represents us at the federation?"),
        mode: VoteMode::RollCall,
        majority: Majority::simple(Basis::VotesCast),
        choices: Some(Choices { options: options.iter().map(|o| t(o)).collect(), method, seats }),
    })
}

fn rank(by: u32, vote: u32, ranking: &[u8]) -> AssemblyEvent {
    AssemblyEvent::VoteRanked(VoteRanked { by: m(by), assembly: A, vote, ranking: ranking.to_vec() })
}

/// Ana, Bruno, Carla, Davi present; a ranked vote counted by IRV and one by Schulze, each member's ballot by name.
#[test]
fn votes_among_options_are_ranked_by_name_and_counted_at_close() {
    let mut r =
        council_with_assembly(Rules { quorum_percent: 50, seconders: 1, alternate: false, speaking_seconds: 0 });
    let push = |r: &mut Record, event: AssemblyEvent| r.try_push(&e(event)).unwrap();
    push(&mut r, AssemblyEvent::Opened(AssemblyAct { by: m(3), assembly: A }));
    for member in 1..=4 {
        push(&mut r, check_in(member, member));
    }
    // Options are checked when the vote opens.
    refused(
        &mut r,
        choose(3, ChoiceMethod::Irv, 1, &["Alone"]),
        Refused::BadOptions(kenes_council::Invalid::Count { what: "options", min: 2, max: 30, got: 1 }),
    );
    refused(
        &mut r,
        choose(3, ChoiceMethod::Irv, 1, &["Ana", "Ana"]),
        Refused::BadOptions(kenes_council::Invalid::Duplicate { what: "option", value: "Ana".into() }),
    );
    refused(
        &mut r,
        choose(3, ChoiceMethod::Schulze, 2, &["A", "B", "C"]),
        Refused::BadOptions(kenes_council::Invalid::Count { what: "seats", min: 1, max: 1, got: 2 }),
    );
    push(&mut r, choose(3, ChoiceMethod::Irv, 1, &["Bruno", "Davi", "Ana"]));
    // A ranked vote takes rankings, not yes or no; each option once; only those present; once each.
    refused(&mut r, cast(2, 1, VoteChoice::Yes), Refused::ChoosesAmongOptions(1));
    refused(
        &mut r,
        rank(2, 1, &[0, 0]),
        Refused::BadBallot(kenes_council::Invalid::Duplicate { what: "option", value: "Bruno".into() }),
    );
    refused(
        &mut r,
        rank(2, 1, &[3]),
        Refused::BadBallot(kenes_council::Invalid::Count { what: "option number", min: 1, max: 3, got: 4 }),
    );
    refused(&mut r, rank(5, 1, &[0]), Refused::Observer(m(5)));
    // First preferences: Bruno 2, Ana 1, Davi 1. Whichever of Ana and Davi is excluded, that ballot's next
    // preference is Bruno, who then has 3 of 4.
    push(&mut r, rank(1, 1, &[2, 0]));
    push(&mut r, rank(2, 1, &[0, 1]));
    push(&mut r, rank(3, 1, &[0]));
    push(&mut r, rank(4, 1, &[1, 0]));
    refused(&mut r, rank(4, 1, &[0]), Refused::AlreadyVoted(m(4)));
    push(&mut r, AssemblyEvent::VoteClosed(VoteClosed { by: m(3), assembly: A, vote: 1 }));
    refused(&mut r, rank(1, 1, &[0]), Refused::VoteClosed(1));
    let council = r.council();
    let vote = council.assembly(A).unwrap().vote(1).unwrap();
    let result = vote.result.as_ref().unwrap();
    let count = result.count.as_ref().unwrap();
    assert_eq!(count.elected, vec![0], "Bruno is elected: {count:?}");
    assert_eq!((result.yes, result.abstain, result.outcome.passed), (4, 0, true));
    assert_eq!(vote.rankings[&m(4)], vec![1, 0]);

    // Schulze: Green is preferred to Red 2–1 and to Blue 3–0; an empty ballot abstains.
    push(&mut r, choose(3, ChoiceMethod::Schulze, 1, &["Red", "Green", "Blue"]));
    push(&mut r, rank(1, 2, &[1, 0, 2]));
    push(&mut r, rank(2, 2, &[1, 2, 0]));
    push(&mut r, rank(3, 2, &[0, 1, 2]));
    push(&mut r, rank(4, 2, &[]));
    refused(
        &mut r,
        AssemblyEvent::VoteRanked(VoteRanked { by: m(1), assembly: A, vote: 9, ranking: vec![] }),
        Refused::NoVote(9),
    );
    push(&mut r, AssemblyEvent::VoteClosed(VoteClosed { by: m(3), assembly: A, vote: 2 }));
    let council = replay(&r.events).unwrap();
    let result = council.assembly(A).unwrap().vote(2).unwrap().result.clone().unwrap();
    assert_eq!(result.count.unwrap().elected, vec![1], "Green beats Red 2–1 and Blue 3–0");
    assert_eq!((result.yes, result.abstain), (3, 1));

    // STV for two seats of four options.
    push(&mut r, choose(3, ChoiceMethod::Stv, 2, &["W", "X", "Y", "Z"]));
    push(&mut r, rank(1, 3, &[0, 1]));
    push(&mut r, rank(2, 3, &[0, 1]));
    push(&mut r, rank(3, 3, &[2, 3]));
    push(&mut r, rank(4, 3, &[2, 0]));
    push(&mut r, AssemblyEvent::VoteClosed(VoteClosed { by: m(3), assembly: A, vote: 3 }));
    let mut elected = r.council().assembly(A).unwrap().vote(3).unwrap().result.clone().unwrap().count.unwrap().elected;
    elected.sort();
    assert_eq!(elected, vec![0, 2]);
    // The payload of a vote among options, and a yes/no vote's stays as it was.
    let opened = e(choose(3, ChoiceMethod::Irv, 1, &["P", "Q"]));
    assert!(
        String::from_utf8(opened.to_payload())
            .unwrap()
            .ends_with(r#""choices":{"options":["P","Q"],"method":"irv","seats":1}}"#)
    );
    assert!(
        !String::from_utf8(e(vote_on(3, VoteSubject::Question, VoteMode::RollCall)).to_payload())
            .unwrap()
            .contains("choices")
    );
}
