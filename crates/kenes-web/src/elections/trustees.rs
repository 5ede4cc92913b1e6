//! Trustees: their page, and the ceremony's and the decryption's exchanges (JSON).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::html;
use serde_json::json;

use kenes_council::election::{ElectionEvent, ElectionStatus, Tallied};
use kenes_council::{CouncilEvent, MemberId};
use kenes_crypto::Refusal;
use kenes_crypto::election::sha256_hex;
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::{JsonError, WebError};
use crate::ui::{layout_with, require_member, t};

use super::*;

pub async fn trustee_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    let me = require_member(&state, &ctx, council)?;
    let (election, _) = election_of(&state, council, number)?;
    let setup = load_setup(&state, council, number)?;
    let index = setup.trustee_index(me).ok_or(WebError::Forbidden)?;
    let url = base(council, number);
    let head = script_head(
        &state,
        &ctx,
        "trustee",
        "trustee-page.js",
        &[
            ("error", "el-js-error"),
            ("download", "el-js-download"),
            ("needKey", "el-js-need-key"),
            ("decrypting", "el-js-decrypting"),
            ("decrypted", "el-js-decrypted"),
            ("done", "el-js-step-done"),
            ("waiting", "el-js-waiting"),
            ("noFile", "el-js-no-file"),
            ("olderFile", "el-js-older-file"),
            ("notTrusteeFile", "el-js-not-trustee-file"),
            ("wrongElection", "el-js-wrong-election"),
            ("wrongTrustee", "el-js-wrong-trustee"),
            ("keyMismatch", "el-js-key-mismatch"),
            ("shuffleNeeded", "el-js-shuffle-needed"),
            ("shuffleWaiting", "el-js-shuffle-waiting"),
            ("shuffling", "el-js-shuffling"),
        ],
    );
    // The file to keep is named after the election, so a trustee of several can tell their files apart.
    let slug: String = election
        .title
        .as_str()
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .take(6)
        .collect::<Vec<_>>()
        .join("-");
    let file = format!("{}-trustee-{}", if slug.is_empty() { format!("election-{number}") } else { slug }, index + 1);
    let body = html! {
        p { a href=(url) { (t(&state, &ctx, "el-back")) } }
        div #trustee data-url=(url) data-trustee=(index + 1) data-threshold=(setup.threshold().unwrap_or(0)) data-uuid=(election.uuid) data-file=(file) {
            p #trustee-status role="status" aria-live="polite" { (t(&state, &ctx, "el-loading")) }
            noscript { p { (t(&state, &ctx, "el-needs-javascript")) } }
            div #trustee-key hidden {
                p { (t(&state, &ctx, "el-trustee-key-help")) }
                p { button #make-key type="button" { (t(&state, &ctx, "el-make-key")) } }
            }
            div #trustee-file hidden {
                p { label for="key-file" { (t(&state, &ctx, "el-key-file")) } " " input #key-file type="file" multiple accept=".json,.key,.dkey,.privkey"; }
                p { button #use-key type="button" { (t(&state, &ctx, "el-continue")) } }
            }
            div #trustee-download hidden {
                p { a.button #download-link download { (t(&state, &ctx, "el-download-key")) } }
                p { (t(&state, &ctx, "el-keep-file")) }
            }
            div #trustee-shuffle hidden {
                p { (t(&state, &ctx, "el-shuffle-help")) }
                p { button #shuffle-here type="button" { (t(&state, &ctx, "el-shuffle-here")) } }
                p { (t(&state, &ctx, "el-shuffle-or")) }
                p { a.button href={ (url) "/archive.bel" } download={ (election.uuid) ".bel" } { (t(&state, &ctx, "el-archive")) } }
                pre.commands { "kenes election shuffle --archive " (election.uuid) ".bel --trustee-id " (index + 1) " --output shuffle.txt" }
                p { (t(&state, &ctx, "el-shuffle-send")) }
            }
            p #trustee-error role="alert" tabindex="-1" hidden {}
        }
        details {
            summary { (t(&state, &ctx, "el-cli-trustee")) }
            p { (t(&state, &ctx, "el-cli-trustee-help")) }
            pre { "kenes election setup generate-trustee-key\nkenes election setup threshold --step 1 | 3 | 5 …\nkenes election decrypt --archive UUID.bel --privkey ID.privkey --trustee-id N" }
            p { label for="cli-file" { (t(&state, &ctx, "el-cli-file")) } " " input #cli-file type="file"; }
            p { button #cli-send type="button" { (t(&state, &ctx, "el-cli-send")) } }
        }
    };
    Ok(layout_with(
        &state,
        &ctx,
        &format!("{}: {}", election.title.as_str(), t(&state, &ctx, "el-trustee-page")),
        head,
        body,
    )
    .into_response())
}

/// What a trustee's page needs to take its next step.
pub async fn ceremony_json(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, JsonError> {
    let (council, number) = parse_ids(&id, &number)?;
    let me = require_member(&state, &ctx, council)?;
    let (election, _) = election_of(&state, council, number)?;
    let setup = load_setup(&state, council, number)?;
    let index = setup.trustee_index(me).ok_or(WebError::Forbidden)?;
    let ceremony = setup.ceremony();
    let mut body = json!({
        "group": setup.group(), "trustee": index + 1, "trustees": setup.trustees().len(), "threshold": setup.threshold(),
        "status": election.status.as_str(), "waiting_for": setup.waiting_for().map(Waiting::as_str),
        "done": match setup.threshold() {
            None => json!({ "pubkey": ceremony.has_taken(index, Step::PublicKey) }),
            Some(_) => json!({ "cert": ceremony.has_taken(index, Step::Certificate),
                                "polynomial": ceremony.has_taken(index, Step::Polynomial),
                                "voutput": ceremony.has_taken(index, Step::Verification) }),
        },
        "certs": ceremony.certificate_texts(),
        "vinput": ceremony.vinput_text(index),
    });
    if matches!(election.status, ElectionStatus::Closed | ElectionStatus::Tallied) {
        let boxed = ballot_box_async(&state, council, number).await?;
        let (election, trustees, tally, decrypted, pending) = crate::blocking(move || {
            let b = boxed.read()?;
            // What the trustees decrypt: for ranked questions, the ciphertexts as the last shuffle left them.
            let tally = b.tally_json();
            let pending = b.shuffles_pending().map(|done| done.contains(&(index + 1)));
            Ok((
                b.election_json().to_owned(),
                b.trustees_json().to_owned(),
                tally,
                b.decrypted().contains(&(index + 1)),
                pending,
            ))
        })
        .await?;
        body["election"] = json!(election);
        body["trustees_json"] = json!(trustees);
        body["encrypted_tally"] = json!(tally);
        body["decrypted"] = json!(decrypted);
        body["shuffles_pending"] = json!(pending.is_some());
        body["shuffled"] = json!(pending == Some(true));
    }
    Ok(axum::Json(body).into_response())
}

/// A trustee's contribution: `step` is `pubkey`, `cert`, `polynomial`, `voutput` or `decryption`; the body is the
/// text trustee.js made. Checked before it is kept; the private half never comes here.
pub async fn trustee_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((id, number, step)): Path<(String, String, String)>,
    body: Bytes,
) -> Result<Response, JsonError> {
    let (council, number) = parse_ids(&id, &number)?;
    ctx.check_csrf(headers.get("x-csrf-token").and_then(|v| v.to_str().ok()))?;
    let me = require_member(&state, &ctx, council)?;
    let text = std::str::from_utf8(&body).map_err(|_| field("body"))?.trim().to_owned();
    trustee_step(&state, council, number, me, &step, text).await?;
    Ok((StatusCode::CREATED, axum::Json(json!({ "ok": true }))).into_response())
}

/// Takes member `me`'s contribution to the election's key ceremony (while it is set up) or to its tally (once
/// closed): checked, then kept; a refused one changes nothing.
pub async fn trustee_step(
    state: &AppState,
    council: EventHash,
    number: u32,
    me: MemberId,
    step: &str,
    text: String,
) -> Result<(), WebError> {
    let (election, _) = election_of(state, council, number)?;
    let guard = state.setup_lock().lock().await;
    let setup = load_setup(state, council, number)?;
    let index = setup.trustee_index(me).ok_or(WebError::Forbidden)?;
    if step == "shuffle" && matches!(election.status, ElectionStatus::Closed) {
        let worker = state.clone();
        let needed = setup.threshold().unwrap_or(setup.trustees().len());
        drop(setup);
        drop(guard);
        return crate::blocking(move || add_shuffle(&worker, council, number, index + 1, needed, &text)).await;
    }
    if step == "decryption" && matches!(election.status, ElectionStatus::Closed) {
        // Verifying a decryption is heavy: it runs under the election's own lock, not the set-ups' one.
        drop(setup);
        drop(guard);
        let worker = state.clone();
        let command = crate::blocking(move || add_decryption(&worker, council, number, me, index + 1, &text)).await?;
        if let Some(command) = command {
            state.execute_blocking(council, command).await?;
        }
        return Ok(());
    }
    // The ceremony's steps, only while the election is being set up; the ceremony itself refuses one out of turn.
    let step = Step::named(step)
        .filter(|_| election.status == ElectionStatus::Setup)
        .ok_or_else(|| WebError::BadInput("el-error-out-of-turn".to_owned()))?;
    let setup = with_group!(setup.group(), group => setup.take_step(group, step, index, text).map_err(WebError::from)?);
    save_setup(state, council, number, &setup)?;
    drop(guard);
    Ok(())
}

/// A trustee's shuffle of the ranked ballots: verified against the ciphertexts as they stand and stored; once
/// `needed` trustees have shuffled, the shuffles end and the trustees decrypt. `needed` is as many as must decrypt
/// (all "Single" trustees, or the threshold): the ballots stay unlinkable unless every shuffler is dishonest, and
/// that many dishonest trustees could decrypt every ballot anyway. The others are skipped, as Belenios allows.
/// Blocking.
pub fn add_shuffle(
    state: &AppState,
    council: EventHash,
    number: u32,
    trustee: usize,
    needed: usize,
    text: &str,
) -> Result<(), WebError> {
    with_box!(ballot_box(state, council, number)?, boxed => {
        let mut b = boxed.write()?;
        let pending = b.prepare_shuffle(trustee, text).map_err(|e| crypto_error("el-error-shuffle", &e))?;
        store_then_commit(state, council, number, &mut b, pending)?;
        if b.shufflers().len() >= needed {
            let pending = b.prepare_end_shuffles().map_err(|e| crypto_error("el-error-shuffle", &e))?;
            store_then_commit(state, council, number, &mut b, pending)?;
        }
        Ok(())
    })
}

/// A trustee's partial decryption: verified and stored; with enough of them, the result is computed and stored, and
/// the record's command saying the election is tallied is returned. Blocking.
///
/// Resumable: when a crash came between storing the result and writing the record, or between storing this
/// trustee's decryption and the result, sending the same decryption again finishes the step instead of being
/// refused as a repeat.
pub fn add_decryption(
    state: &AppState,
    council: EventHash,
    number: u32,
    me: MemberId,
    trustee: usize,
    text: &str,
) -> Result<Option<CouncilEvent>, WebError> {
    with_box!(ballot_box(state, council, number)?, boxed => {
        let mut b = boxed.write()?;
        if b.result().is_none() {
            match b.prepare_partial_decryption(trustee, text) {
                Ok(pending) => {
                    store_then_commit(state, council, number, &mut b, pending)?;
                }
                // Stored before a crash kept the result from following: go on to the result.
                Err(kenes_crypto::Error::Refused(Refusal::DuplicateDecryption { .. })) => {}
                Err(error) => return Err(crypto_error("el-error-decryption", &error)),
            }
        }
        if b.missing_decryptions().is_some() {
            return Ok(None);
        }
        let result = match b.result() {
            Some(result) => result.to_vec(),
            None => match b.prepare_result() {
                Ok(pending) => store_then_commit(state, council, number, &mut b, pending)?,
                // A trustee's factor is wrong though its proof holds: this decryption is kept, the election's page
                // names the trustees, and the result comes out when other trustees (or the named one, again) decrypt.
                Err(kenes_crypto::Error::Refused(
                    refusal @ (Refusal::ResultNotFound { .. } | Refusal::InconsistentDecryptions { .. }),
                )) => {
                    tracing::warn!(election = number, %refusal, "the decryptions do not give a result yet");
                    return Ok(None);
                }
                Err(error) => return Err(crypto_error("el-error-decryption", &error)),
            },
        };
        let archive_hash = sha256_hex(&b.to_bytes());
        Ok(Some(CouncilEvent::Election(ElectionEvent::Tallied(Tallied { by: me, election: number, archive_hash, result }))))
    })
}
