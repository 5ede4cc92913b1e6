//! The JSON API: the same actions as the pages, for programs. Described by `/api/openapi.json`.
//!
//! Clients authenticate with `POST /api/session` and then send `Authorization: Bearer <token>`; a browser using its
//! session cookie instead must send the CSRF token in the `X-CSRF-Token` header on every write.

use std::collections::HashMap;

use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;

/// The ids a route's path names: `{id}` (a council), `{number}` (a member or a meeting in it) and `{link}`. A
/// malformed one is `NotFound`, as a council or member that does not exist is.
#[derive(Debug)]
pub struct Ids {
    pub council: EventHash,
    number: Option<String>,
    link: Option<String>,
}

impl Ids {
    pub fn number(&self) -> Result<u32, WebError> {
        self.number.as_deref().and_then(|n| n.parse().ok()).ok_or(WebError::NotFound)
    }

    pub fn link(&self) -> Result<&str, WebError> {
        self.link.as_deref().ok_or(WebError::NotFound)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ids {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Ids, WebError> {
        let Path(mut ids) =
            Path::<HashMap<String, String>>::from_request_parts(parts, state).await.map_err(|_| WebError::NotFound)?;
        let council = ids.get("id").and_then(|id| EventHash::from_hex(id).ok()).ok_or(WebError::NotFound)?;
        Ok(Ids { council, number: ids.remove("number"), link: ids.remove("link") })
    }
}

/// A caller who may write through the API: their context, with the CSRF token in `X-CSRF-Token` checked (a session
/// by bearer token needs none; a browser's cookie session does).
#[derive(Debug)]
pub struct Writer(pub Ctx);

impl FromRequestParts<AppState> for Writer {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Writer, WebError> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        ctx.check_csrf(parts.headers.get("x-csrf-token").and_then(|v| v.to_str().ok()))?;
        Ok(Writer(ctx))
    }
}

/// A JSON body; one that is not JSON, or not of the request's shape, is `error-json`.
#[derive(Debug)]
pub struct Body<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Body<T> {
    type Rejection = WebError;

    async fn from_request(request: Request, state: &S) -> Result<Body<T>, WebError> {
        let axum::Json(value) = axum::Json::<T>::from_request(request, state)
            .await
            .map_err(|_| WebError::BadInput("error-json".to_owned()))?;
        Ok(Body(value))
    }
}

/// The path parameters of a council's routes.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct CouncilParams {
    /// The council id: hex SHA-256 of its first event.
    #[param(pattern = "^[0-9a-f]{64}$")]
    pub id: String,
}

/// The path parameters of a member's routes.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct MemberParams {
    /// The council id: hex SHA-256 of its first event.
    #[param(pattern = "^[0-9a-f]{64}$")]
    pub id: String,
    /// The member's number in its council.
    #[param(minimum = 1)]
    pub number: u32,
}

/// The path parameters of a meeting's routes.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct MeetingParams {
    /// The council id: hex SHA-256 of its first event.
    #[param(pattern = "^[0-9a-f]{64}$")]
    pub id: String,
    /// The meeting's number in its council.
    #[param(minimum = 1)]
    pub number: u32,
}

/// The path parameters of a link's routes.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct LinkParams {
    /// The council id: hex SHA-256 of its first event.
    #[param(pattern = "^[0-9a-f]{64}$")]
    pub id: String,
    /// The link's SHA-256, hex, as `/links` lists it.
    #[param(pattern = "^[0-9a-f]{64}$")]
    pub link: String,
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
