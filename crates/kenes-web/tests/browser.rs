//! A new user's first council, in a real browser: Debian's Chromium driven through chromedriver (WebDriver), with
//! screenshots of what people see kept in `target/screenshots/` as test artifacts.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use base64::Engine;
use serde_json::{Value, json};

use kenes_testkit::web::Server;

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

struct Driver {
    process: Child,
    base: String,
    http: reqwest::Client,
    _profiles: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
        // Browsers whose session a failed test never closed: every one of them has its profile under ours.
        let _ = Command::new("pkill").arg("-f").arg(self._profiles.path()).status();
    }
}

struct Session<'a> {
    driver: &'a Driver,
    url: String,
}

impl Driver {
    async fn start() -> Driver {
        let chromedriver = std::env::var("KENES_CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".to_owned());
        assert!(
            std::path::Path::new(&chromedriver).exists(),
            "{chromedriver} is missing: run the tests with `cargo xtask test`, which installs chromium-driver"
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let process = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let base = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        for _ in 0..100 {
            if http.get(format!("{base}/status")).send().await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Driver { process, base, http, _profiles: tempfile::tempdir().unwrap() }
    }

    async fn session(&self, width: u32) -> Session<'_> {
        self.session_with(width, true).await
    }

    /// A session whose browser runs scripts, or (like a phone with JavaScript turned off) does not.
    async fn session_with(&self, width: u32, javascript: bool) -> Session<'_> {
        let chromium = std::env::var("KENES_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
        let profile = tempfile::tempdir_in(self._profiles.path()).unwrap().keep();
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--no-first-run", "--disable-quic", format!("--window-size={width},900"),
                         format!("--user-data-dir={}", profile.display())],
                "prefs": { "profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 } }
            }
        } } });
        let response: Value = self
            .http
            .post(format!("{}/session", self.base))
            .json(&capabilities)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = response["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {response}")).to_owned();
        Session { driver: self, url: format!("{}/session/{id}", self.base) }
    }
}

impl Session<'_> {
    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut request = self.driver.http.request(method, format!("{}{path}", self.url));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let value: Value = request.send().await.unwrap().json().await.unwrap();
        assert!(value["value"].get("error").is_none(), "WebDriver {path}: {value}");
        value["value"].clone()
    }

    async fn go(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", Some(json!({ "url": url }))).await;
    }

    async fn find(&self, css: &str) -> String {
        let value =
            self.call(reqwest::Method::POST, "/element", Some(json!({ "using": "css selector", "value": css }))).await;
        value[ELEMENT].as_str().unwrap_or_else(|| panic!("finding {css}: {value}")).to_owned()
    }

    async fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css).await;
        self.call(reqwest::Method::POST, &format!("/element/{element}/value"), Some(json!({ "text": text }))).await;
    }

    /// Clicks, whatever comes of it (a disabled button may refuse the click): for tests that show nothing happens.
    async fn try_click(&self, css: &str) {
        let element = self.find(css).await;
        let url = format!("{}/element/{element}/click", self.url);
        let _ = self.driver.http.post(url).json(&json!({})).send().await;
    }

    async fn click(&self, css: &str) {
        let element = self.find(css).await;
        self.call(reqwest::Method::POST, &format!("/element/{element}/click"), Some(json!({}))).await;
    }

    /// Clicks something that loads a new page (a submit button, a link) and waits until the new page has replaced the
    /// old one and finished loading: WebDriver's click does not always wait for a navigation that a form starts.
    async fn submit(&self, css: &str) {
        let old = self.find("html").await;
        self.click(css).await;
        for _ in 0..200 {
            let response: Value = self
                .driver
                .http
                .get(format!("{}/element/{old}/name", self.url))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            if response["value"].get("error").is_some() {
                // The old document is gone; wait for the new one to finish loading.
                for _ in 0..200 {
                    let state = self
                        .call(
                            reqwest::Method::POST,
                            "/execute/sync",
                            Some(json!({
                            "script": "return document.readyState", "args": [] })),
                        )
                        .await;
                    if state == "complete" {
                        return;
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                panic!("the page after clicking {css} never finished loading");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("clicking {css} did not load a new page within 10 s");
    }

    async fn script(&self, script: &str, args: Value) -> Value {
        self.call(reqwest::Method::POST, "/execute/sync", Some(json!({ "script": script, "args": args }))).await
    }

    /// Runs axe-core's WCAG 2.0–2.2 A and AA rules on the page; returns each violation with up to three places.
    async fn accessibility_violations(&self, axe: &str) -> Vec<String> {
        self.script(&format!("{axe}\nreturn true;"), json!([])).await;
        let script = "const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
              .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at ' +
                v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
              .catch(e => done(['axe failed: ' + e]));";
        let found =
            self.call(reqwest::Method::POST, "/execute/async", Some(json!({ "script": script, "args": [] }))).await;
        found.as_array().unwrap_or_else(|| panic!("axe answered {found}")).iter().map(|v| v.to_string()).collect()
    }

    /// Waits until the visible text of the page contains `text`. `within` only keeps a broken page from hanging the
    /// test: how fast the text comes is measured by the benchmarks (`benches/meeting.rs`), not asserted here.
    async fn wait_for_text(&self, text: &str, within: Duration) {
        let start = std::time::Instant::now();
        loop {
            let found = self.script("return document.body.innerText.includes(arguments[0])", json!([text])).await;
            if found == true {
                return;
            }
            assert!(start.elapsed() < within, "{text:?} did not appear within {within:?}");
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Clicks, as a person would, the visible button of the live meeting form for action `action` whose fields have
    /// the given values (opening the question first, for an action that asks).
    async fn act(&self, action: &str, fields: Value) {
        let script = "const [action, fields] = arguments; \
            const forms = [...document.querySelectorAll('#live form')].filter(f => \
              f.querySelector(`input[name=do][value=${action}]`) && !f.closest('[hidden]') && \
              Object.entries(fields).every(([k, v]) => { const i = f.querySelector(`[name=${k}]`); return i && i.value == v; })); \
            if (!forms.length) return null; \
            const question = forms[0].closest('details.confirm'); \
            if (question && !question.open) question.querySelector('summary').click(); \
            return forms[0].querySelector('button');";
        // The live part may be replaced between finding the button and clicking it: then find it again.
        for _ in 0..60 {
            let button = self.script(script, json!([action, fields])).await;
            if let Some(id) = button.get(ELEMENT).and_then(Value::as_str) {
                let url = format!("{}/element/{id}/click", self.url);
                let response: Value =
                    self.driver.http.post(url).json(&json!({})).send().await.unwrap().json().await.unwrap();
                match response["value"].get("error").and_then(Value::as_str) {
                    None => return,
                    Some("stale element reference") => {}
                    Some(other) => panic!("clicking {action}: {other}: {response}"),
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no visible {action} button for {fields}");
    }

    async fn value_of(&self, css: &str) -> String {
        let element = self.find(css).await;
        self.call(reqwest::Method::GET, &format!("/element/{element}/property/value"), None)
            .await
            .as_str()
            .unwrap_or("")
            .to_owned()
    }

    async fn source(&self) -> String {
        self.call(reqwest::Method::GET, "/source", None).await.as_str().unwrap().to_owned()
    }

    async fn current_url(&self) -> String {
        self.call(reqwest::Method::GET, "/url", None).await.as_str().unwrap().to_owned()
    }

    /// Presses a key in the focused element (WebDriver actions).
    async fn press(&self, key: &str) {
        let actions = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": [
            { "type": "keyDown", "value": key }, { "type": "keyUp", "value": key } ] }] });
        self.call(reqwest::Method::POST, "/actions", Some(actions)).await;
    }

    /// Presses Tab until the focused element's text is `text` (at most 60 times): it is reachable by keyboard.
    async fn tab_to(&self, text: &str) {
        for _ in 0..60 {
            self.press("\u{E004}").await;
            if self.active_element_text().await.trim() == text {
                return;
            }
        }
        panic!("{text:?} cannot be reached with the Tab key");
    }

    async fn active_element_text(&self) -> String {
        // A live update may replace the focused element between the two requests (live.js then focuses its twin in
        // the new fragment, so the person's focus stays): ask again for the element that has the focus now.
        for _ in 0..10 {
            let element = self.call(reqwest::Method::GET, "/element/active", None).await;
            let id = element[ELEMENT].as_str().unwrap().to_owned();
            let url = format!("{}/element/{id}/text", self.url);
            let value: Value = self.driver.http.get(url).send().await.unwrap().json().await.unwrap();
            match value["value"].get("error").and_then(Value::as_str) {
                Some("stale element reference") => continue,
                Some(_) => panic!("WebDriver /element/{id}/text: {value}"),
                None => return value["value"].as_str().unwrap_or("").to_owned(),
            }
        }
        panic!("the focused element was replaced ten times in a row")
    }

    async fn screenshot(&self, name: &str) {
        let data = self.call(reqwest::Method::GET, "/screenshot", None).await;
        let png = base64::engine::general_purpose::STANDARD.decode(data.as_str().unwrap()).unwrap();
        assert!(png.starts_with(b"\x89PNG"), "a screenshot is a PNG");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    async fn close(self) {
        let _ = self.driver.http.delete(&self.url).send().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_user_runs_a_council_in_chromium() {
    let server = Server::start().await;
    let driver = Driver::start().await;
    // WCAG 2.0–2.2 A and AA rules (axe-core) on every page a new council's people see.
    let axe = axe_script();
    async fn accessible(session: &Session<'_>, axe: &str, page: &str) {
        let violations = session.accessibility_violations(axe).await;
        assert!(violations.is_empty(), "axe finds violations on {page}: {violations:#?}");
    }

    // The administrator, on a phone-sized screen.
    let admin = driver.session(360).await;
    admin.go(&server.url(&server.setup_path)).await;
    accessible(&admin, &axe, "the first administrator's set-up page").await;
    admin.type_into("#username", "amina").await;
    admin.type_into("#password", "a long password").await;
    admin.submit("main button[type=submit]").await;
    assert!(admin.current_url().await.ends_with("/councils/new"));
    accessible(&admin, &axe, "the new council form").await;
    admin.type_into("#name", "Tulpar Street Council").await;
    admin.type_into("#description", "The houses of Tulpar street").await;
    admin.type_into("#founder", "Amina").await;
    admin.submit("main button[type=submit]").await;
    let council_url = admin.current_url().await;
    assert!(council_url.contains("/c/"), "{council_url}");
    assert!(admin.source().await.contains("Tulpar Street Council"));
    admin.screenshot("council-secretary-en-360px").await;
    accessible(&admin, &axe, "the council page, as its secretary").await;

    // Keyboard users: the first Tab reaches the skip link.
    admin.press("\u{E004}").await;
    assert_eq!(admin.active_element_text().await, "Skip to content");

    // An invitation, accepted in another browser: the council's administration is a page of its own.
    admin.submit("a[href$='/manage']").await;
    admin.screenshot("council-manage-en-360px").await;
    accessible(&admin, &axe, "the council's administration").await;
    admin.submit("form[action$='/invitations'] button").await;
    let invitation = admin.value_of("#link").await;
    accessible(&admin, &axe, "the invitation link page").await;
    assert!(invitation.contains("/join/"), "{invitation}");
    let member = driver.session(360).await;
    member.go(&invitation).await;
    accessible(&member, &axe, "the invitation's join page").await;
    member.type_into("#display_name", "Nurlan").await;
    member.type_into("#username", "nurlan").await;
    member.type_into("#password", "nurlan's password").await;
    member.submit("main button[type=submit]").await;
    assert_eq!(member.current_url().await, council_url);
    let page = member.source().await;
    assert!(page.contains("Nurlan") && page.contains("Amina"));

    // A member added by name signs in with the one-time link.
    admin.go(&format!("{council_url}/manage")).await;
    admin.type_into("#add-name", "Gulnara").await;
    admin.submit("form[action$='/members'] button").await;
    let link = admin.value_of("#link").await;
    let added = driver.session(360).await;
    added.go(&link).await;
    accessible(&added, &axe, "the one-time sign-in link page").await;
    added.submit("main button[type=submit]").await;
    assert_eq!(added.current_url().await, council_url);
    assert!(added.source().await.contains("Gulnara"));

    // The member switches language with the switcher; every language renders the council page.
    for code in ["ru", "kk", "es", "pt", "ko", "nb", "en"] {
        member.go(&council_url).await;
        member.click(&format!("#lang-select option[value='{code}']")).await;
        member.submit("form.lang button").await;
        member.go(&council_url).await;
        let page = member.source().await;
        assert!(page.contains(&format!("lang=\"{code}\"")), "council page not in {code}");
        member.screenshot(&format!("council-{code}-360px")).await;
        accessible(&member, &axe, &format!("the council page, as a member, in {code}")).await;
    }
    // The secretary's council page with an open link listed, ready to withdraw.
    admin.go(&format!("{council_url}/manage")).await;
    admin.submit("form[action$='/invitations'] button").await;
    admin.go(&format!("{council_url}/manage")).await;
    assert!(admin.source().await.contains("/revoke"));
    accessible(&admin, &axe, "the council page with its open links").await;
    // The record page, wide.
    let wide = driver.session(1280).await;
    wide.go(&server.url("/signin")).await;
    accessible(&wide, &axe, "the sign-in page").await;
    wide.type_into("#username", "amina").await;
    wide.type_into("#password", "a long password").await;
    wide.submit("main button[type=submit]").await;
    wide.go(&format!("{council_url}/record")).await;
    assert!(wide.source().await.contains("member.added"));
    wide.screenshot("record-en-1280px").await;
    accessible(&wide, &axe, "the record page").await;
    for (path, page) in [
        ("/".to_owned(), "the council list"),
        (format!("{council_url}/members/2"), "a member's profile"),
        ("/account".to_owned(), "the account page"),
    ] {
        wide.go(&server.url(&path)).await;
        accessible(&wide, &axe, page).await;
    }

    for session in [admin, member, added, wide] {
        session.close().await;
    }
    assert!(server.state.i18n().missing().is_empty(), "{:?}", server.state.i18n().missing());
}

/// A fresh council founded by `names[0]` whose other `names` are plain members, each with an account named by their
/// name in lower case and the password "a long password"; made through the node like the pages would.
fn council_with(server: &Server, names: &[&str]) -> kenes_record::EventHash {
    use kenes_council::{CouncilKind, Role};
    use kenes_testkit::council::{created, member_added};
    let state = &server.state;
    let created = created("Tulpar Street Council", CouncilKind::Neighbourhood, names[0], &["en"]);
    let council = state.node().create_council(created, kenes_web::auth::now_ms()).unwrap();
    let hash = kenes_web::auth::hash_password("a long password").unwrap();
    for (index, name) in names.iter().enumerate() {
        if index > 0 {
            state.execute(council, &member_added(1, name, Role::Member)).unwrap();
        }
        let backend = state.node().store().backend();
        let username = name.to_lowercase();
        let account = backend.create_account(&username, Some(&hash), index == 0, kenes_web::auth::now_ms()).unwrap();
        backend.link_member(account, council, index as u32 + 1).unwrap();
    }
    council
}

impl Session<'_> {
    /// Signs in one of the demo council's people.
    async fn sign_in_as(&self, server: &Server, username: &str) {
        self.go(&server.url("/signin")).await;
        self.type_into("#username", username).await;
        self.type_into("#password", kenes_testkit::web::DEMO_PASSWORD).await;
        self.submit("main button[type=submit]").await;
    }

    async fn sign_in(&self, server: &Server, username: &str) {
        self.go(&server.url("/signin")).await;
        self.type_into("#username", username).await;
        self.type_into("#password", "a long password").await;
        self.submit("main button[type=submit]").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meeting_with_a_chair_and_three_members_in_chromium() {
    let server = Server::start().await;
    let council = council_with(&server, &["Bolat", "Dana", "Erlan", "Farida"]);
    let driver = Driver::start().await;
    let chair = driver.session(1024).await;
    chair.sign_in(&server, "bolat").await;

    // The chair convenes the meeting: quorum 75% of 4 voting members is 3.
    chair.go(&server.url(&format!("/c/{}/assemblies", council.to_hex()))).await;
    chair.type_into("#title", "November general meeting").await;
    chair.type_into("#starts", "2026-11-22 18:00").await;
    chair.type_into("#place", "School No. 12").await;
    chair.script("document.getElementById('quorum').value = '75'", json!([])).await;
    // A double click on Convene (two clicks before the next page comes) makes one meeting.
    chair
        .script(
            "const b = document.querySelector(\"main form[action$='/assemblies'] button[type=submit]\"); b.click(); b.click();",
            json!([]),
        )
        .await;
    chair.wait_until("the meeting's page", "return location.pathname.endsWith('/a/1')", Duration::from_secs(10)).await;
    let meeting = chair.current_url().await;
    assert!(meeting.ends_with("/a/1"), "{meeting}");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        server.state.node().read(council, |c| c.assemblies().len()).unwrap(),
        1,
        "a double click made two meetings"
    );
    for item in ["Street lights", "Snow clearing"] {
        chair.script("document.querySelectorAll('section.chair details').forEach(d => d.open = true)", json!([])).await;
        chair.type_into("#item-title", item).await;
        chair.submit("form:has(#item-title) button[type=submit]").await;
    }
    chair.submit("section.chair form:has(input[value=open]) button").await;
    chair.wait_for_text("In session", Duration::from_secs(5)).await;

    // Three members on phones, each in their own browser.
    let mut members = Vec::new();
    for username in ["dana", "erlan", "farida"] {
        let member = driver.session(360).await;
        member.sign_in(&server, username).await;
        member.go(&meeting).await;
        members.push(member);
    }
    let projector = driver.session(1280).await;
    projector.sign_in(&server, "bolat").await;
    projector.go(&format!("{meeting}/projector")).await;

    // Check-in from the phones: the chair's screen follows live until quorum is present. Farida uses only the
    // keyboard: Tab until the check-in button has focus, then Enter.
    for member in &members[..2] {
        member.act("check_in", json!({})).await;
        member.wait_for_text("You are checked in.", Duration::from_secs(5)).await;
    }
    members[2].tab_to("Check in").await;
    members[2].press("\u{E007}").await;
    members[2].wait_for_text("You are checked in.", Duration::from_secs(5)).await;
    chair.wait_for_text("quorum present", Duration::from_secs(5)).await;
    chair.act("check_in", json!({})).await;
    chair.wait_for_text("You are checked in.", Duration::from_secs(5)).await;

    // The chair takes up the first item; every screen follows.
    chair.act("take_item", json!({ "item": "1" })).await;
    for screen in members.iter().chain([&projector]) {
        screen.wait_for_text("Now: 1 Street lights", Duration::from_secs(5)).await;
    }

    // Dana moves a motion; Erlan seconds it; the chair admits it and opens debate.
    let dana = &members[0];
    dana.type_into("#motion-title", "Repair the street lights").await;
    dana.type_into("#motion-text", "The council asks the city to repair\nevery broken light\nbefore the winter.").await;
    dana.submit("form:has(#motion-text) button[type=submit]").await;
    members[1].act("second_motion", json!({ "motion": "1" })).await;
    chair.act("admit_motion", json!({ "motion": "1" })).await;
    chair.act("debate_motion", json!({ "motion": "1" })).await;
    dana.wait_for_text("under debate", Duration::from_secs(5)).await;

    // Speakers: Dana for, Erlan against, then Farida raises a point of order, which goes to the front.
    for (member, kind) in [(&members[0], "for"), (&members[1], "against"), (&members[2], "point_of_order")] {
        member.script("document.getElementById('speech-kind').value = arguments[0]", json!([kind])).await;
        member.act("request_floor", json!({})).await;
        member.wait_for_text("Leave the list", Duration::from_secs(5)).await;
    }
    let first_waiting = chair.script("return document.querySelector('#live ol.waiting li').innerText", json!([])).await;
    assert!(first_waiting.as_str().unwrap().starts_with("Farida"), "{first_waiting}");
    chair.act("give_floor", json!({ "item": "1" })).await;
    for screen in members.iter().chain([&projector]) {
        screen.wait_for_text("Speaking: Farida", Duration::from_secs(5)).await;
    }

    // Erlan proposes an amendment to line 3; Dana seconds; a roll call adopts it.
    let erlan = &members[1];
    erlan.script("document.querySelectorAll('#live details.amend').forEach(d => d.open = true)", json!([])).await;
    erlan
        .script(
            "const f = document.querySelector('#live details.amend form'); f.from_line.value = 3; f.to_line.value = 3;",
            json!([]),
        )
        .await;
    erlan.type_into("#live details.amend textarea", "by the first of December.").await;
    erlan.act("amend", json!({ "motion": "1" })).await;
    dana.act("second_amendment", json!({ "amendment": "1" })).await;
    chair.act("vote_amendment", json!({ "amendment": "1", "mode": "roll_call" })).await;
    for member in &members {
        member.act("cast", json!({ "vote": "1", "choice": "yes" })).await;
        member.wait_for_text("Your vote is recorded.", Duration::from_secs(5)).await;
    }
    chair.wait_for_text("3 voted so far", Duration::from_secs(5)).await;
    chair.act("close_vote", json!({ "vote": "1" })).await;
    for screen in members.iter().chain([&projector]) {
        screen.wait_for_text("Carried", Duration::from_secs(5)).await;
    }
    dana.wait_for_text("by the first of December.", Duration::from_secs(5)).await;

    // The amended motion by roll call: two for, one against, the chair abstains; the result reaches every screen
    // when the chair closes the vote, without anyone reloading.
    chair.act("vote_motion", json!({ "motion": "1", "mode": "roll_call" })).await;
    for (member, choice) in members[..2].iter().zip(["yes", "yes"]) {
        member.act("cast", json!({ "vote": "2", "choice": choice })).await;
    }
    members[2].tab_to("No").await;
    members[2].press("\u{E007}").await;
    chair.act("cast", json!({ "vote": "2", "choice": "abstain" })).await;
    chair.wait_for_text("4 voted so far", Duration::from_secs(5)).await;
    projector.screenshot("meeting-projector-vote-open-1280px").await;
    chair.act("close_vote", json!({ "vote": "2" })).await;
    for screen in members.iter().chain([&projector, &chair]) {
        screen.wait_for_text("Vote 2: Repair the street lights", Duration::from_secs(5)).await;
        screen.wait_for_text("adopted", Duration::from_secs(5)).await;
    }
    chair.screenshot("meeting-chair-1024px").await;
    dana.screenshot("meeting-member-360px").await;
    projector.screenshot("meeting-projector-1280px").await;

    // WCAG 2.2 A and AA rules (axe-core) on what each person sees: no violation on any of the meeting's pages.
    let axe = axe_script();
    for (who, screen) in [("chair", &chair), ("member", dana), ("projector", &projector)] {
        let violations = screen.accessibility_violations(&axe).await;
        assert!(violations.is_empty(), "the {who}'s meeting page breaks WCAG rules: {violations:#?}");
    }
    // The check can fail: an input without a label, added to the page, is reported.
    projector.script("document.querySelector('main').append(document.createElement('input'))", json!([])).await;
    let violations = projector.accessibility_violations(&axe).await;
    assert!(violations.iter().any(|v| v.contains("label")), "axe misses an unlabelled input: {violations:?}");

    // Minutes, from the record.
    chair.go(&format!("{meeting}/minutes")).await;
    let minutes = chair.source().await;
    for expected in ["As adopted", "by the first of December.", "Farida (point of order)", "Dana, Erlan", "Farida"] {
        assert!(minutes.contains(expected), "minutes lack {expected:?}");
    }
    chair.screenshot("meeting-minutes-1024px").await;
    let violations = chair.accessibility_violations(&axe).await;
    assert!(violations.is_empty(), "the minutes break WCAG rules: {violations:#?}");

    for session in members.into_iter().chain([chair, projector]) {
        session.close().await;
    }
    assert!(server.state.i18n().missing().is_empty(), "{:?}", server.state.i18n().missing());
}

impl Session<'_> {
    async fn text_of(&self, css: &str) -> String {
        let element = self.find(css).await;
        self.call(reqwest::Method::GET, &format!("/element/{element}/text"), None)
            .await
            .as_str()
            .unwrap_or("")
            .to_owned()
    }

    /// Waits until a script returns true (polling every 50 ms).
    async fn wait_until(&self, what: &str, script: &str, within: Duration) {
        let start = std::time::Instant::now();
        while self.script(script, json!([])).await != true {
            assert!(
                start.elapsed() < within,
                "{what} did not happen within {within:?}: {}",
                self.text_of("main").await
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The texts of the files the page offered for download (blob links made in the browser), in order.
    async fn offered_files(&self) -> Vec<String> {
        let script = "const done = arguments[arguments.length - 1]; \
            Promise.all(window.offered.map(h => fetch(h).then(r => r.text()))).then(done, e => done(['error ' + e]));";
        let files =
            self.call(reqwest::Method::POST, "/execute/async", Some(json!({ "script": script, "args": [] }))).await;
        files.as_array().unwrap().iter().map(|f| f.as_str().unwrap_or("").to_owned()).collect()
    }
}

/// axe-core's browser script, installed by `cargo xtask test`.
fn axe_script() -> String {
    let path =
        std::env::var("KENES_AXE").unwrap_or_else(|_| "target/xtask-node/node_modules/axe-core/axe.min.js".to_owned());
    std::fs::read_to_string(&path)
        .or_else(|_| std::fs::read_to_string(format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))))
        .unwrap_or_else(|e| panic!("axe-core at {path}: {e}; run the tests with `cargo xtask test`, which installs it"))
}

/// A whole secret election in Chromium, on Ed25519 (the default group, Belenios 3): the secretary sets it up with
/// two marked questions and a ranked one (STV, two seats), three trustees run a 2-of-3 key ceremony in their own
/// browsers, ten members vote from the booth on phone-sized screens (one audits an encryption first, one revotes),
/// the secretary closes, two trustees' pages shuffle the ranked ballots and decrypt (the third trustee is away:
/// two shuffles are as many as it takes to decrypt); the result equals the votes, the count is shown stage by stage,
/// the archive passes belenios-tool 3.0 and kenes, and no request the pages sent carried a credential, a trustee's
/// secret or a plain vote.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secret_election_with_three_trustees_and_ten_voters_in_chromium() {
    let server = Server::start().await;
    let people = ["Ana", "Dana", "Erlan", "Farida", "Gulnara", "Ilyas", "Zhanna", "Marat", "Saule", "Timur"];
    let council = council_with(&server, &people);
    let council_url = server.url(&format!("/c/{}", council.to_hex()));
    let driver = Driver::start().await;

    // The secretary sets the election up.
    let secretary = driver.session(1024).await;
    secretary.sign_in(&server, "ana").await;
    secretary.go(&format!("{council_url}/elections")).await;
    secretary.type_into("#el-title", "Delegate to the city hearing").await;
    secretary.type_into("#q1", "Who speaks for us?").await;
    secretary.type_into("#q1-answers", "Dana\nErlan\nSaule").await;
    secretary.click("#q1-blank").await;
    secretary.type_into("#q2", "Which demands do we bring?").await;
    secretary.type_into("#q2-answers", "Lights\nSnow\nBus stop").await;
    secretary.type_into("#q3", "Who sits on the strike committee?").await;
    secretary.type_into("#q3-answers", "Bolat\nDana\nSaule\nErlan").await;
    secretary
        .script(
            "document.getElementById('q2-min').value = '0'; document.getElementById('q2-max').value = '3'; \
        document.getElementById('q3-kind').value = 'stv'; document.getElementById('q3-seats').value = '2'; \
        document.getElementById('el-threshold').value = '2'",
            json!([]),
        )
        .await;
    assert_eq!(secretary.value_of("#el-group").await, "Ed25519", "new elections are on Ed25519");
    // The form as a phone shows it, at the ranked question's method and the group.
    secretary.resize(360).await;
    secretary
        .script(
            "document.getElementById('el-group').closest('details').open = true; \
        document.getElementById('q3-kind').scrollIntoView()",
            json!([]),
        )
        .await;
    secretary.screenshot("election-setup-form-ranked-360px").await;
    secretary.script("document.getElementById('el-group').scrollIntoView()", json!([])).await;
    secretary.screenshot("election-setup-form-group-360px").await;
    secretary.resize(1024).await;
    for trustee in [2, 3, 4] {
        secretary.click(&format!("#trustee-{trustee}")).await;
    }
    secretary.submit("form[action$='/elections'] button[type=submit]").await;
    let election = secretary.current_url().await;
    assert!(election.ends_with("/e/1"), "{election}");

    // Three trustees, each in their own browser: one click each, then their pages run the ceremony's rounds.
    let mut trustees = Vec::new();
    for username in ["dana", "erlan", "farida"] {
        let trustee = driver.session(1024).await;
        trustee.sign_in(&server, username).await;
        trustee.go(&format!("{election}/trustee")).await;
        trustee
            .wait_until(
                "the key button",
                "return !document.getElementById('trustee-key').hidden",
                Duration::from_secs(10),
            )
            .await;
        // Watch every file the page offers (the test reads them back to check the server never received them).
        trustee.script("window.offered = []; new MutationObserver(() => window.offered.push(document.getElementById('download-link').href)) \
            .observe(document.getElementById('download-link'), { attributes: true, attributeFilter: ['href'] });", json!([])).await;
        trustee.click("#make-key").await;
        trustees.push(trustee);
    }
    let mut seeds = Vec::new();
    let mut kept = Vec::new();
    for trustee in &trustees {
        trustee
            .wait_until(
                "the trustee's part",
                "return !!document.getElementById('download-link').href && \
            document.getElementById('trustee-status').textContent.includes('Your part is done')",
                Duration::from_secs(60),
            )
            .await;
        // One file to keep, offered twice: with the seed after step 1, then with the seed and the encrypted
        // decryption key (.dkey, which the voutput carries by design) after step 5.
        let files = trustee.offered_files().await;
        assert_eq!(files.len(), 2, "{files:?}");
        let (first, second): (Value, Value) =
            (serde_json::from_str(&files[0]).unwrap(), serde_json::from_str(&files[1]).unwrap());
        assert!(first["dkey"].is_null() && second["dkey"].is_string(), "{files:?}");
        assert_eq!(first["key"], second["key"], "the newer file holds all the earlier one did");
        seeds.push(first["key"].as_str().unwrap().trim().to_owned());
        kept.push(files);
    }
    trustees[0].screenshot("election-trustee-1024px").await;
    let axe = axe_script();
    let violations = trustees[0].accessibility_violations(&axe).await;
    assert!(violations.is_empty(), "the trustee's page breaks WCAG rules: {violations:#?}");
    // The secretary makes the voting codes before voting opens. Ana collects hers, comes back to the page (the same
    // code, kept in memory a while), then loses it: the secretary issues a new one in its place.
    secretary.go(&election).await;
    secretary.submit("form[action$='/credentials'] button").await;
    secretary.wait_for_text("Voting codes made: 10. Collected: 0.", Duration::from_secs(5)).await;
    let ana = driver.session(360).await;
    ana.sign_in(&server, "ana").await;
    ana.go(&council_url).await;
    ana.wait_for_text("Your voting code for Delegate to the city hearing is ready to collect", Duration::from_secs(5))
        .await;
    ana.go(&format!("{election}/credential")).await;
    ana.submit("main form button[type=submit]").await;
    let lost = ana.text_of("#credential").await;
    ana.wait_for_text("once voting opens", Duration::from_secs(5)).await;
    ana.go(&format!("{election}/credential")).await;
    ana.submit("main form button[type=submit]").await;
    assert_eq!(ana.text_of("#credential").await, lost, "coming back shows the same code");
    secretary.go(&election).await;
    secretary.wait_for_text("Collected: 1.", Duration::from_secs(5)).await;
    secretary.click("#roll details summary").await;
    secretary.click("#roll ul.roll li:first-child details.confirm summary").await;
    secretary.wait_for_text("Ana gets a new voting code to collect", Duration::from_secs(5)).await;
    secretary
        .script("document.querySelector(\"form[action$='/reissue/1']\").scrollIntoView({block: 'center'})", json!([]))
        .await;
    secretary.screenshot("election-reissue-1024px").await;
    secretary.submit("form[action$='/reissue/1'] button").await;
    secretary.wait_for_text("Collected: 0.", Duration::from_secs(5)).await;
    ana.go(&format!("{election}/credential")).await;
    ana.submit("main form button[type=submit]").await;
    let reissued = ana.text_of("#credential").await;
    assert_ne!(reissued, lost, "a new code, not the lost one");
    ana.screenshot("election-credential-early-360px").await;
    ana.close().await;
    secretary.go(&election).await;
    secretary.submit("form[action$='/open'] button").await;
    // Farida leaves: two trustees of three will decrypt.
    trustees.pop().unwrap().close().await;

    // Ten voters on phones: the credential page, then the booth. Ana audits an encryption first; Timur revotes.
    let mut cast: Vec<(Vec<u32>, Vec<u32>)> = Vec::new();
    let mut credentials = Vec::new();
    let choose = [
        (0, &[0, 1][..]),
        (1, &[0]),
        (0, &[2]),
        (2, &[0, 1, 2]),
        (9, &[]),
        (1, &[1]),
        (0, &[0]),
        (2, &[]),
        (1, &[0, 2]),
        (0, &[1]),
    ];
    // Ranks for (Bolat, Dana, Saule, Erlan), 0 for unranked: five put Bolat first, four Saule, one Dana. With ten
    // ballots the quota for two seats is 4: Bolat and Saule are elected.
    let rankings: [[u32; 4]; 10] = [
        [1, 2, 0, 0],
        [1, 0, 2, 3],
        [0, 0, 1, 2],
        [2, 0, 1, 0],
        [1, 3, 2, 0],
        [0, 1, 2, 0],
        [1, 0, 0, 2],
        [0, 2, 1, 3],
        [1, 0, 0, 0],
        [0, 0, 1, 2],
    ];
    // Sets the rank menus of the ranked question (the third) as a voter's choices would.
    let rank = |ranks: &[u32; 4]| -> String {
        ranks
            .iter()
            .enumerate()
            .map(|(a, rank)| format!("document.getElementById('q2a{a}').value = '{rank}';"))
            .collect()
    };
    for (index, name) in people.iter().enumerate() {
        let voter = driver.session(360).await;
        voter.sign_in(&server, &name.to_lowercase()).await;
        if index == 0 {
            // Ana votes with the code she was given in place of the lost one.
            voter.go(&format!("{election}/vote#credential={reissued}")).await;
            credentials.push(reissued.clone());
        } else {
            voter.go(&format!("{election}/credential")).await;
            voter.submit("main form button[type=submit]").await;
            credentials.push(voter.text_of("#credential").await);
            voter.submit("a.button[href*='/vote#credential=']").await;
        }
        voter
            .wait_until(
                "the booth",
                "return document.getElementById('booth').dataset.ready === 'true'",
                Duration::from_secs(10),
            )
            .await;
        let vote = |first: usize, demands: &[usize]| {
            // (blank, Dana, Erlan, Saule) and (Lights, Snow, Bus stop); 9 stands for a blank vote.
            let mut q1 = vec![0u32; 4];
            q1[if first == 9 { 0 } else { first + 1 }] = 1;
            let mut q2 = vec![0u32; 3];
            for d in demands {
                q2[*d] = 1;
            }
            (q1, q2)
        };
        let (first, demands) = choose[index];
        // Ticks the answers as a voter's taps would (clearing earlier ticks first).
        let mark = |first: usize, demands: &[usize]| {
            let mut ids = vec![if first == 9 { "q0blank".to_owned() } else { format!("q0a{first}") }];
            ids.extend(demands.iter().map(|d| format!("q1a{d}")));
            format!(
                "document.querySelectorAll('#booth input[type=checkbox]').forEach(i => i.checked = false); {}",
                ids.iter().map(|id| format!("document.getElementById('{id}').click();")).collect::<String>()
            )
        };
        voter.script(&mark(first, demands), json!([])).await;
        voter.script(&rank(&rankings[index]), json!([])).await;
        let sealed = "return !document.getElementById('sealed').hidden";
        voter.click("#encrypt").await;
        voter.wait_until("the encryption", sealed, Duration::from_secs(30)).await;
        if index == 0 {
            voter.screenshot("election-booth-360px").await;
            let violations = voter.accessibility_violations(&axe).await;
            assert!(violations.is_empty(), "the booth breaks WCAG rules: {violations:#?}");
            voter.click("#audit").await;
            voter.wait_for_text("The audit checks out", Duration::from_secs(30)).await;
            voter.click("#encrypt").await;
            voter.wait_until("the second encryption", sealed, Duration::from_secs(30)).await;
        }
        voter.click("#cast").await;
        voter
            .wait_until(
                "the cast",
                "return document.getElementById('cast-tracker').textContent.length > 20",
                Duration::from_secs(30),
            )
            .await;
        let mut final_vote = vote(first, demands);
        if index == 9 {
            voter.type_into("#credential", &credentials[index]).await;
            voter.script(&mark(2, &[2]), json!([])).await;
            voter.click("#encrypt").await;
            voter.wait_until("the revote's encryption", sealed, Duration::from_secs(30)).await;
            voter.click("#cast").await;
            voter.wait_for_text("replaces your earlier one", Duration::from_secs(30)).await;
            final_vote = vote(2, &[2]);
        }
        cast.push(final_vote);
        voter.close().await;
    }

    // The secretary's page, open since voting began, followed the board without a reload.
    secretary.wait_for_text("10 ballots count (11 cast", Duration::from_secs(15)).await;

    // The secretary closes; Dana's page, open all along, decrypts. Erlan closed his and comes back with his file:
    // the older one first, which the page explains and asks again for, then the one to keep.
    let erlan = trustees.pop().unwrap();
    erlan.close().await;
    secretary.go(&election).await;
    secretary.click("details.confirm summary").await;
    secretary.submit("form[action$='/close'] button").await;
    // The ranked ballots are shuffled first: Dana's page asks, and she shuffles in her browser.
    trustees[0]
        .wait_until(
            "the shuffle panel",
            "return !document.getElementById('trustee-shuffle').hidden",
            Duration::from_secs(20),
        )
        .await;
    trustees[0].click("#shuffle-here").await;
    trustees[0].wait_for_text("Waiting for the other trustees to shuffle", Duration::from_secs(60)).await;
    let erlan = driver.session(360).await;
    erlan.sign_in(&server, "erlan").await;
    erlan.go(&format!("{election}/trustee")).await;
    // Erlan shuffles too (no key needed for that); two shuffles of three trustees end the shuffling, as two
    // trustees can decrypt. Then Dana's page decrypts, and Erlan's asks for his file.
    erlan
        .wait_until(
            "the shuffle panel",
            "return !document.getElementById('trustee-shuffle').hidden",
            Duration::from_secs(20),
        )
        .await;
    erlan.click("#shuffle-here").await;
    trustees[0].wait_for_text("Your partial decryption is in", Duration::from_secs(60)).await;
    erlan
        .wait_until(
            "the file picker",
            "return !document.getElementById('trustee-file').hidden",
            Duration::from_secs(10),
        )
        .await;
    let files = tempfile::tempdir().unwrap();
    let (older, newer) = (files.path().join("older.json"), files.path().join("newer.json"));
    std::fs::write(&older, &kept[1][0]).unwrap();
    std::fs::write(&newer, &kept[1][1]).unwrap();
    erlan.click("#use-key").await;
    erlan.wait_for_text("Choose your trustee file first", Duration::from_secs(5)).await;
    erlan.type_into("#key-file", older.to_str().unwrap()).await;
    erlan.click("#use-key").await;
    erlan.wait_for_text("This file is from before your last step", Duration::from_secs(5)).await;
    erlan.screenshot("election-trustee-older-file-360px").await;
    erlan.script("document.getElementById('key-file').value = ''", json!([])).await;
    erlan.type_into("#key-file", newer.to_str().unwrap()).await;
    erlan.click("#use-key").await;
    erlan.wait_for_text("Your partial decryption is in", Duration::from_secs(60)).await;
    trustees.push(erlan);
    let board: Value = reqwest::get(format!("{election}/board.json")).await.unwrap().json().await.unwrap();
    let mut expected = vec![vec![0u64; 4], vec![0u64; 3]];
    let mut ranked: Vec<Vec<u64>> = rankings.iter().map(|r| r.iter().map(|&v| u64::from(v)).collect()).collect();
    ranked.sort();
    for (q1, q2) in &cast {
        for (i, v) in q1.iter().enumerate() {
            expected[0][i] += u64::from(*v);
        }
        for (i, v) in q2.iter().enumerate() {
            expected[1][i] += u64::from(*v);
        }
    }
    assert_eq!(board["status"], "tallied", "{board}");
    assert_eq!(board["result"][0], json!(expected[0]), "the result equals the votes cast: {board}");
    assert_eq!(board["result"][1], json!(expected[1]), "the result equals the votes cast: {board}");
    secretary.go(&election).await;
    secretary.wait_for_text("The result is published", Duration::from_secs(5)).await;
    secretary.wait_for_text("Elected: Bolat, Saule", Duration::from_secs(5)).await;
    secretary.screenshot("election-result-1024px").await;
    for width in [360, 1920] {
        secretary.resize(width).await;
        secretary.go(&election).await;
        secretary.script("document.querySelector('.ranked-result').scrollIntoView()", json!([])).await;
        secretary.screenshot(&format!("election-ed25519-count-{width}px")).await;
    }
    secretary.resize(1024).await;
    let violations = secretary.accessibility_violations(&axe).await;
    assert!(violations.is_empty(), "the election's page breaks WCAG rules: {violations:#?}");

    // The archive the app serves, an Ed25519 election shuffled by Dana and Erlan: kenes and belenios-tool 3.0
    // verify it, and the decrypted rankings are those cast.
    let archive = reqwest::get(format!("{election}/archive.bel")).await.unwrap().bytes().await.unwrap();
    let parsed = kenes_crypto::archive::Archive::parse(&archive).unwrap();
    assert_eq!(kenes_crypto::verify::archive_group(&parsed).unwrap(), "Ed25519");
    let summary = kenes_crypto::verify::verify_archive(&parsed, &kenes_crypto::verify::Quiet).unwrap();
    assert_eq!(summary.result.as_ref().map(|r| r[..2].to_vec()), Some(expected.clone()));
    assert_eq!(summary.shuffles, vec![1, 2], "Dana and Erlan shuffled; Farida was skipped");
    let mut ballots = summary.ranked[0].ballots.clone().unwrap();
    ballots.sort();
    assert_eq!(ballots, ranked, "the decrypted rankings are those cast");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(format!("{}.bel", summary.uuid)), &archive).unwrap();
    kenes_testkit::program::belenios_tool3().in_dir(dir.path()).ok(&["election", "verify"]);

    // What the browsers sent: no credential, no trustee's seed, and ballots holding ciphertexts only.
    let received = server.received.lock().unwrap().clone();
    let election_path = election.trim_start_matches(&server.url(""));
    let mut ballots = 0;
    for (path, body) in received.iter().filter(|(path, _)| path.starts_with(election_path)) {
        let text = String::from_utf8_lossy(body);
        for secret in credentials.iter().chain(&seeds).chain([&lost]) {
            assert!(!secret.is_empty() && !text.contains(secret.trim()), "{path} received a secret");
        }
        if path.ends_with("/ballot") {
            ballots += 1;
            let ballot: Value = serde_json::from_str(&text).unwrap();
            for answer in ballot["answers"].as_array().unwrap() {
                // A marked question's answer has a ciphertext per answer; a ranked one's, one ciphertext.
                let choices = match &answer["choices"] {
                    Value::Array(choices) => choices.clone(),
                    one => vec![one.clone()],
                };
                for choice in choices {
                    let keys: Vec<&String> = choice.as_object().unwrap().keys().collect();
                    assert_eq!(keys, ["alpha", "beta"], "a ballot carries ciphertexts only");
                }
            }
        }
    }
    assert_eq!(ballots, 11, "ten ballots and one revote reached the server (the audited one never did)");
    for session in trustees.into_iter().chain([secretary]) {
        session.close().await;
    }
}

/// The booth with JavaScript turned off: its button stays disabled and its inputs belong to no form, so pressing
/// Encrypt or Enter sends nothing; neither the credential nor the plain choice reaches the server, the address bar or
/// the history.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_booth_sends_nothing_without_javascript_in_chromium() {
    let server = Server::start().await;
    let (election, secretary, _) = crate::elections::election_with_one_trustee(&server, &[]).await;
    let csrf = secretary.get(&election).await.csrf();
    assert_eq!(secretary.post(&format!("{election}/open"), &[("csrf", &csrf)]).await.status, 303);
    let driver = Driver::start().await;
    let voter = driver.session_with(360, false).await;
    voter.sign_in_as(&server, "bolat").await;
    // The credential, by the page's button (a form post: no script needed), then the booth by its link.
    voter.go(&server.url(&format!("{election}/credential"))).await;
    voter.submit("main form button[type=submit]").await;
    let credential = voter.text_of("#credential").await;
    assert_eq!(credential.len(), 19, "{credential}");
    voter.go(&server.url(&format!("{election}/vote"))).await;
    let source = voter.source().await;
    assert!(source.contains("id=\"encrypt\" type=\"button\" disabled"), "{source}");
    assert!(!source.contains("name=\"credential\"") && !source.contains("<form id=\"booth\""), "{source}");
    voter.type_into("#credential", &credential).await;
    voter.click("#q0a1").await;
    voter.screenshot("election-booth-without-javascript-360px").await;
    let before = server.requested.lock().unwrap().len();
    voter.try_click("#encrypt").await;
    voter.type_into("#credential", "\u{E007}").await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(voter.current_url().await.ends_with(&format!("{election}/vote")), "{}", voter.current_url().await);
    let after: Vec<String> = server.requested.lock().unwrap()[before..].to_vec();
    assert!(after.is_empty(), "the booth sent requests without JavaScript: {after:?}");
    let everything = server.requested.lock().unwrap().join("\n");
    assert!(!everything.contains(&credential) && !everything.contains("q0="), "{everything}");
    for (path, body) in server.received.lock().unwrap().iter() {
        let body = String::from_utf8_lossy(body);
        assert!(!body.contains(&credential), "{path} received the credential");
    }
    voter.close().await;
}

/// A voter's mistakes in the booth are said in the voter's language: a mistyped credential and too many answers, in
/// Korean; nothing is sent while they stand.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_booth_explains_mistakes_in_the_voters_language_in_chromium() {
    let server = Server::start().await;
    let (election, secretary, _) = crate::elections::election_with_one_trustee(&server, &[]).await;
    let csrf = secretary.get(&election).await.csrf();
    assert_eq!(secretary.post(&format!("{election}/open"), &[("csrf", &csrf)]).await.status, 303);
    let driver = Driver::start().await;
    let voter = driver.session(360).await;
    voter.sign_in_as(&server, "bolat").await;
    voter.go(&server.url("/")).await;
    voter.click("#lang-select option[value='ko']").await;
    voter.submit("form.lang button").await;
    voter.go(&server.url(&format!("{election}/credential"))).await;
    voter.submit("main form button[type=submit]").await;
    let credential = voter.text_of("#credential").await;
    voter.go(&server.url(&format!("{election}/vote"))).await;
    voter
        .wait_until(
            "the booth",
            "return document.getElementById('booth').dataset.ready === 'true'",
            Duration::from_secs(10),
        )
        .await;
    // One character changed: the checksum catches it.
    let last = credential.chars().last().unwrap();
    let typo = format!("{}{}", &credential[..credential.len() - 1], if last == '2' { '3' } else { '2' });
    voter.script("document.getElementById('credential').value = ''", json!([])).await;
    voter.type_into("#credential", &typo).await;
    voter.click("#q0a1").await;
    voter.click("#encrypt").await;
    voter.wait_for_text("투표 코드에 오타가 있습니다", Duration::from_secs(10)).await;
    let shown = voter.source().await;
    assert!(!shown.contains("checksum"), "no English inside the Korean booth");
    voter.screenshot("election-booth-typo-ko-360px").await;
    // The right credential, and both answers ticked where one is allowed.
    voter.script("document.getElementById('credential').value = ''", json!([])).await;
    voter.type_into("#credential", &credential).await;
    voter
        .script("document.querySelectorAll('#booth input[type=radio]').forEach(i => i.checked = false)", json!([]))
        .await;
    voter.click("#encrypt").await;
    voter.wait_for_text("질문 1: 답을 1개에서 1개까지 고르세요(고른 수: 0개)", Duration::from_secs(10)).await;
    let sealed = voter.script("return document.getElementById('sealed').hidden", json!([])).await;
    assert_eq!(sealed, json!(true), "nothing is sealed while a mistake stands");
    voter.close().await;
}

impl Session<'_> {
    /// Emulates the reader's colour scheme (`light` or `dark`) through Chromium's DevTools protocol.
    async fn color_scheme(&self, scheme: &str) {
        let features = json!([{ "name": "prefers-color-scheme", "value": scheme }]);
        let params = json!({ "cmd": "Emulation.setEmulatedMedia", "params": { "features": features } });
        self.call(reqwest::Method::POST, "/goog/cdp/execute", Some(params)).await;
    }

    /// What a person would call broken on this page, as sentences: the page scrolls sideways, two controls that
    /// contradict each other show together, an action the keyboard cannot reach.
    async fn visual_problems(&self) -> Vec<String> {
        let script = r#"
            const problems = [];
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth + 1) {
                const wide = [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
                    .filter(e => !e.closest('table, pre, .qr'))
                    .slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id);
                problems.push('scrolls sideways: ' + root.scrollWidth + ' > ' + root.clientWidth + ' ' + wide.join(' '));
            }
            const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
            const any = selector => [...document.querySelectorAll(selector)].some(shown);
            const personal = value => `form:has(> input[name="do"][value="${value}"])`;
            for (const [a, b] of [
                [personal('check_in'), personal('check_out')],
                ['.ballot', personal('check_in')],
            ]) {
                if (any(a) && any(b)) problems.push('shown together: ' + a + ' and ' + b);
            }
            for (const e of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
                if (shown(e) && e.tabIndex < 0) problems.push('not reachable by keyboard: ' + e.outerHTML.slice(0, 80));
            }
            return problems;
        "#;
        let found = self.script(script, json!([])).await;
        found.as_array().unwrap().iter().map(|v| v.as_str().unwrap_or_default().to_owned()).collect()
    }

    /// The page at `path`, at a phone's, a laptop's and a wall's width, in light and dark: screenshots to
    /// `target/screenshots/NAME-WIDTHpx[-dark].png`, and no visual problem and no axe violation anywhere.
    async fn inspect(&self, server: &Server, path: &str, name: &str, axe: &str) {
        for scheme in ["light", "dark"] {
            self.color_scheme(scheme).await;
            for width in [360, 1280, 1920] {
                self.resize(width).await;
                self.go(&server.url(path)).await;
                let problems = self.visual_problems().await;
                assert!(problems.is_empty(), "{name} at {width}px, {scheme}: {problems:#?}");
                let violations = self.accessibility_violations(axe).await;
                assert!(violations.is_empty(), "{name} at {width}px, {scheme}: {violations:#?}");
                let suffix = if scheme == "dark" { "-dark" } else { "" };
                self.screenshot(&format!("{name}-{width}px{suffix}")).await;
            }
        }
        self.color_scheme("light").await;
    }
}

/// Every main page as members see it, at 360, 1280 and 1920 px, in light and dark schemes: nothing scrolls sideways,
/// no two contradictory controls show at once, the keyboard reaches every action, axe-core finds nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_main_page_at_three_widths_in_light_and_dark_in_chromium() {
    let server = Server::start().await;
    let (election, _, _) = crate::elections::election_with_one_trustee(&server, &[]).await;
    let council = election.split("/e/").next().unwrap().to_owned();
    let driver = Driver::start().await;
    let axe = axe_script();
    let secretary = driver.session(1280).await;
    secretary.sign_in_as(&server, "aigerim").await;
    // The secretary gives the council a colour in its settings, as a person would: every council page shows it.
    secretary.go(&server.url(&format!("{council}/manage"))).await;
    secretary.click("input[name=colour][value=teal]").await;
    secretary.submit("form[action$='/settings'] button[type=submit]").await;
    assert_eq!(secretary.script("return document.body.className", json!([])).await, "colour-teal");
    let member = driver.session(360).await;
    member.sign_in_as(&server, "dana").await;
    for (who, path, name) in [
        (&secretary, "/".to_owned(), "home-secretary"),
        (&member, "/".to_owned(), "home-member"),
        (&member, council.clone(), "council-member"),
        (&secretary, format!("{council}/manage"), "council-manage"),
        (&member, format!("{council}/members/2"), "member-profile"),
        (&member, format!("{council}/assemblies"), "meetings"),
        (&member, format!("{council}/a/2"), "meeting-member"),
        (&secretary, format!("{council}/a/2"), "meeting-secretary"),
        (&member, format!("{council}/a/1/minutes"), "minutes"),
        (&member, format!("{council}/elections"), "elections"),
        (&secretary, election.clone(), "election-setup"),
        (&member, format!("{council}/record"), "record"),
        (&member, "/account".to_owned(), "account"),
        (&secretary, "/nodes".to_owned(), "nodes"),
        (&member, "/kenes".to_owned(), "get-kenes"),
        (&secretary, format!("{council}/federation"), "federation"),
    ] {
        who.inspect(&server, &path, name, &axe).await;
    }
    secretary.close().await;
    member.close().await;
}

impl Session<'_> {
    /// Resizes the window, for the same page at another width.
    async fn resize(&self, width: u32) {
        self.call(reqwest::Method::POST, "/window/rect", Some(json!({ "width": width, "height": 900 }))).await;
    }

    /// Screenshots at a phone's width and at a laptop's.
    async fn screenshots(&self, name: &str) {
        for width in [360, 1280] {
            self.resize(width).await;
            self.screenshot(&format!("{name}-{width}px")).await;
        }
    }
}

/// What the security changes put in front of people, seen and checked with axe-core: a member warned of sign-in
/// links made for them, a hall-mode election waiting for its slips, a private council's settings.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pages_the_security_changes_added_in_chromium() {
    let server = Server::start().await;
    let (election, secretary, _) =
        crate::elections::election_with_one_trustee(&server, &[("hall", "1"), ("description", "Who keeps the books")])
            .await;
    let council = election.split("/e/").next().unwrap().to_owned();
    let driver = Driver::start().await;
    let axe = axe_script();

    // Nurlan is added by name and signs in with his link; later a chair makes two more, one of which somebody else
    // uses; Nurlan's next sign-in warns him and lists them.
    let csrf = secretary.get(&council).await.csrf();
    let added =
        secretary.post(&format!("{council}/members"), &[("csrf", &csrf), ("name", "Nurlan"), ("role", "member")]).await;
    let nurlan = driver.session(360).await;
    nurlan.go(&added.shown_link()).await;
    nurlan.submit("main button[type=submit]").await;
    let number = server
        .state
        .node()
        .read(crate::elections::ids(&election).0, |c| {
            c.member_named(&kenes_council::DisplayName::parse("Nurlan").unwrap()).unwrap().0
        })
        .unwrap();
    nurlan.go(&server.url("/signout")).await;
    let used = secretary.post(&format!("{council}/members/{number}/link"), &[("csrf", &csrf)]).await.shown_link();
    tokio::time::sleep(Duration::from_millis(5)).await;
    assert_eq!(server.browser("en").post(&used, &[]).await.status, 303);
    tokio::time::sleep(Duration::from_millis(5)).await;
    let unused = secretary.post(&format!("{council}/members/{number}/link"), &[("csrf", &csrf)]).await.shown_link();
    let _ = unused;
    let own = secretary.post(&format!("{council}/members/{number}/link"), &[("csrf", &csrf)]).await.shown_link();
    let fresh = driver.session(360).await;
    fresh.go(&own).await;
    fresh.submit("main button[type=submit]").await;
    assert!(fresh.current_url().await.contains("/account?since="), "{}", fresh.current_url().await);
    fresh.wait_for_text("Sign-in links were made for you", Duration::from_secs(5)).await;
    let violations = fresh.accessibility_violations(&axe).await;
    assert!(violations.is_empty(), "the account page breaks WCAG rules: {violations:#?}");
    let wide = fresh
        .script(
            "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > \
             document.documentElement.clientWidth + 1).map(e => e.tagName + '.' + e.className + '#' + e.id)",
            json!([]),
        )
        .await;
    assert_eq!(wide, json!([]), "nothing is wider than a phone's screen");
    fresh.screenshots("account-links-warning").await;
    fresh.close().await;
    nurlan.close().await;

    // The secretary's view of an election in hall mode, before its slips are printed; and the council's settings.
    let aigerim = driver.session(1280).await;
    aigerim.sign_in_as(&server, "aigerim").await;
    aigerim.go(&server.url(&election)).await;
    aigerim.wait_for_text("Print the credential slips first", Duration::from_secs(5)).await;
    let violations = aigerim.accessibility_violations(&axe).await;
    assert!(violations.is_empty(), "the hall-mode election page breaks WCAG rules: {violations:#?}");
    aigerim.screenshots("election-hall-setup").await;
    aigerim.go(&server.url(&format!("{council}/manage#settings-heading"))).await;
    let violations = aigerim.accessibility_violations(&axe).await;
    assert!(violations.is_empty(), "the council page breaks WCAG rules: {violations:#?}");
    aigerim.resize(360).await;
    aigerim.go(&server.url(&format!("{council}/manage#settings-private"))).await;
    aigerim.screenshot("council-settings-private-360px").await;
    aigerim.close().await;
}

/// The depot instructs mandate `mandate` on motion `motion` of the district's meeting 1, on its vote `decision`
/// (`vote-<meeting>-<vote>`).
fn instruct(
    server: &Server,
    depot: kenes_record::EventHash,
    mandate: u32,
    motion: u32,
    instruction: kenes_council::federation::Instruction,
    decision: &str,
) {
    use kenes_council::federation::{Decision, FederationEvent, events::Instructed};
    let (a, v) = decision.trim_start_matches("vote-").split_once('-').unwrap();
    let decision = Decision::Vote { assembly: a.parse().unwrap(), vote: v.parse().unwrap() };
    let by = kenes_council::MemberId(1);
    let instructed = Instructed { by, mandate, assembly: 1, motion, instruction, decision };
    let command = kenes_council::CouncilEvent::Federation(FederationEvent::Instructed(instructed));
    server.state.execute(depot, &command).unwrap();
}

/// The federation's whole cycle in a browser: the depot instructed its delegate to vote against a district motion;
/// she voted for it; a depot member sees that on a phone and signs the petition to recall her; once the petition has
/// its signatures and the depot's vote passed, the secretary records the recall; the district, which learns of it
/// late (she voted once more in between, and that vote is marked), unseats her; the depot mandates Erlan, the district
/// seats him with one button, and he votes with the seat's weight.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_depot_recalls_a_delegate_who_voted_against_its_instruction_and_replaces_them_in_chromium() {
    use crate::federation::{federated, member, run, yes_no};
    use kenes_council::assembly::events::*;
    use kenes_council::assembly::model::VoteChoice::{No, Yes};
    use kenes_council::assembly::model::{Title, VoteMode, VoteSubject};
    let server = Server::start().await;
    let fed = federated(&server).await;
    let (depot, district) = (fed.depot, fed.district);
    let (d, f) = (depot.to_hex(), district.to_hex());
    let by = kenes_council::MemberId(1);
    let dana = member(&server, district, "Dana");

    // The depot instructs Dana to vote against motion 1 (its own vote, in its meeting 2); she votes for it.
    let present: Vec<_> =
        ["Aigerim", "Bolat", "Erlan", "Farida"].iter().map(|n| (member(&server, depot, n), Yes)).collect();
    let told = yes_no(&server, depot, 2, &present);
    instruct(&server, depot, 1, 1, kenes_council::federation::Instruction::Against, &told);
    let opened = VoteOpened {
        by,
        assembly: 1,
        subject: VoteSubject::Motion(1),
        question: Title::parse("Close the depot on Sundays?").unwrap(),
        mode: VoteMode::RollCall,
        majority: kenes_count::simple::Majority::simple(kenes_count::simple::Basis::YesNo),
        choices: None,
    };
    run(
        &server,
        district,
        vec![
            AssemblyEvent::VoteOpened(opened),
            AssemblyEvent::VoteCast(VoteCast { by: dana, assembly: 1, vote: 1, choice: Yes }),
            AssemblyEvent::VoteClosed(VoteClosed { by, assembly: 1, vote: 1 }),
        ],
    );

    // A member of the depot, on a phone, sees the report-back and signs the petition.
    let driver = Driver::start().await;
    let axe = axe_script();
    let erlan = driver.session(360).await;
    erlan.sign_in_as(&server, "erlan").await;
    erlan.go(&server.url(&format!("/c/{d}"))).await;
    erlan.submit(&format!("a[href='/c/{d}/federation']")).await;
    erlan.wait_for_text("Dana voted for, against the council's instruction", Duration::from_secs(5)).await;
    erlan.screenshot("federation-report-back-360px").await;
    erlan.submit("form[action$='/recall.signed'] button").await;
    erlan.wait_for_text("Withdraw my signature", Duration::from_secs(5)).await;
    erlan.wait_for_text("Petition to recall: 1 of 3 signatures needed", Duration::from_secs(5)).await;
    erlan.inspect(&server, &format!("/c/{d}/federation"), "federation-member", &axe).await;
    // Two more members sign (each in their own name), and the depot votes to recall her.
    for name in ["Farida", "Gulnara"] {
        let signer = member(&server, depot, name);
        let signed = kenes_council::federation::events::Petition { by: signer, mandate: 1 };
        server
            .state
            .execute(
                depot,
                &kenes_council::CouncilEvent::Federation(kenes_council::federation::FederationEvent::PetitionSigned(
                    signed,
                )),
            )
            .unwrap();
    }
    let recall_vote = yes_no(&server, depot, 2, &present);

    // The secretary records the recall from the page, choosing that vote.
    let aigerim = driver.session(360).await;
    aigerim.sign_in_as(&server, "aigerim").await;
    aigerim.go(&server.url(&format!("/c/{d}/federation"))).await;
    aigerim.wait_for_text("Recall Dana", Duration::from_secs(5)).await;
    aigerim.script("document.querySelector('#recall-decision-1').value = arguments[0]", json!([recall_vote])).await;
    aigerim.submit("form[action$='/mandate.recalled'] button").await;
    aigerim.wait_for_text("Recalled", Duration::from_secs(5)).await;

    // Before the district learns of it, Dana votes once more; then the district unseats her from its page.
    yes_no(&server, district, 1, &[(dana, No)]);
    aigerim.go(&server.url(&format!("/c/{f}/federation"))).await;
    aigerim.wait_for_text("Mandates that ended", Duration::from_secs(5)).await;
    aigerim.submit("form[action$='/delegate.unseated'] button").await;
    aigerim.wait_for_text("Dana (Tulpar Street): recalled by their council", Duration::from_secs(5)).await;
    aigerim
        .wait_for_text("Votes cast after the mandate ended, kept and marked: meeting 1, vote 2", Duration::from_secs(5))
        .await;

    // The depot mandates Erlan on a vote it took; the district seats him with one button; he votes with weight 2.
    let elected = yes_no(&server, depot, 2, &present);
    aigerim.go(&server.url(&format!("/c/{d}/federation"))).await;
    let erlan_id = member(&server, depot, "Erlan").0.to_string();
    aigerim.script("document.querySelector('#give-delegate').value = arguments[0]", json!([erlan_id])).await;
    aigerim.script("document.querySelector('#give-decision').value = arguments[0]", json!([elected])).await;
    aigerim.submit("form[action$='/mandate.given'] button[type=submit]").await;
    aigerim.wait_for_text("Mandate 2: Erlan, seat 1", Duration::from_secs(5)).await;
    aigerim.go(&server.url(&format!("/c/{f}/federation"))).await;
    aigerim.submit("form[action$='/delegate.seated'] button").await;
    aigerim.wait_for_text("Checked against the record of Tulpar Street.", Duration::from_secs(5)).await;
    aigerim.screenshot("federation-district-360px").await;
    aigerim.inspect(&server, &format!("/c/{f}/federation"), "federation-district", &axe).await;
    let seated = member(&server, district, "Erlan");
    // Erlan signs in to the district with his own account; the depot instructs him on a second motion, and the
    // district's meeting page shows him that instruction.
    run(
        &server,
        district,
        vec![
            AssemblyEvent::CheckedIn(Attendance { by, assembly: 1, member: seated }),
            AssemblyEvent::MotionSubmitted(MotionSubmitted {
                by: seated,
                assembly: 1,
                item: 1,
                title: Title::parse("Night buses to the depot").unwrap(),
                text: kenes_council::assembly::model::LongText::parse("Run them.").unwrap(),
                alternative_to: None,
                origin: None,
            }),
        ],
    );
    let told = yes_no(&server, depot, 2, &present);
    instruct(&server, depot, 2, 2, kenes_council::federation::Instruction::For, &told);
    erlan.go(&server.url("/")).await;
    erlan.wait_for_text("Almaly District", Duration::from_secs(5)).await;
    erlan.resize(360).await;
    erlan.go(&server.url(&format!("/c/{f}/a/1"))).await;
    erlan.wait_for_text("Your instructions from Tulpar Street Neighbourhood Council", Duration::from_secs(5)).await;
    erlan.wait_for_text("Motion 2 “Night buses to the depot”: vote for", Duration::from_secs(5)).await;
    erlan.screenshot("federation-delegate-meeting-360px").await;
    let vote = yes_no(&server, district, 1, &[(seated, Yes)]);
    let number: u32 = vote.rsplit('-').next().unwrap().parse().unwrap();
    let result = server
        .state
        .node()
        .read(district, |c| c.assembly(1).unwrap().vote(number).unwrap().result.clone().unwrap())
        .unwrap();
    assert_eq!((result.yes, result.outcome.passed), (2, true), "the replacement's vote weighs the seat's 2");
    erlan.close().await;
    aigerim.close().await;
}

/// A ranked secret ballot in Chromium: the secretary sets up an STV question for two seats from the form, two
/// trustees make their keys in their browsers, four voters rank the candidates on phones with the menus (one by
/// keyboard alone), the secretary closes, each trustee's page asks for a shuffle (one trustee shuffles in her
/// browser, the other sends the file the command line makes), the pages then decrypt the shuffled ballots, and the election's page shows who is elected and the
/// count stage by stage, at three widths in light and dark, with no axe violation; belenios-tool 3.0 verifies
/// the archive.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ranked_secret_ballot_shuffled_by_the_trustees_in_chromium() {
    let server = Server::start().await;
    let people = ["Ana", "Dana", "Erlan", "Farida", "Gulnara"];
    let council = council_with(&server, &people);
    let council_url = server.url(&format!("/c/{}", council.to_hex()));
    let driver = Driver::start().await;
    let axe = axe_script();

    let secretary = driver.session(1024).await;
    secretary.sign_in(&server, "ana").await;
    secretary.go(&format!("{council_url}/elections")).await;
    secretary.type_into("#el-title", "Delegates to the district").await;
    secretary.type_into("#q1", "Rank the candidates").await;
    secretary.type_into("#q1-answers", "Bolat\nDana\nSaule\nErlan").await;
    // A second question graded by majority judgment: its grades are typed once the method is chosen.
    secretary.type_into("#q2", "Who chairs the depot's meetings?").await;
    secretary.type_into("#q2-answers", "Aigul\nBerik").await;
    secretary
        .script(
            // In RFC-3526-2048, the 2048-bit group that holds a ranking (Ed25519, the default, is tested above).
            "document.getElementById('q1-kind').value = 'stv'; document.getElementById('q1-seats').value = '2'; \
            document.getElementById('q2-kind').value = 'mj'; \
            document.getElementById('el-group').value = 'RFC-3526-2048';",
            json!([]),
        )
        .await;
    secretary.type_into("#q2-grades", "Good\nFair\nPoor").await;
    for trustee in [2, 3] {
        secretary.click(&format!("#trustee-{trustee}")).await;
    }
    secretary.submit("form[action$='/elections'] button[type=submit]").await;
    let election = secretary.current_url().await;
    secretary.wait_for_text("Single transferable vote (ranked), 2 seats", Duration::from_secs(5)).await;

    let mut trustees = Vec::new();
    for username in ["dana", "erlan"] {
        let trustee = driver.session(360).await;
        trustee.sign_in(&server, username).await;
        trustee.go(&format!("{election}/trustee")).await;
        trustee
            .wait_until(
                "the key button",
                "return !document.getElementById('trustee-key').hidden",
                Duration::from_secs(10),
            )
            .await;
        trustee.click("#make-key").await;
        trustee.wait_for_text("Your part is done", Duration::from_secs(60)).await;
        trustees.push(trustee);
    }
    secretary.go(&election).await;
    secretary.submit("form[action$='/open'] button").await;

    // Four voters rank on phones; Gulnara uses the keyboard only (Tab to a menu, arrow keys to a rank).
    let rankings: [[u32; 4]; 4] = [[1, 2, 0, 0], [1, 0, 2, 0], [0, 1, 0, 2], [2, 0, 1, 0]];
    for (index, name) in ["ana", "dana", "erlan", "gulnara"].iter().enumerate() {
        let voter = driver.session(360).await;
        voter.sign_in(&server, name).await;
        voter.go(&format!("{election}/credential")).await;
        voter.submit("main form button[type=submit]").await;
        voter.submit("a.button[href*='/vote#credential=']").await;
        voter
            .wait_until(
                "the booth",
                "return document.getElementById('booth').dataset.ready === 'true'",
                Duration::from_secs(10),
            )
            .await;
        // Grades for (Aigul, Berik): Good and Fair from three voters, Fair and Good from one.
        let grades = if index == 2 { ["2", "1"] } else { ["1", "2"] };
        voter
            .script(
                "document.getElementById('q1a0').value = arguments[0]; document.getElementById('q1a1').value = arguments[1];",
                json!(grades),
            )
            .await;
        if index == 3 {
            voter.script("document.getElementById('q0a0').focus()", json!([])).await;
            voter.press("\u{E015}").await;
            voter.press("\u{E015}").await;
            voter.press("\u{E004}").await;
            voter.press("\u{E004}").await;
            voter.press("\u{E015}").await;
            assert_eq!(voter.value_of("#q0a0").await, "2", "the keyboard sets a rank");
            assert_eq!(voter.value_of("#q0a2").await, "1");
        } else {
            let set: String = rankings[index]
                .iter()
                .enumerate()
                .map(|(a, rank)| format!("document.getElementById('q0a{a}').value = '{rank}';"))
                .collect();
            voter.script(&set, json!([])).await;
        }
        if index == 0 {
            // A gap in the ranks is explained before anything is encrypted.
            voter.script("document.getElementById('q0a1').value = '3';", json!([])).await;
            voter.click("#encrypt").await;
            voter.wait_for_text("use ranks 1, 2, 3", Duration::from_secs(10)).await;
            voter.script("document.getElementById('q0a1').value = '2';", json!([])).await;
            // A candidate left without a grade is explained too.
            voter.script("document.getElementById('q1a1').value = '0';", json!([])).await;
            voter.click("#encrypt").await;
            voter.wait_for_text("give every candidate a grade", Duration::from_secs(10)).await;
            voter.script("document.getElementById('q1a1').value = '2';", json!([])).await;
        }
        voter.click("#encrypt").await;
        voter
            .wait_until("the encryption", "return !document.getElementById('sealed').hidden", Duration::from_secs(60))
            .await;
        if index == 0 {
            voter.screenshot("election-booth-ranked-360px").await;
            let violations = voter.accessibility_violations(&axe).await;
            assert!(violations.is_empty(), "the ranked booth breaks WCAG rules: {violations:#?}");
        }
        voter.click("#cast").await;
        voter
            .wait_until(
                "the cast",
                "return document.getElementById('cast-tracker').textContent.length > 20",
                Duration::from_secs(30),
            )
            .await;
        voter.close().await;
    }
    secretary.go(&election).await;
    secretary.click("details.confirm summary").await;
    secretary.submit("form[action$='/close'] button").await;

    // Each trustee's page asks for a shuffle: Dana shuffles in her browser; Erlan sends the file
    // `kenes election shuffle --output` writes, made here from the archive as it stands after Dana's.
    let files = tempfile::tempdir().unwrap();
    for (index, trustee) in trustees.iter().enumerate() {
        trustee
            .wait_until(
                "the shuffle panel",
                "return !document.getElementById('trustee-shuffle').hidden",
                Duration::from_secs(20),
            )
            .await;
        if index == 0 {
            trustee.screenshot("election-trustee-shuffle-360px").await;
            let violations = trustee.accessibility_violations(&axe).await;
            assert!(violations.is_empty(), "the trustee's shuffle step breaks WCAG rules: {violations:#?}");
            trustee.click("#shuffle-here").await;
            trustee.wait_for_text("Waiting for the other trustees to shuffle", Duration::from_secs(60)).await;
            continue;
        }
        let archive = reqwest::get(format!("{election}/archive.bel")).await.unwrap().bytes().await.unwrap();
        let ballot_box = kenes_crypto::ballot_box::BallotBox::load(&archive, &kenes_crypto::verify::Quiet).unwrap();
        let shuffle = ballot_box.make_shuffle(&mut rand::rngs::OsRng).unwrap();
        let owner = format!(
            "{{\"owner\":{},\"payload\":\"{}\"}}",
            index + 1,
            kenes_crypto::election::sha256_hex(shuffle.as_bytes())
        );
        let path = files.path().join(format!("shuffle-{index}.txt"));
        std::fs::write(&path, format!("{shuffle}\n{owner}\n")).unwrap();
        trustee.click("details summary").await;
        trustee.type_into("#cli-file", path.to_str().unwrap()).await;
        trustee.click("#cli-send").await;
    }
    for trustee in &trustees {
        trustee.wait_for_text("Your partial decryption is in", Duration::from_secs(90)).await;
    }
    secretary.go(&election).await;
    secretary.wait_for_text("Elected: Bolat", Duration::from_secs(10)).await;
    secretary.wait_for_text("Elected: Aigul", Duration::from_secs(10)).await;
    secretary.wait_for_text("Majority grade", Duration::from_secs(10)).await;
    let election_path = election.trim_start_matches(&server.url(""));
    secretary.inspect(&server, election_path, "election-ranked-result", &axe).await;
    for width in [360, 1280] {
        secretary.resize(width).await;
        secretary.go(&election).await;
        secretary.script("document.querySelector('.ranked-result').scrollIntoView()", json!([])).await;
        secretary.screenshot(&format!("election-ranked-count-{width}px")).await;
    }

    let archive = reqwest::get(format!("{election}/archive.bel")).await.unwrap().bytes().await.unwrap();
    let parsed = kenes_crypto::archive::Archive::parse(&archive).unwrap();
    let summary = kenes_crypto::verify::verify_archive(&parsed, &kenes_crypto::verify::Quiet).unwrap();
    assert_eq!(summary.shuffles, vec![1, 2]);
    let mut ballots = summary.ranked[0].ballots.clone().unwrap();
    ballots.sort();
    let mut expected: Vec<Vec<u64>> = rankings.iter().map(|r| r.iter().map(|&v| u64::from(v)).collect()).collect();
    expected[3] = vec![2, 0, 1, 0];
    expected.sort();
    assert_eq!(ballots, expected, "the decrypted rankings are those cast");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(format!("{}.bel", summary.uuid)), &archive).unwrap();
    kenes_testkit::program::belenios_tool3().in_dir(dir.path()).ok(&["election", "verify"]);
    for session in trustees.into_iter().chain([secretary]) {
        session.close().await;
    }
}
