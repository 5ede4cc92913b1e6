//! Errors of the record: decoding, chain verification and bundles. Each says what was wrong and where.

use thiserror::Error;

use crate::event::{EventHash, MAX_PAYLOAD, NodeId};

/// An event's bytes do not follow the canonical layout.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("the event does not start with \"kenes-event-v1\"")]
    BadMagic,
    #[error("the event ends early: {what} at byte {at} is cut off")]
    Truncated { what: &'static str, at: usize },
    #[error("invalid event kind {0:?}: expected 1 to 64 characters of a-z, 0-9, '.', '_', '-'")]
    BadKind(String),
    #[error("the payload has {0} bytes, more than the {MAX_PAYLOAD} allowed")]
    PayloadTooLarge(usize),
    #[error("{0} unexpected bytes after the signature")]
    TrailingBytes(usize),
    #[error("{0:?} is not a hash: expected 64 hexadecimal digits")]
    BadHash(String),
}

/// Why a sequence of events is not a valid council record; `height` is the first bad event.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("event at height {height}: {problem}")]
pub struct ChainError {
    pub height: u64,
    pub problem: ChainProblem,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ChainProblem {
    #[error("the record is empty")]
    Empty,
    #[error("its height field says {found}, but it stands at height {expected}")]
    WrongHeight { expected: u64, found: u64 },
    #[error("its parent hash is {found}, but the event before it hashes to {expected}")]
    WrongParent { expected: EventHash, found: EventHash },
    #[error("it was written by node {found}, but this council's home node is {expected}")]
    ForeignNode { expected: NodeId, found: NodeId },
    #[error("its timestamp {found} is earlier than its parent's {parent}")]
    TimeWentBackwards { parent: i64, found: i64 },
    #[error("its signature does not verify")]
    BadSignature,
    #[error("it does not belong to this council: {0}")]
    Fork(String),
    #[error("the bundle's seal does not match: {0}")]
    Seal(String),
}

/// A bundle file could not be read.
#[derive(Debug, Error)]
pub enum BundleError {
    #[error("the bundle is empty")]
    Empty,
    #[error("not a kenes bundle: the file does not start with \"kenes-bundle-v1\"")]
    BadMagic,
    #[error("the bundle ends early: the event count is cut off")]
    TruncatedHeader,
    #[error("the bundle ends early: event at height {height} needs {needed} bytes, {remaining} remain")]
    Truncated { height: u64, needed: u64, remaining: u64 },
    #[error("the bundle says it holds {declared} events but only {found} follow")]
    MissingEvents { declared: u64, found: u64 },
    #[error("{0} unexpected bytes after the seal")]
    TrailingBytes(usize),
    #[error("the seal after the last event is missing or malformed")]
    BadSeal,
    #[error("event at height {height} (position {height} in the bundle) cannot be decoded: {source}")]
    Event {
        height: u64,
        #[source]
        source: DecodeError,
    },
    #[error("event at height {height} declares a length of {length} bytes, more than an event may have")]
    EventTooLarge { height: u64, length: u64 },
    #[error("the encrypted bundle could not be decrypted: {0}")]
    Decrypt(String),
    #[error("the bundle could not be encrypted: {0}")]
    Encrypt(String),
}

impl BundleError {
    /// The height of the event the problem lies in, when it lies in one.
    pub fn height(&self) -> Option<u64> {
        match self {
            BundleError::Truncated { height, .. }
            | BundleError::Event { height, .. }
            | BundleError::EventTooLarge { height, .. } => Some(*height),
            BundleError::MissingEvents { found, .. } => Some(*found),
            _ => None,
        }
    }
}
