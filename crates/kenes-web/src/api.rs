//! The JSON API: the same actions as the pages, for programs. Described by `/api/openapi.json`.
//!
//! Clients authenticate with `POST /api/session` and then send `Authorization: Bearer <token>`; a browser using its
//! session cookie instead must send the CSRF token in the `X-CSRF-Token` header on every write.
use axum::Json;
use axum::http::HeaderMap;

use kenes_record::EventHash;

use crate::error::WebError;

pub(crate) fn csrf_header(headers: &HeaderMap) -> Option<&str> {
    headers.get("x-csrf-token").and_then(|v| v.to_str().ok())
}

pub(crate) fn council_id(text: &str) -> Result<EventHash, WebError> {
    EventHash::from_hex(text).map_err(|_| WebError::NotFound)
}

pub(crate) fn member_number(text: &str) -> Result<u32, WebError> {
    text.parse().map_err(|_| WebError::NotFound)
}

pub(crate) fn json_body<T>(body: Result<Json<T>, axum::extract::rejection::JsonRejection>) -> Result<T, WebError> {
    body.map(|Json(value)| value).map_err(|_| WebError::BadInput("error-json".to_owned()))
}

/// The error every API route answers with when it refuses: `code` is the message's key, `message` its text in the
/// caller's language.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ApiError {
    pub error: ApiErrorBody,
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ApiErrorBody {
    pub code: String,
    pub message: String,
}

/// The parts of the OpenAPI document that are not routes (those come from the router, `routes::router`).
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "kenes",
        description = "Councils, their members, meetings and signed record. Authenticate with POST /api/session, then \
                       send Authorization: Bearer <token>; a browser using its session cookie sends the CSRF token in \
                       X-CSRF-Token on every write."
    ),
    modifiers(&Bearer),
    security(("bearer" = [])),
    components(schemas(ApiError, crate::meetings::Action))
)]
pub struct ApiDoc;

struct Bearer;

impl utoipa::Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}
