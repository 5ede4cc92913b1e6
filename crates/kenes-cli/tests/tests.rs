//! End-to-end tests of the `kenes` binary.

mod count;
mod election;
mod meeting;
mod record;
