//! `kenes demo`: a realistic neighbourhood council with a finished meeting and one in session, written through the
//! same checked write path as everything else, so a newcomer sees kenes at work in one command (and tests and
//! benchmarks get a meeting to work on); `federation.rs` builds a district federation around it.

mod federation;

use kenes_council::assembly::events::*;
use kenes_council::assembly::model::{
    ChoiceMethod, Choices, LongText, Rules, SpeechKind, Title, VoteChoice, VoteMode, VoteSubject,
};
use kenes_council::events::{Created, MemberAdded};
use kenes_council::{
    CouncilEvent, CouncilKind, CouncilName, Description, DisplayName, JoinedVia, Languages, MemberId, Role,
};
use kenes_count::simple::{Basis, Majority};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::{hash_password, new_token, now_ms};
use crate::error::WebError;

/// What the demo made: the council and the accounts to sign in with (all share one password).
#[derive(Debug)]
pub struct Demo {
    pub council: EventHash,
    /// The meeting in session.
    pub assembly: u32,
    /// (username, display name, role) of every account made.
    pub accounts: Vec<(String, String, Role)>,
}

const MEMBERS: &[(&str, &str, Role)] = &[
    ("aigerim", "Aigerim", Role::Secretary),
    ("bolat", "Bolat", Role::Chair),
    ("dana", "Dana", Role::Member),
    ("erlan", "Erlan", Role::Member),
    ("farida", "Farida", Role::Member),
    ("gulnara", "Gulnara", Role::Member),
    ("ilyas", "Ilyas", Role::Member),
    ("zhanna", "Zhanna", Role::Member),
    ("marat", "Marat", Role::Member),
    ("saule", "Saule", Role::Member),
    ("timur", "Timur", Role::Member),
    ("olga", "Olga", Role::Observer),
];

fn title(text: &str) -> Result<Title, WebError> {
    Title::parse(text).map_err(|e| WebError::from_invalid(&e))
}

fn text(text: &str) -> Result<LongText, WebError> {
    LongText::parse(text).map_err(|e| WebError::from_invalid(&e))
}

/// Builds the demo's district federation around the council `populate` made (four more member councils, delegates
/// seated on their mandates, a motion that travels up and its decision down, a delegate under a recall petition);
/// the accounts it makes are added to `demo.accounts`. Returns the federation.
pub fn federation(state: &AppState, demo: &mut Demo, password: &str) -> Result<EventHash, WebError> {
    let hash = hash_password(password)?;
    federation::populate(state, demo, &hash)
}

/// Fills a node that holds no council yet. `password` is given to every demo account.
pub fn populate(state: &AppState, password: &str) -> Result<Demo, WebError> {
    if !state.node().council_ids().is_empty() {
        return Err(WebError::BadInput("demo-not-empty".to_owned()));
    }
    let backend = state.node().store().backend();
    let hash = hash_password(password)?;
    let (secretary, founder_name, _) = MEMBERS[0];
    let created = Created {
        name: CouncilName::parse("Tulpar Street Neighbourhood Council")?,
        kind: CouncilKind::Neighbourhood,
        description: Description::parse(
            "The residents of Tulpar street and the courtyards behind it: street lights, snow, the playground, and \
             what we ask of the city.",
        )?,
        languages: Languages::parse(&["en", "kk", "ru"])?,
        founder: DisplayName::parse(founder_name)?,
        nonce: hex::encode(new_token().1),
    };
    let council = state.node().create_council(created, now_ms())?;
    let mut accounts = Vec::new();
    for (index, (username, name, role)) in MEMBERS.iter().enumerate() {
        let number = index as u32 + 1;
        if index > 0 {
            let added = MemberAdded {
                by: MemberId(1),
                name: DisplayName::parse(name)?,
                role: *role,
                via: JoinedVia::Secretary,
            };
            state.execute(council, &CouncilEvent::MemberAdded(added))?;
        }
        let account = backend.create_account(username, Some(&hash), *username == secretary, now_ms())?;
        backend.link_member(account, council, number)?;
        accounts.push(((*username).to_owned(), (*name).to_owned(), *role));
    }
    let m = MemberId;
    let chair = m(2);
    let run = |event: AssemblyEvent| state.execute(council, &CouncilEvent::Assembly(event)).map(|_| ());
    let rules = Rules { quorum_percent: 50, seconders: 1, alternate: true, speaking_seconds: 180 };

    // October: a finished meeting with an adopted motion and minutes notes.
    run(AssemblyEvent::Convened(Convened {
        by: m(1),
        title: title("October general meeting")?,
        place: title("School No. 12, assembly hall")?,
        starts: title("2026-10-18 18:00")?,
        rules,
    }))?;
    let a = 1;
    run(AssemblyEvent::ItemAdded(ItemAdded {
        by: m(1),
        assembly: a,
        parent: None,
        title: title("The playground")?,
        minutes: 30,
    }))?;
    run(AssemblyEvent::Opened(AssemblyAct { by: chair, assembly: a }))?;
    for member in 1..=9 {
        run(AssemblyEvent::CheckedIn(Attendance { by: m(member), assembly: a, member: m(member) }))?;
    }
    run(AssemblyEvent::ItemTaken(ItemTaken { by: chair, assembly: a, item: 1 }))?;
    run(AssemblyEvent::MotionSubmitted(MotionSubmitted {
        by: m(5),
        assembly: a,
        item: 1,
        title: title("Fence the playground")?,
        text: text(
            "The council builds a low fence around the playground\nwith the residents' own work on two Saturdays\nand asks the city for the materials.",
        )?,
        alternative_to: None,
        origin: None,
    }))?;
    run(AssemblyEvent::MotionSeconded(Seconded { by: m(6), assembly: a, motion: 1 }))?;
    run(AssemblyEvent::MotionAdmitted(MotionStep { by: chair, assembly: a, motion: 1 }))?;
    run(AssemblyEvent::MotionDebated(MotionStep { by: chair, assembly: a, motion: 1 }))?;
    for (member, kind) in [(5, SpeechKind::For), (8, SpeechKind::Against), (3, SpeechKind::For)] {
        run(AssemblyEvent::SpeakerRequested(SpeakerRequested {
            by: m(member),
            assembly: a,
            item: 1,
            member: m(member),
            kind,
        }))?;
    }
    for _ in 0..3 {
        run(AssemblyEvent::FloorGiven(FloorAct { by: chair, assembly: a, item: 1 }))?;
    }
    run(AssemblyEvent::SpeechEnded(FloorAct { by: chair, assembly: a, item: 1 }))?;
    run(AssemblyEvent::VoteOpened(VoteOpened {
        by: chair,
        assembly: a,
        subject: VoteSubject::Motion(1),
        question: title("Fence the playground")?,
        mode: VoteMode::RollCall,
        majority: Majority::simple(Basis::YesNo),
        choices: None,
    }))?;
    let choices = [
        VoteChoice::Yes,
        VoteChoice::Yes,
        VoteChoice::Yes,
        VoteChoice::No,
        VoteChoice::Yes,
        VoteChoice::Yes,
        VoteChoice::Abstain,
        VoteChoice::No,
        VoteChoice::Yes,
    ];
    for (index, choice) in choices.into_iter().enumerate() {
        run(AssemblyEvent::VoteCast(VoteCast { by: m(index as u32 + 1), assembly: a, vote: 1, choice }))?;
    }
    run(AssemblyEvent::VoteClosed(VoteClosed { by: chair, assembly: a, vote: 1 }))?;
    // The delegate to the district federation, elected by instant-runoff among three candidates, ballots by name.
    run(AssemblyEvent::ItemAdded(ItemAdded {
        by: m(1),
        assembly: a,
        parent: None,
        title: title("Our delegate to the district federation")?,
        minutes: 15,
    }))?;
    run(AssemblyEvent::ItemTaken(ItemTaken { by: chair, assembly: a, item: 2 }))?;
    run(AssemblyEvent::VoteOpened(VoteOpened {
        by: chair,
        assembly: a,
        subject: VoteSubject::Question,
        question: title("Who represents us at the district federation?")?,
        mode: VoteMode::RollCall,
        majority: Majority::simple(Basis::VotesCast),
        choices: Some(Choices {
            options: vec![title("Farida")?, title("Marat")?, title("Dana")?],
            method: ChoiceMethod::Irv,
            seats: 1,
        }),
    }))?;
    for (member, ranking) in [
        (1, &[0, 2][..]),
        (2, &[1, 0]),
        (3, &[2, 0, 1]),
        (4, &[1]),
        (5, &[0, 1]),
        (6, &[0]),
        (7, &[2, 0]),
        (8, &[1, 2]),
        (9, &[]),
    ] {
        run(AssemblyEvent::VoteRanked(VoteRanked { by: m(member), assembly: a, vote: 2, ranking: ranking.to_vec() }))?;
    }
    run(AssemblyEvent::VoteClosed(VoteClosed { by: chair, assembly: a, vote: 2 }))?;
    run(AssemblyEvent::Closed(AssemblyAct { by: chair, assembly: a }))?;
    run(AssemblyEvent::MinutesAnnotated(MinutesAnnotated {
        by: m(1),
        assembly: a,
        text: text("Farida and Gulnara will organise the two work days.\nMinutes taken by Aigerim.")?,
    }))?;

    // November: in session, on street lights, with an amendment adopted, another pending, and a speakers' list.
    run(AssemblyEvent::Convened(Convened {
        by: m(1),
        title: title("November general meeting")?,
        place: title("School No. 12, assembly hall")?,
        starts: title("2026-11-22 18:00")?,
        rules,
    }))?;
    let a = 2;
    for (parent, item, minutes) in [
        (None, "Opening and the agenda", 5),
        (None, "Street lights", 40),
        (Some(2), "What we ask of the city", 20),
        (None, "Snow clearing this winter", 30),
        (None, "Any other business", 15),
    ] {
        run(AssemblyEvent::ItemAdded(ItemAdded { by: m(1), assembly: a, parent, title: title(item)?, minutes }))?;
    }
    run(AssemblyEvent::Opened(AssemblyAct { by: chair, assembly: a }))?;
    for member in [1, 2, 3, 4, 5, 6, 7, 9, 10, 12] {
        run(AssemblyEvent::CheckedIn(Attendance { by: m(member), assembly: a, member: m(member) }))?;
    }
    run(AssemblyEvent::ItemTaken(ItemTaken { by: chair, assembly: a, item: 1 }))?;
    run(AssemblyEvent::VoteOpened(VoteOpened {
        by: chair,
        assembly: a,
        subject: VoteSubject::Question,
        question: title("Adopt the agenda")?,
        mode: VoteMode::Tellers,
        majority: Majority::simple(Basis::VotesCast),
        choices: None,
    }))?;
    run(AssemblyEvent::VoteCounted(VoteCounted { by: m(1), assembly: a, vote: 1, yes: 8, no: 0, abstain: 1 }))?;
    run(AssemblyEvent::VoteClosed(VoteClosed { by: chair, assembly: a, vote: 1 }))?;
    run(AssemblyEvent::ItemTaken(ItemTaken { by: chair, assembly: a, item: 2 }))?;
    run(AssemblyEvent::MotionSubmitted(MotionSubmitted {
        by: m(4),
        assembly: a,
        item: 2,
        title: title("Repair the street lights")?,
        text: text(
            "Eleven of the twenty-six street lights on Tulpar street are broken.\nThe council asks the city to repair every broken light\nbefore the winter,\nand to add two lights at the courtyard entrances.",
        )?,
        alternative_to: None,
        origin: None,
    }))?;
    run(AssemblyEvent::MotionSeconded(Seconded { by: m(3), assembly: a, motion: 1 }))?;
    run(AssemblyEvent::MotionSeconded(Seconded { by: m(7), assembly: a, motion: 1 }))?;
    run(AssemblyEvent::MotionAdmitted(MotionStep { by: chair, assembly: a, motion: 1 }))?;
    run(AssemblyEvent::MotionDebated(MotionStep { by: chair, assembly: a, motion: 1 }))?;
    run(AssemblyEvent::AmendmentSubmitted(AmendmentSubmitted {
        by: m(6),
        assembly: a,
        motion: 1,
        from_line: 3,
        to_line: 3,
        version: 0,
        text: text("by the first of December,")?,
    }))?;
    run(AssemblyEvent::AmendmentSeconded(AmendmentStep { by: m(5), assembly: a, amendment: 1 }))?;
    run(AssemblyEvent::VoteOpened(VoteOpened {
        by: chair,
        assembly: a,
        subject: VoteSubject::Amendment(1),
        question: title("Amendment 1: by the first of December")?,
        mode: VoteMode::RollCall,
        majority: Majority::simple(Basis::YesNo),
        choices: None,
    }))?;
    for (member, choice) in [
        (1, VoteChoice::Yes),
        (3, VoteChoice::Yes),
        (4, VoteChoice::No),
        (5, VoteChoice::Yes),
        (6, VoteChoice::Yes),
        (7, VoteChoice::Abstain),
        (9, VoteChoice::Yes),
        (10, VoteChoice::No),
    ] {
        run(AssemblyEvent::VoteCast(VoteCast { by: m(member), assembly: a, vote: 2, choice }))?;
    }
    run(AssemblyEvent::VoteClosed(VoteClosed { by: chair, assembly: a, vote: 2 }))?;
    run(AssemblyEvent::AmendmentSubmitted(AmendmentSubmitted {
        by: m(9),
        assembly: a,
        motion: 1,
        from_line: 4,
        to_line: 4,
        version: 1,
        text: text("and to add lights at the courtyard entrances and by the bus stop.")?,
    }))?;
    for (member, kind) in
        [(10, SpeechKind::For), (4, SpeechKind::Against), (3, SpeechKind::Speech), (7, SpeechKind::Against)]
    {
        run(AssemblyEvent::SpeakerRequested(SpeakerRequested {
            by: m(member),
            assembly: a,
            item: 2,
            member: m(member),
            kind,
        }))?;
    }
    run(AssemblyEvent::FloorGiven(FloorAct { by: chair, assembly: a, item: 2 }))?;

    // A secret ballot already counted: the budget project, by Belenios with two trustees, nine voters.
    let question = |text: &str, answers: &[&str]| kenes_crypto::election::QuestionJson {
        answers: answers.iter().map(|a| (*a).to_owned()).collect(),
        blank: Some(true),
        min: 1,
        max: 1,
        question: text.to_owned(),
    };
    let ballots = [
        [0, 1, 0, 0],
        [0, 0, 1, 0],
        [0, 1, 0, 0],
        [0, 0, 0, 1],
        [0, 1, 0, 0],
        [1, 0, 0, 0],
        [0, 0, 1, 0],
        [0, 1, 0, 0],
        [0, 0, 1, 0],
    ];
    let votes: Vec<(MemberId, Vec<Vec<u32>>)> =
        ballots.iter().enumerate().map(|(i, b)| (m(i as u32 + 1), vec![b.to_vec()])).collect();
    crate::elections::demo_election(
        state,
        council,
        m(1),
        "This year's courtyard budget",
        vec![question(
            "Which project gets this year's budget?",
            &["Benches by the playground", "Lights in the courtyards", "Bicycle racks"],
        )],
        Default::default(),
        &[m(1), m(2)],
        &votes,
    )?;
    Ok(Demo { council, assembly: a, accounts })
}
