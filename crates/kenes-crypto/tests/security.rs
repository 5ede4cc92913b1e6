//! Hostile inputs from the security review: public credentials whose weights no election could count, and ballots
//! that can be refused cheaply, refused before anything expensive.

use kenes_crypto::archive::{Archive, EventType};
use kenes_crypto::ballot::{BallotJson, sign_ballot};
use kenes_crypto::ballot_box::BallotBox;
use kenes_crypto::credential::SecretCredential;
use kenes_crypto::election::{MAX_TOTAL_WEIGHT, parse_public_credentials, public_credential_weights};
use kenes_crypto::error::{Error, Refusal};
use kenes_crypto::group::FfGroup;
use kenes_crypto::setup::init_archive;
use kenes_crypto::verify::{Quiet, verify_archive};

use crate::ballot_box::{TIMESTAMP, ballot, open, refused, single_setup};
use crate::rng;

/// Asserts that `result` is the total-weight refusal for this total.
fn too_heavy<T>(result: Result<T, Error>, total: u128, what: &str) {
    match result {
        Err(Error::TotalWeightTooLarge { total: reported, max }) => {
            assert_eq!((reported, max), (total, MAX_TOTAL_WEIGHT), "{what}");
        }
        Err(other) => panic!("{what}: expected the total-weight refusal, got {other:?}"),
        Ok(_) => panic!("{what}: accepted"),
    }
}

#[test]
fn public_credentials_weighing_more_than_an_election_can_count_are_refused_first() {
    let mut rng = rng("public_credentials_weighing_more_than_an_election_can_count_are_refused_first");
    let group = FfGroup::named("BELENIOS-2048").unwrap();
    let huge = 1u64 << 63;
    for weights in [vec![huge, huge], vec![1 << 40, 1], vec![MAX_TOTAL_WEIGHT, 1]] {
        let total: u128 = weights.iter().map(|&w| u128::from(w)).sum();
        let what = format!("weights {weights:?}");
        let (setup, _) = single_setup(&mut rng, &weights);
        too_heavy(public_credential_weights(&setup.credentials), total, &what);
        too_heavy(parse_public_credentials(&group, &setup.credentials), total, &what);
        too_heavy(BallotBox::create(TIMESTAMP, &setup.election, &setup.trustees, &setup.credentials), total, &what);
        // A hostile archive with these credentials: loading it for a server and `kenes verify` both refuse it.
        let bytes = init_archive(TIMESTAMP, &setup.election, &setup.trustees, &setup.credentials).to_bytes();
        too_heavy(BallotBox::load(&bytes, &Quiet), total, &what);
        too_heavy(verify_archive(&Archive::parse(&bytes).unwrap(), &Quiet), total, &what);
        // The weights are read before the trustees' proofs are verified: with a broken proof of knowledge too, the
        // refusal is still the weights'.
        let mut trustees: serde_json::Value = serde_json::from_str(&setup.trustees).unwrap();
        trustees[0][1]["pok"]["response"] = serde_json::Value::from("1");
        let broken = init_archive(TIMESTAMP, &setup.election, &trustees.to_string(), &setup.credentials).to_bytes();
        too_heavy(BallotBox::load(&broken, &Quiet), total, &what);
        too_heavy(verify_archive(&Archive::parse(&broken).unwrap(), &Quiet), total, &what);
    }
    // Up to the bound, an election opens, and a server reads each credential's weight without decoding any.
    let (setup, _) = single_setup(&mut rng, &[MAX_TOTAL_WEIGHT - 3, 1, 2]);
    BallotBox::create(TIMESTAMP, &setup.election, &setup.trustees, &setup.credentials).unwrap();
    let mut weights = public_credential_weights(&setup.credentials).unwrap();
    let parsed: Vec<u64> =
        parse_public_credentials(&group, &setup.credentials).unwrap().iter().map(|c| c.weight).collect();
    assert_eq!(weights, parsed, "the weights in the order of the list");
    weights.sort_unstable();
    assert_eq!(weights, [1, 2, MAX_TOTAL_WEIGHT - 3]);
    // Without weights, every credential weighs 1; a bad weight is named.
    assert_eq!(public_credential_weights(r#"["12","34"]"#).unwrap(), [1, 1]);
    let error = public_credential_weights(r#"["12,1","34,x"]"#).unwrap_err().to_string();
    assert!(error.contains("public credential 2: bad weight"), "{error}");
}

#[test]
fn ballots_are_refused_for_cheap_reasons_before_any_proof_is_verified() {
    let mut rng = rng("ballots_are_refused_for_cheap_reasons_before_any_proof_is_verified");
    let (setup, _) = single_setup(&mut rng, &[1, 1]);
    let mut ballot_box = open(&setup);
    // A ballot whose overall proof is garbage, signed again so that only the proof is wrong.
    fn garbage(ballot_box: &BallotBox, credential: &SecretCredential, rng: &mut rand_chacha::ChaCha20Rng) -> String {
        let json = ballot(ballot_box, credential, "[[1,0,1,0,0],[0,1,0]]", rng);
        let mut altered: BallotJson = serde_json::from_str(&json).unwrap();
        altered.answers[0].overall_proof[0].response = altered.answers[0].overall_proof[1].response.clone();
        sign_ballot(ballot_box.election(), &mut altered, credential, rng);
        altered.to_canonical()
    }
    // From a voter on the roll, the proof is what fails.
    let error = ballot_box.check_ballot(&garbage(&ballot_box, &setup.voters[0], &mut rng)).unwrap_err();
    assert!(error.to_string().contains("answer 1: overall_proof"), "{error}");
    // From a stranger, the same garbage is refused as not on the roll: the proofs were never looked at.
    let stranger = SecretCredential::generate(&mut rng);
    let before = ballot_box.to_bytes();
    let result = ballot_box.check_ballot(&garbage(&ballot_box, &stranger, &mut rng));
    refused(&ballot_box, &before, result, Refusal::UnknownCredential);
    // A stranger's garbage signature proof too.
    let mut unsigned: BallotJson =
        serde_json::from_str(&ballot(&ballot_box, &stranger, "[[0,0,0,0,0],[1,0,0]]", &mut rng)).unwrap();
    let signature = unsigned.signature.as_mut().unwrap();
    signature.proof.response = signature.proof.challenge.clone();
    let result = ballot_box.cast(&unsigned.to_canonical());
    refused(&ballot_box, &before, result, Refusal::UnknownCredential);

    // A replay is refused as a replay, however many times, and so is a ballot its voter has since replaced.
    let first = ballot(&ballot_box, &setup.voters[1], "[[1,0,0,0,0],[0,1,0]]", &mut rng);
    let cast = ballot_box.cast(&first).unwrap();
    let second = ballot(&ballot_box, &setup.voters[1], "[[0,1,0,0,0],[0,1,0]]", &mut rng);
    ballot_box.cast(&second).unwrap();
    let before = ballot_box.to_bytes();
    for _ in 0..2 {
        let result = ballot_box.check_ballot(&first);
        refused(&ballot_box, &before, result, Refusal::DuplicateBallot { tracker: cast.tracker.clone() });
    }

    // An archive with a stranger's ballot whose proofs are garbage: the verifier names the credential, not a proof.
    let mut archive = ballot_box.archive().clone();
    archive.add_data_event(EventType::Ballot, &garbage(&ballot_box, &stranger, &mut rng));
    let error = verify_archive(&archive, &Quiet).unwrap_err().to_string();
    assert!(error.contains("ballot 3") && error.contains("credential is not in the public credentials"), "{error}");
}
