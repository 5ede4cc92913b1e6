//! The election's archive, its verification page, and the finished election `kenes demo` makes.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use maud::html;
use rand::rngs::OsRng;

use kenes_council::election::{Announced, ElectionEvent, ElectionStatus};
use kenes_council::{CouncilEvent, MemberId};
use kenes_crypto::election::{QuestionJson, sha256_hex};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::{layout_with, t};

use super::*;

pub async fn archive_download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    check_visible(&state, &ctx, council, number, false)?;
    let (election, _) = election_of(&state, council, number)?;
    let worker = state.clone();
    let bytes = crate::blocking(move || {
        worker.node().store().backend().election_archive(council, number).map_err(WebError::from_store)
    })
    .await?;
    if bytes.is_empty() {
        return Err(WebError::NotFound);
    }
    let disposition = format!("attachment; filename=\"{}.bel\"", election.uuid);
    Ok(([(CONTENT_TYPE, "application/octet-stream".to_owned()), (CONTENT_DISPOSITION, disposition)], bytes)
        .into_response())
}

/// The archive's verification for the public page: every proof checked again, from the archive alone. Done once per
/// state of the archive (its SHA-256) and kept; one at a time, so many visitors cost one verification.
pub(crate) async fn archive_check(
    state: &AppState,
    council: EventHash,
    number: u32,
) -> Result<Arc<ArchiveCheck>, WebError> {
    let worker = state.clone();
    let load = move || worker.node().store().backend().election_archive(council, number).map_err(WebError::from_store);
    let bytes = crate::blocking(load).await?;
    if bytes.is_empty() {
        return Err(WebError::NotFound);
    }
    let hash = sha256_hex(&bytes);
    let cached = |boxes: &Boxes| -> Result<Option<Arc<ArchiveCheck>>, WebError> {
        let verified = boxes.verified.lock().map_err(poisoned)?;
        Ok(verified.get(&(council, number)).filter(|check| check.hash == hash).cloned())
    };
    if let Some(found) = cached(state.elections())? {
        return Ok(found);
    }
    let one_at_a_time = state.elections().verifying.clone().lock_owned().await;
    if let Some(found) = cached(state.elections())? {
        return Ok(found);
    }
    // The verification owns the lock and fills the cache even if this request goes away: a visitor who leaves
    // cannot start another one beside it.
    let worker = state.clone();
    let verification = tokio::task::spawn_blocking(move || {
        let _one_at_a_time = one_at_a_time;
        let outcome = kenes_crypto::archive::Archive::parse(&bytes)
            .and_then(|archive| kenes_crypto::verify::verify_archive(&archive, &kenes_crypto::verify::Quiet))
            .map_err(|error| error.to_string());
        let check = Arc::new(ArchiveCheck { hash, outcome });
        worker.elections().verified.lock().map_err(poisoned)?.insert((council, number), check.clone());
        Ok::<_, WebError>(check)
    });
    verification.await.map_err(|e| WebError::Internal(e.to_string()))?
}

/// Anyone's check of the archive as this node holds it: every proof verified again, from the archive alone, and its
/// hashes compared with the ones the council's record carries.
pub async fn verify_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    check_visible(&state, &ctx, council, number, false)?;
    let (election, _) = election_of(&state, council, number)?;
    let check = archive_check(&state, council, number).await?;
    let hash = &check.hash;
    let recorded = election.final_archive_hash.as_deref().or(election.closed_archive_hash.as_deref());
    let body = html! {
        @match &check.outcome {
            Ok(summary) => {
                p.result.carried { strong { (t(&state, &ctx, "el-verified")) } }
                table.tally {
                    tbody {
                        tr { th scope="row" { "uuid" } td { code { (summary.uuid) } } }
                        tr { th scope="row" { (t(&state, &ctx, "el-voters")) } td { (summary.credentials) } }
                        @if let Some(total) = summary.total_weight {
                            tr { th scope="row" { (t(&state, &ctx, "el-total-weight")) } td { (total) } }
                        }
                        tr { th scope="row" { (t(&state, &ctx, "el-ballots")) } td { (summary.ballots) } }
                        tr { th scope="row" { (t(&state, &ctx, "el-decryptions")) } td { (summary.partial_decryptions) } }
                        tr { th scope="row" { "SHA-256" } td { code { (hash) } } }
                    }
                }
                @if summary.trackers.iter().any(|(_, weight)| *weight != 1) {
                    details {
                        summary { (t(&state, &ctx, "el-counted-weights")) }
                        table {
                            thead { tr { th scope="col" { (t(&state, &ctx, "el-tracker-heading")) } th scope="col" { (t(&state, &ctx, "el-weight-heading")) } } }
                            tbody { @for (tracker, weight) in &summary.trackers { tr { td { code { (tracker) } } td { (weight) } } } }
                        }
                    }
                }
                @if let Some(recorded) = recorded {
                    @if election.final_archive_hash.is_some() || election.status == ElectionStatus::Closed {
                        p { (if recorded == hash { t(&state, &ctx, "el-hash-matches") } else { t(&state, &ctx, "el-hash-differs") }) }
                    }
                }
            }
            Err(error) => {
                p.result.lost { strong { (t(&state, &ctx, "el-not-verified")) } }
                p { code { (error) } }
            }
        }
        p { (t(&state, &ctx, "el-verify-yourself")) }
        pre { "kenes verify " (election.uuid) ".bel\nbelenios-tool election verify --dir DIR" }
        p { a href={ (base(council, number)) "/archive.bel" } download { (t(&state, &ctx, "el-archive")) } }
    };
    Ok(layout_with(
        &state,
        &ctx,
        &format!("{}: {}", election.title.as_str(), t(&state, &ctx, "el-verify")),
        html! {},
        body,
    )
    .into_response())
}

// ---------------------------------------------------------------------------------------------------------------
// A finished election for `kenes demo`

/// Runs a whole election in this process, as its people would: announced by `secretary`, one "Single" key per
/// trustee, credentials handed to the voters, their ballots (one 0/1 vector per question, or a ranking for a ranked
/// question of `ranked`) made and cast, closed, shuffled by every trustee when a question is ranked, decrypted by
/// every trustee; the record gets every step. The trustees' keys exist only during the call. Blocking.
#[allow(clippy::too_many_arguments)]
pub fn demo_election(
    state: &AppState,
    council: EventHash,
    secretary: MemberId,
    title: &str,
    questions: Vec<QuestionJson>,
    ranked: std::collections::BTreeMap<usize, kenes_count::method::Method>,
    trustees: &[MemberId],
    votes: &[(MemberId, Vec<Vec<u32>>)],
) -> Result<u32, WebError> {
    use kenes_crypto::credential::SecretCredential;
    use kenes_crypto::trustees::TrusteeSecretKey;
    let title = kenes_council::assembly::model::Title::parse(title)?;
    let uuid = kenes_crypto::credential::generate_token(14, &mut OsRng);
    let number = state.node().read(council, |c| c.elections().len() as u32 + 1)?;
    let mut keys = Vec::new();
    let mut setup = Setup::new(questions, String::new(), trustees.iter().map(|t| t.0).collect(), None);
    setup.ranked = ranked;
    for index in 0..trustees.len() {
        setup = with_group!(setup.group(), group => {
            let (key, public) = TrusteeSecretKey::generate(group, &mut OsRng);
            let text = serde_json::to_string(&public).map_err(|e| WebError::Internal(e.to_string()))?;
            keys.push(key);
            setup.take_step(group, Step::PublicKey, index, text)?
        });
    }
    save_setup(state, council, number, &setup)?;
    let announced = Announced { by: secretary, uuid, title, assembly: None, item: None };
    state.execute(council, &CouncilEvent::Election(ElectionEvent::Announced(announced)))?;
    state.execute(council, &open_election(state, council, number, secretary)?)?;
    let mut setup = load_setup(state, council, number)?;
    let boxed = ballot_box(state, council, number)?;
    for (voter, plaintext) in votes {
        let credential = setup.credentials.remove(&voter.0).ok_or_else(|| field("voter"))?;
        let credential = SecretCredential::parse(&credential).map_err(|e| crypto_error("el-error-ballot", &e))?;
        with_box!(&boxed, boxed => {
            let mut b = boxed.write()?;
            let ballot =
                b.create_ballot(&credential, plaintext, &mut OsRng).map_err(|e| crypto_error("el-error-ballot", &e))?;
            let pending = b.prepare_cast(ballot).map_err(|e| crypto_error("el-error-ballot", &e))?;
            store_then_commit(state, council, number, &mut b, pending)?;
        });
    }
    save_setup(state, council, number, &setup)?;
    state.execute(council, &close_election(state, council, number, secretary)?)?;
    if !setup.ranked.is_empty() {
        for index in 0..trustees.len() {
            let shuffle = with_box!(&boxed, boxed => {
                let b = boxed.read()?;
                b.make_shuffle(&mut OsRng).map_err(|e| crypto_error("el-error-shuffle", &e))?
            });
            super::trustees::add_shuffle(state, council, number, index + 1, trustees.len(), &shuffle)?;
        }
    }
    for (index, key) in keys.iter().enumerate() {
        let text = with_box!(&boxed, boxed => {
            let b = boxed.read()?;
            let tally = b.encrypted_tally().ok_or_else(|| WebError::Internal("no encrypted tally".into()))?;
            let partial = kenes_crypto::tally::partial_decrypt(b.election(), tally, key, &mut OsRng);
            kenes_crypto::tally::partial_decryption_to_json(b.election(), &partial)
        });
        if let Some(command) = add_decryption(state, council, number, trustees[index], index + 1, &text)? {
            state.execute(council, &command)?;
        }
    }
    Ok(number)
}
