//! Node-local sync state, kept in `settings` and never replicated: this node's age identity (copies sent to it are
//! encrypted to its recipient), the peers it syncs with, and the evidence of forks it has seen.

use serde::{Deserialize, Serialize};

use kenes_record::checkpoint::{Checkpoint, SignedCheckpoint};
use kenes_record::{Event, EventHash, bundle};

use crate::error::{NodeError, StoreError};
use crate::node::Node;

const AGE_IDENTITY_SETTING: &str = "age_identity";
const PEERS_SETTING: &str = "peers";
const FORKS_SETTING: &str = "forks";
const DISCOVERY_SETTING: &str = "discovery";
/// The most peers a node keeps, and forks it remembers.
pub const MAX_PEERS: usize = 256;
pub const MAX_FORKS: usize = 1024;

/// A node this one syncs with, approved by a person who compared its node key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Peer {
    /// Where it answers, e.g. `http://192.168.1.20:8080`.
    pub url: String,
    /// Its node key, hex.
    pub node: String,
    /// Its age recipient, as its signed hello gave it.
    pub age: String,
    pub added_ms: i64,
    /// The end of the last round that reached it, and the error of the last that did not.
    #[serde(default)]
    pub last_ok_ms: Option<i64>,
    #[serde(default)]
    pub last_error: Option<String>,
}

/// Two events a council's home node signed at one height: proof that it showed two histories.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fork {
    pub council: String,
    pub height: u64,
    /// The event this node holds and the other one, in wire form, hex.
    pub ours: String,
    pub theirs: String,
    /// Who showed the other one (a peer's URL, or a directory), and when.
    pub from: String,
    pub seen_ms: i64,
}

impl Node {
    /// This node's age identity (made on first use): the secret, to open what others encrypt to it, and its recipient.
    pub fn age_identity(&self) -> Result<(String, String), NodeError> {
        let backend = self.store().backend();
        if backend.setting(AGE_IDENTITY_SETTING)?.is_none() {
            let (secret, _) = bundle::generate_identity();
            backend.set_setting_if_absent(AGE_IDENTITY_SETTING, secret.as_bytes())?;
        }
        let stored = backend.setting(AGE_IDENTITY_SETTING)?.ok_or(StoreError::Poisoned)?;
        let secret = String::from_utf8(stored).map_err(|_| StoreError::Poisoned)?;
        let recipient = bundle::recipient_of(&secret)?;
        Ok((secret, recipient))
    }
    /// Whether a person chose to have this node announce itself and look for others on the local network.
    pub fn discovery(&self) -> Result<bool, StoreError> {
        Ok(self.store().backend().setting(DISCOVERY_SETTING)?.as_deref() == Some(b"on".as_slice()))
    }

    pub fn set_discovery(&self, on: bool) -> Result<(), StoreError> {
        self.store().backend().set_setting(DISCOVERY_SETTING, if on { b"on" } else { b"off" })
    }

    pub fn peers(&self) -> Result<Vec<Peer>, NodeError> {
        read_list(self, PEERS_SETTING)
    }

    /// Adds a peer, or replaces the one with the same node key or address.
    pub fn add_peer(&self, peer: Peer) -> Result<(), NodeError> {
        let mut peers = self.peers()?;
        peers.retain(|p| p.node != peer.node && p.url != peer.url);
        if peers.len() >= MAX_PEERS {
            return Err(NodeError::Store(StoreError::Full("peers")));
        }
        peers.push(peer);
        write_list(self, PEERS_SETTING, &peers)
    }

    /// Forgets a peer by node key or address; says whether there was one.
    pub fn remove_peer(&self, which: &str) -> Result<bool, NodeError> {
        let mut peers = self.peers()?;
        let before = peers.len();
        peers.retain(|p| p.node != which && p.url != which);
        write_list(self, PEERS_SETTING, &peers)?;
        Ok(peers.len() != before)
    }

    /// Notes how the last round with the peer `node` went.
    pub fn peer_result(&self, node: &str, now_ms: i64, error: Option<String>) -> Result<(), NodeError> {
        let mut peers = self.peers()?;
        for peer in peers.iter_mut().filter(|p| p.node == node) {
            match &error {
                None => {
                    peer.last_ok_ms = Some(now_ms);
                    peer.last_error = None;
                }
                Some(error) => peer.last_error = Some(error.chars().take(500).collect()),
            }
        }
        write_list(self, PEERS_SETTING, &peers)
    }

    pub fn forks(&self) -> Result<Vec<Fork>, NodeError> {
        read_list(self, FORKS_SETTING)
    }

    /// The fork evidence held for a council, if any: the node follows neither branch past it until a person decides.
    pub fn fork_of(&self, council: EventHash) -> Result<Option<Fork>, NodeError> {
        Ok(self.forks()?.into_iter().find(|f| f.council == council.to_hex()))
    }

    /// Keeps the evidence of a fork: two events at one height, both signed by the council's home node.
    pub fn keep_fork(
        &self,
        council: EventHash,
        ours: &Event,
        theirs: &Event,
        from: &str,
        now_ms: i64,
    ) -> Result<(), NodeError> {
        let mut forks = self.forks()?;
        if forks.iter().any(|f| f.council == council.to_hex()) || forks.len() >= MAX_FORKS {
            return Ok(());
        }
        forks.push(Fork {
            council: council.to_hex(),
            height: ours.height,
            ours: hex_encode(&ours.to_wire()),
            theirs: hex_encode(&theirs.to_wire()),
            from: from.chars().take(500).collect(),
            seen_ms: now_ms,
        });
        tracing::warn!(%council, height = ours.height, from, "a fork: the home node signed two events at one height");
        write_list(self, FORKS_SETTING, &forks)
    }
}

fn hex_encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn read_list<T: for<'de> Deserialize<'de>>(node: &Node, key: &str) -> Result<Vec<T>, NodeError> {
    match node.store().backend().setting(key)? {
        None => Ok(Vec::new()),
        Some(bytes) => serde_json::from_slice(&bytes).map_err(|_| NodeError::Store(StoreError::Poisoned)),
    }
}

fn write_list<T: Serialize>(node: &Node, key: &str, list: &[T]) -> Result<(), NodeError> {
    let bytes = serde_json::to_vec(list).map_err(|_| NodeError::Store(StoreError::Poisoned))?;
    Ok(node.store().backend().set_setting(key, &bytes)?)
}

/// What a peer's checkpoint said against this node's record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Witnessed {
    /// The same head at that height: its signatures are added to this node's note when the height is the current one.
    Agrees,
    /// This node cannot judge yet (the note is ahead of what it holds).
    Ahead,
    /// Another head at a height this node holds: a split view; the note is kept as evidence.
    Disagrees,
}

fn checkpoint_key(council: EventHash) -> String {
    format!("checkpoint:{council}")
}

fn conflict_key(council: EventHash) -> String {
    format!("checkpoint-conflict:{council}")
}

impl Node {
    /// This node's cosigned checkpoint of a council's current head: its own signature, and those of the nodes that
    /// said the same head to it.
    pub fn checkpoint(&self, council: EventHash) -> Result<SignedCheckpoint, NodeError> {
        let (height, head) = self.read(council, |c| (c.height(), c.head()))?;
        let mut note = self.sign_checkpoint(&Checkpoint { council, height, head });
        if let Some(stored) = self.store().backend().setting(&checkpoint_key(council))? {
            if let Ok(stored) = SignedCheckpoint::parse(&String::from_utf8_lossy(&stored)) {
                note.merge(&stored);
            }
        }
        Ok(note)
    }

    /// Compares a peer's checkpoint with this node's record of the council, and keeps what it proves.
    pub fn witness(&self, note: &SignedCheckpoint) -> Result<Witnessed, NodeError> {
        let council = note.checkpoint.council;
        let height = self.read(council, |c| c.height())?;
        if note.checkpoint.height == 0 || note.checkpoint.height > height {
            return Ok(Witnessed::Ahead);
        }
        let at = note.checkpoint.height - 1;
        let ours = self.store().load_event_range(council, at, at + 1)?;
        if ours.first().map(Event::hash) != Some(note.checkpoint.head) {
            self.store().backend().set_setting(&conflict_key(council), note.to_note().as_bytes())?;
            tracing::warn!(%council, height = note.checkpoint.height, "a checkpoint cosigned by other nodes names another head");
            return Ok(Witnessed::Disagrees);
        }
        if note.checkpoint.height == height {
            let mut mine = self.checkpoint(council)?;
            mine.merge(note);
            self.store().backend().set_setting(&checkpoint_key(council), mine.to_note().as_bytes())?;
        }
        Ok(Witnessed::Agrees)
    }

    /// A checkpoint note that named another head than this node's record, if one was seen.
    pub fn checkpoint_conflict(&self, council: EventHash) -> Result<Option<String>, NodeError> {
        Ok(self.store().backend().setting(&conflict_key(council))?.map(|b| String::from_utf8_lossy(&b).into_owned()))
    }
}
