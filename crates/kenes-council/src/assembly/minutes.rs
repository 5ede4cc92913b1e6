//! The secretary's notes, kept in the minutes after the record of the meeting.

use super::events::MinutesAnnotated;
use super::model::LongText;
use super::{Assembly, Context};
use crate::model::MemberId;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub by: MemberId,
    pub text: LongText,
    pub at_ms: i64,
}

/// Who presides writes the notes, at any time, closed assemblies included (minutes are often finished afterwards).
pub(super) fn check_annotated(cx: &Context, note: &MinutesAnnotated) -> Result<(), crate::Rejected> {
    cx.presiding()?;
    if note.text.is_empty() {
        return Err(crate::Rejected::Invalid(crate::error::Invalid::Empty("note")));
    }
    Ok(())
}

pub(super) fn apply_annotated(assembly: &mut Assembly, note: MinutesAnnotated, at_ms: i64) {
    assembly.notes.push(Note { by: note.by, text: note.text, at_ms });
}
