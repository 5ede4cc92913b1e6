//! The traps a new user fell into, each closed: forms sent twice, contradictory markup, irreversible actions without
//! a question, links without a way to hand them over, and what needs a member now.

use kenes_testkit::web::{Server, admin_with_council, api_session, demo, sign_in};

/// Every start tag of `html` names each attribute once: browsers keep the first of two `class` attributes, which is
/// how the check-in and check-out forms both showed.
fn assert_attributes_once(html: &str, page: &str) {
    for tag in html.split('<').skip(1) {
        let Some(end) = tag.find('>') else { continue };
        let tag = &tag[..end];
        if tag.starts_with('/') || tag.starts_with('!') {
            continue;
        }
        let mut names = Vec::new();
        let mut rest = tag.split_once(char::is_whitespace).map_or("", |(_, attributes)| attributes);
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            rest = &rest[start..];
            let name_end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
            let name = &rest[..name_end];
            rest = &rest[name_end..];
            if let Some(value) = rest.strip_prefix("=\"") {
                rest = value.find('"').map_or("", |close| &value[close + 1..]);
            }
            if !name.is_empty() && name != "/" {
                assert!(!names.contains(&name), "{page}: `{name}` twice in <{tag}>");
                names.push(name);
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_name_each_attribute_once() {
    // The check itself catches the markup that hid nothing.
    let twice = std::panic::catch_unwind(|| assert_attributes_once("<form class=\"inline\" class=\"if-absent\">", "x"));
    assert!(twice.is_err());
    assert_attributes_once("<p title=\"a class=b class=c\" hidden>", "quoted values are skipped");
    let server = Server::start().await;
    let made = demo(&server).await;
    let council = format!("/c/{}", made.council.to_hex());
    let chair = sign_in(&server, &made.accounts[0].0).await;
    for path in [
        "/".to_owned(),
        council.clone(),
        format!("{council}/manage"),
        format!("{council}/assemblies"),
        format!("{council}/a/{}", made.assembly),
        format!("{council}/a/{}/live", made.assembly),
        format!("{council}/a/{}/projector", made.assembly),
        format!("{council}/a/1/minutes"),
        format!("{council}/elections"),
        format!("{council}/record"),
        format!("{council}/members/2"),
        "/account".to_owned(),
    ] {
        let page = chair.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_attributes_once(&page.body, &path);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_sent_twice_makes_one_thing() {
    let server = Server::start().await;
    let admin = server.browser("en");
    let council = admin_with_council(&server, &admin).await;
    let id = kenes_record::EventHash::from_hex(council.trim_start_matches("/c/")).unwrap();
    let meetings = || server.state.node().read(id, |c| c.assemblies().len()).unwrap();

    // Convening: a double click sends the same form twice; one meeting, and both answers lead to it.
    let form = admin.get(&format!("{council}/assemblies")).await;
    let once = form.hidden("once");
    let fields = |once: &str| {
        vec![
            ("csrf".to_owned(), form.csrf()),
            ("once".to_owned(), once.to_owned()),
            ("title".to_owned(), "Spring meeting".to_owned()),
            ("place".to_owned(), "Hall".to_owned()),
            ("starts".to_owned(), "2027-03-01 18:00".to_owned()),
            ("quorum".to_owned(), "50".to_owned()),
            ("seconders".to_owned(), "1".to_owned()),
            ("speaking".to_owned(), "0".to_owned()),
        ]
    };
    let send = |fields: Vec<(String, String)>| {
        let path = format!("{council}/assemblies");
        let admin = &admin;
        async move {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            admin.post(&path, &pairs).await
        }
    };
    let (first, second) = tokio::join!(send(fields(&once)), send(fields(&once)));
    assert_eq!((first.status, second.status), (303, 303), "{} {}", first.body, second.body);
    assert_eq!(first.location, second.location);
    assert_eq!(meetings(), 1, "one meeting for one form");
    // A reload of the answer (the browser sends the form again) gives it once more.
    assert_eq!(send(fields(&once)).await.location, first.location);
    assert_eq!(meetings(), 1);
    // A fresh form is a new meeting.
    let again = send(fields(&admin.get(&format!("{council}/assemblies")).await.hidden("once"))).await;
    assert_eq!(again.status, 303);
    assert_eq!(meetings(), 2);

    // An invitation page reloaded shows the same link, not a new one each time.
    let manage = admin.get(&format!("{council}/manage")).await;
    let invite_once = manage.hidden_in("/invitations", "once");
    let invite = [("csrf", manage.csrf()), ("once", invite_once), ("role", "member".to_owned())];
    let invite: Vec<(&str, &str)> = invite.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let shown = admin.post(&format!("{council}/invitations"), &invite).await;
    let reloaded = admin.post(&format!("{council}/invitations"), &invite).await;
    assert_eq!(shown.shown_link(), reloaded.shown_link());
    assert!(shown.body.contains("<svg class=\"qr\""), "the link comes with a QR code to show on a phone");
    let open_links = admin.get(&format!("{council}/manage")).await.body.matches("/revoke\"").count();
    assert_eq!(open_links, 1, "one open link, not one per reload");
    // The answer is this session's alone: someone else who learns the value gets no link from it.
    let joined = server.browser("en");
    let joined_page = joined
        .post(
            &shown.shown_link(),
            &[("display_name", "Bolat"), ("username", "bolat"), ("password", "bolat's password")],
        )
        .await;
    assert_eq!(joined_page.status, 303);
    let bolat_csrf = joined.get(&council).await.csrf();
    let stolen = [("csrf", bolat_csrf.as_str()), ("once", invite[1].1), ("role", "member")];
    let refused = joined.post(&format!("{council}/invitations"), &stolen).await;
    assert_eq!(refused.status, 422, "a plain member may not invite, whatever value they send");
    assert!(!refused.body.contains(&shown.shown_link()));
    // A refused form is forgotten: corrected, the same form goes through.
    let mut wrong = fields(&admin.get(&format!("{council}/assemblies")).await.hidden("once"));
    wrong[5].1 = "many".to_owned();
    assert_eq!(send(wrong.clone()).await.status, 422);
    wrong[5].1 = "1".to_owned();
    assert_eq!(send(wrong).await.status, 303);
    assert_eq!(meetings(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn irreversible_actions_ask_first_and_a_mistaken_meeting_can_be_cancelled() {
    let server = Server::start().await;
    let made = demo(&server).await;
    let council = format!("/c/{}", made.council.to_hex());
    let chair = sign_in(&server, &made.accounts[0].0).await;
    // The meeting in session: closing it sits behind a question.
    let page = chair.get(&format!("{council}/a/{}", made.assembly)).await.body;
    let close = page.find("value=\"close\"").expect("the chair can close the meeting");
    let details = page[..close].rfind("<details class=\"confirm\">").expect("closing asks first");
    assert!(!page[details..close].contains("</details>"), "the close button is inside the question");
    // Removing a member and withdrawing a link ask too.
    let member = chair.get(&format!("{council}/members/2")).await.body;
    let remove = member.find("/remove\"").unwrap();
    assert!(member[..remove].rfind("<details class=\"confirm\">").is_some());

    // A meeting convened by mistake is cancelled: it never opened, and says so.
    let form = chair.get(&format!("{council}/assemblies")).await;
    let convened = chair
        .post(
            &format!("{council}/assemblies"),
            &[
                ("csrf", &form.csrf()),
                ("title", "Duplicate"),
                ("place", "Hall"),
                ("starts", "tomorrow"),
                ("quorum", "50"),
                ("seconders", "1"),
                ("speaking", "0"),
            ],
        )
        .await;
    let meeting = convened.location.unwrap();
    let planned = chair.get(&meeting).await.body;
    assert!(planned.contains("Cancel the meeting"), "a planned meeting offers to cancel it");
    let cancelled = chair.post(&format!("{meeting}/act"), &[("csrf", &form.csrf()), ("do", "close")]).await;
    assert_eq!(cancelled.status, 303, "{}", cancelled.body);
    assert!(chair.get(&format!("{council}/assemblies")).await.body.contains("Cancelled"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_home_page_says_what_needs_each_member_now() {
    let server = Server::start().await;
    let made = demo(&server).await;
    let council = format!("/c/{}", made.council.to_hex());
    let meeting = format!("{council}/a/{}", made.assembly);
    for (username, _, _) in &made.accounts {
        let member = sign_in(&server, username).await;
        let home = member.get("/").await.body;
        assert!(home.contains("Needs you now"), "{username}");
        assert!(home.contains(&format!("href=\"{meeting}\"")), "{username}: the meeting in session is linked");
        let council_page = member.get(&council).await.body;
        assert!(council_page.contains(&format!("href=\"{meeting}\"")), "{username}");
    }
    // The browser finds an icon where it looks for one.
    let icon = server.browser("en").get("/favicon.ico").await;
    assert_eq!(icon.status, 200);
    assert!(icon.body.starts_with("<svg"));
}

/// A council's colour is part of its record (`council.updated`): chosen in the settings form or the API from the
/// palette, shown on the council's pages and beside its name at home; an unknown colour is refused and changes
/// nothing, and a client that leaves the field out keeps the colour.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_council_has_a_colour_of_its_own() {
    let server = Server::start().await;
    let demo = demo(&server).await;
    let council = format!("/c/{}", demo.council.to_hex());
    let secretary = sign_in(&server, "aigerim").await;
    let manage = secretary.get(&format!("{council}/manage")).await;
    assert!(manage.body.contains("name=\"colour\" value=\"teal\""), "{}", manage.body);
    let settings = [
        ("csrf", manage.csrf()),
        ("name", "Tulpar Street Council".to_owned()),
        ("description", String::new()),
        ("languages", "en".to_owned()),
        ("colour", "teal".to_owned()),
    ];
    let settings: Vec<(&str, &str)> = settings.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(secretary.post(&format!("{council}/settings"), &settings).await.status, 303);
    let colour = || server.state.node().read(demo.council, |c| c.colour.map(kenes_council::Colour::as_str)).unwrap();
    assert_eq!(colour(), Some("teal"));
    for path in [council.clone(), format!("{council}/elections"), format!("{council}/record")] {
        let page = secretary.get(&path).await.body;
        assert!(page.contains("<body class=\"colour-teal\">"), "{path}: {page}");
    }
    assert!(secretary.get("/").await.body.contains("<span class=\"swatch colour-teal\">"));
    assert!(secretary.get("/account").await.body.contains("<body>"), "pages outside the council keep no colour");

    let api = api_session(&server, "aigerim", kenes_testkit::web::DEMO_PASSWORD).await;
    let send = |body: serde_json::Value| {
        api.client
            .post(server.url(&format!("/api/councils/{}/settings", demo.council.to_hex())))
            .bearer_auth(&api.token)
            .json(&body)
            .send()
    };
    let base = serde_json::json!({ "name": "Tulpar Street Council", "description": "", "languages": ["en"] });
    let height = server.state.node().read(demo.council, |c| c.height()).unwrap();
    let mut magenta = base.clone();
    magenta["colour"] = "magenta".into();
    let refused = send(magenta).await.unwrap();
    assert_eq!(refused.status().as_u16(), 422);
    let text = refused.text().await.unwrap();
    assert!(text.contains("Unknown colour"), "{text}");
    assert_eq!(server.state.node().read(demo.council, |c| c.height()).unwrap(), height, "nothing written");
    assert_eq!(send(base.clone()).await.unwrap().status().as_u16(), 200);
    assert_eq!(colour(), Some("teal"), "left out, the colour stays");
    let mut none = base.clone();
    none["colour"] = "none".into();
    assert_eq!(send(none).await.unwrap().status().as_u16(), 200);
    assert_eq!(colour(), None);
    assert!(secretary.get(&council).await.body.contains("<body>"));
}

/// Offices held for a term: the secretary gives one on the manage page; the council page shows who holds what until
/// when, and a term that ends within a month as ending soon; a member may not give one; ended early, it is gone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_office_held_for_a_term_shows_until_when_and_when_it_ends_soon() {
    let server = Server::start().await;
    let council = demo(&server).await.council.to_hex();
    let secretary = sign_in(&server, "aigerim").await;
    let manage = secretary.get(&format!("/c/{council}/manage")).await;
    assert!(manage.body.contains("Offices and their terms"), "{}", manage.body);
    let bolat = server
        .state
        .node()
        .read(kenes_record::EventHash::from_hex(&council).unwrap(), |c| {
            c.member_named(&kenes_council::DisplayName::parse("Bolat").unwrap()).unwrap().0.to_string()
        })
        .unwrap();
    let soon = kenes_web::ui::format_time(kenes_web::auth::now_ms() + 10 * 86_400_000)[..10].to_owned();
    let give = |office: &'static str, until: String| {
        let csrf = manage.csrf();
        let bolat = bolat.clone();
        let secretary = &secretary;
        let council = council.clone();
        async move {
            secretary
                .post(
                    &format!("/c/{council}/offices"),
                    &[("csrf", &csrf), ("member", &bolat), ("office", office), ("until", &until)],
                )
                .await
        }
    };
    let bad = give("Treasurer", "soon".to_owned()).await;
    assert!(bad.body.contains("Give the end of the term as a date"), "{}", bad.body);
    assert_eq!(give("Treasurer", soon.clone()).await.status, 303);
    assert_eq!(give("Delegate to the city", "2099-12-31".to_owned()).await.status, 303);
    let page = secretary.get(&format!("/c/{council}")).await.body;
    assert!(page.contains(&format!("Bolat: Treasurer, until {soon}")) && page.contains("(term ends soon)"), "{page}");
    assert!(page.contains("Bolat: Delegate to the city, until 2099-12-31"), "{page}");
    assert_eq!(page.matches("(term ends soon)").count(), 1, "only the term within a month");
    // A member who does not preside cannot give an office.
    let member = sign_in(&server, "dana").await;
    let refused = member
        .post(
            &format!("/c/{council}/offices"),
            &[
                ("csrf", &member.get("/").await.csrf()),
                ("member", &bolat),
                ("office", "Chair"),
                ("until", "2099-01-01"),
            ],
        )
        .await;
    assert_ne!(refused.status, 303);
    // Ended early from the manage page, the term is no longer shown.
    let manage = secretary.get(&format!("/c/{council}/manage")).await;
    let ended = secretary.post(&format!("/c/{council}/offices/1/end"), &[("csrf", &manage.csrf())]).await;
    assert_eq!(ended.status, 303, "{}", ended.body);
    let page = secretary.get(&format!("/c/{council}")).await.body;
    assert!(!page.contains("Treasurer") && page.contains("Delegate to the city"), "{page}");
}
