//! Every catalog has every key, and every page renders in every language without a missing message.

use std::collections::BTreeSet;

use kenes_web::i18n::CATALOGS;

use kenes_testkit::web::{Server, admin_with_council};

fn keys(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once(" =").map(|(key, _)| key.trim().to_owned()))
        .collect()
}

#[test]
fn every_catalog_has_exactly_the_english_keys() {
    let english = keys(CATALOGS[0].2);
    assert!(english.len() > 100, "the English catalog has {} keys", english.len());
    for (code, _, source) in &CATALOGS[1..] {
        let theirs = keys(source);
        let missing: Vec<_> = english.difference(&theirs).collect();
        let extra: Vec<_> = theirs.difference(&english).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{code}.ftl: missing {missing:?}, extra {extra:?}");
    }
    kenes_web::I18n::load().expect("every catalog parses");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_renders_in_every_language_without_missing_messages() {
    let server = Server::start().await;
    let admin = server.browser("en");
    let council = admin_with_council(&server, &admin).await;
    let csrf = admin.get(&council).await.csrf();
    let invitation =
        admin.post(&format!("{council}/invitations"), &[("csrf", &csrf), ("role", "member")]).await.shown_link();
    let pages = [
        "/".to_owned(),
        "/councils/new".to_owned(),
        "/account".to_owned(),
        council.clone(),
        format!("{council}/record"),
        format!("{council}/members/1"),
        invitation,
        "/no/such/page".to_owned(),
    ];
    for (code, _, _) in CATALOGS {
        let anonymous = server.browser(code);
        let signin = anonymous.get("/signin").await;
        assert!(signin.body.contains(&format!("lang=\"{code}\"")), "sign-in page not in {code}");
        let browser = admin.client.clone();
        for path in &pages {
            let response = browser.get(server.url(path)).header("accept-language", *code).send().await.unwrap();
            let body = response.text().await.unwrap();
            assert!(body.contains(&format!("<html lang=\"{code}\"")), "{path} not rendered in {code}");
        }
    }
    // The language switcher's choice beats Accept-Language.
    let chooser = server.browser("en");
    let response = chooser.post("/lang", &[("lang", "ko")]).await;
    assert_eq!(response.status, 303);
    assert!(chooser.get("/signin").await.body.contains("<html lang=\"ko\""));
    let missing = server.state.i18n().missing();
    assert!(missing.is_empty(), "messages missing while rendering: {missing:?}");
}
