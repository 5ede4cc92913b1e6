//! Offices held for a term: chair, secretary, treasurer or any other office a council names, held by a member until
//! a date. The record says who was given which office until when, and when a term ended early; the council's page
//! shows who holds what until when, and which terms end soon. (A role, `member.role_changed`, is what a member may do
//! in kenes; an office is what the council entrusted to them, for how long. Delegates' terms are their mandates'.)

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::assembly::model::Title;
use crate::event_kinds::event_kinds;
use crate::model::MemberId;
use crate::state::Council;

/// Why an office step is refused. Nothing was written.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum OfficeRefused {
    #[error("the term must end after it begins")]
    EndsBeforeItBegins,
    #[error("there is no office term {0}")]
    NoTerm(u32),
    #[error("office term {0} has ended")]
    Ended(u32),
}

/// A member is given an office until a moment (milliseconds since 1970).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermGiven {
    pub by: MemberId,
    pub member: MemberId,
    pub office: Title,
    pub until_ms: i64,
}

/// A term ends before its date (resignation, or the council's decision).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermEnded {
    pub by: MemberId,
    pub term: u32,
}

event_kinds! {
    /// Every kind of event about offices.
    pub enum OfficeEvent by {
        TermGiven(TermGiven) = "office.term_given",
        TermEnded(TermEnded) = "office.term_ended",
    }
}

/// An office term as the record tells it, numbered from 1 in the order given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub number: u32,
    pub member: MemberId,
    pub office: Title,
    pub since_ms: i64,
    pub until_ms: i64,
    /// When it ended early, if it did.
    pub ended_ms: Option<i64>,
}

impl Term {
    /// Whether the term is running at `now_ms`.
    pub fn holds_at(&self, now_ms: i64) -> bool {
        self.ended_ms.is_none() && self.since_ms <= now_ms && now_ms < self.until_ms
    }
}

impl Council {
    /// Every office term given, in order.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Who presides gives a term to an active member, ending after the record's last event.
    pub(crate) fn check_office(&self, event: &OfficeEvent) -> Result<(), crate::Rejected> {
        match event {
            OfficeEvent::TermGiven(given) => {
                self.manager(given.by)?;
                self.member(given.member).filter(|m| m.active).ok_or(crate::Rejected::NotAMember(given.member))?;
                if given.until_ms <= self.chain().head_timestamp_ms {
                    return Err(OfficeRefused::EndsBeforeItBegins.into());
                }
                Ok(())
            }
            OfficeEvent::TermEnded(ended) => {
                let term = ended
                    .term
                    .checked_sub(1)
                    .and_then(|i| self.terms.get(i as usize))
                    .ok_or(OfficeRefused::NoTerm(ended.term))?;
                if term.ended_ms.is_some() {
                    return Err(OfficeRefused::Ended(ended.term).into());
                }
                // The holder resigns, or who presides ends it.
                if ended.by != term.member {
                    self.manager(ended.by)?;
                }
                Ok(())
            }
        }
    }

    pub(crate) fn apply_office(&mut self, event: OfficeEvent, at_ms: i64) {
        match event {
            OfficeEvent::TermGiven(given) => {
                let number = self.terms.len() as u32 + 1;
                self.terms.push(Term {
                    number,
                    member: given.member,
                    office: given.office,
                    since_ms: at_ms,
                    until_ms: given.until_ms,
                    ended_ms: None,
                });
            }
            OfficeEvent::TermEnded(ended) => {
                if let Some(term) = ended.term.checked_sub(1).and_then(|i| self.terms.get_mut(i as usize)) {
                    term.ended_ms = Some(at_ms);
                }
            }
        }
    }
}
