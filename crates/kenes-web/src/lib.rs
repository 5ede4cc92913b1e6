//! kenes-web
