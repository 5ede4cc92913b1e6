//! Moving a node's data from one backend to another (`kenes migrate`): every table is copied row by row, in its
//! key's order, from one read snapshot of the source into a destination that must be empty; then the destination
//! is read back and each table compared with the source's by row count and SHA-256.
//!
//! The tables are listed here once ([`TABLES`]); both backends build their statements from that list, and a test
//! checks it against the tables the migrations create, so a table added later cannot be left behind.

use sha2::{Digest, Sha256};

use kenes_record::EventHash;

use crate::Store;
use crate::error::StoreError;
use crate::node::NODE_KEY_SETTING;

/// A column's type, as both backends store it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `INTEGER` / `BIGINT`.
    Int,
    /// `INTEGER` 0 or 1 in SQLite, `BOOLEAN` in PostgreSQL.
    Bool,
    Text,
    /// `BLOB` / `BYTEA`.
    Blob,
}

#[derive(Debug)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
}

/// A table of the schema: its columns and the columns of its primary key (the order rows are read in).
#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [Column],
    pub key: &'static [&'static str],
}

/// One stored value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
    Blob(Vec<u8>),
}

pub type Row = Vec<Value>;

macro_rules! columns {
    ($($name:ident: $kind:ident),* $(,)?) => {
        &[$(Column { name: stringify!($name), kind: Kind::$kind }),*]
    };
}

/// Every table of the schema, in an order that inserts an account before what refers to it.
pub const TABLES: &[Table] = &[
    Table {
        name: "events",
        columns: columns!(council: Blob, height: Int, hash: Blob, wire: Blob),
        key: &["council", "height"],
    },
    Table { name: "settings", columns: columns!(key: Text, value: Blob), key: &["key"] },
    Table {
        name: "accounts",
        columns: columns!(
            id: Int,
            username: Text,
            password_hash: Text,
            is_admin: Bool,
            created_ms: Int,
            links_seen_ms: Int
        ),
        key: &["id"],
    },
    Table {
        name: "memberships",
        columns: columns!(account: Int, council: Blob, member: Int),
        key: &["council", "member"],
    },
    Table {
        name: "sessions",
        columns: columns!(token_hash: Blob, account: Int, csrf: Text, expires_ms: Int),
        key: &["token_hash"],
    },
    Table {
        name: "tokens",
        columns: columns!(
            token_hash: Blob,
            purpose: Text,
            council: Blob,
            member: Int,
            role: Text,
            created_by: Int,
            account: Int,
            expires_ms: Int,
            used_ms: Int,
            created_ms: Int
        ),
        key: &["token_hash"],
    },
    Table {
        name: "contacts",
        columns: columns!(council: Blob, member: Int, contact: Text),
        key: &["council", "member"],
    },
    Table {
        name: "election_archive",
        columns: columns!(council: Blob, number: Int, seq: Int, bytes: Blob),
        key: &["council", "number", "seq"],
    },
    Table {
        name: "election_setup",
        columns: columns!(council: Blob, number: Int, setup: Blob),
        key: &["council", "number"],
    },
    Table {
        name: "election_voters",
        columns: columns!(council: Blob, number: Int, credential: Text, member: Int),
        key: &["council", "number", "credential"],
    },
    Table { name: "sign_in_failures", columns: columns!(key: Text, at_ms: Int), key: &["key", "at_ms"] },
];

/// Rows handed over at a time (an archive's pieces are mostly ballots of a few kilobytes; its first piece holds the
/// election's public credentials and may be megabytes).
pub(crate) const CHUNK_ROWS: usize = 256;

impl Table {
    fn column_list(&self) -> String {
        self.columns.iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
    }

    /// `SELECT` of every column in key order. Text keys compare byte by byte in both backends (`COLLATE "C"` in
    /// PostgreSQL, whose default collation follows the locale), so both read rows in the same order.
    pub(crate) fn select_sql(&self, postgres: bool) -> String {
        let order: Vec<String> = self
            .key
            .iter()
            .map(|key| {
                let text = self.columns.iter().any(|c| c.name == *key && c.kind == Kind::Text);
                if postgres && text { format!("{key} COLLATE \"C\"") } else { (*key).to_owned() }
            })
            .collect();
        format!("SELECT {} FROM {} ORDER BY {}", self.column_list(), self.name, order.join(", "))
    }

    pub(crate) fn insert_sql(&self, postgres: bool) -> String {
        let placeholders: Vec<String> =
            (1..=self.columns.len()).map(|i| if postgres { format!("${i}") } else { format!("?{i}") }).collect();
        format!("INSERT INTO {} ({}) VALUES ({})", self.name, self.column_list(), placeholders.join(", "))
    }

    pub(crate) fn count_sql(&self) -> String {
        format!("SELECT count(*) FROM {}", self.name)
    }

    /// The error for a value of the wrong type in row `row` (counted from 1 in key order).
    pub(crate) fn bad_value(&self, column: usize, row: u64, found: &str) -> StoreError {
        let column = self.columns.get(column).map(|c| (c.name, c.kind));
        StoreError::BadValue {
            table: self.name,
            column: column.map_or("?", |c| c.0),
            row,
            detail: format!("expected {:?}, found {found}", column.map(|c| c.1)),
        }
    }
}

/// What was copied from one table: rows, and the SHA-256 of their values in key order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Copied {
    pub table: &'static str,
    pub rows: u64,
    pub sha256: [u8; 32],
}

/// What [`transfer`] did: each table copied and checked, and the elections whose archives moved.
#[derive(Debug)]
pub struct Moved {
    pub tables: Vec<Copied>,
    pub elections: Vec<(EventHash, u32)>,
}

/// Row counts and digests of every table, as one backend reads them.
struct Digests {
    tables: Vec<(u64, Sha256)>,
}

impl Digests {
    fn new() -> Self {
        Digests { tables: TABLES.iter().map(|_| (0, Sha256::new())).collect() }
    }

    fn add(&mut self, table: &Table, rows: &[Row]) {
        let Some(index) = TABLES.iter().position(|t| t.name == table.name) else {
            return;
        };
        let Some((count, hasher)) = self.tables.get_mut(index) else {
            return;
        };
        for row in rows {
            *count += 1;
            for value in row {
                match value {
                    Value::Null => hasher.update([0]),
                    Value::Int(n) => {
                        hasher.update([1]);
                        hasher.update(n.to_be_bytes());
                    }
                    Value::Text(text) => {
                        hasher.update([2]);
                        hasher.update((text.len() as u64).to_be_bytes());
                        hasher.update(text.as_bytes());
                    }
                    Value::Blob(bytes) => {
                        hasher.update([3]);
                        hasher.update((bytes.len() as u64).to_be_bytes());
                        hasher.update(bytes);
                    }
                }
            }
        }
    }

    fn finish(self) -> Vec<Copied> {
        TABLES
            .iter()
            .zip(self.tables)
            .map(|(table, (rows, hasher))| Copied { table: table.name, rows, sha256: hasher.finalize().into() })
            .collect()
    }
}

/// Copies every table of `from` into `to`, which must hold nothing, then reads `to` back and compares it with what
/// was read from `from`, table by table. `progress` hears each table's name and the rows copied so far.
///
/// The source is read in one snapshot, so a node that keeps writing during the copy leaves a copy of one moment;
/// stop its servers first, or what they write afterwards stays behind. A copy that fails part-way leaves the rows
/// it wrote: the destination is then not empty, and a second attempt refuses it until it is emptied.
pub fn transfer(from: &Store, to: &Store, progress: &mut dyn FnMut(&'static str, u64)) -> Result<Moved, StoreError> {
    if from.backend().setting(NODE_KEY_SETTING)?.is_none() {
        return Err(StoreError::NotANode);
    }
    for table in TABLES {
        let rows = to.backend().row_count(table)?;
        if rows > 0 {
            return Err(StoreError::NotEmpty { table: table.name, rows });
        }
    }
    let mut source = Digests::new();
    let mut elections: Vec<(EventHash, u32)> = Vec::new();
    let mut copied: u64 = 0;
    let mut current = "";
    from.backend().export(&mut |table, rows| {
        if table.name != current {
            current = table.name;
            copied = 0;
        }
        if table.name == "election_archive" {
            for row in &rows {
                if let (Some(Value::Blob(council)), Some(Value::Int(number))) = (row.first(), row.get(1))
                    && let (Ok(council), Ok(number)) =
                        (<[u8; 32]>::try_from(council.as_slice()), u32::try_from(*number))
                    && elections.last() != Some(&(EventHash(council), number))
                {
                    elections.push((EventHash(council), number));
                }
            }
        }
        source.add(table, &rows);
        copied += rows.len() as u64;
        to.backend().import(table, rows)?;
        progress(table.name, copied);
        Ok(())
    })?;
    to.backend().finish_import()?;
    let mut destination = Digests::new();
    to.backend().export(&mut |table, rows| {
        destination.add(table, &rows);
        Ok(())
    })?;
    let (source, destination) = (source.finish(), destination.finish());
    for (read, written) in source.iter().zip(&destination) {
        if read != written {
            return Err(StoreError::CopyDiffers { table: read.table, read: read.rows, written: written.rows });
        }
    }
    Ok(Moved { tables: source, elections })
}
