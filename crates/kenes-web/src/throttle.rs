//! Failed sign-ins slow down password guessing: after `PER_NAME` failures for one username from one address, or
//! `PER_ADDRESS` failures from one address, within `WINDOW`, further attempts are refused without checking the
//! password until the oldest failure leaves the window. A success clears that username's failures from that address.
//!
//! An attempt is counted as a failure when it begins, before the password hash runs, and forgiven if it succeeds:
//! so 200 guesses sent at once get `PER_NAME` checks, not 200.
//! Counting per address and username, not per username alone, means a stranger cannot lock a member out from another
//! phone; counting per address as well stops one machine from trying many usernames. IPv6 addresses count by their
//! /64, which one device or household gets whole. Kept in memory and bounded: when `MAX_KEYS` addresses and names
//! with recent failures are remembered, attempts under any other key are refused until some leave the window, rather
//! than forgetting the failures already counted (flooding the table with names must not reset it).
//! A restart forgets it, which costs a guesser a restart of the server they do not control.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const WINDOW: Duration = Duration::from_secs(15 * 60);
pub const PER_NAME: usize = 5;
pub const PER_ADDRESS: usize = 30;
/// The longest username kept as a key; accounts' usernames are at most 64 bytes, so a longer one is no account's.
pub const MAX_USERNAME: usize = 64;
/// The most keys remembered.
const MAX_KEYS: usize = 100_000;

#[derive(Clone, Debug, Hash, PartialEq, Eq)]
enum Key {
    Name(Option<IpAddr>, String),
    Address(IpAddr),
}

#[derive(Debug, Default)]
pub struct SignInThrottle {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    failures: HashMap<Key, VecDeque<Instant>>,
    /// When the table was last swept of keys whose failures all left the window: at most once per `SWEEP`, so a
    /// full table does not make every attempt walk it.
    swept: Option<Instant>,
}

const SWEEP: Duration = Duration::from_secs(10);

/// An IPv4 address as it is; an IPv6 address by its /64.
fn network(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) if v6.to_ipv4_mapped().is_none() => {
            let segments = v6.segments();
            IpAddr::V6(std::net::Ipv6Addr::new(segments[0], segments[1], segments[2], segments[3], 0, 0, 0, 0))
        }
        IpAddr::V6(v6) => IpAddr::V4(v6.to_ipv4_mapped().unwrap_or(std::net::Ipv4Addr::UNSPECIFIED)),
        v4 => v4,
    }
}

fn keys(address: Option<IpAddr>, username: &str) -> Vec<Key> {
    let address = address.map(network);
    let mut name = username.trim().to_lowercase();
    if name.len() > MAX_USERNAME {
        let mut end = MAX_USERNAME;
        while !name.is_char_boundary(end) {
            end -= 1;
        }
        name.truncate(end);
    }
    let mut keys = vec![Key::Name(address, name)];
    keys.extend(address.map(Key::Address));
    keys
}

impl SignInThrottle {
    /// Begins an attempt: `Err(wait)` when it must be refused unchecked, with how long until the next one may be
    /// tried; otherwise it is counted as a failure now, until `succeeded` forgives it.
    pub fn begin(&self, address: Option<IpAddr>, username: &str, now: Instant) -> Result<(), Duration> {
        let Ok(mut inner) = self.inner.lock() else { return Err(WINDOW) };
        let Inner { failures, swept } = &mut *inner;
        let keys = keys(address, username);
        let mut wait = Duration::ZERO;
        for key in &keys {
            let limit = if matches!(key, Key::Name(..)) { PER_NAME } else { PER_ADDRESS };
            if let Some(times) = failures.get_mut(key) {
                while times.front().is_some_and(|t| now.saturating_duration_since(*t) >= WINDOW) {
                    times.pop_front();
                }
                if times.len() >= limit {
                    let oldest = times.front().copied().unwrap_or(now);
                    wait = wait.max(WINDOW.saturating_sub(now.saturating_duration_since(oldest)));
                }
            }
        }
        if !wait.is_zero() {
            return Err(wait);
        }
        let new_keys = keys.iter().filter(|key| !failures.contains_key(key)).count();
        if failures.len() + new_keys > MAX_KEYS {
            if swept.is_none_or(|last| now.saturating_duration_since(last) >= SWEEP) {
                failures.retain(|_, times| times.back().is_some_and(|t| now.saturating_duration_since(*t) < WINDOW));
                *swept = Some(now);
            }
            if failures.len() + new_keys > MAX_KEYS {
                return Err(WINDOW);
            }
        }
        for key in keys {
            failures.entry(key).or_default().push_back(now);
        }
        Ok(())
    }

    /// The attempt succeeded: the username's failures from this address are forgiven, and so is this attempt's count
    /// against the address.
    pub fn succeeded(&self, address: Option<IpAddr>, username: &str) {
        if let Ok(mut inner) = self.inner.lock() {
            let failures = &mut inner.failures;
            for key in keys(address, username) {
                match key {
                    Key::Name(..) => {
                        failures.remove(&key);
                    }
                    Key::Address(_) => {
                        if let Some(times) = failures.get_mut(&key) {
                            times.pop_back();
                        }
                    }
                }
            }
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
            assert_eq!(throttle.begin(Some(phone), "Amina", start + Duration::from_secs(i as u64)), Ok(()));
        }
        let later = start + Duration::from_secs(60);
        assert_eq!(throttle.begin(Some(phone), "amina ", later), Err(WINDOW - Duration::from_secs(60)));
        // Amina on her own phone, and another name from the same phone, may still try.
        assert_eq!(throttle.begin(Some(other), "amina", later), Ok(()));
        assert_eq!(throttle.begin(Some(phone), "luis", later), Ok(()));
        // Once the first failure is older than the window, one more try is allowed.
        assert_eq!(throttle.begin(Some(phone), "amina", start + WINDOW), Ok(()));
        // A success clears the name's failures.
        throttle.succeeded(Some(phone), "AMINA");
        assert_eq!(throttle.begin(Some(phone), "amina", later), Ok(()));
    }

    #[test]
    fn one_address_trying_many_names_is_stopped() {
        let throttle = SignInThrottle::default();
        let phone: IpAddr = "10.0.0.7".parse().unwrap();
        let now = Instant::now();
        for i in 0..PER_ADDRESS {
            assert_eq!(throttle.begin(Some(phone), &format!("user{i}"), now), Ok(()));
        }
        assert!(throttle.begin(Some(phone), "someone-new", now).is_err());
        assert_eq!(throttle.begin(Some("10.0.0.9".parse().unwrap()), "someone-new", now), Ok(()));
    }

    #[test]
    fn flooding_the_table_with_names_does_not_forget_failures() {
        let throttle = SignInThrottle::default();
        let phone: IpAddr = "10.0.0.7".parse().unwrap();
        let now = Instant::now();
        for _ in 0..PER_NAME {
            assert_eq!(throttle.begin(Some(phone), "amina", now), Ok(()));
        }
        // Another machine fills the table with fresh names from many addresses (each within its limits).
        for i in 0..(MAX_KEYS as u32) {
            let address = IpAddr::V4(std::net::Ipv4Addr::from(0x0b00_0000 + i / 20));
            let _ = throttle.begin(Some(address), &format!("flood{i}"), now);
        }
        // Amina's failures are still counted; the flood's new keys are refused rather than pushing hers out.
        assert!(throttle.begin(Some(phone), "amina", now).is_err());
        assert!(throttle.begin(Some("10.9.9.9".parse().unwrap()), "fresh", now).is_err());
        // Once the flood's failures leave the window, others may try again.
        assert_eq!(throttle.begin(Some("10.9.9.9".parse().unwrap()), "fresh", now + WINDOW), Ok(()));
    }

    #[test]
    fn long_usernames_and_ipv6_neighbours_share_a_key() {
        let throttle = SignInThrottle::default();
        let now = Instant::now();
        let long = "a".repeat(10_000);
        for i in 0..PER_NAME {
            // Each differs past the 64th byte, and each comes from another address of one /64.
            let address: IpAddr = format!("2001:db8::{i:x}").parse().unwrap();
            assert_eq!(throttle.begin(Some(address), &format!("{long}{i}"), now), Ok(()));
        }
        assert!(throttle.begin(Some("2001:db8::ff".parse().unwrap()), &long, now).is_err());
        assert_eq!(throttle.begin(Some("2001:db9::1".parse().unwrap()), &long, now), Ok(()));
    }
}
