//! The sync protocol against hostile requests and peers, in process: unsigned, stale or misdirected requests are
//! refused; a node the council did not choose is shown nothing; a peer that serves another history signed by the
//! same home node is caught, the two events kept as evidence, and the council followed no further.

use serde_json::{Value, json};

use kenes_record::bundle::{self, Opener};
use kenes_record::{NodeId, NodeKey};
use kenes_store::Peer;
use kenes_testkit::web::{DEMO_PASSWORD, Server, api_session, demo};
use kenes_web::sync::{client, protocol};

/// A GET signed by `key` for `server`, its answers encrypted to `age`; the status and the decrypted body.
async fn signed_get(server: &Server, key: &NodeKey, age: (&str, &str), path: &str, time_ms: i64) -> (u16, Vec<u8>) {
    let asking = protocol::Asking { method: "GET", path, server: &server.state.node().id(), body: b"" };
    let header = protocol::sign_request(|m| key.sign_sync(m), &key.node_id(), age.1, asking, time_ms);
    let response = reqwest::Client::new().get(server.url(path)).header(protocol::HEADER, header).send().await.unwrap();
    let status = response.status().as_u16();
    let bytes = response.bytes().await.unwrap();
    if status != 200 {
        return (status, bytes.to_vec());
    }
    (status, bundle::decrypt(&bytes, Opener::IdentityFile(age.0)).unwrap())
}

async fn card_of(server: &Server) -> String {
    let hello: Value = reqwest::get(server.url("/sync/v1/hello")).await.unwrap().json().await.unwrap();
    hello["card"].as_str().unwrap().to_owned()
}

async fn allow(server: &Server, council: &str, cards: &[&str]) {
    let api = api_session(server, "aigerim", DEMO_PASSWORD).await;
    let response = api
        .client
        .post(server.url(&format!("/api/councils/{council}/copies")))
        .bearer_auth(&api.token)
        .json(&json!({ "nodes": cards }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200, "{}", response.text().await.unwrap());
}

fn peer_of(server: &Server, age: &str) -> Peer {
    Peer {
        url: server.url(""),
        node: server.state.node().id().to_hex(),
        age: age.to_owned(),
        added_ms: 0,
        last_ok_ms: None,
        last_error: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_that_do_not_verify_and_nodes_not_chosen_get_nothing() {
    let home = Server::start_as(1).await;
    let council = demo(&home).await.council.to_hex();
    // The hello binds the node key and its age recipient with a signature.
    let hello: Value = reqwest::get(home.url("/sync/v1/hello")).await.unwrap().json().await.unwrap();
    let node = NodeId(hex::decode(hello["node"].as_str().unwrap()).unwrap().try_into().unwrap());
    assert_eq!(node, home.state.node().id());
    protocol::verify_hello(&node, hello["age"].as_str().unwrap(), hello["signature"].as_str().unwrap()).unwrap();
    assert!(protocol::verify_hello(&node, "age1other", hello["signature"].as_str().unwrap()).is_err());

    let stranger = NodeKey::from_secret_bytes(&[77; 32]);
    let (secret, recipient) = bundle::generate_identity();
    let age = (secret.as_str(), recipient.as_str());
    let now = kenes_web::auth::now_ms();
    // Unsigned, stale, or signed for another node: refused before anything is read.
    let unsigned = reqwest::get(home.url("/sync/v1/councils")).await.unwrap();
    assert_eq!(unsigned.status().as_u16(), 401);
    let (status, body) = signed_get(&home, &stranger, age, "/sync/v1/councils", now - 10 * 60 * 1000).await;
    assert_eq!(status, 401, "{}", String::from_utf8_lossy(&body));
    let garbage = reqwest::Client::new()
        .get(home.url("/sync/v1/councils"))
        .header(protocol::HEADER, "v1 node=zz age=age1 time=x sig=00")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status().as_u16(), 401);
    // Signed properly by a node the council did not choose: an empty list, and its events are not there.
    let (status, body) = signed_get(&home, &stranger, age, "/sync/v1/councils", now).await;
    assert_eq!((status, body.as_slice()), (200, b"[]".as_slice()));
    let events = format!("/sync/v1/c/{council}/events?from=0");
    assert_eq!(signed_get(&home, &stranger, age, &events, now).await.0, 404);
    // A request made for one path does not serve another.
    let asking = protocol::Asking { method: "GET", path: "/sync/v1/councils", server: &node, body: b"" };
    let header = protocol::sign_request(|m| stranger.sign_sync(m), &stranger.node_id(), age.1, asking, now);
    let moved = reqwest::Client::new().get(home.url(&events)).header(protocol::HEADER, header).send().await.unwrap();
    assert_eq!(moved.status().as_u16(), 401);

    // Once chosen, the same node sees the council and gets its events in a frame with the home node's seal.
    let card = kenes_council::copies::card(
        stranger.node_id(),
        &kenes_council::copies::AgeRecipient::parse(&recipient).unwrap(),
    );
    allow(&home, &council, &[&card]).await;
    let (status, body) = signed_get(&home, &stranger, age, "/sync/v1/councils", now).await;
    assert_eq!(status, 200);
    let listed: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(listed[0]["council"], council.as_str());
    let (status, frame) = signed_get(&home, &stranger, age, &events, now).await;
    assert_eq!(status, 200);
    let (events, seal) = protocol::decode_frame(&frame).unwrap();
    assert_eq!(events.len() as u64, listed[0]["height"].as_u64().unwrap());
    assert_eq!(seal.unwrap().len, events.len() as u64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_peer_showing_another_history_is_caught_and_the_evidence_kept() {
    let home = Server::start_as(1).await;
    let council = demo(&home).await.council;
    let copy = Server::start_as(2).await;
    // A third node, which knows only the copy.
    let third = Server::start_as(3).await;
    allow(&home, &council.to_hex(), &[&card_of(&copy).await, &card_of(&third).await]).await;
    let age = |server: &Server| server.state.node().age_identity().unwrap().1;
    let round = client::round(&copy.state, &peer_of(&home, &age(&home))).await.unwrap();
    client::round(&third.state, &peer_of(&copy, &age(&copy))).await.unwrap();
    assert!(third.state.node().council_ids().contains(&council));
    assert!(round.added > 0 && round.forks.is_empty(), "{round:?}");
    let held = copy.state.node().read(council, |c| c.height()).unwrap();
    // Again: nothing new.
    let again = client::round(&copy.state, &peer_of(&home, &age(&home))).await.unwrap();
    assert_eq!(again.added, 0);
    // Checkpoints: the copy's note on the head is cosigned by the home node and the copy; the third node's, which
    // took it from the copy, by all three. A note naming another head at a height the copy holds is a split view.
    let signers = |server: &Server| {
        let note = server.state.node().checkpoint(council).unwrap();
        let text = note.to_note();
        assert_eq!(kenes_record::checkpoint::SignedCheckpoint::parse(&text).unwrap(), note, "{text}");
        note.signatures.iter().map(|(node, _)| *node).collect::<std::collections::BTreeSet<_>>()
    };
    let ids =
        |servers: &[&Server]| servers.iter().map(|s| s.state.node().id()).collect::<std::collections::BTreeSet<_>>();
    assert_eq!(signers(&copy), ids(&[&home, &copy]));
    client::round(&third.state, &peer_of(&copy, &age(&copy))).await.unwrap();
    assert_eq!(signers(&third), ids(&[&home, &copy, &third]));
    let liar = NodeKey::from_secret_bytes(&[9; 32]);
    let lie = kenes_record::checkpoint::Checkpoint { council, height: held, head: kenes_record::EventHash([0; 32]) }
        .sign(&liar);
    assert_eq!(copy.state.node().witness(&lie).unwrap(), kenes_store::Witnessed::Disagrees);
    assert!(copy.state.node().checkpoint_conflict(council).unwrap().is_some());

    // The home node's twin (same key, copied data) signs another event at the next height than the home node does.
    let twin = home.twin(1).await;
    let add = |name: &'static str| {
        kenes_council::CouncilEvent::MemberAdded(kenes_council::events::MemberAdded {
            by: kenes_council::MemberId(1),
            name: kenes_council::DisplayName::parse(name).unwrap(),
            role: kenes_council::Role::Member,
            via: kenes_council::JoinedVia::Secretary,
        })
    };
    home.state.execute(council, &add("Nurlan")).unwrap();
    twin.state.execute(council, &add("Kairat")).unwrap();
    client::round(&copy.state, &peer_of(&home, &age(&home))).await.unwrap();
    assert_eq!(copy.state.node().read(council, |c| c.height()).unwrap(), held + 1);
    let caught = client::round(&copy.state, &peer_of(&twin, &age(&twin))).await.unwrap();
    assert_eq!(caught.forks, vec![council]);
    let fork = copy.state.node().fork_of(council).unwrap().unwrap();
    assert_eq!(fork.height, held);
    // A member who uses the copy's node reads it on the council's page.
    let backend = copy.state.node().store().backend();
    let hash = kenes_web::auth::hash_password("a long password").unwrap();
    let account = backend.create_account("dana", Some(&hash), false, kenes_web::auth::now_ms()).unwrap();
    backend.link_member(account, council, 3).unwrap();
    let dana = copy.browser("en");
    assert_eq!(dana.post("/signin", &[("username", "dana"), ("password", "a long password")]).await.status, 303);
    let page = dana.get(&format!("/c/{}", council.to_hex())).await.body;
    assert!(page.contains("signed two different histories"), "{page}");
    // The evidence proves itself: two events at one height, both signed by the home node.
    let decode = |hex_text: &str| kenes_record::Event::from_wire(&hex::decode(hex_text).unwrap()).unwrap();
    let (ours, theirs) = (decode(&fork.ours), decode(&fork.theirs));
    assert!(client::proves_fork(&ours, &theirs, home.state.node().id()));
    // The copy follows neither branch further, and no longer passes the council on.
    twin.state.execute(council, &add("Serik")).unwrap();
    client::round(&copy.state, &peer_of(&twin, &age(&twin))).await.unwrap();
    assert_eq!(copy.state.node().read(council, |c| c.height()).unwrap(), held + 1);
    let itself = NodeKey::from_secret_bytes(&[2; 32]);
    let (secret, recipient) = bundle::generate_identity();
    let (status, body) =
        signed_get(&copy, &itself, (&secret, &recipient), "/sync/v1/councils", kenes_web::auth::now_ms()).await;
    assert_eq!((status, String::from_utf8_lossy(&body).as_ref()), (200, "[]"));
    // The evidence is passed on: the third node, which never met the twin, learns of the fork from the copy, checks
    // it, and follows the council no further either.
    let told = client::round(&third.state, &peer_of(&copy, &age(&copy))).await.unwrap();
    assert_eq!(told.forks, vec![council]);
    let passed = third.state.node().fork_of(council).unwrap().unwrap();
    assert!(passed.from.ends_with("(passed on)") && passed.height == held);
    // A peer whose key is not the one approved is refused before anything is asked of it.
    let mut wrong = peer_of(&home, &age(&home));
    wrong.node = "00".repeat(32);
    assert!(client::round(&copy.state, &wrong).await.unwrap_err().contains("not the approved"));
}

/// The Nodes page and the council's choice of copies, as an administrator and a secretary use them: the card to
/// pass on, a peer added only when its key matches the one typed, a sync that brings the other node's council, and
/// nothing of it for a member who is not an administrator.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_adds_a_peer_by_its_key_and_a_secretary_chooses_the_copies() {
    use kenes_testkit::web::sign_in;
    let here = Server::start_as(1).await;
    demo(&here).await;
    let there = Server::start_as(2).await;
    let theirs = demo(&there).await.council;
    let admin = sign_in(&here, "aigerim").await;
    let page = admin.get("/nodes").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&card_of(&here).await), "the card is shown");
    assert_eq!(sign_in(&here, "dana").await.get("/nodes").await.status, 403);

    // A key that is not the one there: refused, nothing added.
    let csrf = page.csrf();
    let url = there.url("");
    let wrong = admin.post("/nodes/peers", &[("csrf", &csrf), ("url", &url), ("key", "0123456789abcdef")]).await;
    assert!(wrong.body.contains("not the one you typed"), "{}", wrong.body);
    assert!(here.state.node().peers().unwrap().is_empty());
    let key = there.state.node().id().to_hex();
    let added = admin.post("/nodes/peers", &[("csrf", &csrf), ("url", &url), ("key", &key[..16])]).await;
    assert!(added.body.contains("The first sync starts now"), "{}", added.body);
    assert_eq!(here.state.node().peers().unwrap().len(), 1);

    // There, the secretary lets this node hold their council, in the council's settings.
    let secretary = sign_in(&there, "aigerim").await;
    let manage = secretary.get(&format!("/c/{}/manage", theirs.to_hex())).await;
    assert!(manage.body.contains("Copies of the record"), "{}", manage.body);
    let bad = secretary
        .post(&format!("/c/{}/copies", theirs.to_hex()), &[("csrf", &manage.csrf()), ("cards", "kenes-node:nonsense")])
        .await;
    assert!(bad.body.contains("node card is not valid"), "{}", bad.body);
    let chosen = secretary
        .post(&format!("/c/{}/copies", theirs.to_hex()), &[("csrf", &manage.csrf()), ("cards", &card_of(&here).await)])
        .await;
    assert_eq!(chosen.status, 303, "{}", chosen.body);
    assert_eq!(there.state.node().read(theirs, |c| c.holders.len()).unwrap(), 1);

    // A round (what the schedule runs) brings their council here.
    let peer = here.state.node().peers().unwrap().remove(0);
    let round = client::round(&here.state, &peer).await.unwrap();
    assert!(here.state.node().council_ids().contains(&theirs));
    // Their tallied election's archive came too, checked against the hash their record carries.
    assert_eq!(round.archives, 1, "{round:?}");
    let number = here
        .state
        .node()
        .read(theirs, |c| c.elections().iter().find(|e| e.final_archive_hash.is_some()).unwrap().id)
        .unwrap();
    let archive = here.state.node().store().backend().election_archive(theirs, number).unwrap();
    let summary = kenes_crypto::verify::verify_archive(
        &kenes_crypto::archive::Archive::parse(&archive).unwrap(),
        &kenes_crypto::verify::Quiet,
    )
    .unwrap();
    assert!(summary.result.is_some());
    assert_eq!(client::round(&here.state, &peer).await.unwrap().archives, 0, "kept once");
    let page = admin.get("/nodes").await.body;
    assert!(page.contains(&there.url("")), "{page}");
}

/// A peer that accepts a connection and never answers, and one that answers garbage: each round ends with an error
/// within the client's time limit, and nothing is kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_peer_and_a_garbage_peer_are_left_with_nothing_kept() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let here = Server::start_as(1).await;
    let (_, age) = bundle::generate_identity();
    let fake = |url: String| Peer {
        url,
        node: "11".repeat(32),
        age: age.clone(),
        added_ms: 0,
        last_ok_ms: None,
        last_error: None,
    };
    // Silent: reads the request and says nothing.
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let silent_url = format!("http://{}", silent.local_addr().unwrap());
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = silent.accept().await else { return };
            tokio::spawn(async move {
                let mut buffer = [0u8; 1024];
                let _ = socket.read(&mut buffer).await;
                tokio::time::sleep(std::time::Duration::from_secs(30)).await;
            });
        }
    });
    let client =
        client::http_client_with(std::time::Duration::from_secs(1), std::time::Duration::from_secs(1)).unwrap();
    let started = std::time::Instant::now();
    let error = client::round_with(&here.state, &fake(silent_url), &client).await.unwrap_err();
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "{error}");
    // Garbage: an HTTP answer whose body is not a hello.
    let garbage = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let garbage_url = format!("http://{}", garbage.local_addr().unwrap());
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = garbage.accept().await else { return };
            let mut buffer = [0u8; 1024];
            let _ = socket.read(&mut buffer).await;
            let _ = socket.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 9\r\n\r\n\x00\x01garbage").await;
        }
    });
    let error = client::round_with(&here.state, &fake(garbage_url), &client).await.unwrap_err();
    assert!(error.contains("not JSON"), "{error}");
    assert!(here.state.node().council_ids().is_empty(), "nothing kept");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_offers_its_own_binary_with_the_hash_of_the_bytes_it_serves() {
    use sha2::Digest;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = Server::start().await;
    demo(&server).await;
    let running = hex::encode(sha2::Sha256::digest(std::fs::read(std::env::current_exe().unwrap()).unwrap()));

    // Anyone who reaches the node sees the page (no account needed), with the hash of the running binary.
    let page = reqwest::get(server.url("/kenes")).await.unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains(&kenes_web::nodes::grouped(&running)), "the page shows the running binary's SHA-256");
    assert!(page.contains("/kenes/download") && page.contains("sha256sum kenes"), "{page}");
    let home = reqwest::get(server.url("/signin")).await.unwrap().text().await.unwrap();
    assert!(home.contains("href=\"/kenes\""), "every page's footer leads to it");

    let checksum = reqwest::get(server.url("/kenes/download.sha256")).await.unwrap().text().await.unwrap();
    assert_eq!(checksum, format!("{running}  kenes\n"));

    // Three downloads at once hold every slot (their readers stall); a fourth is told the node is busy.
    let address = server.url("/").trim_start_matches("http://").trim_end_matches('/').to_owned();
    let mut stalled = Vec::new();
    for _ in 0..kenes_web::spread::MAX_DOWNLOADS {
        let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
        stream.write_all(b"GET /kenes/download HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
        let mut head = [0u8; 12];
        stream.read_exact(&mut head).await.unwrap();
        assert_eq!(&head, b"HTTP/1.1 200");
        stalled.push(stream);
    }
    assert_eq!(reqwest::get(server.url("/kenes/download")).await.unwrap().status(), 503);
    drop(stalled);

    // Once they are gone, a download gets the very bytes whose hash the page shows.
    let mut response = None;
    for _ in 0..100 {
        let attempt = reqwest::get(server.url("/kenes/download")).await.unwrap();
        if attempt.status() == 200 {
            response = Some(attempt);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let response = response.expect("a download slot is free again once the stalled readers left");
    assert_eq!(response.headers()["x-kenes-sha256"], running.as_str());
    let bytes = response.bytes().await.unwrap();
    assert_eq!(hex::encode(sha2::Sha256::digest(&bytes)), running);
}

fn listening(server: &Server, mdns_port: u16) -> kenes_web::sync::nearby::Listening {
    let port = server.url("").rsplit(':').next().unwrap().trim_end_matches('/').parse().unwrap();
    kenes_web::sync::nearby::Listening {
        ip: Some(std::net::Ipv4Addr::LOCALHOST.into()),
        http_port: port,
        https: false,
        mdns_port,
    }
}

/// Discovery is off until an administrator turns it on; then the Nodes page lists a node heard on the network with
/// its whole key, and adding it goes through the same check of its signed hello as an address typed by hand.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_heard_on_the_local_network_is_added_only_after_comparing_its_key() {
    use kenes_testkit::web::sign_in;
    let mdns_port = std::net::UdpSocket::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let here = Server::start_as(1).await;
    demo(&here).await;
    let there = Server::start_as(2).await;
    here.state.discovery().set_listening(listening(&here, mdns_port));
    there.state.discovery().set_listening(listening(&there, mdns_port));
    there.state.discovery().start(there.state.node().id()).unwrap();

    let admin = sign_in(&here, "aigerim").await;
    let page = admin.get("/nodes").await;
    assert!(page.body.contains("Announce this node and look for others"), "off until turned on");
    assert!(!here.state.discovery().is_on());
    // Only an administrator turns it on, with the form's token.
    let member = sign_in(&here, "dana").await;
    let csrf = page.csrf();
    assert_eq!(
        member.post("/nodes/discovery", &[("csrf", &member.get("/").await.csrf()), ("on", "on")]).await.status,
        403
    );
    assert_ne!(admin.post("/nodes/discovery", &[("csrf", "forged"), ("on", "on")]).await.status, 200);
    assert!(!here.state.discovery().is_on());
    let on = admin.post("/nodes/discovery", &[("csrf", &csrf), ("on", "on")]).await;
    assert_eq!(on.status, 200, "{}", on.body);
    assert!(here.state.discovery().is_on() && here.state.node().discovery().unwrap(), "on, and remembered");

    // The other node is heard, with its address and whole key; nothing is added by hearing it.
    let key = there.state.node().id().to_hex();
    let grouped = kenes_web::nodes::grouped(&key);
    let mut heard = String::new();
    for _ in 0..100 {
        heard = admin.get("/nodes").await.body;
        if heard.contains(&grouped) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(heard.contains(&grouped) && heard.contains(there.url("").trim_end_matches('/')), "{heard}");
    assert!(here.state.node().peers().unwrap().is_empty(), "hearing a node adds nothing");

    // The add button posts the address and key it showed; the node's signed hello must give that key.
    let url = there.url("").trim_end_matches('/').to_owned();
    let added = admin.post("/nodes/peers", &[("csrf", &csrf), ("url", &url), ("key", &key)]).await;
    assert!(added.body.contains("The first sync starts now"), "{}", added.body);
    assert_eq!(here.state.node().peers().unwrap()[0].node, key);
    assert!(!admin.get("/nodes").await.body.contains("The keys are the same: add it"), "a peer is not listed again");

    // Off again: it stops announcing and forgets what it heard, and stays off at the next start.
    let off = admin.post("/nodes/discovery", &[("csrf", &csrf), ("on", "off")]).await;
    assert_eq!(off.status, 200);
    assert!(!here.state.discovery().is_on() && !here.state.node().discovery().unwrap());
    there.state.discovery().stop();
}
