//! Sign-in: argon2 password hashes, session and link tokens, CSRF tokens, and the request context that carries them.
//!
//! A token is 32 random bytes from the operating system, given out base64url-encoded; the database keeps only its
//! SHA-256, so a stolen database opens no session and no link. Tokens never reach the logs.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use kenes_store::{Account, Session};

use crate::AppState;
use crate::error::WebError;
use crate::i18n::{Lang, negotiate};

pub const SESSION_COOKIE: &str = "kenes_session";
pub const LANG_COOKIE: &str = "kenes_lang";
/// Sessions last 30 days.
pub const SESSION_MS: i64 = 30 * 24 * 3600 * 1000;
/// Invitation and sign-in links last 14 days; the setup link a day.
pub const LINK_MS: i64 = 14 * 24 * 3600 * 1000;
pub const MIN_PASSWORD: usize = 10;
pub const MAX_PASSWORD: usize = 1024;

/// A fresh random token and the SHA-256 the database keeps.
pub fn new_token() -> (String, [u8; 32]) {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = token_hash(&token);
    (token, hash)
}

pub fn token_hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

pub fn hash_password(password: &str) -> Result<String, WebError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| WebError::Internal(format!("hashing a password: {error}")))
}

pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
}

/// Runs argon2 work (a hash or a check, ~19 MiB and tens of milliseconds each) off the async threads, at most
/// `ARGON2_AT_ONCE` at a time, so a burst of sign-ins waits instead of taking the node's memory.
pub async fn argon2<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce() -> Result<T, WebError> + Send + 'static,
) -> Result<T, WebError> {
    // The permit goes with the work: if the request is dropped while argon2 runs, the place stays taken until it ends.
    let permit = state
        .argon2()
        .clone()
        .acquire_owned()
        .await
        .map_err(|_| WebError::Internal("argon2 semaphore closed".into()))?;
    crate::blocking(move || {
        let _permit = permit;
        work()
    })
    .await
}

/// How many argon2 computations may run at once.
pub const ARGON2_AT_ONCE: usize = 4;

/// Begins a sign-in attempt under the throttle (counted as a failure until forgiven), off the async threads.
pub(crate) async fn throttle_begin(state: &AppState, ctx: &Ctx, username: &str) -> Result<(), WebError> {
    let throttle = *state.throttle();
    let (worker, client, name) = (state.clone(), ctx.client, username.to_owned());
    let begun = crate::blocking(move || throttle.begin(worker.node().store().backend(), client, &name, now_ms())).await;
    if let Err(WebError::Throttled(_)) = &begun {
        tracing::warn!(client = ?ctx.client, "sign-in refused: too many failures");
    }
    begun
}

/// Forgives a sign-in attempt that succeeded, off the async threads.
pub(crate) async fn throttle_succeeded(state: &AppState, ctx: &Ctx, username: &str) -> Result<(), WebError> {
    let throttle = *state.throttle();
    let (worker, client, name) = (state.clone(), ctx.client, username.to_owned());
    crate::blocking(move || throttle.succeeded(worker.node().store().backend(), client, &name)).await
}

/// Checks a sign-in attempt against the throttle and then the password, off the async threads; records the outcome.
/// The attempt counts against the throttle before the password hash runs, and is forgiven if it succeeds.
/// Returns the account when the password is right.
pub async fn sign_in(state: &AppState, ctx: &Ctx, username: &str, password: String) -> Result<Account, WebError> {
    let username = username.trim().to_owned();
    throttle_begin(state, ctx, &username).await?;
    // No account has a longer username: refused without looking it up or hashing.
    let account = if username.len() > crate::throttle::MAX_USERNAME || password.len() > MAX_PASSWORD {
        None
    } else {
        state.node().store().backend().account_by_username(&username)?
    };
    let (account, ok) = argon2(state, move || {
        let ok = check_sign_in(account.as_ref(), &password);
        Ok((account, ok))
    })
    .await?;
    match account.filter(|_| ok) {
        Some(account) => {
            throttle_succeeded(state, ctx, &username).await?;
            Ok(account)
        }
        None => {
            tracing::info!(client = ?ctx.client, "failed sign-in attempt");
            Err(WebError::BadInput("signin-failed".to_owned()))
        }
    }
}

/// Checks a sign-in attempt. An unknown username or a password-less account costs the same argon2 work as a wrong
/// password, so response times do not tell which usernames exist.
pub fn check_sign_in(account: Option<&Account>, password: &str) -> bool {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    match account.and_then(|a| a.password_hash.as_deref()) {
        Some(stored) => verify_password(password, stored),
        None => {
            let dummy = DUMMY.get_or_init(|| hash_password("kenes dummy password").unwrap_or_default());
            let _ = verify_password(password, dummy);
            false
        }
    }
}

/// Checks a new password's length; the message key says what is wrong.
pub fn check_new_password(password: &str) -> Result<(), WebError> {
    let length = password.chars().count();
    if length < MIN_PASSWORD || password.len() > MAX_PASSWORD {
        return Err(WebError::BadInput("error-password-length".to_owned()));
    }
    Ok(())
}

pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

/// Who is asking and in which language: built for every request.
#[derive(Clone)]
pub struct Ctx {
    pub lang: Lang,
    pub account: Option<Account>,
    /// The account's memberships (council, member number), read with its session.
    pub memberships: Vec<(kenes_record::EventHash, u32)>,
    pub session: Option<Session>,
    /// The session token's hash, to sign out.
    pub session_hash: Option<[u8; 32]>,
    /// Whether the session came from a bearer token (API clients), which needs no CSRF token.
    pub bearer: bool,
    /// `scheme://host` as the client reached us, for links shown to people.
    pub origin: String,
    /// The client's IP address, when known (see `client_address`).
    pub client: Option<std::net::IpAddr>,
    /// The request's path, for forms that come back to the page they are on (the language switch): with
    /// `Referrer-Policy: no-referrer`, browsers do not say where a form was sent from.
    pub path: String,
    /// The colour of the council the page belongs to (a path under `/c/{id}`), read as the request arrives, before
    /// any handler holds the council's lock.
    pub colour: Option<kenes_council::Colour>,
}

impl std::fmt::Debug for Ctx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ctx").field("lang", &self.lang).field("account", &self.account).finish_non_exhaustive()
    }
}

/// The colour of the council a path belongs to (any path under `/c/{id}`).
fn council_colour(state: &AppState, path: &str) -> Option<kenes_council::Colour> {
    let id = path.strip_prefix("/c/")?.split('/').next()?;
    let council = kenes_record::EventHash::from_hex(id).ok()?;
    state.node().read(council, |c| c.colour).ok().flatten()
}

impl Ctx {
    /// The context of a request before its session is looked up: its language, origin, client and path.
    pub fn anonymous(parts: &Parts, state: &AppState) -> Ctx {
        let headers = &parts.headers;
        let accept = headers.get(axum::http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
        let lang = negotiate(cookie(headers, LANG_COOKIE), accept);
        let host = headers.get(axum::http::header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("localhost");
        let scheme = if state.config().secure_cookies { "https" } else { "http" };
        let origin = format!("{scheme}://{host}");
        let client = client_address(parts);
        let path: String = parts.uri.path().chars().take(2048).collect();
        let colour = council_colour(state, &path);
        Ctx {
            lang,
            account: None,
            memberships: Vec::new(),
            session: None,
            session_hash: None,
            bearer: false,
            origin,
            client,
            path,
            colour,
        }
    }

    /// The signed-in account's member number in `council`, if it is one of its members.
    pub fn membership(&self, council: kenes_record::EventHash) -> Option<kenes_council::MemberId> {
        self.account.as_ref()?;
        self.memberships.iter().find(|(c, _)| *c == council).map(|(_, m)| kenes_council::MemberId(*m))
    }

    pub fn require_account(&self) -> Result<&Account, WebError> {
        self.account.as_ref().ok_or(WebError::SignInRequired)
    }

    pub fn csrf(&self) -> &str {
        self.session.as_ref().map_or("", |s| s.csrf.as_str())
    }

    /// Every state-changing request must carry the session's CSRF token, unless it authenticated by bearer token.
    pub fn check_csrf(&self, presented: Option<&str>) -> Result<(), WebError> {
        if self.bearer {
            return Ok(());
        }
        let Some(session) = &self.session else {
            return Err(WebError::SignInRequired);
        };
        match presented {
            Some(token) if bool::from(token.as_bytes().ct_eq(session.csrf.as_bytes())) => Ok(()),
            _ => Err(WebError::Csrf),
        }
    }
}

pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        // `error::render_errors` reads the context once per request and leaves it here.
        if let Some(ctx) = parts.extensions.get::<Ctx>() {
            return Ok(ctx.clone());
        }
        let headers = &parts.headers;
        let bearer_token = headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        let (token, bearer) = match bearer_token {
            Some(token) => (Some(token.trim()), true),
            None => (cookie(headers, SESSION_COOKIE), false),
        };
        let mut ctx = Ctx::anonymous(parts, state);
        let Some(token) = token.filter(|t| !t.is_empty() && t.len() <= 100) else {
            return Ok(ctx);
        };
        let hash = token_hash(token);
        // The session, its account and memberships in one read; on PostgreSQL this task waits for the round trip
        // without holding one of the runtime's threads.
        let (reply, answer) = tokio::sync::oneshot::channel();
        state.node().store().backend().signed_in_then(
            &hash,
            now_ms(),
            Box::new(move |signed_in| {
                let _ = reply.send(signed_in);
            }),
        );
        let signed_in = answer.await.map_err(|_| WebError::Internal("the database stopped".into()))??;
        match signed_in {
            Some(signed_in) => {
                ctx.account = signed_in.account;
                ctx.memberships = signed_in.memberships;
                ctx.session = Some(signed_in.session);
                ctx.session_hash = Some(hash);
                ctx.bearer = bearer;
            }
            // A bearer token that opens no session is an error; a stale cookie just means "signed out".
            None if bearer => return Err(WebError::BadBearer),
            None => {}
        }
        Ok(ctx)
    }
}

/// The address a connection came from, as `serve` and `serve_tls` record it for each request.
#[derive(Clone, Copy, Debug)]
pub struct Peer(pub std::net::SocketAddr);

impl axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, tokio::net::TcpListener>> for Peer {
    fn connect_info(stream: axum::serve::IncomingStream<'_, tokio::net::TcpListener>) -> Peer {
        Peer(*stream.remote_addr())
    }
}

impl axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, crate::tls::TlsListener>> for Peer {
    fn connect_info(stream: axum::serve::IncomingStream<'_, crate::tls::TlsListener>) -> Peer {
        Peer(*stream.remote_addr())
    }
}

/// The client's address, when the server was started with connect info: the peer's, or, when the peer is this
/// machine (a reverse proxy in front of kenes), the last address in `X-Forwarded-For`.
fn client_address(parts: &Parts) -> Option<std::net::IpAddr> {
    let peer = parts.extensions.get::<axum::extract::ConnectInfo<Peer>>()?.0.0.ip();
    if peer.is_loopback() {
        let forwarded = parts.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok());
        if let Some(address) = forwarded.and_then(|v| v.rsplit(',').next()).and_then(|a| a.trim().parse().ok()) {
            return Some(address);
        }
    }
    Some(peer)
}

/// The `Set-Cookie` value for a new session.
pub fn session_cookie(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}", SESSION_MS / 1000)
}

pub fn clear_session_cookie(secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}

/// Starts a session for an account; returns the cookie token (and the CSRF token, for API clients).
pub fn start_session(state: &AppState, account: &Account) -> Result<(String, String), WebError> {
    let (token, hash) = new_token();
    let (csrf, _) = new_token();
    let session = Session { account: account.id, csrf: csrf.clone(), expires_ms: now_ms() + SESSION_MS };
    state.node().store().backend().create_session(&hash, &session)?;
    Ok((token, csrf))
}
