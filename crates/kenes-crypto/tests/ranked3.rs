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
