//! `kenes count` end to end.
