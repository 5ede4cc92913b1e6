//! Errors of the store and of the node's write path.

use std::path::Path;

use thiserror::Error;

use kenes_council::{Rejected, ReplayError};
use kenes_record::{BundleError, DecodeError, EventHash};

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot open the database {path}: {source}")]
    Open {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot open the database {url}: {source}")]
    OpenPostgres {
        /// The URL without its password.
        url: String,
        #[source]
        source: postgres::Error,
    },
    #[error("database error: {0}")]
    Postgres(#[from] postgres::Error),
    #[error("election {number} of council {council} has a piece {seq} already: another server appended first")]
    ArchiveMoved { council: EventHash, number: u32, seq: u64 },
    #[error("another server appended to council {council} at height {height} first")]
    HeightTaken { council: EventHash, height: u64 },
    #[error("the database is busy: too many requests wait for it")]
    Busy,
    #[error("the database lock was poisoned by an earlier failure; restart kenes")]
    Poisoned,
    #[error("this node keeps no more {0}")]
    Full(&'static str),
    #[error("the username {0:?} is taken")]
    UsernameTaken(String),
    #[error("stored event at height {height} of council {council} cannot be decoded: {source}")]
    Corrupt {
        council: EventHash,
        height: u64,
        #[source]
        source: DecodeError,
    },
    #[error("the stored record of council {council} does not replay: {source}")]
    Replay {
        council: EventHash,
        #[source]
        source: ReplayError,
    },
    #[error("the source holds no kenes node (no node key): nothing to move")]
    NotANode,
    #[error("the destination is not empty (table {table} has {rows} rows): refusing to overwrite it")]
    NotEmpty { table: &'static str, rows: u64 },
    #[error(
        "table {table} differs after the copy: {read} rows read from the source, {written} at the destination (equal counts: their contents differ)"
    )]
    CopyDiffers { table: &'static str, read: u64, written: u64 },
    #[error("table {table}, row {row}, column {column}: {detail}")]
    BadValue { table: &'static str, column: &'static str, row: u64, detail: String },
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl StoreError {
    pub(crate) fn open(path: &Path, source: rusqlite::Error) -> Self {
        StoreError::Open { path: path.display().to_string(), source }
    }
}

/// Why the node could not carry out a command or an import.
#[derive(Debug, Error)]
pub enum NodeError {
    #[error("no council {0} on this node")]
    UnknownCouncil(String),
    #[error(transparent)]
    Rejected(#[from] Rejected),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the record is not valid: {0}")]
    Invalid(#[from] ReplayError),
    #[error(transparent)]
    Bundle(#[from] BundleError),
    #[error(
        "this node holds a different record of council {council} from height {height} on: the bundle forks from it and was refused"
    )]
    Fork { council: EventHash, height: u64 },
    #[error(
        "the events for council {council} start at height {first}, but this node holds {held}: nothing between was sent"
    )]
    Gap { council: EventHash, held: u64, first: u64 },
    #[error("the events are not council {0}'s")]
    OtherCouncil(EventHash),
    #[error("the event could not be encoded: {0}")]
    Encode(#[from] DecodeError),
}
