//! Server-rendered HTML pages: no JavaScript needed, small enough for cheap phones, landmarks and labels for
//! screen readers, every string through Fluent.

use axum::Form;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE, SET_COOKIE};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use kenes_council::events::{
    CouncilUpdated, Created, ImportedMember, MemberAdded, MemberRemoved, MemberRenamed, MembersImported, RoleChanged,
};
use kenes_council::roll::{RollError, RowProblem, parse_roll};
use kenes_council::{
    Council, CouncilEvent, CouncilKind, CouncilName, Description, DisplayName, JoinedVia, Languages, MemberId, Role,
};
use kenes_record::EventHash;
use kenes_store::{Account, Token, TokenPurpose};

use crate::AppState;
use crate::auth::{
    Ctx, LANG_COOKIE, LINK_MS, check_new_password, check_sign_in, clear_session_cookie, hash_password, new_token,
    now_ms, session_cookie, start_session, token_hash,
};
use crate::error::WebError;
use crate::i18n::CATALOGS;

/// The largest CSV roll accepted (2 MiB).
pub const MAX_ROLL_BYTES: usize = 2 << 20;

use crate::ui::*;

// ---------------------------------------------------------------------------------------------------------------
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
    for (council, member) in memberships {
        let row = state.node().read(council, |c| {
            let role = c.member(MemberId(member)).filter(|m| m.active).map(|m| m.role);
            (c.name.as_str().to_owned(), c.kind, c.active_member_count(), role)
        });
        if let Ok((name, kind, count, Some(role))) = row {
            rows.push((council, name, kind, count, role));
        }
    }
    let title = t(&state, &ctx, "councils-title");
    let body = html! {
        @if rows.is_empty() {
            p { (t(&state, &ctx, "councils-none")) }
        } @else {
            table {
                caption { (t(&state, &ctx, "councils-caption")) }
                thead { tr {
                    th scope="col" { (t(&state, &ctx, "council-name")) }
                    th scope="col" { (t(&state, &ctx, "council-kind")) }
                    th scope="col" { (t(&state, &ctx, "council-members-count")) }
                    th scope="col" { (t(&state, &ctx, "council-your-role")) }
                } }
                tbody {
                    @for (id, name, kind, count, role) in &rows {
                        tr {
                            td { a href={ "/c/" (id.to_hex()) } { (name) } }
                            td { (kind_label(&state, &ctx, *kind)) }
                            td { (count) }
                            td { (role_label(&state, &ctx, *role)) }
                        }
                    }
                }
            }
        }
        @if account.is_admin {
            p { a.button href="/councils/new" { (t(&state, &ctx, "council-create")) } }
        }
    };
    Ok(layout(&state, &ctx, &title, body).into_response())
}

fn signin_form(state: &AppState, ctx: &Ctx, problem: Option<String>) -> Markup {
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

/// Where a fresh sign-in goes: `to`, unless sign-in links were made for the account since it last signed in (other
/// than the one used now): whoever used one was signed in as its owner, so the owner is shown them on the account
/// page. Every sign-in moves the mark, so the warning comes once per sign-in, and the account page keeps listing the
/// links of the last 90 days whoever looks.
fn after_sign_in(state: &AppState, account: &Account, to: &str, used: Option<&[u8; 32]>) -> Result<String, WebError> {
    let backend = state.node().store().backend();
    let since = backend.links_seen_ms(account.id)?;
    let made = backend.links_made_for(account.id, since)?;
    backend.set_links_seen_ms(account.id, now_ms())?;
    let others = made.iter().any(|link| Some(&link.hash) != used);
    Ok(if others { format!("/account?since={since}#links") } else { to.to_owned() })
}

fn signed_in_redirect(state: &AppState, token: &str, to: &str) -> Response {
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

fn account_fields(state: &AppState, ctx: &Ctx) -> Markup {
    html! {
        p {
            label for="username" { (t(state, ctx, "field-username")) }
            input id="username" name="username" autocomplete="username" required maxlength="64" pattern="[A-Za-z0-9._-]{3,64}" aria-describedby="username-hint";
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

fn check_username(username: &str) -> Result<String, WebError> {
    let username = username.trim();
    let valid = (3..=64).contains(&username.len())
        && username.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if valid { Ok(username.to_owned()) } else { Err(WebError::BadInput("error-username".to_owned())) }
}

/// A link that may still be used: it exists, is unused, unexpired and for this purpose; a set-up link only while the
/// node has no account; an invitation or sign-in link only while its maker still chairs or keeps the council's
/// minutes (the role that allowed it), and a sign-in link only for an account it may open (`link_may_open`).
fn valid_token(state: &AppState, token: &str, purpose: TokenPurpose) -> Result<Token, WebError> {
    let invalid = || WebError::BadInput("error-link-invalid".to_owned());
    if token.len() > 100 {
        return Err(invalid());
    }
    let backend = state.node().store().backend();
    let found = backend.peek_token(&token_hash(token), now_ms())?;
    let found = found.filter(|found| found.purpose == purpose).ok_or_else(invalid)?;
    match purpose {
        TokenPurpose::Setup => {
            if backend.account_count()? > 0 {
                return Err(invalid());
            }
        }
        TokenPurpose::Invitation | TokenPurpose::SignIn => {
            if !maker_still_manages(state, &found)? {
                return Err(invalid());
            }
        }
    }
    if let (TokenPurpose::SignIn, Some(council), Some(member)) = (purpose, found.council, found.member) {
        link_may_open(state, council, member)?;
    }
    Ok(found)
}

/// Whether the account that made a council's link still holds the role that allowed it.
fn maker_still_manages(state: &AppState, token: &Token) -> Result<bool, WebError> {
    let (Some(council), Some(maker)) = (token.council, token.created_by) else { return Ok(false) };
    let Some(account) = state.node().store().backend().account(maker)? else {
        return Ok(false);
    };
    let Some(member) = membership(state, &account, council)? else { return Ok(false) };
    state.node().read(council, |c| kenes_council::may_manage(c, member)).map_err(WebError::from_node)
}

/// A one-time sign-in link may open a member's account only when there is none yet, or a password-less one that
/// belongs to this council alone and has no admin rights. Anything more (a password, the node's administration,
/// other councils and their elections) must never be handed to whoever holds a link a chair made: a member with a
/// password signs in with it.
fn link_may_open(state: &AppState, council: EventHash, member: u32) -> Result<(), WebError> {
    let backend = state.node().store().backend();
    let Some(id) = backend.account_of_member(council, member)? else { return Ok(()) };
    let account = backend.account(id)?.ok_or(WebError::NotFound)?;
    let elsewhere = backend.memberships(id)?.iter().any(|(c, _)| *c != council);
    if account.password_hash.is_some() || account.is_admin || elsewhere {
        return Err(WebError::BadInput("error-link-own-account".to_owned()));
    }
    Ok(())
}

/// Uses a token once; a second use (even a concurrent one) fails.
fn use_token(state: &AppState, token: &str) -> Result<(), WebError> {
    let used = state.node().store().backend().use_token(&token_hash(token), now_ms())?;
    if used { Ok(()) } else { Err(WebError::BadInput("error-link-invalid".to_owned())) }
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
// Creating a council

pub async fn new_council_page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let account = ctx.require_account()?;
    if !account.is_admin {
        return Err(WebError::Forbidden);
    }
    let title = t(&state, &ctx, "council-create");
    let body = html! {
        form method="post" action="/councils" {
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
fn parse_pairs(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().collect()
}

pub struct NewCouncil {
    pub name: String,
    pub kind: String,
    pub description: String,
    pub languages: Vec<String>,
    pub founder: String,
}

/// Validates and creates a council; the creator's account becomes its member 1 (a secretary).
pub fn create_council(state: &AppState, account: &Account, input: NewCouncil) -> Result<EventHash, WebError> {
    if !account.is_admin {
        return Err(WebError::Forbidden);
    }
    let created = Created {
        name: CouncilName::parse(&input.name)?,
        kind: input.kind.parse()?,
        description: Description::parse(&input.description)?,
        languages: Languages::parse(&input.languages)?,
        founder: DisplayName::parse(&input.founder)?,
        nonce: hex::encode(new_token().1),
    };
    let id = state.node().create_council(created, now_ms())?;
    state.node().store().backend().link_member(account.id, id, 1)?;
    Ok(id)
}

/// The council's new name, description and languages.
pub struct Settings {
    pub name: String,
    pub description: String,
    pub languages: Vec<String>,
    /// Elections for members' eyes only.
    pub private: bool,
}

/// A chair or secretary changes the council's name, description or languages. The caller has checked CSRF.
pub async fn update_settings(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    input: Settings,
) -> Result<u64, WebError> {
    let me = require_member(state, ctx, council)?;
    let command = CouncilEvent::CouncilUpdated(CouncilUpdated {
        by: me,
        name: CouncilName::parse(&input.name)?,
        description: Description::parse(&input.description)?,
        languages: Languages::parse(&input.languages)?,
        private: input.private,
    });
    Ok(state.execute_blocking(council, command).await?.height)
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
    let input =
        Settings { name: get("name"), description: get("description"), languages, private: get("private") == "1" };
    update_settings(&state, &ctx, council, input).await?;
    Ok(see_other(&format!("/c/{id}")))
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
    let id = create_council(&state, account, input)?;
    Ok(see_other(&format!("/c/{}", id.to_hex())))
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
    let manages = state.node().read(id, |c| kenes_council::may_manage(c, me))?;
    let links = if manages { open_links(&state, &ctx, id)? } else { Vec::new() };
    let page = state.node().read(id, |council| council_markup(&state, &ctx, council, me, &links))?;
    Ok(page.into_response())
}

fn role_select(state: &AppState, ctx: &Ctx, id: &str, selected: Role) -> Markup {
    html! {
        select id=(id) name="role" {
            @for role in Role::ALL { option value=(role.as_str()) selected[role == selected] { (role_label(state, ctx, role)) } }
        }
    }
}

fn council_markup(state: &AppState, ctx: &Ctx, council: &Council, me: MemberId, links: &[(String, Token)]) -> Markup {
    let id = council.id().to_hex();
    let manages = kenes_council::may_manage(council, me);
    let body = html! {
        p.meta { (kind_label(state, ctx, council.kind)) " · " (ta(state, ctx, "council-member-total", &[("count", council.active_member_count().to_string())])) }
        @if !council.description.as_str().is_empty() { p.description { (council.description.as_str()) } }
        nav aria-label=(t(state, ctx, "council-sections")) {
            ul.links {
                li { a href={ "/c/" (id) "/assemblies" } { (t(state, ctx, "mt-assemblies")) } }
                li { a href={ "/c/" (id) "/elections" } { (t(state, ctx, "el-elections")) } }
                li { a href={ "/c/" (id) "/record" } { (t(state, ctx, "record-title")) } }
                li { a href={ "/c/" (id) "/bundle" } download { (t(state, ctx, "bundle-download")) } }
            }
        }
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
        @if manages {
            section aria-labelledby="add-heading" {
                h2 id="add-heading" { (t(state, ctx, "member-add-title")) }
                p { (t(state, ctx, "member-add-hint")) }
                form method="post" action={ "/c/" (id) "/members" } {
                    input type="hidden" name="csrf" value=(ctx.csrf());
                    p { label for="add-name" { (t(state, ctx, "field-display-name")) } input id="add-name" name="name" required maxlength="100"; }
                    p { label for="add-role" { (t(state, ctx, "field-role")) } (role_select(state, ctx, "add-role", Role::Member)) }
                    p { button type="submit" { (t(state, ctx, "member-add-submit")) } }
                }
            }
            section aria-labelledby="invite-heading" {
                h2 id="invite-heading" { (t(state, ctx, "invite-title")) }
                p { (t(state, ctx, "invite-hint")) }
                form method="post" action={ "/c/" (id) "/invitations" } {
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
                                        form method="post" action={ "/c/" (id) "/links/" (hash) "/revoke" } {
                                            input type="hidden" name="csrf" value=(ctx.csrf());
                                            button.danger type="submit" aria-label=(ta(state, ctx, "link-revoke-label", &[("expires", format_time(token.expires_ms))])) { (t(state, ctx, "link-revoke")) }
                                        }
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
                    p { button type="submit" { (t(state, ctx, "settings-submit")) } }
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
        }
    };
    layout(state, ctx, council.name.as_str(), body)
}

#[derive(Debug, Deserialize)]
pub struct AddMemberForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
}

/// Adds a member by name and makes a one-time sign-in link for them. Returns the member and the link.
pub fn add_member(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    name: &str,
    role: &str,
) -> Result<(MemberId, String), WebError> {
    let me = require_member(state, ctx, council)?;
    let name = DisplayName::parse(name)?;
    let role: Role = role.parse()?;
    let command =
        CouncilEvent::MemberAdded(MemberAdded { by: me, name: name.clone(), role, via: JoinedVia::Secretary });
    state.execute(council, &command)?;
    let member = state.node().read(council, |c| c.member_named(&name))?;
    let member = member.ok_or_else(|| WebError::Internal("added member not found".to_owned()))?;
    let link = signin_link(state, ctx, council, member)?;
    Ok((member, link))
}

/// A fresh one-time sign-in link for a member, creating their (password-less) account on first use.
pub fn signin_link(state: &AppState, ctx: &Ctx, council: EventHash, member: MemberId) -> Result<String, WebError> {
    let (token, hash) = new_token();
    let created_by = ctx.account.as_ref().map(|a| a.id);
    let record = Token {
        purpose: TokenPurpose::SignIn,
        council: Some(council),
        member: Some(member.0),
        role: None,
        created_by,
        account: None,
        expires_ms: now_ms() + LINK_MS,
        created_ms: now_ms(),
    };
    state.node().store().backend().create_token(&hash, &record)?;
    Ok(format!("{}/link/{token}", ctx.origin))
}

fn link_page(state: &AppState, ctx: &Ctx, council: EventHash, title_key: &str, hint_key: &str, link: &str) -> Response {
    let title = t(state, ctx, title_key);
    let body = html! {
        p { (t(state, ctx, hint_key)) }
        p { label for="link" { (t(state, ctx, "link-label")) } input id="link" readonly value=(link) size="60"; }
        p { a href={ "/c/" (council.to_hex()) } { (t(state, ctx, "back-to-council")) } }
    };
    layout(state, ctx, &title, body).into_response()
}

pub async fn add_member_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<AddMemberForm>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    ctx.check_csrf(Some(&form.csrf))?;
    let (state2, ctx2) = (state.clone(), ctx.clone());
    let (_, link) = crate::blocking(move || add_member(&state2, &ctx2, council, &form.name, &form.role)).await?;
    Ok(link_page(&state, &ctx, council, "member-added-title", "member-added-hint", &link))
}

#[derive(Debug, Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    role: String,
}

/// Makes an invitation link for one person to join with a role.
pub fn create_invitation(state: &AppState, ctx: &Ctx, council: EventHash, role: &str) -> Result<String, WebError> {
    let me = require_member(state, ctx, council)?;
    if !state.node().read(council, |c| kenes_council::may_manage(c, me))? {
        return Err(WebError::from_rejected(&kenes_council::Rejected::NotAllowed(me)));
    }
    let role: Role = role.parse()?;
    let (token, hash) = new_token();
    let record = Token {
        purpose: TokenPurpose::Invitation,
        council: Some(council),
        member: Some(me.0),
        role: Some(role.as_str().to_owned()),
        created_by: ctx.account.as_ref().map(|a| a.id),
        account: None,
        expires_ms: now_ms() + LINK_MS,
        created_ms: now_ms(),
    };
    state.node().store().backend().create_token(&hash, &record)?;
    Ok(format!("{}/join/{token}", ctx.origin))
}

pub async fn invite_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<InviteForm>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    ctx.check_csrf(Some(&form.csrf))?;
    let link = create_invitation(&state, &ctx, council, &form.role)?;
    Ok(link_page(&state, &ctx, council, "invite-created-title", "invite-created-hint", &link))
}

/// A council's open invitations and sign-in links, for its chairs and secretaries: each with the hex SHA-256 that
/// names it (the link's secret is not kept, so it cannot be shown again).
pub fn open_links(state: &AppState, ctx: &Ctx, council: EventHash) -> Result<Vec<(String, Token)>, WebError> {
    let me = require_member(state, ctx, council)?;
    if !state.node().read(council, |c| kenes_council::may_manage(c, me))? {
        return Err(WebError::from_rejected(&kenes_council::Rejected::NotAllowed(me)));
    }
    let tokens = state.node().store().backend().open_tokens(council, now_ms())?;
    Ok(tokens.into_iter().map(|(hash, token)| (hex::encode(hash), token)).collect())
}

/// Withdraws an open link of the council, named by its hex SHA-256. The caller has checked CSRF.
pub fn revoke_link(state: &AppState, ctx: &Ctx, council: EventHash, link: &str) -> Result<(), WebError> {
    let me = require_member(state, ctx, council)?;
    if !state.node().read(council, |c| kenes_council::may_manage(c, me))? {
        return Err(WebError::from_rejected(&kenes_council::Rejected::NotAllowed(me)));
    }
    let hash: [u8; 32] = hex::decode(link).ok().and_then(|bytes| bytes.try_into().ok()).ok_or(WebError::NotFound)?;
    if state.node().store().backend().revoke_token(council, &hash, now_ms())? {
        Ok(())
    } else {
        Err(WebError::NotFound)
    }
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
    Ok(see_other(&format!("/c/{id}#links-heading")))
}

/// The outcome of an import: imported member count, or the rejected rows.
pub enum ImportResult {
    Imported(usize),
    Refused(RollError),
}

/// Parses a roll and imports it as one event, or refuses it whole.
pub fn import_roll(state: &AppState, ctx: &Ctx, council: EventHash, bytes: &[u8]) -> Result<ImportResult, WebError> {
    let me = require_member(state, ctx, council)?;
    if bytes.len() > MAX_ROLL_BYTES {
        return Err(WebError::TooLarge);
    }
    let roll = state.node().read(council, |c| parse_roll(bytes, c))?;
    let roll = match roll {
        Ok(roll) => roll,
        Err(error) => return Ok(ImportResult::Refused(error)),
    };
    let members = roll.entries.iter().map(|e| ImportedMember { name: e.name.clone(), role: e.role }).collect();
    let command = CouncilEvent::MembersImported(MembersImported { by: me, members });
    state.execute(council, &command)?;
    let contacts: Vec<(u32, String)> = state.node().read(council, |c| {
        roll.entries.iter().filter_map(|e| Some((c.member_named(&e.name)?.0, e.contact.clone()?))).collect()
    })?;
    if !contacts.is_empty() {
        state.node().store().backend().set_contacts(council, &contacts)?;
    }
    Ok(ImportResult::Imported(roll.entries.len()))
}

pub fn row_problem_text(state: &AppState, ctx: &Ctx, problem: &RowProblem) -> String {
    match problem {
        RowProblem::FieldCount { expected, found } => {
            ta(state, ctx, "roll-field-count", &[("expected", expected.to_string()), ("found", found.to_string())])
        }
        RowProblem::Csv(detail) => ta(state, ctx, "roll-csv", &[("detail", detail.clone())]),
        RowProblem::Name(invalid) | RowProblem::Role(invalid) => {
            let error = WebError::from_invalid(invalid);
            let (key, args) = error.message();
            ta(state, ctx, key, &args)
        }
        RowProblem::Contact => t(state, ctx, "roll-contact"),
        RowProblem::AlreadyMember(name) => ta(state, ctx, "roll-already-member", &[("name", name.clone())]),
        RowProblem::DuplicateOf { name, line } => {
            ta(state, ctx, "roll-duplicate", &[("name", name.clone()), ("line", line.to_string())])
        }
    }
}

pub async fn import_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    let mut csrf = None;
    let mut roll = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| WebError::BadInput("error-upload".to_owned()))? {
        match field.name() {
            Some("csrf") => csrf = Some(field.text().await.map_err(|_| WebError::BadInput("error-upload".to_owned()))?),
            Some("roll") => {
                let bytes = field.bytes().await.map_err(|_| WebError::TooLarge)?;
                if bytes.len() > MAX_ROLL_BYTES {
                    return Err(WebError::TooLarge);
                }
                roll = Some(bytes);
            }
            _ => {}
        }
    }
    ctx.check_csrf(csrf.as_deref())?;
    let roll = roll.ok_or_else(|| WebError::BadInput("error-upload".to_owned()))?;
    let (state2, ctx2) = (state.clone(), ctx.clone());
    let outcome = crate::blocking(move || import_roll(&state2, &ctx2, council, &roll)).await?;
    Ok(import_report(&state, &ctx, council, outcome))
}

fn import_report(state: &AppState, ctx: &Ctx, council: EventHash, outcome: ImportResult) -> Response {
    let title = t(state, ctx, "import-title");
    let (status, body) = match outcome {
        ImportResult::Imported(count) => (
            StatusCode::OK,
            html! {
                div role="status" { p { (ta(state, ctx, "import-done", &[("count", count.to_string())])) } }
                p { a href={ "/c/" (council.to_hex()) } { (t(state, ctx, "back-to-council")) } }
            },
        ),
        ImportResult::Refused(RollError::File(detail)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            html! {
                div role="alert" { p { (ta(state, ctx, "import-file-error", &[("detail", detail)])) } }
                p { a href={ "/c/" (council.to_hex()) } { (t(state, ctx, "back-to-council")) } }
            },
        ),
        ImportResult::Refused(RollError::Rows(rows)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            html! {
                div role="alert" { p { (ta(state, ctx, "import-refused", &[("count", rows.len().to_string())])) } }
                table {
                    caption { (t(state, ctx, "import-rejected-caption")) }
                    thead { tr { th scope="col" { (t(state, ctx, "import-line")) } th scope="col" { (t(state, ctx, "import-reason")) } } }
                    tbody { @for row in &rows { tr { td { (row.line) } td { (row_problem_text(state, ctx, &row.problem)) } } } }
                }
                p { a href={ "/c/" (council.to_hex()) } { (t(state, ctx, "back-to-council")) } }
            },
        ),
    };
    (status, layout(state, ctx, &title, body)).into_response()
}

// ---------------------------------------------------------------------------------------------------------------
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
                (t(&state, &ctx, match member.joined_via { JoinedVia::Invitation => "joined-via-invitation", JoinedVia::Secretary => "joined-via-secretary" }))
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
                input type="hidden" name="csrf" value=(ctx.csrf());
                button type="submit" { (t(&state, &ctx, "member-make-link")) }
            }
            form method="post" action={ "/c/" (hex) "/members/" (member.id) "/remove" } {
                input type="hidden" name="csrf" value=(ctx.csrf());
                button.danger type="submit" { (t(&state, &ctx, "member-remove")) }
            }
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

/// A chair or secretary gives a member another role. The caller has checked CSRF.
pub async fn change_role(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    member: u32,
    role: &str,
) -> Result<u64, WebError> {
    let me = require_member(state, ctx, council)?;
    let role: Role = role.parse()?;
    let command = CouncilEvent::RoleChanged(RoleChanged { by: me, member: MemberId(member), role });
    Ok(state.execute_blocking(council, command).await?.height)
}

/// A member renames themselves, or a chair or secretary renames a member. The caller has checked CSRF.
pub async fn rename_member(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    member: u32,
    name: &str,
) -> Result<u64, WebError> {
    let me = require_member(state, ctx, council)?;
    let name = DisplayName::parse(name)?;
    let command = CouncilEvent::MemberRenamed(MemberRenamed { by: me, member: MemberId(member), name });
    Ok(state.execute_blocking(council, command).await?.height)
}

/// A chair or secretary removes a member. The caller has checked CSRF.
pub async fn remove_member(state: &AppState, ctx: &Ctx, council: EventHash, member: u32) -> Result<u64, WebError> {
    let me = require_member(state, ctx, council)?;
    let command = CouncilEvent::MemberRemoved(MemberRemoved { by: me, member: MemberId(member) });
    Ok(state.execute_blocking(council, command).await?.height)
}

/// A chair or secretary makes a fresh one-time sign-in link for an active member. The caller has checked CSRF.
pub fn member_signin_link(state: &AppState, ctx: &Ctx, council: EventHash, member: u32) -> Result<String, WebError> {
    let me = require_member(state, ctx, council)?;
    let (manages, active) = state
        .node()
        .read(council, |c| (kenes_council::may_manage(c, me), c.member(MemberId(member)).map(|m| m.active)))?;
    match active {
        None => Err(WebError::NotFound),
        Some(_) if !manages => Err(WebError::from_rejected(&kenes_council::Rejected::NotAllowed(me))),
        Some(false) => Err(WebError::from_rejected(&kenes_council::Rejected::NotAMember(MemberId(member)))),
        Some(true) => {
            link_may_open(state, council, member)?;
            signin_link(state, ctx, council, MemberId(member))
        }
    }
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
    let link = member_signin_link(&state, &ctx, council, number)?;
    Ok(link_page(&state, &ctx, council, "member-link-title", "member-added-hint", &link))
}

// ---------------------------------------------------------------------------------------------------------------
// The record and its bundle

/// Events shown on one page of the record, newest first.
const RECORD_PAGE: u64 = 100;

#[derive(Debug, Deserialize)]
pub struct RecordQuery {
    before: Option<u64>,
}

pub async fn record_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum::extract::Query(query): axum::extract::Query<RecordQuery>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    require_member(&state, &ctx, council)?;
    let (name, node, height) =
        state.node().read(council, |c| (c.name.as_str().to_owned(), c.home_node(), c.height()))?;
    let until = query.before.unwrap_or(height).min(height);
    let from = until.saturating_sub(RECORD_PAGE);
    let events = state.node().store().load_event_range(council, from, until)?;
    let title = ta(&state, &ctx, "record-of", &[("council", name)]);
    let body = html! {
        p { (t(&state, &ctx, "record-intro")) }
        dl {
            dt { (t(&state, &ctx, "record-council-id")) } dd { code { (council.to_hex()) } }
            dt { (t(&state, &ctx, "record-home-node")) } dd { code { (node.to_hex()) } }
        }
        table.record {
            thead { tr {
                th scope="col" { (t(&state, &ctx, "record-height")) }
                th scope="col" { (t(&state, &ctx, "record-time")) }
                th scope="col" { (t(&state, &ctx, "record-kind")) }
                th scope="col" { (t(&state, &ctx, "record-hash")) }
                th scope="col" { (t(&state, &ctx, "record-payload")) }
            } }
            tbody {
                @for event in events.iter().rev() {
                    tr {
                        td { (event.height) }
                        td { (format_time(event.timestamp_ms)) }
                        td { code { (event.kind) } }
                        td { code title=(event.hash().to_hex()) { (event.hash().to_hex()[..16]) "…" } }
                        td { code.payload { (event.payload_text().unwrap_or("")) } }
                    }
                }
            }
        }
        nav aria-label=(t(&state, &ctx, "record-pages")) {
            ul.links {
                @if until < height {
                    li { a href={ "/c/" (council.to_hex()) "/record?before=" ((until + RECORD_PAGE).min(height)) } { (t(&state, &ctx, "record-newer")) } }
                }
                @if from > 0 {
                    li { a href={ "/c/" (council.to_hex()) "/record?before=" (from) } { (t(&state, &ctx, "record-older")) } }
                }
            }
        }
    };
    Ok(layout(&state, &ctx, &title, body).into_response())
}

/// A member's copy of the council's sealed bundle, read and sealed off the async threads (a large record takes a
/// while).
pub async fn bundle(state: &AppState, ctx: &Ctx, council: EventHash) -> Result<Vec<u8>, WebError> {
    require_member(state, ctx, council)?;
    let worker = state.clone();
    crate::blocking(move || worker.node().export_bundle(council).map_err(WebError::from_node)).await
}

pub async fn bundle_download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    let bytes = bundle(&state, &ctx, council).await?;
    let filename = format!("attachment; filename=\"council-{}.kbundle\"", &council.to_hex()[..12]);
    Ok(([(CONTENT_TYPE, "application/octet-stream".to_owned()), (CONTENT_DISPOSITION, filename)], bytes)
        .into_response())
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

/// A username made from a display name: ASCII letters and digits, then a number if taken.
fn free_username(state: &AppState, name: &str, member: u32) -> Result<String, WebError> {
    let base: String = name
        .chars()
        .filter_map(|c| {
            if c.is_ascii_alphanumeric() {
                Some(c.to_ascii_lowercase())
            } else if c == ' ' {
                Some('.')
            } else {
                None
            }
        })
        .take(40)
        .collect();
    let base =
        if base.trim_matches('.').len() < 3 { format!("member{member}") } else { base.trim_matches('.').to_owned() };
    let backend = state.node().store().backend();
    for suffix in 0..1000u32 {
        let candidate = if suffix == 0 { base.clone() } else { format!("{base}{suffix}") };
        if backend.account_by_username(&candidate)?.is_none() {
            return Ok(candidate);
        }
    }
    Err(WebError::Internal("no free username".to_owned()))
}

// ---------------------------------------------------------------------------------------------------------------
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
fn links_made_for_markup(
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

/// Sets the signed-in account's password. An account that has one must give it: a session left open on a shared
/// phone must not be enough to take the account over. Every other session of the account ends. The caller has
/// checked CSRF.
pub async fn set_password(state: &AppState, ctx: &Ctx, current: String, password: String) -> Result<(), WebError> {
    let account = ctx.require_account()?.clone();
    check_new_password(&password)?;
    let id = account.id;
    // Checking the current password is a sign-in attempt like any other: throttled the same way, so a session left
    // open cannot be used to guess the owner's password.
    let has_password = account.password_hash.is_some();
    let username = account.username.clone();
    if has_password {
        if let Err(wait) = state.throttle().begin(ctx.client, &username, std::time::Instant::now()) {
            return Err(WebError::Throttled(wait.as_secs().div_ceil(60).max(1)));
        }
    }
    let hash = crate::auth::argon2(state, move || {
        if has_password && !check_sign_in(Some(&account), &current) {
            return Err(WebError::BadInput("password-current-wrong".to_owned()));
        }
        hash_password(&password)
    })
    .await?;
    if has_password {
        state.throttle().succeeded(ctx.client, &username);
    }
    state.node().store().backend().set_password(id, &hash, ctx.session_hash.as_ref()).map_err(WebError::from_store)
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
