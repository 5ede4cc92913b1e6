//! Failed sign-ins slow down password guessing: after `PER_NAME` failures for one username from one address, or
//! `PER_ADDRESS` failures from one address, within `WINDOW`, further attempts are refused without checking the
//! password until the oldest failure leaves the window. A success clears that username's failures from that address.
//!
//! An attempt is counted as a failure when it begins, before the password hash runs, and forgiven if it succeeds:
//! so 200 guesses sent at once get `PER_NAME` checks, not 200.
//! Counting per address and username, not per username alone, means a stranger cannot lock a member out from another
//! phone; counting per address as well stops one machine from trying many usernames. IPv6 addresses count by their
//! /64, which one device or household gets whole.
//! The failures are kept in the store (`Backend::begin_sign_in`), so every server on one database counts the same
//! ones and a restart forgets none. Bounded: when `MAX_FAILURES` failures are recorded within the window, attempts
//! under any key are refused until some leave it, rather than forgetting the failures already counted (flooding the
//! table with names must not reset it).

use std::net::IpAddr;
use std::time::Duration;

use kenes_store::Backend;

use crate::error::WebError;

pub const WINDOW: Duration = Duration::from_secs(15 * 60);
pub const PER_NAME: usize = 5;
pub const PER_ADDRESS: usize = 30;
/// The longest username kept as a key; accounts' usernames are at most 64 bytes, so a longer one is no account's.
pub const MAX_USERNAME: usize = 64;
/// The most failures recorded within the window.
pub const MAX_FAILURES: u64 = 200_000;

/// The throttle's policy over the store's record of failures.
#[derive(Debug, Clone, Copy)]
pub struct SignInThrottle {
    /// The most failures recorded within the window (`MAX_FAILURES`; smaller in tests).
    pub max_failures: u64,
}

impl Default for SignInThrottle {
    fn default() -> Self {
        SignInThrottle { max_failures: MAX_FAILURES }
    }
}

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

/// The attempt's keys: the address and username (lower-cased, at most `MAX_USERNAME` bytes), and the address.
fn keys(address: Option<IpAddr>, username: &str) -> (String, Option<String>) {
    let address = address.map(network);
    let mut name = username.trim().to_lowercase();
    if name.len() > MAX_USERNAME {
        let mut end = MAX_USERNAME;
        while !name.is_char_boundary(end) {
            end -= 1;
        }
        name.truncate(end);
    }
    let shown = address.map_or_else(|| "-".to_owned(), |a| a.to_string());
    (format!("name {shown} {name}"), address.map(|a| format!("address {a}")))
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

impl SignInThrottle {
    /// Begins an attempt at `now_ms`: `Err(WebError::Throttled(minutes))` when it must be refused unchecked;
    /// otherwise it is counted as a failure now, until `succeeded` forgives it. Blocking (a durable write).
    pub fn begin(
        &self,
        backend: &dyn Backend,
        address: Option<IpAddr>,
        username: &str,
        now_ms: i64,
    ) -> Result<(), WebError> {
        let (name, address) = keys(address, username);
        let mut limits = vec![(name.as_str(), PER_NAME as u32)];
        limits.extend(address.as_deref().map(|key| (key, PER_ADDRESS as u32)));
        match backend.begin_sign_in(&limits, now_ms, millis(WINDOW), self.max_failures)? {
            None => Ok(()),
            Some(wait_ms) => Err(WebError::Throttled((wait_ms.max(1) as u64).div_ceil(60_000).max(1))),
        }
    }

    /// The attempt succeeded: the username's failures from this address are forgiven, and so is this attempt's count
    /// against the address. Blocking.
    pub fn succeeded(&self, backend: &dyn Backend, address: Option<IpAddr>, username: &str) -> Result<(), WebError> {
        let (name, address) = keys(address, username);
        backend.forgive_sign_in(&name, address.as_deref())?;
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    const MINUTE: i64 = 60_000;

    fn store(dir: &std::path::Path) -> kenes_store::Store {
        kenes_store::Store::open(&kenes_testkit::store::location(dir)).unwrap()
    }

    fn minutes(result: Result<(), WebError>) -> Option<u64> {
        match result {
            Ok(()) => None,
            Err(WebError::Throttled(minutes)) => Some(minutes),
            Err(other) => panic!("{other}"),
        }
    }

    #[test]
    fn five_failures_for_a_name_wait_for_the_window_and_others_are_unaffected() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(dir.path());
        let (throttle, backend) = (SignInThrottle::default(), store.backend());
        let (phone, other): (IpAddr, IpAddr) = ("10.0.0.7".parse().unwrap(), "10.0.0.8".parse().unwrap());
        let start = 1_000_000;
        for i in 0..PER_NAME as i64 {
            assert_eq!(minutes(throttle.begin(backend, Some(phone), "Amina", start + i * 1_000)), None);
        }
        let later = start + MINUTE;
        assert_eq!(minutes(throttle.begin(backend, Some(phone), "amina ", later)), Some(14));
        // Amina on her own phone, and another name from the same phone, may still try.
        assert_eq!(minutes(throttle.begin(backend, Some(other), "amina", later)), None);
        assert_eq!(minutes(throttle.begin(backend, Some(phone), "luis", later)), None);
        // Once the first failure is older than the window, one more try is allowed.
        assert_eq!(minutes(throttle.begin(backend, Some(phone), "amina", start + millis(WINDOW))), None);
        // A success clears the name's failures.
        throttle.succeeded(backend, Some(phone), "AMINA").unwrap();
        assert_eq!(minutes(throttle.begin(backend, Some(phone), "amina", later)), None);
        // The failures are in the store: another server on it (or this one after a restart) counts them too.
        drop(store);
        let reopened = self::store(dir.path());
        for _ in 0..PER_NAME - 1 {
            let _ = throttle.begin(reopened.backend(), Some(phone), "amina", later);
        }
        assert!(minutes(throttle.begin(reopened.backend(), Some(phone), "amina", later)).is_some());
    }

    #[test]
    fn one_address_trying_many_names_is_stopped() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(dir.path());
        let (throttle, backend) = (SignInThrottle::default(), store.backend());
        let phone: IpAddr = "10.0.0.7".parse().unwrap();
        let now = 1_000_000;
        for i in 0..PER_ADDRESS {
            assert_eq!(minutes(throttle.begin(backend, Some(phone), &format!("user{i}"), now)), None);
        }
        assert_eq!(minutes(throttle.begin(backend, Some(phone), "someone-new", now)), Some(15));
        assert_eq!(minutes(throttle.begin(backend, Some("10.0.0.9".parse().unwrap()), "someone-new", now)), None);
    }

    #[test]
    fn flooding_the_table_with_names_does_not_forget_failures() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(dir.path());
        let (throttle, backend) = (SignInThrottle { max_failures: 200 }, store.backend());
        let phone: IpAddr = "10.0.0.7".parse().unwrap();
        let now = 1_000_000;
        for _ in 0..PER_NAME {
            assert_eq!(minutes(throttle.begin(backend, Some(phone), "amina", now)), None);
        }
        // Another machine fills the table with fresh names from many addresses (each within its limits).
        for i in 0..200u32 {
            let address = IpAddr::V4(std::net::Ipv4Addr::from(0x0b00_0000 + i / 20));
            let _ = throttle.begin(backend, Some(address), &format!("flood{i}"), now);
        }
        // Amina's failures are still counted; the flood's new keys are refused rather than pushing hers out.
        assert!(minutes(throttle.begin(backend, Some(phone), "amina", now)).is_some());
        assert!(minutes(throttle.begin(backend, Some("10.9.9.9".parse().unwrap()), "fresh", now)).is_some());
        // Once the flood's failures leave the window, others may try again.
        let after = now + millis(WINDOW);
        assert_eq!(minutes(throttle.begin(backend, Some("10.9.9.9".parse().unwrap()), "fresh", after)), None);
    }

    #[test]
    fn long_usernames_and_ipv6_neighbours_share_a_key() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(dir.path());
        let (throttle, backend) = (SignInThrottle::default(), store.backend());
        let now = 1_000_000;
        let long = "a".repeat(10_000);
        for i in 0..PER_NAME {
            // Each differs past the 64th byte, and each comes from another address of one /64.
            let address: IpAddr = format!("2001:db8::{i:x}").parse().unwrap();
            assert_eq!(minutes(throttle.begin(backend, Some(address), &format!("{long}{i}"), now)), None);
        }
        assert!(minutes(throttle.begin(backend, Some("2001:db8::ff".parse().unwrap()), &long, now)).is_some());
        assert_eq!(minutes(throttle.begin(backend, Some("2001:db9::1".parse().unwrap()), &long, now)), None);
    }
}
