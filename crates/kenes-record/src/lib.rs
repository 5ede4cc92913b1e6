//! The council record: signed, hash-chained events, their canonical bytes, chain verification and bundles.
//!
//! Architecture Invariant: this crate does no I/O, no async and reads no clock; callers pass timestamps and keys in.
//! It knows nothing of what events mean: `kenes-council` gives kinds and payloads their meaning.

pub mod bundle;
pub mod checkpoint;
mod error;
mod event;
mod seal;
pub mod signature;
mod verify;

pub use error::{BundleError, ChainError, ChainProblem, DecodeError};
pub use event::{EVENT_MAGIC, Event, EventHash, MAX_KIND, MAX_PAYLOAD, NodeId, NodeKey, UnsignedEvent};
pub use seal::{SEAL_LEN, Seal};
pub use verify::{ChainStart, ChainSummary, verify_chain, verify_from};
