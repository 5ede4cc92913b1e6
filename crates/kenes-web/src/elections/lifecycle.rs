//! Opening, closing and publishing an election (whoever presides).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use rand::rngs::OsRng;
use zeroize::Zeroizing;

use kenes_council::election::{Closed, Election, ElectionEvent, ElectionStatus, Opened, Published};
use kenes_council::{CouncilEvent, MemberId};
use kenes_crypto::ballot_box::BallotBox;
use kenes_crypto::election::{ElectionGroup, sha256_hex};

use kenes_crypto::setup::{Template, Voter, generate_credentials, make_election};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;

use super::*;

pub async fn open_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    ctx.check_csrf(Some(&form.csrf))?;
    presided_step(&state, &ctx, council, number, open_election).await
}

/// Runs `step` (blocking: it writes the archive) for whoever presides, writes the record's command it returns, and
/// shows the election's page.
async fn presided_step(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    number: u32,
    step: fn(&AppState, EventHash, u32, MemberId) -> Result<CouncilEvent, WebError>,
) -> Result<Response, WebError> {
    let me = presiding(state, ctx, council)?;
    let worker = state.clone();
    let command = crate::blocking(move || step(&worker, council, number, me)).await?;
    state.execute_blocking(council, command).await?;
    Ok(Redirect::to(&base(council, number)).into_response())
}

/// What the archive of a hall-mode election says of it, for anyone who checks the archive alone.
pub(crate) const HALL_NOTE: &str = "Hall mode: the credentials were printed on slips before voting opened; whoever holds a slip \
                         may vote with it without signing in.";

/// Opens voting once the ceremony is complete: writes `election.json` and `trustees.json`, makes one credential per
/// voting member (kept until handed out) unless a member authority or the slips made them already, starts the
/// archive; returns the record's command. Blocking.
///
/// Resumable: when the archive was stored but a crash kept the record from saying so, opening again takes the
/// stored archive instead of refusing.
pub fn open_election(
    state: &AppState,
    council: EventHash,
    number: u32,
    me: MemberId,
) -> Result<CouncilEvent, WebError> {
    let (election, _) = election_of(state, council, number)?;
    if election.status != ElectionStatus::Setup {
        return Err(WebError::BadInput("el-error-out-of-turn".to_owned()));
    }
    let _guard = state.setup_lock().blocking_lock();
    let setup = load_setup(state, council, number)?;
    let backend = state.node().store().backend();
    if !backend.election_archive(council, number)?.is_empty() {
        let boxed = ballot_box(state, council, number)?;
        let b = boxed.read()?;
        return Ok(opened(me, number, &setup, &*b));
    }
    if setup.waiting_for().is_some() {
        let key = if setup.waiting_for() == Some(Waiting::Slips) {
            "el-waiting-for-slips"
        } else {
            "el-waiting-for-trustees"
        };
        return Err(WebError::BadInput(key.to_owned()));
    }
    with_group!(setup.group(), group => open_in(state, council, number, me, &election, setup, group))
}

/// [`open_election`] in the election's own group, once its set-up is complete.
fn open_in<G: ElectionGroup>(
    state: &AppState,
    council: EventHash,
    number: u32,
    me: MemberId,
    election: &Election,
    mut setup: Setup,
    group: &G,
) -> Result<CouncilEvent, WebError>
where
    Boxed: From<BallotBox<G>>,
{
    let backend = state.node().store().backend();
    let trustees_json = setup.trustees_json(group)?;
    let description = if setup.hall {
        format!("{}\n\n{HALL_NOTE}", setup.description).trim().to_owned()
    } else {
        setup.description.clone()
    };
    let template = Template {
        description,
        name: election.title.to_string(),
        questions: setup.template_questions(),
        administrator: None,
        credential_authority: None,
    };
    let election_json = make_election(&template, &election.uuid, group, &trustees_json)
        .map_err(|e| crypto_error("el-error-key", &e))?;
    // The server is the credential authority unless a member holds the role or the slips were printed: then it has
    // the public half only.
    let public_credentials = match &setup.public_credentials {
        Some(public) => {
            setup.voters = if setup.hall { Vec::new() } else { setup.credential_voters.clone() };
            // The roll is fixed from here on: which public credential was whose is no longer needed.
            setup.public_of.clear();
            public.clone()
        }
        None => {
            let voters = eligible_voters(state, council, election)?;
            if voters.is_empty() {
                return Err(WebError::BadInput("el-error-no-voters".to_owned()));
            }
            let credentials = generate_credentials(group, &election.uuid, &identities(&voters), &mut OsRng);
            for (voter, credential) in &credentials.private {
                if let Ok(member) = voter.identity.parse::<u32>() {
                    setup.credentials.insert(member, Zeroizing::new(credential.expose().to_owned()));
                }
            }
            setup.voters = voters.into_iter().map(|(member, _)| member).collect();
            credentials.public_json
        }
    };
    let ballot_box = BallotBox::<G>::create_in(
        crate::auth::now_ms() as u64 / 1000,
        &election_json,
        &trustees_json,
        &public_credentials,
    )
    .map_err(|e| crypto_error("el-error-key", &e))?;
    save_setup(state, council, number, &setup)?;
    // The first piece: refused ("busy, try again") if another server opened the same election first.
    match backend.append_election_archive(council, number, 0, &ballot_box.to_bytes()) {
        Err(kenes_store::StoreError::ArchiveMoved { .. }) => return Err(WebError::Busy),
        stored => stored?,
    }
    let command = opened(me, number, &setup, &ballot_box);
    install(state, council, number, ballot_box.into())?;
    Ok(command)
}

/// The record's command that voting opened, from the archive's start.
pub(crate) fn opened(me: MemberId, number: u32, setup: &Setup, ballot_box: &dyn View) -> CouncilEvent {
    CouncilEvent::Election(ElectionEvent::Opened(Opened {
        by: me,
        election: number,
        election_hash: sha256_hex(ballot_box.election_json().as_bytes()),
        voters: ballot_box.counts().credentials as u32,
        trustees: setup.trustees().len() as u8,
        threshold: setup.threshold().unwrap_or(setup.trustees().len()) as u8,
    }))
}

/// The members who may vote now, each with their credential's weight (`Council::election_roll`).
pub(crate) fn eligible_voters(
    state: &AppState,
    council: EventHash,
    election: &Election,
) -> Result<Vec<(u32, u64)>, WebError> {
    Ok(state.node().read(council, |c| c.election_roll(election).into_iter().map(|(id, w)| (id.0, w)).collect())?)
}

/// The roll as Belenios identities: a member's number and their weight.
pub(crate) fn identities(voters: &[(u32, u64)]) -> Vec<Voter> {
    voters.iter().map(|(member, weight)| Voter { identity: member.to_string(), weight: *weight }).collect()
}

/// A private council makes one election public (its pages, board and archive), in its record.
pub async fn publish_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    ctx.check_csrf(Some(&form.csrf))?;
    let me = presiding(&state, &ctx, council)?;
    let command = CouncilEvent::Election(ElectionEvent::Published(Published { by: me, election: number }));
    state.execute_blocking(council, command).await?;
    Ok(Redirect::to(&base(council, number)).into_response())
}

pub async fn close_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    ctx.check_csrf(Some(&form.csrf))?;
    presided_step(&state, &ctx, council, number, close_election).await
}

/// Closes the ballot box (the encrypted tally is computed and stored) and forgets the credentials nobody collected;
/// returns the record's command. Blocking.
pub fn close_election(
    state: &AppState,
    council: EventHash,
    number: u32,
    me: MemberId,
) -> Result<CouncilEvent, WebError> {
    let (election, _) = election_of(state, council, number)?;
    if election.status != ElectionStatus::Open {
        return Err(WebError::BadInput("el-error-out-of-turn".to_owned()));
    }
    let (counted, archive_hash) = with_box!(ballot_box(state, council, number)?, boxed => {
        let mut b = boxed.write()?;
        // Closed already when a crash came between storing the tally and writing the record: finish the step.
        if b.status() == kenes_crypto::ballot_box::Status::Open {
            let pending = b.prepare_close().map_err(|e| crypto_error("el-error-out-of-turn", &e))?;
            store_then_commit(state, council, number, &mut b, pending)?;
        }
        (b.counts().counted as u64, sha256_hex(&b.to_bytes()))
    });
    {
        let _guard = state.setup_lock().blocking_lock();
        let mut setup = load_setup(state, council, number)?;
        setup.credentials.clear();
        save_setup(state, council, number, &setup)?;
        state.elections().shown.lock().map_err(poisoned)?.retain(|key, _| (key.0, key.1) != (council, number));
        state.node().store().backend().forget_deleted()?;
    }
    Ok(CouncilEvent::Election(ElectionEvent::Closed(Closed {
        by: me,
        election: number,
        ballots: counted,
        archive_hash,
    })))
}
