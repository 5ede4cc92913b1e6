//! The SQLite backend: one file, WAL journal, `synchronous=FULL` so every commit is on disk before it returns.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use kenes_record::{Event, EventHash};

use crate::backend::{
    Account, AccountId, Backend, BallotPiece, CredentialBinding, LinkNotice, Session, Token, TokenPurpose,
    bind_in_order,
};
use crate::error::StoreError;
use crate::transfer::{self, CHUNK_ROWS, Kind, TABLES, Table, Value};

/// Migrations, applied in order on start; `PRAGMA user_version` says how many ran.
const MIGRATIONS: &[&str] = &[
    r#"
    -- The council records: the only replicated data. Everything below it is node-local.
    CREATE TABLE events (
        council BLOB NOT NULL,
        height INTEGER NOT NULL,
        hash BLOB NOT NULL,
        wire BLOB NOT NULL,
        PRIMARY KEY (council, height)
    ) WITHOUT ROWID;

    -- Node-local: never exported, never in a bundle.
    CREATE TABLE settings (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
    CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash TEXT,
        is_admin INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL
    );
    CREATE TABLE memberships (
        account INTEGER NOT NULL REFERENCES accounts(id),
        council BLOB NOT NULL,
        member INTEGER NOT NULL,
        PRIMARY KEY (council, member)
    ) WITHOUT ROWID;
    CREATE INDEX memberships_by_account ON memberships(account);
    CREATE TABLE sessions (
        token_hash BLOB PRIMARY KEY,
        account INTEGER NOT NULL REFERENCES accounts(id),
        csrf TEXT NOT NULL,
        expires_ms INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE tokens (
        token_hash BLOB PRIMARY KEY,
        purpose TEXT NOT NULL,
        council BLOB,
        member INTEGER,
        role TEXT,
        created_by INTEGER,
        account INTEGER,
        expires_ms INTEGER NOT NULL,
        used_ms INTEGER
    ) WITHOUT ROWID;
    CREATE TABLE contacts (
        council BLOB NOT NULL,
        member INTEGER NOT NULL,
        contact TEXT NOT NULL,
        PRIMARY KEY (council, member)
    ) WITHOUT ROWID;
"#,
    r#"
    -- Node-local: each election's Belenios archive as the pieces appended to it (the archive is their concatenation,
    -- public and verifiable on its own; the record holds its hashes), and its setup (trustees' ceremony, credentials
    -- not yet handed out).
    CREATE TABLE election_archive (
        council BLOB NOT NULL,
        number INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        bytes BLOB NOT NULL,
        PRIMARY KEY (council, number, seq)
    ) WITHOUT ROWID;
    CREATE TABLE election_setup (
        council BLOB NOT NULL,
        number INTEGER NOT NULL,
        setup BLOB NOT NULL,
        PRIMARY KEY (council, number)
    ) WITHOUT ROWID;
"#,
    r#"
    -- When each link was made, and until when an account's owner was told of sign-in links made for them.
    ALTER TABLE tokens ADD COLUMN created_ms INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE accounts ADD COLUMN links_seen_ms INTEGER NOT NULL DEFAULT 0;
    -- Links made before this migration have no time; nobody is warned of them as new.
    UPDATE accounts SET links_seen_ms = CAST(strftime('%s', 'now') AS INTEGER) * 1000;
    CREATE INDEX tokens_by_member ON tokens(council, member);
    -- Node-local: which member cast with which credential, so that a credential is one member's alone.
    CREATE TABLE election_voters (
        council BLOB NOT NULL,
        number INTEGER NOT NULL,
        credential TEXT NOT NULL,
        member INTEGER NOT NULL,
        PRIMARY KEY (council, number, credential),
        UNIQUE (council, number, member)
    ) WITHOUT ROWID;
"#,
    r#"
    -- Node-local: failed sign-ins in the last window, by throttle key (an address, or an address and a username),
    -- so that every server on one database counts the same failures.
    CREATE TABLE sign_in_failures (key TEXT NOT NULL, at_ms INTEGER NOT NULL);
    CREATE INDEX sign_in_failures_by_key ON sign_in_failures(key, at_ms);
    CREATE INDEX sign_in_failures_by_time ON sign_in_failures(at_ms);
"#,
];

/// Read-only connections beside the writer, so that looking up a session or a membership never waits behind a
/// write's flush to disk (WAL lets readers see the last committed state while a writer commits).
const READERS: usize = 4;

pub struct SqliteBackend {
    connection: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    next_reader: std::sync::atomic::AtomicUsize,
}

impl SqliteBackend {
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let mut connection = Connection::open(path).map_err(|e| StoreError::open(path, e))?;
        connection
            .execute_batch(
                "PRAGMA journal_mode = WAL;
                 PRAGMA synchronous = FULL;
                 PRAGMA secure_delete = ON;
                 PRAGMA foreign_keys = ON;
                 PRAGMA busy_timeout = 5000;",
            )
            .map_err(|e| StoreError::open(path, e))?;
        migrate(&mut connection).map_err(|e| StoreError::open(path, e))?;
        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            let reader = Connection::open_with_flags(
                path,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|e| StoreError::open(path, e))?;
            reader.execute_batch("PRAGMA busy_timeout = 5000;").map_err(|e| StoreError::open(path, e))?;
            readers.push(Mutex::new(reader));
        }
        Ok(SqliteBackend {
            connection: Mutex::new(connection),
            readers,
            next_reader: std::sync::atomic::AtomicUsize::new(0),
        })
    }

    /// Runs a read on one of the read-only connections: a free one if there is, else the next in turn.
    fn read<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T, StoreError> {
        for reader in &self.readers {
            if let Ok(guard) = reader.try_lock() {
                return f(&guard).map_err(StoreError::Sqlite);
            }
        }
        let index = self.next_reader.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % self.readers.len().max(1);
        match self.readers.get(index) {
            Some(reader) => {
                let guard = reader.lock().map_err(|_| StoreError::Poisoned)?;
                f(&guard).map_err(StoreError::Sqlite)
            }
            None => self.with(|connection| f(connection)),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut Connection) -> rusqlite::Result<T>) -> Result<T, StoreError> {
        let mut guard = self.connection.lock().map_err(|_| StoreError::Poisoned)?;
        f(&mut guard).map_err(StoreError::Sqlite)
    }
}

fn migrate(connection: &mut Connection) -> rusqlite::Result<()> {
    let version: usize = connection.query_row("PRAGMA user_version", [], |row| row.get::<_, i64>(0))? as usize;
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(version) {
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        transaction.execute_batch(migration)?;
        transaction.pragma_update(None, "user_version", (index + 1) as i64)?;
        transaction.commit()?;
    }
    Ok(())
}

/// Inserts piece `seq` of an election's archive; the primary key refuses a place already taken.
fn insert_piece(
    transaction: &rusqlite::Transaction<'_>,
    council: EventHash,
    number: u32,
    seq: u64,
    bytes: &[u8],
) -> rusqlite::Result<()> {
    transaction.execute(
        "INSERT INTO election_archive (council, number, seq, bytes) VALUES (?1, ?2, ?3, ?4)",
        params![&council.0[..], number, seq as i64, bytes],
    )?;
    Ok(())
}

fn insert_token(connection: &Connection, token_hash: &[u8; 32], token: &Token) -> rusqlite::Result<()> {
    connection
        .execute(
            "INSERT INTO tokens
             (token_hash, purpose, council, member, role, created_by, account, expires_ms, created_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                &token_hash[..],
                token.purpose.as_str(),
                token.council.map(|c| c.0.to_vec()),
                token.member,
                token.role,
                token.created_by.map(|a| a.0),
                token.account.map(|a| a.0),
                token.expires_ms,
                token.created_ms
            ],
        )
        .map(|_| ())
}

/// A refused place for an archive's piece (the primary key) as `StoreError::ArchiveMoved`.
fn piece_taken<T>(result: Result<T, StoreError>, council: EventHash, number: u32, seq: u64) -> Result<T, StoreError> {
    match result {
        Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(error, _)))
            if error.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            Err(StoreError::ArchiveMoved { council, number, seq })
        }
        other => other,
    }
}

fn row_to_account(row: &rusqlite::Row<'_>) -> rusqlite::Result<Account> {
    Ok(Account { id: AccountId(row.get(0)?), username: row.get(1)?, password_hash: row.get(2)?, is_admin: row.get(3)? })
}

fn row_to_token(row: &rusqlite::Row<'_>) -> rusqlite::Result<(String, Token)> {
    let purpose: String = row.get(0)?;
    let council: Option<Vec<u8>> = row.get(1)?;
    Ok((
        purpose.clone(),
        Token {
            purpose: TokenPurpose::Setup,
            council: council.and_then(|bytes| <[u8; 32]>::try_from(bytes).ok()).map(EventHash),
            member: row.get::<_, Option<i64>>(2)?.map(|m| m as u32),
            role: row.get(3)?,
            created_by: row.get::<_, Option<i64>>(4)?.map(AccountId),
            account: row.get::<_, Option<i64>>(5)?.map(AccountId),
            expires_ms: row.get(6)?,
            created_ms: row.get(7)?,
        },
    ))
}

impl Backend for SqliteBackend {
    fn append_events(&self, council: EventHash, events: &[Event]) -> Result<(), StoreError> {
        self.with(|connection| {
            let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            {
                let mut insert = transaction
                    .prepare_cached("INSERT INTO events (council, height, hash, wire) VALUES (?1, ?2, ?3, ?4)")?;
                for event in events {
                    insert.execute(params![
                        &council.0[..],
                        event.height as i64,
                        &event.hash().0[..],
                        event.to_wire()
                    ])?;
                }
            }
            transaction.commit()
        })
    }

    fn council_ids(&self) -> Result<Vec<EventHash>, StoreError> {
        self.with(|connection| {
            let mut statement = connection.prepare("SELECT council FROM events WHERE height = 0 ORDER BY council")?;
            let rows = statement.query_map([], |row| row.get::<_, Vec<u8>>(0))?;
            let mut ids = Vec::new();
            for row in rows {
                if let Ok(bytes) = <[u8; 32]>::try_from(row?) {
                    ids.push(EventHash(bytes));
                }
            }
            Ok(ids)
        })
    }

    fn load_wire(&self, council: EventHash, from_height: u64, until_height: u64) -> Result<Vec<Vec<u8>>, StoreError> {
        self.with(|connection| {
            let mut statement = connection.prepare(
                "SELECT wire FROM events WHERE council = ?1 AND height >= ?2 AND height < ?3 ORDER BY height",
            )?;
            let until = i64::try_from(until_height).unwrap_or(i64::MAX);
            let rows = statement.query_map(params![&council.0[..], from_height as i64, until], |row| row.get(0))?;
            rows.collect()
        })
    }

    fn event_count(&self, council: EventHash) -> Result<u64, StoreError> {
        self.with(|connection| {
            connection
                .query_row("SELECT COUNT(*) FROM events WHERE council = ?1", [&council.0[..]], |row| {
                    row.get::<_, i64>(0)
                })
                .map(|n| n as u64)
        })
    }

    fn setting(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.with(|connection| {
            connection.query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| row.get(0)).optional()
        })
    }

    fn set_setting(&self, key: &str, value: &[u8]) -> Result<(), StoreError> {
        self.with(|connection| {
            connection
                .execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)", params![key, value])
                .map(|_| ())
        })
    }

    fn set_setting_if_absent(&self, key: &str, value: &[u8]) -> Result<bool, StoreError> {
        self.with(|connection| {
            connection
                .execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?1, ?2)", params![key, value])
                .map(|n| n == 1)
        })
    }

    fn create_account(
        &self,
        username: &str,
        password_hash: Option<&str>,
        is_admin: bool,
        now_ms: i64,
    ) -> Result<AccountId, StoreError> {
        let result = self.with(|connection| {
            connection.execute(
                "INSERT INTO accounts (username, password_hash, is_admin, created_ms) VALUES (?1, ?2, ?3, ?4)",
                params![username, password_hash, is_admin, now_ms],
            )?;
            Ok(AccountId(connection.last_insert_rowid()))
        });
        match result {
            Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(error, _)))
                if error.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Err(StoreError::UsernameTaken(username.to_owned()))
            }
            other => other,
        }
    }

    fn account(&self, id: AccountId) -> Result<Option<Account>, StoreError> {
        self.read(|connection| {
            connection
                .query_row(
                    "SELECT id, username, password_hash, is_admin FROM accounts WHERE id = ?1",
                    [id.0],
                    row_to_account,
                )
                .optional()
        })
    }

    fn account_by_username(&self, username: &str) -> Result<Option<Account>, StoreError> {
        self.read(|connection| {
            connection
                .query_row(
                    "SELECT id, username, password_hash, is_admin FROM accounts WHERE username = ?1",
                    [username],
                    row_to_account,
                )
                .optional()
        })
    }

    fn account_count(&self) -> Result<u64, StoreError> {
        self.with(|connection| connection.query_row("SELECT COUNT(*) FROM accounts", [], |row| row.get::<_, i64>(0)))
            .map(|n| n as u64)
    }

    fn create_first_admin(
        &self,
        username: &str,
        password_hash: &str,
        now_ms: i64,
    ) -> Result<Option<AccountId>, StoreError> {
        self.with(|connection| {
            let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let inserted = transaction.execute(
                "INSERT INTO accounts (username, password_hash, is_admin, created_ms)
                 SELECT ?1, ?2, 1, ?3 WHERE NOT EXISTS (SELECT 1 FROM accounts)",
                params![username, password_hash, now_ms],
            )?;
            let id = (inserted == 1).then(|| AccountId(transaction.last_insert_rowid()));
            transaction.commit()?;
            Ok(id)
        })
    }

    fn links_made_for(&self, account: AccountId, since_ms: i64) -> Result<Vec<LinkNotice>, StoreError> {
        self.read(|connection| {
            let mut statement = connection.prepare_cached(
                "SELECT t.council, t.member, t.created_by, t.created_ms, t.used_ms, t.token_hash
                 FROM tokens t JOIN memberships m ON t.council = m.council AND t.member = m.member
                 WHERE m.account = ?1 AND t.purpose = 'signin' AND t.created_ms >= ?2
                 ORDER BY t.created_ms DESC LIMIT 50",
            )?;
            let rows = statement.query_map(params![account.0, since_ms], |row| {
                Ok((
                    row.get::<_, Vec<u8>>(0)?,
                    row.get::<_, u32>(1)?,
                    row.get::<_, Option<i64>>(2)?,
                    row.get::<_, i64>(3)?,
                    row.get::<_, Option<i64>>(4)?,
                    row.get::<_, Vec<u8>>(5)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (council, member, created_by, created_ms, used_ms, hash) = row?;
                if let (Ok(council), Ok(hash)) = (<[u8; 32]>::try_from(council), <[u8; 32]>::try_from(hash)) {
                    out.push(LinkNotice {
                        hash,
                        council: EventHash(council),
                        member,
                        created_by: created_by.map(AccountId),
                        created_ms,
                        used_ms,
                    });
                }
            }
            Ok(out)
        })
    }

    fn links_seen_ms(&self, account: AccountId) -> Result<i64, StoreError> {
        self.read(|connection| {
            connection
                .query_row("SELECT links_seen_ms FROM accounts WHERE id = ?1", [account.0], |row| row.get(0))
                .optional()
                .map(Option::unwrap_or_default)
        })
    }

    fn set_links_seen_ms(&self, account: AccountId, ms: i64) -> Result<(), StoreError> {
        self.with(|connection| {
            connection
                .execute(
                    "UPDATE accounts SET links_seen_ms = MAX(links_seen_ms, ?2) WHERE id = ?1",
                    params![account.0, ms],
                )
                .map(|_| ())
        })
    }

    fn set_password(
        &self,
        account: AccountId,
        password_hash: &str,
        keep_session: Option<&[u8; 32]>,
    ) -> Result<(), StoreError> {
        self.with(|connection| {
            let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            transaction
                .execute("UPDATE accounts SET password_hash = ?1 WHERE id = ?2", params![password_hash, account.0])?;
            let keep = keep_session.map(|hash| hash.to_vec()).unwrap_or_default();
            transaction
                .execute("DELETE FROM sessions WHERE account = ?1 AND token_hash != ?2", params![account.0, keep])?;
            transaction.commit()
        })
    }

    fn link_member(&self, account: AccountId, council: EventHash, member: u32) -> Result<(), StoreError> {
        self.with(|connection| {
            connection
                .execute(
                    "INSERT OR REPLACE INTO memberships (account, council, member) VALUES (?1, ?2, ?3)",
                    params![account.0, &council.0[..], member],
                )
                .map(|_| ())
        })
    }

    fn memberships(&self, account: AccountId) -> Result<Vec<(EventHash, u32)>, StoreError> {
        self.read(|connection| {
            let mut statement = connection.prepare("SELECT council, member FROM memberships WHERE account = ?1")?;
            let rows =
                statement.query_map([account.0], |row| Ok((row.get::<_, Vec<u8>>(0)?, row.get::<_, u32>(1)?)))?;
            let mut out = Vec::new();
            for row in rows {
                let (council, member) = row?;
                if let Ok(bytes) = <[u8; 32]>::try_from(council) {
                    out.push((EventHash(bytes), member));
                }
            }
            Ok(out)
        })
    }

    fn account_of_member(&self, council: EventHash, member: u32) -> Result<Option<AccountId>, StoreError> {
        self.read(|connection| {
            connection
                .query_row(
                    "SELECT account FROM memberships WHERE council = ?1 AND member = ?2",
                    params![&council.0[..], member],
                    |row| row.get(0).map(AccountId),
                )
                .optional()
        })
    }

    fn create_session(&self, token_hash: &[u8; 32], session: &Session) -> Result<(), StoreError> {
        self.with(|connection| {
            connection
                .execute(
                    "INSERT INTO sessions (token_hash, account, csrf, expires_ms) VALUES (?1, ?2, ?3, ?4)",
                    params![&token_hash[..], session.account.0, session.csrf, session.expires_ms],
                )
                .map(|_| ())
        })
    }

    fn session(&self, token_hash: &[u8; 32], now_ms: i64) -> Result<Option<Session>, StoreError> {
        self.read(|connection| {
            connection
                .query_row(
                    "SELECT account, csrf, expires_ms FROM sessions WHERE token_hash = ?1 AND expires_ms > ?2",
                    params![&token_hash[..], now_ms],
                    |row| Ok(Session { account: AccountId(row.get(0)?), csrf: row.get(1)?, expires_ms: row.get(2)? }),
                )
                .optional()
        })
    }

    fn delete_session(&self, token_hash: &[u8; 32]) -> Result<(), StoreError> {
        self.with(|connection| {
            connection.execute("DELETE FROM sessions WHERE token_hash = ?1", [&token_hash[..]]).map(|_| ())
        })
    }

    fn create_token(&self, token_hash: &[u8; 32], token: &Token) -> Result<(), StoreError> {
        self.with(|connection| insert_token(connection, token_hash, token))
    }

    fn replace_setup_token(&self, token_hash: &[u8; 32], token: &Token) -> Result<(), StoreError> {
        self.with(|connection| {
            let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            transaction.execute("DELETE FROM tokens WHERE purpose = ?1", params![TokenPurpose::Setup.as_str()])?;
            insert_token(&transaction, token_hash, token)?;
            transaction.commit()
        })
    }

    fn peek_token(&self, token_hash: &[u8; 32], now_ms: i64) -> Result<Option<Token>, StoreError> {
        let found = self.with(|connection| {
            connection
                .query_row(
                    "SELECT purpose, council, member, role, created_by, account, expires_ms, created_ms FROM tokens
                     WHERE token_hash = ?1 AND used_ms IS NULL AND expires_ms > ?2",
                    params![&token_hash[..], now_ms],
                    row_to_token,
                )
                .optional()
        })?;
        Ok(found.and_then(|(purpose, mut token)| {
            token.purpose = TokenPurpose::parse(&purpose)?;
            Some(token)
        }))
    }

    fn use_token(&self, token_hash: &[u8; 32], now_ms: i64) -> Result<bool, StoreError> {
        self.with(|connection| {
            connection
                .execute(
                    "UPDATE tokens SET used_ms = ?2 WHERE token_hash = ?1 AND used_ms IS NULL AND expires_ms > ?2",
                    params![&token_hash[..], now_ms],
                )
                .map(|n| n == 1)
        })
    }

    fn open_tokens(&self, council: EventHash, now_ms: i64) -> Result<Vec<([u8; 32], Token)>, StoreError> {
        let rows = self.with(|connection| {
            let mut statement = connection.prepare_cached(
                "SELECT purpose, council, member, role, created_by, account, expires_ms, created_ms, token_hash FROM tokens
                 WHERE council = ?1 AND used_ms IS NULL AND expires_ms > ?2 ORDER BY expires_ms, token_hash",
            )?;
            let rows = statement.query_map(params![&council.0[..], now_ms], |row| {
                Ok((row_to_token(row)?, row.get::<_, Vec<u8>>(8)?))
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })?;
        Ok(rows
            .into_iter()
            .filter_map(|((purpose, mut token), hash)| {
                token.purpose = TokenPurpose::parse(&purpose)?;
                Some((<[u8; 32]>::try_from(hash).ok()?, token))
            })
            .collect())
    }

    fn revoke_token(&self, council: EventHash, token_hash: &[u8; 32], now_ms: i64) -> Result<bool, StoreError> {
        self.with(|connection| {
            connection
                .execute(
                    "UPDATE tokens SET used_ms = ?3 WHERE token_hash = ?1 AND council = ?2 AND used_ms IS NULL
                     AND expires_ms > ?3",
                    params![&token_hash[..], &council.0[..], now_ms],
                )
                .map(|n| n == 1)
        })
    }

    fn set_contacts(&self, council: EventHash, contacts: &[(u32, String)]) -> Result<(), StoreError> {
        self.with(|connection| {
            let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            {
                let mut insert = transaction
                    .prepare_cached("INSERT OR REPLACE INTO contacts (council, member, contact) VALUES (?1, ?2, ?3)")?;
                for (member, contact) in contacts {
                    insert.execute(params![&council.0[..], member, contact])?;
                }
            }
            transaction.commit()
        })
    }

    fn append_election_archive(
        &self,
        council: EventHash,
        number: u32,
        seq: u64,
        bytes: &[u8],
    ) -> Result<(), StoreError> {
        let result = self.with(|connection| {
            let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            insert_piece(&transaction, council, number, seq, bytes)?;
            transaction.commit()
        });
        piece_taken(result, council, number, seq)
    }

    fn election_archive_counted(&self, council: EventHash, number: u32) -> Result<(Vec<u8>, u64), StoreError> {
        self.with(|connection| {
            let mut query = connection
                .prepare_cached("SELECT bytes FROM election_archive WHERE council = ?1 AND number = ?2 ORDER BY seq")?;
            let mut rows = query.query(params![&council.0[..], number])?;
            let mut archive = Vec::new();
            let mut pieces = 0u64;
            while let Some(row) = rows.next()? {
                let piece: Vec<u8> = row.get(0)?;
                archive.extend_from_slice(&piece);
                pieces += 1;
            }
            Ok((archive, pieces))
        })
    }

    fn election_archive_pieces_from(
        &self,
        council: EventHash,
        number: u32,
        from_seq: u64,
    ) -> Result<Vec<Vec<u8>>, StoreError> {
        self.read(|connection| {
            let mut statement = connection.prepare_cached(
                "SELECT bytes FROM election_archive WHERE council = ?1 AND number = ?2 AND seq >= ?3 \
                 ORDER BY seq LIMIT ?4",
            )?;
            let rows = statement.query_map(
                params![&council.0[..], number, from_seq as i64, crate::backend::MAX_PIECES_READ],
                |row| row.get::<_, Vec<u8>>(0),
            )?;
            rows.collect()
        })
    }

    fn election_archive_pieces(&self, council: EventHash, number: u32) -> Result<u64, StoreError> {
        self.with(|connection| {
            connection.query_row(
                "SELECT COALESCE(MAX(seq), -1) + 1 FROM election_archive WHERE council = ?1 AND number = ?2",
                params![&council.0[..], number],
                |row| row.get::<_, i64>(0).map(|n| n as u64),
            )
        })
    }

    fn set_election_setup(&self, council: EventHash, number: u32, setup: &[u8]) -> Result<(), StoreError> {
        self.with(|connection| {
            connection
                .execute(
                    "INSERT OR REPLACE INTO election_setup (council, number, setup) VALUES (?1, ?2, ?3)",
                    params![&council.0[..], number, setup],
                )
                .map(|_| ())
        })
    }

    fn election_setup(&self, council: EventHash, number: u32) -> Result<Option<Vec<u8>>, StoreError> {
        self.with(|connection| {
            connection
                .query_row(
                    "SELECT setup FROM election_setup WHERE council = ?1 AND number = ?2",
                    params![&council.0[..], number],
                    |row| row.get(0),
                )
                .optional()
        })
    }

    fn append_ballots(
        &self,
        council: EventHash,
        number: u32,
        seq: u64,
        ballots: &[BallotPiece<'_>],
    ) -> Result<Vec<CredentialBinding>, StoreError> {
        let result = self.with(|connection| {
            let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut stored = Vec::new();
            {
                // Two point lookups per ballot, each on its own key (an `OR` of the two would scan the election's
                // bindings).
                let mut by_credential = transaction.prepare_cached(
                    "SELECT credential, member FROM election_voters WHERE council = ?1 AND number = ?2 AND credential = ?3",
                )?;
                let mut by_member = transaction.prepare_cached(
                    "SELECT credential, member FROM election_voters WHERE council = ?1 AND number = ?2 AND member = ?3",
                )?;
                for (credential, member) in ballots.iter().filter_map(|ballot| ballot.voter) {
                    let row = |row: &rusqlite::Row<'_>| Ok((row.get::<_, String>(0)?, row.get::<_, u32>(1)?));
                    if let Some(found) =
                        by_credential.query_row(params![&council.0[..], number, credential], row).optional()?
                    {
                        stored.push(found);
                    }
                    if let Some(found) = by_member.query_row(params![&council.0[..], number, member], row).optional()? {
                        stored.push(found);
                    }
                }
            }
            let (answers, added) = bind_in_order(stored, ballots);
            if answers.iter().any(|binding| *binding != CredentialBinding::Bound) {
                return Ok(answers);
            }
            {
                let mut bind = transaction.prepare_cached(
                    "INSERT INTO election_voters (council, number, credential, member) VALUES (?1, ?2, ?3, ?4)",
                )?;
                for (credential, member) in &added {
                    bind.execute(params![&council.0[..], number, credential, member])?;
                }
            }
            for (place, ballot) in (seq..).zip(ballots) {
                insert_piece(&transaction, council, number, place, ballot.bytes)?;
            }
            transaction.commit()?;
            Ok(answers)
        });
        piece_taken(result, council, number, seq)
    }

    fn export(
        &self,
        sink: &mut dyn FnMut(&'static Table, Vec<transfer::Row>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        // An error of our own (a bad value, the sink's) stops the read through a placeholder SQLite error.
        let mut failed: Option<StoreError> = None;
        let result = self.read(|connection| {
            // One deferred transaction: every table is read from the same snapshot.
            connection.execute_batch("BEGIN")?;
            let outcome = export_tables(connection, sink, &mut failed);
            connection.execute_batch("COMMIT")?;
            outcome
        });
        match failed {
            Some(error) => Err(error),
            None => result,
        }
    }

    fn import(&self, table: &'static Table, rows: Vec<transfer::Row>) -> Result<(), StoreError> {
        self.with(|connection| {
            let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            {
                let mut statement = transaction.prepare_cached(&table.insert_sql(false))?;
                for row in &rows {
                    let values = row.iter().map(|value| match value {
                        Value::Null => rusqlite::types::Value::Null,
                        Value::Int(n) => rusqlite::types::Value::Integer(*n),
                        Value::Text(text) => rusqlite::types::Value::Text(text.clone()),
                        Value::Blob(bytes) => rusqlite::types::Value::Blob(bytes.clone()),
                    });
                    statement.execute(rusqlite::params_from_iter(values))?;
                }
            }
            transaction.commit()
        })
    }

    fn row_count(&self, table: &'static Table) -> Result<u64, StoreError> {
        self.read(|connection| connection.query_row(&table.count_sql(), [], |row| row.get::<_, i64>(0)))
            .map(|n| n as u64)
    }

    fn begin_sign_in(
        &self,
        keys: &[(&str, u32)],
        now_ms: i64,
        window_ms: i64,
        max_rows: u64,
    ) -> Result<Option<i64>, StoreError> {
        self.with(|connection| {
            let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let refused = count_sign_in(&transaction, keys, now_ms, window_ms, max_rows)?;
            if refused.is_none() {
                for (key, _) in keys {
                    transaction
                        .execute("INSERT INTO sign_in_failures (key, at_ms) VALUES (?1, ?2)", params![key, now_ms])?;
                }
            }
            transaction.commit()?;
            Ok(refused)
        })
    }

    fn forgive_sign_in(&self, cleared: &str, one_less: Option<&str>) -> Result<(), StoreError> {
        self.with(|connection| {
            let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            transaction.execute("DELETE FROM sign_in_failures WHERE key = ?1", [cleared])?;
            if let Some(key) = one_less {
                transaction.execute(
                    "DELETE FROM sign_in_failures WHERE rowid = \
                     (SELECT rowid FROM sign_in_failures WHERE key = ?1 ORDER BY at_ms DESC LIMIT 1)",
                    [key],
                )?;
            }
            transaction.commit()
        })
    }

    fn forget_deleted(&self) -> Result<(), StoreError> {
        self.with(|connection| {
            // TRUNCATE waits for readers of older snapshots (busy_timeout), then empties the log file.
            let busy: i64 = connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))?;
            if busy != 0 {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    Some("the write-ahead log could not be truncated: a reader held it".to_owned()),
                ));
            }
            Ok(())
        })
    }

    fn contact(&self, council: EventHash, member: u32) -> Result<Option<String>, StoreError> {
        self.with(|connection| {
            connection
                .query_row(
                    "SELECT contact FROM contacts WHERE council = ?1 AND member = ?2",
                    params![&council.0[..], member],
                    |row| row.get(0),
                )
                .optional()
        })
    }
}

/// Reads every table in key order into `sink`, a chunk at a time; an error of the store's own is left in `failed`.
fn export_tables(
    connection: &Connection,
    sink: &mut dyn FnMut(&'static Table, Vec<transfer::Row>) -> Result<(), StoreError>,
    failed: &mut Option<StoreError>,
) -> rusqlite::Result<()> {
    let mut stop = |error: StoreError| {
        *failed = Some(error);
        rusqlite::Error::InvalidQuery
    };
    for table in TABLES {
        let mut statement = connection.prepare(&table.select_sql(false))?;
        let mut rows = statement.query([])?;
        let mut chunk = Vec::with_capacity(CHUNK_ROWS);
        let mut number: u64 = 0;
        while let Some(row) = rows.next()? {
            number += 1;
            let mut values = Vec::with_capacity(table.columns.len());
            for (index, column) in table.columns.iter().enumerate() {
                use rusqlite::types::ValueRef;
                let value = match (column.kind, row.get_ref(index)?) {
                    (_, ValueRef::Null) => Value::Null,
                    (Kind::Int, ValueRef::Integer(n)) => Value::Int(n),
                    (Kind::Bool, ValueRef::Integer(n)) => Value::Int(i64::from(n != 0)),
                    (Kind::Text, ValueRef::Text(text)) => match std::str::from_utf8(text) {
                        Ok(text) => Value::Text(text.to_owned()),
                        Err(_) => return Err(stop(table.bad_value(index, number, "text that is not UTF-8"))),
                    },
                    (Kind::Blob, ValueRef::Blob(bytes)) => Value::Blob(bytes.to_vec()),
                    (_, other) => {
                        return Err(stop(table.bad_value(index, number, &format!("{:?}", other.data_type()))));
                    }
                };
                values.push(value);
            }
            chunk.push(values);
            if chunk.len() >= CHUNK_ROWS {
                sink(table, std::mem::take(&mut chunk)).map_err(&mut stop)?;
            }
        }
        if !chunk.is_empty() {
            sink(table, chunk).map_err(&mut stop)?;
        }
    }
    Ok(())
}

/// The throttle's count under each key (failures older than the window deleted first): `Some(wait)` when a key is
/// full (the milliseconds until its oldest failure leaves the window) or the table holds `max_rows` failures.
fn count_sign_in(
    transaction: &rusqlite::Transaction<'_>,
    keys: &[(&str, u32)],
    now_ms: i64,
    window_ms: i64,
    max_rows: u64,
) -> rusqlite::Result<Option<i64>> {
    transaction.execute("DELETE FROM sign_in_failures WHERE at_ms <= ?1", [now_ms - window_ms])?;
    let mut wait: i64 = 0;
    for (key, limit) in keys {
        let (count, oldest): (i64, Option<i64>) = transaction.query_row(
            "SELECT count(*), min(at_ms) FROM sign_in_failures WHERE key = ?1",
            [key],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        if count >= i64::from(*limit) {
            wait = wait.max(oldest.unwrap_or(now_ms) + window_ms - now_ms).max(1);
        }
    }
    if wait > 0 {
        return Ok(Some(wait));
    }
    let total: i64 = transaction.query_row("SELECT count(*) FROM sign_in_failures", [], |row| row.get(0))?;
    if total as u64 + keys.len() as u64 > max_rows {
        return Ok(Some(window_ms));
    }
    Ok(None)
}
