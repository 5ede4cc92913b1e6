//! Belenios 3's Lists questions against belenios-tool 3.0: an Ed25519 election with a Lists question and an approval
//! question made, voted, tallied and decrypted by the tool is verified by kenes with the tool's result, and a ballot
//! whose list proof, non-zero proof or overall proof is changed is refused, naming the field; Lists ballots made by
//! kenes are accepted by belenios-tool.

use kenes_crypto::archive::Archive;
use kenes_crypto::ballot::{BallotContext, BallotJson, sign_ballot};
use kenes_crypto::credential::SecretCredential;
use kenes_crypto::election::Election;
use kenes_crypto::verify::{Quiet, verify_archive};
use kenes_testkit::program::belenios_tool3;

use crate::rng;

/// The questions: an approval question, then lists A (two candidates) and B (one).
const TEMPLATE: &str = r#"{"description":"Lists on Ed25519","name":"Lists","questions":[{"answers":["Lights","Snow"],"min":0,"max":2,"question":"Which works?"},{"type":"Lists","value":{"answers":[["List A","A1","A2"],["List B","B1"]],"question":"Council?"}}]}"#;

/// A change made to a ballot before it is signed again.
type Change = Box<dyn Fn(&mut BallotJson)>;

#[test]
fn a_belenios_tool_3_election_with_a_lists_question_verifies_in_kenes() {
    let tool = |dir: &std::path::Path| belenios_tool3().in_dir(dir);
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let run = |args: &[&str]| {
        let (ok, out, err) = tool(dir).run(args);
        assert!(ok, "belenios-tool {args:?}: {err}");
        out
    };
    let add_event = |kind: &str, body: &str| {
        let (ok, _, err) = tool(dir).run_with_input(&["archive", "add-event", &format!("--type={kind}")], body);
        assert!(ok, "add-event {kind}: {err}");
    };
    let find = |ext: &str| {
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).find(|p| p.extension().is_some_and(|e| e == ext))
    };
    let (uuid, private) = crate::ed25519::tool_election(
        dir,
        "a@example.org,aigerim,3\nb@example.org,bolat\nc@example.org,dana,2\n",
        TEMPLATE,
    );
    // The archive before any ballot, for belenios-tool to judge kenes' ballots on their own.
    let fresh = tempfile::tempdir().unwrap();
    std::fs::copy(dir.join(format!("{uuid}.bel")), fresh.path().join(format!("{uuid}.bel"))).unwrap();
    let election = Election::parse_ed25519(std::fs::read_to_string(dir.join("election.json")).unwrap().trim()).unwrap();
    assert_eq!(election.questions[1].lists, Some(vec![3, 2]));
    let context = BallotContext::new(&election);

    let ballot_of = |login: &str, choice: &str| {
        std::fs::write(dir.join("cred"), format!("{}\n", private[login].as_str().unwrap())).unwrap();
        std::fs::write(dir.join("choice"), format!("{choice}\n")).unwrap();
        tool(dir).run(&["election", "generate-ballot", "--privcred", "cred", "--choice", "choice"])
    };
    // A Lists answer cannot be blank: one list and one of its candidates must be chosen (the non-zero proof of
    // §4.15), so the tool refuses an empty list choice, and a list chosen without a candidate.
    for empty in ["[[1,0],[[0,0,0],[0,0]]]", "[[1,0],[[1,0,0],[0,0]]]"] {
        let (ok, _, _) = ballot_of("aigerim", empty);
        assert!(!ok, "belenios-tool made a ballot for {empty}");
    }
    let mut ballots = Vec::new();
    for (login, choice) in [
        ("aigerim", "[[1,1],[[1,1,0],[0,0]]]"),
        ("bolat", "[[0,1],[[0,0,0],[1,1]]]"),
        ("dana", "[[1,0],[[1,1,1],[0,0]]]"),
        ("bolat", "[[0,0],[[1,0,1],[0,0]]]"),
    ] {
        let (ok, ballot, err) = ballot_of(login, choice);
        assert!(ok, "generate-ballot {login} {choice}: {err}");
        let ballot = ballot.trim().to_owned();
        context.verify(&ballot).unwrap_or_else(|e| panic!("{login} {choice}: {e}"));
        add_event("Ballot", &ballot);
        ballots.push((login, ballot));
    }
    add_event("EndBallots", "");
    add_event("EncryptedTally", &run(&["election", "compute-encrypted-tally"]));
    let privkey = find("privkey").unwrap().display().to_string();
    add_event("PartialDecryption", &run(&["election", "decrypt", "--privkey", &privkey, "--trustee-id", "1"]));
    let before_result = std::fs::read(dir.join(format!("{uuid}.bel"))).unwrap();
    let result = run(&["election", "compute-result"]);
    add_event("Result", &result);
    run(&["election", "verify"]);

    // Weights 3 (Aigerim), 2 (Dana) and 1 (Bolat's revote replaces his first ballot): Lights 3+2, Snow 3;
    // List A 3+2+1, A1 3+2, A2 2+1, List B and B1 nothing.
    let theirs: serde_json::Value = serde_json::from_str(&result).unwrap();
    assert_eq!(theirs["result"], serde_json::json!([[5, 3], [[6, 5, 3], [0, 0]]]), "{result}");
    let bel = std::fs::read(dir.join(format!("{uuid}.bel"))).unwrap();
    let summary = verify_archive(&Archive::parse(&bel).unwrap(), &Quiet).unwrap();
    // kenes keeps a Lists question's counts flat, list after list.
    assert_eq!(summary.result, Some(vec![vec![5, 3], vec![6, 5, 3, 0, 0]]));
    assert_eq!((summary.ballots, summary.tallied, summary.total_weight), (4, Some(3), Some(6)));
    // Another result (the chain hashed anew, as a dishonest server would) is refused, the count named in kenes'
    // flat order: B1 is question 2's fifth; so is a result not nested per list.
    for (wrong, expected) in [
        (r#"{"result":[[5,3],[[6,5,3],[0,1]]]}"#, "result question 2 choice 5"),
        (r#"{"result":[[5,3],[6,5,3,0,0]]}"#, "result question 2"),
    ] {
        std::fs::write(dir.join(format!("{uuid}.bel")), &before_result).unwrap();
        add_event("Result", wrong);
        let bel = std::fs::read(dir.join(format!("{uuid}.bel"))).unwrap();
        let error = verify_archive(&Archive::parse(&bel).unwrap(), &Quiet).unwrap_err().to_string();
        assert!(error.contains(expected), "expected {expected:?}, got {error}");
    }

    // Aigerim's ballot with one proof of its Lists answer changed, signed again so that only the proof is wrong.
    let (_, aigerim) = &ballots[0];
    let credential = SecretCredential::parse(private["aigerim"].as_str().unwrap()).unwrap();
    let mut rng = rng("lists3 altered ballots");
    let mut altered = |change: &dyn Fn(&mut BallotJson)| {
        let mut ballot: BallotJson = serde_json::from_str(aigerim).unwrap();
        change(&mut ballot);
        sign_ballot(&election, &mut ballot, &credential, &mut rng);
        context.verify(&ballot.to_canonical()).map(|_| ()).unwrap_err().to_string()
    };
    let lists = |ballot: &mut BallotJson| ballot.answers[1].lists_mut().unwrap().clone();
    let cases: [(&str, Change); 6] = [
        (
            "answer 2: list_proofs 2",
            Box::new(|b: &mut BallotJson| {
                let answer = b.answers[1].lists_mut().unwrap();
                answer.list_proofs[1][0].response = answer.list_proofs[1][1].response.clone();
            }),
        ),
        (
            "answer 2: list_proofs 1",
            Box::new(|b: &mut BallotJson| b.answers[1].lists_mut().unwrap().list_proofs[0].swap(0, 1)),
        ),
        (
            "answer 2: nonzero_proof",
            Box::new(|b: &mut BallotJson| {
                let answer = b.answers[1].lists_mut().unwrap();
                answer.nonzero_proof.response.swap(0, 1);
            }),
        ),
        (
            "answer 2: nonzero_proof",
            Box::new(|b: &mut BallotJson| {
                // The identity as commitment proves nothing (A_0 ≠ 1 is what "non-zero" means).
                let answer = b.answers[1].lists_mut().unwrap();
                answer.nonzero_proof.commitment = format!("{}1", "0".repeat(63));
            }),
        ),
        (
            "answer 2: overall_proof",
            Box::new(|b: &mut BallotJson| {
                let answer = b.answers[1].lists_mut().unwrap();
                answer.overall_proof.response = answer.overall_proof.challenge.clone();
            }),
        ),
        (
            "answer 2: list_proofs has 1 proofs for 2 lists",
            Box::new(|b: &mut BallotJson| {
                b.answers[1].lists_mut().unwrap().list_proofs.pop();
            }),
        ),
    ];
    for (expected, change) in cases {
        let error = altered(&*change);
        assert!(error.contains(expected), "expected {expected:?}, got {error}");
    }
    // The lists' ciphertexts swapped: each proof still holds alone, the statement S they are bound to does not.
    let error = altered(&|b: &mut BallotJson| {
        let mut answer = lists(b);
        answer.choices[0].swap(1, 2);
        answer.individual_proofs[0].swap(1, 2);
        *b.answers[1].lists_mut().unwrap() = answer;
    });
    assert!(error.contains("answer 2: overall_proof"), "{error}");
    // A Lists answer given to the approval question, and the other way round, is refused by its shape.
    let error = altered(&|b: &mut BallotJson| b.answers.swap(0, 1));
    assert!(error.contains("answer 1: a Lists answer to a homomorphic question"), "{error}");

    // kenes makes Lists answers (flat: each list's name then its candidates) that both kenes and belenios-tool accept.
    for plaintext in [vec![vec![1, 0], vec![1, 1, 0, 0, 0]], vec![vec![0, 0], vec![0, 0, 0, 1, 1]]] {
        let (ballot, _) = context.create(&credential, &plaintext, &mut rng).unwrap();
        context.verify(&ballot).unwrap();
        std::fs::write(fresh.path().join("ballot.json"), &ballot).unwrap();
        let (ok, out, err) =
            belenios_tool3().in_dir(fresh.path()).run(&["election", "verify-ballot", "--ballot", "ballot.json"]);
        assert!(ok, "belenios-tool refuses kenes' ballot for {plaintext:?}: {out}{err}");
    }
    // And refuses what a Lists answer cannot say.
    for (lists, expected) in [
        (vec![0, 0, 0, 0, 0], "exactly one list must be chosen, got 0"),
        (vec![1, 1, 0, 1, 1], "exactly one list must be chosen, got 2"),
        (vec![1, 0, 0, 0, 0], "choose at least one candidate"),
        (vec![1, 1, 0, 0, 1], "list 2 is not chosen"),
        (vec![1, 1, 0, 0], "needs 5 values"),
    ] {
        let error = context.create(&credential, &[vec![1, 0], lists], &mut rng).map(|_| ()).unwrap_err().to_string();
        assert!(error.contains(expected), "expected {expected:?}, got {error}");
    }
}

/// A Lists election run by kenes from set-up to result (ballots through its ballot box, the tally, a partial
/// decryption and the result, each written nested per list as Belenios writes them) verifies in belenios-tool 3.0,
/// which computes the same result.
#[test]
fn a_lists_election_kenes_runs_verifies_in_belenios_tool_3() {
    use kenes_crypto::tally::{partial_decrypt, partial_decryption_to_json};
    let mut rng = rng("kenes runs a lists election");
    let made = crate::ed25519::kenes_election(&mut rng, TEMPLATE, &[1, 1, 1], 1);
    let (mut ballot_box, uuid, key) = (made.ballot_box, made.uuid, &made.keys[0]);
    // (Lights, Snow) and (List A, A1, A2, List B, B1).
    for (voter, plaintext) in [
        (0, vec![vec![1, 0], vec![1, 1, 0, 0, 0]]),
        (1, vec![vec![1, 1], vec![0, 0, 0, 1, 1]]),
        (2, vec![vec![0, 0], vec![1, 1, 1, 0, 0]]),
    ] {
        let ballot = ballot_box.create_ballot(&made.credentials[voter], &plaintext, &mut rng).unwrap();
        let json = ballot.json().to_owned();
        ballot_box.cast(&json).unwrap();
    }
    ballot_box.close().unwrap();
    let partial = partial_decrypt(ballot_box.election(), ballot_box.encrypted_tally().unwrap(), key, &mut rng);
    let text = partial_decryption_to_json(ballot_box.election(), &partial);
    assert!(text.contains("[[\""), "nested per list: {text:.200}");
    ballot_box.add_partial_decryption(1, &text).unwrap();
    assert_eq!(ballot_box.compute_result().unwrap(), vec![vec![2, 1], vec![2, 2, 1, 1, 1]]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(format!("{uuid}.bel")), ballot_box.to_bytes()).unwrap();
    let (ok, out, err) = belenios_tool3().in_dir(dir.path()).run(&["election", "verify"]);
    assert!(ok, "belenios-tool 3.0 verifies kenes' Lists archive: {out}{err}");
    let (ok, result, err) = belenios_tool3().in_dir(dir.path()).run(&["election", "compute-result"]);
    assert!(ok, "{err}");
    assert_eq!(result.trim(), r#"{"result":[[2,1],[[2,2,1],[1,1]]]}"#);
    let summary = verify_archive(&Archive::parse(&ballot_box.to_bytes()).unwrap(), &Quiet).unwrap();
    assert_eq!(summary.result, Some(vec![vec![2, 1], vec![2, 2, 1, 1, 1]]));
}
