//! The meeting page, rendered whole for the person asking (the projector's page is in `projector.rs`).

use axum::extract::{Path, State};
use maud::{Markup, html};

use kenes_council::assembly::Assembly;
use kenes_council::{Council, MemberId};

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::{layout_with, require_member, t, ta};

use super::*;

/// The checks every meeting page starts with (a council, a meeting in it, an active member asking), then `render`
/// on the council's current state.
pub(crate) fn meeting_page(
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
    // A delegate's instructions come from their own council's record, read before this council's lock is taken.
    let instructions = match kenes_record::EventHash::from_hex(&id) {
        Ok(council) => crate::federations::my_instructions(&state, &ctx, council)?,
        Err(_) => Default::default(),
    };
    meeting_page(&state, &ctx, &id, &number, |c, assembly, me| {
        let view = if kenes_council::may_manage(c, me) { View::Presiding } else { View::Member };
        assembly_markup(&state, &ctx, c, assembly, me, view, &instructions)
    })
}

pub(crate) fn assembly_markup(
    state: &AppState,
    ctx: &Ctx,
    council: &Council,
    assembly: &Assembly,
    me: MemberId,
    view: View,
    instructions: &crate::federations::Instructions,
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
        @let mine: Vec<_> = instructions.on.iter().filter(|(a, _, _)| *a == assembly.id).collect();
        @if !mine.is_empty() {
            section aria-labelledby="instructions-heading" {
                h2 id="instructions-heading" { (ta(state, ctx, "fd-your-instructions", &[("council", instructions.council.clone())])) }
                ul { @for (_, motion, instruction) in mine {
                    @let title = assembly.motion(*motion).map(|m| m.title.as_str().to_owned()).unwrap_or_default();
                    li { (ta(state, ctx, "fd-your-instruction", &[("motion", motion.to_string()), ("title", title), ("instruction", instruction.as_str().to_owned())])) }
                } }
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
