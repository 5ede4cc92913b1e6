//! The foundation's user story, end to end over HTTP, and the bad input it must refuse without changing anything.

use kenes_testkit::web::{ApiSession, Server, admin_with_council, api_session};

fn roll_csv(count: usize) -> String {
    let mut csv = String::from("name,role,email\n");
    for i in 0..count {
        let role = if i % 50 == 0 { "observer" } else { "member" };
        csv.push_str(&format!("Resident {i:03},{role},resident{i}@example.org\n"));
    }
    csv
}

async fn height(server: &Server, council_path: &str) -> u64 {
    let id = kenes_record::EventHash::from_hex(council_path.trim_start_matches("/c/")).unwrap();
    server.state.node().read(id, |c| c.height()).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_council_two_members_and_a_roll_of_200() {
    let server = Server::start().await;
    let admin = server.browser("en");
    let council = admin_with_council(&server, &admin).await;
    let page = admin.get(&council).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Riverside Neighbourhood Council"));
    assert!(page.body.contains("Amina"));

    // Invitation: Bolat opens the link, chooses a name and a password, and is signed in as a member.
    let invited = admin.post(&format!("{council}/invitations"), &[("csrf", &page.csrf()), ("role", "member")]).await;
    assert_eq!(invited.status, 200, "{}", invited.body);
    let invitation = invited.shown_link();
    let bolat = server.browser("ru");
    let join_page = bolat.get(&invitation).await;
    assert_eq!(join_page.status, 200);
    assert!(join_page.body.contains("lang=\"ru\""));
    let joined = bolat
        .post(&invitation, &[("display_name", "Bolat"), ("username", "bolat"), ("password", "bolat's password")])
        .await;
    assert_eq!(joined.status, 303, "{}", joined.body);
    assert_eq!(joined.location.as_deref(), Some(council.as_str()));
    assert!(bolat.get(&council).await.body.contains("Bolat"));
    // The invitation works once.
    let again = server
        .browser("en")
        .post(&invitation, &[("display_name", "Intruder"), ("username", "intruder"), ("password", "intruder password")])
        .await;
    assert_eq!(again.status, 422);

    // Bolat signs out and back in with his password.
    let csrf = bolat.get(&council).await.csrf();
    assert_eq!(bolat.post("/signout", &[("csrf", &csrf)]).await.status, 303);
    assert_eq!(bolat.get(&council).await.status, 303, "signed out: the council page sends to sign-in");
    let wrong = bolat.post("/signin", &[("username", "bolat"), ("password", "not his password")]).await;
    assert_eq!(wrong.status, 401);
    let signed_in = bolat.post("/signin", &[("username", "bolat"), ("password", "bolat's password")]).await;
    assert_eq!(signed_in.status, 303);
    assert_eq!(bolat.get(&council).await.status, 200);

    // The secretary adds Dana by name; Dana signs in with the one-time link.
    let csrf = admin.get(&council).await.csrf();
    let added =
        admin.post(&format!("{council}/members"), &[("csrf", &csrf), ("name", "Dana"), ("role", "chair")]).await;
    assert_eq!(added.status, 200, "{}", added.body);
    let link = added.shown_link();
    let dana = server.browser("kk");
    let confirm = dana.get(&link).await;
    assert_eq!(confirm.status, 200, "GET shows a button and does not use the link");
    let used = dana.post(&link, &[]).await;
    assert_eq!(used.status, 303, "{}", used.body);
    let dana_view = dana.get(&council).await;
    assert_eq!(dana_view.status, 200);
    assert!(dana_view.body.contains("Dana"));
    assert_eq!(server.browser("en").post(&link, &[]).await.status, 422, "a sign-in link works once");

    // Bolat renames himself from his profile page; he may not rename anyone else.
    let bolat_number = server
        .state
        .node()
        .read(kenes_record::EventHash::from_hex(council.trim_start_matches("/c/")).unwrap(), |c| {
            c.member_named(&kenes_council::DisplayName::parse("Bolat").unwrap())
        })
        .unwrap()
        .unwrap();
    let profile = bolat.get(&format!("{council}/members/{bolat_number}")).await;
    assert!(profile.body.contains("/name\""), "{}", profile.body);
    let renamed = bolat
        .post(&format!("{council}/members/{bolat_number}/name"), &[("csrf", &profile.csrf()), ("name", "Bolat K.")])
        .await;
    assert_eq!(renamed.status, 303, "{}", renamed.body);
    assert!(bolat.get(&council).await.body.contains("Bolat K."));
    let refused =
        bolat.post(&format!("{council}/members/1/name"), &[("csrf", &profile.csrf()), ("name", "Not Amina")]).await;
    assert_eq!(refused.status, 422);

    // The secretary changes the council's settings; Bolat may not.
    let csrf = admin.get(&council).await.csrf();
    let settings = format!("{council}/settings");
    let changed = admin
        .post(
            &settings,
            &[
                ("csrf", &csrf),
                ("name", "Riverside Council"),
                ("description", "Both banks"),
                ("languages", "en"),
                ("languages", "ru"),
            ],
        )
        .await;
    assert_eq!(changed.status, 303, "{}", changed.body);
    assert!(admin.get(&council).await.body.contains("Both banks"));
    let no_language =
        admin.post(&settings, &[("csrf", &csrf), ("name", "Riverside Council"), ("description", "")]).await;
    assert_eq!(no_language.status, 422);
    let csrf = bolat.get(&council).await.csrf();
    let refused = bolat.post(&settings, &[("csrf", &csrf), ("name", "Bolat's Council"), ("languages", "en")]).await;
    assert_eq!(refused.status, 422);
    assert!(!admin.get(&council).await.body.contains("Bolat's Council"));

    // Bolat, a plain member, may not add members.
    let csrf = bolat.get(&council).await.csrf();
    let refused =
        bolat.post(&format!("{council}/members"), &[("csrf", &csrf), ("name", "Mallory"), ("role", "member")]).await;
    assert_eq!(refused.status, 422);
    assert!(!admin.get(&council).await.body.contains("Mallory"));

    // The secretary imports a roll of 200.
    let before = height(&server, &council).await;
    let csrf = admin.get(&council).await.csrf();
    let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
        "roll",
        reqwest::multipart::Part::text(roll_csv(200)).file_name("roll.csv").mime_str("text/csv").unwrap(),
    );
    let imported = admin.post_multipart(&format!("{council}/import"), form).await;
    assert_eq!(imported.status, 200, "{}", imported.body);
    assert!(imported.body.contains("200 members imported"));
    assert_eq!(height(&server, &council).await, before + 1, "one import is one event");
    let id = kenes_record::EventHash::from_hex(council.trim_start_matches("/c/")).unwrap();
    assert_eq!(server.state.node().read(id, |c| c.active_member_count()).unwrap(), 203);
    // Contact details stay node-local: in the contacts table, never in the record.
    let member = server
        .state
        .node()
        .read(id, |c| c.member_named(&kenes_council::DisplayName::parse("Resident 007").unwrap()))
        .unwrap()
        .unwrap();
    assert_eq!(
        server.state.node().store().backend().contact(id, member.0).unwrap().as_deref(),
        Some("resident7@example.org")
    );
    let bundle =
        admin.client.get(server.url(&format!("{council}/bundle"))).send().await.unwrap().bytes().await.unwrap();
    assert!(!String::from_utf8_lossy(&bundle).contains("example.org"), "no contact detail in the bundle");
    assert!(!String::from_utf8_lossy(&bundle).contains("password"), "no password material in the bundle");

    // The record page lists every event with its height and hash, and the bundle replays to the same state.
    let record = admin.get(&format!("{council}/record")).await;
    assert!(record.body.contains("members.imported"));
    let events = kenes_record::bundle::verify_bundle(&bundle).unwrap().0.events;
    let replayed = kenes_council::replay(&events).unwrap();
    assert_eq!(replayed.active_member_count(), 203);
    assert_eq!(replayed.head(), server.state.node().read(id, |c| c.head()).unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_refused_and_changes_nothing() {
    let server = Server::start().await;
    let admin = server.browser("en");
    let council = admin_with_council(&server, &admin).await;
    let start = height(&server, &council).await;
    let csrf = admin.get(&council).await.csrf();

    // A malformed roll: every bad row reported with its line, nothing imported.
    let csv = "name,role\nGood Person,member\n,member\nBad Role,emperor\nToo,many,fields\nGood Person,member\n";
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf.clone())
        .part("roll", reqwest::multipart::Part::text(csv).file_name("roll.csv"));
    let page = admin.post_multipart(&format!("{council}/import"), form).await;
    assert_eq!(page.status, 422, "{}", page.body);
    for expected in
        ["<td>3</td>", "<td>4</td>", "<td>5</td>", "<td>6</td>", "already appears on line 2", "role must be"]
    {
        assert!(page.body.contains(expected), "report lacks {expected:?}: {}", page.body);
    }
    assert!(!page.body.contains("<td>2</td>"), "line 2 is fine");
    assert_eq!(height(&server, &council).await, start);

    // A roll without a name column, and one that is not UTF-8.
    for bad in [b"email\nx@example.org\n".to_vec(), vec![0xff, 0xfe, 0x00, 0x41]] {
        let form = reqwest::multipart::Form::new()
            .text("csrf", csrf.clone())
            .part("roll", reqwest::multipart::Part::bytes(bad));
        assert_eq!(admin.post_multipart(&format!("{council}/import"), form).await.status, 422);
    }

    // Oversized fields.
    let long_name = "x".repeat(101);
    let page =
        admin.post(&format!("{council}/members"), &[("csrf", &csrf), ("name", &long_name), ("role", "member")]).await;
    assert_eq!(page.status, 422);
    assert!(page.body.contains("longer than 100 characters"), "{}", page.body);
    let page = admin.post(&format!("{council}/members"), &[("csrf", &csrf), ("name", "Ok"), ("role", "emperor")]).await;
    assert_eq!(page.status, 422);
    // An oversized body is refused before it is read.
    let huge = "a".repeat(kenes_web::MAX_BODY + 10);
    let response = admin
        .client
        .post(server.url(&format!("{council}/members")))
        .form(&[("csrf", csrf.as_str()), ("name", huge.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 413);

    // Missing or wrong CSRF token.
    let page = admin.post(&format!("{council}/members"), &[("name", "No Token"), ("role", "member")]).await;
    assert_eq!(page.status, 403);
    let page =
        admin.post(&format!("{council}/members"), &[("csrf", "forged"), ("name", "Forged"), ("role", "member")]).await;
    assert_eq!(page.status, 403);

    // Unknown council, malformed id.
    let unknown = format!("/c/{}", "ab".repeat(32));
    assert_eq!(admin.get(&unknown).await.status, 403, "not a member of an unknown council");
    assert_eq!(admin.get("/c/not-hex").await.status, 404);
    let api = admin.client.get(server.url(&format!("/api/councils/{}", "ab".repeat(32)))).send().await.unwrap();
    assert_eq!(api.status().as_u16(), 403);

    // A forged session cookie is no session; a forged bearer token is an error.
    let stranger = server.browser("en");
    let response = stranger
        .client
        .get(server.url(&council))
        .header("cookie", "kenes_session=forged-session-token")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 303);
    let response = stranger.client.get(server.url("/api/councils")).bearer_auth("forged").send().await.unwrap();
    assert_eq!(response.status().as_u16(), 401);

    // A truncated bundle is refused by import with the height where it breaks.
    let bundle =
        admin.client.get(server.url(&format!("{council}/bundle"))).send().await.unwrap().bytes().await.unwrap();
    let truncated = &bundle[..bundle.len() / 2];
    let error = server.state.node().import_bundle(truncated).unwrap_err().to_string();
    assert!(error.contains("height 0"), "{error}");
    let without_seal = &bundle[..bundle.len() - 10];
    let error = server.state.node().import_bundle(without_seal).unwrap_err().to_string();
    assert!(error.contains("seal"), "{error}");

    assert_eq!(height(&server, &council).await, start, "nothing above changed the record");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_api_does_what_the_pages_do() {
    let server = Server::start().await;
    let admin = server.browser("en");
    let council = admin_with_council(&server, &admin).await;
    let id = council.trim_start_matches("/c/").to_owned();
    let ApiSession { client, token, .. } = api_session(&server, "amina", "long enough pass").await;
    let councils: serde_json::Value =
        client.get(server.url("/api/councils")).bearer_auth(&token).send().await.unwrap().json().await.unwrap();
    assert_eq!(councils["councils"][0]["id"], id.as_str());
    let added = client
        .post(server.url(&format!("/api/councils/{id}/members")))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "name": "Api Member", "role": "observer" }))
        .send()
        .await
        .unwrap();
    assert_eq!(added.status().as_u16(), 201);
    let added: serde_json::Value = added.json().await.unwrap();
    assert_eq!(added["member"], 2);
    assert!(added["signin_link"].as_str().unwrap().contains("/link/"));
    let refused = client
        .post(server.url(&format!("/api/councils/{id}/import")))
        .bearer_auth(&token)
        .body("name\nApi Member\n")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 422);
    let refused: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(refused["rejected"][0]["line"], 2);
    let record: serde_json::Value = client
        .get(server.url(&format!("/api/councils/{id}/record")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(record["events"].as_array().unwrap().len(), 2);
    assert_eq!(record["events"][1]["kind"], "member.added");

    // Managing a member: profile, role, name, a fresh sign-in link, removal; each write answers with its height.
    let api = |method: reqwest::Method, path: String| client.request(method, server.url(&path)).bearer_auth(&token);
    let member: serde_json::Value =
        api(reqwest::Method::GET, format!("/api/councils/{id}/members/2")).send().await.unwrap().json().await.unwrap();
    assert_eq!(
        (member["name"].as_str(), member["role"].as_str(), member["joined_via"].as_str()),
        (Some("Api Member"), Some("observer"), Some("secretary"))
    );
    assert_eq!(member["added_by"]["name"], "Amina");
    let changed = api(reqwest::Method::POST, format!("/api/councils/{id}/members/2/role"))
        .json(&serde_json::json!({ "role": "member" }))
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status().as_u16(), 200);
    assert_eq!(changed.json::<serde_json::Value>().await.unwrap()["height"], 2);
    // The same role again is refused and writes nothing.
    let same = api(reqwest::Method::POST, format!("/api/councils/{id}/members/2/role"))
        .json(&serde_json::json!({ "role": "member" }))
        .send()
        .await
        .unwrap();
    assert_eq!(same.status().as_u16(), 422);
    assert!(same.json::<serde_json::Value>().await.unwrap()["error"]["message"].as_str().unwrap().contains("role"));
    let bad_role = api(reqwest::Method::POST, format!("/api/councils/{id}/members/2/role"))
        .json(&serde_json::json!({ "role": "king" }))
        .send()
        .await
        .unwrap();
    assert_eq!(bad_role.status().as_u16(), 422);
    let renamed = api(reqwest::Method::POST, format!("/api/councils/{id}/members/2/name"))
        .json(&serde_json::json!({ "name": "Api Renamed" }))
        .send()
        .await
        .unwrap();
    assert_eq!(renamed.json::<serde_json::Value>().await.unwrap()["height"], 3);
    let link = api(reqwest::Method::POST, format!("/api/councils/{id}/members/2/link")).send().await.unwrap();
    assert_eq!(link.status().as_u16(), 201);
    assert!(link.json::<serde_json::Value>().await.unwrap()["signin_link"].as_str().unwrap().contains("/link/"));
    let missing = api(reqwest::Method::POST, format!("/api/councils/{id}/members/99/link")).send().await.unwrap();
    assert_eq!(missing.status().as_u16(), 404);
    let settings = api(reqwest::Method::POST, format!("/api/councils/{id}/settings"))
        .json(&serde_json::json!({ "name": "Riverside Council", "description": "Renamed by API", "languages": ["en", "ru"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(settings.json::<serde_json::Value>().await.unwrap()["height"], 4);
    let bad_settings = api(reqwest::Method::POST, format!("/api/councils/{id}/settings"))
        .json(&serde_json::json!({ "name": "Riverside Council", "languages": ["xx"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(bad_settings.status().as_u16(), 422);
    let removed = api(reqwest::Method::POST, format!("/api/councils/{id}/members/2/remove")).send().await.unwrap();
    assert_eq!(removed.json::<serde_json::Value>().await.unwrap()["height"], 5);
    let council_state: serde_json::Value =
        api(reqwest::Method::GET, format!("/api/councils/{id}")).send().await.unwrap().json().await.unwrap();
    assert_eq!(
        (council_state["name"].as_str(), council_state["height"].as_u64(), council_state["members"].as_u64()),
        (Some("Riverside Council"), Some(6), Some(1))
    );
    let member: serde_json::Value =
        api(reqwest::Method::GET, format!("/api/councils/{id}/members/2")).send().await.unwrap().json().await.unwrap();
    assert_eq!((member["name"].as_str(), member["active"].as_bool()), (Some("Api Renamed"), Some(false)));
    // The bundle the API serves is the one `kenes verify` checks: six events, sealed.
    let bundle =
        api(reqwest::Method::GET, format!("/api/councils/{id}/bundle")).send().await.unwrap().bytes().await.unwrap();
    let (verified, _) = kenes_record::bundle::verify_bundle(&bundle).unwrap();
    assert_eq!(verified.events.len(), 6);
    // Passwords: the current one is needed; a wrong one changes nothing.
    let wrong = api(reqwest::Method::POST, "/api/account/password".to_owned())
        .json(&serde_json::json!({ "current_password": "not my password", "password": "a new long password" }))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 422);
    assert!(
        wrong.json::<serde_json::Value>().await.unwrap()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("current password")
    );
    let sign_in = |password: &'static str| {
        client
            .post(server.url("/api/session"))
            .json(&serde_json::json!({ "username": "amina", "password": password }))
            .send()
    };
    assert_eq!(sign_in("long enough pass").await.unwrap().status().as_u16(), 201, "the old password still works");
    let set = api(reqwest::Method::POST, "/api/account/password".to_owned())
        .json(&serde_json::json!({ "current_password": "long enough pass", "password": "a new long password" }))
        .send()
        .await
        .unwrap();
    assert_eq!(set.status().as_u16(), 204);
    // Every other session of the account ended with the change: Amina's browser must sign in again; the API
    // session that changed the password goes on.
    assert_eq!(admin.get(&council).await.status, 303, "the browser's session ended");
    assert_eq!(api(reqwest::Method::GET, format!("/api/councils/{id}")).send().await.unwrap().status().as_u16(), 200);
    assert_eq!(sign_in("long enough pass").await.unwrap().status().as_u16(), 422);
    assert_eq!(sign_in("a new long password").await.unwrap().status().as_u16(), 201);
    // Cookie-authenticated API writes need the CSRF header.
    let signed_in = admin.post("/signin", &[("username", "amina"), ("password", "a new long password")]).await;
    assert_eq!(signed_in.status, 303);
    let response = admin
        .client
        .post(server.url(&format!("/api/councils/{id}/invitations")))
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
    // Every API route is in the OpenAPI document.
    let openapi: serde_json::Value =
        client.get(server.url("/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert_eq!(openapi["openapi"], "3.1.0");
    const ROUTES: &[(&str, &str)] = &[
        ("post", "/api/session"),
        ("delete", "/api/session"),
        ("post", "/api/account/password"),
        ("get", "/api/councils"),
        ("post", "/api/councils"),
        ("get", "/api/councils/{id}"),
        ("get", "/api/councils/{id}/members"),
        ("post", "/api/councils/{id}/members"),
        ("post", "/api/councils/{id}/invitations"),
        ("post", "/api/councils/{id}/import"),
        ("get", "/api/councils/{id}/links"),
        ("post", "/api/councils/{id}/links/{link}/revoke"),
        ("post", "/api/councils/{id}/settings"),
        ("post", "/api/councils/{id}/copies"),
        ("get", "/api/councils/{id}/federation"),
        ("post", "/api/councils/{id}/federation/{kind}"),
        ("get", "/api/councils/{id}/members/{number}"),
        ("post", "/api/councils/{id}/members/{number}/role"),
        ("post", "/api/councils/{id}/members/{number}/name"),
        ("post", "/api/councils/{id}/members/{number}/remove"),
        ("post", "/api/councils/{id}/members/{number}/link"),
        ("get", "/api/councils/{id}/record"),
        ("get", "/api/councils/{id}/bundle"),
        ("get", "/api/councils/{id}/assemblies"),
        ("get", "/api/councils/{id}/assemblies/{number}"),
        ("post", "/api/councils/{id}/assemblies/{number}/act"),
    ];
    for (method, path) in ROUTES {
        assert!(openapi["paths"][path][method].is_object(), "{method} {path} missing from the OpenAPI document");
    }
    // The document is generated from the router's routes, so each operation in it is answered by its handler (a
    // request without a session is refused by it, never the fallback's 404 or a 405), and it lists nothing else.
    let anonymous = reqwest::Client::new();
    let mut operations = 0;
    for (path, item) in openapi["paths"].as_object().expect("the document has paths") {
        for method in item.as_object().expect("a path item").keys() {
            let url = path.replace("{id}", &"0".repeat(64)).replace("{link}", &"0".repeat(64)).replace("{number}", "1");
            let method_name: reqwest::Method = method.to_uppercase().parse().expect("an HTTP method");
            let status = anonymous.request(method_name, server.url(&url)).send().await.unwrap().status().as_u16();
            assert!(status != 404 && status != 405, "{method} {path} is documented but not routed ({status})");
            operations += 1;
        }
    }
    assert_eq!(operations, ROUTES.len(), "the document lists exactly the API's routes");
    assert_eq!(client.get(server.url("/healthz")).send().await.unwrap().text().await.unwrap(), "ok");
    // Signing out ends the token.
    let out = client.delete(server.url("/api/session")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(out.status().as_u16(), 204);
    let after = client.get(server.url("/api/councils")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(after.status().as_u16(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_failed_sign_ins_are_slowed_down() {
    let server = Server::start().await;
    let admin = server.browser("en");
    admin_with_council(&server, &admin).await;
    let guesser = server.browser("en");
    for attempt in 0..kenes_web::throttle::PER_NAME {
        let page =
            guesser.post("/signin", &[("username", "amina"), ("password", &format!("guess {attempt} xx"))]).await;
        assert_eq!(page.status, 401, "attempt {attempt}");
        assert!(page.body.contains("The username or password is not right."));
    }
    // Now even the right password is refused, without being checked, and the page says how long to wait.
    let page = guesser.post("/signin", &[("username", "Amina"), ("password", "long enough pass")]).await;
    assert_eq!(page.status, 429, "{}", page.body);
    assert!(page.body.contains("Try again in 15 minutes"), "{}", page.body);
    assert!(page.body.contains("role=\"alert\""));
    // The API is held to the same count, and says so in its language.
    let api = reqwest::Client::new()
        .post(server.url("/api/session"))
        .header("accept-language", "kk")
        .json(&serde_json::json!({ "username": "amina", "password": "long enough pass" }))
        .send()
        .await
        .unwrap();
    assert_eq!(api.status().as_u16(), 429);
    let body: serde_json::Value = api.json().await.unwrap();
    assert_eq!(body["error"]["code"], "signin-throttled");
    assert!(body["error"]["message"].as_str().unwrap().contains("15 минуттан"), "{body}");
    // The throttle is per name: another name from the same address may still try, and is told it failed.
    let other = guesser.post("/signin", &[("username", "luis"), ("password", "some password")]).await;
    assert_eq!(other.status, 401);
    // Amina's session from before is untouched.
    assert_eq!(admin.get("/").await.status, 200);
    // Every server on one database counts the same failures (the PostgreSQL pass starts a second one).
    if let Some(other) = server.sibling().await {
        let api = reqwest::Client::new()
            .post(other.url("/api/session"))
            .json(&serde_json::json!({ "username": "amina", "password": "long enough pass" }))
            .send()
            .await
            .unwrap();
        assert_eq!(api.status().as_u16(), 429, "the other server counts the failures made through this one");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_links_are_listed_and_can_be_withdrawn() {
    let server = Server::start().await;
    let admin = server.browser("en");
    let council = admin_with_council(&server, &admin).await;
    let csrf = admin.get(&council).await.csrf();
    let manage = format!("{council}/manage");
    assert!(admin.get(&manage).await.body.contains("No open links."));
    let invitation =
        admin.post(&format!("{council}/invitations"), &[("csrf", &csrf), ("role", "observer")]).await.shown_link();
    let added =
        admin.post(&format!("{council}/members"), &[("csrf", &csrf), ("name", "Gulnara"), ("role", "member")]).await;
    let signin = added.shown_link();
    let page = admin.get(&manage).await.body;
    assert!(page.contains("Invitation as Observer, made by Amina"), "{page}");
    assert!(page.contains("Sign-in link for Gulnara"), "{page}");
    // The page names links by their hash; the secret itself is not kept, so it is nowhere on the page.
    for link in [&invitation, &signin] {
        assert!(!page.contains(link.rsplit('/').next().unwrap()));
    }
    let revoke_paths: Vec<String> = page
        .match_indices("/links/")
        .map(|(at, _)| {
            let end = page[at..].find('"').unwrap();
            format!("{council}{}", &page[at..at + end])
        })
        .collect();
    assert_eq!(revoke_paths.len(), 2, "{revoke_paths:?}");
    // A plain member may not see or withdraw them.
    let gulnara = server.browser("en");
    assert_eq!(gulnara.post(&signin, &[]).await.status, 303, "Gulnara signs in with her link, which closes it");
    assert!(!gulnara.get(&council).await.body.contains("/manage"), "no way in for a plain member");
    assert_eq!(gulnara.get(&manage).await.status, 403);
    let gulnara_csrf = gulnara.get(&council).await.csrf();
    let refused = gulnara.post(&revoke_paths[0], &[("csrf", &gulnara_csrf)]).await;
    assert_eq!(refused.status, 422);
    // The secretary withdraws the invitation: it no longer works, and it is gone from the list.
    let page = admin.get(&manage).await.body;
    assert!(!page.contains("Sign-in link for Gulnara"), "a used link is no longer open");
    let invitation_revoke = revoke_paths.iter().find(|p| page.contains(p.trim_start_matches(&council))).unwrap();
    let withdrawn = admin.post(invitation_revoke, &[("csrf", &csrf)]).await;
    assert_eq!(withdrawn.status, 303);
    assert!(admin.get(&manage).await.body.contains("No open links."));
    let stranger = server.browser("en");
    let dead = stranger.get(&invitation).await;
    assert_eq!(dead.status, 422);
    assert!(dead.body.contains("This link is not valid"), "{}", dead.body);
    let again = admin.post(invitation_revoke, &[("csrf", &csrf)]).await;
    assert_eq!(again.status, 404);
    // The API lists and withdraws the same way.
    let api_link =
        admin.post(&format!("{council}/invitations"), &[("csrf", &csrf), ("role", "member")]).await.shown_link();
    let id = council.trim_start_matches("/c/");
    let listed: serde_json::Value =
        admin.client.get(server.url(&format!("/api/councils/{id}/links"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed["links"].as_array().unwrap().len(), 1);
    assert_eq!(listed["links"][0]["kind"], "invitation");
    let hash = listed["links"][0]["link"].as_str().unwrap();
    let revoked = admin
        .client
        .post(server.url(&format!("/api/councils/{id}/links/{hash}/revoke")))
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status().as_u16(), 204);
    assert_eq!(stranger.get(&api_link).await.status, 422);
}

/// Several servers on one database, behind a load balancer: a browser sees its own change on whichever server answers
/// it next, even one that has not heard of the change yet (the change's answer names the council's height, and a
/// server behind it reads the council up from the database first). On SQLite (one server) there is nothing to test.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_sees_its_own_change_on_a_server_that_has_not_heard_of_it() {
    let server = Server::start().await;
    let admin = server.browser("en");
    let council = admin_with_council(&server, &admin).await;
    let Some(behind) = server.deaf_sibling().await else {
        eprintln!("an SQLite database has one server: this test runs in the PostgreSQL pass");
        return;
    };
    let there = admin.on(&behind);
    assert!(!there.get(&council).await.body.contains("Gulnara"), "the other server holds the council as it was");
    let csrf = admin.get(&council).await.csrf();
    let added =
        admin.post(&format!("{council}/members"), &[("csrf", &csrf), ("name", "Gulnara"), ("role", "member")]).await;
    assert_eq!(added.status, 200, "{}", added.body);
    // Another browser is answered from what the other server holds: it has heard nothing of the change.
    let elsewhere = behind.browser("en");
    let signed_in = elsewhere.post("/signin", &[("username", "amina"), ("password", "long enough pass")]).await;
    assert_eq!(signed_in.status, 303, "{}", signed_in.body);
    assert!(!elsewhere.get(&council).await.body.contains("Gulnara"), "the other server did not follow");
    // The browser that made the change sees it there at once, and so does everyone after it.
    assert!(there.get(&council).await.body.contains("Gulnara"), "the change is read up before answering");
    assert!(elsewhere.get(&council).await.body.contains("Gulnara"));

    // A client of the JSON API that keeps no cookies gets the same from the `kenes-seen` header, sent back.
    let ApiSession { token, .. } = api_session(&server, "amina", "long enough pass").await;
    let api = reqwest::Client::new();
    let id = council.trim_start_matches("/c/");
    let added = api
        .post(server.url(&format!("/api/councils/{id}/members")))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "name": "Timur" }))
        .send()
        .await
        .unwrap();
    assert_eq!(added.status().as_u16(), 201);
    let seen = added.headers()["kenes-seen"].to_str().unwrap().to_owned();
    assert!(seen.starts_with(&format!("{id}.")), "{seen}");
    let members = |header: Option<String>| {
        let mut request = api.get(behind.url(&format!("/api/councils/{id}/members"))).bearer_auth(&token);
        if let Some(header) = header {
            request = request.header("kenes-seen", header);
        }
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    assert!(!members(None).await.contains("Timur"), "the other server did not follow");
    assert!(members(Some(seen)).await.contains("Timur"), "the change is read up before answering");
}
