//! Federations as a fold over two records: a depot council mandates a delegate, the district federation seats them
//! citing the mandate, they vote with their seat's weight, the depot petitions and recalls them, the district learns
//! of it late (the vote cast in between is marked), and a replacement is seated and votes. Every out-of-order or
//! unauthorised step is refused with the record unchanged, and citations are checked against the cited record.

use kenes_council::assembly::events::*;
use kenes_council::assembly::model::{ChoiceMethod, Choices, Rules, Title, VoteChoice, VoteMode, VoteSubject};
use kenes_council::federation::citations::{self, Status};
use kenes_council::federation::events::*;
use kenes_council::federation::{Decision, FederationRefused as F, Instruction, Unseat};
use kenes_council::{
    CouncilEvent, CouncilKind, CouncilName, DisplayName, MemberId, Rejected, ReplayError, Role, replay,
};
use kenes_count::simple::{Basis, Majority};
use kenes_testkit::council::{FOUNDED_MS, Record, created, member_added as add};

fn m(id: u32) -> MemberId {
    MemberId(id)
}

fn t(text: &str) -> Title {
    Title::parse(text).unwrap()
}

fn fed(event: FederationEvent) -> CouncilEvent {
    CouncilEvent::Federation(event)
}

fn meet(event: AssemblyEvent) -> CouncilEvent {
    CouncilEvent::Assembly(event)
}

/// Appends through the node's check at a given time (the testkit's records keep one time throughout).
fn push_at(record: &mut Record, command: &CouncilEvent, at_ms: i64) -> Result<(), Rejected> {
    let unsigned = record.council().prepare(command, at_ms)?;
    record.events.push(unsigned.sign(&record.key).unwrap());
    Ok(())
}

fn refused(record: &mut Record, command: FederationEvent, expected: Rejected) {
    let before = record.events.len();
    assert_eq!(record.try_push(&fed(command)), Err(expected));
    assert_eq!(record.events.len(), before, "a refused step leaves the record unchanged");
}

fn id_of(record: &Record) -> String {
    record.council().id().to_hex()
}

/// The depot: Ana (1, secretary), Bolat (2), Dana (3), Erlan (4), Farida (5), all in meeting 1, which is open.
fn depot() -> Record {
    let mut record = Record::founded(7, created("Depot 4", CouncilKind::Workplace, "Ana", &["kk"]));
    for name in ["Bolat", "Dana", "Erlan", "Farida"] {
        record.try_push(&add(1, name, Role::Member)).unwrap();
    }
    let rules = Rules { quorum_percent: 50, seconders: 0, alternate: false, speaking_seconds: 0 };
    let convened =
        Convened { by: m(1), title: t("Depot meeting"), place: t("Canteen"), starts: t("2026-12-01 17:00"), rules };
    record.try_push(&meet(AssemblyEvent::Convened(convened))).unwrap();
    record.try_push(&meet(AssemblyEvent::Opened(AssemblyAct { by: m(1), assembly: 1 }))).unwrap();
    for member in 1..=5 {
        record
            .try_push(&meet(AssemblyEvent::CheckedIn(Attendance { by: m(1), assembly: 1, member: m(member) })))
            .unwrap();
    }
    record
}

/// The district federation, founded by Zarina (1, secretary), with meeting 1 open.
fn district() -> Record {
    let mut record = Record::founded(8, created("Almaly District", CouncilKind::Federation, "Zarina", &["kk", "ru"]));
    let rules = Rules { quorum_percent: 50, seconders: 0, alternate: false, speaking_seconds: 0 };
    let convened = Convened {
        by: m(1),
        title: t("District council"),
        place: t("Akimat hall"),
        starts: t("2026-12-05 10:00"),
        rules,
    };
    record.try_push(&meet(AssemblyEvent::Convened(convened))).unwrap();
    record.try_push(&meet(AssemblyEvent::Opened(AssemblyAct { by: m(1), assembly: 1 }))).unwrap();
    record
}

/// A vote in meeting 1 among `options`, each present member ranking `choices[i]` first; closed. Its number.
fn choose(record: &mut Record, options: &[&str], choices: &[(u32, u8)]) -> u32 {
    let opened = VoteOpened {
        by: m(1),
        assembly: 1,
        subject: VoteSubject::Question,
        question: t("Who goes to the district council?"),
        mode: VoteMode::RollCall,
        majority: Majority::simple(Basis::YesNo),
        choices: Some(Choices {
            options: options.iter().map(|o| t(o)).collect(),
            method: ChoiceMethod::Plurality,
            seats: 1,
        }),
    };
    record.try_push(&meet(AssemblyEvent::VoteOpened(opened))).unwrap();
    let number = record.council().assembly(1).unwrap().votes.len() as u32;
    for (by, option) in choices {
        let ranked = VoteRanked { by: m(*by), assembly: 1, vote: number, ranking: vec![*option] };
        record.try_push(&meet(AssemblyEvent::VoteRanked(ranked))).unwrap();
    }
    record.try_push(&meet(AssemblyEvent::VoteClosed(VoteClosed { by: m(1), assembly: 1, vote: number }))).unwrap();
    number
}

/// A yes-or-no question in meeting 1, opened at `at_ms`, with the ballots given, closed. Its number.
fn decide(record: &mut Record, ballots: &[(u32, VoteChoice)], at_ms: i64) -> u32 {
    let opened = VoteOpened {
        by: m(1),
        assembly: 1,
        subject: VoteSubject::Question,
        question: t("Shall it be so?"),
        mode: VoteMode::RollCall,
        majority: Majority::simple(Basis::YesNo),
        choices: None,
    };
    push_at(record, &meet(AssemblyEvent::VoteOpened(opened)), at_ms).unwrap();
    let number = record.council().assembly(1).unwrap().votes.len() as u32;
    for (by, choice) in ballots {
        let cast = VoteCast { by: m(*by), assembly: 1, vote: number, choice: *choice };
        push_at(record, &meet(AssemblyEvent::VoteCast(cast)), at_ms).unwrap();
    }
    push_at(record, &meet(AssemblyEvent::VoteClosed(VoteClosed { by: m(1), assembly: 1, vote: number })), at_ms)
        .unwrap();
    number
}

/// The citation of the record's last event.
fn cite_last(record: &Record) -> Citation {
    let event = record.events.last().unwrap();
    Citation { council: id_of(record), height: event.height, hash: event.hash().to_hex(), at_ms: event.timestamp_ms }
}

fn name(text: &str) -> DisplayName {
    DisplayName::parse(text).unwrap()
}

#[test]
fn a_delegate_is_mandated_seated_weighed_recalled_late_and_replaced() {
    use VoteChoice::{No, Yes};
    let mut depot = depot();
    let mut district = district();
    let (depot_id, district_id) = (id_of(&depot), id_of(&district));
    let seats = |council: &str, name: &str, seats: u8, weight: u32| SeatsSet {
        by: m(1),
        council: council.to_owned(),
        name: CouncilName::parse(name).unwrap(),
        seats,
        weight,
        size: None,
    };

    // The depot elects Bolat among two, but cannot mandate him before it joins the federation.
    let elected = choose(&mut depot, &["Bolat", "Dana"], &[(1, 0), (2, 0), (3, 1), (4, 0), (5, 1)]);
    let mandate = |delegate: u32, vote: u32| MandateGiven {
        by: m(1),
        federation: district_id.clone(),
        seat: 1,
        delegate: m(delegate),
        decision: Decision::Vote { assembly: 1, vote },
        until_ms: None,
        instructions: None,
    };
    refused(&mut depot, FederationEvent::MandateGiven(mandate(2, elected)), F::NotJoined(district_id.clone()).into());
    let joined =
        Joined { by: m(1), federation: district_id.clone(), name: CouncilName::parse("Almaly District").unwrap() };
    refused(&mut depot, FederationEvent::Joined(Joined { by: m(2), ..joined.clone() }), Rejected::NotAllowed(m(2)));
    depot.try_push(&fed(FederationEvent::Joined(joined.clone()))).unwrap();
    refused(&mut depot, FederationEvent::Joined(joined), F::AlreadyJoined(district_id.clone()).into());
    // The vote elected Bolat, not Dana; a decision carries out one step only.
    refused(
        &mut depot,
        FederationEvent::MandateGiven(mandate(3, elected)),
        F::NotElected { assembly: 1, vote: elected, name: "Dana".to_owned() }.into(),
    );
    depot.try_push(&fed(FederationEvent::MandateGiven(mandate(2, elected)))).unwrap();
    let given = cite_last(&depot);
    refused(
        &mut depot,
        FederationEvent::MandateGiven(mandate(2, elected)),
        F::SeatTaken { seat: 1, mandate: 1 }.into(),
    );

    // The district lists the depot (one seat, weight 3) and the bakery (one seat, weight 1), then seats Bolat on the
    // mandate it cites. Only a federation seats delegates, only listed councils, within their seats, each once.
    let bakery_id = "b".repeat(64);
    district.try_push(&fed(FederationEvent::SeatsSet(seats(&depot_id, "Depot 4", 1, 3)))).unwrap();
    district.try_push(&fed(FederationEvent::SeatsSet(seats(&bakery_id, "Bakery", 1, 1)))).unwrap();
    refused(&mut district, FederationEvent::SeatsSet(seats(&depot_id, "Depot 4", 1, 0)), F::BadWeight(0).into());
    let seat = |seat: u8, mandate: u32, citation: &Citation, who: &str| Seated {
        by: m(1),
        seat,
        mandate,
        citation: citation.clone(),
        name: name(who),
    };
    refused(&mut depot, FederationEvent::Seated(seat(1, 1, &given, "Bolat")), F::NotAFederation.into());
    let stranger = Citation { council: "c".repeat(64), ..given.clone() };
    refused(
        &mut district,
        FederationEvent::Seated(seat(1, 1, &stranger, "Bolat")),
        F::NotListed("c".repeat(64)).into(),
    );
    refused(
        &mut district,
        FederationEvent::Seated(seat(2, 1, &given, "Bolat")),
        F::BeyondSeats { seat: 2, seats: 1 }.into(),
    );
    district.try_push(&fed(FederationEvent::Seated(seat(1, 1, &given, "Bolat")))).unwrap();
    refused(
        &mut district,
        FederationEvent::Seated(seat(1, 1, &given, "Bolat")),
        F::SeatTaken { seat: 1, mandate: 1 }.into(),
    );
    // The bakery's delegate, on a citation of a record nobody here holds.
    let baker = Citation { council: bakery_id.clone(), height: 9, hash: "d".repeat(64), at_ms: FOUNDED_MS };
    district.try_push(&fed(FederationEvent::Seated(seat(1, 4, &baker, "Gulnar")))).unwrap();
    let council = district.council();
    assert_eq!(council.seats().len(), 2);
    assert_eq!((council.vote_weight(m(2)), council.vote_weight(m(3)), council.vote_weight(m(1))), (3, 1, 0));

    // Citations: Bolat's checks against the depot's record; Gulnar's bakery record is not here; a forged hash, a
    // name the mandate does not give, and a record not held that far are each told apart.
    let cited = citations::cited(&council);
    let depot_council = depot.council();
    let event_at = |h: u64| depot.events.get(h as usize);
    let check = |c: &citations::Cited| {
        if c.citation.council == depot_id {
            citations::check(&district_id, c, Some((&depot_council, event_at(c.citation.height))))
        } else {
            citations::check(&district_id, c, None)
        }
    };
    assert_eq!(cited.iter().map(check).collect::<Vec<_>>(), vec![Status::Checked, Status::Unchecked { held: None }]);
    let mut forged = cited[0].clone();
    forged.citation.hash = "e".repeat(64);
    assert!(matches!(check(&forged), Status::Wrong(why) if why.contains("another hash")));
    let mut wrong_name = cited[0].clone();
    wrong_name.expect = citations::Expect::Mandate { seat: 1, mandate: 1, name: name("Dana") };
    assert!(matches!(check(&wrong_name), Status::Wrong(why) if why.contains("Bolat's, not Dana's")));
    assert_eq!(
        citations::check(&district_id, &cited[0], Some((&depot_council, None))),
        Status::Unchecked { held: Some(depot_council.height()) }
    );

    // In the district, the secretary holds no seat and cannot vote; Bolat's yes weighs 3 against Gulnar's no.
    let district_vote = |record: &mut Record, ballots: &[(u32, VoteChoice)], at_ms: i64| {
        for member in [2, 3] {
            let _ = record.try_push(&meet(AssemblyEvent::CheckedIn(Attendance {
                by: m(1),
                assembly: 1,
                member: m(member),
            })));
        }
        decide(record, ballots, at_ms)
    };
    let first = district_vote(&mut district, &[(2, Yes), (3, No)], FOUNDED_MS + 1_000);
    let result = district.council().assembly(1).unwrap().vote(first).unwrap().result.clone().unwrap();
    assert_eq!((result.yes, result.no, result.outcome.passed), (3, 1, true));
    let zarina_votes = VoteOpened {
        by: m(1),
        assembly: 1,
        subject: VoteSubject::Question,
        question: t("Another?"),
        mode: VoteMode::RollCall,
        majority: Majority::simple(Basis::YesNo),
        choices: None,
    };
    district.try_push(&meet(AssemblyEvent::VoteOpened(zarina_votes))).unwrap();
    let open = district.council().assembly(1).unwrap().votes.len() as u32;
    assert_eq!(
        district.try_push(&meet(AssemblyEvent::VoteCast(VoteCast { by: m(1), assembly: 1, vote: open, choice: Yes }))),
        Err(F::NotSeated(m(1)).into())
    );
    district.try_push(&meet(AssemblyEvent::VoteClosed(VoteClosed { by: m(1), assembly: 1, vote: open }))).unwrap();

    // The depot's recall: 40 percent of five voters is two signatures. A recall before them is refused; each member
    // signs once; the vote must be opened after the threshold was reached.
    depot.try_push(&fed(FederationEvent::RecallRule(RecallRule { by: m(1), percent: 40 }))).unwrap();
    refused(&mut depot, FederationEvent::RecallRule(RecallRule { by: m(1), percent: 0 }), F::BadPercent(0).into());
    let early = decide(&mut depot, &[(1, Yes), (3, Yes), (4, Yes)], FOUNDED_MS + 2_000);
    let recall = |vote: u32| Recalled { by: m(1), mandate: 1, decision: Decision::Vote { assembly: 1, vote } };
    refused(
        &mut depot,
        FederationEvent::Recalled(recall(early)),
        F::ThresholdNotReached { signatures: 0, needed: 2 }.into(),
    );
    let sign = |by: u32| fed(FederationEvent::PetitionSigned(Petition { by: m(by), mandate: 1 }));
    push_at(&mut depot, &sign(3), FOUNDED_MS + 3_000).unwrap();
    assert_eq!(depot.try_push(&sign(3)), Err(F::AlreadySigned(m(3)).into()));
    push_at(&mut depot, &sign(4), FOUNDED_MS + 3_000).unwrap();
    assert_eq!(depot.council().mandate(1).unwrap().petition_reached_ms, Some(FOUNDED_MS + 3_000));
    refused(&mut depot, FederationEvent::Recalled(recall(early)), F::VoteBeforePetition.into());
    let lost = decide(&mut depot, &[(1, No), (3, Yes), (4, No), (5, No)], FOUNDED_MS + 4_000);
    refused(&mut depot, FederationEvent::Recalled(recall(lost)), F::NotPassed { assembly: 1, vote: lost }.into());
    let passed = decide(&mut depot, &[(1, Yes), (3, Yes), (4, Yes), (5, No)], FOUNDED_MS + 5_000);
    push_at(&mut depot, &fed(FederationEvent::Recalled(recall(passed))), FOUNDED_MS + 5_000).unwrap();
    let recalled = cite_last(&depot);
    assert!(!depot.council().mandate(1).unwrap().is_active());
    assert_eq!(depot.try_push(&sign(5)), Err(F::MandateEnded(1).into()));

    // The district has not learned of it: Bolat votes once more, then is unseated citing the recall. The vote he cast
    // after the recall is marked; he acts no more.
    let late = district_vote(&mut district, &[(2, Yes), (3, Yes)], FOUNDED_MS + 6_000);
    let unseat = Unseated { by: m(1), member: m(2), reason: Unseat::Recalled, citation: recalled.clone() };
    refused(
        &mut district,
        FederationEvent::Unseated(Unseated {
            citation: Citation { council: bakery_id.clone(), ..recalled.clone() },
            ..unseat.clone()
        }),
        F::CitationCouncil { cited: bakery_id.clone(), expected: depot_id.clone() }.into(),
    );
    push_at(&mut district, &fed(FederationEvent::Unseated(unseat.clone())), FOUNDED_MS + 7_000).unwrap();
    let council = district.council();
    assert_eq!(council.past_seats()[0].after_end, vec![(1, late)], "only the vote after the recall is marked");
    assert!(!council.member(m(2)).unwrap().active && council.vote_weight(m(2)) == 0);
    refused(&mut district, FederationEvent::Unseated(unseat), F::NotSeated(m(2)).into());
    let ended =
        citations::cited(&council).into_iter().find(|c| matches!(c.expect, citations::Expect::End { .. })).unwrap();
    let depot_council = depot.council();
    assert_eq!(
        citations::check(
            &district_id,
            &ended,
            Some((&depot_council, depot.events.get(ended.citation.height as usize)))
        ),
        Status::Checked
    );

    // The replacement: the depot elects Dana to the seat the recall freed; the district seats her on mandate 2 (mandate
    // 1 is spent), and she votes with the seat's weight.
    let again = choose(&mut depot, &["Dana", "Erlan"], &[(1, 0), (3, 0), (4, 1), (5, 0)]);
    depot.try_push(&fed(FederationEvent::MandateGiven(mandate(3, again)))).unwrap();
    let second = cite_last(&depot);
    refused(&mut district, FederationEvent::Seated(seat(1, 1, &second, "Dana")), F::MandateUsed { mandate: 1 }.into());
    district.try_push(&fed(FederationEvent::Seated(seat(1, 2, &second, "Dana")))).unwrap();
    let dana = *district.council().seats().keys().find(|id| district.council().seats()[id].mandate == 2).unwrap();
    district.try_push(&meet(AssemblyEvent::CheckedIn(Attendance { by: m(1), assembly: 1, member: dana }))).unwrap();
    let replaced = decide(&mut district, &[(dana.0, No), (3, Yes)], FOUNDED_MS + 8_000);
    let result = district.council().assembly(1).unwrap().vote(replaced).unwrap().result.clone().unwrap();
    assert_eq!((result.yes, result.no, result.outcome.passed), (1, 3, false));

    // Instructions: the depot tells Dana to vote against motion 1 of the district's meeting 1, on a vote that passed.
    let told = decide(&mut depot, &[(1, Yes), (3, Yes), (4, Yes)], FOUNDED_MS + 9_000);
    let instructed = Instructed {
        by: m(1),
        mandate: 2,
        assembly: 1,
        motion: 1,
        instruction: Instruction::Against,
        decision: Decision::Vote { assembly: 1, vote: told },
    };
    depot.try_push(&fed(FederationEvent::Instructed(instructed.clone()))).unwrap();
    refused(&mut depot, FederationEvent::Instructed(instructed), F::DecisionUsed.into());
    assert_eq!(depot.council().mandate(2).unwrap().instructed.get(&(1, 1)), Some(&Instruction::Against));

    // Both records replay from their events alone to the same state.
    let (again_depot, again_district) = (replay(&depot.events).unwrap(), replay(&district.events).unwrap());
    assert_eq!(again_depot.mandates(), depot.council().mandates());
    assert_eq!(again_district.past_seats(), district.council().past_seats());
}

#[test]
fn a_forged_federation_step_does_not_replay() {
    // A seat in a council that is no federation, signed around the check as a forger with the node key would.
    let mut depot = depot();
    let forged = Seated {
        by: m(1),
        seat: 1,
        mandate: 1,
        citation: Citation { council: "a".repeat(64), height: 3, hash: "b".repeat(64), at_ms: FOUNDED_MS },
        name: name("Nobody"),
    };
    depot.push_unchecked(&fed(FederationEvent::Seated(forged)));
    let height = depot.events.len() as u64 - 1;
    assert!(matches!(
        replay(&depot.events),
        Err(ReplayError::NotAllowed { height: h, reason: Rejected::Federation(F::NotAFederation), .. }) if h == height
    ));
    // A signature on a petition by someone who is not a member, likewise.
    let mut depot = self::depot();
    depot.push_unchecked(&fed(FederationEvent::PetitionSigned(Petition { by: m(9), mandate: 1 })));
    assert!(replay(&depot.events).is_err());
}

#[test]
fn a_federation_without_member_councils_votes_member_by_member_as_before() {
    // A council of kind federation recorded before seats existed: its members vote one each, and it replays.
    let mut district = district();
    district.try_push(&add(1, "Yerlan", Role::Member)).unwrap();
    for member in [1, 2] {
        district
            .try_push(&meet(AssemblyEvent::CheckedIn(Attendance { by: m(1), assembly: 1, member: m(member) })))
            .unwrap();
    }
    let vote = decide(&mut district, &[(1, VoteChoice::Yes), (2, VoteChoice::No)], FOUNDED_MS);
    let result = district.council().assembly(1).unwrap().vote(vote).unwrap().result.clone().unwrap();
    assert_eq!((result.yes, result.no), (1, 1));
    assert!(!district.council().seats_in_use());
    // Once it lists a member council, votes go by seats: the unseated may no longer vote.
    let listed = SeatsSet {
        by: m(1),
        council: "a".repeat(64),
        name: CouncilName::parse("Depot").unwrap(),
        seats: 1,
        weight: 1,
        size: None,
    };
    district.try_push(&fed(FederationEvent::SeatsSet(listed))).unwrap();
    assert!(district.council().seats_in_use() && district.council().vote_weight(m(2)) == 0);
    assert!(replay(&district.events).is_ok());
}

#[test]
fn a_motion_travels_up_with_its_lineage_and_a_decision_comes_down() {
    use kenes_council::assembly::model::LongText;
    let mut depot = depot();
    let mut district = district();
    let (depot_id, district_id) = (id_of(&depot), id_of(&district));
    depot
        .try_push(&fed(FederationEvent::Joined(Joined {
            by: m(1),
            federation: district_id.clone(),
            name: CouncilName::parse("Almaly District").unwrap(),
        })))
        .unwrap();
    let elected = choose(&mut depot, &["Bolat", "Dana"], &[(1, 0), (2, 0), (3, 0)]);
    let mandate = MandateGiven {
        by: m(1),
        federation: district_id.clone(),
        seat: 1,
        delegate: m(2),
        decision: Decision::Vote { assembly: 1, vote: elected },
        until_ms: None,
        instructions: None,
    };
    depot.try_push(&fed(FederationEvent::MandateGiven(mandate))).unwrap();
    let given = cite_last(&depot);
    district
        .try_push(&fed(FederationEvent::SeatsSet(SeatsSet {
            by: m(1),
            council: depot_id.clone(),
            name: CouncilName::parse("Depot 4").unwrap(),
            seats: 1,
            weight: 1,
            size: None,
        })))
        .unwrap();
    district
        .try_push(&fed(FederationEvent::Seated(Seated {
            by: m(1),
            seat: 1,
            mandate: 1,
            citation: given,
            name: name("Bolat"),
        })))
        .unwrap();

    // The depot adopts a motion in its meeting.
    let item = ItemAdded { by: m(1), assembly: 1, parent: None, title: t("Transport"), minutes: 0 };
    depot.try_push(&meet(AssemblyEvent::ItemAdded(item.clone()))).unwrap();
    depot.try_push(&meet(AssemblyEvent::ItemTaken(ItemTaken { by: m(1), assembly: 1, item: 1 }))).unwrap();
    let text = LongText::parse("Run night buses to the depot.").unwrap();
    let submitted = |by: u32, origin: Option<Citation>| MotionSubmitted {
        by: m(by),
        assembly: 1,
        item: 1,
        title: t("Night buses"),
        text: text.clone(),
        alternative_to: None,
        origin,
    };
    depot.try_push(&meet(AssemblyEvent::MotionSubmitted(submitted(2, None)))).unwrap();
    depot.try_push(&meet(AssemblyEvent::MotionAdmitted(MotionStep { by: m(1), assembly: 1, motion: 1 }))).unwrap();
    let opened = VoteOpened {
        by: m(1),
        assembly: 1,
        subject: VoteSubject::Motion(1),
        question: t("Night buses?"),
        mode: VoteMode::RollCall,
        majority: Majority::simple(Basis::YesNo),
        choices: None,
    };
    depot.try_push(&meet(AssemblyEvent::VoteOpened(opened))).unwrap();
    let vote = depot.council().assembly(1).unwrap().votes.len() as u32;
    for by in [1, 2, 3] {
        depot
            .try_push(&meet(AssemblyEvent::VoteCast(VoteCast {
                by: m(by),
                assembly: 1,
                vote,
                choice: VoteChoice::Yes,
            })))
            .unwrap();
    }
    depot.try_push(&meet(AssemblyEvent::VoteClosed(VoteClosed { by: m(1), assembly: 1, vote }))).unwrap();
    let adoption = cite_last(&depot);

    // Bolat brings it to the district citing the adoption; only a seated delegate of that council may.
    district.try_push(&meet(AssemblyEvent::ItemAdded(item))).unwrap();
    district.try_push(&meet(AssemblyEvent::ItemTaken(ItemTaken { by: m(1), assembly: 1, item: 1 }))).unwrap();
    let bakery = Citation { council: "b".repeat(64), ..adoption.clone() };
    assert_eq!(
        district.try_push(&meet(AssemblyEvent::MotionSubmitted(submitted(2, Some(bakery))))),
        Err(F::NotYourCouncil.into())
    );
    district.try_push(&meet(AssemblyEvent::MotionSubmitted(submitted(2, Some(adoption.clone()))))).unwrap();
    let council = district.council();
    assert_eq!(council.assembly(1).unwrap().motion(1).unwrap().origin.as_ref(), Some(&adoption));
    let cited = citations::cited(&council);
    let lineage = cited.iter().find(|c| matches!(c.expect, citations::Expect::Adopted { .. })).unwrap();
    let depot_council = depot.council();
    assert_eq!(
        citations::check(&district_id, lineage, Some((&depot_council, depot.events.get(adoption.height as usize)))),
        Status::Checked
    );
    // A citation of another event of the depot (the mandate) does not show an adoption.
    let mut wrong = lineage.clone();
    wrong.citation = cited[0].citation.clone();
    assert!(matches!(
        citations::check(
            &district_id,
            &wrong,
            Some((&depot_council, depot.events.get(wrong.citation.height as usize)))
        ),
        Status::Wrong(_)
    ));

    // The district adopts it; the depot records the district's decision, citing it, once.
    district.try_push(&meet(AssemblyEvent::MotionAdmitted(MotionStep { by: m(1), assembly: 1, motion: 1 }))).unwrap();
    let opened = VoteOpened {
        by: m(1),
        assembly: 1,
        subject: VoteSubject::Motion(1),
        question: t("Night buses?"),
        mode: VoteMode::RollCall,
        majority: Majority::simple(Basis::YesNo),
        choices: None,
    };
    district.try_push(&meet(AssemblyEvent::CheckedIn(Attendance { by: m(1), assembly: 1, member: m(2) }))).unwrap();
    district.try_push(&meet(AssemblyEvent::VoteOpened(opened))).unwrap();
    district
        .try_push(&meet(AssemblyEvent::VoteCast(VoteCast { by: m(2), assembly: 1, vote: 1, choice: VoteChoice::Yes })))
        .unwrap();
    district.try_push(&meet(AssemblyEvent::VoteClosed(VoteClosed { by: m(1), assembly: 1, vote: 1 }))).unwrap();
    let decided = cite_last(&district);
    let received = Received {
        by: m(1),
        federation: district_id.clone(),
        citation: decided.clone(),
        title: t("Night buses"),
        text: text.clone(),
    };
    depot.try_push(&fed(FederationEvent::Received(received.clone()))).unwrap();
    refused(&mut depot, FederationEvent::Received(received), F::AlreadyReceived.into());
    let depot_council = depot.council();
    let down = citations::cited(&depot_council)
        .into_iter()
        .find(|c| matches!(c.expect, citations::Expect::Adopted { .. }))
        .unwrap();
    let district_council = district.council();
    assert_eq!(
        citations::check(&depot_id, &down, Some((&district_council, district.events.get(decided.height as usize)))),
        Status::Checked
    );
    assert!(replay(&district.events).is_ok() && replay(&depot.events).is_ok());
}

/// Weights that follow member councils' sizes, through three levels: the district weighs the depot's two seats by
/// its five members (3 each, rounded up), refuses a weight the size does not give, and the city weighs the district
/// by what it represents (its seated delegate's weight). Each size is a citation, checked against the cited record
/// folded to the cited event; a size the record does not show is found wrong.
#[test]
fn weights_follow_member_councils_sizes_through_three_levels() {
    let mut depot = depot();
    let mut district = district();
    let (depot_id, district_id) = (id_of(&depot), id_of(&district));
    depot
        .try_push(&fed(FederationEvent::Joined(Joined {
            by: m(1),
            federation: district_id.clone(),
            name: CouncilName::parse("Almaly District").unwrap(),
        })))
        .unwrap();
    assert_eq!(depot.council().represented(), 5);
    let at = cite_last(&depot);
    let depot_then = depot.events.clone();
    let by_size = |members: u32, weight: u32, citation: Citation| SeatsSet {
        by: m(1),
        council: depot_id.clone(),
        name: CouncilName::parse("Depot 4").unwrap(),
        seats: 2,
        weight,
        size: Some(Size { members, citation }),
    };
    refused(
        &mut district,
        FederationEvent::SeatsSet(by_size(5, 5, at.clone())),
        F::NotBySize { members: 5, seats: 2, expected: 3, weight: 5 }.into(),
    );
    let elsewhere = Citation { council: district_id.clone(), ..at.clone() };
    refused(
        &mut district,
        FederationEvent::SeatsSet(by_size(5, 3, elsewhere)),
        F::CitationCouncil { cited: district_id.clone(), expected: depot_id.clone() }.into(),
    );
    district.try_push(&fed(FederationEvent::SeatsSet(by_size(5, 3, at.clone())))).unwrap();
    assert_eq!(district.council().member_councils()[&depot_id].weight, 3);

    // The depot grows; its size as of the cited event still checks, folded that far, and not against today's state.
    depot.try_push(&add(1, "Gulnara", Role::Member)).unwrap();
    let cited: Vec<_> = citations::cited(&district.council())
        .into_iter()
        .filter(|c| matches!(c.expect, citations::Expect::Size { .. }))
        .collect();
    assert_eq!(cited.len(), 1);
    let then = kenes_council::fold_verified(&depot_then).unwrap();
    let event = depot_then.last().unwrap();
    assert_eq!(citations::check(&district_id, &cited[0], Some((&then, Some(event)))), Status::Checked);
    assert!(matches!(
        citations::check(&district_id, &cited[0], Some((&depot.council(), Some(event)))),
        Status::Wrong(_)
    ));
    // A size the record does not show (6 members give the same weight over two seats) folds, and is found wrong.
    let mut forged =
        Record { key: kenes_record::NodeKey::from_secret_bytes(&[8; 32]), events: district.events.clone() };
    forged.try_push(&fed(FederationEvent::SeatsSet(by_size(6, 3, at.clone())))).unwrap();
    let wrong = citations::cited(&forged.council())
        .into_iter()
        .filter(|c| c.expect == citations::Expect::Size { members: 6 })
        .map(|c| citations::check(&district_id, &c, Some((&then, Some(event)))))
        .collect::<Vec<_>>();
    assert_eq!(wrong, vec![Status::Wrong("the council represented 5, not 6".to_owned())]);

    // The depot's delegate takes a seat: the district now represents 3, and the city weighs it so.
    let elected = choose(&mut depot, &["Bolat", "Dana"], &[(1, 0), (2, 0), (3, 0)]);
    let given = MandateGiven {
        by: m(1),
        federation: district_id.clone(),
        seat: 1,
        delegate: m(2),
        decision: Decision::Vote { assembly: 1, vote: elected },
        until_ms: None,
        instructions: None,
    };
    depot.try_push(&fed(FederationEvent::MandateGiven(given))).unwrap();
    let seated = Seated { by: m(1), seat: 1, mandate: 1, citation: cite_last(&depot), name: name("Bolat") };
    district.try_push(&fed(FederationEvent::Seated(seated))).unwrap();
    assert_eq!(district.council().represented(), 3, "the founder holds no seat; Bolat's weighs 3");
    let mut city = Record::founded(9, created("Almaty City", CouncilKind::Federation, "Saule", &["kk"]));
    let district_at = cite_last(&district);
    let listed = SeatsSet {
        by: m(1),
        council: district_id.clone(),
        name: CouncilName::parse("Almaly District").unwrap(),
        seats: 1,
        weight: 3,
        size: Some(Size { members: 3, citation: district_at }),
    };
    city.try_push(&fed(FederationEvent::SeatsSet(listed))).unwrap();
    let cited = citations::cited(&city.council());
    let district_then = kenes_council::fold_verified(&district.events).unwrap();
    assert_eq!(
        citations::check(&id_of(&city), &cited[0], Some((&district_then, district.events.last()))),
        Status::Checked
    );
    assert!(replay(&city.events).is_ok() && replay(&district.events).is_ok());
}
