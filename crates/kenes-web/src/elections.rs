//! Secret elections in the web app: set up by a secretary, keys made by trustees in their browsers, ballots made in
//! voters' browsers, verified here, and an archive anyone can check.
//!
//! What lives where. The council's record carries the election's life (`kenes_council::election`: announced,
//! opened with the hash of `election.json`, closed with the archive's hash, tallied with the result). The Belenios
//! archive grows in the store as appended pieces, each stored durably before the request that made it is answered;
//! in memory it is a [`BallotBox`] that verifies every ballot and decryption on receipt. The key ceremony and the
//! credentials not yet handed out are the election's node-local setup ([`Setup`]), never in a bundle.
//!
//! What the server never sees: a vote (ballots are encrypted in the booth, `election/booth.js`), a trustee's private
//! key (made and kept in the trustee's browser, `election/trustee.js`), and a credential once it has been handed out
//! (the server forgets it as it gives it; the voting link carries it in the URL's fragment, which browsers do not
//! send).

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use maud::{Markup, html};
use rand::rngs::OsRng;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use kenes_council::election::{Announced, Closed, Election, ElectionEvent, ElectionStatus, Opened, Published, Tallied};
use kenes_council::{Council, CouncilEvent, MemberId, Role};
use kenes_crypto::Refusal;
use kenes_crypto::ballot_box::BallotBox;
use kenes_crypto::election::{QuestionJson, sha256_hex};
use kenes_crypto::group::FfGroup;
use kenes_crypto::setup::{Template, Voter, generate_credentials, make_election};
use kenes_crypto::trustees::{SignedMessageJson, ThresholdParametersJson, TrusteePublicKeyJson};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::{JsonError, WebError};
use crate::ui::{layout_with, require_member, t, ta};

/// The group every election made here uses.
const GROUP: &str = "BELENIOS-2048";
/// Questions one election may ask in the set-up form.
const FORM_QUESTIONS: usize = 3;

pub const CORE_JS: &str = include_str!("election/core.js");
pub const BOOTH_JS: &str = include_str!("election/booth.js");
pub const TRUSTEE_JS: &str = include_str!("election/trustee.js");
pub const BOOTH_PAGE_JS: &str = include_str!("election/booth-page.js");
pub const TRUSTEE_PAGE_JS: &str = include_str!("election/trustee-page.js");
pub const AUTHORITY_JS: &str = include_str!("election/authority.js");
pub const AUTHORITY_PAGE_JS: &str = include_str!("election/authority-page.js");
pub const BOARD_PAGE_JS: &str = include_str!("election/board-page.js");

pub async fn script(Path(name): Path<String>) -> Response {
    let body = match name.as_str() {
        "core.js" => CORE_JS,
        "booth.js" => BOOTH_JS,
        "trustee.js" => TRUSTEE_JS,
        "booth-page.js" => BOOTH_PAGE_JS,
        "trustee-page.js" => TRUSTEE_PAGE_JS,
        "authority.js" => AUTHORITY_JS,
        "authority-page.js" => AUTHORITY_PAGE_JS,
        "board-page.js" => BOARD_PAGE_JS,
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    ([(CONTENT_TYPE, "text/javascript; charset=utf-8"), (CACHE_CONTROL, "no-cache")], body).into_response()
}

// ---------------------------------------------------------------------------------------------------------------
// The setup: node-local, until the election opens (and the credentials not yet handed out, until they are)

/// An election's node-local state.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Setup {
    pub questions: Vec<QuestionJson>,
    pub description: String,
    /// Trustees, as member numbers, in the order of `trustees.json`.
    pub trustees: Vec<u32>,
    /// Threshold trustees (Pedersen) when set: how many must decrypt. Otherwise each trustee has a "Single" key and
    /// all must decrypt.
    pub threshold: Option<usize>,
    /// Single trustees' public keys (`.pubkey`), by trustee index (0-based).
    pub pubkeys: BTreeMap<usize, String>,
    /// Threshold ceremony: certificates (step 1), polynomials (step 3), vinputs (step 4, computed here), voutputs
    /// (step 5), by trustee index.
    pub certs: BTreeMap<usize, String>,
    pub polynomials: BTreeMap<usize, String>,
    pub vinputs: BTreeMap<usize, String>,
    pub voutputs: BTreeMap<usize, String>,
    /// Credentials not yet handed out, by member number; removed as each is given.
    pub credentials: BTreeMap<u32, String>,
    /// A member who holds the credential authority's role instead of the server: they make the credentials in
    /// their browser and the server only ever sees the public ones.
    #[serde(default)]
    pub authority: Option<u32>,
    /// The members whose credentials were made before opening (by a member authority, or on hall-mode slips), and
    /// those public credentials (`public_creds.json`).
    #[serde(default, alias = "authority_voters")]
    pub credential_voters: Vec<u32>,
    #[serde(default)]
    pub public_credentials: Option<String>,
    /// An imported roll (federations, delegates with mandates of different sizes): voters by label with their
    /// weights, instead of the council's members; their credentials are handed out on slips.
    #[serde(default)]
    pub roll: Vec<(String, u64)>,
    /// Hall mode: credentials are printed on slips before voting opens, and whoever holds a slip votes without
    /// signing in (for voters without accounts; an imported roll is always in hall mode). Otherwise a member casts
    /// signed in, with their credential, which is bound to them on first use.
    #[serde(default)]
    pub hall: bool,
    /// The members who may cast, fixed when voting opens (empty in hall mode).
    #[serde(default)]
    pub voters: Vec<u32>,
}

impl Setup {
    fn trustee_index(&self, member: MemberId) -> Option<usize> {
        self.trustees.iter().position(|&t| t == member.0)
    }

    /// What the set-up waits for: "pubkeys", "certs", "polynomials", "voutputs", "credentials", or `None` when it
    /// is complete.
    fn waiting_for(&self) -> Option<&'static str> {
        let n = self.trustees.len();
        if self.authority.is_some() && self.public_credentials.is_none() {
            return Some("credentials");
        }
        if self.hall && self.public_credentials.is_none() {
            return Some("slips");
        }
        match self.threshold {
            None => (self.pubkeys.len() < n).then_some("pubkeys"),
            Some(_) if self.certs.len() < n => Some("certs"),
            Some(_) if self.polynomials.len() < n => Some("polynomials"),
            Some(_) if self.voutputs.len() < n => Some("voutputs"),
            Some(_) => None,
        }
    }

    fn in_order(map: &BTreeMap<usize, String>) -> Vec<&str> {
        map.values().map(String::as_str).collect()
    }

    /// `trustees.json`, once the ceremony is complete.
    fn trustees_json(&self, group: &FfGroup) -> Result<String, WebError> {
        let bad = |what: &str, e: &dyn std::fmt::Display| WebError::Internal(format!("{what}: {e}"));
        match self.threshold {
            None => {
                let keys: Vec<TrusteePublicKeyJson> = Self::in_order(&self.pubkeys)
                    .into_iter()
                    .map(|k| serde_json::from_str(k).map_err(|e| bad("a trustee key", &e)))
                    .collect::<Result<_, _>>()?;
                Ok(kenes_crypto::setup::single_trustees_json(&keys))
            }
            Some(_) => {
                let certs = self.parsed_certs()?;
                let polynomials: Vec<_> = Self::in_order(&self.polynomials)
                    .into_iter()
                    .map(|p| serde_json::from_str(p).map_err(|e| bad("a polynomial", &e)))
                    .collect::<Result<_, _>>()?;
                let voutputs: Vec<_> = Self::in_order(&self.voutputs)
                    .into_iter()
                    .map(|v| serde_json::from_str(v).map_err(|e| bad("a voutput", &e)))
                    .collect::<Result<_, _>>()?;
                let parameters: ThresholdParametersJson =
                    kenes_crypto::pedersen::threshold_parameters(group, &certs, &polynomials, &voutputs)
                        .map_err(|e| bad("the threshold parameters", &e))?;
                serde_json::to_string(&[("Pedersen", parameters)]).map_err(|e| bad("trustees", &e))
            }
        }
    }

    fn parsed_certs(&self) -> Result<Vec<SignedMessageJson>, WebError> {
        Self::in_order(&self.certs)
            .into_iter()
            .map(|c| serde_json::from_str(c).map_err(|e| WebError::Internal(format!("a certificate: {e}"))))
            .collect()
    }
}

fn load_setup(state: &AppState, council: EventHash, number: u32) -> Result<Setup, WebError> {
    let bytes = state.node().store().backend().election_setup(council, number)?;
    let bytes = bytes.ok_or(WebError::NotFound)?;
    let mut setup: Setup =
        serde_json::from_slice(&bytes).map_err(|e| WebError::Internal(format!("election setup: {e}")))?;
    // A roll votes by slips: set-ups saved before hall mode was a field have a roll and no `hall`.
    setup.hall |= !setup.roll.is_empty();
    Ok(setup)
}

fn save_setup(state: &AppState, council: EventHash, number: u32, setup: &Setup) -> Result<(), WebError> {
    let bytes = serde_json::to_vec(setup).map_err(|e| WebError::Internal(e.to_string()))?;
    state.node().store().backend().set_election_setup(council, number, &bytes).map_err(WebError::from_store)
}

/// The elections held in memory: each ballot box is loaded from the store on first use (a full verification of the
/// archive) under its own election's lock only, never the others'; who may cast in each; the bound on proof checks;
/// and the last verification of each archive, for the public verification page.
pub struct Boxes {
    slots: std::sync::Mutex<BTreeMap<(EventHash, u32), Slot>>,
    rolls: std::sync::Mutex<BTreeMap<(EventHash, u32), Arc<Roll>>>,
    /// Proof checks running at once: four per core (each permit held by the check itself, so a dropped request does
    /// not free its place while its check still runs). A check waits while a cast holds the box's write lock for its
    /// flush to disk, so a few more than the cores keep them busy (`cargo xtask bench ballots`: 79 ballots/s with
    /// one per core, 87 with two, 93 with four, on two cores); the bound keeps a flood from taking a thread each.
    checks: Arc<tokio::sync::Semaphore>,
    /// Ballots waiting for a check; past `MAX_WAITING` a ballot is refused as busy before any work.
    waiting: std::sync::atomic::AtomicUsize,
    verified: std::sync::Mutex<BTreeMap<(EventHash, u32), Arc<ArchiveCheck>>>,
    /// One archive verification at a time for the public page; the others wait for its cached answer.
    verifying: Arc<tokio::sync::Mutex<()>>,
    /// Credentials handed out in the last `SHOWN_FOR`, in memory only: a member whose answer was lost (a dropped
    /// connection, a double tap) gets the same credential again, though the disk no longer holds it.
    shown: std::sync::Mutex<BTreeMap<(EventHash, u32, u32), Shown>>,
}

/// A credential handed out, and when.
type Shown = (String, std::time::Instant);

/// How long a handed-out credential can be shown again to its member.
const SHOWN_FOR: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// One election's ballot box once loaded, behind the lock that its loading takes.
type Slot = Arc<std::sync::Mutex<Option<Arc<RwLock<BallotBox>>>>>;

/// The most ballots that may wait for a proof check.
const MAX_WAITING: usize = 256;

impl Default for Boxes {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        Boxes {
            slots: Default::default(),
            rolls: Default::default(),
            checks: Arc::new(tokio::sync::Semaphore::new(4 * cores)),
            waiting: Default::default(),
            verified: Default::default(),
            verifying: Default::default(),
            shown: Default::default(),
        }
    }
}

/// Who may cast in an open election.
#[derive(Debug)]
pub struct Roll {
    /// Whoever holds a credential (hall mode).
    pub hall: bool,
    /// Otherwise these members, signed in.
    pub voters: std::collections::HashSet<u32>,
}

/// An archive's verification as the public page shows it, with the SHA-256 of the bytes it was made from.
#[derive(Debug)]
pub struct ArchiveCheck {
    hash: String,
    outcome: Result<kenes_crypto::verify::Summary, String>,
}

fn poisoned<T>(_: T) -> WebError {
    WebError::Internal("poisoned".into())
}

/// The election's ballot box, loaded and verified on first use. Blocking.
fn ballot_box(state: &AppState, council: EventHash, number: u32) -> Result<Arc<RwLock<BallotBox>>, WebError> {
    // Only elections the record has get a slot, so no request can grow the map with numbers that do not exist.
    election_of(state, council, number)?;
    let slot = state.elections().slots.lock().map_err(poisoned)?.entry((council, number)).or_default().clone();
    let mut slot = slot.lock().map_err(poisoned)?;
    if let Some(found) = &*slot {
        return Ok(found.clone());
    }
    let bytes = state.node().store().backend().election_archive(council, number)?;
    if bytes.is_empty() {
        return Err(WebError::NotFound);
    }
    let loaded = BallotBox::load(&bytes, &kenes_crypto::verify::Quiet)
        .map_err(|e| WebError::Internal(format!("the archive of election {number} does not verify: {e}")))?;
    let loaded = Arc::new(RwLock::new(loaded));
    *slot = Some(loaded.clone());
    Ok(loaded)
}

/// `ballot_box` off the async threads.
async fn ballot_box_async(
    state: &AppState,
    council: EventHash,
    number: u32,
) -> Result<Arc<RwLock<BallotBox>>, WebError> {
    let worker = state.clone();
    crate::blocking(move || ballot_box(&worker, council, number)).await
}

/// Stores a prepared change's archive entries durably, then applies it to the box: what the box holds is what the
/// store holds, and a failed store leaves the box as it was.
fn store_then_commit<T>(
    state: &AppState,
    council: EventHash,
    number: u32,
    ballot_box: &mut BallotBox,
    pending: kenes_crypto::ballot_box::Pending<T>,
) -> Result<T, WebError> {
    let backend = state.node().store().backend();
    backend.append_election_archive(council, number, &pending.to_bytes())?;
    ballot_box.commit(pending).map_err(|e| WebError::Internal(e.to_string()))
}

/// Keeps a ballot box made here (on opening) as the election's.
fn install(state: &AppState, council: EventHash, number: u32, ballot_box: BallotBox) -> Result<(), WebError> {
    let slot = state.elections().slots.lock().map_err(poisoned)?.entry((council, number)).or_default().clone();
    *slot.lock().map_err(poisoned)? = Some(Arc::new(RwLock::new(ballot_box)));
    Ok(())
}

/// Who may cast in the election, as fixed when it opened. Blocking (reads the setup once).
fn roll(state: &AppState, council: EventHash, number: u32) -> Result<Arc<Roll>, WebError> {
    if let Some(found) = state.elections().rolls.lock().map_err(poisoned)?.get(&(council, number)) {
        return Ok(found.clone());
    }
    let setup = load_setup(state, council, number)?;
    // Elections opened before kenes bound credentials to members kept no list of voters: whoever held a
    // credential voted, as in hall mode.
    let hall = setup.hall || setup.voters.is_empty();
    let roll = Arc::new(Roll { hall, voters: setup.voters.iter().copied().collect() });
    if election_of(state, council, number)?.0.status != ElectionStatus::Setup {
        state.elections().rolls.lock().map_err(poisoned)?.insert((council, number), roll.clone());
    }
    Ok(roll)
}

/// Whether the person asking may see this election: anyone, unless the council is private and has not published
/// it; then its members only (and, for the booth of an election in hall mode, whoever holds a slip). Anyone else is
/// told there is nothing here.
fn check_visible(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    number: u32,
    hall_booth: bool,
) -> Result<(), WebError> {
    let private = state.node().read(council, |c| c.private && !c.election(number).is_some_and(|e| e.published))?;
    if !private || hall_booth {
        return Ok(());
    }
    require_member(state, ctx, council).map(|_| ()).map_err(|_| WebError::NotFound)
}

fn crypto_error(key: &str, error: &kenes_crypto::Error) -> WebError {
    WebError::BadInputWith(key.to_owned(), vec![("reason", error.to_string())])
}

fn parse_ids(id: &str, number: &str) -> Result<(EventHash, u32), WebError> {
    let council = EventHash::from_hex(id).map_err(|_| WebError::NotFound)?;
    let number = number.parse().map_err(|_| WebError::NotFound)?;
    Ok((council, number))
}

fn presiding(state: &AppState, ctx: &Ctx, council: EventHash) -> Result<MemberId, WebError> {
    let me = require_member(state, ctx, council)?;
    let presides = state
        .node()
        .read(council, |c| c.member(me).is_some_and(|m| matches!(m.role, Role::Chair | Role::Secretary)))?;
    if presides { Ok(me) } else { Err(WebError::Forbidden) }
}

fn election_of(state: &AppState, council: EventHash, number: u32) -> Result<(Election, String), WebError> {
    state
        .node()
        .read(council, |c| c.election(number).cloned().map(|e| (e, c.name.as_str().to_owned())))?
        .ok_or(WebError::NotFound)
}

fn base(council: EventHash, number: u32) -> String {
    format!("/c/{}/e/{number}", council.to_hex())
}

/// The page script's messages, as JSON for a `<script type="application/json">` (`<` escaped so the text cannot
/// close the element).
fn messages_json(state: &AppState, ctx: &Ctx, keys: &[(&str, &str)]) -> String {
    let map: serde_json::Map<String, Value> =
        keys.iter().map(|(name, key)| ((*name).to_owned(), Value::String(t(state, ctx, key)))).collect();
    Value::Object(map).to_string().replace('<', "\\u003c")
}

// ---------------------------------------------------------------------------------------------------------------
// The list and the set-up form

pub async fn elections_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let council = EventHash::from_hex(&id).map_err(|_| WebError::NotFound)?;
    let me = require_member(&state, &ctx, council)?;
    let markup = state.node().read(council, |c| {
        let presides = c.member(me).is_some_and(|m| matches!(m.role, Role::Chair | Role::Secretary));
        list_markup(&state, &ctx, c, presides)
    })?;
    Ok(layout_with(&state, &ctx, &t(&state, &ctx, "el-elections"), html! {}, markup).into_response())
}

fn list_markup(state: &AppState, ctx: &Ctx, council: &Council, presides: bool) -> Markup {
    let id = council.id();
    html! {
        p { a href={ "/c/" (id.to_hex()) } { (council.name.as_str()) } }
        @if council.elections().is_empty() { p { (t(state, ctx, "el-none")) } }
        ul {
            @for e in council.elections() {
                li { a href=(base(id, e.id)) { (e.title.as_str()) } " — " (t(state, ctx, &format!("el-status-{}", e.status.as_str()))) }
            }
        }
        @if presides {
            section aria-labelledby="new-election" {
                h2 id="new-election" { (t(state, ctx, "el-new")) }
                form method="post" action={ "/c/" (id.to_hex()) "/elections" } {
                    input type="hidden" name="csrf" value=(ctx.csrf());
                    p { label for="el-title" { (t(state, ctx, "el-title")) } input id="el-title" name="title" required maxlength="200"; }
                    p { label for="el-description" { (t(state, ctx, "el-description")) } input id="el-description" name="description" maxlength="1000"; }
                    @for q in 1..=FORM_QUESTIONS {
                        fieldset {
                            legend { (ta(state, ctx, "el-question-number", &[("number", q.to_string())])) }
                            p { label for={ "q" (q) } { (t(state, ctx, "el-question")) } input id={ "q" (q) } name={ "q" (q) } maxlength="500" required[q == 1]; }
                            p { label for={ "q" (q) "-answers" } { (t(state, ctx, "el-answers")) } textarea id={ "q" (q) "-answers" } name={ "q" (q) "_answers" } rows="3" {} }
                            p {
                                label for={ "q" (q) "-min" } { (t(state, ctx, "el-min")) } " " input id={ "q" (q) "-min" } name={ "q" (q) "_min" } type="number" min="0" max="50" value="1";
                                " " label for={ "q" (q) "-max" } { (t(state, ctx, "el-max")) } " " input id={ "q" (q) "-max" } name={ "q" (q) "_max" } type="number" min="1" max="50" value="1";
                            }
                            p { input id={ "q" (q) "-blank" } name={ "q" (q) "_blank" } type="checkbox" value="1"; " " label for={ "q" (q) "-blank" } { (t(state, ctx, "el-blank")) } }
                        }
                    }
                    p {
                        label for="el-roll" { (t(state, ctx, "el-roll")) }
                        textarea id="el-roll" name="roll" rows="3" {}
                        small { (t(state, ctx, "el-roll-help")) }
                    }
                    @let open_assemblies: Vec<_> = council.assemblies().iter().filter(|a| a.status == kenes_council::assembly::Status::Open).collect();
                    @if !open_assemblies.is_empty() {
                        p {
                            label for="el-assembly" { (t(state, ctx, "el-voters-from")) }
                            select id="el-assembly" name="assembly" {
                                option value="" { (t(state, ctx, "el-voters-all")) }
                                @for a in open_assemblies { option value=(a.id) { (ta(state, ctx, "el-voters-present", &[("title", a.title.to_string())])) } }
                            }
                        }
                    }
                    p {
                        input id="el-hall" name="hall" type="checkbox" value="1" aria-describedby="el-hall-help"; " "
                        label for="el-hall" { (t(state, ctx, "el-hall")) }
                        br; small id="el-hall-help" { (t(state, ctx, "el-hall-help")) }
                    }
                    p {
                        label for="el-authority" { (t(state, ctx, "el-authority")) }
                        select id="el-authority" name="authority" {
                            option value="" { (t(state, ctx, "el-authority-server")) }
                            @for m in council.active_members().filter(|m| m.role != Role::Observer) { option value=(m.id.0) { (m.name.as_str()) } }
                        }
                    }
                    fieldset {
                        legend { (t(state, ctx, "el-trustees")) }
                        @for m in council.active_members().filter(|m| m.role != Role::Observer) {
                            p { input id={ "trustee-" (m.id.0) } name="trustee" type="checkbox" value=(m.id.0); " " label for={ "trustee-" (m.id.0) } { (m.name.as_str()) } }
                        }
                        p { label for="el-threshold" { (t(state, ctx, "el-threshold")) } " " input id="el-threshold" name="threshold" type="number" min="0" max="20" value="0"; }
                        p.meta { (t(state, ctx, "el-threshold-help")) }
                    }
                    p { button type="submit" { (t(state, ctx, "el-create")) } }
                }
            }
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct NewElectionForm {
    #[serde(default)]
    csrf: String,
    /// "1" for hall mode (see `Setup::hall`).
    #[serde(default)]
    hall: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    q1: String,
    #[serde(default)]
    q1_answers: String,
    #[serde(default)]
    q1_min: String,
    #[serde(default)]
    q1_max: String,
    #[serde(default)]
    q1_blank: String,
    #[serde(default)]
    q2: String,
    #[serde(default)]
    q2_answers: String,
    #[serde(default)]
    q2_min: String,
    #[serde(default)]
    q2_max: String,
    #[serde(default)]
    q2_blank: String,
    #[serde(default)]
    q3: String,
    #[serde(default)]
    q3_answers: String,
    #[serde(default)]
    q3_min: String,
    #[serde(default)]
    q3_max: String,
    #[serde(default)]
    q3_blank: String,
    #[serde(default)]
    trustee: Vec<String>,
    #[serde(default)]
    threshold: String,
    /// An open assembly whose checked-in members are the voters; empty for all the council's voting members.
    #[serde(default)]
    assembly: String,
    /// The member who holds the credential authority's role; empty for the server.
    #[serde(default)]
    authority: String,
    /// An imported roll, one voter per line: `label` or `label,weight`.
    #[serde(default)]
    roll: String,
}

/// The most voters an imported roll may hold, and the largest weight.
const MAX_ROLL: usize = 100_000;
const MAX_WEIGHT: u64 = 1_000_000;

/// An imported roll: one voter per line, `label` or `label,weight`; a bad line is refused with its number.
fn roll_from(text: &str) -> Result<Vec<(String, u64)>, WebError> {
    let bad = |line: usize| WebError::BadInputWith("el-error-roll".to_owned(), vec![("line", line.to_string())]);
    let mut roll = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (label, weight) = match line.rsplit_once(',') {
            Some((label, weight)) => (label.trim(), weight.trim().parse::<u64>().map_err(|_| bad(index + 1))?),
            None => (line, 1),
        };
        if label.is_empty()
            || label.chars().count() > 200
            || label.chars().any(char::is_control)
            || weight == 0
            || weight > MAX_WEIGHT
        {
            return Err(bad(index + 1));
        }
        roll.push((label.to_owned(), weight));
    }
    if roll.len() > MAX_ROLL {
        return Err(bad(MAX_ROLL + 1));
    }
    // The result is a discrete logarithm found by search: the total weight bounds how long that takes.
    let total: u64 = roll.iter().map(|(_, weight)| weight).sum();
    if total > kenes_crypto::election::MAX_TOTAL_WEIGHT {
        return Err(WebError::BadInputWith(
            "el-error-total-weight".to_owned(),
            vec![("total", total.to_string()), ("max", kenes_crypto::election::MAX_TOTAL_WEIGHT.to_string())],
        ));
    }
    Ok(roll)
}

fn field(name: &str) -> WebError {
    WebError::BadInputWith("el-error-field".to_owned(), vec![("field", name.to_owned())])
}

fn small_number(text: &str, name: &str, default: u32) -> Result<u32, WebError> {
    let text = text.trim();
    if text.is_empty() { Ok(default) } else { text.parse().map_err(|_| field(name)) }
}

/// The questions of the form, checked as Belenios checks them (at least one answer, `min ≤ max ≤ answers`).
fn questions_from(form: &NewElectionForm) -> Result<Vec<QuestionJson>, WebError> {
    let blocks = [
        (&form.q1, &form.q1_answers, &form.q1_min, &form.q1_max, &form.q1_blank),
        (&form.q2, &form.q2_answers, &form.q2_min, &form.q2_max, &form.q2_blank),
        (&form.q3, &form.q3_answers, &form.q3_min, &form.q3_max, &form.q3_blank),
    ];
    let mut questions = Vec::new();
    for (index, (question, answers, min, max, blank)) in blocks.into_iter().enumerate() {
        let name = |part: &str| format!("q{}{part}", index + 1);
        if question.trim().is_empty() {
            continue;
        }
        let answers: Vec<String> =
            answers.lines().map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect();
        if answers.is_empty() || answers.len() > 50 || question.chars().count() > 500 {
            return Err(field(&name("_answers")));
        }
        let min = small_number(min, &name("_min"), 1)?;
        let max = small_number(max, &name("_max"), 1)?;
        if min > max || max == 0 || max as usize > answers.len() {
            return Err(field(&name("_max")));
        }
        let blank = (blank == "1").then_some(true);
        questions.push(QuestionJson { answers, blank, min, max, question: question.trim().to_owned() });
    }
    if questions.is_empty() {
        return Err(field("q1"));
    }
    Ok(questions)
}

pub async fn create_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<NewElectionForm>,
) -> Result<Response, WebError> {
    let council = EventHash::from_hex(&id).map_err(|_| WebError::NotFound)?;
    ctx.check_csrf(Some(&form.csrf))?;
    let me = presiding(&state, &ctx, council)?;
    let title = kenes_council::assembly::model::Title::parse(&form.title)?;
    let questions = questions_from(&form)?;
    let trustees: Vec<u32> =
        form.trustee.iter().map(|t| t.parse().map_err(|_| field("trustee"))).collect::<Result<_, _>>()?;
    let eligible = state.node().read(council, |c| {
        trustees.iter().all(|t| c.member(MemberId(*t)).is_some_and(|m| m.active && m.role != Role::Observer))
    })?;
    let mut distinct = trustees.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if trustees.is_empty() || !eligible || distinct.len() != trustees.len() || trustees.len() > 20 {
        return Err(field("trustee"));
    }
    let threshold = small_number(&form.threshold, "threshold", 0)? as usize;
    let threshold = match threshold {
        0 => None,
        k if k == trustees.len() && k == 1 => None,
        k if k <= trustees.len() => Some(k),
        _ => return Err(field("threshold")),
    };
    let uuid = kenes_crypto::credential::generate_token(14, &mut OsRng);
    let assembly = match form.assembly.trim() {
        "" => None,
        text => Some(text.parse::<u32>().map_err(|_| field("assembly"))?),
    };
    let item = match assembly {
        Some(n) => {
            state.node().read(council, |c| c.assembly(n).map(|a| a.current_item))?.ok_or_else(|| field("assembly"))?
        }
        None => None,
    };
    let command = CouncilEvent::Election(ElectionEvent::Announced(Announced {
        by: me,
        uuid: uuid.clone(),
        title,
        assembly,
        item,
    }));
    let authority = match form.authority.trim() {
        "" => None,
        text => {
            let member = text.parse::<u32>().map_err(|_| field("authority"))?;
            let eligible = state.node().read(council, |c| c.member(MemberId(member)).is_some_and(|m| m.active))?;
            if !eligible {
                return Err(field("authority"));
            }
            Some(member)
        }
    };
    let roll = roll_from(&form.roll)?;
    if !roll.is_empty() && (authority.is_some() || !form.assembly.trim().is_empty()) {
        return Err(field("roll"));
    }
    // Slips are printed by the server: a member who makes the credentials hands them out themselves.
    let hall = form.hall == "1" || !roll.is_empty();
    if hall && authority.is_some() {
        return Err(field("hall"));
    }
    let setup = Setup {
        questions,
        description: form.description.trim().chars().take(1000).collect(),
        trustees,
        threshold,
        authority,
        roll,
        hall,
        ..Setup::default()
    };
    // The number is the one the written announcement got (found by its uuid), so two set-ups sent at once
    // cannot take each other's.
    let event = state.execute_blocking(council, command).await?;
    let number = state
        .node()
        .read(council, |c| c.elections().iter().find(|e| e.uuid == uuid).map(|e| e.id))?
        .ok_or_else(|| WebError::Internal(format!("no election after event {}", event.height)))?;
    save_setup(&state, council, number, &setup)?;
    Ok(Redirect::to(&base(council, number)).into_response())
}

// ---------------------------------------------------------------------------------------------------------------
// The election's page: status, the ballot board, the result, the secretary's controls

pub async fn election_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    let me = require_member(&state, &ctx, council)?;
    let (election, council_name) = election_of(&state, council, number)?;
    let boxed = if election.status == ElectionStatus::Setup {
        None
    } else {
        Some(ballot_box_async(&state, council, number).await?)
    };
    // The page is made off the async threads: reading the box waits while a cast holds it to flush.
    let (state, ctx) = (state.clone(), ctx.clone());
    crate::blocking(move || {
    let setup = load_setup(&state, council, number)?;
    let (presides, council_private) = state
        .node()
        .read(council, |c| (c.member(me).is_some_and(|m| matches!(m.role, Role::Chair | Role::Secretary)), c.private))
        ?;
    let names = state
        .node()
        .read(council, |c| setup.trustees.iter().map(|t| crate::meeting::name(c, MemberId(*t))).collect::<Vec<_>>())
        ?;
    let guard = match &boxed {
        Some(b) => Some(b.read().map_err(|_| WebError::Internal("poisoned".into()))?),
        None => None,
    };
    let url = base(council, number);
    let csrf = ctx.csrf();
    let is_trustee = setup.trustee_index(me).is_some();
    let has_credential = setup.credentials.contains_key(&me.0);
    let body = html! {
        p { a href={ "/c/" (council.to_hex()) "/elections" } { (council_name) } " · " strong { (t(&state, &ctx, &format!("el-status-{}", election.status.as_str()))) } }
        @if !setup.description.is_empty() { p { (setup.description) } }
        p.meta { (t(&state, &ctx, if setup.hall { "el-mode-hall" } else { "el-mode-members" })) }
        @if council_private { p.meta { (t(&state, &ctx, if election.published { "el-published" } else { "el-private" })) } }
        h2 { (t(&state, &ctx, "el-questions")) }
        ol {
            @for q in &setup.questions {
                li { (q.question) " " small { "(" (ta(&state, &ctx, "el-choose", &[("min", q.min.to_string()), ("max", q.max.to_string())])) ")" }
                    ul { @for a in &q.answers { li { (a) } } }
                }
            }
        }
        h2 { (t(&state, &ctx, "el-trustees")) }
        ul {
            @for (i, name) in names.iter().enumerate() {
                @let done = match setup.threshold {
                    None => setup.pubkeys.contains_key(&i),
                    Some(_) => setup.voutputs.contains_key(&i),
                };
                @let decrypted = guard.as_ref().is_some_and(|b| b.decrypted().contains(&(i + 1)));
                li {
                    (name) ": "
                    @if decrypted { (t(&state, &ctx, "el-trustee-decrypted")) }
                    @else if done { (t(&state, &ctx, "el-trustee-key-ready")) }
                    @else { (t(&state, &ctx, "el-trustee-waiting")) }
                }
            }
        }
        @if let Some(k) = setup.threshold { p.meta { (ta(&state, &ctx, "el-threshold-of", &[("k", k.to_string()), ("n", setup.trustees.len().to_string())])) } }
        @if is_trustee { p { a.button href={ (url) "/trustee" } { (t(&state, &ctx, "el-trustee-page")) } } }
        @if setup.authority == Some(me.0) && election.status == ElectionStatus::Setup {
            p { a.button href={ (url) "/authority" } { (t(&state, &ctx, "el-authority-page")) } }
        }
        @if setup.authority.is_some() {
            p.meta { (if setup.public_credentials.is_some() { t(&state, &ctx, "el-authority-done") } else { t(&state, &ctx, "el-authority-waiting") }) }
        }
        @if election.status == ElectionStatus::Open {
            @if has_credential {
                form method="post" action={ (url) "/credential" } {
                    input type="hidden" name="csrf" value=(csrf);
                    button type="submit" { (t(&state, &ctx, "el-get-credential")) }
                }
            }
            p { a.button href={ (url) "/vote" } { (t(&state, &ctx, "el-vote")) } }
        }
        @if let Some(b) = &guard {
            @let counts = b.counts();
            section #board aria-labelledby="board-heading" data-cast=(counts.cast) data-status=(election.status.as_str()) {
                h2 #board-heading { (t(&state, &ctx, "el-board")) }
                p aria-live="polite" { (ta(&state, &ctx, "el-ballots-counted", &[("counted", counts.counted.to_string()), ("cast", counts.cast.to_string()), ("voters", counts.credentials.to_string())])) }
                @let weights = weight_counts(b.public_credentials_json());
                @if weights.keys().any(|weight| *weight != 1) {
                    p { (t(&state, &ctx, "el-weights")) " "
                        @for (i, (weight, count)) in weights.iter().enumerate() {
                            @if i > 0 { ", " }
                            (ta(&state, &ctx, "el-weight-count", &[("count", count.to_string()), ("weight", weight.to_string())]))
                        }
                    }
                }
                @let inconsistent = b.inconsistent_decryptions();
                @if !inconsistent.is_empty() || (election.status == ElectionStatus::Closed && b.missing_decryptions().is_none() && b.result().is_none()) {
                    @let suspects = inconsistent.iter().filter_map(|i| names.get(i.wrapping_sub(1)).cloned()).collect::<Vec<_>>().join(", ");
                    @let suspects = if suspects.is_empty() { "none".to_owned() } else { suspects };
                    div role="alert" { p { (ta(&state, &ctx, "el-decryption-inconsistent", &[("trustees", suspects)])) } }
                }
                details {
                    summary { (t(&state, &ctx, "el-trackers")) }
                    ol.trackers { @for entry in b.board() { li { code { (entry.tracker) } } } }
                }
            }
            @if election.status == ElectionStatus::Open { script type="module" src="/static/election/board-page.js" {} }
            @if let Some(result) = b.result() {
                h2 { (t(&state, &ctx, "el-result")) }
                @for (q, counts) in setup.questions.iter().zip(result) {
                    table.tally {
                        caption { (q.question) }
                        tbody {
                            @let offset = usize::from(q.blank == Some(true));
                            @if offset == 1 { tr { th scope="row" { (t(&state, &ctx, "el-blank-vote")) } td.result-count { (counts.first().copied().unwrap_or(0)) } } }
                            @for (i, answer) in q.answers.iter().enumerate() {
                                tr { th scope="row" { (answer) } td.result-count { (counts.get(i + offset).copied().unwrap_or(0)) } }
                            }
                        }
                    }
                }
            }
            p { a href={ (url) "/archive.bel" } download { (t(&state, &ctx, "el-archive")) } " · " a href={ (url) "/verify" } { (t(&state, &ctx, "el-verify")) } }
        }
        @if presides {
            section.chair aria-labelledby="el-controls" {
                h2 id="el-controls" { (t(&state, &ctx, "el-controls")) }
                @match election.status {
                    ElectionStatus::Setup => {
                        @if setup.hall {
                            form method="post" action={ (url) "/slips.pdf" } {
                                input type="hidden" name="csrf" value=(csrf);
                                button type="submit" { (t(&state, &ctx, if setup.public_credentials.is_some() { "el-slips-again" } else { "el-slips" })) }
                                " " small { (t(&state, &ctx, "el-slips-help")) }
                            }
                        }
                        @if setup.waiting_for().is_none() {
                            form method="post" action={ (url) "/open" } { input type="hidden" name="csrf" value=(csrf); button type="submit" { (t(&state, &ctx, "el-open")) } }
                        } @else if setup.waiting_for() == Some("slips") {
                            p { (t(&state, &ctx, "el-waiting-for-slips")) }
                        } @else {
                            p { (t(&state, &ctx, "el-waiting-for-trustees")) }
                        }
                    }
                    ElectionStatus::Open => {
                        form method="post" action={ (url) "/close" } { input type="hidden" name="csrf" value=(csrf); button type="submit" { (t(&state, &ctx, "el-close")) } }
                    }
                    ElectionStatus::Closed | ElectionStatus::Tallied => {}
                }
                @if council_private && !election.published {
                    form method="post" action={ (url) "/publish" } {
                        input type="hidden" name="csrf" value=(csrf);
                        button.secondary type="submit" { (t(&state, &ctx, "el-publish")) }
                        " " small { (t(&state, &ctx, "el-publish-help")) }
                    }
                }
            }
        }
    };
    Ok(layout_with(&state, &ctx, election.title.as_str(), html! {}, body).into_response())
    })
    .await
}

// ---------------------------------------------------------------------------------------------------------------
// Trustees: their page, and the ceremony's and the decryption's exchanges (JSON)

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
    let messages = messages_json(
        &state,
        &ctx,
        &[
            ("error", "el-js-error"),
            ("download", "el-js-download"),
            ("needKey", "el-js-need-key"),
            ("decrypting", "el-js-decrypting"),
            ("decrypted", "el-js-decrypted"),
            ("done", "el-js-step-done"),
            ("waiting", "el-js-waiting"),
        ],
    );
    let head = html! {
        meta name="kenes-csrf" content=(ctx.csrf());
        script type="application/json" #trustee-messages { (maud::PreEscaped(messages)) }
        script type="module" src="/static/election/trustee-page.js" {}
    };
    let body = html! {
        p { a href=(url) { (t(&state, &ctx, "el-back")) } }
        div #trustee data-url=(url) data-trustee=(index + 1) data-threshold=(setup.threshold.unwrap_or(0)) {
            p #trustee-status role="status" aria-live="polite" { (t(&state, &ctx, "el-loading")) }
            noscript { p { (t(&state, &ctx, "el-needs-javascript")) } }
            div #trustee-key hidden {
                p { (t(&state, &ctx, "el-trustee-key-help")) }
                p { button #make-key type="button" { (t(&state, &ctx, "el-make-key")) } }
            }
            div #trustee-file hidden {
                p { label for="key-file" { (t(&state, &ctx, "el-key-file")) } " " input #key-file type="file"; }
                p { label for="dkey-file" { (t(&state, &ctx, "el-dkey-file")) } " " input #dkey-file type="file"; }
                p { button #use-key type="button" { (t(&state, &ctx, "el-continue")) } }
            }
            p #trustee-download hidden { a #download-link download { (t(&state, &ctx, "el-download-key")) } }
            p #trustee-error role="alert" hidden {}
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
    let mut body = json!({
        "group": GROUP, "trustee": index + 1, "trustees": setup.trustees.len(), "threshold": setup.threshold,
        "status": election.status.as_str(), "waiting_for": setup.waiting_for(),
        "done": match setup.threshold {
            None => json!({ "pubkey": setup.pubkeys.contains_key(&index) }),
            Some(_) => json!({ "cert": setup.certs.contains_key(&index), "polynomial": setup.polynomials.contains_key(&index),
                                "voutput": setup.voutputs.contains_key(&index) }),
        },
        "certs": Setup::in_order(&setup.certs),
        "vinput": setup.vinputs.get(&index),
    });
    if matches!(election.status, ElectionStatus::Closed | ElectionStatus::Tallied) {
        let boxed = ballot_box_async(&state, council, number).await?;
        let (election, trustees, tally, decrypted) = crate::blocking(move || {
            let b = boxed.read().map_err(poisoned)?;
            Ok((
                b.election_json().to_owned(),
                b.trustees_json().to_owned(),
                b.encrypted_tally_json().map(str::to_owned),
                b.decrypted().contains(&(index + 1)),
            ))
        })
        .await?;
        body["election"] = json!(election);
        body["trustees_json"] = json!(trustees);
        body["encrypted_tally"] = json!(tally);
        body["decrypted"] = json!(decrypted);
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
    let (election, _) = election_of(&state, council, number)?;
    let _guard = state.setup_lock().lock().await;
    let mut setup = load_setup(&state, council, number)?;
    let index = setup.trustee_index(me).ok_or(WebError::Forbidden)?;
    let group = FfGroup::named(GROUP).map_err(|e| WebError::Internal(e.to_string()))?;
    let in_setup = election.status == ElectionStatus::Setup;
    let refuse = |key: &str| Err(JsonError(WebError::BadInput(key.to_owned())));
    match (step.as_str(), setup.threshold) {
        ("pubkey", None) if in_setup => {
            if setup.pubkeys.contains_key(&index) {
                return refuse("el-error-already-done");
            }
            let key: TrusteePublicKeyJson = serde_json::from_str(&text).map_err(|_| field("pubkey"))?;
            kenes_crypto::trustees::Trustees::parse(&group, &kenes_crypto::setup::single_trustees_json(&[key]))
                .map_err(|e| crypto_error("el-error-key", &e))?;
            setup.pubkeys.insert(index, text);
        }
        ("cert", Some(_)) if in_setup => {
            if setup.certs.contains_key(&index) {
                return refuse("el-error-already-done");
            }
            let cert: SignedMessageJson = serde_json::from_str(&text).map_err(|_| field("cert"))?;
            let keys: Value = serde_json::from_str(&cert.message).map_err(|_| field("cert"))?;
            let vk = kenes_crypto::group::Group::decode(&group, keys["verification"].as_str().unwrap_or(""))
                .map_err(|e| crypto_error("el-error-key", &e))?;
            if !kenes_crypto::pedersen::verify_signed(&group, &vk, &cert) {
                return refuse("el-error-signature");
            }
            setup.certs.insert(index, text);
        }
        ("polynomial", Some(_)) if in_setup => {
            if setup.certs.len() < setup.trustees.len() || setup.polynomials.contains_key(&index) {
                return refuse("el-error-out-of-turn");
            }
            let _: kenes_crypto::pedersen::PolynomialJson =
                serde_json::from_str(&text).map_err(|_| field("polynomial"))?;
            setup.polynomials.insert(index, text);
            if setup.polynomials.len() == setup.trustees.len() {
                // Step 4, the administrator's: each trustee's shares from everyone's polynomials, checked.
                let certs = setup.parsed_certs()?;
                let polynomials: Vec<_> = Setup::in_order(&setup.polynomials)
                    .into_iter()
                    .map(|p| serde_json::from_str(p).map_err(|_| field("polynomial")))
                    .collect::<Result<_, _>>()?;
                let vinputs = kenes_crypto::pedersen::vinputs(&group, &certs, &polynomials)
                    .map_err(|e| crypto_error("el-error-key", &e))?;
                for (i, vinput) in vinputs.iter().enumerate() {
                    let text = serde_json::to_string(vinput).map_err(|e| WebError::Internal(e.to_string()))?;
                    setup.vinputs.insert(i, text);
                }
            }
        }
        ("voutput", Some(_)) if in_setup => {
            if setup.vinputs.len() < setup.trustees.len() || setup.voutputs.contains_key(&index) {
                return refuse("el-error-out-of-turn");
            }
            let voutput: kenes_crypto::pedersen::VoutputJson =
                serde_json::from_str(&text).map_err(|_| field("voutput"))?;
            // Checked on arrival against everyone's commitments, so a wrong one is refused from its sender.
            let certs = setup.parsed_certs()?;
            let polynomials: Vec<_> = Setup::in_order(&setup.polynomials)
                .into_iter()
                .map(|p| serde_json::from_str(p).map_err(|_| field("polynomial")))
                .collect::<Result<_, _>>()?;
            kenes_crypto::pedersen::check_voutput(&group, &certs, &polynomials, index + 1, &voutput)
                .map_err(|e| crypto_error("el-error-key", &e))?;
            setup.voutputs.insert(index, text);
            if setup.voutputs.len() == setup.trustees.len() {
                // Step 6 checks every voutput against the polynomials; a bad one is refused here, not later.
                if let Err(error) = setup.trustees_json(&group) {
                    setup.voutputs.remove(&index);
                    return Err(JsonError::from(error));
                }
            }
        }
        ("decryption", _) if matches!(election.status, ElectionStatus::Closed) => {
            // Verifying a decryption is heavy: it runs under the election's own lock, not the set-ups' one.
            drop(setup);
            drop(_guard);
            let worker = state.clone();
            let command =
                tokio::task::spawn_blocking(move || add_decryption(&worker, council, number, me, index + 1, &text))
                    .await
                    .map_err(|e| WebError::Internal(e.to_string()))??;
            if let Some(command) = command {
                state.execute_blocking(council, command).await?;
            }
            return Ok((StatusCode::CREATED, axum::Json(json!({ "ok": true }))).into_response());
        }
        _ => return refuse("el-error-out-of-turn"),
    }
    save_setup(&state, council, number, &setup)?;
    Ok((StatusCode::CREATED, axum::Json(json!({ "ok": true }))).into_response())
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
    let boxed = ballot_box(state, council, number)?;
    let mut b = boxed.write().map_err(poisoned)?;
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
}

// ---------------------------------------------------------------------------------------------------------------
// Opening and closing (the secretary)

#[derive(Debug, Default, Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub async fn open_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    ctx.check_csrf(Some(&form.csrf))?;
    let me = presiding(&state, &ctx, council)?;
    let worker = state.clone();
    let command = tokio::task::spawn_blocking(move || open_election(&worker, council, number, me))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))??;
    state.execute_blocking(council, command).await?;
    Ok(Redirect::to(&base(council, number)).into_response())
}

/// What the archive of a hall-mode election says of it, for anyone who checks the archive alone.
const HALL_NOTE: &str = "Hall mode: the credentials were printed on slips before voting opened; whoever holds a slip \
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
    let mut setup = load_setup(state, council, number)?;
    let backend = state.node().store().backend();
    if !backend.election_archive(council, number)?.is_empty() {
        let boxed = ballot_box(state, council, number)?;
        let b = boxed.read().map_err(poisoned)?;
        return Ok(opened(me, number, &setup, &b));
    }
    if setup.waiting_for().is_some() {
        let key = if setup.waiting_for() == Some("slips") { "el-waiting-for-slips" } else { "el-waiting-for-trustees" };
        return Err(WebError::BadInput(key.to_owned()));
    }
    let group = FfGroup::named(GROUP).map_err(|e| WebError::Internal(e.to_string()))?;
    let trustees_json = setup.trustees_json(&group)?;
    let description = if setup.hall {
        format!("{}\n\n{HALL_NOTE}", setup.description).trim().to_owned()
    } else {
        setup.description.clone()
    };
    let template = Template {
        description,
        name: election.title.to_string(),
        questions: setup.questions.clone(),
        administrator: None,
        credential_authority: None,
    };
    let election_json = make_election(&template, &election.uuid, &group, &trustees_json)
        .map_err(|e| crypto_error("el-error-key", &e))?;
    // The server is the credential authority unless a member holds the role or the slips were printed: then it has
    // the public half only.
    let public_credentials = match &setup.public_credentials {
        Some(public) => {
            setup.voters = if setup.hall { Vec::new() } else { setup.credential_voters.clone() };
            public.clone()
        }
        None => {
            let voters = eligible_voters(state, council, &election)?;
            if voters.is_empty() {
                return Err(WebError::BadInput("el-error-no-voters".to_owned()));
            }
            let identities: Vec<Voter> = voters.iter().map(|v| Voter { identity: v.to_string(), weight: 1 }).collect();
            let credentials = generate_credentials(&group, &election.uuid, &identities, &mut OsRng);
            for (voter, credential) in &credentials.private {
                if let Ok(member) = voter.identity.parse::<u32>() {
                    setup.credentials.insert(member, credential.expose().to_owned());
                }
            }
            setup.voters = voters;
            credentials.public_json
        }
    };
    let ballot_box =
        BallotBox::create(crate::auth::now_ms() as u64 / 1000, &election_json, &trustees_json, &public_credentials)
            .map_err(|e| crypto_error("el-error-key", &e))?;
    save_setup(state, council, number, &setup)?;
    backend.append_election_archive(council, number, &ballot_box.to_bytes())?;
    let command = opened(me, number, &setup, &ballot_box);
    install(state, council, number, ballot_box)?;
    Ok(command)
}

/// The record's command that voting opened, from the archive's start.
fn opened(me: MemberId, number: u32, setup: &Setup, ballot_box: &BallotBox) -> CouncilEvent {
    CouncilEvent::Election(ElectionEvent::Opened(Opened {
        by: me,
        election: number,
        election_hash: sha256_hex(ballot_box.election_json().as_bytes()),
        voters: ballot_box.counts().credentials as u32,
        trustees: setup.trustees.len() as u8,
        threshold: setup.threshold.unwrap_or(setup.trustees.len()) as u8,
    }))
}

/// The members who may vote now (see `eligible_members`).
fn eligible_voters(state: &AppState, council: EventHash, election: &Election) -> Result<Vec<u32>, WebError> {
    Ok(eligible_members(state, council, election)?.into_iter().map(|(member, _)| member).collect())
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
    let me = presiding(&state, &ctx, council)?;
    let worker = state.clone();
    let command = tokio::task::spawn_blocking(move || close_election(&worker, council, number, me))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))??;
    state.execute_blocking(council, command).await?;
    Ok(Redirect::to(&base(council, number)).into_response())
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
    let boxed = ballot_box(state, council, number)?;
    let (counted, archive_hash) = {
        let mut b = boxed.write().map_err(poisoned)?;
        // Closed already when a crash came between storing the tally and writing the record: finish the step.
        if b.status() == kenes_crypto::ballot_box::Status::Open {
            let pending = b.prepare_close().map_err(|e| crypto_error("el-error-out-of-turn", &e))?;
            store_then_commit(state, council, number, &mut b, pending)?;
        }
        (b.counts().counted as u64, sha256_hex(&b.to_bytes()))
    };
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

// ---------------------------------------------------------------------------------------------------------------
// Voters: the credential, the booth, the ballot

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
    let link = format!("{}/vote#credential={credential}", base(council, number));
    let body = html! {
        p { (t(&state, &ctx, "el-credential-once")) }
        p { code #credential { (credential) } }
        p { a.button href=(link) { (t(&state, &ctx, "el-vote-now")) } }
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
    let messages = messages_json(
        &state,
        &ctx,
        &[
            ("error", "el-js-error"),
            ("encrypting", "el-js-encrypting"),
            ("sealed", "el-js-sealed"),
            ("audited", "el-js-audited"),
            ("auditFailed", "el-js-audit-failed"),
            ("casting", "el-js-casting"),
            ("cast", "el-js-cast"),
            ("replaced", "el-js-replaced"),
        ],
    );
    let head = html! {
        meta name="kenes-csrf" content=(ctx.csrf());
        script type="application/json" #booth-messages { (maud::PreEscaped(messages)) }
        script type="module" src="/static/election/booth-page.js" {}
    };
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
                p { button #encrypt type="button" disabled { (t(&state, &ctx, "el-encrypt")) } }
            }
            div #sealed hidden {
                p { (t(&state, &ctx, "el-sealed")) }
                p { (t(&state, &ctx, "el-tracker")) " " code #tracker {} }
                p { button #cast type="button" { (t(&state, &ctx, "el-cast")) } " " button #audit.secondary type="button" { (t(&state, &ctx, "el-audit")) } }
            }
            p #booth-status role="status" aria-live="polite" {}
            p { (t(&state, &ctx, "el-your-tracker")) " " code #cast-tracker {} }
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
        let b = boxed.read().map_err(poisoned)?;
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
    let checked = {
        let boxes = state.elections();
        let waiting = boxes.waiting.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let _waiting = scopeguard(|| {
            boxes.waiting.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        });
        if waiting >= MAX_WAITING {
            return Err(JsonError::from(WebError::Busy));
        }
        let permit = boxes.checks.clone().acquire_owned().await.map_err(|_| WebError::Busy)?;
        // The proofs are checked under a read lock, so ballots are verified in parallel; the write lock is held
        // only to store and count one.
        let checking = boxed.clone();
        crate::blocking(move || {
            let _permit = permit;
            let b = checking.read().map_err(poisoned)?;
            b.check_ballot(&text).map_err(|e| crypto_error("el-error-ballot", &e))
        })
        .await?
    };
    let writing = boxed.clone();
    let worker = state.clone();
    let cast = crate::blocking(move || {
        let mut b = writing.write().map_err(poisoned)?;
        let pending = b.prepare_cast(checked).map_err(|e| crypto_error("el-error-ballot", &e))?;
        // The binding and the ballot are stored in one transaction: one flush to disk per ballot.
        let backend = worker.node().store().backend();
        let credential = pending.output().credential.clone();
        let binding =
            backend.append_ballot(council, number, &pending.to_bytes(), voter.map(|me| (credential.as_str(), me.0)))?;
        match binding {
            kenes_store::CredentialBinding::Bound => {}
            kenes_store::CredentialBinding::CredentialTaken => {
                return Err(WebError::BadInput("el-error-credential-taken".to_owned()));
            }
            kenes_store::CredentialBinding::MemberHasAnother => {
                return Err(WebError::BadInput("el-error-other-credential".to_owned()));
            }
        }
        b.commit(pending).map_err(|e| WebError::Internal(e.to_string()))
    })
    .await?;
    Ok((StatusCode::CREATED, axum::Json(json!({ "tracker": cast.tracker, "replaced": cast.replaced.is_some() })))
        .into_response())
}

/// How many public credentials carry each weight (an unreadable list counts nothing: it was verified on loading).
fn weight_counts(public_credentials: &str) -> BTreeMap<u64, usize> {
    let mut counts = BTreeMap::new();
    for weight in kenes_crypto::election::public_credential_weights(public_credentials).unwrap_or_default() {
        *counts.entry(weight).or_insert(0) += 1;
    }
    counts
}

/// Runs `f` when dropped (a count taken back on every way out of a block).
fn scopeguard(f: impl FnOnce()) -> impl Drop {
    struct Guard<F: FnOnce()>(Option<F>);
    impl<F: FnOnce()> Drop for Guard<F> {
        fn drop(&mut self) {
            if let Some(f) = self.0.take() {
                f();
            }
        }
    }
    Guard(Some(f))
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
    // Read off the async threads: the box waits while a cast holds it to flush.
    crate::blocking(move || {
        let b = boxed.read().map_err(poisoned)?;
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
async fn archive_check(state: &AppState, council: EventHash, number: u32) -> Result<Arc<ArchiveCheck>, WebError> {
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
/// trustee, credentials handed to the voters, their ballots (one 0/1 vector per question) made and cast, closed,
/// decrypted by every trustee; the record gets every step. The trustees' keys exist only during the call. Blocking.
pub fn demo_election(
    state: &AppState,
    council: EventHash,
    secretary: MemberId,
    title: &str,
    questions: Vec<QuestionJson>,
    trustees: &[MemberId],
    votes: &[(MemberId, Vec<Vec<u32>>)],
) -> Result<u32, WebError> {
    use kenes_crypto::credential::SecretCredential;
    use kenes_crypto::trustees::TrusteeSecretKey;
    let title = kenes_council::assembly::model::Title::parse(title)?;
    let uuid = kenes_crypto::credential::generate_token(14, &mut OsRng);
    let number = state.node().read(council, |c| c.elections().len() as u32 + 1)?;
    let group = FfGroup::named(GROUP).map_err(|e| WebError::Internal(e.to_string()))?;
    let mut keys = Vec::new();
    let mut setup = Setup { questions, trustees: trustees.iter().map(|t| t.0).collect(), ..Setup::default() };
    for index in 0..trustees.len() {
        let (key, public) = TrusteeSecretKey::generate(&group, &mut OsRng);
        setup.pubkeys.insert(index, serde_json::to_string(&public).map_err(|e| WebError::Internal(e.to_string()))?);
        keys.push(key);
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
        let mut b = boxed.write().map_err(|_| WebError::Internal("poisoned".into()))?;
        let ballot =
            b.create_ballot(&credential, plaintext, &mut OsRng).map_err(|e| crypto_error("el-error-ballot", &e))?;
        let pending = b.prepare_cast(ballot).map_err(|e| crypto_error("el-error-ballot", &e))?;
        store_then_commit(state, council, number, &mut b, pending)?;
    }
    save_setup(state, council, number, &setup)?;
    state.execute(council, &close_election(state, council, number, secretary)?)?;
    for (index, key) in keys.iter().enumerate() {
        let partial = {
            let b = boxed.read().map_err(|_| WebError::Internal("poisoned".into()))?;
            let tally = b.encrypted_tally().ok_or_else(|| WebError::Internal("no encrypted tally".into()))?;
            kenes_crypto::tally::partial_decrypt(b.election(), tally, key, &mut OsRng)
        };
        let text = serde_json::to_string(&partial).map_err(|e| WebError::Internal(e.to_string()))?;
        if let Some(command) = add_decryption(state, council, number, trustees[index], index + 1, &text)? {
            state.execute(council, &command)?;
        }
    }
    Ok(number)
}

// ---------------------------------------------------------------------------------------------------------------
// The credential authority, when a member holds the role

fn authority_of(
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
fn eligible_members(state: &AppState, council: EventHash, election: &Election) -> Result<Vec<(u32, String)>, WebError> {
    state
        .node()
        .read(council, |c| {
            let may_vote = |id: MemberId| c.member(id).is_some_and(|m| m.active && m.role != Role::Observer);
            let ids: Vec<MemberId> = match election.assembly.and_then(|n| c.assembly(n)) {
                Some(a) => a.present.iter().copied().filter(|id| may_vote(*id)).collect(),
                None => c.active_members().map(|m| m.id).filter(|id| may_vote(*id)).collect(),
            };
            ids.into_iter().map(|id| (id.0, crate::meeting::name(c, id))).collect()
        })
        .map_err(WebError::from_node)
}

pub async fn authority_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    let (election, setup, _) = authority_of(&state, &ctx, council, number)?;
    let url = base(council, number);
    let messages = messages_json(&state, &ctx, &[("error", "el-js-error"), ("done", "el-authority-done")]);
    let head = html! {
        meta name="kenes-csrf" content=(ctx.csrf());
        script type="application/json" #authority-messages { (maud::PreEscaped(messages)) }
        script type="module" src="/static/election/authority-page.js" {}
    };
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
        .map(|(member, name)| json!({ "member": member, "name": name }))
        .collect();
    Ok(axum::Json(json!({ "group": GROUP, "uuid": election.uuid, "voters": voters,
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
    let group = FfGroup::named(GROUP).map_err(|e| WebError::Internal(e.to_string()))?;
    let parsed = kenes_crypto::election::parse_public_credentials(&group, &text)
        .map_err(|e| crypto_error("el-error-key", &e))?;
    // Weights are the roll's, never the authority's: every member of the roll carries one vote.
    if let Some(weighted) = parsed.iter().find(|credential| credential.weight != 1) {
        return Err(JsonError::from(WebError::BadInputWith(
            "el-error-credential-weight".to_owned(),
            vec![("weight", weighted.weight.to_string())],
        )));
    }
    let voters = eligible_members(&state, council, &election)?;
    if parsed.len() != voters.len() {
        return Err(JsonError::from(WebError::BadInputWith(
            "el-error-credential-count".to_owned(),
            vec![("count", parsed.len().to_string()), ("voters", voters.len().to_string())],
        )));
    }
    setup.credential_voters = voters.into_iter().map(|(member, _)| member).collect();
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
        voters = eligible_voters(&state, council, &election)?;
        voters
            .iter()
            .enumerate()
            .map(|(i, member)| {
                let label = ta(&state, &ctx, "el-slip-label", &[("number", (i + 1).to_string())]);
                (Voter { identity: member.to_string(), weight: 1 }, label)
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
    let group = FfGroup::named(GROUP).map_err(|e| WebError::Internal(e.to_string()))?;
    let uuid = election.uuid.clone();
    let made = crate::blocking(move || Ok(generate_credentials(&group, &uuid, &identities, &mut OsRng))).await?;
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
