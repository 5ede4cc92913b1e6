//! `kenes election` end to end.
