//! The JSON API: the same actions as the pages, for programs. Described by `/api/openapi.json`.
//!
//! Clients authenticate with `POST /api/session` and then send `Authorization: Bearer <token>`; a browser using its
//! session cookie instead must send the CSRF token in the `X-CSRF-Token` header on every write.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use kenes_council::roll::RollError;
use kenes_record::EventHash;

use crate::AppState;
use crate::accounts;
use crate::auth::{Ctx, start_session};
use crate::councils::{self, ImportResult, NewCouncil, row_problem_text};
use crate::error::WebError;
use crate::ui::{require_member, ta};

fn csrf_header(headers: &HeaderMap) -> Option<&str> {
    headers.get("x-csrf-token").and_then(|v| v.to_str().ok())
}

fn council_id(text: &str) -> Result<EventHash, WebError> {
    EventHash::from_hex(text).map_err(|_| WebError::NotFound)
}

#[derive(Debug, Deserialize)]
pub struct SessionRequest {
    username: String,
    password: String,
}

pub async fn create_session(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Result<Json<SessionRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, WebError> {
    let Json(request) = body.map_err(|_| WebError::BadInput("error-json".to_owned()))?;
    let account = crate::auth::sign_in(&state, &ctx, &request.username, request.password).await?;
    let (token, csrf) = start_session(&state, &account)?;
    Ok((StatusCode::CREATED, Json(json!({ "token": token, "csrf": csrf, "username": account.username })))
        .into_response())
}

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

#[derive(Debug, Deserialize)]
pub struct CreateCouncilRequest {
    name: String,
    kind: String,
    #[serde(default)]
    description: String,
    languages: Vec<String>,
    founder_name: String,
}

pub async fn create_council(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    body: Result<Json<CreateCouncilRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, WebError> {
    ctx.check_csrf(csrf_header(&headers))?;
    let account = ctx.require_account()?;
    let Json(request) = body.map_err(|_| WebError::BadInput("error-json".to_owned()))?;
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

fn council_json(council: &kenes_council::Council) -> Value {
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

pub async fn get_council(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = council_id(&id)?;
    require_member(&state, &ctx, id)?;
    let body = state.node().read(id, council_json)?;
    Ok(Json(body).into_response())
}

pub async fn list_members(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = council_id(&id)?;
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

#[derive(Debug, Deserialize)]
pub struct AddMemberRequest {
    name: String,
    #[serde(default)]
    role: String,
}

pub async fn add_member(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Json<AddMemberRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, WebError> {
    ctx.check_csrf(csrf_header(&headers))?;
    let id = council_id(&id)?;
    let Json(request) = body.map_err(|_| WebError::BadInput("error-json".to_owned()))?;
    let (state2, ctx2) = (state.clone(), ctx.clone());
    let (member, link) =
        crate::blocking(move || councils::add_member(&state2, &ctx2, id, &request.name, &request.role)).await?;
    Ok((StatusCode::CREATED, Json(json!({ "member": member.0, "signin_link": link }))).into_response())
}

#[derive(Debug, Deserialize)]
pub struct InvitationRequest {
    #[serde(default)]
    role: String,
}

pub async fn create_invitation(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Json<InvitationRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, WebError> {
    ctx.check_csrf(csrf_header(&headers))?;
    let id = council_id(&id)?;
    let Json(request) = body.map_err(|_| WebError::BadInput("error-json".to_owned()))?;
    let link = councils::create_invitation(&state, &ctx, id, &request.role)?;
    Ok((StatusCode::CREATED, Json(json!({ "link": link }))).into_response())
}

/// `POST /api/councils/{id}/import` with a `text/csv` body.
pub async fn import_roll(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, WebError> {
    ctx.check_csrf(csrf_header(&headers))?;
    let id = council_id(&id)?;
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

pub async fn get_record(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let id = council_id(&id)?;
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

fn member_number(text: &str) -> Result<u32, WebError> {
    text.parse().map_err(|_| WebError::NotFound)
}

fn json_body<T>(body: Result<Json<T>, axum::extract::rejection::JsonRejection>) -> Result<T, WebError> {
    body.map(|Json(value)| value).map_err(|_| WebError::BadInput("error-json".to_owned()))
}

/// `DELETE /api/session`: ends the session the request came with (bearer token or cookie).
pub async fn end_session(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap) -> Result<Response, WebError> {
    ctx.check_csrf(csrf_header(&headers))?;
    ctx.require_account()?;
    if let Some(hash) = &ctx.session_hash {
        state.node().store().backend().delete_session(hash)?;
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Debug, Deserialize)]
pub struct PasswordRequest {
    #[serde(default)]
    current_password: String,
    password: String,
}

/// `POST /api/account/password`: sets the caller's password (the current one is needed when there is one).
pub async fn set_password(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    body: Result<Json<PasswordRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, WebError> {
    ctx.check_csrf(csrf_header(&headers))?;
    let request = json_body(body)?;
    accounts::set_password(&state, &ctx, request.current_password, request.password).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Debug, Deserialize)]
pub struct SettingsRequest {
    name: String,
    #[serde(default)]
    description: String,
    languages: Vec<String>,
    /// Elections for members' eyes only; absent keeps the council's current setting (so a client written before
    /// the setting existed never makes a private council public).
    #[serde(default)]
    private: Option<bool>,
}

pub async fn update_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Json<SettingsRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, WebError> {
    ctx.check_csrf(csrf_header(&headers))?;
    let id = council_id(&id)?;
    let request = json_body(body)?;
    let input = councils::Settings {
        name: request.name,
        description: request.description,
        languages: request.languages,
        private: match request.private {
            Some(private) => private,
            None => state.node().read(id, |c| c.private)?,
        },
    };
    let height = councils::update_settings(&state, &ctx, id, input).await?;
    Ok(Json(json!({ "height": height })).into_response())
}

fn member_json(council: &kenes_council::Council, member: &kenes_council::Member) -> Value {
    let via = match member.joined_via {
        kenes_council::JoinedVia::Invitation => "invitation",
        kenes_council::JoinedVia::Secretary => "secretary",
    };
    json!({
        "member": member.id.0, "name": member.name.as_str(), "role": member.role.as_str(), "active": member.active,
        "joined_height": member.joined_height, "joined_ms": member.joined_ms, "joined_via": via,
        "added_by": member.added_by.map(|by| who(council, by)),
    })
}

pub async fn get_member(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let id = council_id(&id)?;
    let number = member_number(&number)?;
    require_member(&state, &ctx, id)?;
    let body = state
        .node()
        .read(id, |c| c.member(kenes_council::MemberId(number)).map(|m| member_json(c, m)))?
        .ok_or(WebError::NotFound)?;
    Ok(Json(body).into_response())
}

#[derive(Debug, Deserialize)]
pub struct RoleRequest {
    role: String,
}

pub async fn change_role(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((id, number)): Path<(String, String)>,
    body: Result<Json<RoleRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, WebError> {
    ctx.check_csrf(csrf_header(&headers))?;
    let (id, number) = (council_id(&id)?, member_number(&number)?);
    let request = json_body(body)?;
    let height = councils::change_role(&state, &ctx, id, number, &request.role).await?;
    Ok(Json(json!({ "height": height })).into_response())
}

#[derive(Debug, Deserialize)]
pub struct NameRequest {
    name: String,
}

pub async fn rename_member(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((id, number)): Path<(String, String)>,
    body: Result<Json<NameRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, WebError> {
    ctx.check_csrf(csrf_header(&headers))?;
    let (id, number) = (council_id(&id)?, member_number(&number)?);
    let request = json_body(body)?;
    let height = councils::rename_member(&state, &ctx, id, number, &request.name).await?;
    Ok(Json(json!({ "height": height })).into_response())
}

pub async fn remove_member(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, WebError> {
    ctx.check_csrf(csrf_header(&headers))?;
    let (id, number) = (council_id(&id)?, member_number(&number)?);
    let height = councils::remove_member(&state, &ctx, id, number).await?;
    Ok(Json(json!({ "height": height })).into_response())
}

pub async fn member_link(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, WebError> {
    ctx.check_csrf(csrf_header(&headers))?;
    let (id, number) = (council_id(&id)?, member_number(&number)?);
    let link = councils::member_signin_link(&state, &ctx, id, number)?;
    Ok((StatusCode::CREATED, Json(json!({ "signin_link": link }))).into_response())
}

/// `GET /api/councils/{id}/bundle`: the council's whole record as one sealed bundle file, as `kenes verify` reads it.
pub async fn get_bundle(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let id = council_id(&id)?;
    let bytes = councils::bundle(&state, &ctx, id).await?;
    Ok(([(axum::http::header::CONTENT_TYPE, "application/octet-stream")], bytes).into_response())
}

pub async fn list_links(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let id = council_id(&id)?;
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

pub async fn revoke_link(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((id, link)): Path<(String, String)>,
) -> Result<Response, WebError> {
    ctx.check_csrf(csrf_header(&headers))?;
    let id = council_id(&id)?;
    councils::revoke_link(&state, &ctx, id, &link)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

fn who(council: &kenes_council::Council, member: kenes_council::MemberId) -> Value {
    json!({ "member": member.0, "name": crate::meetings::name(council, member) })
}

pub async fn list_assemblies(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = council_id(&id)?;
    require_member(&state, &ctx, id)?;
    let assemblies = state.node().read(id, |c| {
        c.assemblies()
            .iter()
            .map(|a| {
                json!({ "number": a.id, "title": a.title.as_str(), "place": a.place.as_str(),
                    "starts": a.starts.as_str(), "status": a.status.as_str() })
            })
            .collect::<Vec<_>>()
    })?;
    Ok(Json(json!({ "assemblies": assemblies })).into_response())
}

/// A meeting as the fold of the record leaves it: attendance and quorum, agenda, motions, amendments, the current
/// item's speakers, and every vote with its result (names once a vote is closed, as on the pages).
pub fn assembly_json(council: &kenes_council::Council, a: &kenes_council::assembly::Assembly) -> Value {
    use kenes_council::assembly::quorum;
    let (met, present, needed) = quorum(council, a);
    let speakers = a.current_item.and_then(|item| a.speakers(item)).map(|list| {
        json!({
            "current": list.current.map(|s| json!({ "member": who(council, s.member), "kind": s.kind.as_str(), "since_ms": s.since_ms })),
            "waiting": list.waiting.iter().map(|w| json!({ "member": who(council, w.member), "kind": w.kind.as_str() })).collect::<Vec<_>>(),
        })
    });
    let votes: Vec<Value> = a
        .votes
        .iter()
        .map(|v| {
            let (yes, no, abstain) = v.tally();
            let closed = v.result.is_some();
            json!({
                "number": v.id, "item": v.item, "question": v.question.as_str(),
                "subject": v.subject, "mode": v.mode, "majority": v.majority, "choices": v.choices,
                "open": !closed, "so_far": { "yes": yes, "no": no, "abstain": abstain },
                "result": v.result.as_ref().map(|r| json!({
                    "yes": r.yes, "no": r.no, "abstain": r.abstain, "present": r.present,
                    "quorum_met": r.outcome.quorum_met, "passed": r.outcome.passed,
                    "yes_needed": r.outcome.yes_needed,
                    "count": r.count.as_deref().map(kenes_count::report::to_json),
                })),
                "ballots": if closed {
                    v.ballots.iter().map(|(m, c)| json!({ "member": who(council, *m), "choice": c })).collect::<Vec<_>>()
                } else { Vec::new() },
                "rankings": if closed {
                    v.rankings.iter().map(|(m, r)| json!({ "member": who(council, *m), "ranking": r })).collect::<Vec<_>>()
                } else { Vec::new() },
            })
        })
        .collect();
    json!({
        "number": a.id, "title": a.title.as_str(), "place": a.place.as_str(), "starts": a.starts.as_str(),
        "status": a.status.as_str(), "height": a.last_height,
        "rules": { "quorum_percent": a.rules.quorum_percent, "seconders": a.rules.seconders,
                   "alternate": a.rules.alternate, "speaking_seconds": a.rules.speaking_seconds },
        "quorum": { "present": present, "needed": needed, "met": met },
        "present": a.present.iter().map(|m| who(council, *m)).collect::<Vec<_>>(),
        "current_item": a.current_item,
        "agenda": a.agenda_in_order().iter().map(|i| json!({ "item": i.id, "number": i.number, "title": i.title.as_str(),
            "minutes": i.minutes, "parent": i.parent })).collect::<Vec<_>>(),
        "motions": a.motions.iter().map(|m| json!({ "number": m.id, "item": m.item, "title": m.title.as_str(),
            "mover": who(council, m.mover), "seconders": m.seconders.iter().map(|s| who(council, *s)).collect::<Vec<_>>(),
            "status": m.status.as_str(), "version": m.version, "alternative_to": m.alternative_to,
            "text_as_moved": m.original.as_str(), "text": m.text.as_str() })).collect::<Vec<_>>(),
        "amendments": a.amendments.iter().map(|am| json!({ "number": am.id, "motion": am.motion,
            "mover": who(council, am.mover), "from_line": am.from_line, "to_line": am.to_line, "version": am.version,
            "replaced": am.replaced, "text": am.text.as_str(), "status": am.status.as_str(),
            "seconders": am.seconders.iter().map(|s| who(council, *s)).collect::<Vec<_>>() })).collect::<Vec<_>>(),
        "speakers": speakers,
        "votes": votes,
    })
}

pub async fn get_assembly(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let id = council_id(&id)?;
    let number: u32 = number.parse().map_err(|_| WebError::NotFound)?;
    require_member(&state, &ctx, id)?;
    let body = state.node().read(id, |c| c.assembly(number).map(|a| assembly_json(c, a)))?.ok_or(WebError::NotFound)?;
    Ok(Json(body).into_response())
}

/// Every API route, for the OpenAPI document and the test that keeps it complete.
pub const ROUTES: &[(&str, &str, &str)] = &[
    ("post", "/api/session", "Sign in with a username and password; returns a bearer token"),
    ("get", "/api/councils", "The councils the caller is a member of"),
    ("post", "/api/councils", "Create a council (node administrators); the caller becomes member 1, a secretary"),
    ("get", "/api/councils/{id}", "A council's current state"),
    ("get", "/api/councils/{id}/members", "A council's members, removed ones included"),
    ("post", "/api/councils/{id}/members", "Add a member by display name; returns a one-time sign-in link"),
    ("post", "/api/councils/{id}/invitations", "Make a one-time invitation link for a role"),
    ("post", "/api/councils/{id}/import", "Import a CSV member roll (text/csv body): all rows or none"),
    (
        "get",
        "/api/councils/{id}/links",
        "Open invitations and sign-in links (chair or secretary), each named by its SHA-256",
    ),
    ("post", "/api/councils/{id}/links/{link}/revoke", "Withdraw an open link so it no longer works"),
    ("delete", "/api/session", "Sign out: ends the session this request came with"),
    ("post", "/api/account/password", "Set the caller's password (current_password is needed when one is set)"),
    (
        "post",
        "/api/councils/{id}/settings",
        "Change the council's name, description and languages (chair or secretary)",
    ),
    ("get", "/api/councils/{id}/members/{number}", "One member's profile"),
    ("post", "/api/councils/{id}/members/{number}/role", "Give a member another role (chair or secretary)"),
    ("post", "/api/councils/{id}/members/{number}/name", "Rename a member (the member, a chair or a secretary)"),
    (
        "post",
        "/api/councils/{id}/members/{number}/remove",
        "Remove a member (chair or secretary); the record keeps them",
    ),
    ("post", "/api/councils/{id}/members/{number}/link", "Make a fresh one-time sign-in link for a member"),
    ("get", "/api/councils/{id}/record", "The council's signed, hash-chained record"),
    ("get", "/api/councils/{id}/bundle", "The council's record as one sealed bundle file (application/octet-stream)"),
    ("get", "/api/councils/{id}/assemblies", "The council's meetings"),
    (
        "get",
        "/api/councils/{id}/assemblies/{number}",
        "A meeting: attendance, quorum, agenda, motions, speakers, votes",
    ),
    (
        "post",
        "/api/councils/{id}/assemblies/{number}/act",
        "One meeting action, as the meeting page's forms: `do` names it (check_in, move, second_motion, request_floor, \
         vote_question, vote_choices, cast, rank, close_vote, …); refused actions change nothing",
    ),
];

/// The OpenAPI 3.1 document of the JSON API.
pub async fn openapi() -> Json<Value> {
    Json(openapi_document())
}

pub fn openapi_document() -> Value {
    let error = json!({ "description": "An error", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } });
    let mut paths = serde_json::Map::new();
    for (method, path, summary) in ROUTES {
        let mut operation = json!({
            "summary": summary,
            "responses": { "200": { "description": "OK" }, "201": { "description": "Created" },
                           "401": error, "403": error, "404": error, "422": error },
        });
        if path.contains("{id}") {
            operation["parameters"] = json!([{ "name": "id", "in": "path", "required": true,
                "description": "The council id: hex SHA-256 of its first event", "schema": { "type": "string", "pattern": "^[0-9a-f]{64}$" } }]);
        }
        if path.contains("{link}") {
            if let Some(parameters) = operation["parameters"].as_array_mut() {
                parameters.push(json!({ "name": "link", "in": "path", "required": true,
                    "description": "The link's SHA-256, hex, as /links lists it", "schema": { "type": "string", "pattern": "^[0-9a-f]{64}$" } }));
            }
        }
        if path.contains("{number}") {
            if let Some(parameters) = operation["parameters"].as_array_mut() {
                let description = if path.contains("/members/") {
                    "The member's number in its council"
                } else {
                    "The meeting's number in its council"
                };
                parameters.push(json!({ "name": "number", "in": "path", "required": true,
                    "description": description, "schema": { "type": "integer", "minimum": 1 } }));
            }
        }
        if *method == "post" {
            let body = match *path {
                "/api/session" => json!({ "type": "object", "required": ["username", "password"],
                    "properties": { "username": { "type": "string" }, "password": { "type": "string" } } }),
                "/api/councils" => json!({ "type": "object", "required": ["name", "kind", "languages", "founder_name"],
                    "properties": { "name": { "type": "string", "maxLength": 120 },
                        "kind": { "enum": ["workplace", "neighbourhood", "union", "cooperative", "federation", "assembly"] },
                        "description": { "type": "string", "maxLength": 4000 },
                        "languages": { "type": "array", "items": { "enum": ["en", "ru", "kk", "es", "pt", "ko", "nb"] } },
                        "founder_name": { "type": "string", "maxLength": 100 } } }),
                "/api/councils/{id}/members" => json!({ "type": "object", "required": ["name"],
                    "properties": { "name": { "type": "string", "maxLength": 100 },
                        "role": { "enum": ["member", "chair", "secretary", "observer"] } } }),
                "/api/account/password" => json!({ "type": "object", "required": ["password"],
                    "properties": { "current_password": { "type": "string" }, "password": { "type": "string", "minLength": 10, "maxLength": 1024 } } }),
                "/api/councils/{id}/settings" => json!({ "type": "object", "required": ["name", "languages"],
                    "properties": { "name": { "type": "string", "maxLength": 120 },
                        "description": { "type": "string", "maxLength": 4000 },
                        "languages": { "type": "array", "items": { "enum": ["en", "ru", "kk", "es", "pt", "ko", "nb"] } },
                        "private": { "type": "boolean", "description": "Elections for members' eyes only" } } }),
                "/api/councils/{id}/members/{number}/role" => json!({ "type": "object", "required": ["role"],
                    "properties": { "role": { "enum": ["member", "chair", "secretary", "observer"] } } }),
                "/api/councils/{id}/members/{number}/name" => json!({ "type": "object", "required": ["name"],
                    "properties": { "name": { "type": "string", "maxLength": 100 } } }),
                "/api/councils/{id}/links/{link}/revoke" => Value::Null,
                "/api/councils/{id}/invitations" => json!({ "type": "object",
                    "properties": { "role": { "enum": ["member", "chair", "secretary", "observer"] } } }),
                "/api/councils/{id}/assemblies/{number}/act" => json!({ "type": "object", "required": ["do"],
                    "properties": { "do": { "type": "string" }, "item": { "type": "integer" }, "motion": { "type": "integer" },
                        "amendment": { "type": "integer" }, "vote": { "type": "integer" }, "member": { "type": "integer" },
                        "choice": { "enum": ["yes", "no", "abstain"] }, "kind": { "enum": ["speech", "for", "against", "point_of_order"] },
                        "title": { "type": "string" }, "text": { "type": "string" }, "question": { "type": "string" },
                        "mode": { "enum": ["roll_call", "tellers"] }, "majority": { "enum": ["simple", "two_thirds", "three_quarters"] },
                        "basis": { "enum": ["yes_no", "votes_cast", "present", "members"] },
                        "options": { "type": "string", "description": "One option per line" },
                        "method": { "enum": ["plurality", "irv", "stv", "schulze"] }, "seats": { "type": "integer" },
                        "ranking": { "type": "array", "items": { "type": "integer" }, "description": "Option numbers from 0, most preferred first" } } }),
                _ => Value::Null,
            };
            if body.is_null() && *path != "/api/councils/{id}/import" {
                // Actions named by their path alone take no body.
            } else {
                operation["requestBody"] = if *path == "/api/councils/{id}/import" {
                    json!({ "required": true, "content": { "text/csv": { "schema": { "type": "string" } } } })
                } else {
                    json!({ "required": true, "content": { "application/json": { "schema": body } } })
                };
            }
        }
        let entry = paths.entry(path.to_string()).or_insert_with(|| json!({}));
        entry[*method] = operation;
    }
    json!({
        "openapi": "3.1.0",
        "info": { "title": "kenes", "version": env!("CARGO_PKG_VERSION"),
                  "description": "Councils, members and their signed record. Authenticate with POST /api/session, then send Authorization: Bearer <token>." },
        "paths": paths,
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "schemas": { "Error": { "type": "object", "properties": { "error": { "type": "object",
                "properties": { "code": { "type": "string" }, "message": { "type": "string" } } } } } }
        },
        "security": [{ "bearer": [] }],
    })
}
