//! Hostile inputs from the security review: public credentials whose weights no election could count, and ballots
//! that can be refused cheaply, refused before anything expensive; a trustee's wrong decryption factor whose proof
//! holds, named, with the tally still completing in an archive belenios-tool verifies.

use kenes_crypto::archive::{Archive, EventType};
use kenes_crypto::ballot::{BallotJson, sign_ballot};
use kenes_crypto::ballot_box::BallotBox;
use kenes_crypto::ballot_box::Status;
use kenes_crypto::credential::SecretCredential;
use kenes_crypto::election::{MAX_TOTAL_WEIGHT, parse_public_credentials, public_credential_weights};
use kenes_crypto::error::{Error, Refusal};
use kenes_crypto::group::FfGroup;
use kenes_crypto::group::{Group, hash_elements};
use kenes_crypto::proofs::{Proof, decrypt_prefix, random_secret};
use kenes_crypto::setup::init_archive;
use kenes_crypto::tally::{PartialDecryptionJson, verify_partial_decryption};
use kenes_crypto::trustees::TrusteeSecretKey;
use kenes_crypto::verify::{Quiet, verify_archive};
use rand_chacha::ChaCha20Rng;

use crate::ballot_box::{TIMESTAMP, ballot, belenios_verifies, open, partial, refused, single_setup, threshold_setup};
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
        let answer = altered.answers[0].homomorphic_mut().unwrap();
        answer.overall_proof[0].response = answer.overall_proof[1].response.clone();
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

/// A partial decryption whose factors are wrong but whose proofs hold (spec §4.18): the proof's hash
/// `"decrypt|" φ "|" X "|" A "," B` covers the commitments but not the factor, so a trustee who knows its key `x`
/// commits to `A = g^w` and `B = α^w · g`, and once the challenge `c` is known answers `r = w − x·c` with the factor
/// `F = (B · α^−r)^(1/c) = α^x · g^(1/c)`, for which `α^r · F^c = B` as the verifier checks.
fn forged_partial(ballot_box: &BallotBox, key: &TrusteeSecretKey, rng: &mut ChaCha20Rng) -> String {
    let election = ballot_box.election();
    let group = &election.group;
    let q = group.order().clone();
    let x = key.0.expose();
    let public = group.vartime_pow(group.generator(), x);
    let prefix = decrypt_prefix(group, &election.fingerprint, &public);
    let mut factors = Vec::new();
    let mut proofs = Vec::new();
    for row in ballot_box.encrypted_tally().unwrap() {
        let mut factor_row = Vec::new();
        let mut proof_row = Vec::new();
        for ciphertext in row {
            let alpha = &ciphertext.alpha;
            let w = random_secret(&q, rng).expose().clone();
            let a = group.vartime_pow(group.generator(), &w);
            let b = group.mul(&group.vartime_pow(alpha, &w), group.generator());
            let challenge = hash_elements(group, &prefix, &[a, b.clone()]);
            let response = (w - x.clone() * &challenge).modulo(&q);
            let inverse = challenge.clone().invert(&q).unwrap();
            let base = group.mul(&b, &group.invert(&group.vartime_pow(alpha, &response)));
            factor_row.push(group.encode(&group.vartime_pow(&base, &inverse)));
            proof_row.push(Proof { challenge, response }.to_json());
        }
        factors.push(factor_row);
        proofs.push(proof_row);
    }
    serde_json::to_string(&PartialDecryptionJson { decryption_factors: factors, decryption_proofs: proofs }).unwrap()
}

/// A closed 2-of-3 threshold election of two ballots, whose result is `EXPECTED`.
fn closed_threshold_election(rng: &mut ChaCha20Rng) -> (BallotBox, Vec<TrusteeSecretKey>) {
    let (setup, keys) = threshold_setup(rng, &[1, 1, 1]);
    let mut ballot_box = open(&setup);
    for (voter, plaintext) in [(0, "[[1,0,1,0,0],[0,1,0]]"), (1, "[[0,1,1,0,0],[1,0,0]]")] {
        let json = ballot(&ballot_box, &setup.voters[voter], plaintext, rng);
        ballot_box.cast(&json).unwrap();
    }
    ballot_box.close().unwrap();
    (ballot_box, keys)
}

const EXPECTED: [&[u64]; 2] = [&[1, 1, 2, 0, 0], &[1, 1, 0]];

#[test]
fn a_trustee_can_send_a_wrong_decryption_factor_whose_proof_holds() {
    let mut rng = rng("a_trustee_can_send_a_wrong_decryption_factor_whose_proof_holds");
    let (ballot_box, keys) = closed_threshold_election(&mut rng);
    let tally = ballot_box.encrypted_tally().unwrap();
    let key = ballot_box.trustee_key(1).unwrap();
    let forged: PartialDecryptionJson = serde_json::from_str(&forged_partial(&ballot_box, &keys[0], &mut rng)).unwrap();
    let honest: PartialDecryptionJson = serde_json::from_str(&partial(&ballot_box, &keys[0], &mut rng)).unwrap();
    let forged = verify_partial_decryption(ballot_box.election(), tally, key, &forged).unwrap();
    let honest = verify_partial_decryption(ballot_box.election(), tally, key, &honest).unwrap();
    assert_eq!(forged.len(), 8);
    // Every factor verifies, and every one is wrong: `α^x · g^(1/c)`, not `α^x`.
    for (wrong, right) in forged.iter().zip(&honest) {
        assert_ne!(wrong, right);
    }
}

#[test]
fn a_wrong_decryption_factor_is_named_and_the_tally_still_completes() {
    let mut rng = rng("a_wrong_decryption_factor_is_named_and_the_tally_still_completes");
    let expected: Vec<Vec<u64>> = EXPECTED.iter().map(|row| row.to_vec()).collect();

    // Trustee 3 is dishonest; trustees 2 and 3 decrypt first, and the tally does not decrypt: both are suspects.
    let (mut ballot_box, keys) = closed_threshold_election(&mut rng);
    ballot_box.add_partial_decryption(2, &partial(&ballot_box, &keys[1], &mut rng)).unwrap();
    ballot_box.add_partial_decryption(3, &forged_partial(&ballot_box, &keys[2], &mut rng)).unwrap();
    assert_eq!(ballot_box.missing_decryptions(), None);
    let before = ballot_box.to_bytes();
    let result = ballot_box.compute_result();
    refused(&ballot_box, &before, result, Refusal::ResultNotFound { suspects: vec![2, 3] });
    // Trustee 1 decrypts: belenios-tool combines trustees 1 and 2, whose factors give the result; trustee 3's is
    // named as wrong; the archive holds the wrong factor and the result, and belenios-tool verifies it.
    ballot_box.add_partial_decryption(1, &partial(&ballot_box, &keys[0], &mut rng)).unwrap();
    assert_eq!(ballot_box.compute_result().unwrap(), expected);
    assert_eq!(ballot_box.inconsistent_decryptions(), [3]);
    let bytes = ballot_box.to_bytes();
    belenios_verifies("wrong-factor-excluded", &bytes);
    let loaded = BallotBox::load(&bytes, &Quiet).unwrap();
    assert_eq!(loaded.result(), Some(expected.as_slice()));
    assert_eq!(loaded.inconsistent_decryptions(), [3]);

    // Trustee 1 is dishonest: belenios-tool combines its factor whichever others decrypt.
    let (mut ballot_box, keys) = closed_threshold_election(&mut rng);
    ballot_box.add_partial_decryption(1, &forged_partial(&ballot_box, &keys[0], &mut rng)).unwrap();
    ballot_box.add_partial_decryption(2, &partial(&ballot_box, &keys[1], &mut rng)).unwrap();
    let before = ballot_box.to_bytes();
    let result = ballot_box.compute_result();
    refused(&ballot_box, &before, result, Refusal::ResultNotFound { suspects: vec![1, 2] });
    // With trustee 3's decryption, trustees 2 and 3 give the result and show trustee 1's factor wrong; no result is
    // written, since belenios-tool would combine trustees 1 and 2 and refuse it.
    ballot_box.add_partial_decryption(3, &partial(&ballot_box, &keys[2], &mut rng)).unwrap();
    let before = ballot_box.to_bytes();
    let result = ballot_box.compute_result();
    refused(&ballot_box, &before, result, Refusal::InconsistentDecryptions { trustees: vec![1] });
    let message = Error::Refused(Refusal::InconsistentDecryptions { trustees: vec![1] }).to_string();
    assert!(message.contains("the decryption factors of trustee 1 are wrong"), "{message}");
    assert_eq!(ballot_box.status(), Status::Decrypting);
    // The archive as it stands, wrong factor included, verifies in kenes and in belenios-tool.
    verify_archive(ballot_box.archive(), &Quiet).unwrap();
    belenios_verifies("wrong-factor-named", &before);
    // Trustee 3's decryption is not combined, so it cannot be sent again; trustee 1's can: the last one counts.
    let result = ballot_box.add_partial_decryption(3, &partial(&ballot_box, &keys[2], &mut rng));
    refused(&ballot_box, &before, result, Refusal::DuplicateDecryption { trustee: 3 });
    ballot_box.add_partial_decryption(1, &partial(&ballot_box, &keys[0], &mut rng)).unwrap();
    assert_eq!(ballot_box.compute_result().unwrap(), expected);
    assert_eq!(ballot_box.inconsistent_decryptions(), Vec::<usize>::new());
    let bytes = ballot_box.to_bytes();
    belenios_verifies("wrong-factor-replaced", &bytes);
    let loaded = BallotBox::load(&bytes, &Quiet).unwrap();
    assert_eq!(loaded.result(), Some(expected.as_slice()));
    assert_eq!(loaded.decrypted(), [1, 2, 3]);
}
