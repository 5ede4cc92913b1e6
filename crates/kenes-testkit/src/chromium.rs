//! Debian's Chromium driven through chromedriver (W3C WebDriver, and Chrome DevTools commands through chromedriver's
//! `goog/cdp/execute`), for tests that look at pages as people do: an exact screen size, the light or dark scheme,
//! axe-core's WCAG checks, screenshots kept in `target/screenshots/` as test artifacts.
//!
//! `tests/browser.rs` of kenes-web still has its own copy of the first part of this; new browser tests start here.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{Value, json};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A chromedriver process; each `Chromium::session` is a browser of its own (its own profile, cookies, screen).
pub struct Chromium {
    process: Child,
    base: String,
    http: reqwest::Client,
    profiles: tempfile::TempDir,
}

impl Drop for Chromium {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
        // Browsers whose session a failed test never closed: every one of them has its profile under ours, and
        // nothing else on the machine has that path in its command line.
        let _ = Command::new("pkill").arg("-f").arg(self.profiles.path()).status();
    }
}

pub struct Session<'a> {
    chromium: &'a Chromium,
    url: String,
}

impl Chromium {
    pub async fn start() -> Chromium {
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
        Chromium { process, base, http, profiles: tempfile::tempdir().unwrap() }
    }

    /// A browser whose page is exactly `width` × `height` CSS pixels at one device pixel each, so screenshots are
    /// that size too.
    pub async fn session(&self, width: u32, height: u32) -> Session<'_> {
        let chromium = std::env::var("KENES_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
        let profile = tempfile::tempdir_in(self.profiles.path()).unwrap().keep();
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--no-first-run", "--disable-quic", "--hide-scrollbars", format!("--window-size={width},{height}"),
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
        let session = Session { chromium: self, url: format!("{}/session/{id}", self.base) };
        session.screen(width, height).await;
        session
    }
}

impl Session<'_> {
    pub async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut request = self.chromium.http.request(method, format!("{}{path}", self.url));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let value: Value = request.send().await.unwrap().json().await.unwrap();
        assert!(value["value"].get("error").is_none(), "WebDriver {path}: {value}");
        value["value"].clone()
    }

    /// A Chrome DevTools command, for what WebDriver has no word for.
    pub async fn devtools(&self, command: &str, params: Value) -> Value {
        self.call(reqwest::Method::POST, "/goog/cdp/execute", Some(json!({ "cmd": command, "params": params }))).await
    }

    /// Sets the page's size, whatever the window's.
    pub async fn screen(&self, width: u32, height: u32) {
        let metrics = json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false });
        self.devtools("Emulation.setDeviceMetricsOverride", metrics).await;
    }

    /// Makes the page see `prefers-color-scheme: dark` (or `light`), as a device set that way would.
    pub async fn color_scheme(&self, scheme: &str) {
        let features = json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] });
        self.devtools("Emulation.setEmulatedMedia", features).await;
    }

    pub async fn go(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", Some(json!({ "url": url }))).await;
    }

    pub async fn script(&self, script: &str, args: Value) -> Value {
        self.call(reqwest::Method::POST, "/execute/sync", Some(json!({ "script": script, "args": args }))).await
    }

    pub async fn find(&self, css: &str) -> String {
        let value =
            self.call(reqwest::Method::POST, "/element", Some(json!({ "using": "css selector", "value": css }))).await;
        value[ELEMENT].as_str().unwrap_or_else(|| panic!("finding {css}: {value}")).to_owned()
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css).await;
        self.call(reqwest::Method::POST, &format!("/element/{element}/value"), Some(json!({ "text": text }))).await;
    }

    /// Waits until a script returns true. `within` only keeps a broken page from hanging the test; how fast is for
    /// the benchmarks.
    pub async fn wait_until(&self, what: &str, script: &str, args: Value, within: Duration) {
        let start = Instant::now();
        while self.script(script, args.clone()).await != true {
            let text = self.script("return document.body.innerText", json!([])).await;
            assert!(start.elapsed() < within, "{what} did not happen within {within:?}; the page reads: {text}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the visible text of the page contains `text`.
    pub async fn wait_for_text(&self, text: &str, within: Duration) {
        let script = "return document.body.innerText.includes(arguments[0])";
        self.wait_until(&format!("{text:?}"), script, json!([text]), within).await;
    }

    /// Runs axe-core's WCAG 2.0–2.2 A and AA rules on the page; returns each violation with up to three places.
    pub async fn accessibility_violations(&self, axe: &str) -> Vec<String> {
        self.script(&format!("{axe}\nreturn true;"), json!([])).await;
        let script = "const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
              .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at ' +
                v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' (' + n.failureSummary + ')').join(', '))))
              .catch(e => done(['axe failed: ' + e]));";
        let found =
            self.call(reqwest::Method::POST, "/execute/async", Some(json!({ "script": script, "args": [] }))).await;
        found.as_array().unwrap_or_else(|| panic!("axe answered {found}")).iter().map(|v| v.to_string()).collect()
    }

    /// Saves a screenshot of the page as `target/screenshots/{name}.png`.
    pub async fn screenshot(&self, name: &str) {
        let data = self.call(reqwest::Method::GET, "/screenshot", None).await;
        let png = base64::engine::general_purpose::STANDARD.decode(data.as_str().unwrap()).unwrap();
        assert!(png.starts_with(b"\x89PNG"), "a screenshot is a PNG");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    pub async fn close(self) {
        let _ = self.chromium.http.delete(&self.url).send().await;
    }
}

/// axe-core's browser script, installed by `cargo xtask test` (or named by `KENES_AXE`).
pub fn axe_script() -> String {
    let path =
        std::env::var("KENES_AXE").unwrap_or_else(|_| "target/xtask-node/node_modules/axe-core/axe.min.js".to_owned());
    std::fs::read_to_string(&path)
        .or_else(|_| std::fs::read_to_string(format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))))
        .unwrap_or_else(|e| panic!("axe-core at {path}: {e}; run the tests with `cargo xtask test`, which installs it"))
}
