//! Convening, opening and closing an assembly.

use std::collections::{BTreeMap, BTreeSet};

use super::events::Convened;
use super::speakers::end_speech;
use super::{Assembly, Context, Refused, Status};
use crate::model::MemberId;
use crate::state::Council;

/// Who presides convenes, with rules that make sense.
pub(super) fn check_convened(council: &Council, by: MemberId, convened: &Convened) -> Result<(), crate::Rejected> {
    council.presiding(by)?;
    convened.rules.check().map_err(Refused::BadRules)?;
    Ok(())
}

/// A new assembly, numbered after the ones before it, planned until it opens.
pub(super) fn apply_convened(council: &mut Council, convened: Convened, height: u64) {
    let id = council.assemblies.len() as u32 + 1;
    council.assemblies.push(Assembly {
        id,
        title: convened.title,
        place: convened.place,
        starts: convened.starts,
        rules: convened.rules,
        convened_by: convened.by,
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
}

/// An assembly opens once, from planned.
pub(super) fn check_opened(cx: &Context) -> Result<(), crate::Rejected> {
    cx.presiding()?;
    match cx.assembly.status {
        Status::Planned => Ok(()),
        Status::Open => Err(Refused::AlreadyOpen(cx.assembly.id).into()),
        Status::Closed => Err(Refused::Closed(cx.assembly.id).into()),
    }
}

pub(super) fn apply_opened(assembly: &mut Assembly, at_ms: i64) {
    assembly.status = Status::Open;
    assembly.opened_ms = Some(at_ms);
}

/// An open assembly closes, but not in the middle of a vote. A planned one that never opened may be closed too: it
/// is cancelled (a meeting convened twice by mistake, or called off), and stays in the record as convened and closed.
pub(super) fn check_closed(cx: &Context) -> Result<(), crate::Rejected> {
    cx.presiding()?;
    if cx.assembly.status == Status::Planned {
        return Ok(());
    }
    cx.open()?;
    if let Some(vote) = cx.assembly.open_vote() {
        return Err(Refused::VoteOpen(vote.id).into());
    }
    Ok(())
}

/// Closing ends the speech under way, so the minutes say when it ended.
pub(super) fn apply_closed(assembly: &mut Assembly, at_ms: i64) {
    assembly.status = Status::Closed;
    assembly.closed_ms = Some(at_ms);
    if let Some(item) = assembly.current_item {
        end_speech(assembly, item, at_ms);
    }
}
