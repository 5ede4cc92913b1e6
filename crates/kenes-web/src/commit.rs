//! Group commit of council commands, on threads of their own.
//!
//! Commands that arrive while a council's committer waits for the disk are checked one after the other and appended
//! together in its next transaction (`Node::execute_many`), so 200 members voting at once wait for a few disk flushes,
//! not 200. Each answer comes only after its event is durable.
//!
//! The committer is an OS thread per council with commands waiting, not a task on the async runtime: a meeting with
//! thousands of live screens wakes thousands of stream tasks at every change, and a committer (or the answers it
//! sends) queued behind them would make every action wait for the whole fan-out of the change before it. Answers
//! are sent before the live screens are woken (`tell`), for the same reason. A committer with nothing to do for
//! [`IDLE`] ends; the next command starts another.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use kenes_council::CouncilEvent;
use kenes_record::{Event, EventHash};

use crate::error::WebError;
use crate::{AppState, Inner, auth};

/// The most commands one transaction takes.
const BATCH: usize = 256;
/// The most commands that may wait for one council's committer; more are answered "busy, try again".
pub const QUEUE: usize = 4096;
/// On a shared database, how long a batch waits for more commands before it is written.
const LINGER: Duration = Duration::from_millis(50);
/// How long a committer waits for more before its thread ends.
const IDLE: Duration = Duration::from_secs(10);

/// A command waiting for the group committer, and where its answer goes.
type Pending = (CouncilEvent, tokio::sync::oneshot::Sender<Result<Event, WebError>>);

/// Each council's committer queue, while its thread runs.
#[derive(Default)]
pub(crate) struct Committers {
    queues: Mutex<HashMap<EventHash, SyncSender<Pending>>>,
}

impl AppState {
    /// Checks a command against the council's state, appends its event durably with whatever else arrived at the
    /// same time (group commit), and tells every live page. Answers once the event is durable.
    pub async fn execute_blocking(&self, council: EventHash, command: CouncilEvent) -> Result<Event, WebError> {
        let (answer, receive) = tokio::sync::oneshot::channel();
        self.submit(council, (command, answer))?;
        receive.await.map_err(|_| WebError::Internal("the committer stopped".into()))?
    }

    fn submit(&self, council: EventHash, pending: Pending) -> Result<(), WebError> {
        let mut queues = self.0.committers.queues.lock().map_err(|_| WebError::Internal("poisoned".into()))?;
        let pending = match queues.get(&council) {
            None => pending,
            Some(queue) => match queue.try_send(pending) {
                Ok(()) => return Ok(()),
                Err(TrySendError::Full(_)) => return Err(WebError::Busy),
                // Its thread ended without leaving the map (it cannot, see `next`): start another.
                Err(TrySendError::Disconnected(pending)) => pending,
            },
        };
        let (queue, receiver) = sync_channel(QUEUE);
        queue.try_send(pending).map_err(|_| WebError::Internal("a new committer queue is full".into()))?;
        let state = Arc::downgrade(&self.0);
        std::thread::Builder::new()
            .name("kenes-commit".into())
            .spawn(move || run(state, council, receiver))
            .map_err(|error| WebError::Internal(format!("cannot start a committer: {error}")))?;
        queues.insert(council, queue);
        Ok(())
    }
}

/// The committer of one council: takes what is waiting (up to [`BATCH`]), commits it, answers, wakes the live pages;
/// ends when the server's state is gone or nothing came for [`IDLE`].
fn run(state: Weak<Inner>, council: EventHash, receiver: Receiver<Pending>) {
    let mut batch: Vec<Pending> = Vec::with_capacity(BATCH);
    let mut last_write: Option<Instant> = None;
    loop {
        match next(&state, council, &receiver) {
            Some(pending) => batch.push(pending),
            None => return,
        }
        let Some(inner) = state.upgrade() else {
            return;
        };
        let state = AppState(inner);
        // On a database other servers share, a transaction costs round trips and the lock other servers' committers
        // take: what comes within LINGER joins the batch (PostgreSQL's own `commit_delay`, one level up).
        // Only under load (the command came within LINGER of the last write): a lone command is written at once.
        let loaded = last_write.is_some_and(|at: Instant| at.elapsed() < LINGER);
        let linger = (loaded && state.node().store().backend().shared()).then(|| Instant::now() + LINGER);
        while batch.len() < BATCH {
            let more = match linger.map(|until| until.saturating_duration_since(Instant::now())) {
                Some(left) if !left.is_zero() => receiver.recv_timeout(left).ok(),
                _ => receiver.try_recv().ok(),
            };
            match more {
                Some(more) => batch.push(more),
                None => break,
            }
        }
        let (commands, answers): (Vec<CouncilEvent>, Vec<_>) = std::mem::take(&mut batch).into_iter().unzip();
        let written = state.node().execute_many(council, &commands, auth::now_ms());
        last_write = Some(Instant::now());
        match written {
            Ok(results) => {
                let height = results.iter().filter_map(|r| r.as_ref().ok()).map(|e| e.height + 1).max();
                for (result, answer) in results.into_iter().zip(answers) {
                    let _ = answer.send(result.map_err(WebError::from_node));
                }
                // The answers went first; the live pages hear of it when the burst is over (see `tell`).
                if let Some(height) = height {
                    state.tell(council, height);
                }
            }
            Err(error) => {
                let message = error.to_string();
                tracing::error!(%message, "a group commit failed; nothing of it was written");
                for answer in answers {
                    let _ = answer.send(Err(WebError::Internal(message.clone())));
                }
            }
        }
    }
}

/// The next command, or `None` when the committer should end. On [`IDLE`], the committer leaves the map under its
/// lock after one last look at its queue, so no command is ever sent to a queue whose thread has ended.
fn next(state: &Weak<Inner>, council: EventHash, receiver: &Receiver<Pending>) -> Option<Pending> {
    match receiver.recv_timeout(IDLE) {
        Ok(pending) => Some(pending),
        Err(RecvTimeoutError::Disconnected) => None,
        Err(RecvTimeoutError::Timeout) => {
            let inner = state.upgrade()?;
            let mut queues = inner.committers.queues.lock().ok()?;
            match receiver.try_recv() {
                Ok(pending) => Some(pending),
                Err(_) => {
                    queues.remove(&council);
                    None
                }
            }
        }
    }
}
