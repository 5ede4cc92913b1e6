//! Accounts: signing in and out, one-time links, the first administrator, passwords.

pub mod api;
mod ops;
mod pages;

pub use ops::*;
pub use pages::*;
