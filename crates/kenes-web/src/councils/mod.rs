//! Councils and their members: what a council does (`ops`), and its pages.

pub mod api;
mod import;
mod members;
pub(crate) mod now;
pub mod offices;
mod ops;
mod pages;
mod record;

pub use import::*;
pub use members::*;
pub use ops::*;
pub use pages::*;
pub use record::*;
