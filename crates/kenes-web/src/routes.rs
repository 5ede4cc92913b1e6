//! The one list of routes. The JSON API's routes are registered with their OpenAPI description (`utoipa_axum`), so
//! the document at `/api/openapi.json` is generated from the routes themselves and cannot leave one out.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use tower_http::timeout::TimeoutLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::{AppState, MAX_BODY, accounts, councils, elections, error, meetings, minutes, security, ui};

pub fn router(state: AppState) -> Router {
    let (api, openapi) = api_routes().split_for_parts();
    // The document is serialized once; every request for it gets the same bytes.
    let document = Arc::new(axum::Json(openapi));
    Router::new()
        .route("/", get(accounts::home))
        .route("/healthz", get(|| async { "ok" }))
        .route("/kenes", get(crate::spread::page))
        .route("/kenes/download", get(crate::spread::download))
        .route("/kenes/download.sha256", get(crate::spread::checksum))
        .route("/nodes", get(crate::nodes::nodes_page))
        .route("/nodes/peers", post(crate::nodes::add_peer_submit))
        .route("/nodes/peers/remove", post(crate::nodes::remove_peer_submit))
        .route("/nodes/sync", post(crate::nodes::sync_now_submit))
        .route("/nodes/discovery", post(crate::nodes::discovery_submit))
        .route("/nodes/stick", post(crate::nodes::stick_submit))
        .route("/c/{id}/copies", post(councils::copies_submit))
        .route("/c/{id}/offices", post(councils::offices::give_submit))
        .route("/c/{id}/offices/{term}/end", post(councils::offices::end_submit))
        .route("/c/{id}/federation", get(crate::federations::pages::federation_page))
        .route("/c/{id}/federation/{kind}", post(crate::federations::pages::step_submit))
        .route("/sync/v1/hello", get(crate::sync::hello))
        .route("/sync/v1/councils", get(crate::sync::councils))
        .route("/sync/v1/forks", get(crate::sync::forks))
        .route("/sync/v1/c/{id}/events", get(crate::sync::events))
        .route("/sync/v1/c/{id}/checkpoint", get(crate::sync::checkpoint))
        .route("/sync/v1/c/{id}/e/{number}/archive", get(crate::sync::archive))
        .route("/signin", get(accounts::signin_page).post(accounts::signin_submit))
        .route("/signout", post(accounts::signout))
        .route("/lang", post(accounts::set_language))
        .route("/setup/{token}", get(accounts::setup_page).post(accounts::setup_submit))
        .route("/councils/new", get(councils::new_council_page))
        .route("/councils", post(councils::create_council_submit))
        .route("/c/{id}", get(councils::council_page))
        .route("/c/{id}/manage", get(councils::manage_page))
        .route("/c/{id}/members", post(councils::add_member_submit))
        .route("/c/{id}/invitations", post(councils::invite_submit))
        .route("/c/{id}/import", post(councils::import_submit))
        .route("/c/{id}/links/{link}/revoke", post(councils::revoke_link_submit))
        .route("/c/{id}/settings", post(councils::settings_submit))
        .route("/c/{id}/record", get(councils::record_page))
        .route("/c/{id}/bundle", get(councils::bundle_download))
        .route("/c/{id}/members/{number}", get(councils::member_page))
        .route("/c/{id}/members/{number}/role", post(councils::change_role_submit))
        .route("/c/{id}/members/{number}/remove", post(councils::remove_member_submit))
        .route("/c/{id}/members/{number}/name", post(councils::rename_member_submit))
        .route("/c/{id}/members/{number}/link", post(councils::member_link_submit))
        .route("/c/{id}/assemblies", get(meetings::assemblies_page).post(meetings::convene_submit))
        .route("/c/{id}/a/{number}", get(meetings::assembly_page))
        .route("/c/{id}/a/{number}/act", post(meetings::act_submit))
        .route("/c/{id}/a/{number}/live", get(meetings::live_fragment))
        .route("/c/{id}/a/{number}/stream", get(meetings::stream))
        .route("/c/{id}/a/{number}/projector", get(meetings::projector_page))
        .route("/c/{id}/a/{number}/minutes", get(minutes::minutes_page))
        .route("/static/live.js", get(meetings::live_js))
        .route("/static/forms.js", get(ui::forms_js))
        .route("/static/icon.svg", get(ui::icon))
        .route("/favicon.ico", get(ui::icon))
        .route("/static/election/{name}", get(elections::script))
        .route("/c/{id}/elections", get(elections::elections_page).post(elections::create_submit))
        .route("/c/{id}/e/{number}", get(elections::election_page))
        .route("/c/{id}/e/{number}/trustee", get(elections::trustee_page))
        .route("/c/{id}/e/{number}/ceremony.json", get(elections::ceremony_json))
        .route("/c/{id}/e/{number}/trustee/{step}", post(elections::trustee_submit))
        .route("/c/{id}/e/{number}/open", post(elections::open_submit))
        .route("/c/{id}/e/{number}/close", post(elections::close_submit))
        .route("/c/{id}/e/{number}/publish", post(elections::publish_submit))
        .route("/c/{id}/e/{number}/credentials", post(elections::credentials_submit))
        .route("/c/{id}/e/{number}/reissue/{member}", post(elections::reissue_submit))
        .route("/c/{id}/e/{number}/credential", get(elections::credential_page).post(elections::credential_submit))
        .route("/c/{id}/e/{number}/vote", get(elections::vote_page))
        .route("/c/{id}/e/{number}/election.json", get(elections::election_json))
        .route("/c/{id}/e/{number}/ballot", post(elections::ballot_submit))
        .route("/c/{id}/e/{number}/board.json", get(elections::board_json))
        .route("/c/{id}/e/{number}/archive.bel", get(elections::archive_download))
        .route("/c/{id}/e/{number}/verify", get(elections::verify_page))
        .route("/c/{id}/e/{number}/slips.pdf", post(elections::slips_submit))
        .route("/c/{id}/e/{number}/authority", get(elections::authority_page))
        .route("/c/{id}/e/{number}/authority.json", get(elections::authority_json))
        .route("/c/{id}/e/{number}/authority/credentials", post(elections::authority_submit))
        .route("/join/{token}", get(accounts::join_page).post(accounts::join_submit))
        .route("/link/{token}", get(accounts::link_page_get).post(accounts::link_page_post))
        .route("/account", get(accounts::account_page))
        .route("/account/password", post(accounts::set_password_submit))
        .route("/api/openapi.json", get(move || async move { document.as_ref().clone() }))
        .merge(api)
        .fallback(accounts::not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::seen::read_your_writes))
        .layer(axum::middleware::from_fn_with_state(state.clone(), error::render_errors))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_secs(60)))
        .layer(axum::middleware::from_fn(security::refuse_cross_site))
        .layer(axum::middleware::from_fn(crate::log_request))
        .layer(axum::middleware::from_fn(security::headers))
        .with_state(state)
}

/// The JSON API: each route with its description; `router` serves both.
pub fn api_routes() -> OpenApiRouter<AppState> {
    use crate::accounts::api as account;
    use crate::councils::api as council;
    use crate::meetings::actions;
    use crate::meetings::api as meeting;
    OpenApiRouter::with_openapi(crate::api::ApiDoc::openapi())
        .routes(routes!(account::create_session, account::end_session))
        .routes(routes!(account::set_password))
        .routes(routes!(council::list_councils, council::create_council))
        .routes(routes!(council::get_council))
        .routes(routes!(council::list_members, council::add_member))
        .routes(routes!(council::create_invitation))
        .routes(routes!(council::import_roll))
        .routes(routes!(council::list_links))
        .routes(routes!(council::revoke_link))
        .routes(routes!(council::update_settings))
        .routes(routes!(council::choose_copies))
        .routes(routes!(crate::federations::api::get_federation))
        .routes(routes!(crate::federations::api::post_step))
        .routes(routes!(council::get_member))
        .routes(routes!(council::change_role))
        .routes(routes!(council::rename_member))
        .routes(routes!(council::remove_member))
        .routes(routes!(council::member_link))
        .routes(routes!(council::get_record))
        .routes(routes!(council::get_bundle))
        .routes(routes!(meeting::list_assemblies))
        .routes(routes!(meeting::get_assembly))
        .routes(routes!(actions::act_json))
}

/// The OpenAPI document of the JSON API, as `/api/openapi.json` serves it.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    api_routes().split_for_parts().1
}
