//! Amendments: a replacement for a range of a motion's lines, written against one version of its text, seconded, and
//! written into the motion when its vote adopts it (`votes.rs` decides, `adopt` writes).

use std::collections::BTreeSet;

use super::events::{AmendmentStep, AmendmentSubmitted};
use super::model::LongText;
use super::motions::{MotionStatus, PENDING, motion_in, motion_mut};
use super::{Assembly, Context, Refused};
use crate::model::MemberId;

/// The most amendments one assembly holds, over all its motions: a bound on what every page of the meeting lists, since
/// any member who takes part may submit one.
pub const MAX_AMENDMENTS: usize = 1000;

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

impl Assembly {
    pub fn amendment(&self, id: u32) -> Option<&Amendment> {
        id.checked_sub(1).and_then(|i| self.amendments.get(i as usize))
    }

    pub fn amendments_of(&self, motion: u32) -> impl Iterator<Item = &Amendment> {
        self.amendments.iter().filter(move |amendment| amendment.motion == motion)
    }
}

impl<'a> Context<'a> {
    pub(super) fn amendment(&self, id: u32) -> Result<&'a Amendment, Refused> {
        self.assembly.amendment(id).ok_or(Refused::NoAmendment(id))
    }
}

/// The refusal for an amendment that is not in the status `needed` names.
pub(super) fn amendment_state(amendment: &Amendment, needed: &'static str) -> Refused {
    Refused::AmendmentState { amendment: amendment.id, status: amendment.status.as_str(), needed }
}

pub(super) fn amendment_mut(assembly: &mut Assembly, id: u32) -> Option<&mut Amendment> {
    id.checked_sub(1).and_then(|i| assembly.amendments.get_mut(i as usize))
}

/// Undecided amendments of a motion that leaves the meeting are withdrawn with it.
pub(super) fn withdraw_amendments_of(assembly: &mut Assembly, motion: u32) {
    for a in assembly.amendments.iter_mut().filter(|a| a.motion == motion && a.status == MotionStatus::Submitted) {
        a.status = MotionStatus::Withdrawn;
    }
}

/// Writes an adopted amendment into its motion's text and moves the motion to its next version.
pub(super) fn adopt(assembly: &mut Assembly, amendment: &Amendment) {
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

/// A member who takes part amends a pending motion, naming lines that exist in the version they read.
pub(super) fn check_submitted(cx: &Context, submitted: &AmendmentSubmitted) -> Result<(), crate::Rejected> {
    cx.participant()?;
    cx.not_closed()?;
    let motion = cx.motion(submitted.motion)?;
    motion_in(motion, PENDING, "pending")?;
    if cx.assembly.amendments.len() >= MAX_AMENDMENTS {
        return Err(Refused::TooManyAmendments(MAX_AMENDMENTS).into());
    }
    if submitted.version != motion.version {
        return Err(Refused::StaleAmendment { written: submitted.version, now: motion.version }.into());
    }
    let lines = motion.text.lines().len();
    let (from, to) = (submitted.from_line, submitted.to_line);
    // from = to + 1 inserts after line `to` without replacing any line.
    if from == 0 || from > to.saturating_add(1) || to as usize > lines {
        return Err(Refused::LineRange { from, to, lines }.into());
    }
    Ok(())
}

/// The amendment keeps the lines it replaces as they stood, so the minutes can show what it changed.
pub(super) fn apply_submitted(assembly: &mut Assembly, submitted: AmendmentSubmitted) {
    let id = assembly.amendments.len() as u32 + 1;
    let replaced = assembly
        .motion(submitted.motion)
        .map(|m| {
            let lines = m.text.lines();
            let from = submitted.from_line as usize - 1;
            let to = (submitted.to_line as usize).max(from);
            lines.get(from..to).unwrap_or_default().iter().map(|l| (*l).to_owned()).collect()
        })
        .unwrap_or_default();
    assembly.amendments.push(Amendment {
        id,
        motion: submitted.motion,
        mover: submitted.by,
        from_line: submitted.from_line,
        to_line: submitted.to_line,
        version: submitted.version,
        replaced,
        text: submitted.text,
        seconders: BTreeSet::new(),
        status: MotionStatus::Submitted,
    });
}

/// Anyone who takes part but the mover seconds a submitted amendment, once.
pub(super) fn check_seconded(cx: &Context, step: &AmendmentStep) -> Result<(), crate::Rejected> {
    cx.participant()?;
    cx.not_closed()?;
    let amendment = cx.amendment(step.amendment)?;
    if amendment.status != MotionStatus::Submitted {
        return Err(amendment_state(amendment, "submitted").into());
    }
    if amendment.mover == cx.by {
        return Err(Refused::OwnMotion.into());
    }
    if amendment.seconders.contains(&cx.by) {
        return Err(Refused::AlreadySeconded(cx.by).into());
    }
    Ok(())
}

pub(super) fn apply_seconded(assembly: &mut Assembly, step: AmendmentStep) {
    if let Some(amendment) = amendment_mut(assembly, step.amendment) {
        amendment.seconders.insert(step.by);
    }
}

/// Only the mover withdraws, and only before it is put to a vote.
pub(super) fn check_withdrawn(cx: &Context, step: &AmendmentStep) -> Result<(), crate::Rejected> {
    let amendment = cx.amendment(step.amendment)?;
    if amendment.mover != cx.by {
        return Err(Refused::NotMover(amendment.mover).into());
    }
    if amendment.status != MotionStatus::Submitted {
        return Err(amendment_state(amendment, "submitted").into());
    }
    Ok(())
}

pub(super) fn apply_withdrawn(assembly: &mut Assembly, step: AmendmentStep) {
    if let Some(amendment) = amendment_mut(assembly, step.amendment) {
        amendment.status = MotionStatus::Withdrawn;
    }
}
