//! Ballot boxes in memory: loaded on first use under their own election's lock, each change stored before applied.

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

use kenes_council::election::ElectionStatus;
use kenes_crypto::ballot_box::{BallotBox, BoardEntry, Counts, Status};
use kenes_crypto::ed25519::Ed25519Group;
use kenes_crypto::election::ElectionGroup;
use kenes_crypto::group::FfGroup;
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::require_member;

use super::*;

/// The elections held in memory: each ballot box is loaded from the store on first use (a full verification of the
/// archive) under its own election's lock only, never the others'; who may cast in each; the bound on proof checks;
/// and the last verification of each archive, for the public verification page.
pub struct Boxes {
    pub(crate) slots: std::sync::Mutex<BTreeMap<(EventHash, u32), Slot>>,
    pub(crate) rolls: std::sync::Mutex<BTreeMap<(EventHash, u32), Arc<Roll>>>,
    /// Proof checks running at once: four per core (each permit held by the check itself, so a dropped request does
    /// not free its place while its check still runs). A check reads the box only for its cheap refusals, and waits
    /// only while a close, a decryption or another server's ballots are stored (`Held::write`); the bound keeps a
    /// flood from taking a thread each.
    pub(crate) checks: Arc<tokio::sync::Semaphore>,
    /// Ballots waiting for a check; past `MAX_WAITING` a ballot is refused as busy before any work.
    pub(crate) waiting: std::sync::atomic::AtomicUsize,
    pub(crate) verified: std::sync::Mutex<BTreeMap<(EventHash, u32), Arc<ArchiveCheck>>>,
    /// One archive verification at a time for the public page; the others wait for its cached answer.
    pub(crate) verifying: Arc<tokio::sync::Mutex<()>>,
    /// Credentials handed out in the last `SHOWN_FOR`, in memory only: a member whose answer was lost (a dropped
    /// connection, a double tap) gets the same credential again, though the disk no longer holds it.
    pub(crate) shown: std::sync::Mutex<BTreeMap<(EventHash, u32, u32), Shown>>,
    /// Which box is loaded for each election ([`box_id`]) and how many stored pieces of its archive it holds: the
    /// place its next piece must take, so that a box behind the database (another server appended) can never append
    /// after a piece it has not seen, and a box dropped meanwhile never appends at its successor's place.
    pub(crate) pieces: std::sync::Mutex<BTreeMap<(EventHash, u32), (usize, u64)>>,
}

/// A credential handed out, and when.
pub(crate) type Shown = (zeroize::Zeroizing<String>, std::time::Instant);

/// How long a handed-out credential can be shown again to its member.
pub(crate) const SHOWN_FOR: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// One election's ballot box once loaded, behind the lock that its loading takes.
pub(crate) type Slot = Arc<std::sync::Mutex<Option<Boxed>>>;

/// One election's ballot box, in the group its election is held in. Work that needs the group's own types goes
/// through `with_box!`; the pages read it through [`Boxed::read`].
#[derive(Clone)]
pub enum Boxed {
    Ff(Arc<Held<FfGroup>>),
    Ed(Arc<Held<Ed25519Group>>),
}

impl From<BallotBox<FfGroup>> for Boxed {
    fn from(ballot_box: BallotBox<FfGroup>) -> Boxed {
        Boxed::Ff(Arc::new(Held::new(ballot_box)))
    }
}

impl From<BallotBox<Ed25519Group>> for Boxed {
    fn from(ballot_box: BallotBox<Ed25519Group>) -> Boxed {
        Boxed::Ed(Arc::new(Held::new(ballot_box)))
    }
}

/// A loaded ballot box and what changes it. A change is planned, stored durably, then applied, all under `changing`;
/// the box's own lock is taken to apply it only, so the pages and the ballots' checks read the box while a change is
/// being stored (ballots, see `casts.rs`), or wait for it whole (the rarer changes, through [`Held::write`]).
pub struct Held<G: ElectionGroup> {
    changing: std::sync::Mutex<()>,
    ballot_box: RwLock<BallotBox<G>>,
    /// Checked ballots waiting to be stored together.
    pub(crate) casts: super::casts::Waiting<G>,
}

impl<G: ElectionGroup> Held<G> {
    fn new(ballot_box: BallotBox<G>) -> Self {
        Held { changing: Default::default(), ballot_box: RwLock::new(ballot_box), casts: Default::default() }
    }

    /// The box as it is (waits only while a change is applied, never while one is stored).
    pub(crate) fn read(&self) -> Result<std::sync::RwLockReadGuard<'_, BallotBox<G>>, WebError> {
        self.ballot_box.read().map_err(poisoned)
    }

    /// The box to change (plan, store, apply) with nothing else changing or reading it meanwhile: a close, a
    /// decryption, following other servers.
    pub(crate) fn write(&self) -> Result<Changing<'_, G>, WebError> {
        let changing = self.changing.lock().map_err(poisoned)?;
        Ok(Changing { _changing: changing, ballot_box: self.ballot_box.write().map_err(poisoned)? })
    }

    /// The change lock alone, for a change planned under the read lock and applied under [`Changer::apply`].
    pub(crate) fn change(&self) -> Result<Changer<'_, G>, WebError> {
        Ok(Changer { _changing: self.changing.lock().map_err(poisoned)?, held: self })
    }
}

/// A box held for a change from planning to applying, exclusively ([`Held::write`]).
pub(crate) struct Changing<'a, G: ElectionGroup> {
    _changing: std::sync::MutexGuard<'a, ()>,
    ballot_box: std::sync::RwLockWriteGuard<'a, BallotBox<G>>,
}

impl<G: ElectionGroup> std::ops::Deref for Changing<'_, G> {
    type Target = BallotBox<G>;
    fn deref(&self) -> &BallotBox<G> {
        &self.ballot_box
    }
}

impl<G: ElectionGroup> std::ops::DerefMut for Changing<'_, G> {
    fn deref_mut(&mut self) -> &mut BallotBox<G> {
        &mut self.ballot_box
    }
}

/// A box held for a change while others read it ([`Held::change`]): no other change starts until it is dropped.
pub(crate) struct Changer<'a, G: ElectionGroup> {
    _changing: std::sync::MutexGuard<'a, ()>,
    held: &'a Held<G>,
}

impl<G: ElectionGroup> Changer<'_, G> {
    /// The box to plan on.
    pub(crate) fn read(&self) -> Result<std::sync::RwLockReadGuard<'_, BallotBox<G>>, WebError> {
        self.held.read()
    }

    /// The box to apply a stored change to (or to follow others' changes), for a moment.
    pub(crate) fn apply(&self) -> Result<std::sync::RwLockWriteGuard<'_, BallotBox<G>>, WebError> {
        self.held.ballot_box.write().map_err(poisoned)
    }
}

/// The read lock on a [`Boxed`], seen as a [`View`].
pub(crate) enum BoxRead<'a> {
    Ff(std::sync::RwLockReadGuard<'a, BallotBox<FfGroup>>),
    Ed(std::sync::RwLockReadGuard<'a, BallotBox<Ed25519Group>>),
}

impl Boxed {
    /// Loads and fully verifies an archive, in the group its election names.
    fn load(bytes: &[u8]) -> Result<Boxed, kenes_crypto::Error> {
        let archive = kenes_crypto::archive::Archive::parse(bytes)?;
        if kenes_crypto::verify::archive_group(&archive)? == kenes_crypto::ed25519::NAME {
            let loaded = BallotBox::<Ed25519Group>::from_archive_in(archive, &kenes_crypto::verify::Quiet)?;
            return Ok(loaded.into());
        }
        Ok(BallotBox::<FfGroup>::from_archive_in(archive, &kenes_crypto::verify::Quiet)?.into())
    }

    /// Takes the read lock: what the pages show, whatever the group.
    pub(crate) fn read(&self) -> Result<BoxRead<'_>, WebError> {
        Ok(match self {
            Boxed::Ff(b) => BoxRead::Ff(b.read()?),
            Boxed::Ed(b) => BoxRead::Ed(b.read()?),
        })
    }
}

impl std::ops::Deref for BoxRead<'_> {
    type Target = dyn View;

    fn deref(&self) -> &(dyn View + 'static) {
        match self {
            BoxRead::Ff(b) => &**b,
            BoxRead::Ed(b) => &**b,
        }
    }
}

/// What the pages read off a ballot box, whatever its group (each method is the box's own).
pub trait View {
    fn election_json(&self) -> &str;
    fn trustees_json(&self) -> &str;
    fn public_credentials_json(&self) -> &str;
    fn counts(&self) -> Counts;
    fn board(&self) -> Vec<BoardEntry<'_>>;
    fn status(&self) -> Status;
    fn result(&self) -> Option<&[Vec<u64>]>;
    fn decrypted(&self) -> Vec<usize>;
    fn inconsistent_decryptions(&self) -> Vec<usize>;
    fn missing_decryptions(&self) -> Option<String>;
    fn shuffles_pending(&self) -> Option<&[usize]>;
    fn shufflers(&self) -> &[usize];
    fn to_bytes(&self) -> Vec<u8>;
    /// The result as the archive's `Result` event writes it, once there is one.
    fn result_json(&self) -> Option<String>;
    /// What the trustees decrypt, as JSON: the encrypted tally, with ranked questions' ciphertexts as the last
    /// shuffle left them; once voting has closed.
    fn tally_json(&self) -> Option<String>;
}

impl<G: ElectionGroup> View for BallotBox<G> {
    fn election_json(&self) -> &str {
        BallotBox::election_json(self)
    }
    fn trustees_json(&self) -> &str {
        BallotBox::trustees_json(self)
    }
    fn public_credentials_json(&self) -> &str {
        BallotBox::public_credentials_json(self)
    }
    fn counts(&self) -> Counts {
        BallotBox::counts(self)
    }
    fn board(&self) -> Vec<BoardEntry<'_>> {
        BallotBox::board(self)
    }
    fn status(&self) -> Status {
        BallotBox::status(self)
    }
    fn result(&self) -> Option<&[Vec<u64>]> {
        BallotBox::result(self)
    }
    fn decrypted(&self) -> Vec<usize> {
        BallotBox::decrypted(self)
    }
    fn inconsistent_decryptions(&self) -> Vec<usize> {
        BallotBox::inconsistent_decryptions(self)
    }
    fn missing_decryptions(&self) -> Option<String> {
        BallotBox::missing_decryptions(self)
    }
    fn shuffles_pending(&self) -> Option<&[usize]> {
        BallotBox::shuffles_pending(self)
    }
    fn shufflers(&self) -> &[usize] {
        BallotBox::shufflers(self)
    }
    fn to_bytes(&self) -> Vec<u8> {
        BallotBox::to_bytes(self)
    }
    fn result_json(&self) -> Option<String> {
        BallotBox::result(self).map(|result| kenes_crypto::tally::result_to_json_in(self.election(), result))
    }
    fn tally_json(&self) -> Option<String> {
        self.encrypted_tally().map(|t| kenes_crypto::tally::encrypted_tally_to_json(self.election(), t))
    }
}

/// The most ballots that may wait for a proof check.
pub(crate) const MAX_WAITING: usize = 256;

impl Default for Boxes {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        Boxes {
            slots: Default::default(),
            rolls: Default::default(),
            checks: Arc::new(tokio::sync::Semaphore::new(4 * cores)),
            waiting: Default::default(),
            verified: Default::default(),
            verifying: Default::default(),
            shown: Default::default(),
            pieces: Default::default(),
        }
    }
}

/// Who may cast in an open election.
#[derive(Debug)]
pub struct Roll {
    /// Whoever holds a credential (hall mode).
    pub hall: bool,
    /// Otherwise these members, signed in.
    pub voters: std::collections::HashSet<u32>,
}

/// An archive's verification as the public page shows it, with the SHA-256 of the bytes it was made from.
#[derive(Debug)]
pub struct ArchiveCheck {
    pub(crate) hash: String,
    pub(crate) outcome: Result<kenes_crypto::verify::Summary, String>,
}

pub(crate) fn poisoned<T>(_: T) -> WebError {
    WebError::Internal("poisoned".into())
}

/// The election's ballot box, loaded and verified on first use. Blocking.
pub(crate) fn ballot_box(state: &AppState, council: EventHash, number: u32) -> Result<Boxed, WebError> {
    // Only elections the record has get a slot, so no request can grow the map with numbers that do not exist.
    election_of(state, council, number)?;
    let slot = state.elections().slots.lock().map_err(poisoned)?.entry((council, number)).or_default().clone();
    let mut slot = slot.lock().map_err(poisoned)?;
    let backend = state.node().store().backend();
    if let Some(found) = &*slot {
        if !backend.shared() {
            return Ok(found.clone());
        }
        // On a database other servers share, a box behind the stored archive first follows the ballots they cast;
        // anything else (a close, a decryption, a piece it cannot apply) loads the archive again. The count is
        // compared first without the box's lock (the slot's lock keeps the slot's box and its count together).
        let held = state.elections().pieces.lock().map_err(poisoned)?.get(&(council, number)).map(|(_, n)| *n);
        if held == Some(backend.election_archive_pieces(council, number)?)
            || follow_others(state, council, number, found)?
        {
            return Ok(found.clone());
        }
    }
    let (bytes, pieces) = backend.election_archive_counted(council, number)?;
    if bytes.is_empty() {
        return Err(WebError::NotFound);
    }
    let loaded = Boxed::load(&bytes)
        .map_err(|e| WebError::Internal(format!("the archive of election {number} does not verify: {e}")))?;
    *slot = Some(loaded.clone());
    state.elections().pieces.lock().map_err(poisoned)?.insert((council, number), (loaded.id()?, pieces));
    Ok(loaded)
}

/// A loaded box's identity while it lives: the address of its ballot box (inside its `Arc`, so it never moves).
pub(crate) fn box_id<G: ElectionGroup>(ballot_box: &BallotBox<G>) -> usize {
    std::ptr::from_ref(ballot_box) as usize
}

impl Boxed {
    /// [`box_id`] of the box inside (takes its read lock: for a box no cast holds yet).
    pub(crate) fn id(&self) -> Result<usize, WebError> {
        with_box!(self, b => Ok(box_id(&*b.read()?)))
    }
}

/// Brings a loaded box up to the stored archive (see [`catch_up`]) under its write lock, so no cast here
/// interleaves. Whether the box is now current. Blocking.
fn follow_others(state: &AppState, council: EventHash, number: u32, boxed: &Boxed) -> Result<bool, WebError> {
    with_box!(boxed, b => catch_up(state, council, number, &mut *b.write()?))
}

/// Applies to the box (held under its write lock) the ballots other servers stored after the pieces it holds, each
/// verified as a cast here is and accepted only as the exact entries this box would write for it. Whether the box
/// is now current; `false` when a piece is anything else (a close, a decryption): the archive must be loaded whole.
/// Blocking.
pub(crate) fn catch_up<G: ElectionGroup>(
    state: &AppState,
    council: EventHash,
    number: u32,
    ballot_box: &mut BallotBox<G>,
) -> Result<bool, WebError> {
    let backend = state.node().store().backend();
    let id = box_id(ballot_box);
    let Some(held) = held_pieces(state, council, number, id)? else { return Ok(false) };
    let stored = backend.election_archive_pieces(council, number)?;
    if stored <= held {
        return Ok(stored == held);
    }
    let pieces = backend.election_archive_pieces_from(council, number, held)?;
    let mut followed = held;
    for piece in &pieces {
        if let Err(error) = ballot_box.follow(piece) {
            tracing::info!(election = number, %error, "a piece another server stored cannot be followed: reloading");
            return Ok(false);
        }
        followed += 1;
        state.elections().pieces.lock().map_err(poisoned)?.insert((council, number), (id, followed));
    }
    // More may have been stored since the count was read: the box is at least as current as the count.
    Ok(followed >= stored)
}

/// How many stored pieces the box `id` holds, if it is the election's loaded box.
fn held_pieces(state: &AppState, council: EventHash, number: u32, id: usize) -> Result<Option<u64>, WebError> {
    let pieces = state.elections().pieces.lock().map_err(poisoned)?;
    Ok(pieces.get(&(council, number)).filter(|(held_by, _)| *held_by == id).map(|(_, count)| *count))
}

/// The place of the next piece the box `id` appends (called under its write lock, so one writer at a time); "busy,
/// try again" when it is no longer the election's box (dropped because another server appended first).
pub(crate) fn next_piece(state: &AppState, council: EventHash, number: u32, id: usize) -> Result<u64, WebError> {
    held_pieces(state, council, number, id)?.ok_or_else(|| {
        tracing::info!(election = number, "the ballot box was replaced while a change waited for it: busy");
        WebError::Busy
    })
}

/// The outcome of storing `count` pieces from place `seq` planned on box `id`: on success the box holds that many
/// more pieces; when another server took the place, the box is dropped (the next request loads the archive again)
/// and the request is answered "busy, try again".
pub(crate) fn stored_pieces<T>(
    state: &AppState,
    council: EventHash,
    number: u32,
    id: usize,
    seq: u64,
    count: usize,
    stored: Result<T, kenes_store::StoreError>,
) -> Result<T, WebError> {
    let mut pieces = state.elections().pieces.lock().map_err(poisoned)?;
    let current = pieces.get(&(council, number)).is_some_and(|(held_by, _)| *held_by == id);
    match stored {
        Ok(value) => {
            if current {
                pieces.insert((council, number), (id, seq + count as u64));
            }
            Ok(value)
        }
        Err(kenes_store::StoreError::ArchiveMoved { .. }) => {
            tracing::info!(election = number, "another server appended to the election's archive first: reloading");
            if current {
                pieces.remove(&(council, number));
                drop(pieces);
                state.elections().slots.lock().map_err(poisoned)?.remove(&(council, number));
            }
            Err(WebError::Busy)
        }
        Err(error) => Err(error.into()),
    }
}

/// `ballot_box` off the async threads.
pub(crate) async fn ballot_box_async(state: &AppState, council: EventHash, number: u32) -> Result<Boxed, WebError> {
    let worker = state.clone();
    crate::blocking(move || ballot_box(&worker, council, number)).await
}

/// Stores a prepared change's archive entries durably, then applies it to the box: what the box holds is what the
/// store holds, and a failed store leaves the box as it was.
pub(crate) fn store_then_commit<T, G: ElectionGroup>(
    state: &AppState,
    council: EventHash,
    number: u32,
    ballot_box: &mut BallotBox<G>,
    pending: kenes_crypto::ballot_box::Pending<T, G::Element>,
) -> Result<T, WebError> {
    let backend = state.node().store().backend();
    let id = box_id(ballot_box);
    let seq = next_piece(state, council, number, id)?;
    stored_pieces(
        state,
        council,
        number,
        id,
        seq,
        1,
        backend.append_election_archive(council, number, seq, &pending.to_bytes()),
    )?;
    ballot_box.commit(pending).map_err(|e| WebError::Internal(e.to_string()))
}

/// Keeps a ballot box made here (on opening, its archive stored as one piece) as the election's.
pub(crate) fn install(state: &AppState, council: EventHash, number: u32, ballot_box: Boxed) -> Result<(), WebError> {
    let slot = state.elections().slots.lock().map_err(poisoned)?.entry((council, number)).or_default().clone();
    let id = ballot_box.id()?;
    *slot.lock().map_err(poisoned)? = Some(ballot_box);
    state.elections().pieces.lock().map_err(poisoned)?.insert((council, number), (id, 1));
    Ok(())
}

/// Who may cast in the election, as fixed when it opened. Blocking (reads the setup once).
pub(crate) fn roll(state: &AppState, council: EventHash, number: u32) -> Result<Arc<Roll>, WebError> {
    if let Some(found) = state.elections().rolls.lock().map_err(poisoned)?.get(&(council, number)) {
        return Ok(found.clone());
    }
    let setup = load_setup(state, council, number)?;
    // Elections opened before kenes bound credentials to members kept no list of voters: whoever held a
    // credential voted, as in hall mode.
    let hall = setup.hall || setup.voters.is_empty();
    let roll = Arc::new(Roll { hall, voters: setup.voters.iter().copied().collect() });
    if election_of(state, council, number)?.0.status != ElectionStatus::Setup {
        state.elections().rolls.lock().map_err(poisoned)?.insert((council, number), roll.clone());
    }
    Ok(roll)
}

/// Whether the person asking may see this election: anyone, unless the council is private and has not published
/// it; then its members only (and, for the booth of an election in hall mode, whoever holds a slip). Anyone else is
/// told there is nothing here.
pub(crate) fn check_visible(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    number: u32,
    hall_booth: bool,
) -> Result<(), WebError> {
    let private = state.node().read(council, |c| c.private && !c.election(number).is_some_and(|e| e.published))?;
    if !private || hall_booth {
        return Ok(());
    }
    require_member(state, ctx, council).map(|_| ()).map_err(|_| WebError::NotFound)
}

/// Runs `f` when dropped (a count taken back on every way out of a block).
pub(crate) fn scopeguard(f: impl FnOnce()) -> impl Drop {
    struct Guard<F: FnOnce()>(Option<F>);
    impl<F: FnOnce()> Drop for Guard<F> {
        fn drop(&mut self) {
            if let Some(f) = self.0.take() {
                f();
            }
        }
    }
    Guard(Some(f))
}
