//! The pages of a council: creating one, its page with members and links, settings, invitations.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use kenes_council::{Colour, Council, CouncilKind, MemberId, Role};
use kenes_record::EventHash;
use kenes_store::{Token, TokenPurpose};

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::i18n::CATALOGS;
use crate::once::Replay;

use super::now::{self, Card};
use super::*;
use crate::ui::*;

// Creating a council

pub async fn new_council_page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let account = ctx.require_account()?;
    if !account.is_admin {
        return Err(WebError::Forbidden);
    }
    let title = t(&state, &ctx, "council-create");
    let body = html! {
        form method="post" action="/councils" {
            (crate::once::field())
            input type="hidden" name="csrf" value=(ctx.csrf());
            p {
                label for="name" { (t(&state, &ctx, "council-name")) }
                input id="name" name="name" required maxlength="120";
            }
            p {
                label for="kind" { (t(&state, &ctx, "council-kind")) }
                select id="kind" name="kind" {
                    @for kind in CouncilKind::ALL { option value=(kind.as_str()) { (kind_label(&state, &ctx, kind)) } }
                }
            }
            p {
                label for="description" { (t(&state, &ctx, "council-description")) }
                textarea id="description" name="description" rows="4" maxlength="4000" {}
            }
            fieldset {
                legend { (t(&state, &ctx, "council-languages")) }
                @for (code, name, _) in CATALOGS {
                    label.check { input type="checkbox" name="languages" value=(code) checked[*code == ctx.lang]; " " span lang=(code) { (name) } }
                }
            }
            p {
                label for="founder" { (t(&state, &ctx, "council-founder-name")) }
                input id="founder" name="founder" required maxlength="100" aria-describedby="founder-hint";
                small id="founder-hint" { (t(&state, &ctx, "display-name-hint")) }
            }
            p { button type="submit" { (t(&state, &ctx, "council-create")) } }
        }
    };
    Ok(layout(&state, &ctx, &title, body).into_response())
}

/// Form body of the council creation form; `languages` repeats, so it is parsed as pairs.
pub(crate) fn parse_pairs(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().collect()
}

pub async fn settings_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, WebError> {
    let pairs = parse_pairs(&body);
    let get = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let council = parse_council_id(&id)?;
    ctx.check_csrf(Some(&get("csrf")))?;
    let languages: Vec<String> = pairs.iter().filter(|(k, _)| k == "languages").map(|(_, v)| v.clone()).collect();
    let input = Settings {
        name: get("name"),
        description: get("description"),
        languages,
        private: get("private") == "1",
        colour: get("colour"),
    };
    update_settings(&state, &ctx, council, input).await?;
    Ok(see_other(&format!("/c/{id}/manage#settings-heading")))
}

/// The council's choice of nodes that may hold its copy: node cards, one per line, and whether anyone may.
pub async fn copies_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, WebError> {
    let pairs = parse_pairs(&body);
    let get = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let council = parse_council_id(&id)?;
    ctx.check_csrf(Some(&get("csrf")))?;
    let cards: Vec<String> = get("cards").lines().map(str::to_owned).collect();
    if cards.len() > 200 {
        return Err(WebError::BadInput("error-too-many-holders".to_owned()));
    }
    choose_copies(&state, &ctx, council, &cards, get("public") == "1").await?;
    Ok(see_other(&format!("/c/{id}/manage#copies-heading")))
}

pub async fn create_council_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    body: axum::body::Bytes,
) -> Result<Response, WebError> {
    let pairs = parse_pairs(&body);
    let get = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    ctx.check_csrf(Some(&get("csrf")))?;
    let account = ctx.require_account()?;
    let input = NewCouncil {
        name: get("name"),
        kind: get("kind"),
        description: get("description"),
        languages: pairs.iter().filter(|(k, _)| k == "languages").map(|(_, v)| v.clone()).collect(),
        founder: get("founder"),
    };
    state
        .once()
        .run(&ctx, &get("once"), || async {
            let id = create_council(&state, account, input)?;
            Ok(Replay::SeeOther(format!("/c/{}", id.to_hex())))
        })
        .await
}

// ---------------------------------------------------------------------------------------------------------------
// A council

pub async fn council_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = parse_council_id(&id)?;
    let me = require_member(&state, &ctx, id)?;
    let cards: Vec<(Option<String>, Card)> = now::cards(&state, &ctx, id, me)?.into_iter().map(|c| (None, c)).collect();
    let copies = copies_markup(&state, &ctx, id)?;
    let page = state.node().read(id, |council| council_markup(&state, &ctx, council, me, &cards, copies))?;
    Ok(page.into_response())
}

/// The council's administration: invitations, members added by name, open links, settings, a roll to import.
/// Only for those who manage members.
pub async fn manage_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = parse_council_id(&id)?;
    let me = require_member(&state, &ctx, id)?;
    if !state.node().read(id, |c| kenes_council::may_manage(c, me))? {
        return Err(WebError::Forbidden);
    }
    let links = open_links(&state, &ctx, id)?;
    let page = state.node().read(id, |council| manage_markup(&state, &ctx, council, &links))?;
    Ok(page.into_response())
}

pub(crate) fn role_select(state: &AppState, ctx: &Ctx, id: &str, selected: Role) -> Markup {
    html! {
        select id=(id) name="role" {
            @for role in Role::ALL { option value=(role.as_str()) selected[role == selected] { (role_label(state, ctx, role)) } }
        }
    }
}

/// What the copies of the record say, read before the council's lock is taken: a fork caught (two histories its
/// home node signed), or how many nodes vouched for its current head.
fn copies_markup(state: &AppState, ctx: &Ctx, id: EventHash) -> Result<Markup, WebError> {
    if let Some(fork) = state.node().fork_of(id)? {
        return Ok(html! {
            div role="alert" { p { (ta(state, ctx, "copies-fork", &[("height", fork.height.to_string()), ("from", fork.from)])) } }
        });
    }
    let note = state.node().checkpoint(id)?;
    let others = note.signatures.len().saturating_sub(1);
    Ok(html! {
        @if others > 0 {
            p.meta { (ta(state, ctx, "copies-vouched", &[("count", others.to_string()), ("height", note.checkpoint.height.to_string())])) }
        }
    })
}

pub(crate) fn council_markup(
    state: &AppState,
    ctx: &Ctx,
    council: &Council,
    me: MemberId,
    cards: &[(Option<String>, Card)],
    copies: Markup,
) -> Markup {
    let id = council.id().to_hex();
    let manages = kenes_council::may_manage(council, me);
    let body = html! {
        (now::section(state, ctx, cards))
        (copies)
        p.meta { (kind_label(state, ctx, council.kind)) " · " (ta(state, ctx, "council-member-total", &[("count", council.active_member_count().to_string())])) }
        @if !council.description.as_str().is_empty() { p.description { (council.description.as_str()) } }
        nav aria-label=(t(state, ctx, "council-sections")) {
            ul.links {
                li { a href={ "/c/" (id) "/assemblies" } { (t(state, ctx, "mt-assemblies")) } }
                li { a href={ "/c/" (id) "/elections" } { (t(state, ctx, "el-elections")) } }
                li { a href={ "/c/" (id) "/federation" } { (t(state, ctx, "fd-title")) } }
                li { a href={ "/c/" (id) "/record" } { (t(state, ctx, "record-title")) } }
                li { a href={ "/c/" (id) "/bundle" } download { (t(state, ctx, "bundle-download")) } }
                @if manages { li { a href={ "/c/" (id) "/manage" } { (t(state, ctx, "manage-title")) } } }
            }
        }
        (super::offices::section(state, ctx, council, crate::auth::now_ms()))
        section aria-labelledby="members-heading" {
            h2 id="members-heading" { (t(state, ctx, "members-title")) }
            table {
                thead { tr {
                    th scope="col" { "#" }
                    th scope="col" { (t(state, ctx, "field-display-name")) }
                    th scope="col" { (t(state, ctx, "field-role")) }
                    th scope="col" { (t(state, ctx, "member-joined")) }
                } }
                tbody {
                    @for member in council.active_members() {
                        tr {
                            td { (member.id) }
                            td { a href={ "/c/" (id) "/members/" (member.id) } { (member.name.as_str()) } @if member.id == me { " " (t(state, ctx, "member-you")) } }
                            td { (role_label(state, ctx, member.role)) }
                            td { (format_time(member.joined_ms)) }
                        }
                    }
                }
            }
        }
    };
    layout(state, ctx, council.name.as_str(), body)
}

pub(crate) fn manage_markup(state: &AppState, ctx: &Ctx, council: &Council, links: &[(String, Token)]) -> Markup {
    let id = council.id().to_hex();
    let body = html! {
        p { a href={ "/c/" (id) } { (t(state, ctx, "back-to-council")) } }
        section aria-labelledby="add-heading" {
            h2 id="add-heading" { (t(state, ctx, "member-add-title")) }
            p { (t(state, ctx, "member-add-hint")) }
            form method="post" action={ "/c/" (id) "/members" } {
                (crate::once::field())
                input type="hidden" name="csrf" value=(ctx.csrf());
                p { label for="add-name" { (t(state, ctx, "field-display-name")) } input id="add-name" name="name" required maxlength="100"; }
                p { label for="add-role" { (t(state, ctx, "field-role")) } (role_select(state, ctx, "add-role", Role::Member)) }
                p { button type="submit" { (t(state, ctx, "member-add-submit")) } }
            }
        }
        (super::offices::manage(state, ctx, council, crate::auth::now_ms()))
        section aria-labelledby="invite-heading" {
            h2 id="invite-heading" { (t(state, ctx, "invite-title")) }
            p { (t(state, ctx, "invite-hint")) }
            form method="post" action={ "/c/" (id) "/invitations" } {
                (crate::once::field())
                input type="hidden" name="csrf" value=(ctx.csrf());
                p { label for="invite-role" { (t(state, ctx, "field-role")) } (role_select(state, ctx, "invite-role", Role::Member)) }
                p { button type="submit" { (t(state, ctx, "invite-submit")) } }
            }
        }
        section aria-labelledby="links-heading" {
            h2 id="links-heading" { (t(state, ctx, "links-title")) }
            p { (t(state, ctx, "links-hint")) }
            @if links.is_empty() {
                p { (t(state, ctx, "links-none")) }
            } @else {
                table {
                    thead { tr {
                        th scope="col" { (t(state, ctx, "links-col-link")) }
                        th scope="col" { (t(state, ctx, "links-col-expires")) }
                        th scope="col" { span.visually-hidden { (t(state, ctx, "link-revoke")) } }
                    } }
                    tbody {
                        @for (hash, token) in links {
                            @let member_name = token.member.and_then(|m| council.member(MemberId(m))).map(|m| m.name.to_string()).unwrap_or_default();
                            tr {
                                td { @match token.purpose {
                                    TokenPurpose::SignIn => (ta(state, ctx, "link-signin", &[("name", member_name)])),
                                    _ => {
                                        @let role = token.role.as_deref().and_then(|r| r.parse::<Role>().ok()).unwrap_or(Role::Member);
                                        (ta(state, ctx, "link-invitation", &[("role", role_label(state, ctx, role)), ("name", member_name)]))
                                    }
                                } }
                                td { (format_time(token.expires_ms)) }
                                td {
                                    (crate::ui::confirm(&t(state, ctx, "link-revoke"), &t(state, ctx, "link-revoke-question"), html! {
                                        form method="post" action={ "/c/" (id) "/links/" (hash) "/revoke" } {
                                            input type="hidden" name="csrf" value=(ctx.csrf());
                                            button.danger type="submit" aria-label=(ta(state, ctx, "link-revoke-label", &[("expires", format_time(token.expires_ms))])) { (t(state, ctx, "link-revoke-confirm")) }
                                        }
                                    }))
                                }
                            }
                        }
                    }
                }
            }
        }
        section aria-labelledby="settings-heading" {
            h2 id="settings-heading" { (t(state, ctx, "settings-title")) }
            form method="post" action={ "/c/" (id) "/settings" } {
                input type="hidden" name="csrf" value=(ctx.csrf());
                p { label for="settings-name" { (t(state, ctx, "council-name")) } input id="settings-name" name="name" required maxlength="120" value=(council.name.as_str()); }
                p { label for="settings-description" { (t(state, ctx, "council-description")) } textarea id="settings-description" name="description" rows="3" maxlength="4000" { (council.description.as_str()) } }
                fieldset {
                    legend { (t(state, ctx, "council-languages")) }
                    @for (code, name, _) in CATALOGS {
                        label.check { input type="checkbox" name="languages" value=(code) checked[council.languages.as_slice().iter().any(|l| l == code)]; " " span lang=(code) { (name) } }
                    }
                }
                p.check {
                    input id="settings-private" type="checkbox" name="private" value="1" checked[council.private] aria-describedby="settings-private-hint";
                    " " label for="settings-private" { (t(state, ctx, "settings-private")) }
                    br; small id="settings-private-hint" { (t(state, ctx, "settings-private-hint")) }
                }
                fieldset.colours {
                    legend { (t(state, ctx, "settings-colour")) }
                    label.check { input type="radio" name="colour" value="" checked[council.colour.is_none()]; " " (t(state, ctx, "colour-none")) }
                    @for colour in Colour::ALL {
                        label.check {
                            input type="radio" name="colour" value=(colour.as_str()) checked[council.colour == Some(colour)];
                            " " span class={ "swatch colour-" (colour.as_str()) } {} (t(state, ctx, &format!("colour-{}", colour.as_str())))
                        }
                    }
                }
                p { button type="submit" { (t(state, ctx, "settings-submit")) } }
            }
        }
        section aria-labelledby="copies-heading" {
            h2 id="copies-heading" { (t(state, ctx, "copies-title")) }
            p { (t(state, ctx, "copies-help")) }
            form method="post" action={ "/c/" (id) "/copies" } {
                input type="hidden" name="csrf" value=(ctx.csrf());
                p {
                    label for="copies-cards" { (t(state, ctx, "copies-cards")) }
                    textarea id="copies-cards" name="cards" rows="3" spellcheck="false" aria-describedby="copies-cards-hint" {
                        @for holder in &council.holders { (kenes_council::copies::card(holder.node, &holder.age)) "\n" }
                    }
                    small id="copies-cards-hint" { (t(state, ctx, "copies-cards-hint")) }
                }
                p.check {
                    input id="copies-public" type="checkbox" name="public" value="1" checked[council.public];
                    " " label for="copies-public" { (t(state, ctx, "copies-public")) }
                }
                p { button type="submit" { (t(state, ctx, "copies-submit")) } }
            }
        }
        section aria-labelledby="import-heading" {
            h2 id="import-heading" { (t(state, ctx, "import-title")) }
            p { (t(state, ctx, "import-hint")) }
            form method="post" action={ "/c/" (id) "/import" } enctype="multipart/form-data" {
                input type="hidden" name="csrf" value=(ctx.csrf());
                p { label for="roll" { (t(state, ctx, "import-file")) } input id="roll" name="roll" type="file" accept=".csv,text/csv" required; }
                p { button type="submit" { (t(state, ctx, "import-submit")) } }
            }
        }
    };
    let title = ta(state, ctx, "manage-page-title", &[("council", council.name.as_str().to_owned())]);
    layout(state, ctx, &title, body)
}

#[derive(Debug, Deserialize)]
pub struct AddMemberForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    once: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
}

pub(crate) fn link_page(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    title_key: &str,
    hint_key: &str,
    link: &str,
) -> Markup {
    let title = t(state, ctx, title_key);
    let body = html! {
        p { (t(state, ctx, hint_key)) }
        p { label for="link" { (t(state, ctx, "link-label")) } input id="link" readonly value=(link) size="60"; }
        figure {
            (crate::ui::qr_svg(link, &t(state, ctx, "link-qr-label")))
            figcaption.meta { (t(state, ctx, "link-qr-hint")) }
        }
        p { a href={ "/c/" (council.to_hex()) "/manage" } { (t(state, ctx, "back-to-manage")) } }
    };
    layout(state, ctx, &title, body)
}

pub async fn add_member_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<AddMemberForm>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    ctx.check_csrf(Some(&form.csrf))?;
    let once = form.once.clone();
    state
        .once()
        .run(&ctx, &once, || async {
            let (state2, ctx2) = (state.clone(), ctx.clone());
            let (_, link) =
                crate::blocking(move || add_member(&state2, &ctx2, council, &form.name, &form.role)).await?;
            Ok(Replay::Page(
                link_page(&state, &ctx, council, "member-added-title", "member-added-hint", &link).into_string(),
            ))
        })
        .await
}

#[derive(Debug, Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    once: String,
    #[serde(default)]
    role: String,
}

pub async fn invite_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<InviteForm>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    ctx.check_csrf(Some(&form.csrf))?;
    state
        .once()
        .run(&ctx, &form.once, || async {
            let link = create_invitation(&state, &ctx, council, &form.role)?;
            Ok(Replay::Page(
                link_page(&state, &ctx, council, "invite-created-title", "invite-created-hint", &link).into_string(),
            ))
        })
        .await
}

pub async fn revoke_link_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, link)): Path<(String, String)>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    ctx.check_csrf(Some(&form.csrf))?;
    revoke_link(&state, &ctx, council, &link)?;
    Ok(see_other(&format!("/c/{id}/manage#links-heading")))
}
