//! The JSON API of accounts: sessions (sign-in by password, sign-out) and the password.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use crate::AppState;
use crate::accounts;
use crate::auth::{Ctx, start_session};
use crate::error::WebError;

use crate::api::{csrf_header, json_body};

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct SessionRequest {
    username: String,
    password: String,
}

#[utoipa::path(
    post,
    path = "/api/session",
    tag = "accounts",
    summary = "Sign in with a username and password; returns a bearer token and a CSRF token",
    request_body = SessionRequest,
    responses((status = 201, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
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

/// `DELETE /api/session`: ends the session the request came with (bearer token or cookie).
#[utoipa::path(
    delete,
    path = "/api/session",
    tag = "accounts",
    summary = "Sign out: ends the session this request came with",
    responses((status = 204, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn end_session(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap) -> Result<Response, WebError> {
    ctx.check_csrf(csrf_header(&headers))?;
    ctx.require_account()?;
    if let Some(hash) = &ctx.session_hash {
        state.node().store().backend().delete_session(hash)?;
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct PasswordRequest {
    #[serde(default)]
    current_password: String,
    password: String,
}

/// `POST /api/account/password`: sets the caller's password (the current one is needed when there is one).
#[utoipa::path(
    post,
    path = "/api/account/password",
    tag = "accounts",
    summary = "Set the caller's password (current_password is needed when one is set)",
    request_body = PasswordRequest,
    responses((status = 204, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
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
