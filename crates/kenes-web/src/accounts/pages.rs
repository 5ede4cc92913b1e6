//! The pages of accounts: home, sign-in and sign-out, the language, the first administrator, joining by invitation, signing in by link, and the account page.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use kenes_council::events::MemberAdded;
use kenes_council::{CouncilEvent, DisplayName, JoinedVia, MemberId, Role};
use kenes_store::{Account, TokenPurpose};

use crate::AppState;
use crate::auth::{
    Ctx, LANG_COOKIE, check_new_password, clear_session_cookie, hash_password, now_ms, session_cookie, start_session,
    token_hash,
};
use crate::error::WebError;

use super::*;
use crate::ui::*;

// Home, sign-in, sign-out, language

pub async fn home(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let Some(account) = &ctx.account else {
        let title = t(&state, &ctx, "home-title");
        let body = html! {
            p { (t(&state, &ctx, "home-intro")) }
            p { a.button href="/signin" { (t(&state, &ctx, "nav-sign-in")) } }
        };
        return Ok(layout(&state, &ctx, &title, body).into_response());
    };
    let memberships = state.node().store().backend().memberships(account.id)?;
    let mut rows = Vec::new();
    let mut cards = Vec::new();
    for (council, member) in memberships {
        let row = state.node().read(council, |c| {
            let role = c.member(MemberId(member)).filter(|m| m.active).map(|m| m.role);
            (c.name.as_str().to_owned(), c.kind, c.active_member_count(), role, c.colour)
        });
        if let Ok((name, kind, count, Some(role), colour)) = row {
            for card in crate::councils::now::cards(&state, &ctx, council, MemberId(member))? {
                cards.push((Some(name.clone()), card));
            }
            rows.push((council, name, kind, count, role, colour));
        }
    }
    // Across councils, what is happening now comes before what is coming.
    cards.sort_by_key(|(_, card)| card.urgency != "now");
    let title = t(&state, &ctx, "councils-title");
    let body = html! {
        (crate::councils::now::section(&state, &ctx, &cards))
        @if rows.is_empty() {
            p { (t(&state, &ctx, "councils-none")) }
        } @else {
            h2 { (t(&state, &ctx, "councils-caption")) }
            ul.councils {
                @for (id, name, kind, count, role, colour) in &rows {
                    li {
                        @if let Some(colour) = colour { span class={ "swatch colour-" (colour.as_str()) } {} }
                        a.council-name href={ "/c/" (id.to_hex()) } { (name) }
                        p.meta {
                            (kind_label(&state, &ctx, *kind)) " · "
                            (ta(&state, &ctx, "council-member-total", &[("count", count.to_string())])) " · "
                            (ta(&state, &ctx, "council-your-role-is", &[("role", role_label(&state, &ctx, *role))]))
                        }
                    }
                }
            }
        }
        @if account.is_admin {
            p { a.button href="/councils/new" { (t(&state, &ctx, "council-create")) } " " a.button.secondary href="/nodes" { (t(&state, &ctx, "nodes-title")) } }
        }
    };
    Ok(layout(&state, &ctx, &title, body).into_response())
}

pub(crate) fn signin_form(state: &AppState, ctx: &Ctx, problem: Option<String>) -> Markup {
    let title = t(state, ctx, "signin-title");
    let body = html! {
        @if let Some(problem) = &problem { div role="alert" { p { (problem) } } }
        form method="post" action="/signin" {
            p {
                label for="username" { (t(state, ctx, "field-username")) }
                input id="username" name="username" autocomplete="username" required maxlength="64";
            }
            p {
                label for="password" { (t(state, ctx, "field-password")) }
                input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024";
            }
            p { button type="submit" { (t(state, ctx, "signin-submit")) } }
        }
        p { (t(state, ctx, "signin-link-hint")) }
    };
    layout(state, ctx, &title, body)
}

pub async fn signin_page(State(state): State<AppState>, ctx: Ctx) -> Response {
    signin_form(&state, &ctx, None).into_response()
}

#[derive(Debug, Deserialize)]
pub struct SigninForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

pub async fn signin_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<SigninForm>,
) -> Result<Response, WebError> {
    Ok(match crate::auth::sign_in(&state, &ctx, &form.username, form.password).await {
        Ok(account) => {
            let (token, _) = start_session(&state, &account)?;
            let to = after_sign_in(&state, &account, "/", None)?;
            signed_in_redirect(&state, &token, &to)
        }
        Err(WebError::BadInput(_)) => {
            let problem = t(&state, &ctx, "signin-failed");
            (StatusCode::UNAUTHORIZED, signin_form(&state, &ctx, Some(problem))).into_response()
        }
        Err(WebError::Throttled(minutes)) => {
            let message = ta(&state, &ctx, "signin-throttled", &[("minutes", minutes.to_string())]);
            (StatusCode::TOO_MANY_REQUESTS, signin_form(&state, &ctx, Some(message))).into_response()
        }
        Err(error) => return Err(error),
    })
}

pub(crate) fn signed_in_redirect(state: &AppState, token: &str, to: &str) -> Response {
    let mut response = see_other(to);
    if let Ok(value) = session_cookie(token, state.config().secure_cookies).parse() {
        response.headers_mut().insert(SET_COOKIE, value);
    }
    response
}

pub async fn signout(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    ctx.check_csrf(Some(&form.csrf))?;
    if let Some(hash) = &ctx.session_hash {
        state.node().store().backend().delete_session(hash)?;
    }
    let mut response = see_other("/");
    if let Ok(value) = clear_session_cookie(state.config().secure_cookies).parse() {
        response.headers_mut().insert(SET_COOKIE, value);
    }
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct LangForm {
    #[serde(default)]
    lang: String,
    /// The page to go back to: a path on this node.
    #[serde(default)]
    back: String,
}

/// Sets the language cookie. Not CSRF-checked: it changes nothing but the visitor's own display language.
pub async fn set_language(Form(form): Form<LangForm>) -> Response {
    let code = crate::i18n::supported(&form.lang).unwrap_or("en");
    let back = Some(form.back)
        .filter(|path| {
            path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control)
                && path.len() <= 2048
        })
        .unwrap_or_else(|| "/".to_owned());
    let mut response = see_other(&back);
    if let Ok(value) = format!("{LANG_COOKIE}={code}; Path=/; Max-Age=31536000; SameSite=Lax").parse() {
        response.headers_mut().insert(SET_COOKIE, value);
    }
    response
}

// ---------------------------------------------------------------------------------------------------------------
// First administrator

pub async fn setup_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    valid_token(&state, &token, TokenPurpose::Setup)?;
    let title = t(&state, &ctx, "setup-title");
    let body = html! {
        p { (t(&state, &ctx, "setup-intro")) }
        form method="post" {
            (account_fields(&state, &ctx))
            p { button type="submit" { (t(&state, &ctx, "setup-submit")) } }
        }
    };
    Ok(layout(&state, &ctx, &title, body).into_response())
}

pub(crate) fn account_fields(state: &AppState, ctx: &Ctx) -> Markup {
    html! {
        p {
            label for="username" { (t(state, ctx, "field-username")) }
            input id="username" name="username" autocomplete="username" required maxlength="64" pattern=r"[A-Za-z0-9._\-]{3,64}" aria-describedby="username-hint";
            small id="username-hint" { (t(state, ctx, "field-username-hint")) }
        }
        p {
            label for="password" { (t(state, ctx, "field-new-password")) }
            input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="1024" aria-describedby="password-hint";
            small id="password-hint" { (t(state, ctx, "field-password-hint")) }
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    display_name: String,
}

pub async fn setup_submit(
    State(state): State<AppState>,
    _ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<AccountForm>,
) -> Result<Response, WebError> {
    valid_token(&state, &token, TokenPurpose::Setup)?;
    let username = check_username(&form.username)?;
    check_new_password(&form.password)?;
    let password = form.password;
    let hash = crate::auth::argon2(&state, move || hash_password(&password)).await?;
    use_token(&state, &token)?;
    let backend = state.node().store().backend();
    let id = backend.create_first_admin(&username, &hash, now_ms())?;
    let id = id.ok_or_else(|| WebError::BadInput("error-link-invalid".to_owned()))?;
    let account = backend.account(id)?.ok_or(WebError::NotFound)?;
    tracing::info!(username = %account.username, "first administrator created");
    let (session, _) = start_session(&state, &account)?;
    Ok(signed_in_redirect(&state, &session, "/councils/new"))
}

// ---------------------------------------------------------------------------------------------------------------
// Joining by invitation, signing in by link

pub async fn join_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let invitation = valid_token(&state, &token, TokenPurpose::Invitation)?;
    let council = invitation.council.ok_or(WebError::NotFound)?;
    let name = state.node().read(council, |c| c.name.as_str().to_owned())?;
    let title = ta(&state, &ctx, "join-title", &[("council", name)]);
    let body = html! {
        p { (t(&state, &ctx, "join-intro")) }
        form method="post" {
            p {
                label for="display_name" { (t(&state, &ctx, "field-display-name")) }
                input id="display_name" name="display_name" required maxlength="100" aria-describedby="display-hint";
                small id="display-hint" { (t(&state, &ctx, "display-name-hint")) }
            }
            @if ctx.account.is_none() { (account_fields(&state, &ctx)) }
            p { button type="submit" { (t(&state, &ctx, "join-submit")) } }
        }
    };
    Ok(layout(&state, &ctx, &title, body).into_response())
}

/// Accepts an invitation: adds the member to the record, links or creates the account, signs in.
pub async fn join_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<AccountForm>,
) -> Result<Response, WebError> {
    let invitation = valid_token(&state, &token, TokenPurpose::Invitation)?;
    let council = invitation.council.ok_or(WebError::NotFound)?;
    let name = DisplayName::parse(&form.display_name)?;
    let role: Role = invitation.role.as_deref().unwrap_or("member").parse()?;
    let inviter = MemberId(invitation.member.unwrap_or(0));
    let backend = state.node().store().backend();
    // Check everything that can fail before anything is written.
    let (account, new_session) = match &ctx.account {
        Some(account) => {
            if membership(&state, account, council)?.is_some() {
                return Err(WebError::BadInput("error-already-member".to_owned()));
            }
            (None, false)
        }
        None => {
            let username = check_username(&form.username)?;
            check_new_password(&form.password)?;
            if backend.account_by_username(&username)?.is_some() {
                return Err(WebError::BadInput("error-username-taken".to_owned()));
            }
            let password = form.password.clone();
            let hash = crate::auth::argon2(&state, move || hash_password(&password)).await?;
            (Some((username, hash)), true)
        }
    };
    let command =
        CouncilEvent::MemberAdded(MemberAdded { by: inviter, name: name.clone(), role, via: JoinedVia::Invitation });
    state.node().read(council, |c| c.check(&command))?.map_err(|e| WebError::from_rejected(&e))?;
    use_token(&state, &token)?;
    let account = match account {
        Some((username, hash)) => {
            let id = backend.create_account(&username, Some(&hash), false, now_ms())?;
            backend.account(id)?.ok_or(WebError::NotFound)?
        }
        None => ctx.require_account()?.clone(),
    };
    state.execute(council, &command)?;
    let member = state.node().read(council, |c| c.member_named(&name))?.ok_or(WebError::NotFound)?;
    backend.link_member(account.id, council, member.0)?;
    let to = format!("/c/{}", council.to_hex());
    if new_session {
        let (session, _) = start_session(&state, &account)?;
        Ok(signed_in_redirect(&state, &session, &to))
    } else {
        Ok(see_other(&to))
    }
}

/// Shows a button: link previewers fetch GET, so only the POST uses the one-time link.
pub async fn link_page_get(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    valid_token(&state, &token, TokenPurpose::SignIn)?;
    let title = t(&state, &ctx, "link-signin-title");
    let body = html! {
        p { (t(&state, &ctx, "link-signin-intro")) }
        form method="post" { button type="submit" { (t(&state, &ctx, "signin-submit")) } }
    };
    Ok(layout(&state, &ctx, &title, body).into_response())
}

pub async fn link_page_post(
    State(state): State<AppState>,
    _ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let link = valid_token(&state, &token, TokenPurpose::SignIn)?;
    let council = link.council.ok_or(WebError::NotFound)?;
    let member = link.member.ok_or(WebError::NotFound)?;
    let name = state
        .node()
        .read(council, |c| c.member(MemberId(member)).filter(|m| m.active).map(|m| m.name.to_string()))?
        .ok_or(WebError::BadInput("error-link-invalid".to_owned()))?;
    use_token(&state, &token)?;
    let backend = state.node().store().backend();
    let account = match backend.account_of_member(council, member)? {
        Some(id) => backend.account(id)?.ok_or(WebError::NotFound)?,
        None => {
            let username = free_username(&state, &name, member)?;
            let id = backend.create_account(&username, None, false, now_ms())?;
            backend.link_member(id, council, member)?;
            backend.account(id)?.ok_or(WebError::NotFound)?
        }
    };
    let (session, _) = start_session(&state, &account)?;
    let to = after_sign_in(&state, &account, &format!("/c/{}", council.to_hex()), Some(&token_hash(&token)))?;
    Ok(signed_in_redirect(&state, &session, &to))
}

// The account

#[derive(Debug, Default, Deserialize)]
pub struct AccountQuery {
    /// Set by a sign-in that found links made since the one before: links made after it are marked new.
    #[serde(default)]
    since: Option<i64>,
}

pub async fn account_page(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Query(query): axum::extract::Query<AccountQuery>,
) -> Result<Response, WebError> {
    let account = ctx.require_account()?;
    let title = t(&state, &ctx, "account-title");
    let links = links_made_for_markup(&state, &ctx, account, query.since)?;
    let body = html! {
        (links)
        dl { dt { (t(&state, &ctx, "field-username")) } dd { (account.username) } }
        @if account.password_hash.is_none() { div role="status" { p { (t(&state, &ctx, "account-no-password")) } } }
        form method="post" action="/account/password" {
            input type="hidden" name="csrf" value=(ctx.csrf());
            @if account.password_hash.is_some() {
                p {
                    label for="current-password" { (t(&state, &ctx, "field-current-password")) }
                    input id="current-password" name="current_password" type="password" autocomplete="current-password" required maxlength="1024";
                }
            }
            p {
                label for="password" { (t(&state, &ctx, "field-new-password")) }
                input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="1024" aria-describedby="password-hint";
                small id="password-hint" { (t(&state, &ctx, "field-password-hint")) }
            }
            p { button type="submit" { (t(&state, &ctx, "account-set-password")) } }
        }
    };
    Ok(layout(&state, &ctx, &title, body).into_response())
}

/// The sign-in links made for the account's memberships in the last 90 days; those made after `since` (the sign-in
/// before this one, when it led here) are marked new under a warning.
pub(crate) fn links_made_for_markup(
    state: &AppState,
    ctx: &Ctx,
    account: &Account,
    since: Option<i64>,
) -> Result<Markup, WebError> {
    const SHOWN_MS: i64 = 90 * 24 * 3600 * 1000;
    let backend = state.node().store().backend();
    let links = backend.links_made_for(account.id, now_ms() - SHOWN_MS)?;
    if links.is_empty() {
        return Ok(html! {});
    }
    let seen = since.unwrap_or(i64::MAX);
    let fresh = links.iter().any(|link| link.created_ms >= seen);
    let rows: Vec<(String, String, &kenes_store::LinkNotice)> = links
        .iter()
        .map(|link| {
            let maker = link
                .created_by
                .and_then(|maker| backend.account(maker).ok().flatten())
                .and_then(|maker| membership(state, &maker, link.council).ok().flatten())
                .and_then(|member| state.node().read(link.council, |c| crate::meetings::name(c, member)).ok())
                .unwrap_or_else(|| "?".to_owned());
            let council = state.node().read(link.council, |c| c.name.as_str().to_owned()).unwrap_or_default();
            (council, maker, link)
        })
        .collect();
    Ok(html! {
        section aria-labelledby="links" {
            h2 #links { (t(state, ctx, "account-links-title")) }
            @if fresh { div role="alert" { p { (t(state, ctx, "account-links-new")) } } }
            // A list, not a table: it reads on a phone's width.
            ul.links {
                @for (council, maker, link) in &rows {
                    li.link {
                        (t(state, ctx, "account-links-made")) ": " (format_time(link.created_ms))
                        @if link.created_ms >= seen { " " strong { (t(state, ctx, "account-links-fresh")) } }
                        br; (t(state, ctx, "account-links-maker")) ": " (maker) " · " (council)
                        br; (t(state, ctx, "account-links-used")) ": " (link.used_ms.map_or_else(|| t(state, ctx, "account-links-unused"), format_time))
                    }
                }
            }
        }
    })
}

#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
}

pub async fn set_password_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    ctx.check_csrf(Some(&form.csrf))?;
    set_password(&state, &ctx, form.current_password, form.password).await?;
    let title = t(&state, &ctx, "account-title");
    let body = html! { div role="status" { p { (t(&state, &ctx, "account-password-set")) } } p { a href="/" { (t(&state, &ctx, "nav-councils")) } } };
    Ok(layout(&state, &ctx, &title, body).into_response())
}

pub async fn not_found() -> WebError {
    WebError::NotFound
}
