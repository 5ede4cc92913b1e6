//! A ranked secret election over HTTP, end to end: the secretary sets up an STV question for two seats beside a
//! yes/no question, two trustees send their keys, members cast ranked ballots, the secretary closes, nobody can
//! decrypt before the shuffles, each trustee sends a shuffle made as `kenes election shuffle --output` makes it (a
//! replayed one is refused), the shuffles end when both have shuffled, both decrypt the mixed ballots, and the
//! election's page shows the count stage by stage; kenes and belenios-tool 3.0 verify the archive.
//!
//! Trustees' and voters' cryptography is done here with kenes-crypto, as the browser's JavaScript does it.

use rand::rngs::OsRng;

use kenes_crypto::ballot::BallotContext;
use kenes_crypto::ballot_box::BallotBox;
use kenes_crypto::election::Election;
use kenes_crypto::group::FfGroup;
use kenes_crypto::trustees::TrusteeSecretKey;
use kenes_testkit::program::belenios_tool3;
use kenes_testkit::web::{Browser, Server, sign_in};

use crate::elections::{cast, collect_credential, demo_secretary, get_json, send};

async fn trustee_csrf(trustee: &Browser, election: &str) -> String {
    let page = trustee.get(&format!("{election}/trustee")).await.body;
    page.split("name=\"kenes-csrf\" content=\"").nth(1).unwrap().split('"').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_ranked_secret_election_is_shuffled_by_the_trustees_and_counted_by_stv() {
    let server = Server::start().await;
    let (council, secretary, csrf) = demo_secretary(&server).await;
    let mut form = vec![
        ("csrf", csrf.as_str()),
        ("title", "Delegates to the district"),
        ("q1", "Rank the candidates"),
        ("q1_answers", "Bolat\nDana\nSaule\nErlan"),
        ("q1_kind", "stv"),
        ("q1_seats", "4"),
        ("q1_rules", "meek"),
        ("q2", "Keep the rota?"),
        ("q2_answers", "Yes\nNo"),
        ("q2_min", "1"),
        ("q2_max", "1"),
        ("trustee", "3"),
        ("trustee", "4"),
        // The 2048-bit group that holds a ranking (Ed25519, the default, is tested in `ed25519.rs` and Chromium).
        ("group", "RFC-3526-2048"),
    ];
    // Four seats for four candidates is no election: refused, naming the field.
    let refused = secretary.post(&format!("{council}/elections"), &form).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("q1_seats") || refused.body.contains("Seats"), "{}", refused.body);
    form[5] = ("q1_seats", "2");
    let created = secretary.post(&format!("{council}/elections"), &form).await;
    assert_eq!(created.status, 303, "{}", created.body);
    let election = created.location.unwrap();
    let page = secretary.get(&election).await.body;
    assert!(
        page.contains("Single transferable vote (ranked), 2 seats, Meek&#39;s method")
            || page.contains("Single transferable vote (ranked), 2 seats, Meek's method"),
        "{page}"
    );

    // Two "Single" trustees, Dana (3) and Erlan (4), in the group that holds rankings.
    let group = FfGroup::named("RFC-3526-2048").unwrap();
    let mut trustees = Vec::new();
    for username in ["dana", "erlan"] {
        let browser = sign_in(&server, username).await;
        let csrf = trustee_csrf(&browser, &election).await;
        let ceremony = get_json(&server, &browser, &format!("{election}/ceremony.json")).await;
        assert_eq!(ceremony["group"], "RFC-3526-2048");
        let (key, public) = TrusteeSecretKey::generate(&group, &mut OsRng);
        let text = serde_json::to_string(&public).unwrap();
        let (status, body) = send(&server, &browser, &csrf, &format!("{election}/trustee/pubkey"), text).await;
        assert_eq!(status, 201, "{body}");
        trustees.push((browser, csrf, key));
    }
    let csrf = secretary.get(&election).await.csrf();
    let opened = secretary.post(&format!("{election}/open"), &[("csrf", &csrf)]).await;
    assert_eq!(opened.status, 303, "{}", opened.body);
    let election_text = secretary.get(&format!("{election}/election.json")).await.body;
    let parsed = Election::parse(&election_text).unwrap();
    assert!(parsed.questions[0].non_homomorphic);
    let booth = secretary.get(&format!("{election}/vote")).await.body;
    assert!(booth.contains("data-ranked=\"true\"") && booth.contains("Not ranked"), "{booth}");
    let context = BallotContext::new(&parsed);

    // Six ballots (Bolat, Dana, Saule, Erlan): Bolat is first on three, so he has the quota of 3 for two seats.
    let votes: [[Vec<u32>; 2]; 6] = [
        [vec![1, 2, 0, 0], vec![1, 0]],
        [vec![1, 0, 2, 0], vec![1, 0]],
        [vec![1, 2, 3, 4], vec![0, 1]],
        [vec![0, 1, 0, 2], vec![1, 0]],
        [vec![2, 1, 0, 0], vec![1, 0]],
        [vec![0, 0, 1, 0], vec![0, 1]],
    ];
    for (username, choice) in ["aigerim", "bolat", "dana", "erlan", "farida", "zhanna"].iter().zip(&votes) {
        let voter = sign_in(&server, username).await;
        let (credential, csrf) = collect_credential(&voter, &election).await;
        let (ballot, _) = context.create(&credential, choice, &mut OsRng).unwrap();
        let (status, body) = cast(&server, &voter, &csrf, &election, ballot).await;
        assert_eq!(status, 201, "{username}: {body}");
    }
    let csrf = secretary.get(&election).await.csrf();
    assert_eq!(secretary.post(&format!("{election}/close"), &[("csrf", &csrf)]).await.status, 303);

    // Nobody decrypts before the shuffles.
    let (dana, dana_csrf, dana_key) = &trustees[0];
    let ceremony = get_json(&server, dana, &format!("{election}/ceremony.json")).await;
    assert_eq!((ceremony["shuffles_pending"].as_bool(), ceremony["shuffled"].as_bool()), (Some(true), Some(false)));
    let tally =
        kenes_crypto::tally::parse_encrypted_tally(&parsed, ceremony["encrypted_tally"].as_str().unwrap()).unwrap();
    let early =
        serde_json::to_string(&kenes_crypto::tally::partial_decrypt(&parsed, &tally, dana_key, &mut OsRng)).unwrap();
    let (status, body) = send(&server, dana, dana_csrf, &format!("{election}/trustee/decryption"), early).await;
    assert_eq!(status, 422, "a decryption before the shuffles: {body}");

    // Each trustee shuffles the archive as it stands, as `kenes election shuffle --output` does on their computer.
    let mut first = String::new();
    for (index, (browser, csrf, _)) in trustees.iter().enumerate() {
        let bytes = browser.client.get(server.url(&format!("{election}/archive.bel"))).send().await.unwrap();
        let bytes = bytes.bytes().await.unwrap();
        let ballot_box = BallotBox::load(&bytes, &kenes_crypto::verify::Quiet).unwrap();
        let shuffle = ballot_box.make_shuffle(&mut OsRng).unwrap();
        if index == 1 {
            // Dana's shuffle sent again as Erlan's does not start from the ciphertexts as they stand.
            let (status, body) =
                send(&server, browser, csrf, &format!("{election}/trustee/shuffle"), first.clone()).await;
            assert_eq!(status, 422, "a replayed shuffle: {body}");
        }
        let (status, body) =
            send(&server, browser, csrf, &format!("{election}/trustee/shuffle"), shuffle.clone()).await;
        assert_eq!(status, 201, "{body}");
        first = shuffle;
        let ceremony = get_json(&server, browser, &format!("{election}/ceremony.json")).await;
        assert_eq!(ceremony["shuffles_pending"].as_bool(), Some(index == 0), "{ceremony}");
    }

    // Both decrypt the mixed ballots.
    for (browser, csrf, key) in &trustees {
        let ceremony = get_json(&server, browser, &format!("{election}/ceremony.json")).await;
        let tally =
            kenes_crypto::tally::parse_encrypted_tally(&parsed, ceremony["encrypted_tally"].as_str().unwrap()).unwrap();
        let partial =
            serde_json::to_string(&kenes_crypto::tally::partial_decrypt(&parsed, &tally, key, &mut OsRng)).unwrap();
        let (status, body) = send(&server, browser, csrf, &format!("{election}/trustee/decryption"), partial).await;
        assert_eq!(status, 201, "{body}");
    }
    let page = secretary.get(&election).await.body;
    assert!(page.contains("Elected: Bolat"), "{page}");
    assert!(page.contains("shuffled by trustees Dana, Erlan"), "{page}");
    assert!(page.contains("chart-ranked-1"), "the count is drawn stage by stage: {page}");
    assert!(page.contains("The decrypted ballots"), "{page}");

    // The archive verifies in kenes (which recounts) and in belenios-tool 3.0.
    let bytes = secretary.client.get(server.url(&format!("{election}/archive.bel"))).send().await.unwrap();
    let bytes = bytes.bytes().await.unwrap().to_vec();
    let archive = kenes_crypto::archive::Archive::parse(&bytes).unwrap();
    let summary = kenes_crypto::verify::verify_archive(&archive, &kenes_crypto::verify::Quiet).unwrap();
    assert_eq!(summary.shuffles, vec![1, 2]);
    assert_eq!(summary.result.as_ref().unwrap()[1], vec![4, 2]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(format!("{}.bel", parsed.uuid())), &bytes).unwrap();
    belenios_tool3().in_dir(dir.path()).ok(&["election", "verify"]);
}
