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
    let title = ta(&state, &ctx, "record-of", &[("council", name)]);
    let body = html! {
        p { (t(&state, &ctx, "record-intro")) }
        dl {
            dt { (t(&state, &ctx, "record-council-id")) } dd { code { (council.to_hex()) } }
            dt { (t(&state, &ctx, "record-home-node")) } dd { code { (node.to_hex()) } }
        }
        table.record {
            thead { tr {
                th scope="col" { (t(&state, &ctx, "record-height")) }
                th scope="col" { (t(&state, &ctx, "record-time")) }
                th scope="col" { (t(&state, &ctx, "record-kind")) }
                th scope="col" { (t(&state, &ctx, "record-hash")) }
                th scope="col" { (t(&state, &ctx, "record-payload")) }
            } }
            tbody {
                @for event in events.iter().rev() {
                    tr {
                        td { (event.height) }
                        td { (format_time(event.timestamp_ms)) }
                        td { code { (event.kind) } }
                        td { code title=(event.hash().to_hex()) { (event.hash().to_hex()[..16]) "…" } }
                        td { code.payload { (event.payload_text().unwrap_or("")) } }
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
