//! When a server's live pages are told that a council changed: once per burst of changes, whatever made them.
//!
//! Every change a server's pages must show comes here: its own committer's writes (`commit`) and, on a shared
//! database, the writes of other servers it follows (`AppState::follow_other_servers`). A council's pages are told
//! once no change has come for [`QUIET`], or once the first change not yet told has waited [`TELL_WITHIN`], whichever
//! comes first: a burst of 500 votes costs one fan-out to every screen, not one per batch, and a server that follows
//! two others does not tell its screens three times as often as one alone (it did, when each source kept its own
//! window).
//!
//! What waits is one entry per council (its newest height and two instants), so nothing here grows with the number of
//! changes. One thread per server ("kenes-tell") tells; it ends within [`ALIVE_CHECK`] of the server's state.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, Weak};
use std::time::{Duration, Instant};

use kenes_record::EventHash;

use crate::heights::{FanOut, PACE_LOOK};
use crate::{AppState, Inner};

/// A council's pages are told once no change has come for this long ...
pub(crate) const QUIET: Duration = Duration::from_millis(10);
/// ... or when its first change not yet told has waited this long, whichever comes first.
pub(crate) const TELL_WITHIN: Duration = Duration::from_millis(150);
/// How often an idle teller looks whether its server is gone.
const ALIVE_CHECK: Duration = Duration::from_secs(1);

/// The changes not yet told, per council.
#[derive(Default)]
pub(crate) struct Teller {
    shared: Arc<Shared>,
}

#[derive(Default)]
struct Shared {
    waiting: Mutex<Waiting>,
    wake: Condvar,
}

#[derive(Default)]
struct Waiting {
    bursts: HashMap<EventHash, Burst>,
    /// Whether the thread that tells runs.
    running: bool,
}

struct Burst {
    height: u64,
    first: Instant,
    last: Instant,
}

impl Burst {
    fn due(&self) -> Instant {
        (self.last + QUIET).min(self.first + TELL_WITHIN)
    }
}

impl AppState {
    /// The live pages of `council` will be told that it reached `height` when the burst this change belongs to ends.
    pub(crate) fn tell(&self, council: EventHash, height: u64) {
        let shared = &self.0.teller.shared;
        let Ok(mut waiting) = shared.waiting.lock() else {
            // A teller that panicked: tell at once rather than never.
            return self.notify(council, height);
        };
        let now = Instant::now();
        waiting
            .bursts
            .entry(council)
            .and_modify(|burst| {
                burst.height = burst.height.max(height);
                burst.last = now;
            })
            .or_insert(Burst { height, first: now, last: now });
        if !waiting.running {
            let (state, teller) = (Arc::downgrade(&self.0), Arc::clone(shared));
            let started = std::thread::Builder::new().name("kenes-tell".into()).spawn(move || run(&state, &teller));
            match started {
                Ok(_) => waiting.running = true,
                Err(error) => {
                    tracing::error!(%error, "cannot start the thread that tells live pages; telling at once");
                    waiting.bursts.remove(&council);
                    drop(waiting);
                    return self.notify(council, height);
                }
            }
        }
        shared.wake.notify_one();
    }
}

/// Tells each council's pages as its burst ends, a slice at a time (see `heights`), every council's fan-out under way
/// stepped in turn; returns when the server's state is gone.
fn run(state: &Weak<Inner>, shared: &Shared) {
    let Ok(mut waiting) = shared.waiting.lock() else {
        return;
    };
    let mut under_way: Vec<FanOut> = Vec::new();
    loop {
        let now = Instant::now();
        let mut due = Vec::new();
        let mut next: Option<Instant> = None;
        waiting.bursts.retain(|council, burst| {
            let at = burst.due();
            // A council whose fan-out is under way is told again once it is over: the slices it has not woken yet get
            // this burst's height already.
            if at <= now && !under_way.iter().any(|fan_out| fan_out.council() == *council) {
                due.push((*council, burst.height));
                false
            } else {
                next = Some(next.map_or(at, |next| next.min(at)));
                true
            }
        });
        if due.is_empty() && under_way.is_empty() {
            if state.strong_count() == 0 {
                waiting.running = false;
                return;
            }
            let wait = next.map_or(ALIVE_CHECK, |at| at.saturating_duration_since(now));
            waiting = match shared.wake.wait_timeout(waiting, wait) {
                Ok((waiting, _)) => waiting,
                Err(_) => return,
            };
            continue;
        }
        drop(waiting);
        let Some(inner) = state.upgrade() else {
            return;
        };
        let server = AppState(inner);
        under_way.extend(due.into_iter().filter_map(|(council, height)| server.0.heights.fan_out(council, height)));
        under_way.retain_mut(|fan_out| {
            let council = fan_out.council();
            let newer = || shared.waiting.lock().ok()?.bursts.get(&council).map(|burst| burst.height);
            !fan_out.step(newer)
        });
        drop(server);
        if !under_way.is_empty() {
            std::thread::sleep(PACE_LOOK);
        }
        waiting = match shared.waiting.lock() {
            Ok(waiting) => waiting,
            Err(_) => return,
        };
    }
}
