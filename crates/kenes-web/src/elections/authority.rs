//! The credential authority, when a member holds the role, and the slips printed in hall mode.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::Form;
use maud::html;
use rand::rngs::OsRng;
use serde_json::{Value, json};

use kenes_council::MemberId;
use kenes_council::election::{Election, ElectionStatus};

use kenes_crypto::setup::{Voter, generate_credentials};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::{JsonError, WebError};
use crate::ui::{layout_with, require_member, t, ta};

use super::*;

pub(crate) fn authority_of(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    number: u32,
) -> Result<(Election, Setup, MemberId), WebError> {
    let me = require_member(state, ctx, council)?;
    let (election, _) = election_of(state, council, number)?;
    let setup = load_setup(state, council, number)?;
    if setup.authority != Some(me.0) {
        return Err(WebError::Forbidden);
    }
    Ok((election, setup, me))
}

/// The members who may vote now, with their names: the council's members who vote, or those checked in at the
/// election's assembly (what the opening, the slips and a member authority all go by).
pub(crate) fn eligible_members(
    state: &AppState,
    council: EventHash,
    election: &Election,
) -> Result<Vec<(u32, String, u64)>, WebError> {
    // Who may vote, and with what weight, is the council's rule (`Council::election_roll`); the page adds names.
    Ok(state.node().read(council, |c| {
        c.election_roll(election).into_iter().map(|(id, weight)| (id.0, crate::meetings::name(c, id), weight)).collect()
    })?)
}

pub async fn authority_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    let (election, setup, _) = authority_of(&state, &ctx, council, number)?;
    let url = base(council, number);
    let head = script_head(
        &state,
        &ctx,
        "authority",
        "authority-page.js",
        &[("error", "el-js-error"), ("done", "el-authority-done")],
    );
    let body = html! {
        p { a href=(url) { (t(&state, &ctx, "el-back")) } }
        div #authority data-url=(url) {
            noscript { p { (t(&state, &ctx, "el-needs-javascript")) } }
            @if setup.public_credentials.is_some() {
                p { (t(&state, &ctx, "el-authority-done")) }
            } @else {
                p { (t(&state, &ctx, "el-authority-help")) }
                p { button #make-credentials type="button" { (t(&state, &ctx, "el-make-credentials")) } }
            }
            p #authority-status role="status" aria-live="polite" {}
            p #authority-download hidden { a #credentials-link { (t(&state, &ctx, "el-download-credentials")) } }
            p #authority-error role="alert" hidden {}
        }
    };
    Ok(layout_with(
        &state,
        &ctx,
        &format!("{}: {}", election.title.as_str(), t(&state, &ctx, "el-authority-page")),
        head,
        body,
    )
    .into_response())
}

pub async fn authority_json(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, JsonError> {
    let (council, number) = parse_ids(&id, &number)?;
    let (election, setup, _) = authority_of(&state, &ctx, council, number)?;
    let voters: Vec<Value> = eligible_members(&state, council, &election)?
        .into_iter()
        .map(|(member, name, weight)| json!({ "member": member, "name": name, "weight": weight }))
        .collect();
    Ok(axum::Json(json!({ "group": setup.group(), "uuid": election.uuid, "voters": voters,
        "done": setup.public_credentials.is_some() }))
    .into_response())
}

/// The authority's public credentials: one per voter, each a member of the group, none twice; accepted once.
pub async fn authority_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((id, number)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, JsonError> {
    let (council, number) = parse_ids(&id, &number)?;
    ctx.check_csrf(headers.get("x-csrf-token").and_then(|v| v.to_str().ok()))?;
    let _guard = state.setup_lock().lock().await;
    let (election, mut setup, _) = authority_of(&state, &ctx, council, number)?;
    if election.status != ElectionStatus::Setup || setup.public_credentials.is_some() {
        return Err(JsonError::from(WebError::BadInput("el-error-already-done".to_owned())));
    }
    let text = std::str::from_utf8(&body).map_err(|_| field("credentials"))?.trim().to_owned();
    let mut given = with_group!(setup.group(), group => {
        kenes_crypto::election::parse_public_credentials(group, &text)
            .map(|parsed| parsed.iter().map(|credential| credential.weight).collect::<Vec<u64>>())
    })
    .map_err(|e| crypto_error("el-error-key", &e))?;
    let voters = eligible_members(&state, council, &election)?;
    if given.len() != voters.len() {
        return Err(JsonError::from(WebError::BadInputWith(
            "el-error-credential-count".to_owned(),
            vec![("count", given.len().to_string()), ("voters", voters.len().to_string())],
        )));
    }
    // Weights are the roll's, never the authority's: the credentials carry exactly the roll's weights (one each,
    // except for delegates whose seats have weights), in whatever order the sorted list puts them.
    let mut wanted: Vec<u64> = voters.iter().map(|(_, _, weight)| *weight).collect();
    wanted.sort_unstable();
    given.sort_unstable();
    if let Some(weight) = given.iter().zip(&wanted).find_map(|(given, wanted)| (given != wanted).then_some(*given)) {
        return Err(JsonError::from(WebError::BadInputWith(
            "el-error-credential-weight".to_owned(),
            vec![("weight", weight.to_string())],
        )));
    }
    setup.credential_voters = voters.into_iter().map(|(member, _, _)| member).collect();
    setup.public_credentials = Some(text);
    save_setup(&state, council, number, &setup)?;
    Ok((StatusCode::CREATED, axum::Json(json!({ "ok": true }))).into_response())
}

/// Hall mode's credentials, printed before voting opens: one slip per voter (a member who may vote now, or a line
/// of the imported roll, labelled with its name and weight), made by the server and forgotten as the file is made;
/// only the public half is kept, for opening. Printing again before voting opens makes new slips and voids the
/// earlier ones. A POST with the CSRF token: nothing secret is made by following a link.
pub async fn slips_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((id, number)): Path<(String, String)>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    ctx.check_csrf(Some(&form.csrf))?;
    presiding(&state, &ctx, council)?;
    let (election, _) = election_of(&state, council, number)?;
    if election.status != ElectionStatus::Setup {
        return Err(WebError::BadInput("el-error-slips-before-opening".to_owned()));
    }
    let host = headers.get("host").and_then(|h| h.to_str().ok()).unwrap_or("localhost:8080").to_owned();
    let scheme = if state.config().secure_cookies { "https" } else { "http" };
    // Made without holding the set-ups' lock (credentials and the PDF take a while); kept only if, under the
    // lock, the election is still waiting to open with nothing stored.
    let setup = load_setup(&state, council, number)?;
    if !setup.hall {
        return Err(WebError::BadInput("el-error-not-hall".to_owned()));
    }
    let mut voters = Vec::new();
    // Members' slips are anonymous; a roll's carry the label and weight they were made for.
    let (identities, labels): (Vec<Voter>, Vec<String>) = if setup.roll.is_empty() {
        let roll = eligible_voters(&state, council, &election)?;
        voters = roll.iter().map(|(member, _)| *member).collect();
        roll.iter()
            .enumerate()
            .map(|(i, (member, weight))| {
                let mut label = ta(&state, &ctx, "el-slip-label", &[("number", (i + 1).to_string())]);
                if *weight != 1 {
                    label = ta(&state, &ctx, "el-slip-weighted", &[("label", label), ("weight", weight.to_string())]);
                }
                (Voter { identity: member.to_string(), weight: *weight }, label)
            })
            .unzip()
    } else {
        setup
            .roll
            .iter()
            .map(|(label, weight)| {
                let shown = if *weight == 1 {
                    label.clone()
                } else {
                    ta(&state, &ctx, "el-slip-weighted", &[("label", label.clone()), ("weight", weight.to_string())])
                };
                (Voter { identity: label.clone(), weight: *weight }, shown)
            })
            .unzip()
    };
    if identities.is_empty() {
        return Err(WebError::BadInput("el-error-no-voters".to_owned()));
    }
    let (group, uuid) = (setup.group(), election.uuid.clone());
    let made = crate::blocking(move || {
        Ok(with_group!(group, group => generate_credentials(group, &uuid, &identities, &mut OsRng)))
    })
    .await?;
    let url = |credential: &str| format!("{scheme}://{host}{}/vote#credential={credential}", base(council, number));
    let slips: Vec<crate::pdf::Slip> = made
        .private
        .iter()
        .zip(labels)
        .map(|((_, credential), label)| crate::pdf::Slip {
            label,
            credential: credential.expose().to_owned(),
            url: url(credential.expose()),
        })
        .collect();
    let title = election.title.to_string();
    let instructions = t(&state, &ctx, "el-slip-instructions");
    let lang = ctx.lang;
    let pdf = crate::blocking(move || {
        crate::pdf::credential_slips(&title, &instructions, &slips, lang).map_err(|e| WebError::Internal(e.to_string()))
    })
    .await?;
    {
        let _guard = state.setup_lock().lock().await;
        let still_waiting = election_of(&state, council, number)?.0.status == ElectionStatus::Setup
            && state.node().store().backend().election_archive(council, number)?.is_empty();
        if !still_waiting {
            return Err(WebError::BadInput("el-error-slips-before-opening".to_owned()));
        }
        let mut setup = load_setup(&state, council, number)?;
        setup.credential_voters = voters;
        setup.public_credentials = Some(made.public_json);
        save_setup(&state, council, number, &setup)?;
    }
    let disposition = format!("attachment; filename=\"slips-{}.pdf\"", election.uuid);
    Ok((
        [
            (CONTENT_TYPE, "application/pdf".to_owned()),
            (CONTENT_DISPOSITION, disposition),
            (CACHE_CONTROL, "no-store".to_owned()),
        ],
        pdf,
    )
        .into_response())
}
