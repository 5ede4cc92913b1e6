//! Each council's height, watched by the live pages of its meetings, and woken a slice at a time.
//!
//! A meeting's live pages each hold a stream task that sleeps until its council's height moves. Woken all at once,
//! 10,000 of them fill the async runtime's queue, and every request that arrives during the fan-out (a vote, the reply
//! to a vote its committer just made durable) waits behind all of them: about 100 ms on two cores, measured. So a
//! council's watchers are spread over [`SLICES`] channels, and the teller (`tell`) wakes them one slice after the other,
//! starting the next slice once most of the last one has run ([`FanOut::step`]). Requests then wait behind
//! one slice at most; the fan-out costs the same CPU, and changes made while it runs are told in the next one.
//!
//! What is kept is one entry per council with live pages: its [`SLICES`] channels and a count of woken watchers that
//! have not yet run.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use kenes_record::EventHash;
use tokio::sync::watch;

/// How many slices a council's watchers are spread over.
pub(crate) const SLICES: usize = 16;
/// The next slice is woken once at most this many of the woken watchers have yet to run ...
const PACE_UNSEEN: usize = 32;
/// ... or once the last slice was woken this long ago, whichever comes first (a watcher whose client reads slowly does
/// not run until its connection can take more, and must not hold up the others).
const PACE_WAIT: Duration = Duration::from_millis(15);
/// How often the teller looks whether a slice has run.
pub(crate) const PACE_LOOK: Duration = Duration::from_micros(250);

/// Every council's watched height.
#[derive(Default)]
pub(crate) struct Heights {
    councils: Mutex<HashMap<EventHash, Arc<Council>>>,
}

/// One council's watchers.
struct Council {
    slices: Vec<watch::Sender<u64>>,
    /// Which slice the next watcher joins.
    next: AtomicUsize,
    /// Watchers woken by a [`FanOut`] that have not yet run.
    unseen: Arc<AtomicUsize>,
}

/// A live page's view of its council's height.
pub struct Watcher {
    receiver: watch::Receiver<u64>,
    unseen: Arc<AtomicUsize>,
}

impl Watcher {
    /// The height now, marked as seen.
    pub fn current(&mut self) -> u64 {
        *self.receiver.borrow_and_update()
    }

    /// Waits until the height moves; `false` when the council's channels are gone.
    pub async fn changed(&mut self) -> bool {
        let changed = self.receiver.changed().await.is_ok();
        // One fewer woken watcher to wait for; a change told at once (`notify`) was not counted, hence saturating.
        let _ = self.unseen.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1));
        changed
    }
}

impl Heights {
    /// Follows `council`, which stands at `height` now if nobody follows it yet.
    pub(crate) fn subscribe(&self, council: EventHash, height: u64) -> Watcher {
        let mut councils = self.councils.lock().unwrap_or_else(PoisonError::into_inner);
        let entry = councils.entry(council).or_insert_with(|| {
            Arc::new(Council {
                slices: (0..SLICES).map(|_| watch::channel(height).0).collect(),
                next: AtomicUsize::new(0),
                unseen: Arc::default(),
            })
        });
        let slice = entry.next.fetch_add(1, Ordering::Relaxed) % SLICES;
        Watcher { receiver: entry.slices[slice].subscribe(), unseen: Arc::clone(&entry.unseen) }
    }

    fn council(&self, council: EventHash) -> Option<Arc<Council>> {
        self.councils.lock().ok()?.get(&council).cloned()
    }

    /// Wakes every watcher of `council` at once, if `height` is newer than what they saw.
    pub(crate) fn notify(&self, council: EventHash, height: u64) {
        if let Some(found) = self.council(council) {
            for slice in &found.slices {
                raise(slice, height);
            }
        }
    }

    /// Starts waking the watchers of `council` a slice at a time, up to `height` (see [`FanOut::step`]); `None` when
    /// nobody watches it.
    pub(crate) fn fan_out(&self, council: EventHash, height: u64) -> Option<FanOut> {
        Some(FanOut { council, found: self.council(council)?, height, next: 0, last_woken: None })
    }
}

/// One council's watchers being woken a slice at a time ([`Heights::fan_out`]). The teller steps every fan-out under
/// way in turn, so a council with many slow screens holds up only its own.
pub(crate) struct FanOut {
    council: EventHash,
    found: Arc<Council>,
    height: u64,
    /// The next slice to wake.
    next: usize,
    /// When the last slice was woken, once one was.
    last_woken: Option<Instant>,
}

impl FanOut {
    /// The council whose watchers this wakes.
    pub(crate) fn council(&self) -> EventHash {
        self.council
    }

    /// Wakes every slice that may be woken now: the first at once, each next one once at most [`PACE_UNSEEN`] of the
    /// last slice's woken watchers have yet to run, or [`PACE_WAIT`] after it was woken. Each slice is raised to the
    /// fan-out's height or to what `newer` gives by then, if more: a change made during the fan-out reaches the slices
    /// not yet woken. Whether every slice has been woken (the fan-out is over).
    pub(crate) fn step(&mut self, newer: impl Fn() -> Option<u64>) -> bool {
        while let Some(slice) = self.found.slices.get(self.next) {
            let watchers = slice.receiver_count();
            if watchers == 0 {
                raise(slice, self.height);
                self.next += 1;
                continue;
            }
            if let Some(woken) = self.last_woken {
                if self.found.unseen.load(Ordering::Relaxed) > PACE_UNSEEN && woken.elapsed() < PACE_WAIT {
                    return false;
                }
                self.height = self.height.max(newer().unwrap_or(0));
            }
            self.next += 1;
            if *slice.borrow() >= self.height {
                continue;
            }
            // Counted before the wake, so that no watcher takes one off before it was added.
            self.found.unseen.store(watchers, Ordering::Relaxed);
            raise(slice, self.height);
            self.last_woken = Some(Instant::now());
        }
        true
    }
}

/// Moves one slice's height up to `height`; whether it moved (and woke its watchers).
fn raise(slice: &watch::Sender<u64>, height: u64) -> bool {
    slice.send_if_modified(|current| {
        let newer = height > *current;
        if newer {
            *current = height;
        }
        newer
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn council() -> EventHash {
        EventHash([7; 32])
    }

    /// A whole fan-out, stepped as the teller steps it.
    fn paced(heights: &Heights, council: EventHash, height: u64, newer: impl Fn() -> Option<u64>) {
        if let Some(mut fan_out) = heights.fan_out(council, height) {
            while !fan_out.step(&newer) {
                std::thread::sleep(PACE_LOOK);
            }
        }
    }

    #[tokio::test]
    async fn watchers_are_spread_over_the_slices_and_every_one_sees_a_paced_change() {
        let heights = Arc::new(Heights::default());
        let mut watchers: Vec<Watcher> = (0..SLICES * 3).map(|_| heights.subscribe(council(), 5)).collect();
        let found = heights.council(council()).unwrap();
        assert!(found.slices.iter().all(|slice| slice.receiver_count() == 3), "three watchers in every slice");
        assert!(watchers.iter_mut().all(|w| w.current() == 5));
        let told = Arc::clone(&heights);
        let teller = std::thread::spawn(move || paced(&told, council(), 9, || None));
        for watcher in &mut watchers {
            assert!(watcher.changed().await);
            assert_eq!(watcher.current(), 9);
        }
        teller.join().unwrap();
        // An older height changes nothing and wakes nobody.
        paced(&heights, council(), 8, || None);
        heights.notify(council(), 8);
        assert!(watchers.iter_mut().all(|w| w.current() == 9 && !w.receiver.has_changed().unwrap()));
    }

    #[test]
    fn a_change_made_during_a_fan_out_reaches_the_slices_not_yet_woken() {
        let heights = Heights::default();
        let mut watchers: Vec<Watcher> = (0..SLICES).map(|_| heights.subscribe(council(), 1)).collect();
        paced(&heights, council(), 2, || Some(3));
        let seen: Vec<u64> = watchers.iter_mut().map(Watcher::current).collect();
        assert_eq!(seen[0], 2, "the first slice is woken with the change that was told");
        assert!(seen[1..].iter().all(|&h| h == 3), "the later slices get the newer change: {seen:?}");
    }

    #[test]
    fn a_slice_nobody_runs_delays_the_next_by_a_bounded_wait() {
        let heights = Heights::default();
        // Watchers that are never polled: each slice waits PACE_WAIT for them, then the next is woken anyway.
        let mut watchers: Vec<Watcher> =
            (0..SLICES * (PACE_UNSEEN + 1)).map(|_| heights.subscribe(council(), 1)).collect();
        let started = Instant::now();
        paced(&heights, council(), 2, || None);
        let took = started.elapsed();
        assert!(watchers.iter_mut().all(|w| w.current() == 2), "every slice was woken");
        assert!(took >= PACE_WAIT * (SLICES as u32 - 1), "each slice but the first waited: {took:?}");
    }

    #[test]
    fn a_council_with_slow_screens_holds_up_only_its_own_fan_out() {
        let heights = Heights::default();
        let slow = EventHash([8; 32]);
        // A council whose screens never read (each of its slices waits PACE_WAIT), and another of a few screens.
        let mut stuck: Vec<Watcher> = (0..SLICES * (PACE_UNSEEN + 1)).map(|_| heights.subscribe(slow, 1)).collect();
        let mut quick: Vec<Watcher> = (0..SLICES).map(|_| heights.subscribe(council(), 1)).collect();
        let mut slow_fan_out = heights.fan_out(slow, 2).unwrap();
        assert!(!slow_fan_out.step(|| None), "its second slice waits for the first");
        // Stepped in turn, as the teller steps them: the small council is told whole at once.
        let mut quick_fan_out = heights.fan_out(council(), 2).unwrap();
        assert!(quick_fan_out.step(|| None), "every slice of the small council is woken in its first step");
        assert!(quick.iter_mut().all(|w| w.current() == 2));
        let told: Vec<u64> = stuck.iter_mut().map(Watcher::current).collect();
        assert_eq!(told.iter().filter(|&&h| h == 2).count(), PACE_UNSEEN + 1, "one slow slice so far");
        while !slow_fan_out.step(|| None) {
            std::thread::sleep(PACE_LOOK);
        }
        assert!(stuck.iter_mut().all(|w| w.current() == 2));
    }
}
