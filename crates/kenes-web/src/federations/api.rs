//! The JSON API of federations: the summary, and any step.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::AppState;
use crate::api::{Body, Writer};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::parse_council_id;

#[utoipa::path(
    get,
    path = "/api/councils/{id}/federation",
    tag = "federations",
    summary = "The council's federations, mandates and recall petitions; for a federation, its member councils and seats, each citation checked against the records this node holds",
    params(crate::api::CouncilParams),
    responses((status = 200, description = "The federation side of the council"), (status = "4XX", description = "Refused", body = crate::api::ApiError))
)]
pub async fn get_federation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    Ok(Json(super::summary(&state, &ctx, parse_council_id(&id)?).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/api/councils/{id}/federation/{kind}",
    tag = "federations",
    summary = "Take a federation step: kind is the event kind (federation.joined, recall.rule_set, mandate.given, recall.signed, recall.withdrawn, mandate.recalled, mandate.ended, mandate.instructed, federation.seats_set, delegate.seated, delegate.unseated, motion.received); the body is its payload without `by` (docs/record.md, Federation events). `weights.by_size` (empty body) weighs every member council's seats by its size as the records held here show it, and answers which were weighed and which are not held",
    params(crate::api::CouncilParams, ("kind" = String, Path, description = "The event kind")),
    request_body = Object,
    responses((status = 200, description = "Written: the event's height"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn post_step(
    State(state): State<AppState>,
    Writer(ctx): Writer,
    Path((id, kind)): Path<(String, String)>,
    Body(payload): Body<serde_json::Map<String, Value>>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    if kind == "weights.by_size" {
        let weighed = super::weigh_by_size(&state, &ctx, council).await?;
        return Ok(Json(json!({ "weighed": weighed.weighed, "not_held": weighed.not_held })).into_response());
    }
    let height = super::take_step(&state, &ctx, council, &kind, payload).await?;
    Ok(Json(json!({ "height": height })).into_response())
}
