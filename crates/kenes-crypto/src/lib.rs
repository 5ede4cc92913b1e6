//! Belenios 2.0 in Rust: groups, ElGamal, proofs, trustees, credentials, ballots, tally and the election archive.
//!
//! The protocol is the one of the Belenios 2.0 specification (shipped with Debian's belenios-tool as
//! `/usr/share/doc/belenios-tool/specification.pdf.gz`); section numbers in comments refer to it.
//! This crate does no I/O: archives are read from and written to byte buffers, randomness is passed in.
//!
//! Map of the crate:
//! - [`group`]: the [`group::Group`] trait and the finite-field groups BELENIOS-2048 and RFC-3526-2048 over GMP
//!   (`rug`), with fixed-base tables for `g` and the election key; [`ed25519`]: Belenios 3's Ed25519 group behind the
//!   same trait (curve25519-dalek), with its point encoding;
//! - [`proofs`]: every zero-knowledge proof with the exact string it hashes;
//! - [`credential`], [`setup`]: the credential authority and the administrator's setup;
//! - [`trustees`], [`pedersen`]: "Single" and threshold trustees, the key ceremony as consuming types;
//! - [`ballot`]: ballot creation and verification, tracking numbers;
//! - [`tally`]: last-ballot-counts, weighted encrypted tally, partial decryptions, result;
//! - [`archive`]: the Belenios 2.0 archive, read and written byte for byte;
//! - [`verify`]: verification of a whole archive, each ballot verified once and reused by the tally checks;
//! - [`mixnet`]: Belenios 3's shuffles of non-homomorphic columns (spec 3.0 §4.19, §6): proved, parsed, checked;
//! - [`ballot_box`]: an election held by a server, [`ballot_box::BallotBox`]: ballots, closing, partial decryptions
//!   and the result, each verified on receipt and appended as new archive entries to store before committing.
//!
//! Belenios 3 (spec 3.0, notes in `docs/belenios3/`): the Ed25519 group and homomorphic elections in it, 3.0's
//! threshold trustees and `Lists` questions, read and written as belenios-tool 3.0 does, through the same generic
//! code. The mixnet ([`mixnet`]) shuffles and checks non-homomorphic ciphertexts as belenios-tool 3.0 does; elections
//! with non-homomorphic questions are not read yet ([`election::Election`] refuses them with an error).

pub mod archive;
pub mod ballot;
pub mod ballot_box;
pub mod credential;
pub mod ed25519;
pub mod election;
pub mod error;
pub mod group;
pub mod mixnet;
pub mod pedersen;
pub mod proofs;
pub mod setup;
pub mod tally;
pub mod trustees;
pub mod verify;

pub use error::{Error, Refusal};
