//! The PostgreSQL backend: any number of kenes servers share one database.
//!
//! The `postgres` client blocks, and must not run on the web server's async threads, so its connections live on a
//! few worker threads of their own; a call hands its work to them through a bounded queue and waits for the answer.
//! Every transaction commits with `synchronous_commit = on`: a write is on the server's disk (and its synchronous
//! replicas') before the call returns. Appends of one council are serialized across servers by an advisory
//! transaction lock on the council, with the primary key `(council, height)` as the backstop
//! ([`StoreError::HeightTaken`]).

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};

use postgres::error::SqlState;
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, GenericClient, NoTls, Row, Statement, Transaction};

use kenes_record::{Event, EventHash};

use crate::backend::{
    Account, AccountId, Backend, BallotPiece, CredentialBinding, LinkNotice, Session, SignedIn, Token, TokenPurpose,
    bind_in_order,
};
use crate::error::StoreError;
use crate::transfer::{self, CHUNK_ROWS, Kind, TABLES, Table, Value};

/// Migrations, applied in order on start; the table `kenes_schema` says how many ran. The same steps as SQLite's.
const MIGRATIONS: &[&str] = &[
    r#"
    -- The council records: the only replicated data. Everything below it is node-local.
    CREATE TABLE events (
        council BYTEA NOT NULL,
        height BIGINT NOT NULL,
        hash BYTEA NOT NULL,
        wire BYTEA NOT NULL,
        PRIMARY KEY (council, height)
    );

    -- Node-local: never exported, never in a bundle.
    CREATE TABLE settings (key TEXT PRIMARY KEY, value BYTEA NOT NULL);
    CREATE TABLE accounts (
        id BIGSERIAL PRIMARY KEY,
        username TEXT NOT NULL,
        password_hash TEXT,
        is_admin BOOLEAN NOT NULL DEFAULT FALSE,
        created_ms BIGINT NOT NULL
    );
    CREATE UNIQUE INDEX accounts_by_username ON accounts (lower(username));
    CREATE TABLE memberships (
        account BIGINT NOT NULL REFERENCES accounts(id),
        council BYTEA NOT NULL,
        member BIGINT NOT NULL,
        PRIMARY KEY (council, member)
    );
    CREATE INDEX memberships_by_account ON memberships(account);
    CREATE TABLE sessions (
        token_hash BYTEA PRIMARY KEY,
        account BIGINT NOT NULL REFERENCES accounts(id),
        csrf TEXT NOT NULL,
        expires_ms BIGINT NOT NULL
    );
    CREATE TABLE tokens (
        token_hash BYTEA PRIMARY KEY,
        purpose TEXT NOT NULL,
        council BYTEA,
        member BIGINT,
        role TEXT,
        created_by BIGINT,
        account BIGINT,
        expires_ms BIGINT NOT NULL,
        used_ms BIGINT
    );
    CREATE TABLE contacts (
        council BYTEA NOT NULL,
        member BIGINT NOT NULL,
        contact TEXT NOT NULL,
        PRIMARY KEY (council, member)
    );
"#,
    r#"
    -- Node-local: each election's Belenios archive as the pieces appended to it, and its setup.
    CREATE TABLE election_archive (
        council BYTEA NOT NULL,
        number BIGINT NOT NULL,
        seq BIGINT NOT NULL,
        bytes BYTEA NOT NULL,
        PRIMARY KEY (council, number, seq)
    );
    CREATE TABLE election_setup (
        council BYTEA NOT NULL,
        number BIGINT NOT NULL,
        setup BYTEA NOT NULL,
        PRIMARY KEY (council, number)
    );
"#,
    r#"
    -- When each link was made, and until when an account's owner was told of sign-in links made for them.
    ALTER TABLE tokens ADD COLUMN created_ms BIGINT NOT NULL DEFAULT 0;
    ALTER TABLE accounts ADD COLUMN links_seen_ms BIGINT NOT NULL DEFAULT 0;
    UPDATE accounts SET links_seen_ms = (extract(epoch FROM now()) * 1000)::BIGINT;
    CREATE INDEX tokens_by_member ON tokens(council, member);
    -- Node-local: which member cast with which credential, so that a credential is one member's alone.
    CREATE TABLE election_voters (
        council BYTEA NOT NULL,
        number BIGINT NOT NULL,
        credential TEXT NOT NULL,
        member BIGINT NOT NULL,
        PRIMARY KEY (council, number, credential),
        UNIQUE (council, number, member)
    );
"#,
    r#"
    -- Node-local: failed sign-ins in the last window, by throttle key, so that every server counts the same failures.
    CREATE TABLE sign_in_failures (key TEXT NOT NULL, at_ms BIGINT NOT NULL);
    CREATE INDEX sign_in_failures_by_key ON sign_in_failures(key, at_ms);
    CREATE INDEX sign_in_failures_by_time ON sign_in_failures(at_ms);
"#,
];

/// The advisory lock every server takes while it migrates, so that two starting at once do not both migrate.
const MIGRATION_LOCK: i64 = 0x6b65_6e65_735f_6d67; // "kenes_mg"
/// Advisory locks of councils' appends and of elections' archives live in these two namespaces.
const EVENTS_LOCK: i32 = 0x6b65_6e65; // "kene"
const ARCHIVE_LOCK: i32 = 0x6b65_6172; // "kear"
const SIGN_IN_LOCK: i32 = 0x6b65_7369; // "kesi"

/// Connections, each on its own thread.
const WORKERS: usize = 8;
/// Calls waiting for a connection; beyond this a caller waits to queue (the queue is bounded like every other).
const QUEUE: usize = 256;

type Job = Box<dyn FnOnce(&mut Worker) + Send>;

/// One connection, made again when it was lost, with the statements prepared on it.
struct Worker {
    url: String,
    client: Option<Client>,
    /// The statements of the calls every request makes (see `run_prepared`), parsed and planned once per connection.
    statements: HashMap<&'static str, Statement>,
}

impl Worker {
    fn client(&mut self) -> Result<&mut Client, postgres::Error> {
        let client = match self.client.take() {
            Some(client) if !client.is_closed() => client,
            _ => {
                self.statements.clear();
                let mut client = Client::connect(&self.url, NoTls)?;
                client.batch_execute("SET synchronous_commit = on")?;
                client
            }
        };
        Ok(self.client.insert(client))
    }

    /// The connection and `sql` prepared on it.
    fn prepared(&mut self, sql: &'static str) -> Result<(&mut Client, Statement), postgres::Error> {
        self.client()?;
        let Worker { client: Some(client), statements, .. } = self else { unreachable!("`client` just connected") };
        let statement = match statements.get(sql) {
            Some(statement) => statement.clone(),
            None => {
                let statement = client.prepare(sql)?;
                statements.insert(sql, statement.clone());
                statement
            }
        };
        Ok((client, statement))
    }
}

pub struct PostgresBackend {
    jobs: SyncSender<Job>,
    /// For the listener's own connection.
    url: String,
    /// Dropped with the backend: its listener then stops.
    alive: Arc<()>,
}

impl PostgresBackend {
    /// Starts the workers, connects to `url` (`postgres://user:password@host:port/database`) and migrates. Safe to
    /// call from async code: nothing blocks on the caller's thread but the wait for the answer.
    pub fn open(url: &str) -> Result<Self, StoreError> {
        // tokio-postgres writes every statement's parameters (password hashes, credentials not yet handed out,
        // session tokens' CSRF) at its debug level through the `log` crate: records of that crate finer than info
        // are never made in a process that opens PostgreSQL, whatever the log filter asks (kenes itself logs through
        // `tracing`).
        if log::max_level() > log::LevelFilter::Info {
            log::set_max_level(log::LevelFilter::Info);
        }
        let (jobs, queue) = sync_channel::<Job>(QUEUE);
        let queue = Arc::new(Mutex::new(queue));
        for index in 0..WORKERS {
            let worker = Worker { url: url.to_owned(), client: None, statements: HashMap::new() };
            let queue = Arc::clone(&queue);
            std::thread::Builder::new()
                .name(format!("kenes-pg-{index}"))
                .spawn(move || work(worker, &queue))
                .map_err(|source| StoreError::DataDir { path: "(database worker thread)".into(), source })?;
        }
        let backend = PostgresBackend { jobs, url: url.to_owned(), alive: Arc::new(()) };
        backend.run(migrate).map_err(|error| match error {
            StoreError::Postgres(source) => StoreError::OpenPostgres { url: redact(url), source },
            other => other,
        })?;
        Ok(backend)
    }

    /// Runs `f` on a connection and waits for its answer.
    fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Client) -> Result<T, postgres::Error> + Send + 'static,
    ) -> Result<T, StoreError> {
        self.on_worker(move |worker| worker.client().and_then(f))
    }

    /// Hands `f` to a worker thread and waits for its answer.
    fn on_worker<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Worker) -> Result<T, postgres::Error> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (reply, answer) = sync_channel(1);
        let job: Job = Box::new(move |worker: &mut Worker| {
            let _ = reply.send(f(worker));
        });
        self.jobs.send(job).map_err(|_| StoreError::Poisoned)?;
        answer.recv().map_err(|_| StoreError::Poisoned)?.map_err(StoreError::from)
    }

    /// Hands `f` to a worker thread without waiting: the worker calls `reply` with its answer. When [`QUEUE`] jobs
    /// wait already, `reply` gets [`StoreError::Busy`] at once (an async caller must never wait for room).
    fn on_worker_then<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Worker) -> Result<T, postgres::Error> + Send + 'static,
        reply: impl FnOnce(Result<T, StoreError>) + Send + 'static,
    ) {
        // `reply` is taken by whichever runs: the worker, or this thread when the job is refused.
        let slot = Arc::new(Mutex::new(Some(reply)));
        let taken = Arc::clone(&slot);
        let job: Job = Box::new(move |worker: &mut Worker| {
            let answer = f(worker).map_err(StoreError::from);
            if let Some(reply) = taken.lock().ok().and_then(|mut slot| slot.take()) {
                reply(answer);
            }
        });
        if let Err(refused) = self.jobs.try_send(job) {
            let error = match refused {
                std::sync::mpsc::TrySendError::Full(_) => StoreError::Busy,
                std::sync::mpsc::TrySendError::Disconnected(_) => StoreError::Poisoned,
            };
            if let Some(reply) = slot.lock().ok().and_then(|mut slot| slot.take()) {
                reply(Err(error));
            }
        }
    }

    /// Runs `f` with `sql` prepared on the connection once (each request's session, account and membership reads:
    /// an unprepared statement costs a second round trip and a plan every time).
    fn run_prepared<T: Send + 'static>(
        &self,
        sql: &'static str,
        f: impl FnOnce(&mut Client, &Statement) -> Result<T, postgres::Error> + Send + 'static,
    ) -> Result<T, StoreError> {
        self.on_worker(move |worker| {
            let result = worker.prepared(sql).and_then(|(client, statement)| f(client, &statement));
            if result.is_err() {
                // Prepared again next time (a migration by a newer server can change what it returns).
                worker.statements.remove(sql);
            }
            result
        })
    }

    /// Runs `f` in a transaction (committed when `f` succeeds, rolled back otherwise).
    fn transaction<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Transaction<'_>) -> Result<T, postgres::Error> + Send + 'static,
    ) -> Result<T, StoreError> {
        self.run(move |client| {
            let mut transaction = client.transaction()?;
            let value = f(&mut transaction)?;
            transaction.commit()?;
            Ok(value)
        })
    }
}

/// Changes a listener holds for its node before it waits to hand over more (the node drains them as they come).
const LISTEN_QUEUE: usize = 4096;

/// Hands over the council of every `kenes_events` notification; on (re)connecting, every council, since
/// notifications sent while no connection listened are lost. Returns when the node stops listening or the backend
/// is dropped.
fn listen(url: &str, changes: &SyncSender<EventHash>, alive: &std::sync::Weak<()>) {
    loop {
        let connected = Client::connect(url, NoTls).and_then(|mut client| {
            client.batch_execute("LISTEN kenes_events")?;
            let rows = client.query("SELECT council FROM events WHERE height = 0", &[])?;
            Ok((client, rows))
        });
        match connected {
            Ok((mut client, rows)) => {
                for council in rows.into_iter().filter_map(|row| hash32(row.get(0))) {
                    if changes.send(EventHash(council)).is_err() {
                        return;
                    }
                }
                loop {
                    let next = client.notifications().timeout_iter(std::time::Duration::from_secs(2)).next();
                    match next {
                        Ok(Some(notification)) => {
                            if let Ok(council) = EventHash::from_hex(notification.payload())
                                && changes.send(council).is_err()
                            {
                                return;
                            }
                        }
                        Ok(None) if !client.is_closed() => {
                            if alive.upgrade().is_none() {
                                return;
                            }
                        }
                        Ok(None) | Err(_) => break,
                    }
                }
                tracing::warn!("lost the database's notifications; reconnecting");
            }
            Err(error) => tracing::warn!(%error, "cannot listen to the database; retrying"),
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

fn work(mut worker: Worker, queue: &Mutex<Receiver<Job>>) {
    loop {
        let job = match queue.lock() {
            Ok(queue) => match queue.recv() {
                Ok(job) => job,
                Err(_) => return,
            },
            Err(_) => return,
        };
        job(&mut worker);
    }
}

/// The URL with its password replaced, for messages: the one after the user name and any `password=` parameter.
pub(crate) fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (address, query) = match rest.split_once('?') {
        Some((address, query)) => (address, Some(query)),
        None => (rest, None),
    };
    let mut redacted = match address.rsplit_once('@') {
        Some((credentials, host)) if credentials.contains(':') => {
            let user = credentials.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}")
        }
        _ => format!("{scheme}://{address}"),
    };
    if let Some(query) = query {
        let parameters: Vec<String> = query
            .split('&')
            .map(|parameter| match parameter.split_once('=') {
                Some((name, _)) if name.eq_ignore_ascii_case("password") => format!("{name}=***"),
                _ => parameter.to_owned(),
            })
            .collect();
        redacted.push('?');
        redacted.push_str(&parameters.join("&"));
    }
    redacted
}

fn migrate(client: &mut Client) -> Result<(), postgres::Error> {
    client.execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])?;
    let result = (|| {
        client.batch_execute("CREATE TABLE IF NOT EXISTS kenes_schema (version INTEGER NOT NULL)")?;
        let version: i32 =
            client.query_opt("SELECT version FROM kenes_schema", &[])?.map(|row| row.get(0)).unwrap_or_default();
        for (index, migration) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            let mut transaction = client.transaction()?;
            transaction.batch_execute(migration)?;
            transaction.execute("DELETE FROM kenes_schema", &[])?;
            transaction.execute("INSERT INTO kenes_schema (version) VALUES ($1)", &[&((index + 1) as i32)])?;
            transaction.commit()?;
        }
        Ok(())
    })();
    client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK])?;
    result
}

/// The advisory-lock key of a council: its id's first eight bytes.
fn council_key(council: &EventHash) -> i32 {
    i32::from_be_bytes([council.0[0], council.0[1], council.0[2], council.0[3]])
}

fn hash32(bytes: Vec<u8>) -> Option<[u8; 32]> {
    <[u8; 32]>::try_from(bytes).ok()
}

fn member_of(value: i64) -> Option<u32> {
    u32::try_from(value).ok()
}

/// Events as `INSERT … SELECT … FROM unnest(…)` takes them: one statement for a whole batch.
struct EventRows {
    heights: Vec<i64>,
    hashes: Vec<Vec<u8>>,
    wires: Vec<Vec<u8>>,
}

impl EventRows {
    fn of(events: &[Event]) -> EventRows {
        EventRows {
            heights: events.iter().map(|e| i64::try_from(e.height).unwrap_or(i64::MAX)).collect(),
            hashes: events.iter().map(|e| e.hash().0.to_vec()).collect(),
            wires: events.iter().map(Event::to_wire).collect(),
        }
    }
}

enum LockedError {
    Postgres(postgres::Error),
    /// The thread that asked stopped waiting: nothing is written.
    CallerGone,
}

impl From<postgres::Error> for LockedError {
    fn from(error: postgres::Error) -> Self {
        LockedError::Postgres(error)
    }
}

/// The worker's side of `append_locked`: takes the council's lock, sends the wire bytes of the events from `from` on,
/// and writes the rows that come back (with the notification to the other servers), or rolls back on `None`.
fn locked_append(
    worker: &mut Worker,
    council: EventHash,
    from: i64,
    newer: &SyncSender<Result<Vec<Vec<u8>>, StoreError>>,
    rows: &Receiver<Option<EventRows>>,
) -> Result<bool, LockedError> {
    let client = worker.client()?;
    let mut transaction = client.transaction()?;
    transaction.execute("SELECT pg_advisory_xact_lock($1, $2)", &[&EVENTS_LOCK, &council_key(&council)])?;
    let read = transaction.query(
        "SELECT wire FROM events WHERE council = $1 AND height >= $2 ORDER BY height",
        &[&&council.0[..], &from],
    )?;
    if newer.send(Ok(read.into_iter().map(|row| row.get(0)).collect())).is_err() {
        return Err(LockedError::CallerGone);
    }
    let Some(rows) = rows.recv().map_err(|_| LockedError::CallerGone)? else {
        // Nothing to write: the transaction rolls back as it is dropped.
        return Ok(false);
    };
    transaction.execute(
        "INSERT INTO events (council, height, hash, wire) SELECT $1, * FROM unnest($2::BIGINT[], $3::BYTEA[], $4::BYTEA[])",
        &[&&council.0[..], &rows.heights, &rows.hashes, &rows.wires],
    )?;
    transaction.execute("SELECT pg_notify('kenes_events', $1)", &[&council.to_hex()])?;
    transaction.commit()?;
    Ok(true)
}

/// A session, its account and the account's memberships, in one prepared statement (one row per membership, or
/// one with no membership).
fn signed_in(worker: &mut Worker, hash: &[u8; 32], now_ms: i64) -> Result<Option<SignedIn>, postgres::Error> {
    const SQL: &str =
        "SELECT s.account, s.csrf, s.expires_ms, a.username, a.password_hash, a.is_admin, m.council, m.member
         FROM sessions s LEFT JOIN accounts a ON a.id = s.account LEFT JOIN memberships m ON m.account = a.id
         WHERE s.token_hash = $1 AND s.expires_ms > $2";
    let result = worker.prepared(SQL).and_then(|(client, statement)| client.query(&statement, &[&&hash[..], &now_ms]));
    let rows = match result {
        Ok(rows) => rows,
        Err(error) => {
            worker.statements.remove(SQL);
            return Err(error);
        }
    };
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let session = Session { account: AccountId(first.get(0)), csrf: first.get(1), expires_ms: first.get(2) };
    let account = first.get::<_, Option<String>>(3).map(|username| Account {
        id: session.account,
        username,
        password_hash: first.get(4),
        is_admin: first.get(5),
    });
    let memberships = rows
        .iter()
        .filter_map(|row| {
            let council = hash32(row.get::<_, Option<Vec<u8>>>(6)?)?;
            Some((EventHash(council), member_of(row.get::<_, Option<i64>>(7)?)?))
        })
        .collect();
    Ok(Some(SignedIn { session, account, memberships }))
}

fn row_to_account(row: &Row) -> Account {
    Account { id: AccountId(row.get(0)), username: row.get(1), password_hash: row.get(2), is_admin: row.get(3) }
}

fn row_to_token(row: &Row) -> Option<Token> {
    Some(Token {
        purpose: TokenPurpose::parse(row.get::<_, &str>(0))?,
        council: row.get::<_, Option<Vec<u8>>>(1).and_then(hash32).map(EventHash),
        member: row.get::<_, Option<i64>>(2).and_then(member_of),
        role: row.get(3),
        created_by: row.get::<_, Option<i64>>(4).map(AccountId),
        account: row.get::<_, Option<i64>>(5).map(AccountId),
        expires_ms: row.get(6),
        created_ms: row.get(7),
    })
}

const TOKEN_COLUMNS: &str = "purpose, council, member, role, created_by, account, expires_ms, created_ms";

/// Inserts piece `seq` of an election's archive; the primary key refuses a place another server took.
fn insert_piece(
    transaction: &mut Transaction<'_>,
    council: &[u8],
    number: i64,
    seq: u64,
    bytes: &[u8],
) -> Result<(), postgres::Error> {
    let seq = i64::try_from(seq).unwrap_or(i64::MAX);
    transaction.execute(
        "INSERT INTO election_archive (council, number, seq, bytes) VALUES ($1, $2, $3, $4)",
        &[&council, &number, &seq, &bytes],
    )?;
    Ok(())
}

fn insert_token(client: &mut impl GenericClient, token_hash: &[u8; 32], token: &Token) -> Result<(), postgres::Error> {
    client.execute(
        "INSERT INTO tokens
         (token_hash, purpose, council, member, role, created_by, account, expires_ms, created_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        &[
            &&token_hash[..],
            &token.purpose.as_str(),
            &token.council.map(|c| c.0.to_vec()),
            &token.member.map(i64::from),
            &token.role,
            &token.created_by.map(|a| a.0),
            &token.account.map(|a| a.0),
            &token.expires_ms,
            &token.created_ms,
        ],
    )?;
    Ok(())
}

/// A refused place for an archive's piece (the primary key) as `StoreError::ArchiveMoved`.
fn piece_taken<T>(result: Result<T, StoreError>, council: EventHash, number: u32, seq: u64) -> Result<T, StoreError> {
    match result {
        Err(StoreError::Postgres(error)) if error.code() == Some(&SqlState::UNIQUE_VIOLATION) => {
            Err(StoreError::ArchiveMoved { council, number, seq })
        }
        other => other,
    }
}

impl Backend for PostgresBackend {
    fn append_events(&self, council: EventHash, events: &[Event]) -> Result<(), StoreError> {
        let rows: Vec<(i64, Vec<u8>, Vec<u8>)> =
            events.iter().map(|e| (e.height as i64, e.hash().0.to_vec(), e.to_wire())).collect();
        let first = events.first().map(|e| e.height).unwrap_or_default();
        let result = self.transaction(move |transaction| {
            // One writer per council across servers; the primary key refuses a height already taken.
            transaction.execute("SELECT pg_advisory_xact_lock($1, $2)", &[&EVENTS_LOCK, &council_key(&council)])?;
            let statement =
                transaction.prepare("INSERT INTO events (council, height, hash, wire) VALUES ($1, $2, $3, $4)")?;
            for (height, hash, wire) in &rows {
                transaction.execute(&statement, &[&&council.0[..], height, hash, wire])?;
            }
            transaction.execute("SELECT pg_notify('kenes_events', $1)", &[&council.to_hex()])?;
            Ok(())
        });
        match result {
            Err(StoreError::Postgres(error)) if error.code() == Some(&SqlState::UNIQUE_VIOLATION) => {
                Err(StoreError::HeightTaken { council, height: first })
            }
            other => other,
        }
    }

    fn append_locked(
        &self,
        council: EventHash,
        from_height: u64,
        prepare: &mut dyn FnMut(Vec<Vec<u8>>) -> Option<Vec<Event>>,
    ) -> Result<bool, StoreError> {
        // One transaction on a worker, in two steps: lock and read what is newer (sent here), then write what
        // `prepare` made of it on this thread (sent back), or roll back on `None`.
        let from = i64::try_from(from_height).unwrap_or(i64::MAX);
        let (newer_tx, newer_rx) = sync_channel::<Result<Vec<Vec<u8>>, StoreError>>(1);
        let (rows_tx, rows_rx) = sync_channel::<Option<EventRows>>(1);
        let (done_tx, done_rx) = sync_channel::<Result<bool, StoreError>>(1);
        let job: Job = Box::new(move |worker: &mut Worker| {
            let done = locked_append(worker, council, from, &newer_tx, &rows_rx);
            let _ = done_tx.send(done.map_err(|error| match error {
                LockedError::Postgres(error) if error.code() == Some(&SqlState::UNIQUE_VIOLATION) => {
                    StoreError::HeightTaken { council, height: from_height }
                }
                LockedError::Postgres(error) => StoreError::Postgres(error),
                LockedError::CallerGone => StoreError::Poisoned,
            }));
        });
        self.jobs.send(job).map_err(|_| StoreError::Poisoned)?;
        let newer = match newer_rx.recv() {
            Ok(newer) => newer?,
            // The job failed before it read: its error comes on `done`.
            Err(_) => return done_rx.recv().map_err(|_| StoreError::Poisoned)?,
        };
        let rows = prepare(newer).filter(|events| !events.is_empty()).map(|events| EventRows::of(&events));
        let _ = rows_tx.send(rows);
        done_rx.recv().map_err(|_| StoreError::Poisoned)?
    }

    fn council_ids(&self) -> Result<Vec<EventHash>, StoreError> {
        self.run(|client| {
            let rows = client.query("SELECT council FROM events WHERE height = 0 ORDER BY council", &[])?;
            Ok(rows.into_iter().filter_map(|row| hash32(row.get(0)).map(EventHash)).collect())
        })
    }

    fn load_wire(&self, council: EventHash, from_height: u64, until_height: u64) -> Result<Vec<Vec<u8>>, StoreError> {
        let from = i64::try_from(from_height).unwrap_or(i64::MAX);
        let until = i64::try_from(until_height).unwrap_or(i64::MAX);
        self.run(move |client| {
            let rows = client.query(
                "SELECT wire FROM events WHERE council = $1 AND height >= $2 AND height < $3 ORDER BY height",
                &[&&council.0[..], &from, &until],
            )?;
            Ok(rows.into_iter().map(|row| row.get(0)).collect())
        })
    }

    fn event_count(&self, council: EventHash) -> Result<u64, StoreError> {
        self.run(move |client| {
            let row = client.query_one("SELECT COUNT(*) FROM events WHERE council = $1", &[&&council.0[..]])?;
            Ok(row.get::<_, i64>(0) as u64)
        })
    }

    fn setting(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let key = key.to_owned();
        self.run(move |client| {
            Ok(client.query_opt("SELECT value FROM settings WHERE key = $1", &[&key])?.map(|row| row.get(0)))
        })
    }

    fn set_setting(&self, key: &str, value: &[u8]) -> Result<(), StoreError> {
        let (key, value) = (key.to_owned(), value.to_vec());
        self.run(move |client| {
            client.execute(
                "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = $2",
                &[&key, &value],
            )?;
            Ok(())
        })
    }

    fn set_setting_if_absent(&self, key: &str, value: &[u8]) -> Result<bool, StoreError> {
        let (key, value) = (key.to_owned(), value.to_vec());
        self.run(move |client| {
            let n = client
                .execute("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING", &[&key, &value])?;
            Ok(n == 1)
        })
    }

    fn create_account(
        &self,
        username: &str,
        password_hash: Option<&str>,
        is_admin: bool,
        now_ms: i64,
    ) -> Result<AccountId, StoreError> {
        let (name, hash) = (username.to_owned(), password_hash.map(str::to_owned));
        let result = self.run(move |client| {
            let row = client.query_one(
                "INSERT INTO accounts (username, password_hash, is_admin, created_ms) VALUES ($1, $2, $3, $4) \
                 RETURNING id",
                &[&name, &hash, &is_admin, &now_ms],
            )?;
            Ok(AccountId(row.get(0)))
        });
        match result {
            Err(StoreError::Postgres(error)) if error.code() == Some(&SqlState::UNIQUE_VIOLATION) => {
                Err(StoreError::UsernameTaken(username.to_owned()))
            }
            other => other,
        }
    }

    fn account(&self, id: AccountId) -> Result<Option<Account>, StoreError> {
        self.run_prepared(
            "SELECT id, username, password_hash, is_admin FROM accounts WHERE id = $1",
            move |client, sql| Ok(client.query_opt(sql, &[&id.0])?.map(|row| row_to_account(&row))),
        )
    }

    fn account_by_username(&self, username: &str) -> Result<Option<Account>, StoreError> {
        let name = username.to_owned();
        self.run(move |client| {
            Ok(client
                .query_opt(
                    "SELECT id, username, password_hash, is_admin FROM accounts WHERE lower(username) = lower($1)",
                    &[&name],
                )?
                .map(|row| row_to_account(&row)))
        })
    }

    fn account_count(&self) -> Result<u64, StoreError> {
        self.run(|client| Ok(client.query_one("SELECT COUNT(*) FROM accounts", &[])?.get::<_, i64>(0) as u64))
    }

    fn create_first_admin(
        &self,
        username: &str,
        password_hash: &str,
        now_ms: i64,
    ) -> Result<Option<AccountId>, StoreError> {
        let (name, hash) = (username.to_owned(), password_hash.to_owned());
        self.transaction(move |transaction| {
            // The table lock makes "no account yet" and the insert one step across servers.
            transaction.batch_execute("LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE")?;
            let row = transaction.query_opt(
                "INSERT INTO accounts (username, password_hash, is_admin, created_ms)
                 SELECT $1, $2, TRUE, $3 WHERE NOT EXISTS (SELECT 1 FROM accounts) RETURNING id",
                &[&name, &hash, &now_ms],
            )?;
            Ok(row.map(|row| AccountId(row.get(0))))
        })
    }

    fn links_made_for(&self, account: AccountId, since_ms: i64) -> Result<Vec<LinkNotice>, StoreError> {
        self.run(move |client| {
            let rows = client.query(
                "SELECT t.council, t.member, t.created_by, t.created_ms, t.used_ms, t.token_hash
                 FROM tokens t JOIN memberships m ON t.council = m.council AND t.member = m.member
                 WHERE m.account = $1 AND t.purpose = 'signin' AND t.created_ms >= $2
                 ORDER BY t.created_ms DESC LIMIT 50",
                &[&account.0, &since_ms],
            )?;
            Ok(rows
                .into_iter()
                .filter_map(|row| {
                    Some(LinkNotice {
                        council: EventHash(hash32(row.get(0))?),
                        member: member_of(row.get(1))?,
                        created_by: row.get::<_, Option<i64>>(2).map(AccountId),
                        created_ms: row.get(3),
                        used_ms: row.get(4),
                        hash: hash32(row.get(5))?,
                    })
                })
                .collect())
        })
    }

    fn links_seen_ms(&self, account: AccountId) -> Result<i64, StoreError> {
        self.run(move |client| {
            Ok(client
                .query_opt("SELECT links_seen_ms FROM accounts WHERE id = $1", &[&account.0])?
                .map(|row| row.get(0))
                .unwrap_or_default())
        })
    }

    fn set_links_seen_ms(&self, account: AccountId, ms: i64) -> Result<(), StoreError> {
        self.run(move |client| {
            client.execute(
                "UPDATE accounts SET links_seen_ms = GREATEST(links_seen_ms, $2) WHERE id = $1",
                &[&account.0, &ms],
            )?;
            Ok(())
        })
    }

    fn set_password(
        &self,
        account: AccountId,
        password_hash: &str,
        keep_session: Option<&[u8; 32]>,
    ) -> Result<(), StoreError> {
        let hash = password_hash.to_owned();
        let keep = keep_session.map(|hash| hash.to_vec()).unwrap_or_default();
        self.transaction(move |transaction| {
            transaction.execute("UPDATE accounts SET password_hash = $1 WHERE id = $2", &[&hash, &account.0])?;
            transaction
                .execute("DELETE FROM sessions WHERE account = $1 AND token_hash != $2", &[&account.0, &keep])?;
            Ok(())
        })
    }

    fn link_member(&self, account: AccountId, council: EventHash, member: u32) -> Result<(), StoreError> {
        self.run(move |client| {
            client.execute(
                "INSERT INTO memberships (account, council, member) VALUES ($1, $2, $3)
                 ON CONFLICT (council, member) DO UPDATE SET account = $1",
                &[&account.0, &&council.0[..], &i64::from(member)],
            )?;
            Ok(())
        })
    }

    fn memberships(&self, account: AccountId) -> Result<Vec<(EventHash, u32)>, StoreError> {
        self.run_prepared("SELECT council, member FROM memberships WHERE account = $1", move |client, sql| {
            let rows = client.query(sql, &[&account.0])?;
            Ok(rows
                .into_iter()
                .filter_map(|row| Some((EventHash(hash32(row.get(0))?), member_of(row.get(1))?)))
                .collect())
        })
    }

    fn account_of_member(&self, council: EventHash, member: u32) -> Result<Option<AccountId>, StoreError> {
        self.run(move |client| {
            Ok(client
                .query_opt(
                    "SELECT account FROM memberships WHERE council = $1 AND member = $2",
                    &[&&council.0[..], &i64::from(member)],
                )?
                .map(|row| AccountId(row.get(0))))
        })
    }

    fn create_session(&self, token_hash: &[u8; 32], session: &Session) -> Result<(), StoreError> {
        let (hash, session) = (*token_hash, session.clone());
        self.run(move |client| {
            client.execute(
                "INSERT INTO sessions (token_hash, account, csrf, expires_ms) VALUES ($1, $2, $3, $4)",
                &[&&hash[..], &session.account.0, &session.csrf, &session.expires_ms],
            )?;
            Ok(())
        })
    }

    fn signed_in(&self, token_hash: &[u8; 32], now_ms: i64) -> Result<Option<SignedIn>, StoreError> {
        let hash = *token_hash;
        self.on_worker(move |worker| signed_in(worker, &hash, now_ms))
    }

    fn signed_in_then(&self, token_hash: &[u8; 32], now_ms: i64, reply: crate::backend::SignedInReply) {
        let hash = *token_hash;
        self.on_worker_then(move |worker| signed_in(worker, &hash, now_ms), reply);
    }

    fn session(&self, token_hash: &[u8; 32], now_ms: i64) -> Result<Option<Session>, StoreError> {
        let hash = *token_hash;
        let sql = "SELECT account, csrf, expires_ms FROM sessions WHERE token_hash = $1 AND expires_ms > $2";
        self.run_prepared(sql, move |client, sql| {
            Ok(client.query_opt(sql, &[&&hash[..], &now_ms])?.map(|row| Session {
                account: AccountId(row.get(0)),
                csrf: row.get(1),
                expires_ms: row.get(2),
            }))
        })
    }

    fn delete_session(&self, token_hash: &[u8; 32]) -> Result<(), StoreError> {
        let hash = *token_hash;
        self.run(move |client| {
            client.execute("DELETE FROM sessions WHERE token_hash = $1", &[&&hash[..]])?;
            Ok(())
        })
    }

    fn create_token(&self, token_hash: &[u8; 32], token: &Token) -> Result<(), StoreError> {
        let (hash, token) = (*token_hash, token.clone());
        self.run(move |client| insert_token(client, &hash, &token))
    }

    fn replace_setup_token(&self, token_hash: &[u8; 32], token: &Token) -> Result<(), StoreError> {
        let (hash, token) = (*token_hash, token.clone());
        self.transaction(move |transaction| {
            transaction.execute("DELETE FROM tokens WHERE purpose = $1", &[&TokenPurpose::Setup.as_str()])?;
            insert_token(transaction, &hash, &token)
        })
    }

    fn peek_token(&self, token_hash: &[u8; 32], now_ms: i64) -> Result<Option<Token>, StoreError> {
        let hash = *token_hash;
        self.run(move |client| {
            let row = client.query_opt(
                &format!(
                    "SELECT {TOKEN_COLUMNS} FROM tokens WHERE token_hash = $1 AND used_ms IS NULL AND expires_ms > $2"
                ),
                &[&&hash[..], &now_ms],
            )?;
            Ok(row.and_then(|row| row_to_token(&row)))
        })
    }

    fn use_token(&self, token_hash: &[u8; 32], now_ms: i64) -> Result<bool, StoreError> {
        let hash = *token_hash;
        self.run(move |client| {
            let n = client.execute(
                "UPDATE tokens SET used_ms = $2 WHERE token_hash = $1 AND used_ms IS NULL AND expires_ms > $2",
                &[&&hash[..], &now_ms],
            )?;
            Ok(n == 1)
        })
    }

    fn open_tokens(&self, council: EventHash, now_ms: i64) -> Result<Vec<([u8; 32], Token)>, StoreError> {
        self.run(move |client| {
            let rows = client.query(
                &format!(
                    "SELECT {TOKEN_COLUMNS}, token_hash FROM tokens
                     WHERE council = $1 AND used_ms IS NULL AND expires_ms > $2 ORDER BY expires_ms, token_hash"
                ),
                &[&&council.0[..], &now_ms],
            )?;
            Ok(rows.into_iter().filter_map(|row| Some((hash32(row.get(8))?, row_to_token(&row)?))).collect())
        })
    }

    fn revoke_token(&self, council: EventHash, token_hash: &[u8; 32], now_ms: i64) -> Result<bool, StoreError> {
        let hash = *token_hash;
        self.run(move |client| {
            let n = client.execute(
                "UPDATE tokens SET used_ms = $3 WHERE token_hash = $1 AND council = $2 AND used_ms IS NULL
                 AND expires_ms > $3",
                &[&&hash[..], &&council.0[..], &now_ms],
            )?;
            Ok(n == 1)
        })
    }

    fn set_contacts(&self, council: EventHash, contacts: &[(u32, String)]) -> Result<(), StoreError> {
        let contacts = contacts.to_vec();
        self.transaction(move |transaction| {
            let statement = transaction.prepare(
                "INSERT INTO contacts (council, member, contact) VALUES ($1, $2, $3)
                 ON CONFLICT (council, member) DO UPDATE SET contact = $3",
            )?;
            for (member, contact) in &contacts {
                transaction.execute(&statement, &[&&council.0[..], &i64::from(*member), contact])?;
            }
            Ok(())
        })
    }

    fn contact(&self, council: EventHash, member: u32) -> Result<Option<String>, StoreError> {
        self.run(move |client| {
            Ok(client
                .query_opt(
                    "SELECT contact FROM contacts WHERE council = $1 AND member = $2",
                    &[&&council.0[..], &i64::from(member)],
                )?
                .map(|row| row.get(0)))
        })
    }

    fn append_election_archive(
        &self,
        council: EventHash,
        number: u32,
        seq: u64,
        bytes: &[u8],
    ) -> Result<(), StoreError> {
        let piece = bytes.to_vec();
        let result =
            self.transaction(move |transaction| insert_piece(transaction, &council.0, i64::from(number), seq, &piece));
        piece_taken(result, council, number, seq)
    }

    fn election_archive_counted(&self, council: EventHash, number: u32) -> Result<(Vec<u8>, u64), StoreError> {
        self.run(move |client| {
            let rows = client.query(
                "SELECT bytes FROM election_archive WHERE council = $1 AND number = $2 ORDER BY seq",
                &[&&council.0[..], &i64::from(number)],
            )?;
            let mut archive = Vec::new();
            let pieces = rows.len() as u64;
            for row in rows {
                archive.extend_from_slice(row.get::<_, &[u8]>(0));
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
        self.run(move |client| {
            let rows = client.query(
                "SELECT bytes FROM election_archive WHERE council = $1 AND number = $2 AND seq >= $3 \
                 ORDER BY seq LIMIT $4",
                &[&&council.0[..], &i64::from(number), &(from_seq as i64), &crate::backend::MAX_PIECES_READ],
            )?;
            Ok(rows.into_iter().map(|row| row.get::<_, Vec<u8>>(0)).collect())
        })
    }

    fn election_archive_pieces(&self, council: EventHash, number: u32) -> Result<u64, StoreError> {
        self.run(move |client| {
            let row = client.query_one(
                "SELECT COALESCE(MAX(seq), -1) + 1 FROM election_archive WHERE council = $1 AND number = $2",
                &[&&council.0[..], &i64::from(number)],
            )?;
            Ok(row.get::<_, i64>(0) as u64)
        })
    }

    fn set_election_setup(&self, council: EventHash, number: u32, setup: &[u8]) -> Result<(), StoreError> {
        let setup = setup.to_vec();
        self.run(move |client| {
            client.execute(
                "INSERT INTO election_setup (council, number, setup) VALUES ($1, $2, $3)
                 ON CONFLICT (council, number) DO UPDATE SET setup = $3",
                &[&&council.0[..], &i64::from(number), &setup],
            )?;
            Ok(())
        })
    }

    fn election_setup(&self, council: EventHash, number: u32) -> Result<Option<Vec<u8>>, StoreError> {
        self.run(move |client| {
            Ok(client
                .query_opt(
                    "SELECT setup FROM election_setup WHERE council = $1 AND number = $2",
                    &[&&council.0[..], &i64::from(number)],
                )?
                .map(|row| row.get(0)))
        })
    }

    fn append_ballots(
        &self,
        council: EventHash,
        number: u32,
        seq: u64,
        ballots: &[BallotPiece<'_>],
    ) -> Result<Vec<CredentialBinding>, StoreError> {
        let bytes: Vec<Vec<u8>> = ballots.iter().map(|ballot| ballot.bytes.to_vec()).collect();
        let voters: Vec<Option<(String, u32)>> = ballots
            .iter()
            .map(|ballot| ballot.voter.map(|(credential, member)| (credential.to_owned(), member)))
            .collect();
        let election = number;
        let number = i64::from(number);
        let first = i64::try_from(seq).unwrap_or(i64::MAX);
        let result = self.transaction(move |transaction| {
            // The election's lock first: the bindings and the pieces' places are decided by one server at a time.
            transaction.execute("SELECT pg_advisory_xact_lock($1, $2)", &[&ARCHIVE_LOCK, &(number as i32)])?;
            let ballots: Vec<BallotPiece<'_>> = bytes
                .iter()
                .zip(&voters)
                .map(|(bytes, voter)| BallotPiece { bytes, voter: voter.as_ref().map(|(c, m)| (c.as_str(), *m)) })
                .collect();
            let credentials: Vec<&str> = ballots.iter().filter_map(|b| b.voter.map(|(c, _)| c)).collect();
            let members: Vec<i64> = ballots.iter().filter_map(|b| b.voter.map(|(_, m)| i64::from(m))).collect();
            // Every stored binding of these credentials and members, in one round trip.
            let stored = if credentials.is_empty() {
                Vec::new()
            } else {
                transaction
                    .query(
                        "SELECT credential, member FROM election_voters \
                         WHERE council = $1 AND number = $2 AND credential = ANY($3) \
                         UNION SELECT credential, member FROM election_voters \
                         WHERE council = $1 AND number = $2 AND member = ANY($4)",
                        &[&&council.0[..], &number, &credentials, &members],
                    )?
                    .into_iter()
                    .map(|row| (row.get::<_, String>(0), u32::try_from(row.get::<_, i64>(1)).unwrap_or(u32::MAX)))
                    .collect()
            };
            let (answers, added) = bind_in_order(stored, &ballots);
            if answers.iter().any(|binding| *binding != CredentialBinding::Bound) {
                return Ok(answers);
            }
            if !added.is_empty() {
                let (credentials, members): (Vec<&str>, Vec<i64>) =
                    added.iter().map(|(c, m)| (c.as_str(), i64::from(*m))).unzip();
                transaction.execute(
                    "INSERT INTO election_voters (council, number, credential, member) \
                     SELECT $1, $2, credential, member FROM unnest($3::text[], $4::bigint[]) AS t(credential, member)",
                    &[&&council.0[..], &number, &credentials, &members],
                )?;
            }
            let places: Vec<i64> = (first..).take(ballots.len()).collect();
            let pieces: Vec<&[u8]> = ballots.iter().map(|b| b.bytes).collect();
            transaction.execute(
                "INSERT INTO election_archive (council, number, seq, bytes) \
                 SELECT $1, $2, seq, bytes FROM unnest($3::bigint[], $4::bytea[]) AS t(seq, bytes)",
                &[&&council.0[..], &number, &places, &pieces],
            )?;
            Ok(answers)
        });
        piece_taken(result, council, election, seq)
    }

    fn shared(&self) -> bool {
        true
    }

    fn listen(&self) -> Option<std::sync::mpsc::Receiver<EventHash>> {
        let (changes, receiver) = sync_channel(LISTEN_QUEUE);
        let url = self.url.clone();
        let alive = Arc::downgrade(&self.alive);
        std::thread::Builder::new()
            .name("kenes-pg-listen".into())
            .spawn(move || listen(&url, &changes, &alive))
            .ok()?;
        Some(receiver)
    }

    fn export(
        &self,
        sink: &mut dyn FnMut(&'static Table, Vec<transfer::Row>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        // One worker reads every table in one read-only, repeatable-read transaction (one snapshot) through a
        // portal, a chunk at a time, and hands the chunks over a short queue; when this side stops (the sink
        // failed), its next hand-over fails and the transaction is dropped.
        let (chunks, received) = sync_channel::<Result<(&'static Table, Vec<transfer::Row>), StoreError>>(2);
        let job: Job = Box::new(move |worker: &mut Worker| {
            let mut read = || -> Result<(), StoreError> {
                let client = worker.client()?;
                let mut transaction = client
                    .build_transaction()
                    .isolation_level(postgres::IsolationLevel::RepeatableRead)
                    .read_only(true)
                    .start()?;
                for table in TABLES {
                    let portal = transaction.bind(table.select_sql(true).as_str(), &[])?;
                    let mut number: u64 = 0;
                    loop {
                        let rows = transaction.query_portal(&portal, CHUNK_ROWS as i32)?;
                        if rows.is_empty() {
                            break;
                        }
                        let mut chunk = Vec::with_capacity(rows.len());
                        for row in &rows {
                            number += 1;
                            chunk.push(pg_row(table, row, number)?);
                        }
                        if chunks.send(Ok((table, chunk))).is_err() {
                            return Ok(());
                        }
                    }
                }
                transaction.commit()?;
                Ok(())
            };
            if let Err(error) = read() {
                let _ = chunks.send(Err(error));
            }
        });
        self.jobs.send(job).map_err(|_| StoreError::Poisoned)?;
        for chunk in received {
            let (table, rows) = chunk?;
            sink(table, rows)?;
        }
        Ok(())
    }

    fn import(&self, table: &'static Table, rows: Vec<transfer::Row>) -> Result<(), StoreError> {
        // Values are checked against the columns' types here, before any is written.
        let mut typed: Vec<Vec<Param>> = Vec::with_capacity(rows.len());
        for (number, row) in rows.into_iter().enumerate() {
            let mut params = Vec::with_capacity(row.len());
            for (index, (value, column)) in row.into_iter().zip(table.columns).enumerate() {
                let param = match (column.kind, value) {
                    (Kind::Int, Value::Null) => Param::Int(None),
                    (Kind::Int, Value::Int(n)) => Param::Int(Some(n)),
                    (Kind::Bool, Value::Null) => Param::Bool(None),
                    (Kind::Bool, Value::Int(n)) => Param::Bool(Some(n != 0)),
                    (Kind::Text, Value::Null) => Param::Text(None),
                    (Kind::Text, Value::Text(text)) => Param::Text(Some(text)),
                    (Kind::Blob, Value::Null) => Param::Blob(None),
                    (Kind::Blob, Value::Blob(bytes)) => Param::Blob(Some(bytes)),
                    (_, other) => return Err(table.bad_value(index, number as u64 + 1, &format!("{other:?}"))),
                };
                params.push(param);
            }
            typed.push(params);
        }
        self.transaction(move |transaction| {
            let statement = transaction.prepare(&table.insert_sql(true))?;
            for params in &typed {
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params.iter().map(Param::as_sql).collect();
                transaction.execute(&statement, &refs)?;
            }
            Ok(())
        })
    }

    fn row_count(&self, table: &'static Table) -> Result<u64, StoreError> {
        self.run(move |client| Ok(client.query_one(table.count_sql().as_str(), &[])?.get::<_, i64>(0) as u64))
    }

    fn finish_import(&self) -> Result<(), StoreError> {
        // Accounts keep their ids: the sequence goes on after the largest.
        self.run(|client| {
            client.execute(
                "SELECT setval(pg_get_serial_sequence('accounts', 'id'), \
                 COALESCE((SELECT max(id) FROM accounts), 0) + 1, false)",
                &[],
            )?;
            Ok(())
        })
    }

    fn begin_sign_in(
        &self,
        keys: &[(&str, u32)],
        now_ms: i64,
        window_ms: i64,
        max_rows: u64,
    ) -> Result<Option<i64>, StoreError> {
        let mut keys: Vec<(String, u32)> = keys.iter().map(|(key, limit)| ((*key).to_owned(), *limit)).collect();
        // Keys locked in one order, so that two servers counting the same keys never wait for each other in a cycle.
        keys.sort();
        self.transaction(move |transaction| {
            for (key, _) in &keys {
                transaction.execute("SELECT pg_advisory_xact_lock($1, hashtext($2))", &[&SIGN_IN_LOCK, key])?;
            }
            transaction.execute("DELETE FROM sign_in_failures WHERE at_ms <= $1", &[&(now_ms - window_ms)])?;
            let mut wait: i64 = 0;
            for (key, limit) in &keys {
                let row = transaction
                    .query_one("SELECT count(*), min(at_ms) FROM sign_in_failures WHERE key = $1", &[key])?;
                let (count, oldest): (i64, Option<i64>) = (row.get(0), row.get(1));
                if count >= i64::from(*limit) {
                    wait = wait.max(oldest.unwrap_or(now_ms) + window_ms - now_ms).max(1);
                }
            }
            if wait > 0 {
                return Ok(Some(wait));
            }
            let total: i64 = transaction.query_one("SELECT count(*) FROM sign_in_failures", &[])?.get(0);
            if total as u64 + keys.len() as u64 > max_rows {
                return Ok(Some(window_ms));
            }
            for (key, _) in &keys {
                transaction.execute("INSERT INTO sign_in_failures (key, at_ms) VALUES ($1, $2)", &[key, &now_ms])?;
            }
            Ok(None)
        })
    }

    fn forgive_sign_in(&self, cleared: &str, one_less: Option<&str>) -> Result<(), StoreError> {
        let (cleared, one_less) = (cleared.to_owned(), one_less.map(str::to_owned));
        self.transaction(move |transaction| {
            transaction.execute("DELETE FROM sign_in_failures WHERE key = $1", &[&cleared])?;
            if let Some(key) = &one_less {
                transaction.execute(
                    "DELETE FROM sign_in_failures WHERE ctid = \
                     (SELECT ctid FROM sign_in_failures WHERE key = $1 ORDER BY at_ms DESC LIMIT 1)",
                    &[key],
                )?;
            }
            Ok(())
        })
    }

    fn forget_deleted(&self) -> Result<(), StoreError> {
        // PostgreSQL keeps deleted rows' old versions until VACUUM reclaims them; a plain VACUUM marks their space
        // for reuse (it does not overwrite it: see the threat model).
        self.run(|client| {
            client.batch_execute("VACUUM sessions, tokens, contacts, election_setup")?;
            Ok(())
        })
    }
}

/// A value typed for its column, as the client sends it.
enum Param {
    Int(Option<i64>),
    Bool(Option<bool>),
    Text(Option<String>),
    Blob(Option<Vec<u8>>),
}

impl Param {
    fn as_sql(&self) -> &(dyn postgres::types::ToSql + Sync) {
        match self {
            Param::Int(value) => value,
            Param::Bool(value) => value,
            Param::Text(value) => value,
            Param::Blob(value) => value,
        }
    }
}

/// A row of `table` as stored values (`number` counts rows from 1, for errors).
fn pg_row(table: &Table, row: &Row, number: u64) -> Result<transfer::Row, StoreError> {
    let mut values = Vec::with_capacity(table.columns.len());
    for (index, column) in table.columns.iter().enumerate() {
        let value = match column.kind {
            Kind::Int => row.try_get::<_, Option<i64>>(index).map(|v| v.map(Value::Int)),
            Kind::Bool => row.try_get::<_, Option<bool>>(index).map(|v| v.map(|b| Value::Int(i64::from(b)))),
            Kind::Text => row.try_get::<_, Option<String>>(index).map(|v| v.map(Value::Text)),
            Kind::Blob => row.try_get::<_, Option<Vec<u8>>>(index).map(|v| v.map(Value::Blob)),
        }
        .map_err(|error| table.bad_value(index, number, &error.to_string()))?;
        values.push(value.unwrap_or(Value::Null));
    }
    Ok(values)
}
