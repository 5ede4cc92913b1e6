//! The sync protocol's client side: a peer's signed hello, and one round of pulling from a peer.

use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

use kenes_record::bundle::{self, Opener};
use kenes_record::{Event, EventHash, NodeId};
use kenes_store::{NodeError, Peer};

use super::protocol::{self, MAX_COUNCILS, MAX_EVENTS};
use crate::AppState;

/// A peer's hello, its signature checked: its node key, its age recipient and its card.
#[derive(Clone, Debug)]
pub struct Hello {
    pub node: NodeId,
    pub age: String,
    pub card: String,
}

/// What one round with a peer did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Round {
    /// Councils the peer offered.
    pub councils: usize,
    /// Events kept.
    pub added: u64,
    /// Councils whose record the peer showed differently from the one held (evidence kept).
    pub forks: Vec<EventHash>,
    /// Election archives kept (each checked against the hash its council's record carries).
    pub archives: usize,
    /// Councils whose checkpoint from the peer, cosigned by the nodes that verified it, names another head than
    /// this node's record at that height: a split view (the note is kept).
    pub disagreements: Vec<EventHash>,
}

/// An HTTP client with limits: a peer that does not connect within 10 s, sends nothing for 15 s (a link that went
/// down mid-answer), or does not finish an answer within 120 s, is left until the next round.
pub fn http_client() -> Result<reqwest::Client, String> {
    http_client_with(Duration::from_secs(10), Duration::from_secs(120))
}

/// Silence in the middle of an answer after which the request is given up.
pub const READ_TIMEOUT: Duration = Duration::from_secs(15);

/// An HTTP client that gives up on connecting after `connect`, on a whole request after `request`, and on an answer
/// that stops coming after `READ_TIMEOUT` (or `request`, when shorter).
pub fn http_client_with(connect: Duration, request: Duration) -> Result<reqwest::Client, String> {
    reqwest::Client::builder()
        .connect_timeout(connect)
        .read_timeout(READ_TIMEOUT.min(request))
        .timeout(request)
        .build()
        .map_err(|e| e.to_string())
}

/// Fetches and checks a peer's hello.
pub async fn hello(client: &reqwest::Client, url: &str) -> Result<Hello, String> {
    let url = url.trim_end_matches('/');
    let response = client.get(format!("{url}/sync/v1/hello")).send().await.map_err(|e| format!("{url}: {e}"))?;
    if !response.status().is_success() {
        return Err(format!("{url} answered {} to hello: is it a kenes node?", response.status()));
    }
    let body: Value = response.json().await.map_err(|e| format!("{url}: the hello is not JSON: {e}"))?;
    let field = |name: &str| body[name].as_str().map(str::to_owned).ok_or(format!("{url}: the hello has no {name}"));
    let node = field("node")?;
    let node = hex::decode(&node)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .map(NodeId)
        .ok_or(format!("{url}: the hello's node key is not 64 hex digits"))?;
    let age = field("age")?;
    protocol::verify_hello(&node, &age, &field("signature")?).map_err(|e| format!("{url}: {e}"))?;
    let recipient = kenes_council::copies::AgeRecipient::parse(&age).map_err(|e| format!("{url}: {e}"))?;
    Ok(Hello { node, card: kenes_council::copies::card(node, &recipient), age })
}

/// A signed GET to a peer, its answer decrypted with this node's age identity.
async fn fetch(
    state: &AppState,
    client: &reqwest::Client,
    peer: &Peer,
    server: &NodeId,
    path: &str,
) -> Result<Vec<u8>, String> {
    let (secret, age) = state.node().age_identity().map_err(|e| e.to_string())?;
    let node = state.node().id();
    let asking = protocol::Asking { method: "GET", path, server, body: b"" };
    let header =
        protocol::sign_request(|message| state.node().sign_sync(message), &node, &age, asking, crate::auth::now_ms());
    let url = format!("{}{path}", peer.url.trim_end_matches('/'));
    let response = client.get(&url).header(protocol::HEADER, header).send().await.map_err(|e| format!("{url}: {e}"))?;
    let status = response.status();
    if !status.is_success() {
        let text: String = response.text().await.unwrap_or_default().chars().take(300).collect();
        return Err(format!("{url} answered {status}: {text}"));
    }
    let bytes = response.bytes().await.map_err(|e| format!("{url}: the answer was cut off: {e}"))?;
    if bytes.len() > protocol::MAX_FRAME + 4096 {
        return Err(format!("{url}: the answer is longer than a frame may be"));
    }
    bundle::decrypt(&bytes, Opener::IdentityFile(&secret)).map_err(|e| format!("{url}: {e}"))
}

#[derive(Deserialize)]
struct Listed {
    council: String,
    height: u64,
    head: String,
}

/// One round with a peer: its hello (its key must be the one approved), the councils it offers, and for each what
/// this node lacks, in frames of at most `MAX_EVENTS`, each verified and stored before the next is asked for (so a
/// round cut short resumes from what was kept).
pub async fn round(state: &AppState, peer: &Peer) -> Result<Round, String> {
    round_with(state, peer, &http_client()?).await
}

/// `round` with a given HTTP client (and so its time limits).
pub async fn round_with(state: &AppState, peer: &Peer, client: &reqwest::Client) -> Result<Round, String> {
    let client = client.clone();
    let hello = hello(&client, &peer.url).await?;
    if hello.node.to_hex() != peer.node {
        return Err(format!(
            "{}: the node there has key {}, not the approved {}: nothing was synced",
            peer.url, hello.node, peer.node
        ));
    }
    let mut round = Round::default();
    passed_on(state, &client, peer, &hello.node, &mut round).await?;
    let listed = fetch(state, &client, peer, &hello.node, "/sync/v1/councils").await?;
    let listed: Vec<Listed> =
        serde_json::from_slice(&listed).map_err(|e| format!("{}: the list of councils is not valid: {e}", peer.url))?;
    if listed.len() > MAX_COUNCILS {
        return Err(format!("{}: it lists more councils than a node takes from one peer", peer.url));
    }
    round.councils = listed.len();
    for entry in listed {
        let id = EventHash::from_hex(&entry.council).map_err(|_| format!("{}: a council id is not valid", peer.url))?;
        if state.node().fork_of(id).map_err(|e| e.to_string())?.is_some() {
            continue;
        }
        let held = state.node().read(id, |c| c.height()).unwrap_or(0);
        if entry.height <= held {
            // The peer is behind or level: its head must be the event this node holds at that height.
            if entry.height > 0 {
                let ours = state
                    .node()
                    .store()
                    .load_event_range(id, entry.height - 1, entry.height)
                    .map_err(|e| e.to_string())?;
                if ours.first().is_some_and(|e| e.hash().to_hex() != entry.head) {
                    fork(state, &client, peer, &hello.node, id, entry.height - 1, &mut round).await?;
                    continue;
                }
            }
            if held > 0 {
                round.archives += archives(state, &client, peer, &hello.node, id).await?;
                cosign(state, &client, peer, &hello.node, id, &mut round).await?;
            }
            continue;
        }
        let mut from = held;
        while from < entry.height {
            let path = format!("/sync/v1/c/{}/events?from={from}&limit={MAX_EVENTS}", id.to_hex());
            let frame = fetch(state, &client, peer, &hello.node, &path).await?;
            let (events, seal) = protocol::decode_frame(&frame).map_err(|e| format!("{}: {e}", peer.url))?;
            if events.is_empty() {
                break;
            }
            let kept = {
                let state = state.clone();
                tokio::task::spawn_blocking(move || state.node().import_events(id, &events, seal.as_ref()))
                    .await
                    .map_err(|e| e.to_string())?
            };
            match kept {
                Ok(outcome) => {
                    round.added += outcome.added;
                    state.notify(id, outcome.total);
                    if outcome.total <= from {
                        break;
                    }
                    from = outcome.total;
                }
                Err(NodeError::Fork { height, .. }) => {
                    fork(state, &client, peer, &hello.node, id, height, &mut round).await?;
                    break;
                }
                Err(error) => return Err(format!("{}: council {id} refused: {error}", peer.url)),
            }
        }
        round.archives += archives(state, &client, peer, &hello.node, id).await?;
        cosign(state, &client, peer, &hello.node, id, &mut round).await?;
    }
    Ok(round)
}

/// Fetches the peer's cosigned checkpoint of a council and compares it with this node's record: the same head adds
/// its signatures to this node's note; another head at a height this node holds is a split view, kept and counted.
async fn cosign(
    state: &AppState,
    client: &reqwest::Client,
    peer: &Peer,
    server: &NodeId,
    id: EventHash,
    round: &mut Round,
) -> Result<(), String> {
    if state.node().fork_of(id).map_err(|e| e.to_string())?.is_some() {
        return Ok(());
    }
    let path = format!("/sync/v1/c/{}/checkpoint", id.to_hex());
    let note = match fetch(state, client, peer, server, &path).await {
        Ok(note) => note,
        Err(error) if error.contains("404") => return Ok(()),
        Err(error) => return Err(error),
    };
    let note = kenes_record::checkpoint::SignedCheckpoint::parse(&String::from_utf8_lossy(&note))
        .map_err(|e| format!("{}: the checkpoint of council {id}: {e}", peer.url))?;
    if note.checkpoint.council != id {
        return Err(format!("{}: the checkpoint asked for council {id} is another council's", peer.url));
    }
    let state2 = state.clone();
    let witnessed = tokio::task::spawn_blocking(move || state2.node().witness(&note))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    if witnessed == kenes_store::Witnessed::Disagrees {
        round.disagreements.push(id);
    }
    Ok(())
}

/// Fetches the archives of the council's tallied elections this node lacks, and keeps each whose SHA-256 is the
/// one the record carries (anything else is refused, and asked for again next round).
async fn archives(
    state: &AppState,
    client: &reqwest::Client,
    peer: &Peer,
    server: &NodeId,
    id: EventHash,
) -> Result<usize, String> {
    let missing = state.node().missing_archives(id).unwrap_or_default();
    let mut kept = 0;
    for number in missing {
        let path = format!("/sync/v1/c/{}/e/{number}/archive", id.to_hex());
        let bytes = match fetch(state, client, peer, server, &path).await {
            Ok(bytes) => bytes,
            // The peer may not have it (yet): another peer may.
            Err(error) if error.contains("404") => continue,
            Err(error) => return Err(error),
        };
        match state.node().keep_archive(id, number, &bytes).map_err(|e| e.to_string())? {
            kenes_store::Kept::Stored => kept += 1,
            kenes_store::Kept::AlreadyHeld | kenes_store::Kept::NotTallied => {}
            kenes_store::Kept::WrongHash => {
                return Err(format!(
                    "{}: the archive of election {number} of council {id} is not the one its record names",
                    peer.url
                ));
            }
        }
    }
    Ok(kept)
}

#[derive(Deserialize)]
struct Evidence {
    council: String,
    ours: String,
    theirs: String,
}

/// Takes the fork evidence a peer holds for councils this node holds: each pair of events is checked to be signed by
/// the council's home node at one height and to differ, and kept (the council is then followed no further).
async fn passed_on(
    state: &AppState,
    client: &reqwest::Client,
    peer: &Peer,
    server: &NodeId,
    round: &mut Round,
) -> Result<(), String> {
    let listed = fetch(state, client, peer, server, "/sync/v1/forks").await?;
    let listed: Vec<Evidence> =
        serde_json::from_slice(&listed).map_err(|e| format!("{}: the list of forks is not valid: {e}", peer.url))?;
    for evidence in listed.into_iter().take(kenes_store::MAX_FORKS) {
        let Ok(id) = EventHash::from_hex(&evidence.council) else { continue };
        let Ok(home) = state.node().read(id, |c| c.home_node()) else { continue };
        if state.node().fork_of(id).map_err(|e| e.to_string())?.is_some() {
            continue;
        }
        let decode = |text: &str| hex::decode(text).ok().and_then(|bytes| Event::from_wire(&bytes).ok());
        let (Some(a), Some(b)) = (decode(&evidence.ours), decode(&evidence.theirs)) else { continue };
        if proves_fork(&a, &b, home) && kenes_record::signature::verify_one(&home, &a.canonical_bytes(), &a.signature) {
            let from = format!("{} (passed on)", peer.url);
            state.node().keep_fork(id, &a, &b, &from, crate::auth::now_ms()).map_err(|e| e.to_string())?;
            round.forks.push(id);
        }
    }
    Ok(())
}

/// Asks the peer for its event at `height` of council `id`, and keeps it with this node's as evidence when both are
/// signed by the council's home node and differ.
async fn fork(
    state: &AppState,
    client: &reqwest::Client,
    peer: &Peer,
    server: &NodeId,
    id: EventHash,
    height: u64,
    round: &mut Round,
) -> Result<(), String> {
    let path = format!("/sync/v1/c/{}/events?from={height}&limit=1", id.to_hex());
    let frame = fetch(state, client, peer, server, &path).await?;
    let (events, _) = protocol::decode_frame(&frame).map_err(|e| format!("{}: {e}", peer.url))?;
    let ours = state.node().store().load_event_range(id, height, height + 1).map_err(|e| e.to_string())?;
    let (Some(theirs), Some(ours)) = (events.first(), ours.first()) else { return Ok(()) };
    let home = state.node().read(id, |c| c.home_node()).map_err(|e| e.to_string())?;
    if proves_fork(ours, theirs, home) {
        state.node().keep_fork(id, ours, theirs, &peer.url, crate::auth::now_ms()).map_err(|e| e.to_string())?;
        round.forks.push(id);
    }
    Ok(())
}

/// Whether two events prove a fork: the same height, different, both signed by the home node.
pub fn proves_fork(ours: &Event, theirs: &Event, home: NodeId) -> bool {
    ours.height == theirs.height
        && ours.hash() != theirs.hash()
        && theirs.node == home
        && ours.node == home
        && kenes_record::signature::verify_one(&home, &theirs.canonical_bytes(), &theirs.signature)
}

/// Runs a round with every peer now and then (every `every`), and whenever `now` is notified; notes each result.
pub fn spawn(state: AppState, every: Duration, now: std::sync::Arc<tokio::sync::Notify>) {
    tokio::spawn(async move {
        loop {
            let peers = state.node().peers().unwrap_or_default();
            for peer in peers {
                let result = round(&state, &peer).await;
                let error = match &result {
                    Ok(done) => {
                        if done.added > 0 || !done.forks.is_empty() {
                            tracing::info!(peer = %peer.url, added = done.added, forks = done.forks.len(), "synced");
                        }
                        None
                    }
                    Err(error) => {
                        tracing::warn!(peer = %peer.url, %error, "sync failed");
                        Some(error.clone())
                    }
                };
                let state = state.clone();
                let node = peer.node.clone();
                let _ =
                    tokio::task::spawn_blocking(move || state.node().peer_result(&node, crate::auth::now_ms(), error))
                        .await;
            }
            tokio::select! {
                () = tokio::time::sleep(every) => {}
                () = now.notified() => {}
            }
        }
    });
}
