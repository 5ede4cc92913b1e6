//! The live part of a meeting: the fragment shared by every screen, cached per council height, and its stream.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use serde::Deserialize;

use kenes_council::MemberId;
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::{Ctx, now_ms};
use crate::error::WebError;
use crate::ui::require_member;

use super::*;

#[derive(Debug, Deserialize)]
pub struct StreamQuery {
    #[serde(default)]
    pub(crate) view: String,
}

/// The live fragment alone, for a screen that lost its stream and for tests.
pub async fn live_fragment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
    axum::extract::Query(query): axum::extract::Query<StreamQuery>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    let me = require_member(&state, &ctx, council)?;
    let view = allowed_view(&state, council, me, View::parse(&query.view))?;
    let fragment = state.live_fragment(council, number, ctx.lang, view)?;
    Ok(([(CONTENT_TYPE, "text/html; charset=utf-8"), (CACHE_CONTROL, "no-store")], fragment.html.to_string())
        .into_response())
}

/// Members may watch as members or as the projector; only those who preside get the presiding view.
pub(crate) fn allowed_view(state: &AppState, council: EventHash, me: MemberId, wanted: View) -> Result<View, WebError> {
    if wanted != View::Presiding {
        return Ok(wanted);
    }
    let presides = state.node().read(council, |c| kenes_council::may_manage(c, me))?;
    Ok(if presides { View::Presiding } else { View::Member })
}

/// The server-sent-events stream of a meeting: the live fragment now, then again after every change, with the
/// server's clock so speaking-time clocks agree across phones. Phones that drop off reconnect by themselves
/// (EventSource does), and get the current fragment at once.
pub async fn stream(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
    axum::extract::Query(query): axum::extract::Query<StreamQuery>,
) -> Response {
    let setup = (|| -> Result<(EventHash, u32, View), WebError> {
        let (council, number) = parse_ids(&id, &number)?;
        let me = require_member(&state, &ctx, council)?;
        let view = allowed_view(&state, council, me, View::parse(&query.view))?;
        state.node().read(council, |c| c.assembly(number).is_some())?.then_some(()).ok_or(WebError::NotFound)?;
        Ok((council, number, view))
    })();
    let (council, number, view) = match setup {
        Ok(found) => found,
        Err(error) => return error.into_response(),
    };
    // The stream holds one of the account's places until it ends.
    let slot = match ctx.account.as_ref().map(|account| state.open_stream(account.id)) {
        Some(Ok(slot)) => slot,
        Some(Err(error)) => return error.into_response(),
        None => return WebError::SignInRequired.into_response(),
    };
    let receiver = state.subscribe(council);
    let lang = ctx.lang;
    let events = stream::unfold(
        (state, receiver, None::<u64>, None::<Bytes>),
        move |(state, mut receiver, sent, queued)| async move {
            if let Some(fragment) = queued {
                return Some((Ok::<_, Infallible>(fragment), (state, receiver, sent, None)));
            }
            loop {
                let height = receiver.current();
                if sent.is_none_or(|sent| sent < height) {
                    let fragment = match state.cached_fragment(council, number, lang, view, height) {
                        Some(found) => Some(found),
                        None => {
                            let state = state.clone();
                            tokio::task::spawn_blocking(move || state.live_fragment(council, number, lang, view).ok())
                                .await
                                .ok()
                                .flatten()
                        }
                    };
                    if let Some(fragment) = fragment {
                        // This connection's own clock reading first (the fragment's is from when it was rendered), then
                        // the shared fragment.
                        let time = Bytes::from(format!("event: time\ndata: {}\n\n", now_ms()));
                        return Some((Ok(time), (state, receiver, Some(fragment.height), Some(fragment.event))));
                    }
                }
                // A comment line every 15 s keeps proxies and phones from closing an idle stream.
                match tokio::time::timeout(Duration::from_secs(15), receiver.changed()).await {
                    Ok(true) => {}
                    Ok(false) => return None,
                    Err(_) => return Some((Ok(Bytes::from_static(b":\n\n")), (state, receiver, sent, None))),
                }
            }
        },
    );
    let headers = [
        (CONTENT_TYPE, "text/event-stream"),
        (CACHE_CONTROL, "no-store"),
        (axum::http::header::HeaderName::from_static("x-accel-buffering"), "no"),
    ];
    // The slot goes with the stream, and is given back when the stream is dropped (the client went away).
    let events = futures_util::StreamExt::map(events, move |item| {
        let _held = &slot;
        item
    });
    (headers, Body::from_stream(events)).into_response()
}

/// The shared live fragment, cached per council height, with the server-sent event that carries it encoded once: every
/// stream sends the same bytes.
#[derive(Clone, Debug)]
pub struct Fragment {
    pub height: u64,
    pub html: Arc<str>,
    pub event: Bytes,
}

impl Fragment {
    pub fn new(height: u64, html: String) -> Fragment {
        // `event: live`, `id:` the council height, then the fragment, one data line per line of HTML. Each stream
        // sends its own `time` event just before, for clocks that agree across phones.
        let mut event = format!("event: live\nid: {height}\n");
        for line in html.split('\n') {
            event.push_str("data: ");
            event.push_str(line.trim_end_matches('\r'));
            event.push('\n');
        }
        event.push('\n');
        Fragment { height, html: Arc::from(html), event: Bytes::from(event) }
    }
}
