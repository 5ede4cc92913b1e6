//! Storage: the only crate that knows SQL. SQLite by default; the backend is chosen in `Store::open` alone.
//! Also the node's write path (`Node`): check, sign, append durably, apply.
//!
//! Architecture Invariant: the `events` table is the only replicated data; accounts, sessions, links and contact
//! details live in node-local tables that no bundle or record ever contains.

mod archives;
mod backend;
mod error;
mod federation;
mod node;
mod peers;
mod pg;
mod sqlite;
pub mod transfer;

use std::path::{Path, PathBuf};

use kenes_record::{Event, EventHash};

pub use archives::{Archive, Kept};
pub use backend::{
    Account, AccountId, Backend, BallotPiece, CredentialBinding, LinkNotice, Session, SignedIn, SignedInReply, Token,
    TokenPurpose,
};
pub use error::{NodeError, StoreError};
pub use node::{ImportOutcome, Node, Slice};
pub use peers::{Fork, MAX_FORKS, MAX_PEERS, Peer, Witnessed};

/// Where a node keeps its data.
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    /// An SQLite database file.
    Sqlite(PathBuf),
    /// A PostgreSQL database (`postgres://user:password@host:port/database`) that several servers may share.
    Postgres(String),
}

impl std::fmt::Debug for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            // Never the password.
            Location::Postgres(url) => f.debug_tuple("Postgres").field(&pg::redact(url)).finish(),
        }
    }
}

/// For people: the file's path, or the URL without its password.
impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Sqlite(path) => write!(f, "{}", path.display()),
            Location::Postgres(url) => f.write_str(&pg::redact(url)),
        }
    }
}

impl Location {
    /// A `postgres://` or `postgresql://` URL names a PostgreSQL database; anything else is a data directory.
    pub fn parse(text: &str) -> Location {
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            Location::Postgres(text.to_owned())
        } else {
            Location::data_dir(Path::new(text))
        }
    }

    /// The default layout of a data directory: `DIR/kenes.sqlite3`.
    pub fn data_dir(dir: &Path) -> Location {
        Location::Sqlite(dir.join("kenes.sqlite3"))
    }
}

/// Creates a data directory readable by its owner alone (0700), and makes an existing one so: it holds the node's
/// signing key, password hashes, sessions, contacts and credentials not yet handed out.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir)
}

/// Creates the database file with mode 0600 before SQLite opens it (SQLite gives its `-wal` and `-shm` files the
/// database file's mode), and makes an existing one 0600 too.
fn private_file(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        std::fs::OpenOptions::new().create(true).append(true).mode(0o600).open(path)?;
        for suffix in ["", "-wal", "-shm"] {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            match std::fs::set_permissions(&name, std::fs::Permissions::from_mode(0o600)) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
                _ => {}
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

pub struct Store {
    backend: Box<dyn Backend>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Store")
    }
}

impl Store {
    /// Opens (and migrates) the store. The one place a backend is chosen.
    pub fn open(location: &Location) -> Result<Store, StoreError> {
        let backend: Box<dyn Backend> = match location {
            Location::Sqlite(path) => {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    private_dir(parent)
                        .map_err(|source| StoreError::DataDir { path: parent.display().to_string(), source })?;
                }
                private_file(path)
                    .map_err(|source| StoreError::DataDir { path: path.display().to_string(), source })?;
                Box::new(sqlite::SqliteBackend::open(path)?)
            }
            Location::Postgres(url) => Box::new(pg::PostgresBackend::open(url)?),
        };
        Ok(Store { backend })
    }

    pub fn backend(&self) -> &dyn Backend {
        self.backend.as_ref()
    }

    /// A council's events from a height on, decoded (layout only; `kenes_council::replay` verifies).
    pub fn load_events(&self, council: EventHash, from_height: u64) -> Result<Vec<Event>, StoreError> {
        self.load_event_range(council, from_height, u64::MAX)
    }

    /// A council's events with heights in `from_height..until_height`, decoded.
    pub fn load_event_range(
        &self,
        council: EventHash,
        from_height: u64,
        until_height: u64,
    ) -> Result<Vec<Event>, StoreError> {
        let wires = self.backend.load_wire(council, from_height, until_height)?;
        decode_wires(council, from_height, &wires)
    }
}

/// A council's events read from the database from `from_height` on, decoded (layout only).
pub(crate) fn decode_wires(council: EventHash, from_height: u64, wires: &[Vec<u8>]) -> Result<Vec<Event>, StoreError> {
    wires
        .iter()
        .enumerate()
        .map(|(offset, wire)| {
            Event::from_wire(wire).map_err(|source| StoreError::Corrupt {
                council,
                height: from_height + offset as u64,
                source,
            })
        })
        .collect()
}
