//! End-to-end tests of the `kenes` binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod count;
mod election;
mod js;
mod meeting;
mod record;
