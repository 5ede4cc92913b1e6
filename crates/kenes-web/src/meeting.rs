//! Meetings in the browser: the list of a council's assemblies, the meeting page that every member's phone follows
//! live, the chair's controls, the projector view, and the actions that become meeting events.
//!
//! Live updates: every change to a council bumps its height on a `watch` channel (`AppState::execute`). A page holds
//! one server-sent-events stream; on each change the stream sends the re-rendered live part of the meeting. That part
//! is the same for everyone who sees the page in one language and one view (presiding, member, projector), so it is
//! rendered once per council height and shared; what differs per person (checked in, voted, waiting to speak) is
//! marked with classes that `live.js` shows or hides from the lists the fragment carries. Without JavaScript the page
//! is rendered whole, for the person asking, and every form works by an ordinary POST and redirect.

use std::collections::BTreeSet;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use futures_util::stream;
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

use kenes_council::assembly::events::*;
use kenes_council::assembly::model::{
    ChoiceMethod, Choices, LongText, Rules, SpeechKind, Title, VoteChoice, VoteMode, VoteSubject,
};
use kenes_council::assembly::{Assembly, Motion, MotionStatus, Status, Vote, VoteResult, quorum};
use kenes_council::{Council, CouncilEvent, MemberId, Role};
use kenes_count::simple::{Basis, Majority};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::{Ctx, now_ms};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::ui::{layout_with, require_member, t};

pub const LIVE_JS: &str = include_str!("live.js");

/// Who a live fragment is rendered for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    Presiding,
    Member,
    Projector,
}

impl View {
    fn parse(text: &str) -> View {
        match text {
            "presiding" => View::Presiding,
            "projector" => View::Projector,
            _ => View::Member,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            View::Presiding => "presiding",
            View::Member => "member",
            View::Projector => "projector",
        }
    }
}

fn parse_ids(id: &str, number: &str) -> Result<(EventHash, u32), WebError> {
    let council = EventHash::from_hex(id).map_err(|_| WebError::NotFound)?;
    let number = number.parse::<u32>().map_err(|_| WebError::NotFound)?;
    Ok((council, number))
}

fn base(council: &Council, assembly: u32) -> String {
    format!("/c/{}/a/{assembly}", council.id().to_hex())
}

/// A member's display name, or their number if the record has no such member.
pub(crate) fn name(council: &Council, member: MemberId) -> String {
    council.member(member).map_or_else(|| format!("#{member}"), |m| m.name.as_str().to_owned())
}

fn status_label(state: &AppState, lang: Lang, status: Status) -> String {
    tr(state, lang, &format!("mt-status-{}", status.as_str()))
}

fn motion_status_label(state: &AppState, lang: Lang, status: MotionStatus) -> String {
    tr(state, lang, &format!("mt-motion-{}", status.as_str()))
}

fn tr(state: &AppState, lang: Lang, key: &str) -> String {
    state.i18n().tr(lang, key, &[])
}

fn tra(state: &AppState, lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    state.i18n().tr_args(lang, key, args)
}

fn choice_label(state: &AppState, lang: Lang, choice: VoteChoice) -> String {
    tr(state, lang, &format!("mt-choice-{}", choice.as_str()))
}

fn speech_label(state: &AppState, lang: Lang, kind: SpeechKind) -> String {
    tr(state, lang, &format!("mt-speech-{}", kind.as_str().replace('_', "-")))
}

// ---------------------------------------------------------------------------------------------------------------
// The list of assemblies and convening one

pub async fn assemblies_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Markup, WebError> {
    let council = EventHash::from_hex(&id).map_err(|_| WebError::NotFound)?;
    let me = require_member(&state, &ctx, council)?;
    Ok(state.node().read(council, |c| assemblies_markup(&state, &ctx, c, me))?)
}

fn assemblies_markup(state: &AppState, ctx: &Ctx, council: &Council, me: MemberId) -> Markup {
    let id = council.id().to_hex();
    let presides = kenes_council::may_manage(council, me);
    let lang = ctx.lang;
    let body = html! {
        p { a href={ "/c/" (id) } { (council.name.as_str()) } }
        @if council.assemblies().is_empty() {
            p { (t(state, ctx, "mt-none")) }
        } @else {
            table {
                thead { tr {
                    th scope="col" { (t(state, ctx, "mt-title")) }
                    th scope="col" { (t(state, ctx, "mt-starts")) }
                    th scope="col" { (t(state, ctx, "mt-place")) }
                    th scope="col" { (t(state, ctx, "mt-status")) }
                } }
                tbody {
                    @for a in council.assemblies().iter().rev() {
                        tr {
                            td { a href={ "/c/" (id) "/a/" (a.id) } { (a.title.as_str()) } }
                            td { (a.starts.as_str()) }
                            td { (a.place.as_str()) }
                            td { (status_label(state, lang, a.status)) }
                        }
                    }
                }
            }
        }
        @if presides {
            section aria-labelledby="convene-heading" {
                h2 id="convene-heading" { (t(state, ctx, "mt-convene")) }
                form method="post" action={ "/c/" (id) "/assemblies" } {
                    input type="hidden" name="csrf" value=(ctx.csrf());
                    p { label for="title" { (t(state, ctx, "mt-title")) } input id="title" name="title" required maxlength="200"; }
                    p { label for="starts" { (t(state, ctx, "mt-starts")) } input id="starts" name="starts" required maxlength="200" placeholder="2026-12-01 18:00"; }
                    p { label for="place" { (t(state, ctx, "mt-place")) } input id="place" name="place" required maxlength="200"; }
                    fieldset {
                        legend { (t(state, ctx, "mt-rules")) }
                        p { label for="quorum" { (t(state, ctx, "mt-quorum-percent")) } input id="quorum" name="quorum" type="number" min="0" max="100" value="50"; }
                        p { label for="seconders" { (t(state, ctx, "mt-seconders")) } input id="seconders" name="seconders" type="number" min="0" max="20" value="1"; }
                        p { label for="speaking" { (t(state, ctx, "mt-speaking-seconds")) } input id="speaking" name="speaking" type="number" min="0" max="3600" value="180"; }
                        p { label.check { input type="checkbox" name="alternate" value="1"; " " (t(state, ctx, "mt-alternate")) } }
                    }
                    p { button type="submit" { (t(state, ctx, "mt-convene")) } }
                }
            }
        }
    };
    layout_with(state, ctx, &t(state, ctx, "mt-assemblies"), html! {}, body)
}

#[derive(Debug, Deserialize)]
pub struct ConveneForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    starts: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    quorum: String,
    #[serde(default)]
    seconders: String,
    #[serde(default)]
    speaking: String,
    #[serde(default)]
    alternate: String,
}

fn number<T: std::str::FromStr>(text: &str, field: &'static str) -> Result<T, WebError> {
    text.trim()
        .parse()
        .map_err(|_| WebError::BadInputWith("mt-error-number".to_owned(), vec![("field", field.to_owned())]))
}

fn title(text: &str) -> Result<Title, WebError> {
    Title::parse(text).map_err(|e| WebError::from_invalid(&e))
}

fn long_text(text: &str) -> Result<LongText, WebError> {
    LongText::parse(text).map_err(|e| WebError::from_invalid(&e))
}

pub async fn convene_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<ConveneForm>,
) -> Result<Response, WebError> {
    let council = EventHash::from_hex(&id).map_err(|_| WebError::NotFound)?;
    ctx.check_csrf(Some(&form.csrf))?;
    let me = require_member(&state, &ctx, council)?;
    let rules = Rules {
        quorum_percent: number(&form.quorum, "quorum")?,
        seconders: number(&form.seconders, "seconders")?,
        alternate: !form.alternate.is_empty(),
        speaking_seconds: number(&form.speaking, "speaking")?,
    };
    let command = AssemblyEvent::Convened(Convened {
        by: me,
        title: title(&form.title)?,
        place: title(&form.place)?,
        starts: title(&form.starts)?,
        rules,
    });
    state.execute_blocking(council, CouncilEvent::Assembly(command)).await?;
    let number = state.node().read(council, |c| c.assemblies().len())?;
    Ok(Redirect::to(&format!("/c/{id}/a/{number}")).into_response())
}

// ---------------------------------------------------------------------------------------------------------------
// The meeting page, the projector, the live fragment and its stream

/// The checks every meeting page starts with (a council, a meeting in it, an active member asking), then `render`
/// on the council's current state.
fn meeting_page(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    number: &str,
    render: impl FnOnce(&Council, &Assembly, MemberId) -> Markup,
) -> Result<Markup, WebError> {
    let (council, number) = parse_ids(id, number)?;
    let me = require_member(state, ctx, council)?;
    state
        .node()
        .read(council, |c| c.assembly(number).map(|assembly| render(c, assembly, me)).ok_or(WebError::NotFound))?
}

pub async fn assembly_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Markup, WebError> {
    meeting_page(&state, &ctx, &id, &number, |c, assembly, me| {
        let view = if kenes_council::may_manage(c, me) { View::Presiding } else { View::Member };
        assembly_markup(&state, &ctx, c, assembly, me, view)
    })
}

pub async fn projector_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Markup, WebError> {
    meeting_page(&state, &ctx, &id, &number, |c, assembly, me| {
        let live = live_markup(&state, ctx.lang, c, assembly, View::Projector, Some(me), "");
        let stream = format!("{}/stream?view=projector", base(c, assembly.id));
        html! {
            (maud::DOCTYPE)
            html lang=(ctx.lang) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (assembly.title.as_str()) " · kenes" }
                    style { (PreEscaped(crate::ui::STYLE)) }
                    script type="module" src="/static/live.js" {}
                }
                body.projector data-me=(me.0) {
                    main id="main" {
                        h1 { (assembly.title.as_str()) }
                        div id="live" data-stream=(stream) { (live) }
                        div id="announce" aria-live="polite" class="visually-hidden" {}
                    }
                }
            }
        }
    })
}

fn assembly_markup(
    state: &AppState,
    ctx: &Ctx,
    council: &Council,
    assembly: &Assembly,
    me: MemberId,
    view: View,
) -> Markup {
    let lang = ctx.lang;
    let url = base(council, assembly.id);
    let council_url = format!("/c/{}", council.id().to_hex());
    let live = live_markup(state, lang, council, assembly, view, Some(me), ctx.csrf());
    let stream = format!("{url}/stream?view={}", view.as_str());
    let head = html! {
        meta name="kenes-csrf" content=(ctx.csrf());
        meta name="kenes-me" content=(me.0);
        script type="module" src="/static/live.js" {}
    };
    let body = html! {
        p.meta {
            a href=(council_url) { (council.name.as_str()) } " · "
            (assembly.starts.as_str()) " · " (assembly.place.as_str())
        }
        nav aria-label=(t(state, ctx, "mt-sections")) {
            ul.links {
                li { a href={ (council_url) "/assemblies" } { (t(state, ctx, "mt-assemblies")) } }
                li { a href={ (url) "/projector" } { (t(state, ctx, "mt-projector")) } }
                li { a href={ (url) "/minutes" } { (t(state, ctx, "mt-minutes")) } }
                li { a href={ (url) "/minutes?format=pdf" } { (t(state, ctx, "mt-minutes-pdf")) } }
                li { a href={ (council_url) "/elections" } { (t(state, ctx, "el-elections")) } }
            }
        }
        @let ballots: Vec<_> = council.elections().iter().filter(|e| e.assembly == Some(assembly.id)).collect();
        @if !ballots.is_empty() {
            section aria-labelledby="meeting-elections" {
                h2 id="meeting-elections" { (t(state, ctx, "el-meeting-elections")) }
                ul { @for e in ballots { li { a href={ (council_url) "/e/" (e.id) } { (e.title.as_str()) } " — " (t(state, ctx, &format!("el-status-{}", e.status.as_str()))) } } }
            }
        }
        div id="announce" aria-live="polite" class="visually-hidden" {}
        div id="problem" role="alert" hidden {}
        p id="connection" role="status" hidden { (t(state, ctx, "mt-reconnecting")) }
        div id="live" data-stream=(stream) { (live) }
        @if view == View::Presiding { (chair_panel(state, ctx, council, assembly)) }
        (motion_form(state, ctx, council, assembly))
    };
    layout_with(state, ctx, assembly.title.as_str(), head, body)
}

#[derive(Debug, Deserialize)]
pub struct StreamQuery {
    #[serde(default)]
    view: String,
}

/// The live fragment alone, for a screen that lost its stream and for tests.
pub async fn live_fragment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
    axum::extract::Query(query): axum::extract::Query<StreamQuery>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    let me = require_member(&state, &ctx, council)?;
    let view = allowed_view(&state, council, me, View::parse(&query.view))?;
    let fragment = state.live_fragment(council, number, ctx.lang, view)?;
    Ok(([(CONTENT_TYPE, "text/html; charset=utf-8"), (CACHE_CONTROL, "no-store")], fragment.html.to_string())
        .into_response())
}

/// Members may watch as members or as the projector; only those who preside get the presiding view.
fn allowed_view(state: &AppState, council: EventHash, me: MemberId, wanted: View) -> Result<View, WebError> {
    if wanted != View::Presiding {
        return Ok(wanted);
    }
    let presides = state.node().read(council, |c| kenes_council::may_manage(c, me))?;
    Ok(if presides { View::Presiding } else { View::Member })
}

/// The server-sent-events stream of a meeting: the live fragment now, then again after every change, with the
/// server's clock so speaking-time clocks agree across phones. Phones that drop off reconnect by themselves
/// (EventSource does), and get the current fragment at once.
pub async fn stream(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
    axum::extract::Query(query): axum::extract::Query<StreamQuery>,
) -> Response {
    let setup = (|| -> Result<(EventHash, u32, View), WebError> {
        let (council, number) = parse_ids(&id, &number)?;
        let me = require_member(&state, &ctx, council)?;
        let view = allowed_view(&state, council, me, View::parse(&query.view))?;
        state.node().read(council, |c| c.assembly(number).is_some())?.then_some(()).ok_or(WebError::NotFound)?;
        Ok((council, number, view))
    })();
    let (council, number, view) = match setup {
        Ok(found) => found,
        Err(error) => return error.into_response(),
    };
    // The stream holds one of the account's places until it ends.
    let slot = match ctx.account.as_ref().map(|account| state.open_stream(account.id)) {
        Some(Ok(slot)) => slot,
        Some(Err(error)) => return error.into_response(),
        None => return WebError::SignInRequired.into_response(),
    };
    let receiver = state.subscribe(council);
    let lang = ctx.lang;
    let events = stream::unfold(
        (state, receiver, None::<u64>, None::<Bytes>),
        move |(state, mut receiver, sent, queued)| async move {
            if let Some(fragment) = queued {
                return Some((Ok::<_, Infallible>(fragment), (state, receiver, sent, None)));
            }
            loop {
                let height = *receiver.borrow_and_update();
                if sent.is_none_or(|sent| sent < height) {
                    let fragment = match state.cached_fragment(council, number, lang, view, height) {
                        Some(found) => Some(found),
                        None => {
                            let state = state.clone();
                            tokio::task::spawn_blocking(move || state.live_fragment(council, number, lang, view).ok())
                                .await
                                .ok()
                                .flatten()
                        }
                    };
                    if let Some(fragment) = fragment {
                        // This connection's own clock reading first (the fragment's is from when it was rendered), then
                        // the shared fragment.
                        let time = Bytes::from(format!("event: time\ndata: {}\n\n", now_ms()));
                        return Some((Ok(time), (state, receiver, Some(fragment.height), Some(fragment.event))));
                    }
                }
                // A comment line every 15 s keeps proxies and phones from closing an idle stream.
                match tokio::time::timeout(Duration::from_secs(15), receiver.changed()).await {
                    Ok(Ok(())) => {}
                    Ok(Err(_)) => return None,
                    Err(_) => return Some((Ok(Bytes::from_static(b":\n\n")), (state, receiver, sent, None))),
                }
            }
        },
    );
    let headers = [
        (CONTENT_TYPE, "text/event-stream"),
        (CACHE_CONTROL, "no-store"),
        (axum::http::header::HeaderName::from_static("x-accel-buffering"), "no"),
    ];
    // The slot goes with the stream, and is given back when the stream is dropped (the client went away).
    let events = futures_util::StreamExt::map(events, move |item| {
        let _held = &slot;
        item
    });
    (headers, Body::from_stream(events)).into_response()
}

pub async fn live_js() -> Response {
    ([(CONTENT_TYPE, "text/javascript; charset=utf-8"), (CACHE_CONTROL, "no-cache")], LIVE_JS)
        .into_response()
}

/// What the live part of the page shows. `me` is the person when the page is rendered for one person; `None` for
/// the shared fragment, whose personal parts `live.js` shows or hides.
pub fn live_markup(
    state: &AppState,
    lang: Lang,
    council: &Council,
    assembly: &Assembly,
    view: View,
    me: Option<MemberId>,
    csrf: &str,
) -> Markup {
    let scene = Scene { state, lang, council, assembly, view, me, csrf };
    let url = base(council, assembly.id);
    let (met, present, needed) = quorum(council, assembly);
    let presiding = view == View::Presiding;
    let projector = view == View::Projector;
    let open = assembly.status == Status::Open;
    let current = assembly.current_item.and_then(|id| assembly.item(id));
    let speakers = current.and_then(|item| assembly.speakers(item.id));
    let open_vote = assembly.open_vote();
    // Who is present, waiting and has voted, as bit sets over member numbers: a few hundred bytes for a congress of
    // thousands, where lists of numbers would dominate the fragment every screen receives.
    let present_set = bitset(assembly.present.iter().copied());
    let waiting_set = bitset(speakers.iter().flat_map(|s| s.waiting.iter().map(|w| w.member)));
    let voted_set = bitset(open_vote.iter().flat_map(|v| v.ballots.keys().chain(v.rankings.keys()).copied()));
    let is_present = |m: Option<MemberId>| m.is_some_and(|m| assembly.present.contains(&m));
    // What a screen reader announces when this fragment arrives.
    let announce = match (open_vote, speakers.and_then(|s| s.current)) {
        (Some(vote), _) => tra(state, lang, "mt-announce-vote-open", &[("question", vote.question.to_string())]),
        (None, Some(speech)) => tra(state, lang, "mt-announce-speaker", &[("name", name(council, speech.member))]),
        _ => assembly
            .votes
            .last()
            .and_then(|v| v.result.as_ref().map(|r| (v, r)))
            .map(|(v, r)| result_sentence(state, lang, council, v, r))
            .unwrap_or_default(),
    };
    // A personal control: rendered as is for one person, or marked for live.js in the shared fragment.
    let personal = |class: &str, show: bool| -> (String, bool) {
        match me {
            Some(_) => (String::new(), !show),
            None => (format!("personal {class}"), false),
        }
    };
    html! {
        div.live-state data-height=(assembly.last_height) data-present=(present_set) data-waiting=(waiting_set) data-voted=(voted_set) data-announce=(announce) {
            p.meta {
                strong { (status_label(state, lang, assembly.status)) } " · "
                (tra(state, lang, "mt-present-count", &[("present", present.to_string()), ("needed", needed.to_string())])) " · "
                @if met { span.ok { (tr(state, lang, "mt-quorum-met")) } } @else { span.warn { (tr(state, lang, "mt-quorum-missing")) } }
            }
            @if !projector && assembly.status != Status::Closed {
                @let (class, hidden) = personal("if-absent", !is_present(me));
                form.inline class=(class) hidden[hidden] method="post" action={ (url) "/act" } {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="do" value="check_in";
                    button type="submit" { (tr(state, lang, "mt-check-in")) }
                }
                @let (class, hidden) = personal("if-present", is_present(me));
                form.inline class=(class) hidden[hidden] method="post" action={ (url) "/act" } {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="do" value="check_out";
                    span { (tr(state, lang, "mt-you-are-present")) " " }
                    button type="submit" { (tr(state, lang, "mt-check-out")) }
                }
            }
            section aria-labelledby="agenda-heading" {
                h2 id="agenda-heading" { (tr(state, lang, "mt-agenda")) }
                @if assembly.agenda.is_empty() { p { (tr(state, lang, "mt-agenda-empty")) } }
                ol.agenda {
                    @for item in assembly.agenda_in_order() {
                        @let is_current = assembly.current_item == Some(item.id);
                        li class={ "depth-" (item.depth) @if is_current { " current" } } aria-current=[is_current.then_some("step")] {
                            span.number { (item.number) } " " (item.title.as_str())
                            @if item.minutes > 0 { " " small.inline-small { (tra(state, lang, "mt-minutes-planned", &[("minutes", item.minutes.to_string())])) } }
                            @if presiding && open && !is_current {
                                " "
                                form.inline method="post" action={ (url) "/act" } {
                                    input type="hidden" name="csrf" value=(csrf);
                                    input type="hidden" name="do" value="take_item";
                                    input type="hidden" name="item" value=(item.id);
                                    button.small type="submit" aria-label=(tra(state, lang, "mt-take-item-label", &[("number", item.number.clone())])) { (tr(state, lang, "mt-take-item")) }
                                }
                            }
                        }
                    }
                }
            }
            @if let Some(item) = current {
                section aria-labelledby="current-heading" {
                    h2 id="current-heading" { (tr(state, lang, "mt-now")) ": " (item.number) " " (item.title.as_str()) }
                    (speakers_markup(&scene, item.id))
                    @for motion in assembly.motions_of(item.id) {
                        (motion_markup(&scene, motion))
                    }
                }
            }
            @if let Some(vote) = open_vote {
                (vote_markup(&scene, vote))
            }
            @let closed: Vec<&Vote> = assembly.votes.iter().rev().filter(|v| v.result.is_some()).take(if projector { 1 } else { 5 }).collect();
            @if !closed.is_empty() {
                section aria-labelledby="results-heading" {
                    h2 id="results-heading" { (tr(state, lang, "mt-results")) }
                    @for vote in closed { (vote_markup(&scene, vote)) }
                }
            }
        }
    }
}

/// How many waiting speakers member and projector screens list (the chair sees them all).
const SHOWN_WAITING: usize = 25;

/// Member numbers as a bit set, base64: bit `n % 8` of byte `n / 8` is member `n`.
fn bitset(members: impl Iterator<Item = MemberId>) -> String {
    use base64::Engine;
    let mut bytes = Vec::new();
    for MemberId(n) in members {
        let index = n as usize / 8;
        if bytes.len() <= index {
            bytes.resize(index + 1, 0u8);
        }
        bytes[index] |= 1 << (n % 8);
    }
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// What every part of the live fragment is rendered from.
#[derive(Clone, Copy)]
struct Scene<'a> {
    state: &'a AppState,
    lang: Lang,
    council: &'a Council,
    assembly: &'a Assembly,
    view: View,
    /// The person the page is rendered for; `None` for the shared fragment.
    me: Option<MemberId>,
    csrf: &'a str,
}

fn result_sentence(state: &AppState, lang: Lang, council: &Council, vote: &Vote, result: &VoteResult) -> String {
    if let (Some(choices), Some(count)) = (&vote.choices, &result.count) {
        let names = option_names(choices, &count.elected);
        return tra(state, lang, "mt-announce-elected", &[("question", vote.question.to_string()), ("names", names)]);
    }
    let _ = council;
    let key = if result.outcome.passed { "mt-announce-carried" } else { "mt-announce-lost" };
    tra(state, lang, key, &[("question", vote.question.to_string())])
}

/// The named options, in the order given, joined for a sentence.
fn option_names(choices: &Choices, indices: &[usize]) -> String {
    let names: Vec<&str> = indices.iter().filter_map(|&i| choices.options.get(i)).map(Title::as_str).collect();
    names.join(", ")
}

/// "irv: instant-runoff", for the vote's heading and the minutes.
pub(crate) fn method_label(i18n: &crate::I18n, lang: Lang, choices: &Choices) -> String {
    let method = i18n.tr(lang, &format!("mt-method-{}", choices.method.as_str()), &[]);
    if choices.seats > 1 {
        i18n.tr_args(lang, "mt-method-seats", &[("method", method), ("seats", choices.seats.to_string())])
    } else {
        method
    }
}

/// A member's ballot in a vote among options: "Bruno > Davi", or "abstained" for an empty one.
pub(crate) fn ranking_text(i18n: &crate::I18n, lang: Lang, choices: &Choices, ranking: &[u8]) -> String {
    if ranking.is_empty() {
        return i18n.tr(lang, "mt-choice-abstain", &[]);
    }
    let names: Vec<&str> =
        ranking.iter().filter_map(|&i| choices.options.get(usize::from(i))).map(Title::as_str).collect();
    let separator = if choices.method.ranked() { " > " } else { ", " };
    names.join(separator)
}

/// The result of a vote among options: who or what won, the count stage by stage (or the Condorcet order), as the
/// meeting page and the minutes show it.
pub(crate) fn choice_result(i18n: &crate::I18n, lang: Lang, choices: &Choices, result: &VoteResult) -> Markup {
    let Some(count) = &result.count else { return html! {} };
    let option = |i: usize| choices.options.get(i).map_or("?", Title::as_str);
    let decimals = count.decimals;
    html! {
        p.result class=(if result.outcome.passed { "carried" } else { "lost" }) {
            @if count.elected.is_empty() {
                strong { (i18n.tr(lang, "mt-nobody-elected", &[])) }
            } @else {
                strong { (i18n.tr_args(lang, "mt-elected", &[("names", option_names(choices, &count.elected))])) }
            }
            @if !result.outcome.quorum_met { " — " (i18n.tr(lang, "mt-quorum-missing", &[])) }
        }
        p.meta { (i18n.tr_args(lang, "mt-ballots-counted", &[("marked", result.yes.to_string()), ("empty", result.abstain.to_string())])) }
        @if !count.stages.is_empty() {
            div.scroll {
                table.tally {
                    caption { (i18n.tr(lang, "mt-count-stages", &[])) }
                    thead {
                        tr {
                            th scope="col" { (i18n.tr(lang, "mt-option", &[])) }
                            @for stage in &count.stages { th scope="col" { (i18n.tr_args(lang, "mt-stage", &[("number", stage.number.to_string())])) } }
                        }
                    }
                    tbody {
                        @for (i, _) in choices.options.iter().enumerate() {
                            tr {
                                th scope="row" { (option(i)) @if count.elected.contains(&i) { " ✓" } }
                                @for stage in &count.stages {
                                    td { (stage.totals.get(i).map(|v| v.display(decimals)).unwrap_or_default()) }
                                }
                            }
                        }
                        tr {
                            th scope="row" { (i18n.tr(lang, "mt-exhausted", &[])) }
                            @for stage in &count.stages { td { (stage.exhausted.display(decimals)) } }
                        }
                    }
                }
            }
        }
        @if !count.ranking.is_empty() {
            @let tiers: Vec<String> = count.ranking.iter().map(|tier| tier.iter().map(|&i| option(i)).collect::<Vec<_>>().join(" = ")).collect();
            p { (i18n.tr_args(lang, "mt-order", &[("order", tiers.join(" > "))])) }
        }
        @for note in &count.notes { p.meta { (note) } }
    }
}

fn act_form(url: &str, action: &str, fields: &[(&str, String)], label: &str, class: &str, csrf: &str) -> Markup {
    html! {
        form.inline method="post" action={ (url) "/act" } {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="do" value=(action);
            @for (name, value) in fields { input type="hidden" name=(name) value=(value); }
            button type="submit" class=(class) { (label) }
        }
    }
}

fn speakers_markup(scene: &Scene<'_>, item: u32) -> Markup {
    let Scene { state, lang, council, assembly, view, me, csrf } = *scene;
    let url = base(council, assembly.id);
    let list = assembly.speakers(item);
    let waiting = list.map(|l| l.waiting.as_slice()).unwrap_or_default();
    let current = list.and_then(|l| l.current);
    let open = assembly.status == Status::Open;
    let limit = assembly.rules.speaking_seconds;
    let am_waiting = me.is_some_and(|m| waiting.iter().any(|w| w.member == m));
    let am_present = me.is_some_and(|m| assembly.present.contains(&m));
    let item_s = item.to_string();
    html! {
        div.speakers {
            h3 { (tr(state, lang, "mt-speakers")) }
            @if let Some(speech) = current {
                p.speaking {
                    (tr(state, lang, "mt-speaking-now")) ": " strong { (name(council, speech.member)) }
                    @if speech.kind != SpeechKind::Speech { " (" (speech_label(state, lang, speech.kind)) ")" }
                    " " span.clock data-since=(speech.since_ms) data-limit=(limit) { "0:00" }
                    @if limit > 0 { " / " (limit / 60) ":" (format!("{:02}", limit % 60)) }
                }
            } @else {
                p { (tr(state, lang, "mt-nobody-speaking")) }
            }
            @if waiting.is_empty() {
                p { (tr(state, lang, "mt-list-empty")) }
            } @else {
                ol.waiting aria-label=(tr(state, lang, "mt-waiting")) {
                    @for (index, w) in waiting.iter().enumerate().take(if view == View::Presiding { usize::MAX } else { SHOWN_WAITING }) {
                        li {
                            (name(council, w.member))
                            @if w.kind != SpeechKind::Speech { " — " (speech_label(state, lang, w.kind)) }
                            @if view == View::Presiding && index > 0 {
                                @let to = |position: usize| [("item", item_s.clone()), ("member", w.member.0.to_string()), ("position", position.to_string())];
                                " " (act_form(&url, "move_speaker", &to(0), &tr(state, lang, "mt-move-front"), "small", csrf))
                                @if index > 1 { " " (act_form(&url, "move_speaker", &to(index - 1), &tr(state, lang, "mt-move-up"), "small secondary", csrf)) }
                            }
                            @if view == View::Presiding && index + 1 < waiting.len() {
                                " " (act_form(&url, "move_speaker", &[("item", item_s.clone()), ("member", w.member.0.to_string()), ("position", (index + 1).to_string())], &tr(state, lang, "mt-move-down"), "small secondary", csrf))
                            }
                            @if view == View::Presiding {
                                " " (act_form(&url, "withdraw_speaker", &[("item", item_s.clone()), ("member", w.member.0.to_string())], &tr(state, lang, "mt-remove-speaker"), "small secondary", csrf))
                            }
                        }
                    }
                }
            }
            @if view != View::Presiding && waiting.len() > SHOWN_WAITING {
                p.meta { (tra(state, lang, "mt-more-waiting", &[("count", (waiting.len() - SHOWN_WAITING).to_string())])) }
            }
            @if open && view != View::Projector {
                @let shared = me.is_none();
                div class=(if shared { "personal if-present if-not-waiting" } else { "" }) hidden[!shared && (!am_present || am_waiting)] {
                    form.inline method="post" action={ (url) "/act" } {
                        input type="hidden" name="csrf" value=(csrf);
                        input type="hidden" name="do" value="request_floor";
                        input type="hidden" name="item" value=(item);
                        label for="speech-kind" { (tr(state, lang, "mt-speech-kind")) }
                        select id="speech-kind" name="kind" {
                            @for kind in SpeechKind::ALL { option value=(kind.as_str()) { (speech_label(state, lang, kind)) } }
                        }
                        button type="submit" { (tr(state, lang, "mt-request-floor")) }
                    }
                }
                div class=(if shared { "personal if-waiting" } else { "" }) hidden[!shared && !am_waiting] {
                    form.inline method="post" action={ (url) "/act" } {
                        input type="hidden" name="csrf" value=(csrf);
                        input type="hidden" name="do" value="withdraw_speaker";
                        input type="hidden" name="item" value=(item);
                        button type="submit" class="secondary" { (tr(state, lang, "mt-leave-list")) }
                    }
                }
                @if view == View::Presiding {
                    p {
                        @if !waiting.is_empty() { (act_form(&url, "give_floor", &[("item", item_s.clone())], &tr(state, lang, "mt-give-floor"), "", csrf)) " " }
                        @if current.is_some() { (act_form(&url, "end_speech", &[("item", item_s.clone())], &tr(state, lang, "mt-end-speech"), "secondary", csrf)) }
                    }
                }
            }
        }
    }
}

fn motion_markup(scene: &Scene<'_>, motion: &Motion) -> Markup {
    let Scene { state, lang, council, assembly, view, me, csrf } = *scene;
    let url = base(council, assembly.id);
    let id = motion.id.to_string();
    let presiding = view == View::Presiding;
    let participant = view != View::Projector;
    let pending = motion.status.is_pending() && assembly.status != Status::Closed;
    let lines = motion.text.lines();
    let shared = me.is_none();
    html! {
        article.motion aria-labelledby={ "motion-" (motion.id) } {
            h3 id={ "motion-" (motion.id) } { (tra(state, lang, "mt-motion-number", &[("number", id.clone())])) ": " (motion.title.as_str()) }
            p.meta {
                (tra(state, lang, "mt-moved-by", &[("name", name(council, motion.mover))])) " · "
                (tra(state, lang, "mt-seconded-by", &[("count", motion.seconders.len().to_string()), ("needed", assembly.rules.seconders.to_string())]))
                @if !motion.seconders.is_empty() { " (" (motion.seconders.iter().map(|m| name(council, *m)).collect::<Vec<_>>().join(", ")) ")" }
                " · " strong.status { (motion_status_label(state, lang, motion.status)) }
                @if let Some(other) = motion.alternative_to { " · " (tra(state, lang, "mt-alternative-to", &[("number", other.to_string())])) }
            }
            ol.lines {
                @for line in &lines { li { (line) } }
            }
            @for amendment in assembly.amendments_of(motion.id) {
                div.amendment {
                    p {
                        strong { (tra(state, lang, "mt-amendment-number", &[("number", amendment.id.to_string())])) }
                        " " (tra(state, lang, "mt-amendment-lines", &[("from", amendment.from_line.to_string()), ("to", amendment.to_line.to_string())]))
                        " · " (tra(state, lang, "mt-moved-by", &[("name", name(council, amendment.mover))]))
                        " · " (tra(state, lang, "mt-seconded-by", &[("count", amendment.seconders.len().to_string()), ("needed", assembly.rules.seconders.to_string())]))
                        " · " strong.status { (motion_status_label(state, lang, amendment.status)) }
                    }
                    div.diff {
                        @for line in &amendment.replaced { del { (line) } }
                        @for line in amendment.text.lines() { ins { (line) } }
                    }
                    @if amendment.status == MotionStatus::Submitted && participant && assembly.status != Status::Closed {
                        @let mine = me == Some(amendment.mover);
                        @let seconded = me.is_some_and(|m| amendment.seconders.contains(&m));
                        @if shared || (!mine && !seconded) {
                            (act_form(&url, "second_amendment", &[("amendment", amendment.id.to_string())], &tr(state, lang, "mt-second"), "small", csrf))
                        }
                        @if presiding && assembly.status == Status::Open {
                            " " (act_form(&url, "vote_amendment", &[("amendment", amendment.id.to_string()), ("mode", "roll_call".to_owned())], &tr(state, lang, "mt-put-roll-call"), "small", csrf))
                            " " (act_form(&url, "vote_amendment", &[("amendment", amendment.id.to_string()), ("mode", "tellers".to_owned())], &tr(state, lang, "mt-put-tellers"), "small secondary", csrf))
                        }
                    }
                }
            }
            @if participant && pending {
                div.actions {
                    @let mine = me == Some(motion.mover);
                    @let seconded = me.is_some_and(|m| motion.seconders.contains(&m));
                    @if shared || (!mine && !seconded) { (act_form(&url, "second_motion", &[("motion", id.clone())], &tr(state, lang, "mt-second"), "", csrf)) " " }
                    @if shared || mine { span class=(if shared { "personal if-mover" } else { "" }) data-mover=(motion.mover.0) { (act_form(&url, "withdraw_motion", &[("motion", id.clone())], &tr(state, lang, "mt-withdraw"), "secondary", csrf)) } " " }
                    @if presiding {
                        @if motion.status == MotionStatus::Submitted { (act_form(&url, "admit_motion", &[("motion", id.clone())], &tr(state, lang, "mt-admit"), "", csrf)) " " }
                        @if motion.status == MotionStatus::Admitted { (act_form(&url, "debate_motion", &[("motion", id.clone())], &tr(state, lang, "mt-debate"), "", csrf)) " " }
                        @if matches!(motion.status, MotionStatus::Admitted | MotionStatus::Debated) {
                            (act_form(&url, "vote_motion", &[("motion", id.clone()), ("mode", "roll_call".to_owned())], &tr(state, lang, "mt-put-roll-call"), "", csrf)) " "
                            (act_form(&url, "vote_motion", &[("motion", id.clone()), ("mode", "tellers".to_owned())], &tr(state, lang, "mt-put-tellers"), "secondary", csrf)) " "
                        }
                        (act_form(&url, "refer_motion", &[("motion", id.clone())], &tr(state, lang, "mt-refer"), "secondary", csrf))
                    }
                }
                @if view != View::Projector {
                    details.amend {
                        summary { (tr(state, lang, "mt-amend")) }
                        form method="post" action={ (url) "/act" } {
                            input type="hidden" name="csrf" value=(csrf);
                            input type="hidden" name="do" value="amend";
                            input type="hidden" name="motion" value=(motion.id);
                            input type="hidden" name="version" value=(motion.version);
                            p.pair {
                                label { (tr(state, lang, "mt-from-line")) input name="from_line" type="number" min="1" max=(lines.len().max(1)) value="1" required; }
                                label { (tr(state, lang, "mt-to-line")) input name="to_line" type="number" min="0" max=(lines.len()) value="1" required; }
                            }
                            p { label { (tr(state, lang, "mt-new-text")) textarea name="text" rows="3" maxlength="20000" {} } }
                            p { button type="submit" { (tr(state, lang, "mt-amend-submit")) } }
                        }
                    }
                }
            }
        }
    }
}

fn vote_markup(scene: &Scene<'_>, vote: &Vote) -> Markup {
    let Scene { state, lang, council, assembly, view, me, csrf } = *scene;
    let url = base(council, assembly.id);
    let (yes, no, abstain) = vote.tally();
    let open = vote.result.is_none();
    let shared = me.is_none();
    let voted = |m: MemberId| vote.ballots.contains_key(&m) || vote.rankings.contains_key(&m);
    let may_vote = me.is_some_and(|m| assembly.present.contains(&m) && !voted(m))
        && me.and_then(|m| council.member(m)).is_some_and(|m| m.role != Role::Observer);
    let mode = match vote.mode {
        VoteMode::RollCall => tr(state, lang, "mt-roll-call"),
        VoteMode::Tellers => tr(state, lang, "mt-tellers"),
    };
    html! {
        section.vote aria-labelledby={ "vote-" (vote.id) } {
            h3 id={ "vote-" (vote.id) } { (tra(state, lang, "mt-vote-number", &[("number", vote.id.to_string())])) ": " (vote.question.as_str()) }
            p.meta {
                (mode) " · "
                @if let Some(choices) = &vote.choices { (method_label(state.i18n(), lang, choices)) } @else { (majority_label(state.i18n(), lang, &vote.majority)) }
            }
            @if open {
                p.status-line { strong { (tr(state, lang, "mt-vote-open")) } " · " (tra(state, lang, "mt-votes-so-far", &[("count", (yes + no + abstain).to_string())])) }
                @if view != View::Projector && vote.mode == VoteMode::RollCall {
                    div.ballot class=(if shared { "personal if-present if-not-voted" } else { "" }) hidden[!shared && !may_vote] {
                        @if let Some(choices) = &vote.choices {
                            (ranking_form(scene, vote, choices))
                        } @else {
                            @for choice in VoteChoice::ALL {
                                (act_form(&url, "cast", &[("vote", vote.id.to_string()), ("choice", choice.as_str().to_owned())], &choice_label(state, lang, choice), &format!("choice-{}", choice.as_str()), csrf))
                                " "
                            }
                        }
                    }
                    p class=(if shared { "personal if-voted" } else { "" }) hidden[!shared && !me.is_some_and(voted)] { (tr(state, lang, "mt-you-voted")) }
                }
                @if view == View::Presiding {
                    @if vote.mode == VoteMode::Tellers {
                        form.tellers method="post" action={ (url) "/act" } {
                            input type="hidden" name="csrf" value=(csrf);
                            input type="hidden" name="do" value="count";
                            input type="hidden" name="vote" value=(vote.id);
                            @for choice in VoteChoice::ALL {
                                label { (choice_label(state, lang, choice)) input name=(choice.as_str()) type="number" min="0" required; }
                            }
                            button type="submit" { (tr(state, lang, "mt-enter-counts")) }
                        }
                        @if let Some((y, n, a)) = vote.counted { p { (tra(state, lang, "mt-counted", &[("yes", y.to_string()), ("no", n.to_string()), ("abstain", a.to_string())])) } }
                    }
                    p { (act_form(&url, "close_vote", &[("vote", vote.id.to_string())], &tr(state, lang, "mt-close-vote"), "", csrf)) }
                }
            }
            @if let (Some(result), Some(choices)) = (&vote.result, &vote.choices) {
                (choice_result(state.i18n(), lang, choices, result))
            } @else if let Some(result) = &vote.result {
                p.result class=(if result.outcome.passed { "carried" } else { "lost" }) {
                    strong { (if result.outcome.passed { tr(state, lang, "mt-carried") } else { tr(state, lang, "mt-lost") }) }
                    @if !result.outcome.quorum_met { " — " (tr(state, lang, "mt-quorum-missing")) }
                }
                table.tally {
                    tbody {
                        tr { th scope="row" { (choice_label(state, lang, VoteChoice::Yes)) } td { (result.yes) } }
                        tr { th scope="row" { (choice_label(state, lang, VoteChoice::No)) } td { (result.no) } }
                        tr { th scope="row" { (choice_label(state, lang, VoteChoice::Abstain)) } td { (result.abstain) } }
                    }
                }
                p.meta { (tra(state, lang, "mt-needed", &[("needed", result.outcome.yes_needed.to_string()), ("basis", result.outcome.basis_total.to_string())])) }
            }
            // Names are shown once the vote is closed: while it is open every screen would receive them all again
            // with each hand raised.
            @if vote.mode == VoteMode::RollCall && !(vote.ballots.is_empty() && vote.rankings.is_empty()) && vote.result.is_some() {
                details.names open[vote.result.is_some() && view != View::Projector] {
                    summary { (tr(state, lang, "mt-by-name")) }
                    ul {
                        @for (member, choice) in &vote.ballots {
                            li { (name(council, *member)) ": " (choice_label(state, lang, *choice)) }
                        }
                        @if let Some(choices) = &vote.choices {
                            @for (member, ranking) in &vote.rankings {
                                li { (name(council, *member)) ": " (ranking_text(state.i18n(), lang, choices, ranking)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A ballot among options that works without JavaScript: one list per preference (ranked methods) or per mark
/// (plurality), each offering every option; blanks are skipped, so a member ranks as few as they like.
fn ranking_form(scene: &Scene<'_>, vote: &Vote, choices: &Choices) -> Markup {
    let Scene { state, lang, council, assembly, csrf, .. } = *scene;
    let url = base(council, assembly.id);
    let places = if choices.method.ranked() { choices.options.len() } else { usize::from(choices.seats) };
    let key = if choices.method.ranked() { "mt-preference" } else { "mt-mark" };
    html! {
        form.ranking method="post" action={ (url) "/act" } {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="do" value="rank";
            input type="hidden" name="vote" value=(vote.id);
            @for place in 1..=places {
                @let id = format!("vote-{}-place-{place}", vote.id);
                p {
                    label for=(id) { (tra(state, lang, key, &[("number", place.to_string())])) }
                    " "
                    select id=(id) name="ranking" {
                        option value="" { "—" }
                        @for (i, option) in choices.options.iter().enumerate() { option value=(i) { (option.as_str()) } }
                    }
                }
            }
            p { button type="submit" { (tr(state, lang, "mt-cast-ballot")) } }
        }
    }
}

/// "majority: more than 1/2 of yes and no votes", in the meeting pages and the minutes alike.
pub(crate) fn majority_label(i18n: &crate::I18n, lang: Lang, majority: &Majority) -> String {
    let basis = match majority.basis {
        Basis::VotesCast => "votes-cast",
        Basis::YesNo => "yes-no",
        Basis::Members => "members",
        Basis::Present => "present",
    };
    let key = if majority.at_least { "mt-majority-at-least" } else { "mt-majority" };
    let basis = i18n.tr(lang, &format!("mt-basis-{basis}"), &[]);
    i18n.tr_args(lang, key, &[("num", majority.num.to_string()), ("den", majority.den.to_string()), ("basis", basis)])
}

fn majority_fields(state: &AppState, ctx: &Ctx, prefix: &str) -> Markup {
    html! {
        p {
            label for={ (prefix) "-majority" } { (t(state, ctx, "mt-majority-rule")) }
            select id={ (prefix) "-majority" } name="majority" {
                option value="simple" { (t(state, ctx, "mt-majority-simple")) }
                option value="two_thirds" { (t(state, ctx, "mt-majority-two-thirds")) }
                option value="three_quarters" { (t(state, ctx, "mt-majority-three-quarters")) }
            }
        }
        p {
            label for={ (prefix) "-basis" } { (t(state, ctx, "mt-basis")) }
            select id={ (prefix) "-basis" } name="basis" {
                option value="yes_no" { (t(state, ctx, "mt-basis-yes-no")) }
                option value="votes_cast" { (t(state, ctx, "mt-basis-votes-cast")) }
                option value="present" { (t(state, ctx, "mt-basis-present")) }
                option value="members" { (t(state, ctx, "mt-basis-members")) }
            }
        }
    }
}

fn chair_panel(state: &AppState, ctx: &Ctx, council: &Council, assembly: &Assembly) -> Markup {
    let url = base(council, assembly.id);
    let csrf = ctx.csrf();
    html! {
        section.chair aria-labelledby="chair-heading" {
            h2 id="chair-heading" { (t(state, ctx, "mt-chair")) }
            p {
                @match assembly.status {
                    Status::Planned => { (act_form(&url, "open", &[], &t(state, ctx, "mt-open"), "", csrf)) }
                    Status::Open => { (act_form(&url, "close", &[], &t(state, ctx, "mt-close"), "", csrf)) }
                    Status::Closed => { (t(state, ctx, "mt-status-closed")) }
                }
            }
            @if assembly.status != Status::Closed {
                details {
                    summary { (t(state, ctx, "mt-add-item")) }
                    form method="post" action={ (url) "/act" } {
                        input type="hidden" name="csrf" value=(csrf);
                        input type="hidden" name="do" value="add_item";
                        p { label for="item-title" { (t(state, ctx, "mt-title")) } input id="item-title" name="title" required maxlength="200"; }
                        p { label for="item-minutes" { (t(state, ctx, "mt-item-minutes")) } input id="item-minutes" name="minutes" type="number" min="0" max="1440" value="10"; }
                        p {
                            label for="item-parent" { (t(state, ctx, "mt-item-parent")) }
                            select id="item-parent" name="parent" {
                                option value="" { "—" }
                                @for item in assembly.agenda_in_order() { option value=(item.id) { (item.number) " " (item.title.as_str()) } }
                            }
                        }
                        p { button type="submit" { (t(state, ctx, "mt-add-item")) } }
                    }
                }
                details {
                    summary { (t(state, ctx, "mt-mark-attendance")) }
                    form method="post" action={ (url) "/act" } {
                        input type="hidden" name="csrf" value=(csrf);
                        p {
                            label for="attendance-member" { (t(state, ctx, "mt-member")) }
                            select id="attendance-member" name="member" {
                                @for m in council.active_members() {
                                    option value=(m.id.0) { (m.name.as_str()) @if assembly.present.contains(&m.id) { " ✓" } }
                                }
                            }
                        }
                        p {
                            button type="submit" name="do" value="check_in" { (t(state, ctx, "mt-check-in")) } " "
                            button.secondary type="submit" name="do" value="check_out" { (t(state, ctx, "mt-check-out")) }
                        }
                    }
                }
                @if assembly.status == Status::Open {
                    details {
                        summary { (t(state, ctx, "mt-put-question")) }
                        form method="post" action={ (url) "/act" } {
                            input type="hidden" name="csrf" value=(csrf);
                            input type="hidden" name="do" value="vote_question";
                            p { label for="question" { (t(state, ctx, "mt-question")) } input id="question" name="question" required maxlength="200"; }
                            p {
                                label for="question-mode" { (t(state, ctx, "mt-mode")) }
                                select id="question-mode" name="mode" {
                                    option value="roll_call" { (t(state, ctx, "mt-roll-call")) }
                                    option value="tellers" { (t(state, ctx, "mt-tellers")) }
                                }
                            }
                            (majority_fields(state, ctx, "question"))
                            p { button type="submit" { (t(state, ctx, "mt-open-vote")) } }
                        }
                    }
                    details {
                        summary { (t(state, ctx, "mt-put-choice")) }
                        form method="post" action={ (url) "/act" } {
                            input type="hidden" name="csrf" value=(csrf);
                            input type="hidden" name="do" value="vote_choices";
                            p { label for="choice-question" { (t(state, ctx, "mt-question")) } input id="choice-question" name="question" required maxlength="200"; }
                            p { label for="choice-options" { (t(state, ctx, "mt-options")) } textarea id="choice-options" name="options" rows="4" required {} }
                            p {
                                label for="choice-method" { (t(state, ctx, "mt-method")) }
                                select id="choice-method" name="method" {
                                    @for method in ChoiceMethod::ALL {
                                        option value=(method.as_str()) selected[method == ChoiceMethod::Irv] { (t(state, ctx, &format!("mt-method-{}", method.as_str()))) }
                                    }
                                }
                            }
                            p { label for="choice-seats" { (t(state, ctx, "mt-seats")) } input id="choice-seats" name="seats" type="number" min="1" max="29" value="1"; }
                            p { button type="submit" { (t(state, ctx, "mt-open-vote")) } }
                        }
                    }
                }
            }
            details {
                summary { (t(state, ctx, "mt-annotate")) }
                form method="post" action={ (url) "/act" } {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="do" value="annotate";
                    p { label for="note" { (t(state, ctx, "mt-note")) } textarea id="note" name="text" rows="3" maxlength="20000" required {} }
                    p { button type="submit" { (t(state, ctx, "mt-annotate")) } }
                }
            }
        }
    }
}

fn motion_form(state: &AppState, ctx: &Ctx, council: &Council, assembly: &Assembly) -> Markup {
    let url = base(council, assembly.id);
    html! {
        @if assembly.status != Status::Closed && !assembly.agenda.is_empty() {
            section aria-labelledby="move-heading" {
                h2 id="move-heading" { (t(state, ctx, "mt-move")) }
                form method="post" action={ (url) "/act" } {
                    input type="hidden" name="csrf" value=(ctx.csrf());
                    input type="hidden" name="do" value="move";
                    p {
                        label for="motion-item" { (t(state, ctx, "mt-item")) }
                        select id="motion-item" name="item" {
                            @for item in assembly.agenda_in_order() {
                                option value=(item.id) selected[assembly.current_item == Some(item.id)] { (item.number) " " (item.title.as_str()) }
                            }
                        }
                    }
                    p { label for="motion-title" { (t(state, ctx, "mt-title")) } input id="motion-title" name="title" required maxlength="200"; }
                    p { label for="motion-text" { (t(state, ctx, "mt-motion-text")) } textarea id="motion-text" name="text" rows="6" maxlength="20000" required aria-describedby="motion-text-hint" {} small id="motion-text-hint" { (t(state, ctx, "mt-motion-text-hint")) } }
                    @if !assembly.motions.is_empty() {
                        p {
                            label for="motion-alternative" { (t(state, ctx, "mt-alternative")) }
                            select id="motion-alternative" name="alternative_to" {
                                option value="" { "—" }
                                @for m in &assembly.motions { @if m.status.is_pending() { option value=(m.id) { (m.id) ". " (m.title.as_str()) } } }
                            }
                        }
                    }
                    p { button type="submit" { (t(state, ctx, "mt-move-submit")) } }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Actions

#[derive(Debug, Default, Deserialize)]
pub struct ActForm {
    #[serde(default)]
    csrf: String,
    #[serde(default, rename = "do")]
    action: String,
    #[serde(default)]
    item: String,
    #[serde(default)]
    parent: String,
    #[serde(default)]
    minutes: String,
    #[serde(default)]
    motion: String,
    #[serde(default)]
    amendment: String,
    #[serde(default)]
    vote: String,
    #[serde(default)]
    member: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    position: String,
    #[serde(default)]
    choice: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    question: String,
    #[serde(default)]
    mode: String,
    #[serde(default)]
    majority: String,
    #[serde(default)]
    basis: String,
    #[serde(default)]
    from_line: String,
    #[serde(default)]
    to_line: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    alternative_to: String,
    #[serde(default)]
    yes: String,
    #[serde(default)]
    no: String,
    #[serde(default)]
    abstain: String,
    /// A vote among options: the options, one per line, the method and the seats.
    #[serde(default)]
    options: String,
    #[serde(default)]
    method: String,
    #[serde(default)]
    seats: String,
    /// A ballot among options: option numbers, most preferred first; blanks are skipped.
    #[serde(default)]
    ranking: Vec<String>,
}

fn optional_number(text: &str, field: &'static str) -> Result<Option<u32>, WebError> {
    if text.trim().is_empty() { Ok(None) } else { number(text, field).map(Some) }
}

fn majority_from(form: &ActForm) -> Result<Majority, WebError> {
    let basis = match form.basis.as_str() {
        "" | "yes_no" => Basis::YesNo,
        "votes_cast" => Basis::VotesCast,
        "present" => Basis::Present,
        "members" => Basis::Members,
        _ => return Err(WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", "basis".to_owned())])),
    };
    Ok(match form.majority.as_str() {
        "" | "simple" => Majority::simple(basis),
        "two_thirds" => Majority::two_thirds(basis),
        "three_quarters" => Majority::three_quarters(basis),
        _ => return Err(WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", "majority".to_owned())])),
    })
}

fn mode_from(text: &str) -> Result<VoteMode, WebError> {
    match text {
        "" | "roll_call" => Ok(VoteMode::RollCall),
        "tellers" => Ok(VoteMode::Tellers),
        _ => Err(WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", "mode".to_owned())])),
    }
}

/// Turns a submitted form into the meeting event it asks for. Who acts is always the signed-in member.
pub fn command_from(form: &ActForm, assembly: u32, by: MemberId, council: &Council) -> Result<AssemblyEvent, WebError> {
    use AssemblyEvent as E;
    let member_or_me =
        || -> Result<MemberId, WebError> { Ok(optional_number(&form.member, "member")?.map_or(by, MemberId)) };
    let current_item = || -> Result<u32, WebError> {
        match optional_number(&form.item, "item")? {
            Some(item) => Ok(item),
            None => council
                .assembly(assembly)
                .and_then(|a| a.current_item)
                .ok_or_else(|| WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", "item".to_owned())])),
        }
    };
    let question_of = |subject: VoteSubject| -> Result<Title, WebError> {
        let a = council.assembly(assembly).ok_or(WebError::NotFound)?;
        let text = match subject {
            VoteSubject::Motion(id) => a.motion(id).map(|m| m.title.to_string()),
            VoteSubject::Amendment(id) => a.amendment(id).map(|am| {
                let motion = a.motion(am.motion).map(|m| m.title.to_string()).unwrap_or_default();
                format!("#{id} → {motion}")
            }),
            VoteSubject::Question => None,
        };
        let text = text.ok_or(WebError::NotFound)?;
        // A motion title is at most 200 characters; the amendment's prefix could push it past, so cut.
        title(&text.chars().take(kenes_council::assembly::model::MAX_TITLE).collect::<String>())
    };
    Ok(match form.action.as_str() {
        "open" => E::Opened(AssemblyAct { by, assembly }),
        "close" => E::Closed(AssemblyAct { by, assembly }),
        "check_in" => E::CheckedIn(Attendance { by, assembly, member: member_or_me()? }),
        "check_out" => E::CheckedOut(Attendance { by, assembly, member: member_or_me()? }),
        "add_item" => E::ItemAdded(ItemAdded {
            by,
            assembly,
            parent: optional_number(&form.parent, "parent")?,
            title: title(&form.title)?,
            minutes: optional_number(&form.minutes, "minutes")?.unwrap_or(0),
        }),
        "take_item" => E::ItemTaken(ItemTaken { by, assembly, item: number(&form.item, "item")? }),
        "move" => E::MotionSubmitted(MotionSubmitted {
            by,
            assembly,
            item: current_item()?,
            title: title(&form.title)?,
            text: long_text(&form.text)?,
            alternative_to: optional_number(&form.alternative_to, "alternative_to")?,
        }),
        "second_motion" => E::MotionSeconded(Seconded { by, assembly, motion: number(&form.motion, "motion")? }),
        "admit_motion" => E::MotionAdmitted(MotionStep { by, assembly, motion: number(&form.motion, "motion")? }),
        "debate_motion" => E::MotionDebated(MotionStep { by, assembly, motion: number(&form.motion, "motion")? }),
        "withdraw_motion" => E::MotionWithdrawn(MotionStep { by, assembly, motion: number(&form.motion, "motion")? }),
        "refer_motion" => E::MotionReferred(MotionStep { by, assembly, motion: number(&form.motion, "motion")? }),
        "amend" => E::AmendmentSubmitted(AmendmentSubmitted {
            by,
            assembly,
            motion: number(&form.motion, "motion")?,
            from_line: number(&form.from_line, "from_line")?,
            to_line: number(&form.to_line, "to_line")?,
            version: number(&form.version, "version")?,
            text: long_text(&form.text)?,
        }),
        "second_amendment" => {
            E::AmendmentSeconded(AmendmentStep { by, assembly, amendment: number(&form.amendment, "amendment")? })
        }
        "withdraw_amendment" => {
            E::AmendmentWithdrawn(AmendmentStep { by, assembly, amendment: number(&form.amendment, "amendment")? })
        }
        "request_floor" => E::SpeakerRequested(SpeakerRequested {
            by,
            assembly,
            item: current_item()?,
            member: member_or_me()?,
            kind: SpeechKind::parse(if form.kind.is_empty() { "speech" } else { &form.kind }).ok_or_else(|| {
                WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", "kind".to_owned())])
            })?,
        }),
        "withdraw_speaker" => {
            E::SpeakerWithdrawn(SpeakerWithdrawn { by, assembly, item: current_item()?, member: member_or_me()? })
        }
        "move_speaker" => E::SpeakerMoved(SpeakerMoved {
            by,
            assembly,
            item: current_item()?,
            member: member_or_me()?,
            position: optional_number(&form.position, "position")?.unwrap_or(0),
        }),
        "give_floor" => E::FloorGiven(FloorAct { by, assembly, item: current_item()? }),
        "end_speech" => E::SpeechEnded(FloorAct { by, assembly, item: current_item()? }),
        "vote_motion" | "vote_amendment" | "vote_question" => {
            let subject = match form.action.as_str() {
                "vote_motion" => VoteSubject::Motion(number(&form.motion, "motion")?),
                "vote_amendment" => VoteSubject::Amendment(number(&form.amendment, "amendment")?),
                _ => VoteSubject::Question,
            };
            let question = match subject {
                VoteSubject::Question => title(&form.question)?,
                _ if !form.question.trim().is_empty() => title(&form.question)?,
                other => question_of(other)?,
            };
            E::VoteOpened(VoteOpened {
                by,
                assembly,
                subject,
                question,
                mode: mode_from(&form.mode)?,
                majority: majority_from(form)?,
                choices: None,
            })
        }
        "vote_choices" => {
            let field =
                |name: &str| WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", name.to_owned())]);
            let options =
                form.options.lines().filter(|line| !line.trim().is_empty()).map(title).collect::<Result<_, _>>()?;
            let method = ChoiceMethod::parse(&form.method).ok_or_else(|| field("method"))?;
            let seats = optional_number(&form.seats, "seats")?.unwrap_or(1);
            E::VoteOpened(VoteOpened {
                by,
                assembly,
                subject: VoteSubject::Question,
                question: title(&form.question)?,
                mode: VoteMode::RollCall,
                majority: Majority::simple(Basis::VotesCast),
                choices: Some(Choices { options, method, seats: u8::try_from(seats).map_err(|_| field("seats"))? }),
            })
        }
        "rank" => E::VoteRanked(VoteRanked {
            by,
            assembly,
            vote: number(&form.vote, "vote")?,
            ranking: form
                .ranking
                .iter()
                .filter(|option| !option.trim().is_empty())
                .map(|option| number(option, "ranking"))
                .collect::<Result<_, _>>()?,
        }),
        "cast" => E::VoteCast(VoteCast {
            by,
            assembly,
            vote: number(&form.vote, "vote")?,
            choice: VoteChoice::parse(&form.choice).ok_or_else(|| {
                WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", "choice".to_owned())])
            })?,
        }),
        "count" => E::VoteCounted(VoteCounted {
            by,
            assembly,
            vote: number(&form.vote, "vote")?,
            yes: number(&form.yes, "yes")?,
            no: number(&form.no, "no")?,
            abstain: number(&form.abstain, "abstain")?,
        }),
        "close_vote" => E::VoteClosed(VoteClosed { by, assembly, vote: number(&form.vote, "vote")? }),
        "annotate" => E::MinutesAnnotated(MinutesAnnotated { by, assembly, text: long_text(&form.text)? }),
        _ => return Err(WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", "do".to_owned())])),
    })
}

/// Checks and writes one meeting action of the signed-in member (the page's form or the JSON API's body); returns
/// the council's height after it.
pub(crate) async fn perform(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    number: u32,
    form: &ActForm,
) -> Result<u64, WebError> {
    let me = require_member(state, ctx, council)?;
    let command = state.node().read(council, |c| {
        c.assembly(number).ok_or(WebError::NotFound)?;
        command_from(form, number, me, c)
    })??;
    let event = state.execute_blocking(council, CouncilEvent::Assembly(command)).await?;
    Ok(event.height + 1)
}

/// One endpoint for every meeting action (`do` names it). A browser gets a redirect back to the meeting; `live.js`
/// sends `X-Kenes-Fetch` and gets 204, or the error's message as text (`error::render_errors`), so the page stays
/// where it is.
pub async fn act_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((id, number)): Path<(String, String)>,
    Form(form): Form<ActForm>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    ctx.check_csrf(Some(&form.csrf))?;
    let height = perform(&state, &ctx, council, number, &form).await?;
    if headers.contains_key("x-kenes-fetch") {
        // The council's height after the action: the live stream's event ids, so a client knows when it has caught up.
        Ok((StatusCode::NO_CONTENT, [("x-kenes-height", height.to_string())]).into_response())
    } else {
        Ok(Redirect::to(&format!("/c/{id}/a/{number}")).into_response())
    }
}

/// Who was present at some point of the meeting, in member order.
pub fn attendees(assembly: &Assembly) -> BTreeSet<MemberId> {
    assembly.attendance.iter().filter(|a| a.present).map(|a| a.member).collect()
}

/// The shared live fragment, cached per council height, with the server-sent event that carries it encoded once: every
/// stream sends the same bytes.
#[derive(Clone, Debug)]
pub struct Fragment {
    pub height: u64,
    pub html: Arc<str>,
    pub event: Bytes,
}

impl Fragment {
    pub fn new(height: u64, html: String) -> Fragment {
        // `event: live`, `id:` the council height, then the fragment, one data line per line of HTML. Each stream
        // sends its own `time` event just before, for clocks that agree across phones.
        let mut event = format!("event: live\nid: {height}\n");
        for line in html.split('\n') {
            event.push_str("data: ");
            event.push_str(line.trim_end_matches('\r'));
            event.push('\n');
        }
        event.push('\n');
        Fragment { height, html: Arc::from(html), event: Bytes::from(event) }
    }
}
