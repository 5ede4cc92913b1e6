//! Councils and their members: what a council does (`ops`), and its pages.

mod import;
mod members;
mod ops;
mod pages;
mod record;

pub use import::*;
pub use members::*;
pub use ops::*;
pub use pages::*;
pub use record::*;
