//! Read-your-writes across servers on one database. A change made through one server is in that server's state when
//! it answers; the other servers learn of it from the database's notification, moments later (`follow_other_servers`).
//! A browser whose next request reaches another server first must still see its own change, so every change a
//! server answers carries a cookie naming the council and the council's height after it, and a server that is behind
//! that height brings the council up from the database before it answers (and wakes its live pages). A client of the
//! JSON API that keeps no cookies gets the same value in the `kenes-seen` response header and may send it back as a
//! request header. Only on a shared database: on SQLite there is one server and nothing here runs.

use axum::extract::{Request, State};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use kenes_record::EventHash;

use crate::AppState;

/// The cookie (and header) that carries a client's last change: `<council id>.<height>`.
pub const SEEN_COOKIE: &str = "kenes-seen";

/// How long a browser's last change is waited for: every server has heard of it from the database long before.
const SEEN_FOR_SECONDS: u64 = 300;

/// The middleware (see the module docs).
pub async fn read_your_writes(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !state.node().store().backend().shared() {
        return next.run(request).await;
    }
    if let Some((council, height)) = seen(request.headers()) {
        catch_up(&state, council, height).await;
    }
    let changes = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let council = if changes { council_in(request.uri().path()) } else { None };
    let mut response = next.run(request).await;
    let done = response.status().is_success() || response.status().is_redirection();
    if let Some(council) = council.filter(|_| done)
        && let Ok(height) = state.node().read(council, kenes_council::Council::height)
    {
        let secure = if state.config().secure_cookies { "; Secure" } else { "" };
        let cookie = format!(
            "{SEEN_COOKIE}={}.{height}; Path=/; HttpOnly; SameSite=Lax; Max-Age={SEEN_FOR_SECONDS}{secure}",
            council.to_hex()
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
        if let Ok(value) = HeaderValue::from_str(&format!("{}.{height}", council.to_hex())) {
            response.headers_mut().insert(SEEN_COOKIE, value);
        }
    }
    response
}

/// Brings the council up to `height` from the database when this server is behind it (an unknown council, or one
/// the database does not hold that far, is left as it is: the request is answered from what there is).
async fn catch_up(state: &AppState, council: EventHash, height: u64) {
    let behind = state.node().read(council, |c| c.height() < height).unwrap_or(false);
    if !behind {
        return;
    }
    let worker = state.clone();
    let caught = crate::blocking(move || {
        let now = worker.node().refresh(council)?;
        worker.tell(council, now);
        Ok(now)
    })
    .await;
    if let Err(error) = caught {
        tracing::warn!(council = %council.to_hex(), %error, "cannot bring a council up to a browser's last change");
    }
}

/// The council and height in the request's `kenes-seen` header, or else its `kenes-seen` cookie, if well formed.
fn seen(headers: &HeaderMap) -> Option<(EventHash, u64)> {
    let parse = |value: &str| {
        let (council, height) = value.split_once('.')?;
        Some((EventHash::from_hex(council).ok()?, height.parse().ok()?))
    };
    if let Some(value) = headers.get(SEEN_COOKIE) {
        return parse(value.to_str().ok()?);
    }
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(SEEN_COOKIE)?.strip_prefix('='))
        .and_then(parse)
}

/// The council a path is about: `/c/{id}/…` or `/api/councils/{id}/…`.
fn council_in(path: &str) -> Option<EventHash> {
    let mut parts = path.trim_start_matches('/').split('/');
    let id = match (parts.next(), parts.next()) {
        (Some("c"), Some(id)) => id,
        (Some("api"), Some("councils")) => parts.next()?,
        _ => return None,
    };
    EventHash::from_hex(id).ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_and_the_path_name_the_council() {
        let id = EventHash([7; 32]);
        let mut headers = HeaderMap::new();
        let cookie = format!("kenes-session=abc; {SEEN_COOKIE}={}.42", id.to_hex());
        headers.insert(COOKIE, HeaderValue::from_str(&cookie).unwrap());
        assert_eq!(seen(&headers), Some((id, 42)));
        for bad in ["kenes-seen=zz.1", "kenes-seen=", "kenes-seenx=1", "kenes-seen=00.-1"] {
            headers.insert(COOKIE, HeaderValue::from_static(bad));
            assert_eq!(seen(&headers), None, "{bad}");
        }
        let header = format!("{}.7", id.to_hex());
        headers.insert(SEEN_COOKIE, HeaderValue::from_str(&header).unwrap());
        assert_eq!(seen(&headers), Some((id, 7)), "the header, for API clients, before any cookie");
        assert_eq!(council_in(&format!("/c/{}/members", id.to_hex())), Some(id));
        assert_eq!(council_in(&format!("/api/councils/{}/assemblies/1/act", id.to_hex())), Some(id));
        assert_eq!(council_in("/councils"), None);
        assert_eq!(council_in("/c/not-hex/members"), None);
    }
}
