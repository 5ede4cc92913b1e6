//! The demo's federation: the neighbourhood council and four more (two neighbourhoods, two workplaces) send delegates
//! to a district federation that weighs their seats by size. A motion the tram depot adopted travels up with its
//! lineage; three councils instruct their delegates on it; Samal-2's delegate votes against his instruction, and
//! Samal-2's members petition to recall him; the district's decision comes back down to Tulpar Street. Every step is
//! written through the same checked write path as everything else.

use kenes_council::assembly::events::*;
use kenes_council::assembly::model::{Rules, VoteChoice, VoteMode, VoteSubject};
use kenes_council::events::{Created, MemberAdded};
use kenes_council::federation::events::{Instructed, Joined, MandateGiven, Petition, Received, Seated, SeatsSet, Size};
use kenes_council::federation::{Citation, Decision, FederationEvent, Instruction, weight_by_size};
use kenes_council::{
    CouncilEvent, CouncilKind, CouncilName, Description, DisplayName, JoinedVia, Languages, MemberId, Role,
};
use kenes_count::simple::{Basis, Majority};
use kenes_record::{Event, EventHash};

use super::{Demo, text, title};
use crate::AppState;
use crate::auth::{new_token, now_ms};
use crate::error::WebError;

/// A member council of the demo's federation: its name, kind, founder (its secretary) and other members; who goes
/// as its delegate; and the username of any of them who gets an account.
struct Lower {
    name: &'static str,
    kind: CouncilKind,
    description: &'static str,
    members: &'static [&'static str],
    delegate: &'static str,
    accounts: &'static [(&'static str, &'static str)],
}

const LOWER: &[Lower] = &[
    Lower {
        name: "Kok-Tobe Courtyards Council",
        kind: CouncilKind::Neighbourhood,
        description: "Five courtyards under Kok-Tobe hill: parking, the boiler house, the bus to the city.",
        members: &["Asel", "Berik", "Dinara", "Yerlan", "Kamila", "Nurlan", "Roza"],
        delegate: "Dinara",
        accounts: &[],
    },
    Lower {
        name: "Samal-2 Residents' Council",
        kind: CouncilKind::Neighbourhood,
        description: "The nine blocks of Samal-2 and their yards.",
        members: &["Madina", "Arman", "Gaukhar", "Daniyar", "Aliya", "Serik"],
        delegate: "Arman",
        accounts: &[("madina", "Madina"), ("arman", "Arman")],
    },
    Lower {
        name: "Tram Depot No. 2 Workers' Council",
        kind: CouncilKind::Workplace,
        description: "Drivers, mechanics and dispatchers of tram depot No. 2.",
        members: &["Ruslan", "Svetlana", "Yerzhan", "Aizhan", "Pavel", "Meruert", "Askar", "Lyazzat", "Oleg"],
        delegate: "Svetlana",
        accounts: &[("svetlana", "Svetlana")],
    },
    Lower {
        name: "Nan Bakery Cooperative",
        kind: CouncilKind::Workplace,
        description: "The bakers and drivers who own the Nan bakery together.",
        members: &["Galiya", "Bauyrzhan", "Zhanar", "Ainur", "Kuanysh"],
        delegate: "Zhanar",
        accounts: &[],
    },
];

/// The forwarded motion: adopted by the tram depot, brought to the district, instructed on, adopted there.
const MOTION_TITLE: &str = "Night trams on route 4";
const MOTION_TEXT: &str = "Route 4 runs every forty minutes through the night, from midnight to five.\nThe district asks the city to fund the drivers' night shifts\nand the lighting of the stops on the route.";

fn citation(council: EventHash, event: &Event) -> Citation {
    Citation { council: council.to_hex(), height: event.height, hash: event.hash().to_hex(), at_ms: event.timestamp_ms }
}

fn rules() -> Rules {
    Rules { quorum_percent: 50, seconders: 0, alternate: false, speaking_seconds: 0 }
}

/// One council's writer: each step through `AppState::execute`, in member 1's name unless given.
struct Writer<'a> {
    state: &'a AppState,
    council: EventHash,
}

impl Writer<'_> {
    fn run(&self, event: CouncilEvent) -> Result<Event, WebError> {
        self.state.execute(self.council, &event)
    }

    fn meet(&self, event: AssemblyEvent) -> Result<Event, WebError> {
        self.run(CouncilEvent::Assembly(event))
    }

    fn fed(&self, event: FederationEvent) -> Result<Event, WebError> {
        self.run(CouncilEvent::Federation(event))
    }

    fn member(&self, name: &str) -> Result<MemberId, WebError> {
        let name = DisplayName::parse(name)?;
        self.state.node().read(self.council, |c| c.member_named(&name))?.ok_or(WebError::NotFound)
    }

    /// Opens a yes-or-no roll-call vote on `subject` in meeting `assembly`; its number.
    fn open_vote(&self, assembly: u32, subject: VoteSubject, question: &str) -> Result<u32, WebError> {
        self.meet(AssemblyEvent::VoteOpened(VoteOpened {
            by: MemberId(1),
            assembly,
            subject,
            question: title(question)?,
            mode: VoteMode::RollCall,
            majority: Majority::simple(Basis::YesNo),
            choices: None,
        }))?;
        Ok(self.state.node().read(self.council, |c| c.assembly(assembly).map_or(0, |a| a.votes.len() as u32))?)
    }

    /// A yes-or-no vote in `assembly`, every member named voting as given; the number of the vote and its closing.
    fn decide(&self, assembly: u32, question: &str, ballots: &[(&str, VoteChoice)]) -> Result<(u32, Event), WebError> {
        let by = MemberId(1);
        let vote = self.open_vote(assembly, VoteSubject::Question, question)?;
        for (name, choice) in ballots {
            let member = self.member(name)?;
            self.meet(AssemblyEvent::VoteCast(VoteCast { by: member, assembly, vote, choice: *choice }))?;
        }
        let closed = self.meet(AssemblyEvent::VoteClosed(VoteClosed { by, assembly, vote }))?;
        Ok((vote, closed))
    }
}

/// A council founded by its first member (secretary) with the others added, in a meeting with everyone checked in.
fn found<'a>(state: &'a AppState, lower: &Lower) -> Result<Writer<'a>, WebError> {
    let created = Created {
        name: CouncilName::parse(lower.name)?,
        kind: lower.kind,
        description: Description::parse(lower.description)?,
        languages: Languages::parse(&["en", "kk", "ru"])?,
        founder: DisplayName::parse(lower.members[0])?,
        nonce: hex::encode(new_token().1),
    };
    let writer = Writer { state, council: state.node().create_council(created, now_ms())? };
    for name in &lower.members[1..] {
        let added = MemberAdded {
            by: MemberId(1),
            name: DisplayName::parse(name)?,
            role: Role::Member,
            via: JoinedVia::Secretary,
        };
        writer.run(CouncilEvent::MemberAdded(added))?;
    }
    writer.meet(AssemblyEvent::Convened(Convened {
        by: MemberId(1),
        title: title("December general meeting")?,
        place: title("The council's room")?,
        starts: title("2026-12-01 18:00")?,
        rules: rules(),
    }))?;
    writer.meet(AssemblyEvent::Opened(AssemblyAct { by: MemberId(1), assembly: 1 }))?;
    for number in 1..=lower.members.len() as u32 {
        writer.meet(AssemblyEvent::CheckedIn(Attendance { by: MemberId(1), assembly: 1, member: MemberId(number) }))?;
    }
    Ok(writer)
}

/// Every member votes yes but the ones named.
fn all_yes<'a>(members: &[&'a str], except: &[(&'a str, VoteChoice)]) -> Vec<(&'a str, VoteChoice)> {
    members
        .iter()
        .map(|name| except.iter().find(|(n, _)| n == name).copied().unwrap_or((*name, VoteChoice::Yes)))
        .collect()
}

/// Builds the federation around the demo's council; `password_hash` is the demo accounts' one password, hashed.
pub(super) fn populate(state: &AppState, demo: &mut Demo, password_hash: &str) -> Result<EventHash, WebError> {
    let backend = state.node().store().backend();
    let mut account = |username: &str, council: EventHash, member: MemberId, role: Role| -> Result<(), WebError> {
        let id = match backend.account_by_username(username)? {
            Some(found) => found.id,
            None => {
                let id = backend.create_account(username, Some(password_hash), false, now_ms())?;
                let name = username[..1].to_uppercase() + &username[1..];
                demo.accounts.push((username.to_owned(), name, role));
                id
            }
        };
        backend.link_member(id, council, member.0)?;
        Ok(())
    };

    // The district federation, founded by Zarina, its secretary.
    let district = Writer {
        state,
        council: state.node().create_council(
            Created {
                name: CouncilName::parse("Almaly District Federation")?,
                kind: CouncilKind::Federation,
                description: Description::parse(
                    "Delegates of the neighbourhood and workplace councils of Almaly district, each recallable by \
                     the council that sent them.",
                )?,
                languages: Languages::parse(&["en", "kk", "ru"])?,
                founder: DisplayName::parse("Zarina")?,
                nonce: hex::encode(new_token().1),
            },
            now_ms(),
        )?,
    };
    account("zarina", district.council, MemberId(1), Role::Secretary)?;
    let fed_hex = district.council.to_hex();
    let join = |writer: &Writer| {
        writer.fed(FederationEvent::Joined(Joined {
            by: MemberId(1),
            federation: fed_hex.clone(),
            name: CouncilName::parse("Almaly District Federation")?,
        }))
    };

    // Tulpar Street sends whom its October meeting elected (vote 2 of meeting 1, by instant runoff).
    let tulpar = Writer { state, council: demo.council };
    join(&tulpar)?;
    let elected = state.node().read(demo.council, |c| {
        let count = c.assembly(1)?.vote(2)?.result.as_ref()?.count.as_ref()?.clone();
        count.elected.first().and_then(|i| count.candidates.get(*i).cloned())
    })?;
    let elected = elected.ok_or_else(|| WebError::Internal("the demo's delegate vote elected nobody".to_owned()))?;
    let mut councils =
        vec![(tulpar, elected, Vec::new(), "Tulpar Street".to_owned(), Decision::Vote { assembly: 1, vote: 2 })];

    // The four others each meet, join and choose their delegate by a vote.
    for lower in LOWER {
        let writer = found(state, lower)?;
        join(&writer)?;
        let question = format!("Send {} as our delegate to the district federation", lower.delegate);
        let (vote, _) = writer.decide(1, &question, &all_yes(lower.members, &[]))?;
        for (username, name) in lower.accounts {
            let member = writer.member(name)?;
            let role = if member == MemberId(1) { Role::Secretary } else { Role::Member };
            account(username, writer.council, member, role)?;
        }
        let short = lower.name.split(' ').take(2).collect::<Vec<_>>().join(" ");
        councils.push((
            writer,
            lower.delegate.to_owned(),
            lower.members.to_vec(),
            short,
            Decision::Vote { assembly: 1, vote },
        ));
    }

    // The tram depot also elects its two shop stewards by a secret ranked ballot (STV): nine workers rank four
    // candidates, the two trustees shuffle the ballots, then decrypt them, and the count is on the election's page.
    if let Some((depot, _, _, _, _)) = councils.iter().find(|(_, _, _, name, _)| name.starts_with("Tram Depot")) {
        let question = kenes_crypto::election::QuestionJson {
            answers: ["Svetlana", "Yerzhan", "Aizhan", "Pavel"].map(str::to_owned).to_vec(),
            blank: None,
            min: 1,
            max: 1,
            question: "Rank the candidates for shop steward".to_owned(),
        };
        let method = kenes_count::method::Method {
            method: kenes_count::method::MethodName::Stv,
            blank: false,
            seats: Some(2),
            grades: None,
            rules: None,
        };
        let rankings: [[u32; 4]; 9] = [
            [1, 2, 0, 0],
            [2, 1, 3, 0],
            [1, 0, 2, 3],
            [0, 1, 2, 0],
            [1, 3, 0, 2],
            [3, 0, 1, 2],
            [0, 2, 1, 0],
            [1, 2, 3, 4],
            [0, 0, 2, 1],
        ];
        let votes: Vec<(MemberId, Vec<Vec<u32>>)> =
            rankings.iter().enumerate().map(|(i, r)| (MemberId(i as u32 + 1), vec![r.to_vec()])).collect();
        crate::elections::demo_election(
            state,
            depot.council,
            MemberId(1),
            "Shop stewards for next year",
            vec![question],
            [(0, method)].into(),
            &[MemberId(1), MemberId(2)],
            &votes,
        )?;
    }

    // Mandates, the district's list weighed by size, and the seats.
    let mut mandates = Vec::new();
    for (writer, delegate, _, _, decision) in &councils {
        let given = writer.fed(FederationEvent::MandateGiven(MandateGiven {
            by: MemberId(1),
            federation: fed_hex.clone(),
            seat: 1,
            delegate: writer.member(delegate)?,
            decision: *decision,
            until_ms: None,
            instructions: None,
        }))?;
        mandates.push(given);
    }
    for (writer, _, _, _, _) in &councils {
        let (name, members, height) =
            state.node().read(writer.council, |c| (c.name.clone(), c.represented(), c.height()))?;
        let head = state.node().store().load_event_range(writer.council, height - 1, height)?;
        let head = head.last().ok_or(WebError::NotFound)?;
        let members = u32::try_from(members).unwrap_or(u32::MAX);
        district.fed(FederationEvent::SeatsSet(SeatsSet {
            by: MemberId(1),
            council: writer.council.to_hex(),
            name,
            seats: 1,
            weight: weight_by_size(members, 1),
            size: Some(Size { members, citation: citation(writer.council, head) }),
        }))?;
    }
    let mut seats = Vec::new();
    for ((writer, delegate, _, _, _), given) in councils.iter().zip(&mandates) {
        district.fed(FederationEvent::Seated(Seated {
            by: MemberId(1),
            seat: 1,
            mandate: 1,
            citation: citation(writer.council, given),
            name: DisplayName::parse(delegate)?,
        }))?;
        let seat = district.member(delegate)?;
        if let Some(id) = backend.account_of_member(writer.council, writer.member(delegate)?.0)? {
            backend.link_member(id, district.council, seat.0)?;
        }
        seats.push(seat);
    }

    // The tram depot adopts the motion and its delegate brings it to the district's meeting.
    let depot = &councils[3].0;
    depot.meet(AssemblyEvent::ItemAdded(ItemAdded {
        by: MemberId(1),
        assembly: 1,
        parent: None,
        title: title("Night service")?,
        minutes: 20,
    }))?;
    depot.meet(AssemblyEvent::ItemTaken(ItemTaken { by: MemberId(1), assembly: 1, item: 1 }))?;
    let svetlana = depot.member("Svetlana")?;
    depot.meet(AssemblyEvent::MotionSubmitted(MotionSubmitted {
        by: svetlana,
        assembly: 1,
        item: 1,
        title: title(MOTION_TITLE)?,
        text: text(MOTION_TEXT)?,
        alternative_to: None,
        origin: None,
    }))?;
    depot.meet(AssemblyEvent::MotionAdmitted(MotionStep { by: MemberId(1), assembly: 1, motion: 1 }))?;
    let vote = depot.open_vote(1, VoteSubject::Motion(1), MOTION_TITLE)?;
    for (name, choice) in all_yes(councils[3].2.as_slice(), &[("Oleg", VoteChoice::No), ("Askar", VoteChoice::Abstain)])
    {
        let member = depot.member(name)?;
        depot.meet(AssemblyEvent::VoteCast(VoteCast { by: member, assembly: 1, vote, choice }))?;
    }
    let adopted = depot.meet(AssemblyEvent::VoteClosed(VoteClosed { by: MemberId(1), assembly: 1, vote }))?;

    district.meet(AssemblyEvent::Convened(Convened {
        by: MemberId(1),
        title: title("District council, December")?,
        place: title("Almaly akimat, hall 2")?,
        starts: title("2026-12-03 17:00")?,
        rules: rules(),
    }))?;
    district.meet(AssemblyEvent::ItemAdded(ItemAdded {
        by: MemberId(1),
        assembly: 1,
        parent: None,
        title: title("Transport at night")?,
        minutes: 45,
    }))?;
    district.meet(AssemblyEvent::Opened(AssemblyAct { by: MemberId(1), assembly: 1 }))?;
    for seat in &seats {
        district.meet(AssemblyEvent::CheckedIn(Attendance { by: MemberId(1), assembly: 1, member: *seat }))?;
    }
    district.meet(AssemblyEvent::ItemTaken(ItemTaken { by: MemberId(1), assembly: 1, item: 1 }))?;
    let carrier = district.member("Svetlana")?;
    district.meet(AssemblyEvent::MotionSubmitted(MotionSubmitted {
        by: carrier,
        assembly: 1,
        item: 1,
        title: title(MOTION_TITLE)?,
        text: text(MOTION_TEXT)?,
        alternative_to: None,
        origin: Some(citation(depot.council, &adopted)),
    }))?;
    district.meet(AssemblyEvent::MotionAdmitted(MotionStep { by: MemberId(1), assembly: 1, motion: 1 }))?;

    // Kok-Tobe and the bakery instruct their delegates to vote for it; Samal-2, against.
    for (index, instruction, ballots) in [
        (1, Instruction::For, vec![("Nurlan", VoteChoice::No)]),
        (2, Instruction::Against, vec![("Arman", VoteChoice::No), ("Serik", VoteChoice::Abstain)]),
        (4, Instruction::For, vec![]),
    ] {
        let (writer, _, members, _, _) = &councils[index];
        let question = format!("Instruct our delegate to vote {} the night trams", instruction.as_str());
        let (vote, _) = writer.decide(1, &question, &all_yes(members, &ballots))?;
        writer.fed(FederationEvent::Instructed(Instructed {
            by: MemberId(1),
            mandate: 1,
            assembly: 1,
            motion: 1,
            instruction,
            decision: Decision::Vote { assembly: 1, vote },
        }))?;
    }

    // The district votes: every delegate for, Tulpar Street's abstaining. Arman votes against his instruction.
    let vote = district.open_vote(1, VoteSubject::Motion(1), MOTION_TITLE)?;
    for (index, seat) in seats.iter().enumerate() {
        let choice = if index == 0 { VoteChoice::Abstain } else { VoteChoice::Yes };
        district.meet(AssemblyEvent::VoteCast(VoteCast { by: *seat, assembly: 1, vote, choice }))?;
    }
    let decided = district.meet(AssemblyEvent::VoteClosed(VoteClosed { by: MemberId(1), assembly: 1, vote }))?;

    // Samal-2 sees it: two members sign the petition to recall Arman, which is what the recall needs.
    let samal = &councils[2].0;
    for name in ["Gaukhar", "Daniyar"] {
        samal.fed(FederationEvent::PetitionSigned(Petition { by: samal.member(name)?, mandate: 1 }))?;
    }

    // The decision comes down: Tulpar Street records it, citing the district's vote.
    councils[0].0.fed(FederationEvent::Received(Received {
        by: MemberId(1),
        federation: fed_hex.clone(),
        citation: citation(district.council, &decided),
        title: title(MOTION_TITLE)?,
        text: text(MOTION_TEXT)?,
    }))?;
    Ok(district.council)
}
