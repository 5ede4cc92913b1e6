//! The Nodes page (node administrators): this node's card to pass on, the peers it syncs with and how each last went,
//! adding one after comparing its key, a sync now, a step with a USB stick, and any fork caught.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::Form;
use maud::{Markup, html};
use serde::Deserialize;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::{confirm, format_time, layout, qr_svg, see_other, t, ta};

fn require_admin(ctx: &Ctx) -> Result<(), WebError> {
    if ctx.require_account()?.is_admin { Ok(()) } else { Err(WebError::Forbidden) }
}

/// A node key in groups of four hex digits, to read aloud and compare.
pub fn grouped(key: &str) -> String {
    key.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

pub async fn nodes_page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    require_admin(&ctx)?;
    Ok(page(&state, &ctx, html! {}).await?.into_response())
}

async fn page(state: &AppState, ctx: &Ctx, notice: Markup) -> Result<Markup, WebError> {
    let (card, peers, forks) = crate::blocking({
        let state = state.clone();
        move || {
            let (_, age) = state.node().age_identity()?;
            let card =
                kenes_council::copies::card(state.node().id(), &kenes_council::copies::AgeRecipient::parse(&age)?);
            Ok((card, state.node().peers()?, state.node().forks()?))
        }
    })
    .await?;
    let csrf = ctx.csrf();
    let key = state.node().id().to_hex();
    let title = t(state, ctx, "nodes-title");
    let body = html! {
        (notice)
        @for fork in &forks {
            div role="alert" {
                p { (ta(state, ctx, "nodes-fork", &[("council", fork.council.chars().take(16).collect()), ("height", fork.height.to_string()), ("from", fork.from.clone())])) }
            }
        }
        section aria-labelledby="card-heading" {
            h2 #card-heading { (t(state, ctx, "nodes-card")) }
            p { (t(state, ctx, "nodes-card-help")) }
            p { code #node-card { (card) } }
            (qr_svg(&card, &t(state, ctx, "nodes-card")))
            p { (t(state, ctx, "nodes-key")) " " strong.key { (grouped(&key)) } }
        }
        section aria-labelledby="peers-heading" {
            h2 #peers-heading { (t(state, ctx, "nodes-peers")) }
            @if peers.is_empty() {
                p { (t(state, ctx, "nodes-no-peers")) }
            } @else {
                ul.peers {
                    @for peer in &peers {
                        li {
                            strong { (peer.url) } br;
                            span.meta { (t(state, ctx, "nodes-key")) " " (grouped(&peer.node[..16.min(peer.node.len())])) "…" } br;
                            @match (&peer.last_error, peer.last_ok_ms) {
                                (Some(error), _) => span role="status" { (ta(state, ctx, "nodes-peer-failed", &[("error", error.clone())])) },
                                (None, Some(ms)) => span { (ta(state, ctx, "nodes-peer-synced", &[("time", format_time(ms))])) },
                                (None, None) => span.meta { (t(state, ctx, "nodes-peer-new")) },
                            }
                            (confirm(&ta(state, ctx, "nodes-remove", &[("url", peer.url.clone())]), &t(state, ctx, "nodes-remove-question"), html! {
                                form method="post" action="/nodes/peers/remove" {
                                    input type="hidden" name="csrf" value=(csrf);
                                    input type="hidden" name="node" value=(peer.node);
                                    button.danger type="submit" { (t(state, ctx, "nodes-remove-confirm")) }
                                }
                            }))
                        }
                    }
                }
                form method="post" action="/nodes/sync" {
                    input type="hidden" name="csrf" value=(csrf);
                    button.secondary type="submit" { (t(state, ctx, "nodes-sync-now")) }
                }
            }
            h3 { (t(state, ctx, "nodes-add")) }
            form method="post" action="/nodes/peers" {
                input type="hidden" name="csrf" value=(csrf);
                p { label for="peer-url" { (t(state, ctx, "nodes-add-url")) } input #peer-url name="url" type="url" required maxlength="300" placeholder="http://192.168.1.20:8080"; }
                p {
                    label for="peer-key" { (t(state, ctx, "nodes-add-key")) }
                    input #peer-key name="key" required minlength="16" maxlength="80" autocomplete="off" spellcheck="false" aria-describedby="peer-key-help";
                    small #peer-key-help { (t(state, ctx, "nodes-add-key-help")) }
                }
                p { button type="submit" { (t(state, ctx, "nodes-add-submit")) } }
            }
        }
        @if state.discovery().available() {
            (nearby_section(state, ctx, &peers))
        }
        section aria-labelledby="stick-heading" {
            h2 #stick-heading { (t(state, ctx, "nodes-stick")) }
            p { (t(state, ctx, "nodes-stick-help")) }
            form method="post" action="/nodes/stick" {
                input type="hidden" name="csrf" value=(csrf);
                p { label for="stick-dir" { (t(state, ctx, "nodes-stick-dir")) } input #stick-dir name="dir" required maxlength="500" placeholder="/media/stick/kenes"; }
                p { button type="submit" { (t(state, ctx, "nodes-stick-submit")) } }
            }
        }
    };
    Ok(layout(state, ctx, &title, body))
}

/// Nodes heard on the local network, each with its whole key to compare before adding; or the switch to start.
fn nearby_section(state: &AppState, ctx: &Ctx, peers: &[kenes_store::Peer]) -> Markup {
    let csrf = ctx.csrf();
    let on = state.discovery().is_on();
    let known: Vec<String> = peers.iter().map(|p| p.node.clone()).collect();
    let heard = state.discovery().heard(&known);
    html! {
        section aria-labelledby="nearby-heading" {
            h2 #nearby-heading { (t(state, ctx, "nodes-nearby")) }
            @if on {
                p { (t(state, ctx, "nodes-nearby-on")) }
                @if heard.is_empty() {
                    p { (t(state, ctx, "nodes-nearby-none")) }
                } @else {
                    ul.peers #nearby {
                        @for found in &heard {
                            li {
                                strong { (found.url) } br;
                                span { (t(state, ctx, "nodes-key")) " " span.key { (grouped(&found.node)) } } br;
                                (confirm(&ta(state, ctx, "nodes-nearby-add", &[("url", found.url.clone())]), &ta(state, ctx, "nodes-nearby-compare", &[("key", grouped(&found.node))]), html! {
                                    form method="post" action="/nodes/peers" {
                                        input type="hidden" name="csrf" value=(csrf);
                                        input type="hidden" name="url" value=(found.url);
                                        input type="hidden" name="key" value=(found.node);
                                        button type="submit" { (t(state, ctx, "nodes-nearby-same")) }
                                    }
                                }))
                            }
                        }
                    }
                }
                form method="post" action="/nodes/discovery" {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="on" value="off";
                    button.secondary type="submit" { (t(state, ctx, "nodes-nearby-stop")) }
                }
            } @else {
                p { (t(state, ctx, "nodes-nearby-off")) }
                form method="post" action="/nodes/discovery" {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="on" value="on";
                    button.secondary type="submit" { (t(state, ctx, "nodes-nearby-start")) }
                }
            }
        }
    }
}

/// Turns discovery on or off, for now and for the next start.
pub async fn discovery_submit(
    State(state): State<AppState>,
    AdminForm(ctx, form): AdminForm,
) -> Result<Response, WebError> {
    let on = form.on == "on";
    crate::blocking({
        let state = state.clone();
        move || Ok(state.node().set_discovery(on)?)
    })
    .await?;
    let shown = if on {
        match state.discovery().start(state.node().id()) {
            Ok(()) => html! {},
            Err(error) => notice(ta(&state, &ctx, "nodes-nearby-failed", &[("error", error)]), false),
        }
    } else {
        state.discovery().stop();
        html! {}
    };
    Ok(page(&state, &ctx, shown).await?.into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct PeerForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    key: String,
    #[serde(default)]
    node: String,
    #[serde(default)]
    dir: String,
    /// Discovery: `on` or `off`.
    #[serde(default)]
    on: String,
}

/// A node administrator's form post: the request's context, signed in as an administrator, and the form, whose CSRF
/// token was checked.
pub struct AdminForm(Ctx, PeerForm);

impl axum::extract::FromRequest<AppState> for AdminForm {
    type Rejection = WebError;

    async fn from_request(request: axum::extract::Request, state: &AppState) -> Result<AdminForm, WebError> {
        use axum::extract::FromRequestParts;
        let (mut parts, body) = request.into_parts();
        let ctx = Ctx::from_request_parts(&mut parts, state).await?;
        require_admin(&ctx)?;
        let request = axum::extract::Request::from_parts(parts, body);
        let Form(form) = <Form<PeerForm> as axum::extract::FromRequest<AppState>>::from_request(request, state)
            .await
            .map_err(|_| WebError::Csrf)?;
        ctx.check_csrf(Some(&form.csrf))?;
        Ok(AdminForm(ctx, form))
    }
}

fn notice(text: String, ok: bool) -> Markup {
    if ok {
        html! { div role="status" { p { (text) } } }
    } else {
        html! { div role="alert" { p { (text) } } }
    }
}

/// Adds a peer after checking that its signed hello gives the key the person typed (at least its first 16 digits).
pub async fn add_peer_submit(
    State(state): State<AppState>,
    AdminForm(ctx, form): AdminForm,
) -> Result<Response, WebError> {
    let url = form.url.trim().trim_end_matches('/').to_owned();
    let expected = form.key.trim().to_lowercase().replace([' ', ':'], "");
    let outcome = async {
        if !(url.starts_with("http://") || url.starts_with("https://")) || url.len() > 300 {
            return Err(t(&state, &ctx, "nodes-error-url"));
        }
        let client = crate::sync::client::http_client().map_err(|e| e.to_string())?;
        let hello = crate::sync::client::hello(&client, &url).await?;
        let key = hello.node.to_hex();
        if expected.len() < 16 || !key.starts_with(&expected) {
            return Err(ta(&state, &ctx, "nodes-error-key", &[("key", grouped(&key))]));
        }
        if hello.node == state.node().id() {
            return Err(t(&state, &ctx, "nodes-error-self"));
        }
        let peer = kenes_store::Peer {
            url: url.clone(),
            node: key.clone(),
            age: hello.age,
            added_ms: crate::auth::now_ms(),
            last_ok_ms: None,
            last_error: None,
        };
        state.node().add_peer(peer).map_err(|e| e.to_string())?;
        state.sync_now().notify_one();
        Ok(ta(&state, &ctx, "nodes-added", &[("url", url.clone()), ("key", grouped(&key))]))
    }
    .await;
    let shown = match outcome {
        Ok(text) => notice(text, true),
        Err(text) => notice(text, false),
    };
    Ok(page(&state, &ctx, shown).await?.into_response())
}

pub async fn remove_peer_submit(
    State(state): State<AppState>,
    AdminForm(_, form): AdminForm,
) -> Result<Response, WebError> {
    state.node().remove_peer(&form.node)?;
    Ok(see_other("/nodes"))
}

pub async fn sync_now_submit(
    State(state): State<AppState>,
    AdminForm(ctx, _): AdminForm,
) -> Result<Response, WebError> {
    state.sync_now().notify_one();
    let shown = notice(t(&state, &ctx, "nodes-syncing"), true);
    Ok(page(&state, &ctx, shown).await?.into_response())
}

/// One step with a USB stick mounted on this machine, at a directory that must exist already (a typing error
/// creates nothing).
pub async fn stick_submit(
    State(state): State<AppState>,
    AdminForm(ctx, form): AdminForm,
) -> Result<Response, WebError> {
    let dir = std::path::PathBuf::from(form.dir.trim());
    if !dir.is_absolute() || !dir.is_dir() {
        let shown = notice(ta(&state, &ctx, "nodes-stick-missing", &[("dir", form.dir.trim().to_owned())]), false);
        return Ok(page(&state, &ctx, shown).await?.into_response());
    }
    let report = crate::blocking({
        let state = state.clone();
        move || crate::sync::stick::sync_dir(state.node(), &dir, crate::auth::now_ms()).map_err(WebError::Internal)
    })
    .await?;
    for (council, _) in &report.imported {
        if let Ok(height) = state.node().read(*council, |c| c.height()) {
            state.notify(*council, height);
        }
    }
    let added: u64 = report.imported.iter().map(|(_, n)| n).sum();
    let text = ta(
        &state,
        &ctx,
        "nodes-stick-done",
        &[
            ("imported", report.imported.len().to_string()),
            ("events", added.to_string()),
            ("written", report.written.len().to_string()),
            ("skipped", report.skipped.len().to_string()),
        ],
    );
    Ok(page(&state, &ctx, notice(text, report.forks.is_empty())).await?.into_response())
}
