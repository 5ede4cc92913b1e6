//! Motions and their workflow: submitted, seconded, admitted by who presides once seconded enough, debated under the
//! current agenda item, then put to a vote (`votes.rs`), withdrawn by the mover, or referred elsewhere.

use std::collections::BTreeSet;

use super::amendments::withdraw_amendments_of;
use super::events::{MotionStep, MotionSubmitted, Seconded};
use super::model::{LongText, Title};
use super::{Assembly, Context, Refused};
use crate::model::MemberId;

/// The most motions one assembly holds, withdrawn and decided ones included: more than any congress moves, and a bound
/// on what every page of the meeting lists, since any member who takes part may move one.
pub const MAX_MOTIONS: usize = 1000;

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

/// The statuses `MotionStatus::is_pending` accepts, for the rules that name them in a refusal.
pub(super) const PENDING: &[MotionStatus] = &[MotionStatus::Submitted, MotionStatus::Admitted, MotionStatus::Debated];

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
    /// Where a motion brought to a federation came from (see `MotionSubmitted::origin`).
    pub origin: Option<crate::federation::Citation>,
}

impl Assembly {
    pub fn motion(&self, id: u32) -> Option<&Motion> {
        id.checked_sub(1).and_then(|i| self.motions.get(i as usize))
    }

    pub fn motions_of(&self, item: u32) -> impl Iterator<Item = &Motion> {
        self.motions.iter().filter(move |motion| motion.item == item)
    }
}

impl<'a> Context<'a> {
    pub(super) fn motion(&self, id: u32) -> Result<&'a Motion, Refused> {
        self.assembly.motion(id).ok_or(Refused::NoMotion(id))
    }
}

/// Refuses unless the motion is in one of the `allowed` statuses; `needed` says which, in the refusal.
pub(super) fn motion_in(motion: &Motion, allowed: &[MotionStatus], needed: &'static str) -> Result<(), Refused> {
    if allowed.contains(&motion.status) {
        Ok(())
    } else {
        Err(Refused::MotionState { motion: motion.id, status: motion.status.as_str(), needed })
    }
}

pub(super) fn motion_mut(assembly: &mut Assembly, id: u32) -> Option<&mut Motion> {
    id.checked_sub(1).and_then(|i| assembly.motions.get_mut(i as usize))
}

pub(super) fn set_status(assembly: &mut Assembly, id: u32, status: MotionStatus) {
    if let Some(motion) = motion_mut(assembly, id) {
        motion.status = status;
    }
}

/// A member who takes part moves a motion under an agenda item, as an alternative only to one under the same item.
pub(super) fn check_submitted(cx: &Context, submitted: &MotionSubmitted) -> Result<(), crate::Rejected> {
    cx.participant()?;
    cx.not_closed()?;
    cx.item(submitted.item)?;
    if submitted.text.is_empty() {
        return Err(crate::Rejected::Invalid(crate::error::Invalid::Empty("motion text")));
    }
    if cx.assembly.motions.len() >= MAX_MOTIONS {
        return Err(Refused::TooManyMotions(MAX_MOTIONS).into());
    }
    if let Some(other) = submitted.alternative_to {
        let other = cx.motion(other)?;
        if other.item != submitted.item {
            return Err(Refused::BadAlternative.into());
        }
    }
    if let Some(origin) = &submitted.origin {
        cx.council.check_origin(cx.by, origin)?;
    }
    Ok(())
}

/// The motion is numbered after the ones before it; its text is both the original and the current one.
pub(super) fn apply_submitted(assembly: &mut Assembly, submitted: MotionSubmitted, height: u64) {
    let id = assembly.motions.len() as u32 + 1;
    assembly.motions.push(Motion {
        id,
        item: submitted.item,
        title: submitted.title,
        mover: submitted.by,
        original: submitted.text.clone(),
        text: submitted.text,
        version: 0,
        seconders: BTreeSet::new(),
        status: MotionStatus::Submitted,
        alternative_to: submitted.alternative_to,
        submitted_height: height,
        origin: submitted.origin,
    });
}

/// Anyone who takes part but the mover seconds a pending motion, once.
pub(super) fn check_seconded(cx: &Context, seconded: &Seconded) -> Result<(), crate::Rejected> {
    cx.participant()?;
    cx.not_closed()?;
    let motion = cx.motion(seconded.motion)?;
    motion_in(motion, PENDING, "pending")?;
    if motion.mover == cx.by {
        return Err(Refused::OwnMotion.into());
    }
    if motion.seconders.contains(&cx.by) {
        return Err(Refused::AlreadySeconded(cx.by).into());
    }
    Ok(())
}

pub(super) fn apply_seconded(assembly: &mut Assembly, seconded: Seconded) {
    if let Some(motion) = motion_mut(assembly, seconded.motion) {
        motion.seconders.insert(seconded.by);
    }
}

/// Who presides admits a submitted motion once it has as many seconders as the rules ask.
pub(super) fn check_admitted(cx: &Context, step: &MotionStep) -> Result<(), crate::Rejected> {
    cx.presiding()?;
    cx.not_closed()?;
    let motion = cx.motion(step.motion)?;
    motion_in(motion, &[MotionStatus::Submitted], "submitted")?;
    let needed = cx.assembly.rules.seconders;
    if motion.seconders.len() < usize::from(needed) {
        return Err(Refused::NotSeconded { needed, have: motion.seconders.len() }.into());
    }
    Ok(())
}

/// Debate opens on an admitted motion while its agenda item is the one under discussion.
pub(super) fn check_debated(cx: &Context, step: &MotionStep) -> Result<(), crate::Rejected> {
    cx.presiding()?;
    cx.open()?;
    let motion = cx.motion(step.motion)?;
    motion_in(motion, &[MotionStatus::Admitted], "admitted")?;
    cx.current(motion.item)?;
    Ok(())
}

/// Only the mover withdraws, and only while the motion is pending.
pub(super) fn check_withdrawn(cx: &Context, step: &MotionStep) -> Result<(), crate::Rejected> {
    let motion = cx.motion(step.motion)?;
    if motion.mover != cx.by {
        return Err(Refused::NotMover(motion.mover).into());
    }
    cx.not_closed()?;
    motion_in(motion, PENDING, "pending")?;
    Ok(())
}

/// Who presides refers a pending motion elsewhere while the meeting is open.
pub(super) fn check_referred(cx: &Context, step: &MotionStep) -> Result<(), crate::Rejected> {
    cx.presiding()?;
    cx.open()?;
    let motion = cx.motion(step.motion)?;
    motion_in(motion, PENDING, "pending")?;
    Ok(())
}

/// A motion withdrawn or referred takes its undecided amendments with it: nothing is left to amend.
pub(super) fn apply_ended(assembly: &mut Assembly, step: MotionStep, status: MotionStatus) {
    set_status(assembly, step.motion, status);
    withdraw_amendments_of(assembly, step.motion);
}
