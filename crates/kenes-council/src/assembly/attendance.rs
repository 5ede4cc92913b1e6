//! Who is present: members check in and out (themselves, or the secretary for them), and quorum counts those present
//! who may vote.

use super::events::Attendance;
use super::{Assembly, Context, Refused};
use crate::model::MemberId;
use crate::state::Council;

/// One record of who came and went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttendanceChange {
    pub member: MemberId,
    pub present: bool,
    pub by: MemberId,
    pub at_ms: i64,
}

/// Members who may vote (active, not observers), each counted with the weight of their vote: one, or in a federation
/// their seat's weight, so quorum and majorities weigh delegates as their seats do.
pub fn voting_members(council: &Council) -> usize {
    let total: u64 = council.active_members().map(|m| council.vote_weight(m.id)).sum();
    usize::try_from(total).unwrap_or(usize::MAX)
}

/// Present members who may vote, weighed the same way.
pub fn present_voting(council: &Council, assembly: &Assembly) -> usize {
    let total: u64 = assembly.present.iter().map(|id| council.vote_weight(*id)).sum();
    usize::try_from(total).unwrap_or(usize::MAX)
}

/// Whether enough members are present for a vote to open, and how many are needed.
pub fn quorum(council: &Council, assembly: &Assembly) -> (bool, usize, usize) {
    let needed = assembly.rules.quorum_of(voting_members(council));
    let present = present_voting(council, assembly);
    (present >= needed, present, needed)
}

/// The rule for both directions: anyone for themselves, who presides for others, active members only, until the
/// assembly closes. Returns whether the member is present now.
fn check_change(cx: &Context, change: &Attendance) -> Result<bool, crate::Rejected> {
    if change.by != change.member {
        cx.presiding()?;
    }
    cx.council.member(change.member).filter(|m| m.active).ok_or(crate::Rejected::NotAMember(change.member))?;
    cx.council.member(cx.by).filter(|m| m.active).ok_or(crate::Rejected::NotAMember(cx.by))?;
    cx.not_closed()?;
    Ok(cx.assembly.present.contains(&change.member))
}

pub(super) fn check_in(cx: &Context, change: &Attendance) -> Result<(), crate::Rejected> {
    if check_change(cx, change)? {
        return Err(Refused::AlreadyCheckedIn(change.member).into());
    }
    Ok(())
}

pub(super) fn check_out(cx: &Context, change: &Attendance) -> Result<(), crate::Rejected> {
    if !check_change(cx, change)? {
        return Err(Refused::NotCheckedIn(change.member).into());
    }
    Ok(())
}

pub(super) fn apply_in(assembly: &mut Assembly, change: Attendance, at_ms: i64) {
    assembly.present.insert(change.member);
    assembly.attendance.push(AttendanceChange { member: change.member, present: true, by: change.by, at_ms });
}

/// A member who leaves also leaves every speakers' list they were waiting on.
pub(super) fn apply_out(assembly: &mut Assembly, change: Attendance, at_ms: i64) {
    assembly.present.remove(&change.member);
    assembly.attendance.push(AttendanceChange { member: change.member, present: false, by: change.by, at_ms });
    for list in assembly.speakers.values_mut() {
        list.waiting.retain(|w| w.member != change.member);
    }
}
