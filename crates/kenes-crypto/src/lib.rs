//! Belenios 2.0: groups, ElGamal, proofs, trustees, credentials and the election archive.
