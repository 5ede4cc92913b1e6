//! Integration tests of kenes-crypto: known answers from belenios-tool archives, round trips, tampering, hostile
//! inputs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod ballot_box;
mod ed25519;
mod kat;
mod lists3;
mod mixnet;
mod pedersen;
mod properties;
mod ranked3;
mod roundtrip;
mod security;
mod tamper;
mod threshold3;

use std::path::PathBuf;

/// A file of `tests/data`.
pub fn data(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// A deterministic RNG seeded by the test's name.
pub fn rng(name: &str) -> rand_chacha::ChaCha20Rng {
    use rand_core::SeedableRng;
    use sha2::Digest;
    let seed: [u8; 32] = sha2::Sha256::digest(name.as_bytes()).into();
    rand_chacha::ChaCha20Rng::from_seed(seed)
}
