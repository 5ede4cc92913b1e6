//! The interface every database backend implements, and the node-local rows it stores.
//!
//! Architecture Invariant: callers use `Store`; only `Store::open` names a backend. A PostgreSQL backend is one
//! more implementation of `Backend`, chosen there, and no caller changes.

use kenes_record::{Event, EventHash};

use crate::error::StoreError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AccountId(pub i64);

/// A sign-in account on this node. Node-local: never in a record or bundle.
#[derive(Clone, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    pub username: String,
    /// An argon2 PHC string, or none for accounts that sign in by link until they set a password.
    pub password_hash: Option<String>,
    pub is_admin: bool,
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Account")
            .field("id", &self.id)
            .field("username", &self.username)
            .field("is_admin", &self.is_admin)
            .finish_non_exhaustive()
    }
}

/// A signed-in session. The table holds the SHA-256 of the cookie's token, never the token.
#[derive(Clone, PartialEq, Eq)]
pub struct Session {
    pub account: AccountId,
    pub csrf: String,
    pub expires_ms: i64,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session").field("account", &self.account).finish_non_exhaustive()
    }
}

/// What a request's session cookie opens: the session, its account and the account's memberships (council, member),
/// read together (in one round trip on PostgreSQL: every request needs them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedIn {
    pub session: Session,
    /// `None` when the account is gone (the session then opens nothing).
    pub account: Option<Account>,
    pub memberships: Vec<(EventHash, u32)>,
}

/// Where [`Backend::signed_in_then`] sends its answer.
pub type SignedInReply = Box<dyn FnOnce(Result<Option<SignedIn>, StoreError>) + Send>;

/// What a one-time link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPurpose {
    /// Creates the node's first administrator.
    Setup,
    /// Lets someone join a council (with `role`).
    Invitation,
    /// Signs in the account linked to `member` of `council` (for members a secretary added).
    SignIn,
}

impl TokenPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::Setup => "setup",
            TokenPurpose::Invitation => "invitation",
            TokenPurpose::SignIn => "signin",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "setup" => Some(TokenPurpose::Setup),
            "invitation" => Some(TokenPurpose::Invitation),
            "signin" => Some(TokenPurpose::SignIn),
            _ => None,
        }
    }
}

/// A one-time link. The table holds the SHA-256 of the link's secret, never the secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub purpose: TokenPurpose,
    pub council: Option<EventHash>,
    pub member: Option<u32>,
    pub role: Option<String>,
    pub created_by: Option<AccountId>,
    pub account: Option<AccountId>,
    pub expires_ms: i64,
    /// When it was made (0 for links made before kenes kept this).
    pub created_ms: i64,
}

/// A sign-in link that was made for one of an account's memberships, to tell the account's owner about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkNotice {
    /// The SHA-256 that names the link.
    pub hash: [u8; 32],
    pub council: EventHash,
    pub member: u32,
    /// The account that made it.
    pub created_by: Option<AccountId>,
    pub created_ms: i64,
    /// When it was used (by whoever held it), if it was.
    pub used_ms: Option<i64>,
}

/// What binding a credential to a member found (see `Backend::append_ballots`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CredentialBinding {
    /// The credential is this member's: bound now, or already.
    Bound,
    /// Another member cast with this credential first.
    CredentialTaken,
    /// This member already cast with another credential.
    MemberHasAnother,
}

/// A ballot for [`Backend::append_ballots`]: its archive piece and, when a signed-in member casts it, its credential
/// (the public key, as text) and that member.
#[derive(Clone, Copy, Debug)]
pub struct BallotPiece<'a> {
    pub bytes: &'a [u8],
    pub voter: Option<(&'a str, u32)>,
}

/// Decides the bindings of ballots cast one after the other, each seeing the ones before it, from the bindings
/// already stored for their credentials and members (`(credential, member)` rows): each ballot's binding, and the
/// bindings to add. A credential becomes the member who cast with it first, and that member casts with no other.
pub(crate) fn bind_in_order(
    stored: impl IntoIterator<Item = (String, u32)>,
    ballots: &[BallotPiece<'_>],
) -> (Vec<CredentialBinding>, Vec<(String, u32)>) {
    let mut by_credential = std::collections::HashMap::new();
    let mut by_member = std::collections::HashMap::new();
    for (credential, member) in stored {
        by_member.insert(member, credential.clone());
        by_credential.insert(credential, member);
    }
    let mut added = Vec::new();
    let bindings = ballots
        .iter()
        .map(|ballot| {
            let Some((credential, member)) = ballot.voter else { return CredentialBinding::Bound };
            match (by_credential.get(credential), by_member.get(&member)) {
                (Some(holder), _) if *holder == member => CredentialBinding::Bound,
                (Some(_), _) => CredentialBinding::CredentialTaken,
                (None, Some(_)) => CredentialBinding::MemberHasAnother,
                (None, None) => {
                    by_credential.insert(credential.to_owned(), member);
                    by_member.insert(member, credential.to_owned());
                    added.push((credential.to_owned(), member));
                    CredentialBinding::Bound
                }
            }
        })
        .collect();
    (bindings, added)
}

/// The most pieces [`Backend::election_archive_pieces_from`] returns at once.
pub const MAX_PIECES_READ: i64 = 10_000;

/// What a database backend does. Every write is durable when the call returns.
pub trait Backend: Send + Sync {
    /// Appends events of one council in one transaction; refuses heights that already exist.
    fn append_events(&self, council: EventHash, events: &[Event]) -> Result<(), StoreError>;
    /// Appends to a council with its write lock across servers held from reading to writing: hands `prepare` the
    /// wire bytes of the council's events from `from_height` on (what other servers appended since) and writes the
    /// events it returns in the same transaction, so nobody appends in between; `None` writes nothing. Returns
    /// whether events were written. Where one process owns the database nobody else appends, and this is
    /// `append_events` of what `prepare` makes.
    fn append_locked(
        &self,
        council: EventHash,
        from_height: u64,
        prepare: &mut dyn FnMut(Vec<Vec<u8>>) -> Option<Vec<Event>>,
    ) -> Result<bool, StoreError> {
        let newer = self.load_wire(council, from_height, u64::MAX)?;
        match prepare(newer) {
            Some(events) if !events.is_empty() => self.append_events(council, &events).map(|()| true),
            _ => Ok(false),
        }
    }
    fn council_ids(&self) -> Result<Vec<EventHash>, StoreError>;
    /// The wire bytes of a council's events with heights in `from_height..until_height`, in order.
    fn load_wire(&self, council: EventHash, from_height: u64, until_height: u64) -> Result<Vec<Vec<u8>>, StoreError>;
    fn event_count(&self, council: EventHash) -> Result<u64, StoreError>;

    fn setting(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError>;
    /// Sets a value, replacing any before it.
    fn set_setting(&self, key: &str, value: &[u8]) -> Result<(), StoreError>;
    /// Sets a value unless the key exists; says whether it was set.
    fn set_setting_if_absent(&self, key: &str, value: &[u8]) -> Result<bool, StoreError>;

    fn create_account(
        &self,
        username: &str,
        password_hash: Option<&str>,
        is_admin: bool,
        now_ms: i64,
    ) -> Result<AccountId, StoreError>;
    fn account(&self, id: AccountId) -> Result<Option<Account>, StoreError>;
    fn account_by_username(&self, username: &str) -> Result<Option<Account>, StoreError>;
    fn account_count(&self) -> Result<u64, StoreError>;
    /// Creates the node's first administrator, in one transaction with the check that no account exists yet;
    /// `None` when one does (a second set-up link, or two people using one at once).
    fn create_first_admin(
        &self,
        username: &str,
        password_hash: &str,
        now_ms: i64,
    ) -> Result<Option<AccountId>, StoreError>;
    /// The sign-in links made for the account's memberships at or after `since_ms`, newest first (at most 50).
    fn links_made_for(&self, account: AccountId, since_ms: i64) -> Result<Vec<LinkNotice>, StoreError>;
    /// Until when the account's owner has been told of links made for them.
    fn links_seen_ms(&self, account: AccountId) -> Result<i64, StoreError>;
    fn set_links_seen_ms(&self, account: AccountId, ms: i64) -> Result<(), StoreError>;
    /// Sets an account's password and, in the same transaction, ends every session of the account but `keep_session`
    /// (whoever held a session on another device now needs the new password).
    fn set_password(
        &self,
        account: AccountId,
        password_hash: &str,
        keep_session: Option<&[u8; 32]>,
    ) -> Result<(), StoreError>;

    fn link_member(&self, account: AccountId, council: EventHash, member: u32) -> Result<(), StoreError>;
    fn memberships(&self, account: AccountId) -> Result<Vec<(EventHash, u32)>, StoreError>;
    fn account_of_member(&self, council: EventHash, member: u32) -> Result<Option<AccountId>, StoreError>;

    fn create_session(&self, token_hash: &[u8; 32], session: &Session) -> Result<(), StoreError>;
    fn session(&self, token_hash: &[u8; 32], now_ms: i64) -> Result<Option<Session>, StoreError>;
    fn delete_session(&self, token_hash: &[u8; 32]) -> Result<(), StoreError>;
    /// The unexpired session of `token_hash` with its account and memberships.
    fn signed_in(&self, token_hash: &[u8; 32], now_ms: i64) -> Result<Option<SignedIn>, StoreError> {
        let Some(session) = self.session(token_hash, now_ms)? else {
            return Ok(None);
        };
        let account = self.account(session.account)?;
        let memberships = if account.is_some() { self.memberships(session.account)? } else { Vec::new() };
        Ok(Some(SignedIn { session, account, memberships }))
    }
    /// [`Backend::signed_in`], answered through `reply`: at once on a database in this process, from a database
    /// thread on PostgreSQL, so that an async caller waits for the round trip without holding its thread.
    fn signed_in_then(&self, token_hash: &[u8; 32], now_ms: i64, reply: SignedInReply) {
        reply(self.signed_in(token_hash, now_ms));
    }

    fn create_token(&self, token_hash: &[u8; 32], token: &Token) -> Result<(), StoreError>;
    /// Makes `token` (a set-up link) the node's only set-up link: every earlier one is deleted in the same
    /// transaction, so of the links printed by servers started before the first administrator exists, only the last
    /// one works.
    fn replace_setup_token(&self, token_hash: &[u8; 32], token: &Token) -> Result<(), StoreError>;
    /// The token if it exists, is unused and unexpired; does not use it.
    fn peek_token(&self, token_hash: &[u8; 32], now_ms: i64) -> Result<Option<Token>, StoreError>;
    /// Marks the token used; false if it was already used, expired or unknown (so it works once only).
    fn use_token(&self, token_hash: &[u8; 32], now_ms: i64) -> Result<bool, StoreError>;
    /// A council's links not yet used nor expired (invitations and sign-in links), with their hashes, oldest first.
    fn open_tokens(&self, council: EventHash, now_ms: i64) -> Result<Vec<([u8; 32], Token)>, StoreError>;
    /// Withdraws one of a council's open links; false when there was no such open link.
    fn revoke_token(&self, council: EventHash, token_hash: &[u8; 32], now_ms: i64) -> Result<bool, StoreError>;

    fn set_contacts(&self, council: EventHash, contacts: &[(u32, String)]) -> Result<(), StoreError>;
    fn contact(&self, council: EventHash, member: u32) -> Result<Option<String>, StoreError>;

    /// Appends piece number `seq` (0 for the first) to an election's archive; `StoreError::ArchiveMoved` when that
    /// place is taken, which means the writer's view of the archive is behind (another server appended first).
    fn append_election_archive(
        &self,
        council: EventHash,
        number: u32,
        seq: u64,
        bytes: &[u8],
    ) -> Result<(), StoreError>;
    /// The election's archive: its pieces in order, concatenated (empty when there is none yet).
    fn election_archive(&self, council: EventHash, number: u32) -> Result<Vec<u8>, StoreError> {
        Ok(self.election_archive_counted(council, number)?.0)
    }
    /// The election's archive and how many pieces it is made of, read together.
    fn election_archive_counted(&self, council: EventHash, number: u32) -> Result<(Vec<u8>, u64), StoreError>;
    /// The pieces of an election's archive from `from_seq` on, each apart, in order (at most `MAX_PIECES_READ`): what
    /// other servers appended after the pieces a server holds.
    fn election_archive_pieces_from(
        &self,
        council: EventHash,
        number: u32,
        from_seq: u64,
    ) -> Result<Vec<Vec<u8>>, StoreError>;
    /// How many pieces the election's archive has (the next piece's `seq`).
    fn election_archive_pieces(&self, council: EventHash, number: u32) -> Result<u64, StoreError>;
    /// Replaces an election's setup (node-local: the trustees' ceremony, credentials not yet handed out).
    fn set_election_setup(&self, council: EventHash, number: u32, setup: &[u8]) -> Result<(), StoreError>;
    fn election_setup(&self, council: EventHash, number: u32) -> Result<Option<Vec<u8>>, StoreError>;
    /// Appends ballots' pieces to an election's archive, the first as piece `seq` and each next one at the next place
    /// (as for [`Backend::append_election_archive`]), and binds the credential of each ballot a signed-in member casts
    /// to that member, all in one durable transaction (one flush for them all). The bindings are decided in order,
    /// each seeing the ones before it: the credential becomes the member who cast with it first, and that member casts
    /// with no other (spec §3.2 step 3c). The answer is each ballot's binding; when any is refused, nothing at all is
    /// written (the caller stores the others again without it).
    fn append_ballots(
        &self,
        council: EventHash,
        number: u32,
        seq: u64,
        ballots: &[BallotPiece<'_>],
    ) -> Result<Vec<CredentialBinding>, StoreError>;
    /// Makes what was deleted unreadable on disk: with `secure_delete` on, deleted rows are overwritten in the
    /// database file; this moves the write-ahead log into it and truncates the log, where the old pages still were.
    fn forget_deleted(&self) -> Result<(), StoreError>;
    /// Counts a sign-in attempt against each `(key, limit)` of the throttle, in one transaction across servers:
    /// refused with `Some(milliseconds)` until the oldest failure under a full key leaves the window (failures older
    /// than `window_ms` are deleted first), or with the whole window when `max_rows` failures are recorded (a flood
    /// of new keys must not push counted failures out); otherwise a failure is recorded under every key now.
    fn begin_sign_in(
        &self,
        keys: &[(&str, u32)],
        now_ms: i64,
        window_ms: i64,
        max_rows: u64,
    ) -> Result<Option<i64>, StoreError>;
    /// A sign-in succeeded: every failure under `cleared` is forgiven, and the newest under `one_less`.
    fn forgive_sign_in(&self, cleared: &str, one_less: Option<&str>) -> Result<(), StoreError>;
    /// Every row of every table of [`crate::transfer::TABLES`], table by table in key order, handed to `sink` a
    /// chunk at a time, from one read snapshot. Stops at the first error `sink` returns.
    fn export(
        &self,
        sink: &mut dyn FnMut(&'static crate::transfer::Table, Vec<crate::transfer::Row>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;
    /// Inserts rows into a table in one durable transaction (a value of the wrong type is refused, naming it).
    fn import(&self, table: &'static crate::transfer::Table, rows: Vec<crate::transfer::Row>)
    -> Result<(), StoreError>;
    /// How many rows a table holds.
    fn row_count(&self, table: &'static crate::transfer::Table) -> Result<u64, StoreError>;
    /// After an import: what the backend derives from the rows (PostgreSQL's next account id).
    fn finish_import(&self) -> Result<(), StoreError> {
        Ok(())
    }
    /// Whether other servers append to the same database: a node then reads what they appended before it writes
    /// (`Node::execute`), and learns of it as it happens through [`Backend::listen`].
    fn shared(&self) -> bool {
        false
    }
    /// The councils other servers append to, as they do (PostgreSQL's NOTIFY); after a lost connection, every
    /// council once. `None` when one process owns the database.
    fn listen(&self) -> Option<std::sync::mpsc::Receiver<EventHash>> {
        None
    }
}
