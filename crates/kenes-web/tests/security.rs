//! The attacks a security review found, each made against a real server and refused: sign-in links that would hand
//! over an account, guessing passwords in parallel, login CSRF, a second set-up link, missing headers, a readable
//! data directory, private councils' elections, two set-ups at once, steps cut short by a crash, and the connection
//! and stream limits. The threat model (`docs/threat-model.md`) names each test beside the guarantee it shows.

use std::time::Duration;

use serde_json::json;

use kenes_testkit::web::{ApiSession, Browser, DEMO_PASSWORD, Server, admin_with_council, api_session, demo, sign_in};

/// A browser that sends what a browser on another site's page sends with a form post to this one.
fn from_another_site() -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("sec-fetch-site", "cross-site".parse().unwrap());
    headers.insert("origin", "https://evil.example".parse().unwrap());
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).default_headers(headers).build().unwrap()
}

/// Signed in as the holder of a session: the council page answers 200 (a signed-out browser is sent to sign in).
async fn signed_in_to(browser: &Browser, council: &str) -> bool {
    browser.get(council).await.status == 200
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sign_in_link_never_opens_an_account_with_a_password_admin_rights_or_other_councils() {
    let server = Server::start().await;
    let admin = server.browser("en");
    let council = admin_with_council(&server, &admin).await;
    let csrf = admin.get(&council).await.csrf();

    // The administrator (member 1): no link for her account, by the page or by the API.
    let refused = admin.post(&format!("{council}/members/1/link"), &[("csrf", &csrf)]).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("has an account of their own"), "{}", refused.body);
    let ApiSession { client: api, token, .. } = api_session(&server, "amina", "long enough pass").await;
    let id = council.trim_start_matches("/c/");
    let response =
        api.post(server.url(&format!("/api/councils/{id}/members/1/link"))).bearer_auth(&token).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 422);

    // Dana, added by name, signs in with her link: a password-less account of this council alone.
    let added =
        admin.post(&format!("{council}/members"), &[("csrf", &csrf), ("name", "Dana"), ("role", "member")]).await;
    let dana = server.browser("en");
    assert_eq!(dana.post(&added.shown_link(), &[]).await.status, 303);
    // While she has no password a chair may make her another link; this one waits to be used.
    let waiting = admin.post(&format!("{council}/members/2/link"), &[("csrf", &csrf)]).await;
    assert_eq!(waiting.status, 200, "{}", waiting.body);
    let waiting = waiting.shown_link();
    // Dana sets a password. From then on no link opens her account, not even the one made before.
    let account = dana.get("/account").await;
    let set = dana.post("/account/password", &[("csrf", &account.csrf()), ("password", "dana's own password")]).await;
    assert_eq!(set.status, 200, "{}", set.body);
    let thief = server.browser("en");
    assert_eq!(thief.get(&waiting).await.status, 422, "the link's page says it is dead");
    let used = thief.post(&waiting, &[]).await;
    assert_eq!(used.status, 422, "{}", used.body);
    assert!(!signed_in_to(&thief, &council).await, "the link signed nobody in");
    let again = admin.post(&format!("{council}/members/2/link"), &[("csrf", &csrf)]).await;
    assert_eq!(again.status, 422, "{}", again.body);
    let response =
        api.post(server.url(&format!("/api/councils/{id}/members/2/link"))).bearer_auth(&token).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 422);

    // Erlan, added by name, signs in by link and then joins a second council by invitation: his account now holds
    // another council (and its elections), so no link of the first council may open it.
    let added =
        admin.post(&format!("{council}/members"), &[("csrf", &csrf), ("name", "Erlan"), ("role", "member")]).await;
    let erlan = server.browser("en");
    assert_eq!(erlan.post(&added.shown_link(), &[]).await.status, 303);
    let form = admin.get("/councils/new").await;
    let second = admin
        .post(
            "/councils",
            &[
                ("csrf", form.csrf().as_str()),
                ("name", "Second council"),
                ("kind", "union"),
                ("languages", "en"),
                ("founder", "Amina"),
            ],
        )
        .await
        .location
        .unwrap();
    let invitation =
        admin.post(&format!("{second}/invitations"), &[("csrf", &csrf), ("role", "member")]).await.shown_link();
    assert_eq!(erlan.post(&invitation, &[("display_name", "Erlan")]).await.status, 303);
    let refused = admin.post(&format!("{council}/members/3/link"), &[("csrf", &csrf)]).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_die_when_their_maker_loses_the_role_and_the_member_is_told_of_links_made_for_them() {
    let server = Server::start().await;
    let admin = server.browser("en");
    let council = admin_with_council(&server, &admin).await;
    let csrf = admin.get(&council).await.csrf();
    // Bolat joins as a chair; he makes an invitation and a sign-in link for Dana, a member added by name.
    let invitation =
        admin.post(&format!("{council}/invitations"), &[("csrf", &csrf), ("role", "chair")]).await.shown_link();
    let bolat = server.browser("en");
    let joined = bolat
        .post(&invitation, &[("display_name", "Bolat"), ("username", "bolat"), ("password", "bolat's password")])
        .await;
    assert_eq!(joined.status, 303, "{}", joined.body);
    let added =
        admin.post(&format!("{council}/members"), &[("csrf", &csrf), ("name", "Dana"), ("role", "member")]).await;
    let dana = server.browser("en");
    assert_eq!(dana.post(&added.shown_link(), &[]).await.status, 303);
    let dana_number = 3;
    let bolat_csrf = bolat.get(&council).await.csrf();
    let bolat_invitation =
        bolat.post(&format!("{council}/invitations"), &[("csrf", &bolat_csrf), ("role", "member")]).await.shown_link();
    let bolat_link =
        bolat.post(&format!("{council}/members/{dana_number}/link"), &[("csrf", &bolat_csrf)]).await.shown_link();

    // Bolat signs in as Dana with the link he made (she has no password yet, so a chair may): the attack the
    // notice is for.
    // (Links and sign-ins are timed to the millisecond: a pause keeps each step in its own.)
    let tick = || tokio::time::sleep(Duration::from_millis(5));
    tick().await;
    let impostor = server.browser("en");
    let used = impostor.post(&bolat_link, &[]).await;
    assert_eq!(used.status, 303, "{}", used.body);
    tick().await;
    // He makes another; then Amina makes him an ordinary member. Both of his links die with his role.
    let spare =
        bolat.post(&format!("{council}/members/{dana_number}/link"), &[("csrf", &bolat_csrf)]).await.shown_link();
    let demoted = admin.post(&format!("{council}/members/2/role"), &[("csrf", &csrf), ("role", "member")]).await;
    assert_eq!(demoted.status, 303, "{}", demoted.body);
    for link in [&bolat_invitation, &spare] {
        let stranger = server.browser("en");
        assert_eq!(stranger.get(link).await.status, 422, "{link} still opens");
        let page = stranger
            .post(link, &[("display_name", "Someone"), ("username", "someone"), ("password", "someone's password")])
            .await;
        assert_eq!(page.status, 422, "{link}: {}", page.body);
        assert!(!signed_in_to(&stranger, &council).await);
    }

    // Dana signs in with a link Amina makes: she is taken to her account, which warns her of the link made for her
    // since the last sign-in (Bolat's spare) and lists every link of the last 90 days with its maker and when it
    // was used, Bolat's used one among them.
    let fresh = admin.post(&format!("{council}/members/{dana_number}/link"), &[("csrf", &csrf)]).await.shown_link();
    let dana_later = server.browser("en");
    let signed = dana_later.post(&fresh, &[]).await;
    let to = signed.location.unwrap();
    assert!(to.starts_with("/account?since=") && to.ends_with("#links"), "{to}");
    let account = dana_later.get(&to).await.body;
    assert!(account.contains("Sign-in links were made for you since you last signed in"), "{account}");
    assert!(account.contains("Bolat") && account.contains("Amina"), "{account}");
    assert_eq!(account.matches("(new)").count(), 2, "Bolat's spare and Amina's: {account}");
    assert_eq!(account.matches("<li class=\"link\">").count(), 4, "every link made for Dana is listed: {account}");
    // The warning comes with the sign-in; the list stays.
    let account = dana_later.get("/account").await.body;
    assert!(!account.contains("Sign-in links were made for you"), "{account}");
    assert_eq!(account.matches("<li class=\"link\">").count(), 4, "{account}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_guesses_at_once_get_five_password_checks() {
    let server = Server::start().await;
    let admin = server.browser("en");
    admin_with_council(&server, &admin).await;
    let client = reqwest::Client::new();
    let guesses = (0..200).map(|i| {
        let request = client
            .post(server.url("/signin"))
            .form(&[("username", "amina".to_owned()), ("password", format!("guess number {i}"))]);
        async move { request.send().await.unwrap().status().as_u16() }
    });
    let statuses = futures_util::future::join_all(guesses).await;
    let checked = statuses.iter().filter(|s| **s == 401).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((checked, refused), (5, 195), "{statuses:?}");
    // The right password, too, now waits for the window.
    let right = client.post(server.url("/signin")).form(&[("username", "amina"), ("password", "long enough pass")]);
    assert_eq!(right.send().await.unwrap().status().as_u16(), 429);
    // A username longer than any account's is refused unchecked, and counts against the address like any other.
    let long = "x".repeat(100_000);
    let response = client
        .post(server.url("/signin"))
        .form(&[("username", long.as_str()), ("password", "p")])
        .send()
        .await
        .unwrap();
    assert!(matches!(response.status().as_u16(), 401 | 429), "{}", response.status());
}

/// A session left open on a shared phone cannot be used to guess the owner's password through the password form.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guessing_the_current_password_to_change_it_is_throttled_too() {
    let server = Server::start().await;
    let admin = server.browser("en");
    admin_with_council(&server, &admin).await;
    let csrf = admin.get("/account").await.csrf();
    let mut statuses = Vec::new();
    for i in 0..7 {
        let guess = format!("guess number {i}");
        let fields =
            [("csrf", csrf.as_str()), ("current_password", guess.as_str()), ("password", "a new long password")];
        statuses.push(admin.post("/account/password", &fields).await.status);
    }
    assert_eq!(statuses, [422, 422, 422, 422, 422, 429, 429], "five checks, then refused unchecked");
    // The right one waits for the window too; the password is unchanged.
    let fields =
        [("csrf", csrf.as_str()), ("current_password", "long enough pass"), ("password", "a new long password")];
    assert_eq!(admin.post("/account/password", &fields).await.status, 429);
    let account = server.state.node().store().backend().account_by_username("amina").unwrap().unwrap();
    assert!(kenes_web::auth::check_sign_in(Some(&account), "long enough pass"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forms_posted_from_another_site_are_refused_before_anything_is_spent() {
    let server = Server::start().await;
    let evil = from_another_site();
    // Set-up: refused from elsewhere, and the link still works from the node's own page.
    let response =
        evil.post(server.url(&server.setup_path)).form(&[("username", "mallory"), ("password", "mallory's password")]);
    assert_eq!(response.send().await.unwrap().status().as_u16(), 403);
    let admin = server.browser("en");
    let council = admin_with_council(&server, &admin).await;
    let csrf = admin.get(&council).await.csrf();
    // Sign-in (login CSRF: another site signing a visitor into an account of its choosing).
    let response = evil.post(server.url("/signin")).form(&[("username", "amina"), ("password", "long enough pass")]);
    let response = response.send().await.unwrap();
    assert_eq!(response.status().as_u16(), 403);
    assert!(response.headers().get("set-cookie").is_none(), "no session from another site");
    // An invitation and a sign-in link: refused from elsewhere, unspent, then used from here.
    let invitation =
        admin.post(&format!("{council}/invitations"), &[("csrf", &csrf), ("role", "member")]).await.shown_link();
    let fields = [("display_name", "Mallory"), ("username", "mallory"), ("password", "mallory's password")];
    assert_eq!(evil.post(&invitation).form(&fields).send().await.unwrap().status().as_u16(), 403);
    let added =
        admin.post(&format!("{council}/members"), &[("csrf", &csrf), ("name", "Dana"), ("role", "member")]).await;
    let link = added.shown_link();
    assert_eq!(evil.post(&link).send().await.unwrap().status().as_u16(), 403);
    let visitor = server.browser("en");
    let fields = [("display_name", "Bolat"), ("username", "bolat"), ("password", "bolat's password")];
    assert_eq!(visitor.post(&invitation, &fields).await.status, 303, "the invitation was not spent");
    assert_eq!(server.browser("en").post(&link, &[]).await.status, 303, "the link was not spent");
    // Only Sec-Fetch-Site or only Origin is enough to tell; same-origin posts pass.
    let only_origin = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let response = only_origin
        .post(server.url("/signin"))
        .header("origin", "http://evil.example")
        .form(&[("username", "amina"), ("password", "x")]);
    assert_eq!(response.send().await.unwrap().status().as_u16(), 403);
    let response = only_origin
        .post(server.url("/signin"))
        .header("origin", format!("http://{}", server.addr))
        .header("sec-fetch-site", "same-origin")
        .form(&[("username", "amina"), ("password", "x")]);
    assert_eq!(response.send().await.unwrap().status().as_u16(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_set_up_link_is_dead_once_an_administrator_exists_or_a_newer_one_was_made() {
    let server = Server::start().await;
    // A restart (or another server on the database) before anyone used the first link prints a second one, and the
    // first one no longer works: there is one set-up link at a time.
    let second = kenes_web::first_admin_link(server.state.node()).unwrap().expect("still no account");
    let mallory = server.browser("en");
    assert_eq!(mallory.get(&server.setup_path).await.status, 422);
    let page = mallory.post(&server.setup_path, &[("username", "mallory"), ("password", "mallory's password")]).await;
    assert_eq!(page.status, 422, "{}", page.body);
    let admin = server.browser("en");
    let page = admin.post(&second, &[("username", "amina"), ("password", "long enough pass")]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    // Once there is an administrator, no set-up link works, not even a new one nobody used.
    let third = kenes_web::first_admin_link(server.state.node()).unwrap();
    assert_eq!(third, None, "a node with an administrator makes no set-up link");
    assert_eq!(mallory.get(&second).await.status, 422);
    let page = mallory.post(&second, &[("username", "mallory"), ("password", "mallory's password")]).await;
    assert_eq!(page.status, 422, "{}", page.body);
    let backend = server.state.node().store().backend();
    assert_eq!(backend.account_count().unwrap(), 1);
    assert!(backend.account_by_username("mallory").unwrap().is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_response_carries_the_security_headers() {
    let server = Server::start().await;
    let anyone = reqwest::Client::new();
    for path in ["/", "/signin", "/no/such/page", "/static/live.js", "/api/openapi.json"] {
        let response = anyone.get(server.url(path)).send().await.unwrap();
        let headers = response.headers();
        let policy = headers["content-security-policy"].to_str().unwrap();
        for part in ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"] {
            assert!(policy.contains(part), "{path}: {policy}");
        }
        assert!(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), "{path}: {policy}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
    }
    // No page links a script by `javascript:` (the policy would block it).
    let page = anyone.get(server.url("/no/such/page")).send().await.unwrap().text().await.unwrap();
    assert!(!page.contains("javascript:"), "{page}");
}

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_data_directory_and_its_files_are_the_owners_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("kenes-data");
    // An existing, readable directory and database are made private too.
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    let store = kenes_store::Store::open(&kenes_store::Location::data_dir(&data)).unwrap();
    let node = kenes_store::Node::open(store, || [7; 32]).unwrap();
    // A write, so the write-ahead log and its index exist.
    kenes_web::first_admin_link(&node).unwrap();
    let mode = |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    for name in ["kenes.sqlite3", "kenes.sqlite3-wal", "kenes.sqlite3-shm"] {
        assert_eq!(mode(&data.join(name)), 0o600, "{name}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_elections_set_up_at_once_keep_their_own_questions() {
    let server = Server::start().await;
    let demo = demo(&server).await;
    let council = format!("/c/{}", demo.council.to_hex());
    let secretary = sign_in(&server, "aigerim").await;
    let csrf = secretary.get(&format!("{council}/elections")).await.csrf();
    let created = (0..12).map(|i| {
        let title = format!("Parallel election {i}");
        let question = format!("Question of election {i}?");
        let request = secretary.client.post(server.url(&format!("{council}/elections"))).form(&[
            ("csrf", csrf.clone()),
            ("title", title),
            ("q1", question),
            ("q1_answers", "Yes\nNo".to_owned()),
            ("trustee", "1".to_owned()),
        ]);
        async move { request.send().await.unwrap().status().as_u16() }
    });
    let statuses = futures_util::future::join_all(created).await;
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    let elections = server.state.node().read(demo.council, |c| c.elections().to_vec()).unwrap();
    let mut checked = 0;
    for election in elections.iter().filter(|e| e.title.as_str().starts_with("Parallel election ")) {
        let n = election.title.as_str().trim_start_matches("Parallel election ");
        let page = secretary.get(&format!("{council}/e/{}", election.id)).await.body;
        assert!(
            page.contains(&format!("Question of election {n}?")),
            "election {} shows another's set-up",
            election.id
        );
        checked += 1;
    }
    assert_eq!(checked, 12);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_private_councils_elections_are_for_its_members() {
    let server = Server::start().await;
    let demo = demo(&server).await;
    let council = format!("/c/{}", demo.council.to_hex());
    // The demo's council holds a tallied election (number 1): public, anyone may check it.
    let anyone = server.browser("en");
    let public = [
        format!("{council}/e/1/board.json"),
        format!("{council}/e/1/election.json"),
        format!("{council}/e/1/archive.bel"),
        format!("{council}/e/1/verify"),
    ];
    for path in &public {
        assert_eq!(anyone.get(path).await.status, 200, "{path} while public");
    }
    // The secretary marks the council private.
    let secretary = sign_in(&server, "aigerim").await;
    let csrf = secretary.get(&council).await.csrf();
    let set = secretary
        .post(
            &format!("{council}/settings"),
            &[
                ("csrf", csrf.as_str()),
                ("name", "Riverside Neighbourhood Council"),
                ("languages", "en"),
                ("languages", "kk"),
                ("languages", "ru"),
                ("private", "1"),
            ],
        )
        .await;
    assert_eq!(set.status, 303, "{}", set.body);
    assert!(server.state.node().read(demo.council, |c| c.private).unwrap());
    for path in &public {
        assert_eq!(anyone.get(path).await.status, 404, "{path} for a stranger");
        assert_eq!(secretary.get(path).await.status, 200, "{path} for a member");
    }
    // An API client written before the setting existed renames the council: the council stays private.
    let ApiSession { client: api, token, .. } = api_session(&server, "aigerim", DEMO_PASSWORD).await;
    let id = demo.council.to_hex();
    let renamed = api
        .post(server.url(&format!("/api/councils/{id}/settings")))
        .bearer_auth(&token)
        .json(&json!({ "name": "Riverside Council", "languages": ["en", "kk", "ru"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(renamed.status().as_u16(), 200);
    assert!(server.state.node().read(demo.council, |c| c.private).unwrap(), "still private");
    // The council may publish one election: then that one is anyone's to check again, in the record.
    let csrf = secretary.get(&format!("{council}/e/1")).await.csrf();
    let published = secretary.post(&format!("{council}/e/1/publish"), &[("csrf", &csrf)]).await;
    assert_eq!(published.status, 303, "{}", published.body);
    for path in &public {
        assert_eq!(anyone.get(path).await.status, 200, "{path} once published");
    }
    let again = secretary.post(&format!("{council}/e/1/publish"), &[("csrf", &csrf)]).await;
    assert_eq!(again.status, 422, "{}", again.body);
    let member = sign_in(&server, "dana").await;
    let refused = member.post(&format!("{council}/e/1/publish"), &[("csrf", &member.get(&council).await.csrf())]).await;
    assert!(refused.status == 403 || refused.status == 422, "only who presides publishes: {}", refused.status);
    // The settings and the publication are in the record: a copy of the bundle replays to them.
    let bundle = secretary.client.get(server.url(&format!("{council}/bundle"))).send().await.unwrap();
    let bundle = bundle.bytes().await.unwrap();
    let parsed = kenes_record::bundle::decode(&bundle).unwrap();
    let replayed = kenes_council::replay(&parsed.events).unwrap();
    assert!(replayed.private && replayed.election(1).unwrap().published);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_silent_connections_leave_the_node_answering_and_are_closed() {
    use tokio::io::AsyncReadExt;
    let dir = tempfile::tempdir().unwrap();
    let store = kenes_store::Store::open(&kenes_store::Location::data_dir(dir.path())).unwrap();
    let node = kenes_store::Node::open(store, || [3; 32]).unwrap();
    let state = kenes_web::AppState::new(node, kenes_web::Config::default()).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let limits = kenes_web::listen::Limits {
        max_connections: 2000,
        header_read: Duration::from_secs(2),
        idle: Duration::from_secs(3),
    };
    tokio::spawn(kenes_web::listen::serve(listener, kenes_web::router(state), limits));
    // 1,100 connections that never send a byte, and one that sends half a request line.
    let mut silent = Vec::new();
    for _ in 0..1100 {
        silent.push(tokio::net::TcpStream::connect(addr).await.unwrap());
    }
    let mut slow = tokio::net::TcpStream::connect(addr).await.unwrap();
    tokio::io::AsyncWriteExt::write_all(&mut slow, b"GET /healthz HT").await.unwrap();
    let health = reqwest::Client::new().get(format!("http://{addr}/healthz")).timeout(Duration::from_secs(5));
    let health = health.send().await.expect("/healthz answers beside 1,100 silent connections");
    assert_eq!(health.text().await.unwrap(), "ok");
    // The server closes them: each read ends (0 bytes, or a reset) instead of waiting forever.
    let mut byte = [0u8; 1];
    let closed = tokio::time::timeout(Duration::from_secs(30), slow.read(&mut byte)).await;
    assert!(matches!(closed, Ok(Ok(0) | Err(_))), "the slow request was closed: {closed:?}");
    for stream in silent.iter_mut().step_by(100) {
        let closed = tokio::time::timeout(Duration::from_secs(30), stream.read(&mut byte)).await;
        assert!(matches!(closed, Ok(Ok(0) | Err(_))), "a silent connection was closed: {closed:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_connections_are_capped_and_a_closed_one_makes_room() {
    let dir = tempfile::tempdir().unwrap();
    let store = kenes_store::Store::open(&kenes_store::Location::data_dir(dir.path())).unwrap();
    let node = kenes_store::Node::open(store, || [4; 32]).unwrap();
    let state = kenes_web::AppState::new(node, kenes_web::Config::default()).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let limits = kenes_web::listen::Limits {
        max_connections: 20,
        header_read: Duration::from_secs(60),
        idle: Duration::from_secs(60),
    };
    tokio::spawn(kenes_web::listen::serve(listener, kenes_web::router(state), limits));
    let mut held = Vec::new();
    for _ in 0..20 {
        held.push(tokio::net::TcpStream::connect(addr).await.unwrap());
    }
    // The 21st is not served while 20 are open...
    let client = reqwest::Client::builder().pool_max_idle_per_host(0).build().unwrap();
    let waiting = client.get(format!("http://{addr}/healthz")).timeout(Duration::from_millis(1500)).send().await;
    assert!(waiting.is_err(), "served past the cap: {waiting:?}");
    // ...and is once one closes.
    held.pop();
    let served = client.get(format!("http://{addr}/healthz")).timeout(Duration::from_secs(10)).send().await.unwrap();
    assert_eq!(served.status().as_u16(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_account_holds_a_bounded_number_of_live_streams() {
    let server = Server::start().await;
    let demo = demo(&server).await;
    let member = sign_in(&server, "dana").await;
    let stream = format!("/c/{}/a/{}/stream", demo.council.to_hex(), demo.assembly);
    let mut open = Vec::new();
    for _ in 0..kenes_web::STREAMS_PER_ACCOUNT {
        let response = member.client.get(server.url(&stream)).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200);
        open.push(response);
    }
    let refused = member.client.get(server.url(&stream)).send().await.unwrap();
    assert_eq!(refused.status().as_u16(), 429);
    // Another member is not affected; a stream that ends gives its place back.
    let other = sign_in(&server, "erlan").await;
    assert_eq!(other.client.get(server.url(&stream)).send().await.unwrap().status().as_u16(), 200);
    drop(open.pop());
    let mut reopened = None;
    for _ in 0..50 {
        let response = member.client.get(server.url(&stream)).send().await.unwrap();
        if response.status().as_u16() == 200 {
            reopened = Some(response);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(reopened.is_some(), "the closed stream's place was given back");
}
