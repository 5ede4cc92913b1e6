//! kenes itself, for a neighbour: a node offers the very binary it runs, with its SHA-256, so a laptop on the same
//! Wi-Fi without internet can get kenes from it, and anyone can compare the hash with a copy they trust.
//!
//! The bytes are read once (from `/proc/self/exe` or its equivalent) and kept, so the hash shown and the bytes
//! served are always the same file, even if the binary on disk is replaced while the node runs. A few downloads run
//! at once; more are told to come back (the hall's Wi-Fi carries a meeting too).

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use maud::html;
use sha2::{Digest, Sha256};
use tokio::sync::{OnceCell, Semaphore};

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::nodes::grouped;
use crate::ui::{layout, t, ta};

/// Downloads of the binary served at once.
pub const MAX_DOWNLOADS: usize = 3;
const CHUNK: usize = 64 * 1024;

/// The running binary: its bytes and their SHA-256 (hex).
pub struct Binary {
    pub bytes: Bytes,
    pub sha256: String,
}

static BINARY: OnceCell<Arc<Binary>> = OnceCell::const_new();
static DOWNLOADS: Semaphore = Semaphore::const_new(MAX_DOWNLOADS);

/// The running binary, read and hashed on first use.
pub async fn binary() -> Result<Arc<Binary>, WebError> {
    BINARY
        .get_or_try_init(|| async {
            crate::blocking(|| {
                let path =
                    std::env::current_exe().map_err(|e| WebError::Internal(format!("finding this binary: {e}")))?;
                let bytes =
                    std::fs::read(&path).map_err(|e| WebError::Internal(format!("reading {}: {e}", path.display())))?;
                let sha256 = hex::encode(Sha256::digest(&bytes));
                Ok(Arc::new(Binary { bytes: Bytes::from(bytes), sha256 }))
            })
            .await
        })
        .await
        .cloned()
}

/// The file name offered: `kenes-<version>-<arch>-<os>`.
pub fn file_name() -> String {
    format!("kenes-{}-{}-{}", env!("CARGO_PKG_VERSION"), std::env::consts::ARCH, std::env::consts::OS)
}

/// `GET /kenes`: what this node offers, its hash, and how to check and run it. Open to anyone who reaches the node.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
) -> Result<Response, WebError> {
    let binary = binary().await?;
    let name = file_name();
    // The address the visitor used, for the commands they can paste (shown as text; maud escapes it).
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| h.len() <= 255 && h.chars().all(|c| c.is_ascii_alphanumeric() || ".:-[]".contains(c)))
        .unwrap_or("HOST:PORT");
    let megabytes = format!("{:.1}", binary.bytes.len() as f64 / 1e6);
    let title = t(&state, &ctx, "spread-title");
    let body = html! {
        p { (t(&state, &ctx, "spread-intro")) }
        dl.facts {
            dt { (t(&state, &ctx, "spread-file")) } dd { code { (name) } }
            dt { (t(&state, &ctx, "spread-size")) } dd { (ta(&state, &ctx, "spread-megabytes", &[("mb", megabytes)])) }
            dt { (t(&state, &ctx, "spread-platform")) } dd { (std::env::consts::OS) " " (std::env::consts::ARCH) }
            dt { "SHA-256" } dd { strong.key #binary-sha256 { (grouped(&binary.sha256)) } }
        }
        p { a.button href="/kenes/download" download=(name) { (t(&state, &ctx, "spread-download")) } }
        h2 { (t(&state, &ctx, "spread-check")) }
        p { (t(&state, &ctx, "spread-check-help")) }
        pre.commands { code {
            "curl -o kenes http://" (host) "/kenes/download\n"
            "sha256sum kenes\n"
            "chmod +x kenes\n"
            "./kenes serve"
        } }
        p { (t(&state, &ctx, "spread-compare")) }
    };
    Ok(layout(&state, &ctx, &title, body).into_response())
}

/// `GET /kenes/download`: the binary itself, with its SHA-256 in a header; a few at once.
pub async fn download() -> Result<Response, WebError> {
    let permit = DOWNLOADS.try_acquire().map_err(|_| WebError::Busy)?;
    let binary = binary().await?;
    let bytes = binary.bytes.clone();
    let chunks: Vec<Bytes> =
        (0..bytes.len()).step_by(CHUNK).map(|at| bytes.slice(at..(at + CHUNK).min(bytes.len()))).collect();
    // The permit is held until the last chunk has gone out (or the download is dropped).
    let body = stream::iter(chunks.into_iter().map(move |chunk| {
        let _held = &permit;
        Ok::<Bytes, std::convert::Infallible>(chunk)
    }));
    Ok((
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", file_name())),
            (header::CONTENT_LENGTH, binary.bytes.len().to_string()),
            (header::HeaderName::from_static("x-kenes-sha256"), binary.sha256.clone()),
        ],
        Body::from_stream(body),
    )
        .into_response())
}

/// `GET /kenes/download.sha256`: the hash as `sha256sum --check` reads it.
pub async fn checksum() -> Result<Response, WebError> {
    let binary = binary().await?;
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], format!("{}  kenes\n", binary.sha256)).into_response())
}
