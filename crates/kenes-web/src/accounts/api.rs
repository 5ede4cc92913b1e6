//! The JSON API of accounts: sessions (sign-in by password, sign-out) and the password.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use crate::AppState;
use crate::accounts;
use crate::auth::{Ctx, start_session};
use crate::error::WebError;

use crate::api::{Body, Writer};

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
    Body(request): Body<SessionRequest>,
) -> Result<Response, WebError> {
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
pub async fn end_session(State(state): State<AppState>, Writer(ctx): Writer) -> Result<Response, WebError> {
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
    Writer(ctx): Writer,
    Body(request): Body<PasswordRequest>,
) -> Result<Response, WebError> {
    accounts::set_password(&state, &ctx, request.current_password, request.password).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
