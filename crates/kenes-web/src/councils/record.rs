//! The council's record as a page, and its bundle as a file.

use axum::extract::{Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;

use super::*;
use crate::ui::*;

// The record and its bundle

/// Events shown on one page of the record, newest first.
pub(crate) const RECORD_PAGE: u64 = 100;

#[derive(Debug, Deserialize)]
pub struct RecordQuery {
    before: Option<u64>,
}

pub async fn record_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum::extract::Query(query): axum::extract::Query<RecordQuery>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    require_member(&state, &ctx, council)?;
    let (name, node, height) =
        state.node().read(council, |c| (c.name.as_str().to_owned(), c.home_node(), c.height()))?;
    let until = query.before.unwrap_or(height).min(height);
    let from = until.saturating_sub(RECORD_PAGE);
    let events = state.node().store().load_event_range(council, from, until)?;
    let sentences: std::collections::BTreeMap<u64, String> = state
        .node()
        .read(council, |c| events.iter().map(|event| (event.height, sentence(&state, &ctx, c, event))).collect())?;
    let title = ta(&state, &ctx, "record-of", &[("council", name)]);
    let body = html! {
        p { (t(&state, &ctx, "record-intro")) }
        dl {
            dt { (t(&state, &ctx, "record-council-id")) } dd { code { (council.to_hex()) } }
            dt { (t(&state, &ctx, "record-home-node")) } dd { code { (node.to_hex()) } }
        }
        ol.record reversed start=(until.saturating_sub(1)) {
            @for event in events.iter().rev() {
                li {
                    p.sentence { (sentences.get(&event.height).cloned().unwrap_or_default()) }
                    p.meta {
                        (ta(&state, &ctx, "record-event-meta", &[("height", event.height.to_string()), ("time", format_time(event.timestamp_ms))]))
                        " · " code title=(event.hash().to_hex()) { (event.hash().to_hex()[..16]) "…" }
                    }
                    details {
                        summary { (t(&state, &ctx, "record-as-recorded")) " " code { (event.kind) } }
                        pre.payload tabindex="0" { code { (event.payload_text().unwrap_or("")) } }
                    }
                }
            }
        }
        nav aria-label=(t(&state, &ctx, "record-pages")) {
            ul.links {
                @if until < height {
                    li { a href={ "/c/" (council.to_hex()) "/record?before=" ((until + RECORD_PAGE).min(height)) } { (t(&state, &ctx, "record-newer")) } }
                }
                @if from > 0 {
                    li { a href={ "/c/" (council.to_hex()) "/record?before=" (from) } { (t(&state, &ctx, "record-older")) } }
                }
            }
        }
    };
    Ok(layout(&state, &ctx, &title, body).into_response())
}

pub async fn bundle_download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    let bytes = bundle(&state, &ctx, council).await?;
    let filename = format!("attachment; filename=\"council-{}.kbundle\"", &council.to_hex()[..12]);
    Ok(([(CONTENT_TYPE, "application/octet-stream".to_owned()), (CONTENT_DISPOSITION, filename)], bytes)
        .into_response())
}

// ---------------------------------------------------------------------------------------------------------------

/// Payload fields that hold a member's number: said by the member's name.
const MEMBER_FIELDS: &[&str] = &["by", "member", "seconder", "mover", "speaker", "teller", "delegate"];

/// An event as a sentence in the reader's language: the message `ev-KIND` (the kind's dots as dashes), given every
/// top-level payload field of a plain value as an argument of the same name, members by their names. A kind with no
/// message yet reads as its kind.
pub(crate) fn sentence(
    state: &AppState,
    ctx: &Ctx,
    council: &kenes_council::Council,
    event: &kenes_record::Event,
) -> String {
    let mut args: Vec<(String, String)> = Vec::new();
    let payload: serde_json::Value =
        event.payload_text().and_then(|text| serde_json::from_str(text).ok()).unwrap_or(serde_json::Value::Null);
    if let Some(fields) = payload.as_object() {
        for (name, value) in fields {
            let text = match value {
                serde_json::Value::Number(number) if MEMBER_FIELDS.contains(&name.as_str()) => number
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .map(|n| crate::meetings::name(council, kenes_council::MemberId(n)))
                    .unwrap_or_else(|| number.to_string()),
                serde_json::Value::Number(number) => number.to_string(),
                serde_json::Value::String(text) => text.clone(),
                serde_json::Value::Bool(flag) => flag.to_string(),
                _ => continue,
            };
            args.push((name.clone(), text));
        }
    }
    let key = format!("ev-{}", event.kind.replace(['.', '_'], "-"));
    if !state.i18n().has(ctx.lang, &key) {
        return event.kind.to_string();
    }
    let args: Vec<(&str, String)> = args.iter().map(|(name, value)| (name.as_str(), value.clone())).collect();
    ta(state, ctx, &key, &args)
}
