//! What every page shares: the frame (`layout`), translation shorthands, labels, times, and the checks that
//! find the signed-in member of a council.

use axum::response::{IntoResponse, Redirect, Response};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde::Deserialize;

use kenes_council::{CouncilKind, MemberId, Role};
use kenes_record::EventHash;
use kenes_store::Account;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::i18n::CATALOGS;

pub(crate) const STYLE: &str = include_str!("style.css");
const FORMS_JS: &str = include_str!("forms.js");
const ICON: &str = include_str!("icon.svg");

/// `forms.js`, which every page loads.
pub async fn forms_js() -> Response {
    use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
    ([(CONTENT_TYPE, "text/javascript; charset=utf-8"), (CACHE_CONTROL, "no-cache")], FORMS_JS).into_response()
}

/// kenes's icon, for browsers' tabs (also at `/favicon.ico`, where browsers look without being told).
pub async fn icon() -> Response {
    use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
    ([(CONTENT_TYPE, "image/svg+xml"), (CACHE_CONTROL, "public, max-age=86400")], ICON).into_response()
}

/// An irreversible action behind a disclosure that asks first: `summary` opens it, `question` says what cannot be
/// undone, and `form` (with its own confirming button) does it. Works without JavaScript and from the keyboard.
pub fn confirm(summary: &str, question: &str, form: Markup) -> Markup {
    html! {
        details.confirm {
            summary { (summary) }
            p { (question) }
            (form)
        }
    }
}

/// A QR code of `text` as inline SVG (one path of dark modules, four modules of quiet zone), for a phone's camera;
/// `label` names it for screen readers. Text too long for a QR code gives nothing: the link is shown beside it.
pub fn qr_svg(text: &str, label: &str) -> Markup {
    let Ok(code) = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M) else {
        return html! {};
    };
    let width = code.width();
    let side = width + 8;
    let mut path = String::new();
    for (index, color) in code.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            let (row, column) = (index / width, index % width);
            path.push_str(&format!("M{} {}h1v1h-1z", column + 4, row + 4));
        }
    }
    html! {
        svg.qr xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (side) " " (side) } role="img" aria-label=(label) shape-rendering="crispEdges" {
            rect width=(side) height=(side) fill="#fff" {}
            path d=(path) fill="#000" {}
        }
    }
}

/// Translates with string arguments.
pub fn t(state: &AppState, ctx: &Ctx, key: &str) -> String {
    state.i18n().tr(ctx.lang, key, &[])
}

pub fn ta(state: &AppState, ctx: &Ctx, key: &str, args: &[(&str, String)]) -> String {
    state.i18n().tr_args(ctx.lang, key, args)
}

/// The frame of every page: skip link, header with navigation and language choice, main, footer.
pub fn layout(state: &AppState, ctx: &Ctx, title: &str, body: Markup) -> Markup {
    layout_with(state, ctx, title, html! {}, body)
}

/// `layout` with more in the page's head (meta values and scripts a page needs).
pub fn layout_with(state: &AppState, ctx: &Ctx, title: &str, head: Markup, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(ctx.lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · kenes" }
                style { (PreEscaped(STYLE)) }
                link rel="icon" href="/static/icon.svg" type="image/svg+xml";
                script type="module" src="/static/forms.js" {}
                (head)
            }
            body class=[ctx.colour.map(|c| format!("colour-{}", c.as_str()))] {
                a.skip href="#main" { (t(state, ctx, "skip-to-content")) }
                header {
                    nav aria-label=(t(state, ctx, "nav-label")) {
                        a.brand href="/" { "kenes" }
                        @if let Some(account) = &ctx.account {
                            a href="/" { (t(state, ctx, "nav-councils")) }
                            a href="/account" { (t(state, ctx, "nav-account")) " (" (account.username) ")" }
                            form.inline method="post" action="/signout" {
                                input type="hidden" name="csrf" value=(ctx.csrf());
                                button type="submit" { (t(state, ctx, "nav-sign-out")) }
                            }
                        } @else {
                            a href="/signin" { (t(state, ctx, "nav-sign-in")) }
                        }
                    }
                    form.inline.lang method="post" action="/lang" {
                        input type="hidden" name="back" value=(ctx.path);
                        label.visually-hidden for="lang-select" { (t(state, ctx, "language-label")) }
                        select id="lang-select" name="lang" {
                            @for (code, name, _) in CATALOGS {
                                option value=(code) lang=(code) selected[*code == ctx.lang] { (name) }
                            }
                        }
                        button type="submit" { (t(state, ctx, "language-switch")) }
                    }
                }
                main id="main" tabindex="-1" {
                    h1 { (title) }
                    (body)
                }
                footer { p { (t(state, ctx, "footer-text")) " " a href="/kenes" { (t(state, ctx, "footer-get-kenes")) } } }
            }
        }
    }
}

pub fn see_other(location: &str) -> Response {
    Redirect::to(location).into_response()
}

pub fn parse_council_id(text: &str) -> Result<EventHash, WebError> {
    EventHash::from_hex(text).map_err(|_| WebError::NotFound)
}

pub fn role_label(state: &AppState, ctx: &Ctx, role: Role) -> String {
    t(state, ctx, &format!("role-{}", role.as_str()))
}

pub fn kind_label(state: &AppState, ctx: &Ctx, kind: CouncilKind) -> String {
    t(state, ctx, &format!("kind-{}", kind.as_str()))
}

pub fn format_time(ms: i64) -> String {
    // UTC, ISO 8601 to the minute: the same on every screen, whatever the language.
    let seconds = ms.div_euclid(1000);
    let days = seconds.div_euclid(86_400);
    let rem = seconds.rem_euclid(86_400);
    let (hour, minute) = (rem / 3600, (rem % 3600) / 60);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

/// The member this account is in a council, if any.
pub fn membership(state: &AppState, account: &Account, council: EventHash) -> Result<Option<MemberId>, WebError> {
    let memberships = state.node().store().backend().memberships(account.id)?;
    Ok(memberships.into_iter().find(|(c, _)| *c == council).map(|(_, m)| MemberId(m)))
}

/// The signed-in account's active member number in the council, or an error page's reason.
pub fn require_member(state: &AppState, ctx: &Ctx, council: EventHash) -> Result<MemberId, WebError> {
    ctx.require_account()?;
    let member = ctx.membership(council).ok_or(WebError::Forbidden)?;
    let active = state.node().read(council, |c| c.member(member).is_some_and(|m| m.active))?;
    if active { Ok(member) } else { Err(WebError::Forbidden) }
}

#[derive(Debug, Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    pub csrf: String,
    /// See `once`: empty on forms that may be sent again.
    #[serde(default)]
    pub once: String,
}
