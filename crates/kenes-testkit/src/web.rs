//! A kenes server on a free loopback port over a temporary data directory, an HTTP client that keeps cookies, and
//! the ways in: the first administrator's set-up link, the demo council's accounts, a JSON API session.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use kenes_store::{Node, Store};
use kenes_web::{AppState, Config};

/// POST bodies the server received, with their paths.
pub type Received = Arc<Mutex<Vec<(String, Vec<u8>)>>>;

pub struct Server {
    pub addr: SocketAddr,
    pub state: AppState,
    pub setup_path: String,
    /// Every POST body the server received, with its path: what browsers sent, for tests that check what never is.
    pub received: Received,
    /// Every request's path and query, in order: where a browser may have put what it must never send.
    pub requested: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
    dir: tempfile::TempDir,
}

impl Server {
    pub async fn start() -> Server {
        Self::start_in(tempfile::tempdir().unwrap()).await
    }

    /// A server whose node key is made from `seed` (every `start` gets the same key): for tests of several nodes.
    pub async fn start_as(seed: u8) -> Server {
        Self::start_seeded(tempfile::tempdir().unwrap(), seed).await
    }

    /// A second server on a copy of this one's data directory, with the same node key: what a node that forks its
    /// councils' records (two histories signed by one key) looks like from outside.
    pub async fn twin(&self, seed: u8) -> Server {
        let dir = tempfile::tempdir().unwrap();
        crate::store::copy_data(self.dir.path(), dir.path());
        Self::start_seeded(dir, seed).await
    }

    /// Another server on this server's database, as a second `kenes serve --database` would be: only when the tests
    /// run on PostgreSQL (one process owns an SQLite file), else `None`.
    pub async fn sibling(&self) -> Option<Server> {
        self.sibling_with(Config::default()).await
    }

    /// A [`Server::sibling`] that hears nothing of the other servers' changes (no notifications): it is behind until a
    /// request brings a council up, as any server is in the moment before a notification arrives.
    pub async fn deaf_sibling(&self) -> Option<Server> {
        self.sibling_with(Config { deaf_to_other_servers: true, ..Config::default() }).await
    }

    async fn sibling_with(&self, config: Config) -> Option<Server> {
        let url = crate::store::database_url(self.dir.path())?;
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("test-database-url"), url).unwrap();
        Some(Self::start_configured(dir, 1, config).await)
    }

    /// Stops this server as a crash would (no shutdown: in-memory state is simply gone) and starts a new one on the
    /// same data directory, on another port. Browsers keep their cookies (they are per host, not per port).
    pub async fn restart(self) -> Server {
        self.task.abort();
        let _ = self.task.await;
        let Server { state, dir, .. } = self;
        drop(state);
        Self::start_in(dir).await
    }

    /// The data directory.
    pub fn data_dir(&self) -> &std::path::Path {
        self.dir.path()
    }

    async fn start_in(dir: tempfile::TempDir) -> Server {
        Self::start_seeded(dir, 1).await
    }

    async fn start_seeded(dir: tempfile::TempDir, seed: u8) -> Server {
        Self::start_configured(dir, seed, Config::default()).await
    }

    async fn start_configured(dir: tempfile::TempDir, seed: u8, config: Config) -> Server {
        let store = Store::open(&crate::store::location(dir.path())).unwrap();
        let node = Node::open(store, || [seed; 32]).unwrap();
        let setup_path = kenes_web::first_admin_link(&node).unwrap().unwrap_or_default();
        let state = AppState::new(node, config).unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let received: Received = Arc::default();
        let recorder = received.clone();
        let requested: Arc<Mutex<Vec<String>>> = Arc::default();
        let uris = requested.clone();
        let router = kenes_web::router(state.clone()).layer(axum::middleware::from_fn(
            move |request: axum::extract::Request, next: axum::middleware::Next| {
                let recorder = recorder.clone();
                let uris = uris.clone();
                async move {
                    let (parts, body) = request.into_parts();
                    uris.lock().unwrap().push(parts.uri.to_string());
                    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
                    if parts.method == axum::http::Method::POST {
                        recorder.lock().unwrap().push((parts.uri.path().to_owned(), bytes.to_vec()));
                    }
                    next.run(axum::extract::Request::from_parts(parts, axum::body::Body::from(bytes))).await
                }
            },
        ));
        let service = router.into_make_service_with_connect_info::<kenes_web::auth::Peer>();
        let task = tokio::spawn(async move { axum::serve(listener, service).await.unwrap() });
        Server { addr, state, setup_path, received, requested, task, dir }
    }

    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http") { path.to_owned() } else { format!("http://{}{}", self.addr, path) }
    }

    /// A browser: its own cookie jar, no automatic redirects (tests look at them).
    pub fn browser(&self, lang: &str) -> Browser {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers({
                let mut headers = reqwest::header::HeaderMap::new();
                headers.insert("accept-language", lang.parse().unwrap());
                headers
            })
            .build()
            .unwrap();
        Browser { client, base: format!("http://{}", self.addr) }
    }
}

pub struct Browser {
    pub client: reqwest::Client,
    base: String,
}

impl Browser {
    /// The same browser (its cookies) talking to another server, as behind a load balancer.
    pub fn on(&self, server: &Server) -> Browser {
        Browser { client: self.client.clone(), base: format!("http://{}", server.addr) }
    }
}

pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

impl Page {
    /// The value of the first hidden csrf field.
    pub fn csrf(&self) -> String {
        let start = self.body.find("name=\"csrf\" value=\"").expect("the page has a CSRF field") + 19;
        let end = self.body[start..].find('"').unwrap();
        self.body[start..start + end].to_owned()
    }

    /// The value of the first hidden field called `name`.
    pub fn hidden(&self, name: &str) -> String {
        Self::hidden_value(&self.body, name).unwrap_or_else(|| panic!("the page has no hidden {name} field"))
    }

    /// The value of the hidden field `name` in the form whose action ends with `action`.
    pub fn hidden_in(&self, action: &str, name: &str) -> String {
        let form = self.body.find(&format!("{action}\"")).unwrap_or_else(|| panic!("no form posting to {action}"));
        Self::hidden_value(&self.body[form..], name).unwrap_or_else(|| panic!("no hidden {name} in the {action} form"))
    }

    fn hidden_value(html: &str, name: &str) -> Option<String> {
        let marker = format!("name=\"{name}\" value=\"");
        let start = html.find(&marker)? + marker.len();
        let end = html[start..].find('"')?;
        Some(html[start..start + end].to_owned())
    }

    /// The value of the read-only link field shown after making a link.
    pub fn shown_link(&self) -> String {
        let start = self.body.find("id=\"link\" readonly value=\"").expect("the page shows a link") + 26;
        let end = self.body[start..].find('"').unwrap();
        self.body[start..start + end].to_owned()
    }
}

impl Browser {
    fn url(&self, path: &str) -> String {
        if path.starts_with("http") { path.to_owned() } else { format!("{}{}", self.base, path) }
    }

    async fn page(response: reqwest::Response) -> Page {
        let status = response.status().as_u16();
        let location = response.headers().get("location").map(|v| v.to_str().unwrap().to_owned());
        let body = response.text().await.unwrap();
        Page { status, location, body }
    }

    pub async fn get(&self, path: &str) -> Page {
        Self::page(self.client.get(self.url(path)).send().await.unwrap()).await
    }

    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Page {
        Self::page(self.client.post(self.url(path)).form(form).send().await.unwrap()).await
    }

    /// A meeting action as the page's script (`live.js`) sends it to `meeting` (its path): the page's CSRF token,
    /// the fields, the fetch header; the status and the message shown.
    pub async fn act(&self, meeting: &str, fields: &[(&str, &str)]) -> (u16, String) {
        let csrf = self.get(meeting).await.csrf();
        let mut form = vec![("csrf", csrf.as_str())];
        form.extend_from_slice(fields);
        let response = self
            .client
            .post(self.url(&format!("{meeting}/act")))
            .header("x-kenes-fetch", "1")
            .form(&form)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    }

    pub async fn post_multipart(&self, path: &str, form: reqwest::multipart::Form) -> Page {
        Self::page(self.client.post(self.url(path)).multipart(form).send().await.unwrap()).await
    }
}

/// Creates the first administrator through the setup link and a council through the form; returns the council path.
pub async fn admin_with_council(server: &Server, admin: &Browser) -> String {
    let page = admin.post(&server.setup_path, &[("username", "amina"), ("password", "long enough pass")]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    let form = admin.get("/councils/new").await;
    assert_eq!(form.status, 200);
    let csrf = form.csrf();
    let created = admin
        .post(
            "/councils",
            &[
                ("csrf", csrf.as_str()),
                ("name", "Riverside Neighbourhood Council"),
                ("kind", "neighbourhood"),
                ("description", "Residents of Riverside street"),
                ("languages", "en"),
                ("languages", "kk"),
                ("founder", "Amina"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    created.location.unwrap()
}

/// The password of every account `kenes_web::demo::populate` makes.
pub const DEMO_PASSWORD: &str = "demo password for tests";

/// Fills the server with the demo's council (its members, meetings and a tallied election).
pub async fn demo(server: &Server) -> kenes_web::demo::Demo {
    let state = server.state.clone();
    tokio::task::spawn_blocking(move || kenes_web::demo::populate(&state, DEMO_PASSWORD)).await.unwrap().unwrap()
}

/// A browser signed in as one of the demo's members.
pub async fn sign_in(server: &Server, username: &str) -> Browser {
    let browser = server.browser("en");
    let page = browser.post("/signin", &[("username", username), ("password", DEMO_PASSWORD)]).await;
    assert_eq!(page.status, 303, "{username} signs in: {}", page.body);
    browser
}

/// A session of the JSON API: what `/api/session` answered, and a client to send it with.
pub struct ApiSession {
    pub client: reqwest::Client,
    /// The bearer token.
    pub token: String,
    /// The CSRF value a cookie-carrying client would send with its writes.
    pub csrf: String,
}

pub async fn api_session(server: &Server, username: &str, password: &str) -> ApiSession {
    let client = reqwest::Client::new();
    let session: serde_json::Value = client
        .post(server.url("/api/session"))
        .json(&serde_json::json!({ "username": username, "password": password }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let field = |name: &str| session[name].as_str().unwrap_or_else(|| panic!("no session: {session}")).to_owned();
    ApiSession { token: field("token"), csrf: field("csrf"), client }
}

/// Servers for the benchmarks: the given state's, and when `count` > 1 more on the same PostgreSQL database (as more
/// `kenes serve --database` processes would be: each its node opened on the database, seeded with `seed`), each on
/// its own runtime of two worker threads and a free loopback port. Dropped together.
pub struct Servers {
    pub states: Vec<AppState>,
    pub addrs: Vec<SocketAddr>,
    runtimes: Vec<tokio::runtime::Runtime>,
    _dirs: Vec<tempfile::TempDir>,
}

impl Servers {
    /// Panics when `count` > 1 and `dir` (the first state's data directory) stands for no PostgreSQL database.
    pub fn start(first: AppState, dir: &std::path::Path, count: usize, seed: u8) -> Servers {
        let database = crate::store::database_url(dir);
        assert!(count <= 1 || database.is_some(), "several servers need PostgreSQL (KENES_TEST_POSTGRES)");
        let mut states = vec![first];
        let mut dirs = Vec::new();
        for _ in 1..count {
            let sibling = tempfile::tempdir().unwrap();
            std::fs::write(sibling.path().join("test-database-url"), database.as_deref().unwrap_or_default()).unwrap();
            states.push(AppState::new(crate::store::open_node(sibling.path(), seed), Config::default()).unwrap());
            dirs.push(sibling);
        }
        let mut runtimes = Vec::new();
        let mut addrs = Vec::new();
        for state in &states {
            let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
            let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
            addrs.push(listener.local_addr().unwrap());
            let router = kenes_web::router(state.clone());
            runtime.spawn(async move { axum::serve(listener, router).await });
            runtimes.push(runtime);
        }
        Servers { states, addrs, runtimes, _dirs: dirs }
    }
}

impl Drop for Servers {
    fn drop(&mut self) {
        for runtime in self.runtimes.drain(..) {
            runtime.shutdown_background();
        }
    }
}
