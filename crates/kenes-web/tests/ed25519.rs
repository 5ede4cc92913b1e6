//! An election on Ed25519 over HTTP, the group new elections are held in: a 2-of-3 key ceremony in Belenios 3's
//! form (each certificate names its place; one without, or naming another, is refused from its sender), members
//! cast ballots for a marked and a ranked question, the secretary closes, two trustees shuffle (which ends the
//! shuffles: two can decrypt, the third is skipped), the same two decrypt; the election's page counts the ranked
//! question, and kenes and belenios-tool 3.0 verify the archive.
//!
//! Trustees' and voters' cryptography is done here with kenes-crypto, as the browser's JavaScript does it.

use rand::rngs::OsRng;

use kenes_crypto::ballot::BallotContext;
use kenes_crypto::ballot_box::BallotBox;
use kenes_crypto::ed25519::Ed25519Group;
use kenes_crypto::election::Election;
use kenes_crypto::pedersen::TrusteeSeed;
use kenes_crypto::trustees::CertContextJson;
use kenes_testkit::program::belenios_tool3;
use kenes_testkit::web::{Server, sign_in};

use crate::elections::{cast, collect_credential, demo_secretary, get_json, send, threshold_steps};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ed25519_election_with_threshold_trustees_and_a_ranked_question() {
    let server = Server::start().await;
    let (council, secretary, csrf) = demo_secretary(&server).await;
    let mut form = vec![
        ("csrf", csrf.as_str()),
        ("title", "Shop stewards"),
        ("q1", "Keep the rota?"),
        ("q1_answers", "Yes\nNo"),
        ("q2", "Rank the candidates"),
        ("q2_answers", "Bolat\nDana\nSaule"),
        ("q2_kind", "irv"),
        ("q3", "Who chairs the meetings?"),
        ("q3_answers", "Aigul\nBerik"),
        ("q3_kind", "mj"),
        ("q3_grades", "Good\nFair\nPoor"),
        ("trustee", "3"),
        ("trustee", "4"),
        ("trustee", "5"),
        ("threshold", "2"),
        ("group", "BELENIOS-2048"),
    ];
    // BELENIOS-2048 cannot hold a ranking: refused, saying so; the default (no group chosen) is Ed25519.
    let refused = secretary.post(&format!("{council}/elections"), &form).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("cannot be held in BELENIOS-2048"), "{}", refused.body);
    form.pop();
    let created = secretary.post(&format!("{council}/elections"), &form).await;
    assert_eq!(created.status, 303, "{}", created.body);
    let election = created.location.unwrap();

    // The ceremony in Belenios 3's form.
    let group = Ed25519Group::new();
    let mut trustees = Vec::new();
    for username in ["dana", "erlan", "farida"] {
        let browser = sign_in(&server, username).await;
        let page = browser.get(&format!("{election}/trustee")).await.body;
        let csrf = page.split("name=\"kenes-csrf\" content=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
        trustees.push((browser, csrf));
    }
    let ceremony = get_json(&server, &trustees[0].0, &format!("{election}/ceremony.json")).await;
    assert_eq!((ceremony["group"].as_str(), ceremony["threshold"].as_u64()), (Some("Ed25519"), Some(2)));
    let context = |index| CertContextJson { group: "Ed25519".to_owned(), size: 3, threshold: 2, index };
    let mut seeds = Vec::new();
    for (index, (browser, csrf)) in trustees.iter().enumerate() {
        let url = format!("{election}/trustee/cert");
        if index == 0 {
            // Belenios 2.0's certificate (no context), and one for another place: each refused, saying why.
            let (_, plain) = TrusteeSeed::generate(&group, &mut OsRng);
            let (_, elsewhere) = TrusteeSeed::generate_in_context(&group, context(2), &mut OsRng).unwrap();
            for (what, cert) in [("no context", plain), ("another place", elsewhere)] {
                let (status, body) = send(&server, browser, csrf, &url, serde_json::to_string(&cert).unwrap()).await;
                assert_eq!(status, 422, "{what}: {body}");
                assert!(body.to_string().contains("context"), "{what}: {body}");
            }
        }
        let (seed, cert) = TrusteeSeed::generate_in_context(&group, context(index + 1), &mut OsRng).unwrap();
        let (status, body) = send(&server, browser, csrf, &url, serde_json::to_string(&cert).unwrap()).await;
        assert_eq!(status, 201, "{body}");
        seeds.push(seed);
    }
    let keys = threshold_steps(&server, &trustees, &election, &group, seeds, false).await;

    let csrf = secretary.get(&election).await.csrf();
    let opened = secretary.post(&format!("{election}/open"), &[("csrf", &csrf)]).await;
    assert_eq!(opened.status, 303, "{}", opened.body);
    let election_text = secretary.get(&format!("{election}/election.json")).await.body;
    let parsed = Election::<Ed25519Group>::parse_ed25519(&election_text).unwrap();
    assert!(parsed.questions[1].non_homomorphic && parsed.questions[2].non_homomorphic);
    let booth = secretary.get(&format!("{election}/vote")).await.body;
    assert!(booth.contains("Choose a grade") && booth.contains(">Fair<"), "the booth offers the grades: {booth}");
    let ballots = BallotContext::new(&parsed);

    // Five ballots for (Yes, No), ranks for (Bolat, Dana, Saule) and grades (1 Good, 2 Fair, 3 Poor) for (Aigul,
    // Berik); a ballot with a changed ciphertext is refused.
    let votes: [[Vec<u32>; 3]; 5] = [
        [vec![1, 0], vec![1, 2, 0], vec![1, 2]],
        [vec![1, 0], vec![2, 1, 3], vec![2, 1]],
        [vec![0, 1], vec![0, 1, 2], vec![1, 3]],
        [vec![1, 0], vec![1, 0, 0], vec![1, 2]],
        [vec![0, 1], vec![3, 2, 1], vec![2, 2]],
    ];
    for (username, choice) in ["aigerim", "bolat", "dana", "erlan", "zhanna"].iter().zip(&votes) {
        let voter = sign_in(&server, username).await;
        let (credential, csrf) = collect_credential(&voter, &election).await;
        // Belenios 3's credentials: four groups of Base58 digits, no checksum.
        assert_eq!(credential.expose().split('-').count(), 4, "{}", credential.expose());
        let (ballot, tracker) = ballots.create(&credential, choice, &mut OsRng).unwrap();
        if *username == "aigerim" {
            let mut changed: serde_json::Value = serde_json::from_str(&ballot).unwrap();
            changed["answers"][0]["choices"][0]["alpha"] = changed["answers"][0]["choices"][1]["alpha"].clone();
            let (status, body) = cast(&server, &voter, &csrf, &election, changed.to_string()).await;
            assert_eq!(status, 422, "a changed ciphertext: {body}");
        }
        let (status, body) = cast(&server, &voter, &csrf, &election, ballot).await;
        assert_eq!((status, body["tracker"].as_str()), (201, Some(tracker.as_str())), "{username}: {body}");
    }
    let csrf = secretary.get(&election).await.csrf();
    assert_eq!(secretary.post(&format!("{election}/close"), &[("csrf", &csrf)]).await.status, 303);

    // Dana and Erlan shuffle; with two of three shuffled the shuffles end (Farida is skipped).
    for (index, (browser, csrf)) in trustees.iter().take(2).enumerate() {
        let bytes = browser.client.get(server.url(&format!("{election}/archive.bel"))).send().await.unwrap();
        let bytes = bytes.bytes().await.unwrap();
        let ballot_box = BallotBox::<Ed25519Group>::load_in(&bytes, &kenes_crypto::verify::Quiet).unwrap();
        let shuffle = ballot_box.make_shuffle(&mut OsRng).unwrap();
        let (status, body) = send(&server, browser, csrf, &format!("{election}/trustee/shuffle"), shuffle).await;
        assert_eq!(status, 201, "{body}");
        let ceremony = get_json(&server, browser, &format!("{election}/ceremony.json")).await;
        assert_eq!(ceremony["shuffles_pending"].as_bool(), Some(index == 0), "{ceremony}");
        if index == 0 {
            // The election's page says who has shuffled and who has yet to.
            let page = secretary.get(&election).await.body;
            assert!(page.contains("Dana: has shuffled the ranked ballots"), "{page}");
            assert!(page.contains("Erlan: has not shuffled the ranked ballots yet"), "{page}");
        }
    }
    let farida = get_json(&server, &trustees[2].0, &format!("{election}/ceremony.json")).await;
    assert_eq!(farida["shuffles_pending"].as_bool(), Some(false), "Farida has nothing left to shuffle: {farida}");

    // Dana and Erlan decrypt.
    for ((browser, csrf), key) in trustees.iter().zip(&keys).take(2) {
        let ceremony = get_json(&server, browser, &format!("{election}/ceremony.json")).await;
        let tally =
            kenes_crypto::tally::parse_encrypted_tally(&parsed, ceremony["encrypted_tally"].as_str().unwrap()).unwrap();
        let partial = kenes_crypto::tally::partial_decrypt(&parsed, &tally, key, &mut OsRng);
        let text = kenes_crypto::tally::partial_decryption_to_json(&parsed, &partial);
        let (status, body) = send(&server, browser, csrf, &format!("{election}/trustee/decryption"), text).await;
        assert_eq!(status, 201, "{body}");
    }
    let board = get_json(&server, &secretary, &format!("{election}/board.json")).await;
    assert_eq!(board["status"], "tallied", "{board}");
    assert_eq!(board["result"][0], serde_json::json!([3, 2]), "{board}");
    let page = secretary.get(&election).await.body;
    // First preferences Bolat 2, Dana 2, Saule 1: Saule is excluded, her ballot goes to Dana, who wins 3 to 2.
    assert!(page.contains("Elected: Dana"), "{page}");
    // Majority judgment: Aigul's median grade is Good (1, 1, 1, 2, 2), Berik's Fair (1, 2, 2, 2, 3).
    assert!(page.contains("Elected: Aigul") && page.contains("Majority grade"), "{page}");
    let table = page.split("Majority grade").nth(1).unwrap();
    let (aigul, berik) = (table.find("Aigul").unwrap(), table.find("Berik").unwrap());
    assert!(aigul < berik, "best first: {table}");
    assert!(table[aigul..berik].contains("Good") && table[berik..].contains("Fair"), "{table}");
    assert!(page.contains("shuffled by trustees Dana, Erlan"), "{page}");

    // kenes (which recounts) and belenios-tool 3.0 verify the archive.
    let bytes = secretary.client.get(server.url(&format!("{election}/archive.bel"))).send().await.unwrap();
    let bytes = bytes.bytes().await.unwrap().to_vec();
    let archive = kenes_crypto::archive::Archive::parse(&bytes).unwrap();
    let summary = kenes_crypto::verify::verify_archive(&archive, &kenes_crypto::verify::Quiet).unwrap();
    assert_eq!(summary.shuffles, vec![1, 2]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(format!("{}.bel", parsed.uuid())), &bytes).unwrap();
    belenios_tool3().in_dir(dir.path()).ok(&["election", "verify"]);
}
