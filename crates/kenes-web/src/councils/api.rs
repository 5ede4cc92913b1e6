//! The JSON API of councils: their state, members, links, rolls, settings, record and bundle.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use kenes_council::roll::RollError;

use crate::AppState;
use crate::auth::Ctx;
use crate::councils::{self, ImportResult, NewCouncil, row_problem_text};
use crate::error::WebError;
use crate::ui::{require_member, ta};

use crate::api::{Body, Ids, Writer};

#[utoipa::path(
    get,
    path = "/api/councils",
    tag = "councils",
    summary = "The councils the caller is a member of",
    responses((status = 200, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn list_councils(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let account = ctx.require_account()?;
    let memberships = state.node().store().backend().memberships(account.id)?;
    let mut councils = Vec::new();
    for (council, member) in memberships {
        if let Ok(Some(entry)) = state.node().read(council, |c| {
            let me = c.member(kenes_council::MemberId(member)).filter(|m| m.active)?;
            Some(json!({
                "id": council.to_hex(), "name": c.name.as_str(), "kind": c.kind.as_str(),
                "members": c.active_member_count(), "your_member": member, "your_role": me.role.as_str(),
            }))
        }) {
            councils.push(entry);
        }
    }
    Ok(Json(json!({ "councils": councils })).into_response())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct CreateCouncilRequest {
    name: String,
    kind: String,
    #[serde(default)]
    description: String,
    languages: Vec<String>,
    founder_name: String,
}

#[utoipa::path(
    post,
    path = "/api/councils",
    tag = "councils",
    summary = "Create a council (node administrators); the caller becomes member 1, a secretary",
    request_body = CreateCouncilRequest,
    responses((status = 201, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn create_council(
    State(state): State<AppState>,
    Writer(ctx): Writer,
    Body(request): Body<CreateCouncilRequest>,
) -> Result<Response, WebError> {
    let account = ctx.require_account()?;
    let input = NewCouncil {
        name: request.name,
        kind: request.kind,
        description: request.description,
        languages: request.languages,
        founder: request.founder_name,
    };
    let id = councils::create_council(&state, account, input)?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id.to_hex() }))).into_response())
}

pub(crate) fn council_json(council: &kenes_council::Council) -> Value {
    json!({
        "id": council.id().to_hex(),
        "name": council.name.as_str(),
        "kind": council.kind.as_str(),
        "description": council.description.as_str(),
        "private": council.private,
        "languages": council.languages.as_slice(),
        "home_node": council.home_node().to_hex(),
        "height": council.height(),
        "head": council.head().to_hex(),
        "members": council.active_member_count(),
    })
}

#[utoipa::path(
    get,
    path = "/api/councils/{id}",
    tag = "councils",
    summary = "A council's current state",
    params(crate::api::CouncilParams),
    responses((status = 200, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn get_council(State(state): State<AppState>, ctx: Ctx, ids: Ids) -> Result<Response, WebError> {
    let id = ids.council;
    require_member(&state, &ctx, id)?;
    let body = state.node().read(id, council_json)?;
    Ok(Json(body).into_response())
}

#[utoipa::path(
    get,
    path = "/api/councils/{id}/members",
    tag = "councils",
    summary = "A council's members, removed ones included",
    params(crate::api::CouncilParams),
    responses((status = 200, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn list_members(State(state): State<AppState>, ctx: Ctx, ids: Ids) -> Result<Response, WebError> {
    let id = ids.council;
    require_member(&state, &ctx, id)?;
    let members = state.node().read(id, |c| {
        c.members()
            .map(|m| {
                json!({ "member": m.id.0, "name": m.name.as_str(), "role": m.role.as_str(),
                            "active": m.active, "joined_height": m.joined_height })
            })
            .collect::<Vec<_>>()
    })?;
    Ok(Json(json!({ "members": members })).into_response())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct AddMemberRequest {
    name: String,
    #[serde(default)]
    role: String,
}

#[utoipa::path(
    post,
    path = "/api/councils/{id}/members",
    tag = "councils",
    summary = "Add a member by display name; returns a one-time sign-in link",
    params(crate::api::CouncilParams),
    request_body = AddMemberRequest,
    responses((status = 201, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn add_member(
    State(state): State<AppState>,
    Writer(ctx): Writer,
    ids: Ids,
    Body(request): Body<AddMemberRequest>,
) -> Result<Response, WebError> {
    let id = ids.council;
    let (state2, ctx2) = (state.clone(), ctx.clone());
    let (member, link) =
        crate::blocking(move || councils::add_member(&state2, &ctx2, id, &request.name, &request.role)).await?;
    Ok((StatusCode::CREATED, Json(json!({ "member": member.0, "signin_link": link }))).into_response())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct InvitationRequest {
    #[serde(default)]
    role: String,
}

#[utoipa::path(
    post,
    path = "/api/councils/{id}/invitations",
    tag = "councils",
    summary = "Make a one-time invitation link for a role",
    params(crate::api::CouncilParams),
    request_body = InvitationRequest,
    responses((status = 201, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn create_invitation(
    State(state): State<AppState>,
    Writer(ctx): Writer,
    ids: Ids,
    Body(request): Body<InvitationRequest>,
) -> Result<Response, WebError> {
    let id = ids.council;
    let link = councils::create_invitation(&state, &ctx, id, &request.role)?;
    Ok((StatusCode::CREATED, Json(json!({ "link": link }))).into_response())
}

/// `POST /api/councils/{id}/import` with a `text/csv` body.
#[utoipa::path(
    post,
    path = "/api/councils/{id}/import",
    tag = "councils",
    summary = "Import a CSV member roll (text/csv body): all rows or none",
    params(crate::api::CouncilParams),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 201, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn import_roll(
    State(state): State<AppState>,
    Writer(ctx): Writer,
    ids: Ids,
    body: axum::body::Bytes,
) -> Result<Response, WebError> {
    let id = ids.council;
    let (state2, ctx2) = (state.clone(), ctx.clone());
    let outcome = crate::blocking(move || councils::import_roll(&state2, &ctx2, id, &body)).await?;
    Ok(match outcome {
        ImportResult::Imported(count) => (StatusCode::CREATED, Json(json!({ "imported": count }))).into_response(),
        ImportResult::Refused(RollError::File(detail)) => {
            let message = ta(&state, &ctx, "import-file-error", &[("detail", detail)]);
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(json!({ "error": { "code": "import-file-error", "message": message } })),
            )
                .into_response()
        }
        ImportResult::Refused(RollError::Rows(rows)) => {
            let rejected: Vec<Value> = rows
                .iter()
                .map(|row| json!({ "line": row.line, "reason": row_problem_text(&state, &ctx, &row.problem) }))
                .collect();
            let message = ta(&state, &ctx, "import-refused", &[("count", rows.len().to_string())]);
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(json!({ "error": { "code": "import-refused", "message": message }, "rejected": rejected })),
            )
                .into_response()
        }
    })
}

#[utoipa::path(
    get,
    path = "/api/councils/{id}/record",
    tag = "councils",
    summary = "The council's signed, hash-chained record",
    params(crate::api::CouncilParams),
    responses((status = 200, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn get_record(State(state): State<AppState>, ctx: Ctx, ids: Ids) -> Result<Response, WebError> {
    let id = ids.council;
    require_member(&state, &ctx, id)?;
    let events = state.node().store().load_events(id, 0)?;
    let events: Vec<Value> = events
        .iter()
        .map(|e| {
            json!({
                "height": e.height, "parent": e.parent.to_hex(), "timestamp_ms": e.timestamp_ms,
                "node": e.node.to_hex(), "kind": e.kind, "payload": e.payload_text(),
                "signature": hex::encode(e.signature), "hash": e.hash().to_hex(),
            })
        })
        .collect();
    Ok(Json(json!({ "council": id.to_hex(), "events": events })).into_response())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct SettingsRequest {
    name: String,
    #[serde(default)]
    description: String,
    languages: Vec<String>,
    /// Elections for members' eyes only; absent keeps the council's current setting (so a client written before
    /// the setting existed never makes a private council public).
    #[serde(default)]
    private: Option<bool>,
    /// The council's colour: red, orange, amber, green, teal, blue, indigo, purple, pink, grey, or "none"; absent
    /// keeps the current one.
    #[serde(default)]
    colour: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/councils/{id}/settings",
    tag = "councils",
    summary = "Change the council's name, description, languages, privacy and colour (chair or secretary)",
    params(crate::api::CouncilParams),
    request_body = SettingsRequest,
    responses((status = 200, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn update_settings(
    State(state): State<AppState>,
    Writer(ctx): Writer,
    ids: Ids,
    Body(request): Body<SettingsRequest>,
) -> Result<Response, WebError> {
    let id = ids.council;
    let input = councils::Settings {
        name: request.name,
        description: request.description,
        languages: request.languages,
        private: match request.private {
            Some(private) => private,
            None => state.node().read(id, |c| c.private)?,
        },
        colour: match request.colour {
            Some(colour) => colour,
            None => state.node().read(id, |c| c.colour.map_or("none", kenes_council::Colour::as_str))?.to_owned(),
        },
    };
    let height = councils::update_settings(&state, &ctx, id, input).await?;
    Ok(Json(json!({ "height": height })).into_response())
}

/// Which nodes may hold a copy of the council's record.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct CopiesRequest {
    /// Node cards (`kenes-node:<node key hex>:<age recipient>`), as each node's `/sync/v1/hello` gives its own; the
    /// list replaces the one before.
    nodes: Vec<String>,
    /// Anyone may hold a copy.
    #[serde(default)]
    public: bool,
}

#[utoipa::path(
    post,
    path = "/api/councils/{id}/copies",
    tag = "councils",
    summary = "Choose which nodes may hold a copy of the council's record (chair or secretary)",
    params(crate::api::CouncilParams),
    request_body = CopiesRequest,
    responses((status = 200, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn choose_copies(
    State(state): State<AppState>,
    Writer(ctx): Writer,
    ids: Ids,
    Body(request): Body<CopiesRequest>,
) -> Result<Response, WebError> {
    if request.nodes.len() > kenes_council::copies::MAX_HOLDERS {
        return Err(WebError::BadInput("error-too-many-holders".to_owned()));
    }
    let height = councils::choose_copies(&state, &ctx, ids.council, &request.nodes, request.public).await?;
    Ok(Json(json!({ "height": height })).into_response())
}

pub(crate) fn member_json(council: &kenes_council::Council, member: &kenes_council::Member) -> Value {
    let via = match member.joined_via {
        kenes_council::JoinedVia::Invitation => "invitation",
        kenes_council::JoinedVia::Secretary => "secretary",
    };
    json!({
        "member": member.id.0, "name": member.name.as_str(), "role": member.role.as_str(), "active": member.active,
        "joined_height": member.joined_height, "joined_ms": member.joined_ms, "joined_via": via,
        "added_by": member.added_by.map(|by| crate::meetings::api::who(council, by)),
    })
}

#[utoipa::path(
    get,
    path = "/api/councils/{id}/members/{number}",
    tag = "councils",
    summary = "One member's profile",
    params(crate::api::MemberParams),
    responses((status = 200, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn get_member(State(state): State<AppState>, ctx: Ctx, ids: Ids) -> Result<Response, WebError> {
    let id = ids.council;
    let number = ids.number()?;
    require_member(&state, &ctx, id)?;
    let body = state
        .node()
        .read(id, |c| c.member(kenes_council::MemberId(number)).map(|m| member_json(c, m)))?
        .ok_or(WebError::NotFound)?;
    Ok(Json(body).into_response())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct RoleRequest {
    role: String,
}

#[utoipa::path(
    post,
    path = "/api/councils/{id}/members/{number}/role",
    tag = "councils",
    summary = "Give a member another role (chair or secretary)",
    params(crate::api::MemberParams),
    request_body = RoleRequest,
    responses((status = 200, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn change_role(
    State(state): State<AppState>,
    Writer(ctx): Writer,
    ids: Ids,
    Body(request): Body<RoleRequest>,
) -> Result<Response, WebError> {
    let (id, number) = (ids.council, ids.number()?);
    let height = councils::change_role(&state, &ctx, id, number, &request.role).await?;
    Ok(Json(json!({ "height": height })).into_response())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct NameRequest {
    name: String,
}

#[utoipa::path(
    post,
    path = "/api/councils/{id}/members/{number}/name",
    tag = "councils",
    summary = "Rename a member (the member, a chair or a secretary)",
    params(crate::api::MemberParams),
    request_body = NameRequest,
    responses((status = 200, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn rename_member(
    State(state): State<AppState>,
    Writer(ctx): Writer,
    ids: Ids,
    Body(request): Body<NameRequest>,
) -> Result<Response, WebError> {
    let (id, number) = (ids.council, ids.number()?);
    let height = councils::rename_member(&state, &ctx, id, number, &request.name).await?;
    Ok(Json(json!({ "height": height })).into_response())
}

#[utoipa::path(
    post,
    path = "/api/councils/{id}/members/{number}/remove",
    tag = "councils",
    summary = "Remove a member (chair or secretary); the record keeps them",
    params(crate::api::MemberParams),
    responses((status = 200, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn remove_member(State(state): State<AppState>, Writer(ctx): Writer, ids: Ids) -> Result<Response, WebError> {
    let (id, number) = (ids.council, ids.number()?);
    let height = councils::remove_member(&state, &ctx, id, number).await?;
    Ok(Json(json!({ "height": height })).into_response())
}

#[utoipa::path(
    post,
    path = "/api/councils/{id}/members/{number}/link",
    tag = "councils",
    summary = "Make a fresh one-time sign-in link for a member",
    params(crate::api::MemberParams),
    responses((status = 201, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn member_link(State(state): State<AppState>, Writer(ctx): Writer, ids: Ids) -> Result<Response, WebError> {
    let (id, number) = (ids.council, ids.number()?);
    let link = councils::member_signin_link(&state, &ctx, id, number)?;
    Ok((StatusCode::CREATED, Json(json!({ "signin_link": link }))).into_response())
}

/// `GET /api/councils/{id}/bundle`: the council's whole record as one sealed bundle file, as `kenes verify` reads it.
#[utoipa::path(
    get,
    path = "/api/councils/{id}/bundle",
    tag = "councils",
    summary = "The council's record as one sealed bundle file (application/octet-stream)",
    params(crate::api::CouncilParams),
    responses((status = 200, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn get_bundle(State(state): State<AppState>, ctx: Ctx, ids: Ids) -> Result<Response, WebError> {
    let id = ids.council;
    let bytes = councils::bundle(&state, &ctx, id).await?;
    Ok(([(axum::http::header::CONTENT_TYPE, "application/octet-stream")], bytes).into_response())
}

#[utoipa::path(
    get,
    path = "/api/councils/{id}/links",
    tag = "councils",
    summary = "Open invitations and sign-in links (chair or secretary), each named by its SHA-256",
    params(crate::api::CouncilParams),
    responses((status = 200, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn list_links(State(state): State<AppState>, ctx: Ctx, ids: Ids) -> Result<Response, WebError> {
    let id = ids.council;
    let links = councils::open_links(&state, &ctx, id)?;
    let links: Vec<Value> = links
        .iter()
        .map(|(hash, token)| {
            json!({ "link": hash, "kind": token.purpose.as_str(), "role": token.role, "member": token.member,
                    "expires_ms": token.expires_ms })
        })
        .collect();
    Ok(Json(json!({ "links": links })).into_response())
}

#[utoipa::path(
    post,
    path = "/api/councils/{id}/links/{link}/revoke",
    tag = "councils",
    summary = "Withdraw an open link so it no longer works",
    params(crate::api::LinkParams),
    responses((status = 204, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn revoke_link(State(state): State<AppState>, Writer(ctx): Writer, ids: Ids) -> Result<Response, WebError> {
    let id = ids.council;
    councils::revoke_link(&state, &ctx, id, ids.link()?)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
