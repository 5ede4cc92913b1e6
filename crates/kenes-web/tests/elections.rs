//! A secret election over HTTP, end to end: the secretary sets it up, three trustees run a 2-of-3 threshold key
//! ceremony, members collect their credentials and cast ballots (one revotes), hostile ballots are refused without
//! changing the board, the secretary closes, two trustees decrypt, and the archive the app serves is verified by
//! kenes and by belenios-tool; the council's record carries the election's hashes and result.
//!
//! Trustees' and voters' cryptography is done here with kenes-crypto, as the browser's JavaScript does it (that
//! JavaScript is tested against the same verifiers in `tests/js/` and in Chromium in `browser.rs`).

use rand::rngs::OsRng;
use serde_json::Value;

use kenes_crypto::ballot::BallotContext;
use kenes_crypto::credential::SecretCredential;
use kenes_crypto::election::Election;
use kenes_crypto::group::FfGroup;
use kenes_crypto::pedersen::{TrusteeSeed, VinputJson};

use kenes_testkit::web::{Browser, Server, demo, sign_in};

/// A JSON exchange as the election pages' scripts make it: raw body, CSRF token in a header.
pub(crate) async fn send(server: &Server, who: &Browser, csrf: &str, path: &str, body: String) -> (u16, Value) {
    let response = who
        .client
        .post(server.url(path))
        .header("x-csrf-token", csrf)
        .header("content-type", "text/plain")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

pub(crate) async fn get_json(server: &Server, who: &Browser, path: &str) -> Value {
    who.client.get(server.url(path)).send().await.unwrap().json().await.unwrap()
}

/// A member collects their credential as the page offers it: a GET shows a button and hands nothing out, the POST
/// behind it does, once. Returns the credential and the session's CSRF token.
pub async fn collect_credential(voter: &Browser, election: &str) -> (SecretCredential, String) {
    let page = voter.get(&format!("{election}/credential")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(!page.body.contains("<code id=\"credential\">"), "a GET hands nothing out: {}", page.body);
    let csrf = page.csrf();
    let page = voter.post(&format!("{election}/credential"), &[("csrf", &csrf)]).await;
    assert_eq!(page.status, 200, "{}", page.body);
    (SecretCredential::parse(&code_in(&page.body, "credential")).unwrap(), csrf)
}

/// Casts a ballot as the booth does: signed in, with the session's CSRF token in a header.
pub async fn cast(server: &Server, voter: &Browser, csrf: &str, election: &str, ballot: String) -> (u16, Value) {
    let response = voter
        .client
        .post(server.url(&format!("{election}/ballot")))
        .header("content-type", "application/json")
        .header("x-csrf-token", csrf)
        .body(ballot)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json::<Value>().await.unwrap_or(Value::Null))
}

/// Steps 3 and 5 of a threshold ceremony over HTTP for `trustees` (each a browser and its trustee page's token),
/// as trustee.js takes them, from their `seeds` of step 1, with a threshold of 2: each sends its polynomial, then
/// reads its vinput and sends its voutput. With `swap`, each trustee after the first first sends the previous one's
/// voutput, which must be refused (it carries another trustee's verification key). Returns the trustees' keys.
pub async fn threshold_steps<G: kenes_crypto::group::Group>(
    server: &Server,
    trustees: &[(Browser, String)],
    election: &str,
    group: &G,
    seeds: Vec<TrusteeSeed>,
    swap: bool,
) -> Vec<kenes_crypto::trustees::TrusteeSecretKey> {
    let ceremony = get_json(server, &trustees[0].0, &format!("{election}/ceremony.json")).await;
    let certs: Vec<kenes_crypto::trustees::SignedMessageJson> = ceremony["certs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| serde_json::from_str(c.as_str().unwrap()).unwrap())
        .collect();
    let mut after = Vec::new();
    for ((browser, csrf), seed) in trustees.iter().zip(seeds) {
        let (next, polynomial) = seed.polynomial(group, &certs, 2, &mut OsRng).unwrap();
        let text = serde_json::to_string(&polynomial).unwrap();
        let (status, body) = send(server, browser, csrf, &format!("{election}/trustee/polynomial"), text).await;
        assert_eq!(status, 201, "{body}");
        after.push(next);
    }
    let mut keys = Vec::new();
    let mut previous: Option<String> = None;
    for ((browser, csrf), next) in trustees.iter().zip(after) {
        let ceremony = get_json(server, browser, &format!("{election}/ceremony.json")).await;
        let vinput: VinputJson = serde_json::from_str(ceremony["vinput"].as_str().unwrap()).unwrap();
        let (seed, voutput) = next.voutput(group, &certs, &vinput, &mut OsRng).unwrap();
        let text = serde_json::to_string(&voutput).unwrap();
        if let Some(other) = previous.replace(text.clone()).filter(|_| swap) {
            let (status, body) = send(server, browser, csrf, &format!("{election}/trustee/voutput"), other).await;
            assert_eq!(status, 422, "a voutput with another trustee's key: {body}");
        }
        let (status, body) = send(server, browser, csrf, &format!("{election}/trustee/voutput"), text).await;
        assert_eq!(status, 201, "{body}");
        keys.push(kenes_crypto::pedersen::threshold_key(group, &seed, &voutput.private_key).unwrap());
    }
    keys
}

/// The demo's council (its path) and its secretary, signed in, with the token of the election set-up form.
pub async fn demo_secretary(server: &Server) -> (String, Browser, String) {
    let demo = demo(server).await;
    let council = format!("/c/{}", demo.council.to_hex());
    let secretary = sign_in(server, "aigerim").await;
    let csrf = secretary.get(&format!("{council}/elections")).await.csrf();
    (council, secretary, csrf)
}

pub fn code_in(body: &str, id: &str) -> String {
    let start =
        body.find(&format!("<code id=\"{id}\">")).unwrap_or_else(|| panic!("no #{id} in {body}")) + id.len() + 12;
    body[start..].split('<').next().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secret_election_runs_from_setup_to_a_verified_result() {
    let server = Server::start().await;
    let demo = demo(&server).await;
    let council = format!("/c/{}", demo.council.to_hex());
    let secretary = sign_in(&server, "aigerim").await;

    // Set up: two questions, trustees Dana (3), Erlan (4) and Farida (5), any two of whom can decrypt.
    let csrf = secretary.get(&format!("{council}/elections")).await.csrf();
    let created = secretary
        .post(
            &format!("{council}/elections"),
            &[
                ("csrf", &csrf),
                ("title", "Delegate to the city hearing"),
                // Belenios 2.0's group, which belenios-tool 2.0 verifies (new elections are on Ed25519).
                ("group", "BELENIOS-2048"),
                ("q1", "Who speaks for us?"),
                ("q1_answers", "Bolat\nDana\nSaule"),
                ("q1_min", "1"),
                ("q1_max", "1"),
                ("q1_blank", "1"),
                ("q2", "Which demands do we bring?"),
                ("q2_answers", "Lights\nSnow\nBus stop"),
                ("q2_min", "0"),
                ("q2_max", "3"),
                ("trustee", "3"),
                ("trustee", "4"),
                ("trustee", "5"),
                ("threshold", "2"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let election = created.location.unwrap();
    // The demo council already holds one tallied election; this is the second.
    assert!(election.ends_with("/e/2"), "{election}");
    let page = secretary.get(&election).await;
    assert!(page.body.contains("Waiting for the trustees"), "{}", page.body);
    // The demo's election: counted, its result on its page, its archive verifying.
    let first = secretary.get(&format!("{council}/e/1")).await.body;
    assert!(first.contains("The result is published") && first.contains("Lights in the courtyards"), "{first}");
    let verified = secretary.get(&format!("{council}/e/1/verify")).await.body;
    assert!(verified.contains("Every proof in the archive checks out"), "{verified}");

    // The key ceremony, step by step; out of turn and strangers are refused.
    let group = FfGroup::named("BELENIOS-2048").unwrap();
    let mut trustees = Vec::new();
    for username in ["dana", "erlan", "farida"] {
        let browser = sign_in(&server, username).await;
        let csrf = browser.get(&format!("{election}/trustee")).await.body;
        let csrf = csrf.split("name=\"kenes-csrf\" content=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
        trustees.push((browser, csrf));
    }
    let (status, body) =
        send(&server, &trustees[0].0, &trustees[0].1, &format!("{election}/trustee/polynomial"), "{}".into()).await;
    assert_eq!(status, 422, "a polynomial before the certificates: {body}");
    let bolat = sign_in(&server, "bolat").await;
    let bolat_csrf = bolat.get(&election).await.body;
    let bolat_csrf = bolat_csrf.split("name=\"csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let (status, _) = send(&server, &bolat, &bolat_csrf, &format!("{election}/trustee/cert"), "{}".into()).await;
    assert_eq!(status, 403, "only trustees take part in the ceremony");

    let mut seeds = Vec::new();
    for (browser, csrf) in &trustees {
        let (seed, cert) = TrusteeSeed::generate(&group, &mut OsRng);
        let (status, body) =
            send(&server, browser, csrf, &format!("{election}/trustee/cert"), serde_json::to_string(&cert).unwrap())
                .await;
        assert_eq!(status, 201, "{body}");
        seeds.push(seed);
    }
    // Steps 3 and 5; another trustee's voutput in one's place is refused from its sender, on arrival.
    let keys = threshold_steps(&server, &trustees, &election, &group, seeds, true).await;

    // The secretary opens voting: election.json is fixed, every voting member gets a credential.
    let csrf = secretary.get(&election).await.csrf();
    let opened = secretary.post(&format!("{election}/open"), &[("csrf", &csrf)]).await;
    assert_eq!(opened.status, 303, "{}", opened.body);
    let election_text = secretary.get(&format!("{election}/election.json")).await.body;
    let parsed = Election::parse(&election_text).unwrap();
    let context = BallotContext::new(&parsed);
    let mut credentials = Vec::new();

    // Members collect their credential once, by a POST (a GET shows the button and hands nothing out); the server
    // forgets it as it shows it.
    let mut voters = Vec::new();
    for username in ["aigerim", "bolat", "dana", "zhanna"] {
        let voter = sign_in(&server, username).await;
        let (credential, csrf) = collect_credential(&voter, &election).await;
        // An answer lost on the way (a dropped connection) costs nothing: for a while the same member is shown the
        // same credential again, from memory (the disk has forgotten it).
        let (again, _) = collect_credential(&voter, &election).await;
        assert_eq!(again.expose(), credential.expose());
        voters.push((voter, csrf));
        credentials.push(credential);
    }

    // Ballots: (blank, Bolat, Dana, Saule) and (Lights, Snow, Bus stop).
    let votes: [[Vec<u32>; 2]; 4] = [
        [vec![0, 0, 1, 0], vec![1, 1, 0]],
        [vec![0, 1, 0, 0], vec![1, 0, 0]],
        [vec![0, 0, 1, 0], vec![1, 1, 1]],
        [vec![1, 0, 0, 0], vec![0, 0, 0]],
    ];
    let anyone = server.browser("en");
    // Each member casts signed in, from their own browser.
    let cast_as = |voter: usize, ballot: String| {
        let (browser, csrf) = &voters[voter];
        cast(&server, browser, csrf, &election, ballot)
    };
    let cast = |ballot: String| cast_as(0, ballot);
    let mut first_ballot = String::new();
    for (voter, (credential, vote)) in credentials.iter().zip(&votes).enumerate() {
        let (ballot, tracker) = context.create(credential, vote, &mut OsRng).unwrap();
        let (status, body) = cast_as(voter, ballot.clone()).await;
        assert_eq!((status, body["tracker"].as_str()), (201, Some(tracker.as_str())), "{body}");
        if first_ballot.is_empty() {
            first_ballot = ballot;
        }
    }
    // Zhanna changes her mind: her new ballot replaces the blank one.
    let (ballot, _) = context.create(&credentials[3], &[vec![0, 0, 0, 1], vec![0, 0, 1]], &mut OsRng).unwrap();
    let (status, body) = cast_as(3, ballot).await;
    assert_eq!((status, body["replaced"].as_bool()), (201, Some(true)), "{body}");

    // Hostile ballots: each refused with a reason, the board unchanged.
    let board = get_json(&server, &anyone, &format!("{election}/board.json")).await;
    let stranger = SecretCredential::generate(&mut OsRng);
    let (stranger_ballot, _) = context.create(&stranger, &votes[0], &mut OsRng).unwrap();
    // A ballot made for the demo's election (number 1), sent to this one, with a credential of this one.
    let other_text = secretary.get(&format!("{council}/e/1/election.json")).await.body;
    let other = Election::<kenes_crypto::ed25519::Ed25519Group>::parse_ed25519(&other_text).unwrap();
    let (other_ballot, _) = BallotContext::new(&other).create(&credentials[1], &votes[0][..1], &mut OsRng).unwrap();
    let mut wrong_proof: Value = serde_json::from_str(&first_ballot).unwrap();
    wrong_proof["answers"][0]["choices"][0]["alpha"] = Value::String("2".into());
    for (what, ballot) in [
        ("malformed JSON", "{\"answers\": [".to_owned()),
        ("a replayed ballot", first_ballot.clone()),
        ("a credential not on the roll", stranger_ballot),
        ("a ballot for another election", other_ballot),
        ("a changed ciphertext", wrong_proof.to_string()),
        ("an oversized body", "x".repeat(kenes_web::elections::MAX_BALLOT + 1)),
    ] {
        let (status, body) = cast(ballot).await;
        assert!(status == 422 || status == 413, "{what}: {status} {body}");
        if status == 422 {
            assert!(
                body["error"]["message"].as_str().unwrap().starts_with("The ballot is refused: "),
                "{what}: {body}"
            );
        }
        assert_eq!(
            get_json(&server, &anyone, &format!("{election}/board.json")).await,
            board,
            "{what} changed the board"
        );
    }
    assert_eq!(board["counted"], 4);
    assert_eq!(board["cast"], 5);

    // Closing; a ballot after it is refused.
    let csrf = secretary.get(&election).await.csrf();
    let closed = secretary.post(&format!("{election}/close"), &[("csrf", &csrf)]).await;
    assert_eq!(closed.status, 303, "{}", closed.body);
    let (late, _) = context.create(&credentials[0], &votes[1], &mut OsRng).unwrap();
    let (status, body) = cast(late).await;
    assert_eq!(status, 422, "a ballot after closing: {body}");

    // Dana and Farida decrypt (2 of 3); a tampered decryption is refused first.
    for (index, key) in [(0, &keys[0]), (2, &keys[2])] {
        let (browser, csrf) = &trustees[index];
        let ceremony = get_json(&server, browser, &format!("{election}/ceremony.json")).await;
        let tally =
            kenes_crypto::tally::parse_encrypted_tally(&parsed, ceremony["encrypted_tally"].as_str().unwrap()).unwrap();
        let partial = kenes_crypto::tally::partial_decrypt(&parsed, &tally, key, &mut OsRng);
        if index == 0 {
            let mut tampered = partial.clone();
            tampered.decryption_factors[0][0] = "4".into();
            let text = serde_json::to_string(&tampered).unwrap();
            let (status, body) = send(&server, browser, csrf, &format!("{election}/trustee/decryption"), text).await;
            assert_eq!(status, 422, "a tampered decryption: {body}");
            // Another trustee's decryption under this trustee's name is refused too.
            let other = kenes_crypto::tally::partial_decrypt(&parsed, &tally, &keys[1], &mut OsRng);
            let (status, _) = send(
                &server,
                browser,
                csrf,
                &format!("{election}/trustee/decryption"),
                serde_json::to_string(&other).unwrap(),
            )
            .await;
            assert_eq!(status, 422);
        }
        let text = serde_json::to_string(&partial).unwrap();
        let (status, body) = send(&server, browser, csrf, &format!("{election}/trustee/decryption"), text).await;
        assert_eq!(status, 201, "{body}");
    }
    let board = get_json(&server, &anyone, &format!("{election}/board.json")).await;
    assert_eq!(board["status"], "tallied", "{board}");
    // Counted: Aigerim Dana+Lights+Snow, Bolat Bolat+Lights, Dana Dana+all three, Zhanna's revote Saule+Bus stop.
    assert_eq!(board["result"], serde_json::json!([[0, 1, 2, 1], [3, 2, 2]]), "{board}");
    let page = secretary.get(&election).await.body;
    assert!(page.contains("The result is published"), "{page}");

    // The archive as served: verified by kenes and belenios-tool; the record holds its hash and the result.
    let archive = secretary
        .client
        .get(server.url(&format!("{election}/archive.bel")))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let summary = kenes_crypto::verify::verify_archive(
        &kenes_crypto::archive::Archive::parse(&archive).unwrap(),
        &kenes_crypto::verify::Quiet,
    )
    .unwrap();
    assert_eq!(summary.result, Some(vec![vec![0, 1, 2, 1], vec![3, 2, 2]]));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(format!("{}.bel", parsed.uuid())), &archive).unwrap();
    let tool = std::env::var("KENES_BELENIOS_TOOL").unwrap_or_else(|_| "/usr/bin/belenios-tool".to_owned());
    let verified =
        std::process::Command::new(tool).current_dir(dir.path()).args(["election", "verify"]).output().unwrap();
    assert!(verified.status.success(), "belenios-tool: {}", String::from_utf8_lossy(&verified.stderr));
    let recorded = server.state.node().read(demo.council, |c| c.election(2).cloned()).unwrap().unwrap();
    assert_eq!(recorded.final_archive_hash.as_deref(), Some(kenes_crypto::election::sha256_hex(&archive).as_str()));
    assert_eq!(recorded.result, Some(vec![vec![0, 1, 2, 1], vec![3, 2, 2]]));
    let verify_page = anyone.get(&format!("{election}/verify")).await.body;
    assert!(
        verify_page.contains("Every proof in the archive checks out") && verify_page.contains("is the one the council"),
        "{verify_page}"
    );
}

/// An election of a meeting: its voters are the members checked in when it opens (observers never vote), and the
/// meeting's page lists it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meetings_secret_ballot_is_for_those_checked_in() {
    let server = Server::start().await;
    let demo = demo(&server).await;
    let council = format!("/c/{}", demo.council.to_hex());
    let secretary = sign_in(&server, "aigerim").await;
    let csrf = secretary.get(&format!("{council}/elections")).await.csrf();
    let created = secretary
        .post(
            &format!("{council}/elections"),
            &[
                ("csrf", &csrf),
                ("title", "Street lights working group"),
                ("group", "BELENIOS-2048"),
                ("q1", "Who joins the working group?"),
                ("q1_answers", "Erlan\nSaule"),
                ("q1_max", "2"),
                ("trustee", "1"),
                ("assembly", "2"),
                ("hall", "1"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let election = created.location.unwrap();
    // The one trustee makes a key (as trustee.js does) and hands in its public half.
    let group = FfGroup::named("BELENIOS-2048").unwrap();
    let (_key, public) = kenes_crypto::trustees::TrusteeSecretKey::generate(&group, &mut OsRng);
    let page = secretary.get(&format!("{election}/trustee")).await.body;
    let csrf = page.split("name=\"kenes-csrf\" content=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let (status, body) = send(
        &server,
        &secretary,
        &csrf,
        &format!("{election}/trustee/pubkey"),
        serde_json::to_string(&public).unwrap(),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let (status, _) = send(
        &server,
        &secretary,
        &csrf,
        &format!("{election}/trustee/pubkey"),
        serde_json::to_string(&public).unwrap(),
    )
    .await;
    assert_eq!(status, 422, "a second key is refused");
    // Hall mode: voting opens only once the slips are printed.
    let page = secretary.get(&election).await;
    assert!(page.body.contains("Hall mode") && page.body.contains("Print the credential slips first"), "{}", page.body);
    let csrf = page.csrf();
    let refused = secretary.post(&format!("{election}/open"), &[("csrf", &csrf)]).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    // Slips for the door, one per voter checked in, each readable as text and as a QR code of its voting link
    // (decoded by zbarimg); made by a POST (a link followed from elsewhere makes none), printed before voting opens.
    let fetched = secretary.client.get(server.url(&format!("{election}/slips.pdf"))).send().await.unwrap();
    assert_eq!(fetched.status().as_u16(), 405, "no slips by GET");
    let response = secretary
        .client
        .post(server.url(&format!("{election}/slips.pdf")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let pdf = response.bytes().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("slips.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let text = std::process::Command::new("pdftotext").arg(&file).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    let credentials: Vec<SecretCredential> = text
        .split_whitespace()
        .filter(|word| word.len() == 19 && word.matches('-').count() == 4)
        .map(|word| SecretCredential::parse(word).unwrap())
        .collect();
    assert_eq!(credentials.len(), 9, "nine slips for nine voters: {text}");
    assert!(text.contains("working group") && text.contains("Slip 9"), "{text}");
    let rendered = std::process::Command::new("pdftoppm")
        .args(["-r", "200", "-png"])
        .arg(&file)
        .arg(dir.path().join("page"))
        .status()
        .unwrap();
    assert!(rendered.success());
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    pages.sort();
    let decoded = std::process::Command::new("zbarimg").args(["--quiet", "--raw"]).args(&pages).output().unwrap();
    let links: Vec<String> = String::from_utf8_lossy(&decoded.stdout).lines().map(str::to_owned).collect();
    assert_eq!(links.len(), 9, "every slip's QR code decodes: {links:?}");
    for credential in &credentials {
        let wanted = format!("{}{election}/vote#credential={}", server.url(""), credential.expose());
        assert!(links.contains(&wanted), "no QR code for {wanted} in {links:?}");
    }
    let opened = secretary.post(&format!("{election}/open"), &[("csrf", &csrf)]).await;
    assert_eq!(opened.status, 303, "{}", opened.body);
    let board = get_json(&server, &secretary, &format!("{election}/board.json")).await;
    // Checked in at the November meeting: ten members, one of whom (Olga) is an observer.
    assert_eq!(board["voters"], 9, "{board}");
    let meeting = secretary.get(&format!("{council}/a/2")).await.body;
    assert!(meeting.contains("Secret ballots of this meeting") && meeting.contains("Street lights working group"));
    // Once voting is open, no more slips.
    let again = secretary.post(&format!("{election}/slips.pdf"), &[("csrf", &csrf)]).await;
    assert!(again.body.contains("Slips are printed before voting opens"), "{}", again.body);
    // The archive names its mode.
    let election_text = secretary.get(&format!("{election}/election.json")).await.body;
    assert!(election_text.contains("Hall mode"), "{election_text}");
    let parsed = Election::parse(&election_text).unwrap();
    // Whoever holds a slip votes, without signing in.
    let (ballot, _) = BallotContext::new(&parsed).create(&credentials[0], &[vec![1, 1]], &mut OsRng).unwrap();
    let stranger = server.browser("en");
    let cast = stranger.client.post(server.url(&format!("{election}/ballot"))).body(ballot).send().await.unwrap();
    assert_eq!(cast.status().as_u16(), 201, "a slip's credential votes");
    // Olga, an observer, has no credential; Timur was not checked in.
    for username in ["olga", "timur"] {
        let member = sign_in(&server, username).await;
        let page = member.get(&format!("{election}/credential")).await.body;
        assert!(page.contains("There is no credential waiting for you"), "{username}: {page}");
    }
}

/// A member holds the credential authority's role: the election cannot open before they send public credentials,
/// one per voter; the server never has a secret credential to hand out, and the authority's credentials vote.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_as_credential_authority_keeps_the_secret_credentials_from_the_server() {
    let server = Server::start().await;
    let demo = demo(&server).await;
    let council = format!("/c/{}", demo.council.to_hex());
    let secretary = sign_in(&server, "aigerim").await;
    let csrf = secretary.get(&format!("{council}/elections")).await.csrf();
    let created = secretary
        .post(
            &format!("{council}/elections"),
            &[
                ("csrf", &csrf),
                ("title", "Snow clearing contractor"),
                ("group", "BELENIOS-2048"),
                ("q1", "Which contractor?"),
                ("q1_answers", "North\nSouth"),
                ("trustee", "1"),
                ("authority", "8"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let election = created.location.unwrap();
    let group = FfGroup::named("BELENIOS-2048").unwrap();
    let (_key, public) = kenes_crypto::trustees::TrusteeSecretKey::generate(&group, &mut OsRng);
    let page = secretary.get(&format!("{election}/trustee")).await.body;
    let csrf = page.split("name=\"kenes-csrf\" content=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let (status, _) = send(
        &server,
        &secretary,
        &csrf,
        &format!("{election}/trustee/pubkey"),
        serde_json::to_string(&public).unwrap(),
    )
    .await;
    assert_eq!(status, 201);
    // Not yet: the authority has not made the credentials. The secretary is not the authority.
    let csrf = secretary.get(&election).await.csrf();
    let early = secretary.post(&format!("{election}/open"), &[("csrf", &csrf)]).await;
    assert!(early.body.contains("Waiting for the trustees") || early.status >= 400, "{}", early.body);
    assert_eq!(secretary.get(&format!("{election}/authority")).await.status, 403);

    // Zhanna (member 8) is the authority: eleven voters; she makes eleven credentials and sends the public half.
    let zhanna = sign_in(&server, "zhanna").await;
    let job = get_json(&server, &zhanna, &format!("{election}/authority.json")).await;
    let voters = job["voters"].as_array().unwrap().len();
    assert_eq!(voters, 11, "{job}");
    let uuid = job["uuid"].as_str().unwrap().to_owned();
    let secrets: Vec<SecretCredential> = (0..voters).map(|_| SecretCredential::generate(&mut OsRng)).collect();
    let mut publics: Vec<String> =
        secrets.iter().map(|c| kenes_crypto::group::Group::encode(&group, &c.public(&group, &uuid))).collect();
    publics.sort();
    let page = zhanna.get(&format!("{election}/authority")).await.body;
    let csrf = page.split("name=\"kenes-csrf\" content=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let too_few = serde_json::to_string(&publics[..3]).unwrap();
    let (status, body) = send(&server, &zhanna, &csrf, &format!("{election}/authority/credentials"), too_few).await;
    assert_eq!(status, 422, "three credentials for eleven voters: {body}");
    let (status, body) =
        send(&server, &zhanna, &csrf, &format!("{election}/authority/credentials"), "[\"5\"]".into()).await;
    assert_eq!(status, 422, "not a group element: {body}");
    let all = serde_json::to_string(&publics).unwrap();
    let (status, body) = send(&server, &zhanna, &csrf, &format!("{election}/authority/credentials"), all.clone()).await;
    assert_eq!(status, 201, "{body}");
    let (status, _) = send(&server, &zhanna, &csrf, &format!("{election}/authority/credentials"), all).await;
    assert_eq!(status, 422, "the credentials are made once");

    let csrf = secretary.get(&election).await.csrf();
    let opened = secretary.post(&format!("{election}/open"), &[("csrf", &csrf)]).await;
    assert_eq!(opened.status, 303, "{}", opened.body);
    // The server has no credential to give anyone.
    let page = secretary.get(&format!("{election}/credential")).await.body;
    assert!(page.contains("There is no credential waiting for you"), "{page}");
    // A ballot with one of the authority's credentials counts.
    let election_text = secretary.get(&format!("{election}/election.json")).await.body;
    let parsed = Election::parse(&election_text).unwrap();
    let context = BallotContext::new(&parsed);
    let (ballot, tracker) = context.create(&secrets[4], &[vec![0, 1]], &mut OsRng).unwrap();
    let (status, answer) = cast(&server, &secretary, &csrf, &election, ballot).await;
    assert_eq!(status, 201, "{answer}");
    assert_eq!(answer["tracker"].as_str(), Some(tracker.as_str()));
    // Stuffing needs the server too: the authority holds every credential, but casts signed in as herself, so
    // she votes once; a second credential is refused, and so is hers in anyone else's hands.
    let zhanna_csrf = zhanna.get(&election).await.csrf();
    let (ballot, _) = context.create(&secrets[5], &[vec![1, 0]], &mut OsRng).unwrap();
    assert_eq!(cast(&server, &zhanna, &zhanna_csrf, &election, ballot).await.0, 201);
    let (ballot, _) = context.create(&secrets[6], &[vec![1, 0]], &mut OsRng).unwrap();
    let (status, answer) = cast(&server, &zhanna, &zhanna_csrf, &election, ballot).await;
    assert_eq!(status, 422, "{answer}");
    assert!(answer["error"]["message"].as_str().unwrap().contains("another credential"), "{answer}");
    let bolat = sign_in(&server, "bolat").await;
    let bolat_csrf = bolat.get(&election).await.csrf();
    let (ballot, _) = context.create(&secrets[5], &[vec![1, 0]], &mut OsRng).unwrap();
    let (status, answer) = cast(&server, &bolat, &bolat_csrf, &election, ballot).await;
    assert_eq!(status, 422, "{answer}");
    assert!(answer["error"]["message"].as_str().unwrap().contains("used by another member"), "{answer}");
    // Without signing in, no credential votes at all; nor with a session but no CSRF token.
    let (ballot, _) = context.create(&secrets[7], &[vec![1, 0]], &mut OsRng).unwrap();
    let response = server.browser("en").client.post(server.url(&format!("{election}/ballot"))).body(ballot.clone());
    let response = response.send().await.unwrap();
    assert_eq!(response.status().as_u16(), 401);
    let response = bolat.client.post(server.url(&format!("{election}/ballot"))).body(ballot).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 403);
    let board = get_json(&server, &secretary, &format!("{election}/board.json")).await;
    assert_eq!(board["cast"], 2, "{board}");

    // Ballots arriving at once are stored together and answered as if cast one at a time: a revote, a replay of a
    // ballot on the board, and a member trying two credentials at once (one binds, the other is refused).
    let (revote, _) = context.create(&secrets[4], &[vec![1, 0]], &mut OsRng).unwrap();
    let (replay, _) = context.create(&secrets[5], &[vec![0, 1]], &mut OsRng).unwrap();
    let (first_try, _) = context.create(&secrets[8], &[vec![1, 0]], &mut OsRng).unwrap();
    let (second_try, _) = context.create(&secrets[9], &[vec![0, 1]], &mut OsRng).unwrap();
    assert_eq!(cast(&server, &zhanna, &zhanna_csrf, &election, replay.clone()).await.0, 201);
    let (a, b, c, d) = tokio::join!(
        cast(&server, &secretary, &csrf, &election, revote),
        cast(&server, &zhanna, &zhanna_csrf, &election, replay),
        cast(&server, &bolat, &bolat_csrf, &election, first_try),
        cast(&server, &bolat, &bolat_csrf, &election, second_try),
    );
    assert_eq!(a.0, 201, "{}", a.1);
    assert_eq!(a.1["replaced"], true, "{}", a.1);
    assert_eq!(b.0, 422, "{}", b.1);
    let mut bolat_answers = [(c.0, c.1), (d.0, d.1)];
    bolat_answers.sort_by_key(|(status, _)| *status);
    assert_eq!(bolat_answers[0].0, 201, "{:?}", bolat_answers);
    assert_eq!(bolat_answers[1].0, 422, "{:?}", bolat_answers);
    assert!(
        bolat_answers[1].1["error"]["message"].as_str().unwrap().contains("another credential"),
        "{bolat_answers:?}"
    );
    let board = get_json(&server, &secretary, &format!("{election}/board.json")).await;
    assert_eq!((board["cast"].as_u64(), board["counted"].as_u64()), (Some(5), Some(3)), "{board}");
    let (council, number) = ids(&election);
    let archive = server.state.node().store().backend().election_archive(council, number).unwrap();
    let archive = kenes_crypto::archive::Archive::parse(&archive).unwrap();
    let summary = kenes_crypto::verify::verify_archive(&archive, &kenes_crypto::verify::Quiet).unwrap();
    assert_eq!(summary.ballots, 5);
}

/// A federation's vote by an imported roll with weights: credentials on slips labelled with each delegation and
/// its weight, and the decrypted result counts each ballot with its weight. A bad roll line is refused by number.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_imported_roll_votes_with_weights() {
    let server = Server::start().await;
    let demo = demo(&server).await;
    let council = format!("/c/{}", demo.council.to_hex());
    let secretary = sign_in(&server, "aigerim").await;
    let csrf = secretary.get(&format!("{council}/elections")).await.csrf();
    let form = |roll: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("title", "District federation budget".to_owned()),
            ("group", "BELENIOS-2048".to_owned()),
            ("q1", "Adopt the budget?".to_owned()),
            ("q1_answers", "Yes\nNo".to_owned()),
            ("trustee", "1".to_owned()),
            ("roll", roll.to_owned()),
        ]
    };
    let as_refs = |fields: &[(&'static str, String)]| fields.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
    let bad = as_refs(&form("Print shop,3\nBakery,zero\n"));
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = secretary.post(&format!("{council}/elections"), &bad).await;
    assert!(refused.body.contains("Line 2 of the roll is not valid"), "{}", refused.body);
    let good = as_refs(&form("Print shop,3\nBakery,2\nCafé\n"));
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let created = secretary.post(&format!("{council}/elections"), &good).await;
    assert_eq!(created.status, 303, "{}", created.body);
    let election = created.location.unwrap();
    let group = FfGroup::named("BELENIOS-2048").unwrap();
    let (key, public) = kenes_crypto::trustees::TrusteeSecretKey::generate(&group, &mut OsRng);
    let page = secretary.get(&format!("{election}/trustee")).await.body;
    let csrf = page.split("name=\"kenes-csrf\" content=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let (status, _) = send(
        &server,
        &secretary,
        &csrf,
        &format!("{election}/trustee/pubkey"),
        serde_json::to_string(&public).unwrap(),
    )
    .await;
    assert_eq!(status, 201);
    // A roll votes in hall mode: its slips are printed before voting opens, and name each delegation and its weight.
    let form_csrf = secretary.get(&election).await.csrf();
    let pdf = secretary
        .client
        .post(server.url(&format!("{election}/slips.pdf")))
        .form(&[("csrf", form_csrf.as_str())])
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(secretary.post(&format!("{election}/open"), &[("csrf", &form_csrf)]).await.status, 303);
    let board = get_json(&server, &secretary, &format!("{election}/board.json")).await;
    assert_eq!(board["voters"], 3, "{board}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("slips.pdf"), &pdf).unwrap();
    let text = std::process::Command::new("pdftotext").arg(dir.path().join("slips.pdf")).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    assert!(
        text.contains("Print shop (3 votes)") && text.contains("Bakery (2 votes)") && text.contains("Café"),
        "{text}"
    );
    // The instructions read as words: laid out at the size they are drawn, none runs into the next.
    let words: Vec<&str> = text.split_whitespace().collect();
    for phrase in [["election's", "Vote", "page"], ["Keep", "this", "slip"]] {
        assert!(words.windows(3).any(|w| w == phrase), "{phrase:?} in {text}");
    }
    // Each slip's own text: its cell of the 2 × 4 grid (A4 in points, 56 pt margins), read on its own.
    let slip = |index: usize| {
        let (x, y) = (56 + (index % 2) * 241, 56 + (index / 2) * 182);
        let cell = std::process::Command::new("pdftotext")
            .args(["-x", &x.to_string(), "-y", &y.to_string(), "-W", "241", "-H", "182"])
            .arg(dir.path().join("slips.pdf"))
            .arg("-")
            .output()
            .unwrap();
        String::from_utf8_lossy(&cell.stdout).into_owned()
    };
    let credential_after = |label: &str| {
        let text = (0..3).map(slip).find(|text| text.contains(label)).unwrap();
        let found = text.split_whitespace().find(|w| w.len() == 19 && w.matches('-').count() == 4).unwrap().to_owned();
        SecretCredential::parse(&found).unwrap()
    };
    // Print shop (3) and Café (1) vote yes, the Bakery (2) votes no.
    let election_text = secretary.get(&format!("{election}/election.json")).await.body;
    let parsed = Election::parse(&election_text).unwrap();
    let context = BallotContext::new(&parsed);
    for (label, vote) in [("Print shop (3 votes)", vec![1, 0]), ("Bakery (2 votes)", vec![0, 1]), ("Café", vec![1, 0])]
    {
        let (ballot, _) = context.create(&credential_after(label), &[vote], &mut OsRng).unwrap();
        let cast = secretary.client.post(server.url(&format!("{election}/ballot"))).body(ballot).send().await.unwrap();
        assert_eq!(cast.status().as_u16(), 201, "{label}");
    }
    close_and_decrypt(&server, &secretary, &csrf, &election, &parsed, &key).await;
    let board = get_json(&server, &secretary, &format!("{election}/board.json")).await;
    assert_eq!(board["result"], serde_json::json!([[4, 2]]), "weighted: {board}");
}

/// The demo council and a second election set up by the secretary, Aigerim (member 1), who is its one trustee with a
/// key made here (as trustee.js would); `extra` adds fields to the set-up form. Returns the election's path, the
/// secretary's browser and the trustee's key.
pub async fn election_with_one_trustee(
    server: &Server,
    extra: &[(&str, &str)],
) -> (String, Browser, kenes_crypto::trustees::TrusteeSecretKey) {
    let demo = demo(server).await;
    let council = format!("/c/{}", demo.council.to_hex());
    let secretary = sign_in(server, "aigerim").await;
    let mut fields = vec![("title", "Treasurer"), ("q1", "Who keeps the accounts?"), ("q1_answers", "Gulnara\nIlyas")];
    fields.extend_from_slice(extra);
    let (election, key) = one_trustee_election(server, &secretary, &council, &fields).await;
    (election, secretary, key)
}

/// An election set up in `council` (its path) by `secretary`, its member 1 and the election's one trustee, with a
/// key made here (as trustee.js would); `fields` are the set-up form's besides the token and the trustee. Returns the
/// election's path and the trustee's key.
pub async fn one_trustee_election(
    server: &Server,
    secretary: &Browser,
    council: &str,
    fields: &[(&str, &str)],
) -> (String, kenes_crypto::trustees::TrusteeSecretKey) {
    let csrf = secretary.get(&format!("{council}/elections")).await.csrf();
    // In Belenios 2.0's group, as the tests that use this helper were written for it.
    let mut form = vec![("csrf", csrf.as_str()), ("trustee", "1"), ("group", "BELENIOS-2048")];
    form.extend_from_slice(fields);
    let created = secretary.post(&format!("{council}/elections"), &form).await;
    assert_eq!(created.status, 303, "{}", created.body);
    let election = created.location.unwrap();
    let group = FfGroup::named("BELENIOS-2048").unwrap();
    let (key, public) = kenes_crypto::trustees::TrusteeSecretKey::generate(&group, &mut OsRng);
    let page = secretary.get(&format!("{election}/trustee")).await.body;
    let csrf = page.split("name=\"kenes-csrf\" content=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let text = serde_json::to_string(&public).unwrap();
    let (status, body) = send(server, secretary, &csrf, &format!("{election}/trustee/pubkey"), text).await;
    assert_eq!(status, 201, "{body}");
    (election, key)
}

/// The secretary closes the election and, as its one trustee (`csrf` is the trustee page's token), decrypts the
/// tally with `key`, as trustee.js would.
pub async fn close_and_decrypt(
    server: &Server,
    secretary: &Browser,
    csrf: &str,
    election: &str,
    parsed: &Election,
    key: &kenes_crypto::trustees::TrusteeSecretKey,
) {
    let form_csrf = secretary.get(election).await.csrf();
    assert_eq!(secretary.post(&format!("{election}/close"), &[("csrf", &form_csrf)]).await.status, 303);
    let ceremony = get_json(server, secretary, &format!("{election}/ceremony.json")).await;
    let tally =
        kenes_crypto::tally::parse_encrypted_tally(parsed, ceremony["encrypted_tally"].as_str().unwrap()).unwrap();
    let partial =
        serde_json::to_string(&kenes_crypto::tally::partial_decrypt(parsed, &tally, key, &mut OsRng)).unwrap();
    let (status, body) = send(server, secretary, csrf, &format!("{election}/trustee/decryption"), partial).await;
    assert_eq!(status, 201, "{body}");
}

pub fn ids(election: &str) -> (kenes_record::EventHash, u32) {
    let mut parts = election.trim_start_matches("/c/").split("/e/");
    let council = kenes_record::EventHash::from_hex(parts.next().unwrap()).unwrap();
    (council, parts.next().unwrap().parse().unwrap())
}

fn status_of(server: &Server, election: &str) -> kenes_council::election::ElectionStatus {
    let (council, number) = ids(election);
    server.state.node().read(council, |c| c.election(number).unwrap().status).unwrap()
}

/// The database file and its write-ahead log, as a copy of the disk would have them.
fn disk_bytes(server: &Server) -> Vec<u8> {
    let mut bytes = Vec::new();
    for name in ["kenes.sqlite3", "kenes.sqlite3-wal"] {
        bytes.extend(std::fs::read(server.data_dir().join(name)).unwrap_or_default());
    }
    bytes
}

/// A credential is secret until its member takes it: a GET, or a form posted from another site, hands nothing out;
/// once taken, neither the database nor its write-ahead log holds it any more (secure_delete, and the log
/// truncated), so a copy of the disk taken afterwards cannot vote.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_collected_credential_leaves_no_trace_on_disk_and_nothing_else_spends_it() {
    let server = Server::start().await;
    let (election, secretary, _) = election_with_one_trustee(&server, &[]).await;
    let csrf = secretary.get(&election).await.csrf();
    assert_eq!(secretary.post(&format!("{election}/open"), &[("csrf", &csrf)]).await.status, 303);
    let (council, number) = ids(&election);
    let setup: kenes_web::elections::Setup = serde_json::from_slice(
        &server.state.node().store().backend().election_setup(council, number).unwrap().unwrap(),
    )
    .unwrap();
    let waiting = setup.credentials[&2].clone();
    // On PostgreSQL a deleted row stays in the server's files until reused (docs/threat-model.md): the files are
    // the SQLite node's only; the rest of the test holds on both.
    let on_sqlite = kenes_testkit::store::database_url(server.data_dir()).is_none();
    assert!(
        !on_sqlite || disk_bytes(&server).windows(waiting.len()).any(|w| w == waiting.as_bytes()),
        "the test finds a credential on disk while it waits"
    );

    let bolat = sign_in(&server, "bolat").await;
    // A GET shows the button and spends nothing; nor does a post from another site.
    let page = bolat.get(&format!("{election}/credential")).await;
    assert!(!page.body.contains(&waiting), "{}", page.body);
    let evil = bolat
        .client
        .post(server.url(&format!("{election}/credential")))
        .header("sec-fetch-site", "cross-site")
        .form(&[("csrf", page.csrf())])
        .send()
        .await
        .unwrap();
    assert_eq!(evil.status().as_u16(), 403);
    let (credential, _) = collect_credential(&bolat, &election).await;
    assert_eq!(credential.expose(), waiting, "the credential was still there to collect");
    if !on_sqlite {
        let (council, number) = ids(&election);
        let stored = server.state.node().store().backend().election_setup(council, number).unwrap().unwrap();
        assert!(!stored.windows(waiting.len()).any(|w| w == waiting.as_bytes()), "the collected credential is kept");
        return;
    }
    let bytes = disk_bytes(&server);
    assert!(!bytes.windows(waiting.len()).any(|w| w == waiting.as_bytes()), "the collected credential is on disk");
    // Another member's, not yet collected, is still there (the search would find one).
    let other = &setup.credentials[&3];
    assert!(bytes.windows(other.len()).any(|w| w == other.as_bytes()));
}

/// Opening, closing and decrypting each write the election's archive and then the council's record. A crash between
/// the two (here: the step run, its record command dropped, the server restarted) leaves a step that finishes when
/// it is taken again, instead of one refused forever.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn steps_cut_short_by_a_crash_finish_when_taken_again() {
    use kenes_council::election::ElectionStatus;
    let server = Server::start().await;
    let (election, _, key) = election_with_one_trustee(&server, &[]).await;
    let (council, number) = ids(&election);
    let me = kenes_council::MemberId(1);

    // Opening: the archive is stored, the record never hears of it.
    let state = server.state.clone();
    tokio::task::spawn_blocking(move || kenes_web::elections::open_election(&state, council, number, me))
        .await
        .unwrap()
        .unwrap();
    let server = server.restart().await;
    assert_eq!(status_of(&server, &election), ElectionStatus::Setup);
    let secretary = sign_in(&server, "aigerim").await;
    let csrf = secretary.get(&election).await.csrf();
    let opened = secretary.post(&format!("{election}/open"), &[("csrf", &csrf)]).await;
    assert_eq!(opened.status, 303, "{}", opened.body);
    assert_eq!(status_of(&server, &election), ElectionStatus::Open);

    // A vote, then closing cut short the same way.
    let (credential, csrf) = collect_credential(&secretary, &election).await;
    let parsed = Election::parse(&secretary.get(&format!("{election}/election.json")).await.body).unwrap();
    let (ballot, _) = BallotContext::new(&parsed).create(&credential, &[vec![0, 1]], &mut OsRng).unwrap();
    assert_eq!(cast(&server, &secretary, &csrf, &election, ballot).await.0, 201);
    let state = server.state.clone();
    tokio::task::spawn_blocking(move || kenes_web::elections::close_election(&state, council, number, me))
        .await
        .unwrap()
        .unwrap();
    let server = server.restart().await;
    assert_eq!(status_of(&server, &election), ElectionStatus::Open);
    let secretary = sign_in(&server, "aigerim").await;
    let csrf = secretary.get(&election).await.csrf();
    let closed = secretary.post(&format!("{election}/close"), &[("csrf", &csrf)]).await;
    assert_eq!(closed.status, 303, "{}", closed.body);
    assert_eq!(status_of(&server, &election), ElectionStatus::Closed);

    // The decryption: the result stored, the record's command lost; the trustee's page sends it again.
    let ceremony = get_json(&server, &secretary, &format!("{election}/ceremony.json")).await;
    let tally =
        kenes_crypto::tally::parse_encrypted_tally(&parsed, ceremony["encrypted_tally"].as_str().unwrap()).unwrap();
    let partial =
        serde_json::to_string(&kenes_crypto::tally::partial_decrypt(&parsed, &tally, &key, &mut OsRng)).unwrap();
    let state = server.state.clone();
    let text = partial.clone();
    let command = tokio::task::spawn_blocking(move || {
        kenes_web::elections::add_decryption(&state, council, number, me, 1, &text)
    })
    .await
    .unwrap()
    .unwrap();
    assert!(command.is_some(), "one trustee of one: the result is computed");
    let server = server.restart().await;
    assert_eq!(status_of(&server, &election), ElectionStatus::Closed);
    let secretary = sign_in(&server, "aigerim").await;
    let page = secretary.get(&format!("{election}/trustee")).await.body;
    let csrf = page.split("name=\"kenes-csrf\" content=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let (status, body) = send(&server, &secretary, &csrf, &format!("{election}/trustee/decryption"), partial).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(status_of(&server, &election), ElectionStatus::Tallied);
    let board = get_json(&server, &secretary, &format!("{election}/board.json")).await;
    assert_eq!(board["result"], serde_json::json!([[0, 1]]), "{board}");
    let recorded = server.state.node().read(council, |c| c.election(number).cloned()).unwrap().unwrap();
    let archive = server.state.node().store().backend().election_archive(council, number).unwrap();
    assert_eq!(recorded.final_archive_hash.as_deref(), Some(kenes_crypto::election::sha256_hex(&archive).as_str()));
}

/// Weights are the roll's: a member acting as credential authority cannot give a credential more than one vote,
/// and an imported roll's weights cannot add up past what a tally can count.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn weights_come_from_the_roll_and_are_bounded() {
    let server = Server::start().await;
    let (election, secretary, _) = election_with_one_trustee(&server, &[("authority", "8")]).await;
    let zhanna = sign_in(&server, "zhanna").await;
    let job = get_json(&server, &zhanna, &format!("{election}/authority.json")).await;
    let uuid = job["uuid"].as_str().unwrap().to_owned();
    let group = FfGroup::named("BELENIOS-2048").unwrap();
    let mut publics: Vec<String> = (0..job["voters"].as_array().unwrap().len())
        .map(|_| {
            kenes_crypto::group::Group::encode(&group, &SecretCredential::generate(&mut OsRng).public(&group, &uuid))
        })
        .collect();
    publics.sort();
    publics[0] = format!("{},1000", publics[0]);
    let page = zhanna.get(&format!("{election}/authority")).await.body;
    let csrf = page.split("name=\"kenes-csrf\" content=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let weighted = serde_json::to_string(&publics).unwrap();
    let (status, body) = send(&server, &zhanna, &csrf, &format!("{election}/authority/credentials"), weighted).await;
    assert_eq!(status, 422, "{body}");
    assert!(body["error"]["message"].as_str().unwrap().contains("weight of 1000"), "{body}");
    // Nothing was kept: the election still waits for the authority.
    let page = secretary.get(&election).await.body;
    assert!(page.contains("Waiting for the credential authority"), "{page}");

    // An imported roll of 5,000 delegations of a million votes each: more than a tally can count.
    let (council, _) = ids(&election);
    let csrf = secretary.get(&format!("/c/{}/elections", council.to_hex())).await.csrf();
    let roll: String = (0..5000).map(|i| format!("Delegation {i},1000000\n")).collect();
    let refused = secretary
        .post(
            &format!("/c/{}/elections", council.to_hex()),
            &[
                ("csrf", csrf.as_str()),
                ("title", "Congress"),
                ("q1", "Adopt?"),
                ("q1_answers", "Yes\nNo"),
                ("trustee", "1"),
                ("roll", roll.as_str()),
            ],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("add up to 5000000000"), "{}", refused.body);
}

/// Whoever presides may make the voting codes before voting opens, so members collect them early; a member who lost
/// theirs gets a new one in its place, and the old one is on no roll: the archive's public credentials hold the new
/// one only, and the old one cannot cast. Once voting opens, Belenios 2.0 fixes the roll and nothing is replaced.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_voting_code_is_reissued_before_voting_and_the_old_one_never_votes() {
    let server = Server::start().await;
    let (election, secretary, _) = election_with_one_trustee(&server, &[]).await;
    let page = secretary.get(&election).await;
    assert!(page.body.contains("Make the voting codes now"), "{}", page.body);
    let csrf = page.csrf();

    // Only whoever presides makes them.
    let dana = sign_in(&server, "dana").await;
    let dana_csrf = dana.get(&election).await.csrf();
    assert_eq!(dana.post(&format!("{election}/credentials"), &[("csrf", &dana_csrf)]).await.status, 403);
    assert_eq!(dana.post(&format!("{election}/reissue/3"), &[("csrf", &dana_csrf)]).await.status, 403);
    // Nothing to replace before they are made.
    let early = secretary.post(&format!("{election}/reissue/3"), &[("csrf", &csrf)]).await;
    assert!(early.body.contains("no voting code to replace"), "{}", early.body);

    let made = secretary.post(&format!("{election}/credentials"), &[("csrf", &csrf)]).await;
    assert_eq!(made.status, 303, "{}", made.body);
    let page = secretary.get(&election).await.body;
    assert!(page.contains("Voting codes made: 11. Collected: 0."), "{page}");
    // Dana is told on his home page, and collects his code before voting opens.
    let home = dana.get("/").await.body;
    assert!(home.contains(&format!("{election}/credential")), "{home}");
    let (lost, _) = collect_credential(&dana, &election).await;
    let collected = dana.post(&format!("{election}/credential"), &[("csrf", &dana_csrf)]).await.body;
    assert!(collected.contains("once voting opens"), "no booth before voting opens: {collected}");
    assert!(secretary.get(&election).await.body.contains("Collected: 1."));

    // She loses it; the secretary issues a new one, which she collects (not the one kept in memory for a retry).
    let reissued = secretary.post(&format!("{election}/reissue/3"), &[("csrf", &csrf)]).await;
    assert_eq!(reissued.status, 303, "{}", reissued.body);
    let (new, _) = collect_credential(&dana, &election).await;
    assert_ne!(new.expose(), lost.expose());
    let stranger = secretary.post(&format!("{election}/reissue/99"), &[("csrf", &csrf)]).await;
    assert!(stranger.body.contains("no voting code to replace"), "{}", stranger.body);

    // Voting opens with the codes made early: the roll is fixed.
    assert_eq!(secretary.post(&format!("{election}/open"), &[("csrf", &csrf)]).await.status, 303);
    let late = secretary.post(&format!("{election}/reissue/3"), &[("csrf", &csrf)]).await;
    assert!(late.body.contains("the roll is fixed"), "{}", late.body);
    assert!(
        secretary.post(&format!("{election}/credentials"), &[("csrf", &csrf)]).await.body.contains("the roll is fixed")
    );
    let archive = secretary.client.get(server.url(&format!("{election}/archive.bel"))).send().await.unwrap();
    let archive = kenes_crypto::archive::Archive::parse(&archive.bytes().await.unwrap()).unwrap();
    let roll = kenes_crypto::verify::read_setup(&archive).unwrap();
    let group = &roll.election.group;
    let on_roll = |c: &SecretCredential| {
        let public = c.public(group, roll.election.uuid());
        roll.credentials.iter().any(|p| p.credential == public)
    };
    assert_eq!(roll.credentials.len(), 11);
    assert!(on_roll(&new) && !on_roll(&lost));

    // The old code cannot cast; the new one can; a member who did not collect early collects now.
    let parsed = Election::parse(&secretary.get(&format!("{election}/election.json")).await.body).unwrap();
    let context = BallotContext::new(&parsed);
    let (ballot, _) = context.create(&lost, &[vec![1, 0]], &mut OsRng).unwrap();
    let (status, body) = cast(&server, &dana, &dana_csrf, &election, ballot).await;
    assert_ne!(status, 201, "the lost code cast: {body}");
    let (ballot, tracker) = context.create(&new, &[vec![1, 0]], &mut OsRng).unwrap();
    let (status, body) = cast(&server, &dana, &dana_csrf, &election, ballot).await;
    assert_eq!((status, body["tracker"].as_str()), (201, Some(tracker.as_str())), "{body}");
    let erlan = sign_in(&server, "erlan").await;
    let (code, erlan_csrf) = collect_credential(&erlan, &election).await;
    assert!(on_roll(&code));
    let (ballot, _) = context.create(&code, &[vec![0, 1]], &mut OsRng).unwrap();
    assert_eq!(cast(&server, &erlan, &erlan_csrf, &election, ballot).await.0, 201);
}

/// Two servers on one PostgreSQL database: members cast through either, each server's ballot box catches up with
/// the pieces the other appended before it appends (so neither forks the archive), and the tally counts every
/// member's last ballot. On SQLite (one process per file) the test has nothing to run.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ballots_cast_through_two_servers_on_one_database_are_all_counted() {
    let server = Server::start().await;
    let (election, secretary, key) = election_with_one_trustee(&server, &[]).await;
    let Some(other) = server.sibling().await else {
        eprintln!("an SQLite database has one server: this test runs in the PostgreSQL pass");
        return;
    };
    let csrf = secretary.get(&election).await.csrf();
    assert_eq!(secretary.post(&format!("{election}/open"), &[("csrf", &csrf)]).await.status, 303);
    // The other server hears of the opening through the database's notification.
    let (council, number) = ids(&election);
    let mut waited = 0;
    while status_of(&other, &election) != kenes_council::election::ElectionStatus::Open {
        assert!(waited < 100, "the other server never saw the election open");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        waited += 1;
    }
    let parsed = Election::parse(&secretary.get(&format!("{election}/election.json")).await.body).unwrap();
    let (credential, csrf) = collect_credential(&secretary, &election).await;
    let ballot = |choice: Vec<u32>| BallotContext::new(&parsed).create(&credential, &[choice], &mut OsRng).unwrap().0;
    // Aigerim through the first server, Bolat through the other, Aigerim again through the other (her last ballot
    // replaces her first), then the first server closes and counts.
    assert_eq!(cast(&server, &secretary, &csrf, &election, ballot(vec![1, 0])).await.0, 201);
    let bolat = sign_in(&other, "bolat").await;
    let (bolat_credential, bolat_csrf) = collect_credential(&bolat, &election).await;
    let bolat_ballot = BallotContext::new(&parsed).create(&bolat_credential, &[vec![0, 1]], &mut OsRng).unwrap().0;
    assert_eq!(cast(&other, &bolat, &bolat_csrf, &election, bolat_ballot).await.0, 201);
    let aigerim_there = sign_in(&other, "aigerim").await;
    let there_csrf = aigerim_there.get(&election).await.csrf();
    assert_eq!(cast(&other, &aigerim_there, &there_csrf, &election, ballot(vec![0, 1])).await.0, 201);
    let page = secretary.get(&format!("{election}/trustee")).await.body;
    let trustee_csrf =
        page.split("name=\"kenes-csrf\" content=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    close_and_decrypt(&server, &secretary, &trustee_csrf, &election, &parsed, &key).await;
    let board = get_json(&server, &secretary, &format!("{election}/board.json")).await;
    assert_eq!(board["result"], serde_json::json!([[0, 2]]), "{board}");
    // One archive, whole: it verifies, with the three ballots in the order they were stored.
    let archive = server.state.node().store().backend().election_archive(council, number).unwrap();
    let summary = kenes_crypto::verify::verify_archive(
        &kenes_crypto::archive::Archive::parse(&archive).unwrap(),
        &kenes_crypto::verify::Quiet,
    )
    .unwrap();
    assert_eq!(summary.ballots, 3);
}
