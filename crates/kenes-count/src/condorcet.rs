//! condorcet
