//! The events of federations, in two records: a member council's (joining a federation, giving and recalling
//! mandates, the recall petition, instructions) and the federation's own (its member councils and their seats,
//! seating and unseating delegates). Payloads follow the rule of `crate::events`.
//!
//! A federation's events cite the member council's events they rest on by council id, height and event hash
//! (`Citation`); the federation's fold checks what its own record can (the seat, the order of things), and
//! `citations::check` checks each citation against the cited record when that record is present.

use serde::{Deserialize, Serialize};

use crate::assembly::model::LongText;
use crate::event_kinds::event_kinds;
use crate::model::{CouncilName, DisplayName, MemberId};

/// An event of another council's record: its council id and event hash (64 hex digits each), its height, and its
/// timestamp as the cited record has it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub council: String,
    pub height: u64,
    pub hash: String,
    pub at_ms: i64,
}

/// The decision of this council's that a mandate, a recall or an instruction carries out: a closed vote in one of
/// its meetings, or a tallied secret election.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Decision {
    Vote { assembly: u32, vote: u32 },
    Election { election: u32 },
}

/// What a member council tells its delegate to do on a motion of the federation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Instruction {
    For,
    Against,
    Abstain,
    /// The delegate votes as they judge.
    Free,
}

impl Instruction {
    pub fn as_str(self) -> &'static str {
        match self {
            Instruction::For => "for",
            Instruction::Against => "against",
            Instruction::Abstain => "abstain",
            Instruction::Free => "free",
        }
    }
}

/// A member council accepts membership of a federation (by its id).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Joined {
    pub by: MemberId,
    pub federation: String,
    /// The federation's name, as this council knows it.
    pub name: CouncilName,
}

/// The share of the council's voting members whose signatures put a recall to the vote, in percent (1–100).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecallRule {
    pub by: MemberId,
    pub percent: u8,
}

/// A delegate's mandate: who sits in which of the council's seats in the federation, on which decision, until when,
/// with what instructions. Mandates are numbered 1, 2, 3… in the council in the order given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MandateGiven {
    pub by: MemberId,
    pub federation: String,
    /// The seat, from 1, among the seats the federation gives this council.
    pub seat: u8,
    pub delegate: MemberId,
    pub decision: Decision,
    /// The end of the term (milliseconds since 1970); the mandate ends then unless recalled before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_ms: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<LongText>,
}

/// A member signs, or withdraws their signature from, the petition to recall a mandate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Petition {
    pub by: MemberId,
    pub mandate: u32,
}

/// The council recalls a delegate: the petition reached its threshold, then a vote put after it passed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recalled {
    pub by: MemberId,
    pub mandate: u32,
    pub decision: Decision,
}

/// A mandate ends without a recall: the delegate resigns, or who presides records that its term is over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ended {
    pub by: MemberId,
    pub mandate: u32,
}

/// The council instructs its delegate on a motion of the federation (its meeting and motion numbers there).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instructed {
    pub by: MemberId,
    pub mandate: u32,
    pub assembly: u32,
    pub motion: u32,
    pub instruction: Instruction,
    pub decision: Decision,
}

/// The federation lists a member council with its seats and the weight of each seat's vote; listing it again
/// changes them (never below the seats occupied); zero seats takes the council off the list once nobody sits.
/// The weight is fixed, or follows the member council's size (`size`): then it is `weight_by_size(members, seats)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeatsSet {
    pub by: MemberId,
    pub council: String,
    pub name: CouncilName,
    pub seats: u8,
    pub weight: u32,
    /// Left out when the weight is fixed, so earlier payloads keep their bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<Size>,
}

/// A member council's size as its record showed it: `members` is what it represents (`Council::represented`) just
/// after the cited event, which was the head of its record when the federation computed the weight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Size {
    pub members: u32,
    pub citation: Citation,
}

/// The federation seats a delegate on the mandate its member council gave (cited). The delegate becomes a member of
/// the federation, whose votes count with the seat's weight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seated {
    pub by: MemberId,
    pub seat: u8,
    /// The mandate's number in its council.
    pub mandate: u32,
    /// The `mandate.given` event in the member council's record.
    pub citation: Citation,
    pub name: DisplayName,
}

/// Why a delegate leaves their seat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unseat {
    /// Their council recalled them (the citation is the `mandate.recalled` event).
    Recalled,
    /// The mandate ended otherwise (resigned, or its term is over).
    Ended,
}

/// The federation unseats a delegate when it learns their mandate ended, citing the event that ended it; votes the
/// delegate cast after that moment are marked, never removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unseated {
    pub by: MemberId,
    pub member: MemberId,
    pub reason: Unseat,
    pub citation: Citation,
}

/// A member council records a decision of its federation (a motion the federation adopted), citing the federation's
/// `vote.closed` event that adopted it, with the motion's title and adopted text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Received {
    pub by: MemberId,
    pub federation: String,
    pub citation: Citation,
    pub title: crate::assembly::model::Title,
    pub text: LongText,
}

event_kinds! {
    /// Every kind of event about federations, in member councils' records and in federations'.
    pub enum FederationEvent by {
        Joined(Joined) = "federation.joined",
        RecallRule(RecallRule) = "recall.rule_set",
        MandateGiven(MandateGiven) = "mandate.given",
        PetitionSigned(Petition) = "recall.signed",
        PetitionWithdrawn(Petition) = "recall.withdrawn",
        Recalled(Recalled) = "mandate.recalled",
        Ended(Ended) = "mandate.ended",
        Instructed(Instructed) = "mandate.instructed",
        SeatsSet(SeatsSet) = "federation.seats_set",
        Seated(Seated) = "delegate.seated",
        Unseated(Unseated) = "delegate.unseated",
        Received(Received) = "motion.received",
    }
}
