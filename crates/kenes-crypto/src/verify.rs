//! Verification of a whole Belenios archive (spec §3.5), in a finite-field group (Belenios 2.0) or Ed25519
//! (Belenios 3): during voting and after the tally.
//!
//! Every ballot is verified exactly once (in parallel), and the tally steps reuse the verified ciphertexts.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Deserialize;

use crate::archive::{Archive, EventType};
use crate::ballot::{BallotContext, ParsedBallot, VerifiedBallot};
use crate::ed25519::Ed25519Group;
pub use crate::election::ElectionGroup;
use crate::election::{Election, PublicCredential, parse_public_credentials, public_credential_weights};
use crate::error::{Error, parse_json};
use crate::group::{FfGroup, Group};
use crate::mixnet::{Shuffle, verify_shuffle};
use crate::tally::{
    EncryptedTally, OwnedJson, SizedTally, check_result, encrypted_tally, last_ballots_keyed, parse_encrypted_tally,
    parse_partial_decryption, parse_result_in, verify_partial_decryption,
};
use crate::trustees::Trustees;

/// `setup_data` (spec §4.10): the hashes of the election, trustees and public credentials entries.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SetupDataJson {
    pub(crate) election: String,
    pub(crate) trustees: String,
    pub(crate) credentials: String,
}

/// The setup data of an archive's first event.
pub(crate) fn setup_data(archive: &Archive) -> Result<SetupDataJson, Error> {
    let (setup_hash, setup_event) = archive.events().next().ok_or_else(|| Error::Archive("no Setup event".into()))?;
    if setup_event.kind != EventType::Setup {
        return Err(Error::Archive(format!("event {setup_hash}: the first event must be Setup")));
    }
    let payload = setup_event.payload.as_deref().ok_or_else(|| Error::Archive("Setup event without payload".into()))?;
    let body = archive.get(payload).ok_or_else(|| Error::Archive("setup data missing".into()))?;
    parse_json("setup data", body)
}

/// What a verified archive contains.
#[derive(Clone, Debug)]
pub struct Summary {
    pub uuid: String,
    pub name: String,
    pub group: String,
    pub questions: usize,
    pub credentials: usize,
    /// Ballot events (revotes included).
    pub ballots: usize,
    /// Ballots counted after keeping each credential's last one.
    pub tallied: Option<u64>,
    pub total_weight: Option<u64>,
    pub partial_decryptions: usize,
    /// The counts per question and choice; a Lists question's are flat, list after list, each list's name first
    /// (see [`crate::election::Question::lists`]).
    pub result: Option<Vec<Vec<u64>>>,
    pub last_event: Option<String>,
    /// The trustees (numbered from 1) who shuffled the ranked ballots, in order; those not listed were skipped.
    pub shuffles: Vec<usize>,
    /// The ranked (non-homomorphic) questions, with their decrypted ballots once the result is in.
    pub ranked: Vec<RankedQuestion>,
    /// The result as the archive writes it (nested per list and per ranked ballot), and the SHA-256 (hex) of
    /// those bytes: the seed of any lot a count of the ranked ballots draws.
    pub result_json: Option<(String, String)>,
    /// Tracking numbers of the counted ballots with their weights (the pretty ballots of spec §2).
    pub trackers: Vec<(String, u64)>,
}

/// A ranked (non-homomorphic) question of a verified archive: what a recount needs.
#[derive(Clone, Debug)]
pub struct RankedQuestion {
    /// Its index among the election's questions (0-based).
    pub index: usize,
    pub question: String,
    pub answers: Vec<String>,
    /// Its `extra` field: the counting method, when one is named.
    pub extra: Option<serde_json::Value>,
    /// Once decrypted: one row per ballot (in the mixed order), one integer per answer.
    pub ballots: Option<Vec<Vec<u64>>>,
}

/// Progress callbacks while verifying (the command line draws progress bars from them).
pub trait Progress: Sync {
    /// `total` ballots are about to be verified.
    fn ballots_start(&self, _total: usize) {}
    /// One more ballot was verified.
    fn ballot_done(&self) {}
}

/// No progress reporting.
pub struct Quiet;
impl Progress for Quiet {}

/// Everything read from the setup event.
pub struct Setup<G: Group = FfGroup> {
    pub election: Election<G>,
    pub trustees: Trustees<G::Element>,
    pub credentials: Vec<PublicCredential<G::Element>>,
}

/// The group named in an archive's election (`"BELENIOS-2048"`, `"Ed25519"`, …).
pub fn archive_group(archive: &Archive) -> Result<String, Error> {
    let setup = setup_data(archive)?;
    let raw =
        archive.get(&setup.election).ok_or_else(|| Error::Archive("the election is not in the archive".into()))?;
    crate::election::group_name(raw)
}

/// Reads and checks the setup of a finite-field election (see [`read_setup_in`]).
pub fn read_setup(archive: &Archive) -> Result<Setup, Error> {
    read_setup_in::<FfGroup>(archive)
}

/// Reads and checks the setup: election, trustees (proofs, election key = product), credentials.
///
/// The credentials' total weight is checked first ([`crate::election::public_credential_weights`]), before any
/// proof or group operation, so an archive whose weights could not be counted is refused at once.
pub fn read_setup_in<G: ElectionGroup>(archive: &Archive) -> Result<Setup<G>, Error> {
    let setup = setup_data(archive)?;
    let get = |hash: &str, what: &str| {
        archive.get(hash).ok_or_else(|| Error::Archive(format!("{what} {hash} is not in the archive")))
    };
    public_credential_weights(get(&setup.credentials, "public credentials")?)?;
    let election = G::parse_election(get(&setup.election, "election")?)?;
    let group = &election.group;
    let trustees = Trustees::parse(group, get(&setup.trustees, "trustees")?)?;
    if trustees.combined_key(group) != election.public_key {
        return Err(Error::invalid("election public_key is not the product of the trustees' keys"));
    }
    let credentials = parse_public_credentials(group, get(&setup.credentials, "public credentials")?)?;
    Ok(Setup { election, trustees, credentials })
}

/// Verifies an archive in whichever group its election names (finite-field or Ed25519), returning what it contains
/// or the first failure, naming the object and field.
pub fn verify_archive(archive: &Archive, progress: &dyn Progress) -> Result<Summary, Error> {
    if archive_group(archive)? == crate::ed25519::NAME {
        return verify_archive_in::<Ed25519Group>(archive, progress).map(|v| v.summary);
    }
    verify_archive_full(archive, progress).map(|v| v.summary)
}

/// The state of a verified archive, for the next step of the election (tally, decryption, result).
pub struct Verified<G: Group = FfGroup> {
    pub summary: Summary,
    pub setup: Setup<G>,
    /// The counted ballots (last per credential) and their weights.
    pub counted: Vec<(VerifiedBallot<G::Element>, u64)>,
    /// The tracking numbers of every ballot cast, revotes included, in order.
    pub cast_trackers: Vec<String>,
    /// Whether the EndBallots event is there.
    pub ballots_closed: bool,
    /// Whether the EndShuffles event is there.
    pub shuffles_ended: bool,
    /// The encrypted tally as the trustees decrypt it: the ranked questions' rows are the last shuffle's output
    /// (see [`Summary::shuffles`]).
    pub tally: Option<EncryptedTally<G::Element>>,
    /// The EncryptedTally event's payload, when there is one.
    pub sized_tally: Option<SizedTally>,
    /// Checked decryption factors per owner (index owner − 1).
    pub factors: Vec<Option<Vec<G::Element>>>,
    pub has_result: bool,
}

/// Verifies a finite-field archive and keeps what the next steps need (see [`verify_archive_in`]).
pub fn verify_archive_full(archive: &Archive, progress: &dyn Progress) -> Result<Verified, Error> {
    verify_archive_in::<FfGroup>(archive, progress)
}

/// Verifies an archive whose election is in group `G` and keeps what the next steps need.
pub fn verify_archive_in<G: ElectionGroup>(archive: &Archive, progress: &dyn Progress) -> Result<Verified<G>, Error> {
    let setup = read_setup_in::<G>(archive)?;
    let election = &setup.election;
    let group = &election.group;
    let credentials: Vec<&G::Element> = setup.credentials.iter().map(|c| &c.credential).collect();
    let weights: HashMap<G::Key, u64> =
        group.keys(&credentials).into_iter().zip(setup.credentials.iter().map(|c| c.weight)).collect();

    // Order of events (spec §4.4): Setup, Ballot*, EndBallots, EncryptedTally, PartialDecryption*, Result.
    let mut ballot_bodies: Vec<(&str, &str)> = Vec::new();
    let mut phase = 0u8;
    let mut sized: Option<(SizedTally, &str)> = None;
    let mut partials: Vec<(usize, &str, &str)> = Vec::new();
    let mut result_body: Option<&str> = None;
    let mut shuffles: Vec<(usize, &str, &str)> = Vec::new();
    let mut shuffles_ended = false;
    let has_ranked = election.questions.iter().any(|q| q.non_homomorphic);
    for (hash, event) in archive.events().skip(1) {
        let payload = || {
            event
                .payload
                .as_deref()
                .and_then(|p| archive.get(p))
                .ok_or_else(|| Error::Archive(format!("event {hash}: missing payload")))
        };
        let order_error = || Error::Archive(format!("event {hash}: {:?} is out of order", event.kind));
        match event.kind {
            EventType::Setup => return Err(order_error()),
            EventType::Ballot if phase == 0 => ballot_bodies.push((hash, payload()?)),
            EventType::EndBallots if phase == 0 => phase = 1,
            EventType::EncryptedTally if phase == 1 => {
                let body = payload()?;
                let parsed = SizedTally::parse(body)?;
                let tally_body = archive
                    .get(&parsed.encrypted_tally)
                    .ok_or_else(|| Error::Archive("encrypted tally data missing".into()))?;
                sized = Some((parsed, tally_body));
                phase = 2;
            }
            EventType::Shuffle if phase == 2 && partials.is_empty() && !shuffles_ended => {
                let owned: OwnedJson = parse_json("owned shuffle", payload()?)?;
                let body = archive
                    .get(&owned.payload)
                    .ok_or_else(|| Error::Archive(format!("event {hash}: shuffle data missing")))?;
                shuffles.push((owned.owner, body, hash));
            }
            EventType::EndShuffles if phase == 2 && partials.is_empty() && !shuffles_ended => shuffles_ended = true,
            EventType::PartialDecryption if phase == 2 => {
                if has_ranked && !shuffles_ended {
                    return Err(Error::invalid(format!(
                        "event {hash}: a partial decryption before EndShuffles, in an election with ranked \
                         (non-homomorphic) questions"
                    )));
                }
                let owned: OwnedJson = parse_json("owned partial decryption", payload()?)?;
                let body = archive
                    .get(&owned.payload)
                    .ok_or_else(|| Error::Archive(format!("event {hash}: partial decryption data missing")))?;
                partials.push((owned.owner, body, hash));
            }
            EventType::Result if phase == 2 && (shuffles_ended || !has_ranked) => {
                result_body = Some(payload()?);
                phase = 3;
            }
            _ => return Err(order_error()),
        }
    }

    // Ballots: the form and the credential of each first, in order (cheap: a hostile archive full of ballots with
    // unknown credentials is refused before any proof); then the proofs of each, once, in parallel.
    let ballot_context = |index: usize| format!("ballot {} (event {})", index + 1, ballot_bodies[index].0);
    let mut parsed = Vec::with_capacity(ballot_bodies.len());
    for (index, (_, body)) in ballot_bodies.iter().enumerate() {
        parsed.push(ParsedBallot::parse(election, body).map_err(|e| e.context(&ballot_context(index)))?);
    }
    let ballot_keys = group.keys(&parsed.iter().map(ParsedBallot::credential).collect::<Vec<_>>());
    if let Some(index) = ballot_keys.iter().position(|key| !weights.contains_key(key)) {
        return Err(Error::invalid(format!("{}: credential is not in the public credentials", ballot_context(index))));
    }
    // The elements every ballot brings are checked for membership all at once, after the proofs (below).
    let context = BallotContext::for_ballots(election, parsed.len()).membership_checked_after();
    progress.ballots_start(parsed.len());
    let verified: Vec<Result<VerifiedBallot<G::Element>, Error>> = parsed
        .into_par_iter()
        .map(|ballot| {
            let r = context.verify_parsed(ballot);
            progress.ballot_done();
            r
        })
        .collect();
    let mut ballots = Vec::with_capacity(verified.len());
    for (index, result) in verified.into_iter().enumerate() {
        ballots.push(result.map_err(|e| e.context(&ballot_context(index)))?);
    }
    let elements: Vec<&G::Element> = ballots.iter().flat_map(VerifiedBallot::elements).collect();
    if !group.vartime_all_members(&elements) {
        let named = ballots.iter().enumerate().find_map(|(index, b)| Some((index, b.first_non_member(group)?)));
        let (index, what) = named.unwrap_or((0, "an element is not in the group".into()));
        return Err(Error::invalid(format!("{}: {what}", ballot_context(index))));
    }
    let counted: Vec<(&VerifiedBallot<G::Element>, u64)> = last_ballots_keyed(&ballots, &ballot_keys)
        .into_iter()
        .map(|(b, key)| (b, weights.get(key).copied().unwrap_or(1)))
        .collect();
    let trackers = counted.iter().map(|(b, w)| (b.tracker.clone(), *w)).collect();
    let mut summary = Summary {
        uuid: election.uuid().to_owned(),
        name: election.json.name.clone(),
        group: election.json.group.clone(),
        questions: election.questions.len(),
        credentials: setup.credentials.len(),
        ballots: ballots.len(),
        tallied: None,
        total_weight: None,
        partial_decryptions: partials.len(),
        result: None,
        last_event: archive.last_event_hash().map(str::to_owned),
        shuffles: Vec::new(),
        ranked: ranked_questions(election)
            .into_iter()
            .map(|i| {
                let q = &election.questions[i];
                RankedQuestion {
                    index: i,
                    question: q.text.clone(),
                    answers: q.answers.clone(),
                    extra: q.extra.clone(),
                    ballots: None,
                }
            })
            .collect(),
        result_json: None,
        trackers,
    };
    let counted_owned: Vec<(VerifiedBallot<G::Element>, u64)> =
        counted.iter().map(|(b, w)| ((*b).clone(), *w)).collect();
    let cast_trackers: Vec<String> = ballots.iter().map(|b| b.tracker.clone()).collect();
    let Some((sized, tally_body)) = sized else {
        return Ok(Verified {
            summary,
            counted: counted_owned,
            cast_trackers,
            ballots_closed: phase >= 1,
            shuffles_ended: false,
            tally: None,
            sized_tally: None,
            factors: vec![None; setup.trustees.owner_count()],
            has_result: false,
            setup,
        });
    };

    // Encrypted tally: recomputed from the verified ballots and compared.
    let tally: EncryptedTally<G::Element> = parse_encrypted_tally(election, tally_body)?;
    let total_weight = counted
        .iter()
        .try_fold(0u64, |total, (_, w)| total.checked_add(*w))
        .ok_or_else(|| Error::invalid("the weights of the counted ballots add up to more than 2^64 − 1"))?;
    if sized.num_tallied != counted.len() as u64 {
        return Err(Error::invalid(format!(
            "encrypted tally num_tallied is {}, but {} ballots count",
            sized.num_tallied,
            counted.len()
        )));
    }
    if sized.total_weight != total_weight {
        return Err(Error::invalid(format!(
            "encrypted tally total_weight is {}, but the counted ballots weigh {total_weight}",
            sized.total_weight
        )));
    }
    let recomputed = encrypted_tally(election, &counted)?;
    for (i, (row, expected)) in tally.iter().zip(&recomputed).enumerate() {
        if election.questions[i].non_homomorphic && row != expected {
            // The row must be the counted ballots' ciphertexts in belenios-tool's order: the order that hides the
            // ballots' and the one the tool checks the first shuffle against.
            return Err(Error::invalid(format!(
                "encrypted tally question {}: the ciphertexts are not those of the {} counted ballots, sorted",
                i + 1,
                counted.len()
            )));
        }
        for (j, (c, e)) in row.iter().zip(expected).enumerate() {
            if c != e {
                return Err(Error::invalid(format!(
                    "encrypted tally question {} choice {} is not the product of the ballots",
                    i + 1,
                    j + 1
                )));
            }
        }
    }
    summary.tallied = Some(sized.num_tallied);
    summary.total_weight = Some(total_weight);

    // Shuffles: each proof checked against the ciphertexts the previous one gave (the tally's ranked rows first);
    // what the trustees decrypt is the last shuffle's output.
    let tally = apply_shuffles(&setup, tally, &shuffles, shuffles_ended)?;
    summary.shuffles = shuffles.iter().map(|(owner, _, _)| *owner).collect();

    // Partial decryptions: each checked against its owner's key.
    let mut factors: Vec<Option<Vec<G::Element>>> = vec![None; setup.trustees.owner_count()];
    for (owner, body, hash) in &partials {
        let key = setup
            .trustees
            .owner_key(*owner)
            .ok_or_else(|| Error::invalid(format!("partial decryption (event {hash}): unknown owner {owner}")))?;
        let json = parse_partial_decryption(election, body)
            .map_err(|e| e.context(&format!("partial decryption of trustee {owner} (event {hash})")))?;
        let f = verify_partial_decryption(election, &tally, key, &json)
            .map_err(|e| e.context(&format!("partial decryption of trustee {owner} (event {hash})")))?;
        if let Some(slot) = factors.get_mut(owner - 1) {
            *slot = Some(f);
        }
    }

    // Result: each claimed count checked against the decryption by one exponentiation (as belenios-tool does), never
    // searched for, so a verifier spends no discrete-log search on an archive.
    if let Some(body) = result_body {
        let claimed = parse_result_in(election, body)?;
        check_result(election, &tally, &setup.trustees, &factors, total_weight, &claimed)?;
        for ranked in &mut summary.ranked {
            let n = ranked.answers.len().max(1);
            ranked.ballots = claimed.get(ranked.index).map(|row| row.chunks(n).map(<[u64]>::to_vec).collect());
        }
        summary.result = Some(claimed);
        summary.result_json = Some((body.to_owned(), crate::election::sha256_hex(body.as_bytes())));
    }
    Ok(Verified {
        summary,
        counted: counted_owned,
        cast_trackers,
        shuffles_ended,
        ballots_closed: true,
        tally: Some(tally),
        sized_tally: Some(sized),
        factors,
        has_result: result_body.is_some(),
        setup,
    })
}

/// The indices of an election's ranked (non-homomorphic) questions: the columns a shuffle permutes.
pub fn ranked_questions<G: Group>(election: &Election<G>) -> Vec<usize> {
    election.questions.iter().enumerate().filter(|(_, q)| q.non_homomorphic).map(|(i, _)| i).collect()
}

/// The ranked questions' rows of a tally, in order: what the next shuffle takes.
pub fn ranked_columns<E: Clone>(ranked: &[usize], tally: &EncryptedTally<E>) -> Vec<Vec<crate::ballot::Ciphertext<E>>> {
    ranked.iter().filter_map(|&i| tally.get(i).cloned()).collect()
}

/// Checks each shuffle in turn (3.0 spec §4.19, §6) and returns the tally as the trustees decrypt it. Each shuffle
/// belongs to a trustee who has not shuffled before; the election must have ranked questions; once the shuffles
/// have ended (or a decryption is in), at least one must be there, or decrypting would show each ballot.
fn apply_shuffles<G: Group>(
    setup: &Setup<G>,
    mut tally: EncryptedTally<G::Element>,
    shuffles: &[(usize, &str, &str)],
    ended: bool,
) -> Result<EncryptedTally<G::Element>, Error> {
    let election = &setup.election;
    let group = &election.group;
    let ranked = ranked_questions(election);
    if ranked.is_empty() {
        if let Some((_, _, hash)) = shuffles.first() {
            return Err(Error::invalid(format!("event {hash}: a shuffle, but the election has no ranked question")));
        }
        return Ok(tally);
    }
    let mut shuffled = Vec::with_capacity(shuffles.len());
    for (owner, body, hash) in shuffles {
        let context = format!("shuffle of trustee {owner} (event {hash})");
        if setup.trustees.owner_key(*owner).is_none() {
            return Err(Error::invalid(format!("{context}: there is no trustee {owner}")));
        }
        if shuffled.contains(owner) {
            return Err(Error::invalid(format!("{context}: trustee {owner} has already shuffled")));
        }
        let shuffle = Shuffle::parse(group, body).map_err(|e| e.context(&context))?;
        let input = ranked_columns(&ranked, &tally);
        verify_shuffle(group, &election.public_key, &election.fingerprint, &input, &shuffle)
            .map_err(|e| e.context(&context))?;
        for (&i, column) in ranked.iter().zip(shuffle.ciphertexts()) {
            tally[i] = column;
        }
        shuffled.push(*owner);
    }
    if ended && shuffled.is_empty() {
        return Err(Error::invalid(
            "the shuffles ended with none: the ranked ballots would be decrypted next to their voters' credentials",
        ));
    }
    Ok(tally)
}
