//! The speakers' list of each agenda item: members ask for the floor, points of order go first, and the chair gives
//! the floor in turn (for and against alternately when the rules say so) and ends each speech.

use super::events::{FloorAct, SpeakerMoved, SpeakerRequested, SpeakerWithdrawn};
use super::model::SpeechKind;
use super::{Assembly, Context, Refused};
use crate::model::MemberId;

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

impl Speakers {
    fn is_waiting(&self, member: MemberId) -> bool {
        self.waiting.iter().any(|w| w.member == member)
    }
}

impl Assembly {
    pub fn speakers(&self, item: u32) -> Option<&Speakers> {
        self.speakers.get(&item)
    }
}

/// Ends the speech under way on `item`, if any, and keeps it among those spoken.
pub(super) fn end_speech(assembly: &mut Assembly, item: u32, at_ms: i64) {
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

/// A present member who takes part asks for the floor on the item under discussion (or who presides asks for them),
/// once at a time.
pub(super) fn check_requested(cx: &Context, request: &SpeakerRequested) -> Result<(), crate::Rejected> {
    if request.member != cx.by {
        cx.presiding()?;
    }
    cx.council.participant(request.member)?;
    cx.open()?;
    cx.current(request.item)?;
    if !cx.assembly.present.contains(&request.member) {
        return Err(Refused::NotCheckedIn(request.member).into());
    }
    if cx.assembly.speakers(request.item).is_some_and(|list| list.is_waiting(request.member)) {
        return Err(Refused::AlreadyWaiting(request.member).into());
    }
    Ok(())
}

/// Points of order wait ahead of every ordinary speech; the rest wait in the order they asked.
pub(super) fn apply_requested(assembly: &mut Assembly, request: SpeakerRequested) {
    let list = assembly.speakers.entry(request.item).or_default();
    let waiting = Waiting { member: request.member, kind: request.kind };
    if request.kind == SpeechKind::PointOfOrder {
        // After the points of order already waiting, before every ordinary speech.
        let at = list.waiting.iter().take_while(|w| w.kind == SpeechKind::PointOfOrder).count();
        list.waiting.insert(at, waiting);
    } else {
        list.waiting.push(waiting);
    }
}

/// A waiting member leaves the list, or who presides takes them off it.
pub(super) fn check_withdrawn(cx: &Context, withdrawn: &SpeakerWithdrawn) -> Result<(), crate::Rejected> {
    if withdrawn.member != cx.by {
        cx.presiding()?;
    }
    cx.item(withdrawn.item)?;
    if !cx.assembly.speakers(withdrawn.item).is_some_and(|list| list.is_waiting(withdrawn.member)) {
        return Err(Refused::NotWaiting(withdrawn.member).into());
    }
    Ok(())
}

pub(super) fn apply_withdrawn(assembly: &mut Assembly, withdrawn: SpeakerWithdrawn) {
    if let Some(list) = assembly.speakers.get_mut(&withdrawn.item) {
        list.waiting.retain(|x| x.member != withdrawn.member);
    }
}

/// Who presides reorders the members waiting while the meeting is open.
pub(super) fn check_moved(cx: &Context, moved: &SpeakerMoved) -> Result<(), crate::Rejected> {
    cx.presiding()?;
    cx.open()?;
    cx.item(moved.item)?;
    if !cx.assembly.speakers(moved.item).is_some_and(|list| list.is_waiting(moved.member)) {
        return Err(Refused::NotWaiting(moved.member).into());
    }
    Ok(())
}

/// A position past the end of the list puts the member last.
pub(super) fn apply_moved(assembly: &mut Assembly, moved: SpeakerMoved) {
    if let Some(list) = assembly.speakers.get_mut(&moved.item) {
        if let Some(from) = list.waiting.iter().position(|x| x.member == moved.member) {
            let entry = list.waiting.remove(from);
            let to = (moved.position as usize).min(list.waiting.len());
            list.waiting.insert(to, entry);
        }
    }
}

/// Who presides gives the floor on the item under discussion when someone is waiting.
pub(super) fn check_floor_given(cx: &Context, floor: &FloorAct) -> Result<(), crate::Rejected> {
    cx.presiding()?;
    cx.open()?;
    cx.current(floor.item)?;
    if cx.assembly.speakers(floor.item).is_none_or(|list| list.waiting.is_empty()) {
        return Err(Refused::NobodyWaiting.into());
    }
    Ok(())
}

/// Giving the floor ends the speech under way and hands it to whoever `next_speaker` picks.
pub(super) fn apply_floor_given(assembly: &mut Assembly, floor: FloorAct, at_ms: i64) {
    end_speech(assembly, floor.item, at_ms);
    let alternate = assembly.rules.alternate;
    let list = assembly.speakers.entry(floor.item).or_default();
    if let Some(index) = next_speaker(list, alternate) {
        let next = list.waiting.remove(index);
        list.current = Some(Speech { member: next.member, kind: next.kind, since_ms: at_ms, ended_ms: None });
    }
}

/// Who presides ends a speech under way; the item need not be the current one, so a speech left running can be ended.
pub(super) fn check_speech_ended(cx: &Context, floor: &FloorAct) -> Result<(), crate::Rejected> {
    cx.presiding()?;
    cx.item(floor.item)?;
    if cx.assembly.speakers(floor.item).is_none_or(|list| list.current.is_none()) {
        return Err(Refused::NobodySpeaking.into());
    }
    Ok(())
}
