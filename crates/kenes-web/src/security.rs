//! Guards every request and response share: form posts from other sites are refused before any handler runs, and
//! every response carries the headers that keep a page from being framed, sniffed, or made to run another site's
//! script.
//!
//! The CSRF tokens of `auth` protect signed-in actions; the same-origin check here also covers the forms that have no
//! session yet (`/signin`, `/join/{t}`, `/link/{t}`, `/setup/{t}`), where another site could otherwise sign a visitor
//! into an account of its choosing (login CSRF) or spend a link it has seen.

use std::sync::LazyLock;

use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

/// The Content-Security-Policy: scripts only from this node's own files, no plugins, no framing, forms only to this
/// node; the four inline style sheets (pages, the projector, printed minutes, the charts) are allowed by their hashes,
/// not by `'unsafe-inline'`. `blob:` may be read back by the node's own scripts (the files a trustee's or an
/// authority's page makes in the browser).
static CONTENT_SECURITY_POLICY: LazyLock<String> = LazyLock::new(|| {
    let hash = |css: &str| format!("'sha256-{}'", STANDARD.encode(Sha256::digest(css.as_bytes())));
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self' {} {} {} {}; img-src 'self' data:; \
         connect-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        hash(crate::ui::STYLE),
        hash(crate::meetings::PROJECTOR_STYLE),
        hash(crate::minutes::PRINT_STYLE),
        hash(crate::charts::STYLE),
    )
});

/// Adds the security headers to every response (handlers that set one themselves keep theirs).
pub async fn headers(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let fixed: [(header::HeaderName, &str); 4] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ];
    for (name, value) in fixed {
        headers.entry(name).or_insert(HeaderValue::from_static(value));
    }
    if let Ok(policy) = HeaderValue::from_str(&CONTENT_SECURITY_POLICY) {
        headers.entry(header::CONTENT_SECURITY_POLICY).or_insert(policy);
    }
    response
}

/// Whether a request that changes something comes from a page of this node, judged by what browsers send:
/// `Sec-Fetch-Site` when present (every current browser), else `Origin` against `Host`. A request with neither
/// (curl, an API client, an old browser on a same-origin form) is not a cross-site browser request and passes.
pub fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        // "none": the person typed the address or used a bookmark.
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin.split_once("://").map(|(_, rest)| rest);
    matches!((origin_host, host), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b))
}

/// Refuses form posts that come from another site, before any handler (and so before any link is spent or any
/// password hashed). The JSON API is left to its bearer tokens, which a browser never sends across sites by itself.
pub async fn refuse_cross_site(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let changes = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if changes && !request.uri().path().starts_with("/api/") && !same_origin(request.headers()) {
        tracing::info!("a cross-site form post was refused");
        return (StatusCode::FORBIDDEN, "This form was sent from another site, so kenes refused it.").into_response();
    }
    next.run(request).await
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn check(pairs: &[(&'static str, &str)], expected: bool) {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, value.parse().unwrap());
        }
        assert_eq!(same_origin(&headers), expected, "{pairs:?}");
    }

    #[test]
    fn cross_site_posts_are_told_apart() {
        check(&[("host", "kenes.local:8080")], true);
        check(&[("sec-fetch-site", "same-origin"), ("host", "kenes.local")], true);
        check(&[("sec-fetch-site", "none")], true);
        check(&[("sec-fetch-site", "cross-site"), ("origin", "http://kenes.local"), ("host", "kenes.local")], false);
        check(&[("sec-fetch-site", "same-site")], false);
        check(&[("origin", "http://kenes.local:8080"), ("host", "kenes.local:8080")], true);
        check(&[("origin", "https://evil.example"), ("host", "kenes.local:8080")], false);
        check(&[("origin", "null"), ("host", "kenes.local:8080")], false);
    }
}
