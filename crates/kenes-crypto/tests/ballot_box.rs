//! The ballot box a server holds: whole elections (a 2-of-3 threshold ceremony, a "Single" trustee, archives begun by
//! belenios-tool), revotes, and every refusal leaving the archive byte for byte as it was; the archives it writes
//! pass kenes' verification and belenios-tool's.

use std::path::PathBuf;

use kenes_crypto::archive::{Archive, Entry, EventType};
use kenes_crypto::ballot::{BallotContext, BallotJson, sign_ballot};
use kenes_crypto::ballot_box::{BallotBox, Status};
use kenes_crypto::credential::{SecretCredential, generate_token};
use kenes_crypto::election::Election;
use kenes_crypto::error::{Error, Refusal};
use kenes_crypto::group::FfGroup;
use kenes_crypto::pedersen::{TrusteeSeed, threshold_key, threshold_parameters, vinputs};
use kenes_crypto::setup::{Voter, generate_credentials, make_election, parse_template, single_trustees_json};
use kenes_crypto::tally::partial_decrypt;
use kenes_crypto::trustees::TrusteeSecretKey;
use kenes_crypto::verify::{Quiet, verify_archive};
use kenes_testkit::program::belenios_tool;
use rand_chacha::ChaCha20Rng;

use crate::{data, rng};

pub(crate) const TEMPLATE: &str = r#"{"description":"Ballot box","name":"Ballot box","questions":[{"answers":["A","B","C","D","E"],"min":0,"max":5,"question":"Approve?"},{"answers":["Yes","No"],"blank":true,"min":1,"max":1,"question":"Yes or no?"}]}"#;

pub(crate) const TIMESTAMP: u64 = 1_800_000_000;

/// A fresh directory of its own for one test.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kenes-crypto-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `belenios-tool election verify` on these archive bytes.
pub(crate) fn belenios_verifies(name: &str, bytes: &[u8]) {
    let dir = scratch(name);
    std::fs::write(dir.join("election.bel"), bytes).unwrap();
    let (accepted, _, errors) = belenios_tool().in_dir(&dir).run(&["election", "verify"]);
    assert!(accepted, "belenios-tool election verify refused the archive of {name}:\n{errors}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// An election's public setup and the secrets the tests play the voters and trustees with.
pub(crate) struct Setup {
    pub(crate) election: String,
    pub(crate) trustees: String,
    pub(crate) credentials: String,
    pub(crate) voters: Vec<SecretCredential>,
}

pub(crate) fn voters(
    group: &FfGroup,
    uuid: &str,
    weights: &[u64],
    rng: &mut ChaCha20Rng,
) -> (String, Vec<SecretCredential>) {
    let voters: Vec<Voter> =
        weights.iter().enumerate().map(|(i, &weight)| Voter { identity: format!("voter{i}"), weight }).collect();
    let credentials = generate_credentials(group, uuid, &voters, rng);
    (credentials.public_json, credentials.private.into_iter().map(|(_, c)| c).collect())
}

/// One "Single" trustee.
pub(crate) fn single_setup(rng: &mut ChaCha20Rng, weights: &[u64]) -> (Setup, TrusteeSecretKey) {
    let group = FfGroup::named("BELENIOS-2048").unwrap();
    let uuid = generate_token(14, rng);
    let (credentials, voters) = voters(&group, &uuid, weights, rng);
    let (key, public) = TrusteeSecretKey::generate(&group, rng);
    let trustees = single_trustees_json(&[public]);
    let election = make_election(&parse_template(TEMPLATE).unwrap(), &uuid, &group, &trustees).unwrap();
    (Setup { election, trustees, credentials, voters }, key)
}

/// A "Pedersen" group of three trustees with threshold 2, the ceremony run by kenes.
pub(crate) fn threshold_setup(rng: &mut ChaCha20Rng, weights: &[u64]) -> (Setup, Vec<TrusteeSecretKey>) {
    let group = FfGroup::named("BELENIOS-2048").unwrap();
    let (seeds, certs): (Vec<_>, Vec<_>) = (0..3).map(|_| TrusteeSeed::generate(&group, rng)).unzip();
    let mut waiting = Vec::new();
    let mut polynomials = Vec::new();
    for seed in seeds {
        let (trustee, polynomial) = seed.polynomial(&group, &certs, 2, rng).unwrap();
        waiting.push(trustee);
        polynomials.push(polynomial);
    }
    let inputs = vinputs(&group, &certs, &polynomials).unwrap();
    let mut outputs = Vec::new();
    let mut seeds = Vec::new();
    for (trustee, input) in waiting.into_iter().zip(&inputs) {
        let (seed, output) = trustee.voutput(&group, &certs, input, rng).unwrap();
        seeds.push(seed);
        outputs.push(output);
    }
    let parameters = threshold_parameters(&group, &certs, &polynomials, &outputs).unwrap();
    let trustees = serde_json::to_string(&[("Pedersen", &parameters)]).unwrap();
    let keys = seeds.iter().zip(&outputs).map(|(s, o)| threshold_key(&group, s, &o.private_key).unwrap()).collect();
    let uuid = generate_token(14, rng);
    let (credentials, voters) = voters(&group, &uuid, weights, rng);
    let election = make_election(&parse_template(TEMPLATE).unwrap(), &uuid, &group, &trustees).unwrap();
    (Setup { election, trustees, credentials, voters }, keys)
}

pub(crate) fn open(setup: &Setup) -> BallotBox {
    BallotBox::create(TIMESTAMP, &setup.election, &setup.trustees, &setup.credentials).unwrap()
}

pub(crate) fn ballot(
    ballot_box: &BallotBox,
    credential: &SecretCredential,
    plaintext: &str,
    rng: &mut ChaCha20Rng,
) -> String {
    let plaintext: Vec<Vec<u32>> = serde_json::from_str(plaintext).unwrap();
    BallotContext::new(ballot_box.election()).create(credential, &plaintext, rng).unwrap().0
}

pub(crate) fn partial(ballot_box: &BallotBox, key: &TrusteeSecretKey, rng: &mut ChaCha20Rng) -> String {
    let tally = ballot_box.encrypted_tally().unwrap();
    serde_json::to_string(&partial_decrypt(ballot_box.election(), tally, key, rng)).unwrap()
}

/// Asserts that a call was refused with this refusal and left the archive as it was.
pub(crate) fn refused<T: std::fmt::Debug>(
    ballot_box: &BallotBox,
    before: &[u8],
    result: Result<T, Error>,
    expected: Refusal,
) {
    match result {
        Err(Error::Refused(refusal)) => assert_eq!(refusal, expected),
        other => panic!("expected {expected:?}, got {other:?}"),
    }
    assert_eq!(ballot_box.to_bytes(), before, "a refusal changed the archive");
}

/// Asserts that a call failed verification, naming `what`, and left the archive as it was.
fn check_invalid<T: std::fmt::Debug>(result: Result<T, Error>, ballot_box: &BallotBox, before: &[u8], what: &str) {
    let error = result.expect_err("an invalid input was accepted");
    assert!(!matches!(error, Error::Refused(_)), "{error}");
    assert!(error.to_string().contains(what), "expected {what:?} in {error}");
    assert_eq!(ballot_box.to_bytes(), before, "a rejected input changed the archive");
}

/// `invalid!(ballot_box, before, call, what)`: the call (which may borrow the box mutably) runs first.
macro_rules! invalid {
    ($ballot_box:expr, $before:expr, $call:expr, $what:expr $(,)?) => {{
        let result = $call;
        check_invalid(result, &$ballot_box, &$before, $what)
    }};
}

#[test]
fn a_threshold_election_through_the_ballot_box() {
    let mut rng = rng("a_threshold_election_through_the_ballot_box");
    let (setup, keys) = threshold_setup(&mut rng, &[1, 2, 3]);
    let mut ballot_box = open(&setup);
    assert_eq!(ballot_box.status(), Status::Open);
    assert_eq!(ballot_box.trustee_count(), 3);
    assert_eq!(ballot_box.election_json(), setup.election);
    assert_eq!(ballot_box.trustees_json(), setup.trustees);
    assert_eq!(ballot_box.public_credentials_json(), setup.credentials);
    // The file grows by what each step appends: a server never rewrites it.
    let mut file = ballot_box.to_bytes();
    let mut trackers = Vec::new();
    for (voter, plaintext) in [(0, "[[1,0,1,0,1],[0,1,0]]"), (1, "[[0,0,0,0,0],[1,0,0]]"), (2, "[[1,1,1,1,1],[0,0,1]]")]
    {
        let json = ballot(&ballot_box, &setup.voters[voter], plaintext, &mut rng);
        let pending = ballot_box.prepare_cast(ballot_box.check_ballot(&json).unwrap()).unwrap();
        assert_eq!(pending.entries().len(), 2);
        file.extend(pending.to_bytes());
        let cast = ballot_box.commit(pending).unwrap();
        assert_eq!(cast.replaced, None);
        assert_eq!(cast.weight, [1, 2, 3][voter]);
        trackers.push(cast.tracker);
    }
    assert_eq!(file, ballot_box.to_bytes());
    // A revote: the last ballot counts, the board shows it in place of the first.
    let json = ballot(&ballot_box, &setup.voters[0], "[[0,1,0,0,0],[0,1,0]]", &mut rng);
    let cast = ballot_box.cast(&json).unwrap();
    assert_eq!(cast.replaced.as_deref(), Some(trackers[0].as_str()));
    let board: Vec<(&str, u64)> = ballot_box.board().iter().map(|e| (e.tracker, e.weight)).collect();
    assert_eq!(board, [(trackers[1].as_str(), 2), (trackers[2].as_str(), 3), (cast.tracker.as_str(), 1)]);
    let counts = ballot_box.counts();
    assert_eq!((counts.credentials, counts.cast, counts.counted, counts.counted_weight), (3, 4, 3, 6));
    // The board is the verifier's list of counted ballots.
    let summary = verify_archive(ballot_box.archive(), &Quiet).unwrap();
    let verified: Vec<(&str, u64)> = summary.trackers.iter().map(|(t, w)| (t.as_str(), *w)).collect();
    assert_eq!(verified, board);

    let tally = ballot_box.close().unwrap();
    assert_eq!(ballot_box.encrypted_tally_json(), Some(tally.as_str()));
    assert_eq!(ballot_box.status(), Status::Closed);
    // Threshold 2: one decryption is not enough.
    ballot_box.add_partial_decryption(1, &partial(&ballot_box, &keys[0], &mut rng)).unwrap();
    assert_eq!(ballot_box.status(), Status::Decrypting);
    assert_eq!(ballot_box.decrypted(), [1]);
    let before = ballot_box.to_bytes();
    let missing = ballot_box.missing_decryptions().unwrap();
    assert!(missing.contains("1 more of trustees 1 to 3"), "{missing}");
    let result = ballot_box.compute_result();
    refused(&ballot_box, &before, result, Refusal::MissingDecryptions { missing });
    ballot_box.add_partial_decryption(3, &partial(&ballot_box, &keys[2], &mut rng)).unwrap();
    assert_eq!(ballot_box.decrypted(), [1, 3]);
    let result = ballot_box.compute_result().unwrap();
    // Weights 2 (blank), 3 (all five, no) and 1 (B, yes); voter 0's first ballot was replaced.
    assert_eq!(result, [vec![3, 4, 3, 3, 3], vec![2, 1, 3]]);
    assert_eq!(ballot_box.result(), Some(result.as_slice()));
    assert_eq!(ballot_box.status(), Status::Tallied);

    let bytes = ballot_box.to_bytes();
    assert_eq!(verify_archive(&Archive::parse(&bytes).unwrap(), &Quiet).unwrap().result, Some(result.clone()));
    belenios_verifies("threshold-box", &bytes);
    // Loaded again, the box is in the same state.
    let loaded = BallotBox::load(&bytes, &Quiet).unwrap();
    assert_eq!(loaded.status(), Status::Tallied);
    assert_eq!(loaded.counts(), ballot_box.counts());
    assert_eq!(loaded.board(), ballot_box.board());
    assert_eq!(loaded.decrypted(), [1, 3]);
    assert_eq!(loaded.result(), Some(result.as_slice()));
    assert_eq!(loaded.encrypted_tally_json(), Some(tally.as_str()));
}

#[test]
fn a_single_trustee_election_through_the_ballot_box() {
    let mut rng = rng("a_single_trustee_election_through_the_ballot_box");
    let (setup, key) = single_setup(&mut rng, &[1, 5]);
    let mut ballot_box = open(&setup);
    for (voter, plaintext) in [(0, "[[1,1,0,0,0],[0,1,0]]"), (1, "[[0,0,0,0,1],[1,0,0]]")] {
        let json = ballot(&ballot_box, &setup.voters[voter], plaintext, &mut rng);
        ballot_box.cast(&json).unwrap();
    }
    // Reloaded mid-vote (a server restarting), the box accepts a revote and refuses a replay.
    let mut ballot_box = BallotBox::load(&ballot_box.to_bytes(), &Quiet).unwrap();
    let json = ballot(&ballot_box, &setup.voters[1], "[[0,0,1,0,0],[0,0,1]]", &mut rng);
    let cast = ballot_box.cast(&json).unwrap();
    assert!(cast.replaced.is_some());
    let before = ballot_box.to_bytes();
    let result = ballot_box.cast(&json);
    refused(&ballot_box, &before, result, Refusal::DuplicateBallot { tracker: cast.tracker.clone() });
    // A ballot made by the box itself (kenes election vote) is cast without being verified again.
    let plaintext: Vec<Vec<u32>> = serde_json::from_str("[[1,0,0,0,0],[0,1,0]]").unwrap();
    let made = ballot_box.create_ballot(&setup.voters[0], &plaintext, &mut rng).unwrap();
    ballot_box.check_ballot(made.json()).unwrap();
    let pending = ballot_box.prepare_cast(made).unwrap();
    assert_eq!(pending.output().weight, 1);
    ballot_box.commit(pending).unwrap();
    ballot_box.close().unwrap();
    ballot_box.add_partial_decryption(1, &partial(&ballot_box, &key, &mut rng)).unwrap();
    let result = ballot_box.compute_result().unwrap();
    assert_eq!(result, [vec![1, 0, 5, 0, 0], vec![0, 1, 5]]);
    let bytes = ballot_box.to_bytes();
    assert_eq!(verify_archive(&Archive::parse(&bytes).unwrap(), &Quiet).unwrap().result, Some(result));
    belenios_verifies("single-box", &bytes);
}

#[test]
fn refused_ballots_leave_the_box_unchanged() {
    let mut rng = rng("refused_ballots_leave_the_box_unchanged");
    let (setup, _) = single_setup(&mut rng, &[1, 1]);
    let mut ballot_box = open(&setup);
    let good = ballot(&ballot_box, &setup.voters[0], "[[1,0,1,0,0],[0,1,0]]", &mut rng);
    let cast = ballot_box.cast(&good).unwrap();
    let before = ballot_box.to_bytes();
    let counts = ballot_box.counts();

    // The same ballot again is a replay.
    let result = ballot_box.cast(&good);
    refused(&ballot_box, &before, result, Refusal::DuplicateBallot { tracker: cast.tracker.clone() });
    // Malformed JSON, and JSON that is not the canonical form the tracking number is computed on.
    invalid!(ballot_box, before, ballot_box.cast("{\"election_uuid\":"), "bad JSON in ballot");
    invalid!(ballot_box, before, ballot_box.cast(&format!("{good}\n")), "canonical form");
    let pretty = serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(&good).unwrap()).unwrap();
    invalid!(ballot_box, before, ballot_box.cast(&pretty), "canonical form");
    // A ballot for another election, by one of its voters.
    let (other, _) = single_setup(&mut rng, &[1, 1]);
    let other_box = open(&other);
    let foreign = ballot(&other_box, &other.voters[1], "[[1,0,1,0,0],[0,1,0]]", &mut rng);
    invalid!(ballot_box, before, ballot_box.cast(&foreign), "election_uuid");
    let checked = other_box.check_ballot(&foreign).unwrap();
    invalid!(ballot_box, before, ballot_box.prepare_cast(checked), "another election");
    // A credential that is not on the roll.
    let stranger = SecretCredential::generate(&mut rng);
    let json = ballot(&ballot_box, &stranger, "[[1,0,1,0,0],[0,1,0]]", &mut rng);
    let result = ballot_box.cast(&json);
    refused(&ballot_box, &before, result, Refusal::UnknownCredential);
    // Wrong proofs: an answer changed and the ballot signed again, so only the proofs can tell.
    let mut altered: BallotJson =
        serde_json::from_str(&ballot(&ballot_box, &setup.voters[1], "[[1,0,1,0,0],[0,1,0]]", &mut rng)).unwrap();
    altered.answers[1].homomorphic_mut().unwrap().choices.swap(1, 2);
    let election = Election::parse(&setup.election).unwrap();
    sign_ballot(&election, &mut altered, &setup.voters[1], &mut rng);
    invalid!(ballot_box, before, ballot_box.cast(&altered.to_canonical()), "answer 2");
    let mut altered: BallotJson =
        serde_json::from_str(&ballot(&ballot_box, &setup.voters[1], "[[1,0,1,0,0],[0,1,0]]", &mut rng)).unwrap();
    let answer = altered.answers[0].homomorphic_mut().unwrap();
    answer.overall_proof[0].response = answer.overall_proof[1].response.clone();
    sign_ballot(&election, &mut altered, &setup.voters[1], &mut rng);
    invalid!(ballot_box, before, ballot_box.cast(&altered.to_canonical()), "answer 1: overall_proof");
    // Changed after signing: the signature no longer matches.
    let mut unsigned: BallotJson =
        serde_json::from_str(&ballot(&ballot_box, &setup.voters[1], "[[1,0,1,0,0],[0,1,0]]", &mut rng)).unwrap();
    unsigned.answers[0].homomorphic_mut().unwrap().choices.swap(0, 1);
    invalid!(ballot_box, before, ballot_box.cast(&unsigned.to_canonical()), "signature");
    assert_eq!(ballot_box.counts(), counts);

    // A change prepared on an earlier state is refused once the box moved on; a dropped one changes nothing.
    let first = ballot(&ballot_box, &setup.voters[1], "[[0,0,0,0,0],[1,0,0]]", &mut rng);
    let second = ballot(&ballot_box, &setup.voters[1], "[[0,0,0,0,1],[1,0,0]]", &mut rng);
    let pending_first = ballot_box.prepare_cast(ballot_box.check_ballot(&first).unwrap()).unwrap();
    let pending_second = ballot_box.prepare_cast(ballot_box.check_ballot(&second).unwrap()).unwrap();
    drop(ballot_box.prepare_close().unwrap());
    assert_eq!(ballot_box.to_bytes(), before);
    ballot_box.commit(pending_first).unwrap();
    let before = ballot_box.to_bytes();
    let result = ballot_box.commit(pending_second);
    refused(&ballot_box, &before, result, Refusal::Stale);
    ballot_box.cast(&second).unwrap();

    // After closing: no more ballots, and no second closing.
    ballot_box.close().unwrap();
    let before = ballot_box.to_bytes();
    let late = ballot(&ballot_box, &setup.voters[0], "[[0,0,0,0,0],[1,0,0]]", &mut rng);
    let result = ballot_box.cast(&late);
    refused(&ballot_box, &before, result, Refusal::Closed);
    let result = ballot_box.close();
    refused(&ballot_box, &before, result, Refusal::Closed);
    verify_archive(ballot_box.archive(), &Quiet).unwrap();
}

#[test]
fn refused_partial_decryptions_leave_the_box_unchanged() {
    let mut rng = rng("refused_partial_decryptions_leave_the_box_unchanged");
    let (setup, keys) = threshold_setup(&mut rng, &[1, 1]);
    let mut ballot_box = open(&setup);
    let json = ballot(&ballot_box, &setup.voters[0], "[[0,1,0,0,0],[0,1,0]]", &mut rng);
    ballot_box.cast(&json).unwrap();
    let before = ballot_box.to_bytes();
    let result = ballot_box.add_partial_decryption(1, "{}");
    refused(&ballot_box, &before, result, Refusal::NoTally);
    let result = ballot_box.compute_result();
    refused(&ballot_box, &before, result, Refusal::NoTally);
    ballot_box.close().unwrap();
    let before = ballot_box.to_bytes();
    let good = partial(&ballot_box, &keys[1], &mut rng);
    // Another trustee's (good) decryption offered as trustee 1's or 3's.
    invalid!(ballot_box, before, ballot_box.add_partial_decryption(1, &good), "partial decryption of trustee 1");
    invalid!(ballot_box, before, ballot_box.add_partial_decryption(3, &good), "decryption_proofs question");
    for trustee in [0, 4] {
        let result = ballot_box.add_partial_decryption(trustee, &good);
        refused(&ballot_box, &before, result, Refusal::UnknownTrustee { trustee, trustees: 3 });
    }
    // Tampered: a factor changed, a proof changed, a question missing, not JSON.
    let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
    let factor = value["decryption_factors"][1][0].as_str().unwrap().to_owned();
    value["decryption_factors"][1][0] = serde_json::Value::from(factor.replacen('1', "2", 1));
    let tampered = value.to_string();
    invalid!(ballot_box, before, ballot_box.add_partial_decryption(2, &tampered), "question 2 choice 1");
    let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
    value["decryption_proofs"][0][3]["challenge"] = value["decryption_proofs"][0][2]["challenge"].clone();
    invalid!(
        ballot_box,
        before,
        ballot_box.add_partial_decryption(2, &value.to_string()),
        "decryption_proofs question 1 choice 4",
    );
    let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
    value["decryption_factors"].as_array_mut().unwrap().pop();
    invalid!(
        ballot_box,
        before,
        ballot_box.add_partial_decryption(2, &value.to_string()),
        "decryption_factors has 1 questions, the election 2",
    );
    invalid!(ballot_box, before, ballot_box.add_partial_decryption(2, "[1,2"), "bad JSON");
    // The right one, written with spaces and a newline as other tools may: stored in canonical form.
    let spaced = serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(&good).unwrap()).unwrap();
    ballot_box.add_partial_decryption(2, &format!("{spaced}\n")).unwrap();
    let stored = ballot_box.archive().entries.iter().rev().find_map(|e| match e {
        Entry::Data { body, .. } if body.starts_with("{\"decryption_factors\"") => Some(body.clone()),
        _ => None,
    });
    assert_eq!(stored.as_deref(), Some(good.as_str()));
    let owned = ballot_box.archive().events().last().map(|(_, e)| e.clone()).unwrap();
    assert_eq!(owned.kind, EventType::PartialDecryption);
    let owned_body = ballot_box.archive().get(owned.payload.as_deref().unwrap()).unwrap();
    assert!(owned_body.starts_with("{\"owner\":2,\"payload\":\""), "{owned_body}");
    let before = ballot_box.to_bytes();
    let again = partial(&ballot_box, &keys[1], &mut rng);
    let result = ballot_box.add_partial_decryption(2, &again);
    refused(&ballot_box, &before, result, Refusal::DuplicateDecryption { trustee: 2 });
    ballot_box.add_partial_decryption(1, &partial(&ballot_box, &keys[0], &mut rng)).unwrap();
    assert_eq!(ballot_box.compute_result().unwrap(), [vec![0, 1, 0, 0, 0], vec![0, 1, 0]]);
    let before = ballot_box.to_bytes();
    let late = partial(&ballot_box, &keys[2], &mut rng);
    let result = ballot_box.add_partial_decryption(3, &late);
    refused(&ballot_box, &before, result, Refusal::Tallied);
    let result = ballot_box.compute_result();
    refused(&ballot_box, &before, result, Refusal::Tallied);
    belenios_verifies("refused-decryptions", &before);
}

/// The archive of a belenios-tool fixture up to (not including) the first event of this kind.
fn prefix_before(bytes: &[u8], kind: EventType) -> Vec<u8> {
    let archive = Archive::parse(bytes).unwrap();
    let mut out = archive.header_bytes();
    let stop =
        archive.entries.iter().position(|e| matches!(e, Entry::Event { event, .. } if event.kind == kind)).unwrap();
    // Data entries just before that event belong to it.
    let stop = archive.entries[..stop].iter().rposition(|e| matches!(e, Entry::Event { .. })).unwrap() + 1;
    for entry in &archive.entries[..stop] {
        out.extend(archive.entry_bytes(entry));
    }
    out
}

#[test]
fn archives_begun_by_belenios_tool_are_continued() {
    let mut rng = rng("archives_begun_by_belenios_tool_are_continued");
    // single.bel while voting: a voter votes again through the box, which then closes, decrypts and counts.
    let voting = prefix_before(&data("single.bel"), EventType::EndBallots);
    let mut ballot_box = BallotBox::load(&voting, &Quiet).unwrap();
    assert_eq!(ballot_box.status(), Status::Open);
    assert_eq!((ballot_box.counts().cast, ballot_box.counts().counted), (5, 4));
    let privcreds = String::from_utf8(data("single.privcreds")).unwrap();
    let credential =
        SecretCredential::parse(privcreds.lines().nth(1).unwrap().split_whitespace().last().unwrap()).unwrap();
    let json = ballot(&ballot_box, &credential, "[[0,0,0,0,0],[1,0,0],[0,0,1]]", &mut rng);
    let cast = ballot_box.cast(&json).unwrap();
    assert!(cast.replaced.is_some());
    ballot_box.close().unwrap();
    let group = ballot_box.election().group.clone();
    let key = TrusteeSecretKey::parse(&group, &String::from_utf8(data("single.privkey")).unwrap()).unwrap();
    ballot_box.add_partial_decryption(1, &partial(&ballot_box, &key, &mut rng)).unwrap();
    // belenios-tool's result [[3,4,3,3,4],[2,1,4],[1,3,6]], with the second voter now choosing Z without Y.
    let result = ballot_box.compute_result().unwrap();
    assert_eq!(result, [vec![3, 4, 3, 3, 4], vec![2, 1, 4], vec![1, 3 - cast.weight, 6]]);
    belenios_verifies("belenios-single", &ballot_box.to_bytes());

    // threshold.bel after its encrypted tally: owner 1 is "Single", owners 2 to 4 the threshold group.
    let closed = prefix_before(&data("threshold.bel"), EventType::PartialDecryption);
    let mut ballot_box = BallotBox::load(&closed, &Quiet).unwrap();
    assert_eq!(ballot_box.status(), Status::Closed);
    let group = ballot_box.election().group.clone();
    let single =
        TrusteeSecretKey::parse(&group, &String::from_utf8(data("threshold-single.privkey")).unwrap()).unwrap();
    let threshold = |i: usize| {
        let seed = TrusteeSeed::parse(&String::from_utf8(data(&format!("threshold-{i}.key"))).unwrap()).unwrap();
        threshold_key(&group, &seed, &String::from_utf8(data(&format!("threshold-{i}.dkey"))).unwrap()).unwrap()
    };
    let before = ballot_box.to_bytes();
    // Threshold trustee 3's decryption is owner 4's, not owner 2's.
    let third = partial(&ballot_box, &threshold(3), &mut rng);
    invalid!(ballot_box, before, ballot_box.add_partial_decryption(2, &third), "partial decryption of trustee 2");
    ballot_box.add_partial_decryption(4, &third).unwrap();
    ballot_box.add_partial_decryption(2, &partial(&ballot_box, &threshold(1), &mut rng)).unwrap();
    let missing = ballot_box.missing_decryptions().unwrap();
    assert_eq!(missing, "trustee 1");
    ballot_box.add_partial_decryption(1, &partial(&ballot_box, &single, &mut rng)).unwrap();
    let expected = verify_archive(&Archive::parse(&data("threshold.bel")).unwrap(), &Quiet).unwrap().result.unwrap();
    assert_eq!(ballot_box.compute_result().unwrap(), expected);
    belenios_verifies("belenios-threshold", &ballot_box.to_bytes());
}

#[test]
fn undashed_credentials_derive_the_issued_key() {
    let mut rng = rng("undashed_credentials_derive_the_issued_key");
    let (setup, _) = single_setup(&mut rng, &[1, 1]);
    let mut ballot_box = open(&setup);
    let issued = setup.voters[0].expose().to_owned();
    let undashed = SecretCredential::parse(&issued.replace('-', "")).unwrap();
    assert_eq!(undashed.expose(), issued);
    let group = &ballot_box.election().group;
    let uuid = ballot_box.election().uuid();
    assert_eq!(undashed.public(group, uuid), setup.voters[0].public(group, uuid));
    let json = ballot(&ballot_box, &undashed, "[[0,0,0,0,0],[1,0,0]]", &mut rng);
    ballot_box.cast(&json).unwrap();
    // Typed with spaces around it: the same credential.
    assert_eq!(SecretCredential::parse(&format!("  {issued}\n")).unwrap().expose(), issued);
    // Other forms are refused with the form to type.
    let digits = issued.replace('-', "");
    for bad in [
        format!("{}-{}", &digits[..7], &digits[7..]),
        format!("{}-{}-{}", &issued[..11], &digits[12..], "x"),
        digits[..14].to_owned(),
        format!("{digits}1"),
        issued.replace('-', "_"),
        String::new(),
    ] {
        let error = SecretCredential::parse(&bad).unwrap_err().to_string();
        assert!(error.contains("XXX-XXX-XXX-XXX-XXX"), "{bad:?}: {error}");
    }
    let error = SecretCredential::parse(&issued.replacen(&issued[..1], "0", 1)).unwrap_err().to_string();
    assert!(error.contains("Base58") || error.contains("checksum"), "{error}");
}

#[test]
fn a_ballot_box_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<BallotBox>();
    shared::<kenes_crypto::ballot_box::Pending<kenes_crypto::ballot_box::Cast>>();
}

#[test]
fn a_box_follows_ballots_another_writer_stored_and_nothing_else() {
    let mut rng = rng("a_box_follows_ballots_another_writer_stored_and_nothing_else");
    let (setup, _key) = single_setup(&mut rng, &[1, 1, 1]);
    let mut writer = open(&setup);
    let mut follower = BallotBox::load(&writer.to_bytes(), &Quiet).unwrap();
    // Two servers' boxes over one archive: what one stores for a ballot, the other applies, and both hold the same.
    for (voter, plaintext) in [(0, "[[1,1,0,0,0],[0,1,0]]"), (1, "[[0,0,0,0,1],[1,0,0]]"), (0, "[[0,1,0,0,0],[0,0,1]]")]
    {
        let json = ballot(&writer, &setup.voters[voter], plaintext, &mut rng);
        let pending = writer.prepare_cast(writer.check_ballot(&json).unwrap()).unwrap();
        let piece = pending.to_bytes();
        let cast = writer.commit(pending).unwrap();
        assert_eq!(follower.follow(&piece).unwrap(), cast);
        assert_eq!(follower.to_bytes(), writer.to_bytes());
    }
    assert_eq!(follower.counts().cast, 3);
    let before = follower.to_bytes();
    // The same piece twice is a replay; a piece planned on another state, a damaged one or a close are refused,
    // and nothing changes.
    let json = ballot(&writer, &setup.voters[2], "[[0,0,1,0,0],[0,1,0]]", &mut rng);
    let pending = writer.prepare_cast(writer.check_ballot(&json).unwrap()).unwrap();
    let piece = pending.to_bytes();
    writer.commit(pending).unwrap();
    let mut damaged = piece.clone();
    let last = damaged.len() - 1;
    damaged[last] = b'x';
    assert!(follower.follow(&damaged).is_err());
    assert!(follower.follow(&piece[..piece.len() / 2]).is_err());
    assert!(follower.follow(b"not an archive piece").is_err());
    assert_eq!(follower.to_bytes(), before);
    follower.follow(&piece).unwrap();
    assert!(follower.follow(&piece).is_err(), "a replay");
    // A cast planned before another writer's ballot arrived is planned again on top of it, unverified, and lands.
    let json = ballot(&writer, &setup.voters[1], "[[1,0,0,0,0],[1,0,0]]", &mut rng);
    let late = follower.prepare_cast(follower.check_ballot(&json).unwrap()).unwrap();
    let json = ballot(&writer, &setup.voters[2], "[[0,0,0,1,0],[1,0,0]]", &mut rng);
    let first = writer.prepare_cast(writer.check_ballot(&json).unwrap()).unwrap();
    let piece = first.to_bytes();
    writer.commit(first).unwrap();
    follower.follow(&piece).unwrap();
    let late = follower.prepare_cast(follower.unplan(late).unwrap()).unwrap();
    let piece = late.to_bytes();
    follower.commit(late).unwrap();
    writer.follow(&piece).unwrap();
    assert_eq!(writer.to_bytes(), follower.to_bytes());
    let close = writer.prepare_close().unwrap();
    let close_piece = close.to_bytes();
    writer.commit(close).unwrap();
    let before = follower.to_bytes();
    assert!(follower.follow(&close_piece).is_err(), "only ballots are followed");
    assert_eq!(follower.to_bytes(), before);
}

#[test]
fn ballots_planned_together_are_cast_as_one_at_a_time() {
    let mut rng = rng("ballots_planned_together_are_cast_as_one_at_a_time");
    let (setup, _) = single_setup(&mut rng, &[1, 2, 3]);
    let mut one_by_one = open(&setup);
    let mut together = open(&setup);
    let earlier = ballot(&one_by_one, &setup.voters[2], "[[1,1,0,0,0],[1,0,0]]", &mut rng);
    one_by_one.cast(&earlier).unwrap();
    together.cast(&earlier).unwrap();
    let first = ballot(&one_by_one, &setup.voters[0], "[[1,0,1,0,1],[0,1,0]]", &mut rng);
    let second = ballot(&one_by_one, &setup.voters[1], "[[0,0,0,0,0],[1,0,0]]", &mut rng);
    let revote = ballot(&one_by_one, &setup.voters[0], "[[0,1,0,0,0],[0,0,1]]", &mut rng);
    let again = ballot(&one_by_one, &setup.voters[2], "[[0,0,0,0,1],[0,1,0]]", &mut rng);
    // A list with a replay of a ballot in the box, a replay of one earlier in the list, and a revote of each kind.
    let list = [&earlier, &first, &second, &first, &revote, &again];
    // Checked on a box of the same election that has none of them yet (a check started before they were cast).
    let fresh = open(&setup);
    let checked: Vec<_> = list.iter().map(|json| fresh.start_check(json).unwrap().finish().unwrap()).collect();
    let planned = together.prepare_casts(checked);
    let mut outcomes = Vec::new();
    for json in list {
        outcomes.push(one_by_one.cast(json).map_err(|e| e.to_string()));
    }
    assert!(matches!(planned[0], Err(Error::Refused(Refusal::DuplicateBallot { .. }))), "{:?}", planned[0]);
    assert!(matches!(planned[3], Err(Error::Refused(Refusal::DuplicateBallot { .. }))), "{:?}", planned[3]);
    // Committed in order, the planned casts are the casts made one at a time: the same answers, the same file.
    let mut file = together.to_bytes();
    let mut answers = Vec::new();
    let mut pendings = Vec::new();
    for plan in planned {
        match plan {
            Ok(pending) => {
                file.extend(pending.to_bytes());
                pendings.push(pending);
                answers.push(Ok(()));
            }
            Err(error) => answers.push(Err(error.to_string())),
        }
    }
    let mut casts = pendings.into_iter().map(|pending| together.commit(pending).unwrap());
    let answers: Vec<_> = answers.into_iter().map(|a| a.map(|()| casts.next().unwrap())).collect();
    assert_eq!(answers, outcomes);
    assert_eq!(answers[4].as_ref().unwrap().replaced.as_deref(), Some(answers[1].as_ref().unwrap().tracker.as_str()));
    assert!(answers[5].as_ref().unwrap().replaced.is_some(), "the box's earlier ballot is replaced");
    assert_eq!(together.to_bytes(), one_by_one.to_bytes());
    assert_eq!(file, together.to_bytes(), "each planned cast's bytes follow the one before");
    assert_eq!(together.counts(), one_by_one.counts());
    assert_eq!(together.counts().counted, 3);
    verify_archive(together.archive(), &Quiet).unwrap();

    // Planned together, committed out of order: refused as stale, nothing changed.
    let late = [
        ballot(&together, &setup.voters[1], "[[1,0,0,0,0],[1,0,0]]", &mut rng),
        ballot(&together, &setup.voters[2], "[[0,1,0,0,0],[1,0,0]]", &mut rng),
    ];
    let mut planned = together.prepare_casts(late.iter().map(|json| together.check_ballot(json).unwrap()).collect());
    let second = planned.pop().unwrap().unwrap();
    let before = together.to_bytes();
    let result = together.commit(second);
    refused(&together, &before, result, Refusal::Stale);
}
