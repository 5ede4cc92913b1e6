//! irv
