//! One event of a council record, its canonical bytes, its hash and its signature.
//!
//! The canonical encoding (version 1) is the only thing that is hashed or signed. It is written out here and in
//! `docs/record.md`, and `tests/record.rs` rebuilds it byte by byte from this description:
//!
//! ```text
//! offset  size   field
//! 0       14     magic, the ASCII bytes "kenes-event-v1"
//! 14      8      height, unsigned, big-endian (0 for the first event of a council)
//! 22      32     parent: SHA-256 hash of the previous event (32 zero bytes at height 0)
//! 54      8      timestamp: milliseconds since 1970-01-01T00:00:00Z, signed, big-endian
//! 62      32     node: the Ed25519 public key of the node that wrote the event
//! 94      2      kind length k, unsigned, big-endian (1..=64)
//! 96      k      kind, ASCII [a-z0-9._-]
//! 96+k    4      payload length p, unsigned, big-endian (0..=MAX_PAYLOAD)
//! 100+k   p      payload bytes (kenes-council writes UTF-8 JSON; the record does not interpret them)
//! ```
//!
//! The signature is Ed25519 (RFC 8032, pure, no context) by `node` over exactly those canonical bytes.
//! The wire form of an event is `canonical bytes || signature (64 bytes)`.
//! The hash of an event is `SHA-256(canonical bytes || signature)`, so the chain commits to the signatures too.

use std::fmt;

use ed25519_dalek::{Signer, SigningKey};
use sha2::{Digest, Sha256};

use crate::error::DecodeError;

/// The first bytes of every event's canonical encoding.
pub const EVENT_MAGIC: &[u8; 14] = b"kenes-event-v1";
/// The largest payload an event may carry (1 MiB); larger input is refused before it is allocated.
pub const MAX_PAYLOAD: usize = 1 << 20;
/// The longest event kind.
pub const MAX_KIND: usize = 64;
/// Size of the fixed header before the kind.
const HEADER_LEN: usize = 14 + 8 + 32 + 8 + 32 + 2;
/// Size of an Ed25519 signature.
pub const SIGNATURE_LEN: usize = 64;

/// A SHA-256 hash of an event (see the module documentation for its input).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct EventHash(pub [u8; 32]);

impl EventHash {
    /// The parent of the first event of every council.
    pub const ZERO: EventHash = EventHash([0; 32]);

    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// Parses 64 hexadecimal digits.
    pub fn from_hex(text: &str) -> Result<Self, DecodeError> {
        let mut bytes = [0u8; 32];
        hex::decode_to_slice(text, &mut bytes).map_err(|_| DecodeError::BadHash(text.chars().take(80).collect()))?;
        Ok(EventHash(bytes))
    }
}

impl fmt::Debug for EventHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EventHash({})", self.to_hex())
    }
}

impl fmt::Display for EventHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

/// The public identity of a node: its Ed25519 public key.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub [u8; 32]);

impl NodeId {
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }
}

impl fmt::Debug for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NodeId({})", self.to_hex())
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

/// A node's signing key. It never leaves the node's data directory, zeroizes on drop and hides itself from `Debug`.
pub struct NodeKey(SigningKey);

/// What every sync protocol signature signs first (see `NodeKey::sign_sync`).
pub const SYNC_DOMAIN: &[u8] = b"kenes-sync-v1\0";

impl NodeKey {
    /// Makes a key from 32 secret bytes (the caller draws them from the operating system, or a seeded RNG in tests).
    pub fn from_secret_bytes(secret: &[u8; 32]) -> Self {
        NodeKey(SigningKey::from_bytes(secret))
    }

    /// The secret bytes, for storing the key in the node's own tables.
    pub fn secret_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    pub fn node_id(&self) -> NodeId {
        NodeId(self.0.verifying_key().to_bytes())
    }

    /// Signs a message of the sync protocol: the signed bytes are `SYNC_DOMAIN` then `message`, so no such signature
    /// can stand for an event's or a seal's (whose signed bytes start with their own magic).
    pub fn sign_sync(&self, message: &[u8]) -> [u8; SIGNATURE_LEN] {
        let mut signed = Vec::with_capacity(SYNC_DOMAIN.len() + message.len());
        signed.extend_from_slice(SYNC_DOMAIN);
        signed.extend_from_slice(message);
        self.sign_message(&signed)
    }

    pub(crate) fn sign_message(&self, message: &[u8]) -> [u8; SIGNATURE_LEN] {
        self.0.sign(message).to_bytes()
    }
}

impl fmt::Debug for NodeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NodeKey(public {}, secret hidden)", self.node_id())
    }
}

/// An event not yet signed: what a node is about to append.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsignedEvent {
    pub height: u64,
    pub parent: EventHash,
    pub timestamp_ms: i64,
    pub kind: String,
    pub payload: Vec<u8>,
}

impl UnsignedEvent {
    /// Signs the event with the node's key, after checking the kind and payload fit the encoding.
    pub fn sign(self, key: &NodeKey) -> Result<Event, DecodeError> {
        check_kind(&self.kind)?;
        if self.payload.len() > MAX_PAYLOAD {
            return Err(DecodeError::PayloadTooLarge(self.payload.len()));
        }
        let mut event = Event {
            height: self.height,
            parent: self.parent,
            timestamp_ms: self.timestamp_ms,
            node: key.node_id(),
            kind: self.kind,
            payload: self.payload,
            signature: [0; SIGNATURE_LEN],
            hash: EventHash::ZERO,
        };
        let canonical = event.canonical_bytes();
        event.signature = key.sign_message(&canonical);
        event.hash = hash_of(&canonical, &event.signature);
        Ok(event)
    }
}

/// A signed event of a council record. Its hash is computed once, when it is signed or decoded.
#[derive(Clone, PartialEq, Eq)]
pub struct Event {
    pub height: u64,
    pub parent: EventHash,
    pub timestamp_ms: i64,
    pub node: NodeId,
    pub kind: String,
    pub payload: Vec<u8>,
    pub signature: [u8; SIGNATURE_LEN],
    hash: EventHash,
}

impl fmt::Debug for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Event")
            .field("height", &self.height)
            .field("kind", &self.kind)
            .field("hash", &self.hash)
            .field("payload_len", &self.payload.len())
            .finish_non_exhaustive()
    }
}

impl Event {
    pub fn hash(&self) -> EventHash {
        self.hash
    }

    /// The payload as text, when it is UTF-8 (kenes-council writes JSON).
    pub fn payload_text(&self) -> Option<&str> {
        std::str::from_utf8(&self.payload).ok()
    }

    /// The canonical bytes: the exact input of the signature (layout in the module documentation).
    pub fn canonical_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN + self.kind.len() + 4 + self.payload.len());
        out.extend_from_slice(EVENT_MAGIC);
        out.extend_from_slice(&self.height.to_be_bytes());
        out.extend_from_slice(&self.parent.0);
        out.extend_from_slice(&self.timestamp_ms.to_be_bytes());
        out.extend_from_slice(&self.node.0);
        // Both lengths were checked when the event was signed or decoded, so they fit their fields.
        out.extend_from_slice(&(self.kind.len() as u16).to_be_bytes());
        out.extend_from_slice(self.kind.as_bytes());
        out.extend_from_slice(&(self.payload.len() as u32).to_be_bytes());
        out.extend_from_slice(&self.payload);
        out
    }

    /// The wire form: canonical bytes followed by the signature.
    pub fn to_wire(&self) -> Vec<u8> {
        let mut out = self.canonical_bytes();
        out.extend_from_slice(&self.signature);
        out
    }

    /// Decodes the wire form. Checks the layout only; signatures and the chain are checked by `verify`.
    pub fn from_wire(bytes: &[u8]) -> Result<Event, DecodeError> {
        let mut reader = Reader { bytes, at: 0 };
        let magic = reader.take(EVENT_MAGIC.len(), "magic")?;
        if magic != EVENT_MAGIC {
            return Err(DecodeError::BadMagic);
        }
        let height = u64::from_be_bytes(reader.array("height")?);
        let parent = EventHash(reader.array("parent hash")?);
        let timestamp_ms = i64::from_be_bytes(reader.array("timestamp")?);
        let node = NodeId(reader.array("node key")?);
        let kind_len = u16::from_be_bytes(reader.array("kind length")?) as usize;
        if kind_len == 0 || kind_len > MAX_KIND {
            return Err(DecodeError::BadKind(format!("length {kind_len}")));
        }
        let kind_bytes = reader.take(kind_len, "kind")?;
        let kind =
            std::str::from_utf8(kind_bytes).map_err(|_| DecodeError::BadKind("not UTF-8".to_owned()))?.to_owned();
        check_kind(&kind)?;
        let payload_len = u32::from_be_bytes(reader.array("payload length")?) as usize;
        if payload_len > MAX_PAYLOAD {
            return Err(DecodeError::PayloadTooLarge(payload_len));
        }
        let payload = reader.take(payload_len, "payload")?.to_vec();
        let canonical_len = reader.at;
        let signature: [u8; SIGNATURE_LEN] = reader.array("signature")?;
        if reader.at != bytes.len() {
            return Err(DecodeError::TrailingBytes(bytes.len() - reader.at));
        }
        let hash = hash_of(&bytes[..canonical_len], &signature);
        Ok(Event { height, parent, timestamp_ms, node, kind, payload, signature, hash })
    }

    /// Checks this event's signature alone (`verify` checks many at once, faster).
    pub fn verify_signature(&self) -> bool {
        crate::signature::verify_one(&self.node, &self.canonical_bytes(), &self.signature)
    }
}

fn hash_of(canonical: &[u8], signature: &[u8; SIGNATURE_LEN]) -> EventHash {
    let mut hasher = Sha256::new();
    hasher.update(canonical);
    hasher.update(signature);
    EventHash(hasher.finalize().into())
}

fn check_kind(kind: &str) -> Result<(), DecodeError> {
    let valid_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-');
    if kind.is_empty() || kind.len() > MAX_KIND || !kind.chars().all(valid_char) {
        return Err(DecodeError::BadKind(kind.chars().take(80).collect()));
    }
    Ok(())
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize, what: &'static str) -> Result<&'a [u8], DecodeError> {
        let end = self.at.checked_add(len).filter(|end| *end <= self.bytes.len());
        let Some(end) = end else {
            return Err(DecodeError::Truncated { what, at: self.at });
        };
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], DecodeError> {
        let slice = self.take(N, what)?;
        let mut out = [0u8; N];
        out.copy_from_slice(slice);
        Ok(out)
    }
}
