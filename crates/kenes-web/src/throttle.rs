//! Failed sign-ins slow down password guessing: after `PER_NAME` failures for one username from one address, or
//! `PER_ADDRESS` failures from one address, within `WINDOW`, further attempts are refused without checking the
//! password until the oldest failure leaves the window. A success clears that username's failures from that address.
//!
//! Counting per address and username, not per username alone, means a stranger cannot lock a member out from another
//! phone; counting per address as well stops one machine from trying many usernames. Kept in memory: a restart
//! forgets it, which costs a guesser a restart of the server they do not control.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const WINDOW: Duration = Duration::from_secs(15 * 60);
pub const PER_NAME: usize = 5;
pub const PER_ADDRESS: usize = 30;
/// The most keys remembered; beyond it the stalest are forgotten first.
const MAX_KEYS: usize = 100_000;

#[derive(Clone, Debug, Hash, PartialEq, Eq)]
enum Key {
    Name(Option<IpAddr>, String),
    Address(IpAddr),
}

#[derive(Debug, Default)]
pub struct SignInThrottle {
    failures: Mutex<HashMap<Key, VecDeque<Instant>>>,
}

fn keys(address: Option<IpAddr>, username: &str) -> Vec<Key> {
    let mut keys = vec![Key::Name(address, username.trim().to_lowercase())];
    keys.extend(address.map(Key::Address));
    keys
}

impl SignInThrottle {
    /// `Err(wait)` when this attempt must be refused, with how long until the next one may be tried.
    pub fn check(&self, address: Option<IpAddr>, username: &str, now: Instant) -> Result<(), Duration> {
        let Ok(mut failures) = self.failures.lock() else { return Ok(()) };
        let mut wait = Duration::ZERO;
        for key in keys(address, username) {
            let limit = if matches!(key, Key::Name(..)) { PER_NAME } else { PER_ADDRESS };
            if let Some(times) = failures.get_mut(&key) {
                while times.front().is_some_and(|t| now.saturating_duration_since(*t) >= WINDOW) {
                    times.pop_front();
                }
                if times.len() >= limit {
                    let oldest = times.front().copied().unwrap_or(now);
                    wait = wait.max(WINDOW.saturating_sub(now.saturating_duration_since(oldest)));
                }
            }
        }
        if wait.is_zero() { Ok(()) } else { Err(wait) }
    }

    pub fn failed(&self, address: Option<IpAddr>, username: &str, now: Instant) {
        let Ok(mut failures) = self.failures.lock() else { return };
        if failures.len() >= MAX_KEYS {
            failures.retain(|_, times| times.back().is_some_and(|t| now.saturating_duration_since(*t) < WINDOW));
            if failures.len() >= MAX_KEYS {
                failures.clear();
            }
        }
        for key in keys(address, username) {
            failures.entry(key).or_default().push_back(now);
        }
    }

    pub fn succeeded(&self, address: Option<IpAddr>, username: &str) {
        if let Ok(mut failures) = self.failures.lock() {
            failures.remove(&Key::Name(address, username.trim().to_lowercase()));
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_for_a_name_wait_for_the_window_and_others_are_unaffected() {
        let throttle = SignInThrottle::default();
        let (phone, other): (IpAddr, IpAddr) = ("10.0.0.7".parse().unwrap(), "10.0.0.8".parse().unwrap());
        let start = Instant::now();
        for i in 0..PER_NAME {
            assert_eq!(throttle.check(Some(phone), "Amina", start), Ok(()));
            throttle.failed(Some(phone), "Amina", start + Duration::from_secs(i as u64));
        }
        let later = start + Duration::from_secs(60);
        assert_eq!(throttle.check(Some(phone), "amina ", later), Err(WINDOW - Duration::from_secs(60)));
        // Amina on her own phone, and another name from the same phone, may still try.
        assert_eq!(throttle.check(Some(other), "amina", later), Ok(()));
        assert_eq!(throttle.check(Some(phone), "luis", later), Ok(()));
        // Once the first failure is older than the window, one more try is allowed.
        assert_eq!(throttle.check(Some(phone), "amina", start + WINDOW), Ok(()));
        // A success clears the name's failures.
        throttle.succeeded(Some(phone), "AMINA");
        assert_eq!(throttle.check(Some(phone), "amina", later), Ok(()));
    }

    #[test]
    fn one_address_trying_many_names_is_stopped() {
        let throttle = SignInThrottle::default();
        let phone: IpAddr = "10.0.0.7".parse().unwrap();
        let now = Instant::now();
        for i in 0..PER_ADDRESS {
            throttle.failed(Some(phone), &format!("user{i}"), now);
        }
        assert!(throttle.check(Some(phone), "someone-new", now).is_err());
        assert_eq!(throttle.check(Some("10.0.0.9".parse().unwrap()), "someone-new", now), Ok(()));
    }
}
