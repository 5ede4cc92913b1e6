//! Errors of the council layer: invalid input, commands the council's state does not allow, and bad records.

use thiserror::Error;

use kenes_record::{ChainError, DecodeError};

use crate::model::MemberId;

/// A value that does not pass validation at the edge.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Invalid {
    #[error("the {0} is empty")]
    Empty(&'static str),
    #[error("the {what} has {length} characters, more than the {max} allowed")]
    TooLong { what: &'static str, length: usize, max: usize },
    #[error("the {0} contains control characters")]
    ControlCharacter(&'static str),
    #[error(
        "unknown council kind {0:?}: expected workplace, neighbourhood, union, cooperative, federation or assembly"
    )]
    CouncilKind(String),
    #[error("unknown colour {0:?}: expected red, orange, amber, green, teal, blue, indigo, purple, pink or grey")]
    Colour(String),
    #[error("not an age recipient: expected \"age1\" and 58 characters of lower-case bech32")]
    AgeRecipient,
    #[error("not a node card: expected \"kenes-node:\", 64 hex digits of the node key, \":\" and the age recipient")]
    NodeCard,
    #[error("unknown role {0:?}: expected member, chair, secretary or observer")]
    Role(String),
    #[error("unsupported language {0:?}: expected one of en, ru, kk, es, pt, ko, nb")]
    Language(String),
    #[error("the {0} is not in its clean form (trailing spaces, CR or blank lines at either end)")]
    NotCanonical(&'static str),
    #[error("the {what} is {value}, more than the {max} allowed")]
    OutOfRange { what: &'static str, value: u64, max: u64 },
    #[error("{got} {what} given; between {min} and {max} are allowed")]
    Count { what: &'static str, min: usize, max: usize, got: usize },
    #[error("the {what} {value:?} appears twice")]
    Duplicate { what: &'static str, value: String },
}

/// A command the council's current state does not allow. Nothing was written.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Rejected {
    #[error("member {0} is not an active member of this council")]
    NotAMember(MemberId),
    #[error("member {0} may not do this: only a chair or a secretary may manage members")]
    NotAllowed(MemberId),
    #[error("a member named {0:?} already exists in this council")]
    DuplicateName(String),
    #[error("{0} nodes named to hold copies: at most 64 distinct nodes are allowed")]
    TooManyHolders(usize),
    #[error("the council must keep at least one chair or secretary")]
    LastManager,
    #[error("nothing to import")]
    EmptyImport,
    #[error("an import may hold at most {0} members")]
    ImportTooLarge(usize),
    #[error("a council is created only once, by its first event")]
    AlreadyCreated,
    #[error("member {0} already has that role")]
    Unchanged(MemberId),
    #[error("{0}")]
    Assembly(#[from] crate::assembly::Refused),
    #[error("{0}")]
    Election(#[from] crate::election::ElectionRefused),
    #[error("{0}")]
    Federation(#[from] crate::federation::FederationRefused),
    #[error("{0}")]
    Office(#[from] crate::offices::OfficeRefused),
    #[error("{0}")]
    Invalid(#[from] Invalid),
}

/// Why a record does not replay into a council.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ReplayError {
    #[error(transparent)]
    Chain(#[from] ChainError),
    #[error("event at height {height}: unknown event kind {kind:?}")]
    UnknownKind { height: u64, kind: String },
    #[error("event at height {height} ({kind}): its payload is not valid: {reason}")]
    BadPayload { height: u64, kind: String, reason: String },
    #[error("event at height {height} ({kind}) was not allowed by the council's state before it: {reason}")]
    NotAllowed { height: u64, kind: String, reason: Rejected },
    #[error("event at height {height}: the first event of a council must be council.created")]
    NotGenesis { height: u64 },
    #[error("event at height {0}: cannot be decoded: {1}")]
    Decode(u64, DecodeError),
}

impl ReplayError {
    /// The height of the first bad event.
    pub fn height(&self) -> u64 {
        match self {
            ReplayError::Chain(error) => error.height,
            ReplayError::UnknownKind { height, .. }
            | ReplayError::BadPayload { height, .. }
            | ReplayError::NotAllowed { height, .. }
            | ReplayError::NotGenesis { height }
            | ReplayError::Decode(height, _) => *height,
        }
    }
}
