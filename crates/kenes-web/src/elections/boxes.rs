//! Ballot boxes in memory: loaded on first use under their own election's lock, each change stored before applied.

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

use kenes_council::election::ElectionStatus;
use kenes_crypto::ballot_box::BallotBox;
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
    /// not free its place while its check still runs). A check waits while a cast holds the box's write lock for its
    /// flush to disk, so a few more than the cores keep them busy (`cargo xtask bench ballots`: 79 ballots/s with
    /// one per core, 87 with two, 93 with four, on two cores); the bound keeps a flood from taking a thread each.
    pub(crate) checks: Arc<tokio::sync::Semaphore>,
    /// Ballots waiting for a check; past `MAX_WAITING` a ballot is refused as busy before any work.
    pub(crate) waiting: std::sync::atomic::AtomicUsize,
    pub(crate) verified: std::sync::Mutex<BTreeMap<(EventHash, u32), Arc<ArchiveCheck>>>,
    /// One archive verification at a time for the public page; the others wait for its cached answer.
    pub(crate) verifying: Arc<tokio::sync::Mutex<()>>,
    /// Credentials handed out in the last `SHOWN_FOR`, in memory only: a member whose answer was lost (a dropped
    /// connection, a double tap) gets the same credential again, though the disk no longer holds it.
    pub(crate) shown: std::sync::Mutex<BTreeMap<(EventHash, u32, u32), Shown>>,
}

/// A credential handed out, and when.
pub(crate) type Shown = (zeroize::Zeroizing<String>, std::time::Instant);

/// How long a handed-out credential can be shown again to its member.
pub(crate) const SHOWN_FOR: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// One election's ballot box once loaded, behind the lock that its loading takes.
pub(crate) type Slot = Arc<std::sync::Mutex<Option<Arc<RwLock<BallotBox>>>>>;

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
pub(crate) fn ballot_box(
    state: &AppState,
    council: EventHash,
    number: u32,
) -> Result<Arc<RwLock<BallotBox>>, WebError> {
    // Only elections the record has get a slot, so no request can grow the map with numbers that do not exist.
    election_of(state, council, number)?;
    let slot = state.elections().slots.lock().map_err(poisoned)?.entry((council, number)).or_default().clone();
    let mut slot = slot.lock().map_err(poisoned)?;
    if let Some(found) = &*slot {
        return Ok(found.clone());
    }
    let bytes = state.node().store().backend().election_archive(council, number)?;
    if bytes.is_empty() {
        return Err(WebError::NotFound);
    }
    let loaded = BallotBox::load(&bytes, &kenes_crypto::verify::Quiet)
        .map_err(|e| WebError::Internal(format!("the archive of election {number} does not verify: {e}")))?;
    let loaded = Arc::new(RwLock::new(loaded));
    *slot = Some(loaded.clone());
    Ok(loaded)
}

/// `ballot_box` off the async threads.
pub(crate) async fn ballot_box_async(
    state: &AppState,
    council: EventHash,
    number: u32,
) -> Result<Arc<RwLock<BallotBox>>, WebError> {
    let worker = state.clone();
    crate::blocking(move || ballot_box(&worker, council, number)).await
}

/// Stores a prepared change's archive entries durably, then applies it to the box: what the box holds is what the
/// store holds, and a failed store leaves the box as it was.
pub(crate) fn store_then_commit<T>(
    state: &AppState,
    council: EventHash,
    number: u32,
    ballot_box: &mut BallotBox,
    pending: kenes_crypto::ballot_box::Pending<T>,
) -> Result<T, WebError> {
    let backend = state.node().store().backend();
    backend.append_election_archive(council, number, &pending.to_bytes())?;
    ballot_box.commit(pending).map_err(|e| WebError::Internal(e.to_string()))
}

/// Keeps a ballot box made here (on opening) as the election's.
pub(crate) fn install(
    state: &AppState,
    council: EventHash,
    number: u32,
    ballot_box: BallotBox,
) -> Result<(), WebError> {
    let slot = state.elections().slots.lock().map_err(poisoned)?.entry((council, number)).or_default().clone();
    *slot.lock().map_err(poisoned)? = Some(Arc::new(RwLock::new(ballot_box)));
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
