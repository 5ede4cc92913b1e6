//! The list of a council's assemblies and convening one.

use axum::extract::{Path, State};
use axum::response::Response;
use axum_extra::extract::Form;
use maud::{Markup, html};
use serde::Deserialize;

use kenes_council::assembly::events::*;
use kenes_council::assembly::model::{Rules, Title};
use kenes_council::{Council, CouncilEvent, MemberId};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::once::Replay;
use crate::ui::{layout_with, require_member, t};

use super::*;

pub async fn assemblies_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Markup, WebError> {
    let council = EventHash::from_hex(&id).map_err(|_| WebError::NotFound)?;
    let me = require_member(&state, &ctx, council)?;
    Ok(state.node().read(council, |c| assemblies_markup(&state, &ctx, c, me))?)
}

pub(crate) fn assemblies_markup(state: &AppState, ctx: &Ctx, council: &Council, me: MemberId) -> Markup {
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
                            td { (status_label(state, lang, a)) }
                        }
                    }
                }
            }
        }
        @if presides {
            section aria-labelledby="convene-heading" {
                h2 id="convene-heading" { (t(state, ctx, "mt-convene")) }
                form method="post" action={ "/c/" (id) "/assemblies" } {
                    (crate::once::field())
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
    once: String,
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

pub(crate) fn number<T: std::str::FromStr>(text: &str, field: &'static str) -> Result<T, WebError> {
    text.trim()
        .parse()
        .map_err(|_| WebError::BadInputWith("mt-error-number".to_owned(), vec![("field", field.to_owned())]))
}

pub(crate) fn title(text: &str) -> Result<Title, WebError> {
    Title::parse(text).map_err(|e| WebError::from_invalid(&e))
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
    let once = form.once.clone();
    state.once().run(&ctx, &once, || convene(&state, council, me, form)).await
}

/// Convenes the meeting the form describes; answers with its page.
async fn convene(state: &AppState, council: EventHash, me: MemberId, form: ConveneForm) -> Result<Replay, WebError> {
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
    Ok(Replay::SeeOther(format!("/c/{}/a/{number}", council.to_hex())))
}
