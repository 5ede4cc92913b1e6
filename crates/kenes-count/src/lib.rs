//! Counting rules over plaintext ballots, and the ballot file formats they read.
