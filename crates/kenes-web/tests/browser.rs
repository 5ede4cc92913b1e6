//! A new user's first council, in a real browser: Debian's Chromium driven through chromedriver (WebDriver), with
//! screenshots of what people see kept in `target/screenshots/` as test artifacts.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use base64::Engine;
use serde_json::{Value, json};

use crate::harness::Server;

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
        let chromium = std::env::var("KENES_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
        let profile = tempfile::tempdir_in(self._profiles.path()).unwrap().keep();
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--no-first-run", "--disable-quic", format!("--window-size={width},900"),
                         format!("--user-data-dir={}", profile.display())]
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

    async fn active_element_text(&self) -> String {
        let element = self.call(reqwest::Method::GET, "/element/active", None).await;
        let id = element[ELEMENT].as_str().unwrap().to_owned();
        self.call(reqwest::Method::GET, &format!("/element/{id}/text"), None).await.as_str().unwrap_or("").to_owned()
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

    // The administrator, on a phone-sized screen.
    let admin = driver.session(360).await;
    admin.go(&server.url(&server.setup_path)).await;
    admin.type_into("#username", "amina").await;
    admin.type_into("#password", "a long password").await;
    admin.submit("main button[type=submit]").await;
    assert!(admin.current_url().await.ends_with("/councils/new"));
    admin.type_into("#name", "Tulpar Street Council").await;
    admin.type_into("#description", "The houses of Tulpar street").await;
    admin.type_into("#founder", "Amina").await;
    admin.submit("main button[type=submit]").await;
    let council_url = admin.current_url().await;
    assert!(council_url.contains("/c/"), "{council_url}");
    assert!(admin.source().await.contains("Tulpar Street Council"));
    admin.screenshot("council-secretary-en-360px").await;

    // Keyboard users: the first Tab reaches the skip link.
    admin.press("\u{E004}").await;
    assert_eq!(admin.active_element_text().await, "Skip to content");

    // An invitation, accepted in another browser.
    admin.submit("form[action$='/invitations'] button").await;
    let invitation = admin.value_of("#link").await;
    assert!(invitation.contains("/join/"), "{invitation}");
    let member = driver.session(360).await;
    member.go(&invitation).await;
    member.type_into("#display_name", "Nurlan").await;
    member.type_into("#username", "nurlan").await;
    member.type_into("#password", "nurlan's password").await;
    member.submit("main button[type=submit]").await;
    assert_eq!(member.current_url().await, council_url);
    let page = member.source().await;
    assert!(page.contains("Nurlan") && page.contains("Amina"));

    // A member added by name signs in with the one-time link.
    admin.go(&council_url).await;
    admin.type_into("#add-name", "Gulnara").await;
    admin.submit("form[action$='/members'] button").await;
    let link = admin.value_of("#link").await;
    let added = driver.session(360).await;
    added.go(&link).await;
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
    }
    // The record page, wide.
    let wide = driver.session(1280).await;
    wide.go(&server.url("/signin")).await;
    wide.type_into("#username", "amina").await;
    wide.type_into("#password", "a long password").await;
    wide.submit("main button[type=submit]").await;
    wide.go(&format!("{council_url}/record")).await;
    assert!(wide.source().await.contains("member.added"));
    wide.screenshot("record-en-1280px").await;

    for session in [admin, member, added, wide] {
        session.close().await;
    }
    assert!(server.state.i18n().missing().is_empty(), "{:?}", server.state.i18n().missing());
}
