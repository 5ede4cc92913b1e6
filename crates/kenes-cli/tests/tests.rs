//! End-to-end tests of the `kenes` binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kenes_testkit::program::Program;

mod count;
mod election;
mod js;
mod meeting;
mod migrate;
mod record;
mod servers;
mod sync;
mod threshold3;

/// The `kenes` binary cargo built for these tests.
fn kenes() -> Program {
    Program::new(env!("CARGO_BIN_EXE_kenes"))
}

/// Checks `done` every `poll` until it holds; the test fails, naming `what`, after `limit`.
fn wait_until(what: &str, limit: std::time::Duration, poll: std::time::Duration, mut done: impl FnMut() -> bool) {
    let started = std::time::Instant::now();
    while !done() {
        assert!(started.elapsed() < limit, "{what} did not happen within {} s", limit.as_secs());
        std::thread::sleep(poll);
    }
}
