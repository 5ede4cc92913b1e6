//! Meetings of a council: attendance, a nested agenda, motions and amendments with their workflow, the speakers'
//! list, votes by show of hands or by tellers, and the secretary's notes for the minutes.
//!
//! An assembly is part of its council's state and, like the rest of it, a fold over the council's record: `check`
//! decides whether an event is allowed by the state before it, `apply` changes the state. Who presides: the council's
//! chairs and secretaries. Who takes part (moves, seconds, speaks, votes): members who are not observers.

pub mod events;
pub mod model;

use std::collections::{BTreeMap, BTreeSet};

use kenes_count::simple::{Majority, MotionResult, MotionTally, Quorum, count_motion};
use thiserror::Error;

use self::events::AssemblyEvent;
use self::model::{ChoiceMethod, Choices, LongText, Rules, SpeechKind, Title, VoteChoice, VoteMode, VoteSubject};
use crate::model::{MemberId, Role};
use crate::state::Council;

/// Why a meeting action is refused. Nothing was written.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Refused {
    #[error("there is no assembly {0}")]
    NoAssembly(u32),
    #[error("assembly {0} is not open")]
    NotOpen(u32),
    #[error("assembly {0} is closed")]
    Closed(u32),
    #[error("assembly {0} is already open")]
    AlreadyOpen(u32),
    #[error("member {0} may not do this: only a chair or a secretary presides")]
    NotPresiding(MemberId),
    #[error("member {0} is an observer and may not move, second, speak or vote")]
    Observer(MemberId),
    #[error("member {0} may only do this for themselves")]
    OnlyForThemselves(MemberId),
    #[error("member {0} is not checked in")]
    NotCheckedIn(MemberId),
    #[error("member {0} is already checked in")]
    AlreadyCheckedIn(MemberId),
    #[error("there is no agenda item {0}")]
    NoItem(u32),
    #[error("agenda item {0} is not the one under discussion")]
    NotCurrentItem(u32),
    #[error("agenda item {0} is already the one under discussion")]
    AlreadyCurrent(u32),
    #[error("the agenda may be nested at most {0} levels deep")]
    TooDeep(usize),
    #[error("there is no motion {0}")]
    NoMotion(u32),
    #[error("motion {motion} is {status}; this needs it to be {needed}")]
    MotionState { motion: u32, status: &'static str, needed: &'static str },
    #[error("there is no amendment {0}")]
    NoAmendment(u32),
    #[error("amendment {amendment} is {status}; this needs it to be {needed}")]
    AmendmentState { amendment: u32, status: &'static str, needed: &'static str },
    #[error("only the mover, member {0}, may withdraw it")]
    NotMover(MemberId),
    #[error("the mover cannot second their own motion or amendment")]
    OwnMotion,
    #[error("member {0} has already seconded it")]
    AlreadySeconded(MemberId),
    #[error("it needs {needed} seconders and has {have}")]
    NotSeconded { needed: u8, have: usize },
    #[error("lines {from}–{to} are not in the motion, which has {lines} lines")]
    LineRange { from: u32, to: u32, lines: usize },
    #[error("the motion has changed since this amendment was written (version {written}, now {now}); write it again")]
    StaleAmendment { written: u32, now: u32 },
    #[error("a motion cannot be an alternative to itself or to a motion under another agenda item")]
    BadAlternative,
    #[error("member {0} is already on the speakers' list")]
    AlreadyWaiting(MemberId),
    #[error("member {0} is not on the speakers' list")]
    NotWaiting(MemberId),
    #[error("nobody is waiting to speak")]
    NobodyWaiting,
    #[error("nobody has the floor")]
    NobodySpeaking,
    #[error("only {present} of the {needed} members needed for quorum are present")]
    NoQuorum { present: usize, needed: usize },
    #[error("vote {0} is still open; close it first")]
    VoteOpen(u32),
    #[error("there is no vote {0}")]
    NoVote(u32),
    #[error("vote {0} is closed")]
    VoteClosed(u32),
    #[error("member {0} has already voted")]
    AlreadyVoted(MemberId),
    #[error("vote {0} is counted by tellers, not by name")]
    CountedByTellers(u32),
    #[error("vote {0} is by name; the tellers have nothing to enter")]
    ByName(u32),
    #[error("the counts add up to {counted}, more than the {present} members present")]
    TooManyCounted { counted: u64, present: usize },
    #[error("the tellers have not entered the counts of vote {0}")]
    NotCounted(u32),
    #[error("vote {0} chooses among options; rank them instead of answering yes or no")]
    ChoosesAmongOptions(u32),
    #[error("vote {0} is a yes/no vote; it has no options to rank")]
    YesNoVote(u32),
    #[error("a vote among options puts a question and is taken by name")]
    OptionsNeedQuestion,
    #[error("the options are not valid: {0}")]
    BadOptions(crate::error::Invalid),
    #[error("the ballot is not valid: {0}")]
    BadBallot(crate::error::Invalid),
    #[error("the majority must be a fraction between 0 and 1 with a non-zero denominator")]
    BadMajority,
    #[error("the rules are not valid: {0}")]
    BadRules(crate::error::Invalid),
}

/// Where an assembly stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Planned,
    Open,
    Closed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Open => "open",
            Status::Closed => "closed",
        }
    }
}

/// A motion's or amendment's place in its workflow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MotionStatus {
    Submitted,
    Admitted,
    Debated,
    Voting,
    Adopted,
    Rejected,
    Withdrawn,
    Referred,
}

impl MotionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MotionStatus::Submitted => "submitted",
            MotionStatus::Admitted => "admitted",
            MotionStatus::Debated => "debated",
            MotionStatus::Voting => "voting",
            MotionStatus::Adopted => "adopted",
            MotionStatus::Rejected => "rejected",
            MotionStatus::Withdrawn => "withdrawn",
            MotionStatus::Referred => "referred",
        }
    }

    /// Still before the meeting: may be seconded, amended, withdrawn.
    pub fn is_pending(self) -> bool {
        matches!(self, MotionStatus::Submitted | MotionStatus::Admitted | MotionStatus::Debated)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaItem {
    pub id: u32,
    pub parent: Option<u32>,
    pub title: Title,
    pub minutes: u32,
    /// Its number as people read it: "2", "2.1".
    pub number: String,
    pub depth: usize,
    /// When the chair last took it up (timestamp of the event).
    pub taken_ms: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Motion {
    pub id: u32,
    pub item: u32,
    pub title: Title,
    pub mover: MemberId,
    /// The text as moved.
    pub original: LongText,
    /// The text with every adopted amendment applied: the adopted text when the motion is adopted.
    pub text: LongText,
    /// How many amendments have been adopted into it.
    pub version: u32,
    pub seconders: BTreeSet<MemberId>,
    pub status: MotionStatus,
    pub alternative_to: Option<u32>,
    pub submitted_height: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amendment {
    pub id: u32,
    pub motion: u32,
    pub mover: MemberId,
    pub from_line: u32,
    pub to_line: u32,
    pub version: u32,
    /// The lines it replaces, as they stood when it was moved.
    pub replaced: Vec<String>,
    pub text: LongText,
    pub seconders: BTreeSet<MemberId>,
    pub status: MotionStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Waiting {
    pub member: MemberId,
    pub kind: SpeechKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speech {
    pub member: MemberId,
    pub kind: SpeechKind,
    pub since_ms: i64,
    /// When it ended; `None` while the member has the floor.
    pub ended_ms: Option<i64>,
}

/// The speakers' list of one agenda item: who waits, who has the floor, who spoke.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Speakers {
    pub waiting: Vec<Waiting>,
    pub current: Option<Speech>,
    pub spoken: Vec<Speech>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vote {
    pub id: u32,
    pub item: Option<u32>,
    pub subject: VoteSubject,
    pub question: Title,
    pub mode: VoteMode,
    pub majority: Majority,
    /// Roll call: each member's vote, by name.
    pub ballots: BTreeMap<MemberId, VoteChoice>,
    /// Tellers' counts.
    pub counted: Option<(u32, u32, u32)>,
    /// A vote among options: the options and method, and each member's ballot by name.
    pub choices: Option<Choices>,
    pub rankings: BTreeMap<MemberId, Vec<u8>>,
    /// Present and voting members when it opened.
    pub present_at_open: usize,
    pub voting_members: usize,
    pub opened_ms: i64,
    pub result: Option<VoteResult>,
}

impl Vote {
    /// Yes, no and abstain so far; for a vote among options, ballots that mark something and empty ballots.
    pub fn tally(&self) -> (u64, u64, u64) {
        if let Some((yes, no, abstain)) = self.counted {
            return (yes.into(), no.into(), abstain.into());
        }
        if self.choices.is_some() {
            let marked = self.rankings.values().filter(|r| !r.is_empty()).count() as u64;
            return (marked, 0, self.rankings.len() as u64 - marked);
        }
        let mut counts = (0, 0, 0);
        for choice in self.ballots.values() {
            match choice {
                VoteChoice::Yes => counts.0 += 1,
                VoteChoice::No => counts.1 += 1,
                VoteChoice::Abstain => counts.2 += 1,
            }
        }
        counts
    }
}

/// A closed vote's result, computed by `kenes-count` from the counts and the rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteResult {
    pub yes: u64,
    pub no: u64,
    pub abstain: u64,
    pub present: usize,
    pub outcome: MotionResult,
    /// For a vote among options: the count by `kenes-count`, stage by stage.
    pub count: Option<Box<kenes_count::CountResult>>,
    pub closed_ms: i64,
    pub closed_height: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub by: MemberId,
    pub text: LongText,
    pub at_ms: i64,
}

/// One record of who came and went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttendanceChange {
    pub member: MemberId,
    pub present: bool,
    pub by: MemberId,
    pub at_ms: i64,
}

/// A meeting of the council.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assembly {
    pub id: u32,
    pub title: Title,
    pub place: Title,
    pub starts: Title,
    pub rules: Rules,
    pub convened_by: MemberId,
    pub convened_height: u64,
    pub status: Status,
    pub opened_ms: Option<i64>,
    pub closed_ms: Option<i64>,
    pub present: BTreeSet<MemberId>,
    pub attendance: Vec<AttendanceChange>,
    pub agenda: Vec<AgendaItem>,
    pub current_item: Option<u32>,
    pub motions: Vec<Motion>,
    pub amendments: Vec<Amendment>,
    pub speakers: BTreeMap<u32, Speakers>,
    pub votes: Vec<Vote>,
    pub notes: Vec<Note>,
    /// Height of the last event about this assembly: what a screen showing it must have seen.
    pub last_height: u64,
}

/// How deep the agenda nests: 1, 1.1, 1.1.1.
pub const MAX_AGENDA_DEPTH: usize = 3;

impl Assembly {
    pub fn item(&self, id: u32) -> Option<&AgendaItem> {
        self.agenda.iter().find(|item| item.id == id)
    }

    /// The agenda in reading order: each item followed by its sub-items.
    pub fn agenda_in_order(&self) -> Vec<&AgendaItem> {
        fn walk<'a>(all: &'a [AgendaItem], parent: Option<u32>, out: &mut Vec<&'a AgendaItem>) {
            for item in all.iter().filter(|item| item.parent == parent) {
                out.push(item);
                walk(all, Some(item.id), out);
            }
        }
        let mut out = Vec::with_capacity(self.agenda.len());
        walk(&self.agenda, None, &mut out);
        out
    }

    pub fn motion(&self, id: u32) -> Option<&Motion> {
        id.checked_sub(1).and_then(|i| self.motions.get(i as usize))
    }

    pub fn amendment(&self, id: u32) -> Option<&Amendment> {
        id.checked_sub(1).and_then(|i| self.amendments.get(i as usize))
    }

    pub fn vote(&self, id: u32) -> Option<&Vote> {
        id.checked_sub(1).and_then(|i| self.votes.get(i as usize))
    }

    pub fn open_vote(&self) -> Option<&Vote> {
        self.votes.iter().find(|vote| vote.result.is_none())
    }

    pub fn speakers(&self, item: u32) -> Option<&Speakers> {
        self.speakers.get(&item)
    }

    pub fn motions_of(&self, item: u32) -> impl Iterator<Item = &Motion> {
        self.motions.iter().filter(move |motion| motion.item == item)
    }

    pub fn amendments_of(&self, motion: u32) -> impl Iterator<Item = &Amendment> {
        self.amendments.iter().filter(move |amendment| amendment.motion == motion)
    }
}

/// Members who may vote: active, not observers.
pub fn voting_members(council: &Council) -> usize {
    council.active_members().filter(|m| m.role != Role::Observer).count()
}

/// Present members who may vote.
pub fn present_voting(council: &Council, assembly: &Assembly) -> usize {
    assembly
        .present
        .iter()
        .filter(|id| council.member(**id).is_some_and(|m| m.active && m.role != Role::Observer))
        .count()
}

/// Whether enough members are present for a vote to open, and how many are needed.
pub fn quorum(council: &Council, assembly: &Assembly) -> (bool, usize, usize) {
    let needed = assembly.rules.quorum_of(voting_members(council));
    let present = present_voting(council, assembly);
    (present >= needed, present, needed)
}

impl Council {
    pub(crate) fn presiding(&self, by: MemberId) -> Result<(), crate::Rejected> {
        let member = self.member(by).filter(|m| m.active).ok_or(crate::Rejected::NotAMember(by))?;
        if member.role.manages_members() { Ok(()) } else { Err(Refused::NotPresiding(by).into()) }
    }

    /// A member who takes part: active and not an observer.
    fn participant(&self, by: MemberId) -> Result<(), crate::Rejected> {
        let member = self.member(by).filter(|m| m.active).ok_or(crate::Rejected::NotAMember(by))?;
        if member.role == Role::Observer { Err(Refused::Observer(by).into()) } else { Ok(()) }
    }

    fn assembly_of(&self, id: u32) -> Result<&Assembly, Refused> {
        self.assembly(id).ok_or(Refused::NoAssembly(id))
    }

    /// Whether a meeting event is allowed now.
    pub(crate) fn check_assembly(&self, event: &AssemblyEvent) -> Result<(), crate::Rejected> {
        use AssemblyEvent as E;
        let by = event.by();
        let Some(number) = event.assembly() else {
            let E::Convened(convened) = event else { return Ok(()) };
            self.presiding(by)?;
            convened.rules.check().map_err(Refused::BadRules)?;
            return Ok(());
        };
        let assembly = self.assembly_of(number)?;
        let open = || if assembly.status == Status::Open { Ok(()) } else { Err(Refused::NotOpen(number)) };
        let not_closed = || if assembly.status == Status::Closed { Err(Refused::Closed(number)) } else { Ok(()) };
        let item = |id: u32| assembly.item(id).ok_or(Refused::NoItem(id));
        let current = |id: u32| {
            item(id)?;
            if assembly.current_item == Some(id) { Ok(()) } else { Err(Refused::NotCurrentItem(id)) }
        };
        let motion = |id: u32| assembly.motion(id).ok_or(Refused::NoMotion(id));
        let amendment = |id: u32| assembly.amendment(id).ok_or(Refused::NoAmendment(id));
        let motion_in = |m: &Motion, allowed: &[MotionStatus], needed: &'static str| {
            if allowed.contains(&m.status) {
                Ok(())
            } else {
                Err(Refused::MotionState { motion: m.id, status: m.status.as_str(), needed })
            }
        };
        match event {
            E::Convened(_) => {}
            E::Opened(_) => {
                self.presiding(by)?;
                match assembly.status {
                    Status::Planned => {}
                    Status::Open => return Err(Refused::AlreadyOpen(number).into()),
                    Status::Closed => return Err(Refused::Closed(number).into()),
                }
            }
            E::Closed(_) => {
                self.presiding(by)?;
                open()?;
                if let Some(vote) = assembly.open_vote() {
                    return Err(Refused::VoteOpen(vote.id).into());
                }
            }
            E::CheckedIn(a) | E::CheckedOut(a) => {
                if a.by != a.member {
                    self.presiding(by)?;
                }
                self.member(a.member).filter(|m| m.active).ok_or(crate::Rejected::NotAMember(a.member))?;
                self.member(by).filter(|m| m.active).ok_or(crate::Rejected::NotAMember(by))?;
                not_closed()?;
                let present = assembly.present.contains(&a.member);
                match (event, present) {
                    (E::CheckedIn(_), true) => return Err(Refused::AlreadyCheckedIn(a.member).into()),
                    (E::CheckedOut(_), false) => return Err(Refused::NotCheckedIn(a.member).into()),
                    _ => {}
                }
            }
            E::ItemAdded(added) => {
                self.presiding(by)?;
                not_closed()?;
                if let Some(parent) = added.parent {
                    if item(parent)?.depth + 1 >= MAX_AGENDA_DEPTH {
                        return Err(Refused::TooDeep(MAX_AGENDA_DEPTH).into());
                    }
                }
            }
            E::ItemTaken(taken) => {
                self.presiding(by)?;
                open()?;
                item(taken.item)?;
                if assembly.current_item == Some(taken.item) {
                    return Err(Refused::AlreadyCurrent(taken.item).into());
                }
                if let Some(vote) = assembly.open_vote() {
                    return Err(Refused::VoteOpen(vote.id).into());
                }
            }
            E::MotionSubmitted(submitted) => {
                self.participant(by)?;
                not_closed()?;
                item(submitted.item)?;
                if submitted.text.is_empty() {
                    return Err(crate::Rejected::Invalid(crate::error::Invalid::Empty("motion text")));
                }
                if let Some(other) = submitted.alternative_to {
                    let other = motion(other)?;
                    if other.item != submitted.item {
                        return Err(Refused::BadAlternative.into());
                    }
                }
            }
            E::MotionSeconded(seconded) => {
                self.participant(by)?;
                not_closed()?;
                let m = motion(seconded.motion)?;
                motion_in(m, &[MotionStatus::Submitted, MotionStatus::Admitted, MotionStatus::Debated], "pending")?;
                if m.mover == by {
                    return Err(Refused::OwnMotion.into());
                }
                if m.seconders.contains(&by) {
                    return Err(Refused::AlreadySeconded(by).into());
                }
            }
            E::MotionAdmitted(step) => {
                self.presiding(by)?;
                not_closed()?;
                let m = motion(step.motion)?;
                motion_in(m, &[MotionStatus::Submitted], "submitted")?;
                let needed = assembly.rules.seconders;
                if m.seconders.len() < usize::from(needed) {
                    return Err(Refused::NotSeconded { needed, have: m.seconders.len() }.into());
                }
            }
            E::MotionDebated(step) => {
                self.presiding(by)?;
                open()?;
                let m = motion(step.motion)?;
                motion_in(m, &[MotionStatus::Admitted], "admitted")?;
                current(m.item)?;
            }
            E::MotionWithdrawn(step) => {
                let m = motion(step.motion)?;
                if m.mover != by {
                    return Err(Refused::NotMover(m.mover).into());
                }
                not_closed()?;
                motion_in(m, &[MotionStatus::Submitted, MotionStatus::Admitted, MotionStatus::Debated], "pending")?;
            }
            E::MotionReferred(step) => {
                self.presiding(by)?;
                open()?;
                let m = motion(step.motion)?;
                motion_in(m, &[MotionStatus::Submitted, MotionStatus::Admitted, MotionStatus::Debated], "pending")?;
            }
            E::AmendmentSubmitted(submitted) => {
                self.participant(by)?;
                not_closed()?;
                let m = motion(submitted.motion)?;
                motion_in(m, &[MotionStatus::Submitted, MotionStatus::Admitted, MotionStatus::Debated], "pending")?;
                if submitted.version != m.version {
                    return Err(Refused::StaleAmendment { written: submitted.version, now: m.version }.into());
                }
                let lines = m.text.lines().len();
                let (from, to) = (submitted.from_line, submitted.to_line);
                // from = to + 1 inserts after line `to` without replacing any line.
                if from == 0 || from > to.saturating_add(1) || to as usize > lines {
                    return Err(Refused::LineRange { from, to, lines }.into());
                }
            }
            E::AmendmentSeconded(step) => {
                self.participant(by)?;
                not_closed()?;
                let a = amendment(step.amendment)?;
                if a.status != MotionStatus::Submitted {
                    return Err(amendment_state(a, "submitted").into());
                }
                if a.mover == by {
                    return Err(Refused::OwnMotion.into());
                }
                if a.seconders.contains(&by) {
                    return Err(Refused::AlreadySeconded(by).into());
                }
            }
            E::AmendmentWithdrawn(step) => {
                let a = amendment(step.amendment)?;
                if a.mover != by {
                    return Err(Refused::NotMover(a.mover).into());
                }
                if a.status != MotionStatus::Submitted {
                    return Err(amendment_state(a, "submitted").into());
                }
            }
            E::SpeakerRequested(request) => {
                if request.member != by {
                    self.presiding(by)?;
                }
                self.participant(request.member)?;
                open()?;
                current(request.item)?;
                if !assembly.present.contains(&request.member) {
                    return Err(Refused::NotCheckedIn(request.member).into());
                }
                let list = assembly.speakers(request.item);
                if list.is_some_and(|l| l.waiting.iter().any(|w| w.member == request.member)) {
                    return Err(Refused::AlreadyWaiting(request.member).into());
                }
            }
            E::SpeakerWithdrawn(w) => {
                if w.member != by {
                    self.presiding(by)?;
                }
                item(w.item)?;
                let list = assembly.speakers(w.item);
                if !list.is_some_and(|l| l.waiting.iter().any(|x| x.member == w.member)) {
                    return Err(Refused::NotWaiting(w.member).into());
                }
            }
            E::SpeakerMoved(moved) => {
                self.presiding(by)?;
                open()?;
                item(moved.item)?;
                let list = assembly.speakers(moved.item);
                if !list.is_some_and(|l| l.waiting.iter().any(|x| x.member == moved.member)) {
                    return Err(Refused::NotWaiting(moved.member).into());
                }
            }
            E::FloorGiven(floor) => {
                self.presiding(by)?;
                open()?;
                current(floor.item)?;
                if assembly.speakers(floor.item).is_none_or(|l| l.waiting.is_empty()) {
                    return Err(Refused::NobodyWaiting.into());
                }
            }
            E::SpeechEnded(floor) => {
                self.presiding(by)?;
                item(floor.item)?;
                if assembly.speakers(floor.item).is_none_or(|l| l.current.is_none()) {
                    return Err(Refused::NobodySpeaking.into());
                }
            }
            E::VoteOpened(opened) => {
                self.presiding(by)?;
                open()?;
                if let Some(vote) = assembly.open_vote() {
                    return Err(Refused::VoteOpen(vote.id).into());
                }
                let m = opened.majority;
                if m.den == 0 || m.num > m.den {
                    return Err(Refused::BadMajority.into());
                }
                match opened.subject {
                    VoteSubject::Motion(id) => {
                        let m = motion(id)?;
                        motion_in(m, &[MotionStatus::Admitted, MotionStatus::Debated], "admitted or under debate")?;
                        current(m.item)?;
                        if let Some(a) = assembly.amendments_of(id).find(|a| a.status == MotionStatus::Submitted) {
                            return Err(Refused::AmendmentState {
                                amendment: a.id,
                                status: a.status.as_str(),
                                needed: "decided or withdrawn before the motion is put",
                            }
                            .into());
                        }
                    }
                    VoteSubject::Amendment(id) => {
                        let a = amendment(id)?;
                        if a.status != MotionStatus::Submitted {
                            return Err(amendment_state(a, "submitted").into());
                        }
                        let m = motion(a.motion)?;
                        motion_in(m, &[MotionStatus::Admitted, MotionStatus::Debated], "admitted or under debate")?;
                        current(m.item)?;
                        if a.version != m.version {
                            return Err(Refused::StaleAmendment { written: a.version, now: m.version }.into());
                        }
                        let needed = assembly.rules.seconders;
                        if a.seconders.len() < usize::from(needed) {
                            return Err(Refused::NotSeconded { needed, have: a.seconders.len() }.into());
                        }
                    }
                    VoteSubject::Question => {}
                }
                if let Some(choices) = &opened.choices {
                    if opened.subject != VoteSubject::Question || opened.mode != VoteMode::RollCall {
                        return Err(Refused::OptionsNeedQuestion.into());
                    }
                    choices.check().map_err(Refused::BadOptions)?;
                }
                let (met, present, needed) = quorum(self, assembly);
                if !met {
                    return Err(Refused::NoQuorum { present, needed }.into());
                }
            }
            E::VoteCast(cast) => {
                self.participant(by)?;
                open()?;
                let vote = assembly.vote(cast.vote).ok_or(Refused::NoVote(cast.vote))?;
                if vote.result.is_some() {
                    return Err(Refused::VoteClosed(cast.vote).into());
                }
                if vote.mode == VoteMode::Tellers {
                    return Err(Refused::CountedByTellers(cast.vote).into());
                }
                if !assembly.present.contains(&by) {
                    return Err(Refused::NotCheckedIn(by).into());
                }
                if vote.choices.is_some() {
                    return Err(Refused::ChoosesAmongOptions(cast.vote).into());
                }
                if vote.ballots.contains_key(&by) {
                    return Err(Refused::AlreadyVoted(by).into());
                }
            }
            E::VoteRanked(ranked) => {
                self.participant(by)?;
                open()?;
                let vote = assembly.vote(ranked.vote).ok_or(Refused::NoVote(ranked.vote))?;
                if vote.result.is_some() {
                    return Err(Refused::VoteClosed(ranked.vote).into());
                }
                let choices = vote.choices.as_ref().ok_or(Refused::YesNoVote(ranked.vote))?;
                if !assembly.present.contains(&by) {
                    return Err(Refused::NotCheckedIn(by).into());
                }
                if vote.rankings.contains_key(&by) {
                    return Err(Refused::AlreadyVoted(by).into());
                }
                choices.check_ballot(&ranked.ranking).map_err(Refused::BadBallot)?;
            }
            E::VoteCounted(counted) => {
                self.presiding(by)?;
                open()?;
                let vote = assembly.vote(counted.vote).ok_or(Refused::NoVote(counted.vote))?;
                if vote.result.is_some() {
                    return Err(Refused::VoteClosed(counted.vote).into());
                }
                if vote.mode == VoteMode::RollCall {
                    return Err(Refused::ByName(counted.vote).into());
                }
                let total = u64::from(counted.yes) + u64::from(counted.no) + u64::from(counted.abstain);
                let present = present_voting(self, assembly);
                if total > present as u64 {
                    return Err(Refused::TooManyCounted { counted: total, present }.into());
                }
            }
            E::VoteClosed(closed) => {
                self.presiding(by)?;
                open()?;
                let vote = assembly.vote(closed.vote).ok_or(Refused::NoVote(closed.vote))?;
                if vote.result.is_some() {
                    return Err(Refused::VoteClosed(closed.vote).into());
                }
                if vote.mode == VoteMode::Tellers && vote.counted.is_none() {
                    return Err(Refused::NotCounted(closed.vote).into());
                }
            }
            E::MinutesAnnotated(note) => {
                self.presiding(by)?;
                if note.text.is_empty() {
                    return Err(crate::Rejected::Invalid(crate::error::Invalid::Empty("note")));
                }
            }
        }
        Ok(())
    }

    /// Applies a meeting event that `check_assembly` allowed.
    pub(crate) fn apply_assembly(&mut self, event: AssemblyEvent, height: u64, at_ms: i64) {
        use AssemblyEvent as E;
        let voting = voting_members(self);
        if let E::Convened(c) = event {
            let id = self.assemblies.len() as u32 + 1;
            self.assemblies.push(Assembly {
                id,
                title: c.title,
                place: c.place,
                starts: c.starts,
                rules: c.rules,
                convened_by: c.by,
                convened_height: height,
                status: Status::Planned,
                opened_ms: None,
                closed_ms: None,
                present: BTreeSet::new(),
                attendance: Vec::new(),
                agenda: Vec::new(),
                current_item: None,
                motions: Vec::new(),
                amendments: Vec::new(),
                speakers: BTreeMap::new(),
                votes: Vec::new(),
                notes: Vec::new(),
                last_height: height,
            });
            return;
        }
        let Some(number) = event.assembly() else { return };
        let present_now = self.assembly(number).map(|a| present_voting(self, a)).unwrap_or(0);
        let Some(assembly) = number.checked_sub(1).and_then(|i| self.assemblies.get_mut(i as usize)) else {
            return;
        };
        assembly.last_height = height;
        match event {
            E::Convened(_) => {}
            E::Opened(_) => {
                assembly.status = Status::Open;
                assembly.opened_ms = Some(at_ms);
            }
            E::Closed(_) => {
                assembly.status = Status::Closed;
                assembly.closed_ms = Some(at_ms);
                if let Some(item) = assembly.current_item {
                    end_speech(assembly, item, at_ms);
                }
            }
            E::CheckedIn(a) => {
                assembly.present.insert(a.member);
                assembly.attendance.push(AttendanceChange { member: a.member, present: true, by: a.by, at_ms });
            }
            E::CheckedOut(a) => {
                assembly.present.remove(&a.member);
                assembly.attendance.push(AttendanceChange { member: a.member, present: false, by: a.by, at_ms });
                for list in assembly.speakers.values_mut() {
                    list.waiting.retain(|w| w.member != a.member);
                }
            }
            E::ItemAdded(added) => {
                let id = assembly.agenda.len() as u32 + 1;
                let siblings = assembly.agenda.iter().filter(|i| i.parent == added.parent).count() + 1;
                let (number, depth) = match added.parent.and_then(|p| assembly.agenda.iter().find(|i| i.id == p)) {
                    Some(parent) => (format!("{}.{siblings}", parent.number), parent.depth + 1),
                    None => (siblings.to_string(), 0),
                };
                assembly.agenda.push(AgendaItem {
                    id,
                    parent: added.parent,
                    title: added.title,
                    minutes: added.minutes,
                    number,
                    depth,
                    taken_ms: None,
                });
            }
            E::ItemTaken(taken) => {
                if let Some(previous) = assembly.current_item {
                    end_speech(assembly, previous, at_ms);
                }
                assembly.current_item = Some(taken.item);
                if let Some(item) = assembly.agenda.iter_mut().find(|i| i.id == taken.item) {
                    item.taken_ms = Some(at_ms);
                }
            }
            E::MotionSubmitted(s) => {
                let id = assembly.motions.len() as u32 + 1;
                assembly.motions.push(Motion {
                    id,
                    item: s.item,
                    title: s.title,
                    mover: s.by,
                    original: s.text.clone(),
                    text: s.text,
                    version: 0,
                    seconders: BTreeSet::new(),
                    status: MotionStatus::Submitted,
                    alternative_to: s.alternative_to,
                    submitted_height: height,
                });
            }
            E::MotionSeconded(s) => {
                if let Some(m) = motion_mut(assembly, s.motion) {
                    m.seconders.insert(s.by);
                }
            }
            E::MotionAdmitted(s) => set_motion(assembly, s.motion, MotionStatus::Admitted),
            E::MotionDebated(s) => set_motion(assembly, s.motion, MotionStatus::Debated),
            E::MotionWithdrawn(s) => {
                set_motion(assembly, s.motion, MotionStatus::Withdrawn);
                withdraw_amendments_of(assembly, s.motion);
            }
            E::MotionReferred(s) => {
                set_motion(assembly, s.motion, MotionStatus::Referred);
                withdraw_amendments_of(assembly, s.motion);
            }
            E::AmendmentSubmitted(s) => {
                let id = assembly.amendments.len() as u32 + 1;
                let replaced = assembly
                    .motion(s.motion)
                    .map(|m| {
                        let lines = m.text.lines();
                        let from = s.from_line as usize - 1;
                        let to = (s.to_line as usize).max(from);
                        lines.get(from..to).unwrap_or_default().iter().map(|l| (*l).to_owned()).collect()
                    })
                    .unwrap_or_default();
                assembly.amendments.push(Amendment {
                    id,
                    motion: s.motion,
                    mover: s.by,
                    from_line: s.from_line,
                    to_line: s.to_line,
                    version: s.version,
                    replaced,
                    text: s.text,
                    seconders: BTreeSet::new(),
                    status: MotionStatus::Submitted,
                });
            }
            E::AmendmentSeconded(s) => {
                if let Some(a) = amendment_mut(assembly, s.amendment) {
                    a.seconders.insert(s.by);
                }
            }
            E::AmendmentWithdrawn(s) => {
                if let Some(a) = amendment_mut(assembly, s.amendment) {
                    a.status = MotionStatus::Withdrawn;
                }
            }
            E::SpeakerRequested(r) => {
                let list = assembly.speakers.entry(r.item).or_default();
                let waiting = Waiting { member: r.member, kind: r.kind };
                if r.kind == SpeechKind::PointOfOrder {
                    // After the points of order already waiting, before every ordinary speech.
                    let at = list.waiting.iter().take_while(|w| w.kind == SpeechKind::PointOfOrder).count();
                    list.waiting.insert(at, waiting);
                } else {
                    list.waiting.push(waiting);
                }
            }
            E::SpeakerWithdrawn(w) => {
                if let Some(list) = assembly.speakers.get_mut(&w.item) {
                    list.waiting.retain(|x| x.member != w.member);
                }
            }
            E::SpeakerMoved(m) => {
                if let Some(list) = assembly.speakers.get_mut(&m.item) {
                    if let Some(from) = list.waiting.iter().position(|x| x.member == m.member) {
                        let entry = list.waiting.remove(from);
                        let to = (m.position as usize).min(list.waiting.len());
                        list.waiting.insert(to, entry);
                    }
                }
            }
            E::FloorGiven(f) => {
                end_speech(assembly, f.item, at_ms);
                let alternate = assembly.rules.alternate;
                let list = assembly.speakers.entry(f.item).or_default();
                let next = next_speaker(list, alternate);
                if let Some(index) = next {
                    let w = list.waiting.remove(index);
                    list.current = Some(Speech { member: w.member, kind: w.kind, since_ms: at_ms, ended_ms: None });
                }
            }
            E::SpeechEnded(f) => end_speech(assembly, f.item, at_ms),
            E::VoteOpened(o) => {
                let id = assembly.votes.len() as u32 + 1;
                match o.subject {
                    VoteSubject::Motion(m) => set_motion(assembly, m, MotionStatus::Voting),
                    VoteSubject::Amendment(a) => {
                        if let Some(a) = amendment_mut(assembly, a) {
                            a.status = MotionStatus::Voting;
                        }
                    }
                    VoteSubject::Question => {}
                }
                assembly.votes.push(Vote {
                    id,
                    item: assembly.current_item,
                    subject: o.subject,
                    question: o.question,
                    mode: o.mode,
                    majority: o.majority,
                    ballots: BTreeMap::new(),
                    counted: None,
                    choices: o.choices,
                    rankings: BTreeMap::new(),
                    present_at_open: present_now,
                    voting_members: voting,
                    opened_ms: at_ms,
                    result: None,
                });
            }
            E::VoteCast(c) => {
                if let Some(vote) = vote_mut(assembly, c.vote) {
                    vote.ballots.insert(c.by, c.choice);
                }
            }
            E::VoteRanked(r) => {
                if let Some(vote) = vote_mut(assembly, r.vote) {
                    vote.rankings.insert(r.by, r.ranking);
                }
            }
            E::VoteCounted(c) => {
                if let Some(vote) = vote_mut(assembly, c.vote) {
                    vote.counted = Some((c.yes, c.no, c.abstain));
                }
            }
            E::VoteClosed(c) => {
                let quorum_needed = assembly.rules.quorum_of(voting);
                let Some(vote) = vote_mut(assembly, c.vote) else { return };
                let (yes, no, abstain) = vote.tally();
                let tally = MotionTally { yes, no, abstain, members: voting as u64, present: present_now as u64 };
                let mut outcome = count_motion(&tally, Quorum::Present(quorum_needed as u64), vote.majority);
                let count =
                    vote.choices.as_ref().map(|choices| Box::new(count_choices(choices, &vote.rankings, height)));
                if let Some(count) = &count {
                    outcome.passed = outcome.quorum_met && !count.elected.is_empty();
                }
                let passed = outcome.passed;
                vote.result = Some(VoteResult {
                    yes,
                    no,
                    abstain,
                    present: present_now,
                    outcome,
                    count,
                    closed_ms: at_ms,
                    closed_height: height,
                });
                let subject = vote.subject;
                let status = if passed { MotionStatus::Adopted } else { MotionStatus::Rejected };
                match subject {
                    VoteSubject::Motion(m) => set_motion(assembly, m, status),
                    VoteSubject::Amendment(a) => {
                        let Some(amendment) = amendment_mut(assembly, a) else { return };
                        amendment.status = status;
                        if passed {
                            let amendment = amendment.clone();
                            adopt(assembly, &amendment);
                        }
                    }
                    VoteSubject::Question => {}
                }
            }
            E::MinutesAnnotated(n) => assembly.notes.push(Note { by: n.by, text: n.text, at_ms }),
        }
    }
}

/// Counts a vote among options with `kenes-count`. Ties are broken backwards, then by lot from a seed that is the
/// height of the closing event, so anyone replaying the record draws the same lots.
fn count_choices(choices: &Choices, rankings: &BTreeMap<MemberId, Vec<u8>>, height: u64) -> kenes_count::CountResult {
    use kenes_count::{Candidate, Election};
    let candidates = choices.options.iter().map(|o| Candidate::new(o.as_str())).collect();
    let seats = usize::from(choices.seats);
    let mut election = Election::new(candidates, seats);
    for ranking in rankings.values().filter(|r| !r.is_empty()) {
        let prefs: Vec<u16> = ranking.iter().map(|&option| u16::from(option)).collect();
        election.ballots.push(&prefs, 1);
    }
    election.aggregate();
    let condorcet = kenes_count::condorcet::CondorcetOptions { seats, seed: height, ..Default::default() };
    let counted = match choices.method {
        ChoiceMethod::Plurality => kenes_count::simple::plurality(&election, &condorcet),
        ChoiceMethod::Irv => {
            kenes_count::irv::count_irv(&election, &kenes_count::irv::IrvOptions { seed: height, ..Default::default() })
        }
        ChoiceMethod::Stv => kenes_count::count_stv(
            &election,
            &kenes_count::StvOptions { seats: Some(seats), seed: height, ..Default::default() },
        ),
        ChoiceMethod::Schulze => kenes_count::condorcet::schulze(&election, &condorcet),
    };
    // The ballots were checked one by one and the options when the vote opened, so a count error would be a bug
    // in the counting library; the record must still fold, so it becomes a count with nobody elected and a note.
    counted.unwrap_or_else(|error| {
        let mut result = kenes_count::CountResult::new(choices.method.as_str(), election.names(), seats);
        result.notes.push(error.to_string());
        result
    })
}

fn amendment_state(a: &Amendment, needed: &'static str) -> Refused {
    Refused::AmendmentState { amendment: a.id, status: a.status.as_str(), needed }
}

fn motion_mut(assembly: &mut Assembly, id: u32) -> Option<&mut Motion> {
    id.checked_sub(1).and_then(|i| assembly.motions.get_mut(i as usize))
}

fn amendment_mut(assembly: &mut Assembly, id: u32) -> Option<&mut Amendment> {
    id.checked_sub(1).and_then(|i| assembly.amendments.get_mut(i as usize))
}

fn vote_mut(assembly: &mut Assembly, id: u32) -> Option<&mut Vote> {
    id.checked_sub(1).and_then(|i| assembly.votes.get_mut(i as usize))
}

fn set_motion(assembly: &mut Assembly, id: u32, status: MotionStatus) {
    if let Some(m) = motion_mut(assembly, id) {
        m.status = status;
    }
}

fn withdraw_amendments_of(assembly: &mut Assembly, motion: u32) {
    for a in assembly.amendments.iter_mut().filter(|a| a.motion == motion && a.status == MotionStatus::Submitted) {
        a.status = MotionStatus::Withdrawn;
    }
}

/// Writes an adopted amendment into its motion's text and moves the motion to its next version.
fn adopt(assembly: &mut Assembly, amendment: &Amendment) {
    let Some(motion) = motion_mut(assembly, amendment.motion) else { return };
    let mut lines: Vec<String> = motion.text.lines().iter().map(|l| (*l).to_owned()).collect();
    let from = (amendment.from_line as usize - 1).min(lines.len());
    let to = (amendment.to_line as usize).clamp(from, lines.len());
    lines.splice(from..to, amendment.text.lines().iter().map(|l| (*l).to_owned()));
    // The joined lines are already clean (each came from a clean text), so parsing cannot fail; keep the old text if
    // it somehow did rather than lose the motion.
    if let Ok(text) = LongText::parse(&lines.join("\n")) {
        motion.text = text;
    }
    motion.version += 1;
}

fn end_speech(assembly: &mut Assembly, item: u32, at_ms: i64) {
    if let Some(list) = assembly.speakers.get_mut(&item) {
        if let Some(mut speech) = list.current.take() {
            speech.ended_ms = Some(at_ms);
            list.spoken.push(speech);
        }
    }
}

/// Who speaks next: the first point of order; else, when speakers alternate, the first who takes the side opposite
/// to the last speaker who took one; else the first in the list.
fn next_speaker(list: &Speakers, alternate: bool) -> Option<usize> {
    if let Some(index) = list.waiting.iter().position(|w| w.kind == SpeechKind::PointOfOrder) {
        return Some(index);
    }
    if alternate {
        let last_side = list
            .current
            .iter()
            .chain(list.spoken.iter().rev())
            .map(|s| s.kind)
            .find(|k| matches!(k, SpeechKind::For | SpeechKind::Against));
        let wanted = match last_side {
            Some(SpeechKind::For) => Some(SpeechKind::Against),
            Some(SpeechKind::Against) => Some(SpeechKind::For),
            _ => None,
        };
        if let Some(index) = wanted.and_then(|side| list.waiting.iter().position(|w| w.kind == side)) {
            return Some(index);
        }
    }
    if list.waiting.is_empty() { None } else { Some(0) }
}
