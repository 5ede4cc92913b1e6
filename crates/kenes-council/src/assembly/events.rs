//! The events of a meeting: convening, attendance, agenda, motions and amendments, speakers, votes, minutes.
//!
//! Payloads follow the same rule as the council's own events (see `crate::events`): the JSON `serde_json` writes for
//! these structs, fields in the order declared, decoded strictly. Assemblies, agenda items, motions, amendments and
//! votes are numbered 1, 2, 3… in the order their events appear, so the numbers are not in the payloads that create
//! them; every later event names them.

use kenes_count::simple::Majority;
use serde::{Deserialize, Serialize};

use super::model::{Choices, LongText, Rules, SpeechKind, Title, VoteChoice, VoteMode, VoteSubject};
use crate::event_kinds::event_kinds;
use crate::model::MemberId;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Convened {
    pub by: MemberId,
    pub title: Title,
    pub place: Title,
    /// When it meets, as the convener wrote it (for example `2026-11-22 18:00`).
    pub starts: Title,
    pub rules: Rules,
}

/// An event about a whole assembly: opened, closed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssemblyAct {
    pub by: MemberId,
    pub assembly: u32,
}

/// A member checked in or out, by themselves or by the secretary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    pub by: MemberId,
    pub assembly: u32,
    pub member: MemberId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemAdded {
    pub by: MemberId,
    pub assembly: u32,
    /// The item this one is a sub-item of, for a nested agenda.
    pub parent: Option<u32>,
    pub title: Title,
    /// Planned duration in minutes (0 when not planned).
    pub minutes: u32,
}

/// The chair moves the meeting to an agenda item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemTaken {
    pub by: MemberId,
    pub assembly: u32,
    pub item: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MotionSubmitted {
    pub by: MemberId,
    pub assembly: u32,
    pub item: u32,
    pub title: Title,
    pub text: LongText,
    /// The motion this one competes with as an alternative.
    pub alternative_to: Option<u32>,
    /// In a federation: the motion as a member council adopted it, brought by its delegate, citing the
    /// `vote.closed` event of that council's record that adopted it (`crate::federation::citations`). Left out when
    /// absent, so motions written before it keep their bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<crate::federation::Citation>,
}

/// A member supports (seconds) a motion or an amendment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seconded {
    pub by: MemberId,
    pub assembly: u32,
    pub motion: u32,
}

/// A step in a motion's or an amendment's workflow taken by the chair (admit, debate, refer) or the mover (withdraw).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MotionStep {
    pub by: MemberId,
    pub assembly: u32,
    pub motion: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmendmentSubmitted {
    pub by: MemberId,
    pub assembly: u32,
    pub motion: u32,
    /// The lines of the motion's text it replaces, counted from 1, as the text stood at `version`.
    pub from_line: u32,
    pub to_line: u32,
    /// The motion's version (the number of amendments adopted into it) the line numbers refer to.
    pub version: u32,
    /// The replacement; empty to strike the lines out.
    pub text: LongText,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmendmentStep {
    pub by: MemberId,
    pub assembly: u32,
    pub amendment: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerRequested {
    pub by: MemberId,
    pub assembly: u32,
    pub item: u32,
    pub member: MemberId,
    pub kind: SpeechKind,
}

/// A member leaves the speakers' list (themselves, or the chair removes them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerWithdrawn {
    pub by: MemberId,
    pub assembly: u32,
    pub item: u32,
    pub member: MemberId,
}

/// The chair moves a waiting speaker to a place in the list (0 is the front).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerMoved {
    pub by: MemberId,
    pub assembly: u32,
    pub item: u32,
    pub member: MemberId,
    pub position: u32,
}

/// The chair gives the floor to the next speaker (points of order first, then for/against alternately when the rules
/// say so), or ends the current speech.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FloorAct {
    pub by: MemberId,
    pub assembly: u32,
    pub item: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteOpened {
    pub by: MemberId,
    pub assembly: u32,
    pub subject: VoteSubject,
    /// The question as put to the meeting.
    pub question: Title,
    pub mode: VoteMode,
    pub majority: Majority,
    /// The options of a vote that chooses among several; absent for a yes/no vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<Choices>,
}

/// A member's ballot in a vote among options, recorded by name: option numbers (from 0), most preferred first.
/// An empty ballot abstains.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteRanked {
    pub by: MemberId,
    pub assembly: u32,
    pub vote: u32,
    pub ranking: Vec<u8>,
}

/// A vote by show of hands, recorded by name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteCast {
    pub by: MemberId,
    pub assembly: u32,
    pub vote: u32,
    pub choice: VoteChoice,
}

/// Counts entered by the tellers for an anonymous count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteCounted {
    pub by: MemberId,
    pub assembly: u32,
    pub vote: u32,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteClosed {
    pub by: MemberId,
    pub assembly: u32,
    pub vote: u32,
}

/// The secretary's note in the minutes, after the record of the meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinutesAnnotated {
    pub by: MemberId,
    pub assembly: u32,
    pub text: LongText,
}

event_kinds! {
    /// Every kind of event about meetings.
    pub enum AssemblyEvent by {
        Convened(Convened) = "assembly.convened",
        Opened(AssemblyAct) = "assembly.opened",
        Closed(AssemblyAct) = "assembly.closed",
        CheckedIn(Attendance) = "attendance.checked_in",
        CheckedOut(Attendance) = "attendance.checked_out",
        ItemAdded(ItemAdded) = "agenda.item_added",
        ItemTaken(ItemTaken) = "agenda.item_taken",
        MotionSubmitted(MotionSubmitted) = "motion.submitted",
        MotionSeconded(Seconded) = "motion.seconded",
        MotionAdmitted(MotionStep) = "motion.admitted",
        MotionDebated(MotionStep) = "motion.debated",
        MotionWithdrawn(MotionStep) = "motion.withdrawn",
        MotionReferred(MotionStep) = "motion.referred",
        AmendmentSubmitted(AmendmentSubmitted) = "amendment.submitted",
        AmendmentSeconded(AmendmentStep) = "amendment.seconded",
        AmendmentWithdrawn(AmendmentStep) = "amendment.withdrawn",
        SpeakerRequested(SpeakerRequested) = "speaker.requested",
        SpeakerWithdrawn(SpeakerWithdrawn) = "speaker.withdrawn",
        SpeakerMoved(SpeakerMoved) = "speaker.moved",
        FloorGiven(FloorAct) = "speaker.floor_given",
        SpeechEnded(FloorAct) = "speaker.speech_ended",
        VoteOpened(VoteOpened) = "vote.opened",
        VoteCast(VoteCast) = "vote.cast",
        VoteRanked(VoteRanked) = "vote.ranked",
        VoteCounted(VoteCounted) = "vote.counted",
        VoteClosed(VoteClosed) = "vote.closed",
        MinutesAnnotated(MinutesAnnotated) = "minutes.annotated",
    }
}

impl AssemblyEvent {
    /// The assembly the event is about; `None` for convening, which makes a new one.
    pub fn assembly(&self) -> Option<u32> {
        use AssemblyEvent as E;
        Some(match self {
            E::Convened(_) => return None,
            E::Opened(p) | E::Closed(p) => p.assembly,
            E::CheckedIn(p) | E::CheckedOut(p) => p.assembly,
            E::ItemAdded(p) => p.assembly,
            E::ItemTaken(p) => p.assembly,
            E::MotionSubmitted(p) => p.assembly,
            E::MotionSeconded(p) => p.assembly,
            E::MotionAdmitted(p) | E::MotionDebated(p) | E::MotionWithdrawn(p) | E::MotionReferred(p) => p.assembly,
            E::AmendmentSubmitted(p) => p.assembly,
            E::AmendmentSeconded(p) | E::AmendmentWithdrawn(p) => p.assembly,
            E::SpeakerRequested(p) => p.assembly,
            E::SpeakerWithdrawn(p) => p.assembly,
            E::SpeakerMoved(p) => p.assembly,
            E::FloorGiven(p) | E::SpeechEnded(p) => p.assembly,
            E::VoteOpened(p) => p.assembly,
            E::VoteCast(p) => p.assembly,
            E::VoteRanked(p) => p.assembly,
            E::VoteCounted(p) => p.assembly,
            E::VoteClosed(p) => p.assembly,
            E::MinutesAnnotated(p) => p.assembly,
        })
    }
}
