//! kenes-council
