//! The sync protocol's server side: `GET /sync/v1/hello`, `/sync/v1/councils`, `/sync/v1/c/{id}/events`.

use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Json, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use kenes_record::{EventHash, NodeId, bundle};

use super::protocol::{self, MAX_EVENTS};
use crate::AppState;
use crate::error::WebError;

/// This node's key and age recipient, signed together; and its card, for a person to pass on.
pub async fn hello(State(state): State<AppState>) -> Result<Json<Value>, WebError> {
    let node = state.node().id();
    let age = crate::blocking({
        let state = state.clone();
        move || Ok(state.node().age_identity()?.1)
    })
    .await?;
    let signature = hex::encode(state.node().sign_sync(&protocol::hello_message(&node, &age)));
    let card = kenes_council::copies::card(node, &kenes_council::copies::AgeRecipient::parse(&age)?);
    Ok(Json(json!({ "node": node.to_hex(), "age": age, "signature": signature, "card": card })))
}

/// The node a signed request comes from, and the age recipient its answer is encrypted to (see
/// `protocol::verify_request`); a request that does not verify is answered 401 with the reason, before any handler.
pub struct SyncPeer {
    pub node: NodeId,
    pub age: String,
}

impl FromRequestParts<AppState> for SyncPeer {
    type Rejection = (StatusCode, String);

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<SyncPeer, (StatusCode, String)> {
        let header = parts.headers.get(protocol::HEADER).and_then(|v| v.to_str().ok()).unwrap_or("");
        let path = parts.uri.path_and_query().map_or(parts.uri.path(), |p| p.as_str());
        let now = crate::auth::now_ms();
        protocol::verify_request(header, parts.method.as_str(), path, &state.node().id(), b"", now)
            .map(|(node, age)| SyncPeer { node, age })
            .map_err(|error| (StatusCode::UNAUTHORIZED, error.to_string()))
    }
}

/// Council `id`, when the requesting node may hold it and no fork of it was caught; otherwise answered as a council
/// this node does not have.
fn allowed(state: &AppState, peer: &SyncPeer, id: &str) -> Result<EventHash, WebError> {
    let id = EventHash::from_hex(id).map_err(|_| WebError::NotFound)?;
    let may = state.node().read(id, |c| c.may_hold(peer.node)).unwrap_or(false);
    if !may || state.node().fork_of(id)?.is_some() {
        return Err(WebError::NotFound);
    }
    Ok(id)
}

/// `body` encrypted to `age`, as an answer.
async fn sealed(body: Vec<u8>, age: String) -> Result<Response, WebError> {
    let encrypted = crate::blocking(move || {
        bundle::encrypt_to_recipients(&body, &[age]).map_err(|e| WebError::Internal(e.to_string()))
    })
    .await?;
    Ok(([(CONTENT_TYPE, "application/octet-stream")], encrypted).into_response())
}

/// The councils the requesting node may hold, with this node's height and head of each.
pub async fn councils(State(state): State<AppState>, peer: SyncPeer) -> Result<Response, WebError> {
    let list = crate::blocking({
        let state = state.clone();
        move || {
            let forked: Vec<String> = state.node().forks()?.into_iter().map(|f| f.council).collect();
            let mut list = Vec::new();
            for id in state.node().council_ids() {
                if forked.contains(&id.to_hex()) {
                    continue;
                }
                let row = state.node().read(id, |c| {
                    c.may_hold(peer.node).then(
                        || json!({ "council": id.to_hex(), "height": c.height(), "head": c.chain().head.to_hex() }),
                    )
                })?;
                list.extend(row);
            }
            Ok(list)
        }
    })
    .await?;
    sealed(serde_json::to_vec(&list).map_err(|e| WebError::Internal(e.to_string()))?, peer.age).await
}

/// The fork evidence this node holds for councils the requesting node may hold: two events each council's home node
/// signed at one height, which prove themselves, so every peer learns of a fork any one of them caught.
pub async fn forks(State(state): State<AppState>, peer: SyncPeer) -> Result<Response, WebError> {
    let list = crate::blocking({
        let state = state.clone();
        move || {
            let mut list = Vec::new();
            for fork in state.node().forks()? {
                let Ok(id) = EventHash::from_hex(&fork.council) else { continue };
                if state.node().read(id, |c| c.may_hold(peer.node)).unwrap_or(false) {
                    list.push(json!({ "council": fork.council, "height": fork.height, "ours": fork.ours, "theirs": fork.theirs }));
                }
            }
            Ok(list)
        }
    })
    .await?;
    sealed(serde_json::to_vec(&list).map_err(|e| WebError::Internal(e.to_string()))?, peer.age).await
}

/// This node's checkpoint of a council's head, cosigned by the nodes that said the same head to it (a C2SP signed
/// note; see `kenes_record::checkpoint`).
pub async fn checkpoint(
    State(state): State<AppState>,
    peer: SyncPeer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = allowed(&state, &peer, &id)?;
    let note = crate::blocking({
        let state = state.clone();
        move || Ok(state.node().checkpoint(id)?.to_note())
    })
    .await?;
    sealed(note.into_bytes(), peer.age).await
}

/// A tallied election's Belenios archive, public evidence, for a node that may hold its council: the bytes whose
/// SHA-256 the record's `election.tallied` carries.
pub async fn archive(
    State(state): State<AppState>,
    peer: SyncPeer,
    Path((id, number)): Path<(String, u32)>,
) -> Result<Response, WebError> {
    let id = allowed(&state, &peer, &id)?;
    let archive = crate::blocking({
        let state = state.clone();
        move || Ok(state.node().archive(id, number)?)
    })
    .await?
    .ok_or(WebError::NotFound)?;
    let bytes = archive.bytes;
    sealed(bytes, peer.age).await
}

#[derive(Deserialize)]
pub struct From {
    from: u64,
    #[serde(default)]
    limit: Option<u64>,
}

/// Events of one council from a height, with the home node's seal when they reach the head. A council the requesting
/// node may not hold is answered as one this node does not have.
pub async fn events(
    State(state): State<AppState>,
    peer: SyncPeer,
    Path(id): Path<String>,
    Query(range): Query<From>,
) -> Result<Response, WebError> {
    let id = allowed(&state, &peer, &id)?;
    let limit = range.limit.unwrap_or(MAX_EVENTS).clamp(1, MAX_EVENTS);
    let frame = crate::blocking({
        let state = state.clone();
        move || {
            let slice = state.node().sync_slice(id, range.from, limit)?;
            Ok(protocol::encode_frame(&slice.wires, slice.seal.as_ref()))
        }
    })
    .await?;
    sealed(frame, peer.age).await
}
