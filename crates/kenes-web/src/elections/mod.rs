//! Secret elections in the web app: set up by a secretary, keys made by trustees in their browsers, ballots made in
//! voters' browsers, verified here, and an archive anyone can check.
//!
//! What lives where. The council's record carries the election's life (`kenes_council::election`: announced,
//! opened with the hash of `election.json`, closed with the archive's hash, tallied with the result). The Belenios
//! archive grows in the store as appended pieces, each stored durably before the request that made it is answered;
//! in memory it is a [`BallotBox`] that verifies every ballot and decryption on receipt. The key ceremony and the
//! credentials not yet handed out are the election's node-local setup ([`Setup`]), never in a bundle.
//!
//! What the server never sees: a vote (ballots are encrypted in the booth, `election/booth.js`), a trustee's private
//! key (made and kept in the trustee's browser, `election/trustee.js`), and a credential once it has been handed out
//! (the server forgets it as it gives it; the voting link carries it in the URL's fragment, which browsers do not
//! send).

/// Runs `$body` with `$group` bound to a reference to the group named `$name`: Ed25519, or a finite field (an
/// unknown name is an internal error: set-ups are checked when read). Code written once for any group runs in the
/// election's; each arm is compiled for its own group.
macro_rules! with_group {
    ($name:expr, $group:ident => $body:expr) => {{
        let name: &str = $name;
        if name == kenes_crypto::ed25519::NAME {
            let $group = &kenes_crypto::ed25519::Ed25519Group::new();
            $body
        } else {
            let $group = &kenes_crypto::group::FfGroup::named(name)
                .map_err(|e| crate::error::WebError::Internal(e.to_string()))?;
            $body
        }
    }};
}

/// Runs `$body` with `$b` bound to the `Arc<Held<G>>` of a [`Boxed`], for its own group `G`.
macro_rules! with_box {
    ($boxed:expr, $b:ident => $body:expr) => {
        match $boxed {
            $crate::elections::Boxed::Ff($b) => $body,
            $crate::elections::Boxed::Ed($b) => $body,
        }
    };
}

mod announce;
mod archive;
mod authority;
mod boxes;
mod casts;
mod ceremony;
mod create;
mod lifecycle;
mod page;
mod roll;
mod setup;
mod trustees;
mod voting;

pub use announce::*;
pub use archive::*;
pub use authority::*;
pub use boxes::*;
pub use ceremony::*;
pub use create::*;
pub use lifecycle::*;
pub use page::*;
pub use roll::*;
pub use setup::*;
pub use trustees::*;
pub use voting::*;

use axum::extract::Path;
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use maud::Markup;
use serde::Deserialize;
use serde_json::Value;

use kenes_council::election::Election;
use kenes_council::{MemberId, Role};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::require_member;

/// The group new elections are held in unless the set-up chooses another: Belenios 3's Ed25519, tens of times
/// cheaper than a 2048-bit group on a phone and on the server, and able to hold a ranking in one element.
pub(crate) const DEFAULT_GROUP: &str = kenes_crypto::ed25519::NAME;
/// The groups a set-up may choose, the default first: Belenios 2.0's own group (which belenios-tool 2.0 verifies,
/// and which cannot hold a ranking), and RFC-3526-2048 (a 2048-bit field that can).
pub(crate) const GROUPS: [&str; 3] = [DEFAULT_GROUP, LEGACY_GROUP, RANKED_GROUP];
/// The group elections set up before Ed25519 was the default were held in.
pub(crate) const LEGACY_GROUP: &str = "BELENIOS-2048";
/// The group elections with a ranked question were held in before Ed25519 was the default: a finite field that
/// embeds a ranking in one element.
pub(crate) const RANKED_GROUP: &str = "RFC-3526-2048";
/// Questions one election may ask in the set-up form.
pub(crate) const FORM_QUESTIONS: usize = 3;

pub const CORE_JS: &str = include_str!("../election/core.js");
pub const BOOTH_JS: &str = include_str!("../election/booth.js");
pub const TRUSTEE_JS: &str = include_str!("../election/trustee.js");
pub const SHUFFLE_JS: &str = include_str!("../election/shuffle.js");
pub const GROUPS_JS: &str = include_str!("../election/groups.js");
pub const ED25519_JS: &str = include_str!("../election/ed25519.js");
pub const BOOTH_PAGE_JS: &str = include_str!("../election/booth-page.js");
pub const TRUSTEE_PAGE_JS: &str = include_str!("../election/trustee-page.js");
pub const AUTHORITY_JS: &str = include_str!("../election/authority.js");
pub const AUTHORITY_PAGE_JS: &str = include_str!("../election/authority-page.js");
pub const BOARD_PAGE_JS: &str = include_str!("../election/board-page.js");
pub const PAGE_JS: &str = include_str!("../election/page.js");

pub async fn script(Path(name): Path<String>) -> Response {
    let body = match name.as_str() {
        "core.js" => CORE_JS,
        "booth.js" => BOOTH_JS,
        "trustee.js" => TRUSTEE_JS,
        "shuffle.js" => SHUFFLE_JS,
        "groups.js" => GROUPS_JS,
        "ed25519.js" => ED25519_JS,
        "booth-page.js" => BOOTH_PAGE_JS,
        "trustee-page.js" => TRUSTEE_PAGE_JS,
        "authority.js" => AUTHORITY_JS,
        "authority-page.js" => AUTHORITY_PAGE_JS,
        "board-page.js" => BOARD_PAGE_JS,
        "page.js" => PAGE_JS,
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    ([(CONTENT_TYPE, "text/javascript; charset=utf-8"), (CACHE_CONTROL, "no-cache")], body).into_response()
}

pub(crate) fn crypto_error(key: &str, error: &kenes_crypto::Error) -> WebError {
    WebError::BadInputWith(key.to_owned(), vec![("reason", error.to_string())])
}

pub(crate) fn parse_ids(id: &str, number: &str) -> Result<(EventHash, u32), WebError> {
    let council = EventHash::from_hex(id).map_err(|_| WebError::NotFound)?;
    let number = number.parse().map_err(|_| WebError::NotFound)?;
    Ok((council, number))
}

pub(crate) fn presiding(state: &AppState, ctx: &Ctx, council: EventHash) -> Result<MemberId, WebError> {
    let me = require_member(state, ctx, council)?;
    let presides = state
        .node()
        .read(council, |c| c.member(me).is_some_and(|m| matches!(m.role, Role::Chair | Role::Secretary)))?;
    if presides { Ok(me) } else { Err(WebError::Forbidden) }
}

pub(crate) fn election_of(state: &AppState, council: EventHash, number: u32) -> Result<(Election, String), WebError> {
    state
        .node()
        .read(council, |c| c.election(number).cloned().map(|e| (e, c.name.as_str().to_owned())))?
        .ok_or(WebError::NotFound)
}

pub(crate) fn base(council: EventHash, number: u32) -> String {
    format!("/c/{}/e/{number}", council.to_hex())
}

/// The head of a page whose script does the work (`script` in `/static/election/`): the CSRF token, and the
/// script's messages in the reader's language as JSON in `#{name}-messages` (`<` escaped so the text cannot close
/// the element).
pub(crate) fn script_head(state: &AppState, ctx: &Ctx, name: &str, script: &str, keys: &[(&str, &str)]) -> Markup {
    // A message with arguments keeps them as `{name}` for the script to fill in.
    let placeholders: Vec<(&str, String)> =
        ["question", "min", "max", "count"].into_iter().map(|name| (name, format!("{{{name}}}"))).collect();
    let map: serde_json::Map<String, Value> = keys
        .iter()
        .map(|(name, key)| ((*name).to_owned(), Value::String(crate::ui::ta(state, ctx, key, &placeholders))))
        .collect();
    let messages = Value::Object(map).to_string().replace('<', "\\u003c");
    maud::html! {
        meta name="kenes-csrf" content=(ctx.csrf());
        script type="application/json" id={ (name) "-messages" } { (maud::PreEscaped(messages)) }
        script type="module" src={ "/static/election/" (script) } {}
    }
}

pub(crate) fn field(name: &str) -> WebError {
    WebError::BadInputWith("el-error-field".to_owned(), vec![("field", name.to_owned())])
}

#[derive(Debug, Default, Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}
