//! The web server: the only crate that knows HTTP and HTML. axum routes, server-rendered pages, the JSON API,
//! sign-in, and Fluent translations.
//!
//! Architecture Invariant: handlers never write to the store directly except node-local rows (accounts, sessions,
//! links); every change to a council goes through `kenes_store::Node::execute`.

pub mod accounts;
pub mod api;
pub mod auth;
pub mod charts;
mod commit;
pub mod councils;
pub mod demo;
pub mod elections;
pub mod error;
pub mod federations;
pub mod heights;
pub mod i18n;
pub mod listen;
pub mod meetings;
pub mod minutes;
pub mod nodes;
pub mod once;
pub mod pdf;
pub mod routes;
pub use routes::router;
pub mod security;
pub mod seen;
pub mod spread;
pub mod sync;
mod tell;
pub mod throttle;
pub mod tls;
pub mod ui;
pub mod wire;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use kenes_council::CouncilEvent;
use kenes_record::{Event, EventHash};
use kenes_store::{Node, Token, TokenPurpose};

pub use commit::QUEUE as COMMIT_QUEUE;
pub use i18n::I18n;

/// Requests larger than this are refused (the CSV roll is the largest thing anyone sends).
pub const MAX_BODY: usize = 4 << 20;

#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Mark cookies `Secure` and build links with https: set when kenes is served behind TLS.
    pub secure_cookies: bool,
    /// Do not follow other servers' changes through the database's notifications (on a shared database). Only for
    /// tests of what a server does before a notification arrives (`seen.rs`); a server run so is behind until a
    /// request brings a council up.
    pub deaf_to_other_servers: bool,
}

struct Inner {
    node: Node,
    i18n: I18n,
    config: Config,
    /// Each council's height, watched by the live pages of its meetings (see `heights`).
    heights: heights::Heights,
    /// Per council, the queue of its group committer (see `commit`).
    committers: commit::Committers,
    /// Changes not yet told to the live pages (see `tell`).
    teller: tell::Teller,
    /// Live fragments of meetings, rendered once per council height, language and view.
    fragments: Mutex<HashMap<(EventHash, u32, i18n::Lang, meetings::View), meetings::Fragment>>,
    /// Elections' ballot boxes in memory (see `elections`).
    elections: elections::Boxes,
    /// Serialises changes to elections' node-local setups (read, change, write).
    setup_lock: Arc<tokio::sync::Mutex<()>>,
    /// Failed sign-ins, to slow down guessing.
    throttle: throttle::SignInThrottle,
    /// Bounds the argon2 work running at once (see `auth::argon2`).
    argon2: Arc<tokio::sync::Semaphore>,
    /// Live streams open per account (see `open_stream`).
    streams: Arc<Mutex<HashMap<kenes_store::AccountId, usize>>>,
    /// Answers to forms already submitted (see `once`).
    once: once::Once,
    /// Wakes the sync schedule for a round now (see `sync::client::spawn`).
    sync_now: Arc<tokio::sync::Notify>,
    discovery: sync::nearby::Discovery,
}

/// The most live streams one account may hold open at once: a phone, a laptop and the projector, with room to spare.
pub const STREAMS_PER_ACCOUNT: usize = 8;

/// One open live stream of an account; dropping it (the stream ends) gives the place back.
pub struct StreamSlot {
    streams: Arc<Mutex<HashMap<kenes_store::AccountId, usize>>>,
    account: kenes_store::AccountId,
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        if let Ok(mut streams) = self.streams.lock() {
            if let Some(count) = streams.get_mut(&self.account) {
                *count = count.saturating_sub(1);
                if *count == 0 {
                    streams.remove(&self.account);
                }
            }
        }
    }
}

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").field("node", &self.0.node).finish_non_exhaustive()
    }
}

impl AppState {
    pub fn new(node: Node, config: Config) -> Result<AppState, String> {
        let state = AppState(Arc::new(Inner {
            node,
            i18n: I18n::load()?,
            config,
            heights: heights::Heights::default(),
            committers: Default::default(),
            teller: Default::default(),
            fragments: Mutex::new(HashMap::new()),
            elections: Default::default(),
            setup_lock: Arc::new(tokio::sync::Mutex::new(())),
            throttle: Default::default(),
            argon2: Arc::new(tokio::sync::Semaphore::new(auth::ARGON2_AT_ONCE)),
            streams: Default::default(),
            once: Default::default(),
            sync_now: Arc::new(tokio::sync::Notify::new()),
            discovery: Default::default(),
        }));
        state.follow_other_servers();
        Ok(state)
    }

    /// On a database other servers share, brings each council another server appended to up to date as soon as the
    /// database tells (PostgreSQL NOTIFY), and wakes its live pages as a local write would. A thread of its own, which
    /// ends with the state.
    fn follow_other_servers(&self) {
        if self.config().deaf_to_other_servers {
            return;
        }
        let Some(changes) = self.node().listen() else {
            return;
        };
        let state = Arc::downgrade(&self.0);
        let spawned = std::thread::Builder::new().name("kenes-follow".into()).spawn(move || {
            while let Ok(council) = changes.recv() {
                // Whatever else changed meanwhile is brought up to date in the same go; `tell` decides when the
                // pages hear of it, together with this server's own writes.
                let mut changed = std::collections::BTreeSet::from([council]);
                changed.extend(changes.try_iter());
                let Some(inner) = state.upgrade() else {
                    return;
                };
                let state = AppState(inner);
                for council in changed {
                    match state.node().refresh(council) {
                        Ok(height) => state.tell(council, height),
                        Err(error) => {
                            tracing::warn!(council = %council.to_hex(), %error, "cannot follow another server")
                        }
                    }
                }
            }
        });
        if let Err(error) = spawned {
            tracing::error!(%error, "cannot follow the other servers on the database");
        }
    }

    /// Finding nodes on the local network (off until an administrator turns it on).
    pub fn discovery(&self) -> &sync::nearby::Discovery {
        &self.0.discovery
    }

    /// What wakes the sync schedule for a round now.
    pub fn sync_now(&self) -> Arc<tokio::sync::Notify> {
        self.0.sync_now.clone()
    }

    /// Takes one of the account's places for a live stream, or refuses when all `STREAMS_PER_ACCOUNT` are taken.
    pub fn open_stream(&self, account: kenes_store::AccountId) -> Result<StreamSlot, error::WebError> {
        let mut streams = self.0.streams.lock().map_err(|_| error::WebError::Internal("poisoned".into()))?;
        let count = streams.entry(account).or_insert(0);
        if *count >= STREAMS_PER_ACCOUNT {
            return Err(error::WebError::TooManyStreams);
        }
        *count += 1;
        Ok(StreamSlot { streams: self.0.streams.clone(), account })
    }

    pub fn argon2(&self) -> &Arc<tokio::sync::Semaphore> {
        &self.0.argon2
    }

    pub fn elections(&self) -> &elections::Boxes {
        &self.0.elections
    }

    pub fn once(&self) -> &once::Once {
        &self.0.once
    }

    pub fn setup_lock(&self) -> &Arc<tokio::sync::Mutex<()>> {
        &self.0.setup_lock
    }

    pub fn throttle(&self) -> &throttle::SignInThrottle {
        &self.0.throttle
    }

    /// Checks a command against the council's state, appends its event durably, and tells every live page. On the
    /// calling thread, without group commit: async handlers use `execute_blocking` (see `commit`).
    pub fn execute(&self, council: EventHash, command: &CouncilEvent) -> Result<Event, error::WebError> {
        let event = self.node().execute(council, command, auth::now_ms())?;
        self.notify(council, event.height + 1);
        Ok(event)
    }

    /// Wakes every live page of `council` at once (the teller wakes them a slice at a time: `tell`).
    pub(crate) fn notify(&self, council: EventHash, height: u64) {
        self.0.heights.notify(council, height);
    }

    /// Follows a council's height.
    pub fn subscribe(&self, council: EventHash) -> heights::Watcher {
        let height = self.node().read(council, |c| c.height()).unwrap_or(0);
        self.0.heights.subscribe(council, height)
    }

    /// A cached live fragment at least as new as `height`, without touching the council (whose lock a write may hold
    /// while it waits for the disk).
    pub fn cached_fragment(
        &self,
        council: EventHash,
        assembly: u32,
        lang: i18n::Lang,
        view: meetings::View,
        height: u64,
    ) -> Option<meetings::Fragment> {
        let cache = self.0.fragments.lock().ok()?;
        cache.get(&(council, assembly, lang, view)).filter(|cached| cached.height >= height).cloned()
    }

    /// The live fragment of a meeting as the council stands now: rendered once per height, language and view.
    pub fn live_fragment(
        &self,
        council: EventHash,
        assembly: u32,
        lang: i18n::Lang,
        view: meetings::View,
    ) -> Result<meetings::Fragment, error::WebError> {
        let key = (council, assembly, lang, view);
        let rendered = self.node().read(council, |c| {
            if let Ok(cache) = self.0.fragments.lock() {
                if let Some(found) = cache.get(&key).filter(|found| found.height == c.height()) {
                    return Ok::<_, error::WebError>(found.clone());
                }
            }
            let a = c.assembly(assembly).ok_or(error::WebError::NotFound)?;
            let html = match view {
                meetings::View::Projector => meetings::projector_markup(self, lang, c, a, None),
                _ => meetings::live_markup(self, lang, c, a, view, None, ""),
            }
            .into_string();
            Ok(meetings::Fragment::new(c.height(), html))
        })??;
        if let Ok(mut cache) = self.0.fragments.lock() {
            let newer = cache.get(&key).is_none_or(|cached| cached.height < rendered.height);
            if newer {
                cache.insert(key, rendered.clone());
            }
        }
        Ok(rendered)
    }

    pub fn node(&self) -> &Node {
        &self.0.node
    }

    pub fn i18n(&self) -> &I18n {
        &self.0.i18n
    }

    pub fn config(&self) -> &Config {
        &self.0.config
    }
}

/// Logs each request by its route's pattern (`/join/{token}`), never its path, so tokens in links stay out of the
/// logs; query strings, bodies and headers are never logged either. Writes and errors at `info`, reads at `debug`.
pub(crate) async fn log_request(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or_else(|| "(no route)".to_owned(), |path| path.as_str().to_owned());
    let start = std::time::Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let ms = start.elapsed().as_secs_f64() * 1e3;
    if status >= 500 {
        tracing::warn!(target: "kenes_web::requests", %method, route, status, ms, "request");
    } else if method == axum::http::Method::GET || method == axum::http::Method::HEAD {
        tracing::debug!(target: "kenes_web::requests", %method, route, status, ms, "request");
    } else {
        tracing::info!(target: "kenes_web::requests", %method, route, status, ms, "request");
    }
    response
}

/// Runs blocking work (SQLite writes with their fsync, argon2) off the async threads.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, error::WebError> + Send + 'static,
) -> Result<T, error::WebError> {
    tokio::task::spawn_blocking(work).await?
}

/// On a node with no account yet, makes a one-time link for the first administrator and returns its path. It is the
/// node's only set-up link: any made before (an earlier start, another server on the same database) no longer works.
pub fn first_admin_link(node: &Node) -> Result<Option<String>, kenes_store::StoreError> {
    let backend = node.store().backend();
    if backend.account_count()? > 0 {
        return Ok(None);
    }
    let (token, hash) = auth::new_token();
    let record = Token {
        purpose: TokenPurpose::Setup,
        council: None,
        member: None,
        role: None,
        created_by: None,
        account: None,
        expires_ms: auth::now_ms() + 24 * 3600 * 1000,
        created_ms: auth::now_ms(),
    };
    backend.replace_setup_token(&hash, &record)?;
    Ok(Some(format!("/setup/{token}")))
}

/// Serves until the process is stopped, within the connection limits of `listen`.
pub async fn serve(state: AppState, addr: SocketAddr, limits: listen::Limits) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(%addr, "kenes is serving");
    listen::serve(listener, routes::router(state), limits).await
}

/// Serves HTTPS on `addr` with kenes's own TLS (see `tls`), within the same limits.
pub async fn serve_tls(
    state: AppState,
    addr: SocketAddr,
    tls: &tls::Tls,
    limits: listen::Limits,
) -> std::io::Result<()> {
    let listener = tls::TlsListener::new(tokio::net::TcpListener::bind(addr).await?, tls)?;
    tracing::info!(%addr, fingerprint = %tls.fingerprint, "kenes is serving HTTPS");
    listen::serve(listener, routes::router(state), limits).await
}
