//! What accounts do, whatever asks (pages or API): check one-time links, pick usernames, set passwords, decide where a sign-in lands.

use kenes_record::EventHash;
use kenes_store::{Account, Token, TokenPurpose};

use crate::AppState;
use crate::auth::{Ctx, check_new_password, check_sign_in, hash_password, now_ms, token_hash};
use crate::error::WebError;

use crate::ui::*;

/// Where a fresh sign-in goes: `to`, unless sign-in links were made for the account since it last signed in (other
/// than the one used now): whoever used one was signed in as its owner, so the owner is shown them on the account
/// page. Every sign-in moves the mark, so the warning comes once per sign-in, and the account page keeps listing the
/// links of the last 90 days whoever looks.
pub(crate) fn after_sign_in(
    state: &AppState,
    account: &Account,
    to: &str,
    used: Option<&[u8; 32]>,
) -> Result<String, WebError> {
    let backend = state.node().store().backend();
    let since = backend.links_seen_ms(account.id)?;
    let made = backend.links_made_for(account.id, since)?;
    backend.set_links_seen_ms(account.id, now_ms())?;
    let others = made.iter().any(|link| Some(&link.hash) != used);
    Ok(if others { format!("/account?since={since}#links") } else { to.to_owned() })
}

pub(crate) fn check_username(username: &str) -> Result<String, WebError> {
    let username = username.trim();
    let valid = (3..=64).contains(&username.len())
        && username.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if valid { Ok(username.to_owned()) } else { Err(WebError::BadInput("error-username".to_owned())) }
}

/// A link that may still be used: it exists, is unused, unexpired and for this purpose; a set-up link only while the
/// node has no account; an invitation or sign-in link only while its maker still chairs or keeps the council's
/// minutes (the role that allowed it), and a sign-in link only for an account it may open (`link_may_open`).
pub(crate) fn valid_token(state: &AppState, token: &str, purpose: TokenPurpose) -> Result<Token, WebError> {
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
pub(crate) fn maker_still_manages(state: &AppState, token: &Token) -> Result<bool, WebError> {
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
pub(crate) fn link_may_open(state: &AppState, council: EventHash, member: u32) -> Result<(), WebError> {
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
pub(crate) fn use_token(state: &AppState, token: &str) -> Result<(), WebError> {
    let used = state.node().store().backend().use_token(&token_hash(token), now_ms())?;
    if used { Ok(()) } else { Err(WebError::BadInput("error-link-invalid".to_owned())) }
}

/// A username made from a display name: ASCII letters and digits, then a number if taken.
pub(crate) fn free_username(state: &AppState, name: &str, member: u32) -> Result<String, WebError> {
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
        crate::auth::throttle_begin(state, ctx, &username).await?;
    }
    let hash = crate::auth::argon2(state, move || {
        if has_password && !check_sign_in(Some(&account), &current) {
            return Err(WebError::BadInput("password-current-wrong".to_owned()));
        }
        hash_password(&password)
    })
    .await?;
    if has_password {
        crate::auth::throttle_succeeded(state, ctx, &username).await?;
    }
    state.node().store().backend().set_password(id, &hash, ctx.session_hash.as_ref()).map_err(WebError::from_store)
}
