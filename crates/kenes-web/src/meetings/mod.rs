//! Meetings in the browser: the list of a council's assemblies, the meeting page that every member's phone follows
//! live, the chair's controls, the projector view, and the actions that become meeting events.
//!
//! Live updates: every change to a council bumps its height on a `watch` channel (`AppState::execute`). A page holds
//! one server-sent-events stream; on each change the stream sends the re-rendered live part of the meeting. That part
//! is the same for everyone who sees the page in one language and one view (presiding, member, projector), so it is
//! rendered once per council height and shared; what differs per person (checked in, voted, waiting to speak) is
//! marked with classes that `live.js` shows or hides from the lists the fragment carries. Without JavaScript the page
//! is rendered whole, for the person asking, and every form works by an ordinary POST and redirect.

pub(crate) mod actions;
pub mod api;
mod chair;
mod convene;
mod items;
mod live;
mod page;
mod projector;
mod scene;

pub use actions::*;
pub(crate) use chair::*;
pub use convene::*;
pub(crate) use items::*;
pub use live::*;
pub use page::*;
pub use projector::*;
pub use scene::*;
use std::collections::BTreeSet;

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use kenes_council::assembly::model::{SpeechKind, VoteChoice};
use kenes_council::assembly::{Assembly, MotionStatus, Status};
use kenes_council::{Council, MemberId};
use kenes_record::EventHash;

use crate::AppState;
use crate::error::WebError;
use crate::i18n::Lang;

pub const LIVE_JS: &str = include_str!("../live.js");

/// Who a live fragment is rendered for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    Presiding,
    Member,
    Projector,
}

impl View {
    pub(crate) fn parse(text: &str) -> View {
        match text {
            "presiding" => View::Presiding,
            "projector" => View::Projector,
            _ => View::Member,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            View::Presiding => "presiding",
            View::Member => "member",
            View::Projector => "projector",
        }
    }
}

pub(crate) fn parse_ids(id: &str, number: &str) -> Result<(EventHash, u32), WebError> {
    let council = EventHash::from_hex(id).map_err(|_| WebError::NotFound)?;
    let number = number.parse::<u32>().map_err(|_| WebError::NotFound)?;
    Ok((council, number))
}

pub(crate) fn base(council: &Council, assembly: u32) -> String {
    format!("/c/{}/a/{assembly}", council.id().to_hex())
}

/// A member's display name, or their number if the record has no such member.
pub(crate) fn name(council: &Council, member: MemberId) -> String {
    council.member(member).map_or_else(|| format!("#{member}"), |m| m.name.as_str().to_owned())
}

/// A meeting's status in words; one closed without ever opening was cancelled.
pub(crate) fn status_label(state: &AppState, lang: Lang, assembly: &kenes_council::assembly::Assembly) -> String {
    if assembly.status == Status::Closed && assembly.opened_ms.is_none() {
        return tr(state, lang, "mt-status-cancelled");
    }
    tr(state, lang, &format!("mt-status-{}", assembly.status.as_str()))
}

pub(crate) fn motion_status_label(state: &AppState, lang: Lang, status: MotionStatus) -> String {
    tr(state, lang, &format!("mt-motion-{}", status.as_str()))
}

pub(crate) fn tr(state: &AppState, lang: Lang, key: &str) -> String {
    state.i18n().tr(lang, key, &[])
}

pub(crate) fn tra(state: &AppState, lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    state.i18n().tr_args(lang, key, args)
}

pub(crate) fn choice_label(state: &AppState, lang: Lang, choice: VoteChoice) -> String {
    tr(state, lang, &format!("mt-choice-{}", choice.as_str()))
}

pub(crate) fn speech_label(state: &AppState, lang: Lang, kind: SpeechKind) -> String {
    tr(state, lang, &format!("mt-speech-{}", kind.as_str().replace('_', "-")))
}

pub async fn live_js() -> Response {
    ([(CONTENT_TYPE, "text/javascript; charset=utf-8"), (CACHE_CONTROL, "no-cache")], LIVE_JS).into_response()
}

/// Who was present at some point of the meeting, in member order.
pub fn attendees(assembly: &Assembly) -> BTreeSet<MemberId> {
    assembly.attendance.iter().filter(|a| a.present).map(|a| a.member).collect()
}
