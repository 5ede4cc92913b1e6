//! simple
