//! Belenios 2.0 in Rust: groups, ElGamal, proofs, trustees, credentials, ballots, tally and the election archive.
//!
//! The protocol is the one of the Belenios 2.0 specification (shipped with Debian's belenios-tool as
//! `/usr/share/doc/belenios-tool/specification.pdf.gz`); section numbers in comments refer to it.
//! This crate does no I/O: archives are read from and written to byte buffers, randomness is passed in.

pub mod archive;
pub mod ballot;
pub mod credential;
pub mod election;
pub mod error;
pub mod group;
pub mod pedersen;
pub mod proofs;
pub mod setup;
pub mod tally;
pub mod trustees;
pub mod verify;

pub use error::Error;
