//! Voters: the credential, the booth, the ballot, the public board.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::Form;
use maud::html;
use serde_json::json;

use kenes_council::MemberId;
use kenes_council::election::ElectionStatus;
use kenes_crypto::election::ElectionGroup;
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::{JsonError, WebError};
use crate::ui::{layout_with, require_member, t, ta};

use super::*;

/// A member's own credential: the page offers a button, and only the POST behind it hands the credential out (a
/// link followed from another site, or a browser's prefetch, spends nothing).
pub async fn credential_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    let me = require_member(&state, &ctx, council)?;
    let (election, _) = election_of(&state, council, number)?;
    let setup = load_setup(&state, council, number)?;
    let shown = state
        .elections()
        .shown
        .lock()
        .map_err(poisoned)?
        .get(&(council, number, me.0))
        .is_some_and(|(_, when)| when.elapsed() < SHOWN_FOR);
    if !setup.credentials.contains_key(&me.0) && !shown {
        return Err(WebError::BadInput("el-error-no-credential".to_owned()));
    }
    let body = html! {
        p { (t(&state, &ctx, "el-credential-once")) }
        form method="post" {
            input type="hidden" name="csrf" value=(ctx.csrf());
            button type="submit" { (t(&state, &ctx, "el-get-credential")) }
        }
    };
    Ok(layout_with(&state, &ctx, election.title.as_str(), html! {}, body).into_response())
}

/// Hands a member their own credential, once: the server forgets it as it shows it, and makes sure the disk forgets
/// it too (see `Backend::forget_deleted`).
pub async fn credential_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    ctx.check_csrf(Some(&form.csrf))?;
    let me = require_member(&state, &ctx, council)?;
    let (election, _) = election_of(&state, council, number)?;
    let again = {
        let mut shown = state.elections().shown.lock().map_err(poisoned)?;
        shown.retain(|_, (_, when)| when.elapsed() < SHOWN_FOR);
        shown.get(&(council, number, me.0)).map(|(credential, _)| credential.clone())
    };
    let credential = match again {
        Some(credential) => credential,
        None => {
            let guard = state.setup_lock().clone().lock_owned().await;
            let worker = state.clone();
            // Runs to its end even if the request is dropped; what it took from the disk it keeps in memory for a
            // while, so the member's next try shows it.
            crate::blocking(move || {
                let _guard = guard;
                let mut setup = load_setup(&worker, council, number)?;
                let credential =
                    setup.credentials.remove(&me.0).ok_or(WebError::BadInput("el-error-no-credential".to_owned()))?;
                save_setup(&worker, council, number, &setup)?;
                worker
                    .elections()
                    .shown
                    .lock()
                    .map_err(poisoned)?
                    .insert((council, number, me.0), (credential.clone(), std::time::Instant::now()));
                if let Err(error) = worker.node().store().backend().forget_deleted() {
                    tracing::warn!(%error, "the write-ahead log still holds deleted rows; it is truncated later");
                }
                Ok(credential)
            })
            .await?
        }
    };
    let link = format!("{}/vote#credential={}", base(council, number), credential.as_str());
    let body = html! {
        p { (t(&state, &ctx, "el-credential-once")) }
        p { code #credential { (credential.as_str()) } }
        @if election.status == ElectionStatus::Open {
            p { a.button href=(link) { (t(&state, &ctx, "el-vote-now")) } }
        } @else {
            p { (t(&state, &ctx, "el-credential-keep")) }
        }
    };
    let mut response = layout_with(&state, &ctx, election.title.as_str(), html! {}, body).into_response();
    response.headers_mut().insert(CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The booth: the questions, which `booth-page.js` encrypts in the browser, offers to audit, and casts.
/// In hall mode anyone with a slip may vote here; otherwise members sign in first.
///
/// Nothing here is a form that a browser could send by itself: the inputs belong to no form and the button stays
/// disabled until the script has started, so without JavaScript no credential or plain choice leaves the page.
pub async fn vote_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    let (election, _) = election_of(&state, council, number)?;
    let setup = load_setup(&state, council, number)?;
    check_visible(&state, &ctx, council, number, setup.hall)?;
    if !setup.hall {
        require_member(&state, &ctx, council)?;
    }
    let url = base(council, number);
    let head = script_head(
        &state,
        &ctx,
        "booth",
        "booth-page.js",
        &[
            ("error", "el-js-error"),
            ("encrypting", "el-js-encrypting"),
            ("sealed", "el-js-sealed"),
            ("audited", "el-js-audited"),
            ("auditFailed", "el-js-audit-failed"),
            ("casting", "el-js-casting"),
            ("cast", "el-js-cast"),
            ("replaced", "el-js-replaced"),
            ("credentialForm", "el-js-credential-form"),
            ("credentialChecksum", "el-js-credential-checksum"),
            ("credentialCharacters", "el-js-credential-characters"),
            ("answerCount", "el-js-answer-count"),
            ("rankNone", "el-js-rank-none"),
            ("rankGap", "el-js-rank-gap"),
            ("gradeMissing", "el-js-grade-missing"),
        ],
    );
    let body = html! {
        @if election.status != ElectionStatus::Open {
            p { (t(&state, &ctx, &format!("el-status-{}", election.status.as_str()))) }
        } @else {
            noscript { p { (t(&state, &ctx, "el-needs-javascript")) } }
            div #booth data-url=(url) {
                p {
                    label for="credential" { (t(&state, &ctx, "el-credential")) } " "
                    input #credential autocomplete="off" spellcheck="false" required;
                }
                @for (qi, q) in setup.questions.iter().enumerate() {
                    @if let Some(method) = setup.ranked.get(&qi) {
                        // A ranking (or grades): one menu per answer, so it works with a keyboard, a screen reader
                        // and a thumb.
                        @let grades = method.grades.as_deref().filter(|_| method.method == kenes_count::method::MethodName::MajorityJudgment);
                        fieldset.question.ranked data-ranked="true" aria-describedby={ "q" (qi) "-how" } {
                            legend { (q.question) }
                            @if grades.is_some() {
                                p.meta id={ "q" (qi) "-how" } { (t(&state, &ctx, "el-grade-how")) }
                            } @else {
                                p.meta id={ "q" (qi) "-how" } { (ta(&state, &ctx, "el-rank-how", &[("count", q.answers.len().to_string())])) }
                            }
                            @for (ai, answer) in q.answers.iter().enumerate() {
                                p.rank {
                                    label for={ "q" (qi) "a" (ai) } { (answer) } " "
                                    select id={ "q" (qi) "a" (ai) } name={ "q" (qi) } {
                                        @if let Some(grades) = grades {
                                            option value="0" { (t(&state, &ctx, "el-grade-none")) }
                                            @for (gi, grade) in grades.iter().enumerate() { option value=(gi + 1) { (grade) } }
                                        } @else {
                                            option value="0" { (t(&state, &ctx, "el-rank-none")) }
                                            @for rank in 1..=q.answers.len() { option value=(rank) { (ta(&state, &ctx, "el-rank-n", &[("rank", rank.to_string())])) } }
                                        }
                                    }
                                }
                            }
                        }
                    } @else {
                    fieldset.question data-min=(q.min) data-max=(q.max) data-blank=(q.blank == Some(true)) {
                        legend { (q.question) " " small { "(" (ta(&state, &ctx, "el-choose", &[("min", q.min.to_string()), ("max", q.max.to_string())])) ")" } }
                        @let kind = if q.max == 1 { "radio" } else { "checkbox" };
                        // The name groups radio buttons; with no form around them, nothing is ever submitted.
                        @for (ai, answer) in q.answers.iter().enumerate() {
                            p { input id={ "q" (qi) "a" (ai) } name={ "q" (qi) } type=(kind) value=(ai); " " label for={ "q" (qi) "a" (ai) } { (answer) } }
                        }
                        @if q.blank == Some(true) {
                            p { input id={ "q" (qi) "blank" } name={ "q" (qi) } type=(kind) value="blank"; " " label for={ "q" (qi) "blank" } { (t(&state, &ctx, "el-blank-vote")) } }
                        }
                    }
                    }
                }
                p { button #encrypt type="button" disabled { (t(&state, &ctx, "el-encrypt")) } }
            }
            div #sealed hidden {
                p { (t(&state, &ctx, "el-sealed")) }
                p { (t(&state, &ctx, "el-tracker")) " " code.tracker #tracker {} }
                p { button #cast type="button" { (t(&state, &ctx, "el-cast")) } " " button #audit.secondary type="button" { (t(&state, &ctx, "el-audit")) } }
            }
            p #booth-status role="status" aria-live="polite" {}
            p #cast-done hidden { (t(&state, &ctx, "el-your-tracker")) " " code.tracker #cast-tracker {} }
            p #booth-error role="alert" hidden {}
        }
        p { a href=(url) { (t(&state, &ctx, "el-board")) } }
    };
    Ok(layout_with(&state, &ctx, election.title.as_str(), head, body).into_response())
}

/// `election.json`, byte for byte as in the archive (the booth hashes it).
pub async fn election_json(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, JsonError> {
    let (council, number) = parse_ids(&id, &number)?;
    let worker = state.clone();
    let roll = crate::blocking(move || roll(&worker, council, number)).await?;
    check_visible(&state, &ctx, council, number, roll.hall)?;
    let worker = state.clone();
    let text = crate::blocking(move || {
        let boxed = ballot_box(&worker, council, number)?;
        let b = boxed.read()?;
        Ok(b.election_json().to_owned())
    })
    .await?;
    Ok(([(CONTENT_TYPE, "application/json")], text).into_response())
}

/// The largest ballot accepted: a ballot for three questions of fifty answers is about 200 KB.
pub const MAX_BALLOT: usize = 256 << 10;

/// Casts a ballot: who may cast is checked first (in hall mode whoever holds a credential; otherwise a voting member,
/// signed in, whose credential is bound to them on first use and to nobody else), then the ballot in full (the
/// cheap checks, the credential on the roll and no replay, before the proofs and signature; at most four checks per
/// core, and past `MAX_WAITING` waiting a ballot is refused as busy); it is stored durably, then counted; the
/// answer is its tracking number. A refused ballot changes nothing.
pub async fn ballot_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((id, number)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, JsonError> {
    let (council, number) = parse_ids(&id, &number)?;
    if body.len() > MAX_BALLOT {
        return Err(JsonError::from(WebError::TooLarge));
    }
    let text = std::str::from_utf8(&body).map_err(|_| field("ballot"))?.trim().to_owned();
    let worker = state.clone();
    let (boxed, roll) =
        crate::blocking(move || Ok((ballot_box(&worker, council, number)?, roll(&worker, council, number)?))).await?;
    check_visible(&state, &ctx, council, number, roll.hall)?;
    let voter = if roll.hall {
        None
    } else {
        ctx.check_csrf(headers.get("x-csrf-token").and_then(|v| v.to_str().ok()))?;
        let me = require_member(&state, &ctx, council)?;
        if !roll.voters.contains(&me.0) {
            return Err(JsonError::from(WebError::BadInput("el-error-not-a-voter".to_owned())));
        }
        Some(me)
    };
    let cast = cast_ballot(&state, council, number, boxed, voter, text).await?;
    Ok((StatusCode::CREATED, axum::Json(json!({ "tracker": cast.tracker, "replaced": cast.replaced.is_some() })))
        .into_response())
}

/// Checks `text` as a ballot of the election in `boxed` (at most four checks per core; past `MAX_WAITING` waiting,
/// refused as busy), binds its credential to `voter` when voters sign in, stores it durably, then counts it.
pub async fn cast_ballot(
    state: &AppState,
    council: EventHash,
    number: u32,
    boxed: Boxed,
    voter: Option<MemberId>,
    text: String,
) -> Result<kenes_crypto::ballot_box::Cast, WebError> {
    with_box!(boxed, b => cast_in(state, council, number, b, voter, text).await)
}

/// [`cast_ballot`] in the election's own group.
async fn cast_in<G: ElectionGroup>(
    state: &AppState,
    council: EventHash,
    number: u32,
    held: Arc<Held<G>>,
    voter: Option<MemberId>,
    text: String,
) -> Result<kenes_crypto::ballot_box::Cast, WebError> {
    // Counted from the check to the answer, so the ballots waiting to be stored are bounded too.
    let boxes = state.elections();
    let waiting = boxes.waiting.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let _waiting = scopeguard(|| {
        boxes.waiting.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    });
    if waiting >= MAX_WAITING {
        return Err(WebError::Busy);
    }
    let permit = boxes.checks.clone().acquire_owned().await.map_err(|_| WebError::Busy)?;
    // The cheap refusals under the box's read lock, then the proofs without it: ballots are verified side by side,
    // and while a batch is being stored.
    let checking = held.clone();
    let checked = crate::blocking(move || {
        let _permit = permit;
        let check = checking.read()?.start_check(&text).map_err(|e| crypto_error("el-error-ballot", &e))?;
        check.finish().map_err(|e| crypto_error("el-error-ballot", &e))
    })
    .await?;
    super::casts::cast(state, council, number, held, checked, voter).await
}

/// How many public credentials carry each weight (an unreadable list counts nothing: it was verified on loading).
pub(crate) fn weight_counts(public_credentials: &str) -> BTreeMap<u64, usize> {
    let mut counts = BTreeMap::new();
    for weight in kenes_crypto::election::public_credential_weights(public_credentials).unwrap_or_default() {
        *counts.entry(weight).or_insert(0) += 1;
    }
    counts
}

/// The public board as JSON: status, counts, tracking numbers, result.
pub async fn board_json(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, JsonError> {
    let (council, number) = parse_ids(&id, &number)?;
    check_visible(&state, &ctx, council, number, false)?;
    let (election, _) = election_of(&state, council, number)?;
    if election.status == ElectionStatus::Setup {
        return Ok(axum::Json(json!({ "status": "setup" })).into_response());
    }
    let boxed = ballot_box_async(&state, council, number).await?;
    // Read off the async threads: the box waits while a close or a decryption is stored.
    crate::blocking(move || {
        let b = boxed.read()?;
        let counts = b.counts();
        let trackers: Vec<&str> = b.board().iter().map(|e| e.tracker).collect();
        Ok(axum::Json(json!({
            "status": election.status.as_str(), "uuid": election.uuid,
            "voters": counts.credentials, "cast": counts.cast, "counted": counts.counted,
            "trackers": trackers, "result": b.result(),
        }))
        .into_response())
    })
    .await
    .map_err(JsonError)
}
