//! Federations of councils: member councils send delegates with mandates, and can recall them at any time.
//!
//! Two records take part. A member council's record says it joined a federation, whom it mandated to which seat on
//! which decision, who signs the petition to recall them, the recall, and its instructions on the federation's
//! motions (`lower.rs`). The federation's record lists its member councils with their seats and weights, and seats and
//! unseats delegates, each step citing the member council's event it rests on (`upper.rs`). A delegate acts in the
//! federation only while seated, with the seat's weight; a vote they cast after their council recalled them, before
//! the federation learned of it, is marked, never removed. Whether each citation names the event it says is checked
//! against the cited record when it is present (`citations.rs`); the fold itself reads one record only.

pub mod citations;
pub mod events;
mod lower;
mod upper;

use std::collections::{BTreeMap, BTreeSet};

use thiserror::Error;

pub use self::events::{Citation, Decision, FederationEvent, Instruction, Size, Unseat};
use crate::assembly::model::LongText;
use crate::model::{CouncilName, MemberId};
use crate::state::Council;

/// The share of voting members whose signatures put a recall to the vote when the council set none.
pub const DEFAULT_RECALL_PERCENT: u8 = 20;
/// The largest weight of a seat's vote.
pub const MAX_WEIGHT: u32 = 1_000_000;

/// Why a federation step is refused. Nothing was written.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum FederationRefused {
    #[error("{0:?} is not a council id (64 lower-case hex digits)")]
    BadId(String),
    #[error("a council cannot be its own federation or member")]
    ItSelf,
    #[error("this council has joined the federation {0} already")]
    AlreadyJoined(String),
    #[error("this council has not joined the federation {0}")]
    NotJoined(String),
    #[error("the recall threshold must be between 1 and 100 percent, not {0}")]
    BadPercent(u8),
    #[error("seat {seat} is held by mandate {mandate} already")]
    SeatTaken { seat: u8, mandate: u32 },
    #[error("seats are numbered from 1")]
    NoSeat,
    #[error("there is no mandate {0}")]
    NoMandate(u32),
    #[error("mandate {0} has ended")]
    MandateEnded(u32),
    #[error("{0} has signed the petition already")]
    AlreadySigned(MemberId),
    #[error("{0} has not signed the petition")]
    NotSigned(MemberId),
    #[error("the petition has {signatures} signatures; {needed} are needed to put a recall")]
    ThresholdNotReached { signatures: usize, needed: usize },
    #[error("the vote was opened before the petition reached its threshold")]
    VoteBeforePetition,
    #[error("there is no vote {vote} in meeting {assembly}")]
    NoVote { assembly: u32, vote: u32 },
    #[error("vote {vote} in meeting {assembly} is not closed")]
    VoteOpen { assembly: u32, vote: u32 },
    #[error("vote {vote} in meeting {assembly} did not pass")]
    NotPassed { assembly: u32, vote: u32 },
    #[error("vote {vote} in meeting {assembly} did not elect {name}")]
    NotElected { assembly: u32, vote: u32, name: String },
    #[error("this needs a yes-or-no vote, and vote {vote} in meeting {assembly} chose among options")]
    NotYesNo { assembly: u32, vote: u32 },
    #[error("election {0} is not tallied")]
    NotTallied(u32),
    #[error("that decision is carried out by another step already")]
    DecisionUsed,
    #[error("only a federation lists member councils and seats delegates")]
    NotAFederation,
    #[error("the council {0} is not a member of this federation")]
    NotListed(String),
    #[error("the council has {occupied} seats occupied; it cannot have fewer")]
    SeatsOccupied { occupied: usize },
    #[error("a seat's weight is between 1 and {MAX_WEIGHT}, not {0}")]
    BadWeight(u32),
    #[error("by size, {members} members over {seats} seats weigh {expected} a seat, not {weight}")]
    NotBySize { members: u32, seats: u8, expected: u32, weight: u32 },
    #[error("seat {seat} is beyond the {seats} seats the council has")]
    BeyondSeats { seat: u8, seats: u8 },
    #[error("mandate {mandate} of that council was seated already")]
    MandateUsed { mandate: u32 },
    #[error("the citation is of council {cited}, not of {expected}")]
    CitationCouncil { cited: String, expected: String },
    #[error("member {0} holds no seat")]
    NotSeated(MemberId),
    #[error("only the delegate or who presides ends a mandate")]
    NotTheDelegate,
    #[error("a delegate brings only motions their own council adopted")]
    NotYourCouncil,
    #[error("that decision of the federation is recorded here already")]
    AlreadyReceived,
}

/// A federation this council joined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    pub federation: String,
    pub name: CouncilName,
    pub joined_height: u64,
}

/// Where one of this council's events stands in its record, as a federation cites it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    pub height: u64,
    pub hash: String,
    pub at_ms: i64,
}

/// How a mandate ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MandateEnd {
    pub how: Unseat,
    pub at: Position,
}

/// A mandate this council gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mandate {
    pub number: u32,
    pub federation: String,
    pub seat: u8,
    pub delegate: MemberId,
    pub decision: Decision,
    pub until_ms: Option<i64>,
    pub instructions: Option<LongText>,
    pub given: Position,
    pub ended: Option<MandateEnd>,
    /// Members who signed the petition to recall it, and when the signatures first reached the threshold (reset when
    /// withdrawals take them below it).
    pub petition: BTreeSet<MemberId>,
    pub petition_reached_ms: Option<i64>,
    /// Instructions on the federation's motions, by (meeting, motion) there: the latest decision counts.
    pub instructed: BTreeMap<(u32, u32), Instruction>,
}

impl Mandate {
    pub fn is_active(&self) -> bool {
        self.ended.is_none()
    }
}

/// A member council of this federation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberCouncil {
    pub council: String,
    pub name: CouncilName,
    pub seats: u8,
    pub weight: u32,
    /// When the weight follows the council's size: the size it was computed from.
    pub size: Option<events::Size>,
}

/// A seat's weight when weights follow member councils' sizes: the members a council represents shared among its
/// seats, rounded up (a council of 37 members with 2 seats gives each seat 19), at least 1.
pub fn weight_by_size(members: u32, seats: u8) -> u32 {
    members.div_ceil(u32::from(seats.max(1))).max(1)
}

/// A delegate's seat in this federation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatHolder {
    pub member: MemberId,
    pub council: String,
    pub seat: u8,
    pub mandate: u32,
    pub citation: Citation,
    pub seated_height: u64,
    pub seated_ms: i64,
}

/// A seat held and left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastSeat {
    pub holder: SeatHolder,
    pub reason: Unseat,
    /// The event that ended the mandate, in the member council's record.
    pub citation: Citation,
    pub unseated_height: u64,
    /// Votes (meeting, vote) the delegate cast after the mandate ended and before the federation learned of it.
    pub after_end: Vec<(u32, u32)>,
}

/// Both sides of federation in one council's state (a council may be a member of federations and a federation).
#[derive(Clone, Debug, Default)]
pub struct Federated {
    pub(crate) memberships: Vec<Membership>,
    pub(crate) mandates: Vec<Mandate>,
    pub(crate) recall_percent: Option<u8>,
    pub(crate) used_decisions: BTreeSet<Decision>,
    pub(crate) members: BTreeMap<String, MemberCouncil>,
    pub(crate) seats: BTreeMap<MemberId, SeatHolder>,
    pub(crate) past_seats: Vec<PastSeat>,
    pub(crate) received: Vec<ReceivedDecision>,
    /// Every size a weight was computed from, in record order (each is a citation to check).
    pub(crate) sizes: Vec<(String, events::Size)>,
}

/// A federation's decision this council recorded in its own record, citing the federation's `vote.closed` event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceivedDecision {
    pub federation: String,
    pub citation: Citation,
    pub title: crate::assembly::model::Title,
    pub text: LongText,
    pub height: u64,
}

pub(crate) fn is_id(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn id(text: &str) -> Result<(), FederationRefused> {
    if is_id(text) { Ok(()) } else { Err(FederationRefused::BadId(text.chars().take(80).collect())) }
}

impl Council {
    /// The federations this council joined.
    pub fn memberships(&self) -> &[Membership] {
        &self.federated.memberships
    }

    /// Every mandate this council gave, in order, ended ones included.
    pub fn mandates(&self) -> &[Mandate] {
        &self.federated.mandates
    }

    pub fn mandate(&self, number: u32) -> Option<&Mandate> {
        number.checked_sub(1).and_then(|i| self.federated.mandates.get(i as usize))
    }

    /// The share of voting members (percent) whose signatures put a recall to the vote.
    pub fn recall_percent(&self) -> u8 {
        self.federated.recall_percent.unwrap_or(DEFAULT_RECALL_PERCENT)
    }

    /// The signatures a petition needs now: the recall share of voting members, rounded up, at least one.
    pub fn recall_signatures_needed(&self) -> usize {
        let voting = self.active_members().filter(|m| m.active && m.role != crate::Role::Observer).count();
        (voting * usize::from(self.recall_percent())).div_ceil(100).max(1)
    }

    /// Whether a decision already carries out a step (each carries out one).
    pub fn decision_used(&self, decision: Decision) -> bool {
        self.federated.used_decisions.contains(&decision)
    }

    /// Whether `decision` may carry out a step now: see `docs/record.md`, "Federation events". `delegate` is the
    /// name a vote among options must have elected; `yes_no` asks for a decision without options.
    pub fn decision_holds(&self, decision: Decision, delegate: Option<&crate::DisplayName>, yes_no: bool) -> bool {
        self.check_decision(decision, delegate, yes_no).is_ok()
    }

    /// Decisions of federations this council recorded, in order.
    pub fn received(&self) -> &[ReceivedDecision] {
        &self.federated.received
    }

    /// A motion brought to a federation as a member council adopted it: by a seated delegate of that council.
    pub(crate) fn check_origin(&self, by: MemberId, origin: &Citation) -> Result<(), crate::Rejected> {
        id(&origin.hash)?;
        let seat =
            self.federated.seats.get(&by).filter(|_| self.seats_in_use()).ok_or(FederationRefused::NotSeated(by))?;
        if seat.council != origin.council {
            return Err(FederationRefused::NotYourCouncil.into());
        }
        Ok(())
    }

    /// A federation's member councils, by id.
    pub fn member_councils(&self) -> &BTreeMap<String, MemberCouncil> {
        &self.federated.members
    }

    /// A federation's delegates now seated, by member.
    pub fn seats(&self) -> &BTreeMap<MemberId, SeatHolder> {
        &self.federated.seats
    }

    /// Seats held and left, in the order they were left.
    pub fn past_seats(&self) -> &[PastSeat] {
        &self.federated.past_seats
    }

    /// Whether votes go by seats: a federation that has listed member councils (or seated anyone). A council of kind
    /// federation that never did, as every one recorded before seats existed, votes member by member, so its record
    /// replays as it always did.
    pub fn seats_in_use(&self) -> bool {
        self.kind == crate::CouncilKind::Federation
            && !(self.federated.members.is_empty()
                && self.federated.seats.is_empty()
                && self.federated.past_seats.is_empty())
    }

    /// How many people this council speaks for, as a federation weighing seats by size counts it: its members who
    /// may vote, each counted with their vote's weight (so a federation's size is the weight of its seated delegates,
    /// and sizes carry up through every level).
    pub fn represented(&self) -> u64 {
        self.active_members().map(|member| self.vote_weight(member.id)).sum()
    }

    /// Every size a seat's weight was computed from, with its member council, in record order.
    pub fn sizes(&self) -> &[(String, events::Size)] {
        &self.federated.sizes
    }

    /// The weight of a member's vote: nothing for someone inactive or an observer; in a federation with seats, their
    /// seat's weight (nothing without a seat); elsewhere one.
    pub fn vote_weight(&self, member: MemberId) -> u64 {
        if !self.member(member).is_some_and(|m| m.active && m.role != crate::Role::Observer) {
            return 0;
        }
        if !self.seats_in_use() {
            return 1;
        }
        self.federated
            .seats
            .get(&member)
            .and_then(|seat| self.federated.members.get(&seat.council))
            .map_or(0, |council| u64::from(council.weight))
    }

    /// Whether a federation step is allowed now.
    pub(crate) fn check_federation(&self, event: &FederationEvent) -> Result<(), crate::Rejected> {
        use FederationEvent as E;
        match event {
            E::Joined(joined) => self.check_joined(joined),
            E::RecallRule(rule) => self.check_recall_rule(rule),
            E::MandateGiven(given) => self.check_mandate_given(given),
            E::PetitionSigned(petition) => self.check_signed(petition),
            E::PetitionWithdrawn(petition) => self.check_withdrawn(petition),
            E::Recalled(recalled) => self.check_recalled(recalled),
            E::Ended(ended) => self.check_ended(ended),
            E::Instructed(instructed) => self.check_instructed(instructed),
            E::SeatsSet(set) => self.check_seats_set(set),
            E::Seated(seated) => self.check_seated(seated),
            E::Unseated(unseated) => self.check_unseated(unseated),
            E::Received(received) => self.check_received(received),
        }
    }

    /// Applies a federation step `check_federation` allowed; `at` is where its event stands in this record.
    pub(crate) fn apply_federation(&mut self, event: FederationEvent, at: Position) {
        use FederationEvent as E;
        match event {
            E::Joined(joined) => self.apply_joined(joined, at),
            E::RecallRule(rule) => self.federated.recall_percent = Some(rule.percent),
            E::MandateGiven(given) => self.apply_mandate_given(given, at),
            E::PetitionSigned(petition) => self.apply_petition(petition, true, at),
            E::PetitionWithdrawn(petition) => self.apply_petition(petition, false, at),
            E::Recalled(recalled) => {
                self.apply_mandate_end(recalled.mandate, Unseat::Recalled, Some(recalled.decision), at)
            }
            E::Ended(ended) => self.apply_mandate_end(ended.mandate, Unseat::Ended, None, at),
            E::Instructed(instructed) => self.apply_instructed(instructed),
            E::SeatsSet(set) => self.apply_seats_set(set),
            E::Seated(seated) => self.apply_seated(seated, at),
            E::Unseated(unseated) => self.apply_unseated(unseated, at),
            E::Received(received) => self.apply_received(received, at),
        }
    }
}
