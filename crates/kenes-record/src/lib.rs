//! kenes-record
