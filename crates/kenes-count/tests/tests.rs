//! Integration tests of kenes-count: real elections, hand-made rule cases, properties, cross-checks, parsers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod crosscheck;
mod parsers;
mod properties;
mod real;
mod rules;
