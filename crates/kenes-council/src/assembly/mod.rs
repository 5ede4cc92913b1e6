//! Meetings of a council: attendance, a nested agenda, motions and amendments with their workflow, the speakers'
//! list, votes by show of hands or by tellers, and the secretary's notes for the minutes.
//!
//! An assembly is part of its council's state and, like the rest of it, a fold over the council's record: `check`
//! decides whether an event is allowed by the state before it, `apply` changes the state. Who presides: the council's
//! chairs and secretaries. Who takes part (moves, seconds, speaks, votes): members who are not observers.
//!
//! Each concern has its own file, where the rule that decides whether an event is allowed (`check_…`) sits beside the
//! change the event makes (`apply_…`), so the two cannot drift apart unseen: `convening.rs` (convene, open, close),
//! `attendance.rs` (check-in and check-out, quorum), `agenda.rs`, `motions.rs`, `amendments.rs`, `speakers.rs`,
//! `votes.rs` and `minutes.rs`. This file holds `Assembly` and the two dispatchers the council's `check` and `apply`
//! call, `check_assembly` and `apply_assembly`.

pub mod events;
pub mod model;

mod agenda;
mod amendments;
mod attendance;
mod convening;
mod minutes;
mod motions;
mod refused;
mod speakers;
mod votes;

use std::collections::{BTreeMap, BTreeSet};

pub use self::agenda::{AgendaItem, MAX_AGENDA_DEPTH, MAX_AGENDA_ITEMS};
pub use self::amendments::{Amendment, MAX_AMENDMENTS};
pub use self::attendance::{AttendanceChange, present_voting, quorum, voting_members};
pub use self::minutes::Note;
pub use self::motions::{MAX_MOTIONS, Motion, MotionStatus};
pub use self::refused::Refused;
pub use self::speakers::{Speakers, Speech, Waiting};
pub use self::votes::{Vote, VoteResult};

use self::events::AssemblyEvent;
use self::model::{Rules, Title};
use crate::model::{MemberId, Role};
use crate::state::Council;

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

/// What every rule about an existing assembly reads: the council, the assembly the event names, and who asked.
/// The lookups that refuse with the right `Refused` live beside their concern (`agenda.rs`, `motions.rs`, …).
struct Context<'a> {
    council: &'a Council,
    assembly: &'a Assembly,
    by: MemberId,
}

impl Context<'_> {
    fn presiding(&self) -> Result<(), crate::Rejected> {
        self.council.presiding(self.by)
    }

    fn participant(&self) -> Result<(), crate::Rejected> {
        self.council.participant(self.by)
    }

    fn open(&self) -> Result<(), Refused> {
        if self.assembly.status == Status::Open { Ok(()) } else { Err(Refused::NotOpen(self.assembly.id)) }
    }

    fn not_closed(&self) -> Result<(), Refused> {
        if self.assembly.status == Status::Closed { Err(Refused::Closed(self.assembly.id)) } else { Ok(()) }
    }
}

impl Council {
    pub(crate) fn presiding(&self, by: MemberId) -> Result<(), crate::Rejected> {
        let member = self.member(by).filter(|m| m.active).ok_or(crate::Rejected::NotAMember(by))?;
        if member.role.manages_members() { Ok(()) } else { Err(Refused::NotPresiding(by).into()) }
    }

    /// A member who takes part: active and not an observer.
    /// Who takes part (moves, seconds, speaks, votes): an active member who is not an observer; in a federation, a
    /// seated delegate.
    fn participant(&self, by: MemberId) -> Result<(), crate::Rejected> {
        let member = self.member(by).filter(|m| m.active).ok_or(crate::Rejected::NotAMember(by))?;
        if member.role == Role::Observer {
            return Err(Refused::Observer(by).into());
        }
        if !self.may_vote(by) {
            return Err(crate::federation::FederationRefused::NotSeated(by).into());
        }
        Ok(())
    }

    /// Whether a meeting event is allowed now.
    pub(crate) fn check_assembly(&self, event: &AssemblyEvent) -> Result<(), crate::Rejected> {
        use AssemblyEvent as E;
        let by = event.by();
        let Some(number) = event.assembly() else {
            let E::Convened(convened) = event else { return Ok(()) };
            return convening::check_convened(self, by, convened);
        };
        let assembly = self.assembly(number).ok_or(Refused::NoAssembly(number))?;
        let cx = Context { council: self, assembly, by };
        match event {
            E::Convened(_) => Ok(()),
            E::Opened(_) => convening::check_opened(&cx),
            E::Closed(_) => convening::check_closed(&cx),
            E::CheckedIn(change) => attendance::check_in(&cx, change),
            E::CheckedOut(change) => attendance::check_out(&cx, change),
            E::ItemAdded(added) => agenda::check_added(&cx, added),
            E::ItemTaken(taken) => agenda::check_taken(&cx, taken),
            E::MotionSubmitted(submitted) => motions::check_submitted(&cx, submitted),
            E::MotionSeconded(seconded) => motions::check_seconded(&cx, seconded),
            E::MotionAdmitted(step) => motions::check_admitted(&cx, step),
            E::MotionDebated(step) => motions::check_debated(&cx, step),
            E::MotionWithdrawn(step) => motions::check_withdrawn(&cx, step),
            E::MotionReferred(step) => motions::check_referred(&cx, step),
            E::AmendmentSubmitted(submitted) => amendments::check_submitted(&cx, submitted),
            E::AmendmentSeconded(step) => amendments::check_seconded(&cx, step),
            E::AmendmentWithdrawn(step) => amendments::check_withdrawn(&cx, step),
            E::SpeakerRequested(request) => speakers::check_requested(&cx, request),
            E::SpeakerWithdrawn(withdrawn) => speakers::check_withdrawn(&cx, withdrawn),
            E::SpeakerMoved(moved) => speakers::check_moved(&cx, moved),
            E::FloorGiven(floor) => speakers::check_floor_given(&cx, floor),
            E::SpeechEnded(floor) => speakers::check_speech_ended(&cx, floor),
            E::VoteOpened(opened) => votes::check_opened(&cx, opened),
            E::VoteCast(cast) => votes::check_cast(&cx, cast),
            E::VoteRanked(ranked) => votes::check_ranked(&cx, ranked),
            E::VoteCounted(counted) => votes::check_counted(&cx, counted),
            E::VoteClosed(closed) => votes::check_closed(&cx, closed),
            E::MinutesAnnotated(note) => minutes::check_annotated(&cx, note),
        }
    }

    /// Applies a meeting event that `check_assembly` allowed.
    pub(crate) fn apply_assembly(&mut self, event: AssemblyEvent, height: u64, at_ms: i64) {
        use AssemblyEvent as E;
        let Some(number) = event.assembly() else {
            if let E::Convened(convened) = event {
                convening::apply_convened(self, convened, height);
            }
            return;
        };
        // A vote remembers who could vote when it opened and closed; counting them reads the council's members, so it
        // is done before the assembly is borrowed to change, and only for the events that need it.
        let turnout = match &event {
            E::VoteOpened(_) | E::VoteClosed(_) => votes::Turnout::of(self, self.assembly(number)),
            _ => votes::Turnout::default(),
        };
        // A ballot counts with the weight its member's vote has as it is cast (a federation seat's, else one).
        let weight = match &event {
            E::VoteCast(_) | E::VoteRanked(_) => self.vote_weight(event.by()),
            _ => 1,
        };
        let Some(assembly) = number.checked_sub(1).and_then(|i| self.assemblies.get_mut(i as usize)) else {
            return;
        };
        assembly.last_height = height;
        match event {
            E::Convened(_) => {}
            E::Opened(_) => convening::apply_opened(assembly, at_ms),
            E::Closed(_) => convening::apply_closed(assembly, at_ms),
            E::CheckedIn(change) => attendance::apply_in(assembly, change, at_ms),
            E::CheckedOut(change) => attendance::apply_out(assembly, change, at_ms),
            E::ItemAdded(added) => agenda::apply_added(assembly, added),
            E::ItemTaken(taken) => agenda::apply_taken(assembly, taken, at_ms),
            E::MotionSubmitted(submitted) => motions::apply_submitted(assembly, submitted, height),
            E::MotionSeconded(seconded) => motions::apply_seconded(assembly, seconded),
            E::MotionAdmitted(step) => motions::set_status(assembly, step.motion, MotionStatus::Admitted),
            E::MotionDebated(step) => motions::set_status(assembly, step.motion, MotionStatus::Debated),
            E::MotionWithdrawn(step) => motions::apply_ended(assembly, step, MotionStatus::Withdrawn),
            E::MotionReferred(step) => motions::apply_ended(assembly, step, MotionStatus::Referred),
            E::AmendmentSubmitted(submitted) => amendments::apply_submitted(assembly, submitted),
            E::AmendmentSeconded(step) => amendments::apply_seconded(assembly, step),
            E::AmendmentWithdrawn(step) => amendments::apply_withdrawn(assembly, step),
            E::SpeakerRequested(request) => speakers::apply_requested(assembly, request),
            E::SpeakerWithdrawn(withdrawn) => speakers::apply_withdrawn(assembly, withdrawn),
            E::SpeakerMoved(moved) => speakers::apply_moved(assembly, moved),
            E::FloorGiven(floor) => speakers::apply_floor_given(assembly, floor, at_ms),
            E::SpeechEnded(floor) => speakers::end_speech(assembly, floor.item, at_ms),
            E::VoteOpened(opened) => votes::apply_opened(assembly, opened, turnout, at_ms),
            E::VoteCast(cast) => votes::apply_cast(assembly, cast, weight, at_ms),
            E::VoteRanked(ranked) => votes::apply_ranked(assembly, ranked, weight, at_ms),
            E::VoteCounted(counted) => votes::apply_counted(assembly, counted),
            E::VoteClosed(closed) => votes::apply_closed(assembly, closed, turnout, height, at_ms),
            E::MinutesAnnotated(note) => minutes::apply_annotated(assembly, note, at_ms),
        }
    }
}
