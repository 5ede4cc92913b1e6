//! Integration tests of the web server: a real server on a loopback port, driven over HTTP like a browser would.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod browser;
mod charts;
mod ed25519;
mod elections;
mod federation;
mod flows;
mod i18n;
mod logs;
mod meeting;
mod projector;
mod ranked;
mod security;
mod sentences;
mod setup;
mod sync;
mod tls;
mod ux;
