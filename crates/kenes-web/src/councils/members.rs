//! A member's page and the forms on it: role, name, removal, a fresh sign-in link.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use kenes_council::{JoinedVia, MemberId};

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::once::Replay;

use super::*;
use crate::ui::*;

// Members

pub async fn member_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, u32)>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    let me = require_member(&state, &ctx, council)?;
    let member_id = MemberId(number);
    let page = state.node().read(council, |c| {
        let member = c.member(member_id)?.clone();
        let manages = kenes_council::may_manage(c, me);
        let added_by = member.added_by.and_then(|by| c.member(by)).map(|m| m.name.to_string());
        Some((member, manages, c.name.as_str().to_owned(), added_by))
    })?;
    let (member, manages, council_name, added_by) = page.ok_or(WebError::NotFound)?;
    let hex = council.to_hex();
    let body = html! {
        dl {
            dt { (t(&state, &ctx, "field-council")) } dd { a href={ "/c/" (hex) } { (council_name) } }
            dt { (t(&state, &ctx, "member-number")) } dd { (member.id) }
            dt { (t(&state, &ctx, "field-role")) } dd { (role_label(&state, &ctx, member.role)) }
            dt { (t(&state, &ctx, "member-status")) } dd { (t(&state, &ctx, if member.active { "member-active" } else { "member-removed" })) }
            dt { (t(&state, &ctx, "member-joined")) } dd { (format_time(member.joined_ms)) " (" (ta(&state, &ctx, "record-height-n", &[("height", member.joined_height.to_string())])) ")" }
            dt { (t(&state, &ctx, "member-joined-via")) } dd {
                (t(&state, &ctx, match member.joined_via {
                    // Member 1 is the founder, written by `council.created` itself.
                    _ if member.id == MemberId(1) => "joined-via-founder",
                    JoinedVia::Invitation => "joined-via-invitation",
                    JoinedVia::Secretary => "joined-via-secretary",
                }))
                @if let Some(by) = &added_by { " · " (by) }
            }
        }
        @if member.active && (member.id == me || manages) {
            h2 { (t(&state, &ctx, "member-rename-title")) }
            form method="post" action={ "/c/" (hex) "/members/" (member.id) "/name" } {
                input type="hidden" name="csrf" value=(ctx.csrf());
                label for="new-name" { (t(&state, &ctx, "field-display-name")) }
                input id="new-name" name="name" required maxlength="100" value=(member.name.as_str());
                button type="submit" { (t(&state, &ctx, "member-rename-submit")) }
            }
        }
        @if manages && member.active && member.id != me {
            h2 { (t(&state, &ctx, "member-manage")) }
            form method="post" action={ "/c/" (hex) "/members/" (member.id) "/role" } {
                input type="hidden" name="csrf" value=(ctx.csrf());
                label for="role" { (t(&state, &ctx, "field-role")) }
                (role_select(&state, &ctx, "role", member.role))
                button type="submit" { (t(&state, &ctx, "member-change-role")) }
            }
            form method="post" action={ "/c/" (hex) "/members/" (member.id) "/link" } {
                (crate::once::field())
                input type="hidden" name="csrf" value=(ctx.csrf());
                button type="submit" { (t(&state, &ctx, "member-make-link")) }
            }
            (crate::ui::confirm(&t(&state, &ctx, "member-remove"), &ta(&state, &ctx, "member-remove-question", &[("name", member.name.to_string())]), html! {
                form method="post" action={ "/c/" (hex) "/members/" (member.id) "/remove" } {
                    input type="hidden" name="csrf" value=(ctx.csrf());
                    button.danger type="submit" { (t(&state, &ctx, "member-remove-confirm")) }
                }
            }))
        }
    };
    Ok(layout(&state, &ctx, member.name.as_str(), body).into_response())
}

#[derive(Debug, Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    role: String,
}

pub async fn change_role_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, u32)>,
    Form(form): Form<RoleForm>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    ctx.check_csrf(Some(&form.csrf))?;
    change_role(&state, &ctx, council, number, &form.role).await?;
    Ok(see_other(&format!("/c/{id}/members/{number}")))
}

#[derive(Debug, Deserialize)]
pub struct NameForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
}

pub async fn rename_member_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, u32)>,
    Form(form): Form<NameForm>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    ctx.check_csrf(Some(&form.csrf))?;
    rename_member(&state, &ctx, council, number, &form.name).await?;
    Ok(see_other(&format!("/c/{id}/members/{number}")))
}

pub async fn remove_member_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, u32)>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    ctx.check_csrf(Some(&form.csrf))?;
    remove_member(&state, &ctx, council, number).await?;
    Ok(see_other(&format!("/c/{id}")))
}

pub async fn member_link_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, u32)>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    ctx.check_csrf(Some(&form.csrf))?;
    state
        .once()
        .run(&ctx, &form.once, || async {
            let link = member_signin_link(&state, &ctx, council, number)?;
            Ok(Replay::Page(
                link_page(&state, &ctx, council, "member-link-title", "member-added-hint", &link).into_string(),
            ))
        })
        .await
}

// ---------------------------------------------------------------------------------------------------------------
