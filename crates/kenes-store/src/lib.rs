//! kenes-store
