//! The roll before voting opens, when the server is the credential authority: whoever presides may make the
//! credentials early, so members collect them before voting, and re-issue a lost one. A re-issued credential takes
//! the old one's place in the public credentials, so the old one is on no roll and can never cast; once voting opens
//! Belenios 2.0 fixes the roll, and a credential can no longer be replaced.

use axum::extract::{Path, State};
use axum::response::Response;
use axum_extra::extract::Form;
use maud::{Markup, html};
use rand::rngs::OsRng;
use zeroize::Zeroizing;

use kenes_council::MemberId;
use kenes_council::election::ElectionStatus;

use kenes_crypto::setup::{generate_credentials, replace_credential};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::once::Replay;
use crate::ui::{CsrfForm, t, ta};

use super::*;

/// `POST /c/{id}/e/{number}/credentials`: makes (or makes again, voiding the earlier ones) a credential for each
/// member who may vote now.
pub async fn credentials_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    roll_step(&state, &ctx, &form, council, number, move |state| make_credentials(state, council, number)).await
}

/// `POST /c/{id}/e/{number}/reissue/{member}`: a new credential for `member` in place of the one they hold.
pub async fn reissue_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number, member)): Path<(String, String, u32)>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    roll_step(&state, &ctx, &form, council, number, move |state| reissue_credential(state, council, number, member))
        .await
}

/// Runs a change to the roll for whoever presides, once per form (see `once`), off the async threads; back to the
/// election's roll.
async fn roll_step(
    state: &AppState,
    ctx: &Ctx,
    form: &CsrfForm,
    council: EventHash,
    number: u32,
    step: impl FnOnce(&AppState) -> Result<(), WebError> + Send + 'static,
) -> Result<Response, WebError> {
    ctx.check_csrf(Some(&form.csrf))?;
    presiding(state, ctx, council)?;
    state
        .once()
        .run(ctx, &form.once, || async {
            let worker = state.clone();
            crate::blocking(move || step(&worker)).await?;
            Ok(Replay::SeeOther(format!("{}#roll", base(council, number))))
        })
        .await
}

/// The set-up, under the set-ups' lock, when the server may still make or replace its credentials: the election waits
/// to open, nothing of its archive is stored, and neither a member authority nor hall-mode slips make them.
fn replaceable(state: &AppState, council: EventHash, number: u32) -> Result<Setup, WebError> {
    let (election, _) = election_of(state, council, number)?;
    if election.status != ElectionStatus::Setup
        || !state.node().store().backend().election_archive(council, number)?.is_empty()
    {
        return Err(WebError::BadInput("el-error-roll-fixed".to_owned()));
    }
    let setup = load_setup(state, council, number)?;
    if setup.hall || setup.authority.is_some() {
        return Err(WebError::BadInput("el-error-roll-not-server".to_owned()));
    }
    Ok(setup)
}

/// Makes a credential for each member who may vote now (see `eligible_voters`), replacing any made before: the
/// earlier ones, collected or not, are on no roll any more. Blocking.
pub fn make_credentials(state: &AppState, council: EventHash, number: u32) -> Result<(), WebError> {
    let (election, _) = election_of(state, council, number)?;
    let voters = eligible_voters(state, council, &election)?;
    if voters.is_empty() {
        return Err(WebError::BadInput("el-error-no-voters".to_owned()));
    }
    let group = load_setup(state, council, number)?.group();
    // Made before the lock is taken (a large council takes a while), kept only if the roll may still change.
    let made =
        with_group!(group, group => generate_credentials(group, &election.uuid, &identities(&voters), &mut OsRng));
    let _guard = state.setup_lock().blocking_lock();
    let mut setup = replaceable(state, council, number)?;
    setup.credentials.clear();
    setup.public_of.clear();
    for ((_, credential), ((member, _), line)) in made.private.iter().zip(voters.iter().zip(made.public)) {
        setup.credentials.insert(*member, Zeroizing::new(credential.expose().to_owned()));
        setup.public_of.insert(*member, line);
    }
    setup.credential_voters = voters.into_iter().map(|(member, _)| member).collect();
    setup.public_credentials = Some(made.public_json);
    save_setup(state, council, number, &setup)?;
    forget_shown(state, council, number, None)?;
    Ok(())
}

/// Replaces `member`'s credential with a new one they can collect: the old public credential leaves the roll. Blocking.
pub fn reissue_credential(state: &AppState, council: EventHash, number: u32, member: u32) -> Result<(), WebError> {
    let (election, _) = election_of(state, council, number)?;
    let group = load_setup(state, council, number)?.group();
    let _guard = state.setup_lock().blocking_lock();
    let mut setup = replaceable(state, council, number)?;
    let (Some(old), Some(public)) = (setup.public_of.get(&member), setup.public_credentials.as_deref()) else {
        return Err(WebError::BadInput("el-error-no-credential-to-reissue".to_owned()));
    };
    let (credential, line, list) =
        with_group!(group, group => replace_credential(group, &election.uuid, public, old, &mut OsRng))
            .map_err(|e| WebError::Internal(format!("re-issuing a credential: {e}")))?;
    setup.credentials.insert(member, Zeroizing::new(credential.expose().to_owned()));
    setup.public_of.insert(member, line);
    setup.public_credentials = Some(list);
    save_setup(state, council, number, &setup)?;
    forget_shown(state, council, number, Some(member))?;
    Ok(())
}

/// Forgets the credentials kept in memory to be shown again (one member's, or everyone's in the election), and makes
/// the disk forget what was replaced.
fn forget_shown(state: &AppState, council: EventHash, number: u32, member: Option<u32>) -> Result<(), WebError> {
    state
        .elections()
        .shown
        .lock()
        .map_err(poisoned)?
        .retain(|key, _| (key.0, key.1) != (council, number) || member.is_some_and(|m| key.2 != m));
    if let Err(error) = state.node().store().backend().forget_deleted() {
        tracing::warn!(%error, "the write-ahead log still holds deleted rows; it is truncated later");
    }
    Ok(())
}

/// The presiding person's part of the election page before voting opens, when the server makes the credentials:
/// make them now, or, once made, who has collected theirs and a new one for whoever lost it.
pub(crate) fn roll_controls(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    number: u32,
    setup: &Setup,
) -> Result<Markup, WebError> {
    if setup.hall || setup.authority.is_some() {
        return Ok(html! {});
    }
    let url = base(council, number);
    let csrf = ctx.csrf();
    let names: Vec<(u32, String)> = state
        .node()
        .read(council, |c| setup.public_of.keys().map(|m| (*m, crate::meetings::name(c, MemberId(*m)))).collect())?;
    let collected = names.iter().filter(|(m, _)| !setup.credentials.contains_key(m)).count();
    Ok(html! {
        section #roll aria-labelledby="roll-heading" {
            h3 #roll-heading { (t(state, ctx, "el-codes")) }
            @if names.is_empty() {
                p { (t(state, ctx, "el-codes-help")) }
                form method="post" action={ (url) "/credentials" } {
                    input type="hidden" name="csrf" value=(csrf);
                    (crate::once::field())
                    button.secondary type="submit" { (t(state, ctx, "el-make-codes")) }
                }
            } @else {
                p { (ta(state, ctx, "el-codes-made", &[("count", names.len().to_string()), ("collected", collected.to_string())])) }
                details {
                    summary { (t(state, ctx, "el-codes-members")) }
                    ul.roll {
                        @for (member, name) in &names {
                            li {
                                (name) " · "
                                @if setup.credentials.contains_key(member) { (t(state, ctx, "el-codes-waiting")) }
                                @else { (t(state, ctx, "el-codes-collected")) }
                                // Only a collected code can be lost; one still waiting is there to collect.
                                @if !setup.credentials.contains_key(member) {
                                @let summary = ta(state, ctx, "el-reissue", &[("name", name.clone())]);
                                (crate::ui::confirm(&summary, &ta(state, ctx, "el-reissue-question", &[("name", name.clone())]), html! {
                                    form method="post" action={ (url) "/reissue/" (member) } {
                                        input type="hidden" name="csrf" value=(csrf);
                                        (crate::once::field())
                                        button.danger type="submit" { (t(state, ctx, "el-reissue-confirm")) }
                                    }
                                }))
                                }
                            }
                        }
                    }
                }
                (crate::ui::confirm(&t(state, ctx, "el-make-codes-again"), &t(state, ctx, "el-make-codes-again-question"), html! {
                    form method="post" action={ (url) "/credentials" } {
                        input type="hidden" name="csrf" value=(csrf);
                        (crate::once::field())
                        button.danger type="submit" { (t(state, ctx, "el-make-codes-again-confirm")) }
                    }
                }))
            }
        }
    })
}
