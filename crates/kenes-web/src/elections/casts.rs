//! Ballots stored together (group commit). Each ballot's proofs are checked on their own, side by side; the checked
//! ballot then waits in its box's queue, and one committer at a time per box takes every ballot waiting, plans their
//! casts at once (`BallotBox::prepare_casts`), stores them and their credentials' bindings in one durable
//! transaction (one flush to disk for them all, `Backend::append_ballots`), applies them to the box, and answers
//! each. Whoever finds no committer running starts one; it stops when the queue is empty. The box is read-locked
//! only to plan and write-locked only to apply, so checks and pages go on while a batch is being stored.
//!
//! Each ballot is answered as if it had been cast alone after the ones before it in its batch: a refused one (a
//! replay, a closed box, a credential bound to someone else) is answered with its refusal and the others are stored
//! without it. The queue is bounded by the ballots a server takes in at once (`MAX_WAITING`, counted from the check
//! to the answer).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

use kenes_council::MemberId;
use kenes_crypto::ballot_box::{Cast, CheckedBallot, Pending};
use kenes_crypto::election::ElectionGroup;
use kenes_record::EventHash;
use kenes_store::{BallotPiece, CredentialBinding, StoreError};

use crate::AppState;
use crate::error::WebError;

use super::{Held, box_id, catch_up, crypto_error, next_piece, stored_pieces};

/// How often a batch is planned again after other servers stored ballots first, before it is answered as busy.
const MAX_RECASTS: u32 = 64;

/// The most ballots stored in one transaction.
const MAX_BATCH: usize = 512;

/// One box's checked ballots waiting to be stored, and whether a committer is storing some.
pub(crate) struct Waiting<G: ElectionGroup> {
    queue: Mutex<Vec<Queued<G>>>,
    committing: AtomicBool,
}

impl<G: ElectionGroup> Default for Waiting<G> {
    fn default() -> Self {
        Waiting { queue: Mutex::new(Vec::new()), committing: AtomicBool::new(false) }
    }
}

/// Checked ballots still to store, each with its place in the batch.
type Todo<G> = Vec<(usize, CheckedBallot<<G as kenes_crypto::group::Group>::Element>)>;

struct Queued<G: ElectionGroup> {
    ballot: CheckedBallot<G::Element>,
    voter: Option<MemberId>,
    reply: tokio::sync::oneshot::Sender<Result<Cast, WebError>>,
}

/// Stores a checked ballot with the others waiting for the same box, and counts it: its answer once it is durable.
pub(crate) async fn cast<G: ElectionGroup>(
    state: &AppState,
    council: EventHash,
    number: u32,
    held: std::sync::Arc<Held<G>>,
    ballot: CheckedBallot<G::Element>,
    voter: Option<MemberId>,
) -> Result<Cast, WebError> {
    let (reply, answer) = tokio::sync::oneshot::channel();
    held.casts.queue.lock().unwrap_or_else(PoisonError::into_inner).push(Queued { ballot, voter, reply });
    if !held.casts.committing.swap(true, Ordering::SeqCst) {
        let worker = state.clone();
        tokio::task::spawn_blocking(move || commit_waiting(&worker, council, number, &held));
    }
    answer.await.map_err(|_| WebError::Internal("the ballot's committer stopped before answering".into()))?
}

/// The committer: stores the waiting ballots a batch at a time until none is left. Blocking.
fn commit_waiting<G: ElectionGroup>(state: &AppState, council: EventHash, number: u32, held: &Held<G>) {
    let waiting = &held.casts;
    // A committer that panics lets the next cast start another (the ballots it held are answered as an error).
    struct Reset<'a>(&'a AtomicBool);
    impl Drop for Reset<'_> {
        fn drop(&mut self) {
            if std::thread::panicking() {
                self.0.store(false, Ordering::SeqCst);
            }
        }
    }
    let _reset = Reset(&waiting.committing);
    loop {
        let batch: Vec<Queued<G>> = {
            // The queue is a plain list, whole even if a thread panicked while holding it.
            let mut queue = waiting.queue.lock().unwrap_or_else(PoisonError::into_inner);
            let n = queue.len().min(MAX_BATCH);
            queue.drain(..n).collect()
        };
        if batch.is_empty() {
            waiting.committing.store(false, Ordering::SeqCst);
            // A ballot queued after the queue was found empty, while the flag was still up, started no committer:
            // this one goes on unless another has started since.
            let more = !waiting.queue.lock().unwrap_or_else(PoisonError::into_inner).is_empty();
            if !more || waiting.committing.swap(true, Ordering::SeqCst) {
                return;
            }
            continue;
        }
        let (ballots, rest): (Vec<_>, Vec<_>) = batch.into_iter().map(|q| (q.ballot, (q.voter, q.reply))).unzip();
        let (voters, replies): (Vec<_>, Vec<_>) = rest.into_iter().unzip();
        let answers = store_batch(state, council, number, held, ballots, &voters);
        for (reply, answer) in replies.into_iter().zip(answers) {
            // The request may have gone (a closed connection): its ballot is stored all the same.
            let _ = reply.send(answer);
        }
    }
}

/// Plans, stores and applies a batch of checked ballots; each ballot's answer, in order.
fn store_batch<G: ElectionGroup>(
    state: &AppState,
    council: EventHash,
    number: u32,
    held: &Held<G>,
    ballots: Vec<CheckedBallot<G::Element>>,
    voters: &[Option<MemberId>],
) -> Vec<Result<Cast, WebError>> {
    let mut answers: Vec<Option<Result<Cast, WebError>>> = (0..ballots.len()).map(|_| None).collect();
    if let Err(error) =
        store_into(state, council, number, held, ballots.into_iter().enumerate().collect(), voters, &mut answers)
    {
        for answer in answers.iter_mut().filter(|a| a.is_none()) {
            *answer = Some(Err(error.clone()));
        }
    }
    answers
        .into_iter()
        .map(|a| a.unwrap_or_else(|| Err(WebError::Internal("the ballot was not answered".into()))))
        .collect()
}

/// [`store_batch`]'s work: answers the ballots it stores or refuses; an error is the answer of every ballot not
/// answered yet.
fn store_into<G: ElectionGroup>(
    state: &AppState,
    council: EventHash,
    number: u32,
    held: &Held<G>,
    mut todo: Todo<G>,
    voters: &[Option<MemberId>],
    answers: &mut [Option<Result<Cast, WebError>>],
) -> Result<(), WebError> {
    let changer = held.change()?;
    let backend = state.node().store().backend();
    let mut attempts = 0;
    while !todo.is_empty() {
        let (id, planned) = {
            let b = changer.read()?;
            let (indices, ballots): (Vec<usize>, Vec<_>) = todo.into_iter().unzip();
            let mut planned: Vec<(usize, Pending<Cast, G::Element>)> = Vec::with_capacity(indices.len());
            for (i, plan) in indices.into_iter().zip(b.prepare_casts(ballots)) {
                match plan {
                    Ok(pending) => planned.push((i, pending)),
                    Err(error) => answers[i] = Some(Err(crypto_error("el-error-ballot", &error))),
                }
            }
            (box_id(&*b), planned)
        };
        if planned.is_empty() {
            return Ok(());
        }
        let seq = next_piece(state, council, number, id)?;
        let bytes: Vec<Vec<u8>> = planned.iter().map(|(_, pending)| pending.to_bytes()).collect();
        let pieces: Vec<BallotPiece<'_>> = planned
            .iter()
            .zip(&bytes)
            .map(|((i, pending), bytes)| BallotPiece {
                bytes,
                voter: voters[*i].map(|me| (pending.output().credential.as_str(), me.0)),
            })
            .collect();
        let started = std::time::Instant::now();
        let stored = backend.append_ballots(council, number, seq, &pieces);
        tracing::debug!(
            election = number,
            ballots = pieces.len(),
            ms = started.elapsed().as_millis(),
            "ballots stored together"
        );
        drop(pieces);
        match stored {
            // Another server on the database stored a piece at this place first: the box follows what it stored and
            // the ballots (checked already) are planned again on top of it. Past a few tries, "busy, try again".
            Err(StoreError::ArchiveMoved { .. }) if attempts < MAX_RECASTS => {
                attempts += 1;
                // A short random wait, so that servers that lost to each other do not meet again in step.
                let wait = rand::Rng::gen_range(&mut rand::thread_rng(), 0..=attempts.min(8) * 250);
                std::thread::sleep(std::time::Duration::from_micros(u64::from(wait)));
                let mut b = changer.apply()?;
                if !catch_up(state, council, number, &mut b)? {
                    drop(b);
                    return stored_pieces(state, council, number, id, seq, planned.len(), stored).map(drop);
                }
                todo = unplan(&b, planned)?;
            }
            // A credential bound to another member (or a member bound to another credential): those ballots are
            // refused, nothing was written, and the others are stored again without them.
            Ok(bindings) if bindings.iter().any(|b| *b != CredentialBinding::Bound) => {
                let b = changer.read()?;
                let mut again = Vec::with_capacity(planned.len());
                for ((i, pending), binding) in planned.into_iter().zip(bindings) {
                    match binding {
                        CredentialBinding::Bound => again.push((i, pending)),
                        CredentialBinding::CredentialTaken => {
                            answers[i] = Some(Err(WebError::BadInput("el-error-credential-taken".to_owned())));
                        }
                        CredentialBinding::MemberHasAnother => {
                            answers[i] = Some(Err(WebError::BadInput("el-error-other-credential".to_owned())));
                        }
                    }
                }
                todo = unplan(&b, again)?;
            }
            stored => {
                stored_pieces(state, council, number, id, seq, planned.len(), stored)?;
                let mut b = changer.apply()?;
                for (i, pending) in planned {
                    answers[i] = Some(b.commit(pending).map_err(|e| WebError::Internal(e.to_string())));
                }
                return Ok(());
            }
        }
    }
    Ok(())
}

/// Planned casts back to their checked ballots, to plan them again.
fn unplan<G: ElectionGroup>(
    ballot_box: &kenes_crypto::ballot_box::BallotBox<G>,
    planned: Vec<(usize, Pending<Cast, G::Element>)>,
) -> Result<Todo<G>, WebError> {
    planned
        .into_iter()
        .map(|(i, pending)| Ok((i, ballot_box.unplan(pending).map_err(|e| WebError::Internal(e.to_string()))?)))
        .collect()
}
