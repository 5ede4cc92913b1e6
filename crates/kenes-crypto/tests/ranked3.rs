//! Non-homomorphic (ranked) questions of Belenios 3 against belenios-tool 3.0: the embedding of small integers in a
//! group element, ballots made by one tool and accepted by the other, and tampered answers refused.

use kenes_crypto::ballot::{AnswerJson, BallotContext, BallotJson};
use kenes_crypto::credential::SecretCredential;
use kenes_crypto::ed25519::Ed25519Group;
use kenes_crypto::election::Election;
use kenes_crypto::group::{FfGroup, Group};
use kenes_testkit::program::belenios_tool3;
use rand_core::RngCore;

use crate::ed25519::tool_election;
use crate::rng;

/// One ranked question (three candidates, Schulze) and one approval question, as the mixed elections of 3.0 have.
pub(crate) const RANKED_TEMPLATE: &str = r#"{"description":"","name":"Ranked","questions":[{"type":"NonHomomorphic","value":{"answers":["Ann","Ben","Cid"],"question":"Rank them"},"extra":{"method":"Schulze","blank":false}},{"answers":["Yes","No"],"min":0,"max":1,"question":"Adopt?"}]}"#;

#[test]
fn small_integers_embed_in_ed25519_and_rfc_3526_and_come_back() {
    let mut rng = rng("embedding");
    let ed = Ed25519Group::new();
    let ff = FfGroup::named("RFC-3526-2048").unwrap();
    assert_eq!(ed.embedding().unwrap().max_values(), 30);
    assert!(FfGroup::named("BELENIOS-2048").unwrap().embedding().is_none());
    for n in [1usize, 3, 7, 30] {
        for _ in 0..8 {
            let values: Vec<u32> = (0..n).map(|_| rng.next_u32() % 256).collect();
            let point = ed.of_ints(&values).unwrap();
            assert!(ed.vartime_is_member(&point));
            assert_eq!(ed.to_ints(&point, n), values);
            let x = ff.of_ints(&values).unwrap();
            assert!(ff.vartime_is_member(&x));
            assert_eq!(ff.to_ints(&x, n), values);
        }
    }
    assert!(ed.of_ints(&[0; 31]).is_err(), "31 integers do not fit in one Ed25519 point");
    assert!(ed.of_ints(&[256]).is_err(), "integers are 8 bits");
}

/// Ballots of an election with a ranked question: belenios-tool 3.0's verify in kenes, kenes' pass the tool's
/// `verify-ballot`, and a ballot whose ranked answer was altered is refused by both, naming the field in kenes.
#[test]
fn ranked_ballots_cross_between_kenes_and_belenios_tool_3() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let (uuid, private) = tool_election(dir, "a@example.org,a\nb@example.org,b\n", RANKED_TEMPLATE);
    let tool = || belenios_tool3().in_dir(dir);
    let raw = std::fs::read_to_string(dir.join("election.json")).unwrap_or_else(|_| {
        // `archive init` may have consumed the setup files: read the election from the archive.
        let bel = std::fs::read(dir.join(format!("{uuid}.bel"))).unwrap();
        let archive = kenes_crypto::archive::Archive::parse(&bel).unwrap();
        let setup = kenes_crypto::verify::read_setup_in::<Ed25519Group>(&archive).unwrap();
        setup.election.raw.clone()
    });
    let election = Election::parse_ed25519(raw.trim_end()).unwrap();
    assert!(election.questions[0].non_homomorphic);
    assert_eq!(election.questions[0].extra, Some(serde_json::json!({"method":"Schulze","blank":false})));
    let context = BallotContext::new(&election);

    // The tool's ballot verifies here.
    std::fs::write(dir.join("cred"), format!("{}\n", private["a"].as_str().unwrap())).unwrap();
    std::fs::write(dir.join("choice"), "[[2,1,3],[1,0]]\n").unwrap();
    let (ok, ballot, err) = tool().run(&["election", "generate-ballot", "--privcred", "cred", "--choice", "choice"]);
    assert!(ok, "{err}");
    let ballot = ballot.trim_end();
    let verified = context.verify(ballot).unwrap();
    assert_eq!(verified.choices[0].len(), 1, "one ciphertext for the whole ranking");

    // Its ranked answer's proof altered (re-signed, so only the proof is wrong) is refused, naming it.
    let mut json: BallotJson = serde_json::from_str(ballot).unwrap();
    let AnswerJson::NonHomomorphic(answer) = &mut json.answers[0] else { panic!("a ranked answer") };
    answer.proof.response = "1".to_owned();
    let credential = SecretCredential::parse(private["a"].as_str().unwrap()).unwrap();
    kenes_crypto::ballot::sign_ballot(&election, &mut json, &credential, &mut rng("resign"));
    let resigned = json.to_canonical();
    let error = context.verify(&resigned).unwrap_err().to_string();
    assert!(error.contains("answer 1: proof"), "{error}");
    std::fs::write(dir.join("ballot.json"), &resigned).unwrap();
    let (ok, _, _) = tool().run(&["election", "verify-ballot", "--ballot", "ballot.json"]);
    assert!(!ok, "belenios-tool 3.0 refuses the altered ballot too");

    // kenes' ballots pass the tool's verify-ballot.
    let mut rng = rng("ranked ballots");
    for (login, ranking) in [("a", [1, 2, 3]), ("b", [3, 1, 2]), ("b", [0, 0, 0])] {
        let credential = SecretCredential::parse(private[login].as_str().unwrap()).unwrap();
        let (ballot, _) = context.create(&credential, &[ranking.to_vec(), vec![0, 1]], &mut rng).unwrap();
        std::fs::write(dir.join("ballot.json"), &ballot).unwrap();
        let (ok, out, err) = tool().run(&["election", "verify-ballot", "--ballot", "ballot.json"]);
        assert!(ok, "kenes' ranked ballot {ranking:?}: {out}{err}");
    }
}

/// A kenes Ed25519 election with the ranked template, two Single trustees and four voters, closed with four
/// ballots: the ballot box, the trustees' keys.
fn closed_ranked_box(
    rng: &mut rand_chacha::ChaCha20Rng,
) -> (kenes_crypto::ballot_box::BallotBox<Ed25519Group>, Vec<kenes_crypto::trustees::TrusteeSecretKey>) {
    let made = crate::ed25519::kenes_election(rng, RANKED_TEMPLATE, &[1, 1, 1, 1], 2);
    let mut ballot_box = made.ballot_box;
    for (voter, ranks) in [[1, 2, 3], [2, 1, 3], [3, 1, 2], [1, 3, 2]].iter().enumerate() {
        let ballot = ballot_box.create_ballot(&made.credentials[voter], &[ranks.to_vec(), vec![1, 0]], rng).unwrap();
        let json = ballot.json().to_owned();
        ballot_box.cast(&json).unwrap();
    }
    ballot_box.close().unwrap();
    (ballot_box, made.keys)
}

fn refusal(error: kenes_crypto::Error) -> String {
    error.to_string()
}

/// The ballot box and the archive's verification hold the mixnet's order: nobody decrypts before the shuffles end,
/// a trustee shuffles once, at least one shuffle is needed, a decryption after the shuffles decrypts the mixed
/// ballots, and a tampered shuffle inside an archive is refused naming the shuffle and the field.
#[test]
fn the_mixnet_runs_in_order_and_an_archive_with_a_bad_shuffle_is_refused() {
    use kenes_crypto::archive::{Archive, EventType};
    use kenes_crypto::tally::partial_decrypt;
    use kenes_crypto::verify::{Quiet, verify_archive};
    let mut rng = rng("mixnet order");
    let (mut ballot_box, keys) = closed_ranked_box(&mut rng);
    let partial = |b: &kenes_crypto::ballot_box::BallotBox<Ed25519Group>, key, rng: &mut rand_chacha::ChaCha20Rng| {
        serde_json::to_string(&partial_decrypt(b.election(), b.encrypted_tally().unwrap(), key, rng)).unwrap()
    };
    let early = partial(&ballot_box, &keys[0], &mut rng);
    let error = refusal(ballot_box.add_partial_decryption(1, &early).unwrap_err());
    assert!(error.contains("shuffled before anyone decrypts"), "{error}");
    let error = refusal(ballot_box.end_shuffles().unwrap_err());
    assert!(error.contains("0 shuffle(s) so far"), "{error}");
    let closed = ballot_box.archive().to_bytes();

    let first = ballot_box.make_shuffle(&mut rng).unwrap();
    let error = refusal(ballot_box.add_shuffle(3, &first).unwrap_err());
    assert!(error.contains("there is no trustee 3"), "{error}");
    ballot_box.add_shuffle(1, &first).unwrap();
    let again = ballot_box.make_shuffle(&mut rng).unwrap();
    let error = refusal(ballot_box.add_shuffle(1, &again).unwrap_err());
    assert!(error.contains("trustee 1 has already shuffled"), "{error}");
    // Trustee 2 sends trustee 1's shuffle again: it does not start from the ciphertexts as they stand.
    let error = refusal(ballot_box.add_shuffle(2, &first).unwrap_err());
    assert!(error.contains("shuffle of trustee 2"), "{error}");
    ballot_box.end_shuffles().unwrap();
    assert_eq!(ballot_box.shufflers(), &[1]);
    let error = refusal(ballot_box.add_shuffle(2, &again).unwrap_err());
    assert!(error.contains("nothing to shuffle"), "{error}");
    for (trustee, key) in keys.iter().enumerate() {
        let p = partial(&ballot_box, key, &mut rng);
        ballot_box.add_partial_decryption(trustee + 1, &p).unwrap();
    }
    let result = ballot_box.compute_result().unwrap();
    let mut ballots: Vec<Vec<u64>> = result[0].chunks(3).map(<[u64]>::to_vec).collect();
    ballots.sort();
    assert_eq!(ballots, vec![vec![1, 2, 3], vec![1, 3, 2], vec![2, 1, 3], vec![3, 1, 2]]);
    assert_eq!(result[1], vec![4, 0]);
    let summary = verify_archive(ballot_box.archive(), &Quiet).unwrap();
    assert_eq!(summary.shuffles, vec![1]);
    assert_eq!(summary.ranked[0].ballots.as_ref().unwrap().len(), 4);

    // Archives a dishonest server could write, each refused.
    let closed = Archive::parse(&closed).unwrap();
    let verify = |archive: &Archive| verify_archive(archive, &Quiet).map(|_| ()).unwrap_err().to_string();
    // Decryption with no shuffle at all.
    let mut unshuffled = closed.clone();
    unshuffled.add_event(EventType::EndShuffles, None);
    let error = verify(&unshuffled);
    assert!(error.contains("the shuffles ended with none"), "{error}");
    // A shuffle whose output was altered (one ciphertext swapped with another input one): proof refused, named.
    let mut json: serde_json::Value = serde_json::from_str(&first).unwrap();
    let columns = json["ciphertexts"][0].as_array_mut().unwrap();
    columns.swap(0, 1);
    let swapped = json.to_string();
    let mut bad = closed.clone();
    let hash = bad.add_data(&swapped);
    bad.add_data_event(EventType::Shuffle, &format!(r#"{{"owner":1,"payload":"{hash}"}}"#));
    let error = verify(&bad);
    assert!(error.contains("shuffle of trustee 1") && error.contains("question"), "{error}");
    // A shuffle by a trustee who does not exist.
    let mut stranger = closed.clone();
    let hash = stranger.add_data(&first);
    stranger.add_data_event(EventType::Shuffle, &format!(r#"{{"owner":7,"payload":"{hash}"}}"#));
    let error = verify(&stranger);
    assert!(error.contains("there is no trustee 7"), "{error}");
    // A partial decryption before EndShuffles.
    let mut hasty = closed.clone();
    let hash = hasty.add_data(&first);
    hasty.add_data_event(EventType::Shuffle, &format!(r#"{{"owner":1,"payload":"{hash}"}}"#));
    let hash = hasty.add_data(&early);
    hasty.add_data_event(EventType::PartialDecryption, &format!(r#"{{"owner":1,"payload":"{hash}"}}"#));
    let error = verify(&hasty);
    assert!(error.contains("a partial decryption before EndShuffles"), "{error}");
}

/// Every ballot of a ranked question weighs 1: an election with weighted voters and a ranked question is refused
/// when it is opened, saying why.
#[test]
fn a_ranked_question_with_weighted_voters_is_refused_at_setup() {
    use kenes_crypto::ballot_box::BallotBox;
    use kenes_crypto::credential::generate_token;
    use kenes_crypto::setup::{Voter, generate_credentials, make_election, parse_template, single_trustees_json};
    use kenes_crypto::trustees::TrusteeSecretKey;
    let mut rng = rng("weighted ranked");
    let group = Ed25519Group::new();
    let uuid = generate_token(14, &mut rng);
    let (_, public) = TrusteeSecretKey::generate(&group, &mut rng);
    let trustees = single_trustees_json(&[public]);
    let voters = vec![Voter { identity: "a".into(), weight: 2 }, Voter { identity: "b".into(), weight: 1 }];
    let made = generate_credentials(&group, &uuid, &voters, &mut rng);
    let election = make_election(&parse_template(RANKED_TEMPLATE).unwrap(), &uuid, &group, &trustees).unwrap();
    let error = BallotBox::<Ed25519Group>::create_in(1, &election, &trustees, &made.public_json).err().unwrap();
    assert!(error.to_string().contains("every ballot weighs 1"), "{error}");
}
