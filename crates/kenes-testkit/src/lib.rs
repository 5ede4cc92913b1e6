//! What kenes's tests and benchmarks share, so that each crate's tests state their own steps and data and nothing
//! else: the programs they run (the `kenes` binary, belenios-tool), councils and their records, and a kenes web
//! server on a loopback port and Chromium to look at its pages.
//!
//! A dev-dependency only, never published. The parts beyond [`program`] sit behind features (`council`, `store`,
//! `web`) so that a crate low in the graph does not build the crates above it to run its own tests.
//! A failed fixture panics: it is a broken test, to be seen at once, not an error to handle.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod program;

/// The process's peak resident memory so far, in MB (`VmHWM` in `/proc/self/status`; 0 where there is none), for
/// benchmarks that report memory.
pub fn peak_resident_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

#[cfg(feature = "council")]
pub mod council;

#[cfg(feature = "store")]
pub mod store;

#[cfg(feature = "web")]
pub mod web;

#[cfg(feature = "web")]
pub mod chromium;
