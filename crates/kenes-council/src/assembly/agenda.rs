//! The nested agenda: items and sub-items, numbered as people read them, and the item under discussion.

use super::events::{ItemAdded, ItemTaken};
use super::model::Title;
use super::speakers::end_speech;
use super::{Assembly, Context, Refused};

/// How deep the agenda nests: 1, 1.1, 1.1.1.
pub const MAX_AGENDA_DEPTH: usize = 3;
/// The most items (sub-items included) one assembly's agenda holds: more than any congress needs, and a bound on
/// what every page of the meeting numbers and walks.
pub const MAX_AGENDA_ITEMS: usize = 1000;

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
}

impl<'a> Context<'a> {
    pub(super) fn item(&self, id: u32) -> Result<&'a AgendaItem, Refused> {
        self.assembly.item(id).ok_or(Refused::NoItem(id))
    }

    /// The item exists and is the one under discussion.
    pub(super) fn current(&self, id: u32) -> Result<(), Refused> {
        self.item(id)?;
        if self.assembly.current_item == Some(id) { Ok(()) } else { Err(Refused::NotCurrentItem(id)) }
    }
}

pub(super) fn check_added(cx: &Context, added: &ItemAdded) -> Result<(), crate::Rejected> {
    cx.presiding()?;
    cx.not_closed()?;
    if cx.assembly.agenda.len() >= MAX_AGENDA_ITEMS {
        return Err(Refused::TooManyItems(MAX_AGENDA_ITEMS).into());
    }
    if let Some(parent) = added.parent {
        if cx.item(parent)?.depth + 1 >= MAX_AGENDA_DEPTH {
            return Err(Refused::TooDeep(MAX_AGENDA_DEPTH).into());
        }
    }
    Ok(())
}

/// The new item is numbered after its siblings, under its parent's number.
pub(super) fn apply_added(assembly: &mut Assembly, added: ItemAdded) {
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

/// The chair moves on while the meeting is open, but not in the middle of a vote.
pub(super) fn check_taken(cx: &Context, taken: &ItemTaken) -> Result<(), crate::Rejected> {
    cx.presiding()?;
    cx.open()?;
    cx.item(taken.item)?;
    if cx.assembly.current_item == Some(taken.item) {
        return Err(Refused::AlreadyCurrent(taken.item).into());
    }
    if let Some(vote) = cx.assembly.open_vote() {
        return Err(Refused::VoteOpen(vote.id).into());
    }
    Ok(())
}

/// Moving on ends the speech under way on the item left.
pub(super) fn apply_taken(assembly: &mut Assembly, taken: ItemTaken, at_ms: i64) {
    if let Some(previous) = assembly.current_item {
        end_speech(assembly, previous, at_ms);
    }
    assembly.current_item = Some(taken.item);
    if let Some(item) = assembly.agenda.iter_mut().find(|i| i.id == taken.item) {
        item.taken_ms = Some(at_ms);
    }
}
