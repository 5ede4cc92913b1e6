//! End-to-end tests of the `kenes` binary.

mod count;
mod election;
mod js;
mod meeting;
mod record;
