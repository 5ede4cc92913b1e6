//! The list of a council's elections and the set-up form.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::Form;
use maud::{Markup, html};

use kenes_council::{Council, Role};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::{layout_with, require_member, t, ta};

use super::*;

pub async fn elections_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let council = EventHash::from_hex(&id).map_err(|_| WebError::NotFound)?;
    let me = require_member(&state, &ctx, council)?;
    let markup = state.node().read(council, |c| {
        let presides = c.member(me).is_some_and(|m| matches!(m.role, Role::Chair | Role::Secretary));
        list_markup(&state, &ctx, c, presides)
    })?;
    Ok(layout_with(&state, &ctx, &t(&state, &ctx, "el-elections"), html! {}, markup).into_response())
}

pub(crate) fn list_markup(state: &AppState, ctx: &Ctx, council: &Council, presides: bool) -> Markup {
    let id = council.id();
    html! {
        p { a href={ "/c/" (id.to_hex()) } { (council.name.as_str()) } }
        @if council.elections().is_empty() { p { (t(state, ctx, "el-none")) } }
        ul {
            @for e in council.elections() {
                li { a href=(base(id, e.id)) { (e.title.as_str()) } " — " (t(state, ctx, &format!("el-status-{}", e.status.as_str()))) }
            }
        }
        @if presides {
            section aria-labelledby="new-election" {
                h2 id="new-election" { (t(state, ctx, "el-new")) }
                form method="post" action={ "/c/" (id.to_hex()) "/elections" } {
                    (crate::once::field())
                    input type="hidden" name="csrf" value=(ctx.csrf());
                    p { label for="el-title" { (t(state, ctx, "el-title")) } input id="el-title" name="title" required maxlength="200"; }
                    p { label for="el-description" { (t(state, ctx, "el-description")) } input id="el-description" name="description" maxlength="1000"; }
                    @for q in 1..=FORM_QUESTIONS {
                        fieldset {
                            legend { (ta(state, ctx, "el-question-number", &[("number", q.to_string())])) }
                            p { label for={ "q" (q) } { (t(state, ctx, "el-question")) } input id={ "q" (q) } name={ "q" (q) } maxlength="500" required[q == 1]; }
                            p { label for={ "q" (q) "-answers" } { (t(state, ctx, "el-answers")) } textarea id={ "q" (q) "-answers" } name={ "q" (q) "_answers" } rows="3" {} }
                            p {
                                label for={ "q" (q) "-kind" } { (t(state, ctx, "el-kind")) } " "
                                select id={ "q" (q) "-kind" } name={ "q" (q) "_kind" } aria-describedby={ "q" (q) "-kind-help" } {
                                    @for kind in ["", "irv", "stv", "schulze", "borda", "mj"] {
                                        option value=(kind) { (t(state, ctx, &format!("el-kind-{}", if kind.is_empty() { "mark" } else { kind }))) }
                                    }
                                }
                                br; small id={ "q" (q) "-kind-help" } { (t(state, ctx, "el-kind-help")) }
                            }
                            // Each field shows only for the answers it applies to (style.css, by the menu's choice).
                            p.for-stv {
                                label for={ "q" (q) "-seats" } { (t(state, ctx, "el-seats")) } " "
                                input id={ "q" (q) "-seats" } name={ "q" (q) "_seats" } type="number" min="1" max="29" value="1";
                                " " label for={ "q" (q) "-rules" } { (t(state, ctx, "el-rules")) } " "
                                select id={ "q" (q) "-rules" } name={ "q" (q) "_rules" } {
                                    @for rules in ["", "wigm", "ers97", "meek"] {
                                        option value=(rules) { (t(state, ctx, &format!("el-rules-{}", if rules.is_empty() { "scottish" } else { rules }))) }
                                    }
                                }
                            }
                            p.for-mj {
                                label for={ "q" (q) "-grades" } { (t(state, ctx, "el-grades")) } " "
                                textarea id={ "q" (q) "-grades" } name={ "q" (q) "_grades" } rows="3" placeholder=(t(state, ctx, "el-grades-example")) {}
                            }
                            p.for-marks {
                                label for={ "q" (q) "-min" } { (t(state, ctx, "el-min")) } " " input id={ "q" (q) "-min" } name={ "q" (q) "_min" } type="number" min="0" max="50" value="1";
                                " " label for={ "q" (q) "-max" } { (t(state, ctx, "el-max")) } " " input id={ "q" (q) "-max" } name={ "q" (q) "_max" } type="number" min="1" max="50" value="1";
                            }
                            p.for-marks { input id={ "q" (q) "-blank" } name={ "q" (q) "_blank" } type="checkbox" value="1"; " " label for={ "q" (q) "-blank" } { (t(state, ctx, "el-blank")) } }
                        }
                    }
                    p {
                        label for="el-roll" { (t(state, ctx, "el-roll")) }
                        textarea id="el-roll" name="roll" rows="3" {}
                        small { (t(state, ctx, "el-roll-help")) }
                    }
                    @let open_assemblies: Vec<_> = council.assemblies().iter().filter(|a| a.status == kenes_council::assembly::Status::Open).collect();
                    @if !open_assemblies.is_empty() {
                        p {
                            label for="el-assembly" { (t(state, ctx, "el-voters-from")) }
                            select id="el-assembly" name="assembly" {
                                option value="" { (t(state, ctx, "el-voters-all")) }
                                @for a in open_assemblies { option value=(a.id) { (ta(state, ctx, "el-voters-present", &[("title", a.title.to_string())])) } }
                            }
                        }
                    }
                    p {
                        input id="el-hall" name="hall" type="checkbox" value="1" aria-describedby="el-hall-help"; " "
                        label for="el-hall" { (t(state, ctx, "el-hall")) }
                        br; small id="el-hall-help" { (t(state, ctx, "el-hall-help")) }
                    }
                    p {
                        label for="el-authority" { (t(state, ctx, "el-authority")) }
                        select id="el-authority" name="authority" {
                            option value="" { (t(state, ctx, "el-authority-server")) }
                            @for m in council.active_members().filter(|m| m.role != Role::Observer) { option value=(m.id.0) { (m.name.as_str()) } }
                        }
                    }
                    fieldset {
                        legend { (t(state, ctx, "el-trustees")) }
                        @for m in council.active_members().filter(|m| m.role != Role::Observer) {
                            p { input id={ "trustee-" (m.id.0) } name="trustee" type="checkbox" value=(m.id.0); " " label for={ "trustee-" (m.id.0) } { (m.name.as_str()) } }
                        }
                        p { label for="el-threshold" { (t(state, ctx, "el-threshold")) } " " input id="el-threshold" name="threshold" type="number" min="0" max="20" value="0"; }
                        p.meta { (t(state, ctx, "el-threshold-help")) }
                    }
                    details {
                        summary { (t(state, ctx, "el-group")) }
                        p {
                            label for="el-group" { (t(state, ctx, "el-group")) } " "
                            select id="el-group" name="group" aria-describedby="el-group-help" {
                                @for group in GROUPS { option value=(group) { (group) } }
                            }
                        }
                        p.meta #el-group-help { (t(state, ctx, "el-group-help")) }
                    }
                    p { button type="submit" { (t(state, ctx, "el-create")) } }
                }
            }
        }
    }
}

/// The set-up form: read, checked against the council, announced in the record; then the election's page.
pub async fn create_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<NewElectionForm>,
) -> Result<Response, WebError> {
    let council = EventHash::from_hex(&id).map_err(|_| WebError::NotFound)?;
    ctx.check_csrf(Some(&form.csrf))?;
    let me = presiding(&state, &ctx, council)?;
    let new = NewElection::from_form(&form)?;
    state
        .once()
        .run(&ctx, &form.once, || async {
            let number = announce(&state, council, me, new).await?;
            Ok(crate::once::Replay::SeeOther(base(council, number)))
        })
        .await
}
